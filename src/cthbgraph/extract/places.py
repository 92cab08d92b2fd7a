"""Places of activities, linked to a country where the text allows."""

from __future__ import annotations

import json
from pathlib import Path

from spacy.tokens import Span

PATTERNS = Path(__file__).parent / "patterns"


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
            and not any(e.start_char < end and e.end_char > start for start, end in exclude)
        ]
        countries = []
        for e in ents:
            country = self.country_of.get(e.text)
            if country is not None and country not in countries:
                countries.append(country)
        named = {self.country_of_adjective[e.text] for e in sentence_ents if e.label_ == "NORP" and e.text in self.country_of_adjective}
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
        return "", ""

    def _without_article(self, ent: Span) -> Span:
        """ "the Russian Federation" as "Russian Federation" when only the latter is a known name ("The Hague" stays)."""
        if len(ent) > 1 and ent[0].lower_ == "the" and ent.text not in self.country_of and ent[1:].text in self.country_of:
            return Span(ent.doc, ent.start + 1, ent.end, label=ent.label)
        return ent
