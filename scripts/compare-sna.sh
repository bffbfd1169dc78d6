#!/usr/bin/env bash
# Times R sna beside copnet on the speed rows of issue 22, in one run, on generated (invented)
# landscapes: QAP of the graph correlation of two relations (qaptest / copnet test, 1,000
# stakeholders) and netlm with 3 predictors, qapspp (500 stakeholders), copnet on 1 and 2
# threads. sna is slow at these sizes, so it runs fewer replications (SNA_QAP_REPS,
# SNA_NETLM_REPS) and the table compares time per replication. Needs r-base-core and
# r-cran-sna (Debian); not part of CI. Usage: scripts/compare-sna.sh [BUILD_DIR]
set -euo pipefail
build=${1:-build}
copnet="$build/tools/copnet/copnet"
qap_reps=${QAP_REPS:-10000}
netlm_reps=${NETLM_REPS:-1000}
sna_qap_reps=${SNA_QAP_REPS:-200}
sna_netlm_reps=${SNA_NETLM_REPS:-10}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$copnet" generate --out "$work/n1000" --stakeholders 1000 --ties 5000 --seed 1 >/dev/null
"$copnet" generate --out "$work/n500" --stakeholders 500 --ties 2500 --seed 1 >/dev/null

seconds() {  # wall seconds of a command
    local start end
    start=$(date +%s.%N); "$@" >/dev/null; end=$(date +%s.%N)
    awk -v a="$start" -v b="$end" 'BEGIN { print b - a }'
}

cat >"$work/sna.R" <<'R'
suppressMessages(library(sna))
args <- commandArgs(TRUE)
load <- function(dir) {
  nodes <- read.csv(file.path(dir, "nodes.csv"), stringsAsFactors = FALSE)
  ties <- read.csv(file.path(dir, "ties.csv"), stringsAsFactors = FALSE)
  n <- nrow(nodes)
  rel <- function(kind, mutual = FALSE) {
    m <- matrix(0, n, n); t <- ties[ties$kind == kind, ]
    s <- match(t$source, nodes$id); r <- match(t$target, nodes$id)
    m[cbind(s, r)] <- 1; if (mutual) m[cbind(r, s)] <- 1; m
  }
  list(infl = rel("influence"), auth = rel("authority"), coll = rel("collaboration", TRUE),
       sector = outer(nodes$sector, nodes$sector, "==") * 1)
}
a <- load(args[1]); qreps <- as.integer(args[3])
tq <- system.time(qaptest(list(a$infl, a$auth), gcor, g1 = 1, g2 = 2, reps = qreps))[["elapsed"]]
b <- load(args[2]); nreps <- as.integer(args[4])
tn <- system.time(netlm(b$infl, list(b$auth, b$coll, b$sector), nullhyp = "qapspp", reps = nreps))[["elapsed"]]
cat(tq, tn, "\n")
R
read -r sna_qap sna_netlm < <(Rscript "$work/sna.R" "$work/n1000" "$work/n500" "$sna_qap_reps" "$sna_netlm_reps")

net1000=(--nodes "$work/n1000/nodes.csv" --ties "$work/n1000/ties.csv")
net500=(--nodes "$work/n500/nodes.csv" --ties "$work/n500/ties.csv")
q1=$(seconds "$copnet" test "${net1000[@]}" --statistic correlation:influence,authority --null qap --reps "$qap_reps" --threads 1 --format json)
q2=$(seconds "$copnet" test "${net1000[@]}" --statistic correlation:influence,authority --null qap --reps "$qap_reps" --threads 2 --format json)
n1=$(seconds "$copnet" regress "${net500[@]}" --y influence --x authority,collaboration,same:sector --reps "$netlm_reps" --threads 1 --format json)
n2=$(seconds "$copnet" regress "${net500[@]}" --y influence --x authority,collaboration,same:sector --reps "$netlm_reps" --threads 2 --format json)

row() {  # name, sna seconds, sna reps, copnet seconds, copnet reps
    awk -v name="$1" -v s="$2" -v sr="$3" -v c="$4" -v cr="$5" 'BEGIN {
        ps = s / sr; pc = c / cr
        printf "%-34s %12.3f ms %12.4f ms %9.0fx\n", name, 1000 * ps, 1000 * pc, ps / pc }'
}
echo "Time per replication (machine as busy as it was; one run)"
printf "%-34s %15s %15s %10s\n" "call" "R sna" "copnet" "speed-up"
row "QAP gcor, 1,000 stakeholders, 1 thr" "$sna_qap" "$sna_qap_reps" "$q1" "$qap_reps"
row "QAP gcor, 1,000 stakeholders, 2 thr" "$sna_qap" "$sna_qap_reps" "$q2" "$qap_reps"
row "netlm qapspp 3 x, 500, 1 thread" "$sna_netlm" "$sna_netlm_reps" "$n1" "$netlm_reps"
row "netlm qapspp 3 x, 500, 2 threads" "$sna_netlm" "$sna_netlm_reps" "$n2" "$netlm_reps"
echo "(sna: $sna_qap_reps QAP and $sna_netlm_reps netlm replications in ${sna_qap}s and ${sna_netlm}s;" \
     "copnet: $qap_reps and $netlm_reps, whole command including reading the files)"
