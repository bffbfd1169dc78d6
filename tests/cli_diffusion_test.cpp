// `copnet spread` and `copnet leverage`, run as a user runs them: values on landscapes whose
// answer is known by hand, agreement with the library, determinism, and clean failures.
#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>
#include <vector>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "cli_run.hpp"
#include "copnet/analysis/reach.hpp"
#include "copnet/io/csv.hpp"

namespace fs = std::filesystem;
/// JSON objects keep the order printed, so tests check the order of keys too.
using json = nlohmann::ordered_json;
using copnet::test::Run;
using copnet::test::run;

namespace {

const std::string example = std::string(COPNET_SOURCE_DIR) + "/examples/data/state-employment/";

/// A CSV pair written to a temporary directory of its own, removed at the end of the test.
class Landscape {
public:
    Landscape(const std::string& nodes, const std::string& ties)
        : dir_(copnet::test::unique_temp_path("landscape")) {
        fs::create_directories(dir_);
        std::ofstream(dir_ / "nodes.csv") << nodes;
        std::ofstream(dir_ / "ties.csv") << ties;
    }
    Landscape(const Landscape&) = delete;
    Landscape& operator=(const Landscape&) = delete;
    ~Landscape() {
        std::error_code ignored;
        fs::remove_all(dir_, ignored);
    }
    /// The --nodes and --ties options naming the pair.
    [[nodiscard]] std::string args() const {
        return "--nodes '" + (dir_ / "nodes.csv").string() + "' --ties '" +
               (dir_ / "ties.csv").string() + "'";
    }

private:
    fs::path dir_;
};

/// a → b (influence) → c (authority), every tie certain (weight 1).
const Landscape& certain_path() {
    static const Landscape path("id,name\na,A\nb,B\nc,C\n",
                                "source,target,kind,weight\na,b,influence,1\nb,c,authority,\n");
    return path;
}

/// h → x1 … x4 (influence, weight 1); x1 is in the core circle, h in none.
const Landscape& star() {
    static const Landscape s("id,circle\nh,none\nx1,core\nx2,outer\nx3,outer\nx4,outer\n",
                             "source,target,kind,weight\nh,x1,influence,1\nh,x2,influence,1\n"
                             "h,x3,influence,1\nh,x4,influence,1\n");
    return s;
}

/// Parses a successful run's JSON; the run must leave stderr empty (no progress bar when stderr
/// is not a terminal).
json json_of(const Run& r) {
    INFO(r.err);
    REQUIRE(r.status == 0);
    CHECK(r.err.empty());
    return json::parse(r.out);
}

/// The keys of `j` in the order printed.
std::vector<std::string> keys_of(const json& j) {
    std::vector<std::string> keys;
    for (const auto& item : j.items()) keys.push_back(item.key());
    return keys;
}

/// The ids of `j["adoption"]`, in order.
std::vector<std::string> adopter_ids(const json& j) {
    std::vector<std::string> ids;
    for (const auto& a : j.at("adoption")) ids.push_back(a.at("id"));
    return ids;
}

} // namespace

TEST_CASE("copnet spread along certain ties: everyone downstream adopts", "[cli][spread]") {
    const std::string in = certain_path().args() + " --runs 500 --from a";
    for (const char* model : {"ic", "lt"}) {
        INFO(model);
        const auto j =
            json_of(run("spread --format json --model " + std::string(model) + ' ' + in));
        CHECK(j.at("expected") == 3.0);
        CHECK(j.at("stddev") == 0.0);
        CHECK(j.at("ci95") == json::array({3.0, 3.0}));
        CHECK(j.at("runs") == 500);
        CHECK(j.at("model") == model);
        CHECK(adopter_ids(j) == std::vector<std::string>{"a", "b", "c"});
        for (const auto& a : j.at("adoption")) CHECK(a.at("probability") == 1.0);
        CHECK(j.at("by_circle").empty());  // no circle column: no community
        REQUIRE(j.at("by_facet").size() == 1);  // every sector empty: one category ""
        CHECK(j["by_facet"][0] == json{{"category", ""}, {"total", 3},
                                                 {"expected", 3.0}, {"share", 1.0}});
    }
    // The filter decides which ties carry the message.
    CHECK(json_of(run("spread --format json --kinds influence " + in)).at("expected") == 2.0);
    CHECK(json_of(run("spread --format json --direction in --runs 50 --from c " +
                      certain_path().args()))
              .at("expected") == 3.0);
    CHECK(json_of(run("spread --format json --runs 50 --from c " + certain_path().args()))
              .at("expected") == 1.0);

    const Run csv = run("spread --format csv " + in);
    CHECK(csv.status == 0);
    CHECK(csv.out == "id,probability\na,1\nb,1\nc,1\n");
    const Run text = run("spread " + in);
    CHECK(text.status == 0);
    CHECK_THAT(text.out, Catch::Contains("expected adopters 3.0 of 3 stakeholders") &&
                             Catch::Contains("From 1 stakeholder, following all kinds of ties"));
}

