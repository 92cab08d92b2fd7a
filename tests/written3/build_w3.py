"""Writes tests/written3 texts and annotations from the inline data below (offsets by plain string search)."""
import csv, json, pathlib

HERE = pathlib.Path(__file__).parent
DOCS = []

def doc(rid, title, year):
    d = {"id": rid, "title": title, "year": year, "lines": [[(title, None, [], [])]]}
    DOCS.append(d)
    return d

def line(d, *sents):
    d["lines"].append(list(sents))

def S(text, act=None, m=(), dec=()):
    return (text, act, list(m), list(dec))

def A(ev, t, agents, partners=(), date="", place="", country="", imp=False, prov=""):
    return dict(ev=ev, type=t, agents=list(agents), partners=list(partners), date=date, place=place,
                country=country, implicit_agent=imp, provision=prov)

def M(text, key, kind="osce", country="", nth=1):
    return (text, key, kind, country, nth)

AP = ("Action Plan", "osce-action-plan-2003", "ActionPlan")
NA, NGO, IO, TB, EMB, OP = "national-authority", "ngo", "international-organisation", "treaty-body", "embassy", "other-partner"

# 1 -------------------------------------------------------------------------------------------
d = doc("atau-2006-referral-review", "Report 2006: implementation of the Action Plan by OSCE structures (excerpt, III.4)", "2006")
line(d, S("III.4 National referral mechanisms"))
line(d,
  S("The Action Plan recommends that participating States set up national referral mechanisms and tasks the ODIHR with assisting them (Action Plan, V.3).",
    m=[M("ODIHR", "odihr")], dec=[AP, AP]),
  S("In 2005 the ODIHR carried out assessments of referral practice in Armenia and Azerbaijan (Action Plan, V.3.2).",
    A(1, "research", ["odihr"], date="2005", prov="V.3.2"), [M("ODIHR", "odihr")], [AP]),
  S("The assessment in Armenia was conducted jointly with the Ministry of Labour and Social Issues of Armenia and UNICEF.",
    A(1, "research", ["odihr"], ["armenia--ministry-of-labour-and-social-issues", "unicef"], country="Armenia", imp=True, prov="V.3.2"),
    [M("Ministry of Labour and Social Issues of Armenia", "armenia--ministry-of-labour-and-social-issues", NA, "Armenia"), M("UNICEF", "unicef", IO)]),
  S("It found that most referrals still depended on the personal contacts of NGO staff rather than on agreed procedures."),
  S("In the second half of 2005 the Office in Yerevan supported the Ministry of Labour and Social Issues in drafting a referral protocol (Action Plan, V.3.1).",
    A(2, "legislative-assistance", ["office-yerevan"], ["armenia--ministry-of-labour-and-social-issues"], date="2005", prov="V.3.1"),
    [M("Office in Yerevan", "office-yerevan"), M("Ministry of Labour and Social Issues", "armenia--ministry-of-labour-and-social-issues", NA, "Armenia")], [AP]),
  S("The Government of Armenia adopted the protocol in December 2005.", m=[M("Government of Armenia", "armenia--government", NA, "Armenia")]),
)
line(d,
  S("The Office in Baku, together with the IOM mission in Azerbaijan, trained 35 police officers and social workers in Ganja in November 2005 (Action Plan, V.3.3).",
    A(3, "training", ["office-baku"], ["iom"], "2005-11", "Ganja", "Azerbaijan", prov="V.3.3"),
    [M("Office in Baku", "office-baku"), M("IOM", "iom", IO)], [AP]),
  S("The training focused on how the first contact with a presumed victim should be handled.",
    A(3, "training", ["office-baku"], imp=True, prov="V.3.3")),
  S("Participants discussed the draft instruction of the Ministry of Internal Affairs on the identification of victims.",
    A(3, "training", ["office-baku"], imp=True, prov="V.3.3"),
    [M("Ministry of Internal Affairs", "azerbaijan--ministry-of-internal-affairs", NA, "Azerbaijan")]),
  S("For the findings of the ODIHR assessments in the South Caucasus, see Section IV.2 and Annex 3.", m=[M("ODIHR", "odihr")]),
  S("Ministerial Council Decision No. 13/04 on the special needs of child victims was taken into account in all training curricula.",
    dec=[("Ministerial Council Decision No. 13/04", "mc-dec-13-04", "Decision")]),
)

# 2 -------------------------------------------------------------------------------------------
d = doc("osr-2008-compensation-seminar", "Annual Report of the Special Representative for Combating Trafficking in Human Beings 2008 (excerpt)", "2008")
line(d, S("3.2 Co-operation with participating States"))
line(d,
  S("According to its mandate, the Office of the Special Representative assists participating States in implementing their commitments, in line with Ministerial Council Decision No. 3/06.",
    m=[M("Office of the Special Representative", "osr-cthb")], dec=[("Ministerial Council Decision No. 3/06", "mc-dec-3-06", "Decision")]),
  S("In April 2008 the Special Representative paid an official visit to Kazakhstan at the invitation of the Ministry of Foreign Affairs.",
    A(1, "country-visit", ["special-representative-cthb"], ["kazakhstan--ministry-of-foreign-affairs"], "2008-04", country="Kazakhstan"),
    [M("Special Representative", "special-representative-cthb"), M("Ministry of Foreign Affairs", "kazakhstan--ministry-of-foreign-affairs", NA, "Kazakhstan")]),
  S("In Astana she met the Prosecutor General and members of the Interdepartmental Commission on Combating Illegal Export, Import and Trafficking in Persons.",
    A(1, "country-visit", ["special-representative-cthb"], ["kazakhstan--interdepartmental-commission-on-combating-illegal-export-import-and-trafficking-in-persons"], place="Astana", country="Kazakhstan", imp=True),
    [M("Interdepartmental Commission on Combating Illegal Export, Import and Trafficking in Persons", "kazakhstan--interdepartmental-commission-on-combating-illegal-export-import-and-trafficking-in-persons", NA, "Kazakhstan")]),
  S("The visit was organized with the support of the OSCE Centre in Astana.",
    A(1, "country-visit", ["special-representative-cthb"], ["centre-astana"], imp=True), [M("OSCE Centre in Astana", "centre-astana")]),
  S("The Special Representative recommended that the Government appoint a national rapporteur and improve compensation for victims.",
    m=[M("Special Representative", "special-representative-cthb")]),
)
line(d,
  S("The Office, together with the Ministry of Justice of Finland and the Council of the Baltic Sea States, organized an expert seminar on compensation for trafficked persons in Helsinki on 16-17 October 2008.",
    A(2, "workshop", ["osr-cthb"], ["finland--ministry-of-justice", "cbss"], "2008-10-16/2008-10-17", "Helsinki", "Finland", imp=True),
    [M("Ministry of Justice of Finland", "finland--ministry-of-justice", NA, "Finland"), M("Council of the Baltic Sea States", "cbss", IO)]),
  S("The event brought together 40 officials, lawyers and NGO representatives from the Baltic Sea region.",
    A(2, "workshop", ["osr-cthb"], imp=True)),
  S("Presentations by the Finnish Ombudsman for Minorities and by La Strada Ukraine illustrated the obstacles victims face in reaching State compensation funds.",
    A(2, "workshop", ["finland--ombudsman-for-minorities", "ukraine--la-strada-ukraine"], country=""),
    [M("Finnish Ombudsman for Minorities", "finland--ombudsman-for-minorities", NA, "Finland"), M("La Strada Ukraine", "ukraine--la-strada-ukraine", NGO, "Ukraine")]),
  S("Many speakers stressed that compensation should not depend on a criminal conviction."),
  S("The Office's work on compensation is summarized in Chapter 5."),
)

