#!/usr/bin/python3
"""Validate a coopnet bundle (format v1): actors.csv, events.csv,
participation.csv, ties.csv in one directory.

Usage:  /usr/bin/python3 datasets/check_bundle.py [--strict] BUNDLE_DIR [BUNDLE_DIR ...]

Errors are violations of the format rules; warnings are the "should" rules
(every event has >= 2 participants, every actor is connected, actor `type`
outside the recommended vocabulary).  --strict turns warnings into errors.
Exit status: 0 clean, 1 errors, 2 usage.  Standard library only.
"""

import csv
import datetime
import io
import os
import re
import sys

ISO_3166_1_ALPHA2 = set("""
AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL
BM BN BO BQ BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV
CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD
GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM
IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK
LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW
MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR
PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS
ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY
UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW
""".split())

LEVELS = ("local", "regional", "national", "international")
ACTOR_TYPES = {"city", "governorate", "ministry", "national_body", "association",
               "foundation", "international_org", "donor_agency", "network",
               "ngo", "research_institute", "person_group"}
EVENT_TYPES = {"workshop", "roundtable", "training", "peer_exchange",
               "consultation", "summit", "meeting", "conference", "visit"}
ROLES = {"host", "organiser", "presenter", "participant", "learner", "funder",
         "facilitator"}
TIE_TYPES = {"mou", "partnership", "membership", "technical_support",
             "funding", "peer_learning", "request"}

# (file, columns in canonical order, required columns)
SPEC = {
    "actors.csv": (["id", "name", "level", "type", "country", "lat", "lon",
                    "name_ar", "name_fr", "source"],
                   ["id", "name", "level"]),
    "events.csv": (["id", "title", "date", "end", "type", "place", "country",
                    "lat", "lon", "source"],
                   ["id"]),
    "participation.csv": (["event", "actor", "role", "source"],
                          ["event", "actor", "role"]),
    "ties.csv": (["from", "to", "type", "start", "end", "directed", "weight",
                  "source", "note"],
                 ["from", "to", "type"]),
}

DATE_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


class Report:
    def __init__(self, strict):
        self.strict = strict
        self.errors = []
        self.warnings = []

    def error(self, where, msg):
        self.errors.append("%s: %s" % (where, msg))

    def warn(self, where, msg):
        if self.strict:
            self.error(where, msg + " [strict]")
        else:
            self.warnings.append("%s: %s" % (where, msg))


def date_bounds(text):
    """Return (earliest, latest) datetime.date covered by an ISO date of
    precision YYYY, YYYY-MM or YYYY-MM-DD, or None if malformed."""
    m = DATE_RE.match(text)
    if not m:
        return None
    y = int(m.group(1))
    try:
        if m.group(3):
            d = datetime.date(y, int(m.group(2)), int(m.group(3)))
            return d, d
        if m.group(2):
            mo = int(m.group(2))
            first = datetime.date(y, mo, 1)
            nxt = datetime.date(y + (mo == 12), mo % 12 + 1, 1)
            return first, nxt - datetime.timedelta(days=1)
        return datetime.date(y, 1, 1), datetime.date(y, 12, 31)
    except ValueError:
        return None


def check_interval(rep, where, start_name, start, end_name, end):
    sb = eb = None
    if start:
        sb = date_bounds(start)
        if sb is None:
            rep.error(where, "%s %r is not YYYY, YYYY-MM or YYYY-MM-DD"
                      % (start_name, start))
    if end:
        eb = date_bounds(end)
        if eb is None:
            rep.error(where, "%s %r is not YYYY, YYYY-MM or YYYY-MM-DD"
                      % (end_name, end))
        elif not start:
            rep.error(where, "%s given without %s" % (end_name, start_name))
    # "end before start": every day end could denote precedes every day
    # start could denote.
    if sb and eb and eb[1] < sb[0]:
        rep.error(where, "%s %s is before %s %s" % (end_name, end, start_name,
                                                     start))


def check_coords(rep, where, row):
    lat, lon = row.get("lat", ""), row.get("lon", "")
    if bool(lat) != bool(lon):
        rep.error(where, "lat and lon must both be given or both be empty")
    for name, value, lim in (("lat", lat, 90.0), ("lon", lon, 180.0)):
        if not value:
            continue
        try:
            v = float(value)
        except ValueError:
            rep.error(where, "%s %r is not a number" % (name, value))
            continue
        if not (-lim <= v <= lim) or v != v:
            rep.error(where, "%s %s outside [-%g, %g]" % (name, value, lim, lim))


