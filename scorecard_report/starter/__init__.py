"""The new project ``scorecard init`` writes: settings, a small catalogue, data and a commentary folder."""

from __future__ import annotations

import shlex
import sys
from importlib import resources
from pathlib import Path

from scorecard_report.problems import ExitCode, InputError, Problem
from scorecard_report.publish.output import write_atomically

STARTER_FILES = ("scorecard.toml", "indicators.yaml", "data/values.csv")
FOLDERS = ("commentary",)


def create_project(folder: Path) -> tuple[Path, ...]:
    """Write the starter files into ``folder`` (new or empty) and return them."""
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        problem = Problem(folder, "is not an empty folder", hint="name a new or empty folder for the project")
        raise InputError([problem], ExitCode.CANNOT_WRITE)
    starter = resources.files(__package__)
    written = []
    for name in STARTER_FILES:
        write_atomically(folder / name, starter.joinpath(name).read_bytes())
        written.append(folder / name)
    for name in FOLDERS:
        (folder / name).mkdir(parents=True, exist_ok=True)
    write_atomically(folder / PUBLISH_SCRIPT, publish_script().encode("utf-8"), mode=0o755)
    written.append(folder / PUBLISH_SCRIPT)
    return tuple(written)


PUBLISH_SCRIPT = "publish.sh"


def publish_script() -> str:
    """A script for cron that needs no PATH: it names the Python that has scorecard-report installed."""
    python = shlex.quote(sys.executable)
    return (
        "#!/bin/sh\n"
        "# Publish this project's scorecard; for cron, which runs with a short PATH.\n"
        "# Written by `scorecard init` for the Python that has scorecard-report installed.\n"
        'cd "$(dirname "$0")" || exit 66\n'
        f'exec {python} -m scorecard_report publish --config scorecard.toml "$@"\n'
    )
