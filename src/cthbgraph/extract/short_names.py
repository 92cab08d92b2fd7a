"""Doers a sentence names by a short name that no body mention covers.

"In 2013, the Project Co-ordinator and the School published a manual", "In October 2020 the Office
published the report", "Earlier in 2019, the Project Co-ordinator trained staff": a text names its
body in full once and then by the head of its name. The gazetteer does not list such short names, and
the small model often breaks the parse around the hyphen of "Co-ordinator" (the subject then hangs
on the date before it), so the subject is read from the words right before the main verb: one or
two definite title-case names, after the sentence's start, a comma or a year. Each name is the latest
body named before whose name has its head word; failing that, the text's author (its title line's
body, or the office that serves that post: "the Office" in the Special Representative's report).
"""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Span

from ..records import BodyMention
from . import activities as act
from .bodies import load_gazetteer, post_offices

NAME = r"[Tt]he(?:\s+[A-Z][\w’'-]*(?:\s*-\s*[a-z]+)?)+"
_SUBJECT = re.compile(
    rf"(?P<first>{NAME}|\b[Ii]t)(?:\s*,?\s+(?:and|together\s+with)\s+(?P<second>{NAME}(?:\s+(?:of|for|under|on|in)\s+[^,;]*?)?))?"
    # "the Mission, together with the Ministry, trained": an aside naming a partner
    r"(?:\s*,\s*(?:together|jointly|in\s+co-?operation|in\s+partnership)\s+with\s+[^,;]+,)?"
    r"(?:\s+(?:also|jointly|then|has|have|had|was|were|successfully))*\s*$"
)
# "the Mission and the National Commission held", "Mission staff and the State Co-ordinator visited": a
# short name first, then the doers the rules found.
_JOINED = re.compile(rf"(?P<first>{NAME}|[A-Z][a-z]+\s+staff)\s*,?\s+(?:and|together\s+with)\s+")
_RELATIVE = re.compile(rf"(?P<first>{NAME})\s*,\s*which")
_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
TALLY = re.compile(r"\s*(?:in\s+total|overall|altogether|all\s+in\s+all)\b", re.IGNORECASE)
# Words that head the short name of an OSCE body: the first name must be one of them, so that a
# national body's short name ("the Ministry") is left to the rules that read it.
OWN_HEADS = {"office", "mission", "centre", "center", "presence", "co-ordinator", "coordinator", "representative", "unit", "secretariat", "programme"}


def short_name_doers(reader, sentence: Span, author: Span | None, earlier: list[Span], agents=(), recent=()) -> tuple[BodyMention, ...]:
    """The doers of a sentence whose subject is a short name ("the Office") or "it", or (). ``agents``: the doers
    the rules found; a short name joined to them ("the Mission and the National Commission held") comes first.
    ``recent``: the doers of the event just before, whom "it" stands for (else the author)."""
    verb = act.main_verb(sentence)
    if verb is None or verb.i <= sentence.start or not (act.reports_action(sentence) or _dated_item(sentence, verb)):
        return ()
    before = sentence.doc.text[sentence.start_char : verb.idx]
    if TALLY.match(before):
        return ()  # "In total, the Office held more than 60 meetings": a tally of events, not one
    match = (_JOINED if agents else _SUBJECT).search(before)
    if match is None or not _opens_clause(before[: match.start()]):
        return _relative(reader, sentence, author, earlier, recent) if all(a in recent for a in agents) else ()
    if agents and any(a.start_char < sentence.start_char + match.end() for a in agents):
        return ()  # a doer the rules found stands before the conjunction: the name is not the first of the subject
    first = _first(reader, match.group("first"), author, earlier, recent)
    if not first:
        return ()
    second = _second(reader, sentence, match, author, earlier) if not agents and match.group("second") else ()
    others = tuple(reader.mention(a) for a in agents)
    return tuple({m.key: m for m in (*first, *second, *others)}.values())


def _relative(reader, sentence: Span, author: Span | None, earlier: list[Span], recent) -> tuple[BodyMention, ...]:
    """ "The protocol was drafted with the help of the Presence, which over the summer facilitated three
    working meetings": where the sentence names no doer of its own, the short name a relative clause in
    the past tells of does what the clause tells."""
    for match in _RELATIVE.finditer(sentence.text):
        which = sentence.doc.char_span(sentence.start_char + match.end() - 5, sentence.start_char + match.end())
        verb = which[0].head if which is not None else None
        if verb is None or which[0].dep_ != "nsubj" or verb.dep_ != "relcl" or verb.tag_ != "VBD":
            continue
        if head_word(match.group("first")) in OWN_HEADS:
            return resolve(reader, match.group("first"), author, earlier)
    return ()


