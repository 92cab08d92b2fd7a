"""Activities: sentences that report what a body did, with who did it, with whom, when and where.

A sentence reports an activity when a verb that is not governed by a modal ("will", "should") and is
not a verb of being or needing has a body mention in its subject ("the ODIHR organized ..."), in its
"by" agent ("... training supported by the Centre in Tashkent"), or in the subject of the verb it is
co-ordinated with. Bodies governed by "with" ("in partnership with the ODIHR") are partners.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from spacy.tokens import Span, Token

from .openings import hung_on_the_opening
from .partner_roles import listed_along, plays_a_part
from .receiving import RECEIVING as RECEIVING  # re-exported: events.py and event_filter.py read it here
from .receiving import receives
from .relatives import participle_on_the_object, relative_clause_verb

PATTERNS = Path(__file__).parent / "patterns"

# Verbs that describe a state, an obligation or a report about text, not something a body did.
_NOT_ACTIONS = {
    "be", "have", "need", "remain", "seem", "appear", "consist", "comprise", "include", "require", "lack",
    "mention", "task", "request", "mandate", "say", "note", "state", "know", "call", "name", "refer",
    "reflect", "contain", "cover", "describe", "face", "recognize", "recognise", "become", "tend", "base",
    "relate", "want", "wish", "hope", "expect", "believe", "consider", "think", "aim", "plan", "intend",
    "view", "play", "represent", "emerge", "mark", "allow", "enable", "demand", "depend", "result", "imply",
    "range", "find", "illustrate", "assume", "seek", "strive", "attach", "determine", "serve", "close", "expire", "permit",
}
_FUTURE_OR_DUTY = {"will", "shall", "should", "must", "would", "could", "may", "might", "can", "ought"}
_PARTNER_WORDS = {"with"}
_SETTINGS = {"at", "during", "under", "on"}  # prepositions of the event a doer took part in
# Verbs whose "by" agent pays for the act rather than does it: funders are partners.
_FUNDING = {"fund", "finance", "sponsor", "co-fund", "cofund"}
@dataclass(frozen=True)
class ActivityCandidate:
    sentence: Span
    verbs: tuple[Token, ...]
    agents: tuple[Span, ...]
    partners: tuple[Span, ...]
    # Doers of a reduced relative clause ("the network led by X"): the doers only if no other is found.
    secondary: tuple[Span, ...] = ()


# Words that make a sentence a plan, an aim or a duty rather than something done.
_PLAN = re.compile(
    r"\b(?:will|shall|should|must|plans?\s+to|planned|planning\s+to|aims?\s+to|intends?\s+to|(?:is|are)\s+to\s+be"
    r"|scheduled|is\s+expected|are\s+expected|hoped|would)\b",
    re.IGNORECASE,
)
_NEGATION = re.compile(r"\b(?:not|no|neither|nor|never|none)\b", re.IGNORECASE)
# Heads of anaphoric subjects ("the Mission", "the Office", "it") whose referent a sentence leaves to its context.
_ANAPHORS = {
    "mission", "office", "centre", "center", "presence", "co-ordinator", "coordinator", "unit", "section", "it", "they",
    "he", "she", "sr", "osr", "department", "secretariat", "programme", "former", "latter",
}
# Subjects that name what was done ("Training sessions were organized", "This event was followed").
EVENT_NOUNS = {
    "training", "session", "event", "workshop", "seminar", "campaign", "meeting", "roundtable", "round-table",
    "conference", "project", "study", "assessment", "evaluation", "course", "lecture", "activity", "support",
    "visit", "programme", "initiative", "effort", "play", "analysis", "research", "survey", "publication",
    "handbook", "guide", "manual", "report", "exercise", "discussion", "consultation", "assistance", "work",
    "capacity", "series", "mission", "forum", "debate", "dialogue", "exchange", "network", "cooperation",
    "co-operation", "partnership", "collaboration", "advocacy", "awareness", "scholarship", "simulation", "exhibition",
}


def find_activities(sentence: Span, bodies: list[Span]) -> ActivityCandidate | None:
    """The activity a sentence reports, or None."""
    if not bodies:
        return None
    agents: list[Span] = []
    partners: list[Span] = []
    secondary: list[Span] = []
    verbs: list[Token] = []
    for body in bodies:
        if governed_by_with(body) or funder(body) or plays_a_part(body):
            partners.append(body)
            continue
        verb = action_verb_for(body) or relative_clause_verb(body)
        if verb is not None and (receives(verb) or _background_clause(sentence, verb)):
            continue
        if verb is not None and _in_a_clause_about_something_else(sentence, verb):
            secondary.append(body)
        elif verb is not None:
            agents.append(body)
            verbs.append(verb)
    if not agents and not secondary:
        return None
    return ActivityCandidate(sentence, tuple(verbs), tuple(agents), (*partners, *listed_along(bodies, partners, agents)), tuple(secondary))


def _in_a_clause_about_something_else(sentence: Span, verb: Token) -> bool:
    """ "The Mission provided support to the network led by the Permanent Secretariat": the doer of a
    reduced relative clause on the object is not the doer of the sentence. Inside the subject
    ("Training supported by the Centre was held") it is."""
    if verb.dep_ not in ("acl", "relcl") and not participle_on_the_object(verb):
        return False
    main = main_verb(sentence)
    if main is None or main == verb:
        return False
    subjects = [c for c in main.children if c.dep_ in ("nsubj", "nsubjpass")]
    return bool(subjects) and not any(s.left_edge.i <= verb.i <= s.right_edge.i for s in subjects)


_BACKGROUND_MARKS = {"as", "while", "because", "since", "although", "though", "whereas", "if", "unless"}


def _background_clause(sentence: Span, verb: Token) -> bool:
    """ "As the ODIHR and field missions engage in more initiatives, another opportunity emerges": the
    act sets the scene of a main clause that states something, and the sentence reports no act."""
    if verb.dep_ != "advcl" or not any(c.dep_ == "mark" and c.lower_ in _BACKGROUND_MARKS for c in verb.children):
        return False
    main = main_verb(sentence)
    return main is not None and main is not verb and main.lemma_.lower() in _NOT_ACTIONS and not _has_action_complement(main)


def funder(body: Span) -> bool:
    """ "a project, funded by the Government of Switzerland", "an EU funded programme": who pays."""
    node = head_token(body)
    by = node.head
    if node.dep_ in ("npadvmod", "compound") and by.lemma_.lower() in _FUNDING:
        return True  # "within an EU funded programme": the funder named before the participle
    return node.dep_ == "pobj" and by.lower_ == "by" and by.head.lemma_.lower() in _FUNDING


def governed_by_with(body: Span) -> bool:
    for ancestor in body.root.ancestors:
        if ancestor.pos_ in ("VERB", "AUX") and ancestor.dep_ != "pcomp":
            return False
        if ancestor.lower_ in _PARTNER_WORDS and ancestor.dep_ in ("prep", "pcomp"):
            return True
    return False


def action_verb_for(body: Span) -> Token | None:
    """The verb of which ``body`` is the doer, if that verb reports a past or ongoing action."""
    # The tokeniser cuts "Co-ordinator" at its hyphen, and the parse may then hang the parts of one
    # name on different heads ("the Project Co-" under "For example", "-ordinator" the subject of
    # "organized"): any part governed from outside the name may carry its role.
    first = _action_verb_from(body, head_token(body))
    if first is not None:
        return first
    for token in body:
        if token is not head_token(body) and not (body.start <= token.head.i < body.end) and token.dep_ in ("nsubj", "nsubjpass", "agent", "pobj"):
            verb = _action_verb_from(body, token)
            if verb is not None:
                return verb
    return None


def _action_verb_from(body: Span, node: Token) -> Token | None:
    # The name's first token governed from outside it: a broken parse of "Co-ordinator in Ukraine"
    # may make "in" the span's root, which hides the "by" that governs the name.
    path = [node]
    for ancestor in node.ancestors:
        path.append(ancestor)
        if ancestor.pos_ in ("VERB", "AUX"):
            break
    else:
        return None
    verb = path[-1]
    arrival = path[-2].dep_ if len(path) > 1 else ""
    by_phrase = len(path) > 2 and path[-2].lower_ == "by"
    # The subject, or the doer in a "by" phrase of a passive.
    hung = hung_on_the_opening(path)  # "On 11 March the Mission, together with ..., held": a broken parse
    direct = hung or arrival in ("nsubj", "csubj", "agent") or (by_phrase and (arrival == "pobj" or path[-2].dep_ in ("agent", "prep")))
    if direct and not hung and any(t.dep_ == "prep" and t.lower_ in _SETTINGS for t in path[1:-1]):
        return None  # "by the SPMU at the UNODC workshop": the organiser of the setting, not a doer
    if not direct and len(path) > 3 and path[0].dep_ == "pobj" and path[1].lower_ == "by" and passive(verb):
        # "was launched today at the border crossing point by the OSCE Mission": the parse hung the
        # "by" phrase of a passive on the noun before it; no verb stands between.
        direct = all(t.pos_ in ("NOUN", "PROPN", "ADP", "DET", "ADJ", "NUM") for t in path[2:-1])
    if not direct:
        # Through a conjunct or an apposition of the subject ("the ODIHR and the Mission to Moldova").
        between = path[1:-1]
        if not any(t.dep_ in ("nsubj", "nsubjpass") for t in between) or any(t.dep_ in ("pobj", "dobj") for t in between):
            return None
        if any(t.dep_ == "nsubjpass" for t in between):
            return None
    return verb if _reports_action(verb) else None


def passive(verb: Token) -> bool:
    return verb.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in verb.children)


def _reports_action(verb: Token) -> bool:
    if verb.lemma_.lower() in _NOT_ACTIONS and not _has_action_complement(verb):
        return False
    # A modal governs the verb through its complement or conjunct ("will continue to serve"), not
    # through a clause the verb merely sits in ("how victims can obtain compensation, at a round
    # table organized by X").
    chain = [verb]
    node = verb
    while node.dep_ in ("xcomp", "conj") and node.head is not node and len(chain) < 3:
        node = node.head
        if node.pos_ in ("VERB", "AUX"):
            chain.append(node)
    for v in chain:
        if any(child.lower_ in _FUTURE_OR_DUTY and child.tag_ == "MD" for child in v.children):
            return False
    if verb.tag_ in ("VBD", "VBN", "VBZ", "VBP", "VBG"):
        return True
    return verb.tag_ == "VB" and _has_action_complement(verb.head)


def _has_action_complement(verb: Token) -> bool:
    """ "continues to fine-tune", "has been providing", "was able to compile": the action is in the complement."""
    # "was able to V" says it was done (the past only: "is able to" is a capacity).
    able = [a for a in verb.children if a.dep_ == "acomp" and a.lower_ == "able"] if verb.tag_ == "VBD" else []
    return any(child.dep_ == "xcomp" and child.lemma_.lower() not in _NOT_ACTIONS for h in (verb, *able) for child in h.children)


def is_event(token: Token) -> bool:
    lemma = token.lemma_.lower()
    if lemma == "table" and token.i > 0 and token.doc[token.i - 1].lower_ == "round":
        return True  # "round tables" written in two words
    return lemma in EVENT_NOUNS or lemma.rstrip("s") in EVENT_NOUNS


def head_token(span: Span) -> Token:
    """The first token of a span whose head lies outside it (see ``provisions.head_token``)."""
    for token in span:
        if not (span.start <= token.head.i < span.end) or token.head is token:
            return token
    return span.root


def is_plan_or_duty(sentence: Span) -> bool:
    """ "will organize", "plans to", "is to be launched", "has not been engaged": nothing done (yet)."""
    verb = main_verb(sentence)
    if verb is None:
        return True
    # A conjunct without a subject of its own shares the main verb's modal ("will continue to serve
    # ... and to monitor ..."); one with its own subject is a clause of its own ("..., and the Mission has").
    conjuncts = [c for c in verb.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")]
    if any(ch.tag_ == "MD" for ch in verb.children):
        conjuncts = [c for c in conjuncts if any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)]
    for v in [verb, *conjuncts]:
        if not any(ch.tag_ == "MD" or ch.dep_ == "neg" for ch in v.children):
            text = sentence.doc.text[sentence.start_char : v.idx + len(v.text)]
            if not _PLAN.search(text[-40:]):
                return False
    return True


def main_verb(sentence: Span) -> Token | None:
    root = sentence.root
    if root.pos_ in ("VERB", "AUX"):
        return root
    verb = next((t for t in sentence if t.pos_ == "VERB" and t.tag_ != "VBG"), None)
    if verb is None:
        # "the Mission, in co-operation with ..., organized training": the small model may tag the
        # verb of a long sentence as an adjective; a past form after the subject is the verb.
        verb = next((t for t in sentence if t.i > root.i and t.tag_ == "JJ" and t.lower_.endswith("ed") and t.dep_ == "amod"), None)
    return verb


def reports_action(sentence: Span) -> bool:
    """A finite action verb that is not a plan, a duty or a negation: something was or is done."""
    verb = main_verb(sentence)
    if verb is None or is_plan_or_duty(sentence):
        return False
    if verb.lemma_.lower() in _NOT_ACTIONS and not _has_action_complement(verb) and not any(
        c.dep_ in ("dobj", "attr") and c.lemma_.lower() in EVENT_NOUNS for c in verb.children
    ):
        # "Capacity building activities represented a significant part" is a statement, not an act;
        # "the Mission carried out activities" and "X has been involved in" are acts.
        if verb.lemma_.lower() != "be":
            return False
        # "X has been involved in ...", "Another example is the ODIHR Human Dimension training",
        # "The Mission was the first to develop ...": the act is in the complement.
        for c in verb.children:
            if c.dep_ == "acomp" and c.lemma_.lower() in ("involved", "engaged", "active", "instrumental"):
                return True
            if c.dep_ == "attr" and (
                is_event(c) or any(g.dep_ in ("acl", "relcl", "xcomp") and g.pos_ == "VERB" for g in c.children)
            ):
                return True
        return False
    return verb.tag_ in ("VBD", "VBN", "VBZ", "VBP") or verb.tag_ == "JJ" or any(c.dep_ in ("aux", "auxpass") for c in verb.children)


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
            if node.dep_ in ("nsubj", "nsubjpass", "csubj") or by_main_verb:
                found.append(body)
                break
            if node.pos_ in ("VERB", "AUX") and node is not token:
                break
    return found


def _in_complement(verb: Token, bodies: list[Span], partners: list[Span]) -> list[Span]:
    """ "Another example is the work of the Spillover Monitor Mission to Skopje, which ...",
    "The first was the ODIHR Civil Society Meeting": the doer named inside the complement."""
    found: list[Span] = []
    for attr in (c for c in verb.children if c.dep_ == "attr"):
        found = [b for b in bodies if b not in partners and attr.left_edge.i <= b.start and b.end <= attr.right_edge.i + 1]
        # Conjuncts of the first only, not one in a clause on it ("which created a Victim Advocacy and Support Section")
        found = found[:1] + [b for b in found[1:] if any(found[0].start <= t.i < found[0].end for t in head_token(b).conjuncts)]
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


def anaphoric_subject(sentence: Span) -> str | None:
    """What the subject leaves to the context, or None when it names its doer or is no subject.

    Returns the anaphoric noun ("mission" for "the Mission", "sr" for "The SR") or "" for a pronoun
    ("it"), a passive without "by" ("Training sessions were organized") or a subject that names
    what was done ("Capacity building activities continued").
    """
    verb = main_verb(sentence)
    if verb is None:
        return None
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subjects and verb.tag_ == "JJ" and sentence.root.pos_ in ("NOUN", "PROPN"):
        subjects = [sentence.root]  # the parse that lost the verb kept its subject as the root
    if not subjects:
        return None
    # The subject nearest the verb: a heading the parse joined to the sentence ("Recent work In 2017 the
    # Department published ...") may hang on the verb as a second subject.
    subject = min(subjects, key=lambda s: abs(verb.i - s.i))
    head = subject.lemma_.lower()
    if head in _ANAPHORS and subject.tag_ != "PRP" and any(c.lower_ in ("the", "this", "its", "her", "his", "their") for c in subject.children):
        return head
    if subject.tag_ == "PRP" and head in _ANAPHORS:
        return ""
    if subject.dep_ == "nsubjpass" and not any(c.dep_ == "agent" for c in verb.children):
        return ""
    if head in EVENT_NOUNS or head.rstrip("s") in EVENT_NOUNS:
        return ""
    return None
