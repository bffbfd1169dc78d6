// Betweenness (Brandes 2001) on the CSR snapshot, and boundary spanners (group-restricted
// betweenness beside the brokerage profile).
#include <algorithm>
#include <atomic>
#include <limits>
#include <memory>
#include <numeric>
#include <string>
#include <type_traits>
#include <utility>

#include "boundary_graph.hpp"
#include "copnet/analysis/boundary.hpp"
#include "detail/snapshot.hpp"
#include "copnet/error.hpp"
#include "detail/parallel.hpp"
#include "detail/random.hpp"

namespace copnet {
namespace {

using detail::SimpleGraph;

// Accumulators: sources are dealt to a fixed number of lanes, each summed in source order by
// one thread at a time, and lanes summed in lane order, so no sum depends on the threads.
constexpr std::size_t max_lanes = 8;

struct Sums {
    std::vector<double> betweenness;
    std::vector<double> cross;       // group-restricted (only with categories)
    double cross_pairs = 0.0;        // ordered pairs of different categories with a path
};

// What a single-source pass keeps per vertex, in one small record so that the random reads of
// a pass (distance and path count forward; distance and coefficient backward) hit one cache
// line, not several arrays: the pass is bound by memory latency at scale. σ(w) and w's
// coefficient (1 + δ(w))/σ(w) share one double: the backward pass reads σ(w) only to compute
// the coefficient, and reads only coefficients of vertices already done. Without categories the
// record is 16 bytes, so that at 1M stakeholders the records (16 MB) stay in the last-level
// cache beside the graph's rows.
template <bool Cross>
struct Slot;
template <>
struct alignas(16) Slot<false> {
    double value = 0.0;       // σ(v) forward; (1 + δ(v)) / σ(v) once v's dependency is complete
    std::int32_t dist = -1;
};
template <>
struct alignas(32) Slot<true> {
    double value = 0.0;       // as above
    double coef_cross = 0.0;  // (cross(v) + δ_cross(v)) / σ(v)
    std::int32_t dist = -1;
};

// How many vertices ahead in the queue the passes prefetch neighbours' records.
constexpr std::size_t lookahead = 8;

// Per-thread buffers of one single-source pass; reset only where touched.
template <bool Cross>
struct Pass {
    std::vector<Slot<Cross>> slot;
    std::vector<std::uint32_t> order;
    explicit Pass(std::uint32_t n) : slot(n) { order.reserve(n); }
};

// Brandes' single-source pass: breadth-first counting of shortest paths, then dependencies
// δ(v) = σ(v) Σ_{w: v→w on a shortest path} (1 + δ(w))/σ(w) in reverse order of distance.
template <bool Cross>
void single_source(const SimpleGraph& g, std::uint32_t s, Pass<Cross>& p, Sums& sums,
                   const std::vector<std::uint32_t>* cat, bool endpoints) {
    Slot<Cross>* slot = p.slot.data();
    p.order.clear();
    p.order.push_back(s);
    slot[s].dist = 0;
    slot[s].value = 1.0;
    const std::uint32_t* targets = g.targets.data();
    const std::uint32_t* offsets = g.offsets.data();
    for (std::size_t head = 0; head < p.order.size(); ++head) {
        // The queue is known ahead: fetch a later vertex's row start, then (once that is in)
        // its row, then (once that is in) its neighbours' records, each stage `lookahead` apart.
        const std::size_t queued = p.order.size();
        if (head + 3 * lookahead < queued) __builtin_prefetch(&offsets[p.order[head + 3 * lookahead]]);
        if (head + 2 * lookahead < queued) __builtin_prefetch(&targets[offsets[p.order[head + 2 * lookahead]]]);
        if (head + lookahead < queued) {
            const std::uint32_t ahead = p.order[head + lookahead];
            for (std::uint32_t i = offsets[ahead]; i < offsets[ahead + 1]; ++i)
                __builtin_prefetch(&slot[targets[i]]);
        }
        const std::uint32_t v = p.order[head];
        const std::int32_t dv = slot[v].dist + 1;
        const double sv = slot[v].value;
        for (std::uint32_t i = offsets[v]; i < offsets[v + 1]; ++i) {
            Slot<Cross>& w = slot[targets[i]];
            if (w.dist < 0) {
                w.dist = dv;
                p.order.push_back(targets[i]);
            }
            if (w.dist == dv) w.value += sv;
        }
    }
    std::uint32_t cs = 0;
    if constexpr (Cross) cs = (*cat)[s];
    for (std::size_t k = p.order.size(); k-- > 1;) {
        if (k > 3 * lookahead) __builtin_prefetch(&offsets[p.order[k - 3 * lookahead]]);
        if (k > 2 * lookahead) __builtin_prefetch(&targets[offsets[p.order[k - 2 * lookahead]]]);
        if (k > lookahead) {
            const std::uint32_t ahead = p.order[k - lookahead];
            for (std::uint32_t i = offsets[ahead]; i < offsets[ahead + 1]; ++i)
                __builtin_prefetch(&slot[targets[i]]);
        }
        const std::uint32_t v = p.order[k];
        Slot<Cross>& x = slot[v];
        const std::int32_t dv = x.dist + 1;
        double sum = 0.0;
        double sum_cross = 0.0;
        for (std::uint32_t i = offsets[v]; i < offsets[v + 1]; ++i) {
            const Slot<Cross>& w = slot[targets[i]];
            if (w.dist != dv) continue;
            sum += w.value;
            if constexpr (Cross) sum_cross += w.coef_cross;
        }
        const double sigma = x.value;
        const double delta = sigma * sum;
        sums.betweenness[v] += endpoints ? delta + 1.0 : delta;
        x.value = (1.0 + delta) / sigma;
        if constexpr (Cross) {
            const double delta_cross = sigma * sum_cross;
            const bool crossing = (*cat)[v] != cs;
            sums.cross[v] += delta_cross;
            if (crossing) sums.cross_pairs += 1.0;
            x.coef_cross = ((crossing ? 1.0 : 0.0) + delta_cross) / sigma;
        }
    }
    if (endpoints) sums.betweenness[s] += static_cast<double>(p.order.size() - 1);
    for (std::uint32_t v : p.order) slot[v] = Slot<Cross>{};
}

// Weighted: Brandes' pass with Dijkstra's algorithm, the weights as distances, as NetworkX's
// _single_source_dijkstra_path_basic (a path through v counts when the distances sum exactly).
struct WeightedPass {
    std::vector<double> dist, sigma, coef;
    std::vector<char> settled;
    std::vector<std::uint32_t> order;
    std::vector<std::pair<double, std::uint32_t>> heap;
    explicit WeightedPass(std::uint32_t n)
        : dist(n, std::numeric_limits<double>::infinity()), sigma(n, 0.0), coef(n, 0.0),
          settled(n, 0) {
        order.reserve(n);
    }
};

void single_source_weighted(const SimpleGraph& g, std::uint32_t s, WeightedPass& p, Sums& sums,
                            bool endpoints) {
    p.order.clear();
    p.heap.clear();
    p.dist[s] = 0.0;
    p.sigma[s] = 1.0;
    const auto later = [](const std::pair<double, std::uint32_t>& a,
                          const std::pair<double, std::uint32_t>& b) { return a > b; };
    p.heap.emplace_back(0.0, s);
    while (!p.heap.empty()) {
        std::pop_heap(p.heap.begin(), p.heap.end(), later);
        const auto [d, v] = p.heap.back();
        p.heap.pop_back();
        if (p.settled[v] != 0 || d != p.dist[v]) continue;
        p.settled[v] = 1;
        p.order.push_back(v);
        for (std::uint32_t i = g.offsets[v]; i < g.offsets[v + 1]; ++i) {
            const std::uint32_t w = g.targets[i];
            const double vw = d + g.weights[i];
            if (p.settled[w] == 0 && vw < p.dist[w]) {
                p.dist[w] = vw;
                p.sigma[w] = p.sigma[v];
                p.heap.emplace_back(vw, w);
                std::push_heap(p.heap.begin(), p.heap.end(), later);
            } else if (vw == p.dist[w] && w != s) {
                p.sigma[w] += p.sigma[v];
            }
        }
    }
    for (std::size_t k = p.order.size(); k-- > 1;) {
        const std::uint32_t v = p.order[k];
        double sum = 0.0;
        for (std::uint32_t i = g.offsets[v]; i < g.offsets[v + 1]; ++i) {
            const std::uint32_t w = g.targets[i];
            if (w != v && p.settled[w] != 0 && p.dist[v] + g.weights[i] == p.dist[w])
                sum += p.coef[w];
        }
        const double delta = p.sigma[v] * sum;
        sums.betweenness[v] += endpoints ? delta + 1.0 : delta;
        p.coef[v] = (1.0 + delta) / p.sigma[v];
    }
    if (endpoints) sums.betweenness[s] += static_cast<double>(p.order.size() - 1);
    for (std::uint32_t v : p.order) {
        p.dist[v] = std::numeric_limits<double>::infinity();
        p.sigma[v] = 0.0;
        p.coef[v] = 0.0;
        p.settled[v] = 0;
    }
}

// The sources: all, or `samples` drawn without replacement (seeded), in increasing order.
std::vector<std::uint32_t> sources(std::uint32_t n, const BetweennessOptions& o) {
    std::vector<std::uint32_t> all(n);
    std::iota(all.begin(), all.end(), 0U);
    if (!o.samples) return all;
    if (*o.samples == 0 || *o.samples > n)
        throw invalid_value("betweenness samples must be between 1 and the number of "
                            "stakeholders (" + std::to_string(n) + "), got " +
                            std::to_string(*o.samples));
    detail::Rng rng(o.seed, 0);
    for (std::size_t i = 0; i < *o.samples; ++i) {
        const std::size_t j = i + static_cast<std::size_t>(rng() % (n - i));
        std::swap(all[i], all[j]);
    }
    all.resize(*o.samples);
    std::sort(all.begin(), all.end());
    return all;
}

// Cross: group-restricted sums too; Weighted: Dijkstra passes (no group sums).
template <bool Cross, bool Weighted = false>
Sums accumulate(const SimpleGraph& g, const std::vector<std::uint32_t>& src, unsigned threads,
                const std::vector<std::uint32_t>* cat, bool endpoints = false,
                const Progress& progress = {}) {
    static_assert(!(Cross && Weighted));
    using PassType = std::conditional_t<Weighted, WeightedPass, Pass<Cross>>;
    const std::uint32_t n = g.size();
    const std::size_t lanes = std::max<std::size_t>(1, std::min(max_lanes, src.size()));
    std::vector<Sums> lane(lanes);
    const unsigned workers = detail::worker_count(threads, lanes);
    std::vector<std::unique_ptr<PassType>> passes(workers);
    // Sources done, counted by every worker and reported by the calling thread (worker 0).
    std::atomic<std::size_t> done{0};
    std::size_t reported = 0;
    detail::parallel_chunks(lanes, 1, threads,
                            [&](unsigned worker, std::size_t first, std::size_t last) {
        if (!passes[worker]) passes[worker] = std::make_unique<PassType>(n);
        for (std::size_t l = first; l < last; ++l) {
            Sums& sums = lane[l];
            sums.betweenness.assign(n, 0.0);
            if constexpr (Cross) sums.cross.assign(n, 0.0);
            for (std::size_t i = l; i < src.size(); i += lanes) {
                if constexpr (Weighted)
                    single_source_weighted(g, src[i], *passes[worker], sums, endpoints);
                else
                    single_source<Cross>(g, src[i], *passes[worker], sums, cat, endpoints);
                const std::size_t now = done.fetch_add(1, std::memory_order_relaxed) + 1;
                if (worker == 0 && now < src.size())
                    detail::report_progress(progress, now, src.size(), reported);
            }
        }
    });
    detail::report_progress(progress, src.size(), src.size(), reported);
    Sums total = std::move(lane[0]);
    if (total.betweenness.empty()) total.betweenness.assign(n, 0.0);
    if (Cross && total.cross.empty()) total.cross.assign(n, 0.0);
    for (std::size_t l = 1; l < lanes; ++l) {
        for (std::uint32_t v = 0; v < n; ++v) total.betweenness[v] += lane[l].betweenness[v];
        if constexpr (Cross) {
            for (std::uint32_t v = 0; v < n; ++v) total.cross[v] += lane[l].cross[v];
            total.cross_pairs += lane[l].cross_pairs;
        }
    }
    return total;
}

SimpleGraph paths_graph(const Network& net, const BetweennessOptions& o, bool weighted = false) {
    TieFilter filter = o.filter;
    if (o.undirected) filter.direction = Direction::both;
    SimpleGraph g = detail::simple_graph(*detail::Snapshot::of(net, filter, weighted));
    if (weighted) {
        // A parallel tie keeps the largest value (simple_graph). A distance must be positive:
        // with zero-length ties the shortest paths between two stakeholders may be endless
        // (a zero cycle), and NetworkX's count then depends on the order its edges were added.
        for (std::size_t i = 0; i < g.weights.size(); ++i)
            if (!(g.weights[i] > 0.0))
                throw invalid_value("weighted betweenness reads tie values as distances, which "
                                    "must be positive: a followed tie has value " +
                                    std::to_string(g.weights[i]));
    }
    return g;
}

} // namespace

std::vector<Betweenness> betweenness(const Network& net, const BetweennessOptions& options) {
    const SimpleGraph g = paths_graph(net, options, options.weighted);
    const auto snap = detail::Snapshot::of(net, options.filter);
    const std::uint32_t n = g.size();
    const auto src = sources(n, options);
    std::vector<Betweenness> out(n);
    if (n == 0) return out;
    Sums sums = options.weighted
                    ? accumulate<false, true>(g, src, options.threads, nullptr, options.endpoints,
                                              options.progress)
                    : accumulate<false>(g, src, options.threads, nullptr, options.endpoints,
                                        options.progress);
    // NetworkX's _rescale: normalised 1/((n−1)(n−2)) (none for n ≤ 2), with endpoints
    // 1/(n(n−1)) (none for n < 2), else ½ undirected; sampled × n/k whenever a scale applies.
    const auto nd = static_cast<double>(n);
    double scale = 1.0;
    if (options.normalized) {
        if (options.endpoints) {
            if (n >= 2) scale = 1.0 / (nd * (nd - 1.0));
        } else if (n > 2) {
            scale = 1.0 / ((nd - 1.0) * (nd - 2.0));
        }
    } else if (options.undirected) {
        scale = 0.5;
    }
    if (options.samples) {
        // NetworkX skips the n/k factor when no other scale applies (directed, raw); we do not:
        // a sampled estimate is always scaled to the whole.
        scale *= static_cast<double>(n) / static_cast<double>(src.size());
    }
    for (std::uint32_t v = 0; v < n; ++v)
        out[v] = {snap->stakeholder(v), sums.betweenness[v] * scale};
    return out;
}

namespace detail {

std::vector<Spanner> spanners(const Network& net, std::string_view facet,
                              const BetweennessOptions& options,
                              const std::vector<BrokerageRoles>* known_roles) {
    const detail::Categories cats = detail::categories(net, facet);
    const SimpleGraph g = paths_graph(net, options);
    const auto snap = detail::Snapshot::of(net, options.filter);
    const std::uint32_t n = g.size();
    const auto src = sources(n, options);
    std::vector<Spanner> out;
    if (n == 0) return out;
    const Sums sums = accumulate<true>(g, src, options.threads, &cats.of, false, options.progress);
    const double scale = (options.undirected ? 0.5 : 1.0) *
                         static_cast<double>(n) / static_cast<double>(src.size());

    // Brokerage on the directed simple graph; neighbours' categories either way.
    const SimpleGraph d = detail::simple_graph(*snap);
    const SimpleGraph in = detail::transpose(d);
    const auto roles = known_roles != nullptr
                           ? *known_roles
                           : detail::brokerage_counts(d, in, cats.of, cats.count(), options.threads);
    std::vector<std::uint32_t> seen(cats.count(), 0);
    for (std::uint32_t v = 0; v < n; ++v) {
        std::size_t reached = 0;
        for (const SimpleGraph* x : {&d, &in})
            for (std::uint32_t i = x->offsets[v]; i < x->offsets[v + 1]; ++i) {
                const std::uint32_t c = cats.of[x->targets[i]];
                if (seen[c] != v + 1) {
                    seen[c] = v + 1;
                    ++reached;
                }
            }
        if (reached < 2) continue;
        Spanner s;
        s.who = snap->stakeholder(v);
        s.categories = reached;
        s.betweenness = sums.betweenness[v] * scale;
        s.cross_group_betweenness = sums.cross[v] * scale;
        s.cross_group_share = sums.cross_pairs == 0.0 ? 0.0 : sums.cross[v] / sums.cross_pairs;
        s.brokerage = roles[v];
        out.push_back(s);
    }
    std::stable_sort(out.begin(), out.end(), [](const Spanner& a, const Spanner& b) {
        if (a.cross_group_share != b.cross_group_share)
            return a.cross_group_share > b.cross_group_share;
        return a.betweenness > b.betweenness;
    });
    return out;
}

} // namespace detail

std::vector<Spanner> boundary_spanners(const Network& net, std::string_view facet,
                                       const BetweennessOptions& options) {
    return detail::spanners(net, facet, options, nullptr);
}

} // namespace copnet
