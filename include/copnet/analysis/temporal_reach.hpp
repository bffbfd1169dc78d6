#pragma once
/// \file
/// How far does our message reach *in time order*? A message passes along an interaction only
/// if its sender already held it: earliest-arrival time-respecting paths over an event log
/// (docs/concepts.md, "Interaction over time"; Holme & Saramäki, "Temporal networks", Phys. Rep. 519, 2012).

#include <cstddef>
#include <optional>
#include <span>
#include <vector>

#include "copnet/events.hpp"
#include "copnet/network.hpp"
#include "copnet/tie.hpp"

namespace copnet {

/// Options of `temporal_reach`.
struct TemporalReachOptions {
    /// Which events pass the message on, and which way: along a directed relation's event with
    /// `out` (the default), against it with `in`, either way with `both`; a mutual relation's
    /// events both ways. Negative relations only when named, as everywhere.
    TieFilter filter{};
    /// When the sources get the message; empty: the first event's time (0 for an empty log).
    std::optional<Time> since{};
};

/// A stakeholder reached, with the earliest time it can hold the message.
struct Arrival {
    StakeholderId who;
    Time arrival = 0;
    friend bool operator==(const Arrival&, const Arrival&) = default;
};

/// The stakeholders reached in time order: the sources (at `since`) in the order given, then by
/// arrival (within one instant, in breadth-first order from the holders).
struct TemporalReachResult {
    Time since = 0;
    std::vector<Arrival> reached;
    /// Number reached, sources included.
    [[nodiscard]] std::size_t count() const noexcept { return reached.size(); }
};

/// Earliest arrival from `sources`: a stakeholder holding the message at time a passes it along
/// each followed event from them at a time t ≥ a, so the receiver holds it from t. Events at one
/// instant chain (a → b and b → c at the same t reach c, in any order of the rows). One pass
/// over the events from `since` (a breadth-first search inside each group of events sharing
/// one instant). Cost: O(n + V) for n events (O(g log g) more for a group of g events at one
/// instant). Throws: invalid_value if `sources` is empty; unknown_stakeholder for a source not
/// in `net`; invalid_value if `log` names a slot or relation `net` lacks.
[[nodiscard]] TemporalReachResult temporal_reach(const Network& net, const EventLog& log,
                                                 std::span<const StakeholderId> sources,
                                                 const TemporalReachOptions& options = {});

/// How many *other* stakeholders a message from `who` alone can reach in time order (as
/// `temporal_reach` from that one source).
struct TemporalReachCount {
    StakeholderId who;
    std::size_t reached = 0;
    friend bool operator==(const TemporalReachCount&, const TemporalReachCount&) = default;
};

/// Temporal reach counts of the stakeholders in `who` (in that order), each its own source, all
/// from `options.since`: who could reach most people in time order. Bit-parallel: one pass over
/// the events carries 64 sources at once (a 64-bit word per stakeholder), so k sources cost
/// ⌈k/64⌉ passes. Cost: O(⌈k/64⌉ (n + V)) for n events. Throws: unknown_stakeholder for an id
/// not in `net`; invalid_value if `log` names a slot `net` lacks.
[[nodiscard]] std::vector<TemporalReachCount>
temporal_reach_counts(const Network& net, const EventLog& log, std::span<const StakeholderId> who,
                      const TemporalReachOptions& options = {});

/// Temporal reach counts of every stakeholder, in slot order. Cost: O(⌈V/64⌉ (n + V)).
[[nodiscard]] std::vector<TemporalReachCount>
temporal_reach_counts(const Network& net, const EventLog& log,
                      const TemporalReachOptions& options = {});

} // namespace copnet
