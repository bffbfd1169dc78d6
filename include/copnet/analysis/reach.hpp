#pragma once
/// \file
/// How far does our message reach? k-step reach from stakeholders, reach counts for everyone,
/// reach by circle and facet, and two-way flow across levels.

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "copnet/community.hpp"
#include "copnet/network.hpp"
#include "copnet/stakeholder.hpp"
#include "copnet/tie.hpp"

namespace copnet {

/// Options of the reach analyses.
struct ReachOptions {
    /// Which ties a message follows, and which way (default: every kind, along the tie).
    TieFilter filter{};
    /// At most this many ties from a source; empty = unlimited.
    std::optional<std::size_t> max_hops{};
};

/// A stakeholder reached, with its distance in ties from the nearest source (sources: 0).
struct Reached {
    StakeholderId who;
    std::size_t hops = 0;
    friend bool operator==(const Reached&, const Reached&) = default;
};

/// The stakeholders reached, in breadth-first order: the sources (hops 0) in the order given,
/// then by increasing hops.
struct ReachResult {
    std::vector<Reached> reached;
    /// Number reached, sources included.
    [[nodiscard]] std::size_t count() const noexcept { return reached.size(); }
};

/// Stakeholders within `options.max_hops` followed ties of any of `sources`, with their hop
/// distances: k-step reach as UCINET and R's `sna::reachability` count it (breadth-first
/// search; a stakeholder's distance is the fewest ties from the nearest source).
/// Cost: O(V + E) of the followed ties, plus O(V + E) to snapshot them.
/// Throws: invalid_value if `sources` is empty; unknown_stakeholder for a source not in `net`.
[[nodiscard]] ReachResult reach(const Network& net, std::span<const StakeholderId> sources,
                                const ReachOptions& options = {});

/// Each stakeholder's k-step reach count: how many *other* stakeholders it reaches within
/// `options.max_hops` (UCINET's k-step reach centrality; NetworkX:
/// `len(single_source_shortest_path_length(G, v, cutoff=k)) - 1`).
struct ReachCount {
    StakeholderId who;
    std::size_t reached = 0;
};

/// k-step reach counts for every stakeholder, in slot order. A breadth-first search from each,
/// split across `threads` (0 = the hardware's); the result does not depend on the thread count.
/// Cost: O(V (V + E)) time, O(V + E) memory per thread.
[[nodiscard]] std::vector<ReachCount> reach_counts(const Network& net,
                                                   const ReachOptions& options = {},
                                                   unsigned threads = 0);

/// k-step reach counts for the stakeholders in `who` only (in that order): one snapshot, then a
/// breadth-first search from each, split across `threads`. Cost: O(|who| (V + E)).
/// Throws: unknown_stakeholder for an id not in `net`.
[[nodiscard]] std::vector<ReachCount> reach_counts(const Network& net,
                                                   std::span<const StakeholderId> who,
                                                   const ReachOptions& options = {},
                                                   unsigned threads = 0);

/// Of the stakeholders of one category, how many were reached.
struct CategoryReach {
    std::string category;     ///< the category ("" = no value, e.g. unknown level)
    std::size_t total = 0;    ///< stakeholders in the category
    std::size_t reached = 0;  ///< of those, reached
    double share = 0.0;       ///< reached / total
};

/// Reach broken down by circle and by a facet.
struct ReachBreakdown {
    /// core, inner, outer, none (all four, in that order); empty without a community.
    std::vector<CategoryReach> by_circle;
    /// The facet's categories, in order of first appearance in slot order.
    std::vector<CategoryReach> by_facet;
};

/// Groups `result` by the circles of `community` (nullptr: no circle rows) and by `facet`
/// (empty: no facet rows): of the stakeholders of each category, how many and what share were
/// reached. Cost: O(V). Throws: invalid_value for a bad facet name (see `Facet`).
[[nodiscard]] ReachBreakdown break_down(const Network& net, const ReachResult& result,
                                        const Community* community, std::string_view facet = {});

/// How a message from the members at one level spreads to the members at another.
struct LevelFlow {
    Level from = Level::local;
    Level to = Level::state;
    std::size_t senders = 0;     ///< members at `from`
    std::size_t receivers = 0;   ///< members at `to`
    /// reached_by_hop[h]: receivers reached within h hops (h = 0 … the last hop that reached
    /// anyone new, capped by max_hops).
    std::vector<std::size_t> reached_by_hop;
    /// Share of receivers reached within max_hops (unlimited: ever).
    double share = 0.0;
    /// The fewest hops within which at least `target_share` of receivers are reached; empty if
    /// that never happens.
    std::optional<std::size_t> hops_to_target;
};

/// Two-way flow across levels ("local to state, state to local"): from the members at `a`, the
/// reach into the members at `b`, and from `b` back into `a`. Members are the stakeholders of
/// `community` in the core, inner or outer circle (nullptr: the whole landscape).
struct TwoWayFlow {
    LevelFlow forward;   ///< a → b
    LevelFlow backward;  ///< b → a
    double target_share = 0.5;
};

/// Computes both directions of `TwoWayFlow` with one multi-source breadth-first search each.
/// Cost: O(V + E). Throws: invalid_value if `a == b` or `target_share` is outside (0,1].
[[nodiscard]] TwoWayFlow level_flow(const Network& net, const Community* community, Level a,
                                    Level b, const ReachOptions& options = {},
                                    double target_share = 0.5);

} // namespace copnet
