"""The output folder of a build: where each file is, one build at a time, and the switch to a new one.

Layout of a build folder ``OUT``::

    OUT/cthb.ttl   -> current/cthb.ttl        fixed links, made once
    OUT/cthb.nt    -> current/cthb.nt
    OUT/cthb.nq    -> current/cthb.nq     every report's triples in its named graph (N-Quads)
    OUT/cthb.trig  -> current/cthb.trig   the same named graphs in TriG
    OUT/store      -> current/store
    OUT/current    -> .builds/<digest>        switched by one rename at the end of a build
    OUT/.builds/<digest>/{cthb.ttl, cthb.nt, cthb.nq, cthb.trig, store/, build.json}
    OUT/.builds/.tmp-*                        the build being written (staging)
    OUT/.builds/<digest>/checksums.json       size and SHA-256 of every file, written last
    OUT/.builds/.tmp-*                        the build being written (staging)
    OUT/.builds/.old-*                        a build being removed
    OUT/.cache/    parses and records of earlier builds (see cthbgraph.cache)
    OUT/.lock      held by the build that is writing
    OUT/.cthbgraph-build                      marks the folder as a build's own

A build writes everything into a staging folder under ``.builds``, its manifest of checksums last
(:mod:`cthbgraph.checksums`), and renames it to ``.builds/<digest>`` only when it is complete; the
one ``current`` rename then switches Turtle, N-Triples and store together. A build killed at any
moment therefore leaves the previous graph and store as they were; a reader that opened the store
keeps reading the build it opened (the previous build folder is kept for it). A build folder counts
as complete only when its manifest matches its files; one that does not is removed and built again.
Every reader of a build (queries, exports, the site, the server, publishing) finds its files
through :class:`BuildFolder`.

What a build may remove: only what is under ``.builds`` and the leftovers of its own links, in a
folder it owns (:mod:`cthbgraph.owned`: ``OUT/.cthbgraph-build``). Leftovers of killed builds
(staging folders, ``.current-<pid>`` links) are removed by the next build, under its lock. A build
folder is removed by renaming it to ``.builds/.old-*`` first, so that a build killed while removing
it never leaves a half folder under a build's name.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from . import checksums, owned
from .crashpoints import crashpoint
from .errors import OutputError
from .fsio import atomic_write, new_folder, replace_link

TURTLE = "cthb.ttl"
NTRIPLES = "cthb.nt"
NQUADS = "cthb.nq"
TRIG = "cthb.trig"
STORE = "store"
STATE = "build.json"
CURRENT = "current"
BUILDS = ".builds"
CACHE = ".cache"
LOCK = ".lock"
#: What a build makes, by name: in each build folder under .builds, and as links in OUT.
OUTPUTS = (TURTLE, NTRIPLES, NQUADS, TRIG, STORE)
_STAGING = ".tmp-"
_OLD = ".old-"


@dataclass(frozen=True)
class BuildFiles:
    """The files of one build in ``path``: Turtle, N-Triples, the Oxigraph store, the build's record."""

    path: Path

    @property
    def turtle(self) -> Path:
        return self.path / TURTLE

    @property
    def ntriples(self) -> Path:
        return self.path / NTRIPLES

    @property
    def nquads(self) -> Path:
        return self.path / NQUADS

    @property
    def trig(self) -> Path:
        return self.path / TRIG

    @property
    def store(self) -> Path:
        return self.path / STORE

    @property
    def state(self) -> Path:
        return self.path / STATE


