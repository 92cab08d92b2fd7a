"""Bodies: the OSCE structures, posts, field operations and partner organisations a report names.

Two sources of mentions, merged longest-first:

* the gazetteer ``patterns/bodies.jsonl`` (reference data: canonical key, label, kind and every alias);
* the naming patterns of OSCE field operations ("Mission to X", "Centre in Y", "Office in Z",
  "Project Co-ordinator in W", ...), so that field operations that no list names are still found.
"""

from __future__ import annotations

import calendar
import functools
import json
import re
from dataclasses import dataclass, replace
from pathlib import Path

PATTERNS = Path(__file__).parent / "patterns"
# The kinds of the OSCE's own bodies (labels of body mentions); every other kind is a partner's.
OSCE_KINDS = frozenset({"FieldOperation", "Institution", "SecretariatUnit", "Post", "DecisionMakingBody"})

# Field-operation types, longest first so that "Spillover Monitor Mission" wins over "Mission".
FIELD_TYPES = (
    "Special Monitoring Mission",
    "Spillover Monitor Mission",
    "Project Co-ordinator",
    "Project Coordinator",
    "Programme Office",
    "Presence",
    "Mission",
    "Centre",
    "Office",
)
_PLACE_WORD = r"(?:[A-Z][\w'’.-]*[\w]|[A-Z])"
# "Bosnia and Herzegovina", "Serbia and Montenegro": "and" joins two capitalised words only.
_PLACE = rf"{_PLACE_WORD}(?:[ ]+(?:and[ ]+)?{_PLACE_WORD})*"
_FIELD_OP = re.compile(
    r"(?:\bOSCE\s+)?(?:\bOffice\s+of\s+the\s+)?\b(?P<type>"
    + "|".join(re.escape(t).replace(r"\ ", r"\s+") for t in FIELD_TYPES)
    + rf")[ ]+(?:to|in)[ ]+(?P<place>{_PLACE})"
)
# Capitalised words that end a place name rather than belong to it.
# A month is a time, never a place: "a training delivered by the Mission in March".
_PLACE_STOP = {"The", "OSCE", "In", "On", "And", "For", "With", "Since", "During", "This", "Its", "As"} | {
    word for t in FIELD_TYPES for word in t.split()
} | set(calendar.month_name[1:])
# Organisations whose own offices follow the same naming pattern: "UNHCR Office in Kyiv".
_FOREIGN_OWNER = re.compile(r"\b(?:UN[A-Z]*|IOM|ICMPD|EU|NATO|UNICEF|ILO|USAID|Embassy|Council\s+of\s+Europe)\s+$")
_UN_OWNER = re.compile(r"\b(?:United[ ]+Nations|UN)[ ]+$")
# "Serious Crimes Prosecution Office in Tirana", "United Nations Office in Vienna": a name ends in "Office".
_NAME_BEFORE = re.compile(
    r"\b(?:[A-Z][a-z]+(?:ion|ions|ice|ices)|[A-Z][\w-]*['’]s?|Federal|Foreign|National|State|Public|[A-Z][a-z]+(?:an|ish|ese))[ ]+$"
)


@dataclass(frozen=True)
class GazetteerEntry:
    key: str
    label: str
    kind: str
    aliases: tuple[str, ...]
    office: str = ""  # a post's office: the key of the body that serves it (org:postIn)


@dataclass(frozen=True, order=True)
class Match:
    start: int
    end: int
    key: str
    label: str
    kind: str


def slug(text: str) -> str:
    """Stable ASCII slug: "Bosnia and Herzegovina" -> "bosnia-and-herzegovina"."""
    import unicodedata

    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def load_gazetteer(path: Path | None = None) -> tuple[GazetteerEntry, ...]:
    path = path or PATTERNS / "bodies.jsonl"
    entries = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            entries.append(
                GazetteerEntry(row["key"], row["label"], row["kind"], tuple(row.get("aliases", ())), row.get("office", ""))
            )
        except (ValueError, KeyError) as exc:
            raise ValueError(f"{path}:{n}: not a gazetteer entry ({exc})") from exc
    return tuple(entries)


