"""One publish at a time in an output folder: a lock the operating system releases when its holder dies."""

from __future__ import annotations

import contextlib
import fcntl
import os
from collections.abc import Iterator
from pathlib import Path

from scorecard_report.problems import ExitCode, InputError, Problem
from scorecard_report.publish.output import OutputError

LOCK_NAME = ".scorecard-publish.lock"


class LockedError(InputError):
    """Another publish holds the output folder's lock (exit 75: try again later)."""

    def __init__(self, lock: Path, holder: str) -> None:
        problem = Problem(
            lock,
            f"another publish ({holder}) is writing to {lock.parent}; nothing was changed",
            hint="try again when it has finished",
        )
        super().__init__([problem], ExitCode.LOCKED)


@contextlib.contextmanager
def publish_lock(folder: Path) -> Iterator[Path]:
    """Hold ``folder``'s lock while the block runs; raise ``LockedError`` at once if it is held."""
    path = folder / LOCK_NAME
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handle = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    except OSError as error:
        raise OutputError(path, error.strerror or str(error)) from None
    try:
        _take(handle, path)
        yield path
    finally:
        os.close(handle)  # closing the last descriptor releases the lock


def _take(handle: int, path: Path) -> None:
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        raise LockedError(path, _holder(handle)) from None
    os.ftruncate(handle, 0)
    os.pwrite(handle, f"{os.getpid()}\n".encode(), 0)


def _holder(handle: int) -> str:
    """``process 1234``, from the pid the holder wrote into the lock file."""
    written = os.pread(handle, 32, 0).decode("ascii", "replace").strip()
    return f"process {written}" if written.isdigit() else "a process that has just started"
