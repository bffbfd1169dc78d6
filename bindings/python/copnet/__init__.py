"""copnet: Communities of Practice as stakeholder networks — reach, gaps, boundaries.

The Python face of the C++ library copnet (a thin pybind11 binding). Stakeholders are named by
their string ids; enums are ``enum.Enum`` classes whose values are the CSV spellings (a plain
string such as ``"core"`` is accepted wherever an enum is); results are records (dicts whose
keys are also attributes) made from the library's one description of each result, so the
result of a CLI command's analysis (``Network.summary``, ``reach``, ``spread``, ``leverage``,
``gaps``, ``boundaries``, ``circles``, ``relations``, ``centrality``, ``network``) has
``to_dict()`` equal to what ``copnet COMMAND --format json`` prints.

    import copnet
    net = copnet.read_csv("nodes.csv", "ties.csv")
    cop = net.community()                     # the nodes' circle column
    r = copnet.reach(net, cop.members("core"), kinds="influence", max_hops=2)
    print(r.count, r.hops)
"""
from ._types import (  # noqa: F401
    BoundaryReport, BrokerageResult, CentralityTable, CircleDensity, CircleFit, Circle,
    CirclesReport, CorePeriphery, DiffusionModel, Direction, EIResult, Error, FileError, Fragility, GapsReport,
    ByStakeholder, HealthReport, TemporalReachResult,
    InvalidValue, Level, LevelCrossing, LeverageMethod, LeverageResult, MixingMatrix, NetworkMeasures, ParseError,
    Perspective, ReachResult, Record, Relation, RelationsReport, Representation, Rows, SpreadResult, Stakeholder, Stance,
    RegressionResult, Summary, Synergy, TestResult, Tie, TieKind, Trajectories, TwoWayFlow,
    UnknownStakeholder)
from ._copnet import (  # noqa: F401
    __version__,  # the library's: copnet::version(), CMakeLists.txt's project(VERSION)
    Community, Network, articulation_points, attribute_assortativity, betweenness, boundaries,
    boundary_spanners, bridges, brokerage, candidates, centrality, circle_density, circle_fit, circle_map_svg,
    circles,
    coalition_synergy, components, condensation, core_periphery, coreness, ei_index, fragility, gaps, generate,
    level_crossing, level_flow, leverage, mixing_matrix, network, numeric_assortativity, parse_csv, reach, reach_counts,
    read_archive, read_csv, read_graphml, read_json, read_membership, read_relations, parse_relations, relations,
    read_workbook, write_workbook,
    regress, report, representation, resampling_error, spread, test,
    strong_components, structural_holes, suggest_moves, trajectories, write_archive, write_circle_map, write_csv,
    write_relations,
    write_dot, write_graphml, write_json,
    read, write, formats, read_pajek, write_pajek, read_gml, write_gml, read_gexf, write_gexf,
    read_matrix, write_matrix, read_dl, write_dl, read_roster)
from ._copnet import (  # noqa: F401  interaction over time (copnet/events.hpp)
    EventLog, emerging_leaders, health, health_chart, parse_attendance, parse_events,
    read_attendance, read_events, temporal_reach, temporal_reach_counts, window, windows)
from ._copnet import groups, modularity  # noqa: F401  detected groups (copnet/analysis/groups.hpp)
from ._types import GroupsResult  # noqa: F401
from ._networkx import copy_keeping_nodes, from_networkx, to_networkx  # noqa: F401

setattr(Network, "to_networkx", to_networkx)
for _name in ("copy", "__copy__", "__deepcopy__"):  # a copy keys its results as its original
    setattr(Network, _name, copy_keeping_nodes(getattr(Network, _name)))


def read_edge_list(ties: str, **options: object) -> Network:
    """Reads a plain edge list (a ties.csv with no nodes.csv; ``.edgelist``, ``.ncol`` and
    ``.edges`` separated by spaces, as ``networkx.write_edgelist`` writes them) into a new
    Network whose stakeholders are the ids it names: ``read_csv(None, ties, **options)``."""
    return read_csv(None, ties, **options)  # type: ignore[arg-type]


for _cls in (Error, ParseError, UnknownStakeholder, InvalidValue, FileError):
    _cls.__module__ = "copnet"


__all__ = [
    # enums, records, exceptions
    "Circle", "DiffusionModel", "Direction", "Level", "LeverageMethod", "Perspective", "Stance",
    "TieKind", "Stakeholder", "Tie", "Relation", "Record", "Rows", "Error", "FileError", "InvalidValue",
    "ParseError", "UnknownStakeholder",
    # results (each a Record made from the library's description)
    "BoundaryReport", "BrokerageResult", "CentralityTable", "CircleDensity", "CircleFit", "CirclesReport",
    "CorePeriphery", "EIResult", "Fragility", "GapsReport", "LevelCrossing", "LeverageResult",
    "MixingMatrix", "NetworkMeasures", "ReachResult", "RelationsReport", "Representation", "SpreadResult", "Summary", "Synergy",
    "Trajectories", "TwoWayFlow", "TestResult", "RegressionResult",
    # the network, files and analyses
    "Community", "Network", "from_networkx", "to_networkx", "parse_csv", "read_csv", "read_edge_list",
    "write_csv", "read_relations", "parse_relations", "write_relations", "read_archive", "read_graphml", "read_json", "read_membership",
    "read_workbook", "write_workbook",
    "write_archive", "write_graphml", "write_json", "circle_map_svg", "write_circle_map",
    "write_dot", "generate", "report", "read", "write", "formats", "read_pajek", "write_pajek",
    "read_gml", "write_gml", "read_gexf", "write_gexf", "read_matrix", "write_matrix", "read_dl",
    "write_dl", "read_roster",
    "reach", "reach_counts", "level_flow", "spread", "coalition_synergy", "leverage",
    "relations", "representation", "candidates", "fragility", "gaps", "articulation_points", "bridges",
    "components", "strong_components", "condensation", "mixing_matrix", "ei_index", "brokerage", "structural_holes", "betweenness",
    "boundary_spanners", "level_crossing", "attribute_assortativity", "numeric_assortativity",
    "boundaries",
    "coreness", "core_periphery", "circle_fit", "circle_density", "suggest_moves",
    "trajectories", "circles", "centrality", "network", "test", "regress", "resampling_error",
    # interaction over time
    "EventLog", "HealthReport", "TemporalReachResult", "ByStakeholder", "read_events",
    "parse_events", "read_attendance", "parse_attendance", "window", "windows", "health",
    "emerging_leaders", "health_chart", "temporal_reach", "temporal_reach_counts",
    # detected groups
    "GroupsResult", "groups", "modularity",
]
