"""The query library as a researcher uses it: every query documented, runnable, and safe with any value."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from cthbgraph.cli import main
from cthbgraph.errors import QueryError, UnknownTermError
from cthbgraph.queries import library, named_query, parse_query

QUERIES = library()

# Values that would change a query if they were pasted into it.
HOSTILE = [
    'ODIHR" } ; DROP ALL ; #',
    "ODIHR> <http://evil.example/x",
    "} UNION { ?s ?p ?o }",
    "SELECT * WHERE { ?s ?p ?o }",
    "' OR 1=1 --",
    '"""\\u0022 FILTER(true) #',
]


def test_queries_library_holds_the_research_questions():
    assert len(QUERIES) >= 15
    for name in (
        "provisions-tasking-body",
        "bodies-tasked-by-chapter",
        "activities-by-body",
        "provisions-without-activity",
        "tasked-bodies-without-activity",
        "activities-without-provision",
        "cooperation-network",
        "decisions-over-time",
        "evidence",
        "activities-per-year-type",
        "bodies-by-kind",
        "provision-partners",
        "field-operations-activities",
        "renamed-bodies",
        "activities-by-country",
    ):
        assert name in QUERIES


@pytest.mark.parametrize("name", sorted(QUERIES))
def test_queries_header_documents_question_and_parameters(name):
    query = QUERIES[name]
    assert len(query.description) > 30, "the header says what the query answers"
    assert all(p.doc for p in query.parameters)
    assert {n for n, _ in query.examples} <= {p.name for p in query.parameters}
    assert "SELECT" in query.text.upper()


def examples_or_skip(query):
    """A query's example values (``#+ example name=value``); a query without them cannot be run here
    (a parameter with a default, ``#+ param name = default: ...``, needs none)."""
    missing = {p.name for p in query.parameters if p.default is None} - {n for n, _ in query.examples}
    if missing:
        pytest.skip(f"{query.name}.rq declares no '#+ example {sorted(missing)[0]}=...' line")
    return dict(query.examples)


@pytest.mark.parametrize("name", sorted(QUERIES))
def test_queries_run_on_the_built_graph(store, name):
    query = QUERIES[name]
    rows = query.run(store, examples_or_skip(query))
    assert rows.columns
    for p in query.parameters:
        assert p.name in rows.columns  # Oxigraph binds projected variables only
    # Every query has a question the corpus answers; the example values are chosen so it does.
    assert len(rows) > 0, f"{name} gives no rows with {query.examples}"


def test_queries_bodies_tasked_by_chapter_iii(store):
    rows = named_query("bodies-tasked-by-chapter").run(store, {"chapter": "III"}).dicts()
    labels = {r["bodyLabel"] for r in rows}
    assert "Strategic Police Matters Unit" in labels
    assert all(n.startswith("III.") for r in rows for n in r["tasking"].split(", "))


def test_queries_evidence_gives_the_sentence_of_a_provision(store):
    rows = named_query("evidence").run(store, {"iri": "https://w3id.org/cthb/id/provision/III.10.2"}).dicts()
    assert rows and all(r["report"] == "osce-2006-policy-to-practice" for r in rows)
    assert "suspicious assets" in rows[0]["sentence"]


@pytest.mark.parametrize("hostile", HOSTILE)
def test_queries_parameter_is_only_a_value(store, hostile):
    rows = named_query("provisions-tasking-body").run(store, {"body": hostile})
    assert len(rows) == 0
    chapter = named_query("bodies-tasked-by-chapter").run(store, {"chapter": hostile})
    assert len(chapter) == 0


@pytest.mark.parametrize("value", ["http://x> } ; DROP ALL ; <y", "not an iri", "<https://w3id.org/cthb/id/body/odihr>"])
def test_queries_iri_parameter_must_be_an_iri(store, value):
    with pytest.raises(QueryError, match="is not an IRI"):
        named_query("evidence").run(store, {"iri": value})


def test_queries_unknown_name_suggests_closest():
    with pytest.raises(UnknownTermError) as err:
        named_query("provisions-tasking-bodys")
    assert "provisions-tasking-body" in err.value.hint


def test_queries_missing_parameter_names_it(store):
    with pytest.raises(QueryError, match="needs --param body=VALUE"):
        named_query("activities-by-body").run(store, {})


def test_queries_example_header_is_parsed():
    query = parse_query('# Bodies.\n#+ param body: a body\n#+ example body="OSCE/ODIHR"\nSELECT ?body WHERE { }')
    assert query.examples == (("body", "OSCE/ODIHR"),)
    assert query.description == "Bodies."


def test_cli_queries_lists_every_query():
    result = CliRunner().invoke(main, ["queries", "--format", "json"])
    assert result.exit_code == 0
    assert {q["name"] for q in json.loads(result.output)} == set(QUERIES)


@pytest.mark.parametrize(
    "args, message",
    [
        (["query", "no-such-query"], "no query named 'no-such-query'"),
        (["query", "activities-by-body"], "needs --param body=VALUE"),
        (["query", "activities-by-body", "-p", "body=ODIHR", "-p", "bdy=x"], "has no parameter 'bdy'"),
    ],
)
def test_cli_query_bad_input_is_one_line(built, args, message):
    result = CliRunner().invoke(main, [*args, "--graph-dir", str(built.out)])
    assert result.exit_code == 2
    assert message in result.output
    assert "Traceback" not in result.output
