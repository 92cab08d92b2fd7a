"""Data checks of the annotation sets made for issue 13 and 12.

tests/gold-blind/ and tests/gold-blind2/ (blind annotations of the reports), tests/genres/ (texts written for testing, with
their gold), tests/fresh/ (a held-out set of texts written later, all `test`), tests/gold-links/
(judged activity-to-provision links) and the event fields of tests/gold/activities.jsonl. They check the records against the texts, never against an extractor.
Each test collects every bad row and names them all in its failure message; an empty file fails.
"""

from __future__ import annotations

import csv
import json
import re
from collections import defaultdict
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
TESTS = ROOT / "tests"
BLIND, GENRES, LINKS, GOLD = TESTS / "gold-blind", TESTS / "genres", TESTS / "gold-links", TESTS / "gold"
FRESH, SECOND, WRITTEN = TESTS / "fresh", TESTS / "gold-second", TESTS / "written"
WRITTEN2, WRITTEN3, BLIND2 = TESTS / "written2", TESTS / "written3", TESTS / "gold-blind2"
WRITTEN4, WRITTEN5, BLIND3 = TESTS / "written4", TESTS / "written5", TESTS / "gold-blind3"
WRITTEN6, WRITTEN7, BLIND4 = TESTS / "written6", TESTS / "written7", TESTS / "gold-blind4"
GAZETTEER = ROOT / "src" / "cthbgraph" / "extract" / "patterns" / "bodies.jsonl"

GAZ = {g["key"]: g["kind"] for g in map(json.loads, GAZETTEER.read_text(encoding="utf-8").splitlines()) if g}
FIELD_OPERATION = re.compile(
    r"^(mission|spillover-monitor-mission|centre|office|presence|project-co-ordinator|programme-office|field-office)"
    r"-[a-z0-9]+(?:-[a-z0-9]+)*$"
)
# OSCE bodies that the gazetteer lacks, keyed in tests/gold-blind/README.md ("Bodies", rule 5)
# and tests/gold-blind2/README.md ("Bodies")
EXTRA_OSCE = {"contact-group-mediterranean-partners", "osce-pa-ad-hoc-committee-on-migration"}
SLUG = r"[a-z0-9]+(?:-[a-z0-9]+)*"
PARTNER_KEY = re.compile(rf"^{SLUG}(?:--{SLUG})?$")
PARTNER_KINDS = {"national-authority", "ngo", "international-organisation", "treaty-body", "embassy", "other-partner"}
NATIONAL_KINDS = {"national-authority", "embassy"}
ACTIVITY_TYPES = {
    "training", "workshop", "conference", "meeting", "country-visit", "publication", "project",
    "legislative-assistance", "research", "awareness-raising", "monitoring", "advocacy", "other",
}
DOCUMENT_KEY = re.compile(r"^(mc-dec-[0-9]+-[0-9]{2}|pc-dec-[0-9]+|mc-decl-[a-z0-9-]+|osce-action-plan-2003)$")
DOCUMENT_KINDS = {"Decision", "Declaration", "ActionPlan"}
_DATE = r"[0-9]{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12][0-9]|3[01]))?)?"
ISO_DATE = re.compile(rf"^(?:{_DATE}(?:/{_DATE})?)?$")
GENRE_NAMES = {"press-release", "listing", "decision", "mandate-page"}
# tests/fresh adds excerpts written in the style of the annual reports: no single date, but a report year
FRESH_GENRE_NAMES = GENRE_NAMES | {"report"}
LINK_SECTIONS_EXTRA = {"VI.1", "VI.2", "none"}


def _rows(path: Path) -> list[dict]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert rows, f"{path.relative_to(ROOT)} is empty"
    return rows


def _report_texts() -> dict[str, str]:
    with open(ROOT / "corpus" / "manifest.csv", encoding="utf-8", newline="") as f:
        return {r["id"]: (ROOT / "corpus" / r["file"]).read_text(encoding="utf-8") for r in csv.DictReader(f)}


