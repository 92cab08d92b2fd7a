"""``manifest.csv``: one row per report of a corpus folder, with what the text may not say.

::

    id,file,title,publisher,year,language,source

``id`` and ``file`` are required; the other columns may be absent or blank, and what is blank is
inferred from the text (:mod:`cthbgraph.corpus.metadata`). A manifest that cannot be used is a
:class:`~cthbgraph.errors.CorpusError` naming the line and what to write instead.
"""

from __future__ import annotations

import csv
import io
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from ..errors import CorpusError
from .ids import path_key, slugify

MANIFEST_NAME = "manifest.csv"
MANIFEST_COLUMNS = ("id", "file", "title", "publisher", "year", "language", "source")
REQUIRED_COLUMNS = ("id", "file")

_MANIFEST_HINT = (
    "the first line of manifest.csv must be the header "
    + ",".join(MANIFEST_COLUMNS)
    + " (id and file are required, the other columns may be left out or blank)"
)
_ID_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")


@dataclass(frozen=True)
class ManifestRow:
    """One manifest row, blank fields as ''."""

    line: int
    id: str
    file: str
    title: str
    publisher: str
    year: int | None
    language: str
    source: str
    genre: str = ""  # press-release, decision, listing, web-page, report; "" to infer it


def read_manifest(folder: Path) -> list[ManifestRow]:
    """The rows of ``folder/manifest.csv``; none when there is no manifest.

    RAISES CorpusError: the manifest is unreadable, has no header with id and file, a row lacks
        its id or file, an id is not a slug, a year is not a year, or an id or file is repeated.
    """
    path = folder / MANIFEST_NAME
    if not path.is_file():
        others = [n for n in ("manifest.yaml", "manifest.yml") if (folder / n).is_file()]
        if others:
            raise CorpusError(
                f"{others[0]} is not supported in {folder}",
                "write the manifest as manifest.csv; " + _MANIFEST_HINT,
            )
        return []
    reader = csv.reader(io.StringIO(_text(path), newline=""))
    header = _header(path, reader)
    rows: list[ManifestRow] = []
    for record in reader:
        if any(cell.strip() for cell in record):
            values = {n: (record[i].strip() if i < len(record) else "") for i, n in enumerate(header)}
            rows.append(_row(path, reader.line_num, values))
    _check_unique(path, folder, rows)
    return rows


def _text(path: Path) -> str:
    try:
        return path.read_bytes().decode("utf-8-sig")
    except OSError as exc:
        raise CorpusError(f"cannot read {path}: {exc.strerror or exc}", "check the file's permissions") from exc
    except UnicodeDecodeError as exc:
        raise CorpusError(f"{path} is not valid UTF-8 at byte {exc.start}", "re-save the manifest as UTF-8") from exc


def _header(path: Path, reader) -> list[str]:
    """The column names of the first non-blank line, lower-cased."""
    for record in reader:
        if any(cell.strip() for cell in record):
            header = [cell.strip().lower() for cell in record]
            break
    else:
        raise CorpusError(f"{path} is empty", _MANIFEST_HINT)
    missing = [c for c in REQUIRED_COLUMNS if c not in header]
    if missing:
        names = ", ".join(repr(c) for c in missing)
        raise CorpusError(f"{path} has no column {names} (its header is: {','.join(header)})", _MANIFEST_HINT)
    return header


def _row(path: Path, line: int, values: dict[str, str]) -> ManifestRow:
    report_id, file = values.get("id", ""), values.get("file", "")
    if not report_id or not file:
        raise CorpusError(
            f"{path} line {line}: the {'id' if not report_id else 'file'} is blank",
            "every row needs an id (a short slug such as osce-2006-policy-to-practice) "
            "and the file name of the report inside the folder",
        )
    if not _ID_RE.match(report_id):
        raise CorpusError(
            f"{path} line {line}: id {report_id!r} is not a slug",
            f"use ASCII letters, digits, '-', '_' or '.', e.g. {slugify(report_id)!r}",
        )
    year_text = values.get("year", "")
    if year_text and not re.fullmatch(r"\d{4}", year_text):
        raise CorpusError(
            f"{path} line {line}: year {year_text!r} is not a year",
            "write the year of publication with four digits, or leave it blank to infer it",
        )
    return ManifestRow(
        line=line,
        id=report_id,
        file=file,
        title=values.get("title", ""),
        publisher=values.get("publisher", ""),
        year=int(year_text) if year_text else None,
        language=values.get("language", ""),
        source=values.get("source", ""),
        genre=values.get("genre", ""),
    )


def _check_unique(path: Path, folder: Path, rows: list[ManifestRow]) -> None:
    ids = Counter(r.id for r in rows)
    files = Counter(path_key(folder / r.file) for r in rows)
    for label, counts, show in (("id", ids, str), ("file", files, lambda k: Path(k).name)):
        dups = sorted(show(k) for k, n in counts.items() if n > 1)
        if dups:
            raise CorpusError(
                f"duplicate {label} in {path}: {', '.join(dups)}",
                "each report is listed once, under its own id; ids name the report in the graph",
            )
