// `copnet circles`, run as a user runs it: the JSON keys of DESIGN.md §3.2 with values checked
// against NetworkX and by hand, trajectories from --before, and clean failures.
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <string>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "cli_run.hpp"

namespace fs = std::filesystem;
using json = nlohmann::ordered_json;
using copnet::test::Run;
using copnet::test::run;

namespace {

const std::string data = std::string(COPNET_SOURCE_DIR) + "/tests/data/";

/// Files written to a temporary directory of their own, removed at the end of the test.
class Files {
public:
    Files() : dir_(copnet::test::unique_temp_path("circles")) { fs::create_directories(dir_); }
    Files(const Files&) = delete;
    Files& operator=(const Files&) = delete;
    ~Files() {
        std::error_code ignored;
        fs::remove_all(dir_, ignored);
    }
    std::string write(const std::string& name, const std::string& text) {
        std::ofstream(dir_ / name) << text;
        return "'" + (dir_ / name).string() + "'";
    }

private:
    fs::path dir_;
};

// Invented: a complete core {a,b,c}, inner d (tied to a,b), outer e (tied to a,b,c), outer f
// (tied to d), g outside tied to a and b.
const char* nodes = "id,sector,circle\na,schools,core\nb,schools,core\nc,families,core\n"
                    "d,families,inner\ne,agencies,outer\nf,agencies,outer\ng,agencies,\n";
const char* ties = "source,target,kind\na,b,collaboration\na,c,collaboration\nb,c,collaboration\n"
                   "d,a,influence\nd,b,influence\ne,a,collaboration\ne,b,collaboration\n"
                   "e,c,collaboration\nf,d,influence\ng,a,influence\ng,b,influence\n";

} // namespace

TEST_CASE("copnet circles --format json has the keys of DESIGN.md with hand-checked values",
          "[circles][cli]") {
    Files f;
    const std::string args = "--nodes " + f.write("nodes.csv", nodes) + " --ties " +
                             f.write("ties.csv", ties);
    const Run r = run("circles " + args + " --format json");
    REQUIRE(r.status == 0);
    CHECK(r.err.empty());
    const json j = json::parse(r.out);
    std::vector<std::string> keys;
    for (const auto& [k, v] : j.items()) keys.push_back(k);
    CHECK(keys == std::vector<std::string>{"coreness", "fit", "suggestions", "fits",
                                           "core_periphery", "density", "reciprocity"});
    std::map<std::string, int> k;
    for (const auto& row : j.at("coreness")) k[row.at("id").get<std::string>()] = row.at("k").get<int>();
    CHECK(k == std::map<std::string, int>{{"a", 3}, {"b", 3}, {"c", 3}, {"d", 2}, {"e", 3},
                                          {"f", 1}, {"g", 2}});
    // Members a..f, core+inner {a,b,c,d} vs outer {e,f}, CP pairs ignored: CC pairs ab ac bc
    // ad bd cd -> tied 1 1 1 1 1 0; PP pair ef -> 0. r = corr([1,1,1,1,1,1,0],[1,1,1,1,1,0,0]).
    // x = ideal, a = observed: n=7, Sx=6, Sa=5, Sxa=5, Saa=5: (35-30)/sqrt((42-36)(35-25)).
    CHECK(j.at("fit").get<double>() == Approx(5.0 / std::sqrt(60.0)).margin(1e-12));
    std::map<std::string, std::string> kind;
    for (const auto& s : j.at("suggestions")) {
        CHECK(s.contains("from"));
        CHECK(s.contains("to"));
        CHECK(!s.at("why").get<std::string>().empty());
        kind[s.at("id").get<std::string>()] = s.at("kind").get<std::string>();
    }
    // e (outer) has coreness 3 >= inner median 2: inward; d has 3 member neighbours: not at
    // risk; g is tied to 2 members, all its neighbours: invite.
    CHECK(kind.at("e") == "move_inward");
    CHECK(kind.at("g") == "invite");
    CHECK(kind.count("d") == 0);
    CHECK(j.at("density").size() == 16);
    CHECK(j.at("density")[0].at("from") == "core");
    CHECK(j.at("density")[0].at("density").get<double>() == 1.0);
    CHECK(j.at("reciprocity").at("core").is_null());  // no directed ties inside the core
    CHECK(j.at("core_periphery").at("among") == "members");
}

TEST_CASE("copnet circles coreness agrees with NetworkX on the seeded landscape", "[circles][cli]") {
    const Run r = run("circles --nodes '" + data + "circles-random.nodes.csv' --ties '" + data +
                      "circles-random.ties.csv' --format json");
    REQUIRE(r.status == 0);
    std::ifstream in(data + "circles-random.reference.json");
    const auto ref = nlohmann::json::parse(in);
    const json j = json::parse(r.out);
    REQUIRE(j.at("coreness").size() == 300);
    for (const auto& row : j.at("coreness"))
        CHECK(row.at("k") == ref.at("core_number").at("all").at(row.at("id").get<std::string>()));
    CHECK(j.at("fit").get<double>() ==
          Approx(ref.at("fit").at("ignored").at("core_inner_vs_outer").get<double>()).margin(1e-9));
    CHECK(j.at("fits").at("core_vs_rest").get<double>() ==
          Approx(ref.at("fit").at("ignored").at("core_vs_rest").get<double>()).margin(1e-9));
}

