"""Names inside names and names said again: a body written in the possessive before one of its own
("the Milli Majlis’ Committee on Legal Policy", "UNMIK’s Investigation Unit") is a mention of its
own, and the unit is the owner's; a name the text has once read as a body is that body wherever the
text repeats it ("… the women’s group Iskra … said a lawyer of Iskra")."""

from __future__ import annotations

import re

from .partner_keys import Partner, _organisations, make_partner, parent_organisation, unit_partner
from .taken import Taken

Word = tuple[int, int, str]

_POSSESSIVE = re.compile(r"[’'](?:s)?$")
# Plurals of people by what they do ("Lawyers’", "Journalists’", "Women’s"): an association's members.
_PEOPLE = re.compile(r"(?:[a-z](?:er|or|ist|ian|ant|ent|ge)s|Women|Children|People)[’']s?$")
_HEADS_OF_STATE = {"Government", "State", "Country", "Republic"}  # "the Government’s Committee": the State's own


def possessive_split(words: list[Word], head_words: set[str]) -> int:
    """Where the owner's name ends in "<Owner>’ <Unit …>": the index of the possessive word, or 0.
    The owner is a name of two or more words with no head noun of its own (a head noun before "’s"
    names one body, "Prosecutor General’s Office"); the unit is more than a bare "Office"."""
    for k, (_, _, word) in enumerate(words[:-2]):
        if not _POSSESSIVE.search(word) or k == 0:
            continue
        owner = [w[2] for w in words[: k + 1]]
        bare = _POSSESSIVE.sub("", owner[-1])
        if bare in head_words or any(w in head_words for w in owner[:-1]) or not all(w[:1].isupper() for w in owner):
            return 0
        if _PEOPLE.search(owner[-1]):
            return 0  # "Young Lawyers’ Association for Human Rights": the members a body is named for, not its owner
        return k
    return 0


def possessive_partners(finder, text: str, start: int, end: int, taken, clues) -> list[Partner]:
    """ "the Milli Majlis’ Committee on Legal Policy": the owner and its unit, two mentions of one country."""
    words = finder._lead_country(finder._bounded_words(text, start, end, taken, "rule"))[0]
    k = possessive_split(words, finder._head_words)
    unit = finder.read_candidate(text, words[k + 1][0], end, taken, clues, named_by="rule") if k else None
    if unit is None:
        return []
    owner_end = words[k][0] + len(re.sub(r"[’']s?$", "", words[k][2]))
    owner = finder.read_candidate(text, words[0][0], owner_end, taken, clues, named_by="intro", kind=unit.kind)
    if owner is None:
        return []
    same = make_partner(unit.start, unit.end, unit.label.split(" — ")[-1], unit.kind, owner.country, unit.confidence)
    return [owner, same if owner.country else unit]


def owner_of(text: str, start: int, taken: list[tuple[int, int]]) -> str:
    """The gazetteer key of the listed organisation written in the possessive right before ``start``
    ("UNMIK’s Trafficking … Unit"), or ""."""
    m = re.search(r"[’']s?[ \t]+$", text[max(0, start - 4) : start])
    if m is None:
        return ""
    end = start - (len(text[max(0, start - 4) : start]) - m.start())
    for s, e in taken:
        if e == end:
            return _organisations()[1].get(" ".join(text[s:e].split()), "")
    return ""


def repeated_names(text: str, found: list[Partner], taken: list[tuple[int, int]], head_words: set[str]) -> list[Partner]:
    """Every other place the text writes a found name on its own (not inside a longer capitalised name).
    Only names with no head noun: one built on a head noun is found wherever it is written in full, and
    its bare repeats ("the Academy", "the National Rapporteur") are references back."""
    occupied = Taken([*taken, *((p.start, p.end) for p in found)])
    more: list[Partner] = []
    seen: set[str] = set()
    for p in found:
        name = " ".join(text[p.start : p.end].split())
        if len(name) < 4 or name in seen or not name[:1].isupper() or head_words.intersection(name.split()):
            continue
        seen.add(name)
        pattern = re.compile(r"(?<![\w’'-])" + re.escape(name).replace(r"\ ", r"\s+") + r"(?![\w-])(?![’']s?\s)(?!\s+(?:[A-Z]|of\b))")
        for m in pattern.finditer(text):
            if occupied.overlaps(m.start(), m.end()) or any(q.start < m.end() and m.start() < q.end for q in more):
                continue
            if re.search(r"[A-Z][\w’'-]*[ \t]+$", text[max(0, m.start() - 40) : m.start()]):
                continue  # the tail of a longer name ("Kosovo Police Service")
            more.append(Partner(m.start(), m.end(), p.key, p.label, p.kind, p.country, min(p.confidence, 0.6)))
    return more


def listed_unit(text: str, a: int, b: int, name: str, taken: list[tuple[int, int]], unit_named: bool) -> Partner | None:
    """A unit of an organisation the gazetteer lists, named after it ("Liaison Office, UNICEF") or
    before it in the possessive ("UNMIK’s … Unit"): ``<parent key>--<unit>``; else None."""
    parent, listed_as = parent_organisation(text, b) if unit_named else ("", "")
    if parent:
        return unit_partner(text, a, b, name, parent, listed_as)
    owner = owner_of(text, a, taken)
    return make_partner(a, b, name, "international-organisation", "", 0.7, parent=owner) if owner else None
