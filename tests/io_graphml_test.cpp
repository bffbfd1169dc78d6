#include <sstream>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "copnet/error.hpp"
#include "copnet/io/graphml.hpp"
#include "io_common.hpp"

using namespace copnet;
using copnet::test::existing_network;
using copnet::test::load_example;
using copnet::test::tiny_network;

namespace {

std::string graphml_of(const Network& net) {
    std::ostringstream out;
    write_graphml(net, out);
    return out.str();
}

// A GraphML document as another tool writes it (keys in NetworkX's style), with `nodes` and
// `edges` spliced into one directed graph.
std::string doc(const std::string& nodes, const std::string& edges = "",
                const std::string& extra_keys = "") {
    return "<?xml version='1.0' encoding='utf-8'?>\n"
           "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
           "<key id=\"d0\" for=\"node\" attr.name=\"level\" attr.type=\"string\"/>\n"
           "<key id=\"d1\" for=\"node\" attr.name=\"circle\" attr.type=\"string\"/>\n"
           "<key id=\"d2\" for=\"edge\" attr.name=\"kind\" attr.type=\"string\"/>\n"
           "<key id=\"d3\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/>\n" +
           extra_keys + "<graph edgedefault=\"directed\">\n" + nodes + edges + "</graph>\n</graphml>\n";
}

const std::string ab = "<node id=\"a\"/>\n<node id=\"b\"/>\n";

} // namespace

TEST_CASE("GraphML round-trips both bundled examples losslessly", "[io][graphml]") {
    for (const char* name : {"state-employment", "school-behavioral-health"}) {
        INFO(name);
        const Network net = load_example(name);
        Network back = existing_network();
        parse_graphml(back, graphml_of(net));
        CHECK(back == net);
        CHECK(back.community("community").domain() == net.community("community").domain());
        CHECK(std::vector<std::string>(back.attribute_names().begin(), back.attribute_names().end()) ==
              std::vector<std::string>(net.attribute_names().begin(), net.attribute_names().end()));
    }
}

TEST_CASE("GraphML keeps odd text, every community and exact weights", "[io][graphml]") {
    const Network net = tiny_network();
    Network back;
    parse_graphml(back, graphml_of(net));
    REQUIRE(back == net);
    CHECK(back.stakeholder(back.at("a-1")).attributes.at("team") == "line1\nline2");
    CHECK(back.find_tie(back.at("a-1"), back.at("b 2"), TieKind::influence)->weight == 1.0 / 3.0);
    CHECK(back.communities().size() == 3);
    CHECK(back.communities()[2]->name() == "empty one");  // declaration order kept
    CHECK(back.community("empty one").domain() == "nobody yet");
}

TEST_CASE("GraphML from other tools: defaults, plain circle, missing kind and weight", "[io][graphml]") {
    const std::string text = doc(
        "<node id=\"a\"><data key=\"d0\">State</data><data key=\"d1\">core</data>"
        "<data key=\"d9\">17</data></node>\n<node id=\"b\"><data key=\"d1\">outer</data></node>\n"
        "<node id=\"c\"/>\n",
        "<edge source=\"a\" target=\"b\"/>\n<edge source=\"b\" target=\"c\" directed=\"false\">"
        "<data key=\"d3\">0.25</data></edge>\n<edge source=\"a\" target=\"c\">"
        "<data key=\"d2\">authority</data></edge>\n",
        "<key id=\"d9\" for=\"node\" attr.name=\"age\" attr.type=\"long\"/>\n"
        "<key id=\"d8\" for=\"node\" attr.name=\"stance\" attr.type=\"string\"><default>ally</default></key>\n"
        "<key id=\"y\" for=\"node\" yfiles.type=\"nodegraphics\"/>\n");
    Network net;
    parse_graphml(net, text);
    const auto a = net.at("a"), b = net.at("b"), c = net.at("c");
    CHECK(net.stakeholder(a).level == Level::state);
    CHECK(net.stakeholder(a).attributes.at("age") == "17");
    CHECK(net.stakeholder(c).stance == Stance::ally);  // the key's default
    CHECK(net.community("community").circle(a) == Circle::core);
    CHECK(net.community("community").circle(b) == Circle::outer);
    CHECK(net.find_tie(a, b, TieKind::influence)->weight == 1.0);
    CHECK(net.find_tie(c, b, TieKind::collaboration)->weight == 0.25);
    CHECK(net.find_tie(a, c, TieKind::authority));
    CHECK(net.tie_count() == 3);
}

