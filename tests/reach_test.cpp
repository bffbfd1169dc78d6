#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "real_data.hpp"
#include <nlohmann/json.hpp>

#include "copnet/analysis/reach.hpp"
#include "copnet/error.hpp"
#include "copnet/io/csv.hpp"

using namespace copnet;
namespace fs = std::filesystem;

namespace {

// f -authority-> a -influence-> b -influence-> c -influence-> d ; c -collaboration- e
Network chain() {
    Network net;
    for (const char* id : {"a", "b", "c", "d", "e", "f", "lonely"}) net.add_stakeholder({.id = id});
    net.add_tie(net.at("a"), net.at("b"), TieKind::influence);
    net.add_tie(net.at("b"), net.at("c"), TieKind::influence);
    net.add_tie(net.at("c"), net.at("d"), TieKind::influence);
    net.add_tie(net.at("e"), net.at("c"), TieKind::collaboration);
    net.add_tie(net.at("f"), net.at("a"), TieKind::authority);
    return net;
}

std::map<std::string, std::size_t> hops(const Network& net, const ReachResult& r) {
    std::map<std::string, std::size_t> out;
    for (const Reached& x : r.reached) out[net.stakeholder(x.who).id] = x.hops;
    return out;
}

using Hops = std::map<std::string, std::size_t>;

} // namespace

TEST_CASE("k-step reach follows the filter's kinds and direction", "[reach]") {
    const Network net = chain();
    const StakeholderId a[] = {net.at("a")};
    CHECK(hops(net, reach(net, a)) == Hops{{"a", 0}, {"b", 1}, {"c", 2}, {"d", 3}, {"e", 3}});
    CHECK(hops(net, reach(net, a, {.max_hops = 2})) == Hops{{"a", 0}, {"b", 1}, {"c", 2}});
    CHECK(hops(net, reach(net, a, {.max_hops = 0})) == Hops{{"a", 0}});

    const StakeholderId c[] = {net.at("c")};
    CHECK(hops(net, reach(net, c, {.filter = {0b111, Direction::in}})) ==
          Hops{{"c", 0}, {"b", 1}, {"e", 1}, {"a", 2}, {"f", 3}});
    CHECK(hops(net, reach(net, c, {.filter = TieFilter::of({TieKind::influence}, Direction::both)})) ==
          Hops{{"c", 0}, {"b", 1}, {"d", 1}, {"a", 2}});
    const StakeholderId f[] = {net.at("f")};
    CHECK(hops(net, reach(net, f, {.filter = TieFilter::of({TieKind::authority})})) ==
          Hops{{"f", 0}, {"a", 1}});
    CHECK(hops(net, reach(net, f, {.filter = TieFilter::of({TieKind::collaboration})})) ==
          Hops{{"f", 0}});
}

TEST_CASE("reach from several sources: sources first, nearest source counts", "[reach]") {
    const Network net = chain();
    const StakeholderId s[] = {net.at("d"), net.at("a"), net.at("d")};  // a duplicate
    const ReachResult r = reach(net, s, {.max_hops = 1});
    REQUIRE(r.count() == 3);
    CHECK(r.reached[0] == Reached{net.at("d"), 0});
    CHECK(r.reached[1] == Reached{net.at("a"), 0});
    CHECK(r.reached[2] == Reached{net.at("b"), 1});
}

TEST_CASE("reach skips removed stakeholders and rejects bad sources", "[reach][errors]") {
    Network net = chain();
    const StakeholderId a[] = {net.at("a")};
    const StakeholderId b = net.at("b");
    net.remove_stakeholder(b);
    CHECK(hops(net, reach(net, a)) == Hops{{"a", 0}});
    const StakeholderId gone[] = {b};
    CHECK_THROWS_AS(reach(net, gone), unknown_stakeholder);
    CHECK_THROWS_AS(reach(net, std::span<const StakeholderId>{}), invalid_value);
    const StakeholderId invalid[] = {StakeholderId{}};
    CHECK_THROWS_AS(reach(net, invalid), unknown_stakeholder);
}

