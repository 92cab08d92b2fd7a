"""Partners beyond the OSCE on short excerpts of press releases and reports: national authorities,
NGOs, treaty bodies and embassies with their kind and country, the names that are not partners, and
the headline and symbol cases that once made bad body names."""

from __future__ import annotations

from pathlib import Path

import pytest

from cthbgraph.extract.bodies import BodyFinder, load_gazetteer
from cthbgraph.extract.partner_acronyms import long_form
from cthbgraph.extract.partners import PartnerFinder
from cthbgraph.records import Report


@pytest.fixture(scope="module")
def finder():
    return PartnerFinder()


@pytest.fixture(scope="module")
def osce_bodies():
    return BodyFinder(load_gazetteer())


def _partners(finder, osce_bodies, text):
    """Partners outside the OSCE bodies the gazetteer and the field-operation patterns find first."""
    return finder.find(text, [(m.start, m.end) for m in osce_bodies.find(text)])


def _read(extractor, text):
    return extractor.extract(Report("excerpt", Path("excerpt.txt"), text))


@pytest.mark.parametrize(
    "text,expected",
    [
        # The country written next to the body: an adjective before it, "of <country>" after it.
        (
            "A free national telephone hotline was opened today in Tirana by the Albanian State Police.",
            [("albania--state-police", "Albania — State Police", "national-authority", "Albania")],
        ),
        (
            "organized by the OSCE Project Co-ordinator in Ukraine jointly with the National School of Judges of Ukraine.",
            [("ukraine--national-school-of-judges", "Ukraine — National School of Judges", "national-authority", "Ukraine")],
        ),
        # "and" after a head noun joins two bodies; "Labour and Social Protection" is one ministry's name.
        (
            "CHISINAU, 5 May 2008 – Officers of the Border Police and the Ministry of Labour and Social Protection took part.",
            [
                ("moldova--border-police", "Moldova — Border Police", "national-authority", "Moldova"),
                ("moldova--ministry-of-labour-and-social-protection", "Moldova — Ministry of Labour and Social Protection", "national-authority", "Moldova"),
            ],
        ),
        # A short name later in the text is the fuller one it begins.
        (
            "The National Committee for Combating Trafficking in Persons of the Republic of Moldova met. "
            "The National Committee approved the plan.",
            [
                ("moldova--national-committee-for-combating-trafficking-in-persons", "Moldova — National Committee for Combating Trafficking in Persons", "national-authority", "Moldova"),
                ("moldova--national-committee-for-combating-trafficking-in-persons", "Moldova — National Committee for Combating Trafficking in Persons", "national-authority", "Moldova"),
            ],
        ),
        # Embassies: the sending country before, the host after ("in Astana" is Kazakhstan).
        (
            "The workshop was funded by the US Embassy in Astana.",
            [("united-states--embassy-kazakhstan", "United States — Embassy in Kazakhstan", "embassy", "United States")],
        ),
        # A name its kind introduces: "the NGO …", "the coalition …".
        (
            "BISHKEK, 15 August 2019 – Three mobile legal clinics run by the NGO Tais Plus opened.",
            [("kyrgyzstan--tais-plus", "Kyrgyzstan — Tais Plus", "ngo", "Kyrgyzstan")],
        ),
        (
            "A side event, co-hosted by the Special Representative and the coalition Tech Against Trafficking, presented tools.",
            [("tech-against-trafficking", "Tech Against Trafficking", "other-partner", "")],
        ),
        # "X's Office" is X's: one body.
        (
            "TBILISI – the Public Defender of Georgia agreed; the Public Defender's Office will report.",
            [
                ("georgia--public-defender", "Georgia — Public Defender", "national-authority", "Georgia"),
                ("georgia--public-defender", "Georgia — Public Defender", "national-authority", "Georgia"),
            ],
        ),
        # A State's own co-ordinator is not the OSCE's Co-ordinator for Combating Trafficking.
        (
            "SARAJEVO – the State Co-ordinator for Combating Trafficking in Human Beings opened the course.",
            [
                (
                    "bosnia-and-herzegovina--state-co-ordinator-for-combating-trafficking-in-human-beings",
                    "Bosnia and Herzegovina — State Co-ordinator for Combating Trafficking in Human Beings",
                    "national-authority",
                    "Bosnia and Herzegovina",
                )
            ],
        ),
        # A country's adjective before a name whose first word also names an instrument.
        (
            "Officers of the Slovak Protocol Department briefed the diplomats.",
            [("slovakia--protocol-department", "Slovakia — Protocol Department", "national-authority", "Slovakia")],
        ),
        # The country the sentence itself names outweighs the section's ("Kazakh" here, Moldova before).
        (
            "CHISINAU – The Ministry of Interior met. Moldovan officials attended.\n- Welcomed the role of the Supreme Court in applying *Kazakh* law.",
            [
                ("moldova--ministry-of-interior", "Moldova — Ministry of Interior", "national-authority", "Moldova"),
                ("kazakhstan--supreme-court", "Kazakhstan — Supreme Court", "national-authority", "Kazakhstan"),
            ],
        ),
        # A city written in a name stays in it and gives the country; a university is its country's.
        (
            "The round table took place at the Kharkiv State Institute of Economics.",
            [("ukraine--kharkiv-state-institute-of-economics", "Ukraine — Kharkiv State Institute of Economics", "other-partner", "Ukraine")],
        ),
        (
            "TIRANA – Students of the University of Tirana joined.",
            [("albania--university-of-tirana", "Albania — University of Tirana", "other-partner", "Albania")],
        ),
        # A State's delegation at a conference.
        (
            "A film was shown by the Armenian delegation during the break.",
            [("armenia--delegation", "Armenia — delegation", "national-authority", "Armenia")],
        ),
        # A legislature's chamber "of the <adjective> Parliament" is one body of that country.
        (
            "Ana Lopes, Speaker of the Chamber of Deputies of the Romanian Parliament, opened the event.",
            [("romania--chamber-of-deputies", "Romania — Chamber of Deputies", "national-authority", "Romania")],
        ),
        # A unit of an international organisation in a speaker's title line.
        (
            "Jane Doe, Head, Regional Liaison Office, UNHCR, spoke at the opening.",
            [("unhcr--regional-liaison-office", "Regional Liaison Office", "international-organisation", "")],
        ),
        # A UN special procedure is named by its mandate, written in lower case.
        (
            "John Roe, UN Special Rapporteur on contemporary forms of slavery, spoke.",
            [("un-special-rapporteur-on-contemporary-forms-of-slavery", "UN Special Rapporteur on contemporary forms of slavery", "treaty-body", "")],
        ),
        # A body's topic written as the abbreviation is keyed as spelled out.
        (
            "The Mission supports the National Commission on CTHB in Dushanbe.",
            [("tajikistan--national-commission-on-combating-trafficking-in-human-beings", "Tajikistan — National Commission on CTHB", "national-authority", "Tajikistan")],
        ),
        # Treaty bodies are international: no country.
        (
            "The report was presented to the CEDAW Committee in Geneva.",
            [("cedaw-committee", "CEDAW Committee", "treaty-body", "")],
        ),
    ],
)
def test_partners_kind_country_and_key(finder, osce_bodies, text, expected):
    found = [(p.key, p.label, p.kind, p.country) for p in _partners(finder, osce_bodies, text)]
    assert found == expected


