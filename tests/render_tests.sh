#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# render_tests.sh COOPNET SOURCE_DIR - the render and chart commands: every format opens with the
# asked size (PNG via python3-cairo-free file header, PDF via pdfinfo/pdftoppm, SVG via xmllint),
# usage errors exit 2, data errors exit 3, nothing is left behind on failure.
set -u
coopnet=$1
source_dir=$2
bundle=$source_dir/datasets/mena-hub
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0

fail() {
    echo "FAILED: $*" >&2
    failures=$((failures + 1))
}

expect_exit() { # expected_status description command...
    local expected=$1 description=$2
    shift 2
    "$@" >"$work/out" 2>"$work/err"
    local status=$?
    [ "$status" -eq "$expected" ] || fail "$description: exit $status, expected $expected: $(cat "$work/err")"
}

png_size() { # prints WIDTHxHEIGHT from the IHDR chunk
    od -An -tu1 -j16 -N8 "$1" | awk '{printf "%dx%d\n", $1*16777216+$2*65536+$3*256+$4, $5*16777216+$6*65536+$7*256+$8}'
}

# every layout, every format
for layout in fr kk drl geo circle bipartite timeline; do
    expect_exit 0 "render --layout $layout png" "$coopnet" render --quiet --layout "$layout" \
        --width 1200 --height 900 "$bundle" -o "$work/$layout.png"
    [ "$(png_size "$work/$layout.png")" = "1200x900" ] || fail "$layout.png size $(png_size "$work/$layout.png")"
    expect_exit 0 "render --layout $layout pdf" "$coopnet" render --quiet --layout "$layout" \
        --width 600 --height 400 "$bundle" -o "$work/$layout.pdf"
    pdfinfo "$work/$layout.pdf" >"$work/info" 2>&1 || fail "$layout.pdf does not open"
    grep -q "Page size: *600 x 400 pts" "$work/info" || fail "$layout.pdf size: $(grep 'Page size' "$work/info")"
    pdftoppm -png -r 20 "$work/$layout.pdf" "$work/page" || fail "$layout.pdf does not rasterise"
    expect_exit 0 "render --layout $layout svg" "$coopnet" render --quiet --layout "$layout" \
        --width 500 --height 300 "$bundle" -o "$work/$layout.svg"
    xmllint --noout "$work/$layout.svg" || fail "$layout.svg is not XML"
    grep -q 'width="500' "$work/$layout.svg" || fail "$layout.svg width"
done

# maps: land and borders from the map data (DCW, docs/maps.md) under the network, in every
# format, for a bundle with coordinates and one without (actors placed by country)
tnjo=$source_dir/tests/data/tn-jo
land='fill:rgb(98.431373%,98.039216%,96.862745%)' # coopnet_i_style_land, as cairo writes it
for format in png pdf svg; do
    for data in "$bundle" "$tnjo"; do
        expect_exit 0 "geo $(basename "$data") $format" "$coopnet" render --quiet --layout geo \
            "$data" -o "$work/map-$(basename "$data").$format"
    done
done
grep -qF "$land" "$work/map-mena-hub.svg" || fail "the geo SVG has no land"
grep -qF "$land" "$work/map-tn-jo.svg" || fail "the tn-jo geo SVG has no land"
pdftoppm -png -r 20 "$work/map-tn-jo.pdf" "$work/page" || fail "map-tn-jo.pdf does not rasterise"
# without the map data: drawn without land, one warning on stderr, a note on the figure
COOPNET_MAP_DATA=$work/no-map.nc expect_exit 0 "geo without map data" "$coopnet" render \
    --layout geo "$bundle" -o "$work/nomap.svg"
[ "$(grep -c "warning: cannot read map data '$work/no-map.nc'" "$work/err")" = 1 ] ||
    fail "geo without map data: not one warning: $(cat "$work/err")"
grep -qF "$land" "$work/nomap.svg" && fail "geo without map data drew land"
COOPNET_MAP_DATA=/etc/hostname expect_exit 0 "geo with a wrong map file" "$coopnet" render \
    --quiet --layout geo "$bundle" -o "$work/nomap.png"
# the map data missing is the environment's problem (exit 1), with what to install (issue 18)
COOPNET_MAP_DATA=$work/no-map.nc expect_exit 1 "tn-jo without map data" "$coopnet" render \
    --quiet --layout geo "$tnjo" -o "$work/bad.png"
grep -q "the map data that would place them by country cannot be read.*install Debian's gmt-dcw" "$work/err" ||
    fail "tn-jo without map data: $(cat "$work/err")"
