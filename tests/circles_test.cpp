#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <set>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "real_data.hpp"
#include <nlohmann/json.hpp>

#include "copnet/analysis/circles.hpp"
#include "copnet/error.hpp"
#include "copnet/io/csv.hpp"
#include "copnet/io/membership.hpp"

using namespace copnet;
namespace fs = std::filesystem;

TEST_CASE("coreness of a hand-built graph: a triangle with a tail", "[circles][coreness]") {
    Network net;
    for (const char* id : {"a", "b", "c", "d", "lonely"}) net.add_stakeholder({.id = id});
    net.add_tie(net.at("a"), net.at("b"), TieKind::influence);
    net.add_tie(net.at("b"), net.at("c"), TieKind::influence);
    net.add_tie(net.at("c"), net.at("a"), TieKind::collaboration);
    net.add_tie(net.at("a"), net.at("c"), TieKind::influence);  // parallel tie collapses
    net.add_tie(net.at("d"), net.at("a"), TieKind::authority);
    std::map<std::string, std::uint32_t> k;
    for (const Coreness& c : coreness(net)) k[net.stakeholder(c.who).id] = c.k;
    CHECK(k == std::map<std::string, std::uint32_t>{{"a", 2}, {"b", 2}, {"c", 2}, {"d", 1}, {"lonely", 0}});
}

TEST_CASE("coreness agrees with NetworkX core_number on real networks", "[circles][coreness][reference]") {
    // core_number = networkx.core_number(U), U the undirected graph of one tie kind
    const fs::path data = fs::path(COPNET_SOURCE_DIR) / "tests" / "data";
    std::size_t checked = 0;
    for (const char* name :
         {"krackhardt-hightech", "lazega-lawfirm", "ckm-physicians", "padgett-florentine"}) {
        INFO(name);
        const Network net = copnet::test::load_real(data, name);
        std::ifstream in(data / (std::string(name) + ".reference.json"));
        const auto ref = nlohmann::json::parse(in);
        for (const auto& [kind, values] : ref.at("kinds").items()) {
            INFO(kind);
            if (!values.contains("core_number")) continue;
            const auto& expected = values.at("core_number");
            for (const Coreness& c : coreness(net, {.filter = TieFilter::of({copnet::test::relation_of(net, kind)})})) {
                const std::string& id = net.stakeholder(c.who).id;
                CHECK(c.k == expected.at(id).get<std::uint32_t>());
                ++checked;
            }
        }
    }
    CHECK(checked > 300);
}

namespace {

const fs::path data_dir = fs::path(COPNET_SOURCE_DIR) / "tests" / "data";

nlohmann::json circles_reference() {
    std::ifstream in(data_dir / "circles-random.reference.json");
    return nlohmann::json::parse(in);
}

Network circles_landscape() {
    return read_csv(data_dir / "circles-random.nodes.csv", data_dir / "circles-random.ties.csv");
}

// An undirected graph from an edge list "a-b a-c ..." over ids given in order.
Network graph(std::initializer_list<const char*> ids,
              std::initializer_list<std::pair<const char*, const char*>> edges,
              TieKind kind = TieKind::collaboration) {
    Network net;
    for (const char* id : ids) net.add_stakeholder({.id = id});
    for (const auto& [a, b] : edges) net.add_tie(net.at(a), net.at(b), kind);
    return net;
}

std::string id_of(const Network& net, StakeholderId who) { return net.stakeholder(who).id; }

} // namespace

TEST_CASE("coreness agrees with NetworkX core_number on a seeded random landscape",
          "[circles][coreness][reference]") {
    // core_number[filter] = networkx.core_number(U), see tests/data/make_circles_fixture.py
    const Network net = circles_landscape();
    const auto ref = circles_reference().at("core_number");
    std::size_t checked = 0;
    std::uint32_t largest = 0;
    for (const auto& [name, expected] : ref.items()) {
        INFO(name);
        const TieFilter filter = parse_tie_filter(name == "all" ? "all" : name, "out");
        for (const Coreness& c : coreness(net, {.filter = filter})) {
            CHECK(c.k == expected.at(id_of(net, c.who)).get<std::uint32_t>());
            CHECK(c.s == static_cast<double>(c.k));
            largest = std::max(largest, c.k);
            ++checked;
        }
    }
    CHECK(checked == 5 * 300);
    CHECK(largest >= 5);
}

