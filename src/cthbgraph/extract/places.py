"""Places of activities, linked to a country where the text allows."""

from __future__ import annotations

import json
import re
from pathlib import Path

from spacy.tokens import Span

PATTERNS = Path(__file__).parent / "patterns"
# "OSCE Mission to Serbia", "OSCE Centre in Bishkek": the place a field operation is named for.
_HOST = re.compile(r"\b(?:to|in)\s+(?:the\s+)?(.+)$")


class PlaceFinder:
    """Finds the place a sentence names (a city or a country) and its country.

    The reference list ``patterns/places.jsonl`` maps country names, their variants, adjectives and
    main cities to the country; a place the model marks as GPE that is not on the list is kept as written.
    """

    def __init__(self, path: Path | None = None):
        path = path or PATTERNS / "places.jsonl"
        self.country_of: dict[str, str] = {}
        self.countries: set[str] = set()
        self.country_of_adjective: dict[str, str] = {}
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            row = json.loads(line)
            # A country is given by its short name ("Russia", "United States"), as the annotations write it.
            country = row.get("short", row["country"])
            for name in (row["country"], country, *row.get("aliases", ())):
                self.countries.add(name)
                self.country_of[name] = country
            for adjective in row.get("adjectives", ()):
                self.country_of_adjective[adjective] = country
            for city in row.get("cities", ()):
                self.country_of.setdefault(city, country)

    def find(
        self, sentence: Span, exclude: list[tuple[int, int]] = (), ents: list[Span] | None = None
    ) -> tuple[str, str]:
        """(city as written, country) of the first city the sentence names; ("", country) when it
        names one country and no city; ("", "") when it names several countries or none.

        Names inside ``exclude`` (body mentions: "the Office in Yerevan") are not places of the
        activity. A place the model tags that the list does not know ("Ioannina, Greece") is kept
        as written, with the one country the sentence names.
        """
        # The model often takes the article into the name ("the Russian Federation"): compare without it.
        sentence_ents = [self._without_article(e) for e in (list(sentence.ents) if ents is None else ents)]
        ents = [
            e for e in sentence_ents
            if (e.label_ in ("GPE", "LOC") or e.text in self.country_of)
            and not _inside(e, exclude) and not _not_where(e)
        ]
        countries = []
        for e in ents:
            country = self.country_of.get(e.text)
            if country is not None and country not in countries:
                countries.append(country)
        named = {
            self.country_of_adjective[e.text] for e in sentence_ents
            if e.label_ == "NORP" and e.text in self.country_of_adjective and not _inside(e, exclude) and not _of_body(e, exclude)
        }
        cities = [e for e in ents if e.text in self.country_of and self.country_of[e.text] != e.text and e.text not in self.countries]
        if cities:
            first = min(cities, key=lambda e: e.start)
            return first.text, self.country_of[first.text]
        unknown = [e for e in ents if e.label_ == "GPE" and e.text not in self.country_of and e.text[:1].isupper() and " " not in e.text]
        if len(countries) == 1:
            return (unknown[0].text if unknown else ""), countries[0]
        if not countries and len(named) == 1:
            # "Armenian society": an adjective names the country, not a place.
            return "", named.pop()
        towns = self._in_towns(sentence, ents, exclude)
        if not countries and len(towns) == 1 and not _listed(towns[0]):
            # "trained border police in Subotica": a town the list does not know, said to be where it
            # happened; its country is left to the doers (``host_country``).
            return towns[0].text, ""
        return "", ""

    def locate(self, sentence: Span, exclude: list[tuple[int, int]], ents: list[Span], bodies) -> tuple[str, str]:
        """``find``, with the country of the doers and partners (``bodies``) for towns the list does not know."""
        place, country = self.find(sentence, exclude, ents)
        if country:
            return place, country
        ents = [self._without_article(e) for e in ents]
        if place or self._in_towns(sentence, [e for e in ents if not _inside(e, exclude)], exclude):
            # "seminars in Brest, Gomel and Vitebsk" by the Office in Minsk: towns in its host country
            country = self.host_country(bodies)
        return place, country

    def _in_towns(self, sentence: Span, ents: list[Span], exclude=()) -> list[Span]:
        """The unknown places the sentence puts the activity in ("in Balti", "held at ... in Vushtrri"):
        tagged as places or a single proper noun after "in" the model left untagged or took for a person
        or an organisation (no one holds a workshop "in" a person)."""
        doc = sentence.doc
        untagged = [
            Span(doc, t.i, t.i + 1, label="GPE") for t in sentence[1:-1]
            if t.pos_ == "PROPN" and t.dep_ == "pobj" and (t.ent_iob_ == "O" or t.ent_type_ in ("PERSON", "ORG") and t.ent_iob_ == "B")
            and doc[t.i + 1].ent_iob_ != "I" and doc[t.i + 1].pos_ != "PROPN"
            and not _inside(doc[t.i : t.i + 1], exclude)
        ]
        return [
            e for e in sorted([*ents, *untagged], key=lambda e: e.start)
            if e.label_ == "GPE" and e.text not in self.country_of and e.text not in self.country_of_adjective and e.text[:1].isupper()
            and e.start > sentence.start and (e.doc[e.start - 1].lower_ == "in" or _trailing(e, sentence)) and not _not_where(e)
        ]

    def host_country(self, bodies) -> str:
        """The one country the doers and partners of an activity belong to: a field operation's host
        country ("Mission to Serbia") or a national body's country; "" when none or several."""
        countries = set()
        for body in bodies:
            if body.country:
                countries.add(body.country)
            elif body.kind == "FieldOperation" and (m := _HOST.search(body.label)):
                countries.add(self.country_of.get(m.group(1), ""))
        countries.discard("")
        return countries.pop() if len(countries) == 1 else ""

    def _without_article(self, ent: Span) -> Span:
        """ "the Russian Federation" as "Russian Federation" when only the latter is a known name ("The Hague" stays)."""
        if len(ent) > 1 and ent[0].lower_ == "the" and ent.text not in self.country_of and ent[1:].text in self.country_of:
            return Span(ent.doc, ent.start + 1, ent.end, label=ent.label)
        return ent


