"""Bodies a State has exactly one of, named by the role they play rather than by a name of their own:
its permanent mission to an organisation ("the Permanent Mission of Ruritania to the OSCE") and its
legislature named through an office-holder ("the Speaker of the Parliament").

Both escape the head-noun reader: "Mission" is no head noun (it would read the OSCE's field missions
as partners), and a bare "the Parliament" is otherwise a reference back. Here the phrase around the
word says which body it is, and the country comes from the name or the sentence.

>>> from cthbgraph.extract.partner_keys import Countries
>>> from cthbgraph.extract.taken import Taken
>>> countries = Countries()
>>> text = "The Chairmanship and the Permanent Mission of Ruritania to the OSCE organized a side event."
>>> [p.key for p in state_bodies(text, countries.find(text), countries, Taken())]
[]
>>> text = "The Chairmanship and the Permanent Mission of Malta to the OSCE organized a side event."
>>> [p.key for p in state_bodies(text, countries.find(text), countries, Taken())]
['malta--permanent-mission-to-the-osce']
>>> text = "In Valletta she met the Speaker of the Parliament and the Minister of Justice."
>>> [p.key for p in state_bodies(text, countries.find(text), countries, Taken())]
['malta--parliament']
"""

from __future__ import annotations

import re

from .partner_keys import SP, Countries, Partner, make_partner, previous_sentence_country, sentence_country
from .taken import Taken

_COUNTRY = r"(?:[A-Z][\w'’-]*)(?:" + SP + r"(?:[A-Z][\w'’-]*|and|of))*?"
# The OSCE, or any organisation named in capitals or title case after "to the".
_MISSION = re.compile(
    rf"\bPermanent{SP}(?P<type>Mission|Representation|Delegation){SP}of{SP}(?:the{SP})?(?P<country>{_COUNTRY})"
    rf"{SP}to{SP}the{SP}(?P<to>OSCE|Organization{SP}for{SP}Security{SP}and{SP}Co-operation{SP}in{SP}Europe)(?![\w-])"
)
# An office-holder of a State's single legislature; "of the Parliament of X" is read by the head-noun reader.
_PRESIDED = re.compile(
    rf"\b(?:(?:Deputy|Vice){SP}|Vice-)?(?:Speaker|Chair(?:person|man|woman)?|President){SP}of{SP}the{SP}"
    rf"(?P<body>Parliament|Senate)(?![\w'’-])(?!{SP}of\b)"
)


def mission_destination(text: str, start: int) -> bool:
    """Whether the OSCE written at ``start`` is where a State's permanent mission is accredited: then it
    is part of the mission's name, not a mention of the OSCE."""
    return any(m.start("to") == start for m in _MISSION.finditer(text, max(0, start - 120), start + 60))


def state_bodies(text: str, clues: tuple[list[int], list[str]], countries: Countries, taken: Taken) -> list[Partner]:
    """Permanent missions to the OSCE and legislatures named through their presiding office-holder,
    outside the spans ``taken`` by other mentions."""
    found = []
    for m in _MISSION.finditer(text):
        country = countries.of.get(" ".join(m.group("country").split()))
        if country:
            name = f"Permanent {m.group('type')} to the OSCE"
            found.append(make_partner(m.start(), m.end(), name, "embassy", country, 0.85))
    for m in _PRESIDED.finditer(text):
        a, b = m.span("body")
        country = sentence_country(text, a, b, clues) or previous_sentence_country(text, a, clues)
        if country:  # a parliament of no known country is no key of ours
            found.append(make_partner(a, b, m.group("body"), "national-authority", country, 0.7))
    return [p for p in found if not taken.overlaps(p.start, p.end)]
