#!/bin/bash
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

[ "$failures" -eq 0 ] && echo "batch tests passed"
exit $((failures > 0))
