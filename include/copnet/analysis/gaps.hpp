#pragma once
/// \file
/// Who isn't here? Representation of each facet's categories by circle against the landscape
/// and an expected taxonomy; ranked invitation candidates; fragility (articulation points,
/// bridges, leader departure, dependence on one stakeholder); the gaps report that puts them
/// together. Definitions with references: docs/concepts.md, "Gaps".

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "copnet/community.hpp"
#include "copnet/network.hpp"
#include "copnet/progress.hpp"
#include "copnet/stakeholder.hpp"
#include "copnet/tie.hpp"

namespace copnet {

// ---------------------------------------------------------------------------------------------
// Taxonomies

/// One category a community is expected to have, with the other spellings that mean it.
struct TaxonomyCategory {
    std::string name;                  ///< the canonical spelling, as reported
    std::vector<std::string> aliases;  ///< other spellings matched to it
};

/// The expected categories of one facet, in the order they are reported.
struct TaxonomyFacet {
    std::string facet;  ///< a facet name (see `Facet`): "sector", "level", an attribute…
    std::vector<TaxonomyCategory> categories;
};

/// The categories a community is expected to have, whether or not the landscape has them yet.
///
/// Matching is explicit: a stakeholder's category text matches a taxonomy category when it
/// equals its name or one of its aliases as `category_key` compares them (case, white space and
/// Unicode normal form aside; no fuzzy match).
/// Facet names match as `Facet` resolves them (built-ins case-insensitively).
struct Taxonomy {
    std::vector<TaxonomyFacet> facets{};

