#include <filesystem>
#include <fstream>
#include <string>

#include <catch2/catch.hpp>

#include "cli_run.hpp"
#include "copnet/io/archive.hpp"
#include "copnet/io/csv.hpp"
#include "copnet/io/graphml.hpp"
#include "copnet/io/json.hpp"

using copnet::test::run;
namespace fs = std::filesystem;

namespace {
const std::string example = std::string(COPNET_SOURCE_DIR) + "/examples/data/state-employment/";
std::string q(const fs::path& p) { return "'" + p.string() + "'"; }
} // namespace

TEST_CASE("copnet convert chains every format without loss", "[cli][io]") {
    const fs::path dir = copnet::test::unique_temp_path("convert");
    fs::create_directories(dir);
    const copnet::Network original = copnet::read_csv(example + "nodes.csv", example + "ties.csv");
    auto r = run("convert --nodes " + q(example + "nodes.csv") + " --ties " + q(example + "ties.csv") +
                 " --to " + q(dir / "a.graphml"));
    REQUIRE(r.status == 0);
    CHECK_THAT(r.out, Catch::Contains("Wrote") && Catch::Contains("61 stakeholders"));
    REQUIRE(run("convert --graphml " + q(dir / "a.graphml") + " --to " + q(dir / "b.json")).status == 0);
    REQUIRE(run("convert --json " + q(dir / "b.json") + " --to " + q(dir / "c.txt")).status == 0);
    REQUIRE(run("convert --archive " + q(dir / "c.txt") + " --to " + q(dir / "d.xml")).status == 0);
    REQUIRE(run("convert --archive " + q(dir / "d.xml") + " --to " + q(dir / "e.bin")).status == 0);
    r = run("convert --archive " + q(dir / "e.bin") + " --to-nodes " + q(dir / "n.csv") + " --to-ties " +
            q(dir / "t.csv") + " --format json");
    REQUIRE(r.status == 0);
    CHECK(r.out.empty());  // DESIGN §3.2: convert prints no JSON keys
    CHECK(copnet::read_csv(dir / "n.csv", dir / "t.csv") == original);
    CHECK(copnet::read_graphml(dir / "a.graphml") == original);
    CHECK(copnet::read_json(dir / "b.json") == original);
    CHECK(copnet::read_archive(dir / "e.bin", copnet::ArchiveKind::binary) == original);
    // Every analysis command reads the other formats too.
    r = run("summary --archive " + q(dir / "d.xml") + " --format json");
    REQUIRE(r.status == 0);
    CHECK_THAT(r.out, Catch::Contains("\"stakeholders\": 61"));
    REQUIRE(run("convert --graphml " + q(dir / "a.graphml") + " --to " + q(dir / "f.dot")).status == 0);
    CHECK(fs::file_size(dir / "f.dot") > 1000);
    fs::remove_all(dir);
}

TEST_CASE("copnet convert errors: stderr names the problem, stdout stays empty", "[cli][io]") {
    const fs::path dir = copnet::test::unique_temp_path("convert-bad");
    fs::create_directories(dir);
    auto r = run("convert --to " + q(dir / "x.svgz"));
    CHECK(r.status == 1);
    CHECK(r.out.empty());
    CHECK_THAT(r.err, Catch::Contains("unknown extension \".svgz\""));
    r = run("convert");
    CHECK(r.status == 1);
    CHECK_THAT(r.err, Catch::Contains("convert needs --to FILE"));
    {
        std::ofstream bad(dir / "bad.graphml");
        bad << "<graphml>\n<graph>\n<node/>\n</graph>\n</graphml>\n";
    }
    r = run("convert --graphml " + q(dir / "bad.graphml") + " --to " + q(dir / "x.json"));
    CHECK(r.status == 1);
    CHECK(r.out.empty());
    CHECK_THAT(r.err, Catch::Contains("bad.graphml:3: id: <node> without an id"));
    CHECK(!fs::exists(dir / "x.json"));
    r = run("convert --graphml a.graphml --json b.json --to x.txt");
    CHECK(r.status != 0);
    CHECK(r.out.empty());
    fs::remove_all(dir);
}

