#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The coopnet benchmark workloads done the way researchers do them today, in Python.

usage: /usr/bin/python3 bench/baselines.py WORKLOAD BUNDLE [--budget SECONDS] [--exact-limit N]
                                          [--output FILE]

WORKLOAD is one of
  load-csv        read the four CSVs with the csv module and build the networkx cooperation graph
  load-pandas     read them with pandas and build the same networkx graph
  nx-centrality   load-pandas, then the nine centralities of `coopnet centrality` with networkx
  ig-centrality   pandas, python-igraph graph, the same nine centralities with python-igraph
  gt-centrality   pandas, graph-tool graph (Debian's python3-graph-tool, C++ with OpenMP over
                  all cores), the same centralities with graph-tool; it has no Burt's
                  constraint, so that one is left out (the note says so)
  gt-pivots       pandas, graph-tool graph, betweenness from 100 random pivot sources
                  (graph-tool's `pivots`), scaled by n / 100 to estimate every actor's raw
                  betweenness; --output FILE writes `id,betweenness` for the error check
  reach-scan      every actor's temporal reach by a per-source scan over the dated contacts

The cooperation graph is coopnet's default: actors linked by each event they share (weight +1
per event) and by each tie (weight + its weight), undirected. The temporal reach follows
coopnet's semantics (docs/temporal.md): every dated event is a group contact at its date (the
first day of a month- or year-precision date), every dated tie a contact between its ends
(one-way when directed); reach follows time-respecting paths with strictly increasing dates.

