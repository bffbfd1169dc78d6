"""A researcher's walk-through of copnet from Python, on the bundled example community
(invented data: examples/data/README.md).

    PYTHONPATH=build/bindings/python /usr/bin/python3 examples/python/walkthrough.py [MAP.svg]

Load the CSV pair, ask how far the core group's message reaches (k-step reach, by circle and
level; two-way flow between the local and state levels), simulate its spread, choose whom to
convene; ask who is missing and whom to invite; where the community crosses boundaries; how
its declared circles fit its ties; and hand the network to NetworkX.
"""
from __future__ import annotations

import pathlib
import sys

import networkx as nx

import copnet

DATA = pathlib.Path(__file__).resolve().parents[1] / "data" / "state-employment"


def main() -> int:
    net = copnet.read_csv(str(DATA / "nodes.csv"), str(DATA / "ties.csv"))
    cop = net.community()
    print(net)
    print(cop)

    # How far does the core group's message travel along influence ties in two steps?
    core = cop.members(copnet.Circle.core)
    r = copnet.reach(net, core, kinds=[copnet.TieKind.influence], max_hops=2,
                     community=cop, facet="level")
    print(f"\nThe core group ({len(core)}) reaches {r.count} of {len(net)} in two steps")
    for row in r.by_circle + r.by_facet:
        print(f"  {row.category or '(unknown)':>9}: {row.reached:3} of {row.total:3}"
              f"  ({row.share:.0%})")

    # Two-way learning: does the state level hear the local level as fast as the reverse?
    flow = copnet.level_flow(net, "local", "state", community=cop)
    print(f"\nlocal → state: {flow.forward.hops_to_target} hops to reach half; "
          f"state → local: {flow.backward.hops_to_target}")

    # Independent cascade from the core group, 10,000 runs on every core of the machine.
    s = copnet.spread(net, core, runs=10_000, seed=7, community=cop)
    print(f"\nExpected spread {s.expected:.1f} (95 % CI {s.ci95[0]:.1f}–{s.ci95[1]:.1f})")

    # Who in the inner circle (core included) should carry the message?
    lev = copnet.leverage(net, 3, circle="inner", runs=2_000, seed=7)
    print(f"Convene {', '.join(net[c].name for c in lev.conveners)}:"
          f" expected spread {lev.expected:.1f} ({lev.method})")

    # Who isn't here? Sectors missing from the core and inner circles, and whom to invite.
    rep = copnet.representation(net, cop, facets=["sector", "perspective"])
    print("\nMissing from core + inner:", ", ".join(m.category for m in rep.missing) or "none")
    for c in copnet.candidates(net, cop, limit=3):
        print(f"  invite {net[c.id].name} (score {c.score:.1f}): {c.reasons[0].text}")
    fragile = copnet.fragility(net, cop)
    print(f"Fragile points among members: {len(fragile.fragile)} stakeholders, "
          f"{len(fragile.bridges)} bridges")

    # Where do we cross boundaries?
    b = copnet.boundaries(net, "sector", permutations=500, seed=7)
    print(f"\nE-I index across sectors {b.ei_index:+.2f} (expected {b.ei_expected:+.2f}, "
          f"p = {b.ei_p_greater:.3f}); assortativity {b.assortativity:+.2f}")
    if b.spanners:
        top_spanner = b.spanners[0]
        print(f"Top boundary spanner: {net[top_spanner.id].name} "
              f"({top_spanner.cross_group_share:.0%} of paths between sectors)")

    # Do the declared circles match the ties?
    fit = copnet.circle_fit(net, cop)
    print(f"\nCore + inner vs outer fit {fit.core_inner_vs_outer:.2f} "
          f"(best partition found {fit.best:.2f})")
    for sug in copnet.suggest_moves(net, cop)[:3]:
        print(f"  {sug.kind}: {net[sug.id].name} — {sug.why}")

    # The circle map, with the conveners highlighted (open it in a browser).
    out = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else pathlib.Path("circle-map.svg")
    copnet.write_circle_map(net, out, highlight=lev.conveners, highlight_label="conveners",
                            caption="invented data")
    print(f"\nCircle map: {out}")

    # Over to NetworkX, with facets, circles and tie kinds as attributes.
    g = net.to_networkx()
    influence = nx.DiGraph((u, v) for u, v, k in g.edges(keys=True) if k == "influence")
    rank: dict[str, float] = nx.pagerank(influence)
    top = max(rank, key=lambda v: rank[v])
    print(f"\nNetworkX: {g.number_of_nodes()} nodes, {g.number_of_edges()} edges; "
          f"top PageRank on influence: {net[top].name}")
    assert copnet.from_networkx(g) == net  # nothing lost on the way
    return 0


if __name__ == "__main__":
    sys.exit(main())
