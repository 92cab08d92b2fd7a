"""Opening a store by where it is: a build folder, an Oxigraph store folder, or an endpoint URL."""

from __future__ import annotations

import os
from pathlib import Path

from ..buildfolder import BuildFolder
from .base import Store
from .embedded import EmbeddedStore
from .remote import RemoteStore


def open_store(location: str | Path | None = None, *, endpoint: str | None = None, timeout: float | None = None) -> Store:
    """The store of a build folder (or a store folder), or of a SPARQL endpoint.

    location (str | Path | None): a build folder or an Oxigraph store folder
        [default: env CTHB_GRAPH_DIR, else CTHB_OUT, else "out"].
    endpoint (str | None): a SPARQL 1.1 query URL, used instead of ``location``.
    timeout (float | None): with ``endpoint``, seconds to wait [default: env CTHB_TIMEOUT, else 60].
    """
    if endpoint:
        return RemoteStore(endpoint, timeout=timeout)
    path = Path(location or os.environ.get("CTHB_GRAPH_DIR") or os.environ.get("CTHB_OUT", "out"))
    folder = BuildFolder(path)
    return EmbeddedStore(folder.store if folder.store.exists() else path)
