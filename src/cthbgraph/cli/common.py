"""Options and error handling shared by every command."""

from __future__ import annotations

import sys
from typing import NoReturn

import click

from ..errors import CthbError
from ..output import FORMATS, render


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


def out_option(default: str = "out"):
    return click.option(
        "--out",
        type=click.Path(file_okay=False),
        default=default,
        show_default=True,
        envvar="CTHB_OUT",
        help="Build folder (holds cthb.ttl and store/). Env: CTHB_OUT.",
    )


def graph_dir_option():
    """For commands whose --out is what they write: where to read the build from."""
    return click.option(
        "--graph-dir",
        type=click.Path(file_okay=False),
        default="out",
        show_default=True,
        envvar="CTHB_OUT",
        help="Build folder to read (cthb.nt, cthb.ttl and store/, from cthbgraph build). Env: CTHB_OUT.",
    )


def endpoint_option():
    return click.option(
        "--endpoint", metavar="URL", default=None, envvar="CTHB_ENDPOINT", help="Query this SPARQL 1.1 endpoint instead of the local store."
    )


def echo_rows(columns, rows, fmt: str) -> None:
    click.echo(render(columns, rows, fmt), nl=False)
