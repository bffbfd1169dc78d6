#pragma once
/// \file
/// `Progress`: how a long analysis reports how far it has come.

#include <cstddef>
#include <functional>

namespace copnet {

/// Progress of a long computation: `done` of `total` units. Called on the thread that called
/// the analysis, a bounded number of times (about a hundred), never concurrently; the last call
/// has done == total. It must not throw.
using Progress = std::function<void(std::size_t done, std::size_t total)>;

namespace detail {
/// Reports `done` of `total` through `progress` when the hundredth it reaches is new (kept in
/// `reported`), and always at the end. Cost: O(1).
inline void report_progress(const Progress& progress, std::size_t done, std::size_t total,
                            std::size_t& reported) {
    if (!progress || total == 0) return;
    const std::size_t hundredths = done >= total ? 100 : done * 100 / total;
    if (hundredths > reported || done == total) {
        reported = hundredths;
        progress(done, total);
    }
}
} // namespace detail

} // namespace copnet
