#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The memory budget (--memory-limit, issue 18): large structures refused up front from an
# estimate, exit 1 with the estimate and the limit; the CSV reader's memory bounded by its
# documented limits whatever the input. usage: memory_limit.sh COOPNET
coopnet=$1
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# expect STATUS COMMAND...: runs it, keeps stdout in $out and stderr in $err
expect() {
    local status=$1
    shift
    out=$("$@" 2>"$tmp/err")
    local got=$?
    err=$(cat "$tmp/err")
    [ "$got" = "$status" ] || fail "exit $got (expected $status): $*: $err"
}
contains() { case "$1" in *"$2"*) ;; *) fail "'$2' not in: $1" ;; esac; }

# Without the budget a wrong build would try to allocate tens of GiB: cap the address space
# (not under AddressSanitizer, which reserves terabytes of it).
if grep -q __asan_init "$coopnet" 2>/dev/null; then
    limited() { "$@"; }
else
    limited() { (ulimit -v 3000000 && "$@"); }
fi

# one_event DIR N: N local actors who all attend one event
one_event() {
    mkdir -p "$1"
    {
        echo "id,name,level"
        seq 1 "$2" | sed 's/.*/a&,Actor &,local/'
    } >"$1/actors.csv"
    printf 'id,title,date\ne1,Conference,2024-05-01\n' >"$1/events.csv"
    {
        echo "event,actor"
        seq 1 "$2" | sed 's/.*/e1,a&/'
    } >"$1/participation.csv"
}

# one event of 50 000 participants: 1 249 975 000 links, refused before building anything
one_event "$tmp/big" 50000
expect 1 limited "$coopnet" info "$tmp/big"
contains "$err" "coopnet: the cooperation graph (50000 actors, up to 1249975000 links: its largest event has 50000 participants) needs 149.01 GiB, over the memory limit 1.50 GiB: raise --memory-limit to allow it"
[ -z "$out" ] || fail "output despite the refusal: $out"
expect 1 limited "$coopnet" centrality "$tmp/big" --memory-limit 4G -o "$tmp/c.csv"
contains "$err" "needs 149.01 GiB, over the memory limit 4.00 GiB"
[ ! -e "$tmp/c.csv" ] || fail "an output after the refusal"
expect 1 limited "$coopnet" render "$tmp/big" -o "$tmp/big.png" --quiet
contains "$err" "over the memory limit 1.50 GiB"
expect 1 limited "$coopnet" report "$tmp/big" -o "$tmp/big.pdf" --quiet --memory-limit 2G
contains "$err" "over the memory limit 2.00 GiB"
[ ! -e "$tmp/big.pdf" ] || fail "a report after the refusal"
# the event layer alone too; the ties layer has no link to fear
expect 1 limited "$coopnet" nlc "$tmp/big" --layer events --quiet
expect 0 limited "$coopnet" info "$tmp/big" --layer ties --quiet

# 2 000 participants: 1 999 000 links of 128 bytes at most, 255 872 000 bytes: a budget just
# big enough builds the graph, a byte less is refused
one_event "$tmp/mid" 2000
expect 0 "$coopnet" info "$tmp/mid" --memory-limit 255872000 --quiet
contains "$out" "cooperation graph: 2000 actors, 1999000 links"
expect 1 "$coopnet" info "$tmp/mid" --memory-limit 255871999 --quiet
contains "$err" "needs 255872000 bytes, over the memory limit 255871999 bytes"
# the bound counts actors once per neighbour: excluding actors shrinks it
expect 0 "$coopnet" info "$tmp/mid" --memory-limit 255872000 --exclude a1,a2 --quiet
# bad sizes are usage errors
expect 2 "$coopnet" info "$tmp/mid" --memory-limit lots
contains "$err" "--memory-limit needs a size such as 800M or 2G, not 'lots'"

# snapshots: the values of every step are budgeted (years typed 1023 for 2023 make 12 000
# monthly steps)
mkdir -p "$tmp/old"
cp "$tmp/mid/actors.csv" "$tmp/old/"
printf 'id,title,date\ne1,Conference,1023-05-01\ne2,Workshop,2024-05-01\n' >"$tmp/old/events.csv"
{
    echo "event,actor"
    seq 1 200 | sed 's/.*/e1,a&/'
    seq 100 300 | sed 's/.*/e2,a&/'
} >"$tmp/old/participation.csv"
expect 1 "$coopnet" snapshots "$tmp/old" --every month --memory-limit 100M --quiet
contains "$err" "snapshots of"
contains "$err" "over the memory limit 100.0 MiB: raise --memory-limit"

# batch: a job's key and batch's --memory-limit for jobs without one
cat >"$tmp/jobs.txt" <<EOF
[own]
command = info
bundle = mid
memory-limit = 8G

[default]
command = info
bundle = mid

