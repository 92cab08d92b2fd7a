"""Loading a build folder into a :class:`~cthbgraph.lod.site.Site` and writing the site to disk.

The site is written into a new folder beside ``out`` and swapped in when complete
(:func:`cthbgraph.fsio.replaced_folder`): ``out`` holds the previous site or the new one at every
moment a reader can see, and a failed swap puts the previous site back.
"""

from __future__ import annotations

import functools
import hashlib
import os
from dataclasses import replace
from datetime import datetime, timezone
from importlib.metadata import PackageNotFoundError
from importlib.metadata import version as package_version
from pathlib import Path
from urllib.parse import quote, urlsplit

from rdflib import Graph, URIRef
from rdflib.term import Node

from ..buildfolder import BuildFolder
from ..errors import OutputError, QueryError, StoreError
from ..fsio import FolderAsideError, replaced_folder
from ..provenance import BuildProvenance
from ..vocab import CTHB, DCTERMS, DEFAULT_BASE, RDF

#: The file that marks a folder as a site written by cthbgraph, which ``site`` may therefore replace.
SITE_MARKER = ".cthbgraph-site"
_MARKER_TEXT = "This folder was written by cthbgraph site and is replaced as a whole when it is rebuilt.\n"
_W3ID = "https://w3id.org/"


def load_site(
    graph_dir: Path | str = "out", base_iri: str | None = None, *, issued: str | None = None, query_page: bool = False
):
    """The site of a build folder (``cthb.nt`` from ``cthbgraph build``).

    graph_dir (Path | str): the build folder.
    base_iri (str | None): where the site will be hosted; IRIs under the graph's base are rewritten
        to it. None keeps the graph's own base.
    issued (str | None): first publication date (YYYY-MM-DD); defaults to the modification date.
    RETURNS (Site): the renderer of every file.
    """
    from .site import Site

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
        raise StoreError(
            f"{nt_path} is not readable N-Triples: {exc}", hint="rebuild it with: cthbgraph build"
        ) from exc
    graph_base = graph_base_of(graph)
    base = base_iri or graph_base
    if base != graph_base:
        graph = rebase(graph, graph_base, base)
    permanent = graph_base if graph_base.startswith(_W3ID) and graph_base != base else None
    info = dataset_info(nt_path, data, issued)
    if query_page:  # served with its endpoint
        info = replace(info, sparql_endpoint=f"{base}sparql")
    nquads = BuildFolder(graph_dir).nquads
    # A build made before named graphs has no cthb.nq: its site has no dumps of them.
    quads = functools.partial(report_graphs, nquads, graph_base, base) if nquads.exists() else None
    return Site(graph, base, info, query_page=query_page, permanent_base=permanent, quads=quads)


def report_graphs(path: Path, old: str, new: str) -> list:
    """The named graphs of the reports (``cthb.nq``) as pyoxigraph quads, every IRI under ``old``
    (graph names too) moved under ``new``.

    RAISES StoreError: the file is not readable N-Quads."""
    import pyoxigraph as ox

    def move(term):
        if isinstance(term, ox.NamedNode) and term.value.startswith(old):
            return ox.NamedNode(new + term.value[len(old) :])
        return term

    try:
        return [
            ox.Quad(move(q.subject), q.predicate, move(q.object), move(q.graph_name))
            for q in ox.parse(path=str(path), format=ox.RdfFormat.N_QUADS)
        ]
    except (SyntaxError, OSError) as exc:
        raise StoreError(f"{path} is not readable N-Quads: {exc}", hint="rebuild it with: cthbgraph build") from exc


def _check_base(base: str) -> str:
    """A base IRI the site can be hosted at: http(s), a host, no query or fragment; ends in "/"."""
    parts = urlsplit(base)
    if parts.scheme not in ("http", "https") or not parts.netloc or any(c in base for c in ' <>"{}|\\^`#?'):
        raise QueryError(
            f"--base-iri {base!r} is not an http(s) address a site can be hosted at",
            hint="give the folder URL the site will be served from, e.g. https://example.org/cthb/id/",
        )
    return base if base.endswith("/") else base + "/"


def dataset_info(nt_path: Path, data: bytes, issued: str | None = None):
    """Version and dates from the graph itself, so that the same graph gives the same record.

    The modification date is ``SOURCE_DATE_EPOCH`` when set (the reproducible-builds convention),
    else the date ``cthb.nt`` was written; the version is the package version plus a digest of it.
    """
    from .site import DatasetInfo

    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    stamp = int(epoch) if epoch and epoch.isdigit() else int(nt_path.stat().st_mtime)
    modified = datetime.fromtimestamp(stamp, tz=timezone.utc).date().isoformat()
    try:
        pkg = package_version("cthbgraph")
    except PackageNotFoundError:
        pkg = "0"
    digest = hashlib.sha256(data).hexdigest()[:12]
    provenance = BuildProvenance.from_json((BuildFolder(nt_path.parent).record() or {}).get("provenance"))
    from .quality import QUALITY_FILE, read_quality

    return replace(
        DatasetInfo(),
        version=f"{pkg}+{digest}",
        issued=issued or modified,
        modified=modified,
        provenance=provenance,
        quality=read_quality(nt_path.parent / QUALITY_FILE),
    )


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

    The site is written into a new folder beside ``out`` and put in place only when complete
    (:func:`cthbgraph.fsio.replaced_folder`), so ``out`` holds the previous site or the new one,
    never half of one, and never neither.
    """
    out = Path(out)
    _check_replaceable(out)
    site = load_site(graph_dir, base_iri, issued=issued)
    count = 0
    try:
        with replaced_folder(out) as staging:
            (staging / SITE_MARKER).write_text(_MARKER_TEXT, encoding="utf-8")
            for rel, data in site.files():
                target = staging / rel
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(data)
                count += 1
    except FolderAsideError as exc:
        raise OutputError(
            f"cannot put the new site at {out}, nor the previous one back: {exc.strerror}",
            hint=f"the previous site is in {exc.filename}: rename it to {out}",
        ) from exc
    except OSError as exc:
        raise OutputError(f"cannot write the site to {out}: {exc}", hint="check free space and permissions") from exc
    return count


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
