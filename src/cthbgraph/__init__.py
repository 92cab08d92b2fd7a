"""cthbgraph: a knowledge graph of OSCE commitments on combating trafficking in human beings.

The notebook API, one call per stage of the flow::

    import cthbgraph
    from cthbgraph.build import build                  # (a function named like its module)
    result = build("corpus", "out")                    # corpus -> extract -> graph -> validate -> store
    store = cthbgraph.open_store("out")                # or open_store(endpoint="https://.../sparql")
    t = cthbgraph.trace(store, "III.10.2")             # provision, tasked bodies, implementing activities
    rows = cthbgraph.named_query("provisions-tasking-body").run(store, {"body": "ODIHR"})

Names are imported on first use, so ``import cthbgraph`` does not load spaCy. ``build``, ``validate``,
``evaluate``, ``gaps``, ``publish`` and ``export`` are imported from their modules of the same name, which would shadow
them here: ``from cthbgraph.export import export``.
"""

from __future__ import annotations

import importlib
from typing import Any

__version__ = "0.1.0"

_API = {
    "load_corpus": "cthbgraph.corpus",
    "Extractor": "cthbgraph.extract",
    "build_graph": "cthbgraph.graph",
    "open_store": "cthbgraph.store",
    "library": "cthbgraph.queries",
    "named_query": "cthbgraph.queries",
    "trace": "cthbgraph.gaps",
    "coverage": "cthbgraph.gaps",
    "compare": "cthbgraph.gaps",
}

__all__ = sorted(_API)


def __getattr__(name: str) -> Any:
    if name in _API:
        return getattr(importlib.import_module(_API[name]), name)
    raise AttributeError(f"module 'cthbgraph' has no attribute {name!r}")
