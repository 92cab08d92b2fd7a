"""Serve the site with content negotiation and a bounded SPARQL 1.1 Protocol endpoint.

The HTTP layer is uvicorn (its ``httptools`` parser) running the Starlette application of
:mod:`.app`, with the per-connection deadlines and caps uvicorn lacks added by
:mod:`.connections`. What is served follows the build folder across rebuilds (:mod:`.live`);
queries run in worker processes that are killed at the time limit (:mod:`.pool`). Limits and the
status of each refusal are documented in docs/publishing.md.
"""

from __future__ import annotations

import socket
import threading
from dataclasses import dataclass
from pathlib import Path

import uvicorn

from ..errors import CthbError
from ..queries import library
from .app import make_app
from .connections import ConnectionLimits, protocol_class
from .live import LiveBuild
from .site import Site


@dataclass(frozen=True)
class Limits:
    """What one request, one connection and the whole server may cost.

    See docs/publishing.md for the status code of each refusal and for the memory this bounds.
    """

    query_seconds: float = 10.0  # 503 beyond
    result_bytes: int = 10_000_000  # 507 beyond
    body_bytes: int = 100_000  # 413 beyond (POST bodies)
    url_chars: int = 8_000  # 414 beyond
    workers: int = 2  # query worker processes
    memory_bytes: int = 2_000_000_000  # address space of each query worker; 503 beyond
    worker_queries: int = 500  # a worker is replaced after this many queries ...
    worker_rss_bytes: int = 400_000_000  # ... or once its resident memory passes this
    waiting_queries: int = 32  # queries waiting for a worker at once; 503 beyond
    page_cache_bytes: int = 32_000_000  # rendered pages kept
    header_seconds: float = 10.0  # for the request head; 408 beyond
    body_seconds: float = 20.0  # for the request body; 408 beyond
    idle_seconds: float = 5.0  # a kept-alive connection with nothing sent is closed after this
    send_seconds: float = 30.0  # a client reading nothing of its answer is dropped after this
    connections: int = 1024  # open connections in all; 503 beyond
    client_connections: int = 32  # open connections from one address; 503 beyond

    def connection_limits(self) -> ConnectionLimits:
        return ConnectionLimits(
            header_seconds=self.header_seconds,
            body_seconds=self.body_seconds,
            idle_seconds=self.idle_seconds,
            send_seconds=self.send_seconds,
            # The server refuses longer URLs itself with 414; the protocol stops what is far longer
            # before holding it.
            url_chars=4 * self.url_chars,
            connections=self.connections,
            per_client=self.client_connections,
        )

    def pool_options(self) -> dict:
        return {
            "size": self.workers,
            "time_limit": self.query_seconds,
            "result_bytes": self.result_bytes,
            "memory_bytes": self.memory_bytes,
            "max_queries": self.worker_queries,
            "rss_bytes": self.worker_rss_bytes,
        }


class LodServer:
    """A bound server: call :meth:`serve_forever` (or :func:`serve_in_thread`), then
    :meth:`shutdown` and :meth:`server_close`."""

    def __init__(self, sock: socket.socket, live: LiveBuild, limits: Limits, *, access_log: bool = False):
        self.socket = sock
        self.live = live
        self.limits = limits
        self.examples = library()
        config = uvicorn.Config(
            make_app(live, limits),
            http=protocol_class(limits.connection_limits()),
            ws="none",
            lifespan="off",
            timeout_keep_alive=limits.idle_seconds,
            timeout_graceful_shutdown=5,
            server_header=False,
            headers=[("server", "cthbgraph")],
            access_log=access_log,
            log_config=None,
        )
        self._server = uvicorn.Server(config)
        self._stopped = threading.Event()
        self._stopped.set()  # not serving yet

    @property
    def site(self) -> Site:
        """The site of the build served now."""
        return self.live.current.site

    @property
    def server_address(self) -> tuple[str, int]:
        return self.socket.getsockname()[:2]

    @property
    def url(self) -> str:
        host, port = self.server_address
        return f"http://{'[' + host + ']' if ':' in host else host}:{port}/"

    def serve_forever(self) -> None:
        """Serve until :meth:`shutdown`, or until SIGINT/SIGTERM when run in the main thread."""
        self._stopped.clear()
        try:
            self._server.run(sockets=[self.socket])
        finally:
            self._stopped.set()

    def shutdown(self) -> None:
        """Stop serving (open connections get up to 5 s to finish) and wait until it has stopped."""
        self._server.should_exit = True
        self._stopped.wait(30)

    def server_close(self) -> None:
        """Stop the query workers and the build watcher, close the socket."""
        self.live.close()
        self.socket.close()


def make_server(
    graph_dir: Path | str = "out",
    host: str = "127.0.0.1",
    port: int = 0,
    *,
    base_iri: str | None = None,
    limits: Limits = Limits(),
    access_log: bool = False,
    poll_seconds: float = 0.5,
) -> LodServer:
    """A server for a build folder, bound but not yet serving (call ``serve_forever``).

    port (int): 0 picks a free port; read it back from ``server.url``.
    base_iri (str | None): the IRIs to publish; requests for ``/{kind}/{key}`` answer the resource
        ``{base_iri}{kind}/{key}``. None keeps the graph's base.
    access_log (bool): write one line per request (logger ``uvicorn.access``).
    poll_seconds (float): how often the build folder is checked for a new build.
    """
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    try:
        sock = socket.create_server((host, port), family=family, backlog=1024)
    except OSError as exc:
        raise CthbError(f"cannot listen on {host}:{port}: {exc.strerror}", hint="choose another --port", exit_code=4) from exc
    try:
        live = LiveBuild(graph_dir, base_iri, limits.pool_options(), page_bytes=limits.page_cache_bytes, poll_seconds=poll_seconds)
    except BaseException:
        sock.close()
        raise
    return LodServer(sock, live, limits, access_log=access_log)


def serve_in_thread(server: LodServer) -> threading.Thread:
    """Run ``server`` in a daemon thread (for tests and notebooks); stop it with ``server.shutdown()``."""
    server._stopped.clear()  # serving from now on, for a shutdown() that comes before the thread runs
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    return thread


__all__ = ["Limits", "LodServer", "make_server", "serve_in_thread"]
