"""One publish at a time in an output folder: a lock the operating system releases when its holder dies.

The lock belongs to the publishing process alone. Its descriptor is closed in every process forked while
it is held (the chart and Word workers), so a worker that outlived a killed publish could never keep it.
The lock file is opened without following a symbolic link and must be a regular file with one name, so
the tool never truncates or writes a file elsewhere through it.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import os
import stat
from collections.abc import Iterator
from pathlib import Path

from scorecard_report.problems import ExitCode, InputError, Problem
from scorecard_report.publish.output import OutputError, os_reason

LOCK_NAME = ".scorecard-publish.lock"
_OPEN_FLAGS = os.O_RDWR | os.O_CREAT | os.O_NONBLOCK | os.O_CLOEXEC | getattr(os, "O_NOFOLLOW", 0)
_held: set[int] = set()


def _close_in_child() -> None:
    for handle in _held:
        with contextlib.suppress(OSError):
            os.close(handle)
    _held.clear()


os.register_at_fork(after_in_child=_close_in_child)


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
    handle = _open_lock_file(folder, path)
    _held.add(handle)
    try:
        _take(handle, path)
        yield path
    finally:
        _held.discard(handle)
        os.close(handle)  # closing the last descriptor releases the lock


def _open_lock_file(folder: Path, path: Path) -> int:
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handle = os.open(path, _OPEN_FLAGS, 0o600)
    except OSError as error:
        if error.errno == errno.ELOOP:
            raise _not_a_lock(path, "a symbolic link") from None
        raise OutputError(path, os_reason(error)) from None
    found = os.fstat(handle)
    if not stat.S_ISREG(found.st_mode) or found.st_nlink != 1:
        os.close(handle)
        raise _not_a_lock(path, "not a regular file" if not stat.S_ISREG(found.st_mode) else "a hard link")
    return handle


def _not_a_lock(path: Path, what: str) -> OutputError:
    return OutputError(
        path,
        f"the lock file is {what}, and nothing is ever written through one; nothing was changed",
        hint=f"remove {path.name} from the output folder (the next publish creates it afresh)",
    )


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
