"""The interactive page, opened from disk in a real headless Chromium with no network."""

from __future__ import annotations

import json
import math
import re
from pathlib import Path

import pytest

from cthbgraph.exports import ExportInput, Selection, get_format, load_triples, render, write_rendered


@pytest.fixture(scope="module")
def page_file(built, tmp_path_factory):
    source = ExportInput(built.out, load_triples(built.out))
    (path,) = write_rendered(render("html", source), tmp_path_factory.mktemp("page") / "cthb.html", get_format("html"))
    return path


def new_page(chromium, width: int = 1400, height: int = 900):
    context = chromium.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    page.requests, page.errors = [], []
    page.on("request", lambda r: page.requests.append(r.url))
    page.on("pageerror", lambda e: page.errors.append(str(e)))
    page.on("console", lambda m: page.errors.append(m.text) if m.type in ("error", "warning") else None)
    return context, page


@pytest.fixture
def page(chromium):
    context, page = new_page(chromium)
    yield page
    context.close()


def open_page(page, path: Path) -> None:
    page.goto(path.as_uri())
    page.wait_for_selector("body[data-ready=true]")


def drawn(page) -> list[dict]:
    return page.evaluate(
        "cthbView.cy.nodes().map(n => ({id: n.id(), type: n.data('type'), notation: n.data('notation'), "
        "label: n.data('short'), x: n.position('x'), y: n.position('y')}))"
    )


def click_on(page, selector_js: str) -> None:
    """Click, with the mouse, on the element of the drawing that ``selector_js`` (a JS function of cy) returns."""
    page.mouse.click(*point_on(page, selector_js))


def point_on(page, selector_js: str) -> tuple[float, float]:
    """Where on the page the element of the drawing that ``selector_js`` returns can be pointed at."""
    # On a link, the point of it farthest from every node: its midpoint may lie under another node.
    return page.evaluate(
        f"""() => {{ const cy = cthbView.cy, e = ({selector_js})(cy), box = cy.container().getBoundingClientRect();
        let p = e.isNode() ? e.renderedPosition() : e.renderedMidpoint();
        if (e.isEdge()) {{
          const a = e.source().renderedPosition(), b = e.target().renderedPosition(), others = cy.nodes(':visible');
          let best = -1;
          for (let t = 0.2; t <= 0.8; t += 0.05) {{
            const q = {{x: a.x + t * (b.x - a.x), y: a.y + t * (b.y - a.y)}};
            const free = Math.min(...others.map(n => Math.hypot(n.renderedPosition().x - q.x, n.renderedPosition().y - q.y) - n.renderedWidth() / 2));
            if (free > best) {{ best = free; p = q; }}
          }}
        }}
        return [box.left + p.x, box.top + p.y]; }}"""
    )


def label_boxes(page) -> list[tuple[float, float, float, float]]:
    return page.evaluate(
        "cthbView.cy.nodes('.lab').map(n => { const b = n.boundingBox({includeNodes: false, includeEdges: false, "
        "includeLabels: true}); return [b.x1, b.y1, b.x2, b.y2]; })"
    )


def overlapping(boxes) -> list:
    return [
        (a, b)
        for i, a in enumerate(boxes)
        for b in boxes[i + 1 :]
        if a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]
    ]


def test_export_html_is_self_contained(page_file):
    text = page_file.read_text(encoding="utf-8")
    assert not re.search(r"<(script|link|img)[^>]+(src|href)=", text)
    data = json.loads(re.search(r'<script id="data" type="application/json">(.*?)</script>', text, re.S).group(1))
    assert {n["type"] for n in data["nodes"]} >= {"Body", "Provision", "Decision", "Activity"}
    assert '<meta name="description" content="Network of OSCE anti-trafficking commitments: ' in text


def test_export_html_whole_graph_opens_as_clusters_that_expand(page, page_file):
    open_page(page, page_file)
    first = drawn(page)
    assert 5 < len(first) < 40 and {n["type"] for n in first} == {"cluster"}
    labels = " ".join(n["label"] for n in first)
    for name in ("Action Plan chapter III", "Secretariat units", "Field operations", "Reported in 2006"):
        assert name in labels
    page.evaluate("cthbView.open('c:chapter:III')")
    notations = {n["notation"] for n in drawn(page) if n["type"] == "Provision"}
    assert "III.10.2" in notations and all(n.startswith("III.") for n in notations)
    page.click("#collapse")
    assert len(drawn(page)) == len(first)
    assert page.requests == [page_file.as_uri()], "the page must not load anything else"
    assert page.errors == []


