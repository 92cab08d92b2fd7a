"""Per-connection deadlines and caps that uvicorn does not enforce by itself.

Tried on loopback (uvicorn 0.54, h11 and httptools; hypercorn 0.18 for comparison; see
docs/publishing.md): uvicorn's only deadline is ``timeout_keep_alive``, armed after an answer and
cancelled by any byte received, so a connection that never sends, or sends its request head one
byte every few seconds, or announces a body and never sends it, is held forever. Its ``h11``
parser also merges two equal ``Content-Length`` headers into one (its ``httptools`` parser refuses
them), and ``limit_concurrency`` counts idle sockets, so 256 silent sockets from one address would
answer 503 to everyone.

:func:`protocol_class` returns uvicorn's ``httptools`` protocol with what is missing added:

- **head deadline**: the request line and headers must arrive within ``header_seconds`` of the
  connection's start (or of the previous answer, on a kept-alive connection): 408, closed;
- **body deadline**: a body must arrive within ``body_seconds`` of its head: 408, closed;
- **idle**: a kept-alive connection with nothing sent for ``idle_seconds`` is closed (uvicorn's own
  keep-alive timer);
- **slow reader**: a client that takes in nothing of its answer for ``send_seconds`` is dropped;
- **size of the head**: a URL longer than ``url_chars`` (414) or a head larger than ``head_bytes``
  (431) is refused while it arrives, before it is held in memory;
- **caps**: at most ``per_client`` open connections from one address and ``connections`` in all;
  one more is answered 503 and closed.

Each refusal is one ``text/plain`` line and ``Connection: close``.
"""

from __future__ import annotations

import asyncio
import logging
import socket
from collections import Counter
from dataclasses import dataclass

import httptools
from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

log = logging.getLogger("cthbgraph.server")

_PHRASES = {408: "Request Timeout", 414: "URI Too Long", 431: "Request Header Fields Too Large", 503: "Service Unavailable"}


@dataclass(frozen=True)
class ConnectionLimits:
    """What one connection may hold. The status of each refusal is in the module's docstring."""

    header_seconds: float = 10.0
    body_seconds: float = 20.0
    idle_seconds: float = 5.0
    send_seconds: float = 30.0
    url_chars: int = 8_000
    head_bytes: int = 32_768
    connections: int = 1024
    per_client: int = 32


class _Stop(Exception):
    """Raised inside a parser callback to stop parsing a request that was refused."""


