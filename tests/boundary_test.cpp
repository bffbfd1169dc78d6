// Boundary-crossing measures against R sna, NetworkX and the E-I definition on real data
// (tests/data/*.reference.json), against NetworkX on seeded invented fixtures, and on
// hand-built landscapes.
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "copnet/analysis/boundary.hpp"
#include "copnet/error.hpp"
#include "copnet/io/csv.hpp"

using namespace copnet;
namespace fs = std::filesystem;

namespace {

const fs::path data = fs::path(COPNET_SOURCE_DIR) / "tests" / "data";
const char* const real_sets[] = {"krackhardt-hightech", "lazega-lawfirm", "ckm-physicians",
                                 "padgett-florentine"};

Network load(const std::string& name) {
    return read_csv(data / (name + ".nodes.csv"), data / (name + ".ties.csv"));
}

nlohmann::json reference(const std::string& name) {
    std::ifstream in(data / (name + ".reference.json"));
    return nlohmann::json::parse(in);
}

/// `ours` equals the reference value within 1e-9; a null reference (NaN or ±inf in the tool,
/// which JSON cannot hold) must be non-finite here.
bool agrees(double ours, const nlohmann::json& ref) {
    if (ref.is_null()) return !std::isfinite(ours);
    return std::abs(ours - ref.get<double>()) <= 1e-9 * std::max(1.0, std::abs(ref.get<double>()));
}

#define CHECK_AGREES(ours, ref)                                                                  \
    do {                                                                                         \
        INFO(#ours << " = " << (ours) << ", reference " << (ref).dump());                        \
        CHECK(agrees((ours), (ref)));                                                            \
    } while (false)

} // namespace

TEST_CASE("E-I index agrees with its definition on real networks", "[boundary][ei][reference]") {
    std::size_t checked = 0;
    for (const char* name : real_sets) {
        INFO(name);
        const Network net = load(name);
        const auto ref = reference(name);
        for (const auto& [kind, values] : ref.at("kinds").items()) {
            for (const auto& [facet, ei] : values.at("ei_index").items()) {
                INFO(kind << " by " << facet);
                const EIResult r = ei_index(net, facet,
                                            {.filter = TieFilter::of({parse_tie_kind(kind)}),
                                             .permutations = 0});
                CHECK(r.external == ei.at("E").get<std::size_t>());
                CHECK(r.internal == ei.at("I").get<std::size_t>());
                CHECK_AGREES(r.ei_index, ei.at("whole"));
                REQUIRE(r.groups.size() == ei.at("groups").size());
                for (const GroupEI& g : r.groups) {
                    const auto& x = ei.at("groups").at(g.group);
                    CHECK(g.size == x.at("size").get<std::size_t>());
                    CHECK(g.external == x.at("E").get<std::size_t>());
                    CHECK(g.internal == x.at("I").get<std::size_t>());
                    CHECK_AGREES(g.ei_index, x.at("ei"));
                }
                for (const StakeholderEI& s : r.stakeholders) {
                    CHECK_AGREES(s.ei_index, ei.at("nodes").at(net.stakeholder(s.who).id));
                    ++checked;
                }
            }
        }
    }
    CHECK(checked > 1000);
}

TEST_CASE("brokerage agrees with R sna::brokerage on real networks",
          "[boundary][brokerage][reference]") {
    std::size_t checked = 0;
    for (const char* name : real_sets) {
        INFO(name);
        const Network net = load(name);
        const auto ref = reference(name);
        for (const auto& [kind, values] : ref.at("kinds").items()) {
            for (const auto& [facet, b] : values.at("brokerage").items()) {
                INFO(kind << " by " << facet);
                for (unsigned threads : {1U, 2U}) {
                    const BrokerageResult r = brokerage(
                        net, facet, {.filter = TieFilter::of({parse_tie_kind(kind)}),
                                     .threads = threads});
                    for (const Brokerage& x : r.stakeholders) {
                        const std::string& id = net.stakeholder(x.who).id;
                        INFO(id);
                        const auto part = [&](const char* which, const BrokerageRoles& roles) {
                            const auto& y = b.at(which).at(id);
                            CHECK_AGREES(roles.coordinator, y.at("w_I"));
                            CHECK_AGREES(roles.itinerant, y.at("w_O"));
                            CHECK_AGREES(roles.representative, y.at("b_IO"));
                            CHECK_AGREES(roles.gatekeeper, y.at("b_OI"));
                            CHECK_AGREES(roles.liaison, y.at("b_O"));
                            CHECK_AGREES(roles.total, y.at("t"));
                        };
                        part("raw", x.raw);
                        part("expected", x.expected);
                        part("z", x.z);
                        ++checked;
                    }
                }
            }
        }
    }
    CHECK(checked > 1000);
}

TEST_CASE("structural holes agree with NetworkX on real networks", "[boundary][holes][reference]") {
    std::size_t checked = 0;
    for (const char* name : real_sets) {
        INFO(name);
        const Network net = load(name);
        const auto ref = reference(name);
        for (const auto& [kind, values] : ref.at("kinds").items()) {
            for (bool undirected : {false, true}) {
                const std::string suffix = undirected ? "_undirected" : "_directed";
                INFO(kind << suffix);
                const auto holes = structural_holes(
                    net, {.filter = TieFilter::of({parse_tie_kind(kind)}), .undirected = undirected});
                for (const StructuralHoles& h : holes) {
                    const std::string& id = net.stakeholder(h.who).id;
                    INFO(id);
                    CHECK_AGREES(h.constraint, values.at("constraint" + suffix).at(id));
                    CHECK_AGREES(h.effective_size, values.at("effective_size" + suffix).at(id));
                    ++checked;
                }
            }
        }
    }
    CHECK(checked > 1000);
}

TEST_CASE("betweenness agrees with NetworkX on real networks, whatever the threads",
          "[boundary][betweenness][reference]") {
    std::size_t checked = 0;
    for (const char* name : real_sets) {
        INFO(name);
        const Network net = load(name);
        const auto ref = reference(name);
        for (const auto& [kind, values] : ref.at("kinds").items()) {
            for (bool undirected : {false, true}) {
                const std::string key =
                    undirected ? "betweenness_undirected" : "betweenness_directed";
                INFO(kind << ' ' << key);
                const BetweennessOptions o{.filter = TieFilter::of({parse_tie_kind(kind)}),
                                           .undirected = undirected, .threads = 1};
                const auto one = betweenness(net, o);
                auto o2 = o;
                o2.threads = 2;
                const auto two = betweenness(net, o2);
                REQUIRE(one.size() == two.size());
                for (std::size_t i = 0; i < one.size(); ++i) {
                    CHECK_AGREES(one[i].value, values.at(key).at(net.stakeholder(one[i].who).id));
                    CHECK(one[i].value == two[i].value);  // bit for bit
                    ++checked;
                }
            }
        }
    }
    CHECK(checked > 1000);
}
