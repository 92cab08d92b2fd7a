"""The documentation runs: every Python block of the README and docs/*.md, and the API reference builds.

The blocks run in a folder laid out like a checkout (``corpus/``, ``tests/gold/``, ``out/``) with a
small real corpus: the two 2003 ODIHR reports whole, and an excerpt of the 2006 report (chapter
III.10), with the gold annotations of the two whole reports.
"""

from __future__ import annotations

import importlib.util
import json
import re
import shutil
from pathlib import Path

import pytest
from conftest import CORPUS, EXCERPT

ROOT = Path(__file__).resolve().parents[1]
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
WHOLE = ("odihr-2003-activities-strategic-plan", "odihr-2003-strategic-approach")
_BLOCK = re.compile(r"^```python\n(.*?)^```", re.MULTILINE | re.DOTALL)


def blocks(path: Path) -> list[str]:
    return _BLOCK.findall(path.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def checkout(tmp_path_factory, extractor):
    """A folder with corpus/, tests/gold/ and out/ (built), as the docs expect to be run from."""
    import cthbgraph

    root = tmp_path_factory.mktemp("checkout")
    corpus = root / "corpus"
    corpus.mkdir()
    manifest = (CORPUS / "manifest.csv").read_text(encoding="utf-8").splitlines()
    kept = [manifest[0]] + [line for line in manifest[1:] if line.split(",", 1)[0] in WHOLE]
    for line in kept[1:]:
        name = line.split(",")[1]
        shutil.copy(CORPUS / name, corpus / name)
    (corpus / "excerpt-2006.txt").write_text(EXCERPT, encoding="utf-8")
    kept.append("excerpt-2006,excerpt-2006.txt,From Policy to Practice (chapter III.10),OSCE,2006,en,corpus/000")
    (corpus / "manifest.csv").write_text("\n".join(kept) + "\n", encoding="utf-8")
    gold = root / "tests" / "gold"
    gold.mkdir(parents=True)
    for path in sorted((ROOT / "tests" / "gold").glob("*.jsonl")):
        records = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip() and json.loads(line)["report"] in WHOLE]
        if records:
            (gold / path.name).write_text("\n".join(records) + "\n", encoding="utf-8")
    cthbgraph.build(corpus, root / "out", extractor=extractor)
    return root


def test_docs_every_page_with_python_has_blocks():
    with_blocks = {p.name for p in DOCS if blocks(p)}
    assert {"README.md", "notebooks.md", "queries.md", "exports.md"} <= with_blocks


@pytest.mark.parametrize("page", [p for p in DOCS if blocks(p)], ids=lambda p: p.name)
def test_docs_python_blocks_run(page, checkout, monkeypatch):
    monkeypatch.chdir(checkout)
    namespace: dict = {"__name__": f"docs_{page.stem}"}
    for number, code in enumerate(blocks(page), 1):
        try:
            exec(compile(code, f"{page.name} block {number}", "exec"), namespace)
        except Exception as exc:
            pytest.fail(f"{page.name}, Python block {number}: {type(exc).__name__}: {exc}")


def test_docs_api_reference_builds_without_warnings(tmp_path):
    spec = importlib.util.spec_from_file_location("apidocs", ROOT / "scripts" / "apidocs.py")
    apidocs = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(apidocs)
    assert apidocs.write(tmp_path) == []
    page = (tmp_path / "cthbgraph" / "store.html").read_text(encoding="utf-8")
    assert "to_pandas" in page and "<strong>location</strong>" in page  # argument lists render as lists
