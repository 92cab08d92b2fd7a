"""Asides of a report: sentences with a body in them that open no event, read on the new dev sets.

Read on ``tests/written2``, ``tests/written3`` and ``tests/gold-blind2`` (dev), reports hold more
sentences that name a body and report no event of it than :mod:`.stating` and :mod:`.non_events`
refuse. Each kind is told by its grammar or by the conventions of the genre (the examples are made up):

* a pointer to another part of the text: "Further details are given in Annex 2", "The trainers are
  listed in Chapter 4", "A summary is provided below";
* a footnote whose number stands at the head of its line ("3 The Centre also ..."), which the parse
  may have given to the sentence before;
* an intention: "The Office plans to extend ...", "He intends to publish ...", "The SR has sought to
  analyse ...", "these issues have to be addressed by ...";
* an aim or a role: "The aim of the Unit is to ...", "Another challenge for the Office is ...";
* in a report, an OSCE body's standing work told in the simple present with no date and with the
  commitment it rests on ("The Section supports OSCE structures in ..., as set out in Ministerial Council
  Decision No. 1/01"): its mandate. Without a commitment cited ("The Office also supports field missions
  in ..."), standing work is told by :mod:`.standing` (a state, after the other kinds here);
* what a body has done over a stretch of years, told in the perfect with "since" and counted ("Since
  2016 the Unit has trained 400 officers") or a standing role ("The Office has chaired the group since
  2003"): a summary, not one event. "Since 2001 the Mission has supported the Ministry in ..." is read
  in the reports as an activity;
* what whole classes of bodies have done, told in the present perfect with no year ("Field operations
  have worked in many ways towards ...", "To date the OSCE bodies have taken part in conferences ..."):
  a summary over bodies and years, not one event (see :func:`summary_of_kinds`);
* a body's work in general as the subject of a verb of focus ("In 2009 the Unit's work focused on ...");
* what a meeting agreed or concluded ("The meeting agreed on minimum standards"): its outcome, which
  says more about the event just told (it may go on), but is not one.
"""

from __future__ import annotations

import functools
import re

from spacy.tokens import Span, Token

from .activities import EVENT_NOUNS, main_verb
from .dates import since_within_the_year
from .standing import over_the_years, standing_work, undated_summary

_PARTS = r"(?:Annex(?:es)?|Appendix|Appendices|Chapter|Section|Part|Table|Figure|Box)"
_POINTER = re.compile(
    r"\b(?:is|are)\s+(?:\w+\s+)?(?:given|listed|reproduced|described|discussed|presented|summari[sz]ed|set\s+out|provided|"
    r"included|contained|detailed|found|available)\s+(?:in\s+(?:the\s+)?" + _PARTS + r"\b|below\b|above\b|overleaf\b)",
    re.IGNORECASE,
)
# "Source: SR visit to ...": the line that cites where a figure or a quotation comes from.
_SOURCE_LINE = re.compile(r"\s*Sources?\s*:")
_FOOTNOTE_MARK = re.compile(r"\s*(?:<sup>)?\d{1,3}(?:</sup>)?\s*")
# Verbs of meaning to do something (with a "to" complement): not done yet.
_INTENDING = {"plan", "intend", "strive", "seek", "hope", "wish", "endeavour", "endeavor", "expect", "aim", "want"}
_AIM_NOUNS = {"aim", "goal", "objective", "purpose", "challenge", "priority", "task", "role", "ambition", "intention"}
_FOCUS_VERBS = {"focus", "concentrate", "centre", "center", "target", "prioritize", "prioritise"}
_GENERAL_WORK = {"work", "effort", "activity", "engagement", "action"}
_OUTCOME_VERBS = {"agree", "conclude", "decide", "resolve", "recommend", "result", "culminate"}
_MEETINGS = {"meeting", "conference", "seminar", "workshop", "round", "table", "roundtable", "session", "consultation", "forum"}
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
# Standing roles: chairing a group over years is no event.
_ROLE_VERBS = {"chair", "co-chair", "head", "coordinate", "co-ordinate", "convene", "host"}
# Genres that tell their events in the present ("OSCE Centre opens ...") or are read by other rules.
_PRESENT_GENRES = ("press-release", "web-page", "mandate-page", "listing", "decision")
_COMMITMENT_TEXTS = {"plan", "decision", "declaration", "resolution", "mandate", "commitment", "convention", "protocol", "charter"}
_VIEWS = {"view", "opinion", "position", "belief", "conviction"}
_HOLDING = {"take", "hold", "share", "express"}
# Verbs that say what something is to the work, not what was done: "constitute the basis for".
_BASIS_VERBS = {"constitute", "underpin"}
# Verbs of offering: "The Organization provides a platform for dialogue" says what a body offers.
_OFFERING_VERBS = {"provide", "offer"}


