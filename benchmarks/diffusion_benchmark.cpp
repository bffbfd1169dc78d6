// Diffusion and leverage at scale (issue 3, "Speed"): Monte Carlo runs of independent cascade
// and linear threshold per second on 1 and 2 threads, and IMM (k = 50, ε = 0.1, IC) on
// 100k stakeholders / 1M ties and 1M stakeholders / 10M ties, with its peak memory.
//
// Landscapes are built in the process, once per size (cached), from a fixed seed: n = m / 10
// stakeholders and m distinct random directed influence ties (uniform endpoints, no self-ties;
// mean out- and in-degree 10). Weights follow the weighted-cascade convention of the
// influence-maximisation literature (Kempe, Kleinberg & Tardos 2003; Chen, Wang & Yang 2009;
// Tang, Shi & Xiao 2015 use it for IC): the tie u → v has weight 1 / in-degree(v). Why not
// random weights: uniform in [0.1, 1) with mean degree 10, an adopter wins over 5.5 others on
// average, the cascade is far past critical, every run reaches most of the landscape and each
// of IMM's reverse-reachable sets is most of the graph, so time and memory would measure the
// input, not the code. Under weighted cascade each stakeholder's in-weights sum to 1 (also a
// valid linear-threshold input, without normalisation). Note that this makes the process
// critical on this graph (one live in-tie per stakeholder on average): reverse-reachable sets
// average 86 stakeholders at 100k and 187 at 1M, far more than on real social graphs, where
// many stakeholders have no in-ties.
//
//   BM_IcRuns/<ties>/<threads>  spread() from 10 fixed sources, 10,000 runs; counters runs/s
//                               and the expected spread. Ties 100k (10k stakeholders) and 1M
//                               (100k stakeholders), threads 1 and 2; on 2 threads also
//                               `speedup` over 1 (benchmarks/speedup.hpp).
//   BM_LtRuns/<ties>/<threads>  the same for linear threshold (drawn thresholds), 1M ties.
//   BM_Imm/<ties>/<ε·100>/<skewed>
//                               leverage(imm, k = 50, IC, runs = 0: IMM's own estimate),
//                               2 threads, one iteration; ε = 0.1 at 1M and 10M ties.
//                               skewed = 1: tie sources drawn with weight (i + 1)^(-2/3)
//                               (Chung & Lu; power-law out-degrees, exponent 2.5), targets
//                               uniform, weighted cascade as above: the realistic case, and
//                               the floor (< 60 s, < 8 GiB at 10M ties). skewed = 0:
//                               the uniform landscape, where the weighted cascade is critical
//                               and RR sets are huge (ε = 0.5 at 10M for reference).
//                               Counters: RR sets of the final
//                               sample, IMM's spread estimate, resident memory before the call
//                               and the peak while it ran (VmRSS, VmHWM of /proc/self/status;
//                               the high-water mark is reset before the call where the kernel
//                               allows it, so the peak covers IMM plus the network it reads),
//                               and the time split by IMM's progress reports: t_bound_s
//                               (snapshots, lower-bound rounds), t_sample_s (final sample),
//                               t_cover_s (greedy maximum coverage), phases (sampling phases).
//
// The 1M-stakeholder landscape takes about 1.4 GiB and 10 s to build; BM_Imm/10000000/10/1
// takes about 20 s and 1.9 GiB, BM_Imm/10000000/10/0 many minutes and over 12 GiB
// (docs/performance.md). These cases are for a developer's run, one process per IMM case so
// that VmHWM is its own:
//   copnet_benchmarks --benchmark_filter='BM_IcRuns|BM_LtRuns'
//   copnet_benchmarks --benchmark_filter='BM_Imm/10000000/10/1/'
// CI builds this binary but runs only the BM_ParseCsv smoke test (tests/CMakeLists.txt).
// docs/performance.md, "Diffusion and leverage", has the measured table.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <fstream>
#include <map>
#include <memory>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include <benchmark/benchmark.h>

#include "large.hpp"
#include "speedup.hpp"

#include "copnet/analysis/reach.hpp"

