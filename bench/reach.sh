#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# bench/reach.sh - `coopnet reach --all` on generated bundles of 1 000, 5 000 and 20 000 actors
# (20 events per actor, mean 8 participants), with and without --max-wait, printing seconds and
# peak memory, and the ratio to a straightforward per-source scan (bench/reach_scan.py, timed on
# a sample of sources and extrapolated to all of them). Also checks coopnet's out_reach of the
# sampled sources against the Python scan.
#
# usage: bench/reach.sh [BUILD_DIR] [SIZES...]   (default: build, 1000 5000 20000)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=${1:-$here/../build}
shift || true
sizes=${*:-1000 5000 20000}
coopnet=$build/coopnet
data=${COOPNET_BENCH_DATA:-/tmp/coopnet-bench-reach}
wait_days=${COOPNET_BENCH_MAX_WAIT:-90}
mkdir -p "$data"

measure() { # prints "seconds peak_MiB" of a command
    local log
    log=$(mktemp)
    /usr/bin/time -f '%e %M' -o "$log" "$@" >/dev/null
    awk '{ printf "%s %.0f", $1, $2 / 1024 }' "$log"
    rm -f "$log"
}

printf '%-7s %-10s %8s %9s %16s %8s %s\n' actors mode seconds peak_MiB python_scan_s ratio check
for n in $sizes; do
    bundle=$data/n$n
    [ -f "$bundle/ties.csv" ] || /usr/bin/python3 "$here/gen_bundle.py" "$n" "$bundle"
    scan=$(/usr/bin/python3 "$here/reach_scan.py" "$bundle" --sample 10)
    python_seconds=$(/usr/bin/python3 -c 'import json,sys; print("%.1f" % json.loads(sys.argv[1])["extrapolated_seconds"])' "$scan")
    read -r seconds peak <<<"$(measure "$coopnet" reach "$bundle" --all --quiet -o "$data/all$n.csv")"
    check=$(/usr/bin/python3 - "$scan" "$data/all$n.csv" <<'PY'
import csv, json, sys
expected = json.loads(sys.argv[1])["out_reach"]
got = {row["id"]: int(row["out_reach"]) for row in csv.DictReader(open(sys.argv[2]))}
bad = [a for a in expected if got.get(a) != expected[a]]
print("out_reach ok" if not bad else "MISMATCH " + ",".join(bad))
PY
)
    ratio=$(awk -v p="$python_seconds" -v s="$seconds" 'BEGIN { printf "%.0fx", p / (s > 0.01 ? s : 0.01) }')
    printf '%-7s %-10s %8s %9s %16s %8s %s\n' "$n" all "$seconds" "$peak" "$python_seconds" "$ratio" "$check"
    read -r seconds peak <<<"$(measure "$coopnet" reach "$bundle" --all --quiet --max-wait "$wait_days" -o "$data/wait$n.csv")"
    printf '%-7s %-10s %8s %9s %16s %8s\n' "$n" "wait $wait_days" "$seconds" "$peak" - -
done
