// The windows of `copnet health` as an SVG chart (copnet/io/health_chart.hpp).
#include "copnet/io/health_chart.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <optional>
#include <string_view>
#include <vector>

#include "copnet/error.hpp"
#include "copnet/events.hpp"
#include "copnet/io/file.hpp"
#include "detail/text.hpp"

namespace copnet {
namespace {

constexpr double left = 60, right = 20, top = 44, panel_height = 130, panel_gap = 44,
                 bottom = 78;
constexpr std::string_view ink = "#333333", grid = "#E3E3E3";

std::string esc(std::string_view s) {
    std::string out;
    detail::append_xml_escaped(out, s, detail::XmlControl::as_space);
    return out;
}

std::string num(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", v);
    return buf;
}

std::string percent(double share) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.0f %%", 100.0 * share);
    return buf;
}

/// The smallest "nice" axis top (1, 2 or 5 × 10^k steps, at most five) at or above `m`, and its
/// step.
std::pair<double, double> nice_axis(double m) {
    if (!(m > 0)) return {1.0, 1.0};
    const double base = std::pow(10.0, std::floor(std::log10(m / 5.0)));
    double step = base;
    for (const double f : {1.0, 2.0, 5.0, 10.0}) {
        step = f * base;
        if (m / step <= 5.0) break;
    }
    step = std::max(step, 1.0);  // counts: whole-number ticks
    return {std::ceil(m / step) * step, step};
}

struct Series {
    std::string_view name;
    std::string_view colour;
    std::vector<std::optional<double>> values;
    bool share = false;  ///< 0–1, shown as a percentage
};

class Chart {
public:
    Chart(const HealthResult& h, const HealthChartOptions& o) : h_(h), o_(o) {
        const std::size_t n = h.windows.size();
        plot_width_ = o.width - left - right;
        band_ = n == 0 ? plot_width_ : plot_width_ / static_cast<double>(n);
        for (const WindowHealth& w : h.windows)
            spans_.push_back(format_time(w.start, h.kind) + " to " + format_time(w.end, h.kind));
    }

    std::string draw() {
        const double height = top + 3 * panel_height + 2 * panel_gap + bottom;
        out_ += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
        out_ += "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"" + num(o_.width) +
                "\" height=\"" + num(height) + "\" viewBox=\"0 0 " + num(o_.width) + ' ' + num(height) +
                "\" role=\"img\" font-family=\"sans-serif\" font-size=\"12\">\n";
        out_ += "<title>" + esc(o_.title) + "</title>\n<desc>" + esc(description()) + "</desc>\n";
        out_ += "<rect width=\"100%\" height=\"100%\" fill=\"#FFFFFF\"/>\n";
        out_ += "<text x=\"" + num(left) + "\" y=\"24\" font-size=\"16\" font-weight=\"bold\" fill=\"" +
                std::string(ink) + "\">" + esc(o_.title) + "</text>\n";
        if (h_.windows.empty()) {
            out_ += "<text x=\"" + num(left) + "\" y=\"" + num(top + 30) + "\" fill=\"" + std::string(ink) +
                    "\">No windows: the event log is empty.</text>\n</svg>\n";
            return std::move(out_);
        }
        std::vector<std::optional<double>> active, newcomers, persistence, reciprocity;
        for (const WindowHealth& w : h_.windows) {
            active.emplace_back(static_cast<double>(w.active));
            newcomers.emplace_back(static_cast<double>(w.newcomers));
            persistence.push_back(w.persistence);
            reciprocity.push_back(w.reciprocity);
        }
        double y = top;
        counts_panel(y, Series{"active members", "#332288", active},
                     Series{"newcomers", "#88CCEE", newcomers});
        y += panel_height + panel_gap;
        share_panel(y, "Ties kept from the previous window (persistence)",
                    Series{"persistence", "#117733", persistence, true});
        y += panel_height + panel_gap;
        share_panel(y, "Contacts returned (reciprocity)", Series{"reciprocity", "#CC6677", reciprocity, true});
        time_axis(y + panel_height);
        out_ += "</svg>\n";
        return std::move(out_);
    }

private:
    [[nodiscard]] double x(std::size_t i) const { return left + (static_cast<double>(i) + 0.5) * band_; }

