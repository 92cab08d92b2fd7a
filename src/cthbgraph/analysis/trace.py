"""Tracing a commitment: a provision, the bodies it tasks, and the reported activities that implement it.

From the library queries ``trace-provision`` and ``trace-activities``, with the provision's
notation bound as their declared parameter.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

from ..errors import UnknownTermError
from ..notebook import html_table
from ..queries import library
from ..store import Rows, Store
from .links import ALL, LinkFilter, confidence_values, link_label, no_provisions


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
    date: str | None  # as the report writes it, ISO 8601 where it could be read
    place: str | None
    report: str
    sentence: str
    link: str = "stated"  # or "inferred 0.71"


#: The columns of :meth:`Trace.rows`.
TRACE_COLUMNS = ("provision", "role", "type", "body", "date", "place", "report", "sentence", "link")


@dataclass(frozen=True)
class Trace:
    """A provision (its notation, IRI, text and section), the bodies it names and the activities implementing it."""

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

    def rows(self) -> Rows:
        """One row per body it names (role "tasked" or "partner"), then one per implementing activity."""
        bodies = [(self.notation, b.role, None, b.label, None, None, None, None, None) for b in self.bodies]
        activities = [
            (self.notation, "activity", a.type, a.body, a.date, a.place, a.report, a.sentence, a.link) for a in self.activities
        ]
        return Rows(TRACE_COLUMNS, tuple(bodies + activities))

    def to_pandas(self):
        """:meth:`rows` as a ``pandas.DataFrame``."""
        return self.rows().to_pandas()

    def _repr_html_(self) -> str:
        tasked = ", ".join(b.label for b in self.tasked) or "no body named"
        head = f"<p><b>Provision {html.escape(self.notation)}</b> (section {html.escape(self.section)}): {html.escape(self.text)}</p>"
        head += f"<p>Tasks: {html.escape(tasked)}</p>"
        if self.partners:
            head += f"<p>In co-operation with: {html.escape(', '.join(b.label for b in self.partners))}</p>"
        columns = ("type", "body", "date", "place", "report", "sentence", "link")
        rows = [(a.type, a.body, a.date, a.place, a.report, a.sentence, a.link) for a in self.activities]
        return head + html_table(columns, rows, caption="Reported activities implementing it")


def provision_notations(store: Store) -> list[str]:
    return [row[0] for row in library()["provision-notations"].run(store).rows]


def trace(store: Store, notation: str, links: LinkFilter | None = None, min_confidence: float = 0.0) -> Trace:
    """A provision, the bodies it tasks, and the reported activities that implement it: as the
    reports state, and (unless ``links`` asks for stated links only) as their content suggests;
    without the activities and bodies whose cthb:confidence is below ``min_confidence``."""
    queries = library()
    notation = notation.strip()
    confidence = confidence_values(min_confidence)
    head = queries["trace-provision"].run(store, {"notation": notation, **confidence})
    if not head.rows:
        if not provision_notations(store):
            raise no_provisions()
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
        TracedActivity(
            r["activity"], r["type"], r["bodyLabel"], r["date"], r["place"], r["report"], r["sentence"], link_label(r["linkBasis"], r["linkScore"])
        )
        for r in queries["trace-activities"].run(store, {"notation": notation, **(links or ALL).values(), **confidence}).dicts()
    )
    return Trace(notation, first["provision"], first["text"], first["section"], bodies, activities)
