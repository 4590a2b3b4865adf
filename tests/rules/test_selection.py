"""Rule: which values a report for period P shows.

Rules text: "Current: the value at the latest period of frequency f that ends on or before P (for
monthly: P itself; for quarterly: the latest quarter end ≤ P). If that value is missing, current is
missing — an older value is never shown as current. Previous period: the value one period of
frequency f before current. Previous year: the value twelve months before current. Trend: the
values of the 13 periods ending at current (configurable)." and "Nothing dated after P may appear
anywhere in the report for P."

Financial year April–March: Q1 = Apr–Jun, Q2 = Jul–Sep, Q3 = Oct–Dec, Q4 = Jan–Mar.
"""

from __future__ import annotations

from decimal import Decimal
from itertools import pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scorecard_report.inputs.periods import FinancialCalendar, Month
from scorecard_report.inputs.vocabulary import Frequency
from scorecard_report.rules.selection import (
    current_period,
    is_period_of,
    latest_reportable_month,
    previous_period,
    previous_year,
    trend_periods,
    value_at,
)

D = Decimal
FAST = settings(max_examples=200, deadline=None)
MONTHLY, QUARTERLY, ANNUAL = Frequency.MONTHLY, Frequency.QUARTERLY, Frequency.ANNUAL
APRIL = FinancialCalendar()
JANUARY = FinancialCalendar(year_start_month=1)


@pytest.mark.parametrize(
    ("frequency", "report", "expected"),
    [
        pytest.param(MONTHLY, Month(2023, 1), Month(2023, 1), id="monthly Jan 2023 → Jan 2023 (P itself)"),
        pytest.param(QUARTERLY, Month(2023, 1), Month(2022, 12), id="quarterly Jan 2023 → Dec 2022 (Q3 end)"),
        pytest.param(QUARTERLY, Month(2023, 2), Month(2022, 12), id="quarterly Feb 2023 → Dec 2022"),
        pytest.param(QUARTERLY, Month(2023, 3), Month(2023, 3), id="quarterly Mar 2023 → Mar 2023 (Q4 end)"),
        pytest.param(QUARTERLY, Month(2023, 4), Month(2023, 3), id="quarterly Apr 2023 → Mar 2023"),
        pytest.param(QUARTERLY, Month(2023, 6), Month(2023, 6), id="quarterly Jun 2023 → Jun 2023 (Q1 end)"),
        pytest.param(QUARTERLY, Month(2023, 8), Month(2023, 6), id="quarterly Aug 2023 → Jun 2023"),
        pytest.param(QUARTERLY, Month(2023, 9), Month(2023, 9), id="quarterly Sep 2023 → Sep 2023 (Q2 end)"),
        pytest.param(ANNUAL, Month(2023, 1), Month(2022, 3), id="annual Jan 2023 → Mar 2022 (2021/22 end)"),
        pytest.param(ANNUAL, Month(2023, 3), Month(2023, 3), id="annual Mar 2023 → Mar 2023 (2022/23 end)"),
        pytest.param(ANNUAL, Month(2023, 4), Month(2023, 3), id="annual Apr 2023 → Mar 2023"),
        pytest.param(ANNUAL, Month(2024, 2), Month(2023, 3), id="annual Feb 2024 → Mar 2023"),
    ],
)
def test_current_period_april_year(frequency: Frequency, report: Month, expected: Month) -> None:
    assert current_period(frequency, report, APRIL) == expected


@pytest.mark.parametrize(
    ("frequency", "report", "expected"),
    [
        pytest.param(QUARTERLY, Month(2023, 1), Month(2022, 12), id="quarterly Jan 2023 → Dec 2022"),
        pytest.param(QUARTERLY, Month(2023, 3), Month(2023, 3), id="quarterly Mar 2023 → Mar 2023"),
        pytest.param(ANNUAL, Month(2023, 1), Month(2022, 12), id="annual Jan 2023 → Dec 2022"),
        pytest.param(ANNUAL, Month(2023, 11), Month(2022, 12), id="annual Nov 2023 → Dec 2022"),
        pytest.param(ANNUAL, Month(2023, 12), Month(2023, 12), id="annual Dec 2023 → Dec 2023"),
    ],
)
def test_current_period_calendar_year(frequency: Frequency, report: Month, expected: Month) -> None:
    assert current_period(frequency, report, JANUARY) == expected


