// The centrality table (copnet/analysis/centrality.hpp) against NetworkX 2.8.8's own test
// cases — the graphs and expected values written in its test files, cited per case, with the
// tolerance NetworkX itself asserts — sna's kcores modes, and the real data sets' references.
#include <catch2/catch.hpp>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "copnet/analysis/centrality.hpp"
#include "copnet/error.hpp"
#include "copnet/io/csv.hpp"
#include "nx_graphs.hpp"
#include "real_data.hpp"

using namespace copnet;
using copnet::test::by_id;
using copnet::test::Edge;
using copnet::test::nx_network;
using Values = std::map<std::string, double>;

namespace {

const std::filesystem::path data = std::filesystem::path(COPNET_SOURCE_DIR) / "tests" / "data";

Values measure(const Network& net, Measure m, CentralityOptions o = {}) {
    o.measures = {m};
    return by_id(net, centrality(net, o), m);
}

// Every stakeholder's value within `tolerance` of `expected` (which names them all).
void check_values(const Values& ours, const Values& expected, double tolerance) {
    CHECK(ours.size() == expected.size());
    for (const auto& [id, value] : expected) {
        INFO(id << ": copnet " << (ours.count(id) ? ours.at(id) : NAN) << ", expected " << value);
        REQUIRE(ours.count(id) == 1);
        CHECK(std::abs(ours.at(id) - value) <= tolerance);
    }
}

Values halved(Values v) {
    for (auto& [id, x] : v) x /= 2;
    return v;
}

std::vector<Edge> int_edges(std::initializer_list<std::pair<int, int>> pairs) {
    std::vector<Edge> e;
    for (auto [a, b] : pairs) e.push_back({std::to_string(a), std::to_string(b)});
    return e;
}

// weighted_G() of test_betweenness_centrality.py.
std::vector<Edge> weighted_g() {
    return {{"0", "1", 3}, {"0", "2", 2}, {"0", "3", 6}, {"0", "4", 4}, {"1", "3", 5},
            {"1", "5", 5}, {"2", "4", 1}, {"3", "4", 2}, {"3", "5", 1}, {"4", "5", 4}};
}

const Values kite_betweenness = {{"0", 1.667}, {"1", 1.667}, {"2", 0.000}, {"3", 7.333},
                                 {"4", 0.000}, {"5", 16.667}, {"6", 16.667}, {"7", 28.000},
                                 {"8", 16.000}, {"9", 0.000}};
const Values kite_betweenness_normalized = {{"0", 0.023}, {"1", 0.023}, {"2", 0.000},
                                            {"3", 0.102}, {"4", 0.000}, {"5", 0.231},
                                            {"6", 0.231}, {"7", 0.389}, {"8", 0.222},
                                            {"9", 0.000}};
const Values florentine_betweenness = {
    {"Acciaiuoli", 0.000}, {"Albizzi", 0.212},  {"Barbadori", 0.093},    {"Bischeri", 0.104},
    {"Castellani", 0.055}, {"Ginori", 0.000},   {"Guadagni", 0.255},     {"Lamberteschi", 0.000},
    {"Medici", 0.522},     {"Pazzi", 0.000},    {"Peruzzi", 0.022},      {"Ridolfi", 0.114},
    {"Salviati", 0.143},   {"Strozzi", 0.103},  {"Tornabuoni", 0.092}};

} // namespace

TEST_CASE("measure names parse and print", "[centrality]") {
    CHECK(parse_measures("degree,pagerank") == std::vector<Measure>{Measure::degree, Measure::pagerank});
    CHECK(parse_measures("").size() == measure_count);
    CHECK(parse_measures("all").size() == measure_count);
    CHECK(parse_measures("Betweenness, degree,betweenness") ==
          std::vector<Measure>{Measure::betweenness, Measure::degree});
    for (std::size_t m = 0; m < measure_count; ++m)
        CHECK(parse_measure(to_string(static_cast<Measure>(m))) == static_cast<Measure>(m));
    CHECK(parse_core_mode("IN") == CoreMode::in);
    CHECK(to_string(CoreMode::undirected) == "undirected");
}

