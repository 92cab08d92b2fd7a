"""The server's routes as a Starlette application: pages by content negotiation, the SPARQL 1.1
Protocol endpoint and the query page.

Every request takes the :class:`~cthbgraph.lod.live.Generation` current when it starts and uses it
to the end, so pages, dumps and query results of one request come from one build. Pages are
rendered in a thread (they take milliseconds to a second) and kept in the generation's bounded
cache; queries wait for a worker in a thread of their own, at most ``Limits.waiting_queries`` at
once. No request path is ever turned into a file path.
"""

from __future__ import annotations

import json
from urllib.parse import parse_qs, quote, unquote

import anyio
from rdflib import URIRef
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import ClientDisconnect, Request
from starlette.responses import Response
from starlette.routing import Route

from ..queries import library
from .live import Generation, LiveBuild
from .negotiate import RESOURCE_TYPES, choose
from .rdfio import RDF_FORMATS
from .site import KINDS, Site
from .workers import QueryRequest, Reply

_EXTENSIONS = {ext: media for ext, media, _ in RDF_FORMATS.values()} | {"html": "text/html"}
_FORMAT_OF_MEDIA = {media: name for name, (_, media, _) in RDF_FORMATS.items()}
_METHODS = ["GET", "HEAD", "POST", "OPTIONS", "PUT", "DELETE", "PATCH"]
_MAX_FIELDS = 50
_PREFLIGHT = {"allow": "GET, HEAD, POST, OPTIONS", "access-control-allow-methods": "GET, HEAD, POST", "access-control-allow-headers": "Accept, Content-Type"}
#: Rows the query page shows; the endpoint itself always sends the whole result (or refuses it).
_PAGE_ROWS = 1000


class _Refusal(Exception):
    def __init__(self, status: int, reason: str, headers: dict[str, str] | None = None):
        super().__init__(reason)
        self.status = status
        self.reason = reason
        self.headers = headers or {}


def make_app(live: LiveBuild, limits) -> Starlette:
    """The ASGI application serving ``live`` within ``limits`` (a :class:`~cthbgraph.lod.server.Limits`)."""
    routes = _Routes(live, limits)
    return Starlette(routes=[Route("/{path:path}", routes.dispatch, methods=_METHODS)])


def _respond(status: int, body: bytes, media: str, headers: dict[str, str] | None = None) -> Response:
    out = {"content-type": media, "x-content-type-options": "nosniff", "access-control-allow-origin": "*"}
    # Public data: any page may read it, but never with the reader's cookies or credentials.
    if media.startswith("text/html"):
        out["content-security-policy"] = "default-src 'self'; style-src 'self'; img-src 'self' data:"
    out.update(headers or {})
    return Response(body, status, headers=out)


def _text(status: int, reason: str, headers: dict[str, str] | None = None) -> Response:
    return _respond(status, (reason + "\n").encode(), "text/plain; charset=utf-8", headers)


def _params(text: str) -> dict[str, list[str]]:
    try:
        return parse_qs(text, keep_blank_values=True, max_num_fields=_MAX_FIELDS)
    except ValueError:
        raise _Refusal(400, f"more than {_MAX_FIELDS} parameters or form fields") from None


