#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "cli_run.hpp"
#include "copnet/error.hpp"
#include "copnet/io/formats.hpp"
#include "copnet/io/roster.hpp"
#include "io_common.hpp"

using namespace copnet;
using copnet::test::existing_network;

namespace {

// Four people of a name-generator survey, by hand: ana asked for advice from bea and cy and
// names bea a friend; bea names ana; cy names ana, bea and dee; dee names nobody.
Network four() {
    Network net;
    net.add_stakeholder({.id = "ana", .name = "Ana Lopes"});
    net.add_stakeholder({.id = "bea", .name = "Bea Ünal"});
    net.add_stakeholder({.id = "cy", .name = "Cy Young"});
    net.add_stakeholder({.id = "dee", .name = "Dee Marsh"});
    return net;
}

bool tied(const Network& net, const std::string& a, const std::string& b, const std::string& relation) {
    const auto r = net.find_relation(relation);
    return r && net.find_tie(net.at(a), net.at(b), *r).has_value();
}

double value(const Network& net, const std::string& a, const std::string& b, const std::string& relation) {
    return net.find_tie(net.at(a), net.at(b), *net.find_relation(relation))->weight;
}

const std::string survey =
    "respondent,timestamp,advice_1,advice_2,advice_3,friend_1,friend_2\n"
    "ana,2024-03-01,bea,Cy Young,,bea,\n"
    "bea,2024-03-01,ana,,,,\n"
    "cy,2024-03-02, ana ,bea,dee,,\n"
    "dee,2024-03-02,,,,,\n";

} // namespace

TEST_CASE("a roster: each stem a directed relation, each filled cell a tie", "[io][roster]") {
    Network net = four();
    const RosterReport r = parse_roster(net, survey, {}, "survey.csv");
    CHECK(r.respondents == 4);
    CHECK(r.ties == 7);  // advice: ana→bea, ana→cy, bea→ana, cy→ana, cy→bea, cy→dee; friend: ana→bea
    CHECK(r.relations == std::vector<std::string>{"advice", "friend"});
    const TieKind advice = *net.find_relation("advice");
    CHECK_FALSE(net.relation(advice).mutual());
    CHECK(net.tie_count(advice) == 6);
    CHECK(tied(net, "ana", "cy", "advice"));  // named by name: "Cy Young"
    CHECK(tied(net, "cy", "ana", "advice"));  // blanks trimmed
    CHECK(tied(net, "cy", "dee", "advice"));
    CHECK_FALSE(tied(net, "dee", "cy", "advice"));
    CHECK_FALSE(tied(net, "bea", "cy", "advice"));
    CHECK(net.tie_count(*net.find_relation("friend")) == 1);
    CHECK(tied(net, "ana", "bea", "friend"));
    CHECK(value(net, "ana", "bea", "advice") == 1);
    CHECK(net.stakeholder_count() == 4);
    REQUIRE(r.notes.size() == 1);
    CHECK_THAT(r.notes[0], Catch::Contains("timestamp"));  // not STEM_k: skipped
}

TEST_CASE("a roster: one stem renamed, ids created, repeats and self-nominations", "[io][roster]") {
    SECTION("relation names the one stem; into an empty network every id is created") {
        Network net;
        RosterOptions o;
        o.relation = "asks";
        const RosterReport r = parse_roster(net, "id;q_1;q_2\nx;y;z\ny;x;\n", o, "t.csv");
        CHECK(net.stakeholder_count() == 3);
        CHECK(r.created == 3);
        CHECK(tied(net, "x", "z", "asks"));
        CHECK(tied(net, "y", "x", "asks"));
        CHECK_FALSE(net.find_relation("q"));
    }
    SECTION("the same alter twice in one question: one tie of value 1, or its count") {
        const std::string text = "who,advice_1,advice_2,advice_3,friend_1\nana,bea,bea,bea,bea\n";
        Network a = four();
        const RosterReport ra = parse_roster(a, text, {}, "t.csv");
        CHECK(ra.repeats == 2);
        CHECK(a.tie_count() == 2);  // ana→bea advice, ana→bea friend
        CHECK(value(a, "ana", "bea", "advice") == 1);
        CHECK(a.relation(*a.find_relation("advice")).scale == Scale::unit);
        Network b = four();
        RosterOptions o;
        o.count_repeats = true;
        parse_roster(b, text, o, "t.csv");
        CHECK(value(b, "ana", "bea", "advice") == 3);
        CHECK(value(b, "ana", "bea", "friend") == 1);
        CHECK(b.relation(*b.find_relation("advice")).scale == Scale::count);
    }
    SECTION("a respondent naming themselves: skipped and counted") {
        Network net = four();
        const RosterReport r = parse_roster(net, "r,advice_1,advice_2\nana,ana,bea\n", {}, "t.csv");
        CHECK(r.self_nominations == 1);
        CHECK(net.tie_count() == 1);
        CHECK(tied(net, "ana", "bea", "advice"));
    }
    SECTION("an unknown alter is created with create_missing_stakeholders") {
        Network net = four();
        RosterOptions o;
        o.create_missing_stakeholders = true;
        const RosterReport r = parse_roster(net, "r,advice_1\nana,zed\n", o, "t.csv");
        CHECK(r.created == 1);
        CHECK(net.stakeholder_count() == 5);
        CHECK(tied(net, "ana", "zed", "advice"));
    }
    SECTION("a declared relation keeps its declaration; a question nobody answered is declared") {
        Network net = four();
        net.add_relation({.name = "advice", .role = Role::other, .direction = RelationDirection::mutual});
        parse_roster(net, "r,advice_1,help_1\nana,bea,\nbea,ana,\n", {}, "t.csv");
        CHECK(net.relation(*net.find_relation("advice")).mutual());
        CHECK(net.tie_count(*net.find_relation("advice")) == 1);  // ana–bea, named both ways
        REQUIRE(net.find_relation("help"));
        CHECK(net.tie_count(*net.find_relation("help")) == 0);
    }
}

