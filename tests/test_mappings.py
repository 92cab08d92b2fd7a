"""Links out: countries to ISO 3166 and Wikidata, bodies to Wikidata, Action Plan chapters to SDG targets."""

from __future__ import annotations

import json
import re

import pytest
from conftest import EXCERPT, excerpt_corpus
from rdflib import Graph, Literal, URIRef

from cthbgraph import mappings
from cthbgraph.builder import build
from cthbgraph.extract.places import PATTERNS
from cthbgraph.vocab import DCTERMS, SKOS

ID = "https://w3id.org/cthb/id/"
# The excerpt of the 2006 report (chapter III.10, an activity in Vienna) and a sentence naming
# Moldova and the Council of Europe.
MOLDOVA = "The OSCE Mission to Moldova organized a training for judges in Chisinau in co-operation with the Council of Europe in May 2005."


@pytest.fixture(scope="module")
def graph(tmp_path_factory, extractor):
    corpus = excerpt_corpus(tmp_path_factory.mktemp("corpus"), **{"excerpt-2006": EXCERPT + "\n" + MOLDOVA + "\n"})
    result = build(corpus, tmp_path_factory.mktemp("out"), extractor=extractor)
    assert result.validation.conforms
    return Graph().parse(result.out / "cthb.nt", format="nt")


def test_mappings_cover_every_country_of_the_gazetteer_once():
    names = [json.loads(line)["country"] for line in (PATTERNS / "places.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]
    countries = mappings.countries()
    assert sorted(countries) == sorted(names)
    keys = [c.key for c in countries.values()]
    codes = [c.iso for c in countries.values() if c.iso]
    assert len(set(keys)) == len(keys) and len(set(codes)) == len(codes)
    assert all(re.fullmatch(r"[A-Z]{2}", code) for code in codes)
    assert all(re.fullmatch(r"http://www\.wikidata\.org/entity/Q[1-9][0-9]*", c.wikidata) for c in countries.values() if c.wikidata)
    assert countries["Kosovo"].iso == ""  # ISO 3166-1 assigns Kosovo no code


def test_mappings_links_use_skos_matches_and_absolute_iris():
    for link in mappings.links():
        assert link.match in mappings.MATCHES
        assert re.fullmatch(r"https?://\S+", link.target)
        assert re.fullmatch(r"(body|section)/[\w.-]+", link.resource)


def test_mappings_activity_is_placed_in_its_country_with_iso_code_and_wikidata(graph):
    moldova = URIRef(ID + "country/md")
    assert (None, DCTERMS.spatial, moldova) in graph
    assert graph.value(moldova, SKOS.notation) == Literal("MD")
    assert graph.value(moldova, SKOS.exactMatch) == URIRef("http://www.wikidata.org/entity/Q217")
    assert graph.value(moldova, SKOS.prefLabel) == Literal("Moldova", lang="en")
    assert (None, DCTERMS.spatial, URIRef(ID + "country/at")) in graph  # Vienna, July 2004


def test_mappings_bodies_match_their_wikidata_items_only_where_checked(graph):
    assert graph.value(URIRef(ID + "body/council-of-europe"), SKOS.exactMatch) == URIRef("http://www.wikidata.org/entity/Q8908")
    assert graph.value(URIRef(ID + "body/spmu"), SKOS.exactMatch) is None  # no checked item: none emitted


def test_mappings_chapter_relates_to_the_sdg_targets_on_trafficking(graph):
    chapter = URIRef(ID + "section/III")
    assert (URIRef(ID + "section/III.10"), DCTERMS.isPartOf, chapter) in graph
    targets = {str(o) for o in graph.objects(chapter, SKOS.relatedMatch)}
    assert targets == {"http://metadata.un.org/sdg/5.2", "http://metadata.un.org/sdg/8.7", "http://metadata.un.org/sdg/16.2"}
