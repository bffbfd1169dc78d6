#pragma once
// NetworkX's small test graphs as copnet networks, for the ported NetworkX test cases
// (network_measures_test.cpp, centrality_test.cpp). Only the graphs' structure is built here;
// the expected values are written in the tests, copied from NetworkX's test files.
#include <map>
#include <string>
#include <vector>

#include "copnet/analysis/centrality.hpp"
#include "copnet/network.hpp"
#include "copnet/relation.hpp"

namespace copnet::test {

/// An edge a–b (or arc a → b) with its value.
struct Edge {
    std::string a, b;
    double value = 1.0;
};

/// A network holding one relation "tie", mutual (an nx.Graph) or directed (an nx.DiGraph), of
/// scale `real` (any value, as NetworkX's weights); stakeholders `nodes` first, then the ends
/// of `edges` in the order they appear (NetworkX's node order).
inline Network nx_network(const std::vector<Edge>& edges, bool directed,
                          const std::vector<std::string>& nodes = {}) {
    Network net;
    const TieKind tie = net.add_relation(
        {.name = "tie",
         .role = Role::other,
         .direction = directed ? RelationDirection::directed : RelationDirection::mutual,
         .scale = Scale::real});
    const auto id = [&](const std::string& name) {
        if (const auto known = net.find(name)) return *known;
        Stakeholder s;
        s.id = name;
        return net.add_stakeholder(std::move(s));
    };
    for (const auto& n : nodes) (void)id(n);
    for (const auto& e : edges) net.add_tie(id(e.a), id(e.b), tie, e.value);
    return net;
}

/// nx.path_graph(n): 0–1–…–(n−1).
inline std::vector<Edge> path_edges(int n, int first = 0) {
    std::vector<Edge> e;
    for (int i = first; i + 1 < first + n; ++i) e.push_back({std::to_string(i), std::to_string(i + 1)});
    return e;
}
/// nx.cycle_graph(n).
inline std::vector<Edge> cycle_edges(int n) {
    auto e = path_edges(n);
    e.push_back({std::to_string(n - 1), "0"});
    return e;
}
/// nx.complete_graph(n).
inline std::vector<Edge> complete_edges(int n) {
    std::vector<Edge> e;
    for (int i = 0; i < n; ++i)
        for (int j = i + 1; j < n; ++j) e.push_back({std::to_string(i), std::to_string(j)});
    return e;
}
/// nx.balanced_tree(r=2, h=2).
inline std::vector<Edge> balanced_tree_edges() {
    return {{"0", "1"}, {"0", "2"}, {"1", "3"}, {"1", "4"}, {"2", "5"}, {"2", "6"}};
}
/// nx.krackhardt_kite_graph().
inline std::vector<Edge> kite_edges() {
    return {{"0", "1"}, {"0", "2"}, {"0", "3"}, {"0", "5"}, {"1", "3"}, {"1", "4"},
            {"1", "6"}, {"2", "3"}, {"2", "5"}, {"3", "4"}, {"3", "5"}, {"3", "6"},
            {"4", "6"}, {"5", "6"}, {"5", "7"}, {"6", "7"}, {"7", "8"}, {"8", "9"}};
}
/// nx.florentine_families_graph() (as test_degree_centrality.py builds it).
inline std::vector<Edge> florentine_edges() {
    return {{"Acciaiuoli", "Medici"},   {"Castellani", "Peruzzi"},  {"Castellani", "Strozzi"},
            {"Castellani", "Barbadori"}, {"Medici", "Barbadori"},   {"Medici", "Ridolfi"},
            {"Medici", "Tornabuoni"},   {"Medici", "Albizzi"},     {"Medici", "Salviati"},
            {"Salviati", "Pazzi"},      {"Peruzzi", "Strozzi"},    {"Peruzzi", "Bischeri"},
            {"Strozzi", "Ridolfi"},     {"Strozzi", "Bischeri"},   {"Ridolfi", "Tornabuoni"},
            {"Tornabuoni", "Guadagni"}, {"Albizzi", "Ginori"},     {"Albizzi", "Guadagni"},
            {"Bischeri", "Guadagni"},   {"Guadagni", "Lamberteschi"}};
}

/// One column of a centrality table keyed by stakeholder id.
inline std::map<std::string, double> by_id(const Network& net, const CentralityTable& t,
                                           Measure m) {
    std::map<std::string, double> out;
    const auto& c = t.column(m);
    for (std::size_t r = 0; r < t.ids.size(); ++r) out[net.stakeholder(t.ids[r]).id] = c[r];
    return out;
}

} // namespace copnet::test
