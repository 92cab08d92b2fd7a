"""Linking activities to the provisions they serve: stated by the report, or inferred from content.

On short real excerpts: provisions of the 2006 report (its Action Plan sections III.12 and IV.8),
and activity sentences of the 2007 and 2016-17 reports, which name no provision.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner

from cthbgraph.cli import main
from cthbgraph.evaluation.links import hold_out_reports
from cthbgraph.graph import Choices, report_graph
from cthbgraph.linking import LinkModel, LinkSettings, link_extractions
from cthbgraph.records import Activity, Excerpt, Provision, Report
from cthbgraph.validation import validate
from cthbgraph.vocab import CTHB

PLAN = """III.12. TRAINING

III.12.1 The **ODIHR** and the OSCE Strategic Police Matters Unit will continue to develop training materials targeted at law enforcement authorities on trafficking and sex crime investigation, consult with the International Law Enforcement Academy (ILEA) in Budapest regarding possibilities for incorporating this training into ILEA programmes, identify law enforcement trainers to conduct training, and facilitate funding training sessions for law enforcement authorities in OSCE participating States.

IV. 8 AWARENESS-RAISING

IV.8.2 The Press and Public Information Service (PPIS) will help to raise the media awareness of OSCE activities in the field of trafficking. The ODIHR will enhance training activities with regard to the responsibility of the media for dealing with the topic of trafficking in a sensitive manner and without reinforcing negative stereotypes. Training will stress the complexity of the phenomenon of trafficking and the need for a comprehensive response.
"""

# 2016-17 report (field operations) and 2007 report (working with the media).
POLICE = "To aid Ukraine's police reform, the PCU supported the development of 161 training courses as well as facilitated training of more than 12,500 officers, including 300 specialized anti-human trafficking police officers."
# (told in the past: in the undated present it is the SR's standing work, no event; extract/standing.py)
MEDIA = """The SR responded to media queries and provided timely information, updated and comprehensive background materials in order to facilitate a better understanding of the phenomenon by journalists, and, ultimately, improve news coverage of relevant issues."""


def extract(extractor, report_id: str, text: str, year: int):
    return extractor.extract(Report(report_id, Path(f"{report_id}.txt"), text, year=year))


@pytest.fixture(scope="module")
def linked(extractor):
    plan = extract(extractor, "plan-2006", PLAN, 2006)
    # One report each: within a report, neighbouring activities pull each other's links together.
    police = extract(extractor, "later-2017", POLICE + "\n", 2017)
    media = extract(extractor, "later-2007", MEDIA + "\n", 2007)
    return link_extractions([plan, police, media])


@pytest.mark.parametrize("sentence, provision", [(POLICE, "III.12.1"), (MEDIA, "IV.8.2")])
def test_linking_infers_the_provision_an_activity_serves(linked, sentence, provision):
    links = [k for e in linked[1:] for k in e.links if k.activity.text.startswith(sentence[:40])]
    assert links, "the activity was read and linked"
    chosen = min(links, key=lambda k: k.rank)
    assert chosen.provision == provision
    assert all(k.basis == "inferred" and 0 < k.score <= 1 and k.method == "tfidf-lemmas/2" for k in links)
    assert len(links) <= 2


def _record(cls, report: str, lemmas: str, **fields):
    return cls(excerpt=Excerpt(report, 0, 1, "."), lemmas=tuple(lemmas.split()), **fields)


def test_linking_learns_from_the_activities_a_report_states_under_a_provision():
    """The Action Plan's words are legal, reports say what was done: IV.8.5 asks the OCEEA to
    "mobilize the private sector" and "disseminate best practices such as codes of conduct"; the
    2006 report places under it the tourism industry's Code of Conduct. A later sentence about
    tourism then finds IV.8.5 through those stated activities (lemmas as the reader makes them)."""
    private = _record(
        Provision, "plan", "help mobilize strengthen private sector effort combat raise awareness identify disseminate practice "
        "self regulation policy guideline code conduct", notation="IV.8.5", text="",
    )
    media = _record(
        Provision, "plan", "raise medium awareness activity field enhance training responsibility medium topic sensitive manner",
        notation="IV.8.2", text="",
    )
    stated = [
        _record(Activity, "r2006", "elaborate tourism organization fund", type="", agents=(), provision="IV.8.5"),
        _record(Activity, "r2006", "identify practice self regulation private sector code conduct protection child "
                "sexual exploitation travel tourism", type="", agents=(), provision="IV.8.5"),
    ]
    later = _record(Activity, "r2017", "workshop tourism industry child sexual exploitation", type="", agents=())
    wording_only = LinkModel([private, media], [*stated, later], LinkSettings(examples=0))
    assert max(wording_only.scores(later)) == 0, "no word of the sentence is in a provision's wording"
    learnt = LinkModel([private, media], [*stated, later])
    assert [c.notation for c in learnt.link([later])[0]] == ["IV.8.5"]


def test_linking_keeps_stated_links_with_their_basis(extractor):
    from conftest import EXCERPT

    (linked,) = link_extractions([extract(extractor, "excerpt-2006", EXCERPT, 2006)])
    stated = [k for k in linked.links if k.basis != "inferred"]
    assert stated and {(k.provision, k.basis, k.score) for k in stated} == {("III.10.1", "placed", 1.0)}
    assert not [k for k in linked.links if k.activity in {s.activity for s in stated} and k.basis == "inferred"]


def test_linking_without_provisions_links_nothing(extractor):
    (alone,) = link_extractions([extract(extractor, "later-2017", POLICE, 2017)])
    assert alone.activities and not alone.links


def test_linking_is_deterministic_whatever_the_order(linked):
    again = link_extractions(list(reversed(linked)))
    assert {e.report.id: e.links for e in again} == {e.report.id: e.links for e in linked}


def test_linking_graph_says_basis_score_and_method(linked):
    choices = Choices.merge(Choices.of(e) for e in linked)
    graph = report_graph([linked[1]], choices)
    inferred = list(graph.subject_objects(CTHB.mayImplement))
    assert inferred and not list(graph.subject_objects(CTHB.implements))
    for node in graph.subjects(CTHB.basis, None):
        assert str(graph.value(node, CTHB.basis)) == "inferred"
        score = graph.value(node, CTHB.score).toPython()
        assert isinstance(score, Decimal) and 0 < score <= 1 and score == round(score, 2)
        assert (graph.value(node, CTHB.activity), graph.value(node, CTHB.provision)) in inferred
    assert validate(graph).conforms


def test_linking_hold_out_report_loses_its_provisions():
    report = Report("plan-2006", Path("plan.txt"), PLAN + "\n" + POLICE + "\n", year=2006)
    stripped, plan = hold_out_reports(report)
    assert "III.12.1" not in stripped.text and "TRAINING" not in stripped.text and POLICE in stripped.text
    assert "III.12.1 The **ODIHR**" in plan.text and "IV. 8 AWARENESS-RAISING" in plan.text


def run(built, *args: str):
    result = CliRunner().invoke(main, [*args, "--graph-dir", str(built.out)])
    assert "Traceback" not in result.output
    return result


def test_linking_later_reports_are_linked(store):
    from cthbgraph.queries import parse_query

    query = parse_query(
        """PREFIX cthb: <https://w3id.org/cthb/ontology#>
        PREFIX dcterms: <http://purl.org/dc/terms/>
        SELECT ?year (COUNT(DISTINCT ?a) AS ?n) (COUNT(DISTINCT ?linked) AS ?k) WHERE {
          ?a a cthb:Activity ; dcterms:source/cthb:reportYear ?year .
          OPTIONAL { ?a cthb:implements|cthb:mayImplement ?p BIND (?a AS ?linked) }
        } GROUP BY ?year"""
    )
    shares = {str(r["year"]): int(r["k"]) / int(r["n"]) for r in query.run(store).dicts()}
    assert shares["2007"] >= 0.6 and shares["2017"] >= 0.6
    most = parse_query(
        "PREFIX cthb: <https://w3id.org/cthb/ontology#> SELECT ?a (COUNT(?p) AS ?n) WHERE { ?a cthb:mayImplement ?p } GROUP BY ?a ORDER BY DESC(?n) LIMIT 1"
    )
    assert int(most.run(store).dicts()[0]["n"]) <= 2


def test_linking_compare_finds_evidence_in_both_years(built):
    result = run(built, "compare", "--from", "2006", "--to", "2017", "--format", "json")
    rows = [r for r in __import__("json").loads(result.output) if r["kind"] == "provision"]
    assert any(r["2006"] > 0 and r["2017"] > 0 for r in rows)
    stated = run(built, "compare", "--from", "2006", "--to", "2017", "--basis", "stated", "--format", "json")
    assert not any(r["kind"] == "provision" and r["2017"] > 0 for r in __import__("json").loads(stated.output))


@pytest.mark.parametrize("basis, shown", [("all", "inferred "), ("stated", "stated")])
def test_linking_trace_says_the_basis(built, basis, shown):
    result = run(built, "trace", "III.12.1", "--basis", basis)
    assert result.exit_code == 0 and shown in result.output
    if basis == "stated":
        assert "inferred" not in result.output


def test_linking_coverage_marks_inferred_counts(built):
    result = run(built, "coverage", "--chapter", "III.12")
    assert result.exit_code == 0 and "i)" in result.output


@pytest.mark.parametrize("command", [["gaps"], ["coverage"], ["compare", "--from", "2017", "--to", "2017"], ["trace", "III.12.1"]])
def test_linking_commands_say_when_there_are_no_provisions(tmp_path_factory, command):
    corpus = tmp_path_factory.mktemp("press")
    (corpus / "press-2017.txt").write_text(POLICE + "\n", encoding="utf-8")
    out = tmp_path_factory.mktemp("out")
    built = CliRunner().invoke(main, ["build", "--corpus", str(corpus), "--graph-dir", str(out), "--quiet"])
    assert built.exit_code == 0, built.output
    result = CliRunner().invoke(main, [*command, "--graph-dir", str(out)])
    assert result.exit_code == 2
    assert "no Action Plan provisions" in result.output and "Hint:" in result.output


def test_linking_evaluate_hold_out_on_a_chapter_of_the_2006_report(tmp_path):
    # Chapter III of the 2006 report: sections III.9 to III.13, provisions and the activities under them.
    lines = (Path(__file__).resolve().parents[1] / "corpus" / "000-2006-from-policy-to-practice.txt").read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("III. 9. LEGISLATIVE REVIEW"))
    end = next(i for i, line in enumerate(lines) if line.startswith("III. 2. PREVENTION"))
    (tmp_path / "chapter-iii-2006.txt").write_text("\n".join(lines[start:end]) + "\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["evaluate", "--kind", "links", "--corpus", str(tmp_path), "--gold-links", str(tmp_path / "none"), "--format", "json", "--quiet"])
    assert result.exit_code == 0, result.output
    rows = {(r["protocol"], r["split"], r["metric"]): r for r in __import__("json").loads(result.output)}
    exact = rows[("hold-out", "all", "exact")]
    assert exact["total"] > 20 and 0.5 <= exact["value"] <= 1
    assert rows[("hold-out", "all", "coverage")]["value"] > 0.9
