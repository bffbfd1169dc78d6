#pragma once
// The largest benchmark cases (1M stakeholders or 10M ties) run only with COPNET_BENCH_LARGE=1
// in the environment, so that a plain run of copnet_benchmarks stays quick.
#include <cstdlib>

namespace copnet_bench {

/// True when COPNET_BENCH_LARGE is set: register the 1M / 10M cases too.
inline bool large() { return std::getenv("COPNET_BENCH_LARGE") != nullptr; }

} // namespace copnet_bench
