#!/usr/bin/python3
"""Writes NetworkX's whole-network measures and centralities on the seeded random landscape
random-seeded.{nodes,ties}.csv (invented, written by make_random_fixture.py) as
measures-random.reference.json, for network_measures_test.cpp and centrality_test.cpp.

Run once; the output is committed. Needs python3-networkx (Debian; NetworkX 2.8.8 wrote it).
For each relation filter ("all": every kind; "collaboration"; "influence") the graph G is built
as DESIGN §3.6 says copnet reads it: when every followed kind is mutual (collaboration) an
nx.Graph of the ties, otherwise an nx.DiGraph with authority and influence ties as arcs and
collaboration ties as arcs both ways; a pair tied by several kinds is one edge whose "weight"
is the largest of their weights. U = G.to_undirected() (G itself when undirected), S = G as a
digraph (G.to_directed() when undirected). The calls:

  density            networkx.density(G)
  triad_census       networkx.triadic_census(S)
  transitivity       networkx.transitivity(U)
  weak / strong      networkx.number_weakly_connected_components(S) / number_strongly_…(S)
  diameter, average  networkx.diameter(L), networkx.average_shortest_path_length(L), L the
                     subgraph of U on max(networkx.connected_components(U), key=len)
  assortativity      networkx.degree_assortativity_coefficient(G)
  weak_cutpoints     len(list(networkx.articulation_points(U)))
  strong_cutpoints   by sna's definition: v with number_strongly_connected_components(S - v) >
                     number_strongly_connected_components(S)
  degree, in_degree, out_degree  networkx.degree_centrality(G) & co. (normalised by n - 1)
  betweenness        networkx.betweenness_centrality(G, normalized=False) and weight="weight"
  closeness          networkx.closeness_centrality(G) and distance="weight"
  harmonic           networkx.harmonic_centrality(G) and distance="weight"
  pagerank           networkx.pagerank(G, weight=None) and weight="weight"
  eigenvector        networkx.eigenvector_centrality(G) and weight="weight" (null: did not
                     converge, PowerIterationFailedConvergence)
  coreness_all       networkx.core_number(G) (in + out degree on a DiGraph)
"""
import csv
import json
import os

import networkx as nx

HERE = os.path.dirname(os.path.abspath(__file__))


def load():
    with open(os.path.join(HERE, "random-seeded.nodes.csv")) as f:
        ids = [row["id"] for row in csv.DictReader(f)]
    with open(os.path.join(HERE, "random-seeded.ties.csv")) as f:
        ties = [(r["source"], r["target"], r["kind"], float(r["weight"])) for r in csv.DictReader(f)]
    return ids, ties


def graph(ids, ties, kinds):
    undirected = kinds == {"collaboration"}
    g = nx.Graph() if undirected else nx.DiGraph()
    g.add_nodes_from(ids)
    for s, t, kind, w in ties:
        if kind not in kinds:
            continue
        arcs = [(s, t)] if kind != "collaboration" or undirected else [(s, t), (t, s)]
        for a, b in arcs:
            if g.has_edge(a, b):
                g[a][b]["weight"] = max(g[a][b]["weight"], w)
            else:
                g.add_edge(a, b, weight=w)
    return g


def eigen(g, weight):
    try:
        return nx.eigenvector_centrality(g, weight=weight)
    except nx.PowerIterationFailedConvergence:
        return None


def measures(g):
    s = g if g.is_directed() else g.to_directed()
    u = g.to_undirected() if g.is_directed() else g
    largest = u.subgraph(max(nx.connected_components(u), key=len))
    strong = nx.number_strongly_connected_components(s)
    strong_cut = 0
    for v in list(s):
        h = s.copy()
        h.remove_node(v)
        if nx.number_strongly_connected_components(h) > strong:
            strong_cut += 1
    net = {
        "undirected": not g.is_directed(),
        "density": nx.density(g),
        "triad_census": nx.triadic_census(s),
        "transitivity": nx.transitivity(u),
        "weak_components": nx.number_weakly_connected_components(s),
        "strong_components": strong,
        "largest_component": len(largest),
        "diameter": nx.diameter(largest),
        "average_distance": nx.average_shortest_path_length(largest),
        "degree_assortativity": nx.degree_assortativity_coefficient(g),
        "weak_cutpoints": len(list(nx.articulation_points(u))),
        "strong_cutpoints": strong_cut,
    }
    cent = {
        "degree": nx.degree_centrality(g),
        "in_degree": nx.in_degree_centrality(g) if g.is_directed() else nx.degree_centrality(g),
        "out_degree": nx.out_degree_centrality(g) if g.is_directed() else nx.degree_centrality(g),
        "betweenness": nx.betweenness_centrality(g, normalized=False),
        "betweenness_weighted": nx.betweenness_centrality(g, normalized=False, weight="weight"),
        "closeness": nx.closeness_centrality(g),
        "closeness_weighted": nx.closeness_centrality(g, distance="weight"),
        "harmonic": nx.harmonic_centrality(g),
        "harmonic_weighted": nx.harmonic_centrality(g, distance="weight"),
        "pagerank": nx.pagerank(g, weight=None),
        "pagerank_weighted": nx.pagerank(g, weight="weight"),
        "eigenvector": eigen(g, None),
        "eigenvector_weighted": eigen(g, "weight"),
        "coreness_all": nx.core_number(g),
    }
    return net, cent


def main():
    ids, ties = load()
    ref = {"source": "tests/data/random-seeded.{nodes,ties}.csv (invented, make_random_fixture.py)",
           "calls": __doc__, "networkx": nx.__version__, "filters": {}}
    for name, kinds in (("all", {"authority", "influence", "collaboration"}),
                        ("collaboration", {"collaboration"}), ("influence", {"influence"})):
        net, cent = measures(graph(ids, ties, kinds))
        ref["filters"][name] = {"network": net, "centrality": cent}
    with open(os.path.join(HERE, "measures-random.reference.json"), "w") as f:
        json.dump(ref, f, indent=1, sort_keys=True, allow_nan=False)
        f.write("\n")


if __name__ == "__main__":
    main()
