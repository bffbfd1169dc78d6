// Whole-network measures (copnet/analysis/network_measures.hpp) and strong components
// (copnet/analysis/components.hpp), against NetworkX 2.8.8's own test cases (the graphs and
// expected values written in its test files, cited per case), R sna's definitions (grecip,
// triad.census, cutpoints) and the shared real data sets' references.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <map>
#include <random>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "copnet/analysis/components.hpp"
#include "copnet/analysis/network_measures.hpp"
#include "copnet/io/csv.hpp"
#include "nx_graphs.hpp"
#include "real_data.hpp"

using namespace copnet;
using copnet::test::Edge;
using copnet::test::nx_network;

namespace {

const std::string data = std::string(COPNET_SOURCE_DIR) + "/tests/data/";

std::uint64_t triads(const NetworkMeasures& m, std::string_view name) {
    for (std::size_t i = 0; i < triad_names.size(); ++i)
        if (triad_names[i] == name) return m.triad_census[i];
    FAIL("no triad " << name);
    return 0;
}

// Arcs "01", "02" … as NetworkX's add_edges_from(["01", …]) reads them.
std::vector<Edge> arcs(std::initializer_list<const char*> pairs) {
    std::vector<Edge> e;
    for (const char* p : pairs) e.push_back({std::string(1, p[0]), std::string(1, p[1])});
    return e;
}

std::vector<Edge> int_arcs(std::initializer_list<std::pair<int, int>> pairs) {
    std::vector<Edge> e;
    for (auto [a, b] : pairs) e.push_back({std::to_string(a), std::to_string(b)});
    return e;
}

} // namespace

TEST_CASE("triad census is NetworkX's on its own test graph", "[network_measures][triads]") {
    // networkx/algorithms/tests/test_triads.py, test_triadic_census.
    const Network net =
        nx_network(arcs({"01", "02", "03", "04", "05", "12", "16", "51", "56", "65"}), true);
    const NetworkMeasures m = network_measures(net);
    CHECK_FALSE(m.undirected);
    CHECK(triads(m, "030T") == 2);
    CHECK(triads(m, "120C") == 1);
    CHECK(triads(m, "210") == 0);
    CHECK(triads(m, "120U") == 0);
    CHECK(triads(m, "012") == 9);
    CHECK(triads(m, "102") == 3);
    CHECK(triads(m, "021U") == 0);
    CHECK(triads(m, "111U") == 0);
    CHECK(triads(m, "003") == 8);
    CHECK(triads(m, "030C") == 0);
    CHECK(triads(m, "021D") == 9);
    CHECK(triads(m, "201") == 0);
    CHECK(triads(m, "111D") == 1);
    CHECK(triads(m, "300") == 0);
    CHECK(triads(m, "120D") == 0);
    CHECK(triads(m, "021C") == 2);
}

TEST_CASE("triad census names each of the 16 types on its own triad", "[network_measures][triads]") {
    // networkx/algorithms/tests/test_triads.py, test_triad_type: its example triad of each MAN
    // type (Holland & Leinhardt), each a census of one; sna::triad.census counts the same types.
    struct Case {
        const char* type;
        std::vector<Edge> arcs;
    };
    const std::vector<Case> cases = {
        {"003", {}},
        {"012", arcs({"01"})},
        {"021D", arcs({"01", "02"})},
        {"102", arcs({"01", "10"})},
        {"021U", arcs({"01", "21"})},
        {"021C", arcs({"01", "12"})},
        {"111D", arcs({"01", "10", "21"})},
        {"111U", arcs({"01", "10", "12"})},
        {"030T", arcs({"01", "12", "02"})},
        {"030C", arcs({"01", "12", "20"})},
        {"201", arcs({"01", "10", "20", "02"})},
        {"120D", arcs({"01", "10", "20", "21"})},
        {"120U", arcs({"01", "10", "02", "12"})},
        {"120C", arcs({"01", "10", "02", "21"})},
        {"210", arcs({"01", "10", "21", "12", "02"})},
        {"300", arcs({"01", "10", "12", "21", "02", "20"})},
    };
    for (const auto& c : cases) {
        INFO(c.type);
        const Network net = nx_network(c.arcs, true, {"0", "1", "2"});
        const NetworkMeasures m = network_measures(net);
        CHECK(triads(m, c.type) == 1);
        std::uint64_t total = 0;
        for (auto t : m.triad_census) total += t;
        CHECK(total == 1);
    }
}

