#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# CLI checks of `coopnet explore` (issue 17): exact exit codes and messages, the file written
# atomically (a failure leaves an existing page as it was and no temporary file), a bad bundle
# reported as FILE:LINE, the D3 library missing or unsafe, the MENA page's size and data, and
# hostile names carried as JSON that cannot end its <script> element.
# usage: explore_cli.sh COOPNET SOURCE_DIR
coopnet=$1
source_dir=$2
mena=$source_dir/datasets/mena-hub
hostile=$source_dir/tests/data/hostile-names
d3=/usr/share/javascript/d3/d3.min.js
failed=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

fail() { echo "FAILED: $*" >&2; failed=1; }

# expect STATUS COMMAND...: runs, keeps stdout in $tmp/out and stderr in $tmp/err
expect() {
    local want=$1; shift
    "$coopnet" "$@" >"$tmp/out" 2>"$tmp/err"
    local got=$?
    [ "$got" -eq "$want" ] || fail "exit $got (expected $want): coopnet $*: $(head -c 300 "$tmp/err")"
}
err_has() { grep -qF -- "$1" "$tmp/err" || fail "stderr lacks '$1': $(cat "$tmp/err")"; }
no_temporaries() {
    [ -z "$(find "$1" -maxdepth 1 -name '.coopnet-*')" ] || fail "$2: a temporary file was left in $1"
}
# The page's data: the JSON between <script type="application/json" id="coopnet-data"> and its </script>.
page_data() {
    python3 - "$1" <<'PY'
import json, re, sys
page = open(sys.argv[1], encoding="utf-8").read()
match = re.search(r'<script type="application/json" id="coopnet-data">(.*?)</script>', page, re.S)
data = json.loads(match.group(1))
json.dump(data, sys.stdout, ensure_ascii=False)
PY
}

# --- usage errors: exit 2, the usage and a pointer to --help
expect 2 explore "$mena"
err_has "coopnet explore: expected one BUNDLE and -o FILE.html"
err_has "usage: coopnet explore [OPTIONS] BUNDLE -o FILE.html"
expect 2 explore -o "$tmp/x.html"
expect 2 explore "$mena" -o "$tmp/x.html" --layout timeline
err_has "--layout: the explorer places actors by fr, kk, drl, geo or circle"
expect 2 explore "$mena" -o "$tmp/x.html" --layout spiral
expect 2 explore "$mena" -o "$tmp/x.html" --nope
[ ! -e "$tmp/x.html" ] || fail "a usage error wrote the page"
expect 0 explore --help
grep -qF "usage: coopnet explore [OPTIONS] BUNDLE -o FILE.html" "$tmp/out" || fail "--help lacks the usage"
expect 0 help
grep -q "^ *explore " "$tmp/out" || fail "coopnet help does not list explore"

# --- invalid data: exit 3, every problem as FILE:LINE, nothing written
expect 3 explore "$source_dir/tests/data/bad/bad-date" -o "$tmp/bad.html"
err_has "events.csv:7: error: column 'date': invalid date '31/01/2024'"
[ ! -e "$tmp/bad.html" ] || fail "an invalid bundle wrote the page"
expect 1 explore "$tmp/no-such-bundle" -o "$tmp/bad.html"

# --- the D3 library: missing (exit 1 naming the package), or holding what would end <script>
expect 1 explore --quiet "$mena" -o "$tmp/bad.html" --d3 "$tmp/no-d3.js"
err_has "coopnet: cannot read the D3 library '$tmp/no-d3.js': No such file or directory (install Debian's libjs-d3)"
printf 'var d3 = {}; // </SCRIPT>\n' >"$tmp/unsafe-d3.js"
expect 3 explore --quiet "$mena" -o "$tmp/bad.html" --d3 "$tmp/unsafe-d3.js"
err_has "holds '</script' or '<!--' at byte 16: it cannot be inlined in a page"
[ ! -e "$tmp/bad.html" ] || fail "a failed run wrote the page"

# --- atomic: a failure leaves the page that was there, byte for byte, and no temporary file
echo "the previous page" >"$tmp/kept.html"
expect 1 explore --quiet "$mena" -o "$tmp/kept.html" --d3 "$tmp/no-d3.js"
[ "$(cat "$tmp/kept.html")" = "the previous page" ] || fail "a failed run changed the existing page"
no_temporaries "$tmp" "a failed run"
expect 1 explore --quiet "$mena" -o "$tmp/no-such-dir/x.html"
err_has "$tmp/no-such-dir/x.html"

# a full disk: exit 1 with the reason (written through /dev/full, a device, so not atomically)
ln -s /dev/full "$tmp/full.html"
if [ -r "$d3" ]; then
    expect 1 explore --quiet "$mena" -o "$tmp/full.html"
    err_has "No space left on device"
