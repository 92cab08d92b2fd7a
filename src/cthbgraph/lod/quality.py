"""The measured accuracy published with the data: one ``dqv:QualityMeasurement`` per metric.

``cthbgraph evaluate --save GRAPH_DIR/quality.json`` writes what it measured (the hold-out of links,
the judged links, the extraction against its annotations) as :class:`QualityMeasure` records; the
site reads that file from the build folder, adds the measurements to the dataset's DCAT record
(W3C Data Quality Vocabulary) and shows them in a table on its home page.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from datetime import datetime, timezone
from decimal import Decimal
from pathlib import Path

from rdflib import Graph, Literal, Namespace, URIRef

from ..fsio import atomic_write
from ..vocab import DCTERMS, PROV, RDF, RDFS, SKOS, XSD

DQV = Namespace("http://www.w3.org/ns/dqv#")
#: Where ``cthbgraph evaluate --save`` puts the measurements in a build folder, for the site to find.
QUALITY_FILE = "quality.json"


@dataclass(frozen=True, order=True)
class QualityMeasure:
    """One figure of ``cthbgraph evaluate``: ``metric`` names what (e.g. "links hold-out test exact"),
    ``value`` the figure (0-1), ``n`` how many cases, ``date`` when (ISO), ``tool`` the tool and version."""

    metric: str
    value: float
    n: int
    date: str
    tool: str

    @property
    def key(self) -> str:
        return "-".join(self.metric.lower().replace("/", " ").split())


def measures_of(rows, *, kind: str, tool: str, date: str | None = None) -> list[QualityMeasure]:
    """Rows of ``evaluate`` as measures: link rows ``(protocol, split, metric, correct, total, value)``
    (``kind="links"``) or extraction rows ``(split, kind, metric, tp, fp, fn, p, r, f1, accuracy)``."""
    day = date or datetime.now(timezone.utc).date().isoformat()
    out = []
    for row in rows:
        if kind == "links":
            protocol, split, metric, _, total, value = row
            out.append(QualityMeasure(f"links {protocol} {split} {metric}", float(value), int(total), day, tool))
        else:
            split, what, metric, tp, _, fn, _, _, f1, accuracy = row
            if split == "dev-test":
                continue  # the gap between two measurements is not one of its own
            if accuracy != "":
                out.append(QualityMeasure(f"{what} {metric} {split} accuracy", float(accuracy), int(tp) + int(fn), day, tool))
            elif f1 != "":
                out.append(QualityMeasure(f"{what} {metric} {split} F1", float(f1), int(tp) + int(fn), day, tool))
    return out


def write_quality(path: Path | str, measures: list[QualityMeasure]) -> None:
    """``measures`` into ``path`` (JSON), merged with those already there (a new figure replaces the old)."""
    kept = {m.metric: m for m in read_quality(path)}
    kept.update({m.metric: m for m in measures})
    data = [asdict(m) for m in sorted(kept.values())]
    atomic_write(path, (json.dumps(data, indent=2, ensure_ascii=False) + "\n").encode())


def read_quality(path: Path | str) -> tuple[QualityMeasure, ...]:
    path = Path(path)
    if not path.is_file():
        return ()
    try:
        return tuple(sorted(QualityMeasure(**item) for item in json.loads(path.read_text(encoding="utf-8"))))
    except (ValueError, TypeError, KeyError):
        return ()  # a hand-edited or older file: the site is published without the table


def add_quality(g: Graph, dataset: URIRef, base: str, measures: tuple[QualityMeasure, ...]) -> None:
    """One ``dqv:QualityMeasurement`` per measure, each of its ``dqv:Metric``, on ``dataset``."""
    g.bind("dqv", DQV)
    for m in measures:
        node = URIRef(f"{base}dcat.ttl#quality-{m.key}")
        metric = URIRef(f"{base}dcat.ttl#metric-{m.key}")
        g.add((dataset, DQV.hasQualityMeasurement, node))
        g.add((node, RDF.type, DQV.QualityMeasurement))
        g.add((node, DQV.computedOn, dataset))
        g.add((node, DQV.isMeasurementOf, metric))
        g.add((node, DQV.value, Literal(Decimal(f"{m.value:.3f}"), datatype=XSD.decimal)))
        g.add((node, DCTERMS.date, Literal(m.date, datatype=XSD.date)))
        tool = URIRef(f"{base}dcat.ttl#tool-{'-'.join(m.tool.split())}")
        g.add((node, PROV.wasAttributedTo, tool))
        g.add((tool, RDF.type, PROV.SoftwareAgent))
        g.add((tool, RDFS.label, Literal(m.tool)))
        g.add((node, RDFS.comment, Literal(f"{m.n} cases")))
        g.add((metric, RDF.type, DQV.Metric))
        g.add((metric, SKOS.prefLabel, Literal(m.metric, lang="en")))
        g.add((metric, DQV.expectedDataType, XSD.decimal))
