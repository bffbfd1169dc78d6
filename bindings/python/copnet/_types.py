"""copnet's Python-side types: enums, exceptions and result classes.

The native module (`copnet._copnet`, C++ through pybind11) converts copnet's C++ enums to and
from these `enum.Enum` classes by their CSV spelling, raises these exceptions for copnet's C++
exceptions, and builds its results as these dataclasses, so that every result has a readable
``repr``, equality, and ``to_dict()`` (plain lists, dicts, strings and numbers, ready for
``json.dumps``). Stakeholders are named by their user ids (strings) throughout.
"""
from __future__ import annotations

import copy
import dataclasses
import enum
from typing import Any, Dict, List, Optional


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


# ---- plain records ---------------------------------------------------------------------------

def _plain(value: Any) -> Any:
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
    """Mixin of the result classes: ``to_dict()`` gives plain JSON-ready data.

    A result of a CLI command (``summary``, ``reach``, ``spread``, ``leverage``, ``gaps``,
    ``boundaries``, ``circles``) carries the library's description of itself, and its
    ``to_dict()`` is exactly what ``copnet COMMAND --format json`` prints, key for key (NaN as
    None)."""

    def to_dict(self) -> Dict[str, Any]:
        """The record as plain dicts, lists, strings and numbers (enums as their spelling)."""
        described = self.__dict__.get("_description")
        if described is not None:
            return copy.deepcopy(described)
        out: Dict[str, Any] = _plain(self)
        return out


def _fields(value: Any) -> Any:
    if isinstance(value, dict):
        return _Fields(value)
    if isinstance(value, list):
        return [_fields(v) for v in value]
    return value


class _Fields(_Record):
    """A result made from its description: each key of ``to_dict()`` is an attribute (nested
    objects are records of their own, lists are lists), so the object and the CLI's JSON agree
    by construction."""

    def __init__(self, description: Dict[str, Any]) -> None:
        self._description = description

    def __getattr__(self, name: str) -> Any:
        if name == "_description":
            raise AttributeError(name)
        try:
            return _fields(self._description[name])
        except KeyError:
            raise AttributeError(f"{type(self).__name__} has no field {name!r}") from None

    def __dir__(self) -> List[str]:
        return sorted(set(super().__dir__()) | set(self._description))

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self) and other._description == self._description  # type: ignore[attr-defined]

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        fields = ", ".join(f"{k}={_fields(v)!r}" for k, v in self._description.items())
        return f"{type(self).__name__}({fields})"


class CirclesReport(_Fields):
    """Do the ties match the declared circles? ``coreness`` [{id, k (, s)}], ``fit``,
    ``suggestions`` [{id, from, to, why, kind}], ``fits``, ``core_periphery`` {among,
    continuous_fit, discrete_fit, core, scores}, ``density`` [blocks], ``reciprocity`` {circle:
    share}, and with ``before`` the ``trajectories`` — the fields of ``copnet circles --format
    json``."""


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
class Tie(_Record):
    """A tie ``source → target`` of ``kind`` with ``weight`` in [0,1]."""
    source: str
    target: str
    kind: TieKind
    weight: float = 1.0


@dataclasses.dataclass
class Summary(_Record):
    """Counts that describe a network and one of its communities."""
    stakeholders: int
    ties: int
    ties_by_kind: Dict[str, int]
    community: str
    circles: Dict[str, int]
    levels: Dict[str, int]
    stances: Dict[str, int]


@dataclasses.dataclass
class CategoryReach(_Record):
    """Of the stakeholders of one category, how many were reached."""
    category: str
    total: int
    reached: int
    share: float


@dataclasses.dataclass
class ReachResult(_Record):
    """Stakeholders reached with their hop distance (sources 0), in breadth-first order; with
    a community or a facet asked for, the breakdown by circle and by facet."""
    hops: Dict[str, int]
    by_circle: List[CategoryReach] = dataclasses.field(default_factory=list)
    by_facet: List[CategoryReach] = dataclasses.field(default_factory=list)

    @property
    def count(self) -> int:
        """Number reached, sources included."""
        return len(self.hops)

    def __len__(self) -> int:
        return len(self.hops)

    def __contains__(self, id: object) -> bool:
        return id in self.hops


@dataclasses.dataclass
class LevelFlow(_Record):
    """How a message from the members at one level spreads to the members at another."""
    source_level: Level
    target_level: Level
    senders: int
    receivers: int
    reached_by_hop: List[int]
    share: float
    hops_to_target: Optional[int]


@dataclasses.dataclass
class TwoWayFlow(_Record):
    """Both directions of the flow between two levels."""
    forward: LevelFlow
    backward: LevelFlow
    target_share: float


@dataclasses.dataclass
class CategorySpread(_Record):
    """Of the stakeholders of one category, how many adopt on average."""
    category: str
    total: int
    expected: float
    share: float


@dataclasses.dataclass
class SpreadResult(_Record):
    """The outcome of a diffusion simulation: expected spread, its spread and 95 % interval,
    every stakeholder's adoption probability, and the breakdowns asked for."""
    runs: int
    expected: float
    stddev: float
    ci_low: float
    ci_high: float
    adoption: Dict[str, float]
    by_circle: List[CategorySpread] = dataclasses.field(default_factory=list)
    by_facet: List[CategorySpread] = dataclasses.field(default_factory=list)


@dataclasses.dataclass
class Synergy(_Record):
    """A coalition's expected spread together against each member's alone."""
    together: float
    alone: Dict[str, float]
    best: str
    best_single: float
    sum_alone: float

    @property
    def gain_over_best(self) -> float:
        """together − best_single: what the coalition adds to its strongest member."""
        return self.together - self.best_single

    @property
    def ratio_to_sum(self) -> float:
        """together / sum_alone (below 1: overlap; above 1: tipping together)."""
        return self.together / self.sum_alone if self.sum_alone > 0 else 0.0


@dataclasses.dataclass
class Convener(_Record):
    """A convener chosen, with what it added to the expected spread when chosen."""
    id: str
    gain: float


@dataclasses.dataclass
class LeverageResult(_Record):
    """The conveners in the order chosen, their expected spread together, the method used and
    its samples (CELF: spread evaluations; IMM: reverse-reachable sets)."""
    conveners: List[Convener]
    expected: float
    method: LeverageMethod
    samples: int

    @property
    def ids(self) -> List[str]:
        """The conveners' ids, in the order chosen."""
        return [c.id for c in self.conveners]
