"""The numbers of an evaluation: precision / recall / F1 counts, accuracies, errors, and the table.

Scores are arithmetic on counts, as spaCy's ``PRFScore``: counts of two splits add up.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

KINDS = ("bodies", "decisions", "provisions", "activities", "activities-named", "documents")
SPLITS = ("dev", "test", "all")
GAP = "dev-test"  # the split label of the rows that give dev minus test
# Rows that count one kind of error and have no rate of their own (so no gap row and no published
# measure), with the column they count in: the false hits or misses of a line they break down.
COUNTS = {
    "invented documents": "fp",
    "events-split": "fp",
    "events-spurious": "fp",
    "events-unread": "fn",
    "events-merged": "fn",
    "event agent-none": "fn",
    "event agent-partner": "fn",
    "event agent-other": "fn",
}


@dataclass(frozen=True, order=True)
class PRF:
    """True positives, false positives, false negatives and what follows from them."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: PRF) -> PRF:
        return PRF(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)


@dataclass(frozen=True, order=True)
class Accuracy:
    """Right answers among the cases judged (e.g. agents among the activities found)."""

    correct: int = 0
    total: int = 0

    @property
    def accuracy(self) -> float:
        return self.correct / self.total if self.total else 0.0

    def __add__(self, other: Accuracy) -> Accuracy:
        return Accuracy(self.correct + other.correct, self.total + other.total)


@dataclass(frozen=True, order=True)
class Score:
    """One line of the evaluation: a kind of fact, a metric, a split and its counts."""

    split: str
    kind: str
    metric: str
    prf: PRF | None = None
    accuracy: Accuracy | None = None
    # The counts of each unit of resampling (annotated region, else text) that adds to them, for
    # confidence intervals (:mod:`~cthbgraph.evaluation.intervals`); empty where not known.
    units: tuple[PRF | Accuracy, ...] = field(default=(), compare=False, repr=False)

    @property
    def value(self) -> float:
        """F1 for counted metrics, the accuracy for the others."""
        return self.prf.f1 if self.prf is not None else self.accuracy.accuracy  # type: ignore[union-attr]


@dataclass(frozen=True, order=True)
class EvalError:
    """A miss, a false hit or a wrong attribute, with the sentence it is about."""

    split: str
    kind: str
    error: str  # miss, false hit, wrong key, invented document, wrong agent, wrong provision, ...
    report: str
    start: int
    end: int
    text: str  # the span (mention, reference, sentence)
    gold: str = ""
    predicted: str = ""
    sentence: str = ""


@dataclass(frozen=True)
class Evaluation:
    """All scores and errors of one evaluation run; ``score(...)`` looks one up."""

    scores: tuple[Score, ...]
    errors: tuple[EvalError, ...] = field(default=(), repr=False)
    # (group, Evaluation of the texts of that group), e.g. per genre; empty unless asked for
    groups: tuple[tuple[str, Evaluation], ...] = field(default=(), repr=False)

    def score(self, kind: str, metric: str, split: str = "all") -> Score:
        for s in self.scores:
            if (s.kind, s.metric, s.split) == (kind, metric, split):
                return s
        raise KeyError((kind, metric, split))

    def selected(self, split: str = "all", kinds: Sequence[str] = KINDS) -> list[Score]:
        """The scores of :meth:`rows`, in the same order."""
        return [s for s in self.scores if (split == "all" or s.split == split) and s.kind in kinds]

    def rows(self, split: str = "all", kinds: Sequence[str] = KINDS) -> list[tuple]:
        """Table rows: split, kind, metric, tp, fp, fn, precision, recall, f1, accuracy."""
        out = []
        for s in self.selected(split, kinds):
            if s.metric in COUNTS:
                fp, fn = (s.prf.fp, "") if COUNTS[s.metric] == "fp" else ("", s.prf.fn)
                out.append((s.split, s.kind, s.metric, "", fp, fn, "", "", "", ""))
            elif s.prf is not None:
                p = s.prf
                out.append((s.split, s.kind, s.metric, p.tp, p.fp, p.fn, _r(p.precision), _r(p.recall), _r(p.f1), ""))
            else:
                a = s.accuracy
                out.append((s.split, s.kind, s.metric, a.correct, "", a.total - a.correct, "", "", "", _r(a.accuracy)))
        return out

    def gap_rows(self, kinds: Sequence[str] = KINDS) -> list[tuple]:
        """Rows ``dev-test``: how much better each measure is on the split the rules were tuned on
        than on the held-out one (precision, recall, F1 or accuracy, dev minus test)."""
        out = []
        for d, s in self.gap_pairs(kinds):
            if s.prf is not None and d.prf is not None:
                gaps = (d.prf.precision - s.prf.precision, d.prf.recall - s.prf.recall, d.prf.f1 - s.prf.f1, "")
            else:
                gaps = ("", "", "", d.accuracy.accuracy - s.accuracy.accuracy)
            out.append(("dev-test", s.kind, s.metric, "", "", "", *(g if g == "" else _r(g) for g in gaps)))
        return out

    def gap_pairs(self, kinds: Sequence[str] = KINDS) -> list[tuple[Score, Score]]:
        """The (dev, test) scores of each row of :meth:`gap_rows`, in the same order."""
        dev = {(s.kind, s.metric): s for s in self.scores if s.split == "dev" and s.kind in kinds}
        out = []
        for s in self.scores:
            d = dev.get((s.kind, s.metric))
            if s.split != "test" or d is None or s.metric in COUNTS:
                continue
            if (s.prf is not None and d.prf is not None) or (s.accuracy is not None and d.accuracy is not None):
                out.append((d, s))
        return out

    def error_rows(self, split: str = "all", kinds: Sequence[str] = KINDS) -> list[EvalError]:
        return [e for e in self.errors if (split == "all" or e.split == split) and e.kind in kinds]


COLUMNS = ("split", "kind", "metric", "tp", "fp", "fn", "precision", "recall", "f1", "accuracy")
#: The columns :func:`~cthbgraph.evaluation.intervals.interval_rows` adds to :data:`COLUMNS`.
CI_COLUMNS = (
    "precision_low", "precision_high", "recall_low", "recall_high", "f1_low", "f1_high", "accuracy_low", "accuracy_high", "units",
)
MEASURES = ("precision", "recall", "f1", "accuracy")
RESAMPLES = 1000  # bootstrap resamples of the units, by default
ERROR_COLUMNS = ("split", "kind", "error", "report", "start", "end", "text", "gold", "predicted", "sentence")


def with_interval(value: float, low: float | None, high: float | None) -> str:
    """A figure as the table and the docs write it: ``0.593 [0.49–0.69]``, or ``0.593`` without an interval."""
    return f"{value:.3f} [{low:.2f}–{high:.2f}]" if low is not None and high is not None else f"{value:.3f}"


def _r(x: float) -> float:
    return round(x, 3)
