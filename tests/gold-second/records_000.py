R = 'osce-2006-policy-to-practice'
FO = 'field-operations'

def records(rec):
    return [
    # III: legislation review and reform
    rec(R, "Since 2000, at the request of the participating States, the **ODIHR**", "in accordance with international standards.", 'leg-support', 'legislative-assistance', ['odihr', FO], ['atau']),
    rec(R, "For example, **field operations** partnered with the **ODIHR** and offered", "the **Mission in Kosovo**).", 'leg-codes', 'legislative-assistance', [FO, 'office-yerevan', 'mission-georgia', 'centre-almaty', 'mission-serbia-and-montenegro', 'spillover-monitor-mission-skopje', 'project-co-ordinator-ukraine', 'mission-kosovo'], ['odihr']),
    rec(R, "In some cases the **ODIHR** and the **field operations** assisted the host country", "harmonize the reformed legislation in its entirety.", 'leg-comprehensive', 'legislative-assistance', ['odihr', FO, 'office-baku', 'mission-moldova', 'mission-georgia', 'presence-albania', 'office-yerevan', 'mission-bosnia-and-herzegovina', 'office-podgorica', 'spillover-monitor-mission-skopje', 'centre-almaty']),
    rec(R, "Subsequently, its efficient implementation represents another related area", "the **Mission to Georgia**).", 'untoc-impl', 'project', ['odihr', 'atau', 'spmu', FO, 'project-co-ordinator-ukraine', 'mission-georgia']),
    rec(R, "For example, the **Project Co-ordinator in Ukraine** organized a technical workshop", "if adopted.", 'pcu-workshop', 'workshop', ['project-co-ordinator-ukraine'], country='Ukraine'),
    rec(R, "The **ODIHR** contributed to the workshop and together with", "Victims of Violent Crimes (1983).", 'pcu-workshop', 'workshop', ['odihr', 'project-co-ordinator-ukraine'], country='Ukraine'),
    rec(R, "A comprehensive approach is elaborated in this regard by the **Office in Yerevan**", "ensure effective protection of victims.", 'yerevan-approach', 'other', ['office-yerevan']),
    rec(R, "Promotion of legal anti-trafficking standards and assessment", "source of legal information on anti-trafficking.", 'legislationline', 'other', ['odihr']),
    rec(R, "The **ODIHR** continues to fine-tune these activities in consultations with the UNODC", "judicial interpretation of anti-trafficking law.", 'legislationline', 'other', ['odihr'], ['unodc']),
    rec(R, "Other actions taken in the area of legislation review and reform have included", "rights as witnesses/victims in court procedures.", 'odihr-rba', 'advocacy', ['odihr']),
    rec(R, "Beyond the scope of the Action Plan, but in line with tasks related to the legislation review", "guidelines for legal practitioners.", 'experts-consult', 'meeting', ['anti-trafficking-mechanism'], ['ohchr'], date='2005'),
    rec(R, "Challenges in the implementation of international instruments were addressed", "in March 2006 (Vienna).", 'unodc-ws', 'workshop', ['spmu', 'atau'], ['unodc', 'chairmanship'], date='2006-03', place='Vienna', country='Austria'),
    # community policing, financial investigations, NRM, trial monitoring
    rec(R, "In order to assist the OSCE participating States in the implementation of anti-trafficking commitments and international obligations taken under the UNTOC Convention and the Anti-Trafficking Protocol, the **OSCE bodies** offer", "community policing into reality.", 'cp-support', 'other', ['osce-bodies']),
    rec(R, "To achieve this goal, the **SPMU**, on the basis of experience", "between law enforcement and society.", 'spmu-cp', 'advocacy', ['spmu']),
    rec(R, "Similar efforts are undertaken by the **field operations** in the framework", "the **Mission in Kosovo**).", 'fo-cp', 'project', [FO, 'spillover-monitor-mission-skopje', 'mission-kosovo']),
    rec(R, "Striving towards practical results, the **SPMU** co-operates with the ICMPD", "other similar initiatives of capacity building.", 'spmu-icmpd', 'project', ['spmu'], ['icmpd']),
    rec(R, "In facilitating the exchange of information between the participating States", "in Helsinki (2004).", 'cycles-of-profit', 'conference', ['spmu'], ['odihr'], date='2004', place='Helsinki', country='Finland'),
    rec(R, "To promote advanced approaches to investigation techniques", "without relying on victim\u2019s testimony alone.", 'spmu-fininv', 'advocacy', ['spmu']),
    rec(R, "This approach is incorporated into the **SPMU** project", "without solely relying on victims\u2019 testimony.", 'spmu-itwrv', 'training', ['spmu']),
    rec(R, "The relevant project (under the title", "the **Centre in Bishkek**.", 'spmu-itwrv', 'training', ['spmu'], [FO, 'presence-albania', 'mission-bosnia-and-herzegovina', 'mission-moldova', 'mission-serbia-and-montenegro', 'mission-georgia', 'office-baku', 'centre-almaty', 'centre-bishkek']),
    rec(R, "The implementation process has already started within the resources provided.", "within the resources provided.", 'spmu-itwrv', 'training', ['spmu'], implicit=True),
    rec(R, "The relevant **OSCE bodies** are involved in assisting the participating States, upon request", "institutionalize this form of co-operation.", 'nrm-assist', 'other', ['osce-bodies']),
    rec(R, "For this purpose, the NRM concept as such is integrated into training", "(see also III.3 Protection and Assistance).", 'nrm-assist', 'training', ['osce-bodies'], implicit=True),
    rec(R, "Concerned by challenges in the implementation of THB legislation", "right to a fair trial in THB cases.", 'trial-monitoring', 'project', [FO], ['odihr']),
    rec(R, "Such projects frequently provide the basis for training judges", "the **Office in Baku and the Centre in Bishkek**.", 'trial-monitoring', 'project', ['spillover-monitor-mission-skopje', 'mission-kosovo', 'presence-albania', 'mission-bosnia-and-herzegovina', 'mission-moldova', 'mission-serbia-and-montenegro', 'mission-georgia', 'office-baku', 'centre-bishkek']),
    rec(R, "At present, the **Spillover Monitor Mission to Skopje**, for example, continues", "money laundering and corruption.", 'skopje-tm', 'project', ['spillover-monitor-mission-skopje']),
    rec(R, "Another interesting example is the work of the **Mission in Kosovo**", "law enforcement and social services.", 'kosovo-tm', 'project', ['mission-kosovo']),
    # Code of conduct
    rec(R, "The task is being implemented currently under the supervision", "and the **Mechanism**.", 'coc-update', 'other', ['legal-services', 'oio', 'anti-trafficking-mechanism']),
    # training
    rec(R, "To this end, in spring 2004 the **ODIHR** and the **SPMU** held preliminary consultations", "(ILEA).", 'ilea', 'meeting', ['odihr', 'spmu'], ['ilea'], date='2004'),
    rec(R, "To address specific aspects of THB and sexual crime, the **SPMU**", "(Vienna, July 2004).", 'sexcrime-2004', 'training', ['spmu'], ['unicef'], date='2004-07', place='Vienna', country='Austria'),
    rec(R, "This event was followed by an OSCE regional workshop on the investigation", "(8-10 November 2005).", 'almaty-2005', 'training', ['spmu'], ['centre-almaty'], date='2005-11-08/2005-11-10', implicit=True),
    rec(R, "The training involved over fifty police officers", "and the Russian Federation.", 'almaty-2005', 'training', ['spmu'], implicit=True),
    rec(R, "Experts from the United Kingdom, Europol, Russia and Kazakhstan provided", "investigating sexual crimes.", 'almaty-2005', 'training', ['europol']),
    rec(R, "An event of a much broader scale, which provided such opportunities", "(see Chapter on Co-ordination and Co-operation).", 'agis-2006', 'training', ['european-commission'], ['anti-trafficking-mechanism', 'spmu', 'austria--eu-presidency'], date='2006-03'),
    rec(R, "Another EC AGIS project of the same kind, co-implemented earlier", "Development of a European Curriculum\u201d.", 'agis-earlier', 'training', ['european-commission', 'spmu']),
    rec(R, "Field operations also implement training projects as an important component", "(now **Office of the Project Co-ordinator in Uzbekistan**).", 'fo-training', 'training', [FO, 'spillover-monitor-mission-skopje', 'centre-tashkent']),
    rec(R, "For example, the **OSCE Mission in Kosovo** conducted training", "included police officers.", 'kosovo-sop', 'training', ['mission-kosovo']),
    rec(R, "Another project was designed to assist the police officers", "improve their investigation techniques.", 'kosovo-invest', 'training', ['mission-kosovo'], implicit=True),
    rec(R, "The **Mission in Moldova**, in partnership with the **ODIHR** and the Judicial Training Centre", "and other trainings events.", 'moldova-cbp', 'training', ['mission-moldova'], ['odihr', 'moldova--judicial-training-centre']),
    # identification at borders
    rec(R, "To assist in this area, the **SPMU** developed a strategy", "to prevent and detect the crime.", 'spmu-border', 'other', ['spmu']),
    rec(R, "This methodology was presented for the first time at a workshop", "in Prague in April 2006.", 'prague-2006', 'workshop', ['spmu'], ['unodc', 'czech-republic--ministry-of-interior'], date='2006-04', place='Prague', country='Czech Republic', implicit=True),
    rec(R, "In support of these efforts, the **ATU**, while implementing", "handling and issuance of travel documents.", 'atu-events', 'conference', ['atu']),
    ]
