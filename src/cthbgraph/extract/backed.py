"""Doers named in a hyphenated modifier of the event: "an OSCE-supported course", "a Mission-funded exhibition".

"Twenty police officers completed an OSCE-supported course", "a Mission-supported exhibition opened in
Belgrade": the sentence's subject is the participants or the event itself, and the only name of the
body behind the event sits in a compound before the event noun. Every annotation set reads such an
event as the work of that body, so the compound names the doer. "OSCE" stands for the OSCE body the
text is about (its title line's, else the one just named, else the field operation in the town of the
dateline); a short name ("Mission", "Office") for the latest body with that head word.
"""

from __future__ import annotations

import re

from spacy.tokens import Span

from ..records import BodyMention
from . import activities as act
from .bodies import load_gazetteer
from .short_names import resolve

_BACKED = re.compile(
    r"\b(?P<name>OSCE|[A-Z][a-z]+)\s?-\s?(?:supported|funded|sponsored|organi[sz]ed|financed|backed|run)\s+"
    r"(?P<noun>[\w’'-]+(?:\s+[\w’'-]+){0,4})"
)
_DATELINE = re.compile(r"^\s*(?P<town>[A-Z][A-Z’' -]+[A-Z])\s*(?:,\s*[A-Z][\w ]+)?,\s*\d")


def backed_doers(reader, sentence: Span, author: Span | None, earlier: list[Span], recent) -> tuple[BodyMention, ...]:
    """The body an event noun's "<name>-supported" modifier names, when the sentence reports the event done."""
    m = _BACKED.search(sentence.text)
    if m is None or not act.reports_action(sentence):
        return ()
    start = sentence.start_char + m.start("noun")
    end = sentence.start_char + m.end("noun")
    if not any(act.is_event(t) for t in sentence if start <= t.idx < end):
        return ()
    name = m.group("name")
    if name != "OSCE":
        return resolve(reader, f"the {name}", author, earlier)
    for body in (author, *reversed(recent)):
        if body is not None and body.label_ not in ("ExternalOrganisation",) and body.id_ != "osce":
            return (reader.mention(body),)
    return _dateline_office(reader)


def _dateline_office(reader) -> tuple[BodyMention, ...]:
    """ "ASTANA, 21 June 2013 –": the OSCE field operation in the town of a press release's dateline."""
    text = reader.report.text
    for line in text.splitlines()[:4]:
        m = _DATELINE.match(line)
        if m is None:
            continue
        town = m.group("town").title()
        found = [e for e in load_gazetteer() if e.kind == "FieldOperation" and re.search(rf"\b(?:in|to)\s+{re.escape(town)}$", e.label)]
        if len(found) != 1:
            return ()
        start = text.find(line) + m.start("town")
        excerpt = reader.excerpt(start, start + len(m.group("town")))
        return (BodyMention(excerpt, found[0].key, found[0].label, found[0].kind, confidence=0.6),)
    return ()
