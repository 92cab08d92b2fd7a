"""Bring the partner keys of every annotation set to the mechanical rules of the one key convention
(docs/keys.md): apostrophes without a word break, a national rapporteur by the post, an embassy by
its host country.

    PYTHONPATH=src python scripts/rekey_annotations.py            # rewrite the keys, print counts
    PYTHONPATH=src python scripts/rekey_annotations.py --check    # exit 1 if a key breaks a rule
    PYTHONPATH=src python scripts/rekey_annotations.py --set tests/written6 --check

The sets are those of ``tests/annotation-sets.csv`` and ``tests/gold-second``, never the sealed
``tests/fresh`` (not even read). Only the key fields change (``mentions[].body`` of bodies.jsonl;
``agents``, ``partners`` and ``tasked`` of activities.jsonl and provisions.jsonl): every other byte
of a line stays as it was, and a file is written to a temporary file and renamed over the old one.
A second run changes nothing. It prints counts per set, file and split, and the keys of ``dev``
records only: a key of a held-out (``test``) record is never printed.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from cthbgraph.evaluation.key_convention import conventional_key

ROOT = Path(__file__).resolve().parents[1]
SEALED = ("tests/fresh",)  # held out for good: its records are not even read
EXTRA_SETS = ("tests/gold-second",)  # a second reading of dev regions, not a set of its own in the registry
FILES = ("bodies", "activities", "provisions")
LIST_FIELDS = ("agents", "partners", "tasked")


@dataclass
class Tally:
    """What one file's pass found: changed keys by split, and the (old, new) pairs of dev records."""

    changed: Counter = field(default_factory=Counter)
    dev_pairs: Counter = field(default_factory=Counter)


def annotation_sets(root: Path = ROOT) -> list[Path]:
    """Every set of the registry and tests/gold-second, the sealed set left out."""
    with open(root / "tests" / "annotation-sets.csv", encoding="utf-8") as f:
        names = [row["gold"] for row in csv.DictReader(f)]
    return [root / name for name in [*names, *EXTRA_SETS] if name not in SEALED]


def record_keys(record: dict) -> list[str]:
    """The partner and body keys a record carries, in order."""
    keys = [m["body"] for m in record.get("mentions", ()) if "body" in m]
    for name in LIST_FIELDS:
        keys.extend(record.get(name, ()))
    return keys


def _rekeyed(record: dict) -> dict:
    out = dict(record)
    if "mentions" in record:
        out["mentions"] = [{**m, "body": conventional_key(m["body"])} if "body" in m else m for m in record["mentions"]]
    for name in LIST_FIELDS:
        if name in record:
            out[name] = [conventional_key(k) for k in record[name]]
    return out


def rekey_line(line: str) -> str:
    """The line with its keys under the rules and every other byte kept: each changed key is
    replaced where it stands as a JSON string, and the result must read as the re-keyed record."""
    record = json.loads(line)
    changes = {old: conventional_key(old) for old in record_keys(record) if conventional_key(old) != old}
    if not changes:
        return line
    for old, new in changes.items():
        line = line.replace(json.dumps(old), json.dumps(new))
    if json.loads(line) != _rekeyed(record):  # a key's text also stood in another field
        raise ValueError(f"cannot re-key without touching other fields: {sorted(changes)}")
    return line


def rekey_file(path: Path, write: bool) -> Tally:
    """Count (and with ``write`` apply) the changes of one JSON-lines file."""
    tally = Tally()
    text = path.read_text(encoding="utf-8")
    lines = text.split("\n")
    out = []
    for line in lines:
        if not line.strip():
            out.append(line)
            continue
        record = json.loads(line)
        split = record.get("split", "dev")
        for old in record_keys(record):
            new = conventional_key(old)
            if new != old:
                tally.changed[split] += 1
                if split == "dev":
                    tally.dev_pairs[(old, new)] += 1
        out.append(rekey_line(line))
    new_text = "\n".join(out)
    if write and new_text != text:
        tmp = path.with_name(path.name + ".tmp")
        tmp.write_text(new_text, encoding="utf-8")
        os.replace(tmp, path)
    return tally


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true", help="change nothing; exit 1 if any key breaks a rule, naming dev keys only (e.g. --check)")
    parser.add_argument("--set", action="append", type=Path, help="one set folder instead of all, repeatable (e.g. --set tests/written6)")
    args = parser.parse_args(argv)
    sets = [ROOT / s if not s.is_absolute() else s for s in args.set] if args.set else annotation_sets()
    sets = [s for s in sets if s.resolve() not in {(ROOT / n).resolve() for n in SEALED}]
    total = 0
    for folder in sets:
        for name in FILES:
            path = folder / f"{name}.jsonl"
            if not path.exists():
                continue
            tally = rekey_file(path, write=not args.check)
            total += sum(tally.changed.values())
            counts = ", ".join(f"{split} {tally.changed[split]}" for split in ("dev", "test"))
            print(f"{folder.relative_to(ROOT) if folder.is_relative_to(ROOT) else folder}/{name}.jsonl: {counts}")
            for (old, new), n in sorted(tally.dev_pairs.items()):
                print(f"    dev  {old} -> {new}" + (f"  ×{n}" if n > 1 else ""))
    verb = "break a rule" if args.check else "re-keyed"
    print(f"{total} key(s) {verb}")
    return 1 if args.check and total else 0


if __name__ == "__main__":
    sys.exit(main())
