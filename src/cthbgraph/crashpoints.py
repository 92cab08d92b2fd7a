"""Named points where a test can kill a build, to prove that a kill at any of them loses nothing.

``CTHB_TEST_KILL_AT=<name>`` makes the build kill itself with SIGKILL (no ``finally``, no
clean-up: as the kernel or a user's ``kill -9`` would) when it reaches the point of that name;
``CTHB_TEST_KILL_AT=<name>:<n>`` at its n-th passage (from 1). Without the variable a point costs
one dictionary look-up. :data:`POINTS` lists every point, for the tests that go through them all.
"""

from __future__ import annotations

import os
import signal

#: Every point, in the order a build passes them.
POINTS = (
    "lock-taken",
    "cleanup-link",
    "cleanup-folder",
    "staging-made",
    "records-written",
    "graph-merged",
    "outputs-written",
    "record-written",
    "manifest-written",
    "build-in-place",
    "current-switched",
    "link-made",
    "old-build-aside",
    "old-build-removing",
    "old-builds-removed",
)

_passed: dict[str, int] = {}


def crashpoint(name: str) -> None:
    """Die here (SIGKILL) if ``$CTHB_TEST_KILL_AT`` names this point (and, with ``:n``, this passage)."""
    wanted = os.environ.get("CTHB_TEST_KILL_AT")
    if not wanted:
        return
    point, _, nth = wanted.partition(":")
    if point != name:
        return
    _passed[name] = _passed.get(name, 0) + 1
    if _passed[name] >= int(nth or 1):
        os.kill(os.getpid(), signal.SIGKILL)
