"""Load a folder of report texts into :class:`~cthbgraph.records.Report` records.

A corpus folder holds plain-text reports (``*.txt``, ``*.md``) and, optionally, a ``manifest.csv``
with one row per report::

    id,file,title,publisher,year,language,source

``id`` and ``file`` are required; the other columns may be absent or blank, and what is blank is
inferred from the text. Files in the folder that the manifest does not list are loaded too, with
metadata inferred from the text and an id derived from the file name. ``README.md`` (any case),
hidden files and sub-folders are not reports.

Text is kept as the file says it, so that character offsets into ``Report.text`` stay meaningful
for evidence spans. The only changes to the decoded content are:

* a leading UTF-8 byte-order mark is dropped;
* line ends ``\\r\\n`` and ``\\r`` become ``\\n``.

``Report.sha256`` is the digest of the raw bytes of the file, before either change.

A file that cannot be used is never fatal: it becomes a :class:`~cthbgraph.records.SkippedFile`
with a one-line reason (empty, binary, not UTF-8, unreadable, too large, a line too long to be
prose, a symbolic link leaving the folder, listed but missing). Only a folder that cannot be used at all raises
:class:`~cthbgraph.errors.CorpusError`: missing, not a directory, a malformed manifest, duplicate
ids, or not a single readable report.
"""

from __future__ import annotations

import codecs
import csv
import hashlib
import io
import os
import re
import stat
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from .errors import CorpusError, UnknownTermError
from .records import Report, SkippedFile

__all__ = [
    "DEFAULT_MAX_BYTES",
    "MAX_LINE_CHARS",
    "MANIFEST_COLUMNS",
    "Corpus",
    "infer_language",
    "infer_publisher",
    "infer_title",
    "infer_year",
    "load_corpus",
    "slugify",
]

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
# spaCy's own limit on one text. A report's longest line is a paragraph of a few thousand
# characters; a line of a million is a dump, a minified file or a broken conversion, not prose.
MAX_LINE_CHARS = 1_000_000
MANIFEST_NAME = "manifest.csv"
MANIFEST_COLUMNS = ("id", "file", "title", "publisher", "year", "language", "source")
REQUIRED_COLUMNS = ("id", "file")
TEXT_SUFFIXES = frozenset({".txt", ".md"})

TITLE_AREA = 3000  # characters at the top of a report where title, date and imprint are looked for
IMPRINT_AREA = 20000  # characters searched for a copyright line or a "Cite as:" line

_MANIFEST_HINT = (
    "the first line of manifest.csv must be the header "
    + ",".join(MANIFEST_COLUMNS)
    + " (id and file are required, the other columns may be left out or blank)"
)
_ID_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")


# --------------------------------------------------------------------------------------- records


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
        raise UnknownTermError(
            f"no report {report_id!r} in {self.folder}", term=report_id, choices=self.ids
        )


@dataclass(frozen=True)
class _Row:
    """One manifest row, blank fields as ''."""

    line: int
    id: str
    file: str
    title: str
    publisher: str
    year: int | None
    language: str
    source: str


# ------------------------------------------------------------------------------------ public API


