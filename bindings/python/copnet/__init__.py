"""copnet: Communities of Practice as stakeholder networks — reach, gaps, boundaries.

The Python face of the C++ library copnet (a thin pybind11 binding). Stakeholders are named by
their string ids; enums are ``enum.Enum`` classes whose values are the CSV spellings (a plain
string such as ``"core"`` is accepted wherever an enum is); results are dataclasses with a
readable ``repr`` and ``to_dict()``. The result of a CLI command's analysis (``Network.summary``,
``reach``, ``spread``, ``leverage``, ``gaps``, ``boundaries``, ``circles``) has the library's
description of itself: its ``to_dict()`` is what ``copnet COMMAND --format json`` prints.

    import copnet
    net = copnet.read_csv("nodes.csv", "ties.csv")
    cop = net.community()                     # the nodes' circle column
    r = copnet.reach(net, cop.members("core"), kinds="influence", max_hops=2)
    print(r.count, r.hops)
"""
from ._types import (  # noqa: F401
    CategoryReach, CategorySpread, Circle, CirclesReport, Convener, DiffusionModel, Direction, Error, FileError,
    InvalidValue, Level, LevelFlow, LeverageMethod, LeverageResult, ParseError, Perspective,
    ReachResult, SpreadResult, Stakeholder, Stance, Summary, Synergy, Tie, TieKind, TwoWayFlow,
    UnknownStakeholder)
from ._results import (  # noqa: F401
    ArticulationPoint, BoundaryReport, Brokerage, BrokerageResult, BrokerageRoles, Candidate,
    CategoryCount, CircleBlock, CircleDensity, CircleFit, CircleReciprocity, CorePeriphery,
    Departure, Dependence, EIResult, Fragility, GapsReport, GroupEI, LevelCrossing,
    MissingCategory, MixingMatrix, Reason, Representation, RepresentationRow, ScoreParts,
    Spanner, StakeholderEI, StructuralHoles, Suggestion, Trajectories, Trajectory,
    UnderRepresented)
from ._copnet import (  # noqa: F401
    Community, Network, articulation_points, attribute_assortativity, betweenness, boundaries,
    boundary_spanners, bridges, brokerage, candidates, circle_density, circle_fit, circle_map_svg,
    circles,
    coalition_synergy, components, core_periphery, coreness, ei_index, fragility, gaps, generate,
    level_crossing, level_flow, leverage, mixing_matrix, parse_csv, reach, reach_counts,
    read_archive, read_csv, read_graphml, read_json, read_membership, representation, spread,
    structural_holes, suggest_moves, trajectories, write_archive, write_circle_map, write_csv,
    write_dot, write_graphml, write_json)
from ._networkx import from_networkx, to_networkx  # noqa: F401

Network.to_networkx = to_networkx

for _cls in (Error, ParseError, UnknownStakeholder, InvalidValue, FileError):
    _cls.__module__ = "copnet"

__version__ = "0.1.0"

__all__ = [
    "CategoryReach", "CategorySpread", "Circle", "Community", "Convener", "DiffusionModel",
    "Direction", "Error", "FileError", "InvalidValue", "Level", "LevelFlow", "LeverageMethod",
    "LeverageResult", "Network", "ParseError", "Perspective", "ReachResult", "SpreadResult",
    "Stakeholder", "Stance", "Summary", "Synergy", "Tie", "TieKind", "TwoWayFlow",
    "UnknownStakeholder", "coalition_synergy", "from_networkx", "level_flow", "leverage",
    "parse_csv", "reach", "reach_counts", "read_csv", "spread", "to_networkx", "write_csv",
    # gaps, boundaries, circles, files
    "ArticulationPoint", "BoundaryReport", "Brokerage", "BrokerageResult", "BrokerageRoles",
    "Candidate", "CategoryCount", "CircleBlock", "CircleDensity", "CircleFit", "CirclesReport",
    "CircleReciprocity", "CorePeriphery", "Departure", "Dependence", "EIResult", "Fragility",
    "GapsReport", "GroupEI", "LevelCrossing", "MissingCategory", "MixingMatrix", "Reason",
    "Representation", "RepresentationRow", "ScoreParts", "Spanner", "StakeholderEI",
    "StructuralHoles", "Suggestion", "Trajectories", "Trajectory", "UnderRepresented",
    "articulation_points", "attribute_assortativity", "betweenness", "boundaries",
    "boundary_spanners", "bridges", "brokerage", "candidates", "circle_density", "circle_fit",
    "circles",
    "components", "core_periphery", "coreness", "ei_index", "fragility", "gaps", "generate",
    "level_crossing",
    "mixing_matrix", "read_archive", "read_graphml", "read_json", "read_membership",
    "representation", "structural_holes", "suggest_moves", "trajectories", "write_archive",
    "write_graphml", "write_json", "circle_map_svg", "write_circle_map", "write_dot",
]
