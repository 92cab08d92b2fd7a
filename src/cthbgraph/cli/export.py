"""cthbgraph export."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ..errors import QueryError
from ..exports import FORMATS, ExportInput, Selection, export, get_format, load_triples, render
from ..terminal import Spinner
from .common import confidence_option, graph_dir_option, link_options


def _format_list() -> str:
    width = max(len(name) for name in FORMATS)
    return "\n".join(f"  {f.name.ljust(width)}  {f.help}" for f in FORMATS.values())


@click.command("export", epilog="\b\nFormats:\n" + _format_list())
@click.option("--format", "-f", "fmt", required=True, metavar="FORMAT", help="Export format (listed below).")
@click.option(
    "--out",
    "-o",
    "out",
    default=None,
    metavar="FILE",
    help="File to write (a folder for csv); '-' writes text formats to standard output. [default: cthb.<ext> here]",
)
@graph_dir_option(alias_out=False)
@click.option(
    "--focus",
    default="",
    metavar="NAME",
    help="Only the neighbourhood of a provision (III.10.2), decision (MC.DEC/3/06), body (ODIHR) or IRI.",
)
@click.option(
    "--depth", type=int, default=1, show_default=True, help="Links away from --focus or --chapter to include."
)
@click.option(
    "--chapter",
    default="",
    metavar="CHAPTER",
    help="Only an Action Plan chapter (III) or section (III.10), with --depth links around it.",
)
@link_options
@confidence_option
@click.option("--quiet", is_flag=True, help="No progress spinner.")
def export_command(
    fmt: str, out: str | None, graph_dir: str, focus: str, depth: int, chapter: str, links, min_confidence: float, quiet: bool
) -> None:
    """Export the built graph for other tools: RDF, networks, an interactive page, tables, a heatmap.

    Reads the graph that `cthbgraph build` wrote to --graph-dir and writes one file (or, for csv,
    one folder) through a temporary file, so a failed export leaves nothing half-written. JSON-LD
    also writes context.jsonld beside the file. Network formats and the page take --focus/--depth
    or --chapter to keep a picture readable; the heatmap takes --chapter. The networks, the page
    and the heatmap show links of activities to provisions as trace, gaps and coverage count them:
    stated by the reports ("implements", solid) and inferred from content ("may implement",
    dashed, with a score; a heatmap cell "6(4i)"); --basis stated keeps only the first,
    --min-score drops weak inferred links, --min-confidence leaves out activities and bodies the
    extraction is less sure of.

    \b
    Examples:
      cthbgraph export --format html --out cthb.html
      cthbgraph export --format graphml --focus III.10.2 --depth 2 --out iii-10-2.graphml
      cthbgraph export --format gexf --chapter III --out chapter-iii.gexf
      cthbgraph export --format jsonld --out cthb.jsonld
      cthbgraph export --format csv --out tables/
      cthbgraph export --format heatmap-svg --out coverage.svg
      cthbgraph export --format heatmap-svg --basis stated --out stated.svg
      cthbgraph export --format gexf --min-score 0.3 --min-confidence 0.6 --out strong.gexf
      cthbgraph export --format turtle --out - | head
    """
    if out != "-":
        with Spinner(f"Exporting {fmt}", quiet=quiet):
            result = export(
                fmt, out, graph_dir=graph_dir, focus=focus, depth=depth, chapter=chapter, links=links, min_confidence=min_confidence
            )
        click.echo(
            f"Wrote {result.paths[0]}: {result.summary}" + (f" ({result.selection})" if focus or chapter else ""),
            err=True,
        )
        for extra in result.paths[1:]:
            click.echo(f"  and {extra}", err=True)
        return
    format_ = get_format(fmt)
    if format_.binary or format_.folder:
        raise QueryError(f"--format {format_.name} cannot be written to standard output", hint="give --out FILE")
    selection = Selection(focus=focus, depth=depth, chapter=chapter)
    source = ExportInput(Path(graph_dir), load_triples(graph_dir), selection, links, min_confidence)
    rendered = render(format_, source)
    sys.stdout.buffer.write(rendered.files[0][1])
    sys.stdout.flush()


COMMANDS = [export_command]
