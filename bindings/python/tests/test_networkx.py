"""The NetworkX bridge both ways, and agreement with NetworkX on seeded random graphs and on
the real data sets of tests/data (reference values computed by NetworkX 2.8.8)."""
from __future__ import annotations

import json
import threading
import time

import networkx as nx
import pytest

import copnet
from conftest import TESTDATA, random_digraph, random_graph


def test_round_trip_through_networkx(example: copnet.Network) -> None:
    example.add_community("second", "a second CoP")
    example.community("second")[list(example)[0]] = "inner"
    g = example.to_networkx()
    assert isinstance(g, nx.MultiDiGraph)
    assert g.number_of_nodes() == len(example) and g.number_of_edges() == example.tie_count()
    first = list(example)[0]
    assert g.nodes[first]["circle:second"] == "inner"
    assert g.graph["communities"]["second"] == "a second CoP"
    back = copnet.from_networkx(g)
    assert back == example


def test_from_plain_networkx_graph() -> None:
    g = nx.Graph()
    g.add_node(1, sector="families", level="Local", circle="core", age=41)
    g.add_node(2, stance="skeptic")
    g.add_edge(1, 2, weight=0.25)
    g.add_edge(2, 3)
    net = copnet.from_networkx(g)
    assert list(net) == ["1", "2", "3"]
    assert net["1"].level is copnet.Level.local and net["1"].attributes == {"age": "41"}
    assert net["2"].stance is copnet.Stance.skeptic
    assert net.community()["1"] is copnet.Circle.core
    assert net.tie("2", "1", "collaboration").weight == 0.25  # collaboration: either order
    d = copnet.from_networkx(nx.DiGraph([(1, 2)]))
    assert d.tie("1", "2", "influence") is not None


def test_from_networkx_undeclared_relation_takes_the_graph_direction() -> None:
    # An nx.Graph edge of a relation the graph does not declare is followed both ways, as
    # NetworkX follows it; in an nx.DiGraph only from source to target.
    g = nx.Graph()
    g.add_edge("a", "b", relation="friendship")
    g.add_edge("b", "c", relation="friendship")
    net = copnet.from_networkx(g)
    assert net.find_relation("friendship").direction == "mutual"
    assert net.tie("b", "a", "friendship") is not None
    reached = copnet.reach(net, ["c"], kinds="friendship")
    assert sorted(r.id for r in reached.reached) == sorted(nx.node_connected_component(g, "c"))  # the source at 0 hops
    d = copnet.from_networkx(nx.DiGraph([("a", "b", {"relation": "advice"})]))
    assert d.find_relation("advice").direction == "directed"
    assert [r.id for r in copnet.reach(d, ["b"], kinds="advice").reached] == ["b"]  # not back to a

@pytest.mark.parametrize("seed", [1, 2, 3])
def test_strong_components_and_condensation_agree_with_networkx(seed: int) -> None:
    g = random_digraph(300, 450, seed)  # sparse: many strong pieces and arcs between them
    net = copnet.from_networkx(g)
    ours = copnet.strong_components(net)
    assert {frozenset(p) for p in ours} == {frozenset(p) for p in nx.strongly_connected_components(g)}
    assert sum(map(len, ours)) == len(net)
    pieces, arcs = copnet.condensation(net)
    assert pieces == ours
    theirs = nx.condensation(g)
    members = {n: frozenset(d["members"]) for n, d in theirs.nodes(data=True)}
    assert {(frozenset(pieces[p]), frozenset(pieces[q])) for p, q in arcs} == \
        {(members[a], members[b]) for a, b in theirs.edges}
    assert arcs == sorted(arcs) and len(arcs) == theirs.number_of_edges()
    # Against the ties: the same pieces, each arc reversed.
    back_pieces, back = copnet.condensation(net, direction="in")
    assert back_pieces == pieces and sorted((q, p) for p, q in back) == arcs

def test_from_networkx_bad_input_names_the_edge() -> None:
    g = nx.DiGraph()
    g.add_edge("a", "b", kind="friendship")  # a relation of the graph's own: accepted
    assert copnet.from_networkx(g).tie_count("friendship") == 1
    g = nx.DiGraph()
    g.add_edge("a", "b", kind=" ")  # no name
    with pytest.raises(copnet.InvalidValue, match="'a' -> 'b'"):
        copnet.from_networkx(g)
    g = nx.DiGraph()
    g.add_edge("a", "b", weight=3)
    with pytest.raises(copnet.InvalidValue, match="'a' -> 'b'"):
        copnet.from_networkx(g)


