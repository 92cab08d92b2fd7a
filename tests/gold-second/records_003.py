R = 'osr-2016-17-report'
SR, OSR = 'special-representative-cthb', 'osr-cthb'

def records(rec):
    return [
    # Foreword of the Secretary General
    rec(R, "The OSCE has been engaging in a variety", "for taking tangible initiatives forward.", 'fw-initiatives', 'other', ['osce', OSR]),
    rec(R, "With its extensive network of field operations and its web", "protect victims across our region.", 'fw-frontline', 'training', ['osce']),
    # Flagship project: migration routes
    rec(R, "With a lack of efficient co-operation and diverging legislative", "cross-sectoral project in 2016 to:", 'migr', 'project', [OSR], date='2016'),
    rec(R, "(L-r): **Laura Boldrini**", "Vicenza, Italy, 17 June 2016.", 'migr', 'project', [SR], ['coespu'], date='2016-06-17', place='Vicenza', country='Italy'),
    # Public-Private Partnership conference, Moscow
    rec(R, "Kamran Fannizadeh, Deputy Director, Governance", "event, Moscow, 20 July 2017.", 'ppp', 'conference', ['ilo'], date='2017-07-20', place='Moscow', country='Russia'),
    rec(R, "In co-operation with the Ministry of Foreign Affairs of the Russian Federation, in July 2017", "Moscow State Institute of International Relations.", 'ppp', 'conference', [OSR], ['russia--ministry-of-foreign-affairs'], date='2017-07', place='Moscow', country='Russia'),
    rec(R, "The conference provided participants with a platform", "in the private sector.", 'ppp', 'conference', [OSR], implicit=True),
    rec(R, "They also discussed how to build on existing experience", "minimize the risk of human trafficking.", 'ppp', 'conference', [OSR], implicit=True),
    rec(R, "The two-day event gathered almost 200 participants", "trade unions, academia and the media.", 'ppp', 'conference', [OSR], implicit=True),
    # Trafficking of minors
    rec(R, "In recognition of the fact that countless children", "the best interests of the child.", 'spotlight', 'advocacy', [OSR]),
    rec(R, "The OSR/CTHB, together with the 2017 Chair of the Contact Group", "large movement of migrants.", 'medconf', 'conference', [OSR], ['contact-group-mediterranean-partners'], date='2017'),
    rec(R, "Aiming to **raise the public and political profile**", "Best Interests of the Child**.", 'alliance17', 'conference', ['alliance-against-trafficking-in-persons'], date='2017'),
    rec(R, "Marilena Viviani, Director Geneva Liaison Office", "Trafficking in Persons Conference.", 'alliance17', 'conference', ['unicef']),
    # Country visits
    rec(R, "In **2017**, the Office of the Special Representative carried out country visits", "**Russian Federation**.", 'cv-denmark', 'country-visit', [OSR], date='2017'),
    rec(R, "A follow-up visit was also conducted in **Canada**.", "**Canada**.", 'cv-canada', 'country-visit', [OSR], country='Canada', implicit=True),
    rec(R, "In **2016**, the Office of the Special Representative carried out country visits", "**United States of America**.", 'cv-armenia', 'country-visit', [OSR], date='2016'),
    rec(R, "A follow-up visit was also conducted in **Romania**.", "**Romania**.", 'cv-romania', 'country-visit', [OSR], country='Romania', implicit=True),
    rec(R, "During her country visit to the Russian Federation, the Special Representative held", "Foreign Minister Sergei Lavrov.", 'cv-russia', 'country-visit', [SR], country='Russia'),
    rec(R, "The Special Representative meets with U.S. Rep. Chris Smith", "Visit to the United States of America.", 'cv-usa', 'country-visit', [SR], country='United States'),
    rec(R, "Meeting with the Head of the Mongolian Immigration Agency", "in Mongolia, October 2017.", 'cv-mongolia', 'country-visit', [OSR], ['mongolia--immigration-agency'], date='2017-10', country='Mongolia', implicit=True),
    rec(R, "Staff of the OSR/CTHB meet with Mr. Jakub", "Multilateral Issues, Czech Republic.", 'cv-czech', 'country-visit', [OSR], country='Czech Republic'),
    rec(R, "After each country visit, the Office of the Special Representative writes", "could be enhanced.", 'cv-reports', 'publication', [OSR]),
    rec(R, "These reports are shared with national authorities", "published on the OSCE website.", 'cv-reports', 'publication', [OSR], implicit=True),
    # NGO consultation
    rec(R, "A second consultation with NGOs from the OSCE region took place", "on 19 September 2017.", 'ngo2', 'meeting', [OSR], ['odihr'], date='2017-09-19', implicit=True),
    rec(R, "During the meeting, 20 specialized NGOs", "state agencies and anti-trafficking NGOs.", 'ngo2', 'meeting', [OSR], implicit=True),
    rec(R, "In late 2017, this data in turn was complemented", "other relevant institutions.", 'ngo-analysis', 'research', [OSR], date='2017', implicit=True),
    # Domestic servitude conference (Austrian Chairmanship)
    rec(R, "In May 2017, high-level diplomats and heads of Protocol", "in diplomatic households.", 'domserv', 'conference', ['chairmanship'], date='2017-05', implicit=True),
    rec(R, "(l-r) Ambassador Tichy-Fisslberger", "Vienna, 12 May 2017.", 'domserv', 'conference', ['chairmanship'], [SR, 'austria--national-co-ordinator-on-combating-human-trafficking'], date='2017-05-12', place='Vienna', country='Austria'),
    rec(R, "Tangible examples of value-added initiatives", "presented and discussed during the event.", 'domserv', 'conference', ['chairmanship'], implicit=True),
    rec(R, "Key speakers at the event included representatives from Italy", "the United Kingdom and the United States.", 'domserv', 'conference', ['chairmanship'], implicit=True),
    rec(R, "Various other delegations showed great interest", "new challenges and trends in the area.", 'domserv', 'conference', ['chairmanship'], implicit=True),
    rec(R, "Representatives of the Austrian Protocol Department", "domestic staff of diplomats.", 'domserv', 'conference', ['austria--protocol-department', 'austria--criminal-intelligence-service', 'austria--ministry-of-labour-social-affairs-and-consumer-protection'], country='Austria'),
    rec(R, "They provided information about staff rights", "is being monitored.", 'domserv', 'conference', ['austria--protocol-department', 'austria--criminal-intelligence-service', 'austria--ministry-of-labour-social-affairs-and-consumer-protection'], implicit=True),
    rec(R, "In 2016, the OSR/CTHB also furthered its work to prevent", "Protect Private Domestic Workers\".", 'handbook-es', 'publication', [OSR], date='2016'),
    # Programme Office in Dushanbe
    rec(R, "Following the 2015 visit of the OSCE's Special Representative on Combating", "identifying the victims of trafficking.", 'poid-followup', 'other', ['programme-office-dushanbe']),
    rec(R, "In the course of 2016, the POiD hosted two high-level Dialogues", "and the international community.", 'poid-dialogues', 'meeting', ['programme-office-dushanbe'], date='2016'),
    rec(R, "The Dialogue is part of the POiD's support", "OSCE Action Plan to CTHB.", 'poid-dialogues', 'meeting', ['programme-office-dushanbe']),
    rec(R, "The participants discussed the latest developments", "successes and challenges in this field.", 'poid-dialogues', 'meeting', ['programme-office-dushanbe'], implicit=True),
    rec(R, "Participants in the Dialogue of Inter-Agency Commission", "Khujand, September 16, 2016.", 'poid-dialogues', 'meeting', ['programme-office-dushanbe'], ['tajikistan--inter-agency-commission-on-combating-trafficking-in-human-beings'], date='2016-09-16', place='Khujand', country='Tajikistan', implicit=True),
    # TNTD/SPMU
    rec(R, "The OSR/CTHB enjoys close co-operation with TNTD/SPMU", "including police-related matters.", 'osr-spmu', 'other', [OSR], ['spmu']),
    rec(R, "During the reporting period, the Strategic Police Matters Unit at the OSCE", "trainings and co-operation.", 'spmu-projects', 'project', ['spmu']),
    rec(R, "On the margins of the 16th **Alliance against Trafficking in Persons** conference", "for the purpose of forced criminality.", 'alliance16', 'meeting', ['spmu'], ['alliance-against-trafficking-in-persons'], date='2016-04-11/2016-04-12', implicit=True),
    rec(R, "From 31 August to 1 September 2016, a regional workshop", "Migration-related Crimes in the Western Balkans\u201d.", 'podgorica', 'workshop', ['spmu'], ['iom', 'unodc'], date='2016-08-31/2016-09-01', place='Podgorica', country='Montenegro', implicit=True),
    rec(R, "This important initiative promoted interactive discussions", "within the criminal justice community.", 'podgorica', 'workshop', ['spmu'], implicit=True),
    rec(R, "Oleksandr Kyrylenko (left), Programme Officer CTHB, Gerald", "Podgorica, September 2016.", 'podgorica', 'workshop', ['spmu'], [SR], date='2016-09', place='Podgorica', country='Montenegro'),
    ]
