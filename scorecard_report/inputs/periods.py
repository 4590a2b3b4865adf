"""Calendar months, financial years and quarters: the periods every value is dated to."""

from __future__ import annotations

from dataclasses import dataclass


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
