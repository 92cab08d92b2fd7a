"""Load the built graph into any SPARQL 1.1 store, replacing a named graph as one operation.

Readers of the store must see the old graph or the new one, never a mix and never half, whether
the store's default graph is its own graph or the union of its named graphs (``oxigraph serve
--union-default-graph``, Fuseki's ``unionDefaultGraph``, Virtuoso), and a publish that fails or is
killed must leave nothing behind. Two methods (details per store in docs/publishing.md):

``update`` (default): one SPARQL Update request,
``DROP SILENT GRAPH <target> ; INSERT DATA { GRAPH <target> { ... } }``, which stores that run
each update request as one transaction (Oxigraph, Fuseki/TDB2, GraphDB, Stardog) apply whole or
not at all. No staging graph ever exists, so a publisher killed at any moment leaves the old graph.

``staging``: the Graph Store Protocol ``PUT`` into a staging graph ``<target>-staging-<random>``,
its triples counted, then ``MOVE <staging> TO <target>``. For stores that refuse large updates;
while the upload runs, a union default graph shows the staging triples too, so use it only where
the default graph is not the union.

Both first drop staging graphs left by earlier publishes that were killed, in the same request as
the replacement (``update``) or before the upload (``staging``). ``timeout`` bounds the whole
exchange, not each read; replies are read up to a size limit and parsed defensively, so a store
that drips bytes, answers hugely or answers garbage ends the publish with one line (exit 3).

``named_graphs`` also sends each report's graph (``cthb.nq``) as a named graph, in the same
transaction, and refuses stores whose default graph is the union (:mod:`cthbgraph.publish_graphs`).
"""

from __future__ import annotations

import contextlib
import http.client
import json
import re
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode, urlsplit, urlunsplit

from rdflib import Literal, URIRef

from . import publish_graphs
from .buildfolder import NQUADS, BuildFolder
from .errors import CthbError, EndpointError, StoreError
from .store.remote import bind_values, default_timeout
from .vocab import DEFAULT_BASE

DEFAULT_GRAPH = DEFAULT_BASE + "graph"
METHODS = ("update", "staging", "bulk")
# An absolute IRI without the characters that SPARQL and N-Triples forbid inside <...>.
_IRI = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:[^\x00-\x20<>\"{}|^`\\]*$")
_MEDIA = {".nt": "application/n-triples", ".ttl": "text/turtle"}
#: Largest reply read from the store; a count or an error message is far smaller.
_REPLY_BYTES = 1_000_000
# Values are bound with a VALUES block (cthbgraph.remote.bind_values), never pasted.
_COUNT = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
_LEFTOVERS = "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } FILTER(STRSTARTS(STR(?g), ?prefix)) }"


@dataclass(frozen=True)
class Endpoints:
    """The three URLs of a store: SPARQL query, SPARQL update and Graph Store Protocol."""

    query: str
    update: str
    graph_store: str

    @classmethod
    def derive(cls, endpoint: str, update: str | None = None, graph_store: str | None = None) -> Endpoints:
        """URLs from the query URL by the Oxigraph server's layout (``/query``, ``/update``, ``/store``).

        A URL ending in ``/query`` or ``/sparql`` has that segment replaced; any other URL is taken
        as the server's root. Fuseki (``/ds/query``, ``/ds/update``, ``/ds/data``) needs
        ``graph_store`` given.
        """
        parts = urlsplit(endpoint)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise EndpointError(
                f"{endpoint!r} is not an http(s) URL of a SPARQL endpoint",
                hint="give the query URL, e.g. --endpoint http://127.0.0.1:7878/query",
            )
        path = parts.path.rstrip("/")
        head, _, last = path.rpartition("/")
        root = head if last in ("query", "sparql") else path
        # Any default-graph-uri is dropped: the count must see the target graph by name.
        query = urlunsplit(parts._replace(path=path if last in ("query", "sparql") else root + "/query", query=""))

        def sibling(name: str) -> str:
            return urlunsplit(parts._replace(path=f"{root}/{name}", query=""))

        return cls(query, update or sibling("update"), graph_store or sibling("store"))


