"""The graph of the real corpus: every fact with its evidence, consistent with the ontology."""

from __future__ import annotations

from conftest import CORPUS
from owlrl import DeductiveClosure, OWLRL_Semantics
from owlrl.Namespaces import ERRNS
from rdflib import Graph
from rdflib.namespace import DCTERMS, OWL, RDF

from cthbgraph.corpus import load_corpus
from cthbgraph.resources import ontology_path
from cthbgraph.vocab import CTHB, OA, PROV


def test_graph_owlrl_reasoning_over_ontology_and_build_finds_no_inconsistency(built):
    graph = Graph().parse(built.graph_file)
    graph.parse(ontology_path())
    DeductiveClosure(OWLRL_Semantics, axiomatic_triples=False, datatype_axioms=False).expand(graph)
    assert list(graph.subjects(RDF.type, OWL.Nothing)) == []
    assert [str(m) for m in graph.objects(None, ERRNS.error)] == []


def test_graph_every_excerpt_points_at_its_text(built):
    reports = {r.id: r.text for r in load_corpus(CORPUS).reports}
    graph = Graph().parse(built.graph_file)
    excerpts = list(graph.subjects(RDF.type, CTHB.Excerpt))
    assert len(excerpts) > 1000
    for excerpt in excerpts:
        report = str(graph.value(excerpt, DCTERMS.source)).rsplit("/", 1)[1]
        start, end = int(graph.value(excerpt, OA.start)), int(graph.value(excerpt, OA.end))
        assert reports[report][start:end] == str(graph.value(excerpt, OA.exact))


def test_graph_every_extracted_resource_has_evidence(built):
    graph = Graph().parse(built.graph_file)
    for cls in (CTHB.Body, CTHB.Decision, CTHB.Provision, CTHB.Activity):
        for resource in graph.subjects(RDF.type, cls):
            assert graph.value(resource, PROV.wasDerivedFrom) is not None, resource


def test_graph_build_is_valid_and_counts_what_it_found(built):
    counts = dict(built.class_counts)
    assert built.validation.conforms, built.validation.render()
    assert counts["Provision"] >= 20 and counts["Activity"] >= 100 and counts["Decision"] >= 10

