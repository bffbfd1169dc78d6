#pragma once
// The simple undirected graph of a filter's ties (not installed): self-ties dropped, parallel
// ties collapsed to one edge carrying the largest weight. Shared by the circles analyses.

#include <cstdint>
#include <memory>
#include <vector>

#include "detail/snapshot.hpp"
#include "copnet/network.hpp"
#include "copnet/tie.hpp"

namespace copnet::detail {

struct CollapsedGraph {
    std::shared_ptr<const Snapshot> snap;  ///< compact vertex ↔ stakeholder
    std::vector<std::uint32_t> offsets;    ///< size() + 1 row starts
    std::vector<std::uint32_t> adj;        ///< neighbours per row, each once (sorted if directed)
    std::vector<double> weights;           ///< beside `adj` when built with weights

    [[nodiscard]] std::uint32_t size() const noexcept {
        return static_cast<std::uint32_t>(offsets.size() - 1);
    }
    [[nodiscard]] std::uint32_t degree(std::uint32_t u) const noexcept {
        return offsets[u + 1] - offsets[u];
    }

    /// The undirected simple graph of `filter` (its direction ignored); rows unsorted.
    /// Cost: O(V + E).
    static CollapsedGraph build(const Network& net, TieFilter filter, bool with_weights);
    /// The directed simple graph of `filter` along the ties (direction out; collaboration both
    /// ways): row u lists each v with a followed tie u → v once, sorted. Cost: O(V + E log d).
    static CollapsedGraph build_directed(const Network& net, TieFilter filter, bool with_weights);
};

} // namespace copnet::detail
