#!/usr/bin/env bash
# The set-up of scripts/setup.sh, plus the peers that benchmarks/compare.py measures copnet
# against: Debian's python3-igraph, python3-graph-tool and python3-matplotlib (for --plot).
# Idempotent; installs only what is missing (as root, or through sudo).
# Usage: scripts/setup-compare.sh [build-dir]
#   then: /usr/bin/python3 benchmarks/compare.py build [--stakeholders N --ties M] [--markdown]
set -euo pipefail
cd "$(dirname "$0")/.."
peers=(python3-igraph python3-graph-tool python3-matplotlib python3-numpy)
missing=()
for p in "${peers[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "setup-compare: installing ${missing[*]}" >&2
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
fi
# Benchmarks and the CLI are built by the ordinary set-up (Release).
exec scripts/setup.sh "${1:-build}"
