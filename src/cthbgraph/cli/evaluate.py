"""cthbgraph evaluate."""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path

import click

from ..evaluation import COLUMNS, ERROR_COLUMNS, KINDS, SPLITS, evaluate
from ..terminal import Spinner
from .common import echo_rows, echo_wrapped, format_option


@click.command("evaluate")
@click.option("--gold", type=click.Path(), default="tests/gold", show_default=True, help="Folder of gold annotations (bodies.jsonl, decisions.jsonl, ...).")
@click.option("--corpus", type=click.Path(), default="corpus", show_default=True, help="Folder of the reports the annotations were made on.")
@click.option("--split", type=click.Choice(SPLITS), default="all", show_default=True, help="Which annotations to score.")
@click.option(
    "--kind",
    "kinds",
    type=click.Choice((*KINDS, "links")),
    multiple=True,
    help="Kinds of fact to score (repeatable); 'links': the hold-out protocol of activity-provision links. [default: all but links]",
)
@click.option(
    "--gold-links",
    type=click.Path(),
    default="tests/gold-links",
    show_default=True,
    help="With --kind links: folder of judged links (links.jsonl) to score as well.",
)
@click.option(
    "--show-errors",
    type=click.IntRange(0),
    default=20,
    show_default=True,
    metavar="N",
    help="List up to N misses and false hits per kind (0: none).",
)
@click.option(
    "--save",
    type=click.Path(dir_okay=False),
    default=None,
    help="Also write the figures to this JSON file (e.g. out/quality.json, which the site publishes as DQV measurements).",
)
@click.option("--model", default=None, help="spaCy model name. Env: CTHB_SPACY_MODEL.")
@format_option()
@click.option("--quiet", is_flag=True, help="No progress spinner.")
def evaluate_command(
    gold: str,
    corpus: str,
    split: str,
    kinds: tuple[str, ...],
    gold_links: str,
    show_errors: int,
    save: str | None,
    model: str | None,
    fmt: str,
    quiet: bool,
) -> None:
    """Measure the extraction against hand-checked annotations: precision, recall, F1 per kind of fact.

    Reads the reports of --corpus that the annotations in --gold cover, extracts them, and prints one
    line per kind and metric (tp, fp, fn, precision, recall, F1, or an accuracy for attributes such
    as the agent of an activity), then the misses and false hits with their sentences. Tune on the
    dev split, check on the test split. See docs/extraction.md for how each kind is counted.

    \b
    Examples:
      cthbgraph evaluate --split test
      cthbgraph evaluate --kind bodies --kind decisions --show-errors 50
      cthbgraph evaluate --gold my-annotations/ --corpus my-reports/ --format json
      cthbgraph evaluate --kind links

    --kind links runs the hold-out protocol of docs/linking.md: the report that quotes the
    provisions, rewritten without them, linked by content, judged against what it states (dev:
    chapter III, test: IV and V); then the judged links of --gold-links on the whole corpus.
    """
    from ..extract import Extractor

    if "links" in kinds:
        _evaluate_links(Path(corpus), Path(gold_links), Extractor(model), split, fmt, quiet, save)
        kinds = tuple(k for k in kinds if k != "links")
        if not kinds:
            return
        click.echo()
    kinds = kinds or KINDS
    with Spinner("Extracting the annotated reports", quiet=quiet):
        result = evaluate(Path(corpus), Path(gold), extractor=Extractor(model))
    rows = result.rows(split, kinds)
    if save:
        _save(save, rows, "extraction")
    errors = _errors(result, split, kinds, show_errors)
    if fmt == "json":
        scores = [dict(zip(COLUMNS, row)) for row in rows]
        click.echo(json.dumps({"scores": scores, "errors": [asdict(e) for e in errors]}, ensure_ascii=False, indent=2))
        return
    echo_rows(COLUMNS, rows, fmt)
    if not errors:
        return
    if fmt == "csv":
        click.echo()
        echo_rows(ERROR_COLUMNS, [tuple(getattr(e, c) for c in ERROR_COLUMNS) for e in errors], fmt)
        return
    _echo_errors(errors, show_errors)


def _echo_errors(errors: list, show_errors: int) -> None:
    click.echo()
    click.secho(f"Errors (up to {show_errors} per kind)", bold=True)
    for e in errors:
        what = f"gold {e.gold!r}" if e.gold else ""
        if e.predicted:
            what += f"{', ' if what else ''}predicted {e.predicted!r}"
        click.echo(f"  [{e.split} {e.kind}] {e.error}: {e.text!r} ({what}) {e.report}:{e.start}-{e.end}")
        echo_wrapped(f"“{e.sentence}”", "      ")


def _errors(result, split: str, kinds: tuple[str, ...], show_errors: int) -> list:
    """Up to ``show_errors`` misses and false hits per kind."""
    errors = []
    per_kind: dict[str, int] = {}
    for e in result.error_rows(split, kinds) if show_errors else ():
        if per_kind.get(e.kind, 0) < show_errors:
            per_kind[e.kind] = per_kind.get(e.kind, 0) + 1
            errors.append(e)
    return errors


def _save(path: str, rows, kind: str) -> None:
    from .. import __version__
    from ..lod.quality import measures_of, write_quality

    write_quality(path, measures_of(rows, kind=kind, tool=f"cthbgraph {__version__}"))


def _evaluate_links(corpus: Path, gold_links: Path, extractor, split: str, fmt: str, quiet: bool, save: str | None) -> None:
    from ..corpus import load_corpus
    from ..evaluation.links import LINK_COLUMNS, evaluate_links

    with Spinner("Linking the hold-out report and the corpus", quiet=quiet):
        result = evaluate_links(extractor, list(load_corpus(corpus)), gold_links if gold_links.exists() else None)
    rows = [r for r in result.rows() if split == "all" or r[1] == split]
    if save:
        _save(save, rows, "links")
    if fmt == "json":
        click.echo(json.dumps([dict(zip(LINK_COLUMNS, r)) for r in rows], indent=2))
        return
    echo_rows(LINK_COLUMNS, rows, fmt)


COMMANDS = [evaluate_command]
