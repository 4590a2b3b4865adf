"""Worker processes for charts and the Word document: they ignore Ctrl-C, die with their parent, and are
stopped at once when the build is interrupted.

A worker forked from a publish would otherwise outlive a ``kill -9`` of its parent, blocked for ever on
its task queue (it holds that queue's write end itself, so it never sees the end of it).
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor

PARENT_CHECK_SECONDS = 0.2
_PARENTS_SIGNALS = {signal.SIGINT, signal.SIGTERM}
# Windows has no SIGKILL: os.kill with SIGTERM there is TerminateProcess, which cannot be caught either.
_KILL = getattr(signal, "SIGKILL", signal.SIGTERM)


# A Ctrl-C that lands while a worker is being forked would reach the new worker before its initializer
# could ignore it, and print a traceback: so the signals are held back across the fork, the worker gives
# them their worker dispositions first, and only then lets them through (where the parent handles them).
def _hold_signals() -> None:
    signal.pthread_sigmask(signal.SIG_BLOCK, _PARENTS_SIGNALS)


def _release_signals() -> None:
    signal.pthread_sigmask(signal.SIG_UNBLOCK, _PARENTS_SIGNALS)


def _worker_signals() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    _release_signals()


if hasattr(signal, "pthread_sigmask"):
    os.register_at_fork(
        before=_hold_signals, after_in_parent=_release_signals, after_in_child=_worker_signals
    )


@contextlib.contextmanager
def worker_pool(workers: int) -> Iterator[ProcessPoolExecutor]:
    """A process pool whose workers end with the block: after their work, or on an error once the work
    under way is done, or at once on Ctrl-C or SIGTERM."""
    pool = ProcessPoolExecutor(max_workers=workers, initializer=start_worker, initargs=(os.getpid(),))
    try:
        yield pool
    except Exception:
        pool.shutdown(cancel_futures=True)
        raise
    except BaseException:
        stop_at_once(pool)
        raise
    pool.shutdown()


def stop_at_once(pool: ProcessPoolExecutor) -> None:
    """Cancel what has not started and end the workers, so Ctrl-C does not wait for the last chart."""
    processes = list(getattr(pool, "_processes", None) or {})
    pool.shutdown(wait=False, cancel_futures=True)
    for pid in processes:
        with contextlib.suppress(OSError):
            os.kill(pid, _KILL)


def start_worker(parent: int) -> None:
    """In each worker: leave Ctrl-C and SIGTERM to the parent, and end when the parent is gone."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    # A worker writes to the real stderr, never through the parent's progress bar: the fork may have
    # copied the bar's lock while its refresh thread held it, and a warning written through it would wait
    # for ever.
    if sys.__stderr__ is not None:
        sys.stderr = sys.__stderr__
    threading.Thread(target=_end_with, args=(parent,), name="end-with-parent", daemon=True).start()


def _end_with(parent: int) -> None:
    if sys.platform == "win32":
        # Windows adopts no orphan, so the parent's pid never changes: wait on the parent's process
        # handle instead, which multiprocessing opens in every worker it spawns.
        watched = multiprocessing.parent_process()
        if watched is None:  # not started by a pool: nothing to end with
            return
        watched.join()
    else:
        while os.getppid() == parent:  # an orphan is adopted by another process at once
            time.sleep(PARENT_CHECK_SECONDS)
    os._exit(1)
