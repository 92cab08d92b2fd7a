"""How fast `cthbgraph build` is, as ratios measured in the same run (the machine's speed cancels out).

    python bench/bench_build.py speed            # cold build vs spaCy alone, rebuilds, --jobs 2 vs 1
    python bench/bench_build.py scale --factors 1 3 10   # synthetic corpora (bench/make_corpus.py)
    python bench/bench_build.py parallel --factor 3      # --jobs 2 against 1 on a 3x corpus
    python bench/bench_build.py compare --baseline OTHER/.venv/bin/python   # this code against another checkout
    python bench/bench_build.py compare --baseline-src ../main/src          # ... sharing this Python, other sources
    python bench/bench_build.py cluster --factor 10      # a local 2-worker Dask cluster against --jobs 2

``speed`` prints:
  near-limit   cold build (no cache) / ``nlp.pipe`` of the same model over the same cleaned texts,
               both as whole processes (imports and model loading included in both); in wall
               seconds, and in CPU seconds (user + system), which other jobs on the machine hit less;
  incremental  rebuild with nothing changed / cold build; rebuild with every parse cached but the
               graph rebuilt (--force) / cold build; one report changed / cold build;
  parallel     cold build --jobs 1 / cold build --jobs 2.
Each timing is the best of ``--repeat`` runs, runs of the two sides of a ratio interleaved, so that
other load on the machine hits both alike.

``compare`` times a cold build (no cache), a rebuild with nothing changed and a rebuild with every
parse cached (``--force``) with this checkout's Python and with ``--baseline`` (the Python of another
checkout, e.g. the main branch's) or with ``--baseline-src`` (another checkout's ``src`` folder, put
first on ``PYTHONPATH`` for the baseline's runs: two worktrees sharing one environment), runs of the
two interleaved (each side first every other time), and prints this / baseline for each, the cold
build also in CPU seconds; and spaCy alone, timed after each side, with each side's cold build /
spaCy alone (the near-limit ratio of ``speed``, both sides in the same run).

``cluster`` starts a Dask cluster on this machine (a scheduler and ``--workers`` worker processes of
one thread) and interleaves cold builds on it (``--scheduler``) with cold builds in as many local
processes (``--jobs``): the ratio cluster / jobs (target <= 1.15), the peak memory of each worker,
and the seconds per report.

``scale`` builds corpora ``factor`` times corpus/ with ``--jobs``, and prints seconds per factor,
the ratio to linear (time(f) / (f * time(1))), the peak resident memory of the largest process of
the build, the latency of trace and of the gap analysis on the largest graph, and the time of every
query of the library on it (with its example values).
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
PYTHON = sys.executable

PIPE_ONLY = r"""
import sys, time
from cthbgraph.corpus import load_corpus
from cthbgraph.extract import DEFAULT_MODEL
from cthbgraph.extract.normalise import clean
import spacy
nlp = spacy.load(DEFAULT_MODEL)   # the model's own components, none of ours
texts = [clean(r.text) for r in load_corpus(sys.argv[1]).reports]
if sys.argv[2] == "batches":   # the paragraph batches the build gives the model
    from cthbgraph.extract.parsing import split_text
    texts = [piece for text in texts for piece in split_text(text)]
start = time.perf_counter()
sentences = sum(sum(1 for _ in doc.sents) for doc in nlp.pipe(texts, batch_size=4))
print(time.perf_counter() - start, sentences)
"""


def run(args: list[str], env: dict | None = None) -> tuple[float, subprocess.CompletedProcess]:
    elapsed, _, done = run_timed(args, env)
    return elapsed, done


def run_timed(args: list[str], env: dict | None = None) -> tuple[float, float, subprocess.CompletedProcess]:
    """Wall seconds, CPU seconds (user + system, of the process and the children it waited for) and
    the finished process. CPU seconds count little of the time other jobs on the machine take."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(args, capture_output=True, text=True, env={**os.environ, **(env or {})})
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode not in (0, 5):
        sys.exit(f"failed: {' '.join(args)}\n{done.stderr[-2000:]}")
    return elapsed, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime), done


