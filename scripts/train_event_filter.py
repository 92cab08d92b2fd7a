"""Train the event filter (src/cthbgraph/extract/event_filter.py) on the dev annotations only.

    python scripts/train_event_filter.py            # extract, cross-validate, write the weights (one command)
    python scripts/train_event_filter.py --dry-run  # cross-validate only

It reads only ``dev`` records and ``dev`` regions of the sets in ``SETS`` (the dev halves of
``tests/gold``, ``tests/genres``, ``tests/gold-blind``, ``tests/written5`` and ``tests/gold-blind3``;
``tests/written`` to ``tests/written4`` and ``tests/gold-blind2`` whole): :func:`dev_records` drops
every line of a gold file that is not marked ``"split": "dev"`` before parsing it, so no ``test`` record or region is ever read. For each
sentence that the rules let open an event inside a dev region it computes the filter's features and
labels it as the evaluation would: a true event (it matches a gold event no earlier event matched) or
a false one (it overlaps no gold sentence, or repeats a gold event already matched). The non-activity
sentences of the regions that the rules read with a doer are extra negatives, the activity sentences
that do not open an event extra positives (``--sentences``). A logistic regression with an L2 penalty
is fitted by Newton's method (deterministic); the threshold is the one that maximises the F1 of events
over out-of-fold scores (folds by text, the same text in the same fold in every set; the feature
groups of ``event_features.py`` and the penalty chosen there too) if it beats the rules alone by ``MIN_GAIN``, else 0.0 (the
filter removes nothing); the model fitted on all of dev is written as JSON either way.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

import numpy as np

# One command end to end (extract the dev candidates, cross-validate, write the weights) from any checkout,
# with or without PYTHONPATH: this checkout's code is the one trained.
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
from cthbgraph.corpus import load_corpus  # noqa: E402
from cthbgraph.extract import Extractor, event_features, event_filter, events  # noqa: E402
from cthbgraph.extract.reader import DocReader  # noqa: E402

SETS = (
    ("tests/gold", "corpus"),
    ("tests/genres", "tests/genres/texts"),
    ("tests/gold-blind", "corpus"),
    ("tests/written", "tests/written/texts"),  # all dev: invented texts of the sentences held-out text gets wrong
    ("tests/written2", "tests/written2/texts"),  # all dev, like tests/written: press releases, listings, decisions, pages
    ("tests/written3", "tests/written3/texts"),  # all dev: invented report excerpts
    ("tests/written4", "tests/written4/texts"),  # all dev: short press releases, listings, pages
    ("tests/gold-blind2", "corpus"),  # all dev: blind annotations of more uncovered report stretches
    ("tests/written5", "tests/written5/texts"),  # dev half: short texts written blind, half of them held out
    ("tests/gold-blind3", "corpus"),  # dev half: blind annotations of the last uncovered report stretches
)
# The feature sets tried: the coarse features of event_filter.py ("base") and the groups of event_features.py.
FEATURE_SETS = (("base",), ("base", "syn", "ctx"), ("base", "syn", "ctx", "bow"))
PENALTIES = (1.0, 3.0, 10.0, 30.0)
# A feature seen in fewer texts than this is left out: it could only learn the texts it comes from.
MIN_TEXTS = 3
DEV = '"split": "dev"'


def dev_records(gold_dir: str, name: str) -> list[dict]:
    """The dev records of one gold file. A line without the dev mark is skipped unparsed: the test
    records and regions are never read (every line of the gold files spells its split this way)."""
    path = Path(gold_dir) / f"{name}.jsonl"
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if DEV in line]
    assert all(r["split"] == "dev" for r in rows)
    return rows
FOLDS = 5
# How much better than the rules alone the filter must do out of fold to be switched on: with about a
# hundred candidates and some hundred settings tried, one event more or less is within the noise.
MIN_GAIN = 0.01


def _inside(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(start < e and end > s for s, e in spans)


def examples(extractor: Extractor, gold_dir: str, corpus_dir: str) -> list[dict]:
    """One row per candidate sentence of a dev region: report, features, label, kind ("event": it opens
    an event; "sentence": another sentence read with a doer; "missed": a gold event no candidate reaches)."""
    dev = dev_records(gold_dir, "regions")
    gold_rows = dev_records(gold_dir, "activities")
    ids = sorted({r["report"] for r in dev})
    reports = [r for r in load_corpus(Path(corpus_dir)) if r.id in ids]
    rows = []
    for report, doc in extractor.parse(reports):
        if report.genre == "listing":
            continue  # read line by line, never by group_events
        spans = [(r["start"], r["end"]) for r in dev if r["report"] == report.id]
        reader = DocReader(report, doc, extractor, guess=True)  # the adding side learns from the guesses
        readings = list(reader.readings(reader.provisions()))
        openers = {}

        def collect(reading, genre, previous, openers=openers):
            openers[reading.excerpt.start] = (reading, previous)
            return True

        found = events.group_events(readings, report.text, genre=report.genre, keep=collect, year=report.year)
        by_event: dict[str, list[dict]] = defaultdict(list)
        for g in gold_rows:
            if g["report"] == report.id:
                by_event[g.get("event") or f"{report.id}@{g['start']}"].append(g)
        rows += _label(report, found, openers, by_event, spans, gold_dir)
        used = {r["start"] for r in rows if r["report"] == report.id}
        for r in readings:
            x = r.excerpt
            if r.activity is None or x.start in used or not _inside(x.start, x.end, spans):
                continue
            positive = any(g["report"] == report.id and x.start < g["end"] and x.end > g["start"] for g in gold_rows)
            before = [a for a in found if a.excerpt.start < x.start]
            rows.append(_row(report, (r, before[-1] if before else None), positive, "sentence", gold_dir))
        rows += _additions(report, readings, found, rows, by_event, spans, gold_dir)
    return rows


def _additions(report, readings, found, rows, by_event, spans, gold_dir) -> list[dict]:
    """The sentences of dev regions read with no doer of their own but one in their context, outside every
    event: true if one reaches a gold event that no candidate reached (``target``), else false."""
    evidence = {e.start for a in found for e in a.evidence}
    missed = {r["target"] for r in rows if r["report"] == report.id and r["kind"] == "missed" and r["set"] == gold_dir}
    out = []
    for r in readings:
        x = r.excerpt
        if r.activity is not None or r.context is None or x.start in evidence or not _inside(x.start, x.end, spans):
            continue
        target = next((k for k in sorted(missed) if any(x.start < g["end"] and x.end > g["start"] for g in by_event[k])), "")
        before = [a for a in found if a.excerpt.start < x.start]
        out.append({**_row(report, (r, before[-1] if before else None), bool(target), "add", gold_dir), "target": target})
    return out


def _label(report, found, openers, by_event, spans, gold_dir) -> list[dict]:
    """The candidate events of dev regions, true or false as ``evaluation/events.py`` counts them."""
    rows = []
    matched: set[str] = set()
    for a in sorted(found, key=lambda a: a.excerpt.start):
        ev = a.evidence
        if not any(_inside(e.start, e.end, spans) for e in ev):
            continue
        opener = next((openers[e.start] for e in ev if e.start in openers), None)
        if opener is None:
            continue
        hit = [k for k, gs in by_event.items() if any(e.start < g["end"] and e.end > g["start"] for e in ev for g in gs)]
        free = [k for k in hit if k not in matched]
        if free:
            matched.add(free[0])
        rows.append(_row(report, opener, bool(free), "event", gold_dir))
    for k, gs in by_event.items():
        if k not in matched and any(_inside(g["start"], g["end"], spans) for g in gs):
            rows.append({"report": report.id, "start": -1, "features": [], "label": 1, "kind": "missed", "set": gold_dir, "target": k})
    return rows


def _row(report, opener, label: bool, kind: str, gold_dir: str) -> dict:
    reading, previous = opener
    names = event_filter.features(reading.sentence, reading.activity or reading.context, report.genre, reading.heading_before, previous)
    return {"report": report.id, "start": reading.excerpt.start, "features": names, "label": int(label), "kind": kind, "set": gold_dir}


def fit(x: np.ndarray, y: np.ndarray, l2: float) -> np.ndarray:
    """Logistic regression by Newton's method; the bias (last column) is not penalised."""
    w = np.zeros(x.shape[1])
    penalty = np.full(x.shape[1], l2)
    penalty[-1] = 0.0
    for _ in range(50):
        p = 1.0 / (1.0 + np.exp(-(x @ w)))
        grad = x.T @ (p - y) + penalty * w
        hess = (x * (p * (1 - p))[:, None]).T @ x + np.diag(penalty) + 1e-9 * np.eye(x.shape[1])
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-10:
            break
    return w