@functools.cache
def post_offices() -> dict[str, str]:
    """A post's key -> the key of the office that serves it (the gazetteer's ``office``)."""
    return {e.key: e.office for e in load_gazetteer() if e.office}


class BodyFinder:
    """Finds body mentions in cleaned report text (see ``normalise.clean``)."""

    def __init__(self, gazetteer: tuple[GazetteerEntry, ...]):
        self.entries = {e.key: e for e in gazetteer}
        alias_to_key: dict[str, str] = {}
        for entry in gazetteer:
            for alias in (entry.label, *entry.aliases):
                alias_to_key.setdefault(alias, entry.key)
        for entry in gazetteer:
            for alias in (entry.label, *entry.aliases):
                for variant in _spellings(alias):
                    alias_to_key.setdefault(variant, entry.key)
        self._alias_key = alias_to_key
        # "the Organization": the article restricts a common word to the OSCE; the span leaves it out.
        bare = {a: a[4:] for a in alias_to_key if a.startswith("the ")}
        # The case of the alias is kept: "ODIHR" is a body, "odihr" in a URL is not.
        alternatives = sorted(alias_to_key, key=len, reverse=True)
        pattern = "|".join(
            (rf"(?<=\bthe\s){_alias_regex(bare[a])}" if a in bare else _alias_regex(a, title_case=True))
            for a in alternatives if not (a in bare and bare[a] in alias_to_key)
        )
        # "OSCE Strategic Police Matters Unit": the Organization's name before a body is part of it.
        # Slash and hyphen compounds ("UNICEF/UNOHCHR/ODIHR", "ODIHR -PCU") hold one mention a part;
        # "OSCE-wide" holds none.
        self._gazetteer = (
            re.compile(rf"(?<![\w.])(?:OSCE(?:'s|’s)?[ ]+(?=[A-Z]))?(?P<alias>{pattern})(?![\w]|-wide)") if alternatives else None
        )
        # Without the prefix too: "OSCE PA Special Representative" is a longer alias than "PA".
        self._unprefixed = re.compile(rf"(?<![\w.])(?P<alias>{pattern})(?![\w]|-wide)") if alternatives else None
        self._normalised_alias = {re.sub(r"\s+", " ", a[4:] if a in bare else a): k for a, k in alias_to_key.items()}
        self._normalised_alias.update({re.sub(r"\s+", " ", a): k for a, k in alias_to_key.items() if a not in bare})
        self._casefolded_alias = {a.casefold(): k for a, k in reversed(self._normalised_alias.items())}
        self.places = load_place_names()
        organisations = sorted((a for e in gazetteer if e.kind == "ExternalOrganisation" for a in (e.label, *e.aliases) if " " in a), key=len, reverse=True)
        self._of_organisation = re.compile(rf"\s+of\s+the\s+(?P<org>{'|'.join(_alias_regex(a) for a in organisations)})(?![\w-])") if organisations else None

    def field_operation(self, type_: str, place: str) -> tuple[str, str]:
        """Canonical key and label of a field operation named by type and place."""
        type_ = re.sub(r"\s+", " ", type_).replace("Coordinator", "Co-ordinator")
        # "Bosnia-Herzegovina" is "Bosnia and Herzegovina".
        place = re.sub(r"(?<=[a-z])-(?=[A-Z])", " and ", re.sub(r"\s+", " ", place))
        key = f"{slug(type_)}-{slug(place)}"
        if key in self.entries:
            return key, self.entries[key].label
        for prep in ("in", "to"):
            listed = self._normalised_alias.get(f"{type_} {prep} {place}")
            if listed:  # "Centre in Ashgabad" is listed under its current spelling
                return listed, self.entries[listed].label
        preposition = "to" if type_.endswith("Mission") else "in"
        return key, f"OSCE {type_} {preposition} {place}"

    def find(self, text: str, exclude: list[tuple[int, int]] = ()) -> list[Match]:
        """Body mentions of ``text``, longest first, none inside the ``exclude`` spans (decision references)."""
        candidates: list[Match] = []
        pos = 0
        while (m := _FIELD_OP.search(text, pos)) is not None:
            # "Mission to Serbia and Mission to Montenegro": the second name starts inside the first match.
            pos = m.start("place")
            place_words = _known_prefix(_place_words(m.group("place").split()), self.places)
            before = text[max(0, m.start() - 40) : m.start()]
            place = " ".join(place_words)
            end = m.start("place") + _span_len(text, m.start("place"), place_words)
            if place_words and (un := _UN_OWNER.search(before)) and m.group("type") in ("Mission", "Office"):
                # "United Nations Mission in Bosnia and Herzegovina": a UN operation named by its place
                start = m.start() - len(before) + un.start()
                name = f"United Nations {m.group('type')} in {place}"
                candidates.append(Match(start, end, slug(name), name, "ExternalOrganisation"))
                continue
            if not place_words or _FOREIGN_OWNER.search(before) or not m.group().startswith("OSCE") and _NAME_BEFORE.search(before):
                continue
            key, label = self.field_operation(m.group("type"), place)
            candidates.append(Match(m.start(), end, key, label, "FieldOperation"))
        if self._gazetteer is not None:
            for m in [*self._gazetteer.finditer(text), *self._unprefixed.finditer(text)]:
                alias = re.sub(r"\s+", " ", m.group("alias"))
                key = self._normalised_alias.get(alias) or self._casefolded_alias[alias.casefold()]
                entry = self.entries[key]
                if _names_an_instrument(text, m.end(), m.group("alias")) or _OWNS_A_UNIT.match(text, m.end()) and m.group("alias").isupper():
                    continue  # "CIS Executive Committee", "UN Special Rapporteur": the partner reader keys the unit
                if _NOT_THE_BODY.search(text[max(0, m.start() - 30) : m.start()]) and m.group("alias") in _COMMON_WORD_ALIASES:
                    continue  # "National Referral Mechanism", "Global Alliance": another thing of that name
                if _TOPIC_AFTER.match(text, m.end()) and entry.kind == "DecisionMakingBody":
                    continue  # "Ministerial Council to Combat Trafficking …": a State's council named for its task
                if _NATIONAL_POST.search(text[max(0, m.start() - 30) : m.start()]) and m.group("alias").startswith(("Co-ordinator", "Coordinator")):
                    continue  # "State Co-ordinator for Combating Trafficking …": a national post, not the OSCE's
                if entry.key == "european-union" and (presidency := _presidency(text, m.start(), m.end())) is not None:
                    candidates.append(presidency)
                    continue
                if (owned := self._owned(text, m, entry)) is not None:
                    candidates.append(owned)
                    continue
                candidates.append(self._national_member(text, m.end(), Match(m.start(), m.end(), key, entry.label, entry.kind)))
        candidates = [c for c in candidates if not any(c.start < e and c.end > s for s, e in exclude)]
        return self._heading_post(text, _longest_first(candidates))

    def _owned(self, text: str, m: re.Match[str], entry: GazetteerEntry) -> Match | None:
        """ "Parliamentary Assembly of the Council of Europe": an OSCE body's name "of the" another
        organisation names that organisation's body, keyed ``<organisation>--<name>``."""
        if entry.kind == "ExternalOrganisation" or self._of_organisation is None or m.group().startswith("OSCE"):
            return None
        owner = self._of_organisation.match(text, m.end())
        if owner is None:
            return None
        org = self._normalised_alias.get(re.sub(r"\s+", " ", owner.group("org")), "")
        name = re.sub(r"\s+", " ", text[m.start() : owner.end()])
        return Match(m.start(), owner.end(), f"{org}--{slug(m.group('alias'))}", name, "ExternalOrganisation") if org else None

    def _national_member(self, text: str, end: int, match: Match) -> Match:
        """ "La Strada Moldova": a listed NGO network's name followed by a country names its member
        organisation in that country, keyed ``<country>--<name>`` like any national NGO."""
        country = _COUNTRY_AFTER.match(text, end)
        if match.kind != "ExternalOrganisation" or not _NGO_NETWORK.search(match.label) or country is None:
            return match
        if country.group(1) not in self.places or country.group(1) not in _country_names():
            return match
        name = re.sub(r"^NGO\s+", "", f"{text[match.start:end]} {country.group(1)}")  # "the NGO La Strada-Ukraine"
        return Match(match.start, country.end(), f"{slug(country.group(1))}--{slug(name)}", name, match.kind)

    def _heading_post(self, text: str, found: list[Match]) -> list[Match]:
        """A page headed by a Special Representative ("Special Representative on Human Trafficking
        Issues | OSCE Parliamentary Assembly") means that post by the bare "Special Representative"
        (the cleaned text has joined the heading to what follows: its opening characters stand for it)."""
        heading = [m for m in found if m.end <= _HEADING_CHARS and m.kind == "Post" and "Special Representative" in m.label]
        if not heading:
            return found
        post = heading[0]
        return [
            replace(m, key=post.key, label=post.label) if " ".join(text[m.start : m.end].split()) == "Special Representative" else m
            for m in found
        ]


