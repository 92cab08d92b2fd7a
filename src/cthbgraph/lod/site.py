"""The graph as linked open data: one page and one RDF description per resource, at its IRI's path.

A resource ``{base}{kind}/{key}`` (the pattern of :class:`cthbgraph.graph.Iris`) is published as
``{kind}/{key}.html``, ``.ttl`` and ``.jsonld``, plus ``{kind}/{key}/index.html`` that sends a
browser to the page, so that with the site hosted at ``base`` every IRI resolves on any static web
server without rewrite rules; the rules for content negotiation (nginx, Apache) and a w3id.org
redirect come with it (``serverrules.py``). :class:`Site` renders each file on demand (the server
uses it that way); :func:`write_site` (``sitewrite.py``) writes them all. Output depends only on the
graph and the dataset record, so rebuilding from the same graph gives byte-identical files.
"""

from __future__ import annotations

import gzip
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from urllib.parse import quote, unquote

import pyoxigraph as ox
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from rdflib import Graph, Literal, URIRef
from rdflib.term import Node

from ..provenance import BuildProvenance
from ..resources import ontology_path
from ..vocab import _PREFIXES, CTHB, DCTERMS, OA, PROV, RDF, RDFS, SKOS
from . import pages
from .catalog import FOAF, catalog_graph, void_graph
from .ontology_doc import ontology, ontology_terms
from .pages import Link, qname
from .rdfio import RDF_FORMATS, serialize, term_key, triple_key
from .serverrules import server_rule_files

HERE = Path(__file__).resolve().parent
TEMPLATES = HERE / "templates"
STATIC = HERE / "static"

#: IRI kinds in the order the home page lists them, with their index titles.
KINDS = {
    "document": "Documents",
    "decision": "Decisions",
    "declaration": "Declarations",
    "section": "Sections",
    "provision": "Provisions",
    "body": "Bodies",
    "activity": "Activities",
    "report": "Reports",
    "excerpt": "Excerpts",
}

LICENCE = "https://creativecommons.org/licenses/by/4.0/"
_LABELS = (SKOS.prefLabel, RDFS.label, DCTERMS.title)


@dataclass(frozen=True)
class DatasetInfo:
    """The dataset record published in DCAT and VoID, and shown on the home page."""

    title: str = "Knowledge graph of OSCE commitments on combating trafficking in human beings"
    description: str = (
        "Which OSCE decision or Action Plan provision tasks which body, and which activities reported "
        "by OSCE bodies implement it, read from OSCE reports; every fact links to the sentence it was "
        "read from."
    )
    publisher: str = "cthbgraph project"
    licence: str = LICENCE
    version: str = "0"
    issued: str = "1970-01-01"
    modified: str = "1970-01-01"
    keywords: tuple[str, ...] = ("trafficking in human beings", "OSCE", "commitments", "linked data")
    #: How the build was made (tool, version, corpus files and their SHA-256, time), from its build.json.
    provenance: BuildProvenance | None = None
    #: The SPARQL endpoint serving the graph, named in VoID and DCAT when there is one.
    sparql_endpoint: str | None = None
    #: What ``cthbgraph evaluate --save`` measured (lod.quality.QualityMeasure): in DCAT and on the home page.
    quality: tuple = ()


