#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The malformed-input corpus: each tests/data/bad/CASE is tests/data/small with the files in
# CASE put over it (and the files named in CASE/remove taken away). `coopnet validate` must exit 3
# and print the FILE:LINE message in CASE/expected.
set -u
coopnet=$1
data=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
passed=0
failed=0
for case_dir in "$data"/bad/*/; do
    name=$(basename "$case_dir")
    bundle="$work/$name"
    cp -r "$data/small" "$bundle"
    for file in "$case_dir"*.csv; do
        [ -e "$file" ] && cp "$file" "$bundle/"
    done
    if [ -f "$case_dir/remove" ]; then
        while read -r file; do rm -f "$bundle/$file"; done < "$case_dir/remove"
    fi
    expected=$(cat "$case_dir/expected")
    "$coopnet" validate "$bundle" >"$work/out" 2>"$work/err"
    status=$?
    if [ "$status" -eq 3 ] && grep -qF -- "$expected" "$work/err"; then
        passed=$((passed + 1))
    else
        failed=$((failed + 1))
        echo "FAILED: $name: exit $status (expected 3); stderr:"
        cat "$work/err"
        echo "expected to contain: $expected"
    fi
done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
