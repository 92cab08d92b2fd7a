"""Files and folders that are whole or absent: written beside their place, then renamed into it.

A reader (another process, a web server, a spreadsheet) never sees a half-written file or folder,
and a write that fails or is killed leaves what was there before. The functions raise
:class:`OSError` as it comes; each caller turns it into an :class:`~cthbgraph.errors.OutputError`
naming its own option (``--graph-dir``, the build folder ...).

(Nothing is ``fsync``-ed: a crash of the whole machine may lose the last write, never the one
before it.)
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import IO


def file_mode() -> int:
    """The mode a new file gets from the umask (``mkstemp`` would make it private to its owner)."""
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


def _temp_beside(path: Path) -> tuple[int, Path]:
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    return fd, Path(tmp)


@contextlib.contextmanager
def atomic_file(path: Path | str, mode: str = "wb", encoding: str | None = None) -> Iterator[IO]:
    """An open file that becomes ``path`` when the block ends without an error.

    >>> with atomic_file("out/table.csv", "w", encoding="utf-8") as f:    # doctest: +SKIP
    ...     f.write("a,b\\n")
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = _temp_beside(path)
    try:
        with os.fdopen(fd, mode, encoding=encoding if "b" not in mode else None) as handle:
            os.chmod(tmp, file_mode())
            yield handle
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def atomic_write(path: Path | str, data: bytes) -> None:
    """Write ``data`` to ``path`` whole: through a temporary file beside it, renamed into place."""
    with atomic_file(path) as handle:
        handle.write(data)


def atomic_write_all(files: Sequence[tuple[Path, bytes]]) -> None:
    """Write several files, each whole; the first of ``files`` (the main one) is put in place last.

    Every file is written to a temporary name before any is renamed, so a full disk or a refused
    folder leaves every target as it was; if a rename fails, the main file is untouched.
    """
    temps: list[tuple[Path, Path]] = []
    try:
        for target, data in files:
            target.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = _temp_beside(target)
            temps.append((tmp, target))
            with os.fdopen(fd, "wb") as handle:
                os.chmod(tmp, file_mode())
                handle.write(data)
        for tmp, target in reversed(temps):
            os.replace(tmp, target)
    finally:
        for tmp, _ in temps:
            tmp.unlink(missing_ok=True)


def new_folder(parent: Path, prefix: str) -> Path:
    """A new empty folder in ``parent`` (where one rename can put it in place), mode 755."""
    parent.mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp(prefix=prefix, dir=parent))
    folder.chmod(0o755)  # readable like any output folder, not private like a temporary one
    return folder


class FolderAsideError(OSError):
    """The new folder could not be put in place nor the previous one back: ``filename`` holds it."""


@contextlib.contextmanager
def replaced_folder(out: Path | str) -> Iterator[Path]:
    """A new folder to fill, which replaces ``out`` as a whole when the block ends without an error.

    The previous ``out`` is renamed aside, the new folder renamed into place, then the previous one
    removed; if the second rename fails, the previous folder is renamed back. On an error the new
    folder is removed and ``out`` is as it was. Should even the rename back fail, the previous
    folder is kept where it was put aside and :class:`FolderAsideError` names it.

    >>> with replaced_folder("site") as staging:                          # doctest: +SKIP
    ...     (staging / "index.html").write_text(page)
    """
    out = Path(out)
    staging: Path | None = new_folder(out.parent, f".{out.name}.")
    aside: Path | None = None
    try:
        yield staging
        if out.exists():
            aside = out.with_name(f".{out.name}.old-{os.getpid()}")
            os.replace(out, aside)
        try:
            os.replace(staging, out)
        except OSError as exc:
            if aside is not None:
                try:
                    os.replace(aside, out)
                except OSError:
                    kept, aside = aside, None  # never delete the only copy of the previous folder
                    raise FolderAsideError(exc.errno, f"{exc.strerror}; the previous folder is in {kept}", str(kept)) from exc
                aside = None
            raise
        staging = None
    finally:
        for leftover in (staging, aside):
            if leftover is not None:
                shutil.rmtree(leftover, ignore_errors=True)


def replace_link(link: Path, target: str) -> None:
    """Make ``link`` a symbolic link to ``target`` in one rename (readers see the old or the new)."""
    tmp = link.with_name(f".{link.name}-{os.getpid()}")
    if tmp.is_symlink() or tmp.exists():
        tmp.unlink()
    tmp.symlink_to(target)
    os.replace(tmp, link)
