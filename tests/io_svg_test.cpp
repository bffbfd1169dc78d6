#include <array>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "copnet/error.hpp"
#include "copnet/io/dot.hpp"
#include "copnet/io/svg.hpp"
#include "copnet/generate.hpp"
#include "io_common.hpp"

using namespace copnet;
using copnet::test::load_example;
namespace fs = std::filesystem;

namespace {

std::size_t occurrences(const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
    return n;
}

using Box = std::array<std::array<double, 2>, 4>;

// Separating axis test for two convex quadrilaterals: true if their interiors overlap.
bool overlap(const Box& a, const Box& b) {
    for (const Box* poly : {&a, &b}) {
        for (std::size_t i = 0; i < 4; ++i) {
            const auto& p = (*poly)[i];
            const auto& q = (*poly)[(i + 1) % 4];
            const double nx = -(q[1] - p[1]), ny = q[0] - p[0];
            double amin = 1e300, amax = -1e300, bmin = 1e300, bmax = -1e300;
            for (const auto& v : a) {
                const double d = nx * v[0] + ny * v[1];
                amin = std::min(amin, d);
                amax = std::max(amax, d);
            }
            for (const auto& v : b) {
                const double d = nx * v[0] + ny * v[1];
                bmin = std::min(bmin, d);
                bmax = std::max(bmax, d);
            }
            if (amax <= bmin + 1e-9 || bmax <= amin + 1e-9) return false;
        }
    }
    return true;
}

} // namespace

TEST_CASE("circle map layout: rings from the centre out, wedges by sector, no label overlaps",
          "[io][svg]") {
    for (const char* name : {"state-employment", "school-behavioral-health"}) {
        INFO(name);
        const Network net = load_example(name);
        const CircleMapLayout L = layout_circle_map(net);
        REQUIRE(L.placed.size() == net.stakeholder_count());
        CHECK(L.ring_radius[0] < L.ring_radius[1]);
        CHECK(L.ring_radius[1] < L.ring_radius[2]);
        CHECK(L.ring_radius[2] < L.ring_radius[3]);
        const Community& cop = net.community("community");
        std::size_t overlaps = 0;
        for (std::size_t i = 0; i < L.placed.size(); ++i) {
            const auto& p = L.placed[i];
            CHECK(p.ring == cop.circle(p.who));
            const double r = std::hypot(p.x - L.cx, p.y - L.cy);
            CHECK(r == Approx(L.ring_radius[static_cast<std::size_t>(p.ring)]));
            // Everything inside the picture.
            for (const auto& v : p.label_box) {
                CHECK(v[0] >= 0);
                CHECK(v[1] >= 0);
                CHECK(v[0] <= L.width);
                CHECK(v[1] <= L.height);
            }
            for (std::size_t j = i + 1; j < L.placed.size(); ++j)
                if (overlap(p.label_box, L.placed[j].label_box)) ++overlaps;
        }
        CHECK(overlaps == 0);
        // Wedges: the stakeholders of one sector occupy one contiguous angular range, the same
        // for every ring (angles measured clockwise from the top).
        std::vector<double> lo(L.categories.size(), 1e9), hi(L.categories.size(), -1e9);
        for (const auto& p : L.placed) {
            const double a = std::fmod(p.angle + std::numbers::pi / 2 + 4 * std::numbers::pi, 2 * std::numbers::pi);
            lo[p.category] = std::min(lo[p.category], a);
            hi[p.category] = std::max(hi[p.category], a);
        }
        for (std::size_t c = 0; c + 1 < L.categories.size(); ++c) CHECK(hi[c] < lo[c + 1]);
    }
}

