"""Gap analysis: what the reports show as done for each Action Plan provision and each body it tasks.

What "implemented" means here (the corpus, not the world): a provision is *implemented* when every
body it tasks is credited with at least one activity linked to it (with no tasked body named, when
any activity is linked to it); *partly implemented* when some activity is linked to it but a tasked
body has none; *no reported implementation* when no activity is linked to it. An activity is
linked to a provision where its report states it (in the seed corpus only the 2006 report does) or,
unless ``links`` asks for stated links only, where its content suggests it (cthbgraph.linking):
each evidence says which ("stated" / "inferred 0.71").
"""

from __future__ import annotations

import html
from collections import defaultdict
from dataclasses import dataclass

from ..notebook import dataframe, html_table
from ..store import Rows, Store
from .cells import Cell, Evidence, Evidenced, cells, merge_evidence, notation_key, sections_of
from .filters import check_chapter, check_year, resolve_body
from .links import LinkFilter

IMPLEMENTED = "implemented"
PARTLY = "partly implemented"
NONE = "no reported implementation"
ACTIVE = "reported activity"
SILENT = "no reported activity"


@dataclass(frozen=True)
class BodyGap(Evidenced):
    """One body for one provision: tasked by it (or, ``tasked`` False, implementing it untasked)."""

    notation: str
    section: str
    body: str
    label: str
    tasked: bool
    status: str  # ACTIVE or SILENT
    activities: int
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True)
class ProvisionGap(Evidenced):
    notation: str
    section: str
    status: str  # IMPLEMENTED, PARTLY or NONE
    tasked: tuple[str, ...]  # labels of the bodies it tasks
    active: tuple[str, ...]  # ... of those, the ones credited with an implementing activity
    silent: tuple[str, ...]  # ... and the ones with none
    others: tuple[str, ...]  # untasked bodies credited with implementing it
    activities: int
    evidence: tuple[Evidence, ...]


#: The columns of :meth:`GapReport.rows`, one row per provision or per (provision, body).
GAP_COLUMNS = {
    "provision": ("provision", "section", "status", "activities", "tasked", "active", "silent", "others", "reports"),
    "body": ("provision", "body", "tasked", "status", "activities", "reports"),
}


@dataclass(frozen=True)
class GapReport:
    """Every provision judged by its activities (``provisions``), and every body it tasks (``bodies``)."""

    provisions: tuple[ProvisionGap, ...]
    bodies: tuple[BodyGap, ...]

    def counts(self) -> dict[str, int]:
        """Provisions per status."""
        counts = dict.fromkeys((IMPLEMENTED, PARTLY, NONE), 0)
        for p in self.provisions:
            counts[p.status] += 1
        return counts

    def rows(self, by: str = "provision") -> Rows:
        """The report as a table: one row per provision (``by="provision"``; lists of body labels
        in ``tasked``, ``active``, ``silent``, ``others``) or per provision and body (``by="body"``)."""
        if by == "provision":
            rows = [
                (p.notation, p.section, p.status, p.activities, p.tasked, p.active, p.silent, p.others, p.reports)
                for p in self.provisions
            ]
        elif by == "body":
            rows = [(b.notation, b.label, b.tasked, b.status, b.activities, b.reports) for b in self.bodies]
        else:
            raise ValueError(f"by must be 'provision' or 'body', not {by!r}")
        return Rows(GAP_COLUMNS[by], tuple(rows))

    def to_pandas(self, by: str = "provision"):
        """:meth:`rows` as a ``pandas.DataFrame`` (list columns hold Python lists)."""
        table = self.rows(by)
        return dataframe(table.columns, [[list(v) if isinstance(v, tuple) else v for v in row] for row in table.rows])

    def _repr_html_(self) -> str:
        counts = " · ".join(f"{n} {label}" for label, n in self.counts().items())
        table = self.rows("provision")
        return f"<p>{len(self.provisions)} provisions: {html.escape(counts)}</p>" + html_table(table.columns, table.rows)


def gaps(
    store: Store,
    *,
    chapter: str | None = None,
    body: str | None = None,
    year: str | int | None = None,
    links: LinkFilter | None = None,
    lineage: bool = False,
    min_confidence: float = 0.0,
) -> GapReport:
    """Every provision and every body it tasks, judged by the activities the reports link to it.

    chapter (str | None): only provisions in this chapter, section or provision ("III", "IV.8").
    body (str | None): only provisions that task this body or that it implements, and its rows.
    year (str | int | None): count only activities of reports of this year.
    links (LinkFilter | None): which links count: stated only, or inferred ones too (the default).
    lineage (bool): with ``body``, also the bodies of its lineage (renamed, succeeded, post and office).
    min_confidence (float): leave out activities and bodies whose cthb:confidence is below it.
    RETURNS (GapReport): one ProvisionGap per provision and one BodyGap per (provision, body).
    """
    year = check_year(store, year)
    sections, all_cells = cells(store, year, links, min_confidence)
    chapter = check_chapter(sections, chapter)
    bodies = set(resolve_body(store, body, lineage)) if body else None
    by_provision: dict[str, list[Cell]] = defaultdict(list)
    for cell in all_cells:
        by_provision[cell.notation].append(cell)
    provisions, body_rows = [], []
    for notation in sorted(sections, key=notation_key):
        if chapter and chapter not in sections_of(notation):
            continue
        own = by_provision.get(notation, [])
        if bodies is not None and not any(c.body in bodies for c in own):
            continue
        provisions.append(_provision_gap(notation, sections[notation], own))
        for c in own:
            if bodies is not None and c.body not in bodies:
                continue
            if not c.tasked and not c.evidence:
                continue  # an untasked body counts only where it has activity in the chosen year
            n = len({e.activity for e in c.evidence})
            body_rows.append(BodyGap(notation, c.section, c.body, c.label, c.tasked, ACTIVE if n else SILENT, n, c.evidence))
    return GapReport(tuple(provisions), tuple(body_rows))


def _provision_gap(notation: str, section: str, own: list[Cell]) -> ProvisionGap:
    """The status of one provision, from its cells (the bodies it tasks, and any other active)."""
    tasked = [c for c in own if c.tasked]
    active = [c for c in tasked if c.evidence]
    evidence = merge_evidence(e for c in own for e in c.evidence)
    activities = len({e.activity for e in evidence})
    if not activities:
        status = NONE
    elif len(active) == len(tasked):
        status = IMPLEMENTED
    else:
        status = PARTLY
    return ProvisionGap(
        notation,
        section,
        status,
        tuple(c.label for c in tasked),
        tuple(c.label for c in active),
        tuple(c.label for c in tasked if not c.evidence),
        tuple(c.label for c in own if not c.tasked and c.evidence),
        activities,
        evidence,
    )