@pytest.mark.parametrize(
    "text",
    [
        "The Ministry then published the figures.",  # a reference back, not a name
        "The Government adopted the plan in 2006.",
        "Participating States ratified the Council of Europe Convention.",
        "Experts from the Partners for Co-operation attended.",
        "Ivan Petrov, Border Police Liaison Officer, and Ana Ruiz spoke.",  # a post's title, not a body
        "The function of National Rapporteur was created in 2010.",
    ],
)
def test_partners_not_a_name(finder, osce_bodies, text):
    assert _partners(finder, osce_bodies, text) == []


def test_partners_a_list_of_fields_is_one_ministry(finder, osce_bodies):
    text = "Officials of the Ministry of Health, Family Affairs and Youth of Albania attended the round table."
    assert [(p.key, p.country) for p in _partners(finder, osce_bodies, text)] == [
        ("albania--ministry-of-health-family-affairs-and-youth", "Albania")
    ]
    # Another name in the list is not a field: "Ministry of Justice" stays apart.
    text = "The Ministry of Interior, Ministry of Justice and Ministry of Health of Albania met."
    assert len(_partners(finder, osce_bodies, text)) == 3


def test_partners_stop_at_an_osce_body(finder):
    text = "the Ministry of Interior and the OSCE Mission to Skopje"
    mission = text.index("OSCE Mission")
    assert [p.key for p in finder.find(text, [(mission, len(text))])] == ["north-macedonia--ministry-of-interior"]


@pytest.mark.parametrize(
    "text,label",
    [
        # Newsroom listings and headlines: the field operation's name ends at its place.
        ("OSCE Office in Tajikistan Conducts Course for Border Guards on Identifying Victims", "OSCE Office in Tajikistan"),
        ("OSCE Mission to Bosnia and Herzegovina What role for social workers?", "OSCE Mission to Bosnia and Herzegovina"),
    ],
)
def test_partners_headline_verbs_are_not_body_names(extractor, text, label):
    labels = [b.label for b in _read(extractor, text).bodies if b.kind == "FieldOperation"]
    assert labels == [label]


def test_partners_meeting_symbol_is_a_decision_not_the_council(extractor):
    text = "OSCE Ministerial Council Decision No. 1, adopted in Vienna, 28 November 2000 -MC(8).DEC/1"
    extraction = _read(extractor, text)
    assert [(d.excerpt.text, d.key) for d in extraction.decisions][-1] == ("MC(8).DEC/1", "mc-dec-1-00")
    assert "MC(8" not in {b.excerpt.text for b in extraction.bodies}


def test_partners_are_bodies_with_kind_country_and_confidence(extractor):
    text = (
        "ASTANA, 5 May 2011 – Thirty judges completed a course organized by the OSCE Centre in Astana "
        "with the Supreme Court and UNODC."
    )
    bodies = {b.key: b for b in _read(extractor, text).bodies}
    court = bodies["kazakhstan--supreme-court"]
    assert (court.kind, court.partner_kind, court.country) == ("ExternalOrganisation", "national-authority", "Kazakhstan")
    assert 0 < court.confidence < bodies["unodc"].confidence <= 1
    assert bodies["unodc"].partner_kind == "international-organisation"


@pytest.mark.parametrize(
    "text,relation,old,new",
    [
        ("The OSCE Programme Office in Dushanbe, formerly the OSCE Office in Tajikistan, trained judges.", "renamed", "office-tajikistan", "programme-office-dushanbe"),
        ("In 2006 the Anti-Trafficking Mechanism was transformed into the Office of the Special Representative.", "renamed", "anti-trafficking-mechanism", "osr-cthb"),
        ("The ODIHR Anti-Trafficking Unit, replaced by the ATAU, closed its files.", "succeeded", "odihr-anti-trafficking-unit", "atau"),
    ],
)
def test_partners_lineage(extractor, text, relation, old, new):
    assert [(r.relation, r.old.key, r.new.key) for r in _read(extractor, text).renames] == [(relation, old, new)]


@pytest.mark.parametrize("name", ["de-press-release.txt", "table-only.txt", "links-only.txt"])
def test_partners_bad_input_invents_no_partner(extractor, name):
    path = Path(__file__).parent / "genres" / "bad" / name
    bodies = _read(extractor, path.read_text(encoding="utf-8")).bodies
    assert [b.excerpt.text for b in bodies if b.partner_kind and b.confidence < 0.95] == []


