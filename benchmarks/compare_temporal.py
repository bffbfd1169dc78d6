#!/usr/bin/python3
"""copnet's temporal reach side by side with a plain Python loop and with static reach, in one run.

On a landscape of `copnet generate` (nodes.csv, ties.csv) and an event log over it
(benchmarks/events_log.py: 10 events per stakeholder, times a Poisson stream over 2024-2025 at
second resolution, relations messages / reviews / meetings) — all of it invented, generated
data that describes no real people — from the same seeded sources (100 by default), it times,
median of --repeat runs, wall clock, each side on data already loaded (the network and the log
are read once, outside the timing):

  temporal reach     copnet.temporal_reach (the Python module; the time includes building
                     the Python result, a row per stakeholder reached) | a plain Python loop
                     written from the definition (the design's §3.5, docs/concepts.md
                     "Temporal reach"): one pass over the events in time order; an event
                     passes the message if its sender holds it (both ways for a mutual
                     relation); events at one instant chain in any order of the rows, as
                     include/copnet/analysis/temporal_reach.hpp states (here a fixed point
                     over the instant's events)
  aggregate the log  copnet.window over the whole log (ties=False: only the events' pairs, one
                     tie per pair and relation) | Python: the distinct arcs as adjacency lists
                     | NetworkX: a DiGraph of the arcs (optional)
  static reach       copnet.reach on that aggregate (unlimited hops) | a plain Python
                     breadth-first search on the adjacency lists | networkx.bfs_layers
                     (optional) — what ignoring time would claim

copnet's 100-source results are Python rows, one per stakeholder reached, and building them
is most of copnet's time there; so each measure is also timed from the first source alone with
a number for a result (copnet.temporal_reach_counts, copnet.reach_counts on one thread), which
times the pass itself. Python's garbage collector is off during every timing, for every side.

Checks (exit 1 when one fails): copnet's temporal reached set and every arrival time equal the
Python loop's; the static reached sets of every side are equal; the temporal set lies inside
the static one (so the static count is at least the temporal one); the aggregate has as many
ties as the Python side's distinct (pair, relation) keys. Then it prints the counts and times
as a Markdown table (ratio = copnet / Python: below 1, copnet is faster) with the load average.

Relations are followed as copnet does by default: every positive relation, along a directed
relation's events, both ways for a mutual one (authority and influence directed,
collaboration mutual, interaction directed, co_attendance mutual, a name the files do not
declare directed; DATA_DIR/relations.csv, when there, declares others and is given to copnet).
The reference checks its reading of them against the relations copnet declared.

Usage:
  /usr/bin/python3 benchmarks/compare_temporal.py BUILD_DIR DATA_DIR
      DATA_DIR holds nodes.csv, ties.csv and events.csv, e.g. made by
        copnet generate --out DIR --stakeholders N --ties M --seed S
        /usr/bin/python3 benchmarks/events_log.py DIR/nodes.csv DIR/events.csv
  /usr/bin/python3 benchmarks/compare_temporal.py BUILD_DIR [DATA_DIR] --stakeholders N [--ties M]
      generates them first (into DATA_DIR, kept, when given; else a temporary folder)
  /usr/bin/python3 benchmarks/compare_temporal.py BUILD_DIR --quick
      10,000 stakeholders, 100,000 events: the CI smoke test (benchmarks.compare_temporal_smoke)
Options: --repeat R (3), --sources K (100), --seed S (20261204), --per-stakeholder E (10),
--networkx-limit N (NetworkX only up to N stakeholders; 100,000).

Needs Debian's python3 and the copnet Python module of BUILD_DIR (bindings/python); NetworkX
(python3-networkx) is optional. Exits 77 (skipped) when the copnet module is not built.
"""
import argparse
import collections
import csv
import gc
import os
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time

SKIPPED = 77
HERE = os.path.dirname(os.path.abspath(__file__))


def fail(message):
    print(f"compare_temporal.py: error: {message}", file=sys.stderr)
    sys.exit(2)


