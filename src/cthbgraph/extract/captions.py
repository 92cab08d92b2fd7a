"""Lines that name an event by a noun, with no verb of their own: a photo caption ("Meeting with the Head
of the Immigration Agency, Mr. X, to discuss victim identification, October 2017.") or a chronology's
entry ("Visit to a shelter in Atlantis, 12 May 2016").

Such a line stands by the text it illustrates, so its doer is the context's: the doer of the activity
just before it, else the body of the section. The bodies it names are partners. To tell it from a
heading or a title, the line opens with an event noun followed by a preposition ("Meeting with",
"Visit to", "Training for") and carries a date, as captions and chronologies do.
"""

from __future__ import annotations

from spacy.tokens import Span

from .dates import normalise_date
from .lists import has_own_clause

_EVENT_HEADS = {
    "meeting", "visit", "training", "workshop", "seminar", "roundtable", "round-table", "consultation", "conference",
    "session", "briefing", "presentation", "launch", "discussion", "exchange", "lecture", "course", "address",
}
_LINKS = {"with", "to", "of", "on", "for", "at", "in", "between"}


def names_event(sentence: Span) -> bool:
    """A line of its own that opens with an event noun and a preposition and gives a date, without a clause."""
    words = [t for t in sentence if not t.is_space and not t.is_punct]
    if len(words) < 3 or not words[0].text[:1].isupper():
        return False
    if words[0].lower_ not in _EVENT_HEADS or words[1].lower_ not in _LINKS:
        return False
    text = sentence.doc.text
    line_start = text.rfind("\n", 0, sentence.start_char) + 1
    if text[line_start : sentence.start_char].strip():
        return False  # inside a paragraph: a sentence the parse cut, not a line of its own
    return bool(normalise_date(sentence.text)) and not has_own_clause(sentence)


def caption_doers(sentence: Span, doers: tuple, recent: tuple, section_body) -> tuple:
    """The context's doers for a line that names an event (see the module's docstring), else ()."""
    if doers or not names_event(sentence):
        return ()
    return recent or ((section_body,) if section_body is not None else ())
