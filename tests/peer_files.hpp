#pragma once
// The research-format fixtures that NetworkX and igraph wrote (tests/data/formats/, made by
// make_peer_files.py), and checks that copnet read from them what the peers wrote.

#include <filesystem>
#include <fstream>
#include <string>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "copnet/io/csv.hpp"
#include "copnet/io/relations.hpp"
#include "copnet/network.hpp"

namespace copnet::test {

inline std::filesystem::path formats_dir() {
    return std::filesystem::path(COPNET_SOURCE_DIR) / "tests" / "data" / "formats";
}

inline nlohmann::json peer_reference() {
    std::ifstream in(formats_dir() / "peer-files.reference.json");
    return nlohmann::json::parse(in);
}

/// Checks that `net` holds the reference's stakeholders (with their fields when `fields`),
/// and its ties with their values (named by relation when `relations`, else all of one
/// relation `unnamed`).
inline void check_peer_network(const Network& net, bool fields, bool relations,
                               const std::string& unnamed = "arc") {
    const nlohmann::json ref = peer_reference();
    REQUIRE(net.stakeholder_count() == ref["stakeholders"].size());
    for (const auto& [id, f] : ref["stakeholders"].items()) {
        INFO(id);
        const auto who = net.find(id);
        REQUIRE(who);
        if (!fields) continue;
        const Stakeholder& s = net.stakeholder(*who);
        CHECK(s.sector == f["sector"].get<std::string>());
        REQUIRE(s.level);
        CHECK(to_string(*s.level) == f["level"].get<std::string>());
        CHECK(s.organization == f["organization"].get<std::string>());
        REQUIRE(s.attributes.count("role") == 1);
        CHECK(s.attributes.at("role") == f["role"].get<std::string>());
    }
    REQUIRE(net.tie_count() == ref["ties"].size());
    for (const auto& t : ref["ties"]) {
        const std::string relation = relations ? t[2].get<std::string>() : unnamed;
        INFO(t.dump());
        const auto kind = net.find_relation(relation);
        REQUIRE(kind);
        const auto tie = net.find_tie(net.at(t[0].get<std::string>()), net.at(t[1].get<std::string>()), *kind);
        REQUIRE(tie);
        CHECK(tie->weight == t[3].get<double>());
    }
}

/// The bundled state-employment example (invented data) with the Padgett marriage relation's
/// kind of declaration: every field the research formats carry (circles, facets, attributes,
/// relations of several roles, directions and scales, values).
inline Network research_network() {
    const auto dir = std::filesystem::path(COPNET_SOURCE_DIR) / "examples" / "data" / "state-employment";
    Network net = read_csv(dir / "nodes.csv", dir / "ties.csv");
    const TieKind messages = net.add_relation(
        {.name = "messages", .role = Role::communication, .scale = Scale::count});
    const TieKind cowork = net.add_relation(
        {.name = "co work", .role = Role::collaboration, .direction = RelationDirection::mutual,
         .scale = Scale::binary});
    std::vector<StakeholderId> ids(net.stakeholders().begin(), net.stakeholders().end());
    for (std::size_t i = 0; i + 1 < ids.size(); i += 3) {
        net.add_tie(ids[i], ids[i + 1], messages, static_cast<double>(i) + 0.25);
        net.add_tie(ids[i + 1], ids[i], cowork, 1);
    }
    return net;
}

} // namespace copnet::test
