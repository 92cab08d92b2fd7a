"""Bodies a sentence names without their acting (extract/topics.py): the topic or source of a text and the
attributive "OSCE" are no doers; the doer is the context's, else the report's publisher (extract/publishers.py)."""

from cthbgraph.extract.publishers import publisher_key

_SR_OFFICE = "OSCE Office of the Special Representative and Co-ordinator for Combating Trafficking in Human Beings"


def _doers(activities, opening: str) -> list[str]:
    return next([m.key for m in a.agents] for a in activities if any(e.text.startswith(opening) for e in a.evidence))


def test_a_body_a_text_is_about_is_no_doer(events_of):
    text = (
        "OSCE Mission to Atlantis: Activity Report 2030\n\n"
        "In May 2030 the Mission held a round table with NGOs in Port Utopia.\n"
        "A summary of the discussion on the role of the Council of Europe was sent to all participants in June 2030.\n"
    )
    activities = events_of(text, year=2030)
    assert all("council-of-europe" not in {m.key for m in a.agents} for a in activities)
    assert _doers(activities, "A summary") == ["mission-atlantis"]


def test_the_source_of_data_is_no_doer_and_the_publisher_s_report_is_its_own(events_of):
    # The title line names no body: whose report it is comes from its publisher.
    text = (
        "■ 2030 REPORT\n\n"
        "The OSR/CTHB works with civil society.\n\n"
        "Twenty NGOs took part in the survey.\n"
        "The answers were grouped by theme.\n"
        "In late 2030, this data was complemented by an analysis of official reports from the OSCE and the Council of Europe.\n"
    )
    activities = events_of(text, year=2030, publisher=_SR_OFFICE)
    assert _doers(activities, "In late 2030") == ["osr-cthb"]


def test_the_osce_qualifying_a_caption_s_course_is_no_doer(events_of):
    text = (
        "■ 2030 REPORT\n\n"
        "In October 2030 the TNTD/SPMU trained 25 police officers of Atlantis on organized crime.\n\n"
        "Participants during the OSCE-supported course on organized crime, Port Utopia, 2 October 2030\n\n"
        "📷 (OSCE)\n"
    )
    activities = events_of(text, year=2030)
    assert "osce" not in _doers(activities, "Participants during")


def test_a_publisher_names_its_most_specific_body():
    assert publisher_key("OSCE Secretariat, Anti-Trafficking Assistance Unit") == "atau"
    assert publisher_key(_SR_OFFICE) == "osr-cthb"
    assert publisher_key("OSCE/ODIHR") == "odihr"
    assert publisher_key("") == ""


def test_the_owner_before_its_unit_s_name_is_no_doer(events_of):
    text = (
        "OSCE Mission in Kosovo: Activity Report 2030\n\n"
        "In May 2030, the Mission and UNMIK’s Trafficking and Prostitution Investigation Unit jointly delivered a course "
        "for 30 police officers in Pristina.\n"
    )
    (course,) = events_of(text, year=2030)
    assert [m.key for m in course.agents] == ["mission-kosovo", "unmik--trafficking-and-prostitution-investigation-unit"]


def test_a_body_a_listing_line_s_verb_acts_on_is_no_doer(events_of):
    text = (
        "ODIHR news archive – Trafficking in human beings – 2030\n\n"
        "ODIHR Director: “Trafficked persons are victims first”\n"
        "12 March 2030\n"
        "The Director addressed the Human Dimension Committee of the Permanent Council in Vienna.\n"
    )
    (address,) = events_of(text, genre="listing", year=2030)
    assert [m.key for m in address.agents] == ["odihr"]
    assert "human-dimension-committee" in [m.key for m in address.partners]


def test_a_body_that_facilitated_another_s_visit_is_a_partner(events_of):
    text = (
        "Report of the OSCE Special Representative 2030\n\n"
        "In March 2030 the Special Representative visited Atlantis and met the Minister of Justice in Port Utopia.\n\n"
        "In May 2030 a visit to three shelters in the north of Atlantis was facilitated by the OSCE Mission to Atlantis.\n"
    )
    shelters = next(a for a in events_of(text, year=2030) if a.excerpt.text.startswith("In May"))
    assert [m.key for m in shelters.agents] == ["special-representative-cthb"]
    assert [m.key for m in shelters.partners] == ["mission-atlantis"]


def test_a_caption_after_a_sentence_on_the_osce_as_a_whole_is_the_named_body_s(events_of):
    text = (
        "■ 2030 REPORT\n\n"
        "In 2030 the OSR/CTHB consulted NGOs on the referral of victims.\n\n"
        "Work with civil society\n\n"
        "The OSCE, as an inter-governmental organization, strongly supports the work of civil society.\n\n"
        "Representatives of 12 NGOs from 9 OSCE participating States at the consultation meeting, Port Utopia, November 2030.\n\n"
        "📷 (OSCE)\n"
    )
    assert _doers(events_of(text, year=2030), "Representatives of 12 NGOs") == ["osr-cthb"]
