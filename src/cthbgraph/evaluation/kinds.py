"""One scorer per kind of fact: gold records against predicted ones, counted into a :class:`Tally`.

See :mod:`cthbgraph.evaluation` for how each kind is counted.
"""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from dataclasses import replace

from ..records import Extraction
from .gold import UNLOCATED, Gold, Splits, Units
from .scores import PRF, Accuracy, EvalError

ISO_DATE = re.compile(
    r"^(?:\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?)(?:/\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?)?$"
)


class Tally:
    """What a scoring run counts: a PRF or Accuracy per (split, kind, metric), the same per unit of
    resampling (region or text, for confidence intervals), and the errors in order."""

    def __init__(self, gold: Gold, texts: dict[str, str]):
        self.splits = Splits(gold)
        self.units = Units(gold)
        self.texts = texts
        self.counts: dict[tuple[str, str, str], PRF | Accuracy] = {}
        self.by_unit: dict[tuple[str, str, str], dict[str, PRF | Accuracy]] = defaultdict(dict)
        self.errors: list[EvalError] = []

    def add(self, split: str, kind: str, metric: str, value: PRF | Accuracy, at: tuple | None = None) -> None:
        """at: (report, start[, end]) of what is counted, or (report,) for a whole text; without it the
        metric gets no interval (its counts cannot be resampled by unit)."""
        key = (split, kind, metric)
        self.counts[key] = self.counts[key] + value if key in self.counts else value
        units = self.by_unit[key]
        unit = self.units.of(*at) if at is not None else UNLOCATED
        units[unit] = units[unit] + value if unit in units else value

    def around(self, report: str, start: int, end: int, limit: int = 300) -> str:
        """The sentence-sized context of a span, for error lists."""
        text = self.texts.get(report, "")
        a = max(text.rfind("\n", 0, start) + 1, start - limit)
        b = text.find("\n", end)
        b = min(b if b != -1 else len(text), end + limit)
        return " ".join(text[a:b].split())


def per_excerpt(activities) -> list:
    """One activity per evidence excerpt: the lead sentence alone (no follow-ups), and each
    follow-up alone, marked as one by holding its event's lead excerpt in ``follow_ups``."""
    out = []
    for a in activities:
        follow_ups = getattr(a, "follow_ups", ())
        out.append(replace(a, follow_ups=()) if follow_ups else a)
        out += [replace(a, excerpt=e, follow_ups=(a.excerpt,)) for e in follow_ups]
    return out


def overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def score_bodies(gold: Gold, by_report: dict[str, Extraction], tally: Tally) -> None:
    for rec in gold.records["bodies"]:
        ext = by_report.get(rec["report"])
        split = rec.get("split", "dev")
        predicted = [
            m for m in (ext.bodies if ext else ()) if m.excerpt.start < rec["end"] and m.excerpt.end > rec["start"]
        ]
        if not any("kind" in g for g in rec["mentions"]):
            # Annotations without kinds (tests/gold) predate partners as bodies: they list the partners
            # the gazetteer names and no others, so a partner read from the text is not judged there.
            predicted = [m for m in predicted if not m.partner_kind or m.key in listed_keys()]
        used: set[int] = set()
        tp = fn = 0
        # Annotations that give each mention a kind ("osce" or a partner kind) are also counted apart.
        by_group: dict[str, PRF] = {}
        missed: list[tuple[dict, str]] = []
        for g in rec["mentions"]:
            span = (g["start"], g["end"])
            hit = next(
                (i for i, m in enumerate(predicted) if i not in used and m.key == g["body"] and overlap(span, (m.excerpt.start, m.excerpt.end))),
                None,
            )
            group = _group(g.get("kind"))
            if hit is not None:
                used.add(hit)
                tp += 1
                if group:
                    by_group[group] = by_group.get(group, PRF()) + PRF(tp=1)
                continue
            fn += 1
            if group:
                by_group[group] = by_group.get(group, PRF()) + PRF(fn=1)
                missed.append((g, group))
            wrong = [m.key for m in predicted if overlap(span, (m.excerpt.start, m.excerpt.end))]
            tally.errors.append(
                EvalError(split, "bodies", "wrong key" if wrong else "miss", rec["report"], g["start"], g["end"], g["text"],
                          g["body"], ", ".join(wrong), " ".join(rec["sentence"].split()))
            )
        fp = 0
        gold_spans = [(g["start"], g["end"]) for g in rec["mentions"]]
        for i, m in enumerate(predicted):
            if i in used:
                continue
            fp += 1
            if any("kind" in g for g in rec["mentions"]):
                group = _predicted_group(m)
                by_group[group] = by_group.get(group, PRF()) + PRF(fp=1)
            if not any(overlap(s, (m.excerpt.start, m.excerpt.end)) for s in gold_spans):
                tally.errors.append(
                    EvalError(split, "bodies", "false hit", rec["report"], m.excerpt.start, m.excerpt.end, m.excerpt.text,
                              "", m.key, " ".join(rec["sentence"].split()))
                )
        at = (rec["report"], rec["start"], rec["end"])
        tally.add(split, "bodies", "mentions", PRF(tp, fp, fn), at)
        found = _found_by_overlap(missed, predicted, used)
        for group, counts in sorted(by_group.items()):
            tally.add(split, "bodies", f"mentions {group}", counts, at)
            k = found.get(group, 0)
            tally.add(split, "bodies", f"mentions {group}-found", PRF(counts.tp + k, counts.fp - k, counts.fn - k), at)


