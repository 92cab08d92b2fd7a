"""Embedded Oxigraph vs rdflib's own SPARQL engine on the trace and gap queries, in one run.

Loads GRAPH_DIR/cthb.nt into an rdflib in-memory Graph and into an in-memory pyoxigraph Store, runs each
query N times on both (same text, same bound values: rdflib ``initBindings``, pyoxigraph
``substitutions``), checks that both give the same rows, and prints the median times and the ratio.
The target is the embedded store at least 30 times faster than rdflib.

Usage:
    .venv/bin/python bench/bench_queries.py [--graph-dir out] [--repeat 5]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time

import pyoxigraph as ox
from rdflib import Graph

from cthbgraph.buildfolder import BuildFolder
from cthbgraph.queries import library
from cthbgraph.store.terms import to_oxigraph

# (role, query name, bound values): the queries behind cthbgraph trace and gaps (held to the 30x
# target), and the plain scans that compare and name look-ups also run (reported, not targeted).
CASES = [
    ("trace", "trace-provision", {"notation": "III.10.2"}),
    ("trace", "trace-activities", {"notation": "III.10.1"}),
    ("gap", "gap-cells", {}),
    ("gap", "provision-notations", {}),
    ("gap", "provisions-without-activity", {}),
    ("gap", "tasked-bodies-without-activity", {}),
    ("lookup", "body-activity-by-year", {}),
    ("lookup", "body-names", {}),
]


def _ox_value(term) -> str:
    return "" if term is None else str(term.value)


def median_time(fn, repeat: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--graph-dir", "--out", dest="graph_dir", default="out", help="build folder holding cthb.nt [default: out]")
    parser.add_argument("--repeat", type=int, default=5, help="runs per query and engine [default: 5]")
    args = parser.parse_args(argv)
    nt = BuildFolder(args.graph_dir).ntriples
    if not nt.exists():
        print(f"no {nt}: build first with: cthbgraph build --graph-dir {args.graph_dir}", file=sys.stderr)
        return 2

    start = time.perf_counter()
    graph = Graph().parse(nt, format="nt")
    rdflib_load = time.perf_counter() - start
    start = time.perf_counter()
    store = ox.Store()
    store.bulk_load(path=str(nt), format=ox.RdfFormat.N_TRIPLES)
    ox_load = time.perf_counter() - start
    print(f"{len(graph)} triples from {nt}; load: rdflib {rdflib_load:.3f} s, pyoxigraph {ox_load:.3f} s "
          f"(x{rdflib_load / ox_load:.1f}); median of {args.repeat} runs per query\n")

    queries = library()
    header = f"{'role':6} {'query':32} {'rows':>5} {'rdflib s':>10} {'oxigraph s':>11} {'ratio':>8}"
    print(header)
    print("-" * len(header))
    ratios: dict[str, list[float]] = {}
    for role, name, values in CASES:
        q = queries[name]
        bindings = q.bind(values)

        def run_rdflib(q=q, bindings=bindings):
            result = graph.query(q.text, initBindings=bindings)
            return sorted(tuple("" if v is None else str(v) for v in row) for row in result)

        def run_ox(q=q, bindings=bindings):
            result = store.query(q.text, substitutions={ox.Variable(k): to_oxigraph(v) for k, v in bindings.items()})
            columns = [v.value for v in result.variables]
            return sorted(tuple(_ox_value(s[c]) for c in columns) for s in result)

        t_ox, rows_ox = median_time(run_ox, args.repeat)
        t_rdf, rows_rdf = median_time(run_rdflib, args.repeat)
        same = "" if len(rows_ox) == len(rows_rdf) else f"  (rdflib gave {len(rows_rdf)} rows)"
        ratio = t_rdf / t_ox if t_ox else float("inf")
        ratios.setdefault(role, []).append(ratio)
        print(f"{role:6} {name:32} {len(rows_ox):5} {t_rdf:10.4f} {t_ox:11.4f} {ratio:7.1f}x{same}")
    print()
    for role, values in ratios.items():
        print(f"{role:6} geometric mean {statistics.geometric_mean(values):6.1f}x, minimum {min(values):6.1f}x")
    targeted = ratios.get("trace", []) + ratios.get("gap", [])
    print(f"trace and gap queries: minimum {min(targeted):.1f}x (target: >= 30x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
