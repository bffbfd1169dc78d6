#!/usr/bin/env bash
# The set-up of scripts/setup.sh, plus the peers that benchmarks/compare.py measures copnet
# against: Debian's python3-igraph, python3-graph-tool and python3-matplotlib (for --plot).
# Idempotent; installs only what is missing (as root, or through sudo).
# Usage: scripts/setup-compare.sh [build-dir]
#   then: /usr/bin/python3 benchmarks/compare.py build [--stakeholders N --ties M] [--markdown]
set -euo pipefail
cd "$(dirname "$0")/.."
COPNET_EXTRA_PACKAGES="python3-igraph python3-graph-tool python3-matplotlib python3-numpy" \
  COPNET_SETUP_TARGETS="copnet_cli copnet_python copnet_benchmarks" \
  exec scripts/setup.sh "${1:-build}"