TEST_CASE("transitivity is NetworkX's on its test graphs", "[network_measures][transitivity]") {
    // networkx/algorithms/tests/test_cluster.py, class TestTransitivity.
    CHECK(network_measures(Network{}).transitivity == 0.0);
    CHECK(network_measures(nx_network(test::path_edges(10), false)).transitivity == 0.0);
    const std::vector<Edge> cubical = {{"0", "1"}, {"0", "3"}, {"0", "4"}, {"1", "2"},
                                       {"1", "7"}, {"2", "3"}, {"2", "6"}, {"3", "5"},
                                       {"4", "5"}, {"4", "7"}, {"5", "6"}, {"6", "7"}};
    CHECK(network_measures(nx_network(cubical, false)).transitivity == 0.0);
    CHECK(network_measures(nx_network(test::complete_edges(5), false)).transitivity == 1.0);
    auto k5 = test::complete_edges(5);
    std::erase_if(k5, [](const Edge& e) { return e.a == "1" && e.b == "2"; });
    CHECK(network_measures(nx_network(k5, false)).transitivity == Approx(0.875).margin(1e-12));
}

TEST_CASE("strong components are NetworkX's on its test graphs", "[network_measures][components]") {
    // networkx/algorithms/components/tests/test_strongly_connected.py, setup_class: five
    // digraphs and their strong components (test_tarjan, test_number_strongly_connected_components).
    struct Case {
        std::vector<Edge> arcs;
        std::set<std::set<std::string>> components;
    };
    const std::vector<Case> cases = {
        {int_arcs({{1, 2}, {2, 3}, {2, 8}, {3, 4}, {3, 7}, {4, 5}, {5, 3}, {5, 6}, {7, 4}, {7, 6},
                   {8, 1}, {8, 7}}),
         {{"3", "4", "5", "7"}, {"1", "2", "8"}, {"6"}}},
        {int_arcs({{1, 2}, {1, 3}, {1, 4}, {4, 2}, {3, 4}, {2, 3}}), {{"2", "3", "4"}, {"1"}}},
        {int_arcs({{1, 2}, {2, 3}, {3, 2}, {2, 1}}), {{"1", "2", "3"}}},
        // Eppstein's tests: DiGraph({0: [1], 1: [2, 3], 2: [4, 5], 3: [4, 5], 4: [6], 5: [], 6: []})
        {int_arcs({{0, 1}, {1, 2}, {1, 3}, {2, 4}, {2, 5}, {3, 4}, {3, 5}, {4, 6}}),
         {{"0"}, {"1"}, {"2"}, {"3"}, {"4"}, {"5"}, {"6"}}},
        // DiGraph({0: [1], 1: [2, 3, 4], 2: [0, 3], 3: [4], 4: [3]})
        {int_arcs({{0, 1}, {1, 2}, {1, 3}, {1, 4}, {2, 0}, {2, 3}, {3, 4}, {4, 3}}),
         {{"0", "1", "2"}, {"3", "4"}}},
    };
    for (std::size_t i = 0; i < cases.size(); ++i) {
        INFO("graph " << i);
        const Network net = nx_network(cases[i].arcs, true);
        const Components c = strong_components(net);
        std::vector<std::set<std::string>> pieces(c.count());
        for (StakeholderId who : net.stakeholders())
            pieces[static_cast<std::size_t>(c.piece[who.index()])].insert(net.stakeholder(who).id);
        CHECK(std::set<std::set<std::string>>(pieces.begin(), pieces.end()) == cases[i].components);
        CHECK(network_measures(net).strong_components == cases[i].components.size());
        // The same pieces, whatever the direction followed: reversing every arc keeps them.
        CHECK(strong_components(net, TieFilter::all(Direction::in)).count() == c.count());
    }
    CHECK(strong_components(Network{}).count() == 0);  // test_null_graph
}

