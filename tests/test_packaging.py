"""The wheel holds every package of the source tree: a package left out of pyproject.toml's list would
install a tool that fails on its first import."""

from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_every_package_folder_is_listed_in_pyproject() -> None:
    listed = set(
        tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]["packages"]
    )
    found = {
        ".".join(init.parent.relative_to(ROOT).parts)
        for init in (ROOT / "scorecard_report").rglob("__init__.py")
        if "__pycache__" not in init.parts
    }
    assert found | {"scorecard_report.templates"} == listed
