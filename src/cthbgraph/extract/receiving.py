"""Verbs whose subject receives what was done: trainees, guests and attendees are not doers.

"Eighteen investigators of the Police Service completed a course", "Officials of the Ministry attended",
"Seven officials ... completed a study visit organized by the Centre": the bodies named in the subject
are the beneficiaries or the participants of an event another organised.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from .bodies import OSCE_KINDS

# Verbs whose subject receives what was done ("investigators completed a course held by the Mission",
# "inspectors learned how to ..."): the subject is the beneficiary, not the doer.
RECEIVING = {"learn", "receive", "graduate", "undergo"}
_TAKING = {"complete", "attend", "finish", "take"}  # "completed a course": a trainee's verb with a course as object
_COURSES = {"course", "training", "programme", "program", "module", "curriculum", "class", "lesson"}
_VISITS = {"visit", "tour", "internship", "exchange"}


def receives(verb: Token) -> bool:
    """Whether the subject of ``verb`` is taught or given something rather than doing it."""
    lemma = verb.lemma_.lower()
    if lemma in RECEIVING:
        return True
    if lemma == "attend" or (lemma == "take" and any(c.dep_ == "dobj" and c.lower_ == "part" for c in verb.children)):
        return True  # "Officials of the Ministry attended", "took part in the training": participants, not doers
    if lemma in _TAKING and any(c.dep_ == "dobj" and c.lemma_.lower() in _VISITS and _done_by_another(c) for c in verb.children):
        return True  # "officials completed a study visit organized by the Centre"; an assessment visit is its team's
    return lemma in _TAKING and any(c.dep_ == "dobj" and c.lemma_.lower() in _COURSES for c in verb.children)


def _done_by_another(noun: Token) -> bool:
    """ "a visit (to Lithuania) organized by the Centre": a clause on the noun (the parse may hang it on the
    place) names who did it."""
    return any(c.dep_ == "acl" and any(g.dep_ == "agent" or g.lower_ == "by" for g in c.children) for c in noun.subtree)


def attending(sentence: Span, bodies: list[Span]) -> list[Span]:
    """The OSCE bodies whose people attend or take part in the sentence's event: an OSCE report tells its
    bodies' part in another's event as their activity (the trainees of a national body stay none)."""
    from . import activities as act  # activities reads ``receives``: imported here, not at the top

    found = []
    for body in bodies:
        verb = act.action_verb_for(body)
        if verb is None or body.label_ not in OSCE_KINDS or body.id_ == "osce":
            continue
        lemma = verb.lemma_.lower()
        if lemma == "attend" or (lemma == "take" and any(c.dep_ == "dobj" and c.lower_ == "part" for c in verb.children)):
            found.append(body)
    return found
