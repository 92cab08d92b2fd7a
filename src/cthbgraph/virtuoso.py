"""Publish into OpenLink Virtuoso with its bulk loader: the way to load dumps too large for an update.

Virtuoso's SPARQL compiler refuses an ``INSERT DATA`` of more than some thousands of triples, and
its default graph is the union of every graph. So the bulk method:

1. writes the N-Triples into ``load_dir``, a folder the server reads (listed in ``DirsAllowed`` of
   its ``virtuoso.ini``: the same machine, or a shared mount at the same path);
2. loads them into a staging graph ``<graph>-staging-<random>`` with ``ld_dir`` and
   ``rdf_loader_run`` (Virtuoso's bulk loader: parallel, non-transactional, fast);
3. counts the staging graph over SPARQL: every triple sent must be there;
4. swaps it in with one SQL transaction (the old quads deleted, the staging quads renamed to the
   target graph): a reader of ``default-graph-uri=<graph>`` sees the old graph or the new one;
5. always removes the staging graph, its load-list entry and the file, and drops staging graphs
   left by killed publishes first.

While step 2 runs, a reader of the union default graph sees the staging triples too: query the
published graph by name (``?default-graph-uri=``), as ``cthbgraph publish`` prints.

The SQL goes through Virtuoso's ``isql`` client (``isql-vt`` in Debian's package), on the server's
SQL port (1111 by default); the user and password come from ``CTHB_VIRTUOSO_USER`` (default ``dba``)
and ``CTHB_VIRTUOSO_PASSWORD``.
"""

from __future__ import annotations

import contextlib
import os
import re
import secrets
import shutil
import subprocess
import time
from pathlib import Path

from rdflib import URIRef

from .errors import CthbError, EndpointError
from .fsio import atomic_write

ISQL_COMMANDS = ("isql-vt", "isql")
_ERROR = re.compile(r"^\*\*\* Error (\S+): (.*)$", re.MULTILINE)


class Isql:
    """Virtuoso's SQL client, run once per script. isql goes on after an error, so whatever must
    happen whole is one statement (a procedure call is one transaction)."""

    def __init__(self, address: str, deadline: float):
        host, _, port = address.rpartition(":")
        if not port.isdigit():
            raise CthbError(f"--isql {address!r} is not HOST:PORT", hint="e.g. --isql 127.0.0.1:1111 (Virtuoso's SQL port)", exit_code=2)
        self.target = f"{host or '127.0.0.1'}:{port}"
        self.deadline = deadline
        command = os.environ.get("CTHB_ISQL") or next((c for c in ISQL_COMMANDS if shutil.which(c)), None)
        if command is None:
            raise CthbError(
                "the bulk method needs Virtuoso's isql client, which is not on PATH",
                hint="install Debian's virtuoso-opensource (isql-vt), or set CTHB_ISQL to its path",
                exit_code=2,
            )
        self.command = command
        self.user = os.environ.get("CTHB_VIRTUOSO_USER", "dba")
        self.password = os.environ.get("CTHB_VIRTUOSO_PASSWORD")
        if not self.password:
            raise CthbError(
                "the bulk method needs the password of Virtuoso's SQL user",
                hint="set CTHB_VIRTUOSO_PASSWORD (and CTHB_VIRTUOSO_USER if not dba)",
                exit_code=2,
            )

    def run(self, statements: list[str], *, what: str) -> str:
        script = "".join(s.rstrip(";") + ";\n" for s in statements)
        left = self.deadline - time.monotonic()
        if left <= 0:
            raise EndpointError(f"Virtuoso at {self.target} took too long (before: {what})", hint="raise --timeout")
        try:
            # The password is an argument of isql: it has no other way to take one.
            done = subprocess.run(
                [self.command, self.target, self.user, self.password, "VERBOSE=OFF", "BANNER=OFF", "PROMPT=OFF"],
                input=script,
                capture_output=True,
                text=True,
                timeout=left,
            )
        except subprocess.TimeoutExpired:
            raise EndpointError(f"Virtuoso at {self.target} took too long ({what})", hint="raise --timeout") from None
        output = done.stdout + done.stderr
        error = _ERROR.search(output)
        if error or done.returncode != 0:
            reason = f"{error.group(1)}: {error.group(2)}" if error else " ".join(output.split())[:200] or f"isql exit {done.returncode}"
            raise EndpointError(
                f"Virtuoso at {self.target} refused to {what}: {reason}", hint="check the address, user, password and DirsAllowed of virtuoso.ini"
            )
        return output


def _sql(value: str) -> str:
    """A SQL string literal."""
    return "'" + value.replace("'", "''") + "'"


def bulk_load(store, isql: Isql, data: bytes, target: URIRef, leftovers: list[URIRef], load_dir: Path) -> None:
    """Replace ``target`` by ``data`` (N-Triples) through the bulk loader; see the module's steps.

    ``store`` is publish's SPARQL client (for the counts); ``leftovers`` are staging graphs of
    earlier, killed publishes, removed first.
    """
    expected = data.count(b"\n")
    token = secrets.token_hex(6)
    staging = URIRef(f"{target}-staging-{token}")
    name = f"cthb-publish-{token}.nt"
    folder = load_dir.resolve()
    if leftovers:
        isql.run([_drop(g) for g in leftovers], what="drop old staging graphs")
    try:
        atomic_write(folder / name, data)
    except OSError as exc:
        hint = "give a folder this user can write and Virtuoso can read"
        raise CthbError(f"cannot write into --load-dir {folder}: {exc.strerror}", hint=hint, exit_code=4) from None
    try:
        isql.run(
            [f"ld_dir({_sql(str(folder))}, {_sql(name)}, {_sql(str(staging))})", "rdf_loader_run()", "checkpoint"],
            what="bulk-load the graph",
        )
        loaded = store.count(staging)
        if loaded != expected:
            raise EndpointError(
                f"Virtuoso loaded {loaded} of the {expected} triples; {target} was left as it was",
                hint=f"check DB.DBA.LOAD_LIST and that Virtuoso can read {folder} (DirsAllowed)",
            )
        # One call, one transaction: the old quads out, the staging quads renamed in.
        isql.run([_REPLACE, f"DB.DBA.CTHB_REPLACE_GRAPH({_sql(str(target))}, {_sql(str(staging))})"], what="replace the graph")
    finally:
        (folder / name).unlink(missing_ok=True)
        cleanup = [f"DELETE FROM DB.DBA.LOAD_LIST WHERE LL_GRAPH = {_sql(str(staging))}", _drop(staging)]
        with contextlib.suppress(CthbError):  # else the next publish drops it (a leftover by its name)
            isql.run(cleanup, what="remove the staging graph")


_REPLACE = """CREATE PROCEDURE DB.DBA.CTHB_REPLACE_GRAPH (IN target VARCHAR, IN staging VARCHAR)
{
  DELETE FROM DB.DBA.RDF_QUAD WHERE G = iri_to_id (target, 0);
  UPDATE DB.DBA.RDF_QUAD TABLE OPTION (index RDF_QUAD_GS) SET G = iri_to_id (target) WHERE G = iri_to_id (staging, 0);
}"""


def _drop(graph: URIRef) -> str:
    return f"DELETE FROM DB.DBA.RDF_QUAD WHERE G = iri_to_id({_sql(str(graph))}, 0)"
