"""Split tests/gold-blind into a dev half (opened for tuning) and a test half (kept blind).

Usage: python scripts/split_blind.py [tests/gold-blind]

The rule is mechanical and was fixed before any record or blind text was read:

* per report, the regions (stretches of `regions.jsonl`) in order of their start offset go
  alternately to dev and test: the 1st region -> dev, the 2nd -> test, the 3rd -> dev, ...;
* every record (activities, bodies, decisions) takes the split of the region it lies in (the one
  that contains its start); a record outside every region (a body sentence chosen outside the
  regions, a decision reference in it) takes the split of the nearest region that starts before it
  in the same report, else that of the report's first region - the rule `evaluate` uses to give a
  predicted fact a split.

It rewrites only the "split" field of each line (key order and everything else kept) and prints
counts, never a record or a text.
"""

from __future__ import annotations

import bisect
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

RECORD_FILES = ("activities", "bodies", "decisions")


def _read(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _write(path: Path, rows: list[dict]) -> None:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")


def region_splits(regions: list[dict]) -> dict[str, list[tuple[int, int, str]]]:
    """(start, end, split) of each report's regions in text order, alternating dev, test, dev, ..."""
    per_report: dict[str, list[dict]] = defaultdict(list)
    for r in regions:
        per_report[r["report"]].append(r)
    return {report: [(r["start"], r["end"], "dev" if i % 2 == 0 else "test")
                     for i, r in enumerate(sorted(rows, key=lambda r: r["start"]))]
            for report, rows in per_report.items()}


def split_of(spans: list[tuple[int, int, str]], start: int) -> tuple[str, bool]:
    """The split of an offset and whether it lies inside a region."""
    for s, e, split in spans:
        if s <= start < e:
            return split, True
    i = bisect.bisect_right([s for s, _, _ in spans], start) - 1
    return spans[max(i, 0)][2], False


def main(folder: Path) -> None:
    regions = _read(folder / "regions.jsonl")
    spans = region_splits(regions)
    for r in regions:
        r["split"] = split_of(spans[r["report"]], r["start"])[0]
    _write(folder / "regions.jsonl", regions)
    print("regions:", dict(Counter((r["report"], r["split"]) for r in regions)))
    for name in RECORD_FILES:
        rows = _read(folder / f"{name}.jsonl")
        outside = 0
        for r in rows:
            r["split"], inside = split_of(spans[r["report"]], r["start"])
            outside += not inside
        _write(folder / f"{name}.jsonl", rows)
        print(f"{name}:", dict(sorted(Counter(r["split"] for r in rows).items())), f"(outside every region: {outside})")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "tests/gold-blind"))
