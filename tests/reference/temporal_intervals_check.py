#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks `coopnet reach` with interval dates (issue 19) against a brute-force reference written
here from docs/temporal.md, independently of coopnet's code, on small random bundles:

    /usr/bin/python3 tests/reference/temporal_intervals_check.py COOPNET [SOURCE_DIR]
        [--seeds N] [--base-seed B] [--seed S] [--keep-going] [--shrink]
        [--inside-only] [--with-known-gap] [--legacy] [--reference-only]

Every event is a group contact among its participants on one unknown day t in the bounds of its
`date`; every tie a contact in the bounds of its `start` (one-way when directed). Dates are exact
days, months, years, intervals (either side a month or year, or open: `..`) or empty; `..` and
empty mean the study window's edge (`--window`, else the earliest and latest day the bundle's
dates name: every written period, a value or a side of an interval, counts its first and last
day). The window stands for what is unknown only: a written bound outside it is kept (an open side
beyond the written one gives that one day), and its first day is the default --since. Every bundle is small (4-7 actors, 2-5 events
of 2-4 participants, 0-4 ties, some directed, a window of 6-10 days in March 2024; most runs pass
`--window`, and only those have months, years and interval sides reaching out of the window).

- POSSIBLE reading, no --max-wait: the union over every dating (one day per contact) of the
  exact-date reach, the earliest possible arrival being the least exact arrival over datings
  (all datings are enumerated; bundles are built so that there are at most a few thousand).
  Cross-checked inside the reference with a closure over (actor, earliest day) path states.
- POSSIBLE with --max-wait W: every path whose window of possible days, propagated step by step
  ([max(lo, e + 1), min(hi, l + W)]), never empties; contacts may repeat along a path. Computed
  as a closure over (actor, earliest, latest) states. Cross-checked: the exact reach of every
  dating (sampled when there are many) is inside it.
- CERTAIN reading: an enumeration (depth-first) of the paths c1..ck with hi(c_i) < lo(c_i+1)
  (and hi(c_i+1) - lo(c_i) <= W); the certain arrival is the least hi(ck). Cross-checked: every
  certainly reached actor is reached under every dating (not the converse).
- --since/--until clip the bounds in the possible reading (a contact left empty is dropped) and
  keep only the contacts wholly inside in the certain reading.
- On exact-dated bundles (a fifth of the seeds) both readings must agree with each other and
  with the exact-date reach, and coopnet's arrival and hops are checked too.

Compared with `reach --from` (ids, certain, arrival_earliest, arrival_latest, `--only certain`,
`--only possible`; on exact-dated bundles also arrival and hops), `reach --to` (ids, certain) and
`reach --all` (out_reach, out_reach_certain, out_reach_possible, in_reach_certain,
in_reach_possible), with and without --max-wait 1..3, --mode presenter, --since/--until, plus
hand-worked cases. Since both --from and --to are compared with the same reference, a in
`--to T` iff T in `--from a`, in each reading.

On a mismatch: the seed, the bundle (kept in a temporary directory), the command and both
answers; exit 1 (at the first mismatching seed unless --keep-going). --shrink then looks for a
smallest bundle and fewest options showing the same kind of mismatch. To separate causes:
--inside-only keeps only bundles where no contact reaches out of the window or straddles --since
or --until (nothing clipped). --with-known-gap is kept for old command lines: the gap it named
is fixed and always checked (the hand-worked cases marked "[known gap]" count). --legacy runs only exact-dated bundles
without the new options and columns, checking the exact-date part of the reference against a
coopnet from before issue 19; --reference-only runs the reference's own cross-checks."""

import argparse
import copy
import csv
import datetime
import io
import itertools
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time

BASE = datetime.date(2024, 3, 1).toordinal()  # the first day of every random bundle
SPREAD = 10          # random dates fall in BASE .. BASE + SPREAD - 1
MAX_DATINGS = 20000  # product of the contacts' day ranges, kept under this by construction
MAX_WAIT_DATINGS = 300  # datings sampled for the --max-wait cross-check
INSIDE_ONLY = False  # --inside-only
# The certain reading with --max-wait on bounded dates was once a gap (issue 19): of two certain
# informings of an actor ending the same day, coopnet kept the first in file order, not the one
# starting later (and backwards, for --to, not the one ending earlier). It is fixed; the cases
# found then stay among the hand-worked ones, and --max-wait is drawn on every bundle.
KNOWN_GAP = True
PASSERS = {"presenter", "host", "organiser", "organizer", "facilitator"}
ROLES = ["participant"] * 6 + ["presenter", "host", "organiser", "facilitator", "learner",
                               "funder"]
LEVELS = ["local", "regional", "national", "international"]
INF = float("inf")


def day(ordinal):
    return datetime.date.fromordinal(ordinal).isoformat()


def parse_day(text):
    return datetime.date.fromisoformat(text).toordinal()


def month_bounds(y, m):
    first = datetime.date(y, m, 1).toordinal()
    nxt = datetime.date(y + (m == 12), m % 12 + 1, 1).toordinal()
    return first, nxt - 1


def year_bounds(y):
    return datetime.date(y, 1, 1).toordinal(), datetime.date(y, 12, 31).toordinal()


def point_bounds(text):
    """Bounds of one ISO value: YYYY, YYYY-MM or YYYY-MM-DD (the reference's own parser)."""
    parts = [int(p) for p in text.split("-")]
    if len(parts) == 1:
        return year_bounds(parts[0])
    if len(parts) == 2:
        return month_bounds(*parts)
    d = datetime.date(*parts).toordinal()
    return d, d


def field_bounds(text):
    """(lo, hi) of a date field, None for a side that is open or undated."""
    if text == "":
        return None, None
    if "/" in text:
        left, right = text.split("/")
        lo = None if left == ".." else point_bounds(left)[0]
        hi = None if right == ".." else point_bounds(right)[1]
        return lo, hi
    return point_bounds(text)


