"""Server memory stays bounded under sustained queries (real processes, resident memory from /proc).

The bound (docs/publishing.md): the server process holds the graph and at most its page cache,
its dumps and the answers in flight, so after a warm-up its memory does not grow with the number
of queries; a query worker whose memory passes ``--worker-memory`` after a query is replaced.
"""

from __future__ import annotations

import urllib.error
from urllib.parse import urlencode
from urllib.request import urlopen

from serving import ServeProcess, rss

MB = 1_000_000
QUERIES = [
    ("SELECT * WHERE { ?s ?p ?o } LIMIT 20000", "json"),
    ("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", "turtle"),
    ("SELECT ?s (COUNT(*) AS ?n) WHERE { ?s ?p ?o } GROUP BY ?s ORDER BY DESC(?n)", "xml"),
    ("DESCRIBE <https://w3id.org/cthb/id/body/odihr>", "nt"),
    ("SELECT * WHERE { ?s ?p ?o } ORDER BY ?o LIMIT 50000", "csv"),
]


def _get(url: str) -> int:
    try:
        with urlopen(url, timeout=60) as response:
            response.read()
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def _load(srv: ServeProcess, count: int) -> list[int]:
    """``count`` rounds of: a query of the mix, and every fifth round a query page and a page."""
    statuses = []
    for i in range(count):
        text, fmt = QUERIES[i % len(QUERIES)]
        statuses.append(_get(srv.url + "sparql?" + urlencode({"query": text, "format": fmt})))
        if i % 5 == 0:
            statuses.append(_get(srv.url + "query?" + urlencode({"query": QUERIES[0][0]})))
            statuses.append(_get(srv.url + f"body/odihr.{('html', 'ttl', 'jsonld')[i % 3]}"))
    return statuses


def test_server_memory_stays_bounded_under_sustained_queries(built, tmp_path):
    srv = ServeProcess(built.out, tmp_path / "serve.log", "--quiet", "--worker-memory", "80")
    try:
        warm = _load(srv, 15)
        after_warm_up = rss(srv.pid)
        workers_before = set(srv.workers())
        sustained = _load(srv, 100)
        after = rss(srv.pid)
        workers_after = srv.workers()
        worker_memory = {pid: rss(pid) for pid in workers_after}
    finally:
        assert srv.stop() == 0
    assert set(warm + sustained) == {200}
    print(f"server RSS after warm-up {after_warm_up // MB} MB, after 100 more rounds {after // MB} MB; workers {sorted(m // MB for m in worker_memory.values())} MB")
    assert after <= after_warm_up + 64 * MB, (after_warm_up // MB, after // MB)
    assert workers_before != set(workers_after)  # workers were replaced ...
    assert max(worker_memory.values()) <= 80 * MB, worker_memory  # ... so none holds more
    assert "Traceback" not in srv.log()