def test_export_html_labels_never_overlap(page, page_file):
    open_page(page, page_file)
    for step in ("", "c:chapter:III", "c:year:2006", "c:bodies:SecretariatUnit"):
        if step:
            page.evaluate(f"cthbView.open({step!r})")
        boxes = label_boxes(page)
        assert len(boxes) >= 8, step
        assert overlapping(boxes) == [], step
    page.mouse.move(900, 450)
    page.mouse.wheel(0, -600)  # zooming in shows more labels, still apart
    page.wait_for_timeout(400)
    assert overlapping(label_boxes(page)) == []


@pytest.mark.parametrize(
    "query,option,sentence", [("III.10.2", "/provision/III.10.2", "facilitate the exchange of information")]
)
def test_export_html_keyboard_reaches_a_node_and_its_evidence(page, page_file, query, option, sentence):
    open_page(page, page_file)
    page.focus("#search")
    page.keyboard.type(query)
    page.wait_for_selector(f'#results li[data-id$="{option}"]')
    page.keyboard.press("ArrowDown")  # from the search box into the list: the first match is selected
    assert page.evaluate("document.activeElement.id") == "results"
    active = page.locator("#results li.active")
    assert active.get_attribute("data-id").endswith(option)
    assert active.get_attribute("aria-selected") == "true"
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none"  # visible focus
    assert page.evaluate(f"cthbView.cy.nodes('.picked').map(n => n.id())[0].endsWith({option!r})")
    page.keyboard.press("Enter")
    assert sentence in page.locator("#details blockquote.evidence").first.inner_text()


def test_export_html_keyboard_opens_a_cluster(page, page_file):
    open_page(page, page_file)
    page.focus("#results")
    for _ in range(20):
        if "Action Plan chapter III " in page.locator("#results li.active").inner_text():
            break
        page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    assert "III.10.2" in {n["notation"] for n in drawn(page)}
    assert page.locator('#results li[data-id$="/provision/III.10.2"]').count() == 1


@pytest.mark.parametrize(
    "body,provision,sentence", [("Strategic Police Matters Unit", "III.10.2", "facilitate the exchange of information")]
)
def test_export_html_search_body_click_provision_shows_evidence(page, page_file, tmp_path, body, provision, sentence):
    open_page(page, page_file)
    page.fill("#search", body)
    page.wait_for_selector('#results li[data-id$="/body/spmu"]')
    assert body in page.inner_text("#results")
    page.wait_for_function(f"cthbView.cy.nodes('[notation = \"{provision}\"]').length === 1")
    click_on(page, f"cy => cy.nodes('[notation = \"{provision}\"]')[0]")
    details = page.locator("#details")
    assert details.get_attribute("data-selected").endswith(f"/provision/{provision}")
    assert sentence in details.locator("blockquote.evidence").first.inner_text()
    page.screenshot(path=str(tmp_path / "search-and-click.png"))
    assert page.errors == []


def test_export_html_filters_by_type_chapter_body_and_year(page, page_file):
    open_page(page, page_file)
    everything = page.evaluate("cthbView.cy.nodes().length")
    page.select_option("#chapter", "V")
    provisions = [n["notation"] for n in drawn(page) if n["type"] == "Provision"]
    assert provisions and all(n.startswith("V.") for n in provisions)
    assert all(n["type"] != "cluster" for n in drawn(page))  # a filtered view shows the nodes themselves
    page.click("#reset")
    assert page.evaluate("cthbView.cy.nodes().length") == everything
    page.select_option("#year", "2017")
    in_2017 = drawn(page)
    assert in_2017 and any(n["type"] == "Activity" for n in in_2017)
    page.uncheck('#types input[value="Activity"]')
    assert [n for n in drawn(page) if n["type"] == "Activity"] == []
    page.click("#reset")
    page.select_option("#body", label="Strategic Police Matters Unit")
    assert "III.10.2" in {n["notation"] for n in drawn(page)}


