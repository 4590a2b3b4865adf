"""A catalogue of 5,000 indicators: the summary CSV builds in seconds; the documents are refused at once."""

from __future__ import annotations

import dataclasses
import time
from pathlib import Path

import pytest

from scorecard_report.inputs.periods import Month
from scorecard_report.load.catalogue import load_catalogue
from scorecard_report.load.values import load_values
from scorecard_report.model.build import build_report
from scorecard_report.problems import InputError
from scorecard_report.render.outputs import MAX_DOCUMENT_INDICATORS, check_document_size

from .support import SMALL_CATALOGUE, SMALL_DATA, files_under, scorecard

SECTIONS, PER_SECTION = 50, 100


@pytest.fixture(scope="module")
def huge(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """5,000 percent indicators in 50 sections, with three months of values each."""
    folder = tmp_path_factory.mktemp("huge")
    catalogue = ["title: Huge Scorecard\norganisation: Test Council\nsections:\n"]
    values = ["ref,period,value\n"]
    for section in range(SECTIONS):
        catalogue.append(f"  - id: s{section}\n    title: Section {section}\n    indicators:\n")
        for number in range(PER_SECTION):
            ref = f"S{section}I{number}"
            catalogue.append(
                f"      - {{ref: {ref}, title: Indicator {ref}, unit: percent, polarity: high, "
                "target: 80%}\n"
            )
            values += [f"{ref},2023-0{month},{(number + month) % 100}\n" for month in (1, 2, 3)]
    (folder / "huge.yaml").write_text("".join(catalogue), encoding="utf-8")
    (folder / "huge.csv").write_text("".join(values), encoding="utf-8")
    return folder / "huge.yaml", folder / "huge.csv"


def test_the_summary_csv_of_5000_indicators_builds_in_seconds(
    huge: tuple[Path, Path], tmp_path: Path
) -> None:
    catalogue, data = huge
    started = time.perf_counter()
    run = scorecard("build", "--catalogue", catalogue, "--data", data, "--format", "csv", "--out", tmp_path)
    elapsed = time.perf_counter() - started
    assert run.code == 0, run.err
    assert elapsed < 20, f"{elapsed:.1f} s"
    summary = (tmp_path / "huge-scorecard-2023-03.csv").read_text(encoding="utf-8").splitlines()
    assert len(summary) == 1 + SECTIONS * PER_SECTION


def test_documents_of_5000_indicators_are_refused_before_any_chart_is_drawn(
    huge: tuple[Path, Path], tmp_path: Path
) -> None:
    catalogue, data = huge
    started = time.perf_counter()
    run = scorecard(
        "build", "--catalogue", catalogue, "--data", data, "--format", "csv,pdf", "--out", tmp_path
    )
    assert time.perf_counter() - started < 20
    assert run.code == 65
    assert run.errors == [
        f"error: {catalogue}: 5,000 indicators are too many for one document: a PDF, HTML or Word "
        "scorecard holds at most 1,000 (build the summary with --format csv, or one service-level edition "
        "per --section)"
    ]
    assert files_under(tmp_path) == []  # not even the CSV: a build writes all its formats or none


@pytest.mark.parametrize(
    ("rows", "refused"), [(MAX_DOCUMENT_INDICATORS, False), (MAX_DOCUMENT_INDICATORS + 1, True)]
)
def test_the_document_limit_is_500_indicators(rows: int, refused: bool) -> None:
    catalogue = load_catalogue(SMALL_CATALOGUE)
    report = build_report(catalogue, load_values(SMALL_DATA, catalogue), Month(2023, 1))
    section = report.sections[0]
    copies = (section.rows * rows)[:rows]
    report = dataclasses.replace(report, sections=(dataclasses.replace(section, rows=copies),))
    check_document_size(report, ("csv",))  # the summary has no limit
    if refused:
        with pytest.raises(InputError):
            check_document_size(report, ("docx",))
    else:
        check_document_size(report, ("pdf", "html", "docx"))
