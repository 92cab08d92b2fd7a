"""The sentence model (extract/sentence_model.py): features of any sentence, and switched off as measured."""

import importlib.util
import json
from pathlib import Path

import numpy as np

from cthbgraph.extract import event_filter, sentence_model
from cthbgraph.extract.events import Reading
from cthbgraph.records import Report

TEXT = (
    "In May 2005 the OSCE Mission to Atlantis trained forty police officers on victim identification in Utopia City.\n\n"
    "Trafficking in human beings remains a serious problem in the region.\n"
)


def _readings(extractor, text: str = TEXT) -> list[Reading]:
    from cthbgraph.extract.reader import DocReader

    report, doc = next(extractor.parse([Report("made-up", Path("made-up.txt"), text)]))
    reader = DocReader(report, doc, extractor, guess=True)
    return list(reader.readings(reader.provisions()))


def test_every_sentence_has_features_that_say_how_the_rules_read_its_doer_and_never_a_name(extractor):
    training, background = _readings(extractor)
    trained = sentence_model.features(training)
    assert {"rules:doer=grammar", "syn:verb=train", "date", "number", "place", "syn:subject-is-doer"} <= set(trained)
    # No doer of its own, but the one of the sentence before it lends one.
    assert {"rules:no-doer", "rules:context-doer"} <= set(sentence_model.features(background, previous=training.activity))
    (alone,) = _readings(extractor, TEXT.split("\n\n")[1])
    state = sentence_model.features(alone)
    # No doer at all: nothing of an activity is claimed for it.
    assert "rules:no-doer" in state and "rules:context-doer" not in state
    assert not any(n.startswith(("type:", "agents:", "place", "ctx:doers=")) for n in state)
    assert {"syn:verb=remain", "tense:present", "bow:problem"} <= set(state)
    assert not any("atlantis" in n.lower() or "utopia" in n.lower() for n in trained + state)
    # Deterministic, and a probability.
    assert sentence_model.features(training) == trained and 0.0 < sentence_model.probability(trained) < 1.0


def test_switched_off_it_keeps_and_adds_exactly_what_the_event_filter_does(extractor):
    data = json.loads(sentence_model.WEIGHTS.read_text(encoding="utf-8"))
    assert not data["remove_on"] and not data["add_on"]  # the rule fixed before measuring said off (docs/extraction.md)
    for reading in _readings(extractor):
        assert sentence_model.keep_event(reading) == event_filter.keep_event(reading)
        assert sentence_model.add_event(reading) == event_filter.add_event(reading)
    assert sentence_model.adds_events() == event_filter.adds_events()


def test_switched_on_the_removing_side_refuses_a_sentence_it_scores_below_its_threshold(extractor, tmp_path, monkeypatch):
    training, _ = _readings(extractor)
    weights = tmp_path / "sentence_model.json"
    weights.write_text(json.dumps({"bias": 0.0, "weights": {"syn:verb=train": -5.0}, "remove_on": True, "threshold_remove": 0.5}))
    monkeypatch.setattr(sentence_model, "WEIGHTS", weights)
    assert sentence_model.probability(sentence_model.features(training)) < 0.01
    assert not sentence_model.keep_event(training)
    weights = tmp_path / "lenient.json"
    weights.write_text(json.dumps({"bias": 0.0, "weights": {"syn:verb=train": 5.0}, "remove_on": True, "threshold_remove": 0.5}))
    monkeypatch.setattr(sentence_model, "WEIGHTS", weights)
    assert sentence_model.keep_event(training)


def test_as_a_confidence_it_weighs_the_doer_method_by_the_probability_of_the_lead_sentence(extractor, tmp_path, monkeypatch):
    from cthbgraph.extract.reader import DocReader

    report = Report("made-up", Path("made-up.txt"), TEXT)
    report, doc = next(extractor.parse([report]))
    reader = DocReader(report, doc, extractor)
    for switch in (False, True):
        weights = tmp_path / f"confidence-{'on' if switch else 'off'}.json"
        weights.write_text(json.dumps({"bias": 0.0, "weights": {"syn:verb=train": -1.0}, "confidence_on": switch}))
        monkeypatch.setattr(sentence_model, "WEIGHTS", weights)
        if not switch:
            (training,) = reader.activities(reader.provisions())
            assert training.confidence == 0.9  # off: the doer method's confidence (the grammar's subject)
    (rated,) = reader.activities(reader.provisions())
    p = 1.0 / (1.0 + np.exp(1.0))
    assert rated.confidence == round(0.9 * p, 3) and rated.excerpt == training.excerpt


def _trainer():
    path = Path(__file__).parent.parent / "scripts" / "train_sentence_model.py"
    spec = importlib.util.spec_from_file_location("train_sentence_model", path)
    trainer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(trainer)
    return trainer


def test_the_thresholds_follow_the_rules_fixed_in_advance():
    trainer = _trainer()
    # Twenty activity sentences scored 0.30 to 0.49 and 0.60 to 0.90, eight others; two context-doer sentences.
    rows = [{"label": 1, "rules": True} for _ in range(20)] + [{"label": 0, "rules": False} for _ in range(8)]
    rows += [{"label": 1, "context": True}, {"label": 0, "context": True}]
    scores = np.array([0.30 + 0.01 * i for i in range(10)] + [0.60 + 0.03 * i for i in range(10)] + [0.5] * 8 + [0.8, 0.7])
    t, t_add = trainer.thresholds(rows, scores)
    # 20 of the 21 scored activity sentences (0.95) score 0.31 or more; above 0.70 only the activity sentence is added.
    assert t == 0.31 and t_add == 0.71


def test_the_trainer_fits_a_separable_toy_deterministically():
    trainer = _trainer()
    x = np.array([[1.0, 0.0, 1.0], [1.0, 0.0, 1.0], [0.0, 1.0, 1.0], [0.0, 1.0, 1.0]])
    y = np.array([1.0, 1.0, 0.0, 0.0])
    w = trainer.fit(x, y, 1.0)
    assert w[0] > 0 > w[1] and np.array_equal(w, trainer.fit(x, y, 1.0))
