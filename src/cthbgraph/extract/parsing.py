"""Report text -> spaCy ``Doc``, in paragraph batches: the plumbing between a text and its parse.

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
components: a change to a gazetteer or a pattern needs no new parse. Reading many reports, cached
and in several processes, is :mod:`cthbgraph.extract.batch`.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import inspect

import numpy
from spacy.attrs import ORTH, SPACY
from spacy.language import Language
from spacy.tokens import Doc, DocBin

from . import normalise

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


def chunks_of(text: str) -> list[str]:
    """The cleaned text of a report cut into the pieces the model parses (see :func:`split_text`)."""
    return split_text(normalise.clean(text))
