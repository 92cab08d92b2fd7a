"""How publish replaces graphs at a store: the merged graph, and with ``publish --named-graphs`` each
report's graph (``cthb.nq``) beside it.

The merged graph stays where publish always put it, in the named graph ``<graph>`` that readers
take as their default graph (``?default-graph-uri=<graph>``), so every query of the library keeps
its exact counts. The report graphs (``{base}graph/report/{id}``, docs/named-graphs.md) become the
store's named graphs of those IRIs; a reader names them as ``named-graph-uri`` so that ``GRAPH``
patterns see them, and only them (the SPARQL protocol gives a query only the graphs it names).

A store whose own default graph is the union of its named graphs (Virtuoso; ``oxigraph serve
--union-default-graph``; Fuseki's ``unionDefaultGraph``) would show every triple once for the merged
graph and once more for each report graph that states it, to every reader that does not name a
graph: counts would double. publish cannot ask a store what kind it is, so it refuses:

* ``--method bulk`` (the bulk loader is Virtuoso's) at once, before anything is read or sent;
* otherwise after a probe: one triple written into a scratch graph named like a staging graph, looked
  for in the store's default graph, the scratch graph dropped. Found there: refused (exit 2), with
  nothing else written. A probe graph left by a killed publish is dropped by the next one, as a
  staging graph is.

The replacement stays one transaction: ``update`` drops the leftovers, the target, the report graphs
of the build and any report graph of an earlier build that this build no longer has, then inserts
the merged graph and every report graph, all in one request; ``staging`` uploads each graph into a
staging graph of its own, counts them all, then moves them all in one update.
"""

from __future__ import annotations

import secrets
from pathlib import Path

from rdflib import Literal, URIRef

from .errors import CthbError, EndpointError, StoreError
from .store.remote import bind_values

#: A staging graph is ``<target>-staging-<random>``: a publish killed half-way leaves it, the next drops it.
STAGING = "-staging-"
# Values bound with VALUES (cthbgraph.store.remote.bind_values), never pasted into the text.
_UNDER = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } FILTER(STRSTARTS(STR(?g), ?prefix)) } GROUP BY ?g"
_IN_DEFAULT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"


def refuse_bulk() -> None:
    raise CthbError(
        "--named-graphs is refused with --method bulk: Virtuoso's default graph is the union of its graphs, "
        "where each triple would count once per report graph that holds it (docs/named-graphs.md)",
        exit_code=2,
    )


def report_graphs(nquads: Path, target: URIRef, iri) -> tuple[str, dict[URIRef, bytes]]:
    """The graphs of ``cthb.nq``: (the prefix they share, graph -> its N-Triples, lines sorted).

    ``iri`` checks a graph IRI as publish checks ``--graph``. RAISES StoreError (exit 2): the file
    is missing or invalid, or ``target`` lies among the report graphs; nothing is sent then.
    """
    import pyoxigraph as ox

    if not nquads.is_file():
        raise StoreError(f"no report graphs beside the built graph: {nquads} is missing", hint="rebuild with: cthbgraph build")
    triples: dict[str, list] = {}
    try:
        for quad in ox.parse(path=str(nquads), format=ox.RdfFormat.N_QUADS):
            if not isinstance(quad.graph_name, ox.NamedNode):
                raise ValueError("a quad in the default graph")
            triples.setdefault(quad.graph_name.value, []).append(quad.triple)
    except (SyntaxError, ValueError, OSError) as exc:
        reason = " ".join(str(exc).split())[:200]
        raise StoreError(f"{nquads} is not valid N-Quads of report graphs: {reason}", hint="rebuild it with: cthbgraph build") from exc
    graphs = {}
    for name in sorted(triples):
        # One distinct triple a line: the count of lines is what the store must then hold.
        lines = {line for line in ox.serialize(triples[name], format=ox.RdfFormat.N_TRIPLES).splitlines() if line.strip()}
        graphs[iri(name)] = b"\n".join(sorted(lines)) + b"\n"
    # The report graphs are {base}graph/report/{id}: one prefix, under which publish also drops
    # the report graphs of earlier builds, so that the target must not lie under it.
    prefixes = {name.rpartition("/")[0] + "/" for name in graphs}
    prefix = prefixes.pop() if len(prefixes) == 1 else ""
    if not graphs or not prefix or str(target).startswith(prefix):
        raise StoreError(
            f"cannot publish the report graphs of {nquads} beside <{target}>",
            hint="the report graphs must share one prefix that --graph is not under; rebuild, or choose another --graph",
        )
    return prefix, graphs