@pytest.mark.parametrize(
    ("frequency", "current", "expected"),
    [
        pytest.param(MONTHLY, Month(2023, 1), Month(2022, 12), id="monthly Jan 2023 → Dec 2022"),
        pytest.param(QUARTERLY, Month(2022, 12), Month(2022, 9), id="quarterly Dec 2022 → Sep 2022"),
        pytest.param(QUARTERLY, Month(2023, 3), Month(2022, 12), id="quarterly Mar 2023 → Dec 2022"),
        pytest.param(ANNUAL, Month(2022, 3), Month(2021, 3), id="annual Mar 2022 → Mar 2021"),
    ],
)
def test_previous_period_is_one_period_of_its_own_frequency(
    frequency: Frequency, current: Month, expected: Month
) -> None:
    assert previous_period(frequency, current) == expected


@pytest.mark.parametrize(
    ("current", "expected"),
    [
        pytest.param(Month(2023, 1), Month(2022, 1), id="Jan 2023 → Jan 2022"),
        pytest.param(Month(2022, 12), Month(2021, 12), id="Dec 2022 → Dec 2021 (quarterly too)"),
        pytest.param(Month(2022, 3), Month(2021, 3), id="Mar 2022 → Mar 2021 (annual too)"),
    ],
)
def test_previous_year_is_twelve_months_earlier(current: Month, expected: Month) -> None:
    assert previous_year(current) == expected


def test_monthly_trend_is_13_months_ending_at_current_oldest_first() -> None:
    expected = (*(Month(2022, m) for m in range(1, 13)), Month(2023, 1))  # Jan 2022 … Jan 2023
    assert trend_periods(MONTHLY, Month(2023, 1)) == expected


def test_quarterly_trend_steps_three_months() -> None:
    # 13 quarters ending Dec 2022: 12 × 3 = 36 months back → Dec 2019 first
    trend = trend_periods(QUARTERLY, Month(2022, 12))
    assert len(trend) == 13
    assert trend[0] == Month(2019, 12)
    assert trend[1] == Month(2020, 3)
    assert trend[-2] == Month(2022, 9)
    assert trend[-1] == Month(2022, 12)


def test_annual_trend_steps_twelve_months() -> None:
    # 13 years ending Mar 2022: 12 × 12 months back → Mar 2010 first
    trend = trend_periods(ANNUAL, Month(2022, 3))
    assert trend == tuple(Month(year, 3) for year in range(2010, 2023))


def test_trend_length_is_configurable() -> None:
    assert trend_periods(MONTHLY, Month(2023, 1), 4) == (
        Month(2022, 10),
        Month(2022, 11),
        Month(2022, 12),
        Month(2023, 1),
    )


SERIES = {Month(2022, 12): D(83), Month(2023, 1): D("93.4"), Month(2023, 2): None, Month(2023, 3): D(99)}


@pytest.mark.parametrize(
    ("month", "expected"),
    [
        pytest.param(Month(2023, 1), D("93.4"), id="the value at P"),
        pytest.param(Month(2022, 12), D(83), id="a value before P"),
        pytest.param(Month(2023, 3), None, id="a value dated after P is never used"),
        pytest.param(Month(2023, 2), None, id="after P and missing"),
        pytest.param(Month(2022, 11), None, id="no value at all"),
    ],
)
def test_value_at_never_returns_a_value_after_the_report_period(
    month: Month, expected: Decimal | None
) -> None:
    assert value_at(SERIES, month, Month(2023, 1)) == expected


def test_a_missing_current_is_missing_not_an_older_value() -> None:
    series = {Month(2022, 12): D(83), Month(2023, 1): None}
    assert value_at(series, Month(2023, 1), Month(2023, 1)) is None


@pytest.mark.parametrize(
    ("frequency", "month", "calendar", "expected"),
    [
        pytest.param(MONTHLY, Month(2023, 1), APRIL, True, id="monthly: any month"),
        pytest.param(QUARTERLY, Month(2022, 12), APRIL, True, id="quarterly: Dec is a quarter end"),
        pytest.param(QUARTERLY, Month(2023, 1), APRIL, False, id="quarterly: Jan is not"),
        pytest.param(QUARTERLY, Month(2023, 6), APRIL, True, id="quarterly: Jun is a quarter end"),
        pytest.param(ANNUAL, Month(2023, 3), APRIL, True, id="annual: Mar ends an April year"),
        pytest.param(ANNUAL, Month(2022, 12), APRIL, False, id="annual: Dec does not end an April year"),
        pytest.param(ANNUAL, Month(2022, 12), JANUARY, True, id="annual: Dec ends a calendar year"),
    ],
)
def test_is_period_of(
    frequency: Frequency, month: Month, calendar: FinancialCalendar, expected: bool
) -> None:
    assert is_period_of(frequency, month, calendar) is expected


