"""Exports read back by independent readers: rdflib and pyoxigraph, pyld, networkx, Graphviz, csv."""

from __future__ import annotations

import csv
import json
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import networkx as nx
import pyoxigraph as ox
import pytest
import rdflib
from click.testing import CliRunner

from cthbgraph.analysis import LinkFilter
from cthbgraph.cli import main
from cthbgraph.errors import OutputError, UnknownTermError
from cthbgraph.exports import FORMATS, ExportInput, Selection, export, get_format, load_triples, render, write_rendered
from cthbgraph.exports.heatmap import coverage_matrix
from cthbgraph.exports.rdf import context_path
from cthbgraph.exports.select import select


@pytest.fixture(scope="module")
def whole(built):
    """The built corpus graph, parsed once for the tests of this module."""
    return ExportInput(built.out, load_triples(built.out))


def written(whole, fmt: str, out: Path, **selection) -> tuple[Path, ...]:
    source = ExportInput(whole.graph_dir, whole.triples, Selection(**selection)) if selection else whole
    return write_rendered(render(fmt, source), out, get_format(fmt))


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def test_export_registry_names_every_format_with_media_type_and_help():
    assert {
        "turtle",
        "ntriples",
        "nquads",
        "rdfxml",
        "jsonld",
        "graphml",
        "gexf",
        "cytoscape",
        "dot",
        "html",
        "csv",
        "heatmap-svg",
        "heatmap-png",
    } <= set(FORMATS)
    for fmt in FORMATS.values():
        assert "/" in fmt.media_type and fmt.help
        assert callable(fmt.load())


@pytest.mark.parametrize(
    "fmt,oxformat",
    [
        ("turtle", ox.RdfFormat.TURTLE),
        ("ntriples", ox.RdfFormat.N_TRIPLES),
        ("nquads", ox.RdfFormat.N_QUADS),
        ("rdfxml", ox.RdfFormat.RDF_XML),
    ],
)
@pytest.mark.filterwarnings("ignore::DeprecationWarning")  # rdflib's N-Quads parser uses its own deprecated API
def test_export_rdf_reads_back_in_rdflib_and_pyoxigraph(whole, built, tmp_path, fmt, oxformat):
    (path,) = written(whole, fmt, tmp_path / f"cthb{get_format(fmt).extension}")
    by_oxigraph = list(ox.parse(path=str(path), format=oxformat))
    assert len(by_oxigraph) == built.triples
    rdflib_format = {"turtle": "turtle", "ntriples": "nt", "nquads": "nquads", "rdfxml": "xml"}[fmt]
    if fmt == "nquads":
        by_rdflib = rdflib.Dataset()
        by_rdflib.parse(path, format="nquads")
        assert sum(len(g) for g in by_rdflib.graphs()) == built.triples
    else:
        by_rdflib = rdflib.Graph().parse(path, format=rdflib_format)
        assert len(by_rdflib) == built.triples
        assert set(by_rdflib) == set(whole.graph)


def test_export_jsonld_expands_with_pyld_to_the_same_triples(whole, built, tmp_path):
    from pyld import jsonld

    main_file, context_file = written(whole, "jsonld", tmp_path / "cthb.jsonld")
    assert context_file == tmp_path / "context.jsonld"
    assert context_file.read_bytes() == context_path().read_bytes()
    document = json.loads(main_file.read_text(encoding="utf-8"))

    def offline(url, options=None):  # a reader with no network: the context must be enough
        if url.endswith("context.jsonld"):
            return {"contextUrl": None, "documentUrl": url, "document": json.loads(context_file.read_text())}
        raise AssertionError(f"tried to fetch {url}")

    nquads = jsonld.to_rdf(jsonld.expand(document, {"documentLoader": offline}), {"format": "application/n-quads"})
    assert len({line for line in nquads.splitlines() if line.strip()}) == built.triples
    read = {str(q.triple) for q in ox.parse(nquads.encode("utf-8"), format=ox.RdfFormat.N_QUADS)}
    assert read == {str(t) for t in whole.triples}  # the very same triples, not only as many
    # The same document pointing at the published context file reads the same.
    document["@context"] = "https://example.org/cthb/context.jsonld"
    nquads = jsonld.to_rdf(document, {"format": "application/n-quads", "documentLoader": offline})
    assert len({line for line in nquads.splitlines() if line.strip()}) == built.triples


