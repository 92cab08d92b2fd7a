"""Which spaCy model a pipeline loads, and its version: one choice, made without loading spaCy."""

from __future__ import annotations

import importlib.metadata
import json

import pytest

from cthbgraph.errors import ExtractionError
from cthbgraph.extract import pipeline
from cthbgraph.extract.pipeline import DEFAULT_MODEL, MODEL_ENV, ModelChoice, choose_model, load_pipeline


def _model_folder(path, version: str):
    """A spaCy model folder as far as its identity goes: its meta.json."""
    path.mkdir(exist_ok=True)
    (path / "meta.json").write_text(json.dumps({"lang": "en", "name": "test", "version": version}), encoding="utf-8")
    return path


def test_pipeline_default_model_with_its_installed_version(monkeypatch):
    monkeypatch.delenv(MODEL_ENV, raising=False)
    assert choose_model() == ModelChoice(DEFAULT_MODEL, importlib.metadata.version(DEFAULT_MODEL))
    assert str(choose_model()) == f"{DEFAULT_MODEL}=={importlib.metadata.version(DEFAULT_MODEL)}"


def test_pipeline_fallback_model_carries_its_own_version(monkeypatch, tmp_path):
    # The default missing, the official package of the same model is used: a build records that
    # package and its version, so an upgrade of it makes a new build.
    monkeypatch.delenv(MODEL_ENV, raising=False)
    monkeypatch.setattr(pipeline, "DEFAULT_MODEL", "cthb-no-such-model")
    monkeypatch.setattr(pipeline, "FALLBACK_MODELS", (str(_model_folder(tmp_path / "official", "3.8.0")),))
    assert choose_model() == ModelChoice(str(tmp_path / "official"), "3.8.0")
    _model_folder(tmp_path / "official", "3.8.1")
    assert choose_model().version == "3.8.1"


@pytest.mark.parametrize("named_by", ["env", "argument"])
def test_pipeline_a_named_model_is_the_only_candidate(monkeypatch, tmp_path, named_by):
    folder = str(_model_folder(tmp_path / "mine", "1.0.0"))
    monkeypatch.delenv(MODEL_ENV, raising=False)
    if named_by == "env":
        monkeypatch.setenv(MODEL_ENV, folder)
    assert choose_model(folder if named_by == "argument" else None) == ModelChoice(folder, "1.0.0")
    # Named and missing: no fallback to another model, and no version.
    assert choose_model("cthb-no-such-model") == ModelChoice("cthb-no-such-model")


def test_pipeline_missing_model_is_one_clear_error():
    with pytest.raises(ExtractionError) as error:
        load_pipeline("cthb-no-such-model")
    assert "'cthb-no-such-model' is not installed" in str(error.value)
    assert "CTHB_SPACY_MODEL" in error.value.hint
