"""Partners: the national authorities, NGOs, international organisations, treaty bodies and embassies
a text names beside the OSCE's own bodies, each with a kind and, when national, a country.

Candidates are read from the text, never from a list of partner names: head-noun runs ("Ministry of Interior";
nouns and kinds are patterns of ``patterns/partners.jsonl``) and spaCy's ORG entities that read as a name. A national body's
country is the one written next to it, else the one the text names around it; keys are
``<country>--<name>`` ("albania--state-police"), labels "Albania — State Police".
"""

from __future__ import annotations

import re

from .partner_acronyms import acronym_partners
from .partner_context import (
    abbreviates_a_meeting,
    delegation_pattern,
    inside_a_title,
    named_things,
    names_a_post,
    stands_for_no_body,
    titles_an_event,
)
from .partner_keys import (
    SP,
    Countries,
    Partner,
    lead_organisation,
    long_country_names,
    make_partner,
    merge_short_names,
    nearest,
    previous_sentence_country,
    sentence_country,
    special_procedure,
)
from .partner_kinds import KindRules, load_kind_rules
from .partner_lists import INTRODUCED_KINDS, listed_names
from .partner_owners import _HEADS_OF_STATE, listed_unit, possessive_partners, repeated_names
from .partner_states import state_bodies
from .partner_words import (
    country_after,
    cut_in_place,
    embassy,
    fields_before,
    inner_country,
    lead_place,
    tail_country,
    without_destination,
    words_of,
)
from .taken import Taken

__all__ = ["Partner", "PartnerFinder", "load_kind_rules", "long_country_names"]

_WORD = r"(?:(?:St|Ss|Sts)\.(?=[ \t]+[A-Z])|[A-Z][\w'’.&-]*[\w'’]|[A-Z])"  # "Ss. Cyril", "St. Petersburg": Saint(s) abbreviated
_CONN = r"(?:of|for|on|and|against|Against|the|in|to|de)"  # "Coalition Against Trafficking": title case
# Words that start a sentence or a headline rather than a name.
_LEAD_STOP = {
    "The", "A", "An", "In", "On", "At", "By", "For", "From", "With", "And", "Of", "To", "OSCE", "This", "That",
    "Its", "Their", "His", "Her", "Both", "Each", "All", "Several", "Other", "Representatives", "Members", "Head",
    "Heads", "Officials", "Experts", "Staff", "Officers", "Director", "Minister", "Deputy", "Chairman", "Chair",
    "Also", "When", "While", "After", "Before", "During", "Under", "Through", "Since", "As", "Participants",
    "NGO", "NGOs", "My", "Our", "Your",  # "My Office": the author's own body, written in the first person
}
_NOT_A_NAME = re.compile(
    r"\b(?:Convention|Protocol|Guidelines?|Action\s+Plan|Plan|Decision|Declaration|Addendum|Resolution|Directive|Report|"
    r"Conference|Forum|Workshop|Seminar|Meeting|Course|Training|Project|Programme|Strategy|Law(?!\s+Enforcement)|Code|Act|Day|Week|"
    r"Agenda|Handbook|Manual|Initiative|Award|Prize|Charter|Partners\s+for\s+Co-operation|"
    # Topics and mechanisms a meeting is about ("NRM and Labour Exploitation"), not bodies.
    r"Exploitation|Referral\s+(?:Mechanism|System)s?)\b"
)
# Capitalised words the entity recogniser takes for organisations.
_NOT_NER_NAMES = {"NGO", "NGOs", "State", "States", "Government", "RSS", "Secretariat", "Chairmanship", "Presidency", "Council"}
# "High Judicial and Prosecutorial Council", "Economic and Social Council": two adjectives joined before a head noun.
# "Migrants and Refugees Section", "Migrants & Refugees Section": two plurals joined before a head noun.
# "Trafficking and Prostitution Investigation Unit": two fields of work, the first a gerund.
_PAIRED = r"(?:and(?=[ \t]+[A-Z][a-z]+(?:al|ic|ive|ary)\b)|(?<=[a-z]s[ \t])(?:and|&)(?=[ \t]+[A-Z][a-z]+s\b)|(?<=[a-z]ing[ \t])and(?=[ \t]+[A-Z]))"
# "Foreign and Commonwealth Office", "Cyril and Methodius University": two names joined right before a head noun.
def _joined(heads: str) -> str:
    return rf"(?<=[a-z][ \t])and{SP}(?={_WORD}{SP}(?:{heads})(?![\w-]))"


