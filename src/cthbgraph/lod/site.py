"""The graph as linked open data: one page and one RDF description per resource, at its IRI's path.

A resource ``{base}{kind}/{key}`` (the pattern of :class:`cthbgraph.graph.Iris`) is published as
``{kind}/{key}.html``, ``.ttl`` and ``.jsonld``, plus ``{kind}/{key}/index.html`` that sends a
browser to the page, so that with the site hosted at ``base`` every IRI resolves on any static web
server without rewrite rules. :class:`Site` renders each file on demand (the server uses it that
way); :func:`write_site` writes them all. Output depends only on the graph and the dataset record,
so rebuilding from the same graph gives byte-identical files.
"""

from __future__ import annotations

import gzip
import hashlib
import os
import shutil
import tempfile
from collections import defaultdict
from dataclasses import dataclass, replace
from datetime import datetime, timezone
from functools import cached_property
from importlib.metadata import PackageNotFoundError
from importlib.metadata import version as package_version
from pathlib import Path
from urllib.parse import quote, unquote, urlsplit

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from rdflib import Graph, Literal, URIRef
from rdflib.term import Node

from ..buildfolder import BuildFolder
from ..errors import OutputError, QueryError, StoreError
from ..provenance import BuildProvenance
from ..resources import ontology_path
from ..vocab import _PREFIXES, CTHB, DCTERMS, DEFAULT_BASE, OA, PROV, RDF, RDFS, SKOS
from .catalog import FOAF, catalog_graph, void_graph
from .ontology_doc import ontology, ontology_terms
from .rdfio import RDF_FORMATS, serialize, term_key, triple_key

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

# Triples pointing at a resource that its page does not list: every excerpt points at its report
# and every fact at its excerpt, which would turn a report page into a list of thousands.
_BULK_INVERSE = {DCTERMS.source, PROV.wasDerivedFrom}
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


@dataclass(frozen=True)
class Link:
    text: str
    href: str | None = None
    note: str = ""


