"""Rendering of tabular results as a text table, CSV, JSON or Markdown."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Sequence
from decimal import Decimal

from .terminal import table

FORMATS = ("table", "csv", "json")


def render(columns: Sequence[str], rows: Sequence[Sequence[object]], fmt: str = "table", *, width: int = 60) -> str:
    """Rows as ``table`` (aligned, fit to the terminal), ``csv``, ``json`` (a list of objects) or ``markdown``.

    Values are Python values (:mod:`cthbgraph.store.values`): numbers stay numbers in JSON, a
    missing value is empty (``null`` in JSON). ``width`` is the widest a table column is made.
    """
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows(rows)
        return buffer.getvalue()
    if fmt == "json":
        return json.dumps([dict(zip(columns, row)) for row in rows], ensure_ascii=False, indent=2, default=json_value) + "\n"
    if fmt == "markdown":
        lines = ["| " + " | ".join(columns) + " |", "|" + "---|" * len(columns)]
        lines += ["| " + " | ".join(text(c).replace("|", "\\|").replace("\n", " ") for c in row) + " |" for row in rows]
        return "\n".join(lines) + "\n"
    return table(columns, [[" ".join(text(c).split()) for c in row] for row in rows], cell_width=width)


def text(value: object) -> str:
    """A value as a table cell: nothing for a missing value, lists joined with "; "."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, tuple)):
        return "; ".join(text(v) for v in value)
    return str(value)


def json_value(value: object) -> object:
    """What ``json`` cannot write itself: decimals as numbers, dates as ISO 8601 text."""
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} is not JSON serialisable")
