"""Who did what a sentence reports: its doers and partners, and how far the way they were found is trusted.

The grammar's subject or "by" agent comes first; a sentence without one takes a body in its subject, the
body an anaphor ("the Mission", "Training sessions were organized") stands for, the body of the section
heading, or the doer of a clause on the object.
"""

from __future__ import annotations

from spacy.tokens import Span

from . import activities as act
from .bodies import OSCE_KINDS
from .partner_roles import by_role
from .receiving import attending
from .relatives import objects_of, participle_on_the_object
from .topics import not_doing

_CONTRIBUTING = {"contribute", "co-design", "co-lead", "co-facilitate"}
_DELIVERING = {"lead", "prepare", "deliver", "teach", "facilitate", "conduct", "give"}
_DELIVERERS = {"trainer", "expert", "officer", "judge", "lecturer", "instructor", "specialist", "staff", "prosecutor", "lawyer"}
_GROUPS = {"delegation", "group", "participant", "team", "trainee", "visitor", "guest", "official", "member"}
# How far each way of finding the doer is to be trusted (cthb:confidence): the grammar's subject or
# "by" agent; a body inside the subject; an anaphor resolved to the doer just named; the body of the
# section heading; the doer of a clause on the object.
CONFIDENCE = {"grammar": 0.9, "subject": 0.8, "anaphor": 0.7, "section": 0.6, "secondary": 0.5, "context": 0.4}


def find_doers(sentence: Span, bodies: list[Span], candidate, recent: list[Span], section_body: Span | None, earlier: list[Span], author=None):
    """The doers and partners of a sentence and the confidence of the way they were found (``author``: the
    body of the text's title line). A sentence whose grammar names only a topic, a source or the attributive
    "OSCE" as its doer is the context's: the doers just before, the section's body, else the text's own."""
    agents, partners, confidence = _find_doers(sentence, bodies, candidate, recent, section_body, earlier)
    if agents or not act.reports_action(sentence):
        return agents, partners, confidence
    told = candidate.agents if candidate is not None and candidate.agents else act.subject_agents(sentence, bodies, list(partners))
    if not told or not all(not_doing(s) for s in told):
        return agents, partners, confidence
    context = tuple(recent) or tuple(b for b in (section_body, author) if b is not None)[:1]
    if not context:
        return tuple(told), partners, CONFIDENCE["secondary"]  # no better doer: the event is kept
    return context, tuple(p for p in partners if p not in context), CONFIDENCE["section"]


def _find_doers(sentence: Span, bodies: list[Span], candidate, recent: list[Span], section_body: Span | None, earlier: list[Span]):
    agent_spans: tuple[Span, ...] = candidate.agents if candidate else ()
    partner_spans: tuple[Span, ...] = (
        candidate.partners if candidate else tuple(by_role(bodies))
    )
    agent_spans = tuple(s for s in _drop_owners(_without_second_subjects(sentence, agent_spans)) if not _names_a_text(s) and not not_doing(s))
    organisers = tuple(s for s in candidate.secondary if _on_an_event(s)) if candidate else ()
    if not agent_spans and organisers and (attendees := tuple(attending(sentence, bodies))):
        # "Experts of the ODIHR took part in a conference organized by the Council of Europe": the OSCE
        # body's part in another's event is its activity, the organiser its partner.
        return attendees, (*partner_spans, *organisers), CONFIDENCE["grammar"]
    if not agent_spans and not organisers and act.reports_action(sentence) and (attendees := _attendees(sentence, bodies)):
        # "OSCE Chairperson-in-Office ... attends a ceremony": the OSCE body named attending is the doer
        # of its own sentence, before any doer the context would lend.
        return attendees, partner_spans, CONFIDENCE["grammar"]
    agent_spans, hosts = _without_hosts(agent_spans, recent, sentence, bool(organisers))
    partner_spans = (*partner_spans, *hosts)
    if hosts and not agent_spans and organisers:
        # "The Ministry hosted a round table organized by the Mission": the organiser did it.
        return organisers, tuple(p for p in partner_spans if p not in organisers), CONFIDENCE["grammar"]
    if hosts and not agent_spans and recent:
        agent_spans, route = tuple(recent), "anaphor"
        return agent_spans, tuple(p for p in partner_spans if p not in agent_spans), CONFIDENCE[route]
    route = "grammar"
    if not agent_spans and act.reports_action(sentence):
        agent_spans, partner_spans, route = _left_to_context(sentence, bodies, partner_spans, (recent, section_body, earlier))
    if not agent_spans and hosts:
        # The anaphor found no body: the host, named, is a surer doer than none.
        agent_spans, route = hosts, "secondary"
        partner_spans = tuple(p for p in partner_spans if p not in hosts)
    if not agent_spans and candidate is not None and candidate.secondary:
        if recent and _group_subject(sentence) and not any(_on_an_event(s) for s in candidate.secondary):
            # "the delegation visited a shelter run by the NGO": the NGO runs the shelter, the visit is
            # the one just reported.
            agent_spans, route = tuple(recent), "anaphor"
        else:
            agent_spans, route = candidate.secondary, "secondary"
    elif candidate is not None:
        # "the Office organized a study visit, hosted by the Ministry": the host of the clause on the
        # object lends its part to the doer's event.
        lent = tuple(s for s in candidate.secondary if s not in agent_spans and s not in partner_spans and lends_a_part(s, False))
        partner_spans = (*partner_spans, *lent)
        partner_spans = (*partner_spans, *others_event(candidate.secondary, agent_spans, partner_spans))
    return agent_spans, partner_spans, CONFIDENCE[route]