def finite_bounds(text):
    """Every day a field names, for the study window: every written period (a value, or a side of
    an interval) counts its first and its last day (`../2024-01`: January 1 and 31)."""
    if text == "":
        return []
    out = []
    for side in text.split("/"):
        if side != "..":
            out.extend(point_bounds(side))
    return out


# ---------------------------------------------------------------- random bundles


def random_point(rng, lo_limit, hi_limit):
    return day(rng.randint(lo_limit, hi_limit))


def random_date(rng, wide, exact_only, base_hi):
    """One date field. wide: months and years containing the window may appear (only with an
    explicit --window, outside which they reach)."""
    if exact_only:
        return random_point(rng, BASE, base_hi)
    kinds = [("day", 7), ("interval", 6), ("open_left", 2), ("open_right", 2), ("empty", 2)]
    if wide:
        kinds += [("month", 1), ("year", 1), ("wide_interval", 1)]
    kind = rng.choices([k for k, _ in kinds], [w for _, w in kinds])[0]
    if kind == "day":
        return random_point(rng, BASE, base_hi)
    if kind == "interval":
        a = rng.randint(BASE, base_hi)
        b = rng.randint(a, min(base_hi, a + 4))
        return "%s/%s" % (day(a), day(b))
    if kind == "open_left":
        return "../" + random_point(rng, BASE, base_hi)
    if kind == "open_right":
        return random_point(rng, BASE, base_hi) + "/.."
    if kind == "empty":
        return ""
    if kind == "month":
        return "2024-03"
    if kind == "year":
        return "2024"
    # a side that is a month or a year: starts before the window or ends after it
    a = rng.randint(BASE, base_hi)
    return rng.choice(["2024-02/%s" % day(a), "%s/2024-03" % day(a), "2024/%s" % day(a),
                       "%s/2024" % day(a), "2024-02/2024-04"])


class Bundle:
    def __init__(self):
        self.actors = []        # ids
        self.levels = {}
        self.events = []        # dicts: id, date, end, parts [(actor, role)]
        self.ties = []          # dicts: from, to, type, start, end, directed

    def write(self, directory):
        os.makedirs(directory)

        def put(name, header, rows):
            with open(os.path.join(directory, name), "w", encoding="utf-8", newline="") as f:
                w = csv.writer(f, lineterminator="\n")
                w.writerow(header)
                w.writerows(rows)
        put("actors.csv", ["id", "name", "level", "type", "country"],
            [[a, "Actor " + a, self.levels[a], "city", "MA"] for a in self.actors])
        put("events.csv", ["id", "title", "date", "end", "type"],
            [[e["id"], "Event " + e["id"], e["date"], e["end"], "workshop"] for e in self.events])
        put("participation.csv", ["event", "actor", "role"],
            [[e["id"], a, r] for e in self.events for a, r in e["parts"]])
        put("ties.csv", ["from", "to", "type", "start", "end", "directed", "weight"],
            [[t["from"], t["to"], t["type"], t["start"], t["end"],
              "true" if t["directed"] else "false", "1"] for t in self.ties])

    def fields(self):
        for e in self.events:
            yield e["date"]
            yield e["end"]
        for t in self.ties:  # a tie's end says when it stopped: not part of the window
            yield t["start"]

    def describe(self):
        lines = ["events: " + "; ".join("%s %r [%s]" % (e["id"], e["date"], " ".join(
            a + ("" if r == "participant" else "(" + r + ")") for a, r in e["parts"]))
            for e in self.events)]
        lines.append("ties: " + ("; ".join("%s%s%s %r" % (t["from"], "->" if t["directed"]
                                                          else "--", t["to"], t["start"])
                                           for t in self.ties) or "none"))
        return "\n".join(lines)


def random_bundle(rng, exact_only, wide, base_hi):
    b = Bundle()
    n = rng.randint(4, 7)
    b.actors = ["a%d" % i for i in range(n)]
    for a in b.actors:
        b.levels[a] = rng.choice(LEVELS)
    for k in range(rng.randint(2, 5)):
        parts = rng.sample(b.actors, rng.randint(2, min(4, n)))
        date = random_date(rng, wide, exact_only, base_hi)
        end = ""
        if "/" not in date and len(date) == 10 and rng.random() < 0.25:
            end = day(rng.randint(parse_day(date), base_hi + 2))  # may widen the window
        b.events.append({"id": "e%d" % k, "date": date, "end": end,
                         "parts": [(a, rng.choice(ROLES)) for a in parts]})
    for _ in range(rng.randint(0, 4)):
        f, t = rng.sample(b.actors, 2)
        start = random_date(rng, wide, exact_only, base_hi)
        end = ""
        if "/" not in start and len(start) == 10 and rng.random() < 0.25:
            end = day(rng.randint(parse_day(start), base_hi + 2))
        b.ties.append({"from": f, "to": t, "type": rng.choice(["mou", "peer_learning",
                                                                "request"]),
                       "start": start, "end": end, "directed": rng.random() < 0.4})
    return b


# ---------------------------------------------------------------- contacts


class Contact:
    __slots__ = ("label", "lo", "hi", "senders", "receivers")

    def __init__(self, label, lo, hi, senders, receivers):
        self.label, self.lo, self.hi = label, lo, hi
        self.senders, self.receivers = senders, receivers

    def __repr__(self):
        return "%s[%s..%s]" % (self.label, day(self.lo), day(self.hi))


def study_window(bundle, override):
    if override:
        return override
    days = [d for f in bundle.fields() for d in finite_bounds(f)]
    return min(days), max(days)