# 3 -------------------------------------------------------------------------------------------
d = doc("spmu-2009-financial-investigations", "Strategic Police Matters Unit: Activity Report 2009 (excerpt)", "2009")
line(d, S("Combating trafficking in human beings"))
line(d,
  S("In line with its tasks under the Action Plan, the SPMU supports law enforcement agencies in investigating trafficking cases and in working with victims.",
    m=[M("SPMU", "spmu")], dec=[AP]),
  S("In 2009 the Unit's anti-trafficking work focused on financial investigations and on trafficking for labour exploitation."),
  S("Together with the Mission to Serbia and the Criminal Police Academy in Belgrade, the SPMU held a regional course on financial investigations in trafficking cases from 9 to 13 March 2009.",
    A(1, "training", ["spmu"], ["mission-serbia", "serbia--criminal-police-academy"], "2009-03-09/2009-03-13", "Belgrade", "Serbia"),
    [M("Mission to Serbia", "mission-serbia"), M("Criminal Police Academy", "serbia--criminal-police-academy", NA, "Serbia"), M("SPMU", "spmu")]),
  S("The course was attended by 28 investigators and prosecutors from Albania, Bosnia and Herzegovina, Croatia, Montenegro and Serbia.",
    A(1, "training", ["spmu"], imp=True)),
  S("Trainers from the Dutch National Police and Europol presented cases in which criminal assets had been traced across borders.",
    A(1, "training", ["spmu"], ["netherlands--national-police", "europol"], imp=True),
    [M("Dutch National Police", "netherlands--national-police", NA, "Netherlands"), M("Europol", "europol", IO)]),
)
line(d,
  S("The Secretariat, through the SPMU and the Office of the Special Representative, also contributed to a workshop on labour trafficking organized by the Ministry of Internal Affairs of Moldova in Chisinau in June 2009.",
    A(2, "workshop", ["secretariat", "spmu", "osr-cthb"], ["moldova--ministry-of-internal-affairs"], "2009-06", "Chisinau", "Moldova"),
    [M("Secretariat", "secretariat"), M("SPMU", "spmu"), M("Office of the Special Representative", "osr-cthb"), M("Ministry of Internal Affairs of Moldova", "moldova--ministry-of-internal-affairs", NA, "Moldova")]),
  S("Participants discussed how labour inspectors and police officers can share information on suspicious recruitment agencies.",
    A(2, "workshop", ["secretariat", "spmu", "osr-cthb"], imp=True)),
  S("As a result, the Ministry set up a joint working group with the State Labour Inspectorate in September 2009.",
    m=[M("State Labour Inspectorate", "moldova--state-labour-inspectorate", NA, "Moldova")]),
)
line(d, S("4 The curriculum of the course was based on the SPMU guide on policing and trafficking published in 2008.", m=[M("SPMU", "spmu")]))

# 4 -------------------------------------------------------------------------------------------
d = doc("oceea-2010-labour-migration", "Office of the Co-ordinator of OSCE Economic and Environmental Activities: Annual Report 2010 (excerpt)", "2010")
line(d,
  S("The OCEEA addresses the economic root causes of trafficking, as foreseen in Ministerial Council Decision No. 14/06 and in Chapter IV of the Action Plan.",
    m=[M("OCEEA", "oceea")], dec=[("Ministerial Council Decision No. 14/06", "mc-dec-14-06", "Decision"), AP]),
  S("Through its project on gender-sensitive labour migration policies, the OCEEA, jointly with the IOM and the ILO, published a guide for policy-makers in Russian and English in May 2010.",
    A(1, "publication", ["oceea"], ["iom", "ilo"], "2010-05"), [M("OCEEA", "oceea"), M("IOM", "iom", IO), M("ILO", "ilo", IO)]),
  S("The guide draws on practice from Italy, the Philippines and Spain.", A(1, "publication", ["oceea"], imp=True)),
  S("It was presented at a regional seminar for labour ministries of Central Asia in Almaty on 24-25 June 2010, co-organized by the OCEEA and the Centre in Astana.",
    A(2, "workshop", ["oceea", "centre-astana"], date="2010-06-24/2010-06-25", place="Almaty", country="Kazakhstan"),
    [M("OCEEA", "oceea"), M("Centre in Astana", "centre-astana")]),
  S("Representatives of the Ministry of Labour and Social Protection of Kazakhstan and of the Migration Service of Tajikistan presented their national approaches.",
    A(2, "workshop", ["kazakhstan--ministry-of-labour-and-social-protection", "tajikistan--migration-service"]),
    [M("Ministry of Labour and Social Protection of Kazakhstan", "kazakhstan--ministry-of-labour-and-social-protection", NA, "Kazakhstan"), M("Migration Service of Tajikistan", "tajikistan--migration-service", NA, "Tajikistan")]),
)
line(d,
  S("The OCEEA also supported the Ministry of Labour, Social Protection and Family of Moldova in developing a licensing regime for private employment agencies.",
    A(3, "legislative-assistance", ["oceea"], ["moldova--ministry-of-labour-social-protection-and-family"], country="Moldova"),
    [M("OCEEA", "oceea"), M("Ministry of Labour, Social Protection and Family of Moldova", "moldova--ministry-of-labour-social-protection-and-family", NA, "Moldova")]),
  S("The licensing regime entered into force in November 2010."),
  S("The OCEEA recommends that participating States involve labour inspectorates in the identification of victims.", m=[M("OCEEA", "oceea")]),
)

