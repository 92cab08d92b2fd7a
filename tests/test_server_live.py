"""A running server follows rebuilds of its folder, and its query workers survive anything.

A real ``cthbgraph serve`` process over a folder rebuilt three times, a report added each time:
queries, pages and dumps show the new graph within a few seconds, after the build that the first
workers opened has been removed, and no process of the server still holds a file of an old build.
The pool alone: a worker that cannot start is retried and reported, queries answer 503 meanwhile.
"""

from __future__ import annotations

import gzip
import json
import logging
import os
import time
import urllib.error
from pathlib import Path
from urllib.parse import urlencode
from urllib.request import urlopen

from conftest import excerpt_corpus
from serving import ServeProcess, open_paths

from cthbgraph.builder import build
from cthbgraph.lod.pool import QueryPool
from cthbgraph.lod.workers import QueryRequest

# Real excerpts of the 2006 and 2007 reports, one report each.
REPORTS = {
    "r1-provisions": """III.10. LAW ENFORCEMENT RESPONSE

III.10.2 The Strategic Police Matters Unit and the Office of the OSCE Co-ordinator of Economic and Environmental Activities (OCEEA) will facilitate the exchange of information between participating States on best practices.
""",
    "r2-moldova": "In 2007 the OSCE Mission to Moldova organized a round table on the National Referral System\nwith the International Organization for Migration.\n",
    "r3-odihr": "The ODIHR supported a training seminar for judges in Tbilisi (Georgia) in March 2007.\n",
    "r4-almaty": "The Centre in Almaty held a workshop on labour trafficking (8-10 November 2005).\n",
}
REPORT_COUNT = "SELECT (COUNT(?r) AS ?n) WHERE { ?r a <https://w3id.org/cthb/ontology#Report> }"
FOREVER = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"


def query(url: str, text: str) -> tuple[int, bytes]:
    try:
        with urlopen(url + "sparql?" + urlencode({"query": text, "format": "json"}), timeout=30) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def reports_served(url: str) -> int:
    status, body = query(url, REPORT_COUNT)
    assert status == 200, body
    return int(json.loads(body)["results"]["bindings"][0]["n"]["value"])


def held_builds(srv: ServeProcess, out: Path) -> set[str]:
    """Names of the build folders any process of the server holds a file of."""
    builds = str((out / ".builds").resolve()) + "/"
    held = set()
    for pid in [srv.pid, *srv.workers()]:
        held |= {p[len(builds) :].split("/")[0] for p in open_paths(pid) if p.startswith(builds)}
    return held


def test_server_follows_three_rebuilds(tmp_path, extractor):
    corpus, out = tmp_path / "corpus", tmp_path / "out"
    names = list(REPORTS)
    excerpt_corpus(corpus, **{names[0]: REPORTS[names[0]]})
    build(corpus, out, extractor=extractor)
    first = os.readlink(out / "current")
    srv = ServeProcess(out, tmp_path / "serve.log", "--query-seconds", "2", "--workers", "2")
    try:
        assert reports_served(srv.url) == 1
        for count, name in enumerate(names[1:], 2):
            excerpt_corpus(corpus, **{name: REPORTS[name]})
            build(corpus, out, extractor=extractor)
            for _ in range(25):  # 25 polls 0.2 s apart: the new graph within about 5 s
                if reports_served(srv.url) == count:
                    break
                time.sleep(0.2)
            assert reports_served(srv.url) == count
            # Pages and dumps switched with the queries.
            with urlopen(srv.url + f"report/{name}.ttl", timeout=30) as response:
                assert response.status == 200
            with urlopen(srv.url + "dumps/cthb.nt.gz", timeout=30) as response:
                assert f"/report/{name}>".encode() in gzip.decompress(response.read())
        assert not (out / first).exists()  # the build the first workers opened is gone
        # A worker killed at the time limit is replaced through the link: the new build.
        assert query(srv.url, FOREVER)[0] == 503
        assert query(srv.url, FOREVER)[0] == 503
        assert reports_served(srv.url) == len(names)
        current = os.readlink(out / "current").split("/")[-1]
        for _ in range(50):  # the old pools stop as soon as their queries are done
            if held_builds(srv, out) <= {current}:
                break
            time.sleep(0.2)
        assert held_builds(srv, out) == {current}
    finally:
        assert srv.stop() == 0
    log = srv.log()
    assert log.count("serving build") == 3
    assert "Traceback" not in log


def test_pool_retries_a_worker_that_cannot_start_and_answers_503_meanwhile(built, tmp_path, caplog):
    out = tmp_path / "out"
    out.mkdir()
    store = out / "store"
    store.symlink_to(built.store.resolve())
    with QueryPool(out, size=1, time_limit=1.0, queue_seconds=30) as pool:
        assert pool.run(QueryRequest("ASK { ?s ?p ?o }", formats=("json",))).status == 200
        store.unlink()  # the store is gone: every new worker fails to open it
        with caplog.at_level(logging.WARNING, logger="cthbgraph.server"):
            assert pool.run(QueryRequest(FOREVER)).status == 503  # kills the only worker
            replies = [pool.run(QueryRequest("ASK { ?s ?p ?o }")) for _ in range(3)]
            assert [r.status for r in replies] == [503] * 3  # at once, not after queue_seconds
            assert "no query worker is running" in replies[-1].reason
            store.symlink_to(built.store.resolve())
            for _ in range(100):  # retried with back-off (0.5, 1, 2 ... s): back within seconds
                reply = pool.run(QueryRequest("ASK { ?s ?p ?o }", formats=("json",)))
                if reply.status == 200:
                    break
                time.sleep(0.2)
        assert reply.status == 200
        assert "query worker not started" in caplog.text
