// The `copnet` program, run as a user runs it: exit codes, stdout, stderr.
#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "cli_run.hpp"
#include "copnet/analysis/reach.hpp"
#include "copnet/io/csv.hpp"

namespace fs = std::filesystem;

namespace {

using copnet::test::Run;
using copnet::test::run;

const std::string data = std::string(COPNET_SOURCE_DIR) + "/examples/data/";

// The counts in examples/data/README.md.
struct Expected {
    int stakeholders, authority, influence, collaboration, core, inner, outer, none;
};

// Counts from examples/data/README.md (generate.py checks them against the files).
const Expected STATE_EMPLOYMENT{61, 26, 72, 68, 5, 11, 24, 21};
const Expected SCHOOL_BEHAVIORAL_HEALTH{271, 105, 541, 666, 8, 41, 185, 37};

void check_summary(const nlohmann::json& j, const Expected& e) {
    CHECK(j.at("stakeholders") == e.stakeholders);
    CHECK(j.at("ties").at("authority") == e.authority);
    CHECK(j.at("ties").at("influence") == e.influence);
    CHECK(j.at("ties").at("collaboration") == e.collaboration);
    CHECK(j.at("circles").at("core") == e.core);
    CHECK(j.at("circles").at("inner") == e.inner);
    CHECK(j.at("circles").at("outer") == e.outer);
    CHECK(j.at("circles").at("none") == e.none);
    // The design's keys, and the summary's other counts (the same as Python's Summary).
    std::vector<std::string> keys;
    for (const auto& [key, value] : j.items()) keys.push_back(key);
    CHECK(keys == std::vector<std::string>{"circles", "community", "levels", "merged_spellings",
                                           "relations", "stakeholders", "stances",
                                           "ties"});  // sorted
    CHECK(j.at("relations").size() == 3);  // the built-in three
    CHECK(j.at("levels").size() == 4);
    CHECK(j.at("stances").size() == 3);
}

} // namespace

TEST_CASE("copnet summary with no input runs on the bundled example", "[cli]") {
    const Run r = run("summary --format json");
    REQUIRE(r.status == 0);
    CHECK(r.err.empty());
    check_summary(nlohmann::json::parse(r.out), STATE_EMPLOYMENT);
    const Run text = run("summary");
    CHECK(text.status == 0);
    CHECK_THAT(text.out, Catch::Contains("illustrative, invented data"));
    const Run csv = run("summary --format csv");
    CHECK(csv.status == 0);
    CHECK_THAT(csv.out, Catch::StartsWith("measure,count\nstakeholders,"));
}

TEST_CASE("copnet summary reads a CSV pair", "[cli]") {
    const Run r = run("summary --format json --nodes '" + data +
                      "school-behavioral-health/nodes.csv' --ties '" + data +
                      "school-behavioral-health/ties.csv'");
    REQUIRE(r.status == 0);
    check_summary(nlohmann::json::parse(r.out), SCHOOL_BEHAVIORAL_HEALTH);
    // The file on disk and the compiled-in example agree.
    const Run same = run("summary --format json --nodes '" + data +
                         "state-employment/nodes.csv' --ties '" + data +
                         "state-employment/ties.csv'");
    CHECK(same.out == run("summary --format json").out);
}

TEST_CASE("copnet fails cleanly: a message on stderr, nothing on stdout", "[cli][errors]") {
    const fs::path dir = fs::temp_directory_path() / ("copnet_cli_test." + std::to_string(getpid()));
    fs::create_directories(dir);
    std::ofstream(dir / "nodes.csv") << "id,name\na,A\nb,B\n";
    std::ofstream(dir / "ties.csv") << "source,target,kind\na,b,influence\nb,c,influence\n";
    const Run bad = run("summary --format json --nodes '" + (dir / "nodes.csv").string() +
                        "' --ties '" + (dir / "ties.csv").string() + "'");
    CHECK(bad.status == 1);
    CHECK(bad.out.empty());
    CHECK_THAT(bad.err, Catch::Contains("ties.csv:3: target \"c\" is not in"));

    const Run missing = run("summary --nodes /nonexistent/n.csv --ties /nonexistent/t.csv");
    CHECK(missing.status == 1);
    CHECK(missing.out.empty());
    CHECK_THAT(missing.err, Catch::Contains("/nonexistent/n.csv"));

    const Run half = run("summary --nodes '" + (dir / "nodes.csv").string() + "'");
    CHECK(half.status != 0);
    CHECK(half.out.empty());
    CHECK_THAT(half.err, Catch::Contains("--ties"));

    const Run format = run("summary --format xml");
    CHECK(format.status != 0);
    CHECK(format.out.empty());

    const Run unknown = run("frobnicate");
    CHECK(unknown.status != 0);
    CHECK(unknown.out.empty());
    fs::remove_all(dir);
}

