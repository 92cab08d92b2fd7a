"""The static linked-data site: files at the paths of the IRIs, rewritten IRIs, dataset record, rebuilds."""

from __future__ import annotations

import gzip
import os
import subprocess
import sys
import threading
import xml.etree.ElementTree as ET
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.request import Request, urlopen

import pytest
from pyshacl import validate as shacl_validate
from rdflib import Graph, URIRef

from cthbgraph import vocab
from cthbgraph.lod.catalog import DCAT_AP_SHAPES
from cthbgraph.lod.site import load_site, write_site
from cthbgraph.vocab import CTHB, DCTERMS, RDF, SKOS

BASE = "https://example.org/cthb/id/"


@pytest.fixture(scope="module")
def site_dir(built, tmp_path_factory):
    out = tmp_path_factory.mktemp("site") / "site"
    write_site(built.out, out, BASE, issued="2026-01-01")
    return out


@pytest.mark.parametrize("path", ["body/odihr", "provision/III.10.2", "report/osce-2006-policy-to-practice"])
def test_site_writes_page_and_rdf_at_the_path_of_the_iri(site_dir, path):
    iri = URIRef(BASE + path)
    html = (site_dir / f"{path}.html").read_text(encoding="utf-8")
    assert f'<link rel="canonical" href="{iri}">' in html
    for name, fmt in ((f"{path}.ttl", "turtle"), (f"{path}.jsonld", "json-ld")):
        g = Graph().parse(site_dir / name, format=fmt)
        assert (iri, RDF.type, None) in g
    # the bare IRI resolves on a static server through the folder's index page
    assert f'url=../{path.rsplit("/", 1)[1]}.html' in (site_dir / path / "index.html").read_text(encoding="utf-8")


def test_site_provision_page_shows_text_tasked_bodies_and_evidence(site_dir):
    html = (site_dir / "provision" / "III.10.2.html").read_text(encoding="utf-8")
    assert "facilitate the exchange of information between participating States" in html
    assert '<ul class="tasked"><li><a href="../body/' in html
    assert "Strategic Police Matters Unit" in html
    assert "From Policy to Practice" in html  # the report the evidence sentence comes from


def test_site_provision_page_lists_implementing_activities(site_dir, built):
    g = Graph().parse(built.out / "cthb.nt", format="nt")
    implemented = sorted({str(o) for o in g.objects(None, CTHB.implements)})
    assert implemented, "the corpus has activities that name their provision"
    path = implemented[0].split("/id/", 1)[1]
    html = (site_dir / f"{path}.html").read_text(encoding="utf-8")
    assert '<table class="activities">' in html
    assert 'href="../activity/' in html


def test_site_rewrites_every_iri_under_the_new_base(site_dir, built):
    original = load_site(built.out).base
    assert original != BASE
    dump = gzip.decompress((site_dir / "dumps" / "cthb.nt.gz").read_bytes()).decode()
    assert original not in dump
    assert f"<{BASE}body/odihr>" in dump
    g = Graph().parse(site_dir / "dumps" / "cthb.ttl", format="turtle")
    assert len(g) == len(dump.strip().splitlines())
    assert not any(str(t).startswith(original) for triple in g for t in triple)


def test_site_class_indexes_have_a_search_box_and_every_resource(site_dir):
    html = (site_dir / "body" / "index.html").read_text(encoding="utf-8")
    assert '<input id="search" type="search"' in html
    assert 'href="../body/odihr.html"' in html
    assert (site_dir / "static" / "search.js").exists()


def test_site_ontology_page_documents_every_class_and_property(site_dir):
    html = (site_dir / "ontology.html").read_text(encoding="utf-8")
    for term in ("Provision", "Body", "tasks", "implements", "carriedOutBy", "reportYear"):
        assert f'id="{term}"' in html
    assert "One numbered commitment paragraph" in html or "numbered" in html


def test_site_dcat_record_conforms_to_the_dcat_ap_core_shapes(site_dir):
    record = Graph().parse(site_dir / "dcat.ttl", format="turtle")
    conforms, _, text = shacl_validate(record, shacl_graph=Graph().parse(DCAT_AP_SHAPES), inference="none")
    assert conforms, text
    dataset = next(record.subjects(RDF.type, vocab.DCAT.Dataset))
    assert (dataset, DCTERMS.license, URIRef("http://publications.europa.eu/resource/authority/licence/CC_BY_4_0")) in record
    assert str(record.value(dataset, DCTERMS.issued)) == "2026-01-01"
    sizes = {str(record.value(d, vocab.DCAT.downloadURL)): int(record.value(d, vocab.DCAT.byteSize)) for d in record.objects(dataset, vocab.DCAT.distribution)}
    assert sizes == {
        BASE + "dumps/cthb.ttl": (site_dir / "dumps" / "cthb.ttl").stat().st_size,
        BASE + "dumps/cthb.nt.gz": (site_dir / "dumps" / "cthb.nt.gz").stat().st_size,
    }