@pytest.mark.parametrize(
    "text,name",
    [
        ("The guide was launched in Vienna by the OSCE Secretariat in partnership with Green Bridge Coalition.", "Green Bridge Coalition"),
        ("The OSCE Mission to Atlantis trained 20 teachers with the support of Blue Kite Youth Group.", "Blue Kite Youth Group"),
    ],
)
def test_partners_named_where_a_partner_stands(finder, osce_bodies, text, name):
    # No head noun of an institution, no entity needed: the phrase that introduces a partner names one.
    assert name in [text[p.start : p.end] for p in _partners(finder, osce_bodies, text)]


def test_partners_a_bare_word_after_by_is_a_reference_back(finder, osce_bodies):
    text = "Projects supported by the Fund cover research and hotlines."
    assert _partners(finder, osce_bodies, text) == []


@pytest.mark.parametrize(
    "text,entity",
    [
        ("The Task Force on CTHB met twice in Dushanbe.", "CTHB"),
        ("The seminar Addressing Irregular Migration gathered border guards from five States.", "Addressing Irregular Migration"),
    ],
)
def test_partners_an_entity_that_is_a_topic_or_a_title_is_no_partner(finder, osce_bodies, text, entity):
    # The model may call a topic's abbreviation or an event's title an organisation; neither is a body.
    start = text.index(entity)
    found = finder.find(text, [(m.start, m.end) for m in osce_bodies.find(text)], ents=[(start, start + len(entity), "ORG")])
    assert entity not in [text[p.start : p.end] for p in found]


def test_partners_a_working_group_the_model_finds_stays_a_partner(finder, osce_bodies):
    text = "The Working Group on Victim Identification of Atlantis met in May."
    entity = "Working Group on Victim Identification"
    start = text.index(entity)
    found = finder.find(text, [(m.start, m.end) for m in osce_bodies.find(text)], ents=[(start, start + len(entity), "ORG")])
    assert any(entity in text[p.start : p.end] for p in found)


@pytest.mark.parametrize(
    "text,entity",
    [
        # An event's title and a meeting's acronym the model calls organisations.
        ("She spoke at the Safe Harbour Partnership in the Fight against Exploitation event in Riga.", "Safe Harbour Partnership"),
        ("NGOs met on the margins of the Annual Review Meeting (ARM) in Warsaw.", "ARM"),
        # An instrument's acronym: "Convention" heads the title before the brackets.
        ("The Mission trained judges on the Convention against Cross-Border Organized Crime (CBOC) in Tirana.", "CBOC"),
    ],
)
def test_partners_an_event_title_or_acronym_is_no_partner(finder, osce_bodies, text, entity):
    start = text.index(entity)
    found = finder.find(text, [(m.start, m.end) for m in osce_bodies.find(text)], ents=[(start, start + len(entity), "ORG")])
    assert entity not in [text[p.start : p.end] for p in found]


@pytest.mark.parametrize(
    "text,expected",
    [
        # Two adjectives joined by "and" before the head noun are one name; so is a ministry's last field.
        (
            "In Sarajevo she met members of the High Judicial and Prosecutorial Council.",
            ["bosnia-and-herzegovina--high-judicial-and-prosecutorial-council"],
        ),
        ("The round table was co-hosted by the Lithuanian Ministry of Interior and Administration.", ["lithuania--ministry-of-interior-and-administration"]),
        # "Law Enforcement" is no law; a crisis centre introduces its name like "the NGO".
        ("The course was hosted by the Academy of Law Enforcement Agencies of Armenia.", ["armenia--academy-of-law-enforcement-agencies"]),
        ("BISHKEK, 3 May 2021 – The Office met the crisis centre Ak Jol.", ["kyrgyzstan--ak-jol"]),
        # Police forces named in their own language.
        ("The exercise was run with the French Gendarmerie in Lyon.", ["france--gendarmerie"]),
        # The embassy "of" a country is that country's; the place a delegation travels "to" is not its country.
        ("The seminar was funded by the Embassy of Norway in Yerevan.", ["norway--embassy-armenia"]),
        ("ASHGABAT – officials of the State Migration Service on a study visit to Warsaw.", ["turkmenistan--state-migration-service"]),
        # A named unit "of the" a body named in full: two mentions; a bare "Committee of the ..." stays one.
        (
            "CHISINAU – Officers of the Anti-Trafficking Unit of the Ministry of Interior attended.",
            ["moldova--anti-trafficking-unit", "moldova--ministry-of-interior"],
        ),
        # A plural's possessive belongs to the name; a training centre's field is no event; a law faculty is no law.
        ("TIRANA – The Women's Rights Centre hosted the meeting.", ["albania--womens-rights-centre"]),
        ("Trainers came from the Centre for Judicial Training of Georgia.", ["georgia--centre-for-judicial-training"]),
        ("Lecturers of the Faculty of Law of the University of Belgrade took part.", ["serbia--university-of-belgrade"]),
        ("BELGRADE – The Commissariat for Refugees and Migration co-hosted it.", ["serbia--commissariat-for-refugees-and-migration"]),
        # Authorities, commissioners, working groups and shelters are named bodies too.
        ("DUBLIN – The Labour Inspection Authority briefed the Independent Anti-Slavery Commissioner.", ["ireland--labour-inspection-authority", "ireland--independent-anti-slavery-commissioner"]),
        ("The Interministerial Working Group on Trafficking in Persons of Slovenia met.", ["slovenia--interministerial-working-group-on-trafficking-in-persons"]),
        ("OSH – The Shelter for Victims of Trafficking hosted the visit.", ["kyrgyzstan--shelter-for-victims-of-trafficking"]),
    ],
)
def test_partners_names_joined_by_and_and_their_countries(finder, osce_bodies, text, expected):
    assert [p.key for p in _partners(finder, osce_bodies, text)] == expected


