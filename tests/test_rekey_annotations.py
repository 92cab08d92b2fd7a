"""scripts/rekey_annotations.py and the mechanical rules of the key convention (docs/keys.md), on
invented records."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

from cthbgraph.evaluation.key_convention import apostrophe_rule, conventional_key, embassy_rule, rapporteur_rule

ROOT = Path(__file__).resolve().parents[1]


def _script():
    spec = importlib.util.spec_from_file_location("rekey_annotations", ROOT / "scripts" / "rekey_annotations.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def test_an_apostrophe_is_dropped_without_a_word_break():
    assert apostrophe_rule("moldova--prosecutor-general-s-office") == "moldova--prosecutor-generals-office"
    assert apostrophe_rule("latvia--womens-lobby") == "latvia--womens-lobby"
    # a lone letter before the "s" is an initialism ("U.S."), not a possessive
    assert apostrophe_rule("u-s-department-of-labor") == "u-s-department-of-labor"


def test_a_national_rapporteur_is_keyed_by_the_post():
    assert rapporteur_rule("finland--national-rapporteur-on-trafficking-in-human-beings") == "finland--national-rapporteur"
    assert rapporteur_rule("finland--national-rapporteur") == "finland--national-rapporteur"
    # a UN special procedure is named by its mandate: not a State's post
    assert rapporteur_rule("un-special-rapporteur-on-trafficking-in-persons") == "un-special-rapporteur-on-trafficking-in-persons"


def test_an_embassy_is_keyed_by_its_host_country_not_its_city():
    assert embassy_rule("ireland--embassy-in-tashkent") == "ireland--embassy-uzbekistan"
    assert embassy_rule("ireland--embassy-the-hague") == "ireland--embassy-netherlands"
    assert embassy_rule("ireland--consulate-in-russian-federation") == "ireland--consulate-russia"
    assert embassy_rule("ireland--embassy-uzbekistan") == "ireland--embassy-uzbekistan"
    assert embassy_rule("ireland--embassy-atlantis") == "ireland--embassy-atlantis"  # unknown: left as written


def test_the_rules_are_idempotent():
    for key in ("ireland--embassy-in-tashkent", "malta--victim-s-advocate-s-office", "malta--national-rapporteur-for-thb"):
        once = conventional_key(key)
        assert conventional_key(once) == once != key


def test_a_line_keeps_every_byte_but_its_keys():
    script = _script()
    line = ('{"report": "pr-x", "start": 4, "end": 60, "sentence": "Held with the Women\\u2019s Lobby", '
            '"split": "dev", "agents": ["mission-x"], "partners": ["malta--women-s-lobby", "iom"], "lead": true}')
    assert script.rekey_line(line) == line.replace("malta--women-s-lobby", "malta--womens-lobby")
    assert script.rekey_line(script.rekey_line(line)) == script.rekey_line(line)


def test_a_file_is_rewritten_and_counted_by_split(tmp_path):
    script = _script()
    dev = {"report": "r", "start": 0, "end": 30, "sentence": "The Embassy of Ireland in Riga", "split": "dev",
           "mentions": [{"start": 4, "end": 30, "text": "Embassy of Ireland in Riga", "body": "ireland--embassy-in-riga", "kind": "embassy", "country": "Ireland"}]}
    test = {**dev, "start": 40, "end": 70, "split": "test"}
    path = tmp_path / "bodies.jsonl"
    path.write_text(json.dumps(dev, ensure_ascii=False) + "\n" + json.dumps(test, ensure_ascii=False) + "\n", encoding="utf-8")

    checked = script.rekey_file(path, write=False)
    assert (checked.changed["dev"], checked.changed["test"]) == (1, 1)
    assert list(checked.dev_pairs) == [("ireland--embassy-in-riga", "ireland--embassy-latvia")]  # dev pairs only
    assert "embassy-in-riga" in path.read_text(encoding="utf-8")  # a check writes nothing

    script.rekey_file(path, write=True)
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert [r["mentions"][0]["body"] for r in rows] == ["ireland--embassy-latvia"] * 2
    assert sum(script.rekey_file(path, write=False).changed.values()) == 0  # a second run finds nothing


def test_the_sealed_set_is_never_among_the_sets():
    script = _script()
    sets = [p.relative_to(ROOT).as_posix() for p in script.annotation_sets()]
    assert "tests/fresh" not in sets
    assert {"tests/gold", "tests/written6", "tests/gold-second"} <= set(sets)
