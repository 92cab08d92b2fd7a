"""Loading a corpus folder: the real corpus, folders without a manifest, bad files, bad manifests."""

from __future__ import annotations

import csv
import hashlib
import os
from pathlib import Path

import pytest

from cthbgraph.corpus import Corpus, infer_title, infer_year, load_corpus, slugify
from cthbgraph.errors import CorpusError, CthbError, UnknownTermError

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
ODIHR_2003 = CORPUS / "004-2003-odihr-strategic-approach-background-note.txt"
SRM_2017 = CORPUS / "003-2016-17-special-representative-report.txt"
POLICY_2006 = CORPUS / "000-2006-from-policy-to-practice.txt"

GOOD = "# Annual Report 2019\n\nThe Office reported on its work against trafficking in human beings.\n"


def head(path: Path, lines: int) -> str:
    return "".join(path.read_text(encoding="utf-8").splitlines(keepends=True)[:lines])


# ----------------------------------------------------------------------------- the real corpus


def test_real_corpus_loads_five_reports_with_manifest_metadata():
    corpus = load_corpus(CORPUS)

    assert isinstance(corpus, Corpus)
    assert corpus.skipped == ()
    assert corpus.ids == (
        "odihr-2003-activities-strategic-plan",
        "odihr-2003-strategic-approach",
        "osce-2006-policy-to-practice",
        "osr-2007-annual-report",
        "osr-2016-17-report",
    )
    report = corpus.get("osce-2006-policy-to-practice")
    assert report.title == "From Policy to Practice: Combating Trafficking in Human Beings in the OSCE Region"
    assert report.publisher == "OSCE Secretariat, Anti-Trafficking Assistance Unit"
    assert report.year == 2006
    assert report.language == "en"
    assert report.source == "seeds/000_96d235cf77de1880.txt"
    assert report.path == POLICY_2006
    assert report.sha256 == hashlib.sha256(POLICY_2006.read_bytes()).hexdigest()
    assert report.text == POLICY_2006.read_text(encoding="utf-8")
    assert [r.year for r in corpus] == [2003, 2003, 2006, 2007, 2017]


def test_manifest_lists_every_report_file_and_nothing_else():
    with (CORPUS / "manifest.csv").open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert list(rows[0]) == ["id", "file", "title", "publisher", "year", "language", "source"]
    assert sorted(r["file"] for r in rows) == sorted(p.name for p in CORPUS.glob("*.txt"))
    for row in rows:
        assert row["file"].startswith(Path(row["source"]).stem[:3] + "-")


def test_unknown_report_id_suggests_the_closest():
    with pytest.raises(UnknownTermError) as err:
        load_corpus(CORPUS).get("osr-2007-report")
    assert "osr-2007-annual-report" in err.value.closest
    assert err.value.exit_code == 2


# ------------------------------------------------------------------------- without a manifest


@pytest.mark.parametrize(
    ("source", "lines", "title", "year", "publisher"),
    [
        (
            ODIHR_2003,
            30,
            "The OSCE/ODIHR's Strategic Approach to Concerted Action to Prevent and to Combat "
            "Trafficking in Human Beings",
            2003,  # "Geneva, 13 February 2003"
            "OSCE's Office for Democratic Institutions and Human Rights (ODIHR)",
        ),
        (
            SRM_2017,
            50,
            "2016-17 Report of the OSCE Special Representative and Co-ordinator for Combating "
            "Trafficking in Human Beings",  # from the "Cite as:" line
            2017,  # "© 2017"
            "OSCE/Office of the Special Representative and Co-ordinator for Combating Trafficking "
            "in Human Beings",
        ),
        (
            POLICY_2006,
            40,
            "FROM POLICY TO PRACTICE: COMBATING TRAFFICKING IN HUMAN BEINGS IN THE OSCE REGION",
            2006,
            "Anti-Trafficking Assistance Unit, OSCE Secretariat",
        ),
    ],
)
def test_metadata_is_inferred_from_a_real_excerpt(tmp_path, source, lines, title, year, publisher):
    (tmp_path / source.name).write_text(head(source, lines), encoding="utf-8")
    (tmp_path / "other.txt").write_text(GOOD, encoding="utf-8")

    corpus = load_corpus(tmp_path)

    assert corpus.ids == tuple(sorted([source.stem, "other"]))
    report = corpus.get(source.stem)
    assert (report.title, report.year, report.publisher) == (title, year, publisher)
    assert report.source == source.name
    assert corpus.get("other").title == "Annual Report 2019"
    assert corpus.get("other").year == 2019


