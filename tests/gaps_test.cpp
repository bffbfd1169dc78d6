#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "real_data.hpp"
#include <nlohmann/json.hpp>

#include "copnet/analysis/gaps.hpp"
#include "copnet/io/taxonomy.hpp"
#include "copnet/error.hpp"
#include "copnet/generate.hpp"
#include "copnet/io/csv.hpp"

using namespace copnet;
namespace fs = std::filesystem;

namespace {

const fs::path data = fs::path(COPNET_SOURCE_DIR) / "tests" / "data";

StakeholderId add(Network& net, Community& cop, const char* id, const char* sector,
                  std::optional<Level> level, Circle circle, Stance stance = Stance::neutral) {
    const StakeholderId who =
        net.add_stakeholder({.id = id, .sector = sector, .level = level, .stance = stance});
    cop.set_circle(who, circle);
    return who;
}

// Invented: a community with no families and no youth in its core and inner circles. Sectors
// use the framework's spellings, an alias ("State agencies", "family") and other cases.
Network no_families() {
    Network net;
    Community& cop = net.add_community("cop");
    add(net, cop, "c1", "State agencies", Level::state, Circle::core);
    add(net, cop, "c2", "local schools and agency services", Level::local, Circle::core);
    add(net, cop, "i1", "colleges and universities", Level::state, Circle::inner);
    add(net, cop, "i2", "STATE AGENCIES AND COUNCILS", Level::national, Circle::inner);
    add(net, cop, "o1", "families", Level::local, Circle::outer);
    add(net, cop, "o2", "family", Level::local, Circle::outer);
    add(net, cop, "n1", "families", Level::local, Circle::none);
    add(net, cop, "n2", "local schools and agency services", Level::local, Circle::none);
    add(net, cop, "n3", "chamber of commerce", Level::local, Circle::none);
    add(net, cop, "n4", "", Level::local, Circle::none);
    return net;
}

const RepresentationRow& row(const Representation& r, std::string_view facet,
                             std::string_view category) {
    for (const RepresentationRow& x : r.rows)
        if (x.facet == facet && x.category == category) return x;
    FAIL("no row " << facet << "/" << category);
    throw;
}

std::string id(const Network& net, StakeholderId who) { return net.stakeholder(who).id; }

} // namespace

TEST_CASE("representation counts each category by circle against the landscape", "[gaps]") {
    const Network net = no_families();
    const Representation r = representation(net, net.community("cop"));

    // Sector rows: the taxonomy's seven in its order, then the landscape's other, then "".
    std::vector<std::string> sectors;
    for (const auto& x : r.rows)
        if (x.facet == "sector") sectors.push_back(x.category);
    CHECK(sectors == std::vector<std::string>{
                         "state agencies and councils", "local schools and agency services",
                         "state professional organizations", "state non-profit organizations",
                         "colleges and universities", "families", "youth",
                         "chamber of commerce", ""});

    const auto& agencies = row(r, "sector", "state agencies and councils");
    CHECK(agencies.expected);
    CHECK(agencies.landscape.count == 2);  // c1 (alias), i2 (other case)
    CHECK(agencies.landscape.share == Approx(0.2));
    CHECK(agencies.core.count == 1);
    CHECK(agencies.core.share == Approx(0.5));
    CHECK(agencies.core.ratio == Approx(2.5));
    CHECK(agencies.inner.count == 1);
    CHECK(agencies.leading.count == 2);
    CHECK(agencies.leading.ratio == Approx(0.5 / 0.2));
    CHECK(agencies.members.count == 2);
    CHECK(agencies.members.share == Approx(2.0 / 6.0));

    const auto& families = row(r, "sector", "families");
    CHECK(families.landscape.count == 3);  // o1, o2 ("family"), n1
    CHECK(families.outer.count == 2);
    CHECK(families.outer.ratio == Approx(1.0 / 0.3));
    CHECK(families.leading.count == 0);
    CHECK(row(r, "sector", "youth").landscape.count == 0);
    CHECK_FALSE(row(r, "sector", "chamber of commerce").expected);
    CHECK(row(r, "sector", "").landscape.count == 1);

    // Missing from core + inner: families (in the landscape), youth and two other sectors (not
    // even in the landscape), the chamber of commerce; consumers etc. under perspective.
    std::map<std::string, std::pair<std::size_t, std::size_t>> missing;
    for (const auto& m : r.missing)
        if (m.facet == "sector") missing[m.category] = {m.landscape, m.outer};
    CHECK(missing == std::map<std::string, std::pair<std::size_t, std::size_t>>{
                         {"families", {3, 2}},
                         {"youth", {0, 0}},
                         {"state professional organizations", {0, 0}},
                         {"state non-profit organizations", {0, 0}},
                         {"chamber of commerce", {1, 0}}});

    // Levels: local is 7 of 10 in the landscape but 1 of 4 in core + inner.
    REQUIRE(r.under_represented.size() == 1);
    CHECK(r.under_represented[0].facet == "level");
    CHECK(r.under_represented[0].category == "local");
    CHECK(r.under_represented[0].ratio == Approx(0.25 / 0.7));
    CHECK(row(r, "level", "national").leading.ratio == Approx(2.5));

    // Without a taxonomy, only the landscape's categories, as written.
    const Representation plain =
        representation(net, net.community("cop"), {.facets = {"sector"}, .taxonomy = {}});
    CHECK(plain.rows.size() == 8);  // 7 spellings as written, then ""
    CHECK(plain.rows[0].category == "State agencies");
    CHECK_FALSE(plain.rows[0].expected);
}

