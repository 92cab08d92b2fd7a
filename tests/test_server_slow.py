"""Slow and greedy clients: every deadline of a connection, per-client caps, a slowloris attack.

uvicorn alone enforces none of the head, body or send deadlines (see cthbgraph.lod.connections);
these tests show that the server does. Deadlines are shortened here (about a second) so that each
test waits only a few seconds; the attack runs against a real ``cthbgraph serve`` process with its
default limits. Every wait is a socket timeout, never a measured time.
"""

from __future__ import annotations

import contextlib
import logging
import select
import socket
import threading
import time
import urllib.error
from urllib.parse import urlencode
from urllib.request import Request, urlopen

import pytest
from serving import ServeProcess

from cthbgraph.lod.server import Limits, make_server, serve_in_thread

SHORT = Limits(header_seconds=1.0, body_seconds=1.0, idle_seconds=1.0, send_seconds=1.5, workers=1, result_bytes=50_000_000)
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"


class _Records(logging.Handler):
    def __init__(self):
        super().__init__()
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@pytest.fixture(scope="module")
def server(built):
    records = _Records()
    logging.getLogger().addHandler(records)
    srv = make_server(built.out, "127.0.0.1", 0, limits=SHORT)
    serve_in_thread(srv)
    yield srv
    srv.shutdown()
    srv.server_close()
    logging.getLogger().removeHandler(records)
    assert not [r for r in records.records if r.exc_info or r.levelno >= logging.ERROR], [r.getMessage() for r in records.records]


def answer_of(conn: socket.socket, seconds: float) -> bytes:
    """Everything the server sends until it closes, waiting at most ``seconds`` for each read."""
    conn.settimeout(seconds)
    data = b""
    try:
        while chunk := conn.recv(65536):
            data += chunk
    except ConnectionResetError:
        pass
    return data


def test_server_drops_a_silent_connection_with_408(server):
    with socket.create_connection(server.server_address) as conn:
        answer = answer_of(conn, SHORT.header_seconds + 10)
    assert answer.startswith(b"HTTP/1.1 408 ")
    assert answer.endswith(b"the request head did not arrive within 1 s\n")


@pytest.mark.parametrize("phase", ["head", "body"])
def test_server_drops_a_trickling_sender_with_408(server, phase):
    head = b"POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query\r\nContent-Length: 500\r\n\r\n"
    sent, rest = (b"", head) if phase == "head" else (head, b"x" * 500)
    with socket.create_connection(server.server_address) as conn:
        conn.sendall(sent)
        conn.settimeout(0.25)
        answer = b""
        for byte in rest[:80]:  # one byte each 0.25 s: 20 s at most, far past the deadline
            try:
                conn.send(bytes([byte]))
                answer = conn.recv(65536)
            except TimeoutError:
                continue
            except OSError:
                break
            if answer:
                break
        answer += answer_of(conn, 10)
    assert answer.startswith(b"HTTP/1.1 408 "), answer
    assert f"the request {phase} did not arrive within 1 s".encode() in answer


def test_server_closes_an_idle_kept_alive_connection(server):
    with socket.create_connection(server.server_address) as conn:
        conn.sendall(b"GET /void.ttl HTTP/1.1\r\nHost: x\r\n\r\n")
        answer = answer_of(conn, SHORT.idle_seconds + 10)  # the answer, then nothing, then closed
    assert answer.startswith(b"HTTP/1.1 200 ")
    assert answer.count(b"HTTP/1.1 ") == 1


def test_server_drops_a_client_that_reads_nothing(server):
    query = urlencode({"query": "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", "format": "nt"})
    conn = socket.socket()
    conn.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
    conn.connect(server.server_address)
    with conn:
        conn.sendall(f"GET /sparql?{query} HTTP/1.1\r\nHost: x\r\n\r\n".encode())
        # Read nothing until the server must have given up on us; then take what is left.
        select.select([], [], [], SHORT.send_seconds + SHORT.query_seconds + 3)
        answer = answer_of(conn, 10)
    head, _, body = answer.partition(b"\r\n\r\n")
    length = int(head.lower().split(b"content-length: ")[1].split(b"\r\n")[0])
    assert length > 1_000_000 and len(body) < length  # cut off: the server dropped us


def test_server_keeps_serving_after_slow_clients(server):
    with urlopen(server.url + "sparql?" + urlencode({"query": COUNT, "format": "csv"}), timeout=30) as response:
        assert response.status == 200


# ---- a slowloris attack on a real server process -------------------------------------------------

TRICKLE = b"GET / HTTP/1.1\r\nHost: x\r\nX-Slow: " + b"a" * 200


def _attack(port: int, sources: list[str], stop: threading.Event, outcome: dict) -> None:
    """256 sockets that send their request head one byte every 5 s; records how each ended."""
    socks = []
    for source in sources:
        s = socket.socket()
        s.bind((source, 0))
        s.setblocking(False)
        s.connect_ex(("127.0.0.1", port))
        socks.append(s)
    select.select([], socks, [], 5)
    sent = 0
    while not stop.is_set() and socks:
        for s in list(socks):
            with contextlib.suppress(OSError):
                s.send(TRICKLE[sent : sent + 1])
        sent += 1
        deadline = time.monotonic() + 5
        while not stop.is_set() and time.monotonic() < deadline and socks:
            readable, _, _ = select.select(socks, [], [], 0.2)
            for s in readable:
                try:
                    data = s.recv(4096)
                except OSError:
                    data = b""
                status = data[9:12].decode() if data.startswith(b"HTTP/1.1 ") else "closed"
                outcome[status] = outcome.get(status, 0) + 1
                socks.remove(s)
                s.close()
    outcome["open"] = len(socks)
    for s in socks:
        s.close()


def _get(url: str, timeout: float) -> int:
    try:
        with urlopen(Request(url, headers={"Accept": "text/turtle"}), timeout=timeout) as response:
            response.read()
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


@pytest.mark.parametrize("spread", ["one-address", "256-addresses"])
def test_server_answers_during_a_slowloris_attack(built, tmp_path, spread):
    srv = ServeProcess(built.out, tmp_path / "serve.log", "--quiet")
    try:
        sources = ["127.0.0.2"] * 256 if spread == "one-address" else [f"127.0.{1 + i // 250}.{1 + i % 250}" for i in range(256)]
        stop, outcome = threading.Event(), {}
        attacker = threading.Thread(target=_attack, args=(srv.server_address[1], sources, stop, outcome))
        attacker.start()
        statuses = []
        for _ in range(3):  # at the start, mid-way, and past the head deadline of the attackers
            time.sleep(1)
            statuses.append(_get(srv.url + "body/odihr", timeout=2))
            statuses.append(_get(srv.url + "sparql?" + urlencode({"query": COUNT, "format": "json"}), timeout=2))
            time.sleep(3.5)
        stop.set()
        attacker.join()
    finally:
        assert srv.stop() == 0
    assert statuses == [200] * 6
    # Every attacking socket was refused (one address: beyond 32 connections) or dropped at the
    # 10 s head deadline; none was left holding a connection.
    assert outcome.get("open", 0) == 0, outcome
    assert outcome.get("408", 0) == (32 if spread == "one-address" else 256), outcome
    assert "Traceback" not in srv.log()
