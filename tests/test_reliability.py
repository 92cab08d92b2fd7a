"""Builds that never lose work: killed builds, queries during a build, hostile corpus folders.

Each test runs ``cthbgraph build`` as a real process, as a researcher's shell would.
"""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import excerpt_corpus

from cthbgraph.builder import SKIPPED_EXIT
from cthbgraph.store import open_store

EXCERPT = """III.10.2 The Strategic Police Matters Unit and the Office of the OSCE Co-ordinator of Economic and Environmental Activities (OCEEA) will facilitate the exchange of information between participating States on best practices.

To address specific aspects of THB and sexual crime, the **SPMU** in co-operation with the UNICEF hosted the first OSCE sexual crimes police training workshop on sexual abuse of children (Vienna, July 2004).
"""
ACTIVITY = "In 2007 the OSCE Mission to Moldova organized a round table on the National Referral System.\n"


def cthbgraph(*args: str) -> list[str]:
    return [sys.executable, "-m", "cthbgraph", *args]


def start_build(corpus: Path, out: Path, *extra: str) -> subprocess.Popen:
    return subprocess.Popen(
        cthbgraph("build", "--corpus", str(corpus), "--graph-dir", str(out), "--quiet", *extra),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def snapshot(out: Path) -> tuple[bytes, int]:
    """The Turtle file and the store's triple count: what a reader of the build sees."""
    with open_store(out) as store:
        return (out / "cthb.ttl").read_bytes(), store.triples()


@pytest.fixture(scope="module")
def previous(tmp_path_factory):
    """A complete build of one report, and the corpus with a second report added since."""
    corpus = excerpt_corpus(tmp_path_factory.mktemp("corpus"), provisions=EXCERPT)
    out = tmp_path_factory.mktemp("out")
    started = time.perf_counter()
    done = subprocess.run(cthbgraph("build", "--corpus", str(corpus), "--graph-dir", str(out), "--quiet", "--no-cache"))
    duration = time.perf_counter() - started
    assert done.returncode == 0
    (corpus / "activity.txt").write_text(ACTIVITY * 20, encoding="utf-8")
    return corpus, out, duration


@pytest.mark.parametrize("moment", [0.05, 0.3, 0.6, 0.8, 0.9, 0.95, 0.99])
def test_reliability_killed_build_leaves_previous_output(previous, moment):
    corpus, out, duration = previous
    before = snapshot(out)
    process = start_build(corpus, out, "--no-cache")
    time.sleep(duration * moment)
    process.send_signal(signal.SIGKILL)
    process.wait()
    after = snapshot(out)
    # Killed before its switch, the build left everything as it was; killed after, it had
    # finished: either way a whole build, never a mix.
    assert after == before or process.returncode == 0 or _is_whole_new_build(out)


def _is_whole_new_build(out: Path) -> bool:
    with open_store(out) as store:
        turtle_triples = _count_turtle(out / "cthb.ttl")
        return turtle_triples == store.triples() == len((out / "cthb.nt").read_bytes().splitlines())


def _count_turtle(path: Path) -> int:
    import pyoxigraph as ox

    return sum(1 for _ in ox.parse(path=str(path), format=ox.RdfFormat.TURTLE))


def test_reliability_build_after_kills_completes(previous):
    corpus, out, _ = previous
    done = subprocess.run(cthbgraph("build", "--corpus", str(corpus), "--graph-dir", str(out), "--quiet"), capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert _is_whole_new_build(out)
    assert not list((out / ".builds").glob(".tmp-*"))
    with open_store(out) as store:
        rows = store.select("SELECT (COUNT(*) AS ?n) WHERE { ?r a <https://w3id.org/cthb/ontology#Report> }")
    assert rows.rows == ((2,),)


def test_reliability_query_during_build_sees_a_whole_graph(tmp_path):
    corpus = excerpt_corpus(tmp_path / "corpus", provisions=EXCERPT)
    out = tmp_path / "out"
    assert subprocess.run(cthbgraph("build", "--corpus", str(corpus), "--graph-dir", str(out), "--quiet")).returncode == 0
    old = snapshot(out)[1]
    (corpus / "activity.txt").write_text(ACTIVITY * 20, encoding="utf-8")
    process = start_build(corpus, out, "--no-cache")
    seen = set()
    while process.poll() is None:
        query = subprocess.run(
            cthbgraph("query", "-q", "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", "--format", "csv", "--graph-dir", str(out)),
            capture_output=True,
            text=True,
        )
        assert query.returncode == 0, query.stderr
        seen.add(int(query.stdout.split()[1]))
    assert process.returncode == 0
    new = snapshot(out)[1]
    assert new != old
    assert seen <= {old, new} and old in seen


def test_reliability_hostile_corpus_builds_what_it_can(tmp_path):
    folder = tmp_path / "hostile"
    folder.mkdir()
    (folder / "annual report 2007.txt").write_text(EXCERPT, encoding="utf-8")
    (folder / "доклад ОБСЕ.txt").write_text(ACTIVITY, encoding="utf-8")
    (folder / "報告.md").write_text(ACTIVITY.replace("2007", "2009"), encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "blank.txt").write_bytes(b"  \n\n ")
    (folder / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (folder / "latin1.txt").write_bytes("Caf\xe9 de la Mission".encode("latin-1"))
    with open(folder / "huge.txt", "wb") as huge:  # sparse: 50 MB on paper, nothing on disk
        huge.truncate(50 * 1024 * 1024)
    (folder / "one line.txt").write_bytes(b"trafficking " * (10 * 1024 * 1024 // 12))
    outside = tmp_path / "secret.txt"
    outside.write_text("not part of the corpus", encoding="utf-8")
    (folder / "link.txt").symlink_to(outside)
    (folder / "loop.txt").symlink_to(folder / "loop.txt")

    out = tmp_path / "out"
    done = subprocess.run(cthbgraph("build", "--corpus", str(folder), "--graph-dir", str(out), "--quiet"), capture_output=True, text=True)

    assert done.returncode == SKIPPED_EXIT, done.stderr
    assert "Traceback" not in done.stderr
    reasons = {
        line.split(": ", 1)[0].rsplit("/", 1)[-1]: line.split(": ", 1)[1]
        for line in done.stderr.splitlines()
        if line.startswith("skipped ")
    }
    assert reasons == {
        "empty.txt": "empty file",
        "blank.txt": "empty file",
        "image.txt": "binary file, not text",
        "latin1.txt": "not valid UTF-8 at byte 3: re-save the file as UTF-8",
        "huge.txt": "larger than 20 MB",
        "one line.txt": "a line of 10,485,756 characters: not report text (lines up to 1,000,000)",
        "link.txt": "symbolic link to a file outside the corpus folder",
        "loop.txt": "broken symbolic link",
    }
    assert "9 file(s) skipped" not in done.stderr and "8 file(s) skipped" in done.stderr
    with open_store(out) as store:
        rows = store.select("SELECT ?id WHERE { ?r <http://purl.org/dc/terms/identifier> ?id } ORDER BY ?id")
    ids = [row[0] for row in rows.rows]
    assert len(ids) == 3 and "annual-report-2007" in ids and "doklad-obse" in ids


def test_reliability_killed_parallel_build_leaves_no_process(previous, tmp_path):
    corpus, _, duration = previous
    out = tmp_path / "parallel-out"
    process = start_build(corpus, out, "--no-cache", "--jobs", "2")
    time.sleep(duration * 0.6)
    process.send_signal(signal.SIGKILL)
    process.wait()
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and _processes_writing(out):
        time.sleep(0.2)
    assert _processes_writing(out) == []


def _processes_writing(out: Path) -> list[int]:
    """Processes whose command line names ``out`` (forked workers keep their parent's)."""
    found = []
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            cmdline = (proc / "cmdline").read_bytes()
            state = (proc / "stat").read_text().split(") ", 1)[1][:1]
        except OSError:
            continue
        if str(out).encode() in cmdline and state != "Z":
            found.append(int(proc.name))
    return found


@pytest.mark.parametrize("limit", [4_000, 40_000])
def test_reliability_build_that_cannot_write_exits_4_and_keeps_previous(previous, limit):
    """A full disk, played by a limit on the size of the files the build may write (Python ignores
    SIGXFSZ, so writing past it fails with EFBIG as writing to a full disk fails with ENOSPC)."""
    import resource

    corpus, out, _ = previous
    before = snapshot(out)
    done = subprocess.run(
        cthbgraph("build", "--corpus", str(corpus), "--graph-dir", str(out), "--quiet", "--no-cache", "--force"),
        capture_output=True,
        text=True,
        preexec_fn=lambda: resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit)),
    )
    assert done.returncode == 4, done.stderr
    assert "Traceback" not in done.stderr
    assert f"cannot write the build to {out}" in done.stderr and "File too large" in done.stderr
    assert snapshot(out) == before
    assert not list((out / ".builds").glob(".tmp-*"))
