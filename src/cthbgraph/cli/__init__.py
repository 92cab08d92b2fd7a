"""The ``cthbgraph`` command: a thin layer over the library, one module per group of commands.

Every module in this package that defines ``COMMANDS`` (a list of click commands) is added to the
group, so a new command is a new module and nothing else changes.
"""

from __future__ import annotations

import importlib
import pkgutil
import sys

import click

from ..errors import CthbError
from .common import fail


class _Group(click.Group):
    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except CthbError as exc:
            fail(exc)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(package_name="cthbgraph")
def main() -> None:
    """Knowledge graph of OSCE commitments on combating trafficking in human beings.

    \b
    Typical session:
      cthbgraph build                      # corpus/ -> out/cthb.ttl + out/store
      cthbgraph trace III.10.2             # a provision, its tasked bodies, what implements it
      cthbgraph query queries/provisions-tasking-body.rq --param body=ODIHR
      cthbgraph validate                   # SHACL report of the built graph

    Exit codes: 0 success, 1 validation failed or other error, 2 bad input (corpus, query, unknown
    name), 3 SPARQL endpoint unreachable or refusing, 4 output cannot be written (or another build
    is writing to it), 5 built, but some corpus files were skipped.
    """


def _register() -> None:
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda i: i.name):
        if info.name == "common":
            continue
        module = importlib.import_module(f"{__name__}.{info.name}")
        for command in getattr(module, "COMMANDS", ()):
            main.add_command(command)


_register()

if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
