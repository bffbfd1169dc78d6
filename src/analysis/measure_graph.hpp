#pragma once
// The graph the measures of DESIGN §3.6 are taken on (not installed): the simple graph of a
// filter's ties, undirected when every followed relation that holds a tie is mutual (or the
// filter follows ties both ways), otherwise directed along the filter, mutual ties as both
// arcs. Shared by network_measures.cpp and centrality.cpp.

#include <cstdint>
#include <memory>
#include <vector>

#include "boundary_graph.hpp"
#include "copnet/network.hpp"
#include "copnet/tie.hpp"
#include "detail/snapshot.hpp"

namespace copnet::detail {

struct MeasureGraph {
    std::shared_ptr<const Snapshot> snap;  ///< compact vertex ↔ stakeholder
    bool undirected = false;
    SimpleGraph out;   ///< successors, sorted, each once (weights: the largest of parallel ties)
    SimpleGraph in;    ///< predecessors (a copy of `out` when undirected)
    SimpleGraph both;  ///< neighbours either way, sorted, each once (built on request)
    [[nodiscard]] std::uint32_t size() const noexcept { return out.size(); }
};

/// Sorted union of the rows of `a` and `b` (weights: the larger). Cost: O(V + E).
inline SimpleGraph row_union(const SimpleGraph& a, const SimpleGraph& b) {
    SimpleGraph u;
    const std::uint32_t n = a.size();
    const bool weighted = !a.weights.empty();
    u.offsets.assign(std::size_t{n} + 1, 0);
    u.targets.reserve(a.targets.size() + b.targets.size());
    if (weighted) u.weights.reserve(a.targets.size() + b.targets.size());
    for (std::uint32_t v = 0; v < n; ++v) {
        std::uint32_t i = a.offsets[v], j = b.offsets[v];
        const std::uint32_t ie = a.offsets[v + 1], je = b.offsets[v + 1];
        while (i < ie || j < je) {
            if (j >= je || (i < ie && a.targets[i] < b.targets[j])) {
                u.targets.push_back(a.targets[i]);
                if (weighted) u.weights.push_back(a.weights[i]);
                ++i;
            } else if (i >= ie || b.targets[j] < a.targets[i]) {
                u.targets.push_back(b.targets[j]);
                if (weighted) u.weights.push_back(b.weights[j]);
                ++j;
            } else {
                u.targets.push_back(a.targets[i]);
                if (weighted) u.weights.push_back(std::max(a.weights[i], b.weights[j]));
                ++i;
                ++j;
            }
        }
        u.offsets[v + 1] = static_cast<std::uint32_t>(u.targets.size());
    }
    return u;
}

/// True if `filter` reads as undirected under DESIGN §3.6. Cost: O(relations).
bool reads_undirected(const Network& net, const TieFilter& filter);

/// The measure graph of `filter` (`with_both`: fill `both` too). Cost: O(V + E log d).
MeasureGraph measure_graph(const Network& net, const TieFilter& filter, bool with_weights,
                           bool with_both);

/// Strong components of the rows (offsets, targets) of n vertices by Pearce's iterative
/// variant of Tarjan's algorithm: comp[v] numbered 0, 1, … in the order of each component's
/// first vertex. Returns the number of components. Cost: O(V + E), no recursion.
std::uint32_t strong_components(std::uint32_t n, const std::uint32_t* offsets,
                                const std::uint32_t* targets, std::vector<std::uint32_t>& comp);

} // namespace copnet::detail
