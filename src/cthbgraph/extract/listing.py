"""Activities of a listing: a newsroom page, a feed, a chronology, search results, a calendar.

A listing is read line by line, not by sentence: each line that reports an event ("OSCE Mission to
Moldova trains social workers ...", "2016-05-12 – Fact-finding visit to ...", "· Address to the
Permanent Council ... (4 November 2021)") is an event of its own. Its doer is the body the line
names, else the source the listing gives above it (a line that is only a body's name, or the
"| OSCE Office in Yerevan" after a result's title), else the body of the page's heading. A date
on the line itself is the event's; a date on a line of its own is the item's publication date,
not the event's. Not events: lines of dates, links and feed fields, headlines made of a quote,
vacancies and appointments, bare titles of publications, and what a calendar lists as upcoming.
"""

from __future__ import annotations

import functools
import re

from ..records import Activity, BodyMention
from . import activities as act
from .activity_types import activity_type
from .dates import normalise_date
from .events import add_evidence
from .firstperson import author_body

_ISO_DAY = re.compile(r"^\s*(\d{4}-\d\d-\d\d)\s*[–—-]\s*")
_BULLET = re.compile(r"^\s*(?:[·•]\s*|\d{1,2}\.\s+|Title:\s*)")
_DATED_LEAD = re.compile(r"^\s*[\d–-]{1,5}\s+\w+\s+\d{4}\s*·\s*[^–—]*[–—]\s*")  # "6 December 2022 · Vienna – "
# "27 March 2008 – ", "12.12.2023 – ": a date that opens a listing line
_DAY_LEAD = re.compile(r"^\s*(?:\d{1,2}\s+[A-Z][a-z]+\s+\d{4}|\d\d\.\d\d\.\d{4})\s*[–—-]\s*")
_META = re.compile(
    r"^\s*(?:\d{1,2}[–-]?\d{0,2}\s+\w+\s+\d{4}\b.*·|\d{1,2}\s+\w+\s+\d{4}\s*$|\[|Published:|Link:|Showing|\d+\s+results?\b"
    r"|News\s+·|Report\s+·|Publication\s+·|Employment\s+·|‹|More\b|All times|Registration)",
    re.IGNORECASE,
)
_NOT_EVENT = re.compile(r"\b(?:vacanc(?:y|ies)|appoint(?:s|ed|ment)?)\b|[:]\s*[“\"]|^[“\"]", re.IGNORECASE)
_UPCOMING = re.compile(r"^\s*(?:Upcoming|Forthcoming|Future)\b", re.IGNORECASE)
_PAST = re.compile(r"^\s*(?:Past|Previous|Archive)\b", re.IGNORECASE)
_EVENT_WORDS = act.EVENT_NOUNS | {"visit", "address", "launch", "round", "statement", "op-ed", "webinar", "meeting", "conference"}


def listing_activities(reader) -> list[Activity]:
    """The events a listing reports, one per line (``reader``: the DocReader of the listing)."""
    text = reader.report.text
    found: list[Activity] = []
    page_source = None
    source = None
    upcoming = False
    pos = 0
    item: int | None = None  # the event of the current item's headline
    for n, line in enumerate(text.split("\n")):
        start, end = pos, pos + len(line)
        pos = end + 1
        if not line.strip():
            source, item = None, None
            continue
        if _UPCOMING.match(line) or _PAST.match(line):
            upcoming = bool(_UPCOMING.match(line))
            continue
        bodies = reader.bodies_in(start, end)
        if _is_source_line(line, bodies):
            source = bodies[0]
            if n <= 2:
                page_source = bodies[0]
            continue
        if n == 0 or upcoming or _META.match(line):
            continue
        if _NOT_EVENT.search(line):
            item = None  # a vacancy or a quote: the summary below it is its own, not the last event's
            continue
        activity = _line_event(reader, line, start, end, bodies, source or page_source or _linked_source(reader, text, end))
        if item is not None and _summary_line(line):
            # "ODIHR trains monitors of shelters" / date / "The three-day course in Kyiv was co-funded by ...":
            # an item's summary says more about the event its headline reports.
            lead = start + len(line) - len(line.lstrip())
            found[item] = add_evidence(found[item], activity, reader.excerpt(lead, lead + len(line.strip())))
            continue
        if activity is not None:
            found.append(activity)
            item = len(found) - 1 if not _summary_line(line) else None
        elif not _summary_line(line) and not _DATE_LINE.match(line):
            item = None  # a headline read as no event: the summary under it is not evidence of the one before
    return found


