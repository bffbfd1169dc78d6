"""Relations from Python (DESIGN §3.4): declared with their meaning, named in ties and filters,
carried through NetworkX; the real data sets of tests/data load whole."""
from __future__ import annotations

import math

import networkx as nx
import pytest

import copnet
from conftest import ROOT

DATA = ROOT / "tests" / "data"


def krackhardt() -> copnet.Network:
    return copnet.read_csv(str(DATA / "krackhardt-hightech.nodes.csv"),
                           str(DATA / "krackhardt-hightech.ties.csv"),
                           relations=str(DATA / "krackhardt-hightech.relations.csv"))


def test_a_data_set_loads_with_all_its_relations() -> None:
    net = krackhardt()
    assert [r.name for r in net.relations] == ["authority", "influence", "collaboration",
                                               "friendship"]
    friendship = net.find_relation("Friendship")
    assert friendship is not None and friendship.role == "affect" and friendship.scale == "binary"
    assert net.tie_count("friendship") == 102 and net.tie_count() == 312
    assert net.summary().ties == {"authority": 20, "influence": 190, "collaboration": 0,
                                  "friendship": 102}
    # Filters name relations: friendship alone reaches fewer than every relation together.
    alone = copnet.reach(net, ["A01"], kinds="friendship", max_hops=1).count
    every = copnet.reach(net, ["A01"], max_hops=1).count
    assert 1 < alone < every
    assert copnet.reach(net, ["A01"], kinds=["friendship"], max_hops=1).count == alone
    assert copnet.reach(net, ["A01"], kinds="role:affect", max_hops=1).count == alone
    with pytest.raises(copnet.InvalidValue, match="unknown relation \"trust\""):
        copnet.reach(net, ["A01"], kinds="trust")


def test_relations_are_declared_with_their_meaning() -> None:
    net = copnet.Network()
    for who in "abc":
        net.add_stakeholder(who)
    messages = net.add_relation("messages", role="communication", scale="count")
    assert messages == copnet.Relation("messages", "communication", "directed", "positive",
                                       "count")
    net.add_relation("dislike", role="affect", polarity="negative")
    net.add_relation("cowork", role="collaboration", direction="mutual")
    assert net.add_tie("a", "b", "messages", 12) is True
    assert net.add_tie("a", "b", "messages", 30) is False  # merged: counts add up
    assert net.tie("a", "b", "messages").weight == 42
    net.add_tie("b", "c", "dislike")
    net.add_tie("c", "a", "cowork")
    assert net.tie("a", "c", "cowork") is not None  # mutual: either order
    # Negative relations are followed only when named; every tie is listed.
    assert copnet.reach(net, ["b"]).count == 1
    assert copnet.reach(net, ["b"], kinds="dislike").count == 2
    assert len(net.ties()) == 3
    with pytest.raises(copnet.InvalidValue, match="not a count"):
        net.add_tie("a", "b", "messages", -1)
    with pytest.raises(copnet.InvalidValue, match="outside \\[0,1\\]"):
        net.add_tie("a", "b", "influence", 4)
    with pytest.raises(copnet.InvalidValue, match="unknown relation"):
        net.add_tie("a", "b", "trust")
    with pytest.raises(copnet.InvalidValue, match="declared twice"):
        net.add_relation("messages", role="affect")
    with pytest.raises(copnet.InvalidValue, match="unknown scale"):
        net.add_relation("x", scale="ordinal")


def test_relations_files_round_trip(tmp_path) -> None:
    net = krackhardt()
    copnet.write_relations(net, str(tmp_path / "relations.csv"))
    copnet.write_csv(net, str(tmp_path / "n.csv"), str(tmp_path / "t.csv"))
    back = copnet.read_csv(str(tmp_path / "n.csv"), str(tmp_path / "t.csv"),
                           relations=str(tmp_path / "relations.csv"))
    assert back == net
    bad = tmp_path / "bad.csv"
    bad.write_text("name,role\nx,boss\n")
    fresh = copnet.Network()
    with pytest.raises(copnet.ParseError) as info:
        copnet.read_relations(fresh, str(bad))
    assert info.value.line == 2 and info.value.field == "role"
    assert len(fresh.relations) == 3  # unchanged
    # GraphML and JSON carry the declarations; NetworkX reads copnet's GraphML.
    copnet.write_graphml(net, tmp_path / "k.graphml")
    assert copnet.read_graphml(tmp_path / "k.graphml") == net
    copnet.write_json(net, tmp_path / "k.json")
    assert copnet.read_json(tmp_path / "k.json") == net
    g = nx.read_graphml(tmp_path / "k.graphml")
    assert "friendship,affect,directed,positive,binary" in g.graph["relations"]
    assert sum(1 for *_, d in g.edges(data=True) if d["kind"] == "friendship") == 102
    back = copnet.from_networkx(g)  # NetworkX's reading of copnet's GraphML, back in copnet
    assert back.find_relation("friendship").role == "affect"
    assert back.tie_count("friendship") == 102
    copnet.write_archive(net, tmp_path / "k.txt")  # version 3: the declarations inside
    assert copnet.read_archive(tmp_path / "k.txt") == net


