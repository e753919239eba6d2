#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks the `layers` edge attribute of `coopnet convert` (GraphML, GEXF, CSV edge list) and the
`layers` column of `coopnet nlc --table links` against the layers computed here from the bundle's
CSV files, independently of coopnet's code: a pair has the layer `events` when the two attended
an event together (with --backbone min-shared:K, at least K), and a layer per type of the ties
between them that --layer keeps. The exports are read with networkx (read_graphml, read_gexf).
Also checks that coopnet reads its own GraphML back with the same layers and weights.

    /usr/bin/python3 tests/reference/layers_check.py COOPNET SOURCE_DIR

Bundles: datasets/mena-hub, tests/data/tn-jo, tests/data/hostile-names and one from
`coopnet generate`. Exit 0 when every link agrees, 1 otherwise, 77 (skipped) without networkx."""

import csv
import io
import os
import subprocess
import sys
import tempfile

try:
    import networkx as nx
except ImportError:
    print("networkx is not installed: skipped")
    sys.exit(77)

FORMAL = {"mou", "partnership", "membership", "funding", "technical_support"}


def read_csv(path):
    if not os.path.exists(path):
        return []
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def layer_keeps(layers, tie_type):
    """Whether a --layer list (None: all) keeps ties of tie_type."""
    if layers is None:
        return True
    for item in layers.split(","):
        item = item.lower()
        if item in ("ties", "all") or item == tie_type.lower():
            return True
        if item == "formal" and tie_type.lower() in FORMAL:
            return True
    return False


def expected_layers(bundle, layers=None, min_shared=1):
    """{(a, b) sorted: 'events;type;...'} for every linked pair, from the CSV files alone."""
    keep_events = layers is None or any(i in ("events", "all") for i in layers.split(","))
    actors = {row["id"] for row in read_csv(os.path.join(bundle, "actors.csv"))}
    attendees = {}
    for row in read_csv(os.path.join(bundle, "participation.csv")):
        if row["actor"] in actors:
            attendees.setdefault(row["event"], set()).add(row["actor"])
    shared = {}
    if keep_events:
        for people in attendees.values():
            people = sorted(people)
            for i, a in enumerate(people):
                for b in people[i + 1:]:
                    shared[(a, b)] = shared.get((a, b), 0) + 1
    types = {}
    for row in read_csv(os.path.join(bundle, "ties.csv")):
        a, b = row["from"], row["to"]
        if a == b or a not in actors or b not in actors or not layer_keeps(layers, row["type"]):
            continue
        types.setdefault(tuple(sorted((a, b))), set()).add(row["type"])
    result = {}
    for pair in set(shared) | set(types):
        parts = ["events"] if shared.get(pair, 0) >= min_shared else []
        parts += sorted(types.get(pair, ()))
        if parts:
            result[pair] = ";".join(parts)
    return result


def run(coopnet, *args):
    done = subprocess.run([coopnet, *args], capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit("coopnet %s failed (%d): %s" % (" ".join(args), done.returncode, done.stderr))
    return done.stdout


def from_networkx(graph):
    return {tuple(sorted((a, b))): data.get("layers", "") for a, b, data in graph.edges(data=True)}


def read_gexf_1_3(path):
    """networkx reads GEXF 1.1 and 1.2 only: the 1.3 namespace is renamed to 1.2's (the elements
    and attributes read here are the same in both)."""
    with open(path, encoding="utf-8") as f:
        text = f.read()
    text = text.replace('xmlns="http://gexf.net/1.3"', 'xmlns="http://www.gexf.net/1.2draft"')
    text = text.replace('version="1.3"', 'version="1.2"')
    renamed = path + ".1.2.gexf"
    with open(renamed, "w", encoding="utf-8") as f:
        f.write(text)
    return nx.read_gexf(renamed)


def from_csv(text, a="from", b="to"):
    rows = csv.DictReader(io.StringIO(text))
    return {tuple(sorted((r[a], r[b]))): r["layers"] for r in rows}


def compare(what, expected, got):
    if expected == got:
        print("%s: %d links agree" % (what, len(got)))
        return 0
    missing = sorted(set(expected) - set(got))[:5]
    extra = sorted(set(got) - set(expected))[:5]
    wrong = sorted((p, expected[p], got[p]) for p in set(expected) & set(got)
                   if expected[p] != got[p])[:5]
    print("%s: DISAGREE: missing %s extra %s different %s" % (what, missing, extra, wrong))
    return 1


def check_bundle(coopnet, bundle, work, options, layers, min_shared):
    failures = 0
    expected = expected_layers(bundle, layers, min_shared)
    name = "%s %s" % (os.path.basename(bundle.rstrip("/")), " ".join(options) or "(defaults)")
    graphml = os.path.join(work, "g.graphml")
    gexf = os.path.join(work, "g.gexf")
    run(coopnet, "convert", "--quiet", bundle, *options, "-o", graphml)
    run(coopnet, "convert", "--quiet", bundle, *options, "-o", gexf)
    csv_text = run(coopnet, "convert", "--quiet", bundle, *options, "--format", "csv-raw")
    failures += compare(name + ": graphml", expected, from_networkx(nx.read_graphml(graphml)))
    failures += compare(name + ": gexf", expected, from_networkx(read_gexf_1_3(gexf)))
    failures += compare(name + ": csv", expected, from_csv(csv_text))
    # national-local links only: a subset of the edge list, with the same text
    links = from_csv(run(coopnet, "nlc", "--quiet", bundle, *options, "--table", "links",
                         "--format", "csv-raw"), "national_id", "other_id")
    failures += compare(name + ": nlc links", {p: expected.get(p) for p in links}, links)
    # read back: the same layers and weights
    again = run(coopnet, "convert", "--quiet", graphml, "--format", "csv-raw")
    first = {p: (r["layers"], r["weight"]) for p, r in
             ((tuple(sorted((r["from"], r["to"]))), r)
              for r in csv.DictReader(io.StringIO(csv_text)))}
    second = {p: (r["layers"], r["weight"]) for p, r in
              ((tuple(sorted((r["from"], r["to"]))), r)
               for r in csv.DictReader(io.StringIO(again)))}
    failures += compare(name + ": graphml read back", first, second)
    return failures


def main():
    coopnet, source = sys.argv[1], sys.argv[2]
    failures = 0
    with tempfile.TemporaryDirectory() as work:
        generated = os.path.join(work, "generated")
        run(coopnet, "generate", "-o", generated, "--actors", "300", "--events", "120",
            "--ties", "150", "--seed", "15")
        bundles = [os.path.join(source, "datasets", "mena-hub"),
                   os.path.join(source, "tests", "data", "tn-jo"),
                   os.path.join(source, "tests", "data", "hostile-names"), generated]
        variants = [([], None, 1),
                    (["--layer", "events,mou,partnership", "--backbone", "min-shared:2"],
                     "events,mou,partnership", 2),
                    (["--layer", "formal"], "formal", 1)]
        for bundle in bundles:
            for options, layers, min_shared in variants:
                failures += check_bundle(coopnet, bundle, work, options, layers, min_shared)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