TEST_CASE("reach counts for everyone, whatever the thread count", "[reach]") {
    const Network net = chain();
    const auto one = reach_counts(net, {}, 1);
    const auto two = reach_counts(net, {}, 2);
    REQUIRE(one.size() == 7);
    std::map<std::string, std::size_t> counts;
    for (std::size_t i = 0; i < one.size(); ++i) {
        CHECK(one[i].who == two[i].who);
        CHECK(one[i].reached == two[i].reached);
        counts[net.stakeholder(one[i].who).id] = one[i].reached;
    }
    CHECK(counts == std::map<std::string, std::size_t>{
                        {"a", 4}, {"b", 3}, {"c", 2}, {"d", 0}, {"e", 2}, {"f", 5}, {"lonely", 0}});
}

TEST_CASE("k-step reach agrees with NetworkX on real networks", "[reach][reference]") {
    // reach_out.k = len(networkx.single_source_shortest_path_length(D, v, cutoff=k)) - 1
    const fs::path data = fs::path(COPNET_SOURCE_DIR) / "tests" / "data";
    std::size_t checked = 0;
    for (const char* name :
         {"krackhardt-hightech", "lazega-lawfirm", "ckm-physicians", "padgett-florentine"}) {
        INFO(name);
        const Network net = copnet::test::load_real(data, name);
        std::ifstream in(data / (std::string(name) + ".reference.json"));
        const auto ref = nlohmann::json::parse(in);
        for (const auto& [kind, values] : ref.at("kinds").items()) {
            INFO(kind);
            for (const auto& [k, per_node] : values.at("reach_out").items()) {
                ReachOptions options{.filter = TieFilter::of({copnet::test::relation_of(net, kind)})};
                if (k != "unbounded") options.max_hops = std::stoul(k);
                const auto counts = reach_counts(net, options, 2);
                for (const ReachCount& c : counts) {
                    const std::string& id = net.stakeholder(c.who).id;
                    CHECK(c.reached == per_node.at(id).get<std::size_t>());
                    ++checked;
                }
                // And the single-source search gives the same numbers (+1: the source).
                const StakeholderId first[] = {counts.front().who};
                CHECK(reach(net, first, options).count() == counts.front().reached + 1);
            }
        }
    }
    CHECK(checked > 2000);
}

TEST_CASE("reach broken down by circle and facet", "[reach]") {
    Network net;
    for (const char* id : {"core1", "in1", "out1", "out2", "non1"})
        net.add_stakeholder({.id = id, .sector = id[0] == 'o' ? "families" : "youth"});
    Community& cop = net.add_community("cop");
    cop.set_circle(net.at("core1"), Circle::core);
    cop.set_circle(net.at("in1"), Circle::inner);
    cop.set_circle(net.at("out1"), Circle::outer);
    cop.set_circle(net.at("out2"), Circle::outer);
    net.add_tie(net.at("core1"), net.at("in1"), TieKind::influence);
    net.add_tie(net.at("in1"), net.at("out1"), TieKind::influence);
    const StakeholderId core[] = {net.at("core1")};
    const ReachBreakdown b = break_down(net, reach(net, core), &cop, "sector");
    REQUIRE(b.by_circle.size() == 4);
    CHECK(b.by_circle[0].category == "core");
    CHECK(b.by_circle[2].total == 2);
    CHECK(b.by_circle[2].reached == 1);
    CHECK(b.by_circle[2].share == 0.5);
    CHECK(b.by_circle[3].reached == 0);
    REQUIRE(b.by_facet.size() == 2);
    CHECK(b.by_facet[0].category == "youth");  // first seen in slot order
    CHECK(b.by_facet[0].total == 3);
    CHECK(b.by_facet[0].reached == 2);
    CHECK(b.by_facet[1].category == "families");
    CHECK(b.by_facet[1].reached == 1);
    CHECK(break_down(net, reach(net, core), nullptr, "").by_circle.empty());
    CHECK_THROWS_AS(break_down(net, reach(net, core), &cop, "circle"), invalid_value);
}

