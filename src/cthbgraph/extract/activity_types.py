"""The type of an activity (training, workshop, conference ...): the first type of the lexicon
``patterns/activity_types.jsonl`` whose words occur near the action verb, then in the sentence."""

from __future__ import annotations

import json
import re
from functools import lru_cache
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
            if _words_pattern(words).search(window):
                return type_
    return "other"


@lru_cache(maxsize=64)
def _words_pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    """One pattern for a type's words, each at the start of a word: compiled once, not once per sentence."""
    return re.compile("|".join(rf"\b{re.escape(w)}" for w in words))
