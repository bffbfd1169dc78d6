#include "copnet/events.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <new>
#include <numeric>
#include <optional>
#include <string>
#include <system_error>
#include <unordered_map>
#include <utility>
#include <vector>

#include <gsl/gsl>

#if defined(__linux__)
#include <sys/mman.h>
#endif

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "copnet/error.hpp"
#include "copnet/io/file.hpp"
#include "copnet/relation.hpp"
#include "detail/csv_reader.hpp"
#include "detail/id_table.hpp"
#include "detail/text.hpp"

namespace copnet {

namespace detail {

// Builds logs from packed events without the checks of the public constructor (the reader has
// made them already).
struct EventLogAccess {
    using Packed = EventLog::Packed;
    static EventLog make(std::vector<Packed> events, std::vector<double> values, TimeKind kind) {
        EventLog log(kind);
        log.events_ = std::move(events);
        log.values_ = std::move(values);
        log.sort_by_time();
        return log;
    }
    static Packed pack(Time t, StakeholderId s, StakeholderId d, TieKind k) noexcept {
        return {t * 256 + static_cast<std::int64_t>(k), s.index(), d.index()};
    }
};

} // namespace detail

namespace {

constexpr std::int64_t ms_per_day = 86'400'000;
constexpr std::int64_t max_span = 1'000'000;
constexpr std::size_t max_windows = 1'000'000;

std::string dq(std::string_view s) { return "\"" + std::string(s) + "\""; }

constexpr std::int64_t floor_div(std::int64_t a, std::int64_t b) noexcept {
    const std::int64_t q = a / b;
    return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q;
}

// Days since 1970-01-01 of the proleptic Gregorian date y-m-d (Howard Hinnant, "chrono-Compatible
// Low-Level Date Algorithms", days_from_civil).
constexpr std::int64_t days_from_civil(std::int64_t y, std::int64_t m, std::int64_t d) noexcept {
    y -= m <= 2 ? 1 : 0;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const std::int64_t yoe = y - era * 400;                                 // [0, 399]
    const std::int64_t doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;  // [0, 365]
    const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;         // [0, 146096]
    return era * 146097 + doe - 719468;
}

struct Civil {
    std::int64_t year, month, day;
};

// The inverse (Hinnant's civil_from_days).
constexpr Civil civil_from_days(std::int64_t z) noexcept {
    z += 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const std::int64_t doe = z - era * 146097;
    const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const std::int64_t mp = (5 * doy + 2) / 153;
    const std::int64_t d = doy - (153 * mp + 2) / 5 + 1;
    const std::int64_t m = mp < 10 ? mp + 3 : mp - 9;
    return {yoe + era * 400 + (m <= 2 ? 1 : 0), m, d};
}

static_assert(days_from_civil(1970, 1, 1) == 0);
static_assert(days_from_civil(2000, 3, 1) == 11017);
static_assert(civil_from_days(19782).year == 2024 && civil_from_days(19782).month == 2 &&
              civil_from_days(19782).day == 29);

constexpr bool leap(std::int64_t y) noexcept { return y % 4 == 0 && (y % 100 != 0 || y % 400 == 0); }

constexpr std::int64_t days_in_month(std::int64_t y, std::int64_t m) noexcept {
    constexpr std::array<std::int64_t, 12> days{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && leap(y) ? 29 : days[static_cast<std::size_t>(m - 1)];
}

constexpr bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }

// Reads `n` digits at `text[at]`; nullopt if they are not all digits.
std::optional<std::int64_t> digits(std::string_view text, std::size_t at, std::size_t n) noexcept {
    if (at + n > text.size()) return std::nullopt;
    std::int64_t v = 0;
    for (std::size_t i = at; i < at + n; ++i) {
        if (!is_digit(text[i])) return std::nullopt;
        v = v * 10 + (text[i] - '0');
    }
    return v;
}

[[noreturn]] void bad_time(std::string_view text, const std::string& why) {
    throw invalid_value("time " + dq(text) + " " + why);
}

constexpr std::string_view expected_forms =
    "is not a time (expected an ISO 8601 date YYYY-MM-DD, a date-time YYYY-MM-DDTHH:MM:SS with an "
    "optional zone Z or +HH:MM, or a whole number)";

bool looks_iso(std::string_view t) noexcept {
    return t.size() >= 10 && is_digit(t[0]) && is_digit(t[1]) && is_digit(t[2]) &&
           is_digit(t[3]) && t[4] == '-';
}

ParsedTime parse_iso(std::string_view t) {
    const auto y = digits(t, 0, 4);
    const auto m = digits(t, 5, 2);
    const auto d = digits(t, 8, 2);
    if (!y || !m || !d || t[7] != '-') bad_time(t, std::string(expected_forms));
    if (*m < 1 || *m > 12) bad_time(t, "has month " + std::to_string(*m) + " (expected 01 to 12)");
    if (*d < 1 || *d > days_in_month(*y, *m))
        bad_time(t, "has day " + std::to_string(*d) + ", but month " + std::to_string(*m) +
                        " of " + std::to_string(*y) + " has " +
                        std::to_string(days_in_month(*y, *m)) + " days");
    const Time midnight = days_from_civil(*y, *m, *d) * ms_per_day;
    if (t.size() == 10) return {midnight, TimeKind::date};
    if (t[10] != 'T' && t[10] != 't' && t[10] != ' ') bad_time(t, std::string(expected_forms));
    const auto hh = digits(t, 11, 2);
    const auto mm = digits(t, 14, 2);
    if (!hh || !mm || t.size() < 16 || t[13] != ':')
        bad_time(t, "has no time of day HH:MM after the date");
    if (*hh > 23) bad_time(t, "has hour " + std::to_string(*hh) + " (expected 00 to 23)");
    if (*mm > 59) bad_time(t, "has minute " + std::to_string(*mm) + " (expected 00 to 59)");
    std::size_t at = 16;
    std::int64_t ss = 0;
    std::int64_t millis = 0;
    if (at < t.size() && t[at] == ':') {
        const auto s = digits(t, at + 1, 2);
        if (!s) bad_time(t, "has no two-digit seconds after HH:MM:");
        if (*s > 59) bad_time(t, "has second " + std::to_string(*s) + " (expected 00 to 59)");
        ss = *s;
        at += 3;
        if (at < t.size() && (t[at] == '.' || t[at] == ',')) {
            ++at;
            std::size_t n = 0;
            while (at < t.size() && is_digit(t[at])) {
                if (n < 3) millis = millis * 10 + (t[at] - '0');
                ++n;
                ++at;
            }
            if (n == 0) bad_time(t, "has no digits after the decimal mark of its seconds");
            for (std::size_t k = n; k < 3; ++k) millis *= 10;
        }
    }
    std::int64_t offset_minutes = 0;
    if (at < t.size()) {
        const char z = t[at];
        if ((z == 'Z' || z == 'z') && at + 1 == t.size()) {
            at = t.size();
        } else if (z == '+' || z == '-') {
            const auto oh = digits(t, at + 1, 2);
            std::optional<std::int64_t> om = 0;
            std::size_t end = at + 3;
            if (end < t.size()) {
                om = t[end] == ':' ? digits(t, end + 1, 2) : digits(t, end, 2);
                end += t[end] == ':' ? 3 : 2;
            }
            if (!oh || !om || end != t.size())
                bad_time(t, "has a zone offset that is not +HH:MM, +HHMM or +HH");
            if (*oh > 23 || *om > 59) bad_time(t, "has a zone offset out of range (up to ±23:59)");
            offset_minutes = (z == '-' ? -1 : 1) * (*oh * 60 + *om);
            at = t.size();
        } else {
            bad_time(t, "has text after its time of day that is no zone (expected Z, +HH:MM or "
                        "-HH:MM)");
        }
    }
    const Time local = midnight + ((*hh * 60 + *mm) * 60 + ss) * 1000 + millis;
    const Time utc = local - offset_minutes * 60'000;
    // In UTC too within the years 0000–9999, so that every time prints back as ISO 8601.
    if (utc < days_from_civil(0, 1, 1) * ms_per_day || utc >= days_from_civil(10000, 1, 1) * ms_per_day)
        bad_time(t, "falls outside the years 0000 to 9999 in UTC");
    return {utc, TimeKind::date_time};
}

ParsedTime parse_number(std::string_view t) {
    const char* first = t.data();
    const char* last = t.data() + t.size();
    if (*first == '+') ++first;
    Time v = 0;
    const auto [ptr, ec] = std::from_chars(first, last, v);
    if (ec == std::errc() && ptr == last) {
        if (v < min_time || v > max_time)
            bad_time(t, "is out of range (plain-number times lie within ±2^55)");
        return {v, TimeKind::number};
    }
    double x = 0.0;
    const auto [p2, e2] = std::from_chars(first, last, x);
    if (e2 == std::errc() && p2 == last && std::isfinite(x))
        bad_time(t, "is not a whole number (plain-number times are whole numbers of their unit)");
    if (ec == std::errc::result_out_of_range)
        bad_time(t, "is out of range (plain-number times lie within ±2^55)");
    bad_time(t, std::string(expected_forms));
}

// The common shapes of a time, read without the general parser: a plain whole number of up to
// 16 digits with an optional '-' (within ±2^55 by its length), `YYYY-MM-DD`,
// `YYYY-MM-DDTHH:MM:SS` and `YYYY-MM-DDTHH:MM:SSZ` (no zone offset: within the years
// 0000–9999 in UTC by their form). nullopt for any other text, or one out of range (the general
// parser then reads it, or names what is wrong); otherwise exactly `parse_time`'s answer.
// `last` remembers the last valid date read, whose checks and day count are then skipped.
// The last date `fast_time` read and its midnight: rows of a log come in bursts of one day.
struct LastDate {
    std::array<char, 10> text{};  // all zero: matches no date
    Time midnight = 0;
};

std::optional<ParsedTime> fast_time(std::string_view t, LastDate& last) noexcept {
    const std::size_t n = t.size();
    if (n == 0) return std::nullopt;
    const auto d2 = [&](std::size_t at) -> int {
        const unsigned a = static_cast<unsigned char>(t[at]) - '0';
        const unsigned b = static_cast<unsigned char>(t[at + 1]) - '0';
        return a <= 9 && b <= 9 ? static_cast<int>(a * 10 + b) : -1;
    };
    if (n >= 10 && t[4] == '-') {
        if (t[7] != '-' || (n != 10 && n != 19 && n != 20)) return std::nullopt;
        Time midnight = last.midnight;
        if (std::memcmp(t.data(), last.text.data(), last.text.size()) != 0) {
            const int y1 = d2(0), y2 = d2(2), m = d2(5), d = d2(8);
            if (y1 < 0 || y2 < 0 || m < 1 || m > 12 || d < 1) return std::nullopt;
            const std::int64_t y = y1 * 100 + y2;
            if (d > days_in_month(y, m)) return std::nullopt;
            midnight = days_from_civil(y, m, d) * ms_per_day;
            std::memcpy(last.text.data(), t.data(), last.text.size());
            last.midnight = midnight;
        }
        if (n == 10) return ParsedTime{midnight, TimeKind::date};
        if (t[10] != 'T' || t[13] != ':' || t[16] != ':' || (n == 20 && t[19] != 'Z'))
            return std::nullopt;
        const int hh = d2(11), mm = d2(14), ss = d2(17);
        if (hh < 0 || hh > 23 || mm < 0 || mm > 59 || ss < 0 || ss > 59) return std::nullopt;
        return ParsedTime{midnight + ((hh * 60 + mm) * 60 + ss) * std::int64_t{1000},
                          TimeKind::date_time};
    }
    std::size_t i = t[0] == '-' ? 1 : 0;
    if (n == i || n - i > 16) return std::nullopt;
    std::int64_t v = 0;
    for (; i < n; ++i) {
        const unsigned c = static_cast<unsigned char>(t[i]) - '0';
        if (c > 9) return std::nullopt;
        v = v * 10 + c;
    }
    return ParsedTime{t[0] == '-' ? -v : v, TimeKind::number};
}

void append_2(std::string& out, std::int64_t v) {
    out += static_cast<char>('0' + v / 10);
    out += static_cast<char>('0' + v % 10);
}

constexpr std::array<std::string_view, 3> time_kind_names{"date", "date_time", "number"};

} // namespace

std::string_view to_string(TimeKind kind) noexcept {
    return time_kind_names[static_cast<std::size_t>(kind)];
}

ParsedTime parse_time(std::string_view text) {
    const std::string_view t = detail::trim(text);
    if (t.empty()) throw invalid_value("the time is empty");
    return looks_iso(t) ? parse_iso(t) : parse_number(t);
}

std::string format_time(Time time, TimeKind kind) {
    if (kind == TimeKind::number) return std::to_string(time);
    const std::int64_t day = floor_div(time, ms_per_day);
    const std::int64_t in_day = time - day * ms_per_day;
    const Civil c = civil_from_days(day);
    std::string out;
    if (c.year < 0 || c.year > 9999) {
        out = std::to_string(c.year);  // not ISO's four digits, but never wrong
    } else {
        append_2(out, c.year / 100);
        append_2(out, c.year % 100);
    }
    out += '-';
    append_2(out, c.month);
    out += '-';
    append_2(out, c.day);
    if (kind == TimeKind::date && in_day == 0) return out;
    const std::int64_t seconds = in_day / 1000;
    out += 'T';
    append_2(out, seconds / 3600);
    out += ':';
    append_2(out, seconds / 60 % 60);
    out += ':';
    append_2(out, seconds % 60);
    if (const std::int64_t ms = in_day % 1000; ms != 0) {
        out += '.';
        out += static_cast<char>('0' + ms / 100);
        append_2(out, ms % 100);
    }
    out += 'Z';
    return out;
}

// ---- EventLog -------------------------------------------------------------------------------

EventLog::EventLog(std::span<const Event> events, TimeKind kind) : kind_(kind) {
    events_.reserve(events.size());
    bool unit = true;
    for (const Event& e : events) {
        if (!e.source.valid() || !e.target.valid())
            throw invalid_value("an event has an invalid stakeholder handle");
        if (e.source == e.target)
            throw invalid_value("an event from slot " + std::to_string(e.source.index()) +
                                " to itself: self-events are not allowed");
        if (e.time < min_time || e.time > max_time)
            throw invalid_value("event time " + std::to_string(e.time) +
                                " is outside the range of a log (±2^55)");
        if (!std::isfinite(e.value))
            throw invalid_value("an event value is not a finite number");
        unit = unit && e.value == 1.0;
        events_.push_back(detail::EventLogAccess::pack(e.time, e.source, e.target, e.relation));
    }
    if (!unit) {
        values_.reserve(events.size());
        for (const Event& e : events) values_.push_back(e.value);
    }
    sort_by_time();
}

// Stable LSD radix sort by time: the times less the smallest, in bytes, one counting pass for
// every byte at once, then a scatter per byte that is not the same for every event (ms times
// over a few years: 5 of them; 256 destinations a scatter keep within the TLB, where 4096
// made a scatter slower than two of these). O(n) for n events, where a comparison
// sort of 10M events took over a second.
void EventLog::sort_by_time() {
    const auto time_of = [](const Packed& p) { return p.stamp >> 8; };
    const auto earlier = [&](const Packed& a, const Packed& b) { return time_of(a) < time_of(b); };
    if (std::is_sorted(events_.begin(), events_.end(), earlier)) return;
    const std::size_t n = events_.size();
    const bool valued = !values_.empty();
    constexpr unsigned digit_bits = 8;
    constexpr std::size_t buckets = std::size_t{1} << digit_bits;
    Time least = time_of(events_[0]);
    Time most = least;
    for (const Packed& p : events_) {
        least = std::min(least, time_of(p));
        most = std::max(most, time_of(p));
    }
    const auto key = [&](const Packed& p) {
        return static_cast<std::uint64_t>(time_of(p) - least);  // < 2^56: times within ±2^55
    };
    const auto width = static_cast<unsigned>(std::bit_width(static_cast<std::uint64_t>(most - least)));
    const unsigned digits = (width + digit_bits - 1) / digit_bits;
    std::vector<std::array<std::size_t, buckets>> counts(digits);
    for (auto& c : counts) c.fill(0);
    for (const Packed& p : events_) {
        const std::uint64_t k = key(p);
        for (unsigned d = 0; d < digits; ++d) ++counts[d][(k >> (d * digit_bits)) & (buckets - 1)];
    }
    std::vector<Packed> events(n);
    std::vector<double> values(valued ? n : 0);
    for (unsigned d = 0; d < digits; ++d) {
        std::array<std::size_t, buckets>& at = counts[d];
        if (std::find(at.begin(), at.end(), n) != at.end()) continue;  // one digit for all
        std::size_t sum = 0;
        for (std::size_t& c : at) sum += std::exchange(c, sum);
        const unsigned shift = d * digit_bits;
        if (valued) {
            for (std::size_t i = 0; i < n; ++i) {
                const std::size_t to = at[(key(events_[i]) >> shift) & (buckets - 1)]++;
                events[to] = events_[i];
                values[to] = values_[i];
            }
            values_.swap(values);
        } else {
            for (const Packed& p : events_) events[at[(key(p) >> shift) & (buckets - 1)]++] = p;
        }
        events_.swap(events);
    }
}

Time EventLog::first_time() const {
    if (empty()) throw invalid_value("the event log is empty");
    return time(0);
}

Time EventLog::last_time() const {
    if (empty()) throw invalid_value("the event log is empty");
    return time(size() - 1);
}

std::size_t EventLog::lower_bound(Time t) const noexcept {
    const auto it = std::partition_point(events_.begin(), events_.end(),
                                         [t](const Packed& p) { return (p.stamp >> 8) < t; });
    return static_cast<std::size_t>(it - events_.begin());
}

std::size_t EventLog::memory_bytes() const noexcept {
    return events_.capacity() * sizeof(Packed) + values_.capacity() * sizeof(double);
}

Relation interaction_relation() {
    return {.name = "interaction",
            .role = Role::communication,
            .direction = RelationDirection::directed,
            .polarity = Polarity::positive,
            .scale = Scale::count};
}

// ---- events.csv -----------------------------------------------------------------------------

namespace {

constexpr std::array<std::string_view, 5> event_columns{"time", "source", "target", "relation",
                                                        "value"};

struct EventHeader {
    std::array<std::optional<std::size_t>, event_columns.size()> at{};
    std::vector<std::string> names;  // as written (trimmed)
    [[nodiscard]] const std::string& name(std::size_t c) const { return names[*at[c]]; }
};

EventHeader parse_event_header(const std::vector<std::string_view>& fields, const std::string& file) {
    EventHeader h;
    for (std::size_t i = 0; i < fields.size(); ++i) {
        const std::string_view name = detail::trim(fields[i]);
        std::size_t c = 0;
        while (c < event_columns.size() && !detail::iequals(name, event_columns[c])) ++c;
        if (c == event_columns.size())
            throw parse_error(file, 1, std::string(name),
                              "column " + dq(name) +
                                  " is not an events column (expected time, source, target, "
                                  "relation, value)");
        if (h.at[c]) throw parse_error(file, 1, std::string(name), "column " + dq(name) + " appears twice");
        h.at[c] = i;
        h.names.emplace_back(name);
    }
    for (std::size_t c = 0; c < 3; ++c)
        if (!h.at[c])
            throw parse_error(file, 1, std::string(event_columns[c]),
                              "the header has no " + std::string(event_columns[c]) + " column");
    return h;
}

// The relations an events file names: the network's, then the names it lacks, numbered after
// them in the order first met (declared only when the whole file has parsed).
class EventRelations {
public:
    explicit EventRelations(const Network& net) : net_(net), declared_(net.relations().size()) {}

