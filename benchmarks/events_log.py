#!/usr/bin/env python3
"""Writes an invented event log over a generated landscape, for timing the CLI on it.

The shape is benchmarks/events_benchmark.cpp's (issue 21's speed case): 10 events per
stakeholder by default, sources and targets drawn by the landscape's Chung-Lu weights
((i + 1)^(-2/3), a few very active members), times a Poisson stream over 2024-2025 at second
resolution written 2024-03-05T14:30:00Z, relations messages 70 %, reviews 20 %, meetings 10 %,
value 1, rows in time order (--shuffle: in random order). Seeded (numpy's generator, so not
the very rows of the C++ benchmark). Invented data: the log describes no real people.

    copnet generate --stakeholders 1000000 --ties 1000000 --out /tmp/big
    python3 benchmarks/events_log.py /tmp/big/nodes.csv /tmp/big/events.csv
    time copnet health --nodes /tmp/big/nodes.csv --ties /tmp/big/ties.csv \
        --events /tmp/big/events.csv --every 30d --format json > /dev/null
"""
import argparse
import csv
import datetime as dt

import numpy as np


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("nodes", help="nodes.csv of the landscape (its id column)")
    parser.add_argument("events", help="events.csv to write")
    parser.add_argument("--per-stakeholder", type=int, default=10, help="events per stakeholder")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--shuffle", action="store_true", help="rows in random order")
    args = parser.parse_args()

    with open(args.nodes, newline="", encoding="utf-8") as f:
        ids = np.array([row["id"] for row in csv.DictReader(f)], dtype=object)
    n = len(ids)
    count = args.per_stakeholder * n
    rng = np.random.default_rng(args.seed)
    e = 1.0 / 3.0
    top = (n + 1.0) ** e - 1.0

    def draw(size: int) -> np.ndarray:
        x = (1.0 + rng.random(size) * top) ** (1.0 / e)
        return np.minimum(np.floor(x) - 1.0, n - 1).astype(np.int64)

    source = draw(count)
    target = draw(count)
    same = source == target
    while same.any():
        target[same] = draw(int(same.sum()))
        same = source == target
    seconds = 2 * 365 * 86400
    start = int(dt.datetime(2024, 1, 1, tzinfo=dt.timezone.utc).timestamp())
    times = start + np.floor(np.cumsum(rng.exponential(seconds / count, count))).astype(np.int64)
    relation = np.array(["messages", "reviews", "meetings"], dtype=object)[
        np.searchsorted([0.7, 0.9], rng.random(count), side="right")]
    stamps = np.datetime_as_string(times.astype("datetime64[s]"), unit="s").astype(object) + "Z"
    order = rng.permutation(count) if args.shuffle else np.arange(count)
    with open(args.events, "w", encoding="utf-8", newline="") as f:
        f.write("time,source,target,relation,value\n")
        chunk = 1_000_000
        for lo in range(0, count, chunk):
            rows = order[lo:lo + chunk]
            f.write("".join(f"{t},{s},{d},{r},1\n" for t, s, d, r in
                            zip(stamps[rows], ids[source[rows]], ids[target[rows]], relation[rows])))


if __name__ == "__main__":
    main()
