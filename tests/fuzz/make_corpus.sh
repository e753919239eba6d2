#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Rebuilds the seed corpus tests/fuzz/corpus/<target>/ from the real datasets and a set of bad
# inputs (the hostile shapes of issue 10, kept small). Usage: make_corpus.sh COOPNET_BINARY
# The corpus is committed; rerun this after a dataset changes. Seeds are named by content.
set -eu
coopnet=${1:?usage: make_corpus.sh COOPNET_BINARY}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
corpus=$here/corpus
rm -rf "$corpus"
mkdir -p "$corpus"/{csv,bundle,graphml,date,jobs,xlsx,graphml_strict,jobs_many}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

seed() { # seed TARGET: stdin becomes one seed file named after its hash
    local file=$work/seed
    cat >"$file"
    cp "$file" "$corpus/$1/$(sha1sum "$file" | cut -c1-16)"
}
rs=$'\x1e' # the file separator of fuzz_bundle

# CSV: every file of the datasets, and small hostile shapes
for file in "$root"/datasets/*/*.csv; do seed csv <"$file"; done
printf 'a,b\r\n"x, ""y""",2\r\n' | seed csv
printf '\xef\xbb\xbfid,name\n1,\xef\xbb\xbfa\n' | seed csv
printf '\xff\xfei\x00d\x00,\x00n\x00\n\x00' | seed csv
printf 'id,name\n1,caf\xe9\n2,a\x00b\n' | seed csv
printf 'id,name\n1,"never closed\n2,x\n' | seed csv
printf 'id;name;level\nrabat;Rabat;local\n' | seed csv
printf 'a,"b"c,d\ne,f"g,h\n' | seed csv
printf 'a\rb\r\nc\n\n\n' | seed csv
printf '' | seed csv

# bundles: the datasets, and a small one with every spreadsheet habit
for dir in "$root"/datasets/*/; do
    { cat "$dir/actors.csv"; printf '%s' "$rs"; cat "$dir/events.csv"; printf '%s' "$rs"
      cat "$dir/participation.csv"; printf '%s' "$rs"; cat "$dir/ties.csv"; } | seed bundle
done
printf 'id,name,level,country,lat,lon,,\n a ,A,local,ma,1.5,2,,\nb,B,NATIONAL,,,,,\n,,,,,,,\n%sid,title,date,end\ne1,E,2024-01-31,2024-02\ne2,F,31/01/2024,\n%sevent,actor,role\ne1,a,host\ne1,b,\ne1,a,participant\n%sfrom,to,type,start,end,directed,weight\na,b,mou,2024,,true,2.5\n' \
    "$rs" "$rs" "$rs" | seed bundle
printf 'id;name;level\n%sid,title,date\n%sevent,actor\n' "$rs" "$rs" | seed bundle
printf 'id,name,level\na,A,local\n%sid,title,date\ne,E,\n%sevent,actor\ne,a\ne,a\ne,a\n' "$rs" "$rs" \
    | seed bundle

