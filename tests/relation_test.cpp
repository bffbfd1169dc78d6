// The relation model (copnet/relation.hpp, DESIGN §3.4): an open set of named relations, each
// with a role, direction, polarity and scale; ties of different relations between one pair
// coexist; repeats of one relation merge by its scale; filters follow relations by name, and
// leave negative relations out unless named.
#include <algorithm>
#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "copnet/analysis/components.hpp"
#include "copnet/analysis/reach.hpp"
#include "copnet/error.hpp"
#include "copnet/network.hpp"
#include "copnet/relation.hpp"
#include "copnet/summary.hpp"

using namespace copnet;

namespace {

Network four() {
    Network net;
    for (const char* id : {"a", "b", "c", "d"}) {
        Stakeholder s;
        s.id = id;
        net.add_stakeholder(s);
    }
    return net;
}

std::vector<std::string> reached(const Network& net, const ReachResult& r) {
    std::vector<std::string> out;
    for (const Reached& x : r.reached) out.push_back(net.stakeholder(x.who).id);
    return out;
}

} // namespace

TEST_CASE("every network starts with the three built-in relations", "[relation]") {
    const Network net;
    REQUIRE(net.relations().size() == 3);
    CHECK(net.relation(TieKind::authority).role == Role::authority);
    CHECK(net.relation(TieKind::influence).direction == RelationDirection::directed);
    CHECK(net.relation(TieKind::collaboration).mutual());
    CHECK(net.relation(TieKind::collaboration).scale == Scale::unit);
    CHECK(net.find_relation("Influence") == TieKind::influence);  // names fold as categories
    CHECK(net.find_relation("friendship") == std::nullopt);
    CHECK_THROWS_AS(net.relation(static_cast<TieKind>(3)), invalid_value);
}

TEST_CASE("relations are declared once, with their meaning", "[relation]") {
    Network net = four();
    const TieKind advice = net.add_relation({.name = "advice", .role = Role::influence});
    CHECK(static_cast<int>(advice) == 3);
    CHECK(net.add_relation({.name = " Advice ", .role = Role::influence}) == advice);  // same
    CHECK(net.relation(advice).name == "advice");
    CHECK_THROWS_WITH(net.add_relation({.name = "advice", .role = Role::affect}),
                      Catch::Contains("declared twice"));
    CHECK_THROWS_AS(net.add_relation({.name = "  "}), invalid_value);
    // A built-in without ties may take a file's declaration (another scale, say) …
    CHECK(net.add_relation({.name = "authority", .role = Role::authority, .scale = Scale::binary}) ==
          TieKind::authority);
    CHECK(net.relation(TieKind::authority).scale == Scale::binary);
    // … but not once it holds ties.
    net.add_tie(net.at("a"), net.at("b"), TieKind::influence);
    CHECK_THROWS_AS(net.add_relation({.name = "influence", .scale = Scale::count}), invalid_value);
    // At most max_relations.
    Network many;
    for (std::size_t i = many.relations().size(); i < max_relations; ++i)
        many.add_relation({.name = "r" + std::to_string(i)});
    CHECK(many.relations().size() == max_relations);
    CHECK_THROWS_WITH(many.add_relation({.name = "one more"}), Catch::Contains("at most 255"));
}

