"""Python threads cannot crash the interpreter (issue 16, item 4).

Analyses release the GIL while they run in C++; without a lock, another thread's
``add_stakeholder`` or ``add_tie`` reallocated the network under them (a segfault, "malloc():
corrupted top size") and a ``remove_stakeholder`` made them fail with
``UnknownStakeholder('#19015')``. Each Network now has a reader-writer lock: analyses share it,
changes wait for it (docs/python.md, "Threads"). These tests run that race and check that every
analysis sees one whole version of the network.
"""
from __future__ import annotations

import pathlib
import random
import sys
import threading
import time
from typing import Callable, Iterator, List, Set

import pytest

import copnet

STAKEHOLDERS = 3000
SECONDS = 1.5


@pytest.fixture(autouse=True)
def frequent_switches() -> Iterator[None]:
    """Hands the GIL around every 50 µs (default 5 ms) so conversions interleave with changes."""
    old = sys.getswitchinterval()
    sys.setswitchinterval(5e-5)
    yield
    sys.setswitchinterval(old)


def run_threads(targets: List[Callable[[], None]]) -> List[BaseException]:
    errors: List[BaseException] = []

    def guarded(target: Callable[[], None]) -> None:
        try:
            target()
        except BaseException as e:  # noqa: B902 - reported by the test, not swallowed
            errors.append(e)

    threads = [threading.Thread(target=guarded, args=(t,)) for t in targets]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
        assert not t.is_alive(), "a thread hangs (deadlock?)"
    return errors


def test_analyses_race_changes_without_crash() -> None:
    net = copnet.generate(STAKEHOLDERS, 5 * STAKEHOLDERS, seed=7)
    base = list(net)  # never removed: every analysis starts from these
    base_set = set(base)
    cop = net.community()
    deadline = time.monotonic() + SECONDS
    added: List[List[str]] = []  # per mutator: the ids it added and still has
    ever: Set[str] = set()       # every id a mutator ever added
    done = {"analyses": 0, "changes": 0}

    def known(ids: Set[str]) -> None:
        stray = ids - base_set - ever
        assert not stray, f"an analysis returned ids never in the network: {sorted(stray)[:5]}"

    def analyse(k: int) -> Callable[[], None]:
        def body() -> None:
            rng = random.Random(k)
            step = 0
            while time.monotonic() < deadline:
                sources = rng.sample(base, 3)
                which = (step + k) % 6
                if which == 0:
                    r = copnet.reach(net, sources, max_hops=3, community=cop)
                    assert all(r.hops[s] == 0 for s in sources)
                    known(set(r.hops))
                elif which == 1:
                    s = copnet.spread(net, sources, runs=40, seed=k, threads=1)
                    assert 3 <= s.expected <= len(s.adoption)
                    assert all(s.adoption[x].probability == 1.0 for x in sources)
                    known({a.id for a in s.adoption})
                elif which == 2:
                    pieces = copnet.components(net)
                    ids = [x for p in pieces for x in p]
                    assert len(ids) == len(set(ids))  # a partition of one version
                    assert base_set <= set(ids)
                    known(set(ids))
                elif which == 3:
                    b = copnet.betweenness(net, samples=20, threads=1)
                    assert base_set <= set(b)
                    known(set(b))
                elif which == 4:
                    report = copnet.boundaries(net, permutations=5, samples=20, threads=1)
                    assert report.total >= 0
                    known({h.id for h in report.holes})
                else:
                    people = net.stakeholders()  # a conversion that runs Python code per item
                    ids = {p.id for p in people}
                    assert len(ids) == len(people) and base_set <= ids
                    known(ids)
                    known(set(copnet.coreness(net)))
                step += 1
                done["analyses"] += 1
        return body

    def mutate(k: int) -> Callable[[], None]:
        mine: List[str] = []
        added.append(mine)

        def body() -> None:
            rng = random.Random(100 + k)
            i = 0
            while time.monotonic() < deadline:
                new = f"t{k}-{i}"
                i += 1
                ever.add(new)
                net.add_stakeholder(new, sector="research", stance="ally")
                net.add_tie(new, rng.choice(base), "collaboration", 0.5)
                net.add_tie(rng.choice(base), new, "influence", 0.25)
                cop.set_circle(new, rng.choice(["core", "inner", "outer"]))
                mine.append(new)
                if len(mine) > 20:
                    net.remove_stakeholder(mine.pop(rng.randrange(len(mine))))
                done["changes"] += 1
        return body

    errors = run_threads([analyse(k) for k in range(3)] + [mutate(k) for k in range(2)])
    assert not errors, errors
    assert done["analyses"] >= 3 and done["changes"] >= 3, done  # neither side starved

    # The network is whole: exactly the base and what the mutators kept, ties between them.
    kept = {x for mine in added for x in mine}
    assert set(net) == base_set | kept and len(net) == len(base) + len(kept)
    ties = net.ties()
    assert len(ties) == net.tie_count()
    assert all(t.source in net and t.target in net for t in ties)
    for x in kept:
        assert len(net.ties(x, direction="both")) == 2 and x in cop
    assert net.copy() == net
    assert copnet.reach(net, sorted(kept)[:3] or base[:3]).count >= 1


