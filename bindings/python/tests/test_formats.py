"""Research formats by extension: copnet.read / copnet.write, and round trips through the peers'
own readers and writers (NetworkX 2.8 read_/write_gexf, _gml, _pajek; python-igraph 0.10
Read_/write_GML, _Pajek). Every stakeholder, attribute, relation and value must survive."""
from __future__ import annotations

import dataclasses
import pathlib

import igraph
import networkx as nx
import pytest

import copnet
from conftest import EXAMPLE, TESTDATA

FIELDS = ("sector", "level", "organization")


@pytest.fixture
def cop() -> copnet.Network:
    """The bundled example (invented data) with a count relation of its own."""
    net = copnet.read_csv(str(EXAMPLE / "nodes.csv"), str(EXAMPLE / "ties.csv"))
    for s in list(net.stakeholders()):  # Pajek cannot hold a double quote
        if '"' in s.name:
            net.update_stakeholder(s.id, dataclasses.replace(s, name=s.name.replace('"', "'")))
    net.add_relation("messages", role="communication", scale="count")
    ids = [s.id for s in net.stakeholders()]
    for i in range(0, len(ids) - 1, 4):
        net.add_tie(ids[i], ids[i + 1], "messages", float(i + 2))
    return net


def ties_of(net: copnet.Network) -> set[tuple[str, str, str, float]]:
    return {(t.source, t.target, t.kind, t.weight) for t in net.ties()}


def fields_of(net: copnet.Network) -> dict[str, dict[str, str]]:
    out = {}
    for s in net.stakeholders():
        d = {f: str(getattr(s, f).value if hasattr(getattr(s, f), "value") else getattr(s, f)) for f in FIELDS}
        d.update(s.attributes)
        out[s.id] = {k: v for k, v in d.items() if v not in ("", "None")}
    return out


@pytest.mark.parametrize("name", ["cop.net", "cop.gml", "cop.gexf", "cop.graphml", "cop.json", "cop.txt"])
def test_write_then_read_by_extension_is_lossless(cop: copnet.Network, tmp_path: pathlib.Path, name: str) -> None:
    path = tmp_path / name
    fmt = copnet.write(cop, path)
    assert fmt == next(f["name"] for f in copnet.formats() if path.suffix in f["extensions"])
    back = copnet.read(path)
    assert back == cop


def test_unknown_extension_lists_the_known_ones(cop: copnet.Network, tmp_path: pathlib.Path) -> None:
    with pytest.raises(copnet.InvalidValue, match=r"unknown extension \".xyz\".*\.gexf"):
        copnet.write(cop, tmp_path / "a.xyz")
    with pytest.raises(copnet.InvalidValue, match="unknown extension"):
        copnet.read(tmp_path / "a.xyz")


def test_copnet_to_networkx_readers(cop: copnet.Network, tmp_path: pathlib.Path) -> None:
    """copnet -> file -> NetworkX: stakeholders, fields, relations and values."""
    want_fields = fields_of(cop)
    want_ties = {(s, t, k, w) for s, t, k, w in ties_of(cop)}
    copnet.write(cop, tmp_path / "c.gml")
    copnet.write(cop, tmp_path / "c.gexf", gexf_version="1.2draft")
    for g in (nx.read_gml(tmp_path / "c.gml"), nx.read_gexf(tmp_path / "c.gexf")):
        assert set(g.nodes) == set(want_fields)
        for node, fields in want_fields.items():
            for key, value in fields.items():
                assert str(g.nodes[node][key]) == value, (node, key)
        got = {(u, v, d["relation"], float(d["weight"])) for u, v, d in g.edges(data=True)}
        # A mutual tie is one edge of the directed graph, either way round.
        flip = {(t, s, k, w) for s, t, k, w in want_ties}
        assert all(e in want_ties or e in flip for e in got)
        assert len(got) == len(want_ties)
    # Pajek: NetworkX reads the vertex fields, and one relation (it reads the lines after its
    # first *Arcs or *Edges as ties: no multi-relational blocks).
    one = copnet.Network()
    for s in cop.stakeholders():
        one.add_stakeholder(s.id, name=s.name, sector=s.sector, level=s.level, organization=s.organization,
                            attributes=s.attributes)
    one.add_relation("messages", role="communication", scale="count")
    for s, t, k, w in ties_of(cop):
        if k == "messages":
            one.add_tie(s, t, "messages", w)
    copnet.write(one, tmp_path / "c.net")
    g = nx.read_pajek(tmp_path / "c.net")
    assert set(g.nodes) == set(want_fields)
    for node, fields in want_fields.items():
        for key, value in fields.items():
            assert g.nodes[node][key] == value, (node, key)
    assert {(u, v, float(d["weight"])) for u, v, d in g.edges(data=True)} == {
        (s, t, w) for s, t, k, w in want_ties if k == "messages"}
    assert copnet.read(tmp_path / "c.net") == one


