// The network page of `cthbgraph export --format html`: a seeded force layout drawn in SVG, search,
// filters and an evidence panel. Plain JavaScript with no dependencies, so the page opens from disk.
(function () {
  "use strict";
  var DATA = JSON.parse(document.getElementById("data").textContent);
  var SVG_NS = "http://www.w3.org/2000/svg";
  // Drawing order: later types are drawn on top, so provisions are never hidden under activities.
  var TYPE_ORDER = ["Activity", "Report", "Body", "ActionPlan", "Declaration", "Decision", "Provision"];
  var TYPE_NAMES = { Provision: "Provisions", Body: "Bodies", Decision: "Decisions", Declaration: "Declarations",
    ActionPlan: "Action Plan", Activity: "Activities", Report: "Reports" };
  var OFF_BY_DEFAULT = { Report: true }; // a report cites a hundred bodies: its links hide the rest
  var nodes = DATA.nodes, edges = DATA.edges;
  var byId = new Map();
  nodes.forEach(function (n, i) { n.index = i; byId.set(n.id, n); });
  edges.forEach(function (e, i) { e.index = i; e.s = byId.get(e.source); e.t = byId.get(e.target); });
  var adjacent = nodes.map(function () { return []; });
  edges.forEach(function (e) { adjacent[e.s.index].push(e); adjacent[e.t.index].push(e); });

  var $ = function (id) { return document.getElementById(id); };
  var svg = $("graph"), viewport = $("viewport");
  var view = { k: 1, x: 0, y: 0 };
  var visible = nodes.map(function () { return true; });
  var selected = null;

  function colour(n) { return DATA.colours[n.type] || "#777"; }
  function radius(n) {
    if (n.type === "Activity") return 3;
    if (n.type === "Provision") return 7 + Math.min(6, Math.sqrt(n.activities || 0) * 1.5);
    if (n.type === "Body") return 4 + Math.min(12, Math.sqrt((n.activities || 0) + (n.degree || 0) / 4) * 1.6);
    return 6;
  }
  function el(name, attrs, parent) {
    var node = document.createElementNS(SVG_NS, name);
    for (var key in attrs) node.setAttribute(key, attrs[key]);
    if (parent) parent.appendChild(node);
    return node;
  }
  function html(tag, text, cls) {
    var node = document.createElement(tag);
    if (text !== undefined) node.textContent = text;
    if (cls) node.className = cls;
    return node;
  }

  // ---------------------------------------------------------------------------------- layout
  function mulberry32(a) {
    return function () {
      a |= 0; a = (a + 0x6D2B79F5) | 0;
      var t = Math.imul(a ^ (a >>> 15), 1 | a);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }

  function layout() {
    // The forces of d3-force (many-body charge, link springs, centring), with a fixed seed and a
    // fixed number of steps: the same data always gives the same picture.
    var n = nodes.length, random = mulberry32(20031127);
    var x = new Float64Array(n), y = new Float64Array(n), vx = new Float64Array(n), vy = new Float64Array(n);
    var degree = new Float64Array(n);
    edges.forEach(function (e) { degree[e.s.index]++; degree[e.t.index]++; });
    for (var i = 0; i < n; i++) { // phyllotaxis start, as d3 does
      var r = 10 * Math.sqrt(0.5 + i), a = i * Math.PI * (3 - Math.sqrt(5));
      x[i] = r * Math.cos(a); y[i] = r * Math.sin(a);
    }
    var steps = n > 1500 ? 120 : 300, alpha = 1, decay = 1 - Math.pow(0.001, 1 / steps);
    for (var step = 0; step < steps; step++) {
      alpha += (0 - alpha) * decay;
      edges.forEach(function (e) {
        var s = e.s.index, t = e.t.index;
        var dx = x[t] + vx[t] - x[s] - vx[s] || (random() - 0.5) * 1e-6;
        var dy = y[t] + vy[t] - y[s] - vy[s] || (random() - 0.5) * 1e-6;
        var d = Math.sqrt(dx * dx + dy * dy);
        var length = e.type === "cites" ? 90 : (e.type === "carriedOutBy" ? 25 : 40);
        var strength = (e.type === "cites" ? 0.15 : 1) / Math.min(degree[s], degree[t]);
        var l = (d - length) / d * alpha * strength, bias = degree[s] / (degree[s] + degree[t]);
        dx *= l; dy *= l;
        vx[t] -= dx * bias; vy[t] -= dy * bias; vx[s] += dx * (1 - bias); vy[s] += dy * (1 - bias);
      });
      for (var p = 0; p < n; p++) {
        for (var q = p + 1; q < n; q++) {
          var ddx = x[q] - x[p], ddy = y[q] - y[p], d2 = ddx * ddx + ddy * ddy;
          if (d2 > 160000) continue;
          if (d2 < 1) { ddx = random() - 0.5; ddy = random() - 0.5; d2 = 1; }
          var f = -30 * alpha / d2;
          vx[p] += ddx * f; vy[p] += ddy * f; vx[q] -= ddx * f; vy[q] -= ddy * f;
        }
        vx[p] -= x[p] * 0.03 * alpha; vy[p] -= y[p] * 0.03 * alpha;
      }
      for (var m = 0; m < n; m++) { vx[m] *= 0.6; vy[m] *= 0.6; x[m] += vx[m]; y[m] += vy[m]; }
    }
    nodes.forEach(function (node, k) { node.x = x[k]; node.y = y[k]; });
  }

  // ---------------------------------------------------------------------------------- drawing
  var edgeGroup = $("edges"), nodeGroup = $("nodes"), labelGroup = $("labels");
  function draw() {
    edges.forEach(function (e) {
      var g = el("g", { "data-edge": e.index, "data-type": e.type, "data-source": e.source, "data-target": e.target }, edgeGroup);
      el("line", { "class": "edge " + e.type, x1: e.s.x, y1: e.s.y, x2: e.t.x, y2: e.t.y }, g);
      el("line", { "class": "hit", x1: e.s.x, y1: e.s.y, x2: e.t.x, y2: e.t.y }, g);
      el("title", {}, g).textContent = e.s.label + " " + (DATA.edgeTypes[e.type] || e.type) + " " + e.t.label;
      g.addEventListener("click", function (ev) { ev.stopPropagation(); selectEdge(e); });
      e.g = g;
    });
    nodes.slice().sort(function (a, b) { return TYPE_ORDER.indexOf(a.type) - TYPE_ORDER.indexOf(b.type); })
      .forEach(function (n) {
        var c = el("circle", { "class": "node" + (n.focus ? " focus" : ""), cx: n.x, cy: n.y, r: radius(n),
          fill: colour(n), "data-id": n.id, "data-type": n.type }, nodeGroup);
        if (n.notation) c.setAttribute("data-notation", n.notation);
        el("title", {}, c).textContent = n.label;
        c.addEventListener("click", function (ev) { ev.stopPropagation(); selectNode(n); });
        n.circle = c;
        var t = el("text", { "class": "label", x: n.x, y: n.y }, labelGroup);
        t.textContent = n.type === "Body" ? shortName(n) : (n.notation || n.label);
        n.labelEl = t;
      });
  }
  function shortName(n) {
    var acronym = (n.altLabels || "").split("; ").filter(function (a) { return /^[A-Z][A-Z&\/-]{1,9}$/.test(a); })[0];
    var name = acronym || n.label;
    return name.length > 32 ? name.slice(0, 31) + "…" : name;
  }
  function applyView() {
    viewport.setAttribute("transform", "translate(" + view.x + "," + view.y + ") scale(" + view.k + ")");
    var k = view.k;
    nodes.forEach(function (n) {
      var r = radius(n) / Math.sqrt(k);
      n.circle.setAttribute("r", r);
      n.labelEl.setAttribute("x", n.x + r + 2 / k);
      n.labelEl.setAttribute("y", n.y + 3.5 / k);
    });
    labelGroup.style.fontSize = (11 / k) + "px";
    labelGroup.style.strokeWidth = (3 / k) + "px";
  }
  function fit() {
    var xs = [], ys = [];
    nodes.forEach(function (n) { if (visible[n.index]) { xs.push(n.x); ys.push(n.y); } });
    if (!xs.length) return;
    var minX = Math.min.apply(null, xs), maxX = Math.max.apply(null, xs);
    var minY = Math.min.apply(null, ys), maxY = Math.max.apply(null, ys);
    var w = svg.clientWidth || 800, h = svg.clientHeight || 600, pad = 40, right = 170; // room for labels
    var k = Math.min((w - 2 * pad - right) / Math.max(maxX - minX, 1), (h - 2 * pad) / Math.max(maxY - minY, 1), 4);
    view.k = k; view.x = (w - right) / 2 - k * (minX + maxX) / 2; view.y = h / 2 - k * (minY + maxY) / 2;
    applyView();
  }

  // ---------------------------------------------------------------------------------- filters
  var typeOn = {};
  function setupFilters() {
    var counts = {};
    nodes.forEach(function (n) { counts[n.type] = (counts[n.type] || 0) + 1; });
    var types = $("types");
    TYPE_ORDER.slice().reverse().forEach(function (type) {
      if (!counts[type]) return;
      typeOn[type] = !OFF_BY_DEFAULT[type];
      var label = html("label"), box = html("input");
      box.type = "checkbox"; box.checked = typeOn[type]; box.value = type; box.name = "type";
      box.addEventListener("change", function () { typeOn[type] = box.checked; update(true); });
      var swatch = html("span", undefined, "swatch"); swatch.style.background = DATA.colours[type] || "#777";
      label.appendChild(box); label.appendChild(swatch);
      label.appendChild(document.createTextNode((TYPE_NAMES[type] || type) + " (" + counts[type] + ")"));
      types.appendChild(label);
    });
    var chapters = new Set(), years = new Set();
    nodes.forEach(function (n) {
      if (n.type === "Provision") n.chapters.forEach(function (c) { chapters.add(c); });
      n.years.forEach(function (y) { years.add(y); });
    });
    Array.from(chapters).sort().forEach(function (c) { addOption("chapter", c, "Chapter " + c); });
    nodes.filter(function (n) { return n.type === "Body" && n.degree > 0; })
      .sort(function (a, b) { return a.label.localeCompare(b.label); })
      .forEach(function (n) { addOption("body", n.id, n.label); });
    Array.from(years).sort().forEach(function (y) { addOption("year", String(y), String(y)); });
    ["chapter", "body", "year"].forEach(function (id) { $(id).addEventListener("change", function () { update(true); }); });
    var timer = null;
    $("search").addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(function () { update(true); }, 120); });
    $("reset").addEventListener("click", function () {
      $("search").value = ""; $("chapter").value = ""; $("body").value = ""; $("year").value = "";
      Array.prototype.forEach.call(types.querySelectorAll("input"), function (box) { box.checked = !OFF_BY_DEFAULT[box.value]; typeOn[box.value] = box.checked; });
      update(true);
    });
  }
  function addOption(id, value, text) { var o = html("option", text); o.value = value; $(id).appendChild(o); }

  function matches(n, q) {
    return [n.label, n.notation, n.altLabels, n.place].some(function (s) { return s && s.toLowerCase().indexOf(q) >= 0; });
  }
  function neighbours(set, fromTypes) {
    var out = new Set(set);
    set.forEach(function (i) {
      if (fromTypes && fromTypes.indexOf(nodes[i].type) < 0) return;
      adjacent[i].forEach(function (e) {
        var other = e.s.index === i ? e.t : e.s;
        if (typeOn[other.type]) out.add(other.index);
      });
    });
    return out;
  }

  function update(refit) {
    var chapter = $("chapter").value, body = $("body").value, year = $("year").value;
    var q = $("search").value.trim().toLowerCase();
    var core = new Set();
    nodes.forEach(function (n) {
      if (!typeOn[n.type]) return;
      if (chapter && n.chapters.indexOf(chapter) < 0) return;
      if (body && n.bodies.indexOf(body) < 0) return;
      if (year && n.years.indexOf(+year) < 0) return;
      core.add(n.index);
    });
    // With a filter on, show the facts kept together with the bodies and documents they link to.
    // Only facts pull in their neighbours: a body kept for chapter V must not bring its chapter III.
    var shown = (chapter || body || year) ? neighbours(core, ["Activity", "Provision", "Decision", "Declaration"]) : core;
    var found = [];
    if (q) {
      var hits = new Set();
      shown.forEach(function (i) { if (matches(nodes[i], q)) hits.add(i); });
      found = Array.from(hits).map(function (i) { return nodes[i]; });
      var around = neighbours(hits);
      shown = new Set(Array.from(around).filter(function (i) { return shown.has(i) || hits.has(i); }));
    }
    nodes.forEach(function (n) {
      visible[n.index] = shown.has(n.index);
      n.circle.classList.toggle("hidden", !visible[n.index]);
      n.circle.classList.toggle("match", q !== "" && found.indexOf(n) >= 0);
    });
    var count = shown.size;
    nodes.forEach(function (n) {
      var wanted = n.type !== "Activity" ? (count <= 80 || n.type !== "Body" || n.activities >= 3 || n.degree >= 8) : count <= 25;
      n.labelEl.classList.toggle("hidden", !(visible[n.index] && wanted));
    });
    var edgeCount = 0;
    edges.forEach(function (e) {
      var on = visible[e.s.index] && visible[e.t.index];
      e.g.classList.toggle("hidden", !on);
      if (on) edgeCount++;
    });
    $("stats").textContent = "Showing " + count + " of " + nodes.length + " nodes and " + edgeCount + " of " + edges.length + " links.";
    showResults(found, q);
    if (refit) fit();
  }

  function showResults(found, q) {
    var list = $("results");
    list.textContent = "";
    if (!q) return;
    if (!found.length) { list.appendChild(html("li", "No match for “" + q + "”.", "muted")); return; }
    found.sort(function (a, b) {
      return TYPE_ORDER.indexOf(b.type) - TYPE_ORDER.indexOf(a.type) || a.label.localeCompare(b.label);
    }).slice(0, 50).forEach(function (n) {
      var li = html("li");
      var swatch = html("span", undefined, "swatch"); swatch.style.background = colour(n);
      li.appendChild(swatch);
      li.appendChild(document.createTextNode((n.notation && n.type !== "Provision" ? n.notation + " — " : "") + n.label));
      li.setAttribute("data-id", n.id);
      li.addEventListener("click", function () { selectNode(n); });
      list.appendChild(li);
    });
  }

  // ---------------------------------------------------------------------------------- details
  function clearSelection() {
    var old = document.querySelectorAll(".selected");
    Array.prototype.forEach.call(old, function (x) { x.classList.remove("selected"); });
  }
  function evidenceBlock(panel, items) {
    if (!items.length) return;
    panel.appendChild(html("h3", items.length > 1 ? "Evidence (" + items.length + " excerpts)" : "Evidence"));
    items.forEach(function (ev) {
      var quote = html("blockquote", ev.text, "evidence");
      quote.appendChild(html("span", ev.source, "source"));
      panel.appendChild(quote);
    });
  }
  function link(text, onClick) { var a = html("a", text); a.addEventListener("click", onClick); return a; }

  function selectNode(n) {
    selected = n;
    clearSelection();
    n.circle.classList.add("selected");
    var panel = $("details");
    panel.textContent = "";
    panel.setAttribute("data-selected", n.id);
    var kind = n.kind && n.kind.toLowerCase() !== n.type.toLowerCase() ? " · " + n.kind : "";
    panel.appendChild(html("div", n.type + kind + (n.chapters.length && n.type !== "Body" ? " · chapter " + n.chapters.join(", ") : ""), "type"));
    panel.appendChild(html("h2", n.type === "Provision" ? "Provision " + n.label : n.label));
    if (n.text) panel.appendChild(html("p", n.text, "text"));
    var dl = html("dl");
    [["notation", n.type !== "Provision" && n.notation], ["also known as", n.altLabels], ["date", n.date],
     ["place", [n.place, n.country].filter(Boolean).join(", ")], ["report", n.report || n.reports],
     ["activities", n.activities], ["links", n.degree]].forEach(function (row) {
      if (!row[1]) return;
      dl.appendChild(html("dt", row[0])); dl.appendChild(html("dd", String(row[1])));
    });
    panel.appendChild(dl);
    evidenceBlock(panel, n.evidence || []);
    var links = adjacent[n.index];
    if (links.length) {
      panel.appendChild(html("h3", "Links (" + links.length + ")"));
      var ul = html("ul", undefined, "links");
      links.slice().sort(function (a, b) { return a.type.localeCompare(b.type); }).slice(0, 60).forEach(function (e) {
        var li = html("li"), out = e.s === n, other = out ? e.t : e.s;
        li.appendChild(document.createTextNode(out ? (DATA.edgeTypes[e.type] || e.type) + " " : "← " + (DATA.edgeTypes[e.type] || e.type) + " by "));
        li.appendChild(link(other.type === "Provision" ? other.label : (other.notation || other.label), function () { selectNode(other); }));
        if (e.evidence) { li.appendChild(document.createTextNode(" ")); li.appendChild(link("(evidence)", function () { selectEdge(e); })); }
        ul.appendChild(li);
      });
      panel.appendChild(ul);
    }
  }

  function selectEdge(e) {
    selected = e;
    clearSelection();
    e.g.querySelector(".edge").classList.add("selected");
    var panel = $("details");
    panel.textContent = "";
    panel.setAttribute("data-selected", e.source + " " + e.type + " " + e.target);
    panel.appendChild(html("div", "Link · " + e.type, "type"));
    var h = html("h2");
    h.appendChild(link(e.s.notation || e.s.label, function () { selectNode(e.s); }));
    h.appendChild(document.createTextNode(" " + (DATA.edgeTypes[e.type] || e.type) + " "));
    h.appendChild(link(e.t.notation || e.t.label, function () { selectNode(e.t); }));
    panel.appendChild(h);
    evidenceBlock(panel, e.evidence ? [{ text: e.evidence, source: e.evidenceSource }] : []);
  }

  // ---------------------------------------------------------------------------------- pan & zoom
  function setupPanZoom() {
    var drag = null;
    svg.addEventListener("mousedown", function (ev) { drag = { x: ev.clientX, y: ev.clientY, vx: view.x, vy: view.y, moved: false }; svg.classList.add("panning"); });
    window.addEventListener("mousemove", function (ev) {
      if (!drag) return;
      view.x = drag.vx + ev.clientX - drag.x; view.y = drag.vy + ev.clientY - drag.y;
      drag.moved = true;
      viewport.setAttribute("transform", "translate(" + view.x + "," + view.y + ") scale(" + view.k + ")");
    });
    window.addEventListener("mouseup", function () { drag = null; svg.classList.remove("panning"); });
    svg.addEventListener("wheel", function (ev) {
      ev.preventDefault();
      var rect = svg.getBoundingClientRect(), px = ev.clientX - rect.left, py = ev.clientY - rect.top;
      var factor = Math.exp(-ev.deltaY * 0.0015), k = Math.max(0.05, Math.min(20, view.k * factor));
      view.x = px - (px - view.x) * k / view.k; view.y = py - (py - view.y) * k / view.k; view.k = k;
      applyView();
    }, { passive: false });
  }

  function legend() {
    var box = $("legend");
    [["tasks", "tasks"], ["implements", "implements"], ["carriedOutBy", "carried out by"], ["inCooperationWith", "in co-operation with"], ["cites", "cites"]]
      .forEach(function (pair) {
        var row = html("div"), s = el("svg", { width: 28, height: 8 }, row);
        el("line", { "class": "edge " + pair[0], x1: 0, y1: 4, x2: 28, y2: 4, "stroke-width": 2 }, s);
        row.appendChild(document.createTextNode(" " + pair[1]));
        box.appendChild(row);
      });
  }

  layout();
  draw();
  setupFilters();
  setupPanZoom();
  legend();
  update(true);
  window.addEventListener("resize", fit);
  var focus = nodes.filter(function (n) { return n.focus; })[0];
  if (focus) selectNode(focus);
  document.body.setAttribute("data-ready", "true");
})();
