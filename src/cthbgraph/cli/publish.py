"""cthbgraph publish."""

from __future__ import annotations

from urllib.parse import urlencode

import click

from ..publish import DEFAULT_GRAPH, METHODS, publish
from .common import graph_dir_option


@click.command("publish")
@click.option(
    "--endpoint",
    metavar="URL",
    required=True,
    envvar="CTHB_ENDPOINT",
    help="The store's SPARQL query URL, e.g. http://127.0.0.1:7878/query. Env: CTHB_ENDPOINT.",
)
@click.option("--graph", metavar="IRI", default=DEFAULT_GRAPH, show_default=True, help="The named graph to replace.")
@graph_dir_option(help="Build folder (its cthb.nt, else cthb.ttl), or one of those files.")
@click.option("--update-url", metavar="URL", default=None, help="SPARQL Update URL. [default: the endpoint's .../update]")
@click.option("--store-url", metavar="URL", default=None, help="Graph Store Protocol URL. [default: the endpoint's .../store; Fuseki: .../data]")
@click.option(
    "--timeout", type=click.FloatRange(min=0.001), default=None, metavar="SECONDS", help="Seconds the whole publish may take. Env: CTHB_TIMEOUT. [default: 60]"
)
@click.option(
    "--method",
    type=click.Choice(METHODS),
    default="update",
    show_default=True,
    help="update: one transactional SPARQL Update; staging: upload, count, MOVE (stores that refuse large updates; plain default graph only); "
    "bulk: Virtuoso's bulk loader (large dumps; needs --isql and --load-dir).",
)
@click.option(
    "--isql",
    metavar="HOST:PORT",
    default=None,
    help="Virtuoso's SQL port, for --method bulk (user and password: env CTHB_VIRTUOSO_USER, CTHB_VIRTUOSO_PASSWORD).",
)
@click.option(
    "--load-dir",
    type=click.Path(file_okay=False),
    default=None,
    help="For --method bulk: a folder this machine writes and Virtuoso reads at the same path (listed in DirsAllowed of virtuoso.ini).",
)
@click.option(
    "--named-graphs",
    is_flag=True,
    help="Also send each report's graph (GRAPH_DIR/cthb.nq) as a named graph, in the same transaction; the merged graph stays the "
    "default graph of its readers. Refused (exit 2) where the store's default graph is the union of its graphs (Virtuoso).",
)
def publish_command(
    endpoint: str,
    graph: str,
    graph_dir: str,
    update_url: str | None,
    store_url: str | None,
    timeout: float | None,
    method: str,
    isql: str | None,
    load_dir: str | None,
    named_graphs: bool,
) -> None:
    """Load the built graph (GRAPH_DIR/cthb.nt, else GRAPH_DIR/cthb.ttl) into a SPARQL 1.1 store.

    The named graph is replaced by one SPARQL Update request (DROP, then INSERT DATA), which the
    store runs as one transaction: readers see the old graph or the new one, never a mix, also
    when the store's default graph is the union of its graphs, and a publish that fails or is
    killed leaves the old graph and nothing else. The triples are then counted. Staging graphs of
    interrupted publishes (--method staging) are dropped. --timeout bounds the whole exchange.
    Query the published graph with --endpoint 'URL?default-graph-uri=IRI', or serve it with
    oxigraph serve --union-default-graph. Exit 3 when the store is unreachable, refusing or slow.

    --named-graphs also replaces each report's graph ({base}graph/report/{id}, for GRAPH queries
    such as activities-in-report) and drops report graphs of earlier builds, in the same
    transaction; readers name them as named-graph-uri (publish prints the URL). It first probes
    the store and refuses, exit 2, one whose default graph is the union of its named graphs, where
    every count would double (docs/named-graphs.md).

    \b
    Examples:
      cthbgraph publish --endpoint http://127.0.0.1:7878/query
      cthbgraph publish --endpoint http://127.0.0.1:7878/query --graph https://example.org/cthb --graph-dir my-build/
      cthbgraph publish --endpoint http://127.0.0.1:7878/query --graph-dir out/cthb.ttl
      cthbgraph publish --endpoint http://localhost:3030/ds/query --store-url http://localhost:3030/ds/data
      cthbgraph publish --endpoint http://127.0.0.1:7878/query --method staging --timeout 600
      cthbgraph publish --endpoint http://127.0.0.1:7878/query --named-graphs
      CTHB_VIRTUOSO_PASSWORD=… cthbgraph publish --endpoint http://127.0.0.1:8890/sparql --method bulk --isql 127.0.0.1:1111 --load-dir /srv/load
    """
    result = publish(
        graph_dir,
        endpoint,
        graph=graph,
        update=update_url,
        graph_store=store_url,
        timeout=timeout,
        method=method,
        isql=isql,
        load_dir=load_dir,
        named_graphs=named_graphs,
    )
    for leftover in result.dropped:
        click.echo(f"Dropped <{leftover}>, left by an interrupted publish")
    at = result.endpoints.query if method == "bulk" else result.endpoints.graph_store
    click.echo(f"Published {result.triples} triples from {result.source} as <{result.graph}> at {at}")
    if result.report_graphs:
        click.echo(f"Published {result.report_triples} triples of {len(result.report_graphs)} reports as their named graphs")
    # The protocol gives a query the named graphs it names: the report graphs, never <graph> itself.
    dataset = [("default-graph-uri", result.graph)] + [("named-graph-uri", g) for g in result.report_graphs]
    where = f"{result.endpoints.query}?{urlencode(dataset, safe=':/')}"
    click.echo(f"Query it with: cthbgraph query NAME --endpoint '{where}'")


COMMANDS = [publish_command]
