"""The extractor: reports in, :class:`~cthbgraph.records.Extraction` records out.

It holds the loaded pipeline (see :mod:`cthbgraph.extract.pipeline`) and the reference data its
readings need (places, activity types); :class:`~cthbgraph.extract.reader.DocReader` turns each
parsed document into records.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from ..corpus.prose import not_english
from ..records import Extraction, Report
from .activity_types import load_activity_types
from .parsing import chunks_of, join, rule_pipes
from .pipeline import choose_model, load_pipeline, pipeline_identity
from .places import PlaceFinder
from .reader import DocReader


class Extractor:
    """Reads reports into :class:`Extraction` records.

    model (str | None): the spaCy model (see :func:`~cthbgraph.extract.pipeline.choose_model`).
    nlp (Language | None): a loaded pipeline with our components, used instead of ``model``.

    >>> extractor = Extractor()                                    # doctest: +SKIP
    >>> extraction = extractor.extract(report)                     # doctest: +SKIP
    """

    def __init__(self, model: str | None = None, nlp: Language | None = None):
        if nlp is None:
            choice = choose_model(model)
            nlp = load_pipeline(choice.name)
            #: What the extraction depends on of the model: its name and version.
            self.model = str(choice)
        else:
            self.model = pipeline_identity(nlp)
        self.nlp = nlp
        self.places = PlaceFinder()
        self.types = load_activity_types()

    def parse(self, reports: Iterable[Report], n_process: int = 1) -> Iterator[tuple[Report, Doc]]:
        """Each report with its parsed document (``doc.text == clean(report.text)``), in order.

        The model reads paragraph batches of the text (see :mod:`cthbgraph.extract.parsing`), joined
        back into one document per report before the rule components run.
        """
        reports = list(reports)
        chunks = ((chunks_of(r.text), r) for r in reports)
        pieces = ((piece, (i, len(parts))) for i, (parts, _) in enumerate(chunks) for piece in parts)
        current: list[Doc] = []
        docs = self.nlp.pipe(pieces, as_tuples=True, n_process=n_process, batch_size=4, disable=rule_pipes(self.nlp))
        for doc, (i, count) in docs:
            current.append(doc)
            if len(current) == count:
                yield reports[i], join(self.nlp, current)
                current = []

    def extract(self, report: Report) -> Extraction:
        return self.read(report, next(self.parse([report]))[1])

    def extract_all(self, reports: Iterable[Report], n_process: int = 1) -> Iterator[Extraction]:
        for report, doc in self.parse(reports, n_process=n_process):
            yield self.read(report, doc)

    def read(self, report: Report, doc: Doc) -> Extraction:
        """Turn a parsed document into records. ``doc.text`` is ``clean(report.text)``; a text that is
        not English gives none (the build summary says why)."""
        if not_english(report.text):
            return Extraction(report=report)
        return DocReader(report, doc, self).extraction()
