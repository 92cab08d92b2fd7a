"""Shared fixtures: one spaCy pipeline and one build of the real corpus per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"


@pytest.fixture(scope="session")
def extractor():
    from cthbgraph.extract import Extractor

    return Extractor()


@pytest.fixture(scope="session")
def built(tmp_path_factory, extractor):
    """The graph of the whole corpus/, built once: a BuildResult whose ``out`` holds cthb.ttl and store/."""
    from cthbgraph.build import build

    return build(CORPUS, tmp_path_factory.mktemp("out"), extractor=extractor)


@pytest.fixture(scope="session")
def store(built):
    from cthbgraph.store import open_store

    with open_store(built.out) as s:
        yield s


def excerpt_corpus(folder: Path, **texts: str) -> Path:
    """A corpus folder of the given report texts (file name -> text), without a manifest."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in texts.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    return folder
