"""The type stubs: mypy --strict accepts the walk-through example, and rejects misuse."""
from __future__ import annotations

import os
import pathlib
import subprocess
import sys

import copnet
from conftest import ROOT


def mypy(path: pathlib.Path) -> subprocess.CompletedProcess[str]:
    package_parent = str(pathlib.Path(copnet.__file__).resolve().parents[1])
    env = dict(os.environ, MYPYPATH=package_parent)
    return subprocess.run([sys.executable, "-m", "mypy", "--strict", "--ignore-missing-imports",
                           "--no-incremental", "--cache-dir", os.devnull, str(path)],
                          capture_output=True, text=True, env=env)


def test_walkthrough_type_checks() -> None:
    result = mypy(ROOT / "examples" / "python" / "walkthrough.py")
    assert result.returncode == 0, result.stdout + result.stderr


def test_misuse_is_caught(tmp_path: pathlib.Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text("import copnet\n"
                   "net = copnet.Network()\n"
                   "n: int = copnet.reach(net, ['a']).hops\n"   # a dict, not an int
                   "copnet.spread(net, ['a'], runs='many')\n")  # runs is an int
    result = mypy(bad)
    assert result.returncode != 0
    assert "bad.py:3" in result.stdout and "bad.py:4" in result.stdout
