"""The gold annotations of a folder: hand-checked records, one JSON-lines file per kind of fact."""

from __future__ import annotations

import bisect
import json
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from ..errors import CthbError

GOLD_FILES = ("bodies", "decisions", "provisions", "activities", "regions", "documents")
# Records about a whole text (title, date, genre): no span, so they carry no offsets.
WHOLE_TEXT_FILES = ("documents",)
# The unit of a count made without saying where: its metric cannot be resampled by unit.
UNLOCATED = ""


class GoldError(CthbError):
    """The gold folder is missing or one of its files cannot be read."""

    exit_code = 2


@dataclass(frozen=True)
class Gold:
    """The records of a gold folder, as read (dicts, one per JSON line), by file name."""

    folder: Path
    records: dict[str, tuple[dict, ...]]

    @property
    def reports(self) -> set[str]:
        return {r["report"] for rows in self.records.values() for r in rows}

    def has(self, name: str) -> bool:
        return name in self.records


def load_gold(folder: Path | str) -> Gold:
    """Read the JSON-lines files of a gold folder; files that are absent are simply not evaluated."""
    folder = Path(folder)
    if not folder.is_dir():
        raise GoldError(f"gold folder {folder} not found", hint="give --gold DIR, a folder with bodies.jsonl, activities.jsonl, ...")
    records: dict[str, tuple[dict, ...]] = {}
    for name in GOLD_FILES:
        path = folder / f"{name}.jsonl"
        if not path.exists():
            continue
        rows = []
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
                if name in WHOLE_TEXT_FILES:
                    row["report"]
                else:
                    int(row["start"]), int(row["end"]), row["report"]
            except (ValueError, KeyError, TypeError) as exc:
                raise GoldError(f"{path}:{n} is not a gold record ({exc})", hint="one JSON object a line with report, start, end, split") from exc
            rows.append(row)
        records[name] = tuple(rows)
    if not records:
        raise GoldError(f"no gold files in {folder}", hint="expected one of: " + ", ".join(f"{n}.jsonl" for n in GOLD_FILES))
    return Gold(folder, records)


class Splits:
    """The split of any offset of a report: that of the nearest gold record starting before it."""

    def __init__(self, gold: Gold):
        marks: dict[str, list[tuple[int, str]]] = defaultdict(list)
        for name, rows in gold.records.items():
            if name in WHOLE_TEXT_FILES:
                continue
            for r in rows:
                marks[r["report"]].append((r["start"], r.get("split", "dev")))
        self.marks = {k: sorted(v) for k, v in marks.items()}
        self.starts = {k: [s for s, _ in v] for k, v in self.marks.items()}

    def of(self, report: str, offset: int) -> str:
        marks = self.marks.get(report)
        if not marks:
            return "dev"
        i = bisect.bisect_right(self.starts[report], offset) - 1
        return marks[max(i, 0)][1]


class Units:
    """The unit of resampling that a counted fact belongs to: the annotated region (``regions.jsonl``)
    it lies in, else its whole text. Sentences of one region were read and annotated together and
    share their section's style, so they are not independent draws; regions and texts are."""

    def __init__(self, gold: Gold):
        spans: dict[str, list[tuple[int, int]]] = defaultdict(list)
        for r in gold.records.get("regions", ()):
            spans[r["report"]].append((r["start"], r["end"]))
        self.spans = {k: sorted(v) for k, v in spans.items()}

    def of(self, report: str, start: int | None = None, end: int | None = None) -> str:
        """``report`` for a fact about the whole text or outside every region, else ``report@start``
        of the first region that holds ``start`` or overlaps ``start``–``end``."""
        if start is not None:
            stop = start + 1 if end is None or end <= start else end
            for a, b in self.spans.get(report, ()):
                if a < stop and start < b:
                    return f"{report}@{a}"
        return report
