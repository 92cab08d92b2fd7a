"""Publishing while others read: readers of a real Oxigraph server see the old graph or the new one.

Both default-graph modes of the store: plain (readers name the graph) and the union of the named
graphs (``oxigraph serve --union-default-graph``), where a staging graph would show. Each publish
is a real ``cthbgraph publish`` process, some killed with SIGKILL at a random moment; a reader
polls the count meanwhile. Stores that drip, flood or garble their answers end a publish with one
line and exit 3 within its --timeout.
"""

from __future__ import annotations

import json
import random
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import urlencode
from urllib.request import Request, urlopen

import pytest
from serving import CTHBGRAPH

from cthbgraph.publish import DEFAULT_GRAPH, publish

OXIGRAPH = shutil.which("oxigraph", path=str(Path(sys.executable).parent)) or shutil.which("oxigraph")
GRAPH = DEFAULT_GRAPH


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module", params=["plain", "union"])
def store(request, tmp_path_factory):
    """A real Oxigraph server: (base URL, mode)."""
    if not OXIGRAPH:
        pytest.skip("the oxigraph server (pip install oxigraph) is not installed")
    port = _free_port()
    args = [OXIGRAPH, "serve", "--location", str(tmp_path_factory.mktemp("oxigraph")), "--bind", f"127.0.0.1:{port}"]
    process = subprocess.Popen(args + (["--union-default-graph"] if request.param == "union" else []), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
                break
            except OSError:
                time.sleep(0.1)
        yield f"http://127.0.0.1:{port}", request.param
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture(scope="module")
def versions(built, tmp_path_factory):
    """Two graphs to publish in turn: the built graph, and its first 5,000 triples."""
    small = tmp_path_factory.mktemp("small") / "cthb.nt"
    small.write_bytes(b"".join(built.out.joinpath("cthb.nt").read_bytes().splitlines(keepends=True)[:5000]))
    return {built.triples: built.out / "cthb.nt", 5000: small}


def _select(base: str, query: str, graph: str | None = None) -> list[dict]:
    params = {"query": query} | ({"default-graph-uri": graph} if graph else {})
    request = Request(f"{base}/query?{urlencode(params)}", headers={"Accept": "application/sparql-results+json"})
    with urlopen(request, timeout=30) as response:
        return json.loads(response.read())["results"]["bindings"]


def reader_count(store) -> int:
    """What a reader counts: the default graph of a union store, the named graph of a plain one."""
    base, mode = store
    rows = _select(base, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", None if mode == "union" else GRAPH)
    return int(rows[0]["n"]["value"])


def graphs(store) -> set[str]:
    return {row["g"]["value"] for row in _select(store[0], "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")}


def _publish_process(store, source: Path, *extra: str) -> subprocess.Popen:
    args = [CTHBGRAPH, "publish", "--endpoint", f"{store[0]}/query", "--graph-dir", str(source), "--timeout", "60", *extra]
    return subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def _watch(store, process: subprocess.Popen, kill_after: float | None) -> list[int]:
    """Counts read while ``process`` publishes (at least 60), killing it with SIGKILL after
    ``kill_after`` seconds if given, and for a moment after it ended (a store may still commit)."""
    counts, started, ended = [], time.monotonic(), None
    while len(counts) < 60 or ended is None or time.monotonic() < ended + 0.5:
        if kill_after is not None and process.poll() is None and time.monotonic() > started + kill_after:
            process.send_signal(signal.SIGKILL)
        if ended is None and process.poll() is not None:
            ended = time.monotonic()
        counts.append(reader_count(store))
        time.sleep(0.01)
    process.wait()
    return counts


def _settled(store, quiet: float = 2.0, limit: float = 60.0) -> int:
    """The reader's count once it has not changed for ``quiet`` seconds: a request a killed publisher
    already sent may still be committed by the store after the publisher died (old or new, whole)."""
    count, since, started = reader_count(store), time.monotonic(), time.monotonic()
    while time.monotonic() < since + quiet and time.monotonic() < started + limit:
        time.sleep(0.1)
        now = reader_count(store)
        if now != count:
            count, since = now, time.monotonic()
    return count


def test_publish_readers_see_old_or_new_never_a_mix(store, versions):
    sizes = sorted(versions)
    publish(versions[sizes[0]], f"{store[0]}/query")
    rng = random.Random(14)
    plan = [(sizes[1], None), (sizes[0], rng.uniform(0.3, 2.0)), (sizes[1], rng.uniform(0.3, 2.0)), (sizes[0], None), (sizes[1], None)]
    for new, kill_after in plan:
        old = _settled(store)
        process = _publish_process(store, versions[new])
        counts = _watch(store, process, kill_after)
        assert set(counts) <= {old, new}, (old, new, sorted(set(counts)))
        if kill_after is None:
            assert process.returncode == 0, process.stderr.read()
            assert counts[-1] == new
        assert not [g for g in graphs(store) if "staging" in g]


def test_publish_killed_in_mid_upload_leaves_the_old_graph(store, versions):
    """A publisher killed while its update is on the wire: the store never commits half of it."""
    before = reader_count(store)
    data = versions[max(versions)].read_bytes()
    body = b"DROP SILENT GRAPH <%s> ;\nINSERT DATA { GRAPH <%s> {\n%s} }\n" % (GRAPH.encode(), GRAPH.encode(), data)
    host, port = store[0].removeprefix("http://").split(":")
    conn = socket.create_connection((host, int(port)))
    conn.sendall(b"POST /update HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-update\r\nContent-Length: %d\r\n\r\n" % len(body))
    conn.sendall(body[: len(body) // 2])
    conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")  # reset, as a killed process's socket
    conn.close()
    time.sleep(0.5)
    assert reader_count(store) == before
    assert not [g for g in graphs(store) if "staging" in g]


def test_publish_drops_staging_graphs_of_interrupted_publishes(store, versions):
    """A staging graph left by an interrupted --method staging publish (or an older version) is
    dropped by the next publish, in the same transaction as the replacement."""
    leftover = f"{GRAPH}-staging-0123456789ab"
    small = versions[min(versions)]
    request = Request(f"{store[0]}/store?{urlencode({'graph': leftover})}", data=small.read_bytes(), method="PUT", headers={"Content-Type": "application/n-triples"})
    urlopen(request, timeout=30).close()
    process = _publish_process(store, versions[max(versions)])
    counts = _watch(store, process, None)
    assert process.returncode == 0
    assert f"Dropped <{leftover}>" in process.stdout.read().decode()
    assert graphs(store) == {GRAPH}
    assert counts[-1] == max(versions)


def test_publish_staging_method_replaces_the_graph(store, versions):
    if store[1] == "union":
        pytest.skip("--method staging is for stores whose default graph is not the union (docs/publishing.md)")
    result = publish(versions[min(versions)], f"{store[0]}/query", method="staging")
    assert result.triples == min(versions) == reader_count(store)
    assert graphs(store) == {GRAPH}


@pytest.mark.parametrize("method", ["update", "staging"])
def test_publish_named_graphs_only_where_the_default_graph_is_not_the_union(store, built, method):
    """Plain store: the merged graph and one graph per report, the reader's count unchanged.
    Union store: every triple would count twice in its default graph, so publish refuses with one
    line and exit 2, and the store is left as it was (the probe graph dropped)."""
    before = graphs(store), reader_count(store)
    process = _publish_process(store, built.out, "--named-graphs", "--method", method)
    out, err = (stream.decode() for stream in process.communicate(timeout=120))
    if store[1] == "union":
        assert process.returncode == 2, out + err
        assert err.startswith("Error: --named-graphs is refused: the default graph of the store at ") and err.count("\n") == 1, err
        assert "union of its named graphs" in err and "Traceback" not in err
        assert (graphs(store), reader_count(store)) == before
        return
    assert process.returncode == 0, err
    reports = {g for g in graphs(store) if g.startswith(f"{GRAPH}/report/")}
    assert len(reports) == 5 and graphs(store) == {GRAPH} | reports
    assert reader_count(store) == built.triples
    assert f"named-graph-uri={GRAPH}/report/osr-2016-17-report" in out


# ---- stores that answer badly ---------------------------------------------------------------------


def _drip(conn: socket.socket) -> None:
    for byte in b"HTTP/1.1 200 OK\r\nContent-Type: application/sparql-results+json\r\n" * 100:
        conn.sendall(bytes([byte]))
        time.sleep(0.5)


def _flood(conn: socket.socket) -> None:
    conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/sparql-results+json\r\nContent-Length: 300000000\r\n\r\n")
    chunk = b"[" * 65536
    for _ in range(300_000_000 // len(chunk)):
        conn.sendall(chunk)


def _nested(conn: socket.socket) -> None:
    body = b"[" * 200_000
    conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/sparql-results+json\r\nContent-Length: %d\r\n\r\n%s" % (len(body), body))


def _garbage(conn: socket.socket) -> None:
    conn.sendall(b"\x00\xffthis is no HTTP\r\n\r\n")


class _BadStore:
    """A loopback server that reads a request, then answers with ``behaviour``."""

    def __init__(self, behaviour):
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.behaviour = behaviour
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self) -> None:
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            threading.Thread(target=self._answer, args=(conn,), daemon=True).start()

    def _answer(self, conn: socket.socket) -> None:
        with conn:
            try:
                data = b""
                while b"\r\n\r\n" not in data:
                    data += conn.recv(65536)
                head, _, body = data.partition(b"\r\n\r\n")
                length = int(head.lower().split(b"content-length:")[1].split(b"\r\n")[0]) if b"content-length:" in head.lower() else 0
                while len(body) < length:  # read it all: closing with a request unread resets
                    body += conn.recv(65536)
                self.behaviour(conn)
            except OSError:
                pass

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.sock.getsockname()[1]}/query"


@pytest.mark.parametrize(
    "behaviour,message",
    [
        (_drip, "did not finish within the timeout of 3 s"),
        (_flood, "answered more than 1000000 bytes"),
        (_nested, "did not answer with SPARQL JSON results"),
        (_garbage, "did not answer with HTTP"),
    ],
    ids=["drip", "300-MB", "nested-json", "garbage"],
)
def test_cli_publish_to_a_store_answering_badly_exits_3(built, behaviour, message):
    bad = _BadStore(behaviour)
    try:
        args = [CTHBGRAPH, "publish", "--endpoint", bad.url, "--graph-dir", str(built.out), "--timeout", "3"]
        result = subprocess.run(args, capture_output=True, text=True, timeout=60)
    finally:
        bad.sock.close()
    assert result.returncode == 3, result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 2 and lines[0].startswith("Error: ") and lines[1].startswith("Hint: "), result.stderr
    assert message in lines[0]