TEST_CASE("representation rejects bad facets and thresholds", "[gaps][errors]") {
    const Network net = no_families();
    const Community& cop = net.community("cop");
    CHECK_THROWS_AS(representation(net, cop, {.facets = {"region"}}), invalid_value);
    CHECK_THROWS_AS(representation(net, cop, {.facets = {"circle"}}), invalid_value);
    CHECK_THROWS_AS(representation(net, cop, {.facets = {""}}), invalid_value);
    CHECK_THROWS_AS(representation(net, cop, {.threshold = 0.0}), invalid_value);
    CHECK_THROWS_AS(representation(net, cop, {.threshold = 1.5}), invalid_value);
    CHECK_THROWS_WITH(representation(net, cop, {.facets = {"region"}}),
                      Catch::Contains("region"));
}

TEST_CASE("taxonomies match by category_key, through aliases", "[gaps][taxonomy]") {
    const Taxonomy t = framework_taxonomy();
    CHECK(t.match("sector", "Families") == std::optional<std::string_view>("families"));
    CHECK(t.match("SECTOR", "family") == std::optional<std::string_view>("families"));
    CHECK(t.match("sector", "famil") == std::nullopt);
    // Stray and doubled white space and case are no difference (category_key); spelling is.
    CHECK(t.match("sector", " families ") == std::optional<std::string_view>("families"));
    CHECK(t.match("sector", "State  Agencies") ==
          std::optional<std::string_view>("state agencies and councils"));
    CHECK(t.match("sector", "familes") == std::nullopt);
    CHECK(t.match("level", "National") == std::optional<std::string_view>("national"));
    CHECK(t.match("region", "north") == std::nullopt);
    REQUIRE(t.find("perspective") != nullptr);
    CHECK(t.find("perspective")->categories.size() == 3);
    CHECK(t.find("sector")->categories.size() == 7);

    const Taxonomy own = parse_taxonomy("facet,category,aliases\n"
                                        "region,North,\"n; northern\"\n"
                                        "region,South,\n"
                                        "Sector,employers,business;Chamber of commerce\n");
    REQUIRE(own.facets.size() == 2);
    CHECK(own.facets[0].facet == "region");
    CHECK(own.facets[0].categories[0].aliases == std::vector<std::string>{"n", "northern"});
    CHECK(own.match("region", "NORTHERN") == std::optional<std::string_view>("North"));
    CHECK(own.match("Region", "north") == std::nullopt);  // attributes match by exact name
    CHECK(own.match("sector", "chamber of commerce") ==
          std::optional<std::string_view>("employers"));
}