def test_export_jsonld_reads_as_plain_json(whole, tmp_path):
    main_file, _ = written(whole, "jsonld", tmp_path / "cthb.jsonld")
    nodes = {n["id"]: n for n in json.loads(main_file.read_text(encoding="utf-8"))["@graph"]}
    provision = nodes["provision:III.10.2"]
    assert provision["type"] == "Provision" and provision["notation"] == "III.10.2"
    assert set(provision["tasks"]) == {"body:spmu", "body:oceea"}
    assert nodes["body:spmu"]["name"] == "Strategic Police Matters Unit"


@pytest.mark.parametrize("fmt,reader", [("graphml", nx.read_graphml), ("gexf", nx.read_gexf)])
def test_export_network_reads_back_in_networkx(whole, tmp_path, fmt, reader):
    (path,) = written(whole, fmt, tmp_path / f"cthb.{fmt}")
    back = reader(path)
    net = whole.network
    assert back.number_of_nodes() == net.number_of_nodes()
    assert back.number_of_edges() == net.number_of_edges()
    provision = next(a for _, a in back.nodes(data=True) if a.get("notation") == "III.10.2")
    assert provision["type"] == "Provision" and provision["chapter"] == "III"
    relation = "relation" if fmt == "gexf" else "type"  # GEXF reserves an edge's "type"
    assert {a[relation] for _, _, a in back.edges(data=True)} >= {"tasks", "carriedOutBy", "implements", "cites"}
    body = next(a for _, a in back.nodes(data=True) if a.get("label") == "Strategic Police Matters Unit")
    assert body["kind"] == "SecretariatUnit" and int(body["activities"]) > 0


def test_export_network_links_carry_basis_and_score(whole, tmp_path):
    net = whole.network
    links = [(k, a) for _, _, k, a in net.edges(keys=True, data=True) if k in ("implements", "mayImplement")]
    assert {a["basis"] for k, a in links if k == "mayImplement"} == {"inferred"}
    assert {a["basis"] for k, a in links if k == "implements"} <= {"cited", "placed", "stated"}
    assert all(0 < a["score"] <= 1 for _, a in links) and all(a["score"] == 1.0 for k, a in links if k == "implements")
    (path,) = written(whole, "gexf", tmp_path / "cthb.gexf")
    back = [a for _, _, a in nx.read_gexf(path).edges(data=True) if a["relation"] == "mayImplement"]
    assert back and all(a["basis"] == "inferred" and 0 < float(a["score"]) <= 1 for a in back)
    (path,) = written(whole, "cytoscape", tmp_path / "cthb.cyjs")
    edges = json.loads(path.read_text(encoding="utf-8"))["elements"]["edges"]
    assert {e["data"]["basis"] for e in edges if e["classes"] == "mayImplement"} == {"inferred"}


@pytest.mark.parametrize("links,confidence", [(LinkFilter("stated"), 0.0), (LinkFilter("all", 0.5), 0.0), (LinkFilter(), 0.9)])
def test_export_network_takes_the_link_and_confidence_filters(whole, links, confidence):
    net = ExportInput(whole.graph_dir, whole.triples, links=links, min_confidence=confidence).network
    kept = [a for _, _, k, a in net.edges(keys=True, data=True) if k == "mayImplement"]
    every = [a for _, _, k, a in whole.network.edges(keys=True, data=True) if k == "mayImplement"]
    assert len(kept) < len(every)
    if links.basis == "stated":
        assert kept == []
    assert all(a["score"] >= links.min_score for a in kept)
    low = [n for n, a in net.nodes(data=True) if a["type"] in ("Activity", "Body") and a.get("confidence", 1) < confidence]
    assert low == []
    if confidence:
        assert net.number_of_nodes() < whole.network.number_of_nodes()


