"""Why a text gave no fact at all, for the build summary: the extraction reads English prose, and a
text in another language, a table, a list of links or two lines of text hold none to read."""

from __future__ import annotations

import re

_LETTER = re.compile(r"[^\W\d_]")
_LATIN = re.compile(r"[A-Za-z\u00C0-\u024F]")
_LINK = re.compile(r"^\s*(?:[-*•]\s*)?(?:<?https?://|www\.)\S+\s*$", re.IGNORECASE)
_TABLE_ROW = re.compile(r"^\s*\|.*\|\s*$|^\s*[-+|: ]+\s*$|^[^\t]*(?:\t[^\t]*)+$")
_WORD = re.compile(r"[A-Za-z]+")
# Function words make up about a quarter of English prose and almost none of French, German or Spanish.
_ENGLISH = frozenset(["the", "of", "and", "to", "in", "a", "for", "on", "with", "is", "was", "by", "that", "as", "at", "from", "are", "were", "this"])
# ... and many of French, German, Spanish or Italian: a text is judged foreign only on this positive
# evidence, so an English listing of headlines, poor in function words, is still read.
_OTHER = frozenset(
    [
        "le", "la", "les", "et", "des", "du", "une", "est", "au", "aux", "pour", "dans", "der", "die", "das", "und", "ist", "im", "zum", "zur",
        "den", "dem", "mit", "von", "eine", "ein", "el", "los", "las", "y", "del", "es", "por", "con", "para", "il", "gli", "di", "che"
    ]
)


def not_english(text: str) -> str:
    """Why ``text`` cannot be read by the English rules, or ``""`` when it can (or is too short to tell).

    The rules would read another language's capitalised words as names ("OSZE-Mission in Moldau"
    as a field operation of a place that does not exist), so such a text is not read at all.

    >>> not_english("Die OSZE-Mission in Moldau organisierte im Mai 2019 eine Schulung für Polizisten.")
    'does not read as English'
    >>> not_english("The Mission trained 40 police officers in May 2019.")
    ''
    """
    letters = _LETTER.findall(text)
    if letters and sum(1 for c in letters if _LATIN.match(c)) < len(letters) / 2:
        return "not in the Latin script (the extraction reads English)"
    words = [w.lower() for w in _WORD.findall(text)]
    english, other = sum(w in _ENGLISH for w in words), sum(w in _OTHER for w in words)
    if len(words) >= 8 and english < 0.08 * len(words) and other > english:
        return "does not read as English"
    return ""


def why_nothing(text: str) -> str:
    """A short reason why ``text`` yields nothing, for a reader who wonders whether it was read.

    >>> why_nothing("https://example.org/a\\nhttps://example.org/b\\n")
    'only links'
    >>> why_nothing("La traite des êtres humains reste un problème grave dans la région.")
    'does not read as English'
    """
    lines = [line for line in text.splitlines() if line.strip()]
    if not _LETTER.search(text):
        return "no text, only numbers and signs"
    if all(_LINK.match(line) for line in lines):
        return "only links"
    if all(_LINK.match(line) or _TABLE_ROW.match(line) for line in lines):
        return "only a table"
    if language := not_english(text):
        return language
    if len(lines) <= 2:
        return f"only {len(lines)} line{'s' if len(lines) > 1 else ''} of text"
    return "no OSCE body, decision or activity named"
