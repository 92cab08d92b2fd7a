"""cthbgraph evaluate."""

from __future__ import annotations

import json
from dataclasses import asdict, replace
from pathlib import Path

import click

from ..evaluation import CI_COLUMNS, COLUMNS, ERROR_COLUMNS, KINDS, SPLITS, Evaluation, evaluate, pool
from ..evaluation.scores import MEASURES, RESAMPLES, with_interval
from ..evaluation.scoring import GROUPINGS
from ..terminal import Spinner
from .common import confidence_option, echo_rows, echo_wrapped, format_option


@click.command("evaluate")
@click.option(
    "--gold",
    "golds",
    type=click.Path(),
    multiple=True,
    help="Folder of gold annotations (bodies.jsonl, decisions.jsonl, ...); repeat to report several sets apart. [default: tests/gold]",
)
@click.option(
    "--corpus",
    "corpora",
    type=click.Path(),
    multiple=True,
    help="Folder of the reports the annotations were made on, one per --gold in order (the last one serves the rest). "
    "[default: GOLD/texts if it exists, else corpus]",
)
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
    "--by",
    type=click.Choice(GROUPINGS),
    default=None,
    help="Also score each genre of text apart (annual report, press release, listing, decision, web page): "
    "the genre from the gold's documents.jsonl, else the corpus manifest or the text's masthead, else 'report'.",
)
@click.option(
    "--save",
    type=click.Path(dir_okay=False),
    default=None,
    help="Also write the figures to this JSON file (e.g. out/quality.json, which the site publishes as DQV measurements).",
)
@click.option(
    "--ci",
    "show_ci",
    is_flag=True,
    help="Show in the table each figure's 95 % interval, e.g. '0.593 [0.49–0.69]', and the units (annotated regions, "
    "else texts) it rests on; JSON and CSV always carry them (precision_low, ..., units). "
    "Example: cthbgraph evaluate --gold tests/gold-blind --split test --ci --show-errors 0",
)
@click.option(
    "--resamples",
    type=click.IntRange(0),
    default=RESAMPLES,
    show_default=True,
    metavar="N",
    help="Bootstrap resamples of the units for the intervals (fixed seed: the same output every run; 0: no intervals). "
    "Example: --resamples 5000",
)
@click.option(
    "--pool",
    "pooled",
    is_flag=True,
    help="With several --gold: also score the sets as one, set 'pooled' (counts summed, the units of all sets "
    "resampled together). Example: cthbgraph evaluate --gold tests/genres --gold tests/written5 "
    "--corpus tests/genres/texts --corpus tests/written5/texts --split test --pool --ci --show-errors 0",
)
@confidence_option
@click.option("--model", default=None, help="spaCy model name. Env: CTHB_SPACY_MODEL.")
@format_option()
@click.option("--quiet", is_flag=True, help="No progress spinner.")
def evaluate_command(
    golds: tuple[str, ...],
    corpora: tuple[str, ...],
    split: str,
    kinds: tuple[str, ...],
    gold_links: str,
    show_errors: int,
    by: str | None,
    save: str | None,
    show_ci: bool,
    resamples: int,
    pooled: bool,
    min_confidence: float,
    model: str | None,
    fmt: str,
    quiet: bool,
) -> None:
    """Measure the extraction against hand-checked annotations: precision, recall, F1 per kind of fact.

    Reads the reports of --corpus that the annotations in --gold cover, extracts them, and prints one
    line per kind and metric (tp, fp, fn, precision, recall, F1, or an accuracy for attributes such
    as the agent of an activity), then the misses and false hits with their sentences. Tune on the
    dev split, check on the test split: with --split all, ``dev-test`` lines give the gap (dev minus
    test). Several --gold sets are measured and reported apart. See docs/extraction.md for how each
    kind is counted.

    \b
    Examples:
      cthbgraph evaluate --split test
      cthbgraph evaluate --kind bodies --kind decisions --show-errors 50
      cthbgraph evaluate --gold tests/gold --gold tests/gold-blind --gold tests/genres --kind activities
      cthbgraph evaluate --gold my-annotations/ --corpus my-reports/ --format json
      cthbgraph evaluate --gold tests/genres --split test --by genre --show-errors 0
      cthbgraph evaluate --kind links --save out/quality.json
      cthbgraph evaluate --gold tests/gold-blind --split test --min-confidence 0.6 --show-errors 0
      cthbgraph evaluate --gold tests/gold-blind --split test --ci --show-errors 0
      cthbgraph evaluate --gold tests/gold --gold tests/gold-blind --split test --pool --ci --show-errors 0

    --kind links runs the hold-out protocol of docs/linking.md: the report that quotes the
    provisions, rewritten without them, linked by content, judged against what it states (dev:
    chapter III, test: IV and V); then the judged links of --gold-links on the whole corpus
    (also "none": nothing kept where judged so; "found": read as an activity at all).
    """
    from ..extract import Extractor

    extractor = Extractor(model)
    sets = _sets(golds or ("tests/gold",), corpora)
    if "links" in kinds:
        _evaluate_links(Path(corpora[0] if corpora else "corpus"), Path(gold_links), extractor, split, fmt, quiet, save)
        kinds = tuple(k for k in kinds if k != "links")
        if not kinds:
            return
        click.echo()
    kinds = kinds or KINDS
    sets, results = _evaluate_sets(sets, extractor, by, min_confidence, quiet, pooled)
    reports = [_grouped_report(r, split, kinds, show_errors, by, resamples) for r in results]
    if save:
        _save(save, [tuple(r[c] for c in COLUMNS) for r in reports[0]["scores"] if r.get(by or "", "all") == "all"], "extraction")
    _echo_sets(sets, reports, fmt, show_errors, show_ci)