TEST_CASE("bad taxonomy files name the line", "[gaps][taxonomy][errors]") {
    Network net;
    net.add_attribute_name("region");
    struct Bad {
        std::string text;
        std::size_t line;
        std::string field;
    };
    const std::vector<Bad> table{
        {"", 0, ""},
        {"facet,name\nsector,x\n", 1, "name"},
        {"facet\nsector\n", 1, "category"},
        {"facet,category\nsector,families\nsector,Families\n", 3, "category"},
        {"facet,category,aliases\nsector,families,family\nsector,kin,FAMILY\n", 3, "aliases"},
        {"facet,category,aliases\nsector,kin,kin;x\n", 2, "aliases"},
        {"facet,category\ndistrict,north\n", 2, "facet"},
        {"facet,category\ncircle,core\n", 2, "facet"},
        {"facet,category\n,x\n", 2, "facet"},
        {"facet,category\nsector,\n", 2, "category"},
        {"facet,category\nsector,a,b\n", 2, ""},
        {"facet,category\nsector,ok\nsector,\"unclosed\n", 3, ""},
    };
    for (const Bad& b : table) {
        INFO(b.text);
        try {
            (void)parse_taxonomy(b.text, "tax.csv", &net);
            FAIL("no error");
        } catch (const parse_error& e) {
            CHECK(e.file() == "tax.csv");
            CHECK(e.line() == b.line);
            if (!b.field.empty()) CHECK(e.field() == b.field);
        }
    }
    // Without a network any attribute facet is accepted; with one, only its columns.
    CHECK_NOTHROW(parse_taxonomy("facet,category\ndistrict,north\n"));
    CHECK_NOTHROW(parse_taxonomy("facet,category\nregion,north\n", "t", &net));
    CHECK_THROWS_AS(read_taxonomy(data / "no-such-taxonomy.csv"), io_error);
}

TEST_CASE("a skeptic with ties to the core ranks first among candidates", "[gaps][candidates]") {
    Network net;
    Community& cop = net.add_community("cop");
    const auto c1 = add(net, cop, "c1", "state agencies and councils", Level::state, Circle::core);
    const auto c2 = add(net, cop, "c2", "families", Level::local, Circle::core);
    const auto o1 = add(net, cop, "o1", "youth", Level::local, Circle::outer);
    const auto k = add(net, cop, "k", "state agencies and councils", Level::state, Circle::none,
                       Stance::skeptic);
    const auto a = add(net, cop, "a", "state agencies and councils", Level::state, Circle::none,
                       Stance::ally);
    const auto y = add(net, cop, "y", "youth", Level::local, Circle::none, Stance::ally);
    const auto far = add(net, cop, "far", "state agencies and councils", Level::state,
                         Circle::none, Stance::ally);
    const auto x = add(net, cop, "x", "", std::nullopt, Circle::none, Stance::ally);
    net.add_tie(k, c1, TieKind::collaboration);
    net.add_tie(c2, k, TieKind::influence, 0.5);
    net.add_tie(a, o1, TieKind::collaboration);
    net.add_tie(y, o1, TieKind::influence);
    net.add_tie(far, x, TieKind::influence);  // far brings x within reach of the community

    CandidateOptions options;
    options.reach = 0.0;
    options.limit = 0;
    options.representation.facets = {"sector"};
    const auto ranked = candidates(net, cop, options);
    REQUIRE(ranked.size() == 3);  // k, y, a: far has no part without reach
    CHECK(ranked[0].who == k);
    CHECK(ranked[0].ties_to_members == 2);
    CHECK(ranked[0].parts.ties == Approx(6.0));  // two ties to the core, 3 each
    CHECK(ranked[0].parts.stance == Approx(2.0));
    CHECK(ranked[0].parts.categories == Approx(0.0));
    CHECK(ranked[0].score == Approx(8.0));
    std::set<std::string> codes;
    for (const Reason& r : ranked[0].reasons) codes.insert(r.code);
    CHECK(codes == std::set<std::string>{"tie_to_core", "skeptic"});
    // y adds youth (missing from core + inner: o1 is outer) and a tie to the outer circle.
    CHECK(ranked[1].who == y);
    CHECK(ranked[1].parts.categories == Approx(2.0));
    CHECK(ranked[1].parts.ties == Approx(1.0));
    CHECK(ranked[1].reasons.at(1).code == "adds_missing");
    CHECK(ranked[1].reasons.at(1).text.find("youth") != std::string::npos);
    CHECK(ranked[2].who == a);
    CHECK(ranked[2].score == Approx(1.0));

    // Weighted: the influence tie of weight 0.5 counts half.
    options.weighted = true;
    CHECK(candidates(net, cop, options)[0].parts.ties == Approx(4.5));

    // Reach: far brings x (1 stakeholder) newly within 2 steps; k brings nobody new.
    options.weighted = false;
    options.reach = 1.0;
    const auto with_reach = candidates(net, cop, options);
    const auto of = [&](StakeholderId who) {
        return *std::find_if(with_reach.begin(), with_reach.end(),
                             [&](const Candidate& c) { return c.who == who; });
    };
    CHECK(of(far).reach_added == 1);
    CHECK(of(far).score == Approx(1.0));
    CHECK(of(far).reasons.at(0).code == "adds_reach");
    CHECK(of(k).reach_added == 0);
    CHECK(with_reach.size() == 4);

    options.skeptic = -1.0;
    CHECK_THROWS_AS(candidates(net, cop, options), invalid_value);
}

