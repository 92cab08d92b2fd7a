"""Events told in a relative clause on their doer: "... its Ad Hoc Committee on Migration, which
conducted several visits to hotspots", "the Centre, which organized two round tables in May".

The main clause is about something else (a focus, a role, a case in point); the clause the body's
name opens reports what the body did. Only an active verb in the past with an object counts: "which
works to ..." is a line of work, "which was set up in 2003" a founding, "which has a mandate" a state.

A passive participle after the object tells of the object, wherever the parse hangs it: "the Section
supported a workshop for police officers in September, organized by the National Police Agency" (the
parse makes "organized" a clause on "supported").
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


def participle_on_the_object(verb: Token) -> bool:
    """Whether ``verb`` is a passive participle with its own "by" agent that the parse hung on an active
    main verb (``advcl``) after that verb's object: "the Section supported a workshop ..., organized by the
    Agency". It tells of the object as a reduced relative clause would, so its agent is not the doer of
    the main clause. Before the verb ("Organized by the Mission, the seminar ..."), after a passive
    ("Sessions were held in May, organized by the Mission") or after people as subject ("Thirty judges
    concluded a seminar, organized by the Office") the participle's agent is the doer."""
    if verb.dep_ != "advcl" or verb.tag_ != "VBN" or not any(c.dep_ == "agent" for c in verb.children):
        return False
    if any(c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass", "mark") for c in verb.children):
        return False
    main = verb.head
    if main.i > verb.i or any(c.dep_ == "auxpass" for c in main.children):
        return False
    # The main clause names its own doer by name ("the Section", "The Executive Secretary"); people
    # ("Thirty judges concluded a seminar ..., organized by the Office") leave the doer to the participle.
    subject = next((c for c in main.children if c.dep_ == "nsubj"), None)
    if subject is None or not (subject.is_title or subject.is_upper) or subject.tag_ == "PRP":
        return False
    return any(o.i < verb.i for o in objects_of(main))


def objects_of(verb: Token) -> list[Token]:
    """The direct object of ``verb`` and the nouns of its prepositions ("supported a workshop", "took
    part in a conference")."""
    direct = [c for c in verb.children if c.dep_ == "dobj"]
    return direct + [o for p in verb.children if p.dep_ == "prep" for o in p.children if o.dep_ == "pobj"]
