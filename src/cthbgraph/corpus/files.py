"""One file of a corpus folder: read as report text, or the one-line reason it cannot be.

Text is kept as the file says it, so that character offsets into ``Report.text`` stay meaningful
for evidence spans. The only changes to the decoded content are:

* a leading UTF-8 byte-order mark is dropped;
* line ends ``\\r\\n`` and ``\\r`` become ``\\n``.

A file that cannot be used (empty, binary, not UTF-8, unreadable, too large, a line too long to be
prose, a symbolic link leaving the folder) is never an error: the reason is returned instead.
"""

from __future__ import annotations

import codecs
import stat
from pathlib import Path

from ..errors import CorpusError

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
# spaCy's own limit on one text. A report's longest line is a paragraph of a few thousand
# characters; a line of a million is a dump, a minified file or a broken conversion, not prose.
MAX_LINE_CHARS = 1_000_000
TEXT_SUFFIXES = frozenset({".txt", ".md"})


def candidate_files(folder: Path) -> list[Path]:
    """``*.txt`` and ``*.md`` directly in the folder, README excluded, in name order."""
    try:
        entries = sorted(folder.iterdir(), key=lambda p: p.name)
    except OSError as exc:
        raise CorpusError(
            f"cannot list the corpus folder {folder}: {exc.strerror or exc}",
            "check the folder's permissions",
        ) from exc
    out = []
    for path in entries:
        name = path.name
        if name.startswith((".", "~$")) or name.endswith("~"):
            continue
        if path.suffix.lower() not in TEXT_SUFFIXES or path.stem.lower() == "readme":
            continue
        if path.is_dir():
            continue
        out.append(path)
    return out


class _Unusable(Exception):
    """A file is not a usable report; the message is the reason."""


def read_file(path: Path, root: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> tuple[bytes, str] | str:
    """The raw bytes and normalised text of a file under ``root``, or the reason it cannot be used."""
    try:
        return _read_or_raise(path, root, max_bytes)
    except _Unusable as exc:
        return str(exc)


def _read_or_raise(path: Path, root: Path, max_bytes: int) -> tuple[bytes, str]:
    if path.is_symlink():
        try:
            target = path.resolve(strict=True)
        except (OSError, RuntimeError):
            raise _Unusable("broken symbolic link") from None
        if not target.is_relative_to(root):
            raise _Unusable("symbolic link to a file outside the corpus folder")
    elif not path.resolve().is_relative_to(root):
        raise _Unusable("outside the corpus folder")
    try:
        info = path.stat()
    except OSError as exc:
        raise _Unusable(f"cannot be read: {exc.strerror or exc}") from None
    if stat.S_ISDIR(info.st_mode):
        raise _Unusable("a folder, not a file")
    if not stat.S_ISREG(info.st_mode):
        raise _Unusable("not a regular file")
    if info.st_size > max_bytes:
        raise _Unusable(f"larger than {_format_size(max_bytes)}")
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise _Unusable(f"cannot be read: {exc.strerror or exc}") from None
    if len(raw) > max_bytes:
        raise _Unusable(f"larger than {_format_size(max_bytes)}")
    return raw, _decode(raw)


def _decode(raw: bytes) -> str:
    """Decoded, normalised text (BOM dropped, line ends as ``\\n``); :class:`_Unusable` if not text."""
    if not raw.strip():
        raise _Unusable("empty file")
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise _Unusable("UTF-16 text, not UTF-8: re-save the file as UTF-8")
    if b"\x00" in raw:
        raise _Unusable("binary file, not text")
    bom = len(codecs.BOM_UTF8) if raw.startswith(codecs.BOM_UTF8) else 0
    try:
        text = raw[bom:].decode("utf-8")
    except UnicodeDecodeError as exc:
        where = exc.start + bom  # offset in the file as saved, BOM included
        raise _Unusable(f"not valid UTF-8 at byte {where}: re-save the file as UTF-8") from None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise _Unusable("empty file")
    if len(text) > MAX_LINE_CHARS:
        longest = max(len(line) for line in text.split("\n"))
        if longest > MAX_LINE_CHARS:
            raise _Unusable(f"a line of {longest:,} characters: not report text (lines up to {MAX_LINE_CHARS:,})")
    return text


def _format_size(n: int) -> str:
    for unit, size in (("GB", 1 << 30), ("MB", 1 << 20), ("KB", 1 << 10)):
        if n >= size and n % size == 0:
            return f"{n // size} {unit}"
    if n >= 1 << 20:
        return f"{n / (1 << 20):.1f} MB"
    return f"{n} bytes"
