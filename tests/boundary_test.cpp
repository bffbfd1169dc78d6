// Boundary-crossing measures against R sna, NetworkX and the E-I definition on real data
// (tests/data/*.reference.json), against NetworkX on seeded invented fixtures, and on
// hand-built landscapes.
#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "nx_graphs.hpp"
#include "real_data.hpp"
#include <nlohmann/json.hpp>

#include "copnet/analysis/boundary.hpp"
#include "copnet/analysis/inference.hpp"
#include "copnet/analysis/reach.hpp"
#include "copnet/error.hpp"
#include "copnet/io/csv.hpp"

using namespace copnet;
namespace fs = std::filesystem;

namespace {

const fs::path data = fs::path(COPNET_SOURCE_DIR) / "tests" / "data";
const char* const real_sets[] = {"krackhardt-hightech", "lazega-lawfirm", "ckm-physicians",
                                 "padgett-florentine"};

Network load(const std::string& name) {
    return copnet::test::load_real(data, name);
}

nlohmann::json reference(const std::string& name) {
    std::ifstream in(data / (name + ".reference.json"));
    return nlohmann::json::parse(in);
}

/// `ours` equals the reference value within 1e-9; a null reference (NaN or ±inf in the tool,
/// which JSON cannot hold) must be non-finite here.
bool agrees(double ours, const nlohmann::json& ref) {
    if (ref.is_null()) return !std::isfinite(ours);
    return std::abs(ours - ref.get<double>()) <= 1e-9 * std::max(1.0, std::abs(ref.get<double>()));
}

/// Checks `agrees`, showing both values when it fails.
void check_agrees(double ours, const nlohmann::json& ref) {
    INFO("copnet " << ours << ", reference " << ref.dump());
    CHECK(agrees(ours, ref));
}

} // namespace

TEST_CASE("E-I index agrees with its definition on real networks", "[boundary][ei][reference]") {
    std::size_t checked = 0;
    for (const char* name : real_sets) {
        INFO(name);
        const Network net = load(name);
        const auto ref = reference(name);
        for (const auto& [kind, values] : ref.at("kinds").items()) {
            for (const auto& [facet, ei] : values.at("ei_index").items()) {
                INFO(kind << " by " << facet);
                const EIResult r = ei_index(net, facet,
                                            {.filter = TieFilter::of({copnet::test::relation_of(net, kind)}),
                                             .permutations = 0});
                CHECK(r.external == ei.at("E").get<std::size_t>());
                CHECK(r.internal == ei.at("I").get<std::size_t>());
                check_agrees(r.ei_index, ei.at("whole"));
                REQUIRE(r.groups.size() == ei.at("groups").size());
                for (const GroupEI& g : r.groups) {
                    const auto& x = ei.at("groups").at(g.group);
                    CHECK(g.size == x.at("size").get<std::size_t>());
                    CHECK(g.external == x.at("E").get<std::size_t>());
                    CHECK(g.internal == x.at("I").get<std::size_t>());
                    check_agrees(g.ei_index, x.at("ei"));
                }
                for (const StakeholderEI& s : r.stakeholders) {
                    check_agrees(s.ei_index, ei.at("nodes").at(net.stakeholder(s.who).id));
                    ++checked;
                }
            }
        }
    }
    CHECK(checked > 1000);
}

TEST_CASE("brokerage agrees with R sna::brokerage on real networks",
          "[boundary][brokerage][reference]") {
    std::size_t checked = 0;
    for (const char* name : real_sets) {
        INFO(name);
        const Network net = load(name);
        const auto ref = reference(name);
        for (const auto& [kind, values] : ref.at("kinds").items()) {
            for (const auto& [facet, b] : values.at("brokerage").items()) {
                INFO(kind << " by " << facet);
                for (unsigned threads : {1U, 2U}) {
                    const BrokerageResult r = brokerage(
                        net, facet, {.filter = TieFilter::of({copnet::test::relation_of(net, kind)}),
                                     .threads = threads});
                    for (const Brokerage& x : r.stakeholders) {
                        const std::string& id = net.stakeholder(x.who).id;
                        INFO(id);
                        const auto part = [&](const char* which, const BrokerageRoles& roles) {
                            const auto& y = b.at(which).at(id);
                            check_agrees(roles.coordinator, y.at("w_I"));
                            check_agrees(roles.itinerant, y.at("w_O"));
                            check_agrees(roles.representative, y.at("b_IO"));
                            check_agrees(roles.gatekeeper, y.at("b_OI"));
                            check_agrees(roles.liaison, y.at("b_O"));
                            check_agrees(roles.total, y.at("t"));
                        };
                        part("raw", x.raw);
                        part("expected", x.expected);
                        part("z", x.z);
                        ++checked;
                    }
                }
            }
        }
    }
    CHECK(checked > 1000);
}

