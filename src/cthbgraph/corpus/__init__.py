"""Load a folder of report texts into :class:`~cthbgraph.records.Report` records.

A corpus folder (:mod:`~cthbgraph.corpus.folder`) holds plain-text reports (``*.txt``, ``*.md``)
and, optionally, a ``manifest.csv`` with one row per report (:mod:`~cthbgraph.corpus.manifest`).
Files in the folder that the manifest does not list are loaded too, with metadata inferred from the text
(:mod:`~cthbgraph.corpus.metadata`) and an id derived from the file name
(:mod:`~cthbgraph.corpus.ids`). ``README.md`` (any case), hidden files and sub-folders are not
reports. ``Report.sha256`` is the digest of the raw bytes of the file.

A file that cannot be used is never fatal: it becomes a :class:`~cthbgraph.records.SkippedFile`
with a one-line reason (:mod:`~cthbgraph.corpus.files`; or listed but missing). Only a folder that
cannot be used at all raises :class:`~cthbgraph.errors.CorpusError`: missing, not a directory, a
malformed manifest, duplicate ids, or not a single readable report.
"""

from __future__ import annotations

from .files import DEFAULT_MAX_BYTES, MAX_LINE_CHARS
from .folder import Corpus, load_corpus
from .ids import slugify
from .manifest import MANIFEST_COLUMNS
from .metadata import infer_language, infer_publisher, infer_title, infer_year

__all__ = [
    "DEFAULT_MAX_BYTES",
    "MANIFEST_COLUMNS",
    "MAX_LINE_CHARS",
    "Corpus",
    "infer_language",
    "infer_publisher",
    "infer_title",
    "infer_year",
    "load_corpus",
    "slugify",
]
