"""C++ exceptions arrive as Python ones, with their attributes; bad input changes nothing."""
from __future__ import annotations

import pytest

import copnet


def test_parse_error_names_file_line_field(tmp_path) -> None:
    nodes = tmp_path / "nodes.csv"
    ties = tmp_path / "ties.csv"
    nodes.write_text("id,level\na,local\nb,state\n")
    ties.write_text("source,target,kind,weight\na,b,influence,0.5\nb,a,influence,1.5\n")
    with pytest.raises(copnet.ParseError) as info:
        copnet.read_csv(str(nodes), str(ties))
    e = info.value
    assert isinstance(e, ValueError) and isinstance(e, copnet.Error)
    assert e.file == str(ties) and e.line == 3 and e.field == "weight"
    assert str(e).startswith(f"{ties}:3:") and "1.5" in e.message


def test_parse_error_from_text() -> None:
    with pytest.raises(copnet.ParseError) as info:
        copnet.parse_csv("id,level\na,planet\n", "source,target,kind\n")
    assert (info.value.file, info.value.line, info.value.field) == ("nodes.csv", 2, "level")


def test_unknown_stakeholder_is_key_error() -> None:
    net = copnet.Network()
    net.add_stakeholder("a")
    with pytest.raises(KeyError) as info:
        net.add_tie("a", "ghost", "influence")
    assert isinstance(info.value, copnet.UnknownStakeholder)
    assert info.value.id == "ghost" and "ghost" in str(info.value)
    with pytest.raises(copnet.UnknownStakeholder):
        copnet.reach(net, ["nobody"])


def test_bad_values_leave_network_unchanged() -> None:
    net = copnet.Network()
    net.add_stakeholder("a")
    net.add_stakeholder("b")
    before = net.copy()
    for bad in (lambda: net.add_tie("a", "b", "influence", 1.5),
                lambda: net.add_tie("a", "b", "influence", float("nan")),
                lambda: net.add_tie("a", "a", "influence"),
                lambda: net.add_tie("a", "b", "friendship")):
        with pytest.raises(copnet.InvalidValue):
            bad()
    assert net == before


def test_missing_file_is_os_error(tmp_path) -> None:
    with pytest.raises(OSError) as info:
        copnet.read_csv(str(tmp_path / "none.csv"), str(tmp_path / "none2.csv"))
    assert isinstance(info.value, copnet.FileError)
    assert info.value.path.endswith("none.csv")


def test_bad_options_raise_invalid_value(example: copnet.Network) -> None:
    core = example.community().members("core")
    with pytest.raises(copnet.InvalidValue):
        copnet.spread(example, core, runs=0)
    with pytest.raises(copnet.InvalidValue):
        copnet.spread(example, core, probability=2.0)
    with pytest.raises(copnet.InvalidValue):
        copnet.leverage(example, 0)
    with pytest.raises(copnet.InvalidValue):
        copnet.reach(example, [])
    with pytest.raises(copnet.InvalidValue):
        copnet.reach(example, core, kinds="friendship")
    with pytest.raises(copnet.InvalidValue):
        copnet.reach(example, core, direction="sideways")
    with pytest.raises(copnet.InvalidValue):
        example.community("no such community")
