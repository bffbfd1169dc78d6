// The speed rows of issue 22: QAP of a graph-level statistic (10,000 replications, 1,000
// stakeholders), netlm with 3 predictors (1,000 replications, 500 stakeholders), each on 1 and
// 2 threads (counter `speedup`: 2 threads over 1, benchmarks/speedup.hpp); degree-preserving
// swaps per second on a generated landscape. Invented data
// (copnet::generate). scripts/compare-sna.sh times R sna on the same calls.
#include <benchmark/benchmark.h>

#include <string>
#include <vector>

#include "copnet/analysis/inference.hpp"
#include "copnet/generate.hpp"
#include "copnet/network.hpp"
#include "speedup.hpp"

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
    copnet_bench::timed_with_speedup(
        state, "BM_QapCorrelation/" + std::to_string(state.range(0)),
        static_cast<unsigned>(state.range(1)), [&](unsigned t) {
            const auto r = copnet::test_statistic(
                net, stat,
                {.null = copnet::NullModel::qap, .ties = copnet::TieFilter::of({influence}),
                 .reps = static_cast<std::size_t>(state.range(0)), .threads = t});
            benchmark::DoNotOptimize(r.p_greater);
        });
    state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_QapCorrelation)->Args({10000, 1})->Args({10000, 2})->Unit(benchmark::kMillisecond);

// netlm of influence on authority, collaboration and same:sector, qapspp.
void BM_Netlm(benchmark::State& state) {
    const auto& net = landscape(500, 2500);
    const std::vector<std::string> x = {"authority", "collaboration", "same:sector"};
    copnet_bench::timed_with_speedup(
        state, "BM_Netlm/" + std::to_string(state.range(0)),
        static_cast<unsigned>(state.range(1)), [&](unsigned t) {
            const auto r = copnet::regress(
                net, "influence", x,
                {.reps = static_cast<std::size_t>(state.range(0)), .threads = t});
            benchmark::DoNotOptimize(r.coefficients);
        });
    state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_Netlm)->Args({1000, 1})->Args({1000, 2})->Unit(benchmark::kMillisecond);

// Successful double edge swaps per second: one rewiring null replicate (10 × E swaps, the
// mixing rule of TestOptions::swaps_per_tie, at most 100 × E attempts) of the directed influence
// ties (range 2 = 1) or the mutual collaboration ties (0) of a generated landscape; the time
// includes building the tie set. benchmarks/inference_rewire_compare.py times NetworkX and
// igraph on the same ties.
void BM_RewireSwaps(benchmark::State& state) {
    const auto& net = landscape(static_cast<std::size_t>(state.range(0)),
                                static_cast<std::size_t>(state.range(1)));
    const bool directed = state.range(2) != 0;
    const auto kind = *net.find_relation(directed ? "influence" : "collaboration");
    std::vector<std::pair<std::uint32_t, std::uint32_t>> pairs;
    for (const auto& t : net.all_ties(copnet::TieFilter::of({kind})))
        pairs.emplace_back(t.source.index(), t.target.index());
    std::size_t swaps = 0;
    std::uint64_t run = 0;
    for (auto _ : state) {
        swaps += copnet::rewire_pairs(pairs, directed, 10 * pairs.size(), 100 * pairs.size(), 1,
                                      run++);
    }
    state.counters["ties"] = static_cast<double>(pairs.size());
    state.counters["swaps_per_s"] =
        benchmark::Counter(static_cast<double>(swaps), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_RewireSwaps)
    ->Args({100000, 1000000, 1})
    ->Args({100000, 1000000, 0})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

} // namespace
