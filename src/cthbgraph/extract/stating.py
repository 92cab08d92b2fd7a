"""Sentences of a report that describe rather than report: more kinds that open no event.

:mod:`cthbgraph.extract.events` refuses mandates, quotes, results, opinions and, in press releases
and pages, a body's general line of work. Read on text no rule was tuned on (the ``dev`` half of
``tests/gold-blind``), the reports hold more of the same kinds, said in other words:

* where a body stands and how it chooses its work: "In accordance with its mandate, the Office
  encourages ...", "In fulfilling this mandate ...", "The mandate of X ... is set out in ...",
  "X has identified its core priority in ...", "X has chosen a twofold focus", "the Chairmanship
  prioritized the issue": a statement of mandate or priorities, not an act;
* cross-references and sources: "For an account of the outcomes see the next chapter", "this section
  will give examples", "... available at http://...";
* an effect of earlier work: "Involvement in these countries has been facilitated by the activities
  launched by X", "The policy was inspired by the outcome of workshops organized by X": the bodies
  are named inside what caused the effect, the sentence reports the effect;
* in a report, a body's work in general in the habitual present: "Field offices in some cases go
  through a formal process", "The Organization provides a platform for ...", "The Unit supports the
  view that ...": no event is told unless the sentence is dated.

Each function reads the grammar or the wording of one sentence; no sentence of any text is listed.
"""

from __future__ import annotations

import re

from spacy.tokens import Span

from .activities import EVENT_NOUNS, main_verb

# Reasons after which the event just reported may go on (a remark in the middle of its account);
# a mandate or an institutional change ends it.
GOES_ON = ("state", "opinion", "finding", "effect", "result", "cross-reference", "priorities")

_MANDATE_WORDING = re.compile(
    r"\b(?:in\s+accordance\s+with\s+(?:its|the|his|her|their)\s+mandate|in\s+(?:fulfilling|fulfilment\s+of|line\s+with)\s+"
    r"(?:this|its|the|his|her|their)\s+mandate|(?:the|its|his|her|their)\s+mandate\s+(?:of\b.*\s)?(?:is|was)\s+"
    r"(?:delineated|defined|set\s+out|laid\s+down|outlined|described)|(?:is|are|was|were)\s+(?:tasked|mandated)\s+(?:to|with)|(?:is|are|was|were)\s+(?:directed|geared)\s+to\s+[a-z]+)\b",
    re.IGNORECASE,
)
_CROSS_REFERENCE = re.compile(
    r"\b(?:see\s+(?:the\s+)?(?:next|previous|following|preceding)\s+(?:chapter|section|part)|"
    r"(?:this|the\s+following|the\s+next)\s+(?:section|chapter|part)\s+(?:will|shall)\b|"
    r"available\s+(?:at|on|from)\s+(?:<)?(?:https?://|www\.))",
    re.IGNORECASE,
)
# Choosing what to work on: a verb of choosing with a priority, focus or field of work as its object.
_CHOOSING_VERBS = {"identify", "choose", "select", "set", "define"}
_PRIORITY_NOUNS = {"priority", "focus", "field", "direction", "objective"}
_PRIORITISING_VERBS = {"prioritize", "prioritise"}
# Causes of an effect named as the "by" agent of a passive main verb ("has been facilitated by the
# activities ...", "was inspired by the outcome of ..."): what bodies did, named as a cause.
# Verbs of a state or of what befalls a body, not of an act: "the work of field offices varies", "offices
# encounter challenges", "It builds on the expertise of ...", "offices go through a process of approval".
_STATE_VERBS = {"vary", "differ", "encounter", "experience", "suffer", "lack", "depend", "rely"}
_PHRASAL_STATES = {("build", "on"), ("go", "through"), ("draw", "on"), ("rest", "on")}
# Objects that make a verb an opinion: "supports / shares / holds the view that ...".
_OPINION_OBJECTS = {"view", "opinion", "position", "belief", "conviction"}
# Subjects that are a change of institutions ("The appointment of X and the formation of Y gave impetus
# to ...") or a figure ("A similar increase is recorded by X"): not what a body did.
_CHANGE_SUBJECTS = {"appointment", "formation", "establishment", "creation", "election", "nomination"}
_FIGURE_SUBJECTS = {"increase", "decrease", "rise", "growth", "decline", "trend", "change", "drop", "reduction"}
# Adjectives after "be" that make the sentence an act ("was active in", "has been instrumental").
_ACTIVE_ADJECTIVES = {"involved", "engaged", "active", "instrumental", "present", "responsible"}
# Verbs of a finding: "An examination of the work indicates a dependency ...": what was found, not done.
_FINDING_VERBS = {"indicate", "show", "reveal", "suggest", "confirm", "prove"}
# What work yields, as the object of a verb of showing or getting: a result, not an act.
_SHOWING_VERBS = {"show", "yield", "produce", "achieve", "receive", "bring", "demonstrate"}
_RESULT_OBJECTS = {"result", "outcome", "feedback", "progress", "impact", "improvement", "success"}
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_CAUSE_NOUNS = {
    "activity", "outcome", "result", "work", "effort", "initiative", "involvement", "support", "finding",
    "recommendation", "experience", "success", "example", "impact",
}


