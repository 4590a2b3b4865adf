"""Settings and values that would change the report without a word (issue 12, point 14): each is an error
that names its line or row and says what to do."""

from __future__ import annotations

from pathlib import Path

import pytest

from .support import SMALL_CATALOGUE, SMALL_DATA, STEM, scorecard, summary_rows, validate

SMALL = SMALL_CATALOGUE.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("written", "message"),
    [
        ("-5%", "default_tolerance '-5%' cannot be negative (write a percentage such as 5%, or 0 for red or "
         "green only)"),
        ("abc", "default_tolerance 'abc' must be a percentage such as 5% (it is relative to the target; 0 "
         "means red or green only)"),
    ],
)  # fmt: skip
def test_a_default_tolerance_that_is_not_a_positive_percentage_is_an_error_naming_its_line(
    tmp_path: Path, written: str, message: str
) -> None:
    text = SMALL.replace("default_tolerance: 5%", f"default_tolerance: {written}")
    catalogue = tmp_path / "catalogue.yaml"
    catalogue.write_text(text, encoding="utf-8")
    line = text.splitlines().index(f"default_tolerance: {written}") + 1
    run = validate(catalogue)
    assert run.code == 65
    assert run.errors == [f"error: {catalogue}:{line}: {message}"]


@pytest.mark.parametrize("mode", ["0044", "0200", "000"])
def test_a_file_mode_the_owner_cannot_read_is_an_error_naming_its_line(tmp_path: Path, mode: str) -> None:
    config = tmp_path / "scorecard.toml"
    config.write_text(f'name = "scorecard"\nfile_mode = "{mode}"\n', encoding="utf-8")
    run = validate(SMALL_CATALOGUE, SMALL_DATA, "--config", config)
    assert run.code == 65
    assert run.errors == [
        f"error: {config}:2: file_mode: '{mode}' would leave the published files unreadable by their owner "
        '(write it in octal, with read permission for the owner at least: file_mode = "0644" or "0600")'
    ]


def test_a_file_mode_the_owner_can_read_is_accepted(tmp_path: Path) -> None:
    config = tmp_path / "scorecard.toml"
    config.write_text('file_mode = "0400"\n', encoding="utf-8")
    assert validate(SMALL_CATALOGUE, SMALL_DATA, "--config", config).code == 0


RATE_HINT = "leave all three empty if there is none"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        pytest.param(
            "ref,period,value,numerator,denominator\nCLA1,2023-01,,145,\n",
            "row 2: ref CLA1: a numerator but no denominator, and no value (give the denominator too, or "
            f"the value; {RATE_HINT})",
            id="numerator, empty denominator",
        ),
        pytest.param(
            "ref,period,value,numerator,denominator\nCLA1,2023-01,,,20000\n",
            "row 2: ref CLA1: a denominator but no numerator, and no value (give the numerator too, or "
            f"the value; {RATE_HINT})",
            id="denominator, empty numerator",
        ),
        pytest.param(
            "ref,period,value,numerator\nCLA1,2023-01,,145\n",
            "row 2: ref CLA1: a numerator but no denominator, and no value (give the denominator too, or "
            f"the value; {RATE_HINT})",
            id="no denominator column",
        ),
        pytest.param(
            "ref,period,numerator\nCLA1,2023-01,145\n",
            "row 1: a long-form file needs a 'value' column (or numerator and denominator) (header: "
            "ref,period,value[,numerator,denominator,note])",
            id="neither value nor denominator column",
        ),
    ],
)
def test_half_a_ratio_and_no_value_is_an_error_naming_row_and_ref(
    tmp_path: Path, content: str, message: str
) -> None:
    data = tmp_path / "values.csv"
    data.write_text(content, encoding="utf-8")
    run = validate(SMALL_CATALOGUE, data)
    assert run.code == 65
    assert run.errors == [f"error: {data}: {message}"]


def test_half_a_ratio_beside_a_value_keeps_the_value(tmp_path: Path) -> None:
    data = tmp_path / "values.csv"
    data.write_text("ref,period,value,numerator\nFD1,2023-01,1348,\nCLA1,2023-01,72.5,145\n", "utf-8")
    out = tmp_path / "out"
    run = scorecard("build", "--catalogue", SMALL_CATALOGUE, "--data", data, "--format", "csv", "--out", out)
    assert run.code == 0, run.err
    assert summary_rows(out / f"{STEM}.csv")["CLA1"]["current"] == "72.5"