namespace {

// Invented: a star held together by one core member h: h — s1…s4 (collaboration), h → x
// (influence) to a non-member that only h reaches. h's sector differs from the spokes'.
Network star() {
    Network net;
    Community& cop = net.add_community("cop");
    const auto h = add(net, cop, "h", "state agencies and councils", Level::state, Circle::core);
    for (const char* s : {"s1", "s2", "s3", "s4"}) {
        const auto who = add(net, cop, s, "families", Level::local,
                             s[1] == '1' ? Circle::core : Circle::inner);
        net.add_tie(h, who, TieKind::collaboration);
    }
    const auto x = add(net, cop, "x", "youth", Level::local, Circle::none);
    net.add_tie(h, x, TieKind::influence);
    return net;
}

} // namespace

TEST_CASE("a star held together by one core member is fragile there", "[gaps][fragility]") {
    const Network net = star();
    const Community& cop = net.community("cop");
    const Fragility f = fragility(net, cop);
    REQUIRE(f.articulation_points.size() == 1);
    CHECK(id(net, f.articulation_points[0].who) == "h");
    CHECK(f.articulation_points[0].splits_into == 4);
    CHECK(f.articulation_points[0].pieces == std::vector<std::size_t>{1, 1, 1, 1});
    CHECK(f.bridges.size() == 4);

    // Departures: each core member in turn (h, then s1).
    REQUIRE(f.departures.size() == 2);
    const Departure& dh = f.departures[0];
    CHECK(dh.who == std::vector<StakeholderId>{net.at("h")});
    CHECK(dh.reach_before == 6);
    CHECK(dh.reach_after == 4);  // s1…s4 alone
    CHECK(dh.reach_lost == 1);   // x
    CHECK(dh.pieces_before == 1);
    CHECK(dh.pieces_after == 4);
    const Departure& ds = f.departures[1];
    CHECK(ds.reach_after == 5);
    CHECK(ds.reach_lost == 0);
    CHECK(ds.pieces_after == 1);

    // Dependence: every cross-sector tie among members touches h.
    REQUIRE(f.dependence.size() == 2);
    CHECK(f.dependence[0].facet == "sector");
    CHECK(f.dependence[0].cross_ties == 4);
    REQUIRE(f.dependence[0].top.size() == 5);
    CHECK(id(net, f.dependence[0].top[0].who) == "h");
    CHECK(f.dependence[0].top[0].share == Approx(1.0));
    CHECK(f.dependence[0].top[1].share == Approx(0.25));

    // The landscape scope adds x, a fifth piece of h's departure.
    const Fragility whole = fragility(net, cop, {.scope = FragilityScope::landscape});
    CHECK(whole.articulation_points[0].pieces == std::vector<std::size_t>{1, 1, 1, 1, 1});
    CHECK(whole.bridges.size() == 5);

    // Chosen departures; unknown ones are rejected.
    FragilityOptions both;
    both.departures = {{net.at("s1"), net.at("s2")}};
    const Fragility two = fragility(net, cop, both);
    REQUIRE(two.departures.size() == 1);
    CHECK(two.departures[0].reach_lost == 0);
    CHECK(two.departures[0].pieces_after == 1);
    both.departures = {{StakeholderId(99)}};
    CHECK_THROWS_AS(fragility(net, cop, both), unknown_stakeholder);
    CHECK_THROWS_AS(fragility(net, cop, {.dependence_facets = {"nope"}}), invalid_value);

    // A spoke removed from the landscape: its slot is skipped, the others keep their ids.
    Network fewer = star();
    fewer.remove_stakeholder(fewer.at("s4"));
    const Fragility f3 = fragility(fewer, fewer.community("cop"));
    REQUIRE(f3.articulation_points.size() == 1);
    CHECK(id(fewer, f3.articulation_points[0].who) == "h");
    CHECK(f3.articulation_points[0].pieces == std::vector<std::size_t>{1, 1, 1});
    CHECK(f3.departures.at(0).reach_before == 5);
    CHECK(representation(fewer, fewer.community("cop"), {.facets = {"sector"}})
              .rows.at(5).landscape.count == 3);  // families: s1, s2, s3
}

