"""What a resource page shows, as plain values for ``templates/resource.html``.

Every page has the resource's facts, the resources pointing at it (each relation named the way a
reader says it backwards: "tasked by", not "is tasks of"), and its evidence sentences. A provision
adds its text, tasked bodies and implementing activities; a body starts with the provisions that
task it, then its activities as a table (year, type, provision, basis).
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

import pyoxigraph as ox
from rdflib import Graph, URIRef
from rdflib.term import Node

from ..queries import named_query
from ..store.terms import to_oxigraph
from ..vocab import _PREFIXES, CTHB, DCTERMS, OA, ORG, PROV, RDF
from .rdfio import term_key

# Terms of the second-round contract (docs: DESIGN.md) that the ontology may not define yet.
_MAY_IMPLEMENT, _EVIDENCE = URIRef(f"{CTHB}mayImplement"), URIRef(f"{CTHB}evidence")

# Triples pointing at a resource that its page does not list: every excerpt points at its report
# and every fact at its excerpt, which would turn a report page into a list of thousands.
BULK_INVERSE = {DCTERMS.source, PROV.wasDerivedFrom, _EVIDENCE}

#: How a relation reads from its object back to its subject. A property missing here reads
#: "reverse of <label>", which is clumsy but never wrong.
INVERSE_LABELS = {
    CTHB.tasks: "tasked by",
    CTHB.inCooperationWith: "named as partner by",
    CTHB.carriedOutBy: "carried out",
    CTHB.implements: "implemented by",
    _MAY_IMPLEMENT: "may be implemented by",
    CTHB.cites: "cited by",
    CTHB.endorses: "endorsed by",
    CTHB.amends: "amended by",
    CTHB.renamedTo: "renamed from",
    CTHB.activityType: "type of",
    _EVIDENCE: "evidence of",
    DCTERMS.isPartOf: "has part",
    DCTERMS.source: "source of",
    PROV.wasDerivedFrom: "source of",
    ORG.originalOrganization: "original organisation of",
    ORG.resultingOrganization: "resulting organisation of",
}

#: The activities of every body, with the provision each is linked to and the basis of the link.
BODY_ACTIVITIES = "site-body-activities"


@dataclass(frozen=True)
class Link:
    text: str
    href: str | None = None
    note: str = ""


def inverse_label(site, prop: URIRef) -> str:
    return INVERSE_LABELS.get(prop) or f"reverse of “{site.label(prop)}”"


def _unique(links: list[Link]) -> list[Link]:
    # The same text to the same place once: a list of thirty identical links tells nothing.
    return list(dict.fromkeys(links))


def facts(site, iri: URIRef, here: str) -> list[tuple[Link, list[Link]]]:
    out = defaultdict(list)
    for p, o in sorted(site.graph.predicate_objects(iri), key=lambda po: (term_key(po[0]), term_key(po[1]))):
        if p not in (RDF.type, PROV.wasDerivedFrom, _EVIDENCE):
            out[p].append(site.link(o, here))
    return [(site.link(p, here), _unique(values)) for p, values in out.items()]


def referenced_by(site, iri: URIRef, here: str, shown_elsewhere=frozenset()) -> list[tuple[Link, list[Link]]]:
    """The resources pointing at ``iri``, by relation, under the relation's reverse reading."""
    g, out = site.graph, defaultdict(list)
    for s, p in sorted(g.subject_predicates(iri), key=lambda sp: (term_key(sp[1]), site.label(sp[0]), term_key(sp[0]))):
        if p not in BULK_INVERSE and p not in shown_elsewhere:
            out[p].append(site.link(s, here))
    return [(Link(inverse_label(site, p), site.href(p, here)), _unique(values)) for p, values in out.items()]


def evidence(site, iri: URIRef, here: str) -> list[dict]:
    g = site.graph
    excerpts = set(g.objects(iri, PROV.wasDerivedFrom)) | set(g.objects(iri, _EVIDENCE))
    out = []
    for excerpt in sorted(excerpts, key=_excerpt_key(g)):
        report = g.value(excerpt, DCTERMS.source)
        out.append(
            {
                "text": " ".join(str(g.value(excerpt, OA.exact) or "").split()),
                "report": site.link(report, here) if report is not None else None,
                "start": g.value(excerpt, OA.start),
                "end": g.value(excerpt, OA.end),
                "href": site.href(excerpt, here),
            }
        )
    return out


def _excerpt_key(g: Graph):
    def key(excerpt: Node):
        start = g.value(excerpt, OA.start)
        return (str(g.value(excerpt, DCTERMS.source)), int(start) if start is not None else 0, str(excerpt))

    return key


