"""Activities counted by event, and the metadata of whole texts (title, date, year).

An activity is an event: a predicted activity is one event whose evidence is its excerpt and its
follow-up excerpts; a gold event is the set of gold sentences that share an ``event`` id (a record
without one is an event of its own). See ``tests/gold-blind/README.md``:

* a predicted event is a true positive when one of its excerpts overlaps a sentence of a gold event
  that no other predicted event has matched yet; a second predicted event on the same gold event is
  a false positive (a split event), and so is one that overlaps no gold sentence of the regions;
* a gold event no predicted event matched is a false negative;
* ``event agent``: for each matched pair, the predicted agents are non-empty and all among the
  agents of the gold event's sentences;
* ``event partners``: for each matched pair, the (event, partner) pairs: the predicted activity's
  partners against the partners of the gold event's sentences. Only events found count, so it
  measures attaching partners to an event, not finding the event. Where the annotations give bodies
  no kind (``tests/gold``), they list only the partners the gazetteer names and the OSCE's own bodies, so a
  predicted partner that is neither is not judged there (as for mentions).

Where the errors come from, in counts (rows of their own, see ``scores.COUNTS``): the false hits of
``events`` are ``events-split`` or ``events-spurious``; its misses ``events-unread`` (no predicted
event reaches a sentence of the gold event) or ``events-merged`` (one does, but was matched to
another gold event first: two events read as one); the wrong doers of ``event agent`` are
``event agent-none`` (no doer), ``event agent-partner`` (a wrong doer is one of the gold event's
partners) or ``event agent-other``.

Documents (``documents.jsonl``): ``year`` and ``date`` right (empty = empty), ``title`` the same as
the gold title (case and spacing aside), ``title from text`` where the gold gives a title: the
predicted title is not the one made from the file name.
"""

from __future__ import annotations

from collections import defaultdict

from ..corpus.metadata import title_from_name
from ..records import Activity, Excerpt, Extraction
from .gold import Gold
from .kinds import OSCE_KINDS, listed_keys
from .scores import PRF, Accuracy, EvalError


def evidence(activity: Activity) -> tuple[Excerpt, ...]:
    """Every excerpt of an activity: the lead sentence and the follow-ups."""
    return (activity.excerpt, *getattr(activity, "follow_ups", ()))


def _overlaps(e: Excerpt, g: dict) -> bool:
    return e.start < g["end"] and e.end > g["start"]


def score_events(gold: Gold, by_report: dict[str, Extraction], tally) -> None:
    regions = gold.records["regions"]
    every_partner = _kinds_given(gold)
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
        matched = _match(tally, report, events, predicted)
        for eid, rows in events.items():
            a = matched.get(eid)
            if a is None:
                _missed(tally, report, rows, predicted)
            else:
                _judge_doer(tally, report, rows, a)
                _judge_partners(tally, report, rows, a, every_partner)
    _complete(tally)


def _kinds_given(gold: Gold) -> bool:
    return any("kind" in m for r in gold.records["bodies"] for m in r["mentions"])


def _match(tally, report: str, events: dict[str, list[dict]], predicted: list[Activity]) -> dict[str, Activity]:
    """Each gold event with the first predicted event that reaches it; the others are false hits,
    counted as split (on a gold event already matched) or spurious (on no gold sentence)."""
    matched: dict[str, Activity] = {}
    for a in sorted(predicted, key=lambda a: a.excerpt.start):
        hit = [eid for eid, rows in events.items() if any(_overlaps(e, g) for e in evidence(a) for g in rows)]
        free = [eid for eid in hit if eid not in matched]
        if free:
            matched[free[0]] = a
            continue
        split = tally.splits.of(report, a.excerpt.start)
        at = (report, a.excerpt.start, a.excerpt.end)
        tally.add(split, "activities", "events", PRF(fp=1), at)
        tally.add(split, "activities", "events-split" if hit else "events-spurious", PRF(fp=1), at)
        tally.errors.append(EvalError(split, "activities", "split event" if hit else "false event", report, a.excerpt.start,
                                      a.excerpt.end, a.type, "", ",".join(m.key for m in a.agents), " ".join(a.excerpt.text.split())))
    return matched


