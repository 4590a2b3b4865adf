"""Publish to a web folder for cron: build in a hidden folder, check, then move into place, or change nothing.

Every file is built and checked in a temporary folder inside the output folder (named ``.publish-…``, so
it is never mistaken for a published file), given its published mode, then renamed over the old one; the
manifest goes last. A run that fails or is killed leaves the published files as they were, and the next
run removes what it left behind.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from scorecard_report import __version__
from scorecard_report.clock import produced_at
from scorecard_report.messages import Step
from scorecard_report.problems import ExitCode, InputError, Problem
from scorecard_report.publish.checks import output_problem
from scorecard_report.publish.lock import publish_lock
from scorecard_report.publish.manifest import (
    Manifest,
    outputs_intact,
    read_manifest,
    sha256_of,
    sha256_of_file,
)
from scorecard_report.publish.output import (
    OutputError,
    Staged,
    os_reason,
    output_path,
    replace_all,
    write_private,
)
from scorecard_report.publish.policy import PublishJob
from scorecard_report.publish.snapshots import SNAPSHOT

TEMPORARY_PREFIX = ".publish-"

Render = Callable[[], Mapping[str, bytes]]  # each format's bytes, and the snapshot's under SNAPSHOT


@dataclass(frozen=True)
class PublishResult:
    up_to_date: bool
    published: tuple[Path, ...] = ()


class BadOutputError(InputError):
    """A built output that does not read back as sound: nothing is published (exit 73)."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(problems, ExitCode.CANNOT_WRITE)


def publish(job: PublishJob, render: Render, step: Step) -> PublishResult:
    """Publish ``job`` unless the last manifest shows the same inputs, settings and version."""
    with publish_lock(job.output):
        return publish_locked(job, render, step)


def publish_locked(job: PublishJob, render: Render, step: Step) -> PublishResult:
    """``publish``, with the output folder's lock already held: a run of several editions holds it once,
    from the first edition to the last, so that no other publish comes between them."""
    remove_leftovers(job.output)
    for name in job.published_names():
        output_path(job.output, name)  # a link or a folder at a published name: refused before building
    step("checking what changed")
    if already_published(job):
        return PublishResult(up_to_date=True)
    with _temporary_folder(job.output) as temporary:
        step("building")
        rendered = render()
        files = _checked_files(job, rendered)
        if job.snapshot_name:  # moved into place before the manifest, and listed in it
            files[job.snapshot_name] = rendered[SNAPSHOT]
        manifest = _manifest(job, {name: sha256_of(content) for name, content in files.items()})
        files[job.manifest_name] = manifest.to_json()
        step("moving into place")
        return PublishResult(False, _move_into_place(files, temporary, job))


def already_published(job: PublishJob) -> bool:
    """Whether the edition's last publish was made from these inputs and its files are as it left them."""
    previous = read_manifest(job.output / job.manifest_name)
    fresh = _manifest(job, outputs={})
    return previous is not None and previous.same_build(fresh) and outputs_intact(previous, job.output)


def remove_leftovers(folder: Path) -> None:
    """Remove the temporary folders of runs that were killed (only called with the lock held)."""
    for leftover in folder.glob(f"{TEMPORARY_PREFIX}*"):
        if leftover.is_symlink() or not leftover.is_dir():
            with contextlib.suppress(OSError):
                leftover.unlink()
        else:
            shutil.rmtree(leftover, ignore_errors=True)


def _manifest(job: PublishJob, outputs: dict[str, str]) -> Manifest:
    inputs = {os.path.relpath(path, job.inputs_relative_to): sha256_of_file(path) for path in job.inputs}
    return Manifest(
        period=job.period.iso(),
        tool_version=__version__,
        built_at=produced_at(),
        settings=job.settings,
        inputs=dict(sorted(inputs.items())),
        outputs=outputs,
    )


def _checked_files(job: PublishJob, rendered: Mapping[str, bytes]) -> dict[str, bytes]:
    """Each output under its two published names, once every one of them has passed its check."""
    problems = []
    files: dict[str, bytes] = {}
    for extension in job.formats:
        content = rendered[extension]
        dated, latest = job.file_names(extension)
        problem = output_problem(extension, content)
        if problem:
            hint = "nothing was published; report this with the inputs that produced it"
            problems.append(
                Problem(job.output / dated, f"the built file failed its check: {problem}", hint=hint)
            )
        files[dated] = files[latest] = content
    if problems:
        raise BadOutputError(problems)
    return files


@contextlib.contextmanager
def _temporary_folder(output: Path) -> Iterator[Path]:
    try:
        temporary = Path(tempfile.mkdtemp(prefix=TEMPORARY_PREFIX, dir=output))
    except OSError as error:
        raise OutputError(output, os_reason(error)) from None
    try:
        yield temporary
    finally:
        shutil.rmtree(temporary, ignore_errors=True)


def _move_into_place(files: dict[str, bytes], temporary: Path, job: PublishJob) -> tuple[Path, ...]:
    """Write every file in ``temporary`` first, then rename each over its published name, manifest last;
    a failed rename puts back the files already moved."""
    targets = [output_path(job.output, name) for name in files]
    for name, content in files.items():
        write_private(temporary / name, content, job.file_mode)
    replace_all([Staged(temporary / path.name, path) for path in targets], job.output, keep_old_in=temporary)
    return tuple(targets)
