#pragma once
// Speed-up of a threaded analysis, measured in one process: the one-thread variant of a case
// records its wall seconds per iteration under a key; the variant on more threads reports
// `speedup` = those seconds / its own (and `t1_s`, `tN_s`). A case whose one-thread variant did
// not run first (a --benchmark_filter that left it out) times one call on one thread itself,
// before its loop. Register the variants with UseRealTime(): with threads, CPU time of the
// calling thread is not the cost.
#include <algorithm>
#include <chrono>
#include <map>
#include <string>

#include <benchmark/benchmark.h>

namespace copnet_bench {

/// Wall seconds per iteration of the one-thread variants run so far, by case.
inline std::map<std::string, double>& one_thread_seconds() {
    static std::map<std::string, double> seconds;
    return seconds;
}

/// Runs `call(threads)` in `state`'s loop and reports the speed-up over the case `key` on one
/// thread (counter `speedup`; 1 on one thread).
template <class Call>
void timed_with_speedup(benchmark::State& state, const std::string& key, unsigned threads,
                        Call&& call) {
    using clock = std::chrono::steady_clock;
    const auto seconds_of = [](clock::duration d) { return std::chrono::duration<double>(d).count(); };
    auto& known = one_thread_seconds();
    if (threads != 1 && known.find(key) == known.end()) {
        const auto start = clock::now();
        call(1U);
        known[key] = seconds_of(clock::now() - start);
    }
    const auto start = clock::now();
    for (auto _ : state) call(threads);
    const double mine =
        seconds_of(clock::now() - start) / static_cast<double>(std::max<benchmark::IterationCount>(1, state.iterations()));
    if (threads == 1) known[key] = mine;
    state.counters["t1_s"] = known[key];
    state.counters["tN_s"] = mine;
    state.counters["speedup"] = known[key] / mine;
}

} // namespace copnet_bench
