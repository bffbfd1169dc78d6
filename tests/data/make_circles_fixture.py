#!/usr/bin/python3
"""Reference values for copnet's circles analyses (issue 6). Run once; outputs are committed.

1. circles-random.{nodes,ties}.csv: an **invented**, seeded random landscape (300 stakeholders,
   1,500 ties of the three kinds, heterogeneous degrees: endpoints drawn with probability
   proportional to a Pareto weight, Chung-Lu style) with a declared `circle` column drawn from
   the degree rank with noise.
2. circles-random.reference.json, with the exact calls:
   - core_number[filter][id] = networkx.core_number(U), U = networkx.Graph of the ties whose
     kind the filter names (direction ignored; self-ties none);
   - density["from|to"] = {pairs, tied, density, mean_weight}: D = networkx.DiGraph of all
     ties (authority/influence as arcs, collaboration both ways, an arc's weight the largest
     of the ties it stands for); within a circle X: networkx.density(D.subgraph(X)) and
     D.subgraph(X).number_of_edges(); between X and Y: arcs X -> Y / (|X| |Y|);
     mean_weight = mean arc weight over those arcs;
   - reciprocity[circle] = networkx.overall_reciprocity(R.subgraph(X)), R = DiGraph of the
     authority and influence ties only (null when the subgraph has no arcs);
   - fit[variant][partition]: numpy.corrcoef of the observed a_ij (1 if tied either way) with
     the ideal pattern over the member pairs i < j, Borgatti & Everett (2000) discrete model;
     variant "ignored" drops core-periphery pairs, "tied" expects them tied; partition
     "core_inner_vs_outer" takes core+inner as the core, "core_vs_rest" only the core group;
   - brute_force[dataset][variant]: the maximum of that correlation over every one of the 2^n
     partitions (exhaustive enumeration with numpy) for padgett-florentine (business ties,
     n = 16) and krackhardt-hightech (advice = influence ties, symmetrised, n = 21).
Needs python3-networkx and python3-numpy (Debian's /usr/bin/python3).
"""
import csv
import itertools
import json
import os
import random

import networkx as nx
import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
N, M, SEED = 300, 1500, 6_2026_1123
KINDS = ("authority", "influence", "collaboration")
CIRCLES = ("core", "inner", "outer", "none")


def landscape():
    rng = random.Random(SEED)
    ids = [f"c{i:03d}" for i in range(N)]
    w = [rng.paretovariate(1.6) for _ in range(N)]
    ties = {}
    while len(ties) < M:
        s, t = rng.choices(range(N), weights=w, k=2)
        if s == t:
            continue
        kind = KINDS[rng.randrange(3)]
        key = (min(s, t), max(s, t), kind) if kind == "collaboration" else (s, t, kind)
        ties.setdefault(key, (s, t, kind, rng.randrange(5, 101) / 100))
    deg = [0] * N
    for s, t, _, _ in ties.values():
        deg[s] += 1
        deg[t] += 1
    rank = sorted(range(N), key=lambda i: (-deg[i] + rng.gauss(0, 3), i))
    circle = {}
    for pos, i in enumerate(rank):
        circle[ids[i]] = "core" if pos < 12 else "inner" if pos < 40 else "outer" if pos < 120 else "none"
    with open(os.path.join(HERE, "circles-random.nodes.csv"), "w") as f:
        f.write("id,name,sector,level,circle\n")
        for i, v in enumerate(ids):
            f.write(f"{v},Invented stakeholder {i},sector {i % 4},{('local', 'state', 'national')[i % 3]},{circle[v]}\n")
    with open(os.path.join(HERE, "circles-random.ties.csv"), "w") as f:
        f.write("source,target,kind,weight\n")
        for s, t, kind, wt in ties.values():
            f.write(f"{ids[s]},{ids[t]},{kind},{wt}\n")
    return ids, list(ties.values()), circle


def pearson(x, a):
    return float(np.corrcoef(x, a)[0, 1])


def fits(ids, adjacency, circle):
    members = [v for v in ids if circle[v] != "none"]
    out = {}
    for variant in ("ignored", "tied"):
        out[variant] = {}
        for name, inside in (("core_inner_vs_outer", ("core", "inner")), ("core_vs_rest", ("core",))):
            xs, obs = [], []
            for u, v in itertools.combinations(members, 2):
                cu, cv = circle[u] in inside, circle[v] in inside
                if variant == "ignored" and cu != cv:
                    continue
                xs.append(1.0 if (cu or cv) else 0.0)
                obs.append(1.0 if adjacency.has_edge(u, v) else 0.0)
            out[variant][name] = pearson(np.array(xs), np.array(obs))
    return out