# 5 -------------------------------------------------------------------------------------------
d = doc("pa-2012-special-representative", "OSCE Parliamentary Assembly: report of the Special Representative on Human Trafficking Issues, 2012 (excerpt)", "2012")
line(d,
  S("The Special Representative on Human Trafficking Issues of the OSCE Parliamentary Assembly promotes legislative action against trafficking in the national parliaments of the participating States.",
    m=[M("Special Representative on Human Trafficking Issues", "osce-pa-special-representative-thb"), M("OSCE Parliamentary Assembly", "osce-parliamentary-assembly")]),
  S("In February 2012 he addressed a hearing of the United States Helsinki Commission on trafficking in government supply chains.",
    A(1, "advocacy", ["osce-pa-special-representative-thb"], ["united-states--helsinki-commission"], "2012-02", country="United States", imp=True),
    [M("United States Helsinki Commission", "united-states--helsinki-commission", NA, "United States")]),
  S("The hearing examined whether federal contractors had used forced labour at military bases abroad.",
    A(1, "advocacy", ["osce-pa-special-representative-thb"], imp=True)),
  S("At the Annual Session in Monaco in July 2012, the Special Representative introduced a supplementary item on the prevention of trafficking in supply chains, which the Assembly adopted.",
    A(2, "advocacy", ["osce-pa-special-representative-thb"], date="2012-07", place="Monaco", country="Monaco"),
    [M("Special Representative", "osce-pa-special-representative-thb")]),
)
line(d,
  S("In October 2012, together with the Office of the OSCE Special Representative and Co-ordinator for Combating Trafficking in Human Beings, he co-hosted a round table in Tbilisi for parliamentarians from the South Caucasus on the non-punishment of victims.",
    A(3, "meeting", ["osce-pa-special-representative-thb", "osr-cthb"], date="2012-10", place="Tbilisi", country="Georgia", imp=True),
    [M("Office of the OSCE Special Representative and Co-ordinator for Combating Trafficking in Human Beings", "osr-cthb")]),
  S("The round table was opened by the Chairperson of the Parliament of Georgia.",
    A(3, "meeting", ["osce-pa-special-representative-thb", "osr-cthb"], ["georgia--parliament"], country="Georgia", imp=True),
    [M("Parliament of Georgia", "georgia--parliament", NA, "Georgia")]),
  S("Members of parliament from Armenia, Azerbaijan and Georgia shared their experience of drafting victim protection laws.",
    A(3, "meeting", ["osce-pa-special-representative-thb", "osr-cthb"], imp=True)),
  S("He intends to publish a compilation of model provisions in 2013."),
  S("Further information on the Assembly's resolutions is given in Annex II."),
)

# 6 -------------------------------------------------------------------------------------------
d = doc("gender-section-2014-budva", "Gender Section of the OSCE Secretariat: Annual Report 2014 (excerpt)", "2014")
line(d, S("Preventing the trafficking of women and girls"))
line(d,
  S("The Gender Section supports OSCE structures in applying a gender perspective to their work against trafficking, as set out in Ministerial Council Decision No. 14/04.",
    m=[M("Gender Section", "gender-section")], dec=[("Ministerial Council Decision No. 14/04", "mc-dec-14-04", "Decision")]),
  S("In May 2014 the Gender Section, the Office of the Special Representative and the Mission to Montenegro jointly organized a workshop on gender-sensitive victim identification in Budva.",
    A(1, "workshop", ["gender-section", "osr-cthb", "mission-montenegro"], date="2014-05", place="Budva", country="Montenegro"),
    [M("Gender Section", "gender-section"), M("Office of the Special Representative", "osr-cthb"), M("Mission to Montenegro", "mission-montenegro")]),
  S("The workshop was attended by 30 police officers, labour inspectors and shelter workers from Montenegro and Serbia.",
    A(1, "workshop", ["gender-section", "osr-cthb", "mission-montenegro"], imp=True)),
  S("A trainer from the Montenegrin NGO Safe Haven led a session on interviewing women who had been sexually exploited.",
    A(1, "workshop", ["gender-section", "osr-cthb", "mission-montenegro"], ["montenegro--safe-haven"], country="Montenegro", imp=True),
    [M("Safe Haven", "montenegro--safe-haven", NGO, "Montenegro")]),
)
line(d,
  S("The Section also published a policy brief on the links between domestic violence and trafficking in October 2014.",
    A(2, "publication", ["gender-section"], date="2014-10", imp=True)),
  S("It has been downloaded more than 2,000 times."),
  S("As the brief concludes, gender-sensitive procedures should be part of every national referral mechanism."),
  S("A joint publication with UN Women on survivors' access to justice is planned for 2015.", m=[M("UN Women", "un-women", IO)]),
)

# 7 -------------------------------------------------------------------------------------------
d = doc("pcu-2007-judges-seminars", "OSCE Project Co-ordinator in Ukraine: Annual Activity Report 2007 (excerpt)", "2007")
line(d, S("Anti-trafficking programme"))
line(d,
  S("The anti-trafficking programme of the OSCE Project Co-ordinator in Ukraine aims to strengthen the capacity of the authorities to prosecute traffickers and to protect victims.",
    m=[M("OSCE Project Co-ordinator in Ukraine", "project-co-ordinator-ukraine")]),
  S("Through its project on the economic empowerment of women, the Project Co-ordinator in Ukraine and Winrock International trained 120 unemployed women from the Chernihiv region in starting small businesses.",
    A(1, "training", ["project-co-ordinator-ukraine", "winrock-international"]),
    [M("Project Co-ordinator in Ukraine", "project-co-ordinator-ukraine"), M("Winrock International", "winrock-international", NGO)]),
  S("Of the women trained, 45 had registered a business by the end of the year."),
)
line(d,
  S("Together with the Academy of Judges of Ukraine, the Project Co-ordinator in Ukraine held four seminars for 110 judges on the application of Article 149 of the Criminal Code between March and October 2007.",
    A(2, "workshop", ["project-co-ordinator-ukraine"], ["ukraine--academy-of-judges"], "2007-03/2007-10", country="Ukraine"),
    [M("Academy of Judges of Ukraine", "ukraine--academy-of-judges", NA, "Ukraine"), M("Project Co-ordinator in Ukraine", "project-co-ordinator-ukraine")]),
  S("The seminars covered the rights of victims in court and the use of victim testimony.",
    A(2, "workshop", ["project-co-ordinator-ukraine"], imp=True)),
  S("Judges of the Supreme Court of Ukraine acted as trainers.",
    A(2, "workshop", ["project-co-ordinator-ukraine"], ["ukraine--supreme-court"], country="Ukraine", imp=True),
    [M("Supreme Court of Ukraine", "ukraine--supreme-court", NA, "Ukraine")]),
  S("In December 2007 the Ministry of Internal Affairs opened a specialized anti-trafficking department in every region.",
    m=[M("Ministry of Internal Affairs", "ukraine--ministry-of-internal-affairs", NA, "Ukraine")]),
)

# 8 -------------------------------------------------------------------------------------------
d = doc("presence-albania-2015-round-tables", "OSCE Presence in Albania: Activity Report 2015 (excerpt)", "2015")
line(d,
  S("The Presence assists Albania in implementing its National Strategy for the Fight against Trafficking in Persons."),
  S("In 2015 the Presence supported the Office of the National Anti-Trafficking Co-ordinator in organizing six regional round tables with local anti-trafficking committees in Shkodra, Kukës, Elbasan, Fier, Vlora and Korça.",
    A(1, "meeting", ["presence-albania"], ["albania--office-of-the-national-anti-trafficking-co-ordinator"], "2015", country="Albania", imp=True),
    [M("Office of the National Anti-Trafficking Co-ordinator", "albania--office-of-the-national-anti-trafficking-co-ordinator", NA, "Albania")]),
  S("The round tables reviewed how local committees refer potential victims to shelters.",
    A(1, "meeting", ["presence-albania"], imp=True)),
)
line(d,
  S("Jointly with the IOM and the Embassy of the Netherlands, the OSCE Presence in Albania also trained 60 border police officers at Rinas airport and at the Kakavija crossing point in September 2015.",
    A(2, "training", ["presence-albania"], ["iom", "netherlands--embassy-albania"], "2015-09"),
    [M("IOM", "iom", IO), M("Embassy of the Netherlands", "netherlands--embassy-albania", EMB, "Netherlands"), M("OSCE Presence in Albania", "presence-albania")]),
  S("The training was funded by the Embassy.", A(2, "training", ["presence-albania"], imp=True)),
  S("A total of 97 potential victims were identified by the State Police in 2015, compared with 125 in 2014.",
    m=[M("State Police", "albania--state-police", NA, "Albania")]),
  S("The Presence co-chairs the monthly case management meetings of the Responsible Authority in Tirana.",
    m=[M("Responsible Authority", "albania--responsible-authority", NA, "Albania")]),
  S("See also the section on police assistance below."),
)

