"""Sentences that report a body doing something and are still no activity (split from ``events.py``).

A mandate ("According to its mandate, the Special Representative collects ..."), a body's general
line of work in a press release's closing paragraph ("The OSCE Mission to Moldova works to support
..."), a result ("Nine posts reached more than 14,000 people"), a quoted remark, the operative
paragraph of a decision ("Decides to hold ..."), a footnote: :func:`not_an_activity` says which, and
:mod:`.stating` and :mod:`.asides` add more kinds.
"""

from __future__ import annotations

import re

from spacy.tokens import Span

from .activities import EVENT_NOUNS, main_verb
from .asides import aside
from .dates import since_within_the_year
from .stating import describes, ends_a_quote

# Subjects that stand for the people of the event just reported, not for a new doer.
_PEOPLE = {
    "participant", "speaker", "trainer", "expert", "instructor", "lecturer", "attendee", "delegate", "team",
    "representative", "panellist", "panelist", "inspector", "officer", "judge", "prosecutor", "student", "trainee",
    "delegation",
}
# Nouns that name what was done; "mission", "network" and "forum" also head the names of bodies.
_EVENT_WORDS = (EVENT_NOUNS - {"mission", "network", "forum", "programme"}) | {
    "module", "round", "table", "side", "panel", "visit", "hearing", "webinar", "address", "presentation", "paper",
}
_MANDATE = re.compile(
    r"\b(?:according\s+to\s+(?:its|the|his|her|their)\s+mandate|under\s+(?:its|the)\s+mandate|is\s+mandated\s+to|"
    r"(?:its|whose)\s+mandate\s+(?:is|includes)|aims?\s+to|(?:is|are)\s+(?:meant|intended)\s+to|is\s+responsible\s+for|is\s+tasked\s+with)\b",
    re.IGNORECASE,
)
_OPERATIVE = re.compile(
    r"(?:^|[,;:]\s+|\n)(?:Decides|Tasks|Requests|Encourages|Invites|Instructs|Urges|Calls\s+(?:up)?on|Recalling|Welcoming"
    r"|Reaffirming|Noting|Recognizing|Acknowledging|Adopts|Approves|Endorses)\b"
)
_QUOTE_OPEN = ("“", '"', "‘", "„")
_ATTRIBUTION = re.compile(r"[”\"’],?\s+(?:said|says|added|stressed|noted|explained|underlined|emphasized)\b", re.IGNORECASE)
_FOOTNOTE = re.compile(r"^\s*(?:<sup>)?\d{1,3}(?:</sup>)?\s+(?:[A-Z][a-z]|See\b|Ibid)")
_BACKGROUND = re.compile(r"^(?:Background|About\b|Notes?\s+(?:to|for)\s+editors?)", re.IGNORECASE)
_RESULT_VERBS = {"reach", "benefit", "attract", "increase", "decrease", "rise", "grow", "double", "triple", "receive"}
_ADOPTION_VERBS = {"adopt", "endorse", "approve", "ratify", "transform", "rename", "appoint"}
# What an act of the past made possible ("This support has enabled the courts to ...") is a result.
_ENABLING_VERBS = {"permit", "allow", "enable"}
_OPINION_VERBS = {"welcome", "praise", "commend", "regret", "applaud", "congratulate"}
# What the participants of an event recommend or ask for is their opinion, not evidence of the event.
_RECOMMENDING_VERBS = {"recommend", "propose", "call", "urge", "suggest", "agree", "request", "demand"}
_PARTICIPANTS = {"participant", "attendee", "delegate", "panellist", "panelist", "speaker", "trainee", "student", "expert"}
_APPOINTMENT = re.compile(r"\b(?:appoint(?:s|ed)?|vacancy|vacancies)\b", re.IGNORECASE)
_BOILERPLATE_HEADING = re.compile(r"^\s*(?:Background|About\s+(?:the\s+)?OSCE\b.*|Notes?\s+(?:to|for)\s+editors?:?)\s*$", re.IGNORECASE | re.MULTILINE)
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_SENTENCE_END = re.compile(r"[.!?][\"”’)]?\s+|\n")
# A web page as the masthead reads it, or a mandate page as a manifest may call it.
PAGE_GENRES = ("web-page", "mandate-page")


