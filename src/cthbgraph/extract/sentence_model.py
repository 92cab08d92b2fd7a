"""Is this sentence an activity? A model of every sentence of a text, not only of the rules' candidates.

The learned filter of :mod:`.event_filter` scores only the sentences the rules would open an event on
(or read without a doer): trained on the dev halves the rules were tuned on, it sees few of the errors
held-out text shows (false events on sentences with no activity at all, activity sentences the rules
never read). This model is trained on *every* sentence of the annotated dev regions: an activity sentence
(any evidence sentence of a gold event) against every other one. Its features are those of
:func:`event_filter.features` and :func:`event_features.lexical_features` (a proper noun is never spelled
out) plus how the rules read the sentence's doer (``rules:``), but never whether the rules put the
sentence in an event: the model is a second reader, not a copy of the first.

``scripts/train_sentence_model.py`` trains it and measures it leave-one-set-out; scoring is plain Python
(:func:`probability`), so a build stays deterministic. Measured so on 2026-12-07 it did not beat the rules by
the margin fixed in advance on either side, so ``patterns/sentence_model.json`` has both sides off
(``remove_on``, ``add_on``): :func:`keep_event`, :func:`add_event` and :func:`adds_events` are then exactly
those of :mod:`.event_filter`. Its probability is the confidence of an activity (:func:`rated`,
``confidence_on``): out of set it ranks the rules' activity sentences by whether they are activities far
better than the way the doer was found (docs/extraction.md, "A sentence model measured leave-one-set-out").
"""

from __future__ import annotations

import json
import math
from dataclasses import replace
from functools import cache
from pathlib import Path

from ..records import Activity, Excerpt, Report
from . import events
from .doers import CONFIDENCE
from .event_filter import add_event as filter_add
from .event_filter import adds_events as filter_adds
from .event_filter import features as filter_features
from .event_filter import keep_event as filter_keep

WEIGHTS = Path(__file__).parent / "patterns" / "sentence_model.json"

# A sentence read with no doer at all still needs an activity for the feature code: one with no doer,
# whose activity features (type, place, doers) are then left out.
_NOTHING = Activity(Excerpt("", 0, 0, ""), "other", ())
_METHODS = {round(v, 1): k for k, v in CONFIDENCE.items()}
# Features of the rules' activity that mean nothing when the rules read none.
_OF_ACTIVITY = ("type:", "place", "partners", "agents:", "confidence:", "ctx:doers=", "ctx:previous-same-type", "subject:body", "syn:subject-is-doer")


def features(reading, genre: str = "", previous: Activity | None = None) -> list[str]:
    """The features of one :class:`~cthbgraph.extract.events.Reading` (any sentence, with or without an
    activity); ``previous``: the event opened before it in the same text, if any."""
    activity = reading.activity or reading.context
    if reading.activity is not None:
        rules = ["rules:doer=" + _METHODS.get(round(reading.activity.confidence, 1), "other")]
    else:
        rules = ["rules:no-doer", *(["rules:context-doer"] if reading.context is not None else [])]
    names = filter_features(reading.sentence, activity or _NOTHING, genre, reading.heading_before, previous)
    if activity is None:
        names = [n for n in names if not n.startswith(_OF_ACTIVITY)]
    # The doer method is said once, by rules:doer (confidence:0.4 would also tag a context guess).
    return rules + [n for n in names if not n.startswith("confidence:")]


@cache
def _data(path: Path = WEIGHTS) -> dict:
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {"bias": 0.0, "weights": {}}


def probability(names: list[str], path: Path | None = None) -> float:
    """The model's probability that a sentence with these features is an activity sentence (``path``: the
    weights, by default ``WEIGHTS``)."""
    data = _data(path or WEIGHTS)
    z = float(data["bias"]) + sum(float(data["weights"].get(n, 0.0)) for n in names)
    return 1.0 / (1.0 + math.exp(-z))


def _side(name: str) -> float | None:
    """The threshold of a side (``remove``, ``add``) if the trainer's rule switched it on, else None."""
    data = _data(WEIGHTS)
    return float(data[f"threshold_{name}"]) if data.get(f"{name}_on") else None


def keep_event(reading, genre: str = "", previous: Activity | None = None) -> bool:
    """:func:`event_filter.keep_event`, and (removing side on) the model at its threshold or above."""
    if not filter_keep(reading, genre, previous):
        return False
    threshold = _side("remove")
    return reading.activity is None or threshold is None or probability(features(reading, genre, previous)) >= threshold


def add_event(reading, genre: str = "", previous: Activity | None = None) -> Activity | None:
    """:func:`event_filter.add_event`, else (adding side on) the context's activity of a doerless sentence the
    model scores at its adding threshold or above."""
    added = filter_add(reading, genre, previous)
    threshold = _side("add")
    if added is not None or threshold is None or reading.context is None:
        return added
    return reading.context if probability(features(reading, genre, previous)) >= threshold else None


def adds_events() -> bool:
    """Whether either learned model may add an event (only then need a reader guess ``Reading.context``)."""
    return filter_adds() or _side("add") is not None


def grouped(readings: list, report: Report) -> list[Activity]:
    """The events of a report's readings (:func:`events.group_events` with the learned second opinions), rated."""
    found = events.group_events(readings, report.text, genre=report.genre, keep=keep_event, add=add_event, year=report.year)
    return rated(found, readings, report.genre)


def rated(activities: list[Activity], readings: list, genre: str = "") -> list[Activity]:
    """With ``confidence_on``: each activity's confidence becomes the model's probability that its lead sentence
    is an activity times the confidence of the way its doer was found (the fact holds if both do). Set only
    once the events are grouped, so that no rule reading a doer's confidence (``headlines.py``) changes."""
    if not _data(WEIGHTS).get("confidence_on"):
        return activities
    by_start = {r.excerpt.start: r for r in readings}
    out = []
    for n, activity in enumerate(activities):
        # A press release's headline leads its event's evidence: the sentence read is the one after it.
        lead = next((by_start[e.start] for e in activity.evidence if e.start in by_start and by_start[e.start].activity), None)
        if lead is not None:
            p = probability(features(lead, genre, activities[n - 1] if n else None))
            activity = replace(activity, confidence=round(p * activity.confidence, 3))
        out.append(activity)
    return out
