"""Workbooks: copnet writes .xlsx that openpyxl reads to the values of copnet's own CSV, and
reads what openpyxl wrote (tests/data/workbooks/, invented data)."""
import csv
import json
import os
import subprocess
import pathlib

import pytest

import copnet

openpyxl = pytest.importorskip("openpyxl")

DATA = pathlib.Path(__file__).resolve().parents[3] / "tests" / "data" / "workbooks"


def community() -> copnet.Network:
    return copnet.read_csv(str(DATA / "community.stakeholders.csv"), str(DATA / "community.ties.csv"),
                           relations=str(DATA / "community.relations.csv"))


def test_read_workbook_is_the_csv_files_network():
    expected = community()
    # The events sheet's rows without a relation declare events' default relation.
    expected.add_relation("interaction", role="communication", direction="directed", scale="count")
    for name in ("community.xlsx", "community.ods", "community-shared-strings.xlsx"):
        assert copnet.read_workbook(DATA / name) == expected, name


def test_copnet_xlsx_reads_in_openpyxl_as_copnets_csv(tmp_path):
    net = community()
    copnet.write_workbook(net, tmp_path / "c.xlsx")
    copnet.write_csv(net, str(tmp_path / "n.csv"), str(tmp_path / "t.csv"))
    book = openpyxl.load_workbook(tmp_path / "c.xlsx", read_only=True)
    assert book.sheetnames == ["stakeholders", "ties", "relations"]
    for sheet, path in (("stakeholders", "n.csv"), ("ties", "t.csv")):
        rows = [["" if v is None else v for v in r] for r in book[sheet].iter_rows(values_only=True)]
        with open(tmp_path / path, newline="") as f:
            expected = list(csv.reader(f))
        assert len(rows) == len(expected)
        for got, want in zip(rows, expected):
            assert len(got) == len(want)
            for g, w in zip(got, want):
                # Tie values are number cells; everything else text, as copnet's CSV writes it.
                if isinstance(g, (int, float)) and not isinstance(g, bool):
                    assert g == float(w)
                else:
                    assert g == w
    assert copnet.read_workbook(tmp_path / "c.xlsx") == net


def test_workbook_errors_name_the_cell():
    with pytest.raises(copnet.ParseError, match=r"ties!B5: target \"xx-99\" is not in stakeholders"):
        copnet.read_workbook(DATA / "unknown-target.xlsx")
    with pytest.raises(copnet.InvalidValue):
        copnet.read_workbook(DATA / "community.stakeholders.csv")


CLI = os.environ.get("COPNET_CLI", "")


@pytest.mark.skipif(not CLI, reason="COPNET_CLI names no copnet program")
@pytest.mark.parametrize("command", [["centrality"], ["gaps"], ["boundaries", "--facet", "sector"]])
def test_cli_xlsx_holds_the_json_tables(tmp_path, command):
    """`--format xlsx` writes, sheet by sheet, the lists of `--format json` (bundled example)."""
    out = tmp_path / "result.xlsx"
    done = subprocess.run([CLI, *command, "--format", "xlsx", "--output", str(out)],
                          capture_output=True, text=True, check=True)
    assert done.stdout == ""
    result = json.loads(subprocess.run([CLI, *command, "--format", "json"], capture_output=True,
                                       text=True, check=True).stdout)
    book = openpyxl.load_workbook(out, read_only=True)
    checked = 0
    for key, value in result.items():
        if not (isinstance(value, list) and value and all(isinstance(e, dict) for e in value)):
            continue
        rows = list(book[key].iter_rows(values_only=True))
        header = list(rows[0])
        assert len(rows) - 1 == len(value), key
        for row, element in zip(rows[1:], value):
            for column, cell in zip(header, row):
                if column in element and not isinstance(element[column], (list, dict)):
                    want = element[column]
                    if want is None or want == "":  # null and "" are empty cells
                        assert cell is None, (key, column)
                    elif isinstance(want, float):
                        assert cell == pytest.approx(want, rel=1e-15), (key, column)
                    else:
                        assert cell == want, (key, column)
                    checked += 1
    assert checked > 50