def _found_by_overlap(missed: list[tuple[dict, str]], predicted: list, used: set[int]) -> dict[str, int]:
    """How many gold mentions of each group (osce, partners) that were missed had an unmatched
    predicted mention of the same group over them (one to one): found, but keyed otherwise. The
    ``-found`` lines count them as hits, so what they leave is detection, the rest keying."""
    taken = set(used)
    found: dict[str, int] = {}
    for g, group in missed:
        span = (g["start"], g["end"])
        hit = next(
            (i for i, m in enumerate(predicted) if i not in taken and _predicted_group(m) == group and overlap(span, (m.excerpt.start, m.excerpt.end))),
            None,
        )
        if hit is not None:
            taken.add(hit)
            found[group] = found.get(group, 0) + 1
    return found


# The Body subclasses of OSCE structures; every other kind a mention takes is a partner's.
OSCE_KINDS = {"FieldOperation", "Institution", "SecretariatUnit", "DecisionMakingBody", "Post", "Body", "Organization"}


def _predicted_group(m) -> str:
    return "osce" if m.kind in OSCE_KINDS else "partners"


@functools.cache
def listed_keys() -> frozenset[str]:
    from ..extract.bodies import load_gazetteer

    return frozenset(e.key for e in load_gazetteer())


def _group(kind: str | None) -> str:
    """"osce" or "partners" for a gold mention's kind; "" for annotations without kinds."""
    if not kind:
        return ""
    return "osce" if kind == "osce" else "partners"


def score_decisions(gold: Gold, by_report: dict[str, Extraction], tally: Tally) -> None:
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
                (i for i, d in enumerate(predicted) if i not in used and d.key == g["document"] and overlap(span, (d.excerpt.start, d.excerpt.end))),
                None,
            )
            split = g.get("split", "dev")
            if hit is not None:
                used.add(hit)
                tally.add(split, "decisions", "references", PRF(tp=1), (report, *span))
                continue
            tally.add(split, "decisions", "references", PRF(fn=1), (report, *span))
            wrong = [d.key for d in predicted if overlap(span, (d.excerpt.start, d.excerpt.end))]
            tally.errors.append(
                EvalError(split, "decisions", "wrong document" if wrong else "miss", report, g["start"], g["end"], g["text"],
                          g["document"], ", ".join(wrong), tally.around(report, g["start"], g["end"]))
            )
        invented: dict[tuple[str, str], int] = {}
        for i, d in enumerate(predicted):
            split = tally.splits.of(report, d.excerpt.start)
            if i not in used:
                tally.add(split, "decisions", "references", PRF(fp=1), (report, d.excerpt.start, d.excerpt.end))
                if not any(overlap((g["start"], g["end"]), (d.excerpt.start, d.excerpt.end)) for g in golds):
                    tally.errors.append(
                        EvalError(split, "decisions", "false hit", report, d.excerpt.start, d.excerpt.end, d.excerpt.text,
                                  "", d.key, tally.around(report, d.excerpt.start, d.excerpt.end))
                    )
            if d.key not in gold_keys[report]:
                invented.setdefault((split, d.key), i)
        for (split, key), i in sorted(invented.items()):
            d = predicted[i]
            tally.errors.append(
                EvalError(split, "decisions", "invented document", report, d.excerpt.start, d.excerpt.end, d.excerpt.text,
                          "", key, tally.around(report, d.excerpt.start, d.excerpt.end))
            )
        # "invented": fp counts predicted documents no gold reference of the report has.
        per_split: dict[str, int] = defaultdict(int)
        for split, _ in invented:
            per_split[split] += 1
        for split in {tally.splits.of(report, g["start"]) for g in golds} | set(per_split):
            tally.add(split, "decisions", "invented documents", PRF(fp=per_split.get(split, 0)))


def score_provisions(gold: Gold, by_report: dict[str, Extraction], tally: Tally) -> None:
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
            split = g.get("split", "dev") if g else tally.splits.of(report, start)
            sentence = " ".join((g["text"] if g else p.text).split())
            at = (report, start, end)
            tally.add(split, "provisions", "provisions", PRF(tp=int(bool(g and p)), fp=int(bool(p and not g)), fn=int(bool(g and not p))), at)
            if not (g and p):
                tally.errors.append(EvalError(split, "provisions", "miss" if g else "false hit", report, start, end, notation,
                                        notation if g else "", notation if p else "", sentence))
            for metric, gold_keys, pred_keys in (
                ("tasked", set(g["tasked"]) if g else set(), {m.key for m in p.tasked} if p else set()),
                ("partners", set(g["partners"]) if g else set(), {m.key for m in p.partners} if p else set()),
            ):
                tally.add(split, "provisions", metric, PRF(len(gold_keys & pred_keys), len(pred_keys - gold_keys), len(gold_keys - pred_keys)), at)
                for key in sorted(gold_keys - pred_keys):
                    tally.errors.append(EvalError(split, "provisions", f"{metric} miss", report, start, end, notation, key, "", sentence))
                for key in sorted(pred_keys - gold_keys):
                    tally.errors.append(EvalError(split, "provisions", f"{metric} false hit", report, start, end, notation, "", key, sentence))


