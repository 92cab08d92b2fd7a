"""Standing work in a report: what a body does as a rule, told in the undated simple present.

The one event convention (``tests/written6/README.md``, "What is not an activity"; ``tests/gold`` since
branch ``regold``) counts an act that happened once, somewhere, at some time, and leaves out "mandates
and standing roles in the present tense". A report tells its events in the past; the simple present
with no date says what a body does as a rule: "The Office supports field missions in their work",
"Projects of this kind are run by the field operations", "The Unit takes the lead in training ...",
"The bodies are involved in assisting ..." (the examples are made up). It is told by the grammar of the
main verb, not by its words, and is a remark that the event just told may go on after.

Left to the other rules:

* a dated sentence ("In May the Office opens a shelter"): a year or a month names one time;
* a sentence that names one instance of the work: an example given ("for example", "e.g."), a quoted
  title, a counted event ("two conferences"), a definite, named one ("the SPMU project") or the one just
  told ("continues to refine this course", a follow-up);
* a photo's caption, which shows one moment in the present ("The Head of Office meets the Minister");
* press releases and pages, which tell their news in the present (``asides._PRESENT_GENRES``);
* the past, "continued to support ..." included: an act told in a report paragraph.
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from .activities import EVENT_NOUNS
from .dates import MONTHS

_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
# Event nouns that name a kind of work rather than one piece of it, even with "the" ("the work of"),
# and those that head the names of bodies too ("the OSCE Mission to ...").
_KINDS_OF_WORK = {
    "work", "effort", "activity", "support", "assistance", "capacity", "cooperation", "co-operation", "awareness",
    "advocacy", "mission", "network", "forum", "programme",
}
_EXAMPLE = re.compile(r"\b(?:for\s+(?:example|instance)|e\.\s?g\.)", re.IGNORECASE)
# "be" says what a body is (see asides._what_a_body_is); only "is involved in / engaged in" tells work.
_WORK_STATES = {"involved", "engaged", "active"}


def standing_work(sentence: Span, verb: Token, text: str = "") -> bool:
    """Whether the sentence, with ``verb`` its main verb, tells a body's standing work (see the module's
    docstring). ``text``: the report as written (to tell a photo's caption)."""
    if not _simple_present(verb) or _dated(sentence) or _names_an_instance(sentence):
        return False
    return not _caption(sentence, text)


def over_the_years(sentence: Span, verb: Token) -> bool:
    """ "Since 2000 the Office provided support in ...", "From 2004 the Alliance has provided ...": work
    told over a stretch of years up to now, in the past or the perfect, with no instance named —
    background, not one event. "From 2004 to 2006 ..." (a bounded stretch), "since May" (this year's work)
    and "Since 2005 the Mission has held three conferences" (counted) are left to the other rules."""
    if not (verb.tag_ == "VBD" or any(c.dep_ == "aux" and c.lower_ in ("has", "have") for c in verb.children)):
        return False
    opening = [c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("since", "from")]
    up_to_now = any(
        any(g.dep_ == "pobj" and _YEAR.fullmatch(g.text) for g in c.children) and not any(g.dep_ == "prep" for g in c.children)
        for c in opening
    )
    bounded = any(c.dep_ == "prep" and c.lower_ in ("to", "until", "till") for c in verb.children)
    return up_to_now and not bounded and len(_YEAR.findall(sentence.text)) == 1 and not _names_an_instance(sentence)


def _simple_present(verb: Token) -> bool:
    """ "supports", "takes the lead", "are realized by", "is involved in": present, no perfect or future."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if verb.tag_ in ("VBZ", "VBP") and not auxes:
        if verb.lemma_ == "be":
            return any(c.dep_ == "acomp" and c.lower_ in _WORK_STATES for c in verb.children)
        return verb.lemma_ != "have"  # "has a fund": possession, not work
    return verb.tag_ == "VBN" and len(auxes) == 1 and auxes[0].dep_ == "auxpass" and auxes[0].tag_ in ("VBZ", "VBP")


def _dated(sentence: Span) -> bool:
    """A year or a month of the calendar in the sentence: a particular time."""
    if _YEAR.search(sentence.text):
        return True
    return any(t.text[:1].isupper() and t.lower_.rstrip(".") in MONTHS and (t.lower_ != "may" or t.pos_ == "PROPN") for t in sentence)


def _names_an_instance(sentence: Span) -> bool:
    """One piece of the work named: an example given ("for example", "e.g."), a quoted title, a counted
    event ("two conferences"), a definite, named one ("the SPMU project", "the Vilnius Conference") or
    the one just told ("this course")."""
    if _EXAMPLE.search(sentence.text) or any(t.text in ("“", '"') for t in sentence):
        return True
    for t in sentence:
        lemma = t.lemma_.lower()
        if lemma not in EVENT_NOUNS or lemma in _KINDS_OF_WORK or t.pos_ not in ("NOUN", "PROPN"):
            continue
        if any(c.dep_ == "nummod" for c in t.children):
            return True
        if any(c.dep_ == "det" and c.lower_ == "the" for c in t.children) and any(c.pos_ == "PROPN" for c in t.lefts):
            return True
        if any(c.dep_ == "det" and c.lower_ in ("this", "that") for c in t.children):
            return True  # "continues to refine this course": the one event just told, which may go on
    return False


def _caption(sentence: Span, text: str) -> bool:
    """The sentence is, or ends, a photo's caption (its line, from the line's start, is one)."""
    from .captions import is_caption  # captions reads non_events, which reads asides, which reads this module

    if not text:
        return False
    line = sentence.doc.char_span(text.rfind("\n", 0, sentence.start_char) + 1, sentence.end_char, alignment_mode="contract")
    return is_caption(sentence, text) or (line is not None and is_caption(line, text))
