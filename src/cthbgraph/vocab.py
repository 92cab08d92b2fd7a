"""The cthb: vocabulary as Python names, and the prefixes every graph of ours binds.

`CTHB` is a closed namespace in the manner of rdflib's `ORG`: `CTHB.Provision` is an IRI, `CTHB.Provison`
raises `AttributeError`, so a typo fails at once instead of minting a term nobody defined. The terms
are those of ontology/cthb.ttl; tests/test_vocab.py fails when the two drift apart.
"""

from __future__ import annotations

from rdflib import Graph, Namespace, URIRef
from rdflib.namespace import DCAT, DCTERMS, ORG, OWL, PROV, RDF, RDFS, SKOS, VOID, XSD, DefinedNamespace

__all__ = [
    "ACTIVITY_TYPES",
    "CTHB",
    "DCAT",
    "DCTERMS",
    "DEFAULT_BASE",
    "OA",
    "ORG",
    "OWL",
    "PROV",
    "RDF",
    "RDFS",
    "SKOS",
    "VOID",
    "XSD",
    "bind_prefixes",
]

#: Where resources (bodies, provisions, excerpts ...) live unless the user configures another base.
DEFAULT_BASE = "https://w3id.org/cthb/id/"

#: Web Annotation; rdflib ships no namespace for it. Used for excerpts: oa:exact, oa:start, oa:end.
OA = Namespace("http://www.w3.org/ns/oa#")


class CTHB(DefinedNamespace):
    """The cthb: ontology, https://w3id.org/cthb/ontology# (generated from ontology/cthb.ttl)."""

    _fail = True
    _NS = Namespace("https://w3id.org/cthb/ontology#")

    # classes
    CommitmentDocument: URIRef  # an adopted OSCE text: decision, declaration, summit document, action plan
    Decision: URIRef  # a decision of an OSCE decision-making body
    Declaration: URIRef  # a declaration or statement, including summit declarations
    ActionPlan: URIRef  # an adopted plan of numbered commitments (sections and provisions)
    Section: URIRef  # a chapter or section of an action plan ("III", "III.10")
    Provision: URIRef  # one numbered commitment paragraph ("III.10.2")
    Body: URIRef  # an actor; ⊑ org:Organization, prov:Agent
    FieldOperation: URIRef  # an OSCE mission, centre, office or project co-ordinator
    Institution: URIRef  # ODIHR, HCNM, RFoM ...
    SecretariatUnit: URIRef  # a unit or office of the OSCE Secretariat
    DecisionMakingBody: URIRef  # Summit, Ministerial Council, Permanent Council, FSC, Chairmanship
    ExternalOrganisation: URIRef  # a partner outside the OSCE
    Post: URIRef  # a post acting in its own name (Secretary General, Special Representative)
    NationalAuthority: URIRef  # a partner that is a body of a State; ⊑ ExternalOrganisation
    NonGovernmentalOrganisation: URIRef  # an NGO, foundation, association; ⊑ ExternalOrganisation
    InternationalOrganisation: URIRef  # an international or regional organisation; ⊑ ExternalOrganisation
    TreatyBody: URIRef  # a treaty-monitoring body or special procedure; ⊑ ExternalOrganisation
    Embassy: URIRef  # an embassy, permanent mission or delegation; ⊑ ExternalOrganisation
    OtherPartner: URIRef  # a university, institute, platform ...; ⊑ ExternalOrganisation
    Activity: URIRef  # something a body did; ⊑ prov:Activity
    ActivityType: URIRef  # a kind of activity; ⊑ skos:Concept
    Report: URIRef  # a corpus document; ⊑ prov:Entity
    Excerpt: URIRef  # a span of a report: oa:exact, oa:start, oa:end, dcterms:source
    LinkAssessment: URIRef  # one judged activity -> provision link: basis, score, method

    # object properties
    tasks: URIRef  # provision or document -> body it assigns a task to
    inCooperationWith: URIRef  # provision or activity -> partner body, not tasked
    carriedOutBy: URIRef  # activity -> body that did it; ⊑ prov:wasAssociatedWith
    implements: URIRef  # activity -> provision
    endorses: URIRef  # decision -> document it endorses
    amends: URIRef  # decision -> document it amends
    cites: URIRef  # report -> document or body it refers to
    activityType: URIRef  # activity -> concept of ActivityTypeScheme
    renamedTo: URIRef  # body -> the body it continues as under a new name (linked, not merged)
    succeededBy: URIRef  # body -> the body that took over its work (linked, not merged)
    mayImplement: URIRef  # activity -> provision it serves by content, inferred; never stated
    activity: URIRef  # link assessment -> the activity it judges
    provision: URIRef  # link assessment -> the provision it judges
    evidence: URIRef  # extracted resource -> excerpt; ⊑ prov:wasInfluencedBy (activities are not prov:Entity)
    leadEvidence: URIRef  # activity -> the first excerpt that reports it; ⊑ evidence

    # datatype properties
    text: URIRef  # the wording of a provision (xsd:string)
    place: URIRef  # where an activity took place (xsd:string)
    country: URIRef  # country name of an activity (xsd:string)
    reportYear: URIRef  # the year a report covers (xsd:gYear)
    basis: URIRef  # "cited", "placed" or "inferred"
    score: URIRef  # 0-1 support of a link (xsd:decimal)
    method: URIRef  # what made a link assessment, with its version
    confidence: URIRef  # 0-1 trust of the rule or model that extracted a fact (xsd:decimal)

    # the activity-type concept scheme and its concepts
    ActivityTypeScheme: URIRef
    Training: URIRef
    Workshop: URIRef
    Conference: URIRef
    Meeting: URIRef
    CountryVisit: URIRef
    Publication: URIRef
    Project: URIRef
    LegislativeAssistance: URIRef
    Research: URIRef
    AwarenessRaising: URIRef
    Monitoring: URIRef
    Advocacy: URIRef
    OtherActivity: URIRef


