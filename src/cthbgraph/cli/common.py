"""Options and error handling shared by every command."""

from __future__ import annotations

import functools
import sys
from typing import NoReturn

import click

from ..errors import CthbError
from ..output import FORMATS, render, text
from ..terminal import terminal_width


def fail(error: CthbError) -> NoReturn:
    """One readable message, the hint on its own line, the error's exit code; no traceback."""
    click.secho(f"Error: {error.message}", err=True, fg="red")
    if error.hint:
        click.echo(f"Hint: {error.hint}", err=True)
    sys.exit(error.exit_code)


def format_option(choices: tuple[str, ...] = FORMATS):
    return click.option(
        "--format", "fmt", type=click.Choice(choices), default="table", show_default=True, help="Output format."
    )


#: Where every command finds (and ``build`` writes) the build folder, unless --graph-dir is given.
DEFAULT_GRAPH_DIR = "out"


def graph_dir_option(*, alias_out: bool = True, help: str = "Build folder (cthb.ttl, cthb.nt, store/ of cthbgraph build)."):
    """``--graph-dir DIR``: the build folder, under one name in every command (``graph_dir`` in the library).

    alias_out (bool): also take ``--out DIR``, the name this command used before, as a deprecated
        alias that still works and warns once. Commands whose ``--out`` is what they write (export,
        site) have no alias.
    """

    def decorate(command):
        @functools.wraps(command)
        def run(*args, graph_dir: str | None, out_alias: str | None = None, **kwargs):
            if out_alias is not None:
                click.secho("Warning: --out is deprecated here; use --graph-dir (same meaning).", err=True, fg="yellow")
            return command(*args, graph_dir=graph_dir or out_alias or DEFAULT_GRAPH_DIR, **kwargs)

        run = click.option(
            "--graph-dir",
            "graph_dir",
            type=click.Path(),
            default=None,
            metavar="DIR",
            envvar=["CTHB_GRAPH_DIR", "CTHB_OUT"],
            help=f"{help} Env: CTHB_GRAPH_DIR. [default: {DEFAULT_GRAPH_DIR}]",
        )(run)
        if alias_out:
            run = click.option("--out", "out_alias", type=click.Path(), default=None, hidden=True)(run)
        return run

    return decorate


def endpoint_option():
    return click.option(
        "--endpoint", metavar="URL", default=None, envvar="CTHB_ENDPOINT", help="Query this SPARQL 1.1 endpoint instead of the local store."
    )


def echo_wrapped(text: str, indent: str = "", *, later: str | None = None) -> None:
    """A paragraph wrapped to the terminal (at most 100 columns): ``indent`` before the first line,
    ``later`` (default: the same) before the others."""
    width = min(100, terminal_width())
    click.echo(click.wrap_text(text, width, initial_indent=indent, subsequent_indent=indent if later is None else later))


def echo_rows(columns, rows, fmt: str, *, width: int = 60) -> None:
    """Print rows of Python values; in CSV a value is written as the table shows it ("true", "a; b")."""
    if fmt == "csv":
        rows = [[text(v) for v in row] for row in rows]
    click.echo(render(columns, rows, fmt, width=width), nl=False)


def link_options(command):
    """--basis and --min-score, given to the command as one ``links`` argument (a LinkFilter)."""
    import functools

    from ..analysis.links import BASES, LinkFilter

    @click.option(
        "--basis",
        type=click.Choice(BASES),
        default="all",
        show_default=True,
        help='Which links of activities to provisions count: "stated" (the report cites or places it) or "all" (also inferred from content).',
    )
    @click.option(
        "--min-score",
        type=click.FloatRange(0, 1),
        default=0.0,
        show_default=True,
        metavar="SCORE",
        help="The lowest score (0-1) of an inferred link to count.",
    )
    @functools.wraps(command)
    def wrapped(*args, basis: str, min_score: float, **kwargs):
        return command(*args, links=LinkFilter(basis, min_score), **kwargs)

    return wrapped


def confidence_option(command):
    """--min-confidence, given to the command as ``min_confidence`` (a float, 0 to 1)."""

    # FloatRange refuses a value outside 0-1 as a usage error: one line naming the range, exit 2.
    return click.option(
        "--min-confidence",
        type=click.FloatRange(0, 1),
        default=0.0,
        show_default=True,
        metavar="CONFIDENCE",
        help="Leave out activities and bodies whose extraction confidence (cthb:confidence, 0-1) is below this.",
    )(command)
