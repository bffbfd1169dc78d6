#!/usr/bin/env bash
# Long, random fuzzing of copnet's readers (libFuzzer, ASan+UBSan; needs clang++).
# Usage: scripts/fuzz.sh MINUTES [READER…]   fuzz each reader (csv graphml json archive
#                                            relations events workbook) for MINUTES with a
#                                            random seed, on both cores
#        scripts/fuzz.sh --build             only build the fuzzers (build-fuzz/)
# New inputs that reach new code are merged into the committed corpus (tests/fuzz/corpus*/),
# so the deterministic gate in scripts/test.sh replays them; a crash, leak or slow input
# (over 10 s) is kept in tests/fuzz/findings/ — make it a regression test, then commit it to the
# corpus.
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=$(nproc)

build() {
  CXX=clang++ cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCOPNET_BUILD_FUZZERS=ON \
    -DCOPNET_BUILD_TESTS=OFF -DCOPNET_BUILD_TOOLS=OFF -DCOPNET_BUILD_EXAMPLES=OFF \
    -DCOPNET_BUILD_BENCHMARKS=OFF >/dev/null
  cmake --build build-fuzz -j"$jobs" >/dev/null
}

if [ "${1:-}" = --build ]; then build; exit 0; fi
minutes=${1:?usage: scripts/fuzz.sh MINUTES [csv|graphml|json|archive|relations|events|pajek|gml|gexf|matrix|dl|workbook|roster …]}
shift
readers=("$@")
((${#readers[@]})) || readers=(csv graphml json archive relations events pajek gml gexf matrix dl workbook roster)
build
mkdir -p tests/fuzz/findings
status=0
for reader in "${readers[@]}"; do
  seeds=tests/fuzz/corpus-$reader
  [ "$reader" = csv ] && seeds=tests/fuzz/corpus
  work=$(mktemp -d)
  echo "== $reader: $minutes min on $jobs jobs"
  if ! build-fuzz/tests/fuzz/${reader}_fuzzer -max_total_time=$((minutes * 60)) -timeout=10 \
       -max_len=1048576 -rss_limit_mb=2048 -dict=tests/fuzz/$reader.dict -jobs="$jobs" \
       -workers="$jobs" -artifact_prefix=tests/fuzz/findings/$reader- "$work" "$seeds" \
       >"$work.log" 2>&1; then
    status=1
    echo "$reader: a finding, see tests/fuzz/findings/$reader-*" >&2
  fi
  # Keep what reached new code: merged (minimised) into the committed corpus.
  build-fuzz/tests/fuzz/${reader}_fuzzer -merge=1 -max_len=1048576 "$seeds" "$work" >/dev/null 2>&1 || true
  echo "$reader: corpus now $(ls "$seeds" | wc -l) files"
  rm -rf "$work" "$work.log" fuzz-*.log
done
exit $status
