"""corpus -> extract -> graph -> validate -> store, written so that a failed build loses nothing.

Every output is written into a fresh folder beside the target and moved into place only when the
whole build succeeded: ``cthb.ttl`` and ``cthb.nt`` by ``os.replace``; the Oxigraph store as a new
``store-<hash>`` folder that the ``store`` link is switched to in one rename. Readers therefore see
the previous complete build or the new one, never a half-written one.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph

from .corpus import Corpus, load_corpus
from .errors import OutputError
from .extract import Extractor
from .graph import build_graph
from .records import Extraction, Report, SkippedFile
from .store import STORE_DIR, write_store
from .validate import ValidationReport, validate
from .vocab import CTHB, DEFAULT_BASE, RDF

ProgressCallback = Callable[[Report, Extraction], None]


@dataclass(frozen=True)
class BuildResult:
    out: Path
    graph_file: Path
    store: Path
    triples: int
    class_counts: tuple[tuple[str, int], ...]
    report_counts: tuple[tuple[str, dict[str, int]], ...]
    skipped: tuple[SkippedFile, ...]
    validation: ValidationReport
    extractions: tuple[Extraction, ...] = field(repr=False, default=())


_COUNTED_CLASSES = ("Body", "Decision", "ActionPlan", "Section", "Provision", "Activity", "Report", "Excerpt")


def build(
    corpus: Path | str | Corpus = "corpus",
    out: Path | str = "out",
    *,
    model: str | None = None,
    jobs: int = 1,
    base: str = DEFAULT_BASE,
    extractor: Extractor | None = None,
    on_report: ProgressCallback | None = None,
) -> BuildResult:
    """Build the graph of a corpus folder into ``out``: ``cthb.ttl``, ``cthb.nt`` and ``store/``."""
    corpus = corpus if isinstance(corpus, Corpus) else load_corpus(Path(corpus))
    out = Path(out)
    extractor = extractor or Extractor(model)
    extractions = []
    for extraction in extractor.extract_all(corpus.reports, n_process=jobs):
        extractions.append(extraction)
        if on_report:
            on_report(extraction.report, extraction)
    graph = build_graph(extractions, base=base)
    report = validate(graph)
    graph_file, store = _write(graph, out)
    return BuildResult(
        out=out,
        graph_file=graph_file,
        store=store,
        triples=len(graph),
        class_counts=tuple((name, len(set(graph.subjects(RDF.type, CTHB[name])))) for name in _COUNTED_CLASSES),
        report_counts=tuple((e.report.id, _report_counts(e)) for e in extractions),
        skipped=corpus.skipped,
        validation=report,
        extractions=tuple(extractions),
    )


def _report_counts(e: Extraction) -> dict[str, int]:
    return {
        "bodies": len({b.key for b in e.bodies}),
        "mentions": len(e.bodies),
        "decisions": len({d.key for d in e.decisions}),
        "provisions": len(e.provisions),
        "activities": len(e.activities),
    }


def sorted_ntriples(graph: Graph) -> bytes:
    """N-Triples with lines sorted: byte-identical for the same graph, whatever the build order."""
    lines = graph.serialize(format="nt", encoding="utf-8").splitlines()
    return b"\n".join(sorted(line for line in lines if line.strip())) + b"\n"


def _write(graph: Graph, out: Path) -> tuple[Path, Path]:
    try:
        out.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=".build-", dir=out))
    except OSError as exc:
        raise OutputError(f"cannot write to {out}: {exc.strerror}", hint="choose another --out folder") from exc
    try:
        nt = sorted_ntriples(graph)
        (staging / "cthb.nt").write_bytes(nt)
        graph.serialize(staging / "cthb.ttl", format="turtle", encoding="utf-8")
        digest = hashlib.sha256(nt).hexdigest()[:16]
        store_name = f"{STORE_DIR}-{digest}"
        if not (out / store_name).exists():
            write_store(staging / "cthb.nt", staging / store_name)
            os.replace(staging / store_name, out / store_name)
        for name in ("cthb.nt", "cthb.ttl"):
            os.replace(staging / name, out / name)
        _switch_link(out / STORE_DIR, store_name)
        _remove_old_stores(out, keep=store_name)
    except OSError as exc:
        raise OutputError(f"cannot write the build to {out}: {exc}", hint="check free space and permissions") from exc
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return out / "cthb.ttl", out / STORE_DIR


def _switch_link(link: Path, target: str) -> None:
    tmp = link.with_name(f".{link.name}-{os.getpid()}")
    if tmp.is_symlink() or tmp.exists():
        tmp.unlink()
    tmp.symlink_to(target)
    if link.exists() and not link.is_symlink():
        shutil.rmtree(link)  # a store folder from before links were used
    os.replace(tmp, link)


def _remove_old_stores(out: Path, keep: str) -> None:
    # A reader that opened the previous store keeps its open files; new readers follow the link.
    for old in out.glob(f"{STORE_DIR}-*"):
        if old.name != keep and old.is_dir():
            shutil.rmtree(old, ignore_errors=True)


def class_counts_text(result: BuildResult) -> list[tuple[str, int]]:
    return list(result.class_counts)


def count_types(extractions: list[Extraction]) -> Counter:
    return Counter(a.type for e in extractions for a in e.activities)
