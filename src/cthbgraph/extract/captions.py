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
from .non_events import _EVENT_WORDS, _PEOPLE
from .topics import not_doing

_LONGEST = 300
_LONGEST_LABELLED = 500
_NEAR = 2000  # how far before a caption the text it illustrates may name its body  # "Cover: During a fact-finding visit ...": a labelled caption may tell more
# The credit closing the caption's line, or on a line of its own below it ("© (OSCE/Name)", " (OSCE)").
_CREDIT_ON_LINE = re.compile(r"^\s*[📷©]?[ \t]*\([^()\n]{1,80}\)[ \t]*(?:\n|$)")
_PHOTO = re.compile(r"^\s*(?:Photo|Cover(?:\s+photo)?)\s*:", re.IGNORECASE)
_WORDS = "|".join(sorted(w for w in _EVENT_WORDS if w.isalpha()))
# "at the consultation meeting", "during the 17th Alliance conference", "at a round table".
_AT_EVENT = re.compile(rf"\b(?:at|during)\s+(?:the|a|an|this|his|her|its|their)\s+(?:[\w*’'-]+\s+){{0,6}}?(?:{_WORDS})s?\b", re.IGNORECASE)
# "Meeting with the Head of ...", "Visit to the shelter ...", "Opening of the conference ...".
_OPENS_ON_EVENT = re.compile(rf"^\s*(?:(?:{_WORDS})s?|meeting|opening|signing)\s+(?:with|to|of|on|at|for|during)\b", re.IGNORECASE)
# "during the Third Simulation", "at the 16th Alliance conference": one numbered event of a series.
_ORDINALS = r"(?:\d{1,2}(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)"
_AT_NUMBERED_EVENT = re.compile(rf"\b(?:at|during)\s+the\s+{_ORDINALS}\s+(?:[\w*’'-]+\s+){{0,4}}?(?:{_WORDS})s?\b", re.IGNORECASE)
# "Two-day training on ... for 60 officers": the caption is the event's own description.
_LASTING = re.compile(rf"^\s*[\w]+-(?:day|week|month)\s+(?:{_WORDS})s?\b", re.IGNORECASE)


def is_caption(sentence: Span, text: str) -> bool:
    """A paragraph of its own followed by a photo credit, or a line opening on "Photo:"."""
    start = sentence.start_char
    end = start + len(text[start : sentence.end_char].rstrip())  # the parse keeps the blank line after it
    line_start = text.rfind("\n", 0, start) + 1
    if text[line_start:start].strip():
        return False
    if _PHOTO.match(text[start:end]):
        return len(sentence.text.strip()) <= _LONGEST_LABELLED
    if len(sentence.text.strip()) > _LONGEST:
        return False
    after = text[end : end + 120]
    return bool(_CREDIT_ON_LINE.match(after)) or bool(re.match(r"^\s*📷", after))


def caption_doer(reader, sentence: Span, context: list[Span]) -> BodyMention | None:
    """The doer of a caption that shows an event (dated and naming it, or see :func:`_undated_event`): the
    OSCE body the caption names, else the context's (``context``: the bodies it offers, nearest first),
    else the OSCE body last named in the text before it; or None."""
    if not is_caption(sentence, reader.report.text):
        return None
    caption = _PHOTO.sub("", sentence.text)
    if not (_DATED.search(caption) and (_AT_EVENT.search(caption) or _OPENS_ON_EVENT.match(caption))) and not _undated_event(sentence, caption):
        return None
    own = _named_body(reader, sentence)
    if own is None and _another_body_s_people(reader, sentence, caption):
        return None
    # The Organization as a whole ("The OSCE, as an inter-governmental organization, supports …") frames a
    # report by one of its bodies: the body at work is a named one.
    body = own or next((c for c in context if c.id_ != "osce"), None) or _body_before(reader, sentence)
    return replace(reader.mention(body), confidence=0.6) if body is not None else None


def _another_body_s_people(reader, sentence: Span, caption: str) -> bool:
    """ "X, Deputy Director, ILO, speaking at the ... event": the photo shows another body's people at
    an event, not the context's body at work (a body named after the event is its audience or partner)."""
    event = _AT_EVENT.search(caption) or _OPENS_ON_EVENT.match(caption) or _LASTING.match(caption) or _AT_NUMBERED_EVENT.search(caption)
    at = sentence.end_char - len(caption) + (event.start() if event else len(caption))
    return any(sentence.start_char <= b.start_char < at and not not_doing(b) for b in reader.body_spans)


def _named_body(reader, sentence: Span) -> Span | None:
    """ "During her visit to Atlantis, Ambassador X, OSCE Special Representative ...": the caption names who."""
    inside = (b for b in reader.body_spans if sentence.start_char <= b.start_char and b.end_char <= sentence.end_char)
    return next((b for b in inside if b.label_ != "ExternalOrganisation" and not not_doing(b)), None)


def _body_before(reader, sentence: Span) -> Span | None:
    """The OSCE body last named in the text before a caption, captions aside: a photo sits by the text
    it illustrates, and a caption above it shows another moment."""
    for body in reversed([b for b in reader.body_spans if sentence.start_char - _NEAR <= b.start_char < sentence.start_char]):
        if body.label_ != "ExternalOrganisation" and body.id_ != "osce" and not is_caption(body.sent, reader.report.text):
            return body
    return None


def _undated_event(sentence: Span, caption: str) -> bool:
    """An undated caption that opens on an event and places it ("Meeting during the assessment visit in
    Batumi, Georgia, ...", "During her visit to Atlantis, ..."), that describes one whole ("Two-day
    training on ... for 60 officers") or that names one of a numbered series ("during the Third
    Simulation"): the event is the photo's subject, not a moment of one told elsewhere."""
    if _LASTING.match(caption):
        return True
    first = re.match(r"\s*([A-Za-z]+)", caption)
    if _AT_NUMBERED_EVENT.search(caption) and not (first and first.group(1).lower().rstrip("s") in _PEOPLE):
        return True  # "Trainees during the Second Simulation ...": the people of an event, a moment of it
    opens = _OPENS_ON_EVENT.match(caption) or (_AT_EVENT.match(caption.strip()) is not None)
    return bool(opens) and any(e.label_ == "GPE" for e in sentence.ents)
