#include "detail/snapshot.hpp"

#include <cstdint>
#include <limits>

#include <gsl/gsl>

#include "copnet/error.hpp"
#include "detail/network_state.hpp"
#include "detail/relations.hpp"

namespace copnet::detail {

Snapshot Snapshot::build(const Network& net, TieFilter filter, bool with_weights) {
    const NetworkState& st = net.state();
    const Graph& g = st.graph;
    const Follow follow = resolve(filter, net);
    Snapshot s;
    const std::size_t slots = st.alive.size();
    s.compact_of.assign(slots, npos);
    s.slot_of.reserve(st.live);
    for (std::size_t v = 0; v < slots; ++v)
        if (st.alive[v]) {
            s.compact_of[v] = gsl::narrow<std::uint32_t>(s.slot_of.size());
            s.slot_of.push_back(gsl::narrow<std::uint32_t>(v));
        }
    const std::uint32_t n = s.size();
    s.offsets.assign(std::size_t{n} + 1, 0);
    // Count, then fill: a tie u → w is followed from u (forward) and/or from w (backward).
    // Rows are 32-bit: a mutual relation is followed both ways, so 2^32 − 1 ties can make
    // twice as many arcs, which must not wrap around.
    std::uint64_t arcs = 0;
    for (std::uint32_t u = 0; u < n; ++u) {
        std::uint32_t degree = 0;
        const auto v = s.slot_of[u];
        for (std::uint32_t id : g.out(v)) degree += follow.out(g.kind(id)) ? 1U : 0U;
        for (std::uint32_t id : g.in(v)) degree += follow.in(g.kind(id)) ? 1U : 0U;
        arcs += degree;
        if (arcs > std::numeric_limits<std::uint32_t>::max())
            throw invalid_value("the analysis follows more than 2^32 - 1 arcs (ties, a mutual "
                                "relation's counted both ways): too many for one snapshot");
        s.offsets[u + 1] = static_cast<std::uint32_t>(arcs);
    }
    s.targets.resize(s.offsets[n]);
    if (with_weights) s.weights.resize(s.offsets[n]);
    for (std::uint32_t u = 0; u < n; ++u) {
        std::uint32_t at = s.offsets[u];
        const auto v = s.slot_of[u];
        const auto put = [&](std::size_t other, double weight) {
            s.targets[at] = s.compact_of[other];
            if (with_weights) s.weights[at] = weight;
            ++at;
        };
        for (std::uint32_t id : g.out(v)) {
            const TieRecord& r = g.tie(id);
            if (follow.out(g.kind(id))) put(r.target, r.weight);
        }
        for (std::uint32_t id : g.in(v)) {
            const TieRecord& r = g.tie(id);
            if (follow.in(g.kind(id))) put(r.source, r.weight);
        }
    }
    return s;
}

Snapshot Snapshot::transpose() const {
    Snapshot t;
    t.slot_of = slot_of;
    t.compact_of = compact_of;
    const std::uint32_t n = size();
    t.offsets.assign(std::size_t{n} + 1, 0);
    for (std::uint32_t w : targets) ++t.offsets[w + 1];
    for (std::uint32_t v = 0; v < n; ++v) t.offsets[v + 1] += t.offsets[v];
    t.targets.resize(targets.size());
    if (!weights.empty()) t.weights.resize(weights.size());
    std::vector<std::uint32_t> at(t.offsets.begin(), t.offsets.end() - 1);
    for (std::uint32_t u = 0; u < n; ++u)
        for (std::uint32_t i = offsets[u]; i < offsets[u + 1]; ++i) {
            const std::uint32_t slot = at[targets[i]]++;
            t.targets[slot] = u;
            if (!weights.empty()) t.weights[slot] = weights[i];
        }
    return t;
}

std::shared_ptr<const Snapshot> Snapshot::of(const Network& net, TieFilter filter,
                                             bool with_weights) {
    const NetworkState& st = net.state();
    {
        const std::lock_guard lock(st.cache_mutex);
        std::erase_if(st.snapshots, [&](const auto& c) { return c.version != st.version; });
        for (const auto& c : st.snapshots)
            if (c.filter == filter && c.weights == with_weights) return c.snapshot;
    }
    // Built outside the lock: two threads may both build the same snapshot, never block long.
    auto built = std::make_shared<const Snapshot>(build(net, filter, with_weights));
    const std::lock_guard lock(st.cache_mutex);
    constexpr std::size_t keep = 4;
    if (st.snapshots.size() >= keep) st.snapshots.erase(st.snapshots.begin());
    st.snapshots.push_back({st.version, filter, with_weights, built});
    return built;
}

} // namespace copnet::detail
