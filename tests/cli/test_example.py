"""The worked example: the root catalogue validates with both data files, and long CSV = wide XLSX."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from cli_support import Run, files_under

from scorecard_report.inputs.periods import Month

Scorecard = Callable[..., Run]

ROOT = Path(__file__).resolve().parents[2]
CATALOGUE = ROOT / "indicator_specs.yaml"
EXAMPLE = ROOT / "examples" / "childrens-services"
LONG_CSV = EXAMPLE / "values.csv"
WIDE_XLSX = EXAMPLE / "values-wide.xlsx"


@pytest.mark.parametrize("data", [LONG_CSV, WIDE_XLSX], ids=["long-csv", "wide-xlsx"])
def test_example_validates(scorecard: Scorecard, data: Path) -> None:
    run = scorecard("validate", "--catalogue", CATALOGUE, "--data", data)
    assert run.code == 0, run.err
    assert run.error_lines == []


def test_example_validates_with_the_catalogues_own_data(
    scorecard: Scorecard, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT)
    run = scorecard("validate")
    assert run.code == 0, run.err


def test_long_csv_and_wide_xlsx_give_byte_identical_summaries(scorecard: Scorecard, tmp_path: Path) -> None:
    long_run = scorecard(
        "build", "--format", "csv", "--catalogue", CATALOGUE, "--data", LONG_CSV, "--out", tmp_path / "long"
    )
    assert long_run.code == 0, long_run.err
    [name] = files_under(tmp_path / "long")
    period = name.removesuffix(".csv")[-7:]
    wide_run = scorecard(
        "build",
        "--format",
        "csv",
        "--catalogue",
        CATALOGUE,
        "--data",
        WIDE_XLSX,
        "--period",
        period,
        "--out",
        tmp_path / "wide",
    )
    assert wide_run.code == 0, wide_run.err
    assert files_under(tmp_path / "wide") == [name]
    assert (tmp_path / "long" / name).read_bytes() == (tmp_path / "wide" / name).read_bytes()


def test_both_forms_choose_the_same_default_period(scorecard: Scorecard, tmp_path: Path) -> None:
    for form, data in (("long", LONG_CSV), ("wide", WIDE_XLSX)):
        run = scorecard(
            "build", "--format", "csv", "--catalogue", CATALOGUE, "--data", data, "--out", tmp_path / form
        )
        assert run.code == 0, run.err
    assert files_under(tmp_path / "long") == files_under(tmp_path / "wide")
    assert len(files_under(tmp_path / "long")) == 1
    assert files_under(tmp_path / "long")[0].startswith("childrens-scorecard-")


def test_same_summary_for_earlier_periods(scorecard: Scorecard, tmp_path: Path) -> None:
    first = scorecard(
        "build",
        "--format",
        "csv",
        "--catalogue",
        CATALOGUE,
        "--data",
        LONG_CSV,
        "--out",
        tmp_path / "default",
    )
    assert first.code == 0, first.err
    [name] = files_under(tmp_path / "default")
    year, month = (int(part) for part in name.removesuffix(".csv")[-7:].split("-"))
    latest = Month(year, month)
    for period in (latest.plus(-1).iso(), latest.plus(-3).iso(), latest.plus(-12).iso()):
        outputs = []
        for form, data in (("long", LONG_CSV), ("wide", WIDE_XLSX)):
            out = tmp_path / f"{form}-{period}"
            run = scorecard(
                "build",
                "--format",
                "csv",
                "--catalogue",
                CATALOGUE,
                "--data",
                data,
                "--period",
                period,
                "--out",
                out,
            )
            assert run.code == 0, run.err
            assert files_under(out) == [f"childrens-scorecard-{period}.csv"]
            outputs.append((out / f"childrens-scorecard-{period}.csv").read_bytes())
        assert outputs[0] == outputs[1], period