TEST_CASE("condensation is NetworkX's on its test graphs", "[network_measures][components]") {
    // networkx/algorithms/components/tests/test_strongly_connected.py: test_contract_scc1,
    // test_contract_scc_isolate, test_contract_scc_edge and test_null_graph. Pieces are compared
    // by their members (NetworkX numbers them in its own order).
    using Members = std::set<std::string>;
    const auto members_and_arcs = [](const Network& net, const Condensation& c) {
        std::vector<Members> pieces(c.pieces.count());
        for (StakeholderId who : net.stakeholders())
            pieces[static_cast<std::size_t>(c.pieces.piece[who.index()])].insert(net.stakeholder(who).id);
        std::set<std::pair<Members, Members>> arcs;
        for (const auto& [p, q] : c.arcs) arcs.emplace(pieces.at(p), pieces.at(q));
        return std::pair{std::set<Members>(pieces.begin(), pieces.end()), arcs};
    };
    const Network scc1 = nx_network(int_arcs({{1, 2}, {2, 3}, {2, 11}, {2, 12}, {3, 4}, {4, 3}, {4, 5},
                                               {5, 6}, {6, 5}, {6, 7}, {7, 8}, {7, 9}, {7, 10}, {8, 9},
                                               {9, 7}, {10, 6}, {11, 2}, {11, 4}, {11, 6}, {12, 6},
                                               {12, 11}}),
                                     true);
    const Condensation c = condensation(scc1);
    const auto [pieces, arcs] = members_and_arcs(scc1, c);
    const Members one{"1"}, two{"2", "11", "12"}, three{"3", "4"}, five{"5", "6", "7", "8", "9", "10"};
    CHECK(pieces == std::set<Members>{one, two, three, five});  // sorted(cG.nodes()) == [0, 1, 2, 3]
    // NetworkX asserts the arcs 2→3, 2→5, 3→5 (by members); 1→2 is the fourth.
    CHECK(arcs == std::set<std::pair<Members, Members>>{{one, two}, {two, three}, {two, five}, {three, five}});
    CHECK(std::is_sorted(c.arcs.begin(), c.arcs.end()));
    // A DAG: every arc leads to a piece later in some order — here no arc comes back.
    for (const auto& [p, q] : c.arcs)
        CHECK(std::find(c.arcs.begin(), c.arcs.end(), std::pair{q, p}) == c.arcs.end());

    const Condensation isolate = condensation(nx_network(int_arcs({{1, 2}, {2, 1}}), true));
    CHECK(isolate.pieces.count() == 1);
    CHECK(isolate.arcs.empty());
    const Network edge = nx_network(int_arcs({{1, 2}, {2, 1}, {2, 3}, {3, 4}, {4, 3}}), true);
    const auto [edge_pieces, edge_arcs] = members_and_arcs(edge, condensation(edge));
    CHECK(edge_pieces == std::set<Members>{{"1", "2"}, {"3", "4"}});
    CHECK(edge_arcs == std::set<std::pair<Members, Members>>{{{"1", "2"}, {"3", "4"}}});
    // Followed against the ties, the same pieces with every arc reversed.
    const auto [in_pieces, in_arcs] = members_and_arcs(edge, condensation(edge, TieFilter::all(Direction::in)));
    CHECK(in_pieces == edge_pieces);
    CHECK(in_arcs == std::set<std::pair<Members, Members>>{{{"3", "4"}, {"1", "2"}}});
    const Condensation null = condensation(Network{});
    CHECK(null.pieces.count() == 0);
    CHECK(null.arcs.empty());
}