TEST_CASE("copnet map writes the SVG circle map; bad options fail cleanly", "[cli][io]") {
    const fs::path dir = copnet::test::unique_temp_path("map");
    fs::create_directories(dir);
    auto r = run("map --output " + q(dir / "m.svg") + " --highlight sa-01,sa-02 --highlight-label conveners");
    REQUIRE(r.status == 0);
    CHECK_THAT(r.out, Catch::Contains("Wrote") && Catch::Contains("61 stakeholders"));
    std::ifstream in(dir / "m.svg");
    const std::string svg((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    CHECK_THAT(svg, Catch::Contains("invented data") && Catch::Contains("conveners (2)"));
    r = run("map --output " + q(dir / "n.svg") + " --highlight nobody");
    CHECK(r.status == 1);
    CHECK(r.out.empty());
    CHECK_THAT(r.err, Catch::Contains("nobody"));
    CHECK(!fs::exists(dir / "n.svg"));
    r = run("map --output " + q(dir / "n.svg") + " --facet circle");
    CHECK(r.status == 1);
    CHECK(r.out.empty());
    r = run("map");
    CHECK(r.status != 0);
    CHECK(r.out.empty());
    fs::remove_all(dir);
}

TEST_CASE("copnet --merge: a repeated tie summed, kept first, or an error naming its line",
          "[cli][io][merge]") {
    const fs::path dir = copnet::test::unique_temp_path("merge");
    fs::create_directories(dir);
    {
        std::ofstream nodes(dir / "nodes.csv");
        nodes << "id\na\nb\n";
        std::ofstream ties(dir / "ties.csv");
        ties << "source,target,kind,weight\na,b,influence,0.5\na,b,influence,0.25\n";
    }
    const std::string input = "--nodes " + q(dir / "nodes.csv") + " --ties " + q(dir / "ties.csv");
    const auto written_value = [&](const std::string& merge) {
        const auto r = run("convert " + input + " --merge " + merge + " --to-nodes " +
                           q(dir / "n.csv") + " --to-ties " + q(dir / "t.csv"));
        REQUIRE(r.status == 0);
        return copnet::read_csv(dir / "n.csv", dir / "t.csv").all_ties().at(0).weight;
    };
    CHECK(written_value("scale") == 0.5);
    CHECK(written_value("sum") == 0.75);
    CHECK(written_value("first") == 0.5);
    auto r = run("summary " + input + " --merge error");
    CHECK(r.status == 1);
    CHECK(r.out.empty());
    CHECK_THAT(r.err, Catch::Contains("ties.csv:3: kind \"influence\": the tie \"a\" -> \"b\" repeats"));
    r = run("summary " + input + " --merge mean");
    CHECK(r.status != 0);
    CHECK_THAT(r.err, Catch::Contains("--merge"));
    fs::remove_all(dir);
}

TEST_CASE("copnet reads an edge list alone, a column map and a European spreadsheet",
          "[cli][io][first-contact]") {
    const std::string data = std::string(COPNET_SOURCE_DIR) + "/tests/data/";
    // NetworkX's karate club, as networkx.write_edgelist writes it: ids become stakeholders.
    auto r = run("summary --ties " + q(data + "karate-club.edgelist") + " --scale count");
    REQUIRE(r.status == 0);
    CHECK_THAT(r.out, Catch::Contains("stakeholders  34") && Catch::Contains("edge 78"));
    CHECK_THAT(r.err, Catch::Contains("note: ") && Catch::Contains("no relation column"));
    r = run("summary --ties " + q(data + "karate-club.edgelist"));
    CHECK(r.status == 1);
    CHECK_THAT(r.err, Catch::Contains("karate-club.edgelist:1:") && Catch::Contains("--scale count"));
    // Krackhardt's friendship is listed with the built-in relations.
    r = run("summary --nodes " + q(data + "krackhardt-hightech.nodes.csv") + " --ties " +
            q(data + "krackhardt-hightech.ties.csv") + " --format csv");
    REQUIRE(r.status == 0);
    CHECK_THAT(r.out, Catch::Contains("ties.friendship,102"));
    // The invented French spreadsheet (Windows-1252, ';', decimal commas).
    r = run("summary --nodes " + q(data + "messy-excel-eu.nodes.csv") + " --ties " +
            q(data + "messy-excel-eu.ties.csv") + " --decimal-comma --format json");
    REQUIRE(r.status == 0);
    CHECK_THAT(r.out, Catch::Contains("\"stakeholders\": 12"));
    CHECK_THAT(r.err, Catch::Contains("Windows-1252"));
    r = run("summary --nodes " + q(data + "messy-excel-eu.nodes.csv") + " --ties " +
            q(data + "messy-excel-eu.ties.csv") + " --decimal-comma --encoding utf8");
    CHECK(r.status == 1);
    CHECK_THAT(r.err, Catch::Contains("invalid UTF-8"));
    // A column map: the sector read from another column; a typo is an error naming the option.
    r = run("summary --nodes " + q(data + "krackhardt-hightech.nodes.csv") + " --ties " +
            q(data + "krackhardt-hightech.ties.csv") + " --columns department=sector --format json");
    REQUIRE(r.status == 0);
    CHECK_THAT(r.out, Catch::Contains("\"stakeholders\": 21"));
    r = run("summary --nodes " + q(data + "krackhardt-hightech.nodes.csv") + " --ties " +
            q(data + "krackhardt-hightech.ties.csv") + " --columns departement=sector");
    CHECK(r.status == 1);
    CHECK_THAT(r.err, Catch::Contains("\"departement\"") && Catch::Contains("--columns"));
}

#include <regex>

#include "copnet/version.hpp"

TEST_CASE("one version: CMakeLists.txt's project, copnet::version() and copnet --version",
          "[cli][version]") {
    std::ifstream cmake(std::string(COPNET_SOURCE_DIR) + "/CMakeLists.txt");
    const std::string text((std::istreambuf_iterator<char>(cmake)), std::istreambuf_iterator<char>());
    std::smatch m;
    REQUIRE(std::regex_search(text, m, std::regex(R"(project\(copnet VERSION ([0-9.]+))")));
    CHECK(copnet::version() == m[1].str());
    const auto r = run("--version");
    CHECK(r.status == 0);
    CHECK(r.out == "copnet " + m[1].str() + "\n");
}
