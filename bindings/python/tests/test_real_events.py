"""Health and temporal reach on a real event log, against an independent implementation.

The log is tests/data/perceval-git/ (README there): 607 "follows up" events between 49
pseudonymous authors of CHAOSS's grimoirelab-perceval, 2016–2026, derived from its git history
by scripts/git_events.py. Real data brings what invented logs do not: time-zone offsets,
author dates out of order, values above 1, many windows without a single event, one member
making most of the events.

The expected values are computed here, in this file, from the definitions of DESIGN §3.5 /
docs/concepts.md with pandas and plain Python — per window a set computation over a DataFrame
filter (not copnet's one sorted pass), burstiness from numpy's population standard deviation
(not a running Welford sum), temporal reach as a fixed-point relaxation over all events until
nothing improves (not one time-ordered pass)."""
from __future__ import annotations

import datetime
import json
import os
import pathlib
import subprocess
from typing import Any, Dict, Iterator, List, Optional, Set, Tuple

import pytest

import copnet

pd = pytest.importorskip("pandas", reason="python3-pandas is not installed")
np = pytest.importorskip("numpy", reason="python3-numpy is not installed")

ROOT = pathlib.Path(__file__).resolve().parents[3]
DATA = ROOT / "tests" / "data" / "perceval-git"
CLI = os.environ.get("COPNET_CLI", "")
UTC = datetime.timezone.utc
CIRCLES = ("core", "inner", "outer", "none")


def iso(t: pd.Timestamp) -> str:
    return t.strftime("%Y-%m-%dT%H:%M:%SZ")


@pytest.fixture(scope="module")
def nodes() -> pd.DataFrame:
    return pd.read_csv(DATA / "nodes.csv", dtype=str, keep_default_na=False)


@pytest.fixture(scope="module")
def events() -> pd.DataFrame:
    df = pd.read_csv(DATA / "events.csv", dtype={"source": str, "target": str})
    # Offsets kept by datetime.fromisoformat, then UTC: the log's own instants.
    df["t"] = pd.to_datetime([datetime.datetime.fromisoformat(s).astimezone(UTC)
                              for s in df["time"]], utc=True)
    return df.sort_values("t", kind="stable").reset_index(drop=True)


@pytest.fixture(scope="module")
def net() -> copnet.Network:
    return copnet.parse_csv((DATA / "nodes.csv").read_text(encoding="utf-8"), "source,target\n")


@pytest.fixture(scope="module")
def log(net: copnet.Network) -> copnet.EventLog:
    return copnet.read_events(net, DATA / "events.csv")


def cut(first: pd.Timestamp, last: pd.Timestamp, span: str) -> Iterator[Tuple[Any, Any]]:
    """Consecutive windows from the first event's day (month for "1m") to the last event."""
    if span == "1m":
        start = pd.Timestamp(year=first.year, month=first.month, day=1, tz=UTC)
        step = pd.DateOffset(months=1)
    else:
        start = first.floor("D")
        step = pd.Timedelta(days=int(span[:-1]))
    while start <= last:
        yield start, start + step
        start = start + step


def fewest_for_half(counts: List[int]) -> int:
    total, got, k = sum(counts), 0, 0
    for c in sorted(counts, reverse=True):
        if 2 * got >= total:
            break
        got, k = got + c, k + 1
    return k


