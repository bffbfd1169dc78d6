"""copnet's Python-side types: enums, exceptions and result classes.

The native module (`copnet._copnet`, C++ through pybind11) converts copnet's C++ enums to and
from these `enum.Enum` classes by their CSV spelling and raises these exceptions for copnet's
C++ exceptions. Its results are made from the library's one description of each result
(copnet/describe.hpp), the description the CLI prints as ``--format json``: a result is a
`Record` (a dict whose keys are also attributes) of numbers, strings, `Rows` and further
records, and its ``to_dict()`` is the CLI's JSON, key for key. The classes below only name and
document the results; their annotations are the keys (a test checks them against the
descriptions). Stakeholders are named by their user ids (strings) throughout.
"""
from __future__ import annotations

import dataclasses
import enum
import math
from typing import Any, Dict, List, Optional

from ._frames import ByStakeholder as ByStakeholder  # noqa: F401  (re-exported)
from ._frames import frame, node_map, node_of, pandas


class _Spelled(str, enum.Enum):
    """An enum whose value is its CSV spelling; a plain ``str`` is accepted wherever it is."""

    def __str__(self) -> str:
        return str(self.value)


class Level(_Spelled):
    """Where a stakeholder works, ordered local < state < national."""
    local = "local"
    state = "state"
    national = "national"


class Perspective(_Spelled):
    """Who decides, who practises, who is served."""
    decisionmaker = "decisionmaker"
    practitioner = "practitioner"
    consumer = "consumer"
    unknown = "unknown"


class Stance(_Spelled):
    """A stakeholder's stance towards the community's shared issue."""
    ally = "ally"
    neutral = "neutral"
    skeptic = "skeptic"


class Circle(_Spelled):
    """A stakeholder's circle in one community, from the centre out."""
    core = "core"
    inner = "inner"
    outer = "outer"
    none = "none"


class TieKind(_Spelled):
    """authority (source can direct target), influence (target listens to source),
    collaboration (mutual)."""
    authority = "authority"
    influence = "influence"
    collaboration = "collaboration"


class Direction(_Spelled):
    """Which way directed ties are followed: along the tie, against it, or both."""
    out = "out"
    in_ = "in"
    both = "both"


class DiffusionModel(_Spelled):
    """independent cascade ("ic") or linear threshold ("lt")."""
    independent_cascade = "ic"
    linear_threshold = "lt"


class LeverageMethod(_Spelled):
    """How `leverage` chooses conveners."""
    automatic = "automatic"
    celf = "celf"
    imm = "imm"


# ---- exceptions ------------------------------------------------------------------------------

class Error(Exception):
    """Root of every exception copnet raises on bad input or bad use."""


class ParseError(Error, ValueError):
    """Malformed input text. ``str(e)`` reads ``file:line: message``."""

    def __init__(self, text: str, file: str = "", line: int = 0, field: str = "",
                 message: str = "") -> None:
        super().__init__(text)
        self.file = file        #: the input's name (a path or a label such as "nodes.csv")
        self.line = line        #: 1-based line of the record in error, 0 for the whole file
        self.field = field      #: the column in error, or ""
        self.message = message  #: the message without the location


class UnknownStakeholder(Error, KeyError):
    """A stakeholder id the network does not hold."""

    def __init__(self, text: str, id: str = "") -> None:
        super().__init__(text)
        self.id = id  #: the id that was not found

    def __str__(self) -> str:  # KeyError would quote the message
        return str(self.args[0])


class InvalidValue(Error, ValueError):
    """A value out of its domain: an unknown spelling, a weight outside [0,1], a duplicate id,
    an option out of range."""


class FileError(Error, OSError):
    """A file that cannot be opened, read or written."""

    def __init__(self, text: str, path: str = "") -> None:
        super().__init__(text)
        self.path = path  #: the path that failed

    def __str__(self) -> str:
        return str(self.args[0])


# ---- records ---------------------------------------------------------------------------------

