// The graph inside a Network is a Boost.Graph: Boost's own algorithms run on it and agree with
// copnet's analyses; its compact store stays consistent through removals.
#include <algorithm>
#include <map>
#include <random>
#include <set>
#include <tuple>
#include <vector>

#include <boost/graph/breadth_first_search.hpp>
#include <boost/graph/dijkstra_shortest_paths.hpp>
#include <boost/graph/graph_concepts.hpp>
#include <boost/graph/filtered_graph.hpp>
#include <boost/property_map/property_map.hpp>
#include <catch2/catch.hpp>

#include "copnet/analysis/reach.hpp"
#include "copnet/generate.hpp"
#include "copnet/graph.hpp"
#include "copnet/network.hpp"

using namespace copnet;

BOOST_CONCEPT_ASSERT((boost::VertexListGraphConcept<Graph>));
BOOST_CONCEPT_ASSERT((boost::EdgeListGraphConcept<Graph>));
BOOST_CONCEPT_ASSERT((boost::IncidenceGraphConcept<Graph>));
BOOST_CONCEPT_ASSERT((boost::BidirectionalGraphConcept<Graph>));
BOOST_CONCEPT_ASSERT((boost::ReadablePropertyMapConcept<TieWeightMap, LandscapeEdge>));

namespace {

// Every tie id is in its source's out-list and its target's in-list exactly once, and nowhere
// else; the counts agree with the network's.
void check_store(const Network& net) {
    const Graph& g = graph(net);
    REQUIRE(num_edges(g) == net.tie_count());
    std::vector<int> seen_out(num_edges(g), 0), seen_in(num_edges(g), 0);
    for (std::size_t v = 0; v < num_vertices(g); ++v) {
        for (auto [it, end] = out_edges(v, g); it != end; ++it) {
            REQUIRE((*it).id < num_edges(g));
            REQUIRE(source(*it, g) == v);
            ++seen_out[(*it).id];
        }
        for (auto [it, end] = in_edges(v, g); it != end; ++it) {
            REQUIRE((*it).id < num_edges(g));
            REQUIRE(target(*it, g) == v);
            ++seen_in[(*it).id];
        }
    }
    std::vector<std::size_t> by_kind(net.relations().size(), 0);
    for (std::size_t e = 0; e < num_edges(g); ++e) {
        REQUIRE(seen_out[e] == 1);
        REQUIRE(seen_in[e] == 1);
        const auto id = static_cast<std::uint32_t>(e);
        REQUIRE(g[LandscapeEdge{id}].kind == g.kind(id));  // the relation kept beside the record
        REQUIRE(g[LandscapeEdge{id}].weight == g.tie(id).weight);
        ++by_kind.at(static_cast<std::size_t>(g.kind(id)));
    }
    for (std::size_t k = 0; k < by_kind.size(); ++k)
        REQUIRE(by_kind[k] == net.tie_count(static_cast<TieKind>(k)));
}

// A filtered_graph edge predicate (default-constructible and assignable, as Boost requires).
struct OfKind {
    const Graph* g = nullptr;
    TieKind kind = TieKind::authority;
    bool operator()(LandscapeEdge e) const { return (*g)[e].kind == kind; }
};

} // namespace

TEST_CASE("Boost's breadth-first search on the landscape graph agrees with copnet::reach",
          "[graph][boost]") {
    LandscapeOptions o;
    o.stakeholders = 3000;
    o.ties = 15000;
    o.influence_share = 1.0;  // only directed ties: Boost follows out-edges as reach does
    o.seed = 7;
    Network net = generate(o);
    REQUIRE(net.tie_count(TieKind::collaboration) == 0);
    const Graph& g = graph(net);
    for (const std::uint32_t s : {0U, 17U, 2999U}) {
        std::vector<std::size_t> dist(num_vertices(g), 0);
        std::vector<boost::default_color_type> colour(num_vertices(g), boost::white_color);
        boost::breadth_first_search(
            g, s,
            boost::visitor(boost::make_bfs_visitor(
                               boost::record_distances(dist.data(), boost::on_tree_edge())))
                .color_map(boost::make_iterator_property_map(colour.begin(),
                                                             get(boost::vertex_index, g))));
        const std::vector<StakeholderId> src{StakeholderId(s)};
        const ReachResult r = reach(net, src);
        std::size_t reached_by_boost = 0;
        for (std::size_t v = 0; v < num_vertices(g); ++v)
            if (colour[v] != boost::white_color) ++reached_by_boost;
        CHECK(reached_by_boost == r.count());
        for (const Reached& x : r.reached) CHECK(dist[x.who.index()] == x.hops);
    }
}

