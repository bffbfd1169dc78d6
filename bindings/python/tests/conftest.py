"""Shared fixtures of the Python tests: the repository's data and seeded random graphs."""
from __future__ import annotations

import pathlib
import random

import networkx as nx
import pytest

import copnet

ROOT = pathlib.Path(__file__).resolve().parents[3]
EXAMPLE = ROOT / "examples" / "data" / "state-employment"
TESTDATA = ROOT / "tests" / "data"


@pytest.fixture
def example() -> copnet.Network:
    """The bundled example community (invented data, examples/data/README.md)."""
    return copnet.read_csv(str(EXAMPLE / "nodes.csv"), str(EXAMPLE / "ties.csv"))


def random_digraph(n: int, m: int, seed: int) -> nx.DiGraph:
    """A seeded G(n, m) directed graph with influence ties of random weight in (0, 1]."""
    g = nx.gnm_random_graph(n, m, seed=seed, directed=True)
    rng = random.Random(seed)
    for u, v in g.edges:
        g.edges[u, v]["weight"] = round(rng.uniform(0.05, 1.0), 3)
        g.edges[u, v]["kind"] = "influence"
    return nx.relabel_nodes(g, {v: f"s{v:04d}" for v in g.nodes})


def random_graph(n: int, m: int, seed: int) -> nx.Graph:
    """A seeded G(n, m) undirected graph (collaboration ties)."""
    g = nx.gnm_random_graph(n, m, seed=seed)
    return nx.relabel_nodes(g, {v: f"s{v:04d}" for v in g.nodes})
