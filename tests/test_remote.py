"""Any triple store: publish the built graph to a real Oxigraph server on loopback and query it there.

Results through SPARQLWrapper must equal the embedded store's; endpoints that are down, failing or
silent must give one clear line and exit code 3.
"""

from __future__ import annotations

import http.server
import json
import re
import shutil
import socket
import subprocess
import sys
import threading
from pathlib import Path
from urllib.parse import urlencode
from urllib.request import Request, urlopen

import pytest
from click.testing import CliRunner
from conftest import assert_same_rows, free_port, published_queries, rows_of, wait_for

from cthbgraph.analysis import LinkFilter, compare, coverage, gaps, trace
from cthbgraph.cli import main
from cthbgraph.errors import EndpointError, QueryError, StoreError
from cthbgraph.publish import DEFAULT_GRAPH, Endpoints, publish
from cthbgraph.queries import library, named_query
from cthbgraph.store.remote import RemoteStore, bind_values

OXIGRAPH = shutil.which("oxigraph", path=str(Path(sys.executable).parent)) or shutil.which("oxigraph")
QUERIES = library()




@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """A real Oxigraph server (the `oxigraph` package) on a free loopback port: its base URL."""
    if not OXIGRAPH:
        pytest.skip("the oxigraph server (pip install oxigraph) is not installed")
    port = free_port()
    folder = tmp_path_factory.mktemp("oxigraph")
    process = subprocess.Popen(
        [OXIGRAPH, "serve", "--location", str(folder), "--bind", f"127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_for(port)
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture(scope="module")
def published(server, built):
    """The built graph published to the server: the query URL that reads the published graph."""
    result = publish(built.out, f"{server}/query")
    assert result.graph == DEFAULT_GRAPH and result.triples == built.triples
    return f"{server}/query?default-graph-uri={DEFAULT_GRAPH}"


@pytest.fixture(scope="module")
def remote(published):
    return RemoteStore(published, timeout=30)



@pytest.mark.parametrize("name", sorted(published_queries()))
def test_remote_every_query_gives_the_embedded_rows(store, remote, name):
    assert_same_rows(QUERIES[name], store, remote)


def test_a_comment_that_reads_like_an_update_is_still_a_query(store, remote):
    # SPARQLWrapper alone would send this as a LOAD update, which the endpoint refuses.
    sparql = "# the graph loaded by publish, with the added links\nSELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    assert rows_of(remote.select(sparql)) == rows_of(store.select(sparql))


def test_a_query_of_the_report_graphs_needs_them_on_the_endpoint(store, remote):
    assert set(QUERIES) - set(published_queries()) == {"activities-in-report"}
    query = QUERIES["activities-in-report"]
    assert len(query.run(store, {"year": "2017"})) > 0
    assert len(query.run(remote, {"year": "2017"})) == 0


def test_remote_trace_gaps_coverage_compare_equal_embedded(store, remote):
    assert trace(remote, "III.10.1") == trace(store, "III.10.1")
    assert gaps(remote) == gaps(store)
    assert gaps(remote, body="ODIHR", year="2006") == gaps(store, body="ODIHR", year="2006")
    assert coverage(remote) == coverage(store)
    assert compare(remote, 2006, 2017) == compare(store, 2006, 2017)
    # The link filter is bound on both (a VALUES block for the endpoint), with the same rows.
    stated = LinkFilter("stated", 0.0)
    assert gaps(remote, links=stated) == gaps(store, links=stated) != gaps(store)
    assert trace(remote, "III.12.1", LinkFilter("all", 0.5)) == trace(store, "III.12.1", LinkFilter("all", 0.5))
    # So is the confidence filter, and the lineage of coverage asks the endpoint for its members.
    assert gaps(remote, min_confidence=0.9) == gaps(store, min_confidence=0.9) != gaps(store)
    assert trace(remote, "III.10.4", min_confidence=0.9) == trace(store, "III.10.4", min_confidence=0.9)
    assert coverage(remote, lineage=True) == coverage(store, lineage=True) != coverage(store)
    from cthbgraph.exports.heatmap import coverage_matrix

    for args in ((), (stated, 0.0), (LinkFilter("all", 0.5), 0.9)):
        assert coverage_matrix(remote, "III", *args) == coverage_matrix(store, "III", *args)


@pytest.mark.parametrize(
    "sparql, answer",
    [
        ("PREFIX cthb: <https://w3id.org/cthb/ontology#> ASK { ?p a cthb:Provision }", True),
        ("PREFIX cthb: <https://w3id.org/cthb/ontology#> ASK { ?p a cthb:NoSuchClass }", False),
    ],
)
def test_remote_ask_equals_embedded(store, remote, sparql, answer):
    assert remote.ask(sparql) is store.ask(sparql) is answer


@pytest.mark.parametrize(
    "hostile",
    ['ODIHR" } ; DROP ALL ; #', "ODIHR> <http://evil.example/x", "} UNION { ?s ?p ?o }", "SELECT * WHERE {", "x\\\" . }"],
)
def test_remote_parameter_is_only_a_value(store, remote, hostile):
    query = named_query("provisions-tasking-body")
    assert len(query.run(remote, {"body": hostile})) == len(query.run(store, {"body": hostile})) == 0
    # The graph is intact afterwards.
    assert len(query.run(remote, {"body": "ODIHR"})) == len(query.run(store, {"body": "ODIHR"})) > 0


def test_remote_values_block_holds_serialised_terms():
    from rdflib import Literal, URIRef

    text = bind_values(
        "PREFIX x: <http://e/#> # a {brace} in a comment\nSELECT ?a ?b WHERE { ?s ?p ?a }",
        {"a": Literal('say "hi" } #'), "b": URIRef("http://e/x")},
    )
    assert 'WHERE {\n  VALUES (?a ?b) { ("say \\"hi\\" } #" <http://e/x>) }' in text


def test_remote_union_default_graph_is_not_needed_with_default_graph_uri(server, remote):
    # The server's own default graph is empty: the published graph is a named graph.
    assert len(RemoteStore(f"{server}/query").select("SELECT * WHERE { ?s ?p ?o } LIMIT 1")) == 0
    assert len(remote.select("SELECT * WHERE { ?s ?p ?o } LIMIT 1")) == 1


def graph_sizes(server: str) -> dict[str, int]:
    rows = RemoteStore(f"{server}/query").select("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g")
    return {g: int(n) for g, n in rows.rows}


def test_publish_replaces_the_graph_and_leaves_no_staging(server, built, published):
    again = publish(built.out, f"{server}/query")
    assert again.triples == built.triples
    assert graph_sizes(server)[DEFAULT_GRAPH] == built.triples
    assert not [g for g in graph_sizes(server) if "staging" in g]


def test_publish_a_failed_upload_leaves_the_graph_as_it_was(server, built, published, tmp_path):
    broken = tmp_path / "cthb.nt"
    broken.write_text('<http://e/a> <http://e/b> "ok" .\n<http://e/a> <http://e/b> broken .\n', encoding="utf-8")
    with pytest.raises(StoreError, match="is not valid N-Triples") as err:
        publish(broken, f"{server}/query")
    assert err.value.exit_code == 2  # bad input: refused before anything is sent
    assert graph_sizes(server)[DEFAULT_GRAPH] == built.triples
    assert not [g for g in graph_sizes(server) if "staging" in g]


def test_publish_turtle_file_into_another_graph(server, built):
    graph = "https://example.org/cthb/turtle"
    result = publish(built.out / "cthb.ttl", f"{server}/query?default-graph-uri={graph}", graph=graph)
    assert result.triples == built.triples
    there = RemoteStore(f"{server}/query", graph=graph)
    assert len(there.select("SELECT * WHERE { ?s ?p ?o }")) == built.triples


@pytest.mark.parametrize("graph", ["not an iri", "http://x/a>b", 'http://x/"} DROP ALL {"'])
def test_cli_publish_bad_graph_iri_is_bad_input(server, built, graph):
    result = CliRunner().invoke(main, ["publish", "--endpoint", f"{server}/query", "--graph", graph, "--graph-dir", str(built.out)])
    assert result.exit_code == 2
    assert "is not an absolute IRI for a graph" in result.output and "Traceback" not in result.output


def test_publish_derives_the_store_urls():
    urls = Endpoints.derive("http://h:7878/query")
    assert (urls.update, urls.graph_store) == ("http://h:7878/update", "http://h:7878/store")
    fuseki = Endpoints.derive("http://h:3030/ds/sparql", graph_store="http://h:3030/ds/data")
    assert (fuseki.update, fuseki.graph_store) == ("http://h:3030/ds/update", "http://h:3030/ds/data")


def test_cli_publish_then_query_with_endpoint(server, built, published, store):
    result = CliRunner().invoke(main, ["publish", "--endpoint", f"{server}/query", "--graph-dir", str(built.out)])
    assert result.exit_code == 0, result.output
    assert f"Published {built.triples} triples" in result.output
    for args in (
        ["query", "provisions-tasking-body", "-p", "body=ODIHR", "--format", "json"],
        ["trace", "III.10.1", "--format", "json"],
        ["gaps", "--format", "json"],
        ["coverage", "--format", "json"],
        ["compare", "--from", "2006", "--to", "2017", "--format", "json"],
    ):
        local = CliRunner().invoke(main, [*args, "--graph-dir", str(built.out)])
        there = CliRunner().invoke(main, [*args, "--endpoint", published])
        assert local.exit_code == there.exit_code == 0, there.output
        assert json.loads(there.output) == json.loads(local.output), args


# ---- publish --named-graphs ------------------------------------------------------------------------

GONE = "https://w3id.org/cthb/id/graph/report/a-report-no-longer-in-the-corpus"


@pytest.fixture(scope="module")
def with_report_graphs(server, built, published):
    """``publish --named-graphs`` (the CLI) over the published graph and a report graph of an
    earlier build: the query URL it prints, which names the report graphs."""
    leftover = Request(f"{server}/store?{urlencode({'graph': GONE})}", data=b"<http://e/a> <http://e/b> <http://e/c> .\n", method="PUT")
    leftover.add_header("Content-Type", "application/n-triples")
    urlopen(leftover, timeout=30).close()
    result = CliRunner().invoke(main, ["publish", "--endpoint", f"{server}/query", "--graph-dir", str(built.out), "--named-graphs"])
    assert result.exit_code == 0, result.output
    assert f"Published {built.triples} triples" in result.output and "triples of 5 reports as their named graphs" in result.output
    return re.search(r"--endpoint '([^']+)'", result.output).group(1)


def test_publish_named_graphs_one_graph_per_report_as_embedded(server, store, with_report_graphs):
    embedded = store.select("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g")
    reports = {str(g): int(n) for g, n in embedded.rows}
    sizes = graph_sizes(server)
    assert len(reports) == 5 and {g: sizes.get(g) for g in reports} == reports
    assert GONE not in sizes  # a report graph of an earlier build is dropped in the same update
    assert not [g for g in sizes if "staging" in g]  # nor is the probe graph left


def test_publish_named_graphs_report_query_of_2017_as_embedded(built, store, with_report_graphs):
    there = RemoteStore(with_report_graphs, timeout=30)
    query = QUERIES["activities-in-report"]
    rows = query.run(store, {"year": "2017"})
    assert len(rows) > 100 and {r[2] for r in rows.rows} == {"https://w3id.org/cthb/id/graph/report/osr-2016-17-report"}
    assert rows_of(query.run(there, {"year": "2017"})) == rows_of(rows)
    # The default graph is still the merged graph, each triple once.
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    assert there.select(count).rows == store.select(count).rows == ((built.triples,),)


@pytest.mark.parametrize("name", sorted(QUERIES))
def test_publish_named_graphs_every_query_gives_the_embedded_rows(store, with_report_graphs, name):
    assert_same_rows(QUERIES[name], store, RemoteStore(with_report_graphs, timeout=30))


def test_cli_publish_named_graphs_with_bulk_is_refused_before_anything(built):
    # Virtuoso's default graph is the union of its graphs; nothing listens on this endpoint.
    args = ["publish", "--endpoint", f"http://127.0.0.1:{free_port()}/sparql", "--method", "bulk", "--named-graphs"]
    result = CliRunner().invoke(main, [*args, "--graph-dir", str(built.out)])
    assert result.exit_code == 2
    assert result.output.startswith("Error: --named-graphs is refused with --method bulk") and result.output.count("\n") == 1


# ---- endpoints that fail -------------------------------------------------------------------------


class _Failing(http.server.BaseHTTPRequestHandler):
    def _fail(self):
        body = b"database is on fire\n"
        self.send_response(500)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_GET = do_POST = do_PUT = _fail

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def failing_endpoint():
    """A loopback HTTP server that answers every request with 500."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Failing)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/query"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def silent_endpoint():
    """A loopback socket that accepts connections and never answers."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen(16)
    yield f"http://127.0.0.1:{sock.getsockname()[1]}/query"
    sock.close()


@pytest.fixture(scope="module")
def closed_endpoint():
    """A loopback port nothing listens on."""
    return f"http://127.0.0.1:{free_port()}/query"


ENDPOINTS = {
    "closed_endpoint": "cannot reach the SPARQL endpoint",
    "failing_endpoint": "refused the query",
    "silent_endpoint": "did not answer within 0.5 s",
}


@pytest.mark.parametrize("kind", sorted(ENDPOINTS))
def test_remote_failing_endpoint_raises_endpoint_error(request, kind):
    url = request.getfixturevalue(kind)
    with pytest.raises(EndpointError, match=ENDPOINTS[kind]) as err:
        RemoteStore(url, timeout=0.5).select("SELECT * WHERE { ?s ?p ?o } LIMIT 1")
    assert err.value.exit_code == 3 and err.value.hint


@pytest.mark.parametrize("kind", sorted(ENDPOINTS))
@pytest.mark.parametrize(
    "args",
    [
        ["query", "provisions-tasking-body", "-p", "body=ODIHR"],
        ["trace", "III.10.1"],
        ["gaps"],
        ["coverage"],
        ["compare", "--from", "2006", "--to", "2017"],
    ],
)
def test_cli_failing_endpoint_is_one_line_exit_3(request, monkeypatch, kind, args):
    url = request.getfixturevalue(kind)
    monkeypatch.setenv("CTHB_TIMEOUT", "0.5")  # query and trace take the timeout from the environment
    result = CliRunner().invoke(main, [*args, "--endpoint", url])
    assert result.exit_code == 3, result.output
    assert ENDPOINTS[kind] in result.output
    assert result.output.startswith("Error: ") and "Traceback" not in result.output


@pytest.mark.parametrize("kind", sorted(ENDPOINTS))
def test_cli_publish_to_failing_endpoint_exits_3(request, built, kind):
    url = request.getfixturevalue(kind)
    result = CliRunner().invoke(main, ["publish", "--endpoint", url, "--graph-dir", str(built.out), "--timeout", "0.5"])
    assert result.exit_code == 3, result.output
    assert result.output.startswith("Error: ") and "Traceback" not in result.output


@pytest.mark.parametrize("url", ["ftp://example.org/sparql", "localhost:7878", ""])
def test_remote_endpoint_must_be_an_http_url(url):
    with pytest.raises(EndpointError, match="not an http"):
        RemoteStore(url or "nohost")


def test_remote_iri_parameter_must_be_an_iri(remote):
    with pytest.raises(QueryError, match="is not an IRI"):
        named_query("evidence").run(remote, {"iri": "http://x> } ; DROP ALL ; <y"})
