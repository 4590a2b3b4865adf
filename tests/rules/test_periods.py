"""Rule: periods, financial years and quarters, and the period spellings the data may use.

Rules text: "Financial year: April to March by default (`year_start_month: 4`), shown as `2022/23`.
Financial quarters: Q1 = Apr–Jun … Q4 = Jan–Mar." and "Period spellings accepted in data:
`2023-01`, `2023-01-31` (any day: the month counts), `Jan-23`, `Jan 2023`, `January 2023`. ...
`2022/23 Q3` and `2022/23` are also accepted and mean `2022-12` and `2023-03`. Anything else is an
error".
"""

from __future__ import annotations

import calendar

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scorecard_report.format.periods import quarter_label, year_label
from scorecard_report.inputs.periods import FinancialCalendar, Month, PeriodError
from scorecard_report.load.periods import parse_period

FAST = settings(max_examples=200, deadline=None)
APRIL = FinancialCalendar()
JANUARY = FinancialCalendar(year_start_month=1)


def test_default_year_starts_in_april() -> None:
    assert FinancialCalendar().year_start_month == 4


def test_months_are_ordered_and_checked() -> None:
    assert Month(2022, 12) < Month(2023, 1) < Month(2023, 2)
    assert Month(2022, 12).plus(1) == Month(2023, 1)
    assert Month(2023, 1).plus(-13) == Month(2021, 12)
    with pytest.raises(PeriodError):
        Month(2023, 13)
    with pytest.raises(PeriodError):
        Month(2023, 0)


@pytest.mark.parametrize(
    ("month", "label"),
    [
        pytest.param(Month(2022, 4), "2022/23", id="Apr 2022 starts 2022/23"),
        pytest.param(Month(2023, 1), "2022/23", id="Jan 2023 is in 2022/23"),
        pytest.param(Month(2023, 3), "2022/23", id="Mar 2023 ends 2022/23"),
        pytest.param(Month(2023, 4), "2023/24", id="Apr 2023 starts 2023/24"),
        pytest.param(Month(2022, 3), "2021/22", id="Mar 2022 ends 2021/22"),
        pytest.param(Month(2000, 1), "1999/00", id="Jan 2000 is in 1999/00"),
    ],
)
def test_year_label(month: Month, label: str) -> None:
    assert year_label(APRIL, month) == label


@pytest.mark.parametrize(
    ("month", "quarter"),
    [
        pytest.param(Month(2022, 4), 1, id="Apr → Q1"),
        pytest.param(Month(2022, 6), 1, id="Jun → Q1"),
        pytest.param(Month(2022, 7), 2, id="Jul → Q2"),
        pytest.param(Month(2022, 9), 2, id="Sep → Q2"),
        pytest.param(Month(2022, 10), 3, id="Oct → Q3"),
        pytest.param(Month(2022, 12), 3, id="Dec → Q3"),
        pytest.param(Month(2023, 1), 4, id="Jan → Q4"),
        pytest.param(Month(2023, 3), 4, id="Mar → Q4"),
    ],
)
def test_financial_quarters(month: Month, quarter: int) -> None:
    assert APRIL.quarter(month) == quarter


@pytest.mark.parametrize(
    ("month", "label"),
    [
        pytest.param(Month(2022, 12), "Q3 2022/23", id="Dec 2022 → Q3 2022/23"),
        pytest.param(Month(2023, 3), "Q4 2022/23", id="Mar 2023 → Q4 2022/23"),
        pytest.param(Month(2023, 6), "Q1 2023/24", id="Jun 2023 → Q1 2023/24"),
    ],
)
def test_quarter_label(month: Month, label: str) -> None:
    assert quarter_label(APRIL, month) == label


def test_calendar_year_labels() -> None:
    # year_start_month 1: the year is a calendar year, labelled by its single year
    assert year_label(JANUARY, Month(2023, 1)) == "2023"
    assert year_label(JANUARY, Month(2023, 12)) == "2023"
    assert JANUARY.quarter(Month(2023, 3)) == 1
    assert quarter_label(JANUARY, Month(2023, 3)) == "Q1 2023"
    assert quarter_label(JANUARY, Month(2023, 12)) == "Q4 2023"