TEST_CASE("pieces of a path and of a root articulation point", "[gaps][fragility]") {
    // a - b - c - d, plus e - b: removing b leaves {a}, {e}, {c, d}; removing c leaves two.
    Network net;
    Community& cop = net.add_community("cop");
    for (const char* s : {"a", "b", "c", "d", "e"}) add(net, cop, s, "", std::nullopt, Circle::inner);
    net.add_tie(net.at("a"), net.at("b"), TieKind::authority);
    net.add_tie(net.at("c"), net.at("b"), TieKind::influence);
    net.add_tie(net.at("b"), net.at("c"), TieKind::authority);  // parallel: still a bridge
    net.add_tie(net.at("c"), net.at("d"), TieKind::collaboration);
    net.add_tie(net.at("e"), net.at("b"), TieKind::collaboration);
    const Fragility f = fragility(net, cop);
    REQUIRE(f.articulation_points.size() == 2);
    CHECK(id(net, f.articulation_points[0].who) == "b");
    CHECK(f.articulation_points[0].pieces == std::vector<std::size_t>{2, 1, 1});
    CHECK(id(net, f.articulation_points[1].who) == "c");
    CHECK(f.articulation_points[1].pieces == std::vector<std::size_t>{3, 1});
    CHECK(f.bridges.size() == 4);
    CHECK(f.departures.empty());  // no core members
}

TEST_CASE("articulation points agree with NetworkX on real networks", "[gaps][reference]") {
    std::size_t checked = 0;
    for (const char* name :
         {"krackhardt-hightech", "lazega-lawfirm", "ckm-physicians", "padgett-florentine"}) {
        INFO(name);
        Network net = copnet::test::load_real(data, name);
        std::ifstream in(data / (std::string(name) + ".reference.json"));
        const auto ref = nlohmann::json::parse(in);
        const Community& nobody = net.add_community("gaps-test-empty");
        for (const auto& [kind, values] : ref.at("kinds").items()) {
            INFO(kind);
            const auto expected = values.at("articulation_points").get<std::vector<std::string>>();
            const TieFilter filter = TieFilter::of({copnet::test::relation_of(net, kind)}, Direction::both);
            std::vector<std::string> got;
            for (StakeholderId v : articulation_points(net, filter)) got.push_back(id(net, v));
            std::sort(got.begin(), got.end());
            CHECK(got == expected);
            std::vector<std::string> via;
            for (const auto& ap : fragility(net, nobody,
                                            {.filter = filter,
                                             .scope = FragilityScope::landscape,
                                             .dependence_facets = {}})
                                      .articulation_points)
                via.push_back(id(net, ap.who));
            std::sort(via.begin(), via.end());
            CHECK(via == expected);
            checked += expected.size();
        }
    }
    // 2 + 5 + 59 + 18 over the built-in relations, the rest over friendship and marriage.
    CHECK(checked == 158);
}

TEST_CASE("articulation points, bridges and pieces agree with NetworkX on a seeded random "
          "landscape", "[gaps][reference]") {
    Network net = read_csv(data / "gaps-random.nodes.csv", data / "gaps-random.ties.csv");
    const Community& nobody = net.add_community("gaps-test-empty");
    std::ifstream in(data / "gaps-random.reference.json");
    const auto ref = nlohmann::json::parse(in);
    std::size_t checked = 0;
    for (const auto& [kinds, values] : ref.at("kinds").items()) {
        INFO(kinds);
        const TieFilter filter = parse_tie_filter(kinds, "both");
        // Direction is ignored: out gives the same undirected graph.
        for (const TieFilter f : {filter, parse_tie_filter(kinds, "out")}) {
            std::vector<std::string> aps;
            for (StakeholderId v : articulation_points(net, f)) aps.push_back(id(net, v));
            std::sort(aps.begin(), aps.end());
            CHECK(aps == values.at("articulation_points").get<std::vector<std::string>>());
            std::vector<std::vector<std::string>> got;
            for (const Bridge& b : bridges(net, f)) {
                std::vector<std::string> e{id(net, b.a), id(net, b.b)};
                std::sort(e.begin(), e.end());
                got.push_back(e);
            }
            std::sort(got.begin(), got.end());
            CHECK(got == values.at("bridges").get<std::vector<std::vector<std::string>>>());
        }
        const Fragility fr = fragility(
            net, nobody, {.filter = filter, .scope = FragilityScope::landscape,
                          .dependence_facets = {}});
        const auto& pieces = values.at("pieces");
        CHECK(fr.articulation_points.size() == pieces.size());
        CHECK(fr.bridges.size() == values.at("bridges").size());
        for (const ArticulationPoint& ap : fr.articulation_points) {
            INFO(id(net, ap.who));
            CHECK(ap.pieces == pieces.at(id(net, ap.who)).get<std::vector<std::size_t>>());
            CHECK(ap.splits_into == ap.pieces.size());
            ++checked;
        }
    }
    CHECK(checked == 89 + 94 + 50);
}

