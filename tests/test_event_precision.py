"""Sentences of report text that read like events and are none (session of 2026-12-08, branch ``precision8``;
docs/extraction.md, "Event precision in real report text"): work over a stretch up to now, a tally of
unspecified events, what exists, a link verb, a standing remark with examples in brackets, a source line,
a piece of a sentence cut at a page break, and a remark on an event told before. Each on invented
excerpts, with the near case that stays an event."""

from __future__ import annotations

_PAST = "The OSCE Office in Atlantis organized a round table on referral for judges and prosecutors.\n"


def test_work_over_a_stretch_up_to_now_is_no_event(events_of):
    assert events_of("The OSCE Office in Atlantis has been raising awareness of labour exploitation among employers.\n") == ()
    # Dated, or in the present progressive ("is currently developing a handbook", counted as an event on dev): kept.
    for act in (
        "In 2030 the OSCE Office in Atlantis has been raising awareness of labour exploitation among employers.\n",
        "The OSCE Office in Atlantis is currently developing a handbook on labour exploitation for employers.\n",
    ):
        assert len(events_of(act)) == 1, act


def test_a_tally_of_unspecified_events_is_no_event(events_of):
    for tally in (
        "The OSCE Office in Atlantis has participated in over thirty conferences on labour exploitation.\n",
        "The OSCE Office in Atlantis launched several initiatives to promote referral:\n",
    ):
        assert events_of(tally) == (), tally
    for act in (
        "The OSCE Office in Atlantis organized two conferences on labour exploitation for employers.\n",
        "The OSCE Office in Atlantis held a number of events: a conference on referral and a seminar for judges.\n",
        "In 2030 the OSCE Office in Atlantis has participated in over thirty conferences on labour exploitation.\n",
        # In the past, not leading in to a list: read as an event on the dev sets ("held more than 40 meetings").
        "The OSCE Office in Atlantis held more than thirty meetings with employers on labour exploitation.\n",
    ):
        assert len(events_of(act)) == 1, act


def test_what_exists_and_a_link_verb_are_no_event(events_of):
    for state in (
        "There are other models of training used by the OSCE Office in Atlantis in co-operation with NGOs.\n",
        "The OSCE Office in Atlantis continued to be a focal point on referral for the ministries.\n",
        "The OSCE Office in Atlantis has stood ready to assist the ministries with their referral work.\n",
    ):
        assert events_of(state) == (), state
    assert len(events_of("The OSCE Office in Atlantis continued to be involved in training judges on referral.\n")) == 1


def test_examples_in_brackets_name_no_instance_of_standing_work(events_of):
    standing = "The OSCE Office in Atlantis engages in dialogue with the ministries (e.g. justice, interior, labour) on referral.\n"
    assert events_of(standing) == ()
    instance = "The OSCE Office in Atlantis engages, for example, in dialogue with the Ministry of Justice on referral.\n"
    assert len(events_of(instance)) == 1


def test_a_source_line_and_a_sentence_cut_at_a_page_break(events_of):
    assert events_of("Source: the OSCE Office in Atlantis met the Minister of Labour in Port Utopia on 3 May 2030.\n") == ()
    cut = (
        "In May 2030 the OSCE Office in Atlantis held a seminar on referral.\n\n"
        "The appointment of the Special Representative and the formation of the\n\n"
        "Anti-Trafficking Assistance Unit in 2030 gave impetus to the process.\n"
    )
    (seminar,) = events_of(cut)
    assert seminar.excerpt.text.startswith("In May 2030")


def test_a_remark_on_an_event_told_before_opens_none(events_of):
    (event,) = events_of(
        "In May 2030 the OSCE Office in Atlantis organized a round table on referral for judges.\n\n"
        "The OSCE Office in Atlantis has launched several initiatives to promote referral.\n\n"
        "These events raised the profile of referral among judges.\n"
    )
    assert event.excerpt.text.startswith("In May 2030")
    (first, second) = events_of(_PAST + "\nThis event was followed by a regional workshop on referral organized by the OSCE Office in Atlantis.\n")
    assert second.excerpt.text.startswith("This event")
