"""``cthbgraph evaluate``: scores against a small gold folder whose every count is known, then the real
annotations in tests/gold/ against the targets of the extraction."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from cthbgraph.cli import main
from cthbgraph.corpus import load_corpus
from cthbgraph.evaluation import PRF, Accuracy, GoldError, Score, evaluate, load_gold, pool
from cthbgraph.evaluation.gold import Units
from cthbgraph.evaluation.intervals import gap_uncertainty, uncertainty
from cthbgraph.evaluation.scoring import at_confidence, score_extractions
from cthbgraph.records import Activity, BodyMention, Excerpt, Extraction, Report

ROOT = Path(__file__).resolve().parents[1]

# The opening of the ODIHR 2003 activities report and the commitments paragraph of its background note.
REPORT_001 = (ROOT / "corpus" / "001-2003-odihr-anti-trafficking-unit-activities.txt").read_text(encoding="utf-8")[:1003]
NOTE_004 = (ROOT / "corpus" / "004-2003-odihr-strategic-approach-background-note.txt").read_text(encoding="utf-8")
COMMITMENTS = NOTE_004[NOTE_004.index("The OSCE's first commitments") : NOTE_004.index("<sup>6</sup>") + len("<sup>6</sup>")]
# Told in the past: in the undated present the report's opening is standing work, no event (extract/standing.py).
_PAST = (("carries out", "carried out"), ("staff regularly exchange", "staff exchanged"), ("ODIHR advocates", "ODIHR advocated"),
         ("ODIHR also supports", "ODIHR also supported"), ("ODIHR administers", "ODIHR administered"))
for _present, _past in _PAST:
    REPORT_001 = REPORT_001.replace(_present, _past)
TEXT = REPORT_001 + "\n\n" + COMMITMENTS + "\n"

S1 = "The OSCE/ODIHR carried out a wide variety of anti-trafficking activities in co-operation with OSCE participating States, non-governmental organizations (NGOs) and other international organizations (IOs)."
S2 = "Raising awareness among OSCE participating States also remains a priority."
S3 = "Therefore, ODIHR staff exchanged information with the Informal Working Group on Gender Equality and Anti-Trafficking in Human Beings, which is composed of interested OSCE delegations and based in Vienna."
S4 = "Within this context, the ODIHR advocated for the further elaboration of OSCE commitments, which will ensure that the rights of trafficked persons are protected."
S5 = "The ODIHR also supported OSCE field missions in their efforts to prevent trafficking and to assist victims."


def _span(needle: str, within: str = "") -> tuple[int, int]:
    base = TEXT.index(within) if within else 0
    start = TEXT.index(needle, base)
    return start, start + len(needle)


def _sentence(sentence: str, split: str, **fields) -> dict:
    start, end = _span(sentence)
    return {"report": "excerpt", "start": start, "end": end, "sentence": sentence, "split": split, **fields}


def _mention(text: str, body: str, within: str) -> dict:
    start, end = _span(text, within)
    return {"start": start, "end": end, "text": text, "body": body}


def _reference(text: str, document: str, kind: str = "Decision") -> dict:
    start, end = _span(text)
    return {"report": "excerpt", "start": start, "end": end, "text": text, "split": "test", "document": document, "kind": kind}


def _activity(sentence: str, type_: str, agents: list[str], **extra) -> dict:
    fields = {"type": type_, "agents": agents, "partners": [], "date": "", "place": "", "country": "", "provision": ""}
    fields.update(extra)
    return _sentence(sentence, "dev", **fields)


def _write(folder: Path, name: str, rows: list[dict]) -> None:
    (folder / f"{name}.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")


@pytest.fixture(scope="module")
def tiny(tmp_path_factory):
    """A one-report corpus and its gold, with a deliberate miss and a deliberate false hit per kind."""
    root = tmp_path_factory.mktemp("tiny")
    corpus, gold = root / "corpus", root / "gold"
    corpus.mkdir()
    gold.mkdir()
    (corpus / "excerpt.txt").write_text(TEXT, encoding="utf-8")
    (corpus / "manifest.csv").write_text(
        "id,file,title,publisher,year,language,source\nexcerpt,excerpt.txt,Excerpt,OSCE/ODIHR,2003,en,\n", encoding="utf-8"
    )
    _write(gold, "bodies", [
        # "NGOs" annotated as a body the gazetteer does not know: a miss.
        _sentence(S1, "test", mentions=[_mention("OSCE/ODIHR", "odihr", S1), _mention("non-governmental organizations (NGOs)", "ngos", S1)]),
        # "OSCE field missions" left out of the annotation: the extractor's mention is a false hit.
        _sentence(S5, "dev", mentions=[_mention("ODIHR", "odihr", S5)]),
    ])
    _write(gold, "decisions", [
        _reference("Charter for European Security", "charter-istanbul-1999"),  # a miss
        _reference("Ministerial Council Decision No. 1", "mc-dec-1-00"),
        _reference("Ministerial Council Decision No. 6", "mc-dec-6-01"),
        _reference("Ministerial Council Declaration on Trafficking in Human Beings", "mc-decl-porto-2002", "Declaration"),
        # "Permanent Council Decision 426" left out: a false hit and an invented document.
    ])
    start, end = _span(S1)
    _write(gold, "regions", [{"report": "excerpt", "start": start, "end": 1003, "split": "dev", "note": "first paragraphs"}])
    _write(gold, "activities", [
        _activity(S1, "other", ["odihr"]),
        _activity(S2, "awareness-raising", ["odihr"], implicit_agent=True),  # no doer named: a miss
        _activity(S3, "meeting", ["odihr"], partners=["informal-working-group-gender-equality-anti-trafficking"], place="Vienna", country="Austria"),
        _activity(S4, "advocacy", ["odihr"]),
        _activity(S5, "other", ["odihr"], partners=["field-operations"]),
        # "With this aim in mind, the ODIHR administered the ... Fund" left out: a false hit.
    ])
    return corpus, gold


@pytest.fixture(scope="module")
def tiny_evaluation(tiny, extractor):
    corpus, gold = tiny
    return evaluate(corpus, gold, extractor=extractor)


@pytest.mark.parametrize(
    "kind,metric,split,expected",
    [
        ("bodies", "mentions", "test", PRF(tp=1, fp=0, fn=1)),
        ("bodies", "mentions", "dev", PRF(tp=1, fp=1, fn=0)),
        ("bodies", "mentions", "all", PRF(tp=2, fp=1, fn=1)),
        ("decisions", "references", "test", PRF(tp=3, fp=1, fn=1)),
        ("decisions", "invented documents", "test", PRF(fp=1)),
        ("activities", "sentences", "dev", PRF(tp=4, fp=1, fn=1)),
        ("activities-named", "sentences", "dev", PRF(tp=4, fp=1, fn=0)),
    ],
)
def test_evaluate_counts_on_a_known_excerpt(tiny_evaluation, kind, metric, split, expected):
    assert tiny_evaluation.score(kind, metric, split).prf == expected


@pytest.mark.parametrize(
    "metric,expected",
    [("agent", Accuracy(4, 4)), ("place", Accuracy(4, 4)), ("country", Accuracy(4, 4)), ("date", Accuracy(4, 4))],
)
def test_evaluate_attributes_of_activities_found(tiny_evaluation, metric, expected):
    assert tiny_evaluation.score("activities", metric, "dev").accuracy == expected


def test_evaluate_lists_misses_and_false_hits_with_their_sentences(tiny_evaluation):
    errors = {(e.kind, e.error, e.text) for e in tiny_evaluation.errors}
    assert ("bodies", "miss", "non-governmental organizations (NGOs)") in errors
    assert ("bodies", "false hit", "OSCE field missions") in errors
    assert ("decisions", "miss", "Charter for European Security") in errors
    assert ("decisions", "invented document", "Permanent Council Decision 426") in errors
    missed = next(e for e in tiny_evaluation.errors if e.kind == "activities" and e.error == "miss")
    assert missed.sentence == S2
    false_hit = next(e for e in tiny_evaluation.errors if e.kind == "activities" and e.error == "false hit")
    assert false_hit.sentence.startswith("With this aim in mind, the ODIHR administered")


def test_prf_arithmetic():
    score = PRF(tp=8, fp=2, fn=8)
    assert (score.precision, score.recall) == (0.8, 0.5)
    assert score.f1 == pytest.approx(2 * 0.8 * 0.5 / 1.3)
    assert PRF().f1 == 0.0


def test_cli_evaluate_prints_scores_and_errors(tiny, extractor, monkeypatch):
    import cthbgraph.extract

    # The CLI builds its own Extractor; hand it the session's so the model loads once.
    monkeypatch.setattr(cthbgraph.extract, "Extractor", lambda model=None: extractor)
    corpus, gold = tiny
    result = CliRunner().invoke(main, ["evaluate", "--gold", str(gold), "--corpus", str(corpus), "--split", "test", "--kind", "decisions"])
    assert result.exit_code == 0, result.output
    assert "references" in result.output and "invented documents" in result.output
    assert "invented document: 'Permanent Council Decision 426'" in result.output
    assert "bodies" not in result.output.split("Errors")[0]
    as_json = CliRunner().invoke(main, ["evaluate", "--gold", str(gold), "--corpus", str(corpus), "--format", "json", "--show-errors", "0"])
    data = json.loads(as_json.output)
    row = next(r for r in data["scores"] if (r["split"], r["kind"], r["metric"]) == ("test", "bodies", "mentions"))
    assert (row["tp"], row["fp"], row["fn"]) == (1, 0, 1)
    assert data["errors"] == []


def test_evaluate_by_genre_scores_each_genre_apart(tiny, extractor, monkeypatch):
    import cthbgraph.extract

    monkeypatch.setattr(cthbgraph.extract, "Extractor", lambda model=None: extractor)
    corpus, gold = tiny
    ev = evaluate(corpus, gold, extractor=extractor, by="genre")
    # The tiny corpus has one text, which no manifest column or masthead gives a genre: an annual report's.
    assert [g for g, _ in ev.groups] == ["report"]
    assert ev.groups[0][1].score("bodies", "mentions", "all").prf == ev.score("bodies", "mentions", "all").prf
    for fmt in ("json", "csv", "table"):
        result = CliRunner().invoke(
            main, ["evaluate", "--gold", str(gold), "--corpus", str(corpus), "--by", "genre", "--format", fmt, "--show-errors", "0"]
        )
        assert result.exit_code == 0, result.output
        if fmt == "json":
            rows = json.loads(result.output)["scores"]
            assert {r["genre"] for r in rows} == {"all", "report"}
            pick = [r for r in rows if (r["split"], r["kind"], r["metric"]) == ("test", "bodies", "mentions")]
            assert [(r["genre"], r["tp"], r["fn"]) for r in pick] == [("all", 1, 1), ("report", 1, 1)]
        else:
            assert result.output.lstrip().startswith("genre")


def test_a_confidence_threshold_scores_only_the_facts_a_filtered_graph_keeps(tiny, extractor):
    corpus, gold = tiny
    [extraction] = extractor.extract_all(load_corpus(corpus).reports)
    ranked = sorted({a.confidence for a in extraction.activities})
    assert len(ranked) > 1, "the excerpt's activities were read in more than one way"
    threshold = ranked[1]
    kept = [a for a in extraction.activities if a.confidence >= threshold]
    filtered = at_confidence(extraction, threshold)
    assert filtered.activities == tuple(kept) and at_confidence(extraction, 0.0) is extraction
    assert all(b.confidence >= threshold for b in filtered.bodies)

    everything = evaluate(corpus, gold, extractor=extractor)
    surer = evaluate(corpus, gold, extractor=extractor, min_confidence=threshold)
    found, fewer = everything.score("activities", "sentences", "dev").prf, surer.score("activities", "sentences", "dev").prf
    assert fewer.tp + fewer.fp < found.tp + found.fp and fewer.fp <= found.fp
    result = CliRunner().invoke(
        main, ["evaluate", "--gold", str(gold), "--corpus", str(corpus), "--min-confidence", "1.5", "--show-errors", "0"]
    )
    assert result.exit_code == 2 and "1.5" in result.output


def test_cli_evaluate_missing_gold_is_one_line_error(tmp_path):
    result = CliRunner().invoke(main, ["evaluate", "--gold", str(tmp_path / "nowhere")])
    assert result.exit_code == 2
    assert "Error: gold folder" in result.output and "Traceback" not in result.output


def test_load_gold_reports_the_bad_line(tmp_path):
    (tmp_path / "bodies.jsonl").write_text('{"report": "x", "start": 0, "end": 3}\nnot json\n', encoding="utf-8")
    with pytest.raises(GoldError, match=r"bodies.jsonl:2"):
        load_gold(tmp_path)


# ------------------------------------------------------------------ confidence intervals

# Five regions of a test half, each with its events found (tp), its false events (fp), its missed ones (fn).
REGIONS = (PRF(3, 1, 1), PRF(2, 0, 2), PRF(4, 2, 0), PRF(1, 1, 1), PRF(5, 0, 1))


def _events(units) -> Score:
    return Score("test", "activities", "events", prf=sum(units, PRF()), units=tuple(units))


def test_an_interval_holds_the_figure_and_is_the_same_on_every_run():
    score = _events(REGIONS)
    ci = uncertainty(score)
    assert ci.units == 5
    for measure in ("precision", "recall", "f1"):
        interval = getattr(ci, measure)
        assert interval.low <= round(getattr(score.prf, measure), 3) <= interval.high
        assert interval.high - interval.low > 0.1, "five regions leave a wide margin"
    assert uncertainty(score) == ci and uncertainty(_events(REGIONS), resamples=1000) == ci
    judged = Score("test", "activities", "event agent", accuracy=Accuracy(7, 10), units=(Accuracy(3, 4), Accuracy(1, 3), Accuracy(3, 3)))
    assert judged.value == 0.7
    assert uncertainty(judged).accuracy.low <= 0.7 <= uncertainty(judged).accuracy.high


def test_an_interval_narrows_when_there_are_more_units_alike():
    narrow, wide = uncertainty(_events(REGIONS * 4)), uncertainty(_events(REGIONS))
    for measure in ("precision", "recall", "f1"):
        assert getattr(narrow, measure).high - getattr(narrow, measure).low < getattr(wide, measure).high - getattr(wide, measure).low


def test_fewer_than_two_units_give_no_interval():
    # One region resampled is always itself: an interval of width 0 would look surest where least is known.
    one, none = uncertainty(_events(REGIONS[:1])), uncertainty(Score("test", "activities", "events", prf=PRF()))
    assert (one.units, one.precision, one.recall, one.f1) == (1, None, None, None)
    assert (none.units, none.precision) == (0, None)
    assert uncertainty(_events(REGIONS), resamples=0).precision is None
    assert one.columns() == (None,) * 8 + (1,)


def test_a_gap_within_the_noise_holds_zero():
    gap = gap_uncertainty(_events(REGIONS), _events(REGIONS))
    assert gap.precision.low < 0 < gap.precision.high and gap.units == 10


def test_a_fact_belongs_to_the_region_it_lies_in_else_to_its_text(tiny, tmp_path):
    _, gold = tiny
    units = Units(load_gold(_two_regions(gold, tmp_path)))
    first, second = f"excerpt@{_span(S1)[0]}", f"excerpt@{_span(S5)[0]}"  # the regions' starts (76, 721)
    assert units.of("excerpt", 300) == first and units.of("excerpt", 900, 950) == second
    assert units.of("excerpt", 70, 80) == first, "a span that starts before a region and overlaps it"
    assert units.of("excerpt", 1200) == units.of("excerpt") == "excerpt"


def _two_regions(gold: Path, folder: Path) -> Path:
    """The tiny gold with its region cut in two at the paragraph break: the first paragraph's four
    activity sentences, and S5 with the false hit that follows it."""
    for path in gold.glob("*.jsonl"):
        (folder / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    first, second = _span(S1)[0], _span(S5)[0]
    _write(folder, "regions", [
        {"report": "excerpt", "start": first, "end": _span(S4)[1], "split": "dev"},
        {"report": "excerpt", "start": second, "end": 1003, "split": "dev"},
    ])
    return folder


def test_counts_are_kept_per_region_with_their_false_hits(tiny, extractor, tmp_path):
    corpus, gold = tiny
    ev = evaluate(corpus, _two_regions(gold, tmp_path), extractor=extractor)
    sentences = ev.score("activities", "sentences", "dev")
    assert sorted(sentences.units) == [PRF(tp=1, fp=1), PRF(tp=3, fn=1)] and sum(sentences.units, PRF()) == sentences.prf
    assert uncertainty(sentences).precision is not None
    # The decisions lie outside both regions: the text is their one unit.
    assert len(ev.score("decisions", "references", "test").units) == 1
    twice = pool([ev, ev])
    assert twice.score("activities", "sentences", "dev").prf == sentences.prf + sentences.prf
    assert twice.score("activities", "sentences", "dev").units == sentences.units * 2


def test_cli_evaluate_prints_intervals_and_pools_sets(tiny, extractor, monkeypatch, tmp_path):
    import cthbgraph.extract

    monkeypatch.setattr(cthbgraph.extract, "Extractor", lambda model=None: extractor)
    corpus, gold = tiny
    gold = str(_two_regions(gold, tmp_path))
    both = ["--gold", gold, "--corpus", str(corpus), "--gold", gold, "--show-errors", "0", "--kind", "activities"]
    data = json.loads(CliRunner().invoke(main, ["evaluate", *both, "--split", "dev", "--pool", "--format", "json"]).output)
    assert [s["gold"] for s in data["sets"]] == [gold, gold, "pooled"]
    alone, pooled = ({(r["kind"], r["metric"]): r for r in s["scores"]}[("activities", "sentences")] for s in data["sets"][::2])
    assert (alone["tp"], alone["units"], pooled["tp"], pooled["units"]) == (4, 2, 8, 4)
    assert alone["precision_low"] <= alone["precision"] <= alone["precision_high"]
    assert pooled["recall_high"] - pooled["recall_low"] <= alone["recall_high"] - alone["recall_low"]
    narrow = CliRunner().invoke(main, ["evaluate", *both, "--split", "dev"]).output
    # A terminal wide enough that no cell wraps.
    wide = CliRunner(env={"COLUMNS": "200"}).invoke(main, ["evaluate", *both, "--split", "dev", "--ci", "--pool"]).output
    assert "units" not in narrow and "[" not in narrow
    assert "Annotation set pooled" in wide and "units" in wide
    low, high = (f"{alone[f'precision_{end}']:.2f}" for end in ("low", "high"))
    assert f"0.800 [{low}–{high}]" in wide
    one = ["evaluate", "--gold", gold, "--corpus", str(corpus), "--show-errors", "0", "--kind", "activities"]
    first = json.loads(CliRunner().invoke(main, [*one, "--format", "json", "--resamples", "0"]).output)["scores"][0]
    assert (first["metric"], first["accuracy_low"], first["units"]) == ("agent", None, 2)
    header = CliRunner().invoke(main, [*one, "--format", "csv"]).output.splitlines()[0]
    everything = json.loads(CliRunner().invoke(main, [*one[:-2], "--format", "json"]).output)["scores"]
    gap = next(r for r in everything if (r["split"], r["kind"], r["metric"]) == ("dev-test", "bodies", "mentions"))
    assert gap["units"] == 2 and gap["precision_low"] is None, "one region a split: no interval for the gap"
    by_genre = CliRunner().invoke(main, [*one, "--by", "genre", "--ci"])
    assert by_genre.exit_code == 0 and by_genre.output.lstrip().startswith("genre")
    pooled_genres = json.loads(CliRunner().invoke(main, ["evaluate", *both, "--pool", "--by", "genre", "--format", "json"]).output)
    report_rows = [r for r in pooled_genres["sets"][2]["scores"] if r["genre"] == "report" and r["metric"] == "sentences"]
    assert report_rows[0]["tp"] == 8, "each genre of the sets pooled too"
    assert header.endswith("accuracy,precision_low,precision_high,recall_low,recall_high,f1_low,f1_high,accuracy_low,accuracy_high,units")

# ------------------------------------------------------------------ where the errors come from

# An invented field report, its gold and a hand-made extraction with one error of each kind.
FIELD = (
    "The Mission trained forty police officers in Skopje. The training lasted two days. "
    "The Mission also held a round table with the Ministry of Interior and the Red Cross. "
    "The Office published a handbook on victim referral. "
    "The Centre visited shelters run by La Strada. "
    "The weather was cold. "
    "The staff moved to a new building. "
    "The Office opened a hotline. "
    "The Presence met the Ombudsperson.\n"
)


def _at(needle: str) -> Excerpt:
    start = FIELD.index(needle)
    return Excerpt("field", start, start + len(needle), needle)


def _gold_event(sentence: str, event: str, agents: list[str], partners: tuple[str, ...] = (), split: str = "dev") -> dict:
    e = _at(sentence)
    return {"report": "field", "start": e.start, "end": e.end, "sentence": sentence, "split": split, "type": "other",
            "agents": agents, "partners": list(partners), "event": event}


def _body(text: str, key: str, kind: str, within: str = "") -> BodyMention:
    start = FIELD.index(text, FIELD.index(within) if within else 0)
    partner = kind == "ExternalOrganisation"
    return BodyMention(Excerpt("field", start, start + len(text), text), key, text, kind, partner_kind="ngo" if partner else "")


def _done(sentence: str, *agents: BodyMention, follow_ups: tuple[str, ...] = ()) -> Activity:
    return Activity(_at(sentence), "other", agents, follow_ups=tuple(_at(f) for f in follow_ups))


@pytest.fixture(scope="module")
def diagnosed(tmp_path_factory):
    gold = tmp_path_factory.mktemp("field")
    mission, office = _body("The Mission", "mission", "FieldOperation"), _body("The Office", "office", "Institution")
    s_train, s_days, s_table = "The Mission trained forty police officers in Skopje.", "The training lasted two days.", "The Mission also held a round table with the Ministry of Interior and the Red Cross."
    s_book, s_visit, s_cold = "The Office published a handbook on victim referral.", "The Centre visited shelters run by La Strada.", "The weather was cold."
    s_hotline, s_met = "The Office opened a hotline.", "The Presence met the Ombudsperson."
    _write(gold, "regions", [{"report": "field", "start": 0, "end": len(FIELD), "split": "dev"}])
    _write(gold, "activities", [
        _gold_event(s_train, "training", ["mission"]),
        _gold_event(s_days, "training", ["mission"]),
        _gold_event(s_table, "round-table", ["mission"], ("ministry-of-interior",)),  # read into the training: merged
        _gold_event(s_book, "handbook", ["office"]),
        _gold_event(s_visit, "visit", ["centre"], ("la-strada",)),
        _gold_event(s_hotline, "hotline", ["office"], split="test"),  # nothing predicted on it: unread
        _gold_event(s_met, "meeting", ["presence"], ("ombudsperson",), split="test"),
    ])
    _write(gold, "bodies", [{
        "report": "field", "start": _at(s_table).start, "end": _at(s_table).end, "sentence": s_table, "split": "dev",
        "mentions": [
            {**_span_of("Mission", s_table), "text": "Mission", "body": "mission", "kind": "osce"},
            {**_span_of("Ministry of Interior", s_table), "text": "Ministry of Interior", "body": "ministry-of-interior", "kind": "national-authority"},
            {**_span_of("Red Cross", s_table), "text": "Red Cross", "body": "red-cross", "kind": "ngo"},
        ],
    }, {
        "report": "field", "start": _at(s_book).start, "end": _at(s_book).end, "sentence": s_book, "split": "dev",
        "mentions": [{**_span_of("Office", s_book), "text": "Office", "body": "odihr", "kind": "osce"}],
    }])
    extraction = Extraction(
        Report("field", Path("field.txt"), FIELD),
        bodies=(
            _body("Mission", "mission", "FieldOperation", s_table),
            _body("Ministry of Interior", "ministry-interior", "ExternalOrganisation"),  # found, keyed otherwise
            _body("Office", "office", "Institution", s_book),  # found, keyed otherwise
        ),
        activities=(
            _done(s_train, mission, follow_ups=(s_days, s_table)),
            _done(s_days, mission),  # a second event on the training: split
            _done(s_book),  # no doer
            _done(s_visit, _body("La Strada", "la-strada", "ExternalOrganisation")),  # the partner as doer
            _done(s_cold, office),  # on no gold sentence: spurious
            _done("The staff moved to a new building.", office),  # spurious too
            _done(s_met, office),  # another body as doer
        ),
    )
    return score_extractions(load_gold(gold), [extraction])


def _span_of(needle: str, sentence: str) -> dict:
    start = FIELD.index(needle, FIELD.index(sentence))
    return {"start": start, "end": start + len(needle)}


@pytest.mark.parametrize(
    "kind,metric,split,expected",
    [
        ("activities", "events", "all", PRF(tp=4, fp=3, fn=2)),
        ("activities", "events-split", "dev", PRF(fp=1)),
        ("activities", "events-spurious", "dev", PRF(fp=2)),
        ("activities", "events-merged", "dev", PRF(fn=1)),
        ("activities", "events-unread", "test", PRF(fn=1)),
        ("activities", "event agent-none", "dev", PRF(fn=1)),
        ("activities", "event agent-partner", "dev", PRF(fn=1)),
        ("activities", "event agent-other", "test", PRF(fn=1)),
        # La Strada, read as the doer of the visit, and the Ombudsperson are partners not attached.
        ("activities", "event partners", "dev", PRF(fn=1)),
        ("activities", "event partners", "test", PRF(fn=1)),
        # The ministry is found under another key; the Red Cross is not found at all.
        ("bodies", "mentions partners", "dev", PRF(tp=0, fp=1, fn=2)),
        ("bodies", "mentions partners-found", "dev", PRF(tp=1, fp=0, fn=1)),
        ("bodies", "mentions osce", "dev", PRF(tp=1, fp=1, fn=1)),
        ("bodies", "mentions osce-found", "dev", PRF(tp=2, fp=0, fn=0)),
    ],
)
def test_evaluate_tells_where_the_errors_come_from(diagnosed, kind, metric, split, expected):
    assert diagnosed.score(kind, metric, split).prf == expected


def test_event_partners_judge_the_bodies_an_event_found_was_done_with(tmp_path):
    s_table = "The Mission also held a round table with the Ministry of Interior and the Red Cross."
    _write(tmp_path, "regions", [{"report": "field", "start": 0, "end": len(FIELD), "split": "dev"}])
    _write(tmp_path, "activities", [_gold_event(s_table, "round-table", ["mission"], ("ministry-of-interior", "red-cross"))])
    _write(tmp_path, "bodies", [{
        "report": "field", "start": _at(s_table).start, "end": _at(s_table).end, "sentence": s_table, "split": "dev",
        "mentions": [{**_span_of("Mission", s_table), "text": "Mission", "body": "mission", "kind": "osce"}],
    }])
    mission = _body("Mission", "mission", "FieldOperation", s_table)
    ministry = _body("Ministry of Interior", "ministry-of-interior", "ExternalOrganisation")
    held = Activity(_at(s_table), "meeting", (mission,), partners=(ministry, _body("La Strada", "la-strada", "ExternalOrganisation")))
    scored = score_extractions(load_gold(tmp_path), [Extraction(Report("field", Path("field.txt"), FIELD), activities=(held,))])
    # The ministry right, La Strada not named there, the Red Cross missed.
    assert scored.score("activities", "event partners", "dev").prf == PRF(tp=1, fp=1, fn=1)
    wrong = [e for e in scored.errors if e.error == "wrong event partners"]
    assert [(e.gold, e.predicted) for e in wrong] == [("ministry-of-interior,red-cross", "la-strada,ministry-of-interior")]


def test_the_breakdown_adds_up_to_the_errors_it_breaks_down(diagnosed):
    def count(metric, column):
        return getattr(diagnosed.score("activities", metric, "all").prf, column)

    assert count("events-split", "fp") + count("events-spurious", "fp") == count("events", "fp")
    assert count("events-unread", "fn") + count("events-merged", "fn") == count("events", "fn")
    doer = diagnosed.score("activities", "event agent", "all").accuracy
    assert doer == Accuracy(1, 4)
    assert sum(count(f"event agent-{w}", "fn") for w in ("none", "partner", "other")) == doer.total - doer.correct


def test_breakdown_rows_are_counts_in_the_column_they_break_down(diagnosed):
    rows = {r[2]: r for r in diagnosed.rows("test", ("activities",))}
    assert rows["events-split"][3:] == ("", 0, "", "", "", "", "")  # none on the test half, but the row is there
    assert rows["events-unread"][3:] == ("", "", 1, "", "", "", "")
    assert rows["event agent-other"][3:] == ("", "", 1, "", "", "", "")
    gaps = {r[2] for r in diagnosed.gap_rows()}
    assert "events" in gaps and not gaps & {"events-split", "events-unread", "event agent-other"}  # a count has no rate to compare


# ------------------------------------------------------------------ the real annotations, the targets

# What the extraction reaches on the held-out test split (see docs/extraction.md), minus a margin
# that allows a changed model version a few sentences, not a regression. Activity figures re-measured
# when tests/gold moved to the one event convention (branch regold): the ruler changed, not the rules;
# then at the merge of generic7, whose standing-work rules trade recall for precision (sentences R
# 0.851 -> 0.818, P 0.588 -> 0.658; docs/extraction.md, "Standing work and generic descriptions").
MARGIN = 0.02
TARGETS = [
    ("bodies", "mentions", "precision", 0.994),
    ("bodies", "mentions", "recall", 0.992),
    ("decisions", "references", "recall", 0.993),
    ("provisions", "tasked", "f1", 1.0),
    ("provisions", "partners", "f1", 1.0),
    ("activities", "sentences", "recall", 0.818),
    ("activities", "sentences", "precision", 0.658),
    ("activities-named", "sentences", "recall", 0.848),
    ("activities", "agent", "accuracy", 0.883),
    ("activities-named", "agent", "accuracy", 0.878),
    ("activities", "provision", "accuracy", 1.0),
    ("activities", "date is ISO 8601", "accuracy", 1.0),
    ("activities", "country", "accuracy", 0.938),
    ("activities", "events", "precision", 0.618),
    ("activities", "event agent", "accuracy", 0.873),
]


@pytest.fixture(scope="module")
def real_evaluation(extractor):
    return evaluate(ROOT / "corpus", ROOT / "tests" / "gold", extractor=extractor)


@pytest.mark.slow
@pytest.mark.parametrize("kind,metric,measure,reached", TARGETS)
def test_extraction_holds_its_targets_on_the_test_split(real_evaluation, kind, metric, measure, reached):
    score = real_evaluation.score(kind, metric, "test")
    value = getattr(score.prf, measure) if score.prf is not None else score.accuracy.accuracy
    assert value >= reached - MARGIN, f"{kind} {metric} {measure} = {value:.3f}"


@pytest.mark.slow
@pytest.mark.parametrize("split", ["dev", "test"])
def test_no_invented_documents(real_evaluation, split):
    assert real_evaluation.score("decisions", "invented documents", split).prf.fp == 0


def test_where_the_annotations_give_no_kinds_an_osce_body_is_judged_as_a_partner(tmp_path):
    # tests/gold gives bodies no kind and lists the OSCE's own bodies among partners ("in co-operation with
    # the Presence in Albania"): a predicted OSCE partner counts there, a national body the gazetteer lacks does not.
    s_table = "The Mission also held a round table with the Ministry of Interior and the Red Cross."
    _write(tmp_path, "regions", [{"report": "field", "start": 0, "end": len(FIELD), "split": "dev"}])
    _write(tmp_path, "activities", [_gold_event(s_table, "round-table", ["mission"], ("presence-albania",))])
    _write(tmp_path, "bodies", [{
        "report": "field", "start": _at(s_table).start, "end": _at(s_table).end, "sentence": s_table, "split": "dev",
        "mentions": [{**_span_of("Mission", s_table), "text": "Mission", "body": "mission"}],
    }])
    mission = _body("Mission", "mission", "FieldOperation", s_table)
    presence = _body("Presence", "presence-albania", "FieldOperation")
    ministry = _body("Ministry of Interior", "ministry-of-interior", "ExternalOrganisation")
    held = Activity(_at(s_table), "meeting", (mission,), partners=(presence, ministry))
    scored = score_extractions(load_gold(tmp_path), [Extraction(Report("field", Path("field.txt"), FIELD), activities=(held,))])
    assert scored.score("activities", "event partners", "dev").prf == PRF(tp=1, fp=0, fn=0)
