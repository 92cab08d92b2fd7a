"""The dataset record: DCAT (catalogue, dataset, distributions) and VoID (statistics, dumps, URI space).

Both describe the same dataset IRI, ``{base}dcat.ttl#dataset``: a hash IRI in the document that
describes it, so it resolves on any static web server. Everything in them comes from the graph and
the :class:`~cthbgraph.lod.site.DatasetInfo`, so the record is identical for the same graph.
"""

from __future__ import annotations

from pathlib import Path

from rdflib import Graph, Literal, Namespace, URIRef

from ..vocab import CTHB, DCAT, DCTERMS, RDF, VOID, XSD, bind_prefixes

# rdflib ships DCAT 2, which has no dcat:version (added in DCAT 3).
DCAT_VERSION = URIRef("http://www.w3.org/ns/dcat#version")
FOAF = Namespace("http://xmlns.com/foaf/0.1/")
#: The DCAT-AP core shapes bundled with the package (see docs/publishing.md).
DCAT_AP_SHAPES = Path(__file__).resolve().parent / "shapes" / "dcat-ap-core.ttl"
_MEDIA = "http://www.iana.org/assignments/media-types/"
_FORMATS = {  # EU file-type vocabulary, as DCAT-AP recommends for dct:format
    "text/turtle": "http://publications.europa.eu/resource/authority/file-type/RDF_TURTLE",
    "application/n-triples": "http://publications.europa.eu/resource/authority/file-type/RDF_N_TRIPLES",
}


def dataset_iri(base: str) -> URIRef:
    return URIRef(f"{base}dcat.ttl#dataset")


def catalog_graph(base: str, info, sizes: dict[str, int], media: dict[str, str]) -> Graph:
    """DCAT record: a catalogue with one dataset, its dumps as distributions with size and type."""
    g = bind_prefixes(Graph(), base)
    g.bind("foaf", FOAF)
    catalog, dataset, publisher = URIRef(f"{base}dcat.ttl#catalog"), dataset_iri(base), URIRef(f"{base}dcat.ttl#publisher")
    licence = URIRef(info.licence)
    g.add((publisher, RDF.type, FOAF.Agent))
    g.add((publisher, FOAF.name, Literal(info.publisher)))
    g.add((catalog, RDF.type, DCAT.Catalog))
    g.add((catalog, DCTERMS.title, Literal(info.title, lang="en")))
    g.add((catalog, DCTERMS.description, Literal("The published data of cthbgraph.", lang="en")))
    g.add((catalog, DCTERMS.publisher, publisher))
    g.add((catalog, DCTERMS.license, licence))
    g.add((catalog, DCAT.dataset, dataset))
    g.add((catalog, FOAF.homepage, URIRef(base)))
    g.add((dataset, RDF.type, DCAT.Dataset))
    g.add((dataset, DCTERMS.title, Literal(info.title, lang="en")))
    g.add((dataset, DCTERMS.description, Literal(info.description, lang="en")))
    g.add((dataset, DCTERMS.publisher, publisher))
    g.add((dataset, DCTERMS.license, licence))
    g.add((dataset, DCTERMS.issued, Literal(info.issued, datatype=XSD.date)))
    g.add((dataset, DCTERMS.modified, Literal(info.modified, datatype=XSD.date)))
    g.add((dataset, DCAT_VERSION, Literal(info.version)))
    g.add((dataset, DCAT.landingPage, URIRef(base)))
    g.add((dataset, DCTERMS.conformsTo, URIRef(str(CTHB).rstrip("#"))))
    for keyword in info.keywords:
        g.add((dataset, DCAT.keyword, Literal(keyword, lang="en")))
    for name in sorted(sizes):
        dist = URIRef(f"{base}dcat.ttl#{name.rsplit('/', 1)[-1]}")
        url = URIRef(base + name)
        g.add((dataset, DCAT.distribution, dist))
        g.add((dist, RDF.type, DCAT.Distribution))
        g.add((dist, DCTERMS.title, Literal(f"The whole graph, {name.rsplit('/', 1)[-1]}", lang="en")))
        g.add((dist, DCAT.accessURL, url))
        g.add((dist, DCAT.downloadURL, url))
        g.add((dist, DCAT.mediaType, URIRef(_MEDIA + media[name])))
        if media[name] in _FORMATS:
            g.add((dist, DCTERMS["format"], URIRef(_FORMATS[media[name]])))
        if name.endswith(".gz"):
            g.add((dist, DCAT.compressFormat, URIRef(_MEDIA + "application/gzip")))
        g.add((dist, DCAT.byteSize, Literal(sizes[name], datatype=XSD.nonNegativeInteger)))
        g.add((dist, DCTERMS.license, licence))
        g.add((dist, DCTERMS.modified, Literal(info.modified, datatype=XSD.date)))
    return g


def void_graph(base: str, info, graph: Graph, counts: dict[str, int]) -> Graph:
    """VoID description: size, classes, properties, the URI space, dumps and example resources."""
    g = bind_prefixes(Graph(), base)
    dataset = dataset_iri(base)
    g.add((dataset, RDF.type, VOID.Dataset))
    g.add((dataset, DCTERMS.title, Literal(info.title, lang="en")))
    g.add((dataset, DCTERMS.license, URIRef(info.licence)))
    g.add((dataset, DCTERMS.modified, Literal(info.modified, datatype=XSD.date)))
    g.add((dataset, VOID.uriSpace, Literal(base)))
    g.add((dataset, VOID.vocabulary, URIRef(str(CTHB))))
    g.add((dataset, VOID.triples, Literal(len(graph), datatype=XSD.integer)))
    g.add((dataset, VOID.distinctSubjects, Literal(len(set(graph.subjects())), datatype=XSD.integer)))
    g.add((dataset, VOID.properties, Literal(len(set(graph.predicates())), datatype=XSD.integer)))
    g.add((dataset, VOID.dataDump, URIRef(base + "dumps/cthb.ttl")))
    g.add((dataset, VOID.dataDump, URIRef(base + "dumps/cthb.nt.gz")))
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
