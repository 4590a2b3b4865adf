"""Shown values support the judgement: a row gains precision until judged-different values read apart.

Issue 14: "When two values that a status or an arrow compares are shown identically but judged
different, the display gains precision (within the indicator's limits) until they differ: £1.38m
against £1.35m, never £1.4m against £1.4m." Project decision (docs/scorecard-rules.md, "Display"):
money in millions goes from one decimal to two, then to whole pounds; any other unit gains at most two
decimals. Judgements are made as before, at the indicator's display decimals; only the text changes.

Every number below is worked out by hand.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from scorecard_report.inputs.periods import Month
from scorecard_report.inputs.vocabulary import Direction, Judgement, RagStatus, Unit
from scorecard_report.load.catalogue import load_catalogue
from scorecard_report.load.values import load_values
from scorecard_report.model.build import build_report
from scorecard_report.model.precision import Compared, Precision, candidates, display_precision
from scorecard_report.model.report import Row

D = Decimal
NEG, POS = "\u2212\u2060", "+\u2060"
GE, LE = "≥\u00a0", "≤\u00a0"


# ---------------------------------------------------------------- the pure function


def test_candidates_coarsest_first() -> None:
    assert candidates(Unit.CURRENCY, 0) == (Precision(0, 1), Precision(0, 2), Precision(0, None))
    assert candidates(Unit.PERCENT, 0) == (Precision(0), Precision(1), Precision(2))
    assert candidates(Unit.RATE, 1) == (Precision(1), Precision(2), Precision(3))


def test_cf25_money_that_rounds_alike_gains_a_decimal() -> None:
    # 1,382,400 against the target 1,350,000: judged different (whole pounds). In millions at 1 dp:
    # 1.3824 → 1.4 and 1.35 → 1.4 (half away): alike. At 2 dp: 1.38 and 1.35: apart.
    compared = Compared(D(1382400), D(1350000), different=True, is_bound=True)
    assert display_precision(Unit.CURRENCY, 0, [compared]) == Precision(0, 2)


def test_money_alike_at_two_decimals_is_written_in_full() -> None:
    # 1,382,400 against 1,384,000: 1.38m and 1.38m at 2 dp, so in full: £1,382,400 against £1,384,000.
    compared = Compared(D(1382400), D(1384000), different=True)
    assert display_precision(Unit.CURRENCY, 0, [compared]) == Precision(0, None)


def test_the_finest_of_all_comparisons_wins() -> None:
    target = Compared(D(1382400), D(1350000), different=True, is_bound=True)  # apart at 2 dp
    previous = Compared(D(1382400), D(1384000), different=True)  # apart only in full
    assert display_precision(Unit.CURRENCY, 0, [target, previous]) == Precision(0, None)


def test_judged_the_same_needs_nothing() -> None:
    # 89.6% against a target of 90% at 0 decimals is judged as shown, 90 against 90: the same (green).
    # Both read 90%, which is what the judgement saw: no more precision.
    compared = Compared(D("89.6"), D(90), different=False, is_bound=True)
    assert display_precision(Unit.PERCENT, 0, [compared]) == Precision(0)
    # Money exactly on its target: £1.4m against £1.4m is right, both are 1,350,000.
    on_target = Compared(D(1350000), D(1350000), different=False, is_bound=True)
    assert display_precision(Unit.CURRENCY, 0, [on_target]) == Precision(0, 1)


def test_values_judged_at_display_decimals_already_read_apart() -> None:
    # A rate at 1 dp: 72.04 → 72.0 and 72.06 → 72.1 are judged different and read "72.0" and "72.1".
    compared = Compared(D("72.04"), D("72.06"), different=True)
    assert display_precision(Unit.RATE, 1, [compared]) == Precision(1)
    # Money under a million is judged and written in whole pounds: £1,200 against £1,000.
    assert display_precision(Unit.CURRENCY, 0, [Compared(D("1200.4"), D(1000), True, True)]) == Precision(
        0, 1
    )


def test_at_most_two_more_decimals() -> None:
    # Nothing short of four decimals tells 50.0001 from 50.0002: the finest allowed, 2 dp, is used.
    compared = Compared(D("50.0001"), D("50.0002"), different=True)
    assert display_precision(Unit.PERCENT, 0, [compared]) == Precision(2)


# ---------------------------------------------------------------- every text of a row, built

CATALOGUE = """\
title: Precision
organisation: Test Council
default_tolerance: 5%
sections:
  - id: money
    title: Money
    indicators:
      - ref: CF25
        title: Placement spend
        unit: currency
        polarity: low
        target: {value: 1350000}
        tolerance: 50000
      - {ref: BRIEF, title: Income, unit: currency, polarity: high, target: 1400000}
      - {ref: PENNY, title: Spend, unit: currency, polarity: low}
      - {ref: SMALL, title: Small spend, unit: currency, polarity: low, target: 1000}
      - {ref: P90, title: Visits on time, unit: percent, polarity: high, target: 90%}
