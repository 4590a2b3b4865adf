"""Frozen, typed report model: report → sections → rows, with numbers and their display text."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from scorecard_report.inputs.catalogue import BenchmarkSource, ReportSettings
from scorecard_report.inputs.commentary import Text, TitledText
from scorecard_report.inputs.periods import Month
from scorecard_report.inputs.targets import Target
from scorecard_report.inputs.vocabulary import (
    Comparator,
    Comparison,
    Direction,
    Frequency,
    Judgement,
    Polarity,
    RagStatus,
    Unit,
)


@dataclass(frozen=True)
class Figure:
    """A value at a period, as data (``value``) and as shown (``text``, ``period_text``)."""

    period: Month
    period_text: str
    value: Decimal | None
    text: str
    shown: Decimal | None  # the value rounded to display decimals: what every judgement uses
    variance: Decimal | None = None  # shown value minus the target boundary it is judged against
    variance_text: str = ""

    @property
    def missing(self) -> bool:
        return self.value is None


@dataclass(frozen=True)
class QuarterFigure:
    """One quarter of the report's financial year: its value and band; ``future`` ones are blank."""

    label: str  # "Q1"
    figure: Figure | None  # None for a quarter that ends after the report period
    band: str | None
    band_key: str | None


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
    band_key: str | None
    comparator: Comparator
    direction: Direction
    judgement: Judgement
    change_text: str
    benchmarks: tuple[BenchmarkComparison, ...]
    trend: tuple[Figure, ...]
    in_appendix: bool = True
    commentary: Text | None = None
    group: str | None = None
    fields: tuple[tuple[str, str], ...] = ()
    bands: tuple[tuple[str, str, str], ...] = ()  # (key, label, threshold as written)
    quarters: tuple[QuarterFigure, ...] = ()
    annual: Figure | None = None

    @property
    def compared_with(self) -> Figure:
        """The figure the direction of travel was judged against: the previous period or year."""
        return self.previous_period if self.comparator is Comparator.PREVIOUS_PERIOD else self.previous_year


@dataclass(frozen=True)
class SectionReport:
    id: str
    title: str
    owner: str | None
    rows: tuple[Row, ...]
    commentary: Text | None = None


@dataclass(frozen=True)
class StatusCounts:
    """How one section (or the whole report) stands: the summary page's table row."""

    title: str
    green: int
    amber: int
    red: int
    no_status: int
    improving: int
    declining: int


@dataclass(frozen=True)
class Mover:
    """An indicator that improved or declined most, relative to its comparator."""

    ref: str
    title: str
    section: str
    before: str
    after: str
    change_text: str
    relative_change: Decimal


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
    settings: ReportSettings = field(default_factory=ReportSettings)
    commentary: tuple[TitledText, ...] = ()
    summary: tuple[StatusCounts, ...] = ()
    total: StatusCounts | None = None
    improvements: tuple[Mover, ...] = ()
    deteriorations: tuple[Mover, ...] = ()
    fields: tuple[tuple[str, str], ...] = ()  # declared extra fields: (name, column heading)
    year_label: str = ""  # the financial year containing the period, e.g. 2015/16
    source: Path | None = None  # the catalogue it was built from, for messages

    @property
    def rows(self) -> tuple[Row, ...]:
        return tuple(row for section in self.sections for row in section.rows)
