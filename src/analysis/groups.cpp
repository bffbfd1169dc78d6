// Detected groups beside declared ones (copnet/analysis/groups.hpp): modularity, Louvain,
// Leiden, and the agreement of two partitions (NMI, ARI).
#include "copnet/analysis/groups.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <numeric>
#include <string>
#include <utility>
#include <vector>

#include "boundary_graph.hpp"
#include "copnet/community.hpp"
#include "copnet/error.hpp"
#include "detail/random.hpp"
#include "detail/text.hpp"
#include "simple_graph.hpp"

namespace copnet {
namespace {

constexpr double nan = std::numeric_limits<double>::quiet_NaN();
constexpr std::uint32_t none = std::numeric_limits<std::uint32_t>::max();
constexpr std::array<std::string_view, 2> method_names = {"louvain", "leiden"};
/// Leiden's randomness θ of the refinement (igraph's `beta`, leidenalg's default).
constexpr double theta = 0.01;

// An undirected weighted graph, each edge in both rows, with a self-loop weight per vertex (the
// weight inside a merged vertex). strength = Σ row weights + 2 · self; total m = Σ strength / 2.
struct Graph {
    std::uint32_t n = 0;
    std::vector<std::uint32_t> offsets;
    std::vector<std::uint32_t> targets;
    std::vector<double> weights;
    std::vector<double> self;
    std::vector<double> strength;
    double total = 0.0;
};

void check_resolution(double gamma) {
    if (!(gamma > 0.0) || !std::isfinite(gamma))
        throw invalid_value("the resolution must be a number > 0 (got " +
                            detail::shortest(gamma) + ")");
}

// The undirected simple graph of the filter's ties; `valued` says if a weight is not 1.
Graph base_graph(const Network& net, const GroupOptions& o, bool& valued) {
    detail::CollapsedGraph c = detail::CollapsedGraph::build(net, o.filter, o.weighted);
    Graph g;
    g.n = c.size();
    g.offsets = std::move(c.offsets);
    g.targets = std::move(c.adj);
    valued = false;
    if (o.weighted) {
        g.weights = std::move(c.weights);
        for (const double w : g.weights) {
            if (!(w >= 0.0) || !std::isfinite(w))
                throw invalid_value("groups need tie values ≥ 0 as weights (a followed tie has " +
                                    detail::shortest(w) +
                                    "); follow other relations, or read the ties unweighted");
            if (w != 1.0) valued = true;
        }
    } else {
        g.weights.assign(g.targets.size(), 1.0);
    }
    g.self.assign(g.n, 0.0);
    g.strength.assign(g.n, 0.0);
    double sum = 0.0;
    for (std::uint32_t v = 0; v < g.n; ++v) {
        double s = 0.0;
        for (std::uint32_t e = g.offsets[v]; e < g.offsets[v + 1]; ++e) s += g.weights[e];
        g.strength[v] = s;
        sum += s;
    }
    g.total = sum / 2.0;
    return g;
}

// Q of membership `of` (k groups) with resolution γ; NaN without edges.
double modularity_of(const Graph& g, const std::vector<std::uint32_t>& of, std::size_t k,
                     double gamma) {
    if (!(g.total > 0.0)) return nan;
    std::vector<double> inside(k, 0.0), degree(k, 0.0);
    for (std::uint32_t v = 0; v < g.n; ++v) {
        const std::uint32_t c = of[v];
        degree[c] += g.strength[v];
        inside[c] += g.self[v];
        for (std::uint32_t e = g.offsets[v]; e < g.offsets[v + 1]; ++e)
            if (of[g.targets[e]] == c) inside[c] += g.weights[e] / 2.0;
    }
    const double m = g.total;
    double q = 0.0;
    for (std::size_t c = 0; c < k; ++c) {
        const double d = degree[c] / (2.0 * m);
        q += inside[c] / m - gamma * d * d;
    }
    return q;
}

// Renumbers `comm` 0, 1, … in order of first vertex; returns the number of groups.
std::uint32_t renumber(std::vector<std::uint32_t>& comm) {
    std::vector<std::uint32_t> label(comm.size(), none);
    std::uint32_t next = 0;
    for (auto& c : comm) {
        if (label[c] == none) label[c] = next++;
        c = label[c];
    }
    return next;
}

std::vector<std::uint32_t> identity(std::uint32_t n) {
    std::vector<std::uint32_t> v(n);
    std::iota(v.begin(), v.end(), 0U);
    return v;
}

void shuffle(std::vector<std::uint32_t>& v, detail::Rng& rng) {
    for (std::size_t i = v.size(); i > 1; --i) std::swap(v[i - 1], v[rng() % i]);
}

// The graph whose vertices are the groups of `comm` (k of them, numbered 0..k-1).
Graph aggregate(const Graph& g, const std::vector<std::uint32_t>& comm, std::uint32_t k) {
    std::vector<std::uint32_t> start(std::size_t{k} + 1, 0), members(g.n);
    for (std::uint32_t v = 0; v < g.n; ++v) ++start[comm[v] + 1];
    for (std::uint32_t c = 0; c < k; ++c) start[c + 1] += start[c];
    {
        std::vector<std::uint32_t> at(start.begin(), start.end() - 1);
        for (std::uint32_t v = 0; v < g.n; ++v) members[at[comm[v]]++] = v;
    }
    Graph h;
    h.n = k;
    h.offsets.assign(std::size_t{k} + 1, 0);
    h.self.assign(k, 0.0);
    h.strength.assign(k, 0.0);
    h.total = g.total;
    std::vector<std::uint32_t> stamp(k, none), pos(k, 0);
    for (std::uint32_t c = 0; c < k; ++c) {
        for (std::uint32_t i = start[c]; i < start[c + 1]; ++i) {
            const std::uint32_t v = members[i];
            h.self[c] += g.self[v];
            h.strength[c] += g.strength[v];
            for (std::uint32_t e = g.offsets[v]; e < g.offsets[v + 1]; ++e) {
                const std::uint32_t d = comm[g.targets[e]];
                if (d == c) {
                    h.self[c] += g.weights[e] / 2.0;
                } else if (stamp[d] != c) {
                    stamp[d] = c;
                    pos[d] = static_cast<std::uint32_t>(h.targets.size());
                    h.targets.push_back(d);
                    h.weights.push_back(g.weights[e]);
                } else {
                    h.weights[pos[d]] += g.weights[e];
                }
            }
        }
        h.offsets[c + 1] = static_cast<std::uint32_t>(h.targets.size());
    }
    return h;
}

// Weights from one vertex to the groups around it: w[c] for c in `touched`.
struct Around {
    std::vector<double> w;
    std::vector<char> seen;
    std::vector<std::uint32_t> touched;
    explicit Around(std::uint32_t n) : w(n, 0.0), seen(n, 0) {}
    void add(std::uint32_t c, double x) {
        if (seen[c] == 0) {
            seen[c] = 1;
            touched.push_back(c);
        }
        w[c] += x;
    }
    void clear() {
        for (const std::uint32_t c : touched) {
            w[c] = 0.0;
            seen[c] = 0;
        }
        touched.clear();
    }
};

// Progress within a stage of unknown length: step s of it (a sweep, a level, an iteration)
// covers [1 − 2^−s, 1 − 2^−(s+1)) of the stage, `part` of the way through the step.
void geometric(detail::Stages* stages, std::size_t step, double part) {
    if (stages == nullptr || !stages->active()) return;
    const int s = static_cast<int>(std::min<std::size_t>(step, 40));
    const double at = 1.0 - std::ldexp(1.0, -s) + std::ldexp(1.0, -s - 1) * std::clamp(part, 0.0, 1.0);
    stages->at(static_cast<std::size_t>(at * 1e6), 1000000);
}

// Louvain's local moving (Blondel et al. 2008, phase 1) from singletons: sweeps in one random
// order until a sweep moves nothing. A move must gain more than 1e-12 · k_v, so rounding cannot
// make two groups trade a vertex forever. Returns true if a vertex moved.
bool louvain_move(const Graph& g, std::vector<std::uint32_t>& comm, double gamma,
                  detail::Rng& rng, detail::Stages* stages) {
    const std::uint32_t n = g.n;
    std::vector<double> tot(g.strength);
    std::vector<std::uint32_t> order = identity(n);
    shuffle(order, rng);
    Around around(n);
    const double scale = gamma / (2.0 * g.total);
    bool any = false;
    for (std::size_t sweep = 0; sweep < 10000; ++sweep) {
        std::size_t moved = 0, done = 0;
        for (const std::uint32_t v : order) {
            if ((++done & 0xFFFFU) == 0) geometric(stages, sweep, static_cast<double>(done) / n);
            const double kv = g.strength[v];
            const std::uint32_t c0 = comm[v];
            for (std::uint32_t e = g.offsets[v]; e < g.offsets[v + 1]; ++e)
                around.add(comm[g.targets[e]], g.weights[e]);
            tot[c0] -= kv;
            std::uint32_t best = c0;
            double best_gain = around.w[c0] - scale * kv * tot[c0];
            const double tiny = 1e-12 * kv;
            for (const std::uint32_t c : around.touched) {
                const double gain = around.w[c] - scale * kv * tot[c];
                if (gain > best_gain + tiny) {
                    best = c;
                    best_gain = gain;
                }
            }
            tot[best] += kv;
            if (best != c0) {
                comm[v] = best;
                ++moved;
            }
            around.clear();
        }
        if (moved == 0) break;
        any = true;
    }
    return any;
}

// Leiden's fast local moving (Traag et al. 2019, Algorithm A.2): a queue of vertices in random
// order; a vertex that moves puts its neighbours outside its new group back in the queue. A
// vertex may also move to an empty group.
void leiden_move(const Graph& g, std::vector<std::uint32_t>& comm, double gamma,
                 detail::Rng& rng) {
    const std::uint32_t n = g.n;
    std::vector<double> tot(n, 0.0);
    std::vector<std::uint32_t> size(n, 0);
    for (std::uint32_t v = 0; v < n; ++v) {
        tot[comm[v]] += g.strength[v];
        ++size[comm[v]];
    }
    std::vector<std::uint32_t> empty;
    for (std::uint32_t c = n; c-- > 0;)
        if (size[c] == 0) empty.push_back(c);
    std::vector<std::uint32_t> queue = identity(n);
    shuffle(queue, rng);
    std::vector<char> queued(n, 1);
    std::size_t head = 0, count = n;
    Around around(n);
    const double scale = gamma / (2.0 * g.total);
    while (count > 0) {
        const std::uint32_t v = queue[head];
        head = head + 1 == n ? 0 : head + 1;
        --count;
        queued[v] = 0;
        const double kv = g.strength[v];
        const std::uint32_t c0 = comm[v];
        for (std::uint32_t e = g.offsets[v]; e < g.offsets[v + 1]; ++e)
            around.add(comm[g.targets[e]], g.weights[e]);
        tot[c0] -= kv;
        --size[c0];
        std::uint32_t best = c0;
        double best_gain = around.w[c0] - scale * kv * tot[c0];
        const double tiny = 1e-12 * kv;
        for (const std::uint32_t c : around.touched) {
            const double gain = around.w[c] - scale * kv * tot[c];
            if (gain > best_gain + tiny) {
                best = c;
                best_gain = gain;
            }
        }
        if (size[c0] > 0 && 0.0 > best_gain + tiny && !empty.empty()) {
            best = empty.back();  // alone does better than every group around
            empty.pop_back();
        }
        if (size[c0] == 0 && best != c0) empty.push_back(c0);
        tot[best] += kv;
        ++size[best];
        if (best != c0) {
            comm[v] = best;
            for (std::uint32_t e = g.offsets[v]; e < g.offsets[v + 1]; ++e) {
                const std::uint32_t u = g.targets[e];
                if (comm[u] != best && queued[u] == 0) {
                    queued[u] = 1;
                    queue[(head + count) % n] = u;
                    ++count;
                }
            }
        }
        around.clear();
    }
}

// Leiden's refinement (Algorithm A.2, RefinePartition and MergeNodesSubset): inside each group
// of `comm` (k groups), from singletons, a well-connected singleton v joins a well-connected
// subgroup T with gain ΔH = w(v, T) − γ k_v K_T / 2m ≥ 0 (staying alone: 0), drawn with
// probability ∝ exp(ΔH / θ). Returns the refined membership (ids are vertices).
std::vector<std::uint32_t> refine(const Graph& g, const std::vector<std::uint32_t>& comm,
                                  std::uint32_t k, double gamma, detail::Rng& rng) {
    const std::uint32_t n = g.n;
    std::vector<std::uint32_t> start(std::size_t{k} + 1, 0), members(n);
    for (std::uint32_t v = 0; v < n; ++v) ++start[comm[v] + 1];
    for (std::uint32_t c = 0; c < k; ++c) start[c + 1] += start[c];
    {
        std::vector<std::uint32_t> at(start.begin(), start.end() - 1);
        for (std::uint32_t v = 0; v < n; ++v) members[at[comm[v]]++] = v;
    }
    std::vector<std::uint32_t> refined = identity(n), rsize(n, 1);
    std::vector<double> rk(g.strength), ext(n, 0.0);  // ext[r]: weight from r to the rest of its group
    for (std::uint32_t v = 0; v < n; ++v)
        for (std::uint32_t e = g.offsets[v]; e < g.offsets[v + 1]; ++e)
            if (comm[g.targets[e]] == comm[v]) ext[v] += g.weights[e];
    const double scale = gamma / (2.0 * g.total);
    Around around(n);
    std::vector<std::uint32_t> cand;
    std::vector<double> cum, gains;
    std::vector<std::uint32_t> group;
    for (std::uint32_t c = 0; c < k; ++c) {
        if (start[c + 1] - start[c] < 2) continue;
        group.assign(members.begin() + start[c], members.begin() + start[c + 1]);
        shuffle(group, rng);
        double kc = 0.0;
        for (const std::uint32_t v : group) kc += g.strength[v];
        for (const std::uint32_t v : group) {
            const std::uint32_t r0 = refined[v];
            if (rsize[r0] != 1) continue;
            const double kv = g.strength[v];
            if (ext[r0] < scale * kv * (kc - kv)) continue;  // v is not well connected
            for (std::uint32_t e = g.offsets[v]; e < g.offsets[v + 1]; ++e) {
                const std::uint32_t u = g.targets[e];
                if (comm[u] == c && u != v) around.add(refined[u], g.weights[e]);
            }
            cand.clear();
            cum.clear();
            gains.clear();
            double top = 0.0;  // staying alone
            for (const std::uint32_t r : around.touched) {
                if (r == r0 || ext[r] < scale * rk[r] * (kc - rk[r])) continue;
                const double gain = around.w[r] - scale * kv * rk[r];
                if (gain < 0.0) continue;
                cand.push_back(r);
                gains.push_back(gain);
                top = std::max(top, gain);
            }
            if (!cand.empty()) {
                double sum = std::exp((0.0 - top) / theta);  // staying alone
                for (const double gain : gains) {
                    sum += std::exp((gain - top) / theta);
                    cum.push_back(sum);
                }
                const double x = rng.unit() * sum;
                const double stay = std::exp((0.0 - top) / theta);
                if (x >= stay) {
                    std::size_t i = 0;
                    while (i + 1 < cand.size() && cum[i] <= x) ++i;
                    const std::uint32_t r = cand[i];
                    ext[r] = ext[r] + ext[r0] - 2.0 * around.w[r];
                    rk[r] += kv;
                    ++rsize[r];
                    rsize[r0] = 0;
                    refined[v] = r;
                }
            }
            around.clear();
        }
    }
    return refined;
}

// Splits each group of `comm` (on g) into its connected parts; returns the number of groups.
std::uint32_t split_disconnected(const Graph& g, std::vector<std::uint32_t>& comm) {
    std::vector<std::uint32_t> part(g.n, none), stack;
    std::uint32_t next = 0;
    for (std::uint32_t s = 0; s < g.n; ++s) {
        if (part[s] != none) continue;
        part[s] = next;
        stack.push_back(s);
        while (!stack.empty()) {
            const std::uint32_t v = stack.back();
            stack.pop_back();
            for (std::uint32_t e = g.offsets[v]; e < g.offsets[v + 1]; ++e) {
                const std::uint32_t u = g.targets[e];
                if (part[u] == none && comm[u] == comm[s]) {
                    part[u] = next;
                    stack.push_back(u);
                }
            }
        }
        ++next;
    }
    comm = std::move(part);
    return next;
}

struct Found {
    std::vector<std::uint32_t> of;  // group per base vertex, renumbered
    std::uint32_t k = 0;
    std::size_t levels = 0;
    std::size_t iterations = 1;
};

// Progress: the first level's sweeps in stage 1 of `stages`, the later levels in stage 2.
Found louvain(const Graph& base, double gamma, detail::Rng& rng, detail::Stages& stages) {
    Found f;
    f.of = identity(base.n);
    Graph cur;
    const Graph* g = &base;
    for (;;) {
        std::vector<std::uint32_t> comm = identity(g->n);
        if (f.levels == 1) stages.next();
        if (f.levels >= 1) geometric(&stages, f.levels - 1, 0.0);
        if (!louvain_move(*g, comm, gamma, rng, f.levels == 0 ? &stages : nullptr)) break;
        const std::uint32_t k = renumber(comm);
        for (auto& c : f.of) c = comm[c];
        ++f.levels;
        if (k == g->n) break;
        cur = aggregate(*g, comm, k);
        g = &cur;
    }
    f.k = renumber(f.of);
    return f;
}

// One run of Leiden (Algorithm A.1) from the membership `start` of the base vertices.
std::vector<std::uint32_t> leiden_run(const Graph& base, std::vector<std::uint32_t> start,
                                      double gamma, detail::Rng& rng, std::size_t& levels) {
    std::vector<std::uint32_t> of = identity(base.n);  // base vertex → vertex of `g`
    std::vector<std::uint32_t> comm = std::move(start);
    Graph cur;
    const Graph* g = &base;
    levels = 0;
    for (;;) {
        leiden_move(*g, comm, gamma, rng);
        const std::uint32_t k = renumber(comm);
        if (k == g->n) break;
        std::vector<std::uint32_t> refined = refine(*g, comm, k, gamma, rng);
        const std::uint32_t kr = renumber(refined);
        ++levels;
        if (kr == g->n) {
            // Nothing merged in the refinement: aggregate by the groups themselves (still
            // progress; a group left disconnected is split at the end).
            for (auto& v : of) v = comm[v];
            cur = aggregate(*g, comm, k);
            g = &cur;
            comm = identity(k);
            continue;
        }
        std::vector<std::uint32_t> next(kr, 0);
        for (std::uint32_t v = 0; v < g->n; ++v) next[refined[v]] = comm[v];
        for (auto& v : of) v = refined[v];
        cur = aggregate(*g, refined, kr);
        g = &cur;
        comm = std::move(next);
    }
    for (auto& v : of) v = comm[v];
    return of;
}

// Progress: the first iteration in stage 1 of `stages`, the later ones in stage 2.
Found leiden(const Graph& base, double gamma, std::size_t max_iterations, detail::Rng& rng,
             detail::Stages& stages) {
    Found f;
    f.of = identity(base.n);
    f.iterations = 0;
    for (std::size_t it = 0; it < max_iterations; ++it) {
        if (it == 1) stages.next();
        if (it >= 1) geometric(&stages, it - 1, 0.0);
        std::vector<std::uint32_t> next = leiden_run(base, f.of, gamma, rng, f.levels);
        const std::uint32_t k = split_disconnected(base, next);  // numbered by first vertex
        ++f.iterations;
        const bool same = it > 0 && next == f.of;
        f.of = std::move(next);
        f.k = k;
        if (same) break;
    }
    return f;
}

void check_partition(const Network& net, const Partition& p) {
    if (p.of.size() != net.stakeholder_count())
        throw invalid_value("the partition covers " + std::to_string(p.of.size()) +
                            " stakeholders; the network holds " +
                            std::to_string(net.stakeholder_count()));
    for (const std::uint32_t c : p.of)
        if (c >= p.names.size())
            throw invalid_value("the partition names group " + std::to_string(c) + " of " +
                                std::to_string(p.names.size()));
}

double choose2(double x) { return x * (x - 1.0) / 2.0; }

} // namespace

std::string_view to_string(GroupMethod method) noexcept {
    return method_names[static_cast<std::size_t>(method)];
}

GroupMethod parse_group_method(std::string_view text) {
    return detail::parse_enum<GroupMethod>(text, method_names, "group detection method");
}

Partition declared_partition(const Network& net, std::string_view spec) {
    const std::string_view s = detail::trim(spec);
    Partition p;
    p.of.reserve(net.stakeholder_count());
    const auto colon = s.find(':');
    const std::string_view kind = detail::trim(s.substr(0, colon));
    const std::string_view arg = colon == std::string_view::npos ? std::string_view{}
                                                                 : detail::trim(s.substr(colon + 1));
    if (detail::iequals(kind, "facet") && colon != std::string_view::npos) {
        if (arg.empty()) throw invalid_value("\"facet:\" names no facet (facet:sector, …)");
        detail::Categories c = detail::categories(net, arg);
        p.names = std::move(c.names);
        p.of = std::move(c.of);
        return p;
    }
    if (detail::iequals(kind, "circles") && colon != std::string_view::npos) {
        const Community& cop = net.community(arg);
        detail::CategoryTable table(false);
        for (StakeholderId who : net.stakeholders())
            p.of.push_back(table.add(to_string(cop.circle(who))));
        p.names = table.names();
        return p;
    }
    if (detail::iequals(s, "communities")) {
        const std::vector<const Community*> all = net.communities();
        std::vector<std::string> labels;
        labels.reserve(net.stakeholder_count());
        for (StakeholderId who : net.stakeholders()) {
            std::string label;
            for (const Community* c : all)
                if (c->is_member(who)) label += (label.empty() ? "" : "+") + c->name();
            labels.push_back(label.empty() ? std::string("none") : std::move(label));
        }
        detail::CategoryTable table(false);
        for (const std::string& l : labels) p.of.push_back(table.add(l));
        p.names = table.names();
        return p;
    }
    throw invalid_value("unknown declared grouping \"" + std::string(spec) +
                        "\" (expected facet:NAME, circles:COMMUNITY or communities)");
}

Partition make_partition(const Network& net, const std::vector<std::vector<StakeholderId>>& groups) {
    std::vector<std::uint32_t> by_slot(net.slot_count(), none);
    for (std::uint32_t g = 0; g < groups.size(); ++g)
        for (const StakeholderId who : groups[g]) {
            (void)net.stakeholder(who);  // throws unknown_stakeholder
            if (by_slot[who.index()] != none)
                throw invalid_value("stakeholder \"" + net.stakeholder(who).id +
                                    "\" is in two groups (" + std::to_string(by_slot[who.index()]) +
                                    " and " + std::to_string(g) + "): not a partition");
            by_slot[who.index()] = g;
        }
    Partition p;
    p.names.reserve(groups.size());
    for (std::size_t g = 0; g < groups.size(); ++g) p.names.push_back(std::to_string(g));
    p.of.reserve(net.stakeholder_count());
    for (StakeholderId who : net.stakeholders()) {
        if (by_slot[who.index()] == none)
            throw invalid_value("stakeholder \"" + net.stakeholder(who).id +
                                "\" is in no group: not a partition");
        p.of.push_back(by_slot[who.index()]);
    }
    return p;
}

double modularity(const Network& net, const Partition& partition, const GroupOptions& options) {
    check_resolution(options.resolution);
    check_partition(net, partition);
    bool valued = false;
    const Graph g = base_graph(net, options, valued);
    return modularity_of(g, partition.of, partition.size(), options.resolution);
}

GroupsResult detect_groups(const Network& net, const GroupOptions& options) {
    check_resolution(options.resolution);
    if (options.max_iterations == 0) throw invalid_value("max_iterations must be at least 1");
    GroupsResult r;
    r.method = options.method;
    r.resolution = options.resolution;
    r.seed = options.seed;
    bool valued = false;
    // Progress: the graph, then the first level (Louvain) or iteration (Leiden), then the rest.
    const std::size_t ties = std::max<std::size_t>(net.tie_count(), 1);
    detail::Stages stages(options.progress, {ties, 6 * ties, 3 * ties});
    const Graph g = base_graph(net, options, valued);
    stages.next();
    r.weighted = options.weighted && valued;
    r.ids.reserve(g.n);
    for (StakeholderId who : net.stakeholders()) r.ids.push_back(who);
    Found f;
    if (!(g.total > 0.0)) {  // no edges: everyone alone
        f.of = identity(g.n);
        f.k = g.n;
    } else {
        detail::Rng rng(options.seed, 0x6c6f7576U);
        f = options.method == GroupMethod::louvain
                ? louvain(g, options.resolution, rng, stages)
                : leiden(g, options.resolution, options.max_iterations, rng, stages);
    }
    stages.finish();
    r.levels = f.levels;
    r.iterations = f.iterations;
    r.modularity = modularity_of(g, f.of, f.k, options.resolution);
    // Groups largest first, equal sizes by first member (f.of is numbered by first member).
    std::vector<std::size_t> size(f.k, 0);
    for (const std::uint32_t c : f.of) ++size[c];
    std::vector<std::uint32_t> order = identity(f.k);
    std::stable_sort(order.begin(), order.end(),
                     [&](std::uint32_t a, std::uint32_t b) { return size[a] > size[b]; });
    std::vector<std::uint32_t> rank(f.k);
    for (std::uint32_t i = 0; i < f.k; ++i) rank[order[i]] = i;
    r.groups.resize(f.k);
    for (std::uint32_t i = 0; i < f.k; ++i) r.groups[i].members.reserve(size[order[i]]);
    r.group.resize(g.n);
    for (std::uint32_t v = 0; v < g.n; ++v) {
        const std::uint32_t c = rank[f.of[v]];
        r.group[v] = c;
        DetectedGroup& dg = r.groups[c];
        dg.members.push_back(r.ids[v]);
        dg.strength += g.strength[v];
        for (std::uint32_t e = g.offsets[v]; e < g.offsets[v + 1]; ++e)
            if (rank[f.of[g.targets[e]]] == c) dg.internal += g.weights[e] / 2.0;
    }
    return r;
}

Partition partition(const GroupsResult& result) {
    Partition p;
    p.of = result.group;
    p.names.reserve(result.groups.size());
    for (std::size_t g = 0; g < result.groups.size(); ++g) p.names.push_back(std::to_string(g));
    return p;
}

GroupAgreement group_agreement(const Partition& detected, const Partition& declared) {
    if (detected.of.size() != declared.of.size())
        throw invalid_value("the partitions cover different stakeholders (" +
                            std::to_string(detected.of.size()) + " and " +
                            std::to_string(declared.of.size()) + ")");
    for (const Partition* p : {&detected, &declared})
        for (const std::uint32_t c : p->of)
            if (c >= p->names.size())
                throw invalid_value("a partition names group " + std::to_string(c) + " of " +
                                    std::to_string(p->names.size()));
    GroupAgreement a;
    a.declared_modularity = nan;
    const std::size_t n = detected.of.size();
    a.stakeholders = n;
    a.detected_groups = detected.size();
    a.declared_groups = declared.size();
    const std::size_t ka = detected.size(), kb = declared.size();
    // Cells (declared, detected) with their counts, sorted.
    std::vector<std::uint64_t> keys(n);
    for (std::size_t i = 0; i < n; ++i)
        keys[i] = std::uint64_t{declared.of[i]} * ka + detected.of[i];
    std::sort(keys.begin(), keys.end());
    std::vector<double> row(kb, 0.0), col(ka, 0.0);
    struct Cell {
        std::uint32_t b, a;
        std::size_t count;
    };
    std::vector<Cell> cells;
    for (std::size_t i = 0; i < n;) {
        std::size_t j = i;
        while (j < n && keys[j] == keys[i]) ++j;
        const auto b = static_cast<std::uint32_t>(keys[i] / ka);
        const auto d = static_cast<std::uint32_t>(keys[i] % ka);
        cells.push_back({b, d, j - i});
        row[b] += static_cast<double>(j - i);
        col[d] += static_cast<double>(j - i);
        i = j;
    }
    if (n == 0) {
        a.nmi = a.ari = nan;
    } else {
        const double total = static_cast<double>(n);
        double hx = 0.0, hy = 0.0, mi = 0.0;
        for (const double x : row)
            if (x > 0) hx -= x / total * std::log(x / total);
        for (const double x : col)
            if (x > 0) hy -= x / total * std::log(x / total);
        for (const Cell& c : cells) {
            const double x = static_cast<double>(c.count);
            mi += x / total * std::log(total * x / (row[c.b] * col[c.a]));
        }
        a.nmi = hx + hy > 0.0 ? std::clamp(2.0 * mi / (hx + hy), 0.0, 1.0) : 1.0;
        double index = 0.0, sa = 0.0, sb = 0.0;
        for (const Cell& c : cells) index += choose2(static_cast<double>(c.count));
        for (const double x : row) sb += choose2(x);
        for (const double x : col) sa += choose2(x);
        const double pairs = choose2(total);
        const double expected = pairs > 0.0 ? sa * sb / pairs : 0.0;
        const double top = (sa + sb) / 2.0;
        a.ari = top - expected != 0.0 ? (index - expected) / (top - expected) : 1.0;
    }
    a.rows.resize(kb);
    for (std::uint32_t b = 0; b < kb; ++b) {
        a.rows[b].category = declared.names[b];
        a.rows[b].size = static_cast<std::size_t>(row[b]);
    }
    for (const Cell& c : cells) a.rows[c.b].groups.emplace_back(c.a, c.count);
    for (AgreementRow& r : a.rows) {
        std::stable_sort(r.groups.begin(), r.groups.end(),
                         [](const auto& x, const auto& y) { return x.second > y.second; });
        r.best_share = r.groups.empty() ? nan
                                        : static_cast<double>(r.groups.front().second) /
                                              static_cast<double>(r.size);
    }
    return a;
}

GroupAgreement group_agreement(const Network& net, const GroupsResult& result,
                               std::string_view spec, const GroupOptions& options) {
    const Partition declared = declared_partition(net, spec);
    GroupAgreement a = group_agreement(partition(result), declared);
    a.with = std::string(detail::trim(spec));
    a.declared_modularity = modularity(net, declared, options);
    return a;
}

} // namespace copnet
