// Diffusion (independent cascade, linear threshold), spread breakdown and coalition synergy:
// hand-built graphs with known answers, agreement with reachability, statistical checks against
// closed forms, determinism across thread counts, and bad input.
#include <cmath>
#include <filesystem>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "real_data.hpp"

#include "copnet/analysis/reach.hpp"
#include "copnet/community.hpp"
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

Network with(std::initializer_list<const char*> ids) {
    Network net;
    for (const char* id : ids) net.add_stakeholder({.id = id});
    return net;
}

double probability_of(const Network& net, const SpreadResult& r, const char* id) {
    for (const Adoption& a : r.adoption)
        if (net.stakeholder(a.who).id == id) return a.probability;
    FAIL("no adoption row for " << id);
    return -1.0;
}

// |estimate - truth| within 4.5 standard errors of a mean of `runs` Bernoulli/count draws.
bool close(double estimate, double truth, double sd, std::size_t runs) {
    return std::abs(estimate - truth) <= 4.5 * sd / std::sqrt(static_cast<double>(runs)) + 1e-12;
}

bool same(const SpreadResult& a, const SpreadResult& b) {
    if (a.expected != b.expected || a.stddev != b.stddev || a.adoption.size() != b.adoption.size())
        return false;
    for (std::size_t i = 0; i < a.adoption.size(); ++i)
        if (a.adoption[i].who != b.adoption[i].who ||
            a.adoption[i].probability != b.adoption[i].probability)
            return false;
    return true;
}

} // namespace

TEST_CASE("diffusion models parse and print", "[diffusion]") {
    CHECK(parse_diffusion_model("ic") == DiffusionModel::independent_cascade);
    CHECK(parse_diffusion_model(" LT ") == DiffusionModel::linear_threshold);
    CHECK(parse_diffusion_model("Independent_Cascade") == DiffusionModel::independent_cascade);
    CHECK(to_string(DiffusionModel::linear_threshold) == "lt");
    CHECK_THROWS_WITH(parse_diffusion_model("sir"),
                      Catch::Contains("unknown diffusion model \"sir\"") && Catch::Contains("ic"));
    CHECK(parse_leverage_method("auto") == LeverageMethod::automatic);
    CHECK(parse_leverage_method("IMM") == LeverageMethod::imm);
    CHECK(to_string(LeverageMethod::celf) == "celf");
    CHECK_THROWS_AS(parse_leverage_method("greedy"), invalid_value);
}

TEST_CASE("independent cascade with every weight 1 is reachability", "[diffusion]") {
    const fs::path data = fs::path(COPNET_SOURCE_DIR) / "tests" / "data";
    for (const char* name : {"krackhardt-hightech", "lazega-lawfirm", "ckm-physicians"}) {
        INFO(name);
        const Network net = copnet::test::load_real(data, name);
        const auto range = net.stakeholders();
        const std::vector<StakeholderId> all(range.begin(), range.end());
        for (Direction dir : {Direction::out, Direction::in, Direction::both}) {
            const TieFilter filter{0b111, dir};
            const std::vector<StakeholderId> sources = {all[0], all[all.size() / 2]};
            const ReachResult reached = reach(net, sources, {.filter = filter});
            const SpreadResult r =
                spread(net, sources, {.filter = filter, .runs = 20, .probability = 1.0});
            CHECK(r.expected == static_cast<double>(reached.count()));
            CHECK(r.stddev == 0.0);
            CHECK(r.ci_low == r.expected);
            std::vector<bool> in_reach(net.slot_count(), false);
            for (const Reached& x : reached.reached) in_reach[x.who.index()] = true;
            for (const Adoption& a : r.adoption)
                CHECK(a.probability == (in_reach[a.who.index()] ? 1.0 : 0.0));
        }
    }
    // The tie weights themselves at 1 (no override) give the same.
    Network net = with({"a", "b", "c", "d"});
    net.add_tie(net.at("a"), net.at("b"), TieKind::influence, 1.0);
    net.add_tie(net.at("b"), net.at("c"), TieKind::authority, 1.0);
    net.add_tie(net.at("d"), net.at("c"), TieKind::collaboration, 1.0);
    const StakeholderId a[] = {net.at("a")};
    CHECK(spread(net, a, {.runs = 10}).expected == 4.0);
    CHECK(spread(net, a, {.filter = TieFilter::of({TieKind::influence}), .runs = 10}).expected ==
          2.0);
    const StakeholderId c[] = {net.at("c")};
    CHECK(spread(net, c, {.filter = {0b111, Direction::in}, .runs = 10}).expected == 4.0);
    // Probability 0: only the sources.
    CHECK(spread(net, a, {.runs = 10, .probability = 0.0}).expected == 1.0);
}

