#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# coopnet report: the MENA report has its nine pages, headings and the analysis commands'
# numbers; two runs give the same bytes; --country, --png-dir, the example job file; errors.
# usage: report_tests.sh COOPNET SOURCE_DIR
set -u
coopnet=$1
source_dir=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
fail() {
    echo "FAIL: $*" >&2
    failures=$((failures + 1))
}
expect_status() { [ "$1" = "$2" ] || fail "$3: exit status $2, expected $1"; }
expect_text() { # fragment file what
    grep -qF -- "$1" "$2" || fail "$3: no '$1' in the report text"
}
mena=$source_dir/datasets/mena-hub

# the default bundle is datasets/mena-hub
"$coopnet" report --quiet -o "$work/a.pdf" 2>"$work/stderr"
expect_status 0 $? "report"
[ -s "$work/stderr" ] && fail "report --quiet wrote on stderr"
pages=$(pdfinfo "$work/a.pdf" | awk '/^Pages:/ {print $2}')
[ "$pages" = 11 ] || fail "report has $pages pages, expected 11"
pdfinfo "$work/a.pdf" | grep -q 'Page size: *595.276 x 841.89' || fail "pages are not A4"
pdftotext -layout "$work/a.pdf" "$work/a.txt"
pdftotext "$work/a.pdf" - | tr '\n' ' ' | tr -s ' ' >"$work/a.flat" # columns in reading order
for heading in "2 The network" "3 The geography" "4 Who holds it together" \
    "5 National-local cooperation" "6 Groups and brokers" "7 Dependence on the convener" \
    "8 Peer-learning reach" "9 Learning pathways" "10 Change over time" \
    "11 Sources and method notes" "Page 11 of 11"; do
    expect_text "$heading" "$work/a.txt" "heading"
done
# page 9: the documented peer-learning ties, each checked against the events as coopnet reach
# --layer events gives it (the learner reached from the source by the tie's start)
"$coopnet" reach --quiet --from saida --layer events "$mena" >"$work/reach-saida.csv"
fes=$(awk -F, '$1 == "fes" { print $3 }' "$work/reach-saida.csv")
[ "$fes" = "2024-01-31" ] || fail "reach --layer events: Fes from Saida on '$fes'"
expect_text "The data documents 8 peer-learning ties." "$work/a.flat" "page 9"
expect_text "Saida Fes 1 February 2024 yes (1 event)" "$work/a.flat" "page 9: Saida to Fes"

# numbers that must match the analysis commands
links=$("$coopnet" info --quiet "$mena" | sed -n 's/^cooperation graph: [0-9]* actors, \([0-9]*\) links.*/\1/p')
[ -n "$links" ] || fail "cannot read the link count from coopnet info"
expect_text "joined by $links links" "$work/a.txt" "links (coopnet info)"
# page 4 measures ties and significant co-attendance: coopnet centrality --backbone sdsm
"$coopnet" centrality --quiet --backbone sdsm --measures betweenness "$mena" >"$work/between.csv"
top=$(/usr/bin/python3 -c 'import csv,sys; r=next(csv.DictReader(open(sys.argv[1]))); print("%s|%.1f" % (r["name"], float(r["betweenness"])))' "$work/between.csv")
expect_text "${top%|*} lies on the" "$work/a.txt" "top broker (coopnet centrality)"
expect_text "(betweenness ${top#*|})" "$work/a.txt" "top betweenness (coopnet centrality)"
"$coopnet" centrality --quiet --backbone sdsm --measures degree "$mena" >"$work/degree.csv"
top=$(/usr/bin/python3 -c 'import csv,sys; r=next(csv.DictReader(open(sys.argv[1]))); print("%s|%.0f" % (r["name"], float(r["degree"])))' "$work/degree.csv")
expect_text "${top%|*} is linked to the most actors: ${top#*|} of" "$work/a.txt" "top degree"
# the test's count (coopnet backbone) and the plain projection's leader (coopnet centrality)
kept=$("$coopnet" backbone --quiet "$mena" | awk -F, 'NR > 1 { n++; k += $6 } END { print k " of the " n }')
grep -qF "($kept links by shared events pass this test" "$work/a.flat" ||
    fail "page 4: the backbone count is not coopnet backbone's ($kept)"
