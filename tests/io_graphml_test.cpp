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
        // An undeclared name is a relation of role other (relation_test.cpp); an empty one is not.
        {"empty relation name", doc(ab, "<edge source=\"a\" target=\"b\"><data key=\"d2\"> </data></edge>\n"),
         10, "kind", "a relation needs a name"},
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

// ---- hostile and large inputs (issue 16: items 5-8) --------------------------------------------

namespace {

// `k` node keys a0…a{k-1}, each with `<default>` `value`, and `n` nodes without data.
std::string defaults_doc(std::size_t k, std::size_t n, const std::string& value = "v") {
    std::string s = "<?xml version=\"1.0\"?>\n<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n";
    for (std::size_t i = 0; i < k; ++i)
        s += "<key id=\"k" + std::to_string(i) + "\" for=\"node\" attr.name=\"a" + std::to_string(i) +
             "\" attr.type=\"string\"><default>" + value + "</default></key>\n";
    s += "<graph edgedefault=\"directed\">\n";
    for (std::size_t i = 0; i < n; ++i) s += "<node id=\"n" + std::to_string(i) + "\"/>\n";
    return s + "</graph>\n</graphml>\n";
}

// The parse_error `text` raises (FAIL if it reads), after checking that `net` is unchanged.
parse_error error_of(const std::string& text, Network net = existing_network()) {
    const Network before = net;
    try {
        parse_graphml(net, text, {}, "in.graphml");
    } catch (const parse_error& e) {
        CHECK(net == before);
        return e;
    }
    FAIL("no error");
    return parse_error("", 0, "", "");
}

} // namespace

TEST_CASE("GraphML <default>s fill nodes, but cannot make more than the document allows", "[io][graphml]") {
    SECTION("a few defaults over many nodes are filled in") {
        Network net;
        parse_graphml(net, defaults_doc(8, 3000));
        REQUIRE(net.stakeholder_count() == 3000);
        CHECK(net.stakeholder(net.at("n2999")).attributes.size() == 8);
        CHECK(net.stakeholder(net.at("n0")).attributes.at("a7") == "v");
    }
    SECTION("many defaults times many nodes is rejected, naming line and key") {
        // 1000 keys x 10,000 nodes would make 10 million attribute values from 250 KB.
        const std::string text = defaults_doc(1000, 10000);
        const parse_error e = error_of(text);
        CHECK(e.line() > 1000);  // a node's line, after the 1000 keys
        CHECK_THAT(e.field(), Catch::StartsWith("a"));
        CHECK_THAT(e.message(), Catch::Contains("<default>") && Catch::Contains("16 times its size"));
    }
    SECTION("a default that means no value costs nothing") {
        Network net;
        parse_graphml(net, defaults_doc(1000, 10000, ""));
        CHECK(net.stakeholder_count() == 10000);
        CHECK(net.stakeholder(net.at("n77")).attributes.empty());
        CHECK(net.attribute_names().size() == 1000);
    }
    SECTION("a long attribute name copied into every node counts too") {
        const std::string long_name(100000, 'x');
        std::string s = "<graphml><key id=\"k\" for=\"node\" attr.name=\"" + long_name + "\"/><graph>\n";
        for (int i = 0; i < 100; ++i) s += "<node id=\"n" + std::to_string(i) + "\"><data key=\"k\">1</data></node>\n";
        const parse_error e = error_of(s + "</graph></graphml>");
        CHECK(e.field() == long_name);
        CHECK(e.line() > 1);
    }
    SECTION("defaults apply in key order: the last of a name wins, the first bad one fails") {
        const std::string keys = "<graphml><key id=\"x1\" for=\"node\" attr.name=\"x\"><default>1</default></key>"
                                 "<key id=\"x2\" for=\"node\" attr.name=\"x\"><default>2</default></key>"
                                 "<key id=\"l1\" for=\"node\" attr.name=\"level\"><default>state</default></key>";
        Network net;
        parse_graphml(net, keys + "<graph><node id=\"a\"/><node id=\"b\"><data key=\"x1\">9</data></node></graph></graphml>");
        CHECK(net.stakeholder(net.at("a")).attributes.at("x") == "2");
        CHECK(net.stakeholder(net.at("a")).level == Level::state);
        CHECK(net.stakeholder(net.at("b")).attributes.at("x") == "9");  // given: no default of that name
        const parse_error e = error_of(keys + "<key id=\"l2\" for=\"node\" attr.name=\"level\"><default>regional</default></key>"
                                              "<graph>\n<node id=\"a\"/></graph></graphml>");
        CHECK(e.line() == 2);
        CHECK(e.field() == "level");
        CHECK_THAT(e.message(), Catch::Contains("node \"a\"") && Catch::Contains("regional"));
    }
}