def check_country(rep, where, row):
    c = row.get("country", "")
    if c and c not in ISO_3166_1_ALPHA2:
        rep.error(where, "country %r is not an ISO 3166-1 alpha-2 code" % c)


def read_csv(rep, path, name):
    """Read one bundle file, checking encoding, line endings and shape.
    Returns (header, rows) where rows are (line_no, dict)."""
    where = name
    try:
        with open(path, "rb") as f:
            raw = f.read()
    except OSError as e:
        rep.error(where, "cannot read: %s" % e)
        return None, []
    if raw.startswith(b"\xef\xbb\xbf"):
        rep.error(where, "starts with a UTF-8 byte order mark")
        raw = raw[3:]
    if b"\r" in raw:
        rep.error(where, "contains CR characters (line endings must be LF)")
    if raw and not raw.endswith(b"\n"):
        rep.error(where, "last line is not terminated by LF")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        rep.error(where, "not valid UTF-8: %s" % e)
        return None, []
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        records = list(reader)
    except csv.Error as e:
        rep.error(where, "CSV syntax error: %s" % e)
        return None, []
    if not records:
        rep.error(where, "empty file (no header)")
        return None, []
    header = records[0]
    canonical, required = SPEC[name]
    if any(h != h.strip() or h != h.lower() or not h for h in header):
        rep.error(where, "header names must be non-empty, lower case, "
                  "without surrounding spaces: %r" % header)
    header = [h.strip().lower() for h in header]
    if len(set(header)) != len(header):
        rep.error(where, "duplicate header names: %r" % header)
    for col in required:
        if col not in header:
            rep.error(where, "missing required column %r" % col)
    if "source" not in header:
        rep.error(where, "missing column 'source' (every row needs one)")
    known = [h for h in header if h in canonical]
    if known != [c for c in canonical if c in known]:
        rep.error(where, "standard columns out of order: %r (expected order %r)"
                  % (known, canonical))
    rows = []
    # line numbers: count physical lines consumed, approximated by record
    # index + 1 (records with embedded newlines are rare; message says row).
    for i, rec in enumerate(records[1:], start=2):
        if rec == []:
            rep.error("%s row %d" % (name, i), "blank line")
            continue
        if len(rec) != len(header):
            rep.error("%s row %d" % (name, i), "has %d fields, header has %d"
                      % (len(rec), len(header)))
            rec = (rec + [""] * len(header))[:len(header)]
        rows.append((i, dict(zip(header, rec))))
    return header, rows


