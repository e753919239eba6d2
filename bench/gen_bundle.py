#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes a synthetic bundle for the reach benchmark (bench/reach.sh).

usage: /usr/bin/python3 bench/gen_bundle.py N_ACTORS OUT_DIR [--seed S] [--events-per-actor K]

N actors; N * K / 8 events (K = 20 by default) of 2 to 14 participants (mean 8), dated uniformly
over 2019-2024, participants drawn uniformly, a quarter of them presenters; N ties with start
dates, half of them directed. (The scale helper's `coopnet generate` was not on main when this
was written; this generator is deliberately simple and structure-free.)
"""
import argparse
import datetime
import os
import random

parser = argparse.ArgumentParser()
parser.add_argument("n", type=int)
parser.add_argument("out")
parser.add_argument("--seed", type=int, default=1)
parser.add_argument("--events-per-actor", type=int, default=20)
args = parser.parse_args()
rng = random.Random(args.seed)
os.makedirs(args.out, exist_ok=True)
n = args.n
first = datetime.date(2019, 1, 1)
span = (datetime.date(2024, 12, 31) - first).days


def date():
    return (first + datetime.timedelta(days=rng.randrange(span + 1))).isoformat()


with open(os.path.join(args.out, "actors.csv"), "w") as f:
    f.write("id,name,level\n")
    for a in range(n):
        f.write(f"a{a},Actor {a},{'local' if a % 4 else 'national'}\n")
n_events = n * args.events_per_actor // 8
with open(os.path.join(args.out, "events.csv"), "w") as f, open(
    os.path.join(args.out, "participation.csv"), "w"
) as p:
    f.write("id,title,date\n")
    p.write("event,actor,role\n")
    for e in range(n_events):
        f.write(f"e{e},Event {e},{date()}\n")
        for a in rng.sample(range(n), rng.randint(2, 14)):
            p.write(f"e{e},a{a},{'presenter' if rng.random() < 0.25 else 'participant'}\n")
with open(os.path.join(args.out, "ties.csv"), "w") as f:
    f.write("from,to,type,start,directed\n")
    for t in range(n):
        a, b = rng.sample(range(n), 2)
        f.write(f"a{a},a{b},peer_learning,{date()},{'true' if t % 2 else 'false'}\n")
