#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# CLI checks of `coopnet import attendance`: messy sheets to bundles that validate, merges,
# mapped values, errors with FILE:LINE and exit 3 leaving nothing, byte-identical reruns.
# usage: import_cli.sh COOPNET SOURCE_DIR
coopnet=$1
data=$2/tests/data/import
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
out_has() { grep -qF -- "$1" "$tmp/out" || fail "stdout lacks '$1': $(head -c 2000 "$tmp/out")"; }
out_lacks() { ! grep -qF -- "$1" "$tmp/out" || fail "stdout has '$1'"; }
err_has() { grep -qF -- "$1" "$tmp/err" || fail "stderr lacks '$1': $(cat "$tmp/err")"; }
row_is() { # row_is FILE ID EXPECTED-LINE: the line of FILE whose first field is ID
    local got
    got=$(grep -m1 "^$2," "$1")
    [ "$got" = "$3" ] || fail "$(basename "$1") row '$2': '$got', expected '$3'"
}

# 1. French headers, semicolons, a BOM, CRLF, dates in four forms, Sousse spelt four ways
fr="$data/attendance-fr.csv"
expect 0 import attendance "$fr" -o "$tmp/fr"
for file in actors.csv events.csv participation.csv ties.csv import-report.txt; do
    [ -s "$tmp/fr/$file" ] || fail "import wrote no $file"
done
cmp -s "$tmp/out" "$tmp/fr/import-report.txt" || fail "the printed report differs from import-report.txt"
expect 0 validate "$tmp/fr"
out_has "ok: 14 actors, 5 events, 20 participations, 0 ties (1 warning)"
# the near spellings the import listed, validate warns about (never merges)
err_has "actors.csv:11: warning: actor 'tataouine' ('Tataouine Municipality') may be the same as 'tatouine' ('Municipality of Tatouine', line 10): the names are one letter apart"
actors="$tmp/fr/actors.csv"
[ "$(head -n 1 "$actors")" = "id,name,level,type,country,lat,lon,name_ar,name_fr,source,city,aliases,level_from,geo_source" ] ||
    fail "actors.csv header: $(head -n 1 "$actors")"
# the three Latin spellings are one actor; the Arabic one is listed, not merged
row_is "$actors" sousse "sousse,Municipality of Sousse,local,Municipality,TN,35.82539,10.63699,,,attendance-fr.csv:2,Sousse,Sousse Municipality|Municipalité de Sousse,type,gazetteer"
row_is "$actors" sousa "sousa,بلدية سوسة,local,بلدية,TN,,,بلدية سوسة,,attendance-fr.csv:12,سوسة,,type,"
[ "$(grep -c ',sousse,' "$tmp/fr/participation.csv")" -eq 3 ] || fail "Sousse should attend three events"
report="$tmp/fr/import-report.txt"
grep -qF "  sousse: 'Municipality of Sousse' (" "$report" || fail "report lacks the Sousse merge"
grep -qF "'Sousse Municipality' (" "$report" && grep -qF "'Municipalité de Sousse' (" "$report" ||
    fail "report lacks the merged spellings"
grep -qF "'بلدية سوسة' (id sousa, $fr:12) may be 'Municipality of Sousse'" "$report" ||
    fail "report does not list the Arabic spelling of Sousse"
grep -qF "'Municipality of Tatouine' (id tatouine, $fr:13) and 'Tataouine Municipality' (id tataouine, $fr:14): 'Municipality of Tatouine' and 'Tataouine Municipality' are one letter apart: not merged" "$report" ||
    fail "report does not list the near spellings of Tataouine"
