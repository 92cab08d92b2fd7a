"""The static linked-data site: files at the paths of the IRIs, rewritten IRIs, dataset record, rebuilds."""

from __future__ import annotations

import gzip
import os
import re
import subprocess
import sys
import threading
import xml.etree.ElementTree as ET
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.request import Request, urlopen

import pyoxigraph as ox
import pytest
from pyshacl import validate as shacl_validate
from rdflib import Graph, URIRef

from cthbgraph import vocab
from cthbgraph.lod.catalog import DCAT_AP_SHAPES
from cthbgraph.lod.sitewrite import load_site, write_site
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


def test_site_provision_page_shows_the_basis_of_each_activity(site_dir, built):
    # Counted independently from the graph: every activity that implements it or may implement it,
    # on the first provision with both kinds of link (which ones have both, the linker decides).
    g = Graph().parse(built.out / "cthb.nt", format="nt")
    provision = min(set(g.objects(None, CTHB.implements)) & set(g.objects(None, CTHB.mayImplement)))
    notation = str(g.value(provision, SKOS.notation))
    html = (site_dir / "provision" / f"{notation}.html").read_text(encoding="utf-8")
    table = re.search(r'<section class="provision">.*?<table class="activities">(.*?)</table>', html, re.S).group(1)
    assert re.findall(r">(\w+)</th>", table) == ["Activity", "Date", "Report", "Basis"]  # "Carried out by" has spaces
    bases = re.findall(r"<td>(stated|inferred [01]\.\d+)</td></tr>", table)
    assert bases.count("stated") == len(set(g.subjects(CTHB.implements, provision))) > 0
    inferred = [b for b in bases if b.startswith("inferred")]
    assert len(inferred) == len(set(g.subjects(CTHB.mayImplement, provision))) > 0
    # Stated links first, then inferred ones, strongest first.
    assert bases == ["stated"] * bases.count("stated") + sorted(inferred, key=lambda b: -float(b.split()[1]))


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
    dumps = ("cthb.ttl", "cthb.nt.gz", "cthb.nq.gz", "cthb.trig")
    assert sizes == {BASE + f"dumps/{name}": (site_dir / "dumps" / name).stat().st_size for name in dumps}
    media = {str(record.value(d, vocab.DCAT.downloadURL)).rsplit("/", 1)[-1]: str(record.value(d, vocab.DCAT.mediaType)) for d in record.objects(dataset, vocab.DCAT.distribution)}
    assert media["cthb.nq.gz"].endswith("/application/n-quads") and media["cthb.trig"].endswith("/application/trig")


def test_site_named_graph_dumps_are_under_the_new_base(site_dir, built):
    original = load_site(built.out).base
    nq = gzip.decompress((site_dir / "dumps" / "cthb.nq.gz").read_bytes())
    quads = list(ox.parse(nq, format=ox.RdfFormat.N_QUADS))
    assert quads and original not in nq.decode()
    assert {q.graph_name.value for q in quads} == {q.graph_name.value for q in ox.parse(path=str(site_dir / "dumps" / "cthb.trig"), format=ox.RdfFormat.TRIG)}
    assert all(q.graph_name.value.startswith(BASE + "graph/report/") for q in quads)


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


def test_site_body_page_shows_tasked_by_first_then_its_activities(site_dir, built):
    html = (site_dir / "body" / "spmu.html").read_text(encoding="utf-8")
    order = [html.index(h) for h in ("<h2>Tasked by</h2>", "<h2>Activities (", "<h2>Facts</h2>")]
    assert order == sorted(order)
    tasked_by = re.search(r'<ul class="tasked-by">(.*?)</ul>', html, re.S).group(1)
    assert '<a href="../provision/III.10.2.html">Provision III.10.2</a>' in tasked_by
    header = re.search(r'<table class="activities">\s*<thead><tr>(.*?)</tr>', html, re.S).group(1)
    assert re.findall(r">(\w+)</th>", header) == ["Year", "Type", "Provision", "Basis", "Activity"]
    # One row per activity and linked provision, counted independently from the graph.
    g = Graph().parse(built.out / "cthb.nt", format="nt")
    spmu = next(s for s, o in g.subject_objects(SKOS.prefLabel) if str(o) == "Strategic Police Matters Unit")
    linked = (CTHB.implements, CTHB.mayImplement)
    expected = sum(max(1, len({p for k in linked for p in g.objects(a, k)})) for a in set(g.subjects(CTHB.carriedOutBy, spmu)))
    rows = re.findall(r"<tr><td>(\d{4})?</td><td>[^<]*</td><td>(.*?)</td><td>(.*?)</td>", html)
    assert len(rows) == expected
    # A link the report states, or one inferred from content with its score (cthbgraph.linking).
    bases = {basis.split(" ", 1)[0] for _, provision, basis in rows if provision}
    assert bases == {"stated", "inferred"}


