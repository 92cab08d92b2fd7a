"""Decision references resolved to one key per document, on forms quoted from the reports."""

from __future__ import annotations

import pytest

from cthbgraph.extract.decisions import DecisionFinder
from cthbgraph.extract.normalise import clean


@pytest.fixture(scope="module")
def finder():
    return DecisionFinder()


def _found(finder, text):
    cleaned = clean(text)
    return [(m.key, text[m.start : m.end]) for m in finder.find(cleaned)]


@pytest.mark.parametrize(
    "text,key,span",
    [
        ("as set out in MC.DEC/03/06,", "mc-dec-3-06", "MC.DEC/03/06"),
        ("OSCE MC.DEC 13/05 tasks the Mechanism", "mc-dec-13-05", "MC.DEC 13/05"),
        ("the Ministerial Council (MC) Decision No. 13/05, which tasks", "mc-dec-13-05", "Ministerial Council (MC) Decision No. 13/05"),
        ("Ministerial Council \nDecision No. 3 of 2006", "mc-dec-3-06", "Ministerial Council \nDecision No. 3 of 2006"),
        ("OSCE MC.DEC/01/ 2000, OSCE", "mc-dec-1-00", "MC.DEC/01/ 2000"),
        ("28 November 2000 -MC(8).DEC/1", "mc-dec-1-00", "MC(8).DEC/1"),
        ("the Sofia Ministerial Council Decision No. 13, The Special Needs", "mc-dec-13-04", "Sofia Ministerial Council Decision No. 13"),
        ("Ministerial Council Decision No. 1 adopted in Vienna in 2000,", "mc-dec-1-00", "Ministerial Council Decision No. 1"),
        ("OSCE Ministerial Council Decision No. 3, adopted on 21 June 2006.", "mc-dec-3-06", "OSCE Ministerial Council Decision No. 3"),
        ("Decision No. 557/Rev. 1 of the Permanent Council", "pc-dec-557", "Decision No. 557/Rev. 1 of the Permanent Council"),
        ("OSCE PC Decision No. 557/03", "pc-dec-557", "OSCE PC Decision No. 557/03"),
        # Footnote numbers glued onto the reference (002): "...15/05" + footnote 61, "No.670" + 64.
        ("OSCE Ministerial Council Decision 15/0561 on", "mc-dec-15-05", "OSCE Ministerial Council Decision 15/0561"),
        ("in accordance with PC Declaration No.67064 the SR", "pc-dec-670", "PC Declaration No.670"),
        # Named, not numbered.
        ("The Vienna Decision contained other remarkable provisions.", "mc-dec-1-00", "Vienna Decision"),
        ("the 2003 Maastricht MC Decision tasked", "mc-dec-2-03", "2003 Maastricht MC Decision"),
        ("The Porto Declaration highlighted the root causes of THB", "mc-decl-porto-2002", "Porto Declaration"),
        ("its 2013 *Addendum* (hereafter referred to", "pc-dec-1107", "2013 *Addendum"),
        ("the **OSCE Action Plan** to combat trafficking", "osce-action-plan-2003", "OSCE Action Plan"),
        ("The Action Plan calls on the participating States", "osce-action-plan-2003", "Action Plan"),
    ],
)
def test_decision_forms_resolve_to_one_document(finder, text, key, span):
    found = _found(finder, text)
    assert (key, span.strip("*")) in [(k, s.strip("*")) for k, s in found]


@pytest.mark.parametrize(
    "text,key",
    [
        # Decisions that no list names are found by their numbering: generalisation, not a table.
        ("Ministerial Council Decision No. 7/21 on Strengthening Co-operation", "mc-dec-7-21"),
        ("Permanent Council Decision No. 1288", "pc-dec-1288"),
        ("MC.DEC/6/18 on Strengthening Efforts", "mc-dec-6-18"),
    ],
)
def test_unlisted_decisions_are_found_by_their_numbering(finder, text, key):
    assert key in [k for k, _ in _found(finder, text)]


@pytest.mark.parametrize(
    "text",
    [
        "as a follow up to the EU Action Plan on \nTrafficking.",
        "the ODIHR's Proposed OSCE Action Plan 2000 for Activities to Combat Trafficking",
        "See OSCE Action Plan for Promotion of Gender Equality",
        "develop National Action Plans to combat trafficking",
        # The EU's Porto Declaration of 2007 (002) is not the OSCE's of 2002.
        "organized by the Presidency (Porto, 8-9 October 2007), which led to the Porto \nDeclaration and to recommendations",
        # A decision number without council or year names no document.
        "under Decision No. 5 the Committee",
    ],
)
def test_other_documents_are_not_invented(finder, text):
    assert _found(finder, text) == []