def test_networkx_keeps_every_relation() -> None:
    net = krackhardt()
    g = net.to_networkx()
    assert isinstance(g, nx.MultiDiGraph)
    assert sum(1 for *_, k in g.edges(keys=True) if k == "friendship") == 102
    _, _, data = next((u, v, d) for u, v, k, d in g.edges(keys=True, data=True) if k == "friendship")
    assert data["relation"] == "friendship" and data["value"] == data["weight"] == 1.0
    assert copnet.from_networkx(g) == net  # declarations and attribute order included
    # Plain NetworkX: parallel edges of different relations stay separate ties.
    m = nx.MultiDiGraph()
    m.add_edge("a", "b", key="advice")
    m.add_edge("a", "b", key="friendship", weight=0.5)
    m.add_edge("b", "a", relation="messages")
    plain = copnet.from_networkx(m)
    assert plain.tie_count() == 3
    assert {r.name for r in plain.relations} >= {"advice", "friendship", "messages"}
    assert plain.tie("a", "b", "friendship").weight == 0.5


def test_per_relation_betweenness_matches_networkx_on_friendship() -> None:
    net = krackhardt()
    g = nx.DiGraph((t.source, t.target) for t in net.ties(kinds="friendship"))
    g.add_nodes_from(net)
    ours = copnet.betweenness(net, kinds="friendship")
    theirs = nx.betweenness_centrality(g, normalized=False)
    assert all(math.isclose(ours[v], theirs[v], abs_tol=1e-9) for v in g)


def test_relations_report_matches_an_independent_count_on_krackhardt() -> None:
    # Computed straight from ties.csv with the csv module (no copnet): pairs per relation,
    # overlaps, multiplexity, and the authority ties that are advice (influence) ties too.
    import csv
    from collections import defaultdict
    rows = list(csv.DictReader(open(DATA / "krackhardt-hightech.ties.csv")))
    arcs = defaultdict(set)
    for r in rows:
        arcs[r["kind"]].add((r["source"], r["target"]))
    pairs = {k: {frozenset(a) for a in v} for k, v in arcs.items()}
    report = krackhardt_report = copnet.relations(krackhardt())
    by_name = {r.name: r for r in report.relations}
    n = 21
    for k, v in arcs.items():
        assert by_name[k].ties == len(v)
        assert math.isclose(by_name[k].density, len(v) / (n * (n - 1)))
    for o in report.overlap:
        a, b = pairs.get(o.a, set()), pairs.get(o.b, set())
        assert o.both == len(a & b)
        union = len(a | b)
        assert math.isclose(o.jaccard, len(a & b) / union if union else 0.0)
        assert math.isclose(o.a_in_b, len(a & b) / len(a) if a else 0.0)
    count = defaultdict(int)
    for p in set().union(*pairs.values()):
        count[sum(p in s for s in pairs.values())] += 1
    assert report.multiplexity == {str(k): v for k, v in sorted(count.items())}
    (al,) = [x for x in krackhardt_report.alignment if x.authority == "authority"
             and x.influence == "influence"]
    aligned = sum(1 for arc in arcs["authority"] if arc in arcs["influence"])
    assert al.authority_ties == 20 and al.aligned == aligned
    assert math.isclose(al.share, aligned / 20)