"$coopnet" centrality --quiet --measures degree "$mena" >"$work/projection.csv"
top=$(/usr/bin/python3 -c 'import csv,sys; r=next(csv.DictReader(open(sys.argv[1]))); print("%s would lead with %.0f" % (r["name"], float(r["degree"])))' "$work/projection.csv")
grep -qF "Counting every shared event as a link, $top" "$work/a.flat" ||
    fail "page 4: the comparison line does not name the projection's leader ($top)"
# page 5: shares that unnamed participants could raise are lower bounds, never a 0%; the
# national bodies are named with their links (coopnet nlc --table links)
grep -qF "Morocco 8 6 3 0 ≥ 75%" "$work/a.flat" || fail "page 5: Morocco's share is not a lower bound"
grep -qF "Iraq 6 0 0 0 unknown" "$work/a.flat" || fail "page 5: Iraq's 0% is not 'unknown'"
ampcc=$("$coopnet" nlc --quiet --table links "$mena" | awk -F, '$2 == "ampcc" { n++; f += $11 == "formal" } END { print n " (" f " formally)" }')
grep -qF "AMPCC with $ampcc" "$work/a.flat" || fail "page 5: AMPCC's links are not $ampcc"

# page 7: the before/after figure and the actors left with no link, as coopnet whatif gives them
grep -qF "Without Strong Cities Network MENA Regional Hub and its events" "$work/a.flat" ||
    fail "page 7: no 'without' panel"
grep -qF "ringed: the convener" "$work/a.flat" || fail "page 7: the figure's caption"
"$coopnet" whatif --quiet --without scn_mena_hub "$mena" >"$work/whatif.csv"
isolated=$(awk -F, '$1 == "isolated" && $2 != "*"' "$work/whatif.csv" | wc -l)
said=$(grep -o "Left with no link: .*" "$work/a.flat" | sed 's/Data as of .*//' | grep -o "(\(Jordan\|Tunisia\|Iraq\|Morocco\|Malta\|Libya\|Australia\|United States\))\|EU Advisory Mission in Iraq" | wc -l)
[ "$isolated" -gt 0 ] && [ "$said" -eq "$isolated" ] ||
    fail "page 7: $said actors listed with no link, coopnet whatif says $isolated"

# page 3: the text counts the actors the map places by country and lists as the map's note does;
# page 5: the four NLC panels
flat=$(tr '\n' ' ' <"$work/a.txt" | tr -s ' ')
listed=$(sed -n 's/.* \([0-9]*\) actors\{0,1\} with neither coordinates nor a country on the map.*/\1/p' <<<"$flat")
[ -n "$listed" ] || fail "page 3 does not say how many actors are listed under the map"
grep -q "$listed actors with no coordinates and no country on the map are listed" <<<"$flat" ||
    fail "page 3: the text and the map's note disagree ($listed listed)"
near=$(sed -n 's/.* \([0-9]*\) actors without coordinates (.*) are drawn with a dashed ring.*/\1/p' <<<"$flat" | head -1)
grep -q "Note: $near actors without coordinates are drawn with a dashed ring" <<<"$flat" ||
    fail "page 3: the text and the map's note disagree ($near near their country)"
for panel in "Whole network" "Morocco" "Iraq" "Jordan"; do
    expect_text "$panel" "$work/a.txt" "NLC panel"
done
# a bundle without coordinates: page 3 says what is missing and how to add it, never the
# library's message; the map places the actors by country (map data) or a table replaces it
tnjo=$source_dir/tests/data/tn-jo
"$coopnet" report --quiet "$tnjo" -o "$work/tnjo.pdf"
expect_status 0 $? "report tn-jo"
pdftotext -f 3 -l 3 "$work/tnjo.pdf" - | tr '\n' ' ' | tr -s ' ' >"$work/tnjo3.txt"
expect_text "None of the 16 actors has coordinates" "$work/tnjo3.txt" "tn-jo page 3"
expect_text "add the columns lat and lon to actors.csv" "$work/tnjo3.txt" "tn-jo page 3"
expect_text "Note: 14 actors without coordinates" "$work/tnjo3.txt" "tn-jo page 3 map note"
grep -q "geo layout needs" "$work/tnjo3.txt" && fail "tn-jo page 3 prints the library's message"
# page 11 of a bundle whose sources are free text: no "The others cite 0 source documents"
# beside an empty table
pdftotext -f 11 -l 11 "$work/tnjo.pdf" - | tr '\n' ' ' | tr -s ' ' >"$work/tnjo10.txt"
expect_text "None of the 56 records in this report" "$work/tnjo10.txt" "tn-jo page 10"
grep -q "cite 0 source\|Source document" "$work/tnjo10.txt" && fail "tn-jo page 10: an empty table of sources"
COOPNET_MAP_DATA=$work/none.nc "$coopnet" report "$tnjo" -o "$work/tnjo-nomap.pdf" 2>"$work/stderr"
expect_status 0 $? "report tn-jo without map data"
[ "$(grep -c "warning: cannot read map data" "$work/stderr")" = 1 ] ||
    fail "report without map data: not one warning: $(cat "$work/stderr")"