def matrix(rows: list[dict], names: list[str]) -> tuple[np.ndarray, np.ndarray]:
    index = {n: i for i, n in enumerate(names)}
    x = np.zeros((len(rows), len(names) + 1))
    x[:, -1] = 1.0
    for i, r in enumerate(rows):
        for n in r["features"]:
            if n in index:
                x[i, index[n]] = 1.0
    return x, np.array([r["label"] for r in rows], dtype=float)


def event_f1(events: list[dict], scores: np.ndarray, threshold: float, missed: int, adds: tuple = ()) -> tuple[float, float, float]:
    """Events P/R/F1 if the candidates scoring below ``threshold`` were removed (removal of a true
    event loses it; of a false one, drops a false hit); ``missed``: gold events no candidate reaches.
    ``adds``: (rows, scores, threshold) of the sentences with no doer: one scoring at the threshold or
    above reaches its target (a true event, if no other reached it) or is a false event."""
    kept = [r["label"] for r, s in zip(events, scores) if s >= threshold]
    tp, fp = sum(kept), len(kept) - sum(kept)
    lost = sum(r["label"] for r, s in zip(events, scores) if s < threshold)
    if adds:
        rows, add_scores, t = adds
        taken = [r for r, s in zip(rows, add_scores) if s >= t]
        reached = {(r["set"], r["target"]) for r in taken if r["target"]}
        tp, fp, missed = tp + len(reached), fp + len(taken) - len(reached), missed - len(reached)
    p = tp / (tp + fp) if tp + fp else 0.0
    rc = tp / (tp + lost + missed) if tp + lost + missed else 0.0
    return p, rc, (2 * p * rc / (p + rc) if p + rc else 0.0)


