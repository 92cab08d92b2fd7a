"""Builds that redo only what changed: the parse cache, reuse of an unchanged build, parallel jobs."""

from __future__ import annotations

import fcntl
import os

import pytest
from conftest import excerpt_corpus

from cthbgraph.builder import build
from cthbgraph.errors import ExtractionError, OutputError
from cthbgraph.extract import parsing
from cthbgraph.extract.normalise import clean
from cthbgraph.store import open_store

# Real excerpts of the 2006 and 2007 reports.
PROVISIONS = """III.10. LAW ENFORCEMENT RESPONSE

III.10.2 The Strategic Police Matters Unit and the Office of the OSCE Co-ordinator of Economic and Environmental Activities (OCEEA) will facilitate the exchange of information between participating States on best practices.

To address specific aspects of THB and sexual crime, the **SPMU** in co-operation with the UNICEF hosted the first OSCE sexual crimes police training workshop on sexual abuse of children (Vienna, July 2004).
"""
ACTIVITIES = """In 2007 the OSCE Mission to Moldova organized a round table on the National Referral System
with the International Organization for Migration.

The ODIHR supported a training seminar for judges in Tbilisi (Georgia) in March 2007.

The Centre in Almaty held a workshop on labour trafficking (8-10 November 2005).
"""


@pytest.fixture
def corpus(tmp_path):
    return excerpt_corpus(tmp_path / "corpus", provisions=PROVISIONS, activities=ACTIVITIES)


def _cached(out, corpus, extractor, **kw):
    seen = {}

    def progress(p):
        if p.stage == "read":
            seen[p.report.id] = p.cached

    result = build(corpus, out, extractor=extractor, on_progress=progress, **kw)
    return result, seen


@pytest.mark.parametrize("jobs", [1, 2])
def test_build_progress_reading_then_making_the_graph_of_each_report(tmp_path, corpus, extractor, jobs):
    events = []
    build(corpus, tmp_path / "out", extractor=extractor, jobs=jobs, cache=False, on_progress=events.append)
    assert [(p.stage, p.done, p.total) for p in events] == [
        ("read", 1, 2), ("read", 2, 2), ("graph", 1, 2), ("graph", 2, 2)
    ]
    assert {p.report.id for p in events if p.stage == "graph"} == {"activities", "provisions"}
    assert events[-1].chars == len(PROVISIONS) + len(ACTIVITIES)


def test_build_parse_in_chunks_keeps_offsets(extractor, monkeypatch):
    from pathlib import Path

    from cthbgraph.records import Report

    monkeypatch.setattr(parsing, "CHUNK_CHARS", 120)
    report = Report("r", Path("r.txt"), PROVISIONS + "\n\n" + ACTIVITIES)
    [(same, doc)] = list(extractor.parse([report]))
    assert same is report
    assert doc.text == clean(report.text)
    extraction = extractor.read(report, doc)
    assert extraction.bodies
    assert all(report.text[b.excerpt.start : b.excerpt.end] == b.excerpt.text for b in extraction.bodies)


def test_build_outputs_are_links_to_the_current_build(built):
    current = os.readlink(built.out / "current")
    assert current.startswith(".builds/")
    for name in ("cthb.ttl", "cthb.nt", "cthb.nq", "cthb.trig", "store"):
        assert os.readlink(built.out / name) == f"current/{name}"
    assert (built.out / "cthb.ttl").read_text(encoding="utf-8").startswith("@prefix")


def test_build_nothing_changed_keeps_the_current_build(tmp_path, corpus, extractor):
    first, _ = _cached(tmp_path / "out", corpus, extractor)
    target = os.readlink(tmp_path / "out" / "current")
    second = build(corpus, tmp_path / "out", extractor=extractor)
    assert second.reused and not first.reused
    assert (second.triples, second.class_counts, second.report_counts) == (first.triples, first.class_counts, first.report_counts)
    assert second.validation == first.validation
    assert os.readlink(tmp_path / "out" / "current") == target


def test_build_new_version_of_the_model_is_not_the_current_build(tmp_path, corpus, extractor, monkeypatch):
    out = tmp_path / "out"
    build(corpus, out, extractor=extractor)
    # Named by the default, the same model and version: kept, and spaCy is not even loaded.
    monkeypatch.delenv("CTHB_SPACY_MODEL", raising=False)
    assert build(corpus, out).reused
    # Another version under the name the build chooses: not kept, so the build loads that model
    # (here a model folder of which only meta.json exists, which spaCy cannot load).
    model = tmp_path / "model"
    model.mkdir()
    (model / "meta.json").write_text('{"lang": "en", "name": "core_web_sm", "version": "3.8.1"}', encoding="utf-8")
    monkeypatch.setenv("CTHB_SPACY_MODEL", str(model))
    with pytest.raises(ExtractionError):
        build(corpus, out)
    assert os.path.exists(out / "cthb.nt")


