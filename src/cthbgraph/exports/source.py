"""What every writer reads: the built graph (out/cthb.nt, else out/cthb.ttl, else the store).

The graph is parsed with pyoxigraph, which also writes Turtle, N-Triples, N-Quads and RDF/XML about
fifty times faster than rdflib; an rdflib ``Graph`` is made from it only for the writers that need
one (JSON-LD compaction, the network).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef

from ..errors import StoreError
from ..store import STORE_DIR
from ..vocab import XSD, bind_prefixes


@dataclass(frozen=True)
class Selection:
    """Which part of the network to export: the neighbourhood of ``focus`` or one ``chapter``.

    focus (str): a provision or section notation ("III.10.2"), a document symbol ("MC.DEC/3/06"),
        a body's acronym or name ("ODIHR"), or any resource IRI.
    depth (int): how many links away from the focus (or from the chapter's provisions) to include.
    chapter (str): an Action Plan chapter ("III") or section ("III.10").
    """

    focus: str = ""
    depth: int = 1
    chapter: str = ""

    def __bool__(self) -> bool:
        return bool(self.focus or self.chapter)

    def describe(self) -> str:
        if self.focus:
            return f"neighbourhood of {self.focus} (depth {self.depth})"
        return f"chapter {self.chapter}" if self.chapter else "whole graph"


@dataclass
class ExportInput:
    """The built graph and the selection, with the derived views writers share (made on first use)."""

    graph_dir: Path
    triples: list
    selection: Selection = field(default_factory=Selection)

    @cached_property
    def graph(self) -> Graph:
        """The graph as an rdflib ``Graph`` with our prefixes bound."""
        return _to_rdflib(self.triples)

    @cached_property
    def network(self):
        """The whole network (networkx.MultiDiGraph) of bodies, documents, provisions, activities, reports."""
        from .network import build_network

        return build_network(self.graph)

    @cached_property
    def selected(self):
        """The network restricted to the selection (the whole network when nothing is selected)."""
        from .select import select

        return select(self.network, self.selection)


def load_graph(graph_dir: Path | str = "out") -> Graph:
    """The graph that ``cthbgraph build`` wrote into ``graph_dir``, as an rdflib ``Graph``.

    graph_dir (Path | str): the build folder (holding cthb.nt / cthb.ttl / store), or an RDF file.
    RETURNS (Graph): the graph, with our prefixes bound.
    RAISES StoreError: when there is no built graph there.
    """
    return _to_rdflib(load_triples(graph_dir))


def load_triples(graph_dir: Path | str = "out") -> list:
    """The triples of the built graph as pyoxigraph terms (see :func:`load_graph`)."""
    path = Path(graph_dir)
    if path.is_file():
        return _parse(path)
    for name in ("cthb.nt", "cthb.ttl"):
        if (path / name).is_file():
            return _parse(path / name)
    if (path / STORE_DIR).exists():
        store = ox.Store.read_only(str((path / STORE_DIR).resolve()))
        return [
            ox.Triple(q.subject, q.predicate, q.object)
            for q in store.quads_for_pattern(None, None, None, ox.DefaultGraph())
        ]
    raise StoreError(f"no built graph in {path}", hint="build it first with: cthbgraph build --out " + str(path))


def _parse(path: Path) -> list:
    fmt = ox.RdfFormat.from_extension(path.suffix.lstrip(".")) or ox.RdfFormat.TURTLE
    try:
        return [ox.Triple(q.subject, q.predicate, q.object) for q in ox.parse(path=str(path), format=fmt)]
    except (SyntaxError, OSError, ValueError) as exc:
        raise StoreError(f"cannot read the graph {path}: {exc}", hint="rebuild it with: cthbgraph build") from exc


_XSD_STRING = str(XSD.string)


def _term(t):
    if isinstance(t, ox.NamedNode):
        return URIRef(t.value)
    if isinstance(t, ox.Literal):
        if t.language:
            return Literal(t.value, lang=t.language)
        datatype = t.datatype.value
        return Literal(t.value, datatype=None if datatype == _XSD_STRING else URIRef(datatype))
    return BNode(t.value)


def _to_rdflib(triples) -> Graph:
    graph = bind_prefixes(Graph())
    for t in triples:
        graph.add((_term(t.subject), _term(t.predicate), _term(t.object)))
    return graph