TEST_CASE("ties of several relations between one pair coexist; repeats merge by scale",
          "[relation]") {
    Network net = four();
    const auto a = net.at("a"), b = net.at("b");
    const TieKind friendship = net.add_relation({.name = "friendship", .role = Role::affect});
    const TieKind messages = net.add_relation(
        {.name = "messages", .role = Role::communication, .scale = Scale::count});
    const TieKind met = net.add_relation({.name = "met", .scale = Scale::binary});
    CHECK(net.add_tie(a, b, TieKind::influence, 0.5));
    CHECK(net.add_tie(a, b, friendship, 0.25));
    CHECK(net.add_tie(a, b, messages, 12));
    CHECK(net.tie_count() == 3);
    CHECK_FALSE(net.add_tie(a, b, messages, 30));  // counts add up
    CHECK(net.find_tie(a, b, messages)->weight == 42);
    CHECK_FALSE(net.add_tie(a, b, friendship, 0.75));  // unit: the larger
    CHECK(net.find_tie(a, b, friendship)->weight == 0.75);
    CHECK(net.find_tie(b, a, friendship) == std::nullopt);  // directed
    CHECK(net.tie_count(messages) == 1);
    // Values off the scale are refused, naming the relation.
    CHECK_THROWS_WITH(net.add_tie(a, b, messages, -1), Catch::Contains("\"messages\" is not a count"));
    CHECK_THROWS_WITH(net.add_tie(a, b, met, 0.5), Catch::Contains("is not 1"));
    CHECK_THROWS_AS(net.add_tie(a, b, messages, std::numeric_limits<double>::infinity()), invalid_value);
    CHECK_THROWS_AS(net.add_tie(a, b, static_cast<TieKind>(9), 1.0), invalid_value);  // undeclared
    CHECK(net.add_tie(a, b, met, 1.0));
    // A mutual relation: one tie per unordered pair.
    const TieKind cowork = net.add_relation(
        {.name = "cowork", .role = Role::collaboration, .direction = RelationDirection::mutual});
    CHECK(net.add_tie(a, b, cowork));
    CHECK_FALSE(net.add_tie(b, a, cowork));
    CHECK(net.find_tie(b, a, cowork).has_value());
    CHECK(net.tie_count(cowork) == 1);
    CHECK(net.remove_tie(b, a, cowork));
    CHECK(net.tie_count(cowork) == 0);
    // Summary: ties by relation name.
    const Summary s = summarize(net);
    REQUIRE(s.ties_by_relation.size() == net.relations().size());
    CHECK(s.ties_by_relation[static_cast<std::size_t>(messages)] == 1);
}

TEST_CASE("filters follow relations; negative ones only when named", "[relation]") {
    Network net = four();
    const auto a = net.at("a"), b = net.at("b"), c = net.at("c"), d = net.at("d");
    const TieKind advice = net.add_relation({.name = "advice", .role = Role::influence});
    const TieKind dislike = net.add_relation(
        {.name = "dislike", .role = Role::affect, .polarity = Polarity::negative});
    const TieKind cowork = net.add_relation(
        {.name = "cowork", .role = Role::collaboration, .direction = RelationDirection::mutual});
    net.add_tie(a, b, advice);
    net.add_tie(b, c, dislike);
    net.add_tie(d, c, cowork);
    // Every positive relation: a → b, and no further (dislike is not followed).
    CHECK(reached(net, reach(net, std::vector{a})) == std::vector<std::string>{"a", "b"});
    // Named, a negative relation is followed.
    CHECK(reached(net, reach(net, std::vector{b}, {.filter = TieFilter::of({dislike})})) ==
          std::vector<std::string>{"b", "c"});
    // A declared mutual relation is followed both ways whatever the direction.
    CHECK(reached(net, reach(net, std::vector{c}, {.filter = TieFilter::of({cowork})})) ==
          std::vector<std::string>{"c", "d"});
    CHECK(reached(net, reach(net, std::vector{b}, {.filter = TieFilter::of({advice}, Direction::in)})) ==
          std::vector<std::string>{"b", "a"});
    // Components follow the positive relations: {a, b} and {c, d}.
    CHECK(components(net).count() == 2);
    CHECK(net.all_ties().size() == 3);                 // every tie, negative too
    CHECK(net.all_ties(TieFilter::all()).size() == 2);  // the followed ones
}

TEST_CASE("copies, equality and rollback carry the relations", "[relation]") {
    Network net = four();
    const TieKind advice = net.add_relation({.name = "advice", .role = Role::influence});
    net.add_tie(net.at("a"), net.at("b"), advice, 0.5);
    const Network copy = net;
    CHECK(copy == net);
    CHECK(copy.relation(advice).name == "advice");
    Network other = four();
    other.add_relation({.name = "advice", .role = Role::affect});
    other.add_tie(other.at("a"), other.at("b"), static_cast<TieKind>(3), 0.5);
    CHECK_FALSE(other == net);  // same names, another meaning
}

TEST_CASE("relation spellings parse and print", "[relation]") {
    CHECK(parse_role("Affiliation") == Role::affiliation);
    CHECK(to_string(Role::communication) == "communication");
    CHECK(parse_relation_direction("mutual") == RelationDirection::mutual);
    CHECK(parse_polarity("NEGATIVE") == Polarity::negative);
    CHECK(parse_scale("count") == Scale::count);
    CHECK_THROWS_WITH(parse_scale("ordinal"), Catch::Contains("unknown scale \"ordinal\""));
    CHECK_THROWS_AS(parse_role("boss"), invalid_value);
    CHECK(on_scale(Scale::unit, 1.0));
    CHECK_FALSE(on_scale(Scale::unit, std::nan("")));
    CHECK(on_scale(Scale::real, -3.5));
    CHECK(merge_values(Scale::count, 2, 3) == 5);
    CHECK(merge_values(Scale::binary, 1, 1) == 1);
}

