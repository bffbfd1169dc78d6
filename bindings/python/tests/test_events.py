"""Interaction over time from Python: event logs, windows, health and temporal reach.

Expected values are independent of copnet: tests/data/state-employment-health.reference.json
is computed by tests/data/make_health_fixture.py from the definitions (sets per window, a
fixed-point relaxation for temporal reach; the standard library and NetworkX) on the bundled
example's invented event log; attendance windows are checked against NetworkX's weighted
bipartite projection; the CLI's JSON against to_dict()."""
from __future__ import annotations

import datetime
import json
import math
import os
import pathlib
import subprocess
from typing import Any, Dict, List

import networkx as nx
import pytest

import copnet

ROOT = pathlib.Path(__file__).resolve().parents[3]
EXAMPLE = ROOT / "examples" / "data" / "state-employment"
EVENTS = EXAMPLE / "events.csv"
REFERENCE = json.loads((ROOT / "tests" / "data" / "state-employment-health.reference.json")
                       .read_text(encoding="utf-8"))
CLI = os.environ.get("COPNET_CLI", "")


def iso(ms: int) -> str:
    """A reference time (ms since 1970, UTC) as copnet prints a date-time log's times."""
    t = datetime.datetime.fromtimestamp(ms / 1000, tz=datetime.timezone.utc)
    return t.strftime("%Y-%m-%dT%H:%M:%SZ")


@pytest.fixture
def net() -> copnet.Network:
    return copnet.read_csv(str(EXAMPLE / "nodes.csv"), str(EXAMPLE / "ties.csv"))


@pytest.fixture
def log(net: copnet.Network) -> copnet.EventLog:
    return copnet.read_events(net, EVENTS)


def test_read_events(net: copnet.Network, log: copnet.EventLog) -> None:
    rows = EVENTS.read_text(encoding="utf-8").splitlines()[1:]
    assert len(log) == len(rows) == 3390
    assert log.network is net
    assert log.kind == "date_time" and log.new_relations == ["interaction"]
    assert net.find_relation("interaction") == copnet.Relation(
        "interaction", role="communication", direction="directed", scale="count")
    times = sorted(datetime.datetime.fromisoformat(r.split(",")[0]) for r in rows)
    first_ms = int(times[0].timestamp() * 1000)
    assert log.first == iso(first_ms) and log.last == iso(int(times[-1].timestamp() * 1000))
    events = log.events()
    assert [e.time for e in events] == sorted(e.time for e in events)
    # Each row once, its time in UTC (the file's -05:00 offsets converted).
    got = sorted((e.time, e.source, e.target) for e in events)
    want = sorted((iso(int(datetime.datetime.fromisoformat(t).timestamp() * 1000)), s, d)
                  for t, s, d in (r.split(",") for r in rows))
    assert got == want
    assert {e.relation for e in events} == {"interaction"} and {e.value for e in events} == {1.0}
    assert log.memory_bytes >= 16 * len(log)
    pytest.importorskip("pandas", reason="python3-pandas is not installed")
    df = log.to_pandas()
    assert list(df.columns) == ["time", "source", "target", "relation", "value"]
    assert len(df) == len(log) and df.iloc[0].to_dict() == events[0]


@pytest.mark.parametrize("span", ["1m", "7d"])
def test_health_windows_match_the_independent_computation(
        net: copnet.Network, log: copnet.EventLog, span: str) -> None:
    h = copnet.health(net, log, every=span)
    assert isinstance(h, copnet.HealthReport)
    expected = REFERENCE["windows"][span]
    assert len(h.windows) == len(expected)
    for got, want in zip(h.windows, expected):
        assert (got.start, got.end) == (iso(want["start"]), iso(want["end"]))
        for key in ("events", "active", "newcomers", "retained", "departed", "pairs", "formed",
                    "dissolved", "absence_factor", "elephant_factor"):
            assert got[key] == want[key], (got.start, key)
        for key in ("persistence", "reciprocity"):
            if want[key] is None:
                assert got[key] is None, (got.start, key)
            else:
                assert got[key] == pytest.approx(want[key], abs=1e-12), (got.start, key)
        assert {c.circle: [c.active, c.members] for c in got.by_circle} == want["by_circle"]
    assert [w.start for w in h.windows] == [s for s, _ in copnet.windows(log, span)]


