#!/usr/bin/python3
"""copnet side by side with python-igraph, graph-tool and NetworkX, on the same landscape, in one run.

Writes a landscape of N stakeholders and M ties as copnet's CSV pair — by default the realistic
synthetic landscape of `copnet generate` (heavy-tailed degrees, skewed sectors and levels,
homophily, hierarchies; invented data), or with --landscape uniform a G(N, M)-like one — and
the same arcs as a 0-based integer edge list for the peers (a collaboration tie written as two
arcs, so every tool follows the same arcs). Then it times, tool after tool, the median of
--repeat runs of each operation, inside each process around the operation only (copnet inside
copnet_benchmarks, no process start-up):

  load              copnet read_csv (BM_ReadCsvFiles) | igraph Graph.Read_Edgelist |
                    graph-tool Graph.add_edge_list of the parsed edge list | networkx read_edgelist
  reach k=2         k-step reach counts from 100 seeded sources along the ties: copnet
                    reach_counts (1 thread; BM_ReachFromSources/2) | igraph
                    neighborhood_size(order=2) | graph-tool shortest_distance(max_dist=2) per
                    source | networkx single_source_shortest_path_length(cutoff=2)
  reach unlimited   the same without a hop limit (igraph: neighborhood_size or Graph.bfs per
                    source, the faster)
  coreness          k-core numbers of the undirected simple graph: copnet coreness
                    (BM_Coreness) | igraph coreness() | graph-tool kcore_decomposition |
                    networkx core_number (conversions to the undirected simple graph untimed)
  components        weakly connected components: copnet components (BM_Components) | igraph
                    connected_components(mode="weak") | graph-tool label_components(directed=False)
                    | networkx number_connected_components
  articulation points  on the undirected graph: copnet articulation_points
                    (BM_ArticulationPointsLoaded) | igraph articulation_points() | graph-tool
                    label_biconnected_components | networkx articulation_points
  betweenness, 100 sources  Brandes from 100 seeded sources, directed, 1 thread: copnet
                    betweenness(samples=100) | graph-tool betweenness(pivots=100 sources) |
                    networkx betweenness_centrality(k=10) x 10 | igraph (python-igraph 0.10 has
                    no sources=): its exact run x 100 / N, only up to 20k stakeholders
  constraint        Burt's constraint of every stakeholder: copnet structural_holes | networkx
                    constraint on random stakeholders for 20 s (at most 1,000), scaled to N
                    (only up to 100k; NetworkX costs O(d^3) per stakeholder, so the hubs it
                    rarely meets make this an underestimate)
  snapshot          copnet only: building the CSR snapshot analyses share, once per change
  memory            bytes per tie (record of ties.csv) of holding the network: peak RSS
                    (VmHWM, reset before the load) of a fresh process minus its RSS before the
                    load, per tool (copnet also: heap held after the load, BM_NetworkMemory's
                    held_bytes_per_tie)

Values are compared across tools and must agree (reach counts, core-number sums, components,
articulation points). NetworkX runs only up to 100k stakeholders (reach and betweenness from 10
sources, scaled). A tool that is not installed is left out.

With --boundary: the boundary-crossing rows instead (betweenness exact vs igraph, mixing, E-I,
brokerage, structural holes). With --scaling 10000,100000,1000000: copnet's time for each
operation at each size (ties = 10 x stakeholders), and --plot FILE.png draws it (matplotlib).

Usage: /usr/bin/python3 benchmarks/compare.py BUILD_DIR [--stakeholders N] [--ties M]
       [--repeat R] [--landscape generated|uniform] [--markdown] [--boundary]
       [--scaling SIZES [--plot FILE.png]]
Needs Debian's python3-igraph, python3-networkx, and (optional) python3-graph-tool,
python3-matplotlib.
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
import warnings

SOURCES = 100
NX_LIMIT = 100_000
EXACT_LIMIT = 20_000
CONSTRAINT_BUDGET = 20.0


def timed(fn):
    start = time.perf_counter()
    value = fn()
    return time.perf_counter() - start, value


# ---- landscapes ------------------------------------------------------------------------------

def write_landscape(folder, n, m, seed=20261122):
    """A uniform landscape: m ties between uniformly drawn pairs, kinds in turn."""
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
    return paths, [f"s{i}" for i in rng.sample(range(n), SOURCES)]


def generate_landscape(cli, folder, n, m, seed=20261122):
    """The `copnet generate` landscape, and its arcs as a 0-based edge list (ids g0000017 → 17)."""
    subprocess.run([cli, "generate", "--out", folder, "--stakeholders", str(n), "--ties", str(m),
                    "--seed", str(seed)], check=True, capture_output=True)
    paths = {k: os.path.join(folder, k) for k in ("nodes.csv", "ties.csv", "edges.txt")}
    with open(paths["ties.csv"]) as f, open(paths["edges.txt"], "w") as g:
        next(f)
        out = []
        for line in f:
            s, t, kind, _ = line.split(",", 3)
            out.append(f"{int(s[1:])} {int(t[1:])}\n")
            if kind == "collaboration":
                out.append(f"{int(t[1:])} {int(s[1:])}\n")
            if len(out) > 1_000_000:
                g.writelines(out)
                out.clear()
        g.writelines(out)
    rng = random.Random(seed)
    return paths, [f"g{i:07d}" for i in rng.sample(range(n), SOURCES)]


def as_int(ids):
    return [int(x[1:]) for x in ids]


# ---- copnet ----------------------------------------------------------------------------------

def run_bench(bench, paths, sources, pattern, repeat):
    """Medians (seconds) and counters of copnet_benchmarks' cases matching `pattern`."""
    env = dict(os.environ, COPNET_BENCH_NODES=paths["nodes.csv"],
               COPNET_BENCH_TIES=paths["ties.csv"], COPNET_BENCH_SOURCES=",".join(sources))
    out = subprocess.run([bench, f"--benchmark_filter={pattern}", "--benchmark_format=json",
                          f"--benchmark_repetitions={repeat}"],
                         env=env, check=True, capture_output=True, text=True).stdout
    times, counters = {}, {}
    for b in json.loads(out)["benchmarks"]:
        if b.get("run_type") != "iteration":
            continue
        name = b["run_name"].split("/iterations:")[0]
        times.setdefault(name, []).append(b["real_time"] / 1000.0)
        counters[name] = b
    return {k: statistics.median(v) for k, v in times.items()}, counters


