#include <algorithm>
#include <sstream>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "copnet/error.hpp"
#include "copnet/io/pajek.hpp"
#include "io_common.hpp"
#include "peer_files.hpp"

using namespace copnet;
using copnet::test::existing_network;

namespace {

std::string pajek_of(const Network& net, PajekWriteOptions o = {}) {
    std::ostringstream out;
    write_pajek(net, out, o);
    return out.str();
}

Network parse(const std::string& text, const PajekOptions& o = {}) {
    Network net;
    parse_pajek(net, text, o, "t.net");
    return net;
}

} // namespace

/// The research network without the double quotes Pajek cannot hold.
Network without_quotes(Network net) {
    std::vector<StakeholderId> ids(net.stakeholders().begin(), net.stakeholders().end());
    for (StakeholderId who : ids) {
        Stakeholder s = net.stakeholder(who);
        std::replace(s.name.begin(), s.name.end(), '"', '\'');
        net.update_stakeholder(who, s);
    }
    return net;
}

TEST_CASE("Pajek round trip keeps stakeholders, fields, circles, relations and values", "[io][pajek]") {
    const Network original = without_quotes(copnet::test::research_network());
    const std::string text = pajek_of(original);
    CHECK_THAT(text, Catch::Contains("*Arcs :") && Catch::Contains("*Edges :") &&
                         Catch::Contains("% copnet relations:"));
    CHECK(parse(text) == original);
    // Without fields: ids, relations and values only.
    const Network plain = parse(pajek_of(original, {.fields = false}));
    CHECK(plain.stakeholder_count() == original.stakeholder_count());
    CHECK(plain.tie_count() == original.tie_count());
    CHECK(plain.stakeholder(plain.at("sa-01")).sector.empty());
}

TEST_CASE("Pajek written by NetworkX and igraph reads with every field they wrote", "[io][pajek]") {
    const auto dir = copnet::test::formats_dir();
    // NetworkX: vertex fields as key-value pairs, the relation as an edge attribute.
    copnet::test::check_peer_network(read_pajek(dir / "networkx.net"), true, true);
    // igraph: labels and values only; one unnamed *Arcs block.
    const Network ig = read_pajek(dir / "igraph.net");
    copnet::test::check_peer_network(ig, false, false, "arc");
    CHECK(ig.relation(*ig.find_relation("arc")).scale == Scale::count);  // values 1-3
}

TEST_CASE("Pajek's own layouts: multi-relational blocks, lists, matrices, unlabeled vertices", "[io][pajek]") {
    const Network net = parse("% Padgett-like, invented\n*Network test\n*Vertices 4\n1 \"a\" 0.1 0.2 0.5 ic Red\n2 \"b b\"\n3 c box\n"
                              "*Arcs :1 \"advice\"\n1 2 2\n2 3\n*Edges :2 \"marriage\"\n1 3 1\n"
                              "*Arcs\n2: 2 1 1\n*Arcslist :3 \"lists\"\n1 2 3\n*Matrix :4 \"m\"\n0 1 0 0\n0 0 0 0\n0 0 0 0\n0.5 0 0 0\n");
    CHECK(net.stakeholder_count() == 4);
    CHECK(net.find("4"));  // no line: its number is its id
    const TieKind advice = *net.find_relation("advice");
    CHECK(net.relation(advice).scale == Scale::count);
    CHECK(net.find_tie(net.at("a"), net.at("b b"), advice)->weight == 2);
    CHECK(net.find_tie(net.at("b b"), net.at("c"), advice)->weight == 1);
    const TieKind marriage = *net.find_relation("marriage");
    CHECK(net.relation(marriage).mutual());
    CHECK(net.find_tie(net.at("c"), net.at("a"), marriage));  // either way round
    CHECK(net.tie_count(marriage) == 2);                        // 1-3 and the "2:" line 2-1
    CHECK(net.tie_count(*net.find_relation("lists")) == 2);
    const TieKind m = *net.find_relation("m");
    CHECK(net.find_tie(net.at("4"), net.at("a"), m)->weight == 0.5);
    CHECK(net.tie_count(m) == 2);
    CHECK(net.stakeholder(net.at("a")).attributes.empty());  // drawing keys skipped
}

TEST_CASE("malformed Pajek: an error naming file, line and field; nothing loaded", "[io][pajek]") {
    struct Case {
        std::string text;
        std::string expected;
    };
    const std::vector<Case> cases = {
        {"1 2\n", "t.net:1: a line before *Vertices"},
        {"*Vertices x\n", "t.net:1: vertices: \"x\" is not a vertex count"},
        {"*Vertices 2\n1 \"a\n", "t.net:2: label: a quote that is not closed"},
        {"*Vertices 2\n3 \"c\"\n", "t.net:2: vertex: \"3\" is not a vertex number from 1 to 2"},
        {"*Vertices 2\n1 \"a\"\n1 \"b\"\n", "t.net:3: vertex: vertex 1 is given twice"},
        {"*Vertices 2\n1 \"a\"\n2 \"a\"\n", "t.net:3: label: id \"a\" is given twice"},
        {"*Vertices 2\n*Arcs\n1 5\n", "t.net:3: target: vertex 5 is beyond *Vertices 2"},
        {"*Vertices 2\n*Arcs\n1 2 heavy\n", "t.net:3: value: \"heavy\" is not a number"},
        {"*Vertices 2\n*Arcs\n1\n", "t.net:3: target: a line with one vertex"},
        {"*Vertices 2\n*Arcs\n1 1\n", "t.net:3: target: a tie from \"1\" to itself"},
        {"*Vertices 2\n1 \"a\" level regional\n", "t.net:2: level: \"a\":"},
        {"*Vertices 2\n*Matrix\n0 1\n", "t.net:3: matrix: *Matrix has 1 rows, *Vertices 2"},
        {"*Vertices 2\n*Matrix\n0 1 1\n", "t.net:3: matrix: row 1 has 3 values"},
        {"*Vertices 99999999\n", "vertices: *Vertices 99999999 is more than 4096"},
        {"*Vertices 2\n*Partition x\n", "t.net:2: \"*Partition\" is not a section of a Pajek network"},
        {"", "no *Vertices line"},
        {"*Vertices 2\n*Arcs\n1 2 -1\n", "t.net:3: value: value -1 is off the unit scale of relation \"reports\""},
        {"% copnet relations:\n% name,role\n% x,nonsense\n*Vertices 1\n", "t.net:1: relations:"},
    };
    for (const Case& c : cases) {
        INFO(c.text);
        Network net = existing_network();
        const Network before = net;
        PajekOptions o;
        if (c.expected.find("reports") != std::string::npos) {
            net.add_relation({.name = "reports", .role = Role::authority});
            o.relation = "reports";
        }
        const Network with_relation = net;
        try {
            parse_pajek(net, c.text, o, "t.net");
            FAIL("no error");
        } catch (const parse_error& e) {
            CHECK_THAT(e.what(), Catch::Contains(c.expected));
            CHECK(e.file() == "t.net");
        }
        CHECK(net == with_relation);
    }
}

TEST_CASE("Pajek cannot hold a quote or a line break: the writer says so", "[io][pajek]") {
    Network net;
    net.add_stakeholder({.id = "say \"hi\""});
    CHECK_THROWS_AS(pajek_of(net), invalid_value);
}
