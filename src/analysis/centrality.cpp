// The standard centralities as NetworkX 2.8 defines them (copnet/analysis/centrality.hpp).
#include "copnet/analysis/centrality.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <initializer_list>
#include <limits>
#include <memory>
#include <string>
#include <utility>

#include "copnet/analysis/boundary.hpp"
#include "copnet/error.hpp"
#include "detail/parallel.hpp"
#include "detail/text.hpp"
#include "measure_graph.hpp"
#include "peel.hpp"

namespace copnet {
namespace {

using detail::SimpleGraph;
constexpr double nan = std::numeric_limits<double>::quiet_NaN();
constexpr double inf = std::numeric_limits<double>::infinity();

constexpr std::array<std::string_view, measure_count> measure_names = {
    "degree",     "in_degree",      "out_degree", "strength",    "betweenness",
    "closeness",  "harmonic",       "pagerank",   "eigenvector", "coreness",
    "constraint", "effective_size", "reciprocity"};
constexpr std::array<std::string_view, 4> core_mode_names = {"all", "in", "out", "undirected"};

// ---- closeness and harmonic (one search per stakeholder on the reversed graph) ------------

struct Closeness {
    std::vector<double> closeness, harmonic;
};

// One worker's buffers: distances (infinite where unreached), the order reached, a heap.
struct Search {
    std::vector<double> dist;
    std::vector<char> settled;
    std::vector<std::uint32_t> order;
    std::vector<std::pair<double, std::uint32_t>> heap;

    explicit Search(std::uint32_t n) : dist(n, inf), settled(n, 0) { order.reserve(n); }

