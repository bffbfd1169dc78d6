// Leverage (CELF, IMM): known answers on stars, IMM within its guarantee of CELF on small
// graphs, determinism across thread counts, candidate restriction, and bad input.
#include <cmath>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "real_data.hpp"

#include "copnet/analysis/reach.hpp"
#include "copnet/error.hpp"
#include "copnet/io/csv.hpp"

using namespace copnet;
namespace fs = std::filesystem;

namespace {

void set_attribute(Network& net, StakeholderId who, const std::string& name,
                   const std::string& value) {
    Stakeholder s = net.stakeholder(who);
    s.attributes[name] = value;
    net.update_stakeholder(who, std::move(s));
}

// Two stars: hub "h1" with 4 leaves, hub "h2" with 3, and one isolated stakeholder.
Network two_stars(double weight = 1.0) {
    Network net;
    net.add_stakeholder({.id = "h1"});
    net.add_stakeholder({.id = "h2"});
    net.add_stakeholder({.id = "alone"});
    for (int i = 0; i < 4; ++i) {
        const auto leaf = net.add_stakeholder({.id = "a" + std::to_string(i)});
        net.add_tie(net.at("h1"), leaf, TieKind::influence, weight);
    }
    for (int i = 0; i < 3; ++i) {
        const auto leaf = net.add_stakeholder({.id = "b" + std::to_string(i)});
        net.add_tie(net.at("h2"), leaf, TieKind::influence, weight);
    }
    return net;
}

std::vector<std::string> ids(const Network& net, const LeverageResult& r) {
    std::vector<std::string> out;
    for (const Convener& c : r.conveners) out.push_back(net.stakeholder(c.who).id);
    return out;
}

// A seeded random landscape: n stakeholders, m directed influence ties, weights in [lo, hi).
Network random_landscape(int n, int m, double lo, double hi, unsigned seed) {
    std::mt19937_64 rng(seed);
    Network net;
    for (int i = 0; i < n; ++i) net.add_stakeholder({.id = "s" + std::to_string(i)});
    std::uniform_int_distribution<std::size_t> pick(0, static_cast<std::size_t>(n) - 1);
    std::uniform_real_distribution<double> weight(lo, hi);
    for (int e = 0; e < m; ++e) {
        const std::size_t s = pick(rng);
        const std::size_t t = pick(rng);
        if (s != t)
            net.add_tie(StakeholderId(static_cast<std::uint32_t>(s)),
                        StakeholderId(static_cast<std::uint32_t>(t)), TieKind::influence,
                        weight(rng));
    }
    return net;
}

} // namespace

TEST_CASE("leverage picks the hubs, largest first, with their gains", "[leverage]") {
    const Network net = two_stars();
    for (LeverageMethod method : {LeverageMethod::celf, LeverageMethod::imm}) {
        INFO(to_string(method));
        LeverageOptions o{.diffusion = {.runs = 100}, .k = 2, .method = method};
        const LeverageResult r = leverage(net, o);
        CHECK(r.method == method);
        CHECK(ids(net, r) == std::vector<std::string>{"h1", "h2"});
        CHECK(r.expected == 9.0);  // Monte Carlo with weights 1: exact
        REQUIRE(r.conveners.size() == 2);
        if (method == LeverageMethod::celf) {
            CHECK(r.conveners[0].gain == 5.0);
            CHECK(r.conveners[1].gain == 4.0);
        } else {
            // RR-set estimates: V · covered / sets, within sampling error.
            CHECK(r.conveners[0].gain == Approx(5.0).margin(0.25));
            CHECK(r.conveners[1].gain == Approx(4.0).margin(0.25));
        }
        CHECK(r.samples > 0);
    }
    // IMM's own estimate when the Monte Carlo check is skipped.
    const LeverageResult own =
        leverage(net, {.diffusion = {.runs = 0}, .k = 2, .method = LeverageMethod::imm});
    CHECK(own.expected == Approx(9.0).margin(0.3));
}

TEST_CASE("leverage among chosen candidates only", "[leverage]") {
    const Network net = two_stars();
    const std::vector<StakeholderId> leaves = {net.at("a0"), net.at("b1"), net.at("alone")};
    for (LeverageMethod method : {LeverageMethod::celf, LeverageMethod::imm}) {
        INFO(to_string(method));
        const LeverageResult r =
            leverage(net, leaves, {.diffusion = {.runs = 50}, .k = 3, .method = method});
        REQUIRE(r.conveners.size() == 3);
        for (const Convener& c : r.conveners)
            CHECK(std::find(leaves.begin(), leaves.end(), c.who) != leaves.end());
        CHECK(r.expected == 3.0);
    }
    // Duplicates are ignored, so k = 2 of {h1, h1} is one candidate too few.
    const std::vector<StakeholderId> twice = {net.at("h1"), net.at("h1")};
    CHECK_THROWS_WITH(leverage(net, twice, {.k = 2}), Catch::Contains("only 1 candidates"));
}