# 9 -------------------------------------------------------------------------------------------
d = doc("mission-georgia-2004-legal-aid", "OSCE Mission to Georgia: Report on Activities 2004 (excerpt)", "2004")
line(d,
  S("In 2004 the Mission's anti-trafficking activities concentrated on legislative reform and on the protection of victims."),
  S("The OSCE Mission to Georgia, together with the ODIHR and the Council of Europe, reviewed the draft Law on Combating Trafficking in Human Beings at the request of the Parliament of Georgia.",
    A(1, "legislative-assistance", ["mission-georgia"], ["odihr", "council-of-europe", "georgia--parliament"], country="Georgia"),
    [M("OSCE Mission to Georgia", "mission-georgia"), M("ODIHR", "odihr"), M("Council of Europe", "council-of-europe", IO), M("Parliament of Georgia", "georgia--parliament", NA, "Georgia")]),
  S("Comments were sent to the parliamentary committee on legal affairs in May 2004.",
    A(1, "legislative-assistance", ["mission-georgia"], date="2004-05", imp=True)),
  S("The Parliament adopted the law in June 2004."),
)
line(d,
  S("The ODIHR's project on legal aid to victims, run by the Mission to Georgia, financed lawyers of the Georgian Young Lawyers' Association who represented 23 victims in court.",
    A(2, "project", ["odihr", "mission-georgia"], ["georgia--young-lawyers-association"]),
    [M("ODIHR", "odihr"), M("Mission to Georgia", "mission-georgia"), M("Georgian Young Lawyers' Association", "georgia--young-lawyers-association", NGO, "Georgia")]),
  S("In November 2004 the OSCE Mission to Georgia and UNICEF held a two-day meeting in Tbilisi with the Ministry of Labour, Health and Social Affairs on a shelter for victims.",
    A(3, "meeting", ["mission-georgia", "unicef"], ["georgia--ministry-of-labour-health-and-social-affairs"], "2004-11", "Tbilisi", "Georgia"),
    [M("OSCE Mission to Georgia", "mission-georgia"), M("UNICEF", "unicef", IO), M("Ministry of Labour, Health and Social Affairs", "georgia--ministry-of-labour-health-and-social-affairs", NA, "Georgia")]),
  S("The meeting agreed on minimum standards for the shelter, which opened in March 2005 with funding from the Government of Norway.",
    m=[M("Government of Norway", "norway--government", NA, "Norway")]),
)
line(d, S("7 The Mission also monitored 14 trafficking trials in 2004 (see Section 5.2)."))

# 10 ------------------------------------------------------------------------------------------
d = doc("centre-bishkek-2011-investigators", "OSCE Centre in Bishkek: Annual Report 2011 (excerpt)", "2011")
line(d,
  S("The work of the OSCE Centre in Bishkek against trafficking is guided by the Action Plan (Permanent Council Decision No. 557/Rev.1).",
    m=[M("OSCE Centre in Bishkek", "centre-bishkek")], dec=[AP, ("Permanent Council Decision No. 557/Rev.1", "pc-dec-557", "Decision")]),
  S("Together with UNODC, the Centre trained 48 investigators of the Ministry of Internal Affairs in Bishkek and Osh in April and May 2011.",
    A(1, "training", ["centre-bishkek"], ["unodc"], "2011-04/2011-05", country="Kyrgyzstan", imp=True),
    [M("UNODC", "unodc", IO), M("Ministry of Internal Affairs", "kyrgyzstan--ministry-of-internal-affairs", NA, "Kyrgyzstan")]),
  S("The Osh course was delivered by the OSCE Field Office in Osh.",
    A(1, "training", ["field-office-osh"], place="Osh", country="Kyrgyzstan"), [M("OSCE Field Office in Osh", "field-office-osh")]),
  S("Investigators practised interviewing victims in a mock courtroom.", A(1, "training", ["centre-bishkek"], imp=True)),
)
line(d,
  S("The Centre also supported the State Migration Service in running a telephone hotline for labour migrants travelling to Russia and Kazakhstan.",
    A(2, "awareness-raising", ["centre-bishkek"], ["kyrgyzstan--state-migration-service"], imp=True),
    [M("State Migration Service", "kyrgyzstan--state-migration-service", NA, "Kyrgyzstan")]),
  S("The hotline received 3,400 calls in 2011."),
  S("On 12 October 2011 the Centre and the ILO hosted a round table in Bishkek with the Federation of Trade Unions of Kyrgyzstan on recruitment fees.",
    A(3, "meeting", ["centre-bishkek", "ilo"], ["kyrgyzstan--federation-of-trade-unions"], "2011-10-12", "Bishkek", "Kyrgyzstan"),
    [M("ILO", "ilo", IO), M("Federation of Trade Unions of Kyrgyzstan", "kyrgyzstan--federation-of-trade-unions", OP, "Kyrgyzstan")]),
  S("The participants recommended abolishing fees charged to migrant workers."),
)

# 11 ------------------------------------------------------------------------------------------
d = doc("tntd-2018-online-investigations", "Transnational Threats Department: Annual Report 2018 (excerpt)", "2018")
line(d,
  S("Within the TNTD, the Strategic Police Matters Unit co-ordinates the Secretariat's support to police services on trafficking cases.",
    m=[M("TNTD", "tntd"), M("Strategic Police Matters Unit", "spmu"), M("Secretariat", "secretariat")]),
  S("In June 2018 the TNTD/SPMU, in co-operation with the Mission to Skopje and the Ministry of Interior, ran a five-day course on online investigations of trafficking in Ohrid.",
    A(1, "training", ["tntd", "spmu"], ["mission-skopje", "north-macedonia--ministry-of-interior"], "2018-06", "Ohrid", "North Macedonia"),
    [M("TNTD", "tntd"), M("SPMU", "spmu"), M("Mission to Skopje", "mission-skopje"), M("Ministry of Interior", "north-macedonia--ministry-of-interior", NA, "North Macedonia")]),
  S("Instructors from the Police Service of Northern Ireland and INTERPOL taught participants how to trace online advertisements for sexual services.",
    A(1, "training", ["tntd", "spmu"], ["united-kingdom--police-service-of-northern-ireland", "interpol"], imp=True),
    [M("Police Service of Northern Ireland", "united-kingdom--police-service-of-northern-ireland", NA, "United Kingdom"), M("INTERPOL", "interpol", IO)]),
  S("The course was funded by Germany and the United States.", A(1, "training", ["tntd", "spmu"], imp=True)),
  S("Since 2016 the TNTD/SPMU has trained more than 400 investigators, prosecutors and judges in this format.",
    m=[M("TNTD", "tntd"), M("SPMU", "spmu")]),
)
line(d,
  S("The Department, through its Border Security and Management Unit and together with FRONTEX, also organized a workshop for border guards from Central Asia in Dushanbe in November 2018.",
    A(2, "workshop", ["tntd", "border-security-and-management-unit"], ["frontex"], "2018-11", "Dushanbe", "Tajikistan"),
    [M("Border Security and Management Unit", "border-security-and-management-unit"), M("FRONTEX", "frontex", IO)]),
  S("The workshop was hosted by the Border Troops of the State Committee for National Security of Tajikistan.",
    A(2, "workshop", ["tntd", "border-security-and-management-unit"], ["tajikistan--border-troops", "tajikistan--state-committee-for-national-security"], country="Tajikistan", imp=True),
    [M("Border Troops", "tajikistan--border-troops", NA, "Tajikistan"), M("State Committee for National Security of Tajikistan", "tajikistan--state-committee-for-national-security", NA, "Tajikistan")]),
  S("Participants recommended creating joint contact points along the border with Afghanistan."),
)

