"""Body mentions on excerpts of the reports: gazetteer names, field operations by their naming
pattern, compounds, renames, and the names that are not bodies."""

from __future__ import annotations

from pathlib import Path

import pytest

from cthbgraph.extract.bodies import BodyFinder, load_gazetteer
from cthbgraph.extract.normalise import clean
from cthbgraph.records import Report


@pytest.fixture(scope="module")
def finder():
    return BodyFinder(load_gazetteer())


def _keys(finder, text):
    cleaned = clean(text)
    return [(m.key, text[m.start : m.end]) for m in finder.find(cleaned)]


@pytest.mark.parametrize(
    "text,expected",
    [
        # Field operations that no list names: "<type> in|to <place>".
        ("the OSCE Mission to Atlantis and the Centre in Utopia City organized", [("mission-atlantis", "OSCE Mission to Atlantis"), ("centre-utopia-city", "Centre in Utopia City")]),
        ("the Office of the Project Co-ordinator in Uzbekistan", [("project-co-ordinator-uzbekistan", "Office of the Project Co-ordinator in Uzbekistan")]),
        ("the OSCE Programme Office in Dushanbe", [("programme-office-dushanbe", "OSCE Programme Office in Dushanbe")]),
        # A listed spelling takes the listed key.
        ("OSCE Centre in Ashgabad, OSCE Mission to Bosnia Herzegovina", [("centre-ashgabat", "OSCE Centre in Ashgabad"), ("mission-bosnia-and-herzegovina", "OSCE Mission to Bosnia Herzegovina")]),
        # Slash and hyphen compounds hold one mention a part; "OSCE/ODIHR" is the ODIHR.
        ("The joint UNICEF/UNOHCHR/ODIHR report", [("unicef", "UNICEF"), ("ohchr", "UNOHCHR"), ("odihr", "ODIHR")]),
        ("within the framework of a ODIHR -PCU project", [("odihr", "ODIHR"), ("project-co-ordinator-ukraine", "PCU")]),
        ("The OSCE/ODIHR carries out", [("odihr", "OSCE/ODIHR")]),
        # The longest name wins over the acronym inside it.
        ("the OSCE PA Special Representative co-organized", [("osce-pa-special-representative-thb", "OSCE PA Special Representative")]),
        # Markdown emphasis and a wrapped line (002) do not cut a name.
        ("the **OSCE Secretariat** and the OSCE \nexecutive structures", [("secretariat", "OSCE Secretariat"), ("osce-bodies", "OSCE \nexecutive structures")]),
        # A list or a heading capitalises a listed name's lowercase words.
        ("members: OSCE Structures (ODIHR, SPMU), UNHCR", [("osce-bodies", "OSCE Structures"), ("odihr", "ODIHR"), ("spmu", "SPMU"), ("unhcr", "UNHCR")]),
        # A listed NGO network's name followed by a country is its member in that country; an agency's is not.
        ("staff of La Strada Ukraine and IOM Moldova", [("ukraine--la-strada-ukraine", "La Strada Ukraine"), ("iom", "IOM")]),
    ],
)
def test_bodies_found_with_their_keys(finder, text, expected):
    assert _keys(finder, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "the UN Convention against Transnational Organized Crime",
        "the Council of Europe Convention on Action against Trafficking",
        "under Security Council Resolution 2331",
        "an OSCE-wide conference on travel document security",
        "implemented in eight SEE and CIS countries",
        "ahead of the new EU Strategy on victims' rights",  # a body's name before an instrument
        "The Mission is the smallest field operation in the region.",  # any field operation, not the OSCE's all
        "staff of the National Referral Mechanism Secretariat",  # another body's secretariat
    ],
)
def test_instruments_and_adjectives_are_not_bodies(finder, text):
    assert _keys(finder, text) == []


def test_offices_of_other_organisations_are_not_field_operations(finder):
    assert _keys(finder, "the UNHCR Office in Kyiv") == [("unhcr", "UNHCR")]


def test_decision_reference_hides_the_council(extractor):
    text = "This report is written to fulfil the terms of the Ministerial Council (MC) Decision No. 13/05, which tasks the Mechanism."
    extraction = extractor.extract(Report("excerpt", Path("excerpt.txt"), text))
    assert [b.key for b in extraction.bodies] == ["anti-trafficking-mechanism"]
    assert [d.key for d in extraction.decisions] == ["mc-dec-13-05"]


def test_renamed_field_operations_are_linked_not_merged(extractor):
    # 000, chapter I: the mission was renamed after Montenegro's independence.
    text = (
        "Eight out of eighteen field operations have full-time staff members solely dedicated to anti-trafficking work "
        "(the **Mission in Kosovo**, the **Mission to Serbia and Montenegro** – now Mission to Serbia and Mission to "
        "Montenegro - the **Mission to Bosnia and Herzegovina**)."
    )
    extraction = extractor.extract(Report("excerpt", Path("excerpt.txt"), text))
    keys = [b.key for b in extraction.bodies]
    assert {"mission-serbia-and-montenegro", "mission-serbia", "mission-montenegro"} <= set(keys)
    assert [(r.old.key, r.new.key) for r in extraction.renames] == [("mission-serbia-and-montenegro", "mission-serbia")]
    for b in extraction.bodies:
        assert text[b.excerpt.start : b.excerpt.end] == b.excerpt.text


def test_a_page_headed_by_a_special_representative_means_that_post(finder):
    text = (
        "Special Representative on Human Trafficking Issues | OSCE Parliamentary Assembly\n\n"
        "Each year the Special Representative reports to the Assembly in plenary."
    )
    assert [k for k, t in _keys(finder, text) if "Special Representative" in t] == ["osce-pa-special-representative-thb"] * 2
    # A report of the Special Representative and Co-ordinator keeps the bare title for that post.
    text = "Report of the OSCE Special Representative and Co-ordinator for Combating Trafficking in Human Beings\n\nThe Special Representative met."
    assert {k for k, t in _keys(finder, text) if "Special Representative" in t} == {"special-representative-cthb"}


def test_a_line_break_inside_an_adjectival_osce_is_layout(extractor):
    # A report wrapped at a fixed width breaks "OSCE participating States" after "OSCE": still an adjective.
    text = "The Special Representative met delegations of the OSCE \nparticipating States and ensured that OSCE \ninterventions add value."
    extraction = extractor.extract(Report("excerpt", Path("excerpt.txt"), text))
    assert [b.key for b in extraction.bodies] == ["special-representative-cthb"]
