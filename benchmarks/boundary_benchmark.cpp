// Boundary-crossing measures on a landscape loaded from files named by the environment
// (benchmarks/compare.py --boundary sets them): COPNET_BENCH_NODES, COPNET_BENCH_TIES (the CSV
// pair, with a `sector` facet). The snapshot is built before timing (BM_Snapshot times it).
//   BM_BetweennessExact/T      exact betweenness, directed, T threads (run it at 10k only)
//   BM_BetweennessSampled/K/T  betweenness from K seeded sources, T threads
//   BM_Mixing, BM_EIIndex      one pass over the ties (E-I without permutations)
//   BM_Brokerage/T             one pass over the two-paths, T threads
//   BM_StructuralHoles         constraint and effective size, O(Σ d²)
// The T-thread cases report `speedup` over T = 1 (benchmarks/speedup.hpp).
#include <cstdlib>
#include <memory>
#include <string>

#include <benchmark/benchmark.h>

#include "copnet/analysis/boundary.hpp"
#include "detail/snapshot.hpp"
#include "copnet/io/csv.hpp"
#include "speedup.hpp"

namespace {

const copnet::Network* landscape() {
    static std::unique_ptr<copnet::Network> cache;
    if (cache) return cache.get();
    const char* nodes = std::getenv("COPNET_BENCH_NODES");
    const char* ties = std::getenv("COPNET_BENCH_TIES");
    if (nodes == nullptr || ties == nullptr) return nullptr;
    cache = std::make_unique<copnet::Network>(copnet::read_csv(nodes, ties));
    (void)copnet::detail::Snapshot::of(*cache, copnet::TieFilter{});
    return cache.get();
}

// The landscape, or null after marking `state` skipped.
const copnet::Network* landscape_or_skip(benchmark::State& state) {
    const copnet::Network* net = landscape();
    if (net == nullptr) state.SkipWithError("set COPNET_BENCH_NODES and COPNET_BENCH_TIES");
    return net;
}

void BM_BetweennessExact(benchmark::State& state) {
    const copnet::Network* net = landscape_or_skip(state);
    if (net == nullptr) return;
    copnet_bench::timed_with_speedup(
        state, "BM_BetweennessExact", static_cast<unsigned>(state.range(0)), [&](unsigned t) {
            const auto b = copnet::betweenness(*net, {.threads = t});
            benchmark::DoNotOptimize(b.data());
        });
}
BENCHMARK(BM_BetweennessExact)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->Iterations(1);

void BM_BetweennessSampled(benchmark::State& state) {
    const copnet::Network* net = landscape_or_skip(state);
    if (net == nullptr) return;
    copnet_bench::timed_with_speedup(
        state, "BM_BetweennessSampled/" + std::to_string(state.range(0)),
        static_cast<unsigned>(state.range(1)), [&](unsigned t) {
            const auto b = copnet::betweenness(
                *net, {.samples = static_cast<std::size_t>(state.range(0)), .threads = t});
            benchmark::DoNotOptimize(b.data());
        });
}
BENCHMARK(BM_BetweennessSampled)->Args({100, 1})->Args({100, 2})
    ->Unit(benchmark::kMillisecond)->Iterations(1);

void BM_Mixing(benchmark::State& state) {
    const copnet::Network* net = landscape_or_skip(state);
    if (net == nullptr) return;
    for (auto _ : state) benchmark::DoNotOptimize(copnet::mixing_matrix(*net, "sector").total);
}
BENCHMARK(BM_Mixing)->Unit(benchmark::kMillisecond)->Iterations(1);

void BM_EIIndex(benchmark::State& state) {
    const copnet::Network* net = landscape_or_skip(state);
    if (net == nullptr) return;
    for (auto _ : state)
        benchmark::DoNotOptimize(copnet::ei_index(*net, "sector", {.permutations = 0}).ei_index);
}
BENCHMARK(BM_EIIndex)->Unit(benchmark::kMillisecond)->Iterations(1);

void BM_Brokerage(benchmark::State& state) {
    const copnet::Network* net = landscape_or_skip(state);
    if (net == nullptr) return;
    copnet_bench::timed_with_speedup(
        state, "BM_Brokerage", static_cast<unsigned>(state.range(0)), [&](unsigned t) {
            const auto b = copnet::brokerage(*net, "sector", {.threads = t});
            benchmark::DoNotOptimize(b.stakeholders.data());
        });
}
BENCHMARK(BM_Brokerage)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->Iterations(1);

void BM_StructuralHoles(benchmark::State& state) {
    const copnet::Network* net = landscape_or_skip(state);
    if (net == nullptr) return;
    for (auto _ : state) benchmark::DoNotOptimize(copnet::structural_holes(*net).data());
}
BENCHMARK(BM_StructuralHoles)->Unit(benchmark::kMillisecond)->Iterations(1);

} // namespace
