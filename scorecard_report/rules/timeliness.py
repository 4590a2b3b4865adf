"""Whether an indicator's data reaches as far as it should by the report period, and how old a benchmark is.

A period of the indicator's frequency, dated to its last month ``E``, is due by the month ``E + lag``;
in the report for ``P`` it is due when ``E + lag <= P``. With the latest period holding a value (data to)
and the period after it (due):

- **on time**: the data reaches the current period, or the period after it is not yet due;
- **late**: the period after the data is due, and the one after that is not: the latest value due is
  missing (with no value at all, the latest period due is the one missing);
- **stale**: two or more periods after the data are due: what is held is older than it should be.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from scorecard_report.inputs.periods import FinancialCalendar, Month
from scorecard_report.inputs.vocabulary import Frequency, Timeliness
from scorecard_report.rules.selection import current_period, is_period_of


@dataclass(frozen=True)
class DataTimeliness:
    """The judgement, no words: how far the data reaches and what it should reach next."""

    timeliness: Timeliness
    data_to: Month | None  # the latest period with a value, on or before the report period
    due: Month | None  # the first period up to current without data: None when the data reaches current
    due_by: Month | None  # the month ``due`` is due by: its last month plus the lag


def due_by(period: Month, lag: int) -> Month:
    """The month by which the value of the period ending ``period`` is due."""
    return period.plus(lag)


def latest_due_period(frequency: Frequency, lag: int, report: Month, calendar: FinancialCalendar) -> Month:
    """The latest period of ``frequency`` whose value is due by the report period."""
    return current_period(frequency, report.plus(-lag), calendar)


def data_to(
    series: Mapping[Month, Decimal | None], frequency: Frequency, report: Month, calendar: FinancialCalendar
) -> Month | None:
    """The latest period of ``frequency`` on or before the report period that has a value."""
    held = [
        month
        for month, value in series.items()
        if value is not None and month <= report and is_period_of(frequency, month, calendar)
    ]
    return max(held, default=None)


def judge_timeliness(
    frequency: Frequency,
    lag: int,
    series: Mapping[Month, Decimal | None],
    report: Month,
    calendar: FinancialCalendar,
) -> DataTimeliness:
    """On time, late or stale, with the periods the judgement rests on (see the module's rules)."""
    reached = data_to(series, frequency, report, calendar)
    if reached is None:
        latest = latest_due_period(frequency, lag, report, calendar)
        return DataTimeliness(Timeliness.LATE, None, latest, due_by(latest, lag))
    if reached >= current_period(frequency, report, calendar):
        return DataTimeliness(Timeliness.ON_TIME, reached, None, None)
    step = frequency.months
    due = reached.plus(step)
    if due_by(due, lag) > report:
        timeliness = Timeliness.ON_TIME
    elif due_by(due.plus(step), lag) > report:
        timeliness = Timeliness.LATE
    else:
        timeliness = Timeliness.STALE
    return DataTimeliness(timeliness, reached, due, due_by(due, lag))


def benchmark_age(year_end: Month, current: Month, calendar: FinancialCalendar) -> int:
    """Whole financial years from the benchmark's year (ending ``year_end``) to the year containing the
    current period: 0 for the same year, negative for a benchmark of a later year."""
    return (calendar.year_start(current).index - calendar.year_start(year_end).index) // 12


def too_old(age: int | None, max_age: int) -> bool:
    """A benchmark is too old to compare when its year is more than ``max_age`` years before current's."""
    return age is not None and age > max_age