TEST_CASE("structural holes agree with NetworkX on real networks", "[boundary][holes][reference]") {
    std::size_t checked = 0;
    for (const char* name : real_sets) {
        INFO(name);
        const Network net = load(name);
        const auto ref = reference(name);
        for (const auto& [kind, values] : ref.at("kinds").items()) {
            for (bool undirected : {false, true}) {
                const std::string suffix = undirected ? "_undirected" : "_directed";
                INFO(kind << suffix);
                const auto holes = structural_holes(
                    net, {.filter = TieFilter::of({copnet::test::relation_of(net, kind)}), .undirected = undirected});
                for (const StructuralHoles& h : holes) {
                    const std::string& id = net.stakeholder(h.who).id;
                    INFO(id);
                    check_agrees(h.constraint, values.at("constraint" + suffix).at(id));
                    check_agrees(h.effective_size, values.at("effective_size" + suffix).at(id));
                    ++checked;
                }
            }
        }
    }
    CHECK(checked > 1000);
}

TEST_CASE("betweenness agrees with NetworkX on real networks, whatever the threads",
          "[boundary][betweenness][reference]") {
    std::size_t checked = 0;
    for (const char* name : real_sets) {
        INFO(name);
        const Network net = load(name);
        const auto ref = reference(name);
        for (const auto& [kind, values] : ref.at("kinds").items()) {
            for (bool undirected : {false, true}) {
                const std::string key =
                    undirected ? "betweenness_undirected" : "betweenness_directed";
                INFO(kind << ' ' << key);
                const BetweennessOptions o{.filter = TieFilter::of({copnet::test::relation_of(net, kind)}),
                                           .undirected = undirected, .threads = 1};
                const auto one = betweenness(net, o);
                auto o2 = o;
                o2.threads = 2;
                const auto two = betweenness(net, o2);
                REQUIRE(one.size() == two.size());
                for (std::size_t i = 0; i < one.size(); ++i) {
                    check_agrees(one[i].value, values.at(key).at(net.stakeholder(one[i].who).id));
                    CHECK(one[i].value == two[i].value);  // bit for bit
                    ++checked;
                }
            }
        }
    }
    CHECK(checked > 1000);
}

TEST_CASE("weighted structural holes, assortativity and mixing agree with NetworkX",
          "[boundary][holes][reference]") {
    const Network net = load("boundary-seeded");
    const auto ref = reference("boundary-seeded");
    std::size_t checked = 0;
    for (const auto& [name, values] : ref.at("filters").items()) {
        INFO(name);
        const TieFilter filter = parse_tie_filter(name);
        for (bool undirected : {false, true}) {
            const std::string suffix = undirected ? "_undirected" : "_directed";
            const auto holes = structural_holes(
                net, {.filter = filter, .weighted = true, .undirected = undirected});
            for (const StructuralHoles& h : holes) {
                const std::string& id = net.stakeholder(h.who).id;
                INFO(id << suffix);
                check_agrees(h.constraint, values.at("constraint_weighted" + suffix).at(id));
                check_agrees(h.effective_size, values.at("effective_size_weighted" + suffix).at(id));
                ++checked;
            }
        }
        check_agrees(attribute_assortativity(net, "team", filter),
                     values.at("assortativity_directed"));
        TieFilter both = filter;
        both.direction = Direction::both;
        check_agrees(attribute_assortativity(net, "team", both),
                     values.at("assortativity_undirected"));
        // At most one tie per pair here, so ties and NetworkX's arcs are the same.
        const MixingMatrix m = mixing_matrix(net, "team", filter);
        const auto& teams = values.at("mixing").at("teams");
        const auto& counts = values.at("mixing").at("counts");
        std::size_t total = 0;
        for (std::size_t i = 0; i < teams.size(); ++i)
            for (std::size_t j = 0; j < teams.size(); ++j) {
                const auto at = [&](const nlohmann::json& t) {
                    return static_cast<std::size_t>(
                        std::find(m.categories.begin(), m.categories.end(), t.get<std::string>()) -
                        m.categories.begin());
                };
                REQUIRE(at(teams[i]) < m.categories.size());
                CHECK(m.ties[at(teams[i])][at(teams[j])] == counts[i][j].get<std::size_t>());
                total += counts[i][j].get<std::size_t>();
            }
        CHECK(m.total == total);
    }
    CHECK(checked == 4 * 2 * 150);
}

