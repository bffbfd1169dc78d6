"""The bridge to NetworkX: ``Network.to_networkx()`` and ``copnet.from_networkx(g)``.

A copnet network becomes a ``networkx.MultiDiGraph``: one node per stakeholder (in the order
added) with its facets as node attributes (``name``, ``sector``, ``level``, ``perspective``,
``organization``, ``stance`` as their CSV spellings, empty or unknown ones left out, then every
attribute column), its circle in each community as ``circle`` (the community named
``community``) or ``circle:NAME`` (any other, as in nodes.csv), non-members left out; one edge
per tie, keyed by its relation's name, with ``relation``, ``value``, ``weight`` (= value, so
NetworkX's weighted algorithms read it) and ``kind`` (the relation's name again, as before
relations) attributes (a tie of a mutual relation is one edge, source → target as stored: its
direction carries no meaning). The graph attribute ``communities`` maps each community's name
to its domain text, and ``relations`` lists the relations' declarations (name, role,
direction, polarity, scale) and ``attribute_names`` the attribute columns in their order. ``from_networkx`` reads that
shape back to an equal network, and reads plain NetworkX graphs too (see its doc).
"""
from __future__ import annotations

from typing import Any, Dict, List, Optional, Tuple

from ._frames import node_map, node_of, set_node_map
from ._types import Circle, InvalidValue, Stakeholder, TieKind

_FACETS = ("name", "sector", "level", "perspective", "organization", "stance")


def _circle_key(community: str, default: str) -> str:
    return "circle" if community == default else "circle:" + community


def to_networkx(network: Any, *, community: str = "community", multigraph: bool = True,
                relation: Optional[str] = None) -> Any:
    """The network as a ``networkx.MultiDiGraph`` (see the module doc for the shape).
    ``community`` is the community written as the ``circle`` attribute; ``relation`` keeps
    the ties of that relation only. With ``multigraph=False`` the graph is a ``networkx.Graph``
    (a mutual relation) or ``DiGraph`` (a directed one) of one relation — ``relation``, or the
    only relation with ties — so that NetworkX algorithms that refuse multigraphs
    (``nx.core_number``) take it. Nodes are the stakeholders' ids, or the original nodes of a
    graph ``from_networkx`` read. Cost O(V + E). Raises InvalidValue for an unknown relation,
    or for ``multigraph=False`` when ties of several relations leave the choice open."""
    import networkx as nx

    ties = network.ties() if relation is None else network.ties(kinds=[relation])
    if multigraph:
        g = nx.MultiDiGraph()
    else:
        names = sorted({str(t.kind) for t in ties})
        if relation is None and len(names) > 1:
            raise InvalidValue("to_networkx(multigraph=False) makes a graph of one relation: "
                               f"name it with relation= (this network has ties of {names})")
        chosen = network.find_relation(relation or (names[0] if names else "collaboration"))
        g = nx.Graph() if chosen is not None and chosen.direction == "mutual" else nx.DiGraph()
    nodes = node_map(network)
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
        g.add_node(node_of(nodes, s.id), **attrs)
    for c in comms:
        key = _circle_key(c.name, community)
        for circle in (Circle.core, Circle.inner, Circle.outer):
            for who in c.members(circle):
                g.nodes[node_of(nodes, who)][key] = circle.value
    g.graph["relations"] = [r.to_dict() for r in network.relations]
    g.graph["attribute_names"] = list(network.attribute_names)  # their order, for the way back
    for t in ties:
        kind = str(t.kind)  # a TieKind's spelling, or a declared relation's name
        keyed = {"key": kind} if multigraph else {}
        g.add_edge(node_of(nodes, t.source), node_of(nodes, t.target), **keyed, relation=kind,
                   value=t.weight, kind=kind, weight=t.weight)
    return g


