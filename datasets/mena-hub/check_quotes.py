#!/usr/bin/python3
"""Check that every quoted passage in this bundle's `source` columns (and
in the date provenance columns `date_source` of events.csv and
`start_source` of ties.csv) occurs in the named source document.

    /usr/bin/python3 datasets/mena-hub/check_quotes.py [SEEDS_DIR]

SEEDS_DIR holds the source documents (000_014307af077697a1.txt, ...);
default /work/shared/seeds.  A source value is one or more
`FILE: "quote"` items separated by ` | `.  Before comparing, markdown
markup (`**`, `[`, `](#)`, `\\(`, `\\)`) is removed from the document and
whitespace runs are collapsed, as described in README.md.  Standard library
only.  Exit status 0 when every quote is found."""

import csv
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ITEM = re.compile(r'([0-9A-Za-z_.-]+\.txt): "(.*?)"(?= \| [0-9A-Za-z_.-]+\.txt: "|$)')


def clean(text):
    text = text.replace("**", "").replace("](#)", "")
    text = text.replace("\\(", "(").replace("\\)", ")").replace("[", "")
    return re.sub(r"\s+", " ", text)


def main(argv):
    seeds = argv[1] if len(argv) > 1 else "/work/shared/seeds"
    docs = {}
    bad = checked = 0
    for name in ("actors.csv", "events.csv", "participation.csv", "ties.csv"):
        with open(os.path.join(HERE, name), encoding="utf-8", newline="") as f:
            rows = list(csv.DictReader(f))
        for n, row in enumerate(rows, start=2):
            for column in ("source", "date_source", "start_source"):
                src = row.get(column) or ""
                if column != "source" and not src:
                    continue  # date provenance: only where a date is inferred
                items = ITEM.findall(src)
                if not items:
                    print("%s row %d: no FILE: \"quote\" item in %s"
                          % (name, n, column))
                    bad += 1
                    continue
                for doc, quote in items:
                    if doc not in docs:
                        path = os.path.join(seeds, doc)
                        try:
                            with open(path, encoding="utf-8") as d:
                                docs[doc] = clean(d.read())
                        except OSError as e:
                            print("cannot read %s: %s" % (path, e))
                            return 2
                    checked += 1
                    if not clean(quote).strip():
                        print("%s row %d: empty quote in %s" % (name, n, column))
                        bad += 1
                    elif clean(quote) not in docs[doc]:
                        print("%s row %d: %s quote not found in %s: %r"
                              % (name, n, column, doc, quote))
                        bad += 1
    print("%d quotes checked, %d problem(s)" % (checked, bad))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
