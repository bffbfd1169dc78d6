#pragma once
// What the boundary analyses share: a facet's categories over the compact vertices of a
// snapshot, and the simple directed graph (no parallel arcs) of a snapshot's ties, which is
// what the reference tools (a 0/1 sociomatrix, a NetworkX DiGraph) see.

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <gsl/gsl>

#include "copnet/analysis/boundary.hpp"
#include "detail/categories.hpp"
#include "detail/snapshot.hpp"
#include "copnet/error.hpp"
#include "copnet/network.hpp"
#include "copnet/stakeholder.hpp"

namespace copnet::detail {

/// A facet's categories: names (first spellings) in order of first appearance, and each
/// vertex's category.
struct Categories {
    std::vector<std::string> names;
    std::vector<std::uint32_t> of;  ///< by compact vertex
    [[nodiscard]] std::uint32_t count() const noexcept {
        return static_cast<std::uint32_t>(names.size());
    }
};

/// The categories of `facet` for the live stakeholders, in slot order (= compact vertices of
/// any snapshot). Throws invalid_value for a bad facet name, or an attribute name that is no
/// column of `net` (a typo would otherwise put everyone in one category). Cost: O(V).
inline Categories categories(const Network& net, std::string_view facet) {
    const Facet f = checked_facet(net, facet);
    Categories c;
    c.of.reserve(net.stakeholder_count());
    CategoryTable table(f);  // spellings of one category merge (category_key)
    for (StakeholderId who : net.stakeholders()) c.of.push_back(table.add(f(net.stakeholder(who))));
    c.names = table.names();
    return c;
}

/// Compressed rows with each row sorted and free of repeats; weights (if any) are the largest
/// of the repeated entries.
struct SimpleGraph {
    std::vector<std::uint32_t> offsets;
    std::vector<std::uint32_t> targets;
    std::vector<double> weights;
    [[nodiscard]] std::uint32_t size() const noexcept {
        return static_cast<std::uint32_t>(offsets.size() - 1);
    }
    [[nodiscard]] std::uint32_t degree(std::uint32_t v) const noexcept {
        return offsets[v + 1] - offsets[v];
    }
};

/// `s` with rows sorted and repeats merged. Cost: O(V + E log d).
inline SimpleGraph simple_graph(const Snapshot& s) {
    SimpleGraph g;
    const std::uint32_t n = s.size();
    const bool weighted = !s.weights.empty();
    g.offsets.assign(std::size_t{n} + 1, 0);
    g.targets.reserve(s.targets.size());
    if (weighted) g.weights.reserve(s.targets.size());
    std::vector<std::pair<std::uint32_t, double>> row;
    for (std::uint32_t u = 0; u < n; ++u) {
        row.clear();
        for (std::uint32_t i = s.offsets[u]; i < s.offsets[u + 1]; ++i)
            row.emplace_back(s.targets[i], weighted ? s.weights[i] : 1.0);
        std::sort(row.begin(), row.end());
        for (std::size_t i = 0; i < row.size(); ++i) {
            if (i > 0 && row[i].first == row[i - 1].first) {
                if (weighted) g.weights.back() = std::max(g.weights.back(), row[i].second);
                continue;
            }
            g.targets.push_back(row[i].first);
            if (weighted) g.weights.push_back(row[i].second);
        }
        g.offsets[u + 1] = gsl::narrow<std::uint32_t>(g.targets.size());
    }
    return g;
}

/// The same arcs reversed (rows stay sorted, weights carried). Cost: O(V + E).
inline SimpleGraph transpose(const SimpleGraph& g) {
    SimpleGraph t;
    const std::uint32_t n = g.size();
    t.offsets.assign(std::size_t{n} + 1, 0);
    for (std::uint32_t w : g.targets) ++t.offsets[w + 1];
    for (std::uint32_t v = 0; v < n; ++v) t.offsets[v + 1] += t.offsets[v];
    t.targets.resize(g.targets.size());
    if (!g.weights.empty()) t.weights.resize(g.weights.size());
    std::vector<std::uint32_t> at(t.offsets.begin(), t.offsets.end() - 1);
    for (std::uint32_t u = 0; u < n; ++u)
        for (std::uint32_t i = g.offsets[u]; i < g.offsets[u + 1]; ++i) {
            const std::uint32_t slot = at[g.targets[i]]++;
            t.targets[slot] = u;
            if (!g.weights.empty()) t.weights[slot] = g.weights[i];
        }
    return t;
}

/// Raw Gould-Fernandez counts of every vertex of `g` (out rows; `in` its transpose) under the
/// categories `cat`, as sna::brokerage counts them (brokerage.cpp). Cost: see `brokerage`.
std::vector<BrokerageRoles> brokerage_counts(const SimpleGraph& g, const SimpleGraph& in,
                                             const std::vector<std::uint32_t>& cat,
                                             std::uint32_t categories, unsigned threads);

/// `boundary_spanners` with the raw brokerage roles of every vertex already known (`roles`,
/// by compact vertex; nullptr: computed here), so that a report does not count them twice.
std::vector<Spanner> spanners(const Network& net, std::string_view facet,
                              const BetweennessOptions& options,
                              const std::vector<BrokerageRoles>* roles);

} // namespace copnet::detail