// ---- files ----------------------------------------------------------------------------------

#include <sstream>

#include "copnet/io/archive.hpp"
#include "copnet/io/csv.hpp"
#include "copnet/io/graphml.hpp"
#include "copnet/io/json.hpp"
#include "copnet/io/relations.hpp"

namespace {

std::string nodes_text(int n) {
    std::string s = "id\n";
    for (int i = 0; i < n; ++i) s += "s" + std::to_string(i) + "\n";
    return s;
}

} // namespace

TEST_CASE("ties.csv names its relations; undeclared ones are added in the order met",
          "[relation][csv]") {
    Network net;
    parse_csv(net, "id\na\nb\nc\n",
              "source,target,relation,value\n"
              "a,b,advice,0.5\n"
              "b,c,Friendship,1\n"
              "a,c,influence,\n"
              "c,a,friendship,0.25\n");  // the same relation, another spelling
    REQUIRE(net.relations().size() == 5);
    CHECK(net.relations()[3].name == "advice");
    CHECK(net.relations()[3].role == Role::other);
    CHECK(net.relations()[4].name == "Friendship");  // the first spelling
    CHECK(net.tie_count(*net.find_relation("friendship")) == 2);
    CHECK(net.tie_count(TieKind::influence) == 1);
    // What it writes reads back equal (relation and value columns).
    std::ostringstream n, t;
    write_csv(net, n, t);
    CHECK(t.str().rfind("source,target,relation,value\n", 0) == 0);
    Network back;
    parse_csv(back, n.str(), t.str());
    CHECK(back == net);
}

TEST_CASE("a failed load takes back the relations it added", "[relation][csv]") {
    Network net;
    parse_csv(net, "id\na\nb\n", "source,target,kind\na,b,influence\n");
    const Network before = net;
    CHECK_THROWS_AS(parse_csv(net, "id\nc\n", "source,target,relation\nc,a,advice\nc,nobody,advice\n"),
                    parse_error);
    CHECK(net == before);
    CHECK(net.relations().size() == 3);
}

TEST_CASE("a large ties.csv read in two halves numbers its new relations as one thread would",
          "[relation][csv]") {
    // Over 1 MiB without quotes: read in two halves at once. The second half meets "beta"
    // before "alpha", the first half only "alpha".
    std::string ties = "source,target,relation,value\n";
    const int rows = 60000;
    for (int i = 0; i < rows; ++i) {
        const std::string rel = i < rows / 2 ? "alpha" : (i < rows * 3 / 4 ? "beta" : "alpha");
        const int u = i % 997;
        const int v = (u + 1 + i % 500) % 1000;  // never u itself
        ties += "s" + std::to_string(u) + ",s" + std::to_string(v) + "," + rel + ",0.5\n";
    }
    REQUIRE(ties.size() > (1U << 20U));
    CsvOptions two, one;
    two.threads = 2;
    one.threads = 1;
    Network a, b;
    parse_csv(a, nodes_text(1000), ties, two);
    parse_csv(b, nodes_text(1000), ties, one);
    REQUIRE(a.relations().size() == 5);
    CHECK(a.relations()[3].name == "alpha");
    CHECK(a.relations()[4].name == "beta");
    CHECK(a == b);
    CHECK(a.tie_count(static_cast<TieKind>(4)) == b.tie_count(static_cast<TieKind>(4)));
}

