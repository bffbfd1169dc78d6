#!/usr/bin/python3
"""NetworkX (and igraph) interoperability of copnet's GraphML and node-link JSON, both ways.

Run by ctest as `io.networkx_interop` with Debian's /usr/bin/python3 (networkx 2.8, igraph 0.10):
    networkx_interop.py COPNET_CLI SOURCE_DIR
1. NetworkX writes a small invented network (every facet, two communities, a community domain,
   an integer attribute, two tie kinds between one pair) with `networkx.write_graphml` and
   `networkx.node_link_data`; copnet reads each, writes each format, and NetworkX reads what
   copnet wrote: every node attribute, every tie (kind, weight) and the domain must survive.
2. copnet converts both bundled examples (CSV) to GraphML and JSON; NetworkX and igraph read
   them, and every stakeholder's fields and every tie are compared with the CSV files.
"""
import csv
import json
import os
import subprocess
import sys
import tempfile

import networkx as nx

cli, source = sys.argv[1], sys.argv[2]
failures = []


def check(ok, what):
    if not ok:
        failures.append(what)
        print("FAIL:", what)


def copnet(*args):
    r = subprocess.run([cli, *args], capture_output=True, text=True)
    if r.returncode != 0:
        raise SystemExit(f"copnet {' '.join(args)} failed: {r.stderr}")


def edges_of(g):
    return sorted((u, v, d["kind"], float(d["weight"])) for u, v, d in g.edges(data=True))


def nodes_of(g):
    return {str(n): {k: str(v) for k, v in d.items()} for n, d in g.nodes(data=True)}


# ---- 1. NetworkX -> copnet -> NetworkX ----------------------------------------------------
g = nx.MultiDiGraph()
g.graph["domain:cop"] = "transition to work (invented example)"
g.add_node("a", name="Ana Lopes", sector="schools", level="local", perspective="practitioner",
           organization="North High", stance="ally", role="teacher", age=41, **{"circle:cop": "core"})
g.add_node("b", name="Bea & <Co>", sector="state agencies", level="state",
           perspective="decisionmaker", stance="skeptic", **{"circle:cop": "inner", "circle:families": "outer"})
g.add_node("c", sector="families", stance="neutral")
g.add_edge("a", "b", kind="influence", weight=0.25)
g.add_edge("a", "b", kind="authority", weight=1.0 / 3.0)
g.add_edge("b", "c", kind="collaboration", weight=1.0)
expected_nodes = nodes_of(g)
expected_edges = edges_of(g)

with tempfile.TemporaryDirectory() as tmp:
    nx_graphml = os.path.join(tmp, "nx.graphml")
    nx_json = os.path.join(tmp, "nx.json")
    nx.write_graphml(g, nx_graphml)
    with open(nx_json, "w") as f:
        json.dump(nx.node_link_data(g), f)
    for src_flag, src in (("--graphml", nx_graphml), ("--json", nx_json)):
        out_graphml = os.path.join(tmp, "out.graphml")
        out_json = os.path.join(tmp, "out.json")
        copnet("convert", src_flag, src, "--to", out_graphml)
        copnet("convert", src_flag, src, "--to", out_json)
        back_g = nx.read_graphml(out_graphml)
        with open(out_json) as f:
            back_j = nx.node_link_graph(json.load(f))
        for label, back in (("GraphML", back_g), ("node-link JSON", back_j)):
            what = f"{src_flag} -> copnet -> {label}"
            check(nodes_of(back) == expected_nodes, f"{what}: node attributes {nodes_of(back)}")
            check(edges_of(back) == expected_edges, f"{what}: ties {edges_of(back)}")
            check(back.graph.get("domain:cop") == g.graph["domain:cop"], f"{what}: community domain")
    # an archive in between changes nothing either
    arch = os.path.join(tmp, "net.xml")
    copnet("convert", "--graphml", nx_graphml, "--to", arch)
    copnet("convert", "--archive", arch, "--to", os.path.join(tmp, "via.graphml"))
    check(edges_of(nx.read_graphml(os.path.join(tmp, "via.graphml"))) == expected_edges, "archive: ties")

    # ---- 2. the bundled examples: copnet -> NetworkX and igraph ---------------------------
    for example in ("state-employment", "school-behavioral-health"):
        d = os.path.join(source, "examples", "data", example)
        with open(os.path.join(d, "nodes.csv"), newline="", encoding="utf-8") as f:
            rows = list(csv.DictReader(f))
        with open(os.path.join(d, "ties.csv"), newline="", encoding="utf-8") as f:
            ties = sorted((t["source"], t["target"], t["kind"], float(t["weight"] or 1)) for t in csv.DictReader(f))
        gm = os.path.join(tmp, example + ".graphml")
        js = os.path.join(tmp, example + ".json")
        copnet("convert", "--nodes", os.path.join(d, "nodes.csv"), "--ties", os.path.join(d, "ties.csv"), "--to", gm)
        copnet("convert", "--nodes", os.path.join(d, "nodes.csv"), "--ties", os.path.join(d, "ties.csv"), "--to", js)
        with open(js) as f:
            loaded = {"GraphML": nx.read_graphml(gm), "JSON": nx.node_link_graph(json.load(f))}
        for label, back in loaded.items():
            what = f"{example} -> {label} -> NetworkX"
            check(back.number_of_nodes() == len(rows), f"{what}: stakeholder count")
            check(edges_of(back) == ties, f"{what}: ties (kind, weight)")
            for row in rows:
                node = back.nodes[row["id"]]
                for column, value in row.items():
                    if column == "id":
                        continue
                    key = "circle:community" if column == "circle" else column
                    want = value if value else ("neutral" if column == "stance" else None)
                    if column == "circle" and value == "none":
                        want = None
                    got = node.get(key)
                    if got != want:
                        check(False, f"{what}: {row['id']}.{column} = {got!r}, CSV says {want!r}")
                        break
        try:
            import igraph
        except ImportError:
            continue
        ig = igraph.Graph.Read_GraphML(gm)
        check(ig.vcount() == len(rows), f"{example} -> igraph: vertex count")
        check(ig.ecount() == len(ties), f"{example} -> igraph: edge count")
        ig_edges = sorted((ig.vs[e.source]["id"], ig.vs[e.target]["id"], e["kind"], e["weight"]) for e in ig.es)
        check(ig_edges == ties, f"{example} -> igraph: ties (kind, weight)")
        check(sorted(ig.vs["sector"]) == sorted(r["sector"] for r in rows), f"{example} -> igraph: sectors")

if failures:
    print(f"{len(failures)} interoperability check(s) failed")
    sys.exit(1)
print("NetworkX and igraph interoperability: all checks passed")
