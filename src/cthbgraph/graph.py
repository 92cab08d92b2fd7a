"""Records -> RDF under ontology/cthb.ttl, every extracted fact with the excerpt it was read from.

IRIs are derived from what a resource is (a body's key, a provision's notation, a report's id and a
character span), never from the order of processing, so the same corpus always gives the same graph.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache
from urllib.parse import quote

from rdflib import Graph, Literal, URIRef

from . import mappings
from .extract.bodies import post_offices
from .extract.decisions import ACTION_PLAN_KEY, ACTION_PLAN_LABEL
from .extract.partners import long_country_names
from .labels import activity_label, document_label, readable
from .linking.rdf import add_link
from .records import Activity, BodyMention, Excerpt, Extraction, Rename, Report
from .resources import ontology_path
from .vocab import ACTIVITY_TYPES, CTHB, DCTERMS, DEFAULT_BASE, OA, ORG, PROV, RDF, RDFS, SKOS, XSD, bind_prefixes

# The Action Plan was adopted as the annex of this Permanent Council decision.
ACTION_PLAN_NOTATION = "PC.DEC/557/Rev.1, Annex"
_DOCUMENT_CLASSES = {"Decision": CTHB.Decision, "Declaration": CTHB.Declaration, "ActionPlan": CTHB.ActionPlan}
_DOCUMENT_PATHS = {"Decision": "decision", "Declaration": "declaration", "ActionPlan": "document"}


@dataclass(frozen=True)
class Iris:
    """The one documented IRI pattern of every resource: ``{base}{kind}/{key}``."""

    base: str = DEFAULT_BASE

    def _iri(self, *parts: str) -> URIRef:
        return URIRef(self.base + "/".join(quote(p, safe="-._~") for p in parts))

    def report(self, report_id: str) -> URIRef:
        return self._iri("report", report_id)

    def report_graph(self, report_id: str) -> URIRef:
        """The named graph of what one report says (every triple of its graph part): ``{base}graph/report/{id}``.

        Not the report's own IRI: the report is a document (``cthb:Report``), the graph is the set
        of statements read from it; ``{base}graph`` is where ``cthbgraph publish`` puts the whole graph.
        """
        return self._iri("graph", "report", report_id)

    def excerpt(self, e: Excerpt) -> URIRef:
        return self._iri("excerpt", e.report, f"{e.start}-{e.end}")

    def body(self, key: str) -> URIRef:
        return self._iri("body", key)

    def change(self, e: Excerpt) -> URIRef:
        return self._iri("change", e.report, f"{e.start}-{e.end}")

    def document(self, kind: str, key: str) -> URIRef:
        return self._iri(_DOCUMENT_PATHS[kind], key)

    def action_plan(self) -> URIRef:
        return self.document("ActionPlan", ACTION_PLAN_KEY)

    def section(self, notation: str) -> URIRef:
        return self._iri("section", notation)

    def provision(self, notation: str) -> URIRef:
        return self._iri("provision", notation)

    def activity(self, e: Excerpt) -> URIRef:
        return self._iri("activity", e.report, f"{e.start}-{e.end}")

    def country(self, key: str) -> URIRef:
        return self._iri("country", key)


def build_graph(extractions: Iterable[Extraction], base: str = DEFAULT_BASE) -> Graph:
    """One graph of every extraction."""
    ordered = sorted(extractions, key=lambda e: e.report.id)
    return report_graph(ordered, Choices.merge(Choices.of(e) for e in ordered), base=base)


@dataclass(frozen=True)
class Choices:
    """What the graph of a report takes from the other reports: the label of each body and the
    wording of each provision, both from the first report (by id) that has one.

    With these made over the whole corpus first, the graph of every report can be built on its own
    (in any order, in any process) and the union of those graphs is the graph of the corpus. Every
    report's graph is also self-contained for the shapes: its facts only point at resources it
    describes.
    """

    labels: dict[str, str]
    texts: dict[str, str]
    # The confidence of each body (by key) and document (by kind and key): the highest of its mentions
    # over the corpus, so that every report's graph gives a resource the same one.
    confidences: dict[str, float] = field(default_factory=dict)

    @classmethod
    def of(cls, extraction: Extraction) -> Choices:
        labels: dict[str, str] = {}
        texts: dict[str, str] = {}
        confidences: dict[str, float] = {}
        for mention in _mentions(extraction):
            labels.setdefault(mention.key, mention.label)
            confidences[mention.key] = max(confidences.get(mention.key, 0.0), mention.confidence)
        for ref in extraction.decisions:
            key = f"{ref.kind}/{ref.key}"
            confidences[key] = max(confidences.get(key, 0.0), ref.confidence)
        for provision in extraction.provisions:
            texts.setdefault(provision.notation, provision.text)
        return cls(labels, texts, confidences)

    @classmethod
    def merge(cls, choices: Iterable[Choices]) -> Choices:
        """The choices of reports given in the order of their ids: the first one wins."""
        labels: dict[str, str] = {}
        texts: dict[str, str] = {}
        confidences: dict[str, float] = {}
        for c in choices:
            for key, label in c.labels.items():
                labels.setdefault(key, label)
            for notation, text in c.texts.items():
                texts.setdefault(notation, text)
            for key, value in c.confidences.items():
                confidences[key] = max(confidences.get(key, 0.0), value)
        return cls(labels, texts, confidences)


def report_graph(extractions: Iterable[Extraction], choices: Choices, base: str = DEFAULT_BASE) -> Graph:
    """The graph of one report (or a few), with the labels and wordings chosen over the corpus."""
    builder = _GraphBuilder(Iris(base), choices)
    for extraction in extractions:
        builder.add(extraction)
    return builder.finish()


def _mentions(extraction: Extraction) -> Iterator[BodyMention]:
    """Body mentions in the order the builder meets them."""
    yield from extraction.bodies
    for provision in extraction.provisions:
        yield from provision.tasked
        yield from provision.partners
    for activity in extraction.activities:
        yield from activity.agents
        yield from activity.partners
    for rename in extraction.renames:
        yield rename.old
        yield rename.new


class _GraphBuilder:
    def __init__(self, iris: Iris, choices: Choices):
        self.iris = iris
        self.g = Graph()
        bind_prefixes(self.g, base=iris.base)
        self.choices = choices
        self.body_surfaces: dict[str, set[str]] = defaultdict(set)
        self.used_bodies: set[str] = set()
        self.used_countries: set[str] = set()
        self.documents: dict[URIRef, str] = {}

    def evidence(self, subject: URIRef, excerpt: Excerpt) -> None:
        node = self.iris.excerpt(excerpt)
        g = self.g
        g.add((subject, PROV.wasDerivedFrom, node))
        g.add((node, RDF.type, CTHB.Excerpt))
        g.add((node, OA.exact, Literal(excerpt.text)))
        # xsd:integer, which the store keeps as it is (Oxigraph turns xsd:nonNegativeInteger into it).
        g.add((node, OA.start, Literal(excerpt.start, datatype=XSD.integer)))
        g.add((node, OA.end, Literal(excerpt.end, datatype=XSD.integer)))
        g.add((node, DCTERMS.source, self.iris.report(excerpt.report)))

    def body(self, mention: BodyMention) -> URIRef:
        iri = self.iris.body(mention.key)
        g = self.g
        g.add((iri, RDF.type, CTHB.Body))
        g.add((iri, RDF.type, CTHB[mention.kind]))
        if mention.partner_kind:
            g.add((iri, RDF.type, _PARTNER_CLASSES[mention.partner_kind]))
            name = long_country_names().get(mention.country, mention.country)
            country = mappings.countries().get(name) if name else None
            if country is not None:
                g.add((iri, DCTERMS.spatial, self.iris.country(country.key)))
                self.used_countries.add(name)
        self.used_bodies.add(mention.key)
        self.body_surfaces[mention.key].add(" ".join(mention.excerpt.text.replace("*", " ").split()))
        self.evidence(iri, mention.excerpt)
        return iri

    def add(self, extraction: Extraction) -> None:
        g, iris = self.g, self.iris
        report = iris.report(extraction.report.id)
        self.report(report, extraction.report)
        for mention in extraction.bodies:
            g.add((report, CTHB.cites, self.body(mention)))
        for ref in extraction.decisions:
            doc = iris.document(ref.kind, ref.key)
            g.add((doc, RDF.type, CTHB.CommitmentDocument))
            g.add((doc, RDF.type, _DOCUMENT_CLASSES[ref.kind]))
            if ref.key == ACTION_PLAN_KEY:
                g.add((doc, SKOS.notation, Literal(ACTION_PLAN_NOTATION)))
                g.add((doc, SKOS.prefLabel, Literal(ACTION_PLAN_LABEL, lang="en")))
            else:
                g.add((doc, SKOS.notation, Literal(ref.notation)))
                g.add((doc, SKOS.prefLabel, Literal(document_label(ref.notation), lang="en")))
            surface = " ".join(ref.excerpt.text.split())
            if surface != ref.notation:
                g.add((doc, SKOS.altLabel, Literal(surface, lang="en")))
            g.add((report, CTHB.cites, doc))
            self.evidence(doc, ref.excerpt)
            self.documents[doc] = f"{ref.kind}/{ref.key}"
        for provision in extraction.provisions:
            self.provision(provision)
        for activity in extraction.activities:
            self.activity(activity)
        for rename in extraction.renames:
            self.lineage(rename)
        for link in extraction.links:
            add_link(g, iris, link)
        self.posts()

    def lineage(self, rename: Rename) -> None:
        """ "X, now Y" (cthb:renamedTo) or "X, replaced by Y" (cthb:succeededBy), and the change as an
        org:ChangeEvent with the sentence it was read from."""
        g = self.g
        old, new = self.body(rename.old), self.body(rename.new)
        g.add((old, CTHB.succeededBy if rename.relation == "succeeded" else CTHB.renamedTo, new))
        event = self.iris.change(rename.excerpt)
        g.add((event, RDF.type, ORG.ChangeEvent))
        g.add((event, ORG.originalOrganization, old))
        g.add((event, ORG.resultingOrganization, new))
        self.evidence(event, rename.excerpt)
        # An org:ChangeEvent is a prov:Activity, which prov:wasDerivedFrom does not fit: cthb:evidence does.
        g.add((event, CTHB.evidence, self.iris.excerpt(rename.excerpt)))

    def posts(self) -> None:
        """A post and the office that serves it (gazetteer ``office``), when the report names both:
        org:postIn links the Special Representative to the Office of the Special Representative."""
        for post, office in post_offices().items():
            if post in self.used_bodies and office in self.used_bodies:
                self.g.add((self.iris.body(post), ORG.postIn, self.iris.body(office)))

    def report(self, iri: URIRef, report: Report) -> None:
        g = self.g
        g.add((iri, RDF.type, CTHB.Report))
        g.add((iri, DCTERMS.identifier, Literal(report.id)))
        if report.title:
            g.add((iri, DCTERMS.title, Literal(report.title, lang="en")))
        if report.publisher:
            g.add((iri, DCTERMS.publisher, Literal(report.publisher)))
        if report.year:
            g.add((iri, CTHB.reportYear, Literal(str(report.year), datatype=XSD.gYear)))
        if report.language:
            g.add((iri, DCTERMS.language, Literal(report.language)))
        if report.source:
            g.add((iri, DCTERMS.source, Literal(report.source)))
        if report.date:
            g.add((iri, DCTERMS.date, Literal(report.date)))

    def provision(self, provision) -> None:
        g, iris = self.g, self.iris
        plan = iris.action_plan()
        g.add((plan, RDF.type, CTHB.CommitmentDocument))
        g.add((plan, RDF.type, CTHB.ActionPlan))
        g.add((plan, SKOS.notation, Literal(ACTION_PLAN_NOTATION)))
        g.add((plan, SKOS.prefLabel, Literal(ACTION_PLAN_LABEL, lang="en")))
        section = iris.section(provision.section)
        g.add((section, RDF.type, CTHB.Section))
        g.add((section, SKOS.notation, Literal(provision.section)))
        g.add((section, DCTERMS.isPartOf, plan))
        chapter_notation = provision.section.split(".")[0]
        if chapter_notation != provision.section:  # "III.10" is part of chapter "III", a section too
            chapter = iris.section(chapter_notation)
            g.add((chapter, RDF.type, CTHB.Section))
            g.add((chapter, SKOS.notation, Literal(chapter_notation)))
            g.add((chapter, DCTERMS.isPartOf, plan))
            g.add((section, DCTERMS.isPartOf, chapter))
        iri = iris.provision(provision.notation)
        g.add((iri, RDF.type, CTHB.Provision))
        g.add((iri, SKOS.notation, Literal(provision.notation)))
        g.add((iri, DCTERMS.isPartOf, section))
        # A provision quoted by several reports keeps the wording of the first (see Choices).
        if self.choices.texts[provision.notation] == provision.text:
            g.add((iri, CTHB.text, Literal(readable(provision.text))))
        self.evidence(iri, provision.excerpt)
        self.evidence(section, provision.excerpt)
        self.evidence(plan, provision.excerpt)
        for body in provision.tasked:
            g.add((iri, CTHB.tasks, self.body(body)))
        for body in provision.partners:
            g.add((iri, CTHB.inCooperationWith, self.body(body)))

    def activity(self, activity: Activity) -> None:
        g, iris = self.g, self.iris
        iri = iris.activity(activity.excerpt)
        g.add((iri, RDF.type, CTHB.Activity))
        g.add((iri, RDFS.label, Literal(activity_label(activity), lang="en")))
        g.add((iri, CTHB.activityType, ACTIVITY_TYPES.get(activity.type, CTHB.OtherActivity)))
        g.add((iri, DCTERMS.source, iris.report(activity.excerpt.report)))
        for body in activity.agents:
            g.add((iri, CTHB.carriedOutBy, self.body(body)))
        for body in activity.partners:
            g.add((iri, CTHB.inCooperationWith, self.body(body)))
        if activity.date:
            g.add((iri, DCTERMS.date, Literal(activity.date)))
        if activity.place:
            g.add((iri, CTHB.place, Literal(activity.place)))
        if activity.country:
            g.add((iri, CTHB.country, Literal(activity.country)))
            country = mappings.countries().get(activity.country)
            if country is not None:
                g.add((iri, DCTERMS.spatial, iris.country(country.key)))
                self.used_countries.add(activity.country)
        if activity.provision:
            g.add((iri, CTHB.implements, iris.provision(activity.provision)))
        g.add((iri, CTHB.confidence, _decimal(activity.confidence)))
        # An activity is an event: every sentence describing it is its evidence (cthb:evidence;
        # prov:wasDerivedFrom kept beside it for one release, see DESIGN.md "Contract additions").
        for excerpt in activity.evidence:
            self.evidence(iri, excerpt)
            g.add((iri, CTHB.evidence, iris.excerpt(excerpt)))
        g.add((iri, CTHB.leadEvidence, iris.excerpt(activity.excerpt)))

    def finish(self) -> Graph:
        # The activity-type concepts travel with the data, so their labels answer queries and the
        # graph validates on its own.
        ontology = _ontology()
        for concept in set(self.g.objects(None, CTHB.activityType)):
            for p, o in ontology.predicate_objects(concept):
                self.g.add((concept, p, o))
        for key in sorted(self.used_bodies):
            label = self.choices.labels[key]
            iri = self.iris.body(key)
            self.g.add((iri, SKOS.prefLabel, Literal(label, lang="en")))
            for surface in sorted(self.body_surfaces[key] - {label}):
                self.g.add((iri, SKOS.altLabel, Literal(surface, lang="en")))
            # A body is as sure as its surest mention in the corpus.
            self.g.add((iri, CTHB.confidence, _decimal(self.choices.confidences.get(key, 1.0))))
        for doc, key in self.documents.items():
            self.g.add((doc, CTHB.confidence, _decimal(self.choices.confidences.get(key, 1.0))))
        self.links_out()
        return self.g

    def links_out(self) -> None:
        """The countries the activities name, and the curated links of resources in this graph."""
        g = self.g
        for name in sorted(self.used_countries):
            country = mappings.countries()[name]
            iri = self.iris.country(country.key)
            g.add((iri, RDF.type, DCTERMS.Location))
            g.add((iri, SKOS.prefLabel, Literal(name, lang="en")))
            if country.iso:
                g.add((iri, SKOS.notation, Literal(country.iso)))
            if country.wikidata:
                g.add((iri, SKOS.exactMatch, URIRef(country.wikidata)))
        for link in mappings.links():
            subject = URIRef(self.iris.base + link.resource)
            if (subject, None, None) in g:
                g.add((subject, SKOS[link.match], URIRef(link.target)))


# The kinds of partner (``BodyMention.partner_kind``) -> their subclass of cthb:ExternalOrganisation.
_PARTNER_CLASSES = {
    "national-authority": CTHB.NationalAuthority,
    "ngo": CTHB.NonGovernmentalOrganisation,
    "international-organisation": CTHB.InternationalOrganisation,
    "treaty-body": CTHB.TreatyBody,
    "embassy": CTHB.Embassy,
    "other-partner": CTHB.OtherPartner,
}


def _decimal(value: float) -> Literal:
    return Literal(Decimal(f"{value:.2f}"), datatype=XSD.decimal)


@lru_cache(maxsize=1)
def _ontology() -> Graph:
    return Graph().parse(ontology_path(), format="turtle")
