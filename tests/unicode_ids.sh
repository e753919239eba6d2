#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Ids that differ only by Unicode normalisation or by case (issue 18). Before, NFC "café" and NFD
# "cafe" + U+0301 were two actors and a participation written the other way was an unknown actor;
# "Fes" and "fes" were two actors without a word. Now every text field is read in NFC: the two
# spellings are one id (two rows of it are a duplicate-id error naming both lines), references
# in either spelling find it, outputs hold the NFC text; ids that differ only by case give a
# warning naming both lines and both ids. The same for GraphML node ids.
# usage: unicode_ids.sh COOPNET
coopnet=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failed=0
fail() { echo "FAILED: $*" >&2; failed=1; }
nfc=$'caf\xc3\xa9'
nfd=$'cafe\xcc\x81'

# 1. the two spellings in two actor rows: a duplicate id naming both lines
mkdir "$tmp/dup"
printf 'id,name,level,country\n%s,Café one,local,MA\nb,B,local,MA\n%s,Café two,local,MA\n' \
    "$nfc" "$nfd" >"$tmp/dup/actors.csv"
printf 'id,title,date\ne1,Meeting,2024-01-01\n' >"$tmp/dup/events.csv"
printf 'event,actor\ne1,%s\ne1,b\n' "$nfc" >"$tmp/dup/participation.csv"
"$coopnet" validate "$tmp/dup" >/dev/null 2>"$tmp/err"
status=$?
[ "$status" -eq 3 ] || fail "dup: exit $status, expected 3"
grep -qF "actors.csv:4: error: column 'id': duplicate id '$nfc' (first on line 2" "$tmp/err" ||
    fail "dup: $(cat "$tmp/err")"
grep -qF "NFC" "$tmp/err" || fail "dup: the message does not say why the rows look different"

# 2. an NFD reference to an NFC actor (and an NFD name) is one actor, written in NFC
mkdir "$tmp/ref"
printf 'id,name,level,country\n%s,%s,local,MA\nb,B,local,MA\n' "$nfc" "$nfd" >"$tmp/ref/actors.csv"
cp "$tmp/dup/events.csv" "$tmp/ref/"
printf 'event,actor\ne1,%s\ne1,b\n' "$nfd" >"$tmp/ref/participation.csv"
"$coopnet" validate "$tmp/ref" >/dev/null 2>"$tmp/err" || fail "ref: $(cat "$tmp/err")"
"$coopnet" centrality --quiet "$tmp/ref" >"$tmp/out.csv" 2>"$tmp/err" || fail "ref: $(cat "$tmp/err")"
[ "$(grep -c "^$nfc,$nfc,local" "$tmp/out.csv")" -eq 1 ] || fail "ref: $(cat "$tmp/out.csv")"
grep -q "$nfd" "$tmp/out.csv" && fail "ref: NFD text reached the output"
grep -q "^$nfc,.*,1,1," "$tmp/out.csv" || fail "ref: café has no link: $(cat "$tmp/out.csv")"

# 3. ids that differ only by case: two actors and a warning naming both lines and ids
mkdir "$tmp/case"
printf 'id,name,level,country\nFes,Fes municipality,local,MA\nb,B,local,MA\nfes,Fes region,regional,MA\n' \
    >"$tmp/case/actors.csv"
printf 'id,title,date\nE1,Meeting,2024-01-01\ne1,Other,2024-02-01\n' >"$tmp/case/events.csv"
printf 'event,actor\nE1,Fes\nE1,b\ne1,fes\ne1,b\n' >"$tmp/case/participation.csv"
"$coopnet" validate "$tmp/case" >"$tmp/out" 2>"$tmp/err" || fail "case: $(cat "$tmp/err")"
grep -qF "actors.csv:4: warning: actor id 'fes' differs from 'Fes' (line 2) only by case" \
    "$tmp/err" || fail "case: $(cat "$tmp/err")"
grep -qF "events.csv:3: warning: event id 'e1' differs from 'E1' (line 2) only by case" \
    "$tmp/err" || fail "case events: $(cat "$tmp/err")"
grep -qF "ok: 3 actors" "$tmp/out" || fail "case: $(cat "$tmp/out")"
# the load of every other command says it too
"$coopnet" centrality "$tmp/case" >/dev/null 2>"$tmp/err"
grep -qF "actors.csv:4: warning: actor id 'fes'" "$tmp/err" || fail "case load: $(cat "$tmp/err")"

# 4. GraphML: NFC and NFD node ids are one node; an edge in the other spelling finds it
printf '<?xml version="1.0" encoding="UTF-8"?>\n<graphml xmlns="http://graphml.graphdrawing.org/xmlns">\n<graph edgedefault="undirected">\n<node id="%s"/>\n<node id="b"/>\n<edge source="%s" target="b"/>\n</graph>\n</graphml>\n' \
    "$nfc" "$nfd" >"$tmp/ref.graphml"
"$coopnet" validate "$tmp/ref.graphml" >"$tmp/out" 2>"$tmp/err" || fail "graphml ref: $(cat "$tmp/err")"
grep -qF "ok: 2 actors, 0 events, 0 participations, 1 ties" "$tmp/out" || fail "graphml ref: $(cat "$tmp/out")"
printf '<?xml version="1.0"?>\n<graphml xmlns="http://graphml.graphdrawing.org/xmlns">\n<graph edgedefault="undirected">\n<node id="%s"/>\n<node id="b"/>\n<node id="%s"/>\n<node id="B"/>\n<edge source="b" target="B"/>\n</graph>\n</graphml>\n' \
    "$nfc" "$nfd" >"$tmp/dup.graphml"
"$coopnet" validate "$tmp/dup.graphml" >/dev/null 2>"$tmp/err"
status=$?
[ "$status" -eq 3 ] || fail "graphml dup: exit $status"
grep -qF "dup.graphml:6: error: duplicate node id '$nfc' (first on line 4)" "$tmp/err" ||
    fail "graphml dup: $(cat "$tmp/err")"
sed -i '6d' "$tmp/dup.graphml"
"$coopnet" validate "$tmp/dup.graphml" >/dev/null 2>"$tmp/err" || fail "graphml case: $(cat "$tmp/err")"
grep -qF "dup.graphml:6: warning: actor id 'B' differs from 'b' (line 5) only by case" "$tmp/err" ||
    fail "graphml case: $(cat "$tmp/err")"

exit $failed
