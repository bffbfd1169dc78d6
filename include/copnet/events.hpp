#pragma once
/// \file
/// Interaction over time (docs/concepts.md; the formats in docs/formats.md): an `EventLog` of timed events between
/// stakeholders (messages, meetings, reviews), read from `events.csv`; windows `[start, end)`
/// that turn the events into a `Network` every analysis runs on; spans (`7d`, `1m`, a number)
/// that cut a log into consecutive windows.
///
/// ```cpp
/// copnet::Network net = copnet::read_csv("nodes.csv", "ties.csv");
/// const copnet::EventLog log = copnet::read_events(net, "events.csv");
/// const copnet::TimeRange march = copnet::parse_time_range("2024-03-01..2024-04-01");
/// const copnet::Network in_march = copnet::window(net, log, march.start, march.end);
/// ```

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "copnet/network.hpp"
#include "copnet/stakeholder.hpp"
#include "copnet/tie.hpp"

namespace copnet {

namespace detail {
struct EventLogAccess;
}

/// An instant. For ISO 8601 times: milliseconds since 1970-01-01T00:00:00Z (UTC; leap seconds
/// not counted, as POSIX time); for plain-number times: the number itself, in its own unit.
using Time = std::int64_t;

/// The earliest and one past the latest time an `EventLog` holds: ±2^55 (ISO: about ±1.1
/// million years; the reader accepts years 0000–9999).
inline constexpr Time min_time = -(Time{1} << 55);
inline constexpr Time max_time = (Time{1} << 55) - 1;

/// How a log's times were written, so that output prints them back as given: `date`
/// (`2024-03-05`, every time a date), `date_time` (ISO date-times, possibly with some dates
/// among them, which mean midnight UTC), `number` (plain numbers).
enum class TimeKind : std::uint8_t { date, date_time, number };

/// "date", "date_time", "number". Cost: O(1).
[[nodiscard]] std::string_view to_string(TimeKind kind) noexcept;

/// A time read from text, with the way it was written.
struct ParsedTime {
    Time time = 0;
    TimeKind kind = TimeKind::number;
    friend bool operator==(const ParsedTime&, const ParsedTime&) = default;
};

/// Parses one time: an ISO 8601 date `YYYY-MM-DD` (midnight UTC); a date-time
/// `YYYY-MM-DDTHH:MM[:SS[.fraction]][zone]` (`T` or a space between; zone `Z`, `±HH:MM`,
/// `±HHMM` or `±HH`; none = UTC; fraction kept to the millisecond, further digits dropped); or
/// a plain whole number with an optional sign. Dates are checked (month 1–12, day within the
/// month, leap years by the Gregorian rule: 2024-02-29 is a date, 2023-02-29 is not); hours
/// 0–23, minutes and seconds 0–59, offsets up to ±23:59. Days from the civil date as Howard
/// Hinnant's `days_from_civil`. Cost: O(length).
/// Throws: invalid_value naming the text and what was expected.
[[nodiscard]] ParsedTime parse_time(std::string_view text);

/// `time` as text in the style of `kind`: `2024-03-05` for a date log when `time` is a
/// midnight, else `2024-03-05T14:30:00Z` (with `.250` when there are milliseconds) for ISO
/// kinds; the decimal number for `number`. Cost: O(1).
[[nodiscard]] std::string format_time(Time time, TimeKind kind);

/// One interaction: `source` → `target` at `time`, of the relation `relation` (a `TieKind` of
/// the log's network), worth `value` (1 = one message, one meeting).
struct Event {
    Time time = 0;
    StakeholderId source;
    StakeholderId target;
    TieKind relation = TieKind::collaboration;
    double value = 1.0;
    friend bool operator==(const Event&, const Event&) = default;
};

/// The events of one network, sorted by time once (stably: events at one instant keep the
/// order given), held compactly: 16 bytes per event — the time and the relation packed in one
/// 64-bit word (time · 256 + relation), and the source and target slots — plus 8 bytes per event
/// only when some value is not 1 (the values array is empty otherwise).
///
/// A log refers to its network's stakeholders and relations by slot and `TieKind`, like
/// `Tie`: use it with the network it was read against. Value type; const members thread-safe.
class EventLog {
public:
    /// An empty log of `kind`.
    explicit EventLog(TimeKind kind = TimeKind::number) noexcept : kind_(kind) {}
    /// The log of `events` (any order; sorted here, stably), whose times were written as
    /// `kind`. Cost: O(n) when sorted already, else O(n log n).
    /// Throws: invalid_value for an invalid handle, a self-event (source = target), a time
    /// outside [min_time, max_time] or a value that is not finite.
    EventLog(std::span<const Event> events, TimeKind kind);

