"""Exports: the built graph as files researchers open in the tools they already use.

>>> import cthbgraph
>>> cthbgraph.export("graphml", "odihr.graphml", graph_dir="out", focus="ODIHR", depth=1)   # doctest: +SKIP

Every format is an entry of :data:`FORMATS` (name -> writer, media type, help); a writer renders
in memory and :func:`write_rendered` puts the files in place through temporary files
(:mod:`cthbgraph.fsio`), so a failed export never leaves a half-written file.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from ..analysis.links import ALL, LinkFilter, check_confidence
from ..errors import OutputError, QueryError
from ..fsio import atomic_write_all, replaced_folder
from .registry import FORMATS, Format, Rendered, get_format, register
from .select import Selection
from .source import ExportInput, load_graph, load_triples

__all__ = [
    "FORMATS",
    "ExportInput",
    "ExportResult",
    "Format",
    "Rendered",
    "Selection",
    "export",
    "get_format",
    "load_graph",
    "load_triples",
    "probe_writable",
    "register",
    "render",
    "write_rendered",
]


@dataclass(frozen=True)
class ExportResult:
    """What an export wrote: the format, the files (main file first), and a one-line summary."""

    format: str
    paths: tuple[Path, ...]
    summary: str
    selection: str


def check_selection(fmt: Format, selection: Selection) -> None:
    """Refuse a selection the format cannot honour, before any work is done."""
    if selection.focus and fmt.selection != "any":
        networks = ", ".join(f.name for f in FORMATS.values() if f.selection == "any")
        raise QueryError(f"--focus does not apply to --format {fmt.name}", hint=f"--focus works with: {networks}")
    if selection.chapter and not fmt.selection:
        chaptered = ", ".join(f.name for f in FORMATS.values() if f.selection)
        raise QueryError(f"--chapter does not apply to --format {fmt.name}", hint=f"--chapter works with: {chaptered}")


#: The groups of formats that draw links of activities to provisions, and so take --basis,
#: --min-score and --min-confidence; RDF and the tables are the graph as it is.
FILTERED_GROUPS = ("network", "page", "picture")


def check_filters(fmt: Format, links: LinkFilter, min_confidence: float) -> None:
    """Refuse a link or confidence filter the format cannot honour, before any work is done."""
    if (links != ALL or min_confidence) and fmt.group not in FILTERED_GROUPS:
        takes = ", ".join(f.name for f in FORMATS.values() if f.group in FILTERED_GROUPS)
        raise QueryError(
            f"--basis, --min-score and --min-confidence do not apply to --format {fmt.name}", hint=f"they work with: {takes}"
        )


def render(fmt: str | Format, source: ExportInput) -> Rendered:
    """Render ``source`` in format ``fmt`` in memory (nothing is written)."""
    fmt = fmt if isinstance(fmt, Format) else get_format(fmt)
    check_selection(fmt, source.selection)
    check_filters(fmt, source.links, source.min_confidence)
    return fmt.load()(source)


def _unwritable(path: Path, exc: OSError) -> OutputError:
    reason = exc.strerror or str(exc)
    return OutputError(f"cannot write {path}: {reason}", hint="choose an --out path in a folder you can write to")


def probe_writable(out: Path, fmt: Format) -> None:
    """Raise OutputError now if ``out`` cannot be written, before any rendering is done.

    Nothing is created: the nearest existing folder above ``out`` must be a folder we may write in.
    """
    out = Path(out)
    if fmt.folder and out.exists() and not out.is_dir():
        raise OutputError(
            f"cannot write {out}: it is a file, and this format writes a folder", hint="give a folder name"
        )
    if not fmt.folder and out.is_dir():
        raise OutputError(
            f"cannot write {out}: it is a folder", hint=f"give a file name, e.g. {out / fmt.default_name}"
        )
    ancestor = out.absolute().parent
    while not ancestor.exists() and ancestor != ancestor.parent:
        ancestor = ancestor.parent
    if not ancestor.is_dir():
        raise OutputError(
            f"cannot write {out}: {ancestor} is not a folder", hint="choose an --out path in a folder you can write to"
        )
    if not os.access(ancestor, os.W_OK | os.X_OK):
        raise OutputError(
            f"cannot write {out}: {ancestor} is not writable", hint="choose an --out path in a folder you can write to"
        )


def write_rendered(rendered: Rendered, out: Path | str, fmt: Format) -> tuple[Path, ...]:
    """Put ``rendered`` at ``out``: all files are written to temporary names first, then renamed.

    out (Path | str): the file of a one-file format (other files go beside it), the folder of a
        folder format.
    RETURNS (tuple[Path, ...]): the written paths, main file (or folder) first.
    RAISES OutputError: when the path cannot be written; nothing is left behind.
    """
    out = Path(out)
    if fmt.folder:
        return _write_folder(rendered, out)
    if out.is_dir():
        raise OutputError(
            f"cannot write {out}: it is a folder", hint=f"give a file name, e.g. {out / fmt.default_name}"
        )
    targets = [(out if not name else out.with_name(name), data) for name, data in rendered.files]
    try:
        # The main file last: if a file beside it cannot be put in place, the main file is untouched.
        atomic_write_all(targets)
    except OSError as exc:
        raise _unwritable(out, exc) from exc
    return tuple(target for target, _ in targets)


def _write_folder(rendered: Rendered, out: Path) -> tuple[Path, ...]:
    names = {name for name, _ in rendered.files}
    if out.exists():
        if not out.is_dir():
            raise OutputError(
                f"cannot write {out}: it is a file, and this format writes a folder", hint="give a folder name"
            )
        foreign = sorted(p.name for p in out.iterdir() if p.name not in names)
        if foreign:
            # Replacing the folder would delete files that this export did not write.
            raise OutputError(
                f"cannot write {out}: the folder holds other files ({', '.join(foreign[:3])})",
                hint="give a new or empty folder",
            )
    try:
        with replaced_folder(out) as staging:
            for name, data in rendered.files:
                (staging / name).write_bytes(data)
    except OSError as exc:
        raise _unwritable(out, exc) from exc
    return (out, *(out / name for name, _ in rendered.files))


def export(
    fmt: str,
    out: Path | str | None = None,
    *,
    graph_dir: Path | str = "out",
    focus: str = "",
    depth: int = 1,
    chapter: str = "",
    links: LinkFilter | None = None,
    min_confidence: float = 0.0,
) -> ExportResult:
    """Export the graph built in ``graph_dir`` as ``fmt`` to ``out``.

    fmt (str): a name of :data:`FORMATS`, e.g. "turtle", "jsonld", "graphml", "html", "csv".
    out (Path | str | None): where to write; None writes the format's default name
        (e.g. ``cthb.graphml``) in the current folder.
    graph_dir (Path | str): the build folder (``cthbgraph build --graph-dir``).
    focus, depth, chapter: the part of the network to export (network formats and the page).
    links (LinkFilter | None): which links of activities to provisions the network formats, the
        page and the heatmap show: stated only, or inferred ones too (the default).
    min_confidence (float): leave out activities and bodies whose cthb:confidence is below it.
    RETURNS (ExportResult): the written paths and a summary.
    """
    format_ = get_format(fmt)
    selection = Selection(focus=focus, depth=depth, chapter=chapter)
    check_selection(format_, selection)
    check_filters(format_, links or ALL, check_confidence(min_confidence))  # before the graph is read
    target = Path(out if out is not None else format_.default_name)
    probe_writable(target, format_)
    source = ExportInput(Path(graph_dir), load_triples(graph_dir), selection, links or ALL, min_confidence)
    rendered = render(format_, source)
    paths = write_rendered(rendered, target, format_)
    return ExportResult(format_.name, paths, rendered.summary, selection.describe())
