"""How a month, quarter or financial year is written: the one place that turns a period into words."""

from __future__ import annotations

import calendar as month_names
import datetime as dt

from scorecard_report.inputs.periods import FinancialCalendar, Month
from scorecard_report.inputs.vocabulary import Frequency

# Read once: calendar's names call strftime each time, which dominated a 5,000-indicator build.
_ABBREVIATIONS = tuple(month_names.month_abbr)
_NAMES = tuple(month_names.month_name)


def month_short(month: Month) -> str:
    """``Jan 2023``: how a month is shown in a scorecard."""
    return f"{_ABBREVIATIONS[month.month]} {month.year}"


def month_words(month: Month) -> str:
    """``January 2023``: the period on a cover page."""
    return f"{_NAMES[month.month]} {month.year}"


def day_short(day: dt.date) -> str:
    """``8 Oct 2026``: a day, in UK order with the month as a scorecard shows it."""
    return f"{day.day} {_ABBREVIATIONS[day.month]} {day.year}"


def year_label(calendar: FinancialCalendar, month: Month) -> str:
    """``2022/23`` for the financial year containing ``month``; ``2023`` if it starts in January."""
    return year_words(calendar.year_start(month).year, calendar.year_start_month)


def year_words(start_year: int, year_start_month: int) -> str:
    """``2022/23`` for the financial year that starts in 2022; ``2022`` where years start in January."""
    if year_start_month == 1:
        return str(start_year)
    return f"{start_year}/{(start_year + 1) % 100:02d}"


def quarter_label(calendar: FinancialCalendar, month: Month) -> str:
    """``Q3 2022/23``: a quarter as a scorecard shows it."""
    return f"Q{calendar.quarter(month)} {year_label(calendar, month)}"


def quarter_words(calendar: FinancialCalendar, month: Month) -> str:
    """``Quarter 3 2022/23``: a quarter in a title."""
    return f"Quarter {calendar.quarter(month)} {year_label(calendar, month)}"


def quarter_heading(number: int) -> str:
    """``Q3``: a quarter of the report's financial year, as a column heading."""
    return f"Q{number}"


def format_period(month: Month, frequency: Frequency, calendar: FinancialCalendar) -> str:
    """``Jan 2023`` for months, ``Q3 2022/23`` for quarters, ``2022/23`` for years."""
    if frequency is Frequency.QUARTERLY:
        return quarter_label(calendar, month)
    if frequency is Frequency.ANNUAL:
        return year_label(calendar, month)
    return month_short(month)


def report_period_text(period: Month, layout: str, calendar: FinancialCalendar) -> str:
    """``January 2023``; for a quarterly layout at a quarter end, ``Quarter 4 2015/16``; for an annual
    layout at a year end, ``2015/16``."""
    if layout == "quarterly" and calendar.is_quarter_end(period):
        return quarter_words(calendar, period)
    if layout == "annual" and calendar.is_year_end(period):
        return year_label(calendar, period)
    return month_words(period)


_PERIOD_NOUNS = {
    Frequency.MONTHLY: ("month", "months"),
    Frequency.QUARTERLY: ("quarter", "quarters"),
    Frequency.ANNUAL: ("year", "years"),
}


def period_noun(frequency: Frequency, *, plural: bool) -> str:
    """``month`` or ``months``, ``quarter(s)``, ``year(s)``: what one step of a trend is."""
    return _PERIOD_NOUNS[frequency][1 if plural else 0]
