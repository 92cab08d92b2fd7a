"""The served site in headless Chromium: home page, a provision, a link to a body, an example query.

Uses the system Chromium (Debian package) through Playwright; skipped only when it is not installed.
Screenshots are written to the test's temporary folder (CTHB_SCREENSHOTS=DIR keeps them elsewhere).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from cthbgraph.lod.server import Limits, make_server, serve_in_thread


@pytest.fixture(scope="module")
def server(built):
    srv = make_server(built.out, "127.0.0.1", 0, limits=Limits(query_seconds=10, workers=2))
    serve_in_thread(srv)
    yield srv
    srv.shutdown()
    srv.server_close()


@pytest.fixture(scope="module")
def page(chromium):
    page = chromium.new_page(viewport={"width": 1200, "height": 900})
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.errors = errors
    yield page
    page.close()


@pytest.fixture
def shots(tmp_path) -> Path:
    folder = Path(os.environ.get("CTHB_SCREENSHOTS", tmp_path))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def test_browser_home_page_lists_the_classes(server, page, shots):
    page.goto(server.url)
    assert page.locator("h1").inner_text().startswith("Knowledge graph of OSCE commitments")
    assert page.get_by_role("link", name="Provisions").first.is_visible()
    page.screenshot(path=shots / "home.png", full_page=True)
    assert page.errors == []


def test_browser_follows_a_provision_to_a_tasked_body(server, page, shots):
    page.goto(server.url + "provision/III.10.2")
    assert page.locator("h1").inner_text() == "Provision III.10.2"
    assert "facilitate the exchange of information" in page.locator("blockquote.provision-text").inner_text()
    page.screenshot(path=shots / "provision.png", full_page=True)
    page.locator("ul.tasked a", has_text="Strategic Police Matters Unit").click()
    page.wait_for_load_state()
    assert page.url.endswith("/body/spmu.html")
    assert page.locator("h1").inner_text() == "Strategic Police Matters Unit"
    # the body page starts with the provisions that task it, then its activities as a table
    assert page.locator("section.body h2").first.inner_text() == "Tasked by"
    assert page.locator("ul.tasked-by a", has_text="Provision III.10.2").count() == 1
    assert page.locator("section.body table.activities tbody tr").count() >= 1
    page.screenshot(path=shots / "body.png", full_page=True)
    assert page.errors == []


def test_browser_runs_an_example_query(server, page, shots):
    page.goto(server.url + "query")
    page.select_option("#example", "provisions-tasking-body")
    page.click("#load")
    page.wait_for_load_state()
    assert "?bodyLabel" in page.locator("#query-text").input_value()
    page.fill("#param-body", "SPMU")
    page.click("#run")
    page.wait_for_selector("#results")
    rows = page.locator("#results tbody tr")
    assert rows.count() >= 1
    assert "III.10.2" in page.locator("#results").inner_text()
    page.screenshot(path=shots / "query.png", full_page=False)
    assert page.errors == []


def test_browser_searches_a_class_index(server, page):
    page.goto(server.url + "body/")
    total = page.locator("#items li").count()
    page.fill("#search", "odihr")
    visible = page.locator("#items li:visible")
    assert 1 <= visible.count() < total
    assert page.locator("#shown").inner_text().endswith(f"of {total}")
