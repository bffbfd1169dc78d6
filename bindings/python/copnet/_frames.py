"""Per-stakeholder results as pandas and NetworkX expect them.

- ``ByStakeholder``: the {stakeholder: value} results (``coreness``, ``betweenness``,
  ``reach_counts``, ``temporal_reach_counts``) — a ``dict`` with ``to_pandas()`` (a Series).
- ``frame(rows)``: a ``pandas.DataFrame`` of result rows, one row per record, indexed by ``id``
  when the rows have one, nested records flattened to ``outer.inner`` columns.
- The node map: a network made by ``copnet.from_networkx(G)`` from a graph whose nodes are not
  all strings remembers them, so that its per-stakeholder results are keyed by ``G``'s own
  nodes (``nx.set_node_attributes(G, copnet.coreness(net), "core")`` then works for the karate
  club's integer nodes), and ``to_networkx()`` gives them back. Ids inside records and
  ``to_dict()`` stay the network's string ids (the CLI's JSON).

pandas is optional: it is imported by ``to_pandas()`` only, and its absence is an ImportError
that says so.
"""
from __future__ import annotations

import weakref
from typing import Any, Dict, Iterable, List, Optional

# id(network) -> {string id: original node}; an entry goes when its network does.
_NODES: Dict[int, Dict[str, Any]] = {}


def node_map(network: Any) -> Optional[Dict[str, Any]]:
    """The original nodes of a network made by from_networkx ({id: node}), or None."""
    return _NODES.get(id(network))


def set_node_map(network: Any, nodes: Optional[Dict[str, Any]]) -> None:
    """Remembers (or, with None, forgets) the original nodes of ``network``."""
    key = id(network)
    if nodes is None:
        _NODES.pop(key, None)
        return
    if key not in _NODES:
        weakref.finalize(network, _forget, key)
    _NODES[key] = nodes


def _forget(key: int) -> None:
    _NODES.pop(key, None)


def node_of(nodes: Optional[Dict[str, Any]], id: Any) -> Any:
    """The original node of ``id`` (``id`` itself without one)."""
    return id if nodes is None else nodes.get(id, id)


def pandas(what: str) -> Any:
    """The pandas module, or an ImportError naming ``what`` needs it."""
    try:
        import pandas as pd
    except ImportError as e:
        raise ImportError(f"{what} needs pandas, an optional dependency of copnet that is not "
                          "installed (pip install pandas, or Debian's python3-pandas)") from e
    return pd


def _flat(prefix: str, value: Any, out: Dict[str, Any]) -> None:
    if isinstance(value, dict):
        for k, v in value.items():
            _flat(f"{prefix}.{k}" if prefix else str(k), v, out)
    else:
        out[prefix] = list(value) if isinstance(value, list) else value


def frame(rows: Iterable[Any], nodes: Optional[Dict[str, Any]] = None,
          what: str = "to_pandas()") -> Any:
    """A DataFrame of ``rows``: records become rows (nested records as ``outer.inner``
    columns, lists kept as lists, NaN kept); indexed by ``id`` (the original nodes, with
    ``nodes``) when every row has one; plain values become one column ``value``."""
    pd = pandas(what)
    rows = list(rows)
    if not all(isinstance(r, dict) for r in rows):
        return pd.DataFrame({"value": rows})
    flat: List[Dict[str, Any]] = []
    for r in rows:
        out: Dict[str, Any] = {}
        _flat("", r, out)
        flat.append(out)
    columns: List[str] = []
    for r in flat:
        columns.extend(k for k in r if k not in columns)
    if rows and all("id" in r for r in rows):
        index = pd.Index([node_of(nodes, r["id"]) for r in rows], name="id")
        columns.remove("id")
        return pd.DataFrame({c: [r.get(c) for r in flat] for c in columns}, index=index,
                            columns=columns)
    return pd.DataFrame({c: [r.get(c) for r in flat] for c in columns}, columns=columns)


class ByStakeholder(Dict[Any, Any]):
    """A per-stakeholder result {stakeholder: value}, a plain ``dict`` (so
    ``nx.set_node_attributes(G, result, name)`` takes it) keyed by the stakeholders' ids — or
    by the original NetworkX nodes for a network made by ``from_networkx``. ``name`` names the
    values; ``to_pandas()`` is a ``pandas.Series`` of them indexed by ``id``."""

    name: str = ""

    @classmethod
    def _of(cls, network: Any, values: Dict[str, Any], name: str) -> "ByStakeholder":
        nodes = node_map(network)
        out = cls(values if nodes is None else {node_of(nodes, k): v for k, v in values.items()})
        out.name = name
        return out

    @staticmethod
    def _inherit(source: Any, target: Any) -> None:
        """``target`` (a window of ``source``) keys its results as ``source`` does."""
        nodes = node_map(source)
        if nodes is not None:
            set_node_map(target, dict(nodes))

    def to_pandas(self) -> Any:
        """The values as a ``pandas.Series`` named ``name``, indexed by ``id`` (the keys, in
        the order of the stakeholders). Raises ImportError without pandas."""
        pd = pandas(f"{self.name or 'ByStakeholder'}.to_pandas()")
        return pd.Series(list(self.values()), index=pd.Index(list(self), name="id"),
                         name=self.name or None)