TEST_CASE("independent cascade on a path: 1 + p + p^2 + ...", "[diffusion]") {
    const double p = 0.6;
    const int length = 6;
    Network net;
    for (int i = 0; i < length; ++i) net.add_stakeholder({.id = "v" + std::to_string(i)});
    for (int i = 0; i + 1 < length; ++i)
        net.add_tie(StakeholderId(static_cast<std::size_t>(i)),
                    StakeholderId(static_cast<std::size_t>(i + 1)), TieKind::influence, p);
    double truth = 0.0;
    double second = 0.0;  // E[X^2], X = 1 + (number of further adopters)
    for (int j = 0; j < length; ++j) {
        // X = j + 1 with probability p^j (1 - p) (or p^(length-1) for the whole path).
        const double pj = std::pow(p, j) * (j + 1 < length ? 1.0 - p : 1.0);
        truth += (j + 1) * pj;
        second += (j + 1) * (j + 1) * pj;
    }
    const double sd = std::sqrt(second - truth * truth);
    const std::size_t runs = 40'000;
    const StakeholderId source[] = {StakeholderId(0)};
    const SpreadResult r = spread(net, source, {.runs = runs, .seed = 7});
    CHECK(close(r.expected, truth, sd, runs));
    CHECK(r.stddev == Approx(sd).epsilon(0.03));
    CHECK(r.ci_low < truth);
    CHECK(r.ci_high > truth);
    CHECK(r.ci_high - r.ci_low == Approx(2 * 1.96 * r.stddev / std::sqrt(double(runs))));
    for (int j = 0; j < length; ++j) {
        const double pj = std::pow(p, j);
        CHECK(close(r.adoption[static_cast<std::size_t>(j)].probability, pj,
                    std::sqrt(pj * (1 - pj)), runs));
    }
    // Uniform probability overrides the weights.
    const SpreadResult u = spread(net, source, {.runs = runs, .seed = 3, .probability = 0.3});
    CHECK(u.adoption[1].probability == Approx(0.3).margin(0.012));
    CHECK(u.adoption[2].probability == Approx(0.09).margin(0.008));
}

TEST_CASE("independent cascade: two routes to one stakeholder", "[diffusion]") {
    // a -> b (0.5), b -> c (0.4), a -> c (0.3): P(c) = 1 - (1 - 0.3)(1 - 0.5 * 0.4) = 0.44
    Network net = with({"a", "b", "c"});
    net.add_tie(net.at("a"), net.at("b"), TieKind::influence, 0.5);
    net.add_tie(net.at("b"), net.at("c"), TieKind::influence, 0.4);
    net.add_tie(net.at("a"), net.at("c"), TieKind::authority, 0.3);
    const std::size_t runs = 50'000;
    const StakeholderId a[] = {net.at("a")};
    const SpreadResult r = spread(net, a, {.runs = runs, .seed = 11});
    CHECK(probability_of(net, r, "a") == 1.0);
    CHECK(close(probability_of(net, r, "b"), 0.5, 0.5, runs));
    CHECK(close(probability_of(net, r, "c"), 0.44, std::sqrt(0.44 * 0.56), runs));
    CHECK(r.expected == Approx(probability_of(net, r, "a") + probability_of(net, r, "b") +
                               probability_of(net, r, "c")));
}