TEST_CASE("malformed GraphML raises parse_error with file, line and field; the network is unchanged",
          "[io][graphml]") {
    struct Case {
        const char* what;
        std::string text;
        std::size_t line;
        std::string field;
        std::string message;
    };
    const std::string edge_ab = "<edge source=\"a\" target=\"b\"><data key=\"d2\">influence</data></edge>\n";
    const std::vector<Case> cases{
        {"empty", "", 1, "", "not well-formed XML"},
        {"not XML", "id,name\na,b\n", 1, "", "not well-formed XML"},
        {"unclosed element", "<graphml>\n<graph>\n<node id=\"a\">\n</graph>\n</graphml>\n", 6, "",
         "not well-formed XML"},
        {"wrong root", "<?xml version=\"1.0\"?>\n<gexf/>\n", 2, "", "the root element is not <graphml>"},
        {"no graph", "<graphml>\n<key id=\"k\" for=\"node\"/>\n</graphml>", 1, "", "no <graph> element"},
        {"two graphs", "<graphml>\n<graph/>\n<graph/>\n</graphml>", 3, "", "more than one <graph>"},
        {"DOCTYPE with entities", "<?xml version=\"1.0\"?>\n<!DOCTYPE graphml [<!ENTITY a \"aaaa\">]>\n"
                                  "<graphml><graph><node id=\"&a;\"/></graph></graphml>", 1, "",
         "a DOCTYPE is not allowed"},
        {"node without id", doc("<node/>\n"), 8, "id", "<node> without an id"},
        {"empty node id", doc("<node id=\"\"/>\n"), 8, "id", "<node> without an id"},
        {"duplicate node", doc("<node id=\"a\"/>\n<node id=\"a\"/>\n"), 9, "id", "a"},
        {"edge to an unknown node", doc(ab, "<edge source=\"a\" target=\"zz\"/>\n"), 10, "target",
         "\"zz\" is not a node of the graph"},
        {"edge from an unknown node", doc(ab, "<edge source=\"q\" target=\"a\"/>\n"), 10, "source",
         "\"q\" is not a node of the graph"},
        {"edge without target", doc(ab, "<edge source=\"a\"/>\n"), 10, "target", "<edge> without a target"},
        {"unknown kind", doc(ab, "<edge source=\"a\" target=\"b\"><data key=\"d2\">friendship</data></edge>\n"),
         10, "kind", "friendship"},
        {"weight not a number", doc(ab, "<edge source=\"a\" target=\"b\"><data key=\"d3\">heavy</data></edge>\n"),
         10, "weight", "weight \"heavy\" is not a number"},
        {"weight above 1", doc(ab, "<edge source=\"a\" target=\"b\"><data key=\"d3\">1.5</data></edge>\n"),
         10, "weight", "1.5"},
        {"self-tie", doc(ab, "<edge source=\"a\" target=\"a\"/>\n"), 10, "weight", "self"},
        {"undeclared key", doc("<node id=\"a\"><data key=\"d77\">x</data></node>\n"), 8, "key",
         "key \"d77\" is not declared"},
        {"edge key on a node", doc("<node id=\"a\"><data key=\"d2\">x</data></node>\n"), 8, "kind",
         "key \"d2\" is declared for edge, used on a node"},
        {"unknown level", doc("<node id=\"a\"><data key=\"d0\">regional</data></node>\n"), 8, "level",
         "node \"a\": "},
        {"unknown circle", doc("<node id=\"a\"><data key=\"d1\">middle</data></node>\n"), 8, "circle",
         "middle"},
        {"reserved attribute", doc("<node id=\"a\"><data key=\"k\">x</data></node>\n", "",
                                   "<key id=\"k\" for=\"node\" attr.name=\"id\"/>\n"),
         9, "id", "reserved"},
        {"key declared twice", doc(ab, "", "<key id=\"d0\" for=\"node\" attr.name=\"x\"/>\n"), 7, "id",
         "key \"d0\" is declared twice"},
        {"bad key domain", doc(ab, "", "<key id=\"k\" for=\"vertex\" attr.name=\"x\"/>\n"), 7, "for",
         "\"vertex\" is not a GraphML domain"},
        {"bad edgedefault", "<graphml>\n<graph edgedefault=\"sideways\"/>\n</graphml>", 2, "edgedefault",
         "sideways"},
        {"hyperedge", doc(ab, "<hyperedge><endpoint node=\"a\"/></hyperedge>\n"), 10, "", "hyperedges are not supported"},
        {"nested graph", doc("<node id=\"a\"><graph/></node>\n"), 8, "", "nested graphs are not supported"},
        {"invalid UTF-8", doc("<node id=\"\xff\xfe\"/>\n"), 8, "", "not well-formed XML"},
    };
    for (const Case& c : cases) {
        INFO(c.what);
        Network net = existing_network();
        const Network before = net;
        try {
            parse_graphml(net, c.text, {}, "in.graphml");
            FAIL("no error");
        } catch (const parse_error& e) {
            CHECK(e.file() == "in.graphml");
            CHECK(e.line() == c.line);
            CHECK(e.field() == c.field);
            CHECK_THAT(e.what(), Catch::Contains(c.message));
        }
        CHECK(net == before);
    }
    CHECK_THROWS_AS(read_graphml("/nonexistent/x.graphml"), io_error);
}

TEST_CASE("GraphML writing rejects text that XML cannot hold", "[io][graphml]") {
    Network net;
    net.add_stakeholder({.id = "a", .name = std::string("bell\x07")});
    std::ostringstream out;
    CHECK_THROWS_AS(write_graphml(net, out), invalid_value);
}
