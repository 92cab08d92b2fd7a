"""The server as a client sees it: content negotiation, the SPARQL endpoint, and hostile requests.

A real ``cthbgraph serve`` process on a free loopback port, over the graph of the whole corpus;
every check goes over HTTP. Hostile requests assert the status code only (never a time): the point
is that each is refused and that the server answers normal queries afterwards. The server's log
must hold no traceback when the module ends.
"""

from __future__ import annotations

import json
import socket
import threading
import urllib.error
import warnings
from urllib.parse import quote, urlencode
from urllib.request import Request, urlopen

import pytest
from rdflib import Graph, URIRef
from serving import ServeProcess
from SPARQLWrapper import (
    CSV,
    GET,
    JSON,
    JSONLD,
    N3,
    POST,
    POSTDIRECTLY,
    RDFXML,
    TSV,
    TURTLE,
    URLENCODED,
    XML,
    SPARQLWrapper,
)
from SPARQLWrapper import RDF as RDF_GRAPH  # not to be confused with the rdf: namespace

from cthbgraph.lod.guard import QueryRefused, check_query
from cthbgraph.lod.server import Limits, make_server, serve_in_thread
from cthbgraph.queries import library
from cthbgraph.vocab import CTHB, RDF, SKOS

ODIHR = URIRef("https://w3id.org/cthb/id/body/odihr")
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
# Every pair of triples, counted: ~5*10^8 rows to go through, far beyond the time limit.
FOREVER = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


@pytest.fixture(scope="module")
def server(built, tmp_path_factory):
    log = tmp_path_factory.mktemp("serve") / "serve.log"
    srv = ServeProcess(built.out, log, "--query-seconds", "2", "--result-bytes", "1000000", "--workers", "2")
    yield srv
    assert srv.stop() == 0, srv.log()
    assert "Traceback" not in srv.log(), srv.log()


def fetch(url: str, *, accept: str | None = None, data: bytes | None = None, content_type: str | None = None):
    """(status, headers, body) of a request; HTTP errors are answers too."""
    headers = {}
    if accept:
        headers["Accept"] = accept
    if content_type:
        headers["Content-Type"] = content_type
    try:
        with urlopen(Request(url, data=data, headers=headers), timeout=60) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def sparql_get(server, query: str, **params) -> tuple[int, bytes]:
    status, _, body = fetch(server.url + "sparql?" + urlencode({"query": query, **params}))
    return status, body


@pytest.mark.parametrize(
    "accept,fmt",
    [
        ("text/turtle", "turtle"),
        ("application/ld+json", "json-ld"),
        ("application/n-triples", "nt"),
        ("application/rdf+xml", "xml"),
    ],
)
def test_server_negotiates_rdf_formats(server, accept, fmt):
    status, headers, body = fetch(server.url + "body/odihr", accept=accept)
    assert status == 200
    assert headers["Content-Type"].split(";")[0] == accept
    assert headers["Vary"] == "Accept"
    g = Graph().parse(data=body, format=fmt)
    assert (ODIHR, RDF.type, CTHB.Body) in g
    assert (ODIHR, SKOS.prefLabel, None) in g


def test_server_gives_browsers_html(server):
    accept = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
    status, headers, body = fetch(server.url + "provision/III.10.2", accept=accept)
    assert status == 200
    assert headers["Content-Type"] == "text/html; charset=utf-8"
    assert headers["Content-Location"] == "/provision/III.10.2.html"
    assert "Strategic Police Matters Unit" in body.decode()


def test_server_answers_406_when_no_format_fits(server):
    status, headers, body = fetch(server.url + "body/odihr", accept="image/png")
    assert status == 406
    assert b"text/turtle" in body


@pytest.mark.parametrize("path", ["body/odihr.ttl", "body/odihr.jsonld", "body/odihr.nt", "body/odihr.rdf", "body/odihr.html"])
def test_server_serves_each_format_by_extension(server, path):
    status, _, _ = fetch(server.url + path)
    assert status == 200


