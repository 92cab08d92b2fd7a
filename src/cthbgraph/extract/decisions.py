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
from collections.abc import Iterator
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
    r"\b(?:Decision|DECISION)\s+No\.?\s*(?P<num>\d{1,4})(?:\s?/\s?(?P<year>\d{2,4}))?(?P<rev>\s?/\s?Rev\.\s?\d)?"
    r"(?:\s+of\s+the\s+(?P<council>Permanent\s+Council|Ministerial\s+Council))?"
)
_ACTION_PLAN = re.compile(
    r"\b(?:(?:OSCE\s+|2003\s+)+Action\s+Plan(?:\s+to\s+(?:Combat|combat)\s+(?:Trafficking\s+in\s+Human\s+Beings|trafficking\s+in\s+human\s+beings|CTHB|THB))?"
    r"|Action\s+Plan\s+to\s+Combat\s+Trafficking\s+in\s+Human\s+Beings"
    r"|(?<=\b[Tt]he\s)Action\s+Plan|(?<=\()Action\s+Plan(?=\))|(?<=\b[Tt]his\s)Action\s+Plan|(?<=\brelevant\s)Action\s+Plan)\b"
)
# "National Action Plan", "EU Action Plan", "an Action Plan", ODIHR's "Proposed OSCE Action Plan 2000": other plans.
_OTHER_PLAN = re.compile(
    r"(?:National|national|EU|Regional|regional|\ban|Such|such|its|their|Proposed|proposed|Global|Integrated\s+Approach\s+and)\s+(?:the\s+)?$"
)
_OTHER_OWNER = re.compile(r"(?:National|national|EU|Regional|regional|Proposed|proposed)\s+(?:the\s+)?$")
# "OSCE Action Plan for Promotion of Gender Equality", "Action Plan 2000": another plan of the OSCE.
_OTHER_PLAN_AFTER = re.compile(r"^\s+(?:for|on|of\s+the\s+(?!OSCE)|20\d\d|19\d\d)\b")
_ADOPTED_IN = re.compile(r"^[^.;]{0,30}?\b(?:adopted\s+)?(?:in|at)\s+(?P<city>[A-Z][a-z]+)(?:\s+in\s+(?P<year>(?:19|20)\d\d))?")
# "Decision No. 3, adopted on 21 June 2006", "adopted in Sofia, 7 December 2004": the footnote's date.
_ADOPTED_ON = re.compile(r"^,?\s*adopted\s+(?:on|in)\b[^.;()]{0,40}?\b(?P<year>(?:19|20)\d\d)\b")
# "MC(8).DEC/1": the Ministerial Council's meeting number stands for its year.
_MEETING_SYMBOL = re.compile(r"\bMC\s?\((?P<meeting>\d{1,2})\)\s?\.\s?DEC\s?/\s?(?P<num>\d{1,3})\b")
# "PC Declaration No.670", "PC.DEC670 Declaration on ...": PC declarations carry the PC.DEC number.
_PC_DECLARATION = re.compile(
    r"\b(?:PC|Permanent\s+Council)\s+Declaration\s*(?:No\.?|Number)?\s*(?P<num>\d{1,3}(?=\d{2}\b)|\d{1,4}(?!\d))"
)
_YEAR_WORD = re.compile(r"\b(?:19|20)\d\d\b")
_QUOTES = "‘’“”\"'"


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


@dataclass(frozen=True)
class NamedDocument:
    """A document the reports name by title or by place rather than by number ("the Vienna Decision")."""

    key: str
    notation: str
    kind: str
    year: int
    aliases: tuple[str, ...]


def load_documents(path: Path | None = None) -> tuple[NamedDocument, ...]:
    path = path or PATTERNS / "documents.jsonl"
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    # A document's own title (its label without the place and year in brackets) names it too.
    return tuple(
        NamedDocument(r["key"], r["notation"], r["kind"], int(r["year"]), (*r["aliases"], re.sub(r"\s*\([^)]*\)$", "", r.get("label", ""))))
        for r in rows
    )


def _alias_pattern(alias: str) -> str:
    # "Porto Ministerial Council Declaration" is also written "Porto Ministerial Declaration".
    if "Ministerial Council " in alias:
        head, tail = alias.split("Ministerial Council ", 1)
        return _alias_pattern(head) + r"Ministerial\s+(?:Council\s+)?" + _alias_pattern(tail)
    out = []
    for ch in alias:
        if ch in _QUOTES:
            out.append(f"[{_QUOTES}]")
        elif ch == " ":
            out.append(r"\s+")
        else:
            out.append(re.escape(ch))
    return "".join(out)


