"""copnet.centrality and copnet.network (issue 20) against NetworkX, computed here: on NetworkX's
karate club (undirected, weights 1-7) and on a small directed graph with reciprocated arcs;
sna's reciprocity and dyad census from their definitions (docs/cli.md, `network`); the
DataFrame of ``to_pandas()``; bad input. Tolerance 1e-9."""
from __future__ import annotations

import io
import itertools
import math
import os
import subprocess
import sys
from typing import Any, Dict, Mapping

import networkx as nx
import pytest

import copnet
from conftest import EXAMPLE


def close(a: float, b: float, tol: float = 1e-9) -> bool:
    return (math.isnan(a) and math.isnan(b)) or math.isclose(a, b, rel_tol=tol, abs_tol=tol)


def column(table: copnet.CentralityTable, measure: str) -> Dict[str, Any]:
    return {r.id: r[measure] for r in table.stakeholders}


def assert_agree(got: Mapping[str, Any], expected: Mapping[Any, Any], tol: float = 1e-9) -> None:
    want = {str(k): float(v) for k, v in expected.items()}
    assert set(got) == set(want)
    bad = {k: (got[k], want[k]) for k in want if not close(float(got[k]), want[k], tol)}
    assert not bad


# ---- (a) the karate club: undirected, weights 1-7 ------------------------------------------

@pytest.fixture(scope="module")
def karate() -> nx.Graph:
    return nx.karate_club_graph()


@pytest.fixture(scope="module")
def karate_net(karate: nx.Graph) -> copnet.Network:
    return copnet.from_networkx(karate, scale="count")  # relation `edge`, mutual


def test_karate_centralities_agree_with_networkx(karate: nx.Graph,
                                                 karate_net: copnet.Network) -> None:
    t = copnet.centrality(karate_net)
    assert t.undirected
    assert t.measures == ["degree", "in_degree", "out_degree", "strength", "betweenness",
                          "closeness", "harmonic", "pagerank", "eigenvector", "coreness",
                          "constraint", "effective_size", "reciprocity"]
    assert [r.id for r in t.stakeholders] == [str(v) for v in karate]
    assert column(t, "degree") == {str(v): d for v, d in karate.degree}
    assert all(isinstance(d, int) for d in column(t, "degree").values())
    assert column(t, "in_degree") == column(t, "out_degree") == column(t, "degree")
    assert_agree(column(t, "strength"), dict(karate.degree(weight="weight")))
    assert_agree(column(t, "betweenness"), nx.betweenness_centrality(karate, normalized=False))
    assert_agree(column(t, "closeness"), nx.closeness_centrality(karate))
    assert_agree(column(t, "harmonic"), nx.harmonic_centrality(karate))
    assert_agree(column(t, "pagerank"), nx.pagerank(karate, weight=None))
    assert_agree(column(t, "eigenvector"), nx.eigenvector_centrality(karate, weight=None))
    assert column(t, "coreness") == {str(v): k for v, k in nx.core_number(karate).items()}
    assert_agree(column(t, "constraint"), nx.constraint(karate))
    assert_agree(column(t, "effective_size"), nx.effective_size(karate))
    assert_agree(column(t, "reciprocity"), {v: 1.0 for v in karate})  # every tie returned


def test_karate_normalised_and_weighted(karate: nx.Graph, karate_net: copnet.Network) -> None:
    n = copnet.centrality(karate_net, "degree,betweenness", normalized=True)
    assert n.measures == ["degree", "betweenness"]
    assert_agree(column(n, "degree"), nx.degree_centrality(karate))
    assert_agree(column(n, "betweenness"), nx.betweenness_centrality(karate))
    w = copnet.centrality(karate_net, ["betweenness", "closeness", "harmonic", "pagerank",
                                       "eigenvector", "constraint"],
                          normalized=True, weighted=True)
    assert_agree(column(w, "betweenness"), nx.betweenness_centrality(karate, weight="weight"))
    assert_agree(column(w, "closeness"), nx.closeness_centrality(karate, distance="weight"))
    assert_agree(column(w, "harmonic"), nx.harmonic_centrality(karate, distance="weight"))
    assert_agree(column(w, "pagerank"), nx.pagerank(karate, weight="weight"))
    assert_agree(column(w, "eigenvector"), nx.eigenvector_centrality(karate, weight="weight"))
    assert_agree(column(w, "constraint"), nx.constraint(karate, weight="weight"))
    # Weighted paths differ from hop counts: the option is not ignored.
    assert column(w, "betweenness") != column(n, "betweenness")


