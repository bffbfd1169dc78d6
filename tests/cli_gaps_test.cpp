// `copnet gaps`, run as a user runs it: the JSON keys of DESIGN.md §3.2, agreement with the
// library, hand-checked values on an invented star, and clean failures.
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "cli_run.hpp"
#include "copnet/analysis/gaps.hpp"
#include "copnet/io/csv.hpp"

namespace fs = std::filesystem;
using json = nlohmann::ordered_json;
using copnet::test::Run;
using copnet::test::run;

namespace {

const std::string example = std::string(COPNET_SOURCE_DIR) + "/examples/data/state-employment/";

/// Files written to a temporary directory of their own, removed at the end of the test.
class Files {
public:
    Files() : dir_(copnet::test::unique_temp_path("gaps")) { fs::create_directories(dir_); }
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

std::vector<std::string> keys(const json& j) {
    std::vector<std::string> out;
    for (const auto& [k, v] : j.items()) out.push_back(k);
    return out;
}

// Invented: a star held together by the core member h (sector: state agencies), spokes are
// families; x (youth, not a member) is reached only from h.
const char* star_nodes = "id,name,sector,level,circle,stance\n"
                         "h,Hub,state agencies and councils,state,core,ally\n"
                         "s1,Spoke 1,families,local,core,ally\n"
                         "s2,Spoke 2,families,local,inner,ally\n"
                         "s3,Spoke 3,families,local,inner,ally\n"
                         "s4,Spoke 4,families,local,inner,ally\n"
                         "x,Outsider,youth,local,none,skeptic\n";
const char* star_ties = "source,target,kind,weight\n"
                        "h,s1,collaboration,\nh,s2,collaboration,\nh,s3,collaboration,\n"
                        "h,s4,collaboration,\nh,x,influence,\n";

} // namespace

TEST_CASE("copnet gaps --format json has the keys of the design and the library's values",
          "[cli][gaps]") {
    const Run r = run("gaps --format json");
    REQUIRE(r.status == 0);
    CHECK(r.err.empty());
    const json j = json::parse(r.out);
    // The representation, the candidates, the fragility: the descriptions of the three parts.
    CHECK(keys(j) == std::vector<std::string>{"representation", "missing", "under_represented",
                                              "candidates", "fragile", "bridges", "departures",
                                              "dependence"});
    REQUIRE(!j["representation"].empty());
    const auto row_keys = keys(j["representation"][0]);
    CHECK(std::vector<std::string>(row_keys.begin(), row_keys.begin() + 6) ==
          std::vector<std::string>{"facet", "category", "landscape", "core", "inner", "outer"});
    REQUIRE(!j["candidates"].empty());
    const auto cand_keys = keys(j["candidates"][0]);
    CHECK(std::vector<std::string>(cand_keys.begin(), cand_keys.begin() + 3) ==
          std::vector<std::string>{"id", "score", "reasons"});
    REQUIRE(!j["fragile"].empty());
    const auto frag_keys = keys(j["fragile"][0]);
    CHECK(std::vector<std::string>(frag_keys.begin(), frag_keys.begin() + 2) ==
          std::vector<std::string>{"id", "splits_into"});

    // The same numbers as the library on the same files.
    const copnet::Network net =
        copnet::read_csv(example + "nodes.csv", example + "ties.csv");
    const copnet::GapsReport lib = copnet::gaps(net, net.community("community"));
    REQUIRE(j["candidates"].size() == lib.candidates.size());
    for (std::size_t i = 0; i < lib.candidates.size(); ++i) {
        CHECK(j["candidates"][i]["id"] == net.stakeholder(lib.candidates[i].who).id);
        CHECK(j["candidates"][i]["score"].get<double>() == Approx(lib.candidates[i].score));
        CHECK(j["candidates"][i]["reasons"].size() == lib.candidates[i].reasons.size());
    }
    REQUIRE(j["fragile"].size() == lib.fragility.articulation_points.size());
    for (std::size_t i = 0; i < lib.fragility.articulation_points.size(); ++i)
        CHECK(j["fragile"][i]["id"] ==
              net.stakeholder(lib.fragility.articulation_points[i].who).id);
    CHECK(j["missing"].size() == lib.representation.missing.size());
    CHECK(j["representation"].size() == lib.representation.rows.size());
}

TEST_CASE("copnet gaps on a star held by one core member", "[cli][gaps]") {
    Files files;
    const std::string input =
        "--nodes " + files.write("nodes.csv", star_nodes) + " --ties " + files.write("ties.csv", star_ties);
    const Run r = run("gaps " + input + " --format json --facet sector");
    REQUIRE(r.status == 0);
    const json j = json::parse(r.out);
    REQUIRE(j["fragile"].size() == 1);
    CHECK(j["fragile"][0]["id"] == "h");
    CHECK(j["fragile"][0]["splits_into"] == 4);
    CHECK(j["fragile"][0]["pieces"] == json::array({1, 1, 1, 1}));
    CHECK(j["bridges"].size() == 4);
    // Missing from core + inner: youth (x), and four sectors the landscape lacks.
    std::vector<std::string> missing;
    for (const auto& m : j["missing"]) missing.push_back(m["category"]);
    CHECK(missing == std::vector<std::string>{"local schools and agency services",
                                              "state professional organizations",
                                              "state non-profit organizations",
                                              "colleges and universities", "youth"});
    // x: a tie to the core (3), adds youth (2), a skeptic (2); reach adds nobody.
    REQUIRE(j["candidates"].size() == 1);
    CHECK(j["candidates"][0]["id"] == "x");
    CHECK(j["candidates"][0]["score"].get<double>() == Approx(7.0));
    std::vector<std::string> codes;
    for (const auto& why : j["candidates"][0]["reasons"]) codes.push_back(why["code"]);
    CHECK(codes == std::vector<std::string>{"tie_to_core", "adds_missing", "skeptic"});
    // Departures: h (x lost, 4 pieces), then s1.
    REQUIRE(j["departures"].size() == 2);
    CHECK(j["departures"][0]["ids"] == json::array({"h"}));
    CHECK(j["departures"][0]["reach_lost"] == 1);
    CHECK(j["departures"][0]["pieces_after"] == 4);

    // Chosen departures and weights.
    const Run d = run("gaps " + input + " --format json --depart s1,s2 --weights skeptic=10");
    REQUIRE(d.status == 0);
    const json jd = json::parse(d.out);
    REQUIRE(jd["departures"].size() == 1);
    CHECK(jd["departures"][0]["ids"] == json::array({"s1", "s2"}));
    CHECK(jd["candidates"][0]["score"].get<double>() == Approx(15.0));

    // A taxonomy file of the user's: youth is not expected, "employers" is.
    const std::string tax =
        files.write("tax.csv", "facet,category,aliases\nsector,state agencies and councils,\n"
                               "sector,families,family\nsector,employers,business\n");
    const Run t = run("gaps " + input + " --format json --facet sector --taxonomy " + tax);
    REQUIRE(t.status == 0);
    std::vector<std::string> tmissing;
    const json jt = json::parse(t.out);
    for (const auto& m : jt["missing"]) tmissing.push_back(m["category"]);
    CHECK(tmissing == std::vector<std::string>{"employers", "youth"});
    const Run none = run("gaps " + input + " --format json --facet sector --no-taxonomy");
    REQUIRE(none.status == 0);
    CHECK(json::parse(none.out)["missing"].size() == 1);  // youth only

    const Run csv = run("gaps " + input + " --format csv --facet sector");
    REQUIRE(csv.status == 0);
    CHECK(csv.out.rfind("facet,category,expected,landscape,core,inner,outer,leading_ratio,status\n", 0) == 0);
    CHECK(csv.out.find("sector,youth,true,1,0,0,0,0,missing\n") != std::string::npos);

    const Run text = run("gaps " + input);
    REQUIRE(text.status == 0);
    CHECK(text.out.find("h (core): leaving splits it into 4 pieces of 1, 1, 1, 1") !=
          std::string::npos);
}

TEST_CASE("copnet gaps fails cleanly on bad input", "[cli][gaps][errors]") {
    Files files;
    const std::string no_circles = files.write("n.csv", "id,sector\na,families\n");
    const std::string no_ties = files.write("t.csv", "source,target,kind,weight\n");
    const std::string bad_tax = files.write("bad.csv", "facet,category\nsector,families\nsector,FAMILIES\n");
    struct Case {
        std::string args;
        std::string message;
    };
    const std::vector<Case> cases{
        {"gaps --taxonomy " + bad_tax, "bad.csv:3"},
        {"gaps --facet region", "region"},
        {"gaps --weights skeptic=x", "skeptic"},
        {"gaps --weights nobody=1", "nobody"},
        {"gaps --weights reach=-1", "reach"},
        {"gaps --depart nobody", "nobody"},
        {"gaps --threshold 2", "threshold"},
        {"gaps --nodes " + no_circles + " --ties " + no_ties, "no community"},
        {"gaps --taxonomy '" + (fs::temp_directory_path() / "copnet-no-such.csv").string() + "'",
         "copnet-no-such.csv"},
    };
    for (const Case& c : cases) {
        INFO(c.args);
        const Run r = run(c.args);
        CHECK(r.status != 0);
        CHECK(r.out.empty());
        CHECK(r.err.find(c.message) != std::string::npos);
    }
}
