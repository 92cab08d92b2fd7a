"""Links out of the graph: countries to ISO 3166 and Wikidata, bodies to Wikidata, chapters to SDG targets.

The curated tables ``countries.csv`` and ``links.csv`` beside this module (sources and what was left
out: ``README.md``) are read once; :mod:`cthbgraph.graph` emits them where their resource is in the graph.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from pathlib import Path

HERE = Path(__file__).resolve().parent
WIKIDATA = "http://www.wikidata.org/entity/"
#: The SKOS mapping properties a link may use.
MATCHES = ("exactMatch", "closeMatch", "relatedMatch", "broadMatch", "narrowMatch")


@dataclass(frozen=True)
class Country:
    """A country of the gazetteer: its name there, IRI key, ISO 3166-1 alpha-2 code and Wikidata item."""

    name: str
    key: str
    iso: str  # "" where ISO 3166-1 assigns no code (Kosovo)
    wikidata: str  # the item's IRI, "" where none could be checked


@dataclass(frozen=True)
class Link:
    """One mapping: the resource (a path under the graph's base), the SKOS match, the target IRI."""

    resource: str
    match: str
    target: str
    label: str


@cache
def countries() -> dict[str, Country]:
    """The countries by the name the gazetteer gives them."""
    with open(HERE / "countries.csv", encoding="utf-8", newline="") as rows:
        return {
            r["country"]: Country(r["country"], r["key"], r["iso3166_alpha2"], WIKIDATA + r["wikidata"] if r["wikidata"] else "")
            for r in csv.DictReader(rows)
        }


@cache
def links() -> tuple[Link, ...]:
    """Every curated link of ``links.csv``."""
    with open(HERE / "links.csv", encoding="utf-8", newline="") as rows:
        found = tuple(Link(r["resource"], r["match"], r["target"], r["label"]) for r in csv.DictReader(rows))
    unknown = sorted({link.match for link in found} - set(MATCHES))
    if unknown:
        raise ValueError(f"links.csv: {unknown[0]!r} is not a SKOS mapping property")
    return found
