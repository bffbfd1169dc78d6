#pragma once
/// \file
/// Circles: how the ties of a community compare with its declared circles (core group, inner
/// circle, outer circle). Coreness (k-cores and s-cores), Borgatti & Everett's core/periphery
/// models and the fit of the declared circles, density and reciprocity by circle, suggested
/// moves between circles, and membership trajectories between two snapshots.

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "copnet/community.hpp"
#include "copnet/network.hpp"
#include "copnet/progress.hpp"
#include "copnet/tie.hpp"

namespace copnet {

// ---- coreness -------------------------------------------------------------------------------

/// Options for `coreness`.
struct CorenessOptions {
    /// The ties counted; they are read as undirected (direction is ignored: u and v are
    /// neighbours if a followed tie joins them either way), parallel ties and self-ties collapse.
    TieFilter filter{};
    /// Weighted coreness (s-cores): a stakeholder's strength is the sum of the weights of its
    /// ties (parallel ties between a pair collapse to the largest weight). Default: k-cores.
    bool weighted = false;
};

/// One stakeholder's core number.
struct Coreness {
    StakeholderId who;
    std::uint32_t k = 0;  ///< the largest k such that `who` lies in the k-core
    /// With `weighted`: the largest s such that `who` lies in the s-core; otherwise equal to k.
    double s = 0.0;
};

/// The core number of every live stakeholder (slot order): the k-core is the largest subgraph
/// in which every stakeholder has at least k neighbours (Seidman 1983); a stakeholder's core
/// number is the largest k whose k-core holds it. Computed with the bucket algorithm of
/// Batagelj & Zaversnik (2003), "An O(m) Algorithm for Cores Decomposition of Networks", on the
/// CSR snapshot of the filtered ties; agrees with networkx.core_number on the undirected graph.
/// With `weighted`, s-cores (Eidsaa & Almaas 2013): the s-core is the largest subgraph in which
/// every strength (sum of tie weights inside it) is at least s; computed by the generalised
/// peeling of Batagelj & Zaversnik (2002, "Generalized cores") with a binary heap.
/// Cost: O(V + E) time and memory (parallel ties collapse with a stamp per stakeholder);
/// weighted: O((V + E) log E). Throws nothing beyond allocation.
[[nodiscard]] std::vector<Coreness> coreness(const Network& net, CorenessOptions options = {});

// ---- core/periphery (Borgatti & Everett 2000) ----------------------------------------------

/// How the discrete model treats ties between the core and the periphery.
enum class BetweenBlock : std::uint8_t {
    /// Ignored (missing in the pattern): the ideal is a complete core and an empty periphery,
    /// whatever joins them (Borgatti & Everett 2000, §3.1 "no core–periphery block"; the
    /// criterion of Lip 2011 and Brusco 2011). The default.
    ignored,
    /// Every core–periphery pair should be tied (the ideal δ_ij = 1 if i or j is in the core).
    tied,
};
/// "ignored" or "tied". Cost: O(1).
[[nodiscard]] std::string_view to_string(BetweenBlock between) noexcept;
/// Parses "ignored" or "tied" (case-insensitive). Throws: invalid_value naming the text.
[[nodiscard]] BetweenBlock parse_between_block(std::string_view text);

/// Options for `core_periphery` and `circle_fit`.
struct CorePeripheryOptions {
    /// The ties counted, read as undirected (a pair is tied if a followed tie joins it either
    /// way; parallel ties collapse).
    TieFilter filter{};
    /// Observed a_ij = the pair's largest tie weight instead of 1 (valued data).
    bool weighted = false;
    /// The ideal pattern between core and periphery (discrete model).
    BetweenBlock between = BetweenBlock::ignored;
    /// Local search: stop after this many passes over the stakeholders even if a pass still
    /// moved someone (it stops earlier as soon as a pass moves nobody). Must be ≥ 1.
    std::size_t max_passes = 100;
    /// Iterated local search: this many restarts from the best partition so far with a seeded
    /// random kick (1 to min(V/8, 16) stakeholders moved), each followed by the local search; a restart
    /// is kept only if it raises the fit. 0 = local search only.
    std::size_t restarts = 20;
    /// Seed of the kicks: same seed, same partition.
    std::uint64_t seed = 1;
    /// Reports restarts done (optional).
    Progress progress{};
    /// Continuous model: stop when no score changes by more than this (scores scaled to max 1)
    /// in a sweep, or after `max_sweeps` sweeps. Must be > 0.
    double tolerance = 1e-10;
    /// Continuous model: at most this many coordinate-descent sweeps. Must be ≥ 1.
    std::size_t max_sweeps = 1000;
};

/// One stakeholder's place in the core/periphery structure.
struct CorePeripheryScore {
    StakeholderId who;
    double score = 0.0;   ///< continuous coreness c_i, scaled so that the largest is 1
    bool core = false;    ///< in the discrete core
};

/// The core/periphery structure of the stakeholders considered.
struct CorePeriphery {
    /// One row per stakeholder considered, in slot order.
    std::vector<CorePeripheryScore> scores;
    /// Continuous model: Pearson correlation of a_ij with c_i c_j over all pairs i ≠ j (NaN if
    /// either has no variance).
    double continuous_fit = 0.0;
    /// Discrete model: the correlation of the partition found with the ideal pattern.
    double discrete_fit = 0.0;
    std::size_t core_size = 0;     ///< stakeholders in the discrete core
    std::size_t passes = 0;        ///< local-search passes made (all starts and restarts)
    std::size_t sweeps = 0;        ///< continuous-model sweeps made
};

/// Borgatti & Everett (2000), "Models of core/periphery structures", Social Networks 21:375–395,
/// on the undirected graph of the followed ties among all live stakeholders.
///
/// Continuous model: the scores c minimise Σ_{i≠j} (a_ij − c_i c_j)² (the minimum-residual fit
/// UCINET uses), found by exact coordinate descent (each c_i set to Σ_j a_ij c_j / Σ_{j≠i} c_j²
/// in turn); the fit is corr(a_ij, c_i c_j) over pairs i ≠ j. Discrete model: the partition into
/// core and periphery maximising the correlation of a_ij with the ideal pattern δ_ij (1 inside
/// the core, 0 inside the periphery, between per `between`); a perfect core/periphery graph
/// has fit 1. The exact optimum is NP-hard, so: two starts, the best prefix of the stakeholders
/// ordered by continuous score and by strength (every prefix scanned); each improved by a local
/// search moving one stakeholder at a time whenever that raises the fit, which stops when a
/// full pass moves nobody (a local optimum: no single move improves) or after `max_passes`;
/// then `restarts` rounds of iterated local search (seeded kicks). Each candidate move is
/// evaluated in O(1) from block sums and made in O(deg).
/// Cost: O(sweeps·(V + E) + V log V + passes·(V + E)) time (passes summed over starts and
/// restarts), O(V + E) memory.
/// Throws: invalid_value for max_passes or max_sweeps 0, or a tolerance that is not > 0.
[[nodiscard]] CorePeriphery core_periphery(const Network& net,
                                           const CorePeripheryOptions& options = {});

/// As `core_periphery(net, options)`, among the members of `community` only (core, inner and
/// outer; ties to non-members ignored). Throws: as above.
[[nodiscard]] CorePeriphery core_periphery(const Network& net, const Community& community,
                                           const CorePeripheryOptions& options = {});

/// How well the declared circles match Borgatti & Everett's ideal discrete pattern, among the
/// members of the community (ties to non-members ignored).
struct CircleFit {
    /// Correlation with the ideal pattern taking core + inner as the core, outer as the
    /// periphery (NaN if undefined: no ties, or an empty side).
    double core_inner_vs_outer = 0.0;
    /// The same with the core group as the core and inner + outer as the periphery.
    double core_vs_rest = 0.0;
    /// The fit of the partition `core_periphery` finds among the members: the yardstick.
    double best = 0.0;
    std::size_t members = 0;  ///< members considered
};

/// The fit of the declared circles (Borgatti & Everett 2000 discrete model, as
/// `core_periphery`), and the best fit the local search finds among the same members.
/// Cost: as `core_periphery` on the members' subgraph. Throws: as `core_periphery`.
[[nodiscard]] CircleFit circle_fit(const Network& net, const Community& community,
                                   const CorePeripheryOptions& options = {});

/// The correlation of the observed pairs with the ideal discrete pattern for a given core:
/// `core[v]` for each stakeholder slot (entries for removed slots ignored; slots past the end
/// are periphery). Members only when `community` is given. Cost: O(V + E).
/// Throws: as `core_periphery`.
[[nodiscard]] double core_periphery_fit(const Network& net, const std::vector<bool>& core,
                                        const CorePeripheryOptions& options = {},
                                        const Community* community = nullptr);

// ---- density and interaction by circle -----------------------------------------------------

/// Options for `circle_density`.
struct CircleDensityOptions {
    /// The ties counted, along their direction (`filter.direction` is ignored: a tie u → v
    /// counts for the ordered pair (u, v); a collaboration tie for both orders).
    TieFilter filter{};
};

/// Ties from one circle to another (or within one, when `from == to`).
struct CircleBlock {
    Circle from = Circle::core;
    Circle to = Circle::core;
    std::size_t pairs = 0;     ///< ordered pairs (u, v), u ≠ v, u in `from`, v in `to`
    std::size_t tied = 0;      ///< of those, pairs with a followed tie u → v
    double density = 0.0;      ///< tied / pairs (0 when there are no pairs)
    double mean_weight = 0.0;  ///< mean weight of the tied pairs (largest weight per pair; 0 if none)
};

/// Reciprocity of the directed ties (authority, influence) within one circle.
struct CircleReciprocity {
    Circle circle = Circle::core;
    std::size_t directed = 0;    ///< ordered pairs tied by a directed kind the filter follows
    std::size_t reciprocated = 0;///< of those, pairs whose reverse is tied too
    double reciprocity = 0.0;    ///< reciprocated / directed (NaN when there are none)
};

/// Density, interaction strength and reciprocity by circle.
struct CircleDensity {
    /// 16 blocks, from × to over core, inner, outer, none, row-major (index 4·from + to).
    std::vector<CircleBlock> blocks;
    /// One row per circle: core, inner, outer, none.
    std::vector<CircleReciprocity> reciprocity;
};

/// The density and mean tie weight within and between circles, and the reciprocity of
/// directed ties within each circle. Density as `networkx.density` of the directed graph of the
/// followed ties (collaboration both ways) restricted to a circle, or between two circles
/// tied / (|X|·|Y|); reciprocity as `networkx.overall_reciprocity` of the digraph of the followed
/// authority and influence ties within the circle (collaboration is mutual by definition and
/// left out). Cost: O(V + E log d). Throws nothing beyond allocation.
[[nodiscard]] CircleDensity circle_density(const Network& net, const Community& community,
                                           const CircleDensityOptions& options = {});

// ---- suggested moves -----------------------------------------------------------------------

/// Options for `suggest_moves`; the thresholds have the documented defaults.
struct SuggestOptions {
    /// The ties counted, read as undirected (as for coreness).
    TieFilter filter{};
    /// Use s-cores and weighted core/periphery scores.
    bool weighted = false;
    /// Core or inner members with fewer than this many distinct member neighbours are at risk.
    std::size_t at_risk_below = 2;
    /// Non-members with at least this many distinct member neighbours are worth inviting…
    std::size_t invite_min_ties = 2;
    /// …provided at least this share of their neighbours are members (in [0,1]).
    double invite_min_share = 0.5;
};

/// What a suggestion is about.
enum class SuggestionKind : std::uint8_t {
    move_inward,  ///< an outer member whose ties look like the inner circle's
    at_risk,      ///< a core or inner member with few ties to the rest of the community
    invite,       ///< a non-member embedded in the community
};

/// Spelling of a suggestion kind: "move_inward", "at_risk", "invite". Cost: O(1).
[[nodiscard]] std::string_view to_string(SuggestionKind kind) noexcept;

/// A suggested move, with its reason in words.
struct Suggestion {
    StakeholderId who;
    SuggestionKind kind = SuggestionKind::move_inward;
    Circle from = Circle::outer;
    Circle to = Circle::inner;
    std::string why;
};

/// Suggested moves between circles, with reasons:
/// - `move_inward` (outer → inner): outer members whose coreness is at or above the median
///   coreness of the inner circle, or whose continuous core/periphery score (among members) is
///   at or above the inner circle's median score;
/// - `at_risk` (core → inner, inner → outer): core or inner members with fewer than
///   `at_risk_below` distinct neighbours among the other members;
/// - `invite` (none → outer): non-members with at least `invite_min_ties` member neighbours,
///   making at least `invite_min_share` of their neighbours.
/// No inward moves are suggested when the inner circle is empty. Ordered: move_inward, at_risk,
/// invite, each in slot order. Cost: O(V + E) plus `core_periphery` on the members.
/// Throws: invalid_value for `invite_min_share` outside [0,1].
[[nodiscard]] std::vector<Suggestion> suggest_moves(const Network& net, const Community& community,
                                                    const SuggestOptions& options = {});

// ---- trajectories ---------------------------------------------------------------------------

/// How a stakeholder's membership changed between two snapshots.
enum class Movement : std::uint8_t {
    joined,         ///< none → a circle
    moved_inward,   ///< to a circle nearer the core
    moved_outward,  ///< to a circle further out (still a member)
    left,           ///< a circle → none
    stayed,         ///< the same circle (members only)
};

/// Spelling of a movement: "joined", "moved_inward", "moved_outward", "left", "stayed". O(1).
[[nodiscard]] std::string_view to_string(Movement movement) noexcept;

/// One stakeholder's movement.
struct Trajectory {
    StakeholderId who;
    Circle before = Circle::none;
    Circle after = Circle::none;
    Movement movement = Movement::stayed;
};

/// Movement counts of one facet category.
struct CategoryMovement {
    std::string category;                ///< "" = no value
    std::array<std::size_t, 5> counts{}; ///< by `Movement`, in its order
};

/// Membership trajectories between two snapshots of one community.
struct Trajectories {
    /// Stakeholders who were a member in either snapshot, slot order.
    std::vector<Trajectory> members;
    /// transitions[before][after]: stakeholders by circle pair (core, inner, outer, none);
    /// [none][none] counts the landscape outside the community both times.
    std::array<std::array<std::size_t, 4>, 4> transitions{};
    /// Movement counts over all members.
    std::array<std::size_t, 5> counts{};
    /// Movement counts by category of the facet (sorted by category).
    std::vector<CategoryMovement> by_facet;
};

/// Each stakeholder's movement from `before` to `after` (two communities of the same network,
/// e.g. the `circle` column and a snapshot read with `read_membership`), the transition matrix
/// by circle pair, and the movement counts by category of `facet` ("" for none): does the
/// periphery move towards the core (legitimate peripheral participation, Lave & Wenger 1991),
/// and do some sectors only ever stay at the edge? Cost: O(V log C) for C categories.
/// Throws: invalid_value if the communities belong to another network, or for facet "circle".
[[nodiscard]] Trajectories trajectories(const Network& net, const Community& before,
                                        const Community& after, const std::string& facet = "");

// ---------------------------------------------------------------------------------------------
// Everything `copnet circles` reports

/// Options of `circles_report`: those of its parts, in one place.
struct CirclesReportOptions {
    /// The ties followed by every part (as undirected ties for coreness and core/periphery).
    TieFilter filter{};
    /// Weighted coreness and weighted core/periphery and suggestions.
    bool weighted = false;
    /// Core/periphery: how ties between core and periphery count.
    BetweenBlock between = BetweenBlock::ignored;
    /// Core/periphery: restarts of the iterated local search, and their seed.
    std::size_t restarts = 20;
    std::uint64_t seed = 1;
    /// Reports the core/periphery restarts done (optional).
    Progress progress{};
    /// Suggested moves: as `SuggestOptions`.
    std::size_t at_risk_below = 2;
    std::size_t invite_min_ties = 2;
    double invite_min_share = 0.5;
    /// Trajectories: counted by this facet too ("" for none).
    std::string facet = "sector";
};

/// Do the ties match the declared circles? Coreness, the best core/periphery partition, the
/// fit of the circles, density by circle, suggested moves, and with `before` the trajectories.
struct CirclesReport {
    std::vector<Coreness> coreness;
    /// Whether `coreness` is weighted (then each row's `s` is reported).
    bool weighted = false;
    CorePeriphery core_periphery;
    /// True when `core_periphery` ran among the members (the community has members), false
    /// when on the whole landscape.
    bool among_members = false;
    CircleFit fit;
    CircleDensity density;
    std::vector<Suggestion> suggestions;
    /// With a `before` community: who joined, moved and left since.
    std::optional<Trajectories> trajectories;
};

/// Everything `copnet circles` reports for `community` (and since `before`, when not null): each
/// part as its own function computes it (`coreness`, `core_periphery`, `circle_fit`,
/// `circle_density`, `suggest_moves`, `trajectories`). Cost: the sum of theirs.
/// Throws: as those functions; invalid_value for an unknown `facet` (with or without `before`).
[[nodiscard]] CirclesReport circles_report(const Network& net, const Community& community,
                                           const Community* before = nullptr,
                                           const CirclesReportOptions& options = {});

} // namespace copnet
