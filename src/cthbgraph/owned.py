"""Which folders a build may write into: only its own, so that nothing a user keeps there is lost.

A build folder is marked as ours by a file, ``.cthbgraph-build``, that the first build writes into a
new or empty folder. Any other non-empty folder is refused (exit 4), whatever it holds: a build
replaces ``cthb.ttl``, ``cthb.nt``, ``cthb.nq``, ``cthb.trig``, ``store`` and ``current`` by links, and would take the user's
files of those names with it. ``/`` and the home folder are refused even when empty. A folder that an
earlier version built (it has no marker) is adopted only when everything in it is what that version
made: ``.builds/``, ``.cache/``, ``.lock``, and the links ``current -> .builds/<build>`` (holding a
``build.json``), ``cthb.ttl -> current/cthb.ttl`` and so on.

In a folder of ours the build removes only what is inside ``.builds/`` and its own links' leftovers
(``.current-<pid>`` ...); the cache is only ever added to. ``cthbgraph site`` and ``export`` refuse
foreign folders the same way (:mod:`cthbgraph.lod.sitewrite`, :mod:`cthbgraph.exports`).
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

from .errors import OutputError
from .fsio import atomic_write

MARKER = ".cthbgraph-build"
_MARKER_TEXT = (
    "This folder is written by `cthbgraph build`: it replaces cthb.ttl, cthb.nt, cthb.nq, cthb.trig, store\n"
    "and current here, and removes old builds under .builds/. Keep your own files elsewhere.\n"
)
#: The links a build makes in its folder, and where each points.
LINKS = {
    "current": None,
    "cthb.ttl": "current/cthb.ttl",
    "cthb.nt": "current/cthb.nt",
    "cthb.nq": "current/cthb.nq",
    "cthb.trig": "current/cthb.trig",
    "store": "current/store",
}
#: Names a build of an earlier version left in its folder, besides :data:`LINKS`.
_EARLIER = {".builds", ".cache", ".lock"}
#: Temporary links of a build (``fsio.replace_link``): left behind only when a build was killed.
LEFTOVER_LINK = re.compile(r"\.(current|cthb\.ttl|cthb\.nt|cthb\.nq|cthb\.trig|store)-\d+")
_BUILD_NAME = re.compile(r"\.builds/[0-9A-Za-z-]+")
_HINT = "choose an empty or new --graph-dir folder (a build writes cthb.ttl, cthb.nt, store and current there)"


def claim(folder: Path) -> None:
    """Make sure a build may write into ``folder``: one of ours, or new or empty (then marked as ours).

    RAISES OutputError (exit 4): ``folder`` is ``/``, the home folder, a file, or a non-empty
    folder that no build of ours made, or one of our names in it is not our link.
    """
    resolved = folder.resolve()
    if resolved == Path(resolved.anchor) or resolved == Path.home().resolve():
        what = "the root folder" if resolved == Path(resolved.anchor) else "your home folder"
        raise OutputError(f"refusing to build into {folder}: it is {what}", hint=_HINT)
    if folder.exists() and not folder.is_dir():
        raise OutputError(f"cannot build into {folder}: it is not a folder", hint=_HINT)
    marker = folder / MARKER
    if not marker.is_file():
        entries = set(os.listdir(folder)) if folder.is_dir() else set()
        if entries - {".lock"} and not _made_by_earlier_version(folder, entries):
            raise OutputError(f"refusing to build into {folder}: it is not empty and was not made by cthbgraph build", hint=_HINT)
        try:
            folder.mkdir(parents=True, exist_ok=True)
            atomic_write(marker, _MARKER_TEXT.encode())
        except OSError as exc:
            raise OutputError(f"cannot write to {folder}: {exc.strerror}", hint="choose another --graph-dir folder") from exc
    for name in LINKS:
        if not _is_ours(folder / name):
            raise OutputError(
                f"refusing to build into {folder}: {name} there is not a link made by cthbgraph build",
                hint=f"move {folder / name} out of the folder, or {_HINT}",
            )


def _is_ours(path: Path) -> bool:
    """``path`` is absent, or the link a build makes under that name."""
    if not path.is_symlink():
        return not path.exists()
    target = os.readlink(path)
    expected = LINKS[path.name]
    return bool(_BUILD_NAME.fullmatch(target)) if expected is None else target == expected


def _made_by_earlier_version(folder: Path, entries: set[str]) -> bool:
    """Everything in ``folder`` is what a build of an earlier version made (see the module's text)."""
    leftovers = {e for e in entries if LEFTOVER_LINK.fullmatch(e) and (folder / e).is_symlink()}
    if entries - _EARLIER - set(LINKS) - leftovers:
        return False
    builds = folder / ".builds"
    if builds.is_symlink() or not builds.is_dir() or not all(_is_ours(folder / name) for name in LINKS):
        return False
    try:
        record = json.loads((folder / "current" / "build.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return isinstance(record, dict) and bool(re.fullmatch(r"[0-9a-f]{64}", str(record.get("fingerprint"))))