TEST_CASE("copnet --help and summary --help describe the commands", "[cli]") {
    const Run help = run("--help");
    CHECK(help.status == 0);
    CHECK_THAT(help.out, Catch::Contains("summary"));
    const Run sub = run("summary --help");
    CHECK(sub.status == 0);
    CHECK_THAT(sub.out, Catch::Contains("--nodes") && Catch::Contains("--format"));
}

TEST_CASE("copnet reach prints what the library computes", "[cli][reach]") {
    const copnet::Network net = copnet::read_csv(data + "state-employment/nodes.csv",
                                                 data + "state-employment/ties.csv");
    const copnet::StakeholderId from[] = {net.at("sa-01"), net.at("fam-01")};
    const copnet::ReachOptions options{
        .filter = copnet::TieFilter::of({copnet::TieKind::influence}, copnet::Direction::both),
        .max_hops = 2};
    const copnet::ReachResult expected = copnet::reach(net, from, options);

    const Run r = run("reach --format json --from sa-01,fam-01 --hops 2 --kinds influence "
                      "--direction both");
    REQUIRE(r.status == 0);
    const auto j = nlohmann::json::parse(r.out);
    CHECK(j.at("count") == expected.count());
    REQUIRE(j.at("reached").size() == expected.count());
    for (std::size_t i = 0; i < expected.count(); ++i) {
        CHECK(j["reached"][i].at("id") == net.stakeholder(expected.reached[i].who).id);
        CHECK(j["reached"][i].at("hops") == expected.reached[i].hops);
    }
    CHECK(j["reached"][0].at("hops") == 0);  // sources included, at 0
    CHECK(j.at("by_circle").size() == 4);

    const Run core = run("reach --format json");  // default: from the core group
    REQUIRE(core.status == 0);
    CHECK(nlohmann::json::parse(core.out).at("count") == 61);

    const Run flow = run("reach --format json --levels local,state --hops 3");
    REQUIRE(flow.status == 0);
    const nlohmann::json f = nlohmann::json::parse(flow.out).at("flow");
    CHECK(f.at("forward").at("from") == "local");
    CHECK(f.at("backward").at("from") == "state");
    CHECK(f.at("target_share") == 0.5);
}

TEST_CASE("copnet reach rejects bad options cleanly", "[cli][reach][errors]") {
    for (const char* args : {"reach --from nobody", "reach --hops -1", "reach --kinds trust",
                             "reach --direction up", "reach --levels local",
                             "reach --levels local,local", "reach --facet circle"}) {
        INFO(args);
        const Run r = run(args);
        CHECK(r.status != 0);
        CHECK(r.out.empty());
        CHECK_FALSE(r.err.empty());
    }
    CHECK_THAT(run("reach --from nobody").err, Catch::Contains("unknown stakeholder \"nobody\""));
}

TEST_CASE("a --facet typo is an error in every command that groups by a facet", "[cli][facet]") {
    // Issue 20: reach, spread, circles and map took it silently, everyone in one category.
    for (const char* command : {"reach", "spread --runs 10", "circles", "boundaries", "gaps",
                                "map --output /dev/null"}) {
        INFO(command);
        const auto r = copnet::test::run(std::string(command) + " --facet sectr");
        CHECK(r.status == 1);
        CHECK(r.out.empty());
        CHECK_THAT(r.err, Catch::Contains("unknown facet \"sectr\""));
    }
    // The measures group by no facet: they do not take the option at all.
    for (const char* command : {"centrality", "network"}) {
        INFO(command);
        const auto r = copnet::test::run(std::string(command) + " --facet sector");
        CHECK(r.status != 0);
        CHECK(r.out.empty());
        CHECK_THAT(r.err, Catch::Contains("--facet"));
    }
}