class GuardedProtocol(HttpToolsProtocol):
    """uvicorn's httptools protocol with the deadlines and caps of :class:`ConnectionLimits`."""

    limits = ConnectionLimits()
    #: Open connections by client address, shared by the connections of one server.
    open_by_peer: Counter[str] = Counter()

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._deadline: asyncio.TimerHandle | None = None
        self._send_deadline: asyncio.TimerHandle | None = None
        self._peer: str | None = None
        self._refused = False
        self._head = 0

    # ---- counting ---------------------------------------------------------------------------

    def connection_made(self, transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        # uvicorn writes the head and the body of an answer separately; with Nagle's algorithm
        # and the client's delayed ACK every small kept-alive answer would wait ~40 ms.
        sock = transport.get_extra_info("socket")
        if sock is not None and sock.family in (socket.AF_INET, socket.AF_INET6):
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        peer = self.client[0] if self.client else ""
        if sum(self.open_by_peer.values()) >= self.limits.connections:
            return self._refuse(503, "too many open connections; try again shortly")
        if self.open_by_peer[peer] >= self.limits.per_client:
            return self._refuse(503, f"more than {self.limits.per_client} open connections from your address; close some first")
        self.open_by_peer[peer] += 1
        self._peer = peer
        self._expect_head()

    def connection_lost(self, exc: Exception | None) -> None:
        self._cancel()
        if self._send_deadline is not None:
            self._send_deadline.cancel()
        if self._peer is not None:
            self.open_by_peer[self._peer] -= 1
            if self.open_by_peer[self._peer] <= 0:
                del self.open_by_peer[self._peer]
            self._peer = None
        super().connection_lost(exc)

    # ---- reading ----------------------------------------------------------------------------

    def data_received(self, data: bytes) -> None:
        if self._refused:
            return
        self._unset_keepalive_if_required()
        try:
            self.parser.feed_data(data)
        except httptools.HttpParserUpgrade:
            pass  # HTTP/1.1 only: the request is answered as a plain one
        except httptools.HttpParserError as exc:
            if not self._refused:  # not one of ours: a request that is not HTTP
                reason = "".join(c for c in str(exc) if c.isprintable())[:100]
                self._refuse(400, f"the request is not valid HTTP/1.1: {reason or 'malformed'}")

    def on_message_begin(self) -> None:
        super().on_message_begin()
        self._head = 0
        if self._deadline is None:  # a pipelined request: its head starts now
            self._expect_head()

    def on_url(self, url: bytes) -> None:
        super().on_url(url)
        if len(self.url) > self.limits.url_chars:
            self._refuse(414, f"the URL is longer than {self.limits.url_chars} characters")
            raise _Stop
        self._count_head(len(url))

    def on_header(self, name: bytes, value: bytes) -> None:
        super().on_header(name, value)
        self._count_head(len(name) + len(value) + 4)

    def _count_head(self, size: int) -> None:
        self._head += size
        if self._head > self.limits.head_bytes:
            self._refuse(431, f"the request head is larger than {self.limits.head_bytes} bytes")
            raise _Stop

    def on_headers_complete(self) -> None:
        self._cancel()
        super().on_headers_complete()
        self._arm(self.limits.body_seconds, 408, f"the request body did not arrive within {self.limits.body_seconds:g} s")

    def on_message_complete(self) -> None:
        self._cancel()
        super().on_message_complete()

    # ---- writing ----------------------------------------------------------------------------

    def on_response_complete(self) -> None:
        super().on_response_complete()
        if not self.transport.is_closing() and self._deadline is None:
            self._expect_head()

    def pause_writing(self) -> None:
        super().pause_writing()
        if self._send_deadline is None:
            self._send_deadline = self.loop.call_later(self.limits.send_seconds, self._drop_reader)

    def resume_writing(self) -> None:
        super().resume_writing()
        if self._send_deadline is not None:
            self._send_deadline.cancel()
            self._send_deadline = None

    def _drop_reader(self) -> None:
        log.info("%s - dropped: read nothing of its answer for %g s", self._peer, self.limits.send_seconds)
        self.transport.abort()

    # ---- deadlines and refusals ---------------------------------------------------------------

    def _expect_head(self) -> None:
        self._arm(self.limits.header_seconds, 408, f"the request head did not arrive within {self.limits.header_seconds:g} s")

    def _arm(self, seconds: float, status: int, message: str) -> None:
        self._cancel()
        self._deadline = self.loop.call_later(seconds, self._late, status, message)

    def _cancel(self) -> None:
        if self._deadline is not None:
            self._deadline.cancel()
            self._deadline = None

    def _late(self, status: int, message: str) -> None:
        self._deadline = None
        if self.cycle is not None and self.cycle.response_started and not self.cycle.response_complete:
            return  # answering already: the slow-reader deadline watches the rest
        self._refuse(status, message)

    def _refuse(self, status: int, message: str) -> None:
        """Answer ``status`` with one line, close, and ignore what else the client sends."""
        self._refused = True
        self._cancel()
        if self.cycle is not None and not self.cycle.response_complete:
            # The application may be waiting for the body: it sees a disconnect, writes nothing.
            self.cycle.disconnected = True
            self.cycle.message_event.set()
        if self.transport.is_closing():
            return
        log.info("%s - %d %s", self.client[0] if self.client else "?", status, message)
        body = (message + "\n").encode()
        self.transport.write(
            b"HTTP/1.1 %d %s\r\ncontent-type: text/plain; charset=utf-8\r\ncontent-length: %d\r\n"
            b"connection: close\r\n\r\n%s" % (status, _PHRASES.get(status, "Bad Request").encode(), len(body), body)
        )
        # Close our side for writing, go on reading (and dropping) what the client still sends
        # for a moment, then close: closing at once with its request unread would reset the
        # connection and the client might never see the answer.
        if self.transport.can_write_eof():
            self.transport.write_eof()
        self.loop.call_later(1.0, self.transport.close)



def protocol_class(limits: ConnectionLimits) -> type[GuardedProtocol]:
    """A uvicorn HTTP protocol class enforcing ``limits``; its connections share one count."""
    return type("GuardedProtocol", (GuardedProtocol,), {"limits": limits, "open_by_peer": Counter()})
