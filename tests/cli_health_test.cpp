// `copnet health`, run as a user runs it: the JSON keys of docs/cli.md ("health") with the hand-checked
// values of health_test.cpp, text and CSV output, and clean failures.
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "cli_run.hpp"

namespace fs = std::filesystem;
using json = nlohmann::ordered_json;
using copnet::test::Run;
using copnet::test::run;

namespace {

class Files {
public:
    Files() : dir_(copnet::test::unique_temp_path("health")) { fs::create_directories(dir_); }
    Files(const Files&) = delete;
    Files& operator=(const Files&) = delete;
    ~Files() {
        std::error_code ignored;
        fs::remove_all(dir_, ignored);
    }
    [[nodiscard]] fs::path path(const std::string& name) const { return dir_ / name; }
    std::string write(const std::string& name, const std::string& text) {
        std::ofstream(dir_ / name) << text;
        return "'" + (dir_ / name).string() + "'";
    }

private:
    fs::path dir_;
};

const char* const nodes = "id,organization,circle\na,Org1,core\nb,Org2,inner\nc, org2,outer\n"
                          "d,,outer\ne,Org3,\n";
const char* const events = "time,source,target,relation\n0,a,b,\n1,b,a,\n2,a,c,\n2,b,c,\n5,c,d,\n"
                           "10,a,b,\n15,e,d,\n12,d,e,\n15,d,e,\n30,a,b,collaboration\n35,c,a,\n";

} // namespace

TEST_CASE("copnet health --format json has the keys and values of docs/cli.md", "[cli][health]") {
    Files f;
    const std::string in = "--nodes " + f.write("nodes.csv", nodes) + " --ties " +
                           f.write("ties.csv", "source,target,kind\n") + " --events " +
                           f.write("events.csv", events);
    const Run r = run("health " + in + " --every 10 --format json");
    REQUIRE(r.status == 0);
    CHECK(r.err.empty());
    const json j = json::parse(r.out);
    std::vector<std::string> keys;
    for (const auto& [k, v] : j.items()) keys.push_back(k);
    CHECK(keys == std::vector<std::string>{"windows", "members"});
    REQUIRE(j["windows"].size() == 4);
    const json& w0 = j["windows"][0];
    std::vector<std::string> wkeys;
    for (const auto& [k, v] : w0.items()) wkeys.push_back(k);
    CHECK(wkeys == std::vector<std::string>{"start", "end", "events", "active", "newcomers",
                                            "retained", "departed", "pairs", "formed", "dissolved",
                                            "persistence", "reciprocity", "absence_factor",
                                            "elephant_factor", "by_circle"});
    CHECK(w0["start"] == 0);
    CHECK(w0["end"] == 10);
    CHECK(w0["events"] == 5);
    CHECK(w0["retained"].is_null());
    CHECK(w0["persistence"].is_null());
    CHECK(w0["reciprocity"].get<double>() == Approx(0.4));
    CHECK(w0["absence_factor"] == 2);
    CHECK(w0["elephant_factor"] == 1);
    CHECK(w0["by_circle"][0] == json{{"circle", "core"}, {"active", 1}, {"members", 1}, {"share", 1.0}});
    const json& w1 = j["windows"][1];
    CHECK(w1["retained"] == 3);
    CHECK(w1["departed"] == 1);
    CHECK(w1["formed"] == 1);
    CHECK(w1["dissolved"] == 3);
    CHECK(w1["persistence"].get<double>() == Approx(0.2));
    const json& w2 = j["windows"][2];
    CHECK(w2["events"] == 0);
    CHECK(w2["reciprocity"].is_null());
    CHECK(w2["elephant_factor"].is_null());
    REQUIRE(j["members"].size() == 5);
    CHECK(j["members"][0] == json{{"id", "a"}, {"events", 6}, {"active_windows", 3}, {"first", 0},
                                  {"last", 35}, {"burstiness", j["members"][0]["burstiness"]}});
    CHECK(j["members"][0]["burstiness"].get<double>() == Approx(0.0010183309949062982));

    const Run csv = run("health " + in + " --every 10 --format csv");
    REQUIRE(csv.status == 0);
    CHECK(csv.out.substr(0, csv.out.find('\n')) ==
          "start,end,events,active,newcomers,retained,departed,pairs,formed,dissolved,"
          "persistence,reciprocity,absence_factor,elephant_factor");
    CHECK(csv.out.find("\n10,20,4,4,1,3,1,2,1,3,0.2,") != std::string::npos);

    const Run text = run("health " + in + " --every 10");
    REQUIRE(text.status == 0);
    CHECK_THAT(text.out, Catch::Contains("[10, 20): 4 active (1 new, 3 of [0, 10)'s 4 newcomers came back"));
    CHECK_THAT(text.out, Catch::Contains("[20, 30): no events"));
}

