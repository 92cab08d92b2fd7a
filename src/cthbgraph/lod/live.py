"""The build a server serves, followed across rebuilds: pages, dumps and queries switch together.

A :class:`Generation` is everything served from one build: the site (graph in memory), its fixed
files, a bounded cache of rendered pages and a query pool whose workers opened that same build.
:class:`LiveBuild` holds the current generation and a watcher thread that reads the build folder's
``current`` link every ``poll_seconds``; when it names another build, the watcher loads a whole new
generation beside the old one, swaps it in with one assignment (a request uses the generation it
started with, so it never mixes two builds), then lets the old pool finish its running queries
and stop, which releases the old build's files. A load that fails is logged and retried; the old
generation is served meanwhile.
"""

from __future__ import annotations

import gc
import logging
import threading
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path

from ..errors import CthbError
from .builds import current_build
from .pool import QueryPool, SpawnError
from .rdfio import serialize, triple_key
from .site import STATIC, Site
from .sitewrite import load_site

log = logging.getLogger("cthbgraph.server")


class PageCache:
    """Rendered pages, least recently used dropped first, at most ``max_bytes`` in all."""

    def __init__(self, max_bytes: int):
        self.max_bytes = max_bytes
        self.size = 0
        self._items: OrderedDict[tuple, bytes] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: tuple) -> bytes | None:
        with self._lock:
            value = self._items.get(key)
            if value is not None:
                self._items.move_to_end(key)
            return value

    def put(self, key: tuple, value: bytes) -> None:
        if len(value) > self.max_bytes // 8:
            return  # a page that large would push out most others: render it each time
        with self._lock:
            if key in self._items:
                return
            self._items[key] = value
            self.size += len(value)
            while self.size > self.max_bytes:
                _, old = self._items.popitem(last=False)
                self.size -= len(old)


#: The site's files that are not resources, besides ``dumps/*``.
_FIXED = ("dcat.ttl", "dcat.jsonld", "void.ttl", ".well-known/void", "sitemap.xml", "static/site.css", "static/search.js", "ontology.ttl")


@dataclass(eq=False)
class Generation:
    """What is served from one build. Its fixed files (dumps, dataset record) take seconds to
    make, so they are made once, on first use, not before the generation is served."""

    build: str
    site: Site
    pool: QueryPool
    pages: PageCache

    def __post_init__(self) -> None:
        self._files: dict[str, tuple[bytes, str]] | None = None
        self._lock = threading.Lock()

    @staticmethod
    def is_file(path: str) -> bool:
        return path in _FIXED or path.startswith("dumps/")

    def files(self) -> dict[str, tuple[bytes, str]]:
        with self._lock:
            if self._files is None:
                self._files = fixed_files(self.site)
            return self._files


def fixed_files(site: Site) -> dict[str, tuple[bytes, str]]:
    """The site's files that are not resources: dumps, dataset record, sitemap, static assets."""
    from ..resources import ontology_path

    files = dict(site.dumps)
    catalog = sorted(site.catalog(), key=triple_key)
    void = serialize(sorted(site.void(), key=triple_key), "turtle", site.prefixes)
    files["dcat.ttl"] = (serialize(catalog, "turtle", site.prefixes), "text/turtle; charset=utf-8")
    files["dcat.jsonld"] = (serialize(catalog, "jsonld", site.prefixes), "application/ld+json")
    files["void.ttl"] = (void, "text/turtle; charset=utf-8")
    files[".well-known/void"] = (void, "text/turtle; charset=utf-8")
    files["sitemap.xml"] = (site.sitemap().encode(), "application/xml")
    files["static/site.css"] = ((STATIC / "site.css").read_bytes(), "text/css; charset=utf-8")
    files["static/search.js"] = ((STATIC / "search.js").read_bytes(), "text/javascript; charset=utf-8")
    files["ontology.ttl"] = (ontology_path().read_bytes(), "text/turtle; charset=utf-8")
    return files


class LiveBuild:
    """The current :class:`Generation` of a build folder, switched when the folder is rebuilt.

    out (Path): the build folder. base_iri (str | None): IRIs to publish (see ``load_site``).
    pool_options (dict): keyword arguments of :class:`~cthbgraph.lod.pool.QueryPool`.
    page_bytes (int): size of each generation's cache of rendered pages.
    poll_seconds (float): how often the ``current`` link is read.
    RAISES CthbError: the folder holds no readable build (exit code 2).
    """

    def __init__(self, out: Path | str, base_iri: str | None, pool_options: dict, *, page_bytes: int = 32_000_000, poll_seconds: float = 0.5):
        self.out = Path(out)
        self.base_iri = base_iri
        self.pool_options = pool_options
        self.page_bytes = page_bytes
        self.poll_seconds = poll_seconds
        self._stop = threading.Event()
        self.current = self._load()
        self._watcher = threading.Thread(target=self._watch, name="build-watcher", daemon=True)
        self._watcher.start()

    def _load(self) -> Generation:
        """A generation of the build ``current`` names now; the link is read again after loading,
        and a build switched meanwhile is loaded instead. Workers start while the graph is read."""
        for _ in range(5):
            build, folder = current_build(self.out)
            pools: list = []
            starter = threading.Thread(target=self._start_pool, args=(build, pools), daemon=True)
            starter.start()
            try:
                site = load_site(folder, self.base_iri, query_page=True)
            finally:
                starter.join()
            pool = pools[0]
            if current_build(self.out)[0] != build:
                if isinstance(pool, QueryPool):
                    pool.kill()
                continue
            if isinstance(pool, SpawnError):
                raise CthbError(str(pool), hint=f"rebuild the graph with: cthbgraph build --graph-dir {self.out}", exit_code=2) from pool
            return Generation(build, site, pool, PageCache(self.page_bytes))
        raise CthbError(f"the build in {self.out} changed five times while it was being loaded", hint="try again when the build has finished", exit_code=2)

    def _start_pool(self, build: str, into: list) -> None:
        try:
            into.append(QueryPool(self.out, build=build, **self.pool_options))
        except SpawnError as exc:
            into.append(exc)

    def _watch(self) -> None:
        self.current.files()  # made here rather than on the first request for a dump
        delay = self.poll_seconds
        while not self._stop.wait(delay):
            try:
                if current_build(self.out)[0] == self.current.build:
                    delay = self.poll_seconds
                    continue
                new = self._load()
                old, self.current = self.current, new
                log.info("serving build %s (was %s)", new.build or "-", old.build or "-")
                old.pool.close()
                del old
                gc.collect()  # the old graph is freed now, not at some later collection
                new.files()
                delay = self.poll_seconds
            except Exception as exc:  # a build half-written, removed, unreadable: keep serving, retry
                delay = min(max(delay * 2, 1.0), 30.0)
                reason = " ".join(str(exc).split())[:200]
                log.warning("cannot switch to the new build in %s (%s); serving %s, retrying in %g s", self.out, reason, self.current.build or "-", delay)

    def close(self) -> None:
        self._stop.set()
        self._watcher.join(timeout=10)
        self.current.pool.kill()