    /// Number of events. Cost: O(1).
    [[nodiscard]] std::size_t size() const noexcept { return events_.size(); }
    [[nodiscard]] bool empty() const noexcept { return events_.empty(); }
    /// How the times were written. Cost: O(1).
    [[nodiscard]] TimeKind kind() const noexcept { return kind_; }

    /// The i-th event in time order (i < size(), unchecked). Cost: O(1).
    [[nodiscard]] Event operator[](std::size_t i) const noexcept {
        return {time(i), source(i), target(i), relation(i), value(i)};
    }
    [[nodiscard]] Time time(std::size_t i) const noexcept { return events_[i].stamp >> 8; }
    [[nodiscard]] StakeholderId source(std::size_t i) const noexcept {
        return StakeholderId(events_[i].source);
    }
    [[nodiscard]] StakeholderId target(std::size_t i) const noexcept {
        return StakeholderId(events_[i].target);
    }
    [[nodiscard]] TieKind relation(std::size_t i) const noexcept {
        return static_cast<TieKind>(events_[i].stamp & 0xFF);
    }
    [[nodiscard]] double value(std::size_t i) const noexcept {
        return values_.empty() ? 1.0 : values_[i];
    }
    /// True when every value is 1 (and no values array is kept). Cost: O(1).
    [[nodiscard]] bool unit_values() const noexcept { return values_.empty(); }

    /// The first event's time and the last one's. Throws: invalid_value for an empty log.
    [[nodiscard]] Time first_time() const;
    [[nodiscard]] Time last_time() const;
    /// The position of the first event at or after `t` (size() if none). Cost: O(log n).
    [[nodiscard]] std::size_t lower_bound(Time t) const noexcept;
    /// Bytes held by the events (the arrays' capacity). Cost: O(1).
    [[nodiscard]] std::size_t memory_bytes() const noexcept;

    friend bool operator==(const EventLog&, const EventLog&) = default;

private:
    friend struct detail::EventLogAccess;
    struct Packed {
        std::int64_t stamp;  // time · 256 + relation
        std::uint32_t source;
        std::uint32_t target;
        friend bool operator==(const Packed&, const Packed&) = default;
    };
    static_assert(sizeof(Packed) == 16);
    void sort_by_time();

