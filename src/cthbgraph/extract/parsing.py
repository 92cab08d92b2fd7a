"""Report text -> spaCy ``Doc``, in paragraph batches, cached, in one process or several.

The model's own components (tagger, parser, NER ...) are the slow part of a build. They run over
*chunks* of the cleaned text — runs of whole paragraphs of about :data:`CHUNK_CHARS` characters — so
that a few big reports spread evenly over ``jobs`` processes and no single text reaches spaCy's
``max_length``. The chunk documents are joined back with ``Doc.from_docs`` (nothing inserted between
them, so ``doc.text == clean(report.text)`` and every offset stays exact), then the rule components
that only add spans (``cthb_*`` assigning ``doc.spans``: gazetteer, document references) run over
the whole joined document; a component of ours that the parser depends on (sentence starts) runs
in the parse of the chunks, in its place.

Chunking does not depend on ``jobs``: a build with one process and a build with eight read exactly
the same documents and give byte-identical graphs.

What is cached (see :mod:`cthbgraph.cache`) is the parse of the chunks, before the rule
components: a change to a gazetteer or a pattern needs no new parse.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import importlib.metadata
import inspect
import multiprocessing
import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass

import numpy
from spacy.attrs import ORTH, SPACY
from spacy.language import Language
from spacy.tokens import Doc, DocBin

from .extract import normalise
from .records import Extraction, Report

CHUNK_CHARS = 20_000
TASK_CHUNKS = 2  # chunks per task of a worker process
RULE_PREFIX = "cthb_"  # components of ours; the others belong to the model


def split_text(text: str, size: int | None = None) -> list[str]:
    """Pieces of ``text`` of about ``size`` (default :data:`CHUNK_CHARS`) characters that
    concatenate back to ``text``.

    A piece ends after a blank line when there is one in reach, else after a line end, else after a
    sentence end, else after any space; a text with none of these is cut at ``size``.

    >>> split_text("one.\\n\\ntwo.", size=6)
    ['one.\\n\\n', 'two.']
    """
    size = size or CHUNK_CHARS
    pieces = []
    start = 0
    while len(text) - start > size:
        window = slice(start + size // 4, start + size)
        cut = -1
        for sep in ("\n\n", "\n", ". ", " "):
            found = text.rfind(sep, window.start, window.stop)
            if found >= 0:
                cut = found + len(sep)
                break
        if cut < 0:
            cut = start + size
        # The next piece starts at a word: whitespace stays with the piece before, as spaCy's
        # tokeniser would attach it in the whole text.
        while cut < len(text) and text[cut].isspace():
            cut += 1
        pieces.append(text[start:cut])
        start = cut
    if start < len(text) or not pieces:
        pieces.append(text[start:])
    return pieces


def rule_pipes(nlp: Language) -> list[str]:
    """Our components that only add spans (and ``user_data``): run over the joined document.

    A component of ours that writes what the model reads (sentence starts, for the parser) stays
    in its place, in the parse of the chunks.
    """
    return [
        name
        for name in nlp.pipe_names
        if name.startswith(RULE_PREFIX) and set(nlp.get_pipe_meta(name).assigns) <= _SPAN_ONLY
    ]


_SPAN_ONLY = {"doc.spans", "doc.user_data"}


def model_pipes(nlp: Language) -> list[str]:
    """The components of the parse, in order: the model's and those of ours it depends on."""
    rules = set(rule_pipes(nlp))
    return [name for name in nlp.pipe_names if name not in rules]


def model_id(nlp: Language) -> str:
    """What the cached parses depend on: model name and version, spaCy version, components of the
    parse (with the source of those of ours and of the text cleaning), chunk size."""
    meta = nlp.meta
    ours = hashlib.sha256(inspect.getsource(normalise).encode())
    for name in model_pipes(nlp):
        if name.startswith(RULE_PREFIX):
            pipe = nlp.get_pipe(name)
            ours.update(inspect.getsource(pipe if inspect.isfunction(pipe) else type(pipe)).encode())
    return " ".join(
        [
            f"{meta.get('lang', '')}_{meta.get('name', '')}=={meta.get('version', '')}",
            f"spacy=={_version('spacy')}",
            "components=" + ",".join(model_pipes(nlp)),
            f"ours={ours.hexdigest()[:16]}",
            f"chunk={CHUNK_CHARS}",
        ]
    )


