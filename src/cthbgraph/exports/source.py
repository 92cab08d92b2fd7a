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
from rdflib import Graph

from ..analysis.links import ALL, LinkFilter, check_confidence
from ..buildfolder import BuildFolder
from ..errors import StoreError
from ..store.terms import to_rdflib
from ..vocab import bind_prefixes
from .select import Selection, select


@dataclass
class ExportInput:
    """The built graph and the selection, with the derived views writers share (made on first use).

    links (LinkFilter): which links of activities to provisions the network and the heatmap show:
        stated only, or inferred ones too (the default, as in trace, gaps and coverage).
    min_confidence (float): leave out activities and bodies whose cthb:confidence is below it.
    """

    graph_dir: Path
    triples: list
    selection: Selection = field(default_factory=Selection)
    links: LinkFilter = ALL
    min_confidence: float = 0.0

    def __post_init__(self) -> None:
        self.min_confidence = check_confidence(self.min_confidence)

    @cached_property
    def graph(self) -> Graph:
        """The graph as an rdflib ``Graph`` with our prefixes bound."""
        return _to_rdflib(self.triples)

    @cached_property
    def network(self):
        """The whole network (networkx.MultiDiGraph) of bodies, documents, provisions, activities,
        reports, with the links and confidences ``links`` and ``min_confidence`` keep."""
        from .network import build_network, restrict

        return restrict(build_network(self.graph), self.links, self.min_confidence)

    @cached_property
    def selected(self):
        """The network restricted to the selection (the whole network when nothing is selected)."""
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
    folder = BuildFolder(path)
    graph_file = folder.graph_file()
    if graph_file is not None:
        return _parse(graph_file)
    if folder.store.exists():
        store = ox.Store.read_only(str(folder.store.resolve()))
        return [
            ox.Triple(q.subject, q.predicate, q.object)
            for q in store.quads_for_pattern(None, None, None, ox.DefaultGraph())
        ]
    raise StoreError(f"no built graph in {path}", hint="build it first with: cthbgraph build --graph-dir " + str(path))


def _parse(path: Path) -> list:
    fmt = ox.RdfFormat.from_extension(path.suffix.lstrip(".")) or ox.RdfFormat.TURTLE
    try:
        return [ox.Triple(q.subject, q.predicate, q.object) for q in ox.parse(path=str(path), format=fmt)]
    except (SyntaxError, OSError, ValueError) as exc:
        raise StoreError(f"cannot read the graph {path}: {exc}", hint="rebuild it with: cthbgraph build") from exc


def _to_rdflib(triples) -> Graph:
    graph = bind_prefixes(Graph())
    for t in triples:
        graph.add((to_rdflib(t.subject), to_rdflib(t.predicate), to_rdflib(t.object)))
    return graph