    std::vector<Packed> events_;
    std::vector<double> values_;  // empty when every value is 1
    TimeKind kind_ = TimeKind::number;
};

/// How to read `events.csv`.
struct EventOptions {
    /// Create a stakeholder (id only) for an id the network lacks, instead of failing with an
    /// error naming the line. Created stakeholders are added in the order first met.
    bool create_missing_stakeholders = false;
};

/// What an events load did besides the log.
struct EventReport {
    std::size_t events = 0;                  ///< rows read
    std::size_t created = 0;                 ///< stakeholders created (create_missing_stakeholders)
    std::vector<std::string> new_relations;  ///< relations declared on the network, in order
};

/// The name and declaration of the default relation of events: `interaction`, role
/// communication, directed, positive, scale count.
[[nodiscard]] Relation interaction_relation();

/// Reads `events.csv` against `net`: header required; `time`, `source`, `target` required;
/// `relation` (empty or absent: `interaction`) and `value` (empty or absent: 1) optional; header
/// names case-insensitive; RFC 4180 quoting, UTF-8 with optional BOM, blank lines skipped.
/// Times as `parse_time`; ISO dates and date-times may mix (a date is midnight UTC), ISO and
/// plain numbers may not. Ids must be stakeholders of `net` (unless
/// `create_missing_stakeholders`); relations are `net`'s (compared as `category_key`); a name
/// `net` lacks is declared after the whole file parsed, as role other, directed, positive,
/// scale count (events add up), and `interaction` as `interaction_relation()`. Values must be
/// finite, and ≥ 0 unless the relation's scale is real. Rows out of time order are accepted
/// and sorted (stably). All or nothing: on error `net` is unchanged (should an allocation
/// fail while new relations are declared, those declared before it stay — declarations
/// without ties; with created stakeholders `net` is copied first and rolled back whole).
/// Cost: O(file size + n log n) (O(file size) for a sorted file) expected.
/// Throws: io_error (the file cannot be read); parse_error naming the file, the 1-based line
/// and the field (unparseable time, mixed ISO and plain-number times, unknown stakeholder,
/// self-event, a value that is not a finite number or is negative, a missing column, a ragged
/// row, more than `max_relations` relations).
[[nodiscard]] EventLog read_events(Network& net, const std::filesystem::path& file,
                                   const EventOptions& options = {},
                                   EventReport* report = nullptr);

/// As `read_events`, from text in memory; `file_name` labels the input in error messages.
[[nodiscard]] EventLog parse_events(Network& net, std::string_view text,
                                    std::string_view file_name = "events.csv",
                                    const EventOptions& options = {},
                                    EventReport* report = nullptr);

// ---- attendance -----------------------------------------------------------------------------

/// The relation of co-attendance events: `co_attendance`, role affiliation, mutual, positive,
/// scale count (a window's tie counts the meetings a pair shared).
[[nodiscard]] Relation co_attendance_relation();

/// Reads a sign-in sheet, `attendance.csv` (`time,meeting,id`: who came to which convening),
/// against `net` as the one-mode projection of the two-mode attendance: everyone at one
/// meeting interacts with everyone else there, so each meeting (a `meeting` name at one time)
/// gives one `co_attendance` event per unordered pair of its distinct attendees, at the
/// meeting's time, worth 1 — a window's network then ties each pair by the number of meetings
/// they shared (Davis, Gardner & Gardner's southern women; Breiger 1974). The relation is
/// declared as `co_attendance_relation()` if `net` lacks it. Header names case-insensitive,
/// other rules (times, ids, quoting, all or nothing) as `read_events`; an attendee signed in
/// twice at one meeting counts once. Cost: O(file size + Σ attendees² over meetings).
/// Throws: io_error; parse_error naming the file, line and field (bad time, mixed kinds of
/// time, an unknown or empty id, an empty meeting, a missing column, a ragged row).
[[nodiscard]] EventLog read_attendance(Network& net, const std::filesystem::path& file,
                                       const EventOptions& options = {},
                                       EventReport* report = nullptr);

/// As `read_attendance`, from text in memory; `file_name` labels the input in error messages.
[[nodiscard]] EventLog parse_attendance(Network& net, std::string_view text,
                                        std::string_view file_name = "attendance.csv",
                                        const EventOptions& options = {},
                                        EventReport* report = nullptr);

// ---- windows --------------------------------------------------------------------------------

/// A window `[start, end)` of time.
struct TimeRange {
    Time start = 0;
    Time end = 0;
    TimeKind kind = TimeKind::number;  ///< how START was written (ISO or number)
    friend bool operator==(const TimeRange&, const TimeRange&) = default;
};

/// Parses `START..END` (each as `parse_time`; both ISO or both numbers). Cost: O(length).
/// Throws: invalid_value for a missing `..`, a bad time, ISO mixed with a number, or END not
/// after START.
[[nodiscard]] TimeRange parse_time_range(std::string_view text);

/// The length of consecutive windows: `count` days, calendar months, or units of a
/// plain-number log.
struct Span {
    enum class Unit : std::uint8_t { days, months, number };
    Unit unit = Unit::days;
    std::int64_t count = 7;
    friend bool operator==(const Span&, const Span&) = default;
};

/// Parses a span: `7d`, `30d` (days), `1m` (calendar months), or a whole number (a
/// plain-number log's own unit). Cost: O(length). Throws: invalid_value for text of another
/// form, a span of 0, a negative span, or one too large (over 10^6 days or months).
[[nodiscard]] Span parse_span(std::string_view text);

/// `t` floored to its day (UTC midnight), or to the first of its month. ISO times only.
/// Cost: O(1).
[[nodiscard]] Time floor_to_day(Time t) noexcept;
[[nodiscard]] Time floor_to_month(Time t) noexcept;
/// `t` moved on by `span` (months: same day-of-month and time, which must be a first of month
/// for `windows`' month stepping to stay on month starts). Cost: O(1).
/// Throws: invalid_value when the result leaves [min_time, max_time].
[[nodiscard]] Time advance(Time t, const Span& span);

/// Consecutive windows of `span` covering `log`: the first starts at `since`, or at the first
/// event (floored to its day for a span of days, to its month for months; as is for numbers);
/// each ends where the next starts; the last one holds the last event. None for an empty log
/// or a `since` after the last event. Cost: O(windows).
/// Throws: invalid_value for a span of days or months on a plain-number log or a number span
/// on an ISO log, or more than 10^6 windows.
[[nodiscard]] std::vector<TimeRange> windows(const EventLog& log, const Span& span,
                                             std::optional<Time> since = std::nullopt);

/// The network of the events of `log` in `[start, end)`: `base`'s stakeholders (same slots and
/// handles), attribute names, relations and communities, and one tie per pair and relation
/// with an event in the window (unordered pairs for mutual relations), its value the sum of
/// the events' values. Relations that carry window ties get scale count (real stays real), so
/// sums are on their scale; `base`'s own ties are not copied. Every analysis runs on it
/// unchanged. A window with no events gives the stakeholders and no ties.
/// Cost: O(V + k log k) for k events in the window (two binary searches find them).
/// Throws: invalid_value if END is not after START or `log` names a slot or relation `base`
/// lacks.
[[nodiscard]] Network window(const Network& base, const EventLog& log, Time start, Time end);

} // namespace copnet
