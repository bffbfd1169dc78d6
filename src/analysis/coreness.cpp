#include <algorithm>
#include <cstdint>
#include <vector>

#include "copnet/analysis/circles.hpp"
#include "copnet/detail/snapshot.hpp"

namespace copnet {

std::vector<Coreness> coreness(const Network& net, CorenessOptions options) {
    TieFilter filter = options.filter;
    filter.direction = Direction::both;
    const auto snap = detail::Snapshot::of(net, filter);
    const std::uint32_t n = snap->size();

    // Simple undirected adjacency: drop self-ties and repeated neighbours.
    std::vector<std::uint32_t> offsets(n + 1, 0);
    std::vector<std::uint32_t> adj;
    adj.reserve(snap->targets.size());
    for (std::uint32_t u = 0; u < n; ++u) {
        const auto first = adj.size();
        for (std::uint32_t i = snap->offsets[u]; i < snap->offsets[u + 1]; ++i)
            if (snap->targets[i] != u) adj.push_back(snap->targets[i]);
        std::sort(adj.begin() + static_cast<std::ptrdiff_t>(first), adj.end());
        adj.erase(std::unique(adj.begin() + static_cast<std::ptrdiff_t>(first), adj.end()),
                  adj.end());
        offsets[u + 1] = static_cast<std::uint32_t>(adj.size());
    }

    // Batagelj & Zaversnik: vertices sorted by degree in buckets, peeled in increasing order.
    std::vector<std::uint32_t> deg(n);
    std::uint32_t max_deg = 0;
    for (std::uint32_t u = 0; u < n; ++u) {
        deg[u] = offsets[u + 1] - offsets[u];
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
        for (std::uint32_t j = offsets[v]; j < offsets[v + 1]; ++j) {
            const std::uint32_t u = adj[j];
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

    std::vector<Coreness> out(n);
    for (std::uint32_t u = 0; u < n; ++u) out[u] = {snap->stakeholder(u), deg[u]};
    return out;
}

} // namespace copnet
