#include <sstream>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "copnet/error.hpp"
#include "copnet/io/json.hpp"
#include "io_common.hpp"

using namespace copnet;
using copnet::test::existing_network;
using copnet::test::load_example;
using copnet::test::tiny_network;

namespace {

std::string json_of(const Network& net) {
    std::ostringstream out;
    write_json(net, out);
    return out.str();
}

std::string doc(const std::string& nodes, const std::string& links = "") {
    return R"({"directed": true, "multigraph": true, "graph": {}, "nodes": [)" + nodes +
           R"(], "links": [)" + links + "]}";
}

const std::string ab = R"({"id": "a"}, {"id": "b"})";

} // namespace

TEST_CASE("node-link JSON round-trips both bundled examples losslessly", "[io][json]") {
    for (const char* name : {"state-employment", "school-behavioral-health"}) {
        INFO(name);
        const Network net = load_example(name);
        Network back = existing_network();
        parse_json(back, json_of(net));
        CHECK(back == net);
        CHECK(back.community("community").domain() == net.community("community").domain());
        CHECK(std::vector<std::string>(back.attribute_names().begin(), back.attribute_names().end()) ==
              std::vector<std::string>(net.attribute_names().begin(), net.attribute_names().end()));
    }
}

TEST_CASE("node-link JSON keeps odd text, every community and exact weights", "[io][json]") {
    const Network net = tiny_network();
    Network back;
    parse_json(back, json_of(net));
    REQUIRE(back == net);
    CHECK(back.find_tie(back.at("a-1"), back.at("b 2"), TieKind::influence)->weight == 1.0 / 3.0);
    CHECK(back.community("empty one").domain() == "nobody yet");
}

TEST_CASE("node-link JSON as NetworkX writes it: numbers, null, plain circle, no kind", "[io][json]") {
    const std::string text =
        R"({"directed": false, "multigraph": false, "graph": {"name": "x"},
            "nodes": [{"id": 1, "circle": "inner", "age": 41, "ok": true, "skip": null},
                      {"id": "2", "level": "National"}],
            "links": [{"source": 1, "target": "2", "weight": 0.5}, {"source": "2", "target": 1, "kind": "authority"}]})";
    Network net;
    parse_json(net, text);
    const auto a = net.at("1"), b = net.at("2");
    CHECK(net.stakeholder(a).attributes.at("age") == "41");
    CHECK(net.stakeholder(a).attributes.at("ok") == "true");
    CHECK(net.stakeholder(a).attributes.count("skip") == 0);
    CHECK(net.stakeholder(b).level == Level::national);
    CHECK(net.community("community").circle(a) == Circle::inner);
    CHECK(net.find_tie(a, b, TieKind::collaboration)->weight == 0.5);
    CHECK(net.find_tie(b, a, TieKind::authority)->weight == 1.0);
}

TEST_CASE("malformed node-link JSON raises parse_error naming the field; the network is unchanged",
          "[io][json]") {
    struct Case {
        const char* what;
        std::string text;
        std::size_t line;
        std::string field;
        std::string message;
    };
    const std::vector<Case> cases{
        {"empty", "", 1, "", "not valid JSON"},
        {"syntax error on line 3", "{\n\"nodes\": [\n{\"id\": \"a\",}\n]}", 3, "", "not valid JSON: syntax error"},
        {"truncated", doc(ab).substr(0, 40), 1, "", "not valid JSON"},
        {"top level is a list", "[1, 2]", 0, "", "the top level is not a JSON object"},
        {"no nodes", R"({"links": []})", 0, "nodes", "missing"},
        {"nodes not a list", R"({"nodes": {}})", 0, "nodes", "not a list"},
        {"links not a list", R"({"nodes": [], "links": 3})", 0, "links", "not a list"},
        {"directed not a boolean", R"({"directed": "yes", "nodes": []})", 0, "directed", "not true or false"},
        {"graph not an object", R"({"graph": [], "nodes": []})", 0, "graph", "not a JSON object"},
        {"node not an object", doc("3"), 0, "nodes[0]", "not a JSON object"},
        {"node without id", doc(R"({"name": "x"})"), 0, "nodes[0].id", "missing"},
        {"empty id", doc(R"({"id": ""})"), 0, "nodes[0].id", "empty"},
        {"duplicate id", doc(R"({"id": "a"}, {"id": "a"})"), 0, "nodes[1].id", "a"},
        {"list as a value", doc(R"({"id": "a", "tags": [1, 2]})"), 0, "nodes[0].tags", "a list or object"},
        {"unknown level", doc(R"({"id": "a", "level": "regional"})"), 0, "nodes[0].level", "regional"},
        {"unknown stance", doc(R"({"id": "a", "stance": "hostile"})"), 0, "nodes[0].stance", "hostile"},
        {"unknown circle", doc(R"({"id": "a", "circle:cop": "middle"})"), 0, "nodes[0].circle:cop", "middle"},
        {"link to an unknown node", doc(ab, R"({"source": "a", "target": "z"})"), 0, "links[0].target",
         "\"z\" is not a node"},
        {"link without source", doc(ab, R"({"target": "a"})"), 0, "links[0].source", "missing"},
        // An undeclared name is a relation of role other (relation_test.cpp); an empty one is not.
        {"empty relation name", doc(ab, R"({"source": "a", "target": "b", "kind": " "})"), 0, "links[0].kind",
         "a relation needs a name"},
        {"kind not a string", doc(ab, R"({"source": "a", "target": "b", "kind": 2})"), 0, "links[0].kind", "not a string"},
        {"weight above 1", doc(ab, R"({"source": "a", "target": "b", "weight": 3})"), 0, "links[0].weight", "3"},
        {"weight not a number", doc(ab, R"({"source": "a", "target": "b", "weight": [1]})"), 0, "links[0].weight",
         "not a number"},
        {"self-tie", doc(ab, R"({"source": "a", "target": "a"})"), 0, "links[0].weight", "self"},
        {"link not an object", doc(ab, "null"), 0, "links[0]", "not a JSON object"},
        {"attribute_names not a list", R"({"graph": {"attribute_names": "x"}, "nodes": []})", 0,
         "graph.attribute_names", "not a list"},
        {"reserved attribute name", R"({"graph": {"attribute_names": ["sector"]}, "nodes": []})", 0,
         "graph.attribute_names[0]", "sector"},
        {"invalid UTF-8", doc("{\"id\": \"\xff\"}"), 1, "", "not valid JSON"},
    };
    for (const Case& c : cases) {
        INFO(c.what);
        Network net = existing_network();
        const Network before = net;
        try {
            parse_json(net, c.text, {}, "in.json");
            FAIL("no error");
        } catch (const parse_error& e) {
            CHECK(e.file() == "in.json");
            CHECK(e.line() == c.line);
            CHECK(e.field() == c.field);
            CHECK_THAT(e.what(), Catch::Contains(c.message));
        }
        CHECK(net == before);
    }
}

TEST_CASE("node-link JSON writing rejects text that is not UTF-8", "[io][json]") {
    Network net;
    net.add_stakeholder({.id = "a", .name = std::string("\xff")});
    std::ostringstream out;
    CHECK_THROWS_AS(write_json(net, out), invalid_value);
}
