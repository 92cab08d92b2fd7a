"""The kinds of partner names: the generic patterns of ``patterns/partners.jsonl``, head nouns that
make a run of capitalised words a body's name, and name patterns that give its kind
("Ministry of …" a national authority, "… Foundation" an NGO). No partner is listed by name."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

PATTERNS = Path(__file__).parent / "patterns"


@dataclass(frozen=True)
class KindRules:
    """The generic patterns of ``patterns/partners.jsonl``: head nouns, and name pattern -> kind."""

    heads: tuple[str, ...]
    kinds: tuple[tuple[str, re.Pattern[str]], ...]

    def kind_of(self, name: str) -> str:
        for kind, pattern in self.kinds:
            if pattern.search(name):
                return kind
        return "other-partner"


def load_kind_rules(path: Path | None = None) -> KindRules:
    path = path or PATTERNS / "partners.jsonl"
    heads: list[str] = []
    kinds: list[tuple[str, re.Pattern[str]]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        heads.extend(row.get("head", ()))
        if "pattern" in row:
            kinds.append((row["kind"], re.compile(row["pattern"])))
    return KindRules(tuple(sorted(set(heads), key=len, reverse=True)), tuple(kinds))