def build_contacts(bundle, window, mode):
    """Contacts over actor indices; undated fields and open sides take the window's days."""
    index = {a: i for i, a in enumerate(bundle.actors)}
    w0, w1 = window
    out = []

    def add(label, text, senders, receivers):
        # the window stands for what is unknown (an undated field, an open side); a written
        # bound is kept even outside it: --since/--until are the filters
        lo, hi = field_bounds(text)
        lo = w0 if lo is None else lo
        hi = w1 if hi is None else hi
        if lo > hi:  # an open side beyond the written one: that one day
            lo, hi = (hi, hi) if field_bounds(text)[0] is None else (lo, lo)
        if lo <= hi and senders:
            out.append(Contact(label, lo, hi, frozenset(senders), frozenset(receivers)))
    for e in bundle.events:
        everyone = [index[a] for a, _ in e["parts"]]
        senders = everyone if mode == "all" else [index[a] for a, r in e["parts"]
                                                  if r in PASSERS]
        add(e["id"], e["date"], senders, everyone)
    for t in bundle.ties:
        f, to = index[t["from"]], index[t["to"]]
        if t["directed"]:
            add("tie:%s->%s" % (t["from"], t["to"]), t["start"], [f], [to])
        else:
            add("tie:%s--%s" % (t["from"], t["to"]), t["start"], [f, to], [f, to])
    return out


def possible_contacts(contacts, since, until):
    out = []
    for c in contacts:
        lo = c.lo if since is None else max(c.lo, since)
        hi = c.hi if until is None else min(c.hi, until)
        if lo <= hi:
            out.append(Contact(c.label, lo, hi, c.senders, c.receivers))
    return out


def certain_contacts(contacts, since, until):
    return [c for c in contacts if (since is None or c.lo >= since) and
            (until is None or c.hi <= until)]


# ---------------------------------------------------------------- exact dates


def exact_reach(dated, source, wait):
    """Exact-date reach from source: {actor: (arrival, fewest hops on that day)}. dated: a list
    of (day, contact). States (actor, day informed) with their fewest hops; a sender passes on at
    day d from an informing before d (within `wait` days unless it is the source)."""
    informed = {source: {-INF: 0}}
    for d, c in sorted(dated, key=lambda x: x[0]):
        for x in c.senders:
            best = None
            for t, h in informed.get(x, {}).items():
                if t < d and (wait is None or x == source or d - t <= wait):
                    best = h if best is None else min(best, h)
            if best is None:
                continue
            for r in c.receivers:
                if r != x:
                    mine = informed.setdefault(r, {})
                    if best + 1 < mine.get(d, INF):
                        mine[d] = best + 1
    out = {}
    for a, states in informed.items():
        if a != source:
            first = min(states)
            out[a] = (first, states[first])
    return out


def all_sources_reach(dated, n):
    """Exact-date reach of every source at once (no --max-wait), with bitsets: returns
    (masks, arrival) with masks[b] the set of sources reaching b (b's own bit included) and
    arrival[s][b] the day."""
    state = [1 << a for a in range(n)]
    arrival = [[None] * n for _ in range(n)]
    for d, group in itertools.groupby(sorted(dated, key=lambda x: x[0]), key=lambda x: x[0]):
        pending = {}
        for _, c in group:
            u = 0
            for x in c.senders:
                u |= state[x]
            for r in c.receivers:
                pending[r] = pending.get(r, 0) | u
        for r, bits in pending.items():
            new = bits & ~state[r]
            if new:
                state[r] |= new
                while new:
                    low = new & -new
                    arrival[low.bit_length() - 1][r] = d
                    new ^= low
    return state, arrival


def datings(contacts, rng, limit):
    """Every dating (or `limit` random ones when there are more)."""
    ranges = [range(c.lo, c.hi + 1) for c in contacts]
    total = 1
    for r in ranges:
        total *= len(r)
    if total <= limit:
        return total, (list(zip(days, contacts)) for days in itertools.product(*ranges))
    return total, ([(rng.choice(r), c) for r, c in zip(ranges, contacts)]
                   for _ in range(limit))


# ---------------------------------------------------------------- the two readings


def possible_by_paths(contacts, source, wait):
    """Earliest possible arrivals: closure over path states (actor, earliest, latest)."""
    by_sender = {}
    for c in contacts:
        for x in c.senders:
            by_sender.setdefault(x, []).append(c)
    seen = set()
    stack = []
    for c in by_sender.get(source, []):
        for r in c.receivers:
            if r != source:
                stack.append((r, c.lo, c.hi if wait is not None else None))
    arrival = {}
    while stack:
        st = stack.pop()
        if st in seen:
            continue
        seen.add(st)
        x, e, l = st
        if x == source:
            continue  # the source is free anyway
        if e < arrival.get(x, INF):
            arrival[x] = e
        for c in by_sender.get(x, []):
            e2 = max(c.lo, e + 1)
            l2 = c.hi if wait is None else min(c.hi, l + wait)
            if e2 <= l2:
                for r in c.receivers:
                    if r != x:
                        stack.append((r, e2, l2 if wait is not None else None))
    return arrival


def certain_by_paths(contacts, source, wait):
    """Certain arrivals: depth-first enumeration of the paths whose consecutive contacts satisfy
    hi(prev) < lo(next) (and hi(next) - lo(prev) <= wait); the least hi of a last contact."""
    arrival = {}

    def walk(x, prev, depth):
        for c in contacts:
            if x not in c.senders:
                continue
            if prev is not None and not (prev.hi < c.lo and
                                         (wait is None or c.hi - prev.lo <= wait)):
                continue
            for r in c.receivers:
                if r == x:
                    continue
                if r != source and c.hi < arrival.get(r, INF):
                    arrival[r] = c.hi
                walk(r, c, depth + 1)
    walk(source, None, 0)
    return arrival


