"""The dataset record: DCAT-AP 3.0 (catalogue, dataset, distributions, endpoint), PROV, VoID.

Both files describe the same dataset IRI, ``{base}dcat.ttl#dataset``: a hash IRI in the document
that describes it, so it resolves on any static web server. Everything in them comes from the
graph and the :class:`~cthbgraph.lod.site.DatasetInfo` (with the build's
:class:`~cthbgraph.provenance.BuildProvenance`), so the record is identical for the same build.

The record passes the official DCAT-AP 3.0.0 shapes of SEMIC (``shapes/dcat-ap-3.0.0/``, the
mandatory constraints and the recommended properties) as it is: the controlled values come from the
EU vocabularies DCAT-AP names (licence, file type, language, access right, frequency, data theme,
planned availability) and from IANA (media types), and every value is typed with the class the
shapes expect (``dct:LicenseDocument``, ``dct:MediaType`` ...). A SEMIC validator infers those
classes from the vocabularies' own files (DCAT, DC Terms, FOAF ...) and the EU authority tables;
stating them makes the record check the same without those files (see docs/publishing.md).
"""

from __future__ import annotations

from pathlib import Path

from rdflib import Graph, Literal, Namespace, URIRef

from ..vocab import CTHB, DCAT, DCTERMS, PROV, RDF, RDFS, SKOS, VOID, XSD, bind_prefixes

# rdflib ships DCAT 2, which has no dcat:version (added in DCAT 3).
DCAT_VERSION = URIRef("http://www.w3.org/ns/dcat#version")
FOAF = Namespace("http://xmlns.com/foaf/0.1/")
VCARD = Namespace("http://www.w3.org/2006/vcard/ns#")
SPDX = Namespace("http://spdx.org/rdf/terms#")
DCATAP = Namespace("http://data.europa.eu/r5r/")
SHAPES = Path(__file__).resolve().parent / "shapes"
#: The project's own policy for its record (licence, version, sized distributions).
DCAT_AP_SHAPES = SHAPES / "dcat-ap-core.ttl"
#: SEMIC's DCAT-AP 3.0.0 shapes, unchanged: the mandatory constraints, and the recommended
#: properties (as warnings). See shapes/dcat-ap-3.0.0/README.md.
DCAT_AP_OFFICIAL = (SHAPES / "dcat-ap-3.0.0" / "dcat-ap-SHACL.ttl", SHAPES / "dcat-ap-3.0.0" / "shapes_recommended.ttl")

_EU = "http://publications.europa.eu/resource/authority/"
_MEDIA = "http://www.iana.org/assignments/media-types/"
#: Licences by the address people write, as the EU licence table names them, with their ADMS licence type.
EU_LICENCES = {"https://creativecommons.org/licenses/by/4.0/": (_EU + "licence/CC_BY_4_0", "http://purl.org/adms/licencetype/Attribution")}
_FILE_TYPES = {
    "text/turtle": _EU + "file-type/RDF_TURTLE",
    "application/n-triples": _EU + "file-type/RDF_N_TRIPLES",
    "application/n-quads": _EU + "file-type/RDF_N_QUADS",
    "application/trig": _EU + "file-type/RDF_TRIG",
}
#: Dumps of the named graphs (one a report) rather than of the one graph.
_DATASET_MEDIA = ("application/n-quads", "application/trig")
_ENGLISH = URIRef(_EU + "language/ENG")
_PUBLIC = URIRef(_EU + "access-right/PUBLIC")
_IRREGULAR = URIRef(_EU + "frequency/IRREG")
_THEMES, _JUSTICE = URIRef(_EU + "data-theme"), URIRef(_EU + "data-theme/JUST")
_STABLE = URIRef(_EU + "planned-availability/STABLE")
_NON_PROFIT = URIRef("http://purl.org/adms/publishertype/NonProfitOrganisation")
_SHA256 = SPDX.checksumAlgorithm_sha256
_SPARQL_PROTOCOL = URIRef("https://www.w3.org/TR/sparql11-protocol/")

#: What may be done with the data, and with the report text it quotes.
RIGHTS = (
    "The excerpts (oa:exact) are quoted from OSCE publications, © OSCE, and are reused under the "
    "OSCE's terms for its publications; each excerpt names the report it is quoted from "
    "(dcterms:source). The rest of the graph (its resources, identifiers, and the relations read "
    "from the reports) is the project's data, published under {licence}."
)


def dataset_iri(base: str) -> URIRef:
    return URIRef(f"{base}dcat.ttl#dataset")


def licence_iri(licence: str) -> URIRef:
    """The licence as the EU licence table names it, where it has it (CC BY 4.0 -> .../licence/CC_BY_4_0)."""
    return URIRef(EU_LICENCES.get(licence, (licence,))[0])


