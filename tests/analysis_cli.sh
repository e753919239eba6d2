#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# CLI checks of the analysis commands: exit codes, headers, formats, messages.
# usage: analysis_cli.sh COOPNET SOURCE_DIR
coopnet=$1
mena=$2/datasets/mena-hub
davis=$2/datasets/davis-southern-women
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

expect 0 centrality --quiet "$mena"
first_line_is "id,name,level,country,degree,strength,betweenness,closeness,harmonic,eigenvector,pagerank,coreness,constraint"
[ "$(wc -l <"$tmp/out")" -eq 47 ] || fail "centrality: expected 46 rows"
expect 0 centrality --quiet --measure pagerank,degree --top 3 --weighted "$mena"
first_line_is "id,name,level,country,pagerank,degree"
[ "$(wc -l <"$tmp/out")" -eq 4 ] || fail "--top 3: expected 3 rows"
expect 0 centrality --quiet --format json --measure degree "$davis"
head -c 1 "$tmp/out" | grep -q '\[' || fail "json output does not start with ["
expect 2 centrality --measure rank "$mena"
err_has "unknown measure 'rank'"
expect 2 centrality --top -1 "$mena"
err_has "--top needs a whole number >= 0, not '-1'"
expect 2 centrality --format xml "$mena"
err_has "unknown format 'xml' (expected csv, csv-raw or json)"
expect 2 centrality --bogus "$mena"
expect 2 centrality
err_has "expected one BUNDLE"
expect 2 centrality --exclude nobody "$mena"
err_has "unknown actor 'nobody' among the actors to exclude"
expect 0 centrality --help
grep -q "constraint   Burt's constraint" "$tmp/out" || fail "centrality --help lacks the measure definitions"
expect 0 centrality --quiet "$mena" -o "$tmp/c.csv"
[ -s "$tmp/c.csv" ] || fail "-o wrote nothing"

# --two-mode: the actor-event graph (values checked against networkx by two_mode_reference)
expect 0 centrality --quiet --two-mode "$davis"
first_line_is "id,name,level,country,degree,betweenness,closeness"
[ "$(wc -l <"$tmp/out")" -eq 19 ] || fail "centrality --two-mode: expected 18 actors"
grep -q "^evelyn_jefferson,Evelyn Jefferson,local,US,0.5714285714,0.09658472108,0.8$" "$tmp/out" ||
    fail "centrality --two-mode: Evelyn Jefferson's row"
expect 0 centrality --quiet --two-mode --events --measure closeness,degree --top 2 "$davis"
first_line_is "mode,id,name,level,country,closeness,degree"
[ "$(sed -n 4p "$tmp/out")" = "event,e8,Social event E8 (9/16),,US,0.8461538462,0.7777777778" ] ||
    fail "centrality --two-mode --events: first event row '$(sed -n 4p "$tmp/out")'"