fi

if [ ! -r "$d3" ]; then
    echo "libjs-d3 is not installed: the pages themselves are not checked" >&2
    exit $((failed ? 1 : 77))
fi

# --- the MENA page: under 1 MB, one script of data, every actor and link of the graph
expect 0 explore --quiet "$mena" -o "$tmp/mena.html"
[ ! -s "$tmp/out" ] && [ ! -s "$tmp/err" ] || fail "explore --quiet printed something"
no_temporaries "$tmp" "a successful run"
size=$(stat -c %s "$tmp/mena.html")
[ "$size" -lt 1048576 ] || fail "the MENA page is $size bytes, over 1 MB"
grep -qF "$(head -c 200 "$d3")" "$tmp/mena.html" || fail "the page does not inline $d3"
page_data "$tmp/mena.html" >"$tmp/mena.json" || fail "the MENA page's data is not JSON"
python3 - "$tmp/mena.json" "$mena" <<'PY' || failed=1
import csv, json, os, sys
data = json.load(open(sys.argv[1], encoding="utf-8"))
bundle = sys.argv[2]
def rows(name):
    return list(csv.DictReader(open(os.path.join(bundle, name), encoding="utf-8")))
problems = []
if [a["id"] for a in data["actors"]] != [r["id"] for r in rows("actors.csv")]:
    problems.append("the actors are not the bundle's, in its order")
if len(data["events"]) != len(rows("events.csv")) or len(data["ties"]) != len(rows("ties.csv")):
    problems.append("events or ties missing")
if len(data["links"]) != 333:  # coopnet info: 333 links
    problems.append("%d links, expected the graph's 333" % len(data["links"]))
for a, b, weight, events, ties in data["links"]:
    if not events and not ties:
        problems.append("link %s-%s has no evidence" % (data["actors"][a]["id"], data["actors"][b]["id"]))
    for e in events:
        ids = {p[0] for p in data["events"][e]["participants"]}
        if a not in ids or b not in ids:
            problems.append("event %s does not hold both ends of its link" % data["events"][e]["id"])
    for t in ties:
        if {data["ties"][t]["from"], data["ties"][t]["to"]} != {a, b}:
            problems.append("a tie listed on a link it does not join")
    if abs(weight - (len(events) + sum(data["ties"][t]["weight"] for t in ties))) > 1e-9:
        problems.append("link weight %g is not its shared events plus its ties' weights" % weight)
written = {r["id"]: r["date"] for r in rows("events.csv")}
for e in data["events"]:
    if e["date"] != written[e["id"]]:
        problems.append("event %s: date %r, written %r" % (e["id"], e["date"], written[e["id"]]))
roles = {r["name"]: r["convenes"] for r in data["roles"]}
if roles != {"participant": False, "host": True, "organiser": True, "presenter": False,
             "learner": False, "funder": False, "facilitator": True}:
    problems.append("the roles that convene are not coopnet whatif's: %r" % roles)
for p in problems[:10]:
    print("FAILED: mena page: " + p, file=sys.stderr)
sys.exit(1 if problems else 0)
PY
# the positions are the figure's: the same layout for the same seed, another for another seed
expect 0 explore --quiet "$mena" -o "$tmp/mena-seed2.html" --seed 2
page_data "$tmp/mena-seed2.html" >"$tmp/mena-seed2.json"
python3 - "$tmp/mena.json" "$tmp/mena-seed2.json" <<'PY' || fail "--seed does not change the positions"
import json, sys
a, b = (json.load(open(p)) for p in sys.argv[1:3])
sys.exit(0 if [(x["x"], x["y"]) for x in a["actors"]] != [(x["x"], x["y"]) for x in b["actors"]] else 1)
PY
expect 0 explore --quiet "$mena" -o "$tmp/mena-again.html"
cmp -s "$tmp/mena.html" "$tmp/mena-again.html" || fail "two runs wrote different pages"
# filters of the graph: --level keeps those actors only
expect 0 explore --quiet "$mena" -o "$tmp/mena-local.html" --level local
[ "$(page_data "$tmp/mena-local.html" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["actors"]))')" = 19 ] ||
    fail "--level local does not keep the 19 local actors"

# --- the basemap under the map: the geo figure's countries from the map data, the data's darker;
# without the map data the page is still written, with no land and the reason
python3 - "$tmp/mena.json" <<'PY' || failed=1
import json, re, sys
data = json.load(open(sys.argv[1], encoding="utf-8"))
basemap, problems = data["basemap"], []
drawn = {c["id"] for c in basemap["countries"]}
named = {c["id"] for c in basemap["countries"] if c["named"]}
ours = {a["country"] for a in data["actors"] if a["country"]}
if not {"MA", "TN", "LY", "JO", "LB", "IQ", "FR", "GB", "ES", "DZ", "EG"} <= drawn:
    problems.append("the map lacks countries it shows: %s" % sorted(drawn))
