// The files people really have (issue 17, items 2–5): plain edge lists (with and without a
// header, separated by spaces, without nodes.csv), weights beyond [0,1] (`scale`), a column map
// for a researcher's own `level` column, European spreadsheets (';' and decimal commas), and
// Excel's Windows-1252 "CSV (Comma delimited)". The spreadsheets here are invented; the karate
// club is NetworkX's (tests/data/make_karate_fixture.py).
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "copnet/analysis/boundary.hpp"
#include "copnet/analysis/circles.hpp"
#include "copnet/error.hpp"
#include "copnet/io/csv.hpp"
#include "copnet/io/relations.hpp"
#include "copnet/network.hpp"

using namespace copnet;
namespace fs = std::filesystem;

namespace {

const fs::path data = fs::path(COPNET_SOURCE_DIR) / "tests" / "data";

nlohmann::json karate_reference() {
    std::ifstream in(data / "karate-club.reference.json");
    return nlohmann::json::parse(in);
}

parse_error parse_failure(Network& net, std::string_view nodes, std::string_view ties,
                          const CsvOptions& options = {}) {
    const Network before = net;
    try {
        parse_csv(net, nodes, ties, options);
    } catch (const parse_error& e) {
        CHECK(net == before);
        return e;
    }
    FAIL("no error");
    return parse_error("", 0, "", "");
}

} // namespace

TEST_CASE("an edge list without a relation column reads as one mutual relation", "[csv][edge-list]") {
    Network net;
    const CsvReport r = parse_csv(net, "id\na\nb\nc\n", "source,target,weight\na,b,0.5\nc,b,\n");
    const TieKind edge = *net.find_relation("edge");
    CHECK(net.relation(edge).role == Role::collaboration);
    CHECK(net.relation(edge).mutual());
    CHECK(net.find_tie(net.at("b"), net.at("a"), edge)->weight == 0.5);
    CHECK(net.find_tie(net.at("b"), net.at("c"), edge)->weight == 1.0);
    REQUIRE(r.notes.size() == 1);
    CHECK_THAT(r.notes[0], Catch::Contains("no relation column") && Catch::Contains("\"edge\""));
    // Another relation for its rows: a declared one, or a new one of role other.
    Network advice;
    parse_relations(advice, "name,role\nadvice,influence\n");
    parse_csv(advice, "id\na\nb\n", "source,target\na,b\n", {.default_relation = "advice"});
    CHECK(advice.find_tie(advice.at("a"), advice.at("b"), *advice.find_relation("advice")));
    CHECK_FALSE(advice.find_tie(advice.at("b"), advice.at("a"), *advice.find_relation("advice")));
    Network builtin;
    parse_csv(builtin, "id\na\nb\n", "source,target\na,b\n", {.default_relation = "influence"});
    CHECK(builtin.find_tie(builtin.at("a"), builtin.at("b"), TieKind::influence));
}

TEST_CASE("a headerless edge list: source, target and a value", "[csv][edge-list]") {
    Network net;
    const CsvReport r = parse_edge_list(net, "a,b,0.25\nb,c,1\n\nc,a,0.5\n");
    CHECK(net.stakeholder_count() == 3);
    CHECK(net.tie_count() == 3);
    const TieKind edge = *net.find_relation("edge");
    CHECK(net.find_tie(net.at("a"), net.at("b"), edge)->weight == 0.25);
    CHECK(net.find_tie(net.at("a"), net.at("c"), edge)->weight == 0.5);
    CHECK_THAT(r.notes.back(), Catch::Contains("nor a header"));
    // Two columns: ids only. A line naming a ties column is a header after all.
    Network pairs;
    parse_edge_list(pairs, "x,y\ny,z\n");
    CHECK(pairs.tie_count() == 2);
    // Errors name the line of the row; a quoted first row cannot tell a header from a row.
    Network bad;
    CHECK_THROWS_WITH(parse_edge_list(bad, "a,b\nb,c,d,e\n"), Catch::Contains("ties.csv:2"));
    CHECK_THROWS_WITH(parse_edge_list(bad, "a,b,heavy\n"),
                      Catch::Contains("ties.csv:1") && Catch::Contains("not a number"));
    CHECK_THROWS_WITH(parse_edge_list(bad, "\"a\",b\n"), Catch::Contains("give the file the header"));
    CHECK(bad == Network());
}

