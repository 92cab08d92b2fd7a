"""What a build keeps between runs, so that a rebuild only does the work that changed.

Two layers, both keyed by content, never by file name or date:

* ``docs/``: the spaCy model's parse of each report, as a ``DocBin`` (with ``user_data``). Key: the
  SHA-256 of the report text and of the model (name, version, spaCy version, components, text
  cleaning, chunk size; see :func:`cthbgraph.extract.parsing.model_id`). A new model, or a changed report, misses.
* ``records/``: the :class:`~cthbgraph.records.Extraction` read from that parse, as JSON. Key: the
  parse key, the report's metadata and a digest of the extraction code and pattern files, so that
  an edited rule or gazetteer re-reads every report from its cached parse (seconds), without
  parsing again (minutes).

Every entry is written to a temporary file and renamed into place: a build killed mid-way leaves
whole entries or none. Each entry carries a header and a checksum (:mod:`cthbgraph.codec`), and
nothing in it is ever run (no pickle): an entry that is damaged, of another version or put there by
someone else is treated as missing, and the report is parsed again. The folder is the user's own
(default ``OUT/.cache``); delete it at any time to start cold.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from .codec import DOCS, CodecError, decode, encode, unwrap, wrap
from .fsio import atomic_write
from .records import Extraction, Report


@dataclass(frozen=True)
class CachedRecord:
    """A cache entry of the records layer: what was read from a report (its text left out, as the
    key already stands for it) and how many sentences it has."""

    extraction: Extraction
    sentences: int


class BuildCache:
    """A cache folder. Safe to share between processes: writers never leave a partial entry."""

    def __init__(self, folder: Path | str):
        self.folder = Path(folder)

    def _path(self, kind: str, key: str, suffix: str) -> Path:
        return self.folder / kind / key[:2] / f"{key}{suffix}"

    def _get(self, path: Path) -> bytes | None:
        try:
            return path.read_bytes()
        except OSError:
            return None

    def _put(self, path: Path, data: bytes) -> None:
        with contextlib.suppress(OSError):  # a cache that cannot be written costs time, never the build
            atomic_write(path, data)

    # -- parses

    def get_docs(self, key: str) -> bytes | None:
        """The serialised ``DocBin`` of the chunk documents of a report text, or None (also when the
        entry is damaged or foreign: its checksum is checked before spaCy reads it)."""
        data = self._get(self._path("docs", key, ".spacy"))
        if data is None:
            return None
        try:
            return unwrap(DOCS, data)
        except CodecError:
            return None

    def put_docs(self, key: str, data: bytes) -> None:
        self._put(self._path("docs", key, ".spacy"), wrap(DOCS, data))

    # -- records

    def _record_key(self, key: str, report: Report) -> str:
        meta = json.dumps((report.id, str(report.path), report.title, report.publisher, report.year,
                           report.language, report.source, report.sha256, report.date, report.genre), ensure_ascii=False).encode()
        return hashlib.sha256(key.encode() + code_digest().encode() + meta).hexdigest()

    def get_record(self, key: str, report: Report) -> tuple[Extraction, int] | None:
        """The records read from the parse ``key`` of ``report`` and its sentence count, or None."""
        path = self._path("records", self._record_key(key, report), ".json")
        data = self._get(path)
        if data is None:
            return None
        try:
            entry = decode(data, CachedRecord)
        except CodecError:  # damaged, of another version, or foreign: read again (and rewritten)
            return None
        # The report's text is not stored twice: the one just loaded is the same by its key.
        return replace(entry.extraction, report=report), entry.sentences

    def put_record(self, key: str, report: Report, extraction: Extraction, sentences: int) -> None:
        light = replace(extraction, report=replace(report, text=""))
        self._put(self._path("records", self._record_key(key, report), ".json"), encode(CachedRecord(light, sentences)))

    def size(self) -> int:
        """Bytes the cache holds."""
        return sum(p.stat().st_size for p in self.folder.rglob("*") if p.is_file())


@lru_cache(maxsize=1)
def code_digest() -> str:
    """A digest of the code and data that turn a parse into records (extract/ and records.py)."""
    package = Path(__file__).parent
    extract = package / "extract"
    files = sorted([*extract.rglob("*.py"), *extract.rglob("*.jsonl"), package / "records.py"])
    digest = hashlib.sha256()
    for path in files:
        digest.update(path.relative_to(package).as_posix().encode() + b"\0")
        digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()