TEST_CASE("bad centrality input is a clear error", "[centrality][errors]") {
    const Network p3 = nx_network(test::path_edges(3), false);
    SECTION("an unknown measure names the bad item") {
        CHECK_THROWS_WITH(parse_measures("degree,pagerankk"),
                          Catch::Contains("\"pagerankk\"") && Catch::Contains("pagerank"));
        CHECK_THROWS_AS(parse_measures("degree,,closeness"), invalid_value);
        CHECK_THROWS_AS(parse_core_mode("sideways"), invalid_value);
    }
    SECTION("samples 0 or above the number of stakeholders") {
        for (std::size_t k : {std::size_t{0}, std::size_t{4}}) {
            INFO(k);
            CentralityOptions o;
            o.measures = {Measure::betweenness};
            o.samples = k;
            CHECK_THROWS_WITH(centrality(p3, o), Catch::Contains("between 1 and the number of "
                                                                  "stakeholders (3)"));
            CHECK_THROWS_AS(centrality(p3, o), invalid_value);
        }
    }
    SECTION("negative values are not distances for weighted paths") {
        const Network neg = nx_network({{"a", "b", 1.0}, {"b", "c", -0.5}}, true);
        for (Measure m : {Measure::betweenness, Measure::closeness, Measure::harmonic}) {
            INFO(to_string(m));
            CentralityOptions o;
            o.measures = {m};
            o.weighted = true;
            CHECK_THROWS_WITH(centrality(neg, o),
                              Catch::Contains("tie values as distances") &&
                                  Catch::Contains("b -> c") && Catch::Contains("-0.5"));
        }
        // Zero is a distance for closeness and harmonic, not for betweenness (zero-length ties
        // make the number of shortest paths ill-defined).
        const Network zero = nx_network({{"a", "b", 1.0}, {"b", "c", 0.0}}, true);
        CHECK_THROWS_WITH(centrality(zero, {.measures = {Measure::betweenness}, .weighted = true}),
                          Catch::Contains("must be positive") && Catch::Contains("b -> c"));
        CHECK_NOTHROW(centrality(zero, {.measures = {Measure::closeness, Measure::harmonic},
                                        .weighted = true}));
        // Unweighted, or a measure that reads values as strengths: no distance, no error.
        CHECK_NOTHROW(centrality(neg, {.measures = {Measure::betweenness}}));
        CHECK_NOTHROW(centrality(neg, {.measures = {Measure::strength}, .weighted = true}));
    }
    SECTION("power-iteration options") {
        CHECK_THROWS_AS(centrality(p3, {.measures = {Measure::pagerank}, .alpha = 1.5}), invalid_value);
        CHECK_THROWS_AS(centrality(p3, {.measures = {Measure::pagerank}, .max_iterations = 0}),
                        invalid_value);
        CHECK_THROWS_AS(centrality(p3, {.measures = {Measure::eigenvector}, .tolerance = 0.0}),
                        invalid_value);
        // test_eigenvector_centrality.py test_maxiter / test_pagerank.py test_pagerank_max_iter:
        // too few iterations is NetworkX's PowerIterationFailedConvergence, here a copnet::error.
        CHECK_THROWS_AS(centrality(p3, {.measures = {Measure::eigenvector}, .max_iterations = 1}), error);
        CHECK_THROWS_AS(centrality(p3, {.measures = {Measure::pagerank}, .max_iterations = 1}), error);
    }
    SECTION("a column the table does not hold") {
        const auto t = centrality(p3, {.measures = {Measure::degree}});
        CHECK_THROWS_AS(t.column(Measure::pagerank), invalid_value);
    }
}

TEST_CASE("degree centralities are NetworkX's", "[centrality][degree]") {
    // networkx/algorithms/centrality/tests/test_degree_centrality.py.
    const CentralityOptions norm{.normalized = true};
    check_values(measure(nx_network(test::complete_edges(5), false), Measure::degree, norm),
                 {{"0", 1}, {"1", 1}, {"2", 1}, {"3", 1}, {"4", 1}}, 1e-7);
    check_values(measure(nx_network(test::path_edges(3), false), Measure::degree, norm),
                 {{"0", 0.5}, {"1", 1}, {"2", 0.5}}, 1e-7);
    // test_degree_centrality_3 and _4 compare 3 decimals.
    check_values(measure(nx_network(test::kite_edges(), false), Measure::degree, norm),
                 {{"0", 0.444}, {"1", 0.444}, {"2", 0.333}, {"3", 0.667}, {"4", 0.333},
                  {"5", 0.556}, {"6", 0.556}, {"7", 0.333}, {"8", 0.222}, {"9", 0.111}},
                 5e-4);
    check_values(measure(nx_network(test::florentine_edges(), false), Measure::degree, norm),
                 {{"Acciaiuoli", 0.071}, {"Albizzi", 0.214}, {"Barbadori", 0.143},
                  {"Bischeri", 0.214}, {"Castellani", 0.214}, {"Ginori", 0.071},
                  {"Guadagni", 0.286}, {"Lamberteschi", 0.071}, {"Medici", 0.429},
                  {"Pazzi", 0.071}, {"Peruzzi", 0.214}, {"Ridolfi", 0.214},
                  {"Salviati", 0.143}, {"Strozzi", 0.286}, {"Tornabuoni", 0.214}},
                 5e-4);
    const Network g = nx_network(int_edges({{0, 5}, {1, 5}, {2, 5}, {3, 5}, {4, 5}, {5, 6}, {5, 7},
                                            {5, 8}}),
                                 true);
    check_values(measure(g, Measure::in_degree, norm),
                 {{"0", 0.0}, {"1", 0.0}, {"2", 0.0}, {"3", 0.0}, {"4", 0.0}, {"5", 0.625},
                  {"6", 0.125}, {"7", 0.125}, {"8", 0.125}},
                 1e-7);
    check_values(measure(g, Measure::out_degree, norm),
                 {{"0", 0.125}, {"1", 0.125}, {"2", 0.125}, {"3", 0.125}, {"4", 0.125},
                  {"5", 0.375}, {"6", 0.0}, {"7", 0.0}, {"8", 0.0}},
                 1e-7);
    // test_small_graph_centrality: one stakeholder has centrality 1.
    check_values(measure(nx_network({}, true, {"0"}), Measure::degree, norm), {{"0", 1}}, 0);
    // Raw degree of a digraph is in + out (G.degree).
    CHECK(measure(g, Measure::degree).at("5") == 8.0);
}