def test_export_html_link_in_the_details_shows_its_sentence(page, page_file):
    open_page(page, page_file)
    page.evaluate("cthbView.open('https://w3id.org/cthb/id/provision/III.10.2')")
    page.locator("#details ul.links li", has_text="tasks").first.locator("button", has_text="(evidence)").click()
    assert page.locator("#details .type").inner_text().lower().startswith("link · tasks")
    assert "suspicious assets" in page.inner_text("#details blockquote")


def test_export_html_click_on_a_drawn_link_shows_its_sentence(page, page_file):
    open_page(page, page_file)
    page.fill("#search", "III.10.2")  # the provision and the bodies it tasks: two links drawn
    tasks = "cy => cy.edges().filter(e => e.source().id().endsWith('/provision/III.10.2') && e.target().id().endsWith('/body/oceea'))[0]"
    page.wait_for_function(f"({tasks})(cthbView.cy) !== undefined")
    click_on(page, tasks)
    assert page.locator("#details").get_attribute("data-selected").endswith("/body/oceea")
    assert "suspicious assets" in page.inner_text("#details blockquote")


MIXED = """PREFIX cthb: <https://w3id.org/cthb/ontology#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?notation WHERE { ?stated cthb:implements ?p . ?inferred cthb:mayImplement ?p . ?p skos:notation ?notation }
GROUP BY ?notation ORDER BY (COUNT(DISTINCT ?stated) + COUNT(DISTINCT ?inferred)) ?notation LIMIT 1"""


@pytest.fixture(scope="module")
def mixed(built) -> str:
    """A provision that activities implement both by statement and by inference (which one the
    linker makes so depends on the corpus: the one with fewest such activities, so that its page
    draws each link rather than bundles)."""
    import pyoxigraph as ox

    store = ox.Store()
    store.extend(ox.Quad(t.subject, t.predicate, t.object) for t in load_triples(built.out))
    (row,) = list(store.query(MIXED))
    return row["notation"].value


@pytest.fixture(scope="module")
def links_page(built, mixed, tmp_path_factory):
    """The page of that provision."""
    source = ExportInput(built.out, load_triples(built.out), Selection(focus=mixed, depth=1))
    (path,) = write_rendered(render("html", source), tmp_path_factory.mktemp("links") / "iii-10-3.html", get_format("html"))
    return path


INFERRED = "cy => cy.edges('.mayImplement').sort((a, b) => b.data('score') - a.data('score'))[0]"


def test_export_html_inferred_link_is_dashed_with_its_score(page, links_page, mixed, tmp_path):
    open_page(page, links_page)
    styles = page.evaluate(
        "[...new Set(cthbView.cy.edges().map(e => e.classes().join(' ') + ':' + e.data('basis') + ':' + e.style('line-style')))]"
    )
    # A link the report states is solid, one inferred from content dashed; both are on the page.
    assert "mayImplement:inferred:dashed" in styles
    assert any(s.startswith("implements:") and s.endswith(":solid") and ":inferred:" not in s for s in styles)
    score = page.evaluate(f"({INFERRED})(cthbView.cy).data('score')")
    assert 0 < score <= 1
    page.mouse.move(*point_on(page, INFERRED))
    page.wait_for_function("document.getElementById('graph').title !== ''")
    title = page.get_attribute("#graph", "title")
    assert f"may implement {mixed}" in title and f"inferred, score {score:.2f}" in title
    click_on(page, INFERRED)
    details = page.locator("#details")
    assert details.locator(".type").inner_text().lower().startswith("link · mayimplement")
    assert details.locator("dd.basis").inner_text() == "inferred from content"
    assert details.locator("dd.score").inner_text() == f"{score:.2f}"
    assert "may implement (inferred" in page.inner_text("#legend")
    page.evaluate(f"cthbView.open('https://w3id.org/cthb/id/provision/{mixed}')")
    assert re.search(r"\d+ \(\d+ inferred\)", details.locator("dl").inner_text())
    assert "may implement by" in details.inner_text() and "(inferred, score 0." in details.inner_text()
    page.screenshot(path=str(tmp_path / "inferred-link.png"))
    assert page.errors == []


