"""Doers named in a sentence's subject, complement or "by" phrase when the grammar is not the simple
"<body> <verb>" one (:mod:`cthbgraph.extract.activities` reads that): "the work of the Mission in
Kosovo", "ODIHR's efforts", "Consultations held between the SR and ...", "UNICEF, UNOHCHR and ODIHR
commissioned" (a subject the parser lost), and a subject that counts bodies named before ("the two
organizations call for ...").
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from .activities import _ANAPHORS, _FUTURE_OR_DUTY, _is_event, head_token, main_verb, receives


def subject_agents(sentence: Span, bodies: list[Span], partners: list[Span]) -> list[Span]:
    """Bodies inside a subject ("the work of the Mission in Kosovo", "the SPMU project"), in a "by"
    phrase, or possessors ("ODIHR's efforts"): the doers when the grammar is not the simple one."""
    verb = main_verb(sentence)
    if verb is not None and receives(verb):
        return []  # "Eighteen investigators of the Police Service completed a course": trainees, not doers
    found = _in_subject(sentence, bodies, partners)
    if not found and verb is not None and verb.lemma_.lower() == "be":
        found = _in_complement(verb, bodies, partners)
    if not found and verb is not None and not any(c.dep_ in ("nsubj", "nsubjpass", "csubj") for c in verb.children):
        found = _before_verb(sentence, verb, bodies, partners)
    return found


def _in_subject(sentence: Span, bodies: list[Span], partners: list[Span]) -> list[Span]:
    """Bodies whose chain of heads reaches a subject or the "by" phrase of the main verb."""
    found = []
    for body in bodies:
        if body in partners:
            continue
        token = head_token(body)
        chain = [token, *token.ancestors]
        for node in chain:
            by_main_verb = node.dep_ == "pobj" and node.head.lower_ == "by" and node.head.head == main_verb(sentence)
            if node.dep_ in ("nsubj", "nsubjpass", "csubj") or by_main_verb or _holds_subject_event(token):
                found.append(body)
                break
            if node.pos_ in ("VERB", "AUX") and node is not token:
                break
    return found


def _holds_subject_event(token: Token) -> bool:
    """ "Consultations held between the SR and the Council of Europe indicated ...", "Training conducted
    by the Mission showed ...": the first body of a participle's "by" or "between" phrase holds the event
    that the subject names (the others, its conjuncts, are partners)."""
    prep = token.head
    if token.dep_ != "pobj" or prep.lower_ not in ("by", "between"):
        return False
    participle = prep.head
    return (
        participle.dep_ == "acl" and participle.tag_ == "VBN"
        and participle.head.dep_ in ("nsubj", "nsubjpass") and _is_event(participle.head)
    )


def _in_complement(verb: Token, bodies: list[Span], partners: list[Span]) -> list[Span]:
    """ "Another example is the work of the Spillover Monitor Mission to Skopje, which ...",
    "The first was the ODIHR Civil Society Meeting": the doer named inside the complement."""
    found: list[Span] = []
    for attr in (c for c in verb.children if c.dep_ == "attr"):
        found = [b for b in bodies if b not in partners and attr.left_edge.i <= b.start and b.end <= attr.right_edge.i + 1]
        found = found[:1] + [b for b in found[1:] if head_token(b).dep_ == "conj"]
        if found:
            break
    return found


def _before_verb(sentence: Span, verb: Token, bodies: list[Span], partners: list[Span]) -> list[Span]:
    """The parser lost the subject ("the ODIHR advocates" read as a compound noun; "UNICEF, UNOHCHR
    and ODIHR commissioned" attached to the phrase before): the bodies that stand right before the
    verb with no other verb between, and their conjuncts."""
    end = _before_parenthesis(sentence, verb.i)
    found = []
    for body in bodies:
        if body in partners or body.end > end or end - body.end > 3:
            continue
        between = sentence.doc[body.end : end]
        if not any(t.pos_ in ("VERB", "AUX") for t in between):
            found.append(body)
    if found:
        first = found[0]
        found = [b for b in bodies if b not in partners and first.start <= b.start and b.end <= end]
        # "the ODIHR, as well as field operations (...) provided": the conjuncts of the doer.
        heads = {head_token(b).i for b in found}
        found += [b for b in bodies if b not in found and b not in partners and head_token(b).dep_ == "conj" and head_token(b).head.i in heads]
    return found


def _before_parenthesis(sentence: Span, i: int) -> int:
    """The index before which the subject ends: "(in relevant cases ...)" right before the verb is skipped."""
    doc = sentence.doc
    j = i
    while j > sentence.start and (doc[j - 1].is_space or doc[j - 1].text in (",",)):
        j -= 1
    if j > sentence.start and doc[j - 1].text == ")":
        depth = 0
        for k in range(j - 1, sentence.start - 1, -1):
            depth += {")": 1, "(": -1}.get(doc[k].text, 0)
            if depth == 0:
                j = k
                break
        while j > sentence.start and (doc[j - 1].is_space or doc[j - 1].text == ","):
            j -= 1
    return j


_COUNTS = {"two": 2, "both": 2, "three": 3}
_BODY_NOUNS = {"organization", "organisation", "institution", "body", "agency"}


def counted_bodies(sentence: Span, earlier: list[Span]) -> tuple[Span, ...]:
    """ "In this regard, the two organizations call for ...": the subject counts bodies named before; they
    are the last ones named (``earlier``: the body mentions before the sentence), as many as it counts."""
    verb = main_verb(sentence)
    subjects = [c for c in verb.children if c.dep_ == "nsubj"] if verb is not None else []
    for subject in subjects:
        count = next((_COUNTS[c.lower_] for c in subject.children if c.lower_ in _COUNTS), 0)
        if not count or subject.lemma_.lower() not in _BODY_NOUNS:
            continue
        found: dict[str, Span] = {}
        for body in reversed(earlier[-12:]):
            found.setdefault(body.id_, body)
            if len(found) == count:
                return tuple(reversed(found.values()))
    return ()


_ORDINAL = re.compile(r"^(?:\d+(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|annual)$", re.IGNORECASE)


def names_series(body: Span) -> bool:
    """ "the 17th Alliance against Trafficking in Persons conference", "the annual conference of the
    Alliance": a numbered or annual event that bears a body's name is one of a series; the name is the
    series', not the doer's (the body that convenes it is named elsewhere, or is the context's)."""
    doc = body.doc
    before = next((t for t in reversed(doc[max(0, body.start - 3) : body.start]) if not t.is_space and t.lower_ != "the"), None)
    after = next((t for t in doc[body.end : body.end + 3] if not t.is_space), None)
    if before is not None and after is not None and _ORDINAL.match(before.text) and _is_event(after):
        return True
    head = head_token(body)
    event = head.head.head if head.dep_ == "pobj" and head.head.lower_ == "of" else None
    return event is not None and _is_event(event) and any(_ORDINAL.match(c.text) for c in event.children if c.dep_ in ("amod", "nummod"))


def relative_anaphor(sentence: Span) -> str:
    """ "a project that the Project Co-ordinator has been carrying out", "expert meetings the Office held",
    "a project in which the Mission supports ...": the anaphoric subject ("co-ordinator", "office") of a
    relative clause on an event noun, whose doer it names; "" if none."""
    for verb in sentence:
        if verb.dep_ != "relcl" or verb.pos_ not in ("VERB", "AUX") or not _is_event(verb.head):
            continue
        if any(c.tag_ == "MD" and c.lower_ in _FUTURE_OR_DUTY for c in verb.children):
            continue  # "a project the Mission will run": a plan
        for subject in (c for c in verb.children if c.dep_ == "nsubj"):
            word = _hyphenated(subject)
            if word in _ANAPHORS and any(c.lower_ in ("the", "its") for c in subject.children):
                return word
    return ""


def _hyphenated(token: Token) -> str:
    """The lowercased word a token ends, with the parts the tokenizer split off at hyphens ("Co-ordinator"
    is "Co", "-", "ordinator"), else the token's lemma."""
    doc, i = token.doc, token.i
    while i >= 2 and doc[i - 1].text == "-" and not doc[i - 1].whitespace_ and not doc[i - 2].whitespace_:
        i -= 2
    return doc[i : token.i + 1].text.lower() if i < token.i else token.lemma_.lower()
