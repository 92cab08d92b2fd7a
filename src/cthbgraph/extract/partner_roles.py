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

import re

from spacy.tokens import Span, Token

from .bodies import OSCE_KINDS
from .provisions import head_token

# Verbs whose direct object works with the doer's help or meets it: the object is a partner, not a beneficiary
# of training ("trained 25 officers of the Migration Police" keeps the police out).
_BACKING = {"support", "assist", "help", "fund", "finance", "co-finance", "cofinance", "meet", "brief"}
# Verbs of drawing people in: only the body itself or its people are the partner ("mobilized the Alliance
# partners", "consulted the Ministry"), not its papers ("consulted previous ATAU reports").
_DRAWING_IN = {"consult", "mobilize", "mobilise"}
_PEOPLE = {"partner", "member", "representative", "official", "expert", "staff", "counterpart"}
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
# Frames an act is done under: "under the framework of the Stability Pact", "under the auspices of the Chairmanship".
_FRAMES = {"framework", "auspices", "aegis", "umbrella"}
# Help a body gave, named by a noun inside a prepositional phrase: "thanks to the collaboration of the AECT",
# "through the support of UNICEF". Participation is no help: participants are neither doers nor partners.
_HELP = {"collaboration", "co-operation", "cooperation", "support", "assistance", "help", "partnership", "contribution", "input"}
# Events and lines of work another body owns, named attributively: "at the UNODC workshop", "an EC project".
_OWNED_WORK = _GATHERINGS | {"workshop", "seminar", "course", "training", "project", "programme", "program", "campaign", "initiative"}
_SETTINGS = {"at", "during"}
# Events held at a body's premises: "a course held at the Police Academy", "a seminar ... at the Justice Academy".
_EVENTS_HELD = {"course", "seminar", "training", "workshop", "conference", "meeting", "session", "round", "table", "event"}


def plays_a_part(body: Span) -> bool:
    """Whether ``body`` is a partner by its role: backed or met by the doer, the source of a request, the
    organiser of a gathering the doer took part in."""
    node = head_token(body)
    return (
        _backed(node) or _asked(node) or _framed_or_helped(node) or _holds_the_gathering(node) or _owns_the_work(node)
        or _venue(node) or _organises_the_listed_event(body)
    )


def _backed(node: Token) -> bool:
    """ "The Centre supported the State Migration Service in running a hotline", "funded a project of the
    Office": the body inside the direct object of a verb of backing or meeting."""
    child = node
    for ancestor in node.ancestors:
        if ancestor.pos_ in ("VERB", "AUX"):
            if ancestor.lemma_.lower() in _DRAWING_IN:
                return node.dep_ == "dobj" or (node.dep_ == "compound" and node.head.dep_ == "dobj" and node.head.lemma_.lower() in _PEOPLE)
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


def _framed_or_helped(node: Token) -> bool:
    """ "under the framework of the Stability Pact", "thanks to the collaboration of the AECT": the frame or the
    help an act was done with, read inside a prepositional phrase (the subject "The support of the Mission
    enabled ..." names a doer)."""
    noun = _of_noun(node)
    if noun is None or noun.dep_ != "pobj":
        return False
    lemma = noun.lemma_.lower()
    # The frame of the act the sentence reports, not of a purpose ("consulting ... to plan an initiative
    # within the framework of the Alliance").
    return lemma in _HELP or (lemma in _FRAMES and noun.head.head.dep_ in ("ROOT", "conj"))


def _owns_the_work(node: Token) -> bool:
    """ "The SPMU spoke at the UNODC workshop", "an EC project, co-implemented by the SPMU": the body written
    attributively on an event or a line of work that is not the doer's own (an object not held by the doer,
    a setting outside the subject, or a subject whose doer a "by" clause names)."""
    if node.dep_ not in ("compound", "poss", "nmod"):
        return False
    noun = node.head
    if noun.lemma_.lower() not in _OWNED_WORK:
        return False
    if noun.dep_ == "dobj":
        return noun.head.lemma_.lower() not in _HOLDING
    if noun.dep_ == "pobj":
        # A gathering the doer took part in ("at", "during" it); "incorporated into the SPMU project" names the
        # owner's own work, and "convened under the EC AGIS project" (tests/gold) makes the owner the doer.
        return noun.head.lower_ in _SETTINGS and not any(a.dep_ in ("nsubj", "nsubjpass") for a in noun.ancestors)
    if noun.dep_ in ("nsubj", "nsubjpass"):
        return any(c.dep_ == "acl" and any(g.dep_ == "agent" for g in c.children) for c in noun.children)
    return False