def aside(sentence: Span, genre: str = "", text: str = "") -> str:
    """Why a sentence is an aside of the report (see the module's docstring), or "". ``text``: the report
    as written (the parsed text has its line breaks cleaned): a heading the parse joined to the sentence
    is left out in a second reading."""
    last = _last_line(sentence, text)
    why = _aside(sentence, genre) or (_aside(last, genre) if last is not sentence else "")
    if why or genre in _PRESENT_GENRES:
        return why
    verb = main_verb(sentence)
    standing = verb is not None and (
        standing_work(sentence, verb, text) or over_the_years(sentence, verb) or undated_summary(sentence, verb)
    )
    return "state" if standing else ""  # the event just told may go on


def _aside(sentence: Span, genre: str) -> str:
    if _POINTER.search(sentence.text):
        return "cross-reference"
    if _footnote_line(sentence) or _SOURCE_LINE.match(sentence.text):
        return "footnote"
    if _cut_at_a_page_break(sentence):
        return "state"  # the rest of the sentence follows the break: the event just told may go on
    if _aim_or_role(sentence):
        return "mandate"
    if _holds_a_view(sentence):
        return "opinion"
    verb = main_verb(sentence)
    return _by_verb(sentence, verb, genre) if verb is not None else ""


def _by_verb(sentence: Span, verb: Token, genre: str) -> str:
    """What the main verb, its subject and its tense make of the sentence (see the module's docstring), or ""."""
    if _intends(verb):
        return "plan"
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if genre not in _PRESENT_GENRES and _rests_on_commitment(sentence, verb, subjects):
        return "mandate"
    if verb.tag_ == "VBZ" and any(s.lemma_.lower() in _COMMITMENT_TEXTS for s in subjects) and not _YEAR.search(sentence.text):
        return "mandate"  # "The Action Plan recommends ... and tasks the ODIHR with ...": what a commitment says
    if _since_perfect(verb):
        return "result"
    lemma = verb.lemma_.lower()
    if lemma in _FOCUS_VERBS and any(_general_work(s) for s in subjects):
        return "priorities"
    if lemma in _OUTCOME_VERBS and any(_the_meeting(s) for s in subjects):
        return "recommendation"
    if lemma in _BASIS_VERBS and subjects and not any(_is_body(s) for s in subjects):
        return "state"  # "These commitments constitute the basis for the Office's dialogue"
    if genre not in _PRESENT_GENRES and _what_a_body_is(sentence, verb, subjects):
        return "state"
    return ""


def _last_line(sentence: Span, text: str) -> Span:
    """The sentence without the heading lines the parse joined to it ("III.4 Referral\nThe Office ..."),
    in a text whose lines are paragraphs (in a hard-wrapped text a line break may fall anywhere)."""
    if not text or _wrapped(text):
        return sentence
    cut = text[sentence.start_char : sentence.end_char].rstrip().rfind("\n")
    if cut == -1:
        return sentence
    rest = sentence.doc.char_span(sentence.start_char + cut + 1, sentence.end_char, alignment_mode="contract")
    return rest if rest is not None and len(rest) > 2 else sentence


@functools.lru_cache(maxsize=8)
def _wrapped(text: str) -> bool:
    """Whether the text is hard-wrapped: many of its lines go on, in lower case, on the next line."""
    lines = [line for line in text.split("\n") if line.strip()]
    going_on = sum(1 for a, b in zip(lines, lines[1:]) if b.lstrip()[:1].islower() and not a.rstrip().endswith((".", ":", ";")))
    return going_on > 0.05 * len(lines)