def test_build_changed_report_is_the_only_one_parsed_again(tmp_path, corpus, extractor):
    _, first = _cached(tmp_path / "out", corpus, extractor)
    assert first == {"activities": False, "provisions": False}
    (corpus / "activities.txt").write_text(ACTIVITIES.replace("2007", "2008"), encoding="utf-8")
    result, second = _cached(tmp_path / "out", corpus, extractor)
    assert second == {"activities": False, "provisions": True}
    assert not result.reused
    with open_store(result.out) as store:
        years = {row["date"] for row in store.select("SELECT ?date WHERE { ?a <http://purl.org/dc/terms/date> ?date }").dicts()}
    assert "2008-03" in years


def test_build_force_rereads_every_report_from_the_cache(tmp_path, corpus, extractor):
    first, _ = _cached(tmp_path / "out", corpus, extractor)
    again, seen = _cached(tmp_path / "out", corpus, extractor, force=True)
    assert seen == {"activities": True, "provisions": True} and not again.reused
    assert (tmp_path / "out" / "cthb.nt").read_bytes() == (first.out / "cthb.nt").read_bytes()


def test_build_without_cache_leaves_no_cache(tmp_path, corpus, extractor):
    build(corpus, tmp_path / "out", extractor=extractor, cache=False)
    assert not (tmp_path / "out" / ".cache").exists()


def test_build_unreadable_cache_entry_is_parsed_again(tmp_path, corpus, extractor):
    _cached(tmp_path / "out", corpus, extractor)
    for entry in (tmp_path / "out" / ".cache").rglob("*.*"):
        entry.write_bytes(b"not a cache entry")
    result, seen = _cached(tmp_path / "out", corpus, extractor, force=True)
    assert seen == {"activities": False, "provisions": False}
    assert result.validation.conforms


def test_build_jobs_give_the_same_graph(tmp_path, corpus, extractor, monkeypatch):
    # Small chunks so that each report is parsed in several pieces, by both processes.
    monkeypatch.setattr(parsing, "CHUNK_CHARS", 150)
    one = build(corpus, tmp_path / "one", extractor=extractor, cache=False)
    two = build(corpus, tmp_path / "two", extractor=extractor, cache=False, jobs=2)
    assert (tmp_path / "one" / "cthb.nt").read_bytes() == (tmp_path / "two" / "cthb.nt").read_bytes()
    assert one.report_counts == two.report_counts


def test_build_refuses_a_folder_another_build_is_writing(tmp_path, corpus, extractor):
    out = tmp_path / "out"
    out.mkdir()
    with open(out / ".lock", "a") as held:
        fcntl.flock(held, fcntl.LOCK_EX)
        with pytest.raises(OutputError, match="another build is writing"):
            build(corpus, out, extractor=extractor)
    assert build(corpus, out, extractor=extractor).validation.conforms


def test_build_refuses_a_folder_it_cannot_show_is_its_own(tmp_path, corpus, extractor):
    # The layout of the first versions (store-<digest> folders), or a user's files of the same names:
    # nothing says which, so nothing in it is replaced.
    out = tmp_path / "out"
    (out / "store-0123").mkdir(parents=True)
    (out / "store").symlink_to("store-0123")
    (out / "cthb.ttl").write_text("# an old build\n", encoding="utf-8")
    with pytest.raises(OutputError, match="not made by cthbgraph build") as refused:
        build(corpus, out, extractor=extractor)
    assert refused.value.exit_code == 4
    assert sorted(p.name for p in out.iterdir()) == ["cthb.ttl", "store", "store-0123"]
    assert (out / "cthb.ttl").read_text(encoding="utf-8") == "# an old build\n"


def test_build_keeps_the_previous_build_for_open_readers(tmp_path, corpus, extractor):
    out = tmp_path / "out"
    first = build(corpus, out, extractor=extractor)
    reader = open_store(out)
    (corpus / "activities.txt").write_text(ACTIVITIES + "\nThe ODIHR organized a conference in Vienna in 2009.\n", encoding="utf-8")
    second = build(corpus, out, extractor=extractor)
    assert second.triples != first.triples
    assert reader.triples() == first.triples
    reader.close()
    with open_store(out) as store:
        assert store.triples() == second.triples