def build_cmd(corpus: Path, out: Path, *extra: str, python: str = PYTHON) -> list[str]:
    return [python, "-m", "cthbgraph", "build", "--corpus", str(corpus), "--graph-dir", str(out), "--quiet", *extra]


def cold(corpus: Path, jobs: int = 1) -> float:
    return cold_timed(corpus, jobs)[0]


def cold_timed(corpus: Path, jobs: int = 1, python: str = PYTHON, env: dict | None = None) -> tuple[float, float]:
    """Wall and CPU seconds of a cold build (no cache)."""
    with tempfile.TemporaryDirectory() as tmp:
        return run_timed(build_cmd(corpus, Path(tmp) / "out", "--no-cache", "--jobs", str(jobs), python=python), env)[:2]


def pipe_only(corpus: Path, texts: str = "whole") -> float:
    return pipe_timed(corpus, texts)[0]


def pipe_timed(corpus: Path, texts: str = "whole") -> tuple[float, float]:
    """Wall and CPU seconds of ``nlp.pipe`` over the texts, with the batch size the build uses
    (faster than the default), in a process of its own."""
    return run_timed([PYTHON, "-c", PIPE_ONLY, str(corpus), texts])[:2]


def speed(args: argparse.Namespace) -> None:
    corpus = CORPUS
    base, batches, build1, build2 = [], [], [], []
    for _ in range(args.repeat):
        base.append(pipe_timed(corpus))
        build1.append(cold_timed(corpus, 1))
        batches.append(pipe_only(corpus, "batches"))
        build2.append(cold(corpus, 2))
    (t_pipe, c_pipe), (t_cold, c_cold) = (tuple(map(min, zip(*runs))) for runs in (base, build1))
    t_batches, t_jobs2 = min(batches), min(build2)
    print(f"spaCy alone, whole texts          {t_pipe:7.1f} s   (nlp.pipe in a process of its own)")
    print(f"spaCy alone, paragraph batches    {t_batches:7.1f} s")
    print(f"cold build --jobs 1               {t_cold:7.1f} s")
    print(f"cold build --jobs 2               {t_jobs2:7.1f} s")
    print(f"near-limit  cold / spaCy alone    {t_cold / t_pipe:7.2f}   (target <= 1.30)")
    print(f"            the same in CPU seconds {c_cold / c_pipe:5.2f}   ({c_cold:.1f} / {c_pipe:.1f} s: less hit by other jobs)")
    print(f"            cold / same batches   {t_cold / t_batches:7.2f}   (the overhead of everything but the model)")
    print(f"parallel    jobs 1 / jobs 2       {t_cold / t_jobs2:7.2f}   (target >= 1.60)")

    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp) / "corpus"
        shutil.copytree(corpus, work)
        out = Path(tmp) / "out"
        t_first, _ = run(build_cmd(work, out))
        t_same = min(run(build_cmd(work, out))[0] for _ in range(args.repeat))
        t_force = min(run(build_cmd(work, out, "--force"))[0] for _ in range(args.repeat))
        smallest = min(work.glob("*.txt"), key=lambda p: p.stat().st_size)
        with open(smallest, "a", encoding="utf-8") as handle:
            handle.write("\nThe ODIHR organized a workshop on trafficking in Vienna in 2003.\n")
        t_one, _ = run(build_cmd(work, out))
    print(f"cold build with cache writing     {t_first:7.1f} s")
    print(f"incremental nothing changed       {t_same:7.2f} s  = {t_same / t_cold:5.1%} of cold (target <= 10%)")
    print(f"incremental all parses cached     {t_force:7.2f} s  = {t_force / t_cold:5.1%} of cold (graph rebuilt, --force)")
    print(f"incremental one report changed    {t_one:7.2f} s  = {t_one / t_cold:5.1%} of cold ({smallest.name})")


