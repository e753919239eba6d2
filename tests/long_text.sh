#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Text that reaches the layout is capped (issue 18): a report of a bundle with a 10 MB actor
# name ran for minutes (100 MB aborted in GLib after 3 GB), a 128 KiB --title took 34 s in
# render. Names, event and source titles are ellipsised at 200 characters, titles and captions
# at 300, any other text given to the layout at 2000 (docs/options.md, "Long text"); data
# outputs keep the full text. No timing is asserted: the runs must finish and show the cut.
# usage: long_text.sh COOPNET
coopnet=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failed=0
fail() { echo "FAILED: $*" >&2; failed=1; }
command -v pdftotext >/dev/null || { echo "long_text: pdftotext missing" >&2; exit 1; }

# a bundle with a 10 MB name (words with a 2-byte letter and a letter + combining mark that has
# no precomposed form, so that a cut inside a character or between a letter and its mark would
# show), a long event title
mkdir "$tmp/big"
{
    printf 'id,name,level,country\n'
    printf 'big,"Big '
    # 10.5 MiB of "Sfax\u0327\u00e9 " (9 bytes each)
    head -c $((1200 * 1024)) /dev/zero | tr '\0' 'x' | sed 's/x/Sfax\xcc\xa7\xc3\xa9 /g'
    printf '",local,TN\n'
    printf 'b,National ministry,national,TN\nc,C,international,\n'
} >"$tmp/big/actors.csv"
{
    printf 'id,title,date,place\n'
    printf 'e1,"%s",2024-01-01,Tunis\n' "$(head -c 100000 /dev/zero | tr '\0' 'T')"
    printf 'e2,Other,2024-03-01,Sfax\n'
} >"$tmp/big/events.csv"
printf 'event,actor\ne1,big\ne1,b\ne2,b\ne2,c\ne2,big\n' >"$tmp/big/participation.csv"
[ "$(stat -c %s "$tmp/big/actors.csv")" -gt 10000000 ] || fail "the bundle is not 10 MB"

"$coopnet" report --quiet "$tmp/big" -o "$tmp/big.pdf" 2>"$tmp/err" || fail "report: $(cat "$tmp/err")"
pdftotext "$tmp/big.pdf" "$tmp/big.txt" || fail "report: pdftotext"
# the name is shown, ellipsised: a few hundred of its million words at most, every x with its
# cedilla, the text valid UTF-8
/usr/bin/python3 -c '
import re, sys
text = open(sys.argv[1], encoding="utf-8").read()  # fails on a cut inside a character
words = text.count("Sfax")
if not 0 < words < 3000: sys.exit("%d words of the name in the PDF" % words)
if "\u2026" not in text: sys.exit("no ellipsis")
if re.search("Sfax(?!\u0327)", text.replace("Sfax\n", "")): sys.exit("a letter cut from its mark")
' "$tmp/big.txt" || fail "report: the name as shown"
ls "$tmp/big"/.coopnet-* "$tmp"/.coopnet-* 2>/dev/null && fail "report: a temporary was left"

# data outputs keep the full name
"$coopnet" centrality --quiet "$tmp/big" -o "$tmp/big.csv" || fail "centrality"
[ "$(stat -c %s "$tmp/big.csv")" -gt 10000000 ] || fail "centrality: the name was cut in a CSV"

# figures of the same bundle
"$coopnet" render --quiet --label all "$tmp/big" -o "$tmp/big.svg" 2>"$tmp/err" ||
    fail "render: $(cat "$tmp/err")"
[ "$(stat -c %s "$tmp/big.svg")" -lt 2000000 ] || fail "render: the SVG holds the whole name"
"$coopnet" render --quiet --layout timeline "$tmp/big" -o "$tmp/timeline.svg" 2>"$tmp/err" ||
    fail "timeline: $(cat "$tmp/err")"
[ "$(stat -c %s "$tmp/timeline.svg")" -lt 2000000 ] || fail "timeline: the SVG holds the whole title"
"$coopnet" chart ranking --quiet "$tmp/big" -o "$tmp/ranking.svg" 2>"$tmp/err" ||
    fail "chart: $(cat "$tmp/err")"

# a 128 KiB --title in render, chart and report: drawn cut at 300 characters
title=$(printf 'Cooperation %.0s' $(seq 1 10900))
[ ${#title} -ge 130000 ] || fail "the title is ${#title} characters"
bundle=$(dirname "$0")/../datasets/mena-hub
"$coopnet" render --quiet --title "$title" "$bundle" -o "$tmp/title.pdf" 2>"$tmp/err" ||
    fail "render --title: $(cat "$tmp/err")"
"$coopnet" chart ranking --quiet --title "$title" "$bundle" -o "$tmp/chart.pdf" 2>"$tmp/err" ||
    fail "chart --title: $(cat "$tmp/err")"
"$coopnet" report --quiet --title "$title" "$bundle" -o "$tmp/report.pdf" 2>"$tmp/err" ||
    fail "report --title: $(cat "$tmp/err")"
for pdf in title chart report; do
    pdftotext -l 1 "$tmp/$pdf.pdf" "$tmp/$pdf.txt"
    grep -q 'Cooperation…' "$tmp/$pdf.txt" || fail "$pdf: the title is not ellipsised"
    words=$(grep -o Cooperation "$tmp/$pdf.txt" | wc -l)
    [ "$words" -le 30 ] || fail "$pdf: $words words of the title drawn"
done

exit $failed