def _inside(ent: Span, spans) -> bool:
    return any(ent.start_char < end and ent.end_char > start for start, end in spans)


# Prepositions whose object is where people or things come from, not where the activity was.
_ORIGIN = {"from"}


def _not_where(ent: Span) -> bool:
    """A place named as an origin ("victims from Moldova", "officers from Montenegro and Serbia") is not where the activity was."""
    token = ent.root
    while token.dep_ == "conj" and token.head is not token:
        token = token.head
    return token.dep_ == "pobj" and token.head.lower_ in _ORIGIN


def _listed(ent: Span) -> bool:
    """ "in Brest, Gomel, Grodno and Vitebsk": one of several towns, none of them the place."""
    doc = ent.doc
    after = doc[ent.end : ent.end + 2]
    return any(c.dep_ == "conj" for c in ent.root.children) or (
        len(after) == 2 and after[0].text in (",", "and") and after[1].text[:1].isupper()
    )


# Heads whose nationality adjective names who holds an office, not a place ("the Polish OSCE Chairmanship").
_OFFICES = {"chairmanship", "presidency", "chair", "chairperson", "government", "delegation", "authorities", "experts", "officials"}


def _of_body(ent: Span, exclude) -> bool:
    """ "the Polish OSCE Chairmanship", "Croatian experience" of a body: the nationality of a body, not a place."""
    head = ent.root.head
    return ent.root.dep_ in ("amod", "compound") and (head.lower_ in _OFFICES or _inside(head.doc[head.i : head.i + 1], exclude))


def _trailing(ent: Span, sentence: Span) -> bool:
    """ "Seminar for border guards on the identification of victims, Turkmenbashi.", "Summer school for
    30 students, Cahul, 12–23 July": a chronology item or caption ends on the town it was held in."""
    doc = ent.doc
    if doc[ent.start - 1].text != ",":
        return False
    rest = [t for t in doc[ent.end : sentence.end] if not t.is_space]
    return not rest or all(t.is_punct for t in rest) or (rest[0].text == "," and any(t.ent_type_ == "DATE" or t.like_num for t in rest[1:3]))