class Reference:
    """Both readings from every source, with the internal cross-checks."""

    def __init__(self, bundle, window, opts, rng, exact_only, must_date=True):
        """must_date: the datings must be few enough to enumerate (else, for the hand-worked
        cases over whole years, the dating cross-checks are left out)."""
        n = len(bundle.actors)
        self.n = n
        base = build_contacts(bundle, window, opts["mode"])
        since, until, wait = opts["since"], opts["until"], opts["wait"]
        if since is None:  # the source is informed before the window's first day
            since = window[0]
        pc = possible_contacts(base, since, until)
        cc = certain_contacts(base, since, until)
        self.possible = [possible_by_paths(pc, s, wait) for s in range(n)]
        self.certain = [certain_by_paths(cc, s, wait) for s in range(n)]
        problems = []
        # datings: the possible reading's definition without --max-wait, a cross-check with it
        total = 1
        for c in pc:
            total *= c.hi - c.lo + 1
        self.datings = total
        if total > MAX_DATINGS * 4 and not must_date:
            pass
        elif wait is None:
            total, gen = datings(pc, rng, MAX_DATINGS * 4)
            assert total <= MAX_DATINGS * 4, "too many datings (%d)" % total
            earliest = [dict() for _ in range(n)]
            always = None
            for dated in gen:
                masks, arrival = all_sources_reach(dated, n)
                always = masks if always is None else [a & m for a, m in zip(always, masks)]
                for s in range(n):
                    for b in range(n):
                        d = arrival[s][b]
                        if d is not None and b != s and d < earliest[s].get(b, INF):
                            earliest[s][b] = d
            self.datings = total
            for s in range(n):
                if earliest[s] != self.possible[s]:
                    problems.append("source %d: union over datings %s != path closure %s" % (
                        s, earliest[s], self.possible[s]))
                for b in self.certain[s]:
                    if always is None or not (always[b] >> s) & 1:
                        problems.append("source %d: %d certain but not reached under every "
                                        "dating" % (s, b))
            self.possible_datings = earliest
        else:
            total, gen = datings(pc, rng, MAX_WAIT_DATINGS)
            self.datings = total
            gen = list(gen)
            for s in range(n):
                reached_always = None
                for dated in gen:
                    r = exact_reach(dated, s, wait)
                    for b, (d, _) in r.items():
                        if d < self.possible[s].get(b, INF):
                            problems.append("source %d: %d reached on %s under a dating but "
                                            "possible only from %s" % (
                                                s, b, day(d), self.possible[s].get(b)))
                    keys = set(r)
                    reached_always = keys if reached_always is None else reached_always & keys
                missing = set(self.certain[s]) - (reached_always or set())
                if missing:
                    problems.append("source %d: %s certain but not reached under every dating"
                                    % (s, sorted(missing)))
        for s in range(n):
            for b, d in self.certain[s].items():
                if b not in self.possible[s] or self.possible[s][b] > d:
                    problems.append("source %d: certain %d on %s, possible %s" % (
                        s, b, day(d), self.possible[s].get(b)))
        self.exact = None
        if exact_only:
            dated = [(c.lo, c) for c in pc]
            self.exact = [exact_reach(dated, s, wait) for s in range(n)]
            for s in range(n):
                plain = {b: d for b, (d, _) in self.exact[s].items()}
                if plain != self.possible[s] or plain != self.certain[s]:
                    problems.append("source %d: exact-dated bundle, exact %s possible %s certain "
                                    "%s" % (s, plain, self.possible[s], self.certain[s]))
        if problems:
            raise AssertionError("reference inconsistent:\n  " + "\n  ".join(problems))


# ---------------------------------------------------------------- running coopnet


class Mismatch(Exception):
    """category: which comparison failed (the shrinker keeps it while it removes rows)."""

    def __init__(self, message, category):
        super().__init__(message)
        self.category = category


def run(coopnet, bundle_dir, args, columns=()):
    """coopnet reach ARGS: (command, rows, output); a Mismatch when it fails or lacks a column."""
    cmd = [coopnet, "reach", bundle_dir] + args + ["--quiet", "--format", "csv-raw"]
    p = subprocess.run(cmd, capture_output=True, text=True)
    if p.returncode != 0:
        raise Mismatch("command: %s\nexit %d: %s" % (" ".join(cmd), p.returncode,
                                                     p.stderr.strip()), "exit status")
    reader = csv.DictReader(io.StringIO(p.stdout))
    missing = [c for c in columns if c not in (reader.fieldnames or [])]
    if missing:
        raise Mismatch("command: %s\nno column %s in the header: %s" % (
            " ".join(cmd), ", ".join(missing), p.stdout.split("\n")[0]), "header")
    return cmd, list(reader), p.stdout


FROM_COLUMNS = ["id", "arrival", "hops", "certain", "arrival_earliest", "arrival_latest"]


def option_args(opts, window_arg):
    args = []
    if window_arg:
        args += ["--window", window_arg]
    if opts["wait"] is not None:
        args += ["--max-wait", str(opts["wait"])]
    if opts["mode"] != "all":
        args += ["--mode", opts["mode"]]
    if opts["since"] is not None:
        args += ["--since", day(opts["since"])]
    if opts["until"] is not None:
        args += ["--until", day(opts["until"])]
    return args


def fmt(d):
    return "" if d is None else day(d)


def compare_table(cmd, out, expected, got, what):
    if expected != got:
        lines = ["command: " + " ".join(cmd), "%s differ" % what]
        for key in sorted(set(expected) | set(got)):
            e, g = expected.get(key), got.get(key)
            if e != g:
                lines.append("  %s: expected %s, coopnet %s" % (key, e, g))
        lines.append("coopnet output:\n" + out.rstrip())
        raise Mismatch("\n".join(lines), what.split(":")[0])