def load_corpus(folder: Path | str, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Corpus:
    """Read every report of ``folder``; see the module docstring for the rules.

    ``max_bytes``: files larger than this are skipped (default 20 MB).
    Raises :class:`CorpusError` if the folder is missing or not a directory, if its manifest is
    malformed or repeats an id or file, or if no file in it is a readable report.
    """
    folder = Path(folder).expanduser().absolute()
    if not folder.exists():
        raise CorpusError(
            f"corpus folder not found: {folder}",
            "check the path; a corpus folder holds the report files (.txt or .md) "
            "and optionally a manifest.csv",
        )
    if not folder.is_dir():
        raise CorpusError(
            f"not a folder: {folder}",
            "give the folder that holds the report files, not a single file",
        )
    root = folder.resolve()
    rows = _read_manifest(folder)

    reports: list[Report] = []
    skipped: list[SkippedFile] = []
    listed: set[str] = set()

    for row in rows:
        rel = PurePosixPath(row.file.replace("\\", "/"))
        path = folder.joinpath(*rel.parts) if rel.parts else folder
        if rel.is_absolute() or ".." in rel.parts or not rel.parts:
            reason = f"listed in {MANIFEST_NAME} with a path outside the corpus folder"
            skipped.append(SkippedFile(path, reason))
            continue
        listed.add(_key(path))
        if not path.exists() and not path.is_symlink():
            skipped.append(SkippedFile(path, f"listed in {MANIFEST_NAME} but not found"))
            continue
        loaded = _read(path, root, max_bytes)
        if isinstance(loaded, str):
            skipped.append(SkippedFile(path, loaded))
            continue
        raw, text = loaded
        reports.append(
            Report(
                id=row.id,
                path=path,
                text=text,
                title=row.title or infer_title(text) or _title_from_name(path),
                publisher=row.publisher or infer_publisher(text),
                year=row.year if row.year is not None else infer_year(text),
                language=row.language or infer_language(text),
                source=row.source or rel.as_posix(),
                sha256=hashlib.sha256(raw).hexdigest(),
            )
        )

    # Files the manifest does not list: ids from their names, metadata from their text.
    unlisted: list[tuple[Path, bytes, str]] = []
    for path in _candidate_files(folder):
        if _key(path) in listed:
            continue
        loaded = _read(path, root, max_bytes)
        if isinstance(loaded, str):
            skipped.append(SkippedFile(path, loaded))
        else:
            unlisted.append((path, *loaded))

    taken = {r.id for r in reports}
    by_slug: dict[str, list[Path]] = defaultdict(list)
    for path, _, _ in unlisted:
        by_slug[slugify(_nfc(path.stem))].append(path)
    for path, raw, text in unlisted:
        slug = slugify(_nfc(path.stem))
        report_id = slug
        if slug in taken or len(by_slug[slug]) > 1:
            # Several files claim one id: each gets a suffix derived from its own name, so the id
            # does not depend on the order of the files. Pin ids in manifest.csv to avoid this.
            report_id = f"{slug}-{_short_hash(_nfc(path.name))}"
        reports.append(
            Report(
                id=report_id,
                path=path,
                text=text,
                title=infer_title(text) or _title_from_name(path),
                publisher=infer_publisher(text),
                year=infer_year(text),
                language=infer_language(text),
                source=path.relative_to(folder).as_posix(),
                sha256=hashlib.sha256(raw).hexdigest(),
            )
        )

    if not reports:
        if skipped:
            hint = "; ".join(f"{s.path.name}: {s.reason}" for s in sorted(skipped))
        else:
            hint = "put the reports in the folder as UTF-8 text files ending in .txt or .md"
        raise CorpusError(f"no readable report in {folder}", hint)

    return Corpus(reports=tuple(sorted(reports)), skipped=tuple(sorted(skipped)), folder=folder)


# ------------------------------------------------------------------------------------- manifest


def _read_manifest(folder: Path) -> list[_Row]:
    path = folder / MANIFEST_NAME
    if not path.is_file():
        others = [n for n in ("manifest.yaml", "manifest.yml") if (folder / n).is_file()]
        if others:
            raise CorpusError(
                f"{others[0]} is not supported in {folder}",
                "write the manifest as manifest.csv; " + _MANIFEST_HINT,
            )
        return []
    try:
        content = path.read_bytes().decode("utf-8-sig")
    except OSError as exc:
        raise CorpusError(
            f"cannot read {path}: {exc.strerror or exc}", "check the file's permissions"
        ) from exc
    except UnicodeDecodeError as exc:
        raise CorpusError(
            f"{path} is not valid UTF-8 at byte {exc.start}", "re-save the manifest as UTF-8"
        ) from exc

    reader = csv.reader(io.StringIO(content, newline=""))
    header: list[str] | None = None
    for record in reader:
        if any(cell.strip() for cell in record):
            header = [cell.strip().lower() for cell in record]
            break
    if header is None:
        raise CorpusError(f"{path} is empty", _MANIFEST_HINT)
    missing = [c for c in REQUIRED_COLUMNS if c not in header]
    if missing:
        names = ", ".join(repr(c) for c in missing)
        raise CorpusError(
            f"{path} has no column {names} (its header is: {','.join(header)})", _MANIFEST_HINT
        )

    rows: list[_Row] = []
    for record in reader:
        if not any(cell.strip() for cell in record):
            continue
        line = reader.line_num
        values = {n: (record[i].strip() if i < len(record) else "") for i, n in enumerate(header)}
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
        year: int | None = None
        if year_text:
            if not re.fullmatch(r"\d{4}", year_text):
                raise CorpusError(
                    f"{path} line {line}: year {year_text!r} is not a year",
                    "write the year of publication with four digits, or leave it blank to infer it",
                )
            year = int(year_text)
        rows.append(
            _Row(
                line=line,
                id=report_id,
                file=file,
                title=values.get("title", ""),
                publisher=values.get("publisher", ""),
                year=year,
                language=values.get("language", ""),
                source=values.get("source", ""),
            )
        )

    ids = Counter(r.id for r in rows)
    files = Counter(_key(folder / r.file) for r in rows)
    for label, counts, show in (("id", ids, str), ("file", files, lambda k: Path(k).name)):
        dups = sorted(show(k) for k, n in counts.items() if n > 1)
        if dups:
            raise CorpusError(
                f"duplicate {label} in {path}: {', '.join(dups)}",
                "each report is listed once, under its own id; ids name the report in the graph",
            )
    return rows


# ---------------------------------------------------------------------------------- file access


def _candidate_files(folder: Path) -> list[Path]:
    """``*.txt`` and ``*.md`` directly in the folder, README excluded, in name order."""
    try:
        entries = sorted(folder.iterdir(), key=lambda p: p.name)
    except OSError as exc:
        raise CorpusError(
            f"cannot list the corpus folder {folder}: {exc.strerror or exc}",
            "check the folder's permissions",
        ) from exc
    out = []
    for path in entries:
        name = path.name
        if name.startswith((".", "~$")) or name.endswith("~"):
            continue
        if path.suffix.lower() not in TEXT_SUFFIXES or path.stem.lower() == "readme":
            continue
        if path.is_dir():
            continue
        out.append(path)
    return out


class _Unusable(Exception):
    """A file is not a usable report; the message is the reason."""


def _read(path: Path, root: Path, max_bytes: int) -> tuple[bytes, str] | str:
    """The raw bytes and normalised text of a file, or the reason it cannot be used."""
    try:
        return _read_or_raise(path, root, max_bytes)
    except _Unusable as exc:
        return str(exc)


def _read_or_raise(path: Path, root: Path, max_bytes: int) -> tuple[bytes, str]:
    if path.is_symlink():
        try:
            target = path.resolve(strict=True)
        except (OSError, RuntimeError):
            raise _Unusable("broken symbolic link") from None
        if not target.is_relative_to(root):
            raise _Unusable("symbolic link to a file outside the corpus folder")
    elif not path.resolve().is_relative_to(root):
        raise _Unusable("outside the corpus folder")
    try:
        info = path.stat()
    except OSError as exc:
        raise _Unusable(f"cannot be read: {exc.strerror or exc}") from None
    if stat.S_ISDIR(info.st_mode):
        raise _Unusable("a folder, not a file")
    if not stat.S_ISREG(info.st_mode):
        raise _Unusable("not a regular file")
    if info.st_size > max_bytes:
        raise _Unusable(f"larger than {_format_size(max_bytes)}")
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise _Unusable(f"cannot be read: {exc.strerror or exc}") from None
    if len(raw) > max_bytes:
        raise _Unusable(f"larger than {_format_size(max_bytes)}")
    return raw, _decode(raw)


def _decode(raw: bytes) -> str:
    """Decoded, normalised text (BOM dropped, line ends as ``\\n``); :class:`_Unusable` if not text."""
    if not raw.strip():
        raise _Unusable("empty file")
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise _Unusable("UTF-16 text, not UTF-8: re-save the file as UTF-8")
    if b"\x00" in raw:
        raise _Unusable("binary file, not text")
    bom = len(codecs.BOM_UTF8) if raw.startswith(codecs.BOM_UTF8) else 0
    try:
        text = raw[bom:].decode("utf-8")
    except UnicodeDecodeError as exc:
        where = exc.start + bom  # offset in the file as saved, BOM included
        raise _Unusable(f"not valid UTF-8 at byte {where}: re-save the file as UTF-8") from None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise _Unusable("empty file")
    if len(text) > MAX_LINE_CHARS:
        longest = max(len(line) for line in text.split("\n"))
        if longest > MAX_LINE_CHARS:
            raise _Unusable(f"a line of {longest:,} characters: not report text (lines up to {MAX_LINE_CHARS:,})")
    return text


def _format_size(n: int) -> str:
    for unit, size in (("GB", 1 << 30), ("MB", 1 << 20), ("KB", 1 << 10)):
        if n >= size and n % size == 0:
            return f"{n // size} {unit}"
    if n >= 1 << 20:
        return f"{n / (1 << 20):.1f} MB"
    return f"{n} bytes"


def _key(path: Path) -> str:
    return os.path.normcase(os.path.normpath(_nfc(str(path))))


def _nfc(s: str) -> str:
    return unicodedata.normalize("NFC", s)


def _short_hash(s: str) -> str:
    return hashlib.sha1(s.encode("utf-8")).hexdigest()[:8]


# ---------------------------------------------------------------------------------------- ids

_TRANSLIT = {
    # Cyrillic (Russian, Ukrainian, Belarusian, Serbian, Macedonian)
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z",
    "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
    "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
    "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya", "і": "i", "ї": "yi",
    "є": "ye", "ґ": "g", "ў": "u", "ј": "j", "љ": "lj", "њ": "nj", "ћ": "c", "ђ": "dj", "џ": "dz",
    "ѓ": "g", "ќ": "k", "ѕ": "dz", "ә": "a", "ғ": "g", "қ": "q", "ң": "n", "ө": "o", "ұ": "u",
    "ү": "u", "һ": "h",
    # Latin letters that do not decompose
    "ß": "ss", "æ": "ae", "ø": "o", "œ": "oe", "ł": "l", "đ": "d", "þ": "th", "ð": "d", "ı": "i",
}


def slugify(name: str) -> str:
    """A stable ASCII id for a name: ``"Доклад ОБСЕ 2019"`` -> ``"doklad-obse-2019"``.

    Latin accents are dropped and Cyrillic is transliterated; if letters of another script remain
    (or nothing remains), a short hash of the name is appended so that ids stay unique.
    """
    s = unicodedata.normalize("NFKC", name).lower()
    s = "".join(_TRANSLIT.get(ch, ch) for ch in s)
    s = unicodedata.normalize("NFKD", s)
    out: list[str] = []
    lost = False
    for ch in s:
        if unicodedata.combining(ch):
            continue
        if ch.isascii() and ch.isalnum():
            out.append(ch)
        else:
            lost = lost or ch.isalnum()
            out.append("-")
    slug = re.sub(r"-+", "-", "".join(out)).strip("-")[:80].rstrip("-")
    if lost or not slug:
        slug = f"{slug or 'report'}-{_short_hash(_nfc(name))}"
    return slug


# ---------------------------------------------------------------------------- metadata inference

_MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|December"
)
_YEAR = r"(?:19[4-9]\d|20\d\d)"
_YEAR_RE = re.compile(rf"(?<![\w/.,])({_YEAR})(?![\w/]|[.,]\d)")
_COPYRIGHT_RE = re.compile(
    rf"(?:©|\(c\)|\bcopyright\b)\s*:?\s*(?:©\s*)?(?:({_YEAR})\s*[-–—]\s*)?({_YEAR})\b", re.I
)
_RANGE_RE = re.compile(rf"(?<![\w/.,])({_YEAR})\s*[-–—/]\s*(\d{{4}}|\d{{2}})(?![\w/])")
_DATED_RE = re.compile(
    rf"^(?:[^\W\d][^\d,]{{0,40}},\s*)?(?:\d{{1,2}}(?:st|nd|rd|th)?\s+)?(?:{_MONTHS})"
    rf"\s+(?:\d{{1,2}},?\s+)?({_YEAR})$",
    re.I,
)
_CITE_RE = re.compile(r"^\s*\W*cite\s+as\s*:\s*(.+)$", re.I | re.M)
_BY_RE = re.compile(r"\b(?:submitted|prepared|published|issued)\s+by\s+(?:the\s+)?(.+)", re.I | re.S)
_HEADING_RE = re.compile(r"^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$")