def _genre_manifest(folder: Path = GENRES) -> list[dict]:
    with open(folder / "texts" / "manifest.csv", encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


REPORTS = _report_texts()
def _texts(folder: Path) -> dict[str, str]:
    """A genre manifest's texts by id."""
    return {r["id"]: (folder / "texts" / r["file"]).read_text(encoding="utf-8") for r in _genre_manifest(folder)}


GENRE_TEXTS, FRESH_TEXTS = _texts(GENRES), _texts(FRESH)


def _fail(problems: list[str]) -> None:
    assert not problems, f"{len(problems)} bad rows:\n" + "\n".join(problems)


def _where(r: dict) -> str:
    return f"{r.get('report')}@{r.get('start')}"


def _span_problems(r: dict, texts: dict[str, str], field: str) -> list[str]:
    text = texts.get(r.get("report"))
    if text is None:
        return [f"{_where(r)}: unknown report"]
    start, end = r.get("start"), r.get("end")
    if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text)):
        return [f"{_where(r)}: bad offsets {r.get('start')}..{r.get('end')}"]
    if field and text[r["start"]:r["end"]] != r.get(field):
        return [f"{_where(r)}: text[start:end] != {field}"]
    return []


def _key_problems(key: str, kind: str, country: str) -> list[str]:
    """The key rules of tests/gold-blind/README.md ("Bodies")."""
    osce = (key in GAZ and GAZ[key] != "ExternalOrganisation") or bool(FIELD_OPERATION.match(key)) or key in EXTRA_OSCE
    if osce:
        return [] if kind == "osce" and country == "" else [f"{key}: OSCE body needs kind osce and no country"]
    if kind not in PARTNER_KINDS:
        return [f"{key}: kind {kind!r} not allowed"]
    if kind in NATIONAL_KINDS and not country:
        return [f"{key}: a {kind} needs a country"]
    if key in GAZ:
        return []
    if not PARTNER_KEY.match(key):
        return [f"{key}: not a slug key"]
    prefix = re.sub(r"[^a-z0-9]+", "-", country.lower()).strip("-")
    if country and not key.startswith(prefix + "--"):
        return [f"{key}: a national body's key starts with {prefix}--"]
    return []


def _known_key(key: str) -> bool:
    return key in GAZ or bool(FIELD_OPERATION.match(key)) or key in EXTRA_OSCE or bool(PARTNER_KEY.match(key))


def _bodies_problems(rows: list[dict], texts: dict[str, str], split: str | None) -> list[str]:
    problems: list[str] = []
    seen: dict[str, tuple[str, str]] = {}
    for r in rows:
        where = _where(r)
        problems += _span_problems(r, texts, "sentence")
        if split and r.get("split") != split:
            problems.append(f"{where}: split {r.get('split')!r}, expected {split!r}")
        spans = []
        for m in r.get("mentions", []):
            text = texts.get(r["report"], "")
            if not (r["start"] <= m["start"] < m["end"] <= r["end"]) or text[m["start"]:m["end"]] != m["text"]:
                problems.append(f"{where}: mention {m.get('text')!r} offsets")
            if set(m["text"]) & set("*[]"):
                problems.append(f"{where}: mention {m['text']!r} includes markup")
            problems += [f"{where}: {p}" for p in _key_problems(m["body"], m.get("kind", ""), m.get("country", ""))]
            if seen.setdefault(m["body"], (m.get("kind"), m.get("country"))) != (m.get("kind"), m.get("country")):
                problems.append(f"{where}: {m['body']} has another kind/country elsewhere {seen[m['body']]}")
            spans.append((m["start"], m["end"]))
        if not spans:
            problems.append(f"{where}: no mention")
        spans.sort()
        problems += [f"{where}: overlapping mentions" for a, b in zip(spans, spans[1:]) if a[1] > b[0]]
    return problems


