// Gaps at scale (issue 4, "Speed"): representation (one pass per facet) and fragility (linear
// time) at 100k and 1M stakeholders, and the articulation-point step that benchmarks/compare.py
// sets against igraph's `articulation_points`.
//
// Landscapes are built in the process, once per size (cached), from a fixed seed: n
// stakeholders, 10 n random ties (uniform endpoints, no self-ties; kinds in turn authority,
// influence, collaboration), each stakeholder with one of the framework's seven sectors, a level
// and a perspective drawn at random; circles: 1 % core, 5 % inner, 20 % outer, the rest none.
// Sparse landscapes (mean degree 2, n ties) are built too: there a random graph has many
// articulation points and bridges, so the pieces bookkeeping is exercised.
//
//   BM_Representation/<n>         representation() over sector, perspective, level with the
//                                 framework taxonomy.
//   BM_ArticulationPoints/<n>/<d> articulation_points() of the whole landscape (all kinds,
//                                 undirected), snapshot built before timing; d = mean degree
//                                 ties per stakeholder (10 or 1).
//   BM_Fragility/<n>/<d>          fragility() over the landscape (articulation points with
//                                 pieces, bridges), one leader departure, dependence on sector
//                                 and level.
//   BM_ArticulationPointsBoost/<n>/<d>
//                                 the same with Boost's boost::articulation_points on an
//                                 adjacency_list<vecS, vecS, undirectedS> built from the same
//                                 snapshot before timing: the library alternative, for the
//                                 choice of a hand-written CSR search (docs/performance.md).
//   BM_ArticulationPointsLoaded   articulation_points() on the landscape named by
//                                 COPNET_BENCH_NODES / COPNET_BENCH_TIES (compare.py).
// Developer's run: copnet_benchmarks --benchmark_filter='BM_Representation|BM_Articulation|BM_Fragility'
#include <cstdint>
#include <cstdlib>
#include <iterator>
#include <map>
#include <memory>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include <benchmark/benchmark.h>

#include "large.hpp"
#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/biconnected_components.hpp>

#include "copnet/analysis/gaps.hpp"
#include "detail/snapshot.hpp"
#include "copnet/io/csv.hpp"

