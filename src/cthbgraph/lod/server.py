"""Serve the site with content negotiation and a bounded SPARQL 1.1 Protocol endpoint.

Standard library ``ThreadingHTTPServer``; pages are rendered by :class:`~cthbgraph.lod.site.Site`
from the graph in memory, so no request path ever reaches the file system (there is nothing to
traverse). Queries go to a :class:`~cthbgraph.lod.workers.QueryPool`. Limits and the status of each
refusal are documented in docs/publishing.md.
"""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass
from functools import lru_cache, partial
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, quote, unquote, urlsplit

from rdflib import URIRef

from ..buildfolder import BuildFolder
from ..errors import CthbError
from ..queries import library
from .negotiate import RESOURCE_TYPES, choose
from .rdfio import RDF_FORMATS, serialize, triple_key
from .site import KINDS, STATIC, Site, load_site
from .workers import QueryPool, QueryRequest, Reply

_EXTENSIONS = {ext: media for ext, media, _ in RDF_FORMATS.values()} | {"html": "text/html"}
_FORMAT_OF_MEDIA = {media: name for name, (_, media, _) in RDF_FORMATS.items()}


@dataclass(frozen=True)
class Limits:
    """What one request may cost. See docs/publishing.md for the status code of each refusal."""

    query_seconds: float = 10.0  # 503 beyond
    result_bytes: int = 10_000_000  # 507 beyond
    body_bytes: int = 100_000  # 413 beyond (POST bodies)
    url_chars: int = 8_000  # 414 beyond
    workers: int = 2
    memory_bytes: int = 2_000_000_000  # address space of each query worker; 503 beyond
    socket_seconds: float = 30.0  # an idle or slow client is dropped after this
    connections: int = 256  # open connections at once (one thread each); 503 beyond


_BUSY_TEXT = b"too many open connections; try again shortly\n"
_BUSY = (
    b"HTTP/1.1 503 Service Unavailable\r\nContent-Type: text/plain; charset=utf-8\r\n"
    b"Content-Length: %d\r\nConnection: close\r\n\r\n" % len(_BUSY_TEXT)
) + _BUSY_TEXT