# countries in English, French, Arabic and codes; roles; types; dates
row_is "$actors" fes "fes,Ville de Fès,local,City,MA,34.03313,-5.00028,,,attendance-fr.csv:10,Fès,City of Fes,type,gazetteer"
row_is "$actors" greater_amman "greater_amman,Greater Amman Municipality,local,Municipality,JO,31.95522,35.94503,,,attendance-fr.csv:19,Amman,,type,gazetteer"
for mapping in "country 'Tunisie' -> TN" "country 'تونس' -> TN" "country 'الأردن' -> JO" \
    "country 'Maroc' -> MA" "role 'Speaker' -> presenter" "role 'Panelist' -> presenter" \
    "role 'Co-organiser' -> organiser" "role 'Donor' -> funder" "role 'Observer' -> participant" \
    "role 'Apprenant' -> learner" "type 'Governorate' -> level regional" \
    "type 'National committee' -> level national" "type 'EU' -> level international" \
    "date '15/03/2024' -> 2024-03-15 (day/month/year" "date 'March 2024' -> 2024-03" \
    "date 'mars 2025' -> 2025-03"; do
    grep -qF "  $mapping" "$report" || fail "report lacks the mapping $mapping"
done
grep -qF "role 'VIP' ($fr:15) is no coopnet role" "$report" || fail "report does not list role VIP"
grep -qF "level of 'Association Jeunesse Active' (id association_jeunesse_active, $fr:15) unknown (type 'NGO'): written as local, with level_from=default" "$report" ||
    fail "report does not list the unknown level"
row_is "$actors" association_jeunesse_active "association_jeunesse_active,Association Jeunesse Active,local,NGO,TN,35.82539,10.63699,,,attendance-fr.csv:15,Sousse,,default,gazetteer"
row_is "$tmp/fr/events.csv" table_ronde_maires "table_ronde_maires,Table ronde des maires,2024-03,,,,,,,attendance-fr.csv:7"
row_is "$tmp/fr/events.csv" reunion_lancement "reunion_lancement,Réunion de lancement,2023,,,,,,,attendance-fr.csv:20"
grep -q "^atelier_regional_sur_prevention,strong_cities_network,organiser," "$tmp/fr/participation.csv" ||
    fail "co-organiser is not organiser"

# the same input twice: the same bytes
expect 0 import attendance "$fr" -o "$tmp/fr2" --quiet
[ ! -s "$tmp/out" ] || fail "--quiet printed the report"
for file in actors.csv events.csv participation.csv ties.csv import-report.txt; do
    if [ "$file" = import-report.txt ]; then
        sed "s|$tmp/fr2|$tmp/fr|" "$tmp/fr2/$file" | cmp -s - "$tmp/fr/$file" || fail "second run: $file differs"
    else
        cmp -s "$tmp/fr/$file" "$tmp/fr2/$file" || fail "second run: $file differs"
    fi
done
# a second import into the same directory replaces the files
expect 0 import attendance "$fr" -o "$tmp/fr" --quiet
cmp -s "$tmp/fr/actors.csv" "$tmp/fr2/actors.csv" || fail "reimport changed actors.csv"

# 2. English headers, commas, quoted fields, month/day dates, "City, Country", decimal commas,
# a column named by --map, and a list of agreements
en="$data/attendance-en.csv"
expect 3 import attendance "$en" -o "$tmp/en"
err_has "$en:1: error: no column for the organisation (a header such as 'organisation', or map one: organisation=HEADER)"
[ ! -e "$tmp/en" ] || fail "a failed import left $tmp/en"
expect 0 import attendance "$en" --ties "$data/ties-en.csv" --map 'organisation=Org Name' -o "$tmp/en"
expect 0 validate "$tmp/en"
out_has "ok: 6 actors, 3 events, 11 participations, 3 ties (0 warnings)"
row_is "$tmp/en/actors.csv" irbid "irbid,Municipality of Irbid,local,Municipality,JO,32.55,35.85,,,attendance-en.csv:3,Irbid,Irbid Municipality,type,"
row_is "$tmp/en/actors.csv" iom "iom,IOM,international,UN agency,,,,,,attendance-en.csv:5,,,type,"
row_is "$tmp/en/events.csv" closing_conference "closing_conference,Closing conference,2024-12-05,,,,,,,attendance-en.csv:11"
row_is "$tmp/en/events.csv" youth_council_workshop "youth_council_workshop,Youth council workshop,2024-04-02,,,,,,,attendance-en.csv:7"
row_is "$tmp/en/ties.csv" greater_amman "greater_amman,irbid,mou,2024-06,2024,false,1,ties-en.csv:2,twinning"
row_is "$tmp/en/ties.csv" iom "iom,zarqa_governorate,technical_support,2024-07,,false,1,ties-en.csv:3,"
grep -q "^peer_exchange_amman,irbid,presenter," "$tmp/en/participation.csv" ||
    fail "two spellings at one event: one participation with the more specific role"
