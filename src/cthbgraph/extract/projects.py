"""A press release's "The course is part of a project ...": the project is an event of its own.

"The course is part of a project that the Project Co-ordinator has been carrying out since 2004",
"The workshop is part of a two-year project, funded by Switzerland, in which the Mission supports
...", "The course is part of a PCUz project": the sentence tells the longer work that the event
belongs to, and names who carries it out. Its doer is the OSCE body the sentence names (not the
funder), or the body a short name in it stands for ("the Mission"). A project named without an OSCE
doer ("part of a regional project funded by the European Union") is background to the event.
"""

from __future__ import annotations

import re

from spacy.tokens import Span

from ..records import BodyMention
from . import activities as act
from .short_names import NAME, OWN_HEADS, head_word, resolve

_PART_OF = re.compile(
    r"^\s*(?:The|This)\s+(?P<event>[a-z-]+(?:\s+[a-z-]+)?)\s+(?:is|was|forms|formed)\s+(?:also\s+)?part\s+of\s+(?:a|an|the)\b"
    r"(?P<rest>.*?\bproject\b.*)$",
    re.DOTALL,
)


def part_of_project(sentence: Span) -> bool:
    m = _PART_OF.match(sentence.text)
    return m is not None and m.group("event").split()[-1] in act.EVENT_NOUNS


def project_doers(reader, sentence: Span, bodies: list[Span], author: Span | None, earlier: list[Span]) -> tuple[BodyMention, ...]:
    """The OSCE doers of the project a sentence names the event part of, or ()."""
    m = _PART_OF.match(sentence.text)
    if m is None or not part_of_project(sentence):
        return ()
    own = [b for b in bodies if b.label_ != "ExternalOrganisation" and not act.funder(b) and b.id_ != "osce"]
    if own:
        return tuple({reader.mention(b).key: reader.mention(b) for b in own}.values())
    for name in re.finditer(NAME, m.group("rest")):
        if head_word(name.group()) in OWN_HEADS:
            found = resolve(reader, name.group(), author, earlier)
            if found:
                return found
    return ()