TEST_CASE("NetworkX's karate club loads with its weights and matches NetworkX", "[csv][edge-list][scale]") {
    // tests/data/karate-club.edgelist: networkx.write_edgelist(karate_club_graph(),
    // data=["weight"]); weights 1–7 (Zachary's contexts of interaction).
    const fs::path file = data / "karate-club.edgelist";
    Network unit;
    try {
        read_edge_list(unit, file);
        FAIL("no error");
    } catch (const parse_error& e) {
        CHECK(e.line() == 1);
        CHECK_THAT(e.what(), Catch::Contains("outside [0,1]") && Catch::Contains("--scale count"));
    }
    CHECK(unit == Network());
    Network net;
    read_edge_list(net, file, {.scale = Scale::count});
    CHECK(net.stakeholder_count() == 34);
    CHECK(net.tie_count() == 78);
    const TieKind edge = *net.find_relation("edge");
    CHECK(net.relation(edge).scale == Scale::count);
    CHECK(net.find_tie(net.at("0"), net.at("1"), edge)->weight == 4);
    const nlohmann::json ref = karate_reference();
    for (const Coreness& c : coreness(net))
        CHECK(c.k == ref["core_number"][net.stakeholder(c.who).id].get<std::size_t>());
    for (const bool weighted : {false, true}) {
        const auto& expected = ref[weighted ? "constraint_weighted" : "constraint"];
        for (const StructuralHoles& h :
             structural_holes(net, {.weighted = weighted, .undirected = true}))
            CHECK(h.constraint ==
                  Approx(expected[net.stakeholder(h.who).id].get<double>()).margin(1e-12));
    }
    for (const bool weighted : {false, true}) {
        // Weighted: the weights as distances, as networkx.betweenness_centrality(G, weight=…).
        const auto& expected = ref[weighted ? "betweenness_weighted" : "betweenness"];
        BetweennessOptions o;
        o.undirected = true;
        o.normalized = true;
        o.weighted = weighted;
        for (const Betweenness& b : betweenness(net, o))
            CHECK(b.value ==
                  Approx(expected[net.stakeholder(b.who).id].get<double>()).margin(1e-12));
    }
}

TEST_CASE("whitespace edge lists: comments, tabs, ids with commas", "[csv][edge-list]") {
    const fs::path dir = fs::temp_directory_path() / "copnet-edgelist-test";
    fs::create_directories(dir);
    {
        std::ofstream out(dir / "g.ncol");
        out << "# written by hand (invented)\nalpha beta 0.5\n  beta\tgamma   # a comment\n"
               "x,1 alpha\n";
    }
    Network net;
    read_edge_list(net, dir / "g.ncol");
    CHECK(net.stakeholder_count() == 4);
    const TieKind edge = *net.find_relation("edge");
    CHECK(net.find_tie(net.at("alpha"), net.at("beta"), edge)->weight == 0.5);
    CHECK(net.find_tie(net.at("gamma"), net.at("beta"), edge)->weight == 1);
    CHECK(net.find_tie(net.at("x,1"), net.at("alpha"), edge));
    {
        std::ofstream out(dir / "bad.edgelist");
        out << "a b\n\nb c d e\n";
    }
    Network bad;
    CHECK_THROWS_WITH(read_edge_list(bad, dir / "bad.edgelist"), Catch::Contains("bad.edgelist:3"));
    fs::remove_all(dir);
}

TEST_CASE("a column map reads a researcher's own columns", "[csv][columns]") {
    // Krackhardt's nodes as a researcher keeps them (invented rows): `level` is a rank, and
    // `department` is what copnet calls the sector.
    const std::string nodes = "id,level,department\nA01,manager,4\nA02,vice-president,4\n";
    const std::string ties = "from,to\nA01,A02\n";
    Network net;
    const parse_error plain = parse_failure(net, nodes, "source,target\nA01,A02\n");
    CHECK(plain.field() == "level");
    CHECK_THAT(plain.what(), Catch::Contains("\"manager\""));
    const CsvOptions map{.columns = {{"level", "rank"}, {"Department", "sector"},
                                     {"from", "source"}, {"to", "target"}}};
    parse_csv(net, nodes, ties, map);
    CHECK(net.stakeholder(net.at("A01")).attributes.at("rank") == "manager");
    CHECK(net.stakeholder(net.at("A02")).sector == "4");
    CHECK(!net.stakeholder(net.at("A02")).level.has_value());
    CHECK(net.attribute_names().size() == 1);
    CHECK(net.tie_count() == 1);
    // A pair naming a column neither file has is an error that names it.
    Network other;
    const parse_error typo =
        parse_failure(other, nodes, ties, {.columns = {{"levle", "rank"}, {"from", "source"}, {"to", "target"}}});
    CHECK(typo.field() == "levle");
    CHECK_THAT(typo.what(), Catch::Contains("--columns"));
}