@pytest.mark.parametrize(
    "text",
    [
        "My Office trained 40 labour inspectors in Tbilisi.",  # the author's own body, in the first person
        "In Skopje the function is exercised under the Law on the Ombudsman.",  # the subject of a law
        "“We need joint teams,” said the Chief State Prosecutor.",  # a person speaking
    ],
)
def test_partners_first_person_laws_and_speakers_are_no_partners(finder, osce_bodies, text):
    assert _partners(finder, osce_bodies, text) == []


def test_partners_an_eu_agency_the_model_finds_is_a_partner(finder, osce_bodies):
    text = "Experts from Eurojust presented two cases."
    start = text.index("Eurojust")
    found = finder.find(text, [(m.start, m.end) for m in osce_bodies.find(text)], ents=[(start, start + 8, "ORG")])
    assert [(p.key, p.kind) for p in found] == [("eurojust", "international-organisation")]


def test_partners_an_acronym_in_brackets_is_the_name_before_it(finder, osce_bodies):
    text = "SOFIA – The National Commission for Combating Trafficking (NCCT) met."
    start = text.index("NCCT")
    found = finder.find(text, [(m.start, m.end) for m in osce_bodies.find(text)], ents=[(start, start + 4, "ORG")])
    assert [p.key for p in found] == ["bulgaria--national-commission-for-combating-trafficking"] * 2


@pytest.mark.parametrize(
    "text,expected",
    [
        # "of <country>" at the end is cut off, also before "and <listed body>" or "in <city>".
        ("The survey was run with the Ministry of Social Affairs of Georgia and UNICEF.", ["georgia--ministry-of-social-affairs"]),
        ("A seminar was opened by the Ministry of Justice of Moldova in Chisinau in May.", ["moldova--ministry-of-justice"]),
        # An embassy "of" a State is that State's, in the country the text is about.
        ("In Tirana the Mission and the Embassy of Sweden trained 20 judges.", ["sweden--embassy-albania"]),
        # A country of several words before a name, and a city after it that is part of the name.
        ("He testified before the United States Helsinki Commission.", ["united-states--helsinki-commission"]),
        # A list of fields before a head noun, and one after "on".
        ("Staff of the State Customs, Tax and Border Inspectorate of Armenia took part.", ["armenia--state-customs-tax-and-border-inspectorate"]),
        (
            "It met the Interagency Council on Combating Smuggling, Forced Labour and Trafficking in Persons of Kazakhstan.",
            ["kazakhstan--interagency-council-on-combating-smuggling-forced-labour-and-trafficking-in-persons"],
        ),
        # Two plurals joined before a head noun are one name; "Public" before a plural is no second body.
        ("Under-Secretary of the Migrants and Refugees Section, Holy See.", ["holy-see--migrants-and-refugees-section"]),
        ("KYIV – The Academy for Judges and Public Prosecutors hosted the course.", ["ukraine--academy-for-judges-and-public-prosecutors"]),
        # A unit "of the" a named body is a body of its own, in the country of its parent.
        ("The course was held at the Academy of the Ministry of Interior of Serbia.", ["serbia--academy", "serbia--ministry-of-interior"]),
        ("It was hosted by the Border Troops of the State Security Committee of Kazakhstan.", ["kazakhstan--border-troops", "kazakhstan--state-security-committee"]),
        # A unit of an international organisation: its acronym before it, or "of the" it after it.
        ("Delegates of the CIS Executive Committee spoke.", ["cis--executive-committee"]),
        ("The study was co-organized with the Executive Committee of the CIS.", ["cis--executive-committee"]),
        ("Maria Rossi, Chief, Division for Policy Analysis, UNODC", ["unodc--division-for-policy-analysis"]),
        # A UN special procedure's mandate ends before a verb.
        ("The UN Special Rapporteur on trafficking in persons presented her report.", ["un-special-rapporteur-on-trafficking-in-persons"]),
        # A State's rapporteur is keyed by the post.
        ("The Finnish National Rapporteur on Trafficking in Human Beings met the Mission.", ["finland--national-rapporteur"]),
        # A "Prosecution Office in <city>" is no OSCE office.
        ("The adviser worked at the Organized Crime Prosecution Office in Skopje.", ["north-macedonia--organized-crime-prosecution-office"]),
        # "Northern Ireland" is in the United Kingdom.
        ("Officers of the Police Service of Northern Ireland taught the course.", ["united-kingdom--police-service-of-northern-ireland"]),
    ],
)
def test_partners_name_shapes_and_countries(finder, osce_bodies, text, expected):
    assert [p.key for p in _partners(finder, osce_bodies, text)] == expected


def test_partners_a_kind_of_body_after_an_indefinite_article_is_none(finder, osce_bodies):
    text = "States should appoint a National Rapporteur or an equivalent mechanism."
    assert _partners(finder, osce_bodies, text) == []


def test_partners_well_known_un_entities_are_listed(osce_bodies):
    assert [m.key for m in osce_bodies.find("A guide was written with UN Women and the FAO.")] == ["un-women", "fao"]


def test_partners_a_slash_pair_of_osce_units_is_two_mentions(osce_bodies):
    text = "In 2019 the TNTD/SPMU trained 30 investigators."
    assert [m.key for m in osce_bodies.find(text)] == ["tntd", "spmu"]


def test_partners_a_field_operation_before_and_a_partner(osce_bodies):
    text = "The Project Co-ordinator in Ukraine and Winrock International trained 50 women."
    assert [m.key for m in osce_bodies.find(text)] == ["project-co-ordinator-ukraine"]
    text = "The Mission to Serbia and Montenegro held a seminar."
    assert [m.key for m in osce_bodies.find(text)] == ["mission-serbia-and-montenegro"]


