#pragma once
/// \file
/// Is the community alive? The framework's assessment questions — "how regularly are members
/// interacting? To what extent do interactions have continuity and depth? How much reciprocity
/// is occurring?" — as numbers per window of an event log (docs/concepts.md, "Interaction over time"): who is
/// active, who is new and stays, which ties persist, whether talk is returned, how concentrated
/// the activity is (CHAOSS), and each member's rhythm (burstiness).

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "copnet/community.hpp"
#include "copnet/events.hpp"
#include "copnet/progress.hpp"
#include "copnet/network.hpp"

namespace copnet {

/// Options of `health`.
struct HealthOptions {
    /// The length of each window; empty: one calendar month (`1m`) for ISO times, and one
    /// window holding the whole log for plain-number times.
    std::optional<Span> every{};
    /// Where the first window starts; empty: the first event, floored to its day (days) or
    /// month (months). Events before it are left out.
    std::optional<Time> since{};
    /// The community whose circles `by_circle` counts (nullptr: no `by_circle` rows).
    const Community* community = nullptr;
    /// The facet the elephant factor groups sources by (CHAOSS: their organization).
    std::string elephant_facet = "organization";
    /// Reports the events gone through, then the members summed up (optional).
    Progress progress{};
};

/// Activity of one circle of the community in one window.
struct CircleActivity {
    Circle circle = Circle::none;
    std::size_t active = 0;               ///< stakeholders of the circle active in the window
    std::size_t members = 0;              ///< stakeholders in the circle (`Community::count`)
    std::optional<double> share{};        ///< active / members; empty for an empty circle
    friend bool operator==(const CircleActivity&, const CircleActivity&) = default;
};

/// The health of one window `[start, end)`. Fields about the previous window (retained,
/// departed, formed, dissolved, persistence) are empty in the first window.
struct WindowHealth {
    Time start = 0;
    Time end = 0;
    std::size_t events = 0;     ///< events in the window
    std::size_t active = 0;     ///< stakeholders in ≥ 1 event, as source or target
    std::size_t newcomers = 0;  ///< active now and in no earlier window
    std::optional<std::size_t> retained{};  ///< previous window's newcomers active again now
    std::optional<std::size_t> departed{};  ///< active in the previous window, not now
    std::size_t pairs = 0;      ///< distinct unordered pairs with an event
    std::optional<std::size_t> formed{};     ///< pairs now that the previous window lacks
    std::optional<std::size_t> dissolved{};  ///< previous window's pairs gone now
    /// Jaccard of this and the previous window's pairs; empty in the first window and when
    /// neither window has a pair.
    std::optional<double> persistence{};
    /// sna's edgewise `grecip` over the ordered pairs a→b with an event (a mutual relation's
    /// event counts both ways): the share whose reverse b→a also has one; empty without events.
    std::optional<double> reciprocity{};
    /// CHAOSS absence ("bus") factor: the fewest sources whose events make ≥ 50 % of the
    /// window's events (0 without events).
    std::size_t absence_factor = 0;
    /// CHAOSS elephant factor: the fewest categories of `HealthOptions::elephant_facet` whose
    /// sources' events make ≥ 50 % of the events of sources with a category; empty when no
    /// event's source has one.
    std::optional<std::size_t> elephant_factor{};
    /// core, inner, outer, none (all four, in that order); empty without a community.
    std::vector<CircleActivity> by_circle;
    friend bool operator==(const WindowHealth&, const WindowHealth&) = default;
};

/// One stakeholder's activity over the windows.
struct MemberActivity {
    StakeholderId who;
    std::size_t events = 0;          ///< events in the windows, as source or target
    std::size_t active_windows = 0;  ///< windows with at least one of them
    Time first = 0;                  ///< the first one's time
    Time last = 0;                   ///< the last one's time
    /// B = (σ − μ) / (σ + μ) of the inter-event times (Goh & Barabási 2008): −1 regular, 0
    /// random (Poisson), towards 1 bursty; σ the population standard deviation, zero gaps
    /// included. Empty below 3 events or when all of them share one instant.
    std::optional<double> burstiness{};
    friend bool operator==(const MemberActivity&, const MemberActivity&) = default;
};

/// The health report: a row per window, in time order, and a row per stakeholder with an event
/// in the windows, in slot order.
struct HealthResult {
    TimeKind kind = TimeKind::number;  ///< the log's, to print times as given
    std::vector<WindowHealth> windows;
    std::vector<MemberActivity> members;
};

/// Health of the community per window of `log` (the windows of `windows(log, every, since)`,
/// see `HealthOptions`). Definitions in `WindowHealth` and `MemberActivity`; sources: CHAOSS
/// (absence and elephant factor), Goh & Barabási, "Burstiness and memory in complex systems",
/// EPL 81 (2008) (burstiness), R's `sna::grecip(measure = "edgewise")` (reciprocity).
/// Cost: O(V + n log n) for n events in the windows, plus O(windows · 4).
/// Throws: invalid_value as `windows` (a span of the wrong kind, too many windows) or for an
/// empty facet name; unknown_stakeholder / invalid_value if `log` names a slot `net` lacks.
[[nodiscard]] HealthResult health(const Network& net, const EventLog& log,
                                  const HealthOptions& options = {});

/// As `health`, over the given windows (in time order, not overlapping; gaps between them are
/// left out, and "the previous window" is the previous row). `options.every` and `since` are
/// not used. Cost: as `health`.
/// Throws: invalid_value for a window whose end is not after its start, or windows out of
/// order or overlapping; as `health` otherwise.
[[nodiscard]] HealthResult health(const Network& net, const EventLog& log,
                                  std::span<const TimeRange> windows,
                                  const HealthOptions& options = {});

/// Options of `emerging_leaders`.
struct LeadershipOptions {
    /// The windows, as for `health` (empty: calendar months for ISO times, one window for
    /// plain numbers).
    std::optional<Span> every{};
    std::optional<Time> since{};
    /// The community whose declared core may go quiet (nullptr: no `quiet_core`).
    const Community* community = nullptr;
    /// The share of a window's active stakeholders that make its top (at least one).
    double top = 0.1;
};

/// A stakeholder's standing in one window.
struct LeaderRank {
    StakeholderId who;
    std::uint32_t coreness = 0;  ///< k-core number on the window's network (undirected)
    std::size_t in_degree = 0;   ///< distinct stakeholders with an event to them in the window
    friend bool operator==(const LeaderRank&, const LeaderRank&) = default;
};

/// Who leads in one window, and who changed.
struct LeadershipWindow {
    Time start = 0;
    Time end = 0;
    /// The top of the window's active stakeholders by coreness, then in-degree (then slot).
    std::vector<LeaderRank> top;
    /// In the top now and not in the previous window's (in the first window: nobody).
    std::vector<StakeholderId> rising;
    /// Members of the declared core with no event in the window (slot order).
    std::vector<StakeholderId> quiet_core;
};

/// "Are members taking on new leadership roles?": per window, the stakeholders at the top of
/// the window's network by coreness (Batagelj & Zaversnik k-cores of the window's ties, read
/// undirected) and then in-degree (distinct senders; a mutual relation's event counts both
/// ways), those who rose into the top since the previous window, and the declared core members
/// who have gone quiet. Cost: O(windows · (V + E_w)) — a window network each — plus
/// O(n log n). Throws: invalid_value for `top` outside (0, 1] or as `health`.
[[nodiscard]] std::vector<LeadershipWindow> emerging_leaders(const Network& net, const EventLog& log,
                                                             const LeadershipOptions& options = {});

} // namespace copnet
