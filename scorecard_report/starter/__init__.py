"""The new project ``scorecard init`` writes: settings, a small catalogue, data and a commentary folder."""

from __future__ import annotations

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
    return tuple(written)
