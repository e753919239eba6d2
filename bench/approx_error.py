#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Measures the error of `coopnet centrality --approx` against `--exact` on the same bundle.

usage: bench/approx_error.py EXACT.csv APPROX.csv

Both files are `coopnet centrality` CSV output (any of betweenness, closeness, harmonic; the
approximate one with its MEASURE_error_bound columns). Prints, per measure: the largest error
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
        if measure not in first or bound_column not in first:
            continue
        worst = worst_ratio = 0.0
        outside = 0
        for actor, row in approx.items():
            value, bound = number(row[measure]), number(row[bound_column])
            truth = number(exact[actor][measure])
            if value is None or truth is None:
                continue
            error = abs(value - truth)
            worst = max(worst, error)
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
        print("%-12s largest error %.6g%s, largest error / bound %.3f, outside the bound %d of "
              "%d, top 20 in common %d" % (measure, worst, scale, worst_ratio, outside, n, common))


if __name__ == "__main__":
    main()
