"""Scoring an extraction against a gold folder: extract the annotated reports, count, sort."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path

from ..corpus import load_corpus
from ..records import Extraction
from .events import score_documents, score_events
from .gold import UNLOCATED, Gold, GoldError, load_gold
from .kinds import Tally, score_activities, score_bodies, score_decisions, score_provisions
from .scores import KINDS, PRF, SPLITS, Accuracy, Evaluation, Score


def evaluate(
    corpus_dir: Path | str, gold_dir: Path | str, extractor=None, by: str | None = None, min_confidence: float = 0.0
) -> Evaluation:
    """Extract the reports of ``corpus_dir`` that the gold annotates and score them.

    extractor (Extractor | None): the extractor to judge [default: ``Extractor()``].
    by ("genre" | None): also score each genre of text apart (``Evaluation.groups``): the genre the
    gold's ``documents.jsonl`` gives a text, else the one the corpus reads (manifest or masthead),
    else ``report``.
    min_confidence (float): score only the facts whose confidence is at least this, as a reader who
    filters the graph with ``--min-confidence`` sees it (see :func:`at_confidence`).

    >>> import cthbgraph
    >>> ev = cthbgraph.evaluate("corpus", "tests/gold")         # doctest: +SKIP
    >>> ev.score("bodies", "mentions", "test").prf.precision   # doctest: +SKIP
    """
    gold = load_gold(gold_dir)
    corpus = load_corpus(Path(corpus_dir))
    missing = sorted(gold.reports - set(corpus.ids))
    if missing:
        raise GoldError(
            f"the gold annotates reports that are not in {corpus_dir}: {', '.join(missing)}",
            hint="give --corpus the folder the annotations were made on",
        )
    if extractor is None:
        from ..extract.extractor import Extractor  # loads spaCy

        extractor = Extractor()
    reports = [r for r in corpus if r.id in gold.reports]
    return score_extractions(gold, (at_confidence(e, min_confidence) for e in extractor.extract_all(reports)), by=by)


def at_confidence(extraction: Extraction, minimum: float) -> Extraction:
    """The extraction without the body mentions and activities whose ``confidence`` is below
    ``minimum``, as ``--min-confidence`` filters the graph: what precision a reader buys with a
    threshold, and at what cost in recall, is then measured the same way as everything else."""
    if minimum <= 0.0:
        return extraction
    return replace(
        extraction,
        bodies=tuple(b for b in extraction.bodies if b.confidence >= minimum),
        activities=tuple(a for a in extraction.activities if a.confidence >= minimum),
    )


GROUPINGS = ("genre",)


def genre_of(gold: Gold, extractions: Iterable[Extraction]) -> dict[str, str]:
    """The genre of each report: the gold's ``documents.jsonl``, else the corpus's, else ``report``."""
    told = {d["report"]: d.get("genre", "") for d in gold.records.get("documents", ())}
    return {e.report.id: told.get(e.report.id) or getattr(e.report, "genre", "") or "report" for e in extractions}


def score_extractions(gold: Gold, extractions: Iterable[Extraction], by: str | None = None) -> Evaluation:
    """Score extractions (of the reports the gold annotates) against ``gold``; ``by="genre"`` also
    scores each genre apart (``Evaluation.groups``)."""
    extractions = list(extractions)
    result = _score(gold, extractions)
    if by is None:
        return result
    if by not in GROUPINGS:
        raise ValueError(f"cannot group an evaluation by {by!r}; one of {', '.join(GROUPINGS)}")
    genres = genre_of(gold, extractions)
    groups = []
    for genre in sorted(set(genres.values())):
        ids = {rid for rid, g in genres.items() if g == genre}
        part = Gold(gold.folder, {name: tuple(r for r in rows if r["report"] in ids) for name, rows in gold.records.items()})
        if any(part.records.values()):
            groups.append((genre, _score(part, [e for e in extractions if e.report.id in ids])))
    return replace(result, groups=tuple(groups))


def _score(gold: Gold, extractions: list[Extraction]) -> Evaluation:
    by_report = {e.report.id: e for e in extractions}
    tally = Tally(gold, {rid: e.report.text for rid, e in by_report.items()})
    if gold.has("bodies"):
        score_bodies(gold, by_report, tally)
    if gold.has("decisions"):
        score_decisions(gold, by_report, tally)
    if gold.has("provisions"):
        score_provisions(gold, by_report, tally)
    if gold.has("activities") and gold.has("regions"):
        for kind, implicit in (("activities", True), ("activities-named", False)):
            score_activities(gold, by_report, tally, kind, implicit)
        score_events(gold, by_report, tally)
    if gold.has("documents"):
        score_documents(gold, by_report, tally)
    return _evaluation(tally)


def _score_of(key: tuple[str, str, str], value: PRF | Accuracy, units: dict[str, PRF | Accuracy]) -> Score:
    """The score of a key, with its counts per unit in a fixed order (none if one was not located)."""
    per_unit = () if UNLOCATED in units else tuple(units[u] for u in sorted(units))
    if isinstance(value, PRF):
        return Score(*key, prf=value, units=per_unit)
    return Score(*key, accuracy=value, units=per_unit)


def _evaluation(tally: Tally) -> Evaluation:
    """The counts of each split and their sum over the splits ("all"), and the errors, in table order."""
    counts = tally.counts
    totals = dict(counts)
    units = {key: dict(by_unit) for key, by_unit in tally.by_unit.items()}
    for (split, kind, metric), value in counts.items():
        key = ("all", kind, metric)
        totals[key] = totals[key] + value if key in totals else value
        # A unit (a text outside the regions) may hold facts of both splits: one unit in "all".
        merged = units.setdefault(key, {})
        for unit, part in tally.by_unit[(split, kind, metric)].items():
            merged[unit] = merged[unit] + part if unit in merged else part
    scores = [_score_of(key, value, units[key]) for key, value in totals.items()]
    kind_order = {k: i for i, k in enumerate(KINDS)}
    split_order = {s: i for i, s in enumerate(SPLITS)}
    metric_seen: dict[str, int] = {}
    for key in sorted(counts):
        metric_seen.setdefault(key[2], len(metric_seen))
    scores.sort(key=lambda s: (split_order.get(s.split, 1), kind_order.get(s.kind, 99), metric_seen.get(s.metric, 99)))
    errors = sorted(tally.errors, key=lambda e: (split_order.get(e.split, 1), kind_order.get(e.kind, 99), e.report, e.start, e.error))
    return Evaluation(tuple(scores), tuple(errors))


def pool(evaluations: Iterable[Evaluation]) -> Evaluation:
    """Several annotation sets as one: the counts of each (split, kind, metric) summed, the units of
    every set side by side (the sets annotate different texts or regions, so their units are
    distinct). A metric one set cannot resample by unit gets no units. No errors, no groups."""
    pooled: dict[tuple[str, str, str], Score] = {}
    for evaluation in evaluations:
        for s in evaluation.scores:
            key = (s.split, s.kind, s.metric)
            seen = pooled.get(key)
            if seen is None:
                pooled[key] = s
                continue
            units = seen.units + s.units if seen.units and s.units else ()
            if s.prf is not None and seen.prf is not None:
                pooled[key] = replace(seen, prf=seen.prf + s.prf, units=units)
            elif s.accuracy is not None and seen.accuracy is not None:
                pooled[key] = replace(seen, accuracy=seen.accuracy + s.accuracy, units=units)
    # A stable sort: a metric only a later set has comes after the others of its split and kind.
    kind_order = {k: i for i, k in enumerate(KINDS)}
    split_order = {s: i for i, s in enumerate(SPLITS)}
    scores = sorted(pooled.values(), key=lambda s: (split_order.get(s.split, 1), kind_order.get(s.kind, 99)))
    return Evaluation(tuple(scores))
