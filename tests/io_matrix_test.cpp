#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "copnet/error.hpp"
#include "copnet/io/formats.hpp"
#include "copnet/io/matrix.hpp"
#include "io_common.hpp"
#include "peer_files.hpp"

using namespace copnet;
using copnet::test::existing_network;

TEST_CASE("an adjacency matrix adds its ties: directed, valued, new ids created", "[io][matrix]") {
    Network net = existing_network();
    MatrixOptions o;
    o.relation = "advice";
    CHECK(parse_matrix(net, ",a,b,existing\na,0,1,0\nb,2,0,1.5\nexisting,0,,0\n", o, "advice.csv") == 3);
    const TieKind advice = *net.find_relation("advice");
    CHECK_FALSE(net.relation(advice).mutual());
    CHECK(net.relation(advice).scale == Scale::count);  // values beyond [0,1], none negative
    CHECK(net.find_tie(net.at("b"), net.at("a"), advice)->weight == 2);
    CHECK(net.find_tie(net.at("b"), net.at("existing"), advice)->weight == 1.5);
    CHECK(net.stakeholder_count() == 4);  // existing, other, a, b
    CHECK(net.stakeholder(net.at("existing")).sector == "youth");  // kept as it was
}

TEST_CASE("a symmetric matrix is one mutual relation; several files, one per relation", "[io][matrix]") {
    const auto dir = copnet::test::temp_dir("matrix");
    std::ofstream(dir / "cowork.csv") << "\"\";x;y;z\nx;0;0,5;1\ny;0,5;0;0\nz;1;0;0\n";
    std::ofstream(dir / "advice.csv") << ",x,y,z\nx,0,1,0\ny,0,0,1\nz,1,0,0\n";
    FormatOptions o;
    o.csv.decimal_comma = true;
    Network net;
    read_network(net, dir / "cowork.csv", o);  // automatic: the first cell is empty
    o.csv.decimal_comma = false;
    read_network(net, dir / "advice.csv", o);
    const TieKind cowork = *net.find_relation("cowork");
    CHECK(net.relation(cowork).mutual());
    CHECK(net.tie_count(cowork) == 2);
    CHECK(net.find_tie(net.at("y"), net.at("x"), cowork)->weight == 0.5);
    CHECK(net.tie_count(*net.find_relation("advice")) == 3);
    CHECK(net.stakeholder_count() == 3);
    // Written back, relation by relation.
    std::ostringstream out;
    write_matrix(net, out, cowork);
    CHECK(out.str() == ",x,y,z\nx,0,0.5,1\ny,0.5,0,0\nz,1,0,0\n");
    o.layout = CsvLayout::matrix;
    o.csv.default_relation = "advice";
    write_network(net, dir / "again.csv", o);
    Network back;
    o.csv.default_relation.clear();
    read_network(back, dir / "again.csv", o);
    CHECK(back.tie_count(*back.find_relation("again")) == 3);
    std::filesystem::remove_all(dir);
}

TEST_CASE("malformed matrices: an error naming file, line and column; nothing loaded", "[io][matrix]") {
    struct Case {
        std::string text;
        std::string expected;
    };
    const std::vector<Case> cases = {
        {"", "m.csv: the file is empty"},
        {",a\n", "matrix"},  // fine header, no rows: no error (checked below)
        {",a,b\na,0,1\nb,0\n", "m.csv:3: a row of 2 cells; the header has 3"},
        {",a,b\na,0,x\n", "m.csv:2: b: \"x\" is not a number"},
        {",a,a\n", "m.csv:1: a: column id \"a\" is given twice"},
        {",a,b\na,0,1\na,0,1\n", "m.csv:3: id: row id \"a\" is given twice"},
        {",a,b\n,0,1\n", "m.csv:2: id: an empty id"},
        {",a,\"b\n", "m.csv:1:"},
        {",a,b\na,0,1e999\n", "m.csv:2: b: \"1e999\" is not a number"},
    };
    for (const Case& c : cases) {
        INFO(c.text);
        Network net = existing_network();
        const Network before = net;
        if (c.expected == "matrix") {
            CHECK(parse_matrix(net, c.text, {}, "m.csv") == 0);
            continue;
        }
        try {
            parse_matrix(net, c.text, {}, "m.csv");
            FAIL("no error");
        } catch (const parse_error& e) {
            CHECK_THAT(e.what(), Catch::Contains(c.expected));
        }
        CHECK(net == before);
    }
    // A value off a declared relation's scale names its line.
    Network net = existing_network();
    net.add_relation({.name = "reports", .role = Role::authority, .scale = Scale::binary});
    const Network before = net;
    MatrixOptions o;
    o.relation = "reports";
    CHECK_THROWS_WITH(parse_matrix(net, ",a,b\na,0,2\n", o, "m.csv"),
                      Catch::Contains("m.csv:2: value: value 2 is off the binary scale"));
    CHECK(net == before);
}

TEST_CASE("looks_like_matrix tells a matrix from an edge list by the first cell", "[io][matrix]") {
    CHECK(looks_like_matrix(",a,b\na,0,1\n"));
    CHECK(looks_like_matrix("\xEF\xBB\xBF\"\";a\n"));
    CHECK(looks_like_matrix("\ta\tb\n"));
    CHECK_FALSE(looks_like_matrix("source,target\na,b\n"));
    CHECK_FALSE(looks_like_matrix(""));
}

TEST_CASE("matrix: ids holding another delimiter are quoted, so the file reads back (a fuzz "
          "finding)",
          "[io][matrix]") {
    Network net;
    const TieKind m = net.add_relation({.name = "m"});
    net.add_stakeholder({.id = "a;b"});
    net.add_stakeholder({.id = "c\td"});
    net.add_tie(net.at("a;b"), net.at("c\td"), m);
    std::ostringstream out;
    write_matrix(net, out, m);
    CHECK(out.str() == ",\"a;b\",\"c\td\"\n\"a;b\",0,1\n\"c\td\",0,0\n");
    Network back;
    parse_matrix(back, out.str(), MatrixOptions{.relation = "m"});
    CHECK(back.stakeholder_count() == 2);
    REQUIRE(back.find_relation("m"));
    CHECK(back.find_tie(back.at("a;b"), back.at("c\td"), *back.find_relation("m")));
}
