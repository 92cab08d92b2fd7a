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


def test_names_listed_after_a_partner_share_its_role_though_the_parse_hangs_them_elsewhere(events_of):
    text = (
        "In May 2030 the SPMU trained 40 police officers in co-operation with the **field operations**, i.e. with the "
        "**Presence in Albania**, the **Mission to Moldova**, the **Centre in Bishkek**.\n\n"
        "In co-operation with IOM, the Mission to Moldova organized a seminar in Chisinau in June 2030.\n"
    )
    trained, seminar = events_of(text, "report")
    assert [m.key for m in trained.agents] == ["spmu"]
    assert _partners(trained) == {"field-operations", "presence-albania", "mission-moldova", "centre-bishkek"}
    # A list with no closing "and" that runs on into the subject is no list of partners.
    assert [m.key for m in seminar.agents] == ["mission-moldova"] and _partners(seminar) == {"iom"}


def test_the_owner_of_a_gathering_attended_is_a_partner_but_not_of_the_doers_own_work(events_of):
    text = (
        "In March 2030 the ODIHR presented its new handbook at the UNODC workshop on victim identification in Vienna.\n\n"
        "In April 2030 the anti-trafficking training of prosecutors was incorporated into the ODIHR project on legal aid.\n"
    )
    presented, incorporated = events_of(text, "report")
    assert [m.key for m in presented.agents] == ["odihr"] and _partners(presented) == {"unodc"}
    assert "odihr" not in _partners(incorporated)


def test_the_frame_and_the_help_an_act_was_done_with_name_partners(events_of):
    text = (
        "In 2030, under the framework of the Stability Pact, the ODIHR published a study on victim assistance in the region.\n\n"
        "In 2031, thanks to the collaboration of UNICEF, the OSCE Mission to Moldova opened a counselling centre in Balti.\n"
    )
    published, opened = events_of(text, "report")
    assert [m.key for m in published.agents] == ["odihr"] and _partners(published) == {"stability-pact-for-south-eastern-europe"}
    assert [m.key for m in opened.agents] == ["mission-moldova"] and _partners(opened) == {"unicef"}


def test_people_drawn_in_are_partners_but_papers_consulted_are_not(events_of):
    text = (
        "In June 2030 the OSCE Special Representative mobilized the Alliance partners to draft joint recommendations on labour exploitation.\n\n"
        "For the evaluation in 2030 the Anti-Trafficking Assistance Unit consulted earlier ODIHR reports and meeting records.\n"
    )
    mobilized, consulted = events_of(text, "report")
    assert _partners(mobilized) == {"alliance-against-trafficking-in-persons"}
    assert not _partners(consulted)


def test_the_organiser_in_a_list_line_of_events_attended_is_a_partner(events_of):
    text = (
        "Activities of the Special Representative in 2030\n\n"
        "The Special Representative took part in the following events:\n\n"
        "• Conference on Trafficking for Forced Labour in Agriculture, EU Presidency Portugal (3-4 March 2030, Lisbon)\n\n"
        "• Testimony of the Special Representative on the topic Trafficking and Supply Chains, US Helsinki Commission, "
        "(9 April 2030, Washington D.C.)\n"
    )
    events = events_of(text, "report")
    conference, testimony = events[-2:]
    assert [m.key for m in conference.agents] == ["special-representative-cthb"]
    assert _partners(conference) == {"portugal--eu-presidency"}
    assert _partners(testimony) == {"united-states--helsinki-commission"}


def test_the_organiser_of_another_s_event_a_follow_up_names_is_a_partner(events_of):
    text = (
        "In May 2030 the Strategic Police Matters Unit developed a methodology for financial investigations of trafficking cases. "
        "The methodology was presented at a workshop organized by UNODC in Prague in June 2030.\n"
    )
    events = events_of(text, "report")
    assert any("unodc" in _partners(a) for a in events)