namespace {

constexpr std::size_t runs = 10'000;
constexpr std::size_t source_count = 10;

struct Landscape {
    copnet::Network net;
    std::vector<copnet::StakeholderId> sources;  // 10 distinct, drawn from the same seed
};

// skewed: the tie's source is drawn with weight (i + 1)^(-1/(γ - 1)), γ = 2.5 (Chung & Lu
// 2002), so out-degrees follow a power law as on real social networks (a few stakeholders
// reach thousands), while targets stay uniform; otherwise both endpoints are uniform.
std::unique_ptr<Landscape> make_landscape(std::size_t ties, bool skewed = false) {
    const std::size_t n = ties / 10;
    std::mt19937_64 rng(20261122);
    std::uniform_int_distribution<std::uint64_t> pick(0, n - 1);
    std::vector<double> weight(skewed ? n : 0);
    for (std::size_t i = 0; i < weight.size(); ++i)
        weight[i] = std::pow(static_cast<double>(i + 1), -1.0 / 1.5);
    std::discrete_distribution<std::uint64_t> pick_source(weight.begin(), weight.end());
    // Distinct ordered pairs as source * n + target, topped up until there are `ties` of them.
    std::vector<std::uint64_t> pairs;
    pairs.reserve(ties);
    while (pairs.size() < ties) {
        for (std::size_t e = pairs.size(); e < ties; ++e) {
            const std::uint64_t s = skewed ? pick_source(rng) : pick(rng);
            std::uint64_t t = pick(rng);
            if (t == s) t = (s + 1) % n;
            pairs.push_back(s * n + t);
        }
        std::sort(pairs.begin(), pairs.end());
        pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
    }
    std::vector<std::uint32_t> in_degree(n, 0);
    for (std::uint64_t p : pairs) ++in_degree[p % n];

    auto l = std::make_unique<Landscape>();
    l->net.reserve(n);
    std::vector<copnet::StakeholderId> ids;
    ids.reserve(n);
    for (std::size_t i = 0; i < n; ++i) {
        copnet::Stakeholder s;
        s.id = "s" + std::to_string(i);
        ids.push_back(l->net.add_stakeholder(std::move(s)));
    }
    {
        std::vector<copnet::Tie> list;
        list.reserve(pairs.size());
        for (std::uint64_t p : pairs) {
            const std::uint64_t t = p % n;
            list.push_back({ids[p / n], ids[t], copnet::TieKind::influence,
                            1.0 / static_cast<double>(in_degree[t])});
        }
        l->net.add_ties(list);
    }
    while (l->sources.size() < source_count) {
        const copnet::StakeholderId who = ids[pick(rng)];
        if (std::find(l->sources.begin(), l->sources.end(), who) == l->sources.end())
            l->sources.push_back(who);
    }
    return l;
}

const Landscape& landscape(std::size_t ties, bool skewed = false) {
    static std::map<std::pair<std::size_t, bool>, std::unique_ptr<Landscape>> cache;
    auto& slot = cache[{ties, skewed}];
    if (!slot) slot = make_landscape(ties, skewed);
    return *slot;
}

// A field of /proc/self/status ("VmRSS", "VmHWM") in GiB; 0 if unavailable.
double status_gib(const std::string& field) {
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line))
        if (line.compare(0, field.size() + 1, field + ":") == 0)
            return std::stod(line.substr(field.size() + 1)) / (1024.0 * 1024.0);  // kB
    return 0.0;
}

// Resets VmHWM to the current resident size (Linux ≥ 4.0); false if the kernel refuses.
bool reset_peak_rss() {
    std::ofstream clear("/proc/self/clear_refs");
    clear << "5";
    clear.flush();
    return static_cast<bool>(clear);
}

void monte_carlo(benchmark::State& state, copnet::DiffusionModel model) {
    const Landscape& l = landscape(static_cast<std::size_t>(state.range(0)));
    copnet::DiffusionOptions options;
    options.model = model;
    options.runs = runs;
    options.threads = static_cast<unsigned>(state.range(1));
    {
        // Builds the network's cached snapshot outside the timed loop.
        copnet::DiffusionOptions warm = options;
        warm.runs = 1;
        benchmark::DoNotOptimize(copnet::spread(l.net, l.sources, warm).expected);
    }
    double expected = 0.0;
    copnet_bench::timed_with_speedup(
        state, std::string(copnet::to_string(model)) + "/" + std::to_string(state.range(0)),
        options.threads, [&](unsigned t) {
            copnet::DiffusionOptions o = options;
            o.threads = t;
            const auto r = copnet::spread(l.net, l.sources, o);
            // DoNotOptimize on a const value only: GCC drops stores into a mutable double
            // passed to benchmark 1.7's "+m,r" asm (GCC bug 92597, google/benchmark#903).
            benchmark::DoNotOptimize(r.expected);
            expected = r.expected;
        });
    state.counters["runs/s"] =
        benchmark::Counter(static_cast<double>(runs), benchmark::Counter::kIsIterationInvariantRate);
    state.counters["spread"] = expected;
    state.counters["stakeholders"] = static_cast<double>(l.net.stakeholder_count());
}