def test_networkx_writers_to_copnet(tmp_path: pathlib.Path) -> None:
    """NetworkX -> file -> copnet: a multi-relational digraph with node fields (invented)."""
    g = nx.MultiDiGraph()
    g.add_node("a b", sector="families", level="local", role="parent")
    g.add_node("c", sector="schools", level="state", role="teacher")
    g.add_node("d", sector="schools", level="national", role="head")
    g.add_edge("a b", "c", relation="advice", weight=3)
    g.add_edge("c", "a b", relation="advice", weight=1)
    g.add_edge("a b", "c", relation="friendship", weight=1)
    g.add_edge("c", "d", relation="friendship", weight=1)
    nx.write_gml(g, tmp_path / "g.gml")
    nx.write_gexf(g, tmp_path / "g.gexf")
    nx.write_pajek(g, tmp_path / "g.net")
    for name in ("g.gml", "g.gexf", "g.net"):
        net = copnet.read(tmp_path / name)
        assert {s.id for s in net.stakeholders()} == set(g.nodes), name
        for node, data in g.nodes(data=True):
            s = net.stakeholder(node)
            assert s.sector == data["sector"] and s.level.value == data["level"]
            assert s.attributes["role"] == data["role"]
        assert ties_of(net) == {(u, v, d["relation"], float(d["weight"])) for u, v, d in g.edges(data=True)}, name


def test_igraph_round_trips(cop: copnet.Network, tmp_path: pathlib.Path) -> None:
    # copnet -> GML -> igraph: label = id, the fields as vertex attributes, relation and weight.
    copnet.write(cop, tmp_path / "c.gml")
    h = igraph.Graph.Read_GML(str(tmp_path / "c.gml"))
    assert sorted(h.vs["label"]) == sorted(s.id for s in cop.stakeholders())
    first = h.vs.find(label="sa-01")
    assert first["sector"] == cop.stakeholder("sa-01").sector
    got = {(h.vs[e.source]["label"], h.vs[e.target]["label"], e["relation"], e["weight"]) for e in h.es}
    flip = {(t, s, k, w) for s, t, k, w in ties_of(cop)}
    assert all(e in ties_of(cop) or e in flip for e in got) and len(got) == cop.tie_count()
    # igraph -> GML / Pajek -> copnet.
    g = igraph.Graph(directed=True)
    g.add_vertices(3)
    g.vs["name"] = ["x", "y", "z"]
    g.vs["id"] = ["x", "y", "z"]
    g.vs["sector"] = ["families", "schools", "schools"]
    g.add_edges([(0, 1), (1, 2), (2, 0)])
    g.es["weight"] = [0.5, 2.0, 1.0]
    g.es["relation"] = ["advice", "advice", "trust"]
    g.write_gml(str(tmp_path / "i.gml"))
    g.write_pajek(str(tmp_path / "i.net"))
    net = copnet.read(tmp_path / "i.gml")
    assert ties_of(net) == {("x", "y", "advice", 0.5), ("y", "z", "advice", 2.0), ("z", "x", "trust", 1.0)}
    assert net.stakeholder("x").sector == "families"
    net = copnet.read(tmp_path / "i.net")
    assert ties_of(net) == {("x", "y", "arc", 0.5), ("y", "z", "arc", 2.0), ("z", "x", "arc", 1.0)}
    # copnet -> plain Pajek (one relation, no fields) -> igraph.
    one = copnet.read(tmp_path / "i.gml")
    one.remove_tie("z", "x", "trust")
    copnet.write(one, tmp_path / "plain.net", fields=False)
    h = igraph.Graph.Read_Pajek(str(tmp_path / "plain.net"))
    assert h.is_directed() and h.ecount() == 2 and sorted(h.es["weight"]) == [0.5, 2.0]
    plain = copnet.read(tmp_path / "plain.net")
    assert ties_of(plain) == ties_of(one) and plain.stakeholder("x").sector == ""  # no fields


