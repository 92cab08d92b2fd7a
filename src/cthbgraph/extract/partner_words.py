"""The words of a partner's name and what the words at its edges say: the country written after it
("… of Armenia", "… of Moldova in Chisinau"), the sending country of an embassy ("Embassy of the
Netherlands"), a place the body stands in or travels to, and a country or city written before it."""

from __future__ import annotations

import re

from .partner_keys import Countries, nearest, sentence_country

Word = tuple[int, int, str]

_CONNECTORS = {"of", "for", "on", "and", "against", "the", "in", "to", "de"}
_REPRESENTATIONS = ("Mission", "Delegation", "Representation")


def words_of(text: str, start: int, end: int) -> list[Word]:
    return [(start + m.start(), start + m.end(), m.group()) for m in re.finditer(r"[^\s,;:()\"“”]+", text[start:end])]


def without_destination(text: str, end: int, clues: tuple[list[int], list[str]]) -> tuple[list[int], list[str]]:
    """ "officials of the Ministry of Internal Affairs to Vienna": the place the body travels to is not its country."""
    m = re.match(r"\s+to\s+", text[end : end + 10])
    if m is None:
        return clues
    at = end + m.end()
    kept = [(s, c) for s, c in zip(*clues) if s != at]
    return [s for s, _ in kept], [c for _, c in kept]


def cut_in_place(words: list[Word]) -> list[Word]:
    """ "Police School in Vushtrri": a place after "in" is where the body is, not its name
    ("Trafficking in Human Beings" is)."""
    for i in range(1, len(words)):
        if words[i][2] == "in" and words[i - 1][2] not in ("Trafficking", "trafficking"):
            return words[:i]
    return words


def _place_after(words: list[Word], i: int) -> list[str]:
    """The words of a place after the connector at ``i``, up to the next "in", "and" or "to"
    ("of Moldova in Chisinau": Moldova), without "the", "Republic" and "of"."""
    rest = []
    for _, _, word in words[i + 1 :]:
        if word in ("in", "and", "to"):
            break
        if word not in ("the", "Republic", "of"):
            rest.append(word)
    return rest


def tail_country(words: list[Word], countries: Countries) -> tuple[list[Word], str]:
    """ "of Albania", "of the Republic of Moldova", "in Kazakhstan" at the end: the country, cut off."""
    while words and words[-1][2] in _CONNECTORS:
        words = words[:-1]  # "… of Armenia and" before a listed name ("and UNICEF")
    for i in range(1, len(words)):
        if words[i][2] not in ("of", "in", "to"):
            continue
        rest = _place_after(words, i)
        place = " ".join(rest)
        republic = "Republic" in [w[2] for w in words[i + 1 :]]  # "of the Kyrgyz Republic": the adjective names the State
        if words[0][2] in ("Chamber", "House") and rest[:1] and rest[0] in countries.adjectives and rest[1:] in (["Parliament"], ["Assembly"]):
            return words[:i], countries.of[rest[0]]  # "Chamber of Deputies of the Italian Parliament": one body
        if place in countries.of and (place not in countries.adjectives or republic):
            if words[i][2] == "to" and words[i - 1][2] not in _REPRESENTATIONS:
                return words[:i], ""  # "officials of the Ministry of Internal Affairs to Vienna": where they went
            if words[i][2] == "of" and place in countries.cities:
                return words, countries.of[place]  # "University of Sarajevo": the city is in the name
            return words[:i], countries.of[place]
    return words, ""


def embassy_of(words: list[Word], countries: Countries) -> tuple[list[Word], str, list[Word]]:
    """ "Embassy of Germany in Bishkek": the country after "of" sends the embassy; the words from
    "in" on say where it is. Returns the embassy's word, the sending country and the rest."""
    if len(words) < 3 or words[0][2] not in ("Embassy", "Consulate") or words[1][2] != "of":
        return words, "", []
    stop = next((i for i in range(2, len(words)) if words[i][2] == "in"), len(words))
    sender = " ".join(w[2] for w in words[2:stop] if w[2] not in ("the", "Republic", "of"))
    if sender not in countries.of or sender in countries.cities:
        return words, "", []
    return words[:1], countries.of[sender], words[stop:]