TEST_CASE("two-way flow across levels shows the asymmetry", "[reach][levels]") {
    // Local voices reach the state in one step; the state reaches local people only through a
    // long chain.
    Network net;
    const auto l1 = net.add_stakeholder({.id = "l1", .level = Level::local});
    const auto l2 = net.add_stakeholder({.id = "l2", .level = Level::local});
    const auto s1 = net.add_stakeholder({.id = "s1", .level = Level::state});
    const auto s2 = net.add_stakeholder({.id = "s2", .level = Level::state});
    const auto n1 = net.add_stakeholder({.id = "n1", .level = Level::national});
    const auto x = net.add_stakeholder({.id = "x"});
    net.add_tie(l1, s1, TieKind::influence);
    net.add_tie(l2, s2, TieKind::influence);
    net.add_tie(s1, n1, TieKind::influence);
    net.add_tie(n1, x, TieKind::influence);
    net.add_tie(x, l1, TieKind::influence);
    const TwoWayFlow f = level_flow(net, nullptr, Level::local, Level::state);
    CHECK(f.forward.senders == 2);
    CHECK(f.forward.receivers == 2);
    CHECK(f.forward.reached_by_hop == std::vector<std::size_t>{0, 2});
    CHECK(f.forward.share == 1.0);
    CHECK(f.forward.hops_to_target == 1u);
    CHECK(f.backward.reached_by_hop == std::vector<std::size_t>{0, 0, 0, 1});
    CHECK(f.backward.share == 0.5);
    CHECK(f.backward.hops_to_target == 3u);
    const TwoWayFlow all = level_flow(net, nullptr, Level::local, Level::state, {}, 1.0);
    CHECK_FALSE(all.backward.hops_to_target.has_value());
    const TwoWayFlow short_ = level_flow(net, nullptr, Level::local, Level::state, {.max_hops = 2});
    CHECK(short_.backward.share == 0.0);

    Community& cop = net.add_community("cop");  // only members count
    cop.set_circle(l1, Circle::core);
    cop.set_circle(s2, Circle::outer);
    const TwoWayFlow members = level_flow(net, &cop, Level::local, Level::state);
    CHECK(members.forward.senders == 1);
    CHECK(members.forward.receivers == 1);
    CHECK(members.forward.share == 0.0);  // l1 reaches s1, who is not a member
    CHECK_THROWS_AS(level_flow(net, nullptr, Level::local, Level::local), invalid_value);
    CHECK_THROWS_AS(level_flow(net, nullptr, Level::local, Level::state, {}, 0.0), invalid_value);
}

TEST_CASE("reach counts for chosen stakeholders match the full table", "[reach]") {
    const Network net = chain();
    const StakeholderId some[] = {net.at("f"), net.at("c"), net.at("f")};
    const auto counts = reach_counts(net, some, {.max_hops = 2}, 2);
    REQUIRE(counts.size() == 3);
    CHECK(counts[0].who == net.at("f"));
    CHECK(counts[0].reached == 2);  // a, b
    CHECK(counts[1].reached == 2);  // d, e
    CHECK(counts[2].reached == 2);
    const StakeholderId bad[] = {StakeholderId(99)};
    CHECK_THROWS_AS(reach_counts(net, bad), unknown_stakeholder);
}

