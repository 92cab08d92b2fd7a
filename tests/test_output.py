"""Output that cannot be turned against its reader: CSV formulas neutralised, control characters
shown as escapes, and a local query that would call another host refused in one line."""

from __future__ import annotations

import csv
import io
import socket

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from cthbgraph.cli import main
from cthbgraph.output import csv_cell, printable, render

LABEL = "http://www.w3.org/2004/02/skos/core#prefLabel"


@pytest.mark.parametrize(
    "cell,written",
    [
        ("=HYPERLINK(\"http://x\",\"click\")", "'=HYPERLINK(\"http://x\",\"click\")"),
        ("=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"),
        ("+cmd", "'+cmd"),
        ("-cmd", "'-cmd"),
        ("@SUM(A1:A9)", "'@SUM(A1:A9)"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("-3", "-3"),
        ("+1.5", "+1.5"),
        ("-2.5e3", "-2.5e3"),
        ("ODIHR", "ODIHR"),
        ("a=b", "a=b"),
        (12, 12),
    ],
)
def test_output_csv_cell_neutralises_formulas(cell, written):
    assert csv_cell(cell) == written


@pytest.mark.parametrize(
    "text,shown",
    [
        ("Mission to Moldova", "Mission to Moldova"),
        ("red\x1b[31m", "red\\x1b[31m"),
        ("bell\x07", "bell\\x07"),
        ("line\nforged", "line\\nforged"),
        ("abc\u202edcba", "abc\\u202edcba"),
        ("Bosnia and Herzegovina \u2013 Sarajevo", "Bosnia and Herzegovina \u2013 Sarajevo"),
    ],
)
def test_output_printable_escapes_control_characters(text, shown):
    assert printable(text) == shown


@pytest.fixture
def hostile_build(tmp_path):
    """A build folder whose store holds names a manifest or a report could carry."""
    store = ox.Store(str(tmp_path / "store"))
    names = ["=cmd|' /C calc'!A0", "Office\x1b[2J\x1b[31m of the Co-ordinator", "Mission\nforged line", "-42"]
    for i, name in enumerate(names):
        store.add(ox.Quad(ox.NamedNode(f"https://w3id.org/cthb/id/body/b{i}"), ox.NamedNode(LABEL), ox.Literal(name)))
    store.flush()
    del store
    return tmp_path, names


def test_cli_query_csv_has_no_formula_cells(hostile_build):
    out, names = hostile_build
    result = CliRunner().invoke(main, ["query", "--graph-dir", str(out), "--format", "csv", "-q", f"SELECT ?name WHERE {{ ?b <{LABEL}> ?name }} ORDER BY ?name"])
    assert result.exit_code == 0, result.output
    cells = [row[0] for row in csv.reader(io.StringIO(result.output))][1:]
    assert "'=cmd|' /C calc'!A0" in cells and names[2] in cells and "-42" in cells
    assert not [c for c in cells if c.startswith(("=", "+", "@"))]


def test_cli_query_table_shows_control_characters_escaped(hostile_build):
    out, _ = hostile_build
    result = CliRunner().invoke(main, ["query", "--graph-dir", str(out), "-q", f"SELECT ?name WHERE {{ ?b <{LABEL}> ?name }} ORDER BY ?name"])
    assert result.exit_code == 0, result.output
    assert "\x1b" not in result.output
    assert "Office\\x1b[2J\\x1b[31m of the Co-ordinator" in result.output
    assert len(result.output.splitlines()) == 2 + 4  # header, rule, one line per name


@pytest.mark.parametrize(
    "query,message",
    [
        ("SELECT * WHERE { SERVICE <http://127.0.0.1:{port}/sparql> { ?s ?p ?o } }", "SERVICE is not allowed: the local store does not query other hosts"),
        ("SELECT * WHERE { ?x ?y ?z OPTIONAL { SERVICE SILENT <http://127.0.0.1:{port}/> { ?s ?p ?o } } }", "SERVICE is not allowed"),
        ("DELETE WHERE { ?s ?p ?o }", "SPARQL updates are refused: the local store is read-only"),
        ("LOAD <http://127.0.0.1:{port}/x.ttl>", "SPARQL updates are refused"),
    ],
)
def test_cli_query_refuses_service_and_updates_in_one_line(hostile_build, query, message):
    out, _ = hostile_build
    listener = socket.create_server(("127.0.0.1", 0))
    listener.settimeout(0.5)
    try:
        text = query.replace("{port}", str(listener.getsockname()[1]))
        result = CliRunner().invoke(main, ["query", "--graph-dir", str(out), "-q", text])
        with pytest.raises(socket.timeout):
            listener.accept()  # nobody was called
    finally:
        listener.close()
    assert result.exit_code == 2
    lines = result.output.splitlines()
    assert lines[0] == f"Error: {message}" or lines[0].startswith(f"Error: {message}")
    assert len(lines) == 2 and lines[1].startswith("Hint: ")
    assert "Traceback" not in result.output


def test_output_render_markdown_and_json_keep_data(hostile_build):
    _, names = hostile_build
    assert "\x1b" not in render(("name",), [(n,) for n in names], "markdown")
    assert names[1] in render(("name",), [(n,) for n in names], "json").encode().decode("unicode_escape")


def test_output_export_csv_tables_neutralise_formulas():
    from cthbgraph.exports.tables import _csv

    text = _csv(("name", "count"), [("=cmd|' /C calc'!A0", 3), ("-1", -1)]).decode("utf-8-sig")
    assert text.splitlines()[1:] == ["'=cmd|' /C calc'!A0,3", "-1,-1"]
