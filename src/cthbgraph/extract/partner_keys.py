"""Partner keys and countries: the country table of ``patterns/places.jsonl`` and where a text names a
country, the country a national body belongs to when none is written beside it, and the key and label
of a partner ("albania--state-police", "Albania — State Police"), with short names merged into the
fuller name they begin."""

from __future__ import annotations

import bisect
import functools
import json
import re
from dataclasses import dataclass
from pathlib import Path

from .bodies import slug

PATTERNS = Path(__file__).parent / "patterns"
SP = r"(?:[ \t]*\n[ \t]*|[ \t]+)"  # a space, or one line break inside a name (never a blank line)


@dataclass(frozen=True, order=True)
class Partner:
    """A partner mention: span, key, label, kind (``national-authority``, ``ngo``, ...), country, confidence."""

    start: int
    end: int
    key: str
    label: str
    kind: str
    country: str = ""
    confidence: float = 0.7


class Countries:
    """Country names, variants, adjectives and cities of ``patterns/places.jsonl`` -> the country's
    short name ("Russian Federation" -> "Russia"), and where the text names any of them."""

    def __init__(self, path: Path | None = None):
        path = path or PATTERNS / "places.jsonl"
        self.of: dict[str, str] = {}
        self.adjectives: set[str] = set()
        self.cities: set[str] = set()
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            row = json.loads(line)
            short = row.get("short", row["country"])
            for name in (row["country"], *row.get("aliases", ()), *row.get("cities", ())):
                self.of.setdefault(name.removeprefix("the "), short)
            self.cities.update(row.get("cities", ()))
            for adjective in row.get("adjectives", ()):
                self.of.setdefault(adjective, short)
                self.adjectives.add(adjective)
        for name, short in list(self.of.items()):
            self.of.setdefault(name.upper(), short)  # "CHISINAU, 5 May 2008 –": a dateline
        # "UNMIK": an international body named for the one country it works in places the sentence there.
        self.clue_of = {**_placed_acronyms(self.of), **self.of}
        names = sorted(self.clue_of, key=len, reverse=True)
        self.regex = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(n).replace(r"\ ", SP) for n in names) + r")(?![\w-])")

    def find(self, text: str) -> tuple[list[int], list[str]]:
        """Offsets and countries of every country clue in ``text``, in order."""
        starts, countries = [], []
        for m in self.regex.finditer(text):
            starts.append(m.start())
            name = " ".join(m.group().split())
            countries.append(self.clue_of[name] + (_DATELINE if name.isupper() and len(name) > 3 else ""))
        return starts, countries


def _placed_acronyms(country_of: dict[str, str]) -> dict[str, str]:
    """The acronyms of the gazetteer's bodies whose name ends in the country they work in
    ("United Nations Interim Administration Mission in Kosovo": "UNMIK" -> "Kosovo")."""
    from .bodies import load_gazetteer

    placed = {}
    for entry in load_gazetteer():
        m = re.search(r"\b(?:in|to|for)\s+(?:the\s+)?([A-Z][\w ]+)$", entry.label)
        if m is None or m.group(1) not in country_of:
            continue
        for alias in entry.aliases:
            if alias.isupper() and len(alias) > 3 and alias not in country_of:
                placed[alias] = country_of[m.group(1)]
    return placed


def sentence_country(text: str, start: int, end: int, clues: tuple[list[int], list[str]]) -> str:
    """The one country the sentence of ``text[start:end]`` names around the name, if it names one
    ("the Supreme Court ... Kazakh legislation"): the sentence's own context outweighs the section's."""
    before = max((m.end() for m in _SENTENCE_END.finditer(text, max(0, start - 600), start)), default=max(0, start - 600))
    after = _SENTENCE_END.search(text, end, end + 600)
    stop = after.start() if after else min(len(text), end + 600)
    starts, countries = clues
    named = _named(text, clues, before, stop)
    return named.pop() if len(named) == 1 else ""