# 12 ------------------------------------------------------------------------------------------
d = doc("osr-2020-uzbekistan-visit", "Annual Report of the OSCE Special Representative and Co-ordinator for Combating Trafficking in Human Beings 2020 (excerpt)", "2020")
line(d, S("4. Country visits and follow-up"))
line(d,
  S("Under Ministerial Council Decision No. 3/06, the Special Representative conducts country visits to help participating States implement their commitments.",
    m=[M("Special Representative", "special-representative-cthb")], dec=[("Ministerial Council Decision No. 3/06", "mc-dec-3-06", "Decision")]),
  S("Owing to the pandemic, only one visit in person took place in 2020, to Uzbekistan in February.",
    A(1, "country-visit", ["special-representative-cthb"], date="2020-02", country="Uzbekistan", imp=True)),
  S("In Tashkent the Special Representative met the National Commission on Combating Human Trafficking and Forced Labour and the Federation of Trade Unions of Uzbekistan.",
    A(1, "country-visit", ["special-representative-cthb"], ["uzbekistan--national-commission-on-combating-human-trafficking-and-forced-labour", "uzbekistan--federation-of-trade-unions"], place="Tashkent", country="Uzbekistan"),
    [M("Special Representative", "special-representative-cthb"), M("National Commission on Combating Human Trafficking and Forced Labour", "uzbekistan--national-commission-on-combating-human-trafficking-and-forced-labour", NA, "Uzbekistan"),
     M("Federation of Trade Unions of Uzbekistan", "uzbekistan--federation-of-trade-unions", OP, "Uzbekistan")]),
  S("The visit was facilitated by the OSCE Project Co-ordinator in Uzbekistan.",
    A(1, "country-visit", ["special-representative-cthb"], ["project-co-ordinator-uzbekistan"], imp=True),
    [M("OSCE Project Co-ordinator in Uzbekistan", "project-co-ordinator-uzbekistan")]),
  S("In October 2020 the Office published the report on the visit, which contains 28 recommendations.",
    A(2, "publication", ["osr-cthb"], date="2020-10", imp=True)),
  S("The Special Representative recommended that Uzbekistan extend labour inspection to the cotton harvest on private farms.",
    m=[M("Special Representative", "special-representative-cthb")]),
)
line(d,
  S("On 30 July 2020, together with UNODC and the Council of Europe, the Special Representative issued a joint statement on the impact of the pandemic on victims of trafficking.",
    A(3, "advocacy", ["special-representative-cthb"], ["unodc", "council-of-europe"], "2020-07-30"),
    [M("UNODC", "unodc", IO), M("Council of Europe", "council-of-europe", IO), M("Special Representative", "special-representative-cthb")]),
  S("The statement called on States to keep shelters and hotlines open during lockdowns."),
  S("In total, the Office held more than 60 online meetings with governments, NGOs and international partners during the year."),
)

# 13 ------------------------------------------------------------------------------------------
d = doc("office-minsk-2006-conference", "OSCE Office in Minsk: Activity Report 2006 (excerpt)", "2006")
line(d,
  S("In 2006 the OSCE Office in Minsk, together with the Ministry of Internal Affairs of Belarus and the IOM, organized an international conference on trafficking for sexual exploitation in Minsk on 5-6 July.",
    A(1, "conference", ["office-minsk"], ["belarus--ministry-of-internal-affairs", "iom"], "2006-07-05/2006-07-06", "Minsk", "Belarus"),
    [M("OSCE Office in Minsk", "office-minsk"), M("Ministry of Internal Affairs of Belarus", "belarus--ministry-of-internal-affairs", NA, "Belarus"), M("IOM", "iom", IO)]),
  S("Delegations from 14 States, the CIS Executive Committee and Europol attended.",
    A(1, "conference", ["office-minsk"], imp=True),
    [M("CIS Executive Committee", "cis--executive-committee", IO), M("Europol", "europol", IO)]),
  S("Speakers from the Ministry of Justice of Belarus and from La Strada Belarus described how victims are supported during trials.",
    A(1, "conference", ["belarus--ministry-of-justice", "belarus--la-strada-belarus"], country="Belarus"),
    [M("Ministry of Justice of Belarus", "belarus--ministry-of-justice", NA, "Belarus"), M("La Strada Belarus", "belarus--la-strada-belarus", NGO, "Belarus")]),
  S("The conference adopted a set of recommendations on regional co-operation."),
)
line(d,
  S("The Office also translated the OSCE/ODIHR handbook on national referral mechanisms into Belarusian and Russian and distributed 1,500 copies to police and social services.",
    A(2, "publication", ["office-minsk"], imp=True)),
  S("Since 2003 the Office has chaired the donor co-ordination group on trafficking in Minsk."),
  S("Belarus adopted a new law on combating trafficking in 2005 (see Section 2.1)."),
)

