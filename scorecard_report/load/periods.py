"""The period spellings the values and ``--period`` may use, read into months."""

from __future__ import annotations

import calendar
import datetime as dt
import re

from scorecard_report.inputs.periods import FinancialCalendar, Month, PeriodError

MONTH_ABBREVIATIONS = {name.lower(): i for i, name in enumerate(calendar.month_abbr) if name}
MONTH_NAMES = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTH_WORDS = {**MONTH_ABBREVIATIONS, **MONTH_NAMES, "sept": 9}

PERIOD_SPELLINGS = "2023-01, 2023-01-31, Jan-23, Jan 2023, January 2023, 2022/23 Q3 or 2022/23"

_ISO_MONTH = re.compile(r"(\d{4})-(\d{1,2})")
_ISO_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]00:00(?::00)?)?")
_WORD_MONTH = re.compile(r"([A-Za-z]+)[-\s]+(\d{2}|\d{4})")
_SLASHED_DATE = re.compile(r"\d{1,2}/\d{1,2}/\d{2,4}")
_FINANCIAL_YEAR = re.compile(r"(\d{4})/(\d{2})(?:\s+Q([1-4]))?", re.IGNORECASE)
_YEAR_SPAN = re.compile(r"(\d{4})\s*[/\-–]\s*(\d{4}|\d{2})")
_YEAR = re.compile(r"\d{4}")
YEAR_SPELLINGS = "2022/23, 2022-23 or 2022/2023 (or 2023 for the year ending in 2023)"


def parse_period(text: str, calendar_: FinancialCalendar) -> Month:
    """Read one of the accepted period spellings; anything else is a ``PeriodError``."""
    cleaned = text.strip()
    if _SLASHED_DATE.fullmatch(cleaned):
        raise PeriodError(f"'{text}' is ambiguous (day/month or month/day?); write it as 2023-01 or Jan-23")
    for parse in (_parse_iso, _parse_words, _parse_financial):
        month = parse(cleaned, calendar_)
        if month is not None:
            return month
    raise PeriodError(f"'{text}' is not a period; write it as one of {PERIOD_SPELLINGS}")


def parse_financial_year(text: str, calendar_: FinancialCalendar) -> Month:
    """The last month of the financial year ``text`` names: ``2022/23``, ``2022-23``, ``2022/2023`` (the year
    that starts in 2022), or ``2023``, the year that ends in 2023, as the DfE's "reporting year 2023" is
    the year to 31 March 2023. Anything else is a ``PeriodError``."""
    cleaned = text.strip()
    if match := _YEAR_SPAN.fullmatch(cleaned):
        start, end = int(match[1]), match[2]
        following = f"{start + 1}" if len(end) == 4 else f"{(start + 1) % 100:02d}"
        if end != following:
            raise PeriodError(f"'{text}' is not a financial year: {start} is followed by {following}")
        return calendar_.year_end(start)
    if _YEAR.fullmatch(cleaned):
        return calendar_.latest_year_end(Month(int(cleaned), 12))
    raise PeriodError(f"'{text}' is not a financial year; write it as {YEAR_SPELLINGS}")


def month_of(value: dt.date | dt.datetime) -> Month:
    """The month of a date cell read from a spreadsheet."""
    return Month(value.year, value.month)


def _parse_iso(text: str, _calendar: FinancialCalendar) -> Month | None:
    if match := _ISO_MONTH.fullmatch(text):
        return _month(int(match[1]), int(match[2]), text)
    if match := _ISO_DATE.fullmatch(text):
        try:
            day = dt.date(int(match[1]), int(match[2]), int(match[3]))
        except ValueError as error:
            raise PeriodError(f"'{text}' is not a real date ({error})") from None
        return Month(day.year, day.month)
    return None


def _parse_words(text: str, _calendar: FinancialCalendar) -> Month | None:
    match = _WORD_MONTH.fullmatch(text)
    if match is None:
        return None
    word, year = match[1].lower(), match[2]
    if word not in MONTH_WORDS:
        raise PeriodError(f"'{text}': '{match[1]}' is not a month name")
    if len(year) == 2 and "-" not in text:
        raise PeriodError(
            f"'{text}' is ambiguous (a day or a year?); write it as {match[1]}-{year} or {match[1]} 20{year}"
        )
    if word in MONTH_ABBREVIATIONS or word == "sept":
        full_year = 2000 + int(year) if len(year) == 2 else int(year)
    elif len(year) == 4:
        full_year = int(year)
    else:
        return None
    return Month(full_year, MONTH_WORDS[word])


def _parse_financial(text: str, calendar_: FinancialCalendar) -> Month | None:
    match = _FINANCIAL_YEAR.fullmatch(text)
    if match is None:
        return None
    start, end = int(match[1]), int(match[2])
    if (start + 1) % 100 != end:
        raise PeriodError(f"'{text}' is not a financial year: {start} is followed by {(start + 1) % 100:02d}")
    if match[3]:
        return calendar_.quarter_end(start, int(match[3]))
    return calendar_.year_end(start)


def _month(year: int, month: int, text: str) -> Month:
    if not 1 <= month <= 12:
        raise PeriodError(f"'{text}': month {month} is not 1-12")
    return Month(year, month)