def test_karate_pagerank_options(karate: nx.Graph, karate_net: copnet.Network) -> None:
    t = copnet.centrality(karate_net, "pagerank", alpha=0.5, tolerance=1e-10,
                          max_iterations=500)
    assert_agree(column(t, "pagerank"), nx.pagerank(karate, alpha=0.5, tol=1e-10, max_iter=500,
                                                    weight=None))
    with pytest.raises(copnet.Error):  # NetworkX's PowerIterationFailedConvergence
        copnet.centrality(karate_net, "pagerank", max_iterations=2, tolerance=1e-12)


def test_karate_sampled_betweenness(karate_net: copnet.Network) -> None:
    a = copnet.centrality(karate_net, "betweenness", samples=10, seed=3)
    assert a == copnet.centrality(karate_net, "betweenness", samples=10, seed=3, threads=1)
    exact = copnet.centrality(karate_net, "betweenness")
    assert copnet.centrality(karate_net, "betweenness", samples=34) == exact
    assert a != exact


def test_karate_network_measures(karate: nx.Graph, karate_net: copnet.Network) -> None:
    m = copnet.network(karate_net)
    assert isinstance(m, copnet.NetworkMeasures)
    assert m.undirected
    assert (m.stakeholders, m.ties) == (34, 78)
    assert close(m.density, nx.density(karate))
    assert close(m.transitivity, nx.transitivity(karate))
    assert m.diameter == nx.diameter(karate)
    assert close(m.average_distance, nx.average_shortest_path_length(karate))
    assert close(m.degree_assortativity, nx.degree_assortativity_coefficient(karate))
    assert m.components == {"weak": 1, "strong": 1}
    assert m.largest_component == 34
    cut = len(list(nx.articulation_points(karate)))
    assert m.cutpoints == {"weak": cut, "strong": cut}
    # An undirected graph's censuses are those of its symmetric digraph, as sna's.
    sym = karate.to_directed()
    assert dict(m.triad_census) == nx.triadic_census(sym)
    pairs = 34 * 33 // 2
    assert m.dyad_census == {"mutual": 78, "asymmetric": 0, "null": pairs - 78}
    assert m.reciprocity == {"edgewise": 1.0, "dyadic": 1.0, "dyadic_nonnull": 1.0}
    quick = copnet.network(karate_net, distances=False)
    assert quick.diameter is None and math.isnan(quick.average_distance)
    assert quick.triad_census == m.triad_census


# ---- (b) a small directed graph with reciprocated arcs ---------------------------------------

ARCS = [("a", "b"), ("b", "a"), ("b", "c"), ("c", "d"), ("d", "b"), ("d", "e"), ("e", "d"),
        ("e", "f"), ("f", "g"), ("a", "g"), ("g", "h"), ("h", "g"), ("c", "a")]


@pytest.fixture(scope="module")
def digraph() -> nx.DiGraph:
    d = nx.DiGraph()
    d.add_nodes_from("abcdefghi")  # i: isolated (no out-ties: reciprocity undefined)
    d.add_edges_from(ARCS)
    return d


@pytest.fixture(scope="module")
def dinet(digraph: nx.DiGraph) -> copnet.Network:
    return copnet.from_networkx(digraph)  # influence ties: directed


def test_directed_centralities_agree_with_networkx(digraph: nx.DiGraph,
                                                   dinet: copnet.Network) -> None:
    t = copnet.centrality(dinet)
    assert not t.undirected
    assert column(t, "in_degree") == dict(digraph.in_degree)
    assert column(t, "out_degree") == dict(digraph.out_degree)
    assert column(t, "degree") == dict(digraph.degree)
    assert_agree(column(t, "betweenness"), nx.betweenness_centrality(digraph, normalized=False))
    assert_agree(column(t, "closeness"), nx.closeness_centrality(digraph))
    assert_agree(column(t, "harmonic"), nx.harmonic_centrality(digraph))
    assert_agree(column(t, "pagerank"), nx.pagerank(digraph, weight=None))
    # The share of each stakeholder's out-ties that are returned; NaN without out-ties.
    share = {v: (sum(digraph.has_edge(w, v) for w in digraph.successors(v)) / digraph.out_degree(v)
                 if digraph.out_degree(v) else math.nan) for v in digraph}
    assert_agree(column(t, "reciprocity"), share)
    assert math.isnan(t.stakeholders["i"].reciprocity)
    # Core numbers by in + out degree are NetworkX's on the DiGraph (1⇄2 has core number 2).
    cores = copnet.centrality(dinet, "coreness", cores="all")
    assert column(cores, "coreness") == nx.core_number(digraph)
    undirected = copnet.centrality(dinet, "coreness")  # the default: the undirected graph
    assert column(undirected, "coreness") == nx.core_number(digraph.to_undirected())
    # The relation filter: against the ties, the in-degree is the out-degree.
    rev = copnet.centrality(dinet, "in_degree,pagerank", direction="in")
    assert column(rev, "in_degree") == dict(digraph.out_degree)
    assert_agree(column(rev, "pagerank"), nx.pagerank(digraph.reverse(), weight=None))
    both = copnet.centrality(dinet, "degree", kinds="influence", direction="both")
    assert both.undirected
    assert column(both, "degree") == dict(digraph.to_undirected().degree)


