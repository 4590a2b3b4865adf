"""The numbers behind a percentage or rate reach the report: each figure carries its numerator and
denominator as the values file gives them, so the appendix can say them in words.

``tests/fixtures/small.csv`` (long form): CLA1 has 140/20000 (Jan 2022), 71.5 with 143/20000
(Dec 2022) and 145/20000 (Jan 2023); FD1 has values only.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from scorecard_report.inputs.periods import Month
from scorecard_report.load.catalogue import load_catalogue
from scorecard_report.load.values import load_values
from scorecard_report.model.build import build_report
from scorecard_report.model.report import Row

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def rows(year: int, month: int) -> dict[str, Row]:
    catalogue = load_catalogue(FIXTURES / "small.yaml")
    values = load_values(FIXTURES / "small.csv", catalogue)
    return {row.ref: row for row in build_report(catalogue, values, Month(year, month)).rows}


def test_the_current_figure_carries_its_numerator_and_denominator() -> None:
    cla1 = rows(2023, 1)["CLA1"]
    assert (cla1.current.numerator, cla1.current.denominator) == (Decimal(145), Decimal(20000))
    assert cla1.current.value == Decimal("72.5")  # 145 / 20000 x 10000
    assert (cla1.previous_period.numerator, cla1.previous_period.denominator) == (
        Decimal(143),
        Decimal(20000),
    )
    assert (cla1.previous_year.numerator, cla1.previous_year.denominator) == (Decimal(140), Decimal(20000))
    assert cla1.trend[-1] == cla1.current


def test_a_figure_without_them_has_none() -> None:
    fd1 = rows(2023, 1)["FD1"]
    assert (fd1.current.numerator, fd1.current.denominator) == (None, None)
    # Nov 2022: CLA1 has no row at all for that month.
    cla1 = rows(2022, 11)["CLA1"]
    assert (cla1.current.numerator, cla1.current.denominator) == (None, None)


def test_nothing_after_the_report_period() -> None:
    # Report for Dec 2022: Jan 2023's 145/20000 is in the file but after the period.
    cla1 = rows(2022, 12)["CLA1"]
    assert (cla1.current.numerator, cla1.current.denominator) == (Decimal(143), Decimal(20000))
    assert all(figure.period <= Month(2022, 12) for figure in cla1.trend)
    assert all(figure.numerator != Decimal(145) for figure in cla1.trend)
