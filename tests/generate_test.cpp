#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <vector>

#include <cstdint>
#include <sstream>

#include "copnet/error.hpp"
#include "copnet/analysis/reach.hpp"
#include "copnet/generate.hpp"
#include "copnet/io/csv.hpp"
#include "copnet/summary.hpp"

using namespace copnet;


namespace {

bool crosses(const Network& net, const Tie& t) {
    const Stakeholder& a = net.stakeholder(t.source);
    const Stakeholder& b = net.stakeholder(t.target);
    return a.sector != b.sector || a.level != b.level;
}

std::vector<std::size_t> degrees(const Network& net) {
    std::vector<std::size_t> d(net.slot_count());
    for (const Tie& t : net.all_ties()) {
        ++d[t.source.index()];
        ++d[t.target.index()];
    }
    return d;
}

// FNV-1a 64 of `text`.
std::uint64_t fnv1a(const std::string& text) {
    std::uint64_t h = 14695981039346656037ULL;
    for (const char c : text) {
        h ^= static_cast<unsigned char>(c);
        h *= 1099511628211ULL;
    }
    return h;
}

} // namespace

TEST_CASE("generate(seed 1) gives the same landscape everywhere (pinned CSV hash)", "[generate]") {
    // generate.hpp promises the same network for the same options on every platform (copnet's
    // own generator and distributions). The hash of its CSV pair was taken once, on x86-64
    // Debian 12 with GCC 12; a change of the generator must change it on purpose.
    const Network net = generate({.stakeholders = 3'000, .ties = 20'000, .seed = 1});
    std::ostringstream nodes, ties;
    write_csv(net, nodes, ties);
    CHECK(net.stakeholder_count() == 3'000);
    CHECK(fnv1a(nodes.str()) == 0x3e72241cf4645a6eULL);
    CHECK(fnv1a(ties.str()) == 0x724d23761594d7a8ULL);
}

TEST_CASE("generate is reproducible for a seed and differs across seeds", "[generate]") {
    LandscapeOptions o;
    o.stakeholders = 2'000;
    o.ties = 12'000;
    o.seed = 7;
    const Network a = generate(o);
    const Network b = generate(o);
    CHECK(a == b);
    o.seed = 8;
    CHECK_FALSE(generate(o) == a);
}

TEST_CASE("generate gives the sizes asked for", "[generate]") {
    LandscapeOptions o;
    o.stakeholders = 20'000;
    o.ties = 200'000;
    const Network net = generate(o);
    CHECK(net.stakeholder_count() == 20'000);
    // Repeats are drawn again: the count asked for.
    CHECK(net.tie_count() == 200'000);
    // Authority at most its share; influence and collaboration split the rest about evenly.
    CHECK(net.tie_count(TieKind::authority) <= 20'000);
    CHECK(net.tie_count(TieKind::authority) >= 15'000);
    const double influence = static_cast<double>(net.tie_count(TieKind::influence));
    const double collaboration = static_cast<double>(net.tie_count(TieKind::collaboration));
    CHECK(influence / (influence + collaboration) == Approx(0.5).margin(0.01));
}

TEST_CASE("generate has heavy-tailed degrees", "[generate]") {
    LandscapeOptions o;
    o.stakeholders = 20'000;
    o.ties = 100'000;
    const Network net = generate(o);
    const auto d = degrees(net);
    const double mean = 2.0 * static_cast<double>(net.tie_count()) / 20'000.0;
    const std::size_t top = *std::max_element(d.begin(), d.end());
    // Chung–Lu with γ = 2.5: the largest hub has hundreds of ties where the mean is 10; a
    // G(n, m) graph of the same density would top out near 25.
    CHECK(static_cast<double>(top) > 20.0 * mean);
    o.degree_exponent = 9.0;  // a thin tail
    const auto thin = degrees(generate(o));
    CHECK(*std::max_element(thin.begin(), thin.end()) < top / 4);
}

TEST_CASE("generate's boundary share is the share of crossing ties", "[generate]") {
    for (double share : {0.0, 0.25, 0.6}) {
        LandscapeOptions o;
        o.stakeholders = 10'000;
        o.ties = 60'000;
        o.boundary_share = share;
        const Network net = generate(o);
        std::size_t crossing = 0, total = 0;
        for (const Tie& t : net.all_ties(TieFilter::of({TieKind::influence, TieKind::collaboration}))) {
            ++total;
            crossing += crosses(net, t) ? 1 : 0;
        }
        CHECK(static_cast<double>(crossing) / static_cast<double>(total) ==
              Approx(share).margin(0.015));
    }
}

TEST_CASE("generate's authority ties form hierarchies within organizations and levels",
          "[generate]") {
    LandscapeOptions o;
    o.stakeholders = 5'000;
    o.ties = 50'000;
    o.authority_share = 1.0;  // every organization gets its hierarchy
    const Network net = generate(o);
    std::map<StakeholderId, std::size_t> bosses;
    for (const Tie& t : net.all_ties(TieFilter::of({TieKind::authority}))) {
        const Stakeholder& boss = net.stakeholder(t.source);
        const Stakeholder& report = net.stakeholder(t.target);
        ++bosses[t.target];
        CHECK(boss.sector == report.sector);
        if (boss.organization != report.organization) {
            // A head reporting to a head one level up.
            REQUIRE(boss.level.has_value());
            CHECK(static_cast<int>(*boss.level) == static_cast<int>(*report.level) + 1);
        } else {
            CHECK(boss.level == report.level);
        }
    }
    // Everyone has at most one boss (a forest), and most have one.
    for (const auto& [who, count] : bosses) CHECK(count == 1);
    CHECK(bosses.size() > 4'000);
    // Organizations group stakeholders of one sector and level.
    std::map<std::string, std::set<std::pair<std::string, int>>> kinds;
    for (StakeholderId s : net.stakeholders()) {
        const Stakeholder& x = net.stakeholder(s);
        kinds[x.organization].insert({x.sector, static_cast<int>(*x.level)});
    }
    for (const auto& [org, ks] : kinds) CHECK(ks.size() == 1);
}

TEST_CASE("generate's facets are skewed and its circles nested around the hubs", "[generate]") {
    LandscapeOptions o;
    o.stakeholders = 20'000;
    o.ties = 120'000;
    const Network net = generate(o);
    std::map<std::string, std::size_t> by_sector;
    for (StakeholderId s : net.stakeholders()) ++by_sector[net.stakeholder(s).sector];
    CHECK(by_sector.size() == 7);
    CHECK(by_sector.at("local schools and agency services") >
          5 * by_sector.at("youth"));
    const Summary s = summarize(net, &net.community("community"));
    CHECK(s.levels[0] > s.levels[1]);
    CHECK(s.levels[1] > s.levels[2]);
    CHECK(s.stances[2] * 5 < s.stances[1]);
    CHECK(s.circles[0] == 20);
    CHECK(s.circles[1] == 100);
    CHECK(s.circles[2] == 1'000);
    // Mean degree falls from the centre out.
    const auto d = degrees(net);
    const Community& cop = net.community("community");
    auto mean = [&](Circle c) {
        const auto who = cop.members(c);
        double sum = 0;
        for (StakeholderId x : who) sum += static_cast<double>(d[x.index()]);
        return sum / static_cast<double>(who.size());
    };
    CHECK(mean(Circle::core) > mean(Circle::inner));
    CHECK(mean(Circle::inner) > mean(Circle::outer));
    CHECK(mean(Circle::outer) > mean(Circle::none));
}

TEST_CASE("generate rejects options out of range", "[generate][errors]") {
    auto bad = [](auto change) {
        LandscapeOptions o;
        o.stakeholders = 100;
        o.ties = 500;
        change(o);
        return o;
    };
    CHECK_THROWS_AS(generate(bad([](auto& o) { o.stakeholders = 1; })), invalid_value);
    CHECK_THROWS_AS(generate(bad([](auto& o) { o.ties = 100 * 99 + 1; })), invalid_value);
    CHECK_THROWS_WITH(generate(bad([](auto& o) { o.boundary_share = 1.5; })),
                      Catch::Contains("boundary_share"));
    CHECK_THROWS_AS(generate(bad([](auto& o) { o.influence_share = -0.1; })), invalid_value);
    CHECK_THROWS_AS(generate(bad([](auto& o) { o.degree_exponent = 2.0; })), invalid_value);
    CHECK_THROWS_AS(generate(bad([](auto& o) { o.organization_size = 0.5; })), invalid_value);
    CHECK_THROWS_WITH(generate(bad([](auto& o) { o.tie_strength = 0.0; })),
                      Catch::Contains("tie_strength must be positive"));
    CHECK_THROWS_AS(generate(bad([](auto& o) { o.core_share = 0.6; o.outer_share = 0.6; })),
                    invalid_value);
    CHECK_THROWS_AS(generate(bad([](auto& o) { o.community.clear(); })), invalid_value);
    // Small and dense still works.
    const Network tiny = generate(bad([](auto& o) { o.stakeholders = 2; o.ties = 2; }));
    CHECK(tiny.stakeholder_count() == 2);
}

TEST_CASE("generated tie weights form a weighted cascade: one stakeholder's message reaches a few "
          "per cent, not everyone",
          "[generate]") {
    LandscapeOptions o;
    o.stakeholders = 20'000;
    o.ties = 200'000;
    const Network net = generate(o);
    // The weights into a stakeholder sum to about tie_strength (a mutual tie counts at both ends).
    std::vector<double> into(net.stakeholder_count(), 0.0);
    std::vector<int> degree(net.stakeholder_count(), 0);
    for (const Tie& t : net.all_ties()) {
        CHECK(t.weight >= 0.001);
        CHECK(t.weight <= 1.0);
        into[t.target.index()] += t.weight;
        ++degree[t.target.index()];
        if (t.kind == TieKind::collaboration) {
            into[t.source.index()] += t.weight;
            ++degree[t.source.index()];
        }
    }
    double sum = 0.0;
    int counted = 0;
    for (std::size_t i = 0; i < into.size(); ++i)
        if (degree[i] >= 10) sum += into[i], ++counted;
    REQUIRE(counted > 1000);
    CHECK(sum / counted == Approx(o.tie_strength).epsilon(0.25));

    // With the fixed weights of before (0.05-1 at mean degree 20) a single stakeholder reached
    // 99 % of the landscape; near the epidemic threshold the mean over many sources is small.
    double reached = 0.0;
    const int sources = 20;
    for (int s = 0; s < sources; ++s) {
        const StakeholderId from(static_cast<std::uint32_t>(s * 997));
        reached += spread(net, {&from, 1}, {.runs = 100, .seed = 3, .threads = 1}).expected;
    }
    const double share = reached / sources / static_cast<double>(net.stakeholder_count());
    CHECK(share > 0.0001);
    CHECK(share < 0.10);
    o.tie_strength = 3.0;  // far above the threshold: nearly everyone again
    const Network hot = generate(o);
    const StakeholderId from(0);
    CHECK(spread(hot, {&from, 1}, {.runs = 20, .seed = 3, .threads = 1}).expected >
          0.5 * static_cast<double>(hot.stakeholder_count()));
}