    // The kind of a relation cell (empty: interaction). Throws invalid_value for one too many.
    TieKind kind(std::string_view cell) {
        const std::string_view name = detail::trim(cell);
        if (name.empty()) {
            if (!interaction_) interaction_ = intern("interaction");
            return *interaction_;
        }
        if (const auto it = exact_.find(name); it != exact_.end()) return it->second;
        const TieKind k = intern(name);
        exact_.emplace(name, k);
        return k;
    }
    [[nodiscard]] Scale scale(TieKind k) const {
        const auto i = static_cast<std::size_t>(k);
        return i < declared_ ? net_.relations()[i].scale : Scale::count;
    }
    [[nodiscard]] const std::vector<Relation>& added() const noexcept { return added_; }

private:
    TieKind intern(std::string_view name) {
        if (const auto known = net_.find_relation(name)) return *known;
        std::string key = category_key(name);
        if (const auto it = new_keys_.find(key); it != new_keys_.end()) return it->second;
        if (declared_ + added_.size() >= max_relations)
            throw invalid_value("relation " + dq(name) + " is one too many: a network holds at most " +
                                std::to_string(max_relations) + " relations");
        const auto k = static_cast<TieKind>(declared_ + added_.size());
        Relation r = key == "interaction" ? interaction_relation()
                                          : Relation{.name = std::string(name), .scale = Scale::count};
        r.name = std::string(name);
        added_.push_back(std::move(r));
        new_keys_.emplace(std::move(key), k);
        return k;
    }

