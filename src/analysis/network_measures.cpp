// Whole-network measures (copnet/analysis/network_measures.hpp).
#include "copnet/analysis/network_measures.hpp"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <limits>
#include <memory>
#include <numeric>
#include <optional>
#include <vector>

#include "copnet/analysis/components.hpp"
#include "copnet/analysis/gaps.hpp"
#include "detail/parallel.hpp"
#include "measure_graph.hpp"

namespace copnet {
namespace {

using detail::SimpleGraph;
constexpr double nan = std::numeric_limits<double>::quiet_NaN();
constexpr std::uint32_t none = detail::Snapshot::npos;

// ---- triad census (Batagelj & Mrvar 2001, as networkx.triadic_census) -----------------------

// TRICODES of networkx/algorithms/triads.py: the triad type (1-based index into triad_names) of
// each 6-bit code v→u 1, u→v 2, v→w 4, w→v 8, u→w 16, w→u 32.
constexpr std::array<std::uint8_t, 64> tricodes = {
    1, 2, 2, 3, 2, 4, 6, 8, 2, 6, 5, 7, 3, 8, 7, 11, 2, 6, 4, 8, 5, 9, 9, 13, 6, 10, 9, 14, 7, 14,
    12, 15, 2, 5, 6, 7, 6, 9, 10, 14, 4, 9, 9, 12, 8, 13, 14, 15, 3, 7, 8, 11, 7, 12, 14, 15, 8, 14,
    13, 15, 11, 15, 15, 16};

// Each entry of `both` (x's neighbour w) with its arcs: bit 0 x → w, bit 1 w → x, merged from
// the sorted rows of `out` and `in`. Cost: O(V + E).
std::vector<std::uint8_t> arc_codes(const SimpleGraph& out, const SimpleGraph& in,
                                    const SimpleGraph& both) {
    std::vector<std::uint8_t> code(both.targets.size(), 0);
    for (std::uint32_t x = 0; x < both.size(); ++x) {
        std::uint32_t i = out.offsets[x], j = in.offsets[x];
        for (std::uint32_t e = both.offsets[x]; e < both.offsets[x + 1]; ++e) {
            const std::uint32_t w = both.targets[e];
            std::uint8_t c = 0;
            if (i < out.offsets[x + 1] && out.targets[i] == w) {
                c |= 1;
                ++i;
            }
            if (j < in.offsets[x + 1] && in.targets[j] == w) {
                c |= 2;
                ++j;
            }
            code[e] = c;
        }
    }
    return code;
}

std::array<std::uint64_t, 16> triad_census(const SimpleGraph& out, const SimpleGraph& in,
                                           const SimpleGraph& both, detail::Stages& stages) {
    const std::uint32_t n = out.size();
    std::array<std::uint64_t, 16> census{};
    const std::vector<std::uint8_t> arcs = arc_codes(out, in, both);
    // code_v[w]: the arcs between v and w, valid where stamp_v[w] == v; the same for u.
    std::vector<std::uint32_t> stamp_v(n, none), stamp_u(n, none);
    std::vector<std::uint8_t> code_v(n, 0), code_u(n, 0);
    const auto mark = [&](std::uint32_t x, std::vector<std::uint32_t>& stamp,
                          std::vector<std::uint8_t>& code) {
        for (std::uint32_t e = both.offsets[x]; e < both.offsets[x + 1]; ++e) {
            stamp[both.targets[e]] = x;
            code[both.targets[e]] = arcs[e];
        }
    };
    // Progress by the arcs behind (rows are the work), every 4096 stakeholders.
    const std::size_t all_arcs = both.targets.size();
    for (std::uint32_t v = 0; v < n; ++v) {
        if ((v & 0xFFFU) == 0 && stages.active()) stages.at(both.offsets[v], all_arcs);
        mark(v, stamp_v, code_v);
        const std::uint32_t dv = both.degree(v);
        for (std::uint32_t i = both.offsets[v]; i < both.offsets[v + 1]; ++i) {
            const std::uint32_t u = both.targets[i];
            if (u <= v) continue;
            mark(u, stamp_u, code_u);
            const std::uint32_t vu = code_v[u];  // bit 0 v→u, bit 1 u→v
            // w adjacent to v: a connected triad counted here when u < w (rows are sorted, so
            // those follow u in v's row).
            for (std::uint32_t j = i + 1; j < both.offsets[v + 1]; ++j) {
                const std::uint32_t w = both.targets[j];
                const std::uint32_t uw = stamp_u[w] == u ? code_u[w] : 0;
                const std::uint32_t code = vu | (std::uint32_t{code_v[w]} << 2) | (uw << 4);
                ++census[tricodes[code] - 1U];
            }
            // w adjacent to u: counts the neighbours v and u share, and a triad when w is not
            // adjacent to v and v < w.
            std::uint32_t common = 0;
            for (std::uint32_t j = both.offsets[u]; j < both.offsets[u + 1]; ++j) {
                const std::uint32_t w = both.targets[j];
                if (w == v) continue;
                if (stamp_v[w] == v) {
                    ++common;
                    continue;
                }
                if (w < v) continue;
                const std::uint32_t code = vu | (std::uint32_t{code_u[w]} << 4);
                ++census[tricodes[code] - 1U];
            }
            // Triads with u–v tied and the third stakeholder tied to neither.
            const std::uint64_t neighbours = std::uint64_t{dv} + both.degree(u) - common - 2;
            census[vu == 3 ? 2 : 1] += std::uint64_t{n} - neighbours - 2;
        }
    }
    const std::uint64_t nn = n;
    const std::uint64_t total = n < 3 ? 0 : nn * (nn - 1) / 2 * (nn - 2) / 3;
    std::uint64_t found = 0;
    for (std::size_t t = 1; t < census.size(); ++t) found += census[t];
    census[0] = total - found;
    return census;
}

// ---- triangles (transitivity) ---------------------------------------------------------------

// networkx.transitivity: Σ_v 2·triangles(v) / Σ_v d(d − 1), each triangle found once from its
// lowest-ranked corner (rank by degree, then index).
double transitivity(const SimpleGraph& g, detail::Stages& stages) {
    const std::uint32_t n = g.size();
    const auto before = [&](std::uint32_t a, std::uint32_t b) {
        return g.degree(a) < g.degree(b) || (g.degree(a) == g.degree(b) && a < b);
    };
    std::vector<std::uint32_t> stamp(n, none);
    std::uint64_t triangles = 0;
    double triples = 0.0;
    for (std::uint32_t v = 0; v < n; ++v) {
        if ((v & 0xFFFU) == 0 && stages.active()) stages.at(g.offsets[v], g.targets.size());
        const double d = g.degree(v);
        triples += d * (d - 1.0);
        for (std::uint32_t i = g.offsets[v]; i < g.offsets[v + 1]; ++i)
            if (before(v, g.targets[i])) stamp[g.targets[i]] = v;
        for (std::uint32_t i = g.offsets[v]; i < g.offsets[v + 1]; ++i) {
            const std::uint32_t u = g.targets[i];
            if (!before(v, u)) continue;
            for (std::uint32_t j = g.offsets[u]; j < g.offsets[u + 1]; ++j) {
                const std::uint32_t w = g.targets[j];
                if (stamp[w] == v && before(u, w)) ++triangles;
            }
        }
    }
    if (triangles == 0) return 0.0;
    return 6.0 * static_cast<double>(triangles) / triples;
}

// ---- distances in the largest weak component ----------------------------------------------

struct Distances {
    std::optional<std::size_t> diameter;
    double average = nan;
};

Distances distances(const SimpleGraph& g, const std::vector<std::uint32_t>& members,
                    unsigned threads, const Progress& progress) {
    Distances r;
    const std::size_t k = members.size();
    if (k == 0) return r;
    if (k == 1) {
        r.diameter = 0;
        r.average = 0.0;
        return r;
    }
    const std::uint32_t n = g.size();
    struct Lane {
        std::vector<std::int32_t> dist;
        std::vector<std::uint32_t> queue;
        std::uint64_t sum = 0;
        std::uint64_t max = 0;
    };
    const unsigned workers = detail::worker_count(threads, k);
    std::vector<Lane> lanes(workers);
    const auto work = [&](unsigned worker, std::size_t first, std::size_t last) {
        Lane& l = lanes[worker];
        if (l.dist.empty()) {
            l.dist.assign(n, -1);
            l.queue.reserve(k);
        }
        for (std::size_t s = first; s < last; ++s) {
            l.queue.assign(1, members[s]);
            l.dist[members[s]] = 0;
            for (std::size_t head = 0; head < l.queue.size(); ++head) {
                const std::uint32_t v = l.queue[head];
                for (std::uint32_t i = g.offsets[v]; i < g.offsets[v + 1]; ++i) {
                    const std::uint32_t w = g.targets[i];
                    if (l.dist[w] >= 0) continue;
                    l.dist[w] = l.dist[v] + 1;
                    l.queue.push_back(w);
                }
            }
            for (std::uint32_t v : l.queue) {
                const auto d = static_cast<std::uint64_t>(l.dist[v]);
                l.sum += d;
                l.max = std::max(l.max, d);
                l.dist[v] = -1;
            }
        }
    };
    detail::parallel_chunks(k, 16, threads, work, progress);
    std::uint64_t sum = 0, max = 0;
    for (const Lane& l : lanes) {
        sum += l.sum;
        max = std::max(max, l.max);
    }
    r.diameter = static_cast<std::size_t>(max);
    r.average = static_cast<double>(sum) / (static_cast<double>(k) * static_cast<double>(k - 1));
    return r;
}

// ---- degree assortativity -----------------------------------------------------------------

// Pearson correlation over the arcs u → v of x = out-degree(u), y = in-degree(v) (on an
// undirected graph, whose rows list every edge both ways: the degrees at both ends).
double degree_assortativity(const SimpleGraph& out, const SimpleGraph& in) {
    const std::uint32_t n = out.size();
    const double arcs = static_cast<double>(out.targets.size());
    if (arcs == 0.0) return nan;
    double sx = 0.0, sy = 0.0;
    for (std::uint32_t u = 0; u < n; ++u)
        for (std::uint32_t i = out.offsets[u]; i < out.offsets[u + 1]; ++i) {
            sx += out.degree(u);
            sy += in.degree(out.targets[i]);
        }
    const double mx = sx / arcs, my = sy / arcs;
    double cxy = 0.0, cxx = 0.0, cyy = 0.0;
    for (std::uint32_t u = 0; u < n; ++u)
        for (std::uint32_t i = out.offsets[u]; i < out.offsets[u + 1]; ++i) {
            const double dx = out.degree(u) - mx;
            const double dy = in.degree(out.targets[i]) - my;
            cxy += dx * dy;
            cxx += dx * dx;
            cyy += dy * dy;
        }
    if (cxx == 0.0 || cyy == 0.0) return nan;
    return cxy / std::sqrt(cxx * cyy);
}

// ---- strong cutpoints ---------------------------------------------------------------------

// Immediate dominators of the flow graph (the vertices of one strong component, arcs `succ`
// within it, predecessors `pred`) from `root`, by Cooper, Harvey & Kennedy's iterative
// algorithm ("A simple, fast dominance algorithm", 2001); marks every vertex other than the
// root that is the immediate dominator of another (a non-trivial dominator).
struct Dominators {
    std::vector<std::uint32_t> idom, post, order, stack_v, stack_e;
    explicit Dominators(std::uint32_t n) : idom(n, none), post(n, none) {}

