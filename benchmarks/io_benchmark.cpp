// Reading and writing the interchange formats: GraphML, node-link JSON and archives; UCINET DL.
//
// With COPNET_BENCH_GRAPHML / COPNET_BENCH_JSON / COPNET_BENCH_ARCHIVE (a .txt, .bin or .xml
// file) set, the Read*File cases time those files (benchmarks/compare_io.py sets them, to
// compare with python-igraph and NetworkX on the same files); otherwise they time a small
// seeded network written in memory, so the cases always run.
#include <algorithm>
#include <cstdlib>
#include <random>
#include <sstream>
#include <string>

#include <benchmark/benchmark.h>

#include "copnet/io/archive.hpp"
#include "copnet/io/file.hpp"
#include "copnet/io/graphml.hpp"
#include "copnet/io/json.hpp"
#include "copnet/io/ucinet.hpp"

namespace {

const copnet::Network& seeded_network() {
    static const copnet::Network net = [] {
        copnet::Network n;
        const std::size_t size = 2000;
        std::mt19937_64 rng(20261123);
        for (std::size_t i = 0; i < size; ++i)
            n.add_stakeholder({.id = "s" + std::to_string(i), .name = "Stakeholder " + std::to_string(i),
                               .sector = "sector " + std::to_string(i % 7)});
        for (std::size_t e = 0; e < 10 * size; ++e) {
            const auto s = static_cast<std::uint32_t>(rng() % size);
            auto t = static_cast<std::uint32_t>(rng() % size);
            if (t == s) t = (s + 1) % static_cast<std::uint32_t>(size);
            n.add_tie(copnet::StakeholderId(s), copnet::StakeholderId(t),
                      static_cast<copnet::TieKind>(e % 3), static_cast<double>(rng() % 100) / 100.0);
        }
        return n;
    }();
    return net;
}

std::string text_of(const char* env, auto write) {
    if (const char* path = std::getenv(env)) return copnet::read_file_bytes(path);
    std::ostringstream out(std::ios::binary);
    write(seeded_network(), out);
    return out.str();
}

void BM_ReadGraphmlFile(benchmark::State& state) {
    const std::string text = text_of("COPNET_BENCH_GRAPHML", [](const auto& n, auto& o) { copnet::write_graphml(n, o); });
    for (auto _ : state) {
        copnet::Network net;
        copnet::parse_graphml(net, text);
        benchmark::DoNotOptimize(net.tie_count());
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_ReadGraphmlFile)->Unit(benchmark::kMillisecond);

void BM_ReadJsonFile(benchmark::State& state) {
    const std::string text = text_of("COPNET_BENCH_JSON", [](const auto& n, auto& o) { copnet::write_json(n, o); });
    for (auto _ : state) {
        copnet::Network net;
        copnet::parse_json(net, text);
        benchmark::DoNotOptimize(net.tie_count());
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_ReadJsonFile)->Unit(benchmark::kMillisecond);

void BM_ReadArchiveFile(benchmark::State& state) {
    const char* path = std::getenv("COPNET_BENCH_ARCHIVE");
    const copnet::ArchiveKind kind = path ? copnet::archive_kind_for(path) : copnet::ArchiveKind::binary;
    const std::string text = text_of("COPNET_BENCH_ARCHIVE", [kind](const auto& n, auto& o) { copnet::write_archive(n, o, kind); });
    for (auto _ : state) {
        copnet::Network net;
        copnet::parse_archive(net, text, kind);
        benchmark::DoNotOptimize(net.tie_count());
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_ReadArchiveFile)->Unit(benchmark::kMillisecond);

void BM_WriteGraphml(benchmark::State& state) {
    for (auto _ : state) {
        std::ostringstream out;
        copnet::write_graphml(seeded_network(), out);
        benchmark::DoNotOptimize(out.str().size());
    }
}
BENCHMARK(BM_WriteGraphml)->Unit(benchmark::kMillisecond);

} // namespace

namespace {

/// A DL EDGELIST1 text of `ties` seeded arcs among ties / 10 stakeholders, with a LABELS: list.
std::string dl_text(std::size_t ties) {
    const std::size_t n = std::max<std::size_t>(ties / 10, 2);
    std::mt19937_64 rng(20261202);
    std::string s = "DL N=" + std::to_string(n) + "\nFORMAT = EDGELIST1\nLABELS:\n";
    for (std::size_t i = 0; i < n; ++i) s += "s" + std::to_string(i) + "\n";
    s += "DATA:\n";
    for (std::size_t e = 0; e < ties; ++e) {
        const std::size_t a = rng() % n;
        std::size_t b = rng() % n;
        if (b == a) b = (a + 1) % n;
        s += std::to_string(a + 1) + ' ' + std::to_string(b + 1) + " 0." + std::to_string(10 + rng() % 90) + '\n';
    }
    return s;
}

} // namespace

// With COPNET_BENCH_DL set: that DL file; else DL as write_dl writes the seeded network.
void BM_ReadDlFile(benchmark::State& state) {
    const std::string text = text_of("COPNET_BENCH_DL", [](const auto& n, auto& o) { copnet::write_dl(n, o); });
    for (auto _ : state) {
        copnet::Network net;
        copnet::parse_dl(net, text);
        benchmark::DoNotOptimize(net.tie_count());
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_ReadDlFile)->Unit(benchmark::kMillisecond);

// Reading DL EDGELIST1 should be linear in the file's size: bytes/s stays flat over the sizes.
void BM_ReadDlScaling(benchmark::State& state) {
    const std::string text = dl_text(static_cast<std::size_t>(state.range(0)));
    for (auto _ : state) {
        copnet::Network net;
        copnet::parse_dl(net, text);
        benchmark::DoNotOptimize(net.tie_count());
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_ReadDlScaling)->RangeMultiplier(10)->Range(10'000, 1'000'000)->Unit(benchmark::kMillisecond);
