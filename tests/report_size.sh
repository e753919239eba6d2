#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# coopnet report at scale (issue 21): the report of a generated 2 000-actor bundle (about
# 100 000 links) stays small enough to send by e-mail, because its dense network figures are
# images inside the PDF, and its method notes say so; the MENA report keeps every figure vector.
# No timings: the size and the text only.
# usage: report_size.sh COOPNET SOURCE_DIR
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
# 5.1 MB with every link a vector line; about 1.3 MB with the images
max_bytes=$((3 * 1000 * 1000))

"$coopnet" generate --quiet -o "$work/g2k" --actors 2000 --events 2000 --seed 1 ||
    fail "generate 2000 actors"
"$coopnet" report --quiet "$work/g2k" -o "$work/g2k.pdf"
status=$?
[ "$status" = 0 ] || fail "report of 2000 actors: exit status $status"
bytes=$(stat -c %s "$work/g2k.pdf" 2>/dev/null || echo 0)
[ "$bytes" -gt 0 ] && [ "$bytes" -le "$max_bytes" ] ||
    fail "report of 2000 actors is $bytes bytes, more than $max_bytes"
images=$(pdfimages -list "$work/g2k.pdf" 2>/dev/null | tail -n +3 | wc -l)
[ "$images" -ge 2 ] || fail "report of 2000 actors has $images images, expected the network figures"
pdftotext "$work/g2k.pdf" - | tr '\n' ' ' |
    grep -qF "Network figures: above 5000 links or 2000 actors, links and actors are an image at 200 dpi inside the PDF (text stays sharp)" ||
    fail "report of 2000 actors: the method notes do not say the networks are images"

"$coopnet" report --quiet "$source_dir/datasets/mena-hub" -o "$work/mena.pdf" ||
    fail "report of mena-hub"
images=$(pdfimages -list "$work/mena.pdf" 2>/dev/null | tail -n +3 | wc -l)
[ "$images" = 0 ] || fail "the mena-hub report has $images images, expected vector figures only"
pdftotext "$work/mena.pdf" - | grep -q "Network figures" &&
    fail "the mena-hub report's method notes speak of images"

[ "$failures" -eq 0 ] && echo "report size tests passed"
exit $((failures > 0))