[ ! -e "$work/bad.png" ] || fail "a failed run left bad.png"

# default size and dpi: 10 x 7.5 in at 200 dpi
expect_exit 0 "render default" "$coopnet" render --quiet "$bundle" -o "$work/default.png"
[ "$(png_size "$work/default.png")" = "2000x1500" ] || fail "default size $(png_size "$work/default.png")"
expect_exit 0 "render dpi" "$coopnet" render --quiet --dpi 72 "$bundle" -o "$work/dpi.png"
[ "$(png_size "$work/dpi.png")" = "720x540" ] || fail "dpi 72 size $(png_size "$work/dpi.png")"

# options
expect_exit 0 "render options" "$coopnet" render --quiet --color-by country --size-by betweenness \
    --label top:10 --label-field name_ar --as-of 2024-06 --exclude scn_mena_hub --title "T" \
    --caption "C" --transparent "$bundle" -o "$work/options.png"
expect_exit 0 "render circle group" "$coopnet" render --quiet --layout circle --group-by country \
    "$bundle" -o "$work/circle.svg"

# charts
for kind in ranking nlc-matrix snapshots participation reach-curve; do
    for format in png pdf svg; do
        expect_exit 0 "chart $kind $format" "$coopnet" chart --quiet "$kind" "$bundle" \
            -o "$work/$kind.$format"
    done
    pdfinfo "$work/$kind.pdf" >/dev/null 2>&1 || fail "$kind.pdf does not open"
    xmllint --noout "$work/$kind.svg" || fail "$kind.svg is not XML"
done
expect_exit 0 "chart ranking options" "$coopnet" chart --quiet ranking --measure pagerank --top 5 \
    "$bundle" -o "$work/r.png"
expect_exit 0 "chart reach-curve from" "$coopnet" chart --quiet reach-curve --from saida "$bundle" \
    -o "$work/rc-saida.png"
expect_exit 0 "chart reach-curve sources" "$coopnet" chart --quiet reach-curve --from saida,fes \
    --every year --exclude scn_mena_hub "$bundle" -o "$work/rc-two.svg"
xmllint --noout "$work/rc-two.svg" || fail "rc-two.svg is not XML"
expect_exit 0 "chart nlc country" "$coopnet" chart --quiet nlc-matrix --country MA "$bundle" \
    -o "$work/m.png"

# usage errors: exit 2 with a message naming the value; no file written
expect_exit 2 "bad layout" "$coopnet" render --layout spring "$bundle" -o "$work/bad.png"
grep -q "unknown layout 'spring'" "$work/err" || fail "bad layout message: $(cat "$work/err")"
expect_exit 2 "bad extension" "$coopnet" render "$bundle" -o "$work/bad.gif"
grep -q "bad.gif" "$work/err" || fail "bad extension message"
expect_exit 2 "bad measure" "$coopnet" render --size-by fame "$bundle" -o "$work/bad.png"
expect_exit 2 "bad label" "$coopnet" render --label top:0 "$bundle" -o "$work/bad.png"
expect_exit 2 "bad width" "$coopnet" render --width -3 "$bundle" -o "$work/bad.png"
expect_exit 2 "no output" "$coopnet" render "$bundle"
expect_exit 2 "bad colour attribute" "$coopnet" render --color-by colour "$bundle" -o "$work/bad.png"
grep -q "unknown actor attribute 'colour'" "$work/err" || fail "colour attribute message: $(cat "$work/err")"
expect_exit 2 "bad chart" "$coopnet" chart pie "$bundle" -o "$work/bad.png"
expect_exit 2 "reach-curve unknown source" "$coopnet" chart --quiet reach-curve --from nobody \
    "$bundle" -o "$work/bad.png"
grep -q "unknown source actor 'nobody'" "$work/err" || fail "unknown source message: $(cat "$work/err")"
expect_exit 2 "reach-curve bad period" "$coopnet" chart reach-curve --every week "$bundle" \
    -o "$work/bad.png"
grep -q "week" "$work/err" || fail "bad period message: $(cat "$work/err")"
expect_exit 2 "--from on ranking" "$coopnet" chart ranking --from saida "$bundle" -o "$work/bad.png"
expect_exit 2 "bad country" "$coopnet" chart nlc-matrix --country XX "$bundle" -o "$work/bad.png"
expect_exit 2 "bad top" "$coopnet" chart ranking --top 0 "$bundle" -o "$work/bad.png"
[ ! -e "$work/bad.png" ] || fail "a failed run left bad.png"
# data errors: exit 3 (without coordinates and without the map data to place actors by country)
# (the map data is missing: exit 1, the environment; issue 18)
COOPNET_MAP_DATA=$work/no-map.nc expect_exit 1 "geo without coordinates" "$coopnet" render --quiet \
    --layout geo "$source_dir/datasets/davis-southern-women" -o "$work/bad.png"