def not_an_activity(sentence: Span, genre: str = "", closing: bool = False, text: str = "") -> str:
    """Why a sentence that reports a body doing something is not an activity, or "".

    ``closing``: the sentence is in the closing paragraph of a press release or page, where a body's
    general line of work is described ("The OSCE Centre in Astana has supported ... since 2004"). ``text``: the
    report as written (its line breaks tell a heading the parse joined to the sentence)."""
    if genre == "decision":
        return "decision text"
    return _by_wording(sentence, genre) or _by_verb(sentence, genre, closing) or describes(sentence, genre) or aside(sentence, genre, text)


def _by_wording(sentence: Span, genre: str) -> str:
    """What the words of the sentence alone say it is (a quote, a mandate, a footnote ...), or ""."""
    text = sentence.text.strip()
    if text.startswith(_QUOTE_OPEN) or _ATTRIBUTION.search(text) or ends_a_quote(sentence) or _inside_a_quote(sentence) or _attribution(sentence):
        return "quote"
    if _OPERATIVE.search(text):
        return "decision paragraph"
    if _states_a_mandate(sentence):
        return "mandate"
    if _FOOTNOTE.match(text):
        return "footnote"
    if _APPOINTMENT.search(text) and genre in ("listing", "press-release", *PAGE_GENRES):
        return "appointment"
    return ""


def _states_a_mandate(sentence: Span) -> bool:
    """A mandate or aim said of the sentence's own doer. Said in a relative clause ("a reference guide,
    which is intended to assist legislators", "a project ... that aims to improve ...") it tells what a
    thing the sentence names is for, and the sentence may still report that it was made or done."""
    for match in _MANDATE.finditer(sentence.text):
        words = sentence.char_span(match.start(), match.end(), alignment_mode="expand")
        if words is None or not any(t.dep_ == "relcl" for t in (words[0], *words[0].ancestors)):
            return True
    return False


def _inside_a_quote(sentence: Span) -> bool:
    """A sentence of a quoted remark its paragraph opened on ("“Our message is blunt: ... | It is time to
    do more than count the dead."): a pull-quote goes on after its first sentence."""
    doc_text = sentence.doc.text
    before = doc_text[doc_text.rfind("\n", 0, sentence.start_char) + 1 : sentence.start_char]
    return before.lstrip().startswith("“") and before.count("“") > before.count("”")


def _attribution(sentence: Span) -> bool:
    """The line under a quoted remark that names who said it ("..... Opening remarks of the Minister,
    as delivered by X, Director of ..."): no finite verb, after a paragraph that closes a quote."""
    doc_text = sentence.doc.text
    before = doc_text[max(0, sentence.start_char - 2000) : sentence.start_char].rstrip(" \n.")
    paragraph = before[before.rfind("\n") + 1 :].lstrip()
    if not (before.endswith(("”", '"')) and paragraph.startswith(("“", '"'))):
        return False  # a title quoted at a sentence's end ('entitled “Y”.') closes no remark
    return not any(t.tag_ in ("VBD", "VBZ", "VBP", "MD") for t in sentence)


def _by_verb(sentence: Span, genre: str, closing: bool) -> str:
    """What the main verb says the sentence is (a result, an opinion, a line of work ...), or ""."""
    verb = main_verb(sentence)
    lemma = verb.lemma_.lower() if verb is not None else ""
    if lemma in _RESULT_VERBS and any(t.like_num for t in sentence):
        return "result"
    if lemma in _ENABLING_VERBS and any(c.dep_ == "nsubj" and _event_word(c) for c in verb.children):
        return "result"
    if lemma in _ADOPTION_VERBS:
        return "adoption or institutional change"  # commitments and institutions, not activities
    if lemma in _OPINION_VERBS:
        return "opinion"
    if lemma in _RECOMMENDING_VERBS and _people_subject(verb):
        return "recommendation"  # "The participants recommended that States ...": the event may go on
    if genre in ("press-release", *PAGE_GENRES) and verb is not None and _line_of_work(sentence, verb, closing):
        return "line of work"
    if genre == "report" and verb is not None and _standing_work(sentence, verb):
        return "line of work"
    if closing and genre == "press-release" and _BACKGROUND.match(sentence.text.strip()):
        return "background"
    return ""