def brute_force(graph):
    nodes = sorted(graph.nodes())
    n = len(nodes)
    iu, ju = np.triu_indices(n, 1)
    a = nx.to_numpy_array(graph, nodelist=nodes)[iu, ju]
    best = {"ignored": -2.0, "tied": -2.0}
    chunk = 1 << 14
    for start in range(0, 1 << n, chunk):
        codes = np.arange(start, min(start + chunk, 1 << n), dtype=np.int64)
        p = ((codes[:, None] >> np.arange(n)) & 1).astype(bool)
        pi, pj = p[:, iu], p[:, ju]
        for variant in best:
            x = (pi | pj).astype(float)
            mask = (pi == pj) if variant == "ignored" else np.ones_like(pi)
            cnt = mask.sum(1).astype(float)
            am = np.where(mask, a, 0.0)
            xm = np.where(mask, x, 0.0)
            sx, sa, sxa = xm.sum(1), am.sum(1), (xm * am).sum(1)
            saa = (am * am).sum(1)
            with np.errstate(invalid="ignore", divide="ignore"):
                r = (cnt * sxa - sx * sa) / np.sqrt((cnt * sx - sx * sx) * (cnt * saa - sa * sa))
            r = r[np.isfinite(r)]
            if r.size:
                best[variant] = max(best[variant], float(r.max()))
    return best


def read_graph(name, kinds):
    g = nx.Graph()
    with open(os.path.join(HERE, f"{name}.nodes.csv")) as f:
        g.add_nodes_from(row["id"] for row in csv.DictReader(f))
    with open(os.path.join(HERE, f"{name}.ties.csv")) as f:
        for row in csv.DictReader(f):
            if row["kind"] in kinds:
                g.add_edge(row["source"], row["target"])
    return g


def main():
    ids, ties, circle = landscape()
    ref = {"source": "invented: seeded random landscape, see make_circles_fixture.py",
           "networkx": nx.__version__, "numpy": np.__version__, "core_number": {}}
    for name, kinds in (("all", KINDS), ("authority", ("authority",)), ("influence", ("influence",)),
                        ("collaboration", ("collaboration",)), ("authority,influence", KINDS[:2])):
        u = nx.Graph()
        u.add_nodes_from(ids)
        u.add_edges_from((ids[s], ids[t]) for s, t, k, _ in ties if k in kinds)
        ref["core_number"][name] = nx.core_number(u)
    d = nx.DiGraph()
    d.add_nodes_from(ids)
    r = nx.DiGraph()
    r.add_nodes_from(ids)

    def arc(g, s, t, w):
        if g.has_edge(s, t):
            g[s][t]["weight"] = max(g[s][t]["weight"], w)
        else:
            g.add_edge(s, t, weight=w)

    for s, t, k, w in ties:
        arc(d, ids[s], ids[t], w)
        if k == "collaboration":
            arc(d, ids[t], ids[s], w)
        else:
            arc(r, ids[s], ids[t], w)
    groups = {c: [v for v in ids if circle[v] == c] for c in CIRCLES}
    ref["density"] = {}
    for x in CIRCLES:
        for y in CIRCLES:
            if x == y:
                sub = d.subgraph(groups[x])
                arcs = [e for e in sub.edges(data="weight")]
                dens = nx.density(sub)
                pairs = len(groups[x]) * (len(groups[x]) - 1)
            else:
                ys = set(groups[y])
                arcs = [(s, t, w) for s in groups[x] for t, w in ((t, d[s][t]["weight"]) for t in d[s]) if t in ys]
                pairs = len(groups[x]) * len(groups[y])
                dens = len(arcs) / pairs if pairs else 0.0
            ref["density"][f"{x}|{y}"] = {
                "pairs": pairs, "tied": len(arcs), "density": dens,
                "mean_weight": (sum(w for _, _, w in arcs) / len(arcs)) if arcs else 0.0}
    ref["reciprocity"] = {}
    for x in CIRCLES:
        sub = r.subgraph(groups[x])
        ref["reciprocity"][x] = nx.overall_reciprocity(sub) if sub.number_of_edges() else None
    ref["fit"] = fits(ids, d.to_undirected(), circle)
    ref["brute_force"] = {
        "padgett-florentine": brute_force(read_graph("padgett-florentine", ("collaboration",))),
        "krackhardt-hightech": brute_force(read_graph("krackhardt-hightech", ("influence",))),
    }
    ref["calls"] = __doc__
    with open(os.path.join(HERE, "circles-random.reference.json"), "w") as f:
        json.dump(ref, f, indent=1, sort_keys=True)
        f.write("\n")


if __name__ == "__main__":
    main()
