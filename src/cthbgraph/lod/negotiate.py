"""Content negotiation: pick the media type to answer with from a request's ``Accept`` header.

Follows RFC 9110 section 12.5.1: the client's quality values decide, a more specific range beats
a less specific one, ``q=0`` excludes, and among equal choices the server's order of preference
wins. No ``Accept`` header means anything is acceptable.
"""

from __future__ import annotations

from collections.abc import Sequence

#: What a resource can be answered with, in the server's order of preference (HTML first for browsers).
RESOURCE_TYPES = ("text/html", "text/turtle", "application/ld+json", "application/n-triples", "application/rdf+xml")
#: Answers to SELECT and ASK queries.
RESULT_TYPES = ("application/sparql-results+json", "application/sparql-results+xml", "text/csv", "text/tab-separated-values")
#: Answers to CONSTRUCT and DESCRIBE queries.
GRAPH_TYPES = ("text/turtle", "application/n-triples", "application/ld+json", "application/rdf+xml")

#: Short names accepted in the ``format`` (or ``output``) parameter of the SPARQL endpoint, per kind of
#: result: the names SPARQLWrapper sends (xml, json, json-ld, turtle, n3, rdf, rdf+xml, csv, tsv)
#: and the file extensions. A name means the format of that kind that a client asking for it can
#: read: "xml" is SPARQL XML results for SELECT/ASK and RDF/XML for CONSTRUCT/DESCRIBE.
RESULT_FORMATS = {
    "json": "application/sparql-results+json",
    "srj": "application/sparql-results+json",
    "xml": "application/sparql-results+xml",
    "srx": "application/sparql-results+xml",
    "csv": "text/csv",
    "tsv": "text/tab-separated-values",
}
GRAPH_FORMATS = {
    "turtle": "text/turtle",
    "ttl": "text/turtle",
    "n3": "text/turtle",  # Turtle is N3 without N3's extensions: every N3 reader reads it
    "nt": "application/n-triples",
    "ntriples": "application/n-triples",
    "n-triples": "application/n-triples",
    "json-ld": "application/ld+json",
    "jsonld": "application/ld+json",
    "json": "application/ld+json",
    "xml": "application/rdf+xml",
    "rdf": "application/rdf+xml",
    "rdf+xml": "application/rdf+xml",
    "rdfxml": "application/rdf+xml",
    "xml-rdf": "application/rdf+xml",
}

# Other names clients send for what we offer: name -> the offers it stands for. SPARQLWrapper asks
# for Turtle as application/turtle, for N3 also as text/n3 (answered with Turtle, which N3
# readers read), for JSON-LD also as application/x-json+ld, for JSON results also as JavaScript.
_ALIASES = {
    "application/xhtml+xml": ("text/html",),
    "application/json": ("application/sparql-results+json", "application/ld+json"),
    "text/javascript": ("application/sparql-results+json",),
    "application/javascript": ("application/sparql-results+json",),
    "application/x-turtle": ("text/turtle",),
    "application/turtle": ("text/turtle",),
    "text/n3": ("text/turtle",),
    "application/n3": ("text/turtle",),
    "text/rdf+n3": ("text/turtle",),
    "application/x-json+ld": ("application/ld+json",),
    "text/plain": ("application/n-triples",),
    "application/xml": ("application/sparql-results+xml", "application/rdf+xml"),
    "text/xml": ("application/sparql-results+xml", "application/rdf+xml"),
}


def result_media(form: str, formats: Sequence[str], accept: str | None) -> tuple[str | None, tuple[str, ...]]:
    """The media type to answer a query of ``form`` with, and the offers it was chosen from.

    The ``format``/``output`` values come first, in order (a short name of :data:`RESULT_FORMATS`
    or :data:`GRAPH_FORMATS`, or a media type); a value that names nothing this form can give is
    passed over, as SPARQLWrapper expects (it sends ``format=csv`` with ``Accept: */*`` for a
    CONSTRUCT), and the ``Accept`` header decides. None when nothing fits (406).
    """
    graph = form in ("CONSTRUCT", "DESCRIBE")
    offers = GRAPH_TYPES if graph else RESULT_TYPES
    names = GRAPH_FORMATS if graph else RESULT_FORMATS
    for value in formats:
        value = value.strip().lower()
        media = names.get(value) or (choose(value, offers) if "/" in value else None)
        if media:
            return media, offers
    return choose(accept, offers), offers


def parse_accept(header: str | None) -> list[tuple[str, float]]:
    """``Accept`` as (media range, quality) pairs; an absent or empty header accepts everything."""
    if not header or not header.strip():
        return [("*/*", 1.0)]
    ranges = []
    for part in header.split(",")[:64]:  # a header with more ranges than that is not a browser
        fields = [f.strip() for f in part.split(";")]
        media = fields[0].lower()
        if not media or "/" not in media:
            continue
        q = 1.0
        for param in fields[1:]:
            name, _, value = param.partition("=")
            if name.strip().lower() == "q":
                try:
                    q = max(0.0, min(1.0, float(value)))
                except ValueError:
                    q = 0.0
        ranges.append((media, q))
    return ranges


def choose(header: str | None, offers: Sequence[str]) -> str | None:
    """The best of ``offers`` for an ``Accept`` header, or None when none is acceptable (406)."""
    ranges = parse_accept(header)
    best, best_q = None, 0.0
    for offer in offers:
        q = _quality(offer, ranges)
        if q > best_q:
            best, best_q = offer, q
    return best


def _quality(offer: str, ranges: list[tuple[str, float]]) -> float:
    major = offer.split("/", 1)[0]
    found, specificity = None, -1
    for media, q in ranges:
        if offer in _ALIASES.get(media, ()):
            media = offer
        if media == offer:
            level = 2
        elif media == f"{major}/*":
            level = 1
        elif media == "*/*":
            level = 0
        else:
            continue
        if level > specificity:
            found, specificity = q, level
    return found or 0.0
