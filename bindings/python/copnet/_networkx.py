"""The bridge to NetworkX: ``Network.to_networkx()`` and ``copnet.from_networkx(g)``.

A copnet network becomes a ``networkx.MultiDiGraph``: one node per stakeholder (in the order
added) with its facets as node attributes (``name``, ``sector``, ``level``, ``perspective``,
``organization``, ``stance`` as their CSV spellings, empty or unknown ones left out, then every
attribute column), its circle in each community as ``circle`` (the community named
``community``) or ``circle:NAME`` (any other, as in nodes.csv), non-members left out; one edge
per tie, keyed by its kind, with ``kind`` and ``weight`` attributes (a collaboration tie is one
edge, source → target as stored: its direction carries no meaning). The graph attribute
``communities`` maps each community's name to its domain text. ``from_networkx`` reads that
shape back to an equal network, and reads plain NetworkX graphs too (see its doc).
"""
from __future__ import annotations

from typing import Any, Dict, List, Optional, Tuple

from ._types import Circle, InvalidValue, Stakeholder, TieKind

_FACETS = ("name", "sector", "level", "perspective", "organization", "stance")


def _circle_key(community: str, default: str) -> str:
    return "circle" if community == default else "circle:" + community


def to_networkx(network: Any, *, community: str = "community") -> Any:
    """The network as a ``networkx.MultiDiGraph`` (see the module doc for the shape).
    ``community`` is the community written as the ``circle`` attribute. Cost O(V + E)."""
    import networkx as nx

    g = nx.MultiDiGraph()
    comms = network.communities()
    g.graph["communities"] = {c.name: c.domain for c in comms}
    for s in network.stakeholders():
        attrs: Dict[str, Any] = {}
        for facet in _FACETS:
            value = getattr(s, facet)
            if value is None or value == "" or (facet == "perspective" and value == "unknown"):
                continue
            attrs[facet] = str(value)
        attrs.update(s.attributes)
        g.add_node(s.id, **attrs)
    for c in comms:
        key = _circle_key(c.name, community)
        for circle in (Circle.core, Circle.inner, Circle.outer):
            for who in c.members(circle):
                g.nodes[who][key] = circle.value
    for t in network.ties():
        kind = str(t.kind)  # a TieKind's spelling, or a declared relation's name
        g.add_edge(t.source, t.target, key=kind, kind=kind, weight=t.weight)
    return g


def from_networkx(graph: Any, *, community: str = "community",
                  default_kind: Optional[str] = None, weight: Optional[str] = "weight") -> Any:
    """A copnet ``Network`` from a NetworkX graph (Graph, DiGraph, MultiGraph, MultiDiGraph).

    Nodes become stakeholders with ``str(node)`` as id; node attributes named like a facet
    (name, sector, level, perspective, organization, stance) fill it, ``circle`` fills the
    community ``community`` and ``circle:NAME`` community NAME (communities are created, with
    the domains of the graph attribute ``communities`` if present); every other node attribute
    becomes an attribute column (as ``str``). Each edge becomes a tie of its ``kind`` attribute,
    or of ``default_kind`` (default: "collaboration" for undirected graphs, "influence" for
    directed ones); its weight is the edge attribute ``weight`` (default 1; None: every weight
    1). Raises InvalidValue for a bad kind, level, circle or weight, naming the node or edge.
    Cost O(V + E).
    """
    from ._copnet import Network

    directed = graph.is_directed()
    kind_default = default_kind or ("influence" if directed else "collaboration")
    net = Network()
    domains = graph.graph.get("communities", {}) or {}
    for name, domain in domains.items():
        net.add_community(str(name), str(domain or ""))
    circles: Dict[str, List[Tuple[str, Any]]] = {}
    for node, data in graph.nodes(data=True):
        fields: Dict[str, Any] = {}
        attributes: Dict[str, str] = {}
        for key, value in data.items():
            if key in _FACETS:
                if value is not None and value != "":
                    fields[key] = value if key in ("level", "perspective", "stance") else str(value)
            elif key == "circle" or key.startswith("circle:"):
                name = community if key == "circle" else key[len("circle:"):]
                circles.setdefault(name, []).append((str(node), value))
            elif value is not None:
                attributes[str(key)] = str(value)
        try:
            net.add_stakeholder(Stakeholder(str(node), attributes=attributes, **fields))
        except InvalidValue as e:
            raise InvalidValue(f"node {node!r}: {e}") from None
    for name, members in circles.items():
        c = net.community(name) if name in {x.name for x in net.communities()} \
            else net.add_community(name)
        for who, circle in members:
            try:
                c[who] = Circle(str(circle).lower()) if circle not in (None, "") else Circle.none
            except ValueError as e:
                raise InvalidValue(f"node {who!r}: circle {circle!r} is not core, inner, "
                                   f"outer or none") from e
    for u, v, data in graph.edges(data=True):
        kind = data.get("kind", kind_default)
        w = 1.0 if weight is None else data.get(weight, 1.0)
        try:
            net.add_tie(str(u), str(v), TieKind(str(kind).lower()), float(w))
        except (InvalidValue, ValueError) as e:
            raise InvalidValue(f"edge {u!r} -> {v!r}: {e}") from None
    return net