COPNET_CASES = {
    "load": "BM_ReadCsvFiles",
    "reach k=2": "BM_ReachFromSources/2",
    "reach unlimited": "BM_ReachFromSources/0",
    "coreness": "BM_Coreness",
    "components": "BM_Components",
    "articulation points": "BM_ArticulationPointsLoaded",
    "betweenness, 100 sources": "BM_BetweennessSampled/100/1",
    "constraint": "BM_StructuralHoles",
    "snapshot": "BM_Snapshot",
}


def copnet_side(bench, paths, sources, repeat):
    pattern = "|".join(f"^{c}(/iterations:[0-9]+)?$" for c in COPNET_CASES.values())
    times, counters = run_bench(bench, paths, sources, pattern, repeat)
    memory, mem_counters = run_bench(bench, paths, sources, "^BM_NetworkMemory(/iterations:[0-9]+)?$", 1)
    m = mem_counters["BM_NetworkMemory"]
    out = {op: times.get(case) for op, case in COPNET_CASES.items()}
    checks = {
        "reach k=2": int(counters["BM_ReachFromSources/2"]["reached"]),
        "reach unlimited": int(counters["BM_ReachFromSources/0"]["reached"]),
        "coreness": int(counters["BM_Coreness"]["k_sum"]),
        "components": int(counters["BM_Components"]["pieces"]),
        "articulation points": int(counters["BM_ArticulationPointsLoaded"]["points"]),
    }
    return out, checks, {"peak": m["peak_rss_bytes_per_tie"], "held": m["held_bytes_per_tie"]}


# ---- peers -----------------------------------------------------------------------------------