@pytest.mark.parametrize("path", ["", "body/", "ontology.html", "dumps/cthb.ttl", "dumps/cthb.nt.gz", "dcat.ttl", "void.ttl", "sitemap.xml", "query"])
def test_server_serves_the_site_files(server, path):
    status, _, _ = fetch(server.url + path)
    assert status == 200


def test_server_cors_allows_any_origin_without_credentials(server):
    _, headers, _ = fetch(server.url + "body/odihr.ttl")
    assert headers["Access-Control-Allow-Origin"] == "*"
    assert headers.get("Access-Control-Allow-Credentials") is None


def test_server_sparql_with_sparqlwrapper(server):
    endpoint = SPARQLWrapper(server.url + "sparql")
    endpoint.setQuery(
        """PREFIX cthb: <https://w3id.org/cthb/ontology#>
        PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
        SELECT ?notation WHERE { ?p a cthb:Provision ; skos:notation ?notation } ORDER BY ?notation"""
    )
    endpoint.setReturnFormat(JSON)
    rows = endpoint.query().convert()["results"]["bindings"]
    assert {"type": "literal", "value": "III.10.2"} in [r["notation"] for r in rows]
    endpoint.setMethod(POST)
    endpoint.setReturnFormat(XML)
    assert endpoint.query().convert().getElementsByTagName("literal")
    endpoint.setReturnFormat(CSV)
    assert endpoint.query().convert().decode().splitlines()[0] == "notation"


ODIHR_LABEL = "Office for Democratic Institutions and Human Rights"
WRAPPER_QUERIES = {
    "SELECT": f"SELECT ?label WHERE {{ <{ODIHR}> <{SKOS.prefLabel}> ?label }}",
    "ASK": f"ASK {{ <{ODIHR}> <{SKOS.prefLabel}> ?label }}",
    "CONSTRUCT": f"CONSTRUCT {{ <{ODIHR}> <{SKOS.prefLabel}> ?label }} WHERE {{ <{ODIHR}> <{SKOS.prefLabel}> ?label }}",
    "DESCRIBE": f"DESCRIBE <{ODIHR}>",
}


def _as_text(converted) -> str:
    """What SPARQLWrapper's convert() gave (dict, DOM, rdflib Graph, bytes or str) as text."""
    if isinstance(converted, Graph):
        return converted.serialize(format="nt")
    if hasattr(converted, "toxml"):
        return converted.toxml()
    if isinstance(converted, dict):
        return json.dumps(converted)
    return converted.decode() if isinstance(converted, bytes) else str(converted)


@pytest.mark.parametrize("method", [(GET, URLENCODED), (POST, URLENCODED), (POST, POSTDIRECTLY)], ids=["get", "post-form", "post-direct"])
@pytest.mark.parametrize("return_format", [None, XML, JSON, JSONLD, TURTLE, N3, RDF_GRAPH, RDFXML, CSV, TSV])
@pytest.mark.parametrize("form", sorted(WRAPPER_QUERIES))
def test_server_sparqlwrapper_every_return_format(server, form, return_format, method):
    """SPARQLWrapper 2.0 as it comes: its format= values and Accept headers, for every query form."""
    endpoint = SPARQLWrapper(server.url + "sparql")
    endpoint.setQuery(WRAPPER_QUERIES[form])
    endpoint.setMethod(method[0])
    endpoint.setRequestMethod(method[1])
    if return_format:
        endpoint.setReturnFormat(return_format)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # it warns when asked for a format its query form has no use for
        result = endpoint.query()
        text = _as_text(result.convert())
    assert result.response.status == 200
    assert ("true" in text) if form == "ASK" else (ODIHR_LABEL in text)


