"""cthbgraph: a knowledge graph of OSCE commitments on combating trafficking in human beings.

The notebook API, one call per stage of the flow::

    import cthbgraph
    result = cthbgraph.build("corpus", "out")          # corpus -> extract -> graph -> validate -> store
    store = cthbgraph.open_store("out")                # or open_store(endpoint="https://.../sparql")
    t = cthbgraph.trace(store, "III.10.2")             # provision, tasked bodies, implementing activities
    report = cthbgraph.gaps(store, chapter="III")      # every provision judged by its activities
    rows = cthbgraph.named_query("provisions-tasking-body").run(store, {"body": "ODIHR"})
    cthbgraph.export("graphml", "cthb.graphml", graph_dir="out")
    scores = cthbgraph.evaluate("corpus", "tests/gold")

Names are imported on first use, so ``import cthbgraph`` does not load spaCy. The modules are named
for what they hold (``builder``, ``analysis``, ``exports``, ``evaluation`` ...), so that these
names are the functions.
"""

from __future__ import annotations

import importlib
from typing import Any

__version__ = "0.1.0"

_API = {
    "load_corpus": "cthbgraph.corpus",
    "Extractor": "cthbgraph.extract.extractor",
    "build_graph": "cthbgraph.graph",
    "validate": "cthbgraph.validation",
    "build": "cthbgraph.builder",
    "open_store": "cthbgraph.store",
    "library": "cthbgraph.queries",
    "named_query": "cthbgraph.queries",
    "trace": "cthbgraph.analysis",
    "gaps": "cthbgraph.analysis",
    "coverage": "cthbgraph.analysis",
    "compare": "cthbgraph.analysis",
    "export": "cthbgraph.exports",
    "evaluate": "cthbgraph.evaluation",
}

__all__ = sorted(_API)


def __getattr__(name: str) -> Any:
    if name in _API:
        return getattr(importlib.import_module(_API[name]), name)
    raise AttributeError(f"module 'cthbgraph' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted([*globals(), *_API])