def test_partners_the_last_sentence_naming_a_country_outweighs_the_section(finder, osce_bodies):
    text = (
        "The Mission to Serbia trained judges in Belgrade. In Serbia, 40 prosecutors took part. "
        "The Secretariat joined a workshop of the Ministry of Justice of Moldova in Chisinau. "
        "Participants discussed referral. Later the Ministry set up a working group with the State Labour Inspectorate."
    )
    assert [p.key for p in _partners(finder, osce_bodies, text)][-1] == "moldova--state-labour-inspectorate"


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Officials of the General Prosecutor's Office of the Kyrgyz Republic attended.", ["kyrgyzstan--general-prosecutors-office"]),
        ("Together with the Ombudsman's Office in Kosovo, the Mission drafted a report.", ["kosovo--ombudsmans-office"]),
        ("The meeting was hosted by the German Federal Foreign Office in Berlin.", ["germany--federal-foreign-office"]),
        ("OSH – The Centre worked with the NGO “Ak Jol” on a hotline.", ["kyrgyzstan--ak-jol"]),
    ],
)
def test_partners_republics_possessives_and_quoted_names(finder, osce_bodies, text, expected):
    assert [p.key for p in _partners(finder, osce_bodies, text)] == expected


def test_partners_an_embassys_sender_is_not_where_the_text_is(finder, osce_bodies):
    text = (
        "SKOPJE, 2 May 2012 – The round table was organized by the Mission with the NGO Open Gate. "
        "It was funded by the Embassy of Norway. The Agency for Social Protection identified 12 victims."
    )
    keys = [p.key for p in _partners(finder, osce_bodies, text)]
    assert keys[-2:] == ["norway--embassy-north-macedonia", "north-macedonia--agency-for-social-protection"]


def test_partners_a_un_operation_named_by_its_place_is_no_osce_field_operation(osce_bodies):
    text = "The United Nations Mission in Kosovo and the OSCE Mission in Kosovo met."
    assert [m.key for m in osce_bodies.find(text)] == ["united-nations-mission-in-kosovo", "mission-kosovo"]


def test_partners_a_post_of_the_osce_is_two_mentions(osce_bodies):
    assert [m.key for m in osce_bodies.find("Maria Rossi, Secretary General of the OSCE.")] == ["secretary-general", "osce"]


@pytest.mark.parametrize(
    "text,expected",
    [
        # A plural kind introduces a list of names, whatever their words; an apposition and a place are no item.
        (
            "OSH, 2 May 2019 – The NGOs include Umut, a crisis centre in Osh, and Kelechek from Naryn.",
            ["kyrgyzstan--umut", "kyrgyzstan--kelechek"],
        ),
        ("TIRANA, 3 May 2010 – We support NGOs such as Good and Fair and Drita.", ["albania--good-and-fair", "albania--drita"]),
        ("SKOPJE, 4 April 2019 – The Mission trained staff of the NGOs Open Gate and Legis.", ["north-macedonia--open-gate", "north-macedonia--legis"]),
    ],
)
def test_partners_names_a_plural_kind_lists(finder, osce_bodies, text, expected):
    assert [p.key for p in _partners(finder, osce_bodies, text)] == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        # A State's fund, an ombudsperson's institution, one more field of a ministry after a head noun.
        (
            "TBILISI, 2 June 2017 – The Mission trained staff of the State Fund for Protection and Assistance of Victims.",
            ["georgia--state-fund-for-protection-and-assistance-of-victims"],
        ),
        ("PRISTINA, 2 June 2017 – The Mission worked with the Ombudsperson Institution.", ["kosovo--ombudsperson-institution"]),
        (
            "YEREVAN, 1 June 2020 – Equipment went to the Ministry of Territorial Administration and Infrastructure.",
            ["armenia--ministry-of-territorial-administration-and-infrastructure"],
        ),
        # A council named for its task is a State's, not the OSCE's Ministerial Council.
        (
            "The Office supports the Ministerial Council to Combat Trafficking in Persons of Armenia.",
            ["armenia--ministerial-council-to-combat-trafficking-in-persons"],
        ),
    ],
)
def test_partners_funds_institutions_fields_and_councils_for_a_task(finder, osce_bodies, text, expected):
    assert [p.key for p in _partners(finder, osce_bodies, text)] == expected


def test_partners_a_visitors_origin_is_no_clue(finder, osce_bodies):
    text = (
        "ASTANA, 3 May 2013 – The course took place in Astana. “It helps,” said a trainer from Vilnius. "
        "The manual goes to the Prosecutor General’s Office."
    )
    assert [p.key for p in _partners(finder, osce_bodies, text)] == ["kazakhstan--prosecutor-generals-office"]


def test_partners_an_osce_name_of_another_organisation_is_its_body(osce_bodies):
    text = "The Special Representative addressed the Parliamentary Assembly of the Council of Europe."
    assert [m.key for m in osce_bodies.find(text)][-1] == "council-of-europe--parliamentary-assembly"


@pytest.mark.parametrize(
    "text,entity",
    [
        ("Staff of six shelters from Osh, Naryn and Talas took part.", "Osh, Naryn"),  # a list of places
        ("The Centre met the Global Initiative against Transnational Organized Crime.", "Transnational Organized Crime"),
    ],
)
def test_partners_a_models_entity_that_is_no_whole_name(finder, text, entity):
    start = text.index(entity)
    assert finder.find(text, [], [(start, start + len(entity), "ORG")]) == []


@pytest.mark.parametrize(
    "text,expected",
    [
        # British and American spellings, and "UN" for "United Nations", of a listed name.
        ("The EU Anti-Trafficking Coordinator spoke.", ["eu-anti-trafficking-co-ordinator"]),
        ("ODIHR met the Office of the UN High Commissioner for Human Rights.", ["odihr", "ohchr"]),
    ],
)
def test_partners_listed_names_in_other_spellings(osce_bodies, text, expected):
    assert [m.key for m in osce_bodies.find(text)] == expected


def test_partners_an_acronym_after_and_begins_another_name(finder, osce_bodies):
    text = "BELGRADE, 4 March 2014 – The training was held with the Centre for Victims' Protection and ASTRA."
    assert [p.key for p in _partners(finder, osce_bodies, text)][0] == "serbia--centre-for-victims-protection"