# 14 ------------------------------------------------------------------------------------------
d = doc("odihr-2019-non-punishment", "ODIHR Annual Report 2019 (excerpt): combating trafficking in human beings", "2019")
line(d,
  S("ODIHR's anti-trafficking work is anchored in the OSCE Action Plan to Combat Trafficking in Human Beings, which tasks it to promote a human rights-based approach.",
    m=[M("ODIHR", "odihr")], dec=[("OSCE Action Plan to Combat Trafficking in Human Beings", "osce-action-plan-2003", "ActionPlan")]),
  S("In 2019 ODIHR's project on national referral mechanisms delivered needs assessments and consultations in Armenia, Georgia and Ukraine.",
    A(1, "project", ["odihr"], date="2019"), [M("ODIHR", "odihr")]),
  S("In Georgia, the project team worked with the Inter-Agency Council and the Public Defender on a revised referral scheme.",
    A(1, "project", ["odihr"], ["georgia--inter-agency-council", "georgia--public-defender"], country="Georgia", imp=True),
    [M("Inter-Agency Council", "georgia--inter-agency-council", NA, "Georgia"), M("Public Defender", "georgia--public-defender", NA, "Georgia")]),
)
line(d,
  S("ODIHR, the Council of Europe and the Office of the Special Representative co-organized an expert meeting on the non-punishment principle in Warsaw on 14 November 2019.",
    A(2, "meeting", ["odihr", "council-of-europe", "osr-cthb"], date="2019-11-14", place="Warsaw", country="Poland"),
    [M("ODIHR", "odihr"), M("Council of Europe", "council-of-europe", IO), M("Office of the Special Representative", "osr-cthb")]),
  S("The meeting brought together 35 prosecutors, judges and lawyers from 20 participating States.",
    A(2, "meeting", ["odihr", "council-of-europe", "osr-cthb"], imp=True)),
  S("A member of GRETA and the UN Special Rapporteur on trafficking in persons opened the discussion.",
    A(2, "meeting", ["greta", "un-special-rapporteur-on-trafficking-in-persons"]),
    [M("GRETA", "greta", TB), M("UN Special Rapporteur on trafficking in persons", "un-special-rapporteur-on-trafficking-in-persons", TB)]),
  S("ODIHR published the report of the meeting in English and Russian in December 2019.",
    A(3, "publication", ["odihr"], date="2019-12"), [M("ODIHR", "odihr")]),
  S("The report found that only nine States had written the non-punishment principle into law."),
)


# extra paragraphs, appended at the end of each text ------------------------------------------
X = {d["id"]: d for d in DOCS}
d = X["atau-2006-referral-review"]
line(d, S("III.5 Return and reintegration"))
line(d,
  S("The Action Plan calls for the safe and, as far as possible, voluntary return of victims (Action Plan, V.6).", dec=[AP]),
  S("In March 2005 the Mission to Moldova and the IOM held a round table in Chisinau with the Ministry of Health and Social Protection on the reintegration of returned victims (Action Plan, V.6.2).",
    A(4, "meeting", ["mission-moldova", "iom"], ["moldova--ministry-of-health-and-social-protection"], "2005-03", "Chisinau", "Moldova", prov="V.6.2"),
    [M("Mission to Moldova", "mission-moldova"), M("IOM", "iom", IO), M("Ministry of Health and Social Protection", "moldova--ministry-of-health-and-social-protection", NA, "Moldova")], [AP]),
  S("The round table brought together 25 social workers from the northern districts.", A(4, "meeting", ["mission-moldova", "iom"], imp=True, prov="V.6.2")),
  S("No field operation in Central Asia reported activities under this provision."),
)
d = X["osr-2008-compensation-seminar"]
line(d, S("3.3 Co-operation with international organizations"))
line(d,
  S("In June 2008 the Special Representative chaired a meeting of the Alliance against Trafficking in Persons in Vienna on labour exploitation in agriculture.",
    A(3, "meeting", ["special-representative-cthb"], ["alliance-against-trafficking-in-persons"], "2008-06", "Vienna", "Austria"),
    [M("Special Representative", "special-representative-cthb"), M("Alliance against Trafficking in Persons", "alliance-against-trafficking-in-persons", OP)]),
  S("Experts from the ILO and the FAO presented their research on seasonal workers.",
    A(3, "meeting", ["ilo", "fao"]), [M("ILO", "ilo", IO), M("FAO", "fao", IO)]),
)
d = X["spmu-2009-financial-investigations"]
line(d,
  S("In December 2009 the SPMU updated its online compendium of training materials on trafficking.",
    A(3, "publication", ["spmu"], date="2009-12"), [M("SPMU", "spmu")]),
  S("The compendium is used by police academies in 19 participating States."),
)
d = X["oceea-2010-labour-migration"]
line(d,
  S("During the Economic and Environmental Forum, the OCEEA also organized a side event on trafficking and labour migration in Vienna on 20 May 2010.",
    A(4, "meeting", ["oceea"], date="2010-05-20", place="Vienna", country="Austria"), [M("OCEEA", "oceea")]),
  S("Speakers from the European Commission and the Italian Ministry of Labour discussed how seasonal work could be better regulated.",
    A(4, "meeting", ["european-commission", "italy--ministry-of-labour"], country="Italy"),
    [M("European Commission", "european-commission", IO), M("Italian Ministry of Labour", "italy--ministry-of-labour", NA, "Italy")]),
  S("The side event was attended by about 60 delegates.", A(4, "meeting", ["oceea"], imp=True)),
)
d = X["pa-2012-special-representative"]
line(d,
  S("In November 2012 the Special Representative met the Dutch National Rapporteur on Trafficking in Human Beings in The Hague.",
    A(4, "meeting", ["osce-pa-special-representative-thb"], ["netherlands--national-rapporteur"], "2012-11", "The Hague", "Netherlands"),
    [M("Special Representative", "osce-pa-special-representative-thb"), M("Dutch National Rapporteur on Trafficking in Human Beings", "netherlands--national-rapporteur", NA, "Netherlands")]),
  S("They discussed how parliaments can use the findings of national rapporteurs.", A(4, "meeting", ["osce-pa-special-representative-thb"], imp=True)),
)
d = X["gender-section-2014-budva"]
line(d,
  S("On the margins of the conference of the Alliance against Trafficking in Persons in Vienna in April 2014, the Gender Section organized a side event on the recruitment of women through online dating sites.",
    A(3, "meeting", ["gender-section"], ["alliance-against-trafficking-in-persons"], "2014-04", "Vienna", "Austria"),
    [M("Alliance against Trafficking in Persons", "alliance-against-trafficking-in-persons", OP), M("Gender Section", "gender-section")]),
  S("Panellists from Europol and the Swedish Police Authority presented recent cases.",
    A(3, "meeting", ["europol", "sweden--police-authority"]), [M("Europol", "europol", IO), M("Swedish Police Authority", "sweden--police-authority", NA, "Sweden")]),
)
d = X["pcu-2007-judges-seminars"]
line(d,
  S("In September 2007 the Project Co-ordinator in Ukraine and La Strada Ukraine launched a national information campaign for young people looking for work abroad.",
    A(3, "awareness-raising", ["project-co-ordinator-ukraine", "ukraine--la-strada-ukraine"], date="2007-09"),
    [M("Project Co-ordinator in Ukraine", "project-co-ordinator-ukraine"), M("La Strada Ukraine", "ukraine--la-strada-ukraine", NGO, "Ukraine")]),
  S("The campaign was broadcast on national television and promoted the La Strada hotline.",
    A(3, "awareness-raising", ["project-co-ordinator-ukraine", "ukraine--la-strada-ukraine"], imp=True)),
  S("According to a survey commissioned afterwards, one in three young people had seen the spots."),
)
d = X["presence-albania-2015-round-tables"]
line(d,
  S("In November 2015 the OSCE Presence in Albania and the State Labour Inspectorate published a handbook for labour inspectors on identifying forced labour.",
    A(3, "publication", ["presence-albania", "albania--state-labour-inspectorate"], date="2015-11"),
    [M("OSCE Presence in Albania", "presence-albania"), M("State Labour Inspectorate", "albania--state-labour-inspectorate", NA, "Albania")]),
  S("The handbook was drafted by a consultant from the ILO office in Budapest.",
    A(3, "publication", ["presence-albania", "albania--state-labour-inspectorate"], ["ilo"], imp=True), [M("ILO", "ilo", IO)]),
  S("Its distribution to all regional labour offices is foreseen for 2016."),
)
d = X["mission-georgia-2004-legal-aid"]
line(d, S("Regional co-operation"))
line(d,
  S("In September 2004 the Mission hosted in Tbilisi a meeting of anti-trafficking staff from the Offices in Yerevan and Baku, with the participation of the ODIHR Anti-Trafficking Unit.",
    A(4, "meeting", ["mission-georgia"], ["office-yerevan", "office-baku", "odihr-anti-trafficking-unit"], "2004-09", "Tbilisi", "Georgia", imp=True),
    [M("ODIHR Anti-Trafficking Unit", "odihr-anti-trafficking-unit")]),
  S("The meeting agreed to exchange monthly updates on cross-border cases."),
)
d = X["centre-bishkek-2011-investigators"]
line(d,
  S("The American University of Central Asia, with the support of the Centre, held a summer school on migration and trafficking for 25 students in July 2011.",
    A(4, "training", ["kyrgyzstan--american-university-of-central-asia"], ["centre-bishkek"], "2011-07"),
    [M("American University of Central Asia", "kyrgyzstan--american-university-of-central-asia", OP, "Kyrgyzstan")]),
  S("Lecturers from the University of Vienna and the Centre taught the courses.",
    A(4, "training", ["kyrgyzstan--american-university-of-central-asia"], ["austria--university-of-vienna", "centre-bishkek"], imp=True),
    [M("University of Vienna", "austria--university-of-vienna", OP, "Austria")]),
)
d = X["tntd-2018-online-investigations"]
line(d,
  S("Under the project on combating trafficking along migration routes, the TNTD also supported the Office of the Special Representative in running a live simulation exercise in Vicenza in November 2018.",
    A(3, "training", ["tntd"], ["osr-cthb"], "2018-11", "Vicenza", "Italy"),
    [M("TNTD", "tntd"), M("Office of the Special Representative", "osr-cthb")]),
  S("The exercise was hosted by the Center of Excellence for Stability Police Units.",
    A(3, "training", ["tntd"], ["coespu"], imp=True), [M("Center of Excellence for Stability Police Units", "coespu", IO)]),
  S("Some 60 participants from 30 participating States and Partners for Co-operation took part.", A(3, "training", ["tntd"], imp=True)),
)
d = X["osr-2020-uzbekistan-visit"]
line(d,
  S("In December 2020 the Special Representative briefed the Permanent Council on the main findings of the annual survey of participating States.",
    A(4, "advocacy", ["special-representative-cthb"], ["permanent-council"], "2020-12"),
    [M("Special Representative", "special-representative-cthb"), M("Permanent Council", "permanent-council")]),
  S("Forty-one States replied to the survey."),
)
d = X["office-minsk-2006-conference"]
line(d,
  S("In co-operation with the Ministry of Education of Belarus, the Office organized four seminars for school psychologists on the prevention of trafficking in Brest, Gomel, Grodno and Vitebsk in October and November 2006.",
    A(3, "workshop", ["office-minsk"], ["belarus--ministry-of-education"], "2006-10/2006-11", country="Belarus", imp=True),
    [M("Ministry of Education of Belarus", "belarus--ministry-of-education", NA, "Belarus")]),
  S("Each seminar was co-led by a trainer from the NGO Gender Perspectives.",
    A(3, "workshop", ["office-minsk"], ["belarus--gender-perspectives"], imp=True), [M("Gender Perspectives", "belarus--gender-perspectives", NGO, "Belarus")]),
  S("Some 170 psychologists took part.", A(3, "workshop", ["office-minsk"], imp=True)),
  S("The Office plans to extend the seminars to Mogilev and Minsk in 2007."),
  S("Further details are given in Annex 4."),
)
d = X["odihr-2019-non-punishment"]
line(d,
  S("In addition, the ODIHR Human Rights Department, together with the Mission to Serbia, trained 20 lawyers in Belgrade on 3-4 October 2019 on representing victims in compensation claims.",
    A(4, "training", ["odihr-human-rights-department"], ["mission-serbia"], "2019-10-03/2019-10-04", "Belgrade", "Serbia"),
    [M("ODIHR Human Rights Department", "odihr-human-rights-department"), M("Mission to Serbia", "mission-serbia")]),
  S("The Serbian Bar Association and the NGO ASTRA co-designed the curriculum.",
    A(4, "training", ["odihr-human-rights-department"], ["serbia--bar-association", "serbia--astra"], imp=True),
    [M("Serbian Bar Association", "serbia--bar-association", NA, "Serbia"), M("ASTRA", "serbia--astra", NGO, "Serbia")]),
  S("Participants found the practical exercises the most useful part of the training."),
)