def test_all_five_reports_load_without_the_manifest(tmp_path):
    for path in CORPUS.glob("*.txt"):
        (tmp_path / path.name).write_bytes(path.read_bytes())
    (tmp_path / "README.md").write_text("# About this folder\n", encoding="utf-8")

    corpus = load_corpus(tmp_path)

    assert len(corpus) == 5
    assert corpus.skipped == ()
    assert {r.year for r in corpus} == {2003, 2006, 2007, 2017}
    assert all(r.title for r in corpus)


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("*Geneva, 13 February 2003*\n", 2003),
        ("■ 2016–17 REPORT\n\nThe OSCE Special\nRepresentative\n", 2017),
        ("Title\n\n© 2017 OSCE/Office of the Special Representative\n", 2017),
        ("## Activities and Strategic Plan for 2003\n", 2003),
        ("A report with no date at all.\n", None),
        ("Call 25,000 or 1234 or MC.DEC/13/05 http://x.org/2007/03/1.pdf\n", None),
    ],
)
def test_infer_year(text, year):
    assert infer_year(text) == year


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("## Office for Democratic Institutions and Human Rights\n\n### The Real Title Here\n", "The Real Title Here"),
        ("OSCE/ODIHR ANTI-TRAFFICKING UNIT\n\n## **Background of Select Activities**\n", "Background of Select Activities"),
        ("TABLE OF CONTENTS\n\n**A <i>Bold</i> Title\nOn Two Lines**\n", "A Bold Title On Two Lines"),
        (" Foreword  \n\n" + "Long prose. " * 40 + "\n\n# Too Late To Be The Title\n", ""),
    ],
)
def test_infer_title(text, title):
    assert infer_title(text) == title


def test_title_falls_back_to_the_file_name(tmp_path):
    (tmp_path / "annual_report-2007.txt").write_text("Long prose. " * 40, encoding="utf-8")
    assert load_corpus(tmp_path).reports[0].title == "annual report 2007"


def test_a_short_report_excerpt_the_manifest_calls_a_report_keeps_the_year_of_its_title(tmp_path):
    # Under a plain heading and short, it reads like a web page, which has no year without a date line.
    (tmp_path / "manifest.csv").write_text("id,file,genre\nexcerpt,excerpt.txt,report\n", encoding="utf-8")
    (tmp_path / "excerpt.txt").write_text(
        "Report of the Special Representative for 2012\n\nIn March 2012 the Special Representative visited "
        "Georgia.\n\nThe Office met the authorities of Moldova in 2012, reviewing the plan adopted in 2010.\n",
        encoding="utf-8",
    )
    report = load_corpus(tmp_path).reports[0]
    assert (report.genre, report.year) == ("report", 2012)


# ----------------------------------------------------------------------------------- bad files


def _outside_symlink(tmp_path: Path, folder: Path, name: str) -> None:
    outside = tmp_path / "outside.txt"
    outside.write_text(GOOD, encoding="utf-8")
    (folder / name).symlink_to(outside)


BAD_FILES = [
    ("empty.txt", b"", "empty file"),
    ("blank.md", b" \n\t\r\n  \n", "empty file"),
    ("bom-only.txt", b"\xef\xbb\xbf\n", "empty file"),
    ("binary.txt", b"%PDF-1.4\n\x00\x01\x02 stream", "binary file, not text"),
    ("utf16.txt", "Report".encode("utf-16"), "UTF-16 text, not UTF-8: re-save the file as UTF-8"),
    ("latin1.txt", "Report on Zürich".encode("latin-1"), "not valid UTF-8 at byte 11: re-save the file as UTF-8"),
    ("latin1-bom.txt", b"\xef\xbb\xbfZ\xfcrich", "not valid UTF-8 at byte 4: re-save the file as UTF-8"),
    ("huge.txt", b"x" * 2048, "larger than 1 KB"),
    ("link.txt", _outside_symlink, "symbolic link to a file outside the corpus folder"),
]


