"""``scorecard publish`` as cron runs it: real processes, a real lock, SIGSTOP and SIGKILL mid-build.

A publish builds in a hidden ``.publish-…`` folder that stays empty while the renderers run (about half a
second for CSV and HTML), so a test that sees the folder and finds it still empty after stopping the
process has stopped it mid-build, before anything could be moved into place.
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

from scorecard_report.cli import main

TIMEOUT = 60
# Colour forced on: a run whose stderr is not a terminal must still write no escape codes.
ENVIRONMENT = {**os.environ, "SOURCE_DATE_EPOCH": "1700000000", "FORCE_COLOR": "1", "TERM": "xterm-256color"}
PUBLISH = ("publish", "--config", "scorecard.toml", "--format", "csv,html")


def start(project: Path, *arguments: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "scorecard_report", *arguments],
        cwd=project,
        env=ENVIRONMENT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def run(project: Path, *arguments: str) -> subprocess.CompletedProcess[str]:
    process = start(project, *arguments)
    out, err = process.communicate(timeout=TIMEOUT)
    return subprocess.CompletedProcess(process.args, process.returncode, out, err)


def public_files(folder: Path) -> dict[str, bytes]:
    return {
        path.name: path.read_bytes() for path in sorted(folder.iterdir()) if not path.name.startswith(".")
    }


def stop_mid_build(process: subprocess.Popen[str], output: Path) -> Path:
    """Stop ``process`` once it is building, and return its (still empty) temporary folder."""
    deadline = time.monotonic() + TIMEOUT
    while time.monotonic() < deadline and process.poll() is None:
        building = list(output.glob(".publish-*"))
        if building:
            process.send_signal(signal.SIGSTOP)
            assert building[0].is_dir(), "the publish finished before it could be stopped"
            assert list(building[0].iterdir()) == [], "the publish was stopped after it had built"
            return building[0]
        time.sleep(0.002)
    pytest.fail(f"the publish never started building: {process.communicate()}")


def test_publish_then_publish_again_rewrites_nothing(project: Path) -> None:
    first = run(project, *PUBLISH)
    assert first.returncode == 0, first.stderr
    assert "\x1b" not in first.stderr
    output = project / "output"
    names = [
        "scorecard-2025-03.csv",
        "scorecard-2025-03.html",
        "scorecard-latest.csv",
        "scorecard-latest.html",
        "scorecard-2025-03-snapshot.json",  # what it showed, for the next publish to compare with
    ]
    assert sorted(public_files(output)) == sorted([*names, "manifest.json"])
    assert {name: (output / name).stat().st_mode & 0o777 for name in public_files(output)} == dict.fromkeys(
        [*names, "manifest.json"], 0o644
    )
    manifest = json.loads((output / "manifest.json").read_text(encoding="utf-8"))
    assert (manifest["period"], manifest["built_at"]) == ("2025-03", "2023-11-14T22:13:20Z")
    assert sorted(manifest["inputs"]) == ["data/values.csv", "indicators.yaml", "scorecard.toml"]
    stamps = {
        path.name: path.stat().st_mtime_ns for path in output.iterdir() if not path.name.startswith(".")
    }

    second = run(project, *PUBLISH)
    assert second.returncode == 0, second.stderr
    assert "up to date: scorecard for March 2025 is already published from these inputs" in second.stderr
    assert "\x1b" not in second.stderr
    assert {
        path.name: path.stat().st_mtime_ns for path in output.iterdir() if not path.name.startswith(".")
    } == (stamps)


def test_a_second_publish_while_one_runs_exits_75_and_the_first_finishes(
    project: Path, reaper: list[subprocess.Popen[str]]
) -> None:
    first = start(project, *PUBLISH)
    reaper.append(first)
    stop_mid_build(first, project / "output")

    second = run(project, *PUBLISH)
    assert second.returncode == 75
    assert f"another publish (process {first.pid}) is writing to output; nothing was changed" in second.stderr
    assert "try again when it has finished" in second.stderr
    assert public_files(project / "output") == {}

    first.send_signal(signal.SIGCONT)
    _out, err = first.communicate(timeout=TIMEOUT)
    assert first.returncode == 0, err
    assert "scorecard-latest.html" in public_files(project / "output")


def test_sigkill_mid_build_leaves_the_published_files_and_the_next_run_cleans_up(
    project: Path, reaper: list[subprocess.Popen[str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(project)
    assert main(list(PUBLISH)) == 0  # the files already published (in-process: quicker)
    output = project / "output"
    published = public_files(output)
    with (project / "data" / "values.csv").open("a", encoding="utf-8") as values:
        values.write("FD1,2025-04,1333,,,\nFD2,2025-04,88,,,\nFD3,2025-04,19.5,,,\n")  # April is ready

    killed = start(project, *PUBLISH)
    reaper.append(killed)
    leftover = stop_mid_build(killed, output)
    killed.send_signal(signal.SIGKILL)
    killed.communicate(timeout=TIMEOUT)
    assert killed.returncode == -signal.SIGKILL
    assert public_files(output) == published  # the same names, every byte as it was
    assert leftover.exists()  # under a hidden name, for the next run to remove

    # The dead process's pid is still in the lock file, but the operating system released its lock.
    after = run(project, *PUBLISH)
    assert after.returncode == 0, after.stderr
    assert not leftover.exists()
    assert "scorecard-2025-04.csv" in public_files(output)
    assert [path.name for path in output.iterdir() if path.name.startswith(".")] == [
        ".scorecard-publish.lock"
    ]