class Site:
    """Renders every file of the published site from a graph whose IRIs are already under ``base``.

    graph (Graph): the knowledge graph (IRIs under ``base``).
    base (str): where the site is hosted; every resource IRI starts with it.
    info (DatasetInfo): the dataset record.
    query_page (bool): link a query page (``query``) and the endpoint (``sparql``) from every page;
        the server sets it, a static site has no endpoint.
    """

    def __init__(self, graph: Graph, base: str, info: DatasetInfo, *, query_page: bool = False):
        self.graph = graph
        self.base = base
        self.info = info
        self.query_page = query_page
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
        rest = iri[len(self.base) :]
        segments = [unquote(s) for s in rest.split("/")]
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

    # ---- labels --------------------------------------------------------------------------------

    @cached_property
    def _labels(self) -> dict[Node, str]:
        labels: dict[Node, str] = {}
        g = self.graph
        for prop in reversed(_LABELS):  # the first property of _LABELS wins
            for s, o in sorted(g.subject_objects(prop)):
                if not isinstance(o, Literal) or o.language not in (None, "en"):
                    continue
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
            labels[s] = f"Excerpt of {labels.get(report, _tail(report))}, characters {g.value(s, OA.start)}–{g.value(s, OA.end)}"
        for s, o in self.ontology.subject_objects(RDFS.label):
            labels.setdefault(s, str(o))
        for s, o in self.ontology.subject_objects(SKOS.prefLabel):
            labels.setdefault(s, str(o))
        return labels

    def label(self, node: Node) -> str:
        if isinstance(node, Literal):
            return str(node)
        return self._labels.get(node) or _qname(node)

    # ---- RDF -----------------------------------------------------------------------------------

    def describe(self, iri: URIRef) -> list[tuple[Node, Node, Node]]:
        """What the RDF files of a resource hold: its own triples, those of its evidence excerpts,
        and the triples that point at it (except the bulk ``dcterms:source``/``prov:wasDerivedFrom``)."""
        g = self.graph
        triples = set(g.triples((iri, None, None)))
        for excerpt in g.objects(iri, PROV.wasDerivedFrom):
            triples.update(g.triples((excerpt, None, None)))
        for s, p in g.subject_predicates(iri):
            if p not in _BULK_INVERSE:
                triples.add((s, p, iri))
        return sorted(triples, key=triple_key)

    def rdf(self, iri: URIRef, fmt: str) -> bytes:
        return serialize(self.describe(iri), fmt, self.prefixes)

    @cached_property
    def prefixes(self) -> dict[str, str]:
        # No prefix for our own base: Turtle would have to escape the "/" of every local name.
        return dict(_PREFIXES)

    # ---- pages ---------------------------------------------------------------------------------

    def _href(self, node: Node, here: str) -> str | None:
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

    def _link(self, node: Node, here: str) -> Link:
        if isinstance(node, Literal):
            note = f"@{node.language}" if node.language else (_qname(node.datatype) if node.datatype else "")
            return Link(str(node), None, note)
        return Link(self.label(node), self._href(node, here))

    def _render(self, template: str, here: str, **context) -> str:
        return self.env.get_template(template).render(
            root=_root(here), info=self.info, kinds=KINDS, query_page=self.query_page, **context
        )

    def page(self, iri: URIRef) -> str:
        """The HTML page of a resource."""
        g, here = self.graph, self.path(iri)
        assert here is not None
        facts = defaultdict(list)
        for p, o in sorted(g.predicate_objects(iri), key=lambda po: (term_key(po[0]), term_key(po[1]))):
            if p in (RDF.type, PROV.wasDerivedFrom):
                continue
            facts[p].append(self._link(o, here))
        inverse = defaultdict(list)
        for s, p in sorted(g.subject_predicates(iri), key=lambda sp: (term_key(sp[1]), self.label(sp[0]), term_key(sp[0]))):
            if p not in _BULK_INVERSE:
                inverse[p].append(self._link(s, here))
        evidence = []
        for excerpt in sorted(g.objects(iri, PROV.wasDerivedFrom), key=_excerpt_key(g)):
            report = g.value(excerpt, DCTERMS.source)
            evidence.append(
                {
                    "text": " ".join(str(g.value(excerpt, OA.exact) or "").split()),
                    "report": self._link(report, here) if report is not None else None,
                    "start": g.value(excerpt, OA.start),
                    "end": g.value(excerpt, OA.end),
                    "href": self._href(excerpt, here),
                }
            )
        name = here.rsplit("/", 1)[-1]
        return self._render(
            "resource.html",
            here,
            iri=str(iri),
            title=self.label(iri),
            types=[self._link(t, here) for t in sorted(g.objects(iri, RDF.type), key=term_key)],
            facts=[(self._link(p, here), values) for p, values in facts.items()],
            inverse=[(self._link(p, here), values) for p, values in inverse.items()],
            evidence=evidence,
            provision=self._provision(iri, here) if (iri, RDF.type, CTHB.Provision) in g else None,
            alternates=[(media, f"{quote(name)}.{ext}") for ext, media, _ in (RDF_FORMATS["turtle"], RDF_FORMATS["jsonld"])],
        )

    def _provision(self, iri: URIRef, here: str) -> dict:
        g = self.graph
        activities = []
        for activity in sorted(g.subjects(CTHB.implements, iri), key=term_key):
            activities.append(
                {
                    "activity": self._link(activity, here),
                    "bodies": [self._link(b, here) for b in sorted(g.objects(activity, CTHB.carriedOutBy), key=term_key)],
                    "date": str(g.value(activity, DCTERMS.date) or ""),
                    "report": self._link(g.value(activity, DCTERMS.source), here) if g.value(activity, DCTERMS.source) else None,
                }
            )
        return {
            "text": str(g.value(iri, CTHB.text) or ""),
            "tasked": [self._link(b, here) for b in sorted(g.objects(iri, CTHB.tasks), key=self.label)],
            "partners": [self._link(b, here) for b in sorted(g.objects(iri, CTHB.inCooperationWith), key=self.label)],
            "activities": activities,
        }

    def redirect_page(self, path: str) -> str:
        """``{path}/index.html``: sends a browser that followed the bare IRI to ``{path}.html``."""
        name = path.rsplit("/", 1)[-1]
        return self._render("redirect.html", path + "/index", target=f"../{quote(name)}.html", iri=self.base + quote(path))

    def class_index(self, kind: str) -> str:
        here = f"{kind}/index"
        items = [(self._link(iri, here), str(iri), path.split("/", 1)[1]) for path, iri in self.resources if path.split("/", 1)[0] == kind]
        items.sort(key=lambda item: (item[0].text.lower(), item[1]))
        return self._render("index.html", here, kind=kind, title=KINDS[kind], items=items)

    @cached_property
    def counts(self) -> dict[str, int]:
        counts = dict.fromkeys(KINDS, 0)
        for path, _ in self.resources:
            counts[path.split("/", 1)[0]] += 1
        return {k: n for k, n in counts.items() if n}

    def home(self) -> str:
        return self._render("home.html", "index", counts=self.counts, triples=len(self.graph), base=self.base)

    def ontology_page(self) -> str:
        return self._render("ontology.html", "ontology", **ontology_terms(self.ontology, self))

    def sitemap(self) -> str:
        urls = [self.base, *(f"{self.base}{k}/" for k in self.counts), f"{self.base}ontology.html"]
        urls += [self.base + quote(path) for path, _ in self.resources]
        return self.env.get_template("sitemap.xml").render(urls=urls, modified=self.info.modified)

    # ---- dumps and the dataset record ----------------------------------------------------------

    @cached_property
    def dumps(self) -> dict[str, tuple[bytes, str]]:
        """The whole graph: ``dumps/cthb.ttl`` and ``dumps/cthb.nt.gz`` -> (bytes, media type)."""
        triples = sorted(self.graph, key=triple_key)
        nt = serialize(triples, "ntriples", {})
        return {
            "dumps/cthb.ttl": (serialize(triples, "turtle", self.prefixes), "text/turtle"),
            # mtime=0: a gzip header carries a timestamp, which would make every rebuild differ.
            "dumps/cthb.nt.gz": (gzip.compress(nt, compresslevel=9, mtime=0), "application/n-triples"),
        }

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


