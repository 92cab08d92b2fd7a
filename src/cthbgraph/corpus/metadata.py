"""What a report's text says of itself: title, year, publisher, language.

Used for what a manifest leaves blank and for files it does not list. Each function reads the top
of the text (the title area, the imprint) as a person would, and returns ``""`` or ``None`` when
the text does not say.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from .ids import nfc
from .prose import not_english

TITLE_AREA = 3000  # characters at the top of a report where title, date and imprint are looked for
IMPRINT_AREA = 20000  # characters searched for a copyright line or a "Cite as:" line

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
    """``"en"`` for English text (and text too short to tell), ``"und"`` (undetermined) otherwise: the
    test the reader uses to decide whether to read a text (:func:`.prose.not_english`)."""
    return "und" if not_english(text[:IMPRINT_AREA]) else "en"


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


def title_from_name(path: Path) -> str:
    """A last-resort title from the file name: ``annual_report-2007.txt`` -> ``annual report 2007``."""
    return re.sub(r"[\s_\-]+", " ", nfc(path.stem)).strip()
