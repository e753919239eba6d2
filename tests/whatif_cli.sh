#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# CLI checks of `coopnet whatif`: the before/after table on the Tunisia-Jordan bundle worked by
# hand, the MENA hub's withdrawal, the ranking, formats, exact exit codes and messages.
# usage: whatif_cli.sh COOPNET SOURCE_DIR
coopnet=$1
mena=$2/datasets/mena-hub
tnjo=$2/tests/data/tn-jo
bad=$2/tests/data/bad/bad-date
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
has_line() { grep -qxF -- "$1" "$tmp/out" || fail "output lacks the line '$1'"; }
err_is() { [ "$(cat "$tmp/err")" = "$1" ] || fail "stderr '$(cat "$tmp/err")', expected '$1'"; }
err_has() { grep -qF -- "$1" "$tmp/err" || fail "stderr lacks '$1': $(cat "$tmp/err")"; }

# The hub withdraws with its three events. By hand (tests/data/tn-jo): before, the Tunis and
# Amman workshops are cliques of 9 (36 + 35 links, the hub-donor pair counted once), the peer
# exchange adds the 3 x 3 pairs across the countries, the peer-learning tie tn_fnct-jo_assoc 1:
# 81 links. After: the ministry's visit (a clique of 4: 6), the association's meeting (3), the
# three ties (3): 12 links; one component of 9 (both countries' national bodies, tunis, sfax,
# amman, irbid, the donor) and the 6 other cities alone: 7 components,
# F = 1 - 9 * 8 / (15 * 14) = 0.6571428571. NLC national-local: TN 2 x 5 = 10 before, 4 after
# (tn_mal and tn_fnct with tunis and sfax); JO 10 before, 3 after (jo_assoc-amman, jo_assoc-irbid,
# jo_mola-irbid); the whole network adds the 4 pairs across countries of the exchange before.
expect 0 whatif --quiet "$tnjo" --without hub
cat >"$tmp/expected" <<'TABLE'
measure,subject,before,after,change
actors,*,16,15,-1
links,*,81,12,-69
events,*,5,2,-3
components,*,1,7,6
largest_component,*,16,9,-7
isolated,*,0,6,6
isolated_local,*,0,6,6
isolated_regional,*,0,0,0
isolated_national,*,0,0,0
isolated_international,*,0,0,0
fragmentation,*,0,0.6571428571,0.6571428571
national_local_links,*,24,7,-17
national_regional_links,*,0,0,0
national_local_links,JO,10,3,-7
national_regional_links,JO,0,0,0
national_local_links,TN,10,4,-6
national_regional_links,TN,0,0,0
actors,hub,1,0,-1
events,tunis_workshop,1,0,-1
events,amman_workshop,1,0,-1
events,regional_exchange,1,0,-1
isolated,sousse,0,1,1
isolated,kairouan,0,1,1
isolated,bizerte,0,1,1
isolated,zarqa,0,1,1
isolated,aqaba,0,1,1
isolated,salt,0,1,1
TABLE
# the graph rows as worked out above; then the reach rows: an isolated city reaches no one after
head -n "$(wc -l <"$tmp/expected")" "$tmp/out" | cmp -s - "$tmp/expected" ||
    fail "tn-jo --without hub: $(diff "$tmp/expected" "$tmp/out")"
has_line "out_reach_certain,sousse,15,0,-15"
has_line "out_reach_possible,salt,12,0,-12"
[ ! -s "$tmp/err" ] || fail "--quiet printed '$(cat "$tmp/err")'"

# --keep-events: only the hub goes (81 - its 15 links), the network stays in one piece
expect 0 whatif --quiet "$tnjo" --without hub --keep-events
has_line "links,*,81,66,-15"
has_line "events,*,5,5,0"
has_line "components,*,1,1,0"
has_line "fragmentation,*,0,0,0"
grep -q '^events,[a-z_]*,1,0' "$tmp/out" && fail "--keep-events dropped an event"
grep -q '^isolated,[a-z_]*,0,1' "$tmp/out" && fail "--keep-events isolated an actor"
# an actor that convened nothing: no event dropped
expect 0 whatif --quiet "$tnjo" --without sousse
has_line "events,*,5,5,0"
has_line "actors,sousse,1,0,-1"
# graph options apply to both graphs: with ties only there is no event to drop
expect 0 whatif --quiet "$tnjo" --without hub --layer ties
has_line "events,*,0,0,0"
has_line "links,*,3,3,0"

# The ranking: only the hub fragments the network; the others share rank 2, in bundle order
expect 0 whatif --quiet "$tnjo" --rank
first_line_is "rank,id,name,level,country,degree,events_dropped,isolated,components,largest_component,fragmentation"
[ "$(sed -n 2p "$tmp/out")" = "1,hub,Regional Hub for Local Governance,international,,15,3,6,7,9,0.6571428571" ] ||
    fail "rank: first row '$(sed -n 2p "$tmp/out")'"
[ "$(sed -n 3p "$tmp/out")" = "2,donor,Donor Agency,international,,15,0,0,1,15,0" ] ||
    fail "rank: second row '$(sed -n 3p "$tmp/out")'"