def others_event(secondary, agent_spans, partner_spans) -> tuple[Span, ...]:
    """ "The methodology was presented at a workshop organized by UNODC": the organisers of another's event the
    doers took part in are its partners; an event one of the doers organised ("presented at a seminar
    co-organized by the OCEEA and the Centre") is their own, and its co-organisers no partners."""
    # "training ... supported by the Centre in Tashkent" among the doer's own examples: the backer of such work
    # is one more doer (tests/gold), not the organiser of another's event.
    organisers = [s for s in secondary if _on_an_event(s) and act.action_verb_for(s).lemma_.lower() not in ("support", "assist", "help")]
    doers = {s.id_ for s in agent_spans}
    if any(s.id_ in doers for s in organisers):
        return ()
    return tuple(s for s in organisers if s not in agent_spans and s not in partner_spans)


def _left_to_context(sentence: Span, bodies: list[Span], partner_spans: tuple[Span, ...], context):
    """The doers of a sentence whose grammar names none: a body in its subject, a passive's "by" anaphor,
    the body its anaphoric subject stands for or the section's. ``context``: the doers just before, the section's body and the bodies named before."""
    recent, section_body, earlier = context
    doing = [b for b in bodies if not _names_a_text(b) and not not_doing(b)]
    agent_spans, route = tuple(act.subject_agents(sentence, doing, list(partner_spans))), "subject"
    agent_spans, lost = _without_infinitive_subjects(agent_spans)
    if not agent_spans:
        agent_spans, lost = _met_between(sentence, bodies)
    partner_spans = (*partner_spans, *lost)
    if not agent_spans:
        agent_spans, route = _by_anaphor(sentence, bodies, earlier), "anaphor"
    anaphor = None if agent_spans else act.anaphoric_subject(sentence)
    if anaphor is not None:
        # "The Mission organized ...", "Training sessions were organized ...": the doer is
        # the one just named, or the field operation whose section this is.
        agent_spans, route = _resolve_anaphor(anaphor, recent, section_body), "anaphor"
        if not agent_spans and anaphor:
            agent_spans, route = _named_before(anaphor, earlier), "anaphor"
    if not agent_spans and section_body is not None:
        # Under a field operation's heading, what is reported as done was done by it.
        agent_spans, route = (section_body,), "section"
    return agent_spans, tuple(p for p in partner_spans if p not in agent_spans), route