TEST_CASE("the gaps report puts representation, candidates and fragility together", "[gaps]") {
    const Network net = star();
    const GapsReport r = gaps(net, net.community("cop"));
    CHECK_FALSE(r.representation.rows.empty());
    // youth is in the landscape (x) but not in core + inner.
    CHECK(std::any_of(r.representation.missing.begin(), r.representation.missing.end(),
                      [](const MissingCategory& m) { return m.category == "youth" && m.landscape == 1; }));
    REQUIRE(r.candidates.size() == 1);
    CHECK(id(net, r.candidates[0].who) == "x");
    // x: a tie to the core (3) and adds youth (2); its level, local, is in core + inner.
    CHECK(r.candidates[0].parts.ties == Approx(3.0));
    CHECK(r.candidates[0].parts.categories == Approx(2.0));
    CHECK(r.fragility.articulation_points.size() == 1);
}

TEST_CASE("a large taxonomy: every facet and category kept, clashes found across the file",
          "[gaps][taxonomy]") {
    // Regression (issue 16): 20,000 rows took 6 s (each row scanned every earlier category);
    // the hash-indexed parser must still find a clash with a row far back, ignoring case.
    Network net;
    std::string text = "facet,category,aliases\n";
    net.add_attribute_name("region");
    net.add_attribute_name("district");
    for (int i = 0; i < 3000; ++i) {
        const std::string facet = i % 3 == 0 ? "Sector" : (i % 3 == 1 ? "region" : "district");
        text += facet + ",cat " + std::to_string(i) + ",alias " + std::to_string(i) + "\n";
    }
    const Taxonomy t = parse_taxonomy(text, "big.csv", &net);
    REQUIRE(t.facets.size() == 3);
    CHECK(t.facets[0].facet == "Sector");
    CHECK(t.facets[0].categories.size() == 1000);
    CHECK(t.facets[1].categories.back().name == "cat 2998");
    CHECK(t.match("sector", "ALIAS 2997") == std::optional<std::string_view>("cat 2997"));
    CHECK(t.match("region", "cat 2997") == std::nullopt);  // another facet

    // A built-in facet named in another case is the same facet; an attribute is not.
    const Taxonomy cased = parse_taxonomy(text + "SECTOR,new one,\nRegion,cat 1,\n", "big.csv");
    CHECK(cased.facets.size() == 4);
    CHECK(cased.facets[0].categories.size() == 1001);
    CHECK(cased.facets[3].facet == "Region");

    try {
        (void)parse_taxonomy(text + "sector,fresh,Alias 3\n", "big.csv", &net);
        FAIL("no error");
    } catch (const parse_error& e) {
        CHECK(e.line() == 3002);
        CHECK(e.field() == "aliases");
        CHECK_THAT(e.what(), Catch::Contains("duplicate category \"Alias 3\" of facet sector "
                                             "(already given as \"cat 3\")"));
    }
    try {
        (void)parse_taxonomy(text + "district,CAT 2,\n", "big.csv", &net);
        FAIL("no error");
    } catch (const parse_error& e) {
        CHECK(e.line() == 3002);
        CHECK(e.field() == "category");
    }
    // The same spelling under two attribute facets is no clash.
    CHECK_NOTHROW(parse_taxonomy(text + "region,cat 2,\n", "big.csv", &net));
}

TEST_CASE("each representation row says how its category stands, as the lists do", "[gaps]") {
    const Network net = read_csv(fs::path(COPNET_SOURCE_DIR) / "examples/data/state-employment/nodes.csv",
                                 fs::path(COPNET_SOURCE_DIR) / "examples/data/state-employment/ties.csv");
    const Representation r = representation(net, net.community("community"),
                                            {.facets = {"sector", "level", "perspective"}, .threshold = 0.8});
    std::size_t missing = 0, under = 0;
    for (const RepresentationRow& x : r.rows) {
        const auto listed = [&](const auto& list) {
            return std::any_of(list.begin(), list.end(), [&](const auto& m) {
                return m.facet == x.facet && m.category == x.category;
            });
        };
        INFO(x.facet << " / " << x.category);
        if (x.category.empty()) CHECK(x.status == RepresentationStatus::unknown);
        else if (listed(r.missing)) CHECK(x.status == RepresentationStatus::missing);
        else if (listed(r.under_represented)) CHECK(x.status == RepresentationStatus::under_represented);
        else CHECK(x.status == RepresentationStatus::ok);
        missing += x.status == RepresentationStatus::missing ? 1U : 0U;
        under += x.status == RepresentationStatus::under_represented ? 1U : 0U;
    }
    CHECK(missing == r.missing.size());
    CHECK(under == r.under_represented.size());
    CHECK(missing + under > 0);  // the example has gaps at this threshold
    CHECK(to_string(RepresentationStatus::under_represented) == "under_represented");
}