def _plain(value: Any) -> Any:
    if isinstance(value, float):
        return value if math.isfinite(value) else None  # as JSON (and the CLI) spell it
    if isinstance(value, enum.Enum):
        return value.value
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, dict):
        return {str(_plain(k)): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


class _Record:
    """Mixin of the input records (`Stakeholder`, `Tie`): ``to_dict()`` gives plain data."""

    def to_dict(self) -> Dict[str, Any]:
        """The record as plain dicts, lists, strings and numbers (enums as their spelling; NaN
        as None)."""
        out: Dict[str, Any] = _plain(self)
        return out


class Record(Dict[str, Any]):
    """A result, or a part of one: a dict whose keys are also attributes (``r.count`` is
    ``r["count"]``), made from the library's description of the result. Nested objects are
    records, lists are `Rows`; an undefined number is NaN. ``to_dict()`` returns plain dicts and
    lists with NaN as None: for the result of a CLI command's analysis exactly what ``copnet
    COMMAND --format json`` prints."""

    __slots__ = ()

    def __getattr__(self, name: str) -> Any:
        try:
            return self[name]
        except KeyError:
            raise AttributeError(f"{type(self).__name__} has no field {name!r}") from None

    def __dir__(self) -> List[str]:
        return sorted(set(super().__dir__()) | set(self))

    def __repr__(self) -> str:
        return f"{type(self).__name__}({', '.join(f'{k}={v!r}' for k, v in self.items())})"

    def to_dict(self) -> Dict[str, Any]:
        """The record as plain dicts, lists, strings, numbers and None, ready for json.dumps."""
        out: Dict[str, Any] = _plain(self)
        return out


class Rows(List[Any]):
    """A list of a result (records, ids or numbers). Rows that are records with an ``id`` are
    also found by it: ``copnet.structural_holes(net)["alice"].constraint``; ``"alice" in rows``.
    The index is built on the first lookup by id."""

    def _index(self) -> Dict[str, Any]:
        index: Optional[Dict[str, Any]] = self.__dict__.get("_by_id")
        if index is None or self.__dict__.get("_indexed") != len(self):
            index = {r["id"]: r for r in self if isinstance(r, dict) and "id" in r}
            self.__dict__["_by_id"], self.__dict__["_indexed"] = index, len(self)
        return index

    def __getitem__(self, key: Any) -> Any:
        if isinstance(key, str):
            try:
                return self._index()[key]
            except KeyError:
                raise KeyError(key) from None
        return super().__getitem__(key)

    def __contains__(self, item: object) -> bool:
        return super().__contains__(item) or (isinstance(item, str) and item in self._index())

    def to_list(self) -> List[Any]:
        """The rows as plain lists, dicts, strings, numbers and None, ready for json.dumps."""
        out: List[Any] = _plain(self)
        return out

    def to_pandas(self) -> Any:
        """The rows as a ``pandas.DataFrame``: one row per record (nested records as
        ``outer.inner`` columns; NaN kept), indexed by ``id`` when the rows have one — the
        original NetworkX nodes for a network made by ``from_networkx``. Raises ImportError
        without pandas (an optional dependency)."""
        return frame(self, self.__dict__.get("_nodes"), "Rows.to_pandas()")


def _keyed(result: Any, network: Any) -> Any:
    """Tags ``result`` (made from a description on ``network``) and its rows with the
    network's original nodes when it has them (from_networkx), for ``to_pandas()``."""
    nodes = node_map(network)
    if nodes is None:
        return result
    stack = [result]
    while stack:
        x = stack.pop()
        if isinstance(x, list):
            x.__dict__["_nodes"] = nodes
            stack.extend(v for v in x if isinstance(v, (list, dict)))
        elif isinstance(x, dict):
            if hasattr(x, "__dict__"):
                x.__dict__["_nodes"] = nodes
            stack.extend(v for v in x.values() if isinstance(v, (list, dict)))
    return result


def _by_stakeholder(result: Any, key: str) -> ByStakeholder:
    """{id: row[key]} of a result's ``reached`` rows, keyed by its network's nodes."""
    nodes = result.__dict__.get("_nodes")
    out = ByStakeholder({node_of(nodes, r["id"]): r[key] for r in result["reached"]})
    out.name = key
    return out


class _PerStakeholder:
    """Mixin of the results with a row per stakeholder (named by the class attribute
    ``_rows``): ``to_pandas()``."""

    _rows = ""
    __slots__ = ()

    def to_pandas(self, part: Optional[str] = None) -> Any:
        """The result's rows per stakeholder (or those of the list ``part``) as a
        ``pandas.DataFrame`` indexed by ``id`` (see ``Rows.to_pandas``). Raises ImportError
        without pandas (an optional dependency)."""
        rows = self[part or self._rows]  # type: ignore[index]
        return frame(rows, getattr(self, "__dict__", {}).get("_nodes"),
                     f"{type(self).__name__}.to_pandas()")


# Each class below is a Record; its annotations are the keys of its description, in order.

class Summary(Record):
    """The landscape at a glance (``copnet summary``): stakeholders, ties by kind, the
    community counted and its members by circle, stakeholders by level and by stance, and the
    categories written in several ways that copnet reads as one (``merged_spellings`` [{facet,
    spellings}], the first spelling shown)."""
    stakeholders: int
    ties: Dict[str, int]
    community: str
    circles: Dict[str, int]
    levels: Dict[str, int]
    stances: Dict[str, int]
    merged_spellings: Rows
    relations: Rows


class ReachResult(_PerStakeholder, Record):
    """Stakeholders reached (``copnet reach``): ``count`` (sources included), ``reached``
    [{id, hops}] in breadth-first order (sources at 0), and with a community or a facet asked
    for ``by_circle`` / ``by_facet`` [{category, total, reached, share}]."""
    _rows = "reached"
    count: int
    reached: Rows
    by_circle: Rows
    by_facet: Rows

    @property
    def hops(self) -> ByStakeholder:
        """{id: hops} of everyone reached (keyed by the original nodes of a network
        from_networkx made, as ``ByStakeholder`` results are)."""
        return _by_stakeholder(self, "hops")


class TwoWayFlow(Record):
    """Both directions of the flow between two levels: ``forward`` and ``backward``, each
    {from, to, senders, receivers, reached_by_hop, share, hops_to_target}, and the
    ``target_share`` that ``hops_to_target`` refers to."""
    forward: Record
    backward: Record
    target_share: float


class SpreadResult(_PerStakeholder, Record):
    """A diffusion simulation (``copnet spread``): ``expected`` spread, its ``stddev`` and
    ``ci95`` [low, high], ``runs``, ``model``, ``adoption`` [{id, probability}] of everyone with
    a chance of adopting, most likely first, and the breakdowns ``by_circle`` / ``by_facet``
    [{category, total, expected, share}]."""
    _rows = "adoption"
    expected: float
    stddev: float
    ci95: List[float]
    runs: int
    model: str
    adoption: Rows
    by_circle: Rows
    by_facet: Rows


class Synergy(Record):
    """A coalition's expected spread ``together`` against each member's ``alone`` [{id,
    expected}]: the ``best`` member and its ``best_single``, ``sum_alone``, ``gain_over_best``
    (together − best_single) and ``ratio_to_sum`` (below 1: overlap)."""
    together: float
    best: str
    best_single: float
    sum_alone: float
    gain_over_best: float
    ratio_to_sum: float
    alone: Rows


class LeverageResult(Record):
    """The ``conveners`` (ids, in the order chosen), their ``expected`` spread together, the
    ``gains`` each added when chosen, the ``method`` used and its ``samples`` (CELF: spread
    evaluations; IMM: reverse-reachable sets) — ``copnet leverage``."""
    conveners: List[str]
    expected: float
    gains: List[float]
    method: str
    samples: int


class Representation(Record):
    """Representation by facet and circle: ``representation`` rows {facet, category,
    landscape, core, inner, outer, expected, status, share {…}, ratio {…}}, the ``missing``
    categories and the ``under_represented`` ones."""
    representation: Rows
    missing: Rows
    under_represented: Rows


class Fragility(_PerStakeholder, Record):
    """What would break: articulation points (``fragile`` [{id, splits_into, pieces, circle}]),
    ``bridges`` [[id, id]], leader ``departures`` and ``dependence`` on single stakeholders."""
    _rows = "fragile"
    fragile: Rows
    bridges: Rows
    departures: Rows
    dependence: Rows


class GapsReport(_PerStakeholder, Record):
    """Who isn't here, whom to invite, what would break (``copnet gaps``): the fields of
    `Representation`, ``candidates`` and the fields of `Fragility`."""
    _rows = "candidates"
    representation: Rows
    missing: Rows
    under_represented: Rows
    candidates: Rows
    fragile: Rows
    bridges: Rows
    departures: Rows
    dependence: Rows


class EIResult(_PerStakeholder, Record):
    """The E-I index (Krackhardt & Stern 1988) of the network with UCINET's expected value and
    a permutation test, ``groups`` [{group, internal, external, ei_index, size}] and
    ``stakeholders`` [{id, internal, external, ei_index}]."""
    _rows = "stakeholders"
    ei_index: float
    ei_expected: float
    ei_p_greater: float
    ei_p_less: float
    permutations: int
    internal: int
    external: int
    groups: Rows
    stakeholders: Rows


class MixingMatrix(Record):
    """Ties (``mixing``) and summed weights (``mixing_weights``) from each category to each,
    {row: {col: value}} in category order; ``crossing_share`` of the ``total`` that cross."""
    mixing: Dict[str, Dict[str, int]]
    mixing_weights: Dict[str, Dict[str, float]]
    crossing_share: float
    total: int
    crossing: int


class BrokerageResult(_PerStakeholder, Record):
    """Gould & Fernandez roles per stakeholder, ``brokerage`` [{id, coordinator, itinerant,
    gatekeeper, representative, liaison, total, expected {…}, z {…}}], as sna::brokerage."""
    _rows = "brokerage"
    brokerage: Rows


class LevelCrossing(Record):
    """Ties between levels: ``levels`` {from: {to: ties}} over every kind, ends of unknown
    level (``levels_unknown``), and ``levels_by_kind`` {kind: {from: {to: ties}}}."""
    levels: Dict[str, Dict[str, int]]
    levels_unknown: int
    levels_by_kind: Dict[str, Dict[str, Dict[str, int]]]


class BoundaryReport(_PerStakeholder, Record):
    """Everything ``copnet boundaries`` reports for one facet: the fields of `EIResult`,
    `MixingMatrix`, `BrokerageResult`, ``holes``, ``assortativity``, ``spanners``,
    ``betweenness_sources`` (how many sources the spanners' betweenness used: every
    stakeholder when exact) and `LevelCrossing`."""
    _rows = "stakeholders"
    facet: str
    ei_index: float
    ei_expected: float
    ei_p_greater: float
    ei_p_less: float
    permutations: int
    internal: int
    external: int
    groups: Rows
    stakeholders: Rows
    mixing: Dict[str, Dict[str, int]]
    mixing_weights: Dict[str, Dict[str, float]]
    crossing_share: float
    total: int
    crossing: int
    brokerage: Rows
    holes: Rows
    assortativity: float
    spanners: Rows
    betweenness_sources: int
    levels: Dict[str, Dict[str, int]]
    levels_unknown: int
    levels_by_kind: Dict[str, Dict[str, Dict[str, int]]]


class RelationsReport(Record):
    """The multiplex view (``copnet relations``): ``relations`` [{name, role, direction,
    polarity, scale, ties, density}], ``overlap`` [{a, b, both, jaccard, a_in_b, b_in_a}] over
    unordered pairs, ``multiplexity`` {k: pairs tied by exactly k relations} and ``alignment``
    [{authority, influence, authority_ties, aligned, share}]: of the ties of an authority
    relation, the share that are ties of an influence relation too."""
    relations: Rows
    overlap: Rows
    multiplexity: Dict[str, int]
    alignment: Rows


class CorePeriphery(_PerStakeholder, Record):
    """Borgatti & Everett's continuous fit and discrete core: ``core`` [ids], ``scores`` [{id,
    score (largest 1), core}], ``passes`` and ``sweeps`` made."""
    _rows = "scores"
    continuous_fit: Optional[float]
    discrete_fit: Optional[float]
    core: List[str]
    scores: Rows
    passes: int
    sweeps: int


class CircleFit(Record):
    """How well the declared circles fit the ideal core/periphery pattern (core + inner vs
    outer; core vs rest), beside the ``best`` fit found among the same ``members``."""
    core_inner_vs_outer: Optional[float]
    core_vs_rest: Optional[float]
    best: Optional[float]
    members: int


class CircleDensity(Record):
    """``density`` [{from, to, pairs, tied, density, mean_weight}] over the 16 circle pairs
    and ``reciprocity`` {circle: share} of the directed ties within each circle."""
    density: Rows
    reciprocity: Dict[str, Optional[float]]


class Trajectories(_PerStakeholder, Record):
    """Movements between two snapshots: ``members`` [{id, before, after, movement}],
    ``transitions`` {before: {after: n}}, ``counts`` {movement: n} and ``by_facet`` [{category,
    movement counts}]."""
    _rows = "members"
    members: Rows
    transitions: Dict[str, Dict[str, int]]
    counts: Dict[str, int]
    by_facet: Rows


class CirclesReport(_PerStakeholder, Record):
    """Do the ties match the declared circles? (``copnet circles``): ``coreness`` [{id, k (,
    s)}], ``fit``, ``suggestions`` [{id, from, to, why, kind}], ``fits`` (a `CircleFit`),
    ``core_periphery`` {among, the fields of `CorePeriphery`}, ``density``, ``reciprocity`` and,
    with ``before``, ``trajectories``."""
    _rows = "coreness"
    coreness: Rows
    fit: Optional[float]
    suggestions: Rows
    fits: Record
    core_periphery: Record
    density: Rows
    reciprocity: Dict[str, Optional[float]]
    trajectories: Record


class CentralityTable(Record):
    """The standard centralities, one row per stakeholder (``copnet centrality``), as NetworkX
    2.8 defines them: ``undirected`` (measured on the undirected graph), the ``measures`` asked,
    in order, and ``stakeholders`` [{id, a key per measure}] (degrees and core numbers as whole
    numbers unless normalised; undefined values NaN). ``to_pandas()`` is the table as a
    DataFrame."""
    undirected: bool
    measures: List[str]
    stakeholders: Rows

    def to_pandas(self) -> Any:
        """The table as a ``pandas.DataFrame``: one row per stakeholder, indexed by ``id``, one
        column per measure in the order asked (undefined values NaN) — what ``pandas.read_csv``
        reads from ``copnet centrality --format csv`` with ``index_col="id"``. pandas is an
        optional dependency: raises ImportError when it is not installed."""
        pd = pandas("CentralityTable.to_pandas()")
        rows = self["stakeholders"]
        nodes = self.__dict__.get("_nodes")
        index = pd.Index([node_of(nodes, r["id"]) for r in rows], name="id",
                         dtype=None if nodes else object)
        return pd.DataFrame({m: [r[m] for r in rows] for m in self["measures"]}, index=index,
                            columns=list(self["measures"]))


class TestResult(Record):
    """A Monte Carlo test of a statistic against a null model (``copnet.test``, ``copnet test``):
    ``statistic``, ``null``, ``reps``, ``observed``, ``null_mean``, ``null_sd`` (n - 1),
    ``p_greater`` (share of replicates >= observed), ``p_less`` (<=), ``defined`` (replicates
    with a value; the others are left out) and, when asked, the ``sample``."""
    statistic: str
    null: str
    reps: int
    observed: float
    null_mean: float
    null_sd: float
    p_greater: float
    p_less: float
    defined: int


def _quantile(xs: List[float], q: float) -> float:
    # R's quantile(type = 7).
    s = sorted(xs)
    h = (len(s) - 1) * q
    lo = math.floor(h)
    hi = min(lo + 1, len(s) - 1)
    return s[lo] + (h - lo) * (s[hi] - s[lo])


class RegressionResult(Record):
    """An MRQAP regression (``copnet.regress``, ``copnet regress``; sna's netlm / netlogit):
    ``model`` ("lm" or "logit"), ``null``, ``reps``, ``n`` (dyads), ``mutual`` (unordered dyads),
    ``coefficients`` [{term, estimate, t, p_greater, p_less, p_two_sided}], ``df_residual``, and
    ``r_squared``, ``adj_r_squared``, ``residual_se`` (lm) or ``deviance``, ``null_deviance``,
    ``aic``, ``bic``, ``iterations`` (logit). ``summary()`` is the text of R's
    ``summary(netlm(...))`` / ``summary(netlogit(...))``."""
    __slots__ = ("_residuals",)
    model: str
    null: str
    reps: int
    n: int
    coefficients: Rows

    def _set_residuals(self, residuals: List[float]) -> None:
        object.__setattr__(self, "_residuals", list(residuals))

    def summary(self) -> str:
        """The fit as R's ``print(summary(netlm(...)))`` lays it out: residual quantiles
        (lm), coefficients with their one- and two-sided p values, fit statistics and the
        test's null hypothesis and replications."""
        lm = self["model"] == "lm"
        out = ["", "OLS Network Model" if lm else "Network Logit Model", ""]
        res = getattr(self, "_residuals", None) or []
        if lm and res:
            out.append("Residuals:")
            labels = ["0%", "25%", "50%", "75%", "100%"]
            values = ["%.6g" % _quantile(res, q) for q in (0, 0.25, 0.5, 0.75, 1)]
            w = max(len(v) for v in values + labels)
            out.append(" ".join(x.rjust(w) for x in labels))
            out.append(" ".join(x.rjust(w) for x in values))
            out.append("")
        out.append("Coefficients:")
        head = ["Estimate"] + ([] if lm else ["Exp(b)"]) + ["Pr(<=b)", "Pr(>=b)", "Pr(>=|b|)"]
        rows = []
        for c in self["coefficients"]:
            row = ["%.8g" % c["estimate"]]
            if not lm:
                row.append("%.8g" % math.exp(c["estimate"]))
            row += ["%.3f" % c[k] if c[k] is not None and not math.isnan(c[k]) else "NA"
                    for k in ("p_less", "p_greater", "p_two_sided")]
            rows.append((c["term"], row))
        tw = max(len(t) for t, _ in rows)
        cw = [max(len(head[i]), max(len(r[i]) for _, r in rows)) for i in range(len(head))]
        out.append(" " * tw + " " + " ".join(h.ljust(cw[i]) for i, h in enumerate(head)))
        for t, r in rows:
            out.append(t.ljust(tw) + " " + " ".join(v.ljust(cw[i]) for i, v in enumerate(r)))
        out.append("")
        if lm:
            out.append("Residual standard error: %.4g on %d degrees of freedom"
                       % (self["residual_se"], self["df_residual"]))
            out.append("Multiple R-squared: %.4g \tAdjusted R-squared: %.4g"
                       % (self["r_squared"], self["adj_r_squared"]))
        else:
            out.append("Goodness of Fit Statistics:")
            out.append("")
            out.append("Null deviance: %.6g on %d degrees of freedom" % (self["null_deviance"], self["n"]))
            out.append("Residual deviance: %.6g on %d degrees of freedom"
                       % (self["deviance"], self["df_residual"]))
            out.append("AIC: %.6g \tBIC: %.6g" % (self["aic"], self["bic"]))
        out += ["", "", "Test Diagnostics:", "", "\tNull Hypothesis: %s " % self["null"]]
        if self["null"] != "classical":
            out.append("\tReplications: %d " % self["reps"])
        return "\n".join(out) + "\n"


class NetworkMeasures(Record):
    """Whole-network measures (``copnet network``): ``stakeholders``, ``ties`` (edges of the
    simple graph: a mutual tie once when undirected), ``density``, ``reciprocity`` {edgewise,
    dyadic, dyadic_nonnull} (sna's grecip), ``dyad_census`` {mutual, asymmetric, null},
    ``triad_census`` {"003" … "300"}, ``transitivity``, ``components`` {weak, strong},
    ``diameter`` (None without distances) and ``average_distance`` of the largest weak
    component, ``degree_assortativity``, ``cutpoints`` {weak, strong}, ``undirected`` and the
    size of the ``largest_component``; undefined values NaN."""
    stakeholders: int
    ties: int
    density: float
    reciprocity: Dict[str, float]
    dyad_census: Dict[str, int]
    triad_census: Dict[str, int]
    transitivity: float
    components: Dict[str, int]
    diameter: Optional[int]
    average_distance: float
    degree_assortativity: float
    cutpoints: Dict[str, int]
    undirected: bool
    largest_component: int


class HealthReport(_PerStakeholder, Record):
    """Is the community alive? (``copnet health``): ``windows`` [{start, end, events, active,
    newcomers, retained, departed, pairs, formed, dissolved, persistence, reciprocity,
    absence_factor, elephant_factor, by_circle [{circle, active, members, share}]}] — the
    fields about the previous window None in the first — and ``members`` [{id, events,
    active_windows, first, last, burstiness}]; with ``leaders=True`` also ``leaders`` [{start,
    end, top [{id, coreness, in_degree}], rising, quiet_core}]. Times as the log gives them (ISO
    texts, or ints). ``to_pandas()`` is the members' table, ``to_pandas("windows")`` the
    windows'."""
    _rows = "members"
    windows: Rows
    members: Rows
    leaders: Rows


class TemporalReachResult(_PerStakeholder, Record):
    """Who a message reaches in time order (``copnet reach --temporal``): ``since`` (when the
    sources got it), ``count`` (sources included), ``reached`` [{id, arrival}] (sources first,
    then by arrival; times as the log gives them) and ``by_circle`` / ``by_facet`` [{category,
    total, reached, share}]."""
    _rows = "reached"
    since: Any
    count: int
    reached: Rows
    by_circle: Rows
    by_facet: Rows

    @property
    def arrivals(self) -> ByStakeholder:
        """{id: arrival} of everyone reached (keyed as ``ReachResult.hops``)."""
        return _by_stakeholder(self, "arrival")


@dataclasses.dataclass
class Stakeholder(_Record):
    """A person or organisation in the landscape, with its facets."""
    id: str
    name: str = ""
    sector: str = ""
    level: Optional[Level] = None
    perspective: Perspective = Perspective.unknown
    organization: str = ""
    stance: Stance = Stance.neutral
    attributes: Dict[str, str] = dataclasses.field(default_factory=dict)


@dataclasses.dataclass(frozen=True)
class Relation(_Record):
    """A relation of a network (docs/concepts.md): its ``name``, ``role`` (authority, influence,
    collaboration, communication, affect, affiliation, other), ``direction`` (directed,
    mutual), ``polarity`` (positive, negative) and ``scale`` (unit, binary, count, real)."""
    name: str
    role: str = "other"
    direction: str = "directed"
    polarity: str = "positive"
    scale: str = "unit"


@dataclasses.dataclass(frozen=True)
class Tie(_Record):
    """A tie ``source → target`` of the relation ``kind`` (a TieKind for the built-in three,
    else the relation's name) with ``weight``, its value on the relation's scale."""
    source: str
    target: str
    kind: TieKind
    weight: float = 1.0


class GroupsResult(_PerStakeholder, Record):
    """Detected groups (``copnet groups``): the ``method`` (louvain, leiden), ``resolution``,
    ``seed``, whether the ties were ``weighted`` by their values, the ``modularity`` of the
    groups, aggregation ``levels``, Leiden's ``iterations``, the ``count`` of groups,
    ``stakeholders`` [{id, group}] and ``groups`` [{group, size, internal, strength, members}]
    (largest first); with ``compare``, ``compare`` {with, stakeholders, detected_groups,
    declared_groups, nmi, ari, declared_modularity, contingency [{category, size, best_share,
    groups [{group, count}]}]}. ``to_pandas()``: the group of each stakeholder."""
    _rows = "stakeholders"
    method: str
    resolution: float
    seed: int
    weighted: bool
    modularity: float
    levels: int
    iterations: int
    count: int
    stakeholders: Rows
    groups: Rows
    compare: Record