report="$tmp/en/import-report.txt"
grep -qF "date '04/02/2024' -> 2024-04-02 (month/day/year, as '03/25/2024' on line 2 shows)" "$report" ||
    fail "report does not say why 04/02/2024 is month/day"
grep -qF "city 'Irbid, Jordan' -> city 'Irbid', country 'Jordan'" "$report" || fail "report lacks the city split"
grep -qF "'Irbid Municipality' ($data/ties-en.csv:2), without a country, taken as 'Municipality of Irbid'" "$report" ||
    fail "report lacks the country-less tie end"

printf 'from,to,type,start,end\nIOM,Irbid Municipality,grant,2024-06,2024-05\n' >"$tmp/late.csv"
expect 3 import attendance "$en" --ties "$tmp/late.csv" --map 'organisation=Org Name' -o "$tmp/late"
err_has "$tmp/late.csv:2: error: end '2024-05' is before the start '2024-06'"
[ ! -e "$tmp/late" ] || fail "a failed import left $tmp/late"

# 3. tabs, English headers
expect 0 import attendance "$data/attendance-tab.tsv" -o "$tmp/tab"
expect 0 validate "$tmp/tab"
row_is "$tmp/tab/actors.csv" tunis "tunis,City of Tunis,local,city,TN,36.81897,10.16579,,,attendance-tab.tsv:2,,Tunis,type,gazetteer"

# 4. errors: FILE:LINE, exit 3, nothing written
expect 3 import attendance "$data/bad-date.csv" -o "$tmp/bad"
err_has "$data/bad-date.csv:4: error: column 'date': cannot read date 'next spring' (expected a form such as 15/03/2024, 2024-03-15, March 2024 or 2024)"
err_has "$data/bad-date.csv:5: error: column 'date': cannot read date 'next spring'"
err_has "coopnet: '$data/bad-date.csv': 2 errors in the data; nothing written"
[ ! -e "$tmp/bad" ] || fail "a failed import left an output directory"
mkdir "$tmp/existing" && cp "$tmp/fr/actors.csv" "$tmp/existing/"
expect 3 import attendance "$data/bad-date.csv" -o "$tmp/existing"
cmp -s "$tmp/existing/actors.csv" "$tmp/fr/actors.csv" || fail "a failed import changed an existing bundle"
[ "$(ls -A "$tmp/existing" | wc -l)" -eq 1 ] || fail "a failed import left files: $(ls -A "$tmp/existing")"
expect 3 import attendance "$data/ambiguous-date.csv" -o "$tmp/bad"
err_has "$data/ambiguous-date.csv:2: error: column 'date': ambiguous date '03/04/2024': no date of the column has a day above 12"
[ ! -e "$tmp/bad" ] || fail "an ambiguous date left an output directory"
expect 0 import attendance "$data/ambiguous-date.csv" --date-order mdy -o "$tmp/mdy" --quiet
row_is "$tmp/mdy/events.csv" workshop "workshop,Workshop,2024-03-04,,,,,,,ambiguous-date.csv:2"
expect 0 import attendance "$data/ambiguous-date.csv" --date-order dmy -o "$tmp/dmy" --quiet
row_is "$tmp/dmy/events.csv" workshop "workshop,Workshop,2024-04-03,,,,,,,ambiguous-date.csv:2"
printf 'event,date,organisation\nW,31/02/2024,A\nW,31/02/2024,B\nX,15/3/24,A\n' >"$tmp/days.csv"
expect 3 import attendance "$tmp/days.csv" -o "$tmp/bad"
err_has "$tmp/days.csv:2: error: column 'date': date '31/02/2024': no day 31 in 2024-02"
err_has "$tmp/days.csv:4: error: column 'date': cannot read date '15/3/24': a two-digit year; write the year in full"
printf 'event,date,organisation\nW,2024,\n' >"$tmp/empty-org.csv"
expect 3 import attendance "$tmp/empty-org.csv" -o "$tmp/bad"
err_has "$tmp/empty-org.csv:2: error: column 'organisation': empty organisation"

