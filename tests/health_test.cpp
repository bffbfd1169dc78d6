// Community health over time (copnet/analysis/health.hpp, docs/concepts.md): every field of every
// window and member of a hand-made log, checked by hand; edge cases.
#include <fstream>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "copnet/analysis/health.hpp"
#include "copnet/analysis/temporal_reach.hpp"
#include "copnet/error.hpp"
#include "copnet/events.hpp"
#include "copnet/io/csv.hpp"
#include "copnet/network.hpp"

using namespace copnet;

namespace {

// a (Org1, core), b (Org2, inner), c (" org2", outer: the same organisation as b once folded),
// d (no organisation, outer), e (Org3, not a member).
Network five() {
    Network net;
    const auto add = [&](const char* id, const char* org) {
        return net.add_stakeholder(Stakeholder{.id = id, .organization = org});
    };
    const StakeholderId a = add("a", "Org1"), b = add("b", "Org2"), c = add("c", " org2"),
                        d = add("d", ""), e = add("e", "Org3");
    (void)e;
    Community& cop = net.add_community("cop");
    cop.set_circle(a, Circle::core);
    cop.set_circle(b, Circle::inner);
    cop.set_circle(c, Circle::outer);
    cop.set_circle(d, Circle::outer);
    return net;
}

// Four windows of 10: [0,10) five events, [10,20) four, [20,30) none, [30,40) two.
const char* const log_text =
    "time,source,target,relation\n"
    "0,a,b,\n"
    "1,b,a,\n"
    "2,a,c,\n"
    "2,b,c,\n"
    "5,c,d,\n"
    "10,a,b,\n"
    "15,e,d,\n"   // out of order: sorted after 12
    "12,d,e,\n"
    "15,d,e,\n"
    "30,a,b,collaboration\n"
    "35,c,a,\n";

void check_circles(const WindowHealth& w, std::vector<std::size_t> active) {
    REQUIRE(w.by_circle.size() == 4);
    const std::vector<std::size_t> members{1, 1, 2, 1};
    const std::vector<Circle> circles{Circle::core, Circle::inner, Circle::outer, Circle::none};
    for (std::size_t i = 0; i < 4; ++i) {
        CHECK(w.by_circle[i].circle == circles[i]);
        CHECK(w.by_circle[i].active == active[i]);
        CHECK(w.by_circle[i].members == members[i]);
        REQUIRE(w.by_circle[i].share);
        CHECK(*w.by_circle[i].share == Approx(static_cast<double>(active[i]) / static_cast<double>(members[i])));
    }
}

} // namespace