@pytest.mark.parametrize(("name", "content", "reason"), BAD_FILES, ids=[b[0] for b in BAD_FILES])
def test_bad_file_is_skipped_with_its_reason(tmp_path, name, content, reason):
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    if callable(content):
        content(tmp_path, folder, name)
    else:
        (folder / name).write_bytes(content)

    corpus = load_corpus(folder, max_bytes=1024)

    assert corpus.ids == ("good",)
    assert [(s.path.name, s.reason) for s in corpus.skipped] == [(name, reason)]


def test_default_size_limit_is_20_mb(tmp_path):
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    with (tmp_path / "big.txt").open("wb") as f:
        f.truncate(20 * 1024 * 1024 + 1)
    corpus = load_corpus(tmp_path)
    assert [s.reason for s in corpus.skipped] == ["larger than 20 MB"]


def test_unreadable_file_is_skipped(tmp_path, monkeypatch):
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    locked = tmp_path / "locked.txt"
    locked.write_text(GOOD, encoding="utf-8")
    locked.chmod(0)
    if os.geteuid() == 0:  # root reads anything: simulate the permission error
        real = Path.read_bytes

        def read_bytes(self: Path) -> bytes:
            if self.name == "locked.txt":
                raise PermissionError(13, "Permission denied", str(self))
            return real(self)

        monkeypatch.setattr(Path, "read_bytes", read_bytes)

    corpus = load_corpus(tmp_path)

    assert corpus.ids == ("good",)
    assert [(s.path.name, s.reason) for s in corpus.skipped] == [("locked.txt", "cannot be read: Permission denied")]


def test_symlink_inside_the_folder_is_followed(tmp_path):
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "alias.txt").symlink_to(tmp_path / "good.txt")
    assert load_corpus(tmp_path).ids == ("alias", "good")


def test_listed_but_missing_file_is_skipped(tmp_path):
    (tmp_path / "manifest.csv").write_text("id,file\nthere,there.txt\ngone,gone.txt\n", encoding="utf-8")
    (tmp_path / "there.txt").write_text(GOOD, encoding="utf-8")

    corpus = load_corpus(tmp_path)

    assert corpus.ids == ("there",)
    assert [(s.path.name, s.reason) for s in corpus.skipped] == [("gone.txt", "listed in manifest.csv but not found")]


