"""Helpers the catalogue tests share: a catalogue written into tmp_path and read, and its errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from scorecard_report.inputs.catalogue import Catalogue
from scorecard_report.load.catalogue import load_catalogue
from scorecard_report.problems import InputError, Problem


def line_of(text: str, needle: str, occurrence: int = 1) -> int:
    """The 1-based line of the ``occurrence``-th line of ``text`` containing ``needle``."""
    found = [number for number, line in enumerate(text.splitlines(), start=1) if needle in line]
    return found[occurrence - 1]


def load(tmp_path: Path, text: str) -> Catalogue:
    path = tmp_path / "catalogue.yaml"
    path.write_text(text, encoding="utf-8")
    return load_catalogue(path)


def errors_of(tmp_path: Path, text: str) -> list[Problem]:
    """The errors (not the warnings) that reading ``text`` as a catalogue raises."""
    with pytest.raises(InputError) as caught:
        load(tmp_path, text)
    return [problem for problem in caught.value.problems if not problem.warning]
