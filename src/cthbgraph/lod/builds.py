"""Which build a build folder holds now, read the way a server that outlives rebuilds must read it.

``cthbgraph build`` keeps each build in ``OUT/.builds/<digest>`` and switches the link
``OUT/current`` to the new one in one rename (:class:`~cthbgraph.buildfolder.BuildFolder`). A
server that keeps running across rebuilds must read every file *through* that link (never a
resolved path: an old build folder is removed by a later build), and must know which build it
read, so that pages and queries switch together.
"""

from __future__ import annotations

import os
from pathlib import Path

from ..buildfolder import BuildFolder


def current_build(out: Path | str) -> tuple[str, Path]:
    """(build id, folder to read it through) of a build folder.

    The id is the name ``OUT/current`` points at; the folder is ``OUT/current`` itself, resolved by
    the kernel at each open. A folder without the link (one written by hand or by an older version)
    has the id "" and is read as it is.
    """
    folder = BuildFolder(out)
    link = folder.current.path
    try:
        return Path(os.readlink(link)).name, link
    except OSError:
        return "", folder.path
