"""An interactive page of the network that opens from disk with no network access.

Everything is inline: the data as JSON, the stylesheet, Cytoscape.js with the fcose force-directed
layout (vendored in ``vendor/``, versions and licences in ``vendor/README.md``) and ``viewer.js``,
which draws the whole graph as clusters (Action Plan chapters, bodies by kind, reports by year)
that open on demand, places labels so that they never overlap, and gives every node a keyboard
path (search and a list that moves the selection). Nothing is fetched, so the page works in an
air-gapped archive and always looks the same.
"""

from __future__ import annotations

import html
import json
import math
import re
from functools import lru_cache
from pathlib import Path

import networkx as nx
from rdflib import URIRef

from .network import COLOURS, EDGE_TYPES, evidence_index, summary
from .registry import Rendered

_HERE = Path(__file__).parent
_VENDOR = _HERE / "vendor"
_MAX_EVIDENCE = 5  # per node: a body named 300 times needs a few examples, not all of them
#: The vendored libraries in load order (each reads the globals of the ones before it).
VENDORED = (
    ("cytoscape", "3.35.0", "cytoscape.min.js"),
    ("layout-base", "2.0.1", "layout-base.js"),
    ("cose-base", "2.2.0", "cose-base.js"),
    ("cytoscape-fcose", "2.2.0", "cytoscape-fcose.js"),
)
#: Above this many nodes the page opens on clusters; a smaller network (a --focus) opens whole.
CLUSTER_ABOVE = 150

_BODY_KIND_NAMES = {
    "Institution": "Institutions",
    "SecretariatUnit": "Secretariat units",
    "FieldOperation": "Field operations",
    "DecisionMakingBody": "Decision-making bodies",
    "Post": "Posts",
    "ExternalOrganisation": "Partner organisations",
    "Body": "Other bodies",
}


def _cluster_of(attrs: dict, report_years: dict[str, int]) -> tuple[str, str]:
    """(cluster id, cluster label) of a node: its chapter, its kind of body, or its report's year."""
    node_type = attrs["type"]
    if node_type == "Provision":
        chapter = attrs.get("chapter", "")
        return f"chapter:{chapter}", f"Action Plan chapter {chapter}" if chapter else "Provisions"
    if node_type == "Body":
        kind = attrs.get("kind", "Body")
        return f"bodies:{kind}", _BODY_KIND_NAMES.get(kind, kind)
    if node_type in ("Activity", "Report"):
        year = report_years.get(attrs.get("report", "")) or attrs.get("year")
        return (f"year:{year}", f"Reported in {year}") if year else ("year:", "Reports of unknown year")
    if node_type in ("Decision", "Declaration", "ActionPlan"):
        return "documents", "Decisions, declarations, Action Plan"
    return "other", "Other resources"


class _Sentences:
    """One table of evidence sentences: a sentence quoted by a node and by its links is stored once."""

    def __init__(self) -> None:
        self.rows: list[list[str]] = []
        self._index: dict[tuple[str, str], int] = {}

    def ref(self, text: str, source: str) -> int:
        key = (text, source)
        if key not in self._index:
            self._index[key] = len(self.rows)
            self.rows.append([text, source])
        return self._index[key]


def _facets(net: nx.MultiDiGraph) -> tuple[dict, dict, dict]:
    """For the filters: each node's chapters, years and bodies, spread along its links."""
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
    # An activity has the chapter of the one provision it is stated to implement (network.py); one
    # that may implement provisions by inference takes their chapters too, so that the chapter
    # filter shows it with its dashed links. First, so that its bodies inherit them below.
    for s, o, key in net.edges(keys=True):
        if key == "mayImplement" and nodes[o]["type"] == "Provision":
            chapters[s] |= chapters[o]
    for s, o, key in net.edges(keys=True):
        st, ot = nodes[s]["type"], nodes[o]["type"]
        if ot == "Body" and st in ("Activity", "Provision", "Decision"):
            bodies[s].add(o)
            chapters[o] |= chapters[s]
            years[o] |= years[s]
        if key in ("implements", "mayImplement", "cites"):
            years[o] |= years[s]
            if key == "cites" and ot == "Body":
                bodies[s].add(o)
    return chapters, years, bodies


