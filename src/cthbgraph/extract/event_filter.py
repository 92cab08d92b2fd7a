"""A learned second opinion on the sentences that open an event: is this one an activity at all?

The rules of :mod:`cthbgraph.extract.events` decide which sentences report something a body did. Some
that they keep describe rather than report ("The Mission regularly meets the authorities of ...",
a body's line of work, a state of affairs). A small logistic regression over features the pipeline
already reads (the tense and voice of the main verb, what kind of word its subject is, how the doer
was found, a date, a number, an event noun ...) and the finer ones of :mod:`.event_features` scores each
sentence that would open an event; one that scores below the threshold opens none. A second model (the
``add`` side) scores the sentences the rules read with no doer of their own: one at its threshold or above
becomes an event of the doer its context gives (``Reading.context``).

The weights are in ``patterns/event_filter.json``, written by ``scripts/train_event_filter.py`` from
the ``dev`` annotations only (the sets of the trainer's ``SETS``); the
thresholds were chosen there by cross-validation by text. Features are generic properties of a sentence: no
word list of any evaluation text, no proper noun. Each side is on only when cross-validation found it beats
the rules alone by the trainer's MIN_GAIN; as trained now neither does (both thresholds are 0.0: the filter
removes nothing, and the reader does not build the guesses the adding side would read). Retrained on the
dev labels of 2026-12-08 the removing side gained 0.003 F1 out of fold, below MIN_GAIN, so it stays off.
Scoring is plain Python, so the build stays deterministic and needs nothing beyond the standard library.
"""

from __future__ import annotations

import json
import math
import re
from functools import cache
from pathlib import Path

from spacy.tokens import Span

from ..records import Activity
from .activities import RECEIVING, main_verb
from .dates import normalise_date
from .event_features import lexical_features
from .events import (
    _CONTENT_VERBS,
    _JOINING_VERBS,
    _PEOPLE,
    _TEXT_NOUNS,
    PAGE_GENRES,
    _dated,
    _event_word,
    _has_event_object,
    names_new_event,
    refers_back,
)

WEIGHTS = Path(__file__).parent / "patterns" / "event_filter.json"

# Collective names that stand for many bodies at once ("OSCE field operations", "OSCE bodies"): a
# sentence about them tends to describe the Organization's work in general rather than one event.
_COLLECTIVE = {"osce", "osce-bodies", "field-operations", "heads-of-field-operations"}
# Words of continuing or habitual work, not of one event.
_HABITUAL = {"regularly", "continuously", "constantly", "usually", "often", "always", "ongoing", "continue", "since", "traditionally"}
_QUOTES = re.compile(r"[“”\"]")


def features(sentence: Span, activity: Activity, genre: str = "", heading_before: bool = False, previous: Activity | None = None) -> list[str]:
    """The names of the binary features that hold for a sentence with the activity read from it;
    ``previous``: the event opened before it in the same text (the lexical ones: ``event_features.py``)."""
    f = [f"genre:{_genre(genre)}", f"confidence:{activity.confidence:.1f}"]
    f += _verb_features(sentence, activity)
    f += _activity_features(activity)
    words = [t for t in sentence if not t.is_punct and not t.is_space]
    f.append("length:" + ("short" if len(words) < 15 else "medium" if len(words) < 30 else "long" if len(words) < 50 else "very-long"))
    checks = {
        "date": bool(normalise_date(sentence.text)) or _dated(sentence),
        "today": any(t.lower_ in ("today", "yesterday") for t in sentence),
        "number": any(t.like_num and not re.fullmatch(r"(?:19|20)\d\d", t.text) for t in sentence),
        "quote": bool(_QUOTES.search(sentence.text)),
        "habitual": any(t.lower_ in _HABITUAL or t.lemma_.lower() in _HABITUAL for t in sentence),
        "first-person": any(t.lower_ in ("we", "our") for t in sentence),
        "refers-back": refers_back(sentence),
        "new-event": names_new_event(sentence),
        "event-noun": any(_event_word(t) and t.pos_ == "NOUN" for t in sentence),
        "opens-with-adjunct": next((t.dep_ for t in sentence if not t.is_space), "") in ("prep", "advmod", "mark", "advcl"),
        "after-heading": heading_before,
    }
    return f + [name for name, holds in checks.items() if holds] + lexical_features(sentence, activity, previous)


