/* SPDX-License-Identifier: GPL-3.0-or-later */
/* explore.js - the code of the page `coopnet explore` writes (D3 3.x, inlined before it).
 *
 * The data (the JSON of src/report/explore.c) is read once; filters only decide what is shown.
 * Every link is an edge of coopnet's cooperation graph with the events and ties that make it;
 * a filter hides evidence, and a link with no visible evidence left is hidden too. Text from the
 * data is only ever set with textContent (d3's .text()) or as an attribute value, never as
 * markup. */
(function () {
  "use strict";

  var data = JSON.parse(document.getElementById("coopnet-data").textContent);
  var actors = data.actors, events = data.events, ties = data.ties;
  var DAY_MS = 86400000;
  /* Whole numbers as they are, others to four significant digits. */
  function formatMeasure(v) { return Number.isInteger(v) ? String(v) : String(+Number(v).toPrecision(4)); }

  /* ---- indexes ---- */

  actors.forEach(function (actor, i) {
    actor.index = i;
    actor.participations = []; /* [event index, role, source, line] */
    actor.tieIndexes = [];
  });
  events.forEach(function (event, i) {
    event.index = i;
    event.participants.forEach(function (p) {
      actors[p[0]].participations.push([i, p[1], p[2], p[3]]);
    });
  });
  ties.forEach(function (tie, i) {
    tie.index = i;
    actors[tie.from].tieIndexes.push(i);
    actors[tie.to].tieIndexes.push(i);
  });
  var links = data.links.map(function (l, i) {
    return {index: i, source: actors[l[0]], target: actors[l[1]], weight: l[2], events: l[3],
            ties: l[4]};
  });
  var tieTypes = unique(ties.map(function (t) { return t.type; }));
  var countries = unique(actors.map(function (a) { return a.country; }).filter(Boolean));
  var byName = actors.slice().sort(function (a, b) { return compareText(a.name, b.name); });

  function unique(values) {
    var seen = Object.create(null), out = []; /* no prototype: a value "__proto__" is a value */
    values.forEach(function (v) {
      if (!seen[v]) { seen[v] = true; out.push(v); }
    });
    return out.sort(compareText);
  }
  function compareText(a, b) { return String(a).localeCompare(String(b)); }

  /* ---- the state the filters set ---- */

  var state = {
    levels: data.levels.map(function () { return true; }),
    country: "",
    coattendance: data.layer !== 2, /* the graph's layer: 0 all, 1 events, 2 ties */
    tieTypes: Object.create(null), /* keyed by the data's tie types */
    query: "",
    without: -1,
    asOf: null,         /* a day number, or null: every date */
    reading: "certain", /* how a bounded date counts for asOf, as coopnet's --as-of-mode */
    view: "network"
  };
  tieTypes.forEach(function (type) { state.tieTypes[type] = data.layer !== 1; });

  /* Normalised for search: lower case, accents and Arabic diacritics set aside. */
  function fold(text) {
    return String(text || "").normalize("NFD").replace(/[\u0300-\u036f\u064b-\u065f\u0670]/g, "")
      .toLowerCase();
  }
  actors.forEach(function (a) { a.searchText = fold([a.name, a.name_fr, a.name_ar, a.id].join(" ")); });

  /* What is visible: the what-if first (an actor withdrawn with the events it convened, the rule
   * of coopnet whatif: data.roles says which roles convene), then the filters. */
  function computeVisibility() {
    var without = state.without;
    events.forEach(function (event) {
      event.dropped = without >= 0 && event.participants.some(function (p) {
        return p[0] === without && data.roles[p[1]].convenes;
      });
      event.visible = state.coattendance && !event.dropped && keptAsOf(event.date_bounds);
    });
    var query = fold(state.query).trim();
    actors.forEach(function (a) {
      a.visible = a.index !== without && state.levels[a.level] &&
        (!state.country || a.country === state.country);
      a.match = !query || a.searchText.indexOf(query) >= 0;
    });
    ties.forEach(function (t) {
      t.visible = state.tieTypes[t.type] && actors[t.from].visible && actors[t.to].visible &&
        keptAsOf(t.start_bounds, t.end_bounds);
    });
    links.forEach(function (link) {
      var shown = link.source.visible && link.target.visible, weight = 0;
      if (shown) {
        link.events.forEach(function (e) { if (events[e].visible) weight += 1; });
        link.ties.forEach(function (t) { if (ties[t].visible) weight += ties[t].weight; });
      }
      link.visibleWeight = weight;
      link.visible = shown && weight > 0;
    });
  }

  /* The rule of coopnet's --as-of (coopnet_graph_keeps_event, _keeps_tie): an event counts when
   * its date is surely on or before the day (its latest possible day is; possible reading: its
   * earliest), a tie when its start is, and its end, if any, is not surely before the day. */
  function keptAsOf(bounds, endBounds) {
    if (state.asOf === null) return true;
    var certain = state.reading === "certain";
    if ((certain ? bounds[1] : bounds[0]) > state.asOf) return false;
    return !endBounds || (certain ? endBounds[0] : endBounds[1]) >= state.asOf;
  }

  /* ---- small DOM helpers: text only ---- */

  function el(parent, tag, text, className) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (className) node.className = className;
    if (parent) parent.appendChild(node);
    return node;
  }
  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }
  function dayText(day) { return new Date(day * DAY_MS).toISOString().slice(0, 10); }
  function levelName(level) { return data.levels[level].name; }
  function roleName(role) { return data.roles[role].name; }

  /* The date as written, and what it means when it is not one known day. */
  function dateText(item, field, end) {
    var written = item[field] || "", bounds = item[field + "_bounds"];
    var last = end ? Math.max(bounds[1], item.end_bounds[1]) : bounds[1];
    if (end) written += " to " + end;
    if (!item.dated) return "undated (some day of the study window " + dayText(data.window[0]) +
      " to " + dayText(data.window[1]) + ")";
    if (item.exact) return written;
    return written + " (between " + dayText(bounds[0]) + " and " + dayText(last) + ")";
  }

  /* A source column: citations separated by " | ", each "document: quote"; a document of
   * sources.csv is named by its title. */
  var sourcesById = Object.create(null);
  data.sources.forEach(function (s) {
    sourcesById[s.id] = s;
    if (s.file) sourcesById[s.file] = s;
  });
  function citations(parent, text, label) {
    if (!text) { el(parent, "div", (label ? label + ": " : "") + "no source given", "citation muted"); return; }
    text.split(" | ").forEach(function (citation) {
      var box = el(parent, "div", null, "citation");
      if (label) el(box, "span", label + ": ", "muted");
      var colon = citation.indexOf(":");
      var doc = colon > 0 ? citation.slice(0, colon).trim() : citation.trim();
      var quote = colon > 0 ? citation.slice(colon + 1).trim() : "";
      var known = sourcesById[doc] || null;
      el(box, "span", known ? known.title + " (" + doc + ")" : doc, "doc");
      if (quote) el(box, "div", quote);
    });
  }

  /* ---- the details panel ---- */

  var details = document.getElementById("details");

  function hiddenNote(parent, visible) {
    if (!visible) el(parent, "span", " hidden by the current filter", "hidden-note");
  }

  function describeEvent(list, event, role, participationSource) {
    var item = el(list, "li");
    el(item, "strong", event.title);
    hiddenNote(item, event.visible);
    el(item, "div", "date: " + dateText(event, "date", event.end));
    if (event.date_source) citations(item, event.date_source, "date from");
    var facts = [event.type, event.place, event.country].filter(Boolean).join(" · ");
    if (facts) el(item, "div", facts, "muted");
    if (role !== undefined) {
      el(item, "div", "role: " + roleName(role), "muted");
      citations(item, participationSource, "attendance");
    }
    citations(item, event.source, "event");
  }

  function describeTie(list, tie, from) {
    var item = el(list, "li");
    var other = actors[tie.from === from ? tie.to : tie.from];
    var arrow = tie.directed ? (tie.from === from ? " → " : " ← ") : " — ";
    el(item, "strong", from === undefined
      ? tie.type + ": " + actors[tie.from].name + (tie.directed ? " → " : " — ") + actors[tie.to].name
      : tie.type + arrow + other.name);
    hiddenNote(item, tie.visible);
    el(item, "div", "start: " + (tie.dated ? dateText(tie, "start") : "not given") +
      (tie.end ? "; end: " + tie.end : ""));
    if (tie.start_source) citations(item, tie.start_source, "start from");
    if (tie.weight !== 1) el(item, "div", "weight " + tie.weight, "muted");
    citations(item, tie.source, "tie");
    if (tie.note) el(item, "div", "note: " + tie.note, "muted");
  }

  function showActor(actor) {
    select({actor: actor});
    clear(details);
    el(details, "h2", actor.name);
    var facts = el(details, "div");
    [["id", actor.id], ["French", actor.name_fr], ["Arabic", actor.name_ar],
     ["level", levelName(actor.level)], ["country", actor.country || "none"],
     ["type", actor.type], ["degree", formatMeasure(actor.degree)],
     ["betweenness", actor.betweenness === null ? "n/a" : formatMeasure(actor.betweenness)]]
      .forEach(function (pair) { if (pair[1]) el(facts, "div", pair[0] + ": " + pair[1]); });
    hiddenNote(details, actor.visible);
    citations(details, actor.source, "actor");
    el(details, "h3", "Events (" + actor.participations.length + ")");
    var list = el(details, "ul");
    actor.participations.forEach(function (p) { describeEvent(list, events[p[0]], p[1], p[2]); });
    el(details, "h3", "Ties (" + actor.tieIndexes.length + ")");
    list = el(details, "ul");
    actor.tieIndexes.forEach(function (t) { describeTie(list, ties[t], actor.index); });
  }

  function showLink(link) {
    select({link: link});
    clear(details);
    el(details, "h2", link.source.name + " — " + link.target.name);
    el(details, "div", "weight in the cooperation graph: " + formatMeasure(link.weight) +
      (link.visible ? "" : " (hidden by the current filter)"), "muted");
    el(details, "h3", "Shared events (" + link.events.length + ")");
    var list = el(details, "ul");
    link.events.forEach(function (e) {
      var event = events[e];
      describeEvent(list, event);
      var item = list.lastChild;
      event.participants.forEach(function (p) {
        if (p[0] === link.source.index || p[0] === link.target.index)
          citations(item, p[2], actors[p[0]].name + " attended (" + roleName(p[1]) + ")");
      });
    });
    el(details, "h3", "Ties (" + link.ties.length + ")");
    list = el(details, "ul");
    link.ties.forEach(function (t) { describeTie(list, ties[t]); });
  }

  function showEvent(event) {
    select({});
    clear(details);
    el(details, "h2", event.title);
    var list = el(details, "ul");
    describeEvent(list, event);
    el(details, "h3", "Participants (" + event.participants.length + ")");
    list = el(details, "ul");
    event.participants.forEach(function (p) {
      var item = el(list, "li");
      el(item, "strong", actors[p[0]].name);
      el(item, "span", " (" + roleName(p[1]) + ")", "muted");
      citations(item, p[2], "attendance");
    });
  }

  /* ---- tooltip ---- */

  var tooltip = document.getElementById("tooltip");
  function showTooltip(lines) {
    clear(tooltip);
    lines.forEach(function (line, i) { el(tooltip, i ? "div" : "strong", line); });
    tooltip.hidden = false;
    moveTooltip();
  }
  function moveTooltip() {
    var e = d3.event;
    if (!e) return;
    tooltip.style.left = Math.min(e.clientX + 14, window.innerWidth - 330) + "px";
    tooltip.style.top = (e.clientY + 12) + "px";
  }
  function hideTooltip() { tooltip.hidden = true; }
  function actorTooltip(a) {
    var lines = [a.name, levelName(a.level) + " · " + (a.country || "no country") +
                 (a.type ? " · " + a.type : ""),
                 "degree " + formatMeasure(a.degree) + " · betweenness " +
                 (a.betweenness === null ? "n/a" : formatMeasure(a.betweenness))];
    if (placed === "map" && a.map.approximate)
      lines.push(a.listed ? "no location given, and no place for its country on this map: listed apart"
        : "no location given: placed at its country's centre, moved clear of the located actors");
    showTooltip(lines);
  }

  /* ---- the network and the map: coopnet's own layouts, zoom and pan ---- */

  /* Where each actor is drawn in the network view (the figure's layout) and on the map (the
   * geo layout's); place() moves every element to one of them. */
  actors.forEach(function (a) {
    a.network = {x: a.x, y: a.y, r: a.r, label: a.label};
    if (a.map) a.map.label = a.map_label;
    /* on the map: placed near its country's centre (approximate), or listed beside the map */
    var box = data.projection && data.projection.box;
    a.listed = Boolean(a.map && a.map.approximate && box &&
                       (a.map.x < box[0] || a.map.x > box[0] + box[2] || a.map.y < box[1] || a.map.y > box[1] + box[3]));
  });

  var svg = d3.select("#network").attr("preserveAspectRatio", "xMidYMid meet");
  var zoomLayer = svg.append("g");
  var zoom = d3.behavior.zoom().scaleExtent([0.5, 40]).on("zoom", function () {
    zoomLayer.attr("transform", "translate(" + d3.event.translate + ")scale(" + d3.event.scale + ")");
    scheduleCanvas();
  });
  svg.call(zoom).on("dblclick.zoom", null);

  var basemapLayer = zoomLayer.append("g").attr("class", "basemap").style("display", "none");
  var graticuleLayer = zoomLayer.append("g").attr("class", "graticule");
  var mapNote = document.getElementById("map-note");

  /* The land under the map, as the geo figure draws it: water, the countries whose box meets the
   * map (those of the data's actors darker), thin borders, clipped to the map's box. coopnet
   * wrote each country as an SVG path in tenths of a point of the figure's canvas, simplified to
   * 0.3 pt. Without the map data: no land, and a note that says why. Built once. */
  var basemapBuilt = false;
  function buildBasemap() {
    basemapBuilt = true;
    var b = data.basemap, p = data.projection;
    if (!b || !p) return;
    var box = p.box;
    if (!b.countries.length) {
      mapNote.textContent = "No land or borders on this map: " + (b.problem || "the map data has no country here") +
        ". Install Debian's gmt-dcw, or set COOPNET_MAP_DATA to a copy of dcw-gmt.nc, and run coopnet explore again.";
      return;
    }
    svg.append("defs").append("clipPath").attr("id", "map-clip").append("rect")
      .attr("x", box[0]).attr("y", box[1]).attr("width", box[2]).attr("height", box[3]);
    basemapLayer.attr("clip-path", "url(#map-clip)");
    basemapLayer.append("rect").attr("class", "sea").attr("fill", b.colors.sea)
      .attr("x", box[0]).attr("y", box[1]).attr("width", box[2]).attr("height", box[3]);
    basemapLayer.append("g").attr("transform", "scale(" + b.scale + ")")
      .selectAll("path").data(b.countries).enter().append("path")
      .attr("class", function (c) { return c.named ? "country named" : "country"; })
      .attr("data-country", function (c) { return c.id; })
      .attr("d", function (c) { return c.d; })
      .attr("fill", function (c) { return c.named ? b.colors.named : b.colors.land; })
      .attr("stroke", b.colors.border);
    graticuleLayer.classed("over-land", true);
  }
  /* Whether a link is drawn: shown by the filters, and, on the map, not to an actor listed
   * apart (no place on the map: the geo figure does not draw its links either). */
  function drawn(l) {
    return l.visible && !(placed === "map" && (l.source.listed || l.target.listed));
  }
  var maxWeight = d3.max(links, function (l) { return l.weight; }) || 1;
  function linkWidth(weight) { return 0.3 + 2.7 * Math.sqrt(weight / maxWeight); }

  /* Above this many links they are drawn on a canvas under the SVG (grouped by width), which
   * a browser repaints quickly, instead of one SVG element each; a click or hover then finds the
   * nearest link. */
  var CANVAS_LINKS = 4000;
  var onCanvas = links.length > CANVAS_LINKS;
  var canvas = document.getElementById("network-links");
  var hovered = null;
  var linkSelection = zoomLayer.append("g").selectAll("line").data(onCanvas ? [] : links).enter().append("line")
    .attr("class", "link")
    .attr("data-from", function (l) { return l.source.id; }).attr("data-to", function (l) { return l.target.id; })
    .on("mouseover", linkTooltip)
    .on("mousemove", moveTooltip).on("mouseout", hideTooltip)
    .on("click", function (l) { showLink(l); });

  /* ---- links on the canvas ---- */

  var canvasPending = false;
  function scheduleCanvas() {
    if (!onCanvas || canvasPending) return;
    canvasPending = true;
    window.requestAnimationFrame(function () { canvasPending = false; drawCanvas(); });
  }
  function drawCanvas() {
    if (!onCanvas) return;
    var ratio = window.devicePixelRatio || 1, width = canvas.clientWidth, height = canvas.clientHeight;
    if (canvas.width !== Math.round(width * ratio) || canvas.height !== Math.round(height * ratio)) {
      canvas.width = Math.round(width * ratio);
      canvas.height = Math.round(height * ratio);
    }
    var context = canvas.getContext("2d");
    context.setTransform(1, 0, 0, 1, 0, 0);
    context.clearRect(0, 0, canvas.width, canvas.height);
    var m = zoomLayer.node().getCTM();
    if (!m) return;
    context.setTransform(ratio * m.a, ratio * m.b, ratio * m.c, ratio * m.d, ratio * m.e, ratio * m.f);
    var batches = Object.create(null);
    links.forEach(function (l) {
      if (!drawn(l)) return;
      var key = (Math.round(linkWidth(l.visibleWeight) * 4) / 4) + (l.source.match && l.target.match ? "" : "d");
      (batches[key] = batches[key] || []).push(l);
    });
    /* one stroke per line: Chromium rasterises 100 000 short paths in a fraction of the time it
     * takes for one path of 100 000 segments (bench/explore.py: 3.6 s against 9 s) */
    Object.keys(batches).forEach(function (key) {
      context.lineWidth = parseFloat(key);
      context.strokeStyle = key.slice(-1) === "d" ? "rgba(138,138,138,0.05)" : "rgba(138,138,138,0.35)";
      batches[key].forEach(function (l) {
        context.beginPath();
        context.moveTo(l.source.x, l.source.y);
        context.lineTo(l.target.x, l.target.y);
        context.stroke();
      });
    });
    [selection.link, hovered].forEach(function (l) {
      if (!l || !drawn(l)) return;
      context.beginPath();
      context.moveTo(l.source.x, l.source.y);
      context.lineTo(l.target.x, l.target.y);
      context.lineWidth = linkWidth(l.visibleWeight);
      context.strokeStyle = "rgba(34,34,34,0.9)";
      context.stroke();
    });
    if (!document.body.hasAttribute("data-links-drawn-ms")) /* for bench/explore.py */
      document.body.setAttribute("data-links-drawn-ms", String(Math.round(performance.now())));
  }
  /* The visible link nearest the mouse, within 4 screen pixels, or null. O(links). */
  function linkAtMouse() {
    var point = d3.mouse(zoomLayer.node()), m = zoomLayer.node().getCTM();
    var tolerance = 4 / Math.sqrt(Math.abs(m.a * m.d - m.b * m.c)), best = null, bestDistance = tolerance;
    links.forEach(function (l) {
      if (!drawn(l)) return;
      var x0 = l.source.x, y0 = l.source.y, dx = l.target.x - x0, dy = l.target.y - y0;
      var t = ((point[0] - x0) * dx + (point[1] - y0) * dy) / (dx * dx + dy * dy || 1);
      t = Math.max(0, Math.min(1, t));
      var ex = x0 + t * dx - point[0], ey = y0 + t * dy - point[1], distance = Math.sqrt(ex * ex + ey * ey);
      if (distance < bestDistance) { best = l; bestDistance = distance; }
    });
    return best;
  }
  if (onCanvas) {
    svg.on("mousemove.links", function () {
      if (d3.event.target !== svg.node()) return;
      var l = linkAtMouse();
      if (l !== hovered) { hovered = l; scheduleCanvas(); }
      if (l) linkTooltip(l); else hideTooltip();
    }).on("click.links", function () {
      if (d3.event.defaultPrevented || d3.event.target !== svg.node()) return;
      var l = linkAtMouse();
      if (l) showLink(l);
    });
    window.addEventListener("resize", scheduleCanvas);
  }
  function linkTooltip(l) {
    showTooltip([l.source.name + " — " + l.target.name,
                 countVisible(l.events, events) + " shared events, " +
                 countVisible(l.ties, ties) + " ties (click for the sources)"]);
  }
  function countVisible(indexes, items) {
    return indexes.filter(function (i) { return items[i].visible; }).length;
  }

  var nodeSelection = zoomLayer.append("g").selectAll("circle").data(actors).enter()
    .append("circle")
    .attr("class", "node")
    .attr("data-id", function (a) { return a.id; })
    .attr("fill", function (a) { return a.color; })
    .on("mouseover", actorTooltip).on("mousemove", moveTooltip).on("mouseout", hideTooltip)
    .on("click", function (a) { showActor(a); });

  /* Directed ties: an arrowhead at the rim of the node they point to, as in the figures. */
  var arrowSelection = zoomLayer.append("g").selectAll("path")
    .data(ties.filter(function (t) { return t.directed; })).enter().append("path")
    .attr("class", "arrow").attr("fill", "#555");
  function arrowPath(t) {
    var from = actors[t.from], to = actors[t.to];
    var dx = to.x - from.x, dy = to.y - from.y, length = Math.sqrt(dx * dx + dy * dy) || 1;
    var ux = dx / length, uy = dy / length, tipX = to.x - ux * (to.r + 0.8), tipY = to.y - uy * (to.r + 0.8);
    var size = 4.2, half = 1.8;
    return "M" + tipX + "," + tipY + "L" + (tipX - ux * size - uy * half) + "," + (tipY - uy * size + ux * half) +
      "L" + (tipX - ux * size + uy * half) + "," + (tipY - uy * size - ux * half) + "Z";
  }

  var labelLayer = zoomLayer.append("g"), labelSelection = labelLayer.selectAll("text");

  /* A label in the lines the figure wrapped it in: words filled up to the width of its box. */
  function wrapLabel(a) {
    var text = d3.select(this), lineHeight = 10.2; /* pango's line: 1.36 em */
    var lines = Math.max(1, Math.round(a.label.h / lineHeight));
    if (lines === 1) { text.text(a.label.text); return; }
    var words = a.label.text.split(/\s+/), line = [], count = 1, full = false;
    var tspan = text.append("tspan").attr("x", a.label.x);
    words.forEach(function (word) {
      if (full) return;
      line.push(word);
      tspan.text(line.join(" "));
      if (line.length > 1 && tspan.node().getComputedTextLength() > a.label.w + 1) {
        line.pop();
        if (count === lines) { /* pango ellipsized the rest */
          tspan.text(line.join(" ") + " …");
          full = true;
          return;
        }
        tspan.text(line.join(" "));
        line = [word];
        count++;
        tspan = text.append("tspan").attr("x", a.label.x).attr("dy", lineHeight).text(word);
      }
    });
  }

  /* The map's graticule over the map's box, as the geo figure draws it: a line every 1, 2, 5, 10
   * or 20 degrees, whichever gives a handful over the map. */
  function drawGraticule() {
    var p = data.projection;
    if (!p) return;
    var lon0 = p.extent[0], lon1 = p.extent[1], lat0 = p.extent[2], lat1 = p.extent[3];
    var span = Math.max(lon1 - lon0, lat1 - lat0);
    var step = span > 60 ? 20 : span > 30 ? 10 : span > 12 ? 5 : span > 5 ? 2 : 1;
    function x(lon) { return p.lon[0] * lon + p.lon[1]; }
    function y(lat) { return p.lat[0] * lat + p.lat[1]; }
    function name(value, positive, negative) { return Math.abs(value) + "°" + (value > 0 ? positive : value < 0 ? negative : ""); }
    for (var lon = Math.ceil(lon0 / step) * step; lon <= lon1; lon += step) {
      graticuleLayer.append("line").attr("x1", x(lon)).attr("x2", x(lon)).attr("y1", y(lat0)).attr("y2", y(lat1));
      graticuleLayer.append("text").attr("class", "degrees").attr("text-anchor", "middle")
        .attr("x", x(lon)).attr("y", y(lat0) + 7).text(name(lon, "E", "W"));
    }
    for (var lat = Math.ceil(lat0 / step) * step; lat <= lat1; lat += step) {
      graticuleLayer.append("line").attr("x1", x(lon0)).attr("x2", x(lon1)).attr("y1", y(lat)).attr("y2", y(lat));
      graticuleLayer.append("text").attr("class", "degrees").attr("text-anchor", "end")
        .attr("x", x(lon0) - 2).attr("y", y(lat) + 2).text(name(lat, "N", "S"));
    }
    var column = actors.filter(function (a) { return a.listed; });
    if (column.length) {
      var left = d3.min(column, function (a) { return a.map.x - a.map.r; });
      var top = d3.min(column, function (a) { return a.map.y - a.map.r; });
      graticuleLayer.append("text").attr("class", "heading").attr("x", left).attr("y", top - 12)
        .text("No location on the map (" + column.length + ")");
      graticuleLayer.append("text").attr("class", "subheading").attr("x", left).attr("y", top - 5)
        .text("their links are not drawn here (see the network)");
    }
  }

  /* Moves every element to the network's or the map's positions and fits the view to them. */
  function place(kind) {
    actors.forEach(function (a) {
      var where = kind === "map" && a.map ? a.map : a.network;
      a.x = where.x; a.y = where.y; a.r = where.r; a.label = where.label;
    });
    placed = kind;
    nodeSelection.classed("approximate", function (a) { return kind === "map" && a.map && a.map.approximate; });
    nodeSelection.attr("cx", function (a) { return a.x; }).attr("cy", function (a) { return a.y; })
      .attr("r", function (a) { return a.r; });
    linkSelection.attr("x1", function (l) { return l.source.x; }).attr("y1", function (l) { return l.source.y; })
      .attr("x2", function (l) { return l.target.x; }).attr("y2", function (l) { return l.target.y; });
    arrowSelection.attr("d", arrowPath);
    labelLayer.selectAll("*").remove();
    labelSelection = labelLayer.selectAll("text")
      .data(actors.filter(function (a) { return a.label; })).enter().append("text")
      .attr("class", "label")
      .attr("x", function (a) { return a.label.x; })
      .attr("y", function (a) { return a.label.y + 8.0; }) /* Noto Sans 7.5 pt: ascent 8 pt */
      .each(wrapLabel);
    graticuleLayer.selectAll("*").remove();
    if (kind === "map" && !basemapBuilt) buildBasemap();
    basemapLayer.style("display", kind === "map" ? null : "none");
    mapNote.hidden = kind !== "map" || !mapNote.textContent;
    if (kind === "map") drawGraticule();
    /* the figure's canvas cropped to what is drawn (the page has its own title and legend) */
    var box = {x0: Infinity, y0: Infinity, x1: -Infinity, y1: -Infinity};
    function extend(x0, y0, x1, y1) {
      box.x0 = Math.min(box.x0, x0); box.y0 = Math.min(box.y0, y0);
      box.x1 = Math.max(box.x1, x1); box.y1 = Math.max(box.y1, y1);
    }
    actors.forEach(function (a) {
      extend(a.x - a.r, a.y - a.r, a.x + a.r, a.y + a.r);
      if (a.label) extend(a.label.x, a.label.y, a.label.x + a.label.w, a.label.y + a.label.h);
    });
    if (!actors.length) extend(0, 0, data.canvas[0], data.canvas[1]);
    /* the map as a whole, with its degree labels, as the figure shows it */
    if (kind === "map" && data.projection) {
      var mapBox = data.projection.box;
      extend(mapBox[0] - 24, mapBox[1], mapBox[0] + mapBox[2], mapBox[1] + mapBox[3] + 10);
    }
    /* 60 pt more on the right: the browser's text may run a little wider than pango's */
    svg.attr("viewBox", [box.x0 - 20, box.y0 - 20, box.x1 - box.x0 + 100, box.y1 - box.y0 + 40].join(" "));
    zoom.translate([0, 0]).scale(1);
    zoomLayer.attr("transform", null);
    scheduleCanvas();
  }
  var placed = null;

  var selection = {};
  function select(what) {
    selection = what;
    nodeSelection.classed("selected", function (a) { return a === what.actor; });
    linkSelection.classed("selected", function (l) { return l === what.link; });
    scheduleCanvas();
  }

  function updateNetwork() {
    linkSelection.style("display", function (l) { return drawn(l) ? null : "none"; })
      .attr("stroke-width", function (l) { return linkWidth(l.visibleWeight); })
      .classed("dim", function (l) { return !(l.source.match && l.target.match); });
    nodeSelection.style("display", function (a) { return a.visible ? null : "none"; })
      .classed("dim", function (a) { return !a.match; });
    arrowSelection.style("display", function (t) {
      return t.visible && !(placed === "map" && (actors[t.from].listed || actors[t.to].listed)) ? null : "none";
    });
    labelSelection.style("display", function (a) { return a.visible ? null : "none"; })
      .classed("dim", function (a) { return !a.match; });
    scheduleCanvas();
  }

  /* ---- the timeline: who came to what, when ---- */

  function updateTimeline() {
    var timeline = d3.select("#timeline");
    timeline.selectAll("*").remove();
    var rows = actors.filter(function (a) {
      return a.visible && a.match && a.participations.some(function (p) { return events[p[0]].visible; });
    });
    rows.forEach(function (a) {
      a.firstDay = d3.min(a.participations, function (p) { return events[p[0]].d0; });
    });
    rows.sort(function (a, b) { return a.firstDay - b.firstDay || compareText(a.name, b.name); });
    var rowHeight = 14, left = 210, top = 30, width = Math.max(700, timeline.node().parentNode.clientWidth - 20);
    timeline.attr("width", width).attr("height", top + rows.length * rowHeight + 20);
    if (!rows.length) {
      timeline.append("text").attr("x", 20).attr("y", 30).text("No dated participation under the current filter.");
      return;
    }
    var x = d3.time.scale().domain([new Date(data.window[0] * DAY_MS), new Date((data.window[1] + 1) * DAY_MS)])
      .range([left, width - 20]);
    timeline.append("g").attr("class", "axis").attr("transform", "translate(0," + (top - 6) + ")")
      .call(d3.svg.axis().scale(x).orient("top").ticks(8));
    if (state.asOf !== null) {
      var asOfX = x(new Date((state.asOf + 1) * DAY_MS));
      timeline.append("line").attr("x1", asOfX).attr("x2", asOfX).attr("y1", top - 6)
        .attr("y2", top + rows.length * rowHeight).attr("stroke", "#222").attr("stroke-dasharray", "4,3");
      timeline.append("text").attr("x", asOfX + 3).attr("y", top + 8).text("as of " + dayText(state.asOf));
    }
    var row = timeline.selectAll("g.row").data(rows).enter().append("g").attr("class", "row")
      .attr("transform", function (a, i) { return "translate(0," + (top + i * rowHeight) + ")"; });
    row.append("line").attr("x1", left).attr("x2", width - 20).attr("y1", rowHeight / 2)
      .attr("y2", rowHeight / 2).attr("stroke", "#eee");
    row.append("text").attr("x", left - 6).attr("y", rowHeight - 3).attr("text-anchor", "end")
      .text(function (a) { return a.name.length > 34 ? a.name.slice(0, 33) + "…" : a.name; })
      .on("click", showActor).style("cursor", "pointer");
    row.selectAll(".mark").data(function (a) {
      return a.participations.filter(function (p) { return events[p[0]].visible; })
        .map(function (p) { return {actor: a, event: events[p[0]], role: p[1]}; });
    }).enter().append(function (m) {
      var exact = m.event.dated && m.event.exact && !m.event.end;
      return document.createElementNS("http://www.w3.org/2000/svg", exact ? "circle" : "rect");
    }).attr("class", "mark").each(function (m) {
      var mark = d3.select(this), x0 = x(new Date(m.event.d0 * DAY_MS));
      if (this.tagName === "circle") {
        mark.attr("cx", x0).attr("cy", rowHeight / 2).attr("r", 4).attr("fill", m.actor.color);
      } else { /* a bounded date: a bar over its bounds; undated: the whole window, hatched grey */
        var x1 = x(new Date((m.event.d1 + 1) * DAY_MS));
        mark.attr("x", x0).attr("y", 3).attr("height", rowHeight - 6)
          .attr("width", Math.max(2, x1 - x0))
          .attr("fill", m.event.dated ? m.actor.color : "#c8c8c8")
          .attr("fill-opacity", m.event.dated ? 0.45 : 0.35)
          .attr("stroke", m.event.dated ? m.actor.color : "#999")
          .attr("stroke-dasharray", m.event.dated ? null : "3,2");
      }
    }).on("mouseover", function (m) {
      showTooltip([m.event.title, dateText(m.event, "date", m.event.end), m.actor.name + " (" + roleName(m.role) + ")"]);
    }).on("mousemove", moveTooltip).on("mouseout", hideTooltip)
      .on("click", function (m) { showEvent(m.event); });
  }

  /* ---- tables, sortable, and their CSV ---- */

  function formatNumber(v) { return v === null || v === undefined ? "" : formatMeasure(v); }
  var tables = {
    actors: {
      columns: [["name", "name"], ["id", "id"], ["level", function (a) { return levelName(a.level); }],
                ["country", "country"], ["type", "type"], ["degree", "degree", true],
                ["betweenness", "betweenness", true],
                ["events", function (a) { return a.participations.length; }, true],
                ["ties", function (a) { return a.tieIndexes.length; }, true],
                ["name_fr", "name_fr"], ["name_ar", "name_ar"], ["source", "source"]],
      shown: 9,
      rows: function () { return actors.filter(function (a) { return a.visible && a.match; }); },
      click: showActor, sort: ["degree", -1]
    },
    events: {
      columns: [["title", "title"], ["id", "id"], ["date", "date"], ["end", "end"],
                ["type", "type"], ["place", "place"], ["country", "country"],
                ["participants", function (e) {
                  return e.participants.filter(function (p) { return actors[p[0]].visible; }).length;
                }, true], ["source", "source"], ["date_source", "date_source"]],
      shown: 8,
      rows: function () { return events.filter(function (e) { return e.visible; }); },
      click: showEvent, sort: ["date", 1]
    },
    ties: {
      columns: [["from", function (t) { return actors[t.from].name; }],
                ["to", function (t) { return actors[t.to].name; }], ["type", "type"],
                ["start", "start"], ["end", "end"], ["directed", "directed"],
                ["weight", "weight", true], ["source", "source"], ["note", "note"],
                ["start_source", "start_source"]],
      shown: 7,
      rows: function () { return ties.filter(function (t) { return t.visible; }); },
      click: function (t) { clear(details); el(details, "h2", "Tie"); describeTie(el(details, "ul"), t); },
      sort: ["type", 1]
    }
  };
  function cell(column, item) {
    var v = typeof column[1] === "function" ? column[1](item) : item[column[1]];
    return v === undefined || v === null ? "" : v;
  }
  function sortedRows(table) {
    var column = table.columns.filter(function (c) { return c[0] === table.sort[0]; })[0];
    var numeric = column[2], direction = table.sort[1];
    return table.rows().sort(function (a, b) {
      var x = cell(column, a), y = cell(column, b);
      var order = numeric ? (x === "" ? -Infinity : x) - (y === "" ? -Infinity : y) : compareText(x, y);
      return direction * order;
    });
  }
  function updateTable(name) {
    var table = tables[name], node = document.getElementById("table-" + name);
    clear(node);
    var head = el(el(node, "thead"), "tr");
    table.columns.slice(0, table.shown).forEach(function (column) {
      var th = el(head, "th", column[0]);
      if (column[0] === table.sort[0]) th.className = table.sort[1] > 0 ? "sorted-up" : "sorted-down";
      th.addEventListener("click", function () {
        table.sort = [column[0], column[0] === table.sort[0] ? -table.sort[1] : (column[2] ? -1 : 1)];
        updateTable(name);
      });
    });
    var body = el(node, "tbody");
    sortedRows(table).forEach(function (item) {
      var tr = el(body, "tr", null, "clickable");
      table.columns.slice(0, table.shown).forEach(function (column) {
        var v = cell(column, item);
        el(tr, "td", column[2] && v !== "" ? formatNumber(v) : v, column[2] ? "number" : null);
      });
      tr.addEventListener("click", function () { table.click(item); });
    });
  }

  /* CSV as coopnet writes it: RFC 4180, and a cell a spreadsheet would run as a formula
   * (=, +, -, @, tab, carriage return, and not a number) starts with an apostrophe. */
  function csvCell(v) {
    var text = String(v);
    if (/^[=+\-@\t\r]/.test(text) && !/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text)) text = "'" + text;
    return /[",\r\n]/.test(text) ? "\"" + text.replace(/"/g, "\"\"") + "\"" : text;
  }
  function csvOf(name) {
    var table = tables[name];
    var lines = [table.columns.map(function (c) { return c[0]; }).join(",")];
    sortedRows(table).forEach(function (item) {
      lines.push(table.columns.map(function (c) { return csvCell(cell(c, item)); }).join(","));
    });
    return lines.join("\r\n") + "\r\n";
  }
  ["actors", "events", "ties"].forEach(function (name) {
    var link = document.getElementById("download-" + name);
    link.setAttribute("download", data.bundle + "-" + name + ".csv");
    link.addEventListener("click", function () {
      link.href = "data:text/csv;charset=utf-8," + encodeURIComponent(csvOf(name));
    });
  });

  /* ---- the filter controls ---- */

  function option(selectNode, value, text) {
    var node = el(selectNode, "option", text);
    node.value = value;
    return node;
  }
  function checkbox(parent, text, checked, onChange, swatch) {
    var label = el(parent, "label");
    var input = el(label, "input");
    input.type = "checkbox";
    input.checked = checked;
    input.addEventListener("change", function () { onChange(input.checked); update(); });
    if (swatch) el(label, "span", null, "swatch").style.background = swatch;
    label.appendChild(document.createTextNode(" " + text));
    return input;
  }

  var levelBoxes = data.levels.map(function (level, i) {
    var count = actors.filter(function (a) { return a.level === i; }).length;
    return checkbox(document.getElementById("level-filter"), level.name + " (" + count + ")", true,
                    function (on) { state.levels[i] = on; }, level.color);
  });
  var countrySelect = document.getElementById("country-filter");
  option(countrySelect, "", "all countries");
  countries.forEach(function (c) { option(countrySelect, c, c); });
  countrySelect.addEventListener("change", function () { state.country = countrySelect.value; update(); });
  var layerBox = document.getElementById("layer-filter");
  if (data.layer !== 2)
    checkbox(layerBox, "co-attendance (shared events)", state.coattendance, function (on) { state.coattendance = on; });
  tieTypes.forEach(function (type) {
    checkbox(layerBox, "tie: " + type, state.tieTypes[type], function (on) { state.tieTypes[type] = on; });
  });
  var withoutSelect = document.getElementById("without-filter");
  option(withoutSelect, "-1", "nobody (the whole network)");
  byName.forEach(function (a) { option(withoutSelect, String(a.index), a.name); });
  withoutSelect.addEventListener("change", function () { state.without = Number(withoutSelect.value); update(); });
  var asOfInput = document.getElementById("asof"), asOfText = document.getElementById("asof-text");
  var readingSelect = document.getElementById("asof-reading");
  asOfInput.min = data.window[0];
  asOfInput.max = data.window[1];
  asOfInput.step = 1;
  asOfInput.value = data.window[1];
  function setAsOf(day) {
    state.asOf = day === null || day >= data.window[1] ? null : day;
    asOfInput.value = state.asOf === null ? data.window[1] : state.asOf;
    asOfText.textContent = state.asOf === null ? "every date" : dayText(state.asOf);
  }
  asOfInput.addEventListener("input", function () { setAsOf(Number(asOfInput.value)); update(); });
  readingSelect.addEventListener("change", function () { state.reading = readingSelect.value; update(); });
  var search = document.getElementById("search");
  search.addEventListener("input", function () { state.query = search.value; update(); });

  var legend = document.getElementById("legend");
  data.levels.forEach(function (level) {
    var row = el(legend, "div");
    el(row, "span", null, "swatch").style.background = level.color;
    row.appendChild(document.createTextNode(level.name));
  });
  el(legend, "div", "node size: degree (" + data.measures.degree + "), as in coopnet render", "muted");
  el(legend, "div", "link width: shared events plus tie weights under the filter", "muted");
  if (data.map)
    el(legend, "div", "map: a dashed ring marks an actor without coordinates, placed near its country's " +
       "centre; the countries of the actors are shaded darker", "muted");
  el(legend, "div", "timeline: a dot for a known day, a bar over the bounds of a month, year or " +
     "interval, a dashed grey bar for an undated event", "muted");

  document.getElementById("title").textContent = data.title || ("Cooperation network: " + data.bundle);
  document.title = (data.title || data.bundle) + " - coopnet explorer";
  document.getElementById("caption").textContent = data.caption + " · coopnet " + data.version;

  d3.selectAll("#views button").on("click", function () { showView(this.getAttribute("data-view")); });
  function showView(view) {
    state.view = view;
    var positions = view === "map" ? "map" : "network";
    if (placed !== positions) place(positions);
    d3.selectAll("#views button").classed("active", function () { return this.getAttribute("data-view") === view; });
    ["network", "timeline", "tables"].forEach(function (v) {
      document.getElementById("view-" + v).hidden = v !== (view === "map" ? "network" : view);
    });
    update();
  }

  function update() {
    var started = performance.now();
    computeVisibility();
    updateNetwork();
    if (state.view === "timeline") updateTimeline();
    if (state.view === "tables") ["actors", "events", "ties"].forEach(updateTable);
    var shownActors = actors.filter(function (a) { return a.visible; }).length;
    document.getElementById("counts").textContent = shownActors + " of " + actors.length + " actors, " +
      links.filter(function (l) { return l.visible; }).length + " of " + links.length + " links, " +
      events.filter(function (e) { return e.visible; }).length + " of " + events.length + " events, " +
      ties.filter(function (t) { return t.visible; }).length + " of " + ties.length + " ties shown";
    var note = document.getElementById("without-note");
    if (state.without >= 0) {
      var dropped = events.filter(function (e) { return e.dropped; });
      note.textContent = actors[state.without].name + " left with the " + dropped.length +
        " event(s) it hosted, organised or facilitated" +
        (dropped.length ? ": " + dropped.map(function (e) { return e.title; }).join("; ") : "");
    } else {
      note.textContent = "";
    }
    /* how long the last filter took, for bench/explore.py */
    document.body.setAttribute("data-update-ms", String(Math.round(performance.now() - started)));
  }

  /* ---- a view named in the address: #view=tables&level=local,national&country=MA&without=ID
   * &q=TEXT&actor=ID&link=ID,ID (links to share, and what the browser tests open) ---- */

  function actorById(id) {
    for (var i = 0; i < actors.length; i++) if (actors[i].id === id) return actors[i];
    return null;
  }
  var params = Object.create(null);
  location.hash.replace(/^#/, "").split("&").forEach(function (part) {
    var equals = part.indexOf("=");
    if (equals > 0) params[decodeURIComponent(part.slice(0, equals))] = decodeURIComponent(part.slice(equals + 1));
  });
  if (params.level) {
    var wanted = params.level.split(",");
    data.levels.forEach(function (level, i) {
      state.levels[i] = levelBoxes[i].checked = wanted.indexOf(level.name) >= 0;
    });
  }
  if (params.country) { state.country = params.country; countrySelect.value = params.country; }
  if (params.without && actorById(params.without)) {
    state.without = actorById(params.without).index;
    withoutSelect.value = String(state.without);
  }
  if (params.q) { state.query = search.value = params.q; }
  if (params["as-of-mode"] === "possible") { state.reading = readingSelect.value = "possible"; }
  if (params["as-of"]) { /* YYYY, YYYY-MM or YYYY-MM-DD: its last day, as --as-of reads it */
    var parts = params["as-of"].split("-").map(Number);
    var last = parts.length === 1 ? Date.UTC(parts[0], 11, 31)
      : parts.length === 2 ? Date.UTC(parts[0], parts[1], 0) : Date.UTC(parts[0], parts[1] - 1, parts[2]);
    if (!isNaN(last)) setAsOf(Math.round(last / DAY_MS));
  }
  if (!data.map) document.querySelector('#views button[data-view="map"]').hidden = true;
  showView(["timeline", "tables"].indexOf(params.view) >= 0 || (params.view === "map" && data.map)
    ? params.view : "network");
  if (params.actor && actorById(params.actor)) showActor(actorById(params.actor));
  if (params.link) {
    var ends = params.link.split(",").map(actorById);
    links.forEach(function (l) {
      if ((l.source === ends[0] && l.target === ends[1]) || (l.source === ends[1] && l.target === ends[0])) showLink(l);
    });
  }
  /* milliseconds from the start of loading to here, for bench/explore.py */
  document.body.setAttribute("data-ready-ms", String(Math.round(performance.now())));
  document.body.setAttribute("data-ready", "true");
})();
