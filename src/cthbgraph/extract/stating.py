"""Sentences of a report that describe rather than report: more kinds that open no event.

:mod:`cthbgraph.extract.events` refuses mandates, quotes, results, opinions and, in press releases
and pages, a body's general line of work. Read on text no rule was tuned on (the ``dev`` half of
``tests/gold-blind``), the reports hold more of the same kinds, said in other words (the examples
here are made up):

* where a body stands and how it chooses its work: "As its mandate requires, in accordance with its
  mandate the Centre urges ...", "the mandate of X is laid down in ...", "the Unit has selected two
  priorities", "the Chairmanship prioritised labour exploitation": mandate or priorities, not an act;
* cross-references and sources: "(see the following section)", "the next chapter will describe ...",
  "... available at https://...";
* an effect of earlier work: "Reform in Atlantis was helped by the initiatives taken by X": the body
  is named inside what caused the effect, the sentence reports the effect;
* states, opinions, figures and findings: "the size of the teams differs", "the Office shares the
  view that ...", "a steep rise was reported by X", "a review of the budget shows ...";
  unless the sentence is dated, where a verb of state tells a dated act.

Text written for this project (``tests/written``, dev) holds a few more kinds, again said generically:

* a question ("What has the Office achieved in 2011?"): an interviewer's, it reports nothing;
* a body's habits in the present ("The Mission regularly meets ...", "chairs the monthly meetings"),
  its standing advice ("ODIHR recommends that States ..."), and what became of earlier work
  ("has since been downloaded 9,000 times");
* what is yet to come or under way ("are foreseen for 2016", "is still being finalized");
* findings and figures ("It found that ...", "According to estimates ...").

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
_CONCENTRATING_VERBS = {"concentrate", "centre", "center"}
_MADE_A_PRIORITY = re.compile(r"\b(?:a|one\s+of\s+(?:its|their|his|her|the))\s+(?:\w+\s+)?priorit(?:y|ies)\b", re.IGNORECASE)
# Verbs of a state or of what befalls a body, not of an act: "the size of the teams differs", "the Centres
# meet obstacles / encounter resistance", "the handbook rests on earlier research", "offices go through a review".
_STATE_VERBS = {"vary", "differ", "encounter", "experience", "suffer", "lack", "depend", "rely"}
_PHRASAL_STATES = {("build", "on"), ("go", "through"), ("draw", "on"), ("rest", "on")}
# Objects that make a verb an opinion: "supports / shares / holds the view that ...".
_OPINION_OBJECTS = {"view", "opinion", "position", "belief", "conviction"}
# Subjects that are a change of institutions ("The creation of the Unit strengthened ...") or a figure
# ("A steep rise was reported by X"): not what a body did.
_CHANGE_SUBJECTS = {"appointment", "formation", "establishment", "creation", "election", "nomination"}
_FIGURE_SUBJECTS = {"increase", "decrease", "rise", "growth", "decline", "trend", "change", "drop", "reduction"}
# Adjectives after "be" that make the sentence an act ("was active in", "has been instrumental").
_ACTIVE_ADJECTIVES = {"involved", "engaged", "active", "instrumental", "present", "responsible"}
# Verbs of seeming and of judging: with a word of value, what work is worth ("proved decisive", "is
# positively assessed", "was regarded as a success"); see _judged.
_SEEMING_VERBS = {"prove", "seem", "appear", "become", "turn"}
_JUDGING_VERBS = {"assess", "evaluate", "judge", "rate", "consider", "regard", "view", "deem", "perceive"}
# Verbs of a finding: "A review of the budget shows a shortfall": what was found, not done.
_FINDING_VERBS = {"indicate", "show", "reveal", "suggest", "confirm", "prove"}
# What work yields, as the object of a verb of showing or getting ("the network brought tangible progress"): a result.
_SHOWING_VERBS = {"show", "yield", "produce", "achieve", "receive", "bring", "demonstrate"}
_RESULT_OBJECTS = {"result", "outcome", "feedback", "progress", "impact", "improvement", "success"}
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
# Causes of an effect named as the "by" agent of a passive main verb ("was helped by the initiatives taken
# by X", "was shaped by the results of ..."): what bodies did, named as a cause.
_CAUSE_NOUNS = {
    "activity", "outcome", "result", "work", "effort", "initiative", "involvement", "support", "finding",
    "recommendation", "experience", "success", "example", "impact",
}


# Adverbs and adjectives of frequency: with a verb in the present, a habit, not a dated act.
_HABITUAL = {"actively", "regularly", "routinely", "usually", "normally", "continuously", "constantly", "monthly", "weekly", "quarterly", "periodically"}
_EVERY = re.compile(r"\b(?:every|each)\s+(?:year|month|week|spring|summer|autumn|winter)\b|\bannually\b", re.IGNORECASE)
_ADVISING_VERBS = {"recommend", "urge", "advise", "encourage"}
_UNDER_WAY = re.compile(r"\b(?:(?:is|are)\s+(?:foreseen|envisaged|scheduled|planned)\b|still\s+being\b)", re.IGNORECASE)
# "To this end it is recommended that the OSCE bodies continue to ...": advice in the impersonal passive.
_IMPERSONAL_ADVICE = re.compile(
    r"\bit\s+is\s+(?:\w+ly\s+|therefore\s+|also\s+|further\s+)?(?:recommended|suggested|proposed|advised|advisable)\s+that\b", re.IGNORECASE
)
# Verbs of stance: what a body hopes, values or looks forward to ("The SR looks forward to ...",
# "regards X as a priority", "prides itself on its partnership"), not what it did.
_STANCE_VERBS = {"regard", "pride", "hope", "wish", "believe", "deem"}
_VALUING_VERBS = {"acknowledge", "recognize", "recognise", "value", "appreciate"}
# Kinds of actors named in the plural without a determiner ("Governments, parliaments and NGOs have been
# engaged in ..."): the state of a field, not the act of a body; "much has been done": the same.
_ACTOR_KINDS = {
    "government", "state", "parliament", "ngo", "organization", "organisation", "authority", "country", "stakeholder", "actor",
    "institution", "agency",
}
_QUANTITIES = {"much", "little", "more", "lot", "everything", "nothing", "something"}
# "As a result, the plan was drafted": what came of work told before, in the passive with no doer.
_AS_A_RESULT = re.compile(r"^\s*as\s+a\s+(?:result|consequence)\b", re.IGNORECASE)
# "The Organization is well placed to help ...": what a body can do, not what it did.
_PLACED = re.compile(r"\b(?:is|are)\s+(?:well\s+|uniquely\s+|best\s+|ideally\s+)?(?:placed|positioned|suited)\s+to\b", re.IGNORECASE)
# "The need to involve NGOs is underlined in a number of commitments": what texts say, in the present.
_TEXTS_SAY = re.compile(
    r"\b(?:is|are)\s+(?:\w+ly\s+|also\s+)?(?:underlined|stressed|emphasi[sz]ed|reflected|enshrined|highlighted|recogni[sz]ed|laid\s+down)\s+in\b",
    re.IGNORECASE,
)
_FOUNDED_TO = re.compile(r"\b(?:was|were)\s+(?:established|created|founded|set\s+up)\s+to\s+[a-z]+", re.IGNORECASE)
# "Work was conducted by Field Operations in:": the list below tells the work ("to:" and "for:" open
# lists of aims, which may follow a real act, so they are left out).
_LEAD_IN = re.compile(r"\b(?:in|on|at|with|by|of|from|include|including)\s*:\s*$")
_FIGURES = re.compile(r"^\s*according\s+to\s+(?:the\s+)?(?:[a-z]+\s+)?(?:estimates|figures|data|statistics)\b", re.IGNORECASE)


def describes(sentence: Span, genre: str = "") -> str:
    """Why a sentence of a report describes rather than reports (see the module's docstring), or ""."""
    text = sentence.text
    by_wording = _by_wording(text)
    if by_wording:
        return by_wording
    verb = main_verb(sentence)
    if verb is None:
        return ""
    outlook = _outlook(verb, text)
    if outlook:
        return outlook
    habit = _habit(verb)
    if habit:
        return habit
    if _a_state(verb) and not _YEAR.search(text):
        return "state"  # "The round table drew on a study X published in 2011": a dated act is told
    if any(c.dep_ == "dobj" and c.lemma_.lower() in _OPINION_OBJECTS for c in verb.children):
        return "opinion"
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if any(c.lemma_.lower() in _CHANGE_SUBJECTS for c in subjects):
        return "adoption or institutional change"
    if any(c.lemma_.lower() in _FIGURE_SUBJECTS for c in subjects):
        return "result"
    # "Talks held with X in spring showed ...": an event as the subject still happened.
    if verb.lemma_.lower() in _FINDING_VERBS and any(c.dep_ == "nsubj" and c.pos_ == "NOUN" and not _event(c) for c in subjects):
        return "finding"
    if _an_effect(verb):
        return "effect"
    if verb.lemma_.lower() in _SHOWING_VERBS and any(c.dep_ == "dobj" and c.lemma_.lower() in _RESULT_OBJECTS for c in verb.children):
        return "result"  # "the network brought tangible progress", "the project won wide praise and good feedback"
    return ""


def _by_wording(text: str) -> str:
    if text.rstrip().rstrip("”\"").endswith("?"):
        return "question"
    if _LEAD_IN.search(text):
        return "lead-in"
    if _UNDER_WAY.search(text):
        return "plan"
    if _IMPERSONAL_ADVICE.search(text):
        return "recommendation"
    if _FIGURES.search(text):
        return "result"
    if _MANDATE_WORDING.search(text):
        return "mandate"
    if _CROSS_REFERENCE.search(text):
        return "cross-reference"
    return ""


def _outlook(verb, text: str) -> str:
    """Priorities, a stance, the state of a field or what came of work told before (see the constants above)."""
    if _sets_priorities(verb):
        return "priorities"
    if _PLACED.search(text) or _TEXTS_SAY.search(text):
        return "state"
    if _stance(verb) or _judged(verb):
        return "opinion"
    if _general_subject(verb):
        return "state"
    if _FOUNDED_TO.search(text) and _founded_for(verb):
        return "mandate"  # "The Alliance was established to develop joint strategies": why a body exists
    if _AS_A_RESULT.match(text) and any(c.dep_ == "auxpass" for c in verb.children) and not any(c.dep_ == "agent" for c in verb.children):
        return "result"
    return ""


def _founded_for(verb) -> bool:
    """A named body as the subject of the founding verb ("The Alliance was established to ...")."""
    return any(c.dep_ == "nsubjpass" and c.pos_ == "PROPN" for c in verb.children)


def _stance(verb) -> bool:
    """ "X looks forward to ...", "X regards Y as a priority", "X prides itself on ..."; in the present,
    "X strongly supports ...", "X acknowledges the importance of ..."."""
    lemma = verb.lemma_.lower()
    if lemma == "look" and any(c.lower_ == "forward" for c in verb.children):
        return True
    if lemma in _STANCE_VERBS:
        return True
    if verb.tag_ not in ("VBZ", "VBP") or any(c.dep_ in ("aux", "auxpass") for c in verb.children):
        return False
    verbs = [verb, *(c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB")]
    return any(c.lower_ == "strongly" for c in verb.children) or any(v.lemma_.lower() in _VALUING_VERBS for v in verbs)


def _general_subject(verb) -> bool:
    """The subject is kinds of actors in the bare plural, or a quantity ("much has been done")."""
    for subject in (c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")):
        if subject.lower_ in _QUANTITIES and not any(c.dep_ == "prep" for c in subject.children):
            return True
        kinds = [subject, *(c for c in subject.conjuncts)]
        # "Thirty-three OSCE participating States ... identify themselves": a counted, named set, not kinds.
        bare = not any(c.dep_ in ("det", "poss", "nummod") or (c.dep_ == "compound" and c.pos_ == "PROPN") for c in subject.children)
        if bare and subject.tag_ in ("NNS", "NNPS") and all(_actor_kind(k) for k in kinds):
            return True
    return False


def _actor_kind(token) -> bool:
    return token.lemma_.lower().rstrip("s") in _ACTOR_KINDS or token.lower_.rstrip("s") in _ACTOR_KINDS


def _habit(verb) -> str:
    """ "The Mission regularly monitors ...", "ODIHR recommends that ...", "The Office has worked on
    this since 2004", "It found that ...": no dated act."""
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    present = verb.tag_ in ("VBZ", "VBP") and not aux
    # A body's habit is told of the body ("The Mission regularly meets"); "staff regularly exchange
    # information with X" is read in the reports as their act.
    near = [c for c in verb.children] + [g for c in verb.children if c.dep_ == "dobj" for g in c.children]
    if present and verb.tag_ == "VBZ" and any(t.lower_ in _HABITUAL for t in near):
        return "line of work"
    if present and _EVERY.search(verb.sent.text):
        return "line of work"  # "as every year, the SR holds a conference": a recurring event, no dated one
    if present and verb.lemma_.lower() in _ADVISING_VERBS:
        return "opinion"
    perfect = any(a.lower_ in ("has", "have") for a in aux)
    # "has since been downloaded 9,000 times": what became of earlier work; "has supported X since
    # 2001" (a dated stretch of work) is read in the reports as an act.
    if perfect and any(c.lower_ == "since" and not list(c.children) for c in verb.children):
        return "result"
    lemma = verb.lemma_.lower()
    if lemma in (_FINDING_VERBS | {"find"}) and any(c.dep_ == "ccomp" and any(m.lower_ == "that" for m in c.children) for c in verb.children):
        return "finding"
    return ""


def _event(token) -> bool:
    lemma = token.lemma_.lower()
    return lemma in EVENT_NOUNS or lemma.rstrip("s") in EVENT_NOUNS


def _a_state(verb) -> bool:
    """A verb of state ("differs", "encounter", "rests on") or "be" with an adjective ("the permit is
    temporary"), unless the adjective makes it an act ("was involved in")."""
    lemma = verb.lemma_.lower()
    if lemma in _STATE_VERBS or (lemma == "remain" and verb.tag_ in ("VBZ", "VBP")):
        return True  # "The Alliance remains a key tool": what a thing is now
    particles = {c.lower_ for c in verb.children if c.dep_ in ("prt", "prep")}
    if any(p in particles for v, p in _PHRASAL_STATES if v == lemma):
        return True
    if lemma != "be" and _linking(verb):
        return True
    if lemma != "be" or any(c.dep_ == "auxpass" for c in verb.children):
        return False
    if not any(c.dep_ == "nsubj" and c.pos_ in ("NOUN", "PROPN") for c in verb.children):
        return False  # "it is hard to assess ...": an expletive subject, the sentence's act lies elsewhere
    # "the Mechanism was able to compile a list": done, not a state ("is able to" stays a capacity).
    done = verb.tag_ == "VBD" and any(c.dep_ == "acomp" and c.lower_ == "able" for c in verb.children)
    return not done and any(c.dep_ == "acomp" and c.lemma_.lower() not in _ACTIVE_ADJECTIVES for c in verb.children)


def _linking(verb) -> bool:
    """A verb used as a link to what the subject is: "continued to be a focal point", "has stood ready to
    assist", "became operational" (an adjective or a noun complement, no object); "continued to be involved
    in ..." is an act."""
    if any(c.dep_ == "dobj" for c in verb.children):
        return False
    complements = [c for c in verb.children if c.dep_ == "acomp"]
    complements += [g for x in verb.children if x.dep_ == "xcomp" and x.lemma_ == "be" for g in x.children if g.dep_ in ("attr", "acomp")]
    return any(c.lemma_.lower() not in _ACTIVE_ADJECTIVES for c in complements)


def _judged(verb) -> bool:
    """A judgement of value on work: a verb of seeming with an adjective ("Consultations have proved
    (to be) decisive", "the approach seems effective"), or a verb of judging in the passive with an
    adverb or a complement of value ("The projects are positively assessed by their beneficiaries",
    "was considered a success", "is regarded as useful"). It says what work is worth, not what was done."""
    lemma = verb.lemma_.lower()
    if lemma in _SEEMING_VERBS:
        to_be = [x for x in verb.children if x.dep_ == "xcomp" and x.lemma_ == "be"]
        return any(c.dep_ == "acomp" for c in verb.children) or any(g.dep_ in ("acomp", "attr") for x in to_be for g in x.children)
    if lemma not in _JUDGING_VERBS or not any(c.dep_ == "auxpass" for c in verb.children):
        return False
    valued = any(c.dep_ == "advmod" and c.lower_.endswith("ly") for c in verb.children)
    return valued or any(c.dep_ in ("oprd", "acomp") or (c.dep_ == "prep" and c.lower_ == "as") for c in verb.children)


def _sets_priorities(verb) -> bool:
    """ "X has selected two priorities", "X set its focus on ...", "X prioritised the issue"; where a body's work
    went over a stretch of time ("In 2015 the Unit concentrated on financial investigations", "X made the
    protection of child victims one of its priorities"): a summary of its work, not one act."""
    lemma = verb.lemma_.lower()
    if lemma in _PRIORITISING_VERBS:
        return True
    if lemma in _CONCENTRATING_VERBS and any(c.dep_ == "prep" and c.lower_ == "on" for c in verb.children):
        return True
    if lemma == "make" and _MADE_A_PRIORITY.search(verb.doc[verb.left_edge.i : verb.right_edge.i + 1].text):
        return True  # the parse of "made X one of its priorities" is often broken: read by its words
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


def title_line(text: str) -> bool:
    """A first line of its own with no full stop: the text's title ("Interview: X looks back on 2021")."""
    line = text.strip()
    return "\n" not in line and not line.endswith((".", "!"))


def ends_a_quote(sentence: Span) -> bool:
    """The last sentence of a quoted remark: it ends on a closing quotation mark that an attribution
    follows ("... before they fall into debt bondage,” she said.")."""
    text = sentence.text.rstrip()
    after = sentence.doc.text[sentence.end_char : sentence.end_char + 40]
    if text.endswith((".”", ",”", "!”", "?”", '."', ',"')):
        return True  # a remark closes inside its marks; a title quoted in a sentence ends '”.'
    return bool(re.match(r"^\s*[”\"],?\s+(?:said|says|added|stressed|noted|explained|underlined|emphasized)\b", after, re.IGNORECASE))
