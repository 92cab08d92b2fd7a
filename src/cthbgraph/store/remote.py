"""Any SPARQL 1.1 endpoint as a :class:`~cthbgraph.store.base.Store`, through SPARQLWrapper.

Values are bound with a ``VALUES`` block opened at the top of the query's WHERE group, built from
rdflib terms serialised with ``term.n3()`` (which escapes quotes, backslashes and new lines in
literals and refuses IRIs with ``<>"{}|^`\\`` or spaces), so a value never becomes query text.
A value placed there is bound for the whole WHERE group, as pyoxigraph's ``substitutions`` bind it
in the embedded store, and the two give the same rows (``tests/test_remote.py``).

Which graph is queried: the endpoint's default graph. Publish into a named graph and either run the
server so that its default graph is the union of all graphs (``oxigraph serve
--union-default-graph``), or name the graph in the endpoint URL
(``http://host/query?default-graph-uri=IRI``), which is sent as the SPARQL protocol's
``default-graph-uri`` parameter. ``named-graph-uri`` parameters of the URL are sent as well: the
graphs that ``GRAPH`` patterns see (the report graphs of ``publish --named-graphs``).
"""

from __future__ import annotations

import http.client
import json
import os
import socket
import urllib.error
from collections.abc import Mapping
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from rdflib import BNode, Literal, URIRef
from rdflib.term import Node
from SPARQLWrapper import JSON, POST, SELECT, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import SPARQLWrapperException

from ..errors import EndpointError, QueryError
from .base import Rows, Store
from .values import python_value

DEFAULT_TIMEOUT = 60.0


def default_timeout() -> float:
    """Seconds to wait for an endpoint: ``CTHB_TIMEOUT`` if set, else 60."""
    try:
        return float(os.environ.get("CTHB_TIMEOUT", DEFAULT_TIMEOUT))
    except ValueError:
        return DEFAULT_TIMEOUT


class RemoteStore(Store):
    """A SPARQL 1.1 query endpoint.

    endpoint (str): the query URL, e.g. ``http://127.0.0.1:7878/query``; a ``default-graph-uri``
        in its query string selects the graph to query, ``named-graph-uri`` those GRAPH reads.
    timeout (float | None): seconds to wait for the connection and for each read of the answer
        [default: env CTHB_TIMEOUT, else 60].
    graph (str | None): the graph to query (as ``default-graph-uri``); overrides the URL's.
    """

    def __init__(self, endpoint: str, *, timeout: float | None = None, graph: str | None = None):
        parts = urlsplit(endpoint)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise EndpointError(
                f"{endpoint!r} is not an http(s) URL of a SPARQL endpoint",
                hint="give the query URL, e.g. --endpoint http://127.0.0.1:7878/query",
            )
        params = parse_qsl(parts.query, keep_blank_values=True)
        graphs = [v for k, v in params if k == "default-graph-uri"]
        self.named_graphs = [v for k, v in params if k == "named-graph-uri"]
        rest = [(k, v) for k, v in params if k not in ("default-graph-uri", "named-graph-uri")]
        self.endpoint = urlunsplit(parts._replace(query=urlencode(rest)))
        self.graphs = [graph] if graph else graphs
        self.timeout = default_timeout() if timeout is None else timeout

    def _wrapper(self, sparql: str) -> SPARQLWrapper:
        wrapper = SPARQLWrapper(self.endpoint)
        wrapper.setMethod(POST)  # bound values can make queries too long for a GET URL
        wrapper.setReturnFormat(JSON)
        # setTimeout() truncates to int, and a timeout of 0 means none: set the seconds as given.
        wrapper.timeout = self.timeout
        for graph in self.graphs:
            wrapper.addDefaultGraph(graph)
        for graph in self.named_graphs:
            wrapper.addNamedGraph(graph)
        wrapper.setQuery(sparql)
        # SPARQLWrapper guesses the form from the text and takes a word in a comment ("loaded",
        # "added") for an update, which it would send as one: this store only reads, so a query.
        wrapper.queryType = SELECT
        return wrapper

    def _json(self, sparql: str, bindings: Mapping[str, Node] | None) -> dict:
        text = bind_values(sparql, bindings or {})
        try:
            answer = self._wrapper(text).query()
            body = answer.response.read()
        except SPARQLWrapperException as exc:
            status = getattr(exc, "msg", "")
            detail = _first_line(exc.args[0] if exc.args else "")
            raise EndpointError(
                f"the SPARQL endpoint {self.endpoint} refused the query: {status or detail}",
                hint=_first_line(_response_text(exc)) or "check the endpoint URL and the server's log",
            ) from exc
        except urllib.error.HTTPError as exc:
            raise EndpointError(
                f"the SPARQL endpoint {self.endpoint} answered HTTP {exc.code} {exc.reason}",
                hint=_first_line(_safe_read(exc)) or "check the endpoint URL and the server's log",
            ) from exc
        except TimeoutError as exc:
            raise EndpointError(
                f"the SPARQL endpoint {self.endpoint} did not answer within {self.timeout:g} s",
                hint="the server may be overloaded or the query too heavy; try again or raise the timeout",
            ) from exc
        except urllib.error.URLError as exc:
            reason = exc.reason
            if isinstance(reason, (TimeoutError, socket.timeout)):
                raise EndpointError(
                    f"the SPARQL endpoint {self.endpoint} did not answer within {self.timeout:g} s",
                    hint="the server may be overloaded or the query too heavy; try again or raise the timeout",
                ) from exc
            raise EndpointError(
                f"cannot reach the SPARQL endpoint {self.endpoint}: {getattr(reason, 'strerror', None) or reason}",
                hint="is the server running and the URL right? e.g. --endpoint http://127.0.0.1:7878/query",
            ) from exc
        except (OSError, http.client.HTTPException) as exc:
            raise EndpointError(
                f"the connection to the SPARQL endpoint {self.endpoint} failed: {exc or type(exc).__name__}",
                hint="is the server running and the URL right?",
            ) from exc
        try:
            return json.loads(body)
        except (ValueError, UnicodeDecodeError) as exc:
            raise EndpointError(
                f"the SPARQL endpoint {self.endpoint} did not answer with SPARQL JSON results",
                hint="is the URL the query endpoint (e.g. .../query or .../sparql)?",
            ) from exc

    def select(self, sparql: str, bindings: Mapping[str, Node] | None = None) -> Rows:
        data = self._json(sparql, bindings)
        if "results" not in data:
            raise QueryError("this query is not a SELECT query", hint="use a SELECT query here")
        columns = tuple(data.get("head", {}).get("vars", []))
        rows = tuple(tuple(_value(solution.get(c)) for c in columns) for solution in data["results"]["bindings"])
        return Rows(columns, rows)

    def ask(self, sparql: str, bindings: Mapping[str, Node] | None = None) -> bool:
        data = self._json(sparql, bindings)
        if "boolean" not in data:
            raise QueryError("this query is not an ASK query")
        return bool(data["boolean"])


