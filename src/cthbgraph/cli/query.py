"""cthbgraph query / queries / trace."""

from __future__ import annotations

import contextlib

import click

from ..analysis import resolve_body, trace
from ..errors import QueryError
from ..output import printable
from ..queries import library, named_query, parse_query
from ..store import open_store
from .common import (
    confidence_option,
    echo_rows,
    echo_wrapped,
    endpoint_option,
    format_option,
    graph_dir_option,
    link_options,
)


def _params(values: tuple[str, ...]) -> dict[str, str]:
    params = {}
    for item in values:
        name, sep, value = item.partition("=")
        if not sep or not name:
            raise QueryError(f"--param {item!r} is not NAME=VALUE", hint='write it as --param body="ODIHR"')
        params[name.strip()] = value
    return params


@click.command("query")
@click.argument("query", required=False)
@click.option("--query", "-q", "text", default=None, help="SPARQL text to run instead of a file or name.")
@click.option("--param", "-p", "params", multiple=True, metavar="NAME=VALUE", help="Bind a value to a parameter of the query (repeatable).")
@format_option()
@graph_dir_option()
@endpoint_option()
def query_command(query: str | None, text: str | None, params: tuple[str, ...], fmt: str, graph_dir: str, endpoint: str | None) -> None:
    """Run a SPARQL SELECT query: a query of the library by name, a .rq file, or --query TEXT.

    Values given with --param are bound to the query's variables, never pasted into its text, so a
    value with quotes or braces is only ever a value.

    \b
    Examples:
      cthbgraph query provisions-tasking-body --param body=ODIHR
      cthbgraph query queries/activities-by-body.rq -p body=SPMU --format csv
      cthbgraph query -q 'SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }' --format json
    """
    if bool(query) == bool(text):
        raise QueryError("give a query name or file, or --query TEXT (one of them)", hint="see: cthbgraph queries")
    q = parse_query(text, "query") if text else named_query(query)
    if not endpoint:
        # pyoxigraph would run SERVICE (a call to another host, without a time limit) and cannot
        # refuse updates in words: the query is parsed and checked first, as the server does.
        from ..lod.guard import InvalidQuery, check_query

        with contextlib.suppress(InvalidQuery):  # the store says what is wrong with it, with the position
            check_query(q.text, where="the local store")

    values = _params(params)
    with open_store(graph_dir, endpoint=endpoint) as store:
        rows = q.run(store, values)
        if not rows.rows and "body" in values:
            resolve_body(store, values["body"])  # an unknown body: say so, with the closest names
    echo_rows(rows.columns, rows.rows, fmt)


@click.command("queries")
@format_option()
def queries_command(fmt: str) -> None:
    """List the queries of the library with what they answer and their parameters.

    \b
    Examples:
      cthbgraph queries
      cthbgraph queries --format json
    """
    rows = [
        (q.name, q.description, ", ".join(p.name for p in q.parameters)) for q in library().values()
    ]
    echo_rows(("name", "answers", "parameters"), rows, fmt)


@click.command("trace")
@click.argument("notation")
@format_option()
@graph_dir_option()
@endpoint_option()
@link_options
@confidence_option
def trace_command(notation: str, fmt: str, graph_dir: str, endpoint: str | None, links, min_confidence: float) -> None:
    """Trace a provision: its text, the bodies it tasks, and the activities that implement it.

    Each activity says the basis of its link: "stated" (its report cites the provision or places
    it under it) or "inferred 0.71" (its content matches, with the score); --basis stated keeps
    only the first. --min-confidence leaves out the activities and bodies the extraction is less
    sure of.

    \b
    Examples:
      cthbgraph trace III.10.2
      cthbgraph trace III.12.1 --basis stated
      cthbgraph trace IV.8.1 --min-score 0.1 --format json
      cthbgraph trace III.10.4 --min-confidence 0.6
    """
    with open_store(graph_dir, endpoint=endpoint) as store:
        t = trace(store, notation, links, min_confidence)
    if fmt != "table":
        rows = t.rows()
        echo_rows(rows.columns, rows.rows, fmt)
        return
    # Texts and names come from the reports: shown with any control character escaped.
    click.secho(printable(f"Provision {t.notation} (section {t.section})"), bold=True)
    echo_wrapped(printable(t.text), "  ")
    echo_wrapped("Tasks: " + (", ".join(printable(b.label) for b in t.tasked) or "no body named"), later="  ")
    if t.partners:
        echo_wrapped("In co-operation with: " + ", ".join(printable(b.label) for b in t.partners), later="  ")
    click.echo(f"Reported activities implementing it: {len({a.iri for a in t.activities})}")
    for a in t.activities:
        where = ", ".join(x for x in (a.place, a.date) if x)
        echo_wrapped(printable(f"{a.body} — {a.type}{f' ({where})' if where else ''} [{a.report}] {a.link}"), "  • ", later="    ")
        # Shown without the markdown emphasis of the conversion; the graph keeps the exact text.
        sentence = printable(" ".join(a.sentence.replace("**", "").split()))
        echo_wrapped(f"“{sentence}”", "      ")


COMMANDS = [query_command, queries_command, trace_command]
