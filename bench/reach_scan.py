#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""A straightforward per-source reach scan in Python, the reference of bench/reach.sh.

usage: /usr/bin/python3 bench/reach_scan.py BUNDLE [--sample K] [--seed S]

For K random sources (all when K >= N), one earliest-arrival scan each over the dated contacts
in date order (docs/temporal.md: contacts of one day read the state of the day before; no
maximum wait, mode all). Prints JSON: seconds for the sample, seconds extrapolated linearly to
all N sources, and each sampled source's out_reach so that coopnet's can be checked against it.
"""
import argparse
import csv
import json
import os
import random
import time
from collections import defaultdict

parser = argparse.ArgumentParser()
parser.add_argument("bundle")
parser.add_argument("--sample", type=int, default=20)
parser.add_argument("--seed", type=int, default=1)
args = parser.parse_args()


def day(text):
    import datetime
    parts = [int(x) for x in text.split("-")] + [1, 1]
    return datetime.date(parts[0], parts[1], parts[2]).toordinal()


with open(os.path.join(args.bundle, "actors.csv")) as f:
    actors = [row["id"] for row in csv.DictReader(f)]
with open(os.path.join(args.bundle, "events.csv")) as f:
    event_day = {row["id"]: day(row["date"]) for row in csv.DictReader(f) if row["date"]}
members = defaultdict(list)
with open(os.path.join(args.bundle, "participation.csv")) as f:
    for row in csv.DictReader(f):
        if row["event"] in event_day:
            members[row["event"]].append(row["actor"])
contacts = []  # (day, senders, receivers)
for event, people in members.items():
    contacts.append((event_day[event], people, people))
ties_path = os.path.join(args.bundle, "ties.csv")
if os.path.exists(ties_path):
    with open(ties_path) as f:
        for row in csv.DictReader(f):
            if not row["start"]:
                continue
            a, b = row["from"], row["to"]
            directed = row.get("directed", "").lower() == "true"
            contacts.append((day(row["start"]), [a] if directed else [a, b], [b] if directed else [a, b]))
contacts.sort(key=lambda c: c[0])

rng = random.Random(args.seed)
sources = actors if args.sample >= len(actors) else rng.sample(actors, args.sample)
start = time.perf_counter()
out_reach = {}
for source in sources:
    informed = {source}
    i = 0
    while i < len(contacts):
        today = contacts[i][0]
        new = []
        while i < len(contacts) and contacts[i][0] == today:
            _, senders, receivers = contacts[i]
            if any(s in informed for s in senders):
                new.extend(receivers)
            i += 1
        informed.update(new)
    out_reach[source] = len(informed) - 1
seconds = time.perf_counter() - start
print(json.dumps({"sources": len(sources), "seconds": seconds,
                  "extrapolated_seconds": seconds / len(sources) * len(actors),
                  "out_reach": out_reach}))
