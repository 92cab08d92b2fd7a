"""Virtuoso as the big store: Debian's virtuoso-opensource started on loopback by the tests.

The built graph is published with Virtuoso's bulk loader (``publish --method bulk``); every query of
the library, trace, gaps, coverage and compare then give the rows of the embedded store.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import assert_same_rows, free_port, published_queries, wait_for

from cthbgraph.analysis import compare, coverage, gaps, trace
from cthbgraph.cli import main
from cthbgraph.publish import DEFAULT_GRAPH
from cthbgraph.queries import library
from cthbgraph.store.remote import RemoteStore

VIRTUOSO = shutil.which("virtuoso-t")
INI = Path("/etc/virtuoso-opensource-7/virtuoso.ini")
pytestmark = pytest.mark.skipif(
    VIRTUOSO is None or not INI.exists(), reason="needs Debian's virtuoso-opensource (scripts/setup.sh installs it as root)"
)




class Virtuoso:
    """A Virtuoso server of its own (database, ports, allowed load folder) in a temporary folder."""

    def __init__(self, folder: Path):
        self.sql, self.http = free_port(), free_port()
        self.load = folder / "load"
        self.load.mkdir()
        ini = INI.read_text()
        ini = ini.replace("/var/lib/virtuoso-opensource-7/db", str(folder))
        ini = re.sub(r"(\[Parameters\][^\[]*?ServerPort\s*=\s*)\d+", rf"\g<1>{self.sql}", ini)
        ini = re.sub(r"(\[HTTPServer\][^\[]*?ServerPort\s*=\s*)\d+", rf"\g<1>{self.http}", ini)
        ini = re.sub(r"(DirsAllowed\s*=\s*)(.*)", rf"\g<1>\g<2>, {self.load}", ini)
        (folder / "virtuoso.ini").write_text(ini)
        self.process = subprocess.Popen(
            [VIRTUOSO, "+foreground", "+configfile", str(folder / "virtuoso.ini")], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        wait_for(self.http, 60)
        wait_for(self.sql, 60)

    @property
    def endpoint(self) -> str:
        return f"http://127.0.0.1:{self.http}/sparql"

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()


@pytest.fixture(scope="module")
def virtuoso(tmp_path_factory):
    server = Virtuoso(tmp_path_factory.mktemp("virtuoso"))
    yield server
    server.stop()


def publish_bulk(virtuoso: Virtuoso, graph_dir: Path, password: str = "dba"):
    args = ["publish", "--endpoint", virtuoso.endpoint, "--method", "bulk", "--isql", f"127.0.0.1:{virtuoso.sql}"]
    args += ["--load-dir", str(virtuoso.load), "--graph-dir", str(graph_dir), "--timeout", "300"]
    return CliRunner().invoke(main, args, env={"CTHB_VIRTUOSO_PASSWORD": password})


def graph_sizes(virtuoso: Virtuoso) -> dict[str, int]:
    query = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } FILTER(STRSTARTS(STR(?g), 'https://w3id.org/cthb/')) } GROUP BY ?g"
    return {row["g"]: row["n"] for row in RemoteStore(virtuoso.endpoint, timeout=30).select(query)}


@pytest.fixture(scope="module")
def remote(virtuoso, built):
    result = publish_bulk(virtuoso, built.out)
    assert result.exit_code == 0, result.output
    assert f"Published {built.triples} triples" in result.output
    return RemoteStore(f"{virtuoso.endpoint}?default-graph-uri={DEFAULT_GRAPH}", timeout=60)



@pytest.mark.parametrize("name", sorted(published_queries()))
def test_virtuoso_every_query_gives_the_embedded_rows(store, remote, name):
    assert_same_rows(library()[name], store, remote)


def test_virtuoso_trace_gaps_coverage_compare_equal_embedded(store, remote):
    assert trace(remote, "III.10.2") == trace(store, "III.10.2")
    assert gaps(remote) == gaps(store)
    assert coverage(remote) == coverage(store)
    assert compare(remote, 2006, 2017) == compare(store, 2006, 2017)


def test_virtuoso_bulk_publish_again_replaces_and_leaves_no_staging(virtuoso, built, remote):
    result = publish_bulk(virtuoso, built.out)
    assert result.exit_code == 0, result.output
    assert graph_sizes(virtuoso) == {DEFAULT_GRAPH: built.triples}
    assert list(virtuoso.load.iterdir()) == []  # the dump given to the loader is removed


def test_virtuoso_bulk_publish_refused_keeps_the_graph(virtuoso, built, remote):
    result = publish_bulk(virtuoso, built.out, password="wrong")
    assert result.exit_code == 3, result.output
    assert result.output.startswith("Error: Virtuoso at 127.0.0.1:") and "Bad login" in result.output
    assert graph_sizes(virtuoso) == {DEFAULT_GRAPH: built.triples}
    assert list(virtuoso.load.iterdir()) == []


def test_virtuoso_bulk_needs_its_options(built):
    result = CliRunner().invoke(main, ["publish", "--endpoint", "http://127.0.0.1:9/sparql", "--method", "bulk", "--graph-dir", str(built.out)])
    assert result.exit_code == 2 and "--method bulk needs --isql HOST:PORT and --load-dir DIR" in result.output


def test_virtuoso_named_graphs_refused_keeps_the_graph(virtuoso, built, remote):
    """Virtuoso's default graph is the union of its graphs: the report graphs would double every count."""
    args = ["publish", "--endpoint", virtuoso.endpoint, "--method", "bulk", "--isql", f"127.0.0.1:{virtuoso.sql}", "--named-graphs"]
    result = CliRunner().invoke(main, [*args, "--load-dir", str(virtuoso.load), "--graph-dir", str(built.out)], env={"CTHB_VIRTUOSO_PASSWORD": "dba"})
    assert result.exit_code == 2 and result.output.startswith("Error: --named-graphs is refused"), result.output
    assert graph_sizes(virtuoso) == {DEFAULT_GRAPH: built.triples}