def check_bundle(coopnet, bundle, bundle_dir, window_arg, opts, ref, legacy, rng, full=False):
    """Runs coopnet on the bundle and compares with the reference; raises Mismatch. full: every
    target of --to and every source of --only (else two targets and one source at random)."""
    ids = bundle.actors
    args = option_args(opts, window_arg)
    n = len(ids)
    sources = list(range(n))
    for s in sources:
        cmd, rows, out = run(coopnet, bundle_dir, args + ["--from", ids[s]], FROM_COLUMNS[
            :3 if legacy else None])
        if legacy:
            got = {r["id"]: (r["arrival"], r["hops"]) for r in rows}
            expected = {ids[b]: (day(d), str(h)) for b, (d, h) in ref.exact[s].items()}
            compare_table(cmd, out, expected, got, "arrival, hops")
            continue
        got = {r["id"]: (r["certain"], r["arrival_earliest"], r["arrival_latest"])
               for r in rows}
        expected = {}
        for b, d in ref.possible[s].items():
            c = ref.certain[s].get(b)
            expected[ids[b]] = ("true" if c is not None else "false", day(d), fmt(c))
        compare_table(cmd, out, expected, got, "certain, arrival_earliest, arrival_latest")
        if ref.exact is not None:
            got = {r["id"]: (r["arrival"], r["hops"]) for r in rows}
            expected = {ids[b]: (day(d), str(h)) for b, (d, h) in ref.exact[s].items()}
            compare_table(cmd, out, expected, got, "exact-dated bundle: arrival, hops")
    if not legacy:
        for s, only in itertools.product(sources if full else [rng.randrange(n)],
                                         ("certain", "possible")):
            cmd, rows, out = run(coopnet, bundle_dir, args + ["--from", ids[s], "--only", only],
                                 FROM_COLUMNS)
            got = {r["id"]: r["certain"] for r in rows}
            expected = {ids[b]: ("true" if b in ref.certain[s] else "false")
                        for b in ref.possible[s]
                        if (b in ref.certain[s]) == (only == "certain")}
            compare_table(cmd, out, expected, got, "--only %s rows" % only)
    for t in (sources if full else rng.sample(sources, min(2, n))):
        cmd, rows, out = run(coopnet, bundle_dir, args + ["--to", ids[t]],
                             ["id"] if legacy else ["id", "certain"])
        got = {r["id"]: (r.get("certain") if not legacy else "") for r in rows}
        expected = {ids[a]: ("" if legacy else ("true" if t in ref.certain[a] else "false"))
                    for a in sources if a != t and t in ref.possible[a]}
        compare_table(cmd, out, expected, got, "--to %s: ids, certain" % ids[t])
    cols = ["out_reach", "in_reach"] if legacy else [
        "out_reach", "out_reach_certain", "out_reach_possible", "in_reach_certain",
        "in_reach_possible"]
    cmd, rows, out = run(coopnet, bundle_dir, args + ["--all"], ["id"] + cols)
    got = {r["id"]: tuple(r.get(k) for k in cols) for r in rows}
    expected = {}
    for a in sources:
        if legacy:
            out_r = len(ref.exact[a])
            in_r = sum(1 for s in sources if a in ref.exact[s])
            expected[ids[a]] = (str(out_r), str(in_r))
            continue
        oc, op = len(ref.certain[a]), len(ref.possible[a])
        ic = sum(1 for s in sources if a in ref.certain[s])
        ip = sum(1 for s in sources if a in ref.possible[s])
        expected[ids[a]] = tuple(str(v) for v in (oc, oc, op, ic, ip))
    compare_table(cmd, out, expected, got, "--all " + ",".join(cols))


# ---------------------------------------------------------------- seeds


