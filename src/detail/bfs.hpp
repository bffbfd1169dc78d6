#pragma once
// Breadth-first search over a Snapshot, level by level, with buffers kept between searches.
// Visited vertices are bits of a bitmap (V/8 bytes: it stays in cache where a distance array
// of V words would not), and distances are implied by the level boundaries in the queue, so a
// search writes nothing per vertex but one bit and one queue entry. Only the bitmap words a
// search touched are cleared before the next (shared/PERFORMANCE.md: BFS is bound by memory
// latency, and many searches must not pay O(V) each).

#include <cstdint>
#include <functional>
#include <span>
#include <vector>

#include "detail/snapshot.hpp"

namespace copnet::detail {

class Bfs {
public:
    explicit Bfs(std::uint32_t vertices) : seen_((std::size_t{vertices} + 63) / 64, 0) {}

    /// Searches from `sources` (duplicates ignored) up to `max_hops` (npos = unlimited). Then
    /// `order()` lists the vertices reached, sources first, by non-decreasing distance, and the
    /// vertices at distance h are order()[level_begin(h) .. level_begin(h + 1)).
    /// With `reverse` (giving the same ties, each followed the other way; called only when a
    /// level goes bottom-up, so it can build them lazily), a level whose frontier has
    /// many ties is searched bottom-up instead: every unreached vertex looks for a reached
    /// in-neighbour and stops at the first (Beamer, Asanović & Patterson, SC 2012,
    /// "direction-optimizing BFS"). Within a level the order may then differ; the levels do not.
    /// Cost: O(vertices and ties reached) top-down; a bottom-up level costs O(V/64) plus the
    /// in-ties scanned.
    void run(const Snapshot& s, std::span<const std::uint32_t> sources, std::uint32_t max_hops,
             const std::function<const Snapshot&()>* reverse = nullptr) {
        reset();
        for (std::uint32_t v : sources)
            if (visit(v)) order_.push_back(v);
        const std::uint32_t* offsets = s.offsets.data();
        const std::uint32_t* targets = s.targets.data();
        levels_.push_back(0);
        std::size_t begin = 0;
        // Ties not yet examined from reached vertices: an upper bound on what top-down has left.
        std::uint64_t unexplored = s.targets.size();
        for (std::uint32_t d = 0; begin < order_.size(); ++d) {
            const std::size_t end = order_.size();
            levels_.push_back(end);
            if (d == max_hops) break;
            std::uint64_t frontier_ties = 0;
            for (std::size_t i = begin; i < end; ++i)
                frontier_ties += offsets[order_[i] + 1] - offsets[order_[i]];
            unexplored -= std::min(unexplored, frontier_ties);
            // Beamer's switch: bottom-up when the frontier holds more than 1/14 of the ties
            // left, and the frontier is not tiny.
            if (reverse != nullptr && frontier_ties * 14 > unexplored &&
                (end - begin) * 24 > s.size()) {
                bottom_up((*reverse)());
            } else {
                for (std::size_t i = begin; i < end; ++i) {
                    // Two-stage prefetch: the row start of a vertex 16 ahead, the row of one 4
                    // ahead.
                    if (i + 16 < end) __builtin_prefetch(offsets + order_[i + 16]);
                    if (i + 4 < end) __builtin_prefetch(targets + offsets[order_[i + 4]]);
                    const std::uint32_t u = order_[i];
                    for (std::uint32_t j = offsets[u], stop = offsets[u + 1]; j < stop; ++j) {
                        const std::uint32_t w = targets[j];
                        if (visit(w)) order_.push_back(w);
                    }
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

    // One level bottom-up: an unreached vertex with a reached in-neighbour joins the next
    // level (a reached in-neighbour must be in the current level, or the vertex would have been
    // reached already). Marks are applied after the scan so that the level stays one level.
    void bottom_up(const Snapshot& reverse) {
        const std::uint32_t* offsets = reverse.offsets.data();
        const std::uint32_t* sources = reverse.targets.data();
        const std::size_t first = order_.size();
        const std::uint32_t n = reverse.size();
        for (std::size_t word = 0; word < seen_.size(); ++word) {
            std::uint64_t free = ~seen_[word];
            while (free != 0) {
                const auto v = static_cast<std::uint32_t>(word * 64 +
                                                          static_cast<unsigned>(__builtin_ctzll(free)));
                free &= free - 1;
                if (v >= n) break;
                for (std::uint32_t j = offsets[v], stop = offsets[v + 1]; j < stop; ++j)
                    if (marked(sources[j])) {
                        order_.push_back(v);
                        break;
                    }
            }
        }
        for (std::size_t i = first; i < order_.size(); ++i) (void)visit(order_[i]);
    }

    [[nodiscard]] bool marked(std::uint32_t v) const noexcept {
        return (seen_[v >> 6U] >> (v & 63U) & 1U) != 0;
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
