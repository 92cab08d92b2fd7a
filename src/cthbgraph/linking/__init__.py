"""Activities linked to the Action Plan provisions they serve: as stated by their report, or inferred.

A report states a link by citing the provision ("under III.10.2": basis ``cited``) or by placing the
activity under the provision's paragraph (``placed``); those stay ``cthb:implements``. Every other
activity is scored against every provision the corpus quotes (:mod:`.model`) and keeps at most two
``cthb:mayImplement`` links, each with a ``cthb:LinkAssessment`` saying basis, score and method
(:mod:`.rdf`). A corpus that quotes no provision links nothing.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
from pathlib import Path

from ..codec import decode, encode
from ..records import Activity, Extraction, Link
from .model import METHOD, LinkModel, LinkSettings

__all__ = ["METHOD", "LinkModel", "LinkSettings", "link_extractions", "link_records", "stated_basis"]


def stated_basis(activity: Activity) -> str:
    """ "cited" when the activity's sentence names its provision, else "placed" (it stands under it)."""
    from ..extract.provisions import PROVISION_REFERENCE  # extract/ loads spaCy: not for the graph stage

    for m in PROVISION_REFERENCE.finditer(activity.excerpt.text):
        if f"{m.group('chapter')}.{m.group('section')}.{m.group('item')}" == activity.provision:
            return "cited"
    return "placed"


def link_extractions(extractions: Sequence[Extraction], settings: LinkSettings | None = None) -> list[Extraction]:
    """Each extraction with its ``links``: the stated ones, and those inferred for its other activities.

    extractions (Sequence[Extraction]): every report of the corpus (the provisions of one serve all).
    RETURNS (list[Extraction]): in the same order.
    """
    provisions = [p for e in sorted(extractions, key=lambda e: e.report.id) for p in e.provisions]
    model = LinkModel(provisions, (a for e in extractions for a in e.activities), settings)
    links = [_links(model, e.activities) for e in extractions]
    # The model's scores are averages over neighbours and bunch up (0.05-0.15 on corpus/); scaled so
    # that 1.00 is the strongest inferred link of the corpus, --min-score can tell weak from strong.
    top = max((k.score for found in links for k in found if k.basis == "inferred"), default=1.0) or 1.0
    return [
        replace(e, links=tuple(sorted(replace(k, score=k.score / top) if k.basis == "inferred" else k for k in found)))
        for e, found in zip(extractions, links)
    ]


def _links(model: LinkModel, activities: Iterable[Activity]) -> list[Link]:
    ordered = sorted(activities, key=lambda a: (a.excerpt.start, a.excerpt.end))
    links = [Link(a.excerpt, a.provision, stated_basis(a), 1.0, "report") for a in ordered if a.provision]
    open_ = [a for a in ordered if not a.provision]
    for activity, kept in zip(open_, model.link(open_)):
        links.extend(Link(activity.excerpt, c.notation, "inferred", c.score, METHOD, rank) for rank, c in enumerate(kept, 1))
    return links


def link_records(paths: Sequence[Path]) -> None:
    """The build's staged extractions (one record file per report, :mod:`cthbgraph.codec`) rewritten
    with their links."""
    extractions = [decode(Path(p).read_bytes(), Extraction) for p in paths]
    for path, linked in zip(paths, link_extractions(extractions)):
        Path(path).write_bytes(encode(linked))
