#pragma once
/// \file
/// Whole-network measures researchers compare with their tools (`../shared/DESIGN.md` §3.6):
/// density, sna's reciprocity measures, the dyad and triad censuses, transitivity, weak and
/// strong components, diameter and average distance, degree assortativity, weak and strong
/// cutpoints. "How dense, how reciprocal, how clustered, how fragile is our landscape?"

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

#include "copnet/network.hpp"
#include "copnet/progress.hpp"
#include "copnet/tie.hpp"

namespace copnet {

/// The 16 triad types of Holland & Leinhardt's MAN labelling, in the order of
/// `networkx.triadic_census` and `sna::triad.census`: 003, 012, 102, 021D, 021U, 021C, 111D,
/// 111U, 030T, 030C, 201, 120D, 120U, 120C, 210, 300.
inline constexpr std::array<std::string_view, 16> triad_names = {
    "003",  "012",  "102", "021D", "021U", "021C", "111D", "111U",
    "030T", "030C", "201", "120D", "120U", "120C", "210",  "300"};

/// sna's `grecip` measures of the followed ties, over the dyads of the digraph.
struct Reciprocity {
    /// Share of arcs whose reverse is an arc too: 2M / (2M + A) (`grecip(measure="edgewise")`,
    /// NetworkX's `overall_reciprocity`). NaN without arcs.
    double edgewise = 0.0;
    /// Share of dyads that are symmetric, mutual or null: (M + N) / (M + A + N)
    /// (`grecip(measure="dyadic")`, sna's default). NaN below two stakeholders.
    double dyadic = 0.0;
    /// Share of the tied dyads that are mutual: M / (M + A) (`grecip(measure="dyadic.nonnull")`).
    /// NaN without arcs.
    double dyadic_nonnull = 0.0;
};

/// The dyad census (Holland & Leinhardt 1970; `sna::dyad.census`): the unordered pairs tied both
/// ways (M), one way (A) and not at all (N).
struct DyadCensus {
    std::uint64_t mutual = 0;
    std::uint64_t asymmetric = 0;
    std::uint64_t null = 0;
};

/// Whole-network measures of the ties a filter follows.
struct NetworkMeasures {
    /// True when the measures were taken on the undirected graph: every followed relation that
    /// holds a tie is mutual, or the filter follows ties both ways (DESIGN §3.6).
    bool undirected = false;
    std::size_t stakeholders = 0;  ///< live stakeholders
    /// Edges of the simple graph measured: unordered pairs when undirected, arcs when directed
    /// (a mutual tie is two arcs there; `networkx` `number_of_edges` of the Graph / DiGraph).
    std::size_t ties = 0;
    /// `networkx.density`: ties / (n(n−1)) directed, 2·ties / (n(n−1)) undirected; 0 below two.
    double density = 0.0;
    Reciprocity reciprocity;
    DyadCensus dyad_census;
    /// triad_census[i]: triads of type `triad_names[i]`.
    std::array<std::uint64_t, 16> triad_census{};
    /// `networkx.transitivity` of the undirected graph: 3 × triangles / connected triples
    /// (0 without triangles).
    double transitivity = 0.0;
    std::size_t weak_components = 0;    ///< `networkx.number_weakly_connected_components`
    std::size_t strong_components = 0;  ///< `networkx.number_strongly_connected_components`
    /// Stakeholders in the largest weak component (the first in slot order among equals), over
    /// which `diameter` and `average_distance` are taken.
    std::size_t largest_component = 0;
    /// `networkx.diameter` of the largest weak component, undirected (0 for a single
    /// stakeholder); empty for an empty network or when the distances were not asked for.
    std::optional<std::size_t> diameter;
    /// `networkx.average_shortest_path_length` of the largest weak component, undirected (0 for
    /// a single stakeholder); NaN for an empty network or when the distances were not asked for.
    double average_distance = 0.0;
    /// `networkx.degree_assortativity_coefficient` with its defaults: the Pearson correlation,
    /// over the arcs u → v, of u's out-degree with v's in-degree (undirected: of the degrees at
    /// the two ends of each edge, both ways). NaN when either has no variance or without ties.
    double degree_assortativity = 0.0;
    /// `sna::cutpoints(connected="weak")`: stakeholders whose removal increases the number of
    /// weak components (the articulation points of the undirected graph).
    std::size_t weak_cutpoints = 0;
    /// `sna::cutpoints(connected="strong")`: stakeholders whose removal increases the number of
    /// strong components. Equal to `weak_cutpoints` on an undirected graph.
    std::size_t strong_cutpoints = 0;
};

/// The whole-network measures of the ties `filter` follows, on the simple graph of those ties
/// (a pair tied by several relations is one edge or arc): undirected when every followed
/// relation that holds a tie is mutual or the filter's direction is `both`, otherwise the
/// directed graph along the filter's direction, mutual ties as both arcs (DESIGN §3.6). On an
/// undirected graph the reciprocity and the censuses are those of its symmetric digraph, as
/// sna computes them on a symmetric sociomatrix. Each field says the peer call it matches.
/// The triad census is Batagelj & Mrvar's algorithm ("A subquadratic triad census algorithm
/// for large sparse networks with small maximum degree", Social Networks 23, 2001), as
/// `networkx.triadic_census`; strong components by Tarjan's algorithm with an explicit stack
/// (as `strong_components`); strong cutpoints by Italiano, Laura & Santaroni's characterisation ("Finding
/// strong bridges and strong articulation points in linear time", TCS 447, 2012) with
/// dominator trees (Cooper, Harvey & Kennedy's iterative algorithm).
/// Cost: O(V·(V + E)) for the distances (breadth-first search from every stakeholder of the
/// largest component, split across threads), O(E·Δ) for the triad census, O(E^1.5) for the
/// triangles, O(V + E) for the rest (dominators: O(V²) worst case, near-linear in practice).
/// Throws nothing beyond allocation.
[[nodiscard]] NetworkMeasures network_measures(const Network& net, TieFilter filter = {});

/// Options of `network_measures`.
struct NetworkMeasuresOptions {
    /// The ties measured (relations and direction; DESIGN §3.4).
    TieFilter filter{};
    /// Compute the diameter and the average distance: a breadth-first search from every
    /// stakeholder of the largest component, O(V·(V + E)) — hours at a million stakeholders.
    /// Without: `diameter` empty, `average_distance` NaN, everything else near-linear.
    bool distances = true;
    /// Worker threads for the distances; 0 = the hardware's. The result is identical at any
    /// thread count (distances summed as exact integers).
    unsigned threads = 0;
    /// Reports how far the measures have come, the distances' searches included (optional).
    Progress progress{};
};

/// As `network_measures(net, filter)`, with `options`. Cost and throws: as above (without
/// distances: O(E·Δ + E^1.5 + V + E)).
[[nodiscard]] NetworkMeasures network_measures(const Network& net,
                                               const NetworkMeasuresOptions& options);

/// True if the measures of §3.6 read the ties `filter` follows as an undirected graph: every
/// followed relation that holds a tie is mutual, or the filter's direction is `both` (relations
/// without ties do not count: the built-in authority and influence are followed by default).
/// Cost: O(relations). Throws nothing.
[[nodiscard]] bool reads_undirected(const Network& net, const TieFilter& filter);

} // namespace copnet