# 5. validate warns about likely duplicates: equal names, through aliases and name_ar, near names
dup="$2/tests/data/duplicates"
expect 0 validate "$dup"
out_has "ok: 11 actors, 1 events, 11 participations, 0 ties (4 warnings)"
err_has "actors.csv:3: warning: actor 'sousse_2' ('Sousse Municipality') may be the same as 'sousse' ('Municipality of Sousse', line 2): the names are equal once case, accents, generic words (municipality of, city of, ...) and word order are set aside"
err_has "actors.csv:5: warning: actor 'fez' ('Ville de Fez') may be the same as 'fes' ('Fes', line 4): its name 'Ville de Fez' and the other's alias 'Fez' are equal"
err_has "actors.csv:7: warning: actor 'tel_afar' ('Tel Afar') may be the same as 'tal_afar' ('Tal Afar', line 6): the names are one letter apart"
err_has "actors.csv:8: warning: actor 'sousse_ar' ('بلدية سوسة') may be the same as 'sousse' ('Municipality of Sousse', line 2): its name 'بلدية سوسة' and the other's name_ar 'بلدية سوسة' are equal"
# not: the same name in two countries, names that differ by a digit
! grep -q "'sfax_fr'\|'district_2'" "$tmp/err" || fail "validate warned about sfax_fr or district_2"
expect 0 validate --quiet "$2/datasets/mena-hub"
out_has "ok: 46 actors, 12 events, 62 participations, 45 ties (1 warning)"

# 6. the loader's errors for unknown values suggest the nearest allowed one
sg="$tmp/suggest"
mkdir "$sg"
printf 'id,name,level,country\na,A,city,Jordan\nb,B,locl,Tunisa\nc,C,national,Narnia\n' >"$sg/actors.csv"
printf 'id,title,date\ne,E,2024\n' >"$sg/events.csv"
printf 'event,actor,role\ne,a,speaker\ne,b,partcipant\ne,c,VIP\n' >"$sg/participation.csv"
printf 'from,to,type\nc,a,partnrship\nc,b,Memorandum of understanding\nb,c,friendship\n' >"$sg/ties.csv"
expect 3 validate "$sg"
err_has "actors.csv:2: error: column 'level': unknown level 'city' (expected local, regional, national or international) (did you mean local?)"
err_has "actors.csv:2: error: column 'country': unknown country code 'Jordan' (expected ISO 3166-1 alpha-2) (did you mean JO?)"
err_has "actors.csv:3: error: column 'level': unknown level 'locl' (expected local, regional, national or international) (did you mean local?)"
err_has "actors.csv:3: error: column 'country': unknown country code 'Tunisa' (expected ISO 3166-1 alpha-2) (did you mean TN?)"
err_has "actors.csv:4: error: column 'country': unknown country code 'Narnia' (expected ISO 3166-1 alpha-2)"
! grep -q "Narnia.*did you mean" "$tmp/err" || fail "a suggestion for Narnia"
err_has "participation.csv:2: error: column 'role': unknown role 'speaker' (expected host, organiser, presenter, participant, learner, funder or facilitator) (did you mean presenter?)"
err_has "participation.csv:3: error: column 'role': unknown role 'partcipant' (expected host, organiser, presenter, participant, learner, funder or facilitator) (did you mean participant?)"
! grep -q "'VIP'.*did you mean" "$tmp/err" || fail "a suggestion for VIP"
printf 'id,name,level,country\na,A,local,JO\nb,B,local,TN\nc,C,national,\n' >"$sg/actors.csv"
printf 'event,actor,role\ne,a,\ne,b,\ne,c,\n' >"$sg/participation.csv"
expect 0 validate "$sg"
err_has "ties.csv:2: warning: column 'type': tie type 'partnrship' is none of the recommended types (mou, partnership, membership, technical_support, funding, peer_learning, request) (did you mean partnership?)"
err_has "ties.csv:3: warning: column 'type': tie type 'Memorandum of understanding' is none of the recommended types"
! grep -q "friendship" "$tmp/err" || fail "a warning about a tie type of one's own"

