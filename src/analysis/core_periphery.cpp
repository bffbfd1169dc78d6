// Borgatti & Everett (2000) core/periphery models: continuous scores by coordinate descent,
// discrete partition by best prefix + single-move local search, fits from block sums in O(1).

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <numeric>
#include <random>
#include <vector>

#include "copnet/analysis/circles.hpp"
#include "copnet/error.hpp"
#include "simple_graph.hpp"

namespace copnet {
namespace {

// The undirected simple graph among the kept stakeholders, with local indices and a_ij values.
struct CpGraph {
    std::vector<StakeholderId> who;
    std::vector<std::uint32_t> offsets{0};
    std::vector<std::uint32_t> adj;
    std::vector<double> a;
    [[nodiscard]] std::uint32_t size() const noexcept {
        return static_cast<std::uint32_t>(who.size());
    }
};

CpGraph cp_graph(const Network& net, const CorePeripheryOptions& o, const Community* community) {
    const auto g = detail::CollapsedGraph::build(net, o.filter, o.weighted);
    const std::uint32_t n = g.size();
    std::vector<std::uint32_t> local(n, detail::Snapshot::npos);
    CpGraph out;
    for (std::uint32_t u = 0; u < n; ++u) {
        if (community != nullptr && !community->is_member(g.snap->stakeholder(u))) continue;
        local[u] = out.size();
        out.who.push_back(g.snap->stakeholder(u));
    }
    for (std::uint32_t u = 0; u < n; ++u) {
        if (local[u] == detail::Snapshot::npos) continue;
        for (std::uint32_t j = g.offsets[u]; j < g.offsets[u + 1]; ++j) {
            const std::uint32_t v = local[g.adj[j]];
            if (v == detail::Snapshot::npos) continue;
            out.adj.push_back(v);
            out.a.push_back(o.weighted ? g.weights[j] : 1.0);
        }
        out.offsets.push_back(static_cast<std::uint32_t>(out.adj.size()));
    }
    return out;
}

void check(const CorePeripheryOptions& o) {
    if (o.max_passes == 0) throw invalid_value("core/periphery: max_passes must be at least 1");
    if (o.max_sweeps == 0) throw invalid_value("core/periphery: max_sweeps must be at least 1");
    if (!(o.tolerance > 0.0)) throw invalid_value("core/periphery: tolerance must be > 0");
}

using Real = long double;

// Pearson correlation of two series from their sums over `count` items.
double correlation(Real count, Real sx, Real sxx, Real sa, Real saa, Real sxa) {
    const Real cov = count * sxa - sx * sa;
    const Real vx = count * sxx - sx * sx;
    const Real va = count * saa - sa * sa;
    if (!(vx > 0) || !(va > 0)) return std::numeric_limits<double>::quiet_NaN();
    return static_cast<double>(cov / std::sqrt(vx * va));
}

// Sums of a_ij and a_ij² over the pairs of each block, for the current core size.
struct Blocks {
    Real n = 0, core = 0;
    Real w_cc = 0, w_cp = 0, w_pp = 0;
    Real q_cc = 0, q_cp = 0, q_pp = 0;