def test_an_analysis_sees_one_version() -> None:
    """A change from another thread waits until the running analysis is done."""
    net = copnet.generate(STAKEHOLDERS, 5 * STAKEHOLDERS, seed=3)
    sources = list(net)[:3]
    started = threading.Event()
    sizes: List[int] = []

    def progress(done: int, total: int) -> None:
        sizes.append(len(net))  # reading the network being analysed is allowed
        started.set()
        time.sleep(0.002)       # gives the other thread time to try its change

    def change() -> None:
        started.wait(10)
        net.add_stakeholder("late")
        net.add_tie(sources[0], "late", "influence", 1.0)

    result: List[copnet.SpreadResult] = []
    errors = run_threads([
        lambda: result.append(copnet.spread(net, sources, runs=2000, threads=1,
                                            progress=progress)),
        change])
    assert not errors, errors
    assert sizes and set(sizes) == {STAKEHOLDERS}
    assert "late" not in result[0].adoption and "late" in net


def test_a_change_from_inside_an_analysis_raises() -> None:
    """A progress callback that changes the network it reports on would wait for itself."""
    net = copnet.generate(500, 2000, seed=4)
    sources = list(net)[:2]

    def progress(done: int, total: int) -> None:
        net.add_stakeholder("inside")

    with pytest.raises(copnet.Error, match="progress callback|being read"):
        copnet.spread(net, sources, runs=200, threads=1, progress=progress)
    assert "inside" not in net
    net.add_stakeholder("after")  # the lock was released
    assert "after" in net


def test_copies_communities_and_snapshots(tmp_path: pathlib.Path) -> None:
    """A copy has a lock of its own; changes through a Community or from a file (a membership
    snapshot read into the network) lock the network they change."""
    net = copnet.generate(1000, 4000, seed=5)
    other = net.copy()
    ids = list(net)
    snapshot = tmp_path / "snapshot.csv"
    snapshot.write_text("id,circle\n" + "".join(f"{x},outer\n" for x in ids[:300]))
    deadline = time.monotonic() + 0.5
    read: List[str] = []

    def analyse() -> None:
        while time.monotonic() < deadline:
            copnet.reach(other, ids[:3], max_hops=2)
            for c in net.communities():
                try:
                    copnet.circle_density(net, c)
                    assert c.name == "community" or len(c) == 300
                except copnet.InvalidValue as e:  # removed meanwhile: a Community raises
                    assert "no community named" in str(e)

    def change() -> None:
        i = 0
        cop = net.community()
        while time.monotonic() < deadline:
            net.add_stakeholder(f"x{i}")
            cop[f"x{i}"] = "outer"
            net.update_stakeholder(ids[i % 50], net[ids[i % 50]])
            other.add_community(f"c{i}")
            if i % 10 == 0:
                read.append(copnet.read_membership(net, snapshot, f"s{i}").name)
            if i % 20 == 10:
                assert net.remove_community(read.pop(0))
            i += 1

    errors = run_threads([analyse, analyse, change])
    assert not errors, errors
    added = len(net) - 1000
    assert len(other) == 1000 and added > 0
    assert len(net.community()) == len(other.community()) + added
    assert [c.name for c in net.communities()] == ["community"] + read