# Lines at the top of a report that are not its title: organisation names, section labels.
_ORG_LINE_RE = re.compile(
    r"^(?:the\s+)?(?:organi[sz]ation for security and co-operation in europe"
    r"|office for democratic institutions and human rights"
    r"|osce|odihr|osce\s*/\s*odihr"
    r"|.*\b(?:unit|office|secretariat|department|division|section|mission|centre|center))"
    r"(?:\s*\(\w+\))?$",
    re.I,
)
_LABEL_RE = re.compile(
    r"^(?:table of contents|contents|foreword|preface|introduction|executive summary|summary"
    r"|abbreviations|acronyms|acknowledge?ments|background note|annex(?:es)?\b.*|page \d+"
    r"|(?:submitted|prepared|published|issued) by\b.*|cite as\b.*|draft|restricted|original:.*"
    r"|[\d\W]*)$",
    re.I,
)
_EN_WORDS = frozenset("the of and to in is for on that with by as are be this from at".split())


def infer_title(text: str) -> str:
    """The report's title as its first page gives it, or ``""``.

    In order: a "Cite as:" line; else, in the first 3000 characters before the first paragraph of
    prose, the first heading, bold block, upper-case block or block of short lines that is not an
    organisation name or a label ("Table of contents", "Foreword", ...), preferring one of three
    words or more. Markdown (``#``, ``**``, ``*``) and HTML tags are removed.
    """
    m = _CITE_RE.search(text[:IMPRINT_AREA])
    if m:
        cited = _clean(m.group(1))
        if len(cited.split()) >= 3:
            return _cap(cited)
    short: str = ""
    for candidate in _title_candidates(text[:TITLE_AREA]):
        if _ORG_LINE_RE.match(candidate) or _LABEL_RE.match(candidate) or _DATED_RE.match(candidate):
            continue
        if len(candidate.split()) >= 3:
            return _cap(candidate)
        short = short or candidate
    return _cap(short)


