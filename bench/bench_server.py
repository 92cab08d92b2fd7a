"""Bounded load test of ``cthbgraph serve`` on loopback: a fixed number of mixed requests, then stop.

Starts the server on a free loopback port over a build folder, then N client threads (one
keep-alive connection each) send a fixed, seeded mix of requests: resource pages in every format
(HTML, Turtle, JSON-LD, N-Triples, RDF/XML), class indexes, and SPARQL queries (the example queries
without parameters, plus a few small ones). Prints requests per second, latency percentiles per kind
and overall, and the number of errors (any status other than 200), which must be zero.

    .venv/bin/python bench/bench_server.py --graph-dir out --requests 3000 --clients 8

Exit status 1 when any request failed.
"""

from __future__ import annotations

import argparse
import http.client
import random
import statistics
import sys
import threading
import time
from urllib.parse import quote, urlencode

from cthbgraph.lod.server import Limits, make_server, serve_in_thread

ACCEPTS = ("text/html", "text/turtle", "application/ld+json", "application/n-triples", "application/rdf+xml")
SMALL_QUERIES = (
    "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }",
    "PREFIX cthb: <https://w3id.org/cthb/ontology#> SELECT ?p WHERE { ?p a cthb:Provision } LIMIT 20",
    "PREFIX skos: <http://www.w3.org/2004/02/skos/core#> SELECT ?b ?l WHERE { ?b skos:prefLabel ?l } LIMIT 50",
    "ASK { ?s a <https://w3id.org/cthb/ontology#Report> }",
)
RESULT_FORMATS = ("json", "xml", "csv", "tsv")


def plan(server, count: int, query_share: float, seed: int) -> list[tuple[str, str, dict[str, str]]]:
    """The requests to send, as (kind, path, headers), drawn with a fixed seed."""
    rng = random.Random(seed)
    resources = [path for path, _ in server.site.resources]
    queries = list(SMALL_QUERIES) + [q.text for q in server.examples.values() if not q.parameters]
    requests = []
    for _ in range(count):
        roll = rng.random()
        if roll < query_share:
            query = rng.choice(queries)
            path = "/sparql?" + urlencode({"query": query, "format": rng.choice(RESULT_FORMATS)})
            requests.append(("query", path, {}))
        elif roll < query_share + 0.05:
            requests.append(("index", f"/{rng.choice(list(server.site.counts))}/", {}))
        else:
            requests.append(("page", "/" + quote(rng.choice(resources)), {"Accept": rng.choice(ACCEPTS)}))
    return requests


def run(server, requests, clients: int) -> list[tuple[str, float, int]]:
    host, port = server.server_address[:2]
    results: list[tuple[str, float, int]] = []
    lock = threading.Lock()
    chunks = [requests[i::clients] for i in range(clients)]

    def client(chunk) -> None:
        conn = http.client.HTTPConnection(host, port, timeout=120)
        local = []
        for kind, path, headers in chunk:
            start = time.perf_counter()
            try:
                conn.request("GET", path, headers=headers)
                response = conn.getresponse()
                response.read()
                status = response.status
            except (OSError, http.client.HTTPException):
                conn.close()
                conn = http.client.HTTPConnection(host, port, timeout=120)
                status = 0
            local.append((kind, time.perf_counter() - start, status))
        conn.close()
        with lock:
            results.extend(local)

    threads = [threading.Thread(target=client, args=(c,)) for c in chunks]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return results


def percentiles(values: list[float]) -> str:
    if len(values) < 2:
        return "n/a"
    q = statistics.quantiles(values, n=100, method="inclusive")
    return f"p50 {q[49] * 1000:7.1f} ms   p90 {q[89] * 1000:7.1f} ms   p99 {q[98] * 1000:7.1f} ms"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--graph-dir", default="out", help="build folder (cthbgraph build --graph-dir DIR)")
    parser.add_argument("--requests", type=int, default=3000)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--query-share", type=float, default=0.3, help="fraction of SPARQL requests")
    parser.add_argument("--workers", type=int, default=2, help="query worker processes")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)

    server = make_server(args.graph_dir, "127.0.0.1", 0, limits=Limits(workers=args.workers))
    serve_in_thread(server)
    try:
        requests = plan(server, args.requests, args.query_share, args.seed)
        # A first pass over a sample warms the page cache the way a running server's is.
        run(server, requests[: args.clients * 5], args.clients)
        start = time.perf_counter()
        results = run(server, requests, args.clients)
        elapsed = time.perf_counter() - start
    finally:
        server.shutdown()
        server.server_close()

    errors = [r for r in results if r[2] != 200]
    print(f"{len(results)} requests by {args.clients} clients in {elapsed:.2f} s: {len(results) / elapsed:.0f} requests/s")
    print(f"  all     ({len(results):5d})  {percentiles([r[1] for r in results])}")
    for kind in ("page", "index", "query"):
        times = [r[1] for r in results if r[0] == kind]
        print(f"  {kind:7s} ({len(times):5d})  {percentiles(times)}")
    pages = [r[1] for r in results if r[0] == "page"]
    queries = [r[1] for r in results if r[0] == "query"]
    if pages and queries:
        print(f"  median query / median page latency: {statistics.median(queries) / statistics.median(pages):.1f}x")
    print(f"errors: {len(errors)}" + (f" (statuses {sorted({e[2] for e in errors})})" if errors else ""))
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