TEST_CASE("health: every field of every window of a hand-made log", "[health]") {
    Network net = five();
    const EventLog log = parse_events(net, log_text);
    const HealthResult r = health(net, log, {.every = parse_span("10"), .community = &net.community("cop")});
    CHECK(r.kind == TimeKind::number);
    REQUIRE(r.windows.size() == 4);

    const WindowHealth& w0 = r.windows[0];
    CHECK(w0.start == 0);
    CHECK(w0.end == 10);
    CHECK(w0.events == 5);
    CHECK(w0.active == 4);      // a b c d
    CHECK(w0.newcomers == 4);
    CHECK_FALSE(w0.retained);
    CHECK_FALSE(w0.departed);
    CHECK(w0.pairs == 4);       // ab ac bc cd
    CHECK_FALSE(w0.formed);
    CHECK_FALSE(w0.dissolved);
    CHECK_FALSE(w0.persistence);
    REQUIRE(w0.reciprocity);
    CHECK(*w0.reciprocity == Approx(2.0 / 5.0));  // a→b b→a a→c b→c c→d: ab returned
    CHECK(w0.absence_factor == 2);                // a 2, b 2, c 1 of 5: a alone is 2 < 2.5
    REQUIRE(w0.elephant_factor);
    CHECK(*w0.elephant_factor == 1);              // Org2 (b 2 + " org2" c 1) is 3 of 5
    check_circles(w0, {1, 1, 2, 0});

    const WindowHealth& w1 = r.windows[1];
    CHECK(w1.start == 10);
    CHECK(w1.end == 20);
    CHECK(w1.events == 4);
    CHECK(w1.active == 4);      // a b d e
    CHECK(w1.newcomers == 1);   // e
    CHECK(w1.retained == 3);    // of a b c d: a b d
    CHECK(w1.departed == 1);    // c
    CHECK(w1.pairs == 2);       // ab de
    CHECK(w1.formed == 1);      // de
    CHECK(w1.dissolved == 3);   // ac bc cd
    REQUIRE(w1.persistence);
    CHECK(*w1.persistence == Approx(1.0 / 5.0));
    REQUIRE(w1.reciprocity);
    CHECK(*w1.reciprocity == Approx(2.0 / 3.0));  // a→b d→e e→d
    CHECK(w1.absence_factor == 1);                // d 2 of 4
    CHECK(w1.elephant_factor == 1);               // d has no organisation: Org1 1, Org3 1
    check_circles(w1, {1, 1, 1, 1});

    const WindowHealth& w2 = r.windows[2];  // no events: an empty row, not an error
    CHECK(w2.start == 20);
    CHECK(w2.events == 0);
    CHECK(w2.active == 0);
    CHECK(w2.newcomers == 0);
    CHECK(w2.retained == 0);    // e did not come back
    CHECK(w2.departed == 4);
    CHECK(w2.pairs == 0);
    CHECK(w2.formed == 0);
    CHECK(w2.dissolved == 2);
    CHECK(w2.persistence == 0.0);
    CHECK_FALSE(w2.reciprocity);
    CHECK(w2.absence_factor == 0);
    CHECK_FALSE(w2.elephant_factor);
    check_circles(w2, {0, 0, 0, 0});

    const WindowHealth& w3 = r.windows[3];
    CHECK(w3.start == 30);
    CHECK(w3.end == 40);
    CHECK(w3.events == 2);
    CHECK(w3.active == 3);      // a b c, none new
    CHECK(w3.newcomers == 0);
    CHECK(w3.retained == 0);
    CHECK(w3.departed == 0);
    CHECK(w3.pairs == 2);       // ab ac
    CHECK(w3.formed == 2);
    CHECK(w3.dissolved == 0);
    CHECK(w3.persistence == 0.0);
    REQUIRE(w3.reciprocity);
    CHECK(*w3.reciprocity == Approx(2.0 / 3.0));  // collaboration a–b both ways, c→a not returned
    CHECK(w3.absence_factor == 1);
    CHECK(w3.elephant_factor == 1);
    check_circles(w3, {1, 1, 1, 0});

    // Members in slot order. Burstiness by hand: a's gaps 1 1 8 20 5, μ = 7, σ = √49.2.
    REQUIRE(r.members.size() == 5);
    const auto& m = r.members;
    CHECK(net.stakeholder(m[0].who).id == "a");
    CHECK(m[0].events == 6);
    CHECK(m[0].active_windows == 3);
    CHECK(m[0].first == 0);
    CHECK(m[0].last == 35);
    REQUIRE(m[0].burstiness);
    CHECK(*m[0].burstiness == Approx(0.0010183309949062982));
    CHECK(net.stakeholder(m[1].who).id == "b");
    CHECK(m[1].events == 5);
    CHECK(m[1].active_windows == 3);
    CHECK(m[1].first == 0);
    CHECK(m[1].last == 30);
    CHECK(*m[1].burstiness == Approx(0.017172444512455524));  // gaps 1 1 8 20
    CHECK(m[2].events == 4);                                   // c: 2 2 5 35
    CHECK(m[2].active_windows == 2);
    CHECK(m[2].first == 2);
    CHECK(m[2].last == 35);
    CHECK(*m[2].burstiness == Approx(0.10170120670319817));   // gaps 0 3 30: zero gaps count
    CHECK(m[3].events == 4);                                   // d: 5 12 15 15
    CHECK(m[3].active_windows == 2);
    CHECK(*m[3].burstiness == Approx(-0.0751344099672102));
    CHECK(net.stakeholder(m[4].who).id == "e");
    CHECK(m[4].events == 3);                                   // e: 12 15 15, gaps 3 0
    CHECK(m[4].active_windows == 1);
    CHECK(m[4].first == 12);
    CHECK(m[4].last == 15);
    REQUIRE(m[4].burstiness);
    CHECK(*m[4].burstiness == Approx(0.0).margin(1e-12));      // σ = μ = 1.5
}

