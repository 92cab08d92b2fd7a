"""Standing work in report text (extract/standing.py): what a body does as a rule, told in the undated
simple present, is no event; each case on invented excerpts, with the near case that stays an event."""

from __future__ import annotations

_STANDING = "The OSCE Office in Atlantis supports the ministries in their efforts to identify victims of trafficking.\n"


def test_standing_work_in_the_undated_present_is_no_event(events_of):
    for standing in (
        _STANDING,
        "Training projects for judges are run by the OSCE Mission to Atlantis in co-operation with the Ministry of Justice.\n",
        "The OSCE Mission to Atlantis is involved in assisting the Ministry of Justice to set up a referral mechanism.\n",
        "The OSCE Mission to Atlantis continues to stress the need for a balanced approach to referral.\n",
    ):
        assert events_of(standing) == (), standing


def test_the_past_a_date_or_a_named_instance_keeps_the_event(events_of):
    for act in (
        _STANDING.replace("supports", "supported"),
        "In May 2030 the OSCE Office in Atlantis supports the ministries in their efforts to identify victims of trafficking.\n",
        "The OSCE Office in Atlantis supports the ministries, for example through a handbook on the identification of victims.\n",
        "The OSCE Office in Atlantis supports the ministries through the Atlantis Referral Project on the identification of victims.\n",
    ):
        assert len(events_of(act)) == 1, act


def test_a_press_release_tells_its_news_in_the_present(extractor):
    from cthbgraph.extract.non_events import not_an_activity

    text = "Training projects for judges are run by the OSCE Mission to Atlantis with the Ministry of Justice."
    sentence = next(extractor.nlp(text).sents)
    assert not_an_activity(sentence, "", text=text) == "state"  # a report: standing work
    assert not_an_activity(sentence, "press-release", text=text) == ""  # the news: left to the other rules


def test_a_standing_remark_lets_the_event_just_told_go_on(events_of):
    text = (
        "In March 2030 the OSCE Office in Atlantis organized a workshop for labour inspectors in Port Utopia. "
        "The Office supports the labour inspectorate in its efforts to identify victims. "
        "The workshop was opened by the Minister of Labour.\n"
    )
    (workshop,) = events_of(text)
    assert [f.text[:12] for f in workshop.follow_ups] == ["The workshop"]


def test_work_over_the_years_up_to_now_is_background(events_of):
    for background in (
        "Since 2021 the OSCE Mission to Atlantis has supported the Ministry of Justice in drafting laws on referral.\n",
        "From 2021 the OSCE Mission to Atlantis provided the Ministry of Justice with advice on referral.\n",
    ):
        assert events_of(background) == (), background
    for act in (
        "From 2021 to 2023 the OSCE Mission to Atlantis supported the Ministry of Justice in drafting a law on referral.\n",
        "Since 2021 the OSCE Mission to Atlantis has run the Atlantis Referral Project with the Ministry of Justice.\n",
        "In 2021 the OSCE Mission to Atlantis supported the Ministry of Justice in drafting a law on referral.\n",
    ):
        assert len(events_of(act)) == 1, act
