"""Sentences of report text that name bodies doing something and still tell no event of their own, and
the sentences that go on with the event just told: each rule on invented excerpts, with the near case
that stays an event."""

from __future__ import annotations


def test_what_classes_of_bodies_have_done_in_the_perfect_is_a_summary(events_of):
    text = (
        "In May 2030 the OSCE Mission to Atlantis trained 40 judges in Port Utopia on the rights of victims.\n\n"
        "Field operations have worked in many ways towards better referral of victims at the local level.\n\n"
        "So far the OSCE bodies have taken part in regional conferences hosted by governments and universities.\n"
    )
    events = events_of(text)
    assert [e.excerpt.text[:20] for e in events] == ["In May 2030 the OSCE"]


def test_a_named_body_beside_the_class_or_a_year_keeps_the_event(events_of):
    beside = "The OSCE field missions and the ODIHR have organized round tables with experts from ministries and NGOs.\n"
    assert len(events_of(beside)) == 1
    dated = "In 2030 field operations have organized round tables on referral with experts from ministries and NGOs.\n"
    assert len(events_of(dated)) == 1


def test_to_this_end_goes_on_with_the_event_just_told(events_of):
    text = (
        "In March 2030 the OSCE Office in Atlantis launched an assessment of the shelters for victims of trafficking. "
        "To this end, the Office invited the Ministry of Social Affairs to answer a survey on the shelters it funds.\n"
    )
    (assessment,) = events_of(text)
    assert [f.text[:11] for f in assessment.follow_ups] == ["To this end"]
    later = text.replace("To this end, the Office", "To this end, in 2031 the Office")
    assert len(events_of(later)) == 2  # another year: another event


def test_a_judgement_of_what_work_is_worth_opens_no_event(events_of):
    for worth in (
        "Consultations of the OSCE Mission to Atlantis with NGOs and ministries have proved to be decisive for the design of its projects.\n",
        "The projects of the OSCE Mission to Atlantis are positively assessed by partners and beneficiaries.\n",
    ):
        assert events_of(worth) == (), worth
    done = "The OSCE Mission to Atlantis held consultations with NGOs and ministries on the design of its projects.\n"
    assert len(events_of(done)) == 1


def test_what_a_body_is_or_offers_in_the_present_is_no_event(events_of):
    for what in (
        "The OSCE Office in Atlantis is a regional office whose experts advise the ministries on referral.\n",
        "The OSCE Office in Atlantis provides a platform for dialogue between ministries and NGOs.\n",
    ):
        assert events_of(what) == (), what
    for done in (
        "In 2030 the OSCE Office in Atlantis was a regional office whose experts advised the ministries on referral.\n",
        "The OSCE Office in Atlantis provided a platform for dialogue between ministries and NGOs in 2030.\n",
    ):
        assert len(events_of(done)) == 1, done