Prints one JSON object on stdout: {"workload", "seconds", "phases", "extrapolated", "note"}.
"seconds" is the work itself, without the interpreter's start and imports (which the harness
sees in its wall-clock time). Per-source work that would exceed --budget seconds (betweenness,
closeness, harmonic and constraint in networkx; the reach scan) is timed on a random sample of
sources and extrapolated to all of them, linearly (each source costs one traversal); the
result then says "extrapolated": true and how many sources were timed.
"""
import argparse
import csv
import datetime
import itertools
import json
import os
import random
import sys
import time
from collections import Counter, defaultdict


def timed(phases, name, function, *args, **kwargs):
    start = time.perf_counter()
    result = function(*args, **kwargs)
    phases[name] = phases.get(name, 0.0) + time.perf_counter() - start
    return result


def weighted_pairs(actor_ids, participations, ties):
    """participations: iterable of (event, actor); ties: iterable of (from, to, weight)."""
    members = defaultdict(list)
    for event, actor in participations:
        members[event].append(actor)
    weights = Counter()
    for actors in members.values():
        for a, b in itertools.combinations(sorted(set(actors)), 2):
            weights[(a, b)] += 1
    for a, b, w in ties:
        if a == b:
            continue
        key = (a, b) if a < b else (b, a)
        weights[key] += w
    return weights


def read_with_csv(bundle):
    def rows(name):
        path = os.path.join(bundle, name)
        if not os.path.exists(path):
            return []
        with open(path, newline="", encoding="utf-8") as f:
            return list(csv.DictReader(f))

    actors = rows("actors.csv")
    events = rows("events.csv")
    participation = rows("participation.csv")
    ties = rows("ties.csv")
    return actors, events, participation, ties


def build_networkx_from_csv(actors, participation, ties):
    import networkx as nx

    ids = [row["id"] for row in actors]
    pairs = weighted_pairs(ids, ((r["event"], r["actor"]) for r in participation),
                           ((r["from"], r["to"], float(r.get("weight") or 1)) for r in ties))
    graph = nx.Graph()
    graph.add_nodes_from(ids)
    graph.add_weighted_edges_from((a, b, w) for (a, b), w in pairs.items())
    return graph


def read_with_pandas(bundle):
    import pandas as pd

    def frame(name):
        path = os.path.join(bundle, name)
        if not os.path.exists(path):
            return pd.DataFrame()
        return pd.read_csv(path, dtype=str, keep_default_na=False)

    return frame("actors.csv"), frame("events.csv"), frame("participation.csv"), frame("ties.csv")


def pandas_pairs(actors, participation, ties):
    tie_rows = []
    if len(ties):
        weight = ties["weight"].replace("", "1").astype(float) if "weight" in ties else 1.0
        tie_rows = zip(ties["from"], ties["to"], weight)
    return weighted_pairs(list(actors["id"]), zip(participation["event"], participation["actor"]),
                          tie_rows)


def build_networkx_from_pandas(actors, participation, ties):
    import networkx as nx

    pairs = pandas_pairs(actors, participation, ties)
    graph = nx.Graph()
    graph.add_nodes_from(actors["id"])
    graph.add_weighted_edges_from((a, b, w) for (a, b), w in pairs.items())
    return graph


def extrapolate(phases, name, n_total, budget, run_on, notes):
    """Runs run_on(sample) on growing samples of sources until the whole set is done or the time
    spent passes budget; records the (extrapolated) time of all n_total sources."""
    order = list(range(n_total))
    random.Random(1).shuffle(order)
    done, spent, size = 0, 0.0, 1
    while done < n_total:
        sample = order[done:done + size]
        start = time.perf_counter()
        run_on(sample)
        spent += time.perf_counter() - start
        done += len(sample)
        if spent > budget and done < n_total:
            break
        size *= 2
    if done < n_total:
        phases[name] = spent * n_total / done
        notes.append("%s extrapolated from %d of %d sources" % (name, done, n_total))
        return True
    phases[name] = spent
    return False


def nx_centrality(bundle, budget, exact_limit, output=None):
    import networkx as nx

    phases, notes = {}, []
    actors, events, participation, ties = timed(phases, "read", read_with_pandas, bundle)
    graph = timed(phases, "build", build_networkx_from_pandas, actors, participation, ties)
    nodes = list(graph.nodes())
    n = len(nodes)
    extrapolated = False
    timed(phases, "degree", lambda: dict(graph.degree()))
    timed(phases, "strength", lambda: dict(graph.degree(weight="weight")))
    if n <= exact_limit:
        timed(phases, "betweenness", nx.betweenness_centrality, graph)
    else:
        # Brandes: one traversal per source; nx samples k sources itself
        def betweenness(sample):
            nx.betweenness_centrality(graph, k=len(sample), seed=len(sample))
        extrapolated |= extrapolate(phases, "betweenness", n, budget, betweenness, notes)
    extrapolated |= extrapolate(
        phases, "closeness", n, budget,
        lambda sample: [nx.closeness_centrality(graph, u=nodes[i]) for i in sample], notes)
    extrapolated |= extrapolate(
        phases, "harmonic", n, budget,
        lambda sample: nx.harmonic_centrality(graph, sources=[nodes[i] for i in sample]), notes)
    try:
        timed(phases, "eigenvector", nx.eigenvector_centrality, graph, max_iter=1000)
    except nx.PowerIterationFailedConvergence:
        notes.append("eigenvector did not converge in 1000 iterations")
    timed(phases, "pagerank", nx.pagerank, graph)
    timed(phases, "coreness", nx.core_number, graph)
    extrapolated |= extrapolate(
        phases, "constraint", n, budget,
        lambda sample: nx.constraint(graph, nodes=[nodes[i] for i in sample]), notes)
    return phases, extrapolated, notes


def ig_centrality(bundle, budget, exact_limit, output=None):
    import igraph as ig

    phases, notes = {}, []
    actors, events, participation, ties = timed(phases, "read", read_with_pandas, bundle)

    def build():
        ids = list(actors["id"])
        index = {a: i for i, a in enumerate(ids)}
        pairs = pandas_pairs(actors, participation, ties)
        graph = ig.Graph(n=len(ids), edges=[(index[a], index[b]) for a, b in pairs])
        graph.es["weight"] = list(pairs.values())
        return graph

    graph = timed(phases, "build", build)
    timed(phases, "degree", graph.degree)
    timed(phases, "strength", graph.strength, weights="weight")
    timed(phases, "betweenness", graph.betweenness, directed=False)
    timed(phases, "closeness", graph.closeness)
    timed(phases, "harmonic", graph.harmonic_centrality)
    timed(phases, "eigenvector", graph.eigenvector_centrality, directed=False)
    timed(phases, "pagerank", graph.pagerank, directed=False)
    timed(phases, "coreness", graph.coreness)
    timed(phases, "constraint", graph.constraint)
    return phases, False, notes


def import_graph_tool():
    import warnings
    with warnings.catch_warnings():
        # its drawing module wants a cairo binding the benchmark does not use
        warnings.simplefilter("ignore", RuntimeWarning)
        import graph_tool.all as gt
    return gt


def graph_tool_graph(phases, bundle):
    gt = import_graph_tool()

    actors, events, participation, ties = timed(phases, "read", read_with_pandas, bundle)

    def build():
        ids = list(actors["id"])
        index = {a: i for i, a in enumerate(ids)}
        pairs = pandas_pairs(actors, participation, ties)
        graph = gt.Graph(directed=False)
        graph.add_vertex(len(ids))
        weight = graph.new_edge_property("double")
        graph.add_edge_list([(index[a], index[b], w) for (a, b), w in pairs.items()],
                            eprops=[weight])
        return graph, weight, ids

    return timed(phases, "build", build)


def graph_tool_threads():
    gt = import_graph_tool()
    return "graph-tool %s, %d OpenMP threads" % (gt.__version__.split()[0],
                                                 gt.openmp_get_num_threads())


def gt_centrality(bundle, budget, exact_limit, output):
    gt = import_graph_tool()

    phases, notes = {}, [graph_tool_threads(), "no Burt's constraint in graph-tool"]
    graph, weight, ids = graph_tool_graph(phases, bundle)
    timed(phases, "degree", lambda: graph.degree_property_map("total"))
    timed(phases, "strength", lambda: graph.degree_property_map("total", weight=weight))
    timed(phases, "betweenness", gt.betweenness, graph, norm=False)
    timed(phases, "closeness", gt.closeness, graph)
    timed(phases, "harmonic", gt.closeness, graph, harmonic=True)
    timed(phases, "eigenvector", gt.eigenvector, graph)
    timed(phases, "pagerank", gt.pagerank, graph)
    timed(phases, "coreness", gt.kcore_decomposition, graph)
    return phases, False, notes


PIVOTS = 100


def gt_pivots(bundle, budget, exact_limit, output):
    gt = import_graph_tool()

    phases, notes = {}, [graph_tool_threads()]
    graph, weight, ids = graph_tool_graph(phases, bundle)
    n = len(ids)
    pivots = random.Random(1).sample(range(n), min(PIVOTS, n))
    notes.append("%d pivots of %d actors" % (len(pivots), n))
    vertex_betweenness, _ = timed(phases, "betweenness", gt.betweenness, graph, pivots=pivots,
                                  norm=False)
    # graph-tool sums the dependencies of the pivots only: n / k times that estimates the
    # betweenness of all sources, each unordered pair counted once as coopnet counts it
    scale = n / len(pivots) if pivots else 0.0
    if output:
        with open(output, "w", newline="") as f:
            writer = csv.writer(f)
            writer.writerow(["id", "betweenness"])
            for v, actor in enumerate(ids):
                writer.writerow([actor, repr(vertex_betweenness[v] * scale)])
    return phases, False, notes


def day_number(text):
    text = text.strip()
    if not text:
        return None
    parts = [int(p) for p in text.split("-")]
    while len(parts) < 3:
        parts.append(1)
    return datetime.date(*parts).toordinal()


def reach_scan(bundle, budget, exact_limit, output=None):
    phases, notes = {}, []
    actors, events, participation, ties = timed(phases, "read", read_with_csv, bundle)

    def prepare():
        index = {row["id"]: i for i, row in enumerate(actors)}
        event_day = {row["id"]: day_number(row.get("date", "")) for row in events}
        members = defaultdict(list)
        for row in participation:
            if event_day.get(row["event"]) is not None:
                members[row["event"]].append(index[row["actor"]])
        contacts = defaultdict(list)  # day -> [(group, directed)]
        for event, group in members.items():
            contacts[event_day[event]].append((group, False))
        for row in ties:
            day = day_number(row.get("start", ""))
            if day is not None:
                directed = row.get("directed", "").lower() == "true"
                contacts[day].append(([index[row["from"]], index[row["to"]]], directed))
        return len(actors), sorted(contacts.items())

    n, by_day = timed(phases, "prepare", prepare)
    reach = [0] * n

    def scan(sources):
        for source in sources:
            arrival = {source: -1}
            for day, day_contacts in by_day:
                informed_groups = []
                for group, directed in day_contacts:
                    if directed:
                        if arrival.get(group[0], day) < day:
                            informed_groups.append(group[1:])
                    elif any(arrival.get(member, day) < day for member in group):
                        informed_groups.append(group)
                for group in informed_groups:
                    for member in group:
                        if member not in arrival:
                            arrival[member] = day
            reach[source] = len(arrival) - 1

    extrapolated = extrapolate(phases, "scan", n, budget, scan, notes)
    return phases, extrapolated, notes


def load_csv(bundle, budget, exact_limit, output=None):
    phases = {}
    actors, events, participation, ties = timed(phases, "read", read_with_csv, bundle)
    graph = timed(phases, "build", build_networkx_from_csv, actors, participation, ties)
    return phases, False, ["%d vertices, %d edges" % (graph.number_of_nodes(),
                                                      graph.number_of_edges())]


def load_pandas(bundle, budget, exact_limit, output=None):
    phases = {}
    actors, events, participation, ties = timed(phases, "read", read_with_pandas, bundle)
    graph = timed(phases, "build", build_networkx_from_pandas, actors, participation, ties)
    return phases, False, ["%d vertices, %d edges" % (graph.number_of_nodes(),
                                                      graph.number_of_edges())]


WORKLOADS = {
    "load-csv": load_csv,
    "load-pandas": load_pandas,
    "nx-centrality": nx_centrality,
    "ig-centrality": ig_centrality,
    "gt-centrality": gt_centrality,
    "gt-pivots": gt_pivots,
    "reach-scan": reach_scan,
}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("workload", choices=sorted(WORKLOADS))
    parser.add_argument("bundle")
    parser.add_argument("--budget", type=float, default=60.0,
                        help="seconds of per-source work before sampling (default 60)")
    parser.add_argument("--exact-limit", type=int, default=2000,
                        help="networkx betweenness exact up to this many actors (default 2000)")
    parser.add_argument("--output", help="gt-pivots: where its estimates go (CSV)")
    args = parser.parse_args()
    phases, extrapolated, notes = WORKLOADS[args.workload](args.bundle, args.budget,
                                                           args.exact_limit, args.output)
    json.dump({"workload": args.workload, "seconds": sum(phases.values()),
               "phases": {k: round(v, 4) for k, v in phases.items()},
               "extrapolated": extrapolated, "note": "; ".join(notes)}, sys.stdout)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
