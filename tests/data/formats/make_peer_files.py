#!/usr/bin/python3
"""Writes the research-format fixtures with the peers' own writers, and the reference of what
each file holds (peer-files.reference.json).

Invented data: a six-person community of practice (no real people). Run with Debian's
/usr/bin/python3 (python3-networkx 2.8.8, python3-igraph 0.10.2 wrote the committed files):

    /usr/bin/python3 tests/data/formats/make_peer_files.py
"""
import json
import os

import igraph
import networkx as nx

HERE = os.path.dirname(os.path.abspath(__file__))

PEOPLE = [
    # id, sector, level, organization, role (an attribute)
    ("sa-01", "state agencies", "state", "Dept of Education", "director"),
    ("sa-02", "state agencies", "state", "Dept of Labor", "coordinator"),
    ("sch-01", "local schools", "local", "North High", "teacher"),
    ("sch-02", "local schools", "local", "South Middle", "counselor"),
    ("fam-01", "families", "local", "Parent Network", "parent"),
    ("na-01", "national organizations", "national", "Youth Alliance", "advocate"),
]
# source, target, relation, value: advice counts how often (1-3), friendship is binary.
TIES = [
    ("sch-01", "sa-01", "advice", 3), ("sch-02", "sa-01", "advice", 1),
    ("fam-01", "sch-01", "advice", 2), ("sa-02", "sa-01", "advice", 1),
    ("na-01", "sa-02", "advice", 2), ("sa-01", "na-01", "advice", 1),
    ("sch-01", "sch-02", "friendship", 1), ("sch-02", "sch-01", "friendship", 1),
    ("fam-01", "sch-02", "friendship", 1), ("sa-01", "sch-01", "friendship", 1),
]


def networkx_graph():
    g = nx.MultiDiGraph()
    for pid, sector, level, org, role in PEOPLE:
        g.add_node(pid, sector=sector, level=level, organization=org, role=role)
    for s, t, r, v in TIES:
        g.add_edge(s, t, relation=r, weight=v)
    return g


def igraph_graph():
    g = igraph.Graph(directed=True)
    g.add_vertices(len(PEOPLE))
    g.vs["name"] = [p[0] for p in PEOPLE]
    g.vs["id"] = [p[0] for p in PEOPLE]  # write_pajek labels vertices by "id"
    g.vs["sector"] = [p[1] for p in PEOPLE]
    g.vs["level"] = [p[2] for p in PEOPLE]
    g.vs["organization"] = [p[3] for p in PEOPLE]
    g.vs["role"] = [p[4] for p in PEOPLE]
    index = {p[0]: i for i, p in enumerate(PEOPLE)}
    g.add_edges([(index[s], index[t]) for s, t, _, _ in TIES])
    g.es["relation"] = [r for _, _, r, _ in TIES]
    g.es["weight"] = [float(v) for _, _, _, v in TIES]
    return g


def main():
    g = networkx_graph()
    nx.write_gexf(g, os.path.join(HERE, "networkx.gexf"))
    nx.write_gml(g, os.path.join(HERE, "networkx.gml"))
    nx.write_pajek(g, os.path.join(HERE, "networkx.net"))
    h = igraph_graph()
    h.write_gml(os.path.join(HERE, "igraph.gml"))
    h.write_pajek(os.path.join(HERE, "igraph.net"))
    reference = {
        "made_by": "tests/data/formats/make_peer_files.py with NetworkX %s and python-igraph %s"
        % (nx.__version__, igraph.__version__),
        "data": "invented",
        "stakeholders": {p[0]: {"sector": p[1], "level": p[2], "organization": p[3], "role": p[4]}
                         for p in PEOPLE},
        "ties": [list(t) for t in TIES],
    }
    with open(os.path.join(HERE, "peer-files.reference.json"), "w") as f:
        json.dump(reference, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
