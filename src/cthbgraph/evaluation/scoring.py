"""How far to trust the extraction: precision, recall and F1 against hand-checked annotations.

A gold folder (``tests/gold/`` in this repository; see its README for the conventions) holds up to five
JSON-lines files, each optional, so a researcher who adds a report can annotate a sample of one kind:

* ``bodies.jsonl``     sentences with every body mention in them and its canonical key;
* ``decisions.jsonl``  every reference to an OSCE decision or the Action Plan, with its document key;
* ``provisions.jsonl`` numbered provisions with the bodies they task and the partners they name;
* ``activities.jsonl`` activity sentences with type, agents, partners, date, place, provision;
* ``regions.jsonl``    paragraph ranges in which every activity sentence was annotated.

Every record carries a ``split`` (``dev`` for tuning, ``test`` for checking). A predicted fact gets
the split of the nearest gold record that starts before it in the same report.

How each kind is counted (one :class:`PRF` per metric, spaCy's ``PRFScore`` arithmetic):

* bodies: inside the annotated sentences, a gold mention is found when a predicted mention overlaps
  it and has the same key (one to one). Everything else predicted in those sentences is a false hit.
* decisions: over the whole of every annotated report, a gold reference is found when a predicted
  reference overlaps it with the same document key. ``invented`` counts predicted document keys that
  no gold reference of the same report has.
* provisions: (report, notation, body) pairs, tasked and partners separately, plus the provisions
  themselves by notation. Partners are never counted as tasked.
* activities: inside ``regions.jsonl``, a gold sentence is found when a predicted activity's excerpt
  overlaps it; a predicted activity that overlaps no gold sentence is a false hit (``tp`` counts
  found gold sentences, so two predictions on one sentence are not rewarded twice). Among those
  found, the attributes are accuracies (:class:`Accuracy`): ``agent`` is right when the predicted
  agents are non-empty and all among the gold agents; ``provision`` where the gold gives one; ``date``
  (exact ISO string, empty = empty); ``country``; ``place``. ``activities`` counts every gold
  sentence; ``activities-named`` leaves out those whose agent is not named in the sentence
  (``implicit_agent: true``).
"""

from __future__ import annotations

import bisect
import json
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .errors import CthbError
from .records import Extraction

GOLD_FILES = ("bodies", "decisions", "provisions", "activities", "regions")
KINDS = ("bodies", "decisions", "provisions", "activities", "activities-named")
SPLITS = ("dev", "test", "all")
ISO_DATE = re.compile(
    r"^(?:\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?)(?:/\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?)?$"
)


class GoldError(CthbError):
    """The gold folder is missing or one of its files cannot be read."""

    exit_code = 2