TEST_CASE("linear threshold: threshold 0 activates the reachable set", "[diffusion]") {
    Network net = with({"a", "b", "c", "d", "e"});
    for (StakeholderId s : net.stakeholders()) set_attribute(net, s, "threshold", "0");
    net.add_tie(net.at("a"), net.at("b"), TieKind::influence, 0.1);
    net.add_tie(net.at("b"), net.at("c"), TieKind::influence, 0.0);
    net.add_tie(net.at("d"), net.at("c"), TieKind::influence, 0.9);
    net.add_tie(net.at("e"), net.at("a"), TieKind::influence, 0.9);
    const StakeholderId a[] = {net.at("a")};
    const DiffusionOptions lt{.model = DiffusionModel::linear_threshold, .runs = 50};
    const SpreadResult r = spread(net, a, lt);
    CHECK(r.expected == 3.0);
    CHECK(r.expected == static_cast<double>(reach(net, a).count()));
    CHECK(probability_of(net, r, "d") == 0.0);
    CHECK(probability_of(net, r, "e") == 0.0);
}

TEST_CASE("linear threshold: summed weights, normalised above 1, random thresholds",
          "[diffusion]") {
    // a -> v (0.5) and b -> v (0.5): from a alone v adopts when its threshold is ≤ 0.5.
    Network net = with({"a", "b", "v", "x", "y", "w"});
    net.add_tie(net.at("a"), net.at("v"), TieKind::influence, 0.5);
    net.add_tie(net.at("b"), net.at("v"), TieKind::influence, 0.5);
    // x -> w (0.8), y -> w (0.8): the sum 1.6 is normalised, so x alone brings 0.5.
    net.add_tie(net.at("x"), net.at("w"), TieKind::influence, 0.8);
    net.add_tie(net.at("y"), net.at("w"), TieKind::influence, 0.8);
    const std::size_t runs = 40'000;
    const DiffusionOptions lt{.model = DiffusionModel::linear_threshold, .runs = runs, .seed = 5};
    const StakeholderId a[] = {net.at("a")};
    const StakeholderId ab[] = {net.at("a"), net.at("b")};
    const StakeholderId x[] = {net.at("x")};
    CHECK(close(probability_of(net, spread(net, a, lt), "v"), 0.5, 0.5, runs));
    CHECK(probability_of(net, spread(net, ab, lt), "v") == 1.0);
    CHECK(close(probability_of(net, spread(net, x, lt), "w"), 0.5, 0.5, runs));
    // A given threshold replaces the draw: 0.6 > 0.5, so a alone never tips v.
    set_attribute(net, net.at("v"), "threshold", "0.6");
    CHECK(probability_of(net, spread(net, a, lt), "v") == 0.0);
    CHECK(probability_of(net, spread(net, ab, lt), "v") == 1.0);
    // Another column name.
    set_attribute(net, net.at("v"), "tipping", "0.25");
    DiffusionOptions tipping = lt;
    tipping.threshold_attribute = "tipping";
    CHECK(probability_of(net, spread(net, a, tipping), "v") == 1.0);
}