def _evaluate_sets(sets: list[tuple[str, str]], extractor, by: str | None, min_confidence: float, quiet: bool, pooled: bool):
    """Each (gold, corpus) set evaluated; with ``pooled`` and several sets, then the sets as one,
    as set "pooled". Returns the sets and their evaluations, in the same order."""
    results = []
    for gold, corpus in sets:
        with Spinner(f"Extracting the reports annotated in {gold}", quiet=quiet):
            results.append(evaluate(Path(corpus), Path(gold), extractor=extractor, by=by, min_confidence=min_confidence))
    if pooled and len(sets) > 1:
        return [*sets, ("pooled", " + ".join(dict.fromkeys(c for _, c in sets)))], [*results, _pooled(results)]
    return sets, results


def _pooled(results: list) -> Evaluation:
    """The sets as one, and each group (genre) of them as one."""
    names = dict.fromkeys(name for r in results for name, _ in r.groups)
    groups = tuple((name, pool(part for r in results for g, part in r.groups if g == name)) for name in names)
    return replace(pool(results), groups=groups)


def _grouped_report(result, split: str, kinds: tuple[str, ...], show_errors: int, by: str | None, resamples: int) -> dict:
    """The report of one set; with ``by``, each group's rows after the ``all`` rows, in the same shape."""
    report = _report(result, split, kinds, show_errors, resamples)
    if by:
        report["scores"] = [{by: "all", **row} for row in report["scores"]] + [
            {by: group, **row} for group, part in result.groups for row in _report(part, split, kinds, 0, resamples)["scores"]
        ]
    return report


def _echo_sets(sets: list[tuple[str, str]], reports: list[dict], fmt: str, show_errors: int, show_ci: bool) -> None:
    """The report of each annotation set, one after the other (JSON: one document)."""
    if fmt == "json":
        if len(sets) == 1:
            click.echo(json.dumps(reports[0], ensure_ascii=False, indent=2))
        else:
            body = [{"gold": g, "corpus": c, **r} for (g, c), r in zip(sets, reports)]
            click.echo(json.dumps({"sets": body}, ensure_ascii=False, indent=2))
        return
    for (gold, corpus), report in zip(sets, reports):
        if len(sets) > 1:
            click.echo()
            click.secho(f"Annotation set {gold} (texts: {corpus})", bold=True)
        _echo_report(report, fmt, show_errors, show_ci)


def _sets(golds: tuple[str, ...], corpora: tuple[str, ...]) -> list[tuple[str, str]]:
    """Each gold folder with the corpus its annotations were made on."""
    out = []
    for i, gold in enumerate(golds):
        texts = Path(gold) / "texts"
        fallback = str(texts) if texts.is_dir() else "corpus"
        out.append((gold, corpus if (corpus := corpora[min(i, len(corpora) - 1)] if corpora else "") else fallback))
    return out


def _report(result, split: str, kinds: tuple[str, ...], show_errors: int, resamples: int = RESAMPLES) -> dict:
    from ..evaluation.intervals import gap_interval_rows, interval_rows  # numpy: not at start-up

    rows = [(*row, *ci) for row, ci in zip(result.rows(split, kinds), interval_rows(result, split, kinds, resamples=resamples))]
    if split == "all":
        rows += [(*row, *ci) for row, ci in zip(result.gap_rows(kinds), gap_interval_rows(result, kinds, resamples=resamples))]
    errors = []
    if show_errors:
        per_kind: dict[str, int] = {}
        for e in result.error_rows(split, kinds):
            if per_kind.get(e.kind, 0) < show_errors:
                per_kind[e.kind] = per_kind.get(e.kind, 0) + 1
                errors.append(e)
    return {"scores": [dict(zip((*COLUMNS, *CI_COLUMNS), row)) for row in rows], "errors": [asdict(e) for e in errors]}


def _echo_report(report: dict, fmt: str, show_errors: int, show_ci: bool = False) -> None:
    scores = report["scores"]
    extra = tuple(c for c in scores[0] if c not in (*COLUMNS, *CI_COLUMNS)) if scores else ()
    if fmt == "table":
        # The table stays as narrow as it was unless asked: each interval goes into its figure's cell.
        columns = (*extra, *COLUMNS, *(("units",) if show_ci else ()))
        cells = [_with_interval(r) if show_ci else r for r in scores]
        echo_rows(columns, [tuple(r[c] for c in columns) for r in cells], fmt)
    else:
        columns = (*extra, *COLUMNS, *CI_COLUMNS)
        echo_rows(columns, [tuple(r[c] for c in columns) for r in scores], fmt)
    errors = report["errors"]
    if not errors:
        return
    if fmt == "csv":
        click.echo()
        echo_rows(ERROR_COLUMNS, [tuple(e[c] for c in ERROR_COLUMNS) for e in errors], fmt)
        return
    click.echo()
    click.secho(f"Errors (up to {show_errors} per kind)", bold=True)
    for e in errors:
        what = f"gold {e['gold']!r}" if e["gold"] else ""
        if e["predicted"]:
            what += f"{', ' if what else ''}predicted {e['predicted']!r}"
        click.echo(f"  [{e['split']} {e['kind']}] {e['error']}: {e['text']!r} ({what}) {e['report']}:{e['start']}-{e['end']}")
        echo_wrapped(f"“{e['sentence']}”", "      ")


def _with_interval(row: dict) -> dict:
    """The row with each figure that has an interval written ``0.593 [0.49–0.69]``."""
    out = dict(row)
    for measure in MEASURES:
        if row[measure] != "":
            out[measure] = with_interval(row[measure], row.get(f"{measure}_low"), row.get(f"{measure}_high"))
    return out


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
