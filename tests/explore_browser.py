#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The explorer page in a real browser (issue 17): Debian's chromium, headless.

Chromium runs the page's code and --dump-dom writes the document it built; the page reads the
view to open from its address (#actor=ID, #link=ID,ID, #level=..., #view=...), so each check
opens the page at one address. Checked: the page loads without an error (its own error hook and
chromium's console log), one node element per actor, a link's details show its source quote, the
level filter hides exactly the other levels' nodes, the what-if hides an actor and its events,
hostile names render as text and run nothing. Then, driving Chromium through the DevTools
protocol over a pipe (standard library only): real mouse clicks on a link and on a node show
their evidence, unticking a level hides its nodes, the CSV download holds the rows shown, a
search in Arabic finds its actor, with no console message or exception. Screenshots go to the
build directory.

usage: explore_browser.py COOPNET SOURCE_DIR OUTPUT_DIR   (exit 77: skipped, no browser or D3)
"""
import html
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

SKIP = 77


def browser():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    return None


def run_browser(chromium, page, fragment, *arguments):
    """Runs headless chromium on page#fragment; returns (stdout, stderr)."""
    url = "file://" + os.path.abspath(page) + ("#" + fragment if fragment else "")
    with tempfile.TemporaryDirectory() as profile:
        result = subprocess.run(
            [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
             "--user-data-dir=" + profile, "--enable-logging=stderr", "--v=0",
             *arguments, url],
            capture_output=True, text=True, timeout=120)
    return result.stdout, result.stderr


def page_data(page):
    text = open(page, encoding="utf-8").read()
    match = re.search(r'<script type="application/json" id="coopnet-data">(.*?)</script>', text, re.S)
    return json.loads(match.group(1))


class Checks:
    def __init__(self):
        self.failures = 0

    def check(self, condition, message):
        if not condition:
            print("FAILED: " + message, file=sys.stderr)
            self.failures += 1


def console_errors(log):
    """Chromium's console messages of the page: the page writes none, so any is an error
    (chromium logs console.error and uncaught exceptions alike as INFO:CONSOLE)."""
    return [line for line in log.splitlines() if ":CONSOLE" in line]


def dump(checks, chromium, page, fragment):
    dom, log = run_browser(chromium, page, fragment, "--dump-dom")
    body = re.search(r"<body[^>]*>", dom).group(0)
    checks.check('data-ready="true"' in body, "%s#%s: the page's code did not finish" % (page, fragment))
    checks.check("data-errors" not in body,
                 "%s#%s: the page reported errors: %s" % (page, fragment,
                 re.search(r'<div id="errors">(.*?)</div>', dom, re.S).group(1)[:300]))
    errors = console_errors(log)
    checks.check(not errors, "%s#%s: console errors: %s" % (page, fragment, errors[:3]))
    return dom


def details_of(dom):
    return re.search(r'<aside id="details">(.*?)</aside>', dom, re.S).group(1)


def node_tags(dom):
    return re.findall(r'<circle class="node[^"]*"[^>]*>', dom)


def check_map(checks, dom, data, name):
    """The map view of a page: country outlines (the data's countries the darker ones), one
    marker per actor, each located actor at its lat/lon by the page's projection, a dashed ring
    on each actor placed by its country, no link drawn to an actor listed apart."""
    countries = re.findall(r'<path class="country( named)?" data-country="([A-Z]{2})"', dom)
    checks.check(len(countries) > 0, "%s: the map has no country outlines" % name)
    drawn = {code for _, code in countries}
    named = {code for darker, code in countries if darker}
    wanted = {a["country"] for a in data["actors"] if a["country"]} & drawn
    checks.check(named == wanted and drawn - named,
                 "%s: the darker countries are %s, not the data's %s" % (name, sorted(named), sorted(wanted)))
    tags = {html.unescape(re.search(r'data-id="([^"]*)"', tag).group(1)): tag for tag in node_tags(dom)}
    checks.check(len(tags) == len(data["actors"]), "%s: %d markers for %d actors" % (name, len(tags), len(data["actors"])))
    projection = data["projection"]
    located = [a for a in data["actors"] if a["lat"] is not None and a["lon"] is not None]
    at_place = 0
    for actor in located:
        place = re.search(r'cx="([^"]*)" cy="([^"]*)"', tags.get(actor["id"], ""))
        x = projection["lon"][0] * actor["lon"] + projection["lon"][1]
        y = projection["lat"][0] * actor["lat"] + projection["lat"][1]
        if place and abs(float(place.group(1)) - x) < 0.05 and abs(float(place.group(2)) - y) < 0.05:
            at_place += 1
    checks.check(at_place == len(located), "%s: %d of the %d located actors at their lat/lon"
                 % (name, at_place, len(located)))
    approximate = [a["id"] for a in data["actors"] if a["map"]["approximate"]]
    ringed = [i for i, tag in tags.items() if "approximate" in re.search(r'class="([^"]*)"', tag).group(1)]
    checks.check(sorted(ringed) == sorted(approximate), "%s: %d actors ringed as placed by country, %d so placed"
                 % (name, len(ringed), len(approximate)))
    box = projection["box"]
    listed = {a["id"] for a in data["actors"] if a["map"]["approximate"] and not (
        box[0] <= a["map"]["x"] <= box[0] + box[2] and box[1] <= a["map"]["y"] <= box[1] + box[3])}
    if listed:
        checks.check("No location on the map (%d)" % len(listed) in dom, "%s: the map does not head the actors listed apart" % name)
    for tag in re.findall(r'<line class="link[^"]*"[^>]*>', dom):
        ends = {html.unescape(v) for v in re.findall(r'data-(?:from|to)="([^"]*)"', tag)}
        checks.check(("display: none" in tag) == bool(ends & listed),
                     "%s: the link %s is %s on the map" % (name, sorted(ends), "hidden" if "display: none" in tag else "drawn"))


class DevTools:
    """Chromium driven through the DevTools protocol over a pipe (--remote-debugging-pipe:
    JSON messages ending in NUL, read on fd 3 and written on fd 4), with nothing but the
    standard library: real mouse clicks (Input.dispatchMouseEvent), script evaluation, and the
    page's console messages and uncaught exceptions."""

    def __init__(self, chromium):
        self.profile = tempfile.mkdtemp()
        to_browser_read, self.to_browser = os.pipe()
        self.from_browser, from_browser_write = os.pipe()

        def pipes():  # in the child: its fd 3 reads our commands, its fd 4 writes the answers
            os.dup2(to_browser_read, 100)
            os.dup2(from_browser_write, 101)
            os.dup2(100, 3)
            os.dup2(101, 4)

        self.process = subprocess.Popen(
            [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
             "--user-data-dir=" + self.profile, "--remote-debugging-pipe", "--window-size=1400,900",
             "about:blank"],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            preexec_fn=pipes, close_fds=False)
        os.close(to_browser_read)
        os.close(from_browser_write)
        self.buffer = b""
        self.next_id = 0
        self.events = []
        self.session = None

    def close(self):
        try:
            self.send("Browser.close", session=False)
            self.process.wait(timeout=20)
        except Exception:
            self.process.kill()
        os.close(self.to_browser)
        os.close(self.from_browser)
        shutil.rmtree(self.profile, ignore_errors=True)

    def _read(self):
        while b"\0" not in self.buffer:
            chunk = os.read(self.from_browser, 1 << 16)
            if not chunk:
                raise RuntimeError("chromium closed the DevTools pipe")
            self.buffer += chunk
        message, self.buffer = self.buffer.split(b"\0", 1)
        return json.loads(message)

    def send(self, method, params=None, session=True):
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params or {}}
        if session and self.session:
            message["sessionId"] = self.session
        os.write(self.to_browser, json.dumps(message).encode() + b"\0")
        while True:
            answer = self._read()
            if answer.get("id") == self.next_id:
                if "error" in answer:
                    raise RuntimeError("%s: %s" % (method, answer["error"]))
                return answer.get("result", {})
            self.events.append(answer)

    def open(self, url):
        target = self.send("Target.createTarget", {"url": url}, session=False)["targetId"]
        self.session = self.send("Target.attachToTarget", {"targetId": target, "flatten": True},
                                 session=False)["sessionId"]
        self.send("Runtime.enable")
        for _ in range(200):
            if self.evaluate("document.body && document.body.getAttribute('data-ready')") == "true":
                return
            time.sleep(0.05)
        raise RuntimeError("the page did not finish loading")

    def evaluate(self, expression):
        result = self.send("Runtime.evaluate", {"expression": expression, "returnByValue": True})
        if "exceptionDetails" in result:
            raise RuntimeError("%s: %s" % (expression, result["exceptionDetails"]))
        return result["result"].get("value")

    def click(self, selector):
        """A real mouse click in the middle of the element (for a line, its middle)."""
        box = self.evaluate("(function () { var r = document.querySelector(%s).getBoundingClientRect();"
                            " return [r.left + r.width / 2, r.top + r.height / 2]; })()" % json.dumps(selector))
        for kind in ("mouseMoved", "mousePressed", "mouseReleased"):
            self.send("Input.dispatchMouseEvent", {"type": kind, "x": box[0], "y": box[1], "button": "left",
                                                   "clickCount": 1})

    def errors(self):
        return [e for e in self.events
                if e.get("method") in ("Runtime.exceptionThrown", "Runtime.consoleAPICalled")]


def interact(checks, chromium, page, hostile_page):
    """Real clicks and inputs on the MENA page and the hostile one."""
    browser = DevTools(chromium)
    try:
        browser.open("file://" + page)
        data = page_data(page)
        # click the line Fes - Tangier (raised above the others first, so the click lands on it)
        selector = 'line.link[data-from="tangier"][data-to="fes"], line.link[data-from="fes"][data-to="tangier"]'
        browser.evaluate("(function () { var l = document.querySelector(%s); l.parentNode.appendChild(l); })()"
                         % json.dumps(selector))
        browser.click(selector)
        details = browser.evaluate("document.getElementById('details').textContent")
        checks.check(details.startswith("Fes — Tangier") or details.startswith("Tangier — Fes"),
                     "a click on the line Fes - Tangier shows '%s'" % details[:80])
        checks.check("In November 2023, Strong Cities hosted a national roundtable in Tangier (Morocco)" in details,
                     "a click on the line Fes - Tangier does not show the roundtable's quote")
        # click a node
        browser.click('circle.node[data-id="sousse"]')
        details = browser.evaluate("document.getElementById('details').textContent")
        checks.check(details.startswith(next(a["name"] for a in data["actors"] if a["id"] == "sousse")),
                     "a click on Sousse shows '%s'" % details[:80])
        # untick "local": exactly the local actors' nodes hide
        browser.click("#level-filter label:nth-of-type(1) input")
        hidden = browser.evaluate("Array.prototype.filter.call(document.querySelectorAll('circle.node'),"
                                  " function (n) { return n.style.display === 'none'; }).length")
        local = sum(1 for a in data["actors"] if a["level"] == 0)
        checks.check(hidden == local, "unticking local hid %s nodes, not the %d local actors" % (hidden, local))
        # the actors' CSV of the filter: one row per actor shown
        browser.click("#download-actors")
        csv_text = browser.evaluate("decodeURIComponent(document.getElementById('download-actors').href"
                                    ".replace(/^data:text\\/csv;charset=utf-8,/, ''))")
        rows = [line for line in csv_text.split("\r\n") if line]
        checks.check(rows[0].startswith("name,id,level,country,type,degree,betweenness"),
                     "the actors' CSV header is '%s'" % rows[0][:80])
        checks.check(len(rows) - 1 == len(data["actors"]) - local,
                     "the actors' CSV has %d rows for %d actors shown" % (len(rows) - 1, len(data["actors"]) - local))
        # type a search: the matching actor stays bright
        browser.evaluate("(function () { var s = document.getElementById('search'); s.value = 'فاس';"
                         " s.dispatchEvent(new Event('input')); })()")
        bright = browser.evaluate("Array.prototype.filter.call(document.querySelectorAll('circle.node'),"
                                  " function (n) { return !n.classList.contains('dim'); })"
                                  ".map(function (n) { return n.getAttribute('data-id'); })")
        checks.check(bright == ["fes"], "searching the Arabic name of Fes leaves %s bright" % bright)
        checks.check(not browser.errors(), "console messages or exceptions: %s" % browser.errors()[:2])

        # the map: a click on a marker shows the actor's sources, as in the network view
        browser.open("file://" + page + "#view=map")
        browser.click('circle.node[data-id="greater_manchester"]')
        details = browser.evaluate("document.getElementById('details').textContent")
        manchester = next(a for a in data["actors"] if a["id"] == "greater_manchester")
        checks.check(details.startswith(manchester["name"]), "a click on the map's Greater Manchester shows '%s'" % details[:80])
        checks.check("city practitioners from Strong Cities member cities, Greater Manchester (UK)" in details,
                     "a click on the map's Greater Manchester does not show its source quote")
        browser.click('#level-filter label:nth-of-type(1) input')
        shown = browser.evaluate("document.querySelector('circle.node[data-id=\"greater_manchester\"]').style.display")
        checks.check(shown == "none", "unticking local leaves Greater Manchester on the map")
        checks.check(not browser.errors(), "map: console messages or exceptions: %s" % browser.errors()[:2])

        browser.open("file://" + hostile_page)
        browser.click('circle.node[data-id="img"]')
        browser.click("#download-actors")
        csv_text = browser.evaluate("decodeURIComponent(document.getElementById('download-actors').href"
                                    ".replace(/^data:text\\/csv;charset=utf-8,/, ''))")
        checks.check("\"\"\"onmouseover=alert(1) x=\"\"\"" in csv_text,
                     "the hostile name with quotes is not quoted in the CSV")
        checks.check(browser.evaluate("document.body.hasAttribute('data-pwned')") is False,
                     "a click on the hostile actor ran its onerror handler")
        checks.check(not browser.errors(), "console messages or exceptions: %s" % browser.errors()[:2])
    finally:
        browser.close()


def main():
    coopnet, source_dir, output_dir = sys.argv[1:4]
    chromium = browser()
    if chromium is None or not os.path.exists("/usr/share/javascript/d3/d3.min.js"):
        print("skipped: needs chromium and libjs-d3 (scripts/install-deps.sh test)")
        return SKIP
    checks = Checks()
    work = tempfile.mkdtemp()
    try:
        mena = os.path.join(work, "mena.html")
        subprocess.run([coopnet, "explore", "--quiet", os.path.join(source_dir, "datasets", "mena-hub"),
                        "-o", mena], check=True)
        data = page_data(mena)
        actors = {a["id"]: a for a in data["actors"]}

        # loads without errors; one node element per actor, each with its id
        dom = dump(checks, chromium, mena, "")
        nodes = node_tags(dom)
        checks.check(len(nodes) == len(data["actors"]),
                     "%d node elements for %d actors" % (len(nodes), len(data["actors"])))
        ids = [html.unescape(re.search(r'data-id="([^"]*)"', n).group(1)) for n in nodes]
        checks.check(ids == [a["id"] for a in data["actors"]], "the nodes are not the actors in order")

        # a link's details: its shared events and ties, each with its source quote
        dom = dump(checks, chromium, mena, "link=fes,tangier")
        details = html.unescape(details_of(dom))
        checks.check("Fes — Tangier" in details, "the details of fes-tangier do not name the link")
        checks.check("In November 2023, Strong Cities hosted a national roundtable in Tangier (Morocco)" in details,
                     "the details of fes-tangier lack the roundtable's source quote")

        # an actor's details: its events with the date as written and its ties
        dom = dump(checks, chromium, mena, "actor=fes")
        details = html.unescape(details_of(dom))
        checks.check("date: 2024-09 (between 2024-09-01 and 2024-09-30)" in details,
                     "fes's details lack a month's date written with its bounds")

        # the level filter hides exactly the nodes of the other levels
        dom = dump(checks, chromium, mena, "level=local")
        hidden = [html.unescape(re.search(r'data-id="([^"]*)"', n).group(1))
                  for n in node_tags(dom) if "display: none" in n]
        expected = [a["id"] for a in data["actors"] if data["levels"][a["level"]]["name"] != "local"]
        checks.check(hidden == expected, "level=local hid %d nodes, expected the %d others"
                     % (len(hidden), len(expected)))

        # the what-if: the hub and the events it convened go (coopnet whatif --without)
        dom = dump(checks, chromium, mena, "without=scn_mena_hub&view=tables")
        counts = re.search(r'<p id="counts" class="muted">(.*?)</p>', dom).group(1)
        whatif = subprocess.run([coopnet, "whatif", "--quiet", os.path.join(source_dir, "datasets", "mena-hub"),
                                 "--without", "scn_mena_hub"], capture_output=True, text=True, check=True).stdout
        after = {row.split(",")[0]: row.split(",")[3] for row in whatif.splitlines()
                 if row.split(",")[1:2] == ["*"]}
        checks.check(counts.startswith("%d of %d actors, %s of %d links, %s of %d events"
                                       % (len(data["actors"]) - 1, len(data["actors"]), after["links"],
                                          len(data["links"]), after["events"], len(data["events"]))),
                     "without the hub the page shows '%s'; coopnet whatif: %s links, %s events after"
                     % (counts, after["links"], after["events"]))

        # the as-of filter: the links of `coopnet info --as-of DATE --as-of-mode MODE`
        for as_of, mode in (("2023-12", "certain"), ("2023-12", "possible"), ("2024-06-30", "certain")):
            info = subprocess.run([coopnet, "info", "--quiet", "--as-of", as_of, "--as-of-mode", mode,
                                   os.path.join(source_dir, "datasets", "mena-hub")],
                                  capture_output=True, text=True, check=True).stdout
            wanted = re.search(r"cooperation graph: \d+ actors, (\d+) links", info).group(1)
            dom = dump(checks, chromium, mena, "as-of=%s&as-of-mode=%s" % (as_of, mode))
            counts = re.search(r'<p id="counts" class="muted">(.*?)</p>', dom).group(1)
            checks.check(" %s of %d links" % (wanted, len(data["links"])) in counts,
                         "as of %s (%s) the page shows '%s'; coopnet info: %s links"
                         % (as_of, mode, counts, wanted))

        # the map: the geo layout's positions on the land of the geo figure, a graticule, the
        # actors without a location near their country's centre or listed apart
        dom = dump(checks, chromium, mena, "view=map")
        check_map(checks, dom, data, "mena")
        checks.check("°N</text>" in dom and "°E</text>" in dom, "the map has no graticule labels")
        first = re.search(r'<circle class="node[^"]*" data-id="rabat"[^>]*cx="([^"]*)" cy="([^"]*)"', dom)
        checks.check(first is not None and abs(float(first.group(1)) - actors["rabat"]["map"]["x"]) < 0.01,
                     "rabat is not at the geo layout's position on the map")
        checks.check(not re.search(r'<p id="map-note"[^>]*>[^<]', dom), "the MENA map shows a note")

        # a bundle without coordinates: every actor by its country, or listed apart
        tn_jo = os.path.join(work, "tn-jo.html")
        subprocess.run([coopnet, "explore", "--quiet", os.path.join(source_dir, "tests", "data", "tn-jo"),
                        "-o", tn_jo], check=True)
        tn_jo_data = page_data(tn_jo)
        dom = dump(checks, chromium, tn_jo, "view=map")
        check_map(checks, dom, tn_jo_data, "tn-jo")
        checks.check(not any(a["lat"] is not None for a in tn_jo_data["actors"]), "tn-jo has coordinates")
        run_browser(chromium, tn_jo, "view=map", "--screenshot=" + os.path.join(output_dir, "explore-tn-jo-map.png"),
                    "--window-size=1400,900", "--hide-scrollbars")

        # without the map data: the graticule, no land, and a note that says why
        no_map = os.path.join(work, "no-map.html")
        subprocess.run([coopnet, "explore", "--quiet", os.path.join(source_dir, "datasets", "mena-hub"),
                        "-o", no_map], check=True,
                       env=dict(os.environ, COOPNET_MAP_DATA=os.path.join(work, "no-such-map.nc")))
        dom = dump(checks, chromium, no_map, "view=map")
        checks.check('class="country' not in dom, "without map data the map has land")
        checks.check("°N</text>" in dom, "without map data the map has no graticule")
        checks.check(len(node_tags(dom)) == len(data["actors"]), "without map data the map lacks actors")
        note = re.search(r'<p id="map-note">([^<]*)</p>', dom)
        checks.check(note is not None and "cannot read map data" in note.group(1) and "no-such-map.nc" in note.group(1),
                     "without map data the map shows no note saying why: %s" % (note and note.group(1)))
        run_browser(chromium, no_map, "view=map", "--screenshot=" + os.path.join(output_dir, "explore-no-map-data.png"),
                    "--window-size=1400,900", "--hide-scrollbars")

        for fragment, name in (("", "explore-mena.png"), ("view=timeline", "explore-mena-timeline.png"),
                               ("view=map", "explore-mena-map.png"),
                               ("link=fes,tangier", "explore-mena-link.png")):
            run_browser(chromium, mena, fragment, "--screenshot=" + os.path.join(output_dir, name),
                        "--window-size=1400,900", "--hide-scrollbars")

        # a bundle of more than 4 000 links: they go on a canvas (no SVG line each), drawn once
        # the page is up; the nodes stay elements
        generated = os.path.join(work, "generated")
        subprocess.run([coopnet, "generate", "--quiet", "-o", generated, "--actors", "300", "--events", "300",
                        "--mean-size", "10", "--ties", "100", "--countries", "8", "--seed", "1"], check=True)
        large = os.path.join(work, "large.html")
        subprocess.run([coopnet, "explore", "--quiet", generated, "-o", large], check=True)
        large_data = page_data(large)
        checks.check(len(large_data["links"]) > 4000, "the generated bundle has only %d links" % len(large_data["links"]))
        dom = dump(checks, chromium, large, "")
        checks.check(len(node_tags(dom)) == len(large_data["actors"]), "the large page lacks node elements")
        checks.check('class="link' not in dom, "the large page drew its links as SVG elements")
        checks.check("data-links-drawn-ms" in re.search(r"<body[^>]*>", dom).group(0),
                     "the large page's links were not drawn on the canvas")
        run_browser(chromium, large, "", "--screenshot=" + os.path.join(output_dir, "explore-large.png"),
                    "--window-size=1400,900", "--hide-scrollbars")

        # hostile names: text, never markup; nothing they hold runs
        hostile = os.path.join(work, "hostile.html")
        subprocess.run([coopnet, "explore", "--quiet", os.path.join(source_dir, "tests", "data", "hostile-names"),
                        "-o", hostile], check=True)
        for fragment in ("view=tables", "actor=script", "actor=img", "view=timeline"):
            dom = dump(checks, chromium, hostile, fragment)
            checks.check("data-pwned" not in re.search(r"<body[^>]*>", dom).group(0), "#%s: an onerror handler from the data ran" % fragment)
            checks.check(len(re.findall(r"<script", dom)) == 4,
                         "#%s: %d script elements, expected the page's 4" % (fragment, len(re.findall(r"<script", dom))))
            checks.check("<img" not in dom and "<svg onload" not in dom and "<b>" not in dom,
                         "#%s: markup from the data became elements" % fragment)
            checks.check("&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;" in dom,
                         "#%s: the name '</script><script>alert(1)</script>' is not shown as text" % fragment)
        run_browser(chromium, hostile, "actor=script", "--screenshot=" + os.path.join(output_dir, "explore-hostile.png"),
                    "--window-size=1400,900", "--hide-scrollbars")

        interact(checks, chromium, mena, hostile)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 1 if checks.failures else 0


if __name__ == "__main__":
    sys.exit(main())