namespace {

// The s-core at threshold s by plain repeated removal (no heap): who survives.
std::vector<bool> s_core_by_threshold(const Network& net, double s) {
    std::vector<bool> alive(net.slot_count(), true);
    bool changed = true;
    while (changed) {
        changed = false;
        for (const StakeholderId u : net.stakeholders()) {
            if (!alive[u.index()]) continue;
            std::map<StakeholderId, double> nbr;  // largest weight per neighbour
            // Every relation, as coreness follows by default (friendship too, since the data
            // sets are whole).
            for (const Tie& t : net.ties(u, TieFilter::all(Direction::both))) {
                const StakeholderId v = t.source == u ? t.target : t.source;
                if (alive[v.index()]) nbr[v] = std::max(nbr[v], t.weight);
            }
            double strength = 0;
            for (const auto& [v, w] : nbr) strength += w;
            if (strength < s - 1e-9) {
                alive[u.index()] = false;
                changed = true;
            }
        }
    }
    return alive;
}

} // namespace

// The definition, by brute force: repeatedly remove a stakeholder of least degree in the simple
// undirected graph that is left; its core number is the largest such degree seen so far.
std::map<std::string, std::uint32_t> cores_by_definition(const Network& net) {
    std::map<std::string, std::set<std::string>> adj;
    for (StakeholderId s : net.stakeholders()) adj[net.stakeholder(s).id];
    for (const Tie& t : net.all_ties()) {
        const std::string a = net.stakeholder(t.source).id, b = net.stakeholder(t.target).id;
        if (a == b) continue;
        adj[a].insert(b);
        adj[b].insert(a);
    }
    std::map<std::string, std::uint32_t> k;
    std::uint32_t level = 0;
    while (!adj.empty()) {
        auto least = adj.begin();
        for (auto it = adj.begin(); it != adj.end(); ++it)
            if (it->second.size() < least->second.size()) least = it;
        level = std::max(level, static_cast<std::uint32_t>(least->second.size()));
        k[least->first] = level;
        for (const std::string& u : least->second) adj[u].erase(least->first);
        adj.erase(least);
    }
    return k;
}

TEST_CASE("coreness is the definition's on graphs with gaps between core values and parallel "
          "ties",
          "[circles][coreness]") {
    SECTION("a clique of 12 with a path and a star hanging off it: core values 1 and 11 only") {
        Network net;
        std::vector<StakeholderId> v;
        for (int i = 0; i < 20; ++i) v.push_back(net.add_stakeholder({.id = "v" + std::to_string(i)}));
        for (int i = 0; i < 12; ++i)
            for (int j = i + 1; j < 12; ++j) net.add_tie(v[i], v[j], TieKind::collaboration);
        for (int i = 12; i < 16; ++i) net.add_tie(v[i - 1], v[i], TieKind::influence);
        for (int i = 16; i < 20; ++i) net.add_tie(v[3], v[i], TieKind::authority);
        std::map<std::string, std::uint32_t> k;
        for (const Coreness& c : coreness(net)) k[net.stakeholder(c.who).id] = c.k;
        CHECK(k.at("v0") == 11);
        CHECK(k.at("v11") == 11);
        CHECK(k.at("v15") == 1);
        CHECK(k.at("v19") == 1);
        CHECK(k == cores_by_definition(net));
    }
    SECTION("seeded random multigraphs") {
        for (std::uint64_t seed = 1; seed <= 12; ++seed) {
            std::mt19937_64 rng(seed);
            Network net;
            const int n = 30 + static_cast<int>(seed * 7);
            std::vector<StakeholderId> v;
            for (int i = 0; i < n; ++i) v.push_back(net.add_stakeholder({.id = "s" + std::to_string(i)}));
            std::uniform_int_distribution<int> pick(0, n - 1);
            const int m = n * static_cast<int>(1 + seed % 6);
            std::vector<Tie> ties;
            for (int e = 0; e < m; ++e) {
                // A small pool of endpoints for a third of the ties: dense pockets, repeats.
                const int a = e % 3 == 0 ? pick(rng) % 8 : pick(rng);
                const int b = e % 3 == 0 ? pick(rng) % 8 : pick(rng);
                if (a == b) continue;  // a network holds no self-ties
                ties.push_back({v[a], v[b], static_cast<TieKind>(e % 3), 0.5});
            }
            net.add_ties(ties);
            std::map<std::string, std::uint32_t> k;
            for (const Coreness& c : coreness(net)) k[net.stakeholder(c.who).id] = c.k;
            INFO("seed " << seed);
            CHECK(k == cores_by_definition(net));
        }
    }
}

