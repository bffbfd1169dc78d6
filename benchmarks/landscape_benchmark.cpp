// The suite on generated landscapes (copnet::generate, invented data): loading the CSV pair,
// building the network, the snapshot, and each traversal-heavy analysis, at 10k stakeholders /
// 100k ties and 100k / 1M; with COPNET_BENCH_LARGE=1 in the environment also 1M / 10M (a
// quick run stays quick). Cases are named BM_<Operation>/<stakeholders>; counters:
//   ties/s     ties handled per second (load, build, snapshot, coreness, components, …)
//   TEPS       traversed arcs per second of the breadth-first searches (reach, betweenness)
// Each landscape is generated once per process and kept while its cases run.
#include <cstddef>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include <benchmark/benchmark.h>
#include <unistd.h>

#include "large.hpp"
#include "speedup.hpp"

#include "copnet/analysis/boundary.hpp"
#include "copnet/analysis/circles.hpp"
#include "copnet/analysis/components.hpp"
#include "copnet/analysis/gaps.hpp"
#include "copnet/analysis/reach.hpp"
#include "detail/snapshot.hpp"
#include "copnet/generate.hpp"
#include "copnet/io/csv.hpp"

namespace {

namespace fs = std::filesystem;

constexpr std::size_t sources_per_run = 100;

struct Landscape {
    copnet::Network net;
    std::vector<copnet::Tie> ties;               // every tie, for the build case
    std::vector<copnet::StakeholderId> sources;  // 100 spread over the slots
    std::size_t arcs = 0;                        // arcs of the snapshot of every tie
    fs::path folder;                             // the CSV pair, written on first use