# A country written right after a name on the same line ("La Strada Ukraine").
_COUNTRY_AFTER = re.compile(r"(?:[ ]+|-)([A-Z][a-z]+(?:[ ][A-Z][a-z]+)?)(?![\w-])")
# Networks with national member organisations: NGOs and foundations, not international agencies ("IOM Moldova").
_NGO_NETWORK = re.compile(r"\b(?:La Strada|Caritas|Foundation|Association|Network|Helsinki Committee|Save the Children|Terre des Hommes)\b")


@functools.cache
def _country_names() -> frozenset[str]:
    """Country names and their variants, not cities."""
    rows = [json.loads(line) for line in (PATTERNS / "places.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]
    return frozenset(n for r in rows for n in (r["country"], *r.get("aliases", ())))


@functools.cache
def _states() -> dict[str, str]:
    """Country names, variants and adjectives -> the country's short name, as partner keys write it."""
    rows = [json.loads(line) for line in (PATTERNS / "places.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]
    return {n: r.get("short", r["country"]) for r in rows for n in (r["country"], *r.get("aliases", ()), *r.get("adjectives", ()))}


_PRESIDENCY_AFTER = re.compile(r"(?P<word>[ ]+Presidency)(?:[ ]+(?:of[ ]+)?(?P<state>[A-Z][a-z]+(?:[ ][A-Z][a-z]+)?))?")
_STATE_BEFORE = re.compile(r"(?P<state>[A-Z][a-z]+(?:[ ][A-Z][a-z]+)?)(?:['’]s)?[ ]+$")


def _presidency(text: str, start: int, end: int) -> Match | None:
    """ "EU Presidency Portugal", "the Portuguese EU Presidency", "Portugal's EU Presidency": the State
    that holds the rotating presidency of the EU, keyed ``<country>--eu-presidency``."""
    after = _PRESIDENCY_AFTER.match(text, end)
    if after is None:
        return None
    if after.group("state") in _states():
        state, span = after.group("state"), (start, after.end())
    else:
        before = _STATE_BEFORE.search(text, max(0, start - 30), start)
        if before is None or before.group("state") not in _states():
            return None
        state, span = before.group("state"), (before.start(), after.end("word"))
    country = _states()[state]
    return Match(*span, f"{slug(country)}--eu-presidency", f"{country} — EU Presidency", "ExternalOrganisation")


def _spellings(alias: str) -> list[str]:
    """The other spellings of a listed name: "Co-ordinator"/"Coordinator", "Co-operation"/"Cooperation"
    (British and American usage) and "United Nations"/"UN" inside a longer name."""
    variants = [
        re.sub(r"\b([Cc])o-(ordinat|operat)", r"\1o\2", alias),
        re.sub(r"\b([Cc])o(ordinat|operat)", r"\1o-\2", alias),
    ]
    if " " in alias.replace("United Nations", "UN"):
        variants += [alias.replace("United Nations ", "UN "), re.sub(r"\bUN ", "United Nations ", alias)]
    return [v for v in variants if v != alias]


def _alias_regex(alias: str, title_case: bool = False) -> str:
    """An alias as a regex: any run of whitespace (a wrapped line, a blanked tag) between its words;
    with ``title_case``, a lowercase word after a capitalised first word may be capitalised too, as
    headings and lists write names ("OSCE Structures" for "OSCE structures")."""
    words = alias.split()
    flexible = title_case and len(words) > 1 and words[0][:1].isupper()
    return r"\s+".join(
        f"[{w[0]}{w[0].upper()}]{re.escape(w[1:])}" if flexible and i and w[:1].islower() and w not in _SMALL_WORDS else re.escape(w)
        for i, w in enumerate(words)
    )


_HEADING_CHARS = 160
_SMALL_WORDS = {"of", "for", "on", "and", "the", "in", "to", "against", "with", "de"}


# "UN Convention", "Council of Europe Convention", "ICAO minimum security standards", "EU Action Plan":
# a body's name used as the modifier of an instrument names the instrument, not the body.
_INSTRUMENT = re.compile(
    r"^\s*(?:Convention|Protocol|Charter|Resolution|Directive|Action\s+Plan|Global\s+Action\s+Plan|Framework\s+Decision"
    r"|Recommendation|Guidelines|Guiding\s+Principles|Plan|Strategy|Regulation|minimum|standards)\b"
)
# Aliases that are common words name the body only on their own ("the Mechanism").
_COMMON_WORD_ALIASES = {"Mechanism", "Alliance", "Organization", "Mechanism of the OSCE", "Secretariat"}
_NOT_THE_BODY = re.compile(r"\b(?:Referral|National|Global|Regional|Coordination|Co-ordination|Mechanism)\s+$")
# The OSCE's councils are never named for a task; a State's anti-trafficking councils are.
_TOPIC_AFTER = re.compile(r"\s+(?:to|for|on)\s+(?:Combat|Combating|Counter|Countering|Fight|Fighting|Prevent|Preventing)\b")
_NATIONAL_POST = re.compile(r"\b(?:State|National|Federal)\s+$")
# Acronyms of groups of States or of the whole system, adjectival before a common noun.
_ADJECTIVAL_ACRONYMS = {"CIS", "PC", "MC"}
_OWNS_A_UNIT = re.compile(r"[ ]+(?:Special[ ]+Rapporteur|Executive[ ]+Committee)\b")


def _names_an_instrument(text: str, end: int, alias: str) -> bool:
    after = text[end : end + 40]
    if _INSTRUMENT.match(after):
        return True
    return alias in _ADJECTIVAL_ACRONYMS and bool(re.match(r"^\s+[a-z]", after))


def _place_words(words: list[str]) -> list[str]:
    """The words of a place name: up to a word that starts something else ("the", an acronym)."""
    kept: list[str] = []
    for word in words:
        if word in _PLACE_STOP or (len(word) > 1 and word.isupper()):
            break
        kept.append(word)
    while kept and kept[-1] == "and":
        kept.pop()
    return kept


def load_place_names(path: Path | None = None) -> frozenset[str]:
    """Country names, their variants and cities (``patterns/places.jsonl``): where a place name ends."""
    names = set()
    for line in (path or PATTERNS / "places.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            names.update([row["country"], *row.get("aliases", ()), *row.get("cities", ())])
    return frozenset(names)


def _known_prefix(words: list[str], places: frozenset[str]) -> list[str]:
    """ "Tajikistan Conducts Course", "Bosnia and Herzegovina What": a headline's words after a known
    place are not part of it. An unknown place ("Centre in Ashgabad") is kept as written."""
    if " ".join(words) in places:
        return words
    for n in range(len(words) - 1, 0, -1):
        # "Serbia and Montenegro": "and" joins two places; "Ukraine and Winrock International" a place and a name
        if " ".join(words[:n]) in places and (words[n] != "and" or words[n + 1 :] and " ".join(words[n + 1 :]) not in places):
            return words[:n]
    return words


def _span_len(text: str, start: int, words: list[str]) -> int:
    """Length in ``text`` from ``start`` that covers ``words`` with whatever whitespace they had."""
    pos = start
    for word in words:
        pos = text.index(word, pos) + len(word)
    return pos - start


def _longest_first(candidates: list[Match]) -> list[Match]:
    chosen: list[Match] = []
    taken_until = -1
    for match in sorted(candidates, key=lambda m: (m.start, -(m.end - m.start))):
        if match.start >= taken_until:
            chosen.append(match)
            taken_until = match.end
        elif match.start < taken_until < match.end and match.end - match.start > chosen[-1].end - chosen[-1].start:
            # Overlap without containment: keep the longer one.
            chosen[-1] = match
            taken_until = match.end
    return chosen
