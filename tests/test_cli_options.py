"""One name for the build folder in every command, and hints that name options which exist."""

from __future__ import annotations

import re
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from cthbgraph.cli import main

SRC = Path(__file__).resolve().parents[1] / "src" / "cthbgraph"
# Commands that read or write a build folder.
BUILD_COMMANDS = ("build", "validate", "query", "trace", "gaps", "coverage", "compare", "export", "site", "serve", "publish")


def _options(command: click.Command, *, hidden: bool = False) -> set[str]:
    return {
        opt
        for p in command.params
        if isinstance(p, click.Option) and (hidden or not p.hidden)
        for opt in (*p.opts, *p.secondary_opts)
    }


@pytest.mark.parametrize("name", BUILD_COMMANDS)
def test_cli_options_build_folder_is_graph_dir_everywhere(name):
    command = main.commands[name]
    assert "--graph-dir" in _options(command)
    help_text = CliRunner().invoke(main, [name, "--help"]).output
    assert "--graph-dir" in help_text
    if name not in ("export", "site"):  # there --out is what the command writes
        assert "--out " not in help_text


@pytest.mark.parametrize("args", [["trace", "III.10.2"], ["query", "provisions-tasking-body", "-p", "body=SPMU"]])
def test_cli_options_out_is_a_deprecated_alias_that_warns_once(small_build, args):
    out, _ = small_build
    new = CliRunner().invoke(main, [*args, "--graph-dir", str(out)])
    old = CliRunner().invoke(main, [*args, "--out", str(out)])
    assert new.exit_code == old.exit_code == 0
    assert old.stdout == new.stdout
    assert new.stderr == ""
    assert old.stderr.count("--out is deprecated") == 1
    assert "--graph-dir" in old.stderr


def _hints() -> list[tuple[str, str]]:
    """(file, text) of every hint the package gives: ``hint=...`` and ``Hint:`` texts in src/."""
    found = []
    for path in sorted(SRC.rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        for m in re.finditer(r"hint=(?P<text>(?:[fr]?\"[^\"]*\"\s*(?:\+\s*)?)+|(?:[fr]?'[^']*'\s*(?:\+\s*)?)+)", text):
            found.append((path.relative_to(SRC).as_posix(), m.group("text")))
    return found


def test_cli_options_hints_are_found():
    assert len(_hints()) > 40


@pytest.mark.parametrize("where, hint", _hints())
def test_cli_options_every_option_a_hint_names_exists(where, hint):
    """An option named with its command ("cthbgraph build --graph-dir") exists on that command; a bare
    option ("give --out FILE") exists on some command."""
    every = set().union(*(_options(c) for c in main.commands.values()))
    for command, option in re.findall(r"(?:cthbgraph (\w[\w-]*)[^\"'|;]*?)?(?<![\w-])(--[a-z][a-z-]*)", hint):
        if command:
            assert command in main.commands, f"{where}: hint names no command {command!r}: {hint}"
            assert option in _options(main.commands[command]), f"{where}: cthbgraph {command} has no {option}: {hint}"
        else:
            assert option in every, f"{where}: no command has {option}: {hint}"
