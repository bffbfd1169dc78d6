#!/usr/bin/env python3
"""Generate the bundled example's event log (illustrative, invented data).

Everything written here is invented for teaching: the interactions never happened, and the
people they name do not exist (see README.md). Run from the repository root:

    /usr/bin/python3 examples/data/events.py

It rewrites examples/data/state-employment/events.csv byte-identically on every run (a fixed
seed, Python standard library only): a year of messages (2024) along the community's ties,
written in the invented state's local time (UTC-05:00), where

- members join over the year (the core in January, the rest by a date drawn per stakeholder),
  and some outer-circle members and non-members go quiet after a while;
- the core and inner circle write more often than the outer circle, and most messages are
  answered within a few days;
- the core group meets once a month (one event per pair of core members present).
"""

import csv
import os
import random
from datetime import datetime, timedelta, timezone

HERE = os.path.dirname(os.path.abspath(__file__))
DIR = os.path.join(HERE, "state-employment")
ZONE = timezone(timedelta(hours=-5))
RATE = {"core": 3.0, "inner": 1.6, "outer": 0.7, "none": 0.35}  # messages per tie and month


def main():
    rng = random.Random(2024)
    with open(os.path.join(DIR, "nodes.csv"), newline="", encoding="utf-8") as f:
        nodes = list(csv.DictReader(f))
    with open(os.path.join(DIR, "ties.csv"), newline="", encoding="utf-8") as f:
        ties = list(csv.DictReader(f))
    circle = {n["id"]: n["circle"] or "none" for n in nodes}
    joins, leaves = {}, {}
    for n in nodes:
        c = circle[n["id"]]
        joins[n["id"]] = 0 if c == "core" else rng.choice(range(0, 9 if c != "none" else 11))
        quits = c in ("outer", "none") and rng.random() < 0.3
        leaves[n["id"]] = rng.choice(range(joins[n["id"]] + 2, 14)) if quits else 99
    rows = []

    def when(month):
        start = datetime(2024, month + 1, 1, tzinfo=ZONE)
        end = datetime(2024 + (month + 1) // 12, (month + 1) % 12 + 1, 1, tzinfo=ZONE)
        t = start + timedelta(minutes=rng.randrange(int((end - start).total_seconds() // 60)))
        return t.replace(hour=rng.choice(range(8, 19)))

    def active(who, month):
        return joins[who] <= month < leaves[who]

    for month in range(12):
        for t in ties:
            a, b = t["source"], t["target"]
            if not (active(a, month) and active(b, month)):
                continue
            rate = max(RATE[circle[a]], RATE[circle[b]]) * (0.5 if t["kind"] == "authority" else 1)
            for _ in range(int(rate) + (1 if rng.random() < rate - int(rate) else 0)):
                sent = when(month)
                rows.append((sent, a, b))
                if rng.random() < 0.6:  # answered within a few days
                    rows.append((sent + timedelta(hours=rng.randrange(1, 96)), b, a))
        core = [n["id"] for n in nodes if circle[n["id"]] == "core"]
        meeting = datetime(2024, month + 1, 10, 15, 0, tzinfo=ZONE)
        present = [c for c in core if rng.random() < 0.85]
        for i, a in enumerate(present):
            for b in present[i + 1:]:
                rows.append((meeting, a, b))
    rows = [r for r in rows if r[0].astimezone(timezone.utc).year == 2024]
    rows.sort(key=lambda r: (r[0], r[1], r[2]))
    with open(os.path.join(DIR, "events.csv"), "w", newline="", encoding="utf-8") as f:
        f.write("time,source,target\n")
        for t, a, b in rows:
            f.write(f"{t.isoformat()},{a},{b}\n")
    print(f"events.csv: {len(rows)} events, {len({r[1] for r in rows} | {r[2] for r in rows})} "
          f"stakeholders")


if __name__ == "__main__":
    main()
