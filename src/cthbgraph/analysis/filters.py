"""The filters a user types (a year, a chapter, a body's name), checked against the graph.

A name the graph does not know is an :class:`~cthbgraph.errors.UnknownTermError` that offers the
closest names it does know.
"""

from __future__ import annotations

from collections import defaultdict

from ..errors import UnknownTermError
from ..queries import library
from ..store import Store
from .cells import sections_of


def report_years(store: Store) -> list[int]:
    """The years of the reports in the graph, in order."""
    return sorted({r["year"] for r in library()["reports"].run(store) if r["year"] is not None})


def check_year(store: Store, year: str | int | None) -> int | None:
    """``year`` (2006 or "2006") as a year of some report in the graph; None stays None."""
    if year is None:
        return None
    text = str(year).strip()
    years = report_years(store)
    if not text.isdigit() or int(text) not in years:
        listed = ", ".join(map(str, years))
        raise UnknownTermError(
            f"no report of year {text!r} in the graph", term=text, choices=map(str, years), hint=f"report years: {listed}"
        )
    return int(text)


def check_chapter(sections: dict[str, str], chapter: str | None) -> str | None:
    if chapter is None:
        return None
    chapter = chapter.strip()
    known = set().union(*(sections_of(n) for n in sections)) if sections else set()
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


def lineages(store: Store) -> dict[str, frozenset[str]]:
    """Each body (IRI) -> the bodies of its lineage, itself included: ``body-lineage-members`` asked
    once for every body (its path runs both ways, so the members of a lineage share one set)."""
    groups: dict[str, set[str]] = defaultdict(set)
    for r in store.select(library()["body-lineage-members"].text).dicts():
        groups[r["iri"]].add(r["member"])
    return {body: frozenset(members) for body, members in groups.items()}


def resolve_body(store: Store, name: str, lineage: bool = False) -> tuple[str, ...]:
    """IRIs of the bodies called ``name`` (any of their names, any case, or their IRI); with
    ``lineage``, also the bodies of their lineage (renamed, succeeded, post and office)."""
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
    if lineage:
        groups = lineages(store)
        found |= {member for iri in found for member in groups.get(iri, ())}
    return tuple(sorted(found))
