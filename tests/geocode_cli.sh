#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# CLI checks of `coopnet geocode` and of import's geocoding: places filled from the gazetteer
# within the actor's country only (name, alias table, article), ambiguous and unfound places
# listed and left empty, coordinates typed by hand kept, every other byte of actors.csv kept,
# the result valid, a second run a no-op, --dry-run writing nothing, -o writing a copy.
# usage: geocode_cli.sh COOPNET SOURCE_DIR
coopnet=$1
src=$2
data=$src/tests/data/geocode
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
out_has() { grep -qF -- "$1" "$tmp/out" || fail "stdout lacks '$1': $(head -c 3000 "$tmp/out")"; }
err_has() { grep -qF -- "$1" "$tmp/err" || fail "stderr lacks '$1': $(cat "$tmp/err")"; }
row_is() { # row_is FILE KEY EXPECTED-LINE
    local got
    got=$(grep -m1 "^$2," "$1" | tr -d '\r')
    [ "$got" = "$3" ] || fail "$(basename "$1") row '$2': '$got', expected '$3'"
}

# 1. --dry-run: the report, nothing written
cp -r "$data" "$tmp/b"
expect 0 geocode "$tmp/b" --dry-run
out_has "dry run: nothing written"
out_has "places: 5 filled, 1 already placed, 1 ambiguous, 3 not found, 2 with no place to look up"
cmp -s "$data/actors.csv" "$tmp/b/actors.csv" || fail "--dry-run changed actors.csv"

# 2. in place: the rules of docs/geocode.md, row by row
expect 0 geocode "$tmp/b"
out_has "places: 5 filled, 1 already placed, 1 ambiguous, 3 not found, 2 with no place to look up"
out_has "saida (actors.csv:7): 'Saida' (from the name 'Municipality of Saida'), LB -> Sidon (South Governorate"
out_has "by the alias table: 'Saida' is written 'Sidon' there"
out_has "names equal without the Arabic article"
out_has "bangor (actors.csv:10): 'Bangor', GB: 2 places of the name, none with 10 times the people of the next: Bangor (Northern Ireland"
out_has "irbid_tn (actors.csv:11): 'Irbid', TN: no place of that name in TN"
out_has "tel_afar (actors.csv:9): 'Tel Afar', IQ: no place of that name (nor 'Tall Afar'"
out_has "nowhere (actors.csv:13): 'Kef': no country"
out_has "no place to look up (no city, and not a municipality whose name is a place): hub, jo_assoc"
a=$tmp/b/actors.csv
head -1 "$a" | grep -qx 'id,name,level,type,country,lat,lon,city,source,geo_source' ||
    fail "header: $(head -1 "$a")"
row_is "$a" tn_mal 'tn_mal,Ministry of Local Affairs (Tunisia),national,ministry,TN,36.81897,10.16579,Tunis,"attendance sheets, 2024",gazetteer'
row_is "$a" amman 'amman,Greater Amman Municipality,local,city,JO,31.95522,35.94503,,attendance sheets,gazetteer'
row_is "$a" saida 'saida,Municipality of Saida,local,city,LB,33.55751,35.37148,,"attendance sheets: ""Saida"" is Sidon",gazetteer'
row_is "$a" miqdadiyah 'miqdadiyah,Miqdadiyah,local,city,IQ,33.97861,44.93694,,attendance sheets,gazetteer'
row_is "$a" bangor 'bangor,Bangor,local,city,GB,,,,attendance sheets,'
row_is "$a" irbid_tn 'irbid_tn,Irbid,local,city,TN,,,,a place of Jordan given the country TN: not to be matched,'
row_is "$a" sousse 'sousse,Sousse,local,city,TN,35.8,10.6,,coordinates typed by hand: kept,'
row_is "$a" jo_assoc 'jo_assoc,Jordanian Association of Municipalities,national,association,JO,,,,attendance sheets,'
expect 0 validate "$tmp/b" --quiet
for f in events.csv participation.csv; do
    cmp -s "$data/$f" "$tmp/b/$f" || fail "geocode changed $f"
done

# 3. a second run changes nothing
cp "$a" "$tmp/first.csv"
expect 0 geocode "$tmp/b"
out_has "places: 0 filled, 6 already placed, 1 ambiguous, 3 not found"
out_has "nothing to fill: nothing written"
cmp -s "$a" "$tmp/first.csv" || fail "a second run changed actors.csv"

# 4. --overwrite replaces typed coordinates and says how far they move
expect 0 geocode "$tmp/b" --overwrite
out_has "sousse (actors.csv:12): 'Sousse', TN -> Sousse"
out_has "replacing 35.80000, 10.60000"
row_is "$a" sousse 'sousse,Sousse,local,city,TN,35.82539,10.63699,,coordinates typed by hand: kept,gazetteer'

# 5. a tn-jo style bundle without lat/lon columns, CRLF line ends and a byte-order mark: the
#    columns are added, every other byte kept
cp -r "$src/tests/data/tn-jo" "$tmp/tnjo"
{ printf '\xef\xbb\xbf'; sed 's/$/\r/' "$src/tests/data/tn-jo/actors.csv"; } >"$tmp/tnjo/actors.csv"
cp "$tmp/tnjo/actors.csv" "$tmp/tnjo-before.csv"
expect 0 geocode "$tmp/tnjo" -o "$tmp/tnjo-geo"
cmp -s "$tmp/tnjo/actors.csv" "$tmp/tnjo-before.csv" || fail "-o changed the bundle itself"
for f in events.csv participation.csv ties.csv; do
    cmp -s "$tmp/tnjo/$f" "$tmp/tnjo-geo/$f" || fail "-o: $f not copied as it was"
