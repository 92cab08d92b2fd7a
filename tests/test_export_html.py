"""The interactive page, opened from disk in a real headless Chromium with no network."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from cthbgraph.exports import ExportInput, Selection, get_format, load_triples, render, write_rendered


@pytest.fixture(scope="module")
def page_file(built, tmp_path_factory):
    source = ExportInput(built.out, load_triples(built.out))
    (path,) = write_rendered(render("html", source), tmp_path_factory.mktemp("page") / "cthb.html", get_format("html"))
    return path


@pytest.fixture
def page(chromium):
    context = chromium.new_context(viewport={"width": 1400, "height": 900})
    page = context.new_page()
    page.requests = []
    page.errors = []
    page.on("request", lambda r: page.requests.append(r.url))
    page.on("pageerror", lambda e: page.errors.append(str(e)))
    yield page
    context.close()


def open_page(page, path: Path) -> None:
    page.goto(path.as_uri())
    page.wait_for_selector("body[data-ready=true]")


def test_export_html_is_self_contained(page_file):
    text = page_file.read_text(encoding="utf-8")
    assert not re.search(r"<(script|link|img)[^>]+(src|href)=", text)
    data = json.loads(re.search(r'<script id="data" type="application/json">(.*?)</script>', text, re.S).group(1))
    assert {n["type"] for n in data["nodes"]} >= {"Body", "Provision", "Decision", "Activity"}


@pytest.mark.parametrize(
    "body,provision,sentence", [("Strategic Police Matters Unit", "III.10.2", "facilitate the exchange of information")]
)
def test_export_html_search_body_click_provision_shows_evidence(page, page_file, tmp_path, body, provision, sentence):
    open_page(page, page_file)
    page.fill("#search", body)
    page.wait_for_selector("#results li")
    assert body in page.inner_text("#results")
    page.click(f'circle[data-notation="{provision}"]')
    details = page.locator("#details")
    assert details.get_attribute("data-selected").endswith(f"/provision/{provision}")
    assert sentence in details.locator("blockquote.evidence").first.inner_text()
    page.screenshot(path=str(tmp_path / "search-and-click.png"))
    assert (tmp_path / "search-and-click.png").stat().st_size > 10_000
    assert page.requests == [page_file.as_uri()], "the page must not load anything else"
    assert page.errors == []


def test_export_html_filters_by_type_chapter_body_and_year(page, page_file):
    open_page(page, page_file)

    def shown() -> int:
        return page.locator("#nodes circle:not(.hidden)").count()

    everything = shown()
    page.select_option("#chapter", "V")
    in_chapter = shown()
    assert 0 < in_chapter < everything
    chapter_notations = page.eval_on_selector_all(
        '#nodes circle[data-type="Provision"]:not(.hidden)', "els => els.map(e => e.dataset.notation)"
    )
    assert chapter_notations and all(n.startswith("V.") for n in chapter_notations)
    page.click("#reset")
    assert shown() == everything
    page.uncheck('#types input[value="Activity"]')
    assert page.locator('#nodes circle[data-type="Activity"]:not(.hidden)').count() == 0
    page.click("#reset")
    page.select_option("#year", "2017")
    assert 0 < shown() < everything
    page.click("#reset")
    page.select_option("#body", label="Strategic Police Matters Unit")
    assert 0 < shown() < everything


def test_export_html_link_click_shows_its_sentence(page, page_file):
    open_page(page, page_file)
    page.fill("#search", "III.10.2")
    page.wait_for_selector("#results li")
    page.click('#results li[data-id$="/provision/III.10.2"]')
    page.locator("#details ul.links li", has_text="tasks").first.locator("a", has_text="(evidence)").click()
    assert page.locator("#details .type").inner_text().lower().startswith("link · tasks")
    assert "suspicious assets" in page.inner_text("#details blockquote")


def test_export_html_click_on_a_drawn_link_shows_its_sentence(page, page_file):
    open_page(page, page_file)
    page.fill("#search", "III.10.2")  # the provision and the bodies it tasks: two links drawn, none crossing
    page.wait_for_selector("#results li")
    page.click('g[data-type="tasks"][data-source$="/provision/III.10.2"][data-target$="/body/oceea"] line.hit')
    assert page.locator("#details").get_attribute("data-selected").endswith("/body/oceea")
    assert "suspicious assets" in page.inner_text("#details blockquote")


def test_export_html_focus_page_opens_on_the_focus(page, built, tmp_path):
    source = ExportInput(built.out, load_triples(built.out), Selection(focus="III.10.2", depth=2))
    (path,) = write_rendered(render("html", source), tmp_path / "focus.html", get_format("html"))
    open_page(page, path)
    assert page.locator("#details").get_attribute("data-selected").endswith("/provision/III.10.2")
    assert page.locator("#nodes circle").count() < 100
