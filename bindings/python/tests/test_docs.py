"""The walk-through in docs/python.md ("Interaction over time") runs as written: its `>>>`
examples are a doctest, from the repository's root, on the bundled invented event log."""
from __future__ import annotations

import doctest
import pathlib

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[3]


def test_python_md_examples_run_as_written(monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("pandas", reason="python3-pandas is not installed (the walk-through "
                                         "uses to_pandas())")
    monkeypatch.chdir(ROOT)
    result = doctest.testfile(str(ROOT / "docs" / "python.md"), module_relative=False,
                              optionflags=doctest.NORMALIZE_WHITESPACE, verbose=False)
    assert result.attempted >= 15
    assert result.failed == 0