def _met_between(sentence: Span, bodies: list[Span]) -> tuple[tuple[Span, ...], tuple[Span, ...]]:
    """ "Consultations held between the SR and representatives of the Council of Europe indicated ...": an
    event as subject, held between bodies, is the OSCE body's; the others are the counterparts it met."""
    verb = act.main_verb(sentence)
    nouns = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and act.is_event(c)] if verb is not None else []
    if not nouns:
        return (), ()
    heads = {nouns[0].i, *(c.i for c in nouns[0].children if c.dep_ == "acl")}  # "consultations (held) between"
    between = [b for b in bodies if any(t.lower_ == "between" and t.head.i in heads for t in act.head_token(b).ancestors)]
    doers = tuple(b for b in between if b.label_ in OSCE_KINDS and b.id_ != "osce")
    return (doers, tuple(b for b in between if b not in doers)) if doers else ((), ())


def _attendees(sentence: Span, bodies: list[Span]) -> tuple[Span, ...]:
    """The OSCE bodies the sentence names as attending, in the active ("attended by" tells another's event)."""
    return tuple(b for b in attending(sentence, bodies) if not _passive_or_participle(act.action_verb_for(b)))


def _without_second_subjects(sentence: Span, spans: tuple[Span, ...]) -> tuple[Span, ...]:
    """The doers without a body in a second subject the parse gave the verb: "On 18 October, EU
    Anti-Trafficking Day, the Mission and the Embassy launched a campaign" makes the day's name a subject
    too. The subject nearest the verb is its subject (as ``activities.anaphoric_subject`` reads it); the
    doers the others name are none, and the nearest one, if a short name, is left to the context."""
    kept = []
    for span in spans:
        head = act.head_token(span)
        subject = next((t for t in (head, *head.ancestors) if t.dep_ == "nsubj"), None)
        verb = subject.head if subject is not None else None
        if verb is None or not sentence.start <= verb.i < sentence.end:
            kept.append(span)  # a headline the parse joined to its lead's verb keeps its own subject
            continue
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and sentence.start <= c.i < sentence.end]
        if len(subjects) < 2 or subject == min(subjects, key=lambda s: abs(s.head.i - s.i)):
            kept.append(span)
    return tuple(kept)


def _without_infinitive_subjects(spans: tuple[Span, ...]) -> tuple[tuple[Span, ...], tuple[Span, ...]]:
    """The doers without a body the parse made the subject of a bare "to" infinitive, and those bodies:
    "the SR engaged in consultations with ..., and EuropeAid Co-operation, to exchange information" ends
    a list of counterparts (a partner), since such an infinitive has no subject of its own ("for the
    Mission to ..." has). Only beside another doer, which the sentence then tells of."""
    lost = tuple(s for s in spans if _subject_of_infinitive(s))
    if not lost or len(lost) == len(spans):
        return spans, ()
    return tuple(s for s in spans if s not in lost), lost


def _subject_of_infinitive(span: Span) -> bool:
    for node in (head := act.head_token(span), *head.ancestors):
        if node.dep_ in ("nsubj", "nsubjpass"):
            verb = node.head
            return any(c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children) and not any(c.dep_ == "mark" for c in verb.children)
        if node.pos_ in ("VERB", "AUX") and node is not head:
            return False
    return False


def _without_hosts(
    spans: tuple[Span, ...], recent: list[Span], sentence: Span, organised: bool = False
) -> tuple[tuple[Span, ...], tuple[Span, ...]]:
    """The doers without the hosts and chairs of an event organised by another: a national or external
    body that hosts ("hosted by the Ministry and co-organized by the Office", "The Police Department hosted
    a session", right after the Centre's visit) or a body that chaired ("sessions were held, chaired by
    the National Co-ordinator") lends its venue or its chair: a partner. Only when another doer is
    named, in the sentence or just before (or left to the context by the subject: "the Office organized
    a visit, hosted by ..."; ``organised``: the event hosted names its organiser); an OSCE body hosting
    its own meeting is its organiser."""
    kept, moved, supporters = [], [], []
    # Doers of two verbs ("organized by the Centre and taught by experts from UNODC"): the deliverers'
    # part is a part of the other's event, as after an event just reported.
    after_an_event = bool(recent) or len({v.i for v in map(act.action_verb_for, spans) if v is not None}) > 1
    for span in spans:
        (moved if lends_a_part(span, after_an_event) else supporters if _supports(span) else kept).append(span)
    # "launched by the Ministry, supported by the OSCE Mission": with the support of, a partner; "is
    # supported by the ODIHR through ..." alone names the doer.
    if kept:
        moved += supporters
    else:
        kept = supporters
    if moved and not kept and not recent and not organised and not _subject_left_to_context(sentence, spans):
        return spans, ()
    return tuple(kept), tuple(moved)


