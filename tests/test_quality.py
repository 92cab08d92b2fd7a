"""The measured accuracy published with the data: dqv:QualityMeasurement in DCAT, a table on the home page."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from pyshacl import validate as shacl_validate
from rdflib import Graph

from cthbgraph.lod.catalog import DCAT_AP_OFFICIAL, dataset_iri
from cthbgraph.lod.quality import DQV, QUALITY_FILE, measures_of, read_quality, write_quality
from cthbgraph.lod.sitewrite import load_site
from cthbgraph.vocab import DCTERMS, SKOS

BASE = "https://example.org/cthb/id/"
# Rows as `cthbgraph evaluate --kind links` and `cthbgraph evaluate` print them.
LINK_ROWS = [("hold-out", "test", "exact", 86, 102, 0.843), ("judged", "test", "section", 10, 42, 0.238)]
EXTRACTION_ROWS = [("test", "bodies", "mentions", 90, 5, 10, 0.947, 0.9, 0.923, ""), ("test", "activities", "agent", 40, "", 10, "", "", "", 0.8)]


@pytest.fixture(scope="module")
def measured_site(small_build, tmp_path_factory):
    out, _ = small_build
    measures = measures_of(LINK_ROWS, kind="links", tool="cthbgraph 0.1.0", date="2026-12-06")
    measures += measures_of(EXTRACTION_ROWS, kind="extraction", tool="cthbgraph 0.1.0", date="2026-12-06")
    write_quality(Path(out) / QUALITY_FILE, measures)
    yield load_site(out, BASE, issued="2026-01-01")
    (Path(out) / QUALITY_FILE).unlink()


def test_quality_file_round_trips_and_merges(tmp_path):
    path = tmp_path / QUALITY_FILE
    write_quality(path, measures_of(LINK_ROWS, kind="links", tool="cthbgraph 0.1.0", date="2026-12-06"))
    write_quality(path, measures_of(LINK_ROWS[:1], kind="links", tool="cthbgraph 0.2.0", date="2026-12-07"))
    read = read_quality(path)
    assert [(m.metric, m.value, m.n, m.tool) for m in read] == [
        ("links hold-out test exact", 0.843, 102, "cthbgraph 0.2.0"),
        ("links judged test section", 0.238, 42, "cthbgraph 0.1.0"),
    ]


def test_quality_one_measurement_per_metric_in_dcat(measured_site):
    record = measured_site.catalog()
    nodes = list(record.objects(dataset_iri(BASE), DQV.hasQualityMeasurement))
    assert len(nodes) == len(LINK_ROWS) + len(EXTRACTION_ROWS)
    label = SKOS.prefLabel
    values = {str(record.value(record.value(n, DQV.isMeasurementOf), label)): record.value(n, DQV.value).toPython() for n in nodes}
    assert values["links hold-out test exact"] == Decimal("0.843")
    assert values["activities agent test accuracy"] == Decimal("0.800")
    for n in nodes:
        assert record.value(n, DQV.computedOn) == dataset_iri(BASE)
        assert record.value(n, DCTERMS.date) is not None


@pytest.mark.parametrize("shapes", DCAT_AP_OFFICIAL[:1], ids=lambda p: p.name)
def test_quality_record_still_passes_dcat_ap(measured_site, shapes):
    # With the extract of the EU authority tables that a SEMIC validator loads beside a record.
    data = measured_site.catalog() + Graph().parse(Path(__file__).parent / "standards" / "eu-vocabularies-extract.ttl")
    conforms, _, text = shacl_validate(data, shacl_graph=Graph().parse(shapes), inference="none")
    assert conforms, text


def test_quality_table_on_the_home_page(measured_site):
    home = measured_site.home()
    assert "Measured accuracy" in home and "links hold-out test exact" in home and "0.843" in home


def test_quality_takes_no_dev_test_gap_as_a_measurement():
    # `cthbgraph evaluate` (--split all) ends with dev-test rows: differences, without counts.
    gap = ("dev-test", "bodies", "mentions", "", "", "", 0.012, -0.03, -0.01, "")
    measures = measures_of([*EXTRACTION_ROWS, gap], kind="extraction", tool="cthbgraph 0.1.0", date="2026-12-06")
    assert [m.metric for m in measures] == ["bodies mentions test F1", "activities agent test accuracy"]