def folds(rows: list[dict]) -> dict[str, int]:
    """The fold of each text: a text is in the same fold in every set and on both sides of the model."""
    return {rep: i % FOLDS for i, rep in enumerate(sorted({r["report"] for r in rows}))}


def cross_validate(rows: list[dict], names: list[str], l2: float, kinds: tuple[str, ...], fold: dict[str, int]) -> np.ndarray:
    """Out-of-fold scores of ``rows``, each from a model fitted on the rows of ``kinds`` of the other folds."""
    scores = np.zeros(len(rows))
    for k in range(FOLDS):
        train = [r for r in rows if fold[r["report"]] != k and r["kind"] in kinds]
        test = [i for i, r in enumerate(rows) if fold[r["report"]] == k]
        if not train or not test or len({r["label"] for r in train}) < 2:
            continue
        x, y = matrix(train, names)
        w = fit(x, y, l2)
        xt, _ = matrix([rows[i] for i in test], names)
        scores[test] = 1.0 / (1.0 + np.exp(-(xt @ w)))
    return scores


def names_of(rows: list[dict], groups: tuple[str, ...], prefixes: tuple[str, ...] = event_features.GROUPS) -> list[str]:
    """The features of these groups seen in at least ``MIN_TEXTS`` texts. A feature's group is its prefix
    when that is one of ``prefixes``, else ``base``."""
    texts: dict[str, set[str]] = defaultdict(set)
    for r in rows:
        for n in r["features"]:
            texts[n].add(r["report"])

    def group(name: str) -> str:
        head = name.split(":", 1)[0]
        return head if head in prefixes else "base"

    return sorted(n for n, t in texts.items() if len(t) >= MIN_TEXTS and group(n) in groups)


def _by_set(rows: list[dict], ev: list[dict], scores: np.ndarray, threshold: float) -> str:
    out = []
    for g, _ in SETS:
        at = [i for i, r in enumerate(ev) if r["set"] == g]
        missed = sum(1 for r in rows if r["kind"] == "missed" and r["set"] == g)
        p, rc, f = event_f1([ev[i] for i in at], scores[at], threshold, missed)
        out.append(f"{g}: P {p:.3f} R {rc:.3f} F1 {f:.3f}")
    return "; ".join(out)


THRESHOLDS = np.round(np.arange(0.05, 0.96, 0.05), 2)


def _settings(rows: list[dict], kinds_options: tuple[tuple[str, ...], ...], fold: dict[str, int]):
    """Every (groups, kinds, l2) setting with its feature names and the out-of-fold scores of ``rows``."""
    for groups in FEATURE_SETS:
        names = names_of(rows, groups)
        for kinds in kinds_options:
            for l2 in PENALTIES:
                yield (groups, kinds, l2), names, cross_validate(rows, names, l2, kinds, fold)


def _choose(label: str, base_f1: float, settings, f1_of) -> tuple[tuple, tuple]:
    """The best (f1, threshold, setting, P, R) over settings and thresholds, and the best that beats
    ``base_f1`` by MIN_GAIN (threshold 0.0: none does)."""
    best_any = best = (base_f1, 0.0, None, 0.0, 0.0)
    for setting, names, scores in settings:
        top = max(((f1_of(scores, float(t)), float(t)) for t in THRESHOLDS), key=lambda x: (x[0][2], -x[1]))
        (p, rc, f), t = top
        print(f"{label} {'+'.join(setting[0]):18} {len(names):4} features {'+'.join(setting[1]):14} l2={setting[2]:<4}: "
              f"best t={t:.2f} P {p:.3f} R {rc:.3f} F1 {f:.3f}")
        if f > best_any[0] + 1e-9:
            best_any = (f, t, setting, p, rc)
        if f > best[0] + 1e-9 and f >= base_f1 + MIN_GAIN:
            best = (f, t, setting, p, rc)
    return best_any, best


