// Event logs (copnet/events.hpp, docs/formats.md "Event logs"): times as ISO 8601 or plain numbers, the
// events.csv reader and its errors, spans, consecutive windows and a window's network.
#include <cstdint>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "copnet/analysis/reach.hpp"
#include "copnet/error.hpp"
#include "copnet/events.hpp"
#include "copnet/network.hpp"

using namespace copnet;

namespace {

constexpr Time day = 86'400'000;
constexpr Time hour = 3'600'000;

// a, b, c, d; community "cop" with a core, b inner, c outer.
Network people() {
    Network net;
    for (const char* id : {"a", "b", "c", "d"}) net.add_stakeholder(Stakeholder{.id = id});
    Community& cop = net.add_community("cop");
    cop.set_circle(net.at("a"), Circle::core);
    cop.set_circle(net.at("b"), Circle::inner);
    cop.set_circle(net.at("c"), Circle::outer);
    return net;
}

std::string id(const Network& net, StakeholderId who) { return net.stakeholder(who).id; }

} // namespace

TEST_CASE("ISO 8601 dates and date-times become milliseconds since 1970 UTC", "[events]") {
    CHECK(parse_time("1970-01-01") == ParsedTime{0, TimeKind::date});
    CHECK(parse_time("2024-03-05") == ParsedTime{19787 * day, TimeKind::date});
    CHECK(parse_time(" 2024-03-05 ") == ParsedTime{19787 * day, TimeKind::date});
    const Time t = 19787 * day + 14 * hour + 30 * 60'000;
    CHECK(parse_time("2024-03-05T14:30:00Z") == ParsedTime{t, TimeKind::date_time});
    CHECK(parse_time("2024-03-05T14:30:00").time == t);  // no zone: UTC
    CHECK(parse_time("2024-03-05 14:30").time == t);
    CHECK(parse_time("2024-03-05t14:30:00z").time == t);
    // An offset shifts the instant: 16:30 at +02:00 is 14:30 UTC.
    CHECK(parse_time("2024-03-05T16:30:00+02:00").time == t);
    CHECK(parse_time("2024-03-05T16:30:00+0200").time == t);
    CHECK(parse_time("2024-03-05T16:30:00+02").time == t);
    CHECK(parse_time("2024-03-05T09:00:00-05:30").time == t);
    CHECK(parse_time("2024-03-06T00:30:00+10:00").time == t);  // the day before in UTC
    CHECK(parse_time("2024-03-05T14:30:00.25Z").time == t + 250);
    CHECK(parse_time("2024-03-05T14:30:00,5Z").time == t + 500);
    CHECK(parse_time("2024-03-05T14:30:00.123456Z").time == t + 123);  // kept to the ms
    CHECK(parse_time("1969-12-31T23:59:59Z").time == -1000);
    CHECK(parse_time("0000-03-01").time == -719468 * day);
}

TEST_CASE("leap days follow the Gregorian rule", "[events]") {
    CHECK(parse_time("2024-02-29").time == 19782 * day);
    CHECK(parse_time("2024-03-01").time == 19783 * day);
    CHECK(parse_time("2000-02-29").time == 11016 * day);
    CHECK_THROWS_WITH(parse_time("2023-02-29"),
                      "time \"2023-02-29\" has day 29, but month 2 of 2023 has 28 days");
    CHECK_THROWS_AS(parse_time("1900-02-29"), invalid_value);
    CHECK_THROWS_AS(parse_time("2024-04-31"), invalid_value);
    CHECK(parse_time("2024-12-31").time == 20088 * day);
}

TEST_CASE("plain numbers are times in their own unit", "[events]") {
    CHECK(parse_time("42") == ParsedTime{42, TimeKind::number});
    CHECK(parse_time("-7") == ParsedTime{-7, TimeKind::number});
    CHECK(parse_time("+3") == ParsedTime{3, TimeKind::number});
    CHECK(parse_time("20240305") == ParsedTime{20240305, TimeKind::number});  // not ISO basic
    CHECK_THROWS_WITH(parse_time("1.5"), Catch::Contains("is not a whole number"));
    CHECK_THROWS_WITH(parse_time("36028797018963968"), Catch::Contains("out of range"));
}

TEST_CASE("malformed times are refused with what was expected", "[events]") {
    struct Bad {
        const char* text;
        const char* says;
    };
    const std::vector<Bad> bad{
        {"", "the time is empty"},
        {"yesterday", "is not a time (expected an ISO 8601 date"},
        {"2024-13-01", "has month 13 (expected 01 to 12)"},
        {"2024-00-10", "has month 0"},
        {"2024-03-32", "has day 32"},
        {"2024-03-00", "has day 0"},
        {"2024/03/05", "is not a time"},
        {"2024-3-5", "is not a time"},
        {"2024-03-05T24:00:00Z", "has hour 24"},
        {"2024-03-05T14:60:00Z", "has minute 60"},
        {"2024-03-05T14:30:60Z", "has second 60"},
        {"2024-03-05T14", "has no time of day"},
        {"2024-03-05T14:30:00+24:00", "zone offset out of range"},
        {"2024-03-05T14:30:00+2", "not +HH:MM"},
        {"2024-03-05T14:30:00 UTC", "no zone"},
        {"2024-03-05T14:30:00.Z", "no digits after the decimal mark"},
        {"2024-03-05X", "is not a time"},
        {"0000-01-01T00:30:00+01:00", "falls outside the years 0000 to 9999 in UTC"},
        {"9999-12-31T23:30:00-01:00", "falls outside the years 0000 to 9999 in UTC"},
    };
    for (const Bad& b : bad) {
        INFO(b.text);
        CHECK_THROWS_AS(parse_time(b.text), invalid_value);
        CHECK_THROWS_WITH(parse_time(b.text), Catch::Contains(b.says));
    }
}

