#pragma once
/// \file
/// Where do we cross boundaries? Mixing matrices, the E-I index, Gould-Fernandez brokerage
/// roles, Burt's structural holes, betweenness and boundary spanners, ties across levels and
/// attribute assortativity: the framework's shift "from isolated, single-agency activities to
/// cross-systems efforts", measured. Every measure follows its published definition and the
/// reference tool named in its comment, so that numbers can be checked against UCINET, R's
/// `sna` and NetworkX.
///
/// Categories: a facet (see `Facet`) groups stakeholders; its categories are listed in order of
/// first appearance in slot order, "" standing for "no value" (it is a category like any other).

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "copnet/network.hpp"
#include "copnet/progress.hpp"
#include "copnet/stakeholder.hpp"
#include "copnet/tie.hpp"

namespace copnet {

// ---------------------------------------------------------------------------------------------
// Mixing matrix

/// Ties from each category to each category of a facet.
struct MixingMatrix {
    std::string facet;
    /// The facet's categories, in order of first appearance in slot order (also empty ones).
    std::vector<std::string> categories;
    /// ties[i][j]: followed arcs from a stakeholder of categories[i] to one of categories[j]
    /// (an ordered pair tied by several followed relations is one arc).
    std::vector<std::vector<std::size_t>> ties;
    /// weights[i][j]: the summed values of the followed ties of those arcs (every relation's).
    std::vector<std::vector<double>> weights;
    std::size_t total = 0;      ///< all followed arcs (Σ ties[i][j])
    std::size_t crossing = 0;   ///< those between different categories (i ≠ j)
    /// crossing / total (NaN without ties).
    double crossing_share = 0.0;
};

/// The directed mixing matrix of `facet` over the arcs `filter` follows: each ordered pair
/// (u, w) with a followed tie from u to w counts once in cell (category(u), category(w)) — so
/// a collaboration tie, followed both ways, counts in both cells, as
/// `networkx.attribute_mixing_matrix` counts an undirected edge, and a pair tied by two
/// followed relations counts once (the DiGraph of the arcs, as `attribute_assortativity` and
/// `numeric_assortativity` read them: Newman's r from this matrix is theirs); the weights sum
/// the values of every followed tie. Cost: O(V + E) (on the cached snapshot of `filter`).
/// Throws: invalid_value for a bad facet name (see `Facet`).
[[nodiscard]] MixingMatrix mixing_matrix(const Network& net, std::string_view facet,
                                         const TieFilter& filter = {});

// ---------------------------------------------------------------------------------------------
// E-I index

/// Options of `ei_index`.
struct EIOptions {
    /// Which tie kinds count (the direction is irrelevant: the index counts ties, not paths).
    TieFilter filter{};
    /// Random relabellings for the permutation test (0 = no test).
    std::size_t permutations = 1000;
    /// Seed of the permutations: permutation p draws from its own generator (seed, p).
    std::uint64_t seed = 1;
    /// Worker threads; 0 = the hardware's. The result is identical for a seed at any thread
    /// count (permutations counted as exact integers).
    unsigned threads = 0;
    /// Reports permutations done (optional).
    Progress progress{};
};

/// E-I index of one category.
struct GroupEI {
    std::string group;
    std::size_t size = 0;      ///< stakeholders in the group
    std::size_t internal = 0;  ///< ties with both ends in the group
    std::size_t external = 0;  ///< ties with exactly one end in it
    double ei_index = 0.0;     ///< (E − I)/(E + I); NaN without ties
};

/// E-I index of one stakeholder, over its own ties (either direction).
struct StakeholderEI {
    StakeholderId who;
    std::size_t internal = 0;  ///< ties to its own category
    std::size_t external = 0;  ///< ties to other categories
    double ei_index = 0.0;     ///< NaN for a stakeholder without ties
};

/// The E-I index of a network, its groups and its stakeholders.
struct EIResult {
    std::size_t internal = 0;
    std::size_t external = 0;
    /// (E − I)/(E + I) of the whole network; NaN without ties.
    double ei_index = 0.0;
    /// The index expected from the group sizes alone (UCINET's "expected"): (E* − I*)/(E* + I*)
    /// with I* = Σ n_g (n_g − 1) the ordered within-group pairs and E* = N (N − 1) − I*.
    double expected = 0.0;
    /// Permutation test: share of random relabellings (group sizes kept) whose index is ≥ the
    /// observed one, and ≤ it. NaN when no permutation ran.
    double p_greater = 0.0;
    double p_less = 0.0;
    std::size_t permutations = 0;
    std::vector<GroupEI> groups;               ///< in category order
    std::vector<StakeholderEI> stakeholders;   ///< in slot order
};

/// The E-I index (Krackhardt & Stern, "Informal networks and organizational crises",
/// Social Psychology Quarterly 51, 1988): (E − I)/(E + I) over ties, E counting ties between
/// categories of `facet` and I ties within one; each tie of a followed kind counts once
/// (a collaboration tie once, a directed tie once). For the whole network, each group
/// (E = ties with one end in it) and each stakeholder. With a permutation test of the whole
/// index (group labels shuffled, seeded).
/// Cost: O(V + E) + O(permutations · (V + E)), permutations split across threads.
/// Throws: invalid_value for a bad facet name.
[[nodiscard]] EIResult ei_index(const Network& net, std::string_view facet,
                                const EIOptions& options = {});

// ---------------------------------------------------------------------------------------------
// Brokerage

/// Gould & Fernandez's five brokerage roles and their total, for one broker b on two-paths
/// a → b → c (one value per role).
struct BrokerageRoles {
    double coordinator = 0.0;     ///< w_I: a, b, c in one group
    double itinerant = 0.0;       ///< w_O (consultant): a and c in one group, b outside
    double representative = 0.0;  ///< b_IO: a and b in one group, c outside
    double gatekeeper = 0.0;      ///< b_OI: b and c in one group, a outside
    double liaison = 0.0;         ///< b_O: three different groups
    double total = 0.0;           ///< t: the sum of the five
};

/// One stakeholder's brokerage: raw counts, their expectation under random group assignment,
/// and z-scores (raw − expected)/sd, as `sna::brokerage` returns them ($raw.nli, $exp.nli,
/// $z.nli). A z-score is NaN or ±inf where the standard deviation is 0, as in R.
struct Brokerage {
    StakeholderId who;
    BrokerageRoles raw;
    BrokerageRoles expected;
    BrokerageRoles z;
};

/// Options of `brokerage`.
struct BrokerageOptions {
    /// The ties that make the directed graph (default: every kind along its direction; a
    /// collaboration tie is an arc both ways).
    TieFilter filter{};
    /// Worker threads; 0 = the hardware's. The result is identical at any thread count (each
    /// broker's counts are its own).
    unsigned threads = 0;
};

/// Gould-Fernandez brokerage roles for every stakeholder (slot order).
struct BrokerageResult {
    std::vector<std::string> categories;
    std::vector<Brokerage> stakeholders;
    /// The density d = arcs / (N (N − 1)) used by the expectations.
    double density = 0.0;
};

/// Brokerage roles (Gould & Fernandez, "Structures of mediation", Sociological Methodology 19,
/// 1989) exactly as R's `sna::brokerage(m, cl)` computes them on the 0/1 sociomatrix m of the
/// followed ties: for every ordered two-path a → b → c with a ≠ c and no arc a → c, broker b
/// gets one count in the role that the categories of a, b, c (facet `facet`) give. Expected
/// values and variances are sna's, under random assignment with density d.
/// Cost: O(V + E + Σ_b Σ_{a→b} min(d_out(a), d_out(b) log d_out(a))), split across threads.
/// Throws: invalid_value for a bad facet name.
[[nodiscard]] BrokerageResult brokerage(const Network& net, std::string_view facet,
                                        const BrokerageOptions& options = {});

// ---------------------------------------------------------------------------------------------
// Structural holes

/// Options of `structural_holes`.
struct HolesOptions {
    /// The ties whose ends are alters (default: every kind along its direction).
    TieFilter filter{};
    /// Use tie weights as the strengths a_uv (default: every tie 1, NetworkX's weight=None).
    /// Where two followed ties join u → w (two kinds), a_uw is the larger weight.
    bool weighted = false;
    /// Measure on the undirected graph (NetworkX's `nx.Graph(D)`): a_uw = a_wu = the larger
    /// of the two directions. Default: the directed graph, as `networkx.constraint(D)`.
    bool undirected = false;
};

/// Burt's measures for one stakeholder; NaN where NetworkX leaves them undefined.
struct StructuralHoles {
    StakeholderId who;
    double effective_size = 0.0;  ///< Burt's effective size
    double efficiency = 0.0;      ///< effective size / number of alters
    double constraint = 0.0;      ///< Burt's aggregate constraint
};

/// Effective size, efficiency and constraint (Burt, *Structural Holes*, 1992), exactly as
/// `networkx.effective_size(G, weight=…)` and `networkx.constraint(G, weight=…)` compute them:
/// alters are all neighbours (in or out), p_uv = (a_uv + a_vu) / Σ_w (a_uw + a_wu) (mutual
/// weights), constraint = Σ_v (p_uv + Σ_w p_uw p_wv)², effective size = Σ_v (1 − Σ_w p_uw
/// m_vw) with m_vw = (a_vw + a_wv) / max_x (a_vx + a_xv). As in NetworkX, a stakeholder with no
/// followed tie *out of it* gets NaN (on the undirected graph: no tie at all).
/// Cost: O(Σ_u d(u)²) time, O(V + E) memory. Throws nothing beyond allocation.
[[nodiscard]] std::vector<StructuralHoles> structural_holes(const Network& net,
                                                            const HolesOptions& options = {});

// ---------------------------------------------------------------------------------------------
// Betweenness and boundary spanners

/// Options of `betweenness` and `boundary_spanners`.
struct BetweennessOptions {
    /// The ties paths follow (default: every kind along its direction).
    TieFilter filter{};
    /// Count each unordered pair once on the undirected graph (NetworkX on `nx.Graph(D)`:
    /// the directed sums halved).
    bool undirected = false;
    /// Divide by the number of pairs: (V − 1)(V − 2) directed, (V − 1)(V − 2)/2 undirected
    /// (`normalized=True` in NetworkX); with `endpoints`, V(V − 1) and V(V − 1)/2.
    bool normalized = false;
    /// Count the ends of each path too (NetworkX's `endpoints=True`): s gains one per stakeholder
    /// it reaches and every t reached gains one. `boundary_spanners` ignores it.
    bool endpoints = false;
    /// Shortest paths by the sum of tie values read as distances (NetworkX's `weight=`; a pair
    /// tied by several relations keeps the largest value): Dijkstra's algorithm in each pass.
    /// Values must be positive (a zero-length tie makes the number of shortest paths ill-defined).
    /// `boundary_spanners` ignores it.
    bool weighted = false;
    /// Brandes from this many sources drawn at random (seeded), scaled by V / k as NetworkX's
    /// `k` does; empty = every source (exact).
    std::optional<std::size_t> samples{};
    std::uint64_t seed = 1;
    /// Worker threads; 0 = the hardware's. The result is identical for a seed at any thread
    /// count: the sources are summed in 8 fixed lanes, added in lane order.
    unsigned threads = 0;
    /// Reports the sources done (optional).
    Progress progress{};
};

/// A stakeholder's betweenness.
struct Betweenness {
    StakeholderId who;
    double value = 0.0;
};

/// Shortest-path betweenness, Σ_{s≠v≠t} σ_st(v)/σ_st (Freeman 1977), by Brandes' algorithm
/// ("A faster algorithm for betweenness centrality", J. Math. Sociol. 25, 2001) on the CSR
/// snapshot of the followed ties (a pair tied by two kinds is one arc), unweighted; matches
/// `networkx.betweenness_centrality(G, normalized=…, k=None)` and igraph's `betweenness()`.
/// Sources are split across threads into a fixed number of accumulators summed in a fixed
/// order, so the result is identical whatever the thread count.
/// With `weighted`, Brandes' passes run Dijkstra's algorithm over the tie values as distances
/// (`networkx.betweenness_centrality(G, weight="weight")`); `endpoints` as NetworkX's.
/// Cost: O(k (V + E)) for k sources (V when exact), weighted O(k (V + E) log V); O(V) memory
/// per accumulator (8 at most).
/// Throws: invalid_value if `samples` is 0 or above the number of stakeholders, or, weighted,
/// if a followed tie's value is not positive (not a distance a path count can use).
[[nodiscard]] std::vector<Betweenness> betweenness(const Network& net,
                                                   const BetweennessOptions& options = {});

/// A stakeholder tied into two or more categories, with the paths between categories it lies on.
struct Spanner {
    StakeholderId who;
    /// Distinct categories among its neighbours (ties either way).
    std::size_t categories = 0;
    /// Betweenness as `betweenness` computes it (raw, scaled when sampled).
    double betweenness = 0.0;
    /// Group-restricted betweenness: Σ σ_st(v)/σ_st over pairs s, t of different categories.
    double cross_group_betweenness = 0.0;
    /// cross_group_betweenness / the number of ordered pairs (s, t) of different categories
    /// with a path from s to t: the share of shortest paths between categories through it.
    double cross_group_share = 0.0;
    /// Its brokerage roles (raw counts, as `brokerage`).
    BrokerageRoles brokerage;
};

/// Boundary spanners: the stakeholders whose neighbours fall into two or more categories of
/// `facet`, ranked by `cross_group_share` (then betweenness, then slot). One Brandes pass gives
/// both betweenness and the group-restricted betweenness (Everett & Borgatti's group
/// betweenness restricted to pairs in different groups); `options.normalized` is ignored.
/// Cost: as `betweenness` plus `brokerage`. Throws: as `betweenness`; invalid_value for a bad
/// facet name.
[[nodiscard]] std::vector<Spanner> boundary_spanners(const Network& net, std::string_view facet,
                                                     const BetweennessOptions& options = {});

// ---------------------------------------------------------------------------------------------
// Levels and assortativity

/// Ties of one kind between levels: ties[from][to] indexed by `Level` (local, state, national).
struct LevelCrossing {
    TieKind kind = TieKind::collaboration;
    std::array<std::array<std::size_t, 3>, 3> ties{};
    /// Ties with an end of unknown level (not in `ties`).
    std::size_t unknown = 0;
};

/// Ties local ↔ state ↔ national counted in each direction, per followed kind (in kind order),
/// so that "two-way learning" shows whether state → local and local → state balance. A directed
/// tie counts once from its source's level to its target's; a collaboration tie (mutual) counts
/// once in each direction. The filter's direction is ignored. Cost: O(V + E). Throws nothing.
[[nodiscard]] std::vector<LevelCrossing> level_crossing(const Network& net,
                                                        const TieFilter& filter = {});
/// The ties of every kind of `levels` together (its `kind` is meaningless). Cost: O(kinds).
[[nodiscard]] LevelCrossing total_crossing(const std::vector<LevelCrossing>& levels);

/// Newman's assortativity coefficient for a categorical facet ("Mixing patterns in networks",
/// Phys. Rev. E 67, 2003): r = (Σ_i e_ii − Σ_i a_i b_i) / (1 − Σ_i a_i b_i) over the mixing
/// matrix e of the followed arcs (a pair tied by two kinds is one arc; a collaboration tie an
/// arc each way), as `networkx.attribute_assortativity_coefficient(G, facet)` on the DiGraph of
/// those arcs. NaN without ties or when every tie stays in one category (0/0).
/// Cost: O(V + E). Throws: invalid_value for a bad facet name.
[[nodiscard]] double attribute_assortativity(const Network& net, std::string_view facet,
                                             const TieFilter& filter = {});

/// Newman's assortativity coefficient for a numeric attribute ("Mixing patterns in networks",
/// 2003, eq. 21): the Pearson correlation of the attribute's value at the two ends of each
/// followed arc, r = (E[xy] − E[x]E[y]) / (σ_x σ_y) with the population moments over the arcs
/// (x the arc's source value, y its target's), as
/// `networkx.numeric_assortativity_coefficient(G, attribute)` on the DiGraph of those arcs (the
/// arcs as `attribute_assortativity` reads them: a pair tied by two relations is one arc, a
/// mutual relation's tie an arc each way — an undirected graph's edges both ways). The values
/// are the attribute's text read as decimal numbers (`1.5`, `-2`, `3e2`); an arc with an end
/// whose value is absent or empty is left out (NetworkX would raise a KeyError). NaN without
/// arcs or when the values at either end do not vary (0/0). Cost: O(V + E).
/// Throws: invalid_value if `attribute` is not an attribute name of `net` (a built-in facet is
/// categorical: use `attribute_assortativity`), or a value is not a finite number (naming the
/// stakeholder and the value).
[[nodiscard]] double numeric_assortativity(const Network& net, std::string_view attribute,
                                           const TieFilter& filter = {});

// ---------------------------------------------------------------------------------------------
// The whole report

/// Options of `boundaries`.
struct BoundaryOptions {
    /// The facet whose categories are the boundaries (default "sector").
    std::string facet = "sector";
    /// The ties followed (kinds and direction) by every part of the report.
    TieFilter filter{};
    /// Structural holes with tie weights (the other measures are unweighted or report both).
    bool weighted = false;
    /// E-I permutation test.
    std::size_t permutations = 1000;
    /// The spanners' betweenness from this many random sources (scaled by V / k). Empty:
    /// automatic — exact (every source) while V · E ≤ `exact_budget`, else
    /// max(100, exact_budget / E) random sources, so that the report of a 100k- or
    /// 1M-stakeholder landscape takes seconds, not hours (exact Brandes is O(V · E)).
    /// `BoundaryReport::betweenness_sources` says how many were used.
    std::optional<std::size_t> samples{};
    /// Every source, whatever the size (exact Brandes; may take hours at 100k stakeholders).
    bool exact = false;
    /// The V · E (stakeholders × followed arcs) up to which the automatic choice is exact.
    double exact_budget = 2e9;
    /// Seed of the permutations and of the sampled sources.
    std::uint64_t seed = 1;
    /// Worker threads; 0 = the hardware's. The report is identical for a seed at any thread
    /// count (as each part's).
    unsigned threads = 0;
    /// Reports the E-I permutations done, then the spanners' betweenness sources done
    /// (optional; two runs from 0 to their total).
    Progress progress{};
};

/// Everything `copnet boundaries` reports for one facet.
struct BoundaryReport {
    std::string facet;
    MixingMatrix mixing;
    EIResult ei;
    BrokerageResult brokerage;
    std::vector<StructuralHoles> holes;       ///< directed, as `structural_holes`
    std::vector<Spanner> spanners;
    /// Sources of the spanners' betweenness: every stakeholder when exact, fewer when sampled
    /// (`BoundaryOptions::samples`; the betweenness then estimates, scaled by V / sources).
    std::size_t betweenness_sources = 0;
    std::vector<LevelCrossing> levels;
    double assortativity = 0.0;
};

/// Mixing, E-I index, brokerage, structural holes, spanners, level crossing and assortativity
/// for `options.facet`, each as its own function computes it.
/// Cost: the sum of theirs. Throws: invalid_value for a bad facet name, for a facet with fewer
/// than two categories among the stakeholders (no boundary to cross), or as the parts do.
[[nodiscard]] BoundaryReport boundaries(const Network& net, const BoundaryOptions& options = {});

} // namespace copnet
