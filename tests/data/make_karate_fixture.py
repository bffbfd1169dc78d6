"""Writes karate-club.edgelist and karate-club.reference.json: Zachary's karate club as NetworkX
2.8 ships it (networkx.karate_club_graph(): 34 members, 78 ties, each weighted by the number of
contexts in which the two interacted, Zachary 1977's matrix C), as NetworkX's own
write_edgelist(data=["weight"]) writes it, with NetworkX's core numbers, betweenness and
constraint (weighted and not). Run from the repository root:
/usr/bin/python3 tests/data/make_karate_fixture.py"""
import json
import pathlib

import networkx as nx

HERE = pathlib.Path(__file__).resolve().parent


def main() -> None:
    g = nx.karate_club_graph()
    nx.write_edgelist(g, HERE / "karate-club.edgelist", data=["weight"])
    ref = {
        "source": "networkx.karate_club_graph() of NetworkX " + nx.__version__ +
                  " (Zachary 1977; weights = number of contexts of interaction, from Zachary's matrix C)",
        "core_number": {str(k): v for k, v in nx.core_number(g).items()},
        "betweenness_weighted": {str(k): v for k, v in nx.betweenness_centrality(g, weight="weight").items()},
        "betweenness": {str(k): v for k, v in nx.betweenness_centrality(g).items()},
        "constraint_weighted": {str(k): v for k, v in nx.constraint(g, weight="weight").items()},
        "constraint": {str(k): v for k, v in nx.constraint(g).items()},
        "calls": ["nx.core_number(G)", 'nx.betweenness_centrality(G, weight="weight")',
                  "nx.betweenness_centrality(G)", 'nx.constraint(G, weight="weight")', "nx.constraint(G)"],
    }
    with open(HERE / "karate-club.reference.json", "w") as f:
        json.dump(ref, f, indent=1, sort_keys=True)


if __name__ == "__main__":
    main()
