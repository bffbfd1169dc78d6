#pragma once
// A `TieFilter` resolved against a network's relations: for each relation, whether its ties
// are followed from source to target (`forward`) and back (`backward`). Mutual relations are
// followed both ways whatever the direction; `every` means every positive relation.

#include <bitset>
#include <cstddef>

#include "copnet/network.hpp"
#include "copnet/relation.hpp"
#include "copnet/tie.hpp"

namespace copnet::detail {

struct Follow {
    std::bitset<256> forward, backward;
    [[nodiscard]] bool follows(TieKind k) const noexcept { return out(k) || in(k); }
    [[nodiscard]] bool out(TieKind k) const noexcept { return forward[static_cast<std::size_t>(k)]; }
    [[nodiscard]] bool in(TieKind k) const noexcept { return backward[static_cast<std::size_t>(k)]; }
};

/// `filter` over `net`'s relations. Cost: O(relations).
inline Follow resolve(const TieFilter& filter, const Network& net) noexcept {
    Follow f;
    const auto relations = net.relations();
    for (std::size_t k = 0; k < relations.size(); ++k) {
        const Relation& r = relations[k];
        const bool chosen = (filter.every && r.polarity == Polarity::positive) || filter.chosen.test(k);
        if (!chosen) continue;
        if (r.mutual() || filter.direction != Direction::in) f.forward.set(k);
        if (r.mutual() || filter.direction != Direction::out) f.backward.set(k);
    }
    return f;
}

/// The relations `filter` follows at all (either way). Cost: O(relations).
inline std::bitset<256> followed(const TieFilter& filter, const Network& net) noexcept {
    const Follow f = resolve(filter, net);
    return f.forward | f.backward;
}

} // namespace copnet::detail