# Peak RSS: VmHWM, reset to the current RSS just before the load (/proc/self/clear_refs "5").
# getrusage's ru_maxrss will not do: Linux carries the parent's peak across fork and exec, so a
# probe started by a large compare.py would see no growth.
MEMORY_PROBE = r"""
import sys
def status(field):
    for line in open("/proc/self/status"):
        if line.startswith(field + ":"):
            return int(line.split()[1]) * 1024
def peak():
    return status("VmHWM")
def reset():
    with open("/proc/self/clear_refs", "w") as f:
        f.write("5")
tool, path, n, ties = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
if tool == "igraph":
    import igraph
    reset(); before = peak(); g = igraph.Graph.Read_Edgelist(path, directed=True); m = g.ecount()
elif tool == "graph-tool":
    import warnings; warnings.simplefilter("ignore")
    import numpy, graph_tool
    reset(); before = peak(); edges = numpy.fromfile(path, sep=" ", dtype=numpy.int64).reshape(-1, 2)
    g = graph_tool.Graph(directed=True); g.add_vertex(n); g.add_edge_list(edges); del edges
    m = g.num_edges()
else:
    import networkx
    reset(); before = peak(); g = networkx.read_edgelist(path, nodetype=int, create_using=networkx.DiGraph)
    m = g.number_of_edges()
print((peak() - before) / ties)
"""


def memory_of(tool, paths, n):
    """Peak RSS of loading the edge list in a fresh process, minus before, per tie of the
    landscape (ties.csv's records; a collaboration tie is two arcs of the edge list)."""
    with open(paths["ties.csv"], "rb") as f:
        ties = sum(1 for _ in f) - 1
    out = subprocess.run([sys.executable, "-c", MEMORY_PROBE, tool, paths["edges.txt"], str(n),
                          str(ties)], check=True, capture_output=True, text=True).stdout
    return float(out.strip().splitlines()[-1])


def median_time(fn, repeat):
    ts, value = [], None
    for _ in range(repeat):
        t, value = timed(fn)
        ts.append(t)
    return statistics.median(ts), value


def igraph_side(paths, sources, n, repeat):
    import igraph
    t_load, g = median_time(lambda: igraph.Graph.Read_Edgelist(paths["edges.txt"], directed=True),
                            repeat)
    g.add_vertices(max(0, n - g.vcount()))
    src = as_int(sources)
    out, checks = {"load": t_load}, {}
    out["reach k=2"], k2 = median_time(
        lambda: g.neighborhood_size(vertices=src, order=2, mode="out"), repeat)
    checks["reach k=2"] = sum(k2) - len(src)
    t_nb, full = median_time(lambda: g.neighborhood_size(vertices=src, order=n, mode="out"), repeat)
    t_bfs, _ = median_time(lambda: [len(g.bfs(s, mode="out")[0]) for s in src], repeat)
    out["reach unlimited"] = min(t_nb, t_bfs)
    checks["reach unlimited"] = sum(full) - len(src)
    u = g.as_undirected(mode="collapse")
    out["coreness"], cores = median_time(u.coreness, repeat)
    checks["coreness"] = sum(cores)
    out["components"], comps = median_time(lambda: g.connected_components(mode="weak"), repeat)
    checks["components"] = len(comps)
    out["articulation points"], aps = median_time(g.articulation_points, repeat)
    checks["articulation points"] = len(aps)
    if n <= EXACT_LIMIT:
        s = g.copy()
        s.simplify(multiple=True, loops=True)
        t, _ = median_time(lambda: s.betweenness(directed=True), repeat)
        out["betweenness, 100 sources"] = t * SOURCES / n
    out["memory"] = memory_of("igraph", paths, n)
    return out, checks


def graph_tool_side(paths, sources, n, repeat):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import graph_tool.all as gt
    import numpy
    # graph-tool runs some algorithms (betweenness among them) on OpenMP threads by default;
    # every tool here gets one thread.
    gt.openmp_set_num_threads(1)

    def load():
        edges = numpy.fromfile(paths["edges.txt"], sep=" ", dtype=numpy.int64).reshape(-1, 2)
        g = gt.Graph(directed=True)
        g.add_vertex(n)
        g.add_edge_list(edges)
        return g

    t_load, g = median_time(load, repeat)
    src = as_int(sources)
    out, checks = {"load": t_load}, {}

    def reach(max_dist):
        total = 0
        for s in src:
            d = gt.shortest_distance(g, source=g.vertex(s), max_dist=max_dist).a
            total += int((d <= (max_dist or n)).sum()) - 1
        return total

    out["reach k=2"], checks["reach k=2"] = median_time(lambda: reach(2), repeat)
    out["reach unlimited"], checks["reach unlimited"] = median_time(lambda: reach(None), repeat)
    u = gt.Graph(g)
    u.set_directed(False)
    gt.remove_parallel_edges(u)
    gt.remove_self_loops(u)
    out["coreness"], cores = median_time(lambda: gt.kcore_decomposition(u), repeat)
    checks["coreness"] = int(cores.a.sum())
    out["components"], comp = median_time(lambda: gt.label_components(u)[1], repeat)
    checks["components"] = len(comp)
    out["articulation points"], bic = median_time(lambda: gt.label_biconnected_components(u), repeat)
    checks["articulation points"] = int(bic[1].a.sum())
    pivots = [g.vertex(s) for s in src]
    out["betweenness, 100 sources"], _ = median_time(lambda: gt.betweenness(g, pivots=pivots), repeat)
    out["memory"] = memory_of("graph-tool", paths, n)
    return out, checks


