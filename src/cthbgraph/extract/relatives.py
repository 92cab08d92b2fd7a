"""Events told in a relative clause on their doer: "... its Ad Hoc Committee on Migration, which
conducted several visits to hotspots", "the Centre, which organized two round tables in May".

The main clause is about something else (a focus, a role, a case in point); the clause the body's
name opens reports what the body did. Only an active verb in the past with an object counts: "which
works to ..." is a line of work, "which was set up in 2003" a founding, "which has a mandate" a state.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

_RELATIVE_PRONOUNS = {"which", "who", "that"}
_NOT_ACTS = {"have", "be", "become", "remain", "include", "cover", "receive", "adopt", "ratify", "sign", "join"}


def relative_clause_verb(body: Span) -> Token | None:
    """The verb of a relative clause on ``body``'s name (the parse may hang it on the name's last word)
    whose subject is the relative pronoun, if it reports a past act with an object; else None."""
    for clause in (c for t in body for c in t.children):
        if clause.dep_ != "relcl" or clause.tag_ != "VBD" or clause.lemma_.lower() in _NOT_ACTS:
            continue
        if any(c.tag_ == "MD" or c.dep_ in ("aux", "auxpass") for c in clause.children):
            continue
        subject = next((c for c in clause.children if c.dep_ == "nsubj"), None)
        if subject is None or subject.lower_ not in _RELATIVE_PRONOUNS:
            continue
        if any(c.dep_ == "dobj" for c in clause.children) and not any(c.dep_ == "neg" for c in clause.children):
            return clause
    return None