def _decisions_problems(rows: list[dict], texts: dict[str, str], split: str | None) -> list[str]:
    problems = []
    for r in rows:
        problems += _span_problems(r, texts, "text")
        if not DOCUMENT_KEY.match(r.get("document", "")) or r.get("kind") not in DOCUMENT_KINDS:
            problems.append(f"{_where(r)}: document {r.get('document')!r} / kind {r.get('kind')!r}")
        if r.get("text", "").lower().startswith("the "):
            problems.append(f"{_where(r)}: leading article in {r['text']!r}")
        if split and r.get("split") != split:
            problems.append(f"{_where(r)}: split {r.get('split')!r}")
    return problems


def _event_problems(rows: list[dict]) -> list[str]:
    """One lead per event, on its first sentence in text order; event ids name their report."""
    problems = []
    by_event: dict[str, list[dict]] = defaultdict(list)
    for r in rows:
        if not re.match(rf"^{re.escape(str(r.get('report')))}#e[0-9]{{3}}$", str(r.get("event"))):
            problems.append(f"{_where(r)}: event id {r.get('event')!r}")
        if not isinstance(r.get("lead"), bool):
            problems.append(f"{_where(r)}: lead is not a boolean")
        by_event[str(r.get("event"))].append(r)
    for event, recs in by_event.items():
        recs.sort(key=lambda r: r["start"])
        leads = [r for r in recs if r.get("lead") is True]
        if len(leads) != 1 or leads[0] is not recs[0]:
            problems.append(f"{event}: {len(leads)} leads; the lead must be its first sentence ({_where(recs[0])})")
    return problems


def _activities_problems(rows: list[dict], texts: dict[str, str], regions: list[dict], split: str | None) -> list[str]:
    problems = _event_problems(rows)
    for r in rows:
        where = _where(r)
        problems += _span_problems(r, texts, "sentence")
        if r.get("type") not in ACTIVITY_TYPES:
            problems.append(f"{where}: type {r.get('type')!r}")
        agents, partners = r.get("agents", []), r.get("partners", [])
        if not agents or set(agents) & set(partners):
            problems.append(f"{where}: agents {agents} / partners {partners}")
        problems += [f"{where}: unknown key {k!r}" for k in agents + partners if not _known_key(k)]
        if not ISO_DATE.match(r.get("date", "")):
            problems.append(f"{where}: date {r.get('date')!r}")
        if split and r.get("split") != split:
            problems.append(f"{where}: split {r.get('split')!r}")
        if not any(g["report"] == r["report"] and g["start"] <= r["start"] and r["end"] <= g["end"] for g in regions):
            problems.append(f"{where}: outside every region")
    return problems


def _gold_spans(report: str) -> list[tuple[int, int, str]]:
    spans = []
    for name in ("regions", "activities", "bodies", "provisions"):
        spans += [(r["start"], r["end"], name) for r in _rows(GOLD / f"{name}.jsonl") if r["report"] == report]
    return spans


def _blind_split_problems(rows: list[dict], folder: Path = BLIND) -> list[str]:
    """The split rule of tests/gold-blind/README.md ("Blind dev and test"): a report's regions in text
    order alternate dev, test, dev, ...; a record takes the split of the region it lies in, else of the
    nearest region that starts before it, else of the report's first region."""
    regions: dict[str, list[dict]] = defaultdict(list)
    for r in _rows(folder / "regions.jsonl"):
        regions[r["report"]].append(r)
    problems = []
    for r in rows:
        spans = sorted(regions[r["report"]], key=lambda g: g["start"])
        before = [i for i, g in enumerate(spans) if g["start"] <= r["start"]]
        expected = "dev" if (before[-1] if before else 0) % 2 == 0 else "test"
        if r.get("split") != expected:
            problems.append(f"{_where(r)}: split {r.get('split')!r}, the alternating region rule gives {expected!r}")
    return problems


# The blind sets whose split follows the alternating region rule (tests/gold-blind, tests/gold-blind3, tests/gold-blind4).
ALTERNATING_SETS = [BLIND, BLIND3, BLIND4]