@dataclass(frozen=True)
class PublishResult:
    graph: str
    triples: int
    source: Path
    endpoints: Endpoints
    #: Staging graphs of earlier, interrupted publishes that were dropped.
    dropped: tuple[str, ...] = ()
    #: The report graphs sent beside ``graph`` (``named_graphs``), and their triples in all.
    report_graphs: tuple[str, ...] = ()
    report_triples: int = 0


def graph_file(out: Path | str) -> Path:
    """The graph file of a build folder (``cthb.nt``, else ``cthb.ttl``), or the file given."""
    path = Path(out)
    candidate = path if path.is_file() else BuildFolder(path).graph_file()
    if candidate is None:
        raise StoreError(f"no built graph in {path} (cthb.nt or cthb.ttl)", hint="build it first with: cthbgraph build")
    if candidate.suffix not in _MEDIA:
        raise StoreError(f"cannot publish {candidate}: not .nt or .ttl", hint="publish the build folder")
    return candidate


def ntriples_of(path: Path) -> bytes:
    """The graph file as N-Triples, one distinct triple per line, checked by Oxigraph's parser.

    RAISES StoreError: the file is not valid N-Triples or Turtle (exit 2): nothing is sent.
    """
    import pyoxigraph as ox

    fmt = ox.RdfFormat.N_TRIPLES if path.suffix == ".nt" else ox.RdfFormat.TURTLE
    try:
        data = ox.serialize(ox.parse(path=str(path), format=fmt), format=ox.RdfFormat.N_TRIPLES)
    except (SyntaxError, ValueError, OSError) as exc:
        raise StoreError(f"{path} is not valid {fmt.name}: {' '.join(str(exc).split())[:200]}", hint="rebuild it with: cthbgraph build") from exc
    lines = {line for line in data.splitlines() if line.strip()}
    return b"\n".join(sorted(lines)) + b"\n"


def publish(
    out: Path | str,
    endpoint: str,
    *,
    graph: str = DEFAULT_GRAPH,
    update: str | None = None,
    graph_store: str | None = None,
    timeout: float | None = None,
    method: str = "update",
    isql: str | None = None,
    load_dir: Path | str | None = None,
    named_graphs: bool = False,
) -> PublishResult:
    """Replace ``graph`` at the store behind ``endpoint`` by the built graph of ``out``.

    out (Path | str): a build folder (its ``cthb.nt`` or ``cthb.ttl``) or one of those files.
    endpoint (str): the store's SPARQL query URL (see :meth:`Endpoints.derive` for the others).
    graph (str): IRI of the named graph to replace.
    timeout (float | None): seconds the whole exchange may take [default: env CTHB_TIMEOUT, else 60].
    method (str): "update" (one transactional update), "staging" (upload, count, MOVE) or "bulk"
        (Virtuoso's bulk loader, see :mod:`cthbgraph.virtuoso`; needs ``isql`` and ``load_dir``).
    isql (str | None): HOST:PORT of Virtuoso's SQL port, for "bulk".
    load_dir (Path | str | None): a folder Virtuoso reads (DirsAllowed), for "bulk".
    named_graphs (bool): also replace each report's graph (the build's ``cthb.nq``) by its named
        graph, in the same transaction (not with "bulk"; see :mod:`cthbgraph.publish_graphs`).
    RETURNS (PublishResult): the graph, its triple count and the URLs used.
    RAISES EndpointError: the store is unreachable, refuses, is too slow or answers nonsense (exit 3).
    RAISES CthbError: ``named_graphs`` on a store whose default graph is the union of its graphs (exit 2).
    """
    if method not in METHODS:
        raise CthbError(f"unknown publish method {method!r}", hint="use update, staging or bulk", exit_code=2)
    if named_graphs and method == "bulk":
        publish_graphs.refuse_bulk()
    if method == "bulk" and not (isql and load_dir):
        raise CthbError("--method bulk needs --isql HOST:PORT and --load-dir DIR", hint="e.g. --isql 127.0.0.1:1111 --load-dir /srv/virtuoso/load", exit_code=2)
    target = _iri(graph)
    source = graph_file(out)
    # Both files from the one build the links point to now, even if a rebuild switches them.
    data = ntriples_of(source.resolve() if named_graphs else source)
    prefix, reports = publish_graphs.report_graphs(source.resolve().with_name(NQUADS), target, _iri) if named_graphs else ("", {})
    expected = data.count(b"\n")
    urls = Endpoints.derive(endpoint, update, graph_store)
    seconds = default_timeout() if timeout is None else timeout
    store = _Store(urls, time.monotonic() + seconds, seconds)
    leftovers = store.leftovers(target)
    if named_graphs:
        publish_graphs.refuse_union_default_graph(store, target)
    if method == "bulk":
        from .virtuoso import Isql, bulk_load

        bulk_load(store, Isql(isql, store.deadline), data, target, leftovers, Path(load_dir))
    else:
        replace = publish_graphs.replace_by_update if method == "update" else publish_graphs.replace_by_staging
        replace(store, data, target, leftovers, prefix, reports)
    sent = sum(triples.count(b"\n") for triples in reports.values())
    return PublishResult(str(target), expected, source, urls, tuple(str(g) for g in leftovers), tuple(map(str, reports)), sent)