JAN, FEB, MAR = Month(2023, 1), Month(2023, 2), Month(2023, 3)


def test_latest_reportable_month_four_series_two_values_is_enough() -> None:
    # Feb: 2 of 4 have a value (2 × 2 = 4 ≥ 4) → Feb; Mar: 1 of 4 (1 × 2 = 2 < 4) is not enough
    series = [
        {JAN: D(1), FEB: D(1), MAR: D(1)},
        {JAN: D(1), FEB: D(1)},
        {JAN: D(1)},
        {JAN: D(1)},
    ]
    assert latest_reportable_month(series) == FEB


def test_latest_reportable_month_three_series_two_values_is_enough() -> None:
    # Mar: 2 of 3 (≥ half) → Mar
    series = [{JAN: D(1), MAR: D(1)}, {JAN: D(1), MAR: D(1)}, {JAN: D(1)}]
    assert latest_reportable_month(series) == MAR


def test_latest_reportable_month_three_series_one_value_is_not_enough() -> None:
    # Feb: 1 of 3 (< half) → back to Jan (3 of 3)
    series = [{JAN: D(1), FEB: D(1)}, {JAN: D(1)}, {JAN: D(1)}]
    assert latest_reportable_month(series) == JAN


def test_latest_reportable_month_missing_values_do_not_count() -> None:
    # Feb: 1 value and 2 missing markers out of 4 → only 1 counts (< half) → Jan
    series = [
        {JAN: D(1), FEB: D(1)},
        {JAN: D(1), FEB: None},
        {JAN: D(1), FEB: None},
        {JAN: D(1)},
    ]
    assert latest_reportable_month(series) == JAN


def test_latest_reportable_month_with_nothing() -> None:
    assert latest_reportable_month([]) is None
    assert latest_reportable_month([{JAN: None}]) is None


# --- properties ----------------------------------------------------------------------------------

months = st.builds(Month, st.integers(1990, 2060), st.integers(1, 12))
frequencies = st.sampled_from(list(Frequency))
calendars = st.builds(FinancialCalendar, st.integers(1, 12))


@FAST
@given(frequencies, months, calendars)
def test_current_is_the_latest_period_end_on_or_before_p(
    frequency: Frequency, report: Month, calendar: FinancialCalendar
) -> None:
    current = current_period(frequency, report, calendar)
    assert current <= report
    assert is_period_of(frequency, current, calendar)
    # no later period end fits between current and P
    assert report.index - current.index < frequency.months
    assert all(
        not is_period_of(frequency, current.plus(k), calendar)
        for k in range(1, report.index - current.index + 1)
    )


@FAST
@given(frequencies, months, calendars)
def test_previous_period_and_year_are_periods_of_the_same_frequency(
    frequency: Frequency, report: Month, calendar: FinancialCalendar
) -> None:
    current = current_period(frequency, report, calendar)
    assert current.index - previous_period(frequency, current).index == frequency.months
    assert current.index - previous_year(current).index == 12
    assert is_period_of(frequency, previous_period(frequency, current), calendar)
    assert is_period_of(frequency, previous_year(current), calendar)


@FAST
@given(frequencies, months, calendars, st.integers(2, 30))
def test_trend_ends_at_current_oldest_first_and_never_after_p(
    frequency: Frequency, report: Month, calendar: FinancialCalendar, count: int
) -> None:
    current = current_period(frequency, report, calendar)
    trend = trend_periods(frequency, current, count)
    assert len(trend) == count
    assert trend[-1] == current
    assert all(b.index - a.index == frequency.months for a, b in pairwise(trend))
    assert all(month <= report and is_period_of(frequency, month, calendar) for month in trend)


@FAST
@given(st.dictionaries(months, st.integers(0, 100).map(Decimal), max_size=20), months, months)
def test_value_at_ignores_everything_after_p(
    series: dict[Month, Decimal], month: Month, report: Month
) -> None:
    found = value_at(series, month, report)
    if month > report:
        assert found is None
    else:
        assert found == series.get(month)