TEST_CASE("health: the elephant factor folds organisation spellings and can group by another facet",
          "[health]") {
    Network net = five();
    const EventLog log = parse_events(net, log_text);
    // Grouped by id (compared exactly), the first window's sources a 2, b 2, c 1 need two.
    const HealthResult by_id = health(net, log, {.every = parse_span("10"), .elephant_facet = "id"});
    CHECK(by_id.windows[0].elephant_factor == 2);
    CHECK(by_id.windows[0].by_circle.empty());  // no community given
    // Nobody has a sector: no elephant factor.
    const HealthResult by_sector = health(net, log, {.every = parse_span("10"), .elephant_facet = "sector"});
    CHECK_FALSE(by_sector.windows[0].elephant_factor);
    CHECK_THROWS_AS(health(net, log, {.every = parse_span("10"), .elephant_facet = ""}), invalid_value);
}

TEST_CASE("health: since, the default window and explicit windows", "[health]") {
    Network net = five();
    const EventLog log = parse_events(net, log_text);
    // Plain numbers without a span: one window holding the whole log.
    const HealthResult whole = health(net, log);
    REQUIRE(whole.windows.size() == 1);
    CHECK(whole.windows[0].start == 0);
    CHECK(whole.windows[0].end == 36);
    CHECK(whole.windows[0].events == 11);
    CHECK(whole.windows[0].active == 5);
    CHECK(whole.windows[0].pairs == 5);  // ab ac bc cd de
    // since 10: the first window's events are left out, everyone active at 10 is new.
    const HealthResult later = health(net, log, {.every = parse_span("10"), .since = 10});
    REQUIRE(later.windows.size() == 3);
    CHECK(later.windows[0].newcomers == 4);
    CHECK_FALSE(later.windows[0].retained);
    CHECK(later.members.size() == 5);
    CHECK(later.members[0].events == 3);  // a at 10, 30, 35
    CHECK(later.members[0].burstiness.has_value());
    // Explicit windows with a gap between them: "previous" is the previous row.
    const std::vector<TimeRange> two{{0, 10, TimeKind::number}, {30, 40, TimeKind::number}};
    const HealthResult gap = health(net, log, two);
    REQUIRE(gap.windows.size() == 2);
    CHECK(gap.windows[1].retained == 3);  // a b c of the first window's newcomers a b c d
    CHECK(gap.windows[1].departed == 1);  // d
    CHECK(gap.windows[1].formed == 0);    // ab ac were both in the first window
    CHECK(gap.windows[1].dissolved == 2); // bc cd
    CHECK(*gap.windows[1].persistence == Approx(0.5));
    CHECK(gap.members.size() == 4);       // e only in the gap
    const std::vector<TimeRange> overlapping{{0, 10, TimeKind::number}, {5, 15, TimeKind::number}};
    CHECK_THROWS_WITH(health(net, log, overlapping), Catch::Contains("starts before the previous one ends"));
    const std::vector<TimeRange> backwards{{10, 0, TimeKind::number}};
    CHECK_THROWS_AS(health(net, log, backwards), invalid_value);
    CHECK_THROWS_AS(health(net, log, {.every = parse_span("7d")}), invalid_value);
}

TEST_CASE("health: one event, and every event at one instant", "[health]") {
    Network net = five();
    const EventLog one = parse_events(net, "time,source,target\n7,a,b\n");
    const HealthResult r = health(net, one);
    REQUIRE(r.windows.size() == 1);
    const WindowHealth& w = r.windows[0];
    CHECK(w.start == 7);
    CHECK(w.end == 8);
    CHECK(w.events == 1);
    CHECK(w.active == 2);
    CHECK(w.newcomers == 2);
    CHECK(w.pairs == 1);
    CHECK(w.reciprocity == 0.0);
    CHECK(w.absence_factor == 1);
    CHECK(w.elephant_factor == 1);
    REQUIRE(r.members.size() == 2);
    CHECK(r.members[0].events == 1);
    CHECK_FALSE(r.members[0].burstiness);  // below 3 events

    const EventLog instant = parse_events(net, "time,source,target\n5,a,b\n5,b,a\n5,a,b\n5,a,c\n");
    const HealthResult s = health(net, instant);
    REQUIRE(s.windows.size() == 1);
    CHECK(s.windows[0].events == 4);
    CHECK(s.windows[0].pairs == 2);
    CHECK(*s.windows[0].reciprocity == Approx(2.0 / 3.0));
    CHECK(s.windows[0].absence_factor == 1);  // a: 3 of 4
    CHECK(s.members[0].events == 4);
    CHECK(s.members[0].first == 5);
    CHECK(s.members[0].last == 5);
    CHECK_FALSE(s.members[0].burstiness);  // all at one instant
    CHECK(health(net, EventLog()).windows.empty());
}