if named != ours & drawn or not named:
    problems.append("the darker countries %s are not the actors' %s" % (sorted(named), sorted(ours)))
if "US" in drawn or "CN" in drawn:
    problems.append("countries far off the map are in the page")
if basemap["problem"] or basemap["colors"] != {"sea": "#e3eaef", "land": "#fbfaf7", "named": "#eeebe3", "border": "#b4b8bc"}:
    problems.append("problem %r or colours %r unlike the figure's" % (basemap["problem"], basemap["colors"]))
x0, y0, w, h = data["projection"]["box"]
# the projection is the geo layout's frame: every located actor where the figure drew it
lon, lat = data["projection"]["lon"], data["projection"]["lat"]
for a in data["actors"]:
    if a["lat"] is not None and a["lon"] is not None and (
            abs(lon[0] * a["lon"] + lon[1] - a["map"]["x"]) > 0.05 or abs(lat[0] * a["lat"] + lat[1] - a["map"]["y"]) > 0.05):
        problems.append("actor %s is not at its lat/lon by the page's projection" % a["id"])
for c in basemap["countries"]:
    if not re.fullmatch(r"(M-?\d+(?: -?\d+|-\d+)(?:l-?\d+(?:(?: |(?=-))-?\d+)*)?z)+", c["d"]):
        problems.append("country %s: not a path of M, l and z in tenths of a point" % c["id"])
        continue
    # the outline is where the figure draws it: its first point on the map or near it
    first = [int(v) / 10 for v in re.match(r"M(-?\d+) ?(-?\d+)", c["d"]).groups()]
    if not (x0 - w <= first[0] <= x0 + 2 * w and y0 - h <= first[1] <= y0 + 2 * h):
        problems.append("country %s starts at %s, far off the map %s" % (c["id"], first, data["projection"]["box"]))
for p in problems[:10]:
    print("FAILED: mena basemap: " + p, file=sys.stderr)
sys.exit(1 if problems else 0)
PY
COOPNET_MAP_DATA="$tmp/no-such-map.nc" "$coopnet" explore --quiet "$mena" -o "$tmp/mena-no-map.html" 2>"$tmp/err" ||
    fail "without map data explore fails: $(cat "$tmp/err")"
page_data "$tmp/mena-no-map.html" | python3 -c '
import json, sys
data = json.load(sys.stdin)
basemap = data["basemap"]
ok = data["map"] and data["projection"] and basemap["countries"] == [] and \
    "cannot read map data" in basemap["problem"] and "no-such-map.nc" in basemap["problem"]
sys.exit(0 if ok else 1)' || fail "without map data the page does not say why it has no land"

# --- hostile names: no raw '<', '>', '&', U+2028 or U+2029 in the data; every text round-trips
expect 0 explore --quiet "$hostile" -o "$tmp/hostile.html"
python3 - "$tmp/hostile.html" "$hostile" <<'PY' || failed=1
import csv, json, os, re, sys
page = open(sys.argv[1], encoding="utf-8").read()
problems = []
if page.count("<script") != 4 or page.lower().count("</script") != 4:
    problems.append("the page has %d <script and %d </script, expected 4 and 4"
                    % (page.count("<script"), page.lower().count("</script")))
match = re.search(r'<script type="application/json" id="coopnet-data">(.*?)</script>', page, re.S)
raw = match.group(1)
for bad in "<>&\u2028\u2029":
    if bad in raw:
        problems.append("the data holds a raw %r" % bad)
data = json.loads(raw)
actors = list(csv.DictReader(open(os.path.join(sys.argv[2], "actors.csv"), encoding="utf-8")))
for written, page_actor in zip(actors, data["actors"]):
    for column in ("name", "name_fr", "name_ar", "source"):
        if written[column] != page_actor[column]:
            problems.append("actor %s: %s %r became %r" % (written["id"], column, written[column], page_actor[column]))
events = list(csv.DictReader(open(os.path.join(sys.argv[2], "events.csv"), encoding="utf-8")))
if data["events"][0]["title"] != events[0]["title"] or data["events"][0]["date_source"] != events[0]["date_source"]:
    problems.append("the hostile event's title or date source did not round-trip")
for p in problems:
    print("FAILED: hostile page: " + p, file=sys.stderr)
sys.exit(1 if problems else 0)
PY

exit $failed
