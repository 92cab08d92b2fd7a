"""Which links of activities to provisions an analysis counts: stated only, or inferred ones too.

A report states a link by citing a provision or placing an activity under it (``cthb:implements``);
:mod:`cthbgraph.linking` infers the others from content (``cthb:mayImplement``, with a score). Every
analysis (trace, gaps, coverage, compare) takes a :class:`LinkFilter` and binds it to the
parameters ``basisFilter`` and ``minScore`` of its library queries.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..errors import QueryError

BASES = ("stated", "all")


@dataclass(frozen=True)
class LinkFilter:
    """basis (str): "stated" (only what the reports state) or "all" (inferred links too).
    min_score (float): the lowest score of an inferred link to count, 0-1."""

    basis: str = "all"
    min_score: float = 0.0

    def __post_init__(self) -> None:
        if self.basis not in BASES:
            raise QueryError(f"no link basis {self.basis!r}", hint="use 'stated' (what the reports state) or 'all' (inferred links too)")
        if not 0.0 <= self.min_score <= 1.0:
            raise QueryError(f"a minimum score of {self.min_score} is outside 0-1", hint="e.g. --min-score 0.1")

    def values(self) -> dict[str, str]:
        """The parameters of the library queries that honour it."""
        return {"basisFilter": self.basis, "minScore": f"{self.min_score:.2f}"}


STATED = LinkFilter("stated")
ALL = LinkFilter()


def check_confidence(min_confidence: float) -> float:
    """``min_confidence`` as a float from 0 to 1, or a QueryError (exit code 2) that says so."""
    try:
        value = float(min_confidence)
    except (TypeError, ValueError):
        value = float("nan")
    if not 0.0 <= value <= 1.0:  # also refuses NaN
        raise QueryError(
            f"a minimum confidence of {min_confidence!r} is outside 0-1",
            hint="e.g. --min-confidence 0.8 (0.95 is a listed body name, 0.6 a partner only the entity recogniser found)",
        )
    return value


def confidence_values(min_confidence: float = 0.0) -> dict[str, str]:
    """The parameter ``minConfidence`` of the library queries that drop activities and bodies whose
    ``cthb:confidence`` is below it."""
    # Four places, trailing zeros cut: "0.95", "1", "0"; never an exponent, which xsd:decimal refuses.
    return {"minConfidence": f"{check_confidence(min_confidence):.4f}".rstrip("0").rstrip(".")}


def no_provisions() -> QueryError:
    """What gaps, coverage, compare and trace say of a graph that quotes no Action Plan provision."""
    return QueryError(
        "the graph has no Action Plan provisions, so there is nothing to trace or to judge",
        hint="build it from a corpus with a report that quotes the numbered provisions (e.g. the 2006 report of corpus/)",
    )


def link_label(basis: str | None, score: object) -> str:
    """ "stated" for a link the report states, "inferred 0.71" for one inferred by content."""
    if basis == "inferred":
        return f"inferred {float(score):.2f}" if score is not None else "inferred"
    return "stated"