    void mark(const SimpleGraph& succ, const SimpleGraph& pred,
              const std::vector<std::uint32_t>& comp, std::uint32_t root, std::vector<char>& cut) {
        const std::uint32_t c = comp[root];
        // Iterative depth-first search from the root: postorder numbers.
        order.clear();
        stack_v.assign(1, root);
        stack_e.assign(1, succ.offsets[root]);
        post[root] = none - 1;  // visited
        while (!stack_v.empty()) {
            const std::uint32_t v = stack_v.back();
            std::uint32_t& e = stack_e.back();
            if (e < succ.offsets[v + 1]) {
                const std::uint32_t w = succ.targets[e++];
                if (comp[w] != c || post[w] != none) continue;
                post[w] = none - 1;
                stack_v.push_back(w);
                stack_e.push_back(succ.offsets[w]);
                continue;
            }
            post[v] = static_cast<std::uint32_t>(order.size());
            order.push_back(v);
            stack_v.pop_back();
            stack_e.pop_back();
        }
        idom[root] = root;
        const auto intersect = [&](std::uint32_t a, std::uint32_t b) {
            while (a != b) {
                while (post[a] < post[b]) a = idom[a];
                while (post[b] < post[a]) b = idom[b];
            }
            return a;
        };
        for (bool changed = true; changed;) {
            changed = false;
            for (std::size_t k = order.size() - 1; k-- > 0;) {  // reverse postorder, root skipped
                const std::uint32_t b = order[k];
                std::uint32_t next = none;
                for (std::uint32_t i = pred.offsets[b]; i < pred.offsets[b + 1]; ++i) {
                    const std::uint32_t p = pred.targets[i];
                    if (comp[p] != c || idom[p] == none) continue;
                    next = next == none ? p : intersect(p, next);
                }
                if (next != idom[b]) {
                    idom[b] = next;
                    changed = true;
                }
            }
        }
        for (std::uint32_t v : order)
            if (v != root && idom[v] != root) cut[idom[v]] = 1;
        for (std::uint32_t v : order) {
            idom[v] = none;
            post[v] = none;
        }
    }
};

// True if the strong component `members` without `gone` is still strongly connected (both
// searches from one remaining member reach all the others).
bool strongly_connected_without(const SimpleGraph& out, const SimpleGraph& in,
                                const std::vector<std::uint32_t>& comp,
                                const std::vector<std::uint32_t>& members, std::uint32_t gone,
                                std::vector<std::uint32_t>& seen, std::uint32_t& tag) {
    const std::uint32_t start = members[0] == gone ? members[1] : members[0];
    const std::uint32_t c = comp[start];
    std::vector<std::uint32_t> queue;
    for (const SimpleGraph* g : {&out, &in}) {
        ++tag;
        queue.assign(1, start);
        seen[start] = tag;
        for (std::size_t head = 0; head < queue.size(); ++head) {
            const std::uint32_t v = queue[head];
            for (std::uint32_t i = g->offsets[v]; i < g->offsets[v + 1]; ++i) {
                const std::uint32_t w = g->targets[i];
                if (w == gone || comp[w] != c || seen[w] == tag) continue;
                seen[w] = tag;
                queue.push_back(w);
            }
        }
        if (queue.size() + 1 < members.size()) return false;
    }
    return true;
}

// sna::cutpoints(connected="strong"): v whose removal increases the number of strong
// components, i.e. v in a strong component C with |C| ≥ 3 such that C − v is not strongly
// connected. Italiano, Laura & Santaroni (2012): for any root s of C, those are the non-trivial
// dominators of the flow graphs C(s) and Cᴿ(s), and s itself if C − s is not strongly connected.
std::size_t strong_cutpoints(const SimpleGraph& out, const SimpleGraph& in,
                             const std::vector<std::uint32_t>& comp, std::uint32_t count) {
    const std::uint32_t n = out.size();
    std::vector<std::vector<std::uint32_t>> members(count);
    for (std::uint32_t v = 0; v < n; ++v) members[comp[v]].push_back(v);
    std::vector<char> cut(n, 0);
    Dominators dom(n);
    std::vector<std::uint32_t> seen(n, 0);
    std::uint32_t tag = 0;
    for (const auto& m : members) {
        if (m.size() < 3) continue;
        const std::uint32_t root = m[0];
        dom.mark(out, in, comp, root, cut);
        dom.mark(in, out, comp, root, cut);
        if (!strongly_connected_without(out, in, comp, m, root, seen, tag)) cut[root] = 1;
    }
    return static_cast<std::size_t>(std::count(cut.begin(), cut.end(), 1));
}

} // namespace

bool reads_undirected(const Network& net, const TieFilter& filter) {
    return detail::reads_undirected(net, filter);
}

NetworkMeasures network_measures(const Network& net, TieFilter filter) {
    return network_measures(net, NetworkMeasuresOptions{.filter = filter});
}

NetworkMeasures network_measures(const Network& net, const NetworkMeasuresOptions& options) {
    const TieFilter& filter = options.filter;
    // Progress over the stages, weighted by their cost in ties as measured on the generated
    // 1M / 10M landscape (graph 2 s, triad census 105 s, transitivity 27 s, components 1 s,
    // assortativity 2 s, cutpoints 8 s and 4 s on a loaded machine); the distances, when asked,
    // are a search per stakeholder of the largest component.
    const std::size_t e = std::max<std::size_t>(net.tie_count(), 1);
    detail::Stages stages(options.progress,
                          {2 * e, 100 * e, 25 * e, e, e / 2,
                           options.distances ? net.stakeholder_count() * (net.stakeholder_count() + e) : 0,
                           2 * e, 8 * e, 4 * e});
    const detail::MeasureGraph g = detail::measure_graph(net, filter, false, true);
    stages.next();
    const std::uint32_t n = g.size();
    NetworkMeasures r;
    r.undirected = g.undirected;
    r.stakeholders = n;
    const std::size_t arcs = g.out.targets.size();
    r.ties = g.undirected ? arcs / 2 : arcs;
    const double pairs = static_cast<double>(n) * (static_cast<double>(n) - 1.0);
    r.density = n < 2 ? 0.0 : static_cast<double>(arcs) / pairs;

    // Dyads: M mutual, A asymmetric, N null, from the out rows and the either-way rows.
    const std::uint64_t tied = g.both.targets.size() / 2;
    const std::uint64_t mutual = arcs - tied;  // arcs = 2M + A, tied pairs = M + A
    r.dyad_census.mutual = mutual;
    r.dyad_census.asymmetric = tied - mutual;
    const std::uint64_t all_pairs = n < 2 ? 0 : std::uint64_t{n} * (n - 1) / 2;
    r.dyad_census.null = all_pairs - tied;
    const auto M = static_cast<double>(mutual);
    const auto A = static_cast<double>(tied - mutual);
    const auto N = static_cast<double>(r.dyad_census.null);
    r.reciprocity.edgewise = arcs == 0 ? nan : 2.0 * M / (2.0 * M + A);
    r.reciprocity.dyadic = all_pairs == 0 ? nan : (M + N) / (M + A + N);
    r.reciprocity.dyadic_nonnull = tied == 0 ? nan : M / (M + A);

    r.triad_census = triad_census(g.out, g.in, g.both, stages);
    stages.next();
    r.transitivity = transitivity(g.both, stages);
    stages.next();

    std::vector<std::uint32_t> comp;
    const std::uint32_t strong =
        detail::strong_components(n, g.out.offsets.data(), g.out.targets.data(), comp);
    r.strong_components = strong;
    stages.next();
    const Components weak = components(net, filter);
    r.weak_components = weak.count();
    stages.next();

    // The largest weak component: the first (in slot order) of the largest size.
    std::vector<std::uint32_t> members;
    if (weak.count() > 0) {
        const auto largest = static_cast<std::int64_t>(
            std::max_element(weak.sizes.begin(), weak.sizes.end()) - weak.sizes.begin());
        for (std::uint32_t v = 0; v < n; ++v)
            if (weak.piece[g.snap->slot_of[v]] == largest) members.push_back(v);
    }
    r.largest_component = members.size();
    if (options.distances) {
        const Distances d = distances(g.both, members, options.threads, stages.inner());
        r.diameter = d.diameter;
        r.average_distance = d.average;
    } else {
        r.average_distance = nan;
    }
    stages.next();

    r.degree_assortativity = degree_assortativity(g.out, g.in);
    stages.next();
    r.weak_cutpoints = articulation_points(net, filter).size();
    stages.next();
    r.strong_cutpoints =
        g.undirected ? r.weak_cutpoints : strong_cutpoints(g.out, g.in, comp, strong);
    stages.finish();
    return r;
}

} // namespace copnet