def refuse_union_default_graph(store, target: URIRef) -> None:
    """Refuse (exit 2) a store whose default graph shows the triples of its named graphs (the probe
    of the module's docstring). The probe graph is named like a staging graph of ``target``."""
    probe = URIRef(f"{target}{STAGING}{secrets.token_hex(6)}")
    try:
        store.update(f"INSERT DATA {{ GRAPH {probe.n3()} {{ {probe.n3()} {probe.n3()} {probe.n3()} }} }}", what="write the probe graph")
        rows = store.select(bind_values(_IN_DEFAULT, {"s": probe}))
        seen = int(rows[0]["n"]["value"]) if rows else 0
    except (KeyError, TypeError, ValueError, IndexError) as exc:
        raise _not_a_number(store) from exc
    finally:
        store.drop_quietly(probe)
    if seen:
        raise CthbError(
            f"--named-graphs is refused: the default graph of the store at {store.urls.query} is the union of its named graphs, "
            "where each triple would count once per report graph that holds it (docs/named-graphs.md)",
            exit_code=2,
        )


def sizes_under(store, prefix: str) -> dict[URIRef, int]:
    """Triples of each graph of the store whose IRI starts with ``prefix``."""
    found = {}
    for row in store.select(bind_values(_UNDER, {"prefix": Literal(prefix)})):
        try:
            name, n = row["g"]["value"], int(row["n"]["value"])
        except (KeyError, TypeError, ValueError) as exc:
            raise _not_a_number(store) from exc
        if name.startswith(prefix):
            found[URIRef(name)] = n
    return found


def _old_reports(store, prefix: str, reports: dict[URIRef, bytes]) -> list[URIRef]:
    """The report graphs of earlier builds that this build no longer has (none without report graphs)."""
    return [g for g in sizes_under(store, prefix) if g not in reports] if reports else []


def replace_by_update(store, data: bytes, target: URIRef, leftovers: list[URIRef], prefix: str, reports: dict[URIRef, bytes]) -> None:
    """One SPARQL Update request: leftovers, target and every report graph (old or new) dropped,
    the merged graph and the report graphs (``reports``, may be empty) inserted; then every graph counted."""
    old = _old_reports(store, prefix, reports)
    drops = b"".join(b"DROP SILENT GRAPH %s ;\n" % g.n3().encode() for g in (*leftovers, *old, target, *reports))
    body = [drops, b"INSERT DATA {\nGRAPH %s {\n" % target.n3().encode(), data, b"}\n"]
    for graph, triples in reports.items():
        body += [b"GRAPH %s {\n" % graph.n3().encode(), triples, b"}\n"]
    store.send("POST", store.urls.update, [*body, b"}\n"], "application/sparql-update", what="replace the graphs")
    _check(store, {target: data, **reports}, (sizes_under(store, prefix) if reports else {}) | {target: store.count(target)})


def replace_by_staging(store, data: bytes, target: URIRef, leftovers: list[URIRef], prefix: str, reports: dict[URIRef, bytes]) -> None:
    """Each graph uploaded into a staging graph of its own, all counted, then all moved in one update."""
    from urllib.parse import quote

    if leftovers:
        store.update(" ;\n".join(f"DROP SILENT GRAPH {g.n3()}" for g in leftovers), what="drop old staging graphs")
    stage = f"{target}{STAGING}{secrets.token_hex(6)}-"
    plan = {URIRef(f"{stage}{i}"): (graph, triples) for i, (graph, triples) in enumerate({target: data, **reports}.items())}
    try:
        for staging, (_, triples) in plan.items():
            url = f"{store.urls.graph_store}?graph={quote(str(staging), safe='')}"
            store.send("PUT", url, [triples], "application/n-triples", what="upload a graph")
        _check(store, {s: triples for s, (_, triples) in plan.items()}, sizes_under(store, stage), left=target)
        old = _old_reports(store, prefix, reports)
        moves = [f"DROP SILENT GRAPH {g.n3()}" for g in old] + [f"MOVE {s.n3()} TO {g.n3()}" for s, (g, _) in plan.items()]
        # One update, so the store swaps every graph in one transaction.
        store.update(" ;\n".join(moves), what="replace the graphs")
    except BaseException:
        store.drop_quietly(*plan)
        raise


def _check(store, sent: dict[URIRef, bytes], held: dict[URIRef, int], left: URIRef | None = None) -> None:
    expected = sum(triples.count(b"\n") for triples in sent.values())
    wrong = [g for g, triples in sent.items() if held.get(g, 0) != triples.count(b"\n")]
    if wrong:
        loaded = sum(held.get(g, 0) for g in sent)
        kept = f"; <{left}> and the report graphs were left as they were" if left else ""
        raise EndpointError(f"the store holds {loaded} of the {expected} triples sent to {len(sent)} graphs{kept}", hint="check the store's log; publish again")


def _not_a_number(store) -> EndpointError:
    return EndpointError(f"the store at {store.urls.query} answered a count that is not a number", hint="is --endpoint the store's SPARQL query URL?")