@pytest.mark.parametrize(
    "accept,fmt,start",
    [
        ("application/sparql-results+json", None, b"{"),
        ("application/sparql-results+xml", None, b"<?xml"),
        ("text/csv", None, b"n\r\n"),
        ("text/tab-separated-values", None, b"?n\n"),
        (None, "csv", b"n\r\n"),
        (None, "tsv", b"?n\n"),
    ],
)
def test_server_sparql_result_formats(server, accept, fmt, start):
    url = server.url + "sparql?" + urlencode({"query": COUNT, **({"format": fmt} if fmt else {})})
    status, headers, body = fetch(url, accept=accept)
    assert status == 200
    assert body.startswith(start)


def test_server_sparql_post_bodies(server):
    status, _, body = fetch(server.url + "sparql", data=COUNT.encode(), content_type="application/sparql-query", accept="application/sparql-results+json")
    assert status == 200
    assert int(json.loads(body)["results"]["bindings"][0]["n"]["value"]) > 1000
    form = urlencode({"query": "ASK { ?s a <https://w3id.org/cthb/ontology#Provision> }"}).encode()
    status, _, body = fetch(server.url + "sparql", data=form, content_type="application/x-www-form-urlencoded", accept="application/sparql-results+json")
    assert (status, json.loads(body)["boolean"]) == (200, True)


def test_server_construct_answers_rdf(server):
    status, headers, body = fetch(
        server.url + "sparql?" + urlencode({"query": f"DESCRIBE <{ODIHR}>"}), accept="text/turtle"
    )
    assert status == 200
    assert (ODIHR, RDF.type, CTHB.Body) in Graph().parse(data=body, format="turtle")


def test_server_query_page_runs_an_example_with_a_bound_value(server):
    form = urlencode({"example": "provisions-tasking-body", "param.body": "SPMU", "query": _example_text(server)}).encode()
    status, _, body = fetch(server.url + "query", data=form, content_type="application/x-www-form-urlencoded")
    assert status == 200
    assert '<table class="results" id="results">' in body.decode()
    assert "III.10.2" in body.decode()


def _example_text(server) -> str:
    return library()["provisions-tasking-body"].text


