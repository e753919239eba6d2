#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Reference centralities of the Davis southern women, computed with networkx (independently of
igraph), printed as the C tables stored in tests/test_centrality.c (the last one: the two-mode
measures of the actor-event graph):

    /usr/bin/python3 tests/reference/davis_centrality.py

The cooperation graph of the undated Davis bundle with count weighting is networkx's weighted
projection of the women (weight = number of shared events). Weighted path measures use
distance = 1 / weight, as coopnet does; weighted betweenness is computed exactly (see
exact_weighted_betweenness)."""

import heapq
from fractions import Fraction

import networkx as nx
from networkx.algorithms import bipartite

g = nx.davis_southern_women_graph()
women = g.graph["top"]
p = bipartite.weighted_projected_graph(g, women)
for a, b, d in p.edges(data=True):
    d["distance"] = 1.0 / d["weight"]
n = p.number_of_nodes()


def exact_weighted_betweenness(graph):
    """Brandes' algorithm in exact rational arithmetic. networkx compares floating-point path
    lengths exactly, so 1/3 + 1/6 and 1/2 can count as different lengths and its weighted
    betweenness of this graph is off (Evelyn Jefferson 4.33 instead of 4.5); igraph compares
    with a tolerance and agrees with the exact values."""
    score = {v: Fraction(0) for v in graph}
    for source in graph:
        dist, sigma, pred, order = {source: Fraction(0)}, {source: 1}, {source: []}, []
        heap, done = [(Fraction(0), 0, source)], set()
        counter = 1
        while heap:
            d, _, v = heapq.heappop(heap)
            if v in done:
                continue
            done.add(v)
            order.append(v)
            for w in graph[v]:
                nd = d + Fraction(1, graph[v][w]["weight"])
                if w not in dist or nd < dist[w]:
                    dist[w], sigma[w], pred[w] = nd, sigma[v], [v]
                    heapq.heappush(heap, (nd, counter, w))
                    counter += 1
                elif nd == dist[w] and w not in done:
                    sigma[w] += sigma[v]
                    pred[w].append(v)
        delta = {v: Fraction(0) for v in graph}
        for w in reversed(order):
            for v in pred[w]:
                delta[v] += Fraction(sigma[v], sigma[w]) * (1 + delta[w])
            if w != source:
                score[w] += delta[w]
    return {v: float(x / 2) for v, x in score.items()}


def scaled(values):
    top = max(values.values())
    return {k: v / top for k, v in values.items()}


def measures(weighted):
    w = "weight" if weighted else None
    dist = "distance" if weighted else None
    return {
        "degree": dict(p.degree()),
        "strength": dict(p.degree(weight="weight")),
        "betweenness": exact_weighted_betweenness(p) if weighted
        else nx.betweenness_centrality(p, normalized=False),
        "closeness": nx.closeness_centrality(p, distance=dist),
        "harmonic": {k: v / (n - 1) for k, v in nx.harmonic_centrality(p, distance=dist).items()},
        "eigenvector": scaled(nx.eigenvector_centrality_numpy(p, weight=w)),
        "pagerank": nx.pagerank(p, alpha=0.85, weight=w, tol=1e-14, max_iter=10000),
        "coreness": nx.core_number(p),
        "constraint": nx.constraint(p, weight=w),
    }


order = ["degree", "strength", "betweenness", "closeness", "harmonic", "eigenvector",
         "pagerank", "coreness", "constraint"]
for weighted in (False, True):
    m = measures(weighted)
    print("/* %s: %s */" % ("weighted" if weighted else "unweighted", ", ".join(order)))
    print("static const davis_reference_t davis_%s[] = {" % ("weighted" if weighted else "unweighted"))
    for woman in women:
        cells = ", ".join("%.12g" % m[k][woman] for k in order)
        print('    {"%s", {%s}},' % (woman, cells))
    print("};")

# Two-mode measures of the actor-event graph (networkx's bipartite module, Borgatti & Everett's
# normalisations), actors by name and events by networkx's name (E1, ...: the bundle's e1, ...),
# to 17 significant digits.
two_mode = {
    "degree": bipartite.degree_centrality(g, women),
    "betweenness": bipartite.betweenness_centrality(g, women),
    "closeness": bipartite.closeness_centrality(g, women),
}
events = sorted((v for v in g if v not in women), key=lambda e: int(e[1:]))
print("/* two-mode: degree, betweenness, closeness */")
print("static const davis_two_mode_reference_t davis_two_mode[] = {")
for node in list(women) + events:
    cells = ", ".join("%.17g" % two_mode[k][node] for k in ("degree", "betweenness", "closeness"))
    print('    {"%s", {%s}},' % (node, cells))
print("};")
