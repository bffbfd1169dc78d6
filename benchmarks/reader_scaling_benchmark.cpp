// Scaling of the CSV and node-link JSON readers on the shapes that were quadratic or unbounded
// (issue 16): a nodes.csv of many columns (20,000 took 17 s), a ties.csv of blank lines (memory
// reserved per line), JSON with one community per node (20,000 nodes: 59 s, 211 MB), and JSON
// nested deep (a stack overflow at 150,000 levels; now an error after 256). Each runs at n and
// 2n: a linear reader takes about twice as long at 2n. Compare the two rows of a case, e.g.
//   copnet_benchmarks --benchmark_filter='BM_(CsvWideHeader|CsvBlankLines|JsonCommunityPerNode|JsonDeep)'
#include <string>

#include <benchmark/benchmark.h>

#include "copnet/error.hpp"
#include "copnet/io/csv.hpp"
#include "copnet/io/json.hpp"

namespace {

void per_item(benchmark::State& state, std::size_t bytes) {
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) * state.range(0));
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * bytes));
}

// A nodes.csv of n attribute columns and 10 rows.
void BM_CsvWideHeader(benchmark::State& state) {
    const auto n = static_cast<std::size_t>(state.range(0));
    std::string nodes = "id";
    for (std::size_t i = 0; i < n; ++i) nodes += ",c" + std::to_string(i);
    nodes += '\n';
    for (int r = 0; r < 10; ++r) {
        nodes += "s" + std::to_string(r);
        for (std::size_t i = 0; i < n; ++i) nodes += ",v";
        nodes += '\n';
    }
    for (auto _ : state) {
        copnet::Network net;
        copnet::parse_csv(net, nodes, "source,target,kind\n");
        benchmark::DoNotOptimize(net.attribute_names().size());
    }
    per_item(state, nodes.size());
}
BENCHMARK(BM_CsvWideHeader)->Arg(20000)->Arg(40000)->Unit(benchmark::kMillisecond);

// A ties.csv of n blank lines and one tie.
void BM_CsvBlankLines(benchmark::State& state) {
    const auto n = static_cast<std::size_t>(state.range(0));
    const std::string ties = "source,target,kind\n" + std::string(n, '\n') + "a,b,influence\n";
    for (auto _ : state) {
        copnet::Network net;
        copnet::parse_csv(net, "id\na\nb\n", ties);
        benchmark::DoNotOptimize(net.tie_count());
    }
    per_item(state, ties.size());
}
BENCHMARK(BM_CsvBlankLines)->Arg(10'000'000)->Arg(20'000'000)->Unit(benchmark::kMillisecond);

// n nodes, each the one member of a community of its own.
void BM_JsonCommunityPerNode(benchmark::State& state) {
    const auto n = static_cast<std::size_t>(state.range(0));
    std::string text = "{\"nodes\": [";
    for (std::size_t i = 0; i < n; ++i)
        text += (i ? ",{\"id\": \"s" : "{\"id\": \"s") + std::to_string(i) + "\", \"circle:c" +
                std::to_string(i) + "\": \"core\"}";
    text += "], \"links\": []}";
    for (auto _ : state) {
        copnet::Network net;
        copnet::parse_json(net, text);
        benchmark::DoNotOptimize(net.communities().size());
    }
    per_item(state, text.size());
}
BENCHMARK(BM_JsonCommunityPerNode)->Arg(20000)->Arg(40000)->Arg(80000)->Unit(benchmark::kMillisecond);

// A member nested n levels deep (rejected after 256: the cost is reading up to there).
void BM_JsonDeep(benchmark::State& state) {
    const auto n = static_cast<std::size_t>(state.range(0));
    const std::string text = "{\"x\": " + std::string(n, '[') + std::string(n, ']') +
                             ", \"nodes\": [], \"links\": []}";
    for (auto _ : state) {
        copnet::Network net;
        try {
            copnet::parse_json(net, text);
        } catch (const copnet::parse_error& e) {
            benchmark::DoNotOptimize(e.line());
        }
    }
    per_item(state, text.size());
}
BENCHMARK(BM_JsonDeep)->Arg(150000)->Arg(300000)->Unit(benchmark::kMillisecond);

} // namespace