# ---- loading and writing -------------------------------------------------------------------------


def load_site(graph_dir: Path | str = "out", base_iri: str | None = None, *, issued: str | None = None, query_page: bool = False) -> Site:
    """The site of a build folder (``cthb.nt`` from ``cthbgraph build``).

    graph_dir (Path | str): the build folder.
    base_iri (str | None): where the site will be hosted; IRIs under the graph's base are rewritten
        to it. None keeps the graph's own base.
    issued (str | None): first publication date (YYYY-MM-DD); defaults to the modification date.
    RETURNS (Site): the renderer of every file.
    """
    graph_dir = Path(graph_dir)
    if base_iri is not None:
        base_iri = _check_base(base_iri)
    nt_path = BuildFolder(graph_dir).ntriples
    if not nt_path.exists():
        raise StoreError(f"no graph at {nt_path}", hint="build it first with: cthbgraph build --graph-dir " + str(graph_dir))
    data = nt_path.read_bytes()
    graph = Graph()
    try:
        graph.parse(data=data, format="nt")
    except Exception as exc:  # rdflib parsers raise many types
        raise StoreError(f"{nt_path} is not readable N-Triples: {exc}", hint="rebuild it with: cthbgraph build") from exc
    graph_base = graph_base_of(graph)
    base = base_iri or graph_base
    if base != graph_base:
        graph = rebase(graph, graph_base, base)
    info = dataset_info(nt_path, data, issued)
    if query_page:  # served with its endpoint
        info = replace(info, sparql_endpoint=f"{base}sparql")
    return Site(graph, base, info, query_page=query_page)


def _check_base(base: str) -> str:
    """A base IRI the site can be hosted at: http(s), a host, no query or fragment; ends in "/"."""
    parts = urlsplit(base)
    if parts.scheme not in ("http", "https") or not parts.netloc or any(c in base for c in ' <>"{}|\\^`#?'):
        raise QueryError(
            f"--base-iri {base!r} is not an http(s) address a site can be hosted at",
            hint="give the folder URL the site will be served from, e.g. https://example.org/cthb/id/",
        )
    return base if base.endswith("/") else base + "/"


def dataset_info(nt_path: Path, data: bytes, issued: str | None = None) -> DatasetInfo:
    """Version and dates from the graph itself, so that the same graph gives the same record.

    The modification date is ``SOURCE_DATE_EPOCH`` when set (the reproducible-builds convention),
    else the date ``cthb.nt`` was written; the version is the package version plus a digest of it.
    """
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    stamp = int(epoch) if epoch and epoch.isdigit() else int(nt_path.stat().st_mtime)
    modified = datetime.fromtimestamp(stamp, tz=timezone.utc).date().isoformat()
    try:
        pkg = package_version("cthbgraph")
    except PackageNotFoundError:
        pkg = "0"
    digest = hashlib.sha256(data).hexdigest()[:12]
    provenance = BuildProvenance.from_json((BuildFolder(nt_path.parent).record() or {}).get("provenance"))
    return replace(DatasetInfo(), version=f"{pkg}+{digest}", issued=issued or modified, modified=modified, provenance=provenance)