TEST_CASE("the conveners' pool is everyone at or inside a circle", "[leverage]") {
    Network net = two_stars();
    Community& cop = net.add_community("cop");
    cop.set_circle(net.at("h1"), Circle::core);
    cop.set_circle(net.at("a0"), Circle::inner);
    cop.set_circle(net.at("b1"), Circle::outer);
    using Ids = std::vector<StakeholderId>;
    CHECK(convener_pool(net, &cop, Circle::core) == Ids{net.at("h1")});
    // The circles nest: the inner circle's pool holds the core group too (CLI and Python alike).
    const Ids inner = convener_pool(net, &cop, Circle::inner);
    CHECK(inner.size() == 2);
    CHECK(std::find(inner.begin(), inner.end(), net.at("h1")) != inner.end());
    CHECK(convener_pool(net, &cop, Circle::outer).size() == 3);
    CHECK(convener_pool(net, &cop, std::nullopt).size() == net.stakeholder_count());
    CHECK(convener_pool(net, nullptr, Circle::none).size() == net.stakeholder_count());
    CHECK_THROWS_AS(convener_pool(net, nullptr, Circle::core), invalid_value);
    const Community& empty = net.add_community("empty");
    CHECK_THROWS_WITH(convener_pool(net, &empty, Circle::inner), Catch::Contains("no members"));
}

TEST_CASE("CELF: gains never grow (submodular spread, common random numbers)", "[leverage]") {
    const Network net = random_landscape(80, 320, 0.05, 0.35, 3);
    const LeverageResult r = leverage(
        net, {.diffusion = {.runs = 2000, .seed = 4}, .k = 6, .method = LeverageMethod::celf});
    REQUIRE(r.conveners.size() == 6);
    double sum = 0;
    for (std::size_t i = 0; i < r.conveners.size(); ++i) {
        if (i > 0) CHECK(r.conveners[i].gain <= r.conveners[i - 1].gain);
        sum += r.conveners[i].gain;
    }
    CHECK(sum == Approx(r.expected));
    // The estimate is the spread of the chosen set with the same seed and runs.
    std::vector<StakeholderId> chosen;
    for (const Convener& c : r.conveners) chosen.push_back(c.who);
    CHECK(spread(net, chosen, {.runs = 2000, .seed = 4}).expected == Approx(r.expected));
    CHECK(r.samples >= 80);  // one evaluation per candidate at least
}