def test_matrices_one_file_per_relation(tmp_path: pathlib.Path) -> None:
    (tmp_path / "advice.csv").write_text(",a,b,c\na,0,1,0\nb,3,0,1\nc,0,0,0\n")
    (tmp_path / "cowork.csv").write_text(",a,b,c\na,0,1,1\nb,1,0,0\nc,1,0,0\n")
    net = copnet.read([tmp_path / "advice.csv", tmp_path / "cowork.csv"])
    assert ties_of(net) >= {("b", "a", "advice", 3.0), ("a", "b", "advice", 1.0)}
    assert next(r for r in net.relations if r.name == "cowork").direction == "mutual"
    copnet.write_matrix(net, tmp_path / "out.csv", "advice")
    import numpy as np
    m = np.loadtxt(tmp_path / "out.csv", delimiter=",", skiprows=1, usecols=(1, 2, 3))
    assert m.tolist() == [[0, 1, 0], [3, 0, 1], [0, 0, 0]]
    n2 = copnet.Network()
    assert copnet.read_matrix(n2, tmp_path / "out.csv", relation="advice") == 3


def test_bad_files_raise_parse_errors_naming_the_place(tmp_path: pathlib.Path) -> None:
    (tmp_path / "bad.net").write_text("*Vertices 2\n*Arcs\n1 7\n")
    with pytest.raises(copnet.ParseError) as e:
        copnet.read(tmp_path / "bad.net")
    assert e.value.line == 3 and e.value.field == "target"
    (tmp_path / "bad.gml").write_text("graph [ node [ id 0 ]\n")
    with pytest.raises(copnet.ParseError, match="truncated"):
        copnet.read_gml(tmp_path / "bad.gml")
    assert copnet.read_pajek(TESTDATA / "formats" / "igraph.net").tie_count() == 10


def test_dl_keeps_stakeholders_relations_and_values(cop: copnet.Network, tmp_path: pathlib.Path) -> None:
    copnet.write_dl(cop, tmp_path / "c.dl")
    back = copnet.read(tmp_path / "c.dl")
    assert {s.id for s in back.stakeholders()} == {s.id for s in cop.stakeholders()}
    want = {(s, t, k, w) for s, t, k, w in ties_of(cop)}
    got = ties_of(back)
    flip = {(t, s, k, w) for s, t, k, w in want}
    assert len(got) == len(want) and all(e in want or e in flip for e in got)
    net = copnet.read_dl(TESTDATA / "formats" / "ucinet" / "multiple-matrices.dl")
    assert ("cy", "ana", "advice", 2.0) in ties_of(net)


def test_roster_ties_are_the_named_alters(tmp_path: pathlib.Path) -> None:
    # A name-generator survey; the expected ties come from Python's csv module melting the
    # wide table (respondent → each filled STEM_k cell), independent of copnet's reader.
    import csv
    text = ("respondent,when,advice_1,advice_2,friend_1\n"
            "ana,mon,bea,cy,bea\n"
            "bea,mon,ana,,\n"
            "cy,tue,ana,bea,ana\n")
    path = tmp_path / "survey.csv"
    path.write_text(text)
    expected = set()
    for row in csv.DictReader(text.splitlines()):
        for column, alter in row.items():
            if "_" in column and column.rsplit("_", 1)[1].isdigit() and alter:
                expected.add((row["respondent"], alter, column.rsplit("_", 1)[0]))
    net = copnet.Network()
    for who in ("ana", "bea", "cy"):
        net.add_stakeholder(who)
    assert copnet.read_roster(net, path) == len(expected) == 7
    got = {(t.source, t.target, str(t.kind)) for t in net.ties(kinds="all")}
    assert got == expected
    with pytest.raises(copnet.ParseError, match=r"survey2.csv:2: advice_1: \"zed\""):
        path2 = tmp_path / "survey2.csv"
        path2.write_text("r,advice_1\nana,zed\n")
        copnet.read_roster(net, path2)
    assert copnet.read_roster(net, path2, create_missing=True) == 1
    assert "zed" in net


def test_roster_from_a_workbook_sheet_written_by_openpyxl(tmp_path: pathlib.Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    book.active.title = "notes"
    sheet = book.create_sheet("roster")
    for row in (["id", "advice_1", "advice_2"], [101, 102, 103], [102, 101, None], [103, "zed", None]):
        sheet.append(row)
    path = tmp_path / "survey.xlsx"
    book.save(path)
    net = copnet.Network()
    for who in ("101", "102", "103"):
        net.add_stakeholder(who)
    with pytest.raises(copnet.ParseError, match=r"roster!B4: advice_1: \"zed\""):
        copnet.read_roster(net, path)
    assert len(net) == 3 and net.tie_count() == 0
    assert copnet.read_roster(net, path, create_missing=True) == 4  # numbers read as ids 101…
    assert {(t.source, t.target) for t in net.ties(kinds="all")} == {
        ("101", "102"), ("101", "103"), ("102", "101"), ("103", "zed")}