def _version(dist: str) -> str:
    try:
        return importlib.metadata.version(dist)
    except importlib.metadata.PackageNotFoundError:
        return ""


def text_key(text: str, model: str) -> str:
    """The cache key of the parse of one report text by one model (and its cleaning: see :func:`model_id`)."""
    return hashlib.sha256(f"{model}\n".encode() + text.encode("utf-8", "surrogatepass")).hexdigest()


def parse_chunks(nlp: Language, chunks: list[str], n_process: int = 1) -> list[Doc]:
    """The model's documents of the chunks (rule components not run)."""
    return list(nlp.pipe(chunks, n_process=n_process, batch_size=4, disable=rule_pipes(nlp)))


class TextDoc(Doc):
    """A ``Doc`` whose ``text`` (and ``ents``) are made once, not on every access.

    ``Doc.text`` joins the text of every token each time it is read; the readers of a document
    slice ``doc.text`` for every sentence or mention, which made reading a 200 KB report take
    minutes (quadratic) instead of a second. A parsed document's text never changes.
    """

    @property
    def text(self) -> str:
        try:
            return self._text
        except AttributeError:
            self._text = Doc.text.__get__(self)
            return self._text

    # ``doc.ents`` builds a span of every entity on each access, and ``sentence.ents`` reads it for
    # every sentence: kept until the entities are set again.
    @property
    def ents(self):
        try:
            return self._ents
        except AttributeError:
            self._ents = Doc.ents.__get__(self)
            return self._ents

    @ents.setter
    def ents(self, value) -> None:
        Doc.ents.__set__(self, value)
        self.__dict__.pop("_ents", None)


def join(nlp: Language, chunk_docs: list[Doc]) -> Doc:
    """One document of the chunk documents, then the rule components over it."""
    doc = _concat(nlp, chunk_docs)
    for name in rule_pipes(nlp):
        doc = nlp.get_pipe(name)(doc)
    return doc


def _concat(nlp: Language, docs: list[Doc]) -> TextDoc:
    """``Doc.from_docs(docs, ensure_whitespace=False)`` as a :class:`TextDoc`, from the token arrays.

    The chunk documents carry no spans nor ``user_data`` yet (the components that add them run on
    the joined document), so the arrays are all there is to join.
    """
    attrs = list(Doc._get_array_attrs())
    array = numpy.concatenate([d.to_array(attrs) for d in docs])
    strings = nlp.vocab.strings
    words = [strings[int(orth)] for orth in array[:, attrs.index(ORTH)]]
    spaces = [bool(space) for space in array[:, attrs.index(SPACY)]]
    doc = TextDoc(nlp.vocab, words=words, spaces=spaces)
    if len(doc):
        doc.from_array(attrs, array)
    return doc


def to_bytes(docs: list[Doc]) -> bytes:
    return DocBin(store_user_data=True, docs=docs).to_bytes()


def from_bytes(nlp: Language, data: bytes) -> list[Doc]:
    return list(DocBin(store_user_data=True).from_bytes(data).get_docs(nlp.vocab))


# ------------------------------------------------------------------------------ building reports


@dataclass(frozen=True)
class ReadReport:
    """One report through the NLP stage: its records, how many sentences, and whether it was cached."""

    index: int
    extraction: Extraction
    sentences: int
    cached: bool


# State of a worker process: inherited from the parent by fork (the model is loaded once, there).
_WORKER: dict[str, object] = {}


