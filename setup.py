"""pip's entry point for the Python module `copnet` (bindings/python): it drives CMake.

    /usr/bin/python3 -m pip install --no-build-isolation .

(offline: only Debian's python3-setuptools, python3-wheel, pybind11-dev and the C++ build
dependencies are used; on Debian 12 add --break-system-packages, or install into a virtual
environment made with `python3 -m venv --system-site-packages`). CMake options can be passed
in the environment variable COPNET_CMAKE_ARGS.
"""
import os
import pathlib
import re
import shlex
import shutil
import subprocess
import sys

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext

ROOT = pathlib.Path(__file__).resolve().parent


class CMakeExtension(Extension):
    def __init__(self, name: str) -> None:
        super().__init__(name, sources=[])


class CMakeBuild(build_ext):
    """Builds the target copnet_python with CMake and puts the module where setuptools wants
    the extension."""

    def build_extension(self, ext: Extension) -> None:
        build = ROOT / "build-python"  # CMake's own folder (ccache makes rebuilds cheap)
        configure = [
            "cmake", "-S", str(ROOT), "-B", str(build), "-DCMAKE_BUILD_TYPE=Release",
            "-DCOPNET_BUILD_PYTHON=ON", "-DCOPNET_BUILD_TESTS=OFF", "-DCOPNET_BUILD_TOOLS=OFF",
            "-DCOPNET_BUILD_EXAMPLES=OFF", "-DCOPNET_BUILD_BENCHMARKS=OFF",
            f"-DPython3_EXECUTABLE={sys.executable}",
        ] + shlex.split(os.environ.get("COPNET_CMAKE_ARGS", ""))
        subprocess.run(configure, check=True)
        subprocess.run(["cmake", "--build", str(build), "--target", "copnet_python",
                        "-j", str(os.cpu_count() or 2)], check=True)
        built = next((build / "bindings" / "python" / "copnet").glob("_copnet*.so"))
        target = pathlib.Path(self.get_ext_fullpath(ext.name))
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(built, target)


# The version of CMakeLists.txt's project(), the one copnet::version() reports.
VERSION = re.search(r"project\(copnet VERSION ([0-9.]+)",
                    (pathlib.Path(__file__).parent / "CMakeLists.txt").read_text()).group(1)

setup(
    name="copnet",
    version=VERSION,
    description="Communities of Practice as stakeholder networks: reach, gaps, boundaries",
    license="BSL-1.0",
    python_requires=">=3.9",
    packages=["copnet"],
    package_dir={"": "bindings/python"},
    package_data={"copnet": ["*.pyi", "py.typed"]},
    ext_modules=[CMakeExtension("copnet._copnet")],
    cmdclass={"build_ext": CMakeBuild},
    zip_safe=False,
    # setuptools' own scratch space beside CMake's, not in the C++ build folder `build/`.
    options={"build": {"build_base": "build-python/setuptools"},
             "egg_info": {"egg_base": "build-python"}},
)
