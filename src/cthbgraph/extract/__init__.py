"""Extraction: report text -> records of bodies, decisions, provisions, activities.

``pipeline`` loads the spaCy model with our rule components; ``parsing`` cuts a report into the
paragraph batches the model reads and joins their documents back; ``reader`` turns a parsed report
into records, with ``bodies``, ``decisions``, ``provisions``, ``activities``, ``dates`` and
``places`` doing the readings; ``batch`` runs many reports, cached, in several processes;
``extractor`` holds it together for a caller::

    from cthbgraph.extract import Extractor
    extraction = Extractor().extract(report)

Names are imported on first use, so importing a module of this package does not load spaCy.
"""

from __future__ import annotations

from .._lazy import attach

__getattr__, __dir__, __all__ = attach(
    __name__,
    {"Extractor": ".extractor", "load_pipeline": ".pipeline", "choose_model": ".pipeline", "DEFAULT_MODEL": ".pipeline"},
)
