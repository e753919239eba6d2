#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Failures that lose nothing (issue 10): a full disk, a read-only directory, SIGINT and SIGTERM
# while an output file is being written. Each must exit with its documented status and a reason,
# leave no temporary file, and leave an existing output file exactly as it was.
# Usage: output_failures.sh COOPNET_BINARY SOURCE_DIR
set -u
coopnet=$1
source_dir=$2
dataset=$source_dir/datasets/mena-hub
failures=0
work=$(mktemp -d)
chmod 755 "$work"
trap 'chmod -R u+w "$work"; rm -rf "$work"' EXIT

fail() {
    echo "FAILED: $*" >&2
    failures=$((failures + 1))
}

# expect STATUS FRAGMENT COMMAND...: runs the command, checks its exit status and its stderr
expect() {
    local status=$1 fragment=$2
    shift 2
    "$@" >"$work/stdout" 2>"$work/stderr"
    local got=$?
    [ "$got" -eq "$status" ] || fail "$* exited $got, expected $status: $(cat "$work/stderr")"
    grep -qF -- "$fragment" "$work/stderr" || fail "$*: stderr lacks '$fragment': $(cat "$work/stderr")"
}

no_temporaries() { # no_temporaries DIR WHAT
    local left
    left=$(find "$1" -maxdepth 1 -name '.coopnet-*' | wc -l)
    [ "$left" -eq 0 ] || fail "$2: $left temporary file(s) left in $1"
}

# --- disk full: /dev/full is a device, written directly, and every write fails (convert takes
# the format from the extension, so through a link named .csv)
ln -s /dev/full "$work/full.csv"
expect 1 "cannot write '$work/full.csv': No space left on device" \
    "$coopnet" convert --quiet "$dataset" -o "$work/full.csv"

# --- disk full for a regular file (a file size limit: writes fail with EFBIG): the existing
# output stays untouched and no temporary is left
mkdir "$work/out"
echo "previous result" >"$work/out/graph.graphml"
cp "$work/out/graph.graphml" "$work/previous"
expect 1 "cannot write '$work/out/graph.graphml'" \
    bash -c 'trap "" XFSZ; ulimit -f 4; exec "$@"' limit "$coopnet" convert --quiet "$dataset" \
    -o "$work/out/graph.graphml"
cmp -s "$work/out/graph.graphml" "$work/previous" || fail "file size limit: existing output changed"
no_temporaries "$work/out" "file size limit"

# --- a read-only directory: as root permissions do not apply, so drop to nobody
mkdir "$work/readonly"
echo "previous result" >"$work/readonly/graph.csv"
chmod 555 "$work/readonly"
as_user=()
if [ "$(id -u)" -eq 0 ]; then
    if command -v setpriv >/dev/null; then
        # nobody must reach the binary and the data: copy both into the world-readable work dir
        cp "$coopnet" "$work/coopnet" && cp -r "$dataset" "$work/dataset"
        chmod -R a+rX "$work/coopnet" "$work/dataset"
        as_user=(setpriv --reuid=65534 --regid=65534 --clear-groups)
        coopnet_ro=$work/coopnet
        dataset_ro=$work/dataset
    else
        echo "skipped: read-only directory (root without setpriv)" >&2
    fi
else
    coopnet_ro=$coopnet
    dataset_ro=$dataset
