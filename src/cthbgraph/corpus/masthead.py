"""The masthead of a short text of another genre: press release, decision, newsroom listing, web page.

Each genre states its title and date in a fixed place, which a reader looks at first:

* a **press release** has its headline on line 1 and a dateline opening the lead
  ("VIENNA, 9 November 2006 – ..."): the headline is the title, the dateline the date;
* a **decision** opens with its symbol ("MC.DEC/3/06", "PC.DEC/557") and the date of adoption on
  the next line; its title is the line after "DECISION No. ..." (or "DECLARATION ...");
* a **listing** (a newsroom page, a feed, search results, a chronology) is a heading over lines
  that each carry a date: the heading is the title, and it has no date of its own (its newest
  item's date is not the page's);
* a **web page** is a heading over prose; its date is the "Page last updated" line, if any.

A text that is none of these (an annual report, a long study) has no masthead: the general rules
of :mod:`cthbgraph.corpus.metadata` read it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
          "December")
_MONTH = "|".join(MONTHS)
_DAY_MONTH_YEAR = rf"(\d{{1,2}})\s+({_MONTH})\s+(\d{{4}})"
_DATELINE = re.compile(rf"^[A-ZÀ-Ý][A-ZÀ-Ý .'’/-]{{1,40}}(?:,\s*[A-Z][a-z]+)?,\s+{_DAY_MONTH_YEAR}\s*[–—-]\s+\S")
_SYMBOL = re.compile(r"^(?:MC|PC|FSC|SEC)\.(?:DEC|DECL|DEL|GAL)/\d+(?:/\d+)?(?:/Corr\.\d+)?\s*$")
_DECISION_LINE = re.compile(r"^(?:DECISION|DECLARATION)\b", re.IGNORECASE)
_DATE_LINE = re.compile(rf"^\s*{_DAY_MONTH_YEAR}\s*$")
_UPDATED = re.compile(rf"^\s*(?:Page\s+)?last\s+updated:?\s*{_DAY_MONTH_YEAR}\s*$", re.IGNORECASE | re.MULTILINE)
# A line of a listing: a date alone or with a source, a dated item, a feed field, a "Read more" link.
_LISTED = re.compile(
    rf"^(?:\d{{4}}-\d\d-\d\d\s*[–—-]|{_DAY_MONTH_YEAR}\b|\d{{1,2}}[–-]\d{{1,2}}\s+(?:{_MONTH})|[·•]\s.*\(\d{{1,2}}\s+(?:{_MONTH})\s+\d{{4}}\)\s*$"
    rf"|(?:Published|Date|Link|Title):\s|\[Read more\]|News\s+·|.*\s·\s+\d{{1,2}}\s+(?:{_MONTH})\s+\d{{4}})",
    re.IGNORECASE,
)
SHORT_TEXT = 20000  # characters: a listing or a web page is short; a report is not read as one


@dataclass(frozen=True)
class Masthead:
    """What the top of a text of a known genre says of it."""

    genre: str
    title: str = ""
    date: str = ""  # ISO 8601, "" when the text states none

    @property
    def year(self) -> int | None:
        return int(self.date[:4]) if self.date else None


def read_masthead(text: str) -> Masthead | None:
    """The genre, title and date of a press release, decision, listing or web page; None for others."""
    lines = [line.strip() for line in text[:4000].split("\n")]
    filled = [line for line in lines if line]
    if not filled:
        return None
    return _decision(filled) or _press_release(filled) or _short_page(text, lines, filled)


def _iso(day: str, month: str, year: str) -> str:
    return f"{year}-{MONTHS.index(month.capitalize()) + 1:02d}-{int(day):02d}"


def _decision(filled: list[str]) -> Masthead | None:
    if not _SYMBOL.match(filled[0]):
        return None
    m = _DATE_LINE.match(filled[1]) if len(filled) > 1 else None
    date = _iso(*m.groups()) if m else ""
    title = ""
    for i, line in enumerate(filled[:-1]):
        if _DECISION_LINE.match(line):
            title = filled[i + 1] if not _is_prose(filled[i + 1]) else ""
            break
    return Masthead("decision", title, date)


def _press_release(filled: list[str]) -> Masthead | None:
    """A headline (and maybe a sub-headline) over a dateline within the first lines."""
    for i, line in enumerate(filled[:4]):
        m = _DATELINE.match(line)
        if m:
            title = filled[0] if i > 0 and not _is_prose(filled[0]) else ""
            return Masthead("press-release", title, _iso(*m.groups()))
    return None


def _short_page(text: str, lines: list[str], filled: list[str]) -> Masthead | None:
    """A listing or a web page: a short text whose first line is a plain heading."""
    if len(text) > SHORT_TEXT or not lines[0] or _is_prose(lines[0]) or len(filled) < 3:
        return None
    heading = lines[0]
    if heading.startswith(("#", "*", "|", "[", "-")) or heading.isupper():
        return None  # markdown, a table, a link or a cover page's upper-case block: not a page heading
    listed = sum(bool(_LISTED.match(line)) for line in filled[1:40])
    if listed >= 3:
        return Masthead("listing", heading)
    m = _UPDATED.search(text[:4000])
    return Masthead("web-page", heading, _iso(*m.groups()) if m else "")


def _is_prose(line: str) -> bool:
    """A sentence rather than a heading: long, or ending as a sentence does."""
    return len(line) > 200 or line.endswith((".", ",", ";", ":"))
