#!/bin/sh
# The report's speed goals, in a real browser (headless Chromium through Selenium): a
# 10,000-stakeholder report (generated, invented) is written in under 2 s, and hover and click
# answer in under 100 ms (median of 20, and 19 of 20). The test suite runs the same checks
# without the timings (tests/browser/report_test.py --quick); run this on a quiet machine.
# Usage: benchmarks/report_speed.sh [BUILD_DIR]   (default: build)
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$here/build}
exec /usr/bin/python3 "$here/tests/browser/report_test.py" "$build/tools/copnet/copnet" "$here" --timing
