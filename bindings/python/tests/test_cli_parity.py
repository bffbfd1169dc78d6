"""Python's to_dict() equals the CLI's --format json, key for key, for every command: both come
from the library's one description of each result (copnet/describe.hpp). Runs on the bundled
example (invented data), through the CLI named by $COPNET_CLI."""
from __future__ import annotations

import json
import os
import pathlib
import subprocess
from typing import Any, Callable, Dict, List

import pytest

import copnet

CLI = os.environ.get("COPNET_CLI", "")
EXAMPLE = pathlib.Path(__file__).resolve().parents[3] / "examples" / "data" / "state-employment"

pytestmark = pytest.mark.skipif(not CLI, reason="COPNET_CLI names no copnet program")


def cli_json(args: List[str]) -> Dict[str, Any]:
    out = subprocess.run([CLI, *args, "--nodes", str(EXAMPLE / "nodes.csv"), "--ties",
                          str(EXAMPLE / "ties.csv"), "--format", "json"],
                         check=True, capture_output=True, text=True).stdout
    data: Dict[str, Any] = json.loads(out)
    return data


@pytest.fixture(scope="module")
def net() -> copnet.Network:
    return copnet.read_csv(str(EXAMPLE / "nodes.csv"), str(EXAMPLE / "ties.csv"))


def core(net: copnet.Network) -> List[str]:
    return net.community().members("core")


CASES: Dict[str, Callable[[copnet.Network], Any]] = {
    "summary": lambda n: n.summary(n.community()),
    "reach": lambda n: copnet.reach(n, core(n), community=n.community(), facet="sector"),
    "reach --hops 2 --facet level --kinds influence,collaboration":
        lambda n: copnet.reach(n, core(n), max_hops=2, kinds="influence,collaboration",
                               community=n.community(), facet="level"),
    "spread --runs 300 --seed 4 --threads 2":
        lambda n: copnet.spread(n, core(n), runs=300, seed=4, threads=2, community=n.community(),
                                facet="sector"),
    "spread --runs 200 --seed 5 --model lt":
        lambda n: copnet.spread(n, core(n), runs=200, seed=5, model="lt", community=n.community(),
                                facet="sector"),
    "leverage --k 2 --runs 100 --seed 2 --threads 2":
        lambda n: copnet.leverage(n, 2, runs=100, seed=2, threads=2),
    # One meaning of "among the inner circle": at or inside it (core + inner), in both faces.
    "leverage --k 2 --runs 100 --seed 2 --among inner":
        lambda n: copnet.leverage(n, 2, runs=100, seed=2, circle="inner"),
    "gaps": lambda n: copnet.gaps(n),
    "boundaries --permutations 100 --seed 2 --threads 2":
        lambda n: copnet.boundaries(n, permutations=100, seed=2, threads=2),
    "boundaries --facet level --permutations 50 --seed 3 --samples 10":
        lambda n: copnet.boundaries(n, "level", permutations=50, seed=3, samples=10),
    "circles": lambda n: copnet.circles(n),
    "relations": lambda n: copnet.relations(n),
    "circles --weighted --restarts 5 --seed 3":
        lambda n: copnet.circles(n, weighted=True, restarts=5, seed=3),
    "centrality": lambda n: copnet.centrality(n),
    "centrality --measures degree,betweenness,pagerank,coreness --normalized --cores all "
    "--kinds influence --direction in":
        lambda n: copnet.centrality(n, "degree,betweenness,pagerank,coreness", normalized=True,
                                    cores="all", kinds="influence", direction="in"),
    "centrality --measures betweenness,closeness,harmonic,constraint --weighted --endpoints "
    "--samples 5 --seed 2 --threads 2":
        lambda n: copnet.centrality(n, ["betweenness", "closeness", "harmonic", "constraint"],
                                    weighted=True, endpoints=True, samples=5, seed=2, threads=2),
    "network": lambda n: copnet.network(n),
    "network --no-distances --kinds influence,collaboration --direction both --threads 2":
        lambda n: copnet.network(n, distances=False, kinds="influence,collaboration",
                                 direction="both", threads=2),
    "groups --method leiden --seed 3 --compare facet:sector":
        lambda n: copnet.groups(n, method="leiden", seed=3, compare="facet:sector"),
    "groups --resolution 2 --unweighted --compare circles:community":
        lambda n: copnet.groups(n, resolution=2.0, weighted=False, compare="circles:community"),
}


@pytest.mark.parametrize("command", list(CASES))
def test_to_dict_is_the_cli_json(net: copnet.Network, command: str) -> None:
    expected = cli_json(command.split())
    got = CASES[command](net).to_dict()
    assert list(got) == list(expected)  # the same keys, in the same order
    assert got == expected


def test_circles_report_fields_are_its_description(net: copnet.Network) -> None:
    r = copnet.circles(net)
    d = r.to_dict()
    assert r.fit == d["fit"]
    assert r.core_periphery.among == "members"
    assert [c.id for c in r.coreness] == [c["id"] for c in d["coreness"]]
    assert set(dir(r)) >= set(d)
    with pytest.raises(AttributeError):
        r.no_such_field  # noqa: B018
    assert r == copnet.circles(net)
    r.to_dict()["fit"] = "changed"  # a copy: the result keeps its own
    assert r.fit == d["fit"]


def results(n: copnet.Network) -> List[Any]:
    """One result of every Record class, made on the example."""
    cop = n.community()
    before = copnet.read_membership(n, EXAMPLE / "membership-2023.csv", "before") \
        if (EXAMPLE / "membership-2023.csv").exists() else None
    made = [f(n) for f in CASES.values()]
    made += [copnet.level_flow(n, "local", "state", community=cop),
             copnet.coalition_synergy(n, core(n)[:2], runs=50),
             copnet.representation(n), copnet.fragility(n), copnet.ei_index(n, "sector"),
             copnet.mixing_matrix(n, "sector"), copnet.brokerage(n, "sector"),
             copnet.level_crossing(n), copnet.core_periphery(n, cop), copnet.circle_fit(n),
             copnet.circle_density(n), copnet.trajectories(n, before or cop, cop)]
    events = copnet.read_events(n, EXAMPLE / "events.csv")
    made += [copnet.health(n, events, leaders=True), copnet.temporal_reach(n, events)]
    made += [copnet.groups(n, compare="facet:sector")]
    return made


def test_result_classes_declare_their_description_keys(net: copnet.Network) -> None:
    # The annotations of each result class (what type checkers and the docs see) are the keys
    # of its description, in order; only `trajectories` (with `before`) may be absent.
    seen = set()
    for r in results(net.copy()):
        declared = list(type(r).__annotations__)
        assert [k for k in declared if k in r] == list(r), type(r).__name__
        assert set(declared) - set(r) <= {"trajectories"}, type(r).__name__
        seen.add(type(r))
    assert len(seen) == 25  # every Record class but Record itself
