"""Publishing in-process: names, modes, the manifest, up to date, the lock, and nothing touched on failure."""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterator, Mapping
from pathlib import Path

import pytest

from scorecard_report import __version__
from scorecard_report.inputs.periods import Month
from scorecard_report.problems import ExitCode
from scorecard_report.publish.lock import LOCK_NAME, LockedError, publish_lock
from scorecard_report.publish.policy import PublishJob
from scorecard_report.publish.publish import BadOutputError, publish

CSV = b"ref,section\nFD1,Front Door\n"
HTML = b"<!DOCTYPE html><html><body>January</body></html>\n"


class Renderer:
    """Stands in for the renderers: returns ``outputs`` and counts the calls."""

    def __init__(self, outputs: Mapping[str, bytes]) -> None:
        self.outputs = outputs
        self.calls = 0

    def __call__(self) -> Mapping[str, bytes]:
        self.calls += 1
        return self.outputs


def no_steps(_description: str) -> None:
    return None


@pytest.fixture
def job(tmp_path: Path) -> PublishJob:
    inputs = tmp_path / "project"
    inputs.mkdir()
    (inputs / "indicators.yaml").write_text("title: T\n", encoding="utf-8")
    (inputs / "values.csv").write_text("ref,period,value\n", encoding="utf-8")
    return PublishJob(
        output=tmp_path / "www",
        name="scorecard",
        period=Month(2023, 1),
        formats=("csv", "html"),
        inputs=(inputs / "indicators.yaml", inputs / "values.csv"),
        inputs_relative_to=inputs,
        settings={"formats": ["csv", "html"]},
    )


def public_files(folder: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in folder.iterdir() if not path.name.startswith(".")}


def stamps(folder: Path) -> dict[str, tuple[int, int]]:
    return {
        name: ((folder / name).stat().st_mtime_ns, (folder / name).stat().st_ino)
        for name in public_files(folder)
    }


@pytest.fixture
def strict_umask() -> Iterator[None]:
    before = os.umask(0o077)
    yield
    os.umask(before)


def test_publishes_dated_and_latest_names_and_a_manifest(job: PublishJob) -> None:
    result = publish(job, Renderer({"csv": CSV, "html": HTML}), no_steps)
    assert not result.up_to_date
    assert public_files(job.output) == {
        "scorecard-2023-01.csv": CSV,
        "scorecard-latest.csv": CSV,
        "scorecard-2023-01.html": HTML,
        "scorecard-latest.html": HTML,
        "manifest.json": (job.output / "manifest.json").read_bytes(),
    }
    assert [path.name for path in result.published][-1] == "manifest.json"


