"""The convener of a platform's conference: "the 17th Alliance conference" was not held by the Alliance.

The Alliance against Trafficking in Persons is a platform of organisations, not a body that acts; its
annual conference is convened by the OSCE Special Representative. A sentence whose only doer is the
platform named as the modifier of an event noun ("Alliance conference closes ...", "the conference of
the Alliance") has the convener as its doer. A report that speaks of the post's Office rather than of
the post ("the OSR/CTHB") gets the Office: the text's own way of naming the convener.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Span

from ..records import Activity, BodyMention
from . import activities as act
from .bodies import load_gazetteer, post_offices

# General knowledge: the platform -> the post that convenes its events.
_CONVENED_BY = {"alliance-against-trafficking-in-persons": "special-representative-cthb"}


def _names_an_event(span: Span) -> bool:
    """ "the Alliance conference", "the 17th Alliance against Trafficking in Persons conference", "the
    conference of the Alliance": the platform names the event rather than doing it."""
    after = next((t for t in span.doc[span.end : span.end + 3] if not (t.is_space or t.is_punct)), None)
    if after is not None and after.lemma_.lower() in act.EVENT_NOUNS:
        return True  # the name before the noun, whatever the parse made of a long name in emphasis marks
    head = act.head_token(span)
    owner = head.head
    if head.dep_ == "pobj" and owner.lower_ == "of":
        owner = owner.head
    elif head.dep_ not in ("compound", "nmod", "amod", "poss"):
        return False
    return owner.lemma_.lower() in act.EVENT_NOUNS


def convened(reader, activity: Activity) -> Activity:
    """A listing line's activity with the convener for a platform that only names the event."""
    spans = tuple(reader.doc.char_span(m.excerpt.start, m.excerpt.end, alignment_mode="expand") for m in activity.agents)
    if not spans or any(s is None for s in spans):
        return activity
    found = convener(reader, spans, tuple(m.key for m in activity.agents))
    return replace(activity, agents=(found,)) if found is not None else activity


def convener(reader, agent_spans: tuple[Span, ...], keys: tuple[str, ...] = ()) -> BodyMention | None:
    """The convener of the event when the sentence's doers are only a platform naming it, or None.
    ``keys``: the doers' keys, where the spans are not the recogniser's (a listing's records)."""
    keys = keys or tuple(s.id_ for s in agent_spans)
    if not agent_spans or not all(k in _CONVENED_BY and _names_an_event(s) for k, s in zip(keys, agent_spans)):
        return None
    post = _CONVENED_BY[keys[0]]
    office = post_offices().get(post)
    keys = [b.id_ for b in reader.body_spans]
    key = office if office and keys.count(office) > keys.count(post) else post
    entry = next((e for e in load_gazetteer() if e.key == key), None)
    if entry is None:
        return None
    span = agent_spans[0]
    return BodyMention(reader.excerpt(span.start_char, span.end_char), entry.key, entry.label, entry.kind, confidence=0.6)