TEST_CASE("weighted coreness (s-cores) agrees with threshold peeling", "[circles][coreness]") {
    // Independent check: the s-core at threshold s holds exactly the stakeholders whose s-core
    // number is >= s, at every value reported and just above it.
    const Network net = copnet::test::load_real(data_dir, "lazega-lawfirm");
    const std::vector<Coreness> cores = coreness(net, {.weighted = true});
    std::set<double> values;
    for (const Coreness& c : cores) values.insert(c.s);
    REQUIRE(values.size() > 5);
    std::size_t checked = 0;
    for (const double s : values) {
        for (const double threshold : {s, s + 1e-6}) {
            const std::vector<bool> alive = s_core_by_threshold(net, threshold);
            for (const Coreness& c : cores) {
                INFO(id_of(net, c.who) << " s=" << c.s << " threshold=" << threshold);
                CHECK(alive[c.who.index()] == (c.s >= threshold - 1e-9));
                ++checked;
            }
        }
    }
    CHECK(checked > 500);
    // Weights of 1 give the unweighted core numbers.
    for (const Coreness& c : coreness(copnet::test::load_real(data_dir, "padgett-florentine"),
                                      {.weighted = true}))
        CHECK(c.s == Approx(c.k).margin(1e-12));
}

TEST_CASE("a perfect core/periphery graph has fit 1 and its core is found",
          "[circles][core_periphery]") {
    // Core {a,b,c,d} complete; periphery e..h tied only to the core.
    const Network net = graph({"a", "b", "c", "d", "e", "f", "g", "h"},
                              {{"a", "b"}, {"a", "c"}, {"a", "d"}, {"b", "c"}, {"b", "d"},
                               {"c", "d"}, {"e", "a"}, {"f", "b"}, {"g", "c"}, {"h", "a"},
                               {"h", "d"}});
    const CorePeriphery cp = core_periphery(net);
    CHECK(cp.discrete_fit == Approx(1.0).margin(1e-12));
    CHECK(cp.core_size == 4);
    std::set<std::string> core;
    for (const auto& s : cp.scores)
        if (s.core) core.insert(id_of(net, s.who));
    CHECK(core == std::set<std::string>{"a", "b", "c", "d"});
    CHECK(cp.continuous_fit > 0.5);
    for (const auto& s : cp.scores) {
        CHECK(s.score >= 0.0);
        CHECK(s.score <= 1.0);
    }
    // A complete core and every core-periphery pair tied: fit 1 under the "tied" pattern too.
    const Network full = graph({"a", "b", "c", "x", "y"},
                               {{"a", "b"}, {"a", "c"}, {"b", "c"}, {"x", "a"}, {"x", "b"},
                                {"x", "c"}, {"y", "a"}, {"y", "b"}, {"y", "c"}});
    CHECK(core_periphery(full, {.between = BetweenBlock::tied}).discrete_fit ==
          Approx(1.0).margin(1e-12));
}