TEST_CASE("health over ISO times: calendar months, time zones and a leap day", "[health]") {
    Network net = five();
    // 23:30 at -02:00 on Jan 31 is 01:30 UTC on Feb 1: a February event.
    const EventLog log = parse_events(net, "time,source,target\n"
                                           "2024-01-15,a,b\n"
                                           "2024-01-31T23:30:00-02:00,b,c\n"
                                           "2024-02-29,c,a\n"
                                           "2024-04-01T00:00:00+02:00,a,b\n");  // March 31 22:00 UTC
    CHECK(log.kind() == TimeKind::date_time);
    const HealthResult r = health(net, log);  // default: calendar months
    REQUIRE(r.windows.size() == 3);
    CHECK(format_time(r.windows[0].start, r.kind) == "2024-01-01T00:00:00Z");
    CHECK(r.windows[1].start == parse_time("2024-02-01").time);
    CHECK(r.windows[1].end == parse_time("2024-03-01").time);
    CHECK(r.windows[0].events == 1);
    CHECK(r.windows[1].events == 2);  // Feb 1 01:30 UTC and Feb 29
    CHECK(r.windows[2].events == 1);
    CHECK(r.windows[1].newcomers == 1);  // c
    CHECK(r.windows[1].retained == 2);   // a and b, January's newcomers
    CHECK(r.members[1].first == parse_time("2024-01-15").time);
    CHECK(r.members[1].last == parse_time("2024-03-31T22:00:00Z").time);  // Apr 1 at +02:00
    const HealthResult weeks = health(net, log, {.every = parse_span("7d")});
    CHECK(weeks.windows.front().start == parse_time("2024-01-15").time);
    CHECK(weeks.windows.back().start <= log.last_time());
    CHECK(weeks.windows.back().end > log.last_time());
}

TEST_CASE("health and temporal reach agree with an independent Python implementation", "[health][temporal]") {
    // Reference: tests/data/make_health_fixture.py (Python 3.11, NetworkX; sets per window,
    // networkx.overall_reciprocity, a fixed-point relaxation for arrivals) on the bundled
    // example's invented event log.
    const std::string root = std::string(COPNET_SOURCE_DIR);
    const std::string dir = root + "/examples/data/state-employment/";
    Network net = read_csv(dir + "nodes.csv", dir + "ties.csv");
    const EventLog log = read_events(net, dir + "events.csv");
    std::ifstream in(root + "/tests/data/state-employment-health.reference.json");
    const nlohmann::json ref = nlohmann::json::parse(in);
    const auto optional_equal = [](const nlohmann::json& want, const auto& got) {
        if (want.is_null()) return !got.has_value();
        if (!got.has_value()) return false;
        if (want.is_number_float()) return *got == Approx(want.get<double>()).epsilon(1e-12);
        return static_cast<double>(*got) == want.get<double>();
    };
    const Community* cop = &net.community("community");
    for (const char* span : {"1m", "7d"}) {
        INFO(span);
        const HealthResult r = health(net, log, {.every = parse_span(span), .community = cop});
        const nlohmann::json& want = ref["windows"][span];
        REQUIRE(r.windows.size() == want.size());
        for (std::size_t i = 0; i < want.size(); ++i) {
            INFO("window " << i);
            const WindowHealth& w = r.windows[i];
            const nlohmann::json& x = want[i];
            CHECK(w.start == x["start"].get<Time>());
            CHECK(w.end == x["end"].get<Time>());
            CHECK(w.events == x["events"].get<std::size_t>());
            CHECK(w.active == x["active"].get<std::size_t>());
            CHECK(w.newcomers == x["newcomers"].get<std::size_t>());
            CHECK(optional_equal(x["retained"], w.retained));
            CHECK(optional_equal(x["departed"], w.departed));
            CHECK(w.pairs == x["pairs"].get<std::size_t>());
            CHECK(optional_equal(x["formed"], w.formed));
            CHECK(optional_equal(x["dissolved"], w.dissolved));
            CHECK(optional_equal(x["persistence"], w.persistence));
            CHECK(optional_equal(x["reciprocity"], w.reciprocity));
            CHECK(w.absence_factor == x["absence_factor"].get<std::size_t>());
            CHECK(optional_equal(x["elephant_factor"], w.elephant_factor));
            REQUIRE(w.by_circle.size() == 4);
            for (const CircleActivity& c : w.by_circle) {
                const auto& pair = x["by_circle"][std::string(to_string(c.circle))];
                CHECK(c.active == pair[0].get<std::size_t>());
                CHECK(c.members == pair[1].get<std::size_t>());
            }
        }
        if (std::string(span) != "1m") continue;
        REQUIRE(r.members.size() == ref["members"].size());
        for (const MemberActivity& m : r.members) {
            const std::string& id = net.stakeholder(m.who).id;
            INFO(id);
            const nlohmann::json& x = ref["members"][id];
            CHECK(m.events == x[0].get<std::size_t>());
            CHECK(m.active_windows == x[1].get<std::size_t>());
            CHECK(m.first == x[2].get<Time>());
            CHECK(m.last == x[3].get<Time>());
            CHECK(optional_equal(x[4], m.burstiness));
        }
    }
    for (const auto& [source, arrivals] : ref["temporal"].items()) {
        INFO(source);
        const StakeholderId from[] = {net.at(source)};
        const TemporalReachResult r = temporal_reach(net, log, from);
        std::map<std::string, Time> got;
        for (const Arrival& a : r.reached) got[net.stakeholder(a.who).id] = a.arrival;
        CHECK(got == arrivals.get<std::map<std::string, Time>>());
    }
}

