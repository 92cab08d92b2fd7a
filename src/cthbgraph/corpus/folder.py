"""A corpus folder -> :class:`Corpus`: every report it holds, and every file skipped, with why."""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from ..errors import CorpusError, UnknownTermError
from ..records import Report, SkippedFile
from .files import DEFAULT_MAX_BYTES, candidate_files, read_file
from .ids import nfc, path_key, short_hash, slugify
from .manifest import MANIFEST_NAME, ManifestRow, read_manifest
from .masthead import read_masthead
from .metadata import infer_language, infer_publisher, infer_title, infer_year, title_from_name


@dataclass(frozen=True)
class Corpus:
    """The reports of a folder (sorted by id) and the files that were skipped (sorted by path)."""

    reports: tuple[Report, ...]
    skipped: tuple[SkippedFile, ...]
    folder: Path

    def __iter__(self) -> Iterator[Report]:
        return iter(self.reports)

    def __len__(self) -> int:
        return len(self.reports)

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(r.id for r in self.reports)

    def get(self, report_id: str) -> Report:
        """The report with this id; :class:`UnknownTermError` (with the closest ids) if none."""
        for report in self.reports:
            if report.id == report_id:
                return report
        raise UnknownTermError(f"no report {report_id!r} in {self.folder}", term=report_id, choices=self.ids)


def load_corpus(folder: Path | str, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Corpus:
    """Read every report of ``folder``; see :mod:`cthbgraph.corpus` for the rules.

    ``max_bytes``: files larger than this are skipped (default 20 MB).
    Raises :class:`CorpusError` if the folder is missing or not a directory, if its manifest is
    malformed or repeats an id or file, or if no file in it is a readable report.
    """
    folder = _checked_folder(folder)
    root = folder.resolve()
    reports: list[Report] = []
    skipped: list[SkippedFile] = []
    listed: set[str] = set()
    for row in read_manifest(folder):
        loaded = _listed_report(folder, root, row, max_bytes, listed)
        (skipped if isinstance(loaded, SkippedFile) else reports).append(loaded)
    unlisted: list[tuple[Path, bytes, str]] = []
    for path in candidate_files(folder):
        if path_key(path) not in listed:
            loaded = read_file(path, root, max_bytes)
            if isinstance(loaded, str):
                skipped.append(SkippedFile(path, loaded))
            else:
                unlisted.append((path, *loaded))
    reports += _unlisted_reports(folder, unlisted, taken={r.id for r in reports})
    if not reports:
        if skipped:
            hint = "; ".join(f"{s.path.name}: {s.reason}" for s in sorted(skipped))
        else:
            hint = "put the reports in the folder as UTF-8 text files ending in .txt or .md"
        raise CorpusError(f"no readable report in {folder}", hint)
    return Corpus(reports=tuple(sorted(reports)), skipped=tuple(sorted(skipped)), folder=folder)


def _checked_folder(folder: Path | str) -> Path:
    folder = Path(folder).expanduser().absolute()
    if not folder.exists():
        raise CorpusError(
            f"corpus folder not found: {folder}",
            "check the path; a corpus folder holds the report files (.txt or .md) and optionally a manifest.csv",
        )
    if not folder.is_dir():
        raise CorpusError(f"not a folder: {folder}", "give the folder that holds the report files, not a single file")
    return folder


def _listed_report(folder: Path, root: Path, row: ManifestRow, max_bytes: int, listed: set[str]) -> Report | SkippedFile:
    """The report a manifest row names (what the row leaves blank, from the text), or why not."""
    rel = PurePosixPath(row.file.replace("\\", "/"))
    path = folder.joinpath(*rel.parts) if rel.parts else folder
    if rel.is_absolute() or ".." in rel.parts or not rel.parts:
        return SkippedFile(path, f"listed in {MANIFEST_NAME} with a path outside the corpus folder")
    listed.add(path_key(path))
    if not path.exists() and not path.is_symlink():
        return SkippedFile(path, f"listed in {MANIFEST_NAME} but not found")
    loaded = read_file(path, root, max_bytes)
    if isinstance(loaded, str):
        return SkippedFile(path, loaded)
    raw, text = loaded
    head = read_masthead(text)
    return Report(
        id=row.id,
        path=path,
        text=text,
        title=row.title or (head.title if head else "") or infer_title(text) or title_from_name(path),
        publisher=row.publisher or infer_publisher(text),
        year=row.year if row.year is not None else _year(head, text, row.genre),
        language=row.language or infer_language(text),
        source=row.source or rel.as_posix(),
        sha256=hashlib.sha256(raw).hexdigest(),
        date=head.date if head else "",
        genre=row.genre or (head.genre if head else ""),
    )


def _year(head, text: str, genre: str = "") -> int | None:
    """The masthead's year; a listing or a web page without a date has none (the years it names
    are those of its items); other texts, the year the text gives itself. The manifest's genre
    wins over the masthead's guess: a short report excerpt under a plain heading reads like a web
    page, but its year is the one its title and text give."""
    if head is None or genre == "report":
        return infer_year(text)
    if head.date or head.genre in ("listing", "web-page"):
        return head.year
    return infer_year(text)


def _unlisted_reports(folder: Path, unlisted: list[tuple[Path, bytes, str]], taken: set[str]) -> list[Report]:
    """Reports of the files the manifest does not list: ids from their names, metadata from their text."""
    by_slug: dict[str, list[Path]] = defaultdict(list)
    for path, _, _ in unlisted:
        by_slug[slugify(nfc(path.stem))].append(path)
    reports = []
    for path, raw, text in unlisted:
        slug = slugify(nfc(path.stem))
        report_id = slug
        if slug in taken or len(by_slug[slug]) > 1:
            # Several files claim one id: each gets a suffix derived from its own name, so the id
            # does not depend on the order of the files. Pin ids in manifest.csv to avoid this.
            report_id = f"{slug}-{short_hash(nfc(path.name))}"
        head = read_masthead(text)
        reports.append(
            Report(
                id=report_id,
                path=path,
                text=text,
                title=(head.title if head else "") or infer_title(text) or title_from_name(path),
                publisher=infer_publisher(text),
                year=_year(head, text),
                language=infer_language(text),
                source=path.relative_to(folder).as_posix(),
                sha256=hashlib.sha256(raw).hexdigest(),
                date=head.date if head else "",
                genre=head.genre if head else "",
            )
        )
    return reports
