"""CSV tables for spreadsheets: provisions, bodies, activities and tasking relations, one file each.

They are written together into one folder (``--out tables/``), so that a spreadsheet opens each as a
sheet and the four always come from the same build. Files are UTF-8 with a byte-order mark, which
Excel needs to show non-ASCII names correctly; LibreOffice, pandas (``encoding="utf-8-sig"``) and R
read them as they are. Lists inside a cell are separated by "; ".
"""

from __future__ import annotations

import csv
import io
import re

import networkx as nx

from ..output import csv_cell
from .registry import Rendered

TABLES = ("provisions", "bodies", "activities", "tasking")


def _natural(text: str):
    return [int(p) if p.isdigit() else p for p in re.split(r"(\d+)", text)]


def _labels(net, nodes) -> str:
    return "; ".join(sorted({net.nodes[n]["label"] for n in nodes}))


def _linked(net: nx.MultiDiGraph, node: str, key: str, incoming: bool = False) -> list[str]:
    edges = net.in_edges(node, keys=True) if incoming else net.out_edges(node, keys=True)
    return [(s if incoming else o) for s, o, k in edges if k == key]


#: The columns of each table, in order.
COLUMNS: dict[str, tuple[str, ...]] = {
    "provisions": (
        "notation",
        "chapter",
        "section",
        "text",
        "tasks",
        "in_cooperation_with",
        "activities",
        "implemented_by",
        "evidence_source",
        "iri",
    ),
    "bodies": (
        "label",
        "kind",
        "also_known_as",
        "activities_carried_out",
        "activities_as_partner",
        "tasked_by_provisions",
        "reports",
        "mentions",
        "iri",
    ),
    "activities": (
        "type",
        "label",
        "carried_out_by",
        "in_cooperation_with",
        "implements",
        "chapter",
        "date",
        "year",
        "place",
        "country",
        "report",
        "evidence",
        "evidence_source",
        "iri",
    ),
    "tasking": (
        "provision",
        "provision_type",
        "relation",
        "body",
        "body_kind",
        "evidence",
        "evidence_source",
        "provision_iri",
        "body_iri",
    ),
}


def tables(net: nx.MultiDiGraph) -> dict[str, tuple[tuple[str, ...], list[tuple]]]:
    """The four tables of a network: name -> (columns, rows)."""
    by_type: dict[str, list[str]] = {}
    for n, a in net.nodes(data=True):
        by_type.setdefault(a["type"], []).append(n)
    rows = {
        "provisions": _provision_rows(net, by_type.get("Provision", [])),
        "bodies": _body_rows(net, by_type.get("Body", [])),
        "activities": _activity_rows(net, by_type.get("Activity", [])),
        "tasking": _tasking_rows(net),
    }
    return {name: (COLUMNS[name], rows[name]) for name in TABLES}


def _provision_rows(net: nx.MultiDiGraph, provisions: list[str]) -> list[tuple]:
    nodes = net.nodes
    rows = []
    for n in sorted(provisions, key=lambda n: _natural(nodes[n]["label"])):
        a = nodes[n]
        activities = _linked(net, n, "implements", incoming=True)
        doers = [b for act in activities for b in _linked(net, act, "carriedOutBy")]
        rows.append(
            (
                a.get("notation", a["label"]),
                a.get("chapter", ""),
                a.get("section", ""),
                a.get("text", ""),
                _labels(net, _linked(net, n, "tasks")),
                _labels(net, _linked(net, n, "inCooperationWith")),
                len(activities),
                _labels(net, doers),
                a.get("evidence_source", ""),
                a["iri"],
            )
        )
    return rows


def _body_rows(net: nx.MultiDiGraph, bodies: list[str]) -> list[tuple]:
    nodes = net.nodes
    rows = []
    for n in sorted(bodies, key=lambda n: nodes[n]["label"].lower()):
        a = nodes[n]
        tasked_by = (nodes[p].get("notation", "") for p in _linked(net, n, "tasks", incoming=True))
        rows.append(
            (
                a["label"],
                a["kind"],
                a.get("altLabels", ""),
                len(_linked(net, n, "carriedOutBy", incoming=True)),
                len([s for s in _linked(net, n, "inCooperationWith", incoming=True) if nodes[s]["type"] == "Activity"]),
                "; ".join(sorted(tasked_by, key=_natural)),
                a.get("reports", ""),
                a.get("mentions", 0),
                a["iri"],
            )
        )
    return rows


def _activity_rows(net: nx.MultiDiGraph, activities: list[str]) -> list[tuple]:
    nodes = net.nodes
    rows = []
    for n in sorted(activities, key=lambda n: _natural(nodes[n].get("evidence_source", n))):
        a = nodes[n]
        rows.append(
            (
                a["kind"],
                a["label"],
                _labels(net, _linked(net, n, "carriedOutBy")),
                _labels(net, _linked(net, n, "inCooperationWith")),
                a.get("provision", ""),
                a.get("chapter", ""),
                a.get("date", ""),
                a.get("year", ""),
                a.get("place", ""),
                a.get("country", ""),
                a.get("report", ""),
                a.get("evidence", ""),
                a.get("evidence_source", ""),
                a["iri"],
            )
        )
    return rows


def _tasking_rows(net: nx.MultiDiGraph) -> list[tuple]:
    nodes = net.nodes
    rows = []
    for s, o, key, e in net.edges(keys=True, data=True):
        if key not in ("tasks", "inCooperationWith") or nodes[s]["type"] == "Activity":
            continue
        rows.append(
            (
                nodes[s].get("notation", nodes[s]["label"]),
                nodes[s]["type"],
                key,
                nodes[o]["label"],
                nodes[o]["kind"],
                e.get("evidence", ""),
                e.get("evidence_source", ""),
                nodes[s]["iri"],
                nodes[o]["iri"],
            )
        )
    rows.sort(key=lambda r: (_natural(r[0]), r[2] != "tasks", r[3].lower()))
    return rows


def _csv(columns, rows) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([csv_cell(c) for c in columns])
    writer.writerows([csv_cell(c) for c in row] for row in rows)  # no cell a spreadsheet would run
    return buffer.getvalue().encode("utf-8-sig")


def write(source) -> Rendered:
    made = tables(source.network)
    files = tuple((f"{name}.csv", _csv(*made[name])) for name in TABLES)
    return Rendered(files, ", ".join(f"{len(made[name][1])} {name}" for name in TABLES))
