"""Windows has no fcntl, termios, pwd, grp or resource, no fork, no O_NOFOLLOW and no SIGKILL: the tool
imports and builds without any of them, and its lock takes the Windows call there.

The subprocesses run on Linux with those modules made unimportable and those names deleted before
the package is imported, as a Windows Python lacks them. What they cannot show (a real Windows file
system, msvcrt itself) is said in the README, under "Which systems".
"""

from __future__ import annotations

import errno
import json
import os
import subprocess
import sys
import types
from pathlib import Path

import pytest

from scorecard_report import __version__
from scorecard_report.cli import main
from scorecard_report.publish import lock
from scorecard_report.publish.lock import LOCK_NAME, LockedError, publish_lock
from scorecard_report.publish.output import OutputError
from scorecard_report.render.formats import FORMATS

FIXTURES = Path(__file__).resolve().parent / "fixtures"
SMALL = ("--catalogue", str(FIXTURES / "small.yaml"), "--data", str(FIXTURES / "small.csv"))
ENVIRONMENT = {**os.environ, "SOURCE_DATE_EPOCH": "1700000000"}
# The summaries: built from the report alone, so no chart, no worker process and no cache.
SUMMARIES = ",".join(name for name in ("csv", "xlsx") if name in FORMATS)

# Run before anything of the package is imported: what a Windows Python does not have, gone.
NOT_ON_WINDOWS = """
import os, signal, sys
for name in ("fcntl", "termios", "pwd", "grp", "resource"):
    sys.modules[name] = None  # import fcntl: ImportError, as on Windows
for module, names in (
    (os, ("register_at_fork", "fork", "pread", "pwrite", "O_NOFOLLOW", "O_CLOEXEC", "O_NONBLOCK",
          "O_DIRECTORY", "fchmod", "getuid", "geteuid", "killpg", "setsid")),
    (signal, ("SIGKILL", "SIGHUP", "pthread_sigmask")),
):
    for name in names:
        if hasattr(module, name):
            delattr(module, name)
"""

IMPORT_EVERY_MODULE = """
import importlib, json, pkgutil
import scorecard_report
failed = {}
for found in pkgutil.walk_packages(scorecard_report.__path__, "scorecard_report."):
    if found.name == "scorecard_report.__main__":
        continue  # importing it runs the command: it is run below, with --version
    try:
        importlib.import_module(found.name)
    except Exception as error:
        failed[found.name] = repr(error)
print(json.dumps({"imported": len(sys.modules), "failed": failed}))
"""

RUN_THE_COMMAND = """
import runpy
sys.argv = ["scorecard", *sys.argv[1:]]
runpy.run_module("scorecard_report", run_name="__main__")
"""


