// The GraphML reader on hostile inputs (issue 16, items 5-7), each generated at size n and 2n:
// every case must take about twice as long at 2n. A case ends either in a network or in the
// parse_error that the reader's limits raise (its label says which); both must be linear.
//
//   BM_GraphmlDefaults/K     K keys with a <default>, 8 K empty nodes (filled within the limit)
//   BM_GraphmlDefaultsBomb/K K keys with a <default>, 10 K empty nodes (rejected by the limit)
//   BM_GraphmlUnnamedKeys/K  K keys without attr.name (yEd graphics), K/2 nodes
//   BM_GraphmlNamedKeys/K    K attribute keys, K/2 nodes with one value each
//   BM_GraphmlWideElement/A  one node with A attributes (rejected above 1024)
//   BM_GraphmlWideElements/A A/1000 nodes with 1000 attributes each (read)
//   BM_GraphmlDeep/D         D nested elements inside one <data> (rejected at 128)
#include <cstdint>
#include <string>

#include <benchmark/benchmark.h>

#include "copnet/error.hpp"
#include "copnet/io/graphml.hpp"

namespace {

const std::string head = "<?xml version=\"1.0\"?>\n<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n";

std::string nodes(std::size_t n, const std::string& inside = "") {
    std::string s = "<graph edgedefault=\"directed\">\n";
    for (std::size_t i = 0; i < n; ++i)
        s += inside.empty() ? "<node id=\"n" + std::to_string(i) + "\"/>\n"
                            : "<node id=\"n" + std::to_string(i) + "\">" + inside + "</node>\n";
    return s + "</graph>\n</graphml>\n";
}

std::string keys(std::size_t k, bool named, bool with_default) {
    std::string s;
    for (std::size_t i = 0; i < k; ++i) {
        s += "<key id=\"k" + std::to_string(i) + "\" for=\"node\"";
        if (named) s += " attr.name=\"a" + std::to_string(i) + "\"";
        s += with_default ? "><default>v</default></key>\n" : "/>\n";
    }
    return s;
}

void run(benchmark::State& state, const std::string& text) {
    std::size_t read = 0, rejected = 0;
    for (auto _ : state) {
        copnet::Network net;
        try {
            copnet::parse_graphml(net, text);
            ++read;
        } catch (const copnet::parse_error&) {
            ++rejected;
        }
        benchmark::DoNotOptimize(net.stakeholder_count());
    }
    state.SetLabel(rejected ? "rejected" : "read");
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
    state.counters["KB"] = static_cast<double>(text.size()) / 1024.0;
    benchmark::DoNotOptimize(read);
}

void BM_GraphmlDefaults(benchmark::State& state) {
    const auto k = static_cast<std::size_t>(state.range(0));
    run(state, head + keys(8, true, true) + nodes(8 * k));
}
BENCHMARK(BM_GraphmlDefaults)->Arg(10000)->Arg(20000)->Unit(benchmark::kMillisecond);

void BM_GraphmlDefaultsBomb(benchmark::State& state) {
    const auto k = static_cast<std::size_t>(state.range(0));
    run(state, head + keys(k, true, true) + nodes(10 * k));
}
BENCHMARK(BM_GraphmlDefaultsBomb)->Arg(1000)->Arg(2000)->Unit(benchmark::kMillisecond);

void BM_GraphmlUnnamedKeys(benchmark::State& state) {
    const auto k = static_cast<std::size_t>(state.range(0));
    run(state, head + keys(k, false, true) + nodes(k / 2));
}
BENCHMARK(BM_GraphmlUnnamedKeys)->Arg(20000)->Arg(40000)->Unit(benchmark::kMillisecond);

void BM_GraphmlNamedKeys(benchmark::State& state) {
    const auto k = static_cast<std::size_t>(state.range(0));
    std::string body = "<graph>\n";
    for (std::size_t i = 0; i < k / 2; ++i)
        body += "<node id=\"n" + std::to_string(i) + "\"><data key=\"k" + std::to_string(2 * i) + "\">x</data></node>\n";
    run(state, head + keys(k, true, false) + body + "</graph></graphml>\n");
}
BENCHMARK(BM_GraphmlNamedKeys)->Arg(20000)->Arg(40000)->Unit(benchmark::kMillisecond);

std::string wide_node(std::size_t id, std::size_t attributes) {
    std::string s = "<node id=\"n" + std::to_string(id) + "\"";
    for (std::size_t i = 0; i < attributes; ++i) s += " x" + std::to_string(i) + "=\"1\"";
    return s + "/>\n";
}

void BM_GraphmlWideElement(benchmark::State& state) {
    const auto a = static_cast<std::size_t>(state.range(0));
    run(state, head + "<graph>\n" + wide_node(0, a) + "</graph></graphml>\n");
}
BENCHMARK(BM_GraphmlWideElement)->Arg(40000)->Arg(80000)->Unit(benchmark::kMillisecond);

void BM_GraphmlWideElements(benchmark::State& state) {
    const auto a = static_cast<std::size_t>(state.range(0));
    std::string s = head + "<graph>\n";
    for (std::size_t i = 0; i < a / 1000; ++i) s += wide_node(i, 1000);
    run(state, s + "</graph></graphml>\n");
}
BENCHMARK(BM_GraphmlWideElements)->Arg(400000)->Arg(800000)->Unit(benchmark::kMillisecond);

void BM_GraphmlDeep(benchmark::State& state) {
    const auto d = static_cast<std::size_t>(state.range(0));
    std::string inside = "<data key=\"k0\">";
    for (std::size_t i = 0; i < d; ++i) inside += "<y>";
    for (std::size_t i = 0; i < d; ++i) inside += "</y>";
    run(state, head + keys(1, true, false) + nodes(1, inside + "</data>"));
}
BENCHMARK(BM_GraphmlDeep)->Arg(150000)->Arg(300000)->Unit(benchmark::kMillisecond);

} // namespace