class _Record:
    """Adds the triples of one record to ``g``, each node typed as the DCAT-AP shapes expect."""

    def __init__(self, g: Graph, base: str):
        self.g, self.base = g, base

    def node(self, name: str) -> URIRef:
        return URIRef(f"{self.base}dcat.ttl#{name}")

    def add(self, subject, predicate, obj, *types: URIRef) -> None:
        self.g.add((subject, predicate, obj))
        for cls in types:
            self.g.add((obj, RDF.type, cls))

    def concept(self, subject, predicate, concept: URIRef, scheme: URIRef, *types: URIRef) -> None:
        self.add(subject, predicate, concept, SKOS.Concept, *types)
        self.add(concept, SKOS.inScheme, scheme, SKOS.ConceptScheme)

    def text(self, subject, predicate, value: str) -> None:
        self.g.add((subject, predicate, Literal(value, lang="en")))


def catalog_graph(base: str, info, sizes: dict[str, int], media: dict[str, str]) -> Graph:
    """The DCAT-AP record: a catalogue with one dataset, its dumps (and endpoint) and its provenance.

    base (str): where the site is hosted. info (DatasetInfo): title, dates, licence, provenance ...
    sizes, media (dict[str, str | int]): dump path -> size in bytes / media type.
    """
    g = bind_prefixes(Graph(), base)
    for prefix, ns in (("foaf", FOAF), ("vcard", VCARD), ("spdx", SPDX), ("dcatap", DCATAP)):
        g.bind(prefix, ns)
    r = _Record(g, base)
    catalog, dataset = r.node("catalog"), dataset_iri(base)
    _catalog(r, catalog, dataset, info)
    _dataset(r, dataset, info)
    for name in sorted(sizes):
        _distribution(r, dataset, name, sizes[name], media[name], info)
    endpoint = getattr(info, "sparql_endpoint", None)
    if endpoint:
        _service(r, catalog, dataset, endpoint)
    provenance = getattr(info, "provenance", None)
    if provenance is not None:
        _provenance(r, dataset, provenance)
    if getattr(info, "quality", ()):
        from .quality import add_quality

        add_quality(g, dataset, base, info.quality)
    return g


def _agents(r: _Record, info) -> tuple[URIRef, URIRef, URIRef]:
    """Publisher, contact point and rights statement, shared by catalogue, dataset and distributions."""
    publisher, contact, rights = r.node("publisher"), r.node("contact"), r.node("rights")
    r.g.add((publisher, RDF.type, FOAF.Agent))
    r.g.add((publisher, FOAF.name, Literal(info.publisher)))
    r.concept(publisher, DCTERMS.type, _NON_PROFIT, URIRef("http://purl.org/adms/publishertype/1.0"))
    r.g.add((contact, RDF.type, VCARD.Organization))
    r.g.add((contact, RDF.type, VCARD.Kind))
    r.g.add((contact, VCARD.fn, Literal(info.publisher)))
    r.g.add((contact, VCARD.hasURL, URIRef(r.base)))
    r.g.add((rights, RDF.type, DCTERMS.RightsStatement))
    r.text(rights, RDFS.label, RIGHTS.format(licence=info.licence))
    return publisher, contact, rights


def _licence(r: _Record, subject: URIRef, info) -> None:
    licence = licence_iri(info.licence)
    r.add(subject, DCTERMS.license, licence, DCTERMS.LicenseDocument)
    if info.licence in EU_LICENCES:
        r.g.add((licence, RDFS.seeAlso, URIRef(info.licence)))
        r.concept(licence, DCTERMS.type, URIRef(EU_LICENCES[info.licence][1]), URIRef("http://purl.org/adms/licencetype/1.1"))


def _catalog(r: _Record, catalog: URIRef, dataset: URIRef, info) -> None:
    g = r.g
    publisher, _, rights = _agents(r, info)
    g.add((catalog, RDF.type, DCAT.Catalog))
    r.text(catalog, DCTERMS.title, info.title)
    r.text(catalog, DCTERMS.description, "The published data of cthbgraph.")
    g.add((catalog, DCTERMS.publisher, publisher))
    _licence(r, catalog, info)
    g.add((catalog, DCTERMS.rights, rights))
    g.add((catalog, DCAT.dataset, dataset))
    r.add(catalog, FOAF.homepage, URIRef(r.base), FOAF.Document)
    g.add((catalog, DCTERMS.issued, Literal(info.issued, datatype=XSD.date)))
    g.add((catalog, DCTERMS.modified, Literal(info.modified, datatype=XSD.date)))
    r.add(catalog, DCTERMS.language, _ENGLISH, DCTERMS.LinguisticSystem)
    r.add(catalog, DCAT.themeTaxonomy, _THEMES, SKOS.ConceptScheme)
    g.add((catalog, DCTERMS.spatial, _region(r)))