[ "$(wc -l <"$tmp/out")" -eq 5 ] || fail "--two-mode --events --top 2: expected 2 + 2 rows"
expect 0 centrality --quiet --two-mode --events --format json --measure degree "$davis"
grep -q '^{"mode":"event","id":"e8",.*"level":null,' "$tmp/out" || fail "json: an event's level is null"
expect 2 centrality --two-mode --measure degree,pagerank "$davis"
err_has "measure 'pagerank' has no two-mode definition (two-mode measures: degree, betweenness, closeness)"
expect 2 centrality --two-mode --weighted "$davis"
err_has "--weighted does not apply to --two-mode"
expect 2 centrality --events "$davis"
err_has "--events needs --two-mode"
# one event: no actor can be between two vertices (maximum 0), so their betweenness is empty; a
# and b reach 2 of the 3 others with a distance sum of 3 against a least possible 1 + 2 * 2 = 5:
# 5/3 * 2/3 = 10/9 (above 1 since c is out of reach, as networkx's formula gives too)
mkdir -p "$tmp/one-event"
printf 'id,name,level,country\na,A,local,MA\nb,B,local,MA\nc,C,local,TN\n' >"$tmp/one-event/actors.csv"
printf 'id,title,date\ne1,E1,2024-01-01\n' >"$tmp/one-event/events.csv"
printf 'event,actor\ne1,a\ne1,b\n' >"$tmp/one-event/participation.csv"
expect 0 centrality --quiet --two-mode --events "$tmp/one-event"
[ "$(cat "$tmp/out")" = "mode,id,name,level,country,degree,betweenness,closeness
actor,a,A,local,MA,1,,1.111111111
actor,b,B,local,MA,1,,1.111111111
actor,c,C,local,TN,0,,
event,e1,E1,,,0.6666666667,0.3333333333,1" ] || fail "centrality --two-mode, one event: $(cat "$tmp/out")"
# backbone: every co-attending pair with its test; the summary on stderr
expect 0 backbone "$davis"
first_line_is "from,to,shared,expected,p_value,kept"
[ "$(wc -l <"$tmp/out")" -eq 140 ] || fail "backbone davis: expected 139 pairs"
grep -q "^olivia_carleton,flora_price,2,0.5539283357,0.0883723461[0-9]*,0$" "$tmp/out" ||
    fail "backbone davis: olivia_carleton-flora_price: $(grep olivia_carleton,flora "$tmp/out")"
err_has "coopnet: backbone: sdsm, 139 pairs with shared events tested of 153 pairs of 18 actors over 14 events, 0 kept at alpha 0.05 (correction none)"
expect 0 backbone --model fixed-row --alpha 0.05 --correction none --quiet "$davis"
[ "$(grep -c ',1$' "$tmp/out")" -eq 17 ] || fail "backbone fixed-row davis: expected 17 kept"
[ -s "$tmp/err" ] && fail "backbone --quiet wrote to stderr: $(cat "$tmp/err")"
expect 0 backbone --quiet --format json --layer events "$mena"
head -c 1 "$tmp/out" | grep -q '\[' || fail "backbone json output does not start with ["
expect 2 backbone --model fdsm "$davis"
err_has "unknown backbone model 'fdsm' (expected sdsm or fixed-row)"
expect 2 backbone --alpha 1.5 "$davis"
err_has "invalid alpha '1.5' (expected a number between 0 and 1)"
expect 2 backbone --correction fdr "$davis"
err_has "unknown correction 'fdr' (expected none, holm or bonferroni)"
expect 2 backbone --backbone sdsm "$davis"
err_has "--backbone filters the cooperation graph; backbone tests the pairs itself (use --model)"
# --backbone on the commands that build the cooperation graph
expect 0 info --quiet --backbone fixed-row "$davis"
grep -q "cooperation graph: 18 actors, 17 links" "$tmp/out" || fail "info --backbone fixed-row: $(cat "$tmp/out")"
expect 0 centrality --quiet --measure degree --backbone min-shared:3 "$davis"
[ "$(cut -d, -f5 "$tmp/out" | tail -n +2 | paste -sd+ | bc)" -eq 92 ] || fail "--backbone min-shared:3: expected 46 links"
expect 2 info --backbone min-shared:0 "$davis"
err_has "invalid backbone 'min-shared:0' (min-shared:K needs a whole number K >= 1)"

expect 0 nlc --quiet "$mena"
first_line_is "country,level_a,level_b,edges,possible,density"
expect 0 nlc --quiet --table summary "$mena"
first_line_is "country,subnational,linked,national,share,formal,formal_share,co_attendees,co_attendee_share,unnamed_events"
# by hand from --table links below: MA's 8 cities and regions, 6 linked (agadir, fes, oujda, rabat,
# tangier by shared events; fes, tangier, tangier_governorate by a formal tie)
# unnamed_events by hand from events.csv 'participants': Moroccan actors were at three events with
# more participants stated than named (the Tangier roundtable, Valletta, the Fes consultations);
# Iraq's at the Iraq roundtable and Valletta
grep -qx "MA,8,6,5,0.75,3,0.375,5,0.625,3" "$tmp/out" || fail "nlc --table summary: the MA row"
grep -qx "IQ,6,0,1,0,0,0,0,0,2" "$tmp/out" || fail "nlc --table summary: the IQ row (unnamed events)"
grep -qx "FR,1,0,0,,0,,0,,0" "$tmp/out" || fail "nlc --table summary: no national body is unknown, not 0"
# the Tunisia-Jordan sheet: every city co-attended with a national body, one is formally linked
expect 0 nlc --quiet --table summary "$2/tests/data/tn-jo"
grep -qx "JO,5,5,2,1,1,0.2,5,1,0" "$tmp/out" || fail "nlc --table summary tn-jo: the JO row"
grep -qx "TN,5,5,2,1,0,0,5,1,0" "$tmp/out" || fail "nlc --table summary tn-jo: the TN row"
# --table links, checked by hand against datasets/mena-hub's CSVs: AMPCC and Fes met at the
# Tangier roundtable (2023-11-27) and the Valletta workshop, and have a partnership and a request
expect 0 nlc --quiet --table links "$mena"
first_line_is "country,national_id,national_name,other_id,other_name,other_level,shared_events,ties,layers,first_date,basis"
[ "$(tail -n +2 "$tmp/out" | wc -l)" -eq 19 ] || fail "nlc --table links: expected 19 links"
grep -qx "MA,ampcc,Moroccan Association of Presidents of Communal Councils (AMPCC),fes,Fes,local,2,2,events;partnership;request,2023-11-27,formal" "$tmp/out" ||
    fail "nlc --table links: the AMPCC-Fes row"
[ "$(grep -c ',formal$' "$tmp/out")" -eq 3 ] || fail "nlc --table links: expected 3 formal links"
[ "$(grep -c ',co-attendance$' "$tmp/out")" -eq 16 ] || fail "nlc --table links: expected 16 co-attendance links"
expect 0 nlc --quiet --table links --format json "$mena"
grep -qF '"other_id":"tangier","other_name":"Tangier","other_level":"local","shared_events":0,"ties":1,"layers":"mou","first_date":"../2024-02-01","basis":"formal"}' "$tmp/out" ||
    fail "nlc --table links --format json: a bounded link's first_date is not its interval"
expect 0 nlc --quiet --table links --layer ties "$mena"
[ "$(tail -n +2 "$tmp/out" | wc -l)" -eq 3 ] || fail "nlc --table links --layer ties: expected 3 links"
# --compare on tests/data/windows, worked by hand in its README: the certain reading by default
windows=$2/tests/data/windows
expect 0 snapshots --quiet --compare 2023/2023,2024/2024 --table changes "$windows"
grep -qx "2023/2023,2024/2024,certain,4,7,1,6,3,4,5,1,0" "$tmp/out" ||
    fail "snapshots --compare --table changes (certain): $(cat "$tmp/out")"
expect 0 snapshots --quiet --compare 2023/2023,2024/2024 --table changes --as-of-mode possible "$windows"
grep -qx "2023/2023,2024/2024,possible,4,8,2,6,2,4,5,1,0" "$tmp/out" ||
    fail "snapshots --compare --table changes (possible): $(cat "$tmp/out")"
expect 0 snapshots --quiet --compare 2023/2023,2024/2024 --measure degree "$windows"
first_line_is "window_1,window_2,reading,id,name,measure,value_1,value_2,change,linked_1,linked_2"
grep -qx "2023/2023,2024/2024,certain,city_a,City A,degree,3,1,-2,true,true" "$tmp/out" ||
    fail "snapshots --compare: city_a's degree"
grep -qx "2023/2023,2024/2024,certain,city_c,City C,degree,0,4,4,false,true" "$tmp/out" ||
    fail "snapshots --compare: city_c enters"
expect 0 nlc --quiet --compare 2023/2023,2024/2024 --table summary "$windows"
grep -qx "2023/2023,2024/2024,certain,TN,3,1,1,0.3333333333,2,0.6666666667,0.3333333333,0,1" "$tmp/out" ||
    fail "nlc --compare --table summary: $(cat "$tmp/out")"
expect 0 nlc --quiet --compare 2023/2023,2024/2024 --table summary --as-of-mode possible "$windows"
grep -qx "2023/2023,2024/2024,possible,TN,3,1,1,0.3333333333,3,1,0.6666666667,0,1" "$tmp/out" ||
    fail "nlc --compare --as-of-mode possible: $(cat "$tmp/out")"
expect 0 nlc --quiet --compare 2023/2023,2024/2024 --table links "$windows"
[ "$(tail -n +2 "$tmp/out" | cut -d, -f7,10- | tr '\n' ' ')" = "city_a,events,,lost city_b,,events,gained city_c,,events;mou,gained " ] ||
    fail "nlc --compare --table links: $(cat "$tmp/out")"
expect 0 nlc --quiet --compare 2023/2023,2024/2024 "$windows"
grep -qx "2023/2023,2024/2024,certain,TN,local,national,3,1,0.3333333333,2,0.6666666667,0.3333333333" "$tmp/out" ||
    fail "nlc --compare: local-national density"
# each window of --compare is what --between gives (mena-hub, before and from 2024)
expect 0 nlc --quiet --compare ../2023-12,2024-01/.. --table summary "$mena"
cut -d, -f4,5,6,7 "$tmp/out" | tail -n +2 >"$tmp/compared"
expect 0 nlc --quiet --between ../2023-12 --table summary "$mena"
tail -n +2 "$tmp/out" | awk -F, '{print $1 "," $2 "," $4 "," $3}' >"$tmp/between"
cmp -s "$tmp/compared" "$tmp/between" || fail "nlc --compare: the first window differs from --between"
expect 2 nlc --compare 2023 "$mena"
err_has "expected two windows FROM/TO,FROM/TO"
expect 2 nlc --compare 2023/2023,2024/2024 --as-of 2024 "$mena"
err_has "--compare gives each window its dates: drop --as-of and --between"
expect 2 snapshots --compare 2023/2023,2024/2024 --trailing 30 "$mena"
err_has "--compare gives the windows: drop --trailing"
expect 2 nlc --table pair "$mena"
err_has "unknown table 'pair' (expected pairs, summary or links)"

expect 0 groups --by level --permutations 200 --seed 3 "$mena"
first_line_is "group,actors,internal,external,ei,expected_ei,p_value"
err_has "nominal assortativity by 'level'"
cp "$tmp/out" "$tmp/groups1"
expect 0 groups --by level --permutations 200 --seed 3 --quiet "$mena"
cmp -s "$tmp/out" "$tmp/groups1" || fail "groups is not reproducible with a fixed seed"
expect 0 groups --by country --table mixing --quiet "$mena"
first_line_is "group_a,group_b,edges"
expect 0 groups --by type --table actors --permutations 0 --quiet "$mena"
first_line_is "id,name,group,internal,external,ei"
expect 2 groups "$mena"
err_has "--by ATTRIBUTE is required"
expect 2 groups --by colour "$mena"
err_has "unknown actor attribute 'colour'"
expect 2 groups --by level --table pies "$mena"

expect 0 brokerage --by level --quiet "$mena"
first_line_is "id,name,group,coordinator,itinerant,gatekeeper,representative,liaison,total,z_coordinator,z_itinerant,z_gatekeeper,z_representative,z_liaison,z_total"
expect 2 brokerage "$mena"

expect 0 communities --seed 5 "$mena"
first_line_is "id,name,community"
err_has "modularity"
expect 0 communities --table summary --quiet "$mena"
first_line_is "community,actors,local,regional,national,international,countries"
expect 2 communities --resolution 0 "$mena"
err_has "--resolution needs a finite number > 0, not '0'"

expect 0 snapshots --every year --measure degree,betweenness --quiet "$mena"
first_line_is "date,id,name,measure,value,rank"
expect 0 snapshots --every quarter --trailing 90 --table changes --quiet "$mena"
first_line_is "from,to,measure,spearman,actors,rose_id,rose_name,rose_by,fell_id,fell_name,fell_by"
# --window is the study window here too (it was shadowed by the sliding window's days)
expect 0 snapshots --every year --window 2023-01/2025-12 --measure degree --quiet "$mena"
expect 2 snapshots --every quarter --window 90 --quiet "$mena"
err_has "snapshots --trailing DAYS"
expect 0 snapshots --quiet --measure degree "$mena"
grep -q '^2023-06-30,' "$tmp/out" || fail "snapshots: --every defaults to quarter"
expect 2 snapshots --every week "$mena"
err_has "unknown period 'week' (expected month, quarter or year)"
# undated data: exit 3 naming the undated events and what to fill (issue 18)
expect 3 snapshots --every year "$davis"
err_has "snapshots need dated events or ties; 'davis-southern-women' has none: events.csv:2 'e1'"

# CSV formula injection (issue 18): text cells a spreadsheet would run (= + - @) get a leading
# apostrophe in CSV output; csv-raw and JSON keep the data as it is; validate warns with
# FILE:LINE; a negative coordinate is a number, not a formula
inj=$tmp/injection
mkdir -p "$inj"
printf 'id,name,level,country,lat,lon\n=cmd,"=HYPERLINK(""http://x"",""y"")",local,TN,-33.5,10.1\nplus,+Sousse,national,TN,,\nb,@Beja,local,TN,,\n' >"$inj/actors.csv"
printf 'id,title,date\ne1,-Workshop,2024-01-01\n' >"$inj/events.csv"
printf 'event,actor\ne1,=cmd\ne1,plus\ne1,b\n' >"$inj/participation.csv"
expect 0 validate "$inj"
err_has "actors.csv:2: warning: column 'name': value starting with '='"
err_has "events.csv:2: warning: column 'title': value starting with '-'"
grep -q "actors.csv:2: warning: column 'lat'" "$tmp/err" && fail "a negative latitude taken for a formula"
expect 0 centrality --measure degree --quiet "$inj"
grep -qxF "'=cmd,\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",local,TN,2" "$tmp/out" || fail "formula not neutralised: $(cat "$tmp/out")"
grep -qxF "plus,'+Sousse,national,TN,2" "$tmp/out" || fail "+ not neutralised"
expect 0 centrality --measure degree --quiet --format csv-raw "$inj"
grep -qxF "plus,+Sousse,national,TN,2" "$tmp/out" || fail "csv-raw changed a cell"
expect 0 convert --format csv --quiet "$inj"
grep -qF "'=cmd," "$tmp/out" || fail "convert csv: id not neutralised: $(cat "$tmp/out")"
expect 0 convert --format csv-raw --quiet "$inj"
grep -q "^=cmd,\|,=cmd," "$tmp/out" || fail "convert csv-raw changed an id: $(cat "$tmp/out")"
expect 0 centrality --measure degree --quiet --format json "$inj"
grep -qF '"name":"+Sousse"' "$tmp/out" || fail "json changed a cell"

# control characters and bidi overrides from the data or the command line are escaped in
# messages; validate warns about bidi controls
expect 2 "$(printf 'bad\033]0;pwned\007')" "$mena"
err_has "unknown command 'bad\\x1b]0;pwned\\x07'"
grep -q "$(printf '\033')" "$tmp/err" && fail "an ESC reached the terminal"
expect 2 centrality --exclude "$(printf 'x\342\200\256y')" "$mena"
err_has "unknown actor 'x\\u202ey'"
printf 'id,name,level\nfes,Fes \342\200\256gpj.exe,local\n' >"$inj/actors.csv"
printf 'event,actor\ne1,fes\n' >"$inj/participation.csv"
expect 0 validate "$inj"
err_has "actors.csv:2: warning: column 'name': value 'Fes \\u202egpj.exe' holds a bidirectional-text control at byte 5"

# validate warns about a date implausibly far from the rest of the data (issue 18: a year typed
# 1023 for 2023 made snapshots --every month write 316 MB), with FILE:LINE; nothing else moves
dates=$tmp/dates
mkdir -p "$dates"
cp "$2"/tests/data/small/*.csv "$dates/"
sed -i 's/^w2,Roundtable,2023-11-27,2023-11-28/w2,Roundtable,1023-11-27,2023-11-28/' "$dates/events.csv"
printf 'from,to,type,start\nhub,ampcc,mou,2204-01-31\nrabat,fes,peer,2024-01\n' >"$dates/ties.csv"
expect 0 validate "$dates"
err_has "events.csv:3: warning: column 'date': date '1023-11-27' is 1000 years from the median date of the data (2023-11-28)"
err_has "ties.csv:2: warning: column 'start': date '2204-01-31' is 180 years from the median date of the data"
[ "$(grep -c 'years from the median' "$tmp/err")" -eq 2 ] || fail "expected two far-date warnings: $(cat "$tmp/err")"
expect 0 validate "$2/tests/data/small"
grep -q "years from the median" "$tmp/err" && fail "a far-date warning on plausible data"
expect 0 validate "$mena"
grep -q "years from the median" "$tmp/err" && fail "a far-date warning on mena-hub"

# an undefined assortativity is said as such, never printed as "-nan" (issue 18)
mkdir -p "$tmp/nolinks"
printf 'id,name,level\na,A,local\nb,B,local\n' >"$tmp/nolinks/actors.csv"
printf 'id,title,date\n' >"$tmp/nolinks/events.csv"
printf 'event,actor\n' >"$tmp/nolinks/participation.csv"
expect 0 groups --by level "$tmp/nolinks"
err_has "nominal assortativity by 'level': undefined (no link, or one group)"
grep -q "nan" "$tmp/err" && fail "groups printed a nan: $(cat "$tmp/err")"

# --resolution: infinity is refused as not finite, a tiny positive number is a number > 0;
# -o '' is a usage error (issue 18)
expect 2 communities --resolution inf "$mena"
err_has "--resolution needs a finite number > 0, not 'inf'"
expect 0 communities --resolution 1e-308 --quiet "$mena"
expect 2 centrality -o '' --quiet "$mena"
err_has "-o needs a file name (or - for standard output), not ''"

# chart --top applies to the ranking only: elsewhere a usage error, not silently ignored
expect 2 chart participation --top 3 "$mena" -o "$tmp/p.png"
err_has "--top is for the ranking chart only"
[ -e "$tmp/p.png" ] && fail "chart participation --top wrote a file"
expect 0 chart ranking --top 3 --quiet "$mena" -o "$tmp/r.png"

# validate: a row that fails does not make every reference to it another error (new-user
# finding: one bad date gave four 'unknown event' errors for an event that is in events.csv)
mkdir -p "$tmp/cascade"
printf 'id,name,level,country\na,A,local,MA\nb,B,national,MA\nc,C,city,MA\n' >"$tmp/cascade/actors.csv"
printf 'id,title,date\nws1,W1,2024-01\nws2,W2,2024-13\n' >"$tmp/cascade/events.csv"
printf 'event,actor\nws1,a\nws1,b\nws2,a\nws2,c\nws2,b\nws3,a\n' >"$tmp/cascade/participation.csv"
expect 3 validate "$tmp/cascade"
[ "$(grep -c ': error: ' "$tmp/err")" -eq 3 ] || fail "validate cascade: $(cat "$tmp/err")"
err_has "events.csv:3: error: column 'date': invalid date '2024-13'"
err_has "actors.csv:4: error: column 'level': unknown level 'city'"
err_has "participation.csv:7: error: column 'event': unknown event 'ws3' (not in events.csv)"

# a command other than validate shows the first three warnings and points to validate for the
# rest (the same list on every command was noise); validate shows them all
davis=$(dirname "$mena")/davis-southern-women
expect 0 info "$davis"
[ "$(grep -c ': warning: ' "$tmp/err")" -eq 3 ] || fail "info: expected 3 warnings shown: $(cat "$tmp/err")"
err_has "coopnet: ... and 11 more warnings about the data ('coopnet validate $davis' lists them all)"
expect 0 validate "$davis"
[ "$(grep -c ': warning: ' "$tmp/err")" -eq 14 ] || fail "validate: expected all 14 warnings"

# reach-curve: a source whose line is exactly another's is said so in the legend (one line hid
# the other; issue 20). Agadir and Oujda reach the same actors at the same dates in mena-hub.
expect 0 chart reach-curve --from rabat,agadir,oujda --quiet "$mena" -o "$tmp/rc.pdf"
pdftotext "$tmp/rc.pdf" - | grep -q "Oujda (same line as Agadir)" || fail "reach-curve: identical lines not said"
pdftotext "$tmp/rc.pdf" - | grep -q "Rabat (same line" && fail "reach-curve: Rabat's distinct line called the same"

# relation layers (issue 15): co-attendance, every tie type, the agreements, chosen types; an
# unknown type names the data's types; the NLC and reach follow the same layers
expect 0 info --quiet --layer formal "$mena"
grep -qF "cooperation graph: 46 actors, 31 links" "$tmp/out" || fail "--layer formal: $(cat "$tmp/out")"
expect 0 info --quiet --layer mou,partnership "$mena"
grep -qF "cooperation graph: 46 actors, 13 links" "$tmp/out" || fail "--layer mou,partnership"
expect 0 info --quiet --layer ties "$mena"
grep -qF "cooperation graph: 46 actors, 41 links" "$tmp/out" || fail "--layer ties"
expect 0 info --quiet --layer events,formal "$mena"
grep -qF "cooperation graph: 46 actors, 333 links" "$tmp/out" || fail "--layer events,formal"
expect 2 info --quiet --layer bogus "$mena"
err_has "unknown layer 'bogus' (expected events, ties, formal, all or a tie type; the data's tie types: membership, mou, partnership"
expect 2 info --quiet --layer events,, "$mena"
err_has "empty layer in 'events,,'"
expect 0 nlc --quiet --table links --layer formal "$mena"
grep -q ',co-attendance$' "$tmp/out" && fail "nlc --layer formal lists a co-attendance link"
expect 0 reach --quiet --from fes --layer mou "$mena"
[ "$(wc -l < "$tmp/out")" -eq 1 ] || fail "reach --layer mou: fes signed no MoU: $(cat "$tmp/out")"

# time windows (issue 15): what surely took place in the window; one of --as-of and --between
expect 0 info --quiet --between 2024-01/2024-12 "$mena"
grep -qF "cooperation graph: 46 actors, 260 links" "$tmp/out" || fail "--between 2024: $(cat "$tmp/out")"
expect 0 info --quiet --between ../2023-12 "$mena"
grep -qF "cooperation graph: 46 actors, 62 links" "$tmp/out" || fail "--between ../2023-12"
expect 0 info --quiet --as-of 2023-12 "$mena"
grep -qF "cooperation graph: 46 actors, 62 links" "$tmp/out" || fail "--as-of 2023-12 differs from --between ../2023-12"
# snapshots in a window: no step before it, and each step counts only what the window holds (the
# 2024 step's degrees are those of centrality --between 2024-01/2024-12)
expect 0 centrality --quiet --between 2024-01/2024-12 --measure degree "$mena"
cp "$tmp/out" "$tmp/window-2024.csv"
expect 0 snapshots --quiet --between 2024/.. --every year --measure degree "$mena"
[ "$(sed -n 2p "$tmp/out" | cut -d, -f1)" = "2024-12-31" ] || fail "snapshots --between 2024/..: a step before the window: $(sed -n 2p "$tmp/out")"
/usr/bin/python3 - "$tmp/out" "$tmp/window-2024.csv" <<'PY' || fail "snapshots --between 2024/..: the 2024 step is not the 2024 window"
import csv, sys
steps = {r["id"]: float(r["value"]) for r in csv.DictReader(open(sys.argv[1])) if r["date"] == "2024-12-31"}
window = {r["id"]: float(r["degree"]) for r in csv.DictReader(open(sys.argv[2]))}
sys.exit(0 if steps == window and sum(window.values()) > 0 else 1)
PY
expect 2 info --quiet --between 2024/.. --as-of 2024 "$mena"
err_has "give --as-of or --between, not both"
expect 2 info --quiet --between 2025 "$mena"
err_has "--between needs FROM/TO"

exit $failed
