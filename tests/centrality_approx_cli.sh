#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# CLI checks of `coopnet centrality --approx`: the bound columns and the note, the same output for
# the same seed, every actor within its bound of the exact value, the automatic switch under a
# time budget, and the exit status and message of every bad value.
# usage: centrality_approx_cli.sh COOPNET SOURCE_DIR
coopnet=$1
mena=$2/datasets/mena-hub
failed=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

fail() { echo "FAILED: $*" >&2; failed=1; }

# expect STATUS COMMAND...: runs, keeps stdout in $tmp/out and stderr in $tmp/err
expect() {
    local want=$1; shift
    "$coopnet" "$@" >"$tmp/out" 2>"$tmp/err"
    local got=$?
    [ "$got" -eq "$want" ] || fail "exit $got (expected $want): coopnet $*: $(head -c 300 "$tmp/err")"
}
first_line_is() { [ "$(head -n 1 "$tmp/out")" = "$1" ] || fail "header '$(head -n 1 "$tmp/out")', expected '$1'"; }
err_has() { grep -qF -- "$1" "$tmp/err" || fail "stderr lacks '$1': $(cat "$tmp/err")"; }
err_lacks() { ! grep -qF -- "$1" "$tmp/err" || fail "stderr has '$1': $(cat "$tmp/err")"; }

# a bundle large enough that closeness and harmonic sample their sources (k < actors)
expect 0 generate --actors 600 --events 600 --seed 3 -o "$tmp/bundle"
bundle=$tmp/bundle
measures=betweenness,closeness,harmonic,degree

expect 0 centrality --approx 0.2 --seed 7 --measure "$measures" "$bundle"
first_line_is "id,name,level,country,betweenness,betweenness_error_bound,closeness,closeness_error_bound,harmonic,harmonic_error_bound,degree,confidence"
err_has "coopnet: note: betweenness, closeness and harmonic are approximate: each actor within its *_error_bound of the exact value with probability 0.95 (normalised betweenness and harmonic within 0.2; seed 7)"
[ "$(grep -c "note:" "$tmp/err")" -eq 1 ] || fail "--approx: expected one note line"
cp "$tmp/out" "$tmp/approx.csv"
expect 0 centrality --quiet --approx 0.2 --seed 7 --measure "$measures" "$bundle"
cmp -s "$tmp/out" "$tmp/approx.csv" || fail "--approx: the same seed gave another output"
[ ! -s "$tmp/err" ] || fail "--quiet --approx: stderr not empty: $(cat "$tmp/err")"
expect 0 centrality --quiet --approx 0.2 --seed 8 --measure "$measures" "$bundle"
cmp -s "$tmp/out" "$tmp/approx.csv" && fail "--approx: another seed gave the same output"

# every actor within its bound of the exact value (the raw betweenness bound is
# 0.2 (n-1)(n-2)/2 for n = 600)
expect 0 centrality --quiet --exact --measure "$measures" "$bundle"
first_line_is "id,name,level,country,betweenness,closeness,harmonic,degree"
cp "$tmp/out" "$tmp/exact.csv"
awk -F, 'NR == FNR { if (FNR > 1) { b[$1] = $5; c[$1] = $6; h[$1] = $7 } next }
         FNR > 1 { rows++
                   d = $5 - b[$1]; if (d < 0) d = -d; if (d > $6 + 1e-6) out++
                   d = $7 - c[$1]; if (d < 0) d = -d; if ($7 != "" && d > $8 + 1e-6) out++
                   d = $9 - h[$1]; if (d < 0) d = -d; if (d > $10 + 1e-6) out++
                   d = $6 - 0.2 * 599 * 598 / 2; if (d < 0) d = -d; if (d > 1e-3) wrong++ }
         END { print rows + 0, out + 0, wrong + 0 }' "$tmp/exact.csv" "$tmp/approx.csv" >"$tmp/check"
[ "$(cat "$tmp/check")" = "600 0 0" ] ||
    fail "--approx 0.2: rows, values outside their bound, wrong betweenness bounds: $(cat "$tmp/check")"

# JSON carries the same fields
expect 0 centrality --quiet --approx 0.2 --format json --measure betweenness --top 1 "$bundle"
grep -q '"betweenness_error_bound":35820.2,"confidence":0.95}' "$tmp/out" ||
    fail "json: the bound and the confidence: $(cat "$tmp/out")"
expect 0 centrality --quiet --approx 0.2 --confidence 0.99 --measure harmonic --top 1 "$bundle"
first_line_is "id,name,level,country,harmonic,harmonic_error_bound,confidence"
grep -q ',0.99$' "$tmp/out" || fail "--confidence 0.99: the confidence column"

# without --approx: exact within the time budget, sampled above it with a note
expect 0 centrality --measure betweenness,degree "$bundle"
first_line_is "id,name,level,country,betweenness,degree"
err_lacks "note:"
expect 0 centrality --measure betweenness,degree --time-budget 0.000001 "$bundle"
first_line_is "id,name,level,country,betweenness,betweenness_error_bound,degree,confidence"
err_has "s, over the time budget of 1e-06 s: sampled instead, each actor within its *_error_bound of the exact value with probability 0.95 (normalised betweenness and harmonic within 0.2; --exact forces the exact computation)"
expect 0 centrality --quiet --measure betweenness --time-budget 0.000001 "$bundle"
[ ! -s "$tmp/err" ] || fail "--quiet: the switch note was printed"
expect 0 centrality --measure betweenness --time-budget 0.000001 --exact "$bundle"
first_line_is "id,name,level,country,betweenness"
err_lacks "note:"
# nothing to sample: no note, no bound
expect 0 centrality --approx 0.1 --measure degree,pagerank "$mena"
first_line_is "id,name,level,country,degree,pagerank"
err_lacks "note:"

# bad values: exit 2 and the reason
for bad in 0 -0.1 1 1.5 nan inf abc ""; do
    expect 2 centrality --approx "$bad" "$mena"
    err_has "--approx needs a number above 0 and below 1, not '$bad'"
done
for bad in 0 1 1.2 -0.5 nan; do
    expect 2 centrality --approx 0.1 --confidence "$bad" "$mena"
    err_has "--confidence needs a number above 0 and below 1, not '$bad'"
done
for bad in 0 -1 nan; do
    expect 2 centrality --time-budget "$bad" "$mena"
    err_has "--time-budget needs a finite number > 0, not '$bad'"
done
expect 2 centrality --seed -1 "$mena"
err_has "--seed needs a whole number >= 0, not '-1'"
expect 2 centrality --approx 0.1 --exact "$mena"
err_has "give --exact or --approx, not both"
expect 2 centrality --approx 0.1 --weighted "$mena"
err_has "--approx does not apply to weighted betweenness (weighted path measures are exact only)"
expect 0 centrality --quiet --approx 0.1 --weighted --measure degree,pagerank "$mena"
expect 2 centrality --approx 0.1 --two-mode "$mena"
err_has "--approx does not apply to --two-mode"

expect 0 centrality --help
grep -q -- "--approx EPS" "$tmp/out" || fail "centrality --help lacks --approx"
grep -q "Riondato" "$tmp/out" || fail "centrality --help lacks the method"

exit $failed
