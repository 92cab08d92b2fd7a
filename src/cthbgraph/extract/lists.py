"""List items that continue their lead-in: "Examples of this co-operation include: - the work carried
out with the Council of Europe on legislative review; - ICMPD projects on training ...".

A report lists work under a lead-in that ends with a colon and names who did it ("The OSCE bodies
co-operate with ... Examples of this co-operation include:", "The Alliance Expert Co-ordination Team
met regularly ... covering issues such as:"). Each item is a line of its own that opens with a bullet,
and an item with no subject and finite verb of its own ("- the recent co-operation with UNODC in ...",
"- Acknowledged the role of ...") says what the lead-in's doer did: its doer is the lead-in's, and the
bodies it names are partners ("ICMPD projects on training": the lead-in's doer worked with ICMPD). An
item with a clause of its own ("- The Mission trained 40 judges.") is read as any sentence. The list
runs on over footnotes that a page break put between its items, and ends at any other paragraph.
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

_BULLETS = ("-", "•", "·", "–", "*", "▪", "◦")
_FOOTNOTE_LINE = re.compile(r"^\s*(?:<sup>)?(?:[⁰¹²³⁴⁵⁶⁷⁸⁹]+|\d{1,3})(?:</sup>)?\s")
_CUT_WORD = re.compile(r"^\s*[-•·–*▪◦]\s+\w+$")
_SUCH_AS = re.compile(r"\b(?:such\s+as|as\s+follows|the\s+following\s+(?:topics|issues|themes|subjects))\s*:$", re.IGNORECASE)
# Verbs whose object is what an event dealt with: the items under them are its topics.
_TOPIC_VERBS = {"cover", "discuss", "address", "focus", "examine", "consider", "tackle", "review", "debate"}
_FINITE = ("VBD", "VBZ", "VBP", "MD")


def starts_item(token: Token, text: str) -> bool:
    """Whether ``token`` is the bullet that opens a list item: a bullet first on its line. ``text``: the doc's text."""
    if token.text not in _BULLETS or token.i == 0:
        return False
    line_start = text.rfind("\n", 0, token.idx) + 1
    return line_start > 0 and not text[line_start : token.idx].strip()


def is_item(sentence: Span) -> bool:
    """A list item: a sentence that opens with a bullet (or a cut "-" left of a hyphenated word) on a line of its own."""
    text = sentence.doc.text
    first = sentence[0]
    line_start = text.rfind("\n", 0, first.idx) + 1
    before = text[line_start : first.idx]
    if (first.text in _BULLETS or before.strip() in _BULLETS) and not before.strip(" -•·–*"):
        return True
    # "- co-operation with ...": the parse may cut the item's first word at its hyphen.
    return bool(_CUT_WORD.match(before))


def is_footnote(sentence: Span, text: str) -> bool:
    """A footnote's text ("⁸ Communication from the Commission ..."), whose number may stand apart from it.
    ``text``: the report's text as written (cleaning blanks out superscript numbers)."""
    line_start = text.rfind("\n", 0, sentence.start_char) + 1
    return bool(_FOOTNOTE_LINE.match(text[line_start : sentence.end_char]))


def leads_in(sentence: Span) -> bool:
    """A sentence that ends with a colon: what follows it lists."""
    return sentence.text.rstrip().endswith(":")


def has_own_clause(sentence: Span) -> bool:
    """Whether the item has a subject with a finite verb of its own ("The Mission trained ..."), not
    only a noun phrase ("the work carried out with ...") or a verb whose subject is the lead-in's."""
    return any(
        token.tag_ in _FINITE
        and token.dep_ not in ("relcl", "acl", "advcl", "ccomp", "xcomp")
        and any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in token.children)
        for token in sentence
    )


def lists_topics(sentence: Span) -> bool:
    """A lead-in whose items are the topics of one event ("four meetings were convened covering a number
    of issues, such as:", "The seminar discussed:"), not works of their own ("Examples include:")."""
    if _SUCH_AS.search(sentence.text.rstrip()):
        return True
    return any(t.pos_ == "VERB" and t.lemma_.lower() in _TOPIC_VERBS for t in sentence)


class LeadIn:
    """The lead-in of the list being read, if any, as the sentences of a report go by: its doers, and
    whether its items are topics of one event. ``topic``: the sentence just seen is such an item."""

    def __init__(self, text: str) -> None:
        self.text = text  # the report's text as written
        self.doers: tuple = ()
        self.topics = False
        self.topic = False

    def see(self, sentence: Span, doers: tuple) -> tuple:
        """Read one sentence with the doers found for it (or the recent ones), and return the doers
        it takes from its lead-in: those of an item without a clause of its own, else ()."""
        item = is_item(sentence)
        self.topic = item and bool(self.doers) and self.topics
        if item:
            return () if has_own_clause(sentence) else self.doers
        if leads_in(sentence):
            self.doers, self.topics = doers, lists_topics(sentence)
        elif not is_footnote(sentence, self.text):
            self.doers, self.topics = (), False
        return ()
