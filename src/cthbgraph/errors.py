"""Errors a user can act on.

Every error the library raises on purpose is a :class:`CthbError`: ``str(error)`` is the one-line
message (what went wrong), ``error.hint`` says what to do about it, and ``error.exit_code`` is what
the command line exits with. The CLI prints ``render()``; a notebook user sees the message and can
read the hint.

Exit codes: 1 validation failed or other error · 2 bad input (corpus, query, unknown term) ·
3 SPARQL endpoint unreachable or refusing · 4 output cannot be written · 5 (build only) built, but
some corpus files were skipped.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable


class CthbError(Exception):
    """Base of all cthbgraph errors: a message, a separate hint and an exit code."""

    exit_code: int = 1

    def __init__(self, message: str, hint: str = "", *, exit_code: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint
        if exit_code is not None:
            self.exit_code = exit_code

    def __str__(self) -> str:
        return self.message

    def render(self) -> str:
        """The message and, on a second line, the hint (as the CLI prints them)."""
        return f"{self.message}\nhint: {self.hint}" if self.hint else self.message


class CorpusError(CthbError):
    """The corpus folder or its manifest cannot be used."""

    exit_code = 2


class ExtractionError(CthbError):
    """A stage of extraction failed (e.g. the spaCy pipeline cannot be built)."""

    exit_code = 1


class QueryError(CthbError):
    """A query is malformed or asks for something that does not exist."""

    exit_code = 2


class UnknownTermError(CthbError):
    """A name the user typed (provision, body, decision, ...) is not known.

    ``choices`` are the known names; ``closest`` the few nearest to ``term``. If no hint is given,
    the hint suggests the closest names.
    """

    exit_code = 2

    def __init__(
        self,
        message: str,
        hint: str = "",
        *,
        term: str = "",
        choices: Iterable[str] = (),
        exit_code: int | None = None,
    ) -> None:
        self.term = term
        self.choices: tuple[str, ...] = tuple(sorted(set(choices)))
        self.closest: tuple[str, ...] = tuple(
            difflib.get_close_matches(term, self.choices, n=5, cutoff=0.5) if term else ()
        )
        if not hint and self.closest:
            hint = "did you mean " + ", ".join(self.closest) + "?"
        super().__init__(message, hint, exit_code=exit_code)


class EndpointError(CthbError):
    """A SPARQL endpoint cannot be reached or refuses the request."""

    exit_code = 3


class OutputError(CthbError):
    """An output file or folder cannot be written."""

    exit_code = 4


class ValidationFailed(CthbError):
    """The graph does not conform to the SHACL shapes."""

    exit_code = 1


class StoreError(CthbError):
    """The graph store is missing or cannot be opened."""

    exit_code = 2
