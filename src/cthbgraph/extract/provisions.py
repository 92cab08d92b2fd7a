"""Numbered Action Plan provisions quoted in a report, and the bodies each one tasks.

A provision is a paragraph that opens with a three-level number ("III.10.2 The Strategic Police
Matters Unit and the OCEEA will facilitate ..."); its section is the number without the last part.
Who is tasked is read from the grammar of the provision: the subject of a verb with a modal ("will",
"should", "is requested to") or the object of an opening gerund ("Tasking the ODIHR with ...").
Bodies governed by "with" ("in co-operation with UNICEF", "work together with UNODC") are partners;
bodies in a clause that tasks no one ("international partners such as IOM provide ...") are neither.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Span, Token

PROVISION_LINE = re.compile(
    r"^[ ]*(?P<notation>[IVX]{1,4}\.[ ]?\d{1,2}\.[ ]?\d{1,2})\.?[ ]+(?P<text>\S[^\n]*)", re.MULTILINE
)
# "III.10. LAW ENFORCEMENT RESPONSE", "III. 2. PREVENTION OF ...", "IV. NEXT STEPS ..."
SECTION_HEADING = re.compile(
    r"^[ ]*(?P<notation>[IVX]{1,4}\.(?:[ ]?\d{1,2}\.?)?)[ ]+(?P<title>[A-Z][A-Z ,;:'’&/()-]{3,})[ ]*$",
    re.MULTILINE,
)
# "provision III 11.1 of the OSCE Action Plan", "Action Plan provision III.10.2"
PROVISION_REFERENCE = re.compile(r"\b(?P<chapter>[IVX]{1,4})[ .]{1,2}(?P<section>\d{1,2})\.(?P<item>\d{1,2})\b")

_MODALS = {"will", "shall", "should", "must", "can", "may", "would"}
_TASKING_VERBS = {"request", "task", "encourage", "invite", "call", "instruct", "mandate"}
_PARTNER_PREPOSITIONS = {"with"}
_BACKGROUND_MARKERS = {"such as", "like", "including"}


@dataclass(frozen=True)
class ProvisionMatch:
    start: int
    end: int
    notation: str
    text: str


@dataclass(frozen=True)
class SectionHeading:
    start: int
    end: int
    notation: str
    title: str


def normalise_notation(raw: str) -> str:
    return re.sub(r"\s+", "", raw).rstrip(".")


# "7.2 The OCEEA will ...": a provision printed without its chapter, read as part of the section
# of the provision before it (IV.7.1 -> IV.7.2).
SHORT_PROVISION_LINE = re.compile(r"^[ ]*(?P<notation>\d{1,2}\.[ ]?\d{1,2})\.?[ ]+(?P<text>[A-Z][^\n]*)", re.MULTILINE)


def find_provisions(text: str) -> list[ProvisionMatch]:
    found = []
    for m in PROVISION_LINE.finditer(text):
        body = m.group("text").rstrip()
        end = m.start("text") + len(body)
        found.append(ProvisionMatch(m.start("notation"), end, normalise_notation(m.group("notation")), body))
    for m in SHORT_PROVISION_LINE.finditer(text):
        before = [p for p in found if p.end <= m.start()]
        if not before:
            continue
        chapter, section, _ = before[-1].notation.split(".")
        short = normalise_notation(m.group("notation"))
        if short.split(".")[0] != section or m.start() - before[-1].end > 3000:
            continue
        notation = f"{chapter}.{short}"
        if any(p.notation == notation for p in found):
            continue
        body = m.group("text").rstrip()
        found.append(ProvisionMatch(m.start("notation"), m.start("text") + len(body), notation, body))
    return sorted(found, key=lambda p: p.start)


def find_section_headings(text: str) -> list[SectionHeading]:
    return [
        SectionHeading(m.start(), m.end(), normalise_notation(m.group("notation")), m.group("title").strip())
        for m in SECTION_HEADING.finditer(text)
    ]


def classify_bodies(provision: Span, bodies: list[Span]) -> tuple[list[Span], list[Span]]:
    """Split the body mentions inside a provision into (tasked, partners)."""
    tasked: list[Span] = []
    partners: list[Span] = []
    for body in bodies:
        role = _role(body, provision)
        if role == "tasked":
            tasked.append(body)
        elif role == "partner":
            partners.append(body)
    return tasked, partners


def head_token(span: Span) -> Token:
    """The first token of a span whose head lies outside it: where the span hangs in the sentence.

    ``span.root`` is wrong for a name the parser split into two phrases ("the United Nations Office
    on Drugs and Crime Global Programme against Money Laundering").
    """
    for token in span:
        if not (span.start <= token.head.i < span.end) or token.head is token:
            return token
    return span.root


def _role(body: Span, provision: Span) -> str:
    sentence = body.sent
    root = head_token(body)
    ancestors = list(root.ancestors)
    first = _first_word(sentence, provision)
    opens_with_gerund = first is not None and first.tag_ == "VBG" and first.lemma_.lower() not in {"while"}
    with_token = next((t for t in ancestors if t.lower_ in _PARTNER_PREPOSITIONS and t.dep_ in ("prep", "agent", "pcomp")), None)
    if with_token is not None:
        # "Tasking the SPMU, together with the ODIHR, with ...": a co-tasked body, as the report reads it.
        together = with_token.i > 0 and sentence.doc[with_token.i - 1].lower_ == "together"
        if opens_with_gerund and together:
            return "tasked"
        return "partner"
    if _behind_background_marker(body):
        return "none"
    if opens_with_gerund:
        return "tasked"  # "Tasking the ODIHR with ...", "Enhancing the activities of the OSCE ..."
    verb = _governing_verb(root)
    if verb is not None and _is_subject_path(root, verb) and _is_tasking(verb):
        return "tasked"
    if verb is None or verb == sentence.root:
        # The parser did not find the structure: fall back on word order around the modal.
        modal = next((t for t in sentence if t.lower_ in _MODALS and t.tag_ == "MD"), None)
        if modal is not None and body.end <= modal.i and not _subordinate(sentence, body):
            return "tasked"
    return "none"


def _first_word(sentence: Span, provision: Span) -> Token | None:
    for token in sentence:
        if token.idx < provision.start_char:
            continue
        if token.is_alpha:
            return token
    return None


def _governing_verb(token: Token) -> Token | None:
    for ancestor in token.ancestors:
        if ancestor.pos_ in ("VERB", "AUX"):
            return ancestor
    return None


def _is_subject_path(token: Token, verb: Token) -> bool:
    node = token
    while node.head is not node and node.head != verb:
        node = node.head
    return node.dep_ in ("nsubj", "nsubjpass", "csubj")


def _is_tasking(verb: Token) -> bool:
    if any(child.tag_ == "MD" for child in verb.children):
        return True
    if verb.lemma_.lower() in _TASKING_VERBS:
        return True
    # "will continue to develop": the modal sits on the verb that governs this one.
    head = verb.head
    return verb.dep_ in ("xcomp", "conj") and head is not verb and any(c.tag_ == "MD" for c in head.children)


def _behind_background_marker(body: Span) -> bool:
    before = body.doc.text[max(body.sent.start_char, body.start_char - 60) : body.start_char].lower()
    return any(re.search(rf"\b{marker}\b[^.;:]*$", before) for marker in _BACKGROUND_MARKERS)


def _subordinate(sentence: Span, body: Span) -> bool:
    opening = sentence.doc.text[sentence.start_char : body.start_char].lower()
    return bool(re.search(r"\b(?:while|although|whereas|if)\b", opening))
