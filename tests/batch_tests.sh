#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# coopnet batch: a failing job stops the batch (exit 1, later jobs skipped); --keep-going runs
# the rest; paths are relative to the job file; an invalid job file exits 3 naming file:line.
# usage: batch_tests.sh COOPNET SOURCE_DIR
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

expect_status() { # expected actual what
    [ "$1" = "$2" ] || fail "$3: exit status $2, expected $1"
}

expect_grep() { # pattern file what
    grep -q -- "$1" "$2" || { fail "$3: no '$1' in:"; cat "$2" >&2; }
}

mkdir -p "$work/jobs"
ln -s "$source_dir/datasets/mena-hub" "$work/jobs/mena"
cat >"$work/jobs/jobs.ini" <<'INI'
[defaults]
bundle = mena
quiet = true

[first]
command = convert
output = out/first.graphml

[broken]
command = convert
output = out/broken.unknown

[last]
command = convert
output = out/nested/last.csv
INI

# run from another directory: the paths must be relative to the job file
cd "$work"
"$coopnet" batch jobs/jobs.ini >"$work/stdout" 2>"$work/stderr"
expect_status 1 $? "batch with a failing job"
expect_grep '^broken  *failed (2)' "$work/stdout" "failing job in the table"
expect_grep '^last  *skipped' "$work/stdout" "skipped job in the table"
expect_grep '^first  *ok .*jobs/out/first.graphml' "$work/stdout" "ok job in the table"
expect_grep "^\[broken\] coopnet convert: unknown output format '.unknown'" "$work/stderr" \
    "failing job's message"
[ -s jobs/out/first.graphml ] || fail "first job's output missing"
[ -e jobs/out/nested/last.csv ] && fail "skipped job's output exists"

rm -rf jobs/out
"$coopnet" batch --keep-going --jobs 2 jobs/jobs.ini >"$work/stdout" 2>"$work/stderr"
expect_status 1 $? "batch --keep-going with a failing job"
expect_grep '^last  *ok .*jobs/out/nested/last.csv' "$work/stdout" "--keep-going runs the rest"
[ -s jobs/out/first.graphml ] || fail "--keep-going: first output missing"
[ -s jobs/out/nested/last.csv ] || fail "--keep-going: last output missing"
ls jobs/out | grep -q tmp && fail "a temporary file was left behind"

# all jobs succeed: exit 0
cat >"$work/jobs/good.ini" <<'INI'
[one]
command = convert
bundle = mena
output = out/one.net
[two]
command = validate
args = mena
INI
"$coopnet" batch -j 2 --quiet jobs/good.ini >"$work/stdout" 2>"$work/stderr"
expect_status 0 $? "batch of good jobs"
[ -s jobs/out/one.net ] || fail "good batch: output missing"
[ -s "$work/stderr" ] && { fail "good quiet batch wrote on stderr:"; cat "$work/stderr" >&2; }

# invalid job files and usage errors
printf '[x]\ncommand = frobnicate\n' >"$work/unknown.ini"
"$coopnet" batch "$work/unknown.ini" >/dev/null 2>"$work/stderr"
expect_status 3 $? "unknown command"
expect_grep "unknown.ini:1: error: job 'x': unknown command 'frobnicate'" "$work/stderr" \
    "unknown command message"
printf '[x]\ncommand = batch\n' >"$work/recursive.ini"
"$coopnet" batch "$work/recursive.ini" >/dev/null 2>"$work/stderr"
expect_status 3 $? "recursive batch"
printf '[x]\ncommand = info\nnot a key\n' >"$work/shape.ini"
"$coopnet" batch "$work/shape.ini" >/dev/null 2>"$work/stderr"
expect_status 3 $? "malformed job file"
expect_grep "shape.ini:3: error: expected 'key = value'" "$work/stderr" "malformed message"
"$coopnet" batch "$work/missing.ini" >/dev/null 2>"$work/stderr"
expect_status 1 $? "missing job file"
"$coopnet" batch --jobs 0 jobs/good.ini >/dev/null 2>"$work/stderr"
expect_status 2 $? "--jobs 0"
"$coopnet" batch >/dev/null 2>&1
expect_status 2 $? "no job file"
"$coopnet" batch --help >"$work/stdout"
expect_status 0 $? "--help"
expect_grep "keep-going" "$work/stdout" "help text"

# Ctrl-C while two long reports run in parallel: the batch passes the signal on to its jobs,
# waits for them and exits 130; no job leaves a temporary file or touches an existing output.
# The signal goes once both jobs have opened their output (a generated bundle of 1500 actors
# keeps a report busy for seconds), so no timing is involved.
"$coopnet" generate --quiet -o "$work/jobs/big" --actors 1500 --events 1500 --seed 3
mkdir -p "$work/jobs/long"
echo "previous report" >"$work/jobs/long/one.pdf"
cat >"$work/jobs/long.ini" <<'INI'
[defaults]
command = report
bundle = big
quiet = true
[one]
output = long/one.pdf
[two]
output = long/two.pdf
INI
temporaries() { find "$work/jobs/long" -maxdepth 1 -name '.coopnet-*' | wc -l; }
"$coopnet" batch --quiet --jobs 2 jobs/long.ini >"$work/stdout" 2>"$work/stderr" &
pid=$!
seen=0
children=""
while kill -0 "$pid" 2>/dev/null; do
    if [ "$(temporaries)" -ge 2 ]; then
        seen=1
        children=$(pgrep -P "$pid")
        kill -s INT "$pid"
        break
    fi
    sleep 0.01
done
wait "$pid"
status=$?
[ $seen -eq 1 ] || fail "batch SIGINT: the jobs ended before both outputs were opened"
expect_status 130 $status "batch interrupted by SIGINT"
[ -n "$children" ] || fail "batch SIGINT: no running job found"
for child in $children; do
    kill -0 "$child" 2>/dev/null && fail "batch SIGINT: job process $child still runs"
done
grep -qx "previous report" "$work/jobs/long/one.pdf" || fail "batch SIGINT: existing output changed"
[ -e "$work/jobs/long/two.pdf" ] && fail "batch SIGINT: an interrupted job left its output"
[ "$(temporaries)" -eq 0 ] || fail "batch SIGINT: temporary files left"

[ "$failures" -eq 0 ] && echo "batch tests passed"
exit $((failures > 0))
