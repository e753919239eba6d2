#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# CLI tests: exact exit codes and messages of the coopnet command, and what its outputs hold.
set -u
coopnet=$1
source_dir=$2
small=$source_dir/tests/data/small
mena=$source_dir/datasets/mena-hub
work=$(mktemp -d)
trap 'chmod -R u+w "$work"; rm -rf "$work"' EXIT
passed=0
failed=0

# expect NAME STATUS COMMAND...: runs COMMAND, keeps stdout/stderr in $work/out and $work/err
expect() {
    local name=$1 want=$2
    shift 2
    "$@" >"$work/out" 2>"$work/err"
    local got=$?
    if [ "$got" -eq "$want" ]; then
        passed=$((passed + 1))
    else
        failed=$((failed + 1))
        echo "FAILED: $name: exit $got, expected $want"
        sed 's/^/  stderr: /' "$work/err" | head -5
    fi
}

# contains NAME FILE TEXT: FILE contains TEXT
contains() {
    if grep -qF -- "$3" "$2"; then
        passed=$((passed + 1))
    else
        failed=$((failed + 1))
        echo "FAILED: $1: $(basename "$2") does not contain: $3"
        head -5 "$2" | sed 's/^/  /'
    fi
}

# usage and help
expect "no arguments" 2 "$coopnet"
contains "no arguments lists commands" "$work/err" "validate"
expect "help" 0 "$coopnet" help
contains "help lists exit codes" "$work/out" "3    invalid input data"
expect "version" 0 "$coopnet" --version
contains "version" "$work/out" "coopnet "
expect "unknown command" 2 "$coopnet" frobnicate
contains "unknown command message" "$work/err" "coopnet: unknown command 'frobnicate'; see 'coopnet help'"
for command in validate info convert; do
    expect "$command --help" 0 "$coopnet" "$command" --help
    contains "$command --help usage" "$work/out" "usage: coopnet $command"
    contains "$command --help example" "$work/out" "Example:"
    expect "help $command" 0 "$coopnet" help "$command"
done
expect "unknown option" 2 "$coopnet" validate --frobnicate "$small"
contains "unknown option message" "$work/err" "coopnet validate: unknown option '--frobnicate'"
contains "unknown option points to help" "$work/err" "Try 'coopnet validate --help'"
expect "missing argument" 2 "$coopnet" validate
expect "bad layer" 2 "$coopnet" info --layer both "$small"
contains "bad layer message" "$work/err" "unknown layer 'both' (expected events, ties, formal, all or a tie type; the data's tie types: "
expect "bad as-of" 2 "$coopnet" info --as-of 2024/01/01 "$small"
contains "bad as-of message" "$work/err" "invalid date '2024/01/01'"
expect "unknown exclude" 2 "$coopnet" info --exclude nobody "$small"
contains "unknown exclude message" "$work/err" "unknown actor 'nobody' among the actors to exclude"

# validate
expect "validate small" 0 "$coopnet" validate "$small"
contains "validate summary" "$work/out" "ok: 6 actors, 3 events, 9 participations, 2 ties (1 warning)"
contains "validate warning" "$work/err" "events.csv:4: warning: event 'w3' is undated"
expect "validate quiet" 0 "$coopnet" validate --quiet "$small"
[ -s "$work/err" ] && { failed=$((failed + 1)); echo "FAILED: --quiet printed warnings"; } || passed=$((passed + 1))
expect "validate mena" 0 "$coopnet" validate --quiet "$mena"
expect "validate davis" 0 "$coopnet" validate --quiet "$source_dir/datasets/davis-southern-women"
expect "validate missing" 1 "$coopnet" validate "$work/nonexistent"
contains "missing bundle message" "$work/err" "coopnet: cannot read '$work/nonexistent': No such file or directory"
echo "not a bundle" > "$work/file.txt"
expect "validate a plain file" 2 "$coopnet" validate "$work/file.txt"

# info
expect "info" 0 "$coopnet" info --quiet "$small"
contains "info actors" "$work/out" "actors: 6"
contains "info levels" "$work/out" "by level: local 2, national 2, international 1, regional 1"
contains "info graph" "$work/out" "cooperation graph: 6 actors, 9 links, density 0.6000"
expect "info filtered" 0 "$coopnet" info --quiet --exclude hub --level local,national "$small"
contains "info filtered graph" "$work/out" "cooperation graph: 4 actors, 4 links"