TEST_CASE("betweenness and holes on Padgett's marriages as NetworkX ships them",
          "[boundary][betweenness][reference]") {
    const Network net = load("florentine-marriage");
    const auto ref = reference("florentine-marriage");
    const auto raw = betweenness(net, {.undirected = true});
    const auto norm = betweenness(net, {.undirected = true, .normalized = true});
    const auto holes = structural_holes(net);
    REQUIRE(raw.size() == 15);
    for (std::size_t i = 0; i < raw.size(); ++i) {
        const std::string& id = net.stakeholder(raw[i].who).id;
        INFO(id);
        check_agrees(raw[i].value, ref.at("betweenness").at(id));
        check_agrees(norm[i].value, ref.at("betweenness_normalized").at(id));
        check_agrees(holes[i].constraint, ref.at("constraint").at(id));
        check_agrees(holes[i].effective_size, ref.at("effective_size").at(id));
    }
    // Directed along collaboration ties (both ways) every ordered pair counts: twice as much.
    const auto directed = betweenness(net);
    CHECK(directed[0].value == Approx(2.0 * raw[0].value));
}

namespace {

// a(x) -influence-> b(x) -influence-> c(y) -authority-> d(z), d -collaboration- a.
// Levels: a local, b state, c national, d unknown. a → b has weight 0.5.
Network square() {
    Network net;
    net.add_stakeholder({.id = "a", .level = Level::local, .attributes = {{"team", "x"}}});
    net.add_stakeholder({.id = "b", .level = Level::state, .attributes = {{"team", "x"}}});
    net.add_stakeholder({.id = "c", .level = Level::national, .attributes = {{"team", "y"}}});
    net.add_stakeholder({.id = "d", .attributes = {{"team", "z"}}});
    net.add_tie(net.at("a"), net.at("b"), TieKind::influence, 0.5);
    net.add_tie(net.at("b"), net.at("c"), TieKind::influence);
    net.add_tie(net.at("c"), net.at("d"), TieKind::authority);
    net.add_tie(net.at("d"), net.at("a"), TieKind::collaboration);
    return net;
}

} // namespace

TEST_CASE("mixing matrix counts followed ties between categories", "[boundary][mixing]") {
    const Network net = square();
    const MixingMatrix m = mixing_matrix(net, "team");
    REQUIRE(m.categories == std::vector<std::string>{"x", "y", "z"});
    // a→b, b→c, c→d and the collaboration d–a both ways.
    CHECK(m.ties == std::vector<std::vector<std::size_t>>{{1, 1, 1}, {0, 0, 1}, {1, 0, 0}});
    CHECK(m.weights[0][0] == 0.5);
    CHECK(m.total == 5);
    CHECK(m.crossing == 4);
    CHECK(m.crossing_share == 0.8);
    const MixingMatrix in = mixing_matrix(net, "team", {0b111, Direction::in});
    CHECK(in.ties[1][0] == 1);  // b→c followed from c back to b
    CHECK(in.ties[0][1] == 0);
    // A removed stakeholder's ties are gone from every count.
    Network less = square();
    less.remove_stakeholder(less.at("c"));
    const MixingMatrix l = mixing_matrix(less, "team");
    CHECK(l.total == 3);  // a→b and d–a both ways
    CHECK(ei_index(less, "team", {.permutations = 10}).stakeholders.size() == 3);
}