TEST_CASE("relations.csv declares roles, directions, polarities and scales", "[relation][csv]") {
    Network net;
    CHECK(parse_relations(net, "name,role,direction,polarity,scale\n"
                               "reports_to,authority,directed,positive,binary\n"
                               "messages,communication,,,count\n"
                               "cowork,collaboration,mutual,,\n"
                               "dislike,affect,directed,negative,\n") == 4);
    const TieKind messages = *net.find_relation("messages");
    CHECK(net.relation(messages).scale == Scale::count);
    CHECK(net.relation(messages).direction == RelationDirection::directed);
    CHECK(net.relation(*net.find_relation("cowork")).mutual());
    CHECK(net.relation(*net.find_relation("dislike")).polarity == Polarity::negative);
    // Counts load from ties.csv, a weight above 1 included.
    parse_csv(net, "id\na\nb\n", "source,target,relation,value\na,b,messages,12\nb,a,messages,3\n");
    CHECK(net.find_tie(net.at("a"), net.at("b"), messages)->weight == 12);
    // Written and read back: the same declarations.
    std::ostringstream out;
    write_relations(net, out);
    Network back;
    parse_relations(back, out.str());
    REQUIRE(back.relations().size() == net.relations().size());
    for (std::size_t k = 0; k < net.relations().size(); ++k) CHECK(back.relations()[k] == net.relations()[k]);
    CHECK(has_declared_relations(net));
    CHECK_FALSE(has_declared_relations(Network()));
}

TEST_CASE("relations.csv errors name the line and column, leaving the network unchanged",
          "[relation][csv][errors]") {
    struct Case {
        std::string text;
        std::size_t line;
        std::string field;
        std::string message;
    };
    const std::vector<Case> cases{
        {"", 0, "", "the file is empty"},
        {"role\nauthority\n", 1, "name", "no name column"},
        {"name,role,colour\nx,affect,red\n", 1, "colour", "not a relations column"},
        {"name,role\nx,boss\n", 2, "role", "unknown role \"boss\""},
        {"name,role,scale\nx,affect,ordinal\n", 2, "scale", "unknown scale"},
        {"name,role,direction\nx,affect,sideways\n", 2, "direction", "unknown relation direction"},
        {"name,role\n,affect\n", 2, "name", "no name"},
        {"name,role\nx,\n", 2, "role", "no role"},
        {"name,role\nx,affect\nX,other\n", 3, "name", "declared twice"},
        {"name,role\nx,affect,extra\n", 2, "", "the row has 3 fields"},
    };
    for (const Case& c : cases) {
        INFO(c.text);
        Network net;
        parse_relations(net, "name,role\nkept,affect\n");
        const Network before = net;
        try {
            parse_relations(net, c.text);
            FAIL("no error");
        } catch (const parse_error& e) {
            CHECK(e.line() == c.line);
            CHECK(e.field() == c.field);
            CHECK_THAT(e.what(), Catch::Contains(c.message));
        }
        CHECK(net == before);
        CHECK(net.relations().size() == 4);
    }
}

TEST_CASE("GraphML, node-link JSON and archives carry the relations", "[relation][io]") {
    Network net;
    parse_relations(net, "name,role,direction,scale\nmarriage,affiliation,mutual,binary\n"
                         "messages,communication,directed,count\n");
    parse_csv(net, "id\na\nb\nc\n",
              "source,target,relation,value\na,b,marriage,1\nb,c,messages,12\nc,a,friendship,0.5\n"
              "a,b,influence,0.25\n");
    std::ostringstream g, j;
    write_graphml(net, g);
    write_json(net, j);
    Network from_graphml, from_json;
    parse_graphml(from_graphml, g.str());
    parse_json(from_json, j.str());
    CHECK(from_graphml == net);  // declarations, values of every scale, names
    CHECK(from_json == net);
    CHECK(from_graphml.relation(*from_graphml.find_relation("marriage")).mutual());
    // A file naming a relation it does not declare: added as role other, as in ties.csv.
    Network plain;
    parse_json(plain, R"({"directed": true, "multigraph": true, "graph": {},
        "nodes": [{"id": "a"}, {"id": "b"}], "links": [{"source": "a", "target": "b", "kind": "trust"}]})");
    REQUIRE(plain.find_relation("trust").has_value());
    CHECK(plain.relation(*plain.find_relation("trust")).role == Role::other);
    // A bad declaration names the field.
    std::string broken = j.str();
    broken.replace(broken.find("communication"), 13, "gossip");
    Network none;
    CHECK_THROWS_WITH(parse_json(none, broken), Catch::Contains("graph.relations") && Catch::Contains("gossip"));
    // Archives (version 3) hold the declarations too.
    for (const ArchiveKind kind : {ArchiveKind::text, ArchiveKind::binary, ArchiveKind::xml}) {
        std::ostringstream out;
        write_archive(net, out, kind);
        Network back;
        parse_archive(back, out.str(), kind);
        CHECK(back == net);
        CHECK(back.relation(*back.find_relation("messages")).scale == Scale::count);
    }
    // A GraphML edge key's default may name a declared relation (or a new one).
    const std::string with_default =
        "<graphml><key id=\"r\" for=\"graph\" attr.name=\"relations\" attr.type=\"string\"/>"
        "<key id=\"k\" for=\"edge\" attr.name=\"kind\" attr.type=\"string\">"
        "<default>marriage</default></key><graph edgedefault=\"undirected\">"
        "<data key=\"r\">name,role,direction,scale\nmarriage,affiliation,mutual,binary\n</data>"
        "<node id=\"a\"/><node id=\"b\"/><node id=\"c\"/><edge source=\"a\" target=\"b\"/>"
        "<edge source=\"b\" target=\"c\"><data key=\"k\">collaboration</data></edge>"
        "</graph></graphml>";
    Network defaulted;
    parse_graphml(defaulted, with_default);
    const TieKind marriage = *defaulted.find_relation("marriage");
    CHECK(defaulted.find_tie(defaulted.at("b"), defaulted.at("a"), marriage).has_value());
    CHECK(defaulted.find_tie(defaulted.at("b"), defaulted.at("c"), TieKind::collaboration));
    CHECK(defaulted.tie_count() == 2);
}

