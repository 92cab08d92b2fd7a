"""What the words around a capitalised name say about it: the title of an event ("the Public-Private
Partnership in the Fight against Trafficking event"), the acronym of a meeting ("Implementation Meeting
(HDIM)"), a post ("Police Affairs Adviser"), a function, a law's subject or a speaker, and a State's
delegation ("the Belarus delegation")."""

from __future__ import annotations

import re

_SP = r"(?:[ \t]*\n[ \t]*|[ \t]+)"
_TITLE_WORD = r"(?:[A-Z][\w'’-]*|of|in|the|against|for|on|and|to)"
# A title run that ends in a lowercase word for a gathering names the gathering, not a body.
_EVENT_AFTER = re.compile(
    rf"(?:{_SP}{_TITLE_WORD})*{_SP}[”\"]?{_SP}?(?:event|conference|meeting|seminar|workshop|forum|session|round{_SP}table|webinar)s?\b"
)
_MEETING_BEFORE = re.compile(
    r"\b(?:Meeting|Conference|Forum|Seminar|Workshop|Dialogue|Session|Summit|Days?|Week|Course|Programme|Project)[*_]*\s*\(\s*$"
)
# "Convention on Transnational Organized Crime (UNTOC)": an instrument's head noun, then its title-case
# subject; the acronym in brackets is the instrument's, not a body's.
_INSTRUMENT_BEFORE = re.compile(
    rf"\b(?:Convention|Protocol|Charter|Directive|Declaration|Resolution)(?:{_SP}{_TITLE_WORD})*[*_]*\s*\(\s*$"
)
# "Gerald Neuhaus Police Affairs Adviser": a head noun inside a post's title, after a person's name.
_POST = r"(?:Adviser|Advisor|Officer|Expert|Specialist|Assistant|Consultant|Attaché)"
_POST_AFTER = re.compile(rf"{_SP}(?:[A-Z][a-z]+{_SP})?{_POST}\b")
_POST_LAST = re.compile(rf"\b{_POST}$")


def titles_an_event(text: str, end: int) -> bool:
    """The name runs on into the title of an event ("… Partnership in the Fight against Trafficking event")."""
    return _EVENT_AFTER.match(text, end) is not None


# "EU Anti-Trafficking Day", "UN Trafficking Protocol", "the 17th Alliance Conference": an organisation's
# short name before the capitalised title of a day, an instrument or a gathering names that thing.
_TITLE_AFTER = re.compile(
    rf"(?:{_SP}[A-Z][\w'’-]*)*{_SP}(?:Day|Week|Protocol|Convention|Conference|Summit|Strategy|Directive|Action{_SP}Plan"
    r"|Guidelines|Declaration|Resolution|Charter|Award|Prize)(?![\w-])"
)


# "the UN Administered Province of Kosovo": a short name before a title-case participle and the noun it
# qualifies is the first half of a compound ("UN-administered"), the way "EU-funded" is written joined.
_PARTICIPLE_AFTER = re.compile(rf"{_SP}[A-Z][a-z]+ed{_SP}[A-Z]")


def modifies_a_title(text: str, end: int) -> bool:
    """The word ending at ``end`` is the first word of the title of a day, an instrument or a gathering,
    or of a compound with a participle."""
    return _TITLE_AFTER.match(text, end) is not None or _PARTICIPLE_AFTER.match(text, end) is not None


def abbreviates_a_meeting(text: str, start: int) -> bool:
    """ "Human Dimension Implementation Meeting (HDIM)": the acronym in brackets is the meeting's (or an
    instrument's: "Convention on Transnational Organized Crime (UNTOC)")."""
    before = text[max(0, start - 120) : start]
    return _MEETING_BEFORE.search(before[-60:]) is not None or _INSTRUMENT_BEFORE.search(before) is not None


_BRACKETED = re.compile(r"\(\s*([A-Z][A-Za-z]{1,9})\s*\)")


def named_things(text: str) -> set[str]:
    """The acronyms ``text`` defines for a meeting or an instrument: written alone elsewhere ("ratified
    the UNTOC"), they still name that thing, not a body."""
    return {m.group(1) for m in _BRACKETED.finditer(text) if abbreviates_a_meeting(text, m.start(1))}


def names_a_post(name: str, text: str, end: int) -> bool:
    """The name is, or runs on into, the title of a post."""
    return _POST_LAST.search(name) is not None or _POST_AFTER.match(text, end) is not None


# "the function of National Rapporteur": a function a body holds; "the Law on the Ombudsman": a law's subject.
_NO_BODY_BEFORE = re.compile(r"\b(?:(?:function|role|post|position|title)\s+of|(?:Law|Act|Code|Decree|Statute)\s+on(?:\s+the)?)\s+$")
# "said the Supreme State Prosecutor": a person speaking.
_SPEAKER_BEFORE = re.compile(r"\b(?:said|says|stated|added|noted)\s+(?:the\s+)?$")


def stands_for_no_body(text: str, start: int, ends_in_a_body: bool, end: int | None = None) -> bool:
    """The name at ``start`` is a function, a law's subject, a kind of body (unless it ends in an
    institution's noun such as "Office") a person who speaks."""
    before = text[max(0, start - 30) : start]
    if end is not None and _INDEFINITE.search(before) and _LIST_GOES_ON.match(text, end):
        return True  # "the setting up of a National Rapporteur or equivalent mechanisms": a kind, not one body
    return _NO_BODY_BEFORE.search(before) is not None or (not ends_in_a_body and _SPEAKER_BEFORE.search(before) is not None)


_INDEFINITE = re.compile(r"\b(?:a|an|any|every|each)\s+$", re.IGNORECASE)
_LIST_GOES_ON = re.compile(r"\s*(?:or\b|,|;|\.|\))")


def delegation_pattern(country_names: list[str]) -> re.Pattern[str]:
    """ "the Belarus delegation", "the Swedish delegation": a State's delegation, written in lower case."""
    names = "|".join(re.escape(n).replace(r"\ ", _SP) for n in sorted(country_names, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?P<country>{names}){_SP}delegation\b")


def inside_a_title(text: str, start: int, end: int) -> bool:
    """ "“Data and Research on Human Trafficking: A Global Survey”, IOM 2005": a name inside quotation
    marks that it does not fill is a word of a quoted title, not a body ("the NGO “La Strada”" fills them)."""
    line_start = text.rfind("\n", 0, start) + 1
    opening = text.rfind("“", line_start, start)
    if opening == -1 or "”" in text[opening:start]:
        return False
    closing = text.find("”", end)
    if closing == -1 or "\n" in text[end:closing]:
        return False
    return bool(text[opening + 1 : start].strip() or text[end:closing].strip(" ,."))
