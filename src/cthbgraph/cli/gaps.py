"""cthbgraph gaps / coverage / compare."""

from __future__ import annotations

from dataclasses import replace

import click

from ..analysis import COMPARE_CHANGES, Evidence, compare, coverage, gaps
from ..output import FORMATS
from ..store import open_store
from .common import (
    confidence_option,
    echo_rows,
    echo_wrapped,
    endpoint_option,
    format_option,
    graph_dir_option,
    link_options,
)

_FORMATS = (*FORMATS, "markdown")


def timeout_option():
    return click.option(
        "--timeout",
        type=click.FloatRange(min=0.001),
        default=None,
        metavar="SECONDS",
        help="With --endpoint: seconds to wait for the endpoint. Env: CTHB_TIMEOUT. [default: 60]",
    )


def _evidence_cell(evidence: tuple[Evidence, ...], fmt: str):
    if fmt == "json":
        return [
            {
                "report": e.report,
                "year": e.year,
                "body": e.body,
                "activity": e.activity,
                "excerpt": e.excerpt,
                "sentence": " ".join(e.sentence.split()),
                "link": e.link,
            }
            for e in evidence
        ]
    return " | ".join(f"[{e.report}] ({e.link}) {' '.join(e.sentence.split())} <{e.excerpt}>" for e in evidence)


def _basis_cell(change, before: str, after: str, fmt: str):
    """The activities of each year by basis: {"stated": {"2006": 3, "2017": 0}} in JSON, else "stated 3→0"."""
    if fmt == "json":
        return {basis: {before: b, after: a} for basis, (b, a) in change.by_basis().items()}
    return change.basis_label()


def _list_cell(values: tuple, fmt: str):
    return list(values) if fmt == "json" else "; ".join(map(str, values))


def _echo_evidence(blocks: list[tuple[str, tuple[Evidence, ...]]]) -> None:
    click.echo("\nEvidence:")
    for title, evidence in blocks:
        if not evidence:
            continue
        click.secho(f"{title}", bold=True)
        for e in evidence:
            click.echo(f"  [{e.report}] {e.body} ({e.link}): {e.excerpt}")
            echo_wrapped(f"“{' '.join(e.sentence.split())}”", "      ")


@click.command("gaps")
@click.option(
    "--by",
    type=click.Choice(["provision", "body"]),
    default="provision",
    show_default=True,
    help="One row per provision, or per provision and tasked body.",
)
@click.option("--chapter", default=None, help='Only this Action Plan chapter, section or provision, e.g. "III", "IV.8".')
@click.option("--body", default=None, help='Only provisions that task this body or that it implements, e.g. "ODIHR".')
@click.option(
    "--lineage", is_flag=True, help="With --body: also the bodies it was renamed from or to, succeeded or was succeeded by, and its post or office."
)
@click.option("--year", default=None, help="Count only activities of the reports of this year, e.g. 2006.")
@click.option("--status", type=click.Choice(["implemented", "partly", "none"]), default=None, help="Only provisions with this status (with --by provision).")
@click.option("--evidence", is_flag=True, help="Add the sentences (report, excerpt IRI) behind every count.")
@format_option(_FORMATS)
@graph_dir_option()
@endpoint_option()
@timeout_option()
@link_options
@confidence_option
def gaps_command(by, chapter, body, lineage, year, status, evidence, fmt, graph_dir, endpoint, timeout, links, min_confidence) -> None:
    """What the reports show as done for each Action Plan provision and each body it tasks.

    A provision is "implemented" when every body it tasks is credited with an activity linked to
    it, "partly implemented" when some activity is linked to it but a tasked body has none, and
    has "no reported implementation" when no activity is linked to it. --by body gives one row per
    provision and body ("reported activity" / "no reported activity"); bodies that implement a
    provision without being tasked appear with tasked = no. JSON output always lists the evidence.
    An activity is linked where its report states it ("stated") or where its content suggests it
    ("inferred 0.71"); --basis stated counts only the first, --min-score drops weak inferred links.
    --min-confidence leaves out the activities and bodies the extraction is less sure of.

    \b
    Examples:
      cthbgraph gaps
      cthbgraph gaps --chapter III --status none
      cthbgraph gaps --basis stated
      cthbgraph gaps --min-confidence 0.6
      cthbgraph gaps --by body --body ODIHR --year 2006 --evidence
      cthbgraph gaps --by body --body "Special Representative" --lineage
      cthbgraph gaps --format markdown > gaps.md
    """
    with open_store(graph_dir, endpoint=endpoint, timeout=timeout) as store:
        report = gaps(store, chapter=chapter, body=body, year=year, links=links, lineage=lineage, min_confidence=min_confidence)
    wanted = {"implemented": "implemented", "partly": "partly implemented", "none": "no reported implementation"}.get(status or "")
    shown = replace(report, provisions=tuple(p for p in report.provisions if not wanted or p.status == wanted))
    items = shown.provisions if by == "provision" else shown.bodies
    table = shown.rows(by)
    columns = list(table.columns)
    rows = [[_list_cell(v, fmt) if isinstance(v, tuple) else v for v in row] for row in table.rows]
    if by == "provision":
        blocks = [(f"{p.notation} ({p.status})", p.evidence) for p in shown.provisions]
    else:
        blocks = [(f"{b.notation} · {b.label} ({b.status})", b.evidence) for b in shown.bodies]
    if (evidence or fmt == "json") and fmt != "table":
        columns.append("evidence")
        for row, item in zip(rows, items):
            row.append(_evidence_cell(item.evidence, fmt))
    # Narrower cells than other tables: a row per provision carries five lists of bodies.
    echo_rows(columns, rows, fmt, width=40)
    if fmt == "table":
        counts = report.counts()
        click.echo()
        echo_wrapped(
            f"{len(report.provisions)} provisions: "
            + " · ".join(f"{n} {label}" for label, n in counts.items())
            + (f" (activities of {year} only)" if year else "")
            + (f" (activities and bodies of confidence {min_confidence:g} or more)" if min_confidence else "")
        )
        if evidence:
            _echo_evidence(blocks)