TEST_CASE("the discrete core/periphery search reaches the exhaustive optimum on real data",
          "[circles][core_periphery][reference]") {
    // brute_force = max over all 2^n partitions of numpy.corrcoef(ideal, observed)
    // (tests/data/make_circles_fixture.py; no published example value was reachable).
    const auto ref = circles_reference().at("brute_force");
    for (const auto& [name, kind] : {std::pair{"padgett-florentine", TieKind::collaboration},
                                     std::pair{"krackhardt-hightech", TieKind::influence}}) {
        INFO(name);
        const Network net = copnet::test::load_real(data_dir, name);
        for (const auto& [variant, between] :
             {std::pair{"ignored", BetweenBlock::ignored}, std::pair{"tied", BetweenBlock::tied}}) {
            INFO(variant);
            const CorePeriphery cp =
                core_periphery(net, {.filter = TieFilter::of({kind}), .between = between});
            CHECK(cp.discrete_fit == Approx(ref.at(name).at(variant).get<double>()).margin(1e-9));
            CHECK(cp.passes >= 1);
        }
    }
}

TEST_CASE("the continuous core/periphery scores are a stationary point of the residual",
          "[circles][core_periphery]") {
    // Minimum residual: for every i, c_i * sum_{j != i} c_j^2 = sum_j a_ij c_j.
    const Network net = copnet::test::load_real(data_dir, "krackhardt-hightech");
    const CorePeriphery cp = core_periphery(net, {.filter = TieFilter::of({TieKind::influence})});
    std::map<StakeholderId, double> c;
    double sum_sq = 0, largest = 0;
    for (const auto& s : cp.scores) {
        c[s.who] = s.score;
        sum_sq += s.score * s.score;
        largest = std::max(largest, s.score);
    }
    CHECK(largest == 1.0);
    // The scores are scaled (max 1); the unscaled solution is lambda * c with lambda^2 = ratio.
    double ratio = -1;
    for (const auto& s : cp.scores) {
        std::set<StakeholderId> nbrs;
        for (const StakeholderId v :
             net.neighbours(s.who, TieFilter::of({TieKind::influence}, Direction::both)))
            nbrs.insert(v);
        double ac = 0;
        for (const StakeholderId v : nbrs) ac += c[v];
        const double lhs = s.score * (sum_sq - s.score * s.score);
        if (lhs > 1e-9) {
            const double r = ac / lhs;
            if (ratio < 0) ratio = r;
            CHECK(r == Approx(ratio).epsilon(1e-6));
        }
    }
    CHECK(ratio > 0);
    CHECK(cp.continuous_fit > 0.3);
    CHECK(cp.continuous_fit < 1.0);
}

TEST_CASE("the fit of the declared circles agrees with numpy's correlation",
          "[circles][core_periphery][reference]") {
    const Network net = circles_landscape();
    const auto ref = circles_reference().at("fit");
    const Community& cop = net.community("community");
    for (const auto& [variant, between] :
         {std::pair{"ignored", BetweenBlock::ignored}, std::pair{"tied", BetweenBlock::tied}}) {
        INFO(variant);
        const CircleFit fit = circle_fit(net, cop, {.between = between});
        CHECK(fit.members == cop.member_count());
        CHECK(fit.core_inner_vs_outer ==
              Approx(ref.at(variant).at("core_inner_vs_outer").get<double>()).margin(1e-9));
        CHECK(fit.core_vs_rest == Approx(ref.at(variant).at("core_vs_rest").get<double>()).margin(1e-9));
        CHECK(fit.best >= fit.core_inner_vs_outer);
        CHECK(fit.best >= fit.core_vs_rest);
    }
    std::vector<bool> core(net.slot_count(), false);
    for (const StakeholderId who : cop.members_within(Circle::inner)) core[who.index()] = true;
    CHECK(core_periphery_fit(net, core, {}, &cop) ==
          Approx(ref.at("ignored").at("core_inner_vs_outer").get<double>()).margin(1e-9));
}

TEST_CASE("core/periphery options out of range are rejected", "[circles][core_periphery]") {
    const Network net = graph({"a", "b"}, {{"a", "b"}});
    CHECK_THROWS_AS(core_periphery(net, {.max_passes = 0}), invalid_value);
    CHECK_THROWS_AS(core_periphery(net, {.tolerance = 0.0}), invalid_value);
    CHECK_THROWS_AS(core_periphery(net, {.max_sweeps = 0}), invalid_value);
    const CorePeriphery empty = core_periphery(Network{});
    CHECK(empty.scores.empty());
    CHECK(std::isnan(empty.discrete_fit));
}

