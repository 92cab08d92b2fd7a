"""The gap analysis as a picture: provisions × bodies, coloured by how many activities implement each.

The matrix comes from ``queries/export-coverage-matrix.rq`` run on the store. A cell counts the
activities linked to the provision (row) and carried out by the body (column), as ``cthbgraph
coverage`` does: links the reports state and, unless the export asks for stated links only, links
inferred from content, whose part of the count the cell shows as "6(4i)". A cell outlined in black
is a body the provision tasks, so an outlined white cell is a gap: a body was tasked and no activity
of it is reported.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass

from ..analysis.links import ALL, LinkFilter, confidence_values
from ..output import shorten
from ..queries import named_query
from ..store import open_store
from .registry import Rendered

QUERY = "export-coverage-matrix"


@dataclass(frozen=True)
class CoverageMatrix:
    """rows: provision notations; columns: body labels (acronyms where known); counts[row][col];
    tasked: the (row, col) cells whose provision tasks the body; inferred[row][col]: of the count,
    the activities linked by inference only."""

    rows: tuple[str, ...]
    columns: tuple[str, ...]
    counts: tuple[tuple[int, ...], ...]
    tasked: frozenset[tuple[int, int]]
    inferred: tuple[tuple[int, ...], ...] = ()

    def label(self, row: int, col: int) -> str:
        """The cell as written on the picture: "6", or "6(4i)" when 4 of the 6 are inferred links."""
        count = self.counts[row][col]
        inferred = self.inferred[row][col] if self.inferred else 0
        return f"{count}({inferred}i)" if inferred else str(count)

    @property
    def gaps(self) -> int:
        return sum(1 for r, c in self.tasked if self.counts[r][c] == 0)


def _natural(text: str):
    return [int(p) if p.isdigit() else p for p in re.split(r"(\d+)", text)]


def coverage_matrix(store, chapter: str = "", links: LinkFilter | None = None, min_confidence: float = 0.0) -> CoverageMatrix:
    """The provision × body matrix of the graph in ``store`` (one chapter or section, or all).

    links (LinkFilter | None): which links count: stated only, or inferred ones too (the default).
    min_confidence (float): leave out activities and bodies whose cthb:confidence is below it.
    """
    values = {"chapter": chapter.strip().rstrip("."), **(links or ALL).values(), **confidence_values(min_confidence)}
    rows = named_query(QUERY).run(store, values).dicts()
    provisions = sorted({r["notation"] for r in rows}, key=_natural)
    names = {r["body"]: (r["acronym"] or r["bodyLabel"]) for r in rows if r["body"]}
    totals: dict[str, int] = {}
    for r in rows:
        if r["body"]:
            totals[r["body"]] = totals.get(r["body"], 0) + int(r["activities"] or 0)
    bodies = sorted(names, key=lambda b: (-totals[b], names[b].lower()))
    col = {b: i for i, b in enumerate(bodies)}
    row = {p: i for i, p in enumerate(provisions)}
    counts = [[0] * len(bodies) for _ in provisions]
    inferred = [[0] * len(bodies) for _ in provisions]
    tasked = set()
    for r in rows:
        if not r["body"]:
            continue
        i, j = row[r["notation"]], col[r["body"]]
        counts[i][j] = int(r["activities"] or 0)
        inferred[i][j] = int(r["inferred"] or 0)
        if r["tasked"] == 1:
            tasked.add((i, j))
    return CoverageMatrix(
        tuple(provisions),
        tuple(names[b] for b in bodies),
        tuple(map(tuple, counts)),
        frozenset(tasked),
        tuple(map(tuple, inferred)),
    )


def figure(matrix: CoverageMatrix, title: str = ""):
    """A matplotlib Figure of the matrix (Agg backend: no display needed)."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.figure import Figure
    from matplotlib.patches import Rectangle

    n_rows, n_cols = max(len(matrix.rows), 1), max(len(matrix.columns), 1)
    fig = Figure(figsize=(max(6.0, 1.6 + 0.32 * n_cols), max(3.5, 2.6 + 0.3 * n_rows)), layout="constrained")
    ax = fig.subplots()
    data = [list(r) for r in matrix.counts] or [[0]]
    top = max((max(r) for r in data if r), default=0)
    image = ax.imshow(data, cmap="Blues", vmin=0, vmax=max(top, 1), aspect="auto")
    for i, values in enumerate(matrix.counts):
        for j, v in enumerate(values):
            if v:
                text = matrix.label(i, j)
                # A cell with inferred links in italics too, so that it reads apart at a glance.
                style = "italic" if text != str(v) else "normal"
                ax.text(j, i, text, ha="center", va="center", fontsize=6 if style == "italic" else 7, style=style,
                        color="white" if v > top * 0.6 else "black")
    for i, j in sorted(matrix.tasked):
        gap = matrix.counts[i][j] == 0
        ax.add_patch(
            Rectangle(
                (j - 0.5, i - 0.5),
                1,
                1,
                fill=gap,
                facecolor="#fbd3c4",
                edgecolor="#D55E00" if gap else "black",
                linewidth=1.4,
                hatch="//" if gap else None,
            )
        )
    ax.set_xticks(
        range(len(matrix.columns)), [shorten(c, 38) for c in matrix.columns], rotation=60, ha="right", fontsize=7
    )
    ax.set_yticks(range(len(matrix.rows)), matrix.rows, fontsize=7)
    ax.set_xlabel("Body (carried out the activity, or tasked by the provision)")
    ax.set_ylabel("Action Plan provision")
    ax.set_title(
        (title or "Coverage: activities implementing each provision, per body")
        + "\nblack outline: the provision tasks the body · hatched: tasked, no activity reported (a gap)"
        + ("\n6(4i): 6 activities, 4 of them linked by inference from their content (italic)" if matrix.inferred and any(map(any, matrix.inferred)) else ""),
        fontsize=9,
    )
    fig.colorbar(image, ax=ax, label="activities", shrink=0.6)
    return fig


def _render(source, fmt: str) -> Rendered:
    import matplotlib

    matplotlib.use("Agg")
    with open_store(source.graph_dir) as store:
        matrix = coverage_matrix(store, source.selection.chapter, source.links, source.min_confidence)
    title = f"Coverage of chapter {source.selection.chapter}" if source.selection.chapter else ""
    title = title or "Coverage: activities implementing each provision, per body"
    if source.links.basis == "stated":
        title += " (links stated by the reports)"
    elif source.links.min_score:
        title += f" (inferred links from score {source.links.min_score:.2f})"
    if source.min_confidence:
        title += f", confidence ≥ {source.min_confidence:.2f}"
    fig = figure(matrix, title)
    buffer = io.BytesIO()
    # No date or random ids in the file: the same graph gives the same picture, byte for byte.
    metadata = {"Date": None} if fmt == "svg" else {"Software": None}
    with matplotlib.rc_context({"svg.hashsalt": "cthb", "svg.fonttype": "none"}):
        fig.savefig(buffer, format=fmt, dpi=150, metadata=metadata)
    inferred = sum(map(sum, matrix.inferred))
    summary = (
        f"{len(matrix.rows)} provisions × {len(matrix.columns)} bodies, {matrix.gaps} tasked without activity, "
        f"{sum(map(sum, matrix.counts))} activity links, {inferred} of them inferred"
    )
    return Rendered((("", buffer.getvalue()),), summary)


def write_svg(source) -> Rendered:
    return _render(source, "svg")


def write_png(source) -> Rendered:
    return _render(source, "png")
