#!/bin/sh
# A thread that cannot be created must not abort the process: copnet runs on the threads it gets.
# Runs `copnet spread --threads 100` as an unprivileged user allowed only 3 processes (root ignores
# the limit, so the test needs root to switch users; otherwise it is skipped, exit 77).
# Usage: thread_limit_test.sh COPNET
set -u
copnet=$1
if [ "$(id -u)" != 0 ] || ! command -v setpriv >/dev/null || ! command -v prlimit >/dev/null; then
  echo "skipped: needs root, setpriv and prlimit"; exit 77
fi
# The unprivileged user may not reach the build folder: run a copy from a folder it can read.
here=$(mktemp -d) || exit 1
trap 'rm -rf "$here"' EXIT
chmod 755 "$here" && cp "$copnet" "$here/copnet" && chmod 755 "$here/copnet" || exit 1
copnet=$here/copnet
cd "$here" || exit 1
limited() { setpriv --reuid=65534 --regid=65534 --clear-groups prlimit --nproc=3 "$copnet" "$@"; }
free=$("$copnet" spread --runs 2000 --seed 5 --format json) || exit 1
for args in "spread --runs 2000 --seed 5 --threads 100" "leverage --k 2 --runs 200 --threads 100" \
            "boundaries --permutations 500 --threads 100"; do
  # shellcheck disable=SC2086
  out=$(limited $args --format json 2>&1); status=$?
  if [ $status -ne 0 ]; then echo "copnet $args under a process limit: exit $status: $out"; exit 1; fi
done
same=$(limited spread --runs 2000 --seed 5 --threads 100 --format json) || exit 1
[ "$same" = "$free" ] || { echo "spread under a process limit gave another answer"; exit 1; }
echo "ok: every command ran on the threads it could get, with the same answer"
