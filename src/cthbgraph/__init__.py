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

from ._lazy import attach

__version__ = "0.1.0"

__getattr__, __dir__, __all__ = attach(
    __name__,
    {
        "load_corpus": ".corpus",
        "Extractor": ".extract.extractor",
        "build_graph": ".graph",
        "validate": ".validation",
        "build": ".builder",
        "open_store": ".store",
        "library": ".queries",
        "named_query": ".queries",
        "trace": ".analysis",
        "gaps": ".analysis",
        "coverage": ".analysis",
        "compare": ".analysis",
        "export": ".exports",
        "evaluate": ".evaluation",
    },
)