def _line_of_work(sentence: Span, verb, closing: bool) -> bool:
    """ "The Mission supports the authorities ...", "ODIHR has assisted ... since 2001" (closing
    paragraph): habitual present, no event named as the subject, no "today"."""
    if any(t.lower_ in ("today", "yesterday") for t in sentence) or _dated(sentence):
        return False  # "2016 – The Office launches ...": a dated event told in the present
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if any((_event_word(s) and not _general_work(s)) or (s.lemma_.lower() in _PEOPLE and not _titled(s)) for s in subjects):
        return False
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if verb.tag_ in ("VBZ", "VBP") and not aux:
        return True
    if any(a.dep_ == "auxpass" and a.tag_ in ("VBZ", "VBP") for a in aux):
        return True  # "Its work is guided by ..."
    perfect = any(a.lemma_ == "have" for a in aux)
    return closing and perfect and any(t.lower_ == "since" and not since_within_the_year(t) for t in sentence)


def _standing_work(sentence: Span, verb) -> bool:
    """ "The Presence assists Albania in implementing its strategy", "The Unit helps police services to
    ...": a report tells its events in the past, so a named body's undated simple present is what the
    body does as a rule (its line of work), not an event."""
    if verb.tag_ not in ("VBZ", "VBP") or any(c.dep_ in ("aux", "auxpass") for c in verb.children):
        return False
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    named = subjects and all(s.tag_ == "NNP" and not _event_word(s) for s in subjects)
    return bool(named) and not _dated(sentence) and not any(t.lower_ in ("today", "yesterday") for t in sentence)


def _people_subject(verb) -> bool:
    return any(c.dep_ == "nsubj" and c.lemma_.lower().rstrip("s") in _PARTICIPANTS for c in verb.children)


def _general_work(token) -> bool:
    """ "Its work", "their efforts": a body's work in general, not an event."""
    general = token.lemma_.lower() in ("work", "effort", "activity", "engagement", "support", "assistance")
    return general and any(c.dep_ == "poss" for c in token.children)


def _titled(token) -> bool:
    """ "the Special Representative": a post's title, not the people of an event."""
    return token.text[:1].isupper() and any(c.dep_ in ("compound", "amod") and c.text[:1].isupper() for c in token.children)


def _dated(sentence: Span) -> bool:
    """A year in the sentence or right before it in the same sentence (a list item's "2016 – "), other than in a
    "since" phrase ("since 2004", "since its establishment in 2004": a stretch of work up to now)."""
    text = sentence.text
    start = sentence.start_char + len(text) - len(text.lstrip())  # the parse may open a sentence on the line break
    before = sentence.doc.text[max(0, start - 12) : start]
    if _YEAR.search(_SENTENCE_END.split(before)[-1]):
        return True  # a year at the end of the sentence above dates that sentence, not this one
    return any(_YEAR.fullmatch(t.text) and not _in_since_phrase(t) for t in sentence)


def _in_since_phrase(token) -> bool:
    return any(a.lower_ == "since" for a in token.ancestors) or (token.i > 0 and token.nbor(-1).lower_ == "since")


def _event_word(token) -> bool:
    lemma = token.lemma_.lower()
    return lemma in _EVENT_WORDS or lemma.rstrip("s") in _EVENT_WORDS



def _closing_start(text: str, genre: str) -> int:
    """Where the closing paragraph of a press release or page begins (its "Background" or last paragraph)."""
    if genre not in ("press-release", *PAGE_GENRES):
        return 1 << 62
    m = _BOILERPLATE_HEADING.search(text)
    if m:
        return m.start()
    body = text.rstrip()
    cut = body.rfind("\n\n")
    return cut + 2 if cut != -1 else 1 << 62