def describes(sentence: Span, genre: str = "") -> str:
    """Why a sentence of a report describes rather than reports (see the module's docstring), or ""."""
    text = sentence.text
    if _MANDATE_WORDING.search(text):
        return "mandate"
    if _CROSS_REFERENCE.search(text):
        return "cross-reference"
    verb = main_verb(sentence)
    if verb is None:
        return ""
    if _sets_priorities(verb):
        return "priorities"
    if _a_state(verb) and not _YEAR.search(text):
        return "state"  # "The discussion drew on a study published by X in 2008": a dated act is told
    if any(c.dep_ == "dobj" and c.lemma_.lower() in _OPINION_OBJECTS for c in verb.children):
        return "opinion"
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if any(c.lemma_.lower() in _CHANGE_SUBJECTS for c in subjects):
        return "adoption or institutional change"
    if any(c.lemma_.lower() in _FIGURE_SUBJECTS for c in subjects):
        return "result"
    # "Consultations held with X indicated potential ...": an event as the subject still happened.
    if verb.lemma_.lower() in _FINDING_VERBS and any(c.dep_ == "nsubj" and c.pos_ == "NOUN" and not _event(c) for c in subjects):
        return "finding"
    if _an_effect(verb):
        return "effect"
    if verb.lemma_.lower() in _SHOWING_VERBS and any(c.dep_ == "dobj" and c.lemma_.lower() in _RESULT_OBJECTS for c in verb.children):
        return "result"  # "X has shown concrete results", "... has received positive feedback"
    return ""


def _event(token) -> bool:
    lemma = token.lemma_.lower()
    return lemma in EVENT_NOUNS or lemma.rstrip("s") in EVENT_NOUNS


def _a_state(verb) -> bool:
    """A verb of state ("varies", "encounter", "builds on") or "be" with an adjective ("is valid", "is
    well placed to ..."), unless the adjective makes it an act ("was involved in")."""
    lemma = verb.lemma_.lower()
    if lemma in _STATE_VERBS:
        return True
    particles = {c.lower_ for c in verb.children if c.dep_ in ("prt", "prep")}
    if any(p in particles for v, p in _PHRASAL_STATES if v == lemma):
        return True
    if lemma != "be" or any(c.dep_ == "auxpass" for c in verb.children):
        return False
    if not any(c.dep_ == "nsubj" and c.pos_ in ("NOUN", "PROPN") for c in verb.children):
        return False  # "it is hard to assess ...": an expletive subject, the sentence's act lies elsewhere
    return any(c.dep_ == "acomp" and c.lemma_.lower() not in _ACTIVE_ADJECTIVES for c in verb.children)


def _sets_priorities(verb) -> bool:
    """ "X has identified its core priority in ...", "X has chosen a twofold focus", "X prioritized the issue"."""
    lemma = verb.lemma_.lower()
    if lemma in _PRIORITISING_VERBS:
        return True
    if lemma not in _CHOOSING_VERBS:
        return False
    return any(c.dep_ == "dobj" and {c.lemma_.lower(), c.lemma_.lower().rstrip("s")} & _PRIORITY_NOUNS for c in verb.children)


def _an_effect(verb) -> bool:
    """A passive main verb whose "by" agent is what was done, not who did it."""
    if not any(c.dep_ == "auxpass" for c in verb.children):
        return False
    for agent in (c for c in verb.children if c.dep_ == "agent"):
        for pobj in (c for c in agent.children if c.dep_ == "pobj"):
            if pobj.pos_ == "NOUN" and pobj.lemma_.lower() in _CAUSE_NOUNS:
                return True
    return False


def ends_a_quote(sentence: Span) -> bool:
    """The last sentence of a quoted remark: it ends on a closing quotation mark that an attribution
    follows ("... before they fall into debt bondage,” she said.")."""
    text = sentence.text.rstrip()
    after = sentence.doc.text[sentence.end_char : sentence.end_char + 40]
    if text.endswith((".”", ",”", "!”", "?”", '."', ',"')):
        return True  # a remark closes inside its marks; a title quoted in a sentence ends '”.'
    return bool(re.match(r"^\s*[”\"],?\s+(?:said|says|added|stressed|noted|explained|underlined|emphasized)\b", after, re.IGNORECASE))
