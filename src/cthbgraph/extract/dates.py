"""Dates of activities as ISO 8601: "8-10 November 2005" -> "2005-11-08/2005-11-10"."""

from __future__ import annotations

import re

MONTHS = {
    m: i
    for i, names in enumerate(
        [
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
            ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
            ("october", "oct"), ("november", "nov"), ("december", "dec"),
        ],
        start=1,
    )
    for m in names
}
_MONTH = r"(?P<{name}>January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?"
_DASH = r"\s?[-–—]\s?"
_YEAR = r"(?P<{name}>(?:19|20)\d\d)"

_PATTERNS = [
    # 8-10 November 2005
    ("day_range", re.compile(rf"\b(?P<d1>\d{{1,2}}){_DASH}(?P<d2>\d{{1,2}})\s+{_MONTH.format(name='m')}\s+{_YEAR.format(name='y')}")),
    # 30 November - 2 December 2005
    (
        "cross_month",
        re.compile(
            rf"\b(?P<d1>\d{{1,2}})\s+{_MONTH.format(name='m1')}{_DASH}(?P<d2>\d{{1,2}})\s+{_MONTH.format(name='m2')}"
            rf"\s+{_YEAR.format(name='y')}"
        ),
    ),
    # 10 November 2005
    ("day", re.compile(rf"\b(?P<d>\d{{1,2}})\s+{_MONTH.format(name='m')},?\s+{_YEAR.format(name='y')}")),
    # November 10, 2005
    ("us_day", re.compile(rf"\b{_MONTH.format(name='m')}\s+(?P<d>\d{{1,2}}),\s+{_YEAR.format(name='y')}")),
    # from September to December 2017, September-December 2017
    ("month_range", re.compile(rf"\b{_MONTH.format(name='m1')}(?:\s+to\s+|{_DASH}){_MONTH.format(name='m2')}\s+{_YEAR.format(name='y')}")),
    # November 2005
    ("month", re.compile(rf"\b{_MONTH.format(name='m')}\s+(?:of\s+)?{_YEAR.format(name='y')}")),
    # spring 2004, early 2005
    ("season", re.compile(rf"\b(?:spring|summer|autumn|fall|winter|early|mid|late|end\s+of)[- ]?\s*{_YEAR.format(name='y')}", re.IGNORECASE)),
    # 2016-2017, 2016–17
    ("year_range", re.compile(rf"\b{_YEAR.format(name='y1')}{_DASH}(?P<y2>(?:19|20)?\d\d)\b")),
    # in 2006, (2006)
    # "Since 2000" and "throughout 2005" date no single activity.
    ("year", re.compile(rf"(?<![\d/.-])(?:[Ii]n|[Dd]uring|of|\()\s+?{_YEAR.format(name='y')}\b(?![/-]\d)")),
]


# A day or month without a year: "4 February", "12–23 July", "September–November", "in April".
_M = _MONTH.replace("(?P<{name}>", "(?:")
_YEARLESS = [
    re.compile(rf"\b\d{{1,2}}(?:{_DASH}\d{{1,2}})?\s+{_M}(?:{_DASH}\d{{1,2}}\s+{_M})?(?!\s*,?\s*\d)"),
    re.compile(rf"\b{_M}(?:\s+to\s+|{_DASH}){_M}(?!\s*,?\s*\d)"),
    re.compile(rf"\b(?:[Ii]n|[Dd]uring|[Ee]arly|[Ll]ate|[Mm]id-)\s+(?:early\s+|late\s+|mid-)?{_M}(?!\s*,?\s*\d)"),
]


def date_in_year(text: str, year: int | None) -> str:
    """The date of ``text``, reading a day or month that names no year in ``year``, the document's: a
    report on 2019 that says "In February I travelled to Chisinau" means February 2019. (The year last
    named before the sentence was tried and did worse: it is often background, "interviews conducted
    in 2013", in a report on 2014.)

    >>> date_in_year("In February I travelled to Chisinau.", 2019)
    '2019-02'
    >>> date_in_year("Round table with the Prosecutor General's Office, Chisinau, 4 February", 2010)
    '2010-02-04'
    """
    found = normalise_date(text)
    if found or not year:
        return found
    spans = [m for pattern in _YEARLESS if (m := pattern.search(text))]
    if not spans:
        return ""
    first = min(spans, key=lambda m: m.start())
    return normalise_date(f"{first.group(0)} {year}")


def _month(name: str) -> int:
    return MONTHS[name.lower().rstrip(".")[:4] if name.lower().startswith("sept") else name.lower().rstrip(".")]


def normalise_date(text: str) -> str:
    """The first date expression of ``text`` as ISO 8601, or "" when it names none.

    >>> normalise_date("held in partnership with the Centre in Almaty (8-10 November 2005).")
    '2005-11-08/2005-11-10'
    >>> normalise_date("in spring 2004 the ODIHR and the SPMU held consultations")
    '2004'
    """
    best: tuple[int, str] | None = None
    for kind, pattern in _PATTERNS:
        m = pattern.search(text)
        if m is None:
            continue
        value = _iso(kind, m)
        if value and (best is None or m.start() < best[0]):
            best = (m.start(), value)
    return best[1] if best else ""


def _iso(kind: str, m: re.Match[str]) -> str:
    g = m.groupdict()
    try:
        if kind == "day_range":
            month = _month(g["m"])
            return f"{g['y']}-{month:02d}-{int(g['d1']):02d}/{g['y']}-{month:02d}-{int(g['d2']):02d}"
        if kind == "cross_month":
            return (
                f"{g['y']}-{_month(g['m1']):02d}-{int(g['d1']):02d}/{g['y']}-{_month(g['m2']):02d}-{int(g['d2']):02d}"
            )
        if kind in ("day", "us_day"):
            return f"{g['y']}-{_month(g['m']):02d}-{int(g['d']):02d}"
        if kind == "month_range":
            return f"{g['y']}-{_month(g['m1']):02d}/{g['y']}-{_month(g['m2']):02d}"
        if kind == "month":
            return f"{g['y']}-{_month(g['m']):02d}"
        if kind == "year_range":
            y2 = g["y2"] if len(g["y2"]) == 4 else g["y1"][:2] + g["y2"]
            return f"{g['y1']}/{y2}" if int(y2) > int(g["y1"]) else ""
        return g["y"]
    except (KeyError, ValueError):
        return ""


def since_within_the_year(since) -> bool:
    """ "since January", "since March": a "since" (spaCy token) whose phrase names a month and no year, the
    months of this year's work rather than a stretch of years."""
    words = [t.text for t in since.subtree if t is not since]
    return any(w[:1].isupper() and w.lower() in MONTHS for w in words) and not any(re.fullmatch(r"(?:19|20)\d\d", w) for w in words)
