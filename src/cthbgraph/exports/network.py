"""The graph as a network of bodies, documents, provisions, activities and reports (networkx).

Nodes carry what Gephi and Cytoscape colour, size and filter by: ``type`` (Body, Provision,
Decision, Activity, Report ...), ``kind`` (a body's class, an activity's type), ``label``,
``chapter``, ``year``, ``degree`` and ``activities`` (how many activities a body carried out or a
provision is implemented by; ``inferred``: how many of a provision's by inference), and the
``evidence`` sentence. Edges carry ``type`` (the cthb property: tasks, inCooperationWith,
carriedOutBy, implements, mayImplement, renamedTo, cites ...) and the sentence they were read from;
a link of an activity to a provision also carries the ``basis`` of its cthb:LinkAssessment
("cited", "placed": stated by the report, an ``implements`` edge; "inferred": a ``mayImplement``
edge) and its ``score`` (1.0 when stated). Writers for GraphML, GEXF and Cytoscape.js JSON follow
(DOT is in ``dot.py``).
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass

import networkx as nx
from rdflib import Graph, URIRef

from ..vocab import CTHB, DCTERMS, OA, PROV, RDF, RDFS, SKOS
from .registry import Rendered

#: Node types, most specific first (a decision is also a CommitmentDocument).
NODE_TYPES = ("Provision", "Decision", "Declaration", "ActionPlan", "Body", "Activity", "Report")
_BODY_KINDS = ("FieldOperation", "Institution", "SecretariatUnit", "DecisionMakingBody", "ExternalOrganisation", "Post")

#: Edge types: the cthb properties drawn as links, with a reading for people.
EDGE_TYPES = {
    "tasks": "tasks",
    "inCooperationWith": "in co-operation with",
    "carriedOutBy": "carried out by",
    "implements": "implements",
    "mayImplement": "may implement",
    "renamedTo": "renamed to",
    "cites": "cites",
    "endorses": "endorses",
    "amends": "amends",
}

#: One colour per node type, shared by GEXF, DOT and the HTML page (colour-blind safe, Okabe-Ito).
COLOURS = {
    "Provision": "#D55E00",
    "Decision": "#CC79A7",
    "Declaration": "#CC79A7",
    "ActionPlan": "#CC79A7",
    "Body": "#0072B2",
    "Activity": "#009E73",
    "Report": "#999999",
}


@dataclass(frozen=True)
class Evidence:
    report: str
    start: int
    end: int
    text: str

    @property
    def source(self) -> str:
        return f"{self.report}:{self.start}-{self.end}"


def _text(value) -> str:
    return " ".join(str(value).replace("**", "").split())


def build_network(graph: Graph) -> nx.MultiDiGraph:
    """The network of a cthb graph.

    graph (Graph): a graph built by ``cthbgraph build``.
    RETURNS (nx.MultiDiGraph): nodes keyed by IRI, edges keyed by their type; attributes are plain
        strings and integers (never None), as GraphML and GEXF require.
    """
    report_ids = _report_ids(graph)
    report_years = {s: int(str(o)) for s, o in graph.subject_objects(CTHB.reportYear) if str(o).isdigit()}
    evidence = evidence_index(graph)
    assessed = _assessments(graph)

    net = nx.MultiDiGraph()
    for node_type in NODE_TYPES:
        for iri in sorted(set(graph.subjects(RDF.type, CTHB[node_type]))):
            if iri in net:
                continue
            net.add_node(str(iri), **_node(graph, iri, node_type, evidence.get(iri, ()), report_ids, report_years))

    for name in EDGE_TYPES:
        for s, o in sorted(graph.subject_objects(CTHB[name])):
            if str(s) not in net or not isinstance(o, URIRef):
                continue
            if str(o) not in net:
                net.add_node(str(o), **_stub(o))
            ev = _edge_evidence(name, s, o, evidence, report_ids)
            attrs = {"type": name, "label": EDGE_TYPES[name], "weight": 1}
            if ev:
                attrs.update(evidence=ev.text, evidence_source=ev.source)
            if name in ("implements", "mayImplement"):
                # A stated link the linking stage did not assess (an older graph) is still stated.
                basis, score = assessed.get((s, o), ("inferred" if name == "mayImplement" else "stated", 1.0))
                attrs.update(basis=basis, score=score)
            net.add_edge(str(s), str(o), key=name, **attrs)

    _derive(net)
    return net


def _assessments(graph: Graph) -> dict[tuple[URIRef, URIRef], tuple[str, float]]:
    """(activity, provision) -> (basis, score) of every cthb:LinkAssessment."""
    out = {}
    for a in graph.subjects(RDF.type, CTHB.LinkAssessment):
        activity, provision = graph.value(a, CTHB.activity), graph.value(a, CTHB.provision)
        basis, score = graph.value(a, CTHB.basis), graph.value(a, CTHB.score)
        if activity is not None and provision is not None and basis is not None:
            out[(activity, provision)] = (str(basis), round(float(score), 2) if score is not None else 1.0)
    return out


def restrict(net: nx.MultiDiGraph, links=None, min_confidence: float = 0.0) -> nx.MultiDiGraph:
    """The network with only the links of activities to provisions that ``links`` (a LinkFilter)
    counts, without the activities and bodies whose confidence is below ``min_confidence``; ``net``
    itself when nothing is left out. Counts (degree, activities) are those of what is kept."""
    basis = getattr(links, "basis", "all")
    min_score = getattr(links, "min_score", 0.0)
    if basis == "all" and not min_score and not min_confidence:
        return net
    out = net.copy()
    out.remove_nodes_from(
        [n for n, a in net.nodes(data=True) if a["type"] in ("Activity", "Body") and a.get("confidence", 1.0) < min_confidence]
    )
    out.remove_edges_from(
        [
            (s, o, k)
            for s, o, k, a in out.edges(keys=True, data=True)
            if k == "mayImplement" and (basis == "stated" or a.get("score", 0.0) < min_score)
        ]
    )
    _derive(out)
    return out


def _report_ids(graph: Graph) -> dict[URIRef, str]:
    return {s: str(o) for s, o in graph.subject_objects(DCTERMS.identifier) if (s, RDF.type, CTHB.Report) in graph}


def evidence_index(graph: Graph) -> dict[URIRef, tuple[Evidence, ...]]:
    """Every resource's excerpts (prov:wasDerivedFrom), in report and text order."""
    report_ids = _report_ids(graph)
    out: dict[URIRef, list[Evidence]] = defaultdict(list)
    for subject, excerpt in graph.subject_objects(PROV.wasDerivedFrom):
        report = graph.value(excerpt, DCTERMS.source)
        start, end, exact = (graph.value(excerpt, p) for p in (OA.start, OA.end, OA.exact))
        if start is None or exact is None:
            continue
        out[subject].append(Evidence(report_ids.get(report, str(report)), int(start), int(end), _text(exact)))
    return {k: tuple(sorted(v, key=lambda e: (e.report, e.start))) for k, v in out.items()}