TEST_CASE("merge policies: a repeated tie keeps the larger, the sum, the first, or is an error",
          "[relation][merge]") {
    const std::string relations = "name,role,scale\nmessages,communication,count\n";
    const std::string nodes = "id\na\nb\nc\n";
    const std::string ties = "source,target,relation,value\na,b,messages,3\nb,c,influence,0.5\n"
                             "a,b,messages,2\nb,c,influence,0.25\n";
    const auto load = [&](Merge merge) {
        Network net;
        parse_relations(net, relations);
        parse_csv(net, nodes, ties, {.merge = merge});
        return net;
    };
    const auto value = [](const Network& net, const char* s, const char* t, TieKind kind) {
        return net.find_tie(net.at(s), net.at(t), kind)->weight;
    };
    const Network by_scale = load(Merge::by_scale);  // counts add up, unit keeps the larger
    const TieKind messages = *by_scale.find_relation("messages");
    CHECK(value(by_scale, "a", "b", messages) == 5);
    CHECK(value(by_scale, "b", "c", TieKind::influence) == 0.5);
    const Network max = load(Merge::max);
    CHECK(value(max, "a", "b", messages) == 3);
    const Network sum = load(Merge::sum);
    CHECK(value(sum, "a", "b", messages) == 5);
    CHECK(value(sum, "b", "c", TieKind::influence) == 0.75);
    const Network first = load(Merge::first);
    CHECK(value(first, "a", "b", messages) == 3);
    CHECK(value(first, "b", "c", TieKind::influence) == 0.5);
    // error: the repeat's line, the relation column, the network unchanged.
    Network net;
    parse_relations(net, relations);
    const Network before = net;
    try {
        parse_csv(net, nodes, ties, {.merge = Merge::error});
        FAIL("no error");
    } catch (const parse_error& e) {
        CHECK(e.line() == 4);
        CHECK(e.field() == "relation");
        CHECK_THAT(e.what(), Catch::Contains("\"a\" -> \"b\"") && Catch::Contains("merge policy"));
    }
    CHECK(net == before);
    // A repeat of a tie the network holds already, a mutual relation's the other way round.
    Network held = load(Merge::by_scale);
    const Network held_before = held;
    CHECK_THROWS_WITH(parse_csv(held, "id\n", "source,target,relation\nc,b,collaboration\nb,c,collaboration\n",
                                {.merge = Merge::error}),
                      Catch::Contains("ties.csv:3"));
    CHECK(held == held_before);
    // The C++ API: add_tie and add_ties (all or nothing).
    Network api = four();
    const auto a = api.at("a"), b = api.at("b"), c = api.at("c");
    api.add_tie(a, b, TieKind::influence, 0.5);
    CHECK_THROWS_WITH(api.add_tie(a, b, TieKind::influence, 0.9, Merge::error),
                      Catch::Contains("\"a\" -> \"b\"") && Catch::Contains("\"influence\""));
    CHECK(api.find_tie(a, b, TieKind::influence)->weight == 0.5);
    const std::vector<Tie> batch{{b, c, TieKind::influence, 1.0}, {c, b, TieKind::collaboration, 1.0},
                                 {b, c, TieKind::collaboration, 1.0}};
    CHECK(api.first_repeated_tie(batch) == 2u);
    CHECK_THROWS_WITH(api.add_ties(batch, Merge::error), Catch::Contains("-- \"c\""));
    CHECK(api.tie_count() == 1);
    CHECK(api.add_ties(batch, Merge::first) == 1);
    CHECK(api.tie_count() == 3);
    // GraphML and JSON name the repeat's line and link.
    std::ostringstream g, j;
    write_graphml(by_scale, g);
    write_json(by_scale, j);
    std::string twice_g = g.str();
    const std::size_t edge = twice_g.find("<edge ");
    twice_g.insert(edge, twice_g.substr(edge, twice_g.find("</edge>", edge) + 7 - edge) + "\n");
    Network gnet;
    CHECK_THROWS_WITH(parse_graphml(gnet, twice_g, {.merge = Merge::error}),
                      Catch::Contains("repeats") && Catch::Contains("merge policy"));
    Network gsum;
    parse_graphml(gsum, twice_g, {.merge = Merge::sum});
    CHECK(gsum.tie_count() == by_scale.tie_count());
    std::string twice_j = j.str();
    const std::size_t link = twice_j.find("{", twice_j.find("\"links\""));
    twice_j.insert(link, twice_j.substr(link, twice_j.find("}", link) + 1 - link) + ", ");
    Network jnet;
    CHECK_THROWS_WITH(parse_json(jnet, twice_j, {.merge = Merge::error}),
                      Catch::Contains("links[1].kind") && Catch::Contains("merge policy"));
    CHECK(to_string(parse_merge("ERROR")) == "error");
    CHECK_THROWS_WITH(parse_merge("mean"), Catch::Contains("expected scale, max, sum, first, error"));
}

