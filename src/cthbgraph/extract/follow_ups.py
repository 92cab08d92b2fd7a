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

import re

from spacy.tokens import Span

from .activities import EVENT_NOUNS, main_verb
from .doers import lends_a_part

# People who deliver or attend an event, named by what they are.
_PEOPLE = {
    "participant", "speaker", "trainer", "expert", "instructor", "lecturer", "attendee", "delegate", "representative",
    "panellist", "panelist", "inspector", "officer", "judge", "prosecutor", "student", "trainee", "lawyer", "member",
    "survivor", "colleague", "investigator", "official", "facilitator", "moderator", "staff", "delegation",
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
    if opens_on_the_event(sentence):
        return True
    if lemma in _ROLE_VERBS and any(_the_event(c) for c in verb.children if c.dep_ == "dobj"):
        return True
    return any(s.lower_ in _ORDINALS and any(c.lower_ == "the" for c in s.children) for s in subjects)


def _the_event(token) -> bool:
    lemma = token.lemma_.lower()
    named = lemma in _EVENT_WORDS or lemma.rstrip("s") in _EVENT_WORDS
    return named and any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in token.children)


# Parts of an event that a follow-up may name with "a" ("A trainer from X led a session on ..."):
# a new session is part of the event just told, a new training or conference is another event.
_PART_NOUNS = {"session", "presentation", "lecture", "panel", "module", "discussion", "exercise", "simulation", "round", "table"}
# An OSCE body named by its head noun ("the Presence", "the Office") or by the Organization's acronyms.
_OSCE_WORDING = re.compile(
    r"\b(?:OSCE|ODIHR|SPMU|TNTD|OCEEA|SR)\b|\b(?:the|its|this)\s+(?:Presence|Mission|Office|Centre|Center|Unit|Section|"
    r"Department|Secretariat|Co-ordinator|Coordinator|Chairmanship|Assembly|Programme\s+Office|Special\s+Representative)\b(?!\s+of\b)"
)
# "co-operation with IOM on ...": the bodies named are the partners of an unnamed doer, not doers of their own.
_WITH_PARTNER = re.compile(r"\b(?:co-?operation|collaboration|partnership|together|jointly)\s+with\b", re.IGNORECASE)
_OPENERS = {"the", "this", "these", "each", "both", "all"}
_MONTHS = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
# "In March 2005", "On 30 July", "In the second half of 2005", "Early in 2010" at the head of the sentence.
_DATE_OPENING = re.compile(
    r"^\s*(?:(?:In|On|From|Between|(?:Early|Earlier|Late|Later)\s+in|At\s+the\s+(?:beginning|end)\s+of)\s+(?:(?:early|late|mid-?)\s*)?"
    r"(?:\d{1,2}(?:\s*[-–]\s*\d{1,2})?\s+)?(?:" + _MONTHS + r"|(?:19|20)\d\d\b|the\s+(?:first|second|third|fourth|last)\s+(?:half|quarter)\b)"
    r"|(?:\d{1,2}\s+)?" + _MONTHS + r"\s+(?:19|20)\d\d\b)"
)

# "To this end, ...", "For this purpose, ...": the sentence tells how the aim just stated was pursued.
_MEANS_OPENING = re.compile(r"^\s*(?:to\s+(?:this|that)\s+end|for\s+(?:this|that)\s+purpose)\b", re.IGNORECASE)

# "On the eve of the conference, ...", "Ahead of the visit, ...": a time before the event just told,
# so what follows is another event.
_BEFORE_OPENING = re.compile(r"^\s*(?:On\s+the\s+eve\s+of|Ahead\s+of|Prior\s+to|Before)\s+(?:the|this|its)\b")


