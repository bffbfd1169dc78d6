"""copnet.groups and copnet.modularity: modularity of given partitions against NetworkX's
community.modularity (computed here, on the karate club and seeded random graphs), Louvain and
Leiden against the known optimum of the karate club, NMI and ARI against igraph's
compare_communities (when python3-igraph is installed), partitions in every form, errors."""
from __future__ import annotations

import random

import networkx as nx
import pytest

import copnet


@pytest.fixture(scope="module")
def karate() -> nx.Graph:
    return nx.karate_club_graph()


def club(g: nx.Graph) -> list[set[int]]:
    hi = {n for n in g if g.nodes[n]["club"] == "Mr. Hi"}
    return [hi, set(g) - hi]


def test_modularity_is_networkx_s(karate: nx.Graph) -> None:
    net = copnet.from_networkx(karate, scale="count")
    parts = club(karate)
    as_ids = [[str(n) for n in p] for p in parts]
    for resolution in (0.5, 1.0, 2.0):
        for weighted, weight in ((False, None), (True, "weight")):
            expected = nx.community.modularity(karate, parts, weight=weight, resolution=resolution)
            got = copnet.modularity(net, as_ids, weighted=weighted, resolution=resolution)
            assert got == pytest.approx(expected, abs=1e-12)
    labels = {str(n): karate.nodes[n]["club"] for n in karate}
    assert copnet.modularity(net, labels, weighted=False) == pytest.approx(
        nx.community.modularity(karate, parts, weight=None), abs=1e-12)


def test_modularity_on_random_graphs() -> None:
    rng = random.Random(5)
    for seed in range(5):
        g = nx.gnm_random_graph(60, 200, seed=seed)
        parts: dict[int, set[int]] = {}
        for n in g:
            parts.setdefault(rng.randrange(4), set()).add(n)
        net = copnet.from_networkx(g)
        ids = [[str(n) for n in p] for p in parts.values()]
        for resolution in (0.7, 1.0, 1.5):
            assert copnet.modularity(net, ids, resolution=resolution) == pytest.approx(
                nx.community.modularity(g, list(parts.values()), resolution=resolution), abs=1e-12)


def test_louvain_and_leiden_reach_the_karate_optimum(karate: nx.Graph) -> None:
    net = copnet.from_networkx(karate, scale="count")
    for method in ("louvain", "leiden"):
        results = [copnet.groups(net, method=method, seed=s, weighted=False) for s in range(1, 11)]
        # Brandes et al. (2008): the optimum modularity of the karate club is 0.4197896.
        assert max(r.modularity for r in results) == pytest.approx(0.41978961209730437, abs=1e-9)
        for r in results:
            groups = [{int(m) for m in row.members} for row in r.groups]
            assert r.modularity == pytest.approx(
                nx.community.modularity(karate, groups, weight=None), abs=1e-12)
            if method == "leiden":
                assert all(nx.is_connected(karate.subgraph(gr)) for gr in groups)
        assert copnet.groups(net, method=method, seed=4).to_dict() == \
            copnet.groups(net, method=method, seed=4).to_dict()


def test_agreement_against_igraph(karate: nx.Graph) -> None:
    ig = pytest.importorskip("igraph")
    net = copnet.from_networkx(karate, scale="count")
    for n in karate:
        s = net.stakeholder(str(n))
        s.sector = karate.nodes[n]["club"]
        net.update_stakeholder(str(n), s)
    r = copnet.groups(net, method="leiden", seed=2, compare="facet:sector")
    detected = [row.group for row in r.stakeholders]
    declared = [0 if karate.nodes[n]["club"] == "Mr. Hi" else 1 for n in karate]
    assert r.compare.nmi == pytest.approx(ig.compare_communities(detected, declared, method="nmi"),
                                          abs=1e-12)
    assert r.compare.ari == pytest.approx(
        ig.compare_communities(detected, declared, method="adjusted_rand"), abs=1e-12)
    assert r.compare.declared_modularity == pytest.approx(
        nx.community.modularity(karate, club(karate), weight="weight"), abs=1e-12)
    assert sum(row.size for row in r.compare.contingency) == 34


def test_partition_forms_and_errors(karate: nx.Graph) -> None:
    net = copnet.from_networkx(karate, scale="count")
    r = copnet.groups(net)
    assert copnet.modularity(net, r) == pytest.approx(r.modularity, abs=1e-12)
    assert copnet.modularity(net, "facet:id") < 0
    with pytest.raises(copnet.InvalidValue, match="in no group"):
        copnet.modularity(net, [["0", "1"]])
    with pytest.raises(copnet.InvalidValue, match="two groups"):
        copnet.modularity(net, [[str(n) for n in karate], ["0"]])
    with pytest.raises(copnet.UnknownStakeholder):
        copnet.modularity(net, [["nobody"]])
    with pytest.raises(copnet.InvalidValue, match="walktrap"):
        copnet.groups(net, method="walktrap")
    with pytest.raises(copnet.InvalidValue, match="resolution"):
        copnet.groups(net, resolution=0)
    with pytest.raises(copnet.InvalidValue, match="sectr"):
        copnet.groups(net, compare="facet:sectr")
    with pytest.raises(copnet.InvalidValue, match="nobody"):
        copnet.groups(net, compare="circles:nobody")


def test_groups_report_progress_and_find_the_same_groups(karate: nx.Graph) -> None:
    net = copnet.from_networkx(karate, scale="count")
    for method in ("louvain", "leiden"):
        calls: list[tuple[int, int]] = []
        r = copnet.groups(net, method=method, seed=3,
                          progress=lambda d, t: calls.append((d, t)))
        assert r.to_dict() == copnet.groups(net, method=method, seed=3).to_dict()
        assert len(calls) >= 2 and calls[-1][0] == calls[-1][1]
        assert all(b[0] > a[0] for a, b in zip(calls, calls[1:]))
