// Temporal reach (copnet/analysis/temporal_reach.hpp, docs/concepts.md): earliest arrival along
// time-respecting paths of an event log.
#include <string>
#include <utility>
#include <vector>

#include <catch2/catch.hpp>

#include "copnet/analysis/temporal_reach.hpp"
#include "copnet/error.hpp"
#include "copnet/events.hpp"
#include "copnet/network.hpp"

using namespace copnet;

namespace {

Network six() {
    Network net;
    for (const char* id : {"a", "b", "c", "d", "e", "f"}) net.add_stakeholder(Stakeholder{.id = id});
    net.add_relation({.name = "dislike", .polarity = Polarity::negative});
    return net;
}

std::vector<std::pair<std::string, Time>> arrivals(const Network& net, const TemporalReachResult& r) {
    std::vector<std::pair<std::string, Time>> out;
    for (const Arrival& x : r.reached) out.emplace_back(net.stakeholder(x.who).id, x.arrival);
    return out;
}

using Rows = std::vector<std::pair<std::string, Time>>;

} // namespace

TEST_CASE("temporal reach passes a message only along events after its sender got it", "[temporal]") {
    Network net = six();
    const EventLog log = parse_events(net, "time,source,target,relation\n"
                                           "0,c,d,\n"     // before c holds it: d is not reached
                                           "1,a,b,\n"
                                           "2,b,c,\n"
                                           "3,d,a,\n"
                                           "4,c,a,\n"     // a holds it already
                                           "6,a,b,\n"     // b's arrival stays 1
                                           "7,f,e,collaboration\n");
    const StakeholderId from[] = {net.at("a")};
    const TemporalReachResult r = temporal_reach(net, log, from);
    CHECK(r.since == 0);
    CHECK(r.count() == 3);
    CHECK(arrivals(net, r) == Rows{{"a", 0}, {"b", 1}, {"c", 2}});
    // Direction in: the message travels against the events.
    const StakeholderId from_c[] = {net.at("c")};
    const auto in = temporal_reach(net, log, from_c, {.filter = TieFilter::all(Direction::in)});
    // Back along b→c at 2, then back along a→b at 6 (c→a at 4 points away from a's holder).
    CHECK(arrivals(net, in) == Rows{{"c", 0}, {"b", 2}, {"a", 6}});
    const auto both = temporal_reach(net, log, from_c, {.filter = TieFilter::all(Direction::both)});
    CHECK(arrivals(net, both) == Rows{{"c", 0}, {"d", 0}, {"b", 2}, {"a", 3}});
}

TEST_CASE("temporal reach: since, mutual relations, negative relations, one instant", "[temporal]") {
    Network net = six();
    const EventLog log = parse_events(net, "time,source,target,relation\n"
                                           "1,a,b,\n"
                                           "5,e,b,collaboration\n"  // mutual: b passes it to e
                                           "6,e,f,dislike\n"        // negative: not followed
                                           "7,d,c,\n"               // one instant, rows reversed:
                                           "7,b,d,\n");             // b→d then d→c, both at 7
    const StakeholderId from[] = {net.at("a")};
    const auto r = temporal_reach(net, log, from);
    CHECK(arrivals(net, r) == Rows{{"a", 1}, {"b", 1}, {"e", 5}, {"d", 7}, {"c", 7}});
    const auto late = temporal_reach(net, log, from, {.since = 2});
    CHECK(arrivals(net, late) == Rows{{"a", 2}});  // a→b at 1 came before a had it
    const TieKind dislike = *net.find_relation("dislike");
    const auto named = temporal_reach(net, log, from,
                                      {.filter = TieFilter::of({dislike, TieKind::collaboration,
                                                                *net.find_relation("interaction")})});
    CHECK(arrivals(net, named) == Rows{{"a", 1}, {"b", 1}, {"e", 5}, {"f", 6}, {"d", 7}, {"c", 7}});
    // Several sources, a duplicate ignored, in the order given.
    const StakeholderId two[] = {net.at("e"), net.at("a"), net.at("e")};
    const auto m = temporal_reach(net, log, two);
    CHECK(arrivals(net, m) == Rows{{"e", 1}, {"a", 1}, {"b", 1}, {"d", 7}, {"c", 7}});
}

TEST_CASE("temporal reach refuses bad sources", "[temporal]") {
    Network net = six();
    const EventLog log = parse_events(net, "time,source,target\n1,a,b\n");
    CHECK_THROWS_AS(temporal_reach(net, log, std::vector<StakeholderId>{}), invalid_value);
    const StakeholderId ghost[] = {StakeholderId(99)};
    CHECK_THROWS_AS(temporal_reach(net, log, ghost), unknown_stakeholder);
    const StakeholderId from[] = {net.at("b")};
    CHECK(temporal_reach(net, EventLog(), from).count() == 1);
}

TEST_CASE("temporal reach counts, 64 sources a pass, agree with one search per source", "[temporal]") {
    Network net = six();
    const EventLog small = parse_events(net, "time,source,target,relation\n"
                                             "1,a,b,\n5,e,b,collaboration\n6,e,f,dislike\n7,d,c,\n7,b,d,\n");
    const auto counts = temporal_reach_counts(net, small);
    REQUIRE(counts.size() == 6);
    // a: b e d c; b: e d c; c: none; d: c; e: b (at 5) then d c (at 7); f: none.
    const std::vector<std::size_t> expected{4, 3, 0, 1, 3, 0};
    for (std::size_t i = 0; i < 6; ++i) {
        CHECK(counts[i].who == StakeholderId(static_cast<std::uint32_t>(i)));
        CHECK(counts[i].reached == expected[i]);
    }
    // 150 stakeholders (three passes), events in bursts at shared instants, both directions.
    Network big;
    for (int i = 0; i < 150; ++i) big.add_stakeholder(Stakeholder{.id = "s" + std::to_string(i)});
    std::string text = "time,source,target,relation\n";
    std::uint64_t x = 12345;
    const auto next = [&] {
        x ^= x << 13U;
        x ^= x >> 7U;
        x ^= x << 17U;
        return x;
    };
    for (int e = 0; e < 600; ++e) {
        const auto a = next() % 150;
        auto b = next() % 150;
        if (a == b) b = (b + 1) % 150;
        text += std::to_string(next() % 200) + ",s" + std::to_string(a) + ",s" + std::to_string(b) +
                (next() % 4 == 0 ? ",collaboration\n" : ",\n");
    }
    const EventLog log = parse_events(big, text);
    for (const Direction dir : {Direction::out, Direction::in}) {
        const TemporalReachOptions options{.filter = TieFilter::all(dir), .since = 20};
        const auto all = temporal_reach_counts(big, log, options);
        REQUIRE(all.size() == 150);
        std::size_t total = 0;
        for (const TemporalReachCount& c : all) {
            const StakeholderId one[] = {c.who};
            CHECK(c.reached == temporal_reach(big, log, one, options).count() - 1);
            total += c.reached;
        }
        CHECK(total > 150);  // the log spreads messages at all
    }
    const StakeholderId ghost[] = {StakeholderId(999)};
    CHECK_THROWS_AS(temporal_reach_counts(big, log, ghost), unknown_stakeholder);
}
