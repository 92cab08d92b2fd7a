"""Lexical and contextual features of a sentence for the learned event filter (``event_filter.py``).

:func:`event_filter.features` names the coarse properties the rules already read (tense, subject kind,
a date ...). These are finer and more numerous, so the model needs its L2 penalty to use them: the
lemma of the main verb, its aspect and voice, the head of its subject, the first words of the
sentence, its shape (a list item, a caption), the event before it, and optionally a bag of its lemmas.
Every name has a group prefix (``syn:``, ``ctx:``, ``bow:``) so that the trainer can select groups by
cross-validation. Proper nouns are never spelled out ("PROPN" stands for any of them): the model must
not learn the names of the bodies or places of the texts it was trained on.
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from ..records import Activity
from .activities import main_verb
from .dates import normalise_date

# A line that opens with a bullet, a dash or an item number ("- ", "• ", "3. ", "(b) ").
_LIST_ITEM = re.compile(r"^\s*(?:[-–—•▪●◦*·]|\(?[0-9]{1,2}[.)]|\(?[a-z][.)])\s+")
_MODALS = {"will", "would", "shall", "should", "can", "could", "may", "might", "must"}
_FIRST_PERSON = {"we", "our", "us", "i", "my"}
_CONTENT_POS = ("NOUN", "VERB", "ADJ", "ADV")
_STOP = {"be", "have", "do", "the", "a", "an", "of", "and", "to", "in", "for", "on", "with", "by", "as", "at"}
GROUPS = ("syn", "ctx", "bow")


def _word(token: Token) -> str:
    """A token as a feature value: its lemma, or its class for a name, a number or a symbol."""
    if token.pos_ == "PROPN" or token.ent_type_ in ("PERSON", "GPE", "LOC", "ORG", "NORP", "FAC"):
        return "PROPN"
    if token.like_num:
        return "NUM"
    if token.is_punct or token.pos_ == "SYM":
        return "PUNCT"
    return token.lemma_.lower()


def lexical_features(sentence: Span, activity: Activity, previous: Activity | None = None) -> list[str]:
    """The ``syn:``, ``ctx:`` and ``bow:`` features of a sentence read as ``activity``; ``previous``:
    the event opened before it in the same text, if any."""
    return [*_syntax(sentence, activity), *_context(sentence, activity, previous), *_bag(sentence)]


def _syntax(sentence: Span, activity: Activity) -> list[str]:
    f = []
    verb = main_verb(sentence)
    if verb is not None:
        aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
        f.append(f"syn:verb={verb.lemma_.lower()}")
        aspect = "perfect" if any(a.lemma_ == "have" for a in aux) else "progressive" if verb.tag_ == "VBG" and aux else "simple"
        voice = "passive" if any(a.dep_ == "auxpass" for a in aux) or verb.tag_ == "VBN" and not aux else "active"
        tense = "present" if verb.tag_ in ("VBZ", "VBP") or any(a.tag_ in ("VBZ", "VBP") for a in aux) else "past"
        f += [f"syn:aspect={aspect}", f"syn:voice={voice}", f"syn:tvoice={tense}-{aspect}-{voice}"]
        if any(a.lower_ in _MODALS for a in aux):
            f.append("syn:modal")
        if any(c.dep_ == "neg" for c in verb.children):
            f.append("syn:negated")
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "csubj")), None)
        if subject is None:
            f.append("syn:subject=none")
        else:
            f.append(f"syn:subject={_word(subject)}")
            starts = {m.excerpt.start for m in activity.agents}
            if any(subject.left_edge.idx <= s <= subject.idx + len(subject.text) for s in starts):
                f.append("syn:subject-is-doer")
            if subject.tag_ == "PRP":
                f.append("syn:subject-pronoun")
            if subject.lower_ in _FIRST_PERSON:
                f.append("syn:subject-first-person")
            if subject.tag_ in ("NNS", "NNPS"):
                f.append("syn:subject-plural")
    words = [t for t in sentence if not t.is_space]
    f += [f"syn:first{i}={_word(t)}" for i, t in enumerate(words[:3])]
    return f


def _context(sentence: Span, activity: Activity, previous: Activity | None) -> list[str]:
    text = sentence.text.strip()
    words = [t for t in sentence if not t.is_punct and not t.is_space]
    f = []
    if _LIST_ITEM.match(text):
        f.append("ctx:list-item")
    if text.endswith(":"):
        f.append("ctx:lead-in")
    if "\n" not in text and len(words) < 15 and normalise_date(text):
        f.append("ctx:caption")  # a short dated line: the caption of a photo or a listing's entry
    if text[-1:] not in ".!?\"”":
        f.append("ctx:no-full-stop")
    if previous is None:
        f.append("ctx:first-event")
    else:
        same = {m.key for m in activity.agents} == {m.key for m in previous.agents}
        near = sentence.start_char - max(e.end for e in previous.evidence) < 600
        f.append("ctx:previous-" + ("same" if same else "other") + "-doer" + ("-near" if near else ""))
        if previous.type == activity.type:
            f.append("ctx:previous-same-type")
    f.append(f"ctx:doers={min(len(activity.agents), 3)}")
    return f


def _bag(sentence: Span) -> list[str]:
    lemmas = {t.lemma_.lower() for t in sentence if t.pos_ in _CONTENT_POS and not t.ent_type_ and t.is_alpha}
    return sorted(f"bow:{w}" for w in lemmas - _STOP)