def _summary_line(line: str) -> bool:
    """A line of prose (a full stop at its end, no bullet or leading date), not a headline."""
    stripped = line.strip()
    return stripped.endswith(".") and not _BULLET.match(stripped) and not _ISO_DAY.match(stripped) and len(stripped.split()) >= 5


_LINK = re.compile(r"^[ \t]*Link:[ \t]*\S*?/(?P<slug>[a-z][a-z0-9-]+)/[^\s/]*[ \t]*$", re.MULTILINE | re.IGNORECASE)
_FIELD_SLUG = re.compile(
    r"^(?:osce-)?(?P<type>mission|centre|office|presence|programme-office|project-co-?ordinator|spillover-monitor-mission)"
    r"-(?:in|to)-(?P<place>[a-z0-9-]+)$"
)


@functools.cache
def _gazetteer_by_letters() -> dict[str, tuple[str, str, str]]:
    """Every gazetteer name by its letters and digits alone ("programmeofficeinnursultan"): key, label, kind."""
    from .bodies import load_gazetteer

    out: dict[str, tuple[str, str, str]] = {}
    for entry in load_gazetteer():
        for name in (entry.label, *entry.aliases):
            letters = re.sub(r"[^a-z0-9]", "", name.lower()).removeprefix("osce")
            if len(letters) >= 4:
                out.setdefault(letters, (entry.key, entry.label, entry.kind))
    return out


def _linked_source(reader, text: str, end: int) -> BodyMention | None:
    """A feed item's source named by the path of its "Link:" line ("Link: /programme-office-in-bishkek/428811"),
    read from the lines of the same item below its title."""
    block_end = text.find("\n\n", end)
    block = text[end : block_end if block_end != -1 else len(text)]
    m = _LINK.search(block)
    if m is None:
        return None
    path = m.group("slug")
    start = end + m.start("slug")
    excerpt = reader.excerpt(start, start + len(path))
    known = _gazetteer_by_letters().get(re.sub(r"[^a-z0-9]", "", path).removeprefix("osce"))
    if known is not None:
        key, label, kind = known
        return BodyMention(excerpt, key, label, kind, confidence=0.6)
    field = _FIELD_SLUG.match(path)
    if field is None:
        return None
    type_ = "project-co-ordinator" if field.group("type").startswith("project") else field.group("type")
    place = field.group("place")
    words = type_.replace("-", " ").title().replace("Co Ordinator", "Co-ordinator")
    label = f"OSCE {words} {'to' if type_ == 'mission' else 'in'} {place.replace('-', ' ').title()}"
    return BodyMention(excerpt, f"{type_}-{place}", label, "FieldOperation", confidence=0.6)


def _is_source_line(line: str, bodies) -> bool:
    return len(bodies) == 1 and len(bodies[0].text) >= 0.8 * len(line.strip())


def _line_event(reader, line: str, start: int, end: int, bodies, source) -> Activity | None:
    stripped = line.strip()
    lead = start + len(line) - len(line.lstrip())
    end = lead + len(stripped)
    span = reader.doc.char_span(lead, end, alignment_mode="expand")
    if span is None:
        return None
    title, _, after_bar = stripped.partition(" | ")
    if _DATE_ONLY.fullmatch(title) and after_bar:
        title, after_bar = stripped, ""  # "5 December 2018 | Dushanbe – ...": the bar ends the date, not the title
    words = [t for t in span if not t.is_punct and not t.like_num and not t.is_space]
    verbs = [t for t in words if t.pos_ == "VERB" and t.tag_ in ("VBZ", "VBD", "VBN", "VBP") and t.lemma_ not in ("be", "have")]
    head = _strip_lead(title)
    nouns = [w for w in head.lower().replace(":", " ").split()[:4] if w.rstrip("s") in _EVENT_WORDS or w in _EVENT_WORDS]
    if not verbs and not nouns and not _named_first(head, bodies):
        return None
    doers = [b for b in bodies if b.start_char < lead + len(title) and not act.governed_by_with(b)]
    addressed = [b for b in doers if _object_of_its_verb(b, bodies, lead)]
    doers = [b for b in doers if b not in addressed]
    if addressed and not doers and source is None:
        source = author_body(reader)  # "The Director addressed the Committee": the page's body spoke
    if after_bar:
        bar = [b for b in bodies if b.start_char >= lead + len(title)]
        source = bar[0] if bar else source
    confidence = 0.8
    if not doers:
        source = source or _field_operation_at(reader, stripped, lead, bodies)
        if source is None:
            return None
        doers, confidence = [source], 0.6
    first = doers[0]
    agents = (first if isinstance(first, BodyMention) else reader.mention(first),)
    partners = tuple(
        reader.mention(b) for b in bodies if b is not first and b.id_ != agents[0].key and b.start_char < lead + len(title)
    )
    iso = _ISO_DAY.match(stripped)
    place, country = reader.extractor.places.find(span, exclude=[(b.start_char, b.end_char) for b in bodies], ents=reader.ents_in(span))
    return Activity(
        excerpt=reader.excerpt(lead, end),
        type=activity_type(span, tuple(verbs[:1]), reader.extractor.types),
        agents=agents,
        partners=partners,
        date=iso.group(1) if iso else normalise_date(stripped),
        place=place,
        country=country,
        confidence=confidence,
    )