TEST_CASE("strong components run without recursion on a long chain", "[network_measures][components]") {
    // 200,000 stakeholders in one directed cycle: a recursive Tarjan would overflow the stack.
    std::vector<Edge> e;
    const int n = 200000;
    for (int i = 0; i < n; ++i) e.push_back({std::to_string(i), std::to_string((i + 1) % n)});
    const Network net = nx_network(e, true);
    CHECK(strong_components(net).count() == 1);
    CHECK(strong_components(net).largest() == static_cast<std::size_t>(n));
}

TEST_CASE("degree assortativity is NetworkX's on its test graphs", "[network_measures][assortativity]") {
    // networkx/algorithms/assortativity/tests/test_correlation.py (TestDegreeMixingCorrelation)
    // on the graphs of base_test.py (BaseTestDegreeMixing); NetworkX asserts 4 decimals.
    CHECK(network_measures(nx_network(test::path_edges(4), false)).degree_assortativity ==
          Approx(-1.0 / 2).margin(1e-4));
    CHECK(network_measures(nx_network(int_arcs({{0, 2}, {0, 3}, {1, 3}, {2, 3}}), true))
              .degree_assortativity == Approx(-0.57735).margin(1e-4));
    CHECK(network_measures(nx_network(int_arcs({{0, 3}, {1, 0}, {1, 2}, {2, 4}, {4, 1}, {4, 3},
                                                {4, 2}}),
                                      true))
              .degree_assortativity == Approx(0.14852).margin(1e-4));
    // DS: two disjoint star_graph(4) (nodes 0-4 and 5-9, centres 0 and 5) joined by 4–5.
    const std::vector<Edge> ds = {{"0", "1"}, {"0", "2"}, {"0", "3"}, {"0", "4"}, {"5", "6"},
                                  {"5", "7"}, {"5", "8"}, {"5", "9"}, {"4", "5"}};
    CHECK(network_measures(nx_network(ds, false)).degree_assortativity ==
          Approx(-0.9339).margin(1e-4));
    // No variance (every degree equal): NaN, as NumPy's 0/0 in NetworkX.
    CHECK(std::isnan(network_measures(nx_network(test::cycle_edges(5), false)).degree_assortativity));
}

TEST_CASE("diameter and average distance are NetworkX's on its test graphs", "[network_measures][distance]") {
    // networkx/algorithms/shortest_paths/tests/test_generic.py, TestAverageShortestPathLength:
    // cycle_graph(7) and path_graph(5) both 2; test_trivial_graph: 0.
    CHECK(network_measures(nx_network(test::cycle_edges(7), false)).average_distance ==
          Approx(2.0).margin(1e-7));
    CHECK(network_measures(nx_network(test::path_edges(5), false)).average_distance ==
          Approx(2.0).margin(1e-7));
    const NetworkMeasures trivial = network_measures(nx_network({}, false, {"0"}));
    CHECK(trivial.average_distance == 0.0);
    CHECK(trivial.diameter == 0);
    // networkx/algorithms/tests/test_distance_measures.py, TestDistance.test_diameter: the
    // 4×4 grid_2d_graph has diameter 6.
    std::vector<Edge> grid;
    const auto cell = [](int r, int c) { return std::to_string(r * 4 + c); };
    for (int r = 0; r < 4; ++r)
        for (int c = 0; c < 4; ++c) {
            if (c + 1 < 4) grid.push_back({cell(r, c), cell(r, c + 1)});
            if (r + 1 < 4) grid.push_back({cell(r, c), cell(r + 1, c)});
        }
    CHECK(network_measures(nx_network(grid, false)).diameter == 6);
    // Of the largest weak component only, undirected: 0–1–2–3 beside 4–5, arcs one way.
    const NetworkMeasures split =
        network_measures(nx_network(int_arcs({{0, 1}, {1, 2}, {2, 3}, {4, 5}}), true));
    CHECK(split.largest_component == 4);
    CHECK(split.diameter == 3);
    CHECK(split.average_distance == Approx(20.0 / 12.0));
}

