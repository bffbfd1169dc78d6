// Burt's structural holes (effective size, efficiency, constraint), as NetworkX computes them.
#include <algorithm>
#include <limits>

#include "boundary_graph.hpp"
#include "copnet/analysis/boundary.hpp"
#include "detail/snapshot.hpp"

namespace copnet {
namespace {

using detail::SimpleGraph;

// Mutual weights m_uv = a_uv + a_vu over all neighbours (in or out): a symmetric CSR.
SimpleGraph mutual(const SimpleGraph& g, const SimpleGraph& in) {
    SimpleGraph m;
    const std::uint32_t n = g.size();
    m.offsets.assign(std::size_t{n} + 1, 0);
    m.targets.reserve(g.targets.size() + in.targets.size());
    m.weights.reserve(g.targets.size() + in.targets.size());
    const auto weight = [](const SimpleGraph& x, std::uint32_t i) {
        return x.weights.empty() ? 1.0 : x.weights[i];
    };
    for (std::uint32_t u = 0; u < n; ++u) {
        std::uint32_t i = g.offsets[u];
        std::uint32_t j = in.offsets[u];
        const std::uint32_t ie = g.offsets[u + 1];
        const std::uint32_t je = in.offsets[u + 1];
        while (i < ie || j < je) {
            if (j == je || (i < ie && g.targets[i] < in.targets[j])) {
                m.targets.push_back(g.targets[i]);
                m.weights.push_back(weight(g, i++));
            } else if (i == ie || in.targets[j] < g.targets[i]) {
                m.targets.push_back(in.targets[j]);
                m.weights.push_back(weight(in, j++));
            } else {
                m.targets.push_back(g.targets[i]);
                m.weights.push_back(weight(g, i++) + weight(in, j++));
            }
        }
        m.offsets[u + 1] = static_cast<std::uint32_t>(m.targets.size());
    }
    return m;
}

} // namespace

std::vector<StructuralHoles> structural_holes(const Network& net, const HolesOptions& options) {
    TieFilter filter = options.filter;
    if (options.undirected) filter.direction = Direction::both;
    const auto snap = detail::Snapshot::of(net, filter, options.weighted);
    const SimpleGraph g = detail::simple_graph(*snap);
    const SimpleGraph m = mutual(g, options.undirected ? g : detail::transpose(g));
    const std::uint32_t n = g.size();
    std::vector<double> sum(n, 0.0);
    std::vector<double> max(n, 0.0);
    for (std::uint32_t u = 0; u < n; ++u)
        for (std::uint32_t i = m.offsets[u]; i < m.offsets[u + 1]; ++i) {
            sum[u] += m.weights[i];
            max[u] = std::max(max[u], m.weights[i]);
        }
    const auto ratio = [](double x, double scale) { return scale == 0.0 ? 0.0 : x / scale; };

    constexpr double nan = std::numeric_limits<double>::quiet_NaN();
    std::vector<StructuralHoles> out(n);
    std::vector<double> p(n, 0.0);          // p_uv for v ∈ N(u)
    std::vector<char> alter(n, 0);
    std::vector<double> indirect(n, 0.0);   // Σ_w p_uw p_wv
    std::vector<double> redundant(n, 0.0);  // Σ_w p_uw m_vw / max_v
    for (std::uint32_t u = 0; u < n; ++u) {
        out[u].who = snap->stakeholder(u);
        if (g.degree(u) == 0) {  // NetworkX: len(G[u]) == 0 (no successor)
            out[u].effective_size = out[u].efficiency = out[u].constraint = nan;
            continue;
        }
        const std::uint32_t first = m.offsets[u];
        const std::uint32_t last = m.offsets[u + 1];
        for (std::uint32_t i = first; i < last; ++i) {
            p[m.targets[i]] = ratio(m.weights[i], sum[u]);
            alter[m.targets[i]] = 1;
        }
        for (std::uint32_t i = first; i < last; ++i) {
            const std::uint32_t w = m.targets[i];
            const double puw = p[w];
            for (std::uint32_t k = m.offsets[w]; k < m.offsets[w + 1]; ++k) {
                const std::uint32_t x = m.targets[k];
                if (alter[x] == 0) continue;
                indirect[x] += puw * ratio(m.weights[k], sum[w]);
                redundant[x] += puw * ratio(m.weights[k], max[x]);
            }
        }
        double constraint = 0.0;
        double effective = 0.0;
        for (std::uint32_t i = first; i < last; ++i) {
            const std::uint32_t v = m.targets[i];
            const double c = p[v] + indirect[v];
            constraint += c * c;
            effective += 1.0 - redundant[v];
            p[v] = indirect[v] = redundant[v] = 0.0;
            alter[v] = 0;
        }
        out[u].constraint = constraint;
        out[u].effective_size = effective;
        out[u].efficiency = effective / static_cast<double>(last - first);
    }
    return out;
}

} // namespace copnet
