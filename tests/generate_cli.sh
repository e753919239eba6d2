#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# CLI checks of `coopnet generate`: exit codes, messages, determinism, a bundle that validates.
# usage: generate_cli.sh COOPNET
set -u
coopnet=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0

expect() { # expect STATUS DESCRIPTION COMMAND...
    local status=$1 description=$2
    shift 2
    "$@" >"$work/out" 2>"$work/err"
    local actual=$?
    if [ "$actual" -ne "$status" ]; then
        echo "FAIL: $description: exit $actual, expected $status" >&2
        cat "$work/err" >&2
        failures=$((failures + 1))
    fi
}
contains() { # contains FILE TEXT
    if ! grep -qF -- "$2" "$work/$1"; then
        echo "FAIL: $1 lacks '$2':" >&2
        cat "$work/$1" >&2
        failures=$((failures + 1))
    fi
}

expect 0 "help" "$coopnet" generate --help
contains out "usage: coopnet generate -o DIR"
expect 2 "no -o" "$coopnet" generate --actors 10
contains err "expected -o DIR"
expect 2 "bad count" "$coopnet" generate -o "$work/x" --actors 10k
contains err "--actors needs a whole number from 0 to"
expect 2 "bad mean" "$coopnet" generate -o "$work/x" --mean-size 1
contains err "mean event size '1'"
expect 2 "unknown option" "$coopnet" generate -o "$work/x" --colour red
expect 1 "missing parent" "$coopnet" generate -o "$work/no/such/dir"
contains err "coopnet: cannot create '$work/no/such/dir'"

expect 0 "generate" "$coopnet" generate -o "$work/a" --actors 500 --events 400 --seed 9
contains out "wrote '$work/a': 500 actors, 400 events, 4000 participations, 250 ties"
expect 0 "generate again" "$coopnet" generate --quiet -o "$work/b" --actors 500 --events 400 --seed 9
[ -s "$work/out" ] && { echo "FAIL: --quiet printed" >&2; failures=$((failures + 1)); }
for f in actors.csv events.csv participation.csv ties.csv; do
    cmp -s "$work/a/$f" "$work/b/$f" || { echo "FAIL: $f differs for the same seed" >&2; failures=$((failures + 1)); }
done
expect 0 "validate" "$coopnet" validate "$work/a"
contains out "ok: 500 actors, 400 events, 4000 participations, 250 ties"

# distinct place names: validate finds no likely duplicate actors (equal names, or one letter
# apart: that search runs up to 5000 actors) in generated bundles of 1k, 4k and 10k actors
for n in 1000 4000 10000; do
    expect 0 "generate $n" "$coopnet" generate --quiet -o "$work/n$n" --actors "$n" --events 1000 --seed 3
    "$coopnet" dedupe --quiet "$work/n$n" >"$work/pairs" 2>&1
    [ "$(wc -l <"$work/pairs")" -eq 1 ] || {
        echo "FAIL: $n generated actors with likely duplicates: $(sed -n 2,4p "$work/pairs")" >&2
        failures=$((failures + 1))
    }
    "$coopnet" validate "$work/n$n" 2>&1 | grep -q "may be the same" && {
        echo "FAIL: validate warns about duplicates in $n generated actors" >&2
        failures=$((failures + 1))
    }
done

[ "$failures" -eq 0 ] && echo "generate CLI: all passed"
exit $((failures > 0))
