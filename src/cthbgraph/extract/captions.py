"""Photo captions: "Representatives of 20 NGOs at the consultation meeting, Warsaw, September 2017."

A report's photo carries a caption: a paragraph of its own followed by the photo's credit (a
"📷 (OSCE)" line, or "(OSCE/Name)" closing the caption's line), or a line that opens on "Photo:".
A caption that names an event ("at the consultation meeting", "during the course", "Meeting with
the Head of ...") and dates it ("Warsaw, September 2017") shows an event of the report: its doer is
the body of the context (the activity just before, the section's or the title's body), as for a
chronology line. An undated caption may show anything (a portrait, a group, a moment of an event
told elsewhere) and is left to the other rules.
"""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Span

from ..records import BodyMention
from .chronology import _DATED
from .non_events import _EVENT_WORDS

_LONGEST = 300
_CREDIT_ON_LINE = re.compile(r"^[ \t]*\([^()\n]{1,80}\)[ \t]*(?:\n|$)")
_PHOTO = re.compile(r"^\s*Photo\s*:", re.IGNORECASE)
_WORDS = "|".join(sorted(w for w in _EVENT_WORDS if w.isalpha()))
# "at the consultation meeting", "during the 17th Alliance conference", "at a round table".
_AT_EVENT = re.compile(rf"\b(?:at|during)\s+(?:the|a|an|this|his|her|its|their)\s+(?:[\w*’'-]+\s+){{0,6}}?(?:{_WORDS})s?\b", re.IGNORECASE)
# "Meeting with the Head of ...", "Visit to the shelter ...", "Opening of the conference ...".
_OPENS_ON_EVENT = re.compile(rf"^\s*(?:(?:{_WORDS})s?|meeting|opening|signing)\s+(?:with|to|of|on|at|for)\b", re.IGNORECASE)


def is_caption(sentence: Span, text: str) -> bool:
    """A paragraph of its own followed by a photo credit, or a line opening on "Photo:"."""
    start = sentence.start_char
    end = start + len(text[start : sentence.end_char].rstrip())  # the parse keeps the blank line after it
    line_start = text.rfind("\n", 0, start) + 1
    if text[line_start:start].strip() or len(sentence.text.strip()) > _LONGEST:
        return False
    if _PHOTO.match(text[start:end]):
        return True
    after = text[end : end + 120]
    return bool(_CREDIT_ON_LINE.match(after)) or bool(re.match(r"^\s*📷", after))


def caption_doer(reader, sentence: Span, context: list[Span]) -> BodyMention | None:
    """The context's doer (``context``: the bodies it offers, nearest first) as the doer of a dated
    caption that names an event, or None."""
    if not context or not _DATED.search(sentence.text) or not is_caption(sentence, reader.report.text):
        return None
    caption = _PHOTO.sub("", sentence.text)
    if not (_AT_EVENT.search(caption) or _OPENS_ON_EVENT.match(caption)):
        return None
    return replace(reader.mention(context[0]), confidence=0.6)
