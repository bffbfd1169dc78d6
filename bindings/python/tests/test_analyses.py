"""Gaps, boundaries and circles from Python: agreement with NetworkX on seeded random graphs
(tolerance 1e-9) for every measure NetworkX also has, and the reports on the example."""
from __future__ import annotations

import json
import os
import math
import random

import networkx as nx
import pytest

import copnet
from conftest import random_digraph, random_graph

SECTORS = ("schools", "families", "agencies", "youth")


def with_sectors(g: nx.Graph, seed: int) -> nx.Graph:
    rng = random.Random(seed)
    for v in g.nodes:
        g.nodes[v]["sector"] = rng.choice(SECTORS)
    return g


def close(a: float, b: float) -> bool:
    return (math.isnan(a) and math.isnan(b)) or math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_coreness_agrees_with_networkx(seed: int) -> None:
    g = random_graph(400, 1600, seed)
    net = copnet.from_networkx(g)
    assert copnet.coreness(net) == nx.core_number(g)


@pytest.mark.parametrize("seed", [6, 7])
def test_components_agree_with_networkx(seed: int) -> None:
    g = random_graph(500, 300, seed)  # sparse: many pieces, isolated stakeholders among them
    net = copnet.from_networkx(g)
    pieces = copnet.components(net)
    assert len(pieces) > 10
    assert sorted(map(frozenset, pieces), key=min) == sorted(
        map(frozenset, nx.connected_components(g)), key=min)
    d = with_sectors(random_digraph(200, 150, seed), seed)
    assert sorted(map(frozenset, copnet.components(copnet.from_networkx(d))), key=min) == sorted(
        map(frozenset, nx.weakly_connected_components(d)), key=min)


@pytest.mark.parametrize("seed", [4, 5])
def test_articulation_points_and_bridges_agree_with_networkx(seed: int) -> None:
    g = random_graph(300, 330, seed)  # sparse: many cut points
    net = copnet.from_networkx(g)
    assert set(copnet.articulation_points(net)) == set(nx.articulation_points(g))
    ours = {frozenset(b) for b in copnet.bridges(net)}
    assert ours == {frozenset(b) for b in nx.bridges(g)}
    assert ours  # the graph has bridges: the comparison means something


@pytest.mark.parametrize("seed", [6, 7])
def test_structural_holes_agree_with_networkx(seed: int) -> None:
    g = random_digraph(150, 600, seed)
    net = copnet.from_networkx(g)
    for weighted in (False, True):
        w = "weight" if weighted else None
        holes = copnet.structural_holes(net, weighted=weighted)
        constraint = nx.constraint(g, weight=w)
        size = nx.effective_size(g, weight=w)
        assert [h.id for h in holes] == list(g)
        for v in g:
            assert close(holes[v].constraint, constraint[v]), (v, weighted)
            assert close(holes[v].effective_size, size[v]), (v, weighted)


@pytest.mark.parametrize("seed", [8, 9])
def test_betweenness_agrees_with_networkx(seed: int) -> None:
    g = random_digraph(200, 700, seed)
    net = copnet.from_networkx(g)
    ours = copnet.betweenness(net, threads=2)
    theirs = nx.betweenness_centrality(g, normalized=False)
    assert all(close(ours[v], theirs[v]) for v in g)
    ours = copnet.betweenness(net, undirected=True, normalized=True)
    theirs = nx.betweenness_centrality(nx.Graph(g), normalized=True)
    assert all(close(ours[v], theirs[v]) for v in g)


@pytest.mark.parametrize("seed", [10, 11])
def test_assortativity_agrees_with_networkx(seed: int) -> None:
    g = with_sectors(random_digraph(300, 1200, seed), seed)
    net = copnet.from_networkx(g)
    assert close(copnet.attribute_assortativity(net, "sector"),
                 nx.attribute_assortativity_coefficient(g, "sector"))


@pytest.mark.parametrize("seed", [13, 14])
def test_numeric_assortativity_agrees_with_networkx(seed: int) -> None:
    import random
    rng = random.Random(seed)
    for directed in (True, False):
        g = random_digraph(300, 1200, seed) if directed else random_graph(300, 1200, seed)
        nx.set_node_attributes(g, {v: rng.choice([-2, 0.5, 1, 3.25, 7]) for v in g}, "score")
        net = copnet.from_networkx(g)
        assert close(copnet.numeric_assortativity(net, "score"),
                     nx.numeric_assortativity_coefficient(g, "score")), directed
    with pytest.raises(copnet.InvalidValue, match="categorical"):
        copnet.numeric_assortativity(net, "sector")


def test_mixing_matrix_agrees_with_networkx() -> None:
    g = with_sectors(random_digraph(200, 800, 12), 12)
    net = copnet.from_networkx(g)
    m = copnet.mixing_matrix(net, "sector")
    theirs = nx.attribute_mixing_dict(g, "sector")
    assert sorted(m.mixing) == sorted(SECTORS)
    for a, row in m.mixing.items():
        assert list(row) == list(m.mixing)  # every category, in one order
        for b, ties in row.items():
            assert ties == theirs.get(a, {}).get(b, 0)
    assert m.total == g.number_of_edges()
    assert m.crossing == m.total - sum(m.mixing[a][a] for a in m.mixing)