@click.command("coverage")
@click.option("--chapter", default=None, help='Only this Action Plan chapter, section or provision, e.g. "III".')
@click.option("--year", default=None, help="Count only activities of the reports of this year.")
@click.option("--tasked-only", is_flag=True, help="Only the bodies the provisions task (no column for other bodies).")
@click.option("--transpose", is_flag=True, help="One row per body, one column per provision.")
@click.option("--long", "long_form", is_flag=True, help="One row per (provision, body) cell, with its evidence.")
@click.option(
    "--lineage",
    is_flag=True,
    help="One column per lineage: a body with the bodies it was renamed from or to, succeeded or was succeeded by, and its post or office.",
)
@format_option(_FORMATS)
@graph_dir_option()
@endpoint_option()
@timeout_option()
@link_options
@confidence_option
def coverage_command(
    chapter, year, tasked_only, transpose, long_form, lineage, fmt, graph_dir, endpoint, timeout, links, min_confidence
) -> None:
    """The provision × body matrix: how many reported activities of each body implement each provision.

    In table and markdown output a cell the provision asks for (the body is tasked) is marked "*",
    so "0*" is a tasked body with nothing reported, and "6(4i)" counts 6 activities of which 4 are
    linked by inference from their content (not stated by their report); an empty cell is a body
    neither tasked nor active there. CSV and JSON cells are plain counts; --long gives one row per cell with its
    tasked flag and evidence. --lineage counts a body together with its lineage (the Special
    Representative with the Office that serves the post, a mission with the one it was renamed
    from) in one column, "SR / OSR", each activity once; --min-confidence leaves out activities and
    bodies the extraction is less sure of.

    \b
    Examples:
      cthbgraph coverage
      cthbgraph coverage --chapter IV --tasked-only --transpose
      cthbgraph coverage --basis stated
      cthbgraph coverage --chapter III.10 --lineage
      cthbgraph coverage --min-confidence 0.6 --format csv
      cthbgraph coverage --long --format csv > coverage.csv
    """
    with open_store(graph_dir, endpoint=endpoint, timeout=timeout) as store:
        cov = coverage(
            store, chapter=chapter, year=year, tasked_only=tasked_only, links=links, lineage=lineage, min_confidence=min_confidence
        )
    if long_form:
        table = cov.rows(long=True)
        rows = [[*row, _evidence_cell(cov.evidence.get((row[0], row[2]), ()), fmt)] for row in table.rows]
        echo_rows((*table.columns, "evidence"), rows, fmt)
        return
    marked = fmt in ("table", "markdown")

    def cell(n: str, b: str):
        return cov.marked(n, b) if marked else cov.count(n, b)

    heads = [b.short if marked else b.label for b in cov.bodies]
    if transpose:
        columns = ["body", *cov.provisions]
        rows = [[b.short if marked else b.label, *(cell(n, b.iri) for n in cov.provisions)] for b in cov.bodies]
    else:
        columns = ["provision", *heads]
        rows = [[n, *(cell(n, b.iri) for b in cov.bodies)] for n in cov.provisions]
    echo_rows(columns, rows, fmt)
    if fmt == "table":
        click.echo()
        echo_wrapped("* the provision tasks this body; (4i): of the count, 4 linked by inference; empty: neither tasked nor reported active.")