TEST_CASE("IMM reaches (1 - 1/e - eps) of CELF's spread on small graphs", "[leverage]") {
    const double eps = 0.2;
    for (unsigned seed : {1U, 2U}) {
        for (DiffusionModel model : {DiffusionModel::independent_cascade,
                                     DiffusionModel::linear_threshold}) {
            INFO("seed " << seed << ", " << to_string(model));
            const Network net = random_landscape(100, 400, 0.05, 0.4, seed);
            const DiffusionOptions d{.model = model, .runs = 2000, .seed = seed};
            const LeverageResult greedy =
                leverage(net, {.diffusion = d, .k = 5, .method = LeverageMethod::celf});
            const LeverageResult imm = leverage(
                net, {.diffusion = d, .k = 5, .method = LeverageMethod::imm, .epsilon = eps});
            // Both sets judged by the same, larger Monte Carlo estimate.
            const auto judge = [&](const LeverageResult& r) {
                std::vector<StakeholderId> set;
                for (const Convener& c : r.conveners) set.push_back(c.who);
                return spread(net, set, {.model = model, .runs = 20'000, .seed = 99}).expected;
            };
            const double g = judge(greedy);
            const double i = judge(imm);
            CHECK(i >= (1.0 - 1.0 / std::exp(1.0) - eps) * g);
            CHECK(i <= 1.05 * g + 0.5);  // and greedy is not far behind: a sanity bound
        }
    }
}

TEST_CASE("leverage: same seed, same conveners whatever the thread count", "[leverage]") {
    const Network net = random_landscape(150, 600, 0.05, 0.3, 8);
    for (LeverageMethod method : {LeverageMethod::celf, LeverageMethod::imm}) {
        INFO(to_string(method));
        LeverageOptions o{.diffusion = {.runs = 500, .seed = 17, .threads = 1}, .k = 4,
                          .method = method, .epsilon = 0.3};
        const LeverageResult one = leverage(net, o);
        o.diffusion.threads = 2;
        const LeverageResult two = leverage(net, o);
        REQUIRE(one.conveners.size() == two.conveners.size());
        for (std::size_t i = 0; i < one.conveners.size(); ++i) {
            CHECK(one.conveners[i].who == two.conveners[i].who);
            CHECK(one.conveners[i].gain == two.conveners[i].gain);
        }
        CHECK(one.expected == two.expected);
        CHECK(one.samples == two.samples);
    }
}

TEST_CASE("leverage: automatic method and linear threshold with given thresholds",
          "[leverage]") {
    Network net = two_stars(0.5);
    CHECK(leverage(net, {.diffusion = {.runs = 100}, .k = 1}).method == LeverageMethod::celf);
    CHECK(leverage(net, {.diffusion = {.runs = 100}, .k = 1, .celf_budget = 0}).method ==
          LeverageMethod::imm);
    const DiffusionOptions lt{.model = DiffusionModel::linear_threshold, .runs = 200};
    CHECK(ids(net, leverage(net, {.diffusion = lt, .k = 1, .method = LeverageMethod::imm})) ==
          std::vector<std::string>{"h1"});
    set_attribute(net, net.at("a0"), "threshold", "0.2");
    CHECK(leverage(net, {.diffusion = lt, .k = 1, .celf_budget = 0}).method ==
          LeverageMethod::celf);
    CHECK_THROWS_WITH(leverage(net, {.diffusion = lt, .k = 1, .method = LeverageMethod::imm}),
                      Catch::Contains("IMM needs thresholds drawn at random"));
}

TEST_CASE("leverage on a real network: the advice hub of Krackhardt's managers",
          "[leverage][reference]") {
    // Krackhardt (1987), advice ties: with every tie followed backwards (who is asked for advice
    // reaches the asker) and weight 1, one convener reaches everyone who asks them, directly or
    // not; greedy's first pick is the stakeholder with the largest in-reach.
    const fs::path data = fs::path(COPNET_SOURCE_DIR) / "tests" / "data";
    const Network net = copnet::test::load_real(data, "krackhardt-hightech");
    const TieFilter advice_in = TieFilter::of({TieKind::influence}, Direction::in);
    const auto counts = reach_counts(net, {.filter = advice_in});
    std::size_t best = 0;
    for (const ReachCount& c : counts) best = std::max(best, c.reached);
    const LeverageResult r = leverage(
        net, {.diffusion = {.filter = advice_in, .runs = 10, .probability = 1.0}, .k = 1});
    REQUIRE(r.conveners.size() == 1);
    CHECK(r.expected == static_cast<double>(best + 1));
}

TEST_CASE("leverage rejects bad input", "[leverage]") {
    const Network net = two_stars();
    CHECK_THROWS_WITH(leverage(net, {.k = 0}), Catch::Contains("k must be at least 1"));
    CHECK_THROWS_WITH(leverage(net, {.k = 11}), Catch::Contains("only 10 candidates"));
    CHECK_THROWS_WITH(leverage(net, std::vector<StakeholderId>{}, {}),
                      Catch::Contains("at least one candidate"));
    const std::vector<StakeholderId> ghost = {StakeholderId(42)};
    CHECK_THROWS_AS(leverage(net, ghost, {.k = 1}), unknown_stakeholder);
    for (double eps : {0.0, 1.0, -0.5, std::nan("")})
        CHECK_THROWS_WITH(leverage(net, {.k = 1, .method = LeverageMethod::imm, .epsilon = eps}),
                          Catch::Contains("epsilon"));
    CHECK_THROWS_WITH(leverage(net, {.k = 1, .method = LeverageMethod::imm, .ell = 0}),
                      Catch::Contains("ell"));
    CHECK_THROWS_WITH(leverage(net, {.diffusion = {.runs = 0}, .k = 1,
                                     .method = LeverageMethod::celf}),
                      Catch::Contains("runs"));
    CHECK_THROWS_AS(leverage(net, {.diffusion = {.probability = 2.0}, .k = 1}), invalid_value);
}

TEST_CASE("leverage reports progress, ending at its total", "[leverage]") {
    const Network net = two_stars();
    for (LeverageMethod method : {LeverageMethod::celf, LeverageMethod::imm}) {
        INFO(to_string(method));
        std::vector<std::pair<std::size_t, std::size_t>> calls;
        LeverageOptions o{.diffusion = {.runs = 50}, .k = 2, .method = method};
        o.diffusion.progress = [&](std::size_t done, std::size_t total) {
            calls.emplace_back(done, total);
        };
        (void)leverage(net, o);
        REQUIRE(!calls.empty());
        CHECK(calls.back().first == calls.back().second);
        for (const auto& [done, total] : calls) CHECK(done <= total);
        if (method == LeverageMethod::celf) {
            CHECK(calls.back().second == 10 + 2);  // ten candidates' first pass, two chosen
            for (std::size_t i = 1; i < calls.size(); ++i)
                CHECK(calls[i].first > calls[i - 1].first);
        }
    }
}
