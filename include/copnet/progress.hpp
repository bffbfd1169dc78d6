#pragma once
/// \file
/// `Progress`: how a long analysis reports how far it has come.

#include <algorithm>
#include <cstddef>
#include <functional>
#include <initializer_list>
#include <vector>

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

/// Progress over consecutive stages of a computation, each with a weight (its share of the
/// total; a rough cost such as its number of rows). `inner()` is the callback a stage's own
/// analysis reports through, `at(done, of)` reports from inside a stage, `next()` ends the
/// current stage, `finish()` the whole. Without a callback every call is a no-op. It holds a
/// reference to `progress`, which must outlive it. Cost: O(1) per call.
class Stages {
public:
    Stages(const Progress& progress, std::vector<std::size_t> weights)
        : progress_(progress), weights_(std::move(weights)) {
        for (std::size_t& w : weights_) w = std::max<std::size_t>(w, 1);
        for (const std::size_t w : weights_) total_ += w;
    }
    Stages(const Progress& progress, std::initializer_list<std::size_t> weights)
        : Stages(progress, std::vector<std::size_t>(weights)) {}

    /// True when there is a callback to report to.
    [[nodiscard]] bool active() const noexcept { return static_cast<bool>(progress_); }
    /// `done` of `of` units of the current stage are done.
    void at(std::size_t done, std::size_t of) {
        if (!progress_ || of == 0 || stage_ >= weights_.size()) return;
        const std::size_t w = weights_[stage_];
        report(start_ + static_cast<std::size_t>(static_cast<double>(std::min(done, of)) /
                                                 static_cast<double>(of) * static_cast<double>(w)));
    }
    /// The callback for the current stage's analysis (empty without a callback). It refers to
    /// this object, which must outlive its calls.
    [[nodiscard]] Progress inner() {
        if (!progress_) return {};
        return [this](std::size_t done, std::size_t of) { at(done, of); };
    }
    /// Moves on to stage `stage` (the stages before it are done); no-op if it is not ahead.
    void to(std::size_t stage) {
        while (stage_ < stage && stage_ < weights_.size()) next();
    }
    /// The current stage is done.
    void next() {
        if (stage_ >= weights_.size()) return;
        start_ += weights_[stage_++];
        if (stage_ == weights_.size()) finish();
        else report(start_);
    }
    /// Everything is done (the last report, done == total).
    void finish() {
        if (progress_ && !finished_) {
            finished_ = true;
            progress_(total_, total_);
        }
    }

private:
    void report(std::size_t done) {
        if (progress_ && done < total_) report_progress(progress_, done, total_, reported_);
    }
    const Progress& progress_;
    std::vector<std::size_t> weights_;
    std::size_t total_ = 0, start_ = 0, stage_ = 0, reported_ = 0;
    bool finished_ = false;
};
} // namespace detail

} // namespace copnet