@pytest.mark.parametrize(
    "text,span",
    [
        ("Conference on Gender, EU Presidency Portugal (7-9 October 2007, Porto)", "EU Presidency Portugal"),
        ("The seminar was hosted by the Slovenian EU Presidency in May.", "Slovenian EU Presidency"),
    ],
)
def test_partners_the_state_that_holds_the_eu_presidency(osce_bodies, text, span):
    found = {text[m.start : m.end]: m.key for m in osce_bodies.find(text)}
    assert found[span].endswith("--eu-presidency") and found[span].split("--")[0] in ("portugal", "slovenia")


@pytest.mark.parametrize(
    "text,expected",
    [
        # People counted "of"/"from" a list of places or regions are no list of bodies.
        ("The meeting gathered staff from the Offices in Yerevan and Baku.", []),
        ("The course gathered participants from Central Asia and the South Caucasus.", []),
        ("The Mission met the Ministry of Justice and the Coalition of NGOs against Trafficking.", ["ministry-of-justice", "coalition-of-ngos-against-trafficking"]),
    ],
)
def test_partners_people_of_places_and_coalitions(finder, osce_bodies, text, expected):
    assert [p.key for p in _partners(finder, osce_bodies, text)] == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        # A country written before an international-sounding name makes it that country's body;
        # "Rule of Law" after "Bureau for" is the field the bureau works for, not a law.
        (
            "ALMATY, 2 May 2010 – The Centre met the Kazakhstan International Bureau for Human Rights and Rule of Law.",
            ["kazakhstan--international-bureau-for-human-rights-and-rule-of-law"],
        ),
        # Title-case "Against" goes on with the name; a "Global" body is international.
        ("VIENNA, 3 March 2022 – The round table was held with the Global Business Coalition Against Human Trafficking.", ["global-business-coalition-against-human-trafficking"]),
        # The UN treaty bodies are no national committees, wherever they sit.
        ("GENEVA, 4 May 2021 – The Special Representative briefed the Committee on Migrant Workers.", ["committee-on-migrant-workers"]),
    ],
)
def test_partners_international_shapes(finder, osce_bodies, text, expected):
    assert [p.key for p in _partners(finder, osce_bodies, text) if p.kind != "Post"] == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        # A name in the possessive before a unit of its own: two mentions, the unit keyed by the owner's country.
        (
            "ASTANA, 4 May 2009 – Members of the Mazhilis Senat’ Committee on Social Affairs met the Centre's staff.",
            ["kazakhstan--mazhilis-senat", "kazakhstan--committee-on-social-affairs"],
        ),
        # ... and a unit of an organisation the gazetteer lists is that organisation's.
        (
            "The course was taught by UNMIK’s Border and Boundary Police Unit.",
            ["unmik--border-and-boundary-police-unit"],
        ),
        # A plural of people in the possessive names the members, not an owner: one body.
        (
            "TBILISI, 4 May 2009 – The Young Lawyers’ Association for Human Rights met the Mission.",
            ["georgia--young-lawyers-association-for-human-rights"],
        ),
        # "The Government’s Committee": the State owns it, the possessive is no part of its name.
        (
            "SKOPJE, 2 June 2004 – The Government’s Inter-Ministerial Committee on Migration met today.",
            ["north-macedonia--inter-ministerial-committee-on-migration"],
        ),
        # "of" after "and" begins no second name: "Rights of Minorities" is the same office's field.
        (
            "BELGRADE – The Office for Refugees and Rights of Minorities of the Government of Serbia hosted it.",
            ["serbia--office-for-refugees-and-rights-of-minorities", "serbia--government"],
        ),
    ],
)
def test_partners_possessives_and_a_field_after_and(finder, osce_bodies, text, expected):
    assert [p.key for p in _partners(finder, osce_bodies, text)] == expected


def test_partners_a_proper_name_found_once_is_that_body_where_it_is_repeated(finder, osce_bodies):
    # "the women’s group Vesta" names an NGO with no head noun; "of Vesta" later is the same body,
    # while a bare repeat of a head-noun name ("the Academy") is a reference back.
    text = (
        "ZAGREB, 3 March 2003 – A shelter was set up by the Zagreb women’s group Vesta. "
        "“We are ready,” said Ana Kovač of Vesta."
    )
    assert [(p.key, text[p.start : p.end]) for p in _partners(finder, osce_bodies, text)] == [
        ("croatia--vesta", "Vesta"),
        ("croatia--vesta", "Vesta"),
    ]
    text = "TASHKENT – The course began at the Academy of the Ministry of Internal Affairs. The Academy runs it."
    assert [text[p.start : p.end] for p in _partners(finder, osce_bodies, text)] == ["Academy", "Ministry of Internal Affairs"]


def test_partners_a_donor_or_a_listing_line_places_no_body(finder, osce_bodies):
    # "funded by Italy": the donor is abroad; the dateline places the inspectorate.
    text = "TIRANA, 5 May 2018 – The protocol was signed today. The Presence supports the State Labour Inspectorate, funded by Italy."
    assert [p.key for p in _partners(finder, osce_bodies, text)] == ["albania--state-labour-inspectorate"]
    # A listing's line is a sentence of its own: the country of its field operation, not the next line's.
    text = "2 March 2008 – Mission to Serbia and Ministry of Interior train police\n3 March 2008 – OSCE Centre in Bishkek opens a course in Osh"
    assert [p.key for p in _partners(finder, osce_bodies, text)] == ["serbia--ministry-of-interior"]


def test_partners_a_short_name_is_not_a_fuller_one_with_another_head(finder, osce_bodies):
    text = "PRISTINA – Officers of the Kosovo Police Service trained at the Kosovo Police Service School."
    assert [p.key for p in _partners(finder, osce_bodies, text)] == ["kosovo--police-service", "kosovo--police-service-school"]


