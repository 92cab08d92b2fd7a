"""How the graph names a resource for people (rdfs:label, skos:prefLabel): the exact wording stays in
the excerpts."""

from __future__ import annotations

from .records import Activity


def readable(text: str) -> str:
    """The wording without markdown emphasis or line wraps (the excerpt keeps the exact text)."""
    return " ".join(text.replace("**", "").split())


def document_label(notation: str) -> str:
    """ "MC.DEC/3/06" -> "Ministerial Council Decision No. 3/06"."""
    council, _, rest = notation.partition(".")
    kind, _, number = rest.partition("/")
    name = {"MC": "Ministerial Council", "PC": "Permanent Council"}.get(council, council)
    word = "Declaration" if kind == "DECL" else "Decision"
    return f"{name} {word} No. {number}"


def activity_label(activity: Activity) -> str:
    agents = ", ".join(a.label for a in activity.agents)
    when = f", {activity.date}" if activity.date else ""
    where = f", {activity.place}" if activity.place else ""
    return f"{activity.type.replace('-', ' ').capitalize()} by {agents}{where}{when}"