def test_site_dcat_shapes_report_a_dataset_without_title(site_dir):
    record = Graph().parse(site_dir / "dcat.ttl", format="turtle")
    dataset = next(record.subjects(RDF.type, vocab.DCAT.Dataset))
    record.remove((dataset, DCTERMS.title, None))
    conforms, _, text = shacl_validate(record, shacl_graph=Graph().parse(DCAT_AP_SHAPES), inference="none")
    assert not conforms
    assert "title" in text


def test_site_void_and_sitemap_describe_the_dataset(site_dir):
    void = Graph().parse(site_dir / "void.ttl", format="turtle")
    assert (None, URIRef("http://rdfs.org/ns/void#uriSpace"), None) in void
    assert (site_dir / ".well-known" / "void").read_bytes() == (site_dir / "void.ttl").read_bytes()
    urls = [loc.text for loc in ET.parse(site_dir / "sitemap.xml").getroot().iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    assert BASE + "provision/III.10.2" in urls
    assert len(urls) == len(set(urls))


def test_site_rebuild_gives_identical_files(site_dir, built, tmp_path):
    # Another process with another hash seed: set and dict orders differ, the files must not.
    env = {**os.environ, "PYTHONHASHSEED": "12345"}
    again = tmp_path / "again"
    cmd = [sys.executable, "-m", "cthbgraph", "site", "--out", str(again), "--graph-dir", str(built.out), "--base-iri", BASE, "--issued", "2026-01-01"]
    done = subprocess.run(cmd, env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    first = {p.relative_to(site_dir): p.read_bytes() for p in site_dir.rglob("*") if p.is_file()}
    second = {p.relative_to(again): p.read_bytes() for p in again.rglob("*") if p.is_file()}
    assert first.keys() == second.keys()
    assert [name for name in first if first[name] != second[name]] == []


def test_site_iris_resolve_on_a_plain_static_server(built, tmp_path):
    """Hosted where its base IRI points, the site answers every IRI with no server configuration."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), None)
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    write_site(built.out, tmp_path / "site", base)
    server.RequestHandlerClass = partial(_QuietHandler, directory=str(tmp_path / "site"))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        with urlopen(Request(base + "body/odihr")) as response:  # 301 to body/odihr/, then index.html
            assert '<link rel="canonical" href="%sbody/odihr">' % base in response.read().decode()
        with urlopen(base + "body/odihr.ttl") as response:
            g = Graph().parse(data=response.read(), format="turtle")
        assert (URIRef(base + "body/odihr"), SKOS.prefLabel, None) in g
    finally:
        server.shutdown()
        server.server_close()


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


def test_site_cli_without_a_build_says_what_to_do(tmp_path):
    done = subprocess.run(
        [sys.executable, "-m", "cthbgraph", "site", "--out", str(tmp_path / "s"), "--graph-dir", str(tmp_path / "none")],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 2
    assert done.stderr.startswith("Error: no graph at ")
    assert "Hint: build it first" in done.stderr
    assert "Traceback" not in done.stderr
    assert not Path(tmp_path / "s").exists()


def test_site_refuses_to_replace_a_folder_it_did_not_write(built, tmp_path):
    precious = tmp_path / "notes"
    precious.mkdir()
    (precious / "thesis.txt").write_text("years of work", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "cthbgraph", "site", "--out", str(precious), "--graph-dir", str(built.out)],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 4
    assert "is not empty and was not written by cthbgraph site" in done.stderr
    assert (precious / "thesis.txt").read_text(encoding="utf-8") == "years of work"


@pytest.mark.parametrize("base", ["file:///etc/", "https://example.org/cthb#", "example.org/cthb/", "https://example.org/a b/"])
def test_site_refuses_a_base_iri_it_cannot_be_hosted_at(built, tmp_path, base):
    done = subprocess.run(
        [sys.executable, "-m", "cthbgraph", "site", "--out", str(tmp_path / "s"), "--graph-dir", str(built.out), "--base-iri", base],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 2
    assert done.stderr.startswith("Error: --base-iri")
    assert not (tmp_path / "s").exists()
