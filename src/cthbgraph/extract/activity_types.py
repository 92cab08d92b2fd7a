"""The type of an activity (training, workshop, conference ...): the first type of the lexicon
``patterns/activity_types.jsonl`` whose words occur near the action verb, then in the sentence."""

from __future__ import annotations

import json
import re
from pathlib import Path

from spacy.tokens import Span, Token

from .activities import PATTERNS


def load_activity_types(path: Path | None = None) -> list[tuple[str, tuple[str, ...]]]:
    path = path or PATTERNS / "activity_types.jsonl"
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [(row["type"], tuple(w.lower() for w in row["words"])) for row in rows]


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