TEST_CASE("copnet spread with probability 0 reaches the sources only", "[cli][spread]") {
    const auto j = json_of(run("spread --format json --probability 0 --runs 200 --from a,b " +
                               certain_path().args()));
    CHECK(j.at("expected") == 2.0);
    CHECK(adopter_ids(j) == std::vector<std::string>{"a", "b"});  // c never adopts: not listed
}

TEST_CASE("copnet spread over a tie of weight 0.5 adopts half the time", "[cli][spread]") {
    const Landscape one("id\na\nb\n", "source,target,kind,weight\na,b,influence,0.5\n");
    const auto j = json_of(run("spread --format json --runs 2000 --seed 11 --from a " +
                               one.args()));
    CHECK(j.at("expected").get<double>() == Approx(1.5).margin(0.05));
    CHECK(j.at("stddev").get<double>() == Approx(0.5).margin(0.02));
    CHECK(j["ci95"][0].get<double>() < j["expected"].get<double>());
    CHECK(j["ci95"][1].get<double>() > j["expected"].get<double>());
    REQUIRE(j.at("adoption").size() == 2);
    CHECK(j["adoption"][0] == json{{"id", "a"}, {"probability", 1.0}});
    CHECK(j["adoption"][1].at("id") == "b");
    CHECK(j["adoption"][1].at("probability").get<double>() == Approx(0.5).margin(0.05));
}

TEST_CASE("copnet spread prints what the library computes, keys as the design says",
          "[cli][spread]") {
    const copnet::Network net = copnet::read_csv(example + "nodes.csv", example + "ties.csv");
    const copnet::Community* cop = net.find_community("community");
    REQUIRE(cop != nullptr);
    const std::vector<copnet::StakeholderId> core = cop->members(copnet::Circle::core);
    const copnet::SpreadResult expected =
        copnet::spread(net, core, {.runs = 1000, .seed = 3, .threads = 1});

    const auto j = json_of(run("spread --format json --runs 1000 --seed 3 --synergy"));
    CHECK(keys_of(j) == std::vector<std::string>{"expected", "stddev", "ci95", "runs", "model",
                                                 "adoption", "by_circle", "by_facet",
                                                 "synergy"});
    CHECK(j.at("expected") == expected.expected);
    CHECK(j.at("stddev") == expected.stddev);
    CHECK(j.at("ci95") == json::array({expected.ci_low, expected.ci_high}));
    CHECK(j.at("model") == "ic");
    std::size_t positive = 0;
    for (const copnet::Adoption& a : expected.adoption) positive += a.probability > 0.0;
    REQUIRE(j.at("adoption").size() == positive);
    double previous = 1.0;
    for (const auto& a : j["adoption"]) {
        REQUIRE(a.at("id").is_string());
        REQUIRE(a.at("probability").is_number());
        const double p = a["probability"];
        CHECK(p <= previous);  // most likely first
        previous = p;
        const auto who = net.at(a["id"].get<std::string>());
        const auto it = std::find_if(expected.adoption.begin(), expected.adoption.end(),
                                     [&](const copnet::Adoption& x) { return x.who == who; });
        REQUIRE(it != expected.adoption.end());
        CHECK(p == it->probability);
    }
    // By circle: the counts of examples/data/README.md; the core group are the sources.
    REQUIRE(j.at("by_circle").size() == 4);
    const std::vector<std::pair<std::string, int>> circles{
        {"core", 5}, {"inner", 11}, {"outer", 24}, {"none", 21}};
    for (std::size_t i = 0; i < circles.size(); ++i) {
        CHECK(j["by_circle"][i].at("category") == circles[i].first);
        CHECK(j["by_circle"][i].at("total") == circles[i].second);
    }
    CHECK(j["by_circle"][0].at("expected") == 5.0);
    CHECK(keys_of(j["by_facet"][0]) ==
          std::vector<std::string>{"category", "total", "expected", "share"});
    double facet_sum = 0.0;
    for (const auto& row : j.at("by_facet")) facet_sum += row.at("expected").get<double>();
    CHECK(facet_sum == Approx(expected.expected));

    const copnet::Synergy s =
        copnet::coalition_synergy(net, core, {.runs = 1000, .seed = 3, .threads = 1});
    const auto& js = j.at("synergy");
    CHECK(keys_of(js) == std::vector<std::string>{"together", "best", "best_single", "sum_alone",
                                                  "gain_over_best", "ratio_to_sum", "alone"});
    CHECK(js.at("together") == s.together);
    CHECK(js.at("best") == net.stakeholder(s.best).id);
    CHECK(js.at("sum_alone") == s.sum_alone);
    REQUIRE(js.at("alone").size() == core.size());
    CHECK(js["alone"][0].at("id") == net.stakeholder(core[0]).id);
    CHECK(js["alone"][0].at("expected") == s.alone[0].expected);
}

