"""An interactive page of the network that opens from disk with no network access.

Everything is inline: the data as JSON, the stylesheet, and a small renderer written for this page
(``viewer.js``: SVG, a seeded force layout, search, filters by type, chapter, body and year, and a
panel that shows the evidence sentence of a clicked node or link). No library is fetched or
vendored, so the page works in an air-gapped archive and always looks the same.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import networkx as nx
from rdflib import URIRef

from .network import COLOURS, EDGE_TYPES, evidence_index, summary
from .registry import Rendered

_HERE = Path(__file__).parent
_MAX_EVIDENCE = 5  # per node: a body named 300 times needs a few examples, not all of them


def _evidence_of(net: nx.MultiDiGraph, graph) -> dict[str, list[dict]]:
    """Up to a few excerpts per node (the network's attributes keep only the first)."""
    everything = evidence_index(graph)
    return {
        node: [{"text": e.text, "source": e.source} for e in everything.get(URIRef(node), ())[:_MAX_EVIDENCE]]
        for node in net
    }


def page_data(net: nx.MultiDiGraph, source=None) -> dict:
    """The JSON the page reads: nodes with their filter keys, and links with their evidence."""
    nodes = net.nodes
    chapters: dict[str, set[str]] = {n: set() for n in net}
    years: dict[str, set[int]] = {n: set() for n in net}
    bodies: dict[str, set[str]] = {n: set() for n in net}
    for n, a in net.nodes(data=True):
        if a.get("chapter"):
            chapters[n].add(a["chapter"])
        if a.get("year"):
            years[n].add(a["year"])
        if a["type"] == "Body":
            bodies[n].add(n)
    for s, o, key in net.edges(keys=True):
        st, ot = nodes[s]["type"], nodes[o]["type"]
        if ot == "Body" and st in ("Activity", "Provision", "Decision"):
            bodies[s].add(o)
            chapters[o] |= chapters[s]
            years[o] |= years[s]
        if key == "implements":
            years[o] |= years[s]
        if key == "cites":
            years[o] |= years[s]
            if ot == "Body":
                bodies[s].add(o)
    evidence = _evidence_of(net, source.graph) if source is not None else {}
    out_nodes = []
    for n, a in net.nodes(data=True):
        item = {
            "id": n,
            "type": a["type"],
            "label": a["label"],
            "kind": a.get("kind", ""),
            "chapters": sorted(chapters[n]),
            "years": sorted(years[n]),
            "bodies": sorted(bodies[n]),
            "degree": a.get("degree", 0),
            "activities": a.get("activities", 0),
        }
        for key in ("notation", "text", "altLabels", "date", "place", "country", "report", "reports", "focus"):
            if a.get(key):
                item[key] = a[key]
        item["evidence"] = evidence.get(n) or (
            [{"text": a["evidence"], "source": a.get("evidence_source", "")}] if a.get("evidence") else []
        )
        out_nodes.append(item)
    out_edges = [
        {
            "source": s,
            "target": o,
            "type": key,
            "evidence": e.get("evidence", ""),
            "evidenceSource": e.get("evidence_source", ""),
        }
        for s, o, key, e in net.edges(keys=True, data=True)
    ]
    return {"nodes": out_nodes, "edges": out_edges, "colours": COLOURS, "edgeTypes": EDGE_TYPES}


def _script_json(data: dict) -> str:
    # Inside <script>, "</script>" or "<!--" in a sentence would end the element: escape "<".
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("<", "\\u003c")


def render_page(net: nx.MultiDiGraph, source=None, title: str = "cthbgraph — OSCE anti-trafficking commitments") -> str:
    template = (_HERE / "viewer.html").read_text(encoding="utf-8")
    parts = {
        "__TITLE__": html.escape(title),
        "/*__CSS__*/": (_HERE / "viewer.css").read_text(encoding="utf-8"),
        "/*__JS__*/": (_HERE / "viewer.js").read_text(encoding="utf-8"),
        "__DATA__": _script_json(page_data(net, source)),
    }
    # One pass, so that a placeholder inside the inserted script or data is left alone.
    pattern = re.compile("|".join(re.escape(p) for p in parts))
    return pattern.sub(lambda m: parts[m.group(0)], template)


def write(source) -> Rendered:
    net = source.selected
    title = "cthbgraph — " + (source.selection.describe() if source.selection else "OSCE anti-trafficking commitments")
    return Rendered((("", render_page(net, source, title).encode("utf-8")),), summary(net))
