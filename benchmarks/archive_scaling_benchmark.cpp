// Scaling of two readers that were quadratic (issue 16): an archive in which every stakeholder
// has an attribute of its own (100,000 stakeholders were killed at 120 s), and a taxonomy of
// many rows (20,000 took 6 s). Each runs at n and 2n: linear readers take about twice as long
// at 2n. Compare the two rows of a case, e.g.
//   copnet_benchmarks --benchmark_filter='BM_(ReadArchiveOwnAttributes|ParseTaxonomy)'
#include <sstream>
#include <string>

#include <benchmark/benchmark.h>

#include "copnet/analysis/gaps.hpp"
#include "copnet/io/taxonomy.hpp"
#include "copnet/io/archive.hpp"

namespace {

// n stakeholders, stakeholder i with the one attribute "attribute i".
std::string own_attribute_archive(std::size_t n, copnet::ArchiveKind kind) {
    copnet::Network net;
    net.reserve(n);
    for (std::size_t i = 0; i < n; ++i) {
        const std::string k = std::to_string(i);
        net.add_stakeholder({.id = "s" + k, .attributes = {{"attribute " + k, "v"}}});
    }
    std::ostringstream out(std::ios::binary);
    copnet::write_archive(net, out, kind);
    return out.str();
}

void read_archive_case(benchmark::State& state, copnet::ArchiveKind kind) {
    const auto n = static_cast<std::size_t>(state.range(0));
    const std::string bytes = own_attribute_archive(n, kind);
    for (auto _ : state) {
        copnet::Network net;
        copnet::parse_archive(net, bytes, kind);
        benchmark::DoNotOptimize(net.attribute_names().size());
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) * state.range(0));
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * bytes.size()));
}

void BM_ReadArchiveOwnAttributes_Text(benchmark::State& state) {
    read_archive_case(state, copnet::ArchiveKind::text);
}
void BM_ReadArchiveOwnAttributes_Binary(benchmark::State& state) {
    read_archive_case(state, copnet::ArchiveKind::binary);
}
BENCHMARK(BM_ReadArchiveOwnAttributes_Text)->Arg(20000)->Arg(40000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ReadArchiveOwnAttributes_Binary)->Arg(20000)->Arg(40000)->Unit(benchmark::kMillisecond);

// n rows of one facet, each a category with one alias: every spelling checked against all.
void BM_ParseTaxonomy(benchmark::State& state) {
    const auto n = static_cast<std::size_t>(state.range(0));
    std::string text = "facet,category,aliases\n";
    for (std::size_t i = 0; i < n; ++i)
        text += "sector,category " + std::to_string(i) + ",alias " + std::to_string(i) + "\n";
    for (auto _ : state) {
        const copnet::Taxonomy t = copnet::parse_taxonomy(text);
        benchmark::DoNotOptimize(t.facets.size());
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) * state.range(0));
}
BENCHMARK(BM_ParseTaxonomy)->Arg(20000)->Arg(40000)->Unit(benchmark::kMillisecond);

} // namespace