def _subject_left_to_context(sentence: Span, spans: tuple[Span, ...]) -> bool:
    """ "In 2014 the Office organized a study visit, hosted by the Rapporteur": the main verb's subject is
    an anaphor (or a passive without "by") that none of ``spans`` names, so the doer is the one it stands for."""
    if act.anaphoric_subject(sentence) is None:
        return False
    verb = act.main_verb(sentence)
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")] if verb is not None else []
    return not any(s.start <= t.i < s.end for s in spans for t in subjects)


def _supports(span: Span) -> bool:
    verb = act.action_verb_for(span)
    return verb is not None and verb.lemma_.lower() == "support" and _passive_or_participle(verb)


def _passive_or_participle(verb) -> bool:
    """ "was chaired by", or the participle of "sessions were held, chaired by"."""
    return act.passive(verb) or (verb.tag_ == "VBN" and verb.dep_ in ("acl", "advcl"))


def lends_a_part(span: Span, after_an_event: bool) -> bool:
    """Whether the body only hosts, chairs or delivers a part of an event (the last only
    ``after_an_event`` just reported): see ``_without_hosts``."""
    verb = act.action_verb_for(span)
    if verb is None:
        return False
    lemma = verb.lemma_.lower()
    if verb.i >= 2 and verb.doc[verb.i - 1].text == "-" and verb.doc[verb.i - 2].lower_ == "co":
        lemma = f"co-{lemma}"  # the tokeniser cuts "co-designed" at its hyphen
    if lemma == "host":
        return span.label_ not in OSCE_KINDS
    if lemma in ("chair", "co-chair", "accompany", "join", "facilitate"):
        # "sessions chaired by the Co-ordinator", "experts visited the shelter, accompanied by the State
        # Fund", "joined by UNICEF", "The visit was facilitated by the Mission": the chair, the companion or
        # the facilitator of another's event (a partner, tests/written6/README.md), OSCE body or not.
        return _passive_or_participle(verb)
    if not after_an_event:
        return False
    # "The Bar Association co-designed the curriculum", "The OCEEA contributed a module", "Judges of the
    # Supreme Court acted as trainers": a part of the event just reported.
    # "contributed to a workshop organized by the Ministry" is the contributor's own event.
    if lemma == "contribute" and not any(c.dep_ == "dobj" for c in verb.children):
        return False
    if lemma in _CONTRIBUTING or (lemma == "act" and any(c.lower_ == "as" for c in verb.children)):
        return True
    # "A trainer from the NGO led a session", "Mock cases were prepared by officers of the Police": the
    # body's people deliver a part of it (a body that leads its own work is its doer).
    head = act.head_token(span)
    while head.dep_ == "conj" and head.head is not head:
        head = head.head  # "Experts from UNODC and the Financial Intelligence Unit"
    person = head.head.head if head.dep_ == "pobj" and head.head.lower_ in ("of", "from") else None
    return lemma in _DELIVERING and person is not None and person.lemma_.lower() in _DELIVERERS


def _names_a_text(span: Span) -> bool:
    """ "The Office translated the OSCE/ODIHR handbook": the parse took the noun after the name for a past
    verb ("handbook" as VBD), so the author of the text read as the subject of a verb; a word that is
    an event noun as it stands is no past form of a verb."""
    verb = act.action_verb_for(span)
    return verb is not None and verb.tag_ in ("VBD", "VBN") and verb.lower_ in act.EVENT_NOUNS


