"""The graph of a corpus made a report at a time is the graph made at once, byte for byte."""

from __future__ import annotations

import hashlib

from conftest import excerpt_corpus

from cthbgraph.corpus import load_corpus
from cthbgraph.graph import Choices, build_graph, report_graph
from cthbgraph.ntriples import SortedRuns, ntriples_lines, sorted_ntriples
from cthbgraph.vocab import CTHB, RDF

# Real sentences of the 2006 and 2007 reports; both name ODIHR and the Mission to Moldova, in
# different words, and the second quotes the provision the first one implements.
REPORTS = {
    "a-2006": (
        "In 2005 the OSCE/ODIHR organized a round table in Warsaw with the OSCE Mission to Moldova "
        "on national referral mechanisms."
    ),
    "b-2007": (
        "The Office for Democratic Institutions and Human Rights supported the Mission to Moldova. "
        "The OSCE Mission to Moldova trained forty border guards in Chisinau in March 2006."
    ),
}


def _extractions(extractor, tmp_path):
    corpus = excerpt_corpus(tmp_path / "corpus", **REPORTS)
    return [extractor.extract(r) for r in load_corpus(corpus).reports]


def test_ntriples_report_graphs_merged_from_runs_equal_the_whole_graph(extractor, tmp_path):
    extractions = _extractions(extractor, tmp_path)
    whole = build_graph(extractions)
    choices = Choices.merge(Choices.of(e) for e in sorted(extractions, key=lambda e: e.report.id))
    runs = SortedRuns(tmp_path / "runs", run_bytes=2_000)  # several runs, so the merge has work
    for extraction in reversed(extractions):
        runs.add(ntriples_lines(report_graph([extraction], choices)))
    assert len(runs.runs) > 1

    merged = runs.merge(tmp_path / "graph.nt")

    data = merged.path.read_bytes()
    assert data == sorted_ntriples(whole)
    assert merged.triples == len(whole) == data.count(b"\n")
    assert merged.sha256 == hashlib.sha256(data).hexdigest()
    assert merged.typed[str(CTHB.Body)] == len(set(whole.subjects(RDF.type, CTHB.Body)))
    assert not runs.folder.exists()  # the runs are removed


def test_ntriples_a_body_named_by_several_reports_is_described_once(extractor, tmp_path):
    extractions = _extractions(extractor, tmp_path)
    choices = Choices.merge(Choices.of(e) for e in extractions)
    runs = SortedRuns(tmp_path / "runs")
    for extraction in extractions:
        runs.add(ntriples_lines(report_graph([extraction], choices)))
    lines = runs.merge(tmp_path / "graph.nt").path.read_bytes().splitlines()
    body_type = b"<https://w3id.org/cthb/id/body/odihr> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
    assert sum(line.startswith(body_type) for line in lines) == 2  # cthb:Body and its subclass, once
    assert len(lines) == len(set(lines))


def test_ntriples_first_report_by_id_chooses_a_shared_label(extractor, tmp_path):
    first, second = sorted(_extractions(extractor, tmp_path), key=lambda e: e.report.id)
    merged = Choices.merge([Choices.of(first), Choices.of(second)])
    for key, label in Choices.of(second).labels.items():
        assert merged.labels[key] == Choices.of(first).labels.get(key, label)


def test_ntriples_empty_graph_gives_an_empty_file(tmp_path):
    merged = SortedRuns(tmp_path / "runs").merge(tmp_path / "graph.nt")
    assert (merged.triples, merged.path.read_bytes()) == (0, b"")


def test_ntriples_store_loaded_in_batches_holds_every_triple(extractor, tmp_path, monkeypatch):
    from cthbgraph.store import embedded as store_module
    from cthbgraph.store import open_store

    monkeypatch.setattr(store_module, "LOAD_BATCH", 7)
    dump = tmp_path / "graph.nt"
    dump.write_bytes(sorted_ntriples(build_graph(_extractions(extractor, tmp_path))))
    store_module.write_store(dump, tmp_path / "store")
    with open_store(tmp_path / "store") as store:
        assert store.triples() == dump.read_bytes().count(b"\n") > 7 * 10