# 7. Excel workbooks (tests/data/import/make_workbooks.py writes them): the attendance on the
# second sheet, under a title merged across, an event merged down three rows, dates in a custom
# and a built-in date format, inline and shared strings, an empty row, numbers; the agreements
# on a third sheet; the same in the 1904 date system
wb="$tmp/workbooks"
mkdir "$wb"
/usr/bin/python3 "$data/make_workbooks.py" "$wb" || fail "make_workbooks.py failed"
expect 0 import attendance "$wb/log.xlsx" --sheet "attendance 2024" --ties "$wb/log.xlsx" \
    --ties-sheet MoUs -o "$tmp/xlsx"
out_has "read: $wb/log.xlsx (sheet 'Attendance 2024' of the workbook), 5 rows; $wb/log.xlsx (sheet 'MoUs' of the workbook), 1 row"
out_has "  sousse: 'Municipality of Sousse' ($wb/log.xlsx:Attendance 2024:3), 'Sousse Municipality' ($wb/log.xlsx:Attendance 2024:4)"
expect 0 validate "$tmp/xlsx"
out_has "ok: 3 actors, 2 events, 4 participations, 1 ties (0 warnings)"
row_is "$tmp/xlsx/events.csv" peer_exchange_sousse 'peer_exchange_sousse,"Peer exchange, Sousse",2024-03-25,,,,,,,log.xlsx:Attendance 2024:3'
row_is "$tmp/xlsx/events.csv" closing_conference "closing_conference,Closing conference,2024-12-05,,,,,,,log.xlsx:Attendance 2024:7"
row_is "$tmp/xlsx/actors.csv" sousse "sousse,Municipality of Sousse,local,Municipality,TN,35.8254,10.637,,,log.xlsx:Attendance 2024:3,,Sousse Municipality,type,"
row_is "$tmp/xlsx/participation.csv" peer_exchange_sousse,ministry_local_affairs "peer_exchange_sousse,ministry_local_affairs,participant,log.xlsx:Attendance 2024:5"
row_is "$tmp/xlsx/ties.csv" sousse "sousse,ministry_local_affairs,mou,2024-06-01,,false,1,log.xlsx:MoUs:2,"
expect 0 import attendance "$wb/log1904.xlsx" --sheet "Attendance 2024" --ties "$wb/log1904.xlsx" \
    --ties-sheet MoUs -o "$tmp/xlsx1904" --quiet
for file in events.csv ties.csv; do
    cmp -s <(cut -d, -f1-4 "$tmp/xlsx/$file") <(cut -d, -f1-4 "$tmp/xlsx1904/$file") ||
        fail "the 1904 workbook gives other dates in $file"