def test_health_members_match_the_independent_computation(
        net: copnet.Network, log: copnet.EventLog) -> None:
    h = copnet.health(net, log, every="1m")
    assert {m.id for m in h.members} == set(REFERENCE["members"])
    for m in h.members:
        events, active, first, last, b = REFERENCE["members"][m.id]
        assert (m.events, m.active_windows, m.first, m.last) == (events, active, iso(first),
                                                                  iso(last))
        assert (m.burstiness is None) == (b is None) and (
            b is None or m.burstiness == pytest.approx(b, abs=1e-9))
    pytest.importorskip("pandas", reason="python3-pandas is not installed")
    df = h.to_pandas()  # the members' table (pandas optional)
    assert list(df.columns) == ["events", "active_windows", "first", "last", "burstiness"]
    assert df.loc["npo-01", "events"] == REFERENCE["members"]["npo-01"][0]


def test_temporal_reach_matches_the_fixed_point_relaxation(
        net: copnet.Network, log: copnet.EventLog) -> None:
    for source, arrivals in REFERENCE["temporal"].items():
        r = copnet.temporal_reach(net, log, [source])
        assert isinstance(r, copnet.TemporalReachResult)
        assert r.since == log.first and r.reached[0].id == source
        assert r.arrivals == {who: iso(t) for who, t in arrivals.items()}
        assert r.count == len(arrivals)
        times = [e.arrival for e in r.reached]
        assert times == sorted(times)
    counts = copnet.temporal_reach_counts(net, log, who=list(REFERENCE["temporal"]))
    assert isinstance(counts, copnet.ByStakeholder)
    assert counts == {s: len(a) - 1 for s, a in REFERENCE["temporal"].items()}
    every = copnet.temporal_reach_counts(net, log)
    assert list(every) == list(net) and all(every[s] == counts[s] for s in counts)


def test_temporal_reach_defaults_to_the_core_and_respects_since_and_direction(
        net: copnet.Network, log: copnet.EventLog) -> None:
    core = net.community().members("core")
    r = copnet.temporal_reach(net, log)
    assert [x.id for x in r.reached[:len(core)]] == core
    # Hand-checked on a three-event log: a→b at 1, c→a at 2, b→c at 3.
    small = copnet.Network()
    for s in "abc":
        small.add_stakeholder(s)
    ev = copnet.parse_events(small, "time,source,target\n3,b,c\n1,a,b\n2,c,a\n")
    assert ev.kind == "number" and [e.time for e in ev.events()] == [1, 2, 3]
    assert copnet.temporal_reach(small, ev, ["a"], community=None).arrivals == \
        {"a": 1, "b": 1, "c": 3}
    assert copnet.temporal_reach(small, ev, ["a"], since=2, community=None).arrivals == {"a": 2}
    assert copnet.temporal_reach(small, ev, ["a"], direction="in", community=None).arrivals == \
        {"a": 1, "c": 2, "b": 3}  # against the arcs: c→a at 2, then b→c at 3
    assert copnet.temporal_reach(small, ev, ["c"], direction="both", community=None).arrivals == \
        {"c": 1, "a": 2, "b": 3}
    with pytest.raises(copnet.InvalidValue, match="kind of time"):
        copnet.temporal_reach(small, ev, ["a"], since="2024-01-01", community=None)


def test_window_is_a_network_every_analysis_runs_on(net: copnet.Network,
                                                    log: copnet.EventLog) -> None:
    march = [e for e in log.events() if "2024-03-01" <= e.time < "2024-04-01"]
    w = copnet.window(net, log, "2024-03-01..2024-04-01", ties=False)
    assert len(w) == len(net) and w.tie_count() == len({(e.source, e.target) for e in march})
    for e in march[:20]:
        tie = w.tie(e.source, e.target, "interaction")
        assert tie is not None and tie.weight == sum(
            1 for x in march if (x.source, x.target) == (e.source, e.target))
    # The same window from datetimes (naive = UTC) and from two texts.
    same = copnet.window(net, log, datetime.date(2024, 3, 1), datetime.datetime(2024, 4, 1),
                         ties=False)
    assert same == w == copnet.window(net, log, "2024-03-01", "2024-04-01", ties=False)
    # With the network's own ties (the default, as --window).
    both = copnet.window(net, log, "2024-03-01..2024-04-01")
    assert both.tie_count() == w.tie_count() + net.tie_count()
    assert copnet.reach(both, ["sa-01"]).count >= copnet.reach(w, ["sa-01"]).count
    empty = copnet.window(net, log, "2030-01-01..2030-02-01", ties=False)
    assert len(empty) == len(net) and empty.tie_count() == 0