def test_site_pages_name_reverse_links_as_people_read_them(site_dir):
    provision = (site_dir / "provision" / "III.10.2.html").read_text(encoding="utf-8")
    assert '<th scope="row"><a href="../ontology.html#implements">implemented by</a></th>' in provision
    for page in ("body/odihr.html", "provision/III.10.2.html", "report/osce-2006-policy-to-practice.html"):
        html = (site_dir / page).read_text(encoding="utf-8")
        assert not re.search(r">is [^<]* of<|>is <a", html), page


def test_site_body_pages_repeat_no_link(site_dir):
    for page in sorted((site_dir / "body").glob("*.html")):
        html = page.read_text(encoding="utf-8")
        for cell in re.findall(r'<table class="facts[^"]*">(.*?)</table>', html, re.S):
            for row in re.findall(r"<td>(.*?)</td>", cell, re.S):
                links = re.findall(r'<a href="([^"]+)">([^<]*)</a>', row)
                assert len(links) == len(set(links)), page.name


def test_site_every_page_has_a_meta_description(site_dir):
    pages = list(site_dir.rglob("*.html"))
    assert len(pages) > 1000
    for page in pages:
        found = re.search(r'<meta name="description" content="([^"]{20,})">', page.read_text(encoding="utf-8"))
        assert found, page.relative_to(site_dir)


def test_site_activity_table_takes_basis_and_score_from_the_query():
    """A stated link (cthb:implements) and an inferred one (cthb:mayImplement with a LinkAssessment score)."""
    from cthbgraph.lod import pages

    ex = "https://example.org/cthb/id/"
    data = f"""
        @prefix cthb: <https://w3id.org/cthb/ontology#> . @prefix dcterms: <http://purl.org/dc/terms/> .
        <{ex}activity/r/1-9> cthb:carriedOutBy <{ex}body/odihr> ; dcterms:date "2006-05-01" ;
            cthb:implements <{ex}provision/III.10.2> ; cthb:mayImplement <{ex}provision/V.1> .
        [] a cthb:LinkAssessment ; cthb:activity <{ex}activity/r/1-9> ; cthb:provision <{ex}provision/V.1> ;
            cthb:basis "inferred" ; cthb:score 0.8 .
    """
    graph = Graph().parse(data=data, format="turtle")
    rows = pages.activity_rows(graph)[URIRef(ex + "body/odihr")]
    assert [(r["year"], str(r["provision"]).rsplit("/", 1)[1], r["basis"], r["score"]) for r in rows] == [
        ("2006", "III.10.2", "stated", ""),
        ("2006", "V.1", "inferred", "0.8"),
    ]


@pytest.mark.parametrize("restore_fails", [False, True])
def test_site_swap_keeps_the_old_site_when_the_rename_fails(built, tmp_path, monkeypatch, restore_fails):
    from cthbgraph import fsio
    from cthbgraph.errors import OutputError

    out = tmp_path / "site"
    write_site(built.out, out, BASE)
    (out / "index.html").write_text("the previous site", encoding="utf-8")
    real_replace = os.replace

    def failing_replace(src, dst):
        aside = ".old-" in Path(src).name
        if (Path(src).name.startswith(".site.") and not aside) or (restore_fails and aside):
            raise OSError(28, "No space left on device")
        return real_replace(src, dst)

    monkeypatch.setattr(fsio.os, "replace", failing_replace)
    with pytest.raises(OutputError) as caught:
        write_site(built.out, out, BASE)
    if restore_fails:  # neither the new site in nor the previous one back: the hint says where it is
        (old,) = tmp_path.glob(".site.old-*")
        assert str(old) in caught.value.hint and (old / "index.html").read_text(encoding="utf-8") == "the previous site"
    else:
        assert (out / "index.html").read_text(encoding="utf-8") == "the previous site"
        assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]  # no staging or backup left behind