# ---- hostile requests -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def listener():
    """A loopback port that records whether anyone connects (the target of SERVICE and LOAD)."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen(5)
    sock.settimeout(0.2)
    connected = []
    stop = threading.Event()

    def accept() -> None:
        while not stop.is_set():
            try:
                conn, _ = sock.accept()
            except OSError:
                continue
            connected.append(conn)

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield sock.getsockname()[1], connected
    stop.set()
    thread.join()
    sock.close()


def test_server_refuses_service_to_another_address(server, listener):
    port, connected = listener
    status, body = sparql_get(server, f"SELECT * WHERE {{ SERVICE <http://127.0.0.1:{port}/sparql> {{ ?s ?p ?o }} }}")
    assert status == 400
    assert body.startswith(b"SERVICE is not allowed")
    status, _ = sparql_get(server, f"SELECT * WHERE {{ ?x ?y ?z OPTIONAL {{ SERVICE SILENT <http://127.0.0.1:{port}/> {{ ?s ?p ?o }} }} }} LIMIT 1")
    assert status == 400
    assert connected == []


@pytest.mark.parametrize(
    "query",
    [
        r"SELECT * WHERE { \u0053ERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }",  # SPARQL unescapes \u first
        "SELECT * WHERE { service <http://127.0.0.1:9/> { ?s ?p ?o } }",
        "SELECT * WHERE { FILTER EXISTS { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } } }",
        "ASK { { SELECT * WHERE { SERVICE ?where { ?s ?p ?o } } } }",
        "CONSTRUCT { ?s ?p ?o } WHERE { SERVICE <file:///etc/passwd> { ?s ?p ?o } }",
    ],
)
def test_server_guard_finds_service_however_written(query):
    with pytest.raises(QueryRefused, match="SERVICE is not allowed"):
        check_query(query)


def test_server_guard_refuses_deep_nesting_as_invalid():
    with pytest.raises(QueryRefused):
        check_query("SELECT * WHERE " + "{" * 3000 + "?s ?p ?o" + "}" * 3000)


@pytest.mark.parametrize(
    "query",
    [
        "INSERT DATA { <http://x/s> <http://x/p> <http://x/o> }",
        "DELETE WHERE { ?s ?p ?o }",
        "DROP ALL",
        "CLEAR DEFAULT",
        "LOAD <file:///etc/passwd>",
        "LOAD <http://127.0.0.1:9/data.ttl> INTO GRAPH <http://x/g>",
    ],
)
def test_server_refuses_updates(server, query):
    status, body = sparql_get(server, query)
    assert status == 400
    assert body.startswith(b"SPARQL updates are refused")
    status, _, _ = fetch(server.url + "sparql", data=query.encode(), content_type="application/sparql-update")
    assert status == 400
    status, _, _ = fetch(server.url + "sparql", data=urlencode({"update": query}).encode(), content_type="application/x-www-form-urlencoded")
    assert status == 400


@pytest.mark.parametrize(
    "query,params",
    [
        ("SELECT * FROM <file:///etc/passwd> WHERE { ?s ?p ?o }", {}),
        ("SELECT * FROM NAMED <http://127.0.0.1:9/other> WHERE { GRAPH ?g { ?s ?p ?o } }", {}),
        ("SELECT * WHERE { ?s ?p ?o } LIMIT 1", {"default-graph-uri": "file:///etc/passwd"}),
        ("SELECT * WHERE { ?s ?p ?o } LIMIT 1", {"named-graph-uri": "http://127.0.0.1:9/"}),
    ],
)
def test_server_refuses_other_datasets(server, query, params):
    status, _ = sparql_get(server, query, **params)
    assert status == 400


@pytest.mark.parametrize(
    "path",
    [
        "/../../../../etc/passwd",
        "/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
        "/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd",
        "/static/..%2f..%2f..%2fpyproject.toml",
        "/body/..%5c..%5cetc%5cpasswd",
        "/static/%2e%2e/site.py",
        "/etc/passwd",
        "/dumps/../../cthb.nt",
        "/body/odihr%00.html",
    ],
)
def test_server_pages_are_immune_to_path_traversal(server, path):
    host, port = server.server_address[:2]
    with socket.create_connection((host, port), timeout=30) as conn:
        # raw request: urllib would normalise the dots away before sending
        conn.sendall(f"GET {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".encode())
        answer = b""
        while chunk := conn.recv(65536):
            answer += chunk
    status = int(answer.split(b" ", 2)[1])
    assert status in (400, 404)
    assert b"root:" not in answer and b"[project]" not in answer


def test_server_refuses_a_huge_query(server):
    huge = "SELECT * WHERE { ?s ?p ?o } #" + "x" * 200_000
    status, _, _ = fetch(server.url + "sparql", data=huge.encode(), content_type="application/sparql-query")
    assert status == 413
    status, _, _ = fetch(server.url + "sparql?" + urlencode({"query": huge[:20_000]}))
    assert status == 414


def raw_request(server, data: bytes) -> bytes:
    """The server's whole answer to bytes sent as they are (urllib would fix what is malformed)."""
    with socket.create_connection(server.server_address, timeout=30) as conn:
        conn.sendall(data)
        answer = b""
        while chunk := conn.recv(65536):
            answer += chunk
    return answer


@pytest.mark.parametrize(
    "request_bytes,status",
    [
        (b"POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query\r\nContent-Length: 6\r\nContent-Length: 6\r\n\r\nASK{} ", 400),
        (b"POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query\r\nContent-Length: 6\r\nContent-Length: 60\r\n\r\nASK{} ", 400),
        (b"POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query\r\nTransfer-Encoding: chunked\r\n\r\n6\r\nASK{} \r\n0\r\n\r\n", 411),
        (b"GET /" + b"a" * 40_000 + b" HTTP/1.1\r\nHost: x\r\n\r\n", 414),
        (b"GET / HTTP/1.1\r\nHost: x\r\n" + b"X-Filler: " + b"a" * 8_000 + b"\r\n" * 1 + b"X-More: " + b"b" * 40_000 + b"\r\n\r\n", 431),
        (b"HELLO THERE\r\n\r\n", 400),
        (b"GET / HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n", 400),
    ],
    ids=["two-equal-content-lengths", "two-content-lengths", "chunked", "url-40k", "head-48k", "not-http", "negative-length"],
)
def test_server_refuses_malformed_requests_in_one_line(server, request_bytes, status):
    answer = raw_request(server, request_bytes)
    head, _, body = answer.partition(b"\r\n\r\n")
    assert head.startswith(b"HTTP/1.1 %d " % status), answer[:300]
    assert body.count(b"\n") == 1 and len(body) < 300, body  # one readable line


