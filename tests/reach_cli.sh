#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# CLI checks of `coopnet reach` and `coopnet reach-curve`: outputs on mena-hub, exit codes and
# messages of usage errors. usage: reach_cli.sh COOPNET SOURCE_DIR
coopnet=$1
mena=$2/datasets/mena-hub
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }

# expect STATUS COMMAND...: runs it, keeps stdout in $out and stderr in $err
expect() {
    local status=$1
    shift
    out=$("$@" 2>/tmp/reach_cli_err.$$)
    local got=$?
    err=$(cat /tmp/reach_cli_err.$$)
    [ "$got" = "$status" ] || fail "exit $got (expected $status): $*: $err"
}
contains() { case "$1" in *"$2"*) ;; *) fail "'$2' not in: $1" ;; esac; }

expect 0 "$coopnet" reach "$mena" --from saida --quiet
[ "$(echo "$out" | head -1)" = "id,name,arrival,hops,via,certain,arrival_earliest,arrival_latest" ] || fail "reach header: $out"
contains "$out" "fes,Fes,2024-01-31,1,valletta_workshop_2024,true,2024-01-31,2024-01-31"
# Fes's requests follow Valletta in every reading: Saida reaches AMPCC through them possibly,
# surely only by the end of their bounds
expect 0 "$coopnet" reach "$mena" --from saida --only possible --quiet
case "$out" in *",true,"*) fail "--only possible kept a certain row: $out" ;; esac
expect 0 "$coopnet" reach "$mena" --from saida --only certain --quiet
case "$out" in *",false,"*) fail "--only certain kept a possible row: $out" ;; esac

expect 0 "$coopnet" reach "$mena" --from saida --path-to fes --quiet
[ "$out" = "Saida → Second MENA regional workshop: Strengthening the Role of Cities in the Prevention of Hate, Polarisation and Violent Extremism in the Middle East and North Africa (2024-01-31) → Fes
certain: this pathway holds whatever the exact dates were" ] || fail "pathway: $out"
expect 0 "$coopnet" reach "$mena" --from fes --path-to saida --until 2023-12 --quiet
contains "$out" "possible, if membership tie (2023-03/2025-12) happened before technical_support tie (../2024-02-01): the sources leave that order open"

expect 0 "$coopnet" reach "$mena" --from fes --path-to saida --until 2023-12 --layer events --quiet
[ "$out" = "no time-respecting path from 'fes' to 'saida'" ] || fail "no pathway: $out"

expect 0 "$coopnet" reach "$mena" --from saida --path-to fes --format json --quiet
contains "$out" '"via":"valletta_workshop_2024"'

expect 0 "$coopnet" reach "$mena" --to fes --quiet
[ "$(echo "$out" | head -1)" = "id,name,departure,hops,via,certain,departure_latest,departure_earliest" ] || fail "backward header"
contains "$out" "saida,Saida,2024-09-29,2,miqdadiyah_peer_sessions,true,2024-09-29,2024-01-31"

expect 0 "$coopnet" reach "$mena" --all --exclude scn_mena_hub --level local --format json --quiet
contains "$out" '"id":"saida"'
case "$out" in *scn_mena_hub*) fail "excluded actor in --all output" ;; esac

expect 0 "$coopnet" reach-curve "$mena" --every year --from saida --quiet
[ "$out" = "$(printf 'date,reached,reached_possible\n2023-12-31,0,0\n2024-12-31,23,37\n2025-12-31,26,37')" ] || fail "curve: $out"
expect 0 "$coopnet" reach-curve "$mena" --every quarter --max-wait 30 --mode presenter --quiet
[ "$(echo "$out" | head -1)" = "date,reachability_ratio,mean_out_reach,reachability_ratio_possible,mean_out_reach_possible" ] || fail "curve header"

# one reading only: the other's columns are empty; both agree with the full run
expect 0 "$coopnet" reach "$mena" --all --quiet
both=$out
expect 0 "$coopnet" reach "$mena" --all --reading possible --quiet
same_columns() { # OUT BOTH COLUMN...: the named columns agree, row by row
    /usr/bin/python3 - "$@" <<'PY'
import csv, io, sys
one, both = (list(csv.DictReader(io.StringIO(t))) for t in sys.argv[1:3])
sys.exit(any(a["id"] != b["id"] or any(a[c] != b[c] for c in sys.argv[3:])
             for a, b in zip(one, both)) or len(one) != len(both))
PY
}
same_columns "$out" "$both" out_reach_possible in_reach_possible temporal_closeness_possible ||
    fail "--reading possible differs from the full run"
contains "$(echo "$out" | sed -n 2p)" ",,,,,"
expect 0 "$coopnet" reach "$mena" --all --reading certain --quiet
same_columns "$out" "$both" out_reach in_reach temporal_closeness out_reach_certain in_reach_certain ||
    fail "--reading certain differs from the full run"
