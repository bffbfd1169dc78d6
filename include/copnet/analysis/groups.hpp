#pragma once
/// \file
/// Detected groups beside declared ones: community detection by modularity (Louvain, Leiden)
/// and the agreement of the detected groups with the groups a landscape declares — a facet's
/// categories, the circles of a community, or the communities themselves. "Do our sectors, or
/// our circles, match how people actually work together?"
///
/// ```cpp
/// const auto found = copnet::detect_groups(net, {.method = copnet::GroupMethod::leiden, .seed = 7});
/// const auto agree = copnet::group_agreement(net, found, "facet:sector");
/// std::cout << found.modularity << ' ' << agree.nmi << ' ' << agree.ari << '\n';
/// ```
///
/// Every analysis here reads the followed ties as one undirected graph: a pair tied by any
/// followed tie, either way, is one edge, whose weight is the largest value among those ties
/// (or 1 when unweighted) — igraph's `as_undirected(mode="collapse", combine_edges="max")`.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "copnet/network.hpp"
#include "copnet/progress.hpp"
#include "copnet/tie.hpp"

namespace copnet {

/// How `detect_groups` optimises modularity.
enum class GroupMethod : std::uint8_t {
    /// Blondel, Guillaume, Lambiotte & Lefebvre, "Fast unfolding of communities in large
    /// networks", J. Stat. Mech. (2008) P10008 (igraph `community_multilevel`).
    louvain,
    /// Traag, Waltman & van Eck, "From Louvain to Leiden: guaranteeing well-connected
    /// communities", Scientific Reports 9 (2019) 5233 (igraph `community_leiden` with
    /// `objective_function="modularity"`, `n_iterations=-1`).
    leiden
};
/// "louvain", "leiden". Cost: O(1).
[[nodiscard]] std::string_view to_string(GroupMethod method) noexcept;
/// Parses a method (case-insensitive). Throws: invalid_value naming the text and the methods.
/// Cost: O(length).
[[nodiscard]] GroupMethod parse_group_method(std::string_view text);

/// Options of `detect_groups` and `modularity`.
struct GroupOptions {
    /// The ties read (relations; the direction is ignored: the graph is undirected).
    TieFilter filter{};
    GroupMethod method = GroupMethod::louvain;
    /// Resolution γ > 0 of modularity: above 1 favours more, smaller groups; below 1 fewer,
    /// larger ones (Reichardt & Bornholdt 2006; NetworkX `modularity(resolution=)`).
    double resolution = 1.0;
    /// Seed of the random node orders (and Leiden's randomised refinement). The groups depend
    /// on the seed and the network only (one thread; no dependence on the machine).
    std::uint64_t seed = 1;
    /// Read tie values as edge weights (a pair's largest value); false: every tied pair 1.
    /// With every value 1 the two agree.
    bool weighted = true;
    /// Leiden: at most this many iterations of the whole algorithm, each starting from the
    /// last one's groups, stopping earlier when one changes nothing (≥ 1). Louvain runs once.
    std::size_t max_iterations = 50;
    /// Reports how far the detection has come (optional): the graph, then the first level's
    /// sweeps (Louvain) or the first iteration (Leiden), then the rest, whose length is not
    /// known in advance (each further level or iteration covers half of what is left).
    Progress progress{};
};

/// A partition of the live stakeholders into named groups.
struct Partition {
    /// The groups' names, by group index.
    std::vector<std::string> names;
    /// of[i]: the group of the i-th live stakeholder in slot order (`Network::stakeholders()`).
    std::vector<std::uint32_t> of;
    [[nodiscard]] std::size_t size() const noexcept { return names.size(); }
};

/// A declared grouping of the stakeholders, by its spelling:
/// - `facet:NAME` — the categories of the facet NAME (`sector`, `level`, an attribute, …; the
///   spellings of one category merge as everywhere else; no value is the category "");
/// - `circles:COMMUNITY` — the circles of COMMUNITY (core, inner, outer, none: everyone
///   outside the community is one group `none`);
/// - `communities` — the communities each stakeholder belongs to, their names joined by "+"
///   in the order the network holds them (overlaps are their own group), "none" for those in
///   no community.
/// Groups are numbered in order of their first stakeholder. Cost: O(V · communities).
/// Throws: invalid_value for another spelling, an unknown facet or an unknown community.
[[nodiscard]] Partition declared_partition(const Network& net, std::string_view spec);

/// The partition of `net`'s live stakeholders into `groups` (their names "0", "1", …, in the
/// order given). Throws: invalid_value naming a stakeholder in two groups or in none (as
/// NetworkX's `NotAPartition`); unknown_stakeholder for one the network does not hold.
/// Cost: O(V + Σ|group|).
[[nodiscard]] Partition make_partition(const Network& net,
                                       const std::vector<std::vector<StakeholderId>>& groups);

/// Newman & Girvan's modularity with resolution γ (Newman 2006; Reichardt & Bornholdt 2006):
/// Q = Σ_c [ L_c / m − γ (D_c / 2m)² ], over the groups c of `partition`, where m is the total
/// edge weight, L_c the weight of the edges inside c and D_c the sum of its members' strengths
/// — NetworkX's `community.modularity(G, communities, weight, resolution)` and igraph's
/// `Graph.modularity(membership, weights, resolution)` on the undirected graph of the followed
/// ties (the file's head). NaN without edges (NetworkX divides by zero). `options.method` and
/// `seed` are not used. Cost: O(V + E). Throws: invalid_value if `partition` does not cover
/// the live stakeholders, γ is not > 0, or a followed tie value is negative (weighted).
[[nodiscard]] double modularity(const Network& net, const Partition& partition,
                                const GroupOptions& options = {});

/// One detected group.
struct DetectedGroup {
    /// The members, in slot order.
    std::vector<StakeholderId> members;
    /// The weight of the edges among the members (their count when unweighted).
    double internal = 0.0;
    /// The sum of the members' strengths (degrees when unweighted).
    double strength = 0.0;
};

/// What `detect_groups` found.
struct GroupsResult {
    GroupMethod method = GroupMethod::louvain;
    double resolution = 1.0;
    std::uint64_t seed = 1;
    /// True when tie values were read as weights and some followed value is not 1.
    bool weighted = false;
    /// Modularity (with the resolution) of the groups found; NaN without edges.
    double modularity = 0.0;
    /// Louvain: levels of aggregation that moved something (the length of igraph's
    /// `community_multilevel(return_levels=True)`); Leiden: levels of the last iteration.
    std::size_t levels = 0;
    /// Leiden: iterations of the whole algorithm run (the last changed nothing unless
    /// `max_iterations` stopped it); Louvain: 1.
    std::size_t iterations = 0;
    /// The rows' stakeholders: every live stakeholder, slot order.
    std::vector<StakeholderId> ids;
    /// group[row]: the group of `ids[row]`, an index into `groups`.
    std::vector<std::uint32_t> group;
    /// The groups, largest first (equal sizes in order of their first member). A stakeholder
    /// without followed ties is a group of one.
    std::vector<DetectedGroup> groups;
};

/// The groups of the undirected graph of the followed ties that maximise modularity with
/// resolution γ, by `options.method`:
/// - Louvain (Blondel et al. 2008): move single stakeholders to the neighbouring group of
///   largest modularity gain, in a random order, sweeping until no move gains; merge each group
///   into one vertex; repeat on the merged graph until a level moves nothing. Its groups may be
///   disconnected (Traag et al. 2019 show how).
/// - Leiden (Traag, Waltman & van Eck 2019): fast local moving by a queue of the vertices whose
///   neighbourhood changed; a refinement of each group in which single vertices merge only into
///   well-connected subgroups of it (randomness θ = 0.01, as igraph and leidenalg); aggregation
///   by the refined groups with the unrefined ones as the start of the next level; iterated
///   until an iteration changes nothing. Every group is connected (the refinement guarantees it;
///   a group left disconnected by a level that could not refine is split into its connected
///   parts, which only raises modularity).
/// Deterministic for a seed (one thread). Cost: O(levels · sweeps · (V + E)) per run,
/// near-linear in practice (E log V is typical); memory O(V + E). Throws: invalid_value for γ
/// not > 0, `max_iterations` 0, or a negative followed tie value (weighted).
[[nodiscard]] GroupsResult detect_groups(const Network& net, const GroupOptions& options = {});

/// The partition of a result (group names "0", "1", … as its indices). Cost: O(V).
[[nodiscard]] Partition partition(const GroupsResult& result);

/// One declared category in the contingency of two partitions.
struct AgreementRow {
    std::string category;          ///< the declared group's name
    std::size_t size = 0;          ///< its stakeholders
    /// The detected groups it meets: (group, stakeholders in both), most first (then by group).
    std::vector<std::pair<std::uint32_t, std::size_t>> groups;
    /// The share of `size` in its largest detected group (`groups.front()`); NaN when empty.
    double best_share = 0.0;
};

/// How well two partitions of the same stakeholders agree.
struct GroupAgreement {
    /// The declared partition's spelling (`declared_partition`), or "" for two given ones.
    std::string with;
    std::size_t stakeholders = 0;
    std::size_t detected_groups = 0;  ///< groups of the first partition
    std::size_t declared_groups = 0;  ///< groups of the second
    /// Normalised mutual information with the arithmetic mean, 2 I(X;Y) / (H(X) + H(Y))
    /// (Danon, Díaz-Guilera, Duch & Arenas, J. Stat. Mech. 2005 P09008; sklearn's
    /// `normalized_mutual_info_score` default, igraph `compare_communities(method="nmi")`).
    /// 1 when both partitions are one group (H = 0 both); NaN without stakeholders.
    double nmi = 0.0;
    /// Adjusted Rand index (Hubert & Arabie, J. Classification 2, 1985; sklearn
    /// `adjusted_rand_score`, igraph `compare_communities(method="adjusted_rand")`): the share
    /// of agreeing pairs corrected for chance, 1 for equal partitions, about 0 for unrelated
    /// ones, negative below chance. 1 when the chance-corrected denominator is 0 (both one group,
    /// or both all singletons, as sklearn); NaN without stakeholders.
    double ari = 0.0;
    /// Modularity of the declared partition on the same graph and options (NaN when the
    /// agreement compares two given partitions without a network).
    double declared_modularity = 0.0;
    /// The contingency, one row per declared group (in its order).
    std::vector<AgreementRow> rows;
};

/// NMI, ARI and the contingency of `detected` against `declared` (both over the same
/// stakeholders). `with` and `declared_modularity` are left "" and NaN. Cost: O(V + cells log
/// cells). Throws: invalid_value if the two cover different numbers of stakeholders, or one
/// names a group it does not hold.
[[nodiscard]] GroupAgreement group_agreement(const Partition& detected, const Partition& declared);

/// The agreement of `result` with the declared grouping `spec` (`declared_partition`), with the
/// modularity of that grouping under `options` (pass the options `result` was found with).
/// Cost: O(V · communities + E). Throws: as `declared_partition` and `modularity`.
[[nodiscard]] GroupAgreement group_agreement(const Network& net, const GroupsResult& result,
                                             std::string_view spec,
                                             const GroupOptions& options = {});

} // namespace copnet
