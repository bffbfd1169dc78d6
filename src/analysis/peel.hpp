#pragma once
// Core numbers by level-synchronous peeling (not installed): the sequential form of the
// parallel k-core algorithms ParK (Dasari, Desh & Zubair 2014) and PKC (Kabir & Madduri 2017).
// Shared by coreness (circles) and centrality's directed cores.
//
// Batagelj & Zaversnik (2003) keep every vertex in degree buckets and swap a vertex between
// buckets on each lowering: four scattered reads and writes per tie (deg, pos, vert, bin).
// Peeling level by level needs only the degree: at level k every remaining vertex of degree
// <= k is queued, and removing a vertex lowers each neighbour above k, queueing it when it
// reaches k. Same core numbers, one scattered access per tie; the vertices still above the
// level are compacted as the levels pass, and levels no vertex is at are skipped (the next
// level is at least the smallest degree left), so the scans cost O(V) per distinct core value,
// never more than O(V * k_max) and in practice (k_max of a few hundred at most, the remaining
// list shrinking) a small share of the O(E) peeling.

#include <algorithm>
#include <cstdint>
#include <limits>
#include <utility>
#include <vector>

namespace copnet::detail {

/// The same over `n` vertices whose degrees live elsewhere: `deg(v)` returns a reference to v's
/// degree (so that a caller may keep it beside other per-vertex state, in one cache line).
template <class Degree, class Neighbours>
void peel_levels_in(std::uint32_t n, Degree&& deg, Neighbours&& neighbours) {
    std::vector<std::uint32_t> remaining(n), queue(n);
    for (std::uint32_t v = 0; v < n; ++v) remaining[v] = v;
    std::uint32_t left = n;  // remaining[0, left): not yet queued, plus some queued at a lower level
    std::uint32_t tail = 0;  // queue[0, tail): queued (core number final)
    std::uint32_t level = 0;
    if (n != 0) level = deg(0);
    for (std::uint32_t v = 1; v < n; ++v) level = std::min(level, deg(v));
    while (tail < n) {
        // Queue every remaining vertex at the level; keep those above it.
        // `next` bounds the next level from below by the smallest degree kept (an empty level
        // can follow when that vertex is lowered to this one: its scan then finds nothing).
        std::uint32_t kept = 0;
        const std::uint32_t head0 = tail;
        std::uint32_t next = std::numeric_limits<std::uint32_t>::max();
        for (std::uint32_t i = 0; i < left; ++i) {
            const std::uint32_t v = remaining[i];
            const std::uint32_t d = deg(v);
            if (d > level) {
                remaining[kept++] = v;
                next = std::min(next, d);
            } else if (d == level) {
                queue[tail++] = v;
            }  // d < level: queued at an earlier level
        }
        left = kept;
        const std::uint32_t k = level;
        auto lower = [&](std::uint32_t u) {
            std::uint32_t& du = deg(u);
            if (du <= k) return;
            if (--du == k) {
                queue[tail++] = u;
            } else if (du < next) {
                next = du;
            }
        };
        for (std::uint32_t head = head0; head < tail; ++head) neighbours(queue[head], lower);
        level = next;  // every degree left is >= next: kept ones as scanned or lowered above k
    }
}

/// Peels by `deg`: `neighbours(v, lower)` must call `lower(u)` once for each lowering that
/// removing v makes (a vertex lowered twice is named twice). On return deg[v] is v's core
/// number. Cost: O(E) plus O(V) per distinct core value (see above). Throws only on
/// allocation.
template <class Neighbours>
std::vector<std::uint32_t> peel_levels(std::vector<std::uint32_t> deg, Neighbours&& neighbours) {
    peel_levels_in(
        static_cast<std::uint32_t>(deg.size()),
        [&deg](std::uint32_t v) -> std::uint32_t& { return deg[v]; }, neighbours);
    return deg;
}

} // namespace copnet::detail