TEST_CASE("copnet health prints ISO times as given and names calendar months", "[cli][health]") {
    Files f;
    const std::string in = "--nodes " + f.write("nodes.csv", nodes) + " --ties " +
                           f.write("ties.csv", "source,target,kind\n") + " --events " +
                           f.write("events.csv", "time,source,target\n2024-02-29,a,b\n"
                                                 "2024-03-05,b,a\n2024-03-06,c,a\n");
    const Run r = run("health " + in + " --format json");
    REQUIRE(r.status == 0);
    const json j = json::parse(r.out);
    REQUIRE(j["windows"].size() == 2);
    CHECK(j["windows"][0]["start"] == "2024-02-01");
    CHECK(j["windows"][0]["end"] == "2024-03-01");
    CHECK(j["windows"][1]["retained"] == 2);
    CHECK(j["members"][0]["first"] == "2024-02-29");
    const Run text = run("health " + in);
    CHECK_THAT(text.out, Catch::Contains("March 2024: 3 active (1 new, 2 of February's 2 newcomers came back"));
}

TEST_CASE("copnet health fails cleanly on bad input", "[cli][health]") {
    Files f;
    const std::string in = "--nodes " + f.write("nodes.csv", nodes) + " --ties " +
                           f.write("ties.csv", "source,target,kind\n");
    struct Bad {
        std::string args;
        std::string says;
    };
    const std::vector<Bad> bad{
        {" --events " + f.write("e1.csv", "time,source,target\n2023-02-29,a,b\n"),
         "e1.csv:2: time \"2023-02-29\" has day 29"},
        {" --events " + f.write("e2.csv", "time,source,target\n1,a,zed\n"),
         "e2.csv:2: target \"zed\" is not a stakeholder"},
        {" --events " + f.write("e3.csv", "time,source,target\n1,a,b\n") + " --every 0",
         "span \"0\" is not positive"},
        {" --events " + f.write("e4.csv", "time,source,target\n1,a,b\n") + " --every 7d",
         "needs ISO 8601 times"},
        {" --events " + f.write("e5.csv", "time,source,target\n2024-01-01,a,b\n") + " --since 5",
         "is not the kind of time"},
        {" --events " + f.write("e6.csv", "time,source,target\n1,a,b\n2024-01-01,b,a\n"),
         "one file holds one kind of time"},
    };
    for (const Bad& b : bad) {
        INFO(b.args);
        const Run r = run("health " + in + b.args + " --format json");
        CHECK(r.status != 0);
        CHECK(r.out.empty());
        CHECK_THAT(r.err, Catch::Contains(b.says));
    }
    const Run none = run("health " + in);
    CHECK(none.status != 0);
    CHECK_THAT(none.err, Catch::Contains("--events"));
}

