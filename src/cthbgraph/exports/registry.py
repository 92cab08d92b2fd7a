"""The export formats: one map from a format's name to its writer, media type and help text.

In the manner of rdflib's plugin registry, a format names its writer as ``"module:function"`` and
the module is imported on first use, so ``cthbgraph export --help`` lists every format without
loading matplotlib or networkx.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass

from ..errors import UnknownTermError


@dataclass(frozen=True)
class Format:
    """One export format.

    name (str): what ``--format`` takes, e.g. ``"graphml"``.
    media_type (str): the IANA media type of the written file (of each file, for a folder).
    extension (str): file name suffix of the default output name, e.g. ``".graphml"``.
    group (str): ``rdf``, ``network``, ``page``, ``tables`` or ``picture``.
    help (str): one line for ``--help`` and docs/exports.md.
    writer (str): ``"module:function"`` relative to this package; the function takes an
        :class:`~cthbgraph.exports.source.ExportInput` and returns a :class:`Rendered`.
    folder (bool): writes a folder of files rather than one file.
    binary (bool): the output is not text (cannot go to standard output).
    selection (str): which selection options it accepts: ``"any"`` (--focus/--depth/--chapter),
        ``"chapter"`` (--chapter only) or ``""`` (none: the whole graph).
    """

    name: str
    media_type: str
    extension: str
    group: str
    help: str
    writer: str
    folder: bool = False
    binary: bool = False
    selection: str = ""

    def load(self) -> Callable:
        module, _, function = self.writer.partition(":")
        return getattr(importlib.import_module(f"{__package__}.{module}"), function)

    @property
    def default_name(self) -> str:
        return "cthb-tables" if self.folder else f"cthb{self.extension}"


@dataclass(frozen=True)
class Rendered:
    """What a writer produced, in memory, before anything is written.

    files: (relative name, bytes) pairs; the name ``""`` is the main file (the ``--out`` path) of a
        one-file format; other names are written beside it (or inside the folder of a folder format).
    summary: one line for the user, e.g. "683 nodes, 1160 edges".
    """

    files: tuple[tuple[str, bytes], ...]
    summary: str = ""


FORMATS: dict[str, Format] = {}


def register(fmt: Format) -> Format:
    FORMATS[fmt.name] = fmt
    return fmt


def get_format(name: str) -> Format:
    """The format called ``name`` (case-insensitive), or an error naming the closest ones."""
    fmt = FORMATS.get(name.strip().lower())
    if fmt is None:
        error = UnknownTermError(f"unknown export format {name!r}", term=name.strip().lower(), choices=FORMATS)
        if not error.closest:
            error.hint = "formats: " + ", ".join(FORMATS)
        raise error
    return fmt


for _fmt in (
    Format(
        "turtle", "text/turtle", ".ttl", "rdf", "RDF as Turtle, prefixed and grouped by resource", "rdf:write_turtle"
    ),
    Format(
        "ntriples",
        "application/n-triples",
        ".nt",
        "rdf",
        "RDF as N-Triples, one triple a line, sorted",
        "rdf:write_ntriples",
    ),
    Format(
        "nquads",
        "application/n-quads",
        ".nq",
        "rdf",
        "RDF as N-Quads in the named graph of the build",
        "rdf:write_nquads",
    ),
    Format(
        "rdfxml",
        "application/rdf+xml",
        ".rdf",
        "rdf",
        "RDF/XML, for older RDF tools (Protégé, Jena)",
        "rdf:write_rdfxml",
    ),
    Format(
        "jsonld",
        "application/ld+json",
        ".jsonld",
        "rdf",
        "JSON-LD compacted with the cthb context (plain JSON keys; context.jsonld written beside)",
        "rdf:write_jsonld",
    ),
    Format(
        "graphml",
        "application/graphml+xml",
        ".graphml",
        "network",
        "network for Gephi, Cytoscape, yEd (GraphML)",
        "network:write_graphml",
        selection="any",
    ),
    Format(
        "gexf",
        "application/gexf+xml",
        ".gexf",
        "network",
        "network for Gephi (GEXF 1.2)",
        "network:write_gexf",
        selection="any",
    ),
    Format(
        "cytoscape",
        "application/json",
        ".cyjs",
        "network",
        "network as Cytoscape.js JSON (elements: nodes, edges)",
        "network:write_cytoscape",
        selection="any",
    ),
    Format(
        "dot",
        "text/vnd.graphviz",
        ".dot",
        "network",
        "network for Graphviz: dot layout when small, sfdp when large; legend drawn",
        "dot:write_dot",
        selection="any",
    ),
    Format(
        "html",
        "text/html",
        ".html",
        "page",
        "interactive network page: search, filters, evidence; opens offline",
        "html:write",
        selection="any",
    ),
    Format(
        "csv",
        "text/csv",
        "",
        "tables",
        "folder of CSV tables: provisions, bodies, activities, tasking",
        "tables:write",
        folder=True,
    ),
    Format(
        "heatmap-svg",
        "image/svg+xml",
        ".svg",
        "picture",
        "provision × body coverage heatmap (SVG)",
        "heatmap:write_svg",
        selection="chapter",
    ),
    Format(
        "heatmap-png",
        "image/png",
        ".png",
        "picture",
        "provision × body coverage heatmap (PNG)",
        "heatmap:write_png",
        binary=True,
        selection="chapter",
    ),
):
    register(_fmt)
