// The speed rows of issue 22: QAP of a graph-level statistic (10,000 replications, 1,000
// stakeholders), netlm with 3 predictors (1,000 replications, 500 stakeholders), each on 1 and
// 2 threads; degree-preserving swaps per second on a generated landscape. Invented data
// (copnet::generate). scripts/compare-sna.sh times R sna on the same calls.
#include <benchmark/benchmark.h>

#include <string>
#include <vector>

#include "copnet/analysis/inference.hpp"
#include "copnet/generate.hpp"
#include "copnet/network.hpp"

namespace {

const copnet::Network& landscape(std::size_t n, std::size_t ties) {
    static std::vector<std::pair<std::size_t, copnet::Network>> made;
    for (auto& [k, net] : made)
        if (k == n) return net;
    made.emplace_back(n, copnet::generate({.stakeholders = n, .ties = ties, .seed = 1}));
    return made.back().second;
}

// QAP of the correlation of influence and authority (influence relabelled).
void BM_QapCorrelation(benchmark::State& state) {
    const auto& net = landscape(1000, 5000);
    const auto stat = copnet::named_statistic(net, "correlation:influence,authority");
    const auto influence = *net.find_relation("influence");
    for (auto _ : state) {
        const auto r = copnet::test_statistic(
            net, stat,
            {.null = copnet::NullModel::qap, .ties = copnet::TieFilter::of({influence}),
             .reps = static_cast<std::size_t>(state.range(0)),
             .threads = static_cast<unsigned>(state.range(1))});
        benchmark::DoNotOptimize(r.p_greater);
    }
    state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_QapCorrelation)->Args({10000, 1})->Args({10000, 2})->Unit(benchmark::kMillisecond);

// netlm of influence on authority, collaboration and same:sector, qapspp.
void BM_Netlm(benchmark::State& state) {
    const auto& net = landscape(500, 2500);
    const std::vector<std::string> x = {"authority", "collaboration", "same:sector"};
    for (auto _ : state) {
        const auto r = copnet::regress(net, "influence", x,
                                       {.reps = static_cast<std::size_t>(state.range(0)),
                                        .threads = static_cast<unsigned>(state.range(1))});
        benchmark::DoNotOptimize(r.coefficients);
    }
    state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_Netlm)->Args({1000, 1})->Args({1000, 2})->Unit(benchmark::kMillisecond);

// Successful double edge swaps per second (directed influence ties of a generated landscape).
void BM_RewireSwaps(benchmark::State& state) {
    const auto& net = landscape(static_cast<std::size_t>(state.range(0)),
                                static_cast<std::size_t>(state.range(1)));
    const auto influence = *net.find_relation("influence");
    std::vector<std::pair<std::uint32_t, std::uint32_t>> pairs;
    for (const auto& t : net.all_ties(copnet::TieFilter::of({influence})))
        pairs.emplace_back(t.source.index(), t.target.index());
    std::size_t swaps = 0;
    std::uint64_t run = 0;
    for (auto _ : state) {
        swaps += copnet::rewire_pairs(pairs, true, pairs.size(), 10 * pairs.size(), 1, run++);
    }
    state.counters["swaps_per_s"] =
        benchmark::Counter(static_cast<double>(swaps), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_RewireSwaps)->Args({100000, 1000000})->Unit(benchmark::kMillisecond);

} // namespace
