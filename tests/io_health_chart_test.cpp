// The SVG chart of `health` windows (copnet/io/health_chart.hpp): what it draws for each
// window, the gaps of undefined values, the axes, escaping and bad options.
#include <string>
#include <string_view>

#include <catch2/catch.hpp>

#include "copnet/analysis/health.hpp"
#include "copnet/error.hpp"
#include "copnet/io/health_chart.hpp"

using namespace copnet;

namespace {

std::size_t count(std::string_view text, std::string_view what) {
    std::size_t n = 0;
    for (std::size_t at = text.find(what); at != std::string_view::npos; at = text.find(what, at + 1)) ++n;
    return n;
}

// The part of `svg` inside <g class="series NAME"> … </g>.
std::string_view series(std::string_view svg, std::string_view name) {
    const std::string open = "<g class=\"series " + std::string(name) + "\">";
    const std::size_t a = svg.find(open);
    if (a == std::string_view::npos) return {};
    const std::size_t b = svg.find("</g>", a);
    return svg.substr(a, b - a);
}

// Windows [0,10) … [30,40) of plain-number times: active 4, 5, 0, 2; newcomers 4, 1, 0, 0;
// persistence undefined first and for the window without events' successor (no pairs before).
HealthResult four_windows() {
    HealthResult r;
    r.kind = TimeKind::number;
    const auto add = [&](Time start, std::size_t active, std::size_t newcomers,
                         std::optional<double> persistence, std::optional<double> reciprocity) {
        WindowHealth w;
        w.start = start;
        w.end = start + 10;
        w.active = active;
        w.newcomers = newcomers;
        w.persistence = persistence;
        w.reciprocity = reciprocity;
        r.windows.push_back(w);
    };
    add(0, 4, 4, std::nullopt, 0.5);
    add(10, 5, 1, 0.25, 1.0);
    add(20, 0, 0, 0.0, std::nullopt);
    add(30, 2, 0, std::nullopt, 0.0);
    return r;
}

} // namespace

TEST_CASE("health chart: a dot per defined value, a bar per window, gaps where undefined", "[io][health][chart]") {
    const std::string svg = health_chart_svg(four_windows());
    CHECK(svg.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg "));
    CHECK(svg.ends_with("</svg>\n"));
    const std::string_view active = series(svg, "active members");
    CHECK(count(active, "<circle") == 4);
    CHECK(count(active, " M") + count(active, "d=\"M") == 1);  // one unbroken line
    CHECK(active.find("<title>30 to 40, active members: 2</title>") != std::string_view::npos);
    const std::string_view bars = series(svg, "newcomers");
    CHECK(count(bars, "<rect") == 4);
    CHECK(bars.find("<title>0 to 10, newcomers: 4</title>") != std::string_view::npos);
    // Persistence: defined in windows 2 and 3 only, one segment; reciprocity: broken at window 3.
    const std::string_view persistence = series(svg, "persistence");
    CHECK(count(persistence, "<circle") == 2);
    CHECK(count(persistence, "M") == 1);
    CHECK(persistence.find("<title>10 to 20, persistence: 25 %</title>") != std::string_view::npos);
    const std::string_view reciprocity = series(svg, "reciprocity");
    CHECK(count(reciprocity, "<circle") == 3);
    CHECK(count(reciprocity, "M") == 2);  // two segments around the window without events
    CHECK(reciprocity.find("<title>10 to 20, reciprocity: 100 %</title>") != std::string_view::npos);
}

TEST_CASE("health chart: the count axis tops at a nice number at or above the most active", "[io][health][chart]") {
    // Active at most 5: the axis runs 0–5 in steps of 1, so the peak sits on the panel's top
    // line (y = 44) and zero on its base (y = 44 + 130).
    const std::string svg = health_chart_svg(four_windows());
    const std::string_view active = series(svg, "active members");
    CHECK(active.find("cy=\"44.0\"") != std::string_view::npos);   // 5 active
    CHECK(active.find("cy=\"174.0\"") != std::string_view::npos);  // 0 active
    CHECK(svg.find(">5</text>") != std::string::npos);
    CHECK(svg.find(">6</text>") == std::string::npos);
    // 0–100 % axes on the share panels.
    CHECK(count(svg, ">100 %</text>") == 2);
    HealthResult big = four_windows();
    big.windows[1].active = 437;  // axis 0–500 in steps of 100
    const std::string svg2 = health_chart_svg(big);
    CHECK(svg2.find(">500</text>") != std::string::npos);
    CHECK(svg2.find(">400</text>") != std::string::npos);
    CHECK(svg2.find(">600</text>") == std::string::npos);
}

TEST_CASE("health chart: labels thin out, ISO windows are named by their start, text is escaped", "[io][health][chart]") {
    HealthResult r;
    r.kind = TimeKind::date;
    for (int i = 0; i < 30; ++i) {
        WindowHealth w;
        w.start = Time{i} * 86400000;
        w.end = Time{i + 1} * 86400000;
        w.active = static_cast<std::size_t>(i);
        r.windows.push_back(w);
    }
    const std::string svg = health_chart_svg(r, {.title = "A & B <CoP>", .max_labels = 10});
    CHECK(svg.find("<title>A &amp; B &lt;CoP&gt;</title>") != std::string::npos);
    const std::size_t axis = svg.find("<g class=\"time-axis\">");
    REQUIRE(axis != std::string::npos);
    CHECK(count(std::string_view(svg).substr(axis), "<text") == 10);  // every third of 30
    CHECK(svg.find(">1970-01-01</text>") != std::string::npos);
    CHECK(svg.find(">1970-01-04</text>") != std::string::npos);
    CHECK(svg.find(">1970-01-02</text>") == std::string::npos);
    CHECK(svg.find("undefined in every window") != std::string::npos);  // no persistence anywhere
}

TEST_CASE("health chart: an empty log says so; bad options are refused", "[io][health][chart]") {
    const std::string svg = health_chart_svg(HealthResult{});
    CHECK(svg.find("No windows: the event log is empty.") != std::string::npos);
    CHECK(svg.find("<circle") == std::string::npos);
    CHECK_THROWS_AS(health_chart_svg(four_windows(), {.width = 100}), invalid_value);
    CHECK_THROWS_WITH(health_chart_svg(four_windows(), {.max_labels = 1}),
                      Catch::Contains("max_labels"));
}
