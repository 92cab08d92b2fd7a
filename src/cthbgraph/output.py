"""Rendering of tabular results as a text table, CSV, JSON or Markdown.

Cells come from report texts and corpus file names, which nobody checked for traps: CSV cells that a
spreadsheet would run as a formula are neutralised (:func:`csv_cell`, OWASP's rule), and control
characters are shown as escapes in text meant for a terminal (:func:`printable`), so a name cannot
forge lines or send escape sequences.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import unicodedata
from collections.abc import Sequence
from decimal import Decimal

from .terminal import table

FORMATS = ("table", "csv", "json")

#: First characters that make a spreadsheet read a cell as a formula (OWASP, "CSV Injection").
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?")
# Bidirectional overrides reorder what the terminal shows ("Trojan Source"); shown as escapes too.
_BIDI = set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def csv_cell(value: object) -> object:
    """``value`` as a CSV cell no spreadsheet runs: text starting with = + - @ tab or CR gets a
    leading ``'`` (shown as text, not evaluated); numbers, also "-3" or "+1.5", stay numbers."""
    if isinstance(value, (int, float)):
        return value
    text = "" if value is None else str(value)
    if text.startswith(_FORMULA_START) and not _NUMBER.fullmatch(text):
        return "'" + text
    return text


def shorten(text: str, width: int) -> str:
    """``text`` on one line, cut to ``width`` characters with an ellipsis: for labels and excerpts."""
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def printable(text: str) -> str:
    """``text`` with control characters (and bidirectional overrides) written as escapes: ``\\n``,
    ``\\x1b``, ``\\u202e``. For names and cells printed to a terminal."""
    if text.isprintable():
        return text
    return "".join(_escape(c) if unicodedata.category(c) == "Cc" or c in _BIDI else c for c in text)


def _escape(char: str) -> str:
    escaped = repr(char)[1:-1]
    return escaped if escaped.startswith("\\") else f"\\u{ord(char):04x}"


def render(columns: Sequence[str], rows: Sequence[Sequence[object]], fmt: str = "table", *, width: int = 60) -> str:
    """Rows as ``table`` (aligned, fit to the terminal), ``csv``, ``json`` (a list of objects) or ``markdown``.

    Values are Python values (:mod:`cthbgraph.store.values`): numbers stay numbers in JSON, a
    missing value is empty (``null`` in JSON). ``width`` is the widest a table column is made.
    """
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow([csv_cell(c) for c in columns])
        writer.writerows([csv_cell(c) for c in row] for row in rows)
        return buffer.getvalue()
    if fmt == "json":
        return json.dumps([dict(zip(columns, row)) for row in rows], ensure_ascii=False, indent=2, default=json_value) + "\n"
    if fmt == "markdown":
        lines = ["| " + " | ".join(columns) + " |", "|" + "---|" * len(columns)]
        lines += ["| " + " | ".join(printable(" ".join(text(c).split())).replace("|", "\\|") for c in row) + " |" for row in rows]
        return "\n".join(lines) + "\n"
    return table(columns, [[printable(" ".join(text(c).split())) for c in row] for row in rows], cell_width=width)


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