done
# the first sheet is read by default: here its notes, which have no columns
expect 3 import attendance "$wb/log.xlsx" -o "$tmp/bad"
err_has "$wb/log.xlsx:Notes:1: error: no column for the event"
expect 3 import attendance "$wb/log.xlsx" --sheet Budget -o "$tmp/bad"
err_has "error: '$wb/log.xlsx' has no sheet 'Budget' (its sheets: 'Notes', 'Attendance 2024', 'MoUs')"
# errors name the cell
expect 3 import attendance "$wb/errors.xlsx" -o "$tmp/bad"
err_has "$wb/errors.xlsx:Sheet1!B8: error: column 'Date': cannot read date 'sometime in spring'"
err_has "$wb/errors.xlsx:Sheet1!C14: error: column 'Organisation': empty organisation"
err_has "coopnet: '$wb/errors.xlsx': 2 errors in the data; nothing written"
expect 3 import attendance "$wb/phantom.xlsx" -o "$tmp/bad"
err_has "error: $wb/phantom.xlsx:Sheet1!B2: date serial 60 is 29 February 1900, a day that does not exist (Excel's 1900 leap-year bug)"
expect 3 import attendance "$wb/na.xlsx" -o "$tmp/bad"
err_has "error: $wb/na.xlsx:Sheet1!B2: the cell holds the spreadsheet error '#N/A'"
expect 3 import attendance "$wb/no-string.xlsx" -o "$tmp/bad"
err_has "error: $wb/no-string.xlsx:Sheet1!C2: shared string '99' does not exist in the workbook's table"
# hostile workbooks: a clear error, exit 3, nothing written
expect 3 import attendance "$wb/bomb.xlsx" -o "$tmp/bad"
err_has "error: '$wb/bomb.xlsx': part 'xl/worksheets/sheet1.xml' inflates to 269484379 bytes, more than the 256 MiB a part may hold (a zip bomb?)"
expect 3 import attendance "$wb/escape.xlsx" -o "$tmp/bad"
err_has "error: '$wb/escape.xlsx': part name '../../../etc/passwd' lies outside the package"
expect 3 import attendance "$wb/missing-part.xlsx" -o "$tmp/bad"
err_has "error: '$wb/missing-part.xlsx': the workbook has no part 'xl/worksheets/sheet1.xml'"
expect 3 import attendance "$wb/malformed.xlsx" -o "$tmp/bad"
err_has "error: '$wb/malformed.xlsx': malformed XML in part 'xl/worksheets/sheet1.xml' (line 2: Opening and ending tag mismatch"
expect 3 import attendance "$wb/merges.xlsx" -o "$tmp/bad"
err_has "error: '$wb/merges.xlsx': the merged ranges of sheet 'Sheet1' cover more than 8388608 cells"
expect 3 import attendance "$wb/not-a-workbook.xlsx" -o "$tmp/bad"
err_has "error: '$wb/not-a-workbook.xlsx' is not an Excel workbook (.xlsx): Not a zip archive"
expect 3 import attendance "$wb/log.xlsx" --sheet "Attendance 2024" --ties "$wb/bomb.xlsx" -o "$tmp/bad"
err_has "error: '$wb/bomb.xlsx': part 'xl/worksheets/sheet1.xml' inflates"
[ ! -e "$tmp/bad" ] || fail "a bad workbook left an output directory"

# hostile or broken sheets: exit 3, FILE:LINE, nothing written
printf 'event,organisation\nW,Gab\xe8s\nW,Sfax\n' >"$tmp/latin1.csv"
expect 3 import attendance "$tmp/latin1.csv" -o "$tmp/bad"
err_has "$tmp/latin1.csv:2: error: column 'organisation': field 2: invalid UTF-8 (byte 0xe8 at offset 3; is the file Latin-1? save it as UTF-8)"
printf '\xff\xfee\x00v\x00' >"$tmp/utf16.csv"
expect 3 import attendance "$tmp/utf16.csv" -o "$tmp/bad"
err_has "$tmp/utf16.csv:1: error: the file is UTF-16 encoded"
printf 'event,organisation\nW,"open\n' >"$tmp/quote.csv"
expect 3 import attendance "$tmp/quote.csv" -o "$tmp/bad"
err_has "$tmp/quote.csv:2: error: unterminated quoted field running to the end of the file"
: >"$tmp/empty.csv"
expect 3 import attendance "$tmp/empty.csv" -o "$tmp/bad"
err_has "$tmp/empty.csv: error: empty file (expected a header line)"
printf 'event;organisation\n' >"$tmp/header-only.csv"
expect 3 import attendance "$tmp/header-only.csv" -o "$tmp/bad"
err_has "$tmp/header-only.csv: error: no rows below the header: nothing to import"
/usr/bin/python3 -c "print(','.join(['event', 'organisation'] + ['c%d' % i for i in range(5000)]))" >"$tmp/wide.csv"
expect 3 import attendance "$tmp/wide.csv" -o "$tmp/bad"
err_has "$tmp/wide.csv:1: error: more than 4096 columns"
printf 'event,organisation\nW,A,B,C\n' >"$tmp/extra.csv"
expect 3 import attendance "$tmp/extra.csv" -o "$tmp/bad"
err_has "$tmp/extra.csv:2: error: 4 fields, more than the 2 of the header (a ',' inside an unquoted field?)"
[ ! -e "$tmp/bad" ] || fail "a broken sheet left an output directory"
{ echo "event,organisation"; echo "W,$(printf 'Sousse %.0s' $(seq 1 5000))"; echo "W,Sfax"; } >"$tmp/long.csv"
expect 0 import attendance "$tmp/long.csv" -o "$tmp/long" --quiet
expect 0 validate "$tmp/long"
out_has "ok: 2 actors, 1 events, 2 participations, 0 ties"