fi
if [ "$(id -u)" -ne 0 ] || [ ${#as_user[@]} -gt 0 ]; then
    expect 1 "Permission denied" "${as_user[@]}" "$coopnet_ro" convert --quiet "$dataset_ro" \
        -o "$work/readonly/graph.csv"
    grep -qx "previous result" "$work/readonly/graph.csv" || fail "read-only: existing output changed"
    no_temporaries "$work/readonly" "read-only directory"
fi

# --- a directory that does not exist
expect 1 "cannot write '$work/missing/graph.csv'" \
    "$coopnet" convert --quiet "$dataset" -o "$work/missing/graph.csv"

# --- SIGINT and SIGTERM while the output is being written. A bundle of 1500 actors at one
# event gives a graph of 1.1 million edges, so writing takes long enough to be caught: the test
# waits until the temporary file exists, then sends the signal. No timed assertion: if the run
# ends first, the test says so and the signal case is retried with a bigger bundle.
make_big_bundle() { # make_big_bundle DIR N_ACTORS
    mkdir -p "$1"
    awk -v n="$2" 'BEGIN { print "id,name,level"; for (i = 0; i < n; i++) print "a" i ",A" i ",local" }' \
        >"$1/actors.csv"
    printf 'id,title,date\ne,E,2024-01-01\n' >"$1/events.csv"
    awk -v n="$2" 'BEGIN { print "event,actor"; for (i = 0; i < n; i++) print "e,a" i }' \
        >"$1/participation.csv"
}

interrupt_while_writing() { # interrupt_while_writing SIGNAL STATUS
    local signal=$1 status=$2 size pid seen got
    mkdir -p "$work/signal"
    echo "previous result" >"$work/signal/edges.csv"
    for size in 1500 3000 6000; do
        make_big_bundle "$work/big$size" "$size"
        "$coopnet" convert --quiet "$work/big$size" -o "$work/signal/edges.csv" 2>"$work/stderr" &
        pid=$!
        seen=0
        while kill -0 "$pid" 2>/dev/null; do
            if [ -n "$(find "$work/signal" -maxdepth 1 -name '.coopnet-*' -print -quit)" ]; then
                seen=1
                kill -s "$signal" "$pid"
                break
            fi
            sleep 0.01
        done
        wait "$pid"
        got=$?
        if [ $seen -eq 1 ]; then
            [ "$got" -eq "$status" ] || fail "SIG$signal: exit $got, expected $status"
            grep -qx "previous result" "$work/signal/edges.csv" ||
                fail "SIG$signal: existing output changed"
            no_temporaries "$work/signal" "SIG$signal"
            return
        fi
        echo "SIG$signal: convert of $size actors ended before its output was seen; retrying" >&2
    done
    fail "SIG$signal: never caught convert while it was writing"
}
interrupt_while_writing INT 130
interrupt_while_writing TERM 143
interrupt_while_writing HUP 129
interrupt_while_writing QUIT 131

# --- over the file size limit (ulimit -f): write() fails with EFBIG, the run exits 1 with a
# reason and removes its temporary (SIGXFSZ used to kill it and leave the temporary)
echo "previous result" >"$work/signal/edges.csv"
(ulimit -f 64 && exec "$coopnet" convert --quiet "$work/big1500" -o "$work/signal/edges.csv") \
    2>"$work/stderr"
got=$?
[ "$got" -eq 1 ] || fail "over the file size limit: exit $got, expected 1"
grep -q "File too large" "$work/stderr" || fail "file size limit: no reason: $(cat "$work/stderr")"
grep -qx "previous result" "$work/signal/edges.csv" || fail "file size limit: output changed"
no_temporaries "$work/signal" "file size limit"

# --- closed standard descriptors (2>&- under cron): messages must not land in the output, which
# the first opened file (the temporary) would otherwise be; a closed or full stdout fails the run
"$coopnet" centrality "$dataset" -o "$work/closed.csv" 2>&-
got=$?
[ "$got" -eq 0 ] || fail "stderr closed: exit $got"
head -n 1 "$work/closed.csv" | grep -q '^id,name,' || fail "stderr closed: the CSV does not start with its header"
grep -q 'coopnet\|warning' "$work/closed.csv" && fail "stderr closed: messages written into the CSV"
"$coopnet" report "$dataset" -o "$work/closed.pdf" 2>&-
[ "$(head -c 5 "$work/closed.pdf")" = "%PDF-" ] || fail "stderr closed: the PDF does not start with %PDF-"
for command in "info $dataset" "validate $dataset" "help" "help centrality" "--version"; do
    # shellcheck disable=SC2086
    "$coopnet" $command >/dev/full 2>"$work/stderr"
    got=$?
    [ "$got" -eq 1 ] || fail "$command >/dev/full: exit $got, expected 1"
    grep -q "cannot write standard output: No space left on device" "$work/stderr" ||
        fail "$command >/dev/full: no reason: $(cat "$work/stderr")"
    # shellcheck disable=SC2086
    "$coopnet" $command >&- 2>/dev/null
    got=$?
    [ "$got" -eq 1 ] || fail "$command with stdout closed: exit $got, expected 1"
done

if [ $failures -gt 0 ]; then
    echo "$failures failure(s)" >&2
    exit 1
fi
echo "all output failure checks passed"