# GraphML: the datasets converted by coopnet, and small hand-written files
for dir in "$root"/datasets/*/; do
    "$coopnet" convert --quiet "$dir" -o "$work/out.graphml"
    seed graphml <"$work/out.graphml"
done
cat <<'XML' | seed graphml
<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <key id="level" for="node" attr.name="level" attr.type="string"/>
  <key id="lat" for="node" attr.name="lat" attr.type="double"/>
  <key id="w" for="edge" attr.name="weight" attr.type="double"/>
  <graph id="G" edgedefault="undirected">
    <node id="a"><data key="level">national</data><data key="lat">33.3</data></node>
    <node id="b"/>
    <edge source="a" target="b"><data key="w">2</data></edge>
    <edge source="a" target="a"/>
  </graph>
</graphml>
XML
cat <<'XML' | seed graphml
<?xml version="1.0"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <key id="w" for="edge" attr.name="weight" attr.type="string"/>
  <key id="c" for="node" attr.name="country" attr.type="boolean"/>
  <graph edgedefault="directed"><node id="x"/><node id="y"/>
    <edge source="x" target="y"><data key="w">heavy</data></edge></graph>
</graphml>
XML
# GraphML strictness (issue 18): a second <graph>, a hyperedge, a duplicate node id (also as
# NFC and NFD), an edge to an undeclared node
gm_head='<?xml version="1.0"?>\n<graphml xmlns="http://graphml.graphdrawing.org/xmlns">\n<graph edgedefault="undirected">\n'
gm_tail='</graph>\n</graphml>\n'
printf "$gm_head"'<node id="a"/><node id="b"/><edge source="a" target="b"/>\n</graph>\n<graph edgedefault="undirected"><node id="c"/>\n'"$gm_tail" | seed graphml
printf "$gm_head"'<node id="a"/><node id="b"/><node id="c"/>\n<hyperedge><endpoint node="a"/><endpoint node="b"/><endpoint node="c"/></hyperedge>\n'"$gm_tail" | seed graphml
printf "$gm_head"'<node id="caf\xc3\xa9"/>\n<node id="b"/>\n<node id="cafe\xcc\x81"/>\n<edge source="cafe\xcc\x81" target="b"/>\n'"$gm_tail" | seed graphml
printf "$gm_head"'<node id="a"/><node id="Fes"/><node id="fes"/>\n<edge source="a" target="ghost"/>\n'"$gm_tail" | seed graphml
# fuzz_graphml_strict: pairs of (element, argument) bytes (see the target)
printf '\x00\x00\x01\x01\x02\x04\x03\x01\x04\x10' | seed graphml_strict  # valid
printf '\x00\x04\x00\x05\x03\x04\x01\x01' | seed graphml_strict              # NFC, NFD
printf '\x00\x06\x03\x14\x01\x01' | seed graphml_strict                      # U+212B
printf '\x00\x00\x00\x01\x05\x01\x06\x00\x00\x02' | seed graphml_strict      # hyperedge, 2nd graph
printf '\x00\x00\x03\x84\x07\x03' | seed graphml_strict                      # undeclared
printf '\x00\x02\x00\x03\x03\x26' | seed graphml_strict                      # Fes, fes

# Excel workbooks: those of tests/import_cli.sh but the zip bomb (250 kB)
/usr/bin/python3 "$root/tests/data/import/make_workbooks.py" "$work"
for name in log log1904 errors phantom na no-string escape missing-part malformed not-a-workbook; do
    seed xlsx <"$work/$name.xlsx"
done

# dates
for date in 2024 2024-01 2024-01-31 2024-02-29 2023-02-29 1000-01-01 9999-12-31 0999 \
    31/01/2024 31.01.2024 2024-01-31T10:00 "2024-1-5" 2024-13 ""; do
    printf '%s' "$date" | seed date
done
# job files: the committed ones and small ones with every feature and mistake
for file in "$root"/datasets/*.ini; do seed jobs <"$file"; done
cat <<'INI' | seed jobs
# the MENA report and its network data
[defaults]
bundle = mena-hub

[report]
command = report
output  = out/mena-report.pdf
title   = "Cooperation in the MENA region"

[morocco]
command = report
country = MA
output  = out/morocco.pdf
args    = --as-of 2024-06 --quiet 'two words' "a \"quoted\" one" back\ slash
; a comment
[flagged]
command = convert
verbose = true
INI
printf '[a]\ncommand = info\n[a]\ncommand = x\nno equals sign\n[bad name!]\nargs = "open\n' | seed jobs
printf 'key = before any section\n[empty]\n' | seed jobs
printf '[a]\ncommand = info\ntimeout = 30\n[b]\ncommand = info\ntimeout = 0\n[c]\ntimeout = 1e9\n' | seed jobs
for i in $(seq 1 300); do printf '[job-%d]\ncommand = info\noutput = out/%d.csv\n' "$i" "$((i % 7))"; done | seed jobs
# fuzz_jobs_many: 2 bytes of job count, 1 of name period (0: unique), then per-job flags
printf '\x00\x00\x00\x01' | seed jobs_many
printf '\xa0\x0f\x00\x01\x41\x51\x03' | seed jobs_many
printf '\xe8\x03\x03\x01\x11\x41' | seed jobs_many
printf '\x28\x00\x00\x00\x07\xc1\x31\x01' | seed jobs_many

echo "corpus: $(find "$corpus" -type f | wc -l) seeds in $corpus"
