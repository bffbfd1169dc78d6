#pragma once
/// \file
/// The standard centralities, one row per stakeholder (`../shared/DESIGN.md` §3.6): degree,
/// in- and out-degree, strength, betweenness, closeness, harmonic, PageRank, eigenvector,
/// coreness, Burt's constraint and effective size, and reciprocity — each defined and
/// normalised as NetworkX 2.8 does, so that a researcher's numbers match their own tool's.
///
/// ```cpp
/// const auto table = copnet::centrality(
///     net, {.measures = copnet::parse_measures("degree,pagerank"), .normalized = true});
/// for (std::size_t row = 0; row < table.ids.size(); ++row)
///     std::cout << net.stakeholder(table.ids[row]).id << ' '
///               << table.column(copnet::Measure::pagerank)[row] << '\n';
/// ```

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "copnet/network.hpp"
#include "copnet/progress.hpp"
#include "copnet/tie.hpp"

namespace copnet {

/// A per-stakeholder measure of `centrality`.
enum class Measure : std::uint8_t {
    degree,          ///< ties (in + out when directed; neighbours when undirected)
    in_degree,       ///< ties in
    out_degree,      ///< ties out
    strength,        ///< sum of the ties' values
    betweenness,     ///< Brandes' shortest-path betweenness
    closeness,       ///< Wasserman–Faust scaled closeness (incoming distances)
    harmonic,        ///< Σ 1/d over those who reach the stakeholder
    pagerank,        ///< PageRank with damping α
    eigenvector,     ///< eigenvector centrality (incoming ties)
    coreness,        ///< core number (`CentralityOptions::cores`)
    constraint,      ///< Burt's aggregate constraint
    effective_size,  ///< Burt's effective size
    reciprocity      ///< share of the out-ties returned
};

/// Number of measures (for arrays indexed by `Measure`).
inline constexpr std::size_t measure_count = 13;

/// The spelling of a measure, as in JSON keys and CSV headers: "degree", "in_degree", …,
/// "effective_size", "reciprocity". Cost: O(1).
[[nodiscard]] std::string_view to_string(Measure measure) noexcept;
/// Parses one measure name (case-insensitive). Throws: invalid_value naming the text and the
/// known names. Cost: O(length).
[[nodiscard]] Measure parse_measure(std::string_view text);
/// Parses a comma-separated list of measures ("degree,pagerank"); "all" or an empty list is
/// every measure in `Measure` order; repeats are kept once, in the order first given.
/// Throws: invalid_value naming the first unknown item. Cost: O(length).
[[nodiscard]] std::vector<Measure> parse_measures(std::string_view list);

/// The degree counted by `coreness`: in + out (`all`, NetworkX's `core_number` and sna's
/// `kcores(cmode="freeman")` on directed data), in-degree (`in`, sna `cmode="indegree"`),
/// out-degree (`out`, sna `cmode="outdegree"`), or neighbours on the undirected graph
/// (`undirected`, copnet's `coreness`; the default).
enum class CoreMode : std::uint8_t { all, in, out, undirected };
/// "all", "in", "out", "undirected". Cost: O(1).
[[nodiscard]] std::string_view to_string(CoreMode mode) noexcept;
/// Parses a core mode (case-insensitive). Throws: invalid_value naming the text. Cost: O(length).
[[nodiscard]] CoreMode parse_core_mode(std::string_view text);

/// Options of `centrality`.
struct CentralityOptions {
    /// The ties measured (relations and direction; DESIGN §3.4).
    TieFilter filter{};
    /// The columns, in this order; empty = every measure.
    std::vector<Measure> measures{};
    /// NetworkX's normalisations: degree, in- and out-degree divided by V − 1
    /// (`degree_centrality` & co.); betweenness `normalized=True`. Closeness is always
    /// NetworkX's (Wasserman–Faust scaled); the other measures have no normalised form.
    bool normalized = false;
    /// Read tie values as NetworkX's `weight=` does: distances for betweenness, closeness and
    /// harmonic (Dijkstra; not negative, and for betweenness positive: zero-length ties make
    /// the count of shortest paths ill-defined, NetworkX's then depends on the order its edges
    /// were added), strengths for pagerank, eigenvector, constraint and effective size.
    /// Default: every tie 1 (`weight=None`). A pair tied by several relations keeps the largest
    /// value. `strength` always sums the values.
    bool weighted = false;
    /// Betweenness counts the ends of each path (NetworkX `endpoints=True`).
    bool endpoints = false;
    /// The degree coreness peels by.
    CoreMode cores = CoreMode::undirected;
    /// Betweenness from this many sources drawn at random (seeded), scaled by V / k; empty =
    /// exact. Must be between 1 and the number of stakeholders.
    std::optional<std::size_t> samples{};
    std::uint64_t seed = 1;
    /// PageRank's damping factor α, in [0, 1].
    double alpha = 0.85;
    /// PageRank and eigenvector: at most this many power iterations (≥ 1), stopping when the
    /// L1 change falls below V · tolerance (> 0), as NetworkX's `max_iter` and `tol`.
    std::size_t max_iterations = 100;
    double tolerance = 1e-6;
    /// Worker threads for betweenness, closeness and harmonic; 0 = the hardware's. The table is
    /// identical for a seed at any thread count (one slot per stakeholder; betweenness's lanes).
    unsigned threads = 0;
    /// Reports the searches done for closeness and harmonic (one per stakeholder; optional).
    Progress progress{};
};

/// The centrality table: one row per live stakeholder (slot order), one column per measure.
struct CentralityTable {
    /// True when the measures were taken on the undirected graph (DESIGN §3.6: every followed
    /// relation that holds a tie is mutual, or the filter follows ties both ways).
    bool undirected = false;
    /// True when the measures are normalised (`CentralityOptions::normalized`): degrees are
    /// then fractions, not counts.
    bool normalized = false;
    /// The columns, in the order asked.
    std::vector<Measure> measures;
    /// The rows' stakeholders.
    std::vector<StakeholderId> ids;
    /// values[c][row]: measure `measures[c]` of stakeholder `ids[row]`; NaN where NetworkX
    /// leaves it undefined (constraint and effective size without ties, reciprocity without
    /// out-ties).
    std::vector<std::vector<double>> values;
    /// The column of `measure`. Throws: invalid_value if the table does not hold it. O(columns).
    [[nodiscard]] const std::vector<double>& column(Measure measure) const;
};

/// The centralities `options.measures` of every live stakeholder, on the simple graph of the
/// followed ties (a pair tied by several relations is one edge or arc), undirected when every
/// followed relation that holds a tie is mutual (or the direction is `both`) and otherwise
/// directed along the filter, mutual ties as both arcs (DESIGN §3.6). Each measure is
/// NetworkX 2.8's on that `nx.Graph` / `nx.DiGraph`:
/// - `degree` (`G.degree`: in + out when directed), `in_degree`, `out_degree` (= degree when
///   undirected); normalised: `degree_centrality`, `in_degree_centrality`, `out_degree_centrality`;
/// - `strength`: `G.degree(weight="weight")`, the sum of the values of the stakeholder's ties;
/// - `betweenness`: `betweenness_centrality(G, k, normalized, weight, endpoints, seed)`, Brandes
///   (2001) as copnet's `betweenness` (sampled sources are copnet's draw, not NetworkX's);
/// - `closeness`: `closeness_centrality(G, distance)` with Wasserman & Faust's scaling
///   (r − 1)/Σd · (r − 1)/(V − 1) over the r stakeholders that reach v (incoming distances);
/// - `harmonic`: `harmonic_centrality(G, distance)`, Σ_u 1/d(u, v) (Marchiori & Latora 2000);
/// - `pagerank`: `pagerank(G, alpha, tol, max_iter)` (Page et al. 1999): power iteration from
///   1/V, dangling stakeholders' rank spread uniformly, stopping at L1 change < V · tol;
/// - `eigenvector`: `eigenvector_centrality(G, max_iter, tol)`: power iteration on A + I from
///   1/V, Euclidean norm 1 (incoming ties when directed; Bonacich 1987);
/// - `coreness`: the core number under `options.cores` (Batagelj & Zaversnik 2003);
/// - `constraint`, `effective_size`: Burt (1992) as `structural_holes`;
/// - `reciprocity`: the share of the stakeholder's out-ties that are returned (not NetworkX's
///   per-node reciprocity), NaN without out-ties.
/// Cost: degree measures O(V + E); betweenness O(k(V + E)) (k sources; weighted × log V);
/// closeness and harmonic O(V(V + E)) (weighted × log V); pagerank and eigenvector
/// O(iterations · (V + E)); coreness O(V + E); constraint and effective size O(Σ d²).
/// Throws: invalid_value for samples 0 or above the number of stakeholders, a negative tie
/// value on weighted paths (a zero one for weighted betweenness), α outside [0, 1],
/// max_iterations 0 or a tolerance not > 0; error when PageRank or the eigenvector iteration does not converge within max_iterations (as
/// NetworkX's PowerIterationFailedConvergence).
[[nodiscard]] CentralityTable centrality(const Network& net, const CentralityOptions& options = {});

} // namespace copnet