def _verb_features(sentence: Span, activity: Activity) -> list[str]:
    """Tense and voice of the main verb, its kind, what its subject is, an event as its object."""
    verb = main_verb(sentence)
    if verb is None:
        return ["verb:none"]
    tag = verb.tag_
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    present = tag in ("VBZ", "VBP") or any(a.tag_ in ("VBZ", "VBP") for a in aux)
    f = ["verb:" + ("present" if tag in ("VBZ", "VBP") else tag if tag in ("VBD", "VBN", "VBG") else "other")]
    f.append("tense:present" if present else "tense:past")
    lemma = verb.lemma_.lower()
    checks = {
        "aux:perfect": any(a.lemma_ == "have" for a in aux),
        "aux:passive": any(a.dep_ == "auxpass" for a in aux),
        "verb:content": lemma in _CONTENT_VERBS,
        "verb:joining": lemma in RECEIVING or lemma in _JOINING_VERBS,
        "verb:be": lemma == "be",
        "object:event": _has_event_object(sentence),
    }
    return [*f, "subject:" + _subject_kind(verb, activity), *(name for name, holds in checks.items() if holds)]


def _activity_features(activity: Activity) -> list[str]:
    checks = {
        "type:other": activity.type == "other",
        "place": bool(activity.place or activity.country),
        "partners": bool(activity.partners),
        "agents:several": len(activity.agents) > 1,
        "agents:collective": any(m.key in _COLLECTIVE for m in activity.agents),
        "agents:external": all(m.kind == "ExternalOrganisation" for m in activity.agents),
    }
    return [name for name, holds in checks.items() if holds]


def _genre(genre: str) -> str:
    if genre in PAGE_GENRES:
        return "page"
    return genre if genre in ("press-release",) else "report"


def _subject_kind(verb, activity: Activity) -> str:
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subjects:
        return "none"
    subject = subjects[0]
    starts = {m.excerpt.start for m in activity.agents}
    span = range(subject.left_edge.idx, subject.idx + len(subject.text) + 1)
    if any(s in span for s in starts):
        return "body"
    lemma = subject.lemma_.lower()
    if subject.tag_ == "PRP":
        return "pronoun"
    if _event_word(subject):
        return "event"
    if lemma.rstrip("s") in _PEOPLE:
        return "people"
    if lemma in _TEXT_NOUNS or lemma.rstrip("s") in _TEXT_NOUNS:
        return "text"
    return "other"


@cache
def _model(path: Path = WEIGHTS, side: str = "") -> tuple[float, float, dict[str, float]]:
    """Bias, threshold and weights of the removing model, or (``side="add"``) of the adding one."""
    data = json.loads(path.read_text(encoding="utf-8"))
    data = data.get(side, {"bias": 0.0, "threshold": 0.0, "weights": {}}) if side else data
    return float(data["bias"]), float(data["threshold"]), {k: float(v) for k, v in data["weights"].items()}


def score(names: list[str], path: Path = WEIGHTS, side: str = "") -> float:
    """The model's probability that a sentence with these features opens an activity."""
    bias, _, weights = _model(path, side)
    z = bias + sum(weights.get(n, 0.0) for n in names)
    return 1.0 / (1.0 + math.exp(-z))


def keeps(sentence: Span, activity: Activity, genre: str = "", heading_before: bool = False, previous: Activity | None = None) -> bool:
    """Whether the model lets a sentence the rules read as an activity open an event."""
    if not WEIGHTS.exists():
        return True
    _, threshold, _ = _model(WEIGHTS)
    if threshold <= 0.0:
        return True  # a model that cross-validation did not find worth a threshold removes nothing
    return score(features(sentence, activity, genre, heading_before, previous)) >= threshold


def keep_event(reading, genre: str = "", previous: Activity | None = None) -> bool:
    """:func:`keeps` for an :class:`~cthbgraph.extract.events.Reading` (the ``keep`` of ``group_events``)."""
    return reading.activity is None or keeps(reading.sentence, reading.activity, genre, reading.heading_before, previous)


def adds_events(path: Path = WEIGHTS) -> bool:
    """Whether the adding side is on (a threshold above 0.0): only then need a reader guess ``Reading.context``."""
    if not path.exists():
        return False
    _, threshold, _ = _model(path, "add")
    return 0.0 < threshold <= 1.0


def add_event(reading, genre: str = "", previous: Activity | None = None) -> Activity | None:
    """The activity of its context's doer (``reading.context``) that a sentence the rules read with no doer
    reports, if the adding model scores it at its threshold or above (a threshold of 0.0 adds nothing)."""
    if reading.context is None or not WEIGHTS.exists():
        return None
    _, threshold, _ = _model(WEIGHTS, "add")
    if not 0.0 < threshold <= 1.0:
        return None
    names = features(reading.sentence, reading.context, genre, reading.heading_before, previous)
    return reading.context if score(names, WEIGHTS, "add") >= threshold else None
