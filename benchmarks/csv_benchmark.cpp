// Loading the CSV pair: the first step of every researcher's run.
//
// The synthetic landscape is seeded and built in memory: N stakeholders, 10·N ties with heavy-
// tailed endpoints, mixed kinds and two-decimal weights (about 30 bytes a row, so 1M ties is a
// ~30 MB ties.csv). Set COPNET_BENCH_NODES and COPNET_BENCH_TIES to time the same load on files
// of your own (benchmarks/compare_load.py does, to compare with python-igraph).
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <random>
#include <string>

#include <benchmark/benchmark.h>

#include <malloc.h>

#include "copnet/io/csv.hpp"

namespace {

struct Landscape {
    std::string nodes;
    std::string ties;
    std::size_t tie_count = 0;
};

Landscape make_landscape(std::size_t n) {
    static constexpr const char* kinds[] = {"authority", "influence", "collaboration"};
    static constexpr const char* sectors[] = {"state agencies and councils", "families",
                                              "local schools and agency services", "youth"};
    static constexpr const char* levels[] = {"local", "state", "national"};
    std::mt19937_64 rng(20261122);
    Landscape l;
    l.nodes = "id,name,sector,level,circle\n";
    for (std::size_t i = 0; i < n; ++i)
        l.nodes += "s" + std::to_string(i) + ",Stakeholder " + std::to_string(i) + "," +
                   sectors[i % 4] + "," + levels[i % 3] + "," + (i % 50 == 0 ? "inner" : "none") +
                   "\n";
    l.ties = "source,target,kind,weight\n";
    // Squaring a uniform draw skews endpoints towards low ids: a heavy-tailed degree sequence.
    std::uniform_real_distribution<double> u(0.0, 1.0);
    const auto pick = [&] {
        const double x = u(rng);
        return static_cast<std::size_t>(x * x * static_cast<double>(n)) % n;
    };
    for (std::size_t e = 0; e < 10 * n; ++e) {
        const std::size_t s = pick();
        std::size_t t = pick();
        if (t == s) t = (s + 1) % n;
        l.ties += "s" + std::to_string(s) + ",s" + std::to_string(t) + "," + kinds[e % 3] + ",0." +
                  std::to_string(10 + rng() % 90) + "\n";
        ++l.tie_count;
    }
    return l;
}

const Landscape& landscape(std::size_t n) {
    static std::map<std::size_t, Landscape> cache;
    auto it = cache.find(n);
    if (it == cache.end()) it = cache.emplace(n, make_landscape(n)).first;
    return it->second;
}

void BM_ParseCsv(benchmark::State& state) {
    const Landscape& l = landscape(static_cast<std::size_t>(state.range(0)));
    for (auto _ : state) {
        copnet::Network net;
        copnet::parse_csv(net, l.nodes, l.ties);
        benchmark::DoNotOptimize(net.tie_count());
    }
    state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(l.tie_count));
    state.SetBytesProcessed(state.iterations() *
                            static_cast<std::int64_t>(l.nodes.size() + l.ties.size()));
    state.counters["ties"] = static_cast<double>(l.tie_count);
}
BENCHMARK(BM_ParseCsv)->Arg(1'000)->Arg(10'000)->Arg(100'000)->Unit(benchmark::kMillisecond);

// Files named by the environment (whole read_csv: open, read, validate, parse, build).
void BM_ReadCsvFiles(benchmark::State& state) {
    const char* nodes = std::getenv("COPNET_BENCH_NODES");
    const char* ties = std::getenv("COPNET_BENCH_TIES");
    if (nodes == nullptr || ties == nullptr) {
        state.SkipWithError("set COPNET_BENCH_NODES and COPNET_BENCH_TIES");
        return;
    }
    std::size_t count = 0;
    for (auto _ : state) {
        auto net = std::make_unique<copnet::Network>(copnet::read_csv(nodes, ties));
        count = net->tie_count();
        benchmark::DoNotOptimize(count);
        state.PauseTiming();  // peers keep their graph: time the load, not the destruction
        net.reset();
        state.ResumeTiming();
    }
    state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(count));
    state.counters["ties"] = static_cast<double>(count);
}
BENCHMARK(BM_ReadCsvFiles)->Unit(benchmark::kMillisecond)->Iterations(1);

// Memory of holding the network of COPNET_BENCH_NODES/TIES: `held_bytes_per_tie`, the heap in
// use after the load minus before (glibc's mallinfo2: what the Network keeps, parse buffers
// freed), and `peak_rss_bytes_per_tie`, the process's peak resident set minus its size before
// the load (meaningful when this benchmark runs first in its process, as compare.py runs it).
void BM_NetworkMemory(benchmark::State& state) {
    const char* nodes = std::getenv("COPNET_BENCH_NODES");
    const char* ties = std::getenv("COPNET_BENCH_TIES");
    if (nodes == nullptr || ties == nullptr) {
        state.SkipWithError("set COPNET_BENCH_NODES and COPNET_BENCH_TIES");
        return;
    }
    auto in_use = [] {
        const struct mallinfo2 m = mallinfo2();
        return static_cast<double>(m.uordblks + m.hblkhd);
    };
    // Peak RSS: VmHWM, reset to the current RSS before the load (/proc/self/clear_refs "5";
    // getrusage's ru_maxrss carries a parent's peak across fork and exec).
    auto peak_rss = [] {
        std::ifstream status("/proc/self/status");
        std::string line;
        while (std::getline(status, line))
            if (line.rfind("VmHWM:", 0) == 0) return std::stod(line.substr(6)) * 1024.0;
        return 0.0;
    };
    auto reset_peak = [] {
        std::ofstream clear("/proc/self/clear_refs");
        clear << "5";
    };
    double held = 0, peak = 0, count = 0;
    for (auto _ : state) {
        reset_peak();
        const double heap_before = in_use(), rss_before = peak_rss();
        const copnet::Network net = copnet::read_csv(nodes, ties);
        held = in_use() - heap_before;
        peak = peak_rss() - rss_before;
        count = static_cast<double>(net.tie_count());
    }
    state.counters["ties"] = count;
    state.counters["held_bytes_per_tie"] = held / count;
    state.counters["peak_rss_bytes_per_tie"] = peak / count;
}
BENCHMARK(BM_NetworkMemory)->Unit(benchmark::kMillisecond)->Iterations(1);

} // namespace

BENCHMARK_MAIN();