@pytest.mark.parametrize("folder", ALTERNATING_SETS, ids=[f.name for f in ALTERNATING_SETS])
def test_gold_blind_splits_follow_the_region_rule(folder):
    problems = []
    for name in ("regions", "activities", "bodies", "decisions"):
        rows = _rows_maybe_empty(folder / f"{name}.jsonl") if name == "decisions" else _rows(folder / f"{name}.jsonl")
        problems += _blind_split_problems(rows, folder)
    splits = {r.get("split") for r in _rows(folder / "regions.jsonl")}
    if splits != {"dev", "test"}:
        problems.append(f"{folder.name}: regions must be split into dev and test, found {sorted(map(str, splits))}")
    _fail(problems)


# The blind sets of the reports, oldest first: (folder, the split all its records must have or None).
# tests/gold-blind2 (2026-12-07, all dev) annotates stretches that neither tests/gold, tests/gold-blind
# nor tests/gold-second covers; its decisions.jsonl may be empty (no decision reference lies there).
# tests/gold-blind3 (2026-12-07, dev and test by the alternating region rule, checked above) annotates
# further stretches that none of tests/gold, tests/gold-blind, tests/gold-blind2 and tests/gold-second
# covers; its decisions.jsonl may be empty too.
# tests/gold-blind4 (2026-12-07, sixth session, alternating too) annotates stretches that none of the sets
# before it (tests/gold, tests/gold-blind, tests/gold-blind2, tests/gold-blind3, tests/gold-second) covers.
BLIND_SETS = [(BLIND, None), (BLIND2, "dev"), (BLIND3, None), (BLIND4, None)]
BLIND_IDS = [folder.name for folder, _ in BLIND_SETS]


