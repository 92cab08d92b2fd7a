"""A doer the parse hung on the phrase that opens its sentence.

"On 11 March the Mission, together with the Office ..., held a conference", "Through its project on ...,
the Unit, jointly with the IOM, published a guide", "From 21 to 23 April the Unit, in co-operation with
..., conducted a course": with a date or an adjunct before the doer and a "with" phrase between the doer
and its verb, the small model makes the doer an apposition of the date or the object of the opening
preposition, and leaves the verb with no subject. Seen on the dev halves of ``tests/written3`` and
``tests/written7``; the grammar, not any name, decides.
"""

from __future__ import annotations

from spacy.tokens import Token

_SUBJECTS = ("nsubj", "nsubjpass", "csubj", "csubjpass", "expl")


def hung_on_the_opening(path: list[Token]) -> bool:
    """Whether ``path`` (a body's head token, its ancestors, and last the verb above them) runs from the body
    through the prepositional phrase that opens the sentence to a past-tense verb with no subject of its own.
    The body then stands before that verb, where its subject would: it is the verb's doer."""
    if len(path) < 3:
        return False
    node, opening, verb = path[0], path[-2], path[-1]
    if opening.dep_ != "prep" or not node.i < verb.i:
        return False
    if not (node.dep_ == "appos" or (node.dep_ in ("pobj", "nmod") and len(path) == 3)):
        return False  # "At the request of the Ministry, ...": a body deeper in the phrase is no doer
    if verb.tag_ != "VBD" or any(c.dep_ in _SUBJECTS for c in verb.children):
        return False
    before = verb.doc[verb.sent.start : opening.left_edge.i]
    return all(t.is_space or t.is_punct for t in before)  # the phrase opens the sentence