def networkx_side(paths, sources, n, repeat):
    import networkx as nx
    t_load, d = median_time(lambda: nx.read_edgelist(paths["edges.txt"], nodetype=int,
                                                     create_using=nx.DiGraph), 1)
    d.add_nodes_from(range(n))
    few = as_int(sources)[:10]
    scale = SOURCES / len(few)
    out, checks = {"load": t_load}, {}
    t, _ = timed(lambda: [nx.single_source_shortest_path_length(d, s, cutoff=2) for s in few])
    out["reach k=2"] = t * scale
    t, _ = timed(lambda: [nx.single_source_shortest_path_length(d, s) for s in few])
    out["reach unlimited"] = t * scale
    u = nx.Graph(d)
    u.remove_edges_from(nx.selfloop_edges(u))
    out["coreness"], cores = timed(lambda: nx.core_number(u))
    checks["coreness"] = sum(cores.values())
    out["components"], c = timed(lambda: nx.number_connected_components(u))
    checks["components"] = c
    out["articulation points"], aps = timed(lambda: list(nx.articulation_points(u)))
    checks["articulation points"] = len(aps)
    t, _ = timed(lambda: nx.betweenness_centrality(d, k=10, seed=1, normalized=False))
    out["betweenness, 100 sources"] = t * scale
    # NetworkX's constraint costs O(d(v)^3) per stakeholder (each local constraint re-sums the
    # neighbourhood), hours for a hub: time random stakeholders one by one for CONSTRAINT_BUDGET
    # seconds and scale by N / done (an underestimate of the whole run, which the hubs dominate).
    rng = random.Random(1)
    order = rng.sample(range(n), min(n, 1000))
    done, start = 0, time.perf_counter()
    for v in order:
        nx.constraint(d, nodes=[v])
        done += 1
        if time.perf_counter() - start > CONSTRAINT_BUDGET:
            break
    out["constraint"] = (time.perf_counter() - start) * n / done
    out["memory"] = memory_of("networkx", paths, n)
    return out, checks


# ---- boundary-crossing rows (--boundary) --------------------------------------------------------

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


# ---- the table -------------------------------------------------------------------------------

OPERATIONS = ["load", "reach k=2", "reach unlimited", "coreness", "components",
              "articulation points", "betweenness, 100 sources", "constraint", "snapshot"]
PEERS = ("igraph", "graph-tool", "networkx")


def available(tool):
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            __import__({"igraph": "igraph", "graph-tool": "graph_tool",
                        "networkx": "networkx"}[tool])
        return True
    except ImportError:
        return False


def print_table(n, m, repeat, landscape, cop, peers, markdown):
    head = ["operation", "copnet s"]
    for p in peers:
        head += [f"{p} s", "ratio"]
    rows = []
    for op in OPERATIONS:
        if cop.get(op) is None:
            continue
        row = [op, f"{cop[op]:.3f}"]
        for p in peers:
            x = peers[p].get(op)
            row += ([f"{x:.3f}", f"{cop[op] / x:.3f}"] if x else ["-", "-"])
        rows.append(row)
    mem = ["memory, bytes per tie (peak RSS)", f"{cop['memory']['peak']:.0f}"]
    for p in peers:
        x = peers[p].get("memory")
        mem += ([f"{x:.0f}", f"{cop['memory']['peak'] / x:.2f}"] if x else ["-", "-"])
    rows.append(mem)
    rows.append(["memory, bytes per tie held", f"{cop['memory']['held']:.0f}"] +
                ["-", "-"] * len(peers))
    print(f"{n:,} stakeholders, {m:,} ties ({landscape} landscape); median of {repeat}; "
          f"one thread; ratio = copnet / peer (below 1: copnet faster); results agree")
    if markdown:
        print("| " + " | ".join(head) + " |")
        print("|" + "---|" * len(head))
        for r in rows:
            print("| " + " | ".join(r) + " |")
    else:
        widths = [max(len(str(r[i])) for r in rows + [head]) for i in range(len(head))]
        for r in [head] + rows:
            print("  ".join(str(c).rjust(w) if i else str(c).ljust(w)
                            for i, (c, w) in enumerate(zip(r, widths))))