TEST_CASE("betweenness is NetworkX's betweenness_centrality", "[centrality][betweenness]") {
    // networkx/algorithms/centrality/tests/test_betweenness_centrality.py,
    // TestBetweennessCentrality (weight=None) with NetworkX's tolerances.
    const Network k5 = nx_network(test::complete_edges(5), false);
    check_values(measure(k5, Measure::betweenness),
                 {{"0", 0}, {"1", 0}, {"2", 0}, {"3", 0}, {"4", 0}}, 1e-7);
    check_values(measure(k5, Measure::betweenness, {.endpoints = true}),
                 {{"0", 4}, {"1", 4}, {"2", 4}, {"3", 4}, {"4", 4}}, 1e-7);
    check_values(measure(k5, Measure::betweenness, {.normalized = true, .endpoints = true}),
                 {{"0", 0.4}, {"1", 0.4}, {"2", 0.4}, {"3", 0.4}, {"4", 0.4}}, 1e-7);
    const Network p3 = nx_network(test::path_edges(3), false);
    check_values(measure(p3, Measure::betweenness, {.normalized = true}),
                 {{"0", 0}, {"1", 1}, {"2", 0}}, 1e-7);
    check_values(measure(p3, Measure::betweenness), {{"0", 0}, {"1", 1}, {"2", 0}}, 1e-7);
    // test_sample_from_P3, k = 3 = every source.
    check_values(measure(p3, Measure::betweenness, {.samples = 3, .seed = 1}),
                 {{"0", 0}, {"1", 1}, {"2", 0}}, 1e-7);
    check_values(measure(p3, Measure::betweenness, {.endpoints = true}),
                 {{"0", 2}, {"1", 3}, {"2", 2}}, 1e-7);
    check_values(measure(p3, Measure::betweenness, {.normalized = true, .endpoints = true}),
                 {{"0", 2.0 / 3}, {"1", 1}, {"2", 2.0 / 3}}, 1e-7);
    const Network kite = nx_network(test::kite_edges(), false);
    check_values(measure(kite, Measure::betweenness), halved(kite_betweenness), 1e-3);
    check_values(measure(kite, Measure::betweenness, {.normalized = true}),
                 kite_betweenness_normalized, 1e-3);
    check_values(measure(nx_network(test::florentine_edges(), false), Measure::betweenness,
                         {.normalized = true}),
                 florentine_betweenness, 1e-3);
    const Network ladder =
        nx_network(int_edges({{0, 1}, {0, 2}, {1, 3}, {2, 3}, {2, 4}, {4, 5}, {3, 5}}), false);
    check_values(measure(ladder, Measure::betweenness),
                 halved({{"0", 1.667}, {"1", 1.667}, {"2", 6.667}, {"3", 6.667}, {"4", 1.667},
                         {"5", 1.667}}),
                 1e-3);
    auto two_paths = test::path_edges(3);
    for (const auto& e : test::path_edges(4, 3)) two_paths.push_back(e);
    const Network disconnected = nx_network(two_paths, false);
    check_values(measure(disconnected, Measure::betweenness),
                 {{"0", 0}, {"1", 1}, {"2", 0}, {"3", 0}, {"4", 2}, {"5", 2}, {"6", 0}}, 1e-7);
    const Values endpoints = {{"0", 2}, {"1", 3}, {"2", 2}, {"3", 3}, {"4", 5}, {"5", 5}, {"6", 3}};
    check_values(measure(disconnected, Measure::betweenness, {.endpoints = true}), endpoints, 1e-7);
    Values endpoints21 = endpoints;
    for (auto& [id, x] : endpoints21) x /= 21;
    check_values(measure(disconnected, Measure::betweenness, {.normalized = true, .endpoints = true}),
                 endpoints21, 1e-7);
    const Network directed = nx_network(test::path_edges(3), true);
    check_values(measure(directed, Measure::betweenness), {{"0", 0}, {"1", 1}, {"2", 0}}, 1e-7);
    check_values(measure(directed, Measure::betweenness, {.normalized = true}),
                 {{"0", 0}, {"1", 0.5}, {"2", 0}}, 1e-7);
}