TEST_CASE("European spreadsheets: ';' between fields and decimal commas", "[csv][delimiter]") {
    const std::string nodes = "id;name;sector\r\na;Ana;schools\r\nb;\"Bea; Jr\";families\r\n";
    const std::string ties = "source;target;kind;weight\r\na;b;influence;0,5\r\nb;a;influence;1\r\n";
    Network net;
    const CsvReport r = parse_csv(net, nodes, ties, {.decimal_comma = true});
    CHECK(net.stakeholder(net.at("b")).name == "Bea; Jr");
    CHECK(net.find_tie(net.at("a"), net.at("b"), TieKind::influence)->weight == 0.5);
    REQUIRE(r.notes.size() == 2);
    CHECK_THAT(r.notes[0], Catch::Contains("';'") && Catch::Contains("detected"));
    // Without --decimal-comma the value is no number; a forced delimiter is used as given.
    Network again;
    CHECK_THAT(parse_failure(again, nodes, ties).what(), Catch::Contains("\"0,5\" is not a number"));
    const parse_error forced = parse_failure(again, nodes, ties, {.delimiter = ','});
    CHECK_THAT(forced.what(), Catch::Contains("no id column"));
    // Tabs.
    Network tabs;
    parse_csv(tabs, "id\tsector\na\tx\nb\ty\n", "source\ttarget\tkind\na\tb\tcollaboration\n");
    CHECK(tabs.tie_count() == 1);
    CHECK_THROWS_AS(parse_csv(tabs, "id\n", "source,target\n", {.delimiter = ',', .decimal_comma = true}),
                    invalid_value);
}

TEST_CASE("Excel's Windows-1252 CSV reads as the names it holds", "[csv][encoding]") {
    const std::string nodes = "id,name,sector\na,Jos\xe9 \x80uro,\xc9" "coles\nb,Bea,families\n";
    const std::string ties = "source,target,kind\na,b,influence\n";
    Network net;
    const CsvReport r = parse_csv(net, nodes, ties);
    CHECK(net.stakeholder(net.at("a")).name == "Jos\u00e9 \u20acuro");
    CHECK(net.stakeholder(net.at("a")).sector == "\u00c9coles");
    REQUIRE(r.notes.size() == 1);
    CHECK_THAT(r.notes[0], Catch::Contains("Windows-1252"));
    Network strict;
    CHECK_THAT(parse_failure(strict, nodes, ties, {.encoding = Encoding::utf8}).what(),
               Catch::Contains("invalid UTF-8"));
    Network forced;
    parse_csv(forced, nodes, ties, {.encoding = Encoding::cp1252});
    CHECK(forced == net);
    // UTF-8 stays UTF-8 (no note), whatever its accents.
    Network utf8;
    CHECK(parse_csv(utf8, "id,name\na,Jos\u00e9\n", "source,target,kind\n").notes.empty());
    CHECK(to_string(parse_encoding("Windows-1252")) == "cp1252");
    CHECK_THROWS_WITH(parse_encoding("latin9"), Catch::Contains("expected automatic, utf8, cp1252"));
}

TEST_CASE("the invented European spreadsheet of tests/data loads as its UTF-8 twin", "[csv][encoding]") {
    // messy-excel-eu.*: cp1252, ';', decimal commas, CRLF, as Excel saves "CSV" in France
    // (make_messy_fixture.py; invented), and messy-excel-eu.utf8.* the same rows in UTF-8 with ','.
    Network eu, twin;
    const CsvReport r = read_csv(eu, data / "messy-excel-eu.nodes.csv", data / "messy-excel-eu.ties.csv",
                                 {.decimal_comma = true});
    read_csv(twin, data / "messy-excel-eu.utf8.nodes.csv", data / "messy-excel-eu.utf8.ties.csv");
    CHECK(eu == twin);
    CHECK(r.notes.size() == 3);  // nodes.csv read as Windows-1252 (ties.csv is ASCII), two delimiters
    CHECK(eu.stakeholder_count() > 10);
}