def _named(text: str, clues: tuple[list[int], list[str]], lo: int, hi: int) -> set[str]:
    """The countries named in ``text[lo:hi]``, but for the one that sends an embassy ("funded by
    the Embassy of Norway": not where the text is), a visitor's origin ("experts from Vilnius"), a
    donor ("funded by Italy") and a place named inside a quotation."""
    starts, countries = clues
    i, j = bisect.bisect_left(starts, lo), bisect.bisect_left(starts, hi)
    return {
        c.removesuffix(_DATELINE) for at, c in zip(starts[i:j], countries[i:j])
        if not _SENDER.search(text, max(0, at - 25), at) and not _ORIGIN.search(text, max(0, at - 10), at)
        and not _DONOR.search(text, max(0, at - 40), at) and not _quoted(text, lo, at)
    }


def _quoted(text: str, lo: int, at: int) -> bool:
    """ "“What we saw in Zagreb …,” said a member of the Office …": a place a speaker talks about is
    not where the speaker's body sits."""
    return text.count("“", lo, at) > text.count("”", lo, at)


def previous_sentence_country(text: str, start: int, clues: tuple[list[int], list[str]]) -> str:
    """The one country the last sentence before that names any names ("… organized by the Ministry of
    Internal Affairs of Moldova in Chisinau. … the State Labour Inspectorate"), up to three sentences
    back: a closer clue than the section's count."""
    ends = [max(0, start - 900)] + [m.end() for m in _SENTENCE_END.finditer(text, max(0, start - 900), start)]
    starts, countries = clues
    for lo, hi in list(zip(ends, ends[1:]))[::-1][:3]:  # the last sentence that names any, up to three back
        named = _named(text, clues, lo, hi)
        if named:
            return named.pop() if len(named) == 1 else ""
    return ""


# "a trainer from Vilnius", "officers from Kazakhstan": where people came from, not where a body sits.
_ORIGIN = re.compile(r"\bfrom\s+$")  # not "from the Montenegrin NGO …": the body's own country
# "a project funded by Italy": a donor pays from abroad; it does not place the body it funds.
_DONOR = re.compile(r"\b(?:funded|financed|sponsored|paid)\s+by\s+(?:the\s+)?(?:Governments?\s+of\s+(?:the\s+)?)?$")
_SENDER = re.compile(r"\b(?:Embassy|Consulate|Mission|Representation|Delegation)\s+of\s+(?:the\s+)?$")
# A list item ends one too, and so does any line end: the reader's copy has joined wrapped lines,
# so a line left is a headline or a listing's entry ("27 March 2008 – Mission to Serbia and …").
_SENTENCE_END = re.compile(r"[.!?][\"”’)*]*\s+(?=[\"“*(•–-]*\s*[A-Z])|\n")


@functools.cache
def _organisations() -> tuple[re.Pattern[str], dict[str, str]]:
    from .bodies import load_gazetteer

    keys = {
        " ".join(a.split()): e.key for e in load_gazetteer() if e.kind == "ExternalOrganisation"
        for a in (e.label, *e.aliases) if not a.startswith("the ")
    }
    names = "|".join(re.escape(n).replace(r"\ ", SP) for n in sorted(keys, key=len, reverse=True))
    # The comma of a speaker's title line, or "of the": "Section of UNMIK Police" may be a name of its own.
    return re.compile(rf"(?:,|{SP}of{SP}the){SP}(?P<name>{names})(?![\w-])"), keys


def lead_organisation(words: list[str]) -> str:
    """The gazetteer key of the international organisation whose acronym opens a unit's name ("CIS
    Executive Committee"), or ""."""
    keys = _organisations()[1]
    return keys.get(words[0], "") if len(words) > 1 and words[0].isupper() and len(words[0]) > 1 else ""