class _Routes:
    def __init__(self, live: LiveBuild, limits):
        self.live = live
        self.limits = limits
        self.examples = library()
        self.queries = anyio.CapacityLimiter(limits.waiting_queries)

    async def dispatch(self, request: Request) -> Response:
        generation = self.live.current
        scope = request.scope
        try:
            if len(scope["raw_path"]) + len(scope["query_string"]) + 1 > self.limits.url_chars:
                raise _Refusal(414, f"the URL is longer than {self.limits.url_chars} characters")
            if request.method in ("GET", "HEAD"):
                return await self._get(request, generation)
            if request.method == "POST":
                return await self._post(request, generation)
            if request.method == "OPTIONS":
                return _respond(204, b"", "text/plain", _PREFLIGHT)
            raise _Refusal(405, f"{request.method} is not allowed: this server is read-only", {"allow": "GET, HEAD, POST, OPTIONS"})
        except _Refusal as refusal:
            headers = dict(refusal.headers)
            if request.method == "POST":
                headers["connection"] = "close"  # an unread body would be taken for the next request
            return _text(refusal.status, refusal.reason, headers)

    # ---- GET -----------------------------------------------------------------------------------

    async def _get(self, request: Request, gen: Generation) -> Response:
        path = _clean_path(request.scope["raw_path"])
        params = _params(request.scope["query_string"].decode("utf-8", "replace"))
        site = gen.site
        if path == "sparql":
            return await self._sparql_get(request, gen, params)
        if path == "query":
            return await self._query_page(gen, params)
        if path in ("", "index.html"):
            return await self._html(gen, ("home",))
        if path in ("ontology", "ontology.html"):
            return await self._html(gen, ("ontology",))
        if gen.is_file(path):
            files = await run_in_threadpool(gen.files)
            if path not in files:
                raise _Refusal(404, f"no file at /{path}")
            body, media = files[path]
            return _respond(200, body, media, {"cache-control": "public, max-age=3600"})
        kind, _, rest = path.partition("/")
        if kind in KINDS and rest in ("", "index.html"):
            if kind not in site.counts:
                raise _Refusal(404, f"no resources of kind {kind!r}")
            return await self._html(gen, ("index", kind))
        return await self._resource(request, gen, path)

    async def _rendered(self, gen: Generation, key: tuple) -> bytes:
        body = gen.pages.get(key)
        if body is None:
            body = await run_in_threadpool(_render, gen.site, *key)
            gen.pages.put(key, body)
        return body

    async def _html(self, gen: Generation, key: tuple, headers: dict[str, str] | None = None) -> Response:
        return _respond(200, await self._rendered(gen, key), "text/html; charset=utf-8", headers)

    async def _resource(self, request: Request, gen: Generation, path: str) -> Response:
        site = gen.site
        stem, dot, ext = path.rpartition(".")
        if dot and ext in _EXTENSIONS and site.iri(stem) is not None:
            iri, media, negotiated = site.iri(stem), _EXTENSIONS[ext], False
        else:
            iri = site.iri(path)
            if iri is None:
                raise _Refusal(404, f"no resource at /{path}")
            media, negotiated = choose(request.headers.get("accept"), RESOURCE_TYPES), True
            if media is None:
                raise _Refusal(406, "no acceptable representation; this resource is available as " + ", ".join(RESOURCE_TYPES))
        headers = {"link": f'<{iri}>; rel="canonical"'}
        if negotiated:
            ext = next(e for e, m in _EXTENSIONS.items() if m == media)
            headers |= {"vary": "Accept", "content-location": "/" + quote(site.path(iri)) + "." + ext}
        if media == "text/html":
            return await self._html(gen, ("page", iri), headers)
        body = await self._rendered(gen, ("rdf", iri, _FORMAT_OF_MEDIA[media]))
        charset = "; charset=utf-8" if media.startswith("text/") else ""
        return _respond(200, body, media + charset, headers)

    # ---- SPARQL --------------------------------------------------------------------------------

    async def _sparql_get(self, request: Request, gen: Generation, params: dict[str, list[str]]) -> Response:
        if "update" in params:
            raise _Refusal(400, "SPARQL updates are refused: this endpoint is read-only")
        if "query" not in params:
            if "text/html" in (request.headers.get("accept") or ""):
                return _respond(303, b"", "text/plain", {"location": "query"})
            raise _Refusal(400, "give a SPARQL query as ?query=...")
        return await self._sparql(request, gen, params)

    async def _post(self, request: Request, gen: Generation) -> Response:
        path = _clean_path(request.scope["raw_path"])
        if path not in ("sparql", "query"):
            raise _Refusal(405, "POST is accepted only at /sparql and /query", {"allow": "GET, HEAD, OPTIONS"})
        media = (request.headers.get("content-type") or "").split(";", 1)[0].strip().lower()
        if media == "application/sparql-update":
            raise _Refusal(400, "SPARQL updates are refused: this endpoint is read-only")
        if media not in ("application/sparql-query", "application/x-www-form-urlencoded"):
            raise _Refusal(415, "send the query as application/sparql-query or application/x-www-form-urlencoded")
        body = (await self._body(request)).decode("utf-8", "replace")
        params = _params(request.scope["query_string"].decode("utf-8", "replace"))
        if media == "application/sparql-query":
            params["query"] = [body]
        else:
            params |= _params(body)
        if path == "query":
            return await self._query_page(gen, params)
        if "update" in params:
            raise _Refusal(400, "SPARQL updates are refused: this endpoint is read-only")
        if "query" not in params:
            raise _Refusal(400, "give a SPARQL query in the query field")
        return await self._sparql(request, gen, params)

    async def _body(self, request: Request) -> bytes:
        limit = self.limits.body_bytes
        if request.headers.get("transfer-encoding"):
            raise _Refusal(411, "send a Content-Length; chunked requests are not accepted")
        length = request.headers.get("content-length", "")
        if not length.strip().isdigit():
            raise _Refusal(411, "send a Content-Length")
        if int(length) > limit:
            raise _Refusal(413, f"the request body is larger than {limit} bytes")
        body = bytearray()
        try:
            async for chunk in request.stream():
                body += chunk
                if len(body) > limit:
                    raise _Refusal(413, f"the request body is larger than {limit} bytes")
        except ClientDisconnect:
            raise _Refusal(400, "the connection closed before the body arrived") from None
        return bytes(body)

    async def _run(self, gen: Generation, query: QueryRequest) -> Reply:
        if self.queries.borrowed_tokens >= self.queries.total_tokens:
            return Reply(503, "text/plain; charset=utf-8", b"too many queries are waiting; try again shortly\n")
        # A query that arrives as a new build is switched in runs on the new build's workers.
        pool = self.live.current.pool if gen.pool.closed else gen.pool
        return await anyio.to_thread.run_sync(pool.run, query, limiter=self.queries)

    async def _sparql(self, request: Request, gen: Generation, params: dict[str, list[str]]) -> Response:
        if len(params["query"]) != 1:
            raise _Refusal(400, "give exactly one query")
        for name in ("default-graph-uri", "named-graph-uri"):
            if params.get(name):
                raise _Refusal(400, f"{name} is not allowed: the dataset has only its default graph")
        formats = tuple(params.get("format", []) + params.get("output", []))
        reply = await self._run(gen, QueryRequest(params["query"][0], accept=request.headers.get("accept"), formats=formats))
        return _respond(reply.status, reply.body, reply.media_type, {"vary": "Accept", "cache-control": "no-store"})

    # ---- the query page ------------------------------------------------------------------------

    async def _query_page(self, gen: Generation, params: dict[str, list[str]]) -> Response:
        example = self.examples.get((params.get("example") or [""])[0])
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
                    bindings = tuple((n, t.n3()) for n, t in sorted(example.bind(values).items()))
            if error is None:
                reply = await self._run(gen, QueryRequest(text, formats=("json",), bindings=bindings))
                if reply.status == 200:
                    result = _result_table(gen.site, json.loads(reply.body))
                else:
                    error, status = reply.reason.strip(), reply.status
        elif example:
            text = example.text
        context = {"examples": list(self.examples.values()), "example": example, "values": values, "text": text or "", "result": result, "error": error}
        body = await run_in_threadpool(_query_html, gen.site, context)
        return _respond(status, body, "text/html; charset=utf-8", {"cache-control": "no-store"})


