"""How sentences join the event they tell (seventh session of 2026-12-07): a press release's lead that
names no OSCE doer, a mandate said of a thing the sentence names, a post named by its title, a delegation.
Made-up excerpts; each test has the near case that must stay as it is."""

from __future__ import annotations


def test_a_lead_that_names_no_doer_is_evidence_of_the_headline_s_event(events_of):
    text = (
        "Workshop on identifying victims ends in Atlantis City\n\n"
        "ATLANTIS CITY, 3 February 2020 – A two-day workshop on identifying victims of trafficking ended today "
        "in Atlantis City.\n\n"
        "The workshop, organized by the OSCE Mission to Atlantis, brought together 30 police officers and social workers.\n"
    )
    (workshop,) = events_of(text, "press-release", year=2020)
    assert [e.text.split()[:2] for e in workshop.evidence] == [["Workshop", "on"], ["ATLANTIS", "CITY,"], ["The", "workshop,"]]
    assert [m.key for m in workshop.agents] == ["mission-atlantis"]


def test_the_organiser_told_after_a_caption_and_the_lead_still_gets_the_headline(events_of):
    text = (
        "Simulation course trains practitioners in Atlantis City\n\n"
        "Trainees interview a victim during a scenario at a mock border crossing, Atlantis City, 1 February 2020.\n\n"
        "ATLANTIS CITY, 3 February 2020 – Sixty police officers and labour inspectors today concluded a five-day "
        "simulation course on trafficking along migration routes.\n\n"
        "Organized by the OSCE Mission to Atlantis, the course used scenarios at a mock border crossing and a farm.\n\n"
        "In May 2019 the OSCE Mission to Atlantis organized a round table on shelters in Utopia City.\n"
    )
    course, table = events_of(text, "press-release", year=2020)
    assert len(course.evidence) == 4 and course.excerpt.text.startswith("Simulation course")
    assert table.excerpt.text.startswith("In May 2019") and not table.follow_ups


def test_a_mandate_said_in_a_relative_clause_is_what_a_thing_is_for(events_of):
    text = (
        "In 2003 the ODIHR published a reference guide on legislative review, which is intended to assist "
        "legislators in aligning national law with the Trafficking Protocol.\n\n"
        "According to its mandate, the ODIHR assists participating States in reviewing their legislation.\n"
    )
    (guide,) = events_of(text, year=2020)
    assert guide.excerpt.text.startswith("In 2003 the ODIHR published")


def test_a_post_named_by_its_title_goes_on_only_with_its_own_event_or_what_it_said(events_of):
    text = (
        "In April 2020 the Office of the Special Representative conducted an online survey of 200 survivors. "
        "The Special Representative held more than 40 online meetings with ministers and national co-ordinators.\n\n"
        "In March 2019 the Special Representative visited Atlantis. "
        "The Special Representative met the Minister of Interior of Atlantis. "
        "The Special Representative recommended that Atlantis appoint a national rapporteur.\n"
    )
    survey, meetings, visit = events_of(text, year=2020)
    assert meetings.excerpt.text.startswith("The Special Representative held")
    assert [e.text.split()[3] for e in visit.follow_ups] == ["met", "recommended"]


def test_the_delegation_of_a_study_visit_is_its_people(events_of):
    text = (
        "In May 2018 the OSCE Mission to Atlantis organized a study visit to Utopia for ten officials. "
        "In Utopia City the delegation met the national rapporteur and visited a shelter.\n\n"
        "In June 2018 the OSCE Mission to Atlantis trained 20 judges.\n"
    )
    visit, training = events_of(text, year=2020)
    assert [e.text.split()[:2] for e in visit.follow_ups] == [["In", "Utopia"]]
    assert not training.follow_ups


def test_a_doer_the_parse_hung_on_the_date_before_it_is_still_the_doer(events_of):
    text = (
        "On 11 March the OSCE Mission to Atlantis, together with the Office of the Special Representative, held "
        "an online conference on labour exploitation, with 320 participants.\n\n"
        "At the request of the Ministry of Interior of Atlantis, the OSCE Mission to Atlantis trained 20 border guards in May.\n"
    )
    conference, training = events_of(text, year=2020)
    assert [m.key for m in conference.agents] == ["mission-atlantis"]
    assert "osr-cthb" in {m.key for m in conference.partners}
    assert [m.key for m in training.agents] == ["mission-atlantis"]


def test_where_a_body_s_work_went_over_the_year_is_a_summary_not_an_event(events_of):
    text = (
        "In 2015 the OSCE Mission to Atlantis concentrated on financial investigations and on migrant smuggling.\n\n"
        "The OSCE Mission to Atlantis made the protection of child victims one of its priorities.\n\n"
        "In June 2015 the OSCE Mission to Atlantis organized a course on financial investigations for 20 police officers.\n"
    )
    (course,) = events_of(text, year=2020)
    assert course.excerpt.text.startswith("In June 2015")


def test_a_year_in_a_clause_about_a_thing_named_does_not_date_the_sentence(events_of):
    text = (
        "In October 2015, 45 border police officers were trained by the OSCE Mission to Atlantis in Utopia City. "
        "The courses were delivered by the Mission with the State Police and drew on the procedures adopted by the "
        "Government in 2014.\n\n"
        "In November 2015 the OSCE Mission to Atlantis trained 20 judges. "
        "The judges visited a shelter opened in 2016.\n\n"
        "In December 2015 the OSCE Mission to Atlantis trained 20 prosecutors. "
        "The OSCE Mission to Atlantis published the course materials in 2016.\n"
    )
    courses, judges, prosecutors, materials = events_of(text, year=2020)
    assert [e.text.split()[:2] for e in courses.follow_ups] == [["The", "courses"]]
    assert [e.text.split()[:2] for e in judges.follow_ups] == [["The", "judges"]]
    assert materials.excerpt.text.startswith("The OSCE Mission to Atlantis published")