#include "copnet/io/dot.hpp"
#include "copnet/io/svg.hpp"

TEST_CASE("DOT and the circle map draw every relation by its role", "[relation][io]") {
    Network net;
    parse_relations(net, "name,role\nfriendship,affect\nreports_to,authority\n");
    parse_csv(net, "id,circle\na,core\nb,inner\nc,outer\n",
              "source,target,relation\na,b,friendship\nb,c,reports_to\na,c,influence\n");
    std::ostringstream dot;
    write_dot(net, dot);
    CHECK(dot.str().find("style=dotted, color=\"#888888\", penwidth=2, tooltip=\"friendship\"") !=
          std::string::npos);
    CHECK(dot.str().find("style=solid, color=\"#222222\", penwidth=2, tooltip=\"reports_to\"") !=
          std::string::npos);
    const std::string svg = circle_map_svg(net);
    CHECK(svg.find("class=\"tie affect\" data-relation=\"friendship\"") != std::string::npos);
    CHECK(svg.find("class=\"tie authority\" data-relation=\"reports_to\"") != std::string::npos);
    CHECK(svg.find("class=\"tie influence\" x1=") != std::string::npos);  // built-in: as before
}

#include "copnet/analysis/relations.hpp"

TEST_CASE("the relations report by hand", "[relation][report]") {
    // a→b reports_to and advice; b→c advice; a–c cowork (mutual); c→a dislike (negative).
    Network net;
    parse_relations(net, "name,role,direction,polarity\n"
                         "reports_to,authority,directed,\n"
                         "advice,influence,directed,\n"
                         "cowork,collaboration,mutual,\n"
                         "dislike,affect,directed,negative\n");
    parse_csv(net, "id\na\nb\nc\nd\n",
              "source,target,relation\na,b,reports_to\nb,d,reports_to\na,b,advice\nb,c,advice\n"
              "a,c,cowork\nc,a,dislike\n");
    const RelationsReport r = relations_report(net);
    REQUIRE(r.relations.size() == 7);
    const auto at = [&](const char* name) { return static_cast<std::size_t>(*net.find_relation(name)); };
    CHECK(r.relations[at("reports_to")].ties == 2);
    CHECK(r.relations[at("reports_to")].density == Approx(2.0 / 12));  // n(n-1), n = 4
    CHECK(r.relations[at("cowork")].density == Approx(1.0 / 6));      // mutual: n(n-1)/2
    // Overlaps over unordered pairs: cowork {a,c} and dislike {c,a} are the same pair.
    bool seen = false;
    for (const RelationOverlap& o : r.overlap)
        if (o.a == *net.find_relation("cowork") && o.b == *net.find_relation("dislike")) {
            CHECK(o.both == 1);
            CHECK(o.jaccard == 1.0);
            seen = true;
        }
    CHECK(seen);
    // Pairs {a,b}: 2 relations; {b,d}, {b,c}: 1; {a,c}: 2.
    CHECK(r.multiplexity == std::vector<std::size_t>{0, 2, 2});
    // Of 2 reports_to ties, a → b is an advice tie too; and the built-in authority has none.
    bool found = false;
    for (const Alignment& a : r.alignment)
        if (a.authority == *net.find_relation("reports_to") && a.influence == *net.find_relation("advice")) {
            CHECK(a.authority_ties == 2);
            CHECK(a.aligned == 1);
            CHECK(a.share == 0.5);
            found = true;
        }
    CHECK(found);
    CHECK(r.alignment.size() == 4);  // {authority, reports_to} × {influence, advice}
}