TEST_CASE("mixing matrix and assortativity count a pair tied by two relations once",
          "[boundary][mixing][assortativity]") {
    // a(x) → b(y) by influence and by authority, b(y) → c(x) by influence. Arcs: a→b, b→c.
    Network net;
    for (const auto& [id, team] : {std::pair{"a", "x"}, {"b", "y"}, {"c", "x"}})
        net.add_stakeholder({.id = id, .attributes = {{"team", team}}});
    net.add_tie(net.at("a"), net.at("b"), TieKind::influence, 0.25);
    net.add_tie(net.at("a"), net.at("b"), TieKind::authority, 0.5);
    net.add_tie(net.at("b"), net.at("c"), TieKind::influence);
    const MixingMatrix m = mixing_matrix(net, "team");
    REQUIRE(m.categories == std::vector<std::string>{"x", "y"});
    CHECK(m.ties == std::vector<std::vector<std::size_t>>{{0, 1}, {1, 0}});
    CHECK(m.total == 2);
    CHECK(m.crossing == 2);
    CHECK(m.weights[0][1] == 0.75);  // both relations' values
    // Newman's r from the matrix: e = [[0, ½], [½, 0]], Σ a_i b_i = ½, r = (0 − ½)/(1 − ½) = −1
    // (per tie it would be −0.8), and it is attribute_assortativity's.
    double ab = 0.0;
    double trace = 0.0;
    const auto total = static_cast<double>(m.total);
    for (std::size_t i = 0; i < 2; ++i) {
        double row = 0.0;
        double column = 0.0;
        for (std::size_t j = 0; j < 2; ++j) {
            row += static_cast<double>(m.ties[i][j]) / total;
            column += static_cast<double>(m.ties[j][i]) / total;
        }
        ab += row * column;
        trace += static_cast<double>(m.ties[i][i]) / total;
    }
    const double from_matrix = (trace - ab) / (1.0 - ab);
    CHECK(from_matrix == -1.0);
    CHECK(attribute_assortativity(net, "team") == Approx(from_matrix).margin(1e-12));
    // Only one of the two relations followed: the same one arc.
    const MixingMatrix one = mixing_matrix(net, "team", TieFilter::of({TieKind::authority}));
    CHECK(one.total == 1);
    CHECK(one.weights[0][1] == 0.5);
}

TEST_CASE("E-I index by hand: whole, groups, stakeholders, expected, permutation test",
          "[boundary][ei]") {
    const Network net = square();
    const EIResult r = ei_index(net, "team", {.permutations = 3000, .seed = 7, .threads = 1});
    CHECK(r.external == 3);
    CHECK(r.internal == 1);
    CHECK(r.ei_index == 0.5);
    REQUIRE(r.groups.size() == 3);
    CHECK(r.groups[0].ei_index == Approx(1.0 / 3.0));  // x: I 1 (a–b), E 2
    CHECK(r.groups[1].ei_index == 1.0);
    CHECK(r.stakeholders[0].ei_index == 0.0);  // a: a–b inside, d–a outside
    CHECK(r.stakeholders[2].ei_index == 1.0);
    // UCINET's expected value: ordered pairs within groups 2·1 of 4·3.
    CHECK(r.expected == Approx(2.0 / 3.0));
    // Shuffling x,x,y,z: the x pair is tied in 4 of the 6 pairs; I = 1 is the most possible.
    CHECK(r.p_greater == 1.0);
    CHECK(r.p_less == Approx(4.0 / 6.0).margin(0.03));
    const EIResult two = ei_index(net, "team", {.permutations = 3000, .seed = 7, .threads = 2});
    CHECK(two.p_less == r.p_less);
    const EIResult none = ei_index(net, "team", {.permutations = 0});
    CHECK(std::isnan(none.p_greater));
}