def provision_section(site, iri: URIRef, here: str) -> dict:
    """The text, tasked bodies, partners and activities of a provision page; each activity with the
    basis of its link, as on body pages: "stated" (cthb:implements) or "inferred" (cthb:mayImplement)
    with the score of its cthb:LinkAssessment. Stated links first, then inferred ones, strongest first."""
    g = site.graph
    scores = {
        g.value(a, CTHB.activity): g.value(a, CTHB.score) for a in g.subjects(CTHB.provision, iri) if g.value(a, CTHB.basis) is not None
    }
    linked = [(a, "stated", "") for a in g.subjects(CTHB.implements, iri)]
    linked += [(a, "inferred", str(scores.get(a) or "")) for a in g.subjects(CTHB.mayImplement, iri)]
    activities = []
    for activity, basis, score in sorted(linked, key=lambda x: (x[1] != "stated", -float(x[2] or 0), term_key(x[0]))):
        report = g.value(activity, DCTERMS.source)
        activities.append(
            {
                "activity": site.link(activity, here),
                "bodies": [site.link(b, here) for b in sorted(g.objects(activity, CTHB.carriedOutBy), key=term_key)],
                "date": str(g.value(activity, DCTERMS.date) or ""),
                "report": site.link(report, here) if report is not None else None,
                "basis": basis,
                "score": score,
            }
        )
    return {
        "text": str(g.value(iri, CTHB.text) or ""),
        "tasked": [site.link(b, here) for b in sorted(g.objects(iri, CTHB.tasks), key=site.label)],
        "partners": [site.link(b, here) for b in sorted(g.objects(iri, CTHB.inCooperationWith), key=site.label)],
        "activities": activities,
    }


def body_section(site, iri: URIRef, here: str) -> dict:
    """ "Tasked by" and the activities table of a body page; rows come from :func:`activity_rows`."""
    g = site.graph
    tasking = sorted(set(g.subjects(CTHB.tasks, iri)), key=lambda s: _natural(site.label(s)))
    rows = []
    for row in site.activity_rows.get(iri, ()):
        rows.append(
            {
                "activity": site.link(row["activity"], here),
                "year": row["year"],
                "type": row["type"],
                "provision": site.link(row["provision"], here) if row["provision"] is not None else None,
                "basis": row["basis"],
                "score": row["score"],
            }
        )
    return {"tasked_by": [site.link(s, here) for s in tasking], "activities": rows}


def activity_rows(graph: Graph) -> dict[URIRef, list[dict]]:
    """Every body's activity rows (year, type, provision, basis, score), from ``queries/site-body-activities.rq``.

    The query gives one row per activity and linked provision with its ``?basis`` ("stated" for
    ``cthb:implements``) and an optional ``?score``; a new kind of link (an inferred
    ``cthb:mayImplement`` with its ``cthb:LinkAssessment`` score) needs only the query to change.
    """
    store = ox.Store()
    store.extend(ox.Quad(to_oxigraph(s), to_oxigraph(p), to_oxigraph(o)) for s, p, o in graph)
    out: dict[URIRef, dict[tuple, dict]] = defaultdict(dict)
    for solution in store.query(named_query(BODY_ACTIVITIES).text):
        value = {
            v: solution[v] for v in ("body", "activity", "date", "reportYear", "type", "provision", "basis", "score")
        }
        body, activity, provision = (
            URIRef(value[k].value) if value[k] is not None else None for k in ("body", "activity", "provision")
        )
        date = value["date"].value if value["date"] is not None else ""
        year = (
            date[:4] if date[:4].isdigit() else (value["reportYear"].value if value["reportYear"] is not None else "")
        )
        row = {
            "activity": activity,
            "year": year,
            "type": value["type"].value if value["type"] is not None else "",
            "provision": provision,
            "basis": value["basis"].value if value["basis"] is not None else "",
            "score": value["score"].value if value["score"] is not None else "",
        }
        out[body].setdefault((activity, provision, row["basis"]), row)
    return {body: sorted(rows.values(), key=_row_key) for body, rows in out.items()}


def _row_key(row: dict) -> tuple:
    return (row["year"], row["type"], str(row["provision"] or ""), str(row["activity"]))


def _natural(text: str) -> list:
    return [int(p) if p.isdigit() else p for p in re.split(r"(\d+)", text)]


_QNAME_PREFIXES = sorted(((ns, p) for p, ns in _PREFIXES.items()), key=lambda x: -len(x[0]))


def qname(node: Node) -> str:
    text = str(node)
    for ns, prefix in _QNAME_PREFIXES:
        if text.startswith(ns) and len(text) > len(ns):
            return f"{prefix}:{text[len(ns):]}"
    return text