def _region(r: _Record) -> URIRef:
    region = r.node("osce-region")
    r.g.add((region, RDF.type, DCTERMS.Location))
    r.text(region, SKOS.prefLabel, "The OSCE region: the participating States of the OSCE")
    return region


def _dataset(r: _Record, dataset: URIRef, info) -> None:
    g = r.g
    publisher, contact, rights = r.node("publisher"), r.node("contact"), r.node("rights")
    g.add((dataset, RDF.type, DCAT.Dataset))
    r.text(dataset, DCTERMS.title, info.title)
    r.text(dataset, DCTERMS.description, info.description)
    g.add((dataset, DCTERMS.publisher, publisher))
    g.add((dataset, DCAT.contactPoint, contact))
    _licence(r, dataset, info)
    g.add((dataset, DCTERMS.rights, rights))
    r.add(dataset, DCTERMS.accessRights, _PUBLIC, DCTERMS.RightsStatement)
    g.add((dataset, DCTERMS.issued, Literal(info.issued, datatype=XSD.date)))
    g.add((dataset, DCTERMS.modified, Literal(info.modified, datatype=XSD.date)))
    g.add((dataset, DCAT_VERSION, Literal(info.version)))
    r.add(dataset, DCAT.landingPage, URIRef(r.base), FOAF.Document)
    r.add(dataset, DCTERMS.conformsTo, URIRef(str(CTHB).rstrip("#")), DCTERMS.Standard)
    r.add(dataset, DCTERMS.language, _ENGLISH, DCTERMS.LinguisticSystem)
    r.add(dataset, DCTERMS.accrualPeriodicity, _IRREGULAR, DCTERMS.Frequency)
    r.concept(dataset, DCAT.theme, _JUSTICE, _THEMES)
    g.add((dataset, DCTERMS.spatial, _region(r)))
    years = sorted({s.year for s in getattr(getattr(info, "provenance", None), "sources", ()) if s.year})
    if years:
        period = r.node("period")
        g.add((dataset, DCTERMS.temporal, period))
        g.add((period, RDF.type, DCTERMS.PeriodOfTime))
        g.add((period, DCAT.startDate, Literal(str(years[0]), datatype=XSD.gYear)))
        g.add((period, DCAT.endDate, Literal(str(years[-1]), datatype=XSD.gYear)))
    for keyword in info.keywords:
        r.text(dataset, DCAT.keyword, keyword)


def _distribution(r: _Record, dataset: URIRef, name: str, size: int, media: str, info) -> None:
    g = r.g
    file = name.rsplit("/", 1)[-1]
    dist, url = r.node(file), URIRef(r.base + name)
    g.add((dataset, DCAT.distribution, dist))
    g.add((dist, RDF.type, DCAT.Distribution))
    packed = " compressed with gzip" if name.endswith(".gz") else ""
    if media in _DATASET_MEDIA:
        r.text(dist, DCTERMS.title, f"The graph of each report, {file}")
        r.text(dist, DCTERMS.description, f"Every triple of each report in that report's named graph, in {media}{packed}, in one file.")
    else:
        r.text(dist, DCTERMS.title, f"The whole graph, {file}")
        r.text(dist, DCTERMS.description, f"Every triple of the graph in {media}{packed}, in one file.")
    r.add(dist, DCAT.accessURL, url, RDFS.Resource)
    r.add(dist, DCAT.downloadURL, url, RDFS.Resource)
    r.add(dist, DCAT.mediaType, URIRef(_MEDIA + media), DCTERMS.MediaType)
    if media in _FILE_TYPES:
        r.add(dist, DCTERMS["format"], URIRef(_FILE_TYPES[media]), DCTERMS.MediaTypeOrExtent, SKOS.Concept)
    if name.endswith(".gz"):
        r.add(dist, DCAT.compressFormat, URIRef(_MEDIA + "application/gzip"), DCTERMS.MediaType)
    g.add((dist, DCAT.byteSize, Literal(size, datatype=XSD.nonNegativeInteger)))
    _licence(r, dist, info)
    g.add((dist, DCTERMS.rights, r.node("rights")))
    r.concept(dist, DCATAP.availability, _STABLE, URIRef(_EU + "planned-availability"))
    g.add((dist, DCTERMS.modified, Literal(info.modified, datatype=XSD.date)))