def side_by_side(args, bench, cli):
    n, m = args.stakeholders, args.ties
    with tempfile.TemporaryDirectory() as folder:
        if args.landscape == "generated":
            paths, sources = generate_landscape(cli, folder, n, m)
        else:
            paths, sources = write_landscape(folder, n, m)
        cop, cop_checks = {}, {}
        cop, cop_checks, cop["memory"] = copnet_side(bench, paths, sources, args.repeat)
        peers = {}
        for tool, side in (("igraph", igraph_side), ("graph-tool", graph_tool_side),
                           ("networkx", networkx_side)):
            if not available(tool) or (tool == "networkx" and n > NX_LIMIT):
                continue
            times, checks = side(paths, sources, n, args.repeat)
            for what, value in checks.items():
                assert value == cop_checks[what], f"{what}: copnet {cop_checks[what]}, {tool} {value}"
            peers[tool] = times
    print_table(n, m, args.repeat, args.landscape, cop, peers, args.markdown)
    if "networkx" in peers:
        print("networkx: reach and betweenness from 10 sources, scaled; constraint on random "
              f"stakeholders for {CONSTRAINT_BUDGET:.0f} s (at most 1,000), scaled (an underestimate)")
    if "igraph" in peers and n <= EXACT_LIMIT:
        print("igraph betweenness = its exact time x 100 / N (python-igraph 0.10 has no sources=)")


def scaling(args, bench, cli):
    sizes = [int(s) for s in args.scaling.split(",")]
    results = {}
    for n in sizes:
        with tempfile.TemporaryDirectory() as folder:
            paths, sources = generate_landscape(cli, folder, n, 10 * n)
            times, _, _ = copnet_side(bench, paths, sources, 1)
            results[n] = times
            print(f"{n:>9,} stakeholders: " + ", ".join(
                f"{op} {t:.3f} s" for op, t in times.items() if t is not None), flush=True)
    if args.plot:
        import matplotlib
        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
        fig, ax = plt.subplots(figsize=(7, 4.5), dpi=120)
        for op in OPERATIONS:
            ys = [results[n].get(op) for n in sizes]
            if all(y is not None for y in ys):
                ax.plot(sizes, ys, marker="o", label=op)
        ax.set_xscale("log")
        ax.set_yscale("log")
        ax.set_xlabel("stakeholders (ties = 10 x stakeholders), copnet generate landscape")
        ax.set_ylabel("seconds, one thread")
        ax.set_title("copnet: time against size")
        ax.grid(True, which="both", alpha=0.3)
        ax.legend(fontsize=7)
        fig.tight_layout()
        fig.savefig(args.plot)
        print(f"plot: {args.plot}")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("build_dir")
    ap.add_argument("--stakeholders", type=int, default=100_000)
    ap.add_argument("--ties", type=int, default=1_000_000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--landscape", choices=("generated", "uniform"), default="generated")
    ap.add_argument("--markdown", action="store_true", help="print the table as Markdown")
    ap.add_argument("--boundary", action="store_true", help="boundary-crossing rows instead")
    ap.add_argument("--scaling", help="comma-separated sizes: copnet's time against size")
    ap.add_argument("--plot", help="with --scaling: write a PNG plot here")
    args = ap.parse_args()
    bench = os.path.join(args.build_dir, "benchmarks", "copnet_benchmarks")
    cli = os.path.join(args.build_dir, "tools", "copnet", "copnet")
    if args.boundary:
        return boundary_main(args, bench)
    if args.scaling:
        return scaling(args, bench, cli)
    return side_by_side(args, bench, cli)


if __name__ == "__main__":
    sys.exit(main())
