#!/usr/bin/python3
"""Writes a seeded random landscape (invented: 300 stakeholders, 330 ties of the three kinds,
sparse so that it has many cut points) as copnet's CSV pair, and NetworkX's articulation points,
bridges and the pieces each articulation point's removal leaves, as gaps-random.reference.json.

Run once; the outputs are committed. For each tie-kind set K (all three; collaboration only;
authority+influence), U is the undirected simple graph (networkx.Graph) with an edge for every
tie of a kind in K, on all 300 stakeholders; then
  articulation_points[K] = sorted(networkx.articulation_points(U))
  bridges[K]             = sorted(sorted(e) for e in networkx.bridges(U))
  pieces[K][v]           = sorted((len(c) for c in networkx.connected_components(
                               U.subgraph(networkx.node_connected_component(U, v) - {v}))),
                               reverse=True)  for every articulation point v
Needs python3-networkx (Debian).
"""
import json
import os
import random

import networkx as nx

HERE = os.path.dirname(os.path.abspath(__file__))
N, M, SEED = 300, 330, 20261123


def main():
    rng = random.Random(SEED)
    kinds = ("authority", "influence", "collaboration")
    ids = [f"g{i:03d}" for i in range(N)]
    ties = {}
    while len(ties) < M:
        s, t = rng.randrange(N), rng.randrange(N)
        if s == t:
            continue
        kind = kinds[rng.randrange(3)]
        key = (min(s, t), max(s, t), kind) if kind == "collaboration" else (s, t, kind)
        ties.setdefault(key, (s, t, kind, rng.randrange(5, 100) / 100))
    with open(os.path.join(HERE, "gaps-random.nodes.csv"), "w") as f:
        f.write("id,name,sector,level\n")
        for i, v in enumerate(ids):
            f.write(f"{v},Invented stakeholder {i},sector {i % 5},"
                    f"{('local', 'state', 'national')[i % 3]}\n")
    with open(os.path.join(HERE, "gaps-random.ties.csv"), "w") as f:
        f.write("source,target,kind,weight\n")
        for s, t, kind, w in ties.values():
            f.write(f"{ids[s]},{ids[t]},{kind},{w}\n")
    sets = {"authority,collaboration,influence": set(kinds), "collaboration": {"collaboration"},
            "authority,influence": {"authority", "influence"}}
    ref = {"source": "invented: seeded random landscape, see make_gaps_fixture.py",
           "calls": {"articulation_points": "sorted(networkx.articulation_points(U))",
                     "bridges": "sorted(sorted(e) for e in networkx.bridges(U))",
                     "pieces": "sorted((len(c) for c in networkx.connected_components("
                               "U.subgraph(networkx.node_connected_component(U, v) - {v}))), "
                               "reverse=True)"},
           "networkx": nx.__version__, "kinds": {}}
    for name, ks in sets.items():
        u = nx.Graph()
        u.add_nodes_from(ids)
        for s, t, kind, _ in ties.values():
            if kind in ks:
                u.add_edge(ids[s], ids[t])
        aps = sorted(nx.articulation_points(u))
        pieces = {}
        for v in aps:
            rest = nx.node_connected_component(u, v) - {v}
            pieces[v] = sorted((len(c) for c in nx.connected_components(u.subgraph(rest))),
                               reverse=True)
        ref["kinds"][name] = {"articulation_points": aps,
                              "bridges": sorted(sorted(e) for e in nx.bridges(u)),
                              "pieces": pieces}
    with open(os.path.join(HERE, "gaps-random.reference.json"), "w") as f:
        json.dump(ref, f, indent=1, sort_keys=True)
        f.write("\n")


if __name__ == "__main__":
    main()