def median_time(fn, repeat):
    """The median wall time of `repeat` calls of fn, and its last value."""
    times, value = [], None
    for _ in range(repeat):
        value = None  # let the previous result go before the next run
        start = time.perf_counter()
        value = fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times), value


# ---- times, as copnet reads them (docs/formats.md, events.csv) --------------------------------

def days_from_civil(y, m, d):
    """Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm, as copnet)."""
    y -= m <= 2
    era = (y if y >= 0 else y - 399) // 400
    yoe = y - era * 400
    doy = (153 * (m + (-3 if m > 2 else 9)) + 2) // 5 + d - 1
    doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
    return era * 146097 + doe - 719468


ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?"
                 r"(Z|[+-]\d{2}(?::?\d{2})?)?)?$")


class Clock:
    """Event times as integers: ISO 8601 dates and date-times as milliseconds since 1970 UTC
    (a fraction kept to the millisecond, further digits dropped; no zone = UTC), or plain
    whole numbers as they are. Dates are remembered (rows come in bursts of one day)."""

    def __init__(self):
        self.days = {}
        self.number = None  # True: plain numbers; False: ISO

    def day(self, text):
        d = self.days.get(text)
        if d is None:
            d = self.days[text] = days_from_civil(int(text[0:4]), int(text[5:7]), int(text[8:10]))
        return d

    def __call__(self, text):
        if self.number is None:
            self.number = ISO.match(text) is None
        if self.number:
            return int(text)
        # The common spelling, 2024-03-05T14:30:00Z, without the regular expression.
        if len(text) == 20 and text[10] == "T" and text[19] == "Z" and text[13] == ":":
            return ((self.day(text[:10]) * 86400 + int(text[11:13]) * 3600 +
                     int(text[14:16]) * 60 + int(text[17:19])) * 1000)
        m = ISO.match(text)
        if m is None:
            raise ValueError(f"not an ISO 8601 time: {text!r}")
        y, mo, d, hh, mm, ss, frac, zone = m.groups()
        seconds = self.day(text[:10]) * 86400
        if hh is not None:
            seconds += int(hh) * 3600 + int(mm) * 60 + int(ss or 0)
        if zone and zone != "Z":
            sign = -1 if zone[0] == "-" else 1
            digits = zone[1:].replace(":", "")
            seconds -= sign * (int(digits[:2]) * 3600 + int(digits[2:4] or 0) * 60)
        return seconds * 1000 + (int((frac + "00")[:3]) if frac else 0)