TEST_CASE("weighted betweenness is NetworkX's with the values as distances", "[centrality][betweenness]") {
    // test_betweenness_centrality.py, TestWeightedBetweennessCentrality (weight="weight"):
    // unit weights give the unweighted answers; weighted_G and the digraph G2 their own.
    const CentralityOptions w{.weighted = true};
    check_values(measure(nx_network(test::complete_edges(5), false), Measure::betweenness, w),
                 {{"0", 0}, {"1", 0}, {"2", 0}, {"3", 0}, {"4", 0}}, 1e-7);
    check_values(measure(nx_network(test::path_edges(3), false), Measure::betweenness,
                         {.normalized = true, .weighted = true}),
                 {{"0", 0}, {"1", 1}, {"2", 0}}, 1e-7);
    const Network kite = nx_network(test::kite_edges(), false);
    check_values(measure(kite, Measure::betweenness, w), halved(kite_betweenness), 1e-3);
    check_values(measure(kite, Measure::betweenness, {.normalized = true, .weighted = true}),
                 kite_betweenness_normalized, 1e-3);
    check_values(measure(nx_network(test::florentine_edges(), false), Measure::betweenness,
                         {.normalized = true, .weighted = true}),
                 florentine_betweenness, 1e-3);
    check_values(measure(nx_network(weighted_g(), false), Measure::betweenness, w),
                 {{"0", 2}, {"1", 0}, {"2", 4}, {"3", 3}, {"4", 4}, {"5", 0}}, 1e-7);
    const Network g2 = nx_network({{"s", "u", 10}, {"s", "x", 5}, {"u", "v", 1}, {"u", "x", 2},
                                   {"v", "y", 1}, {"x", "u", 3}, {"x", "v", 5}, {"x", "y", 2},
                                   {"y", "s", 7}, {"y", "v", 6}},
                                  true);
    check_values(measure(g2, Measure::betweenness, w),
                 {{"y", 5}, {"x", 5}, {"s", 4}, {"u", 2}, {"v", 2}}, 1e-7);
}

TEST_CASE("closeness is NetworkX's closeness_centrality", "[centrality][closeness]") {
    // networkx/algorithms/centrality/tests/test_closeness_centrality.py (abs 1e-3).
    auto two = test::path_edges(4);
    for (const auto& e : test::path_edges(3, 4)) two.push_back(e);
    check_values(measure(nx_network(two, false), Measure::closeness),  // test_wf_improved
                 {{"0", 0.25}, {"1", 0.375}, {"2", 0.375}, {"3", 0.25}, {"4", 0.222},
                  {"5", 0.333}, {"6", 0.222}},
                 1e-3);
    // test_digraph: incoming distances.
    check_values(measure(nx_network(test::path_edges(3), true), Measure::closeness),
                 {{"0", 0.0}, {"1", 0.5}, {"2", 0.667}}, 1e-3);
    check_values(measure(nx_network(test::path_edges(3), true), Measure::closeness,
                         {.filter = TieFilter::all(Direction::in)}),
                 {{"0", 0.667}, {"1", 0.5}, {"2", 0.0}}, 1e-3);  // G.reverse()
    check_values(measure(nx_network(test::complete_edges(5), false), Measure::closeness),
                 {{"0", 1}, {"1", 1}, {"2", 1}, {"3", 1}, {"4", 1}}, 1e-3);
    check_values(measure(nx_network(test::path_edges(3), false), Measure::closeness),
                 {{"0", 0.667}, {"1", 1.0}, {"2", 0.667}}, 1e-3);
    check_values(measure(nx_network(test::kite_edges(), false), Measure::closeness),
                 {{"0", 0.529}, {"1", 0.529}, {"2", 0.500}, {"3", 0.600}, {"4", 0.500},
                  {"5", 0.643}, {"6", 0.643}, {"7", 0.600}, {"8", 0.429}, {"9", 0.310}},
                 1e-3);
    check_values(measure(nx_network(test::florentine_edges(), false), Measure::closeness),
                 {{"Acciaiuoli", 0.368}, {"Albizzi", 0.483}, {"Barbadori", 0.4375},
                  {"Bischeri", 0.400}, {"Castellani", 0.389}, {"Ginori", 0.333},
                  {"Guadagni", 0.467}, {"Lamberteschi", 0.326}, {"Medici", 0.560},
                  {"Pazzi", 0.286}, {"Peruzzi", 0.368}, {"Ridolfi", 0.500},
                  {"Salviati", 0.389}, {"Strozzi", 0.4375}, {"Tornabuoni", 0.483}},
                 1e-3);
    // test_weighted_closeness on an nx.Graph: a repeated pair keeps its last weight there
    // (u–x 3, v–y 6), so the edges are given once with those weights.
    const Network xg = nx_network({{"s", "u", 10}, {"s", "x", 5}, {"u", "v", 1}, {"u", "x", 3},
                                   {"v", "y", 6}, {"x", "v", 5}, {"x", "y", 2}, {"y", "s", 7}},
                                  false);
    check_values(measure(xg, Measure::closeness, {.weighted = true}),
                 {{"y", 0.200}, {"x", 0.286}, {"s", 0.138}, {"u", 0.235}, {"v", 0.200}}, 1e-3);
}

