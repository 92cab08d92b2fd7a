"""Decide whether a SPARQL request may run on the public endpoint, by parsing it first.

Oxigraph runs ``SERVICE`` (calls to other hosts) and has no switch to turn it off, and a
``FROM <file:...>`` means nothing good on any store, so each query is parsed with rdflib's SPARQL
grammar and walked before it reaches the store. A text that is not a query (an update, ``LOAD``,
``CLEAR`` ...) does not parse as one and is refused; the refusal names the reason in one line.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator

from pyparsing import ParseException
from rdflib.plugins.sparql.parserutils import CompValue

from ..errors import QueryError

#: The longest query text accepted (characters). Larger texts are refused before parsing.
MAX_QUERY_CHARS = 20_000

_FORMS = {"SelectQuery": "SELECT", "AskQuery": "ASK", "ConstructQuery": "CONSTRUCT", "DescribeQuery": "DESCRIBE"}


class QueryRefused(QueryError):
    """The endpoint will not run this text; ``message`` is the one-line reason given to the client.

    ``invalid`` is True when the text is no SPARQL query at all (rather than a forbidden one).
    """

    invalid = False


class InvalidQuery(QueryRefused):
    invalid = True


def check_query(text: str, graphs: Collection[str] = (), *, where: str = "this endpoint") -> str:
    """Parse ``text`` and refuse what a public read-only endpoint must not run.

    text (str): the SPARQL text from the request.
    graphs (Collection[str]): IRIs of the named graphs of the dataset, the only ones FROM may name.
    where (str): what the refusals call the place the query was to run ("the local store").
    RETURNS (str): the query form, "SELECT", "ASK", "CONSTRUCT" or "DESCRIBE".
    RAISES QueryRefused: an update, SERVICE, FROM/FROM NAMED outside ``graphs``, a syntax error, or
        a text longer than MAX_QUERY_CHARS.
    """
    if len(text) > MAX_QUERY_CHARS:
        raise QueryRefused(f"the query is longer than {MAX_QUERY_CHARS} characters", hint="ask for less, or split the question")
    # Imported here: building the grammar takes a moment and only query workers need it.
    from rdflib.plugins.sparql.parser import parseQuery, parseUpdate

    try:
        parsed = parseQuery(text)
    except ParseException as exc:
        if _is_update(text, parseUpdate):
            raise QueryRefused(f"SPARQL updates are refused: {where} is read-only", hint="ask with SELECT, ASK, CONSTRUCT or DESCRIBE") from exc
        raise InvalidQuery(f"not a valid SPARQL query: {_one_line(exc)}", hint="check the query near the position named") from exc
    except RecursionError as exc:
        raise InvalidQuery("the query is nested too deeply", hint="flatten the nested groups") from exc
    except Exception as exc:  # the grammar raises a few other types on malformed input
        raise InvalidQuery(f"not a valid SPARQL query: {_one_line(exc)}", hint="check the query text") from exc
    query = parsed[1]
    for node in _walk(query):
        if node.name == "ServiceGraphPattern":
            raise QueryRefused(f"SERVICE is not allowed: {where} does not query other hosts", hint="query the other endpoint itself with --endpoint URL")
        if node.name == "DatasetClause":
            iri = node.get("default") if node.get("default") is not None else node.get("named")
            if str(iri) not in graphs:
                raise QueryRefused(f"FROM <{iri}> is not allowed: it is not a graph of this dataset", hint="leave out FROM: the dataset is its default graph")
    return _FORMS.get(query.name, query.name)


def _is_update(text: str, parse_update) -> bool:
    try:
        parse_update(text)
    except Exception:
        return False
    return True


def _walk(node: object) -> Iterator[CompValue]:
    # CompValue is a dict of parse results; ParseResults and lists hold the children.
    stack = [node]
    while stack:
        item = stack.pop()
        if isinstance(item, CompValue):
            yield item
            stack.extend(item.values())
        elif isinstance(item, (list, tuple)) or type(item).__name__ == "ParseResults":
            stack.extend(item)


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split())[:200]
