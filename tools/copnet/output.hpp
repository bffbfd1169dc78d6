#pragma once
// What commands share in printing: CSV fields, numbers, and a progress bar for long analyses.

#include <cstddef>
#include <string>
#include <string_view>

#include "copnet/analysis/reach.hpp"

namespace copnet::cli {

/// `text` as one CSV field (RFC 4180): quoted, with quotes doubled, if it holds a comma, a quote
/// or a line break; unchanged otherwise. Cost: O(length).
[[nodiscard]] std::string csv_field(std::string_view text);

/// The shortest decimal text that reads back as `value` (std::to_chars). Cost: O(1).
[[nodiscard]] std::string shortest(double value);

/// A progress bar on stderr, drawn only when stderr is a terminal (never into a pipe or a file):
/// one line overwritten in place with '\r', ended with a newline when the work is done or the
/// bar is destroyed. Not thread-safe; the library calls a `Progress` from one thread at a time.
class ProgressBar {
public:
    /// A bar labelled `label` ("spread", "leverage"); inactive unless stderr is a terminal.
    explicit ProgressBar(std::string label);
    ProgressBar(const ProgressBar&) = delete;
    ProgressBar& operator=(const ProgressBar&) = delete;
    /// Ends a line left open, e.g. when the analysis threw.
    ~ProgressBar();

    /// The callback for `DiffusionOptions::progress`; empty when the bar is inactive. It refers
    /// to this bar, which must outlive the analysis.
    [[nodiscard]] Progress callback();
    /// Ends the line drawn so far (if any), so that later output starts on a line of its own.
    void end_line() noexcept;

private:
    void draw(std::size_t done, std::size_t total) noexcept;

    std::string label_;
    bool active_ = false;
    bool open_ = false;  // a line drawn and not yet ended
};

} // namespace copnet::cli