    /// The entry of `facet`, or nullptr. Cost: O(facets).
    [[nodiscard]] const TaxonomyFacet* find(std::string_view facet) const noexcept;
    /// The canonical name of the category `text` matches under `facet`, or empty if none.
    /// Cost: O(total length of that facet's names and aliases). Throws nothing beyond
    /// allocation.
    [[nodiscard]] std::optional<std::string_view> match(std::string_view facet,
                                                        std::string_view text) const;
};

/// The built-in preset from the IDEA Partnership's "Leading by Convening": sectors (state
/// agencies and councils; local schools and agency services; state professional organizations;
/// state non-profit organizations; colleges and universities; families; youth), perspectives
/// (decisionmaker, practitioner, consumer) and levels (local, state, national). A few aliases
/// are included (e.g. "family" for families, "higher education" for colleges and
/// universities). Cost: O(1).
[[nodiscard]] Taxonomy framework_taxonomy();

/// `parse_taxonomy` and `read_taxonomy` (a taxonomy CSV file): `copnet/io/taxonomy.hpp`.

// ---------------------------------------------------------------------------------------------
// Representation

/// How many stakeholders of a category a group holds, and what share of the group they are.
struct CategoryCount {
    std::size_t count = 0;
    double share = 0.0;  ///< count / group size (0 for an empty group)
    /// share / the category's share in the landscape: 1 = as in the landscape, below 1 =
    /// under-represented. 0 when the category is absent from the landscape.
    double ratio = 0.0;
};

/// One category of one facet, counted in the landscape and in each circle.
/// How a category stands in the core and inner circles (`RepresentationRow::status`).
enum class RepresentationStatus : std::uint8_t {
    ok,                 ///< present at no less than the threshold share
    missing,            ///< absent from core and inner (listed in `Representation::missing`)
    under_represented,  ///< below the threshold share (listed in `under_represented`)
    unknown,            ///< the row of stakeholders with no value for the facet
};
/// "ok", "missing", "under_represented", "unknown". Cost: O(1).
[[nodiscard]] std::string_view to_string(RepresentationStatus status) noexcept;

struct RepresentationRow {
    std::string facet;
    std::string category;     ///< canonical (taxonomy) spelling; "" = no value
    bool expected = false;    ///< named by the taxonomy
    CategoryCount landscape;  ///< the whole network (ratio 1, or 0 when absent)
    CategoryCount core;
    CategoryCount inner;
    CategoryCount outer;
    CategoryCount leading;    ///< core + inner together: the circles that steer the community
    CategoryCount members;    ///< core + inner + outer
    RepresentationStatus status = RepresentationStatus::ok;
};

/// A category absent from the core and inner circles. `landscape` = 0 means that the landscape
/// itself lacks it (only a taxonomy can name such a category: "who isn't even in our
/// landscape?").
struct MissingCategory {
    std::string facet;
    std::string category;
    std::size_t landscape = 0;  ///< stakeholders of the category in the landscape
    std::size_t outer = 0;      ///< of those, in the outer circle
};

/// A category in the core and inner circles at a lower share than in the landscape.
struct UnderRepresented {
    std::string facet;
    std::string category;
    double ratio = 0.0;  ///< its `leading.ratio`, below the threshold
};

/// Options of `representation`.
struct RepresentationOptions {
    /// Facets to count (see `Facet`): built-in names or attribute columns.
    std::vector<std::string> facets{"sector", "perspective", "level"};
    /// The expected categories; `Taxonomy{}` for none.
    Taxonomy taxonomy = framework_taxonomy();
    /// A category present in core + inner with `leading.ratio` below this is under-represented.
    double threshold = 0.5;
};

/// Representation by facet and circle.
struct Representation {
    /// Per facet (in the order asked): the taxonomy's categories in its order, then the
    /// landscape's other categories in order of first appearance (slot order), then "" (no
    /// value) if any stakeholder lacks one.
    std::vector<RepresentationRow> rows;
    /// Expected or present categories (never "") with no stakeholder in core or inner.
    std::vector<MissingCategory> missing;
    /// Categories (never "") with 0 < leading.ratio < threshold.
    std::vector<UnderRepresented> under_represented;
};

/// Counts each facet's categories in the landscape (every stakeholder of `net`) and in the
/// circles of `community`; shares and representation ratios (share in a circle ÷ share in the
/// landscape, the "representation index" of the diversity literature); the categories missing
/// from the core and inner circles; the under-represented ones. One pass over the stakeholders
/// per facet. Cost: O(F · V) expected for F facets (a hash lookup per stakeholder; each
/// distinct spelling is matched against the taxonomy once). Throws: invalid_value for a bad
/// facet name, an attribute facet that is not one of `net.attribute_names()`, or a threshold
/// outside (0, 1].
[[nodiscard]] Representation representation(const Network& net, const Community& community,
                                            const RepresentationOptions& options = {});

// ---------------------------------------------------------------------------------------------
// Invitation candidates

/// A reason a candidate ranks where it does: a stable code for programs, words for people.
/// Codes: `tie_to_core`, `tie_to_inner`, `tie_to_outer`, `adds_missing`,
/// `adds_under_represented`, `skeptic`, `adds_reach`.
struct Reason {
    std::string code;
    std::string text;
};

/// The parts of a candidate's score, each already multiplied by its weight.
struct ScoreParts {
    double ties = 0.0;        ///< Σ over ties to members: circle weight × (tie weight if weighted)
    double categories = 0.0;  ///< categories it would add: missing and under-represented ones
    double stance = 0.0;      ///< the skeptic (or neutral) bonus
    double reach = 0.0;       ///< stakeholders newly within k steps of the community through it
};

/// A non-member worth inviting.
struct Candidate {
    StakeholderId who;
    double score = 0.0;  ///< ties + categories + stance + reach
    ScoreParts parts;
    std::size_t ties_to_members = 0;  ///< followed ties to core, inner or outer members
    std::size_t reach_added = 0;      ///< stakeholders it would newly bring within k steps
    std::vector<Reason> reasons;      ///< one per part that adds to the score
};

/// Options of `candidates`: the weights of the score's parts.
struct CandidateOptions {
    /// Which ties count, in which direction (default: every kind, either way).
    TieFilter filter = TieFilter::all(Direction::both);
    /// Weight per tie to a member of each circle.
    double core_tie = 3.0;
    double inner_tie = 2.0;
    double outer_tie = 1.0;
    /// Multiply each tie's part by its weight in [0,1].
    bool weighted = false;
    /// Per category the candidate would add that is missing from core + inner.
    double missing_category = 2.0;
    /// Per category it would add that is under-represented in core + inner.
    double under_represented_category = 1.0;
    /// For a skeptic ("keep inviting the skeptics"), and for a neutral stakeholder.
    double skeptic = 2.0;
    double neutral = 0.0;
    /// Per stakeholder newly within `hops` steps of the community through the candidate.
    double reach = 0.25;
    /// k of the k-step reach, following `reach_filter` (default: along the tie).
    std::size_t hops = 2;
    TieFilter reach_filter{};
    /// At most this many candidates, best first (0 = all non-members with a positive score).
    std::size_t limit = 10;
    /// What counts as missing or under-represented (facets, taxonomy, threshold).
    RepresentationOptions representation{};
    /// Worker threads for the non-members' reach searches (0 = the hardware's); the result is
    /// identical at any thread count (each candidate's count in its own slot).
    unsigned threads = 0;
    /// Reports the stakeholders scored (done of the stakeholders in the ties' snapshot).
    Progress progress{};
};

/// Non-members of `community` ranked by score = ties + categories + stance + reach (see
/// `ScoreParts` and `CandidateOptions`); ties broken by slot order. "Reach added" is k-step
/// reach as in `reach`: the stakeholders within `hops` steps of the candidate that are not
/// within `hops` steps of any member (the candidate itself not counted). Only candidates with a
/// positive score are listed. Cost: O(V + E) plus one hop-limited search per non-member,
/// O(N · (V_k + E_k)) for N non-members with k-step neighbourhoods of V_k stakeholders (set
/// `reach` = 0 to skip), split across `threads`. Throws: invalid_value for a negative weight or as `representation`.
[[nodiscard]] std::vector<Candidate> candidates(const Network& net, const Community& community,
                                                const CandidateOptions& options = {});

// ---------------------------------------------------------------------------------------------
// Fragility

/// A stakeholder whose departure splits its connected piece: an articulation point (cut
/// vertex) of the undirected graph.
struct ArticulationPoint {
    StakeholderId who;
    /// Connected pieces its departure leaves of the piece it was in (≥ 2).
    std::size_t splits_into = 0;
    /// Their sizes in stakeholders, largest first.
    std::vector<std::size_t> pieces;
};

/// A tie whose loss splits its connected piece (a bridge of the undirected simple graph).
struct Bridge {
    StakeholderId a;  ///< the endpoint with the lower slot
    StakeholderId b;
};

/// What the departure of a set of stakeholders costs the community.
struct Departure {
    std::vector<StakeholderId> who;  ///< the departing stakeholders
    /// Stakeholders within `hops` steps of the members, members included, before and after
    /// (after: from the remaining members, with the departing stakeholders removed).
    std::size_t reach_before = 0;
    std::size_t reach_after = 0;
    /// Stakeholders other than the departing ones reached before but no longer after.
    std::size_t reach_lost = 0;
    /// Connected pieces of the members' undirected graph before and after.
    std::size_t pieces_before = 0;
    std::size_t pieces_after = 0;
};

/// How many of a facet's cross-category ties one stakeholder holds.
struct DependenceRow {
    StakeholderId who;
    std::size_t ties = 0;  ///< cross-category ties with `who` as an endpoint
    double share = 0.0;    ///< ties / all cross-category ties of the facet
};

/// Dependence of a facet's boundary-crossing on single stakeholders.
struct Dependence {
    std::string facet;
    std::size_t cross_ties = 0;  ///< ties between two stakeholders of different known categories
    /// The stakeholders holding the most cross ties, largest share first (at most `top`).
    std::vector<DependenceRow> top;
};

/// Which stakeholders fragility looks at.
enum class FragilityScope : std::uint8_t {
    members,    ///< the graph induced by the community's core, inner and outer circles
    landscape,  ///< the whole network
};

/// Options of `fragility`.
struct FragilityOptions {
    /// Which ties count; every followed tie is an undirected edge (direction is ignored).
    TieFilter filter = TieFilter::all(Direction::both);
    FragilityScope scope = FragilityScope::members;
    /// The departures to evaluate, each a set; empty = each core member alone, in turn.
    std::vector<std::vector<StakeholderId>> departures{};
    /// k of the k-step reach lost on a departure, following `reach_filter`.
    std::size_t hops = 2;
    TieFilter reach_filter{};
    /// Facets whose cross-category ties `dependence` counts (among members).
    std::vector<std::string> dependence_facets{"sector", "level"};
    /// Rows of `Dependence::top`.
    std::size_t top = 5;
    /// Reports the departures evaluated (done of their number).
    Progress progress{};
};

/// Fragile points of a community.
struct Fragility {
    /// Articulation points, by slot order.
    std::vector<ArticulationPoint> articulation_points;
    /// Bridges, by (a, b) slot order.
    std::vector<Bridge> bridges;
    /// One row per departure evaluated, in order.
    std::vector<Departure> departures;
    /// One row per dependence facet, in order.
    std::vector<Dependence> dependence;
};

/// Articulation points and bridges of the undirected graph over `scope` (Hopcroft & Tarjan
/// 1973, as Boost's `biconnected_components` and NetworkX's `articulation_points` /
/// `bridges`), with the sizes of the pieces each articulation point's departure leaves (from
/// the depth-first-search subtree sizes, in the same pass); leader departure (k-step reach and
/// connected pieces before and after); dependence. Iterative depth-first search on a compact
/// snapshot: no recursion, so a million stakeholders cannot overflow the stack.
/// A departure's reach is updated, not searched again: only stakeholders within `hops` steps
/// after a departing one can lose reach, so each gets a new distance from its in-neighbours
/// outside that ball; a single member's pieces come from the members' cut structure.
/// Cost: O(V + E) for articulation points, bridges and the reach before; per departure the
/// ties into and out of the stakeholders within `hops` steps of it (a set of several: plus one
/// search of the members' graph); O(F · (V + E)) for F dependence facets.
/// Throws: unknown_stakeholder for a departing stakeholder not in `net`; invalid_value for a
/// bad dependence facet.
[[nodiscard]] Fragility fragility(const Network& net, const Community& community,
                                  const FragilityOptions& options = {});

/// Articulation points of the whole network's undirected graph over `filter` (without piece
/// sizes), in slot order. Cost: O(V + E).
[[nodiscard]] std::vector<StakeholderId> articulation_points(const Network& net,
                                                             TieFilter filter = TieFilter::all(Direction::both));

/// Bridges of the whole network's undirected simple graph over `filter`. Cost: O(V + E).
[[nodiscard]] std::vector<Bridge> bridges(const Network& net,
                                          TieFilter filter = TieFilter::all(Direction::both));

// ---------------------------------------------------------------------------------------------
// The gaps report

/// Options of `gaps`.
struct GapsOptions {
    RepresentationOptions representation{};
    /// Its `representation` member is replaced by the one above.
    CandidateOptions candidates{};
    FragilityOptions fragility{};
    /// Reports the whole analysis as one count: the candidates' stakeholders scored, then the
    /// departures evaluated (it replaces the parts' own `progress`).
    Progress progress{};
};

/// Who isn't here, who to invite, what would break: parts 1–4 for one community.
struct GapsReport {
    Representation representation;
    std::vector<Candidate> candidates;
    Fragility fragility;
};

/// Representation, invitation candidates and fragility of `community`, with the same
/// representation options throughout. Cost: the sum of the three. Throws: as they do.
[[nodiscard]] GapsReport gaps(const Network& net, const Community& community,
                              const GapsOptions& options = {});

} // namespace copnet
