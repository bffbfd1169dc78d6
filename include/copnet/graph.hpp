#pragma once
/// \file
/// For experts: the Boost.Graph inside a `Network`. Ordinary use needs only `network.hpp`;
/// include this to run a Boost.Graph algorithm directly on the landscape.
///
/// The graph is a `LandscapeGraph` (`copnet/landscape_graph.hpp`): a compact store that models
/// Boost.Graph's VertexListGraph, EdgeListGraph and BidirectionalGraph concepts, with
/// `get(boost::vertex_index, g)` and `get(boost::edge_weight, g)` property maps and the
/// bundled-property syntax `g[e].kind`, `g[e].weight`, so that Boost's algorithms
/// (`breadth_first_search`, `dijkstra_shortest_paths`, …) run on it as they are.
///
/// Vertices are slots: `StakeholderId::index()` is the vertex descriptor. A removed
/// stakeholder's vertex stays as an isolated, dead slot (`net.contains(StakeholderId(v))` is
/// false), so algorithms over the whole vertex set must skip dead slots. Edges carry `TieData`; a
/// collaboration tie is one edge whose direction carries no meaning.

#include "copnet/landscape_graph.hpp"
#include "copnet/network.hpp"

namespace copnet {

/// The landscape graph (see `LandscapeGraph`).
using Graph = LandscapeGraph;

/// The Boost.Graph of `net` (read-only); valid until `net` changes. Cost: O(1).
[[nodiscard]] const Graph& graph(const Network& net) noexcept;

} // namespace copnet
