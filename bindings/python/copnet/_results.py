"""Result classes of the gaps, boundary-crossing and circles analyses (see _types.py for the
conventions: dataclasses with ``repr``, equality and ``to_dict()``; stakeholders by id;
per-stakeholder values as dicts keyed by id, in the network's order)."""
from __future__ import annotations

import dataclasses
from typing import Dict, List, Tuple

from ._types import Circle, TieKind, _Record


# ---- gaps ------------------------------------------------------------------------------------

@dataclasses.dataclass
class CategoryCount(_Record):
    """How many of a category a group holds, its share of the group, and share ÷ landscape share."""
    count: int
    share: float
    ratio: float


@dataclasses.dataclass
class RepresentationRow(_Record):
    """One category of one facet, counted in the landscape and in each circle (``leading`` is
    core + inner, ``members`` core + inner + outer); ``status`` "ok", "missing",
    "under_represented" or "unknown" (the row of stakeholders without a value)."""
    facet: str
    category: str
    expected: bool
    landscape: CategoryCount
    core: CategoryCount
    inner: CategoryCount
    outer: CategoryCount
    leading: CategoryCount
    members: CategoryCount
    status: str = "ok"


@dataclasses.dataclass
class MissingCategory(_Record):
    """A category absent from the core and inner circles (landscape 0: absent everywhere)."""
    facet: str
    category: str
    landscape: int
    outer: int


@dataclasses.dataclass
class UnderRepresented(_Record):
    """A category in core + inner at a share below ``threshold`` × its landscape share."""
    facet: str
    category: str
    ratio: float


@dataclasses.dataclass
class Representation(_Record):
    """Representation by facet and circle, the missing and the under-represented categories."""
    rows: List[RepresentationRow]
    missing: List[MissingCategory]
    under_represented: List[UnderRepresented]


@dataclasses.dataclass
class Reason(_Record):
    """Why a candidate ranks where it does: a stable code and words."""
    code: str
    text: str


@dataclasses.dataclass
class ScoreParts(_Record):
    """The parts of a candidate's score, each already weighted."""
    ties: float
    categories: float
    stance: float
    reach: float


@dataclasses.dataclass
class Candidate(_Record):
    """A non-member worth inviting: score = the sum of its parts, with reasons."""
    id: str
    score: float
    parts: ScoreParts
    ties_to_members: int
    reach_added: int
    reasons: List[Reason]


@dataclasses.dataclass
class ArticulationPoint(_Record):
    """A stakeholder whose departure splits its piece, and the sizes of the pieces left."""
    id: str
    splits_into: int
    pieces: List[int]


@dataclasses.dataclass
class Departure(_Record):
    """What the departure of ``ids`` costs: k-step reach and connected pieces before and after."""
    ids: List[str]
    reach_before: int
    reach_after: int
    reach_lost: int
    pieces_before: int
    pieces_after: int


@dataclasses.dataclass
class Dependence(_Record):
    """The stakeholders holding the largest shares of a facet's cross-category ties."""
    facet: str
    cross_ties: int
    top: List[Tuple[str, int, float]]  # (id, ties, share)


@dataclasses.dataclass
class Fragility(_Record):
    """Articulation points, bridges (pairs of ids), departures and dependence."""
    articulation_points: List[ArticulationPoint]
    bridges: List[Tuple[str, str]]
    departures: List[Departure]
    dependence: List[Dependence]


@dataclasses.dataclass
class GapsReport(_Record):
    """Who isn't here, whom to invite, what would break."""
    representation: Representation
    candidates: List[Candidate]
    fragility: Fragility


# ---- boundaries ------------------------------------------------------------------------------

@dataclasses.dataclass
class MixingMatrix(_Record):
    """Ties (and summed weights) from each category to each; the share crossing a boundary."""
    facet: str
    categories: List[str]
    ties: List[List[int]]
    weights: List[List[float]]
    total: int
    crossing: int
    crossing_share: float


@dataclasses.dataclass
class GroupEI(_Record):
    """The E-I index of one category."""
    group: str
    size: int
    internal: int
    external: int
    ei_index: float


@dataclasses.dataclass
class StakeholderEI(_Record):
    """The E-I index of one stakeholder over its own ties."""
    internal: int
    external: int
    ei_index: float


