"""What every figure of the analysis is counted from: one cell per (provision, body), with evidence.

The cells come from the library query ``gap-cells`` on any store; each keeps the activities,
excerpt IRIs and sentences it was counted from (:class:`Evidence`), so every count can be traced
back to the reports.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from ..queries import library
from ..store import Store
from .links import ALL, LinkFilter, confidence_values, link_label, no_provisions


@dataclass(frozen=True, order=True)
class Evidence:
    """One sentence a figure was counted from: the activity read from it, its body and report."""

    report: str
    year: int | None
    activity: str
    body: str
    excerpt: str
    sentence: str
    basis: str = "stated"  # "stated" (cited or placed by the report) or "inferred"
    score: float | None = None  # of an inferred link

    @property
    def link(self) -> str:
        """ "stated" or "inferred 0.71"."""
        return link_label(self.basis, self.score)


class Evidenced:
    evidence: tuple[Evidence, ...]

    @property
    def reports(self) -> tuple[str, ...]:
        """The reports the figure was counted from."""
        return tuple(sorted({e.report for e in self.evidence}))


@dataclass(frozen=True)
class Cell:
    """One (provision, body) pair of the graph, with the evidence of the activities linking them."""

    notation: str
    section: str
    body: str
    label: str
    tasked: bool
    evidence: tuple[Evidence, ...]


def sections_of(notation: str) -> set[str]:
    """ "III.10.2" -> {"III", "III.10", "III.10.2"}: every chapter a filter may name."""
    parts = notation.split(".")
    return {".".join(parts[: i + 1]) for i in range(len(parts))}


def cells(
    store: Store, year: int | None, links: LinkFilter | None = None, min_confidence: float = 0.0
) -> tuple[dict[str, str], list[Cell]]:
    """Sections of every provision, and one cell per (provision, body) with its evidence (the
    activities linked as ``links`` says: stated only, or inferred ones too); without the activities
    and bodies whose cthb:confidence is below ``min_confidence``."""
    sections = {r["notation"]: r["section"] for r in library()["provision-notations"].run(store).dicts()}
    if not sections:
        raise no_provisions()
    grouped: dict[tuple[str, str], dict] = {}
    values = {**(links or ALL).values(), **confidence_values(min_confidence)}
    for r in library()["gap-cells"].run(store, values).dicts():
        key = (r["notation"], r["body"])
        cell = grouped.setdefault(key, {"row": r, "tasked": False, "evidence": set()})
        cell["tasked"] |= bool(r["tasked"])  # Virtuoso answers true as 1
        if r["activity"] and (year is None or r["year"] == year):
            cell["evidence"].add(
                Evidence(r["report"], r["year"], r["activity"], r["bodyLabel"], r["excerpt"], r["sentence"], *_basis(r))
            )
    cells = [
        Cell(n, c["row"]["section"], b, c["row"]["bodyLabel"], c["tasked"], tuple(sorted(c["evidence"])))
        for (n, b), c in sorted(grouped.items())
    ]
    return sections, cells


def _basis(row: dict) -> tuple[str, float | None]:
    if row.get("linkBasis") == "inferred":
        return "inferred", float(row["linkScore"])
    return "stated", None


def merge_evidence(evidence) -> tuple[Evidence, ...]:
    """One evidence per sentence and activity, naming every body credited with it ("A; B")."""
    bodies: dict[tuple, set[str]] = defaultdict(set)
    for e in evidence:
        bodies[(e.report, e.year, e.activity, e.excerpt, e.sentence, e.basis, e.score)].add(e.body)
    return tuple(
        sorted(Evidence(r, y, a, "; ".join(sorted(b)), x, s, k, c) for (r, y, a, x, s, k, c), b in bodies.items())
    )


def notation_key(notation: str) -> tuple:
    """Action Plan order: chapters by Roman numeral, then numbers ("III.9.1" before "III.10.1")."""
    roman = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7, "VIII": 8, "IX": 9, "X": 10}
    return tuple(
        (roman.get(p, 0), int(p)) if p.isdigit() else (roman.get(p, 99), 0) if p in roman else (99, p)
        for p in notation.split(".")
    )
