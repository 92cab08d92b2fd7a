"""Names a text lists after the kind they share: "NGOs such as Good Hope and Vatra", "the NGOs include
Umut, a crisis centre in Osh, and Kelechek from Naryn", "the NGOs Open Gate and Legis". English
introduces examples of a plural kind with "such as", "including", "include", "like" or a colon; each
capitalised item of the list is one body of that kind, whatever its words (an NGO's name often has no
head noun at all). People counted "of" a list ("representatives of …") are no such signal: places and
regions stand there as often as bodies."""

from __future__ import annotations

import re

# "the NGO Tais Plus", "the coalition Tech Against Trafficking": the kind a word before a name gives it.
INTRODUCED_KINDS = {
    "ngo": "ngo", "non-governmental organisation": "ngo", "non-governmental organization": "ngo",
    "coalition": "other-partner", "platform": "other-partner", "network": "other-partner",
    "foundation": "ngo", "association": "ngo", "crisis centre": "ngo", "crisis center": "ngo", "shelter": "ngo",
    "group": "ngo",  # "the Zagreb women’s group Iskra"
}
_KINDS = {
    "ngo": "ngo", "ngos": "ngo", "non-governmental organisations": "ngo", "non-governmental organizations": "ngo",
    "civil society organisations": "ngo", "civil society organizations": "ngo", "crisis centres": "ngo",
    "crisis centers": "ngo", "shelters": "ngo", "foundations": "ngo", "associations": "ngo",
}
_INTRO = re.compile(
    r"\b(?P<kind>NGOs|non-governmental\s+organi[sz]ations|civil\s+society\s+organi[sz]ations|crisis\s+cent(?:re|er)s|shelters|foundations|associations)"
    r"(?:,?\s+(?:such\s+as|including|like)|\s+(?:\w+\s+)?include[sd]?|\s*:|(?<=NGOs)(?=\s+[\"“«]?[A-Z][a-z]))\s+(?P<list>[^.;:!?\n]+)"
)
_NAME_WORD = r"(?:[A-Z][\w'’.&-]*[\w'’]|[A-Z])"
_ITEM = re.compile(rf"[\"“«]?(?P<name>{_NAME_WORD}(?:[ ](?:{_NAME_WORD}|(?:of|for|and|against|on)(?=[ ][A-Z])))*)")


def listed_names(text: str) -> list[tuple[int, int, str]]:
    """(start, end, kind) of every capitalised item of a list that a plural kind introduces."""
    found = []
    for m in _INTRO.finditer(text):
        kind = _KINDS[" ".join(m.group("kind").lower().split())]
        found += [(m.start("list") + a, m.start("list") + b, kind) for a, b in _items(m.group("list"))]
    return found


def _items(listing: str) -> list[tuple[int, int]]:
    """The spans of the capitalised items: commas part them, and the last "and" (an "and" inside a
    name, "Different and Equal and Vizion", is an earlier one); an item that starts in lower case is
    an apposition ("a crisis centre in Osh") and the words after an item's name ("from Naryn") its place."""
    pieces = [(m.start(), m.end()) for m in re.finditer(r"[^,]+", listing)]
    if len(pieces) == 1 and (cut := listing.rfind(" and ")) != -1:
        pieces = [(0, cut), (cut, len(listing))]  # "A and B": the last "and" parts them
    spans = []
    for a, b in pieces:
        part = listing[a:b]
        lead = re.match(r"\s*(?:(?:and|or)\s+)?(?:the\s+)?", part).end()
        m = _ITEM.match(part, lead)
        if m is None or part[lead : lead + 1] in ("", " "):
            continue
        spans.append((a + m.start("name"), a + m.end("name")))
    return spans
