"""The ontology loads everywhere we use it, documents every term, and reasons without contradiction."""

from __future__ import annotations

import pyoxigraph
import pytest
from owlrl import DeductiveClosure, OWLRL_Semantics
from owlrl.Namespaces import ERRNS
from rdflib import Graph, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, VANN

from cthbgraph.resources import ontology_path
from cthbgraph.vocab import CTHB, ORG

ONTOLOGY_IRI = URIRef("https://w3id.org/cthb/ontology")

# A provision of the Action Plan as the 2006 report quotes it, the bodies it tasks, and an activity,
# each derived from its excerpt: the smallest graph that uses every kind of link the builder makes.
SAMPLE = """
@prefix cthb: <https://w3id.org/cthb/ontology#> .
@prefix report: <https://w3id.org/cthb/id/report/> .
@prefix excerpt: <https://w3id.org/cthb/id/excerpt/osce-2006/> .
@prefix doc: <https://w3id.org/cthb/id/document/> .
@prefix section: <https://w3id.org/cthb/id/section/> .
@prefix provision: <https://w3id.org/cthb/id/provision/> .
@prefix body: <https://w3id.org/cthb/id/body/> .
@prefix activity: <https://w3id.org/cthb/id/activity/osce-2006/> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix oa: <http://www.w3.org/ns/oa#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .

report:osce-2006 a cthb:Report ; cthb:reportYear "2006"^^xsd:gYear ;
    cthb:cites doc:pc-dec-557 , body:spmu .

excerpt:1200-1530 a cthb:Excerpt ; dcterms:source report:osce-2006 ;
    oa:start "1200"^^xsd:integer ; oa:end "1530"^^xsd:integer ;
    oa:exact "III.10.2 The Strategic Police Matters Unit and the Office of the OSCE Co-ordinator of Economic and Environmental Activities (OCEEA) will facilitate the exchange of information between participating States on best practices to be used by relevant investigating units to check the possibly criminal and trafficking-related origin of suspicious assets." .

doc:pc-dec-557 a cthb:ActionPlan ; skos:notation "PC.DEC/557" ;
    skos:prefLabel "OSCE Action Plan to Combat Trafficking in Human Beings"@en ;
    prov:wasDerivedFrom excerpt:1200-1530 .
doc:mc-dec-2-03 a cthb:Decision ; skos:notation "MC.DEC/2/03" ;
    cthb:endorses doc:pc-dec-557 ; prov:wasDerivedFrom excerpt:1200-1530 .
section:iii-10 a cthb:Section ; skos:notation "III.10" ; dcterms:isPartOf doc:pc-dec-557 .
provision:iii-10-2 a cthb:Provision ; skos:notation "III.10.2" ; dcterms:isPartOf section:iii-10 ;
    cthb:tasks body:spmu , body:oceea ; prov:wasDerivedFrom excerpt:1200-1530 .

body:spmu a cthb:SecretariatUnit ; skos:prefLabel "Strategic Police Matters Unit"@en ;
    prov:wasDerivedFrom excerpt:1200-1530 .
body:oceea a cthb:SecretariatUnit ; skos:altLabel "OCEEA" ;
    skos:prefLabel "Office of the Co-ordinator of OSCE Economic and Environmental Activities"@en ;
    cthb:renamedTo body:oceea-new ; prov:wasDerivedFrom excerpt:1200-1530 .
body:oceea-new a cthb:SecretariatUnit .
body:srs a cthb:Post ; skos:prefLabel "Special Representative"@en .

activity:2000-2200 a cthb:Activity ; cthb:activityType cthb:Conference ;
    cthb:carriedOutBy body:srs , body:spmu ; cthb:inCooperationWith body:iom ;
    cthb:implements provision:iii-10-2 ; dcterms:date "2006-03" ; cthb:place "Vienna" ;
    cthb:country "Austria" ; prov:wasDerivedFrom excerpt:1200-1530 .
body:iom a cthb:ExternalOrganisation ; skos:prefLabel "International Organization for Migration"@en .
"""


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(ontology_path(), format="turtle")


