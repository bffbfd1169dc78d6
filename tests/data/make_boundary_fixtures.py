#!/usr/bin/python3
"""Reference values for copnet's boundary-crossing measures (issue 5) that the real data sets do
not cover: weighted structural holes, attribute assortativity, the mixing matrix and betweenness
on the Padgett marriage network as NetworkX ships it. Run once; the outputs are committed:
    /usr/bin/python3 tests/data/make_boundary_fixtures.py
Needs python3-networkx (Debian; NetworkX 2.8.8 wrote the committed files).

1. boundary-seeded.{nodes,ties}.csv (INVENTED: a seeded random landscape, 150 stakeholders in
   4 teams, 600 ties of the three kinds, weights in [0.05, 1), at most one tie per pair) and
   boundary-seeded.reference.json with, for each kind filter ("all" and each kind alone),
     D = the DiGraph of the followed arcs (collaboration ties as arcs both ways, weight kept),
     U = the Graph with an edge per tied pair, weight = the larger of the two directions:
   "constraint_weighted_directed":      networkx.constraint(D, weight="weight")
   "effective_size_weighted_directed":  networkx.effective_size(D, weight="weight")
   "constraint_weighted_undirected":    networkx.constraint(U, weight="weight")
   "effective_size_weighted_undirected":networkx.effective_size(U, weight="weight")
   "assortativity_directed":            networkx.attribute_assortativity_coefficient(D, "team")
   "assortativity_undirected":          networkx.attribute_assortativity_coefficient(U, "team")
   "mixing":                            networkx.attribute_mixing_matrix(D, "team",
                                            mapping={team: index}, normalized=False)
2. florentine-marriage.{nodes,ties}.csv: networkx.florentine_families_graph() (15 families,
   20 marriage ties; Padgett's data as NetworkX ships it, Breiger & Pattison 1986), each edge a
   collaboration tie, and florentine-marriage.reference.json with
   "betweenness":            networkx.betweenness_centrality(G, normalized=False)
   "betweenness_normalized": networkx.betweenness_centrality(G)   (normalized=True)
   "constraint":             networkx.constraint(G)
   "effective_size":         networkx.effective_size(G)
"""
import json
import math
import os
import random
import sys

import networkx as nx

HERE = os.path.dirname(os.path.abspath(__file__))
N, M, SEED = 150, 600, 20261124
TEAMS = ["north", "south", "east", "west"]
KINDS = ("authority", "influence", "collaboration")


def clean(d):
    return {k: (None if isinstance(v, float) and (math.isnan(v) or math.isinf(v)) else v)
            for k, v in d.items()}


def seeded():
    rng = random.Random(SEED)
    ids = [f"b{i:03d}" for i in range(N)]
    team = {v: TEAMS[rng.randrange(len(TEAMS))] for v in ids}
    level = {v: ("local", "state", "national", "")[rng.randrange(4)] for v in ids}
    ties, pairs = [], set()
    while len(ties) < M:
        s, t = rng.randrange(N), rng.randrange(N)
        if s == t or (min(s, t), max(s, t)) in pairs:
            continue
        pairs.add((min(s, t), max(s, t)))
        ties.append((ids[s], ids[t], KINDS[rng.randrange(3)], rng.randrange(5, 100) / 100))
    with open(os.path.join(HERE, "boundary-seeded.nodes.csv"), "w") as f:
        f.write("id,name,team,level\n")
        for i, v in enumerate(ids):
            f.write(f"{v},Invented stakeholder {i},{team[v]},{level[v]}\n")
    with open(os.path.join(HERE, "boundary-seeded.ties.csv"), "w") as f:
        f.write("source,target,kind,weight\n")
        for s, t, k, w in ties:
            f.write(f"{s},{t},{k},{w}\n")
    ref = {"source": "tests/data/make_boundary_fixtures.py (invented, seeded landscape)",
           "networkx": nx.__version__, "calls": __doc__.split("1. ", 1)[1].split("2. ", 1)[0],
           "filters": {}}
    for name, kinds in [("all", set(KINDS))] + [(k, {k}) for k in KINDS]:
        D = nx.DiGraph()
        D.add_nodes_from(ids)
        for v in ids:
            D.nodes[v]["team"] = team[v]
        for s, t, k, w in ties:
            if k in kinds:
                D.add_edge(s, t, weight=w)
                if k == "collaboration":
                    D.add_edge(t, s, weight=w)
        U = nx.Graph()
        U.add_nodes_from(D.nodes(data=True))
        for s, t, d in D.edges(data=True):
            w = max(d["weight"], D[t][s]["weight"] if D.has_edge(t, s) else 0.0)
            U.add_edge(s, t, weight=w)
        mapping = {c: i for i, c in enumerate(TEAMS)}
        ref["filters"][name] = {
            "constraint_weighted_directed": clean(nx.constraint(D, weight="weight")),
            "effective_size_weighted_directed": clean(nx.effective_size(D, weight="weight")),
            "constraint_weighted_undirected": clean(nx.constraint(U, weight="weight")),
            "effective_size_weighted_undirected": clean(nx.effective_size(U, weight="weight")),
            "assortativity_directed": nx.attribute_assortativity_coefficient(D, "team"),
            "assortativity_undirected": nx.attribute_assortativity_coefficient(U, "team"),
            "mixing": {"teams": TEAMS, "counts": nx.attribute_mixing_matrix(
                D, "team", mapping=mapping, normalized=False).astype(int).tolist()},
        }
    with open(os.path.join(HERE, "boundary-seeded.reference.json"), "w") as f:
        json.dump(ref, f, indent=1, sort_keys=True)
        f.write("\n")


def florentine():
    G = nx.florentine_families_graph()
    ids = list(G.nodes())
    with open(os.path.join(HERE, "florentine-marriage.nodes.csv"), "w") as f:
        f.write("id,name\n")
        for v in ids:
            f.write(f"{v},{v} family\n")
    with open(os.path.join(HERE, "florentine-marriage.ties.csv"), "w") as f:
        f.write("source,target,kind,weight\n")
        for s, t in G.edges():
            f.write(f"{s},{t},collaboration,1\n")
    ref = {"source": "networkx.florentine_families_graph() (Padgett; Breiger & Pattison 1986)",
           "networkx": nx.__version__,
           "calls": __doc__.split("2. ", 1)[1],
           "betweenness": nx.betweenness_centrality(G, normalized=False),
           "betweenness_normalized": nx.betweenness_centrality(G),
           "constraint": clean(nx.constraint(G)),
           "effective_size": clean(nx.effective_size(G))}
    with open(os.path.join(HERE, "florentine-marriage.reference.json"), "w") as f:
        json.dump(ref, f, indent=1, sort_keys=True)
        f.write("\n")


if __name__ == "__main__":
    # NetworkX sums over neighbour sets in constraint / effective size: pin the hash seed so
    # that reruns write identical files.
    if os.environ.get("PYTHONHASHSEED") != "0":
        os.execve(sys.executable, [sys.executable] + sys.argv, dict(os.environ, PYTHONHASHSEED="0"))
    seeded()
    florentine()
    print("ok")