TEST_CASE("density, mean weight and reciprocity by circle agree with NetworkX",
          "[circles][density][reference]") {
    const Network net = circles_landscape();
    const auto ref = circles_reference();
    const CircleDensity d = circle_density(net, net.community("community"));
    REQUIRE(d.blocks.size() == 16);
    for (const CircleBlock& b : d.blocks) {
        const std::string key = std::string(to_string(b.from)) + "|" + std::string(to_string(b.to));
        INFO(key);
        const auto& e = ref.at("density").at(key);
        CHECK(b.pairs == e.at("pairs").get<std::size_t>());
        CHECK(b.tied == e.at("tied").get<std::size_t>());
        CHECK(b.density == Approx(e.at("density").get<double>()).margin(1e-9));
        CHECK(b.mean_weight == Approx(e.at("mean_weight").get<double>()).margin(1e-9));
    }
    for (const CircleReciprocity& r : d.reciprocity) {
        INFO(to_string(r.circle));
        const auto& e = ref.at("reciprocity").at(std::string(to_string(r.circle)));
        if (e.is_null())
            CHECK(std::isnan(r.reciprocity));
        else
            CHECK(r.reciprocity == Approx(e.get<double>()).margin(1e-9));
    }
}

namespace {

// An invented community: a dense core, an inner circle, an outer member who is as embedded as
// the inner circle, an isolated inner member, and a well-connected outsider.
Network suggestion_example() {
    Network net = graph({"c1", "c2", "c3", "i1", "i2", "i3", "o1", "o2", "x1", "x2"},
                        {{"c1", "c2"}, {"c1", "c3"}, {"c2", "c3"},
                         {"i1", "c1"}, {"i1", "c2"}, {"i2", "c2"}, {"i2", "c3"},
                         {"o1", "c1"}, {"o1", "c2"}, {"o1", "c3"}, {"o1", "i1"},
                         {"o2", "i2"},
                         {"x1", "c1"}, {"x1", "i1"}, {"x2", "o2"}});
    Community& cop = net.add_community("cop");
    for (const char* id : {"c1", "c2", "c3"}) cop.set_circle(net.at(id), Circle::core);
    for (const char* id : {"i1", "i2", "i3"}) cop.set_circle(net.at(id), Circle::inner);
    for (const char* id : {"o1", "o2"}) cop.set_circle(net.at(id), Circle::outer);
    return net;
}

} // namespace

TEST_CASE("suggested moves on a hand-built community", "[circles][suggestions]") {
    const Network net = suggestion_example();
    const Community& cop = net.community("cop");
    // The 3-core is c1, c2, c3, i1, o1; inner coreness i1 = 3, i2 = 2, i3 = 0 -> median 2;
    // o1 = 3 >= 2 -> move inward; o2 = 1 (and a low core/periphery score) stays.
    const std::vector<Suggestion> s = suggest_moves(net, cop);
    std::map<std::string, Suggestion> by_id;
    for (const Suggestion& x : s) by_id[id_of(net, x.who)] = x;
    REQUIRE(by_id.count("o1") == 1);
    CHECK(by_id["o1"].kind == SuggestionKind::move_inward);
    CHECK(by_id["o1"].from == Circle::outer);
    CHECK(by_id["o1"].to == Circle::inner);
    CHECK(by_id["o1"].why.find("coreness 3 >= inner circle median 2") != std::string::npos);
    CHECK(by_id.count("o2") == 0);
    REQUIRE(by_id.count("i3") == 1);
    CHECK(by_id["i3"].kind == SuggestionKind::at_risk);
    CHECK(by_id["i3"].to == Circle::outer);
    CHECK(by_id["i3"].why == "0 ties to other members (fewer than 2)");
    REQUIRE(by_id.count("x1") == 1);
    CHECK(by_id["x1"].kind == SuggestionKind::invite);
    CHECK(by_id["x1"].to == Circle::outer);
    CHECK(by_id["x1"].why == "tied to 2 members (100 % of its neighbours)");
    CHECK(by_id.count("x2") == 0);  // one member neighbour only
    CHECK(s.size() == 3);
    // Raising the thresholds changes the answers.
    // i1 and i2 have 3 member neighbours each; x1 only 2.
    const auto strict = suggest_moves(net, cop, {.at_risk_below = 4, .invite_min_ties = 3});
    std::set<std::string> ids;
    for (const Suggestion& x : strict) ids.insert(id_of(net, x.who));
    CHECK(ids == std::set<std::string>{"o1", "i1", "i2", "i3"});
    CHECK_THROWS_AS(suggest_moves(net, cop, {.invite_min_share = 1.5}), invalid_value);
}

