"""A build writes only into a folder it owns, trusts only what it can check, and runs nothing it reads.

Each test runs ``cthbgraph build`` as a real process, as a user's shell would.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import excerpt_corpus

from cthbgraph.builder import SKIPPED_EXIT
from cthbgraph.owned import MARKER

# A real excerpt of the 2006 report.
EXCERPT = """III.10.2 The Strategic Police Matters Unit and the Office of the OSCE Co-ordinator of Economic and Environmental Activities (OCEEA) will facilitate the exchange of information between participating States on best practices.

To address specific aspects of THB and sexual crime, the **SPMU** in co-operation with the UNICEF hosted the first OSCE sexual crimes police training workshop on sexual abuse of children (Vienna, July 2004).
"""


def build(corpus: Path, out: Path | str, *extra: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "cthbgraph", "build", "--corpus", str(corpus), "--graph-dir", str(out), "--quiet", *extra],
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
    )


def contents(folder: Path) -> dict[str, bytes | str]:
    """Every file (its bytes) and link (its target) under ``folder``."""
    found: dict[str, bytes | str] = {}
    for path in sorted(folder.rglob("*")):
        name = path.relative_to(folder).as_posix()
        if path.is_symlink():
            found[name] = "-> " + os.readlink(path)
        elif path.is_file():
            found[name] = path.read_bytes()
    return found


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    return excerpt_corpus(tmp_path_factory.mktemp("corpus"), provisions=EXCERPT)


def test_build_ownership_refuses_a_folder_of_the_users_own(tmp_path, corpus):
    out = tmp_path / "mine"
    (out / "store").mkdir(parents=True)
    (out / "store" / "notes.txt").write_text("my store\n", encoding="utf-8")
    (out / "store-2019").mkdir()
    (out / "store-2019" / "data.bin").write_bytes(b"\x00\x01 my old store")
    (out / "cthb.ttl").write_text("# my own graph\n", encoding="utf-8")
    (out / "current").write_text("my current notes\n", encoding="utf-8")
    before = contents(out)

    done = build(corpus, out)

    assert done.returncode == 4, done.stderr
    assert done.stderr.splitlines() == [
        f"Error: refusing to build into {out}: it is not empty and was not made by cthbgraph build",
        "Hint: choose an empty or new --graph-dir folder (a build writes cthb.ttl, cthb.nt, store and current there)",
    ]
    assert contents(out) == before


@pytest.mark.parametrize("where", ["/", "~", "~/."])
def test_build_ownership_refuses_root_and_home(tmp_path, corpus, where):
    home = tmp_path / "home"
    home.mkdir()  # empty: refused all the same, since a home folder fills up with the user's files later
    # What the shell makes of ~ with HOME pointed at the tmp folder.
    target = where.replace("~", str(home))
    done = build(corpus, target, env={"HOME": str(home)})
    assert done.returncode == 4, done.stderr
    assert "refusing to build into" in done.stderr and "Traceback" not in done.stderr
    assert list(home.iterdir()) == []


def test_build_ownership_builds_into_new_and_empty_folders_and_again(tmp_path, corpus):
    empty = tmp_path / "empty"
    empty.mkdir()
    for out in (tmp_path / "new" / "nested", empty):
        assert build(corpus, out).returncode == 0
        assert (out / MARKER).is_file()
        (out / "my-notes.txt").write_text("notes kept beside the build\n", encoding="utf-8")
        again = build(corpus, out, "--force")
        assert again.returncode == 0, again.stderr
        assert (out / "my-notes.txt").read_text(encoding="utf-8") == "notes kept beside the build\n"


def test_build_ownership_adopts_a_folder_an_earlier_version_built(tmp_path, corpus):
    out = tmp_path / "earlier"
    assert build(corpus, out).returncode == 0
    # What an earlier version left: no marker, no manifest of checksums.
    (out / MARKER).unlink()
    (out / "current" / "checksums.json").unlink()
    nt = (out / "cthb.nt").read_bytes()

    done = build(corpus, out)

    assert done.returncode == 0, done.stderr
    assert (out / MARKER).is_file() and (out / "current" / "checksums.json").is_file()
    assert (out / "cthb.nt").read_bytes() == nt


def test_build_ownership_a_build_folder_that_does_not_match_its_checksums_is_rebuilt(tmp_path, corpus):
    out = tmp_path / "out"
    assert build(corpus, out).returncode == 0
    nt = (out / "cthb.nt").read_bytes()
    # Half removed, as by a build of an earlier version killed while removing it.
    store = out / "current" / "store"
    for sst in sorted(store.glob("*.sst"))[:2]:
        sst.unlink()

    done = build(corpus, out)

    assert "Nothing changed" not in done.stdout
    assert done.returncode == 0, done.stderr
    assert (out / "cthb.nt").read_bytes() == nt
    assert len(list((out / "current" / "store").glob("*.sst"))) > 0
    check = subprocess.run([sys.executable, "-m", "cthbgraph", "query", "-q", "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }",
                            "--format", "csv", "--graph-dir", str(out)], capture_output=True, text=True)
    assert check.returncode == 0 and int(check.stdout.split()[1]) == len(nt.splitlines())


class Payload:
    """A tampered cache entry: unpickled, it would create a file."""

    def __init__(self, target: Path):
        self.target = target

    def __reduce__(self):
        return (Path.touch, (self.target,))


def test_build_ownership_tampered_cache_is_parsed_again_and_nothing_run(tmp_path, corpus):
    out = tmp_path / "out"
    assert build(corpus, out).returncode == 0
    nt = (out / "cthb.nt").read_bytes()
    pwned = tmp_path / "pwned"
    bomb = pickle.dumps(Payload(pwned))
    entries = sorted(p for p in (out / ".cache").rglob("*") if p.is_file())
    assert {p.suffix for p in entries} == {".json", ".spacy"}
    for entry in entries:
        head = entry.read_bytes().split(b"\n", 1)[0]
        # A valid header and checksum around the pickle: anyone can compute a SHA-256.
        entry.write_bytes(head + b"\n" + hashlib.sha256(bomb).hexdigest().encode() + b"\n" + bomb)
        entry.with_name(entry.stem + ".pickle").write_bytes(bomb)  # and the names an older version read

    done = build(corpus, out, "--force")

    assert done.returncode == 0, done.stderr
    assert not pwned.exists()
    assert (out / "cthb.nt").read_bytes() == nt
    assert all(entry.read_bytes().split(b"\n", 2)[2] != bomb for entry in entries)  # parsed again, rewritten


def test_build_ownership_skipped_file_names_are_printed_escaped(tmp_path):
    folder = excerpt_corpus(tmp_path / "corpus", provisions=EXCERPT)
    (folder / "forged\nskipped evil.txt: empty file\x1b[2J.txt").write_bytes(b"")
    done = build(folder, tmp_path / "out")
    assert done.returncode == SKIPPED_EXIT, done.stderr
    skipped = [line for line in done.stderr.splitlines() if "skipped" in line]
    assert skipped == [
        f"skipped {folder}/forged\\nskipped evil.txt: empty file\\x1b[2J.txt: empty file",
        "1 file(s) skipped (listed above).",
    ]


def test_build_ownership_a_users_file_in_place_of_a_link_is_kept(tmp_path, corpus):
    out = tmp_path / "out"
    assert build(corpus, out).returncode == 0
    (out / "cthb.nt").unlink()
    (out / "cthb.nt").write_bytes(b"<my> <own> <triples> .\n")

    done = build(corpus, out, "--force")

    assert done.returncode == 4, done.stderr
    assert f"Error: refusing to build into {out}: cthb.nt there is not a link made by cthbgraph build" in done.stderr
    assert (out / "cthb.nt").read_bytes() == b"<my> <own> <triples> .\n"