TEST_CASE("copnet spread: same seed, same output, whatever the threads", "[cli][spread]") {
    const std::string args = "spread --format json --runs 2000 --synergy --kinds influence ";
    const Run one = run(args + "--seed 5 --threads 1");
    const Run two = run(args + "--seed 5 --threads 2");
    REQUIRE(one.status == 0);
    CHECK(one.out == two.out);
    const auto other = json_of(run(args + "--seed 6 --threads 2"));
    CHECK(other.at("expected") != json::parse(one.out).at("expected"));
}

TEST_CASE("copnet spread --synergy compares the coalition with each member alone",
          "[cli][spread]") {
    SECTION("independent cascade: overlapping audiences") {
        const auto j = json_of(run("spread --format json --runs 200 --synergy --from a,c " +
                                   certain_path().args()));
        const auto& s = j.at("synergy");
        CHECK(s.at("together") == 3.0);
        CHECK(s.at("best") == "a");
        CHECK(s.at("best_single") == 3.0);
        CHECK(s.at("sum_alone") == 4.0);  // a alone 3, c alone 1
        CHECK(s.at("gain_over_best") == 0.0);
        CHECK(s.at("ratio_to_sum") == 0.75);
        CHECK(s.at("alone") == json::array({{{"id", "a"}, {"expected", 3.0}},
                                                      {{"id", "c"}, {"expected", 1.0}}}));
    }
    SECTION("linear threshold: together they tip who no one tips alone") {
        const Landscape tip("id,threshold\na,\nb,\nc,0.9\n",
                            "source,target,kind,weight\na,c,influence,0.5\nb,c,influence,0.5\n");
        const std::string args = "spread --model lt --runs 200 --synergy --from a,b " + tip.args();
        const auto s = json_of(run(args + " --format json")).at("synergy");
        CHECK(s.at("together") == 3.0);
        CHECK(s.at("sum_alone") == 2.0);
        CHECK(s.at("gain_over_best") == 2.0);
        CHECK(s.at("ratio_to_sum") == 1.5);
        CHECK_THAT(run(args).out, Catch::Contains("together they tip stakeholders no one tips"));
    }
}

TEST_CASE("copnet leverage picks the hub of a star", "[cli][leverage]") {
    for (const char* method : {"celf", "imm", "auto"}) {
        INFO(method);
        const auto j = json_of(run("leverage --format json --k 1 --runs 500 --method " +
                                   std::string(method) + " " + star().args()));
        CHECK(keys_of(j) ==
              std::vector<std::string>{"conveners", "expected", "gains", "method", "samples"});
        CHECK(j.at("conveners") == json::array({"h"}));
        CHECK(j.at("expected") == 5.0);
        REQUIRE(j.at("gains").size() == 1);
        CHECK(j.at("method") == (std::string(method) == "imm" ? "imm" : "celf"));
        CHECK(j.at("samples").is_number_unsigned());
        CHECK(j.at("samples").get<std::size_t>() > 0);
    }
    // CELF: every leaf adds nothing after the hub; the first leaf wins the tie.
    const auto two = json_of(run("leverage --format json --k 2 --runs 200 " + star().args()));
    CHECK(two.at("conveners") == json::array({"h", "x1"}));
    CHECK(two.at("gains") == json::array({5.0, 0.0}));
    // A first pass over the 5 candidates; after the hub, each leaf's stale gain of 1 is
    // re-estimated (to 0) once before the first leaf is taken.
    CHECK(two.at("samples") == 5 + 4);

    // Against the ties, a leaf reaches the hub and the hub no one.
    const auto in = json_of(run("leverage --format json --k 1 --runs 200 --direction in " +
                                star().args()));
    CHECK(in.at("conveners") == json::array({"x1"}));
    CHECK(in.at("expected") == 2.0);

    const Run csv = run("leverage --format csv --k 2 --runs 200 " + star().args());
    CHECK(csv.out == "rank,id,gain\n1,h,5\n2,x1,0\n");
    const Run text = run("leverage --k 1 --runs 200 " + star().args());
    CHECK_THAT(text.out, Catch::Contains("   1. h ") && Catch::Contains("+5.0") &&
                             Catch::Contains("Together they reach 5.0 of 5") &&
                             Catch::Contains("CELF"));
}