def test_attendance_is_the_weighted_one_mode_projection() -> None:
    sheet = ("time,meeting,id\n2024-03-05,kickoff,a\n2024-03-05,kickoff,b\n"
             "2024-03-05,kickoff,c\n2024-04-02,review,a\n2024-04-02,review,b\n"
             "2024-04-02,review,b\n2024-05-07,review,c\n2024-05-07,review,d\n")
    net = copnet.Network()
    log = copnet.parse_attendance(net, sheet, create_missing=True)
    assert list(net) == ["a", "b", "c", "d"] and log.created == 4
    assert net.find_relation("co_attendance").direction == "mutual"
    b = nx.Graph()
    for line in sheet.splitlines()[1:]:
        t, meeting, who = line.split(",")
        b.add_edge(("meeting", t, meeting), who)
    people = ["a", "b", "c", "d"]
    projected = nx.bipartite.weighted_projected_graph(b, people)
    w = copnet.window(net, log, "2024-01-01..2025-01-01")
    got = {frozenset((t.source, t.target)): t.weight for t in w.ties()}
    assert got == {frozenset((u, v)): d["weight"] for u, v, d in projected.edges(data=True)}
    assert len(log) == 3 + 1 + 1  # pairs per meeting: 3, 1 (b signed twice), 1


def test_bad_input_is_a_clear_error_and_changes_nothing(net: copnet.Network) -> None:
    before = net.copy()
    with pytest.raises(copnet.ParseError) as e:
        copnet.parse_events(net, "time,source,target,relation\n2024-03-05,sa-01,nobody,advice\n")
    assert (e.value.line, e.value.field) == (2, "target") and "nobody" in str(e.value)
    with pytest.raises(copnet.ParseError) as e:
        copnet.parse_events(net, "time,source,target\n2024-03-05,sa-01,sa-02\n7,sa-02,sa-01\n")
    assert e.value.line == 3 and e.value.field == "time"
    with pytest.raises(copnet.FileError):
        copnet.read_events(net, ROOT / "no-such-events.csv")
    assert net == before and net.find_relation("advice") is None
    log = copnet.read_events(net, EVENTS)
    with pytest.raises(copnet.InvalidValue, match="another network"):
        copnet.health(before, log)
    with pytest.raises(copnet.InvalidValue):
        copnet.health(net, log, every="0")
    with pytest.raises(copnet.InvalidValue):
        copnet.health(net, log, every=7)  # a number span on an ISO log
    with pytest.raises(copnet.InvalidValue, match="kind of time"):
        copnet.health(net, log, since=5)
    with pytest.raises(copnet.InvalidValue):
        copnet.window(net, log, "2024-04-01..2024-03-01")
    with pytest.raises(copnet.InvalidValue):
        copnet.emerging_leaders(net, log, top=0)
    with pytest.raises(copnet.UnknownStakeholder):
        copnet.temporal_reach(net, log, ["nobody"])


def test_plain_number_times_and_one_window() -> None:
    net = copnet.Network()
    log = copnet.parse_events(net, "time,source,target\n0,a,b\n4,b,a\n4,b,c\n9,c,a\n",
                              create_missing=True)
    h = copnet.health(net, log, community=None)  # one window holding the whole log
    assert [(w.start, w.end, w.events, w.active) for w in h.windows] == [(0, 10, 4, 3)]
    h5 = copnet.health(net, log, every=5, community=None)
    assert [(w.start, w.end, w.events, w.pairs) for w in h5.windows] == [(0, 5, 3, 2),
                                                                        (5, 10, 1, 1)]
    assert h5.windows[1].persistence == 0.0 and h5.windows[1].departed == 1
    # b's gaps 4 and 0: mu 2, sigma 2 -> B = 0; a's gaps 4, 5: B = (0.5 - 4.5) / 5.
    assert h5.members["b"].burstiness == 0.0
    assert h5.members["a"].burstiness == pytest.approx(-0.8)
    assert copnet.windows(log, 5) == [(0, 5), (5, 10)]


def test_results_are_keyed_by_original_nodes_through_windows() -> None:
    g = nx.path_graph(4)
    net = copnet.from_networkx(g)
    log = copnet.parse_events(net, "time,source,target\n1,0,1\n2,1,2\n3,2,3\n")
    assert copnet.temporal_reach_counts(net, log) == {0: 3, 1: 2, 2: 1, 3: 0}
    w = copnet.window(net, log, "1..3", ties=False)
    assert copnet.coreness(w) == {0: 1, 1: 1, 2: 1, 3: 0}
    pytest.importorskip("pandas", reason="python3-pandas is not installed")
    assert list(copnet.temporal_reach(net, log, ["0"]).to_pandas().index) == [0, 1, 2, 3]