TEST_CASE("brokerage roles by hand", "[boundary][brokerage]") {
    const Network net = square();
    const BrokerageResult r = brokerage(net, "team");
    REQUIRE(r.stakeholders.size() == 4);
    CHECK(r.density == Approx(5.0 / 12.0));
    // d→a→b: a gatekeeps for x; a→b→c: b represents x; b→c→d, c→d→a: liaisons.
    CHECK(r.stakeholders[0].raw.gatekeeper == 1.0);
    CHECK(r.stakeholders[0].raw.total == 1.0);
    CHECK(r.stakeholders[1].raw.representative == 1.0);
    CHECK(r.stakeholders[2].raw.liaison == 1.0);
    CHECK(r.stakeholders[3].raw.liaison == 1.0);
    CHECK(r.stakeholders[3].raw.total == 1.0);
    // A closed two-path is no brokerage: add a → c and b loses its role.
    Network closed = square();
    closed.add_tie(closed.at("a"), closed.at("c"), TieKind::influence);
    CHECK(brokerage(closed, "team").stakeholders[1].raw.total == 0.0);
}

TEST_CASE("level crossing counts each direction per kind", "[boundary][levels]") {
    const auto levels = level_crossing(square());
    REQUIRE(levels.size() == 3);
    CHECK(levels[0].kind == TieKind::authority);
    CHECK(levels[0].unknown == 1);  // c → d, d of unknown level
    CHECK(levels[1].kind == TieKind::influence);
    CHECK(levels[1].ties[0][1] == 1);  // local → state
    CHECK(levels[1].ties[1][2] == 1);  // state → national
    CHECK(levels[1].ties[1][0] == 0);  // nothing back
    Network net = square();
    net.add_tie(net.at("a"), net.at("c"), TieKind::collaboration);
    const auto both = level_crossing(net, TieFilter::of({TieKind::collaboration}));
    REQUIRE(both.size() == 1);
    CHECK(both[0].ties[0][2] == 1);  // a mutual tie counts each way
    CHECK(both[0].ties[2][0] == 1);
    CHECK(both[0].unknown == 1);
}

TEST_CASE("spanners and sampled betweenness are reproducible", "[boundary][betweenness]") {
    const Network net = load("boundary-seeded");
    const auto exact = betweenness(net);
    const auto all = betweenness(net, {.samples = net.stakeholder_count(), .threads = 2});
    for (std::size_t i = 0; i < exact.size(); ++i) CHECK(all[i].value == Approx(exact[i].value));
    const auto s1 = betweenness(net, {.samples = 20, .seed = 3, .threads = 1});
    const auto s2 = betweenness(net, {.samples = 20, .seed = 3, .threads = 2});
    const auto s3 = betweenness(net, {.samples = 20, .seed = 4, .threads = 2});
    bool differs = false;
    for (std::size_t i = 0; i < s1.size(); ++i) {
        CHECK(s1[i].value == s2[i].value);
        differs = differs || s1[i].value != s3[i].value;
    }
    CHECK(differs);
    CHECK_THROWS_AS(betweenness(net, {.samples = 0}), invalid_value);
    CHECK_THROWS_AS(betweenness(net, {.samples = 151}), invalid_value);

    const auto spanners = boundary_spanners(net, "team", {.threads = 2});
    REQUIRE(!spanners.empty());
    double total_share = 0.0;
    for (std::size_t i = 0; i < spanners.size(); ++i) {
        CHECK(spanners[i].categories >= 2);
        CHECK(spanners[i].cross_group_betweenness <= spanners[i].betweenness + 1e-9);
        if (i > 0) CHECK(spanners[i - 1].cross_group_share >= spanners[i].cross_group_share);
        total_share += spanners[i].cross_group_share;
    }
    CHECK(total_share > 0.0);
    // The brokerage beside each spanner is the brokerage of `brokerage`.
    const auto b = brokerage(net, "team");
    const auto& top = spanners.front();
    for (const Brokerage& x : b.stakeholders)
        if (x.who == top.who) CHECK(x.raw.total == top.brokerage.total);
}

