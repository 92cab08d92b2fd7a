"""Activities are events: the sentences of a report grouped into the events they describe.

The reader finds, sentence by sentence, what a body did (:mod:`cthbgraph.extract.activities`). A
reader of the report counts events, not sentences: "The training focused on the role of the case
manager", "It examined how presumed victims are identified", "Participants visited a shelter" say
more about the event just reported, and are its evidence, not new activities. And some sentences
with a body doing something are not activities at all: a mandate ("According to its mandate, the
Special Representative collects ..."), a body's general line of work in a press release's closing
paragraph ("The OSCE Mission to Moldova works to support ..."), a result ("Nine posts reached more
than 14,000 people"), a quoted remark, the operative paragraph of a decision ("Decides to hold ..."),
a footnote.

:func:`group_events` takes every sentence with the activity the reader found in it (or None) and
returns one :class:`~cthbgraph.records.Activity` per event, its follow-up sentences in
``follow_ups``; their partners join the event's, and their date and place fill the event's when it
has none. A sentence continues the event before it when it refers back to it (an event noun with
"the" or "this", a pronoun, the participants, speakers or trainers) or has the same doer and names
no new event ("a workshop", "a handbook": an indefinite event noun is a new event), and it comes
soon after it, with no heading between. A press release's headline is evidence of the event its
lead reports.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from spacy.tokens import Span

from ..records import Activity, Excerpt
from .activities import RECEIVING, anaphoric_subject, is_plan_or_duty, main_verb, receives
from .asides import summary_of_kinds
from .captions import is_caption
from .chronology import is_chronology_line
from .dates import normalise_date
from .follow_ups import goes_on, hosts_part, names_another_event, opens_on_a_date, opens_on_the_means, others_act
from .headlines import headline_doers
from .list_items import opens_listed_item
from .non_events import (
    _EVENT_WORDS,
    _PEOPLE,
    _QUOTE_OPEN,
    _RECOMMENDING_VERBS,
    PAGE_GENRES,
    _closing_start,
    _dated,
    _event_word,
    _titled,
    not_an_activity,
)
from .projects import part_of_project
from .stating import GOES_ON, title_line

# Verbs that tell what happened at an event rather than report a new act.
_CONTENT_VERBS = {
    "present", "highlight", "discuss", "explain", "focus", "cover", "examine", "address", "stress", "underline",
    "emphasize", "emphasise", "introduce", "share", "outline", "describe", "review", "brief", "demonstrate", "open",
}
# Texts and their findings: as the subject of an active verb they report what a text says ("The report
# estimates ...", "The MC Decision reaffirms ...", "The findings marked ..."), not what a body did.
_TEXT_NOUNS = {
    "report", "study", "finding", "result", "conclusion", "decision", "declaration", "resolution", "document",
    "paper", "survey", "guideline", "convention", "protocol", "plan", "addendum", "charter", "mandate", "analysis",
    "handbook", "guide", "manual", "publication", "concept", "law", "legislation", "strategy",
}
_TELLING_VERBS = _CONTENT_VERBS | RECEIVING | {"provide", "give", "deliver", "teach", "train", "instruct"}
_JOINING_VERBS = {"contribute", "participate", "attend", "join", "take"}  # "take" only in "take part in"
_NEW = {"a", "an", "another", "two", "three", "several", "new"}  # determiners of an event not yet reported
_NEAR = 4  # sentences: how far after an event's last evidence a follow-up may stand


@dataclass(frozen=True)
class Reading:
    """One sentence of a report with the activity the reader found in it (None if it found none)."""

    sentence: Span
    excerpt: Excerpt  # the sentence's span in the report, trailing space cut
    activity: Activity | None = None
    heading_before: bool = False  # a heading line stands between this sentence and the one before
    context: Activity | None = None  # with no doer of its own: the activity it would be of the context's doer
    partners: tuple = ()  # with no activity of its own: the partners it names ("Trainers from IOM ...")


def states_not_reports(sentence: Span, activity: Activity | None = None) -> bool:
    """A sentence that describes rather than reports: a text as the subject of an active verb ("The
    joint report estimates ...", "The MC Decision reaffirms ..."), or a kind of work in the habitual
    present ("Training takes on different forms ...", "Such forums provide ...", "border efforts
    produce fewer results") unless the grammar names its doer ("Such projects ... are realized by the
    Mission"). It may say more about an event just reported, but opens none."""
    verb = main_verb(sentence)
    if verb is None:
        return False
    # The reader cuts a parse's sentence at blank lines: a subject the parse found above one (a
    # signature's "... Convention" over "Over 2016 the Unit compiled ...") is not this sentence's.
    subjects = [c for c in verb.children if c.dep_ == "nsubj" and sentence.start <= c.i < sentence.end]
    if not subjects:
        return False
    subject = subjects[0]
    lemma = subject.lemma_.lower()
    # "The ODIHR study *Victims in Atlantis* finds ...": a text named by its title (the parse makes the title the subject).
    titled = subject.text[:1].isupper() and any(c.dep_ in ("compound", "appos") and c.lemma_.lower().rstrip("s") in _TEXT_NOUNS for c in subject.children)
    if lemma in _TEXT_NOUNS or lemma.rstrip("s") in _TEXT_NOUNS or titled:
        return True
    if _dated(sentence) or any(t.lower_ in ("today", "yesterday") for t in sentence):
        return False
    habitual = verb.tag_ in ("VBZ", "VBP") and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)
    determiners = {c.lower_ for c in subject.children if c.dep_ in ("det", "poss")}
    generic = not determiners - {"such", "these", "those", "some", "many", "most", "all"}
    named = any(t.dep_ == "agent" for t in sentence)  # "... and are realized by the Mission"
    # "Such forums provide ...": "such" makes any noun a kind of thing, not one event.
    kind = _event_word(subject) or any(c.lower_ == "such" for c in subject.children)
    return habitual and kind and generic and not named


def refers_back(sentence: Span) -> bool:
    """The sentence opens on the event just reported or its people: "The training ...", "This event",
    "It ...", "Participants ...", "During the visit, ...", "Opening the conference, ..."."""
    verb = main_verb(sentence)
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")] if verb is not None else []
    for subject in subjects:
        lemma = subject.lemma_.lower()
        if subject.tag_ == "PRP" and lemma in ("it", "they", "she", "he"):
            return True
        determiners = {c.lower_ for c in subject.children if c.dep_ in ("det", "poss")}
        if _event_word(subject) and determiners & {"the", "this", "these", "its", "their", "that"}:
            return True
        if lemma.rstrip("s") in _PEOPLE and not _titled(subject) and (
            not any(t.ent_type_ == "ORG" for t in subject.subtree) or verb.lemma_.lower() in _TELLING_VERBS or receives(verb)
        ):
            # "Instructors from the UNMIK Police shared experience", "Inspectors from the Labour
            # Inspectorate learned how to ...": people of the event, whoever sent them.
            return True
    if verb is not None and verb.lemma_.lower() in _CONTENT_VERBS | {"look", "devote", "consider", "deal", "tackle"}:
        # "Working groups discussed ...", "Panels looked at ...", "A separate panel was devoted to ...":
        # the parts of the event just reported.
        for subject in subjects:
            lemma = subject.lemma_.lower().rstrip("s")
            if (lemma in ("panel", "group", "session", "workshop", "round") or lemma == "table") and not any(
                t.ent_type_ == "ORG" for t in subject.subtree
            ):
                return True
    if verb is not None and verb.lemma_.lower() in _JOINING_VERBS:
        # "The ODIHR contributed to the workshop", "UNICEF took part in this training": another body's
        # part in the event just reported.
        dobjs = [c for c in verb.children if c.dep_ == "dobj"]
        part = verb.lemma_.lower() == "take"
        if part and not any(o.lower_ == "part" for o in dobjs):
            return False
        objects = [] if part else list(dobjs)
        preps = [c for c in verb.children if c.dep_ == "prep"] + [p for o in dobjs for p in o.children if p.dep_ == "prep"]
        objects += [g for p in preps if p.lower_ in ("to", "in", "at") for g in p.children if g.dep_ == "pobj"]
        for o in objects:
            if _event_word(o) and {c.lower_ for c in o.children if c.dep_ in ("det", "poss")} & {"the", "this", "these", "that"}:
                return True
    opening = sentence.text.lstrip()[:60].lower()
    return bool(re.match(r"^(?:during|at|in|throughout|after|opening|closing)\s+(?:the|this|her|his|its)\s+(?:\w+\s+)?(?:"
                         + "|".join(sorted(_EVENT_WORDS)) + r")s?\b", opening))


def names_new_event(sentence: Span) -> bool:
    """ "a workshop", "another seminar", "a handbook": an event noun that is not the one just reported."""
    return any(_event_word(t) and t.pos_ == "NOUN" and any(c.lower_ in _NEW for c in t.children) for t in sentence)


def group_events(readings: list[Reading], text: str, genre: str = "", keep=None, add=None, year: int | None = None) -> list[Activity]:
    """One activity per event, in text order; see the module's docstring. ``text``: the report's text; ``year``: its
    year. ``keep(reading, genre, previous) -> bool``: a second opinion (``event_filter.py``) on a sentence that would open an
    event; ``previous``: the event opened before it, or None; ``add`` (same arguments): the activity of the ``context``
    doer that a sentence with no doer of its own reports, or None."""
    closing_from = _closing_start(text, genre)
    events: list[Activity] = []
    last: tuple[int, int] | None = None  # (index of the event in ``events``, index of its last sentence)
    headline: Reading | None = None
    lead: list[Excerpt] = []  # a press release's sentences after its headline that name no doer, before its first event
    if genre == "press-release" and readings and "\n" not in readings[0].excerpt.text.strip():
        headline = readings[0]  # a line of its own (the parse may have joined it to the lead)
    for n, reading in enumerate(readings):
        sentence = reading.sentence
        if reading.heading_before:
            last = None
        if n == 0 and (headline is not None or (genre in (*PAGE_GENRES, "report") and title_line(reading.excerpt.text))):
            continue  # a headline joins the event its lead reports, below; a page's or report's title is no event
        if reading.activity is not None and part_of_project(sentence):
            events.append(replace(reading.activity, type="project"))  # the longer work the event belongs to
            last = (len(events) - 1, n)
            continue
        why = _why_none(sentence, genre, sentence.start_char >= closing_from, text)
        if why:
            # The event may go on after a remark or a figure; anything else ends it.
            last = last if why in ("quote", "result", "recommendation", *GOES_ON) else None
            continue
        activity = reading.activity
        if activity is None and is_plan_or_duty(sentence):
            continue  # "The assessment will feed into a report": said of the event, not evidence of it
        near = last is not None and n - last[1] <= _NEAR
        if near and _says_more(reading, events[last[0]], text, genre):
            events[last[0]] = add_evidence(events[last[0]], activity, reading.excerpt, reading.partners)
            last = (last[0], n)
            continue
        activity = activity or (add and add(reading, genre, events[-1] if events else None))  # the learned model may read one
        if headline is not None and not events and _waits_for_its_doer(activity, sentence):
            lead.append(reading.excerpt)
            continue
        if activity is None or _opens_none(sentence, activity, genre, year) or (keep is not None and not keep(reading, genre, events[-1] if events else None)):
            continue  # no event, or the learned second opinion (event_filter.py) refused it
        if headline is not None and not events and _tells_the_headline(headline, n, lead, sentence):
            activity = _with_headline(activity, headline, tuple(lead))
        events.append(activity)
        last = (len(events) - 1, n)
    return events


def _waits_for_its_doer(activity: Activity | None, sentence: Span) -> bool:
    """A press release's sentence before its first event that reads no OSCE doer ("A two-day workshop ... ended
    today", "Twenty police officers completed a course", "The Ministry ... signed a memorandum today"): the
    headline's event, whose organiser the release names later."""
    return activity is None or others_act(activity, sentence)


def _tells_the_headline(headline: Reading, n: int, lead: list[Excerpt], sentence: Span) -> bool:
    """Whether the first event of a press release, its ``n``-th sentence, is the one its headline names: it comes
    right after the headline, or after a lead that names no doer and refers back to it ("Organized by the Office
    ..., the course ..."); "The Mission has also trained ..." after such a lead is another event."""
    if headline.sentence.text.strip().startswith(_QUOTE_OPEN):
        return False
    return n <= 2 or (n <= 2 + len(lead) and (refers_back(sentence) or goes_on(sentence)))


def _why_none(sentence: Span, genre: str, closing: bool, text: str) -> str:
    """Why a sentence reports no activity (see :func:`not_an_activity`), or ""."""
    why = not_an_activity(sentence, genre, closing=closing, text=text)
    if why == "question" and is_chronology_line(sentence, text):
        return ""  # a listed event's title asks it ("• Conference: How Best to Stem the Flow? (...)")
    return why


def _says_more(reading: Reading, event: Activity, text: str, genre: str) -> bool:
    """Whether a sentence soon after ``event`` is its evidence: it continues it, or tells another body's
    part in it ("The course was hosted by the Police Academy") and names no other event."""
    sentence = reading.sentence
    if is_chronology_line(sentence, text) or (reading.activity is not None and opens_listed_item(text, sentence.start_char, after_bullet=True)):
        return False  # each line of a chronology or a list of work is an event of its own
    if reading.activity is not None and is_caption(sentence, text) and _another_osce_doer(reading.activity, event):
        return False  # a caption naming another OSCE doer shows another event, whatever its pronoun ("During her visit ...")
    if _continues(reading, event, genre):
        return True
    own = reading.activity
    joins = own is not None and (others_act(own, sentence) or hosts_part(sentence))
    return joins and not names_another_event(sentence) and _same_year(sentence, event)


def _another_osce_doer(activity: Activity, event: Activity) -> bool:
    """Doers of the OSCE other than the event's (a partner's people in a caption may be at the event)."""
    keys = {m.key for m in activity.agents}
    return not keys <= {m.key for m in event.agents} and all(m.kind != "ExternalOrganisation" for m in activity.agents)


def _continues(reading: Reading, event: Activity, genre: str = "") -> bool:
    """Whether a sentence says more about ``event`` rather than reporting another one."""
    sentence = reading.sentence
    own = reading.activity
    date = own_date(sentence)
    if date and event.date and date[:4] != event.date[:4]:
        return False  # another year: another event
    if date and not event.date and own is not None:
        return False
    if own is not None and own.country and event.country and own.country != event.country:
        return False  # another country: another event ("During her visit to Atlantis, ..." after one to Utopia)
    if own is not None and opens_on_a_date(sentence):
        return False  # "In December 2020 the Office briefed ...": a report opens each event on its date
    if opens_on_the_means(sentence):
        return True
    if refers_back(sentence) or goes_on(sentence):
        return not names_new_event(sentence) or own is None
    if own is None:
        return False
    # The same doer telling what the event held ("The Special Representative highlighted ...");
    # any other act of the same doer ("the ODIHR administers a fund") is another event.
    verb = main_verb(sentence)
    content = verb is not None and verb.lemma_.lower() in _CONTENT_VERBS
    same_doer = {m.key for m in own.agents} <= {m.key for m in event.agents}
    if same_doer and _object_refers_back(sentence) and not names_new_event(sentence):
        return True
    if _post_holder(sentence) and not names_new_event(sentence):
        # What the post holder said there goes on with any event; another act only with her own.
        return same_doer or verb is not None and verb.lemma_.lower() in _CONTENT_VERBS | _RECOMMENDING_VERBS
    if (
        genre == "press-release" and same_doer and own.confidence <= 0.7 and anaphoric_subject(sentence) == ""
        and not names_new_event(sentence) and not _dated(sentence)
    ):
        # A press release tells one event: a sentence that names no doer of its own ("Volunteers have
        # been trained to hand out the leaflets") and no new event goes on with the one just told.
        return True
    return same_doer and content and not names_new_event(sentence) and not _has_event_object(sentence)


def _opens_none(sentence: Span, activity: Activity, genre: str, year: int | None) -> bool:
    """A description, another body's background or own act ("In 2007 the Ministry opened a department"): no OSCE event."""
    return (
        states_not_reports(sentence, activity)
        or _others_background(activity, genre, year)
        or others_act(activity, sentence)
        or summary_of_kinds(sentence, activity)
        or _about_an_earlier_event(sentence, activity)
    )


def _about_an_earlier_event(sentence: Span, activity: Activity) -> bool:
    """ "These events generated key findings", "The event provided an overview": the subject is an event told
    before and the doer is not named in the sentence (it comes from the context), so the sentence says more
    about an earlier event and opens none of its own. A dated one in the past ("The training was held in May
    2016") may tell an event named only in a heading, and is left."""
    verb = main_verb(sentence)
    if verb is None or names_new_event(sentence) or any(c.dep_ == "agent" for c in verb.children):
        return False  # "This event was followed by a regional workshop", "The course was conducted by the Academy"
    # A doer named inside a clause about a thing ("its conclusions, which were published by the SR") is not the
    # sentence's own; one in a clause on the subject is ("The workshop, organized by the Mission, ...").
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    inside = {t.idx for head in sentence if head.dep_ in ("relcl", "acl") and head.head not in subjects for t in head.subtree}
    if any(sentence.start_char <= m.excerpt.start < sentence.end_char and m.excerpt.start not in inside for m in activity.agents):
        return False
    # "The meeting is designed as a follow-up to the 2006 conference": a date in the present tells no act.
    past = verb.tag_ == "VBD" or any(c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" for c in verb.children)
    dated = past and bool(own_date(sentence))
    for subject in subjects:
        determiners = {c.lower_ for c in subject.children if c.dep_ == "det"}
        if _event_word(subject) and (determiners & {"this", "these"} or (determiners == {"the"} and not dated)):
            return True
    return False


def own_date(sentence: Span) -> str:
    """The date the sentence tells its act on: a date inside a clause about something it names ("drew on the
    procedures adopted by the Government in 2014", "the fund established in 2006") dates that thing, not the act."""
    inside = {t.i for head in sentence if head.dep_ in ("relcl", "acl") for t in head.subtree}
    return normalise_date("".join(t.text_with_ws for t in sentence if t.i not in inside))


def _same_year(sentence: Span, event: Activity) -> bool:
    date = own_date(sentence)
    return not (date and event.date and date[:4] != event.date[:4])


def _others_background(activity: Activity, genre: str, year: int | None) -> bool:
    """In a press release, what bodies other than the OSCE's did in an earlier year ("The hotline was set
    up by UNICEF in 2015", in a release of 2020): background to the news, not an event of it."""
    if genre != "press-release" or not year or not activity.date[:4].isdigit() or int(activity.date[:4]) >= year:
        return False
    return all(m.kind == "ExternalOrganisation" for m in activity.agents)


def _post_holder(sentence: Span) -> bool:
    """ "The Special Representative recommended ...": a post named by its title as the subject. It is a doer,
    not the people of the event just told (:func:`refers_back`), so it goes on with that event only if the
    event is its own or it tells what was said ("recommended that ..."); after another body's event ("The
    Special Representative held 40 meetings" after the Office's survey) it reports a new one."""
    verb = main_verb(sentence)
    subjects = [c for c in verb.children if c.dep_ == "nsubj"] if verb is not None else []
    return any(s.lemma_.lower().rstrip("s") in _PEOPLE and _titled(s) for s in subjects)


def _object_refers_back(sentence: Span) -> bool:
    """ "The ODIHR went on to repeat this training in two regions": the doer goes on with the work just reported."""
    return any(_event_word(t) and t.dep_ in ("dobj", "pobj") and any(c.dep_ == "det" and c.lower_ in ("this", "these") for c in t.children) for t in sentence)


def _has_event_object(sentence: Span) -> bool:
    verb = main_verb(sentence)
    if verb is None:
        return False
    return any(_event_word(t) for c in verb.children if c.dep_ in ("dobj", "attr") for t in c.subtree if t.pos_ == "NOUN")


def add_evidence(event: Activity, other: Activity | None, excerpt: Excerpt, named: tuple = ()) -> Activity:
    """The event with one more sentence of evidence, its partners and, where it lacks them, its date and place.
    ``named``: the partners a sentence that reports no activity of its own names (funders, trainers' bodies)."""
    partners = list(event.partners)
    if other is not None or named:
        known = {m.key for m in (*event.agents, *partners)}
        for m in (*other.partners, *other.agents) if other is not None else named:
            if m.key not in known:
                known.add(m.key)
                partners.append(m)
    return replace(
        event,
        follow_ups=(*event.follow_ups, excerpt),
        partners=tuple(partners),
        date=event.date or (other.date if other else ""),
        place=event.place or (other.place if other else ""),
        country=event.country or (other.country if other else ""),
    )


def _with_headline(activity: Activity, headline: Reading, lead: tuple[Excerpt, ...] = ()) -> Activity:
    """A press release's headline leads the evidence of the event its lead reports (and may name its doer). ``lead``:
    the sentences between them that name no doer ("Sixty police officers ... today concluded a course", a photo's
    caption): the same event, whose organiser the release names only after them ("Organized by the Office ...")."""
    evidence = (*lead, activity.excerpt, *activity.follow_ups)
    return replace(headline_doers(activity, headline.activity), excerpt=headline.excerpt, follow_ups=evidence)
