#include "simple_graph.hpp"

#include <algorithm>
#include <cstddef>
#include <utility>

namespace copnet::detail {

namespace {

// Rows deduplicated with a stamp per vertex (O(deg), no sort) and, if `sorted`, then sorted.
CollapsedGraph collapse(const Network& net, TieFilter filter, bool with_weights, bool sorted) {
    CollapsedGraph g;
    g.snap = Snapshot::of(net, filter, with_weights);
    const Snapshot& s = *g.snap;
    const std::uint32_t n = s.size();
    g.offsets.assign(n + 1, 0);
    g.adj.reserve(s.targets.size());
    if (with_weights) g.weights.reserve(s.targets.size());
    std::vector<std::uint32_t> stamp(n, Snapshot::npos);  // row that last listed v
    std::vector<std::uint32_t> at(with_weights ? n : 0);   // where, in that row
    std::vector<std::pair<std::uint32_t, double>> row;
    for (std::uint32_t u = 0; u < n; ++u) {
        const auto first = static_cast<std::uint32_t>(g.adj.size());
        stamp[u] = u;  // no self-ties
        for (std::uint32_t i = s.offsets[u]; i < s.offsets[u + 1]; ++i) {
            const std::uint32_t v = s.targets[i];
            if (stamp[v] == u) {
                if (with_weights && v != u)
                    g.weights[at[v]] = std::max(g.weights[at[v]], s.weights[i]);
                continue;
            }
            stamp[v] = u;
            if (with_weights) {
                at[v] = static_cast<std::uint32_t>(g.adj.size());
                g.weights.push_back(s.weights[i]);
            }
            g.adj.push_back(v);
        }
        if (sorted) {
            if (with_weights) {
                row.clear();
                for (std::uint32_t j = first; j < g.adj.size(); ++j) row.emplace_back(g.adj[j], g.weights[j]);
                std::sort(row.begin(), row.end());
                for (std::size_t j = 0; j < row.size(); ++j) {
                    g.adj[first + j] = row[j].first;
                    g.weights[first + j] = row[j].second;
                }
            } else {
                std::sort(g.adj.begin() + first, g.adj.end());
            }
        }
        g.offsets[u + 1] = static_cast<std::uint32_t>(g.adj.size());
    }
    return g;
}

} // namespace

CollapsedGraph CollapsedGraph::build(const Network& net, TieFilter filter, bool with_weights) {
    filter.direction = Direction::both;
    return collapse(net, filter, with_weights, false);
}

CollapsedGraph CollapsedGraph::build_directed(const Network& net, TieFilter filter, bool with_weights) {
    filter.direction = Direction::out;
    return collapse(net, filter, with_weights, true);
}

} // namespace copnet::detail
