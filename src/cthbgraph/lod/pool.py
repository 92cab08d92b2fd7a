"""A pool of query worker processes that keeps itself at its size, whatever happens to them.

The pool hands a request to an idle worker (:mod:`.workers`) and waits for the answer up to the
time limit; past it the worker is killed. A keeper thread brings the pool back to its size: after
a kill, after a worker is recycled (it served ``max_queries`` queries or its memory passed
``rss_bytes``), or after a worker died. A spawn that fails is retried with back-off and logged; it
never ends the keeper. While no worker runs, queries are answered 503 at once with the reason,
never left waiting.
"""

from __future__ import annotations

import logging
import multiprocessing
import queue
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from .workers import QueryRequest, Reply, _worker_main, text_reply

log = logging.getLogger("cthbgraph.server")


class SpawnError(Exception):
    """A query worker could not start; the message says why, in one line."""


@dataclass(eq=False)
class _Worker:
    process: multiprocessing.process.BaseProcess
    conn: object
    served: int = 0

    def stop(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join(timeout=5)
        self.conn.close()


class QueryPool:
    """A few worker processes over the store of one build, each query bounded in time and size.

    out (Path): the build folder; workers open ``OUT/current/store`` (see :mod:`.builds`).
    build (str | None): the build id the workers must have opened (the one the pages show); a
        worker that opened another is stopped and the spawn counts as failed. None: any.
    size (int): number of workers, i.e. queries running at once.
    time_limit (float): seconds a query may run before its worker is killed (503).
    result_bytes (int): largest serialised result sent back (507 beyond it).
    queue_seconds (float): how long a request waits for a free worker (503 beyond).
    memory_bytes (int): address space of each worker (Linux ``RLIMIT_AS``); a query that needs more
        ends its worker (503). 0 for no limit.
    max_queries (int): a worker is replaced after this many queries ...
    rss_bytes (int): ... or as soon as its resident memory passes this, so memory held by one large
        query or by allocator fragmentation is given back.
    RAISES SpawnError: no worker could start (the store is missing or unreadable).
    """

    def __init__(
        self,
        out: Path | str,
        *,
        build: str | None = None,
        size: int = 2,
        time_limit: float = 10.0,
        result_bytes: int = 10_000_000,
        queue_seconds: float = 30.0,
        memory_bytes: int = 2_000_000_000,
        max_queries: int = 500,
        rss_bytes: int = 400_000_000,
        spawn_seconds: float = 120.0,
    ):
        self.out = str(out)
        self.build = build
        self.size = size
        self.time_limit = time_limit
        self.result_bytes = result_bytes
        self.queue_seconds = queue_seconds
        self.memory_bytes = memory_bytes
        self.max_queries = max_queries
        self.rss_bytes = rss_bytes
        self.spawn_seconds = spawn_seconds
        #: Why the last spawn failed ("" once a spawn succeeds).
        self.failure = ""
        # spawn, not fork: the server is multi-threaded, and a forked child would inherit its locks.
        self._ctx = multiprocessing.get_context("spawn")
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._all: set[_Worker] = set()
        self._lock = threading.Lock()
        self._closed = threading.Event()
        self._wake = threading.Event()
        started = _in_threads(self._try_spawn, size)
        if not any(started):
            raise SpawnError(self.failure)
        self._keeper = threading.Thread(target=self._keep, name="query-pool-keeper", daemon=True)
        self._keeper.start()

    # ---- workers coming and going --------------------------------------------------------------

    def _spawn(self) -> _Worker:
        parent, child = self._ctx.Pipe()
        process = self._ctx.Process(target=_worker_main, args=(child, self.out, self.result_bytes, self.memory_bytes), daemon=True)
        process.start()
        child.close()
        worker = _Worker(process, parent)
        try:
            if not parent.poll(self.spawn_seconds):
                raise SpawnError(f"a query worker did not start within {self.spawn_seconds:g} s")
            kind, detail = parent.recv()
        except (EOFError, OSError) as exc:
            worker.stop()
            raise SpawnError(f"a query worker died while starting (exit code {process.exitcode})") from exc
        except SpawnError:
            worker.stop()
            raise
        if kind != "ready":
            worker.stop()
            raise SpawnError(f"a query worker could not open the store in {self.out}: {detail}")
        if self.build is not None and detail != self.build:
            worker.stop()
            raise SpawnError(f"the build changed to {detail or 'none'} while this pool serves {self.build}")
        return worker

    def _try_spawn(self) -> bool:
        try:
            worker = self._spawn()
        except SpawnError as exc:
            self.failure = str(exc)
            return False
        with self._lock:
            if self._closed.is_set():
                worker.stop()
                return False
            self._all.add(worker)
        self.failure = ""
        self._idle.put(worker)
        return True

    def _keep(self) -> None:
        """Keep ``size`` workers, retrying failed spawns with back-off. Nothing ends this loop but
        close(): a spawn that fails in any way is logged and retried."""
        delay = 0.5
        while not self._closed.is_set():
            try:
                with self._lock:
                    missing = self.size - len(self._all)
                if missing <= 0:
                    self._wake.wait(1.0)
                    self._wake.clear()
                    continue
                if self._try_spawn():
                    delay = 0.5
                    continue
                if self._closed.is_set():
                    break  # killed because the pool is closing: nothing to report
                log.warning("query worker not started (%s); retrying in %.1f s", self.failure, delay)
            except Exception as exc:  # never let the keeper die: report, wait, retry
                self.failure = f"{type(exc).__name__}: {exc}"
                log.warning("query worker keeper: %s; retrying in %.1f s", self.failure, delay)
            self._closed.wait(delay)
            delay = min(delay * 2, 10.0)

    def _retire(self, worker: _Worker) -> None:
        with self._lock:
            self._all.discard(worker)
        worker.stop()
        self._wake.set()

    @property
    def closed(self) -> bool:
        return self._closed.is_set()

    @property
    def alive(self) -> int:
        """Workers started and not retired (idle or busy)."""
        with self._lock:
            return len(self._all)

    def pids(self) -> list[int]:
        with self._lock:
            return [w.process.pid for w in self._all]

    # ---- queries -------------------------------------------------------------------------------

    def _take(self) -> _Worker | Reply:
        deadline = time.monotonic() + self.queue_seconds
        while True:
            if self._closed.is_set():
                return text_reply(503, "the server is switching to another build; try again")
            try:
                return self._idle.get(timeout=0.2)
            except queue.Empty:
                pass
            if self.failure and self.alive == 0:
                return text_reply(503, f"no query worker is running ({self.failure}); try again shortly")
            if time.monotonic() > deadline:
                return text_reply(503, "every query worker is busy; try again shortly")

    def run(self, request: QueryRequest) -> Reply:
        """The answer to one query, or a 503 reply when it would exceed the time limit."""
        worker = self._take()
        if isinstance(worker, Reply):
            return worker
        try:
            worker.conn.send(request)
            if worker.conn.poll(self.time_limit):
                reply, rss = worker.conn.recv()
                worker.served += 1
                if self._closed.is_set() or worker.served >= self.max_queries or rss > self.rss_bytes:
                    self._retire(worker)
                else:
                    self._idle.put(worker)
                return reply
        except (EOFError, OSError):
            # The worker died while running it: in practice the memory limit (Oxigraph aborts
            # when an allocation fails).
            self._retire(worker)
            return text_reply(503, f"the query needed more memory than the limit of {self.memory_bytes // 1_000_000} MB and was stopped")
        self._retire(worker)
        return text_reply(503, f"the query took longer than the time limit of {self.time_limit:g} s and was stopped")

    def close(self) -> None:
        """Stop every idle worker now; a busy one stops when its query ends (or is killed at the
        time limit), so no query is cut short by a switch to a new build."""
        self._closed.set()
        self._wake.set()
        while True:
            try:
                self._retire(self._idle.get_nowait())
            except queue.Empty:
                break

    def kill(self) -> None:
        """Stop every worker at once, busy or not."""
        self.close()
        with self._lock:
            workers = list(self._all)
            self._all.clear()
        for worker in workers:
            worker.stop()

    def __enter__(self) -> QueryPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.kill()


def _in_threads(function, count: int) -> list:
    """``function()`` run ``count`` times at once (workers start in parallel: each takes seconds)."""
    results: list = [None] * count

    def run(i: int) -> None:
        results[i] = function()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results
