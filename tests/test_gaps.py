"""Gap analysis, coverage and year comparison on the whole corpus, as a researcher asks for them."""

from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner

from cthbgraph.analysis import IMPLEMENTED, NONE, PARTLY, LinkFilter, compare, coverage, gaps, trace
from cthbgraph.cli import main
from cthbgraph.errors import UnknownTermError

# What the reports state (cthb:implements), without the links inferred from content.
STATED = LinkFilter("stated")


def run(built, *args: str):
    result = CliRunner().invoke(main, [*args, "--graph-dir", str(built.out)])
    assert "Traceback" not in result.output
    return result


def test_gaps_every_provision_has_a_status(store):
    report = gaps(store, links=STATED)
    assert len(report.provisions) == len(set(p.notation for p in report.provisions)) > 0
    assert sum(report.counts().values()) == len(report.provisions)
    assert set(report.counts()) == {IMPLEMENTED, PARTLY, NONE}


def test_gaps_status_follows_the_tasked_bodies(store):
    provisions = gaps(store, links=STATED).provisions
    assert {p.status for p in provisions} == {IMPLEMENTED, PARTLY, NONE}
    for p in provisions:
        assert set(p.active) | set(p.silent) == set(p.tasked)
        if p.status == NONE:
            assert p.activities == 0 and not p.evidence
        elif p.status == IMPLEMENTED:
            assert p.activities > 0 and not p.silent
        else:
            assert p.activities > 0 and p.silent


def test_gaps_counts_are_traceable_to_sentences(store):
    provisions = gaps(store).provisions
    assert any(p.evidence for p in provisions)
    for p in provisions:
        assert len({e.activity for e in p.evidence}) == p.activities
        for e in p.evidence:
            assert e.sentence and e.excerpt.startswith("https://") and e.report


def test_gaps_agree_with_trace(store):
    # The 2006 report quotes III.10.1 (tasking SPMU) and credits SPMU with activities under it.
    t = trace(store, "III.10.1")
    p = next(p for p in gaps(store, chapter="III.10").provisions if p.notation == "III.10.1")
    assert p.activities == len({a.iri for a in t.activities})
    assert set(p.tasked) == {b.label for b in t.tasked}


@pytest.mark.parametrize("year, status", [(None, "reported activity"), ("2017", "no reported activity")])
def test_gaps_per_body_rows(store, year, status):
    # SPMU is credited with activities under the provisions that task it in 2006, and none in 2017,
    # whose report names no provision (by the links the reports state).
    rows = gaps(store, body="SPMU", year=year, links=STATED).bodies
    assert rows and {r.label for r in rows} == {"Strategic Police Matters Unit"}
    tasked = [r for r in rows if r.tasked]
    assert tasked and {r.status for r in tasked} == {status}
    assert all((r.activities == 0 and not r.evidence) == (status == "no reported activity") for r in tasked)


@pytest.mark.parametrize("year, expected", [("2006", True), ("2017", False)])
def test_gaps_year_filter_counts_that_year_only(store, year, expected):
    report = gaps(store, year=year, links=STATED)
    assert any(p.activities for p in report.provisions) is expected
    assert all(e.year == int(year) for p in report.provisions for e in p.evidence)


@pytest.mark.parametrize(
    "kwargs, hint",
    [({"chapter": "XI"}, "did you mean"), ({"body": "ODHIR"}, "ODIHR"), ({"year": "2005"}, "2006")],
)
def test_gaps_unknown_filter_names_closest(store, kwargs, hint):
    with pytest.raises(UnknownTermError) as err:
        gaps(store, **kwargs)
    assert hint in err.value.hint


def test_coverage_matrix_matches_gaps(store):
    cov = coverage(store)
    report = gaps(store)
    by_notation = {p.notation: p for p in report.provisions}
    assert set(cov.provisions) == set(by_notation)
    assert report.bodies
    for b in report.bodies:
        assert cov.count(b.notation, b.body) == b.activities
        assert ((b.notation, b.body) in cov.tasked) is b.tasked