    const Network& net_;
    std::size_t declared_;
    std::optional<TieKind> interaction_;
    std::vector<Relation> added_;
    std::unordered_map<std::string, TieKind> new_keys_;
    std::unordered_map<std::string_view, TieKind> exact_;  // views into the file's buffer
};

double parse_event_value(std::string_view raw, Scale scale, std::string_view relation,
                         const std::string& file, std::size_t line, const std::string& field) {
    const std::string_view text = detail::trim(raw);
    if (text.empty()) return 1.0;
    double v = 0.0;
    const char* first = text.data();
    if (*first == '+') ++first;
    const auto [ptr, ec] = std::from_chars(first, text.data() + text.size(), v);
    if (ec != std::errc() || ptr != text.data() + text.size() || !std::isfinite(v))
        throw parse_error(file, line, field, "value " + dq(raw) + " is not a finite number");
    if (v < 0 && scale != Scale::real)
        throw parse_error(file, line, field,
                          "value " + std::string(text) + " is negative, but relation " +
                              dq(relation.empty() ? "interaction" : relation) + " has scale " +
                              std::string(to_string(scale)) +
                              " (declare it with scale real for signed values)");
    return v;
}

// The first of ',', a line end or '"' in [p, end), or end.
const char* find_special(const char* p, const char* end) noexcept {
#if defined(__SSE2__)
    const __m128i comma = _mm_set1_epi8(',');
    const __m128i lf = _mm_set1_epi8('\n');
    const __m128i cr = _mm_set1_epi8('\r');
    const __m128i quote = _mm_set1_epi8('"');
    while (end - p >= 16) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
        const __m128i hit = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, comma), _mm_cmpeq_epi8(v, lf)),
                                         _mm_or_si128(_mm_cmpeq_epi8(v, cr), _mm_cmpeq_epi8(v, quote)));
        if (const auto mask = static_cast<unsigned>(_mm_movemask_epi8(hit)); mask != 0)
            return p + std::countr_zero(mask);
        p += 16;
    }
