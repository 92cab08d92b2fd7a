"""List items under a lead-in: "Examples of this co-operation include:" over "- the work carried out
with the Council of Europe on legislative review;", "- ICMPD projects on training to judges;".

A lead-in that ends with a colon after a sentence that names its doer lists that doer's work, one
item a line; each item (a bullet, no subject and finite verb of its own) that opens on a word of
work and names a partner is an event of the lead-in's doer, the bodies it names its partners. Items
end on ";" (", and", "; and") as a list's punctuation has them; footnotes the PDF puts between items
do not end the list.
"""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Span

from ..records import BodyMention
from .activities import EVENT_NOUNS
from .chronology import _BULLET, _own_clause, opens_item_line

# Words of work an item opens on ("the work carried out with ...", "co-operation with ...",
# "the expert consultations with ...", "ICMPD projects on ...").
_WORK_WORDS = EVENT_NOUNS | {"consultation", "contribution", "involvement", "participation"}
_FIRST_WORDS = 5
_ITEM_ENDS = (":", ";", "; and", "; or", ", and")
_FOOTNOTE = re.compile(r"^\s*(?:[\u00b9\u00b2\u00b3\u2070-\u2079]+|\d{1,3}\s)")


class ListLead:
    """The doer of a lead-in that ends with a colon ("... SR addresses at the following meetings:",
    "In 2014 the Centre held:"): the items listed under it are that doer's events. The lead-in holds
    until a paragraph that is not an item, or a heading."""

    def __init__(self) -> None:
        self.doers: tuple[Span, ...] = ()

    def read(self, sentence: Span, text: str, doers, heading_before: bool) -> None:
        """Take in the next sentence (``doers``: its own, else its context's)."""
        stripped = text[sentence.start_char : sentence.end_char].rstrip()
        if stripped.endswith(":"):
            self.doers = tuple(doers)
        elif heading_before or (_after_blank_line(text, sentence.start_char) and not re.match(rf"\s*{_BULLET}\s", stripped)):
            line_start = text.rfind("\n", 0, sentence.start_char) + 1
            if not _FOOTNOTE.match(text[line_start : sentence.end_char]):
                self.doers = ()


def _after_blank_line(text: str, start: int) -> bool:
    """A paragraph opens at ``start``: a blank line after a finished item or sentence (a PDF's text
    may break an item with a blank line mid-phrase: "debate of the UN\n\nGeneral Assembly")."""
    before = text[max(0, start - 200) : start]
    kept = before.rstrip()
    return before[len(kept) :].count("\n") >= 2 and kept[-1:] in tuple(".;:)!?”\"")


def opens_listed_item(text: str, start: int, after_bullet: bool = False) -> bool:
    """A bulleted line at ``start`` of ``text`` (the report as written) that goes on a list: the line
    before it (footnotes aside) ends with a colon or a semicolon. ``after_bullet``: ``start`` may also
    be just after the bullet (the parse may leave the bullet to the sentence before)."""
    line_start = text.rfind("\n", 0, start) + 1
    opening = rf"\s*(?:{_BULLET}\s+)?" if after_bullet else r"\s*"
    if line_start == 0 or not re.fullmatch(opening, text[line_start:start]):
        return False
    if not re.match(rf"\s*{_BULLET}\s", text[line_start : start + 2]):
        return False
    before = _line_before(text, line_start)
    return before.rstrip().endswith(_ITEM_ENDS)


def opens_item(text: str, start: int) -> bool:
    """A chronology line (:func:`~.chronology.opens_item_line`) or a listed item (:func:`opens_listed_item`)
    opens at ``start`` of ``text`` (the report as written).

    Both need ``start`` to be the first character of its line after blanks; that is tested first, by
    stepping back over the blanks (the reader asks this of every token, and the line-start search of
    the full tests took a long paragraph's length per token)."""
    k = start - 1
    while k >= 0 and text[k] != "\n" and text[k].isspace():
        k -= 1
    if k < 0 or text[k] != "\n":
        return False
    return opens_item_line(text, start) or opens_listed_item(text, start)


def _line_before(text: str, line_start: int) -> str:
    """The last line before ``line_start`` that holds text and is not a footnote."""
    lines = text[max(0, line_start - 3000) : line_start].split("\n")
    return next((line for line in reversed(lines) if line.strip() and not _FOOTNOTE.match(line)), "")


def is_listed_item(sentence: Span, text: str, bodies) -> bool:
    """A list item that reports a piece of work with a partner (see the module's docstring)."""
    if not bodies or not opens_listed_item(text, sentence.start_char, after_bullet=True):
        return False
    # The bullet itself is no word, though the tagger may not call "�" punctuation.
    words = [t for t in sentence if not t.is_punct and not t.is_space and not re.fullmatch(_BULLET, t.text)]
    if not words or words[0].lower_ == "to" or words[0].tag_ in ("VB", "VBP", "VBZ", "VBD"):
        return False  # "• To co-ordinate anti-trafficking efforts ...", "- Assist States in ...": an aim or a task
    # Words as written: the tokenizer cuts "co-operation" at its hyphens.
    first = re.findall(r"[a-z][a-z-]*", sentence.text.lower())[:_FIRST_WORDS]
    if not any(w in _WORK_WORDS or w.rstrip("s") in _WORK_WORDS for w in first):
        return False
    return not _own_clause(words)


def listed_item_doer(reader, sentence: Span, bodies, lead: ListLead) -> BodyMention | None:
    """The lead-in's doer as the doer of a listed item's work, or None."""
    if not lead.doers or not is_listed_item(sentence, reader.report.text, bodies):
        return None
    return replace(reader.mention(lead.doers[0]), confidence=0.6)
