"""The ontology's documentation page: classes, properties and concepts of ontology/cthb.ttl."""

from __future__ import annotations

from functools import lru_cache

from rdflib import BNode, Graph, Literal, URIRef

from ..resources import ontology_path
from ..vocab import CTHB, DCTERMS, OWL, RDF, RDFS, SKOS
from .rdfio import term_key


@lru_cache(maxsize=1)
def ontology() -> Graph:
    return Graph().parse(ontology_path(), format="turtle")


def ontology_terms(onto: Graph, site) -> dict:
    """Classes, properties and concepts of the cthb: namespace with their documentation."""
    ns = str(CTHB)
    here = "ontology"

    def term(s: URIRef) -> dict:
        definition = onto.value(s, SKOS.definition) or onto.value(s, RDFS.comment)
        rows = []
        for label, prop in (
            ("subclass of", RDFS.subClassOf),
            ("subproperty of", RDFS.subPropertyOf),
            ("domain", RDFS.domain),
            ("range", RDFS.range),
            ("inverse of", OWL.inverseOf),
            ("in scheme", SKOS.inScheme),
            ("notation", SKOS.notation),
        ):
            values = [site._link(o, here) for o in sorted(onto.objects(s, prop), key=term_key) if not isinstance(o, BNode)]
            if values:
                rows.append((label, values))
        return {
            "id": s[len(ns) :],
            "iri": str(s),
            "label": str(onto.value(s, RDFS.label) or onto.value(s, SKOS.prefLabel) or s[len(ns) :]),
            "definition": " ".join(str(definition).split()) if definition else "",
            "rows": rows,
            "deprecated": (s, OWL.deprecated, Literal(True)) in onto,
        }

    def of_type(*types) -> list[dict]:
        found = {s for t in types for s in onto.subjects(RDF.type, t) if isinstance(s, URIRef) and s.startswith(ns)}
        return [term(s) for s in sorted(found)]

    meta = URIRef(ns.rstrip("#"))
    return {
        "title": str(onto.value(meta, DCTERMS.title) or "cthb ontology"),
        "description": str(onto.value(meta, DCTERMS.description) or ""),
        "ontology_version": str(onto.value(meta, OWL.versionInfo) or ""),
        "namespace": ns,
        "classes": of_type(OWL.Class),
        "object_properties": of_type(OWL.ObjectProperty),
        "datatype_properties": of_type(OWL.DatatypeProperty),
        "concepts": of_type(SKOS.Concept, SKOS.ConceptScheme),
    }
