"""--focus / --depth / --chapter: a readable part of the network.

The neighbourhood follows links in both directions. Reports are reached but never passed through:
a report cites a hundred bodies, so walking through it would turn any neighbourhood into the whole
graph.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..errors import QueryError, UnknownTermError

if TYPE_CHECKING:  # networkx is imported by the network's maker, when a writer needs it
    import networkx as nx

_HUBS = {"Report"}


@dataclass(frozen=True)
class Selection:
    """Which part of the network to export: the neighbourhood of ``focus`` or one ``chapter``.

    focus (str): a provision or section notation ("III.10.2"), a document symbol ("MC.DEC/3/06"),
        a body's acronym or name ("ODIHR"), or any resource IRI.
    depth (int): how many links away from the focus (or from the chapter's provisions) to include.
    chapter (str): an Action Plan chapter ("III") or section ("III.10").
    """

    focus: str = ""
    depth: int = 1
    chapter: str = ""

    def __bool__(self) -> bool:
        return bool(self.focus or self.chapter)

    def describe(self) -> str:
        if self.focus:
            return f"neighbourhood of {self.focus} (depth {self.depth})"
        return f"chapter {self.chapter}" if self.chapter else "whole graph"


def _key(text: str) -> str:
    # "MC.DEC 3/06", "mc.dec/3/06" and "MC DEC 3 06" name the same decision.
    return re.sub(r"[^0-9a-z]+", "", text.lower())


def resolve_focus(net: nx.MultiDiGraph, focus: str) -> list[str]:
    """The nodes ``focus`` names: an IRI, a notation (provision, section, document), a body's name.

    RAISES UnknownTermError: naming the closest notations and body names.
    """
    focus = focus.strip()
    if focus in net:
        return [focus]
    wanted = focus.lower()
    nodes = net.nodes(data=True)
    for match in (
        lambda a: a.get("notation", "").lower() == wanted,
        lambda a: a["type"] == "Provision" and a.get("section", "").lower() == wanted,
        lambda a: a["label"].lower() == wanted or wanted in (x.lower() for x in a.get("altLabels", "").split("; ")),
        lambda a: a.get("notation") and _key(a["notation"]) == _key(focus),
    ):
        found = sorted(n for n, a in nodes if match(a))
        if found:
            return found
    names = set()
    for _, a in nodes:
        if a["type"] in ("Provision", "Decision", "Declaration", "ActionPlan", "Body"):
            names.add(a.get("notation") or a["label"])
        if a["type"] == "Body":
            names.add(a["label"])
            names.update(x for x in a.get("altLabels", "").split("; ") if x)
    error = UnknownTermError(f"no provision, body or decision {focus!r} in the graph", term=focus, choices=names)
    if not error.closest:
        error.hint = (
            "give a provision (III.10.2), a section (III.10), a decision (MC.DEC/3/06), a body (ODIHR) or an IRI"
        )
    raise error


def chapter_nodes(net: nx.MultiDiGraph, chapter: str) -> list[str]:
    """The provisions of an Action Plan chapter ("III") or section ("III.10")."""
    wanted = chapter.strip().upper().rstrip(".")
    found = sorted(
        n
        for n, a in net.nodes(data=True)
        if a["type"] == "Provision" and wanted in (a.get("chapter"), a.get("section"))
    )
    if not found:
        chapters = {
            a[k]
            for _, a in net.nodes(data=True)
            if a["type"] == "Provision"
            for k in ("chapter", "section")
            if a.get(k)
        }
        raise UnknownTermError(
            f"no provision of chapter {chapter!r} in the graph",
            term=wanted,
            choices=chapters,
            hint="chapters in the graph: " + ", ".join(sorted(chapters, key=_natural)) if chapters else "",
        )
    return found


def _natural(text: str):
    return [int(p) if p.isdigit() else p for p in re.split(r"(\d+)", text)]


def neighbourhood(net: nx.MultiDiGraph, seeds: list[str], depth: int) -> set[str]:
    """Every node at most ``depth`` links from a seed, following links both ways, not through hubs."""
    seen = set(seeds)
    frontier = list(seeds)
    for _ in range(depth):
        nxt = []
        for node in frontier:
            if net.nodes[node]["type"] in _HUBS and node not in seeds:
                continue
            for other in (*net.successors(node), *net.predecessors(node)):
                if other not in seen:
                    seen.add(other)
                    nxt.append(other)
        frontier = nxt
    return seen


def select(net: nx.MultiDiGraph, selection: Selection) -> nx.MultiDiGraph:
    """The part of ``net`` the selection names (``net`` itself when nothing is selected).

    In the result ``degree`` counts the links kept; ``activities`` and ``tasked`` still count those of
    the whole graph, so a body keeps its size in a picture of a neighbourhood.
    """
    if not selection:
        return net
    if selection.focus and selection.chapter:
        raise QueryError(
            "give --focus or --chapter, not both", hint="e.g. --focus III.10.2 --depth 2, or --chapter III"
        )
    if selection.depth < 0:
        raise QueryError(f"--depth must be 0 or more, not {selection.depth}", hint="e.g. --depth 2")
    seeds = resolve_focus(net, selection.focus) if selection.focus else chapter_nodes(net, selection.chapter)
    sub = net.subgraph(neighbourhood(net, seeds, selection.depth)).copy()
    for node in sub:
        sub.nodes[node]["degree"] = sub.degree(node)
    for node in seeds:
        sub.nodes[node]["focus"] = 1
    return sub
