"""Timeliness and benchmark age, worked by hand (docs/scorecard-rules.md, Timeliness and Benchmark age).

A period dated to its last month E is due by E + lag; in the report for P it is due when E + lag <= P.
Data to: the latest period with a value. Due: the period after it, up to current. On time: the data
reaches current, or due is not due yet. Late: due is due, the period after it is not. Stale: due and the
period after it are both due. No value at all: late. Financial year April to March throughout.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from scorecard_report.inputs.periods import FinancialCalendar, Month
from scorecard_report.inputs.vocabulary import Frequency, Timeliness
from scorecard_report.rules.timeliness import (
    DataTimeliness,
    benchmark_age,
    data_to,
    judge_timeliness,
    latest_due_period,
    too_old,
)

APRIL = FinancialCalendar(4)
M, Q, A = Frequency.MONTHLY, Frequency.QUARTERLY, Frequency.ANNUAL
ON_TIME, LATE, STALE = Timeliness.ON_TIME, Timeliness.LATE, Timeliness.STALE


def series_to(last: Month | None, frequency: Frequency, periods: int = 8) -> dict[Month, Decimal | None]:
    """Values for ``periods`` periods of ``frequency`` ending ``last`` (none at all for None)."""
    if last is None:
        return {}
    return {last.plus(-frequency.months * back): Decimal(back) for back in range(periods)}


CASES = [
    # Monthly, lag 0, October 2026: current is October, due by October itself.
    pytest.param(M, 0, Month(2026, 10), Month(2026, 10), ON_TIME, None, None, id="monthly 0: Oct in"),
    # Sep in; Oct (due by Oct) missing, and nothing after Oct is due -> late.
    pytest.param(
        M, 0, Month(2026, 10), Month(2026, 9), LATE, Month(2026, 10), Month(2026, 10), id="monthly 0: Sep"
    ),
    # Aug in; Sep (by Sep) and Oct (by Oct) both due and missing -> stale.
    pytest.param(
        M, 0, Month(2026, 10), Month(2026, 8), STALE, Month(2026, 9), Month(2026, 9), id="monthly 0: Aug"
    ),
    # Monthly, lag 1: Oct is due by Nov, so Sep in is on time; Oct is named as the next due.
    pytest.param(
        M, 1, Month(2026, 10), Month(2026, 9), ON_TIME, Month(2026, 10), Month(2026, 11), id="monthly 1: Sep"
    ),
    # The sentence: data to Aug; Sep was due by Oct; Oct (by Nov) not yet -> late.
    pytest.param(
        M, 1, Month(2026, 10), Month(2026, 8), LATE, Month(2026, 9), Month(2026, 10), id="monthly 1: Aug"
    ),
    # Jul in: Aug (by Sep) and Sep (by Oct) due -> stale.
    pytest.param(
        M, 1, Month(2026, 10), Month(2026, 7), STALE, Month(2026, 8), Month(2026, 9), id="monthly 1: Jul"
    ),
    # Around the year end a month is a month: April 2026's report, March in, April due by April -> late.
    pytest.param(
        M, 0, Month(2026, 4), Month(2026, 3), LATE, Month(2026, 4), Month(2026, 4), id="monthly 0: Apr, Mar"
    ),
    # March 2026's report, February in, lag 1: March is due by April -> on time.
    pytest.param(
        M,
        1,
        Month(2026, 3),
        Month(2026, 2),
        ON_TIME,
        Month(2026, 3),
        Month(2026, 4),
        id="monthly 1: Mar, Feb",
    ),
    # Quarterly, lag 2 (the default). April 2026: current Q4 2025/26 (Mar), due by May -> Q3 in is on time.
    pytest.param(
        Q,
        2,
        Month(2026, 4),
        Month(2025, 12),
        ON_TIME,
        Month(2026, 3),
        Month(2026, 5),
        id="quarterly: Apr, Q3",
    ),
    # May 2026: Q4 is due by May and missing; nothing later is due -> late.
    pytest.param(
        Q, 2, Month(2026, 5), Month(2025, 12), LATE, Month(2026, 3), Month(2026, 5), id="quarterly: May, Q3"
    ),
    # May 2026, Q2 in: Q3 (by Feb) and Q4 (by May) due -> stale.
    pytest.param(
        Q, 2, Month(2026, 5), Month(2025, 9), STALE, Month(2025, 12), Month(2026, 2), id="quarterly: May, Q2"
    ),
    # March 2026 (the year end, Q4 current): Q2 in, Q3 due by Feb, Q4 not until May -> late.
    pytest.param(
        Q, 2, Month(2026, 3), Month(2025, 9), LATE, Month(2025, 12), Month(2026, 2), id="quarterly: Mar, Q2"
    ),
    # Q4 itself in at the year end: reaches current -> on time.
    pytest.param(Q, 2, Month(2026, 3), Month(2026, 3), ON_TIME, None, None, id="quarterly: Mar, Q4"),
    # Quarterly, lag 0 (a quarterly scorecard's own figures): March 2026, Q3 in, Q4 due by March -> late.
    pytest.param(
        Q, 0, Month(2026, 3), Month(2025, 12), LATE, Month(2026, 3), Month(2026, 3), id="quarterly 0: Mar, Q3"
    ),
    # Annual, lag 6. August 2026: current 2025/26 (Mar 2026), due by Sep 2026 -> 2024/25 in is on time.
    pytest.param(
        A, 6, Month(2026, 8), Month(2025, 3), ON_TIME, Month(2026, 3), Month(2026, 9), id="annual: Aug, 24/25"
    ),
    # September 2026: 2025/26 due by Sep and missing -> late.
    pytest.param(
        A, 6, Month(2026, 9), Month(2025, 3), LATE, Month(2026, 3), Month(2026, 9), id="annual: Sep, 24/25"
    ),
    # March 2026, the year end: 2023/24 in, 2024/25 due by Sep 2025, 2025/26 not until Sep 2026 -> late.
    pytest.param(
        A, 6, Month(2026, 3), Month(2024, 3), LATE, Month(2025, 3), Month(2025, 9), id="annual: Mar, 23/24"
    ),
    # April 2026, just after the year end: the same.
    pytest.param(
        A, 6, Month(2026, 4), Month(2024, 3), LATE, Month(2025, 3), Month(2025, 9), id="annual: Apr, 23/24"
    ),
    # October 2026: 2023/24 in, 2024/25 and 2025/26 both due -> stale.
    pytest.param(
        A, 6, Month(2026, 10), Month(2024, 3), STALE, Month(2025, 3), Month(2025, 9), id="annual: Oct, 23/24"
    ),
    # No value at all: the latest period due (2025/26 by Sep 2026) is named -> late.
    pytest.param(A, 6, Month(2026, 10), None, LATE, Month(2026, 3), Month(2026, 9), id="annual: no data"),
    pytest.param(M, 0, Month(2026, 10), None, LATE, Month(2026, 10), Month(2026, 10), id="monthly: no data"),
]


@pytest.mark.parametrize(("frequency", "lag", "report", "last", "timeliness", "due", "due_by"), CASES)
def test_on_time_late_and_stale(
    frequency: Frequency,
    lag: int,
    report: Month,
    last: Month | None,
    timeliness: Timeliness,
    due: Month | None,
    due_by: Month | None,
) -> None:
    judged = judge_timeliness(frequency, lag, series_to(last, frequency), report, APRIL)
    assert judged == DataTimeliness(timeliness, last, due, due_by)


def test_values_after_the_report_period_and_missing_values_do_not_count() -> None:
    # Sep 2026 missing (a marker), Nov 2026 dated after the October report: data to Aug 2026.
    series: dict[Month, Decimal | None] = {
        Month(2026, 8): Decimal(1),
        Month(2026, 9): None,
        Month(2026, 11): Decimal(3),
    }
    assert data_to(series, M, Month(2026, 10), APRIL) == Month(2026, 8)
    assert judge_timeliness(M, 0, series, Month(2026, 10), APRIL).timeliness is STALE


def test_a_gap_before_the_latest_value_is_not_lateness() -> None:
    # September never came, October did: the data reaches current, so it is on time.
    series: dict[Month, Decimal | None] = {Month(2026, 8): Decimal(1), Month(2026, 10): Decimal(2)}
    assert judge_timeliness(M, 0, series, Month(2026, 10), APRIL) == DataTimeliness(
        ON_TIME, Month(2026, 10), None, None
    )


def test_only_periods_of_the_frequency_count() -> None:
    # A quarterly series with a stray January value (the loader refuses one; the rule ignores it).
    series: dict[Month, Decimal | None] = {Month(2025, 12): Decimal(1), Month(2026, 1): Decimal(2)}
    assert data_to(series, Q, Month(2026, 2), APRIL) == Month(2025, 12)


def test_the_latest_period_due() -> None:
    # Lag 2 in May 2026: quarter ends up to March 2026 are due; in April only up to December 2025.
    assert latest_due_period(Q, 2, Month(2026, 5), APRIL) == Month(2026, 3)
    assert latest_due_period(Q, 2, Month(2026, 4), APRIL) == Month(2025, 12)
    # Annual, lag 6: in September 2026, 2025/26 (March 2026); in August, 2024/25.
    assert latest_due_period(A, 6, Month(2026, 9), APRIL) == Month(2026, 3)
    assert latest_due_period(A, 6, Month(2026, 8), APRIL) == Month(2025, 3)


@pytest.mark.parametrize(
    ("year_end", "current", "age"),
    [
        # 2025/26 against a current October 2026 (2026/27): one year.
        pytest.param(Month(2026, 3), Month(2026, 10), 1, id="one year"),
        # 2024/25 against 2026/27: two.
        pytest.param(Month(2025, 3), Month(2026, 10), 2, id="two years"),
        # The same year: a benchmark for 2026/27 beside April 2026, the year's first month.
        pytest.param(Month(2027, 3), Month(2026, 4), 0, id="same year"),
        # Around the year end: March 2026 is still 2025/26, so 2024/25 is one year before it ...
        pytest.param(Month(2025, 3), Month(2026, 3), 1, id="March: one year"),
        # ... and April 2026 starts 2026/27, two years after 2024/25.
        pytest.param(Month(2025, 3), Month(2026, 4), 2, id="April: two years"),
        # An annual indicator's current 2025/26 (March 2026) against 2023/24: two years.
        pytest.param(Month(2024, 3), Month(2026, 3), 2, id="annual two years"),
        # A benchmark of a later year (2026/27) than the figure (2025/26): negative, never too old.
        pytest.param(Month(2027, 3), Month(2025, 6), -1, id="later"),
    ],
)
def test_benchmark_age(year_end: Month, current: Month, age: int) -> None:
    assert benchmark_age(year_end, current, APRIL) == age


def test_too_old_is_more_than_the_maximum_age() -> None:
    assert [too_old(age, 1) for age in (-1, 0, 1, 2, 3)] == [False, False, False, True, True]
    assert [too_old(age, 0) for age in (0, 1)] == [False, True]
    assert [too_old(age, 2) for age in (2, 3)] == [False, True]
    assert too_old(None, 0) is False  # no year: nothing to judge


def test_a_january_year_counts_calendar_years() -> None:
    january = FinancialCalendar(1)
    # 2024 (December 2024) against June 2026: two years; an annual value for 2025 is due by June 2026.
    assert benchmark_age(Month(2024, 12), Month(2026, 6), january) == 2
    judged = judge_timeliness(A, 6, {Month(2024, 12): Decimal(1)}, Month(2026, 6), january)
    assert judged == DataTimeliness(LATE, Month(2024, 12), Month(2025, 12), Month(2026, 6))
