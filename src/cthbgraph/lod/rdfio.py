"""Writing RDF the same way every time: rdflib triples in a fixed order through pyoxigraph's writers.

pyoxigraph's writers keep the order of their input, so sorted input gives the same bytes on every
run whatever Python's hash seed; rdflib's serialisers iterate sets.
"""

from __future__ import annotations

import pyoxigraph as ox
from rdflib import BNode, URIRef
from rdflib.term import Node

from ..store.terms import to_oxigraph

#: RDF formats of a resource: name -> (file extension, media type, pyoxigraph format).
RDF_FORMATS = {
    "turtle": ("ttl", "text/turtle", ox.RdfFormat.TURTLE),
    "jsonld": ("jsonld", "application/ld+json", ox.RdfFormat.JSON_LD),
    "ntriples": ("nt", "application/n-triples", ox.RdfFormat.N_TRIPLES),
    "rdfxml": ("rdf", "application/rdf+xml", ox.RdfFormat.RDF_XML),
}


def serialize(triples, fmt: str, prefixes: dict[str, str]) -> bytes:
    """rdflib triples, in the given order, as Turtle, JSON-LD, N-Triples or RDF/XML."""
    _, _, ox_format = RDF_FORMATS[fmt]
    ox_triples = [ox.Triple(to_oxigraph(s), to_oxigraph(p), to_oxigraph(o)) for s, p, o in triples]
    return ox.serialize(ox_triples, format=ox_format, prefixes=prefixes or None)


def term_key(term: Node) -> tuple[int, str]:
    return (0 if isinstance(term, URIRef) else 1 if isinstance(term, BNode) else 2, term.n3() if term is not None else "")


def triple_key(t) -> tuple:
    return tuple(term_key(x) for x in t)
