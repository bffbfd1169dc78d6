#include <filesystem>
#include <fstream>
#include <string>

#include <catch2/catch.hpp>

#include "copnet/error.hpp"
#include "copnet/io/formats.hpp"
#include "copnet/io/graphml.hpp"
#include "copnet/io/json.hpp"
#include "cli_run.hpp"
#include "io_common.hpp"

using namespace copnet;
namespace fs = std::filesystem;
using copnet::test::load_example;

TEST_CASE("the format table chooses by extension, case-insensitively", "[io][formats]") {
    REQUIRE(format_for("cop.graphml") != nullptr);
    CHECK(format_for("COP.GRAPHML")->name == "GraphML");
    CHECK(format_for("a/b/net.JSON")->name == "node-link JSON");
    CHECK(format_for("state.bin")->name == "copnet archive");
    CHECK(format_for("x.dot")->read == nullptr);
    CHECK(format_for("x.unknown") == nullptr);
    CHECK(format_for("no-extension") == nullptr);
    // Every extension names one format only.
    for (const FileFormat& f : file_formats())
        for (std::string_view e : f.extensions) CHECK(format_for("x" + std::string(e)) == &f);
}

TEST_CASE("read_network and write_network dispatch to the format's reader and writer", "[io][formats]") {
    const Network original = load_example("state-employment");
    const fs::path dir = copnet::test::unique_temp_path("formats");
    fs::create_directories(dir);
    for (const char* name : {"a.graphml", "a.json", "a.txt", "a.bin", "a.xml"}) {
        INFO(name);
        CHECK(write_network(original, dir / name) == format_for(name)->name);
        CHECK(read_network(dir / name) == original);
    }
    CHECK(read_graphml(dir / "a.graphml") == original);
    CHECK(read_json(dir / "a.json") == original);
    fs::remove_all(dir);
}

TEST_CASE("an unknown extension is an error listing the known ones", "[io][formats]") {
    const Network net = load_example("state-employment");
    try {
        write_network(net, "out.svgz");
        FAIL("no error");
    } catch (const invalid_value& e) {
        CHECK_THAT(e.what(), Catch::Contains("unknown extension \".svgz\"") &&
                                 Catch::Contains(".graphml") && Catch::Contains(".json"));
    }
    CHECK_THROWS_WITH(read_network("in.dot"), Catch::Contains("does not read Graphviz DOT"));
    CHECK_THROWS_WITH(read_network("in"), Catch::Contains("no extension"));
    CHECK_THROWS_AS(read_network("missing-file.graphml"), io_error);
}

TEST_CASE("a whole-document format is not read into a network that holds stakeholders", "[io][formats]") {
    const fs::path dir = copnet::test::unique_temp_path("formats-whole");
    fs::create_directories(dir);
    write_network(load_example("state-employment"), dir / "a.graphml");
    Network net;
    net.add_stakeholder({.id = "x"});
    const Network before = net;
    CHECK_THROWS_WITH(read_network(net, dir / "a.graphml"), Catch::Contains("whole network"));
    CHECK(net == before);
    fs::remove_all(dir);
}

TEST_CASE("copnet --input reads every format by extension in every command", "[cli][io][formats]") {
    using copnet::test::run;
    const fs::path dir = copnet::test::unique_temp_path("formats-cli");
    fs::create_directories(dir);
    const auto q = [](const fs::path& p) { return "'" + p.string() + "'"; };
    REQUIRE(run("convert --to " + q(dir / "a.graphml")).status == 0);
    auto r = run("summary --input " + q(dir / "a.graphml") + " --format json");
    REQUIRE(r.status == 0);
    CHECK_THAT(r.out, Catch::Contains("\"stakeholders\": 61"));
    REQUIRE(run("convert --input " + q(dir / "a.graphml") + " --to " + q(dir / "b.xml")).status == 0);
    r = run("reach --input " + q(dir / "b.xml") + " --format json");
    CHECK(r.status == 0);
    CHECK(read_network(dir / "b.xml") == read_network(dir / "a.graphml"));
    r = run("summary --input " + q(dir / "a.unknown"));
    CHECK(r.status == 1);
    CHECK(r.out.empty());
    CHECK_THAT(r.err, Catch::Contains("unknown extension") && Catch::Contains(".graphml"));
    r = run("summary --input " + q(dir / "a.graphml") + " --graphml " + q(dir / "a.graphml"));
    CHECK(r.status != 0);
    fs::remove_all(dir);
}