def test_the_manifest_has_period_version_time_and_every_hash(
    job: PublishJob, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1675209600")
    publish(job, Renderer({"csv": CSV, "html": HTML}), no_steps)
    manifest = json.loads((job.output / "manifest.json").read_text(encoding="utf-8"))
    sha = lambda content: hashlib.sha256(content).hexdigest()  # noqa: E731
    assert manifest == {
        "period": "2023-01",
        "tool_version": __version__,
        "built_at": "2023-02-01T00:00:00Z",
        "settings": {"formats": ["csv", "html"]},
        "inputs": {
            "indicators.yaml": sha(b"title: T\n"),
            "values.csv": sha(b"ref,period,value\n"),
        },
        "outputs": {
            "scorecard-2023-01.csv": sha(CSV),
            "scorecard-latest.csv": sha(CSV),
            "scorecard-2023-01.html": sha(HTML),
            "scorecard-latest.html": sha(HTML),
        },
    }


@pytest.mark.usefixtures("strict_umask")
def test_published_files_are_0644_whatever_the_umask(job: PublishJob) -> None:
    publish(job, Renderer({"csv": CSV, "html": HTML}), no_steps)
    modes = {path.name: path.stat().st_mode & 0o777 for path in job.output.iterdir()}
    assert modes.pop(LOCK_NAME) == 0o600
    assert set(modes.values()) == {0o644}


def test_the_configured_mode_is_used(job: PublishJob) -> None:
    publish(
        PublishJob(**{**job.__dict__, "file_mode": 0o640}), Renderer({"csv": CSV, "html": HTML}), no_steps
    )
    assert {(job.output / name).stat().st_mode & 0o777 for name in public_files(job.output)} == {0o640}


def test_same_inputs_again_is_up_to_date_and_rewrites_nothing(job: PublishJob) -> None:
    publish(job, Renderer({"csv": CSV, "html": HTML}), no_steps)
    before = stamps(job.output)
    again = Renderer({"csv": CSV, "html": HTML})
    assert publish(job, again, no_steps).up_to_date
    assert again.calls == 0
    assert stamps(job.output) == before


@pytest.mark.parametrize("change", ["input", "setting", "output deleted", "output edited", "manifest broken"])
def test_any_change_publishes_again(job: PublishJob, change: str) -> None:
    publish(job, Renderer({"csv": CSV, "html": HTML}), no_steps)
    if change == "input":
        job.inputs[1].write_text("ref,period,value\nFD1,2023-01,5\n", encoding="utf-8")
    elif change == "setting":
        job = PublishJob(**{**job.__dict__, "settings": {"formats": ["csv", "html"], "sections": ["care"]}})
    elif change == "output deleted":
        (job.output / "scorecard-latest.csv").unlink()
    elif change == "output edited":
        (job.output / "scorecard-2023-01.html").write_bytes(b"defaced")
    else:
        (job.output / "manifest.json").write_text("{", encoding="utf-8")
    assert not publish(job, Renderer({"csv": CSV, "html": HTML}), no_steps).up_to_date
    assert (job.output / "scorecard-2023-01.html").read_bytes() == HTML


def test_a_failed_build_leaves_the_published_files_and_no_temporary_ones(job: PublishJob) -> None:
    publish(job, Renderer({"csv": CSV, "html": HTML}), no_steps)
    before = public_files(job.output)
    job.inputs[0].write_text("title: Changed\n", encoding="utf-8")

    def failing() -> Mapping[str, bytes]:
        raise RuntimeError("renderer crashed")

    with pytest.raises(RuntimeError):
        publish(job, failing, no_steps)
    assert public_files(job.output) == before
    assert sorted(path.name for path in job.output.iterdir()) == sorted([*before, LOCK_NAME])


def test_an_output_failing_its_check_publishes_nothing(job: PublishJob) -> None:
    publish(job, Renderer({"csv": CSV, "html": HTML}), no_steps)
    before = public_files(job.output)
    job.inputs[0].write_text("title: Changed\n", encoding="utf-8")
    with pytest.raises(BadOutputError) as caught:
        publish(job, Renderer({"csv": b"new,csv\n", "html": b"<html><body>cut sh"}), no_steps)
    assert caught.value.exit_code is ExitCode.CANNOT_WRITE
    assert [problem.message for problem in caught.value.problems] == [
        "the built file failed its check: it does not start with the ref column",
        "the built file failed its check: it has no closing </html>, so it was cut short",
    ]
    assert public_files(job.output) == before


def test_leftovers_of_a_killed_run_are_removed_by_the_next(job: PublishJob) -> None:
    leftover = job.output / ".publish-abc123"
    leftover.mkdir(parents=True)
    (leftover / "scorecard-2023-01.pdf").write_bytes(b"%PDF-1.7 half")
    publish(job, Renderer({"csv": CSV, "html": HTML}), no_steps)
    assert not leftover.exists()


def test_a_held_lock_stops_a_second_publish_naming_the_holder(job: PublishJob) -> None:
    with publish_lock(job.output), pytest.raises(LockedError) as caught:
        publish(job, Renderer({"csv": CSV, "html": HTML}), no_steps)
    assert caught.value.exit_code is ExitCode.LOCKED
    (problem,) = caught.value.problems
    assert f"another publish (process {os.getpid()}) is writing to {job.output}" in problem.message
    assert public_files(job.output) == {}
    assert not publish(job, Renderer({"csv": CSV, "html": HTML}), no_steps).up_to_date  # released
