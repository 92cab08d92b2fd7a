"""What a notebook shows of a result: a pandas DataFrame on request, an HTML table by itself.

Every tabular result (:class:`~cthbgraph.store.Rows`, a trace, a gap report, a coverage matrix)
has ``to_pandas()`` and ``_repr_html_()`` built from the two functions here. pandas is an optional
dependency (``pip install 'cthbgraph[pandas]'``), imported only when a DataFrame is asked for.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

#: Rows shown by ``_repr_html_`` before "… more rows".
HTML_ROWS = 50


def pandas():
    """The pandas module, or an ImportError that says how to install it."""
    try:
        import pandas
    except ImportError as exc:
        raise ImportError(
            "to_pandas() needs pandas, which is not installed: pip install 'cthbgraph[pandas]' (or pip install pandas)"
        ) from exc
    return pandas


def dataframe(columns: Sequence[str], rows: Sequence[Sequence[Any]], index: str | None = None):
    """A ``pandas.DataFrame`` of rows of Python values, each column with the dtype its values call for.

    Whole numbers -> ``Int64`` (nullable), other numbers and decimals -> ``float64``, booleans ->
    ``boolean``, dates and date-times -> ``datetime64``; anything else (text, IRIs, lists) as pandas
    reads it. Unbound values are missing values (``<NA>``, ``NaN``, ``NaT``, ``None``).

    index (str | None): a column to make the index.
    """
    pd = pandas()
    data = {name: _series(pd, [row[i] for row in rows]) for i, name in enumerate(columns)}
    frame = pd.DataFrame(data, columns=list(columns))
    return frame.set_index(index) if index else frame


def _series(pd, values: list[Any]):
    present = [v for v in values if v is not None]
    if not present:
        return pd.Series(values, dtype=object)
    if all(isinstance(v, bool) for v in present):
        return pd.Series(values, dtype="boolean")
    if all(isinstance(v, int) and not isinstance(v, bool) for v in present):
        return pd.Series(values, dtype="Int64")
    if all(isinstance(v, (int, float, Decimal)) and not isinstance(v, bool) for v in present):
        return pd.Series([float("nan") if v is None else float(v) for v in values], dtype="float64")
    if all(isinstance(v, dt.date) for v in present):
        try:
            return pd.Series(pd.to_datetime(values))
        except (TypeError, ValueError):  # mixed time zones: keep the objects
            return pd.Series(values, dtype=object)
    if all(isinstance(v, str) for v in present):
        # Plain str (an IRI is a str subclass), so that every pandas version stores the same text.
        return pd.Series([None if v is None else str(v) for v in values])
    return pd.Series(values, dtype=object)


def html_table(columns: Sequence[str], rows: Sequence[Sequence[Any]], *, caption: str = "", limit: int = HTML_ROWS) -> str:
    """An HTML table of the first ``limit`` rows (IRIs as links), with the count of the rest."""
    head = "".join(f"<th>{html.escape(str(c))}</th>" for c in columns)
    body = "".join("<tr>" + "".join(f"<td>{_html_cell(v)}</td>" for v in row) + "</tr>" for row in rows[:limit])
    more = f"<p>… {len(rows) - limit} more rows (to_pandas() has them all)</p>" if len(rows) > limit else ""
    title = f"<caption>{html.escape(caption)}</caption>" if caption else ""
    size = f"<p>{len(rows)} rows × {len(columns)} columns</p>"
    return f"<div><table>{title}<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>{more}{size}</div>"


def _html_cell(value: Any) -> str:
    from .store.values import IRI

    if value is None:
        return ""
    if isinstance(value, IRI):
        return f'<a href="{html.escape(value)}">{html.escape(value)}</a>'
    if isinstance(value, (list, tuple)):
        return "; ".join(_html_cell(v) for v in value)
    return html.escape(str(value))
