"""More ways a sentence goes on with the event just reported, read on ``tests/written`` (dev).

:func:`cthbgraph.extract.events.refers_back` reads the common ones (the event named with "the", a
pronoun, the participants). Follow-ups also name the people who delivered or joined the event by
what they are and whom they came from ("Lawyers of the NGO X presented three cases", "Trainers from
Europol led the sessions", "Prosecutors, members of GRETA and lawyers from Y took part"), a body's
part in the event named as the object ("The Secretary General also addressed the hearing"), and the
first of several events just announced ("The first, in Almaty in March, was hosted by ..."). Each is
another body's part in the event, not an event of its own. ``refers_back`` is left as it is: the
learned filter (``event_filter.py``) reads it as a feature.
"""

from __future__ import annotations

from spacy.tokens import Span

from .activities import EVENT_NOUNS, main_verb

# People who deliver or attend an event, named by what they are.
_PEOPLE = {
    "participant", "speaker", "trainer", "expert", "instructor", "lecturer", "attendee", "delegate", "representative",
    "panellist", "panelist", "inspector", "officer", "judge", "prosecutor", "student", "trainee", "lawyer", "member",
    "survivor", "colleague", "investigator", "official", "facilitator", "moderator",
}
# What such people do at an event: take part in it, lead or give parts of it.
_PART_VERBS = {
    "take", "participate", "attend", "join", "contribute", "lead", "chair", "moderate", "present", "give", "deliver",
    "share", "testify", "speak", "facilitate", "run",
}
# Verbs of a body's part in an event named as their object ("addressed the hearing").
_ROLE_VERBS = {"address", "open", "close", "chair", "moderate", "attend", "join", "co-chair", "facilitate"}
_ORDINALS = {"first", "second", "third", "last", "latter", "former"}
_EVENT_WORDS = (EVENT_NOUNS - {"mission", "network", "forum", "programme"}) | {"hearing", "session", "panel", "visit", "presentation"}


def goes_on(sentence: Span) -> bool:
    """The sentence tells another body's part in the event just reported (see the module's docstring)."""
    verb = main_verb(sentence)
    if verb is None:
        return False
    lemma = verb.lemma_.lower()
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    subjects += [g for s in subjects for g in s.children if g.dep_ == "conj"]
    if lemma in _PART_VERBS and any(s.lemma_.lower() in _PEOPLE or s.lemma_.lower().rstrip("s") in _PEOPLE for s in subjects):
        return not (lemma == "take" and not any(c.lower_ == "part" for c in verb.children))
    if lemma in _ROLE_VERBS and any(_the_event(c) for c in verb.children if c.dep_ == "dobj"):
        return True
    return any(s.lower_ in _ORDINALS and any(c.lower_ == "the" for c in s.children) for s in subjects)


def _the_event(token) -> bool:
    lemma = token.lemma_.lower()
    named = lemma in _EVENT_WORDS or lemma.rstrip("s") in _EVENT_WORDS
    return named and any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in token.children)
