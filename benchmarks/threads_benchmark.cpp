// Every analysis with a `threads` option on 1 and 2 threads, on small generated landscapes
// (invented data, copnet::generate), each reporting its `speedup` (2 threads against 1, same
// process; benchmarks/speedup.hpp). The results are the same on any number of threads
// (tests/determinism_test.cpp); this times what the second thread buys. Command:
//   copnet_benchmarks --benchmark_filter='BM_Threads/'
// Landscapes: 5,000 stakeholders / 25,000 ties for paths, boundaries, diffusion and gaps;
// 1,000 / 5,000 for the Monte Carlo tests and the bootstrap; 500 / 2,500 for netlm and the
// jackknife (each replicate copies the network).
#include <functional>
#include <sstream>
#include <string>
#include <vector>

#include <benchmark/benchmark.h>

#include "copnet/analysis/boundary.hpp"
#include "copnet/analysis/centrality.hpp"
#include "copnet/analysis/gaps.hpp"
#include "copnet/analysis/inference.hpp"
#include "copnet/analysis/network_measures.hpp"
#include "copnet/analysis/reach.hpp"
#include "copnet/generate.hpp"
#include "copnet/io/csv.hpp"
#include "speedup.hpp"

namespace {

using copnet::Network;

const Network& landscape(std::size_t n) {
    static std::vector<std::pair<std::size_t, Network>> made;
    for (auto& [k, net] : made)
        if (k == n) return net;
    made.emplace_back(n, copnet::generate({.stakeholders = n, .ties = 5 * n, .seed = 1}));
    return made.back().second;
}

std::vector<copnet::StakeholderId> some(const Network& net, std::size_t k, std::size_t step) {
    std::vector<copnet::StakeholderId> out;
    std::size_t i = 0;
    for (copnet::StakeholderId who : net.stakeholders()) {
        if (i++ % step == 0) out.push_back(who);
        if (out.size() == k) break;
    }
    return out;
}

template <class T>
void keep(const T& x) {
    benchmark::DoNotOptimize(&x);
    benchmark::ClobberMemory();
}

// The cases: a name and one call on `threads` threads.
struct Case {
    const char* name;
    std::function<void(unsigned)> call;
};

std::vector<Case> cases() {
    using namespace copnet;
    constexpr std::size_t paths = 5000, tests = 1000, small = 500;
    return {
        {"betweenness_exact", [](unsigned t) { keep(betweenness(landscape(paths), {.threads = t})); }},
        {"betweenness_500_sources",
         [](unsigned t) {
             keep(betweenness(landscape(paths), {.samples = 500, .seed = 1, .threads = t}));
         }},
        {"closeness_harmonic",
         [](unsigned t) {
             keep(centrality(landscape(paths),
                             {.measures = {Measure::closeness, Measure::harmonic}, .threads = t}));
         }},
        {"network_measures",
         [](unsigned t) {
             keep(network_measures(landscape(paths), NetworkMeasuresOptions{.threads = t}));
         }},
        {"reach_counts_2_hops",
         [](unsigned t) { keep(reach_counts(landscape(paths), {.max_hops = 2}, t)); }},
        {"brokerage", [](unsigned t) { keep(brokerage(landscape(paths), "sector", {.threads = t})); }},
        {"ei_5000_permutations",
         [](unsigned t) {
             keep(ei_index(landscape(paths), "sector", {.permutations = 5000, .threads = t}));
         }},
        {"boundary_spanners_500_sources",
         [](unsigned t) {
             keep(boundary_spanners(landscape(paths), "sector",
                                    {.samples = 500, .seed = 1, .threads = t}));
         }},
        {"spread_ic_20000_runs",
         [](unsigned t) {
             const Network& net = landscape(paths);
             keep(spread(net, some(net, 10, 97), {.runs = 20000, .threads = t}));
         }},
        {"spread_lt_5000_runs",
         [](unsigned t) {
             const Network& net = landscape(paths);
             keep(spread(net, some(net, 10, 97),
                         {.model = DiffusionModel::linear_threshold, .runs = 5000, .threads = t}));
         }},
        {"coalition_synergy_5x2000_runs",
         [](unsigned t) {
             const Network& net = landscape(paths);
             keep(coalition_synergy(net, some(net, 5, 97), {.runs = 2000, .threads = t}));
         }},
        {"leverage_imm_k10",
         [](unsigned t) {
             keep(leverage(landscape(paths), {.diffusion = {.runs = 0, .threads = t}, .k = 10,
                                              .method = LeverageMethod::imm, .epsilon = 0.2}));
         }},
        {"leverage_celf_50_candidates",
         [](unsigned t) {
             const Network& net = landscape(paths);
             keep(leverage(net, some(net, 50, 31),
                           {.diffusion = {.runs = 300, .threads = t}, .k = 3,
                            .method = LeverageMethod::celf}));
         }},
        {"test_qap_2000_reps",
         [](unsigned t) {
             const Network& net = landscape(tests);
             static const NetworkStatistic stat =
                 named_statistic(net, "correlation:influence,authority");
             keep(test_statistic(net, stat,
                                 {.null = NullModel::qap,
                                  .ties = TieFilter::of({TieKind::influence}), .reps = 2000,
                                  .threads = t}));
         }},
        {"test_labels_1000_reps",
         [](unsigned t) {
             const Network& net = landscape(tests);
             static const NetworkStatistic stat = named_statistic(net, "ei", {}, "sector");
             keep(test_statistic(net, stat,
                                 {.null = NullModel::labels, .facet = "sector", .reps = 1000,
                                  .threads = t}));
         }},
        {"test_cug_edges_500_reps",
         [](unsigned t) {
             const Network& net = landscape(tests);
             static const NetworkStatistic stat = named_statistic(net, "transitivity");
             keep(test_statistic(net, stat,
                                 {.null = NullModel::cug_edges, .reps = 500, .threads = t}));
         }},
        {"test_rewire_200_reps",
         [](unsigned t) {
             const Network& net = landscape(tests);
             static const NetworkStatistic stat = named_statistic(net, "transitivity");
             keep(test_statistic(net, stat,
                                 {.null = NullModel::rewire, .reps = 200, .threads = t}));
         }},
        {"netlm_qapspp_300_reps",
         [](unsigned t) {
             static const std::vector<std::string> x = {"authority", "collaboration",
                                                        "same:sector"};
             keep(regress(landscape(small), "influence", x, {.reps = 300, .threads = t}));
         }},
        {"bootstrap_300_reps",
         [](unsigned t) {
             const Network& net = landscape(tests);
             static const NetworkStatistic stat = named_statistic(net, "transitivity");
             keep(resampling_error(net, stat,
                                   {.jackknife = false, .bootstrap_reps = 300, .threads = t}));
         }},
        {"jackknife",
         [](unsigned t) {
             const Network& net = landscape(small);
             static const NetworkStatistic stat = named_statistic(net, "transitivity");
             keep(resampling_error(net, stat, {.threads = t}));
         }},
        {"candidates",
         [](unsigned t) {
             const Network& net = landscape(paths);
             keep(candidates(net, net.community("community"), {.limit = 0, .threads = t}));
         }},
        {"read_csv_100k_ties",
         [](unsigned t) {
             static const auto text = [] {
                 std::ostringstream nodes, ties;
                 write_csv(generate({.stakeholders = 20000, .ties = 100000, .seed = 1}), nodes,
                           ties);
                 return std::pair{nodes.str(), ties.str()};
             }();
             Network net;
             CsvOptions o;
             o.threads = t;
             keep(parse_csv(net, text.first, text.second, o));
         }},
    };
}

int register_threads() {
    static const std::vector<Case> all = cases();
    for (const Case& c : all)
        for (const unsigned threads : {1U, 2U})
            benchmark::RegisterBenchmark(
                (std::string("BM_Threads/") + c.name + "/" + std::to_string(threads)).c_str(),
                [&c, threads](benchmark::State& state) {
                    c.call(1);  // builds the landscape and its snapshots outside the timing
                    copnet_bench::timed_with_speedup(state, c.name, threads, c.call);
                })
                ->Unit(benchmark::kMillisecond)
                ->UseRealTime()
                ->MinTime(0.3);
    return 0;
}

[[maybe_unused]] const int registered = register_threads();

} // namespace