def without_posix(code: str, *arguments: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", NOT_ON_WINDOWS + code, *arguments],
        cwd=cwd,
        env=ENVIRONMENT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_every_module_imports_without_fcntl_and_the_other_posix_modules(tmp_path: Path) -> None:
    run = without_posix(IMPORT_EVERY_MODULE, cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout)["failed"] == {}


def test_the_command_starts_without_fcntl(tmp_path: Path) -> None:
    run = without_posix(RUN_THE_COMMAND, "--version", cwd=tmp_path)
    assert (run.returncode, run.stdout, run.stderr) == (0, f"scorecard-report {__version__}\n", "")


def test_the_summaries_built_without_fcntl_are_the_bytes_built_with_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # small.yaml's latest month with half its monthly values is January 2023 (FD1, FD8, CF5, CLA1).
    run = without_posix(RUN_THE_COMMAND, "build", *SMALL, "--format", SUMMARIES, "--out", "out", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    assert main(["build", *SMALL, "--format", SUMMARIES, "--out", str(tmp_path / "here"), "-q"]) == 0
    names = [f"small-test-scorecard-2023-01.{extension}" for extension in SUMMARIES.split(",")]
    assert sorted(path.name for path in (tmp_path / "out").iterdir()) == sorted(names)
    for name in names:
        assert (tmp_path / "out" / name).read_bytes() == (tmp_path / "here" / name).read_bytes(), name


# ---------------------------------------------------------------- the lock on Windows, simulated


class FakeMsvcrt(types.ModuleType):
    """msvcrt.locking as Windows does it: a byte range of one file, locked by one handle; a second
    handle's LK_NBLCK on it fails with EACCES at once."""

    LK_UNLCK = 0
    LK_NBLCK = 2

    def __init__(self) -> None:
        super().__init__("msvcrt")
        self.locked: dict[tuple[int, int, int, int], int] = {}
        self.calls: list[tuple[str, int, int]] = []

    def locking(self, handle: int, mode: int, length: int) -> None:
        found = os.fstat(handle)
        offset = os.lseek(handle, 0, os.SEEK_CUR)
        key = (found.st_dev, found.st_ino, offset, length)
        self.calls.append(("lock" if mode == self.LK_NBLCK else "unlock", offset, length))
        holder = self.locked.get(key)
        if mode == self.LK_NBLCK:
            if holder is not None:
                raise PermissionError(errno.EACCES, "Permission denied")
            self.locked[key] = handle
        elif holder == handle:
            del self.locked[key]
        else:
            raise PermissionError(errno.EACCES, "Permission denied")


@pytest.fixture
def windows(monkeypatch: pytest.MonkeyPatch) -> FakeMsvcrt:
    """The lock module as it runs on Windows: sys.platform win32, msvcrt, no fcntl, no O_NOFOLLOW."""
    msvcrt = FakeMsvcrt()
    monkeypatch.setitem(sys.modules, "msvcrt", msvcrt)
    monkeypatch.setitem(sys.modules, "fcntl", None)
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.delattr(os, "O_NOFOLLOW")
    monkeypatch.setattr(lock, "_OPEN_FLAGS", os.O_RDWR | os.O_CREAT)
    return msvcrt


def test_on_windows_the_lock_is_one_byte_far_past_the_pid_which_the_second_publish_reads(
    tmp_path: Path, windows: FakeMsvcrt
) -> None:
    with publish_lock(tmp_path) as path, pytest.raises(LockedError) as caught:
        assert path.read_text() == f"{os.getpid()}\n"  # bytes 0-7, readable: only byte 1 MiB is locked
        with publish_lock(tmp_path):
            pass
    (problem,) = caught.value.problems
    assert f"another publish (process {os.getpid()}) is writing to {tmp_path}" in problem.message
    # taken, refused to the second handle, then unlocked by its holder before its file is closed
    assert windows.calls == [("lock", 1 << 20, 1), ("lock", 1 << 20, 1), ("unlock", 1 << 20, 1)]
    assert windows.locked == {}
    with publish_lock(tmp_path):  # released: the next publish takes it
        assert len(windows.locked) == 1


@pytest.mark.parametrize("dangling", [True, False])
def test_on_windows_a_linked_lock_file_is_refused_before_it_is_opened(
    tmp_path: Path, windows: FakeMsvcrt, dangling: bool
) -> None:
    # Without O_NOFOLLOW, os.open would follow the link, and create its target if it dangles.
    target = tmp_path / "elsewhere.txt"
    if not dangling:
        target.write_text("someone's file\n")
    out = tmp_path / "out"
    out.mkdir()
    (out / LOCK_NAME).symlink_to(target)
    with pytest.raises(OutputError) as caught, publish_lock(out):
        pass
    assert "the lock file is a symbolic link, and nothing is ever written through one" in str(
        caught.value.problems[0].message
    )
    assert windows.calls == []
    assert target.exists() is not dangling  # a dangling link's target was never created
    if not dangling:
        assert target.read_text() == "someone's file\n"


def test_where_there_is_no_sigkill_a_worker_is_stopped_with_sigterm(tmp_path: Path) -> None:
    # Windows has no SIGKILL; os.kill with SIGTERM there is TerminateProcess, which cannot be caught.
    code = "from scorecard_report.render import workers\nprint(workers._KILL is signal.SIGTERM)"
    run = without_posix(code, cwd=tmp_path)
    assert (run.returncode, run.stdout) == (0, "True\n"), run.stderr
