// Circles: coreness (k-cores, s-cores) and the Borgatti-Everett core/periphery search.
//   BM_Coreness*          on the landscape named by COPNET_BENCH_NODES / COPNET_BENCH_TIES
//                         (benchmarks/compare.py sets them); the snapshot is built before timing,
//                         collapsing parallel ties and the peeling are timed.
//   BM_CorenessGenerated, BM_CorePeriphery  on a seeded random landscape generated in process
//                         (argument: stakeholders; 10 ties each on average, Chung-Lu degrees).
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <random>
#include <vector>

#include <benchmark/benchmark.h>

#include "copnet/analysis/circles.hpp"
#include "detail/snapshot.hpp"
#include "copnet/io/csv.hpp"

namespace {

const copnet::Network* from_files() {
    static std::unique_ptr<copnet::Network> cache;
    if (cache) return cache.get();
    const char* nodes = std::getenv("COPNET_BENCH_NODES");
    const char* ties = std::getenv("COPNET_BENCH_TIES");
    if (nodes == nullptr || ties == nullptr) return nullptr;
    cache = std::make_unique<copnet::Network>(copnet::read_csv(nodes, ties));
    copnet::TieFilter both{};
    both.direction = copnet::Direction::both;
    (void)copnet::detail::Snapshot::of(*cache, both);
    (void)copnet::detail::Snapshot::of(*cache, both, true);
    return cache.get();
}

// Invented: n stakeholders, 5n ties of the three kinds between endpoints drawn with
// probability proportional to a Pareto weight (heavy-tailed degrees), a circle for the top 10 %.
const copnet::Network& generated(std::size_t n) {
    static std::vector<std::pair<std::size_t, std::unique_ptr<copnet::Network>>> cache;
    for (const auto& [size, net] : cache)
        if (size == n) return *net;
    auto net = std::make_unique<copnet::Network>();
    net->reserve(n);
    std::mt19937_64 rng(20261123);
    std::vector<double> weight(n);
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    for (auto& w : weight) w = std::pow(1.0 - unit(rng), -1.0 / 1.6);
    std::vector<copnet::StakeholderId> ids(n);
    for (std::size_t i = 0; i < n; ++i) ids[i] = net->add_stakeholder({.id = "s" + std::to_string(i)});
    std::discrete_distribution<std::size_t> pick(weight.begin(), weight.end());
    std::vector<copnet::Tie> ties;
    ties.reserve(5 * n);
    while (ties.size() < 5 * n) {
        const std::size_t s = pick(rng), t = pick(rng);
        if (s == t) continue;
        ties.push_back({ids[s], ids[t], static_cast<copnet::TieKind>(ties.size() % 3),
                        0.05 + 0.95 * unit(rng)});
    }
    net->add_ties(ties);
    copnet::Community& cop = net->add_community("community");
    for (std::size_t i = 0; i < n / 10; ++i)
        cop.set_circle(ids[i], i < n / 100 ? copnet::Circle::core
                               : i < n / 30 ? copnet::Circle::inner
                                            : copnet::Circle::outer);
    cache.emplace_back(n, std::move(net));
    return *cache.back().second;
}

void report(benchmark::State& state, const std::vector<copnet::Coreness>& cores) {
    double sum = 0, top = 0;
    for (const auto& c : cores) {
        sum += c.k;
        top = std::max(top, static_cast<double>(c.k));
    }
    state.counters["k_sum"] = sum;
    state.counters["k_max"] = top;
}

void BM_Coreness(benchmark::State& state) {
    const copnet::Network* net = from_files();
    if (net == nullptr) {
        state.SkipWithError("set COPNET_BENCH_NODES and COPNET_BENCH_TIES");
        return;
    }
    std::vector<copnet::Coreness> cores;
    for (auto _ : state) {
        cores = copnet::coreness(*net);
        benchmark::DoNotOptimize(cores.data());
    }
    report(state, cores);
}
BENCHMARK(BM_Coreness)->Unit(benchmark::kMillisecond)->Iterations(1);

void BM_CorenessWeighted(benchmark::State& state) {
    const copnet::Network* net = from_files();
    if (net == nullptr) {
        state.SkipWithError("set COPNET_BENCH_NODES and COPNET_BENCH_TIES");
        return;
    }
    for (auto _ : state) {
        auto cores = copnet::coreness(*net, {.weighted = true});
        benchmark::DoNotOptimize(cores.data());
    }
}
BENCHMARK(BM_CorenessWeighted)->Unit(benchmark::kMillisecond)->Iterations(1);

void BM_CorenessGenerated(benchmark::State& state) {
    const copnet::Network& net = generated(static_cast<std::size_t>(state.range(0)));
    std::vector<copnet::Coreness> cores;
    for (auto _ : state) {
        cores = copnet::coreness(net);
        benchmark::DoNotOptimize(cores.data());
    }
    report(state, cores);
}
BENCHMARK(BM_CorenessGenerated)->Arg(10'000)->Arg(100'000)->Unit(benchmark::kMillisecond);

// The whole landscape as one core/periphery problem (continuous + discrete search).
void BM_CorePeriphery(benchmark::State& state) {
    const copnet::Network& net = generated(static_cast<std::size_t>(state.range(0)));
    copnet::CorePeriphery cp;
    for (auto _ : state) {
        cp = copnet::core_periphery(net);
        benchmark::DoNotOptimize(cp.scores.data());
    }
    state.counters["fit"] = cp.discrete_fit;
    state.counters["core"] = static_cast<double>(cp.core_size);
    state.counters["passes"] = static_cast<double>(cp.passes);
    state.counters["sweeps"] = static_cast<double>(cp.sweeps);
}
BENCHMARK(BM_CorePeriphery)->Arg(10'000)->Arg(100'000)->Unit(benchmark::kMillisecond)->Iterations(1);

void BM_CircleFit(benchmark::State& state) {
    const copnet::Network& net = generated(static_cast<std::size_t>(state.range(0)));
    for (auto _ : state) {
        auto fit = copnet::circle_fit(net, net.community("community"));
        benchmark::DoNotOptimize(fit.best);
    }
}
BENCHMARK(BM_CircleFit)->Arg(100'000)->Unit(benchmark::kMillisecond)->Iterations(1);

} // namespace
