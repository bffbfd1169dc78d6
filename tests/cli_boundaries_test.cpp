// `copnet boundaries`, run as a user runs it: the JSON contract of DESIGN.md §3.2, values that
// agree with the reference tools, and clean failures.
#include <algorithm>
#include <cmath>
#include <fstream>
#include <string>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "cli_run.hpp"

using json = nlohmann::ordered_json;
using copnet::test::Run;
using copnet::test::run;

namespace {

const std::string data = std::string(COPNET_SOURCE_DIR) + "/tests/data/";

std::string krackhardt() {
    return "--nodes '" + data + "krackhardt-hightech.nodes.csv' --ties '" + data +
           "krackhardt-hightech.ties.csv'";
}

bool close_to(const json& ours, const nlohmann::json& ref) {
    if (ref.is_null()) return ours.is_null();
    return std::abs(ours.get<double>() - ref.get<double>()) <= 1e-9;
}

} // namespace

TEST_CASE("boundaries prints the JSON keys of the design", "[cli][boundaries]") {
    const Run r = run("boundaries --format json --permutations 50");
    REQUIRE(r.status == 0);
    CHECK(r.err.empty());
    const json j = json::parse(r.out);
    for (const char* key : {"ei_index", "groups", "mixing", "brokerage", "holes", "assortativity",
                            "spanners", "levels"})
        CHECK(j.contains(key));
    CHECK(j["groups"][0].contains("group"));
    CHECK(j["groups"][0].contains("internal"));
    CHECK(j["groups"][0].contains("external"));
    CHECK(j["groups"][0].contains("ei_index"));
    for (const char* key : {"id", "coordinator", "itinerant", "gatekeeper", "representative",
                            "liaison", "total"})
        CHECK(j["brokerage"][0].contains(key));
    for (const char* key : {"id", "effective_size", "constraint"}) CHECK(j["holes"][0].contains(key));
    for (const char* key : {"id", "betweenness", "cross_group_share"})
        CHECK(j["spanners"][0].contains(key));
    CHECK(j["levels"]["local"]["state"].is_number());
    CHECK(j["mixing"]["youth"]["youth"].is_number());
    // Same seed, same permutation test.
    CHECK(run("boundaries --format json --permutations 50 --threads 1").out == r.out);
}

TEST_CASE("boundaries agrees with R sna and NetworkX on Krackhardt's managers",
          "[cli][boundaries][reference]") {
    const Run r = run("boundaries " + krackhardt() +
                      " --kinds influence --facet department --format json --permutations 0");
    REQUIRE(r.status == 0);
    const json j = json::parse(r.out);
    std::ifstream in(data + "krackhardt-hightech.reference.json");
    const auto ref = nlohmann::json::parse(in).at("kinds").at("influence");
    CHECK(close_to(j["ei_index"], ref["ei_index"]["department"]["whole"]));
    REQUIRE(j["brokerage"].size() == 21);
    for (const auto& row : j["brokerage"]) {
        const auto& raw = ref["brokerage"]["department"]["raw"][row["id"].get<std::string>()];
        CHECK(close_to(row["liaison"], raw["b_O"]));
        CHECK(close_to(row["gatekeeper"], raw["b_OI"]));
        CHECK(close_to(row["total"], raw["t"]));
    }
    for (const auto& row : j["holes"])
        CHECK(close_to(row["constraint"],
                       ref["constraint_directed"][row["id"].get<std::string>()]));
    REQUIRE(!j["spanners"].empty());
    for (const auto& row : j["spanners"])
        CHECK(close_to(row["betweenness"],
                       ref["betweenness_directed"][row["id"].get<std::string>()]));
}

TEST_CASE("boundaries text and CSV output", "[cli][boundaries]") {
    const Run text = run("boundaries " + krackhardt() + " --facet rank --permutations 0");
    REQUIRE(text.status == 0);
    CHECK_THAT(text.out, Catch::Contains("E-I index"));
    CHECK_THAT(text.out, Catch::Contains("vice-president"));
    CHECK_THAT(text.out, Catch::Contains("Boundary spanners"));
    const Run csv = run("boundaries " + krackhardt() + " --facet rank --format csv --permutations 0");
    REQUIRE(csv.status == 0);
    CHECK(csv.out.rfind("id,category,ei_index,", 0) == 0);
    CHECK(std::count(csv.out.begin(), csv.out.end(), '\n') == 22);
}

TEST_CASE("boundaries follows a data set's own relation by name", "[cli][boundaries]") {
    // Krackhardt's friendship, from ties.csv: E-I by department equals the reference value.
    const Run r = run("boundaries " + krackhardt() +
                      " --facet department --relations friendship --permutations 0 --format json");
    REQUIRE(r.status == 0);
    std::ifstream in(data + "krackhardt-hightech.reference.json");
    const auto ref = nlohmann::json::parse(in);
    const double expected =
        ref.at("kinds").at("friendship").at("ei_index").at("department").at("whole").get<double>();
    CHECK(nlohmann::json::parse(r.out).at("ei_index").get<double>() == Approx(expected).margin(1e-12));
}

TEST_CASE("relation lists take formulas: advice not backed by hierarchy", "[cli][relations]") {
    // influence&!authority: Krackhardt's advice ties that are no reporting line.
    const Run all = run("reach " + krackhardt() + " --from A07 --hops 1 --relations influence --format json");
    const Run unbacked = run("reach " + krackhardt() +
                             " --from A07 --hops 1 --relations 'influence & !authority' --format json");
    REQUIRE(all.status == 0);
    REQUIRE(unbacked.status == 0);
    const auto a = nlohmann::json::parse(all.out).at("count").get<int>();
    const auto u = nlohmann::json::parse(unbacked.out).at("count").get<int>();
    CHECK(u < a);  // A07 advises those who report to it, and others
    CHECK(u > 1);
    const Run bad = run("reach " + krackhardt() + " --from A07 --relations 'influence&(authority'");
    CHECK(bad.status != 0);
    CHECK_THAT(bad.err, Catch::Contains("\")\" is missing"));
    const Run none = run("reach " + krackhardt() + " --from A07 --relations '!influence'");
    CHECK_THAT(none.err, Catch::Contains("holds for pairs tied by none"));
}

TEST_CASE("boundaries fails cleanly on bad input", "[cli][boundaries][errors]") {
    struct Case {
        std::string args;
        std::string message;
    };
    const Case cases[] = {
        {"--facet departement", "unknown facet \"departement\""},
        {"--facet circle", "circle"},
        {"--facet stance", "at least two"},
        {"--facet department --samples 0", "samples"},
        // Friendship is one of Krackhardt's relations (the data set is whole); trust is not.
        {"--facet department --kinds trust",
         "unknown relation \"trust\" (this network has authority, influence, collaboration, "
         "friendship"},
        {"--facet department --permutations -1", "--permutations"},
    };
    for (const Case& c : cases) {
        INFO(c.args);
        const Run r = run("boundaries " + krackhardt() + " " + c.args);
        CHECK(r.status != 0);
        CHECK(r.out.empty());
        CHECK_THAT(r.err, Catch::Contains(c.message));
    }
}
