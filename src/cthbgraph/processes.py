"""Worker processes forked from this one, for the stages of a build that run in ``jobs`` processes.

Forked, the workers inherit what the parent holds when the pool starts (the loaded spaCy model,
the data of the stage) without copying or pickling it; they die with the parent, so a build
killed with SIGKILL leaves no process behind.
"""

from __future__ import annotations

import contextlib
import gc
import multiprocessing
import os
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor


@contextlib.contextmanager
def forked_pool(jobs: int) -> Iterator[ProcessPoolExecutor]:
    """``jobs`` processes forked from this one: they inherit what it holds (the model, the data of
    the stage) without copying it, and die with it."""
    # Frozen, what exists now is neither scanned nor copied by the garbage collector of the workers.
    gc.freeze()
    try:
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=_init_worker) as pool:
            yield pool
    finally:
        gc.unfreeze()


def in_processes(function: Callable, items: list, jobs: int) -> Iterator:
    """``map(function, items)`` in ``jobs`` forked processes (in this one when ``jobs`` is 1), in order."""
    if jobs <= 1 or len(items) < 2:
        yield from map(function, items)
        return
    with forked_pool(jobs) as pool:
        yield from pool.map(function, items)


def _init_worker() -> None:
    # A worker dies with the build: a build killed with SIGKILL leaves no process behind (Linux).
    try:
        import ctypes
        import signal

        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass
    # Threads of the BLAS library would fight the worker processes for the same cores.
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    try:
        from threadpoolctl import threadpool_limits

        threadpool_limits(1)
    except ImportError:
        pass