TEST_CASE("harmonic centrality is NetworkX's harmonic_centrality", "[centrality][harmonic]") {
    // networkx/algorithms/centrality/tests/test_harmonic_centrality.py (abs 1e-3).
    check_values(measure(nx_network(test::path_edges(3), false), Measure::harmonic),
                 {{"0", 1.5}, {"1", 2}, {"2", 1.5}}, 1e-3);
    check_values(measure(nx_network(test::path_edges(4), false), Measure::harmonic),
                 {{"0", 1.8333333}, {"1", 2.5}, {"2", 2.5}, {"3", 1.8333333}}, 1e-3);
    check_values(measure(nx_network(test::complete_edges(5), false), Measure::harmonic),
                 {{"0", 4}, {"1", 4}, {"2", 4}, {"3", 4}, {"4", 4}}, 1e-3);
    check_values(measure(nx_network(test::cycle_edges(4), false), Measure::harmonic),
                 {{"0", 2.5}, {"1", 2.5}, {"2", 2.5}, {"3", 2.5}}, 1e-3);
    check_values(measure(nx_network(test::cycle_edges(5), false), Measure::harmonic),
                 {{"0", 3}, {"1", 3}, {"2", 3}, {"3", 3}, {"4", 3}}, 1e-3);
    check_values(measure(nx_network(test::balanced_tree_edges(), false), Measure::harmonic),
                 {{"0", 4.0}, {"1", 4.1666}, {"2", 4.1666}, {"3", 2.8333}, {"4", 2.8333},
                  {"5", 2.8333}, {"6", 2.8333}},
                 1e-3);
    check_values(measure(nx_network(int_edges({{0, 1}, {0, 2}, {0, 4}, {2, 1}, {2, 3}, {4, 3}}), true),
                         Measure::harmonic),
                 {{"0", 0}, {"1", 2}, {"2", 1}, {"3", 2.5}, {"4", 1}}, 1e-3);
    const Network xg = nx_network({{"a", "b", 10}, {"d", "c", 5}, {"a", "c", 1}, {"e", "f", 2},
                                   {"f", "c", 1}, {"a", "f", 3}},
                                  true);
    check_values(measure(xg, Measure::harmonic, {.weighted = true}),
                 {{"a", 0}, {"b", 0.1}, {"c", 2.533}, {"d", 0}, {"e", 0}, {"f", 0.83333}}, 1e-3);
    check_values(measure(nx_network({}, true, {"0"}), Measure::harmonic, {.weighted = true}),
                 {{"0", 0}}, 0);  // test_singleton
    CHECK(centrality(Network{}, {.measures = {Measure::harmonic}}).ids.empty());  // test_empty
}

TEST_CASE("eigenvector centrality is NetworkX's eigenvector_centrality", "[centrality][eigenvector]") {
    // networkx/algorithms/centrality/tests/test_eigenvector_centrality.py.
    const double v = std::sqrt(1 / 5.0);
    check_values(measure(nx_network(test::complete_edges(5), false), Measure::eigenvector),
                 {{"0", v}, {"1", v}, {"2", v}, {"3", v}, {"4", v}}, 1e-7);
    check_values(measure(nx_network(test::path_edges(3), false), Measure::eigenvector),
                 {{"0", 0.5}, {"1", 0.7071}, {"2", 0.5}}, 1e-4);
    // TestEigenvectorCentralityDirected: the digraph reversed, weight 2.0 (G) or none (H); the
    // expected values are in node order 1..8 (abs 1e-4).
    const std::vector<std::pair<int, int>> arcs = {
        {1, 2}, {1, 3}, {2, 4}, {3, 2}, {3, 5}, {4, 2}, {4, 5}, {4, 6}, {5, 6},
        {5, 7}, {5, 8}, {6, 8}, {7, 1}, {7, 5}, {7, 8}, {8, 6}, {8, 7}};
    const std::vector<double> evc = {0.25368793, 0.19576478, 0.32817092, 0.40430835,
                                     0.48199885, 0.15724483, 0.51346196, 0.32475403};
    for (double weight : {2.0, 1.0}) {
        INFO("weight " << weight);
        std::vector<Edge> reversed;
        for (auto [a, b] : arcs) reversed.push_back({std::to_string(b), std::to_string(a), weight});
        const Network g = nx_network(reversed, true, {"1", "2", "3", "4", "5", "6", "7", "8"});
        Values expected;
        for (int i = 0; i < 8; ++i) expected[std::to_string(i + 1)] = evc[static_cast<std::size_t>(i)];
        check_values(measure(g, Measure::eigenvector, {.weighted = true}), expected, 1e-4);
    }
}

TEST_CASE("pagerank is NetworkX's pagerank", "[centrality][pagerank]") {
    // networkx/algorithms/link_analysis/tests/test_pagerank.py, TestPageRank.test_pagerank
    // (Langville & Meyer's example, 2 dangling): alpha 0.9, tol 1e-8, abs 1e-4.
    const Network g = nx_network(int_edges({{1, 2}, {1, 3}, {3, 1}, {3, 2}, {3, 5}, {4, 5}, {4, 6},
                                            {5, 4}, {5, 6}, {6, 4}}),
                                 true);
    check_values(measure(g, Measure::pagerank, {.alpha = 0.9, .tolerance = 1e-8}),
                 {{"1", 0.03721197}, {"2", 0.05395735}, {"3", 0.04150565}, {"4", 0.37508082},
                  {"5", 0.20599833}, {"6", 0.28624589}},
                 1e-4);
    // Undirected K4 (test_personalization's graph) without personalization: 1/4 each by symmetry.
    check_values(measure(nx_network(test::complete_edges(4), false), Measure::pagerank),
                 {{"0", 0.25}, {"1", 0.25}, {"2", 0.25}, {"3", 0.25}}, 1e-9);
}

