"""Check a graph against shapes/*.ttl with pySHACL and report what is wrong in words a researcher reads.

pySHACL's own result is an RDF graph; here each result becomes a frozen `ValidationResult` that also
carries the evidence sentence of the resource in question, so a defect can be checked against the
report without opening the graph.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from pyshacl import validate as shacl_validate
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SH, SKOS
from rdflib.term import Node

from .output import shorten
from .resources import ontology_path, shapes_paths
from .vocab import CTHB, OA, bind_prefixes

__all__ = ["Severity", "ValidationReport", "ValidationResult", "validate"]

_EVIDENCE_CHARS = 200


class Severity(str, enum.Enum):
    """SHACL severities, most serious first (a str, so results that differ only here still sort)."""

    VIOLATION = "Violation"
    WARNING = "Warning"
    INFO = "Info"


@dataclass(frozen=True, order=True)
class ValidationResult:
    """One defect: which resource, which rule, and the sentence the resource was read from.

    focus (str): the IRI of the resource that fails.
    focus_label (str): its skos:prefLabel, rdfs:label or notation, or "".
    path (str): the property checked, as a compact IRI (e.g. "prov:wasDerivedFrom"), or "".
    rule (str): the constraint component, short (e.g. "MinCount", "Pattern", "Class").
    value (str): the offending value, or "" when the defect is a missing value.
    message (str): what is wrong, in English (the shape's sh:message).
    severity (Severity): Violation, Warning or Info.
    evidence (str): oa:exact of the focus's first prov:wasDerivedFrom excerpt (of the focus itself when
        it is an excerpt), or "".
    report (str): the IRI of the report that excerpt comes from, or "".
    """

    # Field order is the sort order: results group by resource, then by property.
    focus: str
    focus_label: str
    path: str
    rule: str
    value: str
    message: str
    severity: Severity
    evidence: str = ""
    report: str = ""


@dataclass(frozen=True)
class ValidationReport:
    """The outcome of `validate`: whether the graph conforms and every defect found.

    conforms (bool): True when pySHACL reports no result of any severity.
    results (tuple[ValidationResult, ...]): the defects, sorted.
    triples (int): the number of triples in the data graph checked (ontology not counted).
    """

    conforms: bool
    results: tuple[ValidationResult, ...]
    triples: int

    @classmethod
    def combine(cls, reports: Iterable[ValidationReport], triples: int) -> ValidationReport:
        """One report of the parts of a graph validated one by one (``triples``: of the whole)."""
        reports = list(reports)
        results = tuple(sorted({r for report in reports for r in report.results}))
        return cls(conforms=all(r.conforms for r in reports), results=results, triples=triples)

    def render(self) -> str:
        """RETURNS (str): the report as text, a header line then one block per result."""
        lines = [self._header()]
        prefixes = bind_prefixes(Graph()).namespace_manager
        for r in self.results:
            name = r.focus_label or _compact(r.focus, prefixes)
            lines.append(f"• {name} — {r.message}")
            rule = f"    rule: {r.rule}" + (f" on {r.path}" if r.path else "")
            if r.value:
                rule += f", value: {r.value}"
            lines.append(rule)
            if r.evidence:
                source = f" ({_compact(r.report, prefixes)})" if r.report else ""
                lines.append(f"    evidence{source}: “{shorten(r.evidence, _EVIDENCE_CHARS)}”")
            else:
                lines.append("    evidence: none")
        return "\n".join(lines)

    def _header(self) -> str:
        counts = {s: sum(r.severity is s for r in self.results) for s in Severity}
        found = ", ".join(
            f"{n} {s.value.lower()}{'s' if n != 1 else ''}" for s, n in counts.items() if n or s is Severity.VIOLATION
        )
        verdict = "Conforms" if self.conforms else "Does not conform"
        return f"{verdict}: {found} in {self.triples} triples"


def validate(data: Graph) -> ValidationReport:
    """Validate `data` against the cthbgraph shapes, with the ontology's class hierarchy.

    data (Graph): the knowledge graph (or any part of it); it holds the same triples on return.
    RETURNS (ValidationReport): conformance and the readable results.
    """
    triples = len(data)
    # Targets and sh:class follow rdfs:subClassOf (a cthb:FieldOperation is a cthb:Body), so the
    # class hierarchy (the ontology's classes and its activity-type concepts) goes into the data for
    # the check and out again. Only those triples: pySHACL's own ont_graph mix-in clones the whole
    # ontology node by node and takes minutes on a real build; and only into the data itself, as a
    # copy of a report's graph took a quarter of its check.
    added = [t for t in _class_hierarchy() if t not in data]
    for triple in added:
        data.add(triple)
    try:
        conforms, results_graph, _ = shacl_validate(
            data,
            shacl_graph=_shapes(),
            inference="none",
            advanced=False,
            abort_on_first=False,
            allow_warnings=False,
            allow_infos=False,
        )
    finally:
        for triple in added:
            data.remove(triple)
    prefixes = bind_prefixes(Graph()).namespace_manager
    results = tuple(
        sorted(_result(data, results_graph, node, prefixes) for node in results_graph.subjects(RDF.type, SH.ValidationResult))
    )
    return ValidationReport(conforms=bool(conforms), results=results, triples=triples)


@lru_cache(maxsize=1)
def _ontology() -> Graph:
    # Cached: parsed once per process; never modified (the data is copied into `mixed` instead).
    return Graph().parse(ontology_path(), format="turtle")


@lru_cache(maxsize=1)
def _class_hierarchy() -> Graph:
    hierarchy = Graph()
    for triple in _ontology().triples((None, RDFS.subClassOf, None)):
        if isinstance(triple[2], URIRef):
            hierarchy.add(triple)
    # The ontology's own individuals: the activity-type concepts that activities point to.
    for concept in _ontology().subjects(RDF.type, CTHB.ActivityType):
        for p, o in _ontology().predicate_objects(concept):
            hierarchy.add((concept, p, o))
    return hierarchy


@lru_cache(maxsize=1)
def _shapes() -> Graph:
    shapes = Graph()
    for path in shapes_paths():
        shapes.parse(path, format="turtle")
    return shapes


def _result(data: Graph, report: Graph, node: Node, prefixes) -> ValidationResult:
    focus = report.value(node, SH.focusNode)
    path = report.value(node, SH.resultPath)
    value = report.value(node, SH.value)
    component = report.value(node, SH.sourceConstraintComponent)
    severity = report.value(node, SH.resultSeverity)
    messages = sorted(str(m) for m in report.objects(node, SH.resultMessage))
    evidence, source = _evidence(data, focus)
    return ValidationResult(
        focus=str(focus),
        focus_label=_label(data, focus),
        path=_compact(path, prefixes) if isinstance(path, URIRef) else "",
        rule=_rule_name(component),
        value=_show(value, prefixes),
        message=messages[0] if messages else "",
        severity=Severity(str(severity).rsplit("#", 1)[-1]) if severity else Severity.VIOLATION,
        evidence=evidence,
        report=source,
    )


def _rule_name(component: Node | None) -> str:
    # sh:MinCountConstraintComponent -> "MinCount"
    name = str(component or "").rsplit("#", 1)[-1]
    return name.removesuffix("ConstraintComponent")


def _label(data: Graph, focus: Node) -> str:
    """A name for the focus: its label, else "<Class> <notation>" (e.g. "Provision III.10.2"), else ""."""
    for prop in (SKOS.prefLabel, RDFS.label):
        label = data.value(focus, prop)
        if label is not None:
            return str(label)
    notation = data.value(focus, SKOS.notation)
    if notation is None:
        return ""
    kind = _most_specific_type(data, focus)
    return f"{kind} {notation}" if kind else str(notation)


def _most_specific_type(data: Graph, focus: Node) -> str:
    # The data may state both cthb:Decision and cthb:CommitmentDocument; name the narrower one.
    ontology = _ontology()
    types = {t for t in data.objects(focus, RDF.type) if t in CTHB}
    broader = {s for t in types for s in ontology.transitive_objects(t, RDFS.subClassOf) if s != t}
    names = sorted(str(t).rsplit("#", 1)[-1] for t in types - broader)
    return names[0] if names else ""


def _evidence(data: Graph, focus: Node) -> tuple[str, str]:
    """(oa:exact, report IRI) of the excerpt `focus` was read from; an excerpt is its own evidence."""
    candidates = [focus] if data.value(focus, OA.exact) is not None else []
    candidates += [e for e in data.objects(focus, PROV.wasDerivedFrom) if data.value(e, OA.exact) is not None]
    if not candidates:
        return "", ""

    # Several excerpts: take the earliest (by report, then offset) so the choice is deterministic.
    def position(excerpt: Node) -> tuple[str, int, str]:
        start = data.value(excerpt, OA.start)
        offset = int(start) if isinstance(start, Literal) and str(start).isdigit() else 0
        return str(data.value(excerpt, DCTERMS.source) or ""), offset, str(excerpt)

    chosen = min(candidates, key=position)
    source = data.value(chosen, DCTERMS.source)
    return str(data.value(chosen, OA.exact)), str(source) if source is not None else ""


def _compact(iri: Node | str, prefixes) -> str:
    """A prefixed name when a bound namespace matches, else the IRI itself (never invents a prefix)."""
    text = str(iri)
    best = ("", "")
    for prefix, namespace in prefixes.namespaces():
        ns = str(namespace)
        if text.startswith(ns) and len(ns) > len(best[1]):
            best = (prefix, ns)
    return f"{best[0]}:{text[len(best[1]):]}" if best[1] else text


def _show(value: Node | None, prefixes) -> str:
    if value is None:
        return ""
    if isinstance(value, Literal):
        quoted = f'"{value}"'
        return quoted if value.datatype is None else f"{quoted}^^{_compact(value.datatype, prefixes)}"
    if isinstance(value, BNode):
        return "[blank node]"
    return _compact(value, prefixes)