TEST_CASE("reciprocity and the dyad census are sna's grecip and dyad.census", "[network_measures][reciprocity]") {
    // sna grecip (sna/R/gli.R): dyadic = (M + N)/(M + A + N), dyadic.nonnull = M/(M + A),
    // edgewise = 2M/(2M + A) over dyad.census. Issue 20's example: three stakeholders, one tie:
    // dyadic 2/3 (sna's default), edgewise 0.
    const NetworkMeasures one = network_measures(nx_network(int_arcs({{1, 2}}), true, {"1", "2", "3"}));
    CHECK(one.dyad_census.mutual == 0);
    CHECK(one.dyad_census.asymmetric == 1);
    CHECK(one.dyad_census.null == 2);
    CHECK(one.reciprocity.dyadic == Approx(2.0 / 3.0));
    CHECK(one.reciprocity.edgewise == 0.0);
    CHECK(one.reciprocity.dyadic_nonnull == 0.0);
    // 1 ⇄ 2, 2 → 3: M = 1, A = 1, N = 1.
    const NetworkMeasures m = network_measures(nx_network(int_arcs({{1, 2}, {2, 1}, {2, 3}}), true));
    CHECK(m.ties == 3);
    CHECK(m.density == Approx(3.0 / 6.0));
    CHECK(m.reciprocity.edgewise == Approx(2.0 / 3.0));
    CHECK(m.reciprocity.dyadic == Approx(2.0 / 3.0));
    CHECK(m.reciprocity.dyadic_nonnull == Approx(1.0 / 2.0));
    // Without ties: edgewise and dyadic.nonnull are 0/0.
    const NetworkMeasures none = network_measures(nx_network({}, true, {"a", "b"}));
    CHECK(std::isnan(none.reciprocity.edgewise));
    CHECK(std::isnan(none.reciprocity.dyadic_nonnull));
    CHECK(none.reciprocity.dyadic == 1.0);
}

TEST_CASE("an undirected graph's censuses are those of its symmetric digraph", "[network_measures][triads]") {
    // DESIGN §3.6 and sna on a symmetric sociomatrix: the path 0–1–2 is one triad 201, two
    // mutual dyads and one null one; ties count each edge once.
    const NetworkMeasures m = network_measures(nx_network(test::path_edges(3), false));
    CHECK(m.undirected);
    CHECK(m.ties == 2);
    CHECK(m.density == Approx(2.0 / 3.0));  // networkx.density(nx.path_graph(3))
    CHECK(triads(m, "201") == 1);
    CHECK(m.dyad_census.mutual == 2);
    CHECK(m.dyad_census.asymmetric == 0);
    CHECK(m.dyad_census.null == 1);
    CHECK(m.reciprocity.edgewise == 1.0);
    CHECK(m.strong_components == 1);
    CHECK(m.strong_cutpoints == 1);
    CHECK(m.weak_cutpoints == 1);
}

TEST_CASE("the graph is undirected only when every followed relation with ties is mutual", "[network_measures]") {
    Network net = nx_network(test::path_edges(3), false);
    CHECK(reads_undirected(net, {}));  // authority and influence are followed but hold no tie
    net.add_tie(net.at("0"), net.at("2"), TieKind::influence);
    CHECK_FALSE(reads_undirected(net, {}));
    CHECK(reads_undirected(net, TieFilter::all(Direction::both)));
    CHECK(reads_undirected(net, TieFilter::of({*net.find_relation("tie")})));
    const NetworkMeasures m = network_measures(net);
    CHECK_FALSE(m.undirected);
    CHECK(m.ties == 5);  // 0⇄1, 1⇄2 as two arcs each, 0 → 2
    // A pair tied by two relations counts once.
    net.add_tie(net.at("0"), net.at("1"), TieKind::influence);
    CHECK(network_measures(net).ties == 5);
}