    [[nodiscard]] double fit(BetweenBlock between) const {
        const Real p = n - core;
        const Real n_cc = core * (core - 1) / 2, n_pp = p * (p - 1) / 2, n_cp = core * p;
        if (between == BetweenBlock::ignored)
            return correlation(n_cc + n_pp, n_cc, n_cc, w_cc + w_pp, q_cc + q_pp, w_cc);
        const Real sx = n_cc + n_cp;
        return correlation(n_cc + n_pp + n_cp, sx, sx, w_cc + w_cp + w_pp, q_cc + q_cp + q_pp,
                           w_cc + w_cp);
    }
    // Blocks after moving a stakeholder with tie sums (to core wc, qc; total wt, qt) across.
    [[nodiscard]] Blocks moved(bool into_core, Real wc, Real qc, Real wt, Real qt) const {
        Blocks b = *this;
        const Real wp = wt - wc, qp = qt - qc;
        if (into_core) {
            b.core += 1;
            b.w_cc += wc; b.w_cp += wp - wc; b.w_pp -= wp;
            b.q_cc += qc; b.q_cp += qp - qc; b.q_pp -= qp;
        } else {
            b.core -= 1;
            b.w_cc -= wc; b.w_cp += wc - wp; b.w_pp += wp;
            b.q_cc -= qc; b.q_cp += qc - qp; b.q_pp += qp;
        }
        return b;
    }
};

Blocks blocks_of(const CpGraph& g, const std::vector<char>& core) {
    Blocks b;
    b.n = g.size();
    for (std::uint32_t u = 0; u < g.size(); ++u) {
        if (core[u]) b.core += 1;
        for (std::uint32_t j = g.offsets[u]; j < g.offsets[u + 1]; ++j) {
            const std::uint32_t v = g.adj[j];
            if (v < u) continue;  // each pair once
            const Real a = g.a[j], q = a * a;
            if (core[u] && core[v]) { b.w_cc += a; b.q_cc += q; }
            else if (core[u] || core[v]) { b.w_cp += a; b.q_cp += q; }
            else { b.w_pp += a; b.q_pp += q; }
        }
    }
    return b;
}

// Continuous model: exact coordinate descent on Σ_{i≠j} (a_ij − c_i c_j)².
std::vector<double> continuous(const CpGraph& g, const CorePeripheryOptions& o, std::size_t& sweeps,
                               double& fit) {
    const std::uint32_t n = g.size();
    std::vector<double> c(n, 0.0);
    double top = 0.0;
    for (std::uint32_t u = 0; u < n; ++u) {
        for (std::uint32_t j = g.offsets[u]; j < g.offsets[u + 1]; ++j) c[u] += g.a[j];
        top = std::max(top, c[u]);
    }
    if (top > 0)
        for (double& x : c) x /= top;
    double sum_sq = 0.0;
    for (double x : c) sum_sq += x * x;
    sweeps = 0;
    while (top > 0 && sweeps < o.max_sweeps) {
        ++sweeps;
        double change = 0.0, largest = 0.0;
        for (std::uint32_t u = 0; u < n; ++u) {
            double num = 0.0;
            for (std::uint32_t j = g.offsets[u]; j < g.offsets[u + 1]; ++j) num += g.a[j] * c[g.adj[j]];
            const double others = sum_sq - c[u] * c[u];
            const double next = others > 0 ? num / others : 0.0;
            change = std::max(change, std::abs(next - c[u]));
            sum_sq = others + next * next;
            c[u] = next;
            largest = std::max(largest, next);
        }
        if (largest <= 0) break;
        if (change <= o.tolerance * largest) break;
    }
    double largest = 0.0;
    for (double x : c) largest = std::max(largest, x);
    if (largest > 0)
        for (double& x : c) x /= largest;
    // corr(a_ij, c_i c_j) over unordered pairs i ≠ j.
    Real s1 = 0, s2 = 0, s4 = 0, sa = 0, saa = 0, sxa = 0;
    for (std::uint32_t u = 0; u < n; ++u) {
        const Real x = c[u];
        s1 += x; s2 += x * x; s4 += x * x * x * x;
        for (std::uint32_t j = g.offsets[u]; j < g.offsets[u + 1]; ++j) {
            if (g.adj[j] < u) continue;
            const Real a = g.a[j];
            sa += a; saa += a * a; sxa += a * x * c[g.adj[j]];
        }
    }
    const Real pairs = static_cast<Real>(n) * (static_cast<Real>(n) - 1) / 2;
    fit = correlation(pairs, (s1 * s1 - s2) / 2, (s2 * s2 - s4) / 2, sa, saa, sxa);
    return c;
}

bool better(double candidate, double current) {
    if (std::isnan(candidate)) return false;
    if (std::isnan(current)) return true;
    return candidate > current + 1e-12;
}

// A partition with its block sums and each stakeholder's tie sums towards the core, so that a
// single move is evaluated in O(1) and made in O(deg).
struct Search {
    const CpGraph* g;
    BetweenBlock between;
    std::vector<Real> wt, qt, wc, qc;
    std::vector<char> core;
    Blocks b;