def test_formulas_derive_relations() -> None:
    net = krackhardt()
    r = net.derive_relation("influence & !authority")
    assert r.name == "influence&!authority" and r.role == "influence" and r.scale == "binary"
    advice = {(t.source, t.target) for t in net.ties(kinds="influence")}
    bosses = {(t.source, t.target) for t in net.ties(kinds="authority")}
    derived = {(t.source, t.target) for t in net.ties(kinds="influence&!authority")}
    assert derived == advice - bosses  # by definition, pair by pair
    with pytest.raises(copnet.InvalidValue, match="holds for pairs"):
        net.derive_relation("!friendship")
    with pytest.raises(copnet.InvalidValue, match="unknown relation"):
        net.derive_relation("friendship|trust")


def test_merge_policies() -> None:
    nodes = "id\na\nb\n"
    ties = "source,target,relation,value\na,b,influence,0.5\na,b,influence,0.25\n"
    value = lambda net: net.ties()[0].weight  # noqa: E731
    assert value(copnet.parse_csv(nodes, ties)) == 0.5  # unit scale: the larger
    assert value(copnet.parse_csv(nodes, ties, merge="sum")) == 0.75
    assert value(copnet.parse_csv(nodes, ties, merge="first")) == 0.5
    with pytest.raises(copnet.ParseError) as info:
        copnet.parse_csv(nodes, ties, merge="error")
    assert info.value.line == 3 and info.value.field == "relation"
    with pytest.raises(copnet.InvalidValue, match="merge policy"):
        copnet.parse_csv(nodes, ties, merge="mean")


def test_krackhardt_walkthrough_of_python_md() -> None:
    # Real data (tests/data); the numbers of docs/python.md and docs/concepts.md.
    net = copnet.read_csv(str(DATA / "krackhardt-hightech.nodes.csv"),
                          str(DATA / "krackhardt-hightech.ties.csv"),
                          relations=str(DATA / "krackhardt-hightech.relations.csv"))
    assert copnet.relations(net).alignment[0].share == pytest.approx(0.95, abs=1e-12)
    informal = net.derive_relation("influence & !authority")
    assert informal.name == "influence&!authority" and informal.role == "influence"
    reached = copnet.reach(net, ["A07"], max_hops=1, kinds=informal.name)
    assert sorted(x.id for x in reached.reached) == [
        "A03", "A05", "A07", "A08", "A09", "A11", "A12", "A15", "A17", "A19"]


def test_first_contact_files() -> None:
    # NetworkX's karate club as networkx.write_edgelist writes it, and as a graph.
    net = copnet.read_edge_list(str(DATA / "karate-club.edgelist"), scale="count")
    assert len(net) == 34 and net.tie_count() == 78
    assert net.find_relation("edge").scale == "count"
    with pytest.raises(copnet.ParseError, match="--scale count"):
        copnet.read_edge_list(str(DATA / "karate-club.edgelist"))
    g = nx.karate_club_graph()
    from_graph = copnet.from_networkx(g, scale="count")
    assert from_graph.tie("0", "1", "edge").weight == 4
    # keyed by the graph's own (integer) nodes; the edge list's network by its string ids
    assert copnet.coreness(from_graph) == nx.core_number(g)
    assert copnet.coreness(net) == {str(k): v for k, v in nx.core_number(g).items()}
    # A European spreadsheet (invented) and its UTF-8 twin; a column map.
    eu = copnet.read_csv(str(DATA / "messy-excel-eu.nodes.csv"), str(DATA / "messy-excel-eu.ties.csv"),
                         decimal_comma=True)
    twin = copnet.read_csv(str(DATA / "messy-excel-eu.utf8.nodes.csv"),
                           str(DATA / "messy-excel-eu.utf8.ties.csv"))
    assert eu == twin
    assert eu.stakeholder("fr00").name == "Élodie Müller"
    krack = copnet.parse_csv("id,level\nA01,manager\nA02,vice-president\n", "a,b\nA01,A02\n",
                             columns={"level": "rank", "a": "source", "b": "target"})
    assert krack.stakeholder("A01").attributes == {"rank": "manager"}
    with pytest.raises(copnet.ParseError, match="--columns"):
        copnet.parse_csv("id\nA01\n", "source,target\n", columns={"levle": "rank"})
    assert copnet.parse_csv(None, "x;y;0,5\n", decimal_comma=True).tie_count() == 1


def test_one_version() -> None:
    import re
    cmake = (ROOT / "CMakeLists.txt").read_text()
    assert copnet.__version__ == re.search(r"project\(copnet VERSION ([0-9.]+)", cmake).group(1)