_FIELD_LIST = re.compile(
    r",\s+(?:[A-Z][a-z]+ )*[A-Z][a-z]+(?:,\s(?:[A-Z][a-z]+ )*[A-Z][a-z]+)*,?\sand\s(?:[A-Z][a-z]+ )*[A-Z][a-z]+(?:\s(?:in|of)\s(?:[A-Z][a-z]+ )*[A-Z][a-z]+)?"
)
_UNIT = re.compile(r"\b(?:Office|Department|Division|Section|Unit|Bureau|Branch|Executive Committee|Secretariat)$")
# "Task Force against Trafficking … of the Council of the Baltic Sea States": a working body before its topic.
_GROUP = re.compile(r"^(?:[A-Z][\w-]*[ ])*(?:Task[ ]Force|Committee|Working[ ]Group)(?:[ ](?:for|on|against)[ ].*)?$")
_GATHERINGS = {"Conference", "Forum", "Meeting", "Project", "Programme", "Initiative", "Workshop", "Seminar", "Course"}
_COLLEGIAL = {"Office", "Committee", "Council", "Commission", "Secretariat", "Government", "Assembly", "Parliament", "Chamber"}
_OF = r"[ \t]+of[ \t]+(?:the[ \t]+)?"
_PLURALS = {"Women", "Children", "People", "Men"}
# The European Union's agencies are named "Euro-" + what they do ("Eurojust"): one word, yet a body.
_EU_AGENCY = re.compile(r"Euro(?!pe|vision)[a-z]{3,}")
_ACADEMIC = re.compile(r"\b(?:University|College)\b")
_CONNECTORS = {"of", "for", "on", "and", "against", "Against", "the", "in", "to", "de"}
_CUT_TAIL = re.compile(r"[A-Z][\w'’-]*[ ](?:against|for|on|of|to)[ ](?:the[ ])?(?:(?:[A-Z][\w'’-]*[ ])*[A-Z][\w'’-]*,[ ])?$")
_NGO_CONTEXT = re.compile(r"\b(?:NGOs?|non-governmental|civil society)\b", re.IGNORECASE)


def _names_a_unit(name: str) -> bool:
    """An office or a working body, which an organisation named right after it may own."""
    return bool(_UNIT.search(name.split(" for ")[0]) or _GROUP.match(name))


