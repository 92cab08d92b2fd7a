"""The output folder of a build: where each file is, one build at a time, and the switch to a new one.

Layout of a build folder ``OUT``::

    OUT/cthb.ttl   -> current/cthb.ttl        fixed links, made once
    OUT/cthb.nt    -> current/cthb.nt
    OUT/store      -> current/store
    OUT/current    -> .builds/<digest>        switched by one rename at the end of a build
    OUT/.builds/<digest>/{cthb.ttl, cthb.nt, store/, build.json}
    OUT/.builds/.tmp-*                        the build being written (staging)
    OUT/.cache/    parses and records of earlier builds (see cthbgraph.cache)
    OUT/.lock      held by the build that is writing

A build writes everything into a staging folder under ``.builds`` and renames it to
``.builds/<digest>`` only when it is complete; the one ``current`` rename then switches Turtle,
N-Triples and store together. A build killed at any moment therefore leaves the previous graph
and store as they were; a reader that opened the store keeps reading the build it opened (the
previous build folder is kept for it). Every reader of a build (queries, exports, the site, the
server, publishing) finds its files through :class:`BuildFolder`.
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

from .errors import OutputError
from .fsio import new_folder, replace_link

TURTLE = "cthb.ttl"
NTRIPLES = "cthb.nt"
STORE = "store"
STATE = "build.json"
CURRENT = "current"
BUILDS = ".builds"
CACHE = ".cache"
LOCK = ".lock"
#: What a build makes, by name: in each build folder under .builds, and as links in OUT.
OUTPUTS = (TURTLE, NTRIPLES, STORE)
_STAGING = ".tmp-"


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
        """Every output of the current build is there."""
        return all((self.path / name).exists() for name in OUTPUTS)

    def record(self) -> dict | None:
        """What the current build recorded of itself (``build.json``), or None."""
        try:
            return json.loads(self.current.state.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None

    # ---------------------------------------------------------------------------------- writing

    @contextlib.contextmanager
    def lock(self) -> Iterator[None]:
        """One build at a time per folder. The lock goes with the process, so a killed build frees it.

        RAISES OutputError: the folder cannot be written, or another build holds the lock.
        """
        try:
            self.path.mkdir(parents=True, exist_ok=True)
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
            yield

    @contextlib.contextmanager
    def staging(self) -> Iterator[BuildFiles]:
        """A new, empty folder for a build to write into (hold the :meth:`lock`); removed afterwards.

        Leftovers of killed builds are removed first. An :class:`OSError` inside the block becomes an
        :class:`OutputError`; the folder is removed whatever happens, unless :meth:`commit` moved it.
        """
        builds = self.path / BUILDS
        try:
            builds.mkdir(exist_ok=True)
            self._remove_leftovers(builds)
            staging = new_folder(builds, _STAGING)
        except OSError as exc:
            raise self._unwritable(exc) from exc
        try:
            yield BuildFiles(staging)
        except OSError as exc:
            raise OutputError(
                f"cannot write the build to {self.path}: {exc}", hint="check free space and permissions"
            ) from exc
        finally:
            shutil.rmtree(staging, ignore_errors=True)

    def commit(self, staging: BuildFiles, digest: str, record: dict) -> Path:
        """Move a complete build into place as ``.builds/<digest>`` and switch ``current`` to it.

        record (dict): what the build records of itself (``build.json``; see :meth:`record`).
        RETURNS (Path): the build's folder.
        """
        builds = self.path / BUILDS
        target = builds / digest
        previous = self._current_name()
        try:
            with open(staging.state, "w", encoding="utf-8") as handle:
                json.dump(record, handle, ensure_ascii=False)
            if target.exists():
                # The same graph was built before, and that folder is complete (it was renamed into
                # place whole): only its record changes.
                os.replace(staging.state, BuildFiles(target).state)
            else:
                os.replace(staging.path, target)
            replace_link(self.path / CURRENT, f"{BUILDS}/{digest}")
            for name in OUTPUTS:
                self._ensure_link(self.path / name, f"{CURRENT}/{name}")
            self._remove_old_builds(keep={digest, previous})
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
        """``path`` becomes a link to ``target`` (once; later builds only switch ``current``)."""
        if path.is_symlink() and os.readlink(path) == target:
            return
        if path.is_dir() and not path.is_symlink():
            # A store folder from before links were used: renamed aside first, so the name is never empty.
            aside = path.with_name(f".{path.name}-old-{os.getpid()}")
            os.replace(path, aside)
            replace_link(path, target)
            shutil.rmtree(aside, ignore_errors=True)
            return
        replace_link(path, target)

    @staticmethod
    def _remove_leftovers(builds: Path) -> None:
        # Left by killed builds; the folder lock says no other build is writing now.
        for stale in (*builds.glob(f"{_STAGING}*"), *builds.glob(".old-*")):
            shutil.rmtree(stale, ignore_errors=True)

    def _remove_old_builds(self, keep: set[str]) -> None:
        """Every build folder but the current one and the one before it (a reader may still be using
        it), and the ``store-*`` folders of the earlier layout."""
        for old in (self.path / BUILDS).iterdir():
            if old.is_dir() and not old.name.startswith(".") and old.name not in keep:
                shutil.rmtree(old, ignore_errors=True)
        for old in self.path.glob(f"{STORE}-*"):
            if old.is_dir() and not old.is_symlink():
                shutil.rmtree(old, ignore_errors=True)
