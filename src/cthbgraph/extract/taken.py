"""The character spans of a text already taken by a mention (OSCE bodies, document references),
searched by position.

The partner reader asks of every candidate name which taken spans it meets. A long report has about
a thousand taken spans and a few thousand candidates: scanning them all for each candidate cost more
than reading the candidates. Sorted by start, with the furthest end reached so far, the spans that
matter are found by bisection.

>>> taken = Taken([(30, 40), (0, 10)])
>>> taken.overlaps(8, 12), taken.overlaps(10, 30)
(True, False)
>>> taken.around(12, 35)
((30, 40),)
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Iterable


class Taken(tuple):
    """``(start, end)`` spans, sorted: a tuple, so that the index built beside it cannot go stale."""

    def __new__(cls, spans: Iterable[tuple[int, int]] = ()) -> Taken:
        self = super().__new__(cls, sorted(spans))
        self._starts = [s for s, _ in self]
        # The furthest end of the spans up to each one: never falls, so it can be bisected too.
        self._reach = list(itertools.accumulate((e for _, e in self), max))
        return self

    def overlaps(self, start: int, end: int) -> bool:
        """Whether a span shares a character with ``start..end`` (``s < end and start < e``)."""
        before_end = bisect.bisect_left(self._starts, end)
        return before_end > 0 and self._reach[before_end - 1] > start

    def around(self, start: int, end: int) -> tuple[tuple[int, int], ...]:
        """A run of the spans, in order, that holds every span meeting ``start..end``: the spans before
        it end by ``start``, those after it begin at ``end`` or later."""
        return tuple(self[bisect.bisect_right(self._reach, start) : bisect.bisect_left(self._starts, end)])
