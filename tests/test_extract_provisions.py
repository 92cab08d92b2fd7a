"""Action Plan provisions quoted in a report and the bodies each tasks, read from the grammar of the
provision (excerpts of "From Policy to Practice", 2006)."""

from __future__ import annotations

from pathlib import Path

import pytest

from cthbgraph.records import Report

EXCERPT = """III.10. LAW ENFORCEMENT RESPONSE

III.10.3 The OCEEA will further work together with the United Nations Office on Drugs and Crime Global Programme against Money Laundering and use its good offices to promote the organization of workshops on tackling money-laundering in interested participating States.

III.12.2 While international partners such as the International Centre for Migration Policy Development and the International Organization for Migration provide basic police training on how to respond to allegations of trafficking, and others such as the United Nations Development Programme provide advanced training, additional training needs to be provided on dealing with particular aspects of sexual crime, e.g. sexual abuse of children. The OSCE Strategic Police Matters Unit will provide such training in co-operation with the United Nations Children's Fund and the relevant organizations.

IV.7. ECONOMIC POLICIES AIMED AT ADDRESSING ROOT CAUSES OF THB

IV.7.1 The OCEEA will support the promotion and the development of national public information resource centres to allow individuals to check the legitimacy of businesses.

The **OCEEA** initiated a number of economic empowerment projects to promote SMEs through the OSCE region.

7.2 The OCEEA will continue to promote SMEs training and to target it in particular to high risk groups.

V.11.1 Enhancing the activities of the OSCE, especially the **ODIHR**, in assisting the participating States, upon their request, in establishing the NRM.

<p>V. 11. 2. Tasking the Strategic Police Matters Unit, together with the ODIHR, with the further development of guidelines or a manual on the identification of suspected victims and of evidence of THB, in order to assist participating States, as appropriate.</p>
"""


@pytest.fixture(scope="module")
def provisions(extractor):
    extraction = extractor.extract(Report("excerpt", Path("excerpt.txt"), EXCERPT))
    return {p.notation: p for p in extraction.provisions}


def test_every_numbered_provision_is_found_with_a_normalised_number(provisions):
    # "V. 11. 2." -> V.11.2; "7.2", printed without its chapter, belongs to IV.7.
    assert sorted(provisions) == ["III.10.3", "III.12.2", "IV.7.1", "IV.7.2", "V.11.1", "V.11.2"]


@pytest.mark.parametrize(
    "notation,tasked,partners",
    [
        ("III.10.3", ["oceea"], ["unodc"]),  # "work together with" names a partner
        ("III.12.2", ["spmu"], ["unicef"]),  # ICMPD, IOM, UNDP are background ("such as ... provide")
        ("IV.7.1", ["oceea"], []),
        ("IV.7.2", ["oceea"], []),
        ("V.11.1", ["osce", "odihr"], []),  # "Enhancing the activities of the OSCE, especially the ODIHR"
        ("V.11.2", ["spmu", "odihr"], []),  # "Tasking the SPMU, together with the ODIHR": both tasked
    ],
)
def test_tasked_bodies_and_partners(provisions, notation, tasked, partners):
    provision = provisions[notation]
    assert [m.key for m in provision.tasked] == tasked
    assert [m.key for m in provision.partners] == partners


def test_provision_text_and_offsets(provisions):
    provision = provisions["V.11.2"]
    assert EXCERPT[provision.excerpt.start : provision.excerpt.end] == provision.excerpt.text
    assert provision.excerpt.text.startswith("V. 11. 2. Tasking") and not provision.excerpt.text.endswith("</p>")