def test_compare_2006_2017_counts_bodies_and_provisions(store):
    changes = compare(store, 2006, 2017)
    kinds = {c.kind for c in changes}
    assert kinds == {"provision", "body"}
    for c in changes:
        assert c.change != "unchanged"
        assert len({e.activity for e in c.evidence_before}) == c.before
        assert len({e.activity for e in c.evidence_after}) == c.after
    # Bodies keep the comparison meaningful though 2017 names no provision.
    assert any(c.kind == "body" and c.after > 0 for c in changes)


def test_cli_gaps_table_and_summary(built):
    result = run(built, "gaps", "--chapter", "III")
    assert result.exit_code == 0
    assert "III.10.1" in result.output and "IV.8.1" not in result.output
    assert "provisions:" in result.output


@pytest.mark.parametrize("fmt", ["csv", "json", "markdown", "table"])
def test_cli_gaps_formats(built, fmt):
    result = run(built, "gaps", "--by", "body", "--body", "ODIHR", "--year", "2006", "--format", fmt)
    assert result.exit_code == 0
    if fmt == "json":
        rows = json.loads(result.output)
        assert rows and all(r["body"] == "OSCE Office for Democratic Institutions and Human Rights" for r in rows)
        active = [r for r in rows if r["activities"]]
        assert active and all(len({e["activity"] for e in r["evidence"]}) == r["activities"] for r in active)
    elif fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(result.output)))
        assert {"provision", "body", "tasked", "status", "activities"} <= set(rows[0])
    elif fmt == "markdown":
        assert result.output.startswith("| provision |")


def test_cli_gaps_evidence_prints_sentences(built):
    result = run(built, "gaps", "--chapter", "III.10.1", "--evidence")
    assert result.exit_code == 0
    assert "Evidence:" in result.output and "https://w3id.org/cthb/id/excerpt/" in result.output


def test_cli_coverage_marks_tasked_cells(built):
    result = run(built, "coverage", "--chapter", "III", "--tasked-only", "--basis", "stated")
    assert result.exit_code == 0
    assert "SPMU" in result.output and "0*" in result.output


def test_cli_coverage_long_csv(built):
    result = run(built, "coverage", "--long", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(result.output)))
    assert {r["tasked"] for r in rows} == {"true", "false"}


def test_cli_compare_json(built):
    result = run(built, "compare", "--from", "2006", "--to", "2017", "--format", "json")
    assert result.exit_code == 0
    rows = json.loads(result.output)
    assert rows and {r["change"] for r in rows} <= {"appeared", "disappeared", "changed"}
    assert all("evidence 2017" in r for r in rows)


@pytest.mark.parametrize(
    "args, message",
    [
        (["gaps", "--body", "ODHIR"], "no body called 'ODHIR'"),
        (["gaps", "--chapter", "III.99"], "no Action Plan chapter or provision 'III.99'"),
        (["compare", "--from", "2006", "--to", "2016"], "no report of year '2016'"),
        (["coverage", "--year", "1999"], "no report of year '1999'"),
    ],
)
def test_cli_gaps_bad_input_is_one_clear_line(built, args, message):
    result = run(built, *args)
    assert result.exit_code == 2
    assert message in result.output
    assert "Hint:" in result.output


def test_gaps_body_with_lineage_counts_the_body_it_became(store):
    # 2007 report: "the OSCE Centre in Tashkent, now the OSCE Project Co-ordinator in Uzbekistan".
    alone = gaps(store, body="OSCE Centre in Tashkent")
    lineage = gaps(store, body="OSCE Centre in Tashkent", lineage=True)
    assert {b.label for b in lineage.bodies} >= {"OSCE Project Co-ordinator in Uzbekistan"}
    assert len(lineage.bodies) > len(alone.bodies)