def cthb_terms(graph: Graph) -> set[URIRef]:
    return {s for s in graph.subjects() if isinstance(s, URIRef) and s in CTHB}


def test_ontology_parses_in_rdflib_and_pyoxigraph(ontology):
    quads = list(pyoxigraph.parse(path=str(ontology_path()), format=pyoxigraph.RdfFormat.TURTLE))
    assert len(quads) == len(ontology) > 0


@pytest.mark.parametrize(
    "prop,expected",
    [
        (OWL.versionIRI, URIRef("https://w3id.org/cthb/ontology/0.1.0")),
        (DCTERMS.license, URIRef("https://creativecommons.org/licenses/by/4.0/")),
        (VANN.preferredNamespacePrefix, "cthb"),
    ],
)
def test_ontology_header(ontology, prop, expected):
    assert (ONTOLOGY_IRI, RDF.type, OWL.Ontology) in ontology
    assert str(ontology.value(ONTOLOGY_IRI, prop)) == str(expected)
    for required in (OWL.versionInfo, DCTERMS.title, DCTERMS.description, DCTERMS.creator):
        assert ontology.value(ONTOLOGY_IRI, required) is not None


def test_ontology_every_term_has_label_and_definition(ontology):
    undocumented = sorted(
        str(term)
        for term in cthb_terms(ontology)
        if ontology.value(term, RDFS.label) is None
        or (ontology.value(term, SKOS.definition) is None and ontology.value(term, RDFS.comment) is None)
    )
    assert undocumented == []


@pytest.mark.parametrize(
    "sub,relation,sup",
    [
        (CTHB.Body, RDFS.subClassOf, ORG.Organization),
        (CTHB.Activity, RDFS.subClassOf, PROV.Activity),
        (CTHB.Report, RDFS.subClassOf, PROV.Entity),
        (CTHB.ActivityType, RDFS.subClassOf, SKOS.Concept),
        (CTHB.Decision, RDFS.subClassOf, CTHB.CommitmentDocument),
        (CTHB.Post, RDFS.subClassOf, CTHB.Body),
        (CTHB.carriedOutBy, RDFS.subPropertyOf, PROV.wasAssociatedWith),
    ],
)
def test_ontology_maps_to_standard_vocabularies(ontology, sub, relation, sup):
    assert (sub, relation, sup) in ontology


def test_ontology_activity_types_form_a_scheme(ontology):
    concepts = set(ontology.subjects(SKOS.inScheme, CTHB.ActivityTypeScheme))
    assert len(concepts) == 13
    for concept in concepts:
        assert {SKOS.Concept, CTHB.ActivityType} <= set(ontology.objects(concept, RDF.type))
        assert ontology.value(concept, SKOS.notation) is not None
        assert ontology.value(concept, SKOS.prefLabel) is not None


def test_ontology_owlrl_closure_is_consistent(ontology):
    graph = Graph()
    graph += ontology
    graph.parse(data=SAMPLE, format="turtle")
    DeductiveClosure(OWLRL_Semantics).expand(graph)

    assert list(graph.subjects(RDF.type, OWL.Nothing)) == []
    assert [str(m) for m in graph.objects(None, ERRNS.error)] == []
    assert list(graph.subjects(RDF.type, ERRNS.ErrorMessage)) == []
    # ... and the mappings do their work: a Secretariat unit is an org:Organization, the agent of an
    # activity is prov:wasAssociatedWith it, the target of cthb:tasks is a Body.
    spmu = URIRef("https://w3id.org/cthb/id/body/spmu")
    activity = URIRef("https://w3id.org/cthb/id/activity/osce-2006/2000-2200")
    assert (spmu, RDF.type, ORG.Organization) in graph
    assert (activity, PROV.wasAssociatedWith, spmu) in graph
    assert (URIRef("https://w3id.org/cthb/id/body/oceea"), RDF.type, CTHB.Body) in graph