def _fitted(rows: list[dict], setting, threshold: float, cv: dict) -> dict:
    groups, kinds, l2 = setting
    names = names_of(rows, groups)
    w = fit(*matrix([r for r in rows if r["kind"] in kinds], names), l2)
    return {"threshold": threshold, "features": "+".join(groups), "trained_on": "+".join(kinds), "l2": l2, "cross_validation": cv,
            "bias": round(float(w[-1]), 4), "weights": {n: round(float(v), 4) for n, v in zip(names, w[:-1]) if abs(v) >= 1e-4}}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--dry-run", action="store_true")
    parser.add_argument("--cache", type=Path, default=None, help="read/write the examples here (JSON) to skip extraction")
    args = parser.parse_args()
    if args.cache and args.cache.exists():
        rows = json.loads(args.cache.read_text())
    else:
        extractor = Extractor()
        rows = [row for g, c in SETS for row in examples(extractor, g, c)]
        if args.cache:
            args.cache.write_text(json.dumps(rows))
    fold = folds(rows)
    missed = sum(1 for r in rows if r["kind"] == "missed")
    adds = [r for r in rows if r["kind"] == "add"]
    rows_all, rows = rows, [r for r in rows if r["kind"] in ("event", "sentence")]
    at = [i for i, r in enumerate(rows) if r["kind"] == "event"]
    ev = [rows[i] for i in at]
    print(f"{len(ev)} candidate events ({sum(r['label'] for r in ev)} true), {missed} gold events no candidate reaches, "
          f"{len(rows) - len(ev)} other sentences of the regions read with a doer ({sum(r['label'] for r in rows) - sum(r['label'] for r in ev)} activity), "
          f"{len(adds)} with none but one in context ({len({(r['set'], r['target']) for r in adds if r['target']})} missed events reached)")
    base = event_f1(ev, np.ones(len(ev)), 0.0, missed)
    print(f"rules alone: P {base[0]:.3f} R {base[1]:.3f} F1 {base[2]:.3f} ({_by_set(rows_all, ev, np.ones(len(ev)), 0.0)})")
    settings = [(s, n, sc[at]) for s, n, sc in _settings(rows, (("event",), ("event", "sentence")), fold)]
    any_rm, rm = _choose("remove", base[2], settings, lambda sc, t: event_f1(ev, sc, t, missed))
    if any_rm[2] is not None:
        shown = next(sc for s, _, sc in settings if s == any_rm[2])
        print(f"best removal out of fold: {any_rm} by set: {_by_set(rows_all, ev, shown, any_rm[1])}")
    rm_scores = next((sc for s, _, sc in settings if s == rm[2]), np.ones(len(ev)))
    after_rm = event_f1(ev, rm_scores, rm[1], missed)
    # The sentences read with a doer of their own that open no event teach the adding side what an activity
    # sentence is too (it has few examples of its own); they are only trained on, never scored.
    pool = adds + [r for r in rows if r["kind"] == "sentence"]
    add_settings = [(s, n, sc[: len(adds)]) for s, n, sc in _settings(pool, (("add",), ("add", "sentence")), fold)]
    any_add, add = _choose("add", after_rm[2], add_settings, lambda sc, t: event_f1(ev, rm_scores, rm[1], missed, (adds, sc, t)))
    print(f"rules alone out of fold: P {base[0]:.3f} R {base[1]:.3f} F1 {base[2]:.3f}")
    print(f"best removal: {any_rm}\nchosen removal: {rm}\nbest addition: {any_add}\nchosen addition: {add}")
    if args.dry_run:
        return
    cv = {"folds": FOLDS, "min_gain": MIN_GAIN, "rules_alone": [round(x, 4) for x in base], "candidates": len(ev),
          "false_candidates": len(ev) - sum(r["label"] for r in ev)}
    # With no setting chosen, the best one out of fold is written with threshold 0.0: on record, switched off.
    model = _fitted(rows, rm[2] or any_rm[2] or (FEATURE_SETS[0], ("event",), PENALTIES[0]), rm[1],
                    {**cv, "best": [round(any_rm[0], 4), any_rm[1], str(any_rm[2])], "chosen_f1": round(rm[0], 4)})
    model["about"] = ("event_filter.py: logistic regressions over the features named here; trained by scripts/train_event_filter.py "
                      f"on the dev annotations of {', '.join(g for g, _ in SETS)} only; a side with threshold 0.0 is off: "
                      "cross-validation found no gain of MIN_GAIN over the rules alone for it")
    model["add"] = _fitted(pool, add[2] or any_add[2] or (FEATURE_SETS[0], ("add", "sentence"), PENALTIES[-1]), add[1],
                           {**cv, "best": [round(any_add[0], 4), any_add[1], str(any_add[2])], "chosen_f1": round(add[0], 4)})
    event_filter.WEIGHTS.write_text(json.dumps(model, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {event_filter.WEIGHTS}")


if __name__ == "__main__":
    main()
