"""Which values a report for period P shows: current, previous period, previous year and trend."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal

from scorecard_report.inputs.periods import FinancialCalendar, Month
from scorecard_report.inputs.vocabulary import Frequency


def current_period(frequency: Frequency, report_period: Month, calendar: FinancialCalendar) -> Month:
    """The latest period of ``frequency`` that ends on or before the report period."""
    if frequency is Frequency.QUARTERLY:
        return calendar.latest_quarter_end(report_period)
    if frequency is Frequency.ANNUAL:
        return calendar.latest_year_end(report_period)
    return report_period


def previous_period(frequency: Frequency, current: Month) -> Month:
    """One period of the indicator's own frequency before current."""
    return current.plus(-frequency.months)


def previous_year(current: Month) -> Month:
    """Twelve months before current, whatever the frequency."""
    return current.plus(-12)


def trend_periods(frequency: Frequency, current: Month, count: int = 13) -> tuple[Month, ...]:
    """The ``count`` periods of ``frequency`` ending at current, oldest first."""
    return tuple(current.plus(-frequency.months * back) for back in range(count - 1, -1, -1))


def value_at(series: Mapping[Month, Decimal | None], month: Month, report_period: Month) -> Decimal | None:
    """The value dated ``month``; nothing dated after the report period is ever used."""
    if month > report_period:
        return None
    return series.get(month)


def is_period_of(frequency: Frequency, month: Month, calendar: FinancialCalendar) -> bool:
    """Quarterly values are dated to quarter ends, annual ones to year ends."""
    if frequency is Frequency.QUARTERLY:
        return calendar.is_quarter_end(month)
    if frequency is Frequency.ANNUAL:
        return calendar.is_year_end(month)
    return True


def latest_reportable_month(monthly_series: Sequence[Mapping[Month, Decimal | None]]) -> Month | None:
    """The latest month in which at least half of the monthly indicators have a value."""
    counts: dict[Month, int] = {}
    for series in monthly_series:
        for month, value in series.items():
            if value is not None:
                counts[month] = counts.get(month, 0) + 1
    enough = [month for month, count in counts.items() if count * 2 >= len(monthly_series)]
    return max(enough, default=None)
