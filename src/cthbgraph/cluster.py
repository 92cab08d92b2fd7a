"""The two per-report stages of a build as tasks on a Dask distributed cluster.

A build is a pure function of each report plus a merge: the NLP stage (parse and read) and the graph
stage (make, validate, write N-Triples) work on one report at a time, so each report can be a task on
any worker. The merge of the N-Triples, the Turtle and the store stay in the build's own process,
which keeps the output byte for byte that of a single-process build.

Workers load the spaCy model once (on their first task) and keep it. The parse cache is the build's
cache folder when the workers see it (one machine, or a shared file system mounted at the same
path); a worker that cannot write there works without a cache. Tasks hold no state of their own, so
a task of a worker that dies is run again on another one (Dask's own retry), with the same result.

    $ dask scheduler --host 127.0.0.1 --port 8786
    $ dask worker tcp://127.0.0.1:8786 --nthreads 1        # as many as there are cores
    $ cthbgraph build --scheduler tcp://127.0.0.1:8786
"""

from __future__ import annotations

import contextlib
import logging
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from .errors import CthbError
from .extract.batch import ReadReport
from .records import Extraction, Report

__all__ = ["Cluster", "ClusterError"]

#: Seconds to wait for the scheduler to answer, and for a worker to appear.
CONNECT_TIMEOUT = 10


class ClusterError(CthbError):
    """The Dask scheduler cannot be reached, or went away during the build."""

    exit_code = 3


class Cluster:
    """A connection to a Dask scheduler, running the stages of one build.

    >>> with Cluster.connect("tcp://127.0.0.1:8786") as cluster:       # doctest: +SKIP
    ...     for item in cluster.read(reports, model, cache_dir):
    ...         print(item.index, len(item.extraction.activities))
    """

    def __init__(self, client: Any, address: str):
        self.client = client
        self.address = address

    @classmethod
    @contextlib.contextmanager
    def connect(cls, address: str) -> Iterator[Cluster]:
        try:
            from distributed import Client
        except ImportError as exc:
            raise ClusterError(
                "building on a cluster needs Dask's distributed package, which is not installed",
                hint='install it with: pip install "cthbgraph[cluster]"',
                exit_code=2,
            ) from exc
        with _quiet_dask():
            try:
                client = Client(address, timeout=CONNECT_TIMEOUT, set_as_default=False)
            except (OSError, TimeoutError, ValueError) as exc:
                raise ClusterError(
                    f"no Dask scheduler answers at {address} ({_reason(exc)})",
                    hint="start one with `dask scheduler` and workers with `dask worker ADDRESS`, or build without --scheduler",
                ) from None
            try:
                client.wait_for_workers(1, timeout=CONNECT_TIMEOUT)
                yield cls(client, address)
            except (OSError, TimeoutError) as exc:
                raise ClusterError(
                    f"the Dask scheduler at {address} has no worker ({_reason(exc)})", hint="start workers with: dask worker " + address
                ) from None
            finally:
                with contextlib.suppress(Exception):  # a scheduler that is gone cannot be told goodbye
                    client.close(timeout=2)

    @property
    def workers(self) -> int:
        return max(1, len(self.client.scheduler_info(n_workers=-1).get("workers", {})))

    def read(self, reports: list[Report], model: str | None, cache_dir: Path | None) -> Iterator[ReadReport]:
        """Every report parsed and read on the workers, as the tasks finish (any order)."""
        from distributed import as_completed

        cache = str(cache_dir) if cache_dir else None
        # Longest first, as on one machine: the workers then end together on the short reports.
        order = sorted(range(len(reports)), key=lambda i: -len(reports[i].text))
        futures = {self.client.submit(_read_task, reports[i], model, cache, pure=False): i for i in order}
        with self._lost():
            for future in as_completed(futures, loop=self.client.loop):
                yield ReadReport(futures.pop(future), *future.result())

    def graph(self, extractions: Iterable[Callable[[], Extraction]], choices: Any, base: str) -> Iterator[tuple[bytes, Any]]:
        """(N-Triples, validation report) of each report's graph, in the order given.

        ``extractions`` are loaders, called as tasks are sent: only the reports in flight are held in
        this process, as in a build on one machine.
        """
        with self._lost():
            shared = self.client.scatter(choices, broadcast=True)
            window = deque()
            for load in extractions:
                window.append(self.client.submit(_graph_task, load(), shared, base, pure=False))
                if len(window) >= 2 * self.workers:
                    yield window.popleft().result()
            while window:
                yield window.popleft().result()

    @contextlib.contextmanager
    def _lost(self) -> Iterator[None]:
        """A scheduler that goes away mid-build ends the build with one line (the previous graph is kept)."""
        try:
            yield
        except Exception as exc:
            gone = isinstance(exc, (OSError, TimeoutError)) or "connection-lost" in str(exc) or type(exc).__name__ == "CommClosedError"
            if gone:
                message = f"lost the Dask scheduler at {self.address} during the build"
            elif type(exc).__name__ in ("CancelledError", "FutureCancelledError", "KilledWorker"):
                message = f"the build's tasks failed on the Dask cluster at {self.address} ({_reason(exc)})"
            else:
                raise
            raise ClusterError(message, hint="the previous graph is kept; check the scheduler and its workers, then build again") from None


@contextlib.contextmanager
def _quiet_dask() -> Iterator[None]:
    """Dask's client logs each failed reconnection with a traceback; the build says it in one line."""
    # Dask's loggers set levels of their own (distributed.client, .comm ...): only disabling holds them all.
    previous = logging.root.manager.disable
    logging.disable(logging.CRITICAL)
    try:
        yield
    finally:
        logging.disable(previous)


def _reason(exc: BaseException) -> str:
    return str(exc).splitlines()[0] if str(exc) else type(exc).__name__


# ------------------------------------------------------------------------------- on a worker

# What a worker process keeps between tasks: the loaded extractor of each model, and its caches.
_WORKER: dict[Any, Any] = {}


def _read_task(report: Report, model: str | None, cache_dir: str | None) -> tuple[Extraction, int, bool]:
    from .extract.batch import read_reports

    extractor = _WORKER.get(("extractor", model))
    if extractor is None:
        from .extract.extractor import Extractor

        extractor = _WORKER[("extractor", model)] = Extractor(model)
    (item,) = read_reports(extractor, [report], cache=_cache(cache_dir))
    return item.extraction, item.sentences, item.cached


def _cache(folder: str | None):
    """The build's cache folder if this worker can write there, else none (it costs time, not results)."""
    if folder is None:
        return None
    if ("cache", folder) not in _WORKER:
        from .cache import BuildCache

        path = Path(folder)
        try:
            path.mkdir(parents=True, exist_ok=True)
            usable = _writable(path)
        except OSError:
            usable = False
        _WORKER[("cache", folder)] = BuildCache(path) if usable else None
    return _WORKER[("cache", folder)]


def _writable(folder: Path) -> bool:
    return os.access(folder, os.W_OK | os.X_OK)


def _graph_task(extraction: Extraction, choices: Any, base: str) -> tuple[bytes, Any]:
    from .graph import report_graph
    from .ntriples import ntriples_lines
    from .validation import validate

    graph = report_graph([extraction], choices, base=base)
    return b"".join(ntriples_lines(graph)), validate(graph)
