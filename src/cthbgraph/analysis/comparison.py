"""Comparing two report years: which provisions and bodies gained or lost reported activities."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from ..errors import QueryError
from ..queries import library
from ..store import Store
from .cells import Evidence, cells, merge_evidence, notation_key
from .filters import check_year

COMPARE_CHANGES = ("appeared", "disappeared", "changed", "unchanged")


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


def compare(
    store: Store, before: str | int, after: str | int, *, tasked_only: bool = True, unchanged: bool = False
) -> tuple[Change, ...]:
    """What changed between the reports of two years.

    Two views, because reports other than 2006 rarely name the provision an activity serves:
    per provision, the activities linked to it in each year; per body (those tasked by some
    provision or decision, or every body with ``tasked_only=False``), the activities credited to it
    in each year, whatever provision they serve.
    RETURNS (tuple[Change, ...]): provisions first, then bodies; unchanged rows only if asked.
    """
    before, after = check_year(store, before), check_year(store, after)
    if before is None or after is None:
        raise QueryError("compare needs two report years", hint="e.g. --from 2006 --to 2017")
    sections, all_cells = cells(store, None)
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
    for body in sorted(labels, key=lambda b: labels[b]):
        if tasked_only and body not in tasked:
            continue
        changes.append(_change("body", labels[body], body, per_body[body], before, after))
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
