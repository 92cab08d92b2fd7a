"""Where the graph lives: an embedded Oxigraph store by default, any SPARQL 1.1 endpoint by URL.

Both answer :meth:`Store.select` with the same :class:`Rows`, so every query command works the same
on a local build and on a published endpoint. Values from users are passed as bindings, never
pasted into query text. ``base`` is the interface, ``embedded`` the Oxigraph store a build writes,
``remote`` an endpoint through SPARQLWrapper, ``opener`` picks one by location, ``terms`` converts
RDF terms between rdflib and pyoxigraph, ``values`` turns the terms of result rows into Python values.
"""

from __future__ import annotations

from .base import Rows, Store
from .embedded import EmbeddedStore, write_store
from .opener import open_store
from .remote import RemoteStore
from .values import IRI, python_value

__all__ = ["IRI", "EmbeddedStore", "RemoteStore", "Rows", "Store", "open_store", "python_value", "write_store"]
