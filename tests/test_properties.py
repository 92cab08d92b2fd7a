"""Random text through cleaning and extraction: nothing crashes, every excerpt points at its text.

The text mixes phrases of real reports with the noise of their conversions (markdown, HTML tags,
footnote numbers, wrapped lines) and arbitrary Unicode.
"""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cthbgraph.extract import parsing
from cthbgraph.extract.normalise import clean
from cthbgraph.extract.parsing import split_text
from cthbgraph.records import Report

PHRASES = [
    "The ODIHR organized a training seminar for judges in Tbilisi (Georgia) in March 2007.",
    "III.10.2 The Strategic Police Matters Unit will facilitate the exchange of information.",
    "In 2007 the OSCE Mission to Moldova held a round table with the IOM",
    "Ministerial Council Decision No. 3/06",
    "MC.DEC/14/06",
    "PC.DEC/557/Rev.1",
    "the Centre in Almaty (8-10 November 2005)",
    "Special Representative and Co-ordinator for Combating Trafficking in Human Beings",
    "- now the Office of the Special Representative",
    "OSCE region",
]
NOISE = ["**", "*", "__", "_", "# ", "### ", "<i>", "</i>", "<sup>12</sup>", "<br/>", "[Mission](#)", "¹²", "|", "&nbsp;", "\t"]
BREAKS = [" ", "\n", "\n\n", "\n\n\n", " \n", "1 ", ". "]

fragments = st.one_of(
    st.sampled_from(PHRASES),
    st.sampled_from(NOISE),
    st.sampled_from(BREAKS),
    st.text(max_size=30),
    st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=20),
)
report_texts = st.lists(fragments, max_size=25).map("".join)


def _excerpts(extraction):
    for mention in extraction.bodies:
        yield mention.excerpt
    for ref in extraction.decisions:
        yield ref.excerpt
    for provision in extraction.provisions:
        yield provision.excerpt
        for body in (*provision.tasked, *provision.partners):
            yield body.excerpt
    for activity in extraction.activities:
        yield activity.excerpt
        for body in (*activity.agents, *activity.partners):
            yield body.excerpt
    for rename in extraction.renames:
        yield from (rename.excerpt, rename.old.excerpt, rename.new.excerpt)


@given(report_texts)
@settings(max_examples=300, deadline=None)
def test_properties_clean_keeps_length_and_newlines(text):
    cleaned = clean(text)
    assert len(cleaned) == len(text)
    # Noise and wraps become spaces; nothing else changes, so offsets stay offsets of the report.
    assert all(c == o or c == " " for c, o in zip(cleaned, text))


@given(report_texts, st.integers(min_value=1, max_value=60))
@settings(max_examples=300, deadline=None)
def test_properties_split_text_gives_back_the_text(text, size):
    pieces = split_text(text, size)
    assert "".join(pieces) == text
    assert all(pieces) or pieces == [""]
    # A piece never starts with whitespace that the piece before could take.
    assert not any(p[:1].isspace() for p in pieces[1:])


@given(report_texts, st.sampled_from([None, 40]))
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_properties_extraction_offsets_point_at_their_text(extractor, monkeypatch, text, chunk):
    if chunk:
        monkeypatch.setattr(parsing, "CHUNK_CHARS", chunk)
    report = Report("random", Path("random.txt"), text)
    [(_, doc)] = list(extractor.parse([report]))
    assert doc.text == clean(text)
    extraction = extractor.read(report, doc)
    for excerpt in _excerpts(extraction):
        assert excerpt.report == "random"
        assert 0 <= excerpt.start <= excerpt.end <= len(text)
        assert report.text[excerpt.start : excerpt.end] == excerpt.text