def infer_year(text: str) -> int | None:
    """The year of publication as the text gives it, or ``None``.

    The most defensible evidence first: a copyright line (``© 2017``); a dated line in the title
    area (``Geneva, 13 February 2003``); the end of a year range on a title line
    (``2016–17 REPORT`` -> 2017); the latest year on a title line; the year named most often in the
    title area (if named twice or more); the year named most often in the whole text.
    """
    m = _COPYRIGHT_RE.search(text[:IMPRINT_AREA])
    if m:
        return int(m.group(2))
    lines = _title_lines(text[:TITLE_AREA])
    for line in lines:
        d = _DATED_RE.match(line)
        if d:
            return int(d.group(1))
    for line in lines:
        for r in _RANGE_RE.finditer(line):
            start, end = int(r.group(1)), r.group(2)
            year = int(end) if len(end) == 4 else start - start % 100 + int(end)
            if len(end) == 2 and year < start:
                year += 100
            if start < year <= start + 10:
                return year
    on_title = [int(y) for line in lines for y in _YEAR_RE.findall(line)]
    if on_title:
        return max(on_title)
    for area, minimum in ((text[:TITLE_AREA], 2), (text, 1)):
        counts = Counter(int(y) for y in _YEAR_RE.findall(area))
        if counts:
            year, n = max(counts.items(), key=lambda kv: (kv[1], kv[0]))
            if n >= minimum:
                return year
    return None


