"""Events, doers and partners of every annotation set in one table, with 95 % intervals and pools.

    PYTHONPATH=src python scripts/scoreboard.py                  # dev halves: the tuning view
    PYTHONPATH=src python scripts/scoreboard.py --split test     # held-out halves: figures only
    PYTHONPATH=src python scripts/scoreboard.py --set tests/written6 --set tests/gold

The sets, their corpora and the pool each belongs to are listed in ``tests/annotation-sets.csv``
(a set with no half of the split asked for is skipped). Each set is extracted once by one
extractor; the pools sum the sets' counts and resample their units together, as
``cthbgraph evaluate --pool`` does; the sets annotated on the real reports of ``corpus/`` are also pooled
apart. It prints only figures, never an error listing, so that running
it on a held-out split reads no held-out sentence.
"""

from __future__ import annotations

import argparse
import csv
from collections import defaultdict
from pathlib import Path

from cthbgraph.evaluation import Evaluation, evaluate, pool
from cthbgraph.evaluation.intervals import uncertainty
from cthbgraph.evaluation.scores import with_interval
from cthbgraph.extract import Extractor

ROOT = Path(__file__).resolve().parents[1]
# (column, kind, metric, measure): the figures the targets of issue 13 are stated in.
COLUMNS = (
    ("events P", "activities", "events", "precision"),
    ("events R", "activities", "events", "recall"),
    ("doer", "activities", "event agent", "accuracy"),
    ("partners P", "bodies", "mentions partners", "precision"),
    ("partners R", "bodies", "mentions partners", "recall"),
    # Partners attached to the events found (measured from the seventh session of 2026-12-07).
    ("event partners P", "activities", "event partners", "precision"),
    ("event partners R", "activities", "event partners", "recall"),
    ("OSCE R", "bodies", "mentions osce", "recall"),
)


def _cell(evaluation: Evaluation, kind: str, metric: str, measure: str, split: str) -> str:
    try:
        score = evaluation.score(kind, metric, split)
    except KeyError:
        return "—"
    value = getattr(score.prf if score.prf is not None else score.accuracy, measure)
    interval = getattr(uncertainty(score), measure)
    low, high = (interval.low, interval.high) if interval else (None, None)
    return with_interval(value, low, high)


def _row(name: str, evaluation: Evaluation, split: str) -> str | None:
    try:
        events = evaluation.score("activities", "events", split)
    except KeyError:
        return None  # no half of this split
    cells = [_cell(evaluation, kind, metric, measure, split) for _, kind, metric, measure in COLUMNS]
    return f"| {name} | {events.prf.tp + events.prf.fn} | " + " | ".join(cells) + " |"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--split", choices=("dev", "test"), default="dev")
    parser.add_argument("--set", action="append", default=[], help="a gold folder of tests/annotation-sets.csv (repeatable)")
    args = parser.parse_args()
    with open(ROOT / "tests" / "annotation-sets.csv", encoding="utf-8") as f:
        sets = [r for r in csv.DictReader(f) if not args.set or r["gold"] in args.set]
    if args.split == "dev":
        sets = [r for r in sets if r["gold"] != "tests/fresh"]  # sealed: no dev half, never tuned on
    extractor = Extractor()
    print("| set | gold events | " + " | ".join(c for c, *_ in COLUMNS) + " |")
    print("|---|---|" + "---|" * len(COLUMNS))
    pools: dict[str, list[Evaluation]] = defaultdict(list)
    for s in sets:
        evaluation = evaluate(ROOT / s["corpus"], ROOT / s["gold"], extractor)
        row = _row(f"`{s['gold']}`", evaluation, args.split)
        if row:
            print(row, flush=True)
            pools[s["pool"]].append(evaluation)
            if s["corpus"] == "corpus":
                # Invented report excerpts read far better than the reports themselves (tests/written7,
                # docs/extraction.md): the real text is pooled apart as well.
                pools["real report text (corpus/)"].append(evaluation)
    for name, members in pools.items():
        if len(members) > 1:
            print(_row(f"pooled: {name} ({len(members)} sets)", pool(members), args.split))


if __name__ == "__main__":
    main()