TEST_CASE("group-restricted betweenness by hand", "[boundary][betweenness]") {
    // u(p) → m(q) → w(r): the cross-category pairs with a path are u→m, m→w, u→w; m lies on
    // the last one.
    const auto path = [](const char* last_sector) {
        Network net;
        net.add_stakeholder({.id = "u", .sector = "p"});
        net.add_stakeholder({.id = "m", .sector = "q"});
        net.add_stakeholder({.id = "w", .sector = last_sector});
        net.add_tie(net.at("u"), net.at("m"), TieKind::influence);
        net.add_tie(net.at("m"), net.at("w"), TieKind::influence);
        return net;
    };
    const auto s = boundary_spanners(path("r"), "sector");
    REQUIRE(s.size() == 1);
    CHECK(s[0].categories == 2);
    CHECK(s[0].betweenness == 1.0);
    CHECK(s[0].cross_group_betweenness == 1.0);
    CHECK(s[0].cross_group_share == Approx(1.0 / 3.0));
    CHECK(s[0].brokerage.liaison == 1.0);
    // With w back in p, m's ties reach one category only: no spanner.
    CHECK(boundary_spanners(path("p"), "sector").empty());
}

TEST_CASE("boundaries rejects bad facets and degenerate landscapes", "[boundary][errors]") {
    const Network net = square();
    CHECK_THROWS_AS(boundaries(net, {.facet = "circle"}), invalid_value);
    CHECK_THROWS_AS(boundaries(net, {.facet = ""}), invalid_value);
    CHECK_THROWS_WITH(boundaries(net, {.facet = "tema"}), Catch::Contains("unknown facet \"tema\""));
    CHECK_THROWS_WITH(mixing_matrix(net, "tema"), Catch::Contains("unknown facet"));
    // Everyone in one category: no boundary.
    CHECK_THROWS_WITH(boundaries(net, {.facet = "stance"}), Catch::Contains("at least two"));
    const Network empty;
    CHECK_THROWS_AS(boundaries(empty, {.facet = "sector"}), invalid_value);
    // The parts on an empty landscape: documented empty results, NaN where undefined.
    CHECK(mixing_matrix(empty, "sector").total == 0);
    CHECK(std::isnan(mixing_matrix(empty, "sector").crossing_share));
    CHECK(std::isnan(ei_index(empty, "sector").ei_index));
    CHECK(brokerage(empty, "sector").stakeholders.empty());
    CHECK(betweenness(empty).empty());
    CHECK(structural_holes(empty).empty());
    CHECK(std::isnan(attribute_assortativity(empty, "sector")));
    const BoundaryReport r = boundaries(net, {.facet = "team", .permutations = 10});
    CHECK(r.mixing.total == 5);
    CHECK(r.ei.ei_index == 0.5);
    CHECK(r.holes.size() == 4);
    CHECK(r.spanners.size() == 4);
    // The report's parts are the functions' results.
    const auto alone = boundary_spanners(net, "team");
    REQUIRE(alone.size() == r.spanners.size());
    for (std::size_t i = 0; i < alone.size(); ++i) {
        CHECK(alone[i].who == r.spanners[i].who);
        CHECK(alone[i].brokerage.total == r.spanners[i].brokerage.total);
        CHECK(alone[i].cross_group_share == r.spanners[i].cross_group_share);
    }
}

