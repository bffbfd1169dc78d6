// `copnet centrality` and `copnet network`, run as a user runs them: the JSON keys of
// DESIGN.md §3.6, values that agree with NetworkX's references, a CSV table, clean failures.
#include <algorithm>
#include <cmath>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "cli_run.hpp"

using json = nlohmann::ordered_json;
using copnet::test::Run;
using copnet::test::run;

namespace {

const std::string data = std::string(COPNET_SOURCE_DIR) + "/tests/data/";

std::string padgett() {
    return "--relations-file '" + data + "padgett-florentine.relations.csv' --nodes '" + data +
           "padgett-florentine.nodes.csv' --ties '" + data + "padgett-florentine.ties.csv'";
}

} // namespace

TEST_CASE("network prints the JSON keys of the design", "[cli][network]") {
    const Run r = run("network --format json");
    REQUIRE(r.status == 0);
    CHECK(r.err.empty());
    const json j = json::parse(r.out);
    for (const char* key : {"stakeholders", "ties", "density", "reciprocity", "dyad_census",
                            "triad_census", "transitivity", "components", "diameter",
                            "average_distance", "degree_assortativity", "cutpoints"})
        CHECK(j.contains(key));
    for (const char* key : {"edgewise", "dyadic", "dyadic_nonnull"}) CHECK(j["reciprocity"].contains(key));
    for (const char* key : {"mutual", "asymmetric", "null"}) CHECK(j["dyad_census"].contains(key));
    CHECK(j["triad_census"].size() == 16);
    CHECK(j["triad_census"].contains("003"));
    CHECK(j["triad_census"].contains("300"));
    for (const char* key : {"weak", "strong"}) {
        CHECK(j["components"].contains(key));
        CHECK(j["cutpoints"].contains(key));
    }
}

TEST_CASE("network on a mutual relation is the undirected graph", "[cli][network]") {
    // Padgett's marriage ties (mutual): 16 families, 20 marriages, one isolate (Pucci), so two
    // weak components (../shared/data/padgett-florentine.reference.json: strong 2, weak 2).
    const Run r = run("network --format json --relations marriage " + padgett());
    REQUIRE(r.status == 0);
    const json j = json::parse(r.out);
    CHECK(j["undirected"] == true);
    CHECK(j["stakeholders"] == 16);
    CHECK(j["ties"] == 20);
    CHECK(j["components"]["weak"] == 2);
    CHECK(j["components"]["strong"] == 2);
}

TEST_CASE("centrality rows agree with NetworkX's reference", "[cli][centrality]") {
    // tests/data/padgett-florentine.reference.json, kinds.marriage: betweenness_undirected =
    // networkx.betweenness_centrality(U, normalized=False), core_number = core_number(U).
    const Run r = run("centrality --format json --relations marriage " + padgett());
    REQUIRE(r.status == 0);
    CHECK(r.err.empty());
    const json j = json::parse(r.out);
    std::ifstream in(data + "padgett-florentine.reference.json");
    const auto ref = nlohmann::json::parse(in).at("kinds").at("marriage");
    REQUIRE(j["stakeholders"].size() == 16);
    for (const auto& row : j["stakeholders"]) {
        const std::string id = row["id"];
        INFO(id);
        for (const char* key : {"degree", "in_degree", "out_degree", "strength", "betweenness",
                                "closeness", "harmonic", "pagerank", "eigenvector", "coreness",
                                "constraint", "effective_size", "reciprocity"})
            CHECK(row.contains(key));
        CHECK(std::abs(row["betweenness"].get<double>() -
                       ref.at("betweenness_undirected").at(id).get<double>()) <= 1e-9);
        CHECK(row["coreness"] == ref.at("core_number").at(id));
    }
}

TEST_CASE("centrality as CSV is one table: id and a column per measure", "[cli][centrality]") {
    const Run r = run("centrality --format csv --measures degree,pagerank,constraint");
    REQUIRE(r.status == 0);
    std::istringstream lines(r.out);
    std::string header;
    std::getline(lines, header);
    CHECK(header == "id,degree,pagerank,constraint");
    std::size_t rows = 0;
    for (std::string line; std::getline(lines, line);) {
        CHECK(std::count(line.begin(), line.end(), ',') == 3);
        ++rows;
    }
    CHECK(rows == 61);  // the bundled example's stakeholders
}

TEST_CASE("bad centrality options fail cleanly", "[cli][centrality]") {
    struct Case {
        std::string args, message;
    };
    const std::vector<Case> cases = {
        {"centrality --measures degree,pagerankk", "pagerankk"},
        {"centrality --measures betweenness --samples 0", "between 1 and the number of stakeholders"},
        {"centrality --measures betweenness --samples 1000", "between 1 and the number of stakeholders"},
        {"centrality --cores sideways", "sideways"},
    };
    for (const auto& c : cases) {
        INFO(c.args);
        const Run r = run(c.args);
        CHECK(r.status != 0);
        CHECK(r.out.empty());
        CHECK(r.err.find(c.message) != std::string::npos);
    }
}
