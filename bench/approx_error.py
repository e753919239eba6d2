#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Measures the error of `coopnet centrality --approx` against `--exact` on the same bundle.

usage: bench/approx_error.py EXACT.csv APPROX.csv

Both files are `coopnet centrality` CSV output (any of betweenness, closeness, harmonic; the
approximate one with its MEASURE_error_bound columns), or APPROX.csv is another tool's estimate
(`id,betweenness`, raw: bench/baselines.py gt-pivots) with no bound: then only the errors and the
top 20 are printed. Prints, per measure: the largest error
(betweenness also normalised by (n-1)(n-2)/2, the scale of the bound EPS), the largest error
over the actor's stated bound, the actors outside their bound, and how many of the exact top 20
are in the estimated top 20.
"""
import csv
import sys


def read(path):
    with open(path, newline="") as f:
        return {row["id"]: row for row in csv.DictReader(f)}


def number(text):
    return float(text) if text not in ("", None) else None


def main():
    exact, approx = read(sys.argv[1]), read(sys.argv[2])
    n = len(exact)
    pairs = (n - 1) * (n - 2) / 2
    for measure in ("betweenness", "closeness", "harmonic"):
        bound_column = measure + "_error_bound"
        first = next(iter(approx.values()))
        if measure not in first:
            continue
        has_bound = bound_column in first
        worst = worst_ratio = 0.0
        outside = 0
        for actor, row in approx.items():
            value = number(row[measure])
            bound = number(row[bound_column]) if has_bound else None
            truth = number(exact[actor][measure])
            if value is None or truth is None:
                continue
            error = abs(value - truth)
            worst = max(worst, error)
            if bound is None:
                continue
            if bound > 0:
                worst_ratio = max(worst_ratio, error / bound)
            if error > bound * (1 + 1e-9) + 1e-12:
                outside += 1

        def top(rows):
            ranked = sorted((a for a in rows if number(rows[a][measure]) is not None),
                            key=lambda a: -number(rows[a][measure]))
            return ranked[:20]
        common = len(set(top(exact)) & set(top(approx)))
        scale = " (normalised %.5f)" % (worst / pairs) if measure == "betweenness" else ""
        if has_bound:
            print("%-12s largest error %.6g%s, largest error / bound %.3f, outside the bound %d "
                  "of %d, top 20 in common %d" % (measure, worst, scale, worst_ratio, outside, n,
                                                  common))
        else:
            print("%-12s largest error %.6g%s, no stated bound, top 20 in common %d"
                  % (measure, worst, scale, common))


if __name__ == "__main__":
    main()
