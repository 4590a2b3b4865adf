"""Calendar months, financial years and quarters, and the period spellings the data may use."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

# Read once: calendar's names call strftime each time, which dominated a 5,000-indicator build.
_ABBREVIATIONS = tuple(calendar.month_abbr)
_NAMES = tuple(calendar.month_name)
MONTH_ABBREVIATIONS = {name.lower(): i for i, name in enumerate(_ABBREVIATIONS) if name}
MONTH_NAMES = {name.lower(): i for i, name in enumerate(_NAMES) if name}
MONTH_WORDS = {**MONTH_ABBREVIATIONS, **MONTH_NAMES, "sept": 9}

PERIOD_SPELLINGS = "2023-01, 2023-01-31, Jan-23, Jan 2023, January 2023, 2022/23 Q3 or 2022/23"


class PeriodError(ValueError):
    """Text that is not one of the period spellings the rules accept."""


@dataclass(frozen=True, order=True)
class Month:
    """A calendar month: the unit every value is dated to."""

    year: int
    month: int

    def __post_init__(self) -> None:
        if not 1 <= self.month <= 12:
            raise PeriodError(f"month {self.month} is not 1-12")

    @classmethod
    def from_index(cls, index: int) -> Month:
        return cls(index // 12, index % 12 + 1)

    @property
    def index(self) -> int:
        return self.year * 12 + self.month - 1

    def plus(self, months: int) -> Month:
        return Month.from_index(self.index + months)

    def iso(self) -> str:
        """``2023-01``: the spelling used in file names and the summary CSV."""
        return f"{self.year:04d}-{self.month:02d}"

    def short(self) -> str:
        """``Jan 2023``: how a month is shown in a scorecard."""
        return f"{_ABBREVIATIONS[self.month]} {self.year}"

    def words(self) -> str:
        """``January 2023``: the period on a cover page."""
        return f"{_NAMES[self.month]} {self.year}"

    def __str__(self) -> str:
        return self.iso()


@dataclass(frozen=True)
class FinancialCalendar:
    """Financial years and quarters for a given first month of the year (April by default)."""

    year_start_month: int = 4

    def months_into_year(self, month: Month) -> int:
        return (month.month - self.year_start_month) % 12

    def year_start(self, month: Month) -> Month:
        return month.plus(-self.months_into_year(month))

    def year_label(self, month: Month) -> str:
        """``2022/23`` for the financial year containing ``month``; ``2023`` if it starts in January."""
        start = self.year_start(month)
        if self.year_start_month == 1:
            return str(start.year)
        return f"{start.year}/{(start.year + 1) % 100:02d}"

    def quarter(self, month: Month) -> int:
        return self.months_into_year(month) // 3 + 1

    def is_quarter_end(self, month: Month) -> bool:
        return self.months_into_year(month) % 3 == 2

    def is_year_end(self, month: Month) -> bool:
        return self.months_into_year(month) == 11

    def latest_quarter_end(self, month: Month) -> Month:
        return month.plus(-((self.months_into_year(month) + 1) % 3))

    def latest_year_end(self, month: Month) -> Month:
        return month.plus(-((self.months_into_year(month) + 1) % 12))

    def quarter_end(self, year_start_year: int, quarter: int) -> Month:
        return Month(year_start_year, self.year_start_month).plus(quarter * 3 - 1)

    def year_end(self, year_start_year: int) -> Month:
        return Month(year_start_year, self.year_start_month).plus(11)

    def quarter_label(self, month: Month) -> str:
        """``Q3 2022/23``: a quarter as a scorecard shows it."""
        return f"Q{self.quarter(month)} {self.year_label(month)}"

    def quarter_words(self, month: Month) -> str:
        """``Quarter 3 2022/23``: a quarter in a title."""
        return f"Quarter {self.quarter(month)} {self.year_label(month)}"


_ISO_MONTH = re.compile(r"(\d{4})-(\d{1,2})")
_ISO_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]00:00(?::00)?)?")
_WORD_MONTH = re.compile(r"([A-Za-z]+)[-\s]+(\d{2}|\d{4})")
_SLASHED_DATE = re.compile(r"\d{1,2}/\d{1,2}/\d{2,4}")
_FINANCIAL_YEAR = re.compile(r"(\d{4})/(\d{2})(?:\s+Q([1-4]))?", re.IGNORECASE)


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


def month_of(value: dt.date | dt.datetime) -> Month:
    """The month of a date cell read from a spreadsheet."""
    return Month(value.year, value.month)
