#include "copnet/analysis/reach.hpp"

#include <algorithm>
#include <atomic>
#include <functional>
#include <mutex>
#include <memory>
#include <thread>
#include <unordered_map>

#include <gsl/gsl>

#include "detail/snapshot.hpp"
#include "copnet/error.hpp"
#include "detail/bfs.hpp"
#include "detail/categories.hpp"
#include "detail/parallel.hpp"

namespace copnet {
namespace {

using detail::Snapshot;

std::uint32_t hop_limit(const ReachOptions& options) {
    if (!options.max_hops) return Snapshot::npos;
    // Any limit at or above the number of stakeholders is the same as none.
    return static_cast<std::uint32_t>(
        std::min<std::size_t>(*options.max_hops, Snapshot::npos - 1));
}

std::vector<std::uint32_t> compact_sources(const Snapshot& s, const Network& net,
                                           std::span<const StakeholderId> sources) {
    std::vector<std::uint32_t> out;
    out.reserve(sources.size());
    for (StakeholderId who : sources) {
        const std::uint32_t v = s.vertex(who);
        if (v == Snapshot::npos) (void)net.stakeholder(who);  // throws unknown_stakeholder
        out.push_back(v);
    }
    return out;
}

// The members (or, without a community, everyone) at `level`, as compact vertices.
std::vector<std::uint32_t> at_level(const Network& net, const Snapshot& s,
                                    const Community* community, Level level) {
    std::vector<std::uint32_t> out;
    for (std::uint32_t v = 0; v < s.size(); ++v) {
        const StakeholderId who = s.stakeholder(v);
        if (community != nullptr && !community->is_member(who)) continue;
        if (net.stakeholder(who).level == level) out.push_back(v);
    }
    return out;
}

LevelFlow flow(const Network& net, const Snapshot& s, const Community* community, Level from,
               Level to, std::uint32_t max_hops, double target_share) {
    LevelFlow f;
    f.from = from;
    f.to = to;
    const auto senders = at_level(net, s, community, from);
    const auto receivers = at_level(net, s, community, to);
    f.senders = senders.size();
    f.receivers = receivers.size();
    detail::Bfs bfs(s.size());
    bfs.run(s, senders, max_hops);
    std::vector<char> is_receiver(s.size(), 0);
    for (std::uint32_t v : receivers) is_receiver[v] = 1;
    std::vector<std::size_t> new_at(bfs.levels(), 0);  // receivers first reached at each hop
    for (std::uint32_t h = 0; h < bfs.levels(); ++h)
        for (std::size_t i = bfs.level_begin(h); i < bfs.level_begin(h + 1); ++i)
            new_at[h] += is_receiver[bfs.order()[i]] != 0 ? 1U : 0U;
    while (!new_at.empty() && new_at.back() == 0) new_at.pop_back();
    std::size_t total = 0;
    for (std::size_t h = 0; h < new_at.size(); ++h) {
        total += new_at[h];
        f.reached_by_hop.push_back(total);
        if (!f.hops_to_target && f.receivers > 0 &&
            static_cast<double>(total) >= target_share * static_cast<double>(f.receivers))
            f.hops_to_target = h;
    }
    f.share = f.receivers == 0 ? 0.0
                               : static_cast<double>(total) / static_cast<double>(f.receivers);
    return f;
}

} // namespace

ReachResult reach(const Network& net, std::span<const StakeholderId> sources,
                  const ReachOptions& options) {
    if (sources.empty()) throw invalid_value("reach needs at least one source");
    const auto snap = Snapshot::of(net, options.filter);
    const Snapshot& s = *snap;
    const auto start = compact_sources(s, net, sources);
    detail::Bfs bfs(s.size());
    bfs.run(s, start, hop_limit(options));
    ReachResult result;
    result.reached.reserve(bfs.order().size());
    for (std::uint32_t h = 0; h < bfs.levels(); ++h)
        for (std::size_t i = bfs.level_begin(h); i < bfs.level_begin(h + 1); ++i)
            result.reached.push_back({s.stakeholder(bfs.order()[i]), h});
    return result;
}

namespace {

// Reach counts from each of `from` (compact vertices), split across threads in chunks; each
// result lands in its own slot, so the thread count cannot change it.
std::vector<ReachCount> counts_from(const Snapshot& s, const std::vector<std::uint32_t>& from,
                                    std::uint32_t limit, unsigned threads) {
    // The transposed ties let wide levels run bottom-up (see Bfs::run). Built by the first
    // search that wants them (about one search's worth of memory traffic), shared by all.
    std::once_flag once;
    Snapshot transposed;
    const std::function<const Snapshot&()> reverse = [&]() -> const Snapshot& {
        std::call_once(once, [&] { transposed = s.transpose(); });
        return transposed;
    };
    std::vector<ReachCount> counts(from.size());
    constexpr std::size_t chunk = 16;
    // One search (and its buffers) per worker, made by the worker on its first chunk.
    std::vector<std::unique_ptr<detail::Bfs>> searches(
        detail::worker_count(threads, (from.size() + chunk - 1) / chunk));
    detail::parallel_chunks(from.size(), chunk, threads,
                            [&](unsigned worker, std::size_t first, std::size_t last) {
                                auto& bfs = searches[worker];
                                if (!bfs) bfs = std::make_unique<detail::Bfs>(s.size());
                                for (std::size_t i = first; i < last; ++i) {
                                    const std::uint32_t one[] = {from[i]};
                                    bfs->run(s, one, limit, &reverse);
                                    counts[i] = {s.stakeholder(from[i]), bfs->order().size() - 1};
                                }
                            });
    return counts;
}

} // namespace

std::vector<ReachCount> reach_counts(const Network& net, const ReachOptions& options,
                                     unsigned threads) {
    const auto snap = Snapshot::of(net, options.filter);
    const Snapshot& s = *snap;
    std::vector<std::uint32_t> all(s.size());
    for (std::uint32_t v = 0; v < s.size(); ++v) all[v] = v;
    return counts_from(s, all, hop_limit(options), threads);
}

std::vector<ReachCount> reach_counts(const Network& net, std::span<const StakeholderId> who,
                                     const ReachOptions& options, unsigned threads) {
    const auto snap = Snapshot::of(net, options.filter);
    return counts_from(*snap, compact_sources(*snap, net, who), hop_limit(options), threads);
}

ReachBreakdown break_down(const Network& net, const ReachResult& result,
                          const Community* community, std::string_view facet) {
    ReachBreakdown out;
    std::vector<bool> reached(net.slot_count(), false);
    for (const Reached& r : result.reached) reached.at(r.who.index()) = true;
    if (community != nullptr) {
        for (Circle c : {Circle::core, Circle::inner, Circle::outer, Circle::none})
            out.by_circle.push_back({std::string(to_string(c)), 0, 0, 0.0});
        for (StakeholderId who : net.stakeholders()) {
            auto& row = out.by_circle[static_cast<std::size_t>(community->circle(who))];
            ++row.total;
            row.reached += reached[who.index()] ? 1U : 0U;
        }
    }
    if (!facet.empty()) {
        const Facet f = detail::checked_facet(net, facet);
        detail::CategoryTable rows(f);  // spellings of one category merge
        for (StakeholderId who : net.stakeholders()) {
            const std::string_view category = f(net.stakeholder(who));
            const std::uint32_t i = rows.add(category);
            if (i == out.by_facet.size()) out.by_facet.push_back({std::string(category), 0, 0, 0.0});
            auto& row = out.by_facet[i];
            ++row.total;
            row.reached += reached[who.index()] ? 1U : 0U;
        }
    }
    for (auto* rows : {&out.by_circle, &out.by_facet})
        for (auto& row : *rows)
            row.share = row.total == 0 ? 0.0
                                       : static_cast<double>(row.reached) /
                                             static_cast<double>(row.total);
    return out;
}

TwoWayFlow level_flow(const Network& net, const Community* community, Level a, Level b,
                      const ReachOptions& options, double target_share) {
    if (a == b) throw invalid_value("level flow needs two different levels");
    if (!(target_share > 0.0 && target_share <= 1.0))
        throw invalid_value("target share must be in (0,1]");
    const auto snap = Snapshot::of(net, options.filter);
    const Snapshot& s = *snap;
    const std::uint32_t limit = hop_limit(options);
    return TwoWayFlow{flow(net, s, community, a, b, limit, target_share),
                      flow(net, s, community, b, a, limit, target_share), target_share};
}

} // namespace copnet
