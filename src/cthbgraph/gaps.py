"""Tracing commitments to the activities that implement them, and what the reports leave undone.

``trace`` follows one provision; ``gaps`` judges every provision and every body it tasks;
``coverage`` counts activities per provision and body; ``compare`` sets two report years side by
side. All are computed from the rows of library queries (``gap-cells``, ``provision-notations``,
``body-activity-by-year``, ``body-names``) on any store, and every figure keeps its evidence: the
activities, excerpt IRIs and sentences it was counted from.

What "implemented" means here (the corpus, not the world): a provision is *implemented* when every
body it tasks is credited with at least one activity linked to it (with no tasked body named, when
any activity is linked to it); *partly implemented* when some activity is linked to it but a tasked
body has none; *no reported implementation* when no activity is linked to it. An activity is
linked to a provision only where its report names the provision (in the seed corpus: the 2006
report), which is why ``compare`` also counts each tasked body's activities of any kind.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from rdflib import Literal

from .errors import QueryError, UnknownTermError
from .queries import library
from .store import Store


@dataclass(frozen=True)
class TracedBody:
    iri: str
    label: str
    role: str  # "tasked" or "partner"


@dataclass(frozen=True)
class TracedActivity:
    iri: str
    type: str
    body: str
    date: str
    place: str
    report: str
    sentence: str


@dataclass(frozen=True)
class Trace:
    notation: str
    iri: str
    text: str
    section: str
    bodies: tuple[TracedBody, ...]
    activities: tuple[TracedActivity, ...]

    @property
    def tasked(self) -> tuple[TracedBody, ...]:
        return tuple(b for b in self.bodies if b.role == "tasked")

    @property
    def partners(self) -> tuple[TracedBody, ...]:
        return tuple(b for b in self.bodies if b.role == "partner")


def provision_notations(store: Store) -> list[str]:
    return [row[0] for row in library()["provision-notations"].run(store).rows]


def trace(store: Store, notation: str) -> Trace:
    """A provision, the bodies it tasks, and the reported activities that implement it."""
    queries = library()
    notation = notation.strip()
    head = store.select(queries["trace-provision"].text, {"notation": Literal(notation)})
    if not head.rows:
        raise UnknownTermError(
            f"no provision {notation!r} in the graph",
            term=notation,
            choices=provision_notations(store),
        )
    first = head.dicts()[0]
    bodies = tuple(
        dict.fromkeys(TracedBody(r["body"], r["bodyLabel"], r["role"]) for r in head.dicts() if r["body"])
    )
    activities = tuple(
        TracedActivity(r["activity"], r["type"], r["bodyLabel"], r["date"], r["place"], r["report"], r["sentence"])
        for r in store.select(queries["trace-activities"].text, {"notation": Literal(notation)}).dicts()
    )
    return Trace(notation, first["provision"], first["text"], first["section"], bodies, activities)


IMPLEMENTED = "implemented"
PARTLY = "partly implemented"
NONE = "no reported implementation"
ACTIVE = "reported activity"
SILENT = "no reported activity"


@dataclass(frozen=True, order=True)
class Evidence:
    """One sentence a figure was counted from: the activity read from it, its body and report."""

    report: str
    year: str
    activity: str
    body: str
    excerpt: str
    sentence: str


class _Evidenced:
    evidence: tuple[Evidence, ...]

    @property
    def reports(self) -> tuple[str, ...]:
        """The reports the figure was counted from."""
        return tuple(sorted({e.report for e in self.evidence}))


@dataclass(frozen=True)
class BodyGap(_Evidenced):
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
class ProvisionGap(_Evidenced):
    notation: str
    section: str
    status: str  # IMPLEMENTED, PARTLY or NONE
    tasked: tuple[str, ...]  # labels of the bodies it tasks
    active: tuple[str, ...]  # ... of those, the ones credited with an implementing activity
    silent: tuple[str, ...]  # ... and the ones with none
    others: tuple[str, ...]  # untasked bodies credited with implementing it
    activities: int
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True)
class GapReport:
    provisions: tuple[ProvisionGap, ...]
    bodies: tuple[BodyGap, ...]

    def counts(self) -> dict[str, int]:
        counts = dict.fromkeys((IMPLEMENTED, PARTLY, NONE), 0)
        for p in self.provisions:
            counts[p.status] += 1
        return counts


@dataclass(frozen=True)
class _Cell:
    notation: str
    section: str
    body: str
    label: str
    tasked: bool
    evidence: tuple[Evidence, ...]


def _sections(notation: str) -> set[str]:
    """ "III.10.2" -> {"III", "III.10", "III.10.2"}: every chapter a filter may name."""
    parts = notation.split(".")
    return {".".join(parts[: i + 1]) for i in range(len(parts))}


def _cells(store: Store, year: str | None) -> tuple[dict[str, str], list[_Cell]]:
    """Sections of every provision, and one cell per (provision, body) with its evidence."""
    queries = library()
    sections = {r["notation"]: r["section"] for r in queries["provision-notations"].run(store).dicts()}
    grouped: dict[tuple[str, str], dict] = {}
    for r in queries["gap-cells"].run(store).dicts():
        key = (r["notation"], r["body"])
        cell = grouped.setdefault(key, {"row": r, "tasked": False, "evidence": set()})
        cell["tasked"] |= r["tasked"] == "true"
        if r["activity"] and (year is None or r["year"] == year):
            cell["evidence"].add(
                Evidence(r["report"], r["year"], r["activity"], r["bodyLabel"], r["excerpt"], r["sentence"])
            )
    cells = [
        _Cell(n, c["row"]["section"], b, c["row"]["bodyLabel"], c["tasked"], tuple(sorted(c["evidence"])))
        for (n, b), c in sorted(grouped.items())
    ]
    return sections, cells


def report_years(store: Store) -> list[str]:
    return sorted({r["year"] for r in library()["reports"].run(store).dicts()})


def _check_year(store: Store, year: str | None) -> str | None:
    if year is None:
        return None
    year = str(year).strip()
    years = report_years(store)
    if year not in years:
        raise UnknownTermError(
            f"no report of year {year!r} in the graph", term=year, choices=years, hint=f"report years: {', '.join(years)}"
        )
    return year


def _check_chapter(sections: dict[str, str], chapter: str | None) -> str | None:
    if chapter is None:
        return None
    chapter = chapter.strip()
    known = set().union(*(_sections(n) for n in sections)) if sections else set()
    if chapter not in known:
        chapters = sorted({c for c in known if "." not in c})
        raise UnknownTermError(
            f"no Action Plan chapter or provision {chapter!r} in the graph",
            term=chapter,
            choices=known,
            hint=_closest_hint(chapter, known) or f"chapters: {', '.join(chapters)}",
        )
    return chapter


def _closest_hint(term: str, choices: set[str]) -> str:
    closest = UnknownTermError("", term=term, choices=choices).closest
    return "did you mean " + ", ".join(closest) + "?" if closest else ""


def resolve_body(store: Store, name: str) -> tuple[str, ...]:
    """IRIs of the bodies called ``name`` (any of their names, any case, or their IRI)."""
    rows = library()["body-names"].run(store).dicts()
    wanted = " ".join(name.split()).casefold()
    found = {r["body"] for r in rows if r["body"] == name.strip() or " ".join(r["name"].split()).casefold() == wanted}
    if not found:
        names = {r["name"] for r in rows}
        folded = {n.casefold(): n for n in names}
        closest = UnknownTermError("", term=wanted, choices=folded).closest
        raise UnknownTermError(
            f"no body called {name!r} in the graph",
            term=name,
            choices=names,
            hint=("did you mean " + ", ".join(folded[c] for c in closest) + "?")
            if closest
            else "list the bodies with: cthbgraph query body-names",
        )
    return tuple(sorted(found))


def gaps(store: Store, *, chapter: str | None = None, body: str | None = None, year: str | int | None = None) -> GapReport:
    """Every provision and every body it tasks, judged by the activities the reports link to it.

    chapter (str | None): only provisions in this chapter, section or provision ("III", "IV.8").
    body (str | None): only provisions that task this body or that it implements, and its rows.
    year (str | int | None): count only activities of reports of this year.
    RETURNS (GapReport): one ProvisionGap per provision and one BodyGap per (provision, body).
    """
    year = _check_year(store, year)
    sections, cells = _cells(store, year)
    chapter = _check_chapter(sections, chapter)
    bodies = set(resolve_body(store, body)) if body else None
    by_provision: dict[str, list[_Cell]] = defaultdict(list)
    for cell in cells:
        by_provision[cell.notation].append(cell)
    provisions, body_rows = [], []
    for notation in sorted(sections, key=_notation_key):
        if chapter and chapter not in _sections(notation):
            continue
        own = by_provision.get(notation, [])
        if bodies is not None and not any(c.body in bodies for c in own):
            continue
        tasked = [c for c in own if c.tasked]
        active = [c for c in tasked if c.evidence]
        evidence = _merge(e for c in own for e in c.evidence)
        activities = len({e.activity for e in evidence})
        if not activities:
            status = NONE
        elif len(active) == len(tasked):
            status = IMPLEMENTED
        else:
            status = PARTLY
        provisions.append(
            ProvisionGap(
                notation,
                sections[notation],
                status,
                tuple(c.label for c in tasked),
                tuple(c.label for c in active),
                tuple(c.label for c in tasked if not c.evidence),
                tuple(c.label for c in own if not c.tasked and c.evidence),
                activities,
                evidence,
            )
        )
        for c in own:
            if bodies is not None and c.body not in bodies:
                continue
            if not c.tasked and not c.evidence:
                continue  # an untasked body counts only where it has activity in the chosen year
            n = len({e.activity for e in c.evidence})
            body_rows.append(BodyGap(notation, c.section, c.body, c.label, c.tasked, ACTIVE if n else SILENT, n, c.evidence))
    return GapReport(tuple(provisions), tuple(body_rows))


def _merge(evidence) -> tuple[Evidence, ...]:
    """One evidence per sentence and activity, naming every body credited with it ("A; B")."""
    bodies: dict[tuple, set[str]] = defaultdict(set)
    for e in evidence:
        bodies[(e.report, e.year, e.activity, e.excerpt, e.sentence)].add(e.body)
    return tuple(
        sorted(Evidence(r, y, a, "; ".join(sorted(b)), x, s) for (r, y, a, x, s), b in bodies.items())
    )


def _notation_key(notation: str) -> tuple:
    """Action Plan order: chapters by Roman numeral, then numbers ("III.9.1" before "III.10.1")."""
    roman = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7, "VIII": 8, "IX": 9, "X": 10}
    return tuple(
        (roman.get(p, 0), int(p)) if p.isdigit() else (roman.get(p, 99), 0) if p in roman else (99, p)
        for p in notation.split(".")
    )


@dataclass(frozen=True)
class CoverageBody:
    iri: str
    label: str
    short: str


@dataclass(frozen=True)
class Coverage:
    """The provision × body matrix: activities per cell; ``tasked`` cells are the ones the plan asks for."""

    provisions: tuple[str, ...]
    bodies: tuple[CoverageBody, ...]
    counts: dict[tuple[str, str], int]
    tasked: frozenset[tuple[str, str]]
    evidence: dict[tuple[str, str], tuple[Evidence, ...]]

    def count(self, notation: str, body: str) -> int:
        return self.counts.get((notation, body), 0)


def coverage(
    store: Store, *, chapter: str | None = None, year: str | int | None = None, tasked_only: bool = False
) -> Coverage:
    """Activities linked to each provision, per body (every tasked body, and any other body active)."""
    year = _check_year(store, year)
    sections, cells = _cells(store, year)
    chapter = _check_chapter(sections, chapter)
    cells = [c for c in cells if not chapter or chapter in _sections(c.notation)]
    cells = [c for c in cells if c.tasked or (c.evidence and not tasked_only)]
    provisions = tuple(sorted({n for n in sections if not chapter or chapter in _sections(n)}, key=_notation_key))
    labels = {c.body: c.label for c in cells}
    shorts = _short_names(store, labels)
    order = sorted(labels, key=lambda b: (-sum(len(c.evidence) > 0 for c in cells if c.body == b), labels[b]))
    return Coverage(
        provisions,
        tuple(CoverageBody(b, labels[b], shorts[b]) for b in order),
        {(c.notation, c.body): len({e.activity for e in c.evidence}) for c in cells},
        frozenset((c.notation, c.body) for c in cells if c.tasked),
        {(c.notation, c.body): c.evidence for c in cells},
    )


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
    before, after = _check_year(store, before), _check_year(store, after)
    if before is None or after is None:
        raise QueryError("compare needs two report years", hint="e.g. --from 2006 --to 2017")
    sections, cells = _cells(store, None)
    changes: list[Change] = []
    per_provision: dict[str, set[Evidence]] = defaultdict(set)
    for c in cells:
        per_provision[c.notation] |= set(c.evidence)
    iris = {r["notation"]: r["provision"] for r in library()["gap-cells"].run(store).dicts()}
    for notation in sorted(sections, key=_notation_key):
        ev = set(_merge(per_provision.get(notation, ())))
        changes.append(_change("provision", notation, iris.get(notation, ""), ev, before, after))
    per_body: dict[str, set[Evidence]] = defaultdict(set)
    labels, tasked = {}, set()
    for r in library()["body-activity-by-year"].run(store).dicts():
        labels[r["body"]] = r["bodyLabel"]
        if r["tasked"] == "true":
            tasked.add(r["body"])
        per_body[r["body"]].add(Evidence(r["report"], r["year"], r["activity"], r["bodyLabel"], r["excerpt"], r["sentence"]))
    for body in sorted(labels, key=lambda b: labels[b]):
        if tasked_only and body not in tasked:
            continue
        changes.append(_change("body", labels[body], body, per_body[body], before, after))
    return tuple(c for c in changes if unchanged or c.change != "unchanged")


def _change(kind: str, key: str, iri: str, evidence: set[Evidence], before: str, after: str) -> Change:
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