    std::string description() const {
        const std::size_t n = h_.windows.size();
        if (n == 0) return "No windows: the event log is empty.";
        std::size_t lo = h_.windows[0].active, hi = lo;
        for (const WindowHealth& w : h_.windows) {
            lo = std::min(lo, w.active);
            hi = std::max(hi, w.active);
        }
        return std::to_string(n) + (n == 1 ? " window" : " windows") + " from " +
               format_time(h_.windows.front().start, h_.kind) + " to " +
               format_time(h_.windows.back().end, h_.kind) + "; active members per window from " +
               std::to_string(lo) + " to " + std::to_string(hi) +
               ". Panels: active members and newcomers; persistence of ties; reciprocity.";
    }

    void frame(double y0, std::string_view title, double axis_top, double step, bool share) {
        out_ += "<g class=\"panel\">\n<text x=\"" + num(left) + "\" y=\"" + num(y0 - 10) +
                "\" font-weight=\"bold\" fill=\"" + std::string(ink) + "\">" + esc(title) + "</text>\n";
        for (double t = 0; t <= axis_top + 1e-9; t += step) {
            const double yy = y0 + panel_height * (1.0 - t / axis_top);
            out_ += "<line x1=\"" + num(left) + "\" y1=\"" + num(yy) + "\" x2=\"" + num(left + plot_width_) +
                    "\" y2=\"" + num(yy) + "\" stroke=\"" + std::string(t == 0 ? ink : grid) + "\"/>\n";
            const std::string label = share ? percent(t) : std::to_string(static_cast<long long>(t));
            out_ += "<text x=\"" + num(left - 6) + "\" y=\"" + num(yy + 4) + "\" text-anchor=\"end\" fill=\"" +
                    std::string(ink) + "\">" + label + "</text>\n";
        }
    }

    // A line through the defined values, broken where a value is undefined; a dot per value
    // with its window and value as a tooltip.
    void line(double y0, double axis_top, const Series& s) {
        std::string path;
        bool open = false;
        for (std::size_t i = 0; i < s.values.size(); ++i) {
            if (!s.values[i]) {
                open = false;
                continue;
            }
            const double yy = y0 + panel_height * (1.0 - *s.values[i] / axis_top);
            path += (open ? " L" : " M") + num(x(i)) + ' ' + num(yy);
            open = true;
        }
        out_ += "<g class=\"series " + std::string(s.name) + "\">\n";
        if (!path.empty())
            out_ += "<path d=\"" + path.substr(1) + "\" fill=\"none\" stroke=\"" + std::string(s.colour) +
                    "\" stroke-width=\"2\"/>\n";
        for (std::size_t i = 0; i < s.values.size(); ++i) {
            if (!s.values[i]) continue;
            const double yy = y0 + panel_height * (1.0 - *s.values[i] / axis_top);
            out_ += "<circle cx=\"" + num(x(i)) + "\" cy=\"" + num(yy) + "\" r=\"3.5\" fill=\"" +
                    std::string(s.colour) + "\"><title>" + esc(spans_[i]) + ", " + value_text(s, *s.values[i]) +
                    "</title></circle>\n";
        }
        out_ += "</g>\n";
    }

    static std::string value_text(const Series& s, double v) {
        return std::string(s.name) + ": " +
               (s.share ? percent(v) : std::to_string(static_cast<long long>(std::llround(v))));
    }