def score_activities(gold: Gold, by_report: dict[str, Extraction], tally: Tally, kind: str, implicit: bool) -> None:
    """Activity sentences inside the annotated regions; ``implicit`` False leaves out the sentences
    whose agent is not named in them (``activities-named``)."""
    # The errors of ``activities-named`` are a subset of those of ``activities``: list them once.
    errors: list[EvalError] = tally.errors if kind == "activities" else []
    regions = gold.records["regions"]
    for report in sorted({r["report"] for r in regions}):
        ext = by_report.get(report)
        report_regions = [(r["start"], r["end"]) for r in regions if r["report"] == report]
        golds = [g for g in gold.records["activities"] if g["report"] == report]
        skipped = [g for g in golds if g.get("implicit_agent") and not implicit]
        golds = [g for g in golds if not (g.get("implicit_agent") and not implicit)]
        # Counted by sentence here: each excerpt of an event stands for itself (events: ``events.py``).
        predicted = [
            a
            for a in per_excerpt(ext.activities if ext else ())
            if any(overlap((s, e), (a.excerpt.start, a.excerpt.end)) for s, e in report_regions)
        ]
        for g in golds:
            _judge_activity(tally, kind, report, g, predicted, errors)
        if kind == "activities":
            for a in predicted:
                if a.date:
                    tally.add(tally.splits.of(report, a.excerpt.start), kind, "date is ISO 8601", Accuracy(int(bool(ISO_DATE.match(a.date))), 1),
                              (report, a.excerpt.start, a.excerpt.end))
        _false_activities(tally, kind, report, predicted, golds, skipped, errors)


def _judge_activity(tally: Tally, kind: str, report: str, g: dict, predicted: list, errors: list[EvalError]) -> None:
    """One gold sentence: found or missed; if found, its agent and (for ``activities``) its attributes."""
    span = (g["start"], g["end"])
    split = g.get("split", "dev")
    at = (report, *span)
    sentence = " ".join(g["sentence"].split())
    hits = [a for a in predicted if overlap(span, (a.excerpt.start, a.excerpt.end))]
    if not hits:
        tally.add(split, kind, "sentences", PRF(fn=1), at)
        errors.append(EvalError(split, kind, "miss", report, g["start"], g["end"], g["type"], ",".join(g["agents"]), "", sentence))
        return
    tally.add(split, kind, "sentences", PRF(tp=1), at)
    a = max(hits, key=lambda a: (not a.follow_ups, overlap(span, (a.excerpt.start, a.excerpt.end))))
    if a.follow_ups:
        return  # found as evidence of an event whose attributes are judged on its lead sentence
    agents = {m.key for m in a.agents}
    right = bool(agents) and agents <= set(g["agents"])
    tally.add(split, kind, "agent", Accuracy(int(right), 1), at)
    if not right:
        errors.append(EvalError(split, kind, "wrong agent", report, g["start"], g["end"], g["type"],
                                ",".join(g["agents"]), ",".join(sorted(agents)), sentence))
    if kind != "activities":
        return  # the attributes are judged once, on all sentences found
    tally.add(split, kind, "type", Accuracy(int(a.type == g["type"]), 1), at)
    attributes = [("date", g.get("date", ""), a.date), ("country", g.get("country", ""), a.country), ("place", g.get("place", ""), a.place)]
    if g.get("provision"):
        attributes.insert(0, ("provision", g["provision"], a.provision))
    for metric, want, got in attributes:
        ok = want == got
        tally.add(split, kind, metric, Accuracy(int(ok), 1), at)
        if not ok:
            errors.append(EvalError(split, kind, f"wrong {metric}", report, g["start"], g["end"], g["type"], want, got, sentence))


def _false_activities(tally: Tally, kind: str, report: str, predicted: list, golds: list, skipped: list, errors: list[EvalError]) -> None:
    """Predicted activities that overlap no gold sentence (nor one left out of this count)."""
    for a in predicted:
        span = (a.excerpt.start, a.excerpt.end)
        if any(overlap(span, (g["start"], g["end"])) for g in golds):
            continue
        if any(overlap(span, (g["start"], g["end"])) for g in skipped):
            continue  # a sentence left out of this count is neither found nor false
        split = tally.splits.of(report, a.excerpt.start)
        tally.add(split, kind, "sentences", PRF(fp=1), (report, *span))
        errors.append(EvalError(split, kind, "false hit", report, a.excerpt.start, a.excerpt.end, a.type, "",
                                ",".join(m.key for m in a.agents), " ".join(a.excerpt.text.split())))