def opens_on_the_event(sentence: Span) -> bool:
    """ "The three-day course in Kyiv was co-funded by ...", "Each seminar was co-led by ...": the
    sentence opens on the event just told, named with "the", "this" or "each", whatever the parse
    made of the rest (the small model may attach such a subject to the wrong verb)."""
    words = [t for t in sentence if not t.is_space]
    if not words or words[0].lower_ not in _OPENERS:
        return False
    head = None
    for t in words[1:7]:
        if t.pos_ in ("VERB", "AUX", "ADP", "PRON") or (t.is_punct and t.text != "-"):
            break
        if t.pos_ in ("NOUN", "PROPN"):
            head = t
    return head is not None and head.pos_ == "NOUN" and (head.lemma_.lower() in _EVENT_WORDS or head.lower_.rstrip("s") in _EVENT_WORDS)


def opens_on_the_means(sentence: Span) -> bool:
    """ "To this end, the States were invited to answer a survey", "For this purpose, the concept is taught
    in training ...": the adjunct points back at the sentence before, whose aim this one pursues; it
    goes on with the event just told, even where it names the means by an event noun ("a survey")."""
    return bool(_MEANS_OPENING.match(sentence.text))


def opens_on_a_date(sentence: Span) -> bool:
    """The sentence opens on a date ("In March 2005 the Mission ...", "On 30 July 2020, ..."): in a
    report, how a new event is told; a follow-up says "the visit", "the course" instead."""
    return bool(_DATE_OPENING.match(sentence.text) or _BEFORE_OPENING.match(sentence.text))


def others_act(activity, sentence: Span) -> bool:
    """What bodies other than the OSCE's did, with no OSCE body in the sentence ("The course was hosted
    by the Police Academy", "The Ministry opened a department"): their part in the event just told,
    or their own action, never an OSCE activity of its own. The reader may miss an OSCE body named by
    its head noun alone ("the Presence and UNICEF published ..."), so that wording keeps the sentence."""
    if not activity.agents or any(m.kind != "ExternalOrganisation" for m in (*activity.agents, *activity.partners)):
        return False
    if _OSCE_WORDING.search(sentence.text) or _WITH_PARTNER.search(sentence.text):
        return False
    bodies = sentence.doc.spans.get("cthb_bodies", [])
    return not any(b.label_ != "ExternalOrganisation" and sentence.start_char <= b.start_char < sentence.end_char for b in bodies)


# The words of the verbs doers.lends_a_part accepts (host, chair, contribute, co-design, act as, lead,
# prepare, deliver, teach, facilitate, conduct, give), in any form: a cheap first test.
_LENDING = re.compile(
    r"\b(?:host|chair|contribut|co-design|act|lead|led|prepar|deliver|teach|taught|facilitat|conduct|give|gave)\w*", re.IGNORECASE
)


def hosts_part(sentence: Span) -> bool:
    """ "The Ministry of Labour hosted a session on farm inspections": a body outside the OSCE that hosted,
    chaired or delivered a part (doers.py makes it a partner, and the reader gives the sentence its
    context's doer). With no OSCE body named in it, the sentence tells that body's part in the event
    just told."""
    if _OSCE_WORDING.search(sentence.text) or not _LENDING.search(sentence.text):
        return False  # cheap tests first: the scan of the document's bodies below is the costly part
    inside = [b for b in sentence.doc.spans.get("cthb_bodies", []) if sentence.start_char <= b.start_char < sentence.end_char]
    if any(b.label_ != "ExternalOrganisation" for b in inside):
        return False
    return any(lends_a_part(b, after_an_event=True) for b in inside)


def names_another_event(sentence: Span) -> bool:
    """An event named with "a", "another", "two" ... that is not a part of the one just told."""
    new = {"a", "an", "another", "two", "three", "several", "new"}
    for t in sentence:
        lemma = t.lemma_.lower()
        named = lemma in _EVENT_WORDS or lemma.rstrip("s") in _EVENT_WORDS
        if named and t.pos_ == "NOUN" and lemma not in _PART_NOUNS and any(c.lower_ in new for c in t.children):
            return True
    return False
