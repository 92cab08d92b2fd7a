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
* a sentence that names one instance of the work: an example given in the running text ("for example",
  "e.g."; one in brackets lists kinds beside the claim), a quoted
  title, a counted event ("two conferences"), a definite, named one ("the SPMU project") or the one just
  told ("continues to refine this course", a follow-up);
* a photo's caption, which shows one moment in the present ("The Head of Office meets the Minister");
* press releases and pages, which tell their news in the present (``asides._PRESENT_GENRES``);
* the past, "continued to support ..." included: an act told in a report paragraph.

Three more shapes of the same thing, read by the grammar (section "Event precision in real report text"
of docs/extraction.md), each with no year or month in the sentence: work over a stretch up to now ("The
Office has been raising ..."), a tally of unspecified events in the perfect ("has participated in over
forty conferences") or leading in to its list ("launched several initiatives:"), and what exists ("There
are other models of training ...").
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
_PARENTHESES = re.compile(r"\([^()]*\)")
_EXAMPLE = re.compile(r"\b(?:for\s+(?:example|instance)|e\.\s?g\.)", re.IGNORECASE)
# "be" says what a body is (see asides._what_a_body_is); only "is involved in / engaged in" tells work.
_WORK_STATES = {"involved", "engaged", "active"}
# Words that count events without saying how many or which: "several meetings", "a number of projects".
_UNSPECIFIED = {"several", "numerous", "various", "many", "multiple", "countless", "dozens"}
_APPROXIMATE = {"over", "more", "some", "about", "around", "nearly", "almost", "approximately", "roughly"}


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


def undated_summary(sentence: Span, verb: Token) -> bool:
    """Work over a stretch up to now, a tally of unspecified events, or what exists, with no year or month: see the module's
    docstring. "In 2016 the Office held several meetings" (dated) is left to the other rules."""
    if _dated(sentence):
        return False
    perfect = any(c.dep_ == "aux" and c.lower_ in ("has", "have") for c in verb.children)
    # A tally in the past ("held more than 40 meetings", "initiated a number of projects") is read as an event on
    # the dev sets, unless it only leads in to the list of its events ("launched several initiatives:").
    tally = _tally(verb) and (perfect or sentence.text.rstrip().endswith(":")) and not _lists_them(sentence)
    return _in_progress(verb) or tally or _there_is(verb)


def _in_progress(verb: Token) -> bool:
    """ "has been engaging in": the perfect progressive, work over a stretch up to now. (The reports' "is
    currently developing a handbook" is counted as an event on dev: the present progressive is left.)"""
    if verb.tag_ != "VBG":
        return False
    auxes = [c for c in verb.children if c.dep_ == "aux"]
    return any(a.lower_ in ("has", "have") for a in auxes) and any(a.lower_ == "been" for a in auxes)


def _tally(verb: Token) -> bool:
    """The object of the main verb, or of its preposition, counts events without naming them ("participated
    in over forty conferences", "launched several initiatives", "undertook a number of projects")."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    objects += [g for c in verb.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
    for o in objects:
        many = o.lemma_.lower() == "number" and any(d.lower_ == "a" for d in o.children)
        if many:  # "a number of projects"
            o = next((g for c in o.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"), o)
        if o.tag_ != "NNS" or o.lemma_.lower() not in EVENT_NOUNS | {"initiative", "project", "event"}:
            continue
        if many or any(c.lower_ in _UNSPECIFIED for c in o.children):
            return True
        if any(c.dep_ == "nummod" and any(q.lower_ in _APPROXIMATE for q in c.children) for c in o.children):
            return True  # "over forty", "more than 60"
    return False


def _lists_them(sentence: Span) -> bool:
    """The tally is followed by its events in the sentence ("held a number of events: a conference on ...") or
    by an example ("in a number of projects related, for example, to ...")."""
    text = sentence.text.rstrip()
    return bool(re.search(r":\s*\S", text) or _EXAMPLE.search(_PARENTHESES.sub(" ", text)))


def _there_is(verb: Token) -> bool:
    """ "There are other models of training ...": what exists, in the present."""
    return verb.lemma_ == "be" and verb.tag_ in ("VBZ", "VBP") and any(c.dep_ == "expl" for c in verb.children)


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
    # An example in brackets lists kinds of partners or work beside the claim ("(e.g. ministries, NGOs)"); one in
    # the running text names the instance ("co-operates, for example, in the SPMU project").
    if _EXAMPLE.search(_PARENTHESES.sub(" ", sentence.text)) or any(t.text in ("“", '"') for t in sentence):
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