TEST_CASE("GraphML with many keys and many nodes reads correctly", "[io][graphml]") {
    // 5000 unnamed keys (yEd's graphics keys have no attr.name) with defaults, 50 named ones,
    // 4000 nodes each giving one named value: the old reader looked at every key per node.
    std::string s = "<graphml>\n";
    for (int i = 0; i < 5000; ++i) s += "<key id=\"y" + std::to_string(i) + "\" for=\"node\"><default>g</default></key>\n";
    for (int i = 0; i < 50; ++i)
        s += "<key id=\"c" + std::to_string(i) + "\" for=\"node\" attr.name=\"col" + std::to_string(i) + "\"/>\n";
    s += "<key id=\"w\" for=\"edge\" attr.name=\"weight\"><default>0.5</default></key>\n<graph>\n";
    for (int i = 0; i < 4000; ++i)
        s += "<node id=\"n" + std::to_string(i) + "\"><data key=\"c" + std::to_string(i % 50) + "\">" +
             std::to_string(i) + "</data><data key=\"y1\">ignored</data></node>\n";
    for (int i = 1; i < 4000; ++i) s += "<edge source=\"n0\" target=\"n" + std::to_string(i) + "\"/>\n";
    Network net;
    parse_graphml(net, s + "</graph></graphml>");
    CHECK(net.stakeholder_count() == 4000);
    CHECK(net.attribute_names().size() == 50);
    CHECK(net.stakeholder(net.at("n3999")).attributes.size() == 1);
    CHECK(net.stakeholder(net.at("n3999")).attributes.at("col49") == "3999");
    CHECK(net.tie_count() == 3999);
    CHECK(net.find_tie(net.at("n0"), net.at("n17"), TieKind::influence)->weight == 0.5);
}

TEST_CASE("GraphML elements with too many attributes are rejected before libxml2 parses them", "[io][graphml]") {
    auto node_with = [](std::size_t count) {
        std::string s = "<graphml>\n<graph>\n<node id=\"a\"";
        for (std::size_t i = 0; i < count; ++i) s += " x" + std::to_string(i) + "=\"1\"";
        return s + "/>\n</graph>\n</graphml>\n";
    };
    Network net;
    parse_graphml(net, node_with(1000));  // unknown attributes are ignored
    CHECK(net.stakeholder_count() == 1);
    const parse_error e = error_of(node_with(40000));
    CHECK(e.line() == 3);
    CHECK_THAT(e.message(), Catch::Contains("more than 1024 attributes"));
    // Quotes hide '=' inside values, and comments, CDATA and declarations are not tags.
    parse_graphml(net, "<graphml><!-- " + std::string(3000, '=') + " --><graph><node id=\"a\" name=\"" +
                           std::string(3000, '=') + "\"/></graph></graphml>");
    CHECK(net.stakeholder_count() == 1);
    SECTION("also in UTF-16, counted in its code units") {
        const std::string ascii = node_with(2000);
        std::string utf16 = "\xff\xfe";
        for (char ch : ascii) utf16 += std::string{ch, '\0'};
        CHECK_THAT(error_of(utf16).message(), Catch::Contains("more than 1024 attributes"));
        utf16 = "\xff\xfe";
        for (char ch : node_with(3)) utf16 += std::string{ch, '\0'};
        parse_graphml(net, utf16);
        CHECK(net.stakeholder_count() == 1);
    }
    SECTION("encodings whose markup bytes are not ASCII are refused; ISO-8859-1 reads") {
        const parse_error u7 = error_of("<?xml version=\"1.0\" encoding=\"UTF-7\"?>\n<graphml><graph/></graphml>");
        CHECK(u7.line() == 1);
        CHECK_THAT(u7.message(), Catch::Contains("encoding \"utf-7\" is not supported"));
        parse_graphml(net, "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<graphml><graph><node id=\"caf\xe9\"/></graph></graphml>");
        CHECK(net.find("caf\xc3\xa9"));
    }
}

