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
    subject = subjects[0]
    excerpt = reader.excerpt(subject.left_edge.idx, subject.idx + len(subject.text))
    office = post_offices().get(author.id_) if "i" not in words else None  # "we" and "my Office": the post's office
    entry = next((e for e in load_gazetteer() if e.key == office), None) if office else None
    if entry is not None:
        return BodyMention(excerpt, entry.key, entry.label, entry.kind, confidence=0.7)
    named = reader.mention(author)
    return BodyMention(excerpt, named.key, named.label, named.kind, named.partner_kind, named.country, 0.7)
