#!/usr/bin/python3
"""Copies real network data sets from ../shared/data into tests/data for copnet's tests.

For each data set: <name>.nodes.csv and <name>.ties.csv as they are, every relation whole
(friendship and marriage included), <name>.relations.csv declaring the relations beyond
copnet's built-in three (DESIGN §3.4: friendship is affect, marriage a mutual affiliation), and
<name>.reference.json with the reference values the tests use, per relation, each with the exact
call that produced it (NetworkX 2.8.8, python-igraph 0.10.2, R sna 2.7.1; see
shared/data/README.md). Re-run after shared/data changes:
    /usr/bin/python3 tests/data/make_fixtures.py

The sets of WHOLE (Kapferer t1 and t2, Davis, EIES; issue 19 item 6) keep every reference
value of the shared JSON (bindings/python/tests/test_shared_data.py checks them all) and
declare every relation they hold in relations.csv, built-in names included (a relations file
may redeclare a built-in relation while it has no ties; docs/formats.md): their roles are read
from the data sets' own descriptions (tests/data/README.md says why). EIES also gets its
message counts, which the shared ties.csv leaves in originals/extracted: a `messages` relation
(communication, directed, count) from networkdata's eies_messages (MIT), self-messages
dropped, checked against xUCINET's copy; the script stops if the two disagree.
"""
import csv
import io
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SHARED = os.path.normpath(os.path.join(HERE, "..", "..", "..", "shared", "data"))
EXTRACTED = os.path.join(SHARED, "originals", "extracted")
SETS = ["krackhardt-hightech", "lazega-lawfirm", "ckm-physicians", "padgett-florentine",
        "kapferer-tailor-t1", "kapferer-tailor-t2", "davis-southern-women", "eies-networkers"]
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
# Copied whole (every reference value), with every relation declared: name -> declarations.
WHOLE = {
    # Kapferer (1972), xUCINET's description: "sociational (friendship, socioemotional)"
    # interactions, symmetric (both arcs in ties.csv: directed keeps each row a tie), and
    # "instrumental (work- and assistance-related)" ones, one row per pair (mutual).
    "kapferer-tailor-t1": ["collaboration,collaboration,mutual,positive,binary",
                           "friendship,affect,directed,positive,binary"],
    "kapferer-tailor-t2": ["collaboration,collaboration,mutual,positive,binary",
                           "friendship,affect,directed,positive,binary"],
    # Davis, Gardner & Gardner (1941): two-mode, a row per woman's attendance at an event (the
    # shared file's name, collaboration, kept); attendance is an affiliation (DESIGN §3.5).
    "davis-southern-women": ["collaboration,affiliation,mutual,positive,binary"],
    # Freeman & Freeman (1979): collaboration = the pairs that exchanged at least one EIES
    # message (the shared file's name kept), communication; friendship = acquaintance >= 3 at
    # time 2, affect; messages = the number of messages i sent j, communication, count.
    "eies-networkers": ["collaboration,communication,mutual,positive,binary",
                        "friendship,affect,directed,positive,binary",
                        "messages,communication,directed,positive,count"],
}


def extracted(name):
    with open(os.path.join(EXTRACTED, name), newline="") as f:
        return list(csv.DictReader(f))


def eies_messages(ids):
    """EIES message counts i -> j (self-messages dropped) from networkdata's eies_messages
    (vertices 1-based in the order of xUCINET's attributes, i.e. of nodes.csv); stops unless
    xUCINET's Messages matrix holds the same counts."""
    nd = {(ids[int(r["source"]) - 1], ids[int(r["target"]) - 1]): int(r["weight"])
          for r in extracted("networkdata_eies_messages.edges.csv") if r["source"] != r["target"]}
    xu = {(r["source"], r["target"]): int(r["value"])
          for r in extracted("xUCINET_Freeman_EIES.Messages.csv") if r["source"] != r["target"]}
    if nd != xu:
        sys.exit("eies-networkers: networkdata and xUCINET message counts differ")
    return [[s, t, "messages", str(v)] for (s, t), v in nd.items()]


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
        if name == "eies-networkers":
            ids = [r[0] for r in csv.reader(io.StringIO(nodes))][1:]
            w.writerows(eies_messages(ids))
        declared = [RELATIONS[r] for r in sorted({r[2] for r in rows[1:]} & set(RELATIONS))]
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
        if name in WHOLE:
            declared = WHOLE[name]
            fixture.update(calls=ref["calls"], kinds=ref["kinds"], nodes=ref["nodes"],
                           notes=ref["notes"], source_checks=ref["source_checks"])
        if name == "eies-networkers":
            fixture["notes"] = ref["notes"] + [
                "messages (added by tests/data/make_fixtures.py, no reference values of its own): "
                "the number of messages i sent j, from networkdata eies_messages (self-messages "
                "dropped; identical to xUCINET's Messages); its pairs are collaboration's"]
        with open(os.path.join(HERE, name + ".nodes.csv"), "w", newline="") as f:
            f.write(nodes)
        with open(os.path.join(HERE, name + ".ties.csv"), "w", newline="") as f:
            f.write(out.getvalue())
        with open(os.path.join(HERE, name + ".relations.csv"), "w", newline="") as f:
            f.write("name,role,direction,polarity,scale\n")
            for line in declared:
                f.write(line + "\n")
        with open(os.path.join(HERE, name + ".reference.json"), "w") as f:
            json.dump(fixture, f, indent=1, sort_keys=True)
            f.write("\n")
        print(name, "ok")


if __name__ == "__main__":
    sys.exit(main())