class DecisionFinder:
    def __init__(self, council_meetings: dict[str, int | None] | None = None, documents: tuple[NamedDocument, ...] | None = None):
        self.meetings = council_meetings if council_meetings is not None else load_council_meetings()
        self.meeting_years = load_meeting_numbers()
        self.documents = documents if documents is not None else load_documents()
        aliases = {a: d for d in self.documents for a in d.aliases if a}
        self._alias_doc = {_normalise_alias(a): d for a, d in aliases.items()}
        ordered = sorted(aliases, key=len, reverse=True)
        self._named = re.compile(r"(?<![\w.])(?:" + "|".join(_alias_pattern(a) for a in ordered) + r")(?![\w])") if ordered else None
        # The last text read and what was found in it: the body recognizer asks for a document's
        # references (to leave them out), then the decision recognizer for the same again.
        self._last: tuple[str, tuple[DecisionMatch, ...]] = ("", ())

    def find(self, text: str) -> list[DecisionMatch]:
        if text != self._last[0]:
            self._last = (text, tuple(self._find(text)))
        return list(self._last[1])

    def _find(self, text: str) -> list[DecisionMatch]:
        found = list(self._references(text))
        # The same reference is often matched by two patterns: keep the longest.
        found.sort(key=lambda d: (d.start, -(d.end - d.start)))
        kept: list[DecisionMatch] = []
        for match in found:
            if kept and match.start < kept[-1].end:
                continue
            kept.append(match)
        return kept

    def _references(self, text: str) -> Iterator[DecisionMatch]:
        """Every match of every pattern, overlapping ones included."""
        for regex in (_SYMBOL, _PROSE, _BARE):
            for m in regex.finditer(text):
                match = self._decision(m, text)
                if match is not None:
                    yield match
        for m in _MEETING_SYMBOL.finditer(text):
            year = self.meeting_years.get(int(m.group("meeting")))
            if year is not None:
                number = int(m.group("num"))
                yield DecisionMatch(m.start(), m.end(), f"mc-dec-{number}-{year % 100:02d}", f"MC.DEC/{number}/{year % 100:02d}", "Decision")
        for m in _PC_DECLARATION.finditer(text):
            number = int(m.group("num"))
            yield DecisionMatch(m.start(), m.end(), f"pc-dec-{number}", f"PC.DEC/{number}", "Declaration")
        if self._named is not None:
            for m in self._named.finditer(text):
                doc = self._alias_doc[_normalise_alias(m.group())]
                if _year_fits(text, m, doc.year, self.meetings):
                    yield DecisionMatch(m.start(), m.end(), doc.key, doc.notation, doc.kind)
        for m in _ACTION_PLAN.finditer(text):
            before = text[max(0, m.start() - 30) : m.start()]
            named = m.group().startswith(("OSCE", "2003"))
            if (_OTHER_PLAN if not named else _OTHER_OWNER).search(before) or _OTHER_PLAN_AFTER.match(text[m.end() : m.end() + 20]):
                continue
            yield DecisionMatch(m.start(), m.end(), ACTION_PLAN_KEY, "", "ActionPlan")

    def _decision(self, m: re.Match[str], text: str) -> DecisionMatch | None:
        groups = m.groupdict()
        council = (groups.get("council") or "").replace("\n", " ")
        is_pc = council.startswith(("PC", "Permanent"))
        kind = "Declaration" if (groups.get("kind") or "").upper().startswith("DECL") else "Decision"
        number = int(m.group("num"))
        year = _two_digit_year(groups.get("year") or groups.get("ofyear") or groups.get("parenyear"))
        if council == "" and year is None:
            # "PC.DEC/1199 ... DECISION No. 1199": a decision's own header names it by symbol first.
            for header in _SYMBOL.finditer(text[max(0, m.start() - 300) : m.start()]):
                if int(header.group("num")) == number:
                    council, year = header.group("council"), _two_digit_year(header.group("year"))
                    is_pc = council == "PC"
            if council == "":
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
        """ "the Sofia Ministerial Council Decision No. 13", "... No. 1 adopted in Vienna in 2000",
        "Decision No. 3, adopted on 21 June 2006"."""
        if city_before and self.meetings.get(city_before):
            return self.meetings[city_before] % 100
        m = _ADOPTED_ON.match(after)
        if m:
            return int(m.group("year")) % 100
        m = _ADOPTED_IN.match(after)
        if m:
            if m.group("year"):
                return int(m.group("year")) % 100
            if self.meetings.get(m.group("city")):
                return self.meetings[m.group("city")] % 100
        return None


def confidence_of(reference: str) -> float:
    """How sure a reference's reading is, from its form: an OSCE symbol names one document; a council,
    number and year in words nearly so; a title, a place or the bare Action Plan leave more to context."""
    if _SYMBOL.fullmatch(reference) or _MEETING_SYMBOL.fullmatch(reference):
        return 0.95
    if _PROSE.fullmatch(reference) and re.search(r"\d", reference):
        return 0.9
    if _ACTION_PLAN.fullmatch(reference):
        return 0.9
    return 0.8


def load_meeting_numbers(path: Path | None = None) -> dict[int, int]:
    """Meeting number -> year of the Ministerial Council: MC(8) met in 2000."""
    path = path or PATTERNS / "ministerial_councils.jsonl"
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return {int(r["meeting"]): int(r["year"]) for r in rows if r.get("meeting")}


def _normalise_alias(raw: str) -> str:
    out = re.sub(r"\s+", " ", raw).replace("Ministerial Council ", "Ministerial ")
    for q in _QUOTES:
        out = out.replace(q, '"')
    return out


def _year_fits(text: str, m: re.Match[str], year: int, meetings: dict[str, int | None]) -> bool:
    """A document named after the city of its meeting ("the Porto Declaration") is another document
    when the same sentence names that city again with other years only: "a conference (Porto,
    8-9 October 2007), which led to the Porto Declaration" is the EU's of 2007, not the OSCE's."""
    city = m.group().split()[0]
    if city not in meetings or _YEAR_WORD.search(m.group()):
        return True
    start = max(text.rfind(". ", 0, m.start()), text.rfind("\n\n", 0, m.start()), m.start() - 300, 0)
    stops = [i for i in (text.find(". ", m.end()), text.find("\n\n", m.end())) if i != -1]
    end = min(stops + [m.end() + 300])
    sentence = text[start : m.start()] + " " + text[m.end() : end]
    if not re.search(rf"\b{re.escape(city)}\b", sentence):
        return True
    years = {int(y) for y in _YEAR_WORD.findall(sentence)}
    return not years or year in years


def _two_digit_year(raw: str | None) -> int | None:
    """ "06" -> 6, "2005" -> 5; "0561" (year 05 with footnote 61 glued on) -> 5."""
    if not raw:
        return None
    if len(raw) == 4 and raw[:2] in ("19", "20"):
        return int(raw) % 100
    return int(raw[:2])