expect 2 "$coopnet" reach "$mena" --from saida --reading certain --quiet
contains "$err" "--reading needs --all"
expect 2 "$coopnet" reach "$mena" --all --reading sure --quiet
contains "$err" "unknown reading 'sure' (expected certain or possible)"
expect 2 "$coopnet" reach "$mena" --from saida --as-of 2024-01/2024-03 --quiet
expect 2 "$coopnet" reach "$mena" --from saida --window 2024 --quiet
contains "$err" "--window needs FROM/TO with both sides written"

# issue 19 on the MENA bundle: every actor with a contact reaches or is reached by someone in the
# possible reading (no one is left out because a date is missing), and Fes's requests for support
# follow the Valletta workshop in every reading
expect 0 "$coopnet" reach "$mena" --all --quiet
printf '%s\n' "$out" | /usr/bin/python3 -c '
import csv, sys
rows = list(csv.DictReader(sys.stdin))
alone = [r["id"] for r in rows if r["out_reach_possible"] == "0" and r["in_reach_possible"] == "0"]
sys.exit("reached by no one and reaching no one: %s" % alone if alone else 0)
' || fail "an actor without reach on mena-hub"
expect 0 "$coopnet" reach "$mena" --from saida --path-to scn_mena_hub --layer ties --format csv --quiet
contains "$out" "2,fes,Fes,tie:fes->scn_mena_hub:request,request tie,2024-01-31/2024-09-30,2024-01-31,2024-09-30,false,"
expect 0 "$coopnet" reach "$mena" --from saida --path-to scn_mena_hub --layer ties --quiet
contains "$out" "possible, if peer_learning tie (2024-01-31/2024-02-01) happened before request tie (2024-01-31/2024-09-30)"

tmp=$(mktemp -d)
expect 0 "$coopnet" reach "$mena" --all -o "$tmp/all.csv" --quiet
[ -s "$tmp/all.csv" ] && [ -z "$out" ] || fail "-o FILE"
rm -rf "$tmp"

# all sources estimated with sketches: on mena-hub the counts are small enough to come out exact
expect 0 "$coopnet" reach "$mena" --all --quiet
exact=$out
expect 0 "$coopnet" reach "$mena" --all --estimate --quiet
[ "$(echo "$out" | head -1)" = "id,name,out_reach,in_reach,temporal_closeness,out_reach_certain,out_reach_possible,in_reach_certain,in_reach_possible,temporal_closeness_possible,relative_standard_error" ] ||
    fail "estimate header: $(echo "$out" | head -1)"
# every estimated count within three standard errors (and one actor) of the exact one
printf '%s\n' "$exact" > /tmp/reach_exact.$$
printf '%s\n' "$out" | /usr/bin/python3 -c '
import csv, sys
exact = {r["id"]: r for r in csv.DictReader(open(sys.argv[1]))}
for r in csv.DictReader(sys.stdin):
    for k in ("out_reach_certain", "out_reach_possible", "in_reach_certain", "in_reach_possible"):
        e, g = int(exact[r["id"]][k]), int(r[k])
        if abs(g - e) > 3 * 0.0325 * e + 1:
            sys.exit("%s %s: estimate %d, exact %d" % (r["id"], k, g, e))
' /tmp/reach_exact.$$ || fail "estimate far from exact on mena-hub"
rm -f /tmp/reach_exact.$$
contains "$(echo "$out" | sed -n 2p)" ",0.0325"
expect 0 "$coopnet" reach "$mena" --all --estimate --precision 12 --format json --quiet
contains "$out" '"relative_standard_error":0.01625'
# the memory limit (a budget, issue 18): at 46 actors the exact state is the smaller, so under
# a tiny limit neither fits and reach is refused (exit 1) naming both and the limit
expect 1 "$coopnet" reach "$mena" --all --memory-limit 100
contains "$err" "coopnet: reach from all sources of 46 actors needs 736 bytes exact, and its estimate at precision 10 needs 396016 bytes, over the memory limit 100 bytes: raise --memory-limit to allow it"
[ -z "$out" ] || fail "output despite the refusal: $out"
expect 1 "$coopnet" reach "$mena" --all --memory-limit 100 --exact --quiet
contains "$err" "exact reach from all sources of 46 actors needs 736 bytes, over the memory limit 100 bytes"
# the HyperLogLog estimate is refused over the limit, with its estimate
expect 1 "$coopnet" reach "$mena" --all --estimate --memory-limit 100K --quiet
contains "$err" "the reach estimate of 46 actors at precision 10 needs 396016 bytes, over the memory limit 102400 bytes: raise --memory-limit"
expect 1 "$coopnet" reach-curve "$mena" --every year --estimate --memory-limit 100K --quiet
contains "$err" "over the memory limit 102400 bytes"
expect 0 "$coopnet" reach "$mena" --all --estimate --memory-limit 396016 --quiet
expect 0 "$coopnet" reach "$mena" --all --memory-limit 736 --quiet
[ "$out" = "$exact" ] || fail "exact just within the memory limit"
expect 0 "$coopnet" reach "$mena" --all --memory-limit 2MiB --quiet
[ "$out" = "$exact" ] || fail "exact under the memory limit"
expect 2 "$coopnet" reach "$mena" --all --memory-limit 100 --max-wait 30 --quiet
contains "$err" "the estimate cannot honour a maximum wait: raise --memory-limit, or drop --max-wait"
expect 0 "$coopnet" reach-curve "$mena" --every year --estimate --quiet
[ "$(echo "$out" | head -1)" = "date,reachability_ratio,mean_out_reach,reachability_ratio_possible,mean_out_reach_possible,relative_standard_error" ] ||
    fail "curve estimate header"
