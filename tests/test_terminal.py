"""What a terminal shows: tables that fit its width, and a spinner only where someone watches."""

from __future__ import annotations

import io
import os
import select

import pytest
from click.testing import CliRunner

from cthbgraph.cli import main
from cthbgraph.output import render
from cthbgraph.terminal import Spinner, table

SENTENCE = (
    "The Strategic Police Matters Unit and the Office of the OSCE Co-ordinator of Economic and Environmental "
    "Activities (OCEEA) will facilitate the exchange of information between participating States."
)


@pytest.mark.parametrize("width", [40, 60, 80, 120])
def test_terminal_table_fits_the_width(width):
    rows = [["III.10.2", "partly implemented", SENTENCE, "ODIHR; SPMU; OCEEA"], ["III.10.1", "implemented", "x", ""]]
    text = table(["provision", "status", "text", "bodies"], rows, width=width)
    assert max(len(line) for line in text.splitlines()) <= width
    assert text.splitlines()[0].split() == ["provision", "status", "text", "bodies"]  # headings whole
    assert "III.10.2" in text and "III.10.1" in text


def test_terminal_table_of_many_columns_comes_in_blocks_that_repeat_the_first():
    columns = ["provision", *(f"body {i}" for i in range(40))]
    rows = [["III.10.2", *("1*" for _ in range(40))]]
    text = table(columns, rows, width=80)
    assert max(len(line) for line in text.splitlines()) <= 80
    assert text.count("III.10.2") > 1 and "(columns 2–" in text
    assert all(f"body {i}" in text for i in range(40))


def test_terminal_table_keeps_a_narrow_table_as_it_is():
    assert table(["a", "b"], [["1", "2"]], width=80) == "a  b\n-  -\n1  2\n"


def test_terminal_cli_tables_fit_the_terminal(small_build):
    out, _ = small_build
    for args in (["gaps"], ["coverage"], ["query", "gap-cells"], ["trace", "III.10.2"]):
        result = CliRunner(env={"COLUMNS": "60"}).invoke(main, [*args, "--graph-dir", str(out)])
        assert result.exit_code == 0, result.output
        assert max(len(line) for line in result.stdout.splitlines()) <= 60, args


def test_terminal_json_numbers_are_numbers_and_missing_values_null():
    text = render(("provision", "activities", "date"), [("III.10.2", 3, None)], "json")
    assert '"activities": 3' in text and '"date": null' in text


def test_terminal_spinner_is_silent_without_a_terminal():
    stream = io.StringIO()
    with Spinner("Waiting", stream=stream, delay=0):
        pass
    assert stream.getvalue() == ""


def test_terminal_spinner_shows_on_a_terminal_and_clears_its_line():
    leader, follower = os.openpty()
    with os.fdopen(follower, "w", encoding="utf-8") as tty:
        with Spinner("Checking the graph", stream=tty, delay=0):
            # wait (up to 10 s) for the spinner's first frame rather than for a fixed time
            ready, _, _ = select.select([leader], [], [], 10)
            assert ready
        shown = b""
        while select.select([leader], [], [], 0.5)[0]:
            shown += os.read(leader, 4096)
            if shown.endswith(b"\r\x1b[2K"):
                break
    os.close(leader)
    assert b"Checking the graph" in shown
    assert shown.endswith(b"\r\x1b[2K")


def test_terminal_spinner_is_silent_when_quiet():
    leader, follower = os.openpty()
    with os.fdopen(follower, "w", encoding="utf-8") as tty, Spinner("Checking", stream=tty, delay=0, quiet=True):
        assert not select.select([leader], [], [], 0.3)[0]
    os.close(leader)


@pytest.mark.parametrize("args", [["validate"], ["validate", "--quiet"]])
def test_terminal_validate_prints_no_spinner_when_not_a_terminal(small_build, args):
    out, _ = small_build
    result = CliRunner().invoke(main, [*args, "--graph-dir", str(out)])
    assert result.exit_code == 0
    assert result.stderr == ""
