"""Events and partners at each confidence threshold, per annotation set and split (docs/extraction.md,
"How sure a fact is").

    PYTHONPATH=src python scripts/confidence_table.py                 # dev halves only
    PYTHONPATH=src python scripts/confidence_table.py --split test    # held-out halves: summary figures only

Each set is extracted once; every threshold then scores the same extraction filtered as
``cthbgraph evaluate --min-confidence`` filters it. Prints only figures, never an error listing, so
that running it on a held-out split reads no held-out sentence.
"""

from __future__ import annotations

import argparse
import csv
from pathlib import Path

from cthbgraph.corpus import load_corpus
from cthbgraph.evaluation import load_gold
from cthbgraph.evaluation.scoring import at_confidence, score_extractions
from cthbgraph.extract import Extractor

ROOT = Path(__file__).resolve().parents[1]
# The sets and their corpora, one list for every script: tests/annotation-sets.csv.
with open(ROOT / "tests" / "annotation-sets.csv", encoding="utf-8") as _f:
    SETS = tuple((r["gold"], r["corpus"]) for r in csv.DictReader(_f))
THRESHOLDS = (0.0, 0.6, 0.7, 0.8, 0.9)


def _cell(evaluation, kind: str, metric: str, split: str) -> tuple[str, ...]:
    try:
        score = evaluation.score(kind, metric, split)
    except KeyError:
        return ("",)
    if score.prf is not None:
        return (f"{score.prf.precision:.3f}", f"{score.prf.recall:.3f}", str(score.prf.tp + score.prf.fp))
    return (f"{score.accuracy.accuracy:.3f}",)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--split", choices=("dev", "test"), default="dev")
    parser.add_argument("--threshold", type=float, action="append", default=None,
                        help="a minimum confidence to score at (repeatable; default 0.0 0.6 0.7 0.8 0.9), e.g. --threshold 0.0 --threshold 0.5")
    args = parser.parse_args()
    extractor = Extractor()
    print("| set | min confidence | events P / R (predicted) | doer right | partners P / R |")
    print("|---|---|---|---|---|")
    for gold_dir, corpus_dir in SETS:
        gold = load_gold(ROOT / gold_dir)
        reports = [r for r in load_corpus(ROOT / corpus_dir) if r.id in gold.reports]
        extractions = list(extractor.extract_all(reports))
        for threshold in args.threshold or THRESHOLDS:
            ev = score_extractions(gold, [at_confidence(e, threshold) for e in extractions])
            events = _cell(ev, "activities", "events", args.split)
            if events == ("",):
                break  # a set with no half of this split
            doer = _cell(ev, "activities", "event agent", args.split)[0]
            partners = _cell(ev, "bodies", "mentions partners", args.split)
            shown = f"{partners[0]} / {partners[1]}" if partners != ("",) else "—"
            print(f"| `{gold_dir}` {args.split} | {threshold:.1f} | {events[0]} / {events[1]} ({events[2]}) | {doer} | {shown} |")


if __name__ == "__main__":
    main()
