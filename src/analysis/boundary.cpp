// Mixing matrix, E-I index, level crossing, assortativity and the whole boundary report.
#include "copnet/analysis/boundary.hpp"

#include <algorithm>
#include <atomic>
#include <charconv>
#include <cmath>
#include <limits>
#include <numeric>
#include <utility>

#include <gsl/gsl>

#include "boundary_graph.hpp"
#include "detail/relations.hpp"
#include "detail/snapshot.hpp"
#include "copnet/error.hpp"
#include "detail/network_state.hpp"
#include "detail/parallel.hpp"
#include "detail/random.hpp"
#include "detail/text.hpp"

namespace copnet {
namespace {

using detail::Categories;
using detail::Snapshot;

constexpr double nan = std::numeric_limits<double>::quiet_NaN();

double ei_of(std::size_t e, std::size_t i) {
    return e + i == 0 ? nan : (static_cast<double>(e) - static_cast<double>(i)) /
                                  static_cast<double>(e + i);
}

// Slot → compact vertex (live stakeholders in slot order, as in every snapshot).
std::vector<std::uint32_t> compact_index(const Network& net) {
    std::vector<std::uint32_t> out(net.slot_count(), Snapshot::npos);
    std::uint32_t next = 0;
    for (StakeholderId who : net.stakeholders()) out[who.index()] = next++;
    return out;
}

// Each tie of a followed kind once, as (compact source, compact target); direction ignored.
// Read straight from the graph: no snapshot is needed for one pass.
std::vector<std::pair<std::uint32_t, std::uint32_t>> tie_pairs(
    const Network& net, const std::vector<std::uint32_t>& compact, const TieFilter& filter) {
    const Graph& g = net.state().graph;
    const detail::Follow follow = detail::resolve(filter, net);
    std::vector<std::pair<std::uint32_t, std::uint32_t>> out;
    for (std::uint32_t r_id = 0; r_id < g.edge_count(); ++r_id) {
        const TieRecord& r = g.tie(r_id);
        const TieKind r_kind = g.kind(r_id);
        if (!follow.follows(r_kind)) continue;
        out.emplace_back(compact[r.source], compact[r.target]);
    }
    return out;
}

} // namespace

MixingMatrix mixing_matrix(const Network& net, std::string_view facet, const TieFilter& filter) {
    const Categories cats = detail::categories(net, facet);
    const auto compact = compact_index(net);
    const std::size_t k = cats.count();
    MixingMatrix m;
    m.facet = std::string(facet);
    m.categories = cats.names;
    m.ties.assign(k, std::vector<std::size_t>(k, 0));
    m.weights.assign(k, std::vector<double>(k, 0.0));
    // Counts: one per ordered pair the filter follows (the rule of `attribute_assortativity`),
    // from the filter's snapshot rows, where a neighbour tied by several followed relations
    // appears once per tie (stamped with the row, so counted once).
    const auto snap = Snapshot::of(net, filter);
    std::vector<std::uint32_t> seen(snap->size(), Snapshot::npos);
    for (std::uint32_t u = 0; u < snap->size(); ++u) {
        const std::uint32_t a = cats.of[u];
        for (std::uint32_t i = snap->offsets[u]; i < snap->offsets[u + 1]; ++i) {
            const std::uint32_t w = snap->targets[i];
            if (seen[w] == u) continue;
            seen[w] = u;
            const std::uint32_t b = cats.of[w];
            ++m.ties[a][b];
            ++m.total;
            if (a != b) ++m.crossing;
        }
    }
    // Weights: every followed tie's value, straight from the records in one pass (a tie is
    // followed from its source if `out`, from its target if `in`: a collaboration tie both ways).
    const Graph& g = net.state().graph;
    const detail::Follow follow = detail::resolve(filter, net);
    for (std::uint32_t r_id = 0; r_id < g.edge_count(); ++r_id) {
        const TieRecord& r = g.tie(r_id);
        const TieKind r_kind = g.kind(r_id);
        const std::uint32_t a = cats.of[compact[r.source]];
        const std::uint32_t b = cats.of[compact[r.target]];
        if (follow.out(r_kind)) m.weights[a][b] += r.weight;
        if (follow.in(r_kind)) m.weights[b][a] += r.weight;
    }
    m.crossing_share = m.total == 0 ? nan
                                    : static_cast<double>(m.crossing) / static_cast<double>(m.total);
    return m;
}

EIResult ei_index(const Network& net, std::string_view facet, const EIOptions& options) {
    const Categories cats = detail::categories(net, facet);
    const auto ties = tie_pairs(net, compact_index(net), options.filter);
    const std::size_t n = cats.of.size();
    EIResult r;
    r.groups.resize(cats.count());
    for (std::size_t g = 0; g < cats.count(); ++g) r.groups[g].group = cats.names[g];
    for (std::uint32_t c : cats.of) ++r.groups[c].size;
    r.stakeholders.resize(n);
    std::size_t next = 0;
    for (StakeholderId who : net.stakeholders()) r.stakeholders[next++].who = who;
    for (const auto& [u, w] : ties) {
        const std::uint32_t a = cats.of[u];
        const std::uint32_t b = cats.of[w];
        if (a == b) {
            ++r.internal;
            ++r.groups[a].internal;
            ++r.stakeholders[u].internal;
            ++r.stakeholders[w].internal;
        } else {
            ++r.external;
            ++r.groups[a].external;
            ++r.groups[b].external;
            ++r.stakeholders[u].external;
            ++r.stakeholders[w].external;
        }
    }
    r.ei_index = ei_of(r.external, r.internal);
    for (auto& g : r.groups) g.ei_index = ei_of(g.external, g.internal);
    for (auto& x : r.stakeholders) x.ei_index = ei_of(x.external, x.internal);

    double within = 0.0;
    for (const auto& g : r.groups)
        within += static_cast<double>(g.size) * static_cast<double>(g.size - (g.size > 0 ? 1 : 0));
    const double pairs = static_cast<double>(n) * static_cast<double>(n > 0 ? n - 1 : 0);
    r.expected = pairs == 0.0 ? nan : (pairs - 2.0 * within) / pairs;

    r.permutations = options.permutations;
    r.p_greater = r.p_less = nan;
    if (options.permutations > 0 && !ties.empty()) {
        // EI falls as I rises (E + I is fixed), so compare internal counts: exact integers,
        // counted as the permutations run (memory does not grow with their number).
        const unsigned workers = detail::worker_count(options.threads, options.permutations);
        std::vector<std::vector<std::uint32_t>> labels(workers);
        std::atomic<std::size_t> greater{0};
        std::atomic<std::size_t> less{0};
        detail::parallel_chunks(
            options.permutations, 64, options.threads,
            [&](unsigned worker, std::size_t first, std::size_t last) {
                auto& perm = labels[worker];
                std::size_t g = 0;
                std::size_t l = 0;
                for (std::size_t p = first; p < last; ++p) {
                    perm = cats.of;
                    detail::Rng rng(options.seed, p);
                    for (std::size_t i = perm.size(); i > 1; --i) {
                        const auto j = static_cast<std::size_t>(rng() % i);
                        std::swap(perm[i - 1], perm[j]);
                    }
                    std::size_t count = 0;
                    for (const auto& [u, w] : ties) count += perm[u] == perm[w] ? 1U : 0U;
                    g += count <= r.internal ? 1U : 0U;
                    l += count >= r.internal ? 1U : 0U;
                }
                greater += g;
                less += l;
            },
            options.progress);
        const auto perms = static_cast<double>(options.permutations);
        r.p_greater = static_cast<double>(greater) / perms;
        r.p_less = static_cast<double>(less) / perms;
    }
    return r;
}

LevelCrossing total_crossing(const std::vector<LevelCrossing>& levels) {
    LevelCrossing sum;
    for (const auto& x : levels) {
        for (std::size_t i = 0; i < 3; ++i)
            for (std::size_t k = 0; k < 3; ++k) sum.ties[i][k] += x.ties[i][k];
        sum.unknown += x.unknown;
    }
    return sum;
}

std::vector<LevelCrossing> level_crossing(const Network& net, const TieFilter& filter) {
    const auto& st = net.state();
    const Graph& g = st.graph;
    std::vector<LevelCrossing> out;
    const detail::Follow follow = detail::resolve(filter, net);
    std::array<int, 256> row{};
    for (std::size_t k = 0; k < net.relations().size(); ++k) {
        row[k] = -1;
        if (follow.follows(static_cast<TieKind>(k))) {
            row[k] = static_cast<int>(out.size());
            out.push_back({.kind = static_cast<TieKind>(k)});
        }
    }
    for (std::uint32_t t_id = 0; t_id < g.edge_count(); ++t_id) {
        const TieRecord& t = g.tie(t_id);
        const TieKind kind = g.kind(t_id);
        const int r = row[static_cast<std::size_t>(kind)];
        if (r < 0) continue;
        auto& x = out[static_cast<std::size_t>(r)];
        const auto& a = st.stakeholders[t.source].level;
        const auto& b = st.stakeholders[t.target].level;
        if (!a || !b) {
            ++x.unknown;
            continue;
        }
        ++x.ties[static_cast<std::size_t>(*a)][static_cast<std::size_t>(*b)];
        if (st.is_mutual(kind))
            ++x.ties[static_cast<std::size_t>(*b)][static_cast<std::size_t>(*a)];
    }
    return out;
}

double attribute_assortativity(const Network& net, std::string_view facet,
                               const TieFilter& filter) {
    const Categories cats = detail::categories(net, facet);
    const detail::SimpleGraph g = detail::simple_graph(*Snapshot::of(net, filter));
    const std::size_t k = cats.count();
    std::vector<double> e(k * k, 0.0);
    for (std::uint32_t u = 0; u < g.size(); ++u)
        for (std::uint32_t i = g.offsets[u]; i < g.offsets[u + 1]; ++i)
            e[cats.of[u] * k + cats.of[g.targets[i]]] += 1.0;
    const double total = static_cast<double>(g.targets.size());
    if (total == 0.0) return nan;
    // As NetworkX: normalise, then (trace − Σ a_i b_i) / (1 − Σ a_i b_i).
    std::vector<double> a(k, 0.0);
    std::vector<double> b(k, 0.0);
    double trace = 0.0;
    for (std::size_t i = 0; i < k; ++i)
        for (std::size_t j = 0; j < k; ++j) {
            const double x = e[i * k + j] / total;
            a[i] += x;
            b[j] += x;
            if (i == j) trace += x;
        }
    double ab = 0.0;
    for (std::size_t i = 0; i < k; ++i) ab += a[i] * b[i];
    return (trace - ab) / (1.0 - ab);
}

double numeric_assortativity(const Network& net, std::string_view attribute, const TieFilter& filter) {
    const Facet f(attribute);
    if (!f.is_attribute())
        throw invalid_value("numeric assortativity reads an attribute column; \"" + std::string(attribute) +
                            "\" is a categorical facet (use attribute_assortativity)");
    if (!net.has_attribute_name(attribute))
        throw invalid_value("numeric assortativity: no attribute \"" + std::string(attribute) + "\"");
    // The values in compact (stakeholder) order, NaN where absent.
    std::vector<double> value;
    value.reserve(net.stakeholder_count());
    for (StakeholderId who : net.stakeholders()) {
        const Stakeholder& s = net.stakeholder(who);
        const std::string_view text = detail::trim(f(s));
        double x = nan;
        if (!text.empty()) {
            const auto r = std::from_chars(text.data(), text.data() + text.size(), x);
            if (r.ec != std::errc() || r.ptr != text.data() + text.size() || !std::isfinite(x))
                throw invalid_value("numeric assortativity: stakeholder \"" + s.id + "\" has " +
                                    std::string(attribute) + " \"" + std::string(text) +
                                    "\", not a number");
        }
        value.push_back(x);
    }
    const detail::SimpleGraph g = detail::simple_graph(*Snapshot::of(net, filter));
    // Two passes (means, then centred moments) for accuracy.
    double n = 0, sx = 0, sy = 0;
    for (std::uint32_t u = 0; u < g.size(); ++u)
        for (std::uint32_t i = g.offsets[u]; i < g.offsets[u + 1]; ++i) {
            const double x = value[u], y = value[g.targets[i]];
            if (std::isnan(x) || std::isnan(y)) continue;
            n += 1;
            sx += x;
            sy += y;
        }
    if (n == 0) return nan;
    const double mx = sx / n, my = sy / n;
    double cxy = 0, cxx = 0, cyy = 0;
    for (std::uint32_t u = 0; u < g.size(); ++u)
        for (std::uint32_t i = g.offsets[u]; i < g.offsets[u + 1]; ++i) {
            const double x = value[u], y = value[g.targets[i]];
            if (std::isnan(x) || std::isnan(y)) continue;
            cxy += (x - mx) * (y - my);
            cxx += (x - mx) * (x - mx);
            cyy += (y - my) * (y - my);
        }
    return cxy / std::sqrt(cxx * cyy);
}

BoundaryReport boundaries(const Network& net, const BoundaryOptions& options) {
    BoundaryReport r;
    r.facet = options.facet;
    r.mixing = mixing_matrix(net, options.facet, options.filter);
    if (r.mixing.categories.size() < 2)
        throw invalid_value("facet \"" + options.facet + "\" has " +
                            std::to_string(r.mixing.categories.size()) +
                            " category among the stakeholders: no boundary to cross "
                            "(boundaries need at least two)");
    r.ei = ei_index(net, options.facet,
                    {.filter = options.filter, .permutations = options.permutations,
                     .seed = options.seed, .threads = options.threads,
                     .progress = options.progress});
    r.brokerage = brokerage(net, options.facet, {.filter = options.filter, .threads = options.threads});
    r.holes = structural_holes(net, {.filter = options.filter, .weighted = options.weighted});
    std::vector<BrokerageRoles> roles;
    roles.reserve(r.brokerage.stakeholders.size());
    for (const Brokerage& b : r.brokerage.stakeholders) roles.push_back(b.raw);
    std::optional<std::size_t> samples = options.samples;
    const std::size_t n = net.stakeholder_count();
    if (!samples && !options.exact && n > 0) {
        const auto arcs = static_cast<double>(detail::Snapshot::of(net, options.filter)->targets.size());
        if (static_cast<double>(n) * arcs > options.exact_budget) {
            const double k = std::max(100.0, options.exact_budget / std::max(arcs, 1.0));
            samples = std::min(n, static_cast<std::size_t>(k));
        }
    }
    r.betweenness_sources = samples ? *samples : n;
    r.spanners = detail::spanners(net, options.facet,
                                  {.filter = options.filter, .samples = samples,
                                   .seed = options.seed, .threads = options.threads,
                                   .progress = options.progress},
                                  &roles);
    r.levels = level_crossing(net, options.filter);
    r.assortativity = attribute_assortativity(net, options.facet, options.filter);
    return r;
}

} // namespace copnet
