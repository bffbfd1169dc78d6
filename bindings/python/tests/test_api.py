"""The module's API surface: protocols, enums, results, the CSV pair."""
from __future__ import annotations

import copy
import enum
import json
from pathlib import Path

import pytest

import copnet


def small() -> copnet.Network:
    net = copnet.Network()
    net.add_stakeholder("a", name="Ann", sector="families", level="local", stance="skeptic")
    net.add_stakeholder(copnet.Stakeholder("b", level=copnet.Level.state,
                                           attributes={"role": "chair"}))
    net.add_stakeholder("c", perspective=copnet.Perspective.consumer)
    net.add_tie("a", "b", "influence", 0.5)
    net.add_tie("b", "c", copnet.TieKind.authority)
    cop = net.add_community("cop", "youth employment")
    cop["a"] = "core"
    cop.set_circle("b", copnet.Circle.outer)
    return net


def test_network_protocols() -> None:
    net = small()
    assert len(net) == 3
    assert "a" in net and "z" not in net and 3 not in net
    assert list(net) == ["a", "b", "c"]
    assert [s.id for s in net.stakeholders()] == ["a", "b", "c"]
    a = net["a"]
    assert a == net.stakeholder("a")
    assert (a.name, a.sector, a.level, a.stance) == ("Ann", "families", copnet.Level.local,
                                                     copnet.Stance.skeptic)
    assert net["b"].attributes == {"role": "chair"}
    assert net["c"].level is None and net["c"].perspective is copnet.Perspective.consumer
    assert net.attribute_names == ["role"]
    assert net.facet("b", "role") == "chair" and net.facet("a", "level") == "local"
    assert net.tie_count() == 2 and net.tie_count("influence") == 1
    assert net.neighbours("b") == ["c"]
    assert net.neighbours("b", direction="in") == ["a"]
    assert net.neighbours("b", kinds=["influence"], direction="both") == ["a"]
    assert net.ties("a") == [copnet.Tie("a", "b", copnet.TieKind.influence, 0.5)]
    assert len(net.ties(kinds="authority")) == 1
    assert net.tie("a", "b", "influence").weight == 0.5
    assert net.tie("b", "a", "influence") is None
    net.set_tie_weight("a", "b", "influence", 0.75)
    assert net.tie("a", "b", "influence").weight == 0.75
    assert net.add_tie("a", "b", "influence", 0.2) is False  # merged, larger weight kept
    assert net.tie("a", "b", "influence").weight == 0.75
    assert net.remove_tie("a", "b", "influence") and not net.remove_tie("a", "b", "influence")
    assert "3 stakeholders" in repr(net) and "cop" in repr(net)


def test_community_protocols() -> None:
    net = small()
    cop = net.community("cop")
    assert cop.name == "cop" and cop.domain == "youth employment"
    assert len(cop) == 2 and "a" in cop and "c" not in cop
    assert list(cop) == ["a", "b"]
    assert cop["a"] is copnet.Circle.core and cop.circle("c") is copnet.Circle.none
    assert cop.members("core") == ["a"] and cop.members() == ["a", "b"]
    assert cop.members_within("inner") == ["a"]
    assert cop.count(copnet.Circle.none) == 1
    assert [c.name for c in net.communities()] == ["cop"]
    assert net.community("cop") == cop
    cop.domain = "transition"
    assert net.community("cop").domain == "transition"
    net.remove_stakeholder("a")
    assert len(cop) == 1 and list(net) == ["b", "c"]
    assert net.remove_community("cop")
    with pytest.raises(copnet.InvalidValue):
        len(cop)  # a removed community raises instead of dangling


def test_enums_are_python_enums() -> None:
    assert issubclass(copnet.Circle, enum.Enum)
    assert [c.value for c in copnet.Circle] == ["core", "inner", "outer", "none"]
    assert str(copnet.TieKind.influence) == "influence"
    assert copnet.Direction("in") is copnet.Direction.in_
    net = small()
    with pytest.raises(copnet.InvalidValue, match="circle"):
        net.community("cop")["c"] = "centre"