TEST_CASE("GraphML nested deeply is rejected; yEd-style nesting inside data reads", "[io][graphml]") {
    const std::string keys = "<graphml><key id=\"k\" for=\"node\" attr.name=\"note\"/><graph>\n<node id=\"a\"><data key=\"k\">";
    std::string deep = keys;
    for (int i = 0; i < 100000; ++i) deep += "<y>";
    const parse_error e = error_of(deep);
    CHECK(e.line() == 2);
    CHECK_THAT(e.message(), Catch::Contains("nested more than 128 deep"));
    std::string shallow = keys + "top";
    for (int i = 0; i < 20; ++i) shallow += "<y:g xmlns:y=\"urn:y\">inner";
    for (int i = 0; i < 20; ++i) shallow += "</y:g>";
    Network net;
    parse_graphml(net, shallow + "<![CDATA[ & end]]></data></node></graph></graphml>");
    CHECK(net.stakeholder(net.at("a")).attributes.at("note") == "top & end");  // direct text only
}

TEST_CASE("GraphML numbers too large for a double are rejected; long digit strings are text", "[io][graphml]") {
    const parse_error e = error_of(doc(ab, "<edge source=\"a\" target=\"b\"><data key=\"d3\">1e400</data></edge>\n"));
    CHECK(e.line() == 10);
    CHECK(e.field() == "weight");
    CHECK_THAT(e.message(), Catch::Contains("\"1e400\" is not a number"));
    const std::string digits(400, '7');
    Network net;
    parse_graphml(net, doc("<node id=\"" + digits + "\"/><node id=\"b\"/>\n",
                           "<edge source=\"" + digits + "\" target=\"b\"><data key=\"d3\">0." + digits + "</data></edge>\n"));
    CHECK(net.find_tie(net.at(digits), net.at("b"), TieKind::influence)->weight == Approx(0.7777777));
}

TEST_CASE("GraphML that fails late leaves the network unchanged; &amp; and undeclared prefixes read as before",
          "[io][graphml]") {
    std::string nodes;
    for (int i = 0; i < 5000; ++i) nodes += "<node id=\"n" + std::to_string(i) + "\"><data key=\"d0\">local</data></node>\n";
    const parse_error e = error_of(doc(nodes, "<edge source=\"n1\" target=\"n1\"/>\n"));
    CHECK(e.line() == 5008);
    CHECK(e.field() == "weight");
    Network net;
    parse_graphml(net, "<graphml><graph><node id=\"a&amp;b&#38;c\"/><node id=\"x\" q:id=\"no\"/></graph></graphml>");
    CHECK(net.find("a&b&c"));
    CHECK(net.find("x"));  // q:id has an undeclared prefix: its name is "q:id", not "id"
    parse_graphml(net, "<g:graphml xmlns:g=\"urn:g\"><g:graph><g:node id=\"p\"/></g:graph></g:graphml>");
    CHECK(net.find("p"));  // elements are matched by local name, as before
}
