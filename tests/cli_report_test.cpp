#include <filesystem>
#include <fstream>
#include <string>

#include <catch2/catch.hpp>

#include "cli_run.hpp"

using copnet::test::run;
namespace fs = std::filesystem;

namespace {
const std::string data = std::string(COPNET_SOURCE_DIR) + "/tests/data/";
std::string q(const fs::path& p) { return "'" + p.string() + "'"; }
std::string slurp(const fs::path& p) {
    std::ifstream in(p);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}
} // namespace

TEST_CASE("copnet report writes the page, reads a real data set with its own facet, fails cleanly",
          "[cli][report]") {
    const fs::path dir = copnet::test::unique_temp_path("report");
    fs::create_directories(dir);
    auto r = run("report --output " + q(dir / "r.html"));
    REQUIRE(r.status == 0);
    CHECK_THAT(r.out, Catch::Contains("Wrote") && Catch::Contains("61 stakeholders"));
    std::string html = slurp(dir / "r.html");
    CHECK_THAT(html, Catch::Contains("invented data") && Catch::Contains("\"health\":{\"members_total\""));
    // Lazega's law firm (tests/data, from ../shared/data): no circles, the offices as facet.
    r = run("report --nodes " + q(data + "lazega-lawfirm.nodes.csv") + " --ties " +
            q(data + "lazega-lawfirm.ties.csv") + " --relations-file " +
            q(data + "lazega-lawfirm.relations.csv") + " --facet office --output " + q(dir / "l.html"));
    REQUIRE(r.status == 0);
    html = slurp(dir / "l.html");
    CHECK_THAT(html, Catch::Contains("\"facet\":\"office\"") &&
                         Catch::Contains("\"gaps\":{\"unavailable\":\"no circles are declared") &&
                         Catch::Contains("\"health\":{\"unavailable\""));
    r = run("report --output " + q(dir / "n.html") + " --facet 'no such column'");
    CHECK(r.status == 1);
    CHECK(r.out.empty());
    CHECK_THAT(r.err, Catch::Contains("no such column"));
    CHECK(!fs::exists(dir / "n.html"));
    r = run("report --nodes " + q(data + "lazega-lawfirm.nodes.csv") + " --ties " +
            q(data + "lazega-lawfirm.ties.csv") + " --every 1m --output " + q(dir / "n.html"));
    CHECK(r.status == 1);
    CHECK_THAT(r.err, Catch::Contains("--every needs --events"));
    r = run("report");
    CHECK(r.status != 0);
    CHECK(r.out.empty());
    fs::remove_all(dir);
}

TEST_CASE("copnet report and map on an edge list alone are not the bundled example",
          "[cli][report]") {
    // --ties alone (the karate club's edge list, tests/data) once read as the bundled example's
    // caption and event log on the user's own data.
    const fs::path dir = copnet::test::unique_temp_path("report-edges");
    fs::create_directories(dir);
    const std::string ties = " --ties " + q(data + "karate-club.edgelist") + " --scale count";
    auto r = run("report" + ties + " --output " + q(dir / "k.html"));
    REQUIRE(r.status == 0);
    CHECK_THAT(r.out, Catch::Contains("34 stakeholders"));
    const std::string html = slurp(dir / "k.html");
    CHECK_THAT(html, !Catch::Contains("invented data") && Catch::Contains("\"health\":{\"unavailable\""));
    r = run("map" + ties + " --output " + q(dir / "k.svg"));
    REQUIRE(r.status == 0);
    CHECK_THAT(slurp(dir / "k.svg"), !Catch::Contains("invented data"));
    r = run("report" + ties + " --every 1m --output " + q(dir / "n.html"));
    CHECK(r.status == 1);
    CHECK_THAT(r.err, Catch::Contains("--every needs --events"));
    // The bundled example still says what it is.
    r = run("map --output " + q(dir / "b.svg"));
    REQUIRE(r.status == 0);
    CHECK_THAT(slurp(dir / "b.svg"), Catch::Contains("invented data"));
    fs::remove_all(dir);
}