def _missed(tally, report: str, rows: list[dict], predicted: list[Activity]) -> None:
    """A gold event no predicted event matched: unread (nothing predicted touches its sentences) or
    merged (a predicted event that reaches it was matched to another gold event first)."""
    lead = _lead(rows)
    split = lead.get("split", "dev")
    at = (report, lead["start"], lead["end"])
    read = any(_overlaps(e, g) for a in predicted for e in evidence(a) for g in rows)
    tally.add(split, "activities", "events", PRF(fn=1), at)
    tally.add(split, "activities", "events-merged" if read else "events-unread", PRF(fn=1), at)
    tally.errors.append(EvalError(split, "activities", "missed event", report, lead["start"], lead["end"], lead["type"],
                                  ",".join(lead["agents"]), "", " ".join(lead["sentence"].split())))


def _judge_doer(tally, report: str, rows: list[dict], a: Activity) -> None:
    """A gold event found: its doer right, or wrong as none, one of the event's partners, or other."""
    lead = _lead(rows)
    split = lead.get("split", "dev")
    at = (report, lead["start"], lead["end"])
    tally.add(split, "activities", "events", PRF(tp=1), at)
    agents = {m.key for m in a.agents}
    gold_agents = {k for g in rows for k in g["agents"]}
    right = bool(agents) and agents <= gold_agents
    tally.add(split, "activities", "event agent", Accuracy(int(right), 1), at)
    if right:
        return
    partners = {k for g in rows for k in g.get("partners", ())}
    wrong = "none" if not agents else "partner" if (agents - gold_agents) & partners else "other"
    tally.add(split, "activities", f"event agent-{wrong}", PRF(fn=1), at)
    tally.errors.append(EvalError(split, "activities", "wrong event agent", report, lead["start"], lead["end"], lead["type"],
                                  ",".join(sorted(gold_agents)), ",".join(sorted(agents)), " ".join(lead["sentence"].split())))


def _judge_partners(tally, report: str, rows: list[dict], a: Activity, every_partner: bool) -> None:
    lead = _lead(rows)
    split = lead.get("split", "dev")
    gold_partners = {k for g in rows for k in g.get("partners", ())}
    # tests/gold lists the OSCE's own bodies as partners too ("in co-operation with the field operations, i.e.
    # with the Presence in Albania, ..."): a predicted OSCE body is judged there like a gazetteer partner.
    partners = {m.key for m in a.partners if every_partner or m.key in listed_keys() or m.kind in OSCE_KINDS}
    prf = PRF(tp=len(partners & gold_partners), fp=len(partners - gold_partners), fn=len(gold_partners - partners))
    tally.add(split, "activities", "event partners", prf, (report, lead["start"], lead["end"]))
    if partners != gold_partners:
        tally.errors.append(EvalError(split, "activities", "wrong event partners", report, lead["start"], lead["end"], lead["type"],
                                      ",".join(sorted(gold_partners)), ",".join(sorted(partners)), " ".join(lead["sentence"].split())))


def _lead(rows: list[dict]) -> dict:
    return next((g for g in rows if g.get("lead")), rows[0])


# The lines that break down the false hits and misses of ``events`` and the wrong doers of ``event agent``.
_BREAKDOWN = {
    "events": ("events-split", "events-spurious", "events-unread", "events-merged"),
    "event agent": ("event agent-none", "event agent-partner", "event agent-other"),
}


def _complete(tally) -> None:
    """Every breakdown line wherever the line it breaks down is counted, at 0 where nothing fell in it."""
    for split, kind, metric in list(tally.counts):
        for part in _BREAKDOWN.get(metric, ()) if kind == "activities" else ():
            tally.add(split, kind, part, PRF())


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
