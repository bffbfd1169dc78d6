// k-step reach from 100 sources (k = 2 and unlimited): copnet's reach_counts, one thread, on a
// landscape loaded from files named by the environment (benchmarks/compare.py sets them):
//   COPNET_BENCH_NODES, COPNET_BENCH_TIES  the CSV pair
//   COPNET_BENCH_SOURCES                   comma-separated source ids
// reach_counts reuses the network's cached snapshot (built by the first call after a change);
// BM_Snapshot times that one-time build on its own.
#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <benchmark/benchmark.h>

#include "copnet/analysis/components.hpp"
#include "copnet/analysis/reach.hpp"
#include "detail/snapshot.hpp"
#include "copnet/io/csv.hpp"

namespace {

struct Loaded {
    copnet::Network net;
    std::vector<copnet::StakeholderId> sources;
};

const Loaded* loaded() {
    static std::unique_ptr<Loaded> cache;
    if (cache) return cache.get();
    const char* nodes = std::getenv("COPNET_BENCH_NODES");
    const char* ties = std::getenv("COPNET_BENCH_TIES");
    const char* sources = std::getenv("COPNET_BENCH_SOURCES");
    if (nodes == nullptr || ties == nullptr || sources == nullptr) return nullptr;
    cache = std::make_unique<Loaded>();
    cache->net = copnet::read_csv(nodes, ties);
    // Build the cached snapshot now, so that no reach row (even with one repetition) includes
    // it; BM_Snapshot times the build on its own.
    (void)copnet::detail::Snapshot::of(cache->net, copnet::TieFilter{});
    std::string_view list = sources;
    for (;;) {
        const auto comma = list.find(',');
        cache->sources.push_back(cache->net.at(list.substr(0, comma)));
        if (comma == std::string_view::npos) break;
        list.remove_prefix(comma + 1);
    }
    return cache.get();
}

// state.range(0): hop limit, 0 = unlimited.
void BM_ReachFromSources(benchmark::State& state) {
    const Loaded* l = loaded();
    if (l == nullptr) {
        state.SkipWithError("set COPNET_BENCH_NODES, COPNET_BENCH_TIES, COPNET_BENCH_SOURCES");
        return;
    }
    copnet::ReachOptions options;
    if (state.range(0) > 0) options.max_hops = static_cast<std::size_t>(state.range(0));
    std::size_t visited = 0;
    for (auto _ : state) {
        const auto counts = copnet::reach_counts(l->net, l->sources, options, 1);
        visited = 0;
        for (const auto& c : counts) visited += c.reached;
        benchmark::DoNotOptimize(visited);
    }
    state.counters["reached"] = static_cast<double>(visited);
}
BENCHMARK(BM_ReachFromSources)->Arg(2)->Arg(0)->Unit(benchmark::kMillisecond)->Iterations(1);

// Weakly connected components of every tie (the snapshot is built by loaded()).
void BM_Components(benchmark::State& state) {
    const Loaded* l = loaded();
    if (l == nullptr) {
        state.SkipWithError("set COPNET_BENCH_NODES, COPNET_BENCH_TIES, COPNET_BENCH_SOURCES");
        return;
    }
    std::size_t pieces = 0;
    for (auto _ : state) {
        pieces = copnet::components(l->net).count();
        benchmark::DoNotOptimize(pieces);
    }
    state.counters["pieces"] = static_cast<double>(pieces);
}
BENCHMARK(BM_Components)->Unit(benchmark::kMillisecond)->Iterations(1);

void BM_Snapshot(benchmark::State& state) {
    const Loaded* l = loaded();
    if (l == nullptr) {
        state.SkipWithError("set COPNET_BENCH_NODES, COPNET_BENCH_TIES, COPNET_BENCH_SOURCES");
        return;
    }
    for (auto _ : state) {
        const auto s = copnet::detail::Snapshot::build(l->net, copnet::TieFilter{});
        benchmark::DoNotOptimize(s.targets.data());
    }
}
BENCHMARK(BM_Snapshot)->Unit(benchmark::kMillisecond)->Iterations(1);

} // namespace