#endif
    while (p < end && *p != ',' && *p != '\n' && *p != '\r' && *p != '"') ++p;
    return p;
}

// The records of an events file, split over the caller's buffer without a copy: fields are
// views between commas, lines end at LF, CRLF or CR, blank lines are skipped — as
// `RecordReader` reads them. From the first record holding a '"' on, the rest is read by
// `RecordReader` itself (quoted fields, and its errors for a quote out of place) over a copy of
// the rest, which unescapes quoted fields in place; the views stay valid while this lives.
class EventRecords {
public:
    EventRecords(std::string_view text, const std::string& file) noexcept
        : p_(text.data()), end_(text.data() + text.size()), file_(file) {
        if (text.starts_with("\xEF\xBB\xBF")) p_ += 3;
    }
    EventRecords(const EventRecords&) = delete;
    EventRecords& operator=(const EventRecords&) = delete;

    /// The next record into `fields`; false at the end. Throws parse_error as `RecordReader`.
    bool next(std::vector<std::string_view>& fields) {
        if (slow_) return slow_->next(fields);
        while (p_ < end_ && (*p_ == '\n' || *p_ == '\r')) {
            if (*p_ == '\r' && p_ + 1 < end_ && p_[1] == '\n') ++p_;
            ++p_;
            ++line_;
        }
        if (p_ >= end_) return false;
        fields.clear();
        const char* q = p_;
        for (;;) {
            const char* s = find_special(q, end_);
            if (s < end_ && *s == '"') {
                rest_.assign(p_, end_);
                slow_.emplace(rest_.data(), rest_.data() + rest_.size(), file_, line_);
                return slow_->next(fields);
            }
            fields.emplace_back(q, static_cast<std::size_t>(s - q));
            record_line_ = line_;
            if (s >= end_) {
                p_ = end_;
                return true;
            }
            if (*s == ',') {
                q = s + 1;
                continue;
            }
            if (*s == '\r' && s + 1 < end_ && s[1] == '\n') ++s;
            p_ = s + 1;
            ++line_;
            return true;
        }
    }
    /// The 1-based line on which the last record read starts.
    [[nodiscard]] std::size_t line() const noexcept { return slow_ ? slow_->line() : record_line_; }

private:
    const char* p_;
    const char* end_;
    const std::string& file_;
    std::size_t line_ = 1;
    std::size_t record_line_ = 0;
    std::string rest_;
    std::optional<detail::RecordReader> slow_;
};

// The network's ids for a large load: open addressing over 2^k slots of 16 bytes (at most
// half of them used) — the first eight bytes of the id, 24 bits of its hash with its length,
// and its position + 1 (0: empty) — so that finding an id of up to eight bytes reads one slot
// and a longer one its text once more. The slots lie on huge pages where the system grants
// them (madvise), so that the probes of a 1M-id table miss the TLB less.
class KnownIds {
public:
    static constexpr std::uint32_t npos = detail::IdTable::npos;

