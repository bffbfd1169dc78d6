#!/usr/bin/python3
"""Loading a 1M-tie landscape: copnet's read_csv against python-igraph's plain edge list.

Writes a seeded synthetic landscape (100k stakeholders, 1M ties, about 30 MB of ties.csv) and
the same ties as a 0-based integer edge list (igraph's own plain format), then times, in one
run and alternating: igraph.Graph.Read_Edgelist(edges.txt) in this process, and copnet's
read_csv inside the copnet_benchmarks binary (BM_ReadCsvFiles: open, read, validate UTF-8,
parse, intern ids, build the graph). Prints medians and the ratio copnet / igraph.

Usage: /usr/bin/python3 benchmarks/compare_load.py BUILD_DIR [--ties N] [--repeat R]
Needs python3-igraph (Debian).
"""
import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time


def write_landscape(folder, n_nodes, n_ties, seed=20261122):
    rng = random.Random(seed)
    kinds = ("authority", "influence", "collaboration")
    nodes = os.path.join(folder, "nodes.csv")
    ties = os.path.join(folder, "ties.csv")
    edges = os.path.join(folder, "edges.txt")
    with open(nodes, "w") as f:
        f.write("id,name,sector,level\n")
        for i in range(n_nodes):
            f.write(f"s{i},Stakeholder {i},sector {i % 7},{('local', 'state', 'national')[i % 3]}\n")
    with open(ties, "w") as f, open(edges, "w") as g:
        f.write("source,target,kind,weight\n")
        for e in range(n_ties):
            s = rng.randrange(n_nodes)
            t = rng.randrange(n_nodes)
            if s == t:
                t = (s + 1) % n_nodes
            f.write(f"s{s},s{t},{kinds[e % 3]},0.{rng.randrange(10, 100)}\n")
            g.write(f"{s} {t}\n")
    return nodes, ties, edges


def time_igraph(edges):
    import igraph
    start = time.perf_counter()
    g = igraph.Graph.Read_Edgelist(edges, directed=True)
    elapsed = time.perf_counter() - start
    assert g.ecount() > 0
    return elapsed


def time_copnet(bench, nodes, ties):
    env = dict(os.environ, COPNET_BENCH_NODES=nodes, COPNET_BENCH_TIES=ties)
    out = subprocess.run([bench, "--benchmark_filter=BM_ReadCsvFiles",
                          "--benchmark_format=json"], env=env, check=True,
                         capture_output=True, text=True).stdout
    runs = [b for b in json.loads(out)["benchmarks"] if b.get("run_type") == "iteration"]
    return runs[0]["real_time"] / 1000.0  # ms → s, mean of the binary's 3 iterations


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("build_dir")
    ap.add_argument("--ties", type=int, default=1_000_000)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    bench = os.path.join(args.build_dir, "benchmarks", "copnet_benchmarks")
    with tempfile.TemporaryDirectory() as folder:
        nodes, ties, edges = write_landscape(folder, max(args.ties // 10, 10), args.ties)
        size = os.path.getsize(ties) / 1e6
        cop, ig = [], []
        for _ in range(args.repeat):
            ig.append(time_igraph(edges))
            cop.append(time_copnet(bench, nodes, ties))
        c, i = statistics.median(cop), statistics.median(ig)
        print(f"load {args.ties} ties (ties.csv {size:.1f} MB), median of {args.repeat}:")
        print(f"  copnet read_csv            {c:8.3f} s")
        print(f"  igraph Read_Edgelist       {i:8.3f} s")
        print(f"  ratio copnet / igraph      {c / i:8.2f}")


if __name__ == "__main__":
    sys.exit(main())