def test_directed_network_measures(digraph: nx.DiGraph, dinet: copnet.Network) -> None:
    m = copnet.network(dinet)
    assert not m.undirected
    assert (m.stakeholders, m.ties) == (9, len(ARCS))
    assert close(m.density, nx.density(digraph))
    mutual = sum(1 for u, v in itertools.combinations(digraph, 2)
                 if digraph.has_edge(u, v) and digraph.has_edge(v, u))
    asym = sum(1 for u, v in itertools.combinations(digraph, 2)
               if digraph.has_edge(u, v) != digraph.has_edge(v, u))
    null = 9 * 8 // 2 - mutual - asym
    assert (mutual, asym) == (3, 7)
    assert m.dyad_census == {"mutual": mutual, "asymmetric": asym, "null": null}
    # sna's grecip: edgewise 2M/(2M+A) (= networkx.overall_reciprocity), dyadic (M+N)/(M+A+N),
    # dyadic.nonnull M/(M+A).
    assert close(m.reciprocity.edgewise, 2 * mutual / (2 * mutual + asym))
    assert close(m.reciprocity.edgewise, nx.overall_reciprocity(digraph))
    assert close(m.reciprocity.dyadic, (mutual + null) / (mutual + asym + null))
    assert close(m.reciprocity.dyadic_nonnull, mutual / (mutual + asym))
    assert list(m.triad_census) == ["003", "012", "102", "021D", "021U", "021C", "111D", "111U",
                                    "030T", "030C", "201", "120D", "120U", "120C", "210", "300"]
    assert dict(m.triad_census) == nx.triadic_census(digraph)
    assert m.components == {"weak": nx.number_weakly_connected_components(digraph),
                            "strong": nx.number_strongly_connected_components(digraph)}
    assert m.components == {"weak": 2, "strong": 4}
    assert close(m.transitivity, nx.transitivity(digraph.to_undirected()))
    assert close(m.degree_assortativity, nx.degree_assortativity_coefficient(digraph))
    largest = digraph.subgraph(max(nx.weakly_connected_components(digraph), key=len))
    assert m.largest_component == 8
    assert m.diameter == nx.diameter(largest.to_undirected())
    assert close(m.average_distance, nx.average_shortest_path_length(largest.to_undirected()))
    assert m.cutpoints.weak == len(list(nx.articulation_points(digraph.to_undirected())))

    # Strong cutpoints (sna cutpoints(connected="strong")): whose removal increases the number
    # of strong components.
    def strong_after_removing(v: str) -> int:
        return nx.number_strongly_connected_components(digraph.subgraph(set(digraph) - {v}))
    strong = nx.number_strongly_connected_components(digraph)
    assert m.cutpoints.strong == sum(strong_after_removing(v) > strong for v in digraph)


def test_network_follows_the_filter(digraph: nx.DiGraph, dinet: copnet.Network) -> None:
    m = copnet.network(dinet, kinds="influence", direction="both")
    assert m.undirected
    und = digraph.to_undirected()
    assert m.ties == und.number_of_edges()
    assert close(m.density, nx.density(und))
    none = copnet.network(dinet, kinds="authority")  # no tie followed
    assert (none.ties, none.density) == (0, 0.0)
    assert none.components.weak == 9


# ---- to_pandas --------------------------------------------------------------------------------

def test_to_pandas(dinet: copnet.Network) -> None:
    pd = pytest.importorskip("pandas")
    t = copnet.centrality(dinet, "in_degree,pagerank,reciprocity")
    df = t.to_pandas()
    assert list(df.columns) == ["in_degree", "pagerank", "reciprocity"]
    assert df.index.name == "id" and list(df.index) == list("abcdefghi")
    assert df.loc["g", "in_degree"] == 3
    assert df.loc["b", "pagerank"] == t.stakeholders["b"].pagerank
    assert pd.isna(df.loc["i", "reciprocity"])
    cli = os.environ.get("COPNET_CLI", "")
    if cli:  # the same table as pandas.read_csv on the CLI's --format csv
        net = copnet.read_csv(str(EXAMPLE / "nodes.csv"), str(EXAMPLE / "ties.csv"))
        csv = subprocess.run([cli, "centrality", "--nodes", str(EXAMPLE / "nodes.csv"), "--ties",
                              str(EXAMPLE / "ties.csv"), "--format", "csv"], check=True,
                             capture_output=True, text=True).stdout
        expected = pd.read_csv(io.StringIO(csv), index_col="id", dtype={"id": str})
        pd.testing.assert_frame_equal(copnet.centrality(net).to_pandas(), expected,
                                      check_dtype=False, check_index_type=False, rtol=1e-12)


