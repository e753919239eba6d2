#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Size and speed of `coopnet explore` pages (issue 17); not part of ctest.

For the MENA dataset and a generated bundle of 2 000 actors (2 000 events of about 10, 1 000
ties, `coopnet generate --seed 1`): the page's size, the time `coopnet explore` takes, the time
the page's code takes in headless Chromium (data-ready-ms: from the start of loading until the
page is built; data-links-drawn-ms: until the links are on the canvas, for pages of more than
4 000 links) and the wall time of a Chromium screenshot (start, load, paint); then the same for
the page opened on its map view (#view=map: the basemap, the geo layout's positions), with the
bytes of the basemap. Prints two Markdown tables (docs/explore.md quotes them).

usage: bench/explore.py [COOPNET]   (default build/coopnet; needs chromium and libjs-d3)
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def timed(argv, **kwargs):
    start = time.perf_counter()
    result = subprocess.run(argv, capture_output=True, text=True, **kwargs)
    return time.perf_counter() - start, result


def chromium(page, *arguments, fragment=""):
    with tempfile.TemporaryDirectory() as profile:
        return timed(["chromium", "--headless", "--no-sandbox", "--disable-gpu",
                      "--user-data-dir=" + profile, *arguments, "file://" + page + fragment], timeout=300)


def page_times(page, fragment):
    """(page built, links drawn, screenshot) of page opened at fragment, as table cells."""
    _, dump = chromium(page, "--dump-dom", fragment=fragment)
    ready = re.search(r'data-ready-ms="(\d+)"', dump.stdout)
    drawn = re.search(r'data-links-drawn-ms="(\d+)"', dump.stdout)
    paint, _ = chromium(page, "--screenshot=" + os.path.join(os.path.dirname(page), "shot.png"),
                        "--window-size=1400,900", fragment=fragment)
    return ("%.2f s" % (int(ready.group(1)) / 1000) if ready else "failed",
            "%.2f s" % (int(drawn.group(1)) / 1000) if drawn else "(SVG)", "%.1f s" % paint)


def main():
    coopnet = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "build", "coopnet"))
    if shutil.which("chromium") is None:
        sys.exit("bench/explore.py needs chromium (scripts/install-deps.sh test)")
    work = tempfile.mkdtemp()
    try:
        generated = os.path.join(work, "generated-2k")
        subprocess.run([coopnet, "generate", "--quiet", "-o", generated, "--actors", "2000", "--events",
                        "2000", "--mean-size", "10", "--ties", "1000", "--countries", "8", "--seed", "1"],
                       check=True)
        rows, map_rows = [], []
        for name, bundle in (("datasets/mena-hub", os.path.join(ROOT, "datasets", "mena-hub")),
                             ("generated, 2 000 actors", generated)):
            page = os.path.join(work, "page.html")
            seconds, _ = timed([coopnet, "explore", "--quiet", bundle, "-o", page], check=True)
            info = subprocess.run([coopnet, "info", "--quiet", bundle], capture_output=True, text=True).stdout
            actors, links = re.search(r"cooperation graph: (\d+) actors, (\d+) links", info).groups()
            text = open(page, encoding="utf-8").read()
            basemap = re.search(r'"basemap":(null|\{.*?"countries":\[.*?\]\})', text, re.S)
            countries = len(re.findall(r'\{"id":"[A-Z]{2}","named"', basemap.group(1))) if basemap else 0
            rows.append("| %s | %s | %s | %.2f MB | %.2f s | %s | %s | %s |"
                        % ((name, actors, links, os.path.getsize(page) / 1e6, seconds) + page_times(page, "")))
            if '"map":true' in text:
                map_rows.append("| %s | %d countries, %.2f MB | %s | %s | %s |"
                                % ((name, countries, len(basemap.group(1)) / 1e6 if basemap else 0)
                                   + page_times(page, "#view=map")))
            else:
                map_rows.append("| %s | (no map: no actor placed) | | | |" % name)
        print("| bundle | actors | links | page | `coopnet explore` | page built | links drawn | screenshot |")
        print("| --- | --- | --- | --- | --- | --- | --- | --- |")
        print("\n".join(rows))
        print()
        print("| bundle, opened on the map | basemap | page built | links drawn | screenshot |")
        print("| --- | --- | --- | --- | --- |")
        print("\n".join(map_rows))
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
