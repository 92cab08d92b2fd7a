"""Coverage: the provision × body matrix of activities, every tasked cell marked."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

from ..notebook import dataframe, html_table
from ..queries import library
from ..store import Rows, Store
from .cells import Cell, Evidence, cells, notation_key, sections_of
from .filters import check_chapter, check_year, lineages
from .links import LinkFilter


@dataclass(frozen=True)
class CoverageBody:
    """One column: a body, or with ``lineage`` a body and those of its lineage (``members``, IRIs;
    ``iri`` is the first of them, ``label`` and ``short`` name them all, "SR / OSR")."""

    iri: str
    label: str
    short: str
    members: tuple[str, ...] = ()


@dataclass(frozen=True)
class Coverage:
    """The provision × body matrix: activities per cell; ``tasked`` cells are the ones the plan asks for."""

    provisions: tuple[str, ...]
    bodies: tuple[CoverageBody, ...]
    counts: dict[tuple[str, str], int]
    tasked: frozenset[tuple[str, str]]
    evidence: dict[tuple[str, str], tuple[Evidence, ...]]
    #: Of each cell's activities, those linked by inference only.
    inferred: dict[tuple[str, str], int] = field(default_factory=dict)

    def count(self, notation: str, body: str) -> int:
        """Activities of ``body`` (an IRI) linked to the provision ``notation``."""
        return self.counts.get((notation, body), 0)

    def rows(self, *, long: bool = False) -> Rows:
        """The matrix, one row per provision and one column per body (its label), or with
        ``long=True`` one row per (provision, body) cell that is tasked or has activity."""
        if long:
            cells = [
                (n, b.label, b.iri, (n, b.iri) in self.tasked, self.count(n, b.iri))
                for n in self.provisions
                for b in self.bodies
                if (n, b.iri) in self.counts
            ]
            return Rows(("provision", "body", "iri", "tasked", "activities"), tuple(cells))
        matrix = [(n, *(self.count(n, b.iri) for b in self.bodies)) for n in self.provisions]
        return Rows(("provision", *(b.label for b in self.bodies)), tuple(matrix))

    def to_pandas(self, *, long: bool = False):
        """:meth:`rows` as a ``pandas.DataFrame``; the matrix is indexed by provision."""
        table = self.rows(long=long)
        return dataframe(table.columns, table.rows, index=None if long else "provision")

    def marked(self, notation: str, body: str) -> str:
        """The cell as tables show it: the count, "*" where the provision tasks the body, empty
        where the body is neither tasked nor active."""
        count = self.count(notation, body)
        inferred = self.inferred.get((notation, body), 0)
        shown = f"{count}({inferred}i)" if inferred else str(count)
        if (notation, body) in self.tasked:
            return f"{shown}*"
        return shown if count else ""

    def _repr_html_(self) -> str:
        marked = [(n, *(self.marked(n, b.iri) for b in self.bodies)) for n in self.provisions]
        note = "<p>* the provision tasks this body; (4i): of the count, 4 linked by inference; empty: neither tasked nor reported active.</p>"
        return html_table(("provision", *(b.short for b in self.bodies)), marked, limit=len(marked)) + note


def coverage(
    store: Store,
    *,
    chapter: str | None = None,
    year: str | int | None = None,
    tasked_only: bool = False,
    links: LinkFilter | None = None,
    lineage: bool = False,
    min_confidence: float = 0.0,
) -> Coverage:
    """Activities linked to each provision, per body (every tasked body, and any other body active).

    links (LinkFilter | None): which links count: stated only, or inferred ones too (the default).
    lineage (bool): one column per lineage: a body with the bodies it was renamed from or to,
        succeeded or was succeeded by, and its post or office (``queries/body-lineage-members.rq``),
        an activity of several of them counted once.
    min_confidence (float): leave out activities and bodies whose cthb:confidence is below it.
    """
    year = check_year(store, year)
    sections, all_cells = cells(store, year, links, min_confidence)
    chapter = check_chapter(sections, chapter)
    chosen = [c for c in all_cells if not chapter or chapter in sections_of(c.notation)]
    chosen = [c for c in chosen if c.tasked or (c.evidence and not tasked_only)]
    provisions = tuple(sorted({n for n in sections if not chapter or chapter in sections_of(n)}, key=notation_key))
    labels = {c.body: c.label for c in chosen}
    shorts = _short_names(store, labels)
    members = {b: (b,) for b in labels}
    if lineage:
        chosen, members = _by_lineage(store, chosen)
        labels = {g: " / ".join(labels[b] for b in m) for g, m in members.items()}
        shorts = {g: " / ".join(dict.fromkeys(shorts[b] for b in m)) for g, m in members.items()}
    order = sorted(labels, key=lambda b: (-sum(len(c.evidence) > 0 for c in chosen if c.body == b), labels[b]))
    return Coverage(
        provisions,
        tuple(CoverageBody(b, labels[b], shorts[b], members[b]) for b in order),
        {(c.notation, c.body): len({e.activity for e in c.evidence}) for c in chosen},
        frozenset((c.notation, c.body) for c in chosen if c.tasked),
        {(c.notation, c.body): c.evidence for c in chosen},
        {(c.notation, c.body): len({e.activity for e in c.evidence if e.basis == "inferred"}) for c in chosen},
    )


def _by_lineage(store: Store, chosen: list[Cell]) -> tuple[list[Cell], dict[str, tuple[str, ...]]]:
    """The cells folded into one per provision and lineage, and the bodies of each lineage (by the
    IRI that stands for it, its first member), in the order of their activity in ``chosen``."""
    bodies = sorted({c.body for c in chosen})
    groups = lineages(store)
    group: dict[str, str] = {}
    for body in bodies:
        if body in group:
            continue
        lineage = groups.get(body, frozenset()) | {body}
        head = min(lineage & set(bodies))
        for member in lineage:
            group.setdefault(member, head)
    activity = {b: sum(len(c.evidence) for c in chosen if c.body == b) for b in bodies}
    members: dict[str, tuple[str, ...]] = {}
    for body in sorted(bodies, key=lambda b: (-activity[b], b)):
        members[group[body]] = (*members.get(group[body], ()), body)
    folded: dict[tuple[str, str], list[Cell]] = defaultdict(list)
    for c in chosen:
        folded[(c.notation, group[c.body])].append(c)
    cells_out = [
        Cell(n, own[0].section, g, own[0].label, any(c.tasked for c in own), tuple(sorted({e for c in own for e in c.evidence})))
        for (n, g), own in sorted(folded.items())
    ]
    return cells_out, members


def _short_names(store: Store, labels: dict[str, str]) -> dict[str, str]:
    """A short column heading per body: its acronym where the reports use one, else its name."""
    names: dict[str, list[str]] = defaultdict(list)
    for r in library()["body-names"].run(store).dicts():
        if r["body"] in labels:
            names[r["body"]].append(" ".join(r["name"].split()))
    shorts = {}
    for body, label in labels.items():
        acronyms = [n for n in names[body] if re.fullmatch(r"[A-Z][A-Za-z/&-]{1,11}", n) and sum(ch.isupper() for ch in n) >= 2]
        shorts[body] = min(acronyms, key=lambda n: (len(n), n)) if acronyms else label
    seen: dict[str, int] = defaultdict(int)
    for short in shorts.values():
        seen[short] += 1
    return {b: (s if seen[s] == 1 else labels[b]) for b, s in shorts.items()}
