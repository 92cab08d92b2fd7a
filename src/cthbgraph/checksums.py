"""The manifest of a build folder: size and SHA-256 of every file, written last, so that "complete" is
a fact that can be checked rather than assumed.

A build writes every file of ``.builds/<name>`` first and its manifest (``checksums.json``) last, by
an atomic rename; a folder whose manifest is missing, unreadable or does not match the files on disk
(a build killed before it finished, a folder half removed, a file changed since) is not a build:
the next build removes it and builds again. Files a reader adds later (the store's own log files,
say) are not listed and do not count; a listed file that changed does.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

from .fsio import atomic_write

MANIFEST = "checksums.json"
_FORMAT = "cthbgraph-checksums/1"
_BLOCK = 1 << 20


def file_digest(path: Path) -> str:
    """The SHA-256 of a file, read in blocks."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while block := handle.read(_BLOCK):
            digest.update(block)
    return digest.hexdigest()


def _files(folder: Path) -> list[str]:
    """Every regular file under ``folder`` but the manifest, as sorted relative POSIX paths."""
    found = []
    for root, _, names in os.walk(folder):
        for name in names:
            path = Path(root, name)
            if path.is_file() and not path.is_symlink():
                found.append(path.relative_to(folder).as_posix())
    return sorted(name for name in found if name != MANIFEST)


def write_manifest(folder: Path) -> Path:
    """List every file of ``folder`` with its size and SHA-256 in ``folder/checksums.json`` (atomically).

    RETURNS (Path): the manifest. RAISES OSError: it cannot be written.
    """
    files = {name: [(folder / name).stat().st_size, file_digest(folder / name)] for name in _files(folder)}
    path = folder / MANIFEST
    atomic_write(path, json.dumps({"format": _FORMAT, "files": files}, indent=1, sort_keys=True).encode())
    return path


def is_complete(folder: Path) -> bool:
    """``folder`` has a manifest, and every file it lists is there with its recorded size and digest."""
    try:
        manifest = json.loads((folder / MANIFEST).read_bytes())
        files = manifest["files"] if manifest.get("format") == _FORMAT else None
        if not isinstance(files, dict) or not files:
            return False
        # Sizes first: a missing or cut file is found without reading a byte of the others.
        for name, (size, _) in files.items():
            if (folder / name).stat().st_size != size:
                return False
        return all(file_digest(folder / name) == digest for name, (_, digest) in files.items())
    except (OSError, ValueError, TypeError, AttributeError):
        return False
