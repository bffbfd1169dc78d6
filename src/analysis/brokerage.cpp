// Gould-Fernandez brokerage roles, as R's sna::brokerage counts them.
#include <algorithm>
#include <cmath>
#include <limits>

#include "boundary_graph.hpp"
#include "copnet/analysis/boundary.hpp"
#include "detail/snapshot.hpp"
#include "detail/parallel.hpp"

namespace copnet {
namespace {

using detail::SimpleGraph;

// sna's moments by the broker's class (exp.grp, and the variances behind sd.grp).
struct Moments {
    BrokerageRoles expected;
    BrokerageRoles variance;
};

double choose2(double x) { return x * (x - 1.0) / 2.0; }

Moments moments_for(std::size_t i, const std::vector<double>& n, double N, double d) {
    const double c = d * d * (1.0 - d);
    const double c3 = d * d * d * (1.0 - d) * (1.0 - d) * (1.0 - d);
    const double ni = n[i];
    double other_pairs = 0.0;   // Σ_{j≠i} n_j (n_j − 1)
    double other_triples = 0.0; // Σ_{j≠i} n_j (n_j − 1)(n_j − 2)
    double other_sum = 0.0;
    double other_sq = 0.0;
    double liaison_var = 0.0;   // Σ_{j≠i} n_j choose(N − n_j − n_i, 2)
    for (std::size_t j = 0; j < n.size(); ++j) {
        if (j == i) continue;
        other_pairs += n[j] * (n[j] - 1.0);
        other_triples += n[j] * (n[j] - 1.0) * (n[j] - 2.0);
        other_sum += n[j];
        other_sq += n[j] * n[j];
        liaison_var += n[j] * choose2(N - n[j] - ni);
    }
    Moments m;
    auto& e = m.expected;
    auto& v = m.variance;
    const double shrink = 1.0 - c;  // (1 − d²(1 − d))
    e.coordinator = c * (ni - 1.0) * (ni - 2.0);
    v.coordinator = e.coordinator * shrink + 2.0 * (ni - 1.0) * (ni - 2.0) * (ni - 3.0) * c3;
    e.itinerant = c * other_pairs;
    v.itinerant = e.itinerant * shrink + 2.0 * other_triples * c3;
    e.representative = c * (N - ni) * (ni - 1.0);
    v.representative = e.representative * shrink +
                       2.0 * ((ni - 1.0) * choose2(N - ni) + (N - ni) * choose2(ni - 1.0)) * c3;
    e.gatekeeper = e.representative;
    v.gatekeeper = v.representative;
    e.liaison = c * (other_sum * other_sum - other_sq);
    v.liaison = e.liaison * shrink + 4.0 * liaison_var * c3;
    e.total = c * (N - 1.0) * (N - 2.0);
    v.total = e.total * shrink + 2.0 * (N - 1.0) * (N - 2.0) * (N - 3.0) * c3;
    return m;
}

double z_of(double raw, double expected, double variance) {
    return (raw - expected) / std::sqrt(variance);
}

} // namespace

namespace detail {

/// Raw brokerage counts of every vertex of `g` (out rows) with in rows `in`, categories `cat`.
std::vector<BrokerageRoles> brokerage_counts(const SimpleGraph& g, const SimpleGraph& in,
                                             const std::vector<std::uint32_t>& cat,
                                             std::uint32_t categories, unsigned threads) {
    const std::uint32_t n = g.size();
    std::vector<BrokerageRoles> out(n);
    struct State {
        std::vector<std::uint32_t> mark;   // mark[c] == b + 1: arc b → c
        std::vector<std::uint32_t> hist;   // out(b) by category
    };
    const unsigned workers = worker_count(threads, (std::size_t{n} + 255) / 256);
    std::vector<State> states(workers);
    parallel_chunks(n, 256, threads, [&](unsigned worker, std::size_t first, std::size_t last) {
        State& s = states[worker];
        if (s.mark.empty()) {
            s.mark.assign(n, 0);
            s.hist.assign(categories, 0);
        }
        for (auto b = static_cast<std::uint32_t>(first); b < last; ++b) {
            const std::uint32_t* ob = g.targets.data() + g.offsets[b];
            const std::uint32_t db = g.degree(b);
            if (db == 0 || in.degree(b) == 0) continue;
            for (std::uint32_t i = 0; i < db; ++i) {
                s.mark[ob[i]] = b + 1;
                ++s.hist[cat[ob[i]]];
            }
            const std::uint32_t cb = cat[b];
            std::uint64_t w_i = 0, w_o = 0, b_io = 0, b_oi = 0, b_o = 0;
            for (std::uint32_t j = in.offsets[b]; j < in.offsets[b + 1]; ++j) {
                const std::uint32_t a = in.targets[j];
                const std::uint32_t ca = cat[a];
                const bool a_out = s.mark[a] == b + 1;  // b → a: c = a is no two-path
                // closed: c ∈ out(a) ∩ out(b) (a → c exists), counted by category.
                std::uint64_t closed = 0, closed_b = 0, closed_a = 0;
                const auto count = [&](std::uint32_t c) {
                    ++closed;
                    closed_b += cat[c] == cb ? 1U : 0U;
                    closed_a += cat[c] == ca ? 1U : 0U;
                };
                const std::uint32_t* oa = g.targets.data() + g.offsets[a];
                const std::uint32_t da = g.degree(a);
                if (da <= db) {
                    for (std::uint32_t i = 0; i < da; ++i)
                        if (s.mark[oa[i]] == b + 1) count(oa[i]);
                } else {
                    for (std::uint32_t i = 0; i < db; ++i)
                        if (std::binary_search(oa, oa + da, ob[i])) count(ob[i]);
                }
                const std::uint64_t open = db - closed - (a_out ? 1U : 0U);
                const std::uint64_t same_b =
                    s.hist[cb] - closed_b - (a_out && ca == cb ? 1U : 0U);
                if (ca == cb) {
                    w_i += same_b;
                    b_io += open - same_b;
                } else {
                    const std::uint64_t same_a = s.hist[ca] - closed_a - (a_out ? 1U : 0U);
                    b_oi += same_b;
                    w_o += same_a;
                    b_o += open - same_b - same_a;
                }
            }
            for (std::uint32_t i = 0; i < db; ++i) s.hist[cat[ob[i]]] = 0;
            auto& r = out[b];
            r.coordinator = static_cast<double>(w_i);
            r.itinerant = static_cast<double>(w_o);
            r.representative = static_cast<double>(b_io);
            r.gatekeeper = static_cast<double>(b_oi);
            r.liaison = static_cast<double>(b_o);
            r.total = static_cast<double>(w_i + w_o + b_io + b_oi + b_o);
        }
    });
    return out;
}

} // namespace detail

BrokerageResult brokerage(const Network& net, std::string_view facet,
                          const BrokerageOptions& options) {
    const detail::Categories cats = detail::categories(net, facet);
    const auto snap = detail::Snapshot::of(net, options.filter);
    const SimpleGraph g = detail::simple_graph(*snap);
    const SimpleGraph in = detail::transpose(g);
    const auto raw = detail::brokerage_counts(g, in, cats.of, cats.count(), options.threads);

    BrokerageResult r;
    r.categories = cats.names;
    const double N = static_cast<double>(g.size());
    r.density = N < 2 ? std::numeric_limits<double>::quiet_NaN()
                      : static_cast<double>(g.targets.size()) / (N * (N - 1.0));
    std::vector<double> sizes(cats.count(), 0.0);
    for (std::uint32_t c : cats.of) sizes[c] += 1.0;
    std::vector<Moments> by_class;
    by_class.reserve(cats.count());
    for (std::size_t i = 0; i < cats.count(); ++i)
        by_class.push_back(moments_for(i, sizes, N, r.density));
    r.stakeholders.resize(g.size());
    for (std::uint32_t v = 0; v < g.size(); ++v) {
        Brokerage& b = r.stakeholders[v];
        b.who = snap->stakeholder(v);
        b.raw = raw[v];
        const Moments& m = by_class[cats.of[v]];
        b.expected = m.expected;
        b.z = {z_of(b.raw.coordinator, m.expected.coordinator, m.variance.coordinator),
               z_of(b.raw.itinerant, m.expected.itinerant, m.variance.itinerant),
               z_of(b.raw.representative, m.expected.representative, m.variance.representative),
               z_of(b.raw.gatekeeper, m.expected.gatekeeper, m.variance.gatekeeper),
               z_of(b.raw.liaison, m.expected.liaison, m.variance.liaison),
               z_of(b.raw.total, m.expected.total, m.variance.total)};
    }
    return r;
}

} // namespace copnet
