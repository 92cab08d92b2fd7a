"""Comparing two report years: which provisions and bodies gained or lost reported activities.

The comparison is a changeset between what the reports of one year say and what those of the other
say: each row is a provision or body whose evidence changed, with the evidence of both years and
its basis (:meth:`Change.by_basis`). Each activity and its evidence belong to exactly one report, so
the reports of a year in the default graph say what their named graphs hold
(``{base}graph/report/{id}``, docs/named-graphs.md); the counts are read from the default graph so
that compare also runs on endpoints that hold the published graph without its named graphs.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from ..errors import QueryError
from ..queries import library
from ..store import Store
from .cells import Evidence, cells, merge_evidence, notation_key
from .filters import check_year, lineages
from .links import LinkFilter

COMPARE_CHANGES = ("appeared", "disappeared", "changed", "unchanged")
#: The bases of a row's evidence (:meth:`Change.by_basis`), in the order they are shown.
BASES = ("stated", "inferred")


@dataclass(frozen=True)
class Change:
    """One provision or body whose count of reported activities differs (or not) between two years."""

    kind: str  # "provision" (activities linked to it) or "body" (activities it carried out)
    key: str  # provision notation or body label
    iri: str
    before: int
    after: int
    change: str  # one of COMPARE_CHANGES
    evidence_before: tuple[Evidence, ...]
    evidence_after: tuple[Evidence, ...]

    def by_basis(self) -> dict[str, tuple[int, int]]:
        """The activities of each year by the basis of their evidence, as (before, after): where the
        row gained or lost evidence. "stated": the report links the activity to the provision (a
        body's activities are always stated: the report credits the body); "inferred": linked by its
        content (:mod:`cthbgraph.linking`), with the scores that ``--min-score`` kept. Only the bases
        that have evidence in one of the years."""
        counts: dict[str, tuple[int, int]] = {}
        for basis in BASES:
            before = len({e.activity for e in self.evidence_before if e.basis == basis})
            after = len({e.activity for e in self.evidence_after if e.basis == basis})
            if before or after:
                counts[basis] = (before, after)
        return counts

    def basis_label(self) -> str:
        """ "stated 3→0; inferred 1→4": :meth:`by_basis` for a person."""
        return "; ".join(f"{basis} {before}→{after}" for basis, (before, after) in self.by_basis().items())


def compare(
    store: Store,
    before: str | int,
    after: str | int,
    *,
    tasked_only: bool = True,
    unchanged: bool = False,
    links: LinkFilter | None = None,
    lineage: bool = False,
) -> tuple[Change, ...]:
    """What changed between the reports of two years.

    Two views, because reports other than 2006 rarely name the provision an activity serves:
    per provision, the activities linked to it in each year; per body (those tasked by some
    provision or decision, or every body with ``tasked_only=False``), the activities credited to it
    in each year, whatever provision they serve. ``links`` says which links of activities to
    provisions count: stated only, or inferred ones too (the default), so that a provision with
    evidence in both years shows where a later report does not name the provisions. ``lineage``
    counts a body together with the bodies of its lineage (renamed, succeeded, post and office:
    ``body-lineage-members``), one row a lineage named "A / B", so that the work of a body renamed
    between the two years is not shown as lost by one and gained by the other.
    RETURNS (tuple[Change, ...]): provisions first, then bodies; unchanged rows only if asked.
    """
    sections, all_cells = cells(store, None, links)  # first: a graph without provisions says so
    before, after = check_year(store, before), check_year(store, after)
    if before is None or after is None:
        raise QueryError("compare needs two report years", hint="e.g. --from 2006 --to 2017")
    changes: list[Change] = []
    per_provision: dict[str, set[Evidence]] = defaultdict(set)
    for c in all_cells:
        per_provision[c.notation] |= set(c.evidence)
    iris = {r["notation"]: r["provision"] for r in library()["gap-cells"].run(store).dicts()}
    for notation in sorted(sections, key=notation_key):
        ev = set(merge_evidence(per_provision.get(notation, ())))
        changes.append(_change("provision", notation, iris.get(notation, ""), ev, before, after))
    per_body: dict[str, set[Evidence]] = defaultdict(set)
    labels, tasked = {}, set()
    for r in library()["body-activity-by-year"].run(store).dicts():
        labels[r["body"]] = r["bodyLabel"]
        if r["tasked"]:  # True, or 1 from Virtuoso
            tasked.add(r["body"])
        per_body[r["body"]].add(Evidence(r["report"], r["year"], r["activity"], r["bodyLabel"], r["excerpt"], r["sentence"]))
    groups = lineages(store) if lineage else {}
    seen: set[frozenset[str]] = set()
    for body in sorted(labels, key=lambda b: labels[b]):
        members = frozenset((groups.get(body, frozenset()) | {body}) & labels.keys())
        if members in seen:
            continue
        seen.add(members)
        if tasked_only and not members & tasked:
            continue
        name = " / ".join([labels[body], *sorted(labels[m] for m in members - {body})])
        evidence = set().union(*(per_body[m] for m in members))
        changes.append(_change("body", name, body, evidence, before, after))
    return tuple(c for c in changes if unchanged or c.change != "unchanged")


def _change(kind: str, key: str, iri: str, evidence: set[Evidence], before: int, after: int) -> Change:
    ev_before = tuple(sorted(e for e in evidence if e.year == before))
    ev_after = tuple(sorted(e for e in evidence if e.year == after))
    n_before, n_after = len({e.activity for e in ev_before}), len({e.activity for e in ev_after})
    if n_before == n_after:
        change = "unchanged"
    elif not n_before:
        change = "appeared"
    elif not n_after:
        change = "disappeared"
    else:
        change = "changed"
    return Change(kind, key, iri, n_before, n_after, change, ev_before, ev_after)