def test_export_html_stated_only_page_draws_no_inferred_link(page, built, mixed, tmp_path):
    from cthbgraph.analysis import LinkFilter

    source = ExportInput(built.out, load_triples(built.out), Selection(focus=mixed, depth=1), LinkFilter("stated"))
    (path,) = write_rendered(render("html", source), tmp_path / "stated.html", get_format("html"))
    open_page(page, path)
    assert page.evaluate("cthbView.cy.edges('.mayImplement').length") == 0
    assert page.evaluate("cthbView.cy.edges('.implements').length") > 0
    assert "may implement" not in page.inner_text("#legend")


def test_export_html_focus_page_opens_on_the_focus(page, built, tmp_path):
    source = ExportInput(built.out, load_triples(built.out), Selection(focus="III.10.2", depth=2))
    (path,) = write_rendered(render("html", source), tmp_path / "focus.html", get_format("html"))
    open_page(page, path)
    assert page.locator("#details").get_attribute("data-selected").endswith("/provision/III.10.2")
    nodes = drawn(page)
    assert 3 < len(nodes) < 100 and "cluster" not in {n["type"] for n in nodes}


def test_export_html_works_on_a_phone(chromium, page_file, tmp_path):
    context, page = new_page(chromium, width=412, height=823)
    try:
        open_page(page, page_file)
        for step in ("", "c:year:2017", "c:bodies:FieldOperation"):
            if step:
                page.evaluate(f"cthbView.open({step!r})")
            assert all(math.isfinite(n["x"]) and math.isfinite(n["y"]) for n in drawn(page))
            assert overlapping(label_boxes(page)) == []
        assert page.evaluate("document.documentElement.scrollWidth") <= 412  # nothing runs off the screen
        graph = page.locator("#graph").bounding_box()
        assert graph["width"] <= 412 and graph["height"] > 300
        page.screenshot(path=str(tmp_path / "phone.png"))
        assert page.errors == []
    finally:
        context.close()


def page_json(path: Path) -> dict:
    return json.loads(re.search(r'<script id="data" type="application/json">(.*?)</script>', path.read_text(encoding="utf-8"), re.S).group(1))


def test_export_html_chapter_filter_shows_an_activity_linked_only_by_inference(page, page_file):
    """An activity with no stated link to a provision takes the chapters of those it may implement:
    filtered by such a chapter and by its body, the page shows it with its dashed links. The body is
    one that those provisions do not task, so nothing but the activity's own chapter brings it in."""
    data = page_json(page_file)
    nodes = {n["id"]: n for n in data["nodes"]}
    links = {}
    for e in data["edges"]:
        links.setdefault(e["source"], []).append(e)

    def candidates():
        for a in sorted(links):
            if nodes[a]["type"] != "Activity" or any(e["type"] == "implements" for e in links[a]):
                continue
            may = [nodes[e["target"]] for e in links[a] if e["type"] == "mayImplement"]
            for body in sorted(e["target"] for e in links[a] if e["type"] == "carriedOutBy"):
                for chapter in sorted({c for p in may for c in p["chapters"]}):
                    if not any(chapter in p["chapters"] and body in p["bodies"] for p in may):
                        yield a, chapter, body

    activity, chapter, body = next(candidates())
    assert chapter in nodes[activity]["chapters"]
    open_page(page, page_file)
    page.select_option("#chapter", chapter)
    page.select_option("#body", body)
    shown = {n["id"] for n in drawn(page)}
    assert activity in shown and body in shown
    assert all(n["notation"].startswith(chapter + ".") for n in drawn(page) if n["type"] == "Provision")
    dashed = page.evaluate(
        f"cthbView.cy.edges('.mayImplement').filter(e => e.source().id() === {activity!r})"
        ".map(e => [e.target().data('notation'), e.style('line-style')])"
    )
    assert [n for n, _ in dashed if n.startswith(chapter + ".")] and {style for _, style in dashed} == {"dashed"}
    page.evaluate(f"cthbView.open({activity!r})")
    # "Activity · meeting · chapter III, V" (shown in capitals by the CSS)
    assert chapter in page.locator("#details .type").text_content().rpartition("chapter ")[2].split(", ")
    assert page.errors == []
