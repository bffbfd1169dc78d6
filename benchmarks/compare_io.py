#!/usr/bin/python3
"""copnet's GraphML and node-link JSON readers side by side with python-igraph and NetworkX.

Writes the seeded landscape of compare.py (N stakeholders, M ties) as CSV, converts it with
`copnet convert` to GraphML, node-link JSON and a binary archive, then times, median of
--repeat runs, reading the same files:
  GraphML   copnet parse_graphml (BM_ReadGraphmlFile; file already in memory) |
            igraph Graph.Read_GraphML | networkx read_graphml
  JSON      copnet parse_json (BM_ReadJsonFile) | networkx node_link_graph(json.load(f))
  archive   copnet parse_archive, binary (BM_ReadArchiveFile) — no counterpart
Every reader must find the same number of nodes and edges.

With --research: the research formats instead, one directed weighted relation (ids s0…, values
0.10-0.99; invented), written by this script as Pajek (*Vertices with labels, one *Arcs block:
what igraph's and NetworkX's readers and copnet's read alike) and GEXF 1.2draft (what NetworkX
reads; igraph has no GEXF reader), and read, median of --repeat, CPU time, by
  Pajek     copnet read_pajek (Python module, file from disk) | igraph Graph.Read_Pajek | networkx read_pajek
  GEXF      copnet read_gexf                                  | -                      | networkx read_gexf
  DL        copnet read_dl                                    | igraph Graph.Read_DL   | - (NetworkX has none)
            (UCINET DL EDGELIST1 with a LABELS: list, as UCINET and igraph read it)

Usage: /usr/bin/python3 benchmarks/compare_io.py BUILD_DIR [--stakeholders N] [--ties M] [--repeat R]
       /usr/bin/python3 benchmarks/compare_io.py BUILD_DIR --research [--stakeholders 100000 --ties 1000000]
                                                 [--formats pajek,gexf,dl]
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(__file__))
from compare import write_landscape  # noqa: E402


def bench(build, env, name, repeat):
    out = subprocess.run([os.path.join(build, "benchmarks", "copnet_benchmarks"),
                          f"--benchmark_filter={name}$", "--benchmark_format=json",
                          f"--benchmark_repetitions={repeat}"],
                         env=dict(os.environ, **env), check=True, capture_output=True, text=True).stdout
    return statistics.median(b["cpu_time"] / 1000.0 for b in json.loads(out)["benchmarks"]
                             if b.get("run_type") == "iteration")


def timed(fn, repeat):
    times, result = [], None
    for _ in range(repeat):
        start = time.process_time()
        result = fn()
        times.append(time.process_time() - start)
    return statistics.median(times), result


def write_research_files(folder, n, m, seed=20261202):
    """One directed relation of m distinct arcs between uniformly drawn pairs, as Pajek and GEXF."""
    import random
    rng = random.Random(seed)
    arcs = {}
    while len(arcs) < m:
        s, t = rng.randrange(n), rng.randrange(n)
        if s != t and (s, t) not in arcs:
            arcs[(s, t)] = f"0.{rng.randrange(10, 100)}"
    net, gexf = os.path.join(folder, "net.net"), os.path.join(folder, "net.gexf")
    with open(net, "w") as f:
        f.write(f"*Vertices {n}\n")
        f.writelines(f'{i + 1} "s{i}"\n' for i in range(n))
        f.write("*Arcs\n")
        f.writelines(f"{s + 1} {t + 1} {w}\n" for (s, t), w in arcs.items())
    with open(gexf, "w") as f:
        f.write('<?xml version="1.0" encoding="UTF-8"?>\n<gexf xmlns="http://www.gexf.net/1.2draft" version="1.2">\n'
                '<graph defaultedgetype="directed">\n<nodes>\n')
        f.writelines(f'<node id="s{i}" label="s{i}"/>\n' for i in range(n))
        f.write("</nodes>\n<edges>\n")
        f.writelines(f'<edge id="{k}" source="s{s}" target="s{t}" weight="{w}"/>\n'
                     for k, ((s, t), w) in enumerate(arcs.items()))
        f.write("</edges>\n</graph>\n</gexf>\n")
    dl = os.path.join(folder, "net.dl")
    with open(dl, "w") as f:
        f.write(f"DL N={n}\nFORMAT = EDGELIST1\nLABELS:\n")
        f.writelines(f"s{i}\n" for i in range(n))
        f.write("DATA:\n")
        f.writelines(f"{s + 1} {t + 1} {w}\n" for (s, t), w in arcs.items())
    return net, gexf, dl


def research(a):
    import igraph
    import networkx
    sys.path.insert(0, os.path.join(a.build_dir, "bindings", "python"))
    import copnet
    with tempfile.TemporaryDirectory() as folder:
        net, gexf, dl = write_research_files(folder, a.stakeholders, a.ties)
        rows = []
        if "pajek" in a.formats:
            c_pj, c = timed(lambda: copnet.read_pajek(net), a.repeat)
            assert (len(c), c.tie_count()) == (a.stakeholders, a.ties)
            i_pj, g = timed(lambda: igraph.Graph.Read_Pajek(net), a.repeat)
            assert (g.vcount(), g.ecount()) == (a.stakeholders, a.ties), "igraph read a different graph"
            n_pj, d = timed(lambda: networkx.read_pajek(net), a.repeat)
            assert (d.number_of_nodes(), d.number_of_edges()) == (a.stakeholders, a.ties)
            del d
            rows.append(("Pajek", c_pj, i_pj, n_pj))
        if "gexf" in a.formats:
            c_gx, c = timed(lambda: copnet.read_gexf(gexf), a.repeat)
            assert (len(c), c.tie_count()) == (a.stakeholders, a.ties)
            n_gx, d = timed(lambda: networkx.read_gexf(gexf), a.repeat)
            assert (d.number_of_nodes(), d.number_of_edges()) == (a.stakeholders, a.ties)
            del d
            rows.append(("GEXF", c_gx, None, n_gx))
        if "dl" in a.formats:
            c_dl, c = timed(lambda: copnet.read_dl(dl), a.repeat)
            assert (len(c), c.tie_count()) == (a.stakeholders, a.ties)
            del c
            i_dl, g = timed(lambda: igraph.Graph.Read_DL(dl, directed=True), a.repeat)
            assert (g.vcount(), g.ecount()) == (a.stakeholders, a.ties), "igraph read a different graph"
            rows.append(("DL", c_dl, i_dl, None))
    print(f"{a.stakeholders} stakeholders, {a.ties} ties; median of {a.repeat}; CPU time of the read from disk "
          f"(the machine is shared: read the ratios); node and edge counts agree")
    print(f"{'read':10} {'copnet s':>9} {'igraph s':>9} {'ratio':>6} {'networkx s':>11} {'ratio':>7}")
    for name, c_s, i_s, n_s in rows:
        i_txt = f"{i_s:9.3f} {c_s / i_s:6.2f}" if i_s else f"{'-':>9} {'-':>6}"
        n_txt = f"{n_s:11.3f} {c_s / n_s:7.3f}" if n_s else f"{'-':>11} {'-':>7}"
        print(f"{name:10} {c_s:9.3f} {i_txt} {n_txt}")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("build_dir")
    ap.add_argument("--stakeholders", type=int, default=20_000)
    ap.add_argument("--ties", type=int, default=200_000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--research", action="store_true", help="Pajek, GEXF and DL instead (see above)")
    ap.add_argument("--formats", default="pajek,gexf,dl", help="with --research: which of pajek,gexf,dl")
    a = ap.parse_args()
    if a.research:
        return research(a)
    import igraph
    import networkx
    cli = os.path.join(a.build_dir, "tools", "copnet", "copnet")
    with tempfile.TemporaryDirectory() as folder:
        paths, _ = write_landscape(folder, a.stakeholders, a.ties)
        files = {ext: os.path.join(folder, "net." + ext) for ext in ("graphml", "json", "bin")}
        for f in files.values():
            subprocess.run([cli, "convert", "--nodes", paths["nodes.csv"], "--ties", paths["ties.csv"],
                            "--to", f], check=True, capture_output=True)
        ties = sum(1 for _ in open(paths["ties.csv"])) - 1
        c_gm = bench(a.build_dir, {"COPNET_BENCH_GRAPHML": files["graphml"]}, "BM_ReadGraphmlFile", a.repeat)
        c_js = bench(a.build_dir, {"COPNET_BENCH_JSON": files["json"]}, "BM_ReadJsonFile", a.repeat)
        c_ar = bench(a.build_dir, {"COPNET_BENCH_ARCHIVE": files["bin"]}, "BM_ReadArchiveFile", a.repeat)
        i_gm, g = timed(lambda: igraph.Graph.Read_GraphML(files["graphml"]), a.repeat)
        assert (g.vcount(), g.ecount()) == (a.stakeholders, ties), "igraph read a different graph"
        n_gm, d = timed(lambda: networkx.read_graphml(files["graphml"]), a.repeat)
        assert (d.number_of_nodes(), d.number_of_edges()) == (a.stakeholders, ties)

        def nx_json():
            with open(files["json"]) as f:
                return networkx.node_link_graph(json.load(f))
        n_js, d = timed(nx_json, a.repeat)
        assert (d.number_of_nodes(), d.number_of_edges()) == (a.stakeholders, ties)
    print(f"{a.stakeholders} stakeholders, {ties} ties; median of {a.repeat}; copnet one thread, CPU time (the machine is shared), "
          f"file in memory; node and edge counts agree")
    print(f"{'read':10} {'copnet s':>9} {'igraph s':>9} {'ratio':>6} {'networkx s':>11} {'ratio':>7}")
    print(f"{'GraphML':10} {c_gm:9.3f} {i_gm:9.3f} {c_gm / i_gm:6.2f} {n_gm:11.3f} {c_gm / n_gm:7.3f}")
    print(f"{'JSON':10} {c_js:9.3f} {'-':>9} {'-':>6} {n_js:11.3f} {c_js / n_js:7.3f}")
    print(f"{'archive':10} {c_ar:9.3f} {'-':>9} {'-':>6} {'-':>11} {'-':>7}")


if __name__ == "__main__":
    sys.exit(main())