    Search(const CpGraph& graph, BetweenBlock pattern) : g(&graph), between(pattern) {
        const std::uint32_t n = graph.size();
        wt.assign(n, 0); qt.assign(n, 0); wc.assign(n, 0); qc.assign(n, 0);
        core.assign(n, 0);
        b.n = n;
        for (std::uint32_t u = 0; u < n; ++u)
            for (std::uint32_t j = graph.offsets[u]; j < graph.offsets[u + 1]; ++j) {
                const Real a = graph.a[j];
                wt[u] += a;
                qt[u] += a * a;
                if (graph.adj[j] > u) { b.w_pp += a; b.q_pp += a * a; }
            }
    }
    [[nodiscard]] double fit() const { return b.fit(between); }
    [[nodiscard]] double fit_if_moved(std::uint32_t v) const {
        return b.moved(!core[v], wc[v], qc[v], wt[v], qt[v]).fit(between);
    }
    void flip(std::uint32_t v) {
        b = b.moved(!core[v], wc[v], qc[v], wt[v], qt[v]);
        const Real sign = core[v] ? -1 : 1;
        core[v] = static_cast<char>(!core[v]);
        for (std::uint32_t j = g->offsets[v]; j < g->offsets[v + 1]; ++j) {
            wc[g->adj[j]] += sign * g->a[j];
            qc[g->adj[j]] += sign * g->a[j] * g->a[j];
        }
    }
    // From all-periphery: the best prefix of `order` as the core (every prefix scanned).
    void best_prefix(const std::vector<std::uint32_t>& order) {
        double best = std::numeric_limits<double>::quiet_NaN();
        std::size_t best_size = 0;
        for (std::size_t i = 0; i < order.size(); ++i) {
            flip(order[i]);
            if (better(fit(), best)) {
                best = fit();
                best_size = i + 1;
            }
        }
        for (std::size_t i = order.size(); i > best_size; --i) flip(order[i - 1]);
    }
    // First-improvement single moves in slot order until a pass moves nobody (a local optimum:
    // no single move raises the fit) or `max_passes` passes. Returns the passes made.
    std::size_t local_search(std::size_t max_passes) {
        const std::uint32_t n = g->size();
        double current = fit();
        std::size_t passes = 0;
        bool moved = n > 0;
        while (moved && passes < max_passes) {
            moved = false;
            ++passes;
            for (std::uint32_t v = 0; v < n; ++v) {
                const double f = fit_if_moved(v);
                if (better(f, current)) {
                    flip(v);
                    current = fit();
                    moved = true;
                }
            }
        }
        return passes;
    }
};

std::vector<std::uint32_t> decreasing(const std::vector<double>& key) {
    std::vector<std::uint32_t> order(key.size());
    std::iota(order.begin(), order.end(), 0U);
    std::stable_sort(order.begin(), order.end(),
                     [&](std::uint32_t x, std::uint32_t y) { return key[x] > key[y]; });
    return order;
}

CorePeriphery run(const CpGraph& g, const CorePeripheryOptions& o) {
    const std::uint32_t n = g.size();
    CorePeriphery out;
    const std::vector<double> c = continuous(g, o, out.sweeps, out.continuous_fit);

    // Two starts: the best prefix by continuous score and by strength, each improved by the
    // local search; then iterated local search from the best (seeded random kicks).
    Search best(g, o.between);
    best.best_prefix(decreasing(c));
    out.passes += best.local_search(o.max_passes);
    {
        Search other(g, o.between);
        std::vector<double> strength(best.wt.begin(), best.wt.end());
        other.best_prefix(decreasing(strength));
        out.passes += other.local_search(o.max_passes);
        if (better(other.fit(), best.fit())) best = std::move(other);
    }
    std::mt19937_64 rng(o.seed);
    std::size_t reported = 0;
    for (std::size_t r = 0; r < o.restarts && n > 1; ++r) {
        detail::report_progress(o.progress, r, o.restarts, reported);
        Search trial = best;
        const std::uint32_t kicks = 1 + static_cast<std::uint32_t>(rng() % std::clamp<std::uint32_t>(n / 8, 1, 16));
        for (std::uint32_t k = 0; k < kicks; ++k) trial.flip(static_cast<std::uint32_t>(rng() % n));
        out.passes += trial.local_search(o.max_passes);
        if (better(trial.fit(), best.fit())) best = std::move(trial);
    }
    detail::report_progress(o.progress, o.restarts, o.restarts, reported);
    // Report the fit from freshly summed blocks (no drift from the running updates).
    out.discrete_fit = blocks_of(g, best.core).fit(o.between);
    out.scores.resize(n);
    for (std::uint32_t u = 0; u < n; ++u) {
        out.scores[u] = {g.who[u], c[u], best.core[u] != 0};
        if (best.core[u]) ++out.core_size;
    }
    return out;
}

double fit_of(const CpGraph& g, const std::vector<char>& core, BetweenBlock between) {
    return blocks_of(g, core).fit(between);
}

} // namespace

CorePeriphery core_periphery(const Network& net, const CorePeripheryOptions& options) {
    check(options);
    return run(cp_graph(net, options, nullptr), options);
}

CorePeriphery core_periphery(const Network& net, const Community& community,
                             const CorePeripheryOptions& options) {
    check(options);
    return run(cp_graph(net, options, &community), options);
}

double core_periphery_fit(const Network& net, const std::vector<bool>& core,
                          const CorePeripheryOptions& options, const Community* community) {
    check(options);
    const CpGraph g = cp_graph(net, options, community);
    std::vector<char> in(g.size(), 0);
    for (std::uint32_t u = 0; u < g.size(); ++u) {
        const std::uint32_t slot = g.who[u].index();
        in[u] = static_cast<char>(slot < core.size() && core[slot]);
    }
    return fit_of(g, in, options.between);
}

CircleFit circle_fit(const Network& net, const Community& community,
                     const CorePeripheryOptions& options) {
    check(options);
    const CpGraph g = cp_graph(net, options, &community);
    CircleFit out;
    out.members = g.size();
    std::vector<char> inner(g.size(), 0), core(g.size(), 0);
    for (std::uint32_t u = 0; u < g.size(); ++u) {
        const Circle c = community.circle(g.who[u]);
        inner[u] = static_cast<char>(c == Circle::core || c == Circle::inner);
        core[u] = static_cast<char>(c == Circle::core);
    }
    out.core_inner_vs_outer = fit_of(g, inner, options.between);
    out.core_vs_rest = fit_of(g, core, options.between);
    out.best = run(g, options).discrete_fit;
    return out;
}

} // namespace copnet
