#include <sstream>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "copnet/error.hpp"
#include "copnet/events.hpp"
#include "copnet/io/gexf.hpp"
#include "io_common.hpp"
#include "peer_files.hpp"

using namespace copnet;
using copnet::test::existing_network;

namespace {

std::string gexf_of(const Network& net, GexfWriteOptions o = {}, const EventLog* log = nullptr) {
    std::ostringstream out;
    write_gexf(net, out, o, log);
    return out.str();
}

Network parse(const std::string& text, EventLog* log = nullptr) {
    Network net;
    parse_gexf(net, text, {}, "t.gexf", log);
    return net;
}

std::string doc(const std::string& body, const std::string& graph_attributes = "defaultedgetype=\"directed\"") {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<gexf xmlns=\"http://gexf.net/1.3\" version=\"1.3\">\n<graph " +
           graph_attributes + ">\n" + body + "</graph>\n</gexf>\n";
}

} // namespace

TEST_CASE("GEXF round trip keeps stakeholders, fields, circles, relations and values", "[io][gexf]") {
    const Network original = copnet::test::research_network();
    for (const char* version : {"1.3", "1.2draft"}) {
        INFO(version);
        CHECK(parse(gexf_of(original, {.version = version})) == original);
    }
    CHECK_THROWS_AS(gexf_of(original, {.version = "2.0"}), invalid_value);
}

TEST_CASE("GEXF written by NetworkX reads with every field it wrote", "[io][gexf]") {
    copnet::test::check_peer_network(read_gexf(copnet::test::formats_dir() / "networkx.gexf"), true, true);
}

TEST_CASE("GEXF spells are events, written back as spells of the ties", "[io][gexf]") {
    EventLog log;
    const Network net = parse(doc("<attributes class=\"node\"><attribute id=\"0\" title=\"sector\" type=\"string\">"
                                  "<default>families</default></attribute></attributes>\n"
                                  "<nodes><node id=\"a\" label=\"Ana\"/><node id=\"b\"><attvalues><attvalue for=\"0\" "
                                  "value=\"schools\"/></attvalues></node></nodes>\n"
                                  "<edges><edge source=\"a\" target=\"b\" kind=\"messages\" weight=\"2\">"
                                  "<spells><spell start=\"2024-03-05\" end=\"2024-03-06\"/><spell start=\"2024-01-02\"/>"
                                  "</spells></edge>\n<edge source=\"b\" target=\"a\" type=\"undirected\"/></edges>\n",
                                  "defaultedgetype=\"directed\" mode=\"dynamic\" timeformat=\"date\""),
                              &log);
    CHECK(net.stakeholder(net.at("a")).name == "Ana");
    CHECK(net.stakeholder(net.at("a")).sector == "families");  // the attribute's default
    CHECK(net.stakeholder(net.at("b")).sector == "schools");
    const TieKind messages = *net.find_relation("messages");
    CHECK(net.relation(messages).scale == Scale::count);
    CHECK(net.relation(*net.find_relation("edge")).mutual());
    REQUIRE(log.size() == 2);
    CHECK(log.kind() == TimeKind::date);
    CHECK(format_time(log.time(0), log.kind()) == "2024-01-02");  // sorted by time
    CHECK(log.relation(1) == messages);
    CHECK(log.value(1) == 2);
    // Written back: the same spells.
    EventLog again;
    const Network back = parse(gexf_of(net, {}, &log), &again);
    CHECK(back == net);
    CHECK(again.size() == 2);
    CHECK(again.time(1) == log.time(1));
}

TEST_CASE("malformed GEXF: an error naming file, line and field; nothing loaded", "[io][gexf]") {
    struct Case {
        std::string text;
        std::string expected;
    };
    const std::vector<Case> cases = {
        {doc("<nodes><node id=\"a\"/>"), "t.gexf:"},  // truncated
        {"<graphml/>", "t.gexf:1: the root element is <graphml>, not <gexf>"},
        {"<gexf/>", "no <graph> element"},
        {doc("<nodes><node label=\"x\"/></nodes>"), "t.gexf:4: id: a <node> without an id"},
        {doc("<nodes><node id=\"a\"/><node id=\"a\"/></nodes>"), "t.gexf:4: id: id \"a\" is given twice"},
        {doc("<nodes><node id=\"a\"/></nodes>\n<edges><edge source=\"a\" target=\"z\"/></edges>"), "t.gexf:5: target: \"z\" is not a node"},
        {doc("<nodes><node id=\"a\"/><node id=\"b\"/></nodes>\n<edges><edge source=\"a\" target=\"b\" weight=\"w\"/></edges>"), "t.gexf:5: weight: \"w\" is not a number"},
        {doc("<nodes><node id=\"a\"/><node id=\"b\"/></nodes>\n<edges><edge source=\"a\" target=\"b\" type=\"sideways\"/></edges>"), "t.gexf:5: type:"},
        {doc("<nodes><node id=\"a\"/><node id=\"b\"/></nodes>\n<edges><edge source=\"a\" target=\"b\" start=\"2024-13-01\"/></edges>"), "t.gexf:5: start:"},
        {doc("<nodes><node id=\"a\"><attvalues><attvalue for=\"9\" value=\"x\"/></attvalues></node></nodes>"), "t.gexf:4: for: attribute \"9\" is not declared"},
        {doc("<attributes class=\"node\"><attribute id=\"0\" title=\"level\"/></attributes>\n<nodes><node id=\"a\"><attvalues><attvalue for=\"0\" value=\"regional\"/></attvalues></node></nodes>"), "t.gexf:5: level: \"a\":"},
        {doc("<nodes><node id=\"a\"><nodes/></node></nodes>"), "nested nodes"},
        {"<!DOCTYPE gexf [<!ENTITY x \"y\">]><gexf/>", "a DOCTYPE is not allowed"},
        {doc("", "defaultedgetype=\"sideways\""), "t.gexf:3: defaultedgetype: \"sideways\" is not directed"},
    };
    for (const Case& c : cases) {
        INFO(c.text);
        Network net = existing_network();
        const Network before = net;
        try {
            parse_gexf(net, c.text, {}, "t.gexf");
            FAIL("no error");
        } catch (const parse_error& e) {
            CHECK_THAT(e.what(), Catch::Contains(c.expected));
            CHECK(e.file() == "t.gexf");
        }
        CHECK(net == before);
    }
    // Deep nesting.
    std::string deep;
    for (int i = 0; i < 200; ++i) deep += "<x>";
    for (int i = 0; i < 200; ++i) deep += "</x>";
    CHECK_THROWS_WITH(parse("<gexf>" + deep + "</gexf>"), Catch::Contains("nested more than 128"));
}