def cli_json(args: List[str]) -> Dict[str, Any]:
    out = subprocess.run([CLI, *args, "--nodes", str(EXAMPLE / "nodes.csv"), "--ties",
                          str(EXAMPLE / "ties.csv"), "--events", str(EVENTS), "--format",
                          "json"], check=True, capture_output=True, text=True).stdout
    data: Dict[str, Any] = json.loads(out)
    return data


@pytest.mark.skipif(not CLI, reason="COPNET_CLI names no copnet program")
def test_to_dict_is_the_cli_json(net: copnet.Network, log: copnet.EventLog) -> None:
    cases = {
        "health": lambda: copnet.health(net, log),
        "health --every 7d --since 2024-02-01 --leaders --leaders-top 0.2":
            lambda: copnet.health(net, log, every="7d", since="2024-02-01", leaders=True,
                                  leaders_top=0.2),
        "reach --temporal": lambda: copnet.temporal_reach(net, log, facet="sector"),
        "reach --temporal --from fam-01,uni-02 --since 2024-06-01 --direction both --facet level":
            lambda: copnet.temporal_reach(net, log, ["fam-01", "uni-02"], since="2024-06-01",
                                          direction="both", facet="level"),
    }
    for command, make in cases.items():
        expected = cli_json(command.split())
        got = make().to_dict()
        assert list(got) == list(expected), command
        assert got == expected, command
    leaders = copnet.emerging_leaders(net, log, every="7d", since="2024-02-01", top=0.2)
    assert leaders.to_list() == cli_json(
        "health --every 7d --since 2024-02-01 --leaders --leaders-top 0.2".split())["leaders"]
    counts = cli_json(["reach", "--temporal", "--counts"])["counts"]
    assert copnet.temporal_reach_counts(net, log) == {c["id"]: c["reached"] for c in counts}
    # Any analysis on a window: --window is copnet.window (the network's ties added).
    w = copnet.window(net, log, "2024-03-01..2024-04-01")
    for command, make in {
        "centrality --window 2024-03-01..2024-04-01": lambda: copnet.centrality(w),
        "network --window 2024-03-01..2024-04-01": lambda: copnet.network(w),
        "reach --window 2024-03-01..2024-04-01 --relations interaction":
            lambda: copnet.reach(w, w.community().members("core"), kinds="interaction",
                                 community=w.community(), facet="sector"),
    }.items():
        assert make().to_dict() == cli_json(command.split()), command
    assert not math.isnan(copnet.network(w).density)


def test_health_chart_draws_each_window_as_the_reference_counts_it(
        net: copnet.Network, log: copnet.EventLog) -> None:
    import xml.etree.ElementTree as ET
    svg = copnet.health_chart(net, log, every="1m")
    root = ET.fromstring(svg)  # well-formed XML
    ns = {"s": "http://www.w3.org/2000/svg"}
    expected = REFERENCE["windows"]["1m"]

    def series(name: str) -> List[Any]:
        groups = [g for g in root.iter("{http://www.w3.org/2000/svg}g")
                  if g.get("class") == "series " + name]
        assert len(groups) == 1, name
        return groups[0].findall("s:circle", ns) + groups[0].findall("s:rect", ns)

    active = series("active members")
    assert len(active) == len(expected)
    for dot, want in zip(active, expected):
        assert dot.find("s:title", ns).text.endswith(f", active members: {want['active']}")
    assert [r.find("s:title", ns).text.split(", ")[1] for r in series("newcomers")] == \
        [f"newcomers: {w['newcomers']}" for w in expected]
    assert len(series("persistence")) == sum(w["persistence"] is not None for w in expected)
    with pytest.raises(copnet.InvalidValue, match="320"):
        copnet.health_chart(net, log, width=100)


@pytest.mark.skipif(not CLI, reason="COPNET_CLI is not set")
def test_health_chart_cli_writes_what_python_draws(
        net: copnet.Network, log: copnet.EventLog, tmp_path: pathlib.Path) -> None:
    out = tmp_path / "health.svg"
    subprocess.run([CLI, "health", "--chart", str(out)], check=True, capture_output=True)
    title = ("Community health over time: bundled example: a state employment CoP "
             "(illustrative, invented data)")
    assert out.read_text(encoding="utf-8") == copnet.health_chart(net, log, title=title)


def test_health_reports_progress_and_gives_the_same_answer(
        net: copnet.Network, log: copnet.EventLog) -> None:
    calls: List[Any] = []
    h = copnet.health(net, log, every="1m", progress=lambda d, t: calls.append((d, t)))
    assert h.to_dict() == copnet.health(net, log, every="1m").to_dict()
    assert len(calls) >= 3 and calls[-1][0] == calls[-1][1]
    assert all(b[0] > a[0] for a, b in zip(calls, calls[1:]))
