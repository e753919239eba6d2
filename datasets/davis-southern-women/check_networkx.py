#!/usr/bin/python3
"""Cross-check this bundle's participation rows against the attendance
matrix shipped with networkx (Debian python3-networkx):

    /usr/bin/python3 datasets/davis-southern-women/check_networkx.py

Actor names are matched to networkx's node names (bundle `name` column);
events e1..e14 are matched to networkx's E1..E14.  Exit status 0 when the
two sets of (woman, event) pairs are identical."""

import csv
import os
import sys

import networkx

HERE = os.path.dirname(os.path.abspath(__file__))


def main():
    with open(os.path.join(HERE, "actors.csv"), encoding="utf-8", newline="") as f:
        name = {r["id"]: r["name"] for r in csv.DictReader(f)}
    with open(os.path.join(HERE, "participation.csv"), encoding="utf-8", newline="") as f:
        ours = {(name[r["actor"]], r["event"].upper()) for r in csv.DictReader(f)}
    g = networkx.davis_southern_women_graph()
    women = set(g.graph["top"])
    theirs = {(w, e) for w in women for e in g[w]}
    only_ours, only_theirs = ours - theirs, theirs - ours
    print("bundle pairs: %d, networkx pairs: %d" % (len(ours), len(theirs)))
    for p in sorted(only_ours):
        print("  only in bundle:   %s at %s" % p)
    for p in sorted(only_theirs):
        print("  only in networkx: %s at %s" % p)
    ok = not only_ours and not only_theirs and set(name.values()) == women
    print("MATCH" if ok else "MISMATCH")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
