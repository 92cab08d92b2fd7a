"""``kill -9`` at every named point of a build, clean-up included: nothing lost, nothing broken.

Each case copies a build folder holding two builds and what killed builds leave behind, kills a real
``cthbgraph build`` process of a larger corpus at one point (``CTHB_TEST_KILL_AT``), and checks that
the graph a reader sees is still a whole one (the previous or the new), that the next build
completes, and that its ``cthb.nt`` is byte for byte that of a clean build.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import excerpt_corpus

from cthbgraph import checksums
from cthbgraph.crashpoints import POINTS
from cthbgraph.store import open_store

# Real excerpts of the 2006 and 2007 reports.
PROVISIONS = """III.10.2 The Strategic Police Matters Unit and the Office of the OSCE Co-ordinator of Economic and Environmental Activities (OCEEA) will facilitate the exchange of information between participating States on best practices.

To address specific aspects of THB and sexual crime, the **SPMU** in co-operation with the UNICEF hosted the first OSCE sexual crimes police training workshop on sexual abuse of children (Vienna, July 2004).
"""
ACTIVITY = "In 2007 the OSCE Mission to Moldova organized a round table on the National Referral System.\n"
SEMINAR = "The ODIHR supported a training seminar for judges in Tbilisi (Georgia) in March 2007.\n"

# Every point, and at a second passage where a build passes it more than once: 21 kills.
KILLS = [
    "lock-taken",
    "cleanup-link:1",
    "cleanup-link:2",
    "cleanup-folder:1",
    "cleanup-folder:2",
    "old-build-aside:1",  # an earlier version's build without its manifest, removed in the clean-up
    "old-build-removing:1",
    "staging-made",
    "records-written:1",
    "records-written:3",
    "graph-merged",
    "outputs-written",
    "record-written",
    "manifest-written",
    "build-in-place",
    "current-switched",
    "link-made",
    "old-build-aside:2",  # the build before the previous one, removed after the switch
    "old-build-removing:2",
    "old-builds-removed",
]
NOTES = b"a file of the user's, beside the build\n"


def cthbgraph(corpus: Path, out: Path, kill_at: str = "") -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "CTHB_TEST_KILL_AT"}
    if kill_at:
        env["CTHB_TEST_KILL_AT"] = kill_at
    return subprocess.run(
        [sys.executable, "-m", "cthbgraph", "build", "--corpus", str(corpus), "--graph-dir", str(out), "--quiet"],
        capture_output=True,
        text=True,
        env=env,
    )


@pytest.fixture(scope="module")
def setting(tmp_path_factory):
    """(corpus of the killed builds, template build folder, cthb.nt of the previous build, of a clean new build)."""
    root = tmp_path_factory.mktemp("kills")
    old = excerpt_corpus(root / "old", provisions=PROVISIONS)
    previous = excerpt_corpus(root / "previous", provisions=PROVISIONS, activity=ACTIVITY * 3)
    new = excerpt_corpus(root / "new", provisions=PROVISIONS, activity=ACTIVITY * 3, seminar=SEMINAR)
    assert cthbgraph(new, root / "clean").returncode == 0
    template = root / "template"
    for corpus in (old, previous):
        done = cthbgraph(corpus, template)
        assert done.returncode == 0, done.stderr
    _leave_leftovers(template)
    return new, template, (template / "cthb.nt").read_bytes(), (root / "clean" / "cthb.nt").read_bytes()


def _leave_leftovers(out: Path) -> None:
    """What killed builds (and an earlier version) leave in a build folder, and a user's own file."""
    builds = out / ".builds"
    for name in (".tmp-killed1", ".old-0123456789abcdef-42"):
        (builds / name / "store").mkdir(parents=True)
        (builds / name / "cthb.nt").write_bytes(b"<a> <b> <c> .\n")
        (builds / name / "store" / "000009.sst").write_bytes(b"\0" * 64)
    legacy = builds / "0000000000000000"  # a build of an earlier version, without a manifest
    shutil.copytree(out / "current", legacy, symlinks=True)
    (legacy / "checksums.json").unlink()
    (out / ".current-99999").symlink_to(".builds/gone")
    (out / ".cthb.nt-99998").symlink_to("current/cthb.nt")
    (out / "notes.txt").write_bytes(NOTES)


def whole_graph(out: Path) -> bytes:
    """The N-Triples a reader of ``out`` sees, checked against the store and the Turtle beside it."""
    nt = (out / "cthb.nt").read_bytes()
    with open_store(out) as store:
        assert store.triples() == len(nt.splitlines())
    assert (out / "cthb.ttl").read_bytes().startswith(b"@prefix")
    return nt


@pytest.mark.parametrize("kill_at", KILLS)
def test_build_kills_at_any_point_lose_nothing(tmp_path, setting, kill_at):
    new, template, previous_nt, clean_nt = setting
    out = tmp_path / "out"
    shutil.copytree(template, out, symlinks=True)
    if kill_at == "link-made":
        (out / "cthb.ttl").unlink()  # as if a user removed the link: the build makes it again

    killed = cthbgraph(new, out, kill_at)

    assert killed.returncode == -9, f"never reached {kill_at}: {killed.stderr}"
    if kill_at != "link-made":
        assert whole_graph(out) in (previous_nt, clean_nt)
    again = cthbgraph(new, out)
    assert again.returncode == 0, again.stderr
    assert whole_graph(out) == clean_nt
    assert (out / "notes.txt").read_bytes() == NOTES
    builds = sorted((out / ".builds").iterdir())
    assert [b.name for b in builds if b.name.startswith(".")] == []
    assert all(checksums.is_complete(b) for b in builds) and 1 <= len(builds) <= 3
    assert [p.name for p in out.iterdir() if p.name.startswith((".current-", ".cthb.", ".store-"))] == []


def test_build_kills_cover_every_point():
    assert {k.split(":")[0] for k in KILLS} == set(POINTS) and len(KILLS) >= 20
