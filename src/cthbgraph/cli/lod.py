"""cthbgraph site / serve: publish the graph as linked open data."""

from __future__ import annotations

import logging
import signal

import click

from ..terminal import Spinner
from .common import graph_dir_option


@click.command("site")
@click.option("--out", "out", type=click.Path(file_okay=False), required=True, help="Folder to write the site into (replaced as a whole).")
@graph_dir_option(alias_out=False)
@click.option(
    "--base-iri", default=None, metavar="IRI", help="Where the site will be hosted; the graph's IRIs are rewritten under it. [default: the graph's base]"
)
@click.option("--issued", default=None, metavar="YYYY-MM-DD", help="First publication date for the dataset record. [default: the modification date]")
@click.option("--quiet", is_flag=True, help="No progress spinner.")
def site_command(out: str, graph_dir: str, base_iri: str | None, issued: str | None, quiet: bool) -> None:
    """Write the graph as a static linked-data site any web server can host.

    Every resource {base}{kind}/{key} gets {kind}/{key}.html, .ttl and .jsonld, and
    {kind}/{key}/index.html so the bare IRI resolves; plus an index per class with search, the
    ontology's documentation, dumps (dumps/cthb.ttl, dumps/cthb.nt.gz), dcat.ttl, void.ttl and
    sitemap.xml. The same graph always gives the same files.

    \b
    Examples:
      cthbgraph site --out site/
      cthbgraph site --out site/ --base-iri https://example.org/cthb/id/
      SOURCE_DATE_EPOCH=1767225600 cthbgraph site --out site/ --graph-dir out/ --issued 2026-01-01
    """
    from ..lod.sitewrite import write_site

    with Spinner("Writing the site", quiet=quiet):
        count = write_site(graph_dir, out, base_iri, issued=issued)
    click.echo(f"Wrote {count} files to {out}")


@click.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True, help="Port (0 picks a free one).")
@graph_dir_option(alias_out=False)
@click.option("--base-iri", default=None, metavar="IRI", help="IRIs to publish (rewritten from the graph's base). [default: the graph's base]")
@click.option("--query-seconds", type=click.FloatRange(0.1, 600), default=10.0, show_default=True, help="Time limit of one query (503 beyond).")
@click.option("--result-bytes", type=click.IntRange(1000), default=10_000_000, show_default=True, help="Largest query result sent (507 beyond).")
@click.option("--workers", type=click.IntRange(1, 32), default=2, show_default=True, help="Query worker processes (queries running at once).")
@click.option("--client-connections", type=click.IntRange(1, 10_000), default=32, show_default=True, help="Open connections one address may hold (503 beyond).")
@click.option(
    "--worker-memory",
    type=click.IntRange(50, 100_000),
    default=400,
    show_default=True,
    metavar="MB",
    help="A query worker using more memory than this after a query is replaced.",
)
@click.option("--quiet", is_flag=True, help="No progress spinner at start-up and no access log (one line per request on stderr).")
def serve_command(
    host: str,
    port: int,
    graph_dir: str,
    base_iri: str | None,
    query_seconds: float,
    result_bytes: int,
    workers: int,
    client_connections: int,
    worker_memory: int,
    quiet: bool,
) -> None:
    """Serve the graph: pages with content negotiation and a SPARQL endpoint at /sparql.

    Resources answer HTML, Turtle, JSON-LD, N-Triples or RDF/XML by Accept; /sparql follows the
    SPARQL 1.1 Protocol (read-only: updates, SERVICE and FROM other graphs are refused); /query is
    a query page with the example queries. A rebuild into the same folder is served within
    seconds, without a restart. Each connection must send its request head within 10 s and its
    body within 20 s (408 beyond); a query runs at most --query-seconds (503 beyond). Uvicorn
    serves HTTP. Stop with Ctrl-C.

    \b
    Examples:
      cthbgraph serve
      cthbgraph serve --port 8080 --graph-dir out/
      curl -H 'Accept: text/turtle' http://127.0.0.1:8000/body/odihr
      curl 'http://127.0.0.1:8000/sparql?query=ASK%7B%7D&format=json'
    """
    from ..lod.server import Limits, make_server

    _log_to_stderr(access=not quiet)
    limits = Limits(
        query_seconds=query_seconds,
        result_bytes=result_bytes,
        workers=workers,
        client_connections=client_connections,
        worker_rss_bytes=worker_memory * 1_000_000,
    )
    with Spinner("Loading the graph and starting the query workers", quiet=quiet):
        server = make_server(graph_dir, host, port, base_iri=base_iri, limits=limits, access_log=not quiet)
    click.echo(f"Serving {server.site.base} at {server.url} (SPARQL: {server.url}sparql, query page: {server.url}query); Ctrl-C stops")
    # A service manager stops with SIGTERM: close the workers as on Ctrl-C.
    signal.signal(signal.SIGTERM, _interrupt)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


def _log_to_stderr(access: bool) -> None:
    """One line per request (uvicorn's access log) and the server's own notes (new build served,
    worker restarts, refused connections) on stderr; uvicorn's start-up chatter is left out."""
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(message)s", "%Y-%m-%d %H:%M:%S"))
    notes = logging.INFO if access else logging.WARNING
    for name, level in (("uvicorn.access", notes), ("cthbgraph.server", notes), ("uvicorn.error", logging.WARNING)):
        logger = logging.getLogger(name)
        logger.setLevel(level)
        logger.addHandler(handler)
        logger.propagate = False


def _interrupt(signum, frame) -> None:
    raise KeyboardInterrupt


COMMANDS = [site_command, serve_command]
