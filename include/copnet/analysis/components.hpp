#pragma once
/// \file
/// Connected pieces of the landscape: which stakeholders can reach each other at all, ties
/// taken either way (weakly connected components), or along their direction (strongly connected
/// components). "Are we one community, or islands?"
#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

#include "copnet/network.hpp"
#include "copnet/tie.hpp"

namespace copnet {

/// The connected pieces of a network.
struct Components {
    /// piece[slot]: the piece of the stakeholder in that slot (pieces numbered 0, 1, … in the
    /// order of their first stakeholder in slot order); -1 for a removed slot. Size:
    /// `Network::slot_count()`.
    std::vector<std::int64_t> piece;
    /// sizes[p]: stakeholders in piece p.
    std::vector<std::size_t> sizes;
    /// Number of pieces (isolated stakeholders are pieces of one).
    [[nodiscard]] std::size_t count() const noexcept { return sizes.size(); }
    /// Size of the largest piece (0 for an empty network).
    [[nodiscard]] std::size_t largest() const noexcept;
};

/// Weakly connected components of the ties `filter` follows, each tie taken as undirected
/// (the filter's direction is ignored): as `networkx.connected_components` on the undirected
/// graph, igraph's `connected_components(mode="weak")`. Union–find with path halving and union
/// by size over the cached CSR snapshot (Tarjan 1975). Cost: O((V + E) α(V)) time, O(V)
/// memory beyond the snapshot. Throws nothing beyond allocation.
[[nodiscard]] Components components(const Network& net, TieFilter filter = {});

/// Strongly connected components of the ties `filter` follows, along the filter's direction
/// (`out`: source → target; `in`: reversed, the same components; `both` or a mutual relation:
/// each tie both ways): two stakeholders share a piece when each reaches the other. As
/// `networkx.strongly_connected_components` on the DiGraph of the followed ties and igraph's
/// `connected_components(mode="strong")`; pieces numbered as `components` numbers them.
/// Tarjan's algorithm ("Depth-first search and linear graph algorithms", SIAM J. Comput. 1,
/// 1972) with an explicit stack (no recursion, so a million stakeholders in one chain are fine)
/// over the cached CSR snapshot. Cost: O(V + E) time, O(V) memory beyond the snapshot.
/// Throws nothing beyond allocation.
[[nodiscard]] Components strong_components(const Network& net, TieFilter filter = {});

/// The condensation of a network: its strong components as vertices, and an arc from one to
/// another where a followed tie runs between them — a DAG, the order in which a message can
/// pass from one mutually reachable group to the next.
struct Condensation {
    /// The strong components, as `strong_components` gives them.
    Components pieces;
    /// (p, q): some followed tie runs from a stakeholder of piece p to one of piece q ≠ p. Each
    /// pair once, sorted. No cycles (a cycle would make its pieces one).
    std::vector<std::pair<std::size_t, std::size_t>> arcs;
};

/// The condensation of the ties `filter` follows, along its direction (as `strong_components`):
/// as `networkx.condensation` on the DiGraph of the followed ties (whose vertices are numbered
/// in its own order of the components; copnet's in the order of their first stakeholder).
/// Cost: O(V + E) time (a radix sort of the crossing arcs), O(V + crossing arcs) memory beyond
/// the snapshot. Throws nothing beyond allocation.
///
///     const Condensation c = condensation(net, TieFilter::of({TieKind::authority}));
///     // c.pieces.count() groups; c.arcs: which group can direct which
[[nodiscard]] Condensation condensation(const Network& net, TieFilter filter = {});

} // namespace copnet
