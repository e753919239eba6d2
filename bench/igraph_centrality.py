#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Times the igraph calls behind `coopnet centrality` from python-igraph on an edge list written
by `coopnet convert -o FILE.csv` (from,to,weight,...). Prints the seconds spent in the calls.

    /usr/bin/python3 bench/igraph_centrality.py EDGES.csv N_VERTICES"""
import csv
import sys
import time

import igraph

path, n = sys.argv[1], int(sys.argv[2])
with open(path, newline="") as f:
    rows = list(csv.DictReader(f))
ids = {}
edges = []
for r in rows:
    for end in (r["from"], r["to"]):
        if end not in ids:
            ids[end] = len(ids)
    edges.append((ids[r["from"]], ids[r["to"]]))
g = igraph.Graph(n=n, edges=edges, directed=False)
g.es["weight"] = [float(r["weight"]) for r in rows]
start = time.perf_counter()
g.degree()
g.strength(weights="weight")
g.betweenness(directed=False)
g.closeness(normalized=True)
g.harmonic_centrality(normalized=True)
g.eigenvector_centrality(directed=False, scale=True)
g.pagerank(directed=False, damping=0.85, implementation="prpack")
g.coreness()
g.constraint()
print("%.3f" % (time.perf_counter() - start))