@pytest.mark.parametrize("chapter", [None, "III.10"])
def test_coverage_lineage_counts_a_body_with_its_predecessors_and_post(store, chapter):
    alone, merged = coverage(store, chapter=chapter), coverage(store, chapter=chapter, lineage=True)
    # The Special Representative (a post) and the Office that serves it: one column, named for both.
    column = next(b for b in merged.bodies if "Office of the OSCE Special Representative" in b.label)
    members = {b.iri: b for b in alone.bodies if b.iri in column.members}
    assert len(column.members) >= 2 and len(members) >= 2 and " / " in column.short
    assert len(merged.bodies) < len(alone.bodies)
    for n in merged.provisions:
        # Each activity once: never more than the members' counts together, never less than the largest.
        parts = [alone.count(n, b) for b in members]
        assert max(parts) <= merged.count(n, column.iri) <= sum(parts)
        assert ((n, column.iri) in merged.tasked) is any((n, b) in alone.tasked for b in members)
    assert sum(merged.counts.values()) <= sum(alone.counts.values())


def test_cli_coverage_lineage(built):
    result = run(built, "coverage", "--chapter", "III.10", "--transpose", "--lineage", "--format", "csv")
    assert result.exit_code == 0, result.output
    heads = [row[0] for row in csv.reader(io.StringIO(result.output))]
    assert any(" / " in h and "Special Representative" in h for h in heads)


@pytest.mark.parametrize("minimum", [0.9, 1.0])
def test_min_confidence_leaves_fewer_rows(store, minimum):
    every, sure = gaps(store), gaps(store, min_confidence=minimum)
    assert len(sure.bodies) < len(every.bodies)
    assert sum(p.activities for p in sure.provisions) < sum(p.activities for p in every.provisions)
    assert len(sure.provisions) == len(every.provisions)  # a provision stays, judged on what is left
    assert sum(coverage(store, min_confidence=minimum).counts.values()) < sum(coverage(store).counts.values())
    # trace agrees with gaps on a provision that lost activities (which one depends on the corpus).
    counts = {p.notation: p.activities for p in every.provisions}
    notation = next(p.notation for p in sure.provisions if p.activities < counts[p.notation])
    assert len(trace(store, notation, min_confidence=minimum).activities) < len(trace(store, notation).activities)


def test_min_confidence_keeps_what_is_at_least_that_sure(store):
    from cthbgraph.queries import library

    confidence = {
        r["body"]: r["confidence"] for r in library()["bodies-by-confidence"].run(store, {"minConfidence": "0"}).dicts()
    }
    sure = gaps(store, min_confidence=0.9)
    assert sure.bodies and all(confidence[b.body] >= 0.9 for b in sure.bodies)
    assert {b.body for b in gaps(store).bodies if confidence[b.body] < 0.9} - {b.body for b in sure.bodies}


@pytest.mark.parametrize("command", [["trace", "III.10.4"], ["gaps"], ["coverage"]])
@pytest.mark.parametrize("value", ["1.5", "-1", "sure"])
def test_cli_min_confidence_outside_0_1_is_refused(built, command, value):
    result = run(built, *command, "--min-confidence", value)
    assert result.exit_code == 2
    assert "Invalid value for '--min-confidence'" in result.output


@pytest.mark.parametrize("command", [["trace", "III.10.4"], ["gaps", "--by", "body"], ["coverage", "--long"]])
def test_cli_min_confidence_1_leaves_fewer_rows_than_0(built, command):
    rows = {v: len(run(built, *command, "--format", "csv", "--min-confidence", v).output.splitlines()) for v in ("0", "1.0")}
    assert rows["1.0"] < rows["0"]


def test_min_confidence_in_the_library_is_checked(store):
    from cthbgraph.errors import QueryError

    with pytest.raises(QueryError, match="minimum confidence of 1.5 is outside 0-1"):
        gaps(store, min_confidence=1.5)