def test_export_cytoscape_json_has_every_element(whole, tmp_path):
    (path,) = written(whole, "cytoscape", tmp_path / "cthb.cyjs")
    elements = json.loads(path.read_text(encoding="utf-8"))["elements"]
    assert len(elements["nodes"]) == whole.network.number_of_nodes()
    assert len(elements["edges"]) == whole.network.number_of_edges()
    assert all({"id", "type", "label"} <= set(n["data"]) for n in elements["nodes"])


def rendered_svg(dot_file: Path, command: str = "dot") -> ET.Element:
    done = subprocess.run([command, "-Tsvg", str(dot_file)], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    return ET.fromstring(done.stdout)


def svg_size(svg: ET.Element) -> tuple[float, float]:
    """Width and height of a Graphviz SVG in pixels (Graphviz writes points: 72 a inch, 96 px a inch)."""
    return tuple(float(svg.get(side).removesuffix("pt")) * 96 / 72 for side in ("width", "height"))


@pytest.mark.skipif(not shutil.which("dot"), reason="Graphviz is not installed")
@pytest.mark.parametrize("focus", ["III.10.2", "ODIHR"])
def test_export_dot_small_selection_is_ranked_by_dot_with_a_legend(whole, tmp_path, focus):
    (path,) = written(whole, "dot", tmp_path / "part.dot", focus=focus, depth=1)
    assert 'layout="dot"' in path.read_text(encoding="utf-8")
    svg = rendered_svg(path)
    text = " ".join(t.text or "" for t in svg.iter("{http://www.w3.org/2000/svg}text"))
    assert "Legend" in text and "provision (box)" in text and "tasks" in text


@pytest.mark.skipif(not shutil.which("sfdp"), reason="Graphviz is not installed")
@pytest.mark.parametrize("command", ["dot", "sfdp"])
def test_export_dot_whole_graph_renders_as_a_readable_picture(whole, tmp_path, command):
    (path,) = written(whole, "dot", tmp_path / "whole.dot")
    text = path.read_text(encoding="utf-8")
    assert 'layout="sfdp"' in text and 'overlap="prism"' in text and 'K="0.6"' in text
    svg = rendered_svg(path, command)  # the layout attribute wins over the command's own layout
    width, height = svg_size(svg)
    assert 1 / 3 <= width / height <= 3, (width, height)  # not a strip
    assert max(width, height) <= 8000, (width, height)
    drawn = [g for g in svg.iter("{http://www.w3.org/2000/svg}g") if g.get("class") == "node"]
    assert len(drawn) == whole.network.number_of_nodes()


@pytest.mark.parametrize(
    "selection,present,absent",
    [
        ({"focus": "III.10.2", "depth": 1}, {"Strategic Police Matters Unit", "III.10.2"}, {"III.9.1"}),
        ({"focus": "spmu", "depth": 1}, {"Strategic Police Matters Unit", "III.10.2", "III.10.1"}, {"IV.8.1"}),
        ({"focus": "https://w3id.org/cthb/id/provision/IV.8.1", "depth": 0}, {"IV.8.1"}, {"III.10.2"}),
        ({"chapter": "III.10", "depth": 0}, {"III.10.1", "III.10.2"}, {"III.9.1", "IV.8.1"}),
    ],
)
def test_export_selection_keeps_the_neighbourhood(whole, selection, present, absent):
    net = ExportInput(whole.graph_dir, whole.triples, Selection(**selection)).selected
    names = {a.get("notation") or a["label"] for _, a in net.nodes(data=True)}
    assert present <= names
    assert not (absent & names)


def test_export_selection_focus_by_decision_symbol_in_any_spelling(whole):
    net = ExportInput(whole.graph_dir, whole.triples, Selection(focus="MC.DEC 3/06", depth=0)).selected
    assert [a["notation"] for _, a in net.nodes(data=True)] == ["MC.DEC/3/06"]


def test_export_unknown_focus_names_the_closest(whole):
    with pytest.raises(UnknownTermError) as caught:
        select(whole.network, Selection(focus="III.10.9"))
    assert "III.10.2" in caught.value.hint


def test_export_csv_tables_for_spreadsheets(whole, built, tmp_path):
    folder, *files = written(whole, "csv", tmp_path / "tables")
    assert sorted(p.name for p in folder.iterdir()) == ["activities.csv", "bodies.csv", "provisions.csv", "tasking.csv"]

    def rows(name):
        with open(folder / name, encoding="utf-8-sig", newline="") as handle:
            return list(csv.DictReader(handle))

    counts = dict(built.class_counts)
    assert len(rows("provisions.csv")) == counts["Provision"]
    assert len(rows("bodies.csv")) == counts["Body"]
    assert len(rows("activities.csv")) == counts["Activity"]
    tasking = rows("tasking.csv")
    assert {(r["provision"], r["relation"], r["body"]) for r in tasking} >= {
        ("III.10.2", "tasks", "Strategic Police Matters Unit"),
    }
    assert all(r["evidence"] for r in tasking)


def test_export_heatmap_matrix_counts_what_the_graph_says(store, whole):
    matrix = coverage_matrix(store, chapter="III.10")
    assert matrix.rows == ("III.10.1", "III.10.2", "III.10.3", "III.10.4")
    # The same cells counted independently, on the network built from the graph.
    net = whole.network
    provision = {a["notation"]: n for n, a in net.nodes(data=True) if a["type"] == "Provision"}
    for i, notation in enumerate(matrix.rows):
        activities = [s for s, _, k in net.in_edges(provision[notation], keys=True) if k in ("implements", "mayImplement")]
        doers = [o for a in activities for _, o, k in net.out_edges(a, keys=True) if k == "carriedOutBy"]
        assert sum(matrix.counts[i]) == len(doers)
        inferred = [s for s, _, k in net.in_edges(provision[notation], keys=True) if k == "mayImplement"]
        assert sum(matrix.inferred[i]) == len([o for a in inferred for _, o, k in net.out_edges(a, keys=True) if k == "carriedOutBy"])
        tasked = {net.nodes[o]["label"] for _, o, k in net.out_edges(provision[notation], keys=True) if k == "tasks"}
        assert len([j for r, j in matrix.tasked if r == i]) == len(tasked)
    spmu = matrix.columns.index("SPMU")  # named by acronym; III.10.2 tasks the SPMU
    assert (matrix.rows.index("III.10.2"), spmu) in matrix.tasked
    assert matrix.gaps == sum(1 for r, c in matrix.tasked if matrix.counts[r][c] == 0)


@pytest.mark.parametrize("chapter", ["III.9", ""])  # a chapter with cells of stated and inferred links
def test_export_heatmap_counts_stated_and_inferred_apart_as_coverage_does(store, chapter):
    from cthbgraph.analysis import LinkFilter, coverage

    every, stated = coverage_matrix(store, chapter), coverage_matrix(store, chapter, LinkFilter("stated"))
    # The same figures as `cthbgraph coverage`: per cell the activities, and of them the inferred.
    cov = coverage(store, chapter=chapter or None)
    assert sum(map(sum, every.counts)) == sum(cov.counts.values())
    assert sum(map(sum, every.inferred)) == sum(cov.inferred.values())
    assert 0 < sum(map(sum, stated.counts)) < sum(map(sum, every.counts))
    assert sum(map(sum, stated.inferred)) == 0
    assert sum(map(sum, stated.counts)) == sum(map(sum, every.counts)) - sum(map(sum, every.inferred))
    mixed = [(i, j) for i, row in enumerate(every.inferred) for j, n in enumerate(row) if 0 < n < every.counts[i][j]]
    i, j = mixed[0]  # a cell with stated and inferred links: "3(1i)"
    assert every.label(i, j) == f"{every.counts[i][j]}({every.inferred[i][j]}i)"
    strong = coverage_matrix(store, chapter, LinkFilter("all", 0.5))
    assert sum(map(sum, stated.counts)) <= sum(map(sum, strong.counts)) < sum(map(sum, every.counts))


@pytest.mark.parametrize("minimum", [0.9, 1.0])
def test_export_heatmap_min_confidence_leaves_out_activities_and_bodies(store, minimum):
    every, sure = coverage_matrix(store), coverage_matrix(store, min_confidence=minimum)
    assert sum(map(sum, sure.counts)) < sum(map(sum, every.counts))
    assert set(sure.columns) < set(every.columns)
    assert sure.rows == every.rows  # the provisions stay, with fewer counts


def test_export_heatmap_svg_writes_the_inferred_part(whole, tmp_path):
    (svg,) = written(whole, "heatmap-svg", tmp_path / "coverage.svg", chapter="III.10")
    text = svg.read_text(encoding="utf-8")
    assert re.search(r">\d+\(\d+i\)<", text) and "linked by inference" in text
    source = ExportInput(whole.graph_dir, whole.triples, Selection(chapter="III.10"), LinkFilter("stated"))
    stated = render("heatmap-svg", source).files[0][1].decode("utf-8")
    assert not re.search(r">\d+\(\d+i\)<", stated) and "links stated by the reports" in stated


def test_export_heatmap_svg_and_png(whole, tmp_path):
    (svg,) = written(whole, "heatmap-svg", tmp_path / "coverage.svg")
    root = ET.parse(svg).getroot()
    assert root.tag.endswith("svg") and "III.10.2" in svg.read_text(encoding="utf-8")
    (png,) = written(whole, "heatmap-png", tmp_path / "coverage.png", chapter="III")
    import matplotlib.image

    height, width, _ = matplotlib.image.imread(png).shape
    assert width > 300 and height > 200


def test_export_is_the_same_file_every_time(whole, tmp_path):
    for fmt in ("turtle", "jsonld", "graphml", "html", "heatmap-svg"):
        first = render(fmt, whole).files[0][1]
        assert render(fmt, ExportInput(whole.graph_dir, list(reversed(whole.triples)))).files[0][1] == first, fmt


def test_cli_export_writes_file_and_says_what(built, tmp_path):
    out = tmp_path / "iii-10-2.graphml"
    result = run(
        "export",
        "--format",
        "graphml",
        "--focus",
        "III.10.2",
        "--depth",
        "2",
        "--graph-dir",
        str(built.out),
        "--out",
        str(out),
    )
    assert result.exit_code == 0, result.output
    assert "Wrote" in result.output and "neighbourhood of III.10.2 (depth 2)" in result.output
    assert nx.read_graphml(out).number_of_nodes() > 3


def test_cli_export_to_standard_output(built):
    result = run("export", "--format", "ntriples", "--graph-dir", str(built.out), "--out", "-")
    assert result.exit_code == 0
    assert len(result.stdout.splitlines()) == built.triples


@pytest.mark.parametrize(
    "args,code,message,hint",
    [
        (["--format", "graphm"], 2, "Error: unknown export format 'graphm'", "graphml"),
        (["--format", "html", "--focus", "III.10.9"], 2, "no provision, body or decision 'III.10.9'", "III.10.2"),
        (["--format", "gexf", "--chapter", "IX"], 2, "no provision of chapter 'IX'", "III"),
        (["--format", "turtle", "--focus", "ODIHR"], 2, "--focus does not apply to --format turtle", "graphml"),
        (["--format", "heatmap-png", "--out", "-"], 2, "cannot be written to standard output", "--out FILE"),
        (["--format", "turtle", "--basis", "stated"], 2, "--basis, --min-score and --min-confidence do not apply", "heatmap-svg"),
    ],
)
def test_cli_export_bad_input_is_one_line_and_no_file(built, tmp_path, monkeypatch, args, code, message, hint):
    monkeypatch.chdir(tmp_path)
    result = run("export", *args, "--graph-dir", str(built.out))
    assert result.exit_code == code
    lines = result.output.strip().splitlines()
    assert lines[0].startswith("Error:") and message in lines[0]
    assert hint in lines[1]
    assert list(tmp_path.iterdir()) == []


def _surest_inferred_link(whole, chapter: str) -> tuple[float, float]:
    """The score of the strongest inferred link into a provision of ``chapter`` and its activity's
    confidence: thresholds at which the chapter keeps at least that one link."""
    net = whole.network
    links = [
        (a["score"], net.nodes[s].get("confidence", 1.0))
        for s, o, k, a in net.edges(keys=True, data=True)
        if k == "mayImplement" and net.nodes[o].get("notation", "").startswith(chapter + ".")
    ]
    return max(links)


@pytest.mark.parametrize("case", ["all links", "stated only", "strong and sure"])
def test_cli_export_heatmap_takes_the_link_options(built, whole, tmp_path, case):
    args, inferred = {"all links": ([], True), "stated only": (["--basis", "stated"], False)}.get(case, ([], True))
    if case == "strong and sure":
        score, confidence = _surest_inferred_link(whole, "III.10")
        args = ["--min-score", repr(score), "--min-confidence", repr(confidence)]
    out = tmp_path / "coverage.svg"
    result = run("export", "--format", "heatmap-svg", "--chapter", "III.10", "--graph-dir", str(built.out), "--out", str(out), *args)
    assert result.exit_code == 0, result.output
    counted = re.search(r"(\d+) activity links, (\d+) of them inferred", result.output)
    assert (int(counted.group(2)) > 0) is inferred and int(counted.group(1)) > 0
    assert bool(re.search(r">\d+\(\d+i\)<", out.read_text(encoding="utf-8"))) is inferred


@pytest.mark.parametrize("value", ["1.5", "-0.1", "high"])
def test_cli_export_min_confidence_outside_0_1_is_a_usage_error(built, tmp_path, value):
    result = run("export", "--format", "gexf", "--graph-dir", str(built.out), "--out", str(tmp_path / "x.gexf"), "--min-confidence", value)
    assert result.exit_code == 2
    assert "Invalid value for '--min-confidence'" in result.output.strip().splitlines()[-1]
    assert list(tmp_path.iterdir()) == []


def test_cli_export_unwritable_path_leaves_nothing(built, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    result = run("export", "--format", "html", "--graph-dir", str(built.out), "--out", str(blocker / "page.html"))
    assert result.exit_code == 4
    assert result.output.startswith("Error: cannot write")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a-file"]


def test_export_failed_write_keeps_the_previous_file(whole, tmp_path):
    target = tmp_path / "cthb.jsonld"
    target.write_text("previous")
    (tmp_path / "context.jsonld").mkdir()  # the second file of a JSON-LD export cannot be written
    with pytest.raises(OutputError):
        written(whole, "jsonld", target)
    assert target.read_text() == "previous"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["context.jsonld", "cthb.jsonld"]


def test_export_missing_build_is_a_clear_error(tmp_path):
    from cthbgraph.errors import StoreError

    with pytest.raises(StoreError, match="no built graph"):
        export("turtle", tmp_path / "x.ttl", graph_dir=tmp_path / "nothing")
    assert not (tmp_path / "x.ttl").exists()


def test_export_reads_the_store_when_the_graph_files_are_gone(built, tmp_path):
    only_store = tmp_path / "build"
    only_store.mkdir()
    (only_store / "store").symlink_to((built.out / "store").resolve())
    assert len(load_triples(only_store)) == built.triples
