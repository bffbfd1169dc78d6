#pragma once
/// \file
/// The multiplex view (`copnet relations`, docs/cli.md): how many ties each relation has, how
/// the relations overlap pair by pair, how many relations tie each pair, and whether influence
/// follows authority — "do people listen to those who can direct them?".
///
/// ```cpp
/// const copnet::RelationsReport r = copnet::relations_report(net);
/// for (const copnet::Alignment& a : r.alignment) … a.share …
/// ```

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "copnet/network.hpp"
#include "copnet/progress.hpp"

namespace copnet {

/// One relation's ties and density.
struct RelationCount {
    TieKind kind = TieKind::authority;
    std::size_t ties = 0;
    /// ties / possible ties: n(n−1) ordered pairs for a directed relation, n(n−1)/2 unordered
    /// ones for a mutual relation (0 with fewer than two stakeholders).
    double density = 0.0;
};

/// How two relations overlap, over the unordered pairs each ties (either direction).
struct RelationOverlap {
    TieKind a = TieKind::authority;
    TieKind b = TieKind::influence;
    std::size_t both = 0;     ///< pairs tied by a and by b
    double jaccard = 0.0;     ///< |A∩B| / |A∪B| (0 when both are empty)
    double a_in_b = 0.0;      ///< |A∩B| / |A| (0 when A is empty)
    double b_in_a = 0.0;      ///< |A∩B| / |B|
};

/// Of one authority-role relation's ties u → v, how many are also ties u → v of one
/// influence-role relation (either order if that relation is mutual): the target listens to
/// the one who can direct it.
struct Alignment {
    TieKind authority = TieKind::authority;
    TieKind influence = TieKind::influence;
    std::size_t authority_ties = 0;
    std::size_t aligned = 0;
    double share = 0.0;  ///< aligned / authority_ties (0 without authority ties)
};

/// The relations report.
struct RelationsReport {
    /// Every relation (negative ones too), by `TieKind`.
    std::vector<RelationCount> relations;
    /// Every two relations a < b, in `TieKind` order.
    std::vector<RelationOverlap> overlap;
    /// multiplexity[k]: unordered pairs tied by exactly k relations (index 0 unused, 0).
    std::vector<std::size_t> multiplexity;
    /// Every authority-role × influence-role relation, in `TieKind` order.
    std::vector<Alignment> alignment;
};

/// Adds the relation that `formula` defines pair by pair over `net`'s relations and returns its
/// kind: relation names combined with `&` (and), `|` (or), `!` (not) and parentheses —
/// `advice&!reports_to` (advice not backed by hierarchy), `cowork|advice`. An ordered pair
/// (u, v) has a tie of the derived relation when the formula holds, a relation R holding for
/// (u, v) when R has a tie u → v (either way for a mutual R). The derived relation is named
/// `name` (default: the formula without blanks), binary, positive, of the first named
/// relation's role, and mutual when every relation it names is; deriving the same name again
/// returns it. `&` binds tighter than `|`; names may contain any character but `&|!()` and
/// commas. Cost: O(E log E) for E ties of the relations named.
/// Throws: invalid_value for a syntax error, an unknown relation, or a formula that holds for
/// pairs tied by none of its relations (such as `!advice`).
TieKind derive_relation(Network& net, std::string_view formula, std::string name = {});

/// True when `text` is a formula (it holds `&`, `|`, `!` or a parenthesis). Cost: O(|text|).
[[nodiscard]] bool is_relation_formula(std::string_view text) noexcept;

/// Derives (`derive_relation`) every formula among the comma-separated items of a relation
/// list such as `--relations`, so that `parse_tie_filter` then finds them by name.
/// Throws: as `derive_relation`. Cost: as its formulas.
void derive_formulas(Network& net, std::string_view relations);

/// Counts, densities, overlaps, multiplexity and alignment of `net`'s relations. Pairs are
/// unordered stakeholder pairs tied in either direction. Cost: O(E log E + R² + R·E/R) for
/// R relations and E ties. Throws nothing beyond allocation.
[[nodiscard]] RelationsReport relations_report(const Network& net);

/// As `relations_report(net)`, reporting how far it has come through `progress` (its stages:
/// gathering and sorting the pairs, the overlaps, the multiplexity, the alignments). Cost and
/// throws: as above.
[[nodiscard]] RelationsReport relations_report(const Network& net, const Progress& progress);

} // namespace copnet