class PartnerFinder:
    """Finds partner mentions in a parsed document, outside the spans already taken (OSCE bodies,
    decision references)."""

    def __init__(self, rules: KindRules | None = None, countries: Countries | None = None, listed: frozenset[str] = frozenset()):
        self.listed = listed  # names the gazetteer lists: never a partner of ours
        self.rules = rules or load_kind_rules()
        self.countries = countries or Countries()
        heads = "|".join(re.escape(h).replace(r"\ ", SP) for h in self.rules.heads)
        tail = rf"(?:(?:{SP}{_CONN})+{SP}{_WORD}(?:{SP}{_WORD})*)"
        self._name = re.compile(
            rf"(?<![\w'’-])(?:{_WORD}{SP}(?:{_PAIRED}{SP}|{_joined(heads)})?){{0,4}}(?:{heads})(?![\w-])(?:{SP}(?:{heads})(?![\w-]))*{tail}*"
        )
        self._introduced = re.compile(
            rf"\b(?P<intro>NGO|non-governmental\s+organi[sz]ation|coalition|platform|network|foundation|association|crisis\s+cent(?:re|er)|shelter|group)"
            rf"{SP}[\"“«]?(?P<name>{_WORD}(?:{SP}(?:{_WORD}|(?:of|for|against|and|on)(?={SP}[A-Z])))*)"
        )
        # "in partnership with Tech Against Trafficking", "with the support of La Strada": a name in the
        # place where a text names who an act was done with, whatever its head noun.
        self._partnered = re.compile(
            rf"\b(?:(?:in{SP}(?:close{SP})?)?(?:co-?operation|partnership|collaboration|co-?ordination){SP}with"
            rf"|(?:together|jointly){SP}with|with{SP}the{SP}(?:support|assistance|help){SP}of"
            rf"|(?:funded|financed|sponsored|supported|co-organi[sz]ed|hosted){SP}by)"
            rf"{SP}(?:the{SP})?(?P<name>{_WORD}(?:{SP}(?:{_WORD}|(?:of|for|against|and|on|the)(?={SP}[A-Z])))*)"
        )
        self._delegation = delegation_pattern([n for n in self.countries.of if n not in self.countries.cities and not n.isupper()])
        self._head_words = {w for h in self.rules.heads for w in h.split()}
        self._head_ends = {h.split()[-1] for h in self.rules.heads}
        # Heads that alone are a reference back ("the Ministry", "the Task Force"), not a name.
        self._bare_heads = {h for h in self.rules.heads if " " not in h and "'" not in h and "’" not in h} - {"Ombudsman", "Ombudsperson"} | {"Task Force"}

    def find(self, text: str, taken: list[tuple[int, int]], ents: list[tuple[int, int, str]] = ()) -> list[Partner]:
        """Partner mentions of ``text``; ``ents`` are spaCy's entities as (start, end, label)."""
        clues = self.countries.find(text)
        found: list[Partner] = []
        spans = Taken(taken)
        pos = 0
        while (m := self._name.search(text, pos)) is not None:
            if owned := possessive_partners(self, text, m.start(), m.end(), spans, clues):
                found += owned
                pos = owned[-1].end
                continue
            candidate = self.read_candidate(text, m.start(), m.end(), spans, clues, named_by="rule")
            if candidate is None:
                pos = m.start() + 1  # a shorter name may start at a later word of the match
                continue
            found.append(candidate := self._with_listed_fields(text, m.start(), candidate, spans, clues))
            pos = candidate.end
        found += state_bodies(text, clues, self.countries, Taken([*spans, *((p.start, p.end) for p in found)]))
        # "the NGO Tais Plus", "the coalition Tech Against Trafficking": a name its kind introduces.
        introduced = [(m.start("name"), m.end("name"), INTRODUCED_KINDS[" ".join(m.group("intro").lower().split())]) for m in self._introduced.finditer(text)]
        ner = [(start, end, "") for start, end, label in ents if label == "ORG"]
        people = [(start, end) for start, end, label in ents if label in ("PERSON", "GPE", "NORP", "DATE")]
        partnered = [
            (m.start("name"), m.end("name"), "?") for m in self._partnered.finditer(text)
            if not any(s < m.end("name") and m.start("name") < e for s, e in people)
            # "supported by the Fund": one capitalised word is a reference back, not a name
            and (len(m.group("name").split()) > 1 or m.group("name").isupper())
        ]
        for start, end, kind in introduced + ner + partnered + listed_names(text):
            if spans.overlaps(start, end) or any(p.start < end and start < p.end for p in found):
                continue
            named_by = "ner" if not kind else "intro"
            candidate = self.read_candidate(text, start, end, spans, clues, named_by=named_by, kind="" if kind == "?" else kind)
            if candidate is not None:
                found.append(candidate)
        for m in self._delegation.finditer(text):
            if not spans.overlaps(m.start(), m.end()) and not any(p.start < m.end() and m.start() < p.end for p in found):
                country = self.countries.of[" ".join(m.group("country").split())]
                found.append(make_partner(m.start(), m.end(), "delegation", "national-authority", country, 0.7))
        things = named_things(text)
        found = merge_short_names(sorted(p for p in found if text[p.start : p.end] not in things))
        return acronym_partners(self, text, sorted(found + repeated_names(text, found, spans, self._head_words)), spans, clues)

    def read_candidate(self, text, start, end, taken, clues, named_by: str, kind: str = "") -> Partner | None:
        words = self._bounded_words(text, start, end, taken, named_by)
        words, country = self._lead_country(words)
        lead = country  # written before the name: the body's own country, not where it sits
        whole = words
        words, country, host, tail = self._shape(text, words, clues, named_by, country)
        while words and words[-1][2] in _CONNECTORS:
            words.pop()
        if not words:
            return None
        name = " ".join(w[2] for w in words)
        a, b = words[0][0], words[-1][1]
        if not self._reads_as_name(name, named_by, text, b) or named_by == "ner" and not self._whole_entity(text, a, b, name):
            return None
        if stands_for_no_body(text, a, ends_in_a_body=words[-1][2] in self.rules.heads, end=b):
            return None
        if words[0][2] in ("Chamber", "House") and len(whole) > len(words) and whole[-1][2] in ("Parliament", "Assembly"):
            b = whole[-1][1]  # the chamber's mention takes in its parliament
        if name in self._bare_heads and not country and [w[2] for w in whole[len(words) : len(words) + 2]] != ["of", "the"]:
            return None  # "the Ministry", "the Office": a reference back, not a name
        kind = kind or self.rules.kind_of(name)
        # an acronym beside NGOs is as often an agency of the EU or the UN ("CEPOL"): no NGO by its neighbours
        if named_by == "ner" and kind == "other-partner" and not name.isupper() and _NGO_CONTEXT.search(text[max(0, a - 200) : b + 100]):
            kind = "ngo"
        # "Geneva Liaison Office, UNICEF", "Executive Committee of the CIS", "UNMIK’s … Unit": a unit of an organisation
        if named_by == "rule" and (unit := listed_unit(text, a, b, name, taken, _names_a_unit(name))):
            return unit
        if _UNIT.search(name) and not country and (country := country_after(text, b, self.countries)):
            kind = "national-authority"  # "Migrants and Refugees Section, Holy See": a unit of a State
        if (parent := lead_organisation(name.split())) and not name.endswith("Special Rapporteur"):
            return make_partner(a, b, name.split(" ", 1)[1], "international-organisation", "", 0.7, parent=parent)
        if named_by == "rule" and name.endswith("Special Rapporteur"):
            name, b = special_procedure(text, a, b, name)
        # A university is its country's, as a ministry is; any body is when its name says so ("Moscow State Institute").
        national = kind in ("national-authority", "ngo", "embassy") or bool(_ACADEMIC.search(name))
        national = national or bool(lead) and kind != "treaty-body" or kind == "other-partner" and bool(tail)  # "Kazakhstan International …"
        national = national or kind == "other-partner" and name.split()[0] in ("National", "State")  # "National … Team": a State's
        # Surest when the country is written beside the name (or none is needed); an entity of the
        # model that no rule explains is the least sure.
        confidence = 0.6 if named_by == "ner" else 0.85 if country or not national else 0.7
        clues = without_destination(text, b, clues)
        country = (country or sentence_country(text, a, b, clues) or previous_sentence_country(text, a, clues) or nearest(clues, a)) if national else ""
        return make_partner(a, b, f"{name} in {host}" if host else name, kind, country, confidence)

    def _shape(self, text, words, clues, named_by: str, country: str):
        """The name's own words, cut where a second name, a unit's parent, a country or a place begins;
        the country, the host of an embassy and the country written after the name."""
        full = self._cut_tail(words)
        words, host, tail = self._unit_of(text, full), "", ""
        if len(words) < len(full):  # "Border Troops of the State Committee … of Tajikistan": the parent's country
            # ... or the parent's own lead ("Office to Monitor … of the United States Department of State")
            tail = tail_country(full, self.countries)[1] or self._lead_country(full[len(words) + 2 :])[1]
        if named_by == "rule":
            words, sender, host = embassy(text, words, clues, self.countries)
            if not sender:
                words, tail = tail_country(words, self.countries)[0], tail or tail_country(words, self.countries)[1]
                if len(words) == 1 and words[0][2] in ("Embassy", "Consulate"):
                    host, tail = tail, ""  # "US Embassy in Astana": Kazakhstan is the host
            words, inner = inner_country(cut_in_place(words), self.countries)
            country = sender or country or tail or inner
        else:  # "Red Cross Society of Azerbaijan", "Federation of Trade Unions" of Kyrgyzstan, as the model marks them
            words, tail = tail_country(words, self.countries) if not tail else (words, tail)
            words, inner = inner_country(words, self.countries)  # "Confederation of Danish Industry"
            tail = tail or inner
            tail = tail or (country_after(text, words[-1][1], self.countries, _OF) if words else "")
            country = country or tail
        return words, country, host, tail

    def _with_listed_fields(self, text, start, candidate: Partner, taken, clues) -> Partner:
        """ "Ministry of Health, Family Affairs and Youth": "of" goes on through a list of fields, not of names."""
        tail = _FIELD_LIST.match(text, candidate.end)
        before = fields_before(text, candidate.start, self._head_words)
        if before < candidate.start:  # "State Labour, Migration and Employment Inspectorate"
            return self.read_candidate(text, before, candidate.end, taken, clues, named_by="rule") or candidate
        if tail is None or not re.search(r" (?:of|on|for) ", text[candidate.start : candidate.end]) or any(w in self._head_words for w in tail.group().split()):
            return candidate
        return self.read_candidate(text, start, tail.end(), taken, clues, named_by="rule") or candidate

    def _bounded_words(self, text, start, end, taken, named_by: str) -> list[tuple[int, int, str]]:
        """The words of a candidate, cut where an OSCE body or a reference begins, at a blank line, at
        the end of a headline's line and before a dateline."""
        for s, e in taken.around(start, end):  # ``taken`` is a Taken: the spans that may meet the name, in order
            if s <= start < e:
                start = e  # "UN Committee on ...": the listed "UN" is taken, the committee is not
            if start < s < end:
                end = s
        if start >= end:
            return []
        blank = re.search(r"\n\s*\n", text[start:end])
        if blank:
            end = start + blank.start()
        line_break = text.find("\n", start, end)
        if line_break != -1 and (named_by == "ner" or line_break - (text.rfind("\n", 0, start) + 1) < 80):
            end = line_break  # a headline's line ends the name; only wrapped prose runs on
        words = words_of(text, start, end)
        for i, (_, _, word) in enumerate(words[1:], 1):
            if word.isupper() and len(word) > 3 and word in self.countries.of:
                return words[:i]  # "… School of Judges KYIV, 27 March": a headline joined to its dateline
        return words

    def _lead_country(self, words):
        """Drop sentence and headline words before a name; a country or its adjective there is the country."""
        country = ""
        while words and (
            words[0][2] in _LEAD_STOP or words[0][2][:1].islower() or words[0][2] in self.countries.of or words[0][2].endswith(("'s", "’s"))
            or lead_place(words, self.countries)[0]
        ):
            if n := lead_place(words, self.countries)[0]:
                country, words = lead_place(words, self.countries)[1], words[n:]
                continue
            if self._city_in_name(words) or country and words[0][2] in self.countries.cities and len(words) > 1:
                return words, country or self.countries.of[words[0][2]]  # "Moscow State University", "US Helsinki Commission"
            bare = re.sub(r"['’]s$", "", words[0][2])
            if bare in _PLURALS or bare != words[0][2] and bare not in self.countries.of and bare not in _LEAD_STOP | _HEADS_OF_STATE:
                break  # "Women's Rights Center", "Ombudsman's Office": a possessive is part of the name, not a country's
            country = self.countries.of.get(bare, country)
            words = words[1:]
        return words, country

    def _city_in_name(self, words) -> bool:
        """A city written in title case right before the next capitalised word of a name, on the same line."""
        first = words[0][2]
        return (
            first in self.countries.cities and len(words) > 1 and words[1][2][:1].isupper()
            and words[1][0] - words[0][1] == 1 and words[1][2] not in self._head_words
        )

    def _cut_tail(self, words: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
        """ "Ministry of Interior and State Police", "Administration and the Brcko District", "Public Defender and NGOs": an
        "and" right after a head noun, before "the" or before another head noun joins two names ("Ministry of Labour and …" one)."""
        for i, (_, _, word) in enumerate(words):
            if word != "and" or i == 0:
                continue
            after = [w[2] for w in words[i + 1 :]]
            # up to the next "and" or "of" ("… and Rights of National Minorities of the Government": no second name)
            segment = after[: min([after.index(w) for w in ("and", "of") if w in after], default=len(after))]
            fields = len(after) == 1 and "of" in [w[2] for w in words[:i]]  # "Ministry of Interior and Administration"
            if (words[i - 1][2] in self._head_words | {"Mission"} and not (fields and after[0] not in self._head_words)) or (after and after[0] == "the"):
                return words[:i]  # but "Ministry of Territorial Administration and Infrastructure" is one
            if after and after[0].isupper() and len(after[0]) > 1 and not any(w[2].isupper() for w in words[:i]):
                return words[:i]  # "… Victims' Protection and ASTRA": an acronym begins a name of its own
            if not any(w[2] in self._head_words for w in words[:i]):
                continue  # "High Judicial and Prosecutorial Council": no name before "and", one body
            if not fields and any(w in self._head_ends for w in segment):  # not "Public" of "Public Defender": "… and Public Prosecutors"
                return words[:i]
        return words

    def _unit_of(self, text: str, words: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
        """ "Anti-Trafficking Unit of the Ministry of Interior": a named unit "of the" a body that is named
        in full is a mention of its own, its parent another ("Academy of the Ministry …"); a bare "Committee of
        the ..." or "Office of the ..." is not cut."""
        for i in range(1, len(words) - 2):
            unit = [w[2] for w in words[:i]]
            # "Committee on Human Rights of the Parliament": a head noun anywhere in the unit's name
            if words[i][2] != "of" or words[i + 1][2] != "the" or not self._head_words & set(unit) or words[0][2] in ("Chamber", "House"):
                continue
            bare = " ".join(unit) in self._bare_heads and unit[0] in _COLLEGIAL  # "Committee of the …" is not cut
            if not bare and self._name.match(text, words[i + 2][0]) is not None:
                return words[:i]
        return words

    def _reads_as_name(self, name: str, named_by: str, text: str, end: int) -> bool:
        if "OSCE" in name or self._names_a_thing(name) or name in self.countries.of or name in self.listed:
            return False
        if re.match(r"^\s*(?:Convention|Protocol|Guidelines|Action\s+Plan|Resolution|Directive)\b", text[end : end + 30]):
            return False  # "the UN Convention": the body's name modifies an instrument
        if not name[:1].isupper() or re.search(r"\d", name) and named_by in ("ner", "intro"):
            return False
        if names_a_post(name, text, end) or named_by == "rule" and titles_an_event(text, end) and not _UNIT.search(name):
            return False
        if named_by == "rule":
            return any(w in self._head_words for w in name.split())
        if titles_an_event(text, end) or name.isupper() and abbreviates_a_meeting(text, end - len(name)):
            return False
        return named_by not in ("ner", "intro") or self._entity_reads_as_name(name, named_by, text, end)

    def _whole_entity(self, text: str, a: int, b: int, name: str) -> bool:
        """Not "Chui, Naryn" (a list of places), nor a longer name's tail the model cut ("Initiative against Organized Crime")."""
        listing = "," in text[a:b] and not self._head_words & set(name.split()) or inside_a_title(text, a, b)
        # ... nor the rest of a list of fields the model cut ("Directorates-General for Justice, Freedom and Security")
        return not listing and _CUT_TAIL.search(text[max(0, a - 60) : a]) is None

    def _names_a_thing(self, name: str) -> bool:
        """An instrument, event or topic word, unless it only qualifies a head noun ("Protocol Department")."""
        for m in _NOT_A_NAME.finditer(name):
            before, after = name[: m.start()].split(), name[m.end() :].split()
            if self._head_words.intersection(before) and {"for", "on"}.intersection(before):
                continue  # "Centre for Judicial Training": the field a body works for
            # a project's or a meeting's office is the project's, not a body of its own
            if not (after and after[0] in self._head_words and m.group() not in _GATHERINGS):
                return True
        return False

    def _entity_reads_as_name(self, name: str, named_by: str, text: str, end: int) -> bool:
        """A model's entity or a name a kind introduced ("the NGO ..."): no place, topic, title or common word."""
        if name.title() in self.countries.of or name in _NOT_NER_NAMES or re.match(r"^\s*,\s*\d", text[end : end + 5]):
            return False  # a dateline's place, a common word
        tokens = name.split()
        if (name.isupper() and (len(name) <= 3 or name.endswith("THB"))) or tokens[0] in ("Trafficking", "Combating", "Anti-Trafficking"):
            return False  # "THB", "CTHB", "MFA": abbreviations of topics and offices the text spells out elsewhere
        if tokens[0].endswith("ing") and not any(w in self._head_words or w == "Group" for w in tokens):
            return False  # "Addressing Irregular Migration": a title or a topic, not "Working Group", "Training Centre"
        head = name.split(" of ")[0].split()[-1]
        if named_by == "ner" and re.fullmatch(r"[A-Z][a-z]+[^s's]s", head):
            return False  # "Chambers of Commerce", "National Referral Mechanisms": a kind of body, not one
        if named_by == "ner" and len(tokens) == 1 and not name.isupper() and not _EU_AGENCY.fullmatch(name):
            return False  # one capitalised word the model calls an organisation is mostly a place ("Palanca")
        return not (len(tokens) > 7 or len(name) < 3 or any(t[:1].islower() and t not in _CONNECTORS - {"to"} for t in tokens))