def graph_base_of(graph: Graph) -> str:
    """The base the graph was built with, read off a report IRI (``{base}report/{id}``)."""
    for report in sorted(graph.subjects(RDF.type, CTHB.Report)):
        ident = graph.value(report, DCTERMS.identifier)
        tail = "report/" + quote(str(ident), safe="-._~")
        if ident is not None and report.endswith(tail):
            return str(report)[: -len(tail)]
    return DEFAULT_BASE


def rebase(graph: Graph, old: str, new: str) -> Graph:
    """A copy of ``graph`` with every IRI under ``old`` moved under ``new``."""

    def move(term: Node) -> Node:
        if isinstance(term, URIRef) and term.startswith(old):
            return URIRef(new + term[len(old) :])
        return term

    out = Graph()
    for s, p, o in graph:
        out.add((move(s), p, move(o)))
    return out


def write_site(graph_dir: Path | str, out: Path | str, base_iri: str | None = None, *, issued: str | None = None) -> int:
    """Write the static site of a build folder into ``out``; RETURNS the number of files written.

    The site is written into a new folder beside ``out`` and put in place only when complete, so
    ``out`` holds the previous site or the new one, never half of one.
    """
    out = Path(out)
    _check_replaceable(out)
    site = load_site(graph_dir, base_iri, issued=issued)
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{out.name}-", dir=out.parent))
    except OSError as exc:
        raise OutputError(f"cannot write to {out}: {exc.strerror}", hint="choose another --out folder") from exc
    count = 0
    try:
        (staging / SITE_MARKER).write_text(_MARKER_TEXT, encoding="utf-8")
        for rel, data in site.files():
            target = staging / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
            count += 1
        staging.chmod(0o755)
        old = None
        if out.exists():
            old = out.with_name(f".{out.name}-old-{os.getpid()}")
            os.replace(out, old)
        os.replace(staging, out)
        if old:
            shutil.rmtree(old, ignore_errors=True)
    except OSError as exc:
        shutil.rmtree(staging, ignore_errors=True)
        raise OutputError(f"cannot write the site to {out}: {exc}", hint="check free space and permissions") from exc
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return count


#: The file that marks a folder as a site written by cthbgraph, which ``site`` may therefore replace.
SITE_MARKER = ".cthbgraph-site"
_MARKER_TEXT = "This folder was written by cthbgraph site and is replaced as a whole when it is rebuilt.\n"


def _check_replaceable(out: Path) -> None:
    """Refuse to replace a folder that is neither empty nor a site we wrote (``--out ~`` must not
    delete a home folder)."""
    if out.is_symlink() or (out.exists() and not out.is_dir()):
        raise OutputError(f"{out} is not a folder", hint="give --out a new or empty folder, or a site written before")
    if out.is_dir() and any(out.iterdir()) and not (out / SITE_MARKER).is_file():
        raise OutputError(
            f"{out} is not empty and was not written by cthbgraph site; it would be replaced as a whole",
            hint="give --out a new or empty folder",
        )


# ---- helpers ---------------------------------------------------------------------------------------


def _excerpt_key(g: Graph):
    def key(excerpt: Node):
        start = g.value(excerpt, OA.start)
        return (str(g.value(excerpt, DCTERMS.source)), int(start) if start is not None else 0, str(excerpt))

    return key


def _safe_segment(segment: str) -> bool:
    return bool(segment) and segment not in (".", "..") and not any(c in segment for c in "/\\\x00") and segment.isprintable()


def _root(here: str) -> str:
    return "../" * here.count("/")


def _tail(node: Node | None) -> str:
    return str(node).rstrip("/").rsplit("/", 1)[-1] if node is not None else ""


_QNAME_PREFIXES = sorted(((ns, p) for p, ns in _PREFIXES.items()), key=lambda x: -len(x[0]))


def _qname(node: Node) -> str:
    text = str(node)
    for ns, prefix in _QNAME_PREFIXES:
        if text.startswith(ns) and len(text) > len(ns):
            return f"{prefix}:{text[len(ns):]}"
    return text
