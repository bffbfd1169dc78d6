"""Null mean and sd of transitivity under degree-preserving rewiring, by NetworkX's
double_edge_swap, for tests/inference_test.cpp. Run from the repository root:
    python3 tests/data/inference/make_rewire_reference.py > tests/data/inference/rewire-reference.json
Each replicate: G = the observed undirected graph; networkx.double_edge_swap(G, nswap=10*E,
max_tries=100*E, seed=replicate); networkx.transitivity(G)."""
import csv
import json
import statistics

import networkx as nx


def mutual_graph(name, relation):
    g = nx.Graph()
    with open(f"tests/data/{name}.nodes.csv", newline="") as f:
        g.add_nodes_from(row["id"] for row in csv.DictReader(f))
    with open(f"tests/data/{name}.ties.csv", newline="") as f:
        for row in csv.DictReader(f):
            if row["kind"] == relation:
                g.add_edge(row["source"], row["target"])
    return g


def null(g, reps):
    e = g.number_of_edges()
    values = []
    for r in range(reps):
        h = g.copy()
        nx.double_edge_swap(h, nswap=10 * e, max_tries=100 * e, seed=r)
        assert dict(h.degree()) == dict(g.degree())
        values.append(nx.transitivity(h))
    return values


out = {"generator": f"networkx {nx.__version__}", "call": __doc__.split("Each replicate: ")[1].strip()}
for key, name, relation, reps in [("padgett.marriage", "padgett-florentine", "marriage", 2000),
                                  ("lazega.collaboration", "lazega-lawfirm", "collaboration", 500)]:
    g = mutual_graph(name, relation)
    values = null(g, reps)
    out[key] = {"observed": nx.transitivity(g), "edges": g.number_of_edges(), "reps": reps,
                "null_mean": statistics.fmean(values), "null_sd": statistics.stdev(values)}
print(json.dumps(out, indent=1))
