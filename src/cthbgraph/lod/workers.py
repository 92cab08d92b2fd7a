"""Run SPARQL queries in worker processes that are killed when they take too long.

pyoxigraph cannot interrupt a running query (Oxigraph issue #1926), so a query that must be bounded
runs in another process: each worker opens the store read-only, checks each query with
:func:`~cthbgraph.lod.guard.check_query`, runs it and writes the result into a buffer that refuses
to grow beyond the result limit. The pool hands a request to an idle worker and waits for the
answer up to the time limit; past it the worker is killed and a fresh one takes its place.

Every answer is a :class:`Reply` with the HTTP status the server sends: 200, 400 (refused or
invalid), 406 (no acceptable result format), 503 (time or memory limit, or every worker busy), 507
(result larger than the limit).
"""

from __future__ import annotations

import io
import multiprocessing
import queue
import threading
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from .negotiate import FORMAT_NAMES, GRAPH_TYPES, RESULT_TYPES, choose


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
    """A query and how the client wants the answer; ``bindings`` are (variable, N-Triples term) pairs."""

    query: str
    accept: str | None = None
    format: str | None = None
    bindings: tuple[tuple[str, str], ...] = field(default=())


def _text(status: int, message: str) -> Reply:
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
        return _text(400, refusal)
    offers = GRAPH_TYPES if form in ("CONSTRUCT", "DESCRIBE") else RESULT_TYPES
    if request.format:
        wanted = FORMAT_NAMES.get(request.format.lower(), request.format.lower())
        media = wanted if wanted in offers else None
    else:
        media = choose(request.accept, offers)
    if media is None:
        return _text(406, f"no acceptable format for a {form} result; this endpoint offers {', '.join(offers)}")
    try:
        substitutions = {ox.Variable(name): _term(ox, nt) for name, nt in request.bindings}
        result = store.query(request.query, substitutions=substitutions)
        buffer = _CappedBuffer(result_bytes)
        if form in ("CONSTRUCT", "DESCRIBE"):
            result.serialize(buffer, ox.RdfFormat.from_media_type(media))
        else:
            result.serialize(buffer, ox.QueryResultsFormat.from_media_type(media))
    except _TooLarge:
        return _text(507, f"the result is larger than {result_bytes} bytes; add a LIMIT or ask for less")
    except SyntaxError as exc:
        return _text(400, "not a valid SPARQL query: " + " ".join(str(exc).split())[:200])
    except Exception as exc:  # pyoxigraph raises OSError/RuntimeError/ValueError while evaluating
        return _text(400, "the query failed: " + " ".join(str(exc).split())[:200])
    charset = "; charset=utf-8" if media.startswith("text/") or media.endswith(("json", "xml")) else ""
    return Reply(200, media + charset, buffer.value())


def _term(ox, nt: str):
    """An N-Triples term (from rdflib's ``term.n3()``) as a pyoxigraph term."""
    triple = next(iter(ox.parse(f"<x:s> <x:p> {nt} .".encode(), format=ox.RdfFormat.N_TRIPLES)))
    return triple.object


def _worker_main(conn, store_path: str, result_bytes: int, memory_bytes: int) -> None:
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
    store = ox.Store.read_only(store_path)
    graphs = frozenset(g.value for g in store.named_graphs() if isinstance(g, ox.NamedNode))
    conn.send("ready")
    while True:
        try:
            request = conn.recv()
        except (EOFError, OSError):
            return
        if request is None:
            return
        conn.send(answer(store, graphs, request, result_bytes))


@dataclass(eq=False)
class _Worker:
    process: multiprocessing.Process
    conn: object

    def stop(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join(timeout=5)
        self.conn.close()


class QueryPool:
    """A few worker processes over one read-only store, each query bounded in time and size.

    store_path (Path): the Oxigraph store folder.
    size (int): number of workers, i.e. queries running at once.
    time_limit (float): seconds a query may run before its worker is killed (503).
    result_bytes (int): largest serialised result sent back (507 beyond it).
    queue_seconds (float): how long a request waits for a free worker (503 beyond); separate from
        the time limit because a killed worker takes a moment to be replaced.
    memory_bytes (int): address space of each worker (Linux ``RLIMIT_AS``); a query that needs more
        ends its worker (503). 0 for no limit.
    """

    def __init__(
        self,
        store_path: Path | str,
        *,
        size: int = 2,
        time_limit: float = 10.0,
        result_bytes: int = 10_000_000,
        queue_seconds: float = 30.0,
        memory_bytes: int = 2_000_000_000,
    ):
        self.store_path = str(Path(store_path).resolve())
        self.size = size
        self.time_limit = time_limit
        self.result_bytes = result_bytes
        self.queue_seconds = queue_seconds
        self.memory_bytes = memory_bytes
        # spawn, not fork: the server is multi-threaded, and a forked child would inherit its locks.
        self._ctx = multiprocessing.get_context("spawn")
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._all: set[_Worker] = set()
        self._lock = threading.Lock()
        self._closed = False
        for _ in range(size):
            self._idle.put(self._spawn())

    def _spawn(self) -> _Worker:
        parent, child = self._ctx.Pipe()
        process = self._ctx.Process(target=_worker_main, args=(child, self.store_path, self.result_bytes, self.memory_bytes), daemon=True)
        process.start()
        child.close()
        worker = _Worker(process, parent)
        if not parent.poll(120) or parent.recv() != "ready":
            worker.stop()
            raise RuntimeError(f"a query worker could not open the store at {self.store_path}")
        with self._lock:
            self._all.add(worker)
        return worker

    def _replace(self, worker: _Worker) -> None:
        with self._lock:
            self._all.discard(worker)
        worker.stop()

        def respawn() -> None:
            if self._closed:
                return
            try:
                self._idle.put(self._spawn())
            except RuntimeError:
                pass  # the next request finds fewer workers; the store is gone anyway

        threading.Thread(target=respawn, daemon=True).start()

    def run(self, request: QueryRequest) -> Reply:
        """The answer to one query, or a 503 reply when it would exceed the time limit."""
        try:
            worker = self._idle.get(timeout=self.queue_seconds)
        except queue.Empty:
            return _text(503, "every query worker is busy; try again shortly")
        try:
            worker.conn.send(request)
            if worker.conn.poll(self.time_limit):
                reply = worker.conn.recv()
                self._idle.put(worker)
                return reply
        except (EOFError, OSError):
            # The worker died while running it: in practice the memory limit (Oxigraph aborts
            # when an allocation fails).
            self._replace(worker)
            return _text(503, f"the query needed more memory than the limit of {self.memory_bytes // 1_000_000} MB and was stopped")
        self._replace(worker)
        return _text(503, f"the query took longer than the time limit of {self.time_limit:g} s and was stopped")

    def close(self) -> None:
        self._closed = True
        with self._lock:
            workers = list(self._all)
            self._all.clear()
        for worker in workers:
            worker.stop()

    def __enter__(self) -> QueryPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
