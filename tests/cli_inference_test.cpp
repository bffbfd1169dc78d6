// `copnet test` and `copnet regress`, run as a user runs them: the JSON keys of issue 22, the
// same numbers as the library (and so as sna: tests/inference_test.cpp), CSV, clean failures.
#include <algorithm>
#include <cmath>
#include <fstream>
#include <string>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "cli_run.hpp"
#include "copnet/analysis/inference.hpp"
#include "real_data.hpp"

using json = nlohmann::ordered_json;
using copnet::test::Run;
using copnet::test::run;

namespace {

const std::string data = std::string(COPNET_SOURCE_DIR) + "/tests/data/";

std::string krackhardt() {
    return "--relations-file '" + data + "krackhardt-hightech.relations.csv' --nodes '" + data +
           "krackhardt-hightech.nodes.csv' --ties '" + data + "krackhardt-hightech.ties.csv'";
}

json sna(const std::string& key) {
    std::ifstream in(data + "inference/sna-reference.json");
    return json::parse(in)[key];
}

} // namespace

TEST_CASE("regress prints sna's coefficients and t values under the keys of the issue",
          "[cli][inference]") {
    const Run r = run("regress " + krackhardt() +
                      " --y influence --x friendship,authority,same:department,diff:age"
                      " --null classical --format json");
    REQUIRE(r.status == 0);
    const json j = json::parse(r.out);
    for (const char* key : {"model", "null", "reps", "n", "coefficients", "r_squared"})
        CHECK(j.contains(key));
    CHECK(j["model"] == "lm");
    CHECK(j["null"] == "classical");
    CHECK(j["n"] == 420);
    const json ref = sna("krackhardt.netlm.classical");
    REQUIRE(j["coefficients"].size() == 5);
    for (std::size_t a = 0; a < 5; ++a) {
        const json& c = j["coefficients"][a];
        for (const char* key : {"term", "estimate", "t", "p_greater", "p_less", "p_two_sided"})
            CHECK(c.contains(key));
        CHECK(c["term"] == ref["terms"][a]);
        CHECK(c["estimate"].get<double>() == Approx(ref["estimate"][a].get<double>()).epsilon(1e-9));
        CHECK(c["t"].get<double>() == Approx(ref["t"][a].get<double>()).epsilon(1e-9));
        CHECK(c["p_two_sided"].get<double>() ==
              Approx(ref["p_two_sided"][a].get<double>()).epsilon(1e-9).margin(1e-15));
    }
    CHECK(j["r_squared"].get<double>() == Approx(ref["r_squared"].get<double>()).epsilon(1e-9));
}

TEST_CASE("regress --model logit reports the deviance, as text and CSV too", "[cli][inference]") {
    const std::string args = "regress " + krackhardt() +
                             " --y influence --x friendship,authority --model logit --reps 50";
    const Run j = run(args + " --format json");
    REQUIRE(j.status == 0);
    const json out = json::parse(j.out);
    CHECK(out["model"] == "logit");
    CHECK(out["null"] == "qapspp");
    CHECK(out["reps"] == 50);
    CHECK(out.contains("deviance"));
    CHECK(!out.contains("r_squared"));
    const Run csv = run(args + " --format csv");
    REQUIRE(csv.status == 0);
    CHECK(csv.out.rfind("term,estimate,t,p_greater,p_less,p_two_sided\nintercept,", 0) == 0);
    CHECK(std::count(csv.out.begin(), csv.out.end(), '\n') == 4);
    const Run text = run(args);
    REQUIRE(text.status == 0);
    CHECK_THAT(text.out, Catch::Contains("Logistic network model of influence on 420 ordered dyads"));
    CHECK_THAT(text.out, Catch::Contains("Residual deviance"));
}

TEST_CASE("test prints the keys of the issue and agrees with the E-I permutation test",
          "[cli][inference]") {
    const Run t = run("test " + krackhardt() +
                      " --statistic ei --facet department --reps 500 --seed 3 --format json");
    REQUIRE(t.status == 0);
    const json j = json::parse(t.out);
    for (const char* key : {"statistic", "null", "reps", "observed", "null_mean", "null_sd",
                            "p_greater", "p_less"})
        CHECK(j.contains(key));
    CHECK(j["statistic"] == "ei");
    CHECK(j["null"] == "labels");
    CHECK(j["reps"] == 500);
    const Run b = run("boundaries " + krackhardt() +
                      " --facet department --permutations 500 --seed 3 --format json");
    REQUIRE(b.status == 0);
    const json e = json::parse(b.out);
    CHECK(j["observed"].get<double>() == e["ei_index"].get<double>());
    CHECK(j["p_greater"].get<double>() == e["ei_p_greater"].get<double>());
    CHECK(j["p_less"].get<double>() == e["ei_p_less"].get<double>());
}

