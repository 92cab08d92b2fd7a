"""How uncertain each figure is: 95 % percentile intervals by a cluster bootstrap over units.

An event precision of 0.53 on 19 held-out events is one draw: other regions of the same kind of
text would give another figure. The bootstrap resamples the *units* of a split with replacement (an
annotated region of ``regions.jsonl``, else a whole text: :class:`~cthbgraph.evaluation.gold.Units`);
every gold item, predicted item and judged case of a unit travels with it, so the false hits of a
region are drawn with its gold. The counts of the units drawn are summed and the measure recomputed
from them, as for the figure itself; the interval holds the middle 95 % of ``resamples`` such
figures. Units, not sentences, because the sentences of one region were written and annotated
together, and an extraction that fails on one of them tends to fail on its neighbours: resampling
sentences as if independent would give intervals too narrow.

The draws come from a fixed seed and depend only on the number of units, so the output is the same
on every run, whatever else is scored. A figure that rests on fewer than two units gets no interval
(``None``): one unit resampled is always itself, and a width of zero would make the least certain
figure look the surest. A resample in which a measure is undefined (no prediction drawn, for
precision) is left out of that measure's percentiles.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from .scores import CI_COLUMNS, COUNTS, KINDS, MEASURES, RESAMPLES, Evaluation, Score

__all__ = ["CI_COLUMNS", "RESAMPLES", "Interval", "Uncertainty", "gap_uncertainty", "interval_rows", "replicates", "uncertainty"]

SEED = 20261207
LOW, HIGH = 2.5, 97.5  # percentiles: a 95 % interval


@dataclass(frozen=True)
class Interval:
    low: float
    high: float


@dataclass(frozen=True)
class Uncertainty:
    """The intervals of one figure (``None`` where undefined) and the number of units it rests on
    (``None`` for a count of errors, which is no figure)."""

    units: int | None
    precision: Interval | None = None
    recall: Interval | None = None
    f1: Interval | None = None
    accuracy: Interval | None = None

    def columns(self) -> tuple:
        """The values of :data:`CI_COLUMNS`: low and high of each measure (``None`` if none), units."""
        out: list = []
        for measure in MEASURES:
            interval = getattr(self, measure)
            out += [interval.low, interval.high] if interval else [None, None]
        return (*out, self.units)


@functools.lru_cache(maxsize=128)
def _weights(n: int, resamples: int, seed: int, stream: int) -> np.ndarray:
    """How often each of ``n`` units is drawn in each resample, shape (resamples, n). ``stream``
    keeps two samples with the same number of units (dev and test of a gap) independent."""
    rng = np.random.default_rng([seed, n, stream])
    return rng.multinomial(n, np.full(n, 1.0 / n), size=resamples)


def replicates(score: Score, resamples: int = RESAMPLES, seed: int = SEED, stream: int = 0) -> dict[str, np.ndarray]:
    """The figure of each resample, by measure (NaN where undefined); empty below two units."""
    n = len(score.units)
    if n < 2 or resamples <= 0 or score.metric in COUNTS:  # counts of errors have no rate to resample
        return {}
    w = _weights(n, resamples, seed, stream)
    if score.prf is not None:
        tp, fp, fn = (w @ np.array([(u.tp, u.fp, u.fn) for u in score.units], dtype=float)).T
        return {"precision": _ratio(tp, tp + fp), "recall": _ratio(tp, tp + fn), "f1": _ratio(2 * tp, 2 * tp + fp + fn)}
    correct, total = (w @ np.array([(u.correct, u.total) for u in score.units], dtype=float)).T
    return {"accuracy": _ratio(correct, total)}


def _ratio(num: np.ndarray, den: np.ndarray) -> np.ndarray:
    out = np.full(num.shape, np.nan)
    np.divide(num, den, out=out, where=den > 0)
    return out


def _interval(values: np.ndarray) -> Interval | None:
    values = values[~np.isnan(values)]
    if not values.size:
        return None
    low, high = np.percentile(values, [LOW, HIGH])
    return Interval(round(float(low), 3), round(float(high), 3))


def uncertainty(score: Score, resamples: int = RESAMPLES, seed: int = SEED) -> Uncertainty:
    """The 95 % intervals of a score's measures (see the module docstring)."""
    drawn = replicates(score, resamples, seed)
    return Uncertainty(None if score.metric in COUNTS else len(score.units), **{m: _interval(v) for m, v in drawn.items()})


def gap_uncertainty(dev: Score, test: Score, resamples: int = RESAMPLES, seed: int = SEED) -> Uncertainty:
    """The interval of dev minus test: the two splits' units resampled apart (they are different
    regions or texts), the gap taken in each resample. A gap whose interval holds 0 is within the noise."""
    a, b = replicates(dev, resamples, seed, stream=1), replicates(test, resamples, seed, stream=2)
    return Uncertainty(len(dev.units) + len(test.units), **{m: _interval(a[m] - b[m]) for m in a.keys() & b.keys()})


def interval_rows(evaluation: Evaluation, split: str = "all", kinds: Sequence[str] = KINDS, **bootstrap) -> list[tuple]:
    """The :data:`CI_COLUMNS` of each row of ``evaluation.rows(split, kinds)``, in the same order."""
    return [uncertainty(s, **bootstrap).columns() for s in evaluation.selected(split, kinds)]


def gap_interval_rows(evaluation: Evaluation, kinds: Sequence[str] = KINDS, **bootstrap) -> list[tuple]:
    """The :data:`CI_COLUMNS` of each row of ``evaluation.gap_rows(kinds)``, in the same order."""
    return [gap_uncertainty(dev, test, **bootstrap).columns() for dev, test in evaluation.gap_pairs(kinds)]
