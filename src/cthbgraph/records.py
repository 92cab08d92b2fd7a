"""Small frozen records passed between the stages of the flow.

Every record is frozen and ordered so that sets of them deduplicate and sort, which keeps the graph
and its dumps deterministic whatever the order of processing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True, order=True)
class Report:
    """One corpus document and its metadata (from the manifest, or inferred from the text)."""

    id: str
    path: Path
    text: str = field(repr=False)
    title: str = ""
    publisher: str = ""
    year: int | None = None
    language: str = "en"
    source: str = ""
    sha256: str = ""
    date: str = ""  # ISO 8601 date the text gives itself (a press release's dateline), or ""
    genre: str = ""  # report, press-release, listing, decision, web-page; "" when not told


@dataclass(frozen=True, order=True)
class SkippedFile:
    """A corpus file that could not be read, with the reason in words a user can act on."""

    path: Path
    reason: str


@dataclass(frozen=True, order=True)
class Excerpt:
    """A span of a report: `text == report.text[start:end]` always holds."""

    report: str
    start: int
    end: int
    text: str


@dataclass(frozen=True, order=True)
class BodyMention:
    """A mention of an actor, resolved to a canonical body key (e.g. ``odihr``, ``mission-to-moldova``)."""

    excerpt: Excerpt
    key: str
    label: str
    kind: str  # Body subclass local name: FieldOperation, Institution, SecretariatUnit, ...
    # Partners (kind ExternalOrganisation): national-authority, ngo, international-organisation,
    # treaty-body, embassy or other-partner; the country of a national body; how sure the rule is (0-1).
    partner_kind: str = ""
    country: str = ""
    confidence: float = 1.0


@dataclass(frozen=True, order=True)
class DecisionRef:
    """A reference to an adopted OSCE document, resolved to one key per document."""

    excerpt: Excerpt
    key: str  # e.g. "mc-dec-3-06", "pc-dec-557"
    notation: str  # the OSCE symbol, e.g. "MC.DEC/3/06"
    kind: str  # Decision, Declaration, ActionPlan
    confidence: float = 1.0  # how sure the pattern that read it is (0-1)


@dataclass(frozen=True, order=True)
class Provision:
    """A numbered Action Plan paragraph quoted in a report, with the bodies it tasks."""

    excerpt: Excerpt
    notation: str  # "III.10.2"
    text: str
    tasked: tuple[BodyMention, ...] = ()
    partners: tuple[BodyMention, ...] = ()
    # For linking activities to it by content (cthbgraph.linking): the lemmas of its wording, the
    # title of the Action Plan section it stands under ("TRAINING"), and that title's lemmas.
    lemmas: tuple[str, ...] = field(default=(), compare=False, repr=False)
    section_title: str = ""
    title_lemmas: tuple[str, ...] = field(default=(), compare=False, repr=False)

    @property
    def section(self) -> str:
        return self.notation.rsplit(".", 1)[0]

    @property
    def chapter(self) -> str:
        return self.notation.split(".", 1)[0]


@dataclass(frozen=True, order=True)
class Rename:
    """"X - now Y", "X, replaced by Y": a body that continues under another name or whose work another
    took over; linked, not merged."""

    excerpt: Excerpt
    old: BodyMention
    new: BodyMention
    # "renamed" ("X, now Y"; "Y, formerly X") or "succeeded" ("X was replaced by Y"): cthb:renamedTo
    # or cthb:succeededBy.
    relation: str = "renamed"


@dataclass(frozen=True, order=True)
class Activity:
    """Something the report says a body did: one event, read from one or more sentences."""

    excerpt: Excerpt  # the evidence sentence
    type: str  # a concept of the activity-type scheme: training, workshop, conference, ...
    agents: tuple[BodyMention, ...]
    partners: tuple[BodyMention, ...] = ()
    date: str = ""  # ISO 8601 (2005-11-08/2005-11-10, 2004, 2004-03) or ""
    place: str = ""
    country: str = ""
    provision: str = ""  # notation of the provision the report places it under, or ""
    # The content lemmas of its sentence, for linking it by content when no provision is stated.
    lemmas: tuple[str, ...] = field(default=(), compare=False, repr=False)
    # An activity is an event: the sentences after the first that describe the same event.
    follow_ups: tuple[Excerpt, ...] = ()
    confidence: float = 1.0  # 0-1, how far the rule that found it is to be trusted

    @property
    def evidence(self) -> tuple[Excerpt, ...]:
        """Every sentence that describes the event, the first one first."""
        return (self.excerpt, *self.follow_ups)


@dataclass(frozen=True)
class Extraction:
    """Everything read from one report."""

    report: Report
    bodies: tuple[BodyMention, ...] = ()
    decisions: tuple[DecisionRef, ...] = ()
    provisions: tuple[Provision, ...] = ()
    activities: tuple[Activity, ...] = ()
    renames: tuple[Rename, ...] = ()
    links: tuple[Link, ...] = ()  # judged activity -> provision links (cthbgraph.linking)


@dataclass(frozen=True, order=True)
class Link:
    """One judged link of an activity to a provision: what the report states ("cited": it names the
    provision; "placed": it stands under it) or what its content suggests ("inferred")."""

    activity: Excerpt  # the activity's evidence sentence (its IRI is made from it)
    provision: str  # notation
    basis: str  # "cited", "placed" or "inferred"
    score: float  # 1.0 for a stated link
    method: str = ""
    rank: int = 1  # 1: the provision chosen for the activity; 2: the second kept