def _first(reader, name: str, author: Span | None, earlier: list[Span], recent) -> tuple[BodyMention, ...]:
    if name.lower() != "it":
        return resolve(reader, name, author, earlier) if head_word(name) in OWN_HEADS else ()
    # Only the OSCE doers of the event just told: in a long report "it" is as often a crime or a document.
    return tuple(_with_confidence(reader.mention(b)) for b in recent if b.label_ != "ExternalOrganisation")


def _second(reader, sentence: Span, match: re.Match, author: Span | None, earlier: list[Span]) -> tuple[BodyMention, ...]:
    """The second name of the subject: the body mentions inside it, else the body its short name stands for."""
    start, end = sentence.start_char + match.start("second"), sentence.start_char + match.end("second")
    inside = [b for b in reader.body_spans if start <= b.start_char < end]
    if inside:
        return (reader.mention(inside[0]),)
    return resolve(reader, re.split(r"\s+(?:of|for|under|on|in)\s+", match.group("second"))[0], author, earlier)


def _dated_item(sentence: Span, verb) -> bool:
    """ "2019 – The Office and the Academy publish a manual": a chronology item told in the present
    (the parse may tag its verb as a bare infinitive)."""
    line = sentence.doc.text[max(0, sentence.start_char - 12) : sentence.start_char]
    return verb.tag_ in ("VB", "VBP", "VBZ") and bool(re.search(r"\b(?:19|20)\d\d\s*[–—-]\s*$", line))


def _opens_clause(text: str) -> bool:
    """The name stands first: at the start, after a comma or after a date ("In October 2020 the Office",
    "On 6 March the Mission")."""
    text = text.rstrip()
    return not text or text.endswith(",") or bool(re.search(rf"\b(?:(?:19|20)\d\d|{_MONTH})$", text))


def head_word(name: str) -> str:
    words = re.sub(r"\s*-\s*", "-", name).split()
    return words[-2 if words[-1] == "staff" and len(words) > 1 else -1].lower()  # "Mission staff": the Mission


def resolve(reader, name: str, author: Span | None, earlier: list[Span]) -> tuple[BodyMention, ...]:
    head = head_word(name)
    own = head in OWN_HEADS  # "the Office" after "the General Prosecutor's Office": an OSCE office
    named = [b for b in reversed(earlier[-12:]) if not (own and b.label_ == "ExternalOrganisation") and head in _words(b.text)][:1]
    if named:
        return (_with_confidence(reader.mention(named[0])),)
    if author is None or author.label_ == "ExternalOrganisation" or head not in OWN_HEADS:
        return ()
    office = post_offices().get(author.id_) if head == "office" else None
    entry = next((e for e in load_gazetteer() if e.key == office), None) if office else None
    named_author = reader.mention(author)
    if entry is not None:
        return (BodyMention(named_author.excerpt, entry.key, entry.label, entry.kind, confidence=0.7),)
    if head in _words(author.text):
        return (_with_confidence(named_author),)
    return ()


def _words(name: str) -> list[str]:
    return re.sub(r"\s*-\s*", "-", name).lower().split()


def _with_confidence(mention: BodyMention) -> BodyMention:
    return replace(mention, confidence=0.7)


def author_of_passive(reader, sentence: Span, author: Span | None, recent, section_body: Span | None) -> tuple[BodyMention, ...]:
    """ "Awareness sessions were held in secondary schools", with no doer told just before and no section
    body: an event told in the passive in a text of one OSCE body is that body's (its title line's)."""
    if section_body is not None or author is None or author.label_ == "ExternalOrganisation":
        return ()
    if recent and author.id_ not in {b.id_ for b in recent}:
        return ()  # another body was just told of: the passive may be its event
    verb = act.main_verb(sentence)
    if verb is None or not act.reports_action(sentence) or not act.passive(verb) or any(c.dep_ == "agent" for c in verb.children):
        return ()
    subjects = [c for c in verb.children if c.dep_ == "nsubjpass"]
    if not _DATED.search(sentence.text):
        return ()  # a dated event, not "efforts have been made"
    if not subjects or not act.is_event(subjects[0]) or subjects[0].lemma_.lower().rstrip("s") in _GENERAL:
        return ()
    if any(c.dep_ in ("det", "poss") and c.lower_ in _BACK for c in subjects[0].children):
        return ()
    return (_with_confidence(reader.mention(author)),)


_GENERAL = {"effort", "work", "activity", "support", "assistance", "initiative", "cooperation", "co-operation", "capacity", "step"}
_DATED = re.compile(rf"\b(?:(?:19|20)\d\d|{_MONTH})\b")
_BACK = {"the", "this", "these", "that", "those", "its", "their"}  # "The course was held": an event told before