#: The extraction's activity-type key (the concept's skos:notation) -> the concept IRI.
ACTIVITY_TYPES: dict[str, URIRef] = {
    "training": CTHB.Training,
    "workshop": CTHB.Workshop,
    "conference": CTHB.Conference,
    "meeting": CTHB.Meeting,
    "country-visit": CTHB.CountryVisit,
    "publication": CTHB.Publication,
    "project": CTHB.Project,
    "legislative-assistance": CTHB.LegislativeAssistance,
    "research": CTHB.Research,
    "awareness-raising": CTHB.AwarenessRaising,
    "monitoring": CTHB.Monitoring,
    "advocacy": CTHB.Advocacy,
    "other": CTHB.OtherActivity,
}

_PREFIXES = {
    "cthb": str(CTHB),
    "oa": str(OA),
    "org": str(ORG),
    "prov": str(PROV),
    "skos": str(SKOS),
    "dcterms": str(DCTERMS),
    "void": str(VOID),
    "dcat": str(DCAT),
    "owl": str(OWL),
    "rdfs": str(RDFS),
    "xsd": str(XSD),
}


def bind_prefixes(graph: Graph, base: str = DEFAULT_BASE) -> Graph:
    """Bind our prefixes on `graph` so Turtle output and compact IRIs read well.

    graph (Graph): the graph to bind on; it is changed in place.
    base (str): the resource base, bound as `cthbid:`.
    RETURNS (Graph): the same graph, for chaining.
    """
    # replace=True: rdflib pre-binds some prefixes (e.g. "dcterms", "prov") and a graph parsed from
    # a file may carry other names for our namespaces; ours must win so output is stable.
    for prefix, iri in {**_PREFIXES, "cthbid": base}.items():
        graph.bind(prefix, iri, override=True, replace=True)
    return graph
