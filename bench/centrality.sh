#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Benchmark (not a test): `coopnet centrality` on a generated bundle of 20 000 actors against the
# same igraph calls from python-igraph on the same graph. Prints both times and their ratio
# (the goal is at most 1.5).
#   bench/centrality.sh BUILD/coopnet [ACTORS] [EVENTS]
# The bundle comes from `coopnet generate` when the binary has it, otherwise from
# bench/generate_bundle.py.
set -euo pipefail
coopnet=$1
actors=${2:-20000}
events=${3:-8000}
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

if "$coopnet" generate --help >/dev/null 2>&1; then
    "$coopnet" generate -o "$work/bundle" --actors "$actors" --events "$events" --mean-size 5 \
        --seed 1 --quiet
    echo "bundle: coopnet generate, $actors actors, $events events"
else
    /usr/bin/python3 "$here/generate_bundle.py" "$work/bundle" "$actors" "$events" 1
    echo "bundle: bench/generate_bundle.py, $actors actors, $events events"
fi
"$coopnet" info --quiet "$work/bundle" | grep "cooperation graph"
"$coopnet" convert --quiet "$work/bundle" -o "$work/edges.csv"

start=$(date +%s.%N)
"$coopnet" centrality --quiet "$work/bundle" -o "$work/centrality.csv"
end=$(date +%s.%N)
coopnet_seconds=$(echo "$end - $start" | bc)
igraph_seconds=$(/usr/bin/python3 "$here/igraph_centrality.py" "$work/edges.csv" \
    "$(($(wc -l <"$work/centrality.csv") - 1))")
echo "coopnet centrality (load, build, nine measures, write): ${coopnet_seconds} s"
echo "python-igraph (the nine igraph calls only):              ${igraph_seconds} s"
echo "ratio: $(echo "scale=3; $coopnet_seconds / $igraph_seconds" | bc)"