TEST_CASE("reach sees every change to the network (no stale snapshot)", "[reach][snapshot]") {
    Network net = chain();
    const StakeholderId d[] = {net.at("d")};
    CHECK(reach(net, d).count() == 1);
    net.add_tie(net.at("d"), net.at("lonely"), TieKind::influence);
    CHECK(reach(net, d).count() == 2);
    net.remove_tie(net.at("d"), net.at("lonely"), TieKind::influence);
    CHECK(reach(net, d).count() == 1);
    const auto x = net.add_stakeholder({.id = "x"});
    net.add_tie(net.at("d"), x, TieKind::authority);
    CHECK(reach(net, d).count() == 2);
    net.remove_stakeholder(x);
    CHECK(reach(net, d).count() == 1);
    Network copy = net;  // a copy has its own cache
    copy.add_tie(copy.at("d"), copy.at("a"), TieKind::influence);
    CHECK(reach(copy, d).count() == 5);  // d, a, b, c, e
    CHECK(reach(net, d).count() == 1);
}

TEST_CASE("reach counts (bottom-up levels) agree with single top-down searches", "[reach]") {
    // reach_counts lets wide levels run bottom-up over the transposed ties; reach() searches
    // top-down only. On a seeded random landscape dense enough for bottom-up levels, every
    // count must agree, for every direction and hop limit.
    Network net;
    const std::uint32_t n = 3000;
    for (std::uint32_t i = 0; i < n; ++i) net.add_stakeholder({.id = "s" + std::to_string(i)});
    std::uint64_t x = 12345;
    const auto next = [&] {  // a small LCG: the test needs any fixed landscape, not quality
        x = x * 6364136223846793005ULL + 1442695040888963407ULL;
        return static_cast<std::uint32_t>(x >> 33U) % n;
    };
    const TieKind kinds[] = {TieKind::authority, TieKind::influence, TieKind::collaboration};
    for (int e = 0; e < 18'000; ++e) {
        const std::uint32_t s = next();
        const std::uint32_t t = next();
        if (s != t) net.add_tie(StakeholderId(s), StakeholderId(t), kinds[e % 3]);
    }
    for (Direction dir : {Direction::out, Direction::in, Direction::both}) {
        for (std::optional<std::size_t> k : {std::optional<std::size_t>(1),
                                             std::optional<std::size_t>(3),
                                             std::optional<std::size_t>()}) {
            INFO(to_string(dir) << " k=" << (k ? std::to_string(*k) : "all"));
            const ReachOptions options{.filter = {0b111, dir}, .max_hops = k};
            const auto counts = reach_counts(net, options, 2);
            std::size_t mismatches = 0;
            for (std::uint32_t v = 0; v < n; v += 7) {
                const StakeholderId one[] = {StakeholderId(v)};
                mismatches += reach(net, one, options).count() != counts[v].reached + 1 ? 1U : 0U;
            }
            CHECK(mismatches == 0);
        }
    }
}

TEST_CASE("k-step reach agrees with NetworkX on a seeded random landscape", "[reach][reference]") {
    // tests/data/make_random_fixture.py: every kind followed, out / in / both, k = 1, 2, 3, all.
    const fs::path data = fs::path(COPNET_SOURCE_DIR) / "tests" / "data";
    const Network net = read_csv(data / "random-seeded.nodes.csv", data / "random-seeded.ties.csv");
    std::ifstream in(data / "random-seeded.reference.json");
    const auto ref = nlohmann::json::parse(in);
    std::size_t checked = 0;
    for (const auto& [direction, per_k] : ref.at("reach").items()) {
        for (const auto& [k, per_node] : per_k.items()) {
            INFO(direction << " k=" << k);
            ReachOptions options{.filter = parse_tie_filter("all", direction)};
            if (k != "unbounded") options.max_hops = std::stoul(k);
            for (const ReachCount& c : reach_counts(net, options, 2)) {
                CHECK(c.reached == per_node.at(net.stakeholder(c.who).id).get<std::size_t>());
                ++checked;
            }
            // Single searches (top-down only) from a few stakeholders agree too.
            for (const char* id : {"r000", "r137", "r399"}) {
                const StakeholderId one[] = {net.at(id)};
                CHECK(reach(net, one, options).count() ==
                      per_node.at(id).get<std::size_t>() + 1);
            }
        }
    }
    CHECK(checked == 400 * 12);
}
