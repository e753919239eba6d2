#!/usr/bin/python3
"""Check this bundle's shape, references and dates, in the interval date
format (see README.md, "Dates"), until `coopnet validate` reads it.

    /usr/bin/python3 datasets/mena-hub/check_dates.py

Checks:
- every row of the four files has as many fields as its header;
- every date field (events.date, events.end, ties.start, ties.end) is empty,
  a day YYYY-MM-DD, a month YYYY-MM, a year YYYY, or an interval A/B whose
  sides are such dates or `..` (open), and its earliest day is not after its
  latest day; events.end is not before events.date;
- every interval or open date has its provenance column (`date_source` in
  events.csv, `start_source` in ties.csv) filled;
- every id reference (participation.event/actor, ties.from/to) exists;
- every source column value is non-empty where required and contains no
  empty quote (`FILE: ""`).
Quotes are checked against the documents by check_quotes.py.  Standard
library only.  Exit status 0 when there is no problem."""

import calendar
import csv
import datetime
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
ITEM = re.compile(r'([0-9A-Za-z_.-]+\.txt): "(.*?)"(?= \| [0-9A-Za-z_.-]+\.txt: "|$)')


def period(text):
    """(first day, last day) of YYYY, YYYY-MM or YYYY-MM-DD, else None."""
    m = DATE.match(text)
    if not m:
        return None
    y = int(m.group(1))
    try:
        if m.group(3):
            d = datetime.date(y, int(m.group(2)), int(m.group(3)))
            return d, d
        if m.group(2):
            mo = int(m.group(2))
            return (datetime.date(y, mo, 1),
                    datetime.date(y, mo, calendar.monthrange(y, mo)[1]))
        return datetime.date(y, 1, 1), datetime.date(y, 12, 31)
    except ValueError:
        return None


def bounds(text):
    """(earliest, latest, kind) of a date field; earliest/latest None when
    open or undated.  Raises ValueError when malformed."""
    if text == "":
        return None, None, "undated"
    if "/" in text:
        parts = text.split("/")
        if len(parts) != 2 or parts == ["..", ".."]:
            raise ValueError("bad interval %r" % text)
        lo = hi = None
        if parts[0] != "..":
            p = period(parts[0])
            if p is None:
                raise ValueError("bad interval start %r" % parts[0])
            lo = p[0]
        if parts[1] != "..":
            p = period(parts[1])
            if p is None:
                raise ValueError("bad interval end %r" % parts[1])
            hi = p[1]
        if lo and hi and lo > hi:
            raise ValueError("earliest %s after latest %s in %r" % (lo, hi, text))
        return lo, hi, "open" if ".." in parts else "interval"
    p = period(text)
    if p is None:
        raise ValueError("bad date %r" % text)
    return p[0], p[1], "day, month or year"


def read(name):
    with open(os.path.join(HERE, name), encoding="utf-8", newline="") as f:
        records = list(csv.reader(f, strict=True))
    return records[0], records[1:]


def main():
    problems = []
    data = {}
    for name in ("actors.csv", "events.csv", "participation.csv", "ties.csv"):
        header, rows = read(name)
        for n, rec in enumerate(rows, start=2):
            if len(rec) != len(header):
                problems.append("%s row %d: %d fields, header has %d"
                                % (name, n, len(rec), len(header)))
        data[name] = [(n, dict(zip(header, rec))) for n, rec in
                      enumerate(rows, start=2)]
        for n, row in data[name]:
            for col in ("source", "date_source", "start_source"):
                value = row.get(col)
                if value is None:
                    continue
                if col == "source" and not value.strip():
                    problems.append("%s row %d: empty source" % (name, n))
                if value and not ITEM.findall(value):
                    problems.append("%s row %d: %s has no FILE: \"quote\" item"
                                    % (name, n, col))
                for doc, quote in ITEM.findall(value):
                    if not quote.strip():
                        problems.append("%s row %d: empty quote in %s"
                                        % (name, n, col))
    actors = {r["id"] for _, r in data["actors.csv"]}
    events = {r["id"] for _, r in data["events.csv"]}
    kinds = {}
    for name, fields, prov in (("events.csv", ("date", "end"), "date_source"),
                               ("ties.csv", ("start", "end"), "start_source")):
        for n, row in data[name]:
            got = {}
            for field in fields:
                try:
                    got[field] = bounds(row.get(field, ""))
                except ValueError as e:
                    problems.append("%s row %d: column %r: %s" % (name, n, field, e))
                    continue
                kind = got[field][2]
                if field == fields[0]:
                    kinds[(name, kind)] = kinds.get((name, kind), 0) + 1
                if kind in ("interval", "open") and not row.get(prov, "").strip():
                    problems.append("%s row %d: %s %r has no %s"
                                    % (name, n, field, row[field], prov))
            first, last = got.get(fields[0]), got.get(fields[1])
            if first and last and last[2] != "undated":
                if first[2] == "undated":
                    problems.append("%s row %d: %s without %s"
                                    % (name, n, fields[1], fields[0]))
                elif first[0] and last[1] and last[1] < first[0]:
                    problems.append("%s row %d: %s %s before %s %s"
                                    % (name, n, fields[1], row[fields[1]],
                                       fields[0], row[fields[0]]))
    for n, row in data["participation.csv"]:
        if row["event"] not in events:
            problems.append("participation.csv row %d: unknown event %r" % (n, row["event"]))
        if row["actor"] not in actors:
            problems.append("participation.csv row %d: unknown actor %r" % (n, row["actor"]))
    for n, row in data["ties.csv"]:
        for col in ("from", "to"):
            if row[col] not in actors:
                problems.append("ties.csv row %d: unknown actor %r in %s" % (n, row[col], col))
    for p in problems:
        print(p)
    print("dates: " + ", ".join("%s %s %d" % (k[0], k[1], v) for k, v in sorted(kinds.items())))
    print("%d problem(s)" % len(problems))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
