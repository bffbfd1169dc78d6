// Weakly and strongly connected components, and the condensation
// (copnet/analysis/components.hpp).
#include "copnet/analysis/components.hpp"

#include <algorithm>
#include <cstdint>
#include <numeric>
#include <vector>

#include "detail/radix_sort.hpp"
#include "detail/snapshot.hpp"
#include "measure_graph.hpp"

namespace copnet {

std::size_t Components::largest() const noexcept {
    return sizes.empty() ? 0 : *std::max_element(sizes.begin(), sizes.end());
}

Components components(const Network& net, TieFilter filter) {
    filter.direction = Direction::out;  // every tie once; union-find makes it undirected
    const auto snap = detail::Snapshot::of(net, filter);
    const std::uint32_t n = snap->size();
    std::vector<std::uint32_t> parent(n);
    std::vector<std::uint32_t> size(n, 1);
    std::iota(parent.begin(), parent.end(), 0U);
    auto find = [&](std::uint32_t x) {
        while (parent[x] != x) {
            parent[x] = parent[parent[x]];  // path halving
            x = parent[x];
        }
        return x;
    };
    for (std::uint32_t u = 0; u < n; ++u) {
        for (std::uint32_t e = snap->offsets[u]; e < snap->offsets[u + 1]; ++e) {
            std::uint32_t a = find(u), b = find(snap->targets[e]);
            if (a == b) continue;
            if (size[a] < size[b]) std::swap(a, b);
            parent[b] = a;
            size[a] += size[b];
        }
    }
    Components out;
    out.piece.assign(net.slot_count(), -1);
    std::vector<std::int64_t> label(n, -1);
    for (std::uint32_t v = 0; v < n; ++v) {
        const std::uint32_t root = find(v);
        if (label[root] < 0) {
            label[root] = static_cast<std::int64_t>(out.sizes.size());
            out.sizes.push_back(0);
        }
        out.piece[snap->slot_of[v]] = label[root];
        ++out.sizes[static_cast<std::size_t>(label[root])];
    }
    return out;
}

Components strong_components(const Network& net, TieFilter filter) {
    const auto snap = detail::Snapshot::of(net, filter);
    const std::uint32_t n = snap->size();
    std::vector<std::uint32_t> comp;
    const std::uint32_t count =
        detail::strong_components(n, snap->offsets.data(), snap->targets.data(), comp);
    Components out;
    out.piece.assign(net.slot_count(), -1);
    out.sizes.assign(count, 0);
    for (std::uint32_t v = 0; v < n; ++v) {
        out.piece[snap->slot_of[v]] = comp[v];
        ++out.sizes[comp[v]];
    }
    return out;
}

Condensation condensation(const Network& net, TieFilter filter) {
    const auto snap = detail::Snapshot::of(net, filter);
    Condensation out;
    out.pieces = strong_components(net, filter);
    const std::uint32_t n = snap->size();
    std::vector<std::uint64_t> keys;
    for (std::uint32_t v = 0; v < n; ++v) {
        const auto p = static_cast<std::uint64_t>(out.pieces.piece[snap->slot_of[v]]);
        for (std::uint32_t i = snap->offsets[v]; i < snap->offsets[v + 1]; ++i) {
            const auto q = static_cast<std::uint64_t>(out.pieces.piece[snap->slot_of[snap->targets[i]]]);
            if (p != q) keys.push_back((p << 32U) | q);
        }
    }
    std::vector<std::uint64_t> scratch;
    detail::radix_sort(keys, scratch);
    keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
    out.arcs.reserve(keys.size());
    for (const std::uint64_t k : keys) out.arcs.emplace_back(k >> 32U, k & 0xFFFFFFFFU);
    return out;
}

} // namespace copnet
