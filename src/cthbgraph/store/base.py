"""What every store answers: SELECT and ASK with bound values, as :class:`Rows` of Python values."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, overload

from rdflib.term import Node


@dataclass(frozen=True, repr=False)
class Rows(Sequence):
    """A SELECT result: column names and rows of Python values.

    Numbers are ``int``, ``float`` or ``Decimal``, dates ``datetime.date``, IRIs
    :class:`~cthbgraph.store.values.IRI` (a ``str``), text ``str``, and a variable left unbound
    ``None`` (see :mod:`cthbgraph.store.values`). As with sqlite-utils, iterating gives one
    ``dict`` per row and ``rows[0]`` is the first of them; ``rows[2:5]`` is a ``Rows`` again.

    >>> rows = Rows(("body", "activities"), (("ODIHR", 12), ("SPMU", None)))
    >>> [r["body"] for r in rows], rows[1]["activities"], len(rows)
    (['ODIHR', 'SPMU'], None, 2)
    """

    columns: tuple[str, ...]
    rows: tuple[tuple[Any, ...], ...]

    def dicts(self) -> list[dict[str, Any]]:
        """Every row as a ``dict`` of column -> value."""
        return list(self)

    def __len__(self) -> int:
        return len(self.rows)

    def __iter__(self) -> Iterator[dict[str, Any]]:
        for row in self.rows:
            yield dict(zip(self.columns, row))

    @overload
    def __getitem__(self, index: int) -> dict[str, Any]: ...
    @overload
    def __getitem__(self, index: slice) -> Rows: ...
    def __getitem__(self, index):
        if isinstance(index, slice):
            return Rows(self.columns, self.rows[index])
        return dict(zip(self.columns, self.rows[index]))

    def column(self, name: str) -> list[Any]:
        """The values of one column, in row order."""
        i = self.columns.index(name)
        return [row[i] for row in self.rows]

    def to_pandas(self):
        """The rows as a ``pandas.DataFrame`` (needs pandas: ``pip install 'cthbgraph[pandas]'``).

        Whole-number columns become ``Int64`` (``<NA>`` where unbound), dates ``datetime64``,
        decimals ``float64``; IRIs and text stay strings.
        """
        from ..notebook import dataframe

        return dataframe(self.columns, self.rows)

    def _repr_html_(self) -> str:
        from ..notebook import html_table

        return html_table(self.columns, self.rows)

    def __repr__(self) -> str:
        return f"Rows(columns={self.columns!r}, {len(self.rows)} rows)"

    def __str__(self) -> str:
        from ..output import render

        return render(self.columns, self.rows)


class Store:
    """The interface of every store: SELECT (and ASK) with bound values."""

    def select(self, sparql: str, bindings: Mapping[str, Node] | None = None) -> Rows:
        raise NotImplementedError

    def ask(self, sparql: str, bindings: Mapping[str, Node] | None = None) -> bool:
        raise NotImplementedError

    def close(self) -> None:
        pass

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
