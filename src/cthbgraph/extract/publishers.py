"""The body that issued a report, named by its imprint rather than by its title line.

A report's title line may name no body ("■ 2016–17 REPORT", a blank cover): its publisher, from the
corpus manifest or the imprint (``corpus.metadata.infer_publisher``: "© 2017 OSCE/Office of …"), says
whose report it is. "OSCE Secretariat, Anti-Trafficking Assistance Unit" is the unit (the last part
that names a body: the most specific), "OSCE/ODIHR Anti-Trafficking Unit" the institution it opens on.
The body is taken at its first mention in the text, so that it has an excerpt there; a publisher the
text never names gives none.
"""

from __future__ import annotations

import functools
import re

from spacy.tokens import Span

from .bodies import load_gazetteer


@functools.cache
def _names() -> dict[str, str]:
    """Every label and alias of the gazetteer, lower-cased, -> its key."""
    return {name.lower(): e.key for e in load_gazetteer() for name in (e.label, *e.aliases)}


def publisher_key(publisher: str) -> str:
    """The gazetteer key the publisher names: a part of it (after a comma, last first) that is a name,
    else the longest name a part opens on; "" if none."""
    names = _names()
    for part in reversed([p.strip(" .") for p in publisher.split(",") if p.strip()]):
        lowered = re.sub(r"\s+", " ", part.lower())
        if lowered in names:
            return names[lowered]
        opening = [n for n in names if lowered.startswith(n + " ") and len(n) > 3]
        if opening:
            return names[max(opening, key=len)]
    return ""


def publisher_body(reader) -> Span | None:
    """The first mention in the text of the body that published it, or None."""
    key = publisher_key(getattr(reader.report, "publisher", "") or "")
    return next((b for b in reader.body_spans if b.id_ == key), None) if key else None
