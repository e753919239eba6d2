#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# CLI checks of `coopnet dedupe`: the list of likely duplicates to review, and --apply merging
# only the pairs of the user's file: ids rewritten, aliases kept, participations merged, values
# filled or reported, self-ties dropped; the result validates; wrong decisions exit 3 and write
# nothing; the bundle itself is never overwritten.
# usage: dedupe_cli.sh COOPNET SOURCE_DIR
coopnet=$1
dup=$2/tests/data/duplicates
failed=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

fail() { echo "FAILED: $*" >&2; failed=1; }
expect() {
    local want=$1; shift
    "$coopnet" "$@" >"$tmp/out" 2>"$tmp/err"
    local got=$?
    [ "$got" -eq "$want" ] || fail "exit $got (expected $want): coopnet $*: $(head -c 300 "$tmp/err")"
}
out_has() { grep -qF -- "$1" "$tmp/out" || fail "stdout lacks '$1': $(head -c 2000 "$tmp/out")"; }
err_has() { grep -qF -- "$1" "$tmp/err" || fail "stderr lacks '$1': $(cat "$tmp/err")"; }
row_is() { # row_is FILE KEY EXPECTED-LINE: the line of FILE that starts with KEY,
    local got
    got=$(grep -m1 "^$2," "$1")
    [ "$got" = "$3" ] || fail "$(basename "$1") row '$2': '$got', expected '$3'"
}

# 1. the list: the pairs validate warns about, as CSV, nothing merged
expect 0 dedupe "$dup"
[ "$(head -n 1 "$tmp/out")" = "merge_into,merge_from,reason" ] || fail "list header: $(head -n 1 "$tmp/out")"
[ "$(wc -l <"$tmp/out")" -eq 5 ] || fail "the list has $(($(wc -l <"$tmp/out") - 1)) pairs, not 4"
out_has "sousse,sousse_2,\"'Municipality of Sousse' (line 2) and 'Sousse Municipality' (line 3): the names are equal once case, accents, generic words (municipality of, city of, ...) and word order are set aside\""
out_has "tal_afar,tel_afar,'Tal Afar' (line 6) and 'Tel Afar' (line 7): the names are one letter apart"
out_has "sousse,sousse_ar,"
err_has "coopnet: 4 pairs of likely duplicate actors; review the list, then: coopnet dedupe $dup --apply DECISIONS.csv -o NEW_BUNDLE"
expect 0 dedupe "$dup" -o "$tmp/decisions.csv" --quiet
cmp -s <("$coopnet" dedupe "$dup" 2>/dev/null) "$tmp/decisions.csv" || fail "-o writes another list than stdout"

# 2. apply all four: one actor per pair, the result validates without duplicate warnings
expect 0 dedupe "$dup" --apply "$tmp/decisions.csv" -o "$tmp/merged"
out_has "actors: 11 -> 7; participations: 11 -> 7; ties: 0 -> 0"
out_has "  'sousse_2' ('Sousse Municipality', actors.csv:3) into 'sousse' ('Municipality of Sousse', actors.csv:2) (decision on line 2); aliases of 'sousse' now: Sousse Municipality"
out_has "  'sousse' at 'e' twice (participation.csv:2 and :3): one row kept, role empty (participant)"
cmp -s "$tmp/out" "$tmp/merged/dedupe-report.txt" || fail "the printed report differs from dedupe-report.txt"
expect 0 validate "$tmp/merged"
out_has "ok: 7 actors, 1 events, 7 participations, 0 ties (0 warnings)"
row_is "$tmp/merged/actors.csv" fes "fes,Fes,local,city,MA,,,,Fès,,City of Fes; Fez; Ville de Fez"
row_is "$tmp/merged/actors.csv" tal_afar "tal_afar,Tal Afar,local,city,IQ,,,,,,Tel Afar"
! grep -q "^sousse_2,\|^fez,\|^tel_afar,\|^sousse_ar," "$tmp/merged/actors.csv" || fail "merged rows left in actors.csv"
cmp -s "$dup/events.csv" "$tmp/merged/events.csv" || fail "events.csv was not copied as it was"
git -C "$2" diff --quiet -- tests/data/duplicates || fail "dedupe changed the bundle itself"

