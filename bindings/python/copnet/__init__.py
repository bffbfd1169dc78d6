"""copnet: Communities of Practice as stakeholder networks — reach, gaps, boundaries.

The Python face of the C++ library copnet (a thin pybind11 binding). Stakeholders are named by
their string ids; enums are ``enum.Enum`` classes whose values are the CSV spellings (a plain
string such as ``"core"`` is accepted wherever an enum is); results are dataclasses with a
readable ``repr`` and ``to_dict()``.

    import copnet
    net = copnet.read_csv("nodes.csv", "ties.csv")
    cop = net.community()                     # the nodes' circle column
    r = copnet.reach(net, cop.members("core"), kinds="influence", max_hops=2)
    print(r.count, r.hops)
"""
from ._types import (  # noqa: F401
    CategoryReach, CategorySpread, Circle, Convener, DiffusionModel, Direction, Error, FileError,
    InvalidValue, Level, LevelFlow, LeverageMethod, LeverageResult, ParseError, Perspective,
    ReachResult, SpreadResult, Stakeholder, Stance, Summary, Synergy, Tie, TieKind, TwoWayFlow,
    UnknownStakeholder)
from ._copnet import (  # noqa: F401
    Community, Network, coalition_synergy, level_flow, leverage, parse_csv, reach, reach_counts,
    read_csv, spread, write_csv)
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
]
