#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""chart_data_check.py COOPNET SOURCE_DIR - every chart's --data output (the numbers it draws)
against the analysis command that computes them, and render's --data against its figure.

ranking = `centrality` (top N, in its order); nlc-matrix = `nlc --table pairs` (every cell, both
halves); snapshots = `snapshots --every year --measure degree` (links = sum of degrees / 2,
actors linked = degree > 0; a panel per year); participation = the events of events.csv dated
within one quarter, counted here; reach-curve = `reach-curve` (the certain reading's line and the
possible reading's band). Run on the MENA bundle, tn-jo (no coordinates, loosely dated), Davis
(no levels) and a generated bundle.
"""
import csv
import io
import json
import os
import subprocess
import sys
import tempfile

coopnet, source = sys.argv[1], sys.argv[2]
failures = []


def fail(message):
    failures.append(message)
    print("FAIL: " + message, file=sys.stderr)


def run(*args):
    done = subprocess.run([coopnet, *args], capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit("coopnet %s failed (%d): %s" % (" ".join(args), done.returncode,
                                                         done.stderr))
    return done.stdout


def rows(text):
    return list(csv.DictReader(io.StringIO(text)))


def chart_data(work, bundle, kind, *options):
    data = os.path.join(work, "%s.csv" % kind)
    run("chart", "--quiet", kind, bundle, "-o", os.path.join(work, "%s.svg" % kind), "--data",
        data, *options)
    with open(data, newline="") as f:
        return list(csv.DictReader(f))


def number(text):
    return float(text) if text not in ("", None) else None


def close(a, b, tolerance=1e-6):
    if a is None or b is None:
        return a is None and b is None
    return abs(a - b) <= tolerance * max(1.0, abs(a), abs(b))


def check_ranking(name, work, bundle):
    for measure in ("degree", "betweenness"):
        drawn = chart_data(work, bundle, "ranking", "--measure", measure, "--top", "8")
        table = rows(run("centrality", "--quiet", "--measure", measure, bundle))
        values = {r["id"]: number(r[measure]) for r in table}
        expected = sorted(values, key=lambda a: (-(values[a] if values[a] is not None
                                                   else float("-inf"))))
        if len(drawn) != min(8, len(values)):
            fail("%s ranking %s: %d bars for %d actors" % (name, measure, len(drawn),
                                                           len(values)))
        for i, row in enumerate(drawn):
            if not close(number(row["value"]), values.get(row["id"])):
                fail("%s ranking %s: %s drawn %s, centrality says %s"
                     % (name, measure, row["id"], row["value"], values.get(row["id"])))
            if int(row["rank"]) != i + 1:
                fail("%s ranking %s: rank %s on row %d" % (name, measure, row["rank"], i + 1))
            # the bars are the top values, in order (ties may be ordered either way)
            if i < len(expected) and not close(number(row["value"]), values[expected[i]]):
                fail("%s ranking %s: bar %d is %s, the %d-th highest value is %s"
                     % (name, measure, i + 1, row["value"], i + 1, values[expected[i]]))


def check_nlc(name, work, bundle, countries):
    pairs = rows(run("nlc", "--quiet", bundle))
    for country in [None] + countries:
        drawn = chart_data(work, bundle, "nlc-matrix", *(["--country", country] if country
                                                        else []))
        key = country or "*"
        expected = {}
        for p in pairs:
            if p["country"] == key:
                expected[(p["level_a"], p["level_b"])] = p
                expected[(p["level_b"], p["level_a"])] = p
        if len(drawn) != 16:
            fail("%s nlc-matrix %s: %d cells, not 16" % (name, key, len(drawn)))
        for cell in drawn:
            want = expected.get((cell["row_level"], cell["column_level"]))
            if want is None:
                if cell["density"] != "":
                    fail("%s nlc-matrix %s: %s x %s drawn %s, nlc has no such pair"
                         % (name, key, cell["row_level"], cell["column_level"], cell["density"]))
                continue
            for drawn_column, nlc_column in (("density", "density"), ("links", "edges"),
                                             ("possible", "possible")):
                if not close(number(cell[drawn_column]), number(want[nlc_column])):
                    fail("%s nlc-matrix %s: %s x %s %s drawn %s, nlc says %s"
                         % (name, key, cell["row_level"], cell["column_level"], drawn_column,
                            cell[drawn_column], want[nlc_column]))


def check_snapshots(name, work, bundle):
    drawn = chart_data(work, bundle, "snapshots")
    table = rows(run("snapshots", "--quiet", "--every", "year", "--measure", "degree", bundle))
    by_year = {}
    for r in table:
        by_year.setdefault(r["date"][:4], []).append(number(r["value"]) or 0)
    if not drawn:
        fail("%s snapshots: no panel" % name)
    for panel in drawn:
        degrees = by_year.get(panel["year"])
        if degrees is None:
            fail("%s snapshots: panel %s has no snapshots step" % (name, panel["year"]))
            continue
        if int(panel["links"]) != round(sum(degrees) / 2):
            fail("%s snapshots %s: %s links drawn, snapshots' degrees sum to %g"
                 % (name, panel["year"], panel["links"], sum(degrees)))
        if int(panel["actors_linked"]) != sum(1 for d in degrees if d > 0):
            fail("%s snapshots %s: %s actors linked drawn, %d have a degree"
                 % (name, panel["year"], panel["actors_linked"], sum(1 for d in degrees if d > 0)))


def quarter_of(date):
    """The quarter an event surely falls in (YYYY-MM-DD, YYYY-MM, or an interval inside one
    quarter), else None."""
    def bounds(text):
        parts = text.split("-")
        if len(parts) == 1:
            return (int(parts[0]), 1), (int(parts[0]), 12)
        return (int(parts[0]), int(parts[1])), (int(parts[0]), int(parts[1]))
    date = date.strip()
    if not date:
        return None
    if "/" in date:
        start, end = date.split("/")
        if start == ".." or end == "..":
            return None
        first, last = bounds(start)[0], bounds(end)[1]
    else:
        first, last = bounds(date)
    q1 = (first[0], (first[1] - 1) // 3 + 1)
    q2 = (last[0], (last[1] - 1) // 3 + 1)
    return "%d-Q%d" % q1 if q1 == q2 else None


def check_participation(name, work, bundle):
    drawn = chart_data(work, bundle, "participation")
    with open(os.path.join(bundle, "events.csv"), newline="", encoding="utf-8-sig") as f:
        events = list(csv.DictReader(f))
    expected = {}
    for e in events:
        quarter = quarter_of(e.get("date", ""))
        if quarter:
            key = (quarter, e.get("type") or "other")
            expected[key] = expected.get(key, 0) + 1
    got = {(r["quarter"], r["event_type"]): int(r["events"]) for r in drawn if int(r["events"])}
    if got != expected:
        fail("%s participation: drawn %s, events.csv gives %s"
             % (name, sorted(got.items())[:6], sorted(expected.items())[:6]))


def check_reach_curve(name, work, bundle, sources):
    """reach-curve takes one --from: the chart's lines are checked one source at a time."""
    for source_list in ([], sources):
        options = ["--from", ",".join(source_list)] if source_list else []
        drawn = chart_data(work, bundle, "reach-curve", *options)
        if not drawn:
            fail("%s reach-curve %s: no point" % (name, source_list))
        expected = {}
        for source in source_list or ["*"]:
            table = rows(run("reach-curve", "--quiet", *(["--from", source] if source_list
                                                         else []), bundle))
            for r in table:
                expected[(source, r["date"])] = r
        value_column = "reached" if source_list else "reachability_ratio"
        scale = 1 if source_list else 100
        for point in drawn:
            want = expected.get((point["source"], point["period_end"]))
            if want is None:
                fail("%s reach-curve %s: point %s %s not in reach-curve's output"
                     % (name, source_list, point["source"], point["period_end"]))
                continue
            if not close(number(point["value"]), number(want[value_column]) * scale):
                fail("%s reach-curve %s %s: drawn %s, reach-curve says %s"
                     % (name, point["source"], point["period_end"], point["value"],
                        want[value_column]))
            possible = want.get(value_column + "_possible", "")
            if not close(number(point["value_possible"]),
                         number(possible) * scale if possible != "" else None):
                fail("%s reach-curve %s %s: band drawn at %r, reach-curve's possible reading "
                     "says %r" % (name, point["source"], point["period_end"],
                                  point["value_possible"], possible))


def check_render(name, work, bundle):
    data = os.path.join(work, "nodes.json")
    run("render", "--quiet", bundle, "-o", os.path.join(work, "network.png"), "--data", data)
    with open(data) as f:
        nodes = json.load(f)
    table = rows(run("centrality", "--quiet", "--measure", "degree", bundle))
    degree = {r["id"]: number(r["degree"]) for r in table}
    if sorted(n["id"] for n in nodes) != sorted(degree):
        fail("%s render: %d nodes drawn, %d actors in the graph" % (name, len(nodes),
                                                                     len(degree)))
    for n in nodes:
        if not close(n["size_value"], degree.get(n["id"])):
            fail("%s render: %s sized by %s, its degree is %s" % (name, n["id"],
                                                                  n["size_value"],
                                                                  degree.get(n["id"])))
        if not (0 <= n["x"] <= 720 and 0 <= n["y"] <= 540):
            fail("%s render: %s placed off the canvas at %g,%g" % (name, n["id"], n["x"],
                                                                   n["y"]))


def main():
    with tempfile.TemporaryDirectory() as work:
        generated = os.path.join(work, "generated")
        run("generate", "--quiet", "-o", generated, "--actors", "300", "--events", "250",
            "--seed", "3")
        mena = os.path.join(source, "datasets", "mena-hub")
        tnjo = os.path.join(source, "tests", "data", "tn-jo")
        davis = os.path.join(source, "datasets", "davis-southern-women")
        gen_actors = rows(run("centrality", "--quiet", "--measure", "degree", generated))
        gen_sources = [r["id"] for r in gen_actors[:2]]
        for name, bundle, countries, sources, dated in (
                ("mena-hub", mena, ["MA", "IQ"], ["fes", "saida"], True),
                ("tn-jo", tnjo, ["TN"], [], True),
                ("davis", davis, [], [], False),
                ("generated", generated, [], gen_sources, True)):
            check_ranking(name, work, bundle)
            check_nlc(name, work, bundle, countries)
            if dated:
                check_snapshots(name, work, bundle)
                check_participation(name, work, bundle)
                check_reach_curve(name, work, bundle, sources)
            check_render(name, work, bundle)
    if failures:
        print("%d failures" % len(failures), file=sys.stderr)
        return 1
    print("chart data: every chart's numbers match the analysis commands")
    return 0


if __name__ == "__main__":
    sys.exit(main())
