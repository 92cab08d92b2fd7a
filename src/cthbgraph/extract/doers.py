"""Who did what a sentence reports: its doers and partners, and how far the way they were found is trusted.

The grammar's subject or "by" agent comes first; a sentence without one takes a body in its subject, the
body an anaphor ("the Mission", "Training sessions were organized") stands for, the body of the section
heading, or the doer of a clause on the object.
"""

from __future__ import annotations

from spacy.tokens import Span

from . import activities as act

# How far each way of finding the doer is to be trusted (cthb:confidence): the grammar's subject or
# "by" agent; a body inside the subject; an anaphor resolved to the doer just named; the body of the
# section heading; the doer of a clause on the object.
CONFIDENCE = {"grammar": 0.9, "subject": 0.8, "anaphor": 0.7, "section": 0.6, "secondary": 0.5, "context": 0.4}


def find_doers(sentence: Span, bodies: list[Span], candidate, recent: list[Span], section_body: Span | None, earlier: list[Span]):
    """The doers and partners of a sentence and the confidence of the way they were found."""
    agent_spans: tuple[Span, ...] = candidate.agents if candidate else ()
    partner_spans: tuple[Span, ...] = (
        candidate.partners if candidate else tuple(b for b in bodies if act._governed_by_with(b) or act._funder(b))
    )
    agent_spans = _drop_owners(agent_spans)
    route = "grammar"
    if not agent_spans and act.reports_action(sentence):
        agent_spans, route = tuple(act.subject_agents(sentence, bodies, list(partner_spans))), "subject"
        anaphor = None if agent_spans else act.anaphoric_subject(sentence)
        if anaphor is not None:
            # "The Mission organized ...", "Training sessions were organized ...": the doer is
            # the one just named, or the field operation whose section this is.
            agent_spans, route = _resolve_anaphor(anaphor, recent, section_body), "anaphor"
            if not agent_spans and anaphor:
                # "the Office" several sentences after "the OSCE Programme Office in Bishkek": the
                # latest body named before whose name has that word.
                named = [b for b in reversed(earlier[-12:]) if anaphor in b.text.lower().split()]
                agent_spans, route = tuple(named[:1]), "anaphor"
        if not agent_spans and section_body is not None:
            # Under a field operation's heading, what is reported as done was done by it.
            agent_spans, route = (section_body,), "section"
        partner_spans = tuple(p for p in partner_spans if p not in agent_spans)
    if not agent_spans and candidate is not None and candidate.secondary:
        agent_spans, route = candidate.secondary, "secondary"
    return agent_spans, partner_spans, CONFIDENCE[route]


def _drop_owners(spans: tuple[Span, ...]) -> tuple[Span, ...]:
    """ "the Office in Podgorica of the Mission to Serbia and Montenegro" did it, not the Mission."""
    kept = []
    for span in spans:
        head = act.head_token(span)
        owner = head.head if head.dep_ == "pobj" and head.head.lower_ == "of" else None
        if owner is not None and any(o is not span and o.start <= owner.head.i < o.end for o in spans):
            continue
        kept.append(span)
    return tuple(kept)


def _resolve_anaphor(anaphor: str, recent: list[Span], section_body: Span | None) -> tuple[Span, ...]:
    """The bodies an anaphoric subject stands for. A noun ("the Presence") takes the latest body
    whose name has that word; a pronoun or a passive takes the doers just before, else the section's."""
    candidates = [*recent, *([section_body] if section_body is not None else [])]
    if anaphor in ("former", "latter"):
        return (recent[0] if anaphor == "former" else recent[-1],) if len(recent) > 1 else ()
    if anaphor:
        named = [b for b in candidates if anaphor in b.text.lower() or anaphor in b.id_.split("-")]
        return (named[0],) if named else ()
    if recent:
        return tuple(recent)
    return (section_body,) if section_body is not None else ()