    /// The table of `ids` (views that must outlive it), positions in the order given.
    explicit KnownIds(std::vector<std::string_view> ids) : keys_(std::move(ids)) {
        constexpr std::size_t ahead = 16;
        std::vector<std::uint64_t> hashes(ahead);  // before the slots: nothing leaks if it throws
        const std::size_t capacity = std::bit_ceil(std::max<std::size_t>(keys_.size() * 2, 16));
        mask_ = capacity - 1;
        bytes_ = capacity * sizeof(Slot);
        constexpr std::size_t huge = std::size_t{1} << 21;
        if (bytes_ >= huge) bytes_ = (bytes_ + huge - 1) / huge * huge;
        void* memory = std::aligned_alloc(bytes_ >= huge ? huge : alignof(Slot), bytes_);
        if (memory == nullptr) throw std::bad_alloc();
#if defined(__linux__) && defined(MADV_HUGEPAGE)
        if (bytes_ >= huge) (void)madvise(memory, bytes_, MADV_HUGEPAGE);
#endif
        std::memset(memory, 0, bytes_);
        slots_ = static_cast<Slot*>(memory);
        // The slot of the id `ahead` places on is prefetched while this one goes in.
        const std::size_t n = keys_.size();
        for (std::size_t k = 0; k < ahead && k < n; ++k) {
            hashes[k] = detail::IdTable::hash(keys_[k]);
            prefetch(hashes[k]);
        }
        for (std::size_t i = 0; i < n; ++i) {
            const std::uint64_t h = hashes[i % ahead];
            if (i + ahead < n) {
                hashes[i % ahead] = detail::IdTable::hash(keys_[i + ahead]);
                prefetch(hashes[i % ahead]);
            }
            const std::string_view id = keys_[i];
            std::size_t at = h & mask_;
            while (slots_[at].value != 0) at = (at + 1) & mask_;
            slots_[at] = Slot{prefix_of(id), tag_of(id, h), static_cast<std::uint32_t>(i + 1)};
        }
    }
    KnownIds(const KnownIds&) = delete;
    KnownIds& operator=(const KnownIds&) = delete;
    ~KnownIds() { std::free(slots_); }

    void prefetch(std::uint64_t h) const noexcept { __builtin_prefetch(&slots_[h & mask_]); }

    /// The position of `id`, whose hash (`IdTable::hash`) is `h`, or npos.
    [[nodiscard]] std::uint32_t find(std::string_view id, std::uint64_t h) const noexcept {
        const std::uint64_t prefix = prefix_of(id);
        const std::uint32_t tag = tag_of(id, h);
        for (std::size_t at = h & mask_;; at = (at + 1) & mask_) {
            const Slot& s = slots_[at];
            if (s.value == 0) return npos;
            if (s.tag == tag && s.prefix == prefix &&
                (id.size() <= 8 || keys_[s.value - 1] == id))
                return s.value - 1;
        }
    }

private:
    struct Slot {
        std::uint64_t prefix;
        std::uint32_t tag;
        std::uint32_t value;
    };
    static_assert(sizeof(Slot) == 16);
    static std::uint64_t prefix_of(std::string_view id) noexcept {
        std::uint64_t p = 0;
        std::memcpy(&p, id.data(), id.size() < 8 ? id.size() : 8);
        return p;
    }
    // Ids of up to eight bytes are told apart by length and prefix alone.
    static std::uint32_t tag_of(std::string_view id, std::uint64_t h) noexcept {
        return static_cast<std::uint32_t>(h >> 40) << 8 |
               static_cast<std::uint32_t>(std::min<std::size_t>(id.size(), 255));
    }

    std::vector<std::string_view> keys_;
    Slot* slots_ = nullptr;
    std::size_t mask_ = 0;
    std::size_t bytes_ = 0;
};

// A value cell as `parse_event_value` reads it, with "1" and empty (the common cells) first.
double event_value(std::string_view raw, Scale scale, std::string_view relation,
                   const std::string& file, std::size_t line, const std::string& field) {
    if (raw.empty() || (raw.size() == 1 && raw[0] == '1')) return 1.0;
    return parse_event_value(raw, scale, relation, file, line, field);
}

// The first time of the file, to name in a mixed-kinds error.
struct FirstTime {
    std::string text;
    std::size_t line = 0;
    bool iso = false;
};

