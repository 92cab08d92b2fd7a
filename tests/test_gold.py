"""Consistency checks for the hand-checked gold annotations in tests/gold/.

They check the annotations against the corpus texts, not any extractor: offsets, keys, notations,
dates, splits and the minimum sizes the evaluation relies on. One check per annotation file, which
names every bad line of the file in its failure message.
"""

from __future__ import annotations

import csv
import json
import re
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "gold"
CORPUS = ROOT / "corpus"
GAZETTEER = ROOT / "src" / "cthbgraph" / "extract" / "patterns" / "bodies.jsonl"

FIELD_OPERATION_KEY = re.compile(
    r"^(mission|spillover-monitor-mission|centre|office|presence|project-co-ordinator|programme-office)"
    r"-[a-z0-9]+(?:-[a-z0-9]+)*$"
)
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
NOTATION = re.compile(r"^[IVX]+\.[0-9]+\.[0-9]+$")
DOCUMENT_KEY = re.compile(r"^(mc-dec-[0-9]+-[0-9]{2}|pc-dec-[0-9]+|mc-decl-[a-z0-9-]+|osce-action-plan-2003)$")
_DATE = r"[0-9]{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12][0-9]|3[01]))?)?"
ISO_DATE = re.compile(rf"^(?:{_DATE}(?:/{_DATE})?)?$")
ACTIVITY_TYPES = {
    "training", "workshop", "conference", "meeting", "country-visit", "publication", "project",
    "legislative-assistance", "research", "awareness-raising", "monitoring", "advocacy", "other",
}  # fmt: skip
BODY_KINDS = {
    "DecisionMakingBody", "Institution", "SecretariatUnit", "Post", "FieldOperation", "ExternalOrganisation",
}  # fmt: skip
DOCUMENT_KINDS = {"Decision", "Declaration", "ActionPlan"}
REPORT_2006 = "000"  # seed prefix of "From Policy to Practice" (2006)


def _manifest() -> dict[str, dict[str, str]]:
    with open(CORPUS / "manifest.csv", encoding="utf-8", newline="") as f:
        return {row["id"]: row for row in csv.DictReader(f)}


def _jsonl(path: Path) -> list[tuple[int, dict]]:
    """(line number, record) of every non-blank line."""
    with open(path, encoding="utf-8") as f:
        return [(n, json.loads(line)) for n, line in enumerate(f, 1) if line.strip()]


MANIFEST = _manifest()
TEXTS = {rid: (CORPUS / row["file"]).read_text(encoding="utf-8") for rid, row in MANIFEST.items()}
SEED = {rid: Path(row["source"]).name[:3] for rid, row in MANIFEST.items()}
BY_SEED = {seed: rid for rid, seed in SEED.items()}
LINES = {name: _jsonl(GOLD / f"{name}.jsonl") for name in ("bodies", "decisions", "provisions", "activities", "regions")}
BODIES, DECISIONS, PROVISIONS, ACTIVITIES, REGIONS = ([r for _, r in LINES[n]] for n in LINES)
GAZ = [r for _, r in _jsonl(GAZETTEER)]
GAZ_KEYS = {g["key"] for g in GAZ}


def _expected_split(report: str, start: int) -> str:
    seed = SEED[report]
    if seed in ("002", "003"):
        return "test"
    if seed == REPORT_2006:
        boundary = TEXTS[report].index("III. 2. PREVENTION")
        return "test" if start >= boundary else "dev"
    return "dev"


def _known_body(key: str) -> bool:
    return key in GAZ_KEYS or bool(FIELD_OPERATION_KEY.match(key))


# ------------------------------------------------------------------- what may be wrong with a line


def _span_problems(kind: str, rec: dict) -> list[str]:
    """Offsets inside the report, the recorded text at those offsets, the split of the offsets."""
    if rec["report"] not in TEXTS:
        return [f"unknown report {rec['report']!r}"]
    text = TEXTS[rec["report"]]
    if not 0 <= rec["start"] < rec["end"] <= len(text):
        return [f"offsets {rec['start']}-{rec['end']} outside the report"]
    problems = []
    span = text[rec["start"] : rec["end"]]
    recorded = rec["sentence"] if kind in ("bodies", "activities") else rec.get("text", span)
    if span != recorded:
        problems.append(f"the text at {rec['start']}-{rec['end']} is {span[:40]!r}, not {recorded[:40]!r}")
    if rec["split"] != _expected_split(rec["report"], rec["start"]):
        problems.append(f"split {rec['split']!r}, expected {_expected_split(rec['report'], rec['start'])!r}")
    return problems


def _body_problems(rec: dict) -> list[str]:
    text = TEXTS[rec["report"]]
    problems = []
    for m in rec["mentions"]:
        if not rec["start"] <= m["start"] < m["end"] <= rec["end"]:
            problems.append(f"mention {m['text']!r} outside its sentence")
        elif text[m["start"] : m["end"]] != m["text"]:
            problems.append(f"mention {m['text']!r} is not the text at {m['start']}-{m['end']}")
        if m["text"].startswith("*") or m["text"].endswith("*"):
            problems.append(f"mention {m['text']!r} includes markdown emphasis")
        if not _known_body(m["body"]):
            problems.append(f"unknown body key {m['body']!r}")
    spans = sorted((m["start"], m["end"]) for m in rec["mentions"])
    problems += [f"overlapping mentions {a} and {b}" for a, b in zip(spans, spans[1:]) if a[1] > b[0]]
    return problems


def _decision_problems(rec: dict) -> list[str]:
    problems = []
    if not DOCUMENT_KEY.match(rec["document"]):
        problems.append(f"document key {rec['document']!r}")
    if rec["kind"] not in DOCUMENT_KINDS:
        problems.append(f"kind {rec['kind']!r}")
    if rec["text"].lower().startswith("the "):
        problems.append("a leading article is not part of the span")
    return problems


