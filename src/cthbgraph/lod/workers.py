"""Run SPARQL queries in worker processes that are killed when they take too long.

pyoxigraph cannot interrupt a running query (Oxigraph issue #1926), so a query that must be bounded
runs in another process: each worker opens the store read-only *through* the build folder's
``current`` link (so a worker started after a rebuild opens the new build, never a removed one),
checks each query with :func:`~cthbgraph.lod.guard.check_query`, runs it and writes the result into
a buffer that refuses to grow beyond the result limit. The pool hands a request to an idle worker
and waits for the answer up to the time limit (:class:`~cthbgraph.lod.pool.QueryPool`).

Every answer is a :class:`Reply` with the HTTP status the server sends: 200, 400 (refused or
invalid), 406 (no acceptable result format), 503 (time or memory limit, every worker busy, or
no worker running), 507 (result larger than the limit).
"""

from __future__ import annotations

import io
import os
from dataclasses import dataclass, field
from functools import lru_cache

from .negotiate import result_media


@dataclass(frozen=True)
class Reply:
    status: int
    media_type: str
    body: bytes

    @property
    def reason(self) -> str:
        return self.body.decode("utf-8", "replace") if self.status != 200 else ""


@dataclass(frozen=True)
class QueryRequest:
    """A query and how the client wants the answer.

    formats (tuple[str, ...]): values of the request's ``format``/``output`` parameters, tried in
        order before ``accept``. bindings: (variable, N-Triples term) pairs.
    """

    query: str
    accept: str | None = None
    formats: tuple[str, ...] = ()
    bindings: tuple[tuple[str, str], ...] = field(default=())


def text_reply(status: int, message: str) -> Reply:
    return Reply(status, "text/plain; charset=utf-8", (message + "\n").encode())


class _TooLarge(Exception):
    pass


class _CappedBuffer(io.RawIOBase):
    """A byte buffer that raises as soon as more than ``limit`` bytes are written to it."""

    def __init__(self, limit: int):
        super().__init__()
        self.limit = limit
        self.parts: list[bytes] = []
        self.size = 0

    def writable(self) -> bool:
        return True

    def write(self, data) -> int:
        self.size += len(data)
        if self.size > self.limit:
            raise _TooLarge
        self.parts.append(bytes(data))
        return len(data)

    def value(self) -> bytes:
        return b"".join(self.parts)


@lru_cache(maxsize=512)
def _checked(text: str, graphs: frozenset[str]) -> tuple[str, str]:
    """(form, "") for a query that may run, ("", reason) for one that may not; cached because
    parsing with rdflib's grammar costs more than running most queries, and clients repeat them."""
    from .guard import QueryRefused, check_query

    try:
        return check_query(text, graphs), ""
    except QueryRefused as exc:
        return "", exc.message


def answer(store, graphs: frozenset[str], request: QueryRequest, result_bytes: int) -> Reply:
    """Check, run and serialise one query on an open pyoxigraph store (runs inside a worker)."""
    import pyoxigraph as ox

    form, refusal = _checked(request.query, graphs)
    if refusal:
        return text_reply(400, refusal)
    media, offers = result_media(form, request.formats, request.accept)
    if media is None:
        return text_reply(406, f"no acceptable format for a {form} result; this endpoint offers {', '.join(offers)}")
    try:
        substitutions = {ox.Variable(name): _term(ox, nt) for name, nt in request.bindings}
        result = store.query(request.query, substitutions=substitutions)
        buffer = _CappedBuffer(result_bytes)
        if form in ("CONSTRUCT", "DESCRIBE"):
            result.serialize(buffer, ox.RdfFormat.from_media_type(media))
        else:
            result.serialize(buffer, ox.QueryResultsFormat.from_media_type(media))
    except _TooLarge:
        return text_reply(507, f"the result is larger than {result_bytes} bytes; add a LIMIT or ask for less")
    except SyntaxError as exc:
        return text_reply(400, "not a valid SPARQL query: " + " ".join(str(exc).split())[:200])
    except Exception as exc:  # pyoxigraph raises OSError/RuntimeError/ValueError while evaluating
        return text_reply(400, "the query failed: " + " ".join(str(exc).split())[:200])
    charset = "; charset=utf-8" if media.startswith("text/") or media.endswith(("json", "xml")) else ""
    return Reply(200, media + charset, buffer.value())


def _term(ox, nt: str):
    """An N-Triples term (from rdflib's ``term.n3()``) as a pyoxigraph term."""
    triple = next(iter(ox.parse(f"<x:s> <x:p> {nt} .".encode(), format=ox.RdfFormat.N_TRIPLES)))
    return triple.object


def _rss() -> int:
    """Resident memory of this process in bytes (Linux), 0 where it cannot be read."""
    try:
        with open("/proc/self/statm", "rb") as handle:
            return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0


def _open_current(out: str):
    """(build id, read-only store) of the build ``out`` serves now, opened through its link; the
    link is read before and after opening, so the id is that of the store opened."""
    import pyoxigraph as ox

    from .builds import current_build

    for _ in range(5):
        build, folder = current_build(out)
        store = ox.Store.read_only(str(folder / "store"))
        if current_build(out)[0] == build:
            return build, store
        del store  # switched while opening: open the new one
    raise RuntimeError(f"the build in {out} keeps changing")


def _worker_main(conn, out: str, result_bytes: int, memory_bytes: int) -> None:
    import signal

    try:
        import resource

        # A query that sorts or groups a huge intermediate result fills memory long before the
        # time limit; with the address space capped, the worker dies instead of the machine.
        if memory_bytes:
            resource.setrlimit(resource.RLIMIT_AS, (memory_bytes, memory_bytes))
    except (ImportError, ValueError, OSError):
        pass  # not on this platform: the time limit still holds
    import pyoxigraph as ox
    from rdflib.plugins.sparql import parser  # noqa: F401  builds the grammar before the first query

    # Ctrl-C goes to the whole process group; the parent decides when workers stop.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        build, store = _open_current(out)
    except Exception as exc:  # the store is missing, locked or corrupt: tell the pool why
        conn.send(("error", " ".join(str(exc).split())[:300] or type(exc).__name__))
        return
    graphs = frozenset(g.value for g in store.named_graphs() if isinstance(g, ox.NamedNode))
    conn.send(("ready", build))
    while True:
        try:
            request = conn.recv()
        except (EOFError, OSError):
            return
        if request is None:
            return
        conn.send((answer(store, graphs, request, result_bytes), _rss()))
