"""The report period: the month asked for, else the latest in which half the monthly indicators report."""

from __future__ import annotations

from pathlib import Path

import pytest

from scorecard_report.app import asked_period
from scorecard_report.inputs.catalogue import Catalogue
from scorecard_report.inputs.periods import Month
from scorecard_report.inputs.values import ValueTable
from scorecard_report.load.catalogue import load_catalogue
from scorecard_report.load.values import load_values
from scorecard_report.model.period import LATEST, latest_reportable_period, report_period
from scorecard_report.problems import UsageError

FOUR_MONTHLY = """\
title: T
organisation: O
sections:
  - id: s
    title: S
    indicators:
      - {ref: A, title: A, unit: count, polarity: neutral}
      - {ref: B, title: B, unit: count, polarity: neutral}
      - {ref: C, title: C, unit: count, polarity: neutral}
      - {ref: D, title: D, unit: count, polarity: neutral}
      - {ref: Q, title: Q, unit: count, polarity: neutral, frequency: quarterly}
"""

# March: A and B, two of the four monthly indicators, which is half. April: A alone, one of four.
# Q is quarterly, so its June value counts for nothing.
VALUES = """\
ref,period,value
A,2024-02,1
B,2024-02,1
C,2024-02,1
A,2024-03,1
B,2024-03,1
A,2024-04,1
C,2024-05,
Q,2024-06,1
"""

QUARTERLY_ONLY = """\
title: T
organisation: O
sections:
  - id: s
    title: S
    indicators:
      - {ref: Q, title: Q, unit: count, polarity: neutral, frequency: quarterly}
      - {ref: R, title: R, unit: count, polarity: neutral, frequency: quarterly}
"""


def loaded(folder: Path, catalogue: str, values: str) -> tuple[Catalogue, ValueTable]:
    (folder / "catalogue.yaml").write_text(catalogue, encoding="utf-8")
    (folder / "values.csv").write_text(values, encoding="utf-8")
    read = load_catalogue(folder / "catalogue.yaml")
    return read, load_values(folder / "values.csv", read)


def period_asked(written: str, catalogue: Catalogue, values: ValueTable) -> Month:
    """``--period`` as the commands take it: read by the app, then checked against the values."""
    return report_period(asked_period(written, catalogue.calendar), catalogue, values)


def test_latest_is_the_last_month_in_which_half_the_monthly_indicators_have_a_value(tmp_path: Path) -> None:
    catalogue, values = loaded(tmp_path, FOUR_MONTHLY, VALUES)
    assert period_asked(LATEST, catalogue, values) == Month(2024, 3)


def test_with_no_monthly_indicator_latest_is_the_last_month_with_any_value(tmp_path: Path) -> None:
    catalogue, values = loaded(tmp_path, QUARTERLY_ONLY, "ref,period,value\nQ,2024-03,1\nR,2024-06,\n")
    assert latest_reportable_period(catalogue, values) == Month(2024, 3)


def test_no_month_with_enough_values_asks_for_a_period(tmp_path: Path) -> None:
    catalogue, values = loaded(tmp_path, FOUR_MONTHLY, "ref,period,value\nA,2024-01,1\n")
    assert latest_reportable_period(catalogue, values) is None
    with pytest.raises(UsageError) as caught:
        period_asked(LATEST, catalogue, values)
    assert str(caught.value) == (
        f"{tmp_path / 'values.csv'}: no month has values for at least half the monthly indicators, so "
        "there is no latest period to report; give --period YYYY-MM"
    )


def test_a_month_asked_for_is_taken_even_with_few_values(tmp_path: Path) -> None:
    catalogue, values = loaded(tmp_path, FOUR_MONTHLY, VALUES)
    assert period_asked("2024-04", catalogue, values) == Month(2024, 4)


def test_a_month_asked_for_without_values_is_a_usage_error(tmp_path: Path) -> None:
    catalogue, values = loaded(tmp_path, FOUR_MONTHLY, VALUES)
    with pytest.raises(UsageError) as caught:
        period_asked("2024-09", catalogue, values)
    assert (
        str(caught.value) == f"--period 2024-09: {tmp_path / 'values.csv'} has no values for September 2024"
    )


def test_a_period_that_is_not_a_month_is_a_usage_error(tmp_path: Path) -> None:
    catalogue, values = loaded(tmp_path, FOUR_MONTHLY, VALUES)
    with pytest.raises(UsageError) as caught:
        period_asked("March", catalogue, values)
    assert str(caught.value).startswith("--period: ")
