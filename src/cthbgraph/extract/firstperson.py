"""First-person accounts: a foreword or an interview in which the author tells what they did.

"In February I travelled to Chisinau", "We ran two workshops", "My Office also trained 64
investigators": the doer is the text's author, named by its title line ("Foreword by the Special
Representative", "Interview: ODIHR's adviser looks back", "Five questions to the OSCE Office in
Yerevan"). "I" is the author's post; "we" and "my Office" are the office that serves the post (the
gazetteer's ``office``), or the author body itself. Opinions and plans in the first person ("I
believe", "We will publish") are left to the rules that refuse them; quoted remarks of press
releases are not read here (a press release's "we" is a speaker's, inside a quote).
"""

from __future__ import annotations

from spacy.tokens import Span

from ..records import BodyMention
from . import activities as act
from .bodies import load_gazetteer, post_offices

# Verbs of thought and feeling: the first person's opinion or memory, not an act.
_THINKING = {"believe", "think", "hope", "remember", "feel", "know", "wish", "want", "consider", "expect", "see",
             "intend", "plan", "aim", "mean"}
_GENRES = ("report", "")


def author_body(reader) -> Span | None:
    """The body the title line (the text's first line) names first, or None."""
    text = reader.report.text
    first = text.lstrip()
    end = len(text) - len(first) + (first.find("\n") if "\n" in first else len(first))
    return next((b for b in reader.body_spans if b.end_char <= end), None)


def first_person_doer(reader, sentence: Span, author: Span | None) -> BodyMention | None:
    """The author as the doer of a sentence whose subject is "I", "we" or "my/our Office", or None."""
    if author is None or reader.report.genre not in _GENRES or not act.reports_action(sentence):
        return None
    verb = act.main_verb(sentence)
    if verb is None or verb.lemma_.lower() in _THINKING:
        return None
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    subjects += [g for s in subjects for g in s.children if g.dep_ == "conj"]  # "my colleagues and I"
    words = {s.lower_ for s in subjects}
    office_word = any(
        s.lemma_.lower() in ("office", "team") and any(c.lower_ in ("my", "our") for c in s.children) for s in subjects
    )
    if not (words & {"i", "we"} or office_word):
        return None
    key = author.id_
    if "i" not in words:
        key = post_offices().get(key, key)  # "we" and "my Office" are the post's office
    entry = next((e for e in load_gazetteer() if e.key == key), None)
    if entry is None:
        return None
    subject = subjects[0]
    return BodyMention(reader.excerpt(subject.left_edge.idx, subject.idx + len(subject.text)), entry.key, entry.label, entry.kind, confidence=0.7)
