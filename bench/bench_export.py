"""How fast `cthbgraph export` writes each format, as ratios measured in the same run.

    python bench/bench_export.py --graph-dir out [--repeat 3]

Prints, for every format of the registry, the seconds to render it from the parsed graph (best of
``--repeat``) and its ratio to rendering N-Triples; then the two choices this package made, each as a
ratio of the alternative to ours, measured on the same graph in the same run:
  parse     rdflib parsing out/cthb.nt / pyoxigraph parsing it (how the graph is loaded);
  turtle    rdflib's Turtle serialiser / pyoxigraph's (how RDF is written).
Needs a build (`cthbgraph build --out out`). Nothing is written outside a temporary folder.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path


def best(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--graph-dir", default="out")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    import pyoxigraph as ox
    import rdflib

    from cthbgraph.buildfolder import BuildFolder
    from cthbgraph.exports import FORMATS, ExportInput, load_triples, render

    nt = BuildFolder(args.graph_dir).ntriples
    triples = load_triples(args.graph_dir)
    print(f"graph: {len(triples)} triples from {args.graph_dir}")

    def fresh():
        # Views (rdflib graph, network) are cached per input; each timing starts from parsed triples.
        return ExportInput(Path(args.graph_dir), triples)

    timings = {name: best(lambda name=name: render(name, fresh()), args.repeat) for name in FORMATS}
    base = timings["ntriples"]
    print(f"{'format':<12} {'seconds':>8} {'× ntriples':>10}")
    for name, seconds in timings.items():
        print(f"{name:<12} {seconds:8.3f} {seconds / base:10.1f}")

    rdflib_parse = best(lambda: rdflib.Graph().parse(nt, format="nt"), args.repeat)
    ox_parse = best(lambda: list(ox.parse(path=str(nt), format=ox.RdfFormat.N_TRIPLES)), args.repeat)
    print(f"parse   rdflib / pyoxigraph = {rdflib_parse / ox_parse:.1f}")
    graph = fresh().graph
    rdflib_turtle = best(lambda: graph.serialize(format="turtle"), args.repeat)
    ox_turtle = best(lambda: render("turtle", fresh()), args.repeat)
    print(f"turtle  rdflib / pyoxigraph = {rdflib_turtle / ox_turtle:.1f}")


if __name__ == "__main__":
    main()
