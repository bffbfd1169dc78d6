#!/usr/bin/env bash
# Set-up as scripts/setup.sh, then every test: the suite, the suite under AddressSanitizer and
# UBSan, and an outside project built against an installed copnet.
# Usage: scripts/test.sh   (COPNET_SKIP_SANITIZERS=1 skips the sanitizer build)
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=$(nproc)
# setup.sh alone builds what running copnet needs; the tests need everything.
export COPNET_SETUP_TARGETS=all
# Test-only: openpyxl reads copnet's .xlsx in the Python tests (bindings/python/tests/test_workbook.py).
export COPNET_EXTRA_PACKAGES="${COPNET_EXTRA_PACKAGES:-} python3-openpyxl"
t0=$(date +%s)
stage() { echo "== $* (at $(( $(date +%s) - t0 )) s)"; }

stage "build (warnings as errors) and test"
# Test-only packages: a headless browser for the report's test (tests/browser/), and two HTML
# validators. Where they cannot be installed the browser test says so and is skipped.
browser_packages="chromium chromium-driver python3-selenium python3-html5lib tidy"
missing_browser=""
for p in $browser_packages; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing_browser="$missing_browser $p"
done
if [ -n "$missing_browser" ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  { $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq \
      --no-install-recommends $missing_browser >&2; } ||
    echo "test: could not install$missing_browser: the browser test of the report will be skipped" >&2
fi
# Test-only Debian packages: pandas (the to_pandas() tests), python-igraph (the format tests
# read copnet's files with it), wheel's .whl (the venv step below).
COPNET_EXTRA_PACKAGES="${COPNET_EXTRA_PACKAGES:-} python3-pandas python3-igraph python3-wheel-whl" \
  scripts/setup.sh build -DCOPNET_WARNINGS_AS_ERRORS=ON
ctest --test-dir build --output-on-failure -j"$jobs"

stage "install, then build an outside consumer with find_package(copnet)"
prefix=$(mktemp -d)
trap 'rm -rf "$prefix"' EXIT
cmake --install build --prefix "$prefix/install" >/dev/null
cmake -S tests/cmake_consumer -B "$prefix/consumer" -DCMAKE_PREFIX_PATH="$prefix/install" >/dev/null
cmake --build "$prefix/consumer" -j"$jobs" >/dev/null
ctest --test-dir "$prefix/consumer" --output-on-failure
stage "the same consumer built with pkg-config alone"
# shellcheck disable=SC2046
g++ -o "$prefix/pc-consumer" tests/cmake_consumer/main.cpp \
  $(PKG_CONFIG_PATH="$(dirname "$(find "$prefix/install" -name copnet.pc)")" \
    pkg-config --static --cflags --libs copnet)
"$prefix/pc-consumer" | grep -q "2 stakeholders, 1 ties"
test -f "$prefix/install/share/doc/copnet/LICENSE"

stage "pip install the Python module (offline, through CMake), then import it elsewhere"
/usr/bin/python3 -m pip install --quiet --no-build-isolation --no-deps --no-index \
  --target "$prefix/python" . 2>&1 | grep -v "Running pip as the 'root' user" || true
(cd "$prefix" && PYTHONPATH="$prefix/python" /usr/bin/python3 -c \
  'import copnet; n = copnet.Network(); n.add_stakeholder("a"); assert "a" in n; print("import copnet:", copnet.__file__)')

stage "pip install into a fresh venv of a non-Debian Python (pyproject.toml; reuses build/)"
# The first Python that is not Debian's and has the ABI of build/'s module (so setup.py reuses
# that tree instead of compiling again): $COPNET_TEST_PYTHON, pyenv's, or one on PATH.
suffix=$(sed -n 's/^PYTHON_MODULE_EXTENSION:INTERNAL=//p' build/CMakeCache.txt)
other=""
# shellcheck disable=SC2086
for p in ${COPNET_TEST_PYTHON:-} "${PYENV_ROOT:-$HOME/.pyenv}"/versions/*/bin/python3 \
         $(command -v -a python3 python3.11 2>/dev/null || true); do
  [ -x "$p" ] || continue
  case "$(readlink -f "$p")" in /usr/bin/* | /bin/*) continue ;; esac
  if [ "$("$p" -c 'import sysconfig; print(sysconfig.get_config_var("EXT_SUFFIX"))' 2>/dev/null)" = "$suffix" ]; then
    other=$p
    break
  fi
done
if [ -z "$other" ]; then
  echo "skipped: no non-Debian Python with the ABI $suffix (set COPNET_TEST_PYTHON=/path/to/python3)"
else
  "$other" -m venv "$prefix/venv"
  # Offline: the venv has setuptools (ensurepip's), and wheel comes from Debian's .whl.
  "$prefix/venv/bin/pip" install --quiet --no-cache-dir --no-index \
    --find-links /usr/share/python-wheels wheel
  "$prefix/venv/bin/pip" install --quiet --no-cache-dir --no-build-isolation --no-deps . 2>&1 |
    grep -v "Running pip as the 'root' user" || true
  (cd "$prefix" && "$prefix/venv/bin/python" -c '
import sys, copnet
assert copnet.__file__.startswith(sys.prefix), copnet.__file__
net = copnet.Network(); net.add_stakeholder("a"); assert "a" in net
print("import copnet:", sys.version.split()[0], copnet.__file__)')
fi

if [ "${COPNET_SKIP_SANITIZERS:-0}" != 1 ]; then
  stage "the suite under AddressSanitizer and UBSan"
  # (the Python module is left out: an ASan-built extension needs an ASan-preloaded python)
  scripts/setup.sh build-asan -DCMAKE_BUILD_TYPE=Debug -DCOPNET_SANITIZE=address,undefined \
    -DCOPNET_WARNINGS_AS_ERRORS=ON -DCOPNET_BUILD_BENCHMARKS=OFF -DCOPNET_BUILD_PYTHON=OFF
  ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    ctest --test-dir build-asan --output-on-failure -j"$jobs"
fi
if [ "${COPNET_SKIP_SANITIZERS:-0}" != 1 ]; then
  stage "ThreadSanitizer: analyses from 4 threads on one network (C++), mutations racing analyses (Python)"
  cmake -S . -B build-tsan -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCOPNET_SANITIZE=thread \
    -DCOPNET_WARNINGS_AS_ERRORS=ON -DCOPNET_BUILD_BENCHMARKS=OFF -DCOPNET_BUILD_EXAMPLES=OFF \
    -DCOPNET_BUILD_TOOLS=OFF -DCOPNET_BUILD_PYTHON=ON >/dev/null
  cmake --build build-tsan -j"$jobs" --target copnet_thread_tests copnet_python >/dev/null
  TSAN_OPTIONS=halt_on_error=1 build-tsan/tests/copnet_thread_tests
  # CPython is not built with ThreadSanitizer: its runtime is preloaded, and only copnet's
  # (instrumented) code is checked.
  (cd "$prefix" && LD_PRELOAD="$(g++ -print-file-name=libtsan.so)" TSAN_OPTIONS=halt_on_error=1 \
     PYTHONPATH="$OLDPWD/build-tsan/bindings/python" /usr/bin/python3 -m pytest -q -p no:cacheprovider \
     "$OLDPWD/bindings/python/tests/test_threads.py")
fi
if command -v clang++ >/dev/null 2>&1 && [ "${COPNET_SKIP_FUZZ:-0}" != 1 ]; then
  # Deterministic: a fixed seed and number of runs from the committed corpus, so a run passes or
  # fails the same way every time; a slow input (over 10 s) is a finding. The long, random
  # fuzzing is scripts/fuzz.sh MINUTES.
  runs=${COPNET_FUZZ_RUNS:-30000}
  stage "fuzz the CSV, GraphML, JSON, archive, relations, events, Pajek, GML, GEXF, matrix, UCINET DL, workbook and roster readers: $runs runs each, seed 1 (libFuzzer, ASan+UBSan)"
  scripts/fuzz.sh --build
  for reader in csv graphml json archive relations events pajek gml gexf matrix dl workbook roster; do
    seeds=tests/fuzz/corpus-$reader
    [ "$reader" = csv ] && seeds=tests/fuzz/corpus
    corpus=$(mktemp -d)
    cp "$seeds"/* "$corpus"/
    if ! build-fuzz/tests/fuzz/${reader}_fuzzer -seed=1 -runs="$runs" -timeout=10 -max_len=65536 \
         -rss_limit_mb=2048 -dict=tests/fuzz/$reader.dict "$corpus" >"$corpus.log" 2>&1; then
      tail -60 "$corpus.log"
      echo "fuzzing the $reader reader found a failure (reproducer: crash-*/timeout-* in $(pwd))" >&2
      exit 1
    fi
    echo "$reader: $(grep -E "^Done" "$corpus.log")"
    rm -f "$corpus.log"
    rm -rf "$corpus"
  done
fi
echo "== all tests passed in $(( $(date +%s) - t0 )) s"