TEST_CASE("times print back as given", "[events]") {
    const Time t = 19787 * day + 14 * hour + 30 * 60'000;
    CHECK(format_time(19787 * day, TimeKind::date) == "2024-03-05");
    CHECK(format_time(t, TimeKind::date) == "2024-03-05T14:30:00Z");  // not a midnight
    CHECK(format_time(19787 * day, TimeKind::date_time) == "2024-03-05T00:00:00Z");
    CHECK(format_time(t, TimeKind::date_time) == "2024-03-05T14:30:00Z");
    CHECK(format_time(t + 250, TimeKind::date_time) == "2024-03-05T14:30:00.250Z");
    CHECK(format_time(t + 7, TimeKind::date_time) == "2024-03-05T14:30:00.007Z");
    CHECK(format_time(-1000, TimeKind::date_time) == "1969-12-31T23:59:59Z");
    CHECK(format_time(19782 * day, TimeKind::date) == "2024-02-29");
    CHECK(format_time(-42, TimeKind::number) == "-42");
    for (const char* text : {"2024-03-05T16:30:00.125+02:00", "1999-12-31T23:59:59Z", "0001-01-01"}) {
        const ParsedTime p = parse_time(text);
        CHECK(parse_time(format_time(p.time, p.kind)) == ParsedTime{p.time, p.kind});
    }
}

TEST_CASE("an event log holds 16 bytes an event, sorted stably by time", "[events]") {
    Network net = people();
    const StakeholderId a = net.at("a"), b = net.at("b"), c = net.at("c");
    const std::vector<Event> given{{5, a, b, TieKind::influence, 1.0},
                                   {1, b, c, TieKind::influence, 1.0},
                                   {5, c, a, TieKind::collaboration, 1.0},
                                   {3, a, c, TieKind::authority, 1.0}};
    const EventLog log(given, TimeKind::number);
    REQUIRE(log.size() == 4);
    CHECK(log.unit_values());
    CHECK(log.memory_bytes() == 4 * 16);
    CHECK(log[0] == given[1]);
    CHECK(log[1] == given[3]);
    CHECK(log[2] == given[0]);  // the two at time 5 in the order given
    CHECK(log[3] == given[2]);
    CHECK(log.first_time() == 1);
    CHECK(log.last_time() == 5);
    CHECK(log.lower_bound(4) == 2);
    CHECK(log.lower_bound(5) == 2);
    CHECK(log.lower_bound(6) == 4);

    const std::vector<Event> valued{{2, a, b, TieKind::influence, 3.0}, {1, b, a, TieKind::influence, 0.5}};
    const EventLog v(valued, TimeKind::number);
    CHECK_FALSE(v.unit_values());
    CHECK(v[0].value == 0.5);
    CHECK(v[1].value == 3.0);
    CHECK(v.memory_bytes() == 2 * 24);

    CHECK_THROWS_AS(EventLog(std::vector<Event>{{1, a, a}}, TimeKind::number), invalid_value);
    CHECK_THROWS_AS(EventLog(std::vector<Event>{{1, a, StakeholderId()}}, TimeKind::number), invalid_value);
    CHECK_THROWS_AS(EventLog(std::vector<Event>{{max_time + 1, a, b}}, TimeKind::number), invalid_value);
    CHECK_THROWS_AS(EventLog(std::vector<Event>{{1, a, b, TieKind::influence, std::nan("")}},
                             TimeKind::number),
                    invalid_value);
    CHECK_THROWS_AS(EventLog().first_time(), invalid_value);
}

