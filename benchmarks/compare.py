#!/usr/bin/python3
"""copnet side by side with python-igraph and NetworkX, on the same generated landscape, in one run.

Writes a seeded landscape (N stakeholders, M ties of mixed kinds; collaboration ties are mutual)
as copnet's CSV pair and as a 0-based integer edge list (collaboration written as two arcs, so all
three tools follow the same arcs), then times, alternating tools, the median of --repeat runs of:
  load        copnet read_csv (BM_ReadCsvFiles) | igraph Graph.Read_Edgelist | networkx read_edgelist
  reach k=2   k-step reach counts from 100 seeded sources, out-ties:
              copnet reach_counts (1 thread, snapshot built before timing) | igraph neighborhood_size(order=2)
              | networkx single_source_shortest_path_length(cutoff=2)
  reach all   the same, unlimited (igraph: neighborhood_size with order = N or Graph.bfs per
              source, whichever is faster)
  snapshot    copnet only: building the CSR snapshot that analyses share, once per change of the
              network (igraph builds its index inside Read_Edgelist); reach rows reuse it
  articulation points  copnet articulation_points (all kinds, undirected; BM_ArticulationPointsLoaded,
              snapshot built before timing) | igraph Graph.articulation_points() (directions
              ignored); the counts must agree
With --boundary, the boundary-crossing rows instead (boundary_main below):
  betweenness exact   copnet betweenness (directed, 1 and 2 threads) | igraph Graph.betweenness()
                      (only up to 20k stakeholders: igraph's exact run is O(VE))
  betweenness 100 src copnet betweenness(samples=100) | python-igraph 0.10 cannot restrict the
                      sources (no `sources=`; Graph.betweenness only takes `vertices`, `cutoff`),
                      so its per-source cost is measured from its exact run (time x 100 / N) up
                      to 20k stakeholders, and not measured above
  mixing, E-I, brokerage, structural holes: copnet only (one pass; igraph has none of them)
  coreness    k-core numbers of the undirected simple graph: copnet coreness (BM_Coreness; the
              cached snapshot built before timing, collapsing parallel ties timed) | igraph
              Graph.coreness() on g.as_undirected(mode="collapse") (conversion not timed);
              the sums of the core numbers must agree
copnet is timed inside copnet_benchmarks (no process start-up). NetworkX runs only up to 100k
stakeholders, and from 10 of the sources (its time is scaled by 10, as the table says). The
reach counts of the three tools are compared and must agree.

Usage: /usr/bin/python3 benchmarks/compare.py BUILD_DIR [--stakeholders N] [--ties M] [--repeat R]
Needs python3-igraph and python3-networkx (Debian).
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


def write_landscape(folder, n, m, seed=20261122):
    rng = random.Random(seed)
    kinds = ("authority", "influence", "collaboration")
    paths = {k: os.path.join(folder, k) for k in ("nodes.csv", "ties.csv", "edges.txt")}
    with open(paths["nodes.csv"], "w") as f:
        f.write("id,name,sector,level\n")
        f.writelines(f"s{i},Stakeholder {i},sector {i % 7},{('local', 'state', 'national')[i % 3]}\n"
                     for i in range(n))
    seen = set()
    with open(paths["ties.csv"], "w") as f, open(paths["edges.txt"], "w") as g:
        f.write("source,target,kind,weight\n")
        for e in range(m):
            s, t = rng.randrange(n), rng.randrange(n)
            if s == t:
                t = (s + 1) % n
            kind = kinds[e % 3]
            key = (min(s, t), max(s, t), kind) if kind == "collaboration" else (s, t, kind)
            if key in seen:  # copnet merges repeats; keep the arc lists identical
                continue
            seen.add(key)
            f.write(f"s{s},s{t},{kind},0.{rng.randrange(10, 100)}\n")
            g.write(f"{s} {t}\n")
            if kind == "collaboration":
                g.write(f"{t} {s}\n")
    sources = rng.sample(range(n), 100)
    return paths, sources


def copnet_times(bench, paths, sources, repeat):
    env = dict(os.environ, COPNET_BENCH_NODES=paths["nodes.csv"],
               COPNET_BENCH_TIES=paths["ties.csv"],
               COPNET_BENCH_SOURCES=",".join(f"s{i}" for i in sources))
    out = subprocess.run([bench, "--benchmark_filter=BM_ReadCsvFiles|BM_ReachFromSources|BM_Snapshot",
                          "--benchmark_format=json", f"--benchmark_repetitions={repeat}"],
                         env=env, check=True, capture_output=True, text=True).stdout
    rows = {}
    for b in json.loads(out)["benchmarks"]:
        if b.get("run_type") != "iteration":
            continue
        name = b["run_name"].split("/iterations:")[0]
        rows.setdefault(name, []).append(b["real_time"] / 1000.0)
        if "reached" in b:
            rows[name + ":reached"] = int(b["reached"])
    return rows


def articulation_rows(bench, paths, g, repeat):
    """The articulation-point row (issue 4): copnet in copnet_benchmarks, igraph on `g`."""
    env = dict(os.environ, COPNET_BENCH_NODES=paths["nodes.csv"],
               COPNET_BENCH_TIES=paths["ties.csv"])
    out = subprocess.run([bench, "--benchmark_filter=BM_ArticulationPointsLoaded",
                          "--benchmark_format=json", f"--benchmark_repetitions={repeat}"],
                         env=env, check=True, capture_output=True, text=True).stdout
    cop, points = [], None
    for b in json.loads(out)["benchmarks"]:
        if b.get("run_type") == "iteration":
            cop.append(b["real_time"] / 1000.0)
            points = int(b["points"])
    ig = []
    for _ in range(repeat):
        t, aps = timed(g.articulation_points)
        ig.append(t)
    assert points == len(aps), f"articulation points disagree: {points} vs igraph {len(aps)}"
    return [("articulation points", statistics.median(cop), statistics.median(ig), None)]
def boundary_times(bench, paths, repeat, exact):
    env = dict(os.environ, COPNET_BENCH_NODES=paths["nodes.csv"], COPNET_BENCH_TIES=paths["ties.csv"])
    pattern = "BM_BetweennessSampled|BM_Mixing|BM_EIIndex|BM_Brokerage|BM_StructuralHoles"
    if exact:
        pattern += "|BM_BetweennessExact"
    out = subprocess.run([bench, f"--benchmark_filter={pattern}", "--benchmark_format=json",
                          f"--benchmark_repetitions={repeat}"],
                         env=env, check=True, capture_output=True, text=True).stdout
    rows = {}
    for b in json.loads(out)["benchmarks"]:
        if b.get("run_type") == "iteration":
            rows.setdefault(b["run_name"].split("/iterations:")[0], []).append(b["real_time"] / 1000.0)
    return rows


def boundary_main(args, bench):
    """Boundary-crossing rows: betweenness against igraph, the one-pass measures alone."""
    import igraph
    n = args.stakeholders
    exact = n <= 20_000
    med = statistics.median
    with tempfile.TemporaryDirectory() as folder:
        paths, _ = write_landscape(folder, n, args.ties)
        cop = boundary_times(bench, paths, args.repeat, exact)
        ig = []
        if exact:
            g = igraph.Graph.Read_Edgelist(paths["edges.txt"], directed=True)
            g.add_vertices(max(0, n - g.vcount()))
            g.simplify(multiple=True, loops=True)  # copnet counts a pair tied twice as one arc
            for _ in range(args.repeat):
                t, _ = timed(lambda: g.betweenness(directed=True))
                ig.append(t)
    print(f"{n} stakeholders, {args.ties} ties generated; median of {args.repeat}; one run")
    print(f"{'operation':40} {'copnet s':>10} {'igraph s':>10} {'ratio':>7}")
    rows = []
    if exact:
        for t in (1, 2):
            rows.append((f"betweenness exact, {t} thread(s)", med(cop[f"BM_BetweennessExact/{t}"]), med(ig)))
        for t in (1, 2):
            rows.append((f"betweenness 100 sources, {t} thread(s)",
                         med(cop[f"BM_BetweennessSampled/100/{t}"]), med(ig) * 100 / n))
    else:
        for t in (1, 2):
            rows.append((f"betweenness 100 sources, {t} thread(s)",
                         med(cop[f"BM_BetweennessSampled/100/{t}"]), None))
    for name, key in (("mixing matrix", "BM_Mixing"), ("E-I index (no permutations)", "BM_EIIndex"),
                      ("brokerage, 1 thread", "BM_Brokerage/1"), ("brokerage, 2 threads", "BM_Brokerage/2"),
                      ("structural holes", "BM_StructuralHoles")):
        rows.append((name, med(cop[key]), None))
    for name, c, i in rows:
        igs = f"{i:10.3f} {c / i:7.2f}" if i is not None else f"{'-':>10} {'-':>7}"
        print(f"{name:40} {c:10.3f} {igs}")
    if exact:
        print("igraph 100 sources = its exact time x 100 / N (python-igraph 0.10 has no sources=)")
def coreness_rows(bench, paths, g, repeat):
    """The coreness row: copnet's BM_Coreness against igraph's coreness, values compared."""
    env = dict(os.environ, COPNET_BENCH_NODES=paths["nodes.csv"],
               COPNET_BENCH_TIES=paths["ties.csv"])
    out = subprocess.run([bench, "--benchmark_filter=BM_Coreness/", "--benchmark_format=json",
                          f"--benchmark_repetitions={repeat}"],
                         env=env, check=True, capture_output=True, text=True).stdout
    cop, k_sum = [], None
    for b in json.loads(out)["benchmarks"]:
        if b.get("run_type") == "iteration":
            cop.append(b["real_time"] / 1000.0)
            k_sum = int(b["k_sum"])
    u = g.as_undirected(mode="collapse")
    ig = []
    for _ in range(repeat):
        t, cores = timed(u.coreness)
        ig.append(t)
    assert sum(cores) == k_sum, f"coreness disagrees with igraph ({k_sum} vs {sum(cores)})"
    return [("coreness (undirected)", statistics.median(cop), statistics.median(ig), None)]


def timed(fn):
    start = time.perf_counter()
    value = fn()
    return time.perf_counter() - start, value


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("build_dir")
    ap.add_argument("--stakeholders", type=int, default=100_000)
    ap.add_argument("--ties", type=int, default=1_000_000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--boundary", action="store_true", help="boundary-crossing rows instead")
    args = ap.parse_args()
    if args.boundary:
        return boundary_main(args, os.path.join(args.build_dir, "benchmarks", "copnet_benchmarks"))
    import igraph
    bench = os.path.join(args.build_dir, "benchmarks", "copnet_benchmarks")
    n = args.stakeholders
    with tempfile.TemporaryDirectory() as folder:
        paths, sources = write_landscape(folder, n, args.ties)
        cop = copnet_times(bench, paths, sources, args.repeat)
        ig = {"load": [], "k2": [], "all": []}
        g = None
        for _ in range(args.repeat):
            t, g = timed(lambda: igraph.Graph.Read_Edgelist(paths["edges.txt"], directed=True))
            ig["load"].append(t)
            g.add_vertices(max(0, n - g.vcount()))
            t, k2 = timed(lambda: g.neighborhood_size(vertices=sources, order=2, mode="out"))
            ig["k2"].append(t)
            # Unlimited: igraph's neighborhood (order = N) or one BFS per source, the faster.
            t, full = timed(lambda: g.neighborhood_size(vertices=sources, order=n, mode="out"))
            t_bfs, via_bfs = timed(lambda: [len(g.bfs(s, mode="out")[0]) for s in sources])
            assert via_bfs == full
            ig["all"].append(min(t, t_bfs))
        ig_k2 = sum(k2) - len(sources)
        ig_all = sum(full) - len(sources)
        assert cop["BM_ReachFromSources/2:reached"] == ig_k2, "k=2 reach disagrees with igraph"
        assert cop["BM_ReachFromSources/0:reached"] == ig_all, "reach disagrees with igraph"
        extra_rows = articulation_rows(bench, paths, g, args.repeat)
        extra_rows += coreness_rows(bench, paths, g, args.repeat)

        nx = {}
        if n <= 100_000:
            import networkx
            t, d = timed(lambda: networkx.read_edgelist(paths["edges.txt"], nodetype=int,
                                                        create_using=networkx.DiGraph))
            nx["load"] = t
            d.add_nodes_from(range(n))
            few = sources[:10]
            t, c2 = timed(lambda: [len(networkx.single_source_shortest_path_length(d, s, cutoff=2))
                                   for s in few])
            nx["k2"] = t * len(sources) / len(few)
            t, ca = timed(lambda: [len(networkx.single_source_shortest_path_length(d, s))
                                   for s in few])
            nx["all"] = t * len(sources) / len(few)

    med = statistics.median
    rows = [("load", med(cop["BM_ReadCsvFiles"]), med(ig["load"]), nx.get("load")),
            ("reach k=2, 100 sources", med(cop["BM_ReachFromSources/2"]), med(ig["k2"]),
             nx.get("k2")),
            ("reach unlimited, 100 sources", med(cop["BM_ReachFromSources/0"]), med(ig["all"]),
             nx.get("all")),
            ("snapshot (once per change)", med(cop["BM_Snapshot"]), None, None)] + extra_rows
    print(f"{n} stakeholders, {args.ties} ties generated; median of {args.repeat}; "
          f"copnet one thread; reach counts agree with igraph")
    print(f"{'operation':32} {'copnet s':>10} {'igraph s':>10} {'ratio':>7} {'networkx s':>11} "
          f"{'ratio':>8}")
    for name, c, i, x in rows:
        xs = f"{x:11.3f} {c / x:8.4f}" if x is not None else f"{'-':>11} {'-':>8}"
        igs = f"{i:10.3f} {c / i:7.2f}" if i is not None else f"{'-':>10} {'-':>7}"
        print(f"{name:32} {c:10.3f} {igs} {xs}")
    if nx:
        print("networkx reach: 10 sources timed, scaled to 100")


if __name__ == "__main__":
    sys.exit(main())
