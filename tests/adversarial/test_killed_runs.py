"""A publish or build killed mid-build (SIGKILL, SIGTERM, Ctrl-C) never blocks the next run, leaves no
worker behind and no temporary file, and says one line.

The runs are real processes building the PDF and the Word document, so that the Word worker is alive
beside the PDF when the signal comes: a forked worker that kept the lock's descriptor would hold the
lock for ever after its parent died.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="reads children from /proc")

TIMEOUT = 60
ENVIRONMENT = {**os.environ, "SOURCE_DATE_EPOCH": "1700000000"}
# The 145-indicator example: its charts are drawn by a pool of workers, and its Word document by another
# beside the PDF, for long enough to be caught at it. Only the CSV is published after the kill.
EXAMPLE = Path(__file__).resolve().parents[2] / "indicator_specs.yaml"
DOCUMENTS = ("--catalogue", str(EXAMPLE), "--out", "output", "--format", "pdf,docx,csv", "--no-cache", "-q")
PUBLISH = ("publish", *DOCUMENTS)
BUILD = ("build", *DOCUMENTS)
PUBLISH_CSV = ("publish", "--catalogue", str(EXAMPLE), "--out", "output", "--format", "csv", "-q")


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return tmp_path


def start(project: Path, arguments: tuple[str, ...]) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "scorecard_report", *arguments],
        cwd=project,
        env=ENVIRONMENT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # its own process group, as a terminal's Ctrl-C reaches it
    )


def children(pid: int) -> list[int]:
    """Children of every thread of ``pid`` (a pool may start its workers from a thread of its own)."""
    found = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            found += [int(child) for child in (task / "children").read_text().split()]
        except OSError:
            continue
    return found


def command_line(pid: int) -> bytes:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return b""


def wait_for_worker(process: subprocess.Popen[str]) -> list[int]:
    """The pids of ``process``'s workers, once the Word document's worker is running beside the PDF.

    A worker is forked, so it has its parent's command line; so has, for a moment, a child forked to
    run another program (a library looking itself up with ``ldconfig``), so a worker is a child that
    still has it a little later.
    """
    deadline = time.monotonic() + TIMEOUT
    parent = "".join(f"{argument}\0" for argument in process.args).encode()  # type: ignore[union-attr]
    while time.monotonic() < deadline and process.poll() is None:
        forked = [child for child in children(process.pid) if command_line(child) == parent]
        time.sleep(0.3)
        workers = [child for child in forked if command_line(child) == parent]
        if workers:
            return workers
    pytest.fail(f"no worker was ever started: {process.communicate()}")


def gone(pids: list[int]) -> bool:
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        alive = [pid for pid in pids if Path(f"/proc/{pid}").exists() and not _zombie(pid)]
        if not alive:
            return True
        time.sleep(0.05)
    return False


def _zombie(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0] == "Z"
    except OSError:
        return False


def names(folder: Path) -> set[str]:
    return {path.name for path in folder.iterdir()}


def hidden(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.iterdir() if path.name.startswith("."))


def run(project: Path, arguments: tuple[str, ...]) -> subprocess.CompletedProcess[str]:
    process = start(project, arguments)
    out, err = process.communicate(timeout=TIMEOUT)  # a worker left holding the pipes would time out here
    return subprocess.CompletedProcess(process.args, process.returncode, out, err)


def test_a_publish_killed_with_sigkill_mid_build_never_blocks_the_next(
    project: Path, reaper: list[subprocess.Popen[str]]
) -> None:
    killed = start(project, PUBLISH)
    reaper.append(killed)
    workers = wait_for_worker(killed)
    killed.send_signal(signal.SIGKILL)
    killed.communicate(timeout=TIMEOUT)

    after = run(project, PUBLISH_CSV)
    assert after.returncode == 0, after.stderr
    assert after.stderr == ""
    output = project / "output"
    assert {"childrens-scorecard-latest.csv", "manifest.json"} <= names(output)
    assert gone(workers), "a worker outlived its parent"
    assert hidden(output) == [".scorecard-publish.lock"]


def test_a_publish_stopped_with_sigterm_cleans_up_says_one_line_and_never_blocks_the_next(
    project: Path, reaper: list[subprocess.Popen[str]]
) -> None:
    stopped = start(project, PUBLISH)
    reaper.append(stopped)
    workers = wait_for_worker(stopped)
    stopped.send_signal(signal.SIGTERM)
    _out, err = stopped.communicate(timeout=TIMEOUT)

    assert stopped.returncode == 143
    assert err == "error: stopped by SIGTERM: nothing was published\n"
    assert gone(workers), "a worker outlived its parent"
    output = project / "output"
    assert hidden(output) == [".scorecard-publish.lock"]  # its temporary folder is gone
    after = run(project, PUBLISH_CSV)
    assert after.returncode == 0, after.stderr
    assert "childrens-scorecard-latest.csv" in names(output)


def test_ctrl_c_during_a_build_says_one_line_exits_130_and_leaves_no_temporary_file(
    project: Path, reaper: list[subprocess.Popen[str]]
) -> None:
    output = project / "output"
    output.mkdir()
    (output / "childrens-scorecard-2026-10.pdf").write_bytes(b"last month's good PDF")
    interrupted = start(project, BUILD)
    reaper.append(interrupted)
    workers = wait_for_worker(interrupted)
    os.killpg(interrupted.pid, signal.SIGINT)  # what a terminal sends: the whole process group
    _out, err = interrupted.communicate(timeout=TIMEOUT)

    assert interrupted.returncode == 130
    assert err == "error: interrupted: nothing was written\n"
    assert gone(workers), "a worker outlived its parent"
    assert names(output) == {"childrens-scorecard-2026-10.pdf"}
    assert (output / "childrens-scorecard-2026-10.pdf").read_bytes() == b"last month's good PDF"