def _rows_maybe_empty(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _earlier_blind_spans(folder: Path, report: str) -> list[tuple[int, int, str]]:
    """Regions and records of the blind sets made before `folder` and, for the sets after tests/gold-blind,
    the regions of tests/gold-second (which re-reads regions of tests/gold and tests/gold-blind)."""
    earlier = BLIND_SETS[:[f for f, _ in BLIND_SETS].index(folder)]
    spans = [(r["start"], r["end"], "gold-second regions") for r in _rows(SECOND / "regions.jsonl") if r["report"] == report and earlier]
    for other, _ in earlier:
        for name in ("regions", "activities", "bodies", "decisions"):
            spans += [(r["start"], r["end"], f"{other.name} {name}") for r in _rows_maybe_empty(other / f"{name}.jsonl") if r["report"] == report]
    return spans


@pytest.mark.parametrize(("folder", "split"), BLIND_SETS, ids=BLIND_IDS)
def test_gold_blind_regions_are_new_ground(folder, split):
    problems = []
    regions = _rows(folder / "regions.jsonl")
    for r in regions:
        problems += _span_problems(r, REPORTS, "")
        if not r.get("note"):
            problems.append(f"{_where(r)}: a note must be given")
        if split and r.get("split") != split:
            problems.append(f"{_where(r)}: split {r.get('split')!r}, expected {split!r}")
        for s, e, name in _gold_spans(r["report"]):
            if s < r["end"] and e > r["start"]:
                problems.append(f"{_where(r)}: overlaps tests/gold {name} {s}..{e}")
        for s, e, name in _earlier_blind_spans(folder, r["report"]):
            if s < r["end"] and e > r["start"]:
                problems.append(f"{_where(r)}: overlaps {name} {s}..{e}")
    ordered = sorted(regions, key=lambda g: (g["report"], g["start"]))
    problems += [f"{_where(b)}: overlaps region {_where(a)}" for a, b in zip(ordered, ordered[1:])
                 if a["report"] == b["report"] and b["start"] < a["end"]]
    _fail(problems)


@pytest.mark.parametrize(("folder", "split"), BLIND_SETS, ids=BLIND_IDS)
def test_gold_blind_activities(folder, split):
    rows = _rows(folder / "activities.jsonl")
    problems = _activities_problems(rows, REPORTS, _rows(folder / "regions.jsonl"), split)
    if folder != BLIND:  # the newer sets: records never overlap each other
        ordered = sorted(rows, key=lambda r: (r["report"], r["start"]))
        problems += [f"{_where(b)} overlaps {_where(a)}" for a, b in zip(ordered, ordered[1:]) if a["report"] == b["report"] and b["start"] < a["end"]]
    _fail(problems)


def test_second_reading_covers_dev_regions_of_the_first_readings():
    """tests/gold-second re-reads dev regions of tests/gold and tests/gold-blind, exactly as they are."""
    regions = _rows(SECOND / "regions.jsonl")
    first = {(r["report"], r["start"], r["end"]) for folder in (GOLD, BLIND) for r in _rows(folder / "regions.jsonl") if r.get("split") == "dev"}
    assert regions and all((r["report"], r["start"], r["end"]) in first for r in regions)
    rows = _rows(SECOND / "activities.jsonl")
    overlapping = [f"{_where(a)} overlaps {_where(b)}" for a, b in zip(rows, rows[1:]) if a["report"] == b["report"] and b["start"] < a["end"]]
    _fail(_activities_problems(rows, REPORTS, regions, "dev") + overlapping)


@pytest.mark.parametrize(("folder", "split"), BLIND_SETS, ids=BLIND_IDS)
def test_gold_blind_bodies(folder, split):
    rows = _rows(folder / "bodies.jsonl")
    problems = _bodies_problems(rows, REPORTS, split)
    gold_bodies = _rows(GOLD / "bodies.jsonl")
    for r in rows:
        problems += [f"{_where(r)}: overlaps a tests/gold body sentence" for g in gold_bodies
                     if g["report"] == r["report"] and g["start"] < r["end"] and g["end"] > r["start"]]
        problems += [f"{_where(r)}: overlaps {name} {s}..{e}" for s, e, name in _earlier_blind_spans(folder, r["report"])
                     if s < r["end"] and e > r["start"]]
    _fail(problems)


@pytest.mark.parametrize(("folder", "split"), BLIND_SETS, ids=BLIND_IDS)
def test_gold_blind_decisions(folder, split):
    rows = _rows(folder / "decisions.jsonl") if folder == BLIND else _rows_maybe_empty(folder / "decisions.jsonl")
    problems = _decisions_problems(rows, REPORTS, split)
    covered = _rows(folder / "regions.jsonl") + _rows(folder / "bodies.jsonl")
    for r in rows:
        if not any(c["report"] == r["report"] and c["start"] <= r["start"] and r["end"] <= c["end"] for c in covered):
            problems.append(f"{_where(r)}: neither in a region nor in a body sentence")
    _fail(problems)


def test_gold_events_of_the_reannotated_set():
    _fail(_event_problems(_rows(GOLD / "activities.jsonl")))


def _genre_split() -> dict[str, str]:
    return {r["id"]: r["split"] for r in _genre_manifest()}


def _documents_problems(folder: Path, texts: dict[str, str], manifest: list[dict], genres: set[str], splits: tuple[str, ...]) -> list[str]:
    """Each text of a manifest has its documents.jsonl record (genre, split, title at the top, ISO date and
    its year; a report excerpt: no date, the year of its title), and nothing is listed in one and not the other."""
    problems = []
    docs = {d["report"]: d for d in _rows(folder / "documents.jsonl")}
    for m in manifest:
        d, text = docs.get(m["id"]), texts[m["id"]]
        if m["genre"] not in genres or m["split"] not in splits:
            problems.append(f"{m['id']}: genre {m['genre']!r} / split {m['split']!r} (splits of {folder.name}: {', '.join(splits)})")
        if d is None:
            problems.append(f"{m['id']}: no documents.jsonl record")
            continue
        if (d["genre"], d["split"]) != (m["genre"], m["split"]):
            problems.append(f"{m['id']}: genre/split differ from the manifest")
        if d["title"] and d["title"] not in text[:400]:
            problems.append(f"{m['id']}: title not found at the top of the text")
        if not ISO_DATE.match(d["date"]) or "/" in d["date"]:
            problems.append(f"{m['id']}: date {d['date']!r}")
        elif m["genre"] == "report":
            if d["date"] or not re.fullmatch(r"[0-9]{4}", d["year"]) or d["year"] not in d["title"]:
                problems.append(f"{m['id']}: a report excerpt has no date and the year of its title ({d['year']!r})")
        elif d["year"] != d["date"][:4]:
            problems.append(f"{m['id']}: date {d['date']!r} / year {d['year']!r}")
    problems += [f"{rid}: not in the manifest" for rid in set(docs) - {m["id"] for m in manifest}]
    listed = {m["file"] for m in manifest}
    problems += [f"texts/{p.name}: not in the manifest" for p in (folder / "texts").glob("*.txt") if p.name not in listed]
    return problems


def test_genres_manifest_and_documents():
    problems = []
    manifest = _genre_manifest()
    if not manifest or list(manifest[0]) != ["id", "file", "genre", "split"]:
        problems.append("manifest.csv must have exactly the columns id,file,genre,split")
    problems += _documents_problems(GENRES, GENRE_TEXTS, manifest, GENRE_NAMES, ("dev", "test"))
    bad = sorted(p.name for p in (GENRES / "bad").glob("*.txt"))
    if len(bad) != 6 or set(bad) & {m["file"] for m in manifest}:
        problems.append(f"bad/ must hold the 6 unannotated texts, none in the manifest: {bad}")
    _fail(problems)


def _split_problems(rows: list[dict]) -> list[str]:
    split = _genre_split()
    return [f"{_where(r)}: split {r.get('split')!r}, manifest says {split.get(r['report'])!r}"
            for r in rows if r.get("split") != split.get(r["report"])]


def test_genres_regions_cover_whole_texts():
    rows = _rows(GENRES / "regions.jsonl")
    _fail(_split_problems(rows) + _whole_text_problems(rows, GENRE_TEXTS))


def _whole_text_problems(regions: list[dict], texts: dict[str, str]) -> list[str]:
    """Each text of a set of short texts is one region, the whole text."""
    by_report = {r["report"]: r for r in regions}
    return [
        f"{rid}: the region must be the whole text (0..{len(text)})"
        for rid, text in texts.items()
        if (r := by_report.get(rid)) is None or (r["start"], r["end"]) != (0, len(text))
    ]


def test_genres_activities():
    rows = _rows(GENRES / "activities.jsonl")
    _fail(_activities_problems(rows, GENRE_TEXTS, _rows(GENRES / "regions.jsonl"), None) + _split_problems(rows))


def test_genres_bodies():
    rows = _rows(GENRES / "bodies.jsonl")
    _fail(_bodies_problems(rows, GENRE_TEXTS, None) + _split_problems(rows))


def test_genres_decisions():
    rows = _rows(GENRES / "decisions.jsonl")
    _fail(_decisions_problems(rows, GENRE_TEXTS, None) + _split_problems(rows))


def test_gold_links():
    provisions = {p["notation"] for p in _rows(GOLD / "provisions.jsonl")}
    sections = {n.rsplit(".", 1)[0] for n in provisions} | LINK_SECTIONS_EXTRA
    activities = {(a["report"], a["start"], a["end"])
                  for folder in (GOLD, BLIND) for a in _rows(folder / "activities.jsonl")}
    boundary = {"osr-2007-annual-report": 86395, "osr-2016-17-report": 98686}
    problems = []
    for r in _rows(LINKS / "links.jsonl"):
        where = _where(r)
        problems += _span_problems(r, REPORTS, "sentence")
        if r["report"] not in boundary or (r["report"], r["start"], r["end"]) not in activities:
            problems.append(f"{where}: not an activity record of the 2007 or 2016-17 report")
        ps = r.get("provisions", [])
        if len(ps) > 2 or set(ps) - provisions or r.get("section") not in sections:
            problems.append(f"{where}: provisions {ps} / section {r.get('section')!r}")
        if ps and r.get("section") == "none":
            problems.append(f"{where}: provisions given with section none")
        if r.get("confidence") not in ("clear", "plausible"):
            problems.append(f"{where}: confidence {r.get('confidence')!r}")
        expected = "dev" if r["start"] < boundary.get(r["report"], 0) else "test"
        if r.get("split") != expected:
            problems.append(f"{where}: split {r.get('split')!r}, the chapter rule gives {expected!r}")
    _fail(problems)


# Sets of texts written for the project whose every record has one split: tests/fresh (held out),
# tests/written, tests/written2, tests/written3 and tests/written4 (development). Genre "report" is allowed there: a report excerpt.
# tests/written5, tests/written6 and tests/written7 have both splits: see SPLIT_WRITTEN_SETS below.
WRITTEN_SETS = [
    (FRESH, FRESH_TEXTS, "test"),
    *((folder, _texts(folder), "dev") for folder in (WRITTEN, WRITTEN2, WRITTEN3, WRITTEN4)),
]
WRITTEN_IDS = [folder.name for folder, _, _ in WRITTEN_SETS]


@pytest.mark.parametrize(("folder", "texts", "split"), WRITTEN_SETS, ids=WRITTEN_IDS)
def test_written_sets_manifest_and_documents(folder, texts, split):
    problems = []
    manifest = _genre_manifest(folder)
    if not manifest or list(manifest[0]) != ["id", "file", "genre", "split"]:
        problems.append("manifest.csv must have exactly the columns id,file,genre,split")
    taken = {*GENRE_TEXTS, *REPORTS, *(rid for f, other, _ in WRITTEN_SETS if f != folder for rid in other),
             *(rid for _, other in SPLIT_WRITTEN_SETS for rid in other)}
    problems += [f"{m['id']}: id already used by another set or corpus/" for m in manifest if m["id"] in taken]
    problems += _documents_problems(folder, texts, manifest, FRESH_GENRE_NAMES, (split,))
    _fail(problems)


@pytest.mark.parametrize(("folder", "texts", "split"), WRITTEN_SETS, ids=WRITTEN_IDS)
def test_written_sets_regions_cover_whole_texts(folder, texts, split):
    rows = _rows(folder / "regions.jsonl")
    problems = [f"{_where(r)}: split {r.get('split')!r}" for r in rows if r.get("split") != split]
    _fail(problems + _whole_text_problems(rows, texts))


@pytest.mark.parametrize(("folder", "texts", "split"), WRITTEN_SETS, ids=WRITTEN_IDS)
def test_written_sets_records(folder, texts, split):
    problems = _activities_problems(_rows(folder / "activities.jsonl"), texts, _rows(folder / "regions.jsonl"), split)
    problems += _bodies_problems(_rows(folder / "bodies.jsonl"), texts, split)
    decisions = _rows(folder / "decisions.jsonl")
    problems += _decisions_problems(decisions, texts, split)
    problems += [f"{_where(r)}: not in a text of {folder.name}" for r in decisions if r.get("report") not in texts]
    _fail(problems)


# Sets of texts written for the project with both splits (tests/written5, tests/written6, tests/written7): the split of a text is in
# its manifest, alternating in manifest order (1st text dev, 2nd test, 3rd dev, ...), and every record
# (regions, activities, bodies, decisions, documents) carries the split of its text.
SPLIT_WRITTEN_SETS = [(WRITTEN5, _texts(WRITTEN5)), (WRITTEN6, _texts(WRITTEN6)), (WRITTEN7, _texts(WRITTEN7))]
SPLIT_WRITTEN_IDS = [folder.name for folder, _ in SPLIT_WRITTEN_SETS]


def _manifest_split_problems(rows: list[dict], folder: Path) -> list[str]:
    split = {m["id"]: m["split"] for m in _genre_manifest(folder)}
    return [f"{_where(r)}: split {r.get('split')!r}, manifest says {split.get(r.get('report'))!r}"
            for r in rows if r.get("split") != split.get(r.get("report"))]


@pytest.mark.parametrize(("folder", "texts"), SPLIT_WRITTEN_SETS, ids=SPLIT_WRITTEN_IDS)
def test_split_written_sets_manifest_and_documents(folder, texts):
    problems = []
    manifest = _genre_manifest(folder)
    if not manifest or list(manifest[0]) != ["id", "file", "genre", "split"]:
        problems.append("manifest.csv must have exactly the columns id,file,genre,split")
    problems += [f"{m['id']}: split {m['split']!r}, the alternating manifest rule gives {'dev' if i % 2 == 0 else 'test'!r}"
                 for i, m in enumerate(manifest) if m["split"] != ("dev" if i % 2 == 0 else "test")]
    taken = {*GENRE_TEXTS, *REPORTS, *(rid for _, other, _ in WRITTEN_SETS for rid in other),
             *(rid for f, other in SPLIT_WRITTEN_SETS if f != folder for rid in other)}
    problems += [f"{m['id']}: id already used by another set or corpus/" for m in manifest if m["id"] in taken]
    problems += _documents_problems(folder, texts, manifest, FRESH_GENRE_NAMES, ("dev", "test"))
    _fail(problems)


@pytest.mark.parametrize(("folder", "texts"), SPLIT_WRITTEN_SETS, ids=SPLIT_WRITTEN_IDS)
def test_split_written_sets_regions_cover_whole_texts(folder, texts):
    rows = _rows(folder / "regions.jsonl")
    _fail(_manifest_split_problems(rows, folder) + _whole_text_problems(rows, texts))


@pytest.mark.parametrize(("folder", "texts"), SPLIT_WRITTEN_SETS, ids=SPLIT_WRITTEN_IDS)
def test_split_written_sets_records(folder, texts):
    activities, bodies, decisions = (_rows(folder / f"{name}.jsonl") for name in ("activities", "bodies", "decisions"))
    problems = _activities_problems(activities, texts, _rows(folder / "regions.jsonl"), None)
    problems += _bodies_problems(bodies, texts, None)
    problems += _decisions_problems(decisions, texts, None)
    problems += [f"{_where(r)}: not in a text of {folder.name}" for r in decisions if r.get("report") not in texts]
    problems += _manifest_split_problems(activities + bodies + decisions, folder)
    _fail(problems)


def test_every_scored_annotation_set_is_in_the_registry_the_scripts_read():
    """scripts/scoreboard.py and scripts/confidence_table.py read tests/annotation-sets.csv: a new set
    left out of it would silently be left out of every table. (tests/gold-second is a second reading
    of tests/gold's activities, for agreement, and has no bodies.)"""
    with open(TESTS / "annotation-sets.csv", encoding="utf-8") as f:
        registry = {r["gold"]: r for r in csv.DictReader(f)}
    folders = {f"tests/{d.name}" for d in TESTS.iterdir() if (d / "activities.jsonl").exists() and (d / "bodies.jsonl").exists()}
    assert folders == set(registry), f"missing: {sorted(folders - set(registry))}, stale: {sorted(set(registry) - folders)}"
    bad = [g for g, r in registry.items() if not (ROOT / r["corpus"]).is_dir() or not r["pool"]]
    assert not bad, f"no corpus folder or no pool: {bad}"


def test_every_set_keys_by_the_one_convention():
    """docs/keys.md: every set but the sealed tests/fresh keys partners by the mechanical rules of the
    one convention (no apostrophe word break, a national rapporteur by the post, an embassy by its
    host country), so the sets cannot drift apart again. A key of a held-out record is counted, not
    named. Fix with scripts/rekey_annotations.py."""
    from cthbgraph.evaluation.key_convention import conventional_key

    with open(TESTS / "annotation-sets.csv", encoding="utf-8") as f:
        folders = [ROOT / r["gold"] for r in csv.DictReader(f) if r["gold"] != "tests/fresh"] + [SECOND]
    problems, held_out = [], 0
    for folder in folders:
        for name in ("bodies", "activities", "provisions"):
            path = folder / f"{name}.jsonl"
            for r in _rows(path) if path.exists() else ():
                keys = [m["body"] for m in r.get("mentions", ())] + [*r.get("agents", ()), *r.get("partners", ()), *r.get("tasked", ())]
                bad = [k for k in keys if conventional_key(k) != k]
                if bad and r.get("split", "dev") == "test":
                    held_out += len(bad)
                elif bad:
                    problems += [f"{folder.name} {_where(r)}: {k} -> {conventional_key(k)}" for k in bad]
    if held_out:
        problems.append(f"{held_out} key(s) of test records")
    _fail(problems)
