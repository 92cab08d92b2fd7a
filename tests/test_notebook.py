"""Results in a notebook: typed rows, iteration and indexing, DataFrames, HTML tables."""

from __future__ import annotations

import datetime as dt
import sys
from decimal import Decimal

import pytest

import cthbgraph
from cthbgraph.store import IRI, Rows, open_store, python_value

XSD = "http://www.w3.org/2001/XMLSchema#"


@pytest.fixture(scope="module")
def store(small_build):
    out, _ = small_build
    with open_store(out) as s:
        yield s


@pytest.mark.parametrize(
    "term, value",
    [
        (("literal", "9", XSD + "integer"), 9),
        (("literal", "12", XSD + "nonNegativeInteger"), 12),
        (("literal", "0.85", XSD + "decimal"), Decimal("0.85")),
        (("literal", "1.5E2", XSD + "double"), 150.0),
        (("literal", "true", XSD + "boolean"), True),
        (("literal", "2006-05-01", XSD + "date"), dt.date(2006, 5, 1)),
        (("literal", "2006-05-01T10:00:00Z", XSD + "dateTime"), dt.datetime(2006, 5, 1, 10, tzinfo=dt.timezone.utc)),
        (("literal", "2006", XSD + "gYear"), 2006),
        (("literal", "July 2004", None), "July 2004"),
        (("literal", "Vienne", None, "fr"), "Vienne"),
        (("literal", "abc", XSD + "integer"), "abc"),  # not a number: kept as written
        (("literal", "1_000", XSD + "integer"), "1_000"),
    ],
)
def test_notebook_values_are_python_values(term, value):
    converted = python_value(*term)
    assert converted == value and type(converted) is type(value)


def test_notebook_iri_is_a_str_that_knows_it_is_an_iri():
    iri = python_value("uri", "https://w3id.org/cthb/id/body/spmu")
    assert isinstance(iri, IRI) and iri == "https://w3id.org/cthb/id/body/spmu"
    assert iri.n3() == "<https://w3id.org/cthb/id/body/spmu>" and str(iri.term) == iri


def test_notebook_rows_iterate_index_and_slice_like_sqlite_utils(store):
    rows = cthbgraph.named_query("trace-activities").run(store, {"notation": "III.10.1"})
    assert len(rows) >= 1
    as_dicts = list(rows)
    assert as_dicts == rows.dicts() and as_dicts[0] == rows[0]
    assert isinstance(rows[0:1], Rows) and len(rows[0:1]) == 1
    assert isinstance(rows[0]["activity"], IRI)
    assert rows[0]["place"] == "Vienna" and rows.column("notation") == ["III.10.1"] * len(rows)


def test_notebook_unbound_is_none_and_counts_are_ints(store):
    rows = store.select("SELECT ?p (COUNT(*) AS ?n) ?missing WHERE { ?s ?p ?o OPTIONAL { ?s <urn:nothing> ?missing } } GROUP BY ?p ?missing")
    assert all(isinstance(r["n"], int) and r["missing"] is None for r in rows)


def test_notebook_to_pandas_gives_typed_columns(store):
    pd = pytest.importorskip("pandas")
    rows = store.select(
        "SELECT ?e ?start ?missing WHERE { ?e <http://www.w3.org/ns/oa#start> ?start OPTIONAL { ?e <urn:nothing> ?missing } }"
    )
    frame = rows.to_pandas()
    assert list(frame.columns) == ["e", "start", "missing"] and len(frame) == len(rows)
    assert str(frame["start"].dtype) == "Int64"
    assert frame["missing"].isna().all()
    assert isinstance(frame, pd.DataFrame)


def test_notebook_trace_gaps_coverage_to_pandas(store):
    pytest.importorskip("pandas")
    trace = cthbgraph.trace(store, "III.10.1").to_pandas()
    assert set(trace["role"]) >= {"tasked", "activity"}
    gaps = cthbgraph.gaps(store).to_pandas()
    assert list(gaps["provision"]) == ["III.10.1", "III.10.2"] and isinstance(gaps["tasked"][0], list)
    by_body = cthbgraph.gaps(store).to_pandas(by="body")
    assert str(by_body["tasked"].dtype) == "boolean"
    matrix = cthbgraph.coverage(store).to_pandas()
    assert matrix.index.name == "provision" and all(str(t) == "Int64" for t in matrix.dtypes)


def test_notebook_to_pandas_without_pandas_says_how_to_install(store, monkeypatch):
    monkeypatch.setitem(sys.modules, "pandas", None)  # as if it were not installed
    with pytest.raises(ImportError, match=r"pip install 'cthbgraph\[pandas\]'"):
        cthbgraph.trace(store, "III.10.2").to_pandas()


def test_notebook_html_tables_escape_text_and_link_iris(store):
    rows = Rows(("body", "sentence"), ((IRI("https://w3id.org/cthb/id/body/spmu"), "<b>SPMU</b> & co"), (None, "x")))
    html = rows._repr_html_()
    assert '<a href="https://w3id.org/cthb/id/body/spmu">' in html and "&lt;b&gt;SPMU&lt;/b&gt; &amp; co" in html
    assert "2 rows × 2 columns" in html
    for result in (cthbgraph.trace(store, "III.10.2"), cthbgraph.gaps(store), cthbgraph.coverage(store)):
        assert "<table>" in result._repr_html_()
