"""What a terminal shows: tables that fit its width, and a spinner while a command waits.

A table wider than the terminal first narrows its widest columns and wraps their cells (up to
:data:`MAX_LINES` lines, the rest cut with "…"); a matrix with more columns than can fit at any
width is shown in blocks of columns, each repeating the first column, as pandas prints a wide
DataFrame. The width is the terminal's (or ``COLUMNS``), 100 when there is no terminal.
"""

from __future__ import annotations

import itertools
import shutil
import sys
import textwrap
import threading
import time
from collections.abc import Sequence
from typing import TextIO

#: Lines a wrapped cell may take; longer text ends in "…".
MAX_LINES = 4
#: Narrowest a column is made before the table is split into blocks of columns.
MIN_WIDTH = 8
_GAP = "  "


def terminal_width() -> int:
    """Columns of the terminal on standard output (``COLUMNS`` if set), else 100."""
    return shutil.get_terminal_size((100, 24)).columns


def table(columns: Sequence[str], rows: Sequence[Sequence[str]], *, cell_width: int = 60, width: int | None = None) -> str:
    """Text cells as an aligned table at most ``width`` characters wide (the terminal's by default).

    cell_width (int): widest a column is made even when the terminal has room.
    """
    width = width or terminal_width()
    natural = [min(max([len(c), *(len(r[i]) for r in rows)]), cell_width) for i, c in enumerate(columns)]
    # Narrowest a column gets: its heading's longest word, so headings never break inside a word.
    floors = [min(n, max(MIN_WIDTH, *(len(w) for w in c.split()))) for n, c in zip(natural, columns)]
    blocks = _blocks(floors, width)
    out: list[str] = []
    for block in blocks:
        if out:
            out.append("")
        if len(blocks) > 1:
            out.append(f"(columns {block[1] + 1}–{block[-1] + 1} of {len(columns)})")
        widths = _fit([natural[i] for i in block], [floors[i] for i in block], width)
        out += _lines([columns[i] for i in block], [[r[i] for i in block] for r in rows], widths)
    return "\n".join(out) + "\n"


def _blocks(narrow: list[int], width: int) -> list[list[int]]:
    """Column indices per block: all in one if they fit at their narrowest, else the first column
    and as many others as fit, block after block."""
    if sum(narrow) + len(_GAP) * (len(narrow) - 1) <= width or len(narrow) < 2:
        return [list(range(len(narrow)))]
    blocks, current, used = [], [0], narrow[0]
    for i in range(1, len(narrow)):
        if len(current) > 1 and used + len(_GAP) + narrow[i] > width:
            blocks.append(current)
            current, used = [0], narrow[0]
        current.append(i)
        used += len(_GAP) + narrow[i]
    return [*blocks, current]


def _fit(widths: list[int], floors: list[int], width: int) -> list[int]:
    """Narrow the widest columns, one character at a time, until the table fits (or none can narrow)."""
    widths = list(widths)
    while sum(widths) + len(_GAP) * (len(widths) - 1) > width:
        narrowable = [i for i in range(len(widths)) if widths[i] > floors[i]]
        if not narrowable:
            break
        widths[max(narrowable, key=lambda i: widths[i])] -= 1
    return widths


def _wrap(text: str, width: int) -> list[str]:
    if len(text) <= width:
        return [text]
    lines = textwrap.wrap(text, width, break_long_words=True, break_on_hyphens=True) or [""]
    if len(lines) > MAX_LINES:
        lines = lines[:MAX_LINES]
        lines[-1] = lines[-1][: width - 1] + "…"
    return lines


def _lines(columns: Sequence[str], rows: Sequence[Sequence[str]], widths: list[int]) -> list[str]:
    out = _row(columns, widths)
    out.append(_GAP.join("-" * w for w in widths))
    for row in rows:
        out += _row(row, widths)
    return out


def _row(cells: Sequence[str], widths: list[int]) -> list[str]:
    wrapped = [_wrap(c, w) for c, w in zip(cells, widths)]
    return [
        _GAP.join(part.ljust(w) for part, w in zip(parts, widths)).rstrip()
        for parts in itertools.zip_longest(*wrapped, fillvalue="")
    ]


class Spinner:
    """A spinner with the seconds waited, on standard error while a slow step runs.

    Silent when standard error is not a terminal or when ``quiet``; it shows only once the step has
    taken ``delay`` seconds, so quick steps print nothing.

    >>> with Spinner("Validating the graph"):       # doctest: +SKIP
    ...     report = validate(graph)
    """

    FRAMES = "⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏"

    def __init__(self, label: str, *, quiet: bool = False, stream: TextIO | None = None, delay: float = 0.5):
        self.label = label
        self.stream = stream or sys.stderr
        self.active = not quiet and self.stream.isatty()
        self.delay = delay
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._spin, daemon=True)

    def __enter__(self) -> Spinner:
        if self.active:
            self._started = time.monotonic()
            self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        if self.active:
            self._stop.set()
            self._thread.join()

    def _spin(self) -> None:
        shown = False
        for frame in itertools.cycle(self.FRAMES):
            if self._stop.wait(0.1):
                break
            waited = time.monotonic() - self._started
            if waited >= self.delay:
                self.stream.write(f"\r{frame} {self.label} … {waited:.0f} s")
                self.stream.flush()
                shown = True
        if shown:  # clear the line for what comes next
            self.stream.write("\r\x1b[2K")
            self.stream.flush()