TEST_CASE("coreness modes are NetworkX's core_number and sna's kcores", "[centrality][coreness]") {
    // networkx/algorithms/tests/test_core.py, TestCore: Batagelj & Zaversnik's Figure 1.
    std::vector<Edge> g;
    for (int base : {0, 4})
        for (auto [a, b] : std::vector<std::pair<int, int>>{{1, 2}, {1, 3}, {1, 4}, {2, 3}, {2, 4}, {3, 4}})
            g.push_back({std::to_string(a + base), std::to_string(b + base)});
    for (const auto& e : int_edges({{3, 7}, {2, 11}, {11, 5}, {11, 12}, {5, 12}, {12, 19}, {12, 18},
                                    {3, 9}, {7, 9}, {7, 10}, {9, 10}, {9, 20}, {17, 13}, {13, 14},
                                    {14, 15}, {15, 16}, {16, 13}}))
        g.push_back(e);
    const Network bz = nx_network(g, false, {"21"});
    const Values core = measure(bz, Measure::coreness);
    for (int v = 1; v <= 21; ++v) {
        const int expected = v <= 8 ? 3 : v <= 16 ? 2 : v <= 20 ? 1 : 0;
        INFO(v);
        CHECK(core.at(std::to_string(v)) == expected);
    }
    // test_core_number2: havel_hakimi_graph([0, 1, 2, 2, 2, 2, 3]) relabelled.
    const Network h = nx_network(int_edges({{1, 3}, {2, 5}, {2, 4}, {5, 6}, {4, 6}, {3, 6}}), false, {"0"});
    check_values(measure(h, Measure::coreness),
                 {{"0", 0}, {"1", 1}, {"3", 1}, {"2", 2}, {"4", 2}, {"5", 2}, {"6", 2}}, 0);
    // test_directed_core_number (issue #1959): in + out degree on a digraph (mode all).
    const CentralityOptions all{.cores = CoreMode::all};
    auto d = int_edges({{1, 2}, {2, 1}, {2, 3}, {2, 4}, {3, 4}, {4, 3}});
    check_values(measure(nx_network(d, true), Measure::coreness, all),
                 {{"1", 2}, {"2", 2}, {"3", 2}, {"4", 2}}, 0);
    for (const auto& e : int_edges({{1, 5}, {3, 5}, {4, 5}, {3, 6}, {4, 6}, {5, 6}})) d.push_back(e);
    check_values(measure(nx_network(d, true), Measure::coreness, all),
                 {{"1", 3}, {"2", 3}, {"3", 3}, {"4", 3}, {"5", 3}, {"6", 3}}, 0);
    // Issue 20: on 1 ⇄ 2 NetworkX and sna give 2 (in + out), the undirected graph 1.
    const Network pair = nx_network(int_edges({{1, 2}, {2, 1}}), true);
    check_values(measure(pair, Measure::coreness, all), {{"1", 2}, {"2", 2}}, 0);
    check_values(measure(pair, Measure::coreness), {{"1", 1}, {"2", 1}}, 0);
    // sna kcores cmode "indegree"/"outdegree" (man/kcores.Rd: the k-core holds those with at
    // least k in- resp. out-ties inside it): a mutual triangle 0, 1, 2 and 3 → 0.
    const Network tri = nx_network(int_edges({{0, 1}, {1, 0}, {1, 2}, {2, 1}, {2, 0}, {0, 2}, {3, 0}}), true);
    check_values(measure(tri, Measure::coreness, {.cores = CoreMode::in}),
                 {{"0", 2}, {"1", 2}, {"2", 2}, {"3", 0}}, 0);
    check_values(measure(tri, Measure::coreness, {.cores = CoreMode::out}),
                 {{"0", 2}, {"1", 2}, {"2", 2}, {"3", 1}}, 0);
    check_values(measure(tri, Measure::coreness, all), {{"0", 4}, {"1", 4}, {"2", 4}, {"3", 1}}, 0);
    check_values(measure(tri, Measure::coreness, {.cores = CoreMode::undirected}),
                 {{"0", 2}, {"1", 2}, {"2", 2}, {"3", 1}}, 0);
}

