#pragma once
// Circles: how the ties of a community compare with its declared circles (core group, inner
// circle, outer circle). This first part holds coreness (k-core numbers).

#include <cstdint>
#include <vector>

#include "copnet/network.hpp"
#include "copnet/tie.hpp"

namespace copnet {

/// Options for `coreness`.
struct CorenessOptions {
    /// The ties counted; they are read as undirected (direction is ignored: u and v are
    /// neighbours if a followed tie joins them either way), parallel ties and self-ties collapse.
    TieFilter filter{};
};

/// One stakeholder's core number.
struct Coreness {
    StakeholderId who;
    std::uint32_t k = 0;  ///< the largest k such that `who` lies in the k-core
};

/// The core number of every live stakeholder (slot order): the k-core is the largest subgraph
/// in which every stakeholder has at least k neighbours (Seidman 1983); a stakeholder's core
/// number is the largest k whose k-core holds it. Computed with the bucket algorithm of
/// Batagelj & Zaversnik (2003), "An O(m) Algorithm for Cores Decomposition of Networks", on the
/// CSR snapshot of the filtered ties; agrees with networkx.core_number on the undirected graph.
/// Cost: O(V + E) time and memory (plus O(E log d) to collapse parallel ties per row).
/// Throws nothing beyond allocation.
[[nodiscard]] std::vector<Coreness> coreness(const Network& net, CorenessOptions options = {});

} // namespace copnet
