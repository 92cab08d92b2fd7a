"""Conversion noise is blanked out without moving a character: every offset into the cleaned text
is an offset into the report."""

from __future__ import annotations

from pathlib import Path

import pytest

from cthbgraph.extract.normalise import clean
from cthbgraph.records import Report

ROOT = Path(__file__).resolve().parents[1]
REPORTS = sorted((ROOT / "corpus").glob("*.txt"))


def _only_blanked(original: str, cleaned: str) -> bool:
    # Random text with the noise of the conversions: tests/test_properties.py.
    return len(original) == len(cleaned) and all(c == o or c == " " for o, c in zip(original, cleaned))


@pytest.mark.parametrize("path", REPORTS, ids=lambda p: p.name[:3])
def test_clean_keeps_length_and_only_blanks_on_every_report(path):
    text = path.read_text(encoding="utf-8")
    assert _only_blanked(text, clean(text))


@pytest.mark.parametrize(
    "noisy,cleaned",
    [
        # Markdown emphasis (000) and links (003).
        ("the **Mission to Moldova** and *Alliance*", "the   Mission to Moldova   and  Alliance "),
        ("the [OSCE Programme Office in Astana](#) continued", "the  OSCE Programme Office in Astana     continued"),
        # HTML tags, with the footnote number of a <sup> (001).
        ("Economic Forum<sup>1</sup>, which", "Economic Forum" + " " * len("<sup>1</sup>") + ", which"),
        ("<p>III.9.1 The ODIHR</p>", "   III.9.1 The ODIHR    "),
        # Footnote numbers glued to a word (002, 000); codes keep their digits.
        ("Labour Exploitation54 (Warsaw", "Labour Exploitation   (Warsaw"),
        ("respected at all times”¹¹.", "respected at all times”  ."),
        ("PC.DEC670 Declaration", "PC.DEC670 Declaration"),
        # A sentence broken across a page break (000) is one line again.
        ("corruption,\n\neconomic disparity", "corruption,  economic disparity"),
        # ... also before a capitalised name, between two full lines (000, III.10).
        (
            "To achieve this goal, the SPMU, on the basis of experience gained in the course of the 2002\n\n"
            "Supplementary Human Dimension Meeting on Community Policing, continues to promote this good practice.",
            "To achieve this goal, the SPMU, on the basis of experience gained in the course of the 2002  "
            "Supplementary Human Dimension Meeting on Community Policing, continues to promote this good practice.",
        ),
        # Hard-wrapped lines of the 2007 report are joined; a heading line is not.
        ("the Secretary General, the OSCE \nexecutive structures, including ODIHR", "the Secretary General, the OSCE  executive structures, including ODIHR"),
        ("OSCE Presence in Albania\n\nThe Presence continued", "OSCE Presence in Albania\n\nThe Presence continued"),
    ],
)
def test_clean_blanks_conversion_noise(noisy, cleaned):
    assert clean(noisy) == cleaned


def _report(text: str) -> Report:
    return Report("excerpt", Path("excerpt.txt"), text)


def test_noise_creates_no_entity_and_offsets_point_at_the_text(extractor):
    # 001 with its tags, 002 with a glued footnote and wrapped lines.
    text = (
        "How we can best address these issues will be the focus of the OSCE's annual Economic Forum<sup>1</sup>, "
        "which will take place in May 2003.\n\n"
        "The first was the ODIHR Civil Society Meeting on \nNRM and Labour Exploitation54 (Warsaw, 24 April 2007) which "
        "aimed at reviewing the application of the OSCE/ODIHR concept of National Referral Mechanism (NRM).\n"
    )
    extraction = extractor.extract(_report(text))
    # Neither "Forum1" nor "Exploitation54" nor the National Referral "Mechanism" is a body.
    assert [b.key for b in extraction.bodies] == ["osce", "odihr", "odihr"]
    records = [*extraction.bodies, *extraction.decisions, *extraction.activities]
    for record in records:
        assert text[record.excerpt.start : record.excerpt.end] == record.excerpt.text
    (activity,) = extraction.activities
    assert activity.excerpt.text.startswith("The first was the ODIHR Civil Society Meeting")
    assert activity.excerpt.text.endswith("(NRM).")  # not cut at the wrapped line
    assert activity.date == "2007-04-24" and activity.place == "Warsaw" and activity.country == "Poland"


def test_page_break_does_not_cut_a_sentence(extractor):
    # 000: "... corruption,\n\neconomic disparity ..." is one sentence across a page break.
    text = (
        "The **ODIHR** has assessed how criminal networks benefit from post-conflict situations, natural disasters, corruption,\n\n"
        "economic disparity, weak rule of law and lack of social protection.\n"
    )
    extraction = extractor.extract(_report(text))
    (activity,) = extraction.activities
    assert activity.excerpt.text.endswith("social protection.")


def test_a_line_that_closes_an_emphasis_ends_its_paragraph(extractor):
    # An italic signature under a speech ("*Director, Ministry of Foreign Affairs of Atlantis*") is no
    # page break inside a sentence: the name of the ministry ends with its line.
    text = (
        "Opening remarks of the Minister, as delivered by the Director of the Department for Human Rights, "
        "*Ministry of Foreign Affairs of the Republic of Moldova*\n\n"
        "In co-operation with the Ministry, the ODIHR organized a conference on labour exploitation in Chisinau.\n"
    )
    cleaned = clean(text)
    assert "\n\nIn co-operation" in cleaned
    bodies = extractor.extract(_report(text)).bodies
    assert not [b.excerpt.text for b in bodies if "In co-operation" in b.excerpt.text]


def test_a_dated_line_of_a_listing_is_an_item_of_its_own():
    # "… presented in Riga" and "Press contact: …" are two lines of a newsroom listing, not one wrapped line.
    text = "12 March 2015 – New guide on compensation for trafficked persons presented in Riga\nPress contact: Public Affairs Unit\n"
    assert "Riga\nPress" in clean(text)