TEST_CASE("cutpoints are sna's: strong ones need a strong component to split", "[network_measures][cutpoints]") {
    // sna cutpoints (man/cutpoints.Rd): a strong cutpoint's removal increases the number of
    // strong components, a weak one's the number of weak components. Issue 20's example:
    // 1 → 2 → 3 has the weak cutpoint 2 and no strong one.
    const NetworkMeasures chain = network_measures(nx_network(int_arcs({{1, 2}, {2, 3}}), true));
    CHECK(chain.weak_cutpoints == 1);
    CHECK(chain.strong_cutpoints == 0);
    // Two directed triangles sharing 0: removing 0 splits one strong component into four, and
    // removing any other leaves its triangle's two others apart; only 0 is a weak cutpoint.
    const NetworkMeasures bow = network_measures(
        nx_network(int_arcs({{0, 1}, {1, 2}, {2, 0}, {0, 3}, {3, 4}, {4, 0}}), true));
    CHECK(bow.strong_components == 1);
    CHECK(bow.strong_cutpoints == 5);
    CHECK(bow.weak_cutpoints == 1);
    // 0 ⇄ 1 ⇄ 2 as directed ties both ways: only 1 splits it, strongly and weakly.
    const NetworkMeasures both_ways =
        network_measures(nx_network(int_arcs({{0, 1}, {1, 0}, {1, 2}, {2, 1}}), true));
    CHECK_FALSE(both_ways.undirected);
    CHECK(both_ways.strong_cutpoints == 1);
    CHECK(both_ways.weak_cutpoints == 1);
    // A directed 4-cycle: every stakeholder is a strong cutpoint (its removal leaves a path of
    // three strong components), none a weak one.
    const NetworkMeasures ring = network_measures(nx_network(test::cycle_edges(4), true));
    CHECK(ring.strong_cutpoints == 4);
    CHECK(ring.weak_cutpoints == 0);
}

TEST_CASE("strong cutpoints agree with their definition on random digraphs", "[network_measures][cutpoints]") {
    // The definition itself, by removal: count the strong components without each stakeholder.
    std::mt19937 rng(20);
    for (int round = 0; round < 40; ++round) {
        const int n = 4 + round % 9;
        std::uniform_int_distribution<int> pick(0, n - 1);
        std::vector<Edge> e;
        const int m = n + round % 7 + n / 2;
        for (int i = 0; i < m; ++i) {
            const int a = pick(rng), b = pick(rng);
            if (a != b) e.push_back({std::to_string(a), std::to_string(b)});
        }
        std::vector<std::string> nodes;
        for (int i = 0; i < n; ++i) nodes.push_back(std::to_string(i));
        const Network net = nx_network(e, true, nodes);
        const std::size_t before = strong_components(net).count();
        std::size_t expected = 0;
        for (const auto& who : nodes) {
            Network without = net;
            without.remove_stakeholder(without.at(who));
            if (strong_components(without).count() > before) ++expected;
        }
        INFO("round " << round);
        CHECK(network_measures(net).strong_cutpoints == expected);
    }
}

TEST_CASE("component counts agree with the shared real data sets", "[network_measures][components][reference]") {
    // ../shared/data/*.reference.json, "strong_components"/"weak_components" "count" per relation:
    // networkx.strongly_connected_components(D) / weakly_connected_components(D) (NetworkX
    // 2.8.8), D the digraph of one relation over every node (mutual relations as both arcs).
    struct Case {
        const char* data_set;
        const char* relation;
        std::size_t strong, weak;
    };
    const std::vector<Case> cases = {
        {"krackhardt-hightech", "authority", 21, 1}, {"krackhardt-hightech", "friendship", 3, 1},
        {"krackhardt-hightech", "influence", 1, 1},  {"lazega-lawfirm", "collaboration", 1, 1},
        {"lazega-lawfirm", "friendship", 9, 3},      {"lazega-lawfirm", "influence", 4, 1},
        {"padgett-florentine", "collaboration", 6, 6}, {"padgett-florentine", "marriage", 2, 2},
        {"ckm-physicians", "collaboration", 41, 41}, {"ckm-physicians", "friendship", 208, 42},
        {"ckm-physicians", "influence", 201, 35},
    };
    for (const auto& c : cases) {
        INFO(c.data_set << " " << c.relation);
        const Network net = copnet::test::load_real(data, c.data_set);
        const TieFilter f = TieFilter::of({copnet::test::relation_of(net, c.relation)});
        const NetworkMeasures m = network_measures(net, f);
        CHECK(m.strong_components == c.strong);
        CHECK(m.weak_components == c.weak);
        CHECK(strong_components(net, f).count() == c.strong);
    }
}