# 3. ties, roles, values: a bundle made here
b="$tmp/b"
mkdir "$b"
printf 'id,name,level,type,country,lat,lon\na,Municipality of Sousse,local,city,TN,,\nb,Sousse Municipality,local,municipality,TN,35.8,10.6\nc,Ministry of Interior,national,ministry,TN,,\n' >"$b/actors.csv"
printf 'id,title,date\ne1,Forum,2024-03-01\ne2,Workshop,2024-05-02\n' >"$b/events.csv"
printf 'event,actor,role\ne1,a,participant\ne1,b,host\ne1,c,\ne2,b,presenter\ne2,c,\n' >"$b/participation.csv"
printf 'from,to,type,start\na,b,mou,2024-01\nb,c,partnership,2024-02\n' >"$b/ties.csv"
printf 'merge_into,merge_from,reason\na,b,the same city\n' >"$tmp/ab.csv"
expect 0 dedupe "$b" --apply "$tmp/ab.csv" -o "$tmp/b2"
out_has "actors: 3 -> 2; participations: 5 -> 4; ties: 2 -> 1"
out_has "  'a' at 'e1' twice (participation.csv:2 and :3): one row kept, role host"
out_has "  ties.csv:2 joins 'a' to itself once merged: left out"
out_has "  'a' column 'type': kept 'city' ('b' had 'municipality')"
out_has "  'a' column 'lat': filled with '35.8' from 'b'"
expect 0 validate "$tmp/b2"
out_has "ok: 2 actors, 2 events, 4 participations, 1 ties (0 warnings)"
[ "$(head -n 1 "$tmp/b2/actors.csv")" = "id,name,level,type,country,lat,lon,aliases" ] || fail "no aliases column added: $(head -n 1 "$tmp/b2/actors.csv")"
row_is "$tmp/b2/actors.csv" a "a,Municipality of Sousse,local,city,TN,35.8,10.6,Sousse Municipality"
row_is "$tmp/b2/participation.csv" e1,a "e1,a,host"
row_is "$tmp/b2/participation.csv" e2,a "e2,a,presenter"
[ "$(cat "$tmp/b2/ties.csv")" = "$(printf 'from,to,type,start\na,c,partnership,2024-02')" ] || fail "ties.csv: $(cat "$tmp/b2/ties.csv")"

# 4. wrong decisions: FILE:LINE, exit 3, nothing written
printf 'merge_into,merge_from\nsousse,nobody\nfes,fes\nsousse,fez\ntal_afar,fez\nsfax,district_1\ndistrict_1,district_2\ndistrict_2,sfax\n' >"$tmp/bad.csv"
expect 3 dedupe "$dup" --apply "$tmp/bad.csv" -o "$tmp/bad"
err_has "$tmp/bad.csv:2: error: column 'merge_from': no actor of the bundle has the id 'nobody'"
err_has "$tmp/bad.csv:3: error: actor 'fes' merged into itself"
err_has "$tmp/bad.csv:5: error: actor 'fez' merged into 'tal_afar' here but into 'sousse' on line 4"
err_has "$tmp/bad.csv:6: error: actor 'district_1' is merged in a circle"
err_has "coopnet: '$tmp/bad.csv': 6 errors in the decisions; nothing written"
[ ! -e "$tmp/bad" ] || fail "wrong decisions left an output directory"
printf 'keep,drop\na,b\n' >"$tmp/nohead.csv"
expect 3 dedupe "$b" --apply "$tmp/nohead.csv" -o "$tmp/bad"
err_has "$tmp/nohead.csv:1: error: no column merge_into (expected the header merge_into,merge_from,reason that coopnet dedupe writes)"
expect 2 dedupe "$b" --apply "$tmp/ab.csv" -o "$b"
err_has "is the bundle itself: write the merged bundle to another directory"
expect 2 dedupe "$b" --apply "$tmp/ab.csv"
err_has "--apply needs -o NEW_BUNDLE"
expect 1 dedupe "$b" --apply "$tmp/missing.csv" -o "$tmp/bad"
err_has "cannot read '$tmp/missing.csv'"
[ ! -e "$tmp/bad" ] || fail "a failed apply left an output directory"
expect 0 dedupe --help
out_has "usage: coopnet dedupe BUNDLE"

exit $failed
