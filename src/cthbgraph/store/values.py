"""RDF terms of a query result as the Python values a researcher computes with.

Every store (embedded or endpoint) turns the terms of its rows into the same values, so a row
reads the same wherever the graph is:

=============================================  ==========================================
RDF term                                       Python value
=============================================  ==========================================
unbound (an OPTIONAL that did not match)       ``None``
IRI                                            :class:`IRI` (a ``str``)
``xsd:integer`` and its subtypes               ``int``
``xsd:decimal``                                ``decimal.Decimal``
``xsd:double``, ``xsd:float``                  ``float``
``xsd:boolean``                                ``bool``
``xsd:date``, ``xsd:dateTime``                 ``datetime.date``, ``datetime.datetime``
``xsd:gYear``                                  ``int`` (the year)
any other literal (text, tagged or not)        ``str``
blank node                                     ``str`` (``"_:id"``)
=============================================  ==========================================

A literal whose text does not fit its datatype (``"abc"^^xsd:integer``) stays a ``str``:
a value is never invented.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal, InvalidOperation

from rdflib import URIRef

_XSD = "http://www.w3.org/2001/XMLSchema#"
_INTEGERS = {
    _XSD + name
    for name in (
        *("integer", "nonNegativeInteger", "positiveInteger", "nonPositiveInteger", "negativeInteger"),
        *("long", "int", "short", "byte", "unsignedLong", "unsignedInt", "unsignedShort", "unsignedByte"),
    )
}
_FLOATS = {_XSD + "double", _XSD + "float"}
_TYPED = _INTEGERS | _FLOATS | {_XSD + name for name in ("decimal", "boolean", "date", "dateTime", "gYear")}
_TIMEZONE = re.compile(r"(Z|[+-]\d\d:\d\d)$")


class IRI(str):
    """An IRI in a result row: a ``str`` (compares, hashes and prints as its text) that knows it is an IRI.

    >>> IRI("https://w3id.org/cthb/id/body/odihr") == "https://w3id.org/cthb/id/body/odihr"
    True
    """

    __slots__ = ()

    def __repr__(self) -> str:
        return f"IRI({str.__repr__(self)})"

    def n3(self) -> str:
        """The IRI as SPARQL and Turtle write it: ``<...>``."""
        return f"<{self}>"

    @property
    def term(self) -> URIRef:
        """The IRI as an rdflib term, to bind it into another query or add it to a graph."""
        return URIRef(self)


def python_value(kind: str, value: str, datatype: str | None = None, language: str | None = None) -> object:
    """One term of a result row as a Python value (see the table of this module).

    kind (str): ``"uri"``, ``"literal"`` (also ``"typed-literal"``) or ``"bnode"``, as in the
        SPARQL 1.1 JSON results format.
    value (str): the IRI, the literal's text or the blank node's id.
    datatype (str | None): the literal's datatype IRI.
    language (str | None): the literal's language tag (a tagged literal is text).
    """
    if kind == "uri":
        return IRI(value)
    if kind == "bnode":
        return f"_:{value}"
    if language or datatype not in _TYPED:
        return value
    try:
        return _typed(value.strip(), datatype)
    except (ValueError, InvalidOperation):
        return value


def _typed(text: str, datatype: str) -> object:
    if datatype in _INTEGERS:
        if not re.fullmatch(r"[+-]?\d+", text):  # int() would also read "1_000"
            raise ValueError(text)
        return int(text)
    if datatype == _XSD + "decimal":
        return Decimal(text)
    if datatype in _FLOATS:
        return float({"INF": "inf", "-INF": "-inf"}.get(text, text))
    if datatype == _XSD + "boolean":
        if text not in ("true", "false", "1", "0"):
            raise ValueError(text)
        return text in ("true", "1")
    if datatype == _XSD + "date":
        return dt.date.fromisoformat(_TIMEZONE.sub("", text))
    if datatype == _XSD + "dateTime":
        # Python 3.10 reads no "Z"; a time zone offset is kept.
        return dt.datetime.fromisoformat(text[:-1] + "+00:00" if text.endswith("Z") else text)
    year = _TIMEZONE.sub("", text)  # xsd:gYear
    if not re.fullmatch(r"-?\d{4,}", year):
        raise ValueError(text)
    return int(year)
