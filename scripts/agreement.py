"""How far two annotators agree on events, and where the extractor stands between them.

    PYTHONPATH=src python scripts/agreement.py                       # tests/gold-second against the first readings
    PYTHONPATH=src python scripts/agreement.py --no-extractor        # the annotators only (no spaCy)

``tests/gold-second`` re-reads, blind to the first annotations, some ``dev`` regions of ``tests/gold``
and ``tests/gold-blind``. For each first set, over the regions both read, it scores the second reading
as if it were a prediction, with the scorer of ``cthbgraph evaluate`` (events matched by overlapping
evidence, a second event on one gold event a split, the doer right when all its keys are among the
gold event's). Precision of the second against the first is the recall of the first against the
second, so one line gives both; the doer is shown both ways. With the extractor, its events are
scored on the same regions against each reading. Only ``dev`` regions are read.
"""

from __future__ import annotations

import argparse
from collections import defaultdict
from pathlib import Path

from cthbgraph.corpus import load_corpus
from cthbgraph.evaluation import load_gold
from cthbgraph.evaluation.gold import Gold
from cthbgraph.evaluation.scoring import score_extractions
from cthbgraph.records import Activity, BodyMention, Excerpt, Extraction

FIRST = ("tests/gold", "tests/gold-blind")


def _regions(gold: Gold) -> set[tuple[str, int, int]]:
    return {(r["report"], r["start"], r["end"]) for r in gold.records["regions"] if r.get("split") == "dev"}


def _within(gold: Gold, regions: set[tuple[str, int, int]]) -> Gold:
    """The gold's activities and regions inside ``regions``; no body mentions, so that partners are
    scored as in a set without mention kinds (the event scorer asks for the bodies file)."""
    inside = [r for r in gold.records["regions"] if (r["report"], r["start"], r["end"]) in regions]
    rows = [a for a in gold.records["activities"] if any(a["report"] == r["report"] and r["start"] <= a["start"] < r["end"] for r in inside)]
    return Gold(gold.folder, {"activities": tuple(rows), "regions": tuple(inside), "bodies": ()})


def _as_extractions(gold: Gold, reports) -> list[Extraction]:
    """An annotation set read as a prediction: one activity per event, its lead first."""
    events: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for a in gold.records["activities"]:
        events[(a["report"], a.get("event") or f"@{a['start']}")].append(a)
    by_report: dict[str, list[Activity]] = defaultdict(list)
    for (report, _), rows in events.items():
        rows = sorted(rows, key=lambda g: (not g.get("lead"), g["start"]))
        excerpts = [Excerpt(report, g["start"], g["end"], g["sentence"]) for g in rows]
        agents = tuple(BodyMention(excerpts[0], key, key, "Body") for key in rows[0]["agents"])
        by_report[report].append(Activity(excerpts[0], rows[0].get("type", ""), agents, follow_ups=tuple(excerpts[1:])))
    return [Extraction(report, activities=tuple(by_report[report.id])) for report in reports if report.id in by_report]


def _line(name: str, evaluation) -> str:
    events = evaluation.score("activities", "events", "dev").prf
    doer = evaluation.score("activities", "event agent", "dev").accuracy
    return (f"| {name} | {events.precision:.3f} / {events.recall:.3f} / {events.f1:.3f} "
            f"({events.tp} matched, {events.fp} fp, {events.fn} fn) | {doer.accuracy:.3f} ({doer.correct}/{doer.total}) |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--second", default="tests/gold-second")
    parser.add_argument("--corpus", default="corpus")
    parser.add_argument("--no-extractor", action="store_true")
    args = parser.parse_args()
    second = load_gold(args.second)
    reports = [r for r in load_corpus(Path(args.corpus)) if r.id in second.reports]
    extracted = None
    if not args.no_extractor:
        from cthbgraph.extract import Extractor

        extracted = list(Extractor().extract_all(reports))
    print("| scored / against | events P / R / F1 | doer right |")
    print("|---|---|---|")
    for folder in FIRST:
        first = load_gold(folder)
        shared = _regions(first) & _regions(second)
        if not shared:
            continue
        a, b = _within(first, shared), _within(second, shared)
        print(_line(f"second reading / `{folder}` ({len(shared)} regions)", score_extractions(a, _as_extractions(b, reports))))
        print(_line(f"`{folder}` / second reading", score_extractions(b, _as_extractions(a, reports))))
        if extracted is not None:
            print(_line(f"extractor / `{folder}`", score_extractions(a, extracted)))
            print(_line("extractor / second reading", score_extractions(b, extracted)))


if __name__ == "__main__":
    main()