def test_folder_with_only_bad_files_names_them_in_the_hint(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.md").write_bytes(b"\x00\x00")
    with pytest.raises(CorpusError) as err:
        load_corpus(tmp_path)
    assert str(err.value) == f"no readable report in {tmp_path}"
    assert "empty.txt: empty file" in err.value.hint
    assert "binary.md: binary file, not text" in err.value.hint


def test_non_report_files_are_ignored(tmp_path):
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "README.md").write_text("# Corpus\n", encoding="utf-8")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF\x00")
    (tmp_path / ".hidden.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "sub.txt").mkdir()
    corpus = load_corpus(tmp_path)
    assert (corpus.ids, corpus.skipped) == (("good",), ())


# ------------------------------------------------------------------------------ text and names


def test_bom_and_line_ends_are_normalised_and_hash_is_of_the_raw_bytes(tmp_path):
    raw = b"\xef\xbb\xbfTitle Line Here\r\n\r\nOne\rTwo\r\n"
    (tmp_path / "crlf.txt").write_bytes(raw)
    report = load_corpus(tmp_path).reports[0]
    assert report.text == "Title Line Here\n\nOne\nTwo\n"
    assert report.sha256 == hashlib.sha256(raw).hexdigest()


@pytest.mark.parametrize(
    ("name", "report_id"),
    [
        ("Annual report 2019.txt", "annual-report-2019"),
        ("Доклад ОБСЕ 2019.md", "doklad-obse-2019"),
        ("Rapport annuel – Zürich.txt", "rapport-annuel-zurich"),
        ("报告.txt", "report-" + hashlib.sha1("报告".encode()).hexdigest()[:8]),
    ],
)
def test_names_with_spaces_and_other_scripts(tmp_path, name, report_id):
    (tmp_path / name).write_text(GOOD, encoding="utf-8")
    corpus = load_corpus(tmp_path)
    assert corpus.ids == (report_id,)
    assert corpus.reports[0].path.name == name
    assert load_corpus(tmp_path).ids == corpus.ids  # stable


def test_ids_stay_unique_when_names_collide(tmp_path):
    for name in ("report.txt", "report.md", "Report!.txt"):
        (tmp_path / name).write_text(GOOD, encoding="utf-8")
    (tmp_path / "manifest.csv").write_text("id,file\nother,pinned.txt\n", encoding="utf-8")
    (tmp_path / "pinned.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "other.txt").write_text(GOOD, encoding="utf-8")

    ids = load_corpus(tmp_path).ids

    assert len(set(ids)) == len(ids) == 5
    assert "other" in ids  # the manifest id wins; the unlisted other.txt gets a suffix
    assert all(i.startswith(("report-", "other")) for i in ids)
    assert ids == load_corpus(tmp_path).ids


def test_slugify_is_ascii_and_never_empty():
    for name in ("", "!!!", "日本語", "Доклад", "ÉCOLE d'été"):
        slug = slugify(name)
        assert slug and slug.isascii() and " " not in slug


# --------------------------------------------------------------------------------- bad folders


def test_missing_folder_raises_with_a_hint(tmp_path):
    with pytest.raises(CorpusError) as err:
        load_corpus(tmp_path / "nowhere")
    assert str(err.value) == f"corpus folder not found: {tmp_path / 'nowhere'}"
    assert err.value.hint
    assert err.value.exit_code == 2
    assert isinstance(err.value, CthbError)
    assert err.value.render() == f"{err.value}\nhint: {err.value.hint}"


def test_a_file_is_not_a_folder(tmp_path):
    (tmp_path / "report.txt").write_text(GOOD, encoding="utf-8")
    with pytest.raises(CorpusError, match="not a folder"):
        load_corpus(tmp_path / "report.txt")


def test_empty_folder_raises(tmp_path):
    with pytest.raises(CorpusError, match="no readable report"):
        load_corpus(tmp_path)


@pytest.mark.parametrize(
    ("manifest", "message"),
    [
        ("file,title\ngood.txt,Good\n", "has no column 'id'"),
        ("id,title\ngood,Good\n", "has no column 'file'"),
        ("title,year\nGood,2019\n", "has no column 'id', 'file'"),
        ("\n\n", "is empty"),
        ("id,file\ngood,good.txt\ngood,other.txt\n", "duplicate id in .*manifest.csv: good"),
        ("id,file\ngood,good.txt\nagain,good.txt\n", "duplicate file in .*manifest.csv: good.txt"),
        ("id,file,year\ngood,good.txt,MMXIX\n", "line 2: year 'MMXIX' is not a year"),
        ("id,file\nGood Report,good.txt\n", "line 2: id 'Good Report' is not a slug"),
        ("id,file\n,good.txt\n", "line 2: the id is blank"),
    ],
)
def test_malformed_manifest_raises(tmp_path, manifest, message):
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "other.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "manifest.csv").write_text(manifest, encoding="utf-8")
    with pytest.raises(CorpusError, match=message) as err:
        load_corpus(tmp_path)
    assert err.value.hint


def test_missing_column_hint_gives_the_expected_header(tmp_path):
    (tmp_path / "manifest.csv").write_text("file\ngood.txt\n", encoding="utf-8")
    with pytest.raises(CorpusError) as err:
        load_corpus(tmp_path)
    assert "id,file,title,publisher,year,language,source" in err.value.hint


def test_manifest_blanks_are_inferred_and_unlisted_files_still_load(tmp_path):
    (tmp_path / "manifest.csv").write_bytes(
        "\ufeffID , File,Publisher,notes\r\nodihr-2003,sub/note.txt,,ignored\r\n".encode()
    )
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "note.txt").write_text(head(ODIHR_2003, 30), encoding="utf-8")
    (tmp_path / "extra.md").write_text(GOOD, encoding="utf-8")

    corpus = load_corpus(tmp_path)

    assert corpus.ids == ("extra", "odihr-2003")
    listed = corpus.get("odihr-2003")
    assert listed.year == 2003
    assert listed.title.startswith("The OSCE/ODIHR's Strategic Approach")
    assert listed.source == "sub/note.txt"


def test_manifest_path_outside_the_folder_is_skipped(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    (tmp_path / "secret.txt").write_text(GOOD, encoding="utf-8")
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    (folder / "manifest.csv").write_text("id,file\nsecret,../secret.txt\n", encoding="utf-8")
    corpus = load_corpus(folder)
    assert corpus.ids == ("good",)
    assert "outside the corpus folder" in corpus.skipped[0].reason