def test_gaps_report_on_the_example(example: copnet.Network) -> None:
    cop = example.community()
    rep = copnet.representation(example, cop, facets=["sector", "level"])
    sectors = [r for r in rep.representation if r.facet == "sector"]
    assert sum(r.landscape for r in sectors) == len(example)
    assert sum(r.core for r in sectors) == cop.count("core")
    for r in sectors:
        if r.landscape and r.core + r.inner:
            share = r.landscape / len(example)
            assert r.ratio.leading == pytest.approx(r.share.leading / share)
        assert r.status in ("ok", "missing", "under_represented", "unknown")
    cands = copnet.candidates(example, cop, limit=5)
    assert 0 < len(cands) <= 5
    assert all(c.id not in cop for c in cands)
    assert [c.score for c in cands] == sorted((c.score for c in cands), reverse=True)
    for c in cands:
        p = c.parts
        assert c.score == pytest.approx(p.ties + p.categories + p.stance + p.reach)
        assert c.reasons and all(r.code and r.text for r in c.reasons)
    frag = copnet.fragility(example, cop)
    assert len(frag.departures) == cop.count("core")
    assert frag.fragile
    for a in frag.fragile:
        assert a.splits_into == len(a.pieces) >= 2 and a.circle == cop[a.id].value
    whole = copnet.gaps(example, cop)
    assert whole.fragile == frag.fragile and whole.candidates[:5] == cands
    with pytest.raises(copnet.InvalidValue):
        copnet.candidates(example, cop, no_such_option=1)
    with pytest.raises(copnet.UnknownStakeholder):
        copnet.fragility(example, cop, departures=[["nobody"]])


def test_taxonomy_from_a_dict_names_who_is_missing(example: copnet.Network) -> None:
    rep = copnet.representation(example, facets=["sector"],
                                taxonomy={"sector": {"tribal nations": ["tribes"]}})
    missing = {(m.facet, m.category, m.landscape) for m in rep.missing}
    assert ("sector", "tribal nations", 0) in missing


def test_boundaries_report(example: copnet.Network) -> None:
    r = copnet.boundaries(example, "sector", permutations=200, seed=3)
    assert r.facet == "sector" and r.total > 0
    assert r.permutations == 200 and 0.0 <= r.ei_p_greater <= 1.0
    assert [b.id for b in r.brokerage] == list(example)
    assert set(r.levels_by_kind) == {k.value for k in copnet.TieKind}
    # The report is its parts: the same fields as the separate analyses.
    ei = copnet.ei_index(example, "sector", permutations=200, seed=3)
    assert {k: r[k] for k in ei} == ei
    assert r.to_dict()["holes"] == copnet.structural_holes(example).to_list()
    assert copnet.level_crossing(example).levels == r.levels
    again = copnet.boundaries(example, "sector", permutations=200, seed=3, threads=1)
    # The same whatever the threads (NaN-aware: JSON text spells NaN the same each time).
    assert json.dumps(again.to_dict(), sort_keys=True) == json.dumps(r.to_dict(), sort_keys=True)
    with pytest.raises(copnet.InvalidValue):
        copnet.boundaries(example, "circle")


def test_circles_on_the_example(example: copnet.Network, tmp_path) -> None:
    cop = example.community()
    fit = copnet.circle_fit(example, cop)
    assert fit.members == len(cop) and -1.0 <= fit.core_vs_rest <= 1.0
    assert fit.best >= fit.core_inner_vs_outer - 1e-12
    cp = copnet.core_periphery(example, cop)
    assert cp.core == [s.id for s in cp.scores if s.core]
    assert max(s.score for s in cp.scores) == pytest.approx(1.0)
    d = copnet.circle_density(example, cop)
    assert len(d.density) == 16 and list(d.reciprocity) == ["core", "inner", "outer", "none"]
    for s in copnet.suggest_moves(example, cop):
        assert s.kind in ("move_inward", "at_risk", "invite") and s.why
    snapshot = tmp_path / "before.csv"
    first, second = cop.members("outer")[:2]
    snapshot.write_text("id,circle\n" + "\n".join(f"{m},{cop[m].value}" for m in cop
                                                   if m != first) + f"\n{second},core\n")
    with pytest.raises(copnet.ParseError) as info:  # second listed twice
        copnet.read_membership(example, snapshot, "before")
    assert info.value.line > 1 and "before" not in [c.name for c in example.communities()]
    snapshot.write_text("id,circle\n" + "\n".join(f"{m},{cop[m].value}" for m in cop
                                                   if m != first) + "\n")
    before = copnet.read_membership(example, snapshot, "before")
    t = copnet.trajectories(example, before, cop, facet="sector")
    assert t.counts["joined"] == 1 and t.counts["stayed"] == len(cop) - 1
    assert [x.id for x in t.members if x.movement == "joined"] == [first]