def embassy(text: str, words: list[Word], clues: tuple[list[int], list[str]], countries: Countries) -> tuple[list[Word], str, str]:
    """ "Embassy of the Netherlands": the country after "of" sends it; it sits in the country of
    "in <place>" after it, else in the one the text is about (not the sender). Returns the embassy's
    words, the sender and the host, or the words unchanged and no sender."""
    own, sender, after = embassy_of(words, countries)
    if not sender:
        return words, "", ""
    host = tail_country(own + after, countries)[1] if after else ""
    if not host:
        others = [(s, c) for s, c in zip(*clues) if c.split("\0")[0] != sender]
        others_clues = ([s for s, _ in others], [c for _, c in others])
        host = sentence_country(text, words[0][0], words[-1][1], others_clues) or nearest(others_clues, words[0][0])
    return own, sender, host


def lead_place(words: list[Word], countries: Countries) -> tuple[int, str]:
    """A country of two or three words written before a name ("United States Helsinki Commission"):
    how many words it takes and the country, or (0, "")."""
    for n in (3, 2):
        if len(words) > n and " ".join(w[2] for w in words[:n]) in countries.of:
            return n, countries.of[" ".join(w[2] for w in words[:n])]
    return 0, ""


def country_after(text: str, end: int, countries: Countries, lead: str = r",?[ \t]+") -> str:
    """ "Migrants and Refugees Section, Holy See": a unit in a speaker's title line followed by its
    State's name (not a city, not an adjective) is that State's; so is a name "of" a State."""
    m = re.match(lead, text[end : end + 12])
    hit = countries.regex.match(text, end + m.end()) if m else None
    name = " ".join(hit.group().split()) if hit else ""
    if not name or name in countries.cities or name in countries.adjectives or name not in countries.of:
        return ""
    return countries.of[name]


_FIELDS_BEFORE = re.compile(r"(?<![\w-])(?:[A-Z][a-z]+ )*[A-Z][a-z]+(?:, (?:[A-Z][a-z]+ )*[A-Z][a-z]+)+,? and $")
# The same list when the name read already holds its last "and" ("Migration and Employment Inspectorate").
_FIELDS_OPEN = re.compile(r"(?<![\w-])(?:[A-Z][a-z]+ )*[A-Z][a-z]+(?:, (?:[A-Z][a-z]+ )*[A-Z][a-z]+)*, $")


def fields_before(text: str, start: int, head_words: set[str]) -> int:
    """ "State Labour, Migration and Employment Inspectorate": a list of fields, commas and "and",
    written before a head noun is part of its name (not after "of": "Ministry of Justice, Police and
    ..." lists bodies). Returns where the name starts."""
    m = _FIELDS_BEFORE.search(text, max(0, start - 80), start)
    if m is None and re.match(r"[A-Z][a-z]+ and ", text[start : start + 40]):
        m = _FIELDS_OPEN.search(text, max(0, start - 80), start)
    if m is None or any(w.strip(",") in head_words for w in m.group().split()):
        return start
    before = text[max(0, m.start() - 6) : m.start()]
    if not re.search(r"\b[a-z]+ $", before) or re.search(r"\b(?:of|for|on|and) $", before):
        return start  # inside a sentence ("the State Labour, …"), not after a connector, a comma or a title line
    return m.start()


def inner_country(words: list[Word], countries: Countries) -> tuple[list[Word], str]:
    """ "Association of Kosovo Police Women": a country written inside the name, after "of" and before
    the words that go on naming the body, is the body's country, as an adjective before it would be;
    the key leaves it out. A city stays ("University of Pristina Law Faculty")."""
    for i in range(1, len(words) - 2):
        word = words[i + 1][2]
        if words[i][2] == "of" and word in countries.of and word not in countries.cities and words[i + 2][2][:1].isupper():
            return words[: i + 1] + words[i + 2 :], countries.of[word]
    return words, ""