TEST_CASE("circle map SVG: the legend names every relation with ties, with its role",
          "[io][svg][relation]") {
    Network net = load_example("state-employment");
    const std::string before = circle_map_svg(net);
    for (const char* name : {"authority", "influence", "collaboration"})
        CHECK(occurrences(before, std::string(">") + name + " (" +
                                      std::to_string(net.tie_count(net.find_relation(name).value())) +
                                      ")</text>") == 1);
    const TieKind friendship = net.add_relation({.name = "friendship", .role = Role::affect});
    (void)net.add_relation({.name = "dislikes", .role = Role::affect});  // declared, no ties
    net.add_tie(net.at("sa-01"), net.at("sa-02"), friendship);
    net.add_tie(net.at("sa-02"), net.at("sa-03"), friendship);
    const std::string svg = circle_map_svg(net);
    CHECK(occurrences(svg, ">friendship: affect (2)</text>") == 1);
    CHECK(occurrences(svg, "dislikes") == 0);
    CHECK(occurrences(svg, "stroke-width=\"1\" stroke-dasharray=\"1 2\"/><text") == 1);  // drawn dotted
    // A data set's own relations only: the built-in ones, without ties, are left out.
    Network own;
    own.add_stakeholder({.id = "a"});
    own.add_stakeholder({.id = "b"});
    own.add_tie(own.at("a"), own.at("b"), own.add_relation({.name = "reports_to", .role = Role::authority}));
    const std::string mine = circle_map_svg(own);
    CHECK(occurrences(mine, ">reports_to: authority (1)</text>") == 1);
    CHECK(occurrences(mine, ">authority (0)</text>") == 0);
    CHECK(occurrences(mine, "<line class=\"tie authority\" data-relation=\"reports_to\"") == 1);
    // No ties at all: the three built-in relations, each (0).
    Network none;
    none.add_stakeholder({.id = "a"});
    const std::string empty = circle_map_svg(none);
    for (const char* name : {"authority", "influence", "collaboration"})
        CHECK(occurrences(empty, std::string(">") + name + " (0)</text>") == 1);
}

TEST_CASE("circle map SVG: one dot per stakeholder, four rings, legend, title, highlight", "[io][svg]") {
    const Network net = load_example("state-employment");
    CircleMapOptions options;
    options.caption = "invented data";
    options.highlight = {net.at("sa-01"), net.at("sa-02")};
    options.highlight_label = "conveners";
    const std::string svg = circle_map_svg(net, options);
    CHECK(svg.starts_with("<?xml"));
    CHECK(occurrences(svg, "<circle class=\"stakeholder\"") == net.stakeholder_count());
    CHECK(occurrences(svg, "<circle class=\"ring\"") == 4);
    CHECK(occurrences(svg, "<circle class=\"highlight\"") == 2);
    CHECK(occurrences(svg, "<g class=\"legend\"") == 1);
    CHECK(occurrences(svg, "class=\"legend-swatch\"") == 7);  // seven sectors in the example
    CHECK(occurrences(svg, "<line class=\"tie authority\"") == net.tie_count(TieKind::authority));
    CHECK(occurrences(svg, "<line class=\"tie influence\"") == net.tie_count(TieKind::influence));
    CHECK(occurrences(svg, "<line class=\"tie collaboration\"") == net.tie_count(TieKind::collaboration));
    CHECK_THAT(svg, Catch::Contains("Circle map of community") && Catch::Contains("conveners (2)") &&
                        Catch::Contains("employment of youth with disabilities &amp; &lt;markup&gt;"));
    CHECK(svg.ends_with("</svg>\n"));

    options.facet = "no such column";  // a typo: an error, not one grey category (issue 20)
    CHECK_THROWS_WITH(circle_map_svg(net, options), Catch::Contains("unknown facet \"no such column\""));
    options.facet = "circle";
    CHECK_THROWS_AS(circle_map_svg(net, options), invalid_value);
    options.facet = "sector";
    options.font_size = 0;
    CHECK_THROWS_AS(circle_map_svg(net, options), invalid_value);
    options.font_size = 9;
    options.highlight = {StakeholderId(9999)};
    CHECK_THROWS_AS(circle_map_svg(net, options), unknown_stakeholder);
}