def _label(graph: Graph, iri: URIRef) -> str:
    for p in (SKOS.prefLabel, RDFS.label, DCTERMS.title, SKOS.notation, DCTERMS.identifier):
        value = graph.value(iri, p)
        if value is not None:
            return _text(value)
    return str(iri).rstrip("/").rsplit("/", 1)[-1]


def _node(graph: Graph, iri: URIRef, node_type: str, evidence, report_ids, report_years) -> dict:
    attrs = {"type": node_type, "label": _label(graph, iri), "iri": str(iri), "kind": node_type.lower()}
    confidence = graph.value(iri, CTHB.confidence)
    if confidence is not None:
        attrs["confidence"] = float(confidence)
    notation = graph.value(iri, SKOS.notation)
    if notation is not None:
        attrs["notation"] = str(notation)
    if node_type == "Body":
        kinds = [k for k in _BODY_KINDS if (iri, RDF.type, CTHB[k]) in graph]
        attrs["kind"] = kinds[0] if kinds else "Body"
        alt = sorted({_text(a) for a in graph.objects(iri, SKOS.altLabel)} - {attrs["label"]})
        if alt:
            attrs["altLabels"] = "; ".join(alt)
    elif node_type == "Provision":
        n = attrs.get("notation") or attrs["label"]
        attrs["label"] = n
        attrs["section"], attrs["chapter"] = n.rsplit(".", 1)[0], n.split(".", 1)[0]
        text = graph.value(iri, CTHB.text)
        if text is not None:
            attrs["text"] = _text(text)
    elif node_type == "Activity":
        concept = graph.value(iri, CTHB.activityType)
        attrs["kind"] = str(graph.value(concept, SKOS.notation) or "other") if concept is not None else "other"
        for key, prop in (("date", DCTERMS.date), ("place", CTHB.place), ("country", CTHB.country)):
            value = graph.value(iri, prop)
            if value is not None:
                attrs[key] = str(value)
        report = graph.value(iri, DCTERMS.source)
        if report is not None:
            attrs["report"] = report_ids.get(report, str(report))
        date = attrs.get("date", "")
        year = int(date[:4]) if date[:4].isdigit() else report_years.get(report)
        if year:
            attrs["year"] = year
        provision = graph.value(iri, CTHB.implements)
        if provision is not None:
            n = str(graph.value(provision, SKOS.notation) or str(provision).rsplit("/", 1)[-1])
            attrs["provision"], attrs["chapter"] = n, n.split(".", 1)[0]
    elif node_type == "Report":
        attrs["kind"] = "report"
        attrs["report"] = report_ids.get(iri, "")
        if iri in report_years:
            attrs["year"] = report_years[iri]
    else:  # a commitment document
        attrs["kind"] = node_type
    if evidence:
        attrs.update(evidence=evidence[0].text, evidence_source=evidence[0].source, mentions=len(evidence))
        if "report" not in attrs:
            attrs["reports"] = "; ".join(sorted({e.report for e in evidence}))
    return attrs