@click.command("compare")
@click.option("--from", "before", required=True, help="The earlier report year, e.g. 2006.")
@click.option("--to", "after", required=True, help="The later report year, e.g. 2017.")
@click.option("--all-bodies", is_flag=True, help="Compare every body, not only the bodies some provision or decision tasks.")
@click.option("--unchanged", is_flag=True, help="Also list provisions and bodies whose counts did not change.")
@click.option("--change", "only", type=click.Choice(COMPARE_CHANGES), default=None, help="Only rows with this change.")
@click.option("--evidence", is_flag=True, help="Add the sentences behind both counts.")
@click.option(
    "--lineage",
    is_flag=True,
    help="Count each body with the bodies it was renamed from or to, succeeded or was succeeded by, and its post or office: one row a lineage.",
)
@format_option(_FORMATS)
@graph_dir_option()
@endpoint_option()
@timeout_option()
@link_options
def compare_command(before, after, all_bodies, unchanged, only, evidence, lineage, fmt, graph_dir, endpoint, timeout, links) -> None:
    """What changed between the reports of two years, per provision and per tasked body.

    Per provision: the activities the reports of each year link to it, as stated or (unless
    --basis stated) as inferred from their content. Per body: the activities
    credited to it in each year, whatever they implement; this keeps the comparison meaningful
    when a report (as most after 2006) rarely names the provision an activity serves. A row is
    "appeared" (none before), "disappeared" (none after) or "changed" (another count); its basis
    column says which evidence was gained or lost: "stated 3→0; inferred 1→4" (activities of each
    year that the reports link to the provision, and that are linked by their content).

    \b
    Examples:
      cthbgraph compare --from 2006 --to 2017
      cthbgraph compare --from 2006 --to 2017 --basis stated --min-score 0.1
      cthbgraph compare --from 2003 --to 2007 --all-bodies --change appeared
      cthbgraph compare --from 2006 --to 2007 --format json
      cthbgraph compare --from 2007 --to 2017 --lineage
    """
    with open_store(graph_dir, endpoint=endpoint, timeout=timeout) as store:
        changes = compare(
            store,
            before,
            after,
            tasked_only=not all_bodies,
            unchanged=unchanged or only == "unchanged",
            links=links,
            lineage=lineage,
        )
    changes = [c for c in changes if not only or c.change == only]
    columns = ["kind", "name", before, after, "change", "basis", "iri"]
    rows = [[c.kind, c.key, c.before, c.after, c.change, _basis_cell(c, before, after, fmt), c.iri] for c in changes]
    if (evidence or fmt == "json") and fmt != "table":
        columns += [f"evidence {before}", f"evidence {after}"]
        for row, c in zip(rows, changes):
            row += [_evidence_cell(c.evidence_before, fmt), _evidence_cell(c.evidence_after, fmt)]
    if fmt == "table":
        columns, rows = columns[:-1], [r[:-1] for r in rows]
    echo_rows(columns, rows, fmt)
    if fmt == "table" and evidence:
        _echo_evidence(
            [(f"{c.kind} {c.key}, {before}", c.evidence_before) for c in changes]
            + [(f"{c.kind} {c.key}, {after}", c.evidence_after) for c in changes]
        )


COMMANDS = [gaps_command, coverage_command, compare_command]