TEST_CASE("the window option (--window) runs an analysis on the network of a window's events", "[cli][events]") {
    Files f;
    const std::string nodes_ties = "--nodes " + f.write("nodes.csv", nodes) + " --ties " +
                                   f.write("ties.csv", "source,target,kind\n") + " --events " +
                                   f.write("events.csv", events);
    const auto count = [&](const std::string& args) {
        const Run r = run("reach --from a " + args + " --format json");
        REQUIRE(r.status == 0);
        return json::parse(r.out)["count"].get<int>();
    };
    CHECK(count(nodes_ties + " --window 0..10") == 4);   // a→b, a→c, c→d
    CHECK(count(nodes_ties + " --window 10..20") == 2);  // a→b only
    CHECK(count(nodes_ties + " --window 20..30") == 1);  // no events: no ties
    // The input's ties are added to the window's.
    const std::string with_tie = "--nodes " + f.write("n2.csv", nodes) + " --ties " +
                                 f.write("t2.csv", "source,target,kind\nb,e,influence\n") +
                                 " --events " + f.write("e2.csv", events);
    CHECK(count(with_tie + " --window 0..10") == 5);
    const Run backwards = run("reach --from a " + nodes_ties + " --window 10..5");
    CHECK(backwards.status != 0);
    CHECK(backwards.out.empty());
    CHECK_THAT(backwards.err, Catch::Contains("ends before it starts"));
    const Run kind = run("reach --from a " + nodes_ties + " --window 2024-01-01..2024-02-01");
    CHECK(kind.status != 0);
    CHECK_THAT(kind.err, Catch::Contains("is not the kind of time"));
}

TEST_CASE("copnet reach --temporal: earliest arrivals in time order", "[cli][temporal]") {
    Files f;
    const std::string in = "--nodes " + f.write("nodes.csv", nodes) + " --ties " +
                           f.write("ties.csv", "source,target,kind\n") + " --events " +
                           f.write("events.csv", events);
    const Run r = run("reach --temporal --from a " + in + " --format json");
    REQUIRE(r.status == 0);
    const json j = json::parse(r.out);
    CHECK(j["since"] == 0);
    CHECK(j["count"] == 5);
    CHECK(j["reached"] == json::parse(R"([{"id":"a","arrival":0},{"id":"b","arrival":0},
        {"id":"c","arrival":2},{"id":"d","arrival":5},{"id":"e","arrival":12}])"));
    CHECK(j["by_circle"][2]["reached"] == 2);  // outer: c and d
    const Run late = run("reach --temporal --from a --since 3 " + in + " --format csv");
    REQUIRE(late.status == 0);
    CHECK(late.out == "id,arrival\na,3\nb,10\n");
    const Run hops = run("reach --temporal --hops 2 --from a " + in);
    CHECK(hops.status != 0);
    CHECK_THAT(hops.err, Catch::Contains("--hops does not apply"));
    const Run no_log = run("reach --temporal --from a --nodes " + f.write("n.csv", nodes) +
                           " --ties " + f.write("t.csv", "source,target,kind\n"));
    CHECK(no_log.status != 0);
    CHECK_THAT(no_log.err, Catch::Contains("--events FILE"));
}

TEST_CASE("copnet health with no input runs on the bundled example's invented events", "[cli][health]") {
    const Run r = run("health --format json");
    REQUIRE(r.status == 0);
    const json j = json::parse(r.out);
    REQUIRE(j["windows"].size() == 12);  // the months of 2024
    CHECK(j["windows"][0]["start"] == "2024-01-01T00:00:00Z");
    CHECK(j["windows"][11]["end"] == "2025-01-01T00:00:00Z");
    int events = 0;
    for (const json& w : j["windows"]) events += w["events"].get<int>();
    CHECK(events == 3390);
    const Run text = run("health");
    REQUIRE(text.status == 0);
    CHECK_THAT(text.out, Catch::Contains("invented"));
    CHECK_THAT(text.out, Catch::Contains("February 2024: "));
}

