#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# GraphML input as strict as the CSV loader, with FILE:LINE (issue 18): igraph's reader created
# an actor for an edge to an undeclared node, merged duplicate node ids, ignored a second
# <graph> and hyperedges, and every message had no line. Each case must exit 3 with its message.
# usage: graphml_strict.sh COOPNET
coopnet=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failed=0
fail() { echo "FAILED: $*" >&2; failed=1; }

# graphml NAME BODY: a GraphML file of BODY (line 3 onwards)
graphml() {
    printf '<?xml version="1.0"?>\n<graphml xmlns="http://graphml.graphdrawing.org/xmlns">\n' >"$tmp/$1.graphml"
    printf '%s\n' "$2" >>"$tmp/$1.graphml"
    printf '</graphml>\n' >>"$tmp/$1.graphml"
}
# expect_error NAME MESSAGE: validate exits 3 and prints MESSAGE
expect_error() {
    "$coopnet" validate "$tmp/$1.graphml" >/dev/null 2>"$tmp/err"
    local status=$?
    [ "$status" -eq 3 ] || fail "$1: exit $status, expected 3: $(cat "$tmp/err")"
    grep -qF -- "$2" "$tmp/err" || fail "$1: stderr lacks '$2': $(cat "$tmp/err")"
}

graphml undeclared '<graph edgedefault="undirected">
<node id="a"/><node id="b"/>
<edge source="a" target="b"/>
<edge source="a" target="ghost"/>
</graph>'
expect_error undeclared "undeclared.graphml:6: error: edge target 'ghost' is not a declared <node>"

graphml duplicate '<graph edgedefault="undirected">
<node id="a"/>
<node id="b"/>
<node id="a"/>
<edge source="a" target="b"/>
</graph>'
expect_error duplicate "duplicate.graphml:6: error: duplicate node id 'a' (first on line 4)"

graphml second-graph '<graph edgedefault="undirected">
<node id="a"/><node id="b"/><edge source="a" target="b"/>
</graph>
<graph edgedefault="undirected">
<node id="c"/>
</graph>'
expect_error second-graph "second-graph.graphml:6: error: a second <graph> (the first is on line 3)"

graphml hyperedge '<graph edgedefault="undirected">
<node id="a"/><node id="b"/><node id="c"/>
<edge source="a" target="b"/>
<hyperedge><endpoint node="a"/><endpoint node="b"/><endpoint node="c"/></hyperedge>
</graph>'
expect_error hyperedge "hyperedge.graphml:6: error: <hyperedge>: hyperedges are not supported"

# the errors igraph's reader leaves to coopnet now carry the line of the node or edge
graphml weight '<key id="w" for="edge" attr.name="weight" attr.type="double"/>
<graph edgedefault="undirected">
<node id="a"/><node id="b"/><node id="c"/>
<edge source="a" target="b"><data key="w">2</data></edge>
<edge source="b" target="c"><data key="w">-1</data></edge>
</graph>'
expect_error weight "weight.graphml:7: error: edge 1 ("
grep -qF "weight '-1' is not a positive number" "$tmp/err" || fail "weight: $(cat "$tmp/err")"

# a valid file still loads
graphml valid '<graph edgedefault="undirected">
<edge source="a" target="b"/>
<node id="a"/><node id="b"/>
</graph>'
"$coopnet" validate "$tmp/valid.graphml" >/dev/null 2>"$tmp/err" || fail "valid: $(cat "$tmp/err")"

exit $failed
