"""Frozen, typed report model: report → sections → rows, with numbers and their display text."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from scorecard_report.catalogue import BenchmarkSource
from scorecard_report.periods import Month
from scorecard_report.rules.benchmarks import Comparison
from scorecard_report.rules.direction import Comparator, Direction, Judgement
from scorecard_report.rules.display import Unit
from scorecard_report.rules.polarity import Polarity
from scorecard_report.rules.selection import Frequency
from scorecard_report.rules.targets import RagStatus, Target


@dataclass(frozen=True)
class Figure:
    """A value at a period, as data (``value``) and as shown (``text``, ``period_text``)."""

    period: Month
    period_text: str
    value: Decimal | None
    text: str
    shown: Decimal | None  # the value rounded to display decimals: what every judgement uses

    @property
    def missing(self) -> bool:
        return self.value is None


@dataclass(frozen=True)
class BenchmarkComparison:
    source: BenchmarkSource
    year: str | None  # the value's own year where the benchmarks file gives one, else the source's
    value: Decimal | None
    text: str
    difference: Decimal | None
    difference_text: str
    comparison: Comparison


@dataclass(frozen=True)
class Row:
    """One indicator in the report, with every judgement already made."""

    ref: str
    title: str
    description: str
    unit: Unit
    unit_label: str | None
    decimals: int
    polarity: Polarity
    frequency: Frequency
    highlight: bool
    current: Figure
    previous_period: Figure
    previous_year: Figure
    target: Target | None
    target_text: str
    status: RagStatus
    band: str | None
    comparator: Comparator
    direction: Direction
    judgement: Judgement
    change_text: str
    benchmarks: tuple[BenchmarkComparison, ...]
    trend: tuple[Figure, ...]


@dataclass(frozen=True)
class SectionReport:
    id: str
    title: str
    owner: str | None
    rows: tuple[Row, ...]


@dataclass(frozen=True)
class Report:
    """A whole scorecard for one period."""

    title: str
    organisation: str
    name: str
    period: Month
    period_text: str
    missing_label: str
    below_bands: str
    benchmarks: tuple[BenchmarkSource, ...]
    sections: tuple[SectionReport, ...]

    @property
    def rows(self) -> tuple[Row, ...]:
        return tuple(row for section in self.sections for row in section.rows)
