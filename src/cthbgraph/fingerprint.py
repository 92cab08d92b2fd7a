"""What a build depends on, as one digest: a build whose digest equals the current build's has nothing
to do (builder.build keeps the current one)."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from .corpus import Corpus
from .resources import ontology_path, shapes_paths


def build_fingerprint(corpus: Corpus, model: str, base: str) -> str:
    """Everything the graph depends on: reports (bytes and metadata), model (name and version),
    code, data files, base."""
    digest = hashlib.sha256()
    for part in (base, model, package_digest()):
        digest.update(part.encode() + b"\0")
    for path in (ontology_path(), *shapes_paths()):
        digest.update(path.read_bytes() + b"\0")
    for r in corpus.reports:
        meta = (r.id, str(r.path), r.title, r.publisher, r.year, r.language, r.source, r.sha256)
        digest.update(json.dumps(meta, ensure_ascii=False).encode() + b"\0")
    return digest.hexdigest()


def package_digest() -> str:
    """The code and data files of the package; not the CLI, which cannot change a graph."""
    package = Path(__file__).parent
    digest = hashlib.sha256()
    for path in sorted(p for p in package.rglob("*") if p.suffix in (".py", ".jsonl") and "cli" not in p.parts):
        digest.update(path.relative_to(package).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()
