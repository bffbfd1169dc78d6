#include "copnet/analysis/temporal_reach.hpp"

#include <algorithm>
#include <cstdint>
#include <utility>
#include <vector>

#include "copnet/error.hpp"
#include "detail/relations.hpp"

namespace copnet {

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
    const auto check = [&](std::size_t i) {
        if (log.source(i).index() >= holds.size() || log.target(i).index() >= holds.size())
            throw invalid_value("the event log names a stakeholder slot the network lacks");
    };
    const auto pass = [&](std::uint32_t from, std::uint32_t to, Time t) {
        if (!holds[from] || holds[to]) return;
        holds[to] = true;
        result.reached.push_back({StakeholderId(to), t});
    };
    // The arcs of one instant, by sender, and the holders whose news they spread.
    std::vector<std::pair<std::uint32_t, std::uint32_t>> arcs;
    std::vector<std::uint32_t> queue;
    const std::size_t n = log.size();
    std::size_t i = log.lower_bound(result.since);
    while (i < n) {
        const Time t = log.time(i);
        std::size_t j = i + 1;
        while (j < n && log.time(j) == t) ++j;
        if (j == i + 1) {
            check(i);
            const std::uint32_t s = log.source(i).index();
            const std::uint32_t d = log.target(i).index();
            const TieKind k = log.relation(i);
            if (follow.out(k)) pass(s, d, t);
            if (follow.in(k)) pass(d, s, t);
            i = j;
            continue;
        }
        // Several events at one instant: a breadth-first search over their arcs, so that the
        // message chains through them whatever their order in the file.
        arcs.clear();
        for (std::size_t e = i; e < j; ++e) {
            check(e);
            const std::uint32_t s = log.source(e).index();
            const std::uint32_t d = log.target(e).index();
            const TieKind k = log.relation(e);
            if (follow.out(k)) arcs.emplace_back(s, d);
            if (follow.in(k)) arcs.emplace_back(d, s);
        }
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

} // namespace copnet
