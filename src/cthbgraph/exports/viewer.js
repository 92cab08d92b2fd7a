// The network page of `cthbgraph export --format html`, drawn by Cytoscape.js with the fcose layout.
// A large network opens as clusters (chapters, kinds of body, report years) that open on demand;
// labels keep a constant size on screen and are placed greedily so that none overlaps another;
// every node is reachable from the keyboard through the search box and the list below it.
(function () {
  "use strict";
  var DATA = JSON.parse(document.getElementById("data").textContent);
  var TYPE_ORDER = ["Provision", "Decision", "Declaration", "ActionPlan", "Body", "Activity", "Report"];
  var TYPE_NAMES = { Provision: "Provisions", Body: "Bodies", Decision: "Decisions", Declaration: "Declarations",
    ActionPlan: "Action Plan", Activity: "Activities", Report: "Reports" };
  var OFF_BY_DEFAULT = { Report: true }; // a report cites a hundred bodies: its links hide the rest
  var PRIORITY = { cluster: 0, Provision: 1, ActionPlan: 2, Decision: 2, Declaration: 2, Body: 3, Report: 4, Activity: 5 };
  var FONT = "Helvetica, Arial, sans-serif", LABEL_PX = 12;
  var nodes = DATA.nodes, edges = DATA.edges, byId = new Map(), members = {};
  nodes.forEach(function (n, i) { n.index = i; byId.set(n.id, n); (members[n.cluster] = members[n.cluster] || []).push(n); });
  edges.forEach(function (e, i) { e.index = i; e.id = "e" + i; e.s = byId.get(e.source); e.t = byId.get(e.target); });
  var adjacent = nodes.map(function () { return []; });
  edges.forEach(function (e) { adjacent[e.s.index].push(e); adjacent[e.t.index].push(e); });
  var $ = function (id) { return document.getElementById(id); };
  var expanded = new Set(), typeOn = {}, drawn = [], aggregated = {}, active = -1, jitter = mulberry32(7);

  function colour(type) { return DATA.colours[type] || "#777777"; }
  function el(tag, text, cls) {
    var node = document.createElement(tag);
    if (text !== undefined) node.textContent = text;
    if (cls) node.className = cls;
    return node;
  }
  function shortName(n) {
    if (n.type === "Provision" || n.type === "Decision") return n.notation || n.label;
    var acronym = n.type === "Body" && (n.altLabels || "").split("; ").filter(function (a) { return /^[A-Z][A-Z&\/-]{1,9}$/.test(a); })[0];
    var name = acronym || n.label;
    return name.length > 28 ? name.slice(0, 27) + "…" : name;
  }
  function size(n) {
    if (n.type === "Activity") return 8;
    if (n.type === "Provision") return 16 + Math.min(14, Math.sqrt(n.activities || 0) * 3);
    if (n.type === "Body") return 10 + Math.min(24, Math.sqrt((n.activities || 0) + (n.degree || 0) / 4) * 3.2);
    return 14;
  }
  function mulberry32(a) {
    return function () {
      a |= 0; a = (a + 0x6D2B79F5) | 0;
      var t = Math.imul(a ^ (a >>> 15), 1 | a);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }

  var cy = cytoscape({
    container: $("graph"), minZoom: 0.05, maxZoom: 8, boxSelectionEnabled: false,
    style: [
      { selector: "node", style: { width: "data(size)", height: "data(size)", "background-color": "data(colour)",
        "border-width": 1, "border-color": "#ffffff", "font-family": FONT, color: "#1a1a1a", "text-valign": "bottom",
        "text-halign": "center", "text-outline-color": "#ffffff", "min-zoomed-font-size": 0 } },
      { selector: "node.lab", style: { label: "data(short)" } },
      { selector: "node.cluster", style: { shape: "round-rectangle", "border-width": 2, "border-color": "#333333", "background-opacity": 0.85 } },
      { selector: "node.focus", style: { "border-width": 3, "border-color": "#000000" } },
      { selector: "node.match", style: { "border-width": 3, "border-color": "#b58900" } },
      { selector: "node.picked", style: { "border-width": 4, "border-color": "#000000", "overlay-opacity": 0.12 } },
      { selector: "edge", style: { width: 1, "line-color": "#9a9a9a", opacity: 0.6, "curve-style": "straight" } },
      { selector: "edge.tasks", style: { "line-color": "#D55E00", opacity: 0.9, "target-arrow-shape": "triangle", "target-arrow-color": "#D55E00", "arrow-scale": 0.7 } },
      { selector: "edge.implements", style: { "line-color": "#009E73", "target-arrow-shape": "triangle", "target-arrow-color": "#009E73", "arrow-scale": 0.7 } },
      // Inferred from content, not stated by a report: the colour of implements, dashed, fainter.
      { selector: "edge.mayImplement", style: { "line-color": "#009E73", "line-style": "dashed", opacity: 0.5, "target-arrow-shape": "triangle", "target-arrow-color": "#009E73", "arrow-scale": 0.6 } },
      { selector: "edge.cites", style: { "line-color": "#bbbbbb", opacity: 0.4, "line-style": "dashed" } },
      { selector: "edge.inCooperationWith", style: { "line-style": "dashed" } },
      { selector: "edge.bundle", style: { width: "data(width)", opacity: 0.45 } },
      { selector: "edge.picked", style: { "line-color": "#000000", "target-arrow-color": "#000000", opacity: 1, width: 3 } }
    ]
  });

  // ------------------------------------------------------------------------------ what is drawn
  function filters() {
    return { chapter: $("chapter").value, body: $("body").value, year: $("year").value, q: $("search").value.trim().toLowerCase() };
  }
  function matches(n, q) {
    return [n.label, n.notation, n.altLabels, n.place].some(function (s) { return s && s.toLowerCase().indexOf(q) >= 0; });
  }
  function grow(set, fromTypes) {
    var out = new Set(set);
    set.forEach(function (i) {
      if (fromTypes && fromTypes.indexOf(nodes[i].type) < 0) return;
      adjacent[i].forEach(function (e) { var o = e.s.index === i ? e.t : e.s; if (typeOn[o.type]) out.add(o.index); });
    });
    return out;
  }
  function shownNodes(f) {
    var core = new Set();
    nodes.forEach(function (n) {
      if (!typeOn[n.type] || (f.chapter && n.chapters.indexOf(f.chapter) < 0)) return;
      if ((f.body && n.bodies.indexOf(f.body) < 0) || (f.year && n.years.indexOf(+f.year) < 0)) return;
      core.add(n.index);
    });
    // A filter keeps the facts that pass it with the bodies and documents they link to; only facts
    // pull in neighbours, so a body kept for chapter V does not bring its chapter III.
    var shown = (f.chapter || f.body || f.year) ? grow(core, ["Activity", "Provision", "Decision", "Declaration"]) : core;
    // An activity kept for chapter V, where it may implement a provision, may also implement one of
    // chapter IV: the chapter filter still shows the provisions of its chapter only.
    if (f.chapter) shown = new Set(Array.from(shown).filter(function (i) { return nodes[i].type !== "Provision" || nodes[i].chapters.indexOf(f.chapter) >= 0; }));
    var hits = new Set();
    if (f.q) {
      shown.forEach(function (i) { if (matches(nodes[i], f.q)) hits.add(i); });
      shown = new Set(Array.from(grow(hits)).filter(function (i) { return shown.has(i) || hits.has(i); }));
    }
    return { shown: shown, hits: hits };
  }
  // Nodes of a closed cluster are drawn as their cluster, and their links as one bundle per pair.
  function elements(f, shown) {
    var clustered = DATA.clustered && !(f.chapter || f.body || f.year || f.q), out = [], counts = {};
    var rep = function (n) { return clustered && !expanded.has(n.cluster) ? "c:" + n.cluster : n.id; };
    shown.forEach(function (i) {
      var n = nodes[i], id = rep(n);
      if (id !== n.id) { counts[id] = (counts[id] || 0) + 1; return; }
      out.push({ group: "nodes", data: { id: n.id, short: shortName(n), size: size(n), colour: colour(n.type), notation: n.notation || "", type: n.type }, classes: n.focus ? "focus" : "" });
    });
    Object.keys(counts).forEach(function (id) {
      var first = members[id.slice(2)].filter(function (m) { return shown.has(m.index); })[0];
      out.push({ group: "nodes", data: { id: id, short: DATA.clusters[id.slice(2)] + " (" + counts[id] + ")", count: counts[id],
        size: 26 + Math.min(40, Math.sqrt(counts[id]) * 4), colour: colour(first.type), type: "cluster" }, classes: "cluster" });
    });
    aggregated = {};
    edges.forEach(function (e) {
      if (!shown.has(e.s.index) || !shown.has(e.t.index)) return;
      var s = rep(e.s), t = rep(e.t);
      if (s === e.s.id && t === e.t.id) { out.push({ group: "edges", data: { id: e.id, source: s, target: t, basis: e.basis || "", score: e.score }, classes: e.type }); return; }
      if (s === t) return;
      var key = "b:" + s + "|" + t, b = aggregated[key] = aggregated[key] || { id: key, source: s, target: t, types: {}, n: 0 };
      b.types[e.type] = (b.types[e.type] || 0) + 1; b.n++;
    });
    Object.keys(aggregated).forEach(function (key) {
      var b = aggregated[key], main = Object.keys(b.types).sort(function (x, y) { return b.types[y] - b.types[x]; })[0];
      out.push({ group: "edges", data: { id: key, source: b.source, target: b.target, width: Math.min(8, 1 + Math.log2(b.n)) }, classes: "bundle " + main });
    });
    return out;
  }

  function update(relayout) {
    var f = filters(), sel = shownNodes(f), wanted = elements(f, sel.shown), ids = new Set();
    var before = {};
    cy.nodes().forEach(function (n) { before[n.id()] = n.position(); });
    wanted.forEach(function (item) { ids.add(item.data.id); });
    cy.batch(function () {
      cy.elements().filter(function (x) { return !ids.has(x.id()); }).remove();
      var fresh = wanted.filter(function (item) { return cy.getElementById(item.data.id).empty(); });
      fresh.forEach(function (item) {
        var n = byId.get(item.data.id), from = n && before["c:" + n.cluster];
        if (from) item.position = { x: from.x + (jitter() - 0.5) * 40, y: from.y + (jitter() - 0.5) * 40 };
      });
      cy.add(fresh);
      cy.nodes().removeClass("match");
      sel.hits.forEach(function (i) { cy.getElementById(nodes[i].id).addClass("match"); });
    });
    drawn = cy.nodes().map(function (n) { return n.id(); });
    var known = cy.nodes().filter(function (n) { return before[n.id()] || n.data("type") !== "cluster" && before["c:" + byId.get(n.id()).cluster]; });
    var preset = DATA.clusterPositions, opening = cy.nodes().every(function (n) { return preset[n.id().slice(2)] && n.hasClass("cluster"); });
    if (opening && !known.length) placeClusters(preset);
    else if (relayout !== false) layout(known.length < cy.nodes().length / 2);
    var closed = cy.nodes(".cluster").length;
    $("stats").textContent = "Showing " + sel.shown.size + " of " + nodes.length + " nodes" +
      (closed ? ", " + (sel.shown.size - cy.nodes().not(".cluster").length) + " of them in " + closed + " closed clusters." : ".");
    fillList(f.q ? Array.from(sel.hits).map(function (i) { return nodes[i].id; }) : drawn, f.q);
  }

  // The layout libraries wait in the page as text until the first layout needs them.
  function loadLayout() {
    if (window.cytoscapeFcose) return;
    var script = document.createElement("script");
    script.text = $("vendor-layout").textContent;
    document.head.appendChild(script);
    cytoscape.use(cytoscapeFcose);
  }

  function layout(randomize) {
    loadLayout();
    var saved = Math.random;
    Math.random = mulberry32(20031127); // fcose samples at random: a fixed seed gives the same picture
    try {
      cy.layout({ name: "fcose", quality: "default", randomize: randomize, animate: false, fit: true, padding: 24,
        nodeDimensionsIncludeLabels: false, packComponents: true, nodeSeparation: 60, numIter: Math.min(1500, 200 + 4 * cy.nodes().length),
        idealEdgeLength: function (e) { return e.hasClass("bundle") ? 140 : e.hasClass("cites") ? 110 : 55; },
        nodeRepulsion: function (n) { return n.hasClass("cluster") ? 60000 : 5000; },
        edgeElasticity: function (e) { return e.hasClass("cites") ? 0.1 : 0.45; } }).run();
    } finally { Math.random = saved; }
    if (randomize) turnToFit();
    placeLabels();
  }

  // The opening picture of clusters, laid out when the page was written.
  function placeClusters(preset) {
    cy.nodes().positions(function (n) { var p = preset[n.id().slice(2)]; return { x: p[0], y: p[1] }; });
    cy.fit(undefined, 24);
    turnToFit();
    placeLabels();
  }

  // A picture wider than tall on a phone held upright (or the reverse) is turned a quarter.
  function turnToFit() {
    var bb = cy.nodes().boundingBox();
    if ((bb.w > bb.h) === (cy.width() > cy.height()) || Math.abs(bb.w - bb.h) < 0.2 * Math.max(bb.w, bb.h)) return;
    cy.nodes().positions(function (n) { var p = n.position(); return { x: -p.y, y: p.x }; });
    cy.fit(undefined, 24);
  }

  // ------------------------------------------------------------------------------ labels
  var measure = document.createElement("canvas").getContext("2d");
  function placeLabels() {
    var zoom = cy.zoom(), ext = cy.extent(), placed = [], shown = new Set();
    measure.font = LABEL_PX + "px " + FONT;
    // Labels keep off other labels and off every node larger than an activity's dot.
    var obstacles = cy.nodes().filter(function (n) { return n.data("type") !== "Activity"; }).map(function (n) {
      var p = n.position(), r = n.data("size") / 2 * zoom;
      return { id: n.id(), x1: p.x * zoom - r, x2: p.x * zoom + r, y1: p.y * zoom - r, y2: p.y * zoom + r };
    });
    var overlaps = function (box, o) { return box.x1 < o.x2 && o.x1 < box.x2 && box.y1 < o.y2 && o.y1 < box.y2; };
    var candidates = cy.nodes().sort(function (a, b) {
      return PRIORITY[a.data("type")] - PRIORITY[b.data("type")] || b.data("size") - a.data("size") || (a.id() < b.id() ? -1 : 1);
    });
    candidates.forEach(function (node) {
      // The text, its outline and margin, as Cytoscape will draw it below the node (screen pixels).
      var p = node.position(), r = node.data("size") / 2 * zoom, w = measure.measureText(node.data("short")).width + 10;
      var box = { x1: p.x * zoom - w / 2, x2: p.x * zoom + w / 2, y1: p.y * zoom + r, y2: p.y * zoom + r + LABEL_PX * 1.45 + 6 };
      if (p.x < ext.x1 || p.x > ext.x2 || p.y < ext.y1 || p.y > ext.y2) return;
      if (placed.some(function (o) { return overlaps(box, o); })) return;
      if (obstacles.some(function (o) { return o.id !== node.id() && overlaps(box, o); })) return;
      placed.push(box); shown.add(node.id());
    });
    cy.batch(function () {
      cy.nodes().forEach(function (node) {
        if (shown.has(node.id())) node.addClass("lab").style({ "font-size": LABEL_PX / zoom, "text-outline-width": 2 / zoom, "text-margin-y": 2 / zoom });
        else node.removeClass("lab");
      });
    });
  }
  var labelTimer = null;
  cy.on("viewport", function () { clearTimeout(labelTimer); labelTimer = setTimeout(placeLabels, 80); });
  cy.on("resize", function () { cy.fit(undefined, 24); placeLabels(); });

  // ------------------------------------------------------------------------------ the list
  function listText(id) {
    if (id.slice(0, 2) === "c:") return cy.getElementById(id).data("short") + " — cluster, Enter opens it";
    var n = byId.get(id);
    return (n.notation && n.type !== "Provision" ? n.notation + " — " : "") + (n.type === "Provision" ? "Provision " : "") + n.label;
  }
  function fillList(ids, q) {
    var list = $("results");
    list.textContent = ""; active = -1; list.removeAttribute("aria-activedescendant");
    if (q && !ids.length) { list.appendChild(el("li", "No match for “" + q + "”.", "muted")); return; }
    ids.slice().sort(function (a, b) {
      var na = byId.get(a), nb = byId.get(b), pa = na ? PRIORITY[na.type] : 0, pb = nb ? PRIORITY[nb.type] : 0;
      return pa - pb || listText(a).localeCompare(listText(b));
    }).slice(0, 300).forEach(function (id, i) {
      var li = el("li"), n = byId.get(id), swatch = el("span", undefined, "swatch");
      swatch.style.background = n ? colour(n.type) : cy.getElementById(id).data("colour");
      li.appendChild(swatch); li.appendChild(document.createTextNode(listText(id)));
      li.id = "opt-" + i; li.setAttribute("role", "option"); li.setAttribute("aria-selected", "false"); li.setAttribute("data-id", id);
      li.addEventListener("click", function () { moveTo(i); open(id); });
      list.appendChild(li);
    });
  }
  function moveTo(i) {
    var items = $("results").querySelectorAll("li[role=option]");
    if (!items.length) return;
    i = Math.max(0, Math.min(items.length - 1, i));
    if (items[active]) { items[active].classList.remove("active"); items[active].setAttribute("aria-selected", "false"); }
    active = i; items[i].classList.add("active"); items[i].setAttribute("aria-selected", "true");
    items[i].scrollIntoView({ block: "nearest" });
    $("results").setAttribute("aria-activedescendant", items[i].id);
    pick(items[i].getAttribute("data-id"));
  }
  $("results").addEventListener("keydown", function (ev) {
    var items = $("results").querySelectorAll("li[role=option]"), keys = { ArrowDown: active + 1, ArrowUp: active - 1, Home: 0, End: items.length - 1 };
    if (ev.key in keys) { ev.preventDefault(); moveTo(keys[ev.key]); }
    else if (ev.key === "Enter" && items[active]) { ev.preventDefault(); open(items[active].getAttribute("data-id")); }
  });
  $("results").addEventListener("focus", function () { if (active < 0) moveTo(0); });
  $("search").addEventListener("keydown", function (ev) { if (ev.key === "ArrowDown") { ev.preventDefault(); $("results").focus(); } });

  // ------------------------------------------------------------------------------ selection
  function pick(id) {
    cy.elements(".picked").removeClass("picked");
    var ele = cy.getElementById(id);
    if (ele.empty() && byId.get(id)) { expanded.add(byId.get(id).cluster); update(); ele = cy.getElementById(id); }
    ele.addClass("picked");
    var p = ele.nonempty() && ele.isNode() ? ele.renderedPosition() : null;
    if (p && (p.x < 0 || p.y < 0 || p.x > cy.width() || p.y > cy.height())) cy.center(ele);
  }
  function open(id) {
    if (id.slice(0, 2) === "c:") { showCluster(id.slice(2)); expanded.add(id.slice(2)); update(); return; }
    pick(id); showNode(byId.get(id));
  }
  function panel(typeLine, title) {
    var box = $("details");
    box.textContent = "";
    box.appendChild(el("div", typeLine, "type"));
    box.appendChild(title.nodeType ? title : el("h2", title));
    return box;
  }
  function button(text, onClick) { var b = el("button", text, "link"); b.type = "button"; b.addEventListener("click", onClick); return b; }
  function evidenceBlock(box, refs) {
    if (!refs.length) return;
    box.appendChild(el("h3", refs.length > 1 ? "Evidence (" + refs.length + " excerpts)" : "Evidence"));
    refs.forEach(function (k) {
      var quote = el("blockquote", DATA.sentences[k][0], "evidence");
      quote.appendChild(el("span", DATA.sentences[k][1], "source"));
      box.appendChild(quote);
    });
  }
  function showCluster(cluster) {
    var box = panel("Cluster", DATA.clusters[cluster]), list = el("ul", undefined, "links");
    box.setAttribute("data-selected", "c:" + cluster);
    box.appendChild(el("p", members[cluster].length + " nodes. They are drawn one by one now; “Close all clusters” gathers them again."));
    members[cluster].slice(0, 60).forEach(function (m) {
      var li = el("li"); li.appendChild(button(shortName(m) === m.label ? m.label : shortName(m) + " — " + m.label, function () { open(m.id); })); list.appendChild(li);
    });
    box.appendChild(list);
  }
  function showNode(n) {
    var kind = n.kind && n.kind.toLowerCase() !== n.type.toLowerCase() ? " · " + n.kind : "";
    var box = panel(n.type + kind + (n.chapters.length && n.type !== "Body" ? " · chapter " + n.chapters.join(", ") : ""),
      n.type === "Provision" ? "Provision " + n.label : n.label);
    box.setAttribute("data-selected", n.id);
    if (n.text) box.appendChild(el("p", n.text, "text"));
    var dl = el("dl");
    [["notation", n.type !== "Provision" && n.notation], ["also known as", n.altLabels], ["date", n.date],
     ["place", [n.place, n.country].filter(Boolean).join(", ")], ["report", n.report || n.reports],
     ["activities", n.inferred ? n.activities + " (" + n.inferred + " inferred)" : n.activities], ["links", n.degree]].forEach(function (row) {
      if (row[1]) { dl.appendChild(el("dt", row[0])); dl.appendChild(el("dd", String(row[1]))); }
    });
    box.appendChild(dl);
    evidenceBlock(box, n.evidence);
    var links = adjacent[n.index];
    if (!links.length) return;
    box.appendChild(el("h3", "Links (" + links.length + ")"));
    var ul = el("ul", undefined, "links");
    links.slice().sort(function (a, b) { return a.type.localeCompare(b.type); }).slice(0, 60).forEach(function (e) {
      var li = el("li"), out = e.s === n, other = out ? e.t : e.s, name = DATA.edgeTypes[e.type] || e.type;
      li.appendChild(document.createTextNode(out ? name + " " : "← " + name + " by "));
      li.appendChild(button(other.type === "Provision" ? other.label : (other.notation || other.label), function () { open(other.id); }));
      if (e.basis) li.appendChild(document.createTextNode(" (" + basisText(e) + ")"));
      if (e.evidence !== undefined) { li.appendChild(document.createTextNode(" ")); li.appendChild(button("(evidence)", function () { showEdge(e); })); }
      ul.appendChild(li);
    });
    box.appendChild(ul);
  }
  // "stated (placed)" or "inferred, score 0.71": how a link of an activity to a provision was made.
  function basisText(e) {
    if (!e.basis) return "";
    return e.basis === "inferred" ? "inferred, score " + Number(e.score).toFixed(2) : "stated (" + e.basis + ")";
  }
  function edgeTitle(e) {
    var basis = basisText(e);
    return (e.s.notation || e.s.label) + " " + (DATA.edgeTypes[e.type] || e.type) + " " + (e.t.notation || e.t.label) + (basis ? " — " + basis : "");
  }
  function showEdge(e) {
    pick(e.id);
    var h = el("h2");
    h.appendChild(button(e.s.notation || e.s.label, function () { open(e.s.id); }));
    h.appendChild(document.createTextNode(" " + (DATA.edgeTypes[e.type] || e.type) + " "));
    h.appendChild(button(e.t.notation || e.t.label, function () { open(e.t.id); }));
    var box = panel("Link · " + e.type, h);
    box.setAttribute("data-selected", e.source + " " + e.type + " " + e.target);
    if (e.basis) {
      var dl = el("dl");
      dl.appendChild(el("dt", "basis")); dl.appendChild(el("dd", e.basis === "inferred" ? "inferred from content" : "stated by the report (" + e.basis + ")", "basis"));
      dl.appendChild(el("dt", "score")); dl.appendChild(el("dd", Number(e.score).toFixed(2), "score"));
      box.appendChild(dl);
    }
    evidenceBlock(box, e.evidence !== undefined ? [e.evidence] : []);
  }
  function showBundle(b) {
    var box = panel("Links between clusters", cy.getElementById(b.source).data("short") + " → " + cy.getElementById(b.target).data("short"));
    box.setAttribute("data-selected", b.id);
    var ul = el("ul", undefined, "links");
    Object.keys(b.types).forEach(function (t) { ul.appendChild(el("li", (DATA.edgeTypes[t] || t) + ": " + b.types[t])); });
    box.appendChild(ul);
  }
  cy.on("tap", "node", function (ev) { open(ev.target.id()); });
  // The canvas has no elements of its own to carry a title: the link under the mouse lends it its own.
  cy.on("mouseover", "edge", function (ev) {
    var id = ev.target.id();
    $("graph").title = aggregated[id] ? "" : edgeTitle(edges[+id.slice(1)]);
  });
  cy.on("mouseout", "edge", function () { $("graph").title = ""; });
  cy.on("tap", "edge", function (ev) {
    var id = ev.target.id();
    if (aggregated[id]) { pick(id); showBundle(aggregated[id]); } else showEdge(edges[+id.slice(1)]);
  });

  // ------------------------------------------------------------------------------ filters
  function addOption(id, value, text) { var o = el("option", text); o.value = value; $(id).appendChild(o); }
  function setupFilters() {
    var counts = {}, chapters = new Set(), years = new Set();
    nodes.forEach(function (n) { counts[n.type] = (counts[n.type] || 0) + 1; });
    TYPE_ORDER.forEach(function (type) {
      if (!counts[type]) return;
      typeOn[type] = !OFF_BY_DEFAULT[type];
      var label = el("label"), box = el("input"), swatch = el("span", undefined, "swatch");
      box.type = "checkbox"; box.checked = typeOn[type]; box.value = type; box.name = "type";
      box.addEventListener("change", function () { typeOn[type] = box.checked; update(); });
      swatch.style.background = colour(type);
      label.appendChild(box); label.appendChild(swatch);
      label.appendChild(document.createTextNode((TYPE_NAMES[type] || type) + " (" + counts[type] + ")"));
      $("types").appendChild(label);
    });
    nodes.forEach(function (n) {
      if (n.type === "Provision") n.chapters.forEach(function (c) { chapters.add(c); });
      n.years.forEach(function (y) { years.add(y); });
    });
    Array.from(chapters).sort().forEach(function (c) { addOption("chapter", c, "Chapter " + c); });
    nodes.filter(function (n) { return n.type === "Body" && n.degree > 0; })
      .sort(function (a, b) { return a.label.localeCompare(b.label); }).forEach(function (n) { addOption("body", n.id, n.label); });
    Array.from(years).sort().forEach(function (y) { addOption("year", String(y), String(y)); });
    ["chapter", "body", "year"].forEach(function (id) { $(id).addEventListener("change", function () { update(); }); });
    var timer = null;
    $("search").addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(update, 150); });
    $("reset").addEventListener("click", function () {
      $("search").value = ""; $("chapter").value = ""; $("body").value = ""; $("year").value = "";
      Array.prototype.forEach.call($("types").querySelectorAll("input"), function (b) { b.checked = !OFF_BY_DEFAULT[b.value]; typeOn[b.value] = b.checked; });
      update();
    });
    $("collapse").addEventListener("click", function () { expanded.clear(); update(); });
  }
  function legend() {
    [["tasks", "#D55E00", "solid"], ["implements (stated by the report)", "#009E73", "solid"],
     ["may implement (inferred; score on the link)", "#009E73", "dashed"], ["carried out by", "#9a9a9a", "solid"],
     ["in co-operation with", "#9a9a9a", "dashed"], ["cites", "#bbbbbb", "dashed"]].filter(function (row) {
      // A page exported with --basis stated has no inferred link to explain.
      return row[0].indexOf("may implement") < 0 || edges.some(function (e) { return e.type === "mayImplement"; });
    }).forEach(function (row) {
      var div = el("div"), line = el("span", undefined, "line");
      line.style.borderTopColor = row[1]; line.style.borderTopStyle = row[2];
      div.appendChild(line); div.appendChild(document.createTextNode(row[0])); $("legend").appendChild(div);
    });
  }

  setupFilters();
  legend();
  // The first drawing waits for the first paint: the controls are usable while the layout runs.
  setTimeout(function () {
    update();
    var focus = nodes.filter(function (n) { return n.focus; })[0];
    if (focus) open(focus.id);
    window.cthbView = { cy: cy, drawn: function () { return drawn.slice(); }, open: open, expanded: expanded };
    document.body.setAttribute("data-ready", "true");
  }, 0);
})();