namespace {

// Reach within `hops` along every tie (collaboration both ways) from the members, by BFS,
// without the stakeholders in `gone`: the plain definition the incremental update must equal.
std::vector<char> brute_reach(const Network& net, const std::vector<char>& member,
                              const std::vector<char>& gone, std::size_t hops) {
    const std::size_t n = net.stakeholder_count();
    std::vector<std::vector<std::uint32_t>> out(n);
    for (const Tie& t : net.all_ties()) {
        out[t.source.index()].push_back(t.target.index());
        if (t.kind == TieKind::collaboration) out[t.target.index()].push_back(t.source.index());
    }
    std::vector<std::size_t> dist(n, SIZE_MAX);
    std::vector<std::uint32_t> queue;
    for (std::uint32_t v = 0; v < n; ++v)
        if (member[v] != 0 && gone[v] == 0) dist[v] = 0, queue.push_back(v);
    for (std::size_t i = 0; i < queue.size(); ++i) {
        const std::uint32_t u = queue[i];
        if (dist[u] >= hops) continue;
        for (std::uint32_t w : out[u])
            if (gone[w] == 0 && dist[w] == SIZE_MAX) dist[w] = dist[u] + 1, queue.push_back(w);
    }
    std::vector<char> reached(n, 0);
    for (std::uint32_t v : queue) reached[v] = 1;
    return reached;
}

// Connected pieces of the members' undirected graph without `gone`.
std::size_t brute_pieces(const Network& net, const std::vector<char>& member,
                         const std::vector<char>& gone) {
    const std::size_t n = net.stakeholder_count();
    std::vector<std::vector<std::uint32_t>> adj(n);
    for (const Tie& t : net.all_ties()) {
        adj[t.source.index()].push_back(t.target.index());
        adj[t.target.index()].push_back(t.source.index());
    }
    std::vector<char> seen(n, 0);
    std::size_t pieces = 0;
    for (std::uint32_t r = 0; r < n; ++r) {
        if (member[r] == 0 || gone[r] != 0 || seen[r] != 0) continue;
        ++pieces;
        std::vector<std::uint32_t> stack{r};
        seen[r] = 1;
        while (!stack.empty()) {
            const std::uint32_t u = stack.back();
            stack.pop_back();
            for (std::uint32_t w : adj[u])
                if (member[w] != 0 && gone[w] == 0 && seen[w] == 0) seen[w] = 1, stack.push_back(w);
        }
    }
    return pieces;
}

} // namespace

