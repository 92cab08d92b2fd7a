"""Activities counted by event, and the metadata of whole texts (title, date, year).

An activity is an event: a predicted activity is one event whose evidence is its excerpt and its
follow-up excerpts; a gold event is the set of gold sentences that share an ``event`` id (a record
without one is an event of its own). See ``tests/gold-blind/README.md``:

* a predicted event is a true positive when one of its excerpts overlaps a sentence of a gold event
  that no other predicted event has matched yet; a second predicted event on the same gold event is
  a false positive (a split event), and so is one that overlaps no gold sentence of the regions;
* a gold event no predicted event matched is a false negative;
* ``event agent``: for each matched pair, the predicted agents are non-empty and all among the
  agents of the gold event's sentences.

Documents (``documents.jsonl``): ``year`` and ``date`` right (empty = empty), ``title`` the same as
the gold title (case and spacing aside), ``title from text`` where the gold gives a title: the
predicted title is not the one made from the file name.
"""

from __future__ import annotations

from collections import defaultdict

from ..corpus.metadata import title_from_name
from ..records import Activity, Excerpt, Extraction
from .gold import Gold
from .scores import PRF, Accuracy, EvalError


def evidence(activity: Activity) -> tuple[Excerpt, ...]:
    """Every excerpt of an activity: the lead sentence and the follow-ups."""
    return (activity.excerpt, *getattr(activity, "follow_ups", ()))


def _overlaps(e: Excerpt, g: dict) -> bool:
    return e.start < g["end"] and e.end > g["start"]


def score_events(gold: Gold, by_report: dict[str, Extraction], tally) -> None:
    regions = gold.records["regions"]
    for report in sorted({r["report"] for r in regions}):
        ext = by_report.get(report)
        spans = [(r["start"], r["end"]) for r in regions if r["report"] == report]
        events: dict[str, list[dict]] = defaultdict(list)
        for g in gold.records["activities"]:
            if g["report"] == report:
                events[g.get("event") or f"{report}@{g['start']}"].append(g)
        predicted = [
            a for a in (ext.activities if ext else ()) if any(e.start < s_end and e.end > s for e in evidence(a) for s, s_end in spans)
        ]
        matched: dict[str, Activity] = {}
        for a in sorted(predicted, key=lambda a: a.excerpt.start):
            hit = [eid for eid, rows in events.items() if any(_overlaps(e, g) for e in evidence(a) for g in rows)]
            free = [eid for eid in hit if eid not in matched]
            split = tally.splits.of(report, a.excerpt.start)
            if free:
                matched[free[0]] = a
                continue
            tally.add(split, "activities", "events", PRF(fp=1), (report, a.excerpt.start, a.excerpt.end))
            tally.errors.append(EvalError(split, "activities", "split event" if hit else "false event", report, a.excerpt.start,
                                          a.excerpt.end, a.type, "", ",".join(m.key for m in a.agents), " ".join(a.excerpt.text.split())))
        for eid, rows in events.items():
            lead = next((g for g in rows if g.get("lead")), rows[0])
            split = lead.get("split", "dev")
            at = (report, lead["start"], lead["end"])
            a = matched.get(eid)
            if a is None:
                tally.add(split, "activities", "events", PRF(fn=1), at)
                tally.errors.append(EvalError(split, "activities", "missed event", report, lead["start"], lead["end"], lead["type"],
                                              ",".join(lead["agents"]), "", " ".join(lead["sentence"].split())))
                continue
            tally.add(split, "activities", "events", PRF(tp=1), at)
            agents = {m.key for m in a.agents}
            right = bool(agents) and agents <= {k for g in rows for k in g["agents"]}
            tally.add(split, "activities", "event agent", Accuracy(int(right), 1), at)
            if not right:
                tally.errors.append(EvalError(split, "activities", "wrong event agent", report, lead["start"], lead["end"], lead["type"],
                                              ",".join(sorted({k for g in rows for k in g["agents"]})), ",".join(sorted(agents)),
                                              " ".join(lead["sentence"].split())))


def _norm(title: str) -> str:
    return " ".join(title.replace("’", "'").split()).casefold()


def score_documents(gold: Gold, by_report: dict[str, Extraction], tally) -> None:
    for d in gold.records["documents"]:
        ext = by_report.get(d["report"])
        if ext is None:
            continue
        report = ext.report
        split = d.get("split", "dev")
        year = str(report.year) if report.year else ""
        date = getattr(report, "date", "")
        checks = [("year", str(d.get("year", "")), year), ("date", d.get("date", ""), date)]
        if d.get("title"):
            checks.append(("title", _norm(d["title"]), _norm(report.title)))
            from_text = bool(report.title) and report.title != title_from_name(report.path)
            tally.add(split, "documents", "title from text", Accuracy(int(from_text), 1), (d["report"],))
        for metric, want, got in checks:
            tally.add(split, "documents", metric, Accuracy(int(want == got), 1), (d["report"],))
            if want != got:
                tally.errors.append(EvalError(split, "documents", f"wrong {metric}", d["report"], 0, 0, d.get("genre", ""), want, got, ""))
