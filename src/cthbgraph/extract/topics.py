"""Bodies a sentence names without their acting: the topic or source of a text, and the attributive "OSCE".

"A draft of the narrative on OSCE bodies was sent to all respondents", "this data was complemented by an
analysis of … reports from the OSCE, Council of Europe …": the bodies are what a text is about or where it
comes from, not who sent or analysed it. "Representatives of 20 NGOs from 17 OSCE participating States at
the consultation meeting", "Participants during the OSCE-supported course": the Organization's name
qualifies the States or says who backed the course; it names no doer (`tests/written6/README.md`: the
attributive "OSCE" is no mention). The doer of such a sentence is left to its context.
"""

from __future__ import annotations

from spacy.tokens import Span

from . import activities as act

_TOPIC = {"on", "about", "regarding", "concerning"}
# Nouns of texts and data: "reports from the OSCE" names a source, "experts from the OSCE" a doer.
_TEXTS = {"report", "document", "data", "information", "statistic", "publication", "submission", "source", "material", "text", "record"}


def names_a_topic(span: Span) -> bool:
    """Whether ``span`` hangs, below its clause's verb, on a topic preposition ("the narrative on OSCE
    bodies") or on a "from" after a noun of texts ("official reports from the OSCE")."""
    for node in act.head_token(span).ancestors:
        if node.pos_ in ("VERB", "AUX"):
            return False
        if node.dep_ != "prep" or node.head.pos_ not in ("NOUN", "PROPN"):
            continue
        if node.lower_ in _TOPIC:
            return True
        if node.lower_ == "from" and node.head.lemma_.lower() in _TEXTS:
            return True
    return False


def attributive_osce(span: Span) -> bool:
    """Whether ``span`` is the bare "OSCE" qualifying another noun ("17 OSCE participating States", "the
    OSCE-supported course", "the OSCE region"), not an event of its own ("an OSCE workshop" is one)."""
    if span.id_ != "osce" or span.end >= len(span.doc):
        return False
    after = span.doc[span.end]
    if after.text in ("-", "–") and span.end + 1 < len(span.doc):
        return span.doc[span.end + 1].tag_ in ("VBN", "VBD")  # "OSCE-supported", "OSCE-led"
    head = act.head_token(span)
    if head.dep_ not in ("compound", "amod", "nmod") or head.head.i < span.end:
        return False
    return head.head.lemma_.lower() not in act.EVENT_NOUNS


def not_doing(span: Span) -> bool:
    """A body named as a topic, a source or an attribute: no doer of its sentence."""
    return names_a_topic(span) or attributive_osce(span)