TEST_CASE("copnet health --attendance reads a sign-in sheet", "[cli][health]") {
    Files f;
    const std::string in = "--nodes " + f.write("nodes.csv", nodes) + " --ties " +
                           f.write("ties.csv", "source,target,kind\n") + " --attendance " +
                           f.write("attendance.csv", "time,meeting,id\n2024-01-10,m,a\n2024-01-10,m,b\n"
                                                     "2024-01-10,m,c\n2024-02-07,m,a\n2024-02-07,m,d\n");
    const Run r = run("health " + in + " --format json");
    REQUIRE(r.status == 0);
    const json j = json::parse(r.out);
    REQUIRE(j["windows"].size() == 2);
    CHECK(j["windows"][0]["events"] == 3);      // ab ac bc
    CHECK(j["windows"][0]["reciprocity"] == 1.0);  // co-attendance is mutual
    CHECK(j["windows"][1]["newcomers"] == 1);   // d
    CHECK(j["windows"][1]["retained"] == 1);    // a
    const Run both = run("health " + in + " --events " + f.write("e.csv", events));
    CHECK(both.status != 0);
}

TEST_CASE("copnet health --leaders adds who leads, rises and goes quiet", "[cli][health]") {
    Files f;
    const std::string in = "--nodes " + f.write("nodes.csv", nodes) + " --ties " +
                           f.write("ties.csv", "source,target,kind\n") + " --events " +
                           f.write("events.csv", events);
    const Run r = run("health " + in + " --every 10 --leaders --leaders-top 0.5 --format json");
    REQUIRE(r.status == 0);
    const json j = json::parse(r.out);
    REQUIRE(j["leaders"].size() == 4);
    CHECK(j["leaders"][0]["top"] == json::parse(R"([{"id":"c","coreness":2,"in_degree":2},
        {"id":"a","coreness":2,"in_degree":1}])"));
    CHECK(j["leaders"][1]["rising"] == json::parse(R"(["b","d"])"));
    CHECK(j["leaders"][2]["quiet_core"] == json::parse(R"(["a"])"));
    const Run text = run("health " + in + " --every 10 --leaders --leaders-top 0.5");
    CHECK_THAT(text.out, Catch::Contains("[20, 30): nobody active; core gone quiet: a"));
}

TEST_CASE("copnet reach --temporal --counts: everyone's reach in time order", "[cli][temporal]") {
    Files f;
    const std::string in = "--nodes " + f.write("nodes.csv", nodes) + " --ties " +
                           f.write("ties.csv", "source,target,kind\n") + " --events " +
                           f.write("events.csv", events);
    const Run r = run("reach --temporal --counts " + in + " --format csv");
    REQUIRE(r.status == 0);
    // From 0: a reaches b c d e; b reaches a c d e (b→a at 1, then a→c at 2…); c reaches d e
    // (c→d at 5, d→e at 12) and a at 35; d reaches e; e reaches d.
    CHECK(r.out == "id,reached\na,4\nb,4\nc,3\nd,1\ne,1\n");
    CHECK(run("reach --counts " + in).status != 0);
}

TEST_CASE("copnet health --chart writes the windows as an SVG beside the usual output", "[cli][health][chart]") {
    Files f;
    const std::string in = "--nodes " + f.write("nodes.csv", nodes) + " --ties " +
                           f.write("ties.csv", "source,target,kind\n") + " --events " +
                           f.write("events.csv", events);
    const fs::path chart = f.path("health.svg");
    const Run r = run("health " + in + " --every 10 --format csv --chart '" + chart.string() + "'");
    REQUIRE(r.status == 0);
    CHECK(r.out.find("\n10,20,4,4,1,3,1,2,1,3,0.2,") != std::string::npos);  // output unchanged
    std::ifstream file(chart);
    const std::string svg((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
    CHECK(svg.find("<title>10 to 20, active members: 4</title>") != std::string::npos);
    CHECK(svg.find("<title>20 to 30, active members: 0</title>") != std::string::npos);
    CHECK(svg.find("<title>10 to 20, newcomers: 1</title>") != std::string::npos);
    CHECK(svg.find("<title>10 to 20, persistence: 20 %</title>") != std::string::npos);
    const Run bad = run("health " + in + " --chart '" + f.path("no-such-dir").string() + "/x.svg'");
    CHECK(bad.status != 0);
    CHECK_THAT(bad.err, Catch::Contains("no-such-dir"));
}
