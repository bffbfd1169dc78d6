#include <sstream>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "copnet/error.hpp"
#include "copnet/io/gml.hpp"
#include "io_common.hpp"
#include "peer_files.hpp"

using namespace copnet;
using copnet::test::existing_network;

namespace {

std::string gml_of(const Network& net) {
    std::ostringstream out;
    write_gml(net, out);
    return out.str();
}

Network parse(const std::string& text, const GmlOptions& o = {}) {
    Network net;
    parse_gml(net, text, o, "t.gml");
    return net;
}

} // namespace

TEST_CASE("GML round trip keeps stakeholders, fields, circles, relations and values", "[io][gml]") {
    Network original = copnet::test::research_network();
    // Text GML spells with references: quotes, ampersands, line breaks, non-ASCII; a field
    // name that is no GML key.
    const auto a = original.add_stakeholder({.id = "Ünal \"Bea\" & co", .name = "line1\nline2",
                                             .attributes = {{"home town", "Zürich"}}});
    original.add_tie(a, original.at("sa-01"), *original.find_relation("messages"), 7);
    const std::string text = gml_of(original);
    CHECK_THAT(text, Catch::Contains("&#220;nal &#34;Bea&#34; &#38; co") &&
                         Catch::Contains("copnet_field [ name \"home town\""));
    CHECK(parse(text) == original);
}

TEST_CASE("GML written by NetworkX and igraph reads with every field they wrote", "[io][gml]") {
    const auto dir = copnet::test::formats_dir();
    copnet::test::check_peer_network(read_gml(dir / "networkx.gml"), true, true);  // label = id
    copnet::test::check_peer_network(read_gml(dir / "igraph.gml"), true, true);    // name = id
}

TEST_CASE("GML: ids by label, name or number; nested lists skipped; undirected edges", "[io][gml]") {
    const Network net = parse("# a comment\nCreator \"x\"\ngraph [ directed 0\n"
                              "  node [ id 7 label \"a\" name \"Ana\" graphics [ x 1 y [ z 2 ] ] size 3 ]\n"
                              "  node [ id 8 ]\n"
                              "  edge [ source 8 target 7 value 4 ]\n"
                              "  edge [ source 7 target 8 key \"advice\" ]\n]\n");
    CHECK(net.stakeholder(net.at("a")).name == "Ana");
    CHECK(net.stakeholder(net.at("a")).attributes.at("size") == "3");
    CHECK(net.find("8"));
    const TieKind edge = *net.find_relation("edge");
    CHECK(net.relation(edge).mutual());
    CHECK(net.relation(edge).scale == Scale::count);
    CHECK(net.find_tie(net.at("a"), net.at("8"), edge)->weight == 4);
    CHECK(net.find_tie(net.at("a"), net.at("8"), *net.find_relation("advice")));
}

TEST_CASE("malformed GML: an error naming file, line and key; nothing loaded", "[io][gml]") {
    struct Case {
        std::string text;
        std::string expected;
    };
    const std::vector<Case> cases = {
        {"graph [\n node [ id 0 label \"a\" ]\n", "t.gml:3: graph: graph [ is not closed"},
        {"graph [\n node [ id 0 label \"a ]\n]\n", "a string that is not closed"},
        {"graph [\n node [ label \"a\" ]\n]\n", "t.gml:2: id: a node without an id"},
        {"graph [\n node [ id 0 label \"a\" ]\n node [ id 0 label \"b\" ]\n]\n", "t.gml:3: id: node id 0 is given twice"},
        {"graph [\n node [ id 0 label \"a\" ]\n edge [ source 0 target 5 ]\n]\n", "t.gml:3: target: edge target 5 is not the id of a node"},
        {"graph [\n node [ id 0 label \"a\" ]\n node [ id 1 ]\n edge [ source 0 target 1 weight heavy ]\n]\n", "t.gml:4: weight: \"heavy\" is not a number"},
        {"graph [\n node [ id 0 label \"a\" ]\n node [ id 1 ]\n edge [ source 0 target 1 weight nan ]\n]\n", "t.gml:4: weight:"},
        {"graph [\n node [ id 0 level \"regional\" ]\n]\n", "t.gml:2: level: \"0\":"},
        {"graph [\n node [ id 0 label \"&#0;\" ]\n]\n", "t.gml:2: label: \"&#0;\" is not a character"},
        {"graph [ directed 2 ]", "t.gml:1: directed: \"2\" is not 0 or 1"},
        {"graph [ 12 ]", "t.gml:1: expected a key"},
        {"graph [ node [ id 0 ] edge [ source 0 ] ]", "t.gml:1: target: an edge without a target"},
        {"graph [ node [ id 0 label ] ]", "t.gml:1: label: a key without a value"},
        {"creator \"x\"", "no graph [ … ] in the file"},
        {"graph [ x " + std::string(200, '[') + "]", "lists nested more than 128 deep"},
        {"graph [ 1abc 2 ]", "\"1abc\" is neither a key, a number nor a string"},
        {"graph [ relations \"name,role&#10;x,nonsense&#10;\" ]", "t.gml:1: relations:"},
    };
    for (const Case& c : cases) {
        INFO(c.text);
        Network net = existing_network();
        const Network before = net;
        try {
            parse_gml(net, c.text, {}, "t.gml");
            FAIL("no error");
        } catch (const parse_error& e) {
            CHECK_THAT(e.what(), Catch::Contains(c.expected));
            CHECK(e.file() == "t.gml");
        }
        CHECK(net == before);
    }
}