class Site:
    """Renders every file of the published site from a graph whose IRIs are already under ``base``.

    graph (Graph): the knowledge graph (IRIs under ``base``).
    base (str): where the site is hosted; every resource IRI starts with it.
    info (DatasetInfo): the dataset record.
    query_page (bool): link a query page (``query``) and the endpoint (``sparql``) from every page;
        the server sets it, a static site has no endpoint.
    permanent_base (str | None): the graph's own base when it is a w3id.org address other than
        ``base``; the site then carries the redirect file for the w3id.org repository.
    quads (Callable | None): reads the named graphs of the reports (``cthb.nq`` of the build, rebased
        to ``base``).
    """

    def __init__(
        self,
        graph: Graph,
        base: str,
        info: DatasetInfo,
        *,
        query_page: bool = False,
        permanent_base: str | None = None,
        quads: Callable[[], list] | None = None,
    ):
        self.graph = graph
        #: Reads each report's triples in its named graph (pyoxigraph quads, IRIs under ``base``) for
        #: the N-Quads and TriG dumps, once, when they are made: a server keeps the dumps, not the
        #: quads. None for a build made before named graphs: no such dumps then.
        self.quads = quads
        self.base = base
        self.info = info
        self.query_page = query_page
        self.permanent_base = permanent_base
        self.env = Environment(
            loader=FileSystemLoader(str(TEMPLATES)),
            autoescape=True,
            undefined=StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
        )
        self.ontology = ontology()

    # ---- IRIs and paths ------------------------------------------------------------------------

    def path(self, iri: Node) -> str | None:
        """The site path of a resource IRI (``body/odihr``), or None when it is not one of ours."""
        if not isinstance(iri, URIRef) or not iri.startswith(self.base):
            return None
        segments = [unquote(s) for s in iri[len(self.base) :].split("/")]
        if len(segments) < 2 or segments[0] not in KINDS or not all(_safe_segment(s) for s in segments):
            return None
        return "/".join(segments)

    def iri(self, path: str) -> URIRef | None:
        """The resource at a site path (``body/odihr``), or None when the graph has no such resource."""
        segments = path.split("/")
        if len(segments) < 2 or segments[0] not in KINDS or not all(_safe_segment(s) for s in segments):
            return None
        iri = URIRef(self.base + "/".join(quote(s, safe="-._~") for s in segments))
        return iri if iri in self._resources_set else None

    @cached_property
    def resources(self) -> tuple[tuple[str, URIRef], ...]:
        """(path, IRI) of every resource of the graph, sorted by path."""
        found = {}
        for s in set(self.graph.subjects()):
            path = self.path(s)
            if path:
                found[path] = s
        return tuple(sorted(found.items()))

    @cached_property
    def _resources_set(self) -> frozenset[URIRef]:
        return frozenset(iri for _, iri in self.resources)

    # ---- labels and links ----------------------------------------------------------------------

    @cached_property
    def _labels(self) -> dict[Node, str]:
        labels: dict[Node, str] = {}
        g = self.graph
        for prop in reversed(_LABELS):  # the first property of _LABELS wins
            for s, o in sorted(g.subject_objects(prop)):
                if isinstance(o, Literal) and o.language in (None, "en"):
                    labels[s] = str(o)
        for s, o in sorted(g.subject_objects(SKOS.notation)):
            if s in labels:
                continue
            if (s, RDF.type, CTHB.Provision) in g:
                labels[s] = f"Provision {o}"
            elif (s, RDF.type, CTHB.Section) in g:
                labels[s] = f"Section {o}"
            else:
                labels[s] = str(o)
        for s in g.subjects(RDF.type, CTHB.Excerpt):
            report = g.value(s, DCTERMS.source)
            labels[s] = (
                f"Excerpt of {labels.get(report, _tail(report))}, characters {g.value(s, OA.start)}–{g.value(s, OA.end)}"
            )
        for prop in (RDFS.label, SKOS.prefLabel):
            for s, o in self.ontology.subject_objects(prop):
                labels.setdefault(s, str(o))
        return labels

    def label(self, node: Node) -> str:
        if isinstance(node, Literal):
            return str(node)
        return self._labels.get(node) or qname(node)

    def href(self, node: Node, here: str) -> str | None:
        """A relative link from the page at ``here`` to the page of ``node``."""
        root = _root(here)
        path = self.path(node)
        if path and node in self._resources_set:
            return f"{root}{quote(path)}.html"
        if isinstance(node, URIRef) and node.startswith(str(CTHB)):
            return f"{root}ontology.html#{node[len(str(CTHB)):]}"
        if isinstance(node, URIRef) and node.startswith(("http://", "https://")):
            return str(node)
        return None

    def link(self, node: Node, here: str) -> Link:
        if isinstance(node, Literal):
            note = f"@{node.language}" if node.language else (qname(node.datatype) if node.datatype else "")
            return Link(str(node), None, note)
        return Link(self.label(node), self.href(node, here))

    _link = link  # the name ontology_doc and older callers use

    # ---- RDF -----------------------------------------------------------------------------------

    def describe(self, iri: URIRef) -> list[tuple[Node, Node, Node]]:
        """What the RDF files of a resource hold: its own triples, those of its evidence excerpts,
        and the triples that point at it (except the bulk ``dcterms:source``/``prov:wasDerivedFrom``)."""
        g = self.graph
        triples = set(g.triples((iri, None, None)))
        for excerpt in g.objects(iri, PROV.wasDerivedFrom):
            triples.update(g.triples((excerpt, None, None)))
        for s, p in g.subject_predicates(iri):
            if p not in pages.BULK_INVERSE:
                triples.add((s, p, iri))
        return sorted(triples, key=triple_key)

    def rdf(self, iri: URIRef, fmt: str) -> bytes:
        return serialize(self.describe(iri), fmt, self.prefixes)

    @cached_property
    def prefixes(self) -> dict[str, str]:
        # No prefix for our own base: Turtle would have to escape the "/" of every local name.
        return dict(_PREFIXES)

    # ---- pages ---------------------------------------------------------------------------------

    def _render(self, template: str, here: str, **context) -> str:
        return self.env.get_template(template).render(
            root=_root(here), info=self.info, kinds=KINDS, query_page=self.query_page, **context
        )

    @cached_property
    def activity_rows(self) -> dict[URIRef, list[dict]]:
        return pages.activity_rows(self.graph)

    def page(self, iri: URIRef) -> str:
        """The HTML page of a resource."""
        g, here = self.graph, self.path(iri)
        assert here is not None
        is_body = (iri, RDF.type, CTHB.Body) in g
        # A body page shows who tasks it and what it did in sections of their own.
        elsewhere = frozenset({CTHB.tasks, CTHB.carriedOutBy}) if is_body else frozenset()
        types = [self.link(t, here) for t in sorted(g.objects(iri, RDF.type), key=term_key)]
        name = here.rsplit("/", 1)[-1]
        return self._render(
            "resource.html",
            here,
            iri=str(iri),
            title=self.label(iri),
            description=_description(self.label(iri), types, self.info),
            types=types,
            facts=pages.facts(self, iri, here),
            inverse=pages.referenced_by(self, iri, here, elsewhere),
            evidence=pages.evidence(self, iri, here),
            provision=pages.provision_section(self, iri, here) if (iri, RDF.type, CTHB.Provision) in g else None,
            body=pages.body_section(self, iri, here) if is_body else None,
            alternates=[
                (media, f"{quote(name)}.{ext}") for ext, media, _ in (RDF_FORMATS["turtle"], RDF_FORMATS["jsonld"])
            ],
        )

    def redirect_page(self, path: str) -> str:
        """``{path}/index.html``: sends a browser that followed the bare IRI to ``{path}.html``."""
        name = path.rsplit("/", 1)[-1]
        return self._render(
            "redirect.html", path + "/index", target=f"../{quote(name)}.html", iri=self.base + quote(path)
        )

    def class_index(self, kind: str) -> str:
        here = f"{kind}/index"
        items = [
            (self.link(iri, here), str(iri), path.split("/", 1)[1])
            for path, iri in self.resources
            if path.split("/", 1)[0] == kind
        ]
        items.sort(key=lambda item: (item[0].text.lower(), item[1]))
        description = f"{KINDS[kind]} of the {self.info.title}: {len(items)}, each with its page, Turtle and JSON-LD."
        return self._render("index.html", here, kind=kind, title=KINDS[kind], items=items, description=description)

    @cached_property
    def counts(self) -> dict[str, int]:
        counts = dict.fromkeys(KINDS, 0)
        for path, _ in self.resources:
            counts[path.split("/", 1)[0]] += 1
        return {k: n for k, n in counts.items() if n}

    def home(self) -> str:
        return self._render(
            "home.html",
            "index",
            counts=self.counts,
            triples=len(self.graph),
            base=self.base,
            description=self.info.description,
            named_graphs=self.quads is not None,
        )

    def ontology_page(self) -> str:
        # The ontology's own description is the page's lead paragraph and its meta description.
        return self._render("ontology.html", "ontology", **ontology_terms(self.ontology, self))

    def sitemap(self) -> str:
        urls = [self.base, *(f"{self.base}{k}/" for k in self.counts), f"{self.base}ontology.html"]
        urls += [self.base + quote(path) for path, _ in self.resources]
        return self.env.get_template("sitemap.xml").render(urls=urls, modified=self.info.modified)

    # ---- dumps and the dataset record ----------------------------------------------------------

    @cached_property
    def dumps(self) -> dict[str, tuple[bytes, str]]:
        """The whole graph: ``dumps/cthb.ttl`` and ``dumps/cthb.nt.gz``, and its named graphs (one a
        report): ``dumps/cthb.nq.gz`` and ``dumps/cthb.trig`` -> (bytes, media type)."""
        triples = sorted(self.graph, key=triple_key)
        nt = serialize(triples, "ntriples", {})
        dumps = {
            "dumps/cthb.ttl": (serialize(triples, "turtle", self.prefixes), "text/turtle"),
            # mtime=0: a gzip header carries a timestamp, which would make every rebuild differ.
            "dumps/cthb.nt.gz": (gzip.compress(nt, compresslevel=9, mtime=0), "application/n-triples"),
        }
        if self.quads is not None:
            # The build's order (reports by id, lines sorted): each graph in one TriG block.
            quads = self.quads()
            nq = ox.serialize(quads, format=ox.RdfFormat.N_QUADS)
            trig = ox.serialize(quads, format=ox.RdfFormat.TRIG, prefixes=self.prefixes or None)
            dumps["dumps/cthb.nq.gz"] = (gzip.compress(nq, compresslevel=9, mtime=0), "application/n-quads")
            dumps["dumps/cthb.trig"] = (trig, "application/trig")
        return dumps

    def catalog(self) -> Graph:
        sizes = {name: len(data) for name, (data, _) in self.dumps.items()}
        return catalog_graph(self.base, self.info, sizes, {n: m for n, (_, m) in self.dumps.items()})

    def void(self) -> Graph:
        return void_graph(self.base, self.info, self.graph, self.counts)

    def files(self):
        """Every file of the static site as (relative path, bytes), in a fixed order."""
        yield "index.html", self.home().encode()
        yield "ontology.html", self.ontology_page().encode()
        yield "ontology.ttl", ontology_path().read_bytes()
        for name in ("site.css", "search.js"):
            yield f"static/{name}", (STATIC / name).read_bytes()
        for kind in self.counts:
            yield f"{kind}/index.html", self.class_index(kind).encode()
        for path, iri in self.resources:
            yield f"{path}.html", self.page(iri).encode()
            yield f"{path}/index.html", self.redirect_page(path).encode()
            for fmt in ("turtle", "jsonld"):
                yield f"{path}.{RDF_FORMATS[fmt][0]}", self.rdf(iri, fmt)
        for name, (data, _) in self.dumps.items():
            yield name, data
        catalog, void = self.catalog(), self.void()
        prefixes = {**self.prefixes, "foaf": str(FOAF)}
        yield "dcat.ttl", serialize(sorted(catalog, key=triple_key), "turtle", prefixes)
        yield "dcat.jsonld", serialize(sorted(catalog, key=triple_key), "jsonld", prefixes)
        void_ttl = serialize(sorted(void, key=triple_key), "turtle", self.prefixes)
        yield "void.ttl", void_ttl
        yield ".well-known/void", void_ttl
        yield "sitemap.xml", self.sitemap().encode()
        yield from server_rule_files(self.env, self.base, KINDS, self.permanent_base)


def _description(title: str, types: list[Link], info: DatasetInfo) -> str:
    kinds = ", ".join(t.text for t in types) or "resource"
    return (
        f"{title} ({kinds}) in the {info.title[0].lower()}{info.title[1:]}, with the report sentences it was read from."
    )


def _safe_segment(segment: str) -> bool:
    return (
        bool(segment)
        and segment not in (".", "..")
        and not any(c in segment for c in "/\\\x00")
        and segment.isprintable()
    )


def _root(here: str) -> str:
    return "../" * here.count("/")


def _tail(node: Node | None) -> str:
    return str(node).rstrip("/").rsplit("/", 1)[-1] if node is not None else ""


__all__ = ["KINDS", "LICENCE", "STATIC", "DatasetInfo", "Link", "Site"]
