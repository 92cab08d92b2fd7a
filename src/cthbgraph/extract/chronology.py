"""Chronology lines and dated list items: events told without a verb or a doer.

A report of one body lists its year in lines of their own: "March 2014 – Seminar for border guards
on ..., Turkmenbashi.", "– 14 March: round table on child begging with ...", "• Summer school on
gender and security for 30 students, Cahul, 12–23 July", "- a workshop for judges in Tirana (March
2016), with the School of Magistrates;". Such a line names an event first (after its bullet or date)
and dates it; its doer is the body the text is about, named by its title line ("OSCE Centre in
Ashgabat, 2014: activities against trafficking"), or the body of the section heading. The bodies it
names after "with" are partners (read as in any sentence). To stay precise a line must be short (a
chronology entry), open on a bullet or a date, name an event among its first words and carry a date; a line with a subject and
a finite verb of its own is read as any sentence.
"""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Span

from ..records import BodyMention
from .activities import EVENT_NOUNS

# "\ufffd" and "\uf0b7": a PDF's bullet glyph as its text layer gives it.
_BULLET = r"[-•·–—*▪◦\ufffd\uf0b7]"
_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_YEAR = r"(?:19|20)\d\d"
# "March 2014 – ", "– 14 March: ", "• ", "- ", "2016: ".
_OPENING = re.compile(
    rf"^\s*(?:{_BULLET}\s*)?(?:(?:\d{{1,2}}(?:[–-]\d{{1,2}})?\s+)?{_MONTH}(?:\s+{_YEAR})?\s*[–:—-]\s*|{_YEAR}\s*[–:—-]\s*)"
    rf"|^\s*{_BULLET}\s+"
)
_DATED = re.compile(rf"\b(?:{_MONTH}|{_YEAR})\b")
_EVENT_WORDS = (EVENT_NOUNS - {"event", "mission", "network", "support", "work", "effort", "capacity", "activity", "cooperation",
                               "co-operation", "partnership", "collaboration", "assistance", "awareness", "initiative"}) | {
    "round", "table", "school", "visit", "memorandum", "translation", "stand", "stands", "hearing", "webinar", "panel",
    "testimony", "address", "participation",
}
_FIRST_WORDS = 6
# A chronology entry is short; a long bulleted line is a paragraph or a list of topics.
_LONGEST = 160
# A list of the events a body took part in gives each its title, organiser and, last, "(date, place)":
# "• Conference on ..., Ministry of ... (19-20 June 2007, Vienna)". Such an item is longer, but its
# closing parenthesis of a date says it is one event.
_LONGEST_TITLED = 320
_CLOSING_DATE = re.compile(rf"\([^()]*\b(?:{_MONTH}|{_YEAR})\b[^()]*\)[\s.;,]*$")
_FINITE = ("VBD", "VBZ", "VBP", "MD")


def is_chronology_line(sentence: Span, doc_text: str) -> bool:
    """A line of its own that opens on a bullet or a date, names an event among its first words and is
    dated. ``doc_text``: the report's text as written (the parsed text has its line breaks cleaned)."""
    line_start = doc_text.rfind("\n", 0, sentence.start_char) + 1
    bullet = doc_text[line_start : sentence.start_char]
    if bullet.strip() and not re.fullmatch(rf"\s*{_BULLET}\s*(?:\d{{1,2}}\s+)?", bullet):
        return False  # not the first sentence of its line (the parse may leave the bullet, or the day of its date, to the sentence before)
    text = bullet.lstrip() + sentence.text
    opening = _OPENING.match(text)
    if opening is None or not (_short_and_dated(text) or _titled_item(doc_text, line_start)):
        return False
    rest = [t for t in sentence if t.idx - sentence.start_char + len(bullet.lstrip()) >= opening.end() and not t.is_punct]
    if not any(t.lemma_.lower() in _EVENT_WORDS or t.lower_ in _EVENT_WORDS for t in rest[:_FIRST_WORDS]):
        return False
    return not _own_clause(rest)


def opens_item_line(text: str, start: int) -> bool:
    """Whether a line of ``text`` (the report as written) starting at ``start`` looks like a chronology
    line (a bullet or a date, an event among its first words, a date): the parse may glue such lines
    to the lead-in before them. Undated list items are left to the parse."""
    line_start = text.rfind("\n", 0, start) + 1
    if line_start == 0 or text[line_start:start].strip():
        return False
    end = text.find("\n", start)
    line = text[start : end if end >= 0 else len(text)]
    opening = _OPENING.match(line)
    if opening is None or not (_short_and_dated(line) or _titled_item(text, start)):
        return False
    words = re.findall(r"[a-z-]+", line[opening.end() :].lower())[: _FIRST_WORDS + 2]
    return any(w in _EVENT_WORDS or w.rstrip("s") in _EVENT_WORDS for w in words)


def _short_and_dated(line: str) -> bool:
    """A short dated line; a sentence telling more of the event may follow on its line ("- 7 October
    2017: regional conference ... Day. The conference's goal was ...")."""
    first = re.split(r"(?<=[.!?])\s+(?=[A-Z“\"])", line.strip(), maxsplit=1)[0]
    return len(first) <= _LONGEST and bool(_DATED.search(first))


def _titled_item(text: str, start: int) -> bool:
    """A bulleted item of a list of events, wrapped over lines, that closes on "(date, place)"."""
    if not re.match(rf"\s*{_BULLET}\s", text[start : start + 3]):
        return False
    item = _item_at(text, start)
    return len(item) <= _LONGEST_TITLED and bool(_CLOSING_DATE.search(item))


def _item_at(text: str, start: int) -> str:
    """The list item opening at ``start``: its lines up to its closing "(date, place)" or the next
    item's bullet (a PDF's text may break an item with a blank line)."""
    lines: list[str] = []
    for n, line in enumerate(text[start : start + _LONGEST_TITLED + 200].split("\n")):
        if n and re.match(rf"\s*{_BULLET}\s", line):
            break
        lines.append(line.strip())
        if _CLOSING_DATE.search(line):
            break
    return " ".join(w for w in lines if w)


def _own_clause(tokens) -> bool:
    """ "Centre and IOM sign a memorandum": a subject with a finite verb, read as any sentence."""
    return any(
        t.tag_ in _FINITE and t.dep_ not in ("relcl", "acl", "advcl", "ccomp", "xcomp")
        and any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children)
        for t in tokens
    )


def chronology_doer(reader, sentence: Span, author: Span | None, section_body: Span | None, lead=()) -> BodyMention | None:
    """The body a chronology line's event is of: its list's lead-in's doer, else the title line's OSCE
    body, else the section's."""
    body = section_body
    if author is not None and author.label_ != "ExternalOrganisation":
        body = author
    body = lead[0] if lead else body
    if body is None or not is_chronology_line(sentence, reader.report.text):
        return None
    return replace(reader.mention(body), confidence=0.6)
