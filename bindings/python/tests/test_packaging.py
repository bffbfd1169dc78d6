"""Python packaging as Python users expect it (issue 17, item 7): pyproject.toml's metadata,
and help() showing real signatures (named, typed arguments and the result's class) and a
docstring for every function and method of the native module. The install itself into a fresh
venv of a non-Debian Python is scripts/test.sh's step (it needs pip and a second Python)."""
from __future__ import annotations

import pathlib
import re
import sys
from typing import Any, List, Tuple

import pytest

import copnet

ROOT = pathlib.Path(__file__).resolve().parents[3]


def native() -> List[Tuple[str, Any]]:
    out = [(n, getattr(copnet, n)) for n in copnet.__all__
           if type(getattr(copnet, n)).__name__ == "builtin_function_or_method"]
    for cls in (copnet.Network, copnet.Community, copnet.EventLog):
        for n in dir(cls):
            f = getattr(cls, n)
            if not n.startswith("_") and \
                    type(f).__name__ == "instancemethod":
                out.append((f"{cls.__name__}.{n}", f))
    return out


def test_every_native_function_has_a_typed_signature_and_a_docstring() -> None:
    functions = native()
    assert len(functions) > 80
    for name, f in functions:
        doc = f.__doc__ or ""
        first, _, rest = doc.partition("\n")
        short = name.split(".")[-1]
        assert first.startswith(short + "("), name
        assert ": object" not in first and "-> object" not in first, (name, first)
        assert re.search(r"\) -> \S", first), (name, first)  # a result type
        assert rest.strip(), f"{name} has no docstring"
    assert "-> copnet.HealthReport" in copnet.health.__doc__
    assert "kinds: Union[str, Iterable[Union[copnet.TieKind, str]], None] = None" in \
        copnet.reach.__doc__
    assert "direction: copnet.Direction" in copnet.reach.__doc__


@pytest.mark.skipif(sys.version_info < (3, 11), reason="tomllib is Python 3.11's")
def test_pyproject_metadata() -> None:
    import tomllib
    meta = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert meta["build-system"]["build-backend"] == "setuptools.build_meta"
    project = meta["project"]
    assert project["name"] == "copnet" and project["readme"] == "README.md"
    assert project["dynamic"] == ["version"]
    assert project["description"].startswith("Communities of Practice as stakeholder networks")
    extras = project["optional-dependencies"]
    assert [d.split(">")[0] for d in extras["networkx"]] == ["networkx"]
    assert [d.split(">")[0] for d in extras["pandas"]] == ["pandas"]
    assert project.get("dependencies") == []  # both are optional
    version = re.search(r"project\(copnet VERSION ([0-9.]+)",
                        (ROOT / "CMakeLists.txt").read_text()).group(1)  # type: ignore[union-attr]
    assert copnet.__version__ == version
    assert "env/" in (ROOT / ".gitignore").read_text().split()
