"""Print the counts tables of an annotation folder as markdown (for its README).

Usage: python tests/annotation_counts.py tests/gold-blind   (or tests/gold, tests/genres, tests/gold-links)

It only counts records; it checks nothing (tests/test_gold_sets.py does).
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path


def _load(folder: Path, name: str) -> list[dict]:
    path = folder / name
    if not path.exists():
        return []
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def _table(title: str, counter: Counter, header: tuple[str, str] = ("", "records")) -> str:
    rows = [f"| {header[0]} | {header[1]} |", "|---|---|"]
    rows += [f"| {' / '.join(k) if isinstance(k, tuple) else k} | {n} |" for k, n in sorted(counter.items())]
    return f"{title}\n\n" + "\n".join(rows) + "\n"


def _inline(counter: Counter) -> str:
    return ", ".join(f"{k} {n}" for k, n in counter.most_common())


def counts(folder: Path) -> str:
    out: list[str] = []
    docs = _load(folder, "documents.jsonl")
    genre = {d["report"]: d["genre"] for d in docs}

    def group(r: dict) -> tuple[str, str]:
        return (genre.get(r["report"], r["report"]), r["split"])

    per_file: dict[str, Counter] = {}
    for name in ("documents", "regions", "activities", "bodies", "decisions", "links"):
        rows = _load(folder, f"{name}.jsonl")
        if rows:
            per_file[name] = Counter(group(r) for r in rows)
    if not per_file:
        return f"no annotation files in {folder}\n"
    keys = sorted({k for c in per_file.values() for k in c})
    names = list(per_file)
    head = "| report or genre / split | " + " | ".join(names) + " |"
    out.append(head)
    out.append("|---|" + "---|" * len(names))
    for k in keys:
        out.append(f"| {k[0]} / {k[1]} | " + " | ".join(str(per_file[n].get(k, 0)) for n in names) + " |")
    out.append("| **total** | " + " | ".join(str(sum(per_file[n].values())) for n in names) + " |\n")

    acts = _load(folder, "activities.jsonl")
    if acts:
        events = {a["event"] for a in acts if "event" in a}
        leads = sum(1 for a in acts if a.get("lead"))
        def n(pred) -> int:
            return sum(1 for a in acts if pred(a))
        out.append(f"Activities: {len(acts)} records (evidence sentences) of {len(events)} events ({leads} leads); "
                   f"{n(lambda a: a.get('implicit_agent'))} with `implicit_agent`, "
                   f"{n(lambda a: a['partners'])} with partners, {n(lambda a: a['date'])} with a date, "
                   f"{n(lambda a: a.get('provision'))} with a provision.\n")
        out.append(f"Activities by type: {_inline(Counter(a['type'] for a in acts))}.\n")
        per_event = Counter(a["event"] for a in acts)
        out.append(f"Evidence sentences per event: {_inline(Counter(per_event.values()))} (sentences: events).\n")
    bodies = _load(folder, "bodies.jsonl")
    if bodies:
        mentions = [m for b in bodies for m in b["mentions"]]
        out.append(f"Body mentions: {len(mentions)} in {len(bodies)} sentences; by kind: "
                   f"{_inline(Counter(m.get('kind', '?') for m in mentions))}; "
                   f"{len({m['body'] for m in mentions})} distinct keys.\n")
    decs = _load(folder, "decisions.jsonl")
    if decs:
        out.append(f"Decision references by document: {_inline(Counter(d['document'] for d in decs))}.\n")
    links = _load(folder, "links.jsonl")
    if links:
        out.append(f"Links by confidence: {_inline(Counter(x['confidence'] for x in links))}; "
                   f"by section: {_inline(Counter(x['section'] for x in links))}; "
                   f"with a provision: {sum(1 for x in links if x['provisions'])}.\n")
    if docs:
        titled, dated = sum(1 for d in docs if d["title"]), sum(1 for d in docs if d["date"])
        out.append(f"Documents by genre: {_inline(Counter(d['genre'] for d in docs))}; "
                   f"with a title: {titled}, with a date: {dated}.\n")
    return "\n".join(out)


if __name__ == "__main__":
    print(counts(Path(sys.argv[1] if len(sys.argv) > 1 else "tests/gold-blind")))
