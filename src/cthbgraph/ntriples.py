"""Sorted, de-duplicated N-Triples of a graph made in parts, in memory bounded by the parts.

The graph of a corpus is made a report at a time (:func:`cthbgraph.graph.report_graph`). The
lines of the parts are gathered until :data:`RUN_BYTES`, then sorted and written to a *run* file;
the runs are merged into one file. Sorted lines make the dump byte-identical for the same triples
whatever the order the parts came in, and merging drops the lines that several parts share (a
body described by every report that names it).

The same parts as N-Quads (:func:`as_quads`: each line in the named graph of its report) keep what
each report says apart; they go through their own runs (nothing is dropped there but a line a
report repeats).
"""

from __future__ import annotations

import hashlib
import heapq
from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import ExitStack, suppress
from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph

#: Bytes of lines held before they are sorted into a run file (about three times this in memory).
RUN_BYTES = 32 * 2**20
_TYPE = b"<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"


def ntriples_lines(graph: Graph) -> set[bytes]:
    """The graph's triples as N-Triples lines, each ending in a line break (ground triples only, so
    equal triples give equal lines)."""
    return {line + b"\n" for line in graph.serialize(format="nt", encoding="utf-8").splitlines() if line.strip()}


def as_quads(lines: Iterable[bytes], graph: str) -> Iterator[bytes]:
    """N-Triples lines (``s p o .``) as N-Quads lines in the named graph ``graph`` (an IRI)."""
    name = b" <" + graph.encode() + b"> .\n"
    for line in lines:
        if not line.endswith(b" .\n"):
            raise ValueError(f"not an N-Triples line: {line[:200]!r}")
        yield line[:-3] + name


def sorted_ntriples(graph: Graph) -> bytes:
    """N-Triples of ``graph`` with lines sorted: byte-identical for the same triples."""
    return b"".join(sorted(ntriples_lines(graph)))


@dataclass(frozen=True)
class Merged:
    """What :meth:`SortedRuns.merge` wrote."""

    path: Path
    triples: int
    sha256: str
    #: subjects typed with each class (by IRI); a subject with two types counts for both
    typed: Counter


class SortedRuns:
    """Lines of N-Triples gathered part by part into sorted run files under ``folder``, merged at the end.

    >>> runs = SortedRuns(Path(tmp))                              # doctest: +SKIP
    >>> for graph in parts: runs.add(ntriples_lines(graph))      # doctest: +SKIP
    >>> merged = runs.merge(Path(tmp) / "graph.nt")               # doctest: +SKIP
    """

    def __init__(self, folder: Path, run_bytes: int = RUN_BYTES):
        self.folder = folder
        self.run_bytes = run_bytes
        self.runs: list[Path] = []
        self._lines: set[bytes] = set()
        self._size = 0
        folder.mkdir(parents=True, exist_ok=True)

    def add(self, lines: Iterable[bytes]) -> None:
        """Lines of one part, each ending in a line break."""
        for line in lines:
            if line not in self._lines:
                self._lines.add(line)
                self._size += len(line)
        if self._size >= self.run_bytes:
            self._flush()

    def _flush(self) -> None:
        path = self.folder / f"run-{len(self.runs):05d}.nt"
        with open(path, "wb") as handle:
            handle.writelines(sorted(self._lines))
        self.runs.append(path)
        self._lines = set()
        self._size = 0

    def merge(self, target: Path) -> Merged:
        """Merge the runs into ``target``, one line per distinct triple, and remove the runs and their folder."""
        if self._lines or not self.runs:
            self._flush()
        digest = hashlib.sha256()
        typed: Counter = Counter()
        triples = 0
        previous = b""
        with ExitStack() as stack, open(target, "wb") as out:
            runs = [stack.enter_context(open(path, "rb")) for path in self.runs]
            for line in heapq.merge(*runs):
                if line == previous:
                    continue
                previous = line
                out.write(line)
                digest.update(line)
                triples += 1
                # IRIs and blank node labels hold no space, so the predicate is the second field.
                _, predicate, rest = line.split(b" ", 2)
                if predicate == _TYPE and rest.startswith(b"<"):
                    typed[rest[1 : rest.index(b">")].decode()] += 1
        for path in self.runs:
            path.unlink()
        self.runs = []
        with suppress(OSError):  # the folder, unless it holds something else
            self.folder.rmdir()
        return Merged(target, triples, digest.hexdigest(), typed)