    void counts_panel(double y0, const Series& main, const Series& bars) {
        double m = 0;
        for (const auto& v : main.values) m = std::max(m, v.value_or(0));
        const auto [axis_top, step] = nice_axis(m);
        frame(y0, "Active members, and newcomers among them", axis_top, step, false);
        out_ += "<g class=\"series " + std::string(bars.name) + "\">\n";
        const double w = std::max(1.0, band_ * 0.6);
        for (std::size_t i = 0; i < bars.values.size(); ++i) {
            const double v = bars.values[i].value_or(0);
            const double hgt = panel_height * v / axis_top;
            out_ += "<rect x=\"" + num(x(i) - w / 2) + "\" y=\"" + num(y0 + panel_height - hgt) + "\" width=\"" +
                    num(w) + "\" height=\"" + num(hgt) + "\" fill=\"" + std::string(bars.colour) + "\"><title>" +
                    esc(spans_[i]) + ", " + value_text(bars, v) + "</title></rect>\n";
        }
        out_ += "</g>\n";
        line(y0, axis_top, main);
        // Legend, top right.
        const double lx = left + plot_width_ - 220, ly = y0 - 14;
        out_ += "<g class=\"legend\"><line x1=\"" + num(lx) + "\" y1=\"" + num(ly) + "\" x2=\"" + num(lx + 18) +
                "\" y2=\"" + num(ly) + "\" stroke=\"" + std::string(main.colour) + "\" stroke-width=\"2\"/>" +
                "<text x=\"" + num(lx + 22) + "\" y=\"" + num(ly + 4) + "\" fill=\"" + std::string(ink) +
                "\">active members</text><rect x=\"" + num(lx + 130) + "\" y=\"" + num(ly - 5) +
                "\" width=\"10\" height=\"10\" fill=\"" + std::string(bars.colour) + "\"/><text x=\"" +
                num(lx + 144) + "\" y=\"" + num(ly + 4) + "\" fill=\"" + std::string(ink) +
                "\">newcomers</text></g>\n</g>\n";
    }

    void share_panel(double y0, std::string_view title, const Series& s) {
        frame(y0, title, 1.0, 0.25, true);
        line(y0, 1.0, s);
        if (std::none_of(s.values.begin(), s.values.end(), [](const auto& v) { return v.has_value(); }))
            out_ += "<text x=\"" + num(left + plot_width_ / 2) + "\" y=\"" + num(y0 + panel_height / 2) +
                    "\" text-anchor=\"middle\" fill=\"#777777\">undefined in every window</text>\n";
        out_ += "</g>\n";
    }

    void time_axis(double y0) {
        const std::size_t n = h_.windows.size();
        const std::size_t every = (n + o_.max_labels - 1) / o_.max_labels;
        out_ += "<g class=\"time-axis\">\n";
        for (std::size_t i = 0; i < n; i += every) {
            const std::string label = format_time(h_.windows[i].start, h_.kind);
            out_ += "<text transform=\"translate(" + num(x(i)) + ' ' + num(y0 + 14) +
                    ") rotate(-35)\" text-anchor=\"end\" fill=\"" + std::string(ink) + "\">" + esc(label) +
                    "</text>\n";
        }
        out_ += "</g>\n";
    }

    const HealthResult& h_;
    const HealthChartOptions& o_;
    std::vector<std::string> spans_;
    double plot_width_ = 0, band_ = 0;
    std::string out_;
};

} // namespace

std::string health_chart_svg(const HealthResult& health, const HealthChartOptions& options) {
    if (!(options.width >= 320))
        throw invalid_value("a health chart's width must be at least 320 pixels (got " +
                            detail::shortest(options.width) + ")");
    if (options.max_labels < 2)
        throw invalid_value("a health chart needs max_labels ≥ 2 (got " + std::to_string(options.max_labels) + ")");
    return Chart(health, options).draw();
}

void write_health_chart(const HealthResult& health, const std::filesystem::path& path,
                        const HealthChartOptions& options) {
    write_file_atomically(path, health_chart_svg(health, options));
}

} // namespace copnet
