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
            self.countries.add(row["country"])
            for name in (row["country"], *row.get("aliases", ())):
                self.country_of[name] = row["country"]
            for adjective in row.get("adjectives", ()):
                self.country_of_adjective[adjective] = row["country"]
            for city in row.get("cities", ()):
                self.country_of.setdefault(city, row["country"])

    def find(self, sentence: Span) -> tuple[str, str]:
        """(place as written, country) of the first city the sentence names, else of the first country."""
        gpes = [e for e in sentence.ents if e.label_ in ("GPE", "LOC")]
        gpes += [e for e in sentence.ents if e.label_ not in ("GPE", "LOC") and e.text in self.country_of]
        cities = [e for e in gpes if e.text in self.country_of and self.country_of[e.text] != e.text]
        if cities:
            first = min(cities, key=lambda e: e.start)
            return first.text, self.country_of[first.text]
        countries = [e for e in gpes if e.text in self.country_of]
        if countries:
            first = min(countries, key=lambda e: e.start)
            return first.text, self.country_of[first.text]
        # "Armenian society": an adjective names the country, not a place, when it names one only.
        named = {self.country_of_adjective[e.text] for e in sentence.ents if e.label_ == "NORP" and e.text in self.country_of_adjective}
        if len(named) == 1:
            return "", named.pop()
        return "", ""