def _service(r: _Record, catalog: URIRef, dataset: URIRef, endpoint: str) -> None:
    """The SPARQL endpoint as a DCAT data service serving the dataset."""
    g = r.g
    service = r.node("sparql-endpoint")
    g.add((catalog, DCAT.service, service))
    g.add((service, RDF.type, DCAT.DataService))
    r.text(service, DCTERMS.title, "SPARQL 1.1 endpoint of the graph (read-only)")
    r.add(service, DCAT.endpointURL, URIRef(endpoint), RDFS.Resource)
    r.add(service, DCAT.endpointDescription, URIRef(r.base + "void.ttl"), RDFS.Resource)
    g.add((service, DCAT.servesDataset, dataset))
    r.add(service, DCTERMS.conformsTo, _SPARQL_PROTOCOL, DCTERMS.Standard)
    g.add((service, DCAT.contactPoint, r.node("contact")))
    g.add((service, DCTERMS.publisher, r.node("publisher")))
    r.concept(service, DCAT.theme, _JUSTICE, _THEMES)
    r.text(service, DCAT.keyword, "SPARQL")


def _provenance(r: _Record, dataset: URIRef, provenance) -> None:
    """PROV: the build that generated the dataset, the tool that ran it, the corpus files it used."""
    g = r.g
    activity, tool = r.node("build"), r.node("software")
    g.add((dataset, PROV.wasGeneratedBy, activity))
    g.add((activity, RDF.type, PROV.Activity))
    r.text(activity, RDFS.label, f"cthbgraph build with the spaCy model {provenance.model}")
    g.add((activity, PROV.startedAtTime, Literal(provenance.started, datatype=XSD.dateTime)))
    g.add((activity, PROV.endedAtTime, Literal(provenance.ended, datatype=XSD.dateTime)))
    g.add((activity, PROV.wasAssociatedWith, tool))
    g.add((tool, RDF.type, PROV.SoftwareAgent))
    g.add((tool, RDFS.label, Literal(f"{provenance.tool} {provenance.version}")))
    g.add((tool, URIRef("http://www.w3.org/2002/07/owl#versionInfo"), Literal(provenance.version)))
    for source in provenance.sources:
        file = r.node(f"source-{source.id}")
        g.add((activity, PROV.used, file))
        g.add((dataset, PROV.wasDerivedFrom, file))
        g.add((file, RDF.type, PROV.Entity))
        g.add((file, DCTERMS.identifier, Literal(source.file)))
        g.add((file, PROV.alternateOf, URIRef(f"{r.base}report/{source.id}")))
        checksum = r.node(f"source-{source.id}-sha256")
        g.add((file, SPDX.checksum, checksum))
        g.add((checksum, RDF.type, SPDX.Checksum))
        r.add(checksum, SPDX.algorithm, _SHA256, SPDX.ChecksumAlgorithm)
        g.add((checksum, SPDX.checksumValue, Literal(source.sha256, datatype=XSD.hexBinary)))


def void_graph(base: str, info, graph: Graph, counts: dict[str, int]) -> Graph:
    """VoID description: size, classes, properties, the URI space, dumps, endpoint, example resources."""
    g = bind_prefixes(Graph(), base)
    dataset = dataset_iri(base)
    g.add((dataset, RDF.type, VOID.Dataset))
    g.add((dataset, DCTERMS.title, Literal(info.title, lang="en")))
    g.add((dataset, DCTERMS.license, licence_iri(info.licence)))
    g.add((dataset, DCTERMS.rights, Literal(RIGHTS.format(licence=info.licence), lang="en")))
    g.add((dataset, DCTERMS.modified, Literal(info.modified, datatype=XSD.date)))
    g.add((dataset, VOID.uriSpace, Literal(base)))
    g.add((dataset, VOID.vocabulary, URIRef(str(CTHB))))
    g.add((dataset, VOID.triples, Literal(len(graph), datatype=XSD.integer)))
    g.add((dataset, VOID.distinctSubjects, Literal(len(set(graph.subjects())), datatype=XSD.integer)))
    g.add((dataset, VOID.properties, Literal(len(set(graph.predicates())), datatype=XSD.integer)))
    g.add((dataset, VOID.dataDump, URIRef(base + "dumps/cthb.ttl")))
    g.add((dataset, VOID.dataDump, URIRef(base + "dumps/cthb.nt.gz")))
    endpoint = getattr(info, "sparql_endpoint", None)
    if endpoint:
        g.add((dataset, VOID.sparqlEndpoint, URIRef(endpoint)))
    g.add((dataset, VOID.rootResource, URIRef(base)))
    for kind in counts:
        g.add((dataset, VOID.exampleResource, next(iter(sorted(s for s in graph.subjects() if str(s).startswith(f"{base}{kind}/"))))))
    classes: dict[URIRef, set] = {}
    for s, o in graph.subject_objects(RDF.type):
        classes.setdefault(o, set()).add(s)
    for cls in sorted(classes):
        if not str(cls).startswith(str(CTHB)):
            continue
        part = URIRef(f"{base}void.ttl#class-{str(cls)[len(str(CTHB)):]}")
        g.add((dataset, VOID.classPartition, part))
        g.add((part, VOID["class"], cls))
        g.add((part, VOID.entities, Literal(len(classes[cls]), datatype=XSD.integer)))
    return g
