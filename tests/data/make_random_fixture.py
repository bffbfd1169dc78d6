#!/usr/bin/python3
"""Writes a seeded random landscape (invented: 400 stakeholders, 1,600 ties of the three kinds)
as copnet's CSV pair, and NetworkX's k-step reach counts on it as random-seeded.reference.json.

Run once; the outputs are committed. reach[direction][k][id] =
len(networkx.single_source_shortest_path_length(G, id, cutoff=k)) - 1, where G is the DiGraph of
authority and influence ties as arcs and collaboration ties as arcs both ways; direction "in"
uses G.reverse(), "both" G.to_undirected(). Needs python3-networkx (Debian).
"""
import json
import os
import random

import networkx as nx

HERE = os.path.dirname(os.path.abspath(__file__))
N, M, SEED = 400, 1600, 20261123


def main():
    rng = random.Random(SEED)
    kinds = ("authority", "influence", "collaboration")
    ids = [f"r{i:03d}" for i in range(N)]
    ties = {}
    while len(ties) < M:
        s, t = rng.randrange(N), rng.randrange(N)
        if s == t:
            continue
        kind = kinds[rng.randrange(3)]
        key = (min(s, t), max(s, t), kind) if kind == "collaboration" else (s, t, kind)
        ties.setdefault(key, (s, t, kind, rng.randrange(5, 100) / 100))
    with open(os.path.join(HERE, "random-seeded.nodes.csv"), "w") as f:
        f.write("id,name,sector,level\n")
        for i, v in enumerate(ids):
            f.write(f"{v},Invented stakeholder {i},sector {i % 5},{('local', 'state', 'national')[i % 3]}\n")
    g = nx.DiGraph()
    g.add_nodes_from(ids)
    with open(os.path.join(HERE, "random-seeded.ties.csv"), "w") as f:
        f.write("source,target,kind,weight\n")
        for s, t, kind, w in ties.values():
            f.write(f"{ids[s]},{ids[t]},{kind},{w}\n")
            g.add_edge(ids[s], ids[t])
            if kind == "collaboration":
                g.add_edge(ids[t], ids[s])
    graphs = {"out": g, "in": g.reverse(copy=True), "both": g.to_undirected()}
    ref = {"source": "invented: seeded random landscape, see make_random_fixture.py",
           "call": "len(networkx.single_source_shortest_path_length(G, v, cutoff=k)) - 1",
           "networkx": nx.__version__, "reach": {}}
    for direction, h in graphs.items():
        ref["reach"][direction] = {}
        for k in (1, 2, 3, None):
            ref["reach"][direction][str(k) if k else "unbounded"] = {
                v: len(nx.single_source_shortest_path_length(h, v, cutoff=k)) - 1 for v in ids}
    with open(os.path.join(HERE, "random-seeded.reference.json"), "w") as f:
        json.dump(ref, f, indent=1, sort_keys=True)
        f.write("\n")


if __name__ == "__main__":
    main()