def from_networkx(graph: Any, *, community: str = "community",
                  default_kind: Optional[str] = None, weight: Optional[str] = "weight",
                  scale: str = "unit") -> Any:
    """A copnet ``Network`` from a NetworkX graph (Graph, DiGraph, MultiGraph, MultiDiGraph).

    Nodes become stakeholders with ``str(node)`` as id (a graph whose nodes are not all
    strings, such as the karate club's integers, is remembered: the network's per-stakeholder
    results — ``coreness``, ``betweenness``, ``reach_counts``, the ``to_pandas()`` indexes — and
    ``to_networkx()`` use the original nodes, so ``nx.set_node_attributes(G,
    copnet.coreness(net), "core")`` sets them; records and ``to_dict()`` keep the ids); node attributes named like a facet
    (name, sector, level, perspective, organization, stance) fill it, ``circle`` fills the
    community ``community`` and ``circle:NAME`` community NAME (communities are created, with
    the domains of the graph attribute ``communities`` if present); every other node attribute
    becomes an attribute column (as ``str``). Each edge becomes a tie of its ``relation``
    attribute, else its ``kind``, else (a multigraph) its key when a string, else
    ``default_kind`` (default: "collaboration" for undirected graphs, "influence" for directed
    ones) — a name not declared (in the graph attribute ``relations``, as ``to_networkx``
    writes it) becomes a relation of role other, mutual in an undirected graph and directed in
    a directed one (so an ``nx.Graph`` edge is followed both ways); parallel edges of
    different relations are separate ties. Its value is the edge attribute ``value``, else
    ``weight`` (default 1; None: every value 1). ``scale`` ("unit", "binary", "count", "real") is that of the relations the
    graph brings without a declaration; with another scale than "unit" and no ``default_kind``,
    edges without a relation are ties of a relation ``edge`` (role collaboration and mutual for
    an undirected graph, influence and directed for a directed one) of that scale — so the
    karate club's weights 1–7 read with ``scale="count"``. Raises InvalidValue for a value off
    its relation's scale, a bad level, circle, weight or scale, naming the node or edge.
    Cost O(V + E).
    """
    from ._copnet import Network

    directed = graph.is_directed()
    kind_default = default_kind or ("influence" if directed else "collaboration")
    net = Network()
    if default_kind is None and scale != "unit":
        kind_default = "edge"
        net.add_relation("edge", role="influence" if directed else "collaboration",
                         direction="directed" if directed else "mutual", scale=scale)
    for name in graph.graph.get("attribute_names", []):  # the columns' order (to_networkx)
        net.add_attribute_name(str(name))
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
    if any(not isinstance(node, str) for node in graph.nodes):
        set_node_map(net, {str(node): node for node in graph.nodes})
    for name, members in circles.items():
        c = net.community(name) if name in {x.name for x in net.communities()} \
            else net.add_community(name)
        for who, circle in members:
            try:
                c[who] = Circle(str(circle).lower()) if circle not in (None, "") else Circle.none
            except ValueError as e:
                raise InvalidValue(f"node {who!r}: circle {circle!r} is not core, inner, "
                                   f"outer or none") from e
    declared = graph.graph.get("relations", [])
    if isinstance(declared, str):  # relations.csv text: copnet's GraphML read by NetworkX
        from ._copnet import parse_relations
        parse_relations(net, declared)
        declared = []
    for r in declared:  # declarations written by to_networkx
        try:
            net.add_relation(r["name"], role=r.get("role", "other"),
                             direction=r.get("direction", "directed"),
                             polarity=r.get("polarity", "positive"), scale=r.get("scale", "unit"))
        except (InvalidValue, KeyError, TypeError) as e:
            raise InvalidValue(f"graph attribute relations: {e}") from None
    edges = graph.edges(keys=True, data=True) if graph.is_multigraph() else (
        (u, v, None, d) for u, v, d in graph.edges(data=True))
    for u, v, key, data in edges:
        # The relation: the edge's `relation`, else its `kind`, else a multigraph's string key,
        # else the default; a name not declared yet becomes a relation of role other.
        kind = data.get("relation", data.get("kind"))
        if kind is None:
            kind = key if isinstance(key, str) else kind_default
        name = str(kind)
        w = 1.0 if weight is None else data.get("value", data.get(weight, 1.0))
        try:
            if net.find_relation(name) is None:
                net.add_relation(name, direction="directed" if directed else "mutual", scale=scale)
            net.add_tie(str(u), str(v), name, float(w))
        except (InvalidValue, ValueError) as e:
            raise InvalidValue(f"edge {u!r} -> {v!r}: {e}") from None
    return net


def copy_keeping_nodes(copy: Any) -> Any:
    """Network.copy (and __copy__, __deepcopy__) that keep the original nodes of a network
    from_networkx made."""
    def copied(network: Any, *args: Any) -> Any:
        out = copy(network, *args)
        nodes = node_map(network)
        if nodes is not None:
            set_node_map(out, dict(nodes))
        return out
    copied.__name__ = copied.__qualname__ = getattr(copy, "__name__", "copy")
    copied.__doc__ = copy.__doc__
    return copied
