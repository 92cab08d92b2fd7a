"""The core commands as a researcher runs them: build, trace, query, validate, and their errors."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from click.testing import CliRunner

from cthbgraph.cli import main


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_cli_build_prints_summary(small_build):
    out, output = small_build
    assert "Provision" in output and "Conforms" in output
    assert (out / "cthb.ttl").exists() and (out / "store").exists()


def test_cli_trace_shows_tasked_bodies(small_build):
    out, _ = small_build
    result = run("trace", "III.10.2", "--graph-dir", str(out))
    assert result.exit_code == 0
    assert "Strategic Police Matters Unit" in result.output
    assert "Economic and Environmental Activities" in result.output


def test_cli_trace_unknown_provision_suggests_closest(small_build):
    out, _ = small_build
    result = CliRunner().invoke(main, ["trace", "III.10.9", "--graph-dir", str(out)])
    assert result.exit_code == 2
    assert "no provision 'III.10.9'" in result.output
    assert "III.10.1" in result.output


@pytest.mark.parametrize("fmt", ["csv", "json", "table"])
def test_cli_query_formats(small_build, fmt):
    out, _ = small_build
    result = run("query", "provisions-tasking-body", "--param", "body=SPMU", "--format", fmt, "--graph-dir", str(out))
    assert result.exit_code == 0
    assert "III.10.1" in result.output
    if fmt == "json":
        rows = json.loads(result.output)
        assert {r["notation"] for r in rows} == {"III.10.1", "III.10.2"}


@pytest.mark.parametrize(
    "hostile",
    ['SPMU" } ; DROP ALL ; #', "SPMU> <x", "} UNION { ?s ?p ?o }", "SELECT * WHERE"],
)
def test_cli_query_param_is_only_a_value(small_build, hostile):
    out, _ = small_build
    result = CliRunner().invoke(
        main, ["query", "provisions-tasking-body", "--param", f"body={hostile}", "--format", "json", "--graph-dir", str(out)]
    )
    # The value is looked up as a name, found nowhere, and reported as such: it changed no query.
    assert result.exit_code == 2
    assert "no body called" in result.output and "Traceback" not in result.output
    again = run("query", "provisions-tasking-body", "--param", "body=SPMU", "--format", "json", "--graph-dir", str(out))
    assert {r["notation"] for r in json.loads(again.output)} == {"III.10.1", "III.10.2"}


def test_cli_query_unknown_body_names_the_closest(small_build):
    out, _ = small_build
    result = CliRunner().invoke(main, ["query", "provisions-tasking-body", "-p", "body=SPMUU", "--graph-dir", str(out)])
    assert result.exit_code == 2
    assert "SPMU" in result.output


def test_cli_query_syntax_error_is_one_clear_line(small_build):
    out, _ = small_build
    result = CliRunner().invoke(main, ["query", "-q", "SELECT ?x WHERE { ?x ", "--graph-dir", str(out)])
    assert result.exit_code == 2
    assert "not valid SPARQL" in result.output
    assert "Traceback" not in result.output


def test_cli_validate_conforms(small_build):
    out, _ = small_build
    result = run("validate", "--graph-dir", str(out))
    assert result.exit_code == 0
    assert "Conforms" in result.output


@pytest.mark.parametrize(
    "content, reason",
    [(b"", "empty"), (b"\x00\x01binary", "binary"), (b"caf\xe9 au lait", "UTF-8")],
)
def test_cli_build_bad_only_file_fails_and_keeps_previous_output(small_build, tmp_path, content, reason):
    out, _ = small_build
    before = (out / "cthb.ttl").read_bytes()
    corpus = tmp_path / "bad"
    corpus.mkdir()
    (corpus / "report.txt").write_bytes(content)
    result = CliRunner().invoke(main, ["build", "--corpus", str(corpus), "--graph-dir", str(out), "--quiet"])
    assert result.exit_code == 2
    assert reason in result.output
    assert "Traceback" not in result.output
    assert (out / "cthb.ttl").read_bytes() == before


def test_cli_build_names_the_texts_that_gave_nothing_and_invents_no_body(tmp_path):
    corpus = tmp_path / "odd"
    corpus.mkdir()
    texts = {
        "russian": "Торговля людьми остается серьезной проблемой в регионе ОБСЕ.\n",
        "french": "La traite des êtres humains reste un problème grave. Le gouvernement a adopté un plan.\n",
        "german": "Die OSZE-Mission in Moldau organisierte im Mai 2019 eine Schulung für Polizisten zum Menschenhandel.\n",
        "table": "| Year | Victims identified |\n|---|---|\n| 2015 | 12 |\n| 2016 | 14 |\n",
        "links": "https://example.org/report-2016.pdf\nhttps://example.org/report-2017.pdf\n",
        "short": "Annual report\nNothing to report this year.\n",
    }
    for name, text in texts.items():
        (corpus / f"{name}.txt").write_text(text, encoding="utf-8")
    result = run("build", "--corpus", str(corpus), "--graph-dir", str(tmp_path / "out"), "--quiet")
    assert result.exit_code == 0
    assert "Nothing found in 6 of 6 text(s)" in result.output
    assert "russian: not in the Latin script" in result.output and "french: does not read as English" in result.output
    assert "german: does not read as English" in result.output
    assert "table: only a table" in result.output and "links: only links" in result.output
    assert "short: only 2 lines of text" in result.output
    assert "\nBody        0" in result.output and "Traceback" not in result.output


def test_cli_build_missing_corpus(tmp_path):
    result = CliRunner().invoke(main, ["build", "--corpus", str(tmp_path / "nope"), "--graph-dir", str(tmp_path / "out")])
    assert result.exit_code == 2
    assert "Traceback" not in result.output


def test_cli_every_command_has_help_with_examples():
    for name in main.commands:
        result = run(name, "--help")
        assert result.exit_code == 0, name
        assert "Example" in result.output, f"{name} --help has no examples"


def test_cli_console_script_runs():
    result = subprocess.run([sys.executable, "-m", "cthbgraph", "--help"], capture_output=True, text=True)
    assert result.returncode == 0 and "trace" in result.stdout


def test_cli_validate_explains_a_broken_graph(small_build, tmp_path):
    out, _ = small_build
    broken = tmp_path / "broken.ttl"
    # A provision that lost its evidence and has a malformed number.
    text = (out / "cthb.ttl").read_text(encoding="utf-8")
    broken.write_text(
        text + '\n<https://w3id.org/cthb/id/provision/III.x> a <https://w3id.org/cthb/ontology#Provision> ;\n'
        '    <http://www.w3.org/2004/02/skos/core#notation> "III.x" .\n',
        encoding="utf-8",
    )
    result = CliRunner().invoke(main, ["validate", "--graph", str(broken)])
    assert result.exit_code == 1
    assert "provision/III.x" in result.output or "III.x" in result.output
    assert "wasDerivedFrom" in result.output


def test_cli_validate_unreadable_graph_is_one_clear_line(tmp_path):
    bad = tmp_path / "bad.ttl"
    bad.write_text("this is not turtle <<<", encoding="utf-8")
    result = CliRunner().invoke(main, ["validate", "--graph", str(bad)])
    assert result.exit_code == 2
    assert "not readable RDF" in result.output and "Traceback" not in result.output


@pytest.mark.parametrize(
    "update",
    [
        "DELETE WHERE { ?s ?p ?o }",
        "PREFIX cthb: <https://w3id.org/cthb/ontology#>\n# drop the graph\nINSERT DATA { cthb:a cthb:b cthb:c }",
        "clear all",
    ],
)
def test_cli_query_update_is_refused_in_words_that_say_so(small_build, update):
    out, _ = small_build
    result = CliRunner().invoke(main, ["query", "-q", update, "--graph-dir", str(out)])
    assert result.exit_code == 2
    assert "updates are refused" in result.stderr
    assert "expected CONSTRUCT" not in result.output and "Traceback" not in result.output