def test_copy_equality_and_hash() -> None:
    net = small()
    twin = copy.deepcopy(net)
    assert twin == net and twin is not net
    twin.add_tie("c", "a", "collaboration")
    assert twin != net
    with pytest.raises(TypeError):
        hash(net)


def test_results_to_dict_are_json(example: copnet.Network) -> None:
    cop = example.community()
    r = copnet.reach(example, cop.members("core"), max_hops=1, community=cop, facet="level")
    d = r.to_dict()
    json.dumps(d)
    # to_dict() is the CLI's JSON (test_cli_parity.py): `reached` [{id, hops}] for `hops`.
    assert {x["id"]: x["hops"] for x in d["reached"]} == r.hops and d["count"] == r.count
    assert d["by_circle"][0]["category"] == "core"
    assert repr(r).startswith("ReachResult(count=") and r.reached[0].hops == 0
    assert r.reached[r.reached[0].id] is r.reached[0]  # rows with an id are found by it
    assert r == d and isinstance(r.by_circle[0], copnet.Record)
    summary = example.summary(cop)
    s = summary.to_dict()
    assert s["circles"] == {"core": 5, "inner": 11, "outer": 24, "none": 21}
    assert s["stakeholders"] == 61 and sum(s["ties"].values()) == example.tie_count()
    assert summary.ties == s["ties"] and summary.community == "community"
    assert list(s) == ["stakeholders", "ties", "community", "circles", "levels", "stances",
                       "merged_spellings", "relations"]
    assert [r["name"] for r in s["relations"]] == ["authority", "influence", "collaboration"]
    assert sum(summary.levels.values()) == sum(summary.stances.values()) == 61
    lev = copnet.leverage(example, 2, circle="core", runs=50).to_dict()
    assert lev["method"] == "celf" and len(lev["conveners"]) == 2
    json.dumps(lev)


def test_csv_round_trip(tmp_path, example: copnet.Network) -> None:
    nodes, ties = tmp_path / "n.csv", tmp_path / "t.csv"
    copnet.write_csv(example, str(nodes), str(ties))
    again = copnet.read_csv(str(nodes), str(ties))
    assert again == example
    assert copnet.read_csv(str(nodes), str(ties), community="other").community("other")


def test_add_stakeholder_checks() -> None:
    net = small()
    with pytest.raises(copnet.InvalidValue):
        net.add_stakeholder("a")  # taken
    with pytest.raises(copnet.InvalidValue):
        net.add_stakeholder("")
    with pytest.raises(copnet.InvalidValue):
        net.add_stakeholder(copnet.Stakeholder("x"), name="both")
    with pytest.raises(copnet.InvalidValue, match="level"):
        net.add_stakeholder("x", level="galactic")
    assert len(net) == 3
    net.update_stakeholder("c", copnet.Stakeholder("c2", sector="youth"))
    assert "c2" in net and net["c2"].sector == "youth" and net.neighbours("b") == ["c2"]


def test_generate_is_seeded_and_sized(tmp_path: Path) -> None:
    net = copnet.generate(2000, 10000, seed=5, boundary_share=0.3)
    assert len(net) == 2000
    assert net.tie_count() == 10000
    assert net == copnet.generate(2000, 10000, seed=5, boundary_share=0.3)
    assert net != copnet.generate(2000, 10000, seed=6, boundary_share=0.3)
    core = net.community("community").members("core")
    assert len(core) >= 3
    # The same landscape as the CLI writes (the C++ generator behind both).
    copnet.write_csv(net, str(tmp_path / "n.csv"), str(tmp_path / "t.csv"))
    assert copnet.read_csv(str(tmp_path / "n.csv"), str(tmp_path / "t.csv")).tie_count() == 10000
    with pytest.raises(copnet.InvalidValue, match="boundary_share"):
        copnet.generate(100, 300, boundary_share=2.0)