TEST_CASE("trajectories between two hand-built snapshots", "[circles][trajectories]") {
    Network net;
    for (const auto& [id, sector] :
         std::vector<std::pair<const char*, const char*>>{{"a", "schools"}, {"b", "schools"},
                                                          {"c", "families"}, {"d", "families"},
                                                          {"e", "agencies"}, {"f", "agencies"},
                                                          {"g", "agencies"}})
        net.add_stakeholder({.id = id, .sector = sector});
    Community& before = net.add_community("2024");
    Community& after = net.add_community("2025");
    // a: outer -> inner (inward); b: inner -> core; c: none -> outer (joined);
    // d: outer -> outer (stayed); e: inner -> outer (outward); f: core -> none (left); g: never.
    const auto set = [&](Community& c, const char* id, Circle circle) { c.set_circle(net.at(id), circle); };
    set(before, "a", Circle::outer); set(after, "a", Circle::inner);
    set(before, "b", Circle::inner); set(after, "b", Circle::core);
    set(after, "c", Circle::outer);
    set(before, "d", Circle::outer); set(after, "d", Circle::outer);
    set(before, "e", Circle::inner); set(after, "e", Circle::outer);
    set(before, "f", Circle::core);
    const Trajectories t = trajectories(net, before, after, "sector");
    std::map<std::string, Movement> m;
    for (const Trajectory& x : t.members) m[id_of(net, x.who)] = x.movement;
    CHECK(m == std::map<std::string, Movement>{{"a", Movement::moved_inward},
                                               {"b", Movement::moved_inward},
                                               {"c", Movement::joined},
                                               {"d", Movement::stayed},
                                               {"e", Movement::moved_outward},
                                               {"f", Movement::left}});
    CHECK(t.counts == std::array<std::size_t, 5>{1, 2, 1, 1, 1});
    const auto at = [&](Circle b, Circle a) {
        return t.transitions[static_cast<std::size_t>(b)][static_cast<std::size_t>(a)];
    };
    CHECK(at(Circle::outer, Circle::inner) == 1);
    CHECK(at(Circle::inner, Circle::core) == 1);
    CHECK(at(Circle::none, Circle::outer) == 1);
    CHECK(at(Circle::outer, Circle::outer) == 1);
    CHECK(at(Circle::inner, Circle::outer) == 1);
    CHECK(at(Circle::core, Circle::none) == 1);
    CHECK(at(Circle::none, Circle::none) == 1);
    REQUIRE(t.by_facet.size() == 3);
    CHECK(t.by_facet[0].category == "agencies");
    CHECK(t.by_facet[0].counts == std::array<std::size_t, 5>{0, 0, 1, 1, 0});
    CHECK(t.by_facet[1].category == "families");
    CHECK(t.by_facet[1].counts == std::array<std::size_t, 5>{1, 0, 0, 0, 1});
    CHECK(t.by_facet[2].category == "schools");
    CHECK(t.by_facet[2].counts == std::array<std::size_t, 5>{0, 2, 0, 0, 0});
    CHECK_THROWS_AS(trajectories(net, before, after, "circle"), invalid_value);
    Network other;
    Community& stranger = other.add_community("2024");
    CHECK_THROWS_AS(trajectories(net, stranger, after), invalid_value);
}