# third round of paragraphs -------------------------------------------------------------------
d = X["centre-bishkek-2011-investigators"]
line(d,
  S("In May 2011 the Centre, jointly with the Field Office in Osh and the NGO Podruga, organized a theatre tour on the risks of irregular labour migration in ten villages of the Osh and Jalal-Abad provinces.",
    A(5, "awareness-raising", ["centre-bishkek"], ["field-office-osh", "kyrgyzstan--podruga"], "2011-05", imp=True),
    [M("Field Office in Osh", "field-office-osh"), M("Podruga", "kyrgyzstan--podruga", NGO, "Kyrgyzstan")]),
  S("The performances were followed by discussions with local police officers and teachers.", A(5, "awareness-raising", ["centre-bishkek"], imp=True)),
  S("The tour reached an estimated 4,000 villagers."),
)
d = X["gender-section-2014-budva"]
line(d,
  S("Through the Informal Working Group on Gender Equality and Anti-Trafficking in Human Beings, the Section briefed participating States on the Budva workshop in Vienna in July 2014.",
    A(4, "meeting", ["gender-section"], ["informal-working-group-gender-equality-anti-trafficking"], "2014-07", "Vienna", "Austria", imp=True),
    [M("Informal Working Group on Gender Equality and Anti-Trafficking in Human Beings", "informal-working-group-gender-equality-anti-trafficking")]),
  S("Delegations welcomed the focus on labour inspectors."),
)
d = X["mission-georgia-2004-legal-aid"]
line(d,
  S("In December 2004 the Mission printed 500 copies of a handbook for prosecutors prepared by ABA/CEELI.",
    A(5, "publication", ["mission-georgia"], ["aba-ceeli"], "2004-12", imp=True), [M("ABA/CEELI", "aba-ceeli", NGO)]),
)
d = X["oceea-2010-labour-migration"]
line(d, S("Ministerial Council Decision No. 8/07 on labour exploitation is discussed in Chapter 2.",
    dec=[("Ministerial Council Decision No. 8/07", "mc-dec-8-07", "Decision")]))
