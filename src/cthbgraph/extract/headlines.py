"""The doer a press release's headline names for the event its lead reports.

"OSCE Centre in Ashgabat organizes study visit to Lithuania for Turkmen officials": a headline that names
its doer in its subject names the event's. The lead often opens with the participants or the host
("Seven officials from the Ministry ... completed a study visit ...", "A regional conference, hosted by
the Ministry ...") and leaves the organiser to a later clause, where the grammar reads it less surely.
"""

from __future__ import annotations

from dataclasses import replace

from ..records import Activity

_SURE = 0.8  # the grammar's subject or a body inside it (doers.CONFIDENCE), not a doer from the context
_GRAMMAR = 0.9  # the grammar's subject or "by" agent (doers.CONFIDENCE)


def headline_doers(activity: Activity, own: Activity | None) -> Activity:
    """The event with the doers its headline names (``own``: the headline's reading), if it names any."""
    if own is None or not own.agents or own.confidence < _SURE:
        return activity
    keys = {m.key for m in own.agents}
    if activity.confidence >= _GRAMMAR and keys < {m.key for m in activity.agents}:
        # "OSCE Mission trains police" over "The Mission and the IOM trained ...": a headline names the
        # lead's first doer for short; the lead's grammar names them all.
        return activity
    partners = tuple({m.key: m for m in (*activity.partners, *own.partners) if m.key not in keys}.values())
    return replace(activity, agents=own.agents, partners=partners)