# the same input gives the same bytes
tmp=$(mktemp -d)
if "$coopnet" generate -o "$tmp/g" --actors 3000 --events 1200 --seed 3 --quiet; then
    "$coopnet" reach "$tmp/g" --all --estimate -o "$tmp/one.csv" --quiet &&
        "$coopnet" reach "$tmp/g" --all --estimate -o "$tmp/two.csv" --quiet &&
        cmp -s "$tmp/one.csv" "$tmp/two.csv" || fail "estimate not deterministic"
    [ "$(wc -l <"$tmp/one.csv")" = 3001 ] || fail "estimate rows"
    # 3000 actors at precision 4: the estimate (1.3 MiB) is smaller than the exact state
    # (2.2 MiB): over the limit of the one, within the other's, the estimate with a note
    expect 0 "$coopnet" reach "$tmp/g" --all --precision 4 --memory-limit 2M
    contains "$err" "coopnet: note: exact reach for 3000 actors needs 2.2 MiB"
    contains "$err" "over the memory limit 2.0 MiB: estimating with HyperLogLog sketches"
    contains "$(echo "$out" | head -1)" "relative_standard_error"
    expect 0 "$coopnet" reach "$tmp/g" --all --precision 4 --memory-limit 2M --quiet
    [ -z "$err" ] || fail "note despite --quiet: $err"
    expect 1 "$coopnet" reach "$tmp/g" --all --precision 4 --memory-limit 2M --exact --quiet
    contains "$err" "exact reach from all sources of 3000 actors needs 2.2 MiB, over the memory limit"
else
    fail "generate"
fi
rm -rf "$tmp"

# usage errors: exit 2, a message naming the culprit
expect 2 "$coopnet" reach "$mena" --all --estimate --max-wait 30
contains "$err" "--estimate cannot honour --max-wait"
expect 2 "$coopnet" reach "$mena" --all --estimate --exact
contains "$err" "give --exact or --estimate, not both"
expect 2 "$coopnet" reach "$mena" --from saida --estimate
contains "$err" "are for reach from all sources"
expect 2 "$coopnet" reach-curve "$mena" --every year --from saida --precision 8
contains "$err" "are for reach from all sources"
expect 2 "$coopnet" reach "$mena" --all --precision 3
contains "$err" "--precision needs a whole number from 4 to 16, not '3'"
expect 2 "$coopnet" reach "$mena" --all --precision ten
contains "$err" "'ten'"
expect 2 "$coopnet" reach "$mena" --all --memory-limit lots
contains "$err" "--memory-limit needs a size such as 800M or 2G, not 'lots'"
expect 2 "$coopnet" reach "$mena" --all --memory-limit 0
contains "$err" "not '0'"
expect 2 "$coopnet" reach "$mena" --all --memory-limit 5X
contains "$err" "not '5X'"
expect 2 "$coopnet" reach "$mena"
contains "$err" "give one of --from, --to and --all"
expect 2 "$coopnet" reach "$mena" --from nowhere --quiet
contains "$err" "unknown actor 'nowhere'"
expect 2 "$coopnet" reach "$mena" --from saida --exclude saida --quiet
contains "$err" "filtered out"
expect 2 "$coopnet" reach "$mena" --to fes --path-to saida --quiet
contains "$err" "--path-to needs --from"
expect 2 "$coopnet" reach "$mena" --all --max-wait soon
contains "$err" "'soon'"
expect 2 "$coopnet" reach "$mena" --all --mode loud
contains "$err" "'loud'"
expect 2 "$coopnet" reach "$mena" --all --since 31/01/2024
contains "$err" "--since"
expect 2 "$coopnet" reach "$mena" --all --since 2025 --until 2024 --quiet
contains "$err" "is before since date"
expect 2 "$coopnet" reach "$mena" --all --as-of 2024
expect 0 "$coopnet" reach-curve "$mena" --from saida --quiet
contains "$out" "2024-03-31,"
expect 2 "$coopnet" reach-curve "$mena" --every week
contains "$err" "'week'"
expect 2 "$coopnet" reach "$mena" --all --format xml
contains "$err" "'xml'"
expect 1 "$coopnet" reach /nonexistent --all
expect 0 "$coopnet" reach --help
contains "$out" "--path-to"

rm -f /tmp/reach_cli_err.$$
[ "$failures" = 0 ] && echo "reach CLI: all passed"
exit $((failures > 0))