EventLog load_events(Network& net, std::string_view buffer, std::string_view file_name,
                     const EventOptions& options, EventReport* report) {
    const std::string file(file_name);
    detail::validate_utf8(buffer, file);
    EventRecords reader(buffer, file);
    std::vector<std::string_view> fields;
    if (!reader.next(fields))
        throw parse_error(file, 0, "", "the file is empty (expected the header "
                                       "time,source,target,relation,value)");
    const EventHeader header = parse_event_header(fields, file);
    const std::size_t columns = fields.size();
    const std::size_t time_col = *header.at[0], source_col = *header.at[1],
                      target_col = *header.at[2];
    const std::optional<std::size_t> relation_col = header.at[3], value_col = header.at[4];

    using Packed = detail::EventLogAccess::Packed;
    std::vector<Packed> events;
    std::vector<double> values;  // filled once a value other than 1 is met
    bool valued = false;
    events.reserve(detail::count_records(buffer));
    EventRelations relations(net);
    const auto base = gsl::narrow<std::uint32_t>(net.slot_count());
    detail::IdTable created;  // ids created for create_missing_stakeholders, by position
    std::vector<std::string_view> created_ids;
    std::optional<FirstTime> first;
    bool any_date_time = false;

    // The network's ids in a table of their own: a probe for a short id touches one cache line
    // (the network's index reads each candidate's string), and rows wait in a small ring while
    // the slots of their ids are prefetched. Worth it when the file is large for the network.
    const bool use_table = events.capacity() >= 1024 && events.capacity() * 4 >= net.stakeholder_count();
    // Positions in the table are slots unless the network has removed slots (then mapped).
    std::optional<KnownIds> known;
    std::vector<std::uint32_t> known_slot;
    if (use_table) {
        const bool dense = net.stakeholder_count() == net.slot_count();
        std::vector<std::string_view> ids;
        ids.reserve(net.stakeholder_count());
        if (!dense) known_slot.reserve(net.stakeholder_count());
        for (const StakeholderId who : net.stakeholders()) {
            ids.emplace_back(net.stakeholder(who).id);
            if (!dense) known_slot.push_back(who.index());
        }
        known.emplace(std::move(ids));
    }
    const auto endpoint = [&](std::string_view id, std::uint64_t h, std::size_t line, std::size_t col) {
        const std::string& column = header.names[col];
        if (id.empty()) throw parse_error(file, line, column, column + " is empty");
        if (use_table) {
            if (const std::uint32_t pos = known->find(id, h); pos != KnownIds::npos)
                return StakeholderId(known_slot.empty() ? pos : known_slot[pos]);
        } else if (const auto who = net.find(id)) {
            return *who;
        }
        if (const std::uint32_t pos = created.find(id, h); pos != detail::IdTable::npos)
            return StakeholderId(base + pos);
        if (!options.create_missing_stakeholders)
            throw parse_error(file, line, column,
                              column + " " + dq(id) + " is not a stakeholder of the network");
        const auto pos = created.insert(id).first;
        created_ids.push_back(id);
        return StakeholderId(base + pos);
    };

    // A row parsed but for its ids.
    struct Pending {
        std::string_view source, target;
        std::uint64_t source_hash, target_hash;
        std::size_t line;
        Time time;
        TieKind kind;
        double value;
    };
    const auto settle = [&](const Pending& p) {
        const StakeholderId s = endpoint(p.source, p.source_hash, p.line, source_col);
        const StakeholderId d = endpoint(p.target, p.target_hash, p.line, target_col);
        if (s == d)
            throw parse_error(file, p.line, header.names[target_col],
                              "source and target are both " + dq(p.source) +
                                  ": self-events are not allowed");
        if (p.value != 1.0 && !valued) {
            values.reserve(events.capacity());
            values.assign(events.size(), 1.0);
            valued = true;
        }
        if (valued) values.push_back(p.value);
        events.push_back(detail::EventLogAccess::pack(p.time, s, d, p.kind));
    };
    constexpr std::size_t ring_size = 64;
    std::array<Pending, ring_size> ring{};
    std::size_t head = 0;  // rows pushed
    std::size_t tail = 0;  // rows settled
    const auto drain = [&] {
        while (tail < head) settle(ring[tail++ % ring_size]);
    };

    // The relation cells met last, as written, and their kinds (most files name a few).
    struct Recent {
        std::string_view cell;
        TieKind kind{};
    };
    std::array<Recent, 8> recent{};
    std::size_t recent_count = 0;
    std::size_t recent_slot = 0;
    LastDate last_date;
    try {
        while (reader.next(fields)) {
            const std::size_t line = reader.line();
            if (fields.size() != columns)
                throw parse_error(file, line, "",
                                  "the row has " + std::to_string(fields.size()) + " field" +
                                      (fields.size() == 1 ? "" : "s") + ", the header has " +
                                      std::to_string(columns));
            ParsedTime t;
            if (const auto fast = fast_time(fields[time_col], last_date)) {
                t = *fast;
            } else {
                try {
                    t = parse_time(fields[time_col]);
                } catch (const invalid_value& e) {
                    throw parse_error(file, line, header.names[time_col], e.what());
                }
            }
            const bool iso = t.kind != TimeKind::number;
            if (!first) {
                first = FirstTime{std::string(detail::trim(fields[time_col])), line, iso};
            } else if (first->iso != iso) {
                throw parse_error(file, line, header.names[time_col],
                                  "time " + dq(detail::trim(fields[time_col])) + " is " +
                                      (iso ? "an ISO 8601 time" : "a plain number") + ", but line " +
                                      std::to_string(first->line) + "'s " + dq(first->text) + " is " +
                                      (first->iso ? "an ISO 8601 time" : "a plain number") +
                                      ": one file holds one kind of time");
            }
            any_date_time = any_date_time || t.kind == TimeKind::date_time;
            const std::string_view relation_cell = relation_col ? fields[*relation_col] : std::string_view{};
            TieKind kind{};
            if (const auto hit = std::find_if(recent.begin(), recent.begin() + recent_count,
                                              [&](const Recent& r) { return r.cell == relation_cell; });
                hit != recent.begin() + recent_count) {
                kind = hit->kind;
            } else {
                try {
                    kind = relations.kind(relation_cell);
                } catch (const invalid_value& e) {
                    throw parse_error(file, line, header.names[*relation_col], e.what());
                }
                recent[recent_slot++ % recent.size()] = {relation_cell, kind};
                recent_count = std::min(recent_count + 1, recent.size());
            }
            const double v = value_col ? event_value(fields[*value_col], relations.scale(kind),
                                                           detail::trim(relation_cell), file, line,
                                                           header.names[*value_col])
                                       : 1.0;
            if (head - tail == ring_size) settle(ring[tail++ % ring_size]);
            Pending& p = ring[head++ % ring_size];
            p = Pending{fields[source_col], fields[target_col], detail::IdTable::hash(fields[source_col]),
                        detail::IdTable::hash(fields[target_col]), line, t.time, kind, v};
            if (use_table) {
                known->prefetch(p.source_hash);
                known->prefetch(p.target_hash);
            }
        }
    } catch (const parse_error&) {
        drain();  // an earlier row's error comes first
        throw;
    }
    drain();

    const TimeKind kind = !first || !first->iso ? TimeKind::number
                          : any_date_time        ? TimeKind::date_time
                                                 : TimeKind::date;
    EventLog log = detail::EventLogAccess::make(std::move(events), std::move(values), kind);

    // Everything parsed: declare the new relations and create the missing stakeholders.
    // Declaring a relation either succeeds or changes nothing (only an allocation can fail
    // now), so `net` is copied for a roll-back only when stakeholders are created too.
    if (created_ids.empty()) {
        for (const Relation& r : relations.added()) net.add_relation(r);
    } else {
        Network saved = net;
        try {
            for (const Relation& r : relations.added()) net.add_relation(r);
            net.reserve(net.slot_count() + created_ids.size());
            for (const std::string_view id : created_ids) {
                const StakeholderId who = net.add_stakeholder(Stakeholder{.id = std::string(id)});
                Ensures(who.index() < base + created_ids.size());
            }
        } catch (...) {
            detail::roll_back(net, std::move(saved));
            throw;
        }
    }
    if (report != nullptr) {
        report->events = log.size();
        report->created = created_ids.size();
        report->new_relations.clear();
        for (const Relation& r : relations.added()) report->new_relations.push_back(r.name);
    }
    return log;
}

} // namespace

EventLog read_events(Network& net, const std::filesystem::path& file, const EventOptions& options,
                     EventReport* report) {
    const std::string bytes = read_file_bytes(file);
    return load_events(net, bytes, file.string(), options, report);
}

EventLog parse_events(Network& net, std::string_view text, std::string_view file_name,
                      const EventOptions& options, EventReport* report) {
    return load_events(net, text, file_name, options, report);
}

// ---- attendance.csv -------------------------------------------------------------------------

Relation co_attendance_relation() {
    return {.name = "co_attendance",
            .role = Role::affiliation,
            .direction = RelationDirection::mutual,
            .polarity = Polarity::positive,
            .scale = Scale::count};
}