@dataclasses.dataclass
class EIResult(_Record):
    """The E-I index (Krackhardt & Stern 1988) of the network, its groups and stakeholders,
    UCINET's expected value and a permutation test."""
    internal: int
    external: int
    ei_index: float
    expected: float
    p_greater: float
    p_less: float
    permutations: int
    groups: List[GroupEI]
    stakeholders: Dict[str, StakeholderEI]


@dataclasses.dataclass
class BrokerageRoles(_Record):
    """Gould & Fernandez's five roles and their total."""
    coordinator: float
    itinerant: float
    representative: float
    gatekeeper: float
    liaison: float
    total: float


@dataclasses.dataclass
class Brokerage(_Record):
    """One stakeholder's brokerage: raw counts, expectations and z-scores (as sna)."""
    raw: BrokerageRoles
    expected: BrokerageRoles
    z: BrokerageRoles


@dataclasses.dataclass
class BrokerageResult(_Record):
    """Brokerage roles of every stakeholder, the categories and the density used."""
    categories: List[str]
    stakeholders: Dict[str, Brokerage]
    density: float


@dataclasses.dataclass
class StructuralHoles(_Record):
    """Burt's effective size, efficiency and constraint (NaN where NetworkX leaves them
    undefined)."""
    effective_size: float
    efficiency: float
    constraint: float


@dataclasses.dataclass
class Spanner(_Record):
    """A boundary spanner: categories among its neighbours, betweenness, the share of shortest
    paths between categories through it, its brokerage roles."""
    id: str
    categories: int
    betweenness: float
    cross_group_betweenness: float
    cross_group_share: float
    brokerage: BrokerageRoles


@dataclasses.dataclass
class LevelCrossing(_Record):
    """Ties of one kind between levels: ties[from][to] by level name; ends of unknown level."""
    kind: TieKind
    ties: Dict[str, Dict[str, int]]
    unknown: int


@dataclasses.dataclass
class BoundaryReport(_Record):
    """Everything ``copnet boundaries`` reports for one facet."""
    facet: str
    mixing: MixingMatrix
    ei: EIResult
    brokerage: BrokerageResult
    holes: Dict[str, StructuralHoles]
    spanners: List[Spanner]
    levels: List[LevelCrossing]
    assortativity: float


# ---- circles ---------------------------------------------------------------------------------

@dataclasses.dataclass
class CorePeriphery(_Record):
    """Borgatti & Everett's continuous scores (largest 1) and discrete core, with their fits."""
    scores: Dict[str, float]
    core: List[str]
    continuous_fit: float
    discrete_fit: float
    core_size: int
    passes: int
    sweeps: int


@dataclasses.dataclass
class CircleFit(_Record):
    """How well the declared circles match the ideal core/periphery pattern, and the best fit
    found among the same members."""
    core_inner_vs_outer: float
    core_vs_rest: float
    best: float
    members: int


@dataclasses.dataclass
class CircleBlock(_Record):
    """Ties from one circle to another: ordered pairs, tied pairs, density, mean weight."""
    source: Circle
    target: Circle
    pairs: int
    tied: int
    density: float
    mean_weight: float


@dataclasses.dataclass
class CircleReciprocity(_Record):
    """Reciprocity of the directed ties within one circle (NaN when there are none)."""
    circle: Circle
    directed: int
    reciprocated: int
    reciprocity: float


@dataclasses.dataclass
class CircleDensity(_Record):
    """16 blocks (from × to over core, inner, outer, none) and the reciprocity per circle."""
    blocks: List[CircleBlock]
    reciprocity: List[CircleReciprocity]


@dataclasses.dataclass
class Suggestion(_Record):
    """A suggested move ("move_inward", "at_risk", "invite") with its reason."""
    id: str
    kind: str
    source: Circle
    target: Circle
    why: str


@dataclasses.dataclass
class Trajectory(_Record):
    """One stakeholder's movement between two snapshots."""
    id: str
    before: Circle
    after: Circle
    movement: str


@dataclasses.dataclass
class Trajectories(_Record):
    """Movements between two snapshots: per member, the transition matrix by circle names,
    counts by movement, and counts by movement per facet category."""
    members: List[Trajectory]
    transitions: Dict[str, Dict[str, int]]
    counts: Dict[str, int]
    by_facet: Dict[str, Dict[str, int]]