def expected_windows(events: pd.DataFrame, nodes: pd.DataFrame, span: str) -> List[Dict[str, Any]]:
    org = dict(zip(nodes["id"], nodes["organization"]))
    circle = dict(zip(nodes["id"], nodes["circle"].replace("", "none")))
    members = {c: int((nodes["circle"].replace("", "none") == c).sum()) for c in CIRCLES}
    rows: List[Dict[str, Any]] = []
    seen: Set[str] = set()
    prev: Optional[Dict[str, Set[Any]]] = None
    for start, end in cut(events["t"].iloc[0], events["t"].iloc[-1], span):
        w = events[(events["t"] >= start) & (events["t"] < end)]
        active = set(w["source"]) | set(w["target"])
        new = active - seen
        seen |= active
        pairs = {frozenset(p) for p in zip(w["source"], w["target"])}
        arcs = set(zip(w["source"], w["target"]))
        sent = w.groupby("source").size()
        by_org = w[w["source"].map(org) != ""].groupby(w["source"].map(org)).size()
        union = pairs | prev["pairs"] if prev else set()
        rows.append({
            "start": iso(start), "end": iso(end), "events": len(w), "active": len(active),
            "newcomers": len(new),
            "retained": None if prev is None else len(prev["new"] & active),
            "departed": None if prev is None else len(prev["active"] - active),
            "pairs": len(pairs),
            "formed": None if prev is None else len(pairs - prev["pairs"]),
            "dissolved": None if prev is None else len(prev["pairs"] - pairs),
            "persistence": None if prev is None or not union
            else len(pairs & prev["pairs"]) / len(union),
            "reciprocity": sum((b, a) in arcs for a, b in arcs) / len(arcs) if arcs else None,
            "absence_factor": fewest_for_half(list(sent)),
            "elephant_factor": fewest_for_half(list(by_org)) if len(by_org) else None,
            "by_circle": {c: (sum(circle[a] == c for a in active), members[c]) for c in CIRCLES},
        })
        prev = {"new": new, "active": active, "pairs": pairs}
    return rows


def test_the_log_is_read_whole_and_in_utc(log: copnet.EventLog, events: pd.DataFrame) -> None:
    assert len(log) == len(events) == 607
    assert log.kind == "date_time"
    got = sorted((e.time, e.source, e.target, e.value) for e in log.events())
    want = sorted((iso(t), s, d, float(v)) for t, s, d, v in
                  zip(events["t"], events["source"], events["target"], events["value"]))
    assert got == want
    assert (log.first, log.last) == (iso(events["t"].iloc[0]), iso(events["t"].iloc[-1]))


@pytest.mark.parametrize("span", ["30d", "1m", "7d"])
def test_health_windows_field_by_field(net: copnet.Network, log: copnet.EventLog,
                                       events: pd.DataFrame, nodes: pd.DataFrame,
                                       span: str) -> None:
    h = copnet.health(net, log, every=span)
    expected = expected_windows(events, nodes, span)
    assert len(h.windows) == len(expected)
    assert sum(w["events"] == 0 for w in expected) > 0  # real logs have silent windows
    for got, want in zip(h.windows, expected):
        where = (span, want["start"])
        assert (got.start, got.end) == (want["start"], want["end"]), where
        for key in ("events", "active", "newcomers", "retained", "departed", "pairs", "formed",
                    "dissolved", "absence_factor", "elephant_factor"):
            assert got[key] == want[key], (where, key)
        for key in ("persistence", "reciprocity"):
            if want[key] is None:
                assert got[key] is None, (where, key)
            else:
                assert got[key] == pytest.approx(want[key], abs=1e-12), (where, key)
        assert {c.circle: (c.active, c.members) for c in got.by_circle} == want["by_circle"], where
        for c in got.by_circle:
            assert (c.share is None) == (c.members == 0)
            assert c.share is None or c.share == pytest.approx(c.active / c.members)


