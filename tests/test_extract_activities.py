"""Activities on excerpts of the reports: who did it (named, or carried from the sentence before or
the field operation's heading), with whom, when, where, under which provision."""

from __future__ import annotations

from pathlib import Path

import pytest

from cthbgraph.extract.dates import date_in_year, normalise_date
from cthbgraph.records import Report

# 003, "OSCE Field Operations": the sections are headed by the field operation's name and their
# sentences say "the Presence", "the Mission", or use the passive.
FIELD_OPERATIONS = """South-Eastern Europe

OSCE Presence in Albania

The **Presence in Albania** continued its efforts in addressing human trafficking through a cross-dimensional approach, providing support to state institutions and civil society organizations to enhance their anti-trafficking efforts.

Training sessions were organized for multi-disciplinary groups composed of police, social services, child protection workers and NGOs.

In 2017 the Presence conducted a study on this topic, which identified systemic and practical needs for vulnerable children.

📷 (International Forum of Solidarity EMMAUS)

OSCE Mission to Bosnia and Herzegovina



The Mission carried out a wide range of anti-trafficking activities during the reporting period.

In May 2016, the Mission, in co-operation with the IFS Emmaus and the Netherlands Helsinki Committee, organized training for judicial actors on damage compensation claims.

The Mission will organize further training in 2018.
"""


@pytest.fixture(scope="module")
def field_activities(extractor):
    extraction = extractor.extract(Report("osr-2016-17-report", Path("003.txt"), FIELD_OPERATIONS))
    return extraction.activities


def _by_start(activities, opening):
    return next(a for a in activities if a.excerpt.text.startswith(opening))


@pytest.mark.parametrize(
    "opening,agent",
    [
        ("The **Presence in Albania** continued", "presence-albania"),
        ("Training sessions were organized", "presence-albania"),  # passive: the section's field operation
        ("In 2017 the Presence conducted a study", "presence-albania"),  # "the Presence": the one named before
        ("The Mission carried out", "mission-bosnia-and-herzegovina"),  # the new heading, not the Presence
        ("In May 2016, the Mission", "mission-bosnia-and-herzegovina"),
    ],
)
def test_agent_named_or_carried_from_context(field_activities, opening, agent):
    activity = _by_start(field_activities, opening)
    assert [a.key for a in activity.agents] == [agent]


def test_headings_and_captions_are_not_glued_to_sentences(field_activities):
    for activity in field_activities:
        assert not activity.excerpt.text.startswith(("OSCE ", "South-Eastern", "📷"))
        assert FIELD_OPERATIONS[activity.excerpt.start : activity.excerpt.end] == activity.excerpt.text


def test_plans_are_not_activities(field_activities):
    assert not any(a.excerpt.text.startswith("The Mission will organize") for a in field_activities)


def test_date_of_an_activity(field_activities):
    assert _by_start(field_activities, "In May 2016, the Mission").date == "2016-05"
    assert _by_start(field_activities, "In 2017 the Presence").date == "2017"


def test_a_day_or_month_without_a_year_is_in_the_reports_year(extractor):
    text = (
        "Mission to Atlantis, Activity Report 2012\n\n"
        "In April the Mission trained 30 border guards in Port Royal.\n\n"
        "- Round table with the Prosecutor General's Office, Port Royal, 4 February\n"
    )
    report = Report("atlantis-2012", Path("atlantis.txt"), text, year=2012)
    dates = [a.date for a in extractor.extract(report).activities]
    assert dates == ["2012-04", "2012-02-04"]


@pytest.mark.parametrize(
    "text,year,iso",
    [
        ("Summer school on gender and security, Cahul, 12–23 July", 2010, "2010-07-12/2010-07-23"),
        ("a campaign in 15 rural districts, September–November", 2010, "2010-09/2010-11"),
        ("In June 2017, the Office hosted a meeting", 2019, "2017-06"),  # a year named wins
        ("In April the Mission trained judges.", None, ""),  # no year to read it in
        ("The Mission may help the Ministry.", 2019, ""),
    ],
)
def test_dates_without_a_year(text, year, iso):
    assert date_in_year(text, year) == iso


# 000, IV.7: provisions and the paragraphs that report on them alternate; each activity is placed
# under the provision just before it.
ALTERNATING = """IV.7. ECONOMIC POLICIES AIMED AT ADDRESSING ROOT CAUSES OF THB

IV.7.1 The OCEEA will support the promotion and the development of national public information resource centres.

The **OCEEA** has organized, in partnership with the **Centre in Almaty**, a regional round table on legitimacy checks of businesses (8-10 November 2005).

7.2 The OCEEA will continue to promote SMEs training and to target it in particular to high risk groups.

The **OCEEA** initiated a number of economic empowerment projects to promote SMEs in Armenian society.
"""