TEST_CASE("strength and reciprocity per stakeholder", "[centrality]") {
    // strength = G.degree(weight="weight"); reciprocity = share of out-ties returned (DESIGN §3.6).
    const Network g = nx_network({{"1", "2", 0.5}, {"2", "1", 2}, {"2", "3", 4}}, true);
    const auto t = centrality(g, {.measures = {Measure::strength, Measure::reciprocity}});
    CHECK(t.measures == std::vector<Measure>{Measure::strength, Measure::reciprocity});
    const Values s = by_id(g, t, Measure::strength), r = by_id(g, t, Measure::reciprocity);
    CHECK(s.at("1") == 2.5);
    CHECK(s.at("2") == 6.5);
    CHECK(s.at("3") == 4.0);
    CHECK(r.at("1") == 1.0);
    CHECK(r.at("2") == 0.5);
    CHECK(std::isnan(r.at("3")));
    // Undirected: everyone with a tie has every tie returned; strength counts each edge once.
    const Network u = nx_network({{"a", "b", 3}, {"b", "c", 1}}, false);
    CHECK(measure(u, Measure::reciprocity).at("b") == 1.0);
    CHECK(measure(u, Measure::strength).at("b") == 4.0);
    CHECK(measure(u, Measure::in_degree).at("b") == 2.0);
}

TEST_CASE("centralities agree with the real data sets' references", "[centrality][reference]") {
    // tests/data/*.reference.json (NetworkX 2.8.8, calls under "calls"): per relation, D the
    // digraph (mutual relations both ways), U its undirected graph. One relation followed: a
    // directed one reads as D, a mutual one as U (DESIGN §3.6).
    std::size_t checked = 0;
    for (const char* name : {"krackhardt-hightech", "lazega-lawfirm", "ckm-physicians", "padgett-florentine"}) {
        const Network net = copnet::test::load_real(data, name);
        std::ifstream in(data / (std::string(name) + ".reference.json"));
        const auto ref = nlohmann::json::parse(in);
        for (const auto& [relation, values] : ref.at("kinds").items()) {
            INFO(name << " " << relation);
            const TieKind kind = copnet::test::relation_of(net, relation);
            const bool mutual = net.relation(kind).mutual();
            const CentralityOptions o{.filter = TieFilter::of({kind}),
                                      .measures = parse_measures("betweenness,coreness,constraint,effective_size")};
            const CentralityTable t = centrality(net, o);
            CHECK(t.undirected == mutual);
            const std::string form = mutual ? "_undirected" : "_directed";
            const struct {
                Measure m;
                std::string key;
            } columns[] = {{Measure::betweenness, "betweenness" + form},
                           {Measure::coreness, "core_number"},
                           {Measure::constraint, "constraint" + form},
                           {Measure::effective_size, "effective_size" + form}};
            for (const auto& c : columns) {
                const Values ours = by_id(net, t, c.m);
                for (const auto& [id, expected] : values.at(c.key).items()) {
                    INFO(c.key << " " << id);
                    if (expected.is_null()) {
                        CHECK(std::isnan(ours.at(id)));
                    } else {
                        const double e = expected.get<double>();
                        CHECK(std::abs(ours.at(id) - e) <= 1e-9 * std::max(1.0, std::abs(e)));
                    }
                    ++checked;
                }
            }
        }
    }
    CHECK(checked > 3000);
}

TEST_CASE("centralities agree with NetworkX to 1e-9 on a seeded landscape", "[centrality][reference]") {
    // tests/data/measures-random.reference.json, written by make_measures_fixture.py (NetworkX
    // 2.8.8; the calls are in its docstring) on random-seeded.*: a directed reading ("all",
    // "influence") and an undirected one ("collaboration"), unweighted and weighted (the values
    // as distances for paths, strengths for pagerank and eigenvector).
    const Network net = read_csv(data / "random-seeded.nodes.csv", data / "random-seeded.ties.csv");
    std::ifstream in(data / "measures-random.reference.json");
    const auto ref = nlohmann::json::parse(in);
    const std::map<std::string, TieFilter> filters = {
        {"all", TieFilter{}},
        {"collaboration", TieFilter::of({TieKind::collaboration})},
        {"influence", TieFilter::of({TieKind::influence})}};
    struct Column {
        const char* key;
        Measure measure;
        bool weighted, normalized;
        CoreMode cores = CoreMode::undirected;
    };
    const std::vector<Column> columns = {
        {"degree", Measure::degree, false, true},
        {"in_degree", Measure::in_degree, false, true},
        {"out_degree", Measure::out_degree, false, true},
        {"betweenness", Measure::betweenness, false, false},
        {"betweenness_weighted", Measure::betweenness, true, false},
        {"closeness", Measure::closeness, false, false},
        {"closeness_weighted", Measure::closeness, true, false},
        {"harmonic", Measure::harmonic, false, false},
        {"harmonic_weighted", Measure::harmonic, true, false},
        {"pagerank", Measure::pagerank, false, false},
        {"pagerank_weighted", Measure::pagerank, true, false},
        {"eigenvector", Measure::eigenvector, false, false},
        {"eigenvector_weighted", Measure::eigenvector, true, false},
        {"coreness_all", Measure::coreness, false, false, CoreMode::all},
    };
    std::size_t checked = 0;
    for (const auto& [name, filter] : filters) {
        for (const auto& c : columns) {
            INFO(name << " " << c.key);
            const auto& expected = ref.at("filters").at(name).at("centrality").at(c.key);
            CentralityOptions o{.filter = filter, .measures = {c.measure}, .normalized = c.normalized,
                                .weighted = c.weighted, .cores = c.cores};
            if (expected.is_null()) {  // PowerIterationFailedConvergence in NetworkX
                CHECK_THROWS_AS(centrality(net, o), error);
                continue;
            }
            const Values ours = measure(net, c.measure, o);
            for (const auto& [id, value] : expected.items()) {
                const double e = value.get<double>();
                INFO(id << ": copnet " << ours.at(id) << ", NetworkX " << e);
                CHECK(std::abs(ours.at(id) - e) <= 1e-9 * std::max(1.0, std::abs(e)));
                ++checked;
            }
        }
    }
    CHECK(checked == 3 * 14 * 400 - 400);  // one column did not converge in NetworkX
}

