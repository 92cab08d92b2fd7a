"""Builds on a Dask cluster: a real scheduler and two workers on loopback, started by the tests.

The same corpus built on the cluster and on one machine gives the same cthb.nt, byte for byte; a
worker killed mid-build has its tasks run again elsewhere; a scheduler that goes away ends the build
with one line and exit 3, and the previous graph stays.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytest.importorskip("distributed", reason="needs Dask's distributed package (the cluster extra)")

from distributed import Client  # noqa: E402

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
DASK = Path(sys.executable).with_name("dask")


def cthbgraph(*args: str) -> list[str]:
    return [sys.executable, "-m", "cthbgraph", *args]


def excerpts(folder: Path, size: int = 12_000) -> Path:
    """The opening of each report of corpus/, cut at a paragraph: small real reports."""
    folder.mkdir()
    for report in sorted(CORPUS.glob("*.txt")):
        text = report.read_text(encoding="utf-8")
        cut = text.rfind("\n\n", 0, size)
        (folder / report.name).write_text(text[: cut if cut > 0 else size], encoding="utf-8")
    return folder


class LocalCluster:
    """``dask scheduler`` and ``dask worker`` processes on 127.0.0.1, as an operator starts them."""

    def __init__(self, folder: Path, workers: int = 2):
        self.file = folder / "scheduler.json"
        env = {**os.environ, "DASK_DISTRIBUTED__WORKER__DAEMON": "False"}
        quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL, "env": env}
        self.scheduler = subprocess.Popen(
            [str(DASK), "scheduler", "--host", "127.0.0.1", "--port", "0", "--no-dashboard", "--scheduler-file", str(self.file)], **quiet
        )
        self.address = self._address()
        self.workers = [
            subprocess.Popen([str(DASK), "worker", self.address, "--nthreads", "1", "--no-nanny", "--no-dashboard", "--host", "127.0.0.1"], **quiet)
            for _ in range(workers)
        ]
        with self.client() as client:
            client.wait_for_workers(workers, timeout=60)

    def _address(self) -> str:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.file.exists():
                try:
                    return json.loads(self.file.read_text())["address"]
                except (ValueError, KeyError):
                    pass
            time.sleep(0.2)
        raise AssertionError("the Dask scheduler did not start")

    def client(self) -> Client:
        return Client(self.address, timeout=30, set_as_default=False)

    def stop(self) -> None:
        for process in (*self.workers, self.scheduler):
            if process.poll() is None:
                process.kill()
            process.wait()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    return excerpts(tmp_path_factory.mktemp("cluster") / "corpus")


@pytest.fixture(scope="module")
def single(corpus, tmp_path_factory) -> bytes:
    """cthb.nt of the corpus built on one machine, in two processes."""
    out = tmp_path_factory.mktemp("single")
    done = subprocess.run(cthbgraph("build", "--corpus", str(corpus), "--graph-dir", str(out), "--jobs", "2", "--quiet", "--no-cache"))
    assert done.returncode == 0
    return (out / "cthb.nt").read_bytes()


@pytest.fixture
def cluster(tmp_path):
    started = LocalCluster(tmp_path)
    yield started
    started.stop()


def test_cluster_build_equals_a_build_on_one_machine(corpus, single, cluster, tmp_path):
    out = tmp_path / "out"
    done = subprocess.run(cthbgraph("build", "--corpus", str(corpus), "--graph-dir", str(out), "--scheduler", cluster.address, "--quiet"), capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert (out / "cthb.nt").read_bytes() == single
    # The workers shared the build's cache: a forced rebuild reads every report from it.
    again = subprocess.run(cthbgraph("build", "--corpus", str(corpus), "--graph-dir", str(out), "--scheduler", cluster.address, "--quiet", "--force"))
    assert again.returncode == 0 and (out / "cthb.nt").read_bytes() == single
    assert any((out / ".cache").rglob("*.spacy"))


def busy_worker(cluster: LocalCluster, timeout: float = 120) -> str:
    """The address of a worker while it is running a task of the build."""
    with cluster.client() as client:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            busy = [w for w, tasks in client.processing().items() if tasks]
            if busy:
                return busy[0]
            time.sleep(0.05)
    raise AssertionError("no worker got a task")


def test_cluster_worker_killed_mid_build_changes_nothing(corpus, single, cluster, tmp_path):
    out = tmp_path / "out"
    build = subprocess.Popen(cthbgraph("build", "--corpus", str(corpus), "--graph-dir", str(out), "--scheduler", cluster.address, "--quiet", "--no-cache"), stderr=subprocess.PIPE, text=True)
    victim = busy_worker(cluster)
    port = victim.rsplit(":", 1)[1]
    (killed,) = [w for w in cluster.workers if _listens(w.pid, port)]
    killed.send_signal(signal.SIGKILL)
    assert build.wait(timeout=600) == 0, build.stderr.read()
    assert (out / "cthb.nt").read_bytes() == single


def test_cluster_scheduler_gone_keeps_the_previous_graph(corpus, single, cluster, tmp_path):
    out = tmp_path / "out"
    subprocess.run(cthbgraph("build", "--corpus", str(corpus), "--graph-dir", str(out), "--quiet"), check=True)
    build = subprocess.Popen(
        cthbgraph("build", "--corpus", str(corpus), "--graph-dir", str(out), "--scheduler", cluster.address, "--quiet", "--no-cache", "--force"),
        stderr=subprocess.PIPE,
        text=True,
    )
    busy_worker(cluster)
    cluster.scheduler.send_signal(signal.SIGKILL)
    assert build.wait(timeout=300) == 3
    lines = [line for line in build.stderr.read().splitlines() if line.strip()]
    assert "Traceback" not in "\n".join(lines) and lines[0].startswith("Error:") and "Dask scheduler" in lines[0]
    assert (out / "cthb.nt").read_bytes() == single


def test_cluster_unreachable_scheduler_is_one_line(corpus, tmp_path):
    done = subprocess.run(
        cthbgraph("build", "--corpus", str(corpus), "--graph-dir", str(tmp_path / "out"), "--scheduler", "tcp://127.0.0.1:9", "--quiet"),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 3
    assert "Traceback" not in done.stderr and "no Dask scheduler answers at tcp://127.0.0.1:9" in done.stderr


def _listens(pid: int, port: str) -> bool:
    import psutil

    return any(str(c.laddr.port) == port for c in psutil.Process(pid).net_connections(kind="tcp") if c.status == psutil.CONN_LISTEN)
