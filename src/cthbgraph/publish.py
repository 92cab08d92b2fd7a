"""Load the built graph into any SPARQL 1.1 store, replacing a named graph as one operation.

The SPARQL 1.1 Graph Store Protocol ``PUT`` alone is not safe: some stores (Oxigraph up to 0.5.9,
#1895) clear the graph and load in separate transactions, so a failed upload leaves it empty. The
portable pattern used here:

1. ``PUT`` the file into a fresh staging graph (its IRI is the target's plus a random suffix);
2. count the staging graph's triples and compare with the file (a short upload stops here);
3. one SPARQL Update ``MOVE <staging> TO <target>``, which a store runs as one operation, so
   readers see the old graph or the new one, never half of it.

On any failure the staging graph is dropped (best effort) and the target is left as it was.
"""

from __future__ import annotations

import re
import secrets
import socket
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, urlsplit, urlunsplit

from rdflib import Graph, URIRef

from .buildfolder import BuildFolder
from .errors import CthbError, EndpointError, StoreError
from .store.remote import RemoteStore, default_timeout
from .vocab import DEFAULT_BASE

DEFAULT_GRAPH = DEFAULT_BASE + "graph"
# An absolute IRI without the characters that SPARQL and N-Triples forbid inside <...>.
_IRI = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:[^\x00-\x20<>\"{}|^`\\]*$")
_MEDIA = {".nt": "application/n-triples", ".ttl": "text/turtle"}
_COUNT = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"


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
        # Any default-graph-uri is dropped: the count must see the staging graph by name.
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


def graph_file(out: Path | str) -> Path:
    """The graph file of a build folder (``cthb.nt``, else ``cthb.ttl``), or the file given."""
    path = Path(out)
    candidate = path if path.is_file() else BuildFolder(path).graph_file()
    if candidate is None:
        raise StoreError(f"no built graph in {path} (cthb.nt or cthb.ttl)", hint="build it first with: cthbgraph build")
    if candidate.suffix not in _MEDIA:
        raise StoreError(f"cannot publish {candidate}: not .nt or .ttl", hint="publish the build folder")
    return candidate


def count_triples(path: Path) -> int:
    """Distinct triples of an N-Triples or Turtle file (as a store will hold them)."""
    if path.suffix == ".nt":
        with path.open("rb") as handle:
            return len({line.strip() for line in handle if line.strip() and not line.lstrip().startswith(b"#")})
    return len(Graph().parse(path, format="turtle"))


def publish(
    out: Path | str,
    endpoint: str,
    *,
    graph: str = DEFAULT_GRAPH,
    update: str | None = None,
    graph_store: str | None = None,
    timeout: float | None = None,
) -> PublishResult:
    """Replace ``graph`` at the store behind ``endpoint`` by the built graph of ``out``.

    out (Path | str): a build folder (its ``cthb.nt`` or ``cthb.ttl``) or one of those files.
    endpoint (str): the store's SPARQL query URL (see :meth:`Endpoints.derive` for the others).
    graph (str): IRI of the named graph to replace.
    RETURNS (PublishResult): the graph, its triple count and the URLs used.
    """
    source = graph_file(out)
    timeout = default_timeout() if timeout is None else timeout
    target = _iri(graph)
    urls = Endpoints.derive(endpoint, update, graph_store)
    expected = count_triples(source)
    staging = _iri(f"{graph}-staging-{secrets.token_hex(6)}")
    try:
        _request(
            "PUT",
            f"{urls.graph_store}?graph={quote(str(staging), safe='')}",
            source.read_bytes(),
            _MEDIA[source.suffix],
            timeout,
            what="upload the graph",
        )
        rows = RemoteStore(urls.query, timeout=timeout).select(_COUNT, {"g": staging})
        loaded = int(rows.rows[0][1]) if rows.rows else 0
        if loaded != expected:
            raise EndpointError(
                f"the store holds {loaded} of the {expected} triples uploaded; {graph} was left as it was",
                hint="check the store's log and disk space, then publish again",
            )
        # One update, so the store swaps the graphs in one transaction.
        _request(
            "POST",
            urls.update,
            f"MOVE {staging.n3()} TO {target.n3()}".encode(),
            "application/sparql-update",
            timeout,
            what="replace the graph",
        )
    except BaseException:
        _drop_quietly(urls.update, staging, timeout)
        raise
    return PublishResult(str(target), expected, source, urls)


def _iri(value: str) -> URIRef:
    if not _IRI.match(value):
        raise CthbError(
            f"{value!r} is not an absolute IRI for a graph",
            hint=f"no spaces, quotes or <>{{}}|^`\\; e.g. --graph {DEFAULT_GRAPH}",
            exit_code=2,
        )
    return URIRef(value)


def _drop_quietly(update: str, staging: URIRef, timeout: float) -> None:
    try:
        _request("POST", update, f"DROP SILENT GRAPH {staging.n3()}".encode(), "application/sparql-update", timeout, what="drop")
    except EndpointError:
        pass


def _request(method: str, url: str, data: bytes, media: str, timeout: float, *, what: str) -> None:
    request = urllib.request.Request(url, data=data, method=method, headers={"Content-Type": media})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            response.read()
    except urllib.error.HTTPError as exc:
        detail = exc.read().decode("utf-8", "replace").strip().splitlines()
        raise EndpointError(
            f"the store at {url} refused to {what}: HTTP {exc.code} {exc.reason}",
            hint=(detail[0][:200] if detail else "") or "check the URL (--update-url / --store-url) and the server's log",
        ) from exc
    except (TimeoutError, socket.timeout) as exc:
        raise EndpointError(f"the store at {url} did not answer within {timeout:g} s", hint="try again or raise --timeout") from exc
    except urllib.error.URLError as exc:
        if isinstance(exc.reason, (TimeoutError, socket.timeout)):
            raise EndpointError(f"the store at {url} did not answer within {timeout:g} s", hint="try again or raise --timeout") from exc
        raise EndpointError(
            f"cannot reach the store at {url}: {getattr(exc.reason, 'strerror', None) or exc.reason}",
            hint="is the server running and the URL right?",
        ) from exc
    except OSError as exc:
        raise EndpointError(f"the connection to {url} failed: {exc}", hint="is the server running and the URL right?") from exc