"""
VALUES = """\
ref,period,value
CF25,2025-10,1350656
CF25,2026-09,1364504
CF25,2026-10,1382400
BRIEF,2026-09,1200000
BRIEF,2026-10,1380000
PENNY,2026-09,1384000
PENNY,2026-10,1382400
SMALL,2026-09,1100
SMALL,2026-10,1200.4
P90,2026-09,85
P90,2026-10,89.6
"""


@pytest.fixture(scope="module")
def rows(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Row]:
    folder = tmp_path_factory.mktemp("precision")
    (folder / "catalogue.yaml").write_text(CATALOGUE, encoding="utf-8")
    (folder / "values.csv").write_text(VALUES, encoding="utf-8")
    catalogue = load_catalogue(folder / "catalogue.yaml")
    report = build_report(catalogue, load_values(folder / "values.csv", catalogue), Month(2026, 10))
    return {row.ref: row for row in report.rows}


def test_cf25_every_text_at_two_decimals_in_millions(rows: dict[str, Row]) -> None:
    row = rows["CF25"]
    # The judgements, in whole pounds as before: 1,382,400 misses "at most 1,350,000" by 32,400, within
    # the tolerance of 50,000 → amber; 1,382,400 > 1,364,504 → up, and for polarity low, declining.
    assert row.status is RagStatus.AMBER
    assert (row.direction, row.judgement) == (Direction.UP, Judgement.DECLINING)
    # At one decimal all four read £1.4m (1.3824, 1.35, 1.364504, 1.350656). At two they read apart:
    assert row.current.text == "£1.38m"
    assert row.target_text == LE + "£1.35m"
    assert row.previous_period.text == "£1.36m"
    assert row.previous_year.text == "£1.35m"  # 1.350656 → 1.35: not compared with anything here
    assert row.trend[-1].text == "£1.38m"  # the trend is the same figures, the same words
    # Differences under a million are whole pounds, signed, the sign joined to the £.
    assert row.current.variance_text == POS + "£32,400"  # 1,382,400 − 1,350,000
    assert row.change_text == POS + "£17,896"  # 1,382,400 − 1,364,504


def test_the_issues_example_current_against_a_target_of_a_million_four(rows: dict[str, Row]) -> None:
    row = rows["BRIEF"]
    # Polarity high, target 1,400,000, default tolerance 5%: amber down to 1,330,000; 1,380,000 is amber.
    assert row.status is RagStatus.AMBER
    # 1.38 and 1.4 both read 1.4 at one decimal; at two: £1.38m against £1.40m.
    assert (row.current.text, row.target_text) == ("£1.38m", GE + "£1.40m")
    assert row.previous_period.text == "£1.20m"
    assert row.current.variance_text == NEG + "£20,000"


def test_money_that_reads_alike_at_two_decimals_is_in_full(rows: dict[str, Row]) -> None:
    row = rows["PENNY"]
    # 1,382,400 against 1,384,000: down (improving, polarity low); 1.38m and 1.38m, so whole pounds.
    assert (row.direction, row.judgement) == (Direction.DOWN, Judgement.IMPROVING)
    assert (row.current.text, row.previous_period.text) == ("£1,382,400", "£1,384,000")
    assert row.change_text == NEG + "£1,600"


def test_money_under_a_million_unchanged(rows: dict[str, Row]) -> None:
    row = rows["SMALL"]
    # 1,200.4 → £1,200 against at most £1,000: red (200 beyond 5% of 1,000 = 50).
    assert row.status is RagStatus.RED
    assert (row.current.text, row.target_text, row.previous_period.text) == (
        "£1,200",
        LE + "£1,000",
        "£1,100",
    )


def test_percent_judged_as_shown_gains_nothing(rows: dict[str, Row]) -> None:
    row = rows["P90"]
    # 89.6 at 0 decimals is 90: meets "at least 90" → green; it reads 90% beside a target of ≥ 90%.
    assert row.status is RagStatus.GREEN
    assert (row.current.text, row.target_text) == ("90%", GE + "90%")
    # Against 85 last month: 90 − 85 = +5 percentage points.
    assert row.change_text == POS + "5pp"
