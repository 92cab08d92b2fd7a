"""RDF serialisations of the whole graph: Turtle, N-Triples, N-Quads, RDF/XML and JSON-LD.

JSON-LD is compacted with ``context.jsonld`` (shipped in this package): keys such as ``name``,
``tasks``, ``carriedOutBy``, ``evidence`` and IRIs such as ``body:odihr`` let someone who has never
heard of RDF read the file as ordinary JSON. The context is embedded in the document, so any JSON-LD
processor reads it without network access, and is also written beside it as ``context.jsonld`` for
people who want to reuse it.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import pyoxigraph as ox

from ..vocab import DEFAULT_BASE
from .registry import Rendered

CONTEXT_FILE = "context.jsonld"
#: The named graph of an N-Quads export.
GRAPH_NAME = DEFAULT_BASE + "graph/cthb"


def context_path() -> Path:
    """RETURNS (Path): the JSON-LD context that ships with the package (publish it as it is)."""
    return Path(__file__).with_name(CONTEXT_FILE)


@lru_cache(maxsize=1)
def context() -> dict:
    """RETURNS (dict): the ``@context`` object of :func:`context_path`."""
    return json.loads(context_path().read_text(encoding="utf-8"))["@context"]


def _summary(source) -> str:
    return f"{len(source.triples)} triples"


def _prefixes() -> dict[str, str]:
    # Our vocabularies plus one prefix per kind of resource (body:odihr, provision:III.10.2), as in
    # the JSON-LD context, so Turtle and JSON-LD name things alike.
    names = {k: v for k, v in context().items() if isinstance(v, str) and v.startswith("http")}
    return dict(sorted(names.items()))


def write(source, fmt: str) -> Rendered:
    """Serialise with pyoxigraph; triples sorted, so the same graph always gives the same file."""
    triples = sorted(source.triples, key=str)
    if fmt == "ntriples":
        data = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES)
    elif fmt == "nquads":
        graph = ox.NamedNode(GRAPH_NAME)
        data = ox.serialize(
            [ox.Quad(t.subject, t.predicate, t.object, graph) for t in triples], format=ox.RdfFormat.N_QUADS
        )
    elif fmt == "rdfxml":
        data = ox.serialize(triples, format=ox.RdfFormat.RDF_XML, prefixes=_prefixes())
    else:
        data = ox.serialize(triples, format=ox.RdfFormat.TURTLE, prefixes=_prefixes())
    return Rendered((("", data),), _summary(source))


def _shorten_iris(nodes: list[dict], ctx: dict) -> None:
    """Write IRIs that rdflib left whole as compact IRIs too ("excerpt:osr-2007-annual-report/10-52").

    rdflib compacts ``body:odihr`` but not an IRI whose rest holds a "/"; JSON-LD 1.1 expands both
    alike, since every prefix of ours ends in "/". Only ids and values of terms typed ``@id`` change.
    """
    prefixes = sorted(
        (
            (name, iri)
            for name, iri in ctx.items()
            if isinstance(iri, str) and iri.startswith("https://w3id.org/cthb/id/")
        ),
        key=lambda p: -len(p[1]),
    )
    iri_terms = {"id"} | {name for name, d in ctx.items() if isinstance(d, dict) and d.get("@type") == "@id"}

    def short(value):
        if isinstance(value, list):
            return [short(v) for v in value]
        if isinstance(value, str):
            for name, iri in prefixes:
                if value.startswith(iri) and not value[len(iri) :].startswith("//"):
                    return f"{name}:{value[len(iri) :]}"
        return value

    for node in nodes:
        for key in iri_terms & node.keys():
            node[key] = short(node[key])


def write_jsonld(source) -> Rendered:
    ctx = context()
    compact = json.loads(source.graph.serialize(format="json-ld", context=ctx, auto_compact=True))
    nodes = compact.get("@graph", [compact])
    for node in nodes:
        node.pop("@context", None)
        for value in node.values():
            if isinstance(value, list):  # sets, not lists, in our context: any order means the same
                value.sort(key=lambda v: json.dumps(v, sort_keys=True, ensure_ascii=False))
    # Sorted by id: bodies, decisions, provisions ... each in one place, and the same file every build.
    _shorten_iris(nodes, ctx)
    nodes.sort(key=lambda n: str(n.get("id", "")))
    document = {"@context": ctx, "@graph": nodes}
    text = json.dumps(document, ensure_ascii=False, indent=1, sort_keys=False) + "\n"
    published = context_path().read_bytes()
    return Rendered((("", text.encode("utf-8")), (CONTEXT_FILE, published)), _summary(source))


def write_turtle(source) -> Rendered:
    return write(source, "turtle")


def write_ntriples(source) -> Rendered:
    return write(source, "ntriples")


def write_nquads(source) -> Rendered:
    return write(source, "nquads")


def write_rdfxml(source) -> Rendered:
    return write(source, "rdfxml")