def infer_publisher(text: str) -> str:
    """Who issued the report, when the text says so, else ``""``.

    A copyright holder (``© 2017 OSCE/Office of ...``); else "Submitted by / Prepared by ..." in the
    title area; else an organisation name heading the first page.
    """
    for block in _blocks(text[:IMPRINT_AREA]):
        joined = " ".join(block)
        m = _COPYRIGHT_RE.search(joined)
        if m:
            holder = _clean(joined[m.end():]).strip(" .,;:")
            if 2 <= len(holder) <= 150:
                return holder
    for block in _blocks(text[:TITLE_AREA]):
        m = _BY_RE.search(" ".join(block))
        if m:
            who = _clean(m.group(1))
            who = re.split(r"\s+(?:for|to|on|at|in)\s+the\s|[.;]\s|\*", who)[0].strip(" .,;:")
            if 2 <= len(who) <= 150:
                return who
    for candidate in _title_candidates(text[:TITLE_AREA]):
        if _ORG_LINE_RE.match(candidate):
            return candidate
        if not _LABEL_RE.match(candidate):
            break
    return ""


def infer_language(text: str) -> str:
    """``"en"`` for English text (and text too short to tell), ``"und"`` (undetermined) otherwise."""
    words = re.findall(r"[^\W\d_]+", text[:IMPRINT_AREA].lower())
    if len(words) < 20:
        return "en"
    share = sum(w in _EN_WORDS for w in words) / len(words)
    return "en" if share >= 0.08 else "und"


