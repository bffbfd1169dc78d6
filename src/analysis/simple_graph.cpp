#include "simple_graph.hpp"

#include <algorithm>
#include <cstddef>
#include <utility>

namespace copnet::detail {

namespace {

SimpleGraph collapse(const Network& net, TieFilter filter, bool with_weights) {
    SimpleGraph g;
    g.snap = Snapshot::of(net, filter, with_weights);
    const Snapshot& s = *g.snap;
    const std::uint32_t n = s.size();
    g.offsets.assign(n + 1, 0);
    g.adj.reserve(s.targets.size());
    if (!with_weights) {
        for (std::uint32_t u = 0; u < n; ++u) {
            const auto first = static_cast<std::ptrdiff_t>(g.adj.size());
            for (std::uint32_t i = s.offsets[u]; i < s.offsets[u + 1]; ++i)
                if (s.targets[i] != u) g.adj.push_back(s.targets[i]);
            std::sort(g.adj.begin() + first, g.adj.end());
            g.adj.erase(std::unique(g.adj.begin() + first, g.adj.end()), g.adj.end());
            g.offsets[u + 1] = static_cast<std::uint32_t>(g.adj.size());
        }
        return g;
    }
    g.weights.reserve(s.targets.size());
    std::vector<std::pair<std::uint32_t, double>> row;
    for (std::uint32_t u = 0; u < n; ++u) {
        row.clear();
        for (std::uint32_t i = s.offsets[u]; i < s.offsets[u + 1]; ++i)
            if (s.targets[i] != u) row.emplace_back(s.targets[i], s.weights[i]);
        std::sort(row.begin(), row.end());
        for (std::size_t i = 0; i < row.size(); ++i) {
            if (i > 0 && row[i].first == row[i - 1].first) {
                g.weights.back() = std::max(g.weights.back(), row[i].second);
                continue;
            }
            g.adj.push_back(row[i].first);
            g.weights.push_back(row[i].second);
        }
        g.offsets[u + 1] = static_cast<std::uint32_t>(g.adj.size());
    }
    return g;
}

} // namespace

SimpleGraph SimpleGraph::build(const Network& net, TieFilter filter, bool with_weights) {
    filter.direction = Direction::both;
    return collapse(net, filter, with_weights);
}

SimpleGraph SimpleGraph::build_directed(const Network& net, TieFilter filter, bool with_weights) {
    filter.direction = Direction::out;
    return collapse(net, filter, with_weights);
}

} // namespace copnet::detail