# convert: each format, readable by other tools
expect "convert edge list" 0 "$coopnet" convert --quiet "$small" -o "$work/edges.csv"
contains "edge list header" "$work/edges.csv" "from,to,weight,events,ties"
contains "edge list tie and event" "$work/edges.csv" "rabat,fes,3,1,1"
expect "convert gexf" 0 "$coopnet" convert --quiet "$mena" -o "$work/mena.gexf"
expect "gexf is valid GEXF 1.3" 0 xmllint --noout --relaxng "$source_dir/tests/data/gexf-1.3-subset.rng" "$work/mena.gexf"
expect "convert graphml" 0 "$coopnet" convert --quiet "$mena" -o "$work/mena.graphml"
expect "graphml is well-formed" 0 xmllint --noout "$work/mena.graphml"
if [ -x /usr/bin/python3 ] && /usr/bin/python3 -c "import networkx, igraph" 2>/dev/null; then
    links=$("$coopnet" info --quiet "$mena" | sed -n 's/^cooperation graph: \([0-9]*\) actors, \([0-9]*\) links.*/\1 \2/p')
    expect "graphml opens in networkx and python-igraph" 0 /usr/bin/python3 -c "
import sys, networkx, igraph
g = networkx.read_graphml('$work/mena.graphml'); h = igraph.Graph.Read_GraphML('$work/mena.graphml')
want = '$links'
got = '%d %d' % (g.number_of_nodes(), g.number_of_edges())
assert got == want and h.vcount() == g.number_of_nodes() and h.ecount() == g.number_of_edges(), (got, want)
assert g.nodes['fes']['level'] == 'local' and g.nodes['fes']['name_fr'] == 'F\u00e8s'
"
    expect "graphml reads back as input" 0 "$coopnet" info --quiet "$work/mena.graphml"
    contains "graphml input keeps the graph" "$work/out" "cooperation graph: $(echo "$links" | cut -d' ' -f1) actors, $(echo "$links" | cut -d' ' -f2) links"
fi
expect "convert pajek" 0 "$coopnet" convert --quiet "$small" -o "$work/small.net"
contains "pajek vertices" "$work/small.net" "*Vertices 6"
expect "convert unknown format" 2 "$coopnet" convert "$small" -o "$work/out.xlsx"
contains "unknown format message" "$work/err" "unknown output format '.xlsx'"
expect "convert without -o" 2 "$coopnet" convert "$small"
expect "convert to stdout" 0 "$coopnet" convert --quiet "$small" --format net
contains "pajek on stdout" "$work/out" "*Edges"

# outputs are atomic: a failure leaves an existing file untouched and no temporary behind
echo "precious" > "$work/keep.csv"
expect "invalid data keeps output" 3 "$coopnet" convert "$source_dir/tests/data/bad/bad-date" -o "$work/keep.csv"
contains "existing output untouched" "$work/keep.csv" "precious"
expect "write to /dev/full" 1 "$coopnet" convert --quiet "$small" --format csv -o /dev/full
contains "disk full message" "$work/err" "cannot write '/dev/full': No space left on device"
mkdir "$work/readonly"
echo "old" > "$work/readonly/edges.csv"
chmod a-w "$work/readonly"
if [ "$(id -u)" -ne 0 ]; then
    expect "write into read-only directory" 1 "$coopnet" convert --quiet "$small" -o "$work/readonly/edges.csv"
    contains "read-only message" "$work/err" "cannot write '$work/readonly/edges.csv'"
fi
contains "read-only output untouched" "$work/readonly/edges.csv" "old"
expect "missing directory" 1 "$coopnet" convert --quiet "$small" -o "$work/no/such/dir/x.csv"
contains "missing directory message" "$work/err" "cannot write '$work/no/such/dir/x.csv': No such file or directory"
leftovers=$(find "$work" -name '.coopnet-*' | wc -l)
[ "$leftovers" -eq 0 ] && passed=$((passed + 1)) || { failed=$((failed + 1)); echo "FAILED: temporary files left: $leftovers"; }

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