@dataclass(frozen=True, order=True)
class PRF:
    """True positives, false positives, false negatives and what follows from them."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: PRF) -> PRF:
        return PRF(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)


@dataclass(frozen=True, order=True)
class Accuracy:
    """Right answers among the cases judged (e.g. agents among the activities found)."""

    correct: int = 0
    total: int = 0

    @property
    def accuracy(self) -> float:
        return self.correct / self.total if self.total else 0.0

    def __add__(self, other: Accuracy) -> Accuracy:
        return Accuracy(self.correct + other.correct, self.total + other.total)


@dataclass(frozen=True, order=True)
class Score:
    """One line of the evaluation: a kind of fact, a metric, a split and its counts."""

    split: str
    kind: str
    metric: str
    prf: PRF | None = None
    accuracy: Accuracy | None = None

    @property
    def value(self) -> float:
        """F1 for counted metrics, the accuracy for the others."""
        return self.prf.f1 if self.prf is not None else self.accuracy.accuracy  # type: ignore[union-attr]


@dataclass(frozen=True, order=True)
class EvalError:
    """A miss, a false hit or a wrong attribute, with the sentence it is about."""

    split: str
    kind: str
    error: str  # miss, false hit, wrong key, invented document, wrong agent, wrong provision, ...
    report: str
    start: int
    end: int
    text: str  # the span (mention, reference, sentence)
    gold: str = ""
    predicted: str = ""
    sentence: str = ""


@dataclass(frozen=True)
class Evaluation:
    """All scores and errors of one evaluation run; ``score(...)`` looks one up."""

    scores: tuple[Score, ...]
    errors: tuple[EvalError, ...] = field(default=(), repr=False)

    def score(self, kind: str, metric: str, split: str = "all") -> Score:
        for s in self.scores:
            if (s.kind, s.metric, s.split) == (kind, metric, split):
                return s
        raise KeyError((kind, metric, split))

    def rows(self, split: str = "all", kinds: Sequence[str] = KINDS) -> list[tuple]:
        """Table rows: split, kind, metric, tp, fp, fn, precision, recall, f1, accuracy."""
        out = []
        for s in self.scores:
            if (split == "all" or s.split == split) and s.kind in kinds:
                if s.metric == "invented documents":
                    out.append((s.split, s.kind, s.metric, "", s.prf.fp, "", "", "", "", ""))
                elif s.prf is not None:
                    p = s.prf
                    out.append((s.split, s.kind, s.metric, p.tp, p.fp, p.fn, _r(p.precision), _r(p.recall), _r(p.f1), ""))
                else:
                    a = s.accuracy
                    out.append((s.split, s.kind, s.metric, a.correct, "", a.total - a.correct, "", "", "", _r(a.accuracy)))
        return out

    def error_rows(self, split: str = "all", kinds: Sequence[str] = KINDS) -> list[EvalError]:
        return [e for e in self.errors if (split == "all" or e.split == split) and e.kind in kinds]


COLUMNS = ("split", "kind", "metric", "tp", "fp", "fn", "precision", "recall", "f1", "accuracy")
ERROR_COLUMNS = ("split", "kind", "error", "report", "start", "end", "text", "gold", "predicted", "sentence")


def _r(x: float) -> float:
    return round(x, 3)


# ---------------------------------------------------------------------------------------- gold


@dataclass(frozen=True)
class Gold:
    """The records of a gold folder, as read (dicts, one per JSON line), by file name."""

    folder: Path
    records: dict[str, tuple[dict, ...]]

    @property
    def reports(self) -> set[str]:
        return {r["report"] for rows in self.records.values() for r in rows}

    def has(self, name: str) -> bool:
        return name in self.records


def load_gold(folder: Path | str) -> Gold:
    """Read the JSON-lines files of a gold folder; files that are absent are simply not evaluated."""
    folder = Path(folder)
    if not folder.is_dir():
        raise GoldError(f"gold folder {folder} not found", hint="give --gold DIR, a folder with bodies.jsonl, activities.jsonl, ...")
    records: dict[str, tuple[dict, ...]] = {}
    for name in GOLD_FILES:
        path = folder / f"{name}.jsonl"
        if not path.exists():
            continue
        rows = []
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
                int(row["start"]), int(row["end"]), row["report"]
            except (ValueError, KeyError, TypeError) as exc:
                raise GoldError(f"{path}:{n} is not a gold record ({exc})", hint="one JSON object a line with report, start, end, split") from exc
            rows.append(row)
        records[name] = tuple(rows)
    if not records:
        raise GoldError(f"no gold files in {folder}", hint="expected one of: " + ", ".join(f"{n}.jsonl" for n in GOLD_FILES))
    return Gold(folder, records)


class _Splits:
    """The split of any offset of a report: that of the nearest gold record starting before it."""

    def __init__(self, gold: Gold):
        marks: dict[str, list[tuple[int, str]]] = defaultdict(list)
        for rows in gold.records.values():
            for r in rows:
                marks[r["report"]].append((r["start"], r.get("split", "dev")))
        self.marks = {k: sorted(v) for k, v in marks.items()}
        self.starts = {k: [s for s, _ in v] for k, v in self.marks.items()}

    def of(self, report: str, offset: int) -> str:
        marks = self.marks.get(report)
        if not marks:
            return "dev"
        i = bisect.bisect_right(self.starts[report], offset) - 1
        return marks[max(i, 0)][1]


# ------------------------------------------------------------------------------------ scoring


def evaluate(corpus_dir: Path | str, gold_dir: Path | str, extractor=None) -> Evaluation:
    """Extract the reports of ``corpus_dir`` that the gold annotates and score them.

    >>> ev = evaluate("corpus", "tests/gold")                 # doctest: +SKIP
    >>> ev.score("bodies", "mentions", "test").prf.precision   # doctest: +SKIP
    """
    from .corpus import load_corpus

    gold = load_gold(gold_dir)
    corpus = load_corpus(Path(corpus_dir))
    missing = sorted(gold.reports - set(corpus.ids))
    if missing:
        raise GoldError(
            f"the gold annotates reports that are not in {corpus_dir}: {', '.join(missing)}",
            hint="give --corpus the folder the annotations were made on",
        )
    if extractor is None:
        from .extract import Extractor

        extractor = Extractor()
    reports = [r for r in corpus if r.id in gold.reports]
    return score_extractions(gold, extractor.extract_all(reports))


def score_extractions(gold: Gold, extractions: Iterable[Extraction]) -> Evaluation:
    """Score extractions (of the reports the gold annotates) against ``gold``."""
    by_report = {e.report.id: e for e in extractions}
    texts = {rid: e.report.text for rid, e in by_report.items()}
    splits = _Splits(gold)
    counts: dict[tuple[str, str, str], PRF | Accuracy] = {}
    errors: list[EvalError] = []

    def add(split: str, kind: str, metric: str, value: PRF | Accuracy) -> None:
        key = (split, kind, metric)
        counts[key] = counts[key] + value if key in counts else value

    ctx = _Context(texts)
    if gold.has("bodies"):
        _bodies(gold, by_report, add, errors, ctx)
    if gold.has("decisions"):
        _decisions(gold, by_report, splits, add, errors, ctx)
    if gold.has("provisions"):
        _provisions(gold, by_report, splits, add, errors, ctx)
    if gold.has("activities") and gold.has("regions"):
        for kind, implicit in (("activities", True), ("activities-named", False)):
            _activities(gold, by_report, splits, add, errors, ctx, kind, implicit)

    scores = []
    totals: dict[tuple[str, str, str], PRF | Accuracy] = dict(counts)
    for (split, kind, metric), value in counts.items():
        key = ("all", kind, metric)
        totals[key] = totals[key] + value if key in totals else value
    order = {k: i for i, k in enumerate(KINDS)}
    for (split, kind, metric), value in totals.items():
        if isinstance(value, PRF):
            scores.append(Score(split, kind, metric, prf=value))
        else:
            scores.append(Score(split, kind, metric, accuracy=value))
    split_order = {s: i for i, s in enumerate(SPLITS)}
    metric_seen: dict[str, int] = {}
    for s in sorted(counts):
        metric_seen.setdefault(s[2], len(metric_seen))
    scores.sort(key=lambda s: (split_order.get(s.split, 1), order.get(s.kind, 99), metric_seen.get(s.metric, 99)))
    errors.sort(key=lambda e: (split_order.get(e.split, 1), order.get(e.kind, 99), e.report, e.start, e.error))
    return Evaluation(tuple(scores), tuple(errors))


class _Context:
    """The sentence-sized context of a span, for error lists."""

    def __init__(self, texts: dict[str, str]):
        self.texts = texts

    def around(self, report: str, start: int, end: int, limit: int = 300) -> str:
        text = self.texts.get(report, "")
        a = max(text.rfind("\n", 0, start) + 1, start - limit)
        b = text.find("\n", end)
        b = min(b if b != -1 else len(text), end + limit)
        return " ".join(text[a:b].split())


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _bodies(gold, by_report, add, errors, ctx) -> None:
    for rec in gold.records["bodies"]:
        ext = by_report.get(rec["report"])
        split = rec.get("split", "dev")
        predicted = [
            m for m in (ext.bodies if ext else ()) if m.excerpt.start < rec["end"] and m.excerpt.end > rec["start"]
        ]
        used: set[int] = set()
        tp = fn = 0
        for g in rec["mentions"]:
            span = (g["start"], g["end"])
            hit = next(
                (i for i, m in enumerate(predicted) if i not in used and m.key == g["body"] and _overlap(span, (m.excerpt.start, m.excerpt.end))),
                None,
            )
            if hit is not None:
                used.add(hit)
                tp += 1
                continue
            fn += 1
            wrong = [m.key for m in predicted if _overlap(span, (m.excerpt.start, m.excerpt.end))]
            errors.append(
                EvalError(split, "bodies", "wrong key" if wrong else "miss", rec["report"], g["start"], g["end"], g["text"],
                          g["body"], ", ".join(wrong), " ".join(rec["sentence"].split()))
            )
        fp = 0
        gold_spans = [(g["start"], g["end"]) for g in rec["mentions"]]
        for i, m in enumerate(predicted):
            if i in used:
                continue
            fp += 1
            if not any(_overlap(s, (m.excerpt.start, m.excerpt.end)) for s in gold_spans):
                errors.append(
                    EvalError(split, "bodies", "false hit", rec["report"], m.excerpt.start, m.excerpt.end, m.excerpt.text,
                              "", m.key, " ".join(rec["sentence"].split()))
                )
        add(split, "bodies", "mentions", PRF(tp, fp, fn))


def _decisions(gold, by_report, splits, add, errors, ctx) -> None:
    rows = gold.records["decisions"]
    reports = {r["report"] for r in rows}
    gold_keys: dict[str, set[str]] = defaultdict(set)
    for r in rows:
        gold_keys[r["report"]].add(r["document"])
    for report in sorted(reports):
        ext = by_report.get(report)
        predicted = list(ext.decisions) if ext else []
        golds = [r for r in rows if r["report"] == report]
        used: set[int] = set()
        for g in golds:
            span = (g["start"], g["end"])
            hit = next(
                (i for i, d in enumerate(predicted) if i not in used and d.key == g["document"] and _overlap(span, (d.excerpt.start, d.excerpt.end))),
                None,
            )
            split = g.get("split", "dev")
            if hit is not None:
                used.add(hit)
                add(split, "decisions", "references", PRF(tp=1))
                continue
            add(split, "decisions", "references", PRF(fn=1))
            wrong = [d.key for d in predicted if _overlap(span, (d.excerpt.start, d.excerpt.end))]
            errors.append(
                EvalError(split, "decisions", "wrong document" if wrong else "miss", report, g["start"], g["end"], g["text"],
                          g["document"], ", ".join(wrong), ctx.around(report, g["start"], g["end"]))
            )
        invented: dict[tuple[str, str], int] = {}
        for i, d in enumerate(predicted):
            split = splits.of(report, d.excerpt.start)
            if i not in used:
                add(split, "decisions", "references", PRF(fp=1))
                if not any(_overlap((g["start"], g["end"]), (d.excerpt.start, d.excerpt.end)) for g in golds):
                    errors.append(
                        EvalError(split, "decisions", "false hit", report, d.excerpt.start, d.excerpt.end, d.excerpt.text,
                                  "", d.key, ctx.around(report, d.excerpt.start, d.excerpt.end))
                    )
            if d.key not in gold_keys[report]:
                invented.setdefault((split, d.key), i)
        for (split, key), i in sorted(invented.items()):
            d = predicted[i]
            errors.append(
                EvalError(split, "decisions", "invented document", report, d.excerpt.start, d.excerpt.end, d.excerpt.text,
                          "", key, ctx.around(report, d.excerpt.start, d.excerpt.end))
            )
        # "invented": fp counts predicted documents no gold reference of the report has.
        per_split: dict[str, int] = defaultdict(int)
        for split, _ in invented:
            per_split[split] += 1
        for split in {splits.of(report, g["start"]) for g in golds} | set(per_split):
            add(split, "decisions", "invented documents", PRF(fp=per_split.get(split, 0)))


def _provisions(gold, by_report, splits, add, errors, ctx) -> None:
    rows = gold.records["provisions"]
    reports = gold.reports
    for report in sorted(reports):
        ext = by_report.get(report)
        predicted = {p.notation: p for p in (ext.provisions if ext else ())}
        golds = {g["notation"]: g for g in rows if g["report"] == report}
        for notation in sorted(set(predicted) | set(golds)):
            g = golds.get(notation)
            p = predicted.get(notation)
            start = g["start"] if g else p.excerpt.start
            end = g["end"] if g else p.excerpt.end
            split = g.get("split", "dev") if g else splits.of(report, start)
            sentence = " ".join((g["text"] if g else p.text).split())
            add(split, "provisions", "provisions", PRF(tp=int(bool(g and p)), fp=int(bool(p and not g)), fn=int(bool(g and not p))))
            if not (g and p):
                errors.append(EvalError(split, "provisions", "miss" if g else "false hit", report, start, end, notation,
                                        notation if g else "", notation if p else "", sentence))
            for metric, gold_keys, pred_keys in (
                ("tasked", set(g["tasked"]) if g else set(), {m.key for m in p.tasked} if p else set()),
                ("partners", set(g["partners"]) if g else set(), {m.key for m in p.partners} if p else set()),
            ):
                add(split, "provisions", metric, PRF(len(gold_keys & pred_keys), len(pred_keys - gold_keys), len(gold_keys - pred_keys)))
                for key in sorted(gold_keys - pred_keys):
                    errors.append(EvalError(split, "provisions", f"{metric} miss", report, start, end, notation, key, "", sentence))
                for key in sorted(pred_keys - gold_keys):
                    errors.append(EvalError(split, "provisions", f"{metric} false hit", report, start, end, notation, "", key, sentence))


def _activities(gold, by_report, splits, add, all_errors, ctx, kind: str, implicit: bool) -> None:
    # The errors of ``activities-named`` are a subset of those of ``activities``: list them once.
    errors: list[EvalError] = all_errors if kind == "activities" else []
    regions = gold.records["regions"]
    all_golds = gold.records["activities"]
    for report in sorted({r["report"] for r in regions}):
        ext = by_report.get(report)
        report_regions = [(r["start"], r["end"], r.get("split", "dev")) for r in regions if r["report"] == report]
        golds = [g for g in all_golds if g["report"] == report]
        skipped = [g for g in golds if g.get("implicit_agent") and not implicit]
        golds = [g for g in golds if not (g.get("implicit_agent") and not implicit)]
        predicted = [
            a for a in (ext.activities if ext else ())
            if any(_overlap((s, e), (a.excerpt.start, a.excerpt.end)) for s, e, _ in report_regions)
        ]
        for g in golds:
            span = (g["start"], g["end"])
            split = g.get("split", "dev")
            sentence = " ".join(g["sentence"].split())
            hits = [a for a in predicted if _overlap(span, (a.excerpt.start, a.excerpt.end))]
            if not hits:
                add(split, kind, "sentences", PRF(fn=1))
                errors.append(EvalError(split, kind, "miss", report, g["start"], g["end"], g["type"],
                                        ",".join(g["agents"]), "", sentence))
                continue
            add(split, kind, "sentences", PRF(tp=1))
            a = max(hits, key=lambda a: _overlap(span, (a.excerpt.start, a.excerpt.end)))
            agents = {m.key for m in a.agents}
            right = bool(agents) and agents <= set(g["agents"])
            add(split, kind, "agent", Accuracy(int(right), 1))
            if not right:
                errors.append(EvalError(split, kind, "wrong agent", report, g["start"], g["end"], g["type"],
                                        ",".join(g["agents"]), ",".join(sorted(agents)), sentence))
            if kind != "activities":
                continue  # the attributes are judged once, on all sentences found
            add(split, kind, "type", Accuracy(int(a.type == g["type"]), 1))
            if g.get("provision"):
                ok = a.provision == g["provision"]
                add(split, kind, "provision", Accuracy(int(ok), 1))
                if not ok:
                    errors.append(EvalError(split, kind, "wrong provision", report, g["start"], g["end"], g["type"],
                                            g["provision"], a.provision, sentence))
            for metric, want, got in (
                ("date", g.get("date", ""), a.date),
                ("country", g.get("country", ""), a.country),
                ("place", g.get("place", ""), a.place),
            ):
                ok = want == got
                add(split, kind, metric, Accuracy(int(ok), 1))
                if not ok:
                    errors.append(EvalError(split, kind, f"wrong {metric}", report, g["start"], g["end"], g["type"], want, got, sentence))
        if kind == "activities":
            for a in predicted:
                if a.date:
                    add(splits.of(report, a.excerpt.start), kind, "date is ISO 8601", Accuracy(int(bool(ISO_DATE.match(a.date))), 1))
        for a in predicted:
            span = (a.excerpt.start, a.excerpt.end)
            if any(_overlap(span, (g["start"], g["end"])) for g in golds):
                continue
            if any(_overlap(span, (g["start"], g["end"])) for g in skipped):
                continue  # a sentence left out of this count is neither found nor false
            split = splits.of(report, a.excerpt.start)
            add(split, kind, "sentences", PRF(fp=1))
            errors.append(EvalError(split, kind, "false hit", report, a.excerpt.start, a.excerpt.end, a.type, "",
                                    ",".join(m.key for m in a.agents), " ".join(a.excerpt.text.split())))
