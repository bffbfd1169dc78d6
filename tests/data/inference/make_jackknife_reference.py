"""Vertex-jackknife standard errors of whole-network statistics, by NetworkX, for
tests/inference_test.cpp. Run from the repository root:
    python3 tests/data/inference/make_jackknife_reference.py > tests/data/inference/jackknife-reference.json
D = the DiGraph of Krackhardt's advice ties (relation influence) on all 21 managers;
theta_i = the statistic of D.subgraph(all but manager i); se = sqrt((n-1)/n * sum((theta_i -
mean(theta))**2)) (the jackknife; Newman 2003 eq. 26 is the edge version of it)."""
import csv
import json
import math

import networkx as nx


def load():
    d = nx.DiGraph()
    with open("tests/data/krackhardt-hightech.nodes.csv", newline="") as f:
        for row in csv.DictReader(f):
            d.add_node(row["id"], department=row["department"])
    with open("tests/data/krackhardt-hightech.ties.csv", newline="") as f:
        for row in csv.DictReader(f):
            if row["kind"] == "influence":
                d.add_edge(row["source"], row["target"])
    return d


def ei(g):
    e = sum(g.nodes[u]["department"] != g.nodes[v]["department"] for u, v in g.edges)
    i = g.number_of_edges() - e
    return (e - i) / (e + i)


STATISTICS = {
    "density": nx.density,
    "reciprocity": nx.overall_reciprocity,
    "transitivity": lambda g: nx.transitivity(g.to_undirected()),
    "degree_assortativity": nx.degree_assortativity_coefficient,
    "assortativity": lambda g: nx.attribute_assortativity_coefficient(g, "department"),
    "ei": ei,
}

d = load()
n = d.number_of_nodes()
out = {"generator": f"networkx {nx.__version__}", "call": __doc__.split("D = ")[1].strip()}
for name, f in STATISTICS.items():
    theta = [f(d.subgraph([v for v in d if v != u])) for u in d]
    mean = sum(theta) / n
    out[name] = {"observed": f(d),
                 "jackknife_se": math.sqrt((n - 1) / n * sum((t - mean) ** 2 for t in theta))}
print(json.dumps(out, indent=1))