TEST_CASE("leader departure: the updated reach and pieces equal a search without them",
          "[gaps][fragility]") {
    for (const std::uint64_t seed : {1, 2, 3}) {
        // Sparse landscapes, so that departures cut pieces off and lose reach.
        const Network net = generate({.stakeholders = 1'500, .ties = 2'200, .seed = seed,
                                      .core_share = 0.01, .inner_share = 0.05,
                                      .outer_share = 0.2});
        const Community& cop = *net.communities().front();
        const std::size_t n = net.stakeholder_count();
        std::vector<char> member(n, 0);
        for (const Circle c : {Circle::core, Circle::inner, Circle::outer})
            for (StakeholderId who : cop.members(c)) member[who.index()] = 1;
        FragilityOptions o;
        // Each core member alone, two pairs (one repeating a stakeholder), and a non-member.
        const auto core = cop.members(Circle::core);
        REQUIRE(core.size() >= 4);
        for (StakeholderId who : core) o.departures.push_back({who});
        o.departures.push_back({core[0], core[1]});
        o.departures.push_back({core[2], core[3], core[2]});
        for (std::uint32_t v = 0; v < n; ++v)
            if (member[v] == 0) {
                o.departures.push_back({StakeholderId(v)});
                break;
            }
        for (const std::size_t hops : {0, 1, 2, 3, 1000}) {
            o.hops = hops;
            const Fragility f = fragility(net, cop, o);
            REQUIRE(f.departures.size() == o.departures.size());
            const std::vector<char> nobody(n, 0);
            const auto before = brute_reach(net, member, nobody, hops);
            const auto reach_before =
                static_cast<std::size_t>(std::count(before.begin(), before.end(), 1));
            const std::size_t pieces_before = brute_pieces(net, member, nobody);
            std::size_t lost_somewhere = 0;
            std::size_t split_somewhere = 0;
            for (const Departure& d : f.departures) {
                std::vector<char> gone(n, 0);
                for (StakeholderId who : d.who) gone[who.index()] = 1;
                INFO("seed " << seed << ", hops " << hops << ", first " << d.who[0].index());
                const auto after = brute_reach(net, member, gone, hops);
                std::size_t reach_after = 0, lost = 0;
                for (std::size_t v = 0; v < n; ++v) {
                    reach_after += after[v] != 0 ? 1U : 0U;
                    lost += (before[v] != 0 && after[v] == 0 && gone[v] == 0) ? 1U : 0U;
                }
                CHECK(d.reach_before == reach_before);
                CHECK(d.reach_after == reach_after);
                CHECK(d.reach_lost == lost);
                CHECK(d.pieces_before == pieces_before);
                CHECK(d.pieces_after == brute_pieces(net, member, gone));
                lost_somewhere += d.reach_lost;
                split_somewhere += d.pieces_after > d.pieces_before ? 1U : 0U;
            }
            if (hops >= 2) CHECK(lost_somewhere > 0);
            CHECK(split_somewhere > 0);  // the cases cover pieces that split
        }
    }
}

TEST_CASE("gaps reports its progress as one count and gives the same answer on any thread count",
          "[gaps][progress]") {
    const Network net = generate({.stakeholders = 3'000, .ties = 20'000, .seed = 7});
    const Community& cop = *net.find_community("community");
    const std::size_t core = cop.members(Circle::core).size();
    REQUIRE(core > 0);
    std::vector<std::pair<std::size_t, std::size_t>> calls;
    GapsOptions o;
    o.candidates.threads = 1;
    o.progress = [&](std::size_t done, std::size_t total) { calls.emplace_back(done, total); };
    const GapsReport r = gaps(net, cop, o);
    // The stakeholders the candidates score, then the core members' departures, in order.
    const std::size_t total = net.stakeholder_count() + core;
    REQUIRE(calls.size() >= 50);
    CHECK(calls.size() <= 210);  // about a hundred per part at most
    CHECK(calls.back() == std::pair<std::size_t, std::size_t>{total, total});
    for (std::size_t i = 0; i < calls.size(); ++i) {
        CHECK(calls[i].second == total);
        if (i > 0) CHECK(calls[i].first >= calls[i - 1].first);
    }
    CHECK(calls.front().first < net.stakeholder_count() / 4);
    CHECK(std::any_of(calls.begin(), calls.end(), [&](const auto& c) {
        return c.first > net.stakeholder_count() && c.first < total;  // inside the departures
    }));
    // The same candidates, reach added included, on two threads and without progress.
    GapsOptions two;
    two.candidates.threads = 2;
    const GapsReport q = gaps(net, cop, two);
    REQUIRE(q.candidates.size() == r.candidates.size());
    for (std::size_t i = 0; i < r.candidates.size(); ++i) {
        CHECK(q.candidates[i].who == r.candidates[i].who);
        CHECK(q.candidates[i].reach_added == r.candidates[i].reach_added);
        CHECK(q.candidates[i].score == r.candidates[i].score);
    }
    REQUIRE(q.fragility.departures.size() == core);
    for (std::size_t i = 0; i < core; ++i)
        CHECK(q.fragility.departures[i].reach_lost == r.fragility.departures[i].reach_lost);
    // The parts report on their own too: candidates by stakeholders, fragility by departures.
    std::vector<std::size_t> done;
    CandidateOptions c;
    c.progress = [&](std::size_t d, std::size_t t) {
        CHECK(t == net.stakeholder_count());
        done.push_back(d);
    };
    (void)candidates(net, cop, c);
    REQUIRE(!done.empty());
    CHECK(done.back() == net.stakeholder_count());
    done.clear();
    FragilityOptions f;
    f.progress = [&](std::size_t d, std::size_t t) {
        CHECK(t == core);
        done.push_back(d);
    };
    (void)fragility(net, cop, f);
    REQUIRE(!done.empty());
    CHECK(done.back() == core);
    CHECK(std::is_sorted(done.begin(), done.end()));
}