    // Breadth-first (unweighted) or Dijkstra (weights as distances) from s over `g`'s rows.
    void from(const SimpleGraph& g, std::uint32_t s, bool weighted) {
        order.clear();
        dist[s] = 0.0;
        if (!weighted) {
            order.push_back(s);
            for (std::size_t head = 0; head < order.size(); ++head) {
                const std::uint32_t v = order[head];
                for (std::uint32_t i = g.offsets[v]; i < g.offsets[v + 1]; ++i) {
                    const std::uint32_t w = g.targets[i];
                    if (dist[w] != inf) continue;
                    dist[w] = dist[v] + 1.0;
                    order.push_back(w);
                }
            }
            return;
        }
        const auto later = [](const auto& a, const auto& b) { return a > b; };
        heap.assign(1, {0.0, s});
        while (!heap.empty()) {
            std::pop_heap(heap.begin(), heap.end(), later);
            const auto [d, v] = heap.back();
            heap.pop_back();
            if (settled[v] != 0 || d != dist[v]) continue;
            settled[v] = 1;
            order.push_back(v);
            for (std::uint32_t i = g.offsets[v]; i < g.offsets[v + 1]; ++i) {
                const std::uint32_t w = g.targets[i];
                const double dw = d + g.weights[i];
                if (settled[w] != 0 || !(dw < dist[w])) continue;
                dist[w] = dw;
                heap.emplace_back(dw, w);
                std::push_heap(heap.begin(), heap.end(), later);
            }
        }
    }
    // Clears what `from` set.
    void reset() {
        for (std::uint32_t v : order) {
            dist[v] = inf;
            settled[v] = 0;
        }
    }
};

// From every v, the distances d(u, v) of the stakeholders u that reach v (searching `rev`, the
// rows of predecessors): closeness (r − 1)/Σd · (r − 1)/(V − 1) over the r reached
// (networkx.closeness_centrality, Wasserman–Faust scaled) and harmonic Σ 1/d
// (networkx.harmonic_centrality, zero distances skipped).
Closeness closeness_and_harmonic(const SimpleGraph& rev, bool weighted, unsigned threads,
                                 const Progress& progress) {
    const std::uint32_t n = rev.size();
    Closeness r{std::vector<double>(n, 0.0), std::vector<double>(n, 0.0)};
    std::vector<std::unique_ptr<Search>> searches(detail::worker_count(threads, n));
    const auto work = [&](unsigned worker, std::size_t first, std::size_t last) {
        if (!searches[worker]) searches[worker] = std::make_unique<Search>(n);
        Search& search = *searches[worker];
        for (std::size_t s = first; s < last; ++s) {
            search.from(rev, static_cast<std::uint32_t>(s), weighted);
            double total = 0.0, harmonic = 0.0;
            for (std::uint32_t v : search.order) {
                total += search.dist[v];
                if (search.dist[v] != 0.0) harmonic += 1.0 / search.dist[v];
            }
            search.reset();
            const double reached = static_cast<double>(search.order.size()) - 1.0;
            if (total > 0.0 && n > 1)
                r.closeness[s] = reached / total * (reached / (static_cast<double>(n) - 1.0));
            r.harmonic[s] = harmonic;
        }
    };
    detail::parallel_chunks(n, 16, threads, work, progress);
    return r;
}

// ---- PageRank and eigenvector (power iteration as NetworkX) -------------------------------

double weight_of(const SimpleGraph& g, std::uint32_t i, bool weighted) {
    return weighted ? g.weights[i] : 1.0;
}

// networkx.pagerank (_pagerank_scipy): x ← α (x·P + Σ_dangling x · 1/V) + (1 − α)/V, with P
// the row-normalised adjacency matrix, until Σ|Δx| < V · tol.
std::vector<double> pagerank(const SimpleGraph& out, bool weighted, const CentralityOptions& o) {
    const std::uint32_t n = out.size();
    if (n == 0) return {};
    const double nd = n;
    std::vector<double> inv_strength(n, 0.0);
    for (std::uint32_t u = 0; u < n; ++u) {
        double s = 0.0;
        for (std::uint32_t i = out.offsets[u]; i < out.offsets[u + 1]; ++i)
            s += weight_of(out, i, weighted);
        if (s != 0.0) inv_strength[u] = 1.0 / s;
    }
    std::vector<double> x(n, 1.0 / nd), next(n);
    const double p = 1.0 / nd;
    for (std::size_t it = 0; it < o.max_iterations; ++it) {
        std::fill(next.begin(), next.end(), 0.0);
        double dangling = 0.0;
        for (std::uint32_t u = 0; u < n; ++u) {
            if (inv_strength[u] == 0.0) {
                dangling += x[u];
                continue;
            }
            for (std::uint32_t i = out.offsets[u]; i < out.offsets[u + 1]; ++i)
                next[out.targets[i]] += x[u] * (weight_of(out, i, weighted) * inv_strength[u]);
        }
        double err = 0.0;
        for (std::uint32_t v = 0; v < n; ++v) {
            next[v] = o.alpha * (next[v] + dangling * p) + (1.0 - o.alpha) * p;
            err += std::abs(next[v] - x[v]);
        }
        x.swap(next);
        if (err < nd * o.tolerance) return x;
    }
    throw error("pagerank did not converge in " + std::to_string(o.max_iterations) +
                " iterations (as NetworkX's PowerIterationFailedConvergence): raise max_iterations "
                "or the tolerance");
}

// networkx.eigenvector_centrality: x ← (A + I)ᵀ x normalised to Euclidean length 1, from 1/V,
// until Σ|Δx| < V · tol (x[w] gains x[v] for every tie v → w: incoming ties count).
std::vector<double> eigenvector(const SimpleGraph& out, bool weighted, const CentralityOptions& o) {
    const std::uint32_t n = out.size();
    if (n == 0) return {};
    const double nd = n;
    std::vector<double> x(n, 1.0 / nd), next(n);
    for (std::size_t it = 0; it < o.max_iterations; ++it) {
        next = x;
        for (std::uint32_t u = 0; u < n; ++u)
            for (std::uint32_t i = out.offsets[u]; i < out.offsets[u + 1]; ++i)
                next[out.targets[i]] += x[u] * weight_of(out, i, weighted);
        double norm = 0.0;
        for (double v : next) norm += v * v;
        norm = std::sqrt(norm);
        if (norm == 0.0) norm = 1.0;
        double err = 0.0;
        for (std::uint32_t v = 0; v < n; ++v) {
            next[v] /= norm;
            err += std::abs(next[v] - x[v]);
        }
        x.swap(next);
        if (err < nd * o.tolerance) return x;
    }
    throw error("eigenvector centrality did not converge in " + std::to_string(o.max_iterations) +
                " iterations (as NetworkX's PowerIterationFailedConvergence): raise max_iterations "
                "or the tolerance");
}

// ---- coreness (Batagelj & Zaversnik 2003, generalised to in-, out- and in+out degrees) -----

// Peels by `deg`; removing v lowers the degree of every entry of v's rows in `lowered` (a
// vertex listed twice is lowered twice). On return deg[v] is v's core number.
std::vector<std::uint32_t> peel(std::vector<std::uint32_t> deg,
                                const std::vector<const SimpleGraph*>& lowered) {
    return detail::peel_levels(std::move(deg), [&](std::uint32_t v, auto&& lower) {
        for (const SimpleGraph* g : lowered)
            for (std::uint32_t j = g->offsets[v]; j < g->offsets[v + 1]; ++j) lower(g->targets[j]);
    });
}

std::vector<double> core_numbers(const detail::MeasureGraph& g, CoreMode mode) {
    const std::uint32_t n = g.size();
    std::vector<std::uint32_t> deg(n);
    std::vector<const SimpleGraph*> lowered;
    if (g.undirected || mode == CoreMode::undirected) {
        for (std::uint32_t v = 0; v < n; ++v) deg[v] = g.both.degree(v);
        lowered = {&g.both};
    } else if (mode == CoreMode::all) {
        for (std::uint32_t v = 0; v < n; ++v) deg[v] = g.out.degree(v) + g.in.degree(v);
        lowered = {&g.out, &g.in};
    } else if (mode == CoreMode::in) {
        for (std::uint32_t v = 0; v < n; ++v) deg[v] = g.in.degree(v);
        lowered = {&g.out};
    } else {
        for (std::uint32_t v = 0; v < n; ++v) deg[v] = g.out.degree(v);
        lowered = {&g.in};
    }
    const auto k = peel(std::move(deg), lowered);
    return {k.begin(), k.end()};
}

// ---- the rest ----------------------------------------------------------------------------

std::vector<double> returned_share(const detail::MeasureGraph& g) {
    const std::uint32_t n = g.size();
    std::vector<double> r(n, nan);
    for (std::uint32_t v = 0; v < n; ++v) {
        const std::uint32_t d = g.out.degree(v);
        if (d == 0) continue;
        std::uint32_t both = 0;
        std::uint32_t i = g.out.offsets[v], j = g.in.offsets[v];
        while (i < g.out.offsets[v + 1] && j < g.in.offsets[v + 1]) {
            if (g.out.targets[i] < g.in.targets[j]) {
                ++i;
            } else if (g.in.targets[j] < g.out.targets[i]) {
                ++j;
            } else {
                ++both;
                ++i;
                ++j;
            }
        }
        r[v] = static_cast<double>(both) / d;
    }
    return r;
}

void check(const CentralityOptions& o, std::uint32_t n) {
    if (o.samples && (*o.samples == 0 || *o.samples > n))
        throw invalid_value(
            "betweenness samples must be between 1 and the number of "
            "stakeholders (" +
            std::to_string(n) + "), got " + std::to_string(*o.samples));
    if (!(o.alpha >= 0.0 && o.alpha <= 1.0))
        throw invalid_value("pagerank alpha must be in [0, 1], got " + std::to_string(o.alpha));
    if (o.max_iterations == 0) throw invalid_value("max_iterations must be at least 1");
    if (!(o.tolerance > 0.0))
        throw invalid_value("tolerance must be > 0, got " + std::to_string(o.tolerance));
}

// Weighted paths read values as distances: none may be negative, and for betweenness none may
// be zero (zero-length ties make the number of shortest paths ill-defined).
void check_distances(const Network& net, const detail::MeasureGraph& g, bool positive) {
    for (std::uint32_t u = 0; u < g.size(); ++u)
        for (std::uint32_t i = g.out.offsets[u]; i < g.out.offsets[u + 1]; ++i) {
            const double w = g.out.weights[i];
            if (w > 0.0 || (!positive && w == 0.0)) continue;
            throw invalid_value(
                std::string(positive ? "weighted betweenness reads tie values as distances, "
                                       "which must be positive"
                                     : "weighted paths read tie values as distances, which "
                                       "cannot be negative") +
                ": the tie " + net.stakeholder(g.snap->stakeholder(u)).id + " -> " +
                net.stakeholder(g.snap->stakeholder(g.out.targets[i])).id + " has value " +
                std::to_string(w));
        }
}

bool wants(const std::vector<Measure>& ms, std::initializer_list<Measure> any) {
    for (Measure m : ms)
        for (Measure a : any)
            if (m == a) return true;
    return false;
}

} // namespace

std::string_view to_string(Measure measure) noexcept {
    return measure_names[static_cast<std::size_t>(measure)];
}

Measure parse_measure(std::string_view text) {
    return detail::parse_enum<Measure>(text, measure_names, "measure");
}

std::vector<Measure> parse_measures(std::string_view list) {
    std::vector<Measure> out;
    const auto add = [&](Measure m) {
        if (std::find(out.begin(), out.end(), m) == out.end()) out.push_back(m);
    };
    if (detail::trim(list).empty() || detail::iequals(detail::trim(list), "all")) {
        for (std::size_t m = 0; m < measure_count; ++m) add(static_cast<Measure>(m));
        return out;
    }
    while (true) {
        const auto comma = list.find(',');
        add(parse_measure(list.substr(0, comma)));
        if (comma == std::string_view::npos) break;
        list.remove_prefix(comma + 1);
    }
    return out;
}

std::string_view to_string(CoreMode mode) noexcept {
    return core_mode_names[static_cast<std::size_t>(mode)];
}

CoreMode parse_core_mode(std::string_view text) {
    return detail::parse_enum<CoreMode>(text, core_mode_names, "core mode");
}

const std::vector<double>& CentralityTable::column(Measure measure) const {
    for (std::size_t c = 0; c < measures.size(); ++c)
        if (measures[c] == measure) return values[c];
    throw invalid_value("the centrality table has no column \"" + std::string(to_string(measure)) +
                        "\"");
}

CentralityTable centrality(const Network& net, const CentralityOptions& options) {
    CentralityTable t;
    t.measures = options.measures;
    if (t.measures.empty()) t.measures = parse_measures("all");
    const auto& ms = t.measures;
    const bool need_weights = options.weighted || wants(ms, {Measure::strength});
    const detail::MeasureGraph g = detail::measure_graph(net, options.filter, need_weights, true);
    const std::uint32_t n = g.size();
    check(options, n);
    const bool weighted_paths =
        options.weighted &&
        wants(ms, {Measure::betweenness, Measure::closeness, Measure::harmonic});
    if (weighted_paths) check_distances(net, g, wants(ms, {Measure::betweenness}));
    t.undirected = g.undirected;
    t.normalized = options.normalized;
    t.ids.reserve(n);
    for (std::uint32_t v = 0; v < n; ++v) t.ids.push_back(g.snap->stakeholder(v));

    const double scale =
        options.normalized ? (n > 1 ? 1.0 / (static_cast<double>(n) - 1.0) : 1.0) : 1.0;
    const auto degrees = [&](auto degree_of) {
        std::vector<double> c(n);
        for (std::uint32_t v = 0; v < n; ++v)
            c[v] = options.normalized && n <= 1 ? 1.0 : degree_of(v) * scale;
        return c;
    };
    Closeness close;
    if (wants(ms, {Measure::closeness, Measure::harmonic}))
        close = closeness_and_harmonic(g.in, options.weighted, options.threads, options.progress);
    std::vector<StructuralHoles> holes;
    if (wants(ms, {Measure::constraint, Measure::effective_size}))
        holes = structural_holes(
            net,
            {.filter = options.filter, .weighted = options.weighted, .undirected = g.undirected});

    for (Measure m : ms) {
        std::vector<double> c;
        switch (m) {
        case Measure::degree:
            c = degrees([&](std::uint32_t v) {
                return g.undirected ? double(g.out.degree(v))
                                    : double(g.out.degree(v) + g.in.degree(v));
            });
            break;
        case Measure::in_degree:
            c = degrees([&](std::uint32_t v) { return double(g.in.degree(v)); });
            break;
        case Measure::out_degree:
            c = degrees([&](std::uint32_t v) { return double(g.out.degree(v)); });
            break;
        case Measure::strength:
            c.assign(n, 0.0);
            for (std::uint32_t v = 0; v < n; ++v) {
                for (std::uint32_t i = g.out.offsets[v]; i < g.out.offsets[v + 1]; ++i)
                    c[v] += g.out.weights[i];
                if (!g.undirected)
                    for (std::uint32_t i = g.in.offsets[v]; i < g.in.offsets[v + 1]; ++i)
                        c[v] += g.in.weights[i];
            }
            break;
        case Measure::betweenness: {
            BetweennessOptions b;
            b.filter = options.filter;
            b.undirected = g.undirected;
            b.normalized = options.normalized;
            b.endpoints = options.endpoints;
            b.weighted = options.weighted;
            b.samples = options.samples;
            b.seed = options.seed;
            b.threads = options.threads;
            const auto rows = betweenness(net, b);
            c.resize(n);
            for (std::uint32_t v = 0; v < n; ++v) c[v] = rows[v].value;
            break;
        }
        case Measure::closeness:
            c = close.closeness;
            break;
        case Measure::harmonic:
            c = close.harmonic;
            break;
        case Measure::pagerank:
            c = pagerank(g.out, options.weighted, options);
            break;
        case Measure::eigenvector:
            c = eigenvector(g.out, options.weighted, options);
            break;
        case Measure::coreness:
            c = core_numbers(g, options.cores);
            break;
        case Measure::constraint:
            c.resize(n);
            for (std::uint32_t v = 0; v < n; ++v) c[v] = holes[v].constraint;
            break;
        case Measure::effective_size:
            c.resize(n);
            for (std::uint32_t v = 0; v < n; ++v) c[v] = holes[v].effective_size;
            break;
        case Measure::reciprocity:
            c = returned_share(g);
            break;
        }
        t.values.push_back(std::move(c));
    }
    return t;
}

} // namespace copnet
