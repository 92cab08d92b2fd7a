"""How a build was made: the tool and its version, the model, the corpus files with their SHA-256, and when.

A build records it in its folder (``build.json``, key ``provenance``); the published dataset record
states it in PROV (:mod:`cthbgraph.lod.catalog`). It stays out of the graph itself, whose bytes
depend only on the corpus: a time in it would make every build differ.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass, replace
from datetime import datetime, timezone
from importlib.metadata import PackageNotFoundError, version

from .records import Report

TOOL = "cthbgraph"


def tool_version() -> str:
    """The installed version of cthbgraph ("0" when it runs from a checkout that is not installed)."""
    try:
        return version(TOOL)
    except PackageNotFoundError:
        return "0"


def now() -> str:
    """The current UTC time as ``xsd:dateTime`` text, to the second."""
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat().replace("+00:00", "Z")


@dataclass(frozen=True)
class SourceFile:
    """One corpus file a build read: its report id, file name, SHA-256 (hex) and report year."""

    id: str
    file: str
    sha256: str
    year: int | None = None


@dataclass(frozen=True)
class BuildProvenance:
    """What made a build: the tool (name, version), the spaCy model, the files read, start and end (UTC)."""

    tool: str
    version: str
    model: str
    started: str
    ended: str
    sources: tuple[SourceFile, ...]

    @classmethod
    def start(cls, reports: Iterable[Report], model: str) -> BuildProvenance:
        """The provenance of a build that starts now from ``reports`` with ``model``."""
        sources = tuple(SourceFile(r.id, r.path.name, r.sha256, r.year) for r in sorted(reports, key=lambda r: r.id))
        return cls(TOOL, tool_version(), model, now(), "", sources)

    def finish(self) -> BuildProvenance:
        """The same provenance, ended now."""
        return replace(self, ended=now())

    def as_json(self) -> dict:
        return asdict(self)

    @classmethod
    def from_json(cls, data: object) -> BuildProvenance | None:
        """The provenance a build recorded, or None when it recorded none (a build of an older version)."""
        if not isinstance(data, dict):
            return None
        try:
            sources = tuple(SourceFile(**s) for s in data["sources"])
            return cls(data["tool"], data["version"], data["model"], data["started"], data["ended"], sources)
        except (KeyError, TypeError):
            return None
