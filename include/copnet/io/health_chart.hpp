#pragma once
/// \file
/// `health_chart_svg`: the windows of `copnet health` as an SVG chart a coordinator reads at a
/// glance — active members and newcomers, ties that persist, contacts returned, over time.
///
///     const copnet::HealthResult r = copnet::health(net, log, {.every = copnet::parse_span("1m")});
///     copnet::write_health_chart(r, "health.svg");

#include <cstddef>
#include <filesystem>
#include <string>

#include "copnet/analysis/health.hpp"

namespace copnet {

/// Options of `health_chart_svg`.
struct HealthChartOptions {
    /// The chart's title (shown at the top and as the SVG's accessible name).
    std::string title = "Community health over time";
    /// Width of the whole chart in pixels (at least 320).
    double width = 760;
    /// At most this many window labels on the time axis (every k-th window is labelled); ≥ 2.
    std::size_t max_labels = 12;
};

/// An SVG (1.1, standalone) of `health`'s windows in three panels sharing the time axis:
/// (1) active members, with newcomers as bars beneath; (2) persistence, the Jaccard share of
/// pairs kept from the previous window, 0–1; (3) reciprocity, the share of contacts returned,
/// 0–1. A window whose value is undefined (the first window's persistence, a window without
/// events) leaves a gap in its line. Each point carries a `<title>` with the window and the
/// value, so a browser shows it on hover; the panels' axes start at zero. Windows are labelled
/// with their start in the log's spelling (`format_time`). Cost: O(windows). Throws
/// invalid_value if `options.width` < 320 or `options.max_labels` < 2.
[[nodiscard]] std::string health_chart_svg(const HealthResult& health,
                                           const HealthChartOptions& options = {});

/// Writes `health_chart_svg(health, options)` to `path` atomically (see
/// `write_file_atomically`). Throws: as `health_chart_svg`; io_error if the file cannot be
/// written.
void write_health_chart(const HealthResult& health, const std::filesystem::path& path,
                        const HealthChartOptions& options = {});

} // namespace copnet