namespace {

EventLog load_attendance(Network& net, std::string buffer, std::string_view file_name,
                         const EventOptions& options, EventReport* report) {
    const std::string file(file_name);
    detail::validate_utf8(buffer, file);
    detail::RecordReader reader(buffer, file);
    std::vector<std::string_view> fields;
    if (!reader.next(fields))
        throw parse_error(file, 0, "", "the file is empty (expected the header time,meeting,id)");
    constexpr std::array<std::string_view, 3> names{"time", "meeting", "id"};
    std::array<std::optional<std::size_t>, 3> at{};
    std::vector<std::string> header;
    for (std::size_t i = 0; i < fields.size(); ++i) {
        const std::string_view name = detail::trim(fields[i]);
        std::size_t c = 0;
        while (c < names.size() && !detail::iequals(name, names[c])) ++c;
        if (c == names.size())
            throw parse_error(file, 1, std::string(name),
                              "column " + dq(name) + " is not an attendance column (expected time, "
                                                     "meeting, id)");
        if (at[c]) throw parse_error(file, 1, std::string(name), "column " + dq(name) + " appears twice");
        at[c] = i;
        header.emplace_back(name);
    }
    for (std::size_t c = 0; c < names.size(); ++c)
        if (!at[c])
            throw parse_error(file, 1, std::string(names[c]),
                              "the header has no " + std::string(names[c]) + " column");
    const std::size_t columns = fields.size();
    const auto base = gsl::narrow<std::uint32_t>(net.slot_count());
    detail::IdTable created;
    std::vector<std::string_view> created_ids;
    // Meetings by (name, time), in the order first met, with their attendees' slots.
    struct Meeting {
        Time time;
        std::vector<std::uint32_t> attendees;
    };
    std::vector<Meeting> meetings;
    std::unordered_map<std::string, std::size_t> meeting_index;
    std::optional<FirstTime> first;
    bool any_date_time = false;
    while (reader.next(fields)) {
        const std::size_t line = reader.line();
        if (fields.size() != columns)
            throw parse_error(file, line, "",
                              "the row has " + std::to_string(fields.size()) + " field" +
                                  (fields.size() == 1 ? "" : "s") + ", the header has " +
                                  std::to_string(columns));
        const std::string_view time_text = detail::trim(fields[*at[0]]);
        ParsedTime t;
        try {
            t = parse_time(time_text);
        } catch (const invalid_value& e) {
            throw parse_error(file, line, header[*at[0]], e.what());
        }
        const bool iso = t.kind != TimeKind::number;
        if (!first) {
            first = FirstTime{std::string(time_text), line, iso};
        } else if (first->iso != iso) {
            throw parse_error(file, line, header[*at[0]],
                              "time " + dq(time_text) + " is " +
                                  (iso ? "an ISO 8601 time" : "a plain number") + ", but line " +
                                  std::to_string(first->line) + "'s " + dq(first->text) + " is " +
                                  (first->iso ? "an ISO 8601 time" : "a plain number") +
                                  ": one file holds one kind of time");
        }
        any_date_time = any_date_time || t.kind == TimeKind::date_time;
        const std::string_view meeting = detail::trim(fields[*at[1]]);
        if (meeting.empty()) throw parse_error(file, line, header[*at[1]], header[*at[1]] + " is empty");
        const std::string_view id = fields[*at[2]];
        const std::string& id_column = header[*at[2]];
        if (id.empty()) throw parse_error(file, line, id_column, id_column + " is empty");
        std::uint32_t slot = 0;
        if (const auto who = net.find(id)) {
            slot = who->index();
        } else if (const std::uint32_t pos = created.find(id); pos != detail::IdTable::npos) {
            slot = base + pos;
        } else if (options.create_missing_stakeholders) {
            slot = base + created.insert(id).first;
            created_ids.push_back(id);
        } else {
            throw parse_error(file, line, id_column,
                              id_column + " " + dq(id) + " is not a stakeholder of the network");
        }
        std::string key(meeting);
        key += '\0';
        key += std::to_string(t.time);
        const auto [it, fresh] = meeting_index.emplace(std::move(key), meetings.size());
        if (fresh) meetings.push_back({t.time, {}});
        std::vector<std::uint32_t>& who = meetings[it->second].attendees;
        if (std::find(who.begin(), who.end(), slot) == who.end()) who.push_back(slot);
    }
    std::optional<TieKind> kind = net.find_relation("co_attendance");
    const TieKind k = kind ? *kind : static_cast<TieKind>(net.relations().size());
    if (!kind && net.relations().size() >= max_relations)
        throw parse_error(file, 0, "", "relation \"co_attendance\" is one too many: a network holds at most " +
                                           std::to_string(max_relations) + " relations");
    using Packed = detail::EventLogAccess::Packed;
    std::vector<Packed> events;
    for (const Meeting& m : meetings)
        for (std::size_t i = 0; i < m.attendees.size(); ++i)
            for (std::size_t j = i + 1; j < m.attendees.size(); ++j)
                events.push_back(detail::EventLogAccess::pack(m.time, StakeholderId(m.attendees[i]),
                                                              StakeholderId(m.attendees[j]), k));
    const TimeKind time_kind = !first || !first->iso ? TimeKind::number
                               : any_date_time        ? TimeKind::date_time
                                                      : TimeKind::date;
    EventLog log = detail::EventLogAccess::make(std::move(events), {}, time_kind);
    if (created_ids.empty()) {
        if (!kind) net.add_relation(co_attendance_relation());
    } else {
        Network saved = net;
        try {
            if (!kind) net.add_relation(co_attendance_relation());
            for (const std::string_view id : created_ids) net.add_stakeholder(Stakeholder{.id = std::string(id)});
        } catch (...) {
            detail::roll_back(net, std::move(saved));
            throw;
        }
    }
    if (report != nullptr) {
        report->events = log.size();
        report->created = created_ids.size();
        report->new_relations.clear();
        if (!kind) report->new_relations.emplace_back("co_attendance");
    }
    return log;
}

} // namespace

EventLog read_attendance(Network& net, const std::filesystem::path& file,
                         const EventOptions& options, EventReport* report) {
    return load_attendance(net, read_file_bytes(file), file.string(), options, report);
}

EventLog parse_attendance(Network& net, std::string_view text, std::string_view file_name,
                          const EventOptions& options, EventReport* report) {
    return load_attendance(net, std::string(text), file_name, options, report);
}

// ---- windows --------------------------------------------------------------------------------

TimeRange parse_time_range(std::string_view text) {
    const std::size_t dots = text.find("..");
    if (dots == std::string_view::npos)
        throw invalid_value("window " + dq(text) + " is not START..END (e.g. 2024-03-01..2024-04-01)");
    const ParsedTime start = parse_time(text.substr(0, dots));
    const ParsedTime end = parse_time(text.substr(dots + 2));
    if ((start.kind == TimeKind::number) != (end.kind == TimeKind::number))
        throw invalid_value("window " + dq(text) +
                            " mixes an ISO 8601 time and a plain number");
    if (end.time <= start.time)
        throw invalid_value("window " + dq(text) + " ends before it starts (END must be after START)");
    const TimeKind kind = start.kind == TimeKind::date_time || end.kind == TimeKind::date_time
                              ? TimeKind::date_time
                              : start.kind;
    return {start.time, end.time, kind};
}