grep -q "'lat' and 'lon'" "$work/err" || fail "geo without coordinates: $(cat "$work/err")"
expect_exit 3 "reach-curve without dates" "$coopnet" chart --quiet reach-curve \
    "$source_dir/datasets/davis-southern-women" -o "$work/bad.png"
[ ! -e "$work/bad.png" ] || fail "a failed run left bad.png"
# --data: the numbers drawn, committed together with the figure (tests/chart_data_check.py checks
# the numbers); a data file that cannot be written leaves the old figure as it was
expect_exit 0 "chart with data" "$coopnet" chart --quiet ranking "$bundle" -o "$work/ranked.png" \
    --data "$work/ranked.csv"
[ -s "$work/ranked.png" ] && head -1 "$work/ranked.csv" | grep -q '^rank,id,label,level,measure,value' ||
    fail "chart --data wrote no table"
cp "$work/ranked.png" "$work/ranked-before.png"
expect_exit 1 "data in a missing directory" "$coopnet" chart --quiet ranking --top 3 "$bundle" \
    -o "$work/ranked.png" --data "$work/missing/ranked.csv"
cmp -s "$work/ranked.png" "$work/ranked-before.png" ||
    fail "a failed --data replaced the figure"
expect_exit 2 "data over the figure" "$coopnet" render --quiet "$bundle" -o "$work/same.png" \
    --data "$work/same.png"
[ ! -e "$work/same.png" ] || fail "--data over the figure left a file"
expect_exit 0 "render data as JSON" "$coopnet" render --quiet "$bundle" -o "$work/net.svg" \
    --data "$work/net.json"
head -c 1 "$work/net.json" | grep -q '\[' || fail "render --data x.json is not JSON"
ls -a "$work" | grep -q '^\.coopnet-' && fail "a temporary file was left"
# help
expect_exit 0 "render help" "$coopnet" render --help
grep -q "Examples:" "$work/out" || fail "render help has no example"
# a map names the actors it could not label under it: exactly those its --data says it did not
# label, in a PDF, a PNG's data and an Arabic map (whose note is laid out right to left)
for lang in en ar; do
    expect_exit 0 "geo --data ($lang)" "$coopnet" render --quiet --layout geo --lang $lang "$bundle" \
        --data "$work/unlabelled-$lang.csv" -o "$work/unlabelled-$lang.pdf"
    pdftotext "$work/unlabelled-$lang.pdf" - | tr '\n' ' ' >"$work/unlabelled-$lang.txt"
    /usr/bin/python3 - "$work/unlabelled-$lang.csv" "$work/unlabelled-$lang.txt" "$lang" <<'PY' ||
import csv, re, sys
rows = [r for r in csv.DictReader(open(sys.argv[1], encoding="utf-8")) if r["kind"] == "actor"]
text = sys.argv[2] and open(sys.argv[2], encoding="utf-8").read()
text = re.sub(r"[\u00ad-]\s?", "", text)  # words broken at a hyphen across lines
dropped = [r["label"] for r in rows if r["label_shown"] == "false"]
if not dropped:
    sys.exit("no unlabelled actor on the MENA map: the test no longer tests anything")
if sys.argv[3] == "en":
    m = re.search(r"Not labelled for lack of room \((\d+)\)", text)
    if not m or int(m.group(1)) != len(dropped):
        sys.exit("the note counts %s unlabelled actors, --data %d" % (m and m.group(1), len(dropped)))
if sys.argv[3] == "ar":  # pdftotext reorders Arabic lines: the count beside the sentence
    flat = re.sub(r"\s", "", text)
    at = flat.find("لضيقالمساحة")  # (the lam-alef of "بلا" comes out as alef-lam)
    if at < 0 or str(len(dropped)) not in flat[max(0, at - 12):at + 40]:
        sys.exit("the Arabic note does not count %d unlabelled actors" % len(dropped))
    sys.exit(0)
missing = [d for d in dropped if re.sub(r"[\u00ad-]", "", d) not in text]
if missing:
    sys.exit("not named in the note: %s" % missing)
PY
        fail "geo ($lang): the unlabelled actors in the note are not those of --data"
done
expect_exit 0 "chart help" "$coopnet" chart --help

[ "$failures" -eq 0 ] && echo "render tests passed"
exit $((failures > 0))
