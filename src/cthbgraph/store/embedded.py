"""The embedded Oxigraph store that ``cthbgraph build`` writes (``OUT/store``), opened read-only."""

from __future__ import annotations

import itertools
from collections.abc import Mapping
from pathlib import Path

import pyoxigraph as ox
from rdflib import Literal, URIRef
from rdflib.term import Node

from ..errors import QueryError, StoreError
from .base import Rows, Store
from .terms import to_oxigraph
from .values import python_value


def _bound(term: Node) -> ox.NamedNode | ox.Literal:
    if not isinstance(term, (URIRef, Literal)):
        raise QueryError(f"cannot bind {term!r}: only IRIs and literals can be bound")
    return to_oxigraph(term)


def _value(term: ox.NamedNode | ox.Literal | ox.BlankNode | None) -> object:
    if term is None:
        return None
    if isinstance(term, ox.Literal):
        return python_value("literal", term.value, term.datatype.value, term.language)
    return python_value("uri" if isinstance(term, ox.NamedNode) else "bnode", term.value)


class EmbeddedStore(Store):
    """The Oxigraph store that ``cthbgraph build`` writes (``OUT/store``), opened read-only."""

    def __init__(self, path: Path | str):
        self.path = Path(path)
        if not self.path.exists():
            raise StoreError(
                f"no graph store at {self.path}",
                hint="build it first with: cthbgraph build (or pass --graph-dir DIR / --endpoint URL)",
            )
        try:
            self._store = ox.Store.read_only(str(self.path.resolve()))
        except OSError as exc:
            raise StoreError(f"cannot open the graph store at {self.path}: {exc}", hint="rebuild with: cthbgraph build") from exc

    def _run(self, sparql: str, bindings: Mapping[str, Node] | None):
        substitutions = {ox.Variable(name): _bound(value) for name, value in (bindings or {}).items()}
        try:
            return self._store.query(sparql, substitutions=substitutions)
        except SyntaxError as exc:
            raise QueryError(f"the query is not valid SPARQL: {exc}", hint="check the query text near the position named") from exc
        except RuntimeError as exc:
            # e.g. a bound parameter the query does not project
            raise QueryError(f"the query cannot run: {exc}", hint="a parameter must be a variable in the SELECT clause") from exc

    def select(self, sparql: str, bindings: Mapping[str, Node] | None = None) -> Rows:
        result = self._run(sparql, bindings)
        if not isinstance(result, ox.QuerySolutions):
            raise QueryError("this query is not a SELECT query", hint="use a SELECT query here")
        columns = tuple(v.value for v in result.variables)
        rows = tuple(tuple(_value(solution[c]) for c in columns) for solution in result)
        return Rows(columns, rows)

    def ask(self, sparql: str, bindings: Mapping[str, Node] | None = None) -> bool:
        result = self._run(sparql, bindings)
        if not isinstance(result, ox.QueryBoolean):
            raise QueryError("this query is not an ASK query")
        return bool(result)

    def triples(self) -> int:
        """Triples of the default graph (the graph of the corpus), not counting the copies of them in
        the named graphs of the reports (``len`` of the store would count every quad)."""
        result = self._store.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
        return int(next(iter(result))["n"].value)


#: Triples per call of Oxigraph's bulk loader, which holds about 0.6 KB per triple it is given.
LOAD_BATCH = 200_000


def write_store(ntriples: Path, target: Path, nquads: Path | None = None) -> None:
    """Load an N-Triples file (into the default graph) and an N-Quads file (into its named graphs)
    into a new Oxigraph store at ``target`` (which must not exist).

    The default graph holds the merged triples themselves rather than being the union of the named
    graphs: Oxigraph's union default graph (``use_default_graph_as_union``) and the union default
    graphs of servers repeat a triple once per graph that holds it (a body's label is in the graph
    of every report naming it), which would change every count. Each file goes to the bulk loader in
    batches of :data:`LOAD_BATCH` lines (one call took 1.6 GB for 2.5 million triples; batches,
    270 MB at the same speed), then the store is compacted for reading (about a fifth more time).
    """
    store = ox.Store(str(target))
    for path, fmt in ((ntriples, ox.RdfFormat.N_TRIPLES), (nquads, ox.RdfFormat.N_QUADS)):
        if path is None:
            continue
        with open(path, "rb") as lines:
            while batch := b"".join(itertools.islice(lines, LOAD_BATCH)):
                store.bulk_load(batch, format=fmt)
    store.flush()
    store.optimize()
    del store