def test_to_pandas_without_pandas(dinet: copnet.Network, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)  # `import pandas` raises ImportError
    with pytest.raises(ImportError, match="needs pandas"):
        copnet.centrality(dinet, "degree").to_pandas()


# ---- progress and bad input -------------------------------------------------------------------

def test_progress_reports_the_searches(karate_net: copnet.Network) -> None:
    seen: list[tuple[int, int]] = []
    copnet.centrality(karate_net, "closeness", progress=lambda d, t: seen.append((d, t)))
    assert seen and seen[-1][0] == seen[-1][1]
    seen.clear()
    copnet.network(karate_net, progress=lambda d, t: seen.append((d, t)))
    assert seen and seen[-1][0] == seen[-1][1]

    def fail(done: int, total: int) -> None:
        raise RuntimeError("stop")
    with pytest.raises(RuntimeError, match="stop"):
        copnet.centrality(karate_net, "harmonic", progress=fail)


def test_bad_input(karate_net: copnet.Network) -> None:
    with pytest.raises(copnet.InvalidValue, match="pagerankk"):
        copnet.centrality(karate_net, "degree,pagerankk")
    with pytest.raises(copnet.InvalidValue, match="closenes"):
        copnet.centrality(karate_net, ["degree", "closenes"])
    with pytest.raises(copnet.InvalidValue, match="str"):
        copnet.centrality(karate_net, ["degree", 3])  # type: ignore[list-item]
    with pytest.raises(copnet.InvalidValue, match="sideways"):
        copnet.centrality(karate_net, "coreness", cores="sideways")
    with pytest.raises(copnet.InvalidValue, match="samples"):
        copnet.centrality(karate_net, "betweenness", samples=0)
    with pytest.raises(copnet.InvalidValue, match="got 35"):
        copnet.centrality(karate_net, "betweenness", samples=35)  # above the 34 stakeholders
    with pytest.raises(copnet.InvalidValue, match="alpha"):
        copnet.centrality(karate_net, "pagerank", alpha=1.5)
    with pytest.raises(copnet.InvalidValue, match="max_iterations"):
        copnet.centrality(karate_net, "pagerank", max_iterations=0)
    with pytest.raises(copnet.InvalidValue, match="nosuch"):
        copnet.centrality(karate_net, kinds="nosuch")
    with pytest.raises(copnet.InvalidValue, match="nosuch"):
        copnet.network(karate_net, kinds="nosuch")
    neg = nx.Graph()
    neg.add_edge("x", "y", weight=-1.0)
    neg.add_edge("y", "z", weight=2.0)
    net = copnet.from_networkx(neg, scale="real")
    with pytest.raises(copnet.InvalidValue, match="negative"):
        copnet.centrality(net, "closeness", weighted=True)
    assert copnet.centrality(net, "closeness").stakeholders["x"].closeness == 2 / 3  # hops


def test_normalised_degrees_are_fractions_even_when_whole() -> None:
    # A star's centre has normalised degree 1: a float like the leaves' 1/3, not the int 1.
    star = copnet.from_networkx(nx.star_graph(3))
    table = copnet.centrality(star, "degree", normalized=True)
    degrees = {r.id: r.degree for r in table.stakeholders}
    assert degrees["0"] == 1.0 and isinstance(degrees["0"], float)
    assert degrees["1"] == pytest.approx(1 / 3, abs=1e-12)
    raw = copnet.centrality(star, "degree")
    assert {r.id: r.degree for r in raw.stakeholders}["0"] == 3
    assert isinstance({r.id: r.degree for r in raw.stakeholders}["0"], int)


def test_boundaries_reports_its_betweenness_sources():
    net = copnet.generate(300, 2000, seed=2)
    full = copnet.boundaries(net, permutations=0)
    assert full.betweenness_sources == 300
    assert copnet.boundaries(net, permutations=0, samples=50).betweenness_sources == 50
    assert copnet.boundaries(net, permutations=0, exact=True).betweenness_sources == 300
