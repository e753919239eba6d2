#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# sources.csv: citations checked by validate, the report's sources page naming the documents.
# usage: sources_cli.sh COOPNET SOURCE_DIR
coopnet=$1
bundle=$2/tests/data/sources
failed=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAILED: $*" >&2; failed=1; }

"$coopnet" validate "$bundle" >"$tmp/out" 2>"$tmp/err" || fail "validate: $(cat "$tmp/err")"
grep -qF "ok: 3 actors, 1 events, 3 participations, 1 ties (0 warnings)" "$tmp/out" ||
    fail "validate: $(cat "$tmp/out")"

# a citation by id, by file, bare, and two in one cell; the page counts each source once a row
"$coopnet" report "$bundle" -o "$tmp/report.pdf" --quiet 2>"$tmp/err" || fail "report: $(cat "$tmp/err")"
if command -v pdftotext >/dev/null; then
    pdftotext -layout "$tmp/report.pdf" "$tmp/report.txt"
    grep -qE "^ *attendance +2 +1 +3 +0 +6$" "$tmp/report.txt" ||
        fail "sources page: attendance row: $(grep -i attendance "$tmp/report.txt")"
    grep -qE "^ *brief +2 +0 +0 +1 +3$" "$tmp/report.txt" ||
        fail "sources page: brief row: $(grep -i brief "$tmp/report.txt")"
    # the titles run as one paragraph, dates written out
    pdftotext "$tmp/report.pdf" - | tr '\n' ' ' | tr -s ' ' >"$tmp/flat.txt"
    grep -qF "attendance: Attendance sheet of the NGO events log. Example NGO, 2024." "$tmp/flat.txt" ||
        fail "sources page: the attendance sheet's title"
    grep -qF "brief: Strong Cities MENA Regional Hub: results brief. Strong Cities Network, March 2025." "$tmp/flat.txt" ||
        fail "sources page: the brief's title"
fi

# a citation of no source of sources.csv is an error on its line
cp -r "$bundle" "$tmp/bad"
printf 'from,to,type,source\ncnlct,sousse,mou,"brif: ""a memorandum"""\n' >"$tmp/bad/ties.csv"
"$coopnet" validate "$tmp/bad" >"$tmp/out" 2>"$tmp/err"
[ $? -eq 3 ] || fail "an unknown source: exit status"
grep -qF "ties.csv:2: error: column 'source': unknown source 'brif' (neither an id nor a file of sources.csv) (did you mean brief?)" "$tmp/err" ||
    fail "an unknown source: $(cat "$tmp/err")"
# the nearest id or file is suggested; nothing when none is near
printf 'from,to,type,source\ncnlct,sousse,mou,"brief-2024.pdf: p. 2"\ncnlct,sousse,partnership,"minutes: p. 1"\n' >"$tmp/bad/ties.csv"
"$coopnet" validate "$tmp/bad" >"$tmp/out" 2>"$tmp/err"
grep -qF "ties.csv:2: error: column 'source': unknown source 'brief-2024.pdf' (neither an id nor a file of sources.csv) (did you mean brief-2025.pdf?)" "$tmp/err" ||
    fail "no suggestion of a file: $(cat "$tmp/err")"
grep -qF "ties.csv:3: error: column 'source': unknown source 'minutes' (neither an id nor a file of sources.csv)" "$tmp/err" &&
    ! grep -q "'minutes'.*did you mean" "$tmp/err" || fail "a suggestion for 'minutes': $(cat "$tmp/err")"
# without sources.csv, a source is free text, as before
rm "$tmp/bad/sources.csv"
"$coopnet" validate --quiet "$tmp/bad" >/dev/null 2>&1 || fail "without sources.csv, free-text sources"
exit $failed
