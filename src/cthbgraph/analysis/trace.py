"""Tracing a commitment: a provision, the bodies it tasks, and the reported activities that implement it.

From the library queries ``trace-provision`` and ``trace-activities``, with the provision's
notation bound as their declared parameter.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..errors import UnknownTermError
from ..queries import library
from ..store import Store


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
    head = queries["trace-provision"].run(store, {"notation": notation})
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
        for r in queries["trace-activities"].run(store, {"notation": notation}).dicts()
    )
    return Trace(notation, first["provision"], first["text"], first["section"], bodies, activities)