def _read(extractor, report: Report, chunk_docs: list[Doc]) -> tuple[Extraction, int]:
    doc = join(extractor.nlp, chunk_docs)
    return extractor.read(report, doc), sum(1 for _ in doc.sents)


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
    reports = list(reports)
    nlp = extractor.nlp
    model = model_id(nlp)
    # Only the reports being parsed have their cleaned text and chunks: a corpus's worth of them
    # would double the memory its text takes.
    pending: list[tuple[int, Report, str]] = []
    for index, report in enumerate(reports):
        key = text_key(report.text, model)
        if cache is not None:
            record = cache.get_record(key, report)
            if record is not None:
                yield _done(on_read, ReadReport(index, *record, True))
                continue
            docs = _cached_docs(nlp, cache, key)
            if docs is not None:
                extraction, sentences = _read(extractor, report, docs)
                cache.put_record(key, report, extraction, sentences)
                yield _done(on_read, ReadReport(index, extraction, sentences, True))
                continue
        pending.append((index, report, key))
    if not pending:
        return
    if jobs <= 1:
        for index, report, key in pending:
            docs = parse_chunks(nlp, _chunks(report))
            if cache is not None:
                cache.put_docs(key, to_bytes(docs))
            extraction, sentences = _read(extractor, report, docs)
            if cache is not None:
                cache.put_record(key, report, extraction, sentences)
            yield _done(on_read, ReadReport(index, extraction, sentences, False))
        return
    # Longest first: the processes then end together, on the short reports, instead of one of them
    # reading the longest report alone at the end.
    pending.sort(key=lambda p: -len(p[1].text))
    yield from _read_parallel(extractor, pending, jobs, cache, on_read)


def _chunks(report: Report) -> list[str]:
    return split_text(normalise.clean(report.text))


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


def _read_parallel(extractor, pending, jobs: int, cache, on_read) -> Iterator[ReadReport]:
    """Chunks to the pool in report order, at most ``2 * jobs`` tasks in flight; a report's read task goes
    in as soon as its last chunk is back, so reads overlap with the parsing of later reports."""
    _WORKER["extractor"] = extractor
    _WORKER["cache"] = cache
    tasks = _parse_tasks(pending)
    task = next(tasks, None)
    parts: dict[int, list[bytes | None]] = {}
    running: dict[Future, tuple[str, int, int]] = {}
    limit = 2 * jobs
    try:
        with forked_pool(jobs) as pool:
            while task is not None or running:
                while task is not None and sum(1 for k in running.values() if k[0] == "parse") < limit:
                    i, c, n, group = task
                    parts.setdefault(i, [None] * n)
                    running[pool.submit(_work_parse, group)] = ("parse", i, c)
                    task = next(tasks, None)
                done, _ = wait(running, return_when=FIRST_COMPLETED)
                for future in done:
                    kind, i, c = running.pop(future)
                    index, report, key = pending[i]
                    if kind == "parse":
                        parts[i][c] = future.result()
                        if all(part is not None for part in parts[i]):
                            ordered = parts.pop(i)
                            running[pool.submit(_work_read, report, ordered, key if cache else None)] = ("read", i, 0)
                    else:
                        extraction, sentences = future.result()
                        if cache is not None:
                            cache.put_record(key, report, extraction, sentences)
                        yield _done(on_read, ReadReport(index, extraction, sentences, False))
    finally:
        _WORKER.clear()


def _parse_tasks(pending) -> Iterator[tuple[int, int, int, list[str]]]:
    """(report, task, tasks of the report, chunks) in order; a report is cleaned and cut when reached.

    Tasks of two chunks: the model is faster on batches, and there are still enough tasks to share.
    """
    for i, (_, report, _) in enumerate(pending):
        chunks = _chunks(report)
        groups = [chunks[j : j + TASK_CHUNKS] for j in range(0, len(chunks), TASK_CHUNKS)]
        for c, group in enumerate(groups):
            yield i, c, len(groups), group


def in_processes(function: Callable, items: list, jobs: int) -> Iterator:
    """``map(function, items)`` in ``jobs`` forked processes (in this one when ``jobs`` is 1), in order."""
    if jobs <= 1 or len(items) < 2:
        yield from map(function, items)
        return
    with forked_pool(jobs) as pool:
        yield from pool.map(function, items)


@contextlib.contextmanager
def forked_pool(jobs: int) -> Iterator[ProcessPoolExecutor]:
    """``jobs`` processes forked from this one: they inherit what it holds (the model, the data of
    the stage) without copying it, and die with it."""
    # Frozen, what exists now is neither scanned nor copied by the garbage collector of the workers.
    gc.freeze()
    try:
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=_init_worker) as pool:
            yield pool
    finally:
        gc.unfreeze()


def _init_worker() -> None:
    # A worker dies with the build: a build killed with SIGKILL leaves no process behind (Linux).
    try:
        import ctypes
        import signal

        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass
    # Threads of the BLAS library would fight the worker processes for the same cores.
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    try:
        from threadpoolctl import threadpool_limits

        threadpool_limits(1)
    except ImportError:
        pass
