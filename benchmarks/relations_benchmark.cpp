// The multiplex cases (DESIGN §3.4, issue 19): a network of 10 relations over n stakeholders and
// 10 n ties (invented data: random pairs, seeded; relation r holds about a tenth of the ties,
// two of them mutual, one count-valued, one negative), at 100k / 1M, and with
// COPNET_BENCH_LARGE=1 at 1M / 10M. Cases, named BM_<Operation>/<stakeholders>:
//   BM_MultiplexBuild     adding the 10 relations' ties at once (Network::add_ties)
//   BM_RelationsReport    the relations report: counts, overlap of every two, multiplexity,
//                         alignment (relations_report)
//   BM_FormulaDerive      deriving "advice & !reports_to" pair by pair (derive_relation)
//   BM_FormulaReach       k-step reach, unlimited, from 100 sources along the derived relation
//   BM_MultiplexReach     the same along every positive relation (the default filter)
// Counter ties/s: ties handled per second.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include <benchmark/benchmark.h>

#include "large.hpp"

#include "copnet/analysis/reach.hpp"
#include "copnet/analysis/relations.hpp"
#include "copnet/network.hpp"
#include "copnet/relation.hpp"
#include "detail/random.hpp"

namespace {

constexpr std::size_t relation_count = 10;
constexpr std::size_t sources_per_run = 100;

/// The ten relations: names and roles as a real study might declare them.
std::vector<copnet::Relation> declarations() {
    using copnet::Polarity;
    using copnet::RelationDirection;
    using copnet::Role;
    using copnet::Scale;
    return {
        {.name = "reports_to", .role = Role::authority, .scale = Scale::binary},
        {.name = "advice", .role = Role::influence, .scale = Scale::binary},
        {.name = "trust", .role = Role::influence},
        {.name = "cowork", .role = Role::collaboration, .direction = RelationDirection::mutual,
         .scale = Scale::binary},
        {.name = "project", .role = Role::collaboration, .direction = RelationDirection::mutual},
        {.name = "messages", .role = Role::communication, .scale = Scale::count},
        {.name = "meetings", .role = Role::communication},
        {.name = "friendship", .role = Role::affect, .scale = Scale::binary},
        {.name = "dislike", .role = Role::affect, .polarity = Polarity::negative,
         .scale = Scale::binary},
        {.name = "member_of", .role = Role::affiliation, .scale = Scale::binary},
    };
}

struct Multiplex {
    copnet::Network empty;  // the stakeholders and relations, no ties (for the build case)
    copnet::Network net;
    std::vector<copnet::Tie> ties;
    std::vector<copnet::StakeholderId> sources;
};

/// n stakeholders, 10 n ties spread over the ten relations (seed 1), built once per size.
Multiplex& multiplex(std::size_t n) {
    static std::unique_ptr<Multiplex> current;
    static std::size_t current_n = 0;
    if (current && current_n == n) return *current;
    current.reset();
    auto m = std::make_unique<Multiplex>();
    std::vector<copnet::TieKind> kinds;
    for (const copnet::Relation& r : declarations()) kinds.push_back(m->empty.add_relation(r));
    m->empty.reserve(n);
    for (std::size_t i = 0; i < n; ++i) {
        copnet::Stakeholder s;
        s.id = "s" + std::to_string(i);
        m->empty.add_stakeholder(std::move(s));
    }
    copnet::detail::Rng rng(1, 0);
    m->ties.reserve(10 * n);
    for (std::size_t i = 0; i < 10 * n; ++i) {
        const auto a = static_cast<std::uint32_t>(rng() % n);
        auto b = static_cast<std::uint32_t>(rng() % (n - 1));
        if (b >= a) ++b;
        const std::size_t r = rng() % relation_count;
        const double value = r == 5 ? static_cast<double>(1 + rng() % 20)  // messages: a count
                             : r == 2 || r == 4 || r == 6 ? 0.5             // unit scale
                                                          : 1.0;
        m->ties.push_back({copnet::StakeholderId(a), copnet::StakeholderId(b), kinds[r], value});
    }
    m->net = m->empty;
    m->net.add_ties(m->ties);
    for (std::size_t i = 0; i < sources_per_run; ++i)
        m->sources.push_back(copnet::StakeholderId(static_cast<std::uint32_t>(i * n / sources_per_run)));
    current = std::move(m);
    current_n = n;
    return *current;
}

void per_tie(benchmark::State& state, const Multiplex& m) {
    state.counters["ties/s"] = benchmark::Counter(
        static_cast<double>(m.ties.size()) * static_cast<double>(state.iterations()),
        benchmark::Counter::kIsRate);
}

void BM_MultiplexBuild(benchmark::State& state) {
    Multiplex& m = multiplex(static_cast<std::size_t>(state.range(0)));
    for (auto _ : state) {
        state.PauseTiming();
        copnet::Network net = m.empty;
        state.ResumeTiming();
        benchmark::DoNotOptimize(net.add_ties(m.ties));
        state.PauseTiming();
        net = copnet::Network();  // freed outside the timing
        state.ResumeTiming();
    }
    per_tie(state, m);
}

void BM_RelationsReport(benchmark::State& state) {
    Multiplex& m = multiplex(static_cast<std::size_t>(state.range(0)));
    for (auto _ : state) benchmark::DoNotOptimize(copnet::relations_report(m.net));
    per_tie(state, m);
}

void BM_FormulaDerive(benchmark::State& state) {
    Multiplex& m = multiplex(static_cast<std::size_t>(state.range(0)));
    for (auto _ : state) {
        state.PauseTiming();
        copnet::Network net = m.net;
        state.ResumeTiming();
        benchmark::DoNotOptimize(copnet::derive_relation(net, "advice & !reports_to"));
        state.PauseTiming();
        net = copnet::Network();
        state.ResumeTiming();
    }
    per_tie(state, m);
}

void reach_along(benchmark::State& state, copnet::Network& net, const Multiplex& m,
                 copnet::TieFilter filter) {
    copnet::ReachOptions o;
    o.filter = filter;
    std::size_t reached = 0;
    for (auto _ : state) {
        reached = copnet::reach(net, m.sources, o).count();
        benchmark::DoNotOptimize(reached);
    }
    state.counters["reached"] = static_cast<double>(reached);
    per_tie(state, m);
}

void BM_FormulaReach(benchmark::State& state) {
    Multiplex& m = multiplex(static_cast<std::size_t>(state.range(0)));
    copnet::Network net = m.net;
    const copnet::TieKind derived = copnet::derive_relation(net, "advice & !reports_to");
    reach_along(state, net, m, copnet::TieFilter::of({derived}));
}

void BM_MultiplexReach(benchmark::State& state) {
    Multiplex& m = multiplex(static_cast<std::size_t>(state.range(0)));
    reach_along(state, m.net, m, copnet::TieFilter{});
}

int register_suite() {
    std::vector<std::int64_t> sizes{100'000};
    if (copnet_bench::large()) sizes.push_back(1'000'000);
    for (const std::int64_t n : sizes) {
        const bool big = n >= 1'000'000;
        auto reg = [&](const char* name, void (*fn)(benchmark::State&)) {
            return benchmark::RegisterBenchmark(name, fn)
                ->Arg(n)
                ->Unit(benchmark::kMillisecond)
                ->Iterations(big ? 1 : 3);
        };
        reg("BM_MultiplexBuild", BM_MultiplexBuild);
        reg("BM_RelationsReport", BM_RelationsReport);
        reg("BM_FormulaDerive", BM_FormulaDerive);
        reg("BM_FormulaReach", BM_FormulaReach);
        reg("BM_MultiplexReach", BM_MultiplexReach);
    }
    return 0;
}
[[maybe_unused]] const int registered = register_suite();

} // namespace