class BuildFolder(BuildFiles):
    """A build folder (``cthbgraph build --graph-dir``): readers take its files, a build writes it.

    >>> folder = BuildFolder("out")                          # doctest: +SKIP
    >>> folder.graph_file()                                   # out/cthb.nt  # doctest: +SKIP
    >>> with folder.lock(), folder.staging() as staging:     # doctest: +SKIP
    ...     write(staging.ntriples, ...)
    ...     folder.commit(staging, digest, record)
    """

    def __init__(self, path: Path | str = "out"):
        super().__init__(Path(path))

    # ---------------------------------------------------------------------------------- reading

    @property
    def cache(self) -> Path:
        """The default cache folder of the builds into this folder."""
        return self.path / CACHE

    @property
    def current(self) -> BuildFiles:
        """The files of the current build (through the ``current`` link)."""
        return BuildFiles(self.path / CURRENT)

    def graph_file(self) -> Path | None:
        """The built graph as one file: ``cthb.nt``, else ``cthb.ttl``; None when there is neither."""
        return next((path for path in (self.ntriples, self.turtle) if path.is_file()), None)

    def is_complete(self) -> bool:
        """Every output of the current build is there, each file as its manifest records it."""
        return all((self.path / name).exists() for name in OUTPUTS) and checksums.is_complete(self.current.path)

    def record(self) -> dict | None:
        """What the current build recorded of itself (``build.json``), or None."""
        try:
            return json.loads(self.current.state.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None

    # ---------------------------------------------------------------------------------- writing

    @contextlib.contextmanager
    def lock(self) -> Iterator[None]:
        """One build at a time per folder. The lock goes with the process, so a killed build frees it;
        what a killed build left is removed as soon as the lock is taken.

        The folder must be a build's own, or new or empty (:func:`cthbgraph.owned.claim`).
        RAISES OutputError: the folder is not ours, cannot be written, or another build holds the lock.
        """
        owned.claim(self.path)
        try:
            handle = open(self.path / LOCK, "a")  # noqa: SIM115  held open for the whole block
        except OSError as exc:
            raise self._unwritable(exc) from exc
        with handle:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:
                raise OutputError(
                    f"another build is writing to {self.path}",
                    hint="wait for it to finish, or build into another --graph-dir folder",
                ) from None
            crashpoint("lock-taken")
            try:
                self._remove_leftovers(self.path / BUILDS)
            except OSError as exc:
                raise self._unwritable(exc) from exc
            yield

    @contextlib.contextmanager
    def staging(self) -> Iterator[BuildFiles]:
        """A new, empty folder for a build to write into (hold the :meth:`lock`); removed afterwards.

        An :class:`OSError` inside the block becomes an :class:`OutputError`; the folder is removed
        whatever happens, unless :meth:`commit` moved it.
        """
        builds = self.path / BUILDS
        try:
            builds.mkdir(exist_ok=True)
            staging = new_folder(builds, _STAGING)
        except OSError as exc:
            raise self._unwritable(exc) from exc
        crashpoint("staging-made")
        try:
            yield BuildFiles(staging)
        except OSError as exc:
            raise OutputError(
                f"cannot write the build to {self.path}: {exc}", hint="check free space and permissions"
            ) from exc
        finally:
            shutil.rmtree(staging, ignore_errors=True)

    def commit(self, staging: BuildFiles, digest: str, record: dict) -> Path:
        """Move a complete build into place as ``.builds/<digest>-<inputs>`` and switch ``current`` to it.

        The record is written, then the manifest of checksums, last; a folder of that name that is
        already complete (the same graph of the same inputs) is kept as it is, one that is not is
        removed first.
        record (dict): what the build records of itself (``build.json``; see :meth:`record`).
        RETURNS (Path): the build's folder.
        """
        builds = self.path / BUILDS
        target = builds / f"{digest}-{str(record.get('fingerprint', ''))[:8]}".rstrip("-")
        previous = self._current_name()
        try:
            atomic_write(staging.state, json.dumps(record, ensure_ascii=False).encode("utf-8"))
            crashpoint("record-written")
            checksums.write_manifest(staging.path)
            crashpoint("manifest-written")
            if target.exists() and not checksums.is_complete(target):
                _remove_build(target)
            if not target.exists():
                os.replace(staging.path, target)
                crashpoint("build-in-place")
            replace_link(self.path / CURRENT, f"{BUILDS}/{target.name}")
            crashpoint("current-switched")
            for name in OUTPUTS:
                self._ensure_link(self.path / name, f"{CURRENT}/{name}")
            self._remove_old_builds(keep={target.name, previous})
        except OSError as exc:
            raise OutputError(
                f"cannot write the build to {self.path}: {exc}", hint="check free space and permissions"
            ) from exc
        return target

    def _unwritable(self, exc: OSError) -> OutputError:
        return OutputError(f"cannot write to {self.path}: {exc.strerror}", hint="choose another --graph-dir folder")

    def _current_name(self) -> str:
        try:
            return Path(os.readlink(self.path / CURRENT)).name
        except OSError:
            return ""

    @staticmethod
    def _ensure_link(path: Path, target: str) -> None:
        """``path`` becomes a link to ``target`` (once; later builds only switch ``current``).

        Only a link is ever replaced (:func:`cthbgraph.owned.claim` refused the folder otherwise)."""
        if path.is_symlink() and os.readlink(path) == target:
            return
        if path.exists() and not path.is_symlink():
            raise FileExistsError(17, "not a link made by cthbgraph build", str(path))
        replace_link(path, target)
        crashpoint("link-made")

    def _remove_leftovers(self, builds: Path) -> None:
        """What killed builds left: their staging folders, build folders being removed, build folders
        without their manifest (never complete), and temporary links. The folder lock says no other
        build is writing now; the current build is never touched here."""
        for link in self.path.iterdir():
            if owned.LEFTOVER_LINK.fullmatch(link.name) and link.is_symlink():
                link.unlink()
                crashpoint("cleanup-link")
        current = self._current_name()
        for stale in sorted(builds.iterdir()) if builds.is_dir() else ():
            if stale.name.startswith((_STAGING, _OLD)):
                _remove_tree(stale, "cleanup-folder")
            elif stale.is_dir() and not stale.is_symlink() and stale.name != current and not (stale / checksums.MANIFEST).is_file():
                _remove_build(stale)

    def _remove_old_builds(self, keep: set[str]) -> None:
        """Every build folder but the current one and the one before it (a reader may still be using it)."""
        for old in sorted((self.path / BUILDS).iterdir()):
            if old.is_dir() and not old.is_symlink() and not old.name.startswith(".") and old.name not in keep:
                _remove_build(old)
        crashpoint("old-builds-removed")


def _remove_build(folder: Path) -> None:
    """Remove a build folder: renamed to ``.old-*`` first, so that a removal cut short never leaves a
    half folder under a build's name (the next build removes the rest)."""
    aside = folder.with_name(f"{_OLD}{folder.name}-{os.getpid()}")
    os.replace(folder, aside)
    crashpoint("old-build-aside")
    _remove_tree(aside, "old-build-removing")


def _remove_tree(folder: Path, point: str) -> None:
    """``shutil.rmtree``, with a crash point after the first file removed (a removal cut short)."""
    first = next((Path(root, names[0]) for root, _, names in os.walk(folder) if names), None)
    if first is not None:
        first.unlink(missing_ok=True)
        crashpoint(point)
    shutil.rmtree(folder, ignore_errors=True)
