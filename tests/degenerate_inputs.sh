#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Every analysis, figure and the report on the degenerate inputs ordinary data produces: a
# header-only bundle (which validate calls ok), a bundle of one actor at one event, every actor
# excluded, an empty GraphML, one level that has no actor. For each command and input: no crash
# (exit 0, 2 or 3 with a message; never a signal, never a sanitizer report), no temporary file
# left, and an output file only when the command succeeded. Run by ctest in the normal and the
# ASan/UBSan builds (the regressions of issue 18: groups crashed in gsl_ran_shuffle with no
# actor, the reach estimate read past a one-element allocation).
# usage: degenerate_inputs.sh COOPNET SOURCE_DIR
coopnet=$1
davis=$2/datasets/davis-southern-women
failed=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAILED: $*" >&2; failed=1; }

mkdir -p "$tmp/empty" "$tmp/one" "$tmp/out"
printf 'id,name,level\n' >"$tmp/empty/actors.csv"
printf 'id,title,date\n' >"$tmp/empty/events.csv"
printf 'event,actor\n' >"$tmp/empty/participation.csv"
printf 'id,name,level,country,lat,lon\nsolo,Solo City,local,TN,35.8,10.6\n' >"$tmp/one/actors.csv"
printf 'id,title,date\ne1,Workshop,2024-03-01\n' >"$tmp/one/events.csv"
printf 'event,actor,role\ne1,solo,presenter\n' >"$tmp/one/participation.csv"
printf '<?xml version="1.0"?>\n<graphml xmlns="http://graphml.graphdrawing.org/xmlns">%s\n' \
    '<graph edgedefault="undirected"></graph></graphml>' >"$tmp/empty.graphml"
"$coopnet" validate "$tmp/empty" >/dev/null 2>&1 || fail "validate: the header-only bundle is valid"

inputs=("$tmp/empty" "$tmp/one" "$tmp/empty.graphml" "$davis --level national"
        "$tmp/one --exclude solo")
# command and arguments; OUT is replaced by an output path of the given extension
commands=(
    "info" "centrality" "nlc" "groups --by level" "groups --by level --permutations 0"
    "brokerage --by level" "communities" "snapshots --every year"
    "reach --all" "reach --all --estimate" "reach --all --estimate --precision 16"
    "reach-curve --every year --estimate" "convert --to graphml" "convert --to gexf"
    "render -o OUT.png" "render --layout bipartite -o OUT.svg" "render --layout circle -o OUT.pdf"
    "render --layout timeline -o OUT.png" "render --layout geo -o OUT.png"
    "chart ranking -o OUT.png" "chart nlc-matrix -o OUT.svg" "chart participation -o OUT.png"
    "chart snapshots -o OUT.png" "report -o OUT.pdf" "whatif --rank" "whatif --rank --top 1"
    "whatif --without solo"
)
n=0
for input in "${inputs[@]}"; do
    for command in "${commands[@]}"; do
        # the report has no --level or --exclude (its --country selects)
        [[ $command == report* && $input == *--* ]] && continue
        n=$((n + 1))
        out=$tmp/out/run$n
        words=${command//OUT/$out}
        # shellcheck disable=SC2086
        timeout 120 "$coopnet" $words $input --quiet >"$tmp/stdout" 2>"$tmp/stderr"
        status=$?
        what="coopnet $words $input"
        case $status in
        0 | 2 | 3) ;;
        *) fail "exit $status: $what: $(head -c 300 "$tmp/stderr")" ;;
        esac
        if grep -q "Sanitizer\|runtime error" "$tmp/stderr"; then
            fail "sanitizer report: $what: $(head -c 600 "$tmp/stderr")"
        fi
        if [ "$status" -ne 0 ] && ! grep -q "^coopnet: " "$tmp/stderr"; then
            fail "exit $status without a message: $what"
        fi
        if [[ $command == *OUT* ]]; then
            produced=$(ls "$out".* 2>/dev/null | head -1)
            if [ "$status" -eq 0 ] && [ ! -s "$produced" ]; then
                fail "exit 0 but no output file: $what"
            elif [ "$status" -ne 0 ] && [ -n "$produced" ]; then
                fail "exit $status but an output file was written: $what"
            fi
        fi
    done
done
leftover=$(ls -A "$tmp/out" | grep '^\.coopnet-' || true)
[ -z "$leftover" ] || fail "temporary files left: $leftover"

[ $failed -eq 0 ] && echo "ok: $n runs on degenerate inputs"
exit $failed