done
out_has "places: 10 filled, 0 already placed, 0 ambiguous, 0 not found, 6 with no place to look up"
after=$tmp/tnjo-geo/actors.csv
[ "$(wc -l <"$after")" -eq "$(wc -l <"$tmp/tnjo-before.csv")" ] || fail "tn-jo: lines differ"
paste -d '\n' "$tmp/tnjo-before.csv" "$after" | while IFS= read -r before && IFS= read -r now; do
    stem=${now%,*,*,*$'\r'}
    [ "$stem$'\r'" != "$before" ] && [ "$stem" != "${before%$'\r'}" ] &&
        echo "changed: '$before' -> '$now'"
    [ "${now: -1}" = $'\r' ] || echo "lost CR: '$now'"
done >"$tmp/diff"
[ -s "$tmp/diff" ] && fail "tn-jo: bytes other than the new columns changed: $(head -3 "$tmp/diff")"
head -c 3 "$after" | cmp -s - <(printf '\xef\xbb\xbf') || fail "tn-jo: byte-order mark lost"
row_is "$after" irbid 'irbid,Irbid,local,city,JO,attendance sheets,32.55556,35.85000,gazetteer'
row_is "$after" tn_mal 'tn_mal,Ministry of Local Affairs (Tunisia),national,ministry,TN,attendance sheets,,,'
expect 0 validate "$tmp/tnjo-geo" --quiet
# the geo figure of the geocoded bundle places the cities by their coordinates
expect 0 render "$tmp/tnjo-geo" --layout geo -o "$tmp/tnjo-geo.png" --quiet
[ -s "$tmp/tnjo-geo.png" ] || fail "geo figure not written"

# 6. more of the rule: ten times the people of the next decides (Newport, GB), an article
#    (Kef: El Kef), an apostrophe (Maan: Ma'an), a name in the actor's country only (Tripoli,
#    LB), a person is no place (Florence, person_group)
mkdir "$tmp/more"
printf 'id,name,level,type,country
newport,Newport,local,,GB
kef,Commune du Kef,local,,TN
' >"$tmp/more/actors.csv"
printf 'maan,Maan,local,city,JO
tripoli,Tripoli,local,city,LB
florence,Florence,local,person_group,IT
' >>"$tmp/more/actors.csv"
printf 'id,title,date
e,E,2024
' >"$tmp/more/events.csv"
printf 'event,actor
e,newport
e,kef
e,maan
e,tripoli
e,florence
' >"$tmp/more/participation.csv"
expect 0 geocode "$tmp/more"
out_has "places: 4 filled, 0 already placed, 0 ambiguous, 0 not found, 1 with no place to look up"
out_has "-> Newport (Wales, 51.58774, -2.99835) (the most populous of 2 places of the name, 306844 people, at least 10 times the next: England, 24884)"
out_has "'Kef' (from the name 'Commune du Kef'), TN -> El Kef"
out_has "'Maan', JO -> Ma'an"
out_has "'Tripoli', LB -> Tripoli (Liban-Nord"
out_has "not a municipality whose name is a place): florence"
row_is "$tmp/more/actors.csv" florence 'florence,Florence,local,person_group,IT,,,'

# 7. what geocode refuses: a GraphML file (exit 2), a bundle with errors (exit 3, nothing
#    written), a missing directory (exit 1)
"$coopnet" convert "$src/tests/data/tn-jo" -o "$tmp/g.graphml" --quiet >/dev/null 2>&1
expect 2 geocode "$tmp/g.graphml"
err_has "is no bundle directory"
cp -r "$src/tests/data/bad/unknown-level" "$tmp/bad"
cp -r "$tmp/bad" "$tmp/bad-before"
expect 3 geocode "$tmp/bad"
diff -r "$tmp/bad" "$tmp/bad-before" >/dev/null || fail "a bundle with errors was changed"
expect 1 geocode "$tmp/no-such-bundle"

# 8. import geocodes by default (the report lists the places), --no-geocode does not
expect 0 import attendance "$src/tests/data/import/attendance-fr.csv" -o "$tmp/imp"
out_has "places: 11 filled"
out_has "tanger (attendance-fr.csv:6): 'Tanger', MA -> Tangier"
out_has "sousa (attendance-fr.csv:12): 'سوسة', TN: no place of that name in TN"
grep -q '^sousse,Municipality of Sousse,local,Municipality,TN,35.82539,10.63699,.*,gazetteer$' \
    "$tmp/imp/actors.csv" || fail "import: sousse not geocoded: $(grep '^sousse,' "$tmp/imp/actors.csv")"
grep -q "^places: 11 filled" "$tmp/imp/import-report.txt" || fail "import-report.txt lacks places"
expect 0 validate "$tmp/imp" --quiet
expect 0 import attendance "$src/tests/data/import/attendance-fr.csv" -o "$tmp/imp2" --no-geocode
out_has "places: not looked up"
grep -q '^sousse,Municipality of Sousse,local,Municipality,TN,,,.*,$' "$tmp/imp2/actors.csv" ||
    fail "--no-geocode: $(grep '^sousse,' "$tmp/imp2/actors.csv")"
# geocode after import --no-geocode gives what import gives
expect 0 geocode "$tmp/imp2"
cmp -s "$tmp/imp/actors.csv" "$tmp/imp2/actors.csv" ||
    fail "geocode after import differs from import's geocoding: $(diff "$tmp/imp/actors.csv" "$tmp/imp2/actors.csv" | head -5)"

exit $failed
