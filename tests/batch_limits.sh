#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# coopnet batch at scale and under attack (issue 18): 600 jobs under a low descriptor limit (each
# job's captured output was kept open to the end: job 508 failed under ulimit -n 1024); a job
# file of 100 000 jobs parses in well under a second (a pairwise duplicate check took 40 s); a
# batch killed with SIGKILL takes its running jobs with it.
# usage: batch_limits.sh COOPNET SOURCE_DIR
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

# --- 600 jobs under ulimit -n 256 ------------------------------------------------------------
ln -s "$source_dir/tests/data/small" "$work/small"
{
    printf '[defaults]\ncommand = info\nbundle = small\nquiet = true\n'
    for i in $(seq 1 600); do printf '[job%d]\n' "$i"; done
} >"$work/many.ini"
(ulimit -n 256 && "$coopnet" batch --jobs 2 "$work/many.ini" >"$work/out" 2>"$work/err")
status=$?
[ "$status" -eq 0 ] || fail "600 jobs under ulimit -n 256: exit $status: $(grep -v '^\[' "$work/err" | head -3)"
[ "$(grep -c '  ok  ' "$work/out")" -eq 600 ] || fail "600 jobs: not all ok: $(grep -c '  ok  ' "$work/out")"

# --- no job inherits a captured-output file: its own stdout/stderr only (close-on-exec) --------
cat >"$work/two.ini" <<'INI'
[defaults]
command = groups
bundle = mena
by = level
permutations = 10000000
[one]
[two]
INI
ln -s "$source_dir/datasets/mena-hub" "$work/mena"
"$coopnet" batch --jobs 2 "$work/two.ini" >/dev/null 2>&1 &
batch_pid=$!
children=""
for _ in $(seq 1 200); do
    children=$(pgrep -P "$batch_pid" | tr '\n' ' ')
    [ "$(echo $children | wc -w)" -ge 2 ] && break
    sleep 0.05
done
sleep 0.2 # both have exec'ed
[ "$(echo $children | wc -w)" -ge 2 ] || fail "close-on-exec: the two jobs did not start"
for child in $children; do
    captured=$(find "/proc/$child/fd" -lname '*(deleted)' 2>/dev/null | wc -l)
    [ "$captured" -le 2 ] || fail "close-on-exec: job process $child holds $captured captured-output files (expected its stdout and stderr only)"
done
kill -TERM "$batch_pid"
wait "$batch_pid" 2>/dev/null

# --- 100 000 jobs: the duplicate found through the hash set -----------------------------------
# (how fast is a measurement, not a test: 0.14 s here against 48 s for the old pairwise check,
# bench/findings.md; the 300 s limit only stops a hang)
python3 -c "
import sys
with open(sys.argv[1], 'w') as f:
    for i in range(100000):
        f.write('[job%d]\ncommand = info\nbundle = x\n' % i)
    f.write('[job5]\n')
" "$work/huge.ini"
timeout 300 "$coopnet" batch "$work/huge.ini" >/dev/null 2>"$work/err"
status=$?
[ "$status" -eq 3 ] || fail "100 000 jobs: exit $status, expected 3 (a duplicate job)"
grep -qF "huge.ini:300001: error: job 'job5' appears twice (first on line 16)" "$work/err" ||
    fail "100 000 jobs: no duplicate message: $(head -c 300 "$work/err")"

# --- kill -9 of the batch ends its running job ------------------------------------------------
alive() { # a process that exists and is not a zombie
    [ -r "/proc/$1/stat" ] && [ "$(cut -d' ' -f3 "/proc/$1/stat" 2>/dev/null)" != Z ]
}
printf '[long]\ncommand = groups\nbundle = mena\nby = level\npermutations = 10000000\n' >"$work/long.ini"
"$coopnet" batch "$work/long.ini" >/dev/null 2>&1 &
batch_pid=$!
child=""
for _ in $(seq 1 100); do
    child=$(pgrep -P "$batch_pid" | head -n 1)
    [ -n "$child" ] && break
    sleep 0.05
done
if [ -z "$child" ]; then
    fail "kill -9: the job did not start"
else
    kill -9 "$batch_pid"
    wait "$batch_pid" 2>/dev/null
    for _ in $(seq 1 100); do
        alive "$child" || break
        sleep 0.05
    done
    if alive "$child"; then
        fail "kill -9 of the batch left its job $child running"
        kill -9 "$child"
    fi