def _iri(value: str) -> URIRef:
    if not _IRI.match(value):
        raise CthbError(
            f"{value!r} is not an absolute IRI for a graph",
            hint=f"no spaces, quotes or <>{{}}|^`\\; e.g. --graph {DEFAULT_GRAPH}",
            exit_code=2,
        )
    return URIRef(value)


class _TooLarge(Exception):
    pass


class _Store:
    """The exchanges of one publish with a store, all within one deadline."""

    def __init__(self, urls: Endpoints, deadline: float, seconds: float):
        self.urls = urls
        self.deadline = deadline
        self.seconds = seconds

    def update(self, text: str, *, what: str) -> None:
        self.send("POST", self.urls.update, [text.encode()], "application/sparql-update", what=what)

    def select(self, text: str) -> list[dict]:
        body = urlencode({"query": text}).encode()
        reply = self.send("POST", self.urls.query, [body], "application/x-www-form-urlencoded", what="answer a query", accept="application/sparql-results+json")
        try:
            rows = json.loads(reply)["results"]["bindings"]
            if not isinstance(rows, list):
                raise TypeError("bindings is not a list")
            return rows
        except (ValueError, RecursionError, TypeError, KeyError, UnicodeDecodeError) as exc:
            raise EndpointError(
                f"the store at {self.urls.query} did not answer with SPARQL JSON results",
                hint="is --endpoint the store's SPARQL query URL?",
            ) from exc

    def count(self, graph: URIRef) -> int:
        rows = self.select(bind_values(_COUNT, {"g": graph}))
        try:
            return int(rows[0]["n"]["value"]) if rows else 0
        except (KeyError, TypeError, ValueError, IndexError) as exc:
            message = f"the store at {self.urls.query} answered a count that is not a number"
            raise EndpointError(message, hint="is --endpoint the store's SPARQL query URL?") from exc

    def leftovers(self, target: URIRef) -> list[URIRef]:
        """Staging graphs of earlier publishes of ``target`` (the prefix is bound, never pasted)."""
        rows = self.select(bind_values(_LEFTOVERS, {"prefix": Literal(str(target) + publish_graphs.STAGING)}))
        found = [row.get("g", {}).get("value", "") for row in rows if isinstance(row, dict)]
        return [URIRef(g) for g in found if g.startswith(str(target) + publish_graphs.STAGING) and _IRI.match(g)]

    def drop_quietly(self, *staging: URIRef) -> None:
        """Best effort after a failure; a staging graph left anyway is dropped by the next publish."""
        self.deadline = max(self.deadline, time.monotonic() + min(self.seconds, 10))
        with contextlib.suppress(EndpointError):
            self.update(" ;\n".join(f"DROP SILENT GRAPH {g.n3()}" for g in staging), what="drop the staging graph")

    def send(self, method: str, url: str, body: list[bytes], media: str, *, what: str, accept: str | None = None) -> bytes:
        """One request whose connection is shut down when the deadline passes, whatever phase it
        is in; RETURNS the reply (at most ``_REPLY_BYTES``)."""
        remaining = self.deadline - time.monotonic()
        if remaining <= 0:
            raise self._late(url)
        parts = urlsplit(url)
        connection_class = http.client.HTTPSConnection if parts.scheme == "https" else http.client.HTTPConnection
        conn = connection_class(parts.netloc, timeout=remaining)
        expired = threading.Event()

        def expire() -> None:
            expired.set()
            if conn.sock is not None:
                with contextlib.suppress(OSError):
                    conn.sock.shutdown(socket.SHUT_RDWR)

        watchdog = threading.Timer(remaining, expire)
        watchdog.daemon = True
        watchdog.start()
        try:
            reply, status = self._exchange(conn, method, parts, body, media, accept)
        except _TooLarge:
            raise EndpointError(f"the store at {url} answered more than {_REPLY_BYTES} bytes", hint="is the URL that of a SPARQL store?") from None
        except (OSError, http.client.HTTPException) as exc:
            if expired.is_set() or isinstance(exc, (TimeoutError, socket.timeout)):
                raise self._late(url) from exc
            raise _unreachable(url, exc) from exc
        finally:
            watchdog.cancel()
            conn.close()
        if expired.is_set():
            raise self._late(url)
        if status >= 300:
            hint = _first_line(reply) or "check the URL (--update-url / --store-url) and the server's log"
            raise EndpointError(f"the store at {url} refused to {what}: HTTP {status}", hint=hint)
        return reply

    @staticmethod
    def _exchange(conn, method: str, parts, body: list[bytes], media: str, accept: str | None) -> tuple[bytes, int]:
        conn.putrequest(method, parts.path + (f"?{parts.query}" if parts.query else ""))
        conn.putheader("Content-Type", media)
        conn.putheader("Content-Length", str(sum(len(b) for b in body)))
        if accept:
            conn.putheader("Accept", accept)
        conn.endheaders()
        for piece in body:
            for chunk in _chunks(piece):
                conn.send(chunk)
        response = conn.getresponse()
        reply = response.read(_REPLY_BYTES + 1)
        if len(reply) > _REPLY_BYTES:
            raise _TooLarge
        return reply, response.status

    def _late(self, url: str) -> EndpointError:
        return EndpointError(f"the store at {url} did not finish within the timeout of {self.seconds:g} s", hint="try again or raise --timeout")


def _chunks(data: bytes, size: int = 1 << 16) -> Iterator[memoryview]:
    view = memoryview(data)
    for start in range(0, len(view), size):
        yield view[start : start + size]


def _unreachable(url: str, exc: BaseException) -> EndpointError:
    if isinstance(exc, http.client.HTTPException):
        detail = " ".join(str(exc).split())[:100] or type(exc).__name__
        return EndpointError(f"the store at {url} did not answer with HTTP: {detail}", hint="is the URL that of a SPARQL store?")
    reason = getattr(exc, "strerror", None) or " ".join(str(exc).split())[:100] or type(exc).__name__
    return EndpointError(f"cannot reach the store at {url}: {reason}", hint="is the server running and the URL right?")


def _first_line(reply: bytes) -> str:
    for line in reply.decode("utf-8", "replace").splitlines():
        text = "".join(c for c in line.strip() if c.isprintable())
        if text:
            return text[:200]
    return ""