[no-graph]
command = validate
bundle = mid
EOF
expect 1 "$coopnet" batch --keep-going --memory-limit 255871999 "$tmp/jobs.txt"
contains "$err" "the cooperation graph (2000 actors"
echo "$err" | grep -q "own.*cooperation graph" && fail "the job's own key was overridden: $err"
expect 0 "$coopnet" batch --memory-limit 255872000 --quiet "$tmp/jobs.txt"
expect 0 "$coopnet" batch --quiet "$tmp/jobs.txt"

# ---- the CSV reader: memory bounded by its documented limits -----------------------------
# a record of 20 MB of commas: refused at field 16 385 with FILE:LINE, within a small address
# space (a field record per comma took 8 bytes a comma and ran out of it)
mkdir -p "$tmp/commas"
{
    echo "id,name,level"
    printf 'a,A,local'
    head -c 20000000 /dev/zero | tr '\0' ','
    echo
} >"$tmp/commas/actors.csv"
printf 'id,title,date\n' >"$tmp/commas/events.csv"
printf 'event,actor\n' >"$tmp/commas/participation.csv"
if grep -q __asan_init "$coopnet" 2>/dev/null; then
    expect 3 "$coopnet" validate "$tmp/commas" --quiet
else
    expect 3 bash -c 'ulimit -v 250000 && exec "$0" validate "$1" --quiet' "$coopnet" "$tmp/commas"
fi
contains "$err" "actors.csv:2: error: record with more than 16384 fields (a spreadsheet's most columns)"

# 100 000 named columns: the header is refused (the extra values took 8 bytes a cell)
mkdir -p "$tmp/wide"
{
    printf 'id,name,level'
    seq 1 100000 | sed 's/^/,c/' | tr -d '\n'
    echo
    printf 'a1,A,local'
    head -c 100000 /dev/zero | tr '\0' ','
    echo
} >"$tmp/wide/actors.csv"
printf 'id,title,date\n' >"$tmp/wide/events.csv"
printf 'event,actor\n' >"$tmp/wide/participation.csv"
expect 3 "$coopnet" validate "$tmp/wide" --quiet
contains "$err" "actors.csv:1: error: record with more than 16384 fields"

# widest_sheet ROWS: actors.csv of 16 384 columns (id, name, level and 16 381 extra ones) with
# ROWS rows whose extra cells are empty
widest_sheet() {
    printf 'id,name,level'
    seq 4 16384 | sed 's/^/,c/' | tr -d '\n'
    echo
    local commas
    commas=$(head -c 16381 /dev/zero | tr '\0' ',')
    for row in $(seq 1 "$1"); do
        printf 'a%d,A,local%s\n' "$row" "$commas"
    done
}

# 16 384 fields are read: the limit itself is accepted
widest_sheet 1 >"$tmp/wide/actors.csv"
expect 0 "$coopnet" validate "$tmp/wide" --quiet

# the cells of extra columns (8 bytes each, whatever their text): rows of 16 384 empty fields
# reach the bound of 2^26 cells at row 4 097 (line 4 098): refused there with FILE:LINE and
# exit 3, within 1 GB of address space (69 MB of commas took 8 times their size before)
widest_sheet 4200 >"$tmp/wide/actors.csv"
if grep -q __asan_init "$coopnet" 2>/dev/null; then
    expect 3 "$coopnet" validate "$tmp/wide" --quiet
else
    expect 3 bash -c 'ulimit -v 1000000 && exec "$0" validate "$1" --quiet' "$coopnet" "$tmp/wide"
fi
contains "$err" "actors.csv:4098: error: the 16381 columns coopnet does not define hold more than 67108864 cells"
rm -f "$tmp/wide/actors.csv"

# the image of a figure: a PNG canvas (4 bytes a pixel), or the image a dense network is painted
# as in a PDF; a vector chart that draws no network is not counted
mena=$(dirname "$0")/../datasets/mena-hub
expect 1 "$coopnet" render --quiet "$mena" -o "$tmp/big.png" --width 8000 --height 8000 \
    --memory-limit 100M
contains "$err" "the 8000x8000-pixel image of the figure needs 244.1 MiB, over the memory limit 100.0 MiB"
[ ! -e "$tmp/big.png" ] || fail "a refused figure was written"
expect 1 "$coopnet" chart snapshots --quiet "$mena" -o "$tmp/big.pdf" --width 5000 \
    --height 5000 --memory-limit 100M
expect 0 "$coopnet" chart ranking --quiet "$mena" -o "$tmp/big.pdf" --width 5000 --height 5000 \
    --memory-limit 100M
expect 0 "$coopnet" render --quiet "$mena" -o "$tmp/small.png" --memory-limit 100M

[ "$failures" = 0 ] || {
    echo "$failures failure(s)" >&2
    exit 1
}
echo "memory_limit: all passed"