TEST_CASE("copnet leverage --among chooses within a circle", "[cli][leverage]") {
    const copnet::Network net = copnet::read_csv(example + "nodes.csv", example + "ties.csv");
    const copnet::Community* cop = net.find_community("community");
    REQUIRE(cop != nullptr);
    const auto circle_of = [&](const json& id) {
        return cop->circle(net.at(id.get<std::string>()));
    };

    // All five core members: exactly the core group, each once.
    const auto all_core = json_of(run("leverage --format json --among core --k 5 --runs 200"));
    std::set<std::string> chosen;
    for (const auto& id : all_core.at("conveners")) chosen.insert(id.get<std::string>());
    std::set<std::string> core;
    for (copnet::StakeholderId who : cop->members(copnet::Circle::core))
        core.insert(net.stakeholder(who).id);
    CHECK(chosen == core);

    // The circles nest: "among the inner circle" is at or inside it (core + inner), as in Python.
    const auto inner = json_of(run("leverage --format json --among inner --k 3 --runs 200"));
    REQUIRE(inner.at("conveners").size() == 3);
    for (const auto& id : inner["conveners"]) CHECK(circle_of(id) <= copnet::Circle::inner);
    const auto all_inner = json_of(run("leverage --format json --among inner --k 16 --runs 20"));
    CHECK(all_inner.at("conveners").size() == 16);  // 5 core + 11 inner
    CHECK_THAT(run("leverage --among inner --k 17 --runs 20").err,
               Catch::Contains("only 16 candidates"));

    const auto members = json_of(run("leverage --format json --among members --k 4 --runs 200"));
    REQUIRE(members.at("conveners").size() == 4);
    for (const auto& id : members["conveners"]) CHECK(circle_of(id) != copnet::Circle::none);

    // Among all, the best single convener is at least as good as the best of the core.
    const auto best_all = json_of(run("leverage --format json --k 1 --runs 500"));
    const auto best_core = json_of(run("leverage --format json --k 1 --runs 500 --among core"));
    CHECK(best_all.at("expected").get<double>() >= best_core.at("expected").get<double>());
}

TEST_CASE("copnet spread and leverage reject bad options cleanly",
          "[cli][spread][leverage][errors]") {
    const Landscape no_inner("id,circle\na,outer\nb,outer\nc,none\n",
                             "source,target,kind\na,b,influence\n");
    const Landscape no_circles("id\na\nb\n", "source,target,kind\na,b,influence\n");
    struct Case {
        std::string args;
        std::string message;  // part of stderr
    };
    const std::vector<Case> cases{
        {"spread --from nobody", "unknown stakeholder \"nobody\""},
        {"spread --runs 0", "runs must be at least 1"},
        {"spread --runs -1", "--runs: must be a whole number, 0 or more"},
        {"spread --seed -3", "--seed"},
        {"spread --threads -1", "--threads"},
        {"spread --model xx", "unknown diffusion model \"xx\""},
        {"spread --probability 1.5", "outside [0,1]"},
        {"spread --probability -0.5", "outside [0,1]"},
        {"spread --model lt --probability 0.5", "--probability is for the independent cascade"},
        {"spread --facet circle", "circle"},
        {"spread --synergy --format csv", "--synergy has no CSV form"},
        {"spread --kinds trust", "trust"},
        {"leverage --k 0 --runs 10", "k must be at least 1"},
        {"leverage --k -1", "--k: must be a whole number"},
        {"leverage --k 6 --among core --runs 10", "only 5 candidates"},
        {"leverage --among bogus", "--among"},
        {"leverage --among inner " + no_inner.args(),
         "has no members at or inside the inner circle"},
        {"leverage --among core " + no_circles.args(), "no community \"community\""},
        {"leverage --epsilon 2", "epsilon must be in (0,1)"},
        {"leverage --method imm --ell 0", "ell must be above 0"},
        {"leverage --method greedy", "unknown leverage method \"greedy\""},
        {"leverage --model xx", "unknown diffusion model"},
        {"leverage --probability 2", "outside [0,1]"},
    };
    for (const Case& c : cases) {
        INFO(c.args);
        const Run r = run(c.args);
        CHECK(r.status != 0);
        CHECK(r.out.empty());
        CHECK_THAT(r.err, Catch::Contains(c.message));
    }
}

TEST_CASE("copnet --help lists spread and leverage", "[cli][spread][leverage]") {
    const Run help = run("--help");
    CHECK_THAT(help.out, Catch::Contains("spread") && Catch::Contains("leverage"));
    const Run sub = run("leverage --help");
    CHECK(sub.status == 0);
    CHECK_THAT(sub.out, Catch::Contains("--among") && Catch::Contains("--epsilon") &&
                            Catch::Contains("--runs"));
}
