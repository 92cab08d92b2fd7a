"""How well activities are linked to provisions by content: a hold-out protocol, and judged links.

The hold-out (issue 12, item 5): the report that places its activities under Action Plan provisions
(the 2006 report, found as the corpus report quoting the most provisions) is rewritten without its
provision paragraphs and its section headings; those go to a separate document, as a corpus of
later reports would quote them elsewhere. Both are extracted and linked by content
(:func:`cthbgraph.linking.link_extractions`), and each activity of the rewritten report is judged
against the provision the full report places it under:

* ``exact``: the stated provision is among the (at most two) kept;
* ``section``: the first kept provision is in the stated provision's section;
* ``coverage``: the activity kept any provision.

Activities are matched by their sentence (whitespace aside). The parts are by chapter: ``dev``
(Action Plan chapter III, used to tune :class:`~cthbgraph.linking.LinkSettings`), ``test`` (IV, V).

The judged links of a gold folder (``tests/gold-links/links.jsonl``, made by reading later reports)
are scored on the linked corpus the same way: ``exact`` over the records that give a provision,
``section`` over those that give a section, ``none`` over those judged to serve no provision (right
when nothing is kept), ``found`` the share of judged sentences the extraction read as (part of) an
activity; ``clear`` records are also scored apart.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from ..linking import LinkSettings, link_extractions
from ..records import Extraction, Link, Report
from .gold import GoldError

#: The columns of :meth:`LinkEvaluation.rows`.
LINK_COLUMNS = ("protocol", "split", "metric", "correct", "total", "value")


@dataclass(frozen=True)
class LinkScore:
    protocol: str  # "hold-out" or "judged"
    split: str
    metric: str  # exact, section, coverage
    correct: int
    total: int

    @property
    def value(self) -> float:
        return round(self.correct / self.total, 3) if self.total else 0.0


@dataclass(frozen=True)
class LinkEvaluation:
    scores: tuple[LinkScore, ...]

    def rows(self) -> list[tuple]:
        return [(s.protocol, s.split, s.metric, s.correct, s.total, s.value) for s in self.scores]

    def value(self, protocol: str, split: str, metric: str) -> float:
        return next(s.value for s in self.scores if (s.protocol, s.split, s.metric) == (protocol, split, metric))


def hold_out_reports(report: Report) -> tuple[Report, Report]:
    """``report`` without its provision paragraphs and section headings, and those as a document."""
    from ..extract.provisions import find_provisions, find_section_headings  # loads spaCy's types

    spans = sorted(
        [(p.start, p.end) for p in find_provisions(report.text)]
        + [(h.start, h.end) for h in find_section_headings(report.text)]
    )
    kept, removed, pos = [], [], 0
    for start, end in spans:
        if start < pos:
            continue
        kept.append(report.text[pos:start])
        removed.append(report.text[start:end])
        pos = end
    kept.append(report.text[pos:])
    stripped = replace(report, id=report.id + "-without-provisions", text="".join(kept), sha256="")
    plan = replace(report, id=report.id + "-provisions", text="\n\n".join(removed) + "\n", sha256="")
    return stripped, plan


def hold_out_extractions(stripped: Extraction, plan: Extraction) -> list[Extraction]:
    """The rewritten report with nothing stated left (a provision paragraph the patterns of
    :func:`hold_out_reports` missed goes to the plan), and the plan."""
    activities = tuple(replace(a, provision="") for a in stripped.activities)
    return [
        replace(stripped, provisions=(), activities=activities),
        replace(plan, provisions=plan.provisions + stripped.provisions),
    ]


def _key(text: str) -> str:
    return " ".join(text.split())


def _judge(protocol: str, cases: Iterable[tuple[str, str, Sequence[Link]]], tally: dict) -> None:
    """cases: (split, stated notation, kept links best first)."""
    for split, gold, kept in cases:
        for part in (split, "all"):
            t = tally[(protocol, part)]
            t["exact"][1] += 1
            t["exact"][0] += any(k.provision == gold for k in kept)
            t["section"][1] += 1
            t["section"][0] += bool(kept) and kept[0].provision.rsplit(".", 1)[0] == gold.rsplit(".", 1)[0]
            t["coverage"][1] += 1
            t["coverage"][0] += bool(kept)


def hold_out_cases(full: Extraction, stripped: Extraction) -> list[tuple[str, str, list[Link]]]:
    by_sentence: dict[str, list[Link]] = defaultdict(list)
    for link in sorted(stripped.links, key=lambda k: k.rank):
        by_sentence[_key(link.activity.text)].append(link)
    cases = []
    for activity in full.activities:
        if activity.provision:
            split = "dev" if activity.provision.startswith("III.") else "test"
            cases.append((split, activity.provision, by_sentence.get(_key(activity.excerpt.text), [])))
    return cases


def evaluate_links(
    extractor, corpus: Sequence[Report], gold_dir: Path | None = None, settings: LinkSettings | None = None
) -> LinkEvaluation:
    """The hold-out protocol on the report of ``corpus`` quoting most provisions, and (with
    ``gold_dir``) the judged links of ``gold_dir/links.jsonl`` on the linked corpus."""
    extractions = list(extractor.extract_all(list(corpus)))
    full = max(extractions, key=lambda e: (len(e.provisions), e.report.id), default=None)
    if full is None or not full.provisions:
        raise GoldError(
            "no report of the corpus quotes Action Plan provisions, so there is nothing to hold out",
            hint="give --corpus a folder with the 2006 report (it places its activities under provisions)",
        )
    stripped, plan = hold_out_reports(full.report)
    held = link_extractions(hold_out_extractions(*extractor.extract_all([stripped, plan])), settings)
    tally: dict = defaultdict(lambda: {"exact": [0, 0], "section": [0, 0], "none": [0, 0], "coverage": [0, 0], "found": [0, 0]})
    _judge("hold-out", hold_out_cases(full, held[0]), tally)
    if gold_dir is not None and (Path(gold_dir) / "links.jsonl").exists():
        judged_links(link_extractions(extractions, settings), Path(gold_dir) / "links.jsonl", tally)
    scores = [
        LinkScore(protocol, split, metric, *counts)
        for (protocol, split), metrics in sorted(tally.items(), key=lambda kv: (kv[0][0] != "hold-out", kv[0][1]))
        for metric, counts in metrics.items()
        if counts[1]
    ]
    return LinkEvaluation(tuple(scores))


def judged_links(linked: Sequence[Extraction], path: Path, tally: dict) -> None:
    """Score the links of ``linked`` against judged records (see the module docstring).

    A judged sentence is matched to the first activity having it among its evidence (its lead or a
    follow-up sentence of the same event); ``found`` counts the judged sentences so matched, which
    is the extraction's share of the result: the linker cannot link what was not read as an activity.
    """
    by_report = {e.report.id: e for e in linked}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        g = json.loads(line)
        extraction = by_report.get(g["report"])
        if extraction is None:
            continue
        activity = next(
            (
                a
                for a in sorted(extraction.activities, key=lambda a: a.excerpt)
                if any(x.start < g["end"] and g["start"] < x.end for x in a.evidence)
            ),
            None,
        )
        kept = sorted((k for k in extraction.links if activity and k.activity == activity.excerpt), key=lambda k: k.rank)
        # "plausible" records are one reading among defensible others: "clear" ones are scored apart too.
        clear = (f'{g["split"]} clear',) if g.get("confidence") == "clear" else ()
        for part in (g["split"], "all", *clear):
            t = tally[("judged", part)]
            if g["provisions"]:
                t["exact"][1] += 1
                t["exact"][0] += any(k.provision in g["provisions"] for k in kept)
            # A record judged "none" is scored apart: linking nothing is right there, and counting it
            # under section would reward a model for linking less.
            metric = "none" if g["section"] == "none" else "section"
            t[metric][1] += 1
            section = kept[0].provision.rsplit(".", 1)[0] if kept else "none"
            t[metric][0] += section == g["section"]
            t["coverage"][1] += 1
            t["coverage"][0] += bool(kept)
            t["found"][1] += 1
            t["found"][0] += activity is not None
