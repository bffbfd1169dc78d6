#!/usr/bin/python3
"""Reference values for copnet's health and temporal reach (issue 21), computed here from the
definitions of docs/concepts.md ("Interaction over time") with the Python standard library and NetworkX — independently
of copnet's C++ (sets per window instead of one sorted pass; a fixed-point relaxation instead
of one pass for temporal reach). Run once; the output is committed:

    /usr/bin/python3 tests/data/make_health_fixture.py

Input: the bundled example's invented event log, examples/data/state-employment/events.csv
(with its nodes.csv for organizations and circles). Output:
tests/data/state-employment-health.reference.json with
- windows[span]: for spans "1m" (calendar months) and "7d" (days from the first event's day),
  every field of `copnet health`'s windows (by_circle as {circle: [active, members]});
  reciprocity = networkx.overall_reciprocity(D) of the window's DiGraph D of ordered pairs with
  an event (sna's edgewise grecip), null for an empty window;
- members: {id: [events, active_windows (of the 1m windows), first_ms, last_ms, burstiness]};
- temporal[source]: {id: arrival_ms} from each core member alone, since the first event.
Times are milliseconds since 1970-01-01T00:00:00Z.
"""

import csv
import json
import os
import statistics
from datetime import datetime, timedelta, timezone

import networkx as nx

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DATA = os.path.join(ROOT, "examples", "data", "state-employment")
OUT = os.path.join(ROOT, "tests", "data", "state-employment-health.reference.json")
EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)


def ms(t):
    return int((t - EPOCH) / timedelta(milliseconds=1))


def month_start(t):
    return datetime(t.year, t.month, 1, tzinfo=timezone.utc)


def next_month(t):
    return datetime(t.year + t.month // 12, t.month % 12 + 1, 1, tzinfo=timezone.utc)


def fewest_for_half(counts):
    total = sum(counts)
    got, k = 0, 0
    for c in sorted(counts, reverse=True):
        if 2 * got >= total:
            break
        got += c
        k += 1
    return k


def main():
    with open(os.path.join(DATA, "nodes.csv"), newline="", encoding="utf-8") as f:
        nodes = list(csv.DictReader(f))
    org = {n["id"]: " ".join(n["organization"].split()).casefold() for n in nodes}
    circle = {n["id"]: n["circle"] or "none" for n in nodes}
    members_of = {c: sum(1 for n in nodes if circle[n["id"]] == c) for c in
                  ("core", "inner", "outer", "none")}
    with open(os.path.join(DATA, "events.csv"), newline="", encoding="utf-8") as f:
        events = [(datetime.fromisoformat(r["time"]).astimezone(timezone.utc), r["source"],
                   r["target"]) for r in csv.DictReader(f)]
    events.sort(key=lambda e: e[0])  # stable: rows at one instant keep their order
    first, last = events[0][0], events[-1][0]

    def cut(span):
        if span == "1m":
            start = month_start(first)
            while start <= last:
                yield start, next_month(start)
                start = next_month(start)
        else:
            start = datetime(first.year, first.month, first.day, tzinfo=timezone.utc)
            while start <= last:
                yield start, start + timedelta(days=7)
                start += timedelta(days=7)

    windows = {}
    for span in ("1m", "7d"):
        rows, seen = [], set()
        prev = None
        for start, end in cut(span):
            evs = [e for e in events if start <= e[0] < end]
            active = {e[1] for e in evs} | {e[2] for e in evs}
            new = active - seen
            seen |= active
            pairs = {frozenset((e[1], e[2])) for e in evs}
            arcs = nx.DiGraph()
            arcs.add_edges_from((e[1], e[2]) for e in evs)
            sent = {}
            for e in evs:
                sent[e[1]] = sent.get(e[1], 0) + 1
            by_org = {}
            for who, n in sent.items():
                if org[who]:
                    by_org[org[who]] = by_org.get(org[who], 0) + n
            row = {
                "start": ms(start), "end": ms(end), "events": len(evs), "active": len(active),
                "newcomers": len(new),
                "retained": None if prev is None else len(prev["new"] & active),
                "departed": None if prev is None else len(prev["active"] - active),
                "pairs": len(pairs),
                "formed": None if prev is None else len(pairs - prev["pairs"]),
                "dissolved": None if prev is None else len(prev["pairs"] - pairs),
                "persistence": None if prev is None or not (pairs | prev["pairs"])
                else len(pairs & prev["pairs"]) / len(pairs | prev["pairs"]),
                "reciprocity": nx.overall_reciprocity(arcs) if evs else None,
                "absence_factor": fewest_for_half(list(sent.values())),
                "elephant_factor": fewest_for_half(list(by_org.values())) if by_org else None,
                "by_circle": {c: [sum(1 for a in active if circle[a] == c), members_of[c]]
                              for c in ("core", "inner", "outer", "none")},
            }
            rows.append(row)
            prev = {"new": new, "active": active, "pairs": pairs}
        windows[span] = rows

    members = {}
    months = list(cut("1m"))
    for who in sorted({e[1] for e in events} | {e[2] for e in events}):
        times = [e[0] for e in events if who in (e[1], e[2])]
        gaps = [(b - a) / timedelta(milliseconds=1) for a, b in zip(times, times[1:])]
        b = None
        if len(times) >= 3:
            mu, sigma = statistics.fmean(gaps), statistics.pstdev(gaps)
            b = None if sigma + mu == 0 else (sigma - mu) / (sigma + mu)
        members[who] = [len(times), sum(1 for s, e in months if any(s <= t < e for t in times)),
                        ms(times[0]), ms(times[-1]), b]

    temporal = {}
    for source in sorted(n["id"] for n in nodes if circle[n["id"]] == "core"):
        arrival = {source: first}
        changed = True
        while changed:  # relax every event until nothing improves
            changed = False
            for t, a, b in events:
                if a in arrival and arrival[a] <= t and (b not in arrival or t < arrival[b]):
                    arrival[b] = t
                    changed = True
        temporal[source] = {who: ms(t) for who, t in sorted(arrival.items())}

    with open(OUT, "w", encoding="utf-8") as f:
        json.dump({"source": "tests/data/make_health_fixture.py, Python " +
                   ".".join(map(str, os.sys.version_info[:3])) + ", NetworkX " + nx.__version__,
                   "windows": windows, "members": members, "temporal": temporal}, f, indent=1,
                  sort_keys=True)
        f.write("\n")


if __name__ == "__main__":
    main()
