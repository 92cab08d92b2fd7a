"""Ids and keys from names: report ids from file names, in any script, stable across machines."""

from __future__ import annotations

import hashlib
import os
import re
import unicodedata
from pathlib import Path


def nfc(s: str) -> str:
    """``s`` in Unicode NFC (file systems differ: macOS keeps names decomposed)."""
    return unicodedata.normalize("NFC", s)


def path_key(path: Path) -> str:
    """A path as a comparable key: NFC, normalised, in the case the file system compares."""
    return os.path.normcase(os.path.normpath(nfc(str(path))))


def short_hash(s: str) -> str:
    return hashlib.sha1(s.encode("utf-8")).hexdigest()[:8]

_TRANSLIT = {
    # Cyrillic (Russian, Ukrainian, Belarusian, Serbian, Macedonian)
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z",
    "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
    "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
    "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya", "і": "i", "ї": "yi",
    "є": "ye", "ґ": "g", "ў": "u", "ј": "j", "љ": "lj", "њ": "nj", "ћ": "c", "ђ": "dj", "џ": "dz",
    "ѓ": "g", "ќ": "k", "ѕ": "dz", "ә": "a", "ғ": "g", "қ": "q", "ң": "n", "ө": "o", "ұ": "u",
    "ү": "u", "һ": "h",
    # Latin letters that do not decompose
    "ß": "ss", "æ": "ae", "ø": "o", "œ": "oe", "ł": "l", "đ": "d", "þ": "th", "ð": "d", "ı": "i",
}


def slugify(name: str) -> str:
    """A stable ASCII id for a name: ``"Доклад ОБСЕ 2019"`` -> ``"doklad-obse-2019"``.

    Latin accents are dropped and Cyrillic is transliterated; if letters of another script remain
    (or nothing remains), a short hash of the name is appended so that ids stay unique.
    """
    s = unicodedata.normalize("NFKC", name).lower()
    s = "".join(_TRANSLIT.get(ch, ch) for ch in s)
    s = unicodedata.normalize("NFKD", s)
    out: list[str] = []
    lost = False
    for ch in s:
        if unicodedata.combining(ch):
            continue
        if ch.isascii() and ch.isalnum():
            out.append(ch)
        else:
            lost = lost or ch.isalnum()
            out.append("-")
    slug = re.sub(r"-+", "-", "".join(out)).strip("-")[:80].rstrip("-")
    if lost or not slug:
        slug = f"{slug or 'report'}-{short_hash(nfc(name))}"
    return slug