TEST_CASE("boundaries samples the spanners' betweenness automatically above a size, and says so",
          "[boundary][betweenness]") {
    const Network net = load("boundary-seeded");  // 150 stakeholders
    BoundaryOptions o{.facet = "team", .permutations = 0, .threads = 2};
    // Small: exact, every stakeholder a source.
    const BoundaryReport exact = boundaries(net, o);
    CHECK(exact.betweenness_sources == net.stakeholder_count());
    // Above the budget: max(100, budget / arcs) sources, the same estimate boundary_spanners
    // gives for that many sources and the seed.
    o.exact_budget = 1.0;
    std::vector<std::pair<std::size_t, std::size_t>> calls;
    o.progress = [&](std::size_t done, std::size_t total) { calls.emplace_back(done, total); };
    const BoundaryReport sampled = boundaries(net, o);
    CHECK(sampled.betweenness_sources == 100);
    const auto reference = boundary_spanners(net, "team", {.samples = 100, .seed = 1});
    REQUIRE(sampled.spanners.size() == reference.size());
    for (std::size_t i = 0; i < reference.size(); ++i) {
        CHECK(sampled.spanners[i].who == reference[i].who);
        CHECK(sampled.spanners[i].betweenness == Approx(reference[i].betweenness));
    }
    bool differs = false;
    for (std::size_t i = 0; i < exact.spanners.size(); ++i)
        differs = differs || exact.spanners[i].betweenness != sampled.spanners[i].betweenness;
    CHECK(differs);
    // The progress of the sources, ending at their total.
    REQUIRE(!calls.empty());
    CHECK(calls.back() == std::pair<std::size_t, std::size_t>{100, 100});
    for (std::size_t i = 1; i < calls.size(); ++i) CHECK(calls[i].first >= calls[i - 1].first);
    // exact forces every source; explicit samples win over the budget.
    o.exact = true;
    CHECK(boundaries(net, o).betweenness_sources == net.stakeholder_count());
    o.exact = false;
    o.samples = 30;
    CHECK(boundaries(net, o).betweenness_sources == 30);
}

TEST_CASE("betweenness reports its sources done", "[boundary][betweenness]") {
    const Network net = load("boundary-seeded");
    std::vector<std::size_t> done;
    std::size_t total = 0;
    const Progress record = [&](std::size_t d, std::size_t t) {
        done.push_back(d);
        total = t;
    };
    // One thread: the calling thread does every source and reports about a hundred times from
    // the first ones on.
    const auto rows = betweenness(net, {.threads = 1, .progress = record});
    CHECK(total == net.stakeholder_count());
    REQUIRE(done.size() >= 10);
    CHECK(done.front() < total / 4);
    CHECK(done.back() == total);
    CHECK(std::is_sorted(done.begin(), done.end()));
    const auto quiet = betweenness(net, {.threads = 2});
    for (std::size_t i = 0; i < rows.size(); ++i) CHECK(rows[i].value == quiet[i].value);
    // Two threads: reports come from the calling thread only (how many depends on how much of
    // the work it took), in order, ending at the total.
    done.clear();
    (void)betweenness(net, {.threads = 2, .progress = record});
    REQUIRE(!done.empty());
    CHECK(done.back() == total);
    CHECK(std::is_sorted(done.begin(), done.end()));
}

TEST_CASE("structural holes are the same before and after an analysis that reads weights",
          "[boundary][holes]") {
    // A spread caches the weighted snapshot of the same filter; an unweighted holes request
    // once got it and measured the weights (the report's holes changed from run to run).
    const Network fresh = load("boundary-seeded");
    const auto before = structural_holes(fresh);
    const auto weighted = structural_holes(load("boundary-seeded"), {.weighted = true});
    const Network net = load("boundary-seeded");
    DiffusionOptions d;
    d.runs = 10;
    const std::vector<StakeholderId> from{*net.stakeholders().begin()};
    (void)spread(net, from, d);  // the first snapshot of `net`: weighted
    const auto after = structural_holes(net);
    REQUIRE(after.size() == before.size());
    bool weights_matter = false;
    for (std::size_t i = 0; i < before.size(); ++i) {
        CHECK(after[i].who == before[i].who);
        if (std::isnan(before[i].constraint)) continue;
        CHECK(after[i].constraint == before[i].constraint);
        CHECK(after[i].effective_size == before[i].effective_size);
        weights_matter = weights_matter || weighted[i].constraint != before[i].constraint;
    }
    CHECK(weights_matter);  // the data set's weights do change the measure
    const auto weighted_after = structural_holes(net, {.weighted = true});
    for (std::size_t i = 0; i < weighted.size(); ++i)
        if (!std::isnan(weighted[i].constraint))
            CHECK(weighted_after[i].constraint == weighted[i].constraint);
}

namespace {
// `net` with attribute `name` set from `values` (id → text).
void set_values(Network& net, const std::string& name, const std::map<std::string, std::string>& values) {
    for (const auto& [id, text] : values) {
        const StakeholderId who = *net.find(id);
        Stakeholder s = net.stakeholder(who);
        s.attributes[name] = text;
        net.update_stakeholder(who, std::move(s));
    }
}
} // namespace

