"""The CTHB namespace and ontology/cthb.ttl name the same terms, so neither can drift from the other."""

from __future__ import annotations

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import SKOS

from cthbgraph.resources import ontology_path
from cthbgraph.vocab import ACTIVITY_TYPES, CTHB, DEFAULT_BASE, OA, bind_prefixes


@pytest.fixture(scope="module")
def declared() -> set[URIRef]:
    """Every cthb: IRI the ontology says something about."""
    ontology = Graph().parse(ontology_path(), format="turtle")
    return {s for s in ontology.subjects() if isinstance(s, URIRef) and str(s).startswith(str(CTHB))}


def test_vocab_every_python_term_is_in_the_ontology(declared):
    assert sorted(set(dir(CTHB)) - declared) == []


def test_vocab_every_ontology_term_is_in_python(declared):
    assert sorted(declared - set(dir(CTHB))) == []


@pytest.mark.parametrize("typo", ["Provison", "carriedOutby", "Bodies"])
def test_vocab_rejects_typos(typo):
    with pytest.raises(AttributeError):
        getattr(CTHB, typo)


@pytest.mark.parametrize("term,iri", [(CTHB.Provision, "https://w3id.org/cthb/ontology#Provision"), (OA.exact, "http://www.w3.org/ns/oa#exact")])
def test_vocab_terms_are_iris(term, iri):
    assert term == URIRef(iri)


def test_vocab_activity_types_match_the_scheme_notations():
    ontology = Graph().parse(ontology_path(), format="turtle")
    notations = {
        str(ontology.value(concept, SKOS.notation)): concept
        for concept in ontology.subjects(SKOS.inScheme, CTHB.ActivityTypeScheme)
    }
    assert notations == ACTIVITY_TYPES


@pytest.mark.parametrize("prefix,namespace", [("cthb", str(CTHB)), ("oa", str(OA)), ("cthbid", DEFAULT_BASE)])
def test_vocab_bind_prefixes(prefix, namespace):
    graph = bind_prefixes(Graph())
    assert dict(graph.namespaces())[prefix] == URIRef(namespace)
