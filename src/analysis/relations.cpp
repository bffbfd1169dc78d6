#include "copnet/analysis/relations.hpp"

#include <algorithm>
#include <cstdint>
#include <iterator>
#include <unordered_set>
#include <vector>

namespace copnet {
namespace {

std::uint64_t pair_key(std::uint32_t a, std::uint32_t b) noexcept {
    if (b < a) std::swap(a, b);
    return (std::uint64_t{a} << 32U) | b;
}

std::uint64_t ordered_key(std::uint32_t a, std::uint32_t b) noexcept {
    return (std::uint64_t{a} << 32U) | b;
}

double ratio(std::size_t a, std::size_t b) {
    return b == 0 ? 0.0 : static_cast<double>(a) / static_cast<double>(b);
}

} // namespace

RelationsReport relations_report(const Network& net) {
    const auto rels = net.relations();
    const std::size_t R = rels.size();
    // The unordered pairs of each relation, sorted and unique.
    std::vector<std::vector<std::uint64_t>> pairs(R);
    const std::vector<Tie> ties = net.all_ties();
    for (const Tie& t : ties)
        pairs[static_cast<std::size_t>(t.kind)].push_back(pair_key(t.source.index(), t.target.index()));
    for (auto& p : pairs) {
        std::sort(p.begin(), p.end());
        p.erase(std::unique(p.begin(), p.end()), p.end());
    }
    RelationsReport r;
    const double n = static_cast<double>(net.stakeholder_count());
    for (std::size_t k = 0; k < R; ++k) {
        RelationCount c{static_cast<TieKind>(k), net.tie_count(static_cast<TieKind>(k)), 0.0};
        const double possible = rels[k].mutual() ? n * (n - 1) / 2 : n * (n - 1);
        c.density = possible > 0 ? static_cast<double>(c.ties) / possible : 0.0;
        r.relations.push_back(c);
    }
    for (std::size_t a = 0; a < R; ++a)
        for (std::size_t b = a + 1; b < R; ++b) {
            std::vector<std::uint64_t> common;
            std::set_intersection(pairs[a].begin(), pairs[a].end(), pairs[b].begin(),
                                  pairs[b].end(), std::back_inserter(common));
            RelationOverlap o{static_cast<TieKind>(a), static_cast<TieKind>(b), common.size()};
            o.jaccard = ratio(common.size(), pairs[a].size() + pairs[b].size() - common.size());
            o.a_in_b = ratio(common.size(), pairs[a].size());
            o.b_in_a = ratio(common.size(), pairs[b].size());
            r.overlap.push_back(o);
        }
    // Multiplexity: how many relations tie each pair.
    std::vector<std::uint64_t> all;
    for (const auto& p : pairs) all.insert(all.end(), p.begin(), p.end());
    std::sort(all.begin(), all.end());
    r.multiplexity.assign(R + 1, 0);
    for (std::size_t i = 0; i < all.size();) {
        std::size_t j = i;
        while (j < all.size() && all[j] == all[i]) ++j;
        ++r.multiplexity[j - i];
        i = j;
    }
    while (r.multiplexity.size() > 1 && r.multiplexity.back() == 0) r.multiplexity.pop_back();
    // Alignment of every authority-role relation with every influence-role relation.
    for (std::size_t a = 0; a < R; ++a) {
        if (rels[a].role != Role::authority) continue;
        for (std::size_t i = 0; i < R; ++i) {
            if (rels[i].role != Role::influence) continue;
            std::unordered_set<std::uint64_t> influence;
            for (const Tie& t : ties)
                if (static_cast<std::size_t>(t.kind) == i) {
                    influence.insert(ordered_key(t.source.index(), t.target.index()));
                    if (rels[i].mutual()) influence.insert(ordered_key(t.target.index(), t.source.index()));
                }
            Alignment al{static_cast<TieKind>(a), static_cast<TieKind>(i)};
            for (const Tie& t : ties) {
                if (static_cast<std::size_t>(t.kind) != a) continue;
                ++al.authority_ties;
                const bool forward = influence.contains(ordered_key(t.source.index(), t.target.index()));
                const bool backward = rels[a].mutual() &&
                                      influence.contains(ordered_key(t.target.index(), t.source.index()));
                if (forward || backward) ++al.aligned;
            }
            al.share = ratio(al.aligned, al.authority_ties);
            r.alignment.push_back(al);
        }
    }
    return r;
}

} // namespace copnet