@pytest.mark.parametrize("seed", [1, 2, 3])
@pytest.mark.parametrize("k", [1, 2, 3, None])
def test_reach_counts_agree_with_networkx(seed: int, k) -> None:
    g = random_digraph(300, 900, seed)
    net = copnet.from_networkx(g)
    ours = copnet.reach_counts(net, max_hops=k, threads=2)
    theirs = {v: len(nx.single_source_shortest_path_length(g, v, cutoff=k)) - 1 for v in g}
    assert ours == theirs
    back = copnet.reach_counts(net, max_hops=k, direction="in", who=list(g)[:20])
    r = g.reverse()
    assert back == {v: len(nx.single_source_shortest_path_length(r, v, cutoff=k)) - 1
                    for v in list(g)[:20]}


@pytest.mark.parametrize("seed", [4, 5])
def test_reach_hops_agree_with_networkx(seed: int) -> None:
    g = random_graph(400, 700, seed)
    net = copnet.from_networkx(g)
    sources = ["s0000", "s0007", "s0123"]
    r = copnet.reach(net, sources, max_hops=3)
    theirs = nx.multi_source_dijkstra_path_length(g, sources, cutoff=3)  # unit weights: hops
    assert r.hops == theirs
    assert list(r.hops)[:3] == sources


@pytest.mark.parametrize("name", ["krackhardt-hightech", "padgett-florentine"])
def test_reach_counts_agree_with_reference_data(name: str) -> None:
    net = copnet.read_csv(str(TESTDATA / f"{name}.nodes.csv"), str(TESTDATA / f"{name}.ties.csv"),
                          relations=str(TESTDATA / f"{name}.relations.csv"))
    ref = json.loads((TESTDATA / f"{name}.reference.json").read_text())
    assert set(ref["kinds"]) - {k.value for k in copnet.TieKind}  # friendship, marriage too
    for kind, values in ref["kinds"].items():
        for k, expected in values["reach_out"].items():
            hops = None if k == "unbounded" else int(k)
            assert copnet.reach_counts(net, kinds=[kind], max_hops=hops) == expected, (kind, k)


def test_cascade_with_certain_ties_is_reachability() -> None:
    g = random_digraph(200, 500, 7)
    net = copnet.from_networkx(g)
    sources = ["s0000", "s0001"]
    s = copnet.spread(net, sources, probability=1.0, runs=20, seed=3)
    reached = set(sources).union(*(nx.descendants(g, v) for v in sources))
    assert s.expected == len(reached) and s.stddev == 0.0
    assert {a.id for a in s.adoption if a.probability == 1.0} == reached


def test_spread_on_a_path_has_the_textbook_value() -> None:
    net = copnet.from_networkx(nx.DiGraph([("a", "b"), ("b", "c")]))
    s = copnet.spread(net, ["a"], probability=0.5, runs=200_000, seed=11, threads=2)
    assert s.expected == pytest.approx(1 + 0.5 + 0.25, abs=0.01)  # 1 + p + p²
    low, high = s.ci95
    assert low < 1.75 < high


def test_spread_does_not_depend_on_threads() -> None:
    net = copnet.from_networkx(random_digraph(300, 1200, 9))
    one = copnet.spread(net, ["s0000"], runs=2000, seed=5, threads=1)
    two = copnet.spread(net, ["s0000"], runs=2000, seed=5, threads=2)
    assert one == two
    lt1 = copnet.spread(net, ["s0000"], model="lt", runs=500, seed=5, threads=1)
    assert lt1 == copnet.spread(net, ["s0000"], model="lt", runs=500, seed=5, threads=2)


def test_leverage_with_certain_ties_picks_the_widest_reach() -> None:
    g = random_digraph(150, 300, 12)
    net = copnet.from_networkx(g)
    best = max(len(nx.descendants(g, v)) for v in g)
    lev = copnet.leverage(net, 1, method="celf", probability=1.0, runs=3)
    assert lev.expected == best + 1
    assert len(nx.descendants(g, lev.conveners[0])) == best


def test_progress_callback_and_its_errors(example: copnet.Network) -> None:
    calls = []
    copnet.spread(example, ["sa-01"], runs=3000, progress=lambda d, t: calls.append((d, t)))
    assert calls and calls[-1] == (3000, 3000)
    assert all(a[0] <= b[0] for a, b in zip(calls, calls[1:]))

    def boom(done: int, total: int) -> None:
        raise RuntimeError("stop")

    with pytest.raises(RuntimeError, match="stop"):
        copnet.spread(example, ["sa-01"], runs=500, progress=boom)


def test_the_gil_is_released_during_a_long_analysis() -> None:
    net = copnet.from_networkx(random_digraph(3000, 15000, 13))
    ticks = []
    running = threading.Event()
    done = threading.Event()

    def tick() -> None:
        running.set()
        while not done.is_set():
            ticks.append(1)
            time.sleep(0.0005)

    t = threading.Thread(target=tick)
    t.start()
    running.wait()
    before = len(ticks)
    copnet.reach_counts(net, threads=1)  # ~0.1 s of C++ work
    during = len(ticks) - before
    done.set()
    t.join()
    assert during > 0
