#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Valid data with an option that cannot apply (issue 18): the geo layout with no actor it can
# place, a timeline, participation chart, reach curve or snapshots without dated data, temporal
# reach from a bundle with no date. Before, some exited 3 naming no event or actor, and reach,
# reach-curve and snapshots exited 0 (reach-curve printed a day of 1970). Each now exits 3 with
# the events or actors concerned (FILE:LINE 'id') and what to fill in or run.
# usage: option_needs_data.sh COOPNET
coopnet=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failed=0
fail() { echo "FAILED: $*" >&2; failed=1; }

mkdir "$tmp/b"
printf 'id,name,level,country\na,A,local,\nb,B,national,\n' >"$tmp/b/actors.csv"
printf 'id,title,date\ne1,M,\ne2,N,\n' >"$tmp/b/events.csv"
printf 'event,actor\ne1,a\ne1,b\ne2,a\ne2,b\n' >"$tmp/b/participation.csv"

# expect NAME STATUS TEXT... -- ARGS: coopnet ARGS exits STATUS and stderr holds each TEXT
expect() {
    local name=$1 status=$2
    shift 2
    local texts=()
    while [ "$1" != "--" ]; do texts+=("$1"); shift; done
    shift
    "$coopnet" "$@" >"$tmp/out" 2>"$tmp/err"
    local got=$?
    [ "$got" -eq "$status" ] || fail "$name: exit $got, expected $status: $(cat "$tmp/err")"
    for text in "${texts[@]}"; do
        grep -qF -- "$text" "$tmp/err" || fail "$name: stderr lacks '$text': $(cat "$tmp/err")"
    done
}
undated="events.csv:2 'e1', events.csv:3 'e2' are undated: fill their 'date' in events.csv"
expect timeline 3 "$undated" -- render --quiet --layout timeline "$tmp/b" -o "$tmp/t.png"
expect participation 3 "$undated" -- chart participation --quiet "$tmp/b" -o "$tmp/p.png"
expect chart-snapshots 3 "$undated" -- chart snapshots --quiet "$tmp/b" -o "$tmp/s.png"
expect reach-curve-chart 3 "$undated" -- chart reach-curve --quiet "$tmp/b" -o "$tmp/r.png"
expect snapshots 3 "$undated" -- snapshots --quiet "$tmp/b"
expect reach-from 3 "temporal reach needs dated events or ties" "$undated" -- reach --quiet --from a "$tmp/b"
expect reach-all 3 "$undated" -- reach --quiet --all "$tmp/b"
expect reach-curve 3 "$undated" -- reach-curve --quiet "$tmp/b"
grep -q 1970 "$tmp/out" && fail "reach-curve: a day of 1970"
# geo: no coordinates and no country
expect geo 3 "actors.csv:2 'a', actors.csv:3 'b'" "fill 'lat' and 'lon' (decimal degrees) or 'country'" "coopnet geocode $tmp/b" \
    -- render --quiet --layout geo "$tmp/b" -o "$tmp/g.png"
# geo without the map data: the environment, exit 1, and how to install it
COOPNET_MAP_DATA=$tmp/none.nc expect geo-no-map 1 "install Debian's gmt-dcw" "coopnet geocode $tmp/b" \
    -- render --quiet --layout geo "$tmp/b" -o "$tmp/g.png"
# a GraphML file has no events at all
printf '<?xml version="1.0"?>\n<graphml xmlns="http://graphml.graphdrawing.org/xmlns">\n<graph edgedefault="undirected"><node id="a"/><node id="b"/><edge source="a" target="b"/></graph>\n</graphml>\n' >"$tmp/g.graphml"
expect graphml-timeline 3 "it has no event (a GraphML file holds none)" \
    -- render --quiet --layout timeline "$tmp/g.graphml" -o "$tmp/t.png"
ls "$tmp"/*.png 2>/dev/null && fail "an output was written"
exit $failed
