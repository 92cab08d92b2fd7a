"""Publishing the graph as linked open data: a static site and a bounded SPARQL server.

``write_site(graph_dir, out)`` writes every resource as HTML, Turtle and JSON-LD at the path of its
IRI, with class indexes, the ontology's documentation, dumps, VoID, DCAT and a sitemap.
``make_server(graph_dir)`` serves the same pages with content negotiation and a SPARQL 1.1 Protocol
endpoint whose queries are checked before they run and run in worker processes that are killed at
the time limit.
"""

from __future__ import annotations

from .guard import QueryRefused, check_query
from .site import Site
from .sitewrite import load_site, write_site

__all__ = ["QueryRefused", "Site", "check_query", "load_site", "write_site"]