def compare(args: argparse.Namespace) -> None:
    """Cold build, unchanged rebuild and --force rebuild: this checkout against ``--baseline``."""
    if not (args.baseline or args.baseline_src):
        sys.exit("compare: name the baseline with --baseline PYTHON or --baseline-src DIR")
    src = str(Path(args.baseline_src).resolve()) if args.baseline_src else ""
    source = {"PYTHONPATH": os.pathsep.join(filter(None, [src, os.environ.get("PYTHONPATH")]))}
    sides = {"this": (PYTHON, None), "baseline": (args.baseline or PYTHON, source if args.baseline_src else None)}
    times: dict[tuple[str, str], list[float]] = {}
    spacy_alone = []
    with tempfile.TemporaryDirectory() as tmp:
        for attempt in range(args.repeat):
            # Each side first every other time: a load that comes and goes hits both alike.
            for side, (python, env) in list(sides.items())[:: 1 if attempt % 2 == 0 else -1]:
                out = Path(tmp) / f"{side}-{attempt}"
                wall, cpu, _ = run_timed(build_cmd(CORPUS, out / "cold", "--no-cache", python=python), env)
                times.setdefault((side, "cold"), []).append(wall)
                times.setdefault((side, "cold CPU"), []).append(cpu)
                for kind, extra in (("first", ()), ("unchanged", ()), ("force", ("--force",))):
                    times.setdefault((side, kind), []).append(run(build_cmd(CORPUS, out / "warm", *extra, python=python), env)[0])
                spacy_alone.append(pipe_timed(CORPUS))
    for kind in ("cold", "cold CPU", "unchanged", "force"):
        this, base = min(times[("this", kind)]), min(times[("baseline", kind)])
        print(f"{kind:10s} this {this:7.2f} s  baseline {base:7.2f} s  ratio {this / base:5.2f}")
    t_pipe, c_pipe = map(min, zip(*spacy_alone))
    for label, pipe, kind in (("wall", t_pipe, "cold"), ("CPU", c_pipe, "cold CPU")):
        this, base = min(times[("this", kind)]) / pipe, min(times[("baseline", kind)]) / pipe
        print(f"cold / spaCy alone ({label}, spaCy {pipe:.2f} s): this {this:5.2f}, baseline {base:5.2f}   (target <= 1.30)")


def parallel(args: argparse.Namespace) -> None:
    """Cold builds with 1 and ``--jobs`` processes, interleaved, on corpus/ or a synthetic corpus."""
    sys.path.insert(0, str(ROOT / "bench"))
    from make_corpus import make_corpus

    with tempfile.TemporaryDirectory() as tmp:
        corpus = CORPUS if args.factor == 1 else make_corpus(args.factor, Path(tmp) / "corpus")
        one, many = [], []
        for _ in range(args.repeat):
            one.append(cold(corpus, 1))
            many.append(cold(corpus, args.jobs))
    print(f"factor {args.factor}: jobs 1 {min(one):.1f} s, jobs {args.jobs} {min(many):.1f} s, "
          f"ratio {min(one) / min(many):.2f}   (target >= 1.60 with 2 jobs)")