def _group_subject(sentence: Span) -> bool:
    """ "The delegation visited ...", "Participants met ...": the people of the event just reported."""
    verb = act.main_verb(sentence)
    return verb is not None and any(c.dep_ == "nsubj" and c.lemma_.lower() in _GROUPS for c in verb.children)


def _on_an_event(span: Span) -> bool:
    """A doer of a clause on an event noun ("a visit organized by the Centre"), not on a place or a group."""
    verb = act.action_verb_for(span)
    if verb is None:
        return False
    nouns = [verb.head]
    if participle_on_the_object(verb):
        nouns = objects_of(verb.head)  # "hosted a round table, organized by the Mission": on the object
    elif verb.head.dep_ == "pobj" and verb.head.head.dep_ == "prep":
        nouns.append(verb.head.head.head)  # "a seminar on trafficking organized by": hung on the nearest noun
    # "a round table": the parse makes "round" a compound of "table"
    return any(act.is_event(n) or (n.lemma_.lower() == "table" and any(c.lower_ == "round" for c in n.children)) for n in nouns)


def _named_before(word: str, earlier: list[Span]) -> tuple[Span, ...]:
    """ "the Office" several sentences after "the OSCE Programme Office in Bishkek": the latest body
    named before whose name has that word."""
    return tuple([b for b in reversed(earlier[-12:]) if word in b.text.lower().split()][:1])


def _by_anaphor(sentence: Span, bodies: list[Span], earlier: list[Span]) -> tuple[Span, ...]:
    """ "The course is conducted by the Academy", after "... at the Academy of the Ministry of Internal
    Affairs": a passive's "by" agent that names a body by the head of its name."""
    verb = act.main_verb(sentence)
    if verb is None or not act.passive(verb):
        return ()
    for by in (c for c in verb.children if c.dep_ == "agent"):
        for noun in (c for c in by.children if c.dep_ == "pobj"):
            definite = any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children)
            if definite and noun.is_title and not any(b.start <= noun.i < b.end for b in bodies):
                return _named_before(noun.lower_, earlier)
    return ()


def _drop_owners(spans: tuple[Span, ...]) -> tuple[Span, ...]:
    """ "the Office in Podgorica of the Mission to Serbia and Montenegro" did it, not the Mission; so did
    "UNMIK's Trafficking and Prostitution Investigation Unit", not UNMIK (the owner in a possessive)."""
    kept = []
    for span in spans:
        head = act.head_token(span)
        owner = head.head if head.dep_ == "pobj" and head.head.lower_ == "of" else None
        if owner is not None and any(o is not span and o.start <= owner.head.i < o.end for o in spans):
            continue
        # The owner stands right before its unit's name ("UNMIK ’s Trafficking … Unit"), however the parse hangs it.
        after = span.end + 1 if span.end < len(span.doc) and _possessive_mark(span.doc[span.end]) else None
        if after is not None and any(o.start == after for o in spans):
            continue
        kept.append(span)
    return tuple(kept)


def _possessive_mark(token) -> bool:
    """ "’s", or the bare apostrophe after a name ending in "s" ("the Milli Majlis’ Committee")."""
    return token.tag_ == "POS" or (token.text in ("'", "’") and token.i > 0 and token.doc[token.i - 1].lower_.endswith("s"))


def _resolve_anaphor(anaphor: str, recent: list[Span], section_body: Span | None) -> tuple[Span, ...]:
    """The bodies an anaphoric subject stands for. A noun ("the Presence") takes the latest body
    whose name has that word; a pronoun or a passive takes the doers just before, else the section's."""
    candidates = [*recent, *([section_body] if section_body is not None else [])]
    if anaphor in ("former", "latter"):
        return (recent[0] if anaphor == "former" else recent[-1],) if len(recent) > 1 else ()
    if anaphor:
        named = [b for b in candidates if anaphor in b.text.lower() or anaphor in b.id_.split("-")]
        return (named[0],) if named else ()
    if recent:
        return tuple(recent)
    return (section_body,) if section_body is not None else ()
