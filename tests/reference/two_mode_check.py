#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks `coopnet centrality --two-mode --events` against networkx's bipartite module
(degree_centrality, betweenness_centrality, closeness_centrality), independently of coopnet's
code, on the Davis southern women, on random bipartite bundles written here (some disconnected,
with actors at no event and events without participants) and on bundles from `coopnet generate`:

    /usr/bin/python3 tests/reference/two_mode_check.py COOPNET SOURCE_DIR

Where coopnet leaves a value undefined (empty) networkx gives 0 (closeness of an isolated
vertex); that is the one documented difference and is checked as such. Prints the largest
absolute difference per measure; exit 0 when all are within 1e-9, 1 otherwise, 77 (skipped)
without networkx."""

import csv
import io
import math
import os
import random
import subprocess
import sys
import tempfile

try:
    import networkx as nx
    from networkx.algorithms import bipartite
except ImportError:
    print("networkx is not installed: skipped")
    sys.exit(77)

TOLERANCE = 1e-9
MEASURES = ("degree", "betweenness", "closeness")


def read_csv(path):
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def networkx_values(bundle):
    """networkx's three measures of the bundle's actor-event graph, keyed by (mode, id)."""
    g = nx.Graph()
    actors = [("actor", r["id"]) for r in read_csv(os.path.join(bundle, "actors.csv"))]
    g.add_nodes_from(actors)
    g.add_nodes_from(("event", r["id"]) for r in read_csv(os.path.join(bundle, "events.csv")))
    g.add_edges_from((("actor", r["actor"]), ("event", r["event"]))
                     for r in read_csv(os.path.join(bundle, "participation.csv")))
    return {
        "degree": bipartite.degree_centrality(g, actors),
        "betweenness": bipartite.betweenness_centrality(g, actors),
        "closeness": bipartite.closeness_centrality(g, actors),
    }, g


def coopnet_values(coopnet, bundle):
    out = subprocess.run([coopnet, "centrality", "--two-mode", "--events", "--quiet",
                          "--format", "csv-raw", bundle],
                         check=True, capture_output=True, text=True).stdout
    rows = list(csv.DictReader(io.StringIO(out)))
    return {m: {(r["mode"], r["id"]): (float(r[m]) if r[m] != "" else math.nan) for r in rows}
            for m in MEASURES}


def compare(name, coopnet, bundle, worst):
    theirs, g = networkx_values(bundle)
    ours = coopnet_values(coopnet, bundle)
    problems = 0
    for m in MEASURES:
        if set(ours[m]) != set(theirs[m]):
            print("%s: %s: coopnet and networkx have different vertices" % (name, m))
            problems += 1
            continue
        for node, expected in theirs[m].items():
            actual = ours[m][node]
            if math.isnan(actual):
                # coopnet's only undefined value here: the closeness of an isolated vertex
                if m == "closeness" and g.degree(node) == 0 and expected == 0:
                    continue
                print("%s: %s of %s %s: coopnet empty, networkx %r" % (name, m, *node, expected))
                problems += 1
                continue
            difference = abs(actual - expected)
            worst[m] = max(worst[m], difference)
            if difference > TOLERANCE:
                print("%s: %s of %s %s: coopnet %r, networkx %r" % (name, m, *node, actual,
                                                                    expected))
                problems += 1
    n_actors = sum(1 for node in g if node[0] == "actor")
    print("%-34s %3d actors %3d events %4d links %2d components: %s" % (
        name, n_actors, g.number_of_nodes() - n_actors, g.number_of_edges(),
        nx.number_connected_components(g), "ok" if problems == 0 else "%d problems" % problems))
    return problems


def write_random_bundle(directory, rng, n_actors, n_events, p):
    """A bipartite graph with each actor-event pair linked with probability p (>= 2 of each
    mode, so that networkx's normalisations never divide by zero)."""
    os.makedirs(directory)
    with open(os.path.join(directory, "actors.csv"), "w", encoding="utf-8") as f:
        f.write("id,name,level,country\n")
        for a in range(n_actors):
            f.write("a%d,Actor %d,%s,MA\n" % (a, a, rng.choice(["local", "national"])))
    with open(os.path.join(directory, "events.csv"), "w", encoding="utf-8") as f:
        f.write("id,title,date\n")
        for e in range(n_events):
            f.write("e%d,Event %d,2024-01-%02d\n" % (e, e, 1 + e % 28))
    with open(os.path.join(directory, "participation.csv"), "w", encoding="utf-8") as f:
        f.write("event,actor\n")
        for e in range(n_events):
            for a in range(n_actors):
                if rng.random() < p:
                    f.write("e%d,a%d\n" % (e, a))


def main():
    if len(sys.argv) != 3:
        print(__doc__)
        return 2
    coopnet, source = sys.argv[1], sys.argv[2]
    worst = {m: 0.0 for m in MEASURES}
    problems = compare("davis-southern-women", coopnet,
                       os.path.join(source, "datasets", "davis-southern-women"), worst)
    rng = random.Random(15)
    with tempfile.TemporaryDirectory() as tmp:
        # (actors, events, link probability): dense, sparse (disconnected, isolated vertices),
        # lopsided both ways, and tiny
        shapes = [(12, 8, 0.35), (30, 20, 0.08), (40, 5, 0.2), (4, 25, 0.3), (2, 2, 0.6),
                  (3, 2, 0.5), (60, 30, 0.05), (25, 25, 0.15)]
        for k, (n_actors, n_events, p) in enumerate(shapes):
            directory = os.path.join(tmp, "random-%d" % k)
            write_random_bundle(directory, rng, n_actors, n_events, p)
            problems += compare("random %dx%d p=%.2f" % (n_actors, n_events, p), coopnet,
                                directory, worst)
        for seed, (n_actors, n_events, size) in enumerate([(60, 40, 3), (120, 50, 4),
                                                           (200, 150, 2.5)], start=1):
            directory = os.path.join(tmp, "generated-%d" % seed)
            subprocess.run([coopnet, "generate", "--quiet", "-o", directory,
                            "--actors", str(n_actors), "--events", str(n_events),
                            "--mean-size", str(size), "--countries", "3", "--seed", str(seed)],
                           check=True)
            problems += compare("generate --seed %d" % seed, coopnet, directory, worst)
    for m in MEASURES:
        print("largest difference, %-11s %.3g" % (m + ":", worst[m]))
    print("MATCH" if problems == 0 else "MISMATCH (%d)" % problems)
    return 0 if problems == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