TEST_CASE("events.csv reads times, relations and values, and sorts rows out of order", "[events]") {
    Network net = people();
    const TieKind messages =
        net.add_relation({.name = "messages", .role = Role::communication, .scale = Scale::count});
    const Network before = net;
    EventReport report;
    const EventLog log = parse_events(net,
                                      "Time,Source,Target,Relation,Value\n"
                                      "2024-03-05T14:30:00Z,b,a,Messages,2\n"
                                      "2024-03-05,a,b,,\n"
                                      "2024-03-04T23:00:00-02:00,c,a,advice,1\n"
                                      "2024-03-05,b,c,collaboration,1\n",
                                      "events.csv", {}, &report);
    REQUIRE(log.size() == 4);
    CHECK(log.kind() == TimeKind::date_time);
    CHECK(report.events == 4);
    CHECK(report.created == 0);
    CHECK(report.new_relations == std::vector<std::string>{"interaction", "advice"});
    // The new relations are declared: interaction (communication, count), advice (other, count).
    const auto interaction = net.find_relation("interaction");
    const auto advice = net.find_relation("advice");
    REQUIRE(interaction);
    REQUIRE(advice);
    CHECK(net.relation(*interaction) == interaction_relation());
    CHECK(net.relation(*advice) == Relation{.name = "advice", .scale = Scale::count});
    CHECK(net.relations().size() == before.relations().size() + 2);
    // In time order; the two at midnight in file order; the -02:00 time is 01:00 UTC on the 5th.
    const Time midnight = 19787 * day;
    CHECK(log[0] == Event{midnight, net.at("a"), net.at("b"), *interaction, 1.0});
    CHECK(log[1] == Event{midnight, net.at("b"), net.at("c"), TieKind::collaboration, 1.0});
    CHECK(log[2] == Event{midnight + hour, net.at("c"), net.at("a"), *advice, 1.0});
    CHECK(log[3] == Event{midnight + 14 * hour + 30 * 60'000, net.at("b"), net.at("a"), messages, 2.0});
    CHECK_FALSE(log.unit_values());
}

TEST_CASE("events.csv without relation and value columns: interaction events worth 1", "[events]") {
    Network net = people();
    const EventLog log = parse_events(net, "time,source,target\n3,a,b\n1,b,a\n\n2,c,d\n");
    REQUIRE(log.size() == 3);
    CHECK(log.kind() == TimeKind::number);
    CHECK(log.unit_values());
    CHECK(log.time(0) == 1);
    CHECK(id(net, log.source(0)) == "b");
    CHECK(log.time(2) == 3);
    CHECK(net.relation(log.relation(0)).name == "interaction");
    // An existing interaction relation is used, not declared again.
    const std::size_t relations = net.relations().size();
    const EventLog again = parse_events(net, "time,source,target,relation\n1,a,b,interaction\n2,a,b,\n");
    CHECK(net.relations().size() == relations);
    CHECK(again.relation(0) == again.relation(1));
    // A date-only log keeps kind date.
    CHECK(parse_events(net, "time,source,target\n2024-02-29,a,b\n").kind() == TimeKind::date);
}

TEST_CASE("events.csv can create the stakeholders it names", "[events]") {
    Network net = people();
    EventReport report;
    const EventLog log = parse_events(net, "time,source,target\n1,a,new-1\n2,new-2,new-1\n3,new-2,b\n",
                                      "events.csv", {.create_missing_stakeholders = true}, &report);
    CHECK(report.created == 2);
    CHECK(net.stakeholder_count() == 6);
    REQUIRE(net.find("new-1"));
    REQUIRE(net.find("new-2"));
    CHECK(net.at("new-1").index() == 4);  // in the order first met
    CHECK(net.at("new-2").index() == 5);
    CHECK(log.target(0) == net.at("new-1"));
    CHECK(log.source(1) == net.at("new-2"));
    CHECK(log.target(1) == net.at("new-1"));
    // All or nothing with creation too.
    const Network before = net;
    CHECK_THROWS_AS(parse_events(net, "time,source,target\n1,x,y\n2,x,x\n", "events.csv",
                                 {.create_missing_stakeholders = true}),
                    parse_error);
    CHECK(net == before);
}

TEST_CASE("bad events.csv input names the line and the field, and changes nothing", "[events]") {
    struct Bad {
        std::string text;
        std::size_t line;
        std::string field;
        std::string says;
    };
    // Each bad file names a new relation before its error, which must not be declared.
    const std::string head = "time,source,target,relation,value\n1,a,b,fresh,1\n";
    const std::string iso = "time,source,target,relation,value\n2024-03-05,a,b,fresh,1\n";
    const std::vector<Bad> bad{
        {head + "soon,a,b,,\n", 3, "time", "time \"soon\" is not a time"},
        {head + "2024-03-05,a,b,,\n", 3, "time",
         "time \"2024-03-05\" is an ISO 8601 time, but line 2's \"1\" is a plain number: one file "
         "holds one kind of time"},
        {iso + "7,a,b,,\n", 3, "time", "is a plain number, but line 2's \"2024-03-05\" is an ISO"},
        {iso + "2023-02-29,a,b,,\n", 3, "time", "has day 29, but month 2 of 2023 has 28 days"},
        {head + "2,a,zed,,\n", 3, "target", "target \"zed\" is not a stakeholder of the network"},
        {head + "2,zed,a,,\n", 3, "source", "source \"zed\" is not a stakeholder of the network"},
        {head + "2,,a,,\n", 3, "source", "source is empty"},
        {head + "2,a,a,,\n", 3, "target", "self-events are not allowed"},
        {head + "2,a,b,,nan\n", 3, "value", "value \"nan\" is not a finite number"},
        {head + "2,a,b,,inf\n", 3, "value", "value \"inf\" is not a finite number"},
        {head + "2,a,b,,many\n", 3, "value", "value \"many\" is not a finite number"},
        {head + "2,a,b,,-1\n", 3, "value",
         "value -1 is negative, but relation \"interaction\" has scale count"},
        {head + "2,a,b\n", 3, "", "the row has 3 fields, the header has 5"},
        {"time,source\n1,a\n", 1, "target", "the header has no target column"},
        {"time,source,target,when\n1,a,b,x\n", 1, "when", "column \"when\" is not an events column"},
        {"time,source,target,time\n", 1, "time", "appears twice"},
        {"", 0, "", "the file is empty"},
        {"time,source,target\n1,a,\"b\n", 2, "", ""},  // an unclosed quote (the tokenizer's error)
    };
    for (const Bad& b : bad) {
        INFO(b.text);
        Network net = people();
        const Network before = net;
        try {
            (void)parse_events(net, b.text, "events.csv");
            FAIL("no error");
        } catch (const parse_error& e) {
            CHECK(e.file() == "events.csv");
            CHECK(e.line() == b.line);
            if (!b.field.empty() || b.line != 2) CHECK(e.field() == b.field);
            CHECK_THAT(e.message(), Catch::Contains(b.says));
            if (b.line > 0)
                CHECK_THAT(std::string(e.what()),
                           Catch::StartsWith("events.csv:" + std::to_string(b.line) + ": "));
        }
        CHECK(net == before);
        CHECK_FALSE(net.find_relation("fresh"));
    }
    // A real relation takes signed values.
    Network net = people();
    net.add_relation({.name = "sentiment", .scale = Scale::real});
    const EventLog log = parse_events(net, "time,source,target,relation,value\n1,a,b,sentiment,-2.5\n");
    CHECK(log.value(0) == -2.5);
}

TEST_CASE("spans and START..END windows parse with clear errors", "[events]") {
    CHECK(parse_span("7d") == Span{Span::Unit::days, 7});
    CHECK(parse_span("30D") == Span{Span::Unit::days, 30});
    CHECK(parse_span("1m") == Span{Span::Unit::months, 1});
    CHECK(parse_span("12") == Span{Span::Unit::number, 12});
    for (const char* text : {"0d", "0", "-3d", "0m", "x", "7w", "", "d", "1.5d", "7 d", "2000000d"}) {
        INFO(text);
        CHECK_THROWS_AS(parse_span(text), invalid_value);
    }
    CHECK_THROWS_WITH(parse_span("0"), "span \"0\" is not positive (windows must have a length)");
    CHECK_THROWS_WITH(parse_span("0d"), Catch::Contains("is not positive"));

    CHECK(parse_time_range("2024-03-01..2024-04-01") ==
          TimeRange{19783 * day, 19814 * day, TimeKind::date});
    CHECK(parse_time_range("5..10") == TimeRange{5, 10, TimeKind::number});
    CHECK(parse_time_range("2024-03-01..2024-03-01T12:00:00Z").kind == TimeKind::date_time);
    CHECK_THROWS_WITH(parse_time_range("10..5"),
                      "window \"10..5\" ends before it starts (END must be after START)");
    CHECK_THROWS_WITH(parse_time_range("2024-04-01..2024-03-01"), Catch::Contains("ends before it starts"));
    CHECK_THROWS_WITH(parse_time_range("5..5"), Catch::Contains("ends before it starts"));
    CHECK_THROWS_WITH(parse_time_range("2024-03-01..5"), Catch::Contains("mixes"));
    CHECK_THROWS_WITH(parse_time_range("2024-03-01"), Catch::Contains("is not START..END"));
    CHECK_THROWS_WITH(parse_time_range("x..5"), Catch::Contains("time \"x\" is not a time"));
}

TEST_CASE("calendar steps: days, months with leap years, floors", "[events]") {
    const Time jan31 = parse_time("2024-01-31T10:00:00Z").time;
    CHECK(floor_to_day(jan31) == parse_time("2024-01-31").time);
    CHECK(floor_to_month(jan31) == parse_time("2024-01-01").time);
    CHECK(floor_to_day(-1) == -day);  // before 1970 floors down
    CHECK(advance(jan31, {Span::Unit::months, 1}) == parse_time("2024-02-29T10:00:00Z").time);
    CHECK(advance(parse_time("2023-01-31").time, {Span::Unit::months, 1}) == parse_time("2023-02-28").time);
    CHECK(advance(parse_time("2024-12-01").time, {Span::Unit::months, 1}) == parse_time("2025-01-01").time);
    CHECK(advance(parse_time("2024-02-01").time, {Span::Unit::months, 13}) == parse_time("2025-03-01").time);
    CHECK(advance(parse_time("2024-02-28").time, {Span::Unit::days, 2}) == parse_time("2024-03-01").time);
    CHECK(advance(10, {Span::Unit::number, 5}) == 15);
    CHECK_THROWS_AS(advance(max_time - 1, {Span::Unit::number, 5}), invalid_value);
}

TEST_CASE("every SPAN (--every) cuts the log into consecutive windows; the last holds the last event", "[events]") {
    Network net = people();
    const EventLog iso = parse_events(net, "time,source,target\n"
                                           "2024-03-05T10:00:00Z,a,b\n"
                                           "2024-03-20,b,a\n"
                                           "2024-04-02T23:59:59Z,a,c\n");
    const auto weeks = windows(iso, parse_span("7d"));
    REQUIRE(weeks.size() == 5);
    CHECK(weeks[0].start == parse_time("2024-03-05").time);  // floored to its day
    CHECK(weeks[0].end == parse_time("2024-03-12").time);
    CHECK(weeks[1].start == weeks[0].end);
    CHECK(weeks[4].start == parse_time("2024-04-02").time);
    CHECK(weeks[4].end == parse_time("2024-04-09").time);
    CHECK(weeks[4].kind == TimeKind::date_time);
    const auto months = windows(iso, parse_span("1m"));
    REQUIRE(months.size() == 2);
    CHECK(months[0] == TimeRange{parse_time("2024-03-01").time, parse_time("2024-04-01").time,
                                 TimeKind::date_time});
    CHECK(months[1].end == parse_time("2024-05-01").time);
    const auto since = windows(iso, parse_span("30d"), parse_time("2024-02-01").time);
    REQUIRE(since.size() == 3);  // Feb 1, Mar 2, Apr 1 (holds Apr 2)
    CHECK(since[2].start == parse_time("2024-04-01").time);
    CHECK(windows(iso, parse_span("7d"), parse_time("2024-05-01").time).empty());
    CHECK_THROWS_WITH(windows(iso, parse_span("5")), Catch::Contains("needs plain-number times"));

    const EventLog numbers = parse_events(net, "time,source,target\n3,a,b\n10,b,a\n5,a,c\n");
    const auto fives = windows(numbers, parse_span("5"));
    REQUIRE(fives.size() == 2);
    CHECK(fives[0] == TimeRange{3, 8, TimeKind::number});
    CHECK(fives[1] == TimeRange{8, 13, TimeKind::number});
    const auto from0 = windows(numbers, parse_span("5"), 0);
    REQUIRE(from0.size() == 3);  // 10 is on a boundary: [10, 15) holds it
    CHECK(from0[2] == TimeRange{10, 15, TimeKind::number});
    CHECK_THROWS_WITH(windows(numbers, parse_span("7d")), Catch::Contains("needs ISO 8601 times"));
    CHECK(windows(EventLog(), parse_span("5")).empty());

    const EventLog wide = parse_events(net, "time,source,target\n0,a,b\n100000000,b,a\n");
    CHECK_THROWS_WITH(windows(wide, parse_span("1")), Catch::Contains("more than 1000000 windows"));
}

TEST_CASE("a window is a network of summed events on the same stakeholders", "[events]") {
    Network base = people();
    const TieKind messages =
        base.add_relation({.name = "messages", .role = Role::communication, .scale = Scale::count});
    const EventLog log = parse_events(base, "time,source,target,relation,value\n"
                                            "1,a,b,messages,1\n"
                                            "2,a,b,messages,2\n"
                                            "3,b,a,messages,1\n"
                                            "4,a,c,collaboration,1\n"
                                            "5,c,a,collaboration,1\n"
                                            "6,a,b,influence,0.5\n"
                                            "6,a,b,influence,0.75\n"
                                            "9,c,d,messages,1\n");
    const Network before = base;
    const Network w = window(base, log, 1, 9);
    CHECK(base == before);
    CHECK(w.stakeholder_count() == 4);
    for (const StakeholderId who : base.stakeholders()) CHECK(w.stakeholder(who).id == base.stakeholder(who).id);
    CHECK(w.community("cop").circle(w.at("a")) == Circle::core);
    CHECK(w.community("cop").circle(w.at("c")) == Circle::outer);
    CHECK(w.tie_count() == 4);
    const StakeholderId a = w.at("a"), b = w.at("b"), c = w.at("c"), d = w.at("d");
    CHECK(w.find_tie(a, b, messages)->weight == 3.0);
    CHECK(w.find_tie(b, a, messages)->weight == 1.0);
    CHECK(w.find_tie(a, c, TieKind::collaboration)->weight == 2.0);  // mutual: one tie
    CHECK(w.find_tie(a, b, TieKind::influence)->weight == 1.25);     // summed, past 1
    CHECK_FALSE(w.find_tie(c, d, messages));                          // at 9: outside [1, 9)
    CHECK(w.relation(TieKind::influence).scale == Scale::count);
    CHECK(w.relation(TieKind::influence).role == Role::influence);
    CHECK(w.relation(messages).name == "messages");
    // Every analysis runs on it.
    const StakeholderId from[] = {d};
    CHECK(reach(w, from).count() == 1);
    const StakeholderId from_a[] = {a};
    CHECK(reach(w, from_a).count() == 3);

    const Network empty = window(base, log, 100, 200);
    CHECK(empty.stakeholder_count() == 4);
    CHECK(empty.tie_count() == 0);
    CHECK_THROWS_AS(window(base, log, 5, 5), invalid_value);
}

TEST_CASE("a window keeps the slots of removed stakeholders", "[events]") {
    Network base = people();
    const EventLog log = parse_events(base, "time,source,target\n1,a,d\n2,c,d\n");
    base.remove_stakeholder(base.at("b"));
    const Network w = window(base, log, 0, 10);
    CHECK(w.slot_count() == base.slot_count());
    CHECK_FALSE(w.contains(StakeholderId(1)));
    CHECK(w.stakeholder(StakeholderId(3)).id == "d");
    CHECK(w.tie_count() == 2);
    CHECK(w.find_tie(w.at("c"), w.at("d"), log.relation(1)));
    CHECK(w == window(w, log, 0, 10));
}

TEST_CASE("a large events.csv resolves ids through its own table, first error first", "[events]") {
    Network net;
    for (int i = 0; i < 300; ++i) net.add_stakeholder(Stakeholder{.id = "person-number-" + std::to_string(i)});
    net.remove_stakeholder(net.at("person-number-7"));  // slots are no longer positions
    const auto row = [](int t, int a, int b) {
        return std::to_string(t) + ",person-number-" + std::to_string(a) + ",person-number-" +
               std::to_string(b) + "\n";
    };
    std::string text = "time,source,target\n";
    for (int i = 0; i < 2000; ++i) text += row(2000 - i, 8 + i % 290, 8 + (i + 1) % 290);
    const EventLog log = parse_events(net, text);
    REQUIRE(log.size() == 2000);
    CHECK(log.time(0) == 1);  // the last row, sorted first
    CHECK(net.stakeholder(log.source(0)).id == "person-number-" + std::to_string(8 + 1999 % 290));
    CHECK(net.stakeholder(log.target(1999)).id == "person-number-9");
    // A self-event on line 1201 and a bad time four rows later: the self-event is reported.
    std::string bad = "time,source,target\n";
    for (int i = 0; i < 2000; ++i) {
        if (i == 1200) bad += "5,person-number-3,person-number-3\n";
        else if (i == 1204) bad += "later,person-number-3,person-number-4\n";
        else bad += row(i, 10, 11);
    }
    const Network before = net;
    try {
        (void)parse_events(net, bad);
        FAIL("no error");
    } catch (const parse_error& e) {
        CHECK(e.line() == 1202);
        CHECK(e.field() == "target");
    }
    std::string unknown = text;
    unknown += row(1, 3, 7);  // person-number-7 was removed
    try {
        (void)parse_events(net, unknown);
        FAIL("no error");
    } catch (const parse_error& e) {
        CHECK(e.line() == 2002);
        CHECK(e.message() == "target \"person-number-7\" is not a stakeholder of the network");
    }
    CHECK(net == before);
}

TEST_CASE("a sign-in sheet reads as co-attendance events: everyone at a meeting with everyone",
          "[events]") {
    Network net = people();
    EventReport report;
    const EventLog log = parse_attendance(net,
                                          "Time,Meeting,ID\n"
                                          "2024-01-10,kick-off,a\n"
                                          "2024-01-10,kick-off,b\n"
                                          "2024-01-10,kick-off,a\n"  // signed in twice
                                          "2024-01-10,kick-off,c\n"
                                          "2024-02-05,steering,c\n"
                                          "2024-01-20,steering,a\n"
                                          "2024-01-20,steering,b\n"
                                          "2024-02-05,steering,d\n"
                                          "2024-03-01,kick-off,b\n"  // the same name, another day
                                          "2024-03-01,kick-off,d\n",
                                          "attendance.csv", {}, &report);
    CHECK(report.new_relations == std::vector<std::string>{"co_attendance"});
    const TieKind co = *net.find_relation("co_attendance");
    CHECK(net.relation(co) == co_attendance_relation());
    CHECK(log.kind() == TimeKind::date);
    REQUIRE(log.size() == 6);  // kick-off: ab ac bc; steering (Jan 20): ab; (Feb 5): cd; Mar 1: bd
    CHECK(log[0] == Event{parse_time("2024-01-10").time, net.at("a"), net.at("b"), co, 1.0});
    CHECK(log[2] == Event{parse_time("2024-01-10").time, net.at("b"), net.at("c"), co, 1.0});
    CHECK(log[3].time == parse_time("2024-01-20").time);
    CHECK(log[5] == Event{parse_time("2024-03-01").time, net.at("b"), net.at("d"), co, 1.0});
    // January's network: each pair tied by the number of meetings it shared.
    const Network january = window(net, log, parse_time("2024-01-01").time, parse_time("2024-02-01").time);
    CHECK(january.tie_count() == 3);
    CHECK(january.find_tie(january.at("b"), january.at("a"), co)->weight == 2.0);
    CHECK(january.find_tie(january.at("a"), january.at("c"), co)->weight == 1.0);

    struct Bad {
        std::string text;
        std::size_t line;
        std::string field;
        std::string says;
    };
    const std::vector<Bad> bad{
        {"time,meeting,id\n2024-01-10,m,a\n2024-13-01,m,b\n", 3, "time", "has month 13"},
        {"time,meeting,id\n2024-01-10,m,a\n5,m,b\n", 3, "time", "one file holds one kind of time"},
        {"time,meeting,id\n2024-01-10,m,zed\n", 2, "id", "id \"zed\" is not a stakeholder of the network"},
        {"time,meeting,id\n2024-01-10, ,a\n", 2, "meeting", "meeting is empty"},
        {"time,meeting\n2024-01-10,m\n", 1, "id", "the header has no id column"},
        {"time,meeting,id,room\n", 1, "room", "is not an attendance column"},
        {"time,meeting,id\n2024-01-10,m\n", 2, "", "the row has 2 fields, the header has 3"},
    };
    for (const Bad& b : bad) {
        INFO(b.text);
        Network fresh = people();
        const Network before = fresh;
        try {
            (void)parse_attendance(fresh, b.text);
            FAIL("no error");
        } catch (const parse_error& e) {
            CHECK(e.file() == "attendance.csv");
            CHECK(e.line() == b.line);
            CHECK(e.field() == b.field);
            CHECK_THAT(e.message(), Catch::Contains(b.says));
        }
        CHECK(fresh == before);
    }
    Network grow = people();
    const EventLog created = parse_attendance(grow, "time,meeting,id\n1,m,a\n1,m,guest\n", "a.csv",
                                              {.create_missing_stakeholders = true});
    CHECK(grow.find("guest"));
    CHECK(created.size() == 1);
    CHECK(created.kind() == TimeKind::number);
}

namespace {

// The one event of a one-row events.csv whose time cell is `cell`.
EventLog one_row(Network& net, const std::string& cell) {
    const std::string quoted = cell.find(',') == std::string::npos ? cell : "\"" + cell + "\"";
    return parse_events(net, "time,source,target\n" + quoted + ",a,b\n");
}

} // namespace

TEST_CASE("events.csv reads the common time shapes as parse_time does, at their boundaries",
          "[events]") {
    // The reader reads plain numbers of up to 16 digits, YYYY-MM-DD and
    // YYYY-MM-DDTHH:MM:SS[Z] on a fast path of its own; every other shape through parse_time.
    // Either way each time must be parse_time's (the general parser's) answer.
    const std::vector<std::string> cells{
        // dates: leap days by the Gregorian rule, the ends of the years allowed, month ends
        "2024-02-29", "2000-02-29", "1900-02-28", "2023-02-28", "2024-03-01", "1970-01-01",
        "1969-12-31", "0000-01-01", "0000-02-29", "9999-12-31", "2024-01-31", "2024-04-30",
        "2024-12-31",
        // date-times, with and without Z, at the ends of the day
        "2024-02-29T00:00:00", "2024-02-29T23:59:59Z", "2024-03-05T14:30:00Z", "1969-12-31T23:59:59Z",
        "0000-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "9999-12-31T23:59:59",
        // shapes the fast path leaves to parse_time: offsets, fractions, no seconds, lower
        // case, a space for T, blanks around
        "2024-03-05T16:30:00+02:00", "2024-03-05T16:30:00+0200", "2024-03-05T16:30:00+02",
        "2024-03-05T09:00:00-05:30", "2024-03-06T00:30:00+10:00", "2024-03-01T00:30:00+01:00",
        "2024-03-05T14:30:00.5Z", "2024-03-05T14:30:00,25", "2024-03-05T14:30:00.999999Z",
        "2024-03-05T14:30:00.000", "2024-03-05T14:30Z", "2024-03-05T14:30", "2024-03-05 14:30:00",
        "2024-03-05t14:30:00z", " 2024-03-05 ", "2024-02-29T23:59:59.999-00:01",
        "0001-01-01T00:30:00+00:30", "9999-12-31T23:59:59-00:00",
    };
    for (const std::string& cell : cells) {
        INFO(cell);
        Network net = people();
        const EventLog log = one_row(net, cell);
        const ParsedTime general = parse_time(cell);
        REQUIRE(log.size() == 1);
        CHECK(log.time(0) == general.time);
        CHECK(log.kind() == general.kind);
    }
    // Plain numbers: the fast path's 16 digits, and the 17-digit ends of the range (±2^55)
    // through parse_time; signs and leading zeros.
    const std::vector<std::string> numbers{
        "0", "-0", "7", "007", "-1", "+5", "1234567890123456", "9999999999999999",
        "-9999999999999999", "10000000000000000", "36028797018963967", "-36028797018963968",
        "0000000000000000000001", " 42 ",
    };
    for (const std::string& cell : numbers) {
        INFO(cell);
        Network net = people();
        const EventLog log = one_row(net, cell);
        REQUIRE(log.size() == 1);
        CHECK(log.time(0) == parse_time(cell).time);
        CHECK(log.kind() == TimeKind::number);
    }
    CHECK(parse_time("36028797018963967").time == max_time);  // the independent check: 2^55 − 1
    CHECK(parse_time("-36028797018963968").time == min_time);
}

TEST_CASE("events.csv refuses a time of a fast shape with parse_time's error", "[events]") {
    // Text of a fast shape but out of range falls to parse_time, whose error the reader names.
    const std::vector<std::string> cells{
        "2023-02-29", "1900-02-29", "2024-13-01", "2024-00-10", "2024-04-31", "2024-03-00",
        "2024-03-05T24:00:00Z", "2024-03-05T14:60:00", "2024-03-05T14:30:60Z",
        "2024-03-05T14:30:00X", "2024-3-05", "20240305", "36028797018963968",
        "-36028797018963969", "99999999999999999999", "12a", "1.5", "-",
    };
    for (const std::string& cell : cells) {
        INFO(cell);
        std::string general;
        try {
            (void)parse_time(cell);
        } catch (const invalid_value& e) {
            general = e.what();
        }
        if (cell == "20240305") {
            CHECK(general.empty());  // a plain number, and so read
            continue;
        }
        REQUIRE_FALSE(general.empty());
        Network net = people();
        const Network before = net;
        try {
            (void)one_row(net, cell);
            FAIL("no error");
        } catch (const parse_error& e) {
            CHECK(e.line() == 2);
            CHECK(e.field() == "time");
            CHECK(e.message() == general);
        }
        CHECK(net == before);
    }
}

TEST_CASE("events.csv: quoted fields, CRLF and lone CR line ends read as the CSV rules say",
          "[events]") {
    // The same events written four ways: plain LF, CRLF with blank lines, quoted cells (one
    // with a comma, one with a line break inside) after plain rows, and old Mac CR line ends.
    Network base = people();
    base.add_relation({.name = "x, y", .scale = Scale::count});
    base.add_relation({.name = "two\nlines", .scale = Scale::count});
    const std::string plain =
        "time,source,target,relation,value\n2024-03-05,a,b,,1\n2024-03-04T10:00:00Z,b,c,,2\n"
        "2024-03-06,c,a,,1\n";
    const std::string crlf =
        "time,source,target,relation,value\r\n\r\n2024-03-05,a,b,,1\r\n2024-03-04T10:00:00Z,b,c,,2\r\n"
        "\r\n2024-03-06,c,a,,1\r\n";
    const std::string cr =
        "time,source,target,relation,value\r2024-03-05,a,b,,1\r2024-03-04T10:00:00Z,b,c,,2\r"
        "2024-03-06,c,a,,1";
    const std::string quoted =
        "time,source,target,relation,value\n2024-03-05,a,b,,1\n\"2024-03-04T10:00:00Z\",\"b\",c,,\"2\"\n"
        "2024-03-06,\"c\",a,\"\",1\n";
    Network net = base;
    const EventLog expected = parse_events(net, plain);
    REQUIRE(expected.size() == 3);
    CHECK(expected.time(0) == parse_time("2024-03-04T10:00:00Z").time);
    CHECK(id(net, expected.source(0)) == "b");
    CHECK(expected.value(0) == 2.0);
    for (const std::string* text : {&crlf, &cr, &quoted}) {
        INFO(*text);
        Network other = base;
        CHECK(parse_events(other, *text) == expected);
    }
    // Quoted relations with a comma and a line break; the rows after them keep their lines.
    Network q = base;
    const std::string relations =
        "time,source,target,relation\n1,a,b,\n2,a,c,\"x, y\"\n3,b,c,\"two\nlines\"\n4,c,d,\n5,d,zz,\n";
    try {
        (void)parse_events(q, relations);
        FAIL("no error");
    } catch (const parse_error& e) {
        CHECK(e.line() == 7);  // the break inside the quoted cell is a line of the file
        CHECK(e.field() == "target");
    }
    const std::string good = relations.substr(0, relations.find("5,d,zz"));
    const EventLog log = parse_events(q, good);
    REQUIRE(log.size() == 4);
    CHECK(log.relation(1) == *q.find_relation("x, y"));
    CHECK(log.relation(2) == *q.find_relation("two\nlines"));
    CHECK(log.relation(3) == *q.find_relation("interaction"));
    // A quote inside an unquoted cell after plain rows: the tokenizer's error, on its line.
    Network bad = base;
    try {
        (void)parse_events(bad, "time,source,target\r\n1,a,b\r\n2,a,c\r\n3,b,c\"\r\n");
        FAIL("no error");
    } catch (const parse_error& e) {
        CHECK(e.line() == 4);
        CHECK_THAT(e.message(), Catch::Contains("inside an unquoted field"));
    }
    CHECK(bad == base);
}

TEST_CASE("a large log out of order sorts stably by time (as std::stable_sort)", "[events]") {
    // 20,000 rows, times drawn from 50 instants spread over ±2^40 and plain numbers: many ties,
    // so that the order within an instant (the order of the rows) shows; with and without
    // values.
    Network net;
    for (int i = 0; i < 100; ++i) net.add_stakeholder(Stakeholder{.id = "p" + std::to_string(i)});
    for (const bool valued : {false, true}) {
        std::string text = "time,source,target,value\n";
        std::vector<Event> rows;
        std::uint64_t x = 88172645463325252ULL;  // Marsaglia's xorshift64
        const auto next = [&] {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            return x;
        };
        for (int i = 0; i < 20'000; ++i) {
            const Time t = (static_cast<Time>(next() % 50) - 25) * (Time{1} << 35) + 3;
            const auto s = static_cast<std::uint32_t>(next() % 100);
            const auto d = static_cast<std::uint32_t>((s + 1 + next() % 99) % 100);
            const double v = valued ? static_cast<double>(i) : 1.0;
            rows.push_back({t, StakeholderId(s), StakeholderId(d), TieKind{}, v});
            text += std::to_string(t) + ",p" + std::to_string(s) + ",p" + std::to_string(d) + "," +
                    (valued ? std::to_string(i) : std::string("1")) + "\n";
        }
        std::stable_sort(rows.begin(), rows.end(),
                         [](const Event& a, const Event& b) { return a.time < b.time; });
        Network n = net;
        const EventLog log = parse_events(n, text);
        REQUIRE(log.size() == rows.size());
        CHECK(log.unit_values() == !valued);
        CHECK(log.memory_bytes() <= (rows.size() + 1) * (valued ? 24 : 16));  // + the header line
        bool same = true;
        for (std::size_t i = 0; i < rows.size(); ++i)
            same = same && log.time(i) == rows[i].time && log.source(i) == rows[i].source &&
                   log.target(i) == rows[i].target && log.value(i) == rows[i].value;
        CHECK(same);
    }
}