# --max-errors: the first N errors, then a count; 0 lists them all; the exit status stays 3
{ echo "event,date,organisation"; for i in $(seq 1 120); do echo "W,bad$i,Org $i"; done; } >"$tmp/many.csv"
expect 3 import attendance "$tmp/many.csv" -o "$tmp/bad"
[ "$(grep -c ': error: ' "$tmp/err")" -eq 50 ] || fail "import lists $(grep -c ': error: ' "$tmp/err") errors by default, not 50"
err_has "... and 70 more errors (--max-errors 0 lists them all)"
expect 3 import attendance "$tmp/many.csv" -o "$tmp/bad" --max-errors 5
[ "$(grep -c ': error: ' "$tmp/err")" -eq 5 ] || fail "--max-errors 5 lists $(grep -c ': error: ' "$tmp/err") errors"
err_has "... and 115 more errors (--max-errors 0 lists them all)"
err_has "coopnet: '$tmp/many.csv': 120 errors in the data; nothing written"
expect 3 import attendance "$tmp/many.csv" -o "$tmp/bad" --max-errors 0
[ "$(grep -c ': error: ' "$tmp/err")" -eq 120 ] || fail "--max-errors 0 lists $(grep -c ': error: ' "$tmp/err") errors"
! grep -q "more errors" "$tmp/err" || fail "--max-errors 0 still counts errors it did not list"
mkdir "$tmp/many-bundle"
printf 'id,name,level\n' >"$tmp/many-bundle/actors.csv"
for i in $(seq 1 60); do echo "a$i,A $i,city"; done >>"$tmp/many-bundle/actors.csv"
printf 'id,title,date\ne,E,2024\n' >"$tmp/many-bundle/events.csv"
printf 'event,actor,role\ne,a1,\n' >"$tmp/many-bundle/participation.csv"
expect 3 validate "$tmp/many-bundle" --max-errors 3
[ "$(grep -c ': error: ' "$tmp/err")" -eq 3 ] || fail "validate --max-errors 3 lists $(grep -c ': error: ' "$tmp/err") errors"
err_has "... and 57 more errors (--max-errors 0 lists them all)"
expect 3 validate "$tmp/many-bundle" --max-errors 0
[ "$(grep -c ': error: ' "$tmp/err")" -eq 60 ] || fail "validate --max-errors 0 lists $(grep -c ': error: ' "$tmp/err") errors"
expect 2 validate "$tmp/many-bundle" --max-errors -1
err_has "--max-errors needs a whole number >= 0, not '-1'"

# usage and I/O errors
expect 2 import attendance "$fr"
err_has "coopnet import: expected -o DIR"
expect 2 import roster "$fr" -o "$tmp/x"
err_has "unknown sheet kind 'roster' (expected attendance)"
expect 2 import attendance "$fr" -o "$tmp/x" --date-order ymd
err_has "unknown date order 'ymd' (expected dmy or mdy)"
expect 2 import attendance "$fr" -o "$tmp/x" --map 'colour=Couleur'
err_has "unknown field 'colour' in the column mapping"
expect 1 import attendance "$data/no-such-file.csv" -o "$tmp/x"
err_has "cannot read '$data/no-such-file.csv'"
expect 0 import --help
out_has "usage: coopnet import attendance FILE.csv"

exit $failed