TEST_CASE("formulas derive relations pair by pair", "[relation][formula]") {
    Network net;
    parse_relations(net, "name,role,direction\nreports_to,authority,directed\n"
                         "advice,influence,directed\ncowork,collaboration,mutual\n");
    parse_csv(net, "id\na\nb\nc\nd\n",
              "source,target,relation\n"
              "a,b,reports_to\na,b,advice\n"  // advice backed by hierarchy
              "a,c,advice\n"                  // advice without it
              "c,d,cowork\nd,b,advice\n");
    const auto ties_of = [&](TieKind k) {
        std::vector<std::string> out;
        for (const Tie& t : net.all_ties(TieFilter::of({k})))
            out.push_back(net.stakeholder(t.source).id + ">" + net.stakeholder(t.target).id);
        std::sort(out.begin(), out.end());
        return out;
    };
    using Pairs = std::vector<std::string>;
    const TieKind unbacked = derive_relation(net, "advice & !reports_to");
    CHECK(net.relation(unbacked).name == "advice&!reports_to");
    CHECK(net.relation(unbacked).role == Role::influence);
    CHECK(net.relation(unbacked).scale == Scale::binary);
    CHECK(ties_of(unbacked) == Pairs{"a>c", "d>b"});
    CHECK(derive_relation(net, "advice&!reports_to") == unbacked);  // by name, once
    // | with a mutual relation: cowork holds for c→d and d→c.
    const TieKind either = derive_relation(net, "cowork|advice", "in touch");
    CHECK(ties_of(either) == Pairs{"a>b", "a>c", "c>d", "d>b", "d>c"});
    CHECK_FALSE(net.relation(either).mutual());
    // Parentheses and precedence: & before |.
    CHECK(ties_of(derive_relation(net, "reports_to|advice&cowork")) == Pairs{"a>b"});
    CHECK(ties_of(derive_relation(net, "(reports_to|advice)&!cowork")) == Pairs{"a>b", "a>c", "d>b"});
    // Only mutual operands: a mutual relation.
    CHECK(net.relation(derive_relation(net, "cowork&cowork", "co")).mutual());
    // A filter names the derived relation; the formula with blanks finds it too.
    CHECK(parse_tie_filter(net, "advice & !reports_to").chosen.test(static_cast<std::size_t>(unbacked)));
    // Errors, and the network unchanged.
    const Network before = net;
    for (const char* bad : {"!advice", "advice&", "(advice", "advice&trust", "advice)", "&advice"}) {
        INFO(bad);
        CHECK_THROWS_AS(derive_relation(net, bad), invalid_value);
        CHECK(net == before);
    }
    CHECK_THROWS_WITH(derive_relation(net, "advice|!cowork"), Catch::Contains("holds for pairs"));
    Network fresh = before;
    derive_formulas(fresh, "reports_to,advice|reports_to,all");
    CHECK(fresh.find_relation("advice|reports_to").has_value());
    CHECK(is_relation_formula("a&b"));
    CHECK_FALSE(is_relation_formula("reports to"));
}

