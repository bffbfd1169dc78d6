#pragma once
// Breadth-first search over a Snapshot, level by level, with buffers kept between searches.
// Visited vertices are bits of a bitmap (V/8 bytes: it stays in cache where a distance array
// of V words would not), and distances are implied by the level boundaries in the queue, so a
// search writes nothing per vertex but one bit and one queue entry. Only the bitmap words a
// search touched are cleared before the next (shared/PERFORMANCE.md: BFS is bound by memory
// latency, and many searches must not pay O(V) each).

#include <cstdint>
#include <span>
#include <vector>

#include "copnet/detail/snapshot.hpp"

namespace copnet::detail {

class Bfs {
public:
    explicit Bfs(std::uint32_t vertices) : seen_((std::size_t{vertices} + 63) / 64, 0) {}

    /// Searches from `sources` (duplicates ignored) up to `max_hops` (npos = unlimited). Then
    /// `order()` lists the vertices reached, sources first, by non-decreasing distance, and the
    /// vertices at distance h are order()[level_begin(h) .. level_begin(h + 1)).
    /// Cost: O(vertices and ties reached).
    void run(const Snapshot& s, std::span<const std::uint32_t> sources, std::uint32_t max_hops) {
        reset();
        for (std::uint32_t v : sources)
            if (visit(v)) order_.push_back(v);
        const std::uint32_t* offsets = s.offsets.data();
        const std::uint32_t* targets = s.targets.data();
        levels_.push_back(0);
        std::size_t begin = 0;
        for (std::uint32_t d = 0; begin < order_.size(); ++d) {
            const std::size_t end = order_.size();
            levels_.push_back(end);
            if (d == max_hops) break;
            for (std::size_t i = begin; i < end; ++i) {
                // Two-stage prefetch: the row start of a vertex 16 ahead, the row of one 4 ahead.
                if (i + 16 < end) __builtin_prefetch(offsets + order_[i + 16]);
                if (i + 4 < end) __builtin_prefetch(targets + offsets[order_[i + 4]]);
                const std::uint32_t u = order_[i];
                for (std::uint32_t j = offsets[u], stop = offsets[u + 1]; j < stop; ++j) {
                    const std::uint32_t w = targets[j];
                    if (visit(w)) order_.push_back(w);
                }
            }
            begin = end;
        }
    }

    /// The vertices reached, by non-decreasing distance.
    [[nodiscard]] const std::vector<std::uint32_t>& order() const noexcept { return order_; }
    /// Number of distances reached (the largest distance + 1).
    [[nodiscard]] std::uint32_t levels() const noexcept {
        return static_cast<std::uint32_t>(levels_.size() - 1);
    }
    /// Index in `order()` of the first vertex at distance h (h ≤ levels()).
    [[nodiscard]] std::size_t level_begin(std::uint32_t h) const noexcept { return levels_[h]; }

private:
    // Marks v; true if it was not marked.
    bool visit(std::uint32_t v) noexcept {
        std::uint64_t& word = seen_[v >> 6U];
        const std::uint64_t bit = std::uint64_t{1} << (v & 63U);
        if ((word & bit) != 0) return false;
        word |= bit;
        return true;
    }

    void reset() noexcept {
        for (std::uint32_t v : order_) seen_[v >> 6U] = 0;
        order_.clear();
        levels_.clear();
    }

    std::vector<std::uint64_t> seen_;
    std::vector<std::uint32_t> order_;
    std::vector<std::size_t> levels_;
};

} // namespace copnet::detail
