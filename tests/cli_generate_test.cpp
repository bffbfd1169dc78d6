// `copnet generate`: the files it writes are the library's landscape; bad options fail cleanly.
#include <filesystem>
#include <string>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "cli_run.hpp"
#include "copnet/generate.hpp"
#include "copnet/io/csv.hpp"
#include "copnet/io/graphml.hpp"

namespace fs = std::filesystem;
using copnet::test::run;

TEST_CASE("copnet generate writes the landscape the library generates", "[cli][generate]") {
    const fs::path dir = copnet::test::unique_temp_path("generated");
    const auto r = run("generate --out '" + dir.string() +
                       "' --stakeholders 3000 --ties 20000 --seed 9 --boundary-share 0.4"
                       " --format json");
    REQUIRE(r.status == 0);
    const auto j = nlohmann::json::parse(r.out);
    CHECK(j.at("stakeholders") == 3000);
    CHECK(j.at("ties") == 20000);
    CHECK(j.at("seed") == 9);
    copnet::LandscapeOptions o;
    o.stakeholders = 3000;
    o.ties = 20000;
    o.seed = 9;
    o.boundary_share = 0.4;
    const copnet::Network written = copnet::read_csv(dir / "nodes.csv", dir / "ties.csv");
    copnet::Network expected = copnet::generate(o);
    expected.community("community").set_domain("");  // CSV has no place for the domain text
    CHECK(written == expected);
    // The text output says the data are invented.
    const auto t = run("generate --out '" + dir.string() + "' --stakeholders 100 --ties 300");
    CHECK(t.status == 0);
    CHECK_THAT(t.out, Catch::Contains("invented"));
    CHECK_FALSE(fs::exists(dir / "landscape.graphml"));
    fs::remove_all(dir);
}

TEST_CASE("copnet generate --graphml writes the same landscape as GraphML", "[cli][generate]") {
    const fs::path dir = copnet::test::unique_temp_path("generated-graphml");
    const auto r = run("generate --out '" + dir.string() +
                       "' --stakeholders 500 --ties 2500 --seed 3 --graphml --format json");
    REQUIRE(r.status == 0);
    const auto j = nlohmann::json::parse(r.out);
    CHECK(j.at("graphml") == (dir / "landscape.graphml").string());
    const copnet::Network from_csv = copnet::read_csv(dir / "nodes.csv", dir / "ties.csv");
    copnet::Network from_graphml = copnet::read_graphml(dir / "landscape.graphml");
    from_graphml.community("community").set_domain("");  // as the CSV pair has it
    CHECK(from_graphml.tie_count() == 2500);
    CHECK(from_graphml == from_csv);
    fs::remove_all(dir);
}

TEST_CASE("copnet generate rejects bad options with a message", "[cli][generate][errors]") {
    const fs::path dir = copnet::test::unique_temp_path("generated");
    auto bad = run("generate --out '" + dir.string() + "' --stakeholders 100 --ties 300"
                   " --boundary-share 2");
    CHECK(bad.status != 0);
    CHECK(bad.out.empty());
    CHECK_THAT(bad.err, Catch::Contains("boundary_share"));
    bad = run("generate --stakeholders 100");  // --out is required
    CHECK(bad.status != 0);
    CHECK(bad.out.empty());
    bad = run("generate --out '" + dir.string() + "' --stakeholders -5");
    CHECK(bad.status != 0);
    CHECK(bad.out.empty());
    CHECK_FALSE(fs::exists(dir / "ties.csv"));
}