def test_partners_a_country_inside_the_name_is_its_country_not_its_key(finder, osce_bodies):
    text = "A course was held for 30 officers from the Association of Moldova Border Police Women."
    assert [p.key for p in _partners(finder, osce_bodies, text)] == ["moldova--association-of-border-police-women"]


def test_partners_a_name_inside_a_quoted_title_is_no_body(finder, osce_bodies):
    # The model's entity in "“Child Labour and Migration in Europe: A Review”" is a title's words;
    # a name that fills its quotation marks is a body ("the NGO “Hope Line”").
    text = "See “Child Labour and Migration in Europe: A Review”, ILO 2004; the NGO “Hope Line” helped."
    ents = [(text.index("Child"), text.index(":"), "ORG")]
    found = finder.find(text, [(m.start, m.end) for m in osce_bodies.find(text)], ents)
    assert [text[p.start : p.end] for p in found] == ["Hope Line"]


def test_partners_a_place_inside_a_quotation_does_not_place_the_speakers_body(finder, osce_bodies):
    text = (
        "SKOPJE, 3 July 2015 – Officials of North Macedonia returned from a visit. "
        "“What we saw in Belgrade works,” said Ana Petrova of the Office for Migration Policy."
    )
    assert [p.key for p in _partners(finder, osce_bodies, text)] == ["north-macedonia--office-for-migration-policy"]


def test_partners_the_rest_of_a_list_of_fields_is_no_name(finder, osce_bodies):
    text = "The SR met representatives of Directorates-General for Employment, Health and Consumers and others."
    ents = [(text.index("Health"), text.index(" and others"), "ORG")]
    assert finder.find(text, [(m.start, m.end) for m in osce_bodies.find(text)], ents) == []


def test_partners_a_name_the_text_once_placed_keeps_that_country(finder, osce_bodies):
    # The title line writes the State after the unit; a later mention of the same unit alone is the same body.
    text = (
        "Anna Berg, Head of the Labour Migration Section, Holy See, spoke at the opening.\n\n"
        "A paper of the Labour Migration Section was read out at the close."
    )
    assert [p.key for p in _partners(finder, osce_bodies, text)] == ["holy-see--labour-migration-section"] * 2


def test_partners_a_public_defenders_office_is_the_public_defender(finder, osce_bodies):
    # The Public Defender is an institution of one person; "the Prosecutor General's Office" stays an office.
    text = "YEREVAN – Together with the Public Defender’s Office and the Prosecutor General’s Office, the Office ran it."
    assert [p.key for p in _partners(finder, osce_bodies, text)] == ["armenia--public-defender", "armenia--prosecutor-generals-office"]


@pytest.mark.parametrize(
    "short,words,long",
    [
        # Each letter right to left, the first at the start of a word: the fewest words that hold them.
        ("SACRP", "trained by the State Agency for Child Rights Protection", "State Agency for Child Rights Protection"),
        ("MoI", "a letter from the Ministry of Interior", "Ministry of Interior"),
        # "Albanian" holds no letter the match needs: the long form begins at "Association".
        ("AAJ", "the Albanian Association of Judges", "Association of Judges"),
        # A name in another language than its acronym's does not spell it: no long form.
        ("CNPAC", "the National Centre for Prevention of Child Abuse", None),
    ],
)
def test_acronyms_the_long_form_holds_the_letters_in_order(short, words, long):
    at = long_form(short, words)
    assert (words[at:] if at >= 0 else None) == long


def test_acronyms_a_bare_acronym_later_takes_the_long_form_key(finder, osce_bodies):
    text = (
        "TIRANA, 3 May 2010 – The OSCE Presence and the State Agency for Child Rights Protection (SACRP) "
        "trained 30 social workers. In June, SACRP staff visited three shelters."
    )
    found = _partners(finder, osce_bodies, text)
    assert [(text[p.start : p.end], p.key) for p in found] == [
        ("State Agency for Child Rights Protection", "albania--state-agency-for-child-rights-protection"),
        ("SACRP", "albania--state-agency-for-child-rights-protection"),
        ("SACRP", "albania--state-agency-for-child-rights-protection"),
    ]


def test_acronyms_the_acronym_written_first_and_the_long_form_in_brackets(finder, osce_bodies):
    text = "In Chisinau, the Mission briefed NCTP (National Committee for Trafficking Prevention) on the survey."
    found = _partners(finder, osce_bodies, text)
    assert {p.key for p in found} == {"moldova--national-committee-for-trafficking-prevention"}
    assert "NCTP" in [text[p.start : p.end] for p in found]


def test_acronyms_a_long_form_the_rules_cut_is_read_whole_wherever_it_is_repeated(finder, osce_bodies):
    # The head-noun rule reads at most a few capitalised words before "Council": the acronym shows
    # where the name begins, and its repeat in full is cut the same way and mended the same way.
    text = (
        "In 2019, ODIHR set up the International Survivors of Slavery Advisory Council (ISSAC), a group of "
        "survivor leaders. Members of the International Survivors of Slavery Advisory Council met in Warsaw."
    )
    found = _partners(finder, osce_bodies, text)
    assert [(text[p.start : p.end], p.key) for p in found] == [
        ("International Survivors of Slavery Advisory Council", "international-survivors-of-slavery-advisory-council"),
        ("ISSAC", "international-survivors-of-slavery-advisory-council"),
        ("International Survivors of Slavery Advisory Council", "international-survivors-of-slavery-advisory-council"),
    ]


def test_acronyms_an_acronym_that_opens_a_longer_name_is_not_its_long_form(finder, osce_bodies):
    text = (
        "PRAGUE – The Ministry of Foreign Affairs (MFA) hosted the meeting. In 2000, the MFA Diplomatic Protocol "
        "introduced a policy on domestic workers."
    )
    found = _partners(finder, osce_bodies, text)
    assert [text[p.start : p.end] for p in found if p.key == "czech-republic--ministry-of-foreign-affairs"] == [
        "Ministry of Foreign Affairs",
        "MFA",
    ]


