"""What every store answers: SELECT and ASK with bound values, as plain :class:`Rows`."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from rdflib.term import Node


@dataclass(frozen=True)
class Rows:
    """A SELECT result: column names and rows of plain values (IRIs as strings, literals as text)."""

    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]

    def dicts(self) -> list[dict[str, str]]:
        return [dict(zip(self.columns, row)) for row in self.rows]

    def __len__(self) -> int:
        return len(self.rows)


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
