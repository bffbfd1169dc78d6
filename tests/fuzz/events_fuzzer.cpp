// libFuzzer target for the events.csv and attendance.csv readers and the time, span and window
// parsers (clang only: -DCOPNET_BUILD_FUZZERS=ON). Input: CSV text, read both as events.csv and
// as attendance.csv, then (after a NUL byte) a time, a span or a START..END window to parse.
// Property: a read either succeeds — and then the log is in time order, names only stakeholders
// and relations of the network, holds no self-event and no value that is not finite, and each
// time prints back (format_time) to a text that parses to the same instant — or throws a
// copnet::error leaving the network exactly as it was. The parsers succeed or throw
// invalid_value; a parsed time prints back to itself, and reads in events.csv as parse_time
// reads it (the reader's fast path for common shapes agrees with the general parser).
// Run: build-fuzz/tests/fuzz/events_fuzzer tests/fuzz/corpus-events
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "copnet/analysis/health.hpp"
#include "copnet/error.hpp"
#include "copnet/events.hpp"
#include "copnet/io/csv.hpp"

namespace {

// The reader reads common time shapes on a fast path of its own: a one-row events.csv with
// `text` as its time must read as parse_time does (the same instant and kind, or an error).
void check_reader_time(std::string_view text, const copnet::ParsedTime* general) {
    if (text.find_first_of(std::string_view(",\n\r\"\0", 5)) != std::string_view::npos) return;
    copnet::Network net;
    net.add_stakeholder(copnet::Stakeholder{.id = "a"});
    net.add_stakeholder(copnet::Stakeholder{.id = "b"});
    std::string csv = "time,source,target\n";
    csv += text;
    csv += ",a,b\n";
    try {
        const copnet::EventLog log = copnet::parse_events(net, csv);
        if (general == nullptr || log.size() != 1 || log.time(0) != general->time ||
            log.kind() != general->kind)
            std::abort();
    } catch (const copnet::parse_error&) {
        if (general != nullptr) std::abort();
    }
}

void check_parsers(std::string_view text) {
    try {
        const copnet::ParsedTime t = copnet::parse_time(text);
        if (copnet::parse_time(copnet::format_time(t.time, t.kind)).time != t.time) std::abort();
        check_reader_time(text, &t);
    } catch (const copnet::invalid_value&) {
        check_reader_time(text, nullptr);
    }
    try {
        const copnet::Span s = copnet::parse_span(text);
        if (s.count <= 0) std::abort();
    } catch (const copnet::invalid_value&) {
    }
    try {
        const copnet::TimeRange r = copnet::parse_time_range(text);
        if (r.end <= r.start) std::abort();
    } catch (const copnet::invalid_value&) {
    }
}

// The same text as a sign-in sheet: co-attendance events between distinct known stakeholders,
// in time order, or an error that changes nothing.
void check_attendance(std::string_view text) {
    copnet::Network net;
    copnet::parse_csv(net, "id\na\nb\nc\n", "source,target,kind\n");
    const copnet::Network before = net;
    copnet::EventLog log;
    try {
        log = copnet::parse_attendance(net, text);
    } catch (const copnet::error&) {
        if (!(net == before)) std::abort();
        return;
    }
    for (std::size_t i = 0; i < log.size(); ++i) {
        if (i > 0 && log.time(i) < log.time(i - 1)) std::abort();
        if (!net.contains(log.source(i)) || !net.contains(log.target(i))) std::abort();
        if (log.source(i) == log.target(i) || log.value(i) != 1.0) std::abort();
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view all(reinterpret_cast<const char*>(data), size);
    const auto cut = all.find('\0');
    const std::string_view text = all.substr(0, cut);
    if (cut != std::string_view::npos) check_parsers(all.substr(cut + 1));
    copnet::Network net;
    copnet::parse_csv(net, "id,organization\na,x\nb,y\nc,\nd,x\n", "source,target,kind\na,b,influence\n");
    net.add_relation({.name = "sentiment", .scale = copnet::Scale::real});
    const copnet::Network before = net;
    check_attendance(text);
    copnet::EventLog log;
    try {
        log = copnet::parse_events(net, text, "events.csv",
                                   {.create_missing_stakeholders = size % 2 == 1});
    } catch (const copnet::error&) {
        if (!(net == before)) std::abort();
        return 0;
    }
    for (std::size_t i = 0; i < log.size(); ++i) {
        if (i > 0 && log.time(i) < log.time(i - 1)) std::abort();
        if (!net.contains(log.source(i)) || !net.contains(log.target(i))) std::abort();
        if (log.source(i) == log.target(i)) std::abort();
        if (static_cast<std::size_t>(log.relation(i)) >= net.relations().size()) std::abort();
        if (!std::isfinite(log.value(i))) std::abort();
        if (copnet::parse_time(copnet::format_time(log.time(i), log.kind())).time != log.time(i))
            std::abort();
    }
    // The analyses run on whatever was read.
    try {
        (void)copnet::health(net, log, {.every = log.kind() == copnet::TimeKind::number
                                                     ? copnet::Span{copnet::Span::Unit::number, 1'000'000'000'000}
                                                     : copnet::Span{copnet::Span::Unit::months, 1}});
    } catch (const copnet::invalid_value&) {
        // too many windows, or a window past the range of times: refused, not a crash
    }
    return 0;
}
