"""A judged link as triples: ``cthb:implements`` (stated) or ``cthb:mayImplement`` (inferred), and its
``cthb:LinkAssessment`` (basis, score, method), whose IRI is made from the activity and the provision."""

from __future__ import annotations

from decimal import Decimal
from urllib.parse import quote

from rdflib import Graph, Literal, URIRef

from ..records import Link
from ..vocab import CTHB, RDF, XSD


def assessment_iri(base: str, link: Link) -> URIRef:
    e = link.activity
    parts = ("link", e.report, f"{e.start}-{e.end}", link.provision)
    return URIRef(base + "/".join(quote(p, safe="-._~") for p in parts))


def add_link(g: Graph, iris, link: Link) -> None:
    """The triples of ``link`` into ``g``; ``iris`` (graph.Iris) names the activity and the provision.
    A stated link's ``cthb:implements`` is written with the activity; here only its assessment."""
    activity = iris.activity(link.activity)
    provision = iris.provision(link.provision)
    if link.basis == "inferred":
        g.add((activity, CTHB.mayImplement, provision))
    node = assessment_iri(iris.base, link)
    g.add((node, RDF.type, CTHB.LinkAssessment))
    g.add((node, CTHB.activity, activity))
    g.add((node, CTHB.provision, provision))
    g.add((node, CTHB.basis, Literal(link.basis)))
    # Two places, as a decimal: the same score prints the same on every build.
    g.add((node, CTHB.score, Literal(Decimal(f"{link.score:.2f}"), datatype=XSD.decimal)))
    if link.method:
        g.add((node, CTHB.method, Literal(link.method)))