def cluster(args: argparse.Namespace) -> None:
    import resource

    from distributed import Client, LocalCluster

    sys.path.insert(0, str(ROOT / "bench"))
    from make_corpus import make_corpus

    with tempfile.TemporaryDirectory() as tmp:
        corpus = CORPUS if args.factor == 1 else make_corpus(args.factor, Path(tmp) / "corpus")
        reports = len(list(corpus.glob("*.txt")))
        with LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True, dashboard_address=None) as local, Client(local) as client:
            local_jobs, on_cluster = [], []
            for i in range(args.repeat):
                local_jobs.append(cold(corpus, args.workers))
                out = Path(tmp) / f"out-{i}"
                on_cluster.append(run(build_cmd(corpus, out, "--no-cache", "--scheduler", local.scheduler_address))[0])
            peaks = client.run(lambda: resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    t_jobs, t_cluster = min(local_jobs), min(on_cluster)
    print(f"factor {args.factor}: {reports} reports")
    print(f"cold build --jobs {args.workers}                {t_jobs:7.1f} s")
    print(f"cold build on {args.workers} Dask workers         {t_cluster:7.1f} s  = {t_cluster / reports:.2f} s per report")
    print(f"cluster / jobs                     {t_cluster / t_jobs:7.2f}   (target <= 1.15)")
    print("peak memory per worker             " + ", ".join(f"{mb:.0f} MB" for mb in sorted(peaks.values())))


def peak_build(corpus: Path, out: Path, jobs: int) -> tuple[float, float]:
    """Seconds and peak RSS (MB) of the largest process of one build, measured in a child."""
    probe = (
        "import resource, subprocess, sys, time; t = time.perf_counter();"
        "r = subprocess.run(sys.argv[1:]).returncode; dt = time.perf_counter() - t;"
        "print(dt, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024); sys.exit(r not in (0, 5))"
    )
    _, done = run([PYTHON, "-c", probe, *build_cmd(corpus, out, "--no-cache", "--jobs", str(jobs))])
    seconds, mb = done.stdout.split()[-2:]
    return float(seconds), float(mb)


def scale(args: argparse.Namespace) -> None:
    sys.path.insert(0, str(ROOT / "bench"))
    from make_corpus import make_corpus

    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for factor in args.factors:
            corpus = make_corpus(factor, Path(tmp) / f"corpus-{factor}")
            out = Path(tmp) / f"out-{factor}"
            seconds, mb = peak_build(corpus, out, args.jobs)
            size = sum(p.stat().st_size for p in corpus.glob("*.txt")) / 1e6
            rows.append((factor, size, seconds, mb, out))
            print(f"factor {factor:4d}  {size:6.1f} MB  {seconds:8.1f} s  peak {mb:7.0f} MB", flush=True)
        first = rows[0]
        for factor, _, seconds, _, _ in rows[1:]:
            linear = first[2] * factor / first[0]
            print(f"factor {factor:4d}: time / linear = {seconds / linear:5.2f}   (target <= 1.20)")
        print(f"peak memory of the largest build: {max(r[3] for r in rows):.0f} MB  (target < 2048)")
        latency(rows[-1][4])


def latency(out: Path, repeat: int = 5) -> None:
    from cthbgraph.analysis import gaps, trace
    from cthbgraph.queries import library
    from cthbgraph.store import open_store

    with open_store(out) as store:
        print(f"graph of {store.triples()} triples")
        for name, call in (("trace III.10.2", lambda: trace(store, "III.10.2")), ("gaps (whole plan)", lambda: gaps(store))):
            times = []
            for _ in range(repeat):
                start = time.perf_counter()
                call()
                times.append(time.perf_counter() - start)
            print(f"{name:20s} {min(times) * 1000:8.1f} ms (best of {repeat})")
        # Every query of the library with its documented example values: a query whose plan is
        # fine on corpus/ can be minutes on a graph a hundred times larger.
        for name, query in sorted(library().items()):
            examples = dict(query.examples)
            values = {p.name: examples.get(p.name, "") for p in query.parameters}
            start = time.perf_counter()
            rows = len(query.run(store, values))
            print(f"  query {name:32s} {rows:7d} rows {(time.perf_counter() - start) * 1000:9.1f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="mode", required=True)
    s = sub.add_parser("speed", help="near-limit, incremental and parallel ratios on corpus/")
    s.add_argument("--repeat", type=int, default=2)
    c = sub.add_parser("scale", help="synthetic corpora of several sizes")
    c.add_argument("--factors", type=int, nargs="+", default=[1, 3])
    c.add_argument("--jobs", type=int, default=2)
    m = sub.add_parser("compare", help="cold and unchanged rebuilds: this checkout against another one's Python")
    m.add_argument("--baseline", help="the Python of the other checkout's environment (default: this Python)")
    m.add_argument("--baseline-src", help="the other checkout's src folder, first on PYTHONPATH for its runs")
    m.add_argument("--repeat", type=int, default=2)
    p = sub.add_parser("parallel", help="--jobs N against one process, on corpus/ or a synthetic corpus")
    p.add_argument("--factor", type=int, default=1)
    p.add_argument("--jobs", type=int, default=2)
    p.add_argument("--repeat", type=int, default=1)
    k = sub.add_parser("cluster", help="a local Dask cluster (--scheduler) against --jobs, on a synthetic corpus")
    k.add_argument("--factor", type=int, default=10)
    k.add_argument("--workers", type=int, default=2)
    k.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args()
    print(f"{os.cpu_count()} cores; load average {os.getloadavg()[0]:.1f} at start", flush=True)
    {"speed": speed, "scale": scale, "parallel": parallel, "cluster": cluster, "compare": compare}[args.mode](args)


if __name__ == "__main__":
    main()
