// The landscape generator (copnet::generate): stakeholders and ties per second, at 10k
// stakeholders / 100k ties, 100k / 1M and, with COPNET_BENCH_LARGE=1 in the environment,
// 1M / 10M (about 1.5 GiB).
#include <benchmark/benchmark.h>

#include "large.hpp"

#include <cstdlib>

#include "copnet/generate.hpp"

namespace {

void BM_Generate(benchmark::State& state) {
    copnet::LandscapeOptions o;
    o.stakeholders = static_cast<std::size_t>(state.range(0));
    o.ties = 10 * o.stakeholders;
    for (auto _ : state) {
        copnet::Network net = copnet::generate(o);
        benchmark::DoNotOptimize(net);
        state.PauseTiming();
        { const copnet::Network gone = std::move(net); }  // freeing is not generating
        state.ResumeTiming();
    }
    state.counters["ties/s"] = benchmark::Counter(static_cast<double>(o.ties),
                                                  benchmark::Counter::kIsIterationInvariantRate);
}
BENCHMARK(BM_Generate)->Arg(10'000)->Arg(100'000)->Unit(benchmark::kMillisecond);
const bool registered_large = [] {
    if (!copnet_bench::large()) return false;
    benchmark::RegisterBenchmark("BM_Generate", BM_Generate)
        ->Arg(1'000'000)->Iterations(1)->Unit(benchmark::kMillisecond);
    return true;
}();

} // namespace