# ------------------------------------------------------------------------------ text structure


def _clean(s: str) -> str:
    """Markup-free single-line text: no HTML tags, markdown emphasis, heading marks or bullets."""
    s = re.sub(r"<[^>]*>", "", s)
    s = re.sub(r"^\s{0,3}#{1,6}\s+", "", s, flags=re.M)
    s = s.replace("**", "").replace("__", "")
    s = re.sub(r"(?<!\w)[*_]+|[*_]+(?!\w)", "", s)
    s = s.replace("\\", "")
    s = re.sub(r"^[\s■□●•▪◆◦‣∙·>|–—-]+", "", s)
    return re.sub(r"\s+", " ", s).strip()


def _cap(s: str, limit: int = 300) -> str:
    return s if len(s) <= limit else s[:limit].rsplit(" ", 1)[0] + "…"


def _blocks(area: str) -> list[list[str]]:
    """Paragraphs (runs of non-blank lines) of an area, lines right-stripped."""
    blocks: list[list[str]] = []
    current: list[str] = []
    for line in area.split("\n"):
        if line.strip():
            current.append(line.rstrip())
        elif current:
            blocks.append(current)
            current = []
    if current:
        blocks.append(current)
    return blocks


def _is_upper(s: str) -> bool:
    letters = [c for c in s if c.isalpha()]
    return len(letters) >= 3 and all(c.isupper() for c in letters)


def _title_candidates(area: str) -> Iterator[str]:
    """Title-like blocks of the top of a report, in order, up to the first paragraph of prose."""
    blocks = _blocks(area)
    if len(area) >= TITLE_AREA and blocks:
        blocks = blocks[:-1]  # the last block may be cut off mid-way
    for block in blocks:
        headings = [_HEADING_RE.match(line) for line in block]
        if all(headings):
            for h in headings:
                cleaned = _clean(h.group(1))  # type: ignore[union-attr]
                if cleaned:
                    yield cleaned
            continue
        joined = " ".join(line.strip() for line in block)
        cleaned = _clean(joined)
        if not cleaned:
            continue
        bold = joined.startswith(("**", "__")) and joined.endswith(("**", "__"))
        upper = _is_upper(cleaned)
        short = len(block) <= 8 and all(len(_clean(line)) <= 60 for line in block)
        if (bold or upper or short) and len(cleaned) <= 300:
            yield cleaned
        elif len(cleaned) > 200:
            return  # prose: the title area is over


def _title_lines(area: str) -> list[str]:
    """Cleaned lines of the title area that look like headings, dates or title lines, not prose."""
    out = []
    for line in area.split("\n"):
        cleaned = _clean(line)
        if not cleaned or len(cleaned) > 100:
            continue
        stripped = line.strip()
        if (
            _HEADING_RE.match(line)
            or stripped.startswith(("**", "__", "*", "_"))
            or _is_upper(cleaned)
            or (len(cleaned) <= 60 and not cleaned.endswith((".", ",", ";")))
        ):
            out.append(cleaned)
    return out


def _title_from_name(path: Path) -> str:
    """A last-resort title from the file name: ``annual_report-2007.txt`` -> ``annual report 2007``."""
    return re.sub(r"[\s_\-]+", " ", _nfc(path.stem)).strip()
