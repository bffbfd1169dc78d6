#include <algorithm>
#include <cstdint>
#include <functional>
#include <queue>
#include <utility>
#include <vector>

#include "copnet/analysis/circles.hpp"
#include "simple_graph.hpp"

namespace copnet {
namespace {

// Batagelj & Zaversnik (2003): vertices sorted by degree in buckets, peeled in increasing order;
// on return deg[v] is v's core number.
std::vector<std::uint32_t> k_cores(const detail::CollapsedGraph& g) {
    const std::uint32_t n = g.size();
    std::vector<std::uint32_t> deg(n);
    std::uint32_t max_deg = 0;
    for (std::uint32_t u = 0; u < n; ++u) {
        deg[u] = g.degree(u);
        max_deg = std::max(max_deg, deg[u]);
    }
    std::vector<std::uint32_t> bin(max_deg + 2, 0);
    for (std::uint32_t u = 0; u < n; ++u) ++bin[deg[u]];
    std::uint32_t start = 0;
    for (std::uint32_t d = 0; d <= max_deg; ++d) {
        const std::uint32_t count = bin[d];
        bin[d] = start;
        start += count;
    }
    std::vector<std::uint32_t> pos(n), vert(n);
    for (std::uint32_t u = 0; u < n; ++u) {
        pos[u] = bin[deg[u]]++;
        vert[pos[u]] = u;
    }
    for (std::uint32_t d = max_deg; d > 0; --d) bin[d] = bin[d - 1];
    bin[0] = 0;
    for (std::uint32_t i = 0; i < n; ++i) {
        const std::uint32_t v = vert[i];
        for (std::uint32_t j = g.offsets[v]; j < g.offsets[v + 1]; ++j) {
            const std::uint32_t u = g.adj[j];
            if (deg[u] > deg[v]) {
                const std::uint32_t du = deg[u];
                const std::uint32_t pu = pos[u];
                const std::uint32_t pw = bin[du];
                const std::uint32_t w = vert[pw];
                if (u != w) {
                    pos[u] = pw;
                    vert[pu] = w;
                    pos[w] = pu;
                    vert[pw] = u;
                }
                ++bin[du];
                --deg[u];
            }
        }
    }
    return deg;
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
    const auto g = detail::CollapsedGraph::build(net, options.filter, options.weighted);
    const std::vector<std::uint32_t> k = k_cores(g);
    std::vector<Coreness> out(g.size());
    if (options.weighted) {
        const std::vector<double> s = s_cores(g);
        for (std::uint32_t u = 0; u < g.size(); ++u) out[u] = {g.snap->stakeholder(u), k[u], s[u]};
    } else {
        for (std::uint32_t u = 0; u < g.size(); ++u)
            out[u] = {g.snap->stakeholder(u), k[u], static_cast<double>(k[u])};
    }
    return out;
}

} // namespace copnet