TEST_CASE("test runs every null, and the thread count does not change it", "[cli][inference]") {
    for (const char* null : {"qap", "cug-size", "cug-edges", "cug-dyads", "rewire"}) {
        INFO(null);
        const std::string args = "test " + krackhardt() +
                                 " --statistic transitivity --relations influence --reps 40 "
                                 "--format csv --null " + std::string(null);
        const Run one = run(args + " --threads 1");
        const Run two = run(args + " --threads 2");
        REQUIRE(one.status == 0);
        CHECK(one.out == two.out);
        CHECK(one.out.rfind("statistic,null,reps,observed,null_mean,null_sd,p_greater,p_less,defined\n"
                            "transitivity," + std::string(null) + ",40,", 0) == 0);
    }
    // Under QAP a structural statistic of the redrawn ties cannot change: p ≥ = p ≤ = 1.
    const Run q = run("test " + krackhardt() +
                      " --statistic density --relations influence --null qap --reps 20 --format json");
    REQUIRE(q.status == 0);
    CHECK(json::parse(q.out)["p_greater"] == 1.0);
    CHECK(json::parse(q.out)["p_less"] == 1.0);
}

TEST_CASE("test and regress fail cleanly on bad options", "[cli][inference]") {
    for (const std::string args :
         {"test --statistic nope", "test --statistic ei --facet nope",
          "test --statistic density --null nope", "test --statistic correlation:influence",
          "regress --y nope --x influence", "regress --y influence --x diff:nope",
          "regress --y influence --x influence --null qapz", "test --statistic density --reps 0"}) {
        INFO(args);
        const Run r = run(args.substr(0, args.find(' ')) + " " + krackhardt() + args.substr(args.find(' ')));
        CHECK(r.status != 0);
        CHECK(r.out.empty());
        CHECK(!r.err.empty());
    }
}

TEST_CASE("test --errors prints the library's jackknife and bootstrap errors", "[cli][inference]") {
    const Run r = run("test " + krackhardt() +
                      " --statistic transitivity --relations influence --errors --reps 200 --seed 4"
                      " --format json");
    REQUIRE(r.status == 0);
    const json j = json::parse(r.out);
    const copnet::Network net = copnet::test::load_real(data, "krackhardt-hightech");
    const auto stat = copnet::named_statistic(
        net, "transitivity", copnet::TieFilter::of({copnet::test::relation_of(net, "influence")}));
    const auto want = copnet::resampling_error(net, stat, {.bootstrap_reps = 200, .seed = 4});
    CHECK(j["statistic"] == "transitivity");
    CHECK(j["observed"].get<double>() == want.observed);
    CHECK(j["jackknife_se"].get<double>() == want.jackknife_se);
    CHECK(j["bootstrap_se"].get<double>() == want.bootstrap_se);
    CHECK(j["bootstrap_reps"] == 200);
    // CSV and text carry the same numbers.
    const Run c = run("test " + krackhardt() +
                      " --statistic transitivity --relations influence --errors --reps 200 --seed 4"
                      " --format csv");
    REQUIRE(c.status == 0);
    CHECK(c.out.rfind("statistic,observed,jackknife_se,bootstrap_se,bootstrap_reps\ntransitivity,", 0) == 0);
    const Run t = run("test " + krackhardt() +
                      " --statistic transitivity --relations influence --errors --reps 200 --seed 4");
    REQUIRE(t.status == 0);
    CHECK(t.out.find("Jackknife se") != std::string::npos);
    // --errors is no null test.
    const Run bad = run("test " + krackhardt() + " --statistic density --errors --null qap");
    CHECK(bad.status != 0);
    CHECK(bad.out.empty());
}

TEST_CASE("test --errors: the jackknife of a density, by hand", "[cli][inference]") {
    // a→b, b→c, c→a, a→d: density 4/12. Leaving out a, b, c, d leaves 1, 2, 2, 3 of the 6 ordered
    // pairs tied: θ = 1/6, 1/3, 1/3, 1/2, mean 1/3, Σ(θ − mean)² = 1/18, and the jackknife
    // se = sqrt((n − 1)/n · 1/18) = sqrt(3/4 · 1/18) = sqrt(1/24).
    const auto nodes = copnet::test::unique_temp_path("nodes.csv");
    const auto ties = copnet::test::unique_temp_path("ties.csv");
    std::ofstream(nodes) << "id\na\nb\nc\nd\n";
    std::ofstream(ties) << "source,target,kind\na,b,influence\nb,c,influence\nc,a,influence\n"
                           "a,d,influence\n";
    const Run r = run("test --nodes '" + nodes.string() + "' --ties '" + ties.string() +
                      "' --statistic density --relations influence --errors --reps 50 --format json");
    std::filesystem::remove(nodes);
    std::filesystem::remove(ties);
    REQUIRE(r.status == 0);
    const json j = json::parse(r.out);
    CHECK(j["observed"].get<double>() == Approx(4.0 / 12.0).epsilon(1e-12));
    CHECK(j["jackknife_se"].get<double>() == Approx(std::sqrt(1.0 / 24.0)).epsilon(1e-12));
    CHECK(j["bootstrap_reps"] == 50);
}