def parent_organisation(text: str, end: int) -> tuple[str, str]:
    """The gazetteer key and the name of the international organisation named right after a unit
    ("Director, Liaison Office, UNICEF"), or ("", "")."""
    pattern, keys = _organisations()
    m = pattern.match(text, end)
    name = " ".join(m.group("name").split()) if m else ""
    return keys.get(name, ""), name


def unit_partner(text: str, start: int, end: int, name: str, parent: str, parent_name: str) -> Partner:
    """A unit of an international organisation: the gazetteer's key when it lists the unit under the
    organisation's name ("Governance and Tripartism Department, ILO" as "ILO Governance and ...",
    whose "and" cut the name short), else ``<parent key>--<unit>``."""
    keys = _organisations()[1]
    words = re.findall(r"[A-Z][\w'’-]*,?|and", text[max(0, start - 80) : start].split("\n")[-1])
    for n in range(len(words) + 1):
        fuller = " ".join([w.rstrip(",") for w in words[len(words) - n :]] + [name])
        if f"{parent_name} {fuller}" in keys:
            return Partner(start, end, keys[f"{parent_name} {fuller}"], f"{parent_name} {fuller}", "international-organisation", "", 0.7)
    return make_partner(start, end, name, "international-organisation", "", 0.7, parent=parent)


def special_procedure(text: str, start: int, end: int, name: str) -> tuple[str, int]:
    """ "UN Special Rapporteur on trafficking in persons, especially ...": a UN special procedure is
    named by its mandate, written in lower case, up to the first comma; the "UN" before it is kept."""
    m = re.compile(rf"{SP}on{SP}(?P<topic>[a-z][\w-]*(?:{SP}[a-z][\w-]*)*)").match(text, end)
    if m is None:
        return name, end
    # "… on trafficking in persons opened the discussion": the mandate ends before a verb
    topic = list(re.finditer(r"\S+", m.group("topic")))
    topic = topic[: next((i for i, w in enumerate(topic) if _VERB.fullmatch(w.group())), len(topic))]
    if not topic:
        return name, end
    end = m.start("topic") + topic[-1].end()
    topic = [w.group() for w in topic]
    un = re.search(r"\b(?:UN|United Nations)\s+$", text[max(0, start - 20) : start])
    return ("UN " if un else "") + f"{name} on " + " ".join(topic), end


# A verb after a lower-case mandate ends it: a past form or a common auxiliary.
_VERB = re.compile(r"(?!trafficked$)[a-z]{2,}ed|is|was|were|has|have|had|will|would|can|could|said|says|spoke|gave|took|met|made")