def _aim_or_role(sentence: Span) -> bool:
    """ "The aim of the Office is to ...", "Another challenge for the SR is assisting ...": an aim, not an act."""
    for t in sentence[:8]:
        if t.dep_ == "nsubj" and t.lemma_.lower() in _AIM_NOUNS:
            head = t.head
            return head.lemma_ == "be" or any(c.dep_ == "aux" and c.lemma_ == "be" for c in head.children)
    return False


def _holds_a_view(sentence: Span) -> bool:
    """ "The SR takes the view that ...": an opinion, wherever the parse put the verb."""
    return any(t.dep_ == "dobj" and t.lemma_.lower() in _VIEWS and t.head.lemma_.lower() in _HOLDING for t in sentence)


def _footnote_line(sentence: Span) -> bool:
    """The sentence opens a line that starts with a footnote's number ("4 The curriculum ...")."""
    text = sentence.doc.text
    line_start = text.rfind("\n", 0, sentence.start_char) + 1
    prefix = text[line_start : sentence.start_char]
    return bool(prefix.strip()) and bool(_FOOTNOTE_MARK.fullmatch(prefix))


def _cut_at_a_page_break(sentence: Span) -> bool:
    """A piece of a sentence that a page break cut: it ends, with no closing punctuation, on a word that
    cannot end one, and holds no verb ("The appointment of the Representative and the formation of the")."""
    words = [t for t in sentence if not t.is_space]
    if not words or words[-1].is_punct and not words[-1].text.endswith("-"):
        return False
    if not words[0].text[:1].isalpha() or any(t.pos_ in ("VERB", "AUX") for t in words):
        return False  # a list item's first line ("• Conference on ..., Ministry of"), or a clause with its verb: a lead
    last = words[-1]
    # Not "and": a list item ends on "; and" before the next item.
    return last.text.endswith("-") or (last.pos_ in ("DET", "ADP") and last.lower_ not in ("out", "up", "on", "in"))


def _intends(verb: Token) -> bool:
    """ "plans to extend", "has sought to analyse", "have to be addressed": meant, not done."""
    lemma = verb.lemma_.lower()
    to_complement = any(c.dep_ == "xcomp" and any(g.lower_ == "to" and g.dep_ == "aux" for g in c.children) for c in verb.children)
    return to_complement and (lemma in _INTENDING or (lemma in ("have", "need") and verb.tag_ != "VBD"))


def _rests_on_commitment(sentence: Span, verb: Token, subjects: list[Token]) -> bool:
    """ "Under Decision No. 3/06 the Special Representative conducts country visits", "The Centre's work
    is guided by the Action Plan": in the present, undated, citing the commitment it rests on."""
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    guided = any(a.dep_ == "auxpass" and a.tag_ in ("VBZ", "VBP") for a in aux)  # "is guided by", "is anchored in"
    if not guided and (verb.tag_ not in ("VBZ", "VBP") or aux or verb.lemma_ == "be"):
        return False
    # The grammar first: the span scans below are the costly part, and most sentences fail before them.
    if not _cites_commitment(sentence):
        return False
    if _YEAR.search(_without_references(sentence)) or any(t.lower_ in ("today", "yesterday", "now", "currently") for t in sentence):
        return False
    return guided or any(_is_body(s, osce=True) for s in subjects)


def _is_body(token: Token, osce: bool = False) -> bool:
    """A body named in the token's phrase (an OSCE body if ``osce``)."""
    lo, hi = token.left_edge.idx, token.right_edge.idx + len(token.right_edge)
    bodies = token.doc.spans.get("cthb_bodies", [])
    return any(lo <= b.start_char and b.end_char <= hi and (not osce or b.label_ != "ExternalOrganisation") for b in bodies)


def _without_references(sentence: Span) -> str:
    """The sentence's text with its decision references blanked ("Decision No. 14/04" holds no date of an act)."""
    text = sentence.text
    for d in sentence.doc.spans.get("cthb_decisions", []):
        if sentence.start_char <= d.start_char and d.end_char <= sentence.end_char:
            a, b = d.start_char - sentence.start_char, d.end_char - sentence.start_char
            text = text[:a] + " " * (b - a) + text[b:]
    return text


