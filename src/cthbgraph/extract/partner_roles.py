"""Partners by their role in the sentence, beyond "with" and funders (see :func:`.activities.find_activities`).

The conventions of the annotation sets (``tests/written6/README.md``, "Doers (agents) and partners")
make partners of the body a doer supports, funds or meets ("the Mission supported the Ministry in
drafting ...", "funded the hotline of the NGO ...", "met the National Rapporteur"), the body a request
or invitation came from ("at the request of the Ministry of Justice") and the organiser of another's
event a doer addresses or attends ("addressed a conference of the European Commission") and the host
whose premises an event was held at ("held at the Police Academy"). Each is read
from the phrase the body hangs in, not from its name.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from .provisions import head_token

# Verbs whose direct object works with the doer's help or meets it: the object is a partner, not a beneficiary
# of training ("trained 25 officers of the Migration Police" keeps the police out).
_BACKING = {"support", "assist", "help", "fund", "finance", "co-finance", "cofinance", "meet", "brief"}
# Nouns of a request a doer acted on: "at the request of", "upon the invitation of".
_ASKING = {"request", "invitation"}
_ASKING_PREPOSITIONS = {"at", "upon", "on"}
# Gatherings another body holds: "a conference of the European Commission", "a hearing of the Commission".
_GATHERINGS = {"conference", "meeting", "hearing", "session", "forum", "summit", "congress"}
# Verbs by which the doer holds the gathering itself: "convened the first meeting of the Council" makes the
# body the doer's own forum or its participants, not the organiser.
_HOLDING = {"convene", "organize", "organise", "co-organize", "co-organise", "hold", "arrange"}
# People who contribute to an event named by their body ("Trainers from IOM covered ..."): in a sentence that
# reports no act of its own, the body is the event's partner (the event's doer is read from the context).
_CONTRIBUTORS = {"trainer", "lecturer", "speaker", "panellist", "panelist", "presenter", "expert", "facilitator", "instructor"}
# Events held at a body's premises: "a course held at the Police Academy", "a seminar ... at the Justice Academy".
_EVENTS_HELD = {"course", "seminar", "training", "workshop", "conference", "meeting", "session", "round", "table", "event"}


def plays_a_part(body: Span) -> bool:
    """Whether ``body`` is a partner by its role: backed or met by the doer, the source of a request, the
    organiser of a gathering the doer took part in."""
    node = head_token(body)
    return _backed(node) or _asked(node) or _holds_the_gathering(node) or _venue(node)


def _backed(node: Token) -> bool:
    """ "The Centre supported the State Migration Service in running a hotline", "funded a project of the
    Office": the body inside the direct object of a verb of backing or meeting."""
    child = node
    for ancestor in node.ancestors:
        if ancestor.pos_ in ("VERB", "AUX"):
            return ancestor.lemma_.lower() in _BACKING and child.dep_ == "dobj"
        child = ancestor
    return False


def _of_noun(node: Token) -> Token | None:
    """The noun ``node`` hangs on by "of" ("the request of the Ministry" → request), or None."""
    if node.dep_ != "pobj" or node.head.lower_ != "of":
        return None
    noun = node.head.head
    return noun if noun.pos_ in ("NOUN", "PROPN") else None


def _asked(node: Token) -> bool:
    noun = _of_noun(node)
    return noun is not None and noun.lemma_.lower() in _ASKING and noun.dep_ == "pobj" and noun.head.lower_ in _ASKING_PREPOSITIONS


def _holds_the_gathering(node: Token) -> bool:
    """ "The Special Representative addressed a conference of the European Commission": not the gathering
    that is the subject of its sentence ("A meeting of the Task Force adopted ..."), one the doer holds, or a
    kind of gathering ("the latest in the series of conferences of the Alliance": plural, no one event)."""
    noun = _of_noun(node)
    if noun is None or noun.lemma_.lower() not in _GATHERINGS or noun.dep_ not in ("dobj", "pobj") or noun.tag_ == "NNS":
        return False
    return not (noun.dep_ == "dobj" and noun.head.lemma_.lower() in _HOLDING)


def named_partners(bodies: list[Span]) -> list[Span]:
    """The partners a sentence that reports no act of its own names: bodies "with", funders and hosts by
    role (:func:`plays_a_part`), and the bodies of the people who contributed ("Trainers from IOM ...")."""
    from .activities import funder, governed_by_with  # activities.py imports this module

    return [b for b in bodies if governed_by_with(b) or funder(b) or plays_a_part(b) or _contributes(head_token(b))]


def _contributes(node: Token) -> bool:
    """ "Trainers from the Office and from IOM covered ...": the body of the people in the subject who gave the event."""
    if node.dep_ != "pobj" or node.head.lower_ not in ("from", "of"):
        return False
    people = node.head
    # "from the Office and from IOM": the second "from" or body hangs on the first, not on the people.
    while people.head is not people and (people.dep_ in ("conj", "pobj") or people.lower_ in ("from", "of")):
        people = people.head
    return people.lemma_.lower() in _CONTRIBUTORS and people.dep_ in ("nsubj", "nsubjpass")


def _venue(node: Token) -> bool:
    """ "held by the Mission at the Kosovo Police School", "wrapped up today at the Justice Academy": the body
    whose premises host the act is its host, a partner."""
    if node.dep_ != "pobj" or node.head.lower_ != "at":
        return False
    on = node.head.head
    return on.pos_ in ("VERB", "AUX") or (on.pos_ == "NOUN" and on.lemma_.lower() in _EVENTS_HELD)
