"""One named graph per report: the dumps (cthb.nq, cthb.trig), the store's named graphs beside an
unchanged default graph, GRAPH queries of the library, and compare as a changeset with its basis.

All on the session build of corpus/ (conftest ``built`` and ``store``).
"""

from __future__ import annotations

import json

import pyoxigraph as ox
from click.testing import CliRunner
from conftest import CORPUS

from cthbgraph.analysis import LinkFilter, compare
from cthbgraph.cli import main
from cthbgraph.corpus import load_corpus
from cthbgraph.graph import Iris
from cthbgraph.queries import library, parse_query


def _quads(path, fmt) -> set[tuple[str, str, str, str]]:
    return {(str(q.subject), str(q.predicate), str(q.object), str(q.graph_name)) for q in ox.parse(path=str(path), format=fmt)}


def _report_graphs() -> dict[str, str]:
    """Report id -> the IRI of its named graph, for every report of corpus/."""
    return {r.id: str(Iris().report_graph(r.id)) for r in load_corpus(CORPUS).reports}


def test_named_graphs_nquads_dump_names_one_graph_per_report(built):
    quads = _quads(built.out / "cthb.nq", ox.RdfFormat.N_QUADS)
    assert {g.strip("<>") for *_, g in quads} == set(_report_graphs().values())
    # TriG holds the same quads, each graph in one block.
    assert _quads(built.out / "cthb.trig", ox.RdfFormat.TRIG) == quads
    trig = (built.out / "cthb.trig").read_text(encoding="utf-8")
    assert trig.count("{\n") == len(_report_graphs())


def test_named_graphs_union_is_the_default_graph(built):
    quads = ox.parse(path=str(built.out / "cthb.nq"), format=ox.RdfFormat.N_QUADS)
    union = {(str(q.subject), str(q.predicate), str(q.object)) for q in quads}
    triples = {(str(t.subject), str(t.predicate), str(t.object)) for t in ox.parse(path=str(built.out / "cthb.nt"), format=ox.RdfFormat.N_TRIPLES)}
    assert union == triples
    # A body named by several reports is described in each of their graphs: a union default graph
    # would count its label more than once, which is why the default graph holds the triples themselves.
    assert sum(1 for _ in ox.parse(path=str(built.out / "cthb.nq"), format=ox.RdfFormat.N_QUADS)) > len(triples)


def test_named_graphs_leave_default_graph_counts_unchanged(built, store):
    assert store.triples() == built.triples == len((built.out / "cthb.nt").read_bytes().splitlines())
    counts = parse_query(
        "SELECT ?c (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a ?c } GROUP BY ?c"
    ).run(store).dicts()
    typed = {r["c"]: int(r["n"]) for r in counts}
    for name, n in built.class_counts:
        assert typed.get(f"https://w3id.org/cthb/ontology#{name}", 0) == n
    graphs = parse_query("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }").run(store).dicts()
    assert {r["g"] for r in graphs} == set(_report_graphs().values())


def test_named_graphs_graph_query_returns_only_that_reports_activities(store):
    rows = library()["activities-in-report"].run(store, {"year": "2006"}).dicts()
    assert rows
    in_2006 = parse_query(
        "PREFIX cthb: <https://w3id.org/cthb/ontology#> PREFIX dcterms: <http://purl.org/dc/terms/> "
        "SELECT DISTINCT ?activity ?report WHERE { ?activity a cthb:Activity ; dcterms:source ?r . "
        '?r dcterms:identifier ?report ; cthb:reportYear ?y . FILTER (STR(?y) = "2006") }'
    ).run(store).dicts()
    assert {r["activity"] for r in rows} == {r["activity"] for r in in_2006}
    graphs = _report_graphs()
    assert all(r["graph"] == graphs[r["report"]] for r in rows)
    # The activities of the other years are in the store, but not in the graphs of 2006.
    later = library()["activities-in-report"].run(store, {"year": "2017"}).dicts()
    assert later and not {r["activity"] for r in later} & {r["activity"] for r in rows}


def test_compare_is_a_changeset_with_the_basis(store):
    changes = compare(store, 2006, 2017)
    provisions = [c for c in changes if c.kind == "provision"]
    gained = [c for c in provisions if c.after > c.before]
    assert gained
    for c in changes:
        by_basis = c.by_basis()
        assert set(by_basis) <= {"stated", "inferred"}
        assert sum(b for b, _ in by_basis.values()) >= c.before and sum(a for _, a in by_basis.values()) >= c.after
    # 2017 names no provision: what 2017 gained, it gained by inference.
    assert all(c.by_basis()["inferred"][1] > 0 for c in gained)
    stated = compare(store, 2006, 2017, links=LinkFilter("stated"))
    assert all("inferred" not in c.by_basis() for c in stated)


def test_cli_compare_shows_basis(built):
    runner = CliRunner()
    args = ["compare", "--from", "2006", "--to", "2017", "--graph-dir", str(built.out)]
    rows = json.loads(runner.invoke(main, [*args, "--format", "json", "--min-score", "0.5"]).output)
    provisions = [r for r in rows if r["kind"] == "provision"]
    assert any(r["basis"].get("inferred", {}).get("2017", 0) > 0 for r in provisions)
    assert all(r["basis"].get("inferred", {}).get("2017", 0) == r["2017"] for r in provisions)
    table = runner.invoke(main, args)
    assert table.exit_code == 0 and "basis" in table.output and "→" in table.output


def test_compare_lineage_counts_a_body_with_its_predecessors(store):
    plain = {c.iri: c for c in compare(store, 2007, 2017, tasked_only=False, unchanged=True)}
    joined = [c for c in compare(store, 2007, 2017, tasked_only=False, unchanged=True, lineage=True) if " / " in c.key]
    assert joined
    for c in joined:
        # The lineage's row holds at least the evidence of the body it is named after.
        assert c.before >= plain[c.iri].before and c.after >= plain[c.iri].after
    assert any((c.before, c.after) != (plain[c.iri].before, plain[c.iri].after) for c in joined)


def test_compare_evidence_of_a_year_is_what_its_report_graphs_hold(store):
    changes = compare(store, 2006, 2017, tasked_only=False, unchanged=True)
    for year, side in (("2006", "evidence_before"), ("2017", "evidence_after")):
        counted = {e.activity for c in changes if c.kind == "body" for e in getattr(c, side)}
        in_graphs = library()["activities-in-report"].run(store, {"year": year}).dicts()
        assert counted == {r["activity"] for r in in_graphs if r["bodies"]}
