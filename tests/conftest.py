"""Shared fixtures: one spaCy pipeline and one build of the real corpus per test session."""

from __future__ import annotations

import socket
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
CHROMIUM = Path("/usr/bin/chromium")
# Without the background-networking flags Chromium keeps dialling out, which this machine refuses.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def extractor():
    from cthbgraph.extract import Extractor

    return Extractor()


@pytest.fixture(scope="session")
def events_of(extractor):
    """The activities the extractor reads from a made-up text: ``events_of(text, genre="", **metadata)``.
    Genre "" is what the reports of corpus/ have."""
    from cthbgraph.records import Report

    def read(text: str, genre: str = "", **metadata):
        return extractor.extract(Report("made-up", Path("made-up.txt"), text, genre=genre, **metadata)).activities

    return read


@pytest.fixture(scope="session")
def built(tmp_path_factory, extractor):
    """The graph of the whole corpus/, built once: a BuildResult whose ``out`` holds cthb.ttl and store/."""
    from cthbgraph.builder import build

    return build(CORPUS, tmp_path_factory.mktemp("out"), extractor=extractor)


@pytest.fixture(scope="session")
def store(built):
    from cthbgraph.store import open_store

    with open_store(built.out) as s:
        yield s


# A real excerpt of the 2006 report (chapter III.10), enough to build a small graph.
EXCERPT = """III.10. LAW ENFORCEMENT RESPONSE

III.10.1 The OSCE Strategic Police Matters Unit will further promote the concept of community policing.

III.10.2 The Strategic Police Matters Unit and the Office of the OSCE Co-ordinator of Economic and Environmental Activities (OCEEA) will facilitate the exchange of information between participating States on best practices to be used by relevant investigating units to check the possibly criminal and trafficking-related origin of suspicious assets.

To address specific aspects of THB and sexual crime, the **SPMU** in co-operation with the UNICEF and other relevant organizations, hosted the first OSCE sexual crimes police training workshop on sexual abuse of children (Vienna, July 2004).
"""


@pytest.fixture(scope="session")
def small_build(tmp_path_factory):
    """A graph of :data:`EXCERPT` built by ``cthbgraph build``: (build folder, what the command printed)."""
    from click.testing import CliRunner

    from cthbgraph.cli import main

    corpus = tmp_path_factory.mktemp("corpus")
    (corpus / "excerpt-2006.txt").write_text(EXCERPT, encoding="utf-8")
    out = tmp_path_factory.mktemp("out")
    result = CliRunner().invoke(main, ["build", "--corpus", str(corpus), "--graph-dir", str(out), "--quiet"])
    assert result.exit_code == 0, result.output
    return out, result.output


@pytest.fixture(scope="session")
def chromium():
    """Debian's Chromium driven by Playwright (no browser download); skipped where it is not installed."""
    if not CHROMIUM.exists():
        pytest.skip("needs Debian chromium (scripts/setup.sh installs it)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def excerpt_corpus(folder: Path, **texts: str) -> Path:
    """A corpus folder of the given report texts (file name -> text), without a manifest."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in texts.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    return folder


def free_port() -> int:
    """A TCP port on loopback that nothing listens on now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(port: int, seconds: float = 20) -> None:
    """Until something listens on the loopback ``port`` (a server started by a test)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"nothing listens on 127.0.0.1:{port}")


def rows_of(rows):
    """Rows in an order of their own (typed values, None where unbound, sorted by their text)."""
    return rows.columns, sorted(rows.rows, key=lambda row: [(v is not None, str(v)) for v in row])


def assert_same_rows(query, store, other) -> None:
    """A library query gives the same rows on two stores, with its example values."""
    if {p.name for p in query.parameters if p.default is None} - {n for n, _ in query.examples}:
        pytest.skip(f"{query.name}.rq declares no example value for a parameter")
    values = dict(query.examples)
    assert rows_of(query.run(other, values)) == rows_of(query.run(store, values))


def published_queries() -> dict:
    """The library's queries that an endpoint filled by `cthbgraph publish` can answer: all but those
    of the reports' own named graphs, since publish without --named-graphs sends the merged graph
    only into one graph that the endpoint reads as its default graph (docs/named-graphs.md,
    "Publishing"; test_remote.py runs them all after publish --named-graphs)."""
    from cthbgraph.queries import library

    return {name: q for name, q in library().items() if "GRAPH ?graph" not in q.text}
