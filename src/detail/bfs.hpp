#pragma once
// Breadth-first search over a Snapshot with buffers kept between searches: only the vertices a
// search touched are reset, so many searches cost no re-initialisation (shared/PERFORMANCE.md).

#include <cstdint>
#include <span>
#include <vector>

#include "copnet/detail/snapshot.hpp"

namespace copnet::detail {

class Bfs {
public:
    explicit Bfs(std::uint32_t vertices) : dist_(vertices, Snapshot::npos) {}

    /// Searches from `sources` (duplicates ignored) up to `max_hops` (npos = unlimited). Then
    /// `order()` lists the vertices reached, sources first, by non-decreasing distance, and
    /// `distance(v)` gives each one's hops. Cost: O(vertices and ties reached).
    void run(const Snapshot& s, std::span<const std::uint32_t> sources, std::uint32_t max_hops) {
        reset();
        for (std::uint32_t v : sources)
            if (dist_[v] == Snapshot::npos) {
                dist_[v] = 0;
                order_.push_back(v);
            }
        const std::uint32_t* offsets = s.offsets.data();
        const std::uint32_t* targets = s.targets.data();
        for (std::size_t head = 0; head < order_.size(); ++head) {
            if (head + 4 < order_.size()) __builtin_prefetch(targets + offsets[order_[head + 4]]);
            const std::uint32_t u = order_[head];
            const std::uint32_t d = dist_[u];
            if (d == max_hops) continue;
            for (std::uint32_t i = offsets[u], end = offsets[u + 1]; i < end; ++i) {
                const std::uint32_t w = targets[i];
                if (dist_[w] == Snapshot::npos) {
                    dist_[w] = d + 1;
                    order_.push_back(w);
                }
            }
        }
    }

    [[nodiscard]] const std::vector<std::uint32_t>& order() const noexcept { return order_; }
    [[nodiscard]] std::uint32_t distance(std::uint32_t v) const noexcept { return dist_[v]; }

private:
    void reset() noexcept {
        for (std::uint32_t v : order_) dist_[v] = Snapshot::npos;
        order_.clear();
    }

    std::vector<std::uint32_t> dist_;
    std::vector<std::uint32_t> order_;
};

} // namespace copnet::detail
