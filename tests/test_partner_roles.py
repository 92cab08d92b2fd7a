"""Partners of an event by their role in the sentence: the body a doer supports, funds or meets, the body a
request came from, the organiser of another's gathering a doer addresses. Invented excerpts."""

from __future__ import annotations


def _partners(activity) -> set[str]:
    return {m.key for m in activity.partners}


def test_the_body_a_doer_supports_or_funds_is_its_partner_but_trainees_are_not(events_of):
    text = (
        "In May 2030 the OSCE Mission to Atlantis supported the Ministry of Labour of Atlantis in drafting a referral protocol.\n\n"
        "In June 2030 the OSCE Mission to Atlantis funded the hotline of the International Organization for Migration in Port Utopia.\n\n"
        "In July 2030 the OSCE Mission to Atlantis trained 40 officers of the Ministry of Labour of Atlantis on labour exploitation.\n"
    )
    supported, funded, trained = events_of(text, "report")
    assert [m.key for m in supported.agents] == ["mission-atlantis"]
    assert "ministry-of-labour-of-atlantis" in _partners(supported)
    assert _partners(funded) == {"iom"}
    assert not _partners(trained)


def test_counterparts_met_and_the_body_that_asked_are_partners(events_of):
    text = (
        "In March 2030 the OSCE Special Representative met the International Labour Organization in Geneva.\n\n"
        "At the request of the Council of Europe, the ODIHR reviewed the draft law on victim assistance of Atlantis in April 2030.\n"
    )
    met, reviewed = events_of(text, "report")
    assert _partners(met) == {"ilo"}
    assert [m.key for m in reviewed.agents] == ["odihr"] and _partners(reviewed) == {"council-of-europe"}


def test_the_organiser_of_a_gathering_the_doer_addresses_is_a_partner(events_of):
    text = "On 22 October 2030 the OSCE Special Representative addressed a conference of the European Commission in Brussels.\n"
    (addressed,) = events_of(text, "report")
    assert [m.key for m in addressed.agents] == ["special-representative-cthb"]
    assert _partners(addressed) == {"european-commission"}


def test_the_body_whose_meeting_the_doer_convenes_is_not_its_partner(events_of):
    text = "On 3 May 2030 the ODIHR convened the first meeting of the Council of Europe in Warsaw.\n"
    (convened,) = events_of(text, "report")
    assert [m.key for m in convened.agents] == ["odihr"] and not _partners(convened)


def test_a_follow_up_that_reports_no_act_still_lends_the_partners_it_names(events_of):
    text = (
        "In May 2030 the OSCE Mission to Atlantis organized a course for border guards in Atlantis City. "
        "Trainers from the International Organization for Migration and from UNICEF covered the rights of victims. "
        "The course was co-funded by the Government of Utopia.\n"
    )
    (course,) = events_of(text, "report")
    assert len(course.follow_ups) == 2
    assert [m.key for m in course.agents] == ["mission-atlantis"]
    assert _partners(course) == {"iom", "unicef", "government-of-utopia"}


def test_a_kind_of_gathering_names_no_organiser_of_the_event(events_of):
    text = (
        "On 3 May 2030 the OSCE Special Representative convened a conference on child trafficking in Vienna. "
        "It was the latest in the series of conferences of the Council of Europe.\n"
    )
    (conference,) = events_of(text, "report")
    assert len(conference.follow_ups) == 1 and not _partners(conference)


def test_the_body_whose_premises_host_the_event_is_its_partner(events_of):
    text = "In July 2030 a course for judges, held by the OSCE Mission to Atlantis at the Judicial Training Centre of Atlantis, ended in Atlantis City.\n"
    (course,) = events_of(text, "report")
    assert [m.key for m in course.agents] == ["mission-atlantis"]
    assert _partners(course) == {"judicial-training-centre-of-atlantis"}