Span parse_span(std::string_view text) {
    const std::string_view t = detail::trim(text);
    const auto bad = [&](const std::string& why) -> Span {
        throw invalid_value("span " + dq(text) + " " + why);
    };
    if (t.empty()) return bad("is empty (expected 7d, 30d, 1m or a number)");
    Span span;
    std::string_view number = t;
    if (t.back() == 'd' || t.back() == 'D') {
        span.unit = Span::Unit::days;
        number.remove_suffix(1);
    } else if (t.back() == 'm' || t.back() == 'M') {
        span.unit = Span::Unit::months;
        number.remove_suffix(1);
    } else {
        span.unit = Span::Unit::number;
    }
    std::int64_t n = 0;
    const char* first = number.data();
    const char* last = number.data() + number.size();
    if (first != last && *first == '+') ++first;
    const auto [ptr, ec] = std::from_chars(first, last, n);
    if (number.empty() || ec == std::errc::invalid_argument || ptr != last)
        return bad("is not a span (expected a whole number of days 7d, of months 1m, or of a "
                   "plain-number log's unit)");
    if (ec == std::errc::result_out_of_range || (span.unit != Span::Unit::number && n > max_span) ||
        n > max_time)
        return bad("is too long");
    if (n <= 0) return bad("is not positive (windows must have a length)");
    span.count = n;
    return span;
}

Time floor_to_day(Time t) noexcept { return floor_div(t, ms_per_day) * ms_per_day; }

Time floor_to_month(Time t) noexcept {
    const Civil c = civil_from_days(floor_div(t, ms_per_day));
    return days_from_civil(c.year, c.month, 1) * ms_per_day;
}

Time advance(Time t, const Span& span) {
    const auto check = [&](long double x) {
        if (x < static_cast<long double>(min_time) || x > static_cast<long double>(max_time))
            throw invalid_value("time " + std::to_string(t) + " moved on by the span leaves the "
                                "range of times");
    };
    switch (span.unit) {
    case Span::Unit::number:
        check(static_cast<long double>(t) + static_cast<long double>(span.count));
        return t + span.count;
    case Span::Unit::days:
        check(static_cast<long double>(t) + static_cast<long double>(span.count) * ms_per_day);
        return t + span.count * ms_per_day;
    case Span::Unit::months: {
        const std::int64_t day = floor_div(t, ms_per_day);
        const std::int64_t in_day = t - day * ms_per_day;
        const Civil c = civil_from_days(day);
        const std::int64_t months = c.year * 12 + (c.month - 1) + span.count;
        const std::int64_t y = floor_div(months, 12);
        const std::int64_t m = months - y * 12 + 1;
        const std::int64_t d = std::min(c.day, days_in_month(y, m));
        const long double result =
            static_cast<long double>(days_from_civil(y, m, d)) * ms_per_day + in_day;
        check(result);
        return days_from_civil(y, m, d) * ms_per_day + in_day;
    }
    }
    return t;
}

std::vector<TimeRange> windows(const EventLog& log, const Span& span, std::optional<Time> since) {
    const bool numbers = log.kind() == TimeKind::number;
    if (numbers && span.unit != Span::Unit::number)
        throw invalid_value("a span of days or months needs ISO 8601 times; this log's times are "
                            "plain numbers (give the span as a number)");
    if (!numbers && span.unit == Span::Unit::number)
        throw invalid_value("a span that is a plain number needs plain-number times; this log's "
                            "times are ISO 8601 (give the span as 7d, 30d or 1m)");
    if (span.count <= 0) throw invalid_value("a span must be positive");
    std::vector<TimeRange> out;
    if (log.empty()) return out;
    Time start = since ? *since
                 : span.unit == Span::Unit::days   ? floor_to_day(log.first_time())
                 : span.unit == Span::Unit::months ? floor_to_month(log.first_time())
                                                   : log.first_time();
    const Time last = log.last_time();
    while (start <= last) {
        if (out.size() == max_windows)
            throw invalid_value("the span cuts the log into more than " +
                                std::to_string(max_windows) + " windows (choose a longer one)");
        const Time end = advance(start, span);
        out.push_back({start, end, log.kind()});
        start = end;
    }
    return out;
}

Network window(const Network& base, const EventLog& log, Time start, Time end) {
    if (end <= start)
        throw invalid_value("window [" + format_time(start, log.kind()) + ", " +
                            format_time(end, log.kind()) + ") ends before it starts");
    const std::size_t lo = log.lower_bound(start);
    const std::size_t hi = log.lower_bound(end);
    const auto relations = base.relations();
    for (std::size_t i = lo; i < hi; ++i) {
        if (log.source(i).index() >= base.slot_count() || log.target(i).index() >= base.slot_count())
            throw invalid_value("the event log names a stakeholder slot the network lacks");
        if (static_cast<std::size_t>(log.relation(i)) >= relations.size())
            throw invalid_value("the event log names a relation the network lacks");
    }
    Network w;
    for (Relation r : relations) {
        if (r.scale != Scale::real) r.scale = Scale::count;
        w.add_relation(std::move(r));
    }
    for (const std::string& name : base.attribute_names()) w.add_attribute_name(name);
    // Same slots as `base`: a removed slot of `base` is a placeholder added and removed here.
    w.reserve(base.slot_count());
    std::vector<StakeholderId> placeholders;
    for (std::uint32_t slot = 0; slot < base.slot_count(); ++slot) {
        const StakeholderId who(slot);
        if (base.contains(who)) {
            w.add_stakeholder(base.stakeholder(who));
            continue;
        }
        std::string id = "\x1f" + std::to_string(slot);
        while (base.find(id)) id += '\x1f';
        placeholders.push_back(w.add_stakeholder(Stakeholder{.id = std::move(id)}));
    }
    for (const StakeholderId p : placeholders) w.remove_stakeholder(p);
    for (const Community* c : base.communities()) {
        Community& copy = w.add_community(c->name(), c->domain());
        for (const Circle circle : {Circle::core, Circle::inner, Circle::outer})
            for (const StakeholderId who : c->members(circle)) copy.set_circle(who, circle);
    }
    std::vector<Tie> ties;
    ties.reserve(hi - lo);
    for (std::size_t i = lo; i < hi; ++i) {
        const Event e = log[i];
        if (!base.contains(e.source) || !base.contains(e.target))
            throw invalid_value("the event log names a stakeholder the network no longer holds");
        ties.push_back({e.source, e.target, e.relation, e.value});
    }
    w.add_ties(ties, Merge::sum);  // a window's tie is the sum of its events
    return w;
}

} // namespace copnet
