"""Consistency checks for the hand-checked gold annotations in tests/gold/.

They check the annotations against the corpus texts, not any extractor: offsets, keys, notations,
dates, splits and the minimum sizes the evaluation relies on.
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
}
BODY_KINDS = {
    "DecisionMakingBody", "Institution", "SecretariatUnit", "Post", "FieldOperation", "ExternalOrganisation",
}
DOCUMENT_KINDS = {"Decision", "Declaration", "ActionPlan"}
REPORT_2006 = "000"  # seed prefix of "From Policy to Practice" (2006)


def _manifest() -> dict[str, dict[str, str]]:
    with open(CORPUS / "manifest.csv", encoding="utf-8", newline="") as f:
        return {row["id"]: row for row in csv.DictReader(f)}


MANIFEST = _manifest()
TEXTS = {rid: open(CORPUS / row["file"], encoding="utf-8").read() for rid, row in MANIFEST.items()}
SEED = {rid: Path(row["source"]).name[:3] for rid, row in MANIFEST.items()}
BY_SEED = {seed: rid for rid, seed in SEED.items()}


def _load(name: str) -> list[dict]:
    with open(GOLD / name, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


BODIES = _load("bodies.jsonl")
DECISIONS = _load("decisions.jsonl")
PROVISIONS = _load("provisions.jsonl")
ACTIVITIES = _load("activities.jsonl")
REGIONS = _load("regions.jsonl")
GAZ = [json.loads(line) for line in open(GAZETTEER, encoding="utf-8") if line.strip()]
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


ALL = [("bodies", r) for r in BODIES] + [("decisions", r) for r in DECISIONS] + [
    ("provisions", r) for r in PROVISIONS
] + [("activities", r) for r in ACTIVITIES] + [("regions", r) for r in REGIONS]


def test_gazetteer_is_well_formed():
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


@pytest.mark.parametrize("kind,rec", ALL)
def test_offsets_and_split(kind, rec):
    assert rec["report"] in TEXTS, rec["report"]
    text = TEXTS[rec["report"]]
    assert 0 <= rec["start"] < rec["end"] <= len(text)
    span = text[rec["start"]:rec["end"]]
    if kind in ("bodies", "activities"):
        assert span == rec["sentence"]
    elif kind in ("decisions", "provisions"):
        assert span == rec.get("text", span)
    assert rec["split"] in ("dev", "test")
    assert rec["split"] == _expected_split(rec["report"], rec["start"])


@pytest.mark.parametrize("rec", BODIES)
def test_body_mentions(rec):
    text = TEXTS[rec["report"]]
    for m in rec["mentions"]:
        assert rec["start"] <= m["start"] < m["end"] <= rec["end"], m
        assert text[m["start"]:m["end"]] == m["text"], m
        assert not m["text"].startswith("*") and not m["text"].endswith("*"), m
        assert _known_body(m["body"]), m["body"]
    spans = sorted((m["start"], m["end"]) for m in rec["mentions"])
    for (a, b), (c, d) in zip(spans, spans[1:]):
        assert b <= c, f"overlapping mentions {spans}"


@pytest.mark.parametrize("rec", DECISIONS)
def test_decision_references(rec):
    assert DOCUMENT_KEY.match(rec["document"]), rec["document"]
    assert rec["kind"] in DOCUMENT_KINDS
    assert not rec["text"].lower().startswith("the "), "leading articles are not part of the span"


@pytest.mark.parametrize("rec", PROVISIONS)
def test_provisions(rec):
    assert NOTATION.match(rec["notation"]), rec["notation"]
    for key in rec["tasked"] + rec["partners"]:
        assert _known_body(key), key
    assert not set(rec["tasked"]) & set(rec["partners"])
    # the span starts with the quoted number (possibly without the chapter, e.g. "7.2")
    head = TEXTS[rec["report"]][rec["start"]:rec["end"]]
    number = rec["notation"].split(".", 1)[1]
    assert re.match(r"(?:[IVX]+\.\s?)?" + r"\.\s?".join(number.split(".")), head), head[:20]


@pytest.mark.parametrize("rec", ACTIVITIES)
def test_activities(rec):
    assert rec["type"] in ACTIVITY_TYPES
    assert rec["agents"], "an activity needs at least one agent"
    for key in rec["agents"] + rec["partners"]:
        assert _known_body(key), key
    assert not set(rec["agents"]) & set(rec["partners"])
    assert ISO_DATE.match(rec["date"]), rec["date"]
    assert rec["provision"] == "" or NOTATION.match(rec["provision"]), rec["provision"]
    inside = [r for r in REGIONS if r["report"] == rec["report"] and r["start"] <= rec["start"] < r["end"]]
    assert inside, "activity sentences come from exhaustively annotated regions"


def test_activity_provisions_are_quoted_in_the_same_report():
    quoted = {(p["report"], p["notation"]) for p in PROVISIONS}
    for a in ACTIVITIES:
        if a["provision"]:
            assert (a["report"], a["provision"]) in quoted, a["provision"]


def test_every_numbered_provision_is_annotated():
    pattern = re.compile(r"^(?:<p>)?[*]*(?:(?:III|IV|V|VI)\.\s?)?[0-9]+\.\s?[0-9]+\.?\s+(?:The|Tasking|Enhancing|While|As|In)\b", re.M)
    for rid, text in TEXTS.items():
        found = {
            m.start() + (3 if text.startswith("<p>", m.start()) else 0)
            for m in pattern.finditer(text)
            if len(text[m.start():text.find("\n", m.start())]) > 80  # section headings such as "7.2 The way forward" are short
        }
        annotated = {p["start"] for p in PROVISIONS if p["report"] == rid}
        assert found == annotated, (rid, sorted(found ^ annotated))


def test_minimum_counts():
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


def test_no_duplicate_records():
    for name, rows in (("bodies", BODIES), ("decisions", DECISIONS), ("provisions", PROVISIONS),
                       ("activities", ACTIVITIES)):
        keys = [(r["report"], r["start"], r["end"]) for r in rows]
        assert len(keys) == len(set(keys)), name