def page_data(net: nx.MultiDiGraph, source=None) -> dict:
    """The JSON the page reads: nodes with their cluster and filter keys, links, evidence sentences."""
    chapters, years, bodies = _facets(net)
    everything = evidence_index(source.graph) if source is not None else {}
    report_years = {a["report"]: a["year"] for _, a in net.nodes(data=True) if a["type"] == "Report" and a.get("year")}
    sentences = _Sentences()
    clusters: dict[str, str] = {}
    out_nodes = []
    for n, a in net.nodes(data=True):
        cluster, cluster_label = _cluster_of(a, report_years)
        clusters[cluster] = cluster_label
        item = {
            "id": n,
            "type": a["type"],
            "label": a["label"],
            "kind": a.get("kind", ""),
            "cluster": cluster,
            "chapters": sorted(chapters[n]),
            "years": sorted(years[n]),
            "bodies": sorted(bodies[n]),
            "degree": a.get("degree", 0),
            "activities": a.get("activities", 0),
        }
        if a.get("inferred"):
            item["inferred"] = a["inferred"]
        for key in ("notation", "text", "altLabels", "date", "place", "country", "report", "reports", "focus"):
            if a.get(key):
                item[key] = a[key]
        quoted = [(e.text, e.source) for e in everything.get(URIRef(n), ())[:_MAX_EVIDENCE]]
        if not quoted and a.get("evidence"):
            quoted = [(a["evidence"], a.get("evidence_source", ""))]
        item["evidence"] = [sentences.ref(text, src) for text, src in quoted]
        out_nodes.append(item)
    out_edges = [
        {"source": s, "target": o, "type": key}
        | ({"evidence": sentences.ref(e["evidence"], e.get("evidence_source", ""))} if e.get("evidence") else {})
        # A link of an activity to a provision: stated ("cited", "placed") or inferred, with its score.
        | ({"basis": e["basis"], "score": e["score"]} if "basis" in e else {})
        for s, o, key, e in net.edges(keys=True, data=True)
    ]
    return {
        "nodes": out_nodes,
        "edges": out_edges,
        "sentences": sentences.rows,
        "clusters": dict(sorted(clusters.items())),
        "clustered": net.number_of_nodes() > CLUSTER_ABOVE,
        "clusterPositions": cluster_positions(net, out_nodes) if net.number_of_nodes() > CLUSTER_ABOVE else {},
        "colours": COLOURS,
        "edgeTypes": EDGE_TYPES,
    }


def cluster_positions(net: nx.MultiDiGraph, nodes: list[dict]) -> dict[str, list[float]]:
    """Where the clusters of the opening picture go: a seeded spring layout of the clusters, joined
    as strongly as their members are linked (reports and their citations are off at first).

    Computed here, the opening picture costs the browser no layout at all; fcose lays out the
    picture only when a cluster is opened.
    """
    cluster_of = {n["id"]: n["cluster"] for n in nodes if n["type"] != "Report"}
    clusters = nx.Graph()
    clusters.add_nodes_from(sorted(set(cluster_of.values())))
    for s, o in net.edges():
        a, b = cluster_of.get(s), cluster_of.get(o)
        if a and b and a != b:
            weight = clusters.get_edge_data(a, b, {"weight": 0})["weight"]
            clusters.add_edge(a, b, weight=weight + 1)
    for _, _, data in clusters.edges(data=True):
        data["weight"] = math.log2(1 + data["weight"])  # a bundle of 300 links pulls, not crushes
    # The largest connected part in the middle; smaller parts (a cluster linked only through the
    # reports, such as the decisions) in a column to its right.
    parts = sorted(nx.connected_components(clusters), key=lambda c: (-len(c), sorted(c)))
    main = clusters.subgraph(parts[0])
    layout = nx.spring_layout(main, k=1.8 / math.sqrt(len(main)), seed=20031127, iterations=300, scale=400)
    right = max((x for x, _ in layout.values()), default=0) + 180
    for i, cluster in enumerate(sorted(c for part in parts[1:] for c in part)):
        layout[cluster] = (right, -300 + 150 * i)
    return {c: [round(float(x), 1), round(float(y), 1)] for c, (x, y) in sorted(layout.items())}


def _script_json(data: dict) -> str:
    # Inside <script>, "</script>" or "<!--" in a sentence would end the element: escape "<".
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("<", "\\u003c")


@lru_cache(maxsize=1)
def vendor_scripts() -> str:
    """The vendored libraries in load order, each under a comment naming it with its licence.

    Cytoscape.js runs as the page loads. The layout libraries are needed only when a cluster is
    opened (the opening picture is laid out by :func:`cluster_positions`), so they wait, unparsed,
    in a ``text/plain`` element that ``viewer.js`` runs on first use.
    """
    parts = []
    for package, version, name in VENDORED:
        notice = (_VENDOR / "licences" / f"{package}.LICENSE").read_text(encoding="utf-8").replace("*/", "* /")
        code = (_VENDOR / name).read_text(encoding="utf-8")
        parts.append(f"/*! {package} {version} ({name}), MIT licence:\n{notice}*/\n{code}\n")
    first, *layout = parts
    return f'<script>\n{first}</script>\n<script type="text/plain" id="vendor-layout">\n{"".join(layout)}</script>'


def render_page(net: nx.MultiDiGraph, source=None, title: str = "cthbgraph — OSCE anti-trafficking commitments") -> str:
    template = (_HERE / "viewer.html").read_text(encoding="utf-8")
    parts = {
        "__TITLE__": html.escape(title),
        "__DESCRIPTION__": html.escape(f"Network of OSCE anti-trafficking commitments: {summary(net)}."),
        "/*__CSS__*/": (_HERE / "viewer.css").read_text(encoding="utf-8"),
        "/*__VENDOR__*/": vendor_scripts(),
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
