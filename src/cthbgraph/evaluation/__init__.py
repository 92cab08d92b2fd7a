"""How far to trust the extraction: precision, recall and F1 against hand-checked annotations.

``gold`` reads the annotations, ``kinds`` counts each kind of fact, ``scores`` holds the numbers,
``scoring`` runs it all (:func:`evaluate`).

A gold folder (``tests/gold/`` in this repository; see its README for the conventions) holds up to five
JSON-lines files, each optional, so a researcher who adds a report can annotate a sample of one kind:

* ``bodies.jsonl``     sentences with every body mention in them and its canonical key;
* ``decisions.jsonl``  every reference to an OSCE decision or the Action Plan, with its document key;
* ``provisions.jsonl`` numbered provisions with the bodies they task and the partners they name;
* ``activities.jsonl`` activity sentences with type, agents, partners, date, place, provision;
* ``regions.jsonl``    paragraph ranges in which every activity sentence was annotated.

Every record carries a ``split`` (``dev`` for tuning, ``test`` for checking). A predicted fact gets
the split of the nearest gold record that starts before it in the same report.

How each kind is counted (:mod:`~cthbgraph.evaluation.kinds`; one :class:`PRF` per metric, spaCy's ``PRFScore`` arithmetic):

* bodies: inside the annotated sentences, a gold mention is found when a predicted mention overlaps
  it and has the same key (one to one). Everything else predicted in those sentences is a false hit.
* decisions: over the whole of every annotated report, a gold reference is found when a predicted
  reference overlaps it with the same document key. ``invented`` counts predicted document keys that
  no gold reference of the same report has.
* provisions: (report, notation, body) pairs, tasked and partners separately, plus the provisions
  themselves by notation. Partners are never counted as tasked.
* activities: inside ``regions.jsonl``, a gold sentence is found when a predicted activity's excerpt
  overlaps it; a predicted activity that overlaps no gold sentence is a false hit (``tp`` counts
  found gold sentences, so two predictions on one sentence are not rewarded twice; every excerpt of
  an event counts, its follow-ups too). Among those found by an event's lead excerpt (a follow-up is
  evidence, not a claim of its own about doer, date or place), the attributes are accuracies (:class:`Accuracy`): ``agent`` is right when the predicted
  agents are non-empty and all among the gold agents; ``provision`` where the gold gives one; ``date``
  (exact ISO string, empty = empty); ``country``; ``place``. ``activities`` counts every gold
  sentence; ``activities-named`` leaves out those whose agent is not named in the sentence
  (``implicit_agent: true``).
* events (:mod:`~cthbgraph.evaluation.events`): precision and recall by event, the doer of each
  event found (``event agent``); and for ``documents.jsonl`` the title, date and year of each text.
* where the errors come from, in counts (rows of ``scores.COUNTS``, no rate of their own): the false
  hits of ``events`` split or spurious, its misses merged or unread, the wrong doers of ``event
  agent`` none, a partner or other; and ``mentions partners-found`` / ``osce-found``, where a missed
  gold mention under an unmatched predicted mention of its group is found whatever the key.

Every count is also kept per unit (an annotated region, else a text), so that
:mod:`~cthbgraph.evaluation.intervals` can give each figure a 95 % interval by resampling units, and
:func:`pool` can sum several annotation sets into one figure.
"""

from __future__ import annotations

from .gold import GOLD_FILES, Gold, GoldError, load_gold
from .scores import CI_COLUMNS, COLUMNS, ERROR_COLUMNS, KINDS, PRF, SPLITS, Accuracy, EvalError, Evaluation, Score
from .scoring import evaluate, pool, score_extractions

__all__ = [
    "CI_COLUMNS",
    "COLUMNS",
    "ERROR_COLUMNS",
    "GOLD_FILES",
    "KINDS",
    "PRF",
    "SPLITS",
    "Accuracy",
    "EvalError",
    "Evaluation",
    "Gold",
    "GoldError",
    "Score",
    "evaluate",
    "load_gold",
    "pool",
    "score_extractions",
]