TEST_CASE("a roster through read_network's roster layout", "[io][roster]") {
    const auto path = std::filesystem::temp_directory_path() / "copnet-roster-test.csv";
    {
        std::ofstream out(path);
        out << survey;
    }
    FormatOptions o;
    o.layout = CsvLayout::roster;
    Network net = four();
    read_network(net, path, o);
    CHECK(net.tie_count() == 7);
    std::filesystem::remove(path);
}

TEST_CASE("malformed rosters: an error naming file, line and column; nothing loaded", "[io][roster]") {
    struct Case {
        std::string text;
        RosterOptions options;
        std::string expected;
    };
    RosterOptions rename;
    rename.relation = "x";
    const std::vector<Case> cases = {
        {"", {}, "t.csv: the file is empty"},
        {"r,advice,friend\nana,bea,cy\n", {}, "t.csv:1: no column of the form STEM_k"},
        {"r,advice_1\nana,zed\n", {}, "t.csv:2: advice_1: \"zed\" is neither the id nor the name of a stakeholder"},
        {"r,advice_1\nzed,ana\n", {}, "t.csv:2: r: \"zed\" is neither the id nor the name"},
        {"r,advice_1\nana,bea\nbea,ana\nana,cy\n", {}, "t.csv:4: r: respondent \"ana\" has a row already (line 2)"},
        {"r,advice_1\n,bea\n", {}, "t.csv:2: r: an empty respondent id"},
        {"r,advice_1\nana,bea,cy\n", {}, "t.csv:2: a row of 3 cells; the header has 2"},
        {"r,advice_1,advice_1\nana,bea,cy\n", {}, "t.csv:1: advice_1: the column \"advice_1\" is given twice"},
        {"r,advice_1,friend_1\nana,bea,cy\n", rename, "t.csv:1: relation: one relation name (\"x\") for 2 questions"},
        {"r,advice_1\nana,\"bea\n", {}, "t.csv:2"},
        {"r,advice_1\nana,Twin\n", {}, "t.csv:2: advice_1: \"Twin\" is the name of several stakeholders"},
        {"r,advice_1\nana,\xff\n", {}, "t.csv:2"},
    };
    for (const Case& c : cases) {
        INFO(c.text);
        Network net = existing_network();
        net.add_stakeholder({.id = "ana"});
        net.add_stakeholder({.id = "bea"});
        net.add_stakeholder({.id = "cy"});
        net.add_stakeholder({.id = "t1", .name = "Twin"});
        net.add_stakeholder({.id = "t2", .name = "Twin"});
        const Network before = net;
        try {
            parse_roster(net, c.text, c.options, "t.csv");
            FAIL("no error");
        } catch (const parse_error& e) {
            CHECK_THAT(e.what(), Catch::Contains(c.expected));
        }
        CHECK(net == before);
    }
}

TEST_CASE("copnet --input survey.csv --layout roster: relations, notes and errors", "[cli][roster]") {
    const auto path = std::filesystem::temp_directory_path() / "copnet-roster-cli.csv";
    {
        std::ofstream out(path);
        out << survey;
    }
    auto r = copnet::test::run("summary --input '" + path.string() + "' --layout roster --format json");
    REQUIRE(r.status == 0);
    CHECK_THAT(r.out, Catch::Contains("\"stakeholders\": 5"));  // Cy Young is a new id here: no list
    CHECK_THAT(r.err, Catch::Contains("note: columns not of the form STEM_k skipped: timestamp"));
    r = copnet::test::run("summary --input '" + path.string() + "' --layout roster --relation asks");
    CHECK(r.status == 1);
    CHECK_THAT(r.err, Catch::Contains("copnet-roster-cli.csv:1: relation: one relation name"));
    std::filesystem::remove(path);
}
