"""The query library: ``queries/*.rq``, each with a header saying what it answers and its parameters.

Header form (comment lines before the query)::

    # Provisions of the Action Plan that task a given body, with their text.
    #+ param body: a body's acronym or name as the reports write it, e.g. "ODIHR"
    #+ param notation (iri): ...          # "(iri)" binds an IRI; values are literals otherwise
    #+ example body=ODIHR                 # a value that gives rows on the corpus (tests run it)

Parameters are bound as values of the query's variables (``?body``), never pasted into its text; a
parameter's variable must appear in the SELECT clause (Oxigraph binds only projected variables).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from rdflib import Literal, URIRef
from rdflib.term import Node

from .errors import QueryError, UnknownTermError
from .resources import queries_dir
from .store import Rows, Store

_PARAM = re.compile(r"^#\+\s*param\s+(?P<name>[A-Za-z_]\w*)\s*(?:\((?P<kind>iri|literal)\))?\s*:\s*(?P<doc>.*)$")
# An absolute IRI without the characters that SPARQL and N-Triples forbid inside <...>.
_IRI = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:[^\x00-\x20<>\"{}|^`\\]*$")
_EXAMPLE = re.compile(r"^#\+\s*example\s+(?P<name>[A-Za-z_]\w*)\s*=\s*(?P<value>.*)$")


@dataclass(frozen=True)
class Parameter:
    name: str
    kind: str  # "literal" or "iri"
    doc: str


@dataclass(frozen=True)
class Query:
    name: str
    path: Path | None
    description: str
    parameters: tuple[Parameter, ...]
    text: str
    examples: tuple[tuple[str, str], ...] = ()

    def bind(self, values: Mapping[str, str]) -> dict[str, Node]:
        """User values as RDF terms for the declared parameters; unknown or missing names are errors."""
        declared = {p.name: p for p in self.parameters}
        unknown = sorted(set(values) - set(declared))
        if unknown:
            raise UnknownTermError(
                f"query {self.name!r} has no parameter {unknown[0]!r}",
                term=unknown[0],
                choices=declared,
                hint=f"its parameters: {', '.join(declared) or 'none'}",
            )
        missing = [p.name for p in self.parameters if p.name not in values]
        if missing:
            raise QueryError(
                f"query {self.name!r} needs --param {missing[0]}=VALUE",
                hint="; ".join(f"{p.name}: {p.doc}" for p in self.parameters),
            )
        for name, v in values.items():
            if declared[name].kind == "iri" and not _IRI.match(v):
                raise QueryError(
                    f"--param {name}={v!r} is not an IRI",
                    hint=f"{name}: {declared[name].doc}",
                )
        return {name: (URIRef(v) if declared[name].kind == "iri" else Literal(v)) for name, v in values.items()}

    def run(self, store: Store, values: Mapping[str, str] | None = None) -> Rows:
        """The rows of the query on ``store``, with ``values`` bound to its parameters.

        RAISES QueryError: an update (INSERT, DELETE, ...), which is refused, or a query that is not SELECT.
        """
        form = query_form(self.text)
        if form in UPDATE_FORMS:
            raise QueryError(
                f"{self.name!r} is a SPARQL update ({form}): updates are refused, cthbgraph only reads the graph",
                hint="run a SELECT query; the graph changes only by building it again from the reports",
            )
        return _sorted_lists(store.select(self.text, self.bind(values or {})), _lists(self.text))


# A list made in the query: (GROUP_CONCAT(DISTINCT ?x; separator=", ") AS ?name).
_LIST = re.compile(r'GROUP_CONCAT\s*\(\s*(?:DISTINCT\s+)?\?\w+\s*;\s*separator\s*=\s*"([^"]*)"\s*\)\s*AS\s+\?(\w+)', re.IGNORECASE)


@cache
def _lists(text: str) -> tuple[tuple[str, str], ...]:
    """(column, separator) of each GROUP_CONCAT of a query."""
    return tuple((m.group(2), m.group(1)) for m in _LIST.finditer(text))


def _sorted_lists(rows: Rows, lists: tuple[tuple[str, str], ...]) -> Rows:
    """GROUP_CONCAT lists in sorted order, and no list as None.

    SPARQL leaves the order of GROUP_CONCAT open, and stores differ (Oxigraph keeps the order it
    met the values in, Virtuoso sorts them) as they do on the empty list (unbound or ""): sorted
    and normalised here, a query gives the same rows on every store, and the same rows every time.
    """
    where = [(rows.columns.index(name), sep) for name, sep in lists if name in rows.columns and sep]
    if not where:
        return rows

    def fixed(row: tuple) -> tuple:
        row = list(row)
        for i, sep in where:
            if isinstance(row[i], str):
                row[i] = sep.join(sorted(row[i].split(sep))) if row[i] else None
        return tuple(row)

    return Rows(rows.columns, tuple(fixed(r) for r in rows.rows))


#: The first keyword of each SPARQL 1.1 Update operation.
UPDATE_FORMS = frozenset({"INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD", "WITH"})
_PROLOGUE = re.compile(r"\s*(?:#[^\n]*|BASE\s*<[^>]*>|PREFIX\s+[^\s:]*:\s*<[^>]*>)", re.IGNORECASE)


def query_form(text: str) -> str:
    """The first keyword after the prologue (comments, BASE, PREFIX), upper-cased: "SELECT",
    "ASK", "CONSTRUCT", "DESCRIBE", or an update's ("DELETE", "INSERT" ...)."""
    pos = 0
    while m := _PROLOGUE.match(text, pos):
        pos = m.end()
    word = re.match(r"\s*([A-Za-z]+)", text[pos:])
    return word.group(1).upper() if word else ""


def parse_query(text: str, name: str = "query", path: Path | None = None) -> Query:
    description: list[str] = []
    parameters: list[Parameter] = []
    examples: list[tuple[str, str]] = []
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped:
            continue
        if not stripped.startswith("#"):
            break
        m = _PARAM.match(stripped)
        if m:
            parameters.append(Parameter(m.group("name"), m.group("kind") or "literal", m.group("doc").strip()))
        elif e := _EXAMPLE.match(stripped):
            examples.append((e.group("name"), e.group("value").strip().strip('"')))
        elif not stripped.startswith("#+"):
            description.append(stripped.lstrip("#").strip())
    return Query(name, path, " ".join(d for d in description if d), tuple(parameters), text, tuple(examples))


def load_query(path: Path | str) -> Query:
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise QueryError(f"cannot read query file {path}: {exc}", hint="give the path of a .rq file") from exc
    return parse_query(text, path.stem, path)


def library(folder: Path | None = None) -> dict[str, Query]:
    """Every query of ``queries/`` by name (the file name without ``.rq``), read once per process."""
    return dict(_read_library(folder or queries_dir()))


@cache
def _read_library(folder: Path) -> tuple[tuple[str, Query], ...]:
    return tuple((p.stem, load_query(p)) for p in sorted(folder.glob("*.rq")))


def named_query(name_or_path: str) -> Query:
    """A query of the library by name, or a ``.rq`` file by path."""
    path = Path(name_or_path)
    if path.suffix == ".rq" or path.exists():
        if not path.exists():
            raise QueryError(f"no query file {path}", hint="give an existing .rq file or a query name (cthbgraph queries)")
        return load_query(path)
    queries = library()
    if name_or_path not in queries:
        raise UnknownTermError(f"no query named {name_or_path!r}", term=name_or_path, choices=queries)
    return queries[name_or_path]