def _value(term: dict | None) -> object:
    """A term of the SPARQL JSON results format as a Python value."""
    if term is None:
        return None
    return python_value(term.get("type", "literal"), term.get("value", ""), term.get("datatype"), term.get("xml:lang"))


def bind_values(sparql: str, bindings: Mapping[str, Node]) -> str:
    """The query with ``VALUES (?a ?b) { (term term) }`` opened at the top of its WHERE group.

    Only the position is looked for in the query text (which comes from the library, not from the
    user); the values are rdflib terms written with ``n3()``, the SPARQL/Turtle term syntax.
    """
    if not bindings:
        return sparql
    names = " ".join(f"?{name}" for name in bindings)
    terms = " ".join(_term(value) for value in bindings.values())
    at = _where_brace(sparql)
    return f"{sparql[: at + 1]}\n  VALUES ({names}) {{ ({terms}) }}\n{sparql[at + 1 :]}"


def _term(value: Node) -> str:
    if isinstance(value, BNode) or not isinstance(value, (URIRef, Literal)):
        raise QueryError(f"cannot bind {value!r}: only IRIs and literals can be bound")
    try:
        text = value.n3()
        if isinstance(value, URIRef) and not text.startswith("<"):
            raise ValueError("not an IRI")
        return text
    except Exception as exc:  # rdflib refuses IRIs with characters that would break the syntax
        raise QueryError(f"cannot bind {str(value)!r}: {exc}", hint="an IRI cannot hold spaces, quotes or <>{}") from exc


def _where_brace(sparql: str) -> int:
    """Offset of the ``{`` that opens the outermost WHERE group (``WHERE`` itself is optional)."""
    i, n = 0, len(sparql)
    while i < n:
        c = sparql[i]
        if c == "#":  # comment to end of line
            i = sparql.find("\n", i)
            i = n if i < 0 else i
        elif c == "<" and i + 1 < n and not sparql[i + 1].isspace() and sparql[i + 1] not in "=":
            end = sparql.find(">", i)  # an IRI: skip it, its '#' is no comment
            i = n if end < 0 else end + 1
        elif c in "\"'":
            i = _skip_string(sparql, i)
        elif c == "{":
            return i
        else:
            i += 1
    raise QueryError("the query has no WHERE clause to bind values in")


def _skip_string(text: str, i: int) -> int:
    quote = text[i]
    if text.startswith(quote * 3, i):
        end = text.find(quote * 3, i + 3)
        return len(text) if end < 0 else end + 3
    i += 1
    while i < len(text) and text[i] != quote:
        i += 2 if text[i] == "\\" else 1
    return i + 1


def _first_line(value: object) -> str:
    text = value.decode("utf-8", "replace") if isinstance(value, bytes) else str(value)
    for line in text.splitlines():
        if line.strip():
            return line.strip()[:200]
    return ""


def _response_text(exc: SPARQLWrapperException) -> str:
    text = str(exc)
    _, sep, response = text.partition("Response:\n")
    return response.strip().strip("b'\"") if sep else ""


def _safe_read(exc: urllib.error.HTTPError) -> str:
    try:
        return exc.read().decode("utf-8", "replace")
    except Exception:
        return ""