[ "$(wc -l <"$tmp/out")" -eq 17 ] || fail "rank: expected 16 rows"
expect 0 whatif "$tnjo" --rank --top 2
[ "$(wc -l <"$tmp/out")" -eq 3 ] || fail "--top 2: expected 2 rows"
err_is "coopnet: note: tried the 2 actors of highest degree of 16"
expect 0 whatif --quiet --format json "$tnjo" --rank --top 1
[ "$(cat "$tmp/out")" = '[
{"rank":1,"id":"hub","name":"Regional Hub for Local Governance","level":"international","country":"","degree":15,"events_dropped":3,"isolated":6,"components":7,"largest_component":9,"fragmentation":0.6571428571}
]' ] || fail "json ranking: $(cat "$tmp/out")"

# The MENA hub (datasets/mena-hub): with its 7 events the network falls into 17 pieces
expect 0 whatif --quiet "$mena" --without scn_mena_hub
has_line "actors,*,46,45,-1"
has_line "links,*,333,35,-298"
has_line "events,*,12,5,-7"
has_line "components,*,1,17,16"
has_line "largest_component,*,46,29,-17"
has_line "isolated,*,0,16,16"
has_line "fragmentation,*,0,0.5898989899,0.5898989899"
has_line "national_local_links,MA,15,2,-13"
[ "$(grep -c '^events,.*,1,0,-1$' "$tmp/out")" -eq 7 ] || fail "mena: expected 7 dropped events"
# temporal reach lost, in both readings (issue 15, 19): the hub's events carried most of it
has_line "reach_pairs_certain,*,863,69,-794"
grep -q '^reach_pairs_possible,\*,' "$tmp/out" || fail "mena: no reach_pairs_possible row"
grep -q '^out_reach_certain,fes,33,3,-30$' "$tmp/out" || fail "mena: Fes's certain reach lost"
# ... as --exclude sees it, the hub's workshops still hold it together
expect 0 whatif --quiet "$mena" --without scn_mena_hub --keep-events
has_line "links,*,333,298,-35"
has_line "components,*,1,2,1"
expect 0 whatif --quiet "$mena" --rank --top 3
[ "$(sed -n 2p "$tmp/out" | cut -d, -f1,2)" = "1,scn_mena_hub" ] || fail "mena rank: hub not first"
expect 0 whatif --quiet --format json "$mena" --without scn_mena_hub
head -c 1 "$tmp/out" | grep -q '\[' || fail "json output does not start with ["
expect 0 whatif --quiet "$tnjo" --without hub -o "$tmp/w.csv"
head -n "$(wc -l <"$tmp/expected")" "$tmp/w.csv" | cmp -s - "$tmp/expected" || fail "-o wrote something else"

# Errors: exact statuses and messages
expect 2 whatif --quiet "$tnjo" --without hub,nobody
err_is "coopnet: unknown actor 'nobody' among the actors to withdraw"
expect 2 whatif --quiet "$tnjo" --without hub --exclude nobody
err_is "coopnet: unknown actor 'nobody' among the actors to exclude"
usage="usage: coopnet whatif [OPTIONS] BUNDLE --without ID[,ID...] [--keep-events]
       coopnet whatif [OPTIONS] BUNDLE --rank [--top N]
Try 'coopnet whatif --help' for more information."
expect 2 whatif "$tnjo"
err_is "coopnet whatif: give one of --without and --rank
$usage"
expect 2 whatif "$tnjo" --without hub --rank
err_is "coopnet whatif: give one of --without and --rank
$usage"
expect 2 whatif "$tnjo" --rank --keep-events
err_is "coopnet whatif: --keep-events needs --without
$usage"
expect 2 whatif "$tnjo" --without hub --top 3
err_is "coopnet whatif: --top needs --rank
$usage"
expect 2 whatif "$tnjo" --rank --top 0
err_has "--top needs a whole number >= 1, not '0'"
expect 2 whatif "$tnjo" --without ,
err_has "--without needs actor ids, not ','"
expect 2 whatif --without hub
err_has "expected one BUNDLE"
expect 3 whatif "$bad" --without hub
err_has "3 errors in the data"
[ ! -s "$tmp/out" ] || fail "bad data: something on stdout"
expect 0 whatif --help
grep -qF "measure,subject,before,after,change" "$tmp/out" || fail "--help lacks the table layout"
grep -qF -- "--keep-events" "$tmp/out" || fail "--help lacks --keep-events"

# --exclude keeps the excluded actor's events, and says so (the honest answer needs whatif)
expect 0 centrality "$mena" --exclude scn_mena_hub,fes --measure degree
err_has "coopnet: note: 'scn_mena_hub' is left out, but the 7 events it hosted, organised or facilitated stay in the network; 'coopnet whatif --without scn_mena_hub' removes them too"
err_has "'fes' is left out, but the 2 events it hosted, organised or facilitated stay in the network"
expect 0 centrality "$mena" --exclude scn_mena_hub --measure degree --quiet
[ -s "$tmp/err" ] && fail "a note despite --quiet: $(cat "$tmp/err")"

exit $failed