TEST_CASE("same seed, same result whatever the thread count", "[diffusion]") {
    const fs::path data = fs::path(COPNET_SOURCE_DIR) / "tests" / "data";
    Network net = copnet::test::load_real(data, "lazega-lawfirm");
    const StakeholderId s[] = {StakeholderId(0), StakeholderId(5)};
    for (DiffusionModel model : {DiffusionModel::independent_cascade,
                                 DiffusionModel::linear_threshold}) {
        INFO(to_string(model));
        DiffusionOptions o{.model = model, .runs = 3000, .seed = 42, .threads = 1,
                           .probability = model == DiffusionModel::independent_cascade
                                              ? std::optional<double>(0.05)
                                              : std::nullopt};
        const SpreadResult one = spread(net, s, o);
        o.threads = 2;
        const SpreadResult two = spread(net, s, o);
        o.threads = 3;
        const SpreadResult three = spread(net, s, o);
        CHECK(same(one, two));
        CHECK(same(one, three));
        CHECK(one.expected > 2.0);  // the message did travel
        o.seed = 43;
        CHECK_FALSE(same(one, spread(net, s, o)));
    }
}

TEST_CASE("spread breakdown by circle and facet", "[diffusion]") {
    Network net;
    for (const char* id : {"a", "b", "c", "d"})
        net.add_stakeholder({.id = id, .sector = std::string(id) < "c" ? "health" : "labor"});
    net.add_tie(net.at("a"), net.at("b"), TieKind::influence, 1.0);
    net.add_tie(net.at("a"), net.at("c"), TieKind::influence, 0.5);
    Community& cop = net.add_community("cop");
    cop.set_circle(net.at("a"), Circle::core);
    cop.set_circle(net.at("c"), Circle::outer);
    const StakeholderId a[] = {net.at("a")};
    const SpreadResult r = spread(net, a, {.runs = 20'000, .seed = 9});
    const SpreadBreakdown b = break_down(net, r, &cop, "sector");
    REQUIRE(b.by_circle.size() == 4);
    CHECK(b.by_circle[0].category == "core");
    CHECK(b.by_circle[0].expected == 1.0);
    CHECK(b.by_circle[2].category == "outer");
    CHECK(b.by_circle[2].expected == Approx(0.5).margin(0.02));
    CHECK(b.by_circle[3].category == "none");
    CHECK(b.by_circle[3].total == 2);
    CHECK(b.by_circle[3].expected == 1.0);  // b always, d never
    CHECK(b.by_circle[3].share == 0.5);
    REQUIRE(b.by_facet.size() == 2);
    CHECK(b.by_facet[0].category == "health");
    CHECK(b.by_facet[0].expected == 2.0);
    CHECK(b.by_facet[1].category == "labor");
    CHECK(b.by_facet[1].expected == Approx(probability_of(net, r, "c")));
    double total = 0;
    for (const auto& row : b.by_circle) total += row.expected;
    CHECK(total == Approx(r.expected));
    CHECK(break_down(net, r, nullptr).by_circle.empty());
    CHECK_THROWS_AS(break_down(net, r, nullptr, "circle"), invalid_value);
}

TEST_CASE("coalition synergy: overlap and tipping", "[diffusion]") {
    // Two hubs reaching the same three people (weights 1): together 5, alone 4 each.
    Network net = with({"h1", "h2", "p1", "p2", "p3"});
    for (const char* p : {"p1", "p2", "p3"}) {
        net.add_tie(net.at("h1"), net.at(p), TieKind::influence, 1.0);
        net.add_tie(net.at("h2"), net.at(p), TieKind::influence, 1.0);
    }
    const StakeholderId hubs[] = {net.at("h1"), net.at("h2")};
    const Synergy s = coalition_synergy(net, hubs, {.runs = 10});
    CHECK(s.together == 5.0);
    CHECK(s.best_single == 4.0);
    CHECK(s.best == net.at("h1"));
    CHECK(s.sum_alone == 8.0);
    CHECK(s.gain_over_best() == 1.0);
    CHECK(s.ratio_to_sum() == 5.0 / 8.0);
    REQUIRE(s.alone.size() == 2);
    CHECK(s.alone[1].who == net.at("h2"));
    CHECK(s.alone[1].expected == 4.0);

    // Linear threshold: v needs both a and b (threshold 1, each brings 0.5): superadditive.
    Network lt = with({"a", "b", "v", "w"});
    set_attribute(lt, lt.at("v"), "threshold", "1");
    lt.add_tie(lt.at("a"), lt.at("v"), TieKind::influence, 0.5);
    lt.add_tie(lt.at("b"), lt.at("v"), TieKind::influence, 0.5);
    lt.add_tie(lt.at("v"), lt.at("w"), TieKind::influence, 1.0);
    set_attribute(lt, lt.at("w"), "threshold", "1");
    const StakeholderId ab[] = {lt.at("a"), lt.at("b")};
    const Synergy t =
        coalition_synergy(lt, ab, {.model = DiffusionModel::linear_threshold, .runs = 10});
    CHECK(t.together == 4.0);
    CHECK(t.sum_alone == 2.0);
    CHECK(t.ratio_to_sum() == 2.0);
    CHECK(t.gain_over_best() == 3.0);

    // A member named twice counts once.
    const StakeholderId twice[] = {net.at("h1"), net.at("h2"), net.at("h1")};
    const Synergy d = coalition_synergy(net, twice, {.runs = 10});
    CHECK(d.together == 5.0);
    CHECK(d.alone.size() == 2);
    CHECK(d.sum_alone == 8.0);
    CHECK_THROWS_AS(coalition_synergy(net, {}), invalid_value);
}

TEST_CASE("spread reports progress on the calling thread", "[diffusion]") {
    Network net = with({"a", "b"});
    net.add_tie(net.at("a"), net.at("b"), TieKind::influence, 0.5);
    std::vector<std::pair<std::size_t, std::size_t>> calls;
    const StakeholderId a[] = {net.at("a")};
    DiffusionOptions o{.runs = 5000, .threads = 2};
    o.progress = [&](std::size_t done, std::size_t total) { calls.emplace_back(done, total); };
    (void)spread(net, a, o);
    REQUIRE(!calls.empty());
    CHECK(calls.size() <= 101);
    CHECK(calls.back() == std::pair<std::size_t, std::size_t>(5000, 5000));
    for (std::size_t i = 1; i < calls.size(); ++i) CHECK(calls[i].first > calls[i - 1].first);
}

TEST_CASE("diffusion rejects bad input and leaves the network alone", "[diffusion]") {
    Network net = with({"a", "b"});
    net.add_tie(net.at("a"), net.at("b"), TieKind::influence, 0.5);
    const StakeholderId a[] = {net.at("a")};
    CHECK_THROWS_WITH(spread(net, {}), Catch::Contains("at least one source"));
    const StakeholderId ghost[] = {StakeholderId(99)};
    CHECK_THROWS_AS(spread(net, ghost), unknown_stakeholder);
    CHECK_THROWS_WITH(spread(net, a, {.runs = 0}), Catch::Contains("runs"));
    CHECK_THROWS_WITH(spread(net, a, {.probability = 1.5}), Catch::Contains("outside [0,1]"));
    CHECK_THROWS_AS(spread(net, a, {.probability = -0.1}), invalid_value);
    CHECK_THROWS_AS(spread(net, a, {.probability = std::nan("")}), invalid_value);
    CHECK_THROWS_WITH(
        spread(net, a, {.model = DiffusionModel::linear_threshold, .probability = 0.5}),
        Catch::Contains("independent cascade only"));
    for (const char* bad : {"high", "1.5", "-0.2", "0.5x", "nan"}) {
        INFO(bad);
        Network copy = net;
        set_attribute(copy, copy.at("b"), "threshold", bad);
        CHECK_THROWS_WITH(spread(copy, a, {.model = DiffusionModel::linear_threshold}),
                          Catch::Contains("stakeholder \"b\"") && Catch::Contains(bad));
        // IC ignores thresholds.
        CHECK_NOTHROW(spread(copy, a, {.runs = 10}));
    }
    const Network before = net;
    (void)spread(net, a, {.runs = 10});
    CHECK(net == before);
}
