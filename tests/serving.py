"""`cthbgraph serve` as a real process for the server tests: its URL, its processes, its log.

Not a test module: imported by test_server*.py.
"""

from __future__ import annotations

import contextlib
import os
import re
import select
import signal
import subprocess
import sys
from pathlib import Path

CTHBGRAPH = str(Path(sys.executable).parent / "cthbgraph")


class ServeProcess:
    """``cthbgraph serve --port 0`` over ``graph_dir``; stderr (access log, notes, any traceback)
    goes to ``log``. Stop it with :meth:`stop`."""

    def __init__(self, graph_dir: Path, log: Path, *args: str):
        self.log_path = log
        self._log = open(log, "wb")  # noqa: SIM115  (open while the process runs; closed by stop())
        self.process = subprocess.Popen(
            [CTHBGRAPH, "serve", "--port", "0", "--graph-dir", str(graph_dir), *args],
            stdout=subprocess.PIPE,
            stderr=self._log,
        )
        ready, _, _ = select.select([self.process.stdout], [], [], 180)
        line = self.process.stdout.readline().decode() if ready else ""
        found = re.search(r" at (http://[^ ]+/) ", line)
        if not found:
            self.stop()
            raise RuntimeError(f"cthbgraph serve did not start: {line!r}\n{self.log()}")
        self.url = found.group(1)
        host, port = re.match(r"http://([^/]+):(\d+)/", self.url).groups()
        self.server_address = (host, int(port))

    @property
    def pid(self) -> int:
        return self.process.pid

    def workers(self) -> list[int]:
        """Process ids of the server's children (its query workers)."""
        found = []
        for task in Path(f"/proc/{self.pid}/task").iterdir():
            with contextlib.suppress(OSError):
                found += [int(p) for p in (task / "children").read_text().split()]
        return found

    def log(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")

    def stop(self) -> int:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(10)
        self._log.close()
        return self.process.returncode


def rss(pid: int) -> int:
    """Resident memory of a process in bytes (Linux /proc), 0 once it has gone."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def open_paths(pid: int) -> set[str]:
    """Files a process holds: open descriptors and mapped files."""
    paths = set()
    try:
        for fd in Path(f"/proc/{pid}/fd").iterdir():
            with contextlib.suppress(OSError):
                paths.add(os.readlink(fd))
        for line in Path(f"/proc/{pid}/maps").read_text().splitlines():
            parts = line.split(maxsplit=5)
            if len(parts) == 6 and parts[5].startswith("/"):
                paths.add(parts[5])
    except OSError:
        pass
    return paths
