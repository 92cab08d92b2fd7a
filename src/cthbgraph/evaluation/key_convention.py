"""The mechanical rules of the one key convention (docs/keys.md) that an annotated key can be
checked against and brought to from the key alone: the rules by which the extractor already mints
partner IRIs, and which older annotation sets wrote otherwise.

- an apostrophe is dropped without a word break: ``montenegro--women-s-lobby`` -> ``montenegro--womens-lobby``;
- a State's national rapporteur is keyed by the post: ``netherlands--national-rapporteur-on-…`` ->
  ``netherlands--national-rapporteur``;
- an embassy is keyed by its host country, never its city: ``germany--embassy-in-bishkek`` ->
  ``germany--embassy-kyrgyzstan``.

Rules that need judgement (an acronym the text never writes, a country word inside a name, a name cut
short) cannot be read off a key; they are not here.
"""

from __future__ import annotations

import functools
import re

from ..extract.bodies import slug
from ..extract.partner_keys import Countries

# "women-s-lobby": a lone "s" after a word of two letters or more is what a slug made of an
# apostrophe leaves; after one letter ("u-s-department") it is an initialism and stays.
_APOSTROPHE = re.compile(r"(?<=[a-z0-9]{2})-s(?=-|$)")
_RAPPORTEUR = re.compile(r"^(?P<post>[a-z0-9-]+--national-rapporteur)-(?:on|for)-[a-z0-9-]+$")
_EMBASSY = re.compile(r"^(?P<sender>[a-z0-9-]+--(?:embassy|consulate))-(?P<place>[a-z0-9-]+)$")


@functools.cache
def _host_countries() -> dict[str, str]:
    """The slug of every city and country name of the country table -> the slug of its country's
    short name ("bishkek" -> "kyrgyzstan", "russian-federation" -> "russia")."""
    countries = Countries()
    return {slug(name): slug(short) for name, short in countries.of.items() if name not in countries.adjectives}


def apostrophe_rule(key: str) -> str:
    """ "prosecutor-s-office" -> "prosecutors-office"."""
    return _APOSTROPHE.sub("s", key)


def rapporteur_rule(key: str) -> str:
    """ "lithuania--national-rapporteur-on-trafficking-in-human-beings" -> "lithuania--national-rapporteur":
    the topic in the title changes over the years, the post stays one body."""
    m = _RAPPORTEUR.match(key)
    return m.group("post") if m else key


def embassy_rule(key: str) -> str:
    """ "norway--embassy-in-belgrade" -> "norway--embassy-serbia"; a place the table does not know
    is left as written."""
    m = _EMBASSY.match(key)
    if m is None:
        return key
    place = m.group("place").removeprefix("in-")
    host = _host_countries().get(place)
    return f"{m.group('sender')}-{host}" if host else key


def conventional_key(key: str) -> str:
    """The key under every mechanical rule; a key that follows them is returned unchanged, so the
    function is idempotent."""
    return embassy_rule(rapporteur_rule(apostrophe_rule(key)))