def test_files_round_trip(example: copnet.Network, tmp_path) -> None:
    for name, write, read in (("n.graphml", copnet.write_graphml, copnet.read_graphml),
                              ("n.json", copnet.write_json, copnet.read_json),
                              ("n.xml", copnet.write_archive, copnet.read_archive),
                              ("n.bin", copnet.write_archive, copnet.read_archive)):
        path = tmp_path / name
        write(example, path)
        assert read(path) == example, name
    g = nx.read_graphml(tmp_path / "n.graphml")
    assert g.number_of_nodes() == len(example)
    (tmp_path / "bad.xml").write_text("<not an archive")
    with pytest.raises(copnet.ParseError):
        copnet.read_archive(tmp_path / "bad.xml")


def test_circle_map_and_dot(example: copnet.Network, tmp_path) -> None:
    import xml.etree.ElementTree as ET
    core = example.community().members("core")
    svg = copnet.circle_map_svg(example, highlight=core, caption="invented data")
    root = ET.fromstring(svg)
    dots = [e for e in root.iter() if e.tag.endswith("circle") and e.get("class") == "stakeholder"]
    assert len(dots) == len(example)
    copnet.write_circle_map(example, tmp_path / "map.svg", facet="level")
    assert (tmp_path / "map.svg").read_text().startswith("<?xml")
    copnet.write_dot(example, tmp_path / "net.dot")
    assert "digraph" in (tmp_path / "net.dot").read_text()
    with pytest.raises(copnet.UnknownStakeholder):
        copnet.circle_map_svg(example, highlight=["nobody"])
    with pytest.raises(copnet.InvalidValue):
        copnet.circle_map_svg(example, facet="circle")


def test_report_is_the_cli_page(tmp_path, example):
    """copnet.report: the same self-contained page as `copnet report`, as a str or a file."""
    import json
    import re
    net = example
    html = copnet.report(net, caption="invented data")
    assert html.startswith("<!DOCTYPE html>")
    data = json.loads(re.search(r'id="copnet-data">(.*?)</script>', html, re.S).group(1))
    assert data["map"]["shown"] == len(net)
    assert data["summary"]["stakeholders"] == len(net)
    assert data["meta"]["caption"] == "invented data"
    assert data["gaps"]["candidates"][0]["id"] == copnet.gaps(net, net.community()).candidates[0]["id"]
    path = tmp_path / "report.html"
    assert copnet.report(net, path, facet="level") is None
    assert path.read_text(encoding="utf-8").count('id="copnet-data"') == 1
    with pytest.raises(copnet.InvalidValue):
        copnet.report(net, facet="no such column")


def test_report_with_events_shows_the_health_windows(example):
    """copnet.report(events=…): "How are we doing over time" holds copnet.health's windows."""
    import json
    import re
    from conftest import EXAMPLE
    log = copnet.read_events(example, os.path.join(EXAMPLE, "events.csv"))
    html = copnet.report(example, events=log, every="1m")
    data = json.loads(re.search(r'id="copnet-data">(.*?)</script>', html, re.S).group(1))
    expected = copnet.health(example, log, every="1m").to_dict()
    assert data["health"]["windows"] == expected["windows"]
    without = json.loads(re.search(r'id="copnet-data">(.*?)</script>', copnet.report(example),
                                   re.S).group(1))
    assert "unavailable" in without["health"]
    with pytest.raises(copnet.InvalidValue, match="every needs events"):
        copnet.report(example, every="1m")
    other = copnet.read_events(example.copy(), os.path.join(EXAMPLE, "events.csv"))
    with pytest.raises(copnet.InvalidValue, match="another network"):
        copnet.report(example, events=other)


def test_gaps_and_read_csv_report_progress(tmp_path) -> None:
    net = copnet.generate(stakeholders=2000, ties=12000, seed=5)
    cop = net.community()
    seen: list[tuple[int, int]] = []
    report = copnet.gaps(net, cop, threads=2, progress=lambda d, t: seen.append((d, t)))
    total = len(net) + cop.count("core")  # stakeholders scored, then core departures
    assert seen[-1] == (total, total)
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)
    assert all(t == total for _, t in seen)
    assert report.to_dict() == copnet.gaps(net, cop, threads=1).to_dict()

    copnet.write_csv(net, str(tmp_path / "n.csv"), str(tmp_path / "t.csv"))
    seen.clear()
    back = copnet.read_csv(str(tmp_path / "n.csv"), str(tmp_path / "t.csv"),
                           progress=lambda d, t: seen.append((d, t)))
    assert len(back) == len(net) and back.tie_count() == net.tie_count()
    rows = (len(net) + 1) + 2 * (net.tie_count() + 1)  # nodes.csv's rows, then ties' twice
    assert seen[-1] == (rows, rows) and len(seen) > 10

    def fail(done: int, total: int) -> None:
        raise RuntimeError("stop")
    with pytest.raises(RuntimeError, match="stop"):
        copnet.read_csv(str(tmp_path / "n.csv"), str(tmp_path / "t.csv"), progress=fail)
