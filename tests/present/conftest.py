"""The small report of ``support.py``, built once for the tests of the document view."""

from __future__ import annotations

from pathlib import Path

import pytest

from scorecard_report.load.catalogue import load_catalogue
from scorecard_report.load.commentary import load_commentary
from scorecard_report.load.values import load_values
from scorecard_report.model.build import build_report
from scorecard_report.model.report import Report, Row

from .support import CATALOGUE, COMMENTARY, PERIOD, VALUES


@pytest.fixture(scope="session")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("evidence")
    (folder / "evidence.yaml").write_text(CATALOGUE, encoding="utf-8")
    (folder / "values.csv").write_text(VALUES, encoding="utf-8")
    (folder / "commentary.yaml").write_text(COMMENTARY, encoding="utf-8")
    return folder


@pytest.fixture(scope="session")
def report(inputs: Path) -> Report:
    catalogue = load_catalogue(inputs / "evidence.yaml")
    values = load_values(inputs / "values.csv", catalogue)
    commentary, _warnings = load_commentary(inputs / "commentary.yaml", catalogue)
    return build_report(catalogue, values, PERIOD, commentary=commentary)


@pytest.fixture(scope="session")
def rows(report: Report) -> dict[str, Row]:
    return {row.ref: row for row in report.rows}
