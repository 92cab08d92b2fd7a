"""A parsed report -> its records: body mentions, decision references, provisions, activities.

The rule components have marked body mentions and document references as span groups; here the
grammar-based readings turn the document into :class:`~cthbgraph.records.Extraction` records:
provisions are the numbered paragraphs and the bodies they task; activities are sentences whose
subject is a body (or stands for one) and whose verb reports an action.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator

from spacy.tokens import Doc, Span

from ..records import Activity, BodyMention, DecisionRef, Excerpt, Extraction, Provision, Rename, Report
from . import activities as act
from . import events
from . import provisions as prov
from .activity_types import activity_type
from .backed import backed_doers
from .captions import caption_doer
from .chronology import chronology_doer
from .conveners import convened, convener
from .dates import date_in_year
from .decisions import confidence_of
from .doers import CONFIDENCE, find_doers
from .firstperson import author_body, first_person_doer
from .hyphens import is_word
from .list_items import ListLead, listed_item_doer, opens_item
from .listing import listing_activities
from .offices import post_office
from .partner_roles import named_partners
from .pipeline import BODIES, DECISIONS
from .projects import project_doers
from .publishers import publisher_body
from .sentence_model import adds_events, grouped
from .short_names import author_of_passive, short_name_doers

_FORMERLY_BETWEEN = re.compile(r"^[\s,]*(?:[-–—(]\s*)?(?:formerly|previously|former(?:ly)?\s+known\s+as)\s+(?:the\s+)?$", re.IGNORECASE)
_REPLACED_BETWEEN = re.compile(
    r"^[\s,]*(?:[-–—(]\s*)?(?:(?:which|that)\s+)?(?:was\s+|were\s+|has\s+been\s+)?(?:replaced|succeeded|superseded)\s+by\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_REPLACING_BETWEEN = re.compile(r"^[\s,]*(?:[-–—(]\s*)?(?:which|that|who)?\s*(?:replaced|succeeded|superseded)\s+(?:the\s+)?$", re.IGNORECASE)
_TRANSFORMED_BETWEEN = re.compile(r"^\s*(?:was|were|has\s+been)\s+(?:transformed|turned|converted)\s+into\s+(?:the\s+)?$", re.IGNORECASE)
_RENAME_BETWEEN = re.compile(r"^[\s,]*(?:[-–—(]\s*)?(?:now|renamed|later|currently)\s+(?:the\s+|as\s+the\s+)?$", re.IGNORECASE)
_ROMAN = re.compile(r"[ivx]+")  # a chapter number ("III. 9. LEGISLATIVE REVIEW") is not a word of the title


class DocReader:
    """One parsed report read into records: provisions, activities, renames; mentions as spans.

    extractor (Extractor): gives the places and activity types the readings use.
    guess (bool | None): read the context's activity of doerless sentences (default: the adding side is on).
    """

    def __init__(self, report: Report, doc: Doc, extractor, guess: bool | None = None):
        self.report = report
        # Only the learned model's adding side reads a doerless sentence's guess: built when it is on
        # or the trainer asks, so a build with the side off pays nothing.
        self.guess = adds_events() if guess is None else guess
        self.doc = doc
        self.extractor = extractor
        self.labels: dict[str, str] = doc.user_data.get("cthb_labels", {})
        self.body_spans: list[Span] = list(doc.spans[BODIES])
        # Read once: on a plain Doc, ``doc.text`` joins every token and ``sentence.ents`` scans every
        # entity, so calling them per sentence makes reading quadratic in the report's length.
        self.text = doc.text
        self.ents = list(doc.ents)
        self.ent_starts = [e.start_char for e in self.ents]

    def ents_in(self, sentence: Span) -> list[Span]:
        lo = bisect.bisect_left(self.ent_starts, sentence.start_char)
        hi = bisect.bisect_left(self.ent_starts, sentence.end_char)
        return [e for e in self.ents[lo:hi] if e.end_char <= sentence.end_char]

    def excerpt(self, start: int, end: int) -> Excerpt:
        return Excerpt(self.report.id, start, end, self.report.text[start:end])

    def mention(self, span: Span) -> BodyMention:
        partner, country, confidence = self.doc.user_data.get("cthb_body_info", {}).get(span.id_, ("", "", 1.0))
        return BodyMention(
            self.excerpt(span.start_char, span.end_char), span.id_, self.labels[span.id_], span.label_, partner, country, confidence
        )

    def reference(self, span: Span) -> DecisionRef:
        exact = self.doc.user_data.get("cthb_reference_chars", {})
        start, end = exact.get(f"{span.start_char}:{span.end_char}", (span.start_char, span.end_char))
        excerpt = self.excerpt(start, end)
        return DecisionRef(excerpt, span.id_, span.kb_id_, span.label_, confidence_of(excerpt.text))

    def bodies_in(self, start: int, end: int) -> list[Span]:
        return [s for s in self.body_spans if s.start_char >= start and s.end_char <= end]

    def extraction(self) -> Extraction:
        provisions = self.provisions()
        return Extraction(
            report=self.report,
            bodies=tuple(self.mention(s) for s in self.body_spans),
            decisions=tuple(self.reference(s) for s in self.doc.spans[DECISIONS]),
            provisions=tuple(provisions),
            activities=tuple(self.activities(provisions)),
            renames=tuple(self.renames()),
        )

    def provisions(self) -> list[Provision]:
        found = []
        headings = prov.find_section_headings(self.text)
        for match in prov.find_provisions(self.text):
            span = self.doc.char_span(match.start, match.end, alignment_mode="expand")
            title = _heading_before(headings, match.start)
            bodies = self.bodies_in(match.start, match.end)
            tasked, partners = prov.classify_bodies(span, bodies)
            found.append(
                Provision(
                    excerpt=self.excerpt(match.start, match.end),
                    notation=match.notation,
                    text=_provision_text(self.report.text, match),
                    tasked=_unique(self.mention(s) for s in tasked),
                    partners=_unique(self.mention(s) for s in partners),
                    lemmas=link_lemmas(span),
                    section_title=title.title if title else "",
                    title_lemmas=link_lemmas(self.doc.char_span(title.start, title.end, alignment_mode="expand"), heading=True) if title else (),
                )
            )
        return found

    def activities(self, provisions: list[Provision]) -> list[Activity]:
        """The events the report describes, each with every sentence that is its evidence."""
        if self.report.genre == "listing":
            return [convened(self, a) for a in listing_activities(self)]
        return grouped(list(self.readings(provisions)), self.report)

    def readings(self, provisions: list[Provision]) -> Iterator[events.Reading]:
        """Every sentence that may report or continue an activity, with the activity it reports, if any."""
        provision_spans = [(p.excerpt.start, p.excerpt.end) for p in provisions]
        headings = prov.find_section_headings(self.text)
        heading_lines = self.heading_lines()
        # The doers a sentence may leave to its context: those of the activity just before it (same
        # section, at most two sentences back), else the body a section heading names
        # ("OSCE Presence in Albania" above "The Presence continued ...").
        previous: tuple[tuple[Span, ...], int] | None = None
        section_body: Span | None = None
        body_starts = [b.start_char for b in self.body_spans]
        author = author_body(self)
        publisher = publisher_body(self)  # whose report it is, where the title line names no body
        lead = ListLead()
        h = 0
        for n, sentence in enumerate(self.sentences()):
            heading_before = False
            while h < len(heading_lines) and heading_lines[h][0] < sentence.start_char:
                section_body = heading_lines[h][2]
                previous = None
                heading_before = True
                h += 1
            excerpt = self.excerpt(sentence.start_char, _trim_end(self.report.text, sentence.start_char, sentence.end_char))
            if any(s <= sentence.start_char < e for s, e in provision_spans):
                continue
            if len(sentence.text.strip()) < 20 or sentence.text.strip()[:1] in ("📷", "("):
                continue
            lo, hi = bisect.bisect_left(body_starts, sentence.start_char), bisect.bisect_left(body_starts, sentence.end_char)
            bodies = [b for b in self.body_spans[lo:hi] if b.end_char <= sentence.end_char]
            candidate = act.find_activities(sentence, bodies)
            recent = list(previous[0]) if previous is not None and n - previous[1] <= 2 else []
            earlier = self.body_spans[: bisect.bisect_left(body_starts, sentence.start_char)]
            agent_spans, partner_spans, confidence = find_doers(sentence, bodies, candidate, recent, section_body, earlier, author or publisher)
            verbs = candidate.verbs if candidate else ()
            named = self._named_doers(sentence, bodies, agent_spans, candidate, (author, section_body, recent, earlier), lead)
            lead.read(sentence, self.report.text, agent_spans or recent, heading_before)
            if named:
                agent_spans, confidence = (), CONFIDENCE["anaphor"]
            if not agent_spans and not named:
                # Read with the context's doer too, for the learned model (event_filter.py) to add if it
                # finds the sentence an event: the rules read it as none.
                context = (tuple(recent) or ((section_body,) if section_body is not None else ())) if self.guess else ()
                guess = None
                if context:
                    found = (bodies, provisions, headings)
                    guess = self._activity(sentence, excerpt, _unique(self.mention(s) for s in context), (), verbs, found, CONFIDENCE["context"])
                yield events.Reading(sentence, excerpt, None, heading_before, guess, _unique(self.mention(s) for s in named_partners(bodies)))
                continue
            previous = (agent_spans, n) if agent_spans else previous
            agents = named or _unique(self.mention(s) for s in agent_spans)
            activity = self._activity(sentence, excerpt, agents, partner_spans, verbs, (bodies, provisions, headings), confidence)
            yield events.Reading(sentence, excerpt, activity, heading_before)

    def _named_doers(self, sentence: Span, bodies, agent_spans, candidate, context: tuple, lead: ListLead) -> tuple:
        """The doers a sentence names otherwise than by a body in its grammar (an office, a first person, a
        project, a short name, a backer, a passive's author), or (). ``context``: the title's body, the
        section's body, the doers of the activity just before and the bodies named before."""
        author, section_body, recent, earlier = context
        office = (
            first_person_doer(self, sentence, author)
            or post_office(self, sentence, recent, bodies, candidate)
            or convener(self, agent_spans)
        )
        # The list lead is read only after this: a list item's doer is the lead's of the items before it.
        office = office or (None if agent_spans else self._item_doer(sentence, (author, section_body, recent), bodies, lead))
        if office is not None:
            return (office,)
        named = project_doers(self, sentence, bodies, author, earlier) or short_name_doers(self, sentence, author, earlier, agent_spans, recent)
        if not named and not agent_spans:
            named = backed_doers(self, sentence, author, earlier, recent) or author_of_passive(self, sentence, author, recent, section_body)
        return named

    def _item_doer(self, sentence: Span, context: tuple, bodies, lead: ListLead):
        """The doer of a chronology line, a list item or a photo caption that names none of its own, or
        None. ``context``: the title's body, the section's body and the doers of the activity just before."""
        author, section_body, recent = context
        nearest = [b for b in (*recent, section_body, author) if b is not None]
        return (
            chronology_doer(self, sentence, author, section_body, lead.doers)
            or listed_item_doer(self, sentence, bodies, lead)
            or caption_doer(self, sentence, nearest)
        )

    def _activity(self, sentence: Span, excerpt: Excerpt, agents, partner_spans, verbs, found, confidence: float) -> Activity:
        """The activity of a sentence with these doers; ``found``: its bodies, the provisions and headings."""
        bodies, provisions, headings = found
        partners = _unique(self.mention(s) for s in partner_spans)
        place, country = self.extractor.places.locate(sentence, [(b.start_char, b.end_char) for b in bodies], self.ents_in(sentence), (*agents, *partners))
        return Activity(
            excerpt=excerpt,
            type=activity_type(sentence, verbs, self.extractor.types),
            agents=agents,
            partners=partners,
            date=date_in_year(sentence.text, self.report.year),
            place=place,
            country=country,
            provision=self.provision_for(sentence, agents, provisions, headings),
            lemmas=link_lemmas(sentence),
            confidence=confidence,
        )

    def sentences(self) -> Iterator[Span]:
        """The parser's sentences, cut again at blank lines.

        ``paragraph_breaks`` marks them before the parser runs, but a parse may still attach a heading
        to the sentence after it, and a Doc read back from bytes takes its sentences from the parse.
        """
        for sentence in self._parsed_sentences():
            start = sentence.start
            for token in sentence:
                # The blank line as the report has it (the parsed text may have cleaned it to spaces).
                if token.is_space and token.i + 1 < sentence.end and self._blank_line(token):
                    if token.i > start:
                        yield self.doc[start : token.i]
                    start = token.i + 1
                elif token.i > start and opens_item(self.report.text, token.idx):
                    yield self.doc[start : token.i]  # a list item or chronology line is a sentence of its own
                    start = token.i
            if start < sentence.end:
                yield self.doc[start : sentence.end]

    def _parsed_sentences(self) -> Iterator[Span]:
        """The parser's sentences, except that none starts inside a word: the parse may cut "co-operation"
        at its hyphen ("- co" | "-operation with IOM ..."), mostly at a list item's start."""
        held: Span | None = None
        for sentence in self.doc.sents:
            if held is not None and _inside_a_word(self.doc, sentence.start):
                held = self.doc[held.start : sentence.end]
                continue
            if held is not None:
                yield held
            held = sentence
        if held is not None:
            yield held

    def _blank_line(self, token) -> bool:
        """A blank line in the report where the parsed text has a space token, unless the sentence goes
        on after it (a page break: "corruption,\n\neconomic disparity")."""
        before = self.doc[token.i - 1] if token.i > 0 else token
        after = self.doc[token.i + 1]
        if after.text[:1].islower() or before.text in (",", ";"):
            return False
        gap = self.report.text[before.idx + len(before.text) : after.idx]
        return gap.count("\n") >= 2

    def heading_lines(self) -> list[tuple[int, int, Span | None]]:
        """Lines that stand alone as headings, with the body the heading names (if it names one)."""
        out = []
        text = self.text
        pos = 0
        for line in text.split("\n"):
            start, end = pos, pos + len(line)
            pos = end + 1
            stripped = line.strip()
            if not stripped or len(stripped) > 90 or stripped[-1] in ".,;:" or not stripped[0].isupper():
                continue
            lead = start + len(line) - len(line.lstrip())
            inside = [b for b in self.body_spans if b.start_char >= lead and b.end_char <= end]
            named = inside[0] if len(inside) == 1 and len(inside[0].text) >= 0.7 * len(stripped) else None
            if named is not None and named.label_ != "FieldOperation":
                named = None  # a caption or a title naming a partner, not a field operation's section
            out.append((start, end, named))
        return out

    def provision_for(
        self, sentence: Span, agents: tuple[BodyMention, ...], provisions: list[Provision], headings: list
    ) -> str:
        """The provision the report places this activity under: named in the sentence, or the
        provisions quoted at the head of the section the sentence stands in."""
        for m in prov.PROVISION_REFERENCE.finditer(sentence.text):
            notation = f"{m.group('chapter')}.{m.group('section')}.{m.group('item')}"
            if any(p.notation == notation for p in provisions):
                return notation
        before = [p for p in provisions if p.excerpt.end <= sentence.start_char]
        if not before:
            return ""
        last = before[-1]
        if any(last.excerpt.end <= h.start < sentence.start_char for h in headings):
            return ""  # a new heading closed the section those provisions head
        # The provisions quoted together just before: a block of one is where the report places the
        # activity (provisions and activity paragraphs alternate, IV.7, IV.8); from a block of several
        # (III.9, III.10, III.12) the one whose words the sentence shares most, else the one that
        # tasks its doer, else the first.
        block = [last]
        for p in reversed(before[:-1]):
            gap = self.text[p.excerpt.end : block[0].excerpt.start]
            if p.section != last.section or len(gap.strip()) > 10:
                break
            block.insert(0, p)
        if len(block) == 1:
            return last.notation
        words = _content_lemmas(sentence)
        scores = [len(words & _content_lemmas(self.doc.char_span(p.excerpt.start, p.excerpt.end, alignment_mode="expand"))) for p in block]
        best = max(scores)
        if best >= 2 and scores.count(best) == 1:
            return block[scores.index(best)].notation
        agent_keys = {a.key for a in agents}
        for p in block:
            if agent_keys & {t.key for t in p.tasked}:
                return p.notation
        return block[0].notation

    def renames(self) -> Iterator[Rename]:
        spans = self.body_spans
        for first, second in zip(spans, spans[1:]):
            between = self.text[first.end_char : second.start_char]
            if first.id_ == second.id_ or len(between) >= 40:
                continue
            excerpt = self.excerpt(first.start_char, second.end_char)
            if _RENAME_BETWEEN.match(between) or _TRANSFORMED_BETWEEN.match(between):
                yield Rename(excerpt, self.mention(first), self.mention(second))
            elif _FORMERLY_BETWEEN.match(between):  # "Y, formerly X": X was renamed Y
                yield Rename(excerpt, self.mention(second), self.mention(first))
            elif _REPLACED_BETWEEN.match(between):
                yield Rename(excerpt, self.mention(first), self.mention(second), "succeeded")
            elif _REPLACING_BETWEEN.match(between):  # "Y, which replaced X": X was succeeded by Y
                yield Rename(excerpt, self.mention(second), self.mention(first), "succeeded")


def _inside_a_word(doc: Doc, i: int) -> bool:
    """Token ``i`` is a hyphen glued to the letters on both sides ("co" "-" "operation")."""
    return 0 < i < len(doc) - 1 and doc[i].text == "-" and doc[i - 1].is_alpha and not doc[i - 1].whitespace_ and doc[i + 1].is_alpha and not doc[i].whitespace_


def _content_lemmas(span: Span | None) -> set[str]:
    if span is None:
        return set()
    return {t.lemma_.lower() for t in span if is_word(t) and not t.is_stop and len(t) > 3 and t.pos_ in ("NOUN", "VERB", "ADJ")}


def link_lemmas(span: Span | None, heading: bool = False) -> tuple[str, ...]:
    """The content words of a span as lower-case lemmas, in order, for linking by content
    (cthbgraph.linking). Names are left out (an activity serves a provision by what it does, not
    by who does it); a heading in capitals is tagged as names, so all its words count."""
    if span is None:
        return ()
    kinds = ("NOUN", "VERB", "ADJ", "PROPN") if heading else ("NOUN", "VERB", "ADJ")
    words = (t.lemma_.lower() for t in span if is_word(t) and not t.is_stop and len(t) > 2 and t.pos_ in kinds)
    return tuple(w for w in words if not _ROMAN.fullmatch(w))


def _heading_before(headings: list, start: int):
    """The last Action Plan section heading above ``start`` (or None)."""
    before = [h for h in headings if h.end <= start]
    return before[-1] if before else None


def _provision_text(text: str, match: prov.ProvisionMatch) -> str:
    """The provision's wording after its number, as it stands in the report."""
    return text[match.end - len(match.text) : match.end]


def _trim_end(text: str, start: int, end: int) -> int:
    """The end without trailing space, nor the emphasis marks that open the next sentence ("... in Warsaw. **The Mission")."""
    end = start + len(text[start:end].rstrip())
    opening = re.search(r"\s[*_]+$", text[start:end])
    return start + len(text[start : start + opening.start()].rstrip()) if opening else end


def _unique(mentions: Iterable[BodyMention]) -> tuple[BodyMention, ...]:
    seen: dict[str, BodyMention] = {}
    for m in mentions:
        seen.setdefault(m.key, m)
    return tuple(seen.values())