TEST_CASE("constraint and effective size are NetworkX's", "[centrality][holes]") {
    // networkx/algorithms/tests/test_structuralholes.py, TestStructuralHoles (values from UCINET
    // and igraph, checked by hand there; abs 1e-3, effective size of G 1e-2).
    const Network d = nx_network(int_edges({{0, 1}, {0, 2}, {1, 0}, {2, 1}}), true);
    check_values(measure(d, Measure::constraint), {{"0", 1.003}, {"1", 1.003}, {"2", 1.389}}, 1e-3);
    check_values(measure(d, Measure::effective_size), {{"0", 1.167}, {"1", 1.167}, {"2", 1}}, 1e-3);
    const Network dw = nx_network({{"0", "1", 2}, {"0", "2", 2}, {"1", "0", 1}, {"2", "1", 1}}, true);
    check_values(measure(dw, Measure::constraint, {.weighted = true}),
                 {{"0", 0.840}, {"1", 1.143}, {"2", 1.378}}, 1e-3);
    check_values(measure(dw, Measure::effective_size, {.weighted = true}),
                 {{"0", 1.567}, {"1", 1.083}, {"2", 1}}, 1e-3);
    // The undirected example of analytictech.com/connections/v20(1)/holes.htm, plus the
    // isolate 1 of test_constraint_isolated (NaN).
    const std::vector<Edge> g = {{"A", "B", 2}, {"A", "F", 3}, {"A", "G", 5}, {"A", "E", 2},
                                 {"E", "G", 8}, {"F", "G", 3}, {"B", "G", 4}, {"B", "D", 1},
                                 {"D", "G", 3}, {"G", "C", 10}};
    const Network u = nx_network(g, false, {"1"});
    const Values c = measure(u, Measure::constraint), e = measure(u, Measure::effective_size);
    CHECK(c.at("G") == Approx(0.400).margin(1e-3));
    CHECK(c.at("A") == Approx(0.595).margin(1e-3));
    CHECK(c.at("C") == Approx(1).margin(1e-3));
    CHECK(e.at("G") == Approx(4.67).margin(1e-2));
    CHECK(e.at("A") == Approx(2.50).margin(1e-2));
    CHECK(e.at("C") == Approx(1).margin(1e-2));
    CHECK(std::isnan(c.at("1")));
    CHECK(std::isnan(e.at("1")));
    const Values cw = measure(u, Measure::constraint, {.weighted = true});
    const Values ew = measure(u, Measure::effective_size, {.weighted = true});
    CHECK(cw.at("G") == Approx(0.299).margin(1e-3));
    CHECK(cw.at("A") == Approx(0.795).margin(1e-3));
    CHECK(cw.at("C") == Approx(1).margin(1e-3));
    CHECK(ew.at("G") == Approx(5.47).margin(1e-2));
    CHECK(ew.at("A") == Approx(2.47).margin(1e-2));
    CHECK(ew.at("C") == Approx(1).margin(1e-2));
    CHECK(std::isnan(ew.at("1")));
}

TEST_CASE("centrality skips removed stakeholders and handles empty input", "[centrality]") {
    const CentralityTable empty = centrality(Network{});
    CHECK(empty.ids.empty());
    CHECK(empty.measures.size() == measure_count);
    for (const auto& column : empty.values) CHECK(column.empty());
    // P4 without 1: the rows are 0, 2, 3 (slot order), 2–3 the only tie left.
    Network p4 = nx_network(test::path_edges(4), false);
    p4.remove_stakeholder(p4.at("1"));
    const CentralityTable t = centrality(p4);
    REQUIRE(t.ids.size() == 3);
    CHECK(p4.stakeholder(t.ids[0]).id == "0");
    const Values degree = by_id(p4, t, Measure::degree);
    CHECK(degree == Values{{"0", 0}, {"2", 1}, {"3", 1}});
    CHECK(by_id(p4, t, Measure::closeness).at("2") == Approx(0.5));  // (1/1) · (1/2)
    // No followed relation: everyone isolated, pagerank uniform.
    const Values pr = measure(p4, Measure::pagerank, {.filter = TieFilter::of({})});
    for (const auto& [id, x] : pr) CHECK(x == Approx(1.0 / 3));
}