TEST_CASE("numeric assortativity agrees with NetworkX's own test cases", "[boundary][assortativity][reference]") {
    using copnet::test::Edge;
    // networkx/algorithms/assortativity/tests/base_test.py (2.8.8), BaseTestNumericMixing; the
    // expected values are test_correlation.py's (4 decimals), and the exact ones printed by
    // nx.numeric_assortativity_coefficient(G, "margin") on the same graphs (−9/31, −1/7).
    const std::map<std::string, std::string> margin{{"0", "-2"}, {"1", "-2"}, {"2", "-2"},
                                                    {"3", "-2"}, {"4", "-3"}, {"5", "-4"}};
    const std::vector<Edge> n_edges{{"0", "1"}, {"2", "3"}, {"0", "4"}, {"2", "5"}};
    Network n = copnet::test::nx_network(n_edges, false);
    set_values(n, "margin", margin);
    const double rn = numeric_assortativity(n, "margin");
    CHECK(rn == Approx(-0.2903).margin(5e-5));
    CHECK(rn == Approx(-9.0 / 31.0).epsilon(1e-12));
    // The same edges directed: every source has margin −2, so r is 0/0 (NetworkX: nan).
    Network d = copnet::test::nx_network(n_edges, true);
    set_values(d, "margin", margin);
    CHECK(std::isnan(numeric_assortativity(d, "margin")));
    // F: margins are the weighted degrees (0.5 per edge of the star on 3, 1 for 0–2).
    Network f = copnet::test::nx_network({{"0", "3", 0.5}, {"1", "3", 0.5}, {"2", "3", 0.5}, {"0", "2", 1.0}}, false);
    set_values(f, "margin", {{"0", "1.5"}, {"1", "0.5"}, {"2", "1.5"}, {"3", "1.5"}});
    const double rf = numeric_assortativity(f, "margin");
    CHECK(rf == Approx(-0.1429).margin(5e-5));
    CHECK(rf == Approx(-1.0 / 7.0).epsilon(1e-12));
}

TEST_CASE("numeric assortativity: missing values leave their arcs out; bad values and names are errors",
          "[boundary][assortativity]") {
    // A path 0–1–2–3 with values 1, 2, 3 and none for 3: its arc pair 2↔3 is left out, which
    // leaves NetworkX's path_graph(3) with values 1, 2, 3: r = 0.0 (its
    // numeric_assortativity_coefficient). With 4 for 3, path_graph(4): r = 5/11 (NetworkX
    // 2.8.8 prints 0.4545454545454547).
    Network p = copnet::test::nx_network({{"0", "1"}, {"1", "2"}, {"2", "3"}}, false);
    set_values(p, "score", {{"0", "1"}, {"1", "2"}, {"2", " 3 "}, {"3", ""}});
    CHECK(numeric_assortativity(p, "score") == Approx(0.0).margin(1e-15));
    set_values(p, "score", {{"3", "4e0"}});
    CHECK(numeric_assortativity(p, "score") == Approx(5.0 / 11.0).epsilon(1e-12));
    set_values(p, "score", {{"2", "three"}});
    CHECK_THROWS_WITH(numeric_assortativity(p, "score"), Catch::Contains("\"2\"") && Catch::Contains("three"));
    set_values(p, "score", {{"2", "inf"}});
    CHECK_THROWS_AS(numeric_assortativity(p, "score"), invalid_value);
    CHECK_THROWS_WITH(numeric_assortativity(p, "sector"), Catch::Contains("categorical"));
    CHECK_THROWS_WITH(numeric_assortativity(p, "height"), Catch::Contains("no attribute \"height\""));
    // Through the inference layer, as `copnet test --statistic numeric_assortativity`.
    set_values(p, "score", {{"2", "3"}});
    const NetworkStatistic st = named_statistic(p, "numeric_assortativity", {}, "score");
    CHECK(st(p) == Approx(5.0 / 11.0).epsilon(1e-12));
    CHECK_THROWS_AS(named_statistic(p, "numeric_assortativity", {}, "height"), invalid_value);
}
