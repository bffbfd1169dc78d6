#include <filesystem>
#include <fstream>
#include <map>
#include <string>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "copnet/analysis/circles.hpp"
#include "copnet/io/csv.hpp"

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
        const Network net = read_csv(data / (std::string(name) + ".nodes.csv"),
                                     data / (std::string(name) + ".ties.csv"));
        std::ifstream in(data / (std::string(name) + ".reference.json"));
        const auto ref = nlohmann::json::parse(in);
        for (const auto& [kind, values] : ref.at("kinds").items()) {
            INFO(kind);
            if (!values.contains("core_number")) continue;
            const auto& expected = values.at("core_number");
            for (const Coreness& c : coreness(net, {.filter = TieFilter::of({parse_tie_kind(kind)})})) {
                const std::string& id = net.stakeholder(c.who).id;
                CHECK(c.k == expected.at(id).get<std::uint32_t>());
                ++checked;
            }
        }
    }
    CHECK(checked > 300);
}