pdftotext -f 3 -l 3 "$work/tnjo-nomap.pdf" - | tr '\n' ' ' | tr -s ' ' >"$work/tnjo3.txt"
expect_text "so this page has no map" "$work/tnjo3.txt" "tn-jo page 3 without map data"
expect_text "Tunisia 5 0 2 0 7" "$work/tnjo3.txt" "tn-jo page 3: actors by country and level"
grep -q "geo layout needs" "$work/tnjo3.txt" && fail "tn-jo page 3 prints the library's message"

for country in IQ TN; do
    "$coopnet" report --quiet --country $country "$mena" -o "$work/$country.pdf"
    expect_status 0 $? "report --country $country"
done

# the same input gives the same bytes
"$coopnet" report --quiet "$mena" -o "$work/b.pdf"
cmp -s "$work/a.pdf" "$work/b.pdf" || fail "two runs give different PDFs"

# --country, --as-of, --png-dir
"$coopnet" report --quiet --country MA --as-of 2024-06 --title "Morocco" --png-dir "$work/png" \
    "$mena" -o "$work/ma.pdf"
expect_status 0 $? "report --country MA"
pdftotext "$work/ma.pdf" "$work/ma.txt"
expect_text "Morocco and the national and international actors linked" "$work/ma.txt" "--country"
expect_text "as it stood on June 2024" "$work/ma.txt" "--as-of"
pdfinfo "$work/ma.pdf" | grep -q "CreationDate: .*Jun 30 .* 2024" || fail "PDF date is not the --as-of date"
n_png=$(ls "$work/png"/*.png 2>/dev/null | wc -l)
[ "$n_png" -ge 8 ] || fail "--png-dir wrote $n_png PNGs"
ls "$work/png" | grep -q tmp && fail "a temporary PNG was left"

# the example job file reproduces the report and its figures
mkdir "$work/jobs"
cp "$source_dir/datasets/report-figures.ini" "$work/jobs/"
ln -s "$mena" "$work/jobs/mena-hub"
"$coopnet" batch --quiet --jobs 2 "$work/jobs/report-figures.ini" >"$work/batch.out"
expect_status 0 $? "example job file"
[ -s "$work/jobs/out/mena-report.pdf" ] || fail "job file: no report"
cmp -s "$work/a.pdf" "$work/jobs/out/mena-report.pdf" || fail "job file's report differs"
[ "$(ls "$work/jobs/out/figures" | wc -l)" -ge 8 ] || fail "job file: figures missing"

# errors: exit statuses and no partial file
"$coopnet" report --country XX -o "$work/x.pdf" 2>"$work/stderr"
expect_status 2 $? "invalid --country"
"$coopnet" report --country DE -o "$work/x.pdf" 2>"$work/stderr"
expect_status 2 $? "country without actors"
grep -q "no actor of country 'DE'" "$work/stderr" || fail "country without actors: message"
[ -e "$work/x.pdf" ] && fail "a failed report left a file"
"$coopnet" report -o "$work/missing/x.pdf" 2>/dev/null
expect_status 1 $? "output in a missing directory"
"$coopnet" report 2>/dev/null
expect_status 2 $? "no -o"
"$coopnet" report --as-of 2024-13 -o "$work/x.pdf" 2>/dev/null
expect_status 2 $? "bad --as-of"
"$coopnet" report "$work/nonexistent" -o "$work/x.pdf" 2>/dev/null
expect_status 1 $? "missing bundle"
ls "$work" | grep -q '\.tmp' && fail "a temporary file was left"

# Ctrl-C while the report is being written: exit 130, the previous PDF untouched, no temporary
# file. A generated bundle of 1500 actors keeps the report busy for seconds; the signal goes as soon as
# the temporary output exists (the report opens it once the bundle is loaded). No timing.
"$coopnet" generate --quiet -o "$work/big" --actors 1500 --events 1500 --seed 3
mkdir "$work/signal"
echo "previous report" >"$work/signal/report.pdf"
"$coopnet" report --quiet "$work/big" -o "$work/signal/report.pdf" 2>"$work/stderr" &
pid=$!
seen=0
while kill -0 "$pid" 2>/dev/null; do
    if [ -n "$(find "$work/signal" -maxdepth 1 -name '.coopnet-*' -print -quit)" ]; then
        seen=1
        kill -s INT "$pid"
        break
    fi
    sleep 0.01
done
wait "$pid"
status=$?
[ $seen -eq 1 ] || fail "SIGINT: the report ended before its temporary output was seen"
expect_status 130 $status "report interrupted by SIGINT"
grep -qx "previous report" "$work/signal/report.pdf" || fail "SIGINT: the existing PDF changed"
[ "$(ls -A "$work/signal")" = report.pdf ] || fail "SIGINT: left $(ls -A "$work/signal")"

# --png-dir commits its figures together (issue 18): a report that fails after drawing some of
# them leaves every old figure as it was, and no temporary
rm -rf "$work/pngs"
"$coopnet" report --quiet --png-dir "$work/pngs" "$mena" -o "$work/pngs.pdf" || fail "png-dir run"
for png in "$work"/pngs/*.png; do echo "old figure" >"$png"; done
last=$(ls "$work"/pngs/*.png | tail -1)
rm "$last"
mkdir "$last" # the last figure cannot be written: the run fails after drawing the others
if "$coopnet" report --quiet --png-dir "$work/pngs" "$mena" -o "$work/pngs.pdf" 2>"$work/stderr"; then
    fail "png-dir: the run should fail when a figure cannot be written"
fi
for png in "$work"/pngs/*.png; do
    [ -d "$png" ] && continue
    grep -qx "old figure" "$png" || fail "png-dir: $(basename "$png") replaced by a failed run"
done
[ -z "$(ls -A "$work/pngs" | grep '^\.coopnet-')" ] || fail "png-dir: temporaries left"

# a shared first place is never named as one actor's (review): three actors at one workshop all
# have the most partners, and nobody lies between two others
mkdir -p "$work/tie"
printf 'id,name,level,country\na,Amman,local,JO\nb,Zarqa,local,JO\nc,Irbid,national,JO\n' >"$work/tie/actors.csv"
printf 'id,title,date\ne1,Workshop,2024-01-01\n' >"$work/tie/events.csv"
printf 'event,actor\ne1,a\ne1,b\ne1,c\n' >"$work/tie/participation.csv"
"$coopnet" report --quiet "$work/tie" -o "$work/tie.pdf" || fail "report of one workshop"
page4=$(pdftotext -f 4 -l 4 "$work/tie.pdf" - | tr '\n' ' ' | tr -s ' ')
# one shared workshop is co-presence only: no link beyond it, and the plain count said as a tie
echo "$page4" | grep -q "No two actors are linked beyond co-presence" ||
    fail "page 4 names a leader where nothing links beyond co-presence: $page4"
echo "$page4" | grep -q "Counting every shared event as a link, 3 actors would tie for the lead with 2 each" ||
    fail "page 4 does not say the projection's three-way tie: $page4"
# with a partnership between each two, they all have the most links
printf 'from,to,type\na,b,partnership\nb,c,partnership\na,c,partnership\n' >"$work/tie/ties.csv"
"$coopnet" report --quiet "$work/tie" -o "$work/tie.pdf" || fail "report of a three-way tie"
page4=$(pdftotext -f 4 -l 4 "$work/tie.pdf" - | tr '\n' ' ')
echo "$page4" | grep -q "Amman and 2 other actors are linked to the most actors" ||
    fail "page 4 does not say the first place is shared: $page4"
echo "$page4" | grep -q "every betweenness is 0" || fail "page 4: betweenness 0 not said: $page4"

# a country report's national-local headline is the country's own pair, and its first panel is
# not called the whole network (other countries' national bodies are in it; new-user finding)
ma5=$(pdftotext -f 5 -l 5 "$work/ma.pdf" - | tr '\n' ' ')
echo "$ma5" | grep -q "In Morocco, [0-9]*% of the possible pairs of a local actor and a national body of Morocco are linked" ||
    fail "--country MA: page 5 headline: $ma5"
echo "$ma5" | grep -q "All actors in this report" || fail "--country MA: page 5 first panel title"
echo "$ma5" | grep -q "Whole network" && fail "--country MA: page 5 still says 'Whole network'"

# betweenness by the library's centrality policy: sampled on request or over the time budget,
# and then the centrality page and the method notes say so with the bound; exact by default here
expect_text "Betweenness: shortest paths between other actors that pass through the actor." \
    "$work/a.flat" "exact betweenness in the method notes"
"$coopnet" report --quiet --approx 0.2 "$mena" -o "$work/approx.pdf"
expect_status 0 $? "report --approx 0.2"
approx_text=$(pdftotext "$work/approx.pdf" - | tr '\n' ' ')
echo "$approx_text" | grep -qF "Betweenness is estimated from samples: each value is within 198 of the exact one with probability 95%" ||
    fail "report --approx: page 4 does not give the bound"
echo "$approx_text" | grep -qF "Riondato & Kornaropoulos 2016, seed 1), so that every actor's betweenness divided by the pairs of other actors is within 0.2 of the exact value with probability 0.95" ||
    fail "report --approx: the method notes do not give the bound"
"$coopnet" report --quiet --time-budget 0.000001 "$mena" -o "$work/budget.pdf"
pdftotext "$work/budget.pdf" - | tr '\n' ' ' | tr -s ' ' | grep -qF "The exact computation was estimated, on the computer that made this report, to take longer than the time budget of 1e-06 s." ||
    fail "report --time-budget: the method notes do not say why betweenness was estimated"
# the note gives no timing of the run: the same data, the same PDF bytes
"$coopnet" report --quiet --time-budget 0.000001 "$mena" -o "$work/budget2.pdf"
cmp -s "$work/budget.pdf" "$work/budget2.pdf" ||
    fail "report --time-budget: two runs on the same data wrote different PDFs"
"$coopnet" report --quiet --approx 0 "$mena" -o "$work/bad.pdf" 2>"$work/stderr"
expect_status 2 $? "report --approx 0"
grep -qF -- "--approx needs a number above 0 and below 1, not '0'" "$work/stderr" ||
    fail "report --approx 0: message"
"$coopnet" report --quiet --approx 0.1 --exact "$mena" -o "$work/bad.pdf" 2>"$work/stderr"
expect_status 2 $? "report --approx --exact"

# ties said as ties: two hubs share the first place by degree (as `coopnet centrality` gives it);
# the cover and the centrality page say so instead of naming one most connected actor
tied=$source_dir/tests/data/tied
"$coopnet" report --quiet "$tied" -o "$work/tied.pdf" || fail "report of a tie"
"$coopnet" centrality --quiet --measures degree "$tied" >"$work/tied.csv"
top_two=$(/usr/bin/python3 -c 'import csv,sys; r=list(csv.DictReader(open(sys.argv[1]))); print(r[0]["degree"] == r[1]["degree"], r[0]["degree"])' "$work/tied.csv")
[ "$top_two" = "True 3" ] || fail "tied bundle: the first place by degree is not shared ($top_two)"
tied_text=$(pdftotext "$work/tied.pdf" - | tr '\n' ' ' | tr -s ' ')
grep -qF "The most connected actor is" <<<"$tied_text" && fail "report names one most connected actor where two tie"
grep -qE "Hub (Alpha|Beta) and Hub (Alpha|Beta) are the most connected actors, tied" <<<"$tied_text" ||
    fail "report: the cover does not say the tie"
grep -qE "are linked to the most actors, tied: 3 of the other 4 each" <<<"$tied_text" ||
    fail "report: the centrality page does not say the tie with the table's degree"

[ "$failures" -eq 0 ] && echo "report tests passed"
exit $((failures > 0))