def test_health_members_field_by_field(net: copnet.Network, log: copnet.EventLog,
                                       events: pd.DataFrame) -> None:
    h = copnet.health(net, log, every="30d")
    windows = list(cut(events["t"].iloc[0], events["t"].iloc[-1], "30d"))
    everyone = set(events["source"]) | set(events["target"])
    assert {m.id for m in h.members} == everyone
    for m in h.members:
        mine = events[(events["source"] == m.id) | (events["target"] == m.id)]["t"]
        gaps = np.diff(mine.astype("int64").to_numpy() // 10**6).astype(float)  # ms
        b = None
        if len(mine) >= 3 and gaps.std() + gaps.mean() > 0:
            b = (gaps.std() - gaps.mean()) / (gaps.std() + gaps.mean())
        active = sum(((mine >= s) & (mine < e)).any() for s, e in windows)
        assert (m.events, m.active_windows, m.first, m.last) == (
            len(mine), active, iso(mine.iloc[0]), iso(mine.iloc[-1])), m.id
        assert (m.burstiness is None) == (b is None), m.id
        assert b is None or m.burstiness == pytest.approx(b, abs=1e-9), m.id


def relax(events: pd.DataFrame, sources: List[str], since: pd.Timestamp,
          direction: str = "out") -> Dict[str, pd.Timestamp]:
    """Earliest arrivals by relaxing every event until nothing improves (any event order)."""
    hops: List[Tuple[pd.Timestamp, str, str]] = []
    for t, s, d in zip(events["t"], events["source"], events["target"]):
        if t < since:
            continue
        if direction in ("out", "both"):
            hops.append((t, s, d))
        if direction in ("in", "both"):
            hops.append((t, d, s))
    arrival = {s: since for s in sources}
    changed = True
    while changed:
        changed = False
        for t, a, b in reversed(hops):  # the worst order for a single pass
            if a in arrival and arrival[a] <= t and (b not in arrival or t < arrival[b]):
                arrival[b] = t
                changed = True
    return arrival


def test_temporal_reach_from_everyone(net: copnet.Network, log: copnet.EventLog,
                                      events: pd.DataFrame) -> None:
    first = events["t"].iloc[0]
    everyone = sorted(set(events["source"]) | set(events["target"]))
    counts = copnet.temporal_reach_counts(net, log)
    for who in everyone:
        want = relax(events, [who], first)
        r = copnet.temporal_reach(net, log, [who], community=None)
        assert r.arrivals == {k: iso(t) for k, t in want.items()}, who
        assert counts[who] == len(want) - 1, who
    assert max(counts.values()) > 1  # the log carries messages somewhere


@pytest.mark.parametrize("direction", ["in", "both"])
def test_temporal_reach_directions_and_since(net: copnet.Network, log: copnet.EventLog,
                                             events: pd.DataFrame, direction: str) -> None:
    busiest = events["source"].value_counts().index[:3].tolist()
    for since in (events["t"].iloc[0], pd.Timestamp("2019-06-01", tz=UTC)):
        want = relax(events, busiest, since, direction)
        r = copnet.temporal_reach(net, log, busiest, direction=direction, since=iso(since),
                                  community=None)
        assert r.arrivals == {k: iso(t) for k, t in want.items()}, (direction, since)
        assert r.count == len(want)


@pytest.mark.skipif(not CLI, reason="COPNET_CLI names no copnet program")
def test_cli_health_and_temporal_reach_on_the_real_log(
        net: copnet.Network, log: copnet.EventLog, events: pd.DataFrame, nodes: pd.DataFrame,
        tmp_path: pathlib.Path) -> None:
    ties = tmp_path / "ties.csv"
    ties.write_text("source,target\n", encoding="utf-8")

    def run(*args: str) -> Dict[str, Any]:
        out = subprocess.run([CLI, *args, "--nodes", str(DATA / "nodes.csv"), "--ties",
                              str(ties), "--events", str(DATA / "events.csv"), "--format",
                              "json"], check=True, capture_output=True, text=True).stdout
        data: Dict[str, Any] = json.loads(out)
        return data

    got = run("health", "--every", "30d")["windows"]
    want = expected_windows(events, nodes, "30d")
    assert [(w["start"], w["events"], w["active"], w["newcomers"], w["absence_factor"])
            for w in got] == [(w["start"], w["events"], w["active"], w["newcomers"],
                               w["absence_factor"]) for w in want]
    busiest = events["source"].value_counts().index[0]
    reach = run("reach", "--temporal", "--from", busiest)
    arrival = relax(events, [busiest], events["t"].iloc[0])
    assert reach["count"] == len(arrival)
    assert {r["id"]: r["arrival"] for r in reach["reached"]} == {
        k: iso(t) for k, t in arrival.items()}
