#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks `coopnet backbone` against an independent computation with numpy and scipy:

    /usr/bin/python3 tests/reference/backbone_check.py BUILD/coopnet SOURCE_DIR

on datasets/davis-southern-women and on random incidence matrices (fixed seeds, written as
bundles to a temporary directory), for both models and every correction. Independent of the C
code in method, not only in language:
  - the BiCM probabilities are solved by scipy.optimize.root (Powell's hybrid method) on the
    log-parameters of every row and column (not the fixed point over degree classes),
  - the exact Poisson-binomial tail is the DFT of the characteristic function (Hong 2013), not
    the recursion,
  - the hypergeometric tail is scipy.stats.hypergeom.sf,
  - the corrections are applied to the p-values of all n (n - 1) / 2 pairs, p = 1 included.
Above 1000 events the C code uses the refined normal approximation; the reference computes it
with the same formula (R's backbone::pb) and, separately, prints how far it is from the exact
DFT tail on that matrix (a documented approximation, not checked to 1e-8).

Exit 0 when every shared count, expected count and p-value agrees to TOLERANCE and the kept
pairs are the same; 1 otherwise; 77 (skipped) without numpy or scipy."""

import csv
import itertools
import os
import subprocess
import sys
import tempfile

try:
    import numpy as np
    from scipy import optimize, stats
except ImportError:
    print("numpy or scipy missing: skipped")
    sys.exit(77)

TOLERANCE = 1e-8
EXACT_MAX_EVENTS = 1000  # COOPNET_BACKBONE_EXACT_MAX_EVENTS


def fit_bicm(matrix):
    """p_ie = x_i y_e / (1 + x_i y_e) with row and column sums equal to the observed ones."""
    rows, cols = matrix.shape
    k, n = matrix.sum(axis=1).astype(float), matrix.sum(axis=0).astype(float)
    p = np.full((rows, cols), np.nan)
    free_r, free_c = np.ones(rows, bool), np.ones(cols, bool)
    target_r, target_c = k.copy(), n.copy()
    changed = True
    while changed:  # full and empty rows and columns have no finite parameters
        changed = False
        for i in np.where(free_r)[0]:
            if target_r[i] in (0, free_c.sum()):
                value = 1.0 if target_r[i] > 0 else 0.0
                p[i, free_c] = value
                target_c[free_c] -= value
                free_r[i] = False
                changed = True
        for e in np.where(free_c)[0]:
            if target_c[e] in (0, free_r.sum()):
                value = 1.0 if target_c[e] > 0 else 0.0
                p[free_r, e] = value
                target_r[free_r] -= value
                free_c[e] = False
                changed = True
    r_idx, c_idx = np.where(free_r)[0], np.where(free_c)[0]
    if len(r_idx) and len(c_idx):
        tr, tc = target_r[r_idx], target_c[c_idx]

        def equations(theta):
            a, b = theta[: len(r_idx)], theta[len(r_idx):]
            q = 1.0 / (1.0 + np.exp(-(a[:, None] + b[None, :])))
            return np.concatenate([q.sum(axis=1) - tr, q.sum(axis=0) - tc])

        start = np.concatenate([np.log(tr / (len(c_idx) - tr)) / 2,
                                np.log(tc / (len(r_idx) - tc)) / 2])
        solution = optimize.root(equations, start, method="hybr", options={"xtol": 1e-14})
        a, b = solution.x[: len(r_idx)], solution.x[len(r_idx):]
        p[np.ix_(r_idx, c_idx)] = 1.0 / (1.0 + np.exp(-(a[:, None] + b[None, :])))
    residual = max(np.abs(p.sum(axis=1) - k).max(), np.abs(p.sum(axis=0) - n).max())
    return p, residual


def poisson_binomial_upper_dft(q, s):
    """P(X >= s), X = sum of Bernoulli(q): the pmf from the DFT of the characteristic function."""
    m = len(q)
    omega = 2 * np.pi / (m + 1)
    t = np.arange(m + 1)
    z = 1 - q[None, :] + q[None, :] * np.exp(1j * omega * t[:, None])
    characteristic = np.exp(np.log(z).sum(axis=1))
    pmf = np.real(np.fft.fft(characteristic)) / (m + 1)
    pmf = np.clip(pmf, 0, None)
    return min(1.0, pmf[s:].sum())


def poisson_binomial_upper_rna(q, s):
    mu, pq = q.sum(), q * (1 - q)
    sigma = np.sqrt(pq.sum())
    if sigma == 0:
        return 1.0 if mu >= s - 0.5 else 0.0
    gamma = (pq * (1 - 2 * q)).sum()
    x = (s - 0.5 - mu) / sigma
    upper = stats.norm.sf(x) - gamma / (6 * sigma**3) * (1 - x * x) * stats.norm.pdf(x)
    return float(min(1.0, max(0.0, upper)))


def correct(p_values, correction):
    """Adjusted p-values of the whole family (R's p.adjust)."""
    m = len(p_values)
    if correction == "none":
        return list(p_values)
    if correction == "bonferroni":
        return [min(1.0, m * p) for p in p_values]
    order = sorted(range(m), key=lambda i: p_values[i])
    adjusted, running = [0.0] * m, 0.0
    for rank, i in enumerate(order):
        running = max(running, min(1.0, (m - rank) * p_values[i]))
        adjusted[i] = running
    return adjusted


def reference(matrix, model, correction, alpha):
    """{(i, j): (shared, expected, p_value, kept)} for the pairs sharing an event."""
    pairs, results = tests(matrix, model)
    adjusted = correct([r[2] for r in results], correction)
    return {pair: (s, e, pv, adj < alpha)
            for pair, (s, e, pv), adj in zip(pairs, results, adjusted) if s > 0}


def tests(matrix, model):
    """Every pair of rows with (shared, expected, p_value); computed once per matrix and model."""
    key = (matrix.tobytes(), matrix.shape, model)
    if key not in _tests:
        _tests[key] = compute_tests(matrix, model)
    return _tests[key]


_tests = {}


def compute_tests(matrix, model):
    matrix = matrix[matrix.sum(axis=1) > 0][:, matrix.sum(axis=0) > 0]
    rows, events = matrix.shape
    co = matrix @ matrix.T
    k = matrix.sum(axis=1)
    if model == "sdsm":
        p, residual = fit_bicm(matrix.astype(float))
        assert residual < 1e-8, "reference fit residual %g" % residual
    pairs = list(itertools.combinations(range(rows), 2))
    results = []
    for i, j in pairs:
        s = int(co[i, j])
        if model == "fixed-row":
            expected = k[i] * k[j] / events
            p_value = float(stats.hypergeom.sf(s - 1, events, k[i], k[j]))
        else:
            q = p[i] * p[j]
            expected = q.sum()
            if events > EXACT_MAX_EVENTS:
                p_value = poisson_binomial_upper_rna(q, s)
            else:
                p_value = poisson_binomial_upper_dft(q, s)
        results.append((s, expected, p_value))
    return pairs, results


def write_bundle(directory, matrix):
    rows, cols = matrix.shape
    with open(os.path.join(directory, "actors.csv"), "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["id", "name", "level", "country"])
        for i in range(rows):
            w.writerow(["a%d" % i, "A%d" % i, "local", "MA"])
    with open(os.path.join(directory, "events.csv"), "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["id", "title", "date"])
        for e in range(cols):
            w.writerow(["e%d" % e, "E%d" % e, "2024-01-01"])
    with open(os.path.join(directory, "participation.csv"), "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["event", "actor"])
        for i, e in zip(*np.nonzero(matrix)):
            w.writerow(["e%d" % e, "a%d" % i])


def read_bundle(directory):
    """The incidence matrix of a bundle read directly from its CSV files, actors in file order."""
    with open(os.path.join(directory, "actors.csv"), newline="", encoding="utf-8") as f:
        actors = [r["id"] for r in csv.DictReader(f)]
    with open(os.path.join(directory, "events.csv"), newline="", encoding="utf-8") as f:
        events = [r["id"] for r in csv.DictReader(f)]
    matrix = np.zeros((len(actors), len(events)), dtype=int)
    with open(os.path.join(directory, "participation.csv"), newline="", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            matrix[actors.index(r["actor"]), events.index(r["event"])] = 1
    return matrix, actors


def run_coopnet(coopnet, directory, model, correction, alpha):
    out = subprocess.run([coopnet, "backbone", directory, "--model", model, "--correction",
                          correction, "--alpha", repr(alpha), "--format", "csv-raw", "--quiet"],
                         check=True, capture_output=True, text=True).stdout
    return list(csv.DictReader(out.splitlines()))


def compare(name, coopnet, directory, matrix, actors, alpha=0.05):
    worst_expected = worst_p = 0.0
    failures = 0
    kept_counts = []
    nonempty = [a for a, row in zip(actors, matrix) if row.sum() > 0]
    for model in ("sdsm", "fixed-row"):
        for correction in ("none", "holm", "bonferroni"):
            ours = run_coopnet(coopnet, directory, model, correction, alpha)
            theirs = reference(matrix, model, correction, alpha)
            got = {(nonempty.index(r["from"]), nonempty.index(r["to"])): r for r in ours}
            if set(got) != set(theirs):
                print("%s %s %s: pairs differ" % (name, model, correction))
                failures += 1
                continue
            kept_counts.append("%s/%s %d" % (model, correction,
                                               sum(v[3] for v in theirs.values())))
            for pair, (s, expected, p_value, kept) in theirs.items():
                r = got[pair]
                worst_expected = max(worst_expected, abs(float(r["expected"]) - expected))
                worst_p = max(worst_p, abs(float(r["p_value"]) - p_value))
                difference = max(worst_expected, worst_p)
                if int(r["shared"]) != s or difference > TOLERANCE or (r["kept"] == "1") != kept:
                    failures += 1
                    print("%s %s %s %s-%s: coopnet %s,%s,%s,%s reference %d,%.12g,%.12g,%d"
                          % (name, model, correction, r["from"], r["to"], r["shared"],
                             r["expected"], r["p_value"], r["kept"], s, expected, p_value, kept))
    print("%s: %dx%d, max |difference| of expected %.3g, of p-values %.3g (the CSV has 10 "
          "significant digits); kept: %s"
          % (name, matrix.shape[0], matrix.shape[1], worst_expected, worst_p,
             ", ".join(kept_counts)))
    return failures


def main():
    coopnet, source = sys.argv[1], sys.argv[2]
    failures = 0
    davis = os.path.join(source, "datasets", "davis-southern-women")
    matrix, actors = read_bundle(davis)
    failures += compare("davis", coopnet, davis, matrix, actors)
    kept = [(actors[i], actors[j]) for (i, j), v in reference(matrix, "sdsm", "none", 0.05).items()
            if v[3]]
    print("davis sdsm alpha 0.05: %d pairs kept %s" % (len(kept), kept))

    rng = np.random.default_rng(20261202)
    shapes = [(6, 5, 0.5), (12, 9, 0.35), (20, 15, 0.3), (30, 40, 0.15), (25, 60, 0.1)]
    with tempfile.TemporaryDirectory() as tmp:
        for number, (rows, cols, density) in enumerate(shapes):
            matrix = (rng.random((rows, cols)) < density).astype(int)
            if number == 1:  # a full row, a full column and an empty row: the degenerate cells
                matrix[0, :] = 1
                matrix[:, 0] = 1
                matrix[3, :] = 0
            directory = os.path.join(tmp, "random%d" % number)
            os.mkdir(directory)
            write_bundle(directory, matrix)
            failures += compare("random%d" % number, coopnet, directory, matrix,
                                ["a%d" % i for i in range(rows)])

        # Planted groups (two blocks of actors meeting mostly among themselves): pairs are kept
        # under every model and correction, so the kept flags are checked, not only p-values.
        block = np.full((24, 150), 0.01)
        for group in range(3):
            block[8 * group:8 * group + 8, 50 * group:50 * group + 50] = 0.6
        matrix = (rng.random((24, 150)) < block).astype(int)
        directory = os.path.join(tmp, "planted")
        os.mkdir(directory)
        write_bundle(directory, matrix)
        failures += compare("planted", coopnet, directory, matrix, ["a%d" % i for i in range(24)])

        # Above EXACT_MAX_EVENTS: the refined normal approximation, same formula both sides.
        matrix = (rng.random((10, 1100)) < 0.05).astype(int)
        directory = os.path.join(tmp, "large")
        os.mkdir(directory)
        write_bundle(directory, matrix)
        failures += compare("large", coopnet, directory, matrix, ["a%d" % i for i in range(10)])
        p, _ = fit_bicm(matrix.astype(float))
        co = matrix @ matrix.T
        gap = max(abs(poisson_binomial_upper_rna(p[i] * p[j], co[i, j])
                      - poisson_binomial_upper_dft(p[i] * p[j], co[i, j]))
                  for i, j in itertools.combinations(range(10), 2) if co[i, j] > 0)
        print("large: refined normal vs exact tail, max |difference| %.3g" % gap)
    print("failures: %d" % failures)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
