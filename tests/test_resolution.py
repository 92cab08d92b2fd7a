"""Variants of one name resolve to one resource, and rebuilding gives the same IRIs byte for byte."""

from __future__ import annotations

import random

import pytest
from conftest import excerpt_corpus

from cthbgraph.corpus import load_corpus
from cthbgraph.graph import build_graph
from cthbgraph.ntriples import sorted_ntriples

# Real sentences of the 2007 and 2006 reports, one spelling of the same decision each.
DECISION_VARIANTS = {
    "symbol": "The mandate of the Special Representative is set out in MC.DEC/03/06.",
    "spaced-symbol": "The Action Plan was reinforced by MC.DEC 3/06 on combating trafficking.",
    "prose": "The Co-ordinator reports to fulfil the terms of the Ministerial Council Decision No. 3/06, Combating Trafficking in Human Beings.",
    "city": "The Brussels Ministerial Council Decision No. 3 asked the participating States to act.",
}

BODY_VARIANTS = {
    "acronym": "In 2005 the ODIHR organized a round table in Warsaw.",
    "slash": "The OSCE/ODIHR published a handbook on National Referral Mechanisms in 2004.",
    "full": "The Office for Democratic Institutions and Human Rights supported the Mission to Moldova.",
}


@pytest.mark.parametrize("name, sentence", DECISION_VARIANTS.items())
def test_resolution_decision_variants_are_one_document(extractor, tmp_path, name, sentence):
    report = load_corpus(excerpt_corpus(tmp_path, **{name: sentence})).reports[0]
    refs = [d for d in extractor.extract(report).decisions if d.kind == "Decision"]
    assert [(d.key, d.notation) for d in refs] == [("mc-dec-3-06", "MC.DEC/3/06")]


@pytest.mark.parametrize("name, sentence", BODY_VARIANTS.items())
def test_resolution_body_variants_are_one_body(extractor, tmp_path, name, sentence):
    report = load_corpus(excerpt_corpus(tmp_path, **{name: sentence})).reports[0]
    keys = {b.key for b in extractor.extract(report).bodies}
    assert "odihr" in keys


def test_resolution_unlisted_field_operation_found_by_its_name(extractor, tmp_path):
    text = "The OSCE Mission to Atlantis trained forty border guards in March 2006."
    report = load_corpus(excerpt_corpus(tmp_path, r=text)).reports[0]
    bodies = extractor.extract(report).bodies
    assert [(b.key, b.kind) for b in bodies] == [("mission-atlantis", "FieldOperation")]


def test_resolution_iris_stable_across_rebuilds_in_any_order(extractor, tmp_path):
    corpus = excerpt_corpus(tmp_path / "c", **{f"r{i}": s for i, s in enumerate([*DECISION_VARIANTS.values(), *BODY_VARIANTS.values()])})
    reports = list(load_corpus(corpus).reports)
    extractions = [extractor.extract(r) for r in reports]
    first = sorted_ntriples(build_graph(extractions))
    random.Random(7).shuffle(extractions)
    again = sorted_ntriples(build_graph([extractor.extract(e.report) for e in extractions]))
    assert first == again
    assert b"<https://w3id.org/cthb/id/decision/mc-dec-3-06>" in first
    assert b"<https://w3id.org/cthb/id/body/odihr>" in first


def test_resolution_real_build_has_one_resource_per_decision(store):
    rows = store.select(
        """PREFIX cthb: <https://w3id.org/cthb/ontology#>
           PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
           SELECT ?notation (COUNT(DISTINCT ?d) AS ?n) WHERE { ?d a cthb:Decision ; skos:notation ?notation }
           GROUP BY ?notation HAVING (COUNT(DISTINCT ?d) > 1)"""
    )
    assert rows.rows == ()
