#!/usr/bin/python3
"""copnet's community detection side by side with python-igraph's, on one generated landscape,
in one process.

Generates the landscape with `copnet.generate` (invented data: heavy-tailed degrees, skewed
sectors, homophily), hands igraph the same undirected simple graph (a pair tied by any relation,
either way, is one edge; unweighted), and times the median of --repeat runs of

  louvain   copnet.groups(method="louvain", weighted=False) | igraph community_multilevel()
  leiden    copnet.groups(method="leiden", weighted=False)  | igraph
            community_leiden(objective_function="modularity", n_iterations=-1)
  modularity  copnet.modularity(net, "facet:sector") | igraph Graph.modularity(sector labels)

copnet's times include building its undirected graph from the network and turning the result
into Python records (one per stakeholder); igraph's graph is built before timing. Both run on
one thread; the times are CPU seconds (time.process_time), so other work on a shared machine
does not count. The modularity each reaches is printed beside its time.

Usage: PYTHONPATH=build/bindings/python /usr/bin/python3 benchmarks/compare_groups.py
       [--stakeholders N] [--ties M] [--repeat R] [--seed S]
"""
import argparse
import random
import statistics
import time

import copnet
import igraph as ig


def timed(f, repeat):
    times, out = [], None
    for _ in range(repeat):
        start = time.process_time()
        out = f()
        times.append(time.process_time() - start)
    return statistics.median(times), out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--stakeholders", type=int, default=100000)
    ap.add_argument("--ties", type=int, default=1000000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    net = copnet.generate(a.stakeholders, a.ties, seed=a.seed)
    ids = list(net)
    index = {x: i for i, x in enumerate(ids)}
    pairs = set()
    for t in net.ties():
        u, v = index[t.source], index[t.target]
        if u != v:
            pairs.add((min(u, v), max(u, v)))
    g = ig.Graph(n=len(ids), edges=sorted(pairs))
    sectors = {}
    sector = [sectors.setdefault(net.stakeholder(x).sector, len(sectors)) for x in ids]
    print(f"landscape: {len(ids)} stakeholders, {net.tie_count()} ties, "
          f"{g.ecount()} undirected pairs; median of {a.repeat}")
    print(f"{'operation':<12}{'copnet s':>10}{'igraph s':>10}{'ratio':>8}"
          f"{'copnet Q':>10}{'igraph Q':>10}")
    rows = []
    random.seed(a.seed)
    ig.set_random_number_generator(random)
    for method in ("louvain", "leiden"):
        tc, rc = timed(lambda: copnet.groups(net, method=method, seed=a.seed, weighted=False),
                       a.repeat)
        if method == "louvain":
            ti, ri = timed(lambda: g.community_multilevel(), a.repeat)
        else:
            ti, ri = timed(lambda: g.community_leiden(objective_function="modularity",
                                                      n_iterations=-1), a.repeat)
        rows.append((method, tc, ti, rc.modularity, ri.modularity))
    tc, qc = timed(lambda: copnet.modularity(net, "facet:sector", weighted=False), a.repeat)
    ti, qi = timed(lambda: g.modularity(sector), a.repeat)
    rows.append(("modularity", tc, ti, qc, qi))
    for name, tc, ti, qc, qi in rows:
        print(f"{name:<12}{tc:>10.3f}{ti:>10.3f}{tc / ti:>8.2f}{qc:>10.4f}{qi:>10.4f}")


if __name__ == "__main__":
    main()