fi

# --- every job's keys are checked before any job runs ----------------------------------------
# (an unknown key was found only when its job ran, after earlier jobs had written their outputs)
cat >"$work/keys.ini" <<'INI'
[defaults]
bundle = small
quiet = true
[first]
command = convert
output = keys-out/first.graphml
[second]
command = centrality
mesure = degree
[third]
command = reach-curve
every = year
every-step = 1
INI
"$coopnet" batch "$work/keys.ini" >"$work/out" 2>"$work/err"
status=$?
[ "$status" -eq 3 ] || fail "unknown key: exit $status, expected 3"
grep -qF "keys.ini:7: error: job 'second': unknown option '--mesure'" "$work/err" ||
    fail "unknown key: message: $(head -c 400 "$work/err")"
grep -qF "keys.ini:10: error: job 'third': unknown option '--every-step'" "$work/err" ||
    fail "unknown key in the third job: message: $(head -c 400 "$work/err")"
[ -e "$work/keys-out" ] && fail "unknown key: the first job ran (or its directory was made)"
# a bad value too (values are parsed as the command would), and an option taking ids is fine
printf '[a]\ncommand = convert\nbundle = small\noutput = keys-out/a.graphml\n[b]\ncommand = info\nbundle = small\nlayer = events,,\n' >"$work/value.ini"
"$coopnet" batch "$work/value.ini" >"$work/out" 2>"$work/err"
status=$?
[ "$status" -eq 3 ] || fail "bad value: exit $status, expected 3"
grep -qF "value.ini:5: error: job 'b': empty layer in 'events,,'" "$work/err" ||
    fail "bad value: message: $(head -c 400 "$work/err")"
[ -e "$work/keys-out" ] && fail "bad value: the first job ran"
printf '[a]\ncommand = centrality\nbundle = small\nmeasure = degree\nexclude = hub,fes\nquiet = true\n' >"$work/good.ini"
"$coopnet" batch "$work/good.ini" >"$work/out" 2>"$work/err" || fail "valid keys refused: $(cat "$work/err")"

# --- timeout = SECONDS per job, --timeout for the rest ----------------------------------------
cat >"$work/slow.ini" <<'INI'
[defaults]
bundle = mena
quiet = true
[slow]
command = groups
by = level
permutations = 10000000
timeout = 1
[quick]
command = info
INI
start=$(date +%s)
timeout 60 "$coopnet" batch --keep-going "$work/slow.ini" >"$work/out" 2>"$work/err"
status=$?
elapsed=$(($(date +%s) - start))
[ "$status" -eq 1 ] || fail "timeout: exit $status, expected 1"
grep -q "^slow  *timed out " "$work/out" || fail "timeout: no 'timed out' status: $(cat "$work/out")"
grep -q "^quick  *ok " "$work/out" || fail "timeout: the next job did not run: $(cat "$work/out")"
grep -qF "coopnet: job 'slow': timed out after 1 seconds" "$work/err" || fail "timeout: message: $(cat "$work/err")"
# the job alone runs for minutes: ending within 30 s means the deadline stopped it
[ "$elapsed" -le 30 ] || fail "timeout: the batch took $elapsed s"
sed -i '/^timeout = 1$/d' "$work/slow.ini"
timeout 60 "$coopnet" batch --timeout 1 "$work/slow.ini" >"$work/out" 2>"$work/err"
status=$?
[ "$status" -eq 1 ] || fail "--timeout: exit $status, expected 1"
grep -q "^slow  *timed out " "$work/out" || fail "--timeout: no 'timed out' status: $(cat "$work/out")"
grep -q "^quick  *skipped " "$work/out" || fail "--timeout: the next job was not skipped: $(cat "$work/out")"
printf '[a]\ncommand = info\nbundle = mena\ntimeout = soon\n' >"$work/bad-timeout.ini"
"$coopnet" batch "$work/bad-timeout.ini" >"$work/out" 2>"$work/err"
status=$?
[ "$status" -eq 3 ] || fail "bad timeout: exit $status, expected 3"
grep -qF "bad-timeout.ini:4: error: key 'timeout': needs a number of seconds > 0 and at most 604800, not 'soon'" "$work/err" ||
    fail "bad timeout: message: $(cat "$work/err")"

[ "$failures" -eq 0 ] && echo "batch limit tests passed"
exit $((failures > 0))