def seed_setup(seed, legacy):
    """The bundle and options of one seed (deterministic)."""
    rng = random.Random(seed)
    exact_only = legacy or rng.random() < 0.2
    explicit = not legacy and rng.random() < 0.8
    base_hi = BASE + rng.randint(5, SPREAD - 1)
    while True:
        bundle = random_bundle(rng, exact_only, explicit, base_hi)
        window_arg = None
        override = None
        if explicit:
            override = (BASE, base_hi)
            window_arg = "%s/%s" % (day(BASE), day(base_hi))
        elif not any(finite_bounds(f) for f in bundle.fields()):
            continue
        window = study_window(bundle, override)
        opts = {"wait": None, "mode": "all", "since": None, "until": None}
        # KNOWN GAP (issue 19 note): the certain reading with --max-wait on bounded dates can
        # miss a path the reference finds (seed 19051); --max-wait is checked on exact-dated
        # bundles here and on bounded ones by the hand cases until that is fixed
        exact_dates = all(field_bounds(f)[0] is not None and
                          field_bounds(f)[0] == field_bounds(f)[1]
                          for f in [e["date"] for e in bundle.events] +
                          [t["start"] for t in bundle.ties])  # (`end` plays no part)
        if rng.random() < 0.4 and (exact_dates or KNOWN_GAP):
            opts["wait"] = rng.randint(1, 3)
        if rng.random() < 0.3:
            opts["mode"] = "presenter"
        if rng.random() < 0.3:
            span = window[1] - window[0]
            if rng.random() < 0.7:
                opts["since"] = window[0] + rng.randint(0, span // 2)
            if rng.random() < 0.7:
                opts["until"] = window[1] - rng.randint(0, span // 2)
        # a month or a year reaches past the window's last day: mostly bound it with --until,
        # else its datings are too many (past the first day, the default --since bounds it)
        if rng.random() < 0.8 and opts["until"] is None and any(
                d > window[1] for f in bundle.fields() for d in finite_bounds(f)):
            opts["until"] = window[1]
        contacts = possible_contacts(build_contacts(bundle, window, opts["mode"]),
                                     window[0] if opts["since"] is None else opts["since"],
                                     opts["until"])
        total = 1
        for c in contacts:
            total *= c.hi - c.lo + 1
        if INSIDE_ONLY and not inside(bundle, window, opts):
            continue
        if total <= MAX_DATINGS:
            return rng, bundle, window, window_arg, opts, exact_only


def inside(bundle, window, opts):
    """No contact reaches out of the window, none straddles --since or --until (--inside-only:
    leaves out the cases where clipping and dropping differ)."""
    for text in [e["date"] for e in bundle.events] + [t["start"] for t in bundle.ties]:
        lo, hi = field_bounds(text)
        lo = window[0] if lo is None else lo
        hi = window[1] if hi is None else hi
        if lo < window[0] or hi > window[1]:
            return False
        for edge in (opts["since"], None if opts["until"] is None else opts["until"] + 1):
            if edge is not None and lo < edge <= hi:
                return False
    return True


def check_seed(coopnet, tmp, seed, legacy):
    rng, bundle, window, window_arg, opts, exact_only = seed_setup(seed, legacy)
    ref = Reference(bundle, window, opts, rng, exact_only)
    if coopnet is None:
        return ref, opts, exact_only
    directory = os.path.join(tmp, "seed-%d" % seed)
    bundle.write(directory)
    check_bundle(coopnet, bundle, directory, window_arg, opts, ref, legacy, rng)
    shutil.rmtree(directory)
    return ref, opts, exact_only


# ---------------------------------------------------------------- shrinking a mismatch


def is_exact(bundle):
    return all(f == "" or ("/" not in f and len(f) == 10) for f in bundle.fields()) and \
        all(e["date"] != "" for e in bundle.events) and all(t["start"] != "" for t in bundle.ties)


def fails(coopnet, tmp, bundle, window_arg, opts, exact_only, legacy, category):
    """Whether this bundle still gives a mismatch of the same category."""
    if len(bundle.actors) < 2 or not bundle.events:
        return False
    override = None
    if window_arg:
        w = window_arg.split("/")
        override = (parse_day(w[0]), parse_day(w[1]))
    elif not any(finite_bounds(f) for f in bundle.fields()):
        return False
    window = study_window(bundle, override)
    if opts["since"] is not None and opts["until"] is not None and opts["since"] > opts["until"]:
        return False
    try:
        ref = Reference(bundle, window, opts, random.Random(0), exact_only and is_exact(bundle))
    except AssertionError:
        return False
    directory = tempfile.mkdtemp(dir=tmp)
    os.rmdir(directory)
    bundle.write(directory)
    try:
        check_bundle(coopnet, bundle, directory, window_arg, opts, ref, legacy, None, full=True)
        return False
    except Mismatch as m:
        return m.category == category
    finally:
        shutil.rmtree(directory)


def smaller(bundle, opts):
    """Candidate simplifications, one change each."""
    for key, plain in (("wait", None), ("mode", "all"), ("since", None), ("until", None)):
        if opts[key] != plain:
            o = dict(opts)
            o[key] = plain
            yield bundle, o
    for i in range(len(bundle.ties)):
        b = copy.deepcopy(bundle)
        del b.ties[i]
        yield b, opts
    for i in range(len(bundle.events)):
        b = copy.deepcopy(bundle)
        del b.events[i]
        yield b, opts
    for i, e in enumerate(bundle.events):
        for j in range(len(e["parts"])):
            if len(e["parts"]) > 1:
                b = copy.deepcopy(bundle)
                del b.events[i]["parts"][j]
                yield b, opts
            if e["parts"][j][1] != "participant":
                b = copy.deepcopy(bundle)
                b.events[i]["parts"][j] = (e["parts"][j][0], "participant")
                yield b, opts
    used = {a for e in bundle.events for a, _ in e["parts"]}
    used |= {t["from"] for t in bundle.ties} | {t["to"] for t in bundle.ties}
    for a in bundle.actors:
        if a not in used:
            b = copy.deepcopy(bundle)
            b.actors.remove(a)
            yield b, opts
    for rows, key in ((bundle.events, "end"), (bundle.ties, "end"), (bundle.events, "date"),
                      (bundle.ties, "start")):
        for i, row in enumerate(rows):
            if row[key] == "" or (key in ("date", "start") and "/" not in row[key] and
                                  len(row[key]) == 10):
                continue
            simpler = [""] if key == "end" else sorted(
                {day(d) for d in finite_bounds(row[key]) if BASE <= d <= BASE + SPREAD})
            for value in simpler:
                b = copy.deepcopy(bundle)
                (b.events if rows is bundle.events else b.ties)[i][key] = value
                yield b, opts


def shrink(coopnet, tmp, bundle, window_arg, opts, exact_only, legacy, category):
    """Greedy: applies simplifications while the mismatch (same category) stays."""
    if not fails(coopnet, tmp, bundle, window_arg, opts, exact_only, legacy, category):
        return None
    progress = True
    while progress:
        progress = False
        for b, o in smaller(bundle, opts):
            if fails(coopnet, tmp, b, window_arg, o, exact_only, legacy, category):
                bundle, opts, progress = b, o, True
                break
    return bundle, opts


def show_bundle(directory):
    out = []
    for name in ("actors.csv", "events.csv", "participation.csv", "ties.csv"):
        with open(os.path.join(directory, name), encoding="utf-8") as f:
            text = f.read()
        if name != "ties.csv" or text.count("\n") > 1:
            out.append("--- %s\n%s" % (name, text.rstrip()))
    return "\n".join(out)


# ---------------------------------------------------------------- hand-worked cases


def hand_bundle(events, ties=()):
    b = Bundle()
    names = []
    for _, _, parts in events:
        names += [a for a, _ in parts]
    for t in ties:
        names += [t[0], t[1]]
    for a in names:
        if a not in b.levels:
            b.actors.append(a)
            b.levels[a] = "local"
    for eid, date, parts in events:
        b.events.append({"id": eid, "date": date, "end": "", "parts": list(parts)})
    for f, t, start, directed in ties:
        b.ties.append({"from": f, "to": t, "type": "request", "start": start, "end": "",
                       "directed": directed})
    return b


P = "participant"
HAND = [
    # name, bundle, extra args, source, {actor: (certain, earliest, latest)}; or with "to:T"
    # for the source, `--to T` and {actor: certain}
    ("two events dated 2024 never chain certainly, may chain possibly",
     hand_bundle([("e1", "2024", [("a", P), ("b", P)]), ("e2", "2024", [("b", P), ("c", P)])]),
     [], "a", {"b": ("true", "2024-01-01", "2024-12-31"),
               "c": ("false", "2024-01-02", "")}),
    ("the same with a narrower --window: the source knows before it opens (--since), so the "
     "year-long events are surely within it in neither reading's certain sense",
     hand_bundle([("e1", "2024", [("a", P), ("b", P)]), ("e2", "2024", [("b", P), ("c", P)])]),
     ["--window", "2024-03-01/2024-03-08"], "a", {"b": ("false", "2024-03-01", ""),
               "c": ("false", "2024-03-02", "")}),
    ("2024-01-31 then 2024 chains possibly only",
     hand_bundle([("e1", "2024-01-31", [("a", P), ("b", P)]),
                  ("e2", "2024", [("b", P), ("c", P)])]),
     [], "a", {"b": ("true", "2024-01-31", "2024-01-31"),
               "c": ("false", "2024-02-01", "")}),
    ("a directed tie dated 2024 after an event on 2024-01-31: possibly only",
     hand_bundle([("e1", "2024-01-31", [("a", P), ("b", P)])], [("b", "c", "2024", True)]),
     [], "a", {"b": ("true", "2024-01-31", "2024-01-31"),
               "c": ("false", "2024-02-01", "")}),
    ("an interval that closes before another opens chains certainly",
     hand_bundle([("e1", "2024-01-10/2024-01-20", [("a", P), ("b", P)]),
                  ("e2", "2024-02-01/2024-02-10", [("b", P), ("c", P)])]),
     [], "a", {"b": ("true", "2024-01-10", "2024-01-20"),
               "c": ("true", "2024-02-01", "2024-02-10")}),
    ("intervals sharing a day chain possibly only",
     hand_bundle([("e1", "2024-01-10/2024-01-20", [("a", P), ("b", P)]),
                  ("e2", "2024-01-20/2024-01-25", [("b", P), ("c", P)])]),
     [], "a", {"b": ("true", "2024-01-10", "2024-01-20"),
               "c": ("false", "2024-01-20", "")}),
    ("a month side and an open side",
     hand_bundle([("e1", "../2024-01", [("a", P), ("b", P)]),
                  ("e2", "2024-02/..", [("b", P), ("c", P)]),
                  ("e3", "2024-03-05", [("c", P), ("d", P)])]),
     [], "a", {"b": ("true", "2024-01-01", "2024-01-31"),  # the window opens on 2024-01-01
               "c": ("true", "2024-02-01", "2024-03-05"),
               "d": ("false", "2024-03-05", "")}),
    ("an undated event spans the study window",
     hand_bundle([("e1", "", [("a", P), ("b", P)]),
                  ("e2", "2024-01-01", [("c", P), ("d", P)]),
                  ("e3", "2024-01-05", [("b", P), ("c", P)]),
                  ("e4", "2024-01-09", [("c", P), ("d", P)])]),
     [], "a", {"b": ("true", "2024-01-01", "2024-01-09"),
               "c": ("false", "2024-01-05", ""),
               "d": ("false", "2024-01-09", "")}),
    ("--max-wait: a wide first contact may still pass on possibly, not certainly",
     hand_bundle([("e1", "2024-01-01/2024-01-05", [("a", P), ("b", P)]),
                  ("e2", "2024-01-07", [("b", P), ("c", P)])]),
     ["--max-wait", "2"], "a", {"b": ("true", "2024-01-01", "2024-01-05"),
                                 "c": ("false", "2024-01-07", "")}),
    ("[known gap] --max-wait, certain: of two informings ending the same day the later start counts (the "
     "answer must not depend on the order of events.csv)",
     hand_bundle([("e0", "2024-03-08", [("b", P), ("c", P)]),
                  ("e1", "2024-03-04/2024-03-06", [("a", P), ("b", P)]),
                  ("e2", "2024-03-06", [("a", P), ("b", P)])]),
     ["--max-wait", "2"], "a", {"b": ("true", "2024-03-04", "2024-03-06"),
                                 "c": ("true", "2024-03-08", "2024-03-08")}),
    ("[known gap] --max-wait, certain, --to: of two continuations starting the same day the earlier end "
     "counts (the answer must not depend on the order of events.csv)",
     hand_bundle([("e0", "2024-03-05/2024-03-06", [("a", P), ("b", P)]),
                  ("e1", "2024-03-05", [("b", P), ("a", P)])], [("b", "c", "2024-03-02", False)]),
     ["--max-wait", "3"], "to:a", {"b": "true", "c": "true"}),
    ("a contact straddling --since is clipped in the possible reading, whatever other contacts",
     hand_bundle([("e1", "2024-02-25/2024-03-04", [("a", P), ("b", P)]),
                  ("e2", "2024-03-10", [("c", P), ("d", P)])]),
     ["--since", "2024-03-01"], "a", {"b": ("false", "2024-03-01", "")}),
    ("a contact straddling --until is clipped in the possible reading",
     hand_bundle([("e1", "2024-03-02/2024-03-06", [("a", P), ("b", P)]),
                  ("e2", "2024-03-10", [("c", P), ("d", P)])]),
     ["--until", "2024-03-05"], "a", {"b": ("false", "2024-03-02", "")}),
    ("an interval from a day to the month or year holding it is valid",
     hand_bundle([("e1", "2024-03-02/2024-03", [("a", P), ("b", P)]),
                  ("e2", "2024-03-05/2024", [("b", P), ("c", P)])]),
     [], "a", {"b": ("true", "2024-03-02", "2024-03-31"),
               "c": ("false", "2024-03-05", "")}),
]


def check_hand(coopnet, tmp):
    failures = []
    for k, (name, bundle, extra, source, expected) in enumerate(HAND):
        directory = os.path.join(tmp, "hand-%d" % k)
        bundle.write(directory)
        # the reference agrees with the hand-worked answer
        window = None
        if "--window" in extra:
            w = extra[extra.index("--window") + 1].split("/")
            window = (parse_day(w[0]), parse_day(w[1]))
        def value(option, parse):
            return parse(extra[extra.index(option) + 1]) if option in extra else None
        opts = {"wait": value("--max-wait", int), "mode": "all",
                "since": value("--since", parse_day), "until": value("--until", parse_day)}
        window = study_window(bundle, window)
        ref = Reference(bundle, window, opts, random.Random(0), False, must_date=False)
        if source.startswith("to:"):
            t = bundle.actors.index(source[3:])
            mine = {bundle.actors[a]: "true" if t in ref.certain[a] else "false"
                    for a in range(ref.n) if t in ref.possible[a]}
        else:
            s = bundle.actors.index(source)
            poss, cert = ref.possible[s], ref.certain[s]
            mine = {bundle.actors[b]: ("true" if b in cert else "false", day(d),
                                       fmt(cert.get(b))) for b, d in poss.items()}
        assert mine == expected, "hand case '%s': reference %s, expected %s" % (name, mine,
                                                                               expected)
        if coopnet is None:
            continue
        try:
            if source.startswith("to:"):
                cmd, rows, out = run(coopnet, directory, extra + ["--to", source[3:]],
                                     ["id", "certain"])
                got = {r["id"]: r["certain"] for r in rows}
            else:
                cmd, rows, out = run(coopnet, directory, extra + ["--from", source],
                                     FROM_COLUMNS)
                got = {r["id"]: (r["certain"], r["arrival_earliest"], r["arrival_latest"])
                       for r in rows}
            compare_table(cmd, out, expected, got, "hand case '%s'" % name)
            print("hand case ok: " + name)
        except Mismatch as m:
            if name.startswith("[known gap]") and not KNOWN_GAP:
                print("KNOWN GAP (not counted), hand case: %s\n%s\n" % (name, m))
                continue
            keep = tempfile.mkdtemp(prefix="coopnet-intervals-hand-")
            shutil.copytree(directory, os.path.join(keep, "bundle"))
            failures.append("%s\nbundle kept in %s/bundle" % (m, keep))
            print("MISMATCH, hand case: %s\n%s\nbundle kept in %s/bundle\n" % (name, m, keep))
    return failures


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("coopnet")
    parser.add_argument("source_dir", nargs="?")
    parser.add_argument("--seeds", type=int, default=300)
    parser.add_argument("--base-seed", type=int, default=19000)
    parser.add_argument("--seed", type=int, action="append",
                        help="run only this seed (repeatable)")
    parser.add_argument("--legacy", action="store_true",
                        help="exact-dated bundles only, the columns of before issue 19")
    parser.add_argument("--reference-only", action="store_true",
                        help="build the bundles and run the reference's own cross-checks only")
    parser.add_argument("--inside-only", action="store_true",
                        help="only bundles whose contacts lie inside the window and do not "
                        "straddle --since or --until (no clipping)")
    parser.add_argument("--with-known-gap", action="store_true",
                        help="also --max-wait on bounded dates, and the hand-worked cases of the "
                        "known gap count")
    parser.add_argument("--shrink", action="store_true",
                        help="on a mismatch, look for a smallest bundle that still shows it")
    parser.add_argument("--keep-going", action="store_true",
                        help="report every mismatching seed instead of stopping at the first")
    args = parser.parse_args()
    global INSIDE_ONLY, KNOWN_GAP
    INSIDE_ONLY = args.inside_only
    KNOWN_GAP = True  # fixed: always checked
    started = time.time()
    failures = []
    stats = {"exact": 0, "wait": 0, "presenter": 0, "since/until": 0, "datings": 0,
             "certain pairs": 0, "possible-only pairs": 0}
    with tempfile.TemporaryDirectory() as tmp:
        coopnet = None if args.reference_only else args.coopnet
        if not args.legacy and not args.seed:
            failures += check_hand(coopnet, tmp)
        seeds = args.seed or range(args.base_seed, args.base_seed + args.seeds)
        for seed in seeds:
            try:
                ref, opts, exact_only = check_seed(coopnet, tmp, seed, args.legacy)
            except Mismatch as m:
                keep = tempfile.mkdtemp(prefix="coopnet-intervals-%d-" % seed)
                shutil.copytree(os.path.join(tmp, "seed-%d" % seed),
                                os.path.join(keep, "bundle"))
                _, bundle, _, window_arg, opts, exact_only = seed_setup(seed, args.legacy)
                msg = "seed %d (rerun: --seed %d)\n%s\n%s\nbundle kept in %s/bundle" % (
                    seed, seed, bundle.describe(), m, keep)
                if args.shrink:
                    small = shrink(coopnet, tmp, bundle, window_arg, opts, exact_only,
                                   args.legacy, m.category)
                    if small:
                        b, o = small
                        b.write(os.path.join(keep, "smaller"))
                        ref = Reference(b, study_window(b, None if not window_arg else tuple(
                            parse_day(x) for x in window_arg.split("/"))), o, random.Random(0),
                            exact_only and is_exact(b))
                        try:
                            check_bundle(coopnet, b, os.path.join(keep, "smaller"), window_arg,
                                         o, ref, args.legacy, None, full=True)
                        except Mismatch as m2:
                            msg += "\nsmallest bundle found (in %s/smaller):\n%s\n%s" % (
                                keep, show_bundle(os.path.join(keep, "smaller")), m2)
                print("MISMATCH, " + msg + "\n")
                failures.append(msg)
                if not args.keep_going:
                    break
                continue
            stats["exact"] += exact_only
            stats["wait"] += opts["wait"] is not None
            stats["presenter"] += opts["mode"] == "presenter"
            stats["since/until"] += opts["since"] is not None or opts["until"] is not None
            stats["datings"] += ref.datings
            for s in range(ref.n):
                stats["certain pairs"] += len(ref.certain[s])
                stats["possible-only pairs"] += len(ref.possible[s]) - len(ref.certain[s])
    print("%d seeds from %d (%s) in %.1f s" % (
        len(seeds), seeds[0] if len(seeds) else args.base_seed, ", ".join("%s %d" % kv for kv in stats.items()),
        time.time() - started))
    print("MATCH" if not failures else "MISMATCH (%d)" % len(failures))
    return 0 if not failures else 1


if __name__ == "__main__":
    sys.exit(main())