d = X["odihr-2019-non-punishment"]
line(d,
  S("ODIHR also commented on the draft Law on Combating Trafficking of Kyrgyzstan at the request of the Jogorku Kenesh in March 2019 (see Annex 1).",
    A(5, "legislative-assistance", ["odihr"], ["kyrgyzstan--jogorku-kenesh"], "2019-03", country="Kyrgyzstan"),
    [M("ODIHR", "odihr"), M("Jogorku Kenesh", "kyrgyzstan--jogorku-kenesh", NA, "Kyrgyzstan")]),
)
d = X["office-minsk-2006-conference"]
line(d,
  S("Together with UNDP, the Office also supported the Ministry of Labour and Social Protection in opening a rehabilitation centre for victims in Minsk in December 2006.",
    A(4, "other", ["office-minsk"], ["undp", "belarus--ministry-of-labour-and-social-protection"], "2006-12", "Minsk", "Belarus", imp=True),
    [M("UNDP", "undp", IO), M("Ministry of Labour and Social Protection", "belarus--ministry-of-labour-and-social-protection", NA, "Belarus")]),
)
d = X["osr-2020-uzbekistan-visit"]
line(d, S("The Office's publications of 2020 are listed in Annex 2."))
d = X["pa-2012-special-representative"]
line(d, S("His full report is reproduced in Annex I."))
d = X["pcu-2007-judges-seminars"]
line(d, S("The Cabinet of Ministers approved the State programme against trafficking for 2007-2010 in March 2007.",
    m=[M("Cabinet of Ministers", "ukraine--cabinet-of-ministers", NA, "Ukraine")]))
d = X["presence-albania-2015-round-tables"]
line(d,
  S("The Presence also seconded a legal adviser to the Serious Crimes Prosecution Office in Tirana from January to June 2015.",
    A(4, "other", ["presence-albania"], ["albania--serious-crimes-prosecution-office"], "2015-01/2015-06", "Tirana", "Albania", imp=True),
    [M("Serious Crimes Prosecution Office", "albania--serious-crimes-prosecution-office", NA, "Albania")]),
  S("The adviser reviewed 12 trafficking indictments with the prosecutors.", A(4, "other", ["presence-albania"], imp=True)),
)
d = X["tntd-2018-online-investigations"]
line(d, S("The TNTD/SPMU guide on online investigations will be published in 2019.", m=[M("TNTD", "tntd"), M("SPMU", "spmu")]))


# closing sentences ---------------------------------------------------------------------------
line(X["centre-bishkek-2011-investigators"], S("Kyrgyzstan adopted its national action plan against trafficking for 2011-2012 in March 2011."))
line(X["centre-bishkek-2011-investigators"], S("3 All training materials of the Centre were produced in Kyrgyz and Russian."))
X["mission-georgia-2004-legal-aid"]["lines"][-1].append(S("The handbook was distributed to all regional prosecutor's offices in January 2005.",
    A(5, "publication", ["mission-georgia"], date="2005-01", imp=True)))
X["office-minsk-2006-conference"]["lines"][-1].append(S("The centre is run by the NGO Gender Perspectives.", m=[M("Gender Perspectives", "belarus--gender-perspectives", NGO, "Belarus")]))
X["osr-2020-uzbekistan-visit"]["lines"][-1].append(S("All country visit reports are available on the OSCE website."))
X["pcu-2007-judges-seminars"]["lines"][-1].append(S("A list of the trainers is given in Annex 3."))
X["presence-albania-2015-round-tables"]["lines"][-1].append(S("The Responsible Authority is chaired by the Deputy Minister of Interior.", m=[M("Responsible Authority", "albania--responsible-authority", NA, "Albania")]))
X["tntd-2018-online-investigations"]["lines"][-1].append(S("For the courses held in earlier years, see the 2017 report."))

# ---------------------------------------------------------------------------------------------
def find_nth(hay, needle, nth, start=0):
    i = start - 1
    for _ in range(nth):
        i = hay.find(needle, i + 1)
        assert i >= 0, (needle, hay)
    return i

acts, bodies, decs, docs, regions, manifest = [], [], [], [], [], []
n_sent = 0
for d in DOCS:
    rid = d["id"]
    text = "\n".join(" ".join(s[0] for s in ln) for ln in d["lines"]) + "\n"
    (HERE / "texts" / f"{rid}.txt").write_text(text, encoding="utf-8")
    manifest.append({"id": rid, "file": f"{rid}.txt", "genre": "report", "split": "dev"})
    docs.append({"report": rid, "genre": "report", "title": d["title"], "date": "", "year": d["year"], "split": "dev"})
    regions.append({"report": rid, "start": 0, "end": len(text), "split": "dev", "note": "report: whole text"})
    pos, seen = 0, set()
    for ln in d["lines"]:
        for (s, act, ms, ds) in ln:
            st = text.index(s, pos); en = st + len(s); pos = en; n_sent += 1
            assert "\n" not in s
            if act:
                ev = f"{rid}#e{act['ev']:03d}"
                rec = {"report": rid, "start": st, "end": en, "sentence": s, "split": "dev", "type": act["type"],
                       "agents": act["agents"], "partners": act["partners"], "date": act["date"], "place": act["place"],
                       "country": act["country"], "provision": act["provision"], "implicit_agent": act["implicit_agent"],
                       "event": ev, "lead": ev not in seen}
                seen.add(ev); acts.append(rec)
            if ms:
                out, cur = [], {}
                for (mt, key, kind, ctry, nth) in ms:
                    k = cur.get(mt, 0)
                    i = find_nth(s, mt, 1, k)
                    cur[mt] = i + 1
                    out.append({"start": st + i, "end": st + i + len(mt), "text": mt, "body": key, "kind": kind, "country": ctry})
                out.sort(key=lambda m: m["start"])
                bodies.append({"report": rid, "start": st, "end": en, "sentence": s, "split": "dev", "mentions": out})
            cur = {}
            for dd in ds:
                mt, key, kind = dd[0], dd[1], dd[2]
                k = cur.get(mt, 0)
                i = s.find(mt, k); assert i >= 0, (mt, s)
                cur[mt] = i + 1
                decs.append({"report": rid, "start": st + i, "end": st + i + len(mt), "text": mt, "split": "dev", "document": key, "kind": kind})
    # event numbering must follow text order of leads
    leads = [r["event"] for r in acts if r["report"] == rid and r["lead"]]
    assert leads == sorted(leads), (rid, leads)

def dump(name, rows):
    (HERE / name).write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")

for name, rows in [("activities.jsonl", acts), ("bodies.jsonl", bodies), ("decisions.jsonl", decs), ("documents.jsonl", docs), ("regions.jsonl", regions)]:
    dump(name, rows)
with open(HERE / "texts" / "manifest.csv", "w", encoding="utf-8", newline="") as f:
    w = csv.DictWriter(f, fieldnames=["id", "file", "genre", "split"], lineterminator="\n"); w.writeheader(); w.writerows(manifest)
print(len(DOCS), "texts", len(acts), "activity records", len({r["event"] for r in acts}), "events", len(bodies), "body sentences", len(decs), "decisions", n_sent, "sentences")
