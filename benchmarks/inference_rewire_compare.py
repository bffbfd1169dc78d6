#!/usr/bin/python3
"""Degree-preserving rewiring, copnet beside NetworkX and python-igraph, in one run (issue 22).

Writes the `copnet generate` landscape of N stakeholders and M ties (invented data; the one
BM_RewireSwaps builds with copnet::generate, same seed), takes its directed influence ties and
its mutual collaboration ties, and times double edge swaps per second on each:

  copnet    rewire_pairs: one null replicate, 10 x E successful swaps (BM_RewireSwaps, inside
            copnet_benchmarks, building the tie set included)
  NetworkX  double_edge_swap(G, nswap=K, max_tries=100 K) on the undirected graph;
            directed_edge_swap (NetworkX >= 3.0; a three-edge move) on the directed one;
            K = --nx-swaps (NetworkX is slow: a sample of the replicate, rate = K / time)
  igraph    Graph.rewire(n=10 x E, mode="simple"): n is igraph's number of *attempts*, so its
            rate counts attempts (an upper bound of its successful swaps)

Usage: benchmarks/inference_rewire_compare.py [--build-dir build] [--stakeholders 100000]
       [--ties 1000000] [--nx-swaps 200000]
A tool that is not installed is left out.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
import time


def landscape(cli, folder, n, m):
    subprocess.run([cli, "generate", "--out", folder, "--stakeholders", str(n), "--ties", str(m),
                    "--seed", "1"], check=True, capture_output=True)
    arcs, edges = [], []
    with open(os.path.join(folder, "ties.csv")) as f:
        next(f)
        for line in f:
            s, t, kind, _ = line.split(",", 3)
            pair = (int(s[1:]), int(t[1:]))
            if kind == "influence":
                arcs.append(pair)
            elif kind == "collaboration":
                edges.append(pair)
    return arcs, edges


def copnet_rates(build_dir, n, m):
    bench = os.path.join(build_dir, "benchmarks", "copnet_benchmarks")
    out = subprocess.run([bench, f"--benchmark_filter=BM_RewireSwaps/{n}/{m}/",
                          "--benchmark_format=json", "--benchmark_repetitions=3"],
                         check=True, capture_output=True, text=True).stdout
    rates = {}
    for b in json.loads(out)["benchmarks"]:
        if b.get("aggregate_name") == "median":
            directed = b["name"].split("/")[3] == "1"
            rates["directed" if directed else "undirected"] = (b["swaps_per_s"], int(b["ties"]))
    return rates


def networkx_rates(arcs, edges, k):
    try:
        import networkx as nx
    except ImportError:
        return {}
    rates = {}
    g = nx.Graph()
    g.add_edges_from(edges)
    start = time.perf_counter()
    nx.double_edge_swap(g, nswap=k, max_tries=100 * k, seed=1)
    rates["undirected"] = k / (time.perf_counter() - start)
    if hasattr(nx, "directed_edge_swap"):
        d = nx.DiGraph()
        d.add_edges_from(arcs)
        start = time.perf_counter()
        nx.directed_edge_swap(d, nswap=k, max_tries=100 * k, seed=1)
        rates["directed"] = k / (time.perf_counter() - start)
    return rates, nx.__version__


def igraph_rates(arcs, edges):
    try:
        import igraph
    except ImportError:
        return {}
    rates = {}
    for name, pairs, directed in (("directed", arcs, True), ("undirected", edges, False)):
        n = 1 + max(max(p) for p in pairs)
        g = igraph.Graph(n=n, edges=pairs, directed=directed)
        attempts = 10 * len(pairs)
        start = time.perf_counter()
        g.rewire(n=attempts, mode="simple")
        rates[name] = attempts / (time.perf_counter() - start)
    return rates, igraph.__version__


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--build-dir", default="build")
    p.add_argument("--stakeholders", type=int, default=100000)
    p.add_argument("--ties", type=int, default=1000000)
    p.add_argument("--nx-swaps", type=int, default=200000)
    a = p.parse_args()
    cli = os.path.join(a.build_dir, "tools", "copnet", "copnet")
    with tempfile.TemporaryDirectory() as folder:
        arcs, edges = landscape(cli, folder, a.stakeholders, a.ties)
    print(f"landscape: copnet generate, {a.stakeholders} stakeholders, {a.ties} ties: "
          f"{len(arcs)} influence arcs, {len(edges)} collaboration edges", file=sys.stderr)
    rows = {"copnet": {k: v[0] for k, v in copnet_rates(a.build_dir, a.stakeholders, a.ties).items()}}
    nx_rates = networkx_rates(arcs, edges, a.nx_swaps)
    if nx_rates:
        rows[f"networkx {nx_rates[1]}"] = nx_rates[0]
    ig = igraph_rates(arcs, edges)
    if ig:
        rows[f"igraph {ig[1]} (attempts)"] = ig[0]
    print(f"{'tool':28} {'directed swaps/s':>18} {'undirected swaps/s':>20}")
    for tool, r in rows.items():
        cells = [f"{r[k] / 1e6:.3f}M" if k in r else "-" for k in ("directed", "undirected")]
        print(f"{tool:28} {cells[0]:>18} {cells[1]:>20}")


if __name__ == "__main__":
    main()