@pytest.fixture(scope="module")
def alternating(extractor):
    return extractor.extract(Report("osce-2006-policy-to-practice", Path("000.txt"), ALTERNATING)).activities


def test_activity_placed_under_the_provision_before_it(alternating):
    assert [(a.excerpt.text[:30], a.provision) for a in alternating] == [
        ("The **OCEEA** has organized, i", "IV.7.1"),
        ("The **OCEEA** initiated a numb", "IV.7.2"),
    ]


def test_partner_date_and_country(alternating):
    first, second = alternating
    assert [a.key for a in first.agents] == ["oceea"] and [p.key for p in first.partners] == ["centre-almaty"]
    assert first.date == "2005-11-08/2005-11-10"
    assert second.country == "Armenia"


@pytest.mark.parametrize(
    "text,iso",
    [
        ("held in partnership with the Centre in Almaty (8-10 November 2005).", "2005-11-08/2005-11-10"),
        ("in spring 2004 the ODIHR and the SPMU held consultations", "2004"),
        ("The Mission organized a campaign in 2006.", "2006"),
        ("the 7th Alliance conference (Vienna, 10-11 December 2007)", "2007-12-10/2007-12-11"),
        ("from 30 November - 2 December 2005", "2005-11-30/2005-12-02"),
        ("During 2016-2017, 300 professionals received training", "2016/2017"),
        ("In June 2017, the Office hosted a meeting", "2017-06"),
        ("early 2017", "2017"),
        ("Since the Mission was established it has worked with NGOs.", ""),
    ],
)
def test_dates_are_iso_8601(text, iso):
    assert normalise_date(text) == iso


# The tokenizer cuts "co-organized" into "co", "-", "organized"; the pipeline puts a bound prefix back
# before the parser, so the verb keeps its subject (the doer) and its "with" partners.
def test_a_prefixed_verb_is_one_verb_with_its_subject(extractor):
    doc = extractor.nlp("The OSCE Office in Yerevan co-organized a round table with the Ministry of Labour on 5 May 2019.")
    verb = next(t for t in doc if t.text == "co-organized")
    assert verb.dep_ == "ROOT" and verb.lemma_ == "organize"
    assert [t.text for t in verb.children if t.dep_ == "nsubj"] == ["Office"]


@pytest.mark.parametrize(
    "sentence,word,lemma",
    [
        ("The Mission co-hosted a seminar for judges.", "co-hosted", "host"),  # the verb it prefixes
        ("The Centre re-launched its hotline in 2018.", "re-launched", "launch"),
        ("The Mission co-operates with the police.", "co-operates", "cooperate"),  # a spelling of one word
        ("The Office co-ordinated the work of the NGOs.", "co-ordinated", "coordinate"),
    ],
)
def test_a_prefixed_verb_has_the_lemma_of_the_verb(extractor, sentence, word, lemma):
    assert next(t.lemma_ for t in extractor.nlp(sentence) if t.text == word) == lemma


def test_a_capital_prefix_in_a_name_is_left_as_the_model_reads_it(extractor):
    doc = extractor.nlp("The OSCE Project Co-ordinator in Ukraine trained 40 police officers.")
    assert [t.text for t in doc][3:6] == ["Co", "-", "ordinator"]


def test_standing_co_operation_on_a_mandate_page_is_no_event(extractor):
    # Cut, "co" became the subject and "operates" a verb of the Unit's recent work.
    text = (
        "Strategic Police Matters Unit: labour exploitation\n\n"
        "The Unit helps police services of the participating States investigate labour exploitation.\n"
        "Recent work\n"
        "In 2018 the Unit published a guide for labour inspectors, written with the International Labour Organization.\n"
        "The Unit also co-operates with the European Labour Authority on joint inspections.\n"
    )
    report = Report("unit-page", Path("unit.txt"), text, genre="mandate-page")
    activities = extractor.extract(report).activities
    assert len(activities) == 1 and "published a guide" in activities[0].excerpt.text
    assert not any("co-operates" in e.text for a in activities for e in a.evidence)


def test_a_co_host_named_in_a_passive_is_a_partner_of_the_event(extractor):
    text = (
        "Seminar in Port Royal looks at compensation for victims of trafficking\n\n"
        "PORT ROYAL, 3 May 2019 – Some 60 judges from five regions are meeting today in Port Royal at a seminar "
        "organized by the OSCE Mission to Atlantis on compensation for victims of trafficking. "
        "The seminar is co-hosted by the Supreme Court of Atlantis. Speakers include prosecutors and lawyers.\n"
    )
    report = Report("pr-atlantis-seminar", Path("pr.txt"), text, genre="press-release")
    (event,) = extractor.extract(report).activities
    assert [a.key for a in event.agents] == ["mission-atlantis"]
    assert any(e.text.startswith("The seminar is co-hosted") for e in event.follow_ups)
    assert "supreme-court-of-atlantis" in [p.key for p in event.partners]