def test_acronyms_a_bare_acronym_in_a_compound_is_a_mention_of_its_own(finder, osce_bodies):
    # Slash and hyphen compounds are split into their names, as the annotation sets split them.
    text = "The State Agency for Child Rights Protection (SACRP) of Albania met. An SACRP-led team and UNICEF/SACRP staff visited."
    found = _partners(finder, osce_bodies, text)
    assert [text[p.start : p.end] for p in found if p.key == "albania--state-agency-for-child-rights-protection"] == [
        "State Agency for Child Rights Protection",
        "SACRP",
        "SACRP",
        "SACRP",
    ]


def test_partners_a_states_permanent_mission_to_the_osce_is_its_own_body(extractor):
    # "to the OSCE" is where the mission is accredited: part of its name, not a mention of the OSCE.
    text = "On 5 December the Chairmanship and the Permanent Mission of Malta to the OSCE organized a side event."
    keys = [b.key for b in _read(extractor, text).bodies]
    assert "malta--permanent-mission-to-the-osce" in keys
    assert "osce" not in keys


def test_partners_a_parliament_named_through_its_speaker(finder, osce_bodies):
    # A bare "the Parliament" is a reference back; after its presiding office-holder it is the State's one legislature.
    text = "In Valletta he met the Speaker of the Parliament and the Chairperson of the Senate. The Parliament adopted it."
    assert [(p.key, text[p.start : p.end]) for p in _partners(finder, osce_bodies, text)] == [
        ("malta--parliament", "Parliament"),
        ("malta--senate", "Senate"),
    ]


@pytest.mark.parametrize(
    "text,expected",
    [
        # "A and B" right before a head noun is one name, not "B <head>" alone.
        ("LONDON – The conference was held with the Foreign and Commonwealth Office.", ["united-kingdom--foreign-and-commonwealth-office"]),
        ("SKOPJE – Researchers of Ss. Cyril and Methodius University wrote it.", ["north-macedonia--ss-cyril-and-methodius-university"]),
        # ... but an OSCE mission before "and" begins no name of the partner's.
        ("SKOPJE – Mission and Police Directorate launch campaign", ["north-macedonia--police-directorate"]),
        # A list of fields before the head stays whole, its commas included.
        ("DUSHANBE – Inspectors of the State Labour, Migration and Employment Inspectorate met.", ["tajikistan--state-labour-migration-and-employment-inspectorate"]),
        # ... and after it, also where the line wraps after a comma.
        (
            "ASTANA – The Centre supported the Interagency Commission on Combating Illegal Export, \nImport and Trafficking in Persons.",
            ["kazakhstan--interagency-commission-on-combating-illegal-export-import-and-trafficking-in-persons"],
        ),
    ],
)
def test_partners_names_joined_by_and(finder, osce_bodies, text, expected):
    assert [p.key for p in _partners(finder, osce_bodies, text)] == expected


def test_partners_a_working_body_of_a_listed_organisation_is_its_unit(finder, osce_bodies):
    # The organisation named after "of the" owns the task force: not a body of the country where it met.
    text = "It spoke at the Task Force against Trafficking in Human Beings of the Council of the Baltic Sea States in Stockholm."
    assert [p.key for p in _partners(finder, osce_bodies, text)] == ["cbss--task-force-against-trafficking-in-human-beings"]


@pytest.mark.parametrize(
    "text,gone,kept",
    [
        ("On 18 October, EU Anti-Trafficking Day, the Mission launched a campaign with the EU.", "european-union", 1),
        ("It helps align national law with the UN Trafficking Protocol and reports to the UN.", "united-nations", 1),
        # "UN Administered" is one compound ("UN-administered") before the noun it qualifies.
        ("Shelters opened in the UN Administered Province, with support from the EU.", "united-nations", 0),
        ("Shelters opened in the EU Funded Centres of Skopje, with support from the EU.", "european-union", 1),
    ],
)
def test_partners_a_short_name_that_opens_a_title_is_no_mention(extractor, text, gone, kept):
    # "EU Anti-Trafficking Day" names a day; the same organisation named on its own is kept.
    assert [b.key for b in _read(extractor, text).bodies].count(gone) == kept


def test_partners_an_instruments_acronym_is_no_partner_anywhere(extractor):
    # The text defines "CBOC" as a convention's acronym; written alone later it still names the convention.
    text = (
        "In 2001 the States adopted the Convention against Cross-Border Organized Crime (CBOC).\n\n"
        "The Mission helped the Ministry of Justice of Albania ratify the CBOC together with UNODC."
    )
    keys = [b.key for b in _read(extractor, text).bodies]
    assert "cboc" not in keys and "unodc" in keys


@pytest.mark.parametrize(
    "text,entity,expected",
    [
        # A nationality written inside the name gives the body its country, and the key leaves it out.
        ("Speakers from the Federation of Norwegian Employers presented their code of conduct.", "Federation of Norwegian Employers", "norway--federation-of-employers"),
        # A name that opens with "National" is a State's body: the country comes from the text around it.
        ("The Mission in Tirana trained judges in Albania.\nIt then met the National Referral Team in Durrës.", "National Referral Team", "albania--national-referral-team"),
    ],
)
def test_partners_an_entitys_country_from_its_own_words(finder, osce_bodies, text, entity, expected):
    start = text.index(entity)
    found = finder.find(text, [(m.start, m.end) for m in osce_bodies.find(text)], ents=[(start, start + len(entity), "ORG")])
    assert expected in [p.key for p in found]


def test_partners_a_unit_takes_the_country_that_opens_its_parents_name(finder, osce_bodies):
    # Portugal is named nearer, but the parent's name says whose the office is.
    text = "Portugal hosted the talks with the Anti-Fraud Office of the United Kingdom Home Office."
    assert [p.key for p in _partners(finder, osce_bodies, text)][0] == "united-kingdom--anti-fraud-office"