def _organises_the_listed_event(body: Span) -> bool:
    """ "• Conference on Trafficking and Gender, EU Presidency Portugal (7-9 October 2007, Porto)": in a line of
    a list of events (an event noun in its title, a closing bracket with the date, no finite verb), a body
    after the title's comma is the organiser. Read from the line's text, since the parse makes such titles
    clauses ("Spreading Pornography on the Internet"). An OSCE body there is the doer, in a line of its own."""
    if body.label_ in OSCE_KINDS:  # an OSCE body is never the outside organiser in a line of its own events
        return False
    text = body.doc.text
    start = max(text.rfind("\n\n", 0, body.start_char), 0)
    end = text.find("\n\n", body.end_char)
    line = text[start : end if end != -1 else len(text)]
    at = body.start_char - start
    title = _LISTED_LINE.match(line)
    if title is None or not (title.end() <= at < line.rfind("(")):
        return False
    return not any(t.tag_ in ("VBD", "VBZ", "VBP") for t in body.doc[body.start : body.end].sent if start <= t.idx < start + len(line))


# A list line naming an event: "• The 2nd Conference on ..., " or "Testimony of ..., ", closed by "(date, place)".
_LISTED_LINE = re.compile(
    r"\s*\W?\s*(?:The\s+)?(?:\d+\w*\s+)?(?:[A-Z][\w'’-]*\s+){0,4}?"
    r"(?:Conference|Seminar|Workshop|Meeting|Forum|Testimony|Hearing|Summit|Session|Round\s+Table|Consultation|Briefing)\b[^(]*?,"
    r"(?=[^()]*\([^()]*\d[^()]*\)\s*$)",
    re.DOTALL,
)


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

    found = [b for b in bodies if governed_by_with(b) or funder(b) or plays_a_part(b) or _contributes(head_token(b))]
    return found + listed_along(bodies, found, [])


def by_role(bodies: list[Span]) -> list[Span]:
    """The partners of a sentence whose act no verb of its own carries: bodies "with", funders, the roles of
    :func:`plays_a_part`, and the bodies listed along with one of them (:func:`listed_along`)."""
    from .activities import funder, governed_by_with  # activities.py imports this module

    found = [b for b in bodies if governed_by_with(b) or funder(b) or plays_a_part(b)]
    return found + listed_along(bodies, found, [])


# What parts the items of one list of names: a comma, a closing "and" or "as well as", an article, and the
# emphasis marks of converted text ("the **Presence in Albania**, the **Mission to Moldova** and ...").
_LIST_GAP = re.compile(r"[\s*_]*(?P<comma>,)?[\s*_]*(?:(?P<and>and|as\s+well\s+as)[\s*_]+)?(?:the[\s*_]+)?", re.IGNORECASE)

_LIST_END = re.compile(r"[\s*_”\"’)\]]*[.;!?]?[\s*_”\"’)\]]*")


def _before_its_verb(body: Span) -> bool:
    following = next((t for t in body.doc[body.end :] if not (t.is_space or t.text in ("*", "_"))), None)
    return following is not None and following.pos_ in ("VERB", "AUX")


def listed_along(bodies: list[Span], partners: list[Span], agents: list[Span]) -> list[Span]:
    """The bodies listed after a partner, parted by commas and closed by "and", that the parse hung elsewhere
    ("in co-operation with the field operations, i.e. with the Presence in Albania, the Mission to Bosnia and
    Herzegovina, ... and the Centre in Bishkek": the parse makes the later names appositions of the
    subject). Items of one list share one role; a list that holds a doer is the doers' list, and a list
    with no closing "and" may run on into the subject ("With IOM, the Mission organized ..."), and one its verb
    follows is the subject the parse missed ("under the framework of the Stability Pact, UNICEF and ODIHR
    commissioned ...")."""
    ordered = sorted(bodies, key=lambda b: b.start)
    extra: list[Span] = []
    for n, first in enumerate(ordered):
        if first not in partners:
            continue
        chain, previous, closed = [], first, False
        for body in ordered[n + 1 :]:
            gap = _LIST_GAP.fullmatch(body.doc.text[previous.end_char : body.start_char])
            if gap is None or not (gap.group("comma") or gap.group("and")):
                break
            chain.append(body)
            previous = body
            if gap.group("and"):
                closed = True
                break
        # Closed by "and", or by the end of the sentence ("..., the Centre in Almaty, the Centre in Bishkek.").
        closed = closed or bool(chain and _LIST_END.fullmatch(previous.doc.text[previous.end_char : previous.sent.end_char]))
        if closed and not any(b in agents for b in chain) and not _before_its_verb(previous):
            extra += [b for b in chain if b not in partners and b not in extra]
    return extra


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
