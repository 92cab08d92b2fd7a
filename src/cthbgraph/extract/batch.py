"""Many reports through parse and read: cached, in one process or in ``jobs`` forked processes.

This is the NLP stage of a build. A report whose records are cached is not parsed; one whose parse
is cached is read again from it (a changed gazetteer or rule needs no new parse); the others are
cut into paragraph batches (:func:`~cthbgraph.extract.parsing.chunks_of`) that the processes share,
so a corpus of a few big reports keeps every process busy too.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, wait
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from ..processes import forked_pool
from ..records import Extraction, Report
from .parsing import chunks_of, from_bytes, join, model_id, parse_chunks, text_key, to_bytes

TASK_CHUNKS = 2  # chunks per task of a worker process


@dataclass(frozen=True)
class ReadReport:
    """One report through the NLP stage: its records, how many sentences, and whether it was cached."""

    index: int
    extraction: Extraction
    sentences: int
    cached: bool


# A report still to parse: its index in the corpus, the report, the cache key of its parse.
_Pending = tuple[int, Report, str]


def read_reports(
    extractor,
    reports: Iterable[Report],
    *,
    jobs: int = 1,
    cache=None,
    on_read: Callable[[ReadReport], None] | None = None,
) -> Iterator[ReadReport]:
    """Every report through parse and ``extractor.read``, yielded as each finishes (any order).

    ``cache`` (a :class:`cthbgraph.cache.BuildCache` or None) gives parses and records already made;
    what is new goes into it. With ``jobs > 1`` parsing and reading run in that many forked
    processes; the main process only schedules. Memory stays bounded: only the reports in flight
    have documents, and those exist as serialised ``DocBin`` bytes.
    """
    pending: list[_Pending] = []
    for item in _from_cache(extractor, list(reports), cache, pending):
        yield _done(on_read, item)
    if not pending:
        return
    if jobs <= 1:
        items = _read_serial(extractor, pending, cache)
    else:
        # Longest first: the processes then end together, on the short reports, instead of one of
        # them reading the longest report alone at the end.
        pending.sort(key=lambda p: -len(p[1].text))
        items = _read_parallel(extractor, pending, jobs, cache)
    for item in items:
        yield _done(on_read, item)


def _from_cache(extractor, reports: list[Report], cache, pending: list[_Pending]) -> Iterator[ReadReport]:
    """The reports the cache holds records or a parse of; the others are appended to ``pending``.

    Only the reports being parsed get their cleaned text and chunks: a corpus's worth of them
    would double the memory its text takes.
    """
    nlp = extractor.nlp
    model = model_id(nlp)
    for index, report in enumerate(reports):
        key = text_key(report.text, model)
        if cache is not None:
            record = cache.get_record(key, report)
            if record is not None:
                yield ReadReport(index, *record, True)
                continue
            docs = _cached_docs(nlp, cache, key)
            if docs is not None:
                extraction, sentences = _read(extractor, report, docs)
                cache.put_record(key, report, extraction, sentences)
                yield ReadReport(index, extraction, sentences, True)
                continue
        pending.append((index, report, key))


def _read_serial(extractor, pending: list[_Pending], cache) -> Iterator[ReadReport]:
    for index, report, key in pending:
        docs = parse_chunks(extractor.nlp, chunks_of(report.text))
        if cache is not None:
            cache.put_docs(key, to_bytes(docs))
        extraction, sentences = _read(extractor, report, docs)
        if cache is not None:
            cache.put_record(key, report, extraction, sentences)
        yield ReadReport(index, extraction, sentences, False)


def _read(extractor, report: Report, chunk_docs: list[Doc]) -> tuple[Extraction, int]:
    doc = join(extractor.nlp, chunk_docs)
    return extractor.read(report, doc), sum(1 for _ in doc.sents)


def _cached_docs(nlp: Language, cache, key: str) -> list[Doc] | None:
    data = cache.get_docs(key)
    if data is None:
        return None
    try:
        return from_bytes(nlp, data)
    except Exception:  # a damaged entry (DocBin raises ValueError, msgpack others): parse again
        return None


def _done(on_read, item: ReadReport) -> ReadReport:
    if on_read is not None:
        on_read(item)
    return item


# ---------------------------------------------------------------------------- in several processes

# State of a worker process: inherited from the parent by fork (the model is loaded once, there).
_WORKER: dict[str, object] = {}


def _work_parse(chunks: list[str]) -> bytes:
    nlp = _WORKER["extractor"].nlp  # type: ignore[attr-defined]
    return to_bytes(parse_chunks(nlp, chunks))


def _work_read(report: Report, parts: list[bytes], key: str | None) -> tuple[Extraction, int]:
    extractor = _WORKER["extractor"]
    cache = _WORKER["cache"]
    docs = [d for part in parts for d in from_bytes(extractor.nlp, part)]  # type: ignore[attr-defined]
    if cache is not None and key is not None:
        cache.put_docs(key, to_bytes(docs))  # type: ignore[attr-defined]
    return _read(extractor, report, docs)


def _read_parallel(extractor, pending: list[_Pending], jobs: int, cache) -> Iterator[ReadReport]:
    """Chunks to the pool in report order, at most ``2 * jobs`` tasks in flight; a report's read task goes
    in as soon as its last chunk is back, so reads overlap with the parsing of later reports."""
    _WORKER["extractor"] = extractor
    _WORKER["cache"] = cache
    tasks = _parse_tasks(pending)
    task = next(tasks, None)
    parts: dict[int, list[bytes | None]] = {}
    running: dict[Future, tuple[str, int, int]] = {}
    try:
        with forked_pool(jobs) as pool:
            while task is not None or running:
                while task is not None and sum(1 for k in running.values() if k[0] == "parse") < 2 * jobs:
                    i, c, n, group = task
                    parts.setdefault(i, [None] * n)
                    running[pool.submit(_work_parse, group)] = ("parse", i, c)
                    task = next(tasks, None)
                done, _ = wait(running, return_when=FIRST_COMPLETED)
                for future in done:
                    kind, i, c = running.pop(future)
                    index, report, key = pending[i]
                    if kind == "read":
                        extraction, sentences = future.result()
                        if cache is not None:
                            cache.put_record(key, report, extraction, sentences)
                        yield ReadReport(index, extraction, sentences, False)
                        continue
                    parts[i][c] = future.result()
                    if all(part is not None for part in parts[i]):
                        ordered = parts.pop(i)
                        running[pool.submit(_work_read, report, ordered, key if cache else None)] = ("read", i, 0)
    finally:
        _WORKER.clear()


def _parse_tasks(pending: list[_Pending]) -> Iterator[tuple[int, int, int, list[str]]]:
    """(report, task, tasks of the report, chunks) in order; a report is cleaned and cut when reached.

    Tasks of two chunks: the model is faster on batches, and there are still enough tasks to share.
    """
    for i, (_, report, _) in enumerate(pending):
        chunks = chunks_of(report.text)
        groups = [chunks[j : j + TASK_CHUNKS] for j in range(0, len(chunks), TASK_CHUNKS)]
        for c, group in enumerate(groups):
            yield i, c, len(groups), group
