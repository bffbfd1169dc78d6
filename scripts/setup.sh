#!/usr/bin/env bash
# Installs the Debian packages copnet needs (only those missing), then configures and builds.
# Idempotent. Runs as root, or through sudo when not root.
# Usage: scripts/setup.sh [build-dir] [extra cmake arguments…]
#        COPNET_EXTRA_PACKAGES="pkg …" also installs those Debian packages.
#        COPNET_SETUP_TARGETS="target …" builds those targets, "all" everything; by default only
#        what running copnet needs: the library, the CLI and the Python module (tests and
#        benchmarks are built by scripts/test.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
shift || true

packages=(build-essential cmake ccache pkgconf libboost-graph-dev libboost-serialization-dev
          libmsgsl-dev catch2 nlohmann-json3-dev libcli11-dev libbenchmark-dev libxml2-dev
          libutf8proc-dev liborcus-dev libxlsxwriter-dev
          librsvg2-bin
          pybind11-dev python3-dev python3-setuptools python3-wheel python3-pip python3-pytest
          python3-networkx python3-numpy python3-scipy python3-mypy)
# More packages for a caller's purpose (scripts/setup-compare.sh: the benchmark peers).
read -r -a extra <<<"${COPNET_EXTRA_PACKAGES:-}"
packages+=("${extra[@]}")
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}" >&2
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
fi

# The Python module builds by default (against Debian's /usr/bin/python3); a later
# -DCOPNET_BUILD_PYTHON=OFF among the arguments turns it off.
cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Release -DCOPNET_BUILD_PYTHON=ON "$@" >&2
targets=${COPNET_SETUP_TARGETS:-}
if [ -z "$targets" ]; then
  targets="copnet"
  grep -q '^COPNET_BUILD_TOOLS:BOOL=ON' "$build/CMakeCache.txt" && targets+=" copnet_cli"
  grep -q '^COPNET_BUILD_PYTHON:BOOL=ON' "$build/CMakeCache.txt" && targets+=" copnet_python"
fi
start=$(date +%s)
if [ "$targets" = all ]; then
  cmake --build "$build" -j"$(nproc)" >&2
else
  # shellcheck disable=SC2086
  cmake --build "$build" -j"$(nproc)" --target $targets >&2
fi
what=""
for t in $targets; do
  case $t in
    all) t="everything";; copnet) t="the library";; copnet_cli) t="the CLI";;
    copnet_python) t="the Python module";; copnet_benchmarks) t="the benchmarks";;
  esac
  what+="${what:+, }$t"
done
echo "setup: built $what in $(( $(date +%s) - start )) s in $build/; next:" \
     "$build/tools/copnet/copnet summary (the CLI), PYTHONPATH=$build/bindings/python (Python)," \
     "or scripts/test.sh (builds and runs every test)" >&2