def _cites_commitment(sentence: Span) -> bool:
    """A decision or the Action Plan named in the sentence (the pipeline's ``cthb_decisions`` spans)."""
    decisions = sentence.doc.spans.get("cthb_decisions", [])
    return "Action Plan" in sentence.text or any(sentence.start_char <= d.start_char < sentence.end_char for d in decisions)


def _since_perfect(verb: Token) -> bool:
    """ "has trained 400 officers since 2016", "Since 2003 the Office has chaired ...": over years, not once."""
    if not any(c.dep_ == "aux" and c.lower_ in ("has", "have") for c in verb.children):
        return False
    since = [c for c in verb.children if c.lower_ == "since" and any(g.dep_ == "pobj" for g in c.children)]
    if since and all(since_within_the_year(c) for c in since):
        return False  # "has trained 80 officers since January": the months of this year's work, not a stretch of years
    if not since and not (verb.lemma_ == "be" and any(t.lower_ == "since" for t in verb.sent)):
        return False
    if verb.lemma_ == "be" and any(c.dep_ == "acomp" and c.lemma_.lower() in ("active", "engaged", "involved") for c in verb.children):
        return True  # "has been active in ... since 1999"
    counted = any(t.like_num and not _YEAR.fullmatch(t.text) for c in verb.children if c.dep_ == "dobj" for t in c.subtree)
    return counted or verb.lemma_.lower() in _ROLE_VERBS


def _what_a_body_is(sentence: Span, verb: Token, subjects: list[Token]) -> bool:
    """ "The Organization is a regional security body", "The Organization provides a platform for
    dialogue": in the undated simple present, with the body itself as the subject and as complement a
    noun with "a" that names no event, what a body is or offers, not something it did ("The Mission
    offers a course for judges" names an event and is left to the other rules)."""
    if verb.tag_ not in ("VBZ", "VBP") or any(c.dep_ in ("aux", "auxpass") for c in verb.children) or _YEAR.search(sentence.text):
        return False
    bodies = sentence.doc.spans.get("cthb_bodies", [])
    if not subjects or not all(any(b.start_char <= s.idx < b.end_char for b in bodies) for s in subjects):
        return False
    lemma = verb.lemma_.lower()
    deps = ("attr",) if lemma == "be" else ("dobj",) if lemma in _OFFERING_VERBS else ()
    return any(
        c.dep_ in deps and any(d.dep_ == "det" and d.lower_ in ("a", "an") for d in c.children) and not _event(c)
        for c in verb.children
    )


def _event(token: Token) -> bool:
    lemma = token.lemma_.lower()
    return lemma in EVENT_NOUNS or lemma.rstrip("s") in EVENT_NOUNS


def _general_work(token: Token) -> bool:
    """ "the Unit's work", "its efforts": a body's work in general."""
    return token.lemma_.lower() in _GENERAL_WORK and any(c.dep_ == "poss" for c in token.children)


def _the_meeting(token: Token) -> bool:
    lemma = token.lemma_.lower()
    named = lemma in _MEETINGS or lemma in EVENT_NOUNS and lemma not in ("support", "work", "assistance")
    return named and any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in token.children)


def summary_of_kinds(sentence: Span, activity) -> bool:
    """The present perfect whose doers, all named in the sentence, are classes of bodies (the gazetteer's
    collective entries: "field operations", "the OSCE bodies"), with no year: "Field operations have
    worked in many ways ...", "the OSCE bodies have observed shortcomings ...". A plural of kinds with the
    perfect sums up what bodies of that kind have done over time; it tells no one event. "The OSCE field
    missions and the ODIHR have organized round tables" names a body beside the class and stays an event."""
    agents = activity.agents
    if not agents or not all(m.label.endswith("(collective)") for m in agents):
        return False
    if not all(sentence.start_char <= m.excerpt.start < sentence.end_char for m in agents):
        return False  # a doer read from the context: the sentence itself names no class
    verb = main_verb(sentence)
    perfect = verb is not None and any(c.dep_ == "aux" and c.lower_ in ("has", "have") for c in verb.children)
    return perfect and not _YEAR.search(sentence.text)