TEST_CASE("emerging leaders: the top by coreness and in-degree, who rose, which core went quiet",
          "[health]") {
    Network net = five();
    const EventLog log = parse_events(net, log_text);
    const auto lw = emerging_leaders(net, log, {.every = parse_span("10"),
                                                .community = &net.community("cop"), .top = 0.5});
    REQUIRE(lw.size() == 4);
    // [0,10): a b c form a triangle (coreness 2), d hangs on c (1). In-degree: a 1 (b),
    // b 1 (a), c 2 (a, b), d 1. Top half of 4 active: c, then a (slot before b).
    CHECK(lw[0].top == std::vector<LeaderRank>{{net.at("c"), 2, 2}, {net.at("a"), 2, 1}});
    CHECK(lw[0].rising.empty());
    CHECK(lw[0].quiet_core.empty());
    // [10,20): a–b and d–e (coreness 1 each); in-degree b 1, d 1 (e), e 1 (d): top two of four
    // by slot among equals: b, d. Both new to the top.
    CHECK(lw[1].top == std::vector<LeaderRank>{{net.at("b"), 1, 1}, {net.at("d"), 1, 1}});
    CHECK(lw[1].rising == std::vector<StakeholderId>{net.at("b"), net.at("d")});
    CHECK(lw[1].quiet_core.empty());  // a was active
    CHECK(lw[2].top.empty());
    CHECK(lw[2].quiet_core == std::vector<StakeholderId>{net.at("a")});
    // [30,40): a–b collaboration (both ways), c→a: a has in-degree 2 (b, c).
    CHECK(lw[3].top.front() == LeaderRank{net.at("a"), 1, 2});
    CHECK(lw[3].rising.front() == net.at("a"));
    CHECK_THROWS_AS(emerging_leaders(net, log, {.top = 0.0}), invalid_value);
    CHECK_THROWS_AS(emerging_leaders(net, log, {.top = 1.5}), invalid_value);
}

TEST_CASE("health reports its progress through the events, then the members", "[health][progress]") {
    Network net = five();
    const EventLog log = parse_events(net, log_text);
    std::vector<std::pair<std::size_t, std::size_t>> calls;
    HealthOptions o{.every = parse_span("10")};
    const HealthResult without = health(net, log, o);
    o.progress = [&](std::size_t done, std::size_t total) { calls.emplace_back(done, total); };
    const HealthResult with = health(net, log, o);
    CHECK(with.windows == without.windows);
    CHECK(with.members == without.members);
    REQUIRE(calls.size() >= 3);  // the windows' events, then the end
    const std::size_t total = calls.back().second;
    CHECK(calls.back().first == total);
    CHECK(total == log.size() + 1);  // 11 events; the members' share is at least 1
    for (std::size_t i = 1; i < calls.size(); ++i) {
        CHECK(calls[i].first > calls[i - 1].first);
        CHECK(calls[i].second == total);
    }
}