TEST_CASE("diffusion needs chances: other scales need a probability, negatives are refused",
          "[relation][diffusion]") {
    Network net;
    parse_relations(net, "name,role,scale,polarity\nmessages,communication,count,\n"
                         "dislike,affect,,negative\n");
    parse_csv(net, "id\na\nb\nc\n", "source,target,relation,value\na,b,messages,12\nb,c,influence,1\n"
                                    "c,a,dislike,1\n");
    const std::vector<StakeholderId> from{net.at("a")};
    CHECK_THROWS_WITH(spread(net, from, {.runs = 10}), Catch::Contains("\"messages\" has scale count"));
    const SpreadResult r = spread(net, from, {.runs = 10, .probability = 1.0});
    CHECK(r.expected == 3.0);  // a → b (messages) → c (influence), every tie certain
    CHECK_THROWS_WITH(spread(net, from, {.filter = TieFilter::of({*net.find_relation("dislike")}), .runs = 10,
                                         .probability = 0.5}),
                      Catch::Contains("negative"));
    // Every positive unit relation: no probability needed.
    CHECK(spread(net, from, {.filter = TieFilter::of({TieKind::influence}), .runs = 10}).expected == 1.0);
}

#include "real_data.hpp"

TEST_CASE("Krackhardt's managers: the walkthrough of docs/concepts.md", "[relation][report]") {
    // Real data (tests/data, from ../shared/data). Counted by hand from ties.csv: the president
    // A07 directs A02, A14, A18, A21; thirteen managers name A07 for advice (A07 -> them), nine
    // of whom do not report to A07.
    Network net = test::load_real(std::string(COPNET_SOURCE_DIR) + "/tests/data",
                                  "krackhardt-hightech");
    const RelationsReport r = relations_report(net);
    REQUIRE(r.alignment.size() == 1);
    CHECK(r.alignment[0].authority_ties == 20);
    CHECK(r.alignment[0].aligned == 19);
    CHECK(r.alignment[0].share == Approx(0.95).margin(1e-12));
    const auto overlap = std::ranges::find_if(r.overlap, [](const RelationOverlap& o) {
        return o.a == TieKind::authority && o.b == TieKind::influence;
    });
    REQUIRE(overlap != r.overlap.end());
    // Over unordered pairs: the 20 reporting pairs all exchange advice; 145 pairs do (pandas:
    // the distinct {source, target} sets of the 190 influence rows).
    CHECK(overlap->both == 20);
    CHECK(overlap->a_in_b == 1.0);
    CHECK(overlap->b_in_a == Approx(20.0 / 145.0).margin(1e-12));
    const StakeholderId president = net.at("A07");
    const auto follow = [&](std::string_view relations) {
        derive_formulas(net, relations);
        return reach(net, {&president, 1},
                     {.filter = parse_tie_filter(net, relations), .max_hops = 1});
    };
    CHECK(reached(net, follow("authority")) ==
          std::vector<std::string>{"A07", "A02", "A14", "A18", "A21"});
    CHECK(follow("influence").count() == 14);
    const std::vector<std::string> informal = reached(net, follow("influence & !authority"));
    CHECK(informal == std::vector<std::string>{"A07", "A03", "A05", "A08", "A09", "A11", "A12",
                                               "A15", "A17", "A19"});
}

TEST_CASE("relations_report reports progress and gives the same answer", "[relations][progress]") {
    Network net;
    std::string nodes = "id\n", ties = "source,target,kind\n";
    for (int i = 0; i < 40; ++i) nodes += "s" + std::to_string(i) + "\n";
    for (int i = 0; i < 40; ++i) {
        const std::string a = "s" + std::to_string(i), b = "s" + std::to_string((i * 7 + 3) % 40);
        if (a != b) ties += a + "," + b + ",authority\n";
        if (a != b && i % 2 == 0) ties += a + "," + b + ",influence\n";
        ties += a + ",s" + std::to_string((i + 1) % 40) + ",collaboration\n";
    }
    parse_csv(net, nodes, ties);
    std::vector<std::pair<std::size_t, std::size_t>> calls;
    const RelationsReport with =
        relations_report(net, [&](std::size_t done, std::size_t total) { calls.emplace_back(done, total); });
    const RelationsReport without = relations_report(net);
    CHECK(with.multiplexity == without.multiplexity);
    REQUIRE(with.alignment.size() == without.alignment.size());
    REQUIRE(!with.alignment.empty());
    CHECK(with.alignment[0].aligned == without.alignment[0].aligned);
    CHECK(with.alignment[0].aligned == 20);  // every influence tie lies on an authority tie
    REQUIRE(calls.size() >= 4);
    CHECK(calls.back().first == calls.back().second);
    for (std::size_t i = 1; i < calls.size(); ++i) {
        CHECK(calls[i].first > calls[i - 1].first);
        CHECK(calls[i].second == calls[0].second);
    }
}
