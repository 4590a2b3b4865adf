"""One publish at a time in an output folder: a lock the operating system releases when its holder dies.

The lock belongs to the publishing process alone. Its descriptor is closed in every process forked while
it is held (the chart and Word workers), so a worker that outlived a killed publish could never keep it.
The lock file is opened without following a symbolic link and must be a regular file with one name, so
the tool never truncates or writes a file elsewhere through it.

The lock call is chosen at run time, so that no system's module is imported where it does not exist:
``flock`` on Linux and macOS, ``msvcrt.locking`` on Windows. The ``filelock`` package would do the same
calls, but it names no holder, and it opens whatever it finds at the lock's name (a hard link to another
file, a pipe, a device), where this module refuses all of them before writing a byte.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import sys
from collections.abc import Iterator
from pathlib import Path

from scorecard_report.problems import ExitCode, InputError, Problem
from scorecard_report.publish.output import OutputError, os_reason

LOCK_NAME = ".scorecard-publish.lock"
# Each flag only where the system has it. Windows has no O_NOFOLLOW (see _refuse_a_link) and needs none of
# O_NONBLOCK or O_CLOEXEC: a descriptor it opens is never inherited by a child (PEP 446), and Windows
# has no fork, so its workers never hold the lock.
_OPEN_FLAGS = (
    os.O_RDWR
    | os.O_CREAT
    | getattr(os, "O_NONBLOCK", 0)
    | getattr(os, "O_CLOEXEC", 0)
    | getattr(os, "O_NOFOLLOW", 0)
    | getattr(os, "O_BINARY", 0)
)
# msvcrt.locking locks a range of bytes, and a locked byte cannot even be read by another process: the
# lock is taken on one byte far past the holder's pid, which stays readable for the message.
_WINDOWS_LOCK_OFFSET = 1 << 20
_held: set[int] = set()


def _close_in_child() -> None:
    for handle in _held:
        with contextlib.suppress(OSError):
            os.close(handle)
    _held.clear()


if hasattr(os, "register_at_fork"):  # no fork on Windows: nothing to close in a child there
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
        try:
            yield path
        finally:
            _release(handle)
    finally:
        _held.discard(handle)
        os.close(handle)  # closing the last descriptor releases the lock


def _open_lock_file(folder: Path, path: Path) -> int:
    try:
        folder.mkdir(parents=True, exist_ok=True)
        _refuse_a_link(path)
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


def _refuse_a_link(path: Path) -> None:
    """Where ``os.open`` cannot refuse a link itself (Windows), look first: a symbolic link or a junction
    at the lock's name is refused before it is opened, so nothing is created or written through it.

    Creating a link there takes an administrator or Developer Mode; the moment between this look and the
    open is the one gap O_NOFOLLOW closes on Linux and macOS.
    """
    if hasattr(os, "O_NOFOLLOW"):
        return  # os.open refuses it with ELOOP
    try:
        found = os.lstat(path)
    except FileNotFoundError:
        return
    reparse_tag: int = getattr(found, "st_reparse_tag", 0)  # a junction is a reparse point too
    if stat.S_ISLNK(found.st_mode) or reparse_tag:
        raise _not_a_lock(path, "a symbolic link")


def _not_a_lock(path: Path, what: str) -> OutputError:
    return OutputError(
        path,
        f"the lock file is {what}, and nothing is ever written through one; nothing was changed",
        hint=f"remove {path.name} from the output folder (the next publish creates it afresh)",
    )


def _take(handle: int, path: Path) -> None:
    if not _lock_at_once(handle):
        raise LockedError(path, _holder(handle))
    os.ftruncate(handle, 0)
    os.lseek(handle, 0, os.SEEK_SET)
    os.write(handle, f"{os.getpid()}\n".encode())


def _lock_at_once(handle: int) -> bool:
    """Take the lock without waiting: True when taken, False when another process holds it."""
    if sys.platform == "win32":
        import msvcrt

        os.lseek(handle, _WINDOWS_LOCK_OFFSET, os.SEEK_SET)
        try:
            msvcrt.locking(handle, msvcrt.LK_NBLCK, 1)
        except OSError:  # EACCES (or EDEADLOCK): the byte is locked by another handle
            return False
        return True
    import fcntl

    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def _release(handle: int) -> None:
    """On Windows, unlock before closing: its documentation leaves the release of a closed file's locks
    to "when resources allow". Elsewhere closing the descriptor is the release."""
    if sys.platform == "win32":
        import msvcrt

        with contextlib.suppress(OSError):
            os.lseek(handle, _WINDOWS_LOCK_OFFSET, os.SEEK_SET)
            msvcrt.locking(handle, msvcrt.LK_UNLCK, 1)


def _holder(handle: int) -> str:
    """``process 1234``, from the pid the holder wrote into the lock file."""
    os.lseek(handle, 0, os.SEEK_SET)
    written = os.read(handle, 32).decode("ascii", "replace").strip()
    return f"process {written}" if written.isdigit() else "a process that has just started"
