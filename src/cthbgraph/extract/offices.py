"""The office that serves a post, read where a sentence names the office by the post.

"Her Office also published ..." or "the Office organized ...", right after an act of the Special
Representative, and "The Special Representative's Office trained ..." name the office that serves the
post (the gazetteer's ``office`` of a post, ``org:postIn``), not the post: the office is the doer, with
the words that name it as its excerpt.
"""

from __future__ import annotations

from spacy.tokens import Span

from ..records import BodyMention
from . import activities as act
from .bodies import load_gazetteer, post_offices
from .short_names import TALLY


def post_office(reader, sentence: Span, recent: list[Span], bodies: list[Span], candidate) -> BodyMention | None:
    """The office a sentence's subject names by its post, or None. ``reader``: the DocReader (for excerpts);
    ``recent``: the doers of the activity just before; ``bodies``: the body mentions of the sentence."""
    if not act.reports_action(sentence):
        return None
    verb = act.main_verb(sentence)
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or subject.lemma_.lower() != "office":
        return None
    offices = post_offices()
    owners = [c for c in subject.children if c.dep_ == "poss"]
    # "The Special Representative's Office": the possessor is a mention of a post.
    post = next((b for b in bodies for o in owners if b.start <= o.i < b.end and b.id_ in offices), None)
    if post is None:
        if candidate and candidate.agents or act.anaphoric_subject(sentence) != "office":
            return None
        # "Her Office", or "the Office", right after the post's act: "The Special Representative held 40
        # meetings. ... Instead, the Office organized a series of webinars".
        if owners and not any(o.lower_ in ("her", "his", "its", "their") for o in owners):
            return None
        if not owners and TALLY.match(sentence.doc.text[sentence.start_char : subject.idx]):
            return None  # "In total, the Office held more than 60 meetings": a tally of events, not one
        post = next((s for s in reversed(recent) if s.id_ in offices), None)
    if post is None:
        return None
    entry = next((e for e in load_gazetteer() if e.key == offices[post.id_]), None)
    if entry is None:
        return None
    start = subject.left_edge.idx
    return BodyMention(reader.excerpt(start, subject.idx + len(subject.text)), entry.key, entry.label, entry.kind, confidence=0.7)