TEST_CASE("Boost's Dijkstra reads the tie weights; a filtered graph follows chosen kinds",
          "[graph][boost]") {
    Network net;
    for (const char* id : {"a", "b", "c", "d"}) net.add_stakeholder(Stakeholder{.id = id});
    const auto a = net.at("a"), b = net.at("b"), c = net.at("c"), d = net.at("d");
    net.add_tie(a, b, TieKind::influence, 0.5);
    net.add_tie(b, c, TieKind::influence, 0.25);
    net.add_tie(a, c, TieKind::authority, 1.0);
    net.add_tie(c, d, TieKind::collaboration, 0.125);
    const Graph& g = graph(net);
    std::vector<double> dist(num_vertices(g));
    boost::dijkstra_shortest_paths(
        g, a.index(),
        boost::weight_map(get(boost::edge_weight, g))
            .distance_map(boost::make_iterator_property_map(dist.begin(),
                                                            get(boost::vertex_index, g))));
    CHECK(dist[b.index()] == 0.5);
    CHECK(dist[c.index()] == 0.75);  // a → b → c beats the authority tie a → c
    CHECK(dist[d.index()] == 0.875);

    // Only authority ties: a reaches c in one step and nobody else.
    const boost::filtered_graph<Graph, OfKind> only(g, OfKind{&g, TieKind::authority});
    std::vector<boost::default_color_type> colour(num_vertices(g), boost::white_color);
    boost::breadth_first_search(
        only, a.index(),
        boost::color_map(boost::make_iterator_property_map(colour.begin(),
                                                           get(boost::vertex_index, g))));
    CHECK(colour[c.index()] != boost::white_color);
    CHECK(colour[b.index()] == boost::white_color);
    CHECK(colour[d.index()] == boost::white_color);
}

TEST_CASE("the compact tie store stays consistent through random additions and removals",
          "[graph][ties]") {
    Network net;
    constexpr int n = 60;
    for (int i = 0; i < n; ++i) net.add_stakeholder(Stakeholder{.id = "s" + std::to_string(i)});
    std::mt19937 rng(20261123);
    std::uniform_int_distribution<int> pick(0, n - 1), kind(0, 2), op(0, 9);
    // Reference: the ties keyed as the network keys them, with their weights.
    std::map<std::tuple<std::string, std::string, int>, double> model;
    const auto key = [&](StakeholderId s, StakeholderId t, TieKind k) {
        std::string x = net.stakeholder(s).id, y = net.stakeholder(t).id;
        if (k == TieKind::collaboration && y < x) std::swap(x, y);
        return std::tuple{x, y, static_cast<int>(k)};
    };
    for (int step = 0; step < 6000; ++step) {
        const auto s = net.find("s" + std::to_string(pick(rng)));
        const auto t = net.find("s" + std::to_string(pick(rng)));
        const auto k = static_cast<TieKind>(kind(rng));
        const int what = op(rng);
        if (what == 0 && s) {  // a stakeholder leaves, and comes back without ties
            const std::string id = net.stakeholder(*s).id;
            std::erase_if(model, [&](const auto& kv) {
                return std::get<0>(kv.first) == id || std::get<1>(kv.first) == id;
            });
            net.remove_stakeholder(*s);
            net.add_stakeholder(Stakeholder{.id = id});
        } else if (s && t && *s != *t) {
            if (what < 4) {
                CHECK(net.remove_tie(*s, *t, k) == (model.erase(key(*s, *t, k)) == 1));
            } else {
                const double w = (step % 8 + 1) / 8.0;
                double& m = model.try_emplace(key(*s, *t, k), 0.0).first->second;
                net.add_tie(*s, *t, k, w);
                m = std::max(m, w);
            }
        }
        if (step % 500 == 0) check_store(net);
    }
    check_store(net);
    std::map<std::tuple<std::string, std::string, int>, double> held;
    for (const Tie& t : net.all_ties()) held[key(t.source, t.target, t.kind)] = t.weight;
    CHECK(held == model);
    // A copy holds its own lists (each stakeholder's two in one block, sized to fit), in the
    // same order, and grows apart from the original.
    Network copy = net;
    check_store(copy);
    CHECK(copy == net);
    const Graph& a = graph(net);
    const Graph& b = graph(copy);
    for (std::size_t v = 0; v < a.vertex_count(); ++v) {
        CHECK(std::ranges::equal(a.out(v), b.out(v)));
        CHECK(std::ranges::equal(a.in(v), b.in(v)));
    }
    const auto s0 = copy.at("s0");
    for (int i = 1; i < n; ++i)
        if (const auto t = copy.find("s" + std::to_string(i))) copy.add_tie(s0, *t, TieKind::influence);
    check_store(copy);
    check_store(net);
    CHECK(net.all_ties().size() == model.size());
    net = copy;  // assignment replaces the lists
    check_store(net);
    CHECK(net == copy);
}
