"""The ``--templates`` folder, checked when the inputs are loaded: a folder that is missing, or a file
named instead, would otherwise build with the built-in look and say nothing."""

from __future__ import annotations

from pathlib import Path

from scorecard_report.problems import InputMissing

_OPTION = "--templates or the config's templates"


def templates_folder(path: Path) -> Path:
    """``path`` when it is a folder; exit 66 naming it otherwise."""
    if path.is_dir():
        return path
    if path.exists():
        raise InputMissing(
            path,
            "templates folder",
            f"give the folder holding your scorecard.css or scorecard.html.j2 with {_OPTION}",
            message="the templates folder is a file, not a folder",
        )
    raise InputMissing(path, "templates folder", f"check the folder given with {_OPTION}")
