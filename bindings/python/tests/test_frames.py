"""NetworkX-shaped and pandas-shaped results (issue 17, item 9): per-stakeholder results keyed by
the graph's own nodes, to_networkx(multigraph=False) for the algorithms that refuse
multigraphs, and to_pandas() on every per-stakeholder result. Expected values are NetworkX's
own (core_number, betweenness_centrality) on its karate club, and the records themselves."""
from __future__ import annotations

import math
import sys
from typing import Any

import networkx as nx
import pytest

import copnet

from conftest import random_digraph


@pytest.fixture
def karate() -> nx.Graph:
    return nx.karate_club_graph()  # integer nodes 0..33, weights 1-7


def test_set_node_attributes_takes_coreness_of_an_integer_node_graph(karate: nx.Graph) -> None:
    net = copnet.from_networkx(karate, scale="count")
    cores = copnet.coreness(net)
    assert isinstance(cores, copnet.ByStakeholder) and isinstance(cores, dict)
    nx.set_node_attributes(karate, cores, "core")  # silently set nothing when keyed by str
    expected = nx.core_number(karate)
    assert all(karate.nodes[n]["core"] == expected[n] for n in karate)
    b = copnet.betweenness(net, normalized=True)
    nb = nx.betweenness_centrality(karate)
    assert set(b) == set(karate) and all(b[n] == pytest.approx(nb[n], abs=1e-9) for n in nb)
    counts = copnet.reach_counts(net, max_hops=1)
    assert counts == {n: karate.degree(n) for n in karate}
    r = copnet.reach(net, ["0"], max_hops=2)
    nx.set_node_attributes(karate, r.hops, "hops")
    assert r.hops == nx.single_source_shortest_path_length(karate, 0, cutoff=2)
    assert all(karate.nodes[n]["hops"] == h for n, h in r.hops.items())
    # Records keep the ids the CLI prints; a copy keeps the graph's nodes.
    assert copnet.reach(net, ["0"], max_hops=1).reached[0].id == "0"
    assert list(copnet.coreness(net.copy())) == list(karate)
    # Graphs of string nodes stay keyed by their strings.
    assert list(copnet.coreness(copnet.from_networkx(random_digraph(20, 40, 3)))) == \
        [f"s{v:04d}" for v in range(20)]


def test_to_networkx_gives_a_simple_graph_nx_core_number_takes(karate: nx.Graph) -> None:
    net = copnet.from_networkx(karate, scale="count")
    g = net.to_networkx(multigraph=False)
    assert type(g) is nx.Graph  # the relation "edge" is mutual
    assert list(g) == list(karate)  # the original integer nodes
    assert {frozenset(e) for e in g.edges} == {frozenset(e) for e in karate.edges}
    assert all(g.edges[u, v]["weight"] == karate.edges[u, v]["weight"] for u, v in karate.edges)
    assert nx.core_number(g) == copnet.coreness(net) == nx.core_number(karate)
    with pytest.raises(nx.NetworkXNotImplemented):
        nx.core_number(net.to_networkx())  # the multigraph, as before
    assert copnet.from_networkx(net.to_networkx()) == net  # the round trip, integer nodes too
    assert copnet.from_networkx(g) == net


def test_to_networkx_of_one_directed_relation_is_a_digraph(example: copnet.Network) -> None:
    with pytest.raises(copnet.InvalidValue, match="relation="):
        example.to_networkx(multigraph=False)  # three relations have ties: which one?
    d = example.to_networkx(multigraph=False, relation="influence")
    assert type(d) is nx.DiGraph
    influence = example.ties(kinds="influence")
    assert sorted(d.edges) == sorted((t.source, t.target) for t in influence)
    assert nx.core_number(d.to_undirected()) == copnet.coreness(example, kinds="influence")
    m = example.to_networkx(relation="authority")
    assert type(m) is nx.MultiDiGraph and m.number_of_edges() == example.tie_count("authority")


pd = pytest.importorskip("pandas", reason="python3-pandas is not installed: to_pandas() "
                                          "tests skipped")


def test_every_per_stakeholder_result_has_to_pandas(example: copnet.Network) -> None:
    cop = example.community()
    core = cop.members("core")
    results: Any = {
        "reach": copnet.reach(example, core, max_hops=2),
        "spread": copnet.spread(example, core, runs=50),
        "ei_index": copnet.ei_index(example, "sector", permutations=10),
        "brokerage": copnet.brokerage(example, "sector"),
        "core_periphery": copnet.core_periphery(example, cop),
        "trajectories": copnet.trajectories(example, cop, cop),
        "circles": copnet.circles(example),
        "boundaries": copnet.boundaries(example, permutations=10),
        "gaps": copnet.gaps(example),
        "fragility": copnet.fragility(example),
        "centrality": copnet.centrality(example, "degree,betweenness"),
        "structural_holes": copnet.structural_holes(example),
        "boundary_spanners": copnet.boundary_spanners(example, "sector"),
        "candidates": copnet.candidates(example),
    }
    for name, r in results.items():
        df = r.to_pandas()
        rows = r if isinstance(r, list) else r[r._rows if hasattr(r, "_rows") and r._rows
                                                else "stakeholders"]
        assert df.index.name == "id" and list(df.index) == [x["id"] for x in rows], name
        first = rows[0]
        for key, value in first.items():
            if key == "id":
                continue
            if isinstance(value, dict):  # nested records: outer.inner columns
                for k, v in value.items():
                    if not isinstance(v, dict):
                        got = df.iloc[0][f"{key}.{k}"]
                        assert got == v or (isinstance(v, float) and math.isnan(v)), (name, key)
            elif isinstance(value, float) and math.isnan(value):
                assert math.isnan(df.iloc[0][key]), (name, key)
            else:
                assert df.iloc[0][key] == value or list(df.iloc[0][key]) == list(value), \
                    (name, key)
    b = results["brokerage"].to_pandas()
    assert "expected.liaison" in b.columns and "z.liaison" in b.columns
    s = copnet.coreness(example).to_pandas()
    assert s.name == "coreness" and s.index.name == "id" and s.to_dict() == copnet.coreness(example)
    assert copnet.betweenness(example).to_pandas().name == "betweenness"
    # Another part of a report: to_pandas("holes"); rows without ids: a plain table.
    holes = results["boundaries"].to_pandas("holes")
    assert list(holes.columns) == ["effective_size", "constraint", "efficiency"]
    groups = results["ei_index"].groups.to_pandas()
    assert list(groups.columns)[:2] == ["group", "internal"] and groups.index.name is None


def test_to_pandas_indexes_by_the_original_nodes(karate: nx.Graph) -> None:
    net = copnet.from_networkx(karate, scale="count")
    t = copnet.centrality(net, "degree,coreness")
    df = t.to_pandas()
    assert list(df.index) == list(karate)
    assert df["coreness"].to_dict() == nx.core_number(karate)
    assert list(copnet.reach(net, ["0"]).to_pandas().index)[0] == 0
    assert list(copnet.structural_holes(net).to_pandas().index) == list(karate)
    assert copnet.coreness(net).to_pandas().to_dict() == nx.core_number(karate)


def test_without_pandas_to_pandas_says_what_is_missing(example: copnet.Network,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)  # import pandas raises ImportError
    for r in (copnet.reach(example, ["sa-01"]), copnet.coreness(example),
              copnet.structural_holes(example), copnet.centrality(example, "degree")):
        with pytest.raises(ImportError, match="needs pandas, an optional dependency"):
            r.to_pandas()