# "30 July 2021 | Dushanbe": the date line between an item's headline and its summary
_DATE_LINE = re.compile(r"^\s*(?:\d{1,2}\s+[A-Z][a-z]+\s+\d{4}|\d{4}-\d\d-\d\d|\d\d\.\d\d\.\d{4})\s*(?:\||$)")
_DATE_ONLY = re.compile(r"\s*(?:\d{1,2}\s+[A-Z][a-z]+\s+\d{4}|\d{4}-\d\d-\d\d|\d\d\.\d\d\.\d{4})\s*")
_DATELINE_PLACE = re.compile(r"^[^|–—]*\|\s*(?P<place>[A-Z][\w’'-]+(?:\s[A-Z][\w’'-]+)?)\s*[–—]")


def _field_operation_at(reader, line: str, lead: int, bodies) -> BodyMention | None:
    """ "5 December 2018 | Dushanbe – Campaign concludes with OSCE support": the OSCE's field operation in
    the town of the item's dateline (the gazetteer's office "in Dushanbe"), when the line names the OSCE
    but no body of it."""
    m = _DATELINE_PLACE.match(line)
    if m is None or not re.search(r"\bOSCE\b", line) or any(b.id_ != "osce" for b in bodies):
        return None
    from .bodies import load_gazetteer

    place = m.group("place")
    found = [e for e in load_gazetteer() if e.kind == "FieldOperation" and re.search(rf"\b(?:in|to)\s+{re.escape(place)}$", e.label)]
    if len(found) != 1:
        return None
    excerpt = reader.excerpt(lead + m.start("place"), lead + m.end("place"))
    return BodyMention(excerpt, found[0].key, found[0].label, found[0].kind, confidence=0.6)


def _object_of_its_verb(span, bodies, lead: int) -> bool:
    """ "The Director addressed the Human Dimension Committee of the Permanent Council": a body in the
    phrase a verb acts on is no doer."""
    for node in (head := act.head_token(span), *head.ancestors):
        if node.dep_ == "dobj" and node.head.pos_ == "VERB" and lead <= node.head.idx < node.idx:
            # The verb on the line has a subject of its own that names no body ("The Director"): the line's
            # doer is left to its source; a headline the parse hung on the line before keeps its bodies.
            subjects = [c for c in node.head.children if c.dep_ == "nsubj"]
            return bool(subjects) and not any(b.start <= t.i < b.end for t in subjects for b in bodies)
        if node.pos_ in ("VERB", "AUX"):
            return False
    return False


def _named_first(head: str, bodies) -> bool:
    """ "Special Representative briefs Permanent Council ...": a headline that opens on its doer and
    goes on with a verb (the parser may read a headline's verb as a plural noun)."""
    if not bodies:
        return False
    name = bodies[0].text
    rest = head[len(name):].split() if head.startswith(name) else []
    return bool(rest) and rest[0].islower()


def _strip_lead(title: str) -> str:
    """The headline without its bullet, feed field or leading date ("2016-04-11 – ", "· ", "Title: ")."""
    title = _BULLET.sub("", title)
    title = _ISO_DAY.sub("", title)
    title = _DATED_LEAD.sub("", title)
    return _DAY_LEAD.sub("", title)