TEST_CASE("copnet circles --before reports trajectories", "[circles][cli]") {
    Files f;
    const std::string args = "--nodes " + f.write("nodes.csv", nodes) + " --ties " +
                             f.write("ties.csv", ties);
    // Before: a core, b inner, d outer, e outer, g outer; c and f not members.
    const std::string before = f.write("before.csv", "id,circle\na,core\nb,inner\nd,outer\ne,outer\ng,outer\n");
    const Run r = run("circles " + args + " --before " + before + " --format json");
    REQUIRE(r.status == 0);
    const json t = json::parse(r.out).at("trajectories");
    CHECK(t.at("counts") == json::parse(R"({"joined":2,"moved_inward":2,"moved_outward":0,"left":1,"stayed":2})"));
    CHECK(t.at("transitions").at("outer").at("inner") == 1);
    CHECK(t.at("transitions").at("inner").at("core") == 1);
    CHECK(t.at("transitions").at("outer").at("none") == 1);
    CHECK(t.at("transitions").at("none").at("core") == 1);
    std::map<std::string, std::string> m;
    for (const auto& row : t.at("members")) m[row.at("id")] = row.at("movement");
    CHECK(m == std::map<std::string, std::string>{{"a", "stayed"}, {"b", "moved_inward"},
                                                  {"c", "joined"}, {"d", "moved_inward"},
                                                  {"e", "stayed"}, {"f", "joined"}, {"g", "left"}});
    const json& by = t.at("by_facet");
    REQUIRE(by.size() == 3);
    CHECK(by[0].at("category") == "agencies");
    CHECK(by[0].at("joined") == 1);
    CHECK(by[0].at("left") == 1);
    const Run text = run("circles " + args + " --before " + before);
    REQUIRE(text.status == 0);
    CHECK(text.out.find("Since the earlier snapshot: joined 2, moved_inward 2") != std::string::npos);
}

TEST_CASE("copnet circles fails cleanly on bad snapshots and options", "[circles][cli]") {
    Files f;
    const std::string args = "--nodes " + f.write("nodes.csv", nodes) + " --ties " +
                             f.write("ties.csv", ties);
    struct Bad {
        std::string extra;
        std::string says;
    };
    for (const Bad& bad : std::vector<Bad>{
             {"--before " + f.write("b1.csv", "id,circle\na,core\nzz,inner\n"),
              "b1.csv:3: id \"zz\" is not a stakeholder of the network"},
             {"--before " + f.write("b2.csv", "id,circle\na,centre\n"), "b2.csv:2: circle: unknown circle \"centre\""},
             {"--before " + f.write("b3.csv", "id,when\na,core\n"), "no circle column"},
             {"--before " + f.write("b4.csv", "id,when\na,core\n") + " --before-column ring",
              "no ring column"},
             {"--before-community nope", "nope"},
             {"--at-risk-below -1", "0 or more"},
             {"--between sometimes", "sometimes"},
             {"--invite-min-share 2", "--invite-min-share"},
             {"--kinds friendship", "friendship"}}) {
        INFO(bad.extra);
        const Run r = run("circles " + args + " " + bad.extra + " --format json");
        CHECK(r.status != 0);
        CHECK(r.out.empty());
        CHECK(r.err.find(bad.says) != std::string::npos);
    }
}

TEST_CASE("copnet circles --weighted adds s-cores; --before-community reads a circle:NAME column",
          "[circles][cli]") {
    Files f;
    // Weights 1 everywhere: every s-core number equals the k-core number.
    const std::string args = "--nodes " + f.write("nodes.csv", nodes) + " --ties " +
                             f.write("ties.csv", ties);
    const Run w = run("circles " + args + " --weighted --format json");
    REQUIRE(w.status == 0);
    const json weighted = json::parse(w.out);
    for (const auto& row : weighted.at("coreness"))
        CHECK(row.at("s").get<double>() == row.at("k").get<double>());
    const std::string with_before =
        "--nodes " +
        f.write("nodes2.csv", "id,circle,circle:y2024\na,core,inner\nb,core,core\nc,inner,\n") +
        " --ties " + f.write("ties2.csv", "source,target,kind\na,b,collaboration\n");
    const Run r = run("circles " + with_before + " --before-community y2024 --format json");
    REQUIRE(r.status == 0);
    CHECK(json::parse(r.out).at("trajectories").at("counts") ==
          json::parse(R"({"joined":1,"moved_inward":1,"moved_outward":0,"left":0,"stayed":1})"));
}
