"""References to adopted OSCE documents, resolved to one key per document.

"MC.DEC/03/06", "MC.DEC 3/06", "Ministerial Council Decision No. 3/06", "the Brussels Ministerial
Council Decision No. 3" are one decision: ``mc-dec-3-06`` with the OSCE symbol ``MC.DEC/3/06``.
Permanent Council decisions are numbered without a year: ``PC.DEC/557`` -> ``pc-dec-557``.
Mentions of the OSCE Action Plan to Combat Trafficking in Human Beings resolve to
``osce-action-plan-2003``.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

PATTERNS = Path(__file__).parent / "patterns"

ACTION_PLAN_KEY = "osce-action-plan-2003"
ACTION_PLAN_LABEL = "OSCE Action Plan to Combat Trafficking in Human Beings"

_YEAR = r"(?P<year>\d{4}|\d{2})"
_SYMBOL = re.compile(
    r"\b(?P<council>MC|PC)\s?\.\s?(?P<kind>DECL?|Dec)\s?[/ ]?\s?(?P<num>\d{1,4})"
    rf"(?:\s?/\s?{_YEAR}(?!\d{{3}}))?(?P<rev>/\s?Rev\.\s?\d)?"
)
_COUNCIL = r"(?P<council>Ministerial\s+Council|Permanent\s+Council|Ministerial|MC|PC)"
_PROSE = re.compile(
    rf"(?:\b(?P<city>[A-Z][a-z]+)\s+)?(?:OSCE\s+)?\b{_COUNCIL}(?:\s+\((?:MC|PC)\))?\s+"
    r"(?P<kind>Decision|Declaration)\s*(?:No\.?|Number|#)?\s*(?P<num>\d{1,4})"
    rf"(?:\s?/\s?{_YEAR}|\s+of\s+(?:\d{{1,2}}\s+[A-Z][a-z]+\s+)?(?P<ofyear>(?:19|20)\d\d)"
    r"|\s+\((?P<parenyear>(?:19|20)\d\d)\))?(?P<rev>\s?/\s?Rev\.\s?\d)?"
)
# "Decision No. 557/Rev. 1 of the Permanent Council", "Decision No. 16/05" (council stated after, or not at all).
_BARE = re.compile(
    r"\bDecision\s+No\.?\s*(?P<num>\d{1,4})(?:\s?/\s?(?P<year>\d{2,4}))?(?P<rev>\s?/\s?Rev\.\s?\d)?"
    r"(?:\s+of\s+the\s+(?P<council>Permanent\s+Council|Ministerial\s+Council))?"
)
_ACTION_PLAN = re.compile(
    r"\b(?:(?:the\s+)?(?:OSCE\s+|2003\s+)+Action\s+Plan(?:\s+to\s+Combat\s+Trafficking\s+in\s+Human\s+Beings)?"
    r"|(?<=the\s)Action\s+Plan)\b"
)
# "National Action Plan", "EU Action Plan", "an Action Plan": other plans.
_OTHER_PLAN = re.compile(r"(?:National|national|EU|Regional|regional|an|Such|such|its|their)\s+(?:the\s+)?$")
_ADOPTED_IN = re.compile(r"^[^.;]{0,30}?\b(?:adopted\s+)?(?:in|at)\s+(?P<city>[A-Z][a-z]+)(?:\s+in\s+(?P<year>(?:19|20)\d\d))?")


@dataclass(frozen=True, order=True)
class DecisionMatch:
    start: int
    end: int
    key: str
    notation: str
    kind: str  # Decision, Declaration, ActionPlan


def load_council_meetings(path: Path | None = None) -> dict[str, int | None]:
    """City -> year of the Ministerial Council held there; None where a city hosted more than one."""
    path = path or PATTERNS / "ministerial_councils.jsonl"
    years: dict[str, set[int]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            years.setdefault(row["city"], set()).add(int(row["year"]))
    return {city: (ys.pop() if len(ys) == 1 else None) for city, ys in years.items()}


class DecisionFinder:
    def __init__(self, council_meetings: dict[str, int | None] | None = None):
        self.meetings = council_meetings if council_meetings is not None else load_council_meetings()

    def find(self, text: str) -> list[DecisionMatch]:
        found: list[DecisionMatch] = []
        for regex in (_SYMBOL, _PROSE, _BARE):
            for m in regex.finditer(text):
                match = self._decision(m, text)
                if match is not None:
                    found.append(match)
        for m in _ACTION_PLAN.finditer(text):
            if _OTHER_PLAN.search(text[max(0, m.start() - 20) : m.start()]):
                continue
            found.append(DecisionMatch(m.start(), m.end(), ACTION_PLAN_KEY, "", "ActionPlan"))
        # The same reference is often matched by two patterns: keep the longest.
        found.sort(key=lambda d: (d.start, -(d.end - d.start)))
        kept: list[DecisionMatch] = []
        for match in found:
            if kept and match.start < kept[-1].end:
                continue
            kept.append(match)
        return kept

    def _decision(self, m: re.Match[str], text: str) -> DecisionMatch | None:
        groups = m.groupdict()
        council = (groups.get("council") or "").replace("\n", " ")
        is_pc = council.startswith(("PC", "Permanent"))
        kind = "Declaration" if (groups.get("kind") or "").upper().startswith("DECL") else "Decision"
        number = int(m.group("num"))
        year = _two_digit_year(groups.get("year") or groups.get("ofyear") or groups.get("parenyear"))
        if council == "" and year is None:
            return None  # "Decision No. 5" with neither council nor year names no document
        if is_pc and kind == "Decision":
            return DecisionMatch(m.start(), m.end(), f"pc-dec-{number}", f"PC.DEC/{number}", kind)
        if year is None:
            year = self._year_from_context(groups.get("city"), text[m.end() : m.end() + 60])
        if year is None:
            return None  # an MC decision number without its year is ambiguous
        prefix = "mc-decl" if kind == "Declaration" else "mc-dec"
        symbol = "MC.DECL" if kind == "Declaration" else "MC.DEC"
        return DecisionMatch(m.start(), m.end(), f"{prefix}-{number}-{year:02d}", f"{symbol}/{number}/{year:02d}", kind)

    def _year_from_context(self, city_before: str | None, after: str) -> int | None:
        """ "the Sofia Ministerial Council Decision No. 13", "... No. 1 adopted in Vienna in 2000"."""
        if city_before and self.meetings.get(city_before):
            return self.meetings[city_before] % 100
        m = _ADOPTED_IN.match(after)
        if m:
            if m.group("year"):
                return int(m.group("year")) % 100
            if self.meetings.get(m.group("city")):
                return self.meetings[m.group("city")] % 100
        return None


def _two_digit_year(raw: str | None) -> int | None:
    """ "06" -> 6, "2005" -> 5; "0561" (year 05 with footnote 61 glued on) -> 5."""
    if not raw:
        return None
    if len(raw) == 4 and raw[:2] in ("19", "20"):
        return int(raw) % 100
    return int(raw[:2])
