"""pip's build of the Python module `copnet` (bindings/python): the metadata is pyproject.toml's;
this file drives CMake to build the native part (target copnet_python) and puts it where
setuptools wants the extension.

Which CMake build tree (nothing is compiled twice when one is there):
- $COPNET_BUILD_DIR when set (configured here if it is not yet);
- else `build/` (scripts/setup.sh's) when it is configured for this Python's ABI (its
  PYTHON_MODULE_EXTENSION is this interpreter's EXT_SUFFIX, e.g. .cpython-311-x86_64-linux-gnu.so:
  Debian's 3.11 build serves pyenv's 3.11 too): only the target is brought up to date;
- else `build-python/`, configured for this interpreter (Release, the module only).

Offline, nothing is downloaded: docs/python.md ("Install") gives the pip lines. CMake options
for a tree configured here can be passed in the environment variable COPNET_CMAKE_ARGS.
"""
import os
import pathlib
import re
import shlex
import shutil
import subprocess
import sys
import sysconfig
from typing import Optional

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext

ROOT = pathlib.Path(__file__).resolve().parent
(ROOT / "build-python").mkdir(exist_ok=True)  # setuptools' egg-info and scratch space


def cached(build: pathlib.Path, name: str) -> Optional[str]:
    """The value of `name` in build/CMakeCache.txt, or None."""
    cache = build / "CMakeCache.txt"
    if not cache.is_file():
        return None
    match = re.search(rf"^{re.escape(name)}:[A-Z]+=(.*)$", cache.read_text(errors="replace"),
                      re.MULTILINE)
    return match.group(1) if match else None


def build_tree() -> "tuple[pathlib.Path, bool]":
    """The CMake build folder to use, and whether it must be configured first."""
    chosen = os.environ.get("COPNET_BUILD_DIR")
    if chosen:
        build = pathlib.Path(chosen).resolve()
        return build, cached(build, "CMAKE_PROJECT_NAME") is None
    suffix = sysconfig.get_config_var("EXT_SUFFIX")
    default = ROOT / "build"
    if suffix and cached(default, "PYTHON_MODULE_EXTENSION") == suffix and \
            cached(default, "COPNET_BUILD_PYTHON") in ("ON", "1", "TRUE"):
        return default, False
    return ROOT / "build-python", True


class CMakeExtension(Extension):
    def __init__(self, name: str) -> None:
        super().__init__(name, sources=[])


class CMakeBuild(build_ext):
    """Builds the target copnet_python with CMake and copies the module where setuptools wants
    the extension."""

    def build_extension(self, ext: Extension) -> None:
        build, configure = build_tree()
        if configure:
            subprocess.run([
                "cmake", "-S", str(ROOT), "-B", str(build), "-DCMAKE_BUILD_TYPE=Release",
                "-DCOPNET_BUILD_PYTHON=ON", "-DCOPNET_BUILD_TESTS=OFF", "-DCOPNET_BUILD_TOOLS=OFF",
                "-DCOPNET_BUILD_EXAMPLES=OFF", "-DCOPNET_BUILD_BENCHMARKS=OFF",
                f"-DPython3_EXECUTABLE={sys.executable}",
            ] + shlex.split(os.environ.get("COPNET_CMAKE_ARGS", "")), check=True)
        else:
            print(f"copnet: reusing the CMake build tree {build}", file=sys.stderr)
        subprocess.run(["cmake", "--build", str(build), "--target", "copnet_python",
                        "-j", str(os.cpu_count() or 2)], check=True)
        suffix = cached(build, "PYTHON_MODULE_EXTENSION") or ".so"
        built = build / "bindings" / "python" / "copnet" / f"_copnet{suffix}"
        target = pathlib.Path(self.get_ext_fullpath(ext.name))
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(built, target)


# The version of CMakeLists.txt's project(), the one copnet::version() reports.
VERSION = re.search(r"project\(copnet VERSION ([0-9.]+)",
                    (ROOT / "CMakeLists.txt").read_text()).group(1)

setup(
    version=VERSION,
    ext_modules=[CMakeExtension("copnet._copnet")],
    cmdclass={"build_ext": CMakeBuild},
    # setuptools' own scratch space beside CMake's, not in the C++ build folder `build/`.
    options={"build": {"build_base": "build-python/setuptools"},
             "egg_info": {"egg_base": "build-python"}},
)