def _stub(iri: URIRef) -> dict:
    # An edge to a resource the graph does not describe (e.g. a provision cited but never quoted).
    path = str(iri).rstrip("/").rsplit("/", 2)
    kind = path[-2] if len(path) == 3 else ""
    node_type = {"provision": "Provision", "body": "Body", "decision": "Decision"}.get(kind, "Resource")
    attrs = {"type": node_type, "label": path[-1], "iri": str(iri), "kind": node_type.lower()}
    if node_type == "Provision":
        attrs.update(notation=path[-1], chapter=path[-1].split(".", 1)[0], section=path[-1].rsplit(".", 1)[0])
    return attrs


def _edge_evidence(name, s, o, evidence, report_ids) -> Evidence | None:
    mine, theirs = evidence.get(s, ()), evidence.get(o, ())
    if name == "cites":  # report -> body/document: where the report names it
        report = report_ids.get(s)
        return next((e for e in theirs if e.report == report), None)
    # The sentence of the subject that holds a mention of the object, else the subject's first.
    for e in mine:
        if any(t.report == e.report and e.start <= t.start and t.end <= e.end for t in theirs):
            return e
    if name == "renamedTo":  # "X - now Y": the mention of Y nearest to a mention of X
        pairs = [(abs(t.start - e.end), t) for e in mine for t in theirs if t.report == e.report]
        return min(pairs, key=lambda p: (p[0], p[1].start))[1] if pairs else None
    return mine[0] if mine else None


def _derive(net: nx.MultiDiGraph) -> None:
    """Counts that depend on the (possibly selected) network: degree and activities."""
    for node, attrs in net.nodes(data=True):
        attrs["degree"] = net.degree(node)
        if attrs["type"] == "Body":
            attrs["activities"] = sum(1 for _, _, k in net.in_edges(node, keys=True) if k == "carriedOutBy")
            attrs["tasked"] = sum(1 for _, _, k in net.in_edges(node, keys=True) if k == "tasks")
        elif attrs["type"] == "Provision":
            attrs["activities"] = sum(1 for _, _, k in net.in_edges(node, keys=True) if k in ("implements", "mayImplement"))
            attrs["inferred"] = sum(1 for _, _, k in net.in_edges(node, keys=True) if k == "mayImplement")
            attrs["tasked"] = sum(1 for _, _, k in net.out_edges(node, keys=True) if k == "tasks")
        else:
            attrs["activities"] = 0
            attrs["tasked"] = 0


def summary(net: nx.MultiDiGraph) -> str:
    return f"{net.number_of_nodes()} nodes, {net.number_of_edges()} edges"


# ---------------------------------------------------------------------------------------- writers


def _hex(colour: str) -> tuple[int, int, int]:
    return tuple(int(colour[i : i + 2], 16) for i in (1, 3, 5))


def write_graphml(source) -> Rendered:
    net = source.selected
    data = "\n".join(nx.generate_graphml(net, named_key_ids=True, edge_id_from_attribute=None)) + "\n"
    return Rendered(((("", data.encode("utf-8")),)), summary(net))


def write_gexf(source) -> Rendered:
    net = source.selected.copy()
    # GEXF's viz module gives Gephi a colour and size per node before any styling is done.
    for _, attrs in net.nodes(data=True):
        r, g, b = _hex(COLOURS.get(attrs["type"], "#777777"))
        attrs["viz"] = {"color": {"r": r, "g": g, "b": b, "a": 1.0}, "size": 4.0 + 2.0 * attrs["degree"] ** 0.5}
    for i, (_, _, attrs) in enumerate(net.edges(data=True)):
        attrs["id"] = str(i)
        # GEXF reserves an edge's "type" for directed/undirected; the relation goes in its own column.
        attrs["relation"] = attrs.pop("type")
    data = "\n".join(nx.generate_gexf(net, version="1.2draft")) + "\n"
    return Rendered(((("", data.encode("utf-8")),)), summary(net))


def write_cytoscape(source) -> Rendered:
    net = source.selected
    data = nx.cytoscape_data(net)
    data["data"] = {"name": "cthbgraph", "selection": source.selection.describe()}
    for node in data["elements"]["nodes"]:
        node["data"]["name"] = node["data"]["label"]  # what Cytoscape desktop shows as the node label
        node["data"]["color"] = COLOURS.get(node["data"]["type"], "#777777")
        node["classes"] = node["data"]["type"]
    for i, edge in enumerate(data["elements"]["edges"]):
        edge["data"]["id"] = f"e{i}"
        edge["classes"] = edge["data"]["type"]
    text = json.dumps(data, ensure_ascii=False, indent=1) + "\n"
    return Rendered(((("", text.encode("utf-8")),)), summary(net))