def check_bundle(path, strict=False):
    rep = Report(strict)
    data = {}
    for name in SPEC:
        header, rows = read_csv(rep, os.path.join(path, name), name)
        data[name] = rows
        for i, row in rows:
            if not row.get("source", "").strip():
                rep.error("%s row %d" % (name, i), "empty source")

    # actors
    actors = {}
    for i, r in data["actors.csv"]:
        where = "actors.csv row %d (%s)" % (i, r.get("id", ""))
        aid = r.get("id", "")
        if not aid.strip():
            rep.error(where, "empty id")
        elif aid != aid.strip():
            rep.error(where, "id has surrounding whitespace")
        elif aid in actors:
            rep.error(where, "duplicate id %r" % aid)
        else:
            actors[aid] = r
        if not r.get("name", "").strip():
            rep.error(where, "empty name")
        if r.get("level", "") not in LEVELS:
            rep.error(where, "level %r not in %s" % (r.get("level"), LEVELS))
        t = r.get("type", "")
        if t and t not in ACTOR_TYPES:
            rep.warn(where, "type %r outside the recommended vocabulary" % t)
        check_country(rep, where, r)
        check_coords(rep, where, r)

    # events
    events = {}
    for i, r in data["events.csv"]:
        where = "events.csv row %d (%s)" % (i, r.get("id", ""))
        eid = r.get("id", "")
        if not eid.strip():
            rep.error(where, "empty id")
        elif eid in events:
            rep.error(where, "duplicate id %r" % eid)
        else:
            events[eid] = r
        t = r.get("type", "")
        if t and t not in EVENT_TYPES:
            rep.error(where, "type %r not in %s" % (t, sorted(EVENT_TYPES)))
        check_interval(rep, where, "date", r.get("date", ""), "end",
                       r.get("end", ""))
        check_country(rep, where, r)
        check_coords(rep, where, r)

    # participation
    seen_pairs = set()
    per_event = {e: 0 for e in events}
    connected = set()
    roles = {}
    for i, r in data["participation.csv"]:
        e, a, role = r.get("event", ""), r.get("actor", ""), r.get("role", "")
        where = "participation.csv row %d (%s, %s)" % (i, e, a)
        if e not in events:
            rep.error(where, "unknown event %r" % e)
        if a not in actors:
            rep.error(where, "unknown actor %r" % a)
        if role not in ROLES:
            rep.error(where, "role %r not in %s" % (role, sorted(ROLES)))
        if (e, a) in seen_pairs:
            rep.error(where, "duplicate (event, actor) pair")
        seen_pairs.add((e, a))
        if e in per_event:
            per_event[e] += 1
        connected.add(a)
        roles[role] = roles.get(role, 0) + 1

    # ties
    tie_types = {}
    directed_n = 0
    for i, r in data["ties.csv"]:
        f, t, ty = r.get("from", ""), r.get("to", ""), r.get("type", "")
        where = "ties.csv row %d (%s -> %s, %s)" % (i, f, t, ty)
        if f not in actors:
            rep.error(where, "unknown actor %r" % f)
        if t not in actors:
            rep.error(where, "unknown actor %r" % t)
        if f == t:
            rep.error(where, "self-tie")
        if ty not in TIE_TYPES:
            rep.error(where, "type %r not in %s" % (ty, sorted(TIE_TYPES)))
        d = r.get("directed", "")
        if d not in ("true", "false"):
            rep.error(where, "directed %r must be 'true' or 'false'" % d)
        directed_n += d == "true"
        w = r.get("weight", "")
        if w:
            try:
                wv = float(w)
                if not wv > 0 or wv == float("inf"):
                    rep.error(where, "weight %r is not a positive number" % w)
            except ValueError:
                rep.error(where, "weight %r is not a number" % w)
        check_interval(rep, where, "start", r.get("start", ""), "end",
                       r.get("end", ""))
        connected.update((f, t))
        tie_types[ty] = tie_types.get(ty, 0) + 1

    for e, n in per_event.items():
        if n < 2:
            rep.warn("events.csv (%s)" % e, "has %d participant(s), fewer than 2"
                     % n)
    for a in actors:
        if a not in connected:
            rep.warn("actors.csv (%s)" % a,
                     "appears in no participation and no tie")

    # counts
    by_level = {lv: 0 for lv in LEVELS}
    for r in actors.values():
        if r.get("level") in by_level:
            by_level[r["level"]] += 1
    dated = sum(1 for r in events.values() if r.get("date", ""))
    print("bundle %s" % path)
    print("  actors: %d (%s)" % (len(actors), ", ".join(
        "%s %d" % kv for kv in by_level.items())))
    print("  events: %d (dated %d, undated %d)" % (len(events), dated,
                                                   len(events) - dated))
    print("  participations: %d (%s)" % (len(data["participation.csv"]),
          ", ".join("%s %d" % kv for kv in sorted(roles.items()))))
    print("  ties: %d (directed %d; %s)" % (len(data["ties.csv"]), directed_n,
          ", ".join("%s %d" % kv for kv in sorted(tie_types.items()))))
    for w in rep.warnings:
        print("  warning: " + w)
    for e in rep.errors:
        print("  ERROR: " + e)
    print("  %s: %d error(s), %d warning(s)" % (
        "OK" if not rep.errors else "FAILED", len(rep.errors),
        len(rep.warnings)))
    return not rep.errors


def main(argv):
    args = argv[1:]
    strict = False
    if args and args[0] == "--strict":
        strict = True
        args = args[1:]
    if not args or any(a.startswith("-") for a in args):
        sys.stderr.write(__doc__)
        return 2
    ok = True
    for path in args:
        ok = check_bundle(path, strict) and ok
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