def iso_of(ms):
    """An ISO 8601 UTC text of milliseconds since 1970 (for the window's end)."""
    days, rest = divmod(ms, 86400_000)
    z = days + 719468
    era = (z if z >= 0 else z - 146096) // 146097
    doe = z - era * 146097
    yoe = (doe - doe // 1460 + doe // 36524 - doe // 146096) // 365
    doy = doe - (365 * yoe + yoe // 4 - yoe // 100)
    mp = (5 * doy + 2) // 153
    d = doy - (153 * mp + 2) // 5 + 1
    m = mp + (3 if mp < 10 else -9)
    y = yoe + era * 400 + (m <= 2)
    s, milli = divmod(rest, 1000)
    return f"{y:04d}-{m:02d}-{d:02d}T{s // 3600:02d}:{s // 60 % 60:02d}:{s % 60:02d}.{milli:03d}Z"


# ---- data ------------------------------------------------------------------------------------

def generate(cli, folder, n, m, per, seed):
    """copnet generate's landscape and events_log.py's log over it, into `folder`."""
    os.makedirs(folder, exist_ok=True)
    start = time.perf_counter()
    subprocess.run([cli, "generate", "--out", folder, "--stakeholders", str(n), "--ties", str(m),
                    "--seed", str(seed)], check=True, capture_output=True)
    subprocess.run([sys.executable, os.path.join(HERE, "events_log.py"),
                    os.path.join(folder, "nodes.csv"), os.path.join(folder, "events.csv"),
                    "--per-stakeholder", str(per), "--seed", str(seed)], check=True)
    return time.perf_counter() - start


# The relations copnet knows without a declaration (the design's §3.4, §3.5; attendance's
# co_attendance): name -> (direction, polarity).
BUILT_IN = {"authority": ("directed", "positive"), "influence": ("directed", "positive"),
            "collaboration": ("mutual", "positive"), "interaction": ("directed", "positive"),
            "co_attendance": ("mutual", "positive")}


def declared_relations(path):
    """name -> (direction, polarity): relations.csv's (name,role,direction,polarity,scale) over
    the built-in ones."""
    out = dict(BUILT_IN)
    if path:
        with open(path, newline="", encoding="utf-8-sig") as f:
            for row in csv.DictReader(f):
                out[row["name"].strip()] = ((row.get("direction") or "directed").strip(),
                                            (row.get("polarity") or "positive").strip())
    return out


class Log:
    """events.csv for the reference: rows in time order (stable), times as integers, sources
    and targets as the rows of nodes.csv, and how each event passes a message."""

    def __init__(self, nodes_csv, events_csv, relations):
        with open(nodes_csv, newline="", encoding="utf-8-sig") as f:
            self.ids = [row["id"] for row in csv.DictReader(f)]
        self.index = {x: i for i, x in enumerate(self.ids)}
        if len(self.index) != len(self.ids):
            fail(f"{nodes_csv}: repeated ids")
        clock = Clock()
        times, src, dst, rel = [], [], [], []
        names = {}  # relation name -> small int
        with open(events_csv, newline="", encoding="utf-8-sig") as f:
            rows = csv.reader(f)
            head = [h.strip() for h in next(rows)]
            for need in ("time", "source", "target"):
                if need not in head:
                    fail(f"{events_csv}: no {need} column (time,source,target[,relation,value])")
            ct, cs, cd = head.index("time"), head.index("source"), head.index("target")
            cr = head.index("relation") if "relation" in head else None
            index = self.index
            for line, row in enumerate(rows, start=2):
                if not row:
                    continue
                try:
                    times.append(clock(row[ct]))
                    src.append(index[row[cs]])
                    dst.append(index[row[cd]])
                except KeyError as e:
                    fail(f"{events_csv}:{line}: {e.args[0]!r} is not in {nodes_csv}")
                except (ValueError, IndexError) as e:
                    fail(f"{events_csv}:{line}: {e}")
                name = (row[cr] if cr is not None and cr < len(row) else "") or "interaction"
                rel.append(names.setdefault(name, len(names)))
        self.number = bool(clock.number)
        self.relation_names = list(names)
        # How each relation passes a message by default: (forward, backward).
        self.ways, self.mutual = [], []
        for name in self.relation_names:
            direction, polarity = relations.get(name, ("directed", "positive"))
            positive = polarity == "positive"
            self.ways.append((positive, positive and direction == "mutual"))
            self.mutual.append(direction == "mutual")
        if any(a > b for a, b in zip(times, times[1:])):
            order = sorted(range(len(times)), key=times.__getitem__)  # stable, as copnet's load
            times, src, dst, rel = ([v[i] for i in order] for v in (times, src, dst, rel))
        self.times, self.src, self.dst = times, src, dst
        forward = [w[0] for w in self.ways]
        backward = [w[1] for w in self.ways]
        self.forward = [forward[r] for r in rel]
        self.backward = [backward[r] for r in rel]
        self.rel = rel

    def __len__(self):
        return len(self.times)


# ---- the reference ---------------------------------------------------------------------------

def python_temporal_reach(log, sources, since):
    """Earliest arrival from `sources` (the design's §3.5), one pass over the time-sorted events:
    a stakeholder holding the message at time a passes it along each followed event from them
    at t >= a (both ways for a mutual relation); the sources hold it from `since`. The events
    of one instant chain in any order of the rows: they are gone through again until nobody
    new holds it. Returns {stakeholder row: arrival}."""
    arrival = [None] * len(log.ids)
    for s in sources:
        arrival[s] = since
    times, src, dst, fwd, bwd = log.times, log.src, log.dst, log.forward, log.backward
    n = len(times)
    i = 0
    while i < n and times[i] < since:
        i += 1
    while i < n:
        t = times[i]
        j = i + 1
        while j < n and times[j] == t:
            j += 1
        if j == i + 1:  # one event at this instant (the usual case)
            s, d = src[i], dst[i]
            if fwd[i] and arrival[s] is not None and arrival[d] is None:
                arrival[d] = t
            elif bwd[i] and arrival[d] is not None and arrival[s] is None:
                arrival[s] = t
        else:  # several: until nothing changes
            changed = True
            while changed:
                changed = False
                for e in range(i, j):
                    s, d = src[e], dst[e]
                    if fwd[e] and arrival[s] is not None and arrival[d] is None:
                        arrival[d] = t
                        changed = True
                    if bwd[e] and arrival[d] is not None and arrival[s] is None:
                        arrival[s] = t
                        changed = True
        i = j
    return {v: a for v, a in enumerate(arrival) if a is not None}


def python_aggregate(log):
    """The whole log ignoring time: adjacency lists of the distinct arcs a message follows
    (both ways for a mutual relation), and the number of distinct (pair, relation) keys — the
    ties a window of the whole log holds (an unordered pair for a mutual relation)."""
    arcs, keys = set(), set()
    mutual = log.mutual
    for s, d, r, f, b in zip(log.src, log.dst, log.rel, log.forward, log.backward):
        keys.add((min(s, d), max(s, d), r) if mutual[r] else (s, d, r))
        if f:
            arcs.add((s, d))
        if b:
            arcs.add((d, s))
    adjacency = [[] for _ in log.ids]
    for s, d in arcs:
        adjacency[s].append(d)
    return adjacency, len(keys), arcs


def python_static_reach(adjacency, sources):
    """Who a breadth-first search from `sources` reaches (sources included)."""
    seen = [False] * len(adjacency)
    queue = collections.deque()
    for s in sources:
        if not seen[s]:
            seen[s] = True
            queue.append(s)
    while queue:
        for v in adjacency[queue.popleft()]:
            if not seen[v]:
                seen[v] = True
                queue.append(v)
    return {v for v, x in enumerate(seen) if x}


# ---- the run ---------------------------------------------------------------------------------

def load_copnet(build):
    """The copnet module of BUILD_DIR (or of PYTHONPATH), or None."""
    package = os.path.join(build, "bindings", "python")
    if os.path.isdir(os.path.join(package, "copnet")):
        sys.path.insert(0, package)
    try:
        import copnet
    except ImportError as e:
        print(f"compare_temporal.py: skipped: the copnet Python module is not built ({e}); "
              f"build the target copnet_python (looked in {package})")
        return None
    return copnet


def fmt_s(x):
    return "-" if x is None else f"{x:.4f}" if x < 0.1 else f"{x:.3f}"


def fmt_ratio(a, b):
    return "-" if a is None or not b else f"{a / b:.3f}"


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter,
                                 epilog="\n".join(__doc__.splitlines()[1:]))
    ap.add_argument("build_dir",
                    help="copnet's build folder (tools/copnet/copnet, bindings/python)")
    ap.add_argument("data_dir", nargs="?",
                    help="folder with nodes.csv, ties.csv, events.csv (with --stakeholders: "
                         "where to generate them)")
    ap.add_argument("--stakeholders", type=int, help="generate a landscape of N stakeholders")
    ap.add_argument("--ties", type=int, help="with --stakeholders: its ties (default: N)")
    ap.add_argument("--per-stakeholder", type=int, default=10,
                    help="with --stakeholders: events per stakeholder (default 10)")
    ap.add_argument("--quick", action="store_true",
                    help="generate 10,000 stakeholders and 100,000 events (a smoke test)")
    ap.add_argument("--repeat", type=int, default=3, help="runs of each side, the median kept")
    ap.add_argument("--sources", type=int, default=100, help="seeded sources (default 100)")
    ap.add_argument("--seed", type=int, default=20261204)
    ap.add_argument("--networkx-limit", type=int, default=100_000,
                    help="NetworkX only up to this many stakeholders (default 100,000)")
    args = ap.parse_args()

    if args.quick:
        if args.stakeholders is not None:
            ap.error("--quick is 10,000 stakeholders: give --quick or --stakeholders, not both")
        args.stakeholders = 10_000
    if args.stakeholders is None:
        if args.ties is not None:
            ap.error("--ties needs --stakeholders")
        if args.data_dir is None:
            ap.error("give DATA_DIR (nodes.csv, ties.csv, events.csv), or --stakeholders N, "
                     "or --quick")
    elif args.stakeholders < 1:
        ap.error("--stakeholders must be at least 1")
    for name in ("repeat", "sources", "per_stakeholder"):
        if getattr(args, name) < 1:
            ap.error(f"--{name.replace('_', '-')} must be at least 1")
    if args.ties is not None and args.ties < 0:
        ap.error("--ties must not be negative")
    if not os.path.isdir(args.build_dir):
        ap.error(f"BUILD_DIR {args.build_dir} is not a folder")

    copnet = load_copnet(args.build_dir)
    if copnet is None:
        return SKIPPED
    cli = os.path.join(args.build_dir, "tools", "copnet", "copnet")
    load_before = os.getloadavg()

    temporary = None
    if args.stakeholders is not None:
        if not os.path.exists(cli):
            fail(f"{cli} is not built (copnet generate makes the landscape)")
        folder = args.data_dir
        if folder is None:
            temporary = tempfile.TemporaryDirectory(prefix="compare_temporal-")
            folder = temporary.name
        ties = args.stakeholders if args.ties is None else args.ties
        took = generate(cli, folder, args.stakeholders, ties, args.per_stakeholder, args.seed)
        where = "a temporary folder" if temporary else folder
        origin = (f"generated by this run in {took:.0f} s ({where}): "
                  f"`copnet generate --stakeholders {args.stakeholders} --ties {ties} --seed "
                  f"{args.seed}`, then `events_log.py --per-stakeholder {args.per_stakeholder} "
                  f"--seed {args.seed}` (invented data)")
    else:
        folder = args.data_dir
        origin = f"read from {folder} (a generated landscape and log: invented data)"
    paths = {k: os.path.join(folder, k) for k in ("nodes.csv", "ties.csv", "events.csv",
                                                   "relations.csv")}
    for k in ("nodes.csv", "ties.csv", "events.csv"):
        if not os.path.isfile(paths[k]):
            fail(f"{paths[k]} is missing (make it with copnet generate / events_log.py, "
                 "or give --stakeholders N)")
    relations_csv = paths["relations.csv"] if os.path.isfile(paths["relations.csv"]) else None

    # ---- load, once, outside the timing ----
    gc.disable()
    start = time.perf_counter()
    try:
        net = copnet.read_csv(paths["nodes.csv"], paths["ties.csv"], relations=relations_csv)
        events = copnet.read_events(net, paths["events.csv"])
    except copnet.Error as e:
        fail(f"copnet could not read {folder}: {e}")
    copnet_load = time.perf_counter() - start
    start = time.perf_counter()
    log = Log(paths["nodes.csv"], paths["events.csv"], declared_relations(relations_csv))
    python_load = time.perf_counter() - start
    # The collector stays off through the timings, for every side: a result of many Python
    # objects would otherwise pay for full collections over whatever else is alive (the
    # reference's lists, a NetworkX graph); nothing here makes reference cycles.
    n, count = len(log.ids), len(log)
    if count == 0:
        fail(f"{paths['events.csv']} holds no events")
    if args.sources > n:
        fail(f"--sources {args.sources}: the landscape has only {n} stakeholders")
    # The reference's reading of the relations must be copnet's.
    theirs = {r.name: r for r in net.relations}
    for name, (fwd, bwd) in zip(log.relation_names, log.ways):
        r = theirs.get(name)
        if r is None or (r.polarity == "positive") != fwd or (r.direction == "mutual") != \
                log.mutual[log.relation_names.index(name)]:
            fail(f"relation {name}: the reference follows it forward={fwd}, backward={bwd}; "
                 f"copnet declared {r}")

    rng = random.Random(args.seed)
    sources = sorted(rng.sample(range(n), args.sources))
    source_ids = [log.ids[s] for s in sources]
    since = log.times[0]

    # ---- temporal reach ----
    rows, problems = [], []

    def row(measure, result, cop, py, nx_s=None):
        rows.append([measure, result, fmt_s(cop), fmt_s(py), fmt_ratio(cop, py),
                     fmt_s(nx_s), fmt_ratio(cop, nx_s)])

    t_cop, r_cop = median_time(
        lambda: copnet.temporal_reach(net, events, source_ids, community=None), args.repeat)
    t_py, r_py = median_time(lambda: python_temporal_reach(log, sources, since), args.repeat)
    clock = Clock()
    clock.number = log.number
    cop_arrival = {log.index[x]: (a if log.number else clock(a))
                   for x, a in r_cop.arrivals.items()}
    if set(cop_arrival) != set(r_py):
        only_c = sorted(set(cop_arrival) - set(r_py))[:5]
        only_p = sorted(set(r_py) - set(cop_arrival))[:5]
        problems.append(f"temporal reached sets disagree: copnet {len(cop_arrival):,}, Python "
                        f"loop {len(r_py):,}; only copnet e.g. {[log.ids[v] for v in only_c]}, "
                        f"only Python e.g. {[log.ids[v] for v in only_p]}")
    else:
        wrong = [v for v, a in r_py.items() if cop_arrival[v] != a]
        if wrong:
            v = wrong[0]
            problems.append(f"{len(wrong):,} arrival times disagree, e.g. {log.ids[v]}: copnet "
                            f"{r_cop.arrivals[log.ids[v]]}, Python loop {r_py[v]}")
    if r_cop.count != len(cop_arrival):
        problems.append(f"copnet's count {r_cop.count} is not its {len(cop_arrival)} rows")
    temporal = len(cop_arrival)
    row(f"temporal reach, {args.sources} sources (reached set, arrivals)",
        f"{temporal:,} reached", t_cop, t_py)

    # The same pass with a number for a result: from the first source alone (copnet's
    # temporal_reach_counts), so that building the Python rows does not count.
    one, one_id = sources[0], source_ids[0]
    t_cop1, c_cop1 = median_time(
        lambda: copnet.temporal_reach_counts(net, events, who=[one_id]), args.repeat)
    t_py1, r_py1 = median_time(lambda: python_temporal_reach(log, [one], since), args.repeat)
    if c_cop1[one_id] != len(r_py1) - 1:
        problems.append(f"temporal reach count of {one_id}: copnet {c_cop1[one_id]:,}, Python "
                        f"loop {len(r_py1) - 1:,}")
    row("temporal reach count, 1 source (no rows)", f"{c_cop1[one_id]:,} others", t_cop1, t_py1)

    # ---- the aggregate and static reach ----
    nx = None
    if n <= args.networkx_limit:
        try:
            import networkx as nx
        except ImportError:
            nx = None
    end = log.times[-1] + 1 if log.number else iso_of(log.times[-1] + 1)
    first = log.times[0] if log.number else events.first
    t_win, window = median_time(lambda: copnet.window(net, events, first, end, ties=False),
                                args.repeat)
    window_ties = window.tie_count()
    t_agg, (adjacency, keys, arcs) = median_time(lambda: python_aggregate(log), args.repeat)
    if window_ties != keys:
        problems.append(f"the aggregate: copnet's window has {window_ties:,} ties, the log "
                        f"{keys:,} distinct (pair, relation) keys")
    g = None
    if nx is not None:
        def build():
            out = nx.DiGraph()
            out.add_nodes_from(range(n))
            out.add_edges_from(arcs)
            return out
        t_nxg, g = median_time(build, args.repeat)
    row("aggregate the whole log into ties (window)", f"{window_ties:,} ties", t_win, t_agg,
        t_nxg if g is not None else None)
    arcs = None  # let the set go

    t_static, s_cop = median_time(lambda: copnet.reach(window, source_ids), args.repeat)
    static_cop = {log.index[x] for x in s_cop.hops}
    t_bfs, static_py = median_time(lambda: python_static_reach(adjacency, sources), args.repeat)
    if static_cop != static_py:
        problems.append(f"static reach disagrees: copnet {len(static_cop):,}, Python BFS "
                        f"{len(static_py):,}")
    if not set(cop_arrival) <= static_cop:
        problems.append("the temporal reached set is not inside the static one")
    t_nxr = None
    if g is not None:
        t_nxr, layers = median_time(lambda: [v for layer in nx.bfs_layers(g, sources)
                                             for v in layer], args.repeat)
        if set(layers) != static_py:
            problems.append(f"static reach disagrees: NetworkX {len(layers):,}, Python BFS "
                            f"{len(static_py):,}")
    static = len(static_cop)
    row(f"static reach of the aggregate, {args.sources} sources (BFS, rows)",
        f"{static:,} reached", t_static, t_bfs, t_nxr)

    t_st1, c_st1 = median_time(
        lambda: copnet.reach_counts(window, who=[one_id], threads=1), args.repeat)
    t_bfs1, s_py1 = median_time(lambda: python_static_reach(adjacency, [one]), args.repeat)
    if c_st1[one_id] != len(s_py1) - 1:
        problems.append(f"static reach count of {one_id}: copnet {c_st1[one_id]:,}, Python BFS "
                        f"{len(s_py1) - 1:,}")
    if len(s_py1) < len(r_py1):
        problems.append(f"{one_id}: static reach {len(s_py1):,} below temporal {len(r_py1):,}")
    t_nx1 = None
    if g is not None:
        t_nx1, d = median_time(lambda: nx.descendants(g, one), args.repeat)
        if len(d) != len(s_py1) - 1:
            problems.append(f"static reach count of {one_id}: NetworkX {len(d):,}, Python BFS "
                            f"{len(s_py1) - 1:,}")
    row("static reach count, 1 source (no rows; 1 thread)", f"{c_st1[one_id]:,} others",
        t_st1, t_bfs1, t_nx1)
    g = None
    load_after = os.getloadavg()
    gc.enable()

    # ---- the table ----
    kind = "plain-number" if log.number else "ISO 8601"
    print(f"{n:,} stakeholders, {count:,} events ({kind} times, {len(log.relation_names)} "
          f"relations), {args.sources} seeded sources; {origin}")
    print(f"loaded once, untimed: copnet read_csv + read_events {copnet_load:.1f} s, the Python "
          f"reference's read {python_load:.1f} s")
    print(f"wall time, median of {args.repeat}; ratio = copnet / Python (below 1: copnet faster); "
          f"load average {load_before[0]:.2f} before, {load_after[0]:.2f} after "
          f"({os.cpu_count()} cores)")
    print()
    head = ["measure", "result", "copnet s", "Python s", "copnet / Python", "NetworkX s",
            "copnet / NetworkX"]
    if nx is None:  # no NetworkX columns
        head, rows = head[:5], [r[:5] for r in rows]
    print("| " + " | ".join(head) + " |")
    print("|" + "---|" * len(head))
    for r in rows:
        print("| " + " | ".join(r) + " |")
    print()
    print(f"time order keeps {temporal / static:.1%} of what ignoring time claims "
          f"({temporal:,} of {static:,} from {args.sources} sources, sources included; from "
          f"{one_id} alone {len(r_py1) - 1:,} of {len(s_py1) - 1:,})")
    print("Python: the reference loop (temporal), adjacency lists of the distinct arcs and a "
          "breadth-first search (static). copnet's 100-source times include building its result "
          "as Python rows; the 1-source counts return a number, so they time the pass itself. "
          "Python's garbage collector is off during every timing")
    if n > args.networkx_limit:
        print(f"NetworkX left out above --networkx-limit {args.networkx_limit:,} stakeholders")
    elif nx is None:
        print("NetworkX is not installed: its columns are left out")
    if problems:
        for p in problems:
            print(f"DISAGREE: {p}")
        return 1
    print("temporal reach: copnet and the Python loop agree (same reached set, same arrival "
          "times, same count from one source); static reach agrees across sides and holds "
          "the temporal set")
    return 0


if __name__ == "__main__":
    sys.exit(main())