def _query_html(site: Site, context: dict) -> bytes:
    template = site.env.get_template("query.html")
    return template.render(root="", info=site.info, kinds=KINDS, query_page=True, title="Query", **context).encode()


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


def _clean_path(raw: bytes) -> str:
    """The request path relative to the root, or a 400 refusal for anything that tries to leave it.

    Nothing is ever read from disk by path, so this is a second fence: ``..`` and ``.`` segments,
    encoded or not, backslashes, NUL and doubled slashes are refused outright.
    """
    try:
        decoded = unquote(raw.decode("utf-8"), errors="strict")
    except UnicodeDecodeError:
        raise _Refusal(400, "the path is not UTF-8") from None
    if not decoded.startswith("/") or "\\" in decoded or "\x00" in decoded or "//" in decoded:
        raise _Refusal(400, "malformed path")
    segments = decoded[1:].split("/")
    if any(s in (".", "..") or unquote(s) in (".", "..") for s in segments):
        raise _Refusal(400, "path segments '.' and '..' are not allowed")
    return decoded[1:]


def _render(site: Site, what: str, *args) -> bytes:
    if what == "page":
        text = site.page(args[0])
    elif what == "rdf":
        return site.rdf(*args)
    elif what == "index":
        text = site.class_index(args[0])
    elif what == "home":
        text = site.home()
    else:
        text = site.ontology_page()
    return text.encode()
