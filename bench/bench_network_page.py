"""How fast the whole-graph network page opens, against an earlier page, in the same run.

    python bench/bench_network_page.py --graph-dir out --before old.html [--runs 5] [--width 1400]
    python bench/bench_network_page.py --graph-dir out --before old.html --lighthouse

Renders the page of ``--graph-dir`` with the installed cthbgraph and opens it, and the ``--before``
page (e.g. one written by an earlier version: ``git stash; cthbgraph export --format html --out
old.html; git stash pop``), in Debian's Chromium, alternating, ``--runs`` times each. For each it
prints the median time from navigation to ``body[data-ready]`` (the picture drawn and usable), the
median main-thread time spent in long tasks (over 50 ms, the tasks that freeze a page), the page
size, and the ratios after/before. Timings on a shared machine are noisy: read the ratios.

``--lighthouse`` instead serves both pages on loopback (gzip, as a web server would) and prints
Lighthouse's performance and accessibility scores and main metrics, desktop and mobile presets
(tools/ must hold Lighthouse: ``scripts/setup.sh test``).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from conftest import CHROMIUM, CHROMIUM_ARGS  # noqa: E402
from test_export_lighthouse import _serve, lighthouse  # noqa: E402

from cthbgraph.exports import export  # noqa: E402

# Sums the long tasks of the page from its first byte; read when the page says it is ready.
_LONG_TASKS = """
window.__long = 0;
new PerformanceObserver(list => list.getEntries().forEach(e => { window.__long += e.duration; }))
  .observe({type: "longtask", buffered: true});
"""


def open_once(browser, path: Path, width: int) -> tuple[float, float]:
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    page.add_init_script(_LONG_TASKS)
    page.goto(path.as_uri())
    page.wait_for_selector("body[data-ready=true]", timeout=120_000)
    page.wait_for_timeout(200)  # let the observer deliver the last entries
    ready = page.evaluate("performance.now()") - 200
    long_tasks = page.evaluate("window.__long")
    context.close()
    return ready, long_tasks


def lighthouse_scores(pages: dict[str, Path]) -> None:
    metrics = ("first-contentful-paint", "largest-contentful-paint", "total-blocking-time", "cumulative-layout-shift")
    for name, path in pages.items():
        server = _serve(path.read_bytes())
        try:
            for preset in ("desktop", "mobile"):
                report = lighthouse(f"http://127.0.0.1:{server.server_address[1]}/", Path(tempfile.mkdtemp()) / "lh.json", preset)
                scores = {k: round(100 * v["score"]) for k, v in report["categories"].items()}
                values = ", ".join(f"{m} {report['audits'][m]['displayValue']}" for m in metrics)
                print(f"{name:6} {preset:7} performance {scores['performance']:3}  accessibility {scores['accessibility']:3}  ({values})")
        finally:
            server.shutdown()
            server.server_close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--graph-dir", default="out")
    parser.add_argument("--before", type=Path, required=True, help="the page to compare with")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--width", type=int, default=1400)
    parser.add_argument("--lighthouse", action="store_true", help="Lighthouse scores instead of timings")
    args = parser.parse_args()
    after = Path(tempfile.mkdtemp()) / "cthb.html"
    export("html", after, graph_dir=args.graph_dir)
    pages = {"before": args.before, "after": after}
    if args.lighthouse:
        lighthouse_scores(pages)
        return
    times: dict[str, list[tuple[float, float]]] = {name: [] for name in pages}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        for _ in range(args.runs):
            for name, path in pages.items():
                times[name].append(open_once(browser, path, args.width))
        browser.close()
    medians = {}
    for name, path in pages.items():
        ready = statistics.median(t[0] for t in times[name])
        blocked = statistics.median(t[1] for t in times[name])
        medians[name] = (ready, blocked)
        print(f"{name:6}  ready {ready:8.0f} ms   long tasks {blocked:8.0f} ms   {path.stat().st_size / 1e6:5.2f} MB  ({path})")
    (r0, b0), (r1, b1) = medians["before"], medians["after"]
    print(f"after/before: ready {r1 / r0:.2f}x, long tasks {b1 / max(b0, 1):.2f}x ({args.runs} runs each, width {args.width} px)")


if __name__ == "__main__":
    main()