def _provision_problems(rec: dict) -> list[str]:
    problems = [] if NOTATION.match(rec["notation"]) else [f"notation {rec['notation']!r}"]
    problems += [f"unknown body key {key!r}" for key in rec["tasked"] + rec["partners"] if not _known_body(key)]
    if set(rec["tasked"]) & set(rec["partners"]):
        problems.append("a body is both tasked and a partner")
    # The span starts with the quoted number (possibly without the chapter, e.g. "7.2").
    head = TEXTS[rec["report"]][rec["start"] : rec["end"]]
    number = rec["notation"].split(".", 1)[1]
    if not re.match(r"(?:[IVX]+\.\s?)?" + r"\.\s?".join(number.split(".")), head):
        problems.append(f"the span starts {head[:20]!r}, not with the provision's number")
    return problems


def _activity_problems(rec: dict) -> list[str]:
    problems = [] if rec["type"] in ACTIVITY_TYPES else [f"type {rec['type']!r}"]
    if not rec["agents"]:
        problems.append("no agent")
    problems += [f"unknown body key {key!r}" for key in rec["agents"] + rec["partners"] if not _known_body(key)]
    if set(rec["agents"]) & set(rec["partners"]):
        problems.append("a body is both agent and partner")
    if not ISO_DATE.match(rec["date"]):
        problems.append(f"date {rec['date']!r} is not ISO 8601")
    if rec["provision"] and not NOTATION.match(rec["provision"]):
        problems.append(f"provision {rec['provision']!r}")
    if not any(r["report"] == rec["report"] and r["start"] <= rec["start"] < r["end"] for r in REGIONS):
        problems.append("outside every annotated region (activity sentences come from exhaustive regions)")
    return problems


CHECKS = {
    "bodies": _body_problems,
    "decisions": _decision_problems,
    "provisions": _provision_problems,
    "activities": _activity_problems,
    "regions": lambda rec: [],
}


@pytest.mark.parametrize("name", list(CHECKS))
def test_gold_file_lines_agree_with_the_corpus(name):
    lines = LINES[name]
    assert lines, f"{name}.jsonl holds no record"
    bad = []
    for n, rec in lines:
        problems = _span_problems(name, rec)
        if not problems or not problems[0].startswith(("unknown report", "offsets")):  # the text can be read
            problems += CHECKS[name](rec)
        bad += [f"{name}.jsonl line {n}: {p}" for p in problems]
    assert not bad, f"{len(bad)} problem(s):\n" + "\n".join(bad)


def test_gold_gazetteer_is_well_formed():
    keys = [g["key"] for g in GAZ]
    assert len(keys) == len(set(keys)), "duplicate gazetteer keys"
    seen: dict[str, str] = {}
    for g in GAZ:
        assert SLUG.match(g["key"]), g["key"]
        assert g["kind"] in BODY_KINDS, g
        assert g["label"] and g["aliases"], g
        for alias in g["aliases"]:
            assert alias not in seen, f"alias {alias!r} used by {seen[alias]} and {g['key']}"
            seen[alias] = g["key"]


def test_gold_activity_provisions_are_quoted_in_the_same_report():
    quoted = {(p["report"], p["notation"]) for p in PROVISIONS}
    placed = [a for a in ACTIVITIES if a["provision"]]
    assert placed
    assert [a["provision"] for a in placed if (a["report"], a["provision"]) not in quoted] == []


def test_gold_every_numbered_provision_is_annotated():
    pattern = re.compile(
        r"^(?:<p>)?[*]*(?:(?:III|IV|V|VI)\.\s?)?[0-9]+\.\s?[0-9]+\.?\s+(?:The|Tasking|Enhancing|While|As|In)\b", re.M
    )
    for rid, text in TEXTS.items():
        found = {
            m.start() + (3 if text.startswith("<p>", m.start()) else 0)
            for m in pattern.finditer(text)
            # section headings such as "7.2 The way forward" are short
            if len(text[m.start() : text.find("\n", m.start())]) > 80
        }
        annotated = {p["start"] for p in PROVISIONS if p["report"] == rid}
        assert found == annotated, (rid, sorted(found ^ annotated))


def test_gold_minimum_counts():
    per_report = Counter(SEED[b["report"]] for b in BODIES)
    assert len(BODIES) >= 120
    for seed, n in (("000", 30), ("002", 30), ("003", 30), ("001", 10), ("004", 10)):
        assert per_report[seed] >= n, (seed, per_report[seed])
    acts = Counter(SEED[a["report"]] for a in ACTIVITIES)
    assert len(ACTIVITIES) >= 160
    assert acts["002"] >= 40 and acts["003"] >= 40 and acts["001"] > 0 and acts["004"] > 0
    rid = BY_SEED[REPORT_2006]
    chapter_iii = (TEXTS[rid].index("III. THE OSCE ACTION PLAN"), TEXTS[rid].index("IV. NEXT STEPS"))
    in_iii = [a for a in ACTIVITIES if a["report"] == rid and chapter_iii[0] <= a["start"] < chapter_iii[1]]
    assert len(in_iii) >= 70
    assert len(PROVISIONS) >= 20
    assert {d["kind"] for d in DECISIONS} == DOCUMENT_KINDS


@pytest.mark.parametrize("name", ["bodies", "decisions", "provisions", "activities"])
def test_gold_no_duplicate_records(name):
    keys = Counter((r["report"], r["start"], r["end"]) for _, r in LINES[name])
    assert keys
    assert [k for k, n in keys.items() if n > 1] == []