class LodServer(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 128

    def __init__(self, address: tuple[str, int], site: Site, pool: QueryPool, limits: Limits, *, access_log: bool = False):
        self.site = site
        self.access_log = access_log
        self.pool = pool
        self.limits = limits
        self.fixed = _fixed_files(site)
        self.examples = library()
        # Pages are rendered on first request and kept: the graph never changes while serving.
        self.render = lru_cache(maxsize=8192)(partial(_render, site))
        self._slots = threading.BoundedSemaphore(limits.connections)
        super().__init__(address, _Handler)

    def process_request(self, request, client_address) -> None:
        # One thread per connection: without a cap, clients that open connections and send nothing
        # would make the server start threads until it runs out.
        if not self._slots.acquire(blocking=False):
            try:
                request.sendall(_BUSY)
            except OSError:
                pass
            self.shutdown_request(request)
            return
        super().process_request(request, client_address)

    def process_request_thread(self, request, client_address) -> None:
        try:
            super().process_request_thread(request, client_address)
        finally:
            self._slots.release()

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        return f"http://{host}:{port}/"

    def server_close(self) -> None:
        super().server_close()
        self.pool.close()


def make_server(
    graph_dir: Path | str = "out",
    host: str = "127.0.0.1",
    port: int = 0,
    *,
    base_iri: str | None = None,
    limits: Limits = Limits(),
    access_log: bool = False,
) -> LodServer:
    """A server for a build folder, bound but not yet serving (call ``serve_forever``).

    port (int): 0 picks a free port; read it back from ``server.url``.
    base_iri (str | None): the IRIs to publish; requests for ``/{kind}/{key}`` answer the resource
        ``{base_iri}{kind}/{key}``. None keeps the graph's base.
    access_log (bool): write one line per request to stderr (http.server's format).
    """
    graph_dir = Path(graph_dir)
    site = load_site(graph_dir, base_iri, query_page=True)
    store = BuildFolder(graph_dir).store
    if not store.exists():
        raise CthbError(f"no graph store at {store}", hint="build it first with: cthbgraph build --graph-dir " + str(graph_dir), exit_code=2)
    try:
        pool = QueryPool(
            store,
            size=limits.workers,
            time_limit=limits.query_seconds,
            result_bytes=limits.result_bytes,
            memory_bytes=limits.memory_bytes,
        )
    except RuntimeError as exc:
        raise CthbError(str(exc), hint="rebuild the graph with: cthbgraph build --graph-dir " + str(graph_dir), exit_code=2) from exc
    try:
        return LodServer((host, port), site, pool, limits, access_log=access_log)
    except OSError as exc:
        pool.close()
        raise CthbError(f"cannot listen on {host}:{port}: {exc.strerror}", hint="choose another --port", exit_code=4) from exc


def serve_in_thread(server: LodServer) -> threading.Thread:
    """Run ``server`` in a daemon thread (for tests and notebooks); stop it with ``server.shutdown()``."""
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    return thread


def _fixed_files(site: Site) -> dict[str, tuple[bytes, str]]:
    """The site's files that are not resources: dumps, dataset record, sitemap, static assets."""
    files = {name: value for name, value in site.dumps.items()}
    catalog = sorted(site.catalog(), key=triple_key)
    void = serialize(sorted(site.void(), key=triple_key), "turtle", site.prefixes)
    files["dcat.ttl"] = (serialize(catalog, "turtle", site.prefixes), "text/turtle; charset=utf-8")
    files["dcat.jsonld"] = (serialize(catalog, "jsonld", site.prefixes), "application/ld+json")
    files["void.ttl"] = (void, "text/turtle; charset=utf-8")
    files[".well-known/void"] = (void, "text/turtle; charset=utf-8")
    files["sitemap.xml"] = (site.sitemap().encode(), "application/xml")
    files["static/site.css"] = ((STATIC / "site.css").read_bytes(), "text/css; charset=utf-8")
    files["static/search.js"] = ((STATIC / "search.js").read_bytes(), "text/javascript; charset=utf-8")
    from ..resources import ontology_path

    files["ontology.ttl"] = (ontology_path().read_bytes(), "text/turtle; charset=utf-8")
    return files


#: Rows the query page shows; the endpoint itself always sends the whole result (or refuses it).
_PAGE_ROWS = 1000


class _Refusal(Exception):
    def __init__(self, status: int, reason: str):
        super().__init__(reason)
        self.status = status
        self.reason = reason


class _Handler(BaseHTTPRequestHandler):
    server: LodServer
    server_version = "cthbgraph"
    sys_version = ""
    protocol_version = "HTTP/1.1"
    # Headers and body go out in two writes; with Nagle's algorithm and the client's delayed ACK
    # every keep-alive response would wait ~40 ms for the second one.
    disable_nagle_algorithm = True

    def setup(self) -> None:
        self.timeout = self.server.limits.socket_seconds
        super().setup()

    def log_message(self, format: str, *args) -> None:  # noqa: A002  (the base class's name)
        if self.server.access_log:  # off for the library and tests; `cthbgraph serve` turns it on
            super().log_message(format, *args)

    # ---- plumbing ------------------------------------------------------------------------------

    def _send(self, status: int, body: bytes, media_type: str, headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", media_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("X-Content-Type-Options", "nosniff")
        # Public data: any page may read it, but never with the reader's cookies or credentials.
        self.send_header("Access-Control-Allow-Origin", "*")
        if media_type.startswith("text/html"):
            self.send_header("Content-Security-Policy", "default-src 'self'; style-src 'self'; img-src 'self' data:")
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        if status >= 400 and self.command == "POST":
            self.send_header("Connection", "close")  # an unread body would be taken for the next request
            self.close_connection = True
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _error(self, status: int, reason: str, headers: dict[str, str] | None = None) -> None:
        self._send(status, (reason + "\n").encode(), "text/plain; charset=utf-8", headers)

    def _reply(self, reply: Reply, headers: dict[str, str] | None = None) -> None:
        self._send(reply.status, reply.body, reply.media_type, headers)

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        # Errors raised by http.server itself (bad request line, line too long): one line, no HTML.
        self.close_connection = True
        try:
            self._error(code, message or HTTPStatus(code).phrase)
        except OSError:
            pass

    def _route(self, method) -> None:
        if len(self.path) > self.server.limits.url_chars:
            self.close_connection = True
            return self._error(414, f"the URL is longer than {self.server.limits.url_chars} characters")
        try:
            method()
        except _Refusal as exc:
            self._error(exc.status, exc.reason)

    def do_GET(self) -> None:
        self._route(self._get)

    def do_HEAD(self) -> None:
        self._route(self._get)

    def do_POST(self) -> None:
        self._route(self._post)

    def do_OPTIONS(self) -> None:
        self._send(204, b"", "text/plain", {"Allow": "GET, HEAD, POST, OPTIONS", "Access-Control-Allow-Methods": "GET, HEAD, POST", "Access-Control-Allow-Headers": "Accept, Content-Type"})

    def _not_allowed(self) -> None:
        self._error(405, f"{self.command} is not allowed: this server is read-only", {"Allow": "GET, HEAD, POST, OPTIONS"})

    do_PUT = do_DELETE = do_PATCH = _not_allowed

    # ---- GET -----------------------------------------------------------------------------------

    def _get(self) -> None:
        url = urlsplit(self.path)
        path = _clean_path(url.path)
        params = parse_qs(url.query, keep_blank_values=True, max_num_fields=50)
        site = self.server.site
        if path == "sparql":
            return self._sparql_get(params)
        if path == "query":
            return self._query_page(params)
        if path in ("", "index.html"):
            return self._html(site.home())
        if path in ("ontology", "ontology.html"):
            return self._html(self.server.render("ontology"))
        if path in self.server.fixed:
            body, media = self.server.fixed[path]
            return self._send(200, body, media, {"Cache-Control": "public, max-age=3600"})
        kind, _, rest = path.partition("/")
        if kind in KINDS and rest in ("", "index.html"):
            if kind not in site.counts:
                raise _Refusal(404, f"no resources of kind {kind!r}")
            return self._html(self.server.render("index", kind))
        return self._resource(path)

    def _html(self, text: str, status: int = 200, headers: dict[str, str] | None = None) -> None:
        self._send(status, text.encode(), "text/html; charset=utf-8", headers)

    def _resource(self, path: str) -> None:
        site = self.server.site
        stem, dot, ext = path.rpartition(".")
        if dot and ext in _EXTENSIONS and site.iri(stem) is not None:
            iri, media, negotiated = site.iri(stem), _EXTENSIONS[ext], False
        else:
            iri = site.iri(path)
            if iri is None:
                raise _Refusal(404, f"no resource at /{path}")
            media = choose(self.headers.get("Accept"), RESOURCE_TYPES)
            negotiated = True
            if media is None:
                raise _Refusal(406, "no acceptable representation; this resource is available as " + ", ".join(RESOURCE_TYPES))
        headers = {"Vary": "Accept", "Link": f'<{iri}>; rel="canonical"'} if negotiated else {"Link": f'<{iri}>; rel="canonical"'}
        if negotiated:
            ext = next(e for e, m in _EXTENSIONS.items() if m == media)
            headers["Content-Location"] = "/" + quote(site.path(iri)) + "." + ext
        if media == "text/html":
            return self._html(self.server.render("page", iri), headers=headers)
        body = self.server.render("rdf", iri, _FORMAT_OF_MEDIA[media])
        charset = "; charset=utf-8" if media.startswith("text/") else ""
        self._send(200, body, media + charset, headers)

    # ---- SPARQL --------------------------------------------------------------------------------

    def _sparql_get(self, params: dict[str, list[str]]) -> None:
        if "update" in params:
            raise _Refusal(400, "SPARQL Update is not allowed: this endpoint is read-only")
        if "query" not in params:
            accept = self.headers.get("Accept") or ""
            if "text/html" in accept:
                return self._send(303, b"", "text/plain", {"Location": "query"})
            raise _Refusal(400, "give a SPARQL query as ?query=...")
        self._sparql(params)

    def _post(self) -> None:
        path = _clean_path(urlsplit(self.path).path)
        if path not in ("sparql", "query"):
            raise _Refusal(405, "POST is accepted only at /sparql and /query")
        body = self._read_body()
        media = (self.headers.get("Content-Type") or "").split(";", 1)[0].strip().lower()
        url_params = parse_qs(urlsplit(self.path).query, keep_blank_values=True, max_num_fields=50)
        if media == "application/sparql-update":
            raise _Refusal(400, "SPARQL Update is not allowed: this endpoint is read-only")
        if media == "application/sparql-query":
            params = {**url_params, "query": [body.decode("utf-8", "replace")]}
        elif media == "application/x-www-form-urlencoded":
            params = {**url_params, **parse_qs(body.decode("utf-8", "replace"), keep_blank_values=True, max_num_fields=50)}
        else:
            raise _Refusal(415, "send the query as application/sparql-query or application/x-www-form-urlencoded")
        if path == "query":
            return self._query_page(params)
        if "update" in params:
            raise _Refusal(400, "SPARQL Update is not allowed: this endpoint is read-only")
        if "query" not in params:
            raise _Refusal(400, "give a SPARQL query in the query field")
        self._sparql(params)

    def _read_body(self) -> bytes:
        length = self.headers.get("Content-Length")
        if self.headers.get("Transfer-Encoding"):
            raise _Refusal(411, "send a Content-Length; chunked requests are not accepted")
        if length is None or not length.strip().isdigit():
            raise _Refusal(411, "send a Content-Length")
        if int(length) > self.server.limits.body_bytes:
            raise _Refusal(413, f"the request body is larger than {self.server.limits.body_bytes} bytes")
        return self.rfile.read(int(length))

    def _sparql(self, params: dict[str, list[str]]) -> None:
        if len(params["query"]) != 1:
            raise _Refusal(400, "give exactly one query")
        for name in ("default-graph-uri", "named-graph-uri"):
            if params.get(name):
                raise _Refusal(400, f"{name} is not allowed: the dataset has only its default graph")
        fmt = (params.get("format") or [None])[0]
        request = QueryRequest(params["query"][0], accept=self.headers.get("Accept"), format=fmt)
        self._reply(self.server.pool.run(request), {"Vary": "Accept", "Cache-Control": "no-store"})

    # ---- the query page ------------------------------------------------------------------------

    def _query_page(self, params: dict[str, list[str]]) -> None:
        site = self.server.site
        examples = self.server.examples
        name = (params.get("example") or [""])[0]
        example = examples.get(name)
        text = (params.get("query") or [None])[0]
        values = {p.name: (params.get(f"param.{p.name}") or [""])[0] for p in example.parameters} if example else {}
        result = error = None
        status = 200
        if text is not None and text.strip():
            bindings = ()
            if example:
                missing = [n for n, v in values.items() if not v]
                if missing:
                    error = f"give a value for {missing[0]}"
                else:
                    terms = example.bind(values)
                    bindings = tuple((n, t.n3()) for n, t in sorted(terms.items()))
            if error is None:
                reply = self.server.pool.run(QueryRequest(text, format="json", bindings=bindings))
                if reply.status == 200:
                    result = _result_table(site, json.loads(reply.body))
                else:
                    error, status = reply.reason.strip(), reply.status
        elif example:
            text = example.text
        body = site.env.get_template("query.html").render(
            root="",
            info=site.info,
            kinds=KINDS,
            query_page=True,
            title="Query",
            examples=list(examples.values()),
            example=example,
            values=values,
            text=text or "",
            result=result,
            error=error,
        )
        self._html(body, status, {"Cache-Control": "no-store"})


def _result_table(site: Site, data: dict) -> dict:
    if "boolean" in data:
        return {"columns": ["boolean"], "rows": [[{"text": str(data["boolean"]).lower(), "href": None}]], "total": 1}
    columns = data["head"]["vars"]
    rows = []
    bindings = data["results"]["bindings"]
    for binding in bindings[:_PAGE_ROWS]:
        row = []
        for c in columns:
            cell = binding.get(c)
            if cell is None:
                row.append({"text": "", "href": None})
            elif cell["type"] == "uri":
                path = site.path(URIRef(cell["value"]))
                href = quote(path) + ".html" if path else None
                row.append({"text": site.label(URIRef(cell["value"])) if path else cell["value"], "href": href})
            else:
                row.append({"text": cell["value"], "href": None})
        rows.append(row)
    return {"columns": columns, "rows": rows, "total": len(bindings)}


def _clean_path(raw: str) -> str:
    """The request path relative to the root, or a 400/404 refusal for anything that tries to leave it.

    Nothing is ever read from disk by path, so this is a second fence: ``..`` and ``.`` segments,
    encoded or not, backslashes, NUL and doubled slashes are refused outright.
    """
    try:
        decoded = unquote(raw, errors="strict")
    except UnicodeDecodeError:
        raise _Refusal(400, "the path is not UTF-8") from None
    if not decoded.startswith("/") or "\\" in decoded or "\x00" in decoded or "//" in decoded:
        raise _Refusal(400, "malformed path")
    segments = decoded[1:].split("/")
    if any(s in (".", "..") or unquote(s) in (".", "..") for s in segments):
        raise _Refusal(400, "path segments '.' and '..' are not allowed")
    return decoded[1:]


def _render(site: Site, what: str, *args):
    if what == "page":
        return site.page(args[0])
    if what == "rdf":
        return site.rdf(*args)
    if what == "index":
        return site.class_index(args[0])
    return site.ontology_page()


__all__ = ["Limits", "LodServer", "make_server", "serve_in_thread"]
