"""Where the graph lives: an embedded Oxigraph store by default, any SPARQL 1.1 endpoint by URL.

Both answer :func:`Store.select` with the same :class:`Rows`, so every query command works the same
on a local build and on a published endpoint. Values from users are passed as bindings, never
pasted into query text.
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
from rdflib import Literal, URIRef
from rdflib.term import Node

from .errors import QueryError, StoreError

STORE_DIR = "store"


@dataclass(frozen=True)
class Rows:
    """A SELECT result: column names and rows of plain values (IRIs as strings, literals as text)."""

    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]

    def dicts(self) -> list[dict[str, str]]:
        return [dict(zip(self.columns, row)) for row in self.rows]

    def __len__(self) -> int:
        return len(self.rows)


class Store:
    """The interface of every store: SELECT (and ASK) with bound values."""

    def select(self, sparql: str, bindings: Mapping[str, Node] | None = None) -> Rows:
        raise NotImplementedError

    def ask(self, sparql: str, bindings: Mapping[str, Node] | None = None) -> bool:
        raise NotImplementedError

    def close(self) -> None:
        pass

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _to_ox(term: Node) -> ox.NamedNode | ox.Literal:
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise QueryError(f"cannot bind {term!r}: only IRIs and literals can be bound")


def _value(term: object) -> str:
    if term is None:
        return ""
    return str(term.value)


class EmbeddedStore(Store):
    """The Oxigraph store that ``cthbgraph build`` writes (``OUT/store``), opened read-only."""

    def __init__(self, path: Path | str):
        self.path = Path(path)
        if not self.path.exists():
            raise StoreError(
                f"no graph store at {self.path}",
                hint="build it first with: cthbgraph build (or pass --store DIR / --endpoint URL)",
            )
        try:
            self._store = ox.Store.read_only(str(self.path.resolve()))
        except OSError as exc:
            raise StoreError(f"cannot open the graph store at {self.path}: {exc}", hint="rebuild with: cthbgraph build") from exc

    def _run(self, sparql: str, bindings: Mapping[str, Node] | None):
        substitutions = {ox.Variable(name): _to_ox(value) for name, value in (bindings or {}).items()}
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
        return len(self._store)


#: Triples per call of Oxigraph's bulk loader, which holds about 0.6 KB per triple it is given.
LOAD_BATCH = 200_000


def write_store(ntriples: Path, target: Path) -> None:
    """Load an N-Triples file into a new Oxigraph store at ``target`` (which must not exist).

    The file goes to the bulk loader in batches of :data:`LOAD_BATCH` lines (one call took 1.6 GB
    for 2.5 million triples; batches, 270 MB at the same speed), then the store is compacted for
    reading (about a fifth more time).
    """
    store = ox.Store(str(target))
    with open(ntriples, "rb") as lines:
        while batch := b"".join(itertools.islice(lines, LOAD_BATCH)):
            store.bulk_load(batch, format=ox.RdfFormat.N_TRIPLES)
    store.flush()
    store.optimize()
    del store


def open_store(location: str | Path | None = None, *, endpoint: str | None = None) -> Store:
    """The store at a build folder or store folder, or at a SPARQL endpoint URL."""
    if endpoint:
        from .remote import RemoteStore

        return RemoteStore(endpoint)
    path = Path(location or os.environ.get("CTHB_OUT", "out"))
    if (path / STORE_DIR).exists():
        path = path / STORE_DIR
    return EmbeddedStore(path)
