#!/usr/bin/python3
"""Copies real network data sets from ../shared/data into tests/data for copnet's tests.

For each data set: <name>.nodes.csv and <name>.ties.csv as they are, every relation whole
(friendship and marriage included), <name>.relations.csv declaring the relations beyond
copnet's built-in three (DESIGN §3.4: friendship is affect, marriage a mutual affiliation), and
<name>.reference.json with the reference values the tests use, per relation, each with the exact
call that produced it (NetworkX 2.8.8, python-igraph 0.10.2, R sna 2.7.1; see
shared/data/README.md). Re-run after shared/data changes:
    /usr/bin/python3 tests/data/make_fixtures.py
"""
import csv
import io
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SHARED = os.path.normpath(os.path.join(HERE, "..", "..", "..", "shared", "data"))
SETS = ["krackhardt-hightech", "lazega-lawfirm", "ckm-physicians", "padgett-florentine"]
# The declarations of the relations the data sets have beyond the built-in three.
RELATIONS = {
    "friendship": "friendship,affect,directed,positive,binary",
    "marriage": "marriage,affiliation,mutual,positive,binary",
}
KEYS = ["reach_out", "core_number", "articulation_points", "direction", "ties",
        # boundary-crossing (issue 5): E-I by hand, brokerage by R sna, the rest by NetworkX
        "ei_index", "brokerage", "betweenness_directed", "betweenness_undirected",
        "constraint_directed", "constraint_undirected", "effective_size_directed",
        "effective_size_undirected"]


def main():
    for name in SETS:
        src = os.path.join(SHARED, name)
        with open(src + ".nodes.csv", newline="") as f:
            nodes = f.read()
        with open(src + ".ties.csv", newline="") as f:
            rows = list(csv.reader(f))
        out = io.StringIO()
        w = csv.writer(out, lineterminator="\n")
        w.writerow(rows[0])
        w.writerows(rows[1:])
        declared = sorted({r[2] for r in rows[1:]} & set(RELATIONS))
        ref = json.load(open(src + ".reference.json"))
        fixture = {
            "source": f"shared/data/{name}.reference.json (copied by tests/data/make_fixtures.py)",
            "dataset": ref["dataset"],
            "tools": ref["tools"],
            "calls": {k: v for k, v in ref["calls"].items()
                      if k.split(".")[0] in KEYS or k.startswith("reach_out")},
            "kinds": {kind: {k: v for k, v in values.items() if k in KEYS}
                      for kind, values in ref["kinds"].items()},
        }
        with open(os.path.join(HERE, name + ".nodes.csv"), "w", newline="") as f:
            f.write(nodes)
        with open(os.path.join(HERE, name + ".ties.csv"), "w", newline="") as f:
            f.write(out.getvalue())
        with open(os.path.join(HERE, name + ".relations.csv"), "w", newline="") as f:
            f.write("name,role,direction,polarity,scale\n")
            for r in declared:
                f.write(RELATIONS[r] + "\n")
        with open(os.path.join(HERE, name + ".reference.json"), "w") as f:
            json.dump(fixture, f, indent=1, sort_keys=True)
            f.write("\n")
        print(name, "ok")


if __name__ == "__main__":
    sys.exit(main())
