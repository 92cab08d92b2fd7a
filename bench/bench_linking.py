"""What linking activities to provisions (cthbgraph.linking) adds to a cold build, as a ratio measured
in the same run (the machine's speed cancels out).

    python bench/bench_linking.py --repeat 2

Builds corpus/ cold (no cache) as whole processes, with linking and without it (the same build with
``cthbgraph.builder.link_records`` replaced by a function that does nothing), runs of the two sides
interleaved, best of ``--repeat``; prints both times and their ratio (the issue's bound: 1.15).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BUILD = r"""
import sys
import cthbgraph.builder as builder
if sys.argv[1] == "without":
    builder.link_records = lambda paths: None
sys.argv = ["cthbgraph", "build", "--corpus", sys.argv[2], "--graph-dir", sys.argv[3], "--quiet", "--no-cache"]
from cthbgraph.cli import main
main()
"""


def cold(linking: bool) -> float:
    with tempfile.TemporaryDirectory() as tmp:
        start = time.perf_counter()
        args = [sys.executable, "-c", BUILD, "with" if linking else "without", str(ROOT / "corpus"), str(Path(tmp) / "out")]
        done = subprocess.run(args, capture_output=True, text=True)
        elapsed = time.perf_counter() - start
        if done.returncode not in (0, 5):
            sys.exit(f"build failed:\n{done.stderr[-2000:]}")
        return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()
    without, with_ = [], []
    for _ in range(args.repeat):
        without.append(cold(False))
        with_.append(cold(True))
    print(f"cold build without linking  {min(without):7.2f} s")
    print(f"cold build with linking     {min(with_):7.2f} s")
    print(f"ratio                       {min(with_) / min(without):7.3f}  (bound 1.15)")


if __name__ == "__main__":
    main()