    Landscape() = default;
    Landscape(const Landscape&) = delete;
    Landscape& operator=(const Landscape&) = delete;
    ~Landscape() {
        std::error_code ignored;
        if (!folder.empty()) fs::remove_all(folder, ignored);
    }
};

/// The landscape of n stakeholders and 10 n ties (seed 1), generated once; only one size is
/// kept at a time, so that the 1M landscape does not sit beside the 100k one.
Landscape& landscape(std::size_t n) {
    static std::unique_ptr<Landscape> current;
    static std::size_t current_n = 0;
    if (current && current_n == n) return *current;
    current.reset();
    auto l = std::make_unique<Landscape>();
    copnet::LandscapeOptions o;
    o.stakeholders = n;
    o.ties = 10 * n;
    l->net = copnet::generate(o);
    l->ties = l->net.all_ties();
    const auto& snap = copnet::detail::Snapshot::of(l->net, copnet::TieFilter{});
    l->arcs = snap->targets.size();
    const std::vector<copnet::StakeholderId> ids(l->net.stakeholders().begin(),
                                                 l->net.stakeholders().end());
    for (std::size_t i = 0; i < sources_per_run; ++i)
        l->sources.push_back(ids[i * ids.size() / sources_per_run]);
    current = std::move(l);
    current_n = n;
    return *current;
}

const fs::path& csv_pair(Landscape& l, std::size_t n) {
    if (l.folder.empty()) {
        l.folder = fs::temp_directory_path() /
                   ("copnet-bench-" + std::to_string(::getpid()) + "-" + std::to_string(n));
        fs::create_directories(l.folder);
        copnet::write_csv(l.net, l.folder / "nodes.csv", l.folder / "ties.csv");
    }
    return l.folder;
}

std::size_t size_of(const benchmark::State& state) {
    return static_cast<std::size_t>(state.range(0));
}

void per_tie(benchmark::State& state, const Landscape& l) {
    state.counters["ties/s"] = benchmark::Counter(
        static_cast<double>(l.net.tie_count()) * static_cast<double>(state.iterations()),
        benchmark::Counter::kIsRate);
}

void BM_LoadCsv(benchmark::State& state) {
    Landscape& l = landscape(size_of(state));
    const fs::path& folder = csv_pair(l, size_of(state));
    for (auto _ : state) {
        auto net = std::make_unique<copnet::Network>(
            copnet::read_csv(folder / "nodes.csv", folder / "ties.csv"));
        benchmark::DoNotOptimize(net->tie_count());
        state.PauseTiming();  // destruction is not loading
        net.reset();
        state.ResumeTiming();
    }
    per_tie(state, l);
}

void BM_BuildNetwork(benchmark::State& state) {
    Landscape& l = landscape(size_of(state));
    for (auto _ : state) {
        state.PauseTiming();
        auto net = std::make_unique<copnet::Network>();
        std::vector<copnet::Stakeholder> people;
        for (const auto id : l.net.stakeholders()) people.push_back(l.net.stakeholder(id));
        state.ResumeTiming();
        for (auto& s : people) net->add_stakeholder(std::move(s));
        net->add_ties(l.ties);
        benchmark::DoNotOptimize(net->tie_count());
        state.PauseTiming();
        net.reset();
        state.ResumeTiming();
    }
    per_tie(state, l);
}

std::size_t snapshot_bytes(const copnet::detail::Snapshot& s) {
    return (s.slot_of.capacity() + s.compact_of.capacity() + s.offsets.capacity() +
            s.targets.capacity()) * sizeof(std::uint32_t) +
           s.weights.capacity() * sizeof(double);
}

void BM_SnapshotBuild(benchmark::State& state) {
    Landscape& l = landscape(size_of(state));
    std::size_t bytes = 0, weighted_bytes = 0;
    for (auto _ : state) {
        const auto s = copnet::detail::Snapshot::build(l.net, copnet::TieFilter{});
        benchmark::DoNotOptimize(s.targets.data());
        bytes = snapshot_bytes(s);
    }
    weighted_bytes = snapshot_bytes(copnet::detail::Snapshot::build(l.net, copnet::TieFilter{}, true));
    per_tie(state, l);
    // The snapshot's arrays (capacity), per tie of the network: unweighted, and with weights.
    const auto ties = static_cast<double>(l.ties.size());
    state.counters["bytes_per_tie"] = static_cast<double>(bytes) / ties;
    state.counters["weighted_bytes_per_tie"] = static_cast<double>(weighted_bytes) / ties;
}

void reach_case(benchmark::State& state, std::size_t hops) {
    Landscape& l = landscape(size_of(state));
    copnet::ReachOptions o;
    if (hops > 0) o.max_hops = hops;
    std::size_t reached = 0;
    for (auto _ : state) {
        const auto counts = copnet::reach_counts(l.net, l.sources, o, 1);
        reached = 0;
        for (const auto& c : counts) reached += c.reached;
        benchmark::DoNotOptimize(reached);
    }
    state.counters["reached"] = static_cast<double>(reached);
    if (hops == 0) {
        // A full search from each source looks at every arc of what it reaches; on these
        // landscapes nearly everyone is reached, so arcs x sources bounds the work closely.
        state.counters["TEPS"] = benchmark::Counter(
            static_cast<double>(l.arcs * sources_per_run) * static_cast<double>(state.iterations()),
            benchmark::Counter::kIsRate);
    }
}
void BM_Reach2(benchmark::State& state) { reach_case(state, 2); }
void BM_ReachAll(benchmark::State& state) { reach_case(state, 0); }

void BM_CorenessLandscape(benchmark::State& state) {
    Landscape& l = landscape(size_of(state));
    for (auto _ : state) benchmark::DoNotOptimize(copnet::coreness(l.net).data());
    per_tie(state, l);
}

void BM_ComponentsLandscape(benchmark::State& state) {
    Landscape& l = landscape(size_of(state));
    for (auto _ : state) benchmark::DoNotOptimize(copnet::components(l.net).count());
    per_tie(state, l);
}

void BM_ArticulationLandscape(benchmark::State& state) {
    Landscape& l = landscape(size_of(state));
    for (auto _ : state) benchmark::DoNotOptimize(copnet::articulation_points(l.net).size());
    per_tie(state, l);
}

// Brandes from 100 seeded sources, directed, on state.range(1) threads.
void BM_BetweennessLandscape(benchmark::State& state) {
    Landscape& l = landscape(size_of(state));
    copnet::BetweennessOptions o;
    o.samples = sources_per_run;
    copnet_bench::timed_with_speedup(
        state, "BM_BetweennessLandscape/" + std::to_string(state.range(0)),
        static_cast<unsigned>(state.range(1)), [&](unsigned t) {
            o.threads = t;
            benchmark::DoNotOptimize(copnet::betweenness(l.net, o).data());
        });
    state.counters["TEPS"] = benchmark::Counter(
        static_cast<double>(l.arcs * sources_per_run) * static_cast<double>(state.iterations()),
        benchmark::Counter::kIsRate);
}

void BM_ConstraintLandscape(benchmark::State& state) {
    Landscape& l = landscape(size_of(state));
    for (auto _ : state) benchmark::DoNotOptimize(copnet::structural_holes(l.net).data());
    per_tie(state, l);
}

void BM_MixingLandscape(benchmark::State& state) {
    Landscape& l = landscape(size_of(state));
    for (auto _ : state) benchmark::DoNotOptimize(copnet::mixing_matrix(l.net, "sector"));
    per_tie(state, l);
}

void BM_BrokerageLandscape(benchmark::State& state) {
    Landscape& l = landscape(size_of(state));
    copnet::BrokerageOptions o;
    o.threads = 1;
    for (auto _ : state) benchmark::DoNotOptimize(copnet::brokerage(l.net, "sector", o));
    per_tie(state, l);
}

/// Registers every case at 10k and 100k stakeholders, and at 1M with COPNET_BENCH_LARGE=1.
/// Sizes run in order, all cases of one size before the next (one landscape in memory).
int register_suite() {
    std::vector<std::int64_t> sizes{10'000, 100'000};
    if (copnet_bench::large()) sizes.push_back(1'000'000);
    for (const std::int64_t n : sizes) {
        auto reg = [n](const char* name, void (*fn)(benchmark::State&)) {
            return benchmark::RegisterBenchmark(name, fn)->Arg(n)->Unit(benchmark::kMillisecond);
        };
        const bool big = n >= 1'000'000;
        reg("BM_LoadCsv", BM_LoadCsv)->Iterations(big ? 1 : 3);
        reg("BM_BuildNetwork", BM_BuildNetwork)->Iterations(big ? 1 : 3);
        reg("BM_SnapshotBuild", BM_SnapshotBuild);
        reg("BM_Reach2", BM_Reach2);
        reg("BM_ReachAll", BM_ReachAll)->Iterations(big ? 1 : 3);
        reg("BM_CorenessLandscape", BM_CorenessLandscape);
        reg("BM_ComponentsLandscape", BM_ComponentsLandscape);
        reg("BM_ArticulationLandscape", BM_ArticulationLandscape);
        for (const std::int64_t threads : {1, 2})
            benchmark::RegisterBenchmark("BM_BetweennessLandscape", BM_BetweennessLandscape)
                ->Args({n, threads})
                ->Unit(benchmark::kMillisecond)
                ->UseRealTime()  // two threads: rates per wall-clock second
                ->Iterations(1);
        reg("BM_ConstraintLandscape", BM_ConstraintLandscape)->Iterations(big ? 1 : 3);
        reg("BM_MixingLandscape", BM_MixingLandscape);
        reg("BM_BrokerageLandscape", BM_BrokerageLandscape)->Iterations(big ? 1 : 3);
    }
    return 0;
}
[[maybe_unused]] const int registered = register_suite();

} // namespace
