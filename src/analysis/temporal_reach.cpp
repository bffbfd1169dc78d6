#include "copnet/analysis/temporal_reach.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <utility>
#include <vector>

#include "copnet/error.hpp"
#include "detail/relations.hpp"

namespace copnet {

namespace {

using Arc = std::pair<std::uint32_t, std::uint32_t>;

// The arcs the events [i, j) of one instant pass a message along (both ways for a relation
// followed both ways), into `arcs`. Throws invalid_value for an event naming a slot `net` does
// not hold.
void arcs_of(const Network& net, const EventLog& log, const detail::Follow& follow,
             std::size_t i, std::size_t j, std::vector<Arc>& arcs) {
    arcs.clear();
    for (std::size_t e = i; e < j; ++e) {
        if (!net.contains(log.source(e)) || !net.contains(log.target(e)))
            throw invalid_value("the event log names a stakeholder slot the network does not hold");
        const std::uint32_t s = log.source(e).index();
        const std::uint32_t d = log.target(e).index();
        const TieKind k = log.relation(e);
        if (follow.out(k)) arcs.emplace_back(s, d);
        if (follow.in(k)) arcs.emplace_back(d, s);
    }
}

} // namespace

TemporalReachResult temporal_reach(const Network& net, const EventLog& log,
                                   std::span<const StakeholderId> sources,
                                   const TemporalReachOptions& options) {
    if (sources.empty()) throw invalid_value("temporal reach needs at least one source");
    for (const StakeholderId s : sources) (void)net.stakeholder(s);  // throws unknown_stakeholder
    const detail::Follow follow = detail::resolve(options.filter, net);
    TemporalReachResult result;
    result.since = options.since ? *options.since : log.empty() ? 0 : log.first_time();
    std::vector<bool> holds(net.slot_count(), false);
    for (const StakeholderId s : sources) {
        if (holds[s.index()]) continue;
        holds[s.index()] = true;
        result.reached.push_back({s, result.since});
    }
    const auto pass = [&](std::uint32_t from, std::uint32_t to, Time t) {
        if (!holds[from] || holds[to]) return;
        holds[to] = true;
        result.reached.push_back({StakeholderId(to), t});
    };
    // The arcs of one instant, by sender, and the holders whose news they spread.
    std::vector<Arc> arcs;
    std::vector<std::uint32_t> queue;
    const std::size_t n = log.size();
    std::size_t i = log.lower_bound(result.since);
    while (i < n) {
        const Time t = log.time(i);
        std::size_t j = i + 1;
        while (j < n && log.time(j) == t) ++j;
        arcs_of(net, log, follow, i, j, arcs);
        if (j == i + 1) {  // one event: its arcs in turn
            for (const auto& [from, to] : arcs) pass(from, to, t);
            i = j;
            continue;
        }
        // Several events at one instant: a breadth-first search over their arcs, so that the
        // message chains through them whatever their order in the file.
        const bool spreads = std::any_of(arcs.begin(), arcs.end(), [&](const auto& a) {
            return holds[a.first] && !holds[a.second];
        });
        if (spreads) {
            std::stable_sort(arcs.begin(), arcs.end(),
                             [](const auto& a, const auto& b) { return a.first < b.first; });
            queue.clear();
            for (const auto& a : arcs)
                if (holds[a.first] && (queue.empty() || queue.back() != a.first)) queue.push_back(a.first);
            for (std::size_t q = 0; q < queue.size(); ++q) {
                const std::uint32_t u = queue[q];
                auto it = std::lower_bound(arcs.begin(), arcs.end(), u,
                                           [](const auto& a, std::uint32_t v) { return a.first < v; });
                for (; it != arcs.end() && it->first == u; ++it) {
                    if (holds[it->second]) continue;
                    pass(u, it->second, t);
                    queue.push_back(it->second);
                }
            }
        }
        i = j;
    }
    return result;
}

namespace {

// One pass over the events from `since` for up to 64 sources: bit k of mask[v] says that
// stakeholder v holds source k's message. Events at one instant spread by a work list: a
// stakeholder is queued again only when it gains a bit, so at most 64 times per instant.
void spread_masks(const Network& net, const EventLog& log, const detail::Follow& follow,
                  Time since, std::vector<std::uint64_t>& mask) {
    const auto pass = [&](std::uint32_t from, std::uint32_t to) {
        const std::uint64_t fresh = mask[from] & ~mask[to];
        mask[to] |= fresh;
        return fresh != 0;
    };
    std::vector<Arc> arcs;
    std::vector<std::uint32_t> queue;
    const std::size_t n = log.size();
    std::size_t i = log.lower_bound(since);
    while (i < n) {
        const Time t = log.time(i);
        std::size_t j = i + 1;
        while (j < n && log.time(j) == t) ++j;
        arcs_of(net, log, follow, i, j, arcs);
        if (j == i + 1) {  // one event: its arcs in turn
            for (const auto& [from, to] : arcs) pass(from, to);
            i = j;
            continue;
        }
        std::sort(arcs.begin(), arcs.end());
        queue.clear();
        for (const auto& a : arcs)
            if (mask[a.first] != 0 && (queue.empty() || queue.back() != a.first)) queue.push_back(a.first);
        for (std::size_t q = 0; q < queue.size(); ++q) {
            const std::uint32_t u = queue[q];
            auto it = std::lower_bound(arcs.begin(), arcs.end(), std::pair<std::uint32_t, std::uint32_t>{u, 0});
            for (; it != arcs.end() && it->first == u; ++it)
                if (pass(u, it->second)) queue.push_back(it->second);
        }
        i = j;
    }
}

} // namespace

std::vector<TemporalReachCount> temporal_reach_counts(const Network& net, const EventLog& log,
                                                      std::span<const StakeholderId> who,
                                                      const TemporalReachOptions& options) {
    for (const StakeholderId s : who) (void)net.stakeholder(s);  // throws unknown_stakeholder
    const detail::Follow follow = detail::resolve(options.filter, net);
    const Time since = options.since ? *options.since : log.empty() ? 0 : log.first_time();
    std::vector<TemporalReachCount> out;
    out.reserve(who.size());
    std::vector<std::uint64_t> mask(net.slot_count());
    std::array<std::size_t, 64> counts{};
    for (std::size_t first = 0; first < who.size(); first += 64) {
        const std::size_t batch = std::min<std::size_t>(64, who.size() - first);
        std::fill(mask.begin(), mask.end(), 0);
        for (std::size_t k = 0; k < batch; ++k) mask[who[first + k].index()] |= std::uint64_t{1} << k;
        spread_masks(net, log, follow, since, mask);
        counts.fill(0);
        for (std::uint64_t m : mask)
            for (; m != 0; m &= m - 1) ++counts[static_cast<std::size_t>(std::countr_zero(m))];
        for (std::size_t k = 0; k < batch; ++k) out.push_back({who[first + k], counts[k] - 1});
    }
    return out;
}

std::vector<TemporalReachCount> temporal_reach_counts(const Network& net, const EventLog& log,
                                                      const TemporalReachOptions& options) {
    std::vector<StakeholderId> everyone;
    everyone.reserve(net.stakeholder_count());
    for (const StakeholderId s : net.stakeholders()) everyone.push_back(s);
    return temporal_reach_counts(net, log, everyone, options);
}

} // namespace copnet