def test_server_refuses_too_many_form_fields(server):
    form = urlencode([("query", COUNT)] + [(f"f{i}", "x") for i in range(60)]).encode()
    status, _, body = fetch(server.url + "sparql", data=form, content_type="application/x-www-form-urlencoded")
    assert status == 400
    assert body == b"more than 50 parameters or form fields\n"
    status, _, body = fetch(server.url + "sparql?" + urlencode([(f"f{i}", "x") for i in range(60)]))
    assert status == 400


def test_server_stops_a_query_that_runs_forever(server):
    status, body = sparql_get(server, FOREVER)
    assert status == 503
    assert b"time limit" in body


def test_server_stops_a_query_that_fills_memory(server):
    # Sorting every pair of triples: gigabytes long before the time limit on a fast machine.
    status, body = sparql_get(server, "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f } ORDER BY ?c ?f LIMIT 1")
    assert status == 503
    assert b"limit" in body


def test_server_refuses_a_result_larger_than_the_limit(server):
    status, body = sparql_get(server, "SELECT * WHERE { ?s ?p ?o }", format="json")
    assert status == 507
    assert b"larger than" in body


@pytest.mark.parametrize("accept,fmt", [("application/json", "json-ld"), ("application/xml", "xml")])
def test_server_answers_generic_json_and_xml_with_rdf(server, accept, fmt):
    status, headers, body = fetch(server.url + "body/odihr", accept=accept)
    assert status == 200
    assert (ODIHR, RDF.type, CTHB.Body) in Graph().parse(data=body, format=fmt)


def test_server_refuses_what_is_not_a_query(server):
    status, body = sparql_get(server, "SELECT WHERE {")
    assert status == 400
    assert body.startswith(b"not a valid SPARQL query")
    status, _, _ = fetch(server.url + "sparql", data=b"x=1", content_type="text/plain")
    assert status == 415
    status, _, _ = fetch(server.url + "body/odihr", data=b"x=1", content_type="application/x-www-form-urlencoded")
    assert status == 405


def test_server_keeps_answering_after_hostile_requests(server):
    for _ in range(2):  # both workers were killed by now in the worst case; both must be back
        assert sparql_get(server, FOREVER)[0] == 503
    for _ in range(4):
        status, body = sparql_get(server, COUNT, format="csv")
        assert status == 200
        assert int(body.decode().split()[1]) > 1000
    assert fetch(server.url + "body/" + quote("odihr"), accept="text/turtle")[0] == 200


def test_server_caps_open_connections_and_recovers(built):
    srv = make_server(built.out, "127.0.0.1", 0, limits=Limits(connections=3, workers=1))
    serve_in_thread(srv)
    try:
        idle = [socket.create_connection(srv.server_address[:2]) for _ in range(3)]  # they send nothing
        assert fetch(srv.url + "body/odihr.ttl")[0] == 503
        for conn in idle:
            conn.close()
        statuses = []
        for _ in range(50):  # the server notices the closed connections and frees their slots
            statuses.append(fetch(srv.url + "body/odihr.ttl")[0])
            if statuses[-1] == 200:
                break
            threading.Event().wait(0.2)
        assert statuses[-1] == 200
    finally:
        srv.shutdown()
        srv.server_close()
