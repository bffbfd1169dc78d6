#include <algorithm>
#include <cstdint>
#include <functional>
#include <queue>
#include <utility>
#include <vector>

#include "copnet/analysis/circles.hpp"
#include "peel.hpp"
#include "simple_graph.hpp"

namespace copnet {
namespace {

// k-cores of the undirected simple graph on the snapshot's rows themselves (no collapsed copy):
// a row may list a neighbour more than once (ties of several relations, or both directions of
// a pair), so degrees count distinct neighbours and a removal lowers each distinct neighbour
// once, a stamp per vertex telling repeats apart. Self-ties are left out. On return k[v] is v's
// core number (detail::peel_levels).
std::vector<std::uint32_t> k_cores(const detail::Snapshot& s) {
    struct Slot {
        std::uint32_t deg;
        std::uint32_t stamp;  // the row that last listed this vertex
    };
    const std::uint32_t n = s.size();
    std::vector<Slot> slot(n, Slot{0, detail::Snapshot::npos});
    for (std::uint32_t u = 0; u < n; ++u) {
        slot[u].stamp = u;
        std::uint32_t d = 0;
        for (std::uint32_t i = s.offsets[u]; i < s.offsets[u + 1]; ++i) {
            Slot& v = slot[s.targets[i]];
            if (v.stamp == u) continue;
            v.stamp = u;
            ++d;
        }
        slot[u].deg = d;
    }
    // Fresh stamps; v's own entries (self-ties) are never lowered: v is stamped first.
    for (Slot& x : slot) x.stamp = detail::Snapshot::npos;
    detail::peel_levels_in(
        n, [&](std::uint32_t v) -> std::uint32_t& { return slot[v].deg; },
        [&](std::uint32_t v, auto&& lower) {
            slot[v].stamp = v;
            for (std::uint32_t i = s.offsets[v]; i < s.offsets[v + 1]; ++i) {
                const std::uint32_t u = s.targets[i];
                if (slot[u].stamp == v) continue;
                slot[u].stamp = v;
                lower(u);
            }
        });
    std::vector<std::uint32_t> k(n);
    for (std::uint32_t v = 0; v < n; ++v) k[v] = slot[v].deg;
    return k;
}

// Generalised cores (Batagelj & Zaversnik 2002) with the strength as vertex function: peel the
// weakest remaining vertex; its s-core number is the largest strength seen at removal so far.
std::vector<double> s_cores(const detail::CollapsedGraph& g) {
    const std::uint32_t n = g.size();
    std::vector<double> strength(n, 0.0);
    for (std::uint32_t u = 0; u < n; ++u)
        for (std::uint32_t j = g.offsets[u]; j < g.offsets[u + 1]; ++j) strength[u] += g.weights[j];
    using Entry = std::pair<double, std::uint32_t>;
    std::priority_queue<Entry, std::vector<Entry>, std::greater<>> heap;
    for (std::uint32_t u = 0; u < n; ++u) heap.emplace(strength[u], u);
    std::vector<char> removed(n, 0);
    std::vector<double> core(n, 0.0);
    double level = 0.0;
    while (!heap.empty()) {
        const auto [s, v] = heap.top();
        heap.pop();
        if (removed[v] || s != strength[v]) continue;  // stale entry
        removed[v] = 1;
        level = std::max(level, s);
        core[v] = level;
        for (std::uint32_t j = g.offsets[v]; j < g.offsets[v + 1]; ++j) {
            const std::uint32_t u = g.adj[j];
            if (removed[u]) continue;
            strength[u] -= g.weights[j];
            heap.emplace(strength[u], u);
        }
    }
    return core;
}

} // namespace

std::vector<Coreness> coreness(const Network& net, CorenessOptions options) {
    TieFilter filter = options.filter;
    filter.direction = Direction::both;
    const auto snap = detail::Snapshot::of(net, filter, options.weighted);
    const std::vector<std::uint32_t> k = k_cores(*snap);
    std::vector<Coreness> out(snap->size());
    if (options.weighted) {
        const auto g = detail::CollapsedGraph::build(net, options.filter, true);
        const std::vector<double> s = s_cores(g);
        for (std::uint32_t u = 0; u < g.size(); ++u) out[u] = {g.snap->stakeholder(u), k[u], s[u]};
    } else {
        for (std::uint32_t u = 0; u < snap->size(); ++u)
            out[u] = {snap->stakeholder(u), k[u], static_cast<double>(k[u])};
    }
    return out;
}

} // namespace copnet
