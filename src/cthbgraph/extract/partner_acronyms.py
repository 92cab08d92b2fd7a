"""Acronyms of partners: a text defines an acronym once, beside the name it stands for ("the State Agency
for Child Rights Protection (SACRP)", or "SACRP (State Agency for Child Rights Protection)"), and then
writes the acronym alone. Each definition is paired with its long form by the Schwartz–Hearst method:
the letters of the acronym are found, right to left, in the words before the brackets, the first one at
the start of a word, and the long form is the fewest words that hold them all. The acronym in the
brackets and every bare acronym of the text then take the key of the partner read on the long form, so
that one body has one key however the text names it."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from .partner_keys import Partner
from .taken import Taken

# An acronym of a body: a capital, then two to nine letters (or "&", "/", "-") of which one more is a capital.
_ACRONYM = r"[A-Z](?=[\w&/-]*[A-Z])[A-Za-z&/-]{1,9}"
_SHORT_FIRST = re.compile(rf"\(\s*(?P<short>{_ACRONYM})\s*\)")
_LONG_FIRST = re.compile(rf"(?<![\w-])(?P<short>{_ACRONYM})\s+\((?P<long>[A-Z][^()\n]{{4,150}})\)")
# The words a long form may be looked for in end at the start of the clause or line.
_CLAUSE_BREAK = re.compile(r"[.;:!?\n(),–—]")


@dataclass(frozen=True)
class Abbreviation:
    """One definition: the acronym as written, where it is, and where its long form is."""

    short: str
    short_start: int
    long_start: int
    long_end: int


def long_form(short: str, words: str) -> int:
    """Where in ``words`` the long form of ``short`` begins, or -1: the Schwartz–Hearst match, each letter
    of the acronym found right to left, the first at the start of a word (a letter a word starts with, or
    the first letter of the text)."""
    letters = [c.lower() for c in short if c.isalnum()]
    at = len(words) - 1
    for n, letter in enumerate(reversed(letters)):
        first = n == len(letters) - 1
        while at >= 0 and (words[at].lower() != letter or first and at > 0 and words[at - 1].isalnum()):
            at -= 1
        if at < 0:
            return -1
        at -= 1
    return at + 1


def abbreviations(text: str) -> list[Abbreviation]:
    """Every acronym the text defines beside a long form, in order of the acronym."""
    found = []
    for m in _SHORT_FIRST.finditer(text):
        short = m.group("short")
        span_words = _words_before(text, m.start(), max_words=min(len(short) + 5, 2 * len(short)))
        start = long_form(short, text[span_words : m.start()].rstrip())
        if start >= 0 and _spelled_out(short, text[span_words + start : m.start()]):
            end = span_words + len(text[span_words : m.start()].rstrip())
            found.append(Abbreviation(short, m.start("short"), span_words + start, end))
    for m in _LONG_FIRST.finditer(text):
        short, long = m.group("short"), m.group("long").rstrip()
        if long_form(short, long) == 0 and _spelled_out(short, long):
            found.append(Abbreviation(short, m.start("short"), m.start("long"), m.start("long") + len(long)))
    return sorted(found, key=lambda a: a.short_start)


def _words_before(text: str, end: int, max_words: int) -> int:
    """Where the last ``max_words`` words before ``end`` begin, not across a clause break."""
    breaks = [m.end() for m in _CLAUSE_BREAK.finditer(text, max(0, end - 300), end)]
    lo = breaks[-1] if breaks else max(0, end - 300)
    starts = [m.start() for m in re.finditer(r"\S+", text[lo:end])]
    return lo + starts[-max_words] if len(starts) >= max_words else lo + (starts[0] if starts else len(text[lo:end]))


def _spelled_out(short: str, long: str) -> bool:
    """A long form has more than one word and is no mere repeat of the acronym."""
    return len(long.split()) > 1 and short not in long.split()


def acronym_partners(finder, text: str, found: list[Partner], taken: list[tuple[int, int]], clues) -> list[Partner]:
    """``found`` with every acronym of a partner keyed as its long form: the defining one and every bare
    one, whether read before or not. An acronym inside a taken span (an OSCE body, a listed one) or
    inside a longer partner name is left alone. A partner that begins inside the long form, after
    capitalised words of it, was cut short ("… Survivors of Trafficking Advisory Council (ISTAC)"): the
    long form is read again by ``finder``, and so is the same cut wherever the text repeats it."""
    by_span = {(p.start, p.end): p for p in bracketed_acronyms(text, found)}
    defined = []
    for a in abbreviations(text):
        p = _partner_on(text, a, list(by_span.values()))
        if p is not None and p.start > a.long_start and _cut_name(text[a.long_start : p.start]):
            p = _read_whole(finder, text, text[a.long_start : p.start], p, by_span, (taken, clues))
        if p is not None:
            defined.append((a, p))
    occupied = Taken([*taken, *by_span])
    for short in {a.short for a, _ in defined}:
        mine = [(a.short_start, p) for a, p in defined if a.short == short]
        # "SACRP-led", "UNICEF/SACRP": compounds are split, as the annotations split them; but not "MFA Diplomatic
        # Protocol": an acronym that opens a longer name is that name's
        for m in re.finditer(rf"(?<!\w){re.escape(short)}(?!\w)(?![ \t]+[A-Z])", text):
            span = (m.start(), m.end())
            if span not in by_span and occupied.overlaps(m.start(), m.end()):
                continue
            p = mine[max(0, bisect.bisect_right([at for at, _ in mine], m.start()) - 1)][1]
            by_span[span] = Partner(m.start(), m.end(), p.key, p.label, p.kind, p.country, min(p.confidence, 0.7))
    return sorted(by_span.values())


def _read_whole(finder, text: str, lead: str, cut: Partner, by_span: dict, context) -> Partner:
    """The long form read whole where ``cut`` was read after ``lead``, and wherever the text writes the
    same words before another mention of the cut name; ``by_span`` loses the cut mentions it replaces."""
    taken, clues = context
    before = re.compile(r"\s+".join(map(re.escape, lead.split())) + r"\s+$")
    whole = cut
    for q in [q for q in by_span.values() if q.key == cut.key]:
        m = before.search(text, max(0, q.start - len(lead) - 20), q.start)
        read = finder.read_candidate(text, m.start(), q.end, taken, clues, named_by="rule") if m else None
        if read is None or read.start != m.start():
            continue
        for span in [k for k, o in by_span.items() if read.start <= o.start < read.end]:
            del by_span[span]
        by_span[(read.start, read.end)] = read
        whole = read if q == cut else whole
    return whole


def _cut_name(words: str) -> bool:
    """Words before a partner that go on its name: capitalised ones, and "of", "for", "and" between them
    ("International Survivors of"), not a country's adjective alone, which the partner has read."""
    tokens = words.split()
    return len(tokens) > 1 and tokens[0][:1].isupper() and all(t[:1].isupper() or t in ("of", "for", "and", "on") for t in tokens)


def _partner_on(text: str, a: Abbreviation, found: list[Partner]) -> Partner | None:
    """The partner read on the long form: the last one inside it that ends it, but for a country written
    after the name ("Ministry of Interior of Serbia (MoI)")."""
    inside = [p for p in found if a.long_start <= p.start < a.long_end and p.end <= a.long_end + 1 and not p.label.isupper()]
    if not inside:
        return None
    p = inside[-1]
    rest = " ".join(text[p.end : a.long_end].split()) if p.end < a.long_end else ""
    return p if re.fullmatch(r"(?:(?:of|in)(?: the)? [A-Z][\w'’-]*(?: [A-Z][\w'’-]*)*)?", rest) else None


def bracketed_acronyms(text: str, found: list[Partner]) -> list[Partner]:
    """ "National Commission for Combating Trafficking in Persons (NCCTP)": the acronym in brackets right
    after a name is a second mention of that body, with its key."""
    merged = list(found)
    for i, p in enumerate(merged[1:], 1):
        q = merged[i - 1]
        if p.label.isupper() and re.fullmatch(r"\s*\(\s*", text[q.end : p.start]):
            merged[i] = Partner(p.start, p.end, q.key, q.label, q.kind, q.country, q.confidence)
    return merged
