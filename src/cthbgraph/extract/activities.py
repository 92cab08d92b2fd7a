"""Activities: sentences that report what a body did, with who did it, with whom, when and where.

A sentence reports an activity when a verb that is not governed by a modal ("will", "should") and is
not a verb of being or needing has a body mention in its subject ("the ODIHR organized ..."), in its
"by" agent ("... training supported by the Centre in Tashkent"), or in the subject of the verb it is
co-ordinated with. Bodies governed by "with" ("in partnership with the ODIHR") are partners.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from spacy.tokens import Span, Token

PATTERNS = Path(__file__).parent / "patterns"

# Verbs that describe a state, an obligation or a report about text, not something a body did.
_NOT_ACTIONS = {
    "be", "have", "need", "remain", "seem", "appear", "consist", "comprise", "include", "require", "lack",
    "mention", "task", "request", "mandate", "say", "note", "state", "know", "call", "name", "refer",
    "reflect", "contain", "cover", "describe", "face", "recognize", "recognise", "become", "tend", "base",
    "relate", "continue", "want", "wish", "hope", "expect", "believe", "consider", "think", "aim",
}
_FUTURE_OR_DUTY = {"will", "shall", "should", "must", "would", "could", "may", "might", "can", "ought"}
_PARTNER_WORDS = {"with"}


@dataclass(frozen=True)
class ActivityCandidate:
    sentence: Span
    verbs: tuple[Token, ...]
    agents: tuple[Span, ...]
    partners: tuple[Span, ...]


def load_activity_types(path: Path | None = None) -> list[tuple[str, tuple[str, ...]]]:
    path = path or PATTERNS / "activity_types.jsonl"
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [(row["type"], tuple(w.lower() for w in row["words"])) for row in rows]


def find_activities(sentence: Span, bodies: list[Span]) -> ActivityCandidate | None:
    """The activity a sentence reports, or None."""
    if not bodies:
        return None
    agents: list[Span] = []
    partners: list[Span] = []
    verbs: list[Token] = []
    for body in bodies:
        if _governed_by_with(body):
            partners.append(body)
            continue
        verb = _action_verb_for(body)
        if verb is not None:
            agents.append(body)
            verbs.append(verb)
    if not agents:
        return None
    return ActivityCandidate(sentence, tuple(verbs), tuple(agents), tuple(p for p in partners if p not in agents))


def _governed_by_with(body: Span) -> bool:
    for ancestor in body.root.ancestors:
        if ancestor.pos_ in ("VERB", "AUX") and ancestor.dep_ != "pcomp":
            return False
        if ancestor.lower_ in _PARTNER_WORDS and ancestor.dep_ in ("prep", "pcomp"):
            return True
    return False


def _action_verb_for(body: Span) -> Token | None:
    """The verb of which ``body`` is the doer, if that verb reports a past or ongoing action."""
    node = body.root
    path = [node]
    for ancestor in node.ancestors:
        path.append(ancestor)
        if ancestor.pos_ in ("VERB", "AUX"):
            break
    else:
        return None
    verb = path[-1]
    arrival = path[-2].dep_ if len(path) > 1 else ""
    if arrival in ("nsubj", "csubj"):
        pass
    elif arrival == "agent" or (arrival == "pobj" and len(path) > 2 and path[-2].lower_ == "by"):
        pass
    elif len(path) > 2 and path[-2].lower_ == "by" and path[-2].dep_ in ("agent", "prep"):
        pass
    else:
        # Through a conjunct or an apposition of the subject ("the ODIHR and the Mission to Moldova").
        if not any(t.dep_ in ("nsubj", "nsubjpass") for t in path[1:-1]) or any(
            t.dep_ in ("pobj", "dobj") for t in path[1:-1]
        ):
            return None
        if any(t.dep_ == "nsubjpass" for t in path[1:-1]):
            return None
    return verb if _reports_action(verb) else None


def _reports_action(verb: Token) -> bool:
    if verb.lemma_.lower() in _NOT_ACTIONS and not _has_action_complement(verb):
        return False
    chain = [verb, *[a for a in verb.ancestors if a.pos_ in ("VERB", "AUX")][:2]]
    for v in chain:
        if any(child.lower_ in _FUTURE_OR_DUTY and child.tag_ == "MD" for child in v.children):
            return False
    if verb.tag_ in ("VBD", "VBN", "VBZ", "VBP", "VBG"):
        return True
    return verb.tag_ == "VB" and _has_action_complement(verb.head)


def _has_action_complement(verb: Token) -> bool:
    """ "continues to fine-tune", "has been providing": the action is in the complement."""
    return any(child.dep_ == "xcomp" and child.lemma_.lower() not in _NOT_ACTIONS for child in verb.children)


def activity_type(sentence: Span, verbs: tuple[Token, ...], types: list[tuple[str, tuple[str, ...]]]) -> str:
    """The first type of the lexicon whose words occur near the action verb, then in the sentence."""
    windows = []
    for verb in verbs:
        subtree = list(verb.subtree)
        objects = [t for t in subtree if t.dep_ in ("dobj", "attr", "pobj", "oprd", "xcomp")]
        windows.append(" ".join(t.lemma_.lower() for t in [verb, *objects]))
    windows.append(" ".join(t.lemma_.lower() for t in sentence) + " " + sentence.text.lower())
    for window in windows:
        for type_, words in types:
            if any(re.search(rf"\b{re.escape(w)}", window) for w in words):
                return type_
    return "other"