@pytest.mark.parametrize(
    ("text", "month"),
    [
        pytest.param("2023-01", Month(2023, 1), id="2023-01"),
        pytest.param("2023-01-31", Month(2023, 1), id="2023-01-31 → the month counts"),
        pytest.param("2023-01-01", Month(2023, 1), id="2023-01-01 → any day"),
        pytest.param("2023-01-15", Month(2023, 1), id="2023-01-15 → any day"),
        pytest.param("2024-02-29", Month(2024, 2), id="2024-02-29 → a real leap day"),
        pytest.param("Jan-23", Month(2023, 1), id="Jan-23"),
        pytest.param("Dec-22", Month(2022, 12), id="Dec-22"),
        pytest.param("Jan 2023", Month(2023, 1), id="Jan 2023"),
        pytest.param("January 2023", Month(2023, 1), id="January 2023"),
        pytest.param("September 2022", Month(2022, 9), id="September 2022"),
        pytest.param("2022/23 Q3", Month(2022, 12), id="2022/23 Q3 → 2022-12 (Oct–Dec)"),
        pytest.param("2022/23 Q1", Month(2022, 6), id="2022/23 Q1 → 2022-06 (Apr–Jun)"),
        pytest.param("2022/23 Q4", Month(2023, 3), id="2022/23 Q4 → 2023-03 (Jan–Mar)"),
        pytest.param("2022/23", Month(2023, 3), id="2022/23 → 2023-03 (year end)"),
        pytest.param("1999/00", Month(2000, 3), id="1999/00 → 2000-03"),
    ],
)
def test_accepted_spellings(text: str, month: Month) -> None:
    assert parse_period(text, APRIL) == month


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("01/02/2023", id="01/02/2023 (day/month order is ambiguous)"),
        pytest.param("Jan 23x", id="Jan 23x"),
        pytest.param("2023-13", id="2023-13: no month 13"),
        pytest.param("2023-00", id="2023-00: no month 0"),
        pytest.param("2023-02-30", id="2023-02-30: not a real date"),
        pytest.param("2023-02-29", id="2023-02-29: 2023 is no leap year"),
        pytest.param("2022/24", id="2022/24: 2022 is followed by 23"),
        pytest.param("2022/23 Q5", id="no fifth quarter"),
        pytest.param("Q3", id="Q3 without a year"),
        pytest.param("", id="empty"),
        pytest.param("Foo 2023", id="not a month name"),
        pytest.param("2023", id="a bare year"),
    ],
)
def test_rejected_spellings(text: str) -> None:
    with pytest.raises(PeriodError):
        parse_period(text, APRIL)


def test_period_error_is_a_value_error() -> None:
    assert issubclass(PeriodError, ValueError)


# --- properties ----------------------------------------------------------------------------------

months = st.builds(Month, st.integers(2000, 2099), st.integers(1, 12))


@FAST
@given(months)
def test_every_accepted_spelling_of_a_month_reads_back(month: Month) -> None:
    abbr, name = calendar.month_abbr[month.month], calendar.month_name[month.month]
    spellings = [
        f"{month.year:04d}-{month.month:02d}",
        f"{month.year:04d}-{month.month:02d}-01",
        f"{month.year:04d}-{month.month:02d}-{calendar.monthrange(month.year, month.month)[1]:02d}",
        f"{abbr}-{month.year % 100:02d}",
        f"{abbr} {month.year}",
        f"{name} {month.year}",
    ]
    for text in spellings:
        assert parse_period(text, APRIL) == month, text


@FAST
@given(months)
def test_quarter_and_year_spellings_read_back_to_their_last_month(month: Month) -> None:
    # worked independently of the calendar code: an April year starting in start_year
    into = (month.month - 4) % 12  # months since April
    start_year = month.year if month.month >= 4 else month.year - 1
    year = f"{start_year}/{(start_year + 1) % 100:02d}"
    quarter = into // 3 + 1
    quarter_end = month.plus(2 - into % 3)
    assert year_label(APRIL, month) == year
    assert quarter_label(APRIL, month) == f"Q{quarter} {year}"
    assert parse_period(f"{year} Q{quarter}", APRIL) == quarter_end
    assert parse_period(year, APRIL) == Month(start_year + 1, 3)