namespace {

const copnet::TieFilter undirected = copnet::TieFilter::all(copnet::Direction::both);

const copnet::Network& landscape(std::size_t n, std::size_t degree) {
    static std::map<std::pair<std::size_t, std::size_t>, std::unique_ptr<copnet::Network>> cache;
    auto& slot = cache[{n, degree}];
    if (slot) return *slot;
    slot = std::make_unique<copnet::Network>();
    copnet::Network& net = *slot;
    net.reserve(n);
    std::mt19937_64 rng(20261123);
    const auto sectors = copnet::framework_taxonomy().find("sector")->categories;
    std::vector<copnet::StakeholderId> ids;
    ids.reserve(n);
    for (std::size_t i = 0; i < n; ++i)
        ids.push_back(net.add_stakeholder(
            {.id = "s" + std::to_string(i),
             .sector = sectors[rng() % sectors.size()].name,
             .level = static_cast<copnet::Level>(rng() % 3),
             .perspective = static_cast<copnet::Perspective>(rng() % 3),
             .stance = static_cast<copnet::Stance>(rng() % 3)}));
    copnet::Community& cop = net.add_community("cop");
    for (std::size_t i = 0; i < n; ++i) {
        const auto r = rng() % 100;
        cop.set_circle(ids[i], r < 1    ? copnet::Circle::core
                               : r < 6  ? copnet::Circle::inner
                               : r < 26 ? copnet::Circle::outer
                                        : copnet::Circle::none);
    }
    std::vector<copnet::Tie> ties;
    ties.reserve(n * degree);
    for (std::size_t e = 0; e < n * degree; ++e) {
        const auto s = rng() % n;
        auto t = rng() % n;
        if (s == t) t = (t + 1) % n;
        ties.push_back({ids[s], ids[t], static_cast<copnet::TieKind>(e % 3), 1.0});
    }
    (void)net.add_ties(ties);
    (void)copnet::detail::Snapshot::of(net, undirected);
    return net;
}

void BM_Representation(benchmark::State& state) {
    const auto& net = landscape(static_cast<std::size_t>(state.range(0)), 10);
    const copnet::RepresentationOptions options;
    std::size_t missing = 0;
    for (auto _ : state) {
        const auto r = copnet::representation(net, net.community("cop"), options);
        missing = r.missing.size();
        benchmark::DoNotOptimize(r.rows.data());
    }
    state.counters["missing"] = static_cast<double>(missing);
}
BENCHMARK(BM_Representation)
    ->Apply([](benchmark::internal::Benchmark* b) {
        b->Arg(100'000);
        if (copnet_bench::large()) b->Arg(1'000'000);
    })
    ->Unit(benchmark::kMillisecond);

// {stakeholders, ties per stakeholder}: 100k always, 1M with COPNET_BENCH_LARGE=1.
void sizes_and_degrees(benchmark::internal::Benchmark* b) {
    b->Args({100'000, 10})->Args({100'000, 1});
    if (copnet_bench::large()) b->Args({1'000'000, 10})->Args({1'000'000, 1});
}

void BM_ArticulationPoints(benchmark::State& state) {
    const auto& net = landscape(static_cast<std::size_t>(state.range(0)),
                                static_cast<std::size_t>(state.range(1)));
    std::size_t points = 0;
    for (auto _ : state) {
        const auto aps = copnet::articulation_points(net, undirected);
        points = aps.size();
        benchmark::DoNotOptimize(aps.data());
    }
    state.counters["points"] = static_cast<double>(points);
}
BENCHMARK(BM_ArticulationPoints)
    ->Apply(sizes_and_degrees)
    ->Unit(benchmark::kMillisecond);

void BM_ArticulationPointsBoost(benchmark::State& state) {
    const auto& net = landscape(static_cast<std::size_t>(state.range(0)),
                                static_cast<std::size_t>(state.range(1)));
    const auto snap = copnet::detail::Snapshot::of(net, undirected);
    using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS>;
    Graph g(snap->size());
    for (std::uint32_t u = 0; u < snap->size(); ++u)
        for (std::uint32_t j = snap->offsets[u]; j < snap->offsets[u + 1]; ++j)
            if (u < snap->targets[j]) boost::add_edge(u, snap->targets[j], g);
    std::vector<std::size_t> points;
    for (auto _ : state) {
        points.clear();
        boost::articulation_points(g, std::back_inserter(points));
        benchmark::DoNotOptimize(points.data());
    }
    state.counters["points"] = static_cast<double>(points.size());
}
BENCHMARK(BM_ArticulationPointsBoost)
    ->Apply(sizes_and_degrees)
    ->Unit(benchmark::kMillisecond);

void BM_Fragility(benchmark::State& state) {
    const auto& net = landscape(static_cast<std::size_t>(state.range(0)),
                                static_cast<std::size_t>(state.range(1)));
    const copnet::Community& cop = net.community("cop");
    copnet::FragilityOptions options;
    options.scope = copnet::FragilityScope::landscape;
    options.departures = {{cop.members(copnet::Circle::core).front()}};
    std::size_t bridges = 0;
    for (auto _ : state) {
        const auto f = copnet::fragility(net, cop, options);
        bridges = f.bridges.size();
        benchmark::DoNotOptimize(f.articulation_points.data());
    }
    state.counters["bridges"] = static_cast<double>(bridges);
}
BENCHMARK(BM_Fragility)
    ->Apply(sizes_and_degrees)
    ->Unit(benchmark::kMillisecond);

void BM_ArticulationPointsLoaded(benchmark::State& state) {
    static std::unique_ptr<copnet::Network> net;
    if (!net) {
        const char* nodes = std::getenv("COPNET_BENCH_NODES");
        const char* ties = std::getenv("COPNET_BENCH_TIES");
        if (nodes == nullptr || ties == nullptr) {
            state.SkipWithError("set COPNET_BENCH_NODES and COPNET_BENCH_TIES");
            return;
        }
        net = std::make_unique<copnet::Network>(copnet::read_csv(nodes, ties));
        (void)copnet::detail::Snapshot::of(*net, undirected);  // built before timing
    }
    std::size_t points = 0;
    for (auto _ : state) {
        const auto aps = copnet::articulation_points(*net, undirected);
        points = aps.size();
        benchmark::DoNotOptimize(aps.data());
    }
    state.counters["points"] = static_cast<double>(points);
}
BENCHMARK(BM_ArticulationPointsLoaded)->Unit(benchmark::kMillisecond)->Iterations(1);

} // namespace