@functools.cache
def long_country_names() -> dict[str, str]:
    """A partner's country by its short name ("Russia") -> the name ``places.jsonl`` and the country
    table use ("Russian Federation")."""
    rows = [json.loads(line) for line in (PATTERNS / "places.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]
    return {r["short"]: r["country"] for r in rows if "short" in r}


def nearest(clues: tuple[list[int], list[str]], offset: int) -> str:
    """The country named most around ``offset`` (the text's own place: a dateline weighs three
    names, as it places the whole text), the nearest before it on a tie; else the first after it."""
    starts, countries = clues
    lo, here, hi = (bisect.bisect_left(starts, x) for x in (offset - 1500, offset, offset + 300))
    weights: dict[str, int] = {}
    for country in countries[lo:hi]:
        name = country.removesuffix(_DATELINE)
        weights[name] = weights.get(name, 0) + (3 if country.endswith(_DATELINE) else 1)
    if weights:
        best = max(weights.values())
        order = [c.removesuffix(_DATELINE) for c in reversed(countries[lo:here])] + [c.removesuffix(_DATELINE) for c in countries[here:hi]]
        return next(c for c in order if weights[c] == best)
    i = bisect.bisect_left(starts, offset)
    if i > 0:
        return countries[i - 1].removesuffix(_DATELINE)
    return countries[i].removesuffix(_DATELINE) if i < len(countries) else ""


_DATELINE = "\0dateline"


def name_slug(name: str) -> str:
    """ "Prosecutor General's Office" -> "prosecutor-generals-office"; a body's topic written as the
    abbreviation ("Commission on CTHB") is keyed as spelled out, as the fuller spelling is."""
    name = re.sub(r"\b(on|for)\s+CTHB$", r"\1 Combating Trafficking in Human Beings", name)
    name = re.sub(r"^(National Rapporteur)\s+on\s.+$", r"\1", name)  # a State's rapporteur is keyed by the post
    return slug(re.sub(r"['’]", "", name).replace("&", "and"))


def make_partner(start: int, end: int, name: str, kind: str, country: str, confidence: float, parent: str = "") -> Partner:
    name = re.sub(r"^the\s+", "", " ".join(name.split()))
    if parent:  # "<parent key>--<unit>": a unit of an organisation the gazetteer lists
        return Partner(start, end, f"{parent}--{name_slug(name)}", name, kind, "", confidence)
    embassy = re.fullmatch(r"(Embassy|Consulate) in (.+)", name)
    if embassy and country:  # "<sending country>--embassy-<host country>"
        key = f"{slug(country)}--{slug(embassy.group(1))}-{slug(embassy.group(2))}"
        return Partner(start, end, key, f"{country} — {name}", kind, country, confidence)
    if country:  # a national body, or one whose name says its country
        return Partner(start, end, f"{slug(country)}--{name_slug(name)}", f"{country} — {name}", kind, country, confidence)
    return Partner(start, end, name_slug(name), name, kind, "", confidence)


_DEFENDERS_OFFICE = re.compile(r"(defender)s-office$")  # as written and genres key the Public Defender's Office


def merge_short_names(found: list[Partner]) -> list[Partner]:
    """ "National Committee" after "National Committee for Combating Trafficking in Persons" of the
    same country is that committee: it takes the fuller name's key and label."""
    merged = []
    listed = set(_organisations()[1].values())
    names = {p.key.split("--")[-1]: p for p in found}
    for p in found:
        # "Public Defender's Office" is the Public Defender's, whose country the text wrote beside it.
        holder = names.get(re.sub(r"s-office$", "", p.key.split("--")[-1]))
        if holder is not None and holder.key != p.key and p.key.endswith("s-office"):
            p = Partner(p.start, p.end, holder.key, holder.label, holder.kind, holder.country, p.confidence)
        elif _DEFENDERS_OFFICE.search(p.key):  # a defender's office is the defender, an institution of one person
            p = Partner(p.start, p.end, _DEFENDERS_OFFICE.sub(r"\1", p.key), re.sub(r"['’]s Office$", "", p.label), p.kind, p.country, p.confidence)
        # "Migrants and Refugees Section" where the text once wrote "…, Holy See" beside the same name: that State's
        placed = [q for q in found if "--" not in p.key and p.key not in listed and q.country and q.key == f"{slug(q.country)}--{p.key}"]
        if placed:
            q = placed[0]
            p = Partner(p.start, p.end, q.key, q.label, q.kind, q.country, min(p.confidence, 0.6))
        fuller = [
            q for q in found
            # a listed organisation's key stays its own ("ilo" is no short name of "ilo--…")
            if p.key not in listed and q.country == p.country and len(q.key) > len(p.key) and q.key.startswith(p.key + "-") and q.kind == p.kind
            and _same_head(q.key[len(p.key) + 1 :])
        ]
        if fuller:
            q = min(fuller, key=lambda q: (abs(q.start - p.start), q.key))
            p = Partner(p.start, p.end, q.key, q.label, q.kind, q.country, min(p.confidence, 0.6))
        merged.append(p)
    return merged


def _same_head(rest: str) -> bool:
    """The fuller name goes on with the short one's topic or parent ("National Committee" + "for
    Combating …"), not with a head noun of its own ("Police Service" + "School" is another body)."""
    return rest.split("-")[0] in ("of", "for", "on", "against", "to", "in", "and", "the")