TEST_CASE("membership snapshots load from CSV, with errors naming file, line and field",
          "[circles][membership]") {
    Network net = graph({"a", "b", "c"}, {{"a", "b"}});
    const Community& c = parse_membership(net, "\xEF\xBB\xBFId,Circle,note\na,core,x\n\"b\",Outer,\nc,,\n",
                                          "before", "before.csv");
    CHECK(c.circle(net.at("a")) == Circle::core);
    CHECK(c.circle(net.at("b")) == Circle::outer);
    CHECK(c.circle(net.at("c")) == Circle::none);
    const Community& named = parse_membership(net, "id,circle_2024\nc,inner\n", "y2024",
                                              "snap.csv", {.column = "circle_2024"});
    CHECK(named.circle(net.at("c")) == Circle::inner);
    CHECK(named.member_count() == 1);

    struct Bad {
        const char* text;
        std::size_t line;
        const char* field;
        const char* says;
    };
    for (const Bad& bad : std::vector<Bad>{
             {"id,circle\na,core\nzz,inner\n", 3, "id", "id \"zz\" is not a stakeholder of the network"},
             {"id,circle\na,middle\n", 2, "circle", "circle: unknown circle \"middle\""},
             {"id,circle\na,core\na,inner\n", 3, "id", "listed twice (first on line 2)"},
             {"id,circle\na\n", 2, "", "1 fields, the header has 2"},
             {"name,circle\na,core\n", 1, "id", "no id column"},
             {"id,ring\na,core\n", 1, "circle", "no circle column"},
             {"", 0, "", "empty"}}) {
        INFO(bad.text);
        const std::size_t communities = net.communities().size();
        try {
            (void)parse_membership(net, bad.text, "snap", "snap.csv");
            FAIL("no error");
        } catch (const parse_error& e) {
            CHECK(e.file() == "snap.csv");
            CHECK(e.line() == bad.line);
            CHECK(e.field() == bad.field);
            CHECK(std::string(e.what()).find(bad.says) != std::string::npos);
        }
        CHECK(net.communities().size() == communities);  // nothing added
    }
    CHECK_THROWS_AS(parse_membership(net, "id,circle\n", "before"), invalid_value);  // name taken
    CHECK_THROWS_AS(read_membership(net, data_dir / "no-such-file.csv", "x"), io_error);
}


TEST_CASE("membership snapshots keep ids verbatim and reject a repeated column, as nodes.csv does",
          "[circles][membership]") {
    // Regression (issue 16): ids were trimmed (" a " read as "a"), and of two circle columns
    // the last was taken silently.
    Network net;
    for (const char* id : {"a", " a ", "b c"}) net.add_stakeholder({.id = id});
    const Community& c = parse_membership(net, "id, circle \n a ,core\nb c,inner\na, Outer \n", "spaces");
    CHECK(c.circle(net.at(" a ")) == Circle::core);
    CHECK(c.circle(net.at("b c")) == Circle::inner);
    CHECK(c.circle(net.at("a")) == Circle::outer);  // circles are trimmed, as in nodes.csv
    CHECK_THROWS_WITH(parse_membership(net, "id,circle\nb c ,core\n", "x"),
                      Catch::Contains("id \"b c \" is not a stakeholder"));

    const Network before = net;
    struct Bad {
        const char* text;
        const char* field;
        const char* says;
    };
    for (const Bad& bad : std::vector<Bad>{
             {"id,circle,Circle\na,core,inner\n", "Circle", "column \"Circle\" appears twice in the header"},
             {"id,circle, circle \na,core,inner\n", "circle", "column \"circle\" appears twice"},
             {"ID,circle,id\na,core,b c\n", "id", "column \"id\" appears twice"},
             {"id,circle,note,NOTE\na,core,,\n", "NOTE", "column \"NOTE\" appears twice"},
             {"id,circle\n,core\n", "id", "empty id"}}) {
        INFO(bad.text);
        try {
            (void)parse_membership(net, bad.text, "snap", "snap.csv");
            FAIL("no error");
        } catch (const parse_error& e) {
            CHECK(e.file() == "snap.csv");
            CHECK(e.field() == bad.field);
            CHECK_THAT(e.what(), Catch::Contains(bad.says));
        }
        CHECK(net == before);
        CHECK(net.find_community("snap") == nullptr);
    }
    // Unnamed columns are ignored, as before.
    CHECK(parse_membership(net, "id,circle,,\na,core,x,y\n", "blank").member_count() == 1);
}

