#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Fallback generator of a benchmark bundle when `coopnet generate` is not available:
N actors in 8 countries (local, regional, national; 2% international), M events of 2 to 8
participants drawn mostly within one country, dated over 2016-2025. Seeded: the same arguments
give the same files.

    /usr/bin/python3 bench/generate_bundle.py DIR [ACTORS] [EVENTS] [SEED]"""
import os
import random
import sys

out = sys.argv[1]
n_actors = int(sys.argv[2]) if len(sys.argv) > 2 else 20000
n_events = int(sys.argv[3]) if len(sys.argv) > 3 else 8000
rng = random.Random(int(sys.argv[4]) if len(sys.argv) > 4 else 1)
countries = ["MA", "TN", "IQ", "JO", "LB", "LY", "EG", "DZ"]
os.makedirs(out, exist_ok=True)
actors = []
with open(os.path.join(out, "actors.csv"), "w") as f:
    f.write("id,name,level,country\n")
    for i in range(n_actors):
        r = rng.random()
        level = "international" if r < 0.02 else "national" if r < 0.06 else \
            "regional" if r < 0.2 else "local"
        country = "" if level == "international" else rng.choice(countries)
        actors.append((f"a{i}", country))
        f.write(f"a{i},Actor {i},{level},{country}\n")
by_country = {c: [a for a, k in actors if k == c] for c in countries}
everyone = [a for a, _ in actors]
with open(os.path.join(out, "events.csv"), "w") as f, \
        open(os.path.join(out, "participation.csv"), "w") as p:
    f.write("id,title,date\n")
    p.write("event,actor\n")
    for e in range(n_events):
        f.write(f"e{e},Event {e},{rng.randint(2016, 2025)}-{rng.randint(1, 12):02d}\n")
        pool = everyone if rng.random() < 0.06 else by_country[rng.choice(countries)]
        for a in sorted(set(rng.choice(pool) for _ in range(rng.randint(2, 8)))):
            p.write(f"e{e},{a}\n")
with open(os.path.join(out, "ties.csv"), "w") as f:
    f.write("from,to,type\n")