TEST_CASE("whole-network measures agree with NetworkX on a seeded landscape", "[network_measures][reference]") {
    // tests/data/measures-random.reference.json, written by make_measures_fixture.py (NetworkX
    // 2.8.8; the calls are in its docstring and the JSON's "calls") on random-seeded.*.
    const Network net = read_csv(data + "random-seeded.nodes.csv", data + "random-seeded.ties.csv");
    std::ifstream in(data + "measures-random.reference.json");
    const auto ref = nlohmann::json::parse(in);
    const std::map<std::string, TieFilter> filters = {
        {"all", TieFilter{}},
        {"collaboration", TieFilter::of({TieKind::collaboration})},
        {"influence", TieFilter::of({TieKind::influence})}};
    for (const auto& [name, filter] : filters) {
        INFO(name);
        const auto& r = ref.at("filters").at(name).at("network");
        const NetworkMeasures m = network_measures(net, filter);
        const auto close = [](double ours, const nlohmann::json& e) {
            const double x = e.get<double>();
            return std::abs(ours - x) <= 1e-9 * std::max(1.0, std::abs(x));
        };
        CHECK(m.undirected == r.at("undirected").get<bool>());
        CHECK(close(m.density, r.at("density")));
        for (std::size_t t = 0; t < triad_names.size(); ++t) {
            INFO(triad_names[t]);
            CHECK(m.triad_census[t] == r.at("triad_census").at(std::string(triad_names[t])).get<std::uint64_t>());
        }
        CHECK(close(m.transitivity, r.at("transitivity")));
        CHECK(m.weak_components == r.at("weak_components").get<std::size_t>());
        CHECK(m.strong_components == r.at("strong_components").get<std::size_t>());
        CHECK(m.largest_component == r.at("largest_component").get<std::size_t>());
        CHECK(m.diameter == r.at("diameter").get<std::size_t>());
        CHECK(close(m.average_distance, r.at("average_distance")));
        CHECK(close(m.degree_assortativity, r.at("degree_assortativity")));
        CHECK(m.weak_cutpoints == r.at("weak_cutpoints").get<std::size_t>());
        CHECK(m.strong_cutpoints == r.at("strong_cutpoints").get<std::size_t>());
    }
}

TEST_CASE("network measures report progress through every stage, with and without distances",
          "[network_measures][progress]") {
    const Network net = read_csv(data + "random-seeded.nodes.csv", data + "random-seeded.ties.csv");
    for (const bool distances : {false, true}) {
        INFO("distances " << distances);
        std::vector<std::pair<std::size_t, std::size_t>> calls;
        NetworkMeasuresOptions o;
        o.distances = distances;
        o.threads = 1;
        o.progress = [&](std::size_t done, std::size_t total) { calls.emplace_back(done, total); };
        const NetworkMeasures with = network_measures(net, o);
        o.progress = {};
        const NetworkMeasures without = network_measures(net, o);
        CHECK(with.triad_census == without.triad_census);  // progress changes nothing
        CHECK(with.strong_cutpoints == without.strong_cutpoints);
        // Nine stages: at least one call for each stage boundary reached, the last at the total.
        REQUIRE(calls.size() >= (distances ? 9U : 5U));
        const std::size_t total = calls.back().second;
        CHECK(calls.back().first == total);
        for (std::size_t i = 0; i < calls.size(); ++i) {
            CHECK(calls[i].second == total);
            if (i > 0) CHECK(calls[i].first > calls[i - 1].first);
        }
        CHECK(calls.size() <= 102);  // about a hundred calls at most
    }
}
