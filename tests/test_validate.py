"""validate() on small graphs built the way the graph builder builds them: one good, several broken."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import RDFS, SH

from cthbgraph import vocab
from cthbgraph.resources import ontology_path, shapes_paths
from cthbgraph.validation import Severity, ValidationReport, validate
from cthbgraph.vocab import CTHB, DCTERMS, OA, PROV, RDF, SKOS, bind_prefixes

ID = Namespace("https://w3id.org/cthb/id/")

# From the 2006 report: Action Plan provision III.10.2 as the report quotes it.
PROVISION_SENTENCE = (
    "III.10.2 The Strategic Police Matters Unit and the Office of the OSCE Co-ordinator of Economic and "
    "Environmental Activities (OCEEA) will facilitate the exchange of information between participating "
    "States on best practices to be used by relevant investigating units to check the possibly criminal "
    "and trafficking-related origin of suspicious assets."
)
ACTIVITY_SENTENCE = (
    "In March 2006 the Office of the Special Representative, in co-operation with the International "
    "Organization for Migration (IOM), organized a high-level conference in Vienna on investigating "
    "child trafficking."
)

REPORT = ID["report/osce-2006"]
PROVISION_EXCERPT = ID["excerpt/osce-2006/1200-1530"]
ACTIVITY_EXCERPT = ID["excerpt/osce-2006/4100-4290"]
ACTION_PLAN = ID["document/pc-dec-557"]
SECTION = ID["section/iii-10"]
PROVISION = ID["provision/iii-10-2"]
SPMU = ID["body/spmu"]
OCEEA = ID["body/oceea"]
SPECIAL_REPRESENTATIVE = ID["body/special-representative"]
IOM = ID["body/iom"]
ACTIVITY = ID["activity/osce-2006/4100-4290"]


def add_excerpt(g: Graph, iri: URIRef, start: int, text: str) -> None:
    g.add((iri, RDF.type, CTHB.Excerpt))
    g.add((iri, OA.exact, Literal(text)))
    g.add((iri, OA.start, Literal(start, datatype=vocab.XSD.integer)))
    g.add((iri, OA.end, Literal(start + len(text), datatype=vocab.XSD.integer)))
    g.add((iri, DCTERMS.source, REPORT))


def add_body(g: Graph, iri: URIRef, kind: URIRef, name: str, evidence: URIRef) -> None:
    # Only the most specific class: the ontology given to pySHACL supplies cthb:Body.
    g.add((iri, RDF.type, kind))
    g.add((iri, SKOS.prefLabel, Literal(name, lang="en")))
    g.add((iri, PROV.wasDerivedFrom, evidence))


def sample_graph() -> Graph:
    """A provision, the bodies it tasks and an activity implementing it, each with its evidence."""
    g = bind_prefixes(Graph())
    g.add((REPORT, RDF.type, CTHB.Report))
    g.add((REPORT, CTHB.reportYear, Literal("2006", datatype=vocab.XSD.gYear)))
    add_excerpt(g, PROVISION_EXCERPT, 1200, PROVISION_SENTENCE)
    add_excerpt(g, ACTIVITY_EXCERPT, 4100, ACTIVITY_SENTENCE)

    g.add((ACTION_PLAN, RDF.type, CTHB.ActionPlan))
    g.add((ACTION_PLAN, SKOS.notation, Literal("PC.DEC/557")))
    g.add((ACTION_PLAN, SKOS.prefLabel, Literal("OSCE Action Plan to Combat Trafficking in Human Beings", lang="en")))
    g.add((ACTION_PLAN, PROV.wasDerivedFrom, PROVISION_EXCERPT))
    g.add((SECTION, RDF.type, CTHB.Section))
    g.add((SECTION, SKOS.notation, Literal("III.10")))
    g.add((SECTION, DCTERMS.isPartOf, ACTION_PLAN))
    g.add((PROVISION, RDF.type, CTHB.Provision))
    g.add((PROVISION, SKOS.notation, Literal("III.10.2")))
    g.add((PROVISION, DCTERMS.isPartOf, SECTION))
    g.add((PROVISION, CTHB.text, Literal(PROVISION_SENTENCE.removeprefix("III.10.2 "))))
    g.add((PROVISION, CTHB.tasks, SPMU))
    g.add((PROVISION, CTHB.tasks, OCEEA))
    g.add((PROVISION, PROV.wasDerivedFrom, PROVISION_EXCERPT))

    add_body(g, SPMU, CTHB.SecretariatUnit, "Strategic Police Matters Unit", PROVISION_EXCERPT)
    add_body(
        g, OCEEA, CTHB.SecretariatUnit, "Office of the Co-ordinator of OSCE Economic and Environmental Activities",
        PROVISION_EXCERPT,
    )
    g.add((OCEEA, SKOS.altLabel, Literal("OCEEA")))
    add_body(g, SPECIAL_REPRESENTATIVE, CTHB.Post, "Special Representative", ACTIVITY_EXCERPT)
    add_body(g, IOM, CTHB.ExternalOrganisation, "International Organization for Migration", ACTIVITY_EXCERPT)

    g.add((ACTIVITY, RDF.type, CTHB.Activity))
    g.add((ACTIVITY, CTHB.activityType, CTHB.Conference))
    g.add((ACTIVITY, CTHB.carriedOutBy, SPECIAL_REPRESENTATIVE))
    g.add((ACTIVITY, CTHB.inCooperationWith, IOM))
    g.add((ACTIVITY, CTHB.implements, PROVISION))
    g.add((ACTIVITY, DCTERMS.date, Literal("2006-03", datatype=vocab.XSD.gYearMonth)))
    g.add((ACTIVITY, CTHB.place, Literal("Vienna")))
    g.add((ACTIVITY, PROV.wasDerivedFrom, ACTIVITY_EXCERPT))
    g.add((ACTIVITY, CTHB.evidence, ACTIVITY_EXCERPT))  # an activity's evidence; the line above for one release
    g.add((ACTIVITY, CTHB.leadEvidence, ACTIVITY_EXCERPT))  # the one that stands for it in lists
    return g


def test_validate_sample_conforms():
    report = validate(sample_graph())
    assert report.conforms, report.render()
    assert report.results == ()
    assert report.render().startswith("Conforms: 0 violations in")


def without_evidence(g: Graph) -> None:
    g.remove((PROVISION, PROV.wasDerivedFrom, None))


def bad_notation(g: Graph) -> None:
    g.set((PROVISION, SKOS.notation, Literal("III.x")))


def activity_without_evidence(g: Graph) -> None:
    g.remove((ACTIVITY, CTHB.evidence, None))


def without_agent(g: Graph) -> None:
    g.remove((ACTIVITY, CTHB.carriedOutBy, None))


def without_start(g: Graph) -> None:
    g.remove((ACTIVITY_EXCERPT, OA.start, None))


def body_without_name(g: Graph) -> None:
    # Typed only cthb:SecretariatUnit: the Body shape must still reach it through rdfs:subClassOf.
    g.remove((SPMU, SKOS.prefLabel, None))


def tasks_a_report(g: Graph) -> None:
    g.add((PROVISION, CTHB.tasks, REPORT))


def unknown_activity_type(g: Graph) -> None:
    g.set((ACTIVITY, CTHB.activityType, ID["type/picnic"]))


def start_after_end(g: Graph) -> None:
    g.set((ACTIVITY_EXCERPT, OA.start, Literal(5000, datatype=vocab.XSD.integer)))


@pytest.mark.parametrize(
    "break_it,focus,rule,path,value,message,evidence",
    [
        (without_evidence, PROVISION, "MinCount", "prov:wasDerivedFrom", "", "A fact without evidence", ""),
        (bad_notation, PROVISION, "Pattern", "skos:notation", '"III.x"', "chapter.section.paragraph", PROVISION_SENTENCE),
        (without_agent, ACTIVITY, "MinCount", "cthb:carriedOutBy", "", "at least one body", ACTIVITY_SENTENCE),
        (activity_without_evidence, ACTIVITY, "MinCount", "cthb:evidence", "", "excerpt(s) it was read from", ACTIVITY_SENTENCE),
        (without_start, ACTIVITY_EXCERPT, "MinCount", "oa:start", "", "exactly one oa:start", ACTIVITY_SENTENCE),
        (body_without_name, SPMU, "MinCount", "skos:prefLabel", "", "exactly one skos:prefLabel", PROVISION_SENTENCE),
        (tasks_a_report, PROVISION, "Class", "cthb:tasks", "cthbid:report/osce-2006", "can only task", PROVISION_SENTENCE),
        (unknown_activity_type, ACTIVITY, "Class", "cthb:activityType", "cthbid:type/picnic", "a concept of", ACTIVITY_SENTENCE),
        (start_after_end, ACTIVITY_EXCERPT, "LessThan", "oa:start", '"5000"^^xsd:integer', "less than", ACTIVITY_SENTENCE),
    ],
)
def test_validate_reports_defect(
    break_it: Callable[[Graph], None], focus, rule, path, value, message, evidence
):
    data = sample_graph()
    break_it(data)
    report = validate(data)

    assert not report.conforms
    assert len(report.results) == 1, report.render()
    result = report.results[0]
    assert (result.focus, result.rule, result.path, result.value) == (str(focus), rule, path, value)
    assert message in result.message
    assert result.severity is Severity.VIOLATION
    assert result.evidence == evidence
    assert result.report == (str(REPORT) if evidence else "")
    assert report.triples == len(data)


def test_validate_render_reads_as_text():
    data = sample_graph()
    bad_notation(data)
    text = validate(data).render()

    assert text.splitlines()[:3] == [
        f"Does not conform: 1 violation in {len(data)} triples",
        "• Provision III.x — A provision notation must be chapter.section.paragraph, a Roman numeral then two "
        'numbers, as a plain string (e.g. "III.10.2").',
        '    rule: Pattern on skos:notation, value: "III.x"',
    ]
    # The evidence line quotes the sentence, shortened to 200 characters.
    evidence = text.splitlines()[3]
    assert evidence.startswith("    evidence (cthbid:report/osce-2006): “III.10.2 The Strategic Police Matters Unit")
    assert evidence.endswith("…”") and len(evidence.split("“", 1)[1]) == 201


def test_validate_render_says_when_there_is_no_evidence():
    data = sample_graph()
    without_evidence(data)
    assert "    evidence: none" in validate(data).render().splitlines()


def test_validate_does_not_change_the_data():
    data = sample_graph()
    unknown_activity_type(data)  # a result to report, read from the data after the check
    before = set(data)
    validate(data)
    assert set(data) == before


def test_validate_leaves_a_class_the_data_states_itself():
    """The class hierarchy goes into the data for the check only: a triple of it that the data
    already held stays."""
    data = sample_graph()
    stated = (CTHB.FieldOperation, RDFS.subClassOf, CTHB.Body)
    data.add(stated)
    assert validate(data).conforms
    assert stated in data


def test_validate_report_is_typed_and_frozen():
    report = validate(sample_graph())
    assert isinstance(report, ValidationReport)
    with pytest.raises(AttributeError):
        report.conforms = False  # type: ignore[misc]


def test_shapes_every_constraint_has_a_message():
    shapes = Graph()
    for path in shapes_paths():
        shapes.parse(path, format="turtle")
    property_shapes = set(shapes.objects(None, SH.property))
    assert property_shapes
    assert [s for s in property_shapes if shapes.value(s, SH.message) is None] == []


def test_resources_found_in_checkout():
    assert ontology_path().name == "cthb.ttl"
    assert [p.name for p in shapes_paths()] == ["cthb-shapes.ttl"]