TEST_CASE("circle maps of both bundled examples render to PNG with rsvg-convert", "[io][svg]") {
    if (std::system("command -v rsvg-convert >/dev/null 2>&1") != 0) {
        WARN("rsvg-convert (Debian's librsvg2-bin) is not installed: rendering not checked");
        return;
    }
    const fs::path dir = copnet::test::temp_dir("svg");
    for (const char* name : {"state-employment", "school-behavioral-health"}) {
        INFO(name);
        CircleMapOptions options;
        options.caption = "invented data";
        write_circle_map(load_example(name), dir / "map.svg", options);
        const std::string cmd = "rsvg-convert -o '" + (dir / "map.png").string() + "' '" +
                                (dir / "map.svg").string() + "' 2>&1";
        REQUIRE(std::system(cmd.c_str()) == 0);
        std::ifstream png(dir / "map.png", std::ios::binary);
        std::array<char, 8> magic{};
        png.read(magic.data(), magic.size());
        CHECK(std::string(magic.data(), 8) == "\x89PNG\r\n\x1a\n");
        CHECK(fs::file_size(dir / "map.png") > 50'000);
    }
    fs::remove_all(dir);
}

TEST_CASE("DOT export: nested circle clusters, edge styles by kind, facet colours", "[io][dot]") {
    const Network net = load_example("state-employment");
    std::ostringstream out;
    write_dot(net, out);
    const std::string dot = out.str();
    CHECK(dot.starts_with("digraph copnet {"));
    CHECK(occurrences(dot, "subgraph cluster_") == 3);
    CHECK(dot.find("cluster_outer") < dot.find("cluster_inner"));
    CHECK(dot.find("cluster_inner") < dot.find("cluster_core"));
    CHECK(occurrences(dot, " -> ") == net.tie_count());
    CHECK(occurrences(dot, "style=dashed") == net.tie_count(TieKind::influence));
    CHECK(occurrences(dot, "dir=none") == net.tie_count(TieKind::collaboration));
    CHECK(occurrences(dot, "fillcolor=") == net.stakeholder_count() + 3);  // + the 3 clusters
    CHECK_THAT(dot, Catch::Contains("legend [shape=plaintext"));
    Network odd;
    odd.add_stakeholder({.id = "say \"hi\"\\"});
    std::ostringstream o2;
    write_dot(odd, o2, {.community = "none", .facet = "level"});
    CHECK_THAT(o2.str(), Catch::Contains("\"say \\\"hi\\\"\\\\\""));
    if (std::system("command -v dot >/dev/null 2>&1") == 0) {
        const fs::path dir = copnet::test::temp_dir("dot");
        write_dot(net, dir / "x.dot");
        CHECK(std::system(("dot -Tsvg -o /dev/null '" + (dir / "x.dot").string() + "'").c_str()) == 0);
        fs::remove_all(dir);
    }
}

TEST_CASE("spread_along moves crowded labels apart by least squares and keeps their order",
          "[io][svg]") {
    // Three wanted at the same angle: centred on it, `separation` apart.
    const std::vector<double> same{1.0, 1.0, 1.0};
    const auto a = spread_along(same, 0.1, 0.0, 3.0);
    REQUIRE(a.size() == 3);
    CHECK(a[0] == Approx(0.9));
    CHECK(a[1] == Approx(1.0));
    CHECK(a[2] == Approx(1.1));
    // Far enough apart already: unmoved.
    const std::vector<double> apart{0.2, 1.0, 2.0};
    CHECK(spread_along(apart, 0.1, 0.0, 3.0) == apart);
    // Against the lower end: pushed up from lo.
    const std::vector<double> low{0.0, 0.0};
    const auto b = spread_along(low, 0.5, 0.2, 3.0);
    CHECK(b[0] == Approx(0.2));
    CHECK(b[1] == Approx(0.7));
    CHECK_THROWS_AS(spread_along(low, 5.0, 0.0, 1.0), invalid_value);
}

TEST_CASE("large circle maps label the circles' members and the best connected, without overlap",
          "[io][svg]") {
    LandscapeOptions g;
    g.stakeholders = 3000;
    g.ties = 12000;
    const Network net = generate(g);
    CircleMapOptions options;
    options.max_stakeholders = 0;  // everyone drawn
    const CircleMapLayout L = layout_circle_map(net, options);
    CHECK(L.labels_selected);
    CHECK(L.left_off == 0);
    CHECK(L.placed.size() == 3000);
    const Community& cop = net.community("community");
    const std::size_t members = cop.count(Circle::core) + cop.count(Circle::inner) + cop.count(Circle::outer);
    CHECK(L.labelled <= members + options.best_connected);
    CHECK(L.labelled >= std::min<std::size_t>(members, 50));
    std::vector<const PlacedStakeholder*> labelled;
    std::size_t outside = 0;
    for (const auto& p : L.placed)
        if (!p.label.empty()) {
            labelled.push_back(&p);
            if (p.ring == Circle::none) ++outside;
            CHECK(p.label.size() <= 3 * options.max_label_chars + 3);
        }
    CHECK(outside == options.best_connected);
    std::size_t overlaps = 0;
    for (std::size_t i = 0; i < labelled.size(); ++i)
        for (std::size_t j = i + 1; j < labelled.size(); ++j)
            if (overlap(labelled[i]->label_box, labelled[j]->label_box)) ++overlaps;
    CHECK(overlaps == 0);
    const std::string svg = circle_map_svg(net, options);
    CHECK_THAT(svg, Catch::Contains("the circles' members and the best connected") && Catch::Contains("labels: " + std::to_string(L.labelled) + " of 3000"));
    CHECK(occurrences(svg, "<text class=\"label\"") == L.labelled);
}

TEST_CASE("circle map: labels have a halo, sit clear of the highlight ring, and categories past "
          "the palette get patterns", "[io][svg]") {
    Network net;
    for (int i = 0; i < 20; ++i) {
        Stakeholder s;
        s.id = "s" + std::to_string(i);
        s.sector = "sector " + std::to_string(i);
        (void)net.add_stakeholder(std::move(s));
    }
    CircleMapOptions options;
    options.highlight = {net.at("s0")};
    const CircleMapLayout L = layout_circle_map(net, options);
    for (const auto& p : L.placed) {
        // The label starts beyond the highlight ring (radius dot + 3, stroke 2.2).
        CHECK(std::hypot(p.label_x - p.x, p.label_y - p.y) > L.dot_radius + 3 + 1.1 + 1);
    }
    const std::string svg = circle_map_svg(net, options);
    CHECK_THAT(svg, Catch::Contains("paint-order=\"stroke\"") && Catch::Contains("stroke=\"#FFFFFF\""));
    CHECK(occurrences(svg, "<pattern id=\"cat-") == 6);  // categories 15 to 20
    CHECK(occurrences(svg, "fill=\"url(#cat-14)\"") == 2);  // its dot and its legend swatch
}

TEST_CASE("a map of a large landscape draws the circles' members, then the best connected",
          "[io][svg]") {
    LandscapeOptions g;
    g.stakeholders = 3000;
    g.ties = 12000;
    const Network net = generate(g);
    const Community& cop = net.community("community");
    CircleMapOptions options;
    options.max_stakeholders = 1000;
    const CircleMapLayout L = layout_circle_map(net, options);
    REQUIRE(L.placed.size() == 1000);
    CHECK(L.left_off == 2000);
    // Every member is drawn (fewer than 1000 of them), and no one left off has a higher degree
    // than a non-member drawn.
    const std::size_t members = cop.count(Circle::core) + cop.count(Circle::inner) + cop.count(Circle::outer);
    REQUIRE(members < 1000);
    std::vector<std::size_t> degree(net.slot_count(), 0);
    for (const Tie& t : net.all_ties()) {
        ++degree[t.source.index()];
        ++degree[t.target.index()];
    }
    std::vector<bool> drawn(net.slot_count(), false);
    std::size_t drawn_members = 0;
    std::size_t lowest_drawn = SIZE_MAX;
    for (const auto& p : L.placed) {
        drawn[p.who.index()] = true;
        if (p.ring != Circle::none) ++drawn_members;
        else lowest_drawn = std::min(lowest_drawn, degree[p.who.index()]);
    }
    CHECK(drawn_members == members);
    for (StakeholderId who : net.stakeholders())
        if (!drawn[who.index()]) CHECK(degree[who.index()] <= lowest_drawn);
    CHECK(std::is_sorted(L.placed.begin(), L.placed.end(),
                         [](const auto& a, const auto& b) { return a.who.index() < b.who.index(); }));
    const std::string svg = circle_map_svg(net, options);
    CHECK_THAT(svg, Catch::Contains("shown: 1000 of 3000 stakeholders"));
    // A map that fits says nothing of the kind; `only` wins over the limit.
    options.max_stakeholders = 5000;
    CHECK_THAT(circle_map_svg(net, options), !Catch::Contains("shown:"));
    options.max_stakeholders = 10;
    options.only = {L.placed[0].who, L.placed[1].who, L.placed[2].who, L.placed[3].who,
                    L.placed[4].who, L.placed[5].who, L.placed[6].who, L.placed[7].who,
                    L.placed[8].who, L.placed[9].who, L.placed[10].who};
    const CircleMapLayout only = layout_circle_map(net, options);
    CHECK(only.placed.size() == 11);
    CHECK(only.left_off == 0);
    CHECK(map_selection(net, &cop, 5000).empty());
}
