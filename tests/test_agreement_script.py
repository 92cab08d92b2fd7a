"""scripts/agreement.py scores the second reading against each first reading (the annotators only)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_agreement_prints_a_line_each_way_for_each_first_reading():
    # The second reading has no bodies file; the event scorer once asked for it and the script crashed.
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    done = subprocess.run(
        [sys.executable, "scripts/agreement.py", "--no-extractor"], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    rows = [line for line in done.stdout.splitlines() if line.startswith("| ") and "matched" in line]
    assert [row.split(" | ")[0] for row in rows] == [
        "| second reading / `tests/gold` (5 regions)",
        "| `tests/gold` / second reading",
        "| second reading / `tests/gold-blind` (8 regions)",
        "| `tests/gold-blind` / second reading",
    ]