void BM_IcRuns(benchmark::State& state) {
    monte_carlo(state, copnet::DiffusionModel::independent_cascade);
}
BENCHMARK(BM_IcRuns)
    ->Apply([](benchmark::internal::Benchmark* b) {
        b->ArgsProduct({{100'000}, {1, 2}});
        if (copnet_bench::large()) b->ArgsProduct({{1'000'000}, {1, 2}});
    })
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

void BM_LtRuns(benchmark::State& state) {
    monte_carlo(state, copnet::DiffusionModel::linear_threshold);
}
BENCHMARK(BM_LtRuns)
    ->Apply([](benchmark::internal::Benchmark* b) {
        b->ArgsProduct({{100'000}, {1, 2}});
        if (copnet_bench::large()) b->ArgsProduct({{1'000'000}, {1, 2}});
    })
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

void BM_Imm(benchmark::State& state) {
    const Landscape& l =
        landscape(static_cast<std::size_t>(state.range(0)), state.range(2) != 0);
    copnet::LeverageOptions options;
    options.method = copnet::LeverageMethod::imm;
    options.k = 50;
    options.epsilon = static_cast<double>(state.range(1)) / 100.0;
    options.diffusion.model = copnet::DiffusionModel::independent_cascade;
    options.diffusion.runs = 0;
    options.diffusion.threads = 2;
    // Where the time goes, from the progress reports: each sampling phase reports its own
    // target of sets (the lower-bound rounds, then the final sample), so a new total marks a
    // new phase. t_bound_s: from the call to the first report of the final sample (snapshots,
    // lower-bound rounds with their coverage); t_sample_s: the final sample (its first report
    // comes after about 1 % of it); t_cover_s: after its last report (greedy coverage).
    using clock = std::chrono::steady_clock;
    std::size_t phase_total = 0;
    std::size_t phases = 0;
    clock::time_point first{};
    clock::time_point last{};
    options.diffusion.progress = [&](std::size_t, std::size_t total) {
        last = clock::now();
        if (total != phase_total) {
            phase_total = total;
            first = last;
            ++phases;
        }
    };
    const double before = status_gib("VmRSS");
    const bool reset = reset_peak_rss();
    copnet::LeverageResult r;
    clock::time_point start{};
    clock::time_point end{};
    for (auto _ : state) {
        start = clock::now();
        r = copnet::leverage(l.net, options);
        end = clock::now();
        benchmark::DoNotOptimize(std::as_const(r).expected);
    }
    const auto seconds = [](clock::duration d) { return std::chrono::duration<double>(d).count(); };
    state.counters["t_bound_s"] = seconds(first - start);
    state.counters["t_sample_s"] = seconds(last - first);
    state.counters["t_cover_s"] = seconds(end - last);
    state.counters["phases"] = static_cast<double>(phases);
    state.counters["rr_sets"] = static_cast<double>(r.samples);
    state.counters["spread"] = r.expected;
    state.counters["rss_before_GiB"] = before;
    state.counters["peak_GiB"] = status_gib("VmHWM");
    if (!reset) state.SetLabel("VmHWM not reset: peak includes building the landscape");
}
// Args: ties, ε in hundredths (the ε = 0.1; ε = 0.5, the IMM paper's usual setting,
// as a reference point: sets needed scale as 1/ε²), landscape (1 skewed, 0 uniform).
// The 10M-tie cases with COPNET_BENCH_LARGE=1.
BENCHMARK(BM_Imm)
    ->Apply([](benchmark::internal::Benchmark* b) {
        b->Args({1'000'000, 10, 1})->Args({1'000'000, 10, 0});
        if (copnet_bench::large())
            b->Args({10'000'000, 10, 1})->Args({10'000'000, 10, 0})->Args({10'000'000, 50, 0});
    })
    ->Unit(benchmark::kSecond)
    ->UseRealTime()
    ->Iterations(1);

} // namespace
